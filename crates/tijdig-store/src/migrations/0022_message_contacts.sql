-- 0022: a new dossier kind (issue 21, "a text-message reminder"): a message (sms / WhatsApp)
-- the user sent from their phone as a contact moment or a friendly reminder, with its text.
DROP TRIGGER dossier_kind_known;
CREATE TRIGGER dossier_kind_known BEFORE INSERT ON dossier_entries
WHEN NEW.kind NOT IN ('letter', 'email', 'call', 'note', 'promise', 'dispute',
                      'dispute_resolved', 'step_skipped', 'hand_over', 'payment', 'arrangement',
                      'arrangement_payment', 'offer', 'agreement', 'waiver', 'delivered',
                      'message')
BEGIN
    SELECT RAISE(ABORT, 'unknown dossier kind');
END;
