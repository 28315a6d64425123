-- 0006: payment arrangements (betalingsregelingen), and the dossier learns two kinds of entry.

-- The dossier's kinds are a CHECK constraint; SQLite changes one by rebuilding the table
-- (foreign keys are off during migrations and checked before the commit).
CREATE TABLE dossier_entries_new (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('letter', 'email', 'call', 'note', 'promise',
                                              'dispute', 'dispute_resolved', 'step_skipped',
                                              'hand_over', 'payment', 'arrangement',
                                              'arrangement_payment')),
    step        TEXT,
    outcome     TEXT,
    note        TEXT,
    promised_on TEXT,
    letter_id   INTEGER REFERENCES letters (id)
) STRICT;
INSERT INTO dossier_entries_new
    SELECT id, client_id, at, kind, step, outcome, note, promised_on, letter_id
    FROM dossier_entries;
DROP TABLE dossier_entries;
ALTER TABLE dossier_entries_new RENAME TO dossier_entries;
CREATE INDEX dossier_entries_client ON dossier_entries (client_id, at);
CREATE TRIGGER dossier_no_update BEFORE UPDATE ON dossier_entries
BEGIN
    SELECT RAISE(ABORT, 'the dossier is append-only');
END;
CREATE TRIGGER dossier_no_delete BEFORE DELETE ON dossier_entries
BEGIN
    SELECT RAISE(ABORT, 'the dossier is append-only');
END;

-- The arrangement as agreed: the acknowledged debt on the start date, the terms and the
-- agreement PDF. Never changed or deleted; its state is derived from the instalments and
-- the payments.
CREATE TABLE arrangements (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL REFERENCES clients (id),
    reference        TEXT NOT NULL UNIQUE,
    start_date       TEXT NOT NULL,
    principal        TEXT NOT NULL,
    interest         TEXT NOT NULL,
    costs            TEXT NOT NULL,
    interest_running INTEGER NOT NULL CHECK (interest_running IN (0, 1)),
    costs_waived     INTEGER NOT NULL CHECK (costs_waived IN (0, 1)),
    grace_days       INTEGER NOT NULL CHECK (grace_days BETWEEN 0 AND 90),
    pdf              BLOB NOT NULL,
    pdf_sha256       TEXT NOT NULL,
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX arrangements_client ON arrangements (client_id);

CREATE TABLE arrangement_invoices (
    arrangement_id INTEGER NOT NULL REFERENCES arrangements (id),
    invoice_id     INTEGER NOT NULL REFERENCES invoices (id),
    PRIMARY KEY (arrangement_id, invoice_id)
) STRICT;
CREATE INDEX arrangement_invoices_invoice ON arrangement_invoices (invoice_id);

-- Termijnen: number 0 is the down payment. Each has its own payment reference.
CREATE TABLE instalments (
    arrangement_id    INTEGER NOT NULL REFERENCES arrangements (id),
    number            INTEGER NOT NULL CHECK (number >= 0),
    due_date          TEXT NOT NULL,
    amount            TEXT NOT NULL,
    payment_reference TEXT NOT NULL UNIQUE,
    PRIMARY KEY (arrangement_id, number)
) STRICT;

-- Payments against an arrangement; the part that pays invoices is also booked in `payments`.
CREATE TABLE arrangement_payments (
    id             INTEGER PRIMARY KEY,
    arrangement_id INTEGER NOT NULL REFERENCES arrangements (id),
    paid_on        TEXT NOT NULL,
    amount         TEXT NOT NULL,
    note           TEXT,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX arrangement_payments_arrangement ON arrangement_payments (arrangement_id);
ALTER TABLE payments ADD COLUMN arrangement_payment_id INTEGER REFERENCES arrangement_payments (id);

-- What was done for an instalment (a contact before it is due, a reminder when it is missed):
-- at most once each.
CREATE TABLE arrangement_actions (
    arrangement_id INTEGER NOT NULL REFERENCES arrangements (id),
    instalment     INTEGER NOT NULL,
    action         TEXT NOT NULL CHECK (action IN ('contact', 'reminder')),
    done_on        TEXT NOT NULL,
    entry_id       INTEGER NOT NULL REFERENCES dossier_entries (id),
    PRIMARY KEY (arrangement_id, instalment, action)
) STRICT;

CREATE TRIGGER arrangements_no_update BEFORE UPDATE ON arrangements
BEGIN
    SELECT RAISE(ABORT, 'an arrangement cannot be changed');
END;
CREATE TRIGGER arrangements_no_delete BEFORE DELETE ON arrangements
BEGIN
    SELECT RAISE(ABORT, 'an arrangement cannot be deleted');
END;
CREATE TRIGGER instalments_no_update BEFORE UPDATE ON instalments
BEGIN
    SELECT RAISE(ABORT, 'an instalment cannot be changed');
END;
CREATE TRIGGER instalments_no_delete BEFORE DELETE ON instalments
BEGIN
    SELECT RAISE(ABORT, 'an instalment cannot be deleted');
END;
