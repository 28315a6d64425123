-- 0013: the whole claim (issue 17). What the user gave up of an invoice's claim (rente en
-- kosten kwijtgescholden); the dossier learns 'waiver'. Rebuilt as in 0006 and 0012 (foreign
-- keys are off during migrations and checked before the commit) for the last time: the known
-- kinds move from a CHECK, which only a table copy can change, to a trigger, which a later
-- migration replaces in two statements.
CREATE TABLE dossier_entries_new (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL,
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
-- Entries are never updated (above), so checking what is inserted keeps every kind known.
CREATE TRIGGER dossier_kind_known BEFORE INSERT ON dossier_entries
WHEN NEW.kind NOT IN ('letter', 'email', 'call', 'note', 'promise', 'dispute',
                      'dispute_resolved', 'step_skipped', 'hand_over', 'payment', 'arrangement',
                      'arrangement_payment', 'offer', 'agreement', 'waiver')
BEGIN
    SELECT RAISE(ABORT, 'unknown dossier kind');
END;

-- Kwijtschelding: on `waived_on` the user gave up `amount` of the invoice's claim (the interest
-- and costs part: `interest` + `costs` as they stood that day), for `reason`. Applied by the
-- claim ledger like a payment that brought no money. Never changed or deleted.
CREATE TABLE claim_waivers (
    id         INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    waived_on  TEXT NOT NULL,
    amount     TEXT NOT NULL,
    interest   TEXT NOT NULL,
    costs      TEXT NOT NULL,
    reason     TEXT NOT NULL,
    entry_id   INTEGER NOT NULL REFERENCES dossier_entries (id)
) STRICT;
CREATE INDEX claim_waivers_invoice ON claim_waivers (invoice_id);
CREATE TRIGGER claim_waivers_no_update BEFORE UPDATE ON claim_waivers
BEGIN
    SELECT RAISE(ABORT, 'a waiver cannot be changed');
END;
CREATE TRIGGER claim_waivers_no_delete BEFORE DELETE ON claim_waivers
BEGIN
    SELECT RAISE(ABORT, 'a waiver cannot be deleted');
END;
