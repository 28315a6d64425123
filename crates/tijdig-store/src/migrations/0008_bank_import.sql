-- 0008: bank statements in (bankafschriften importeren) and the matches made from them.

-- One row per imported file; the file's SHA-256 says whether the same file came in before.
CREATE TABLE bank_imports (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT NOT NULL,
    file_sha256  TEXT NOT NULL,
    format       TEXT NOT NULL CHECK (format IN ('camt053', 'mt940')),
    imported_at  TEXT NOT NULL,
    accounts     TEXT NOT NULL,
    entries      INTEGER NOT NULL CHECK (entries >= 0),
    new_entries  INTEGER NOT NULL CHECK (new_entries >= 0)
) STRICT;

-- Every incoming entry (bijschrijving) once: `entry_key` is the same for the same entry in any
-- (overlapping) export, so importing twice registers nothing twice.
CREATE TABLE bank_transactions (
    id                INTEGER PRIMARY KEY,
    import_id         INTEGER NOT NULL REFERENCES bank_imports (id),
    entry_key         TEXT NOT NULL UNIQUE,
    account           TEXT,
    booked_on         TEXT NOT NULL,
    amount            TEXT NOT NULL,
    counterparty_iban TEXT,
    counterparty_name TEXT,
    description       TEXT NOT NULL,
    reference         TEXT,
    state             TEXT NOT NULL CHECK (state IN ('booked', 'proposed', 'unmatched', 'ignored')),
    -- How it was matched: reference, invoice_number, amount_account, amount_name, account, manual.
    rule              TEXT,
    -- For a proposal: what is proposed; once booked: what it paid.
    invoice_id        INTEGER REFERENCES invoices (id),
    arrangement_id    INTEGER REFERENCES arrangements (id),
    -- A paid invoice the text names (a double payment?), shown with an unmatched entry.
    hint_invoice_id   INTEGER REFERENCES invoices (id),
    decided_at        TEXT
) STRICT;

CREATE INDEX bank_transactions_state ON bank_transactions (state, booked_on);

-- Payments and arrangement payments know the bank entry they came from.
ALTER TABLE payments ADD COLUMN bank_transaction_id INTEGER REFERENCES bank_transactions (id);
ALTER TABLE arrangement_payments ADD COLUMN bank_transaction_id INTEGER REFERENCES bank_transactions (id);

-- Accounts a client paid from, learned when the user confirms or assigns a payment.
CREATE TABLE client_bank_accounts (
    client_id INTEGER NOT NULL REFERENCES clients (id),
    iban      TEXT NOT NULL,
    PRIMARY KEY (client_id, iban)
) STRICT;
