-- 0002: invoices (facturen), their lines, payments and the gap-free number series.

-- One row per (prefix, year): the last number handed out. Incremented inside the issuing
-- transaction, so a failed issue leaves no gap.
CREATE TABLE number_series (
    prefix   TEXT NOT NULL,
    year     INTEGER NOT NULL,
    last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
    PRIMARY KEY (prefix, year)
) STRICT;

CREATE TABLE invoices (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('standard', 'advance', 'credit_note')),
    client_id         INTEGER NOT NULL REFERENCES clients (id),
    -- The lifecycle only; open/overdue/paid are derived from dates and payments.
    state             TEXT NOT NULL CHECK (state IN ('draft', 'issued')),
    number            TEXT UNIQUE,
    invoice_date      TEXT NOT NULL,
    delivery_from     TEXT,
    delivery_to       TEXT,
    payment_term_days INTEGER NOT NULL CHECK (payment_term_days BETWEEN 0 AND 365),
    vat_regime        TEXT NOT NULL,
    reference_kind    TEXT NOT NULL CHECK (reference_kind IN ('rf', 'betalingskenmerk16')),
    note              TEXT,
    -- A credit note points at the invoice it corrects.
    credits_invoice_id INTEGER REFERENCES invoices (id),
    -- Written once, at issue.
    payment_reference TEXT,
    total             TEXT,
    issued_at         TEXT,
    pdf               BLOB,
    pdf_sha256        TEXT,
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (state = 'draft' OR (number IS NOT NULL AND pdf IS NOT NULL AND pdf_sha256 IS NOT NULL
                               AND total IS NOT NULL AND issued_at IS NOT NULL)),
    CHECK (kind <> 'credit_note' OR credits_invoice_id IS NOT NULL)
) STRICT;

CREATE INDEX invoices_client ON invoices (client_id);

CREATE TABLE invoice_lines (
    id               INTEGER PRIMARY KEY,
    invoice_id       INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    description      TEXT NOT NULL,
    quantity         TEXT NOT NULL,
    unit             TEXT NOT NULL,
    unit_price       TEXT NOT NULL,
    vat              TEXT NOT NULL,
    discount_percent TEXT,
    UNIQUE (invoice_id, position)
) STRICT;

CREATE TABLE payments (
    id         INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    paid_on    TEXT NOT NULL,
    amount     TEXT NOT NULL,
    method     TEXT NOT NULL,
    note       TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX payments_invoice ON payments (invoice_id);

-- An issued invoice is never edited or deleted (nl-rules-sources §1.5): corrections go through
-- a credit note. Enforced here, not only in the UI.
CREATE TRIGGER invoices_issued_no_update BEFORE UPDATE ON invoices
WHEN OLD.state = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be changed');
END;

CREATE TRIGGER invoices_issued_no_delete BEFORE DELETE ON invoices
WHEN OLD.state = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be deleted');
END;

CREATE TRIGGER invoice_lines_issued_no_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT state FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'the lines of an issued invoice cannot be changed');
END;

CREATE TRIGGER invoice_lines_issued_no_update BEFORE UPDATE ON invoice_lines
WHEN (SELECT state FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'the lines of an issued invoice cannot be changed');
END;

CREATE TRIGGER invoice_lines_issued_no_delete BEFORE DELETE ON invoice_lines
WHEN (SELECT state FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'the lines of an issued invoice cannot be changed');
END;

-- A client with invoices is never deleted (the store offers no delete, this guards SQL too).
CREATE TRIGGER clients_with_invoices_no_delete BEFORE DELETE ON clients
WHEN EXISTS (SELECT 1 FROM invoices WHERE client_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a client with invoices cannot be deleted');
END;
