-- 0016: lists at a lifetime of data (issue 19).
--
-- Afgewikkelde vorderingen: an invoice whose whole claim the engine found settled (nothing of
-- principal, interest or costs open) on `settled_on`. Settled stays settled on every later day
-- while the facts stay as they were (interest runs only on open principal, costs only over it:
-- a property test in tijdig-app proves it), so the lists and Vandaag read these invoices'
-- status from here and compute the claim only of the others. A remembered answer, never a
-- figure of its own: every change to a fact the claim reads deletes the rows it may touch
-- (the triggers below), and the app computes them again.
CREATE TABLE settled_claims (
    invoice_id INTEGER PRIMARY KEY REFERENCES invoices (id) ON DELETE CASCADE,
    settled_on TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('paid', 'credited'))
) STRICT;

-- Payments and waivers of the invoice itself.
CREATE TRIGGER settled_payment_insert AFTER INSERT ON payments
BEGIN
    DELETE FROM settled_claims WHERE invoice_id = NEW.invoice_id;
END;
CREATE TRIGGER settled_payment_update AFTER UPDATE ON payments
BEGIN
    DELETE FROM settled_claims WHERE invoice_id IN (OLD.invoice_id, NEW.invoice_id);
END;
CREATE TRIGGER settled_payment_delete AFTER DELETE ON payments
BEGIN
    DELETE FROM settled_claims WHERE invoice_id = OLD.invoice_id;
END;
CREATE TRIGGER settled_waiver_insert AFTER INSERT ON claim_waivers
BEGIN
    DELETE FROM settled_claims WHERE invoice_id = NEW.invoice_id;
END;
CREATE TRIGGER settled_waiver_delete AFTER DELETE ON claim_waivers
BEGIN
    DELETE FROM settled_claims WHERE invoice_id = OLD.invoice_id;
END;

-- A credit note issued (or any change to an invoice that credits another).
CREATE TRIGGER settled_credit_note AFTER UPDATE ON invoices
    WHEN NEW.credits_invoice_id IS NOT NULL OR OLD.credits_invoice_id IS NOT NULL
BEGIN
    DELETE FROM settled_claims
    WHERE invoice_id IN (OLD.credits_invoice_id, NEW.credits_invoice_id);
END;

-- Letters decide verzuim and costs, and a client's 14-dagenbrieven the cumulatieregeling:
-- any change drops the client's settled claims.
CREATE TRIGGER settled_letter_insert AFTER INSERT ON letters
BEGIN
    DELETE FROM settled_claims
    WHERE invoice_id IN (SELECT id FROM invoices WHERE client_id = NEW.client_id);
END;
CREATE TRIGGER settled_letter_update AFTER UPDATE ON letters
BEGIN
    DELETE FROM settled_claims
    WHERE invoice_id IN (SELECT id FROM invoices WHERE client_id IN (OLD.client_id, NEW.client_id));
END;
CREATE TRIGGER settled_letter_invoice_insert AFTER INSERT ON letter_invoices
BEGIN
    DELETE FROM settled_claims WHERE invoice_id = NEW.invoice_id;
END;
CREATE TRIGGER settled_letter_invoice_delete AFTER DELETE ON letter_invoices
BEGIN
    DELETE FROM settled_claims WHERE invoice_id = OLD.invoice_id;
END;

-- A betalingsregeling takes over the invoice's interest and costs.
CREATE TRIGGER settled_arranged_insert AFTER INSERT ON arrangement_invoices
BEGIN
    DELETE FROM settled_claims WHERE invoice_id = NEW.invoice_id;
END;
CREATE TRIGGER settled_arranged_delete AFTER DELETE ON arrangement_invoices
BEGIN
    DELETE FROM settled_claims WHERE invoice_id = OLD.invoice_id;
END;

-- The client's kind and size decide verzuim, the rate and the costs.
CREATE TRIGGER settled_client_update AFTER UPDATE ON clients
BEGIN
    DELETE FROM settled_claims
    WHERE invoice_id IN (SELECT id FROM invoices WHERE client_id IN (OLD.id, NEW.id));
END;

-- An accepted offer may stipulate the staffel for the client's later invoices.
CREATE TRIGGER settled_agreement_insert AFTER INSERT ON agreements
BEGIN
    DELETE FROM settled_claims WHERE invoice_id IN (
        SELECT i.id FROM invoices i JOIN offers o ON o.client_id = i.client_id
        WHERE o.id = NEW.offer_id);
END;
CREATE TRIGGER settled_agreement_update AFTER UPDATE ON agreements
BEGIN
    DELETE FROM settled_claims WHERE invoice_id IN (
        SELECT i.id FROM invoices i JOIN offers o ON o.client_id = i.client_id
        WHERE o.id IN (OLD.offer_id, NEW.offer_id));
END;
CREATE TRIGGER settled_agreement_delete AFTER DELETE ON agreements
BEGIN
    DELETE FROM settled_claims WHERE invoice_id IN (
        SELECT i.id FROM invoices i JOIN offers o ON o.client_id = i.client_id
        WHERE o.id = OLD.offer_id);
END;
CREATE TRIGGER settled_offer_update AFTER UPDATE ON offers
BEGIN
    DELETE FROM settled_claims
    WHERE invoice_id IN (SELECT id FROM invoices WHERE client_id IN (OLD.client_id, NEW.client_id));
END;

-- The rentetabel: every claim.
CREATE TRIGGER settled_rate_insert AFTER INSERT ON interest_rates
BEGIN
    DELETE FROM settled_claims;
END;
CREATE TRIGGER settled_rate_update AFTER UPDATE ON interest_rates
BEGIN
    DELETE FROM settled_claims;
END;
CREATE TRIGGER settled_rate_delete AFTER DELETE ON interest_rates
BEGIN
    DELETE FROM settled_claims;
END;

-- The invoice list: newest first, by due date (an expression index), by number.
CREATE INDEX invoices_by_date ON invoices (invoice_date DESC, id DESC);
CREATE INDEX invoices_by_due ON invoices (date(invoice_date, '+' || payment_term_days || ' days'), id);
CREATE INDEX invoices_by_credited ON invoices (credits_invoice_id) WHERE credits_invoice_id IS NOT NULL;
-- Every column of an invoice but its PDF, for reading invoices in sets: a row keeps its PDF
-- inline, so reading rows from the table reads a document's worth of pages per invoice
-- (`Store::invoice_set`).
CREATE INDEX invoices_record ON invoices (id, kind, client_id, state, number, invoice_date,
    delivery_from, delivery_to, payment_term_days, vat_regime, reference_kind, note,
    credits_invoice_id, payment_reference, total, issued_at, pdf_sha256, created_at);
-- Vandaag asks per client the last contact and per invoice the latest promise: from an index,
-- not a scan of every dossier entry (a lifetime of waivers and letters).
CREATE INDEX dossier_entries_by_kind ON dossier_entries (kind, client_id, at, promised_on);
