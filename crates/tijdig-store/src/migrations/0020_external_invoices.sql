-- 0020: invoices made in other software (issue "Bring your bank and your books"), imported to
-- be followed up. Such an invoice is an `invoices` row like Tijdig's own — issued, immutable,
-- with its own number and PDF — plus a row here that says where it came from and carries the
-- figures of the file, which are the truth for it (its VAT per rate may be rounded per line,
-- where Tijdig rounds per rate). Kept apart from `invoices` so the invoice table and its
-- covering index stay as they are.
CREATE TABLE external_invoices (
    invoice_id   INTEGER PRIMARY KEY REFERENCES invoices (id),
    format       TEXT NOT NULL CHECK (format IN ('ubl', 'csv')),
    file_name    TEXT NOT NULL,
    -- 1 when the file had no PDF and Tijdig rendered a copy marked as such.
    pdf_is_copy  INTEGER NOT NULL CHECK (pdf_is_copy IN (0, 1)),
    subtotal     TEXT NOT NULL,
    vat_total    TEXT NOT NULL,
    -- The Dutch e-invoice rules the file breaks, one per line, as shown at import.
    findings     TEXT NOT NULL,
    imported_at  TEXT NOT NULL
) STRICT;

-- The file's VAT per rate (BG-23), in the order of Tijdig's VAT treatments.
CREATE TABLE external_invoice_vat (
    invoice_id INTEGER NOT NULL REFERENCES external_invoices (invoice_id),
    position   INTEGER NOT NULL,
    treatment  TEXT NOT NULL,
    base       TEXT NOT NULL,
    vat        TEXT NOT NULL,
    PRIMARY KEY (invoice_id, position)
) STRICT;

-- Imported as it was: never changed or removed, like an issued invoice.
CREATE TRIGGER external_invoices_fixed BEFORE UPDATE ON external_invoices
BEGIN
    SELECT RAISE(ABORT, 'an imported invoice cannot be changed');
END;
CREATE TRIGGER external_invoices_no_delete BEFORE DELETE ON external_invoices
BEGIN
    SELECT RAISE(ABORT, 'an imported invoice cannot be deleted');
END;
CREATE TRIGGER external_invoice_vat_fixed BEFORE UPDATE ON external_invoice_vat
BEGIN
    SELECT RAISE(ABORT, 'an imported invoice cannot be changed');
END;
CREATE TRIGGER external_invoice_vat_no_delete BEFORE DELETE ON external_invoice_vat
BEGIN
    SELECT RAISE(ABORT, 'an imported invoice cannot be deleted');
END;
