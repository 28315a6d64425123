-- 0024: a client accepted a version of the algemene voorwaarden outside Tijdig (issue 22's
-- adoption gap: a freelancer whose clients agreed to the voorwaarden before Tijdig, or on paper
-- without an offer made here). Such a record decides the client's claims like an accepted
-- offer carrying the version: invoices dated on or after `accepted_on`.
CREATE TABLE terms_accepted_elsewhere (
    id                INTEGER PRIMARY KEY,
    client_id         INTEGER NOT NULL REFERENCES clients (id),
    terms_document_id INTEGER NOT NULL REFERENCES terms_documents (id),
    accepted_on       TEXT NOT NULL,
    note              TEXT,
    recorded_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX terms_accepted_elsewhere_by_client ON terms_accepted_elsewhere (client_id);

-- A record is never changed (a wrong one is removed and recorded again).
CREATE TRIGGER terms_accepted_elsewhere_no_update BEFORE UPDATE ON terms_accepted_elsewhere
BEGIN
    SELECT RAISE(ABORT, 'a recorded acceptance of the terms cannot be changed');
END;

-- It decides the client's claims: the client's remembered settled claims are forgotten.
CREATE TRIGGER settled_terms_accepted_insert AFTER INSERT ON terms_accepted_elsewhere
BEGIN
    DELETE FROM settled_claims WHERE invoice_id IN (SELECT id FROM invoices WHERE client_id = NEW.client_id);
END;
CREATE TRIGGER settled_terms_accepted_delete AFTER DELETE ON terms_accepted_elsewhere
BEGIN
    DELETE FROM settled_claims WHERE invoice_id IN (SELECT id FROM invoices WHERE client_id = OLD.client_id);
END;

-- A version a client accepted is fixed, as one sent with an offer (0023).
DROP TRIGGER terms_late_payment_fixed_insert;
DROP TRIGGER terms_late_payment_fixed_update;
DROP TRIGGER terms_late_payment_fixed_delete;
CREATE TRIGGER terms_late_payment_fixed_insert BEFORE INSERT ON terms_late_payment
    WHEN EXISTS (SELECT 1 FROM offers
                 WHERE terms_document_id = NEW.terms_document_id AND sent_on IS NOT NULL)
      OR EXISTS (SELECT 1 FROM terms_accepted_elsewhere
                 WHERE terms_document_id = NEW.terms_document_id)
BEGIN
    SELECT RAISE(ABORT, 'the late-payment terms of a version sent or accepted are fixed');
END;
CREATE TRIGGER terms_late_payment_fixed_update BEFORE UPDATE ON terms_late_payment
    WHEN EXISTS (SELECT 1 FROM offers
                 WHERE terms_document_id IN (OLD.terms_document_id, NEW.terms_document_id)
                   AND sent_on IS NOT NULL)
      OR EXISTS (SELECT 1 FROM terms_accepted_elsewhere
                 WHERE terms_document_id IN (OLD.terms_document_id, NEW.terms_document_id))
BEGIN
    SELECT RAISE(ABORT, 'the late-payment terms of a version sent or accepted are fixed');
END;
CREATE TRIGGER terms_late_payment_fixed_delete BEFORE DELETE ON terms_late_payment
    WHEN EXISTS (SELECT 1 FROM offers
                 WHERE terms_document_id = OLD.terms_document_id AND sent_on IS NOT NULL)
      OR EXISTS (SELECT 1 FROM terms_accepted_elsewhere
                 WHERE terms_document_id = OLD.terms_document_id)
BEGIN
    SELECT RAISE(ABORT, 'the late-payment terms of a version sent or accepted are fixed');
END;
