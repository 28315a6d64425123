-- 0023: contractual interest and costs per version of the algemene voorwaarden (issue 22).
--
-- Afspraken bij te late betaling: what one version stipulates for a business client's late
-- payment — a contractual rate (per month or per year, simple or compounded), contractual
-- collection costs (a percentage with a minimum, or a fixed amount) and whether the term is a
-- fatale termijn. No row: the version stipulates nothing of its own (statutory claim).
--
-- A version's terms are fixed once an offer carrying it was sent: the client received them in
-- the offer's clause, and an accepted offer decides the claims of that client's invoices. So
-- the terms of every version a claim can read never change, and no remembered settled claim
-- (0016) can rest on terms that changed: accepting an offer already forgets the client's
-- settled claims (settled_agreement_insert).
CREATE TABLE terms_late_payment (
    terms_document_id INTEGER PRIMARY KEY REFERENCES terms_documents (id),
    interest_percent  TEXT,
    interest_per      TEXT CHECK (interest_per IN ('month', 'year')),
    interest_compound INTEGER NOT NULL CHECK (interest_compound IN (0, 1)),
    costs_kind        TEXT NOT NULL CHECK (costs_kind IN ('statutory', 'percent', 'fixed')),
    costs_percent     TEXT,
    costs_minimum     TEXT,
    costs_amount      TEXT,
    fatal_term        INTEGER NOT NULL CHECK (fatal_term IN (0, 1)),
    saved_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((interest_percent IS NULL) = (interest_per IS NULL)),
    CHECK (costs_kind <> 'percent' OR (costs_percent IS NOT NULL AND costs_minimum IS NOT NULL)),
    CHECK (costs_kind <> 'fixed' OR costs_amount IS NOT NULL)
) STRICT;

CREATE TRIGGER terms_late_payment_fixed_insert BEFORE INSERT ON terms_late_payment
    WHEN EXISTS (SELECT 1 FROM offers
                 WHERE terms_document_id = NEW.terms_document_id AND sent_on IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'the late-payment terms of a version sent with an offer are fixed');
END;
CREATE TRIGGER terms_late_payment_fixed_update BEFORE UPDATE ON terms_late_payment
    WHEN EXISTS (SELECT 1 FROM offers
                 WHERE terms_document_id IN (OLD.terms_document_id, NEW.terms_document_id)
                   AND sent_on IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'the late-payment terms of a version sent with an offer are fixed');
END;
CREATE TRIGGER terms_late_payment_fixed_delete BEFORE DELETE ON terms_late_payment
    WHEN EXISTS (SELECT 1 FROM offers
                 WHERE terms_document_id = OLD.terms_document_id AND sent_on IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'the late-payment terms of a version sent with an offer are fixed');
END;
