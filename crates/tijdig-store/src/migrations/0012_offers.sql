-- 0012: offers (offertes), agreements (opdrachtbevestigingen), the algemene voorwaarden they
-- carry, reusable text blocks, and the invoices an agreement leads to.

-- The dossier learns two kinds: 'offer' and 'agreement' (rebuilt as in 0006; foreign keys are
-- off during migrations and checked before the commit).
CREATE TABLE dossier_entries_new (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('letter', 'email', 'call', 'note', 'promise',
                                              'dispute', 'dispute_resolved', 'step_skipped',
                                              'hand_over', 'payment', 'arrangement',
                                              'arrangement_payment', 'offer', 'agreement')),
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

-- Algemene voorwaarden: every uploaded PDF is a new version, kept forever with its SHA-256, so
-- each offer and agreement can say exactly which text the client was handed (art. 6:234 BW).
CREATE TABLE terms_documents (
    id          INTEGER PRIMARY KEY,
    version     INTEGER NOT NULL UNIQUE CHECK (version >= 1),
    file_name   TEXT NOT NULL,
    pdf         BLOB NOT NULL,
    sha256      TEXT NOT NULL,
    pages       INTEGER NOT NULL CHECK (pages >= 1),
    uploaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TRIGGER terms_documents_no_update BEFORE UPDATE ON terms_documents
BEGIN
    SELECT RAISE(ABORT, 'a version of the terms cannot be changed');
END;
CREATE TRIGGER terms_documents_no_delete BEFORE DELETE ON terms_documents
BEGIN
    SELECT RAISE(ABORT, 'a version of the terms cannot be deleted');
END;

-- Text the user writes once and reuses: a scope description or standard conditions.
CREATE TABLE text_blocks (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('scope', 'conditions')),
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- An offer: its number (own series, OF-<year>-<seq>), the client, and the editor's content as
-- JSON (the terms exactly as typed). A concept may change and be deleted; once finalised the PDF
-- is stored and the content is frozen (enforced below). Sent / answered are recorded facts; the
-- status "verlopen" is derived from valid_until.
CREATE TABLE offers (
    id                INTEGER PRIMARY KEY,
    number            TEXT NOT NULL UNIQUE,
    client_id         INTEGER NOT NULL REFERENCES clients (id),
    title             TEXT NOT NULL,
    form_json         TEXT NOT NULL,
    valid_until       TEXT,
    terms_document_id INTEGER REFERENCES terms_documents (id),
    total_excl        TEXT NOT NULL,
    total_incl        TEXT NOT NULL,
    pdf               BLOB,
    pdf_sha256        TEXT,
    sent_on           TEXT,
    answer            TEXT CHECK (answer IN ('accepted', 'rejected')),
    answered_on       TEXT,
    answer_note       TEXT,
    -- The contact moment before the offer expires was done on this day.
    follow_up_done_on TEXT,
    -- At finalising: what of the client decides the terms (kind, large company, language),
    -- as JSON, so the agreement carries the terms that were offered.
    client_snapshot   TEXT,
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((pdf IS NULL) = (sent_on IS NULL)),
    CHECK ((answer IS NULL) = (answered_on IS NULL))
) STRICT;
CREATE INDEX offers_client ON offers (client_id);
CREATE TRIGGER offers_frozen BEFORE UPDATE ON offers
WHEN OLD.pdf IS NOT NULL AND (NEW.form_json IS NOT OLD.form_json OR NEW.pdf IS NOT OLD.pdf
    OR NEW.pdf_sha256 IS NOT OLD.pdf_sha256 OR NEW.sent_on IS NOT OLD.sent_on
    OR NEW.client_snapshot IS NOT OLD.client_snapshot
    OR NEW.client_id IS NOT OLD.client_id OR NEW.number IS NOT OLD.number
    OR NEW.title IS NOT OLD.title OR NEW.valid_until IS NOT OLD.valid_until
    OR NEW.total_excl IS NOT OLD.total_excl OR NEW.total_incl IS NOT OLD.total_incl
    OR NEW.terms_document_id IS NOT OLD.terms_document_id
    OR (OLD.answer IS NOT NULL AND (NEW.answer IS NOT OLD.answer
        OR NEW.answered_on IS NOT OLD.answered_on OR NEW.answer_note IS NOT OLD.answer_note))
    OR (OLD.follow_up_done_on IS NOT NULL
        AND NEW.follow_up_done_on IS NOT OLD.follow_up_done_on))
BEGIN
    SELECT RAISE(ABORT, 'a finalised offer cannot be changed');
END;
CREATE TRIGGER offers_no_delete_sent BEFORE DELETE ON offers WHEN OLD.pdf IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a finalised offer cannot be deleted');
END;

-- The agreement made when an offer is accepted: same terms, its own PDF for signature by both
-- parties, how and when it was accepted and by whom; later the countersigned copy (a PDF or a
-- scan) with its hash and what the signature check found.
CREATE TABLE agreements (
    id                    INTEGER PRIMARY KEY,
    offer_id              INTEGER NOT NULL UNIQUE REFERENCES offers (id),
    number                TEXT NOT NULL UNIQUE,
    accepted_how          TEXT NOT NULL CHECK (accepted_how IN ('signed_pdf', 'email', 'paper')),
    accepted_on           TEXT NOT NULL,
    accepted_by           TEXT NOT NULL,
    pdf                   BLOB NOT NULL,
    pdf_sha256            TEXT NOT NULL,
    countersigned         BLOB,
    countersigned_name    TEXT,
    countersigned_sha256  TEXT,
    countersigned_check   TEXT,
    countersigned_at      TEXT,
    delivered_on          TEXT,
    -- The client was asked whether they are satisfied, on this day.
    satisfaction_checked_on TEXT,
    created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TRIGGER agreements_frozen BEFORE UPDATE ON agreements
WHEN NEW.pdf IS NOT OLD.pdf OR NEW.pdf_sha256 IS NOT OLD.pdf_sha256
    OR NEW.offer_id IS NOT OLD.offer_id OR NEW.number IS NOT OLD.number
    OR NEW.accepted_how IS NOT OLD.accepted_how OR NEW.accepted_on IS NOT OLD.accepted_on
    OR NEW.accepted_by IS NOT OLD.accepted_by
    OR (OLD.delivered_on IS NOT NULL AND NEW.delivered_on IS NOT OLD.delivered_on)
    OR (OLD.satisfaction_checked_on IS NOT NULL
        AND NEW.satisfaction_checked_on IS NOT OLD.satisfaction_checked_on)
BEGIN
    SELECT RAISE(ABORT, 'an agreement cannot be changed');
END;
CREATE TRIGGER agreements_no_delete BEFORE DELETE ON agreements
BEGIN
    SELECT RAISE(ABORT, 'an agreement cannot be deleted');
END;

-- Every countersigned copy ever registered, kept even when a better copy replaces it as the
-- agreement's current one (a signed contract is evidence).
CREATE TABLE countersigned_copies (
    id            INTEGER PRIMARY KEY,
    agreement_id  INTEGER NOT NULL REFERENCES agreements (id),
    file_name     TEXT NOT NULL,
    content       BLOB NOT NULL,
    sha256        TEXT NOT NULL,
    check_result  TEXT NOT NULL,
    registered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX countersigned_copies_agreement ON countersigned_copies (agreement_id);
CREATE TRIGGER countersigned_copies_no_update BEFORE UPDATE ON countersigned_copies
BEGIN
    SELECT RAISE(ABORT, 'a registered copy cannot be changed');
END;
CREATE TRIGGER countersigned_copies_no_delete BEFORE DELETE ON countersigned_copies
BEGIN
    SELECT RAISE(ABORT, 'a registered copy cannot be deleted');
END;

-- Each line of the agreement's payment schedule (0 = first) is invoiced at most once. A concept
-- invoice that is deleted frees its line again.
CREATE TABLE agreement_invoices (
    agreement_id  INTEGER NOT NULL REFERENCES agreements (id),
    schedule_line INTEGER NOT NULL CHECK (schedule_line >= 0),
    invoice_id    INTEGER NOT NULL UNIQUE REFERENCES invoices (id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, schedule_line)
) STRICT;

-- The client-acceptance checklist (acceptatie), one current answer per client.
CREATE TABLE client_acceptance (
    client_id        INTEGER PRIMARY KEY REFERENCES clients (id),
    kvk_checked      INTEGER NOT NULL CHECK (kvk_checked IN (0, 1)),
    references_ok    INTEGER NOT NULL CHECK (references_ok IN (0, 1)),
    trouble_signals  INTEGER NOT NULL CHECK (trouble_signals IN (0, 1)),
    note             TEXT,
    checked_on       TEXT NOT NULL
) STRICT;

-- E-mail learns two document kinds: offers and agreements (rebuilt as SQLite needs for a CHECK).
CREATE TABLE sent_emails_new (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients (id),
    document_kind   TEXT NOT NULL CHECK (document_kind IN ('invoice', 'letter', 'arrangement',
                                                           'offer', 'agreement')),
    document_id     INTEGER NOT NULL,
    message_id      TEXT NOT NULL UNIQUE,
    sender          TEXT NOT NULL,
    recipients      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    -- One line per attachment: "<sha256> <file name>".
    attachments     TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('scheduled', 'sending', 'sent', 'failed')),
    scheduled_for   TEXT,
    server_response TEXT,
    error           TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at         TEXT
) STRICT;
INSERT INTO sent_emails_new (id, client_id, document_kind, document_id, message_id, sender,
        recipients, subject, body, attachments, status, scheduled_for, server_response, error,
        attempts, created_at, sent_at)
    SELECT id, client_id, document_kind, document_id, message_id, sender, recipients, subject,
        body, attachments, status, scheduled_for, server_response, error, attempts, created_at,
        sent_at
    FROM sent_emails;
DROP TABLE sent_emails;
ALTER TABLE sent_emails_new RENAME TO sent_emails;
CREATE INDEX sent_emails_document ON sent_emails (document_kind, document_id);
CREATE INDEX sent_emails_status ON sent_emails (status) WHERE status <> 'sent';

-- A letter of the ladder's e-mail channel waits to be sent: its message text is kept with it,
-- with the policy step it carries out; the step counts as done, and the letter as sent, only
-- once the e-mail went out (`emailed_on`), from Tijdig or, as the user says, by hand. E-mail
-- letters made before this version were counted as sent when made: they keep that.
ALTER TABLE letters ADD COLUMN email_subject TEXT;
ALTER TABLE letters ADD COLUMN email_body TEXT;
ALTER TABLE letters ADD COLUMN email_step TEXT;
ALTER TABLE letters ADD COLUMN emailed_on TEXT;
UPDATE letters SET emailed_on = letter_date WHERE channel = 'email';
-- The e-mail of a letter is fixed once made, and it goes out once.
CREATE TRIGGER letters_email_fixed BEFORE UPDATE ON letters
WHEN NEW.email_subject IS NOT OLD.email_subject OR NEW.email_body IS NOT OLD.email_body
    OR NEW.email_step IS NOT OLD.email_step
    OR (OLD.emailed_on IS NOT NULL AND NEW.emailed_on IS NOT OLD.emailed_on)
BEGIN
    SELECT RAISE(ABORT, 'a letter cannot be changed');
END;
