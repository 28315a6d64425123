-- 0005: follow-up (debiteurenbeleid): policies, letters, the dossier, disputes and which
-- ladder steps were done per invoice.

-- The user's default policy (client_id NULL) and per-client overrides. Steps are stored as
-- "step:offset:channel" joined by ";" (an empty string is an empty ladder).
CREATE TABLE follow_up_policies (
    id        INTEGER PRIMARY KEY,
    client_id INTEGER UNIQUE REFERENCES clients (id),
    steps     TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX follow_up_policies_default ON follow_up_policies ((client_id IS NULL))
WHERE client_id IS NULL;

-- Every letter produced (herinnering … sommatie), its PDF byte for byte. Never changed except
-- for a proven delivery date added later; never deleted.
CREATE TABLE letters (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id),
    step           TEXT NOT NULL,
    reference      TEXT NOT NULL UNIQUE,
    letter_date    TEXT NOT NULL,
    channel        TEXT NOT NULL CHECK (channel IN ('letter', 'email')),
    language       TEXT NOT NULL,
    -- The total claimed and, for a 14-dagenbrief, the costs it announces and from when.
    total          TEXT NOT NULL,
    costs          TEXT,
    costs_due_from TEXT,
    pdf            BLOB NOT NULL,
    pdf_sha256     TEXT NOT NULL,
    delivered_on   TEXT,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX letters_client ON letters (client_id);

CREATE TABLE letter_invoices (
    letter_id  INTEGER NOT NULL REFERENCES letters (id),
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    PRIMARY KEY (letter_id, invoice_id)
) STRICT;
CREATE INDEX letter_invoices_invoice ON letter_invoices (invoice_id);

CREATE TRIGGER letters_no_change BEFORE UPDATE ON letters
WHEN NEW.id IS NOT OLD.id OR NEW.pdf IS NOT OLD.pdf OR NEW.pdf_sha256 IS NOT OLD.pdf_sha256
  OR NEW.letter_date IS NOT OLD.letter_date OR NEW.step IS NOT OLD.step
  OR NEW.total IS NOT OLD.total OR NEW.client_id IS NOT OLD.client_id
BEGIN
    SELECT RAISE(ABORT, 'a letter cannot be changed');
END;
CREATE TRIGGER letters_no_delete BEFORE DELETE ON letters
BEGIN
    SELECT RAISE(ABORT, 'a letter cannot be deleted');
END;

-- Dossier (communicatielog): every letter, e-mail, call, note, promise and dispute. Append-only.
CREATE TABLE dossier_entries (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('letter', 'email', 'call', 'note', 'promise',
                                              'dispute', 'dispute_resolved', 'step_skipped',
                                              'hand_over', 'payment')),
    step        TEXT,
    outcome     TEXT,
    note        TEXT,
    promised_on TEXT,
    letter_id   INTEGER REFERENCES letters (id)
) STRICT;
CREATE INDEX dossier_entries_client ON dossier_entries (client_id, at);

CREATE TABLE dossier_invoices (
    entry_id   INTEGER NOT NULL REFERENCES dossier_entries (id),
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    PRIMARY KEY (entry_id, invoice_id)
) STRICT;
CREATE INDEX dossier_invoices_invoice ON dossier_invoices (invoice_id);

CREATE TRIGGER dossier_no_update BEFORE UPDATE ON dossier_entries
BEGIN
    SELECT RAISE(ABORT, 'the dossier is append-only');
END;
CREATE TRIGGER dossier_no_delete BEFORE DELETE ON dossier_entries
BEGIN
    SELECT RAISE(ABORT, 'the dossier is append-only');
END;

-- A ladder step is done at most once per invoice: the primary key makes "never twice" a
-- property of the data, not only of the planner.
CREATE TABLE follow_up_done (
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    step       TEXT NOT NULL,
    done_on    TEXT NOT NULL,
    entry_id   INTEGER NOT NULL REFERENCES dossier_entries (id),
    PRIMARY KEY (invoice_id, step)
) STRICT;

-- Betwistingen: at most one open dispute per invoice; an open one pauses the ladder.
CREATE TABLE disputes (
    id          INTEGER PRIMARY KEY,
    invoice_id  INTEGER NOT NULL REFERENCES invoices (id),
    opened_on   TEXT NOT NULL,
    reason      TEXT NOT NULL,
    resolved_on TEXT,
    resolution  TEXT
) STRICT;
CREATE UNIQUE INDEX disputes_one_open ON disputes (invoice_id) WHERE resolved_on IS NULL;
