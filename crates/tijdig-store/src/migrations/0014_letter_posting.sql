-- 0014: a posted letter counts from the day the user confirms it went into the mail
-- ("verstuurd per post op", reference README "Collection costs" → posting confirmation). Until
-- then it is made, not sent: it starts no verzuim, term, costs or limitation, and the ladder step
-- it carries out (`post_step`) is not done. The delivery date is recorded once.

ALTER TABLE letters ADD COLUMN posted_on TEXT;
ALTER TABLE letters ADD COLUMN post_step TEXT;
-- A 14-dagenbrief about several invoices names one staffel over their summed principal: the
-- principal it was computed over, so each invoice bears its share (computed once, allocated
-- once).
ALTER TABLE letters ADD COLUMN costs_principal TEXT;
-- Posted letters made before this version were counted as sent when made: they keep that.
UPDATE letters SET posted_on = letter_date WHERE channel = 'letter';

-- What a letter says and how it goes are fixed once made; it is posted once, never before its
-- date; its delivery is recorded once, after it was sent.
CREATE TRIGGER letters_sent_once BEFORE UPDATE ON letters
WHEN NEW.channel IS NOT OLD.channel OR NEW.reference IS NOT OLD.reference
    OR NEW.language IS NOT OLD.language OR NEW.costs IS NOT OLD.costs
    OR NEW.costs_due_from IS NOT OLD.costs_due_from OR NEW.post_step IS NOT OLD.post_step
    OR NEW.costs_principal IS NOT OLD.costs_principal
    OR (OLD.posted_on IS NOT NULL AND NEW.posted_on IS NOT OLD.posted_on)
    OR (NEW.posted_on IS NOT NULL
        AND (NEW.channel <> 'letter' OR NEW.posted_on < NEW.letter_date))
    OR (OLD.delivered_on IS NOT NULL AND NEW.delivered_on IS NOT OLD.delivered_on)
    OR (NEW.delivered_on IS NOT NULL AND (coalesce(NEW.posted_on, NEW.emailed_on) IS NULL
        OR NEW.delivered_on < coalesce(NEW.posted_on, NEW.emailed_on)))
BEGIN
    SELECT RAISE(ABORT, 'a letter cannot be changed');
END;

-- A new dossier kind: the delivery of a letter (track & trace, read receipt).
DROP TRIGGER dossier_kind_known;
CREATE TRIGGER dossier_kind_known BEFORE INSERT ON dossier_entries
WHEN NEW.kind NOT IN ('letter', 'email', 'call', 'note', 'promise', 'dispute',
                      'dispute_resolved', 'step_skipped', 'hand_over', 'payment', 'arrangement',
                      'arrangement_payment', 'offer', 'agreement', 'waiver', 'delivered')
BEGIN
    SELECT RAISE(ABORT, 'unknown dossier kind');
END;
