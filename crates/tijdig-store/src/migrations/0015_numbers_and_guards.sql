-- 0015: numbers are never reused, and every field that drives a legal date or amount is fixed.

-- The highest sequence number ever handed out per series on this computer, carried across a
-- restore (issue "Nothing lost, nothing twice"): restoring an older backup must not hand out
-- a number the client already has (art. 35a Wet OB: unique invoice numbers). `series` is
-- 'invoice:<prefix>' (raised with number_series on restore), 'letter', 'arrangement' or
-- 'offer'. The next number of a series is above both what the data holds and this floor.
CREATE TABLE series_floors (
    series   TEXT NOT NULL,
    year     INTEGER NOT NULL,
    last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
    PRIMARY KEY (series, year)
) STRICT;
-- Every reference handed out raises its series' floor at once (so the marks are one small
-- read, never a scan of the letters); the invoice series keep their own counter
-- (number_series).
INSERT INTO series_floors (series, year, last_seq)
    SELECT 'letter', CAST(substr(reference, 1, 4) AS INTEGER),
           max(CAST(substr(reference, 7) AS INTEGER))
    FROM letters GROUP BY 2
    UNION ALL
    SELECT 'arrangement', CAST(substr(reference, 1, 4) AS INTEGER),
           max(CAST(substr(reference, 7) AS INTEGER))
    FROM arrangements GROUP BY 2
    UNION ALL
    SELECT 'offer', CAST(substr(number, 4, 4) AS INTEGER), max(CAST(substr(number, 9) AS INTEGER))
    FROM offers WHERE number LIKE 'OF-%' GROUP BY 2;
CREATE TRIGGER letters_raise_floor AFTER INSERT ON letters
BEGIN
    INSERT INTO series_floors (series, year, last_seq)
    VALUES ('letter', CAST(substr(NEW.reference, 1, 4) AS INTEGER),
            CAST(substr(NEW.reference, 7) AS INTEGER))
    ON CONFLICT (series, year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq);
END;
CREATE TRIGGER arrangements_raise_floor AFTER INSERT ON arrangements
BEGIN
    INSERT INTO series_floors (series, year, last_seq)
    VALUES ('arrangement', CAST(substr(NEW.reference, 1, 4) AS INTEGER),
            CAST(substr(NEW.reference, 7) AS INTEGER))
    ON CONFLICT (series, year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq);
END;
CREATE TRIGGER offers_raise_floor AFTER INSERT ON offers WHEN NEW.number LIKE 'OF-%'
BEGIN
    INSERT INTO series_floors (series, year, last_seq)
    VALUES ('offer', CAST(substr(NEW.number, 4, 4) AS INTEGER),
            CAST(substr(NEW.number, 9) AS INTEGER))
    ON CONFLICT (series, year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq);
END;

-- Which invoices a letter is about fixes its amounts and the invoices' dates (verzuim, the
-- 14-day term, costs): rows are added while the letter is made, never once it is in the
-- dossier (it went out), and never changed or removed.
CREATE TRIGGER letter_invoices_fixed BEFORE UPDATE ON letter_invoices
BEGIN
    SELECT RAISE(ABORT, 'a letter cannot be changed');
END;
CREATE TRIGGER letter_invoices_no_delete BEFORE DELETE ON letter_invoices
BEGIN
    SELECT RAISE(ABORT, 'a letter cannot be changed');
END;
CREATE INDEX dossier_entries_letter ON dossier_entries (letter_id) WHERE letter_id IS NOT NULL;
CREATE TRIGGER letter_invoices_only_before_sent BEFORE INSERT ON letter_invoices
WHEN EXISTS (SELECT 1 FROM dossier_entries WHERE letter_id = NEW.letter_id)
BEGIN
    SELECT RAISE(ABORT, 'a letter cannot be changed');
END;

-- An e-mailed letter counts from the day it went out, never before its date.
CREATE TRIGGER letters_emailed_after_date BEFORE UPDATE OF emailed_on ON letters
WHEN NEW.emailed_on IS NOT NULL AND NEW.emailed_on < NEW.letter_date
BEGIN
    SELECT RAISE(ABORT, 'a letter cannot be changed');
END;

-- The invoices of a dossier entry are part of the append-only dossier.
CREATE TRIGGER dossier_invoices_no_update BEFORE UPDATE ON dossier_invoices
BEGIN
    SELECT RAISE(ABORT, 'the dossier is append-only');
END;
CREATE TRIGGER dossier_invoices_no_delete BEFORE DELETE ON dossier_invoices
BEGIN
    SELECT RAISE(ABORT, 'the dossier is append-only');
END;

-- A ladder step done is done on its day: its date starts terms (the 14-dagenbrief's term,
-- verzuim by an ingebrekestelling).
CREATE TRIGGER follow_up_done_no_update BEFORE UPDATE ON follow_up_done
BEGIN
    SELECT RAISE(ABORT, 'a step done cannot be changed');
END;
CREATE TRIGGER follow_up_done_no_delete BEFORE DELETE ON follow_up_done
BEGIN
    SELECT RAISE(ABORT, 'a step done cannot be changed');
END;

-- A dispute pauses the ladder from the day it was opened until the day it was resolved: the
-- invoice, the opening day and reason never change, the resolution is recorded once and never
-- before the opening.
CREATE TRIGGER disputes_fixed BEFORE UPDATE ON disputes
WHEN NEW.invoice_id IS NOT OLD.invoice_id OR NEW.opened_on IS NOT OLD.opened_on
    OR NEW.reason IS NOT OLD.reason
    OR (OLD.resolved_on IS NOT NULL AND (NEW.resolved_on IS NOT OLD.resolved_on
        OR NEW.resolution IS NOT OLD.resolution))
    OR (NEW.resolved_on IS NOT NULL AND NEW.resolved_on < NEW.opened_on)
BEGIN
    SELECT RAISE(ABORT, 'a dispute cannot be changed');
END;
CREATE TRIGGER disputes_no_delete BEFORE DELETE ON disputes
BEGIN
    SELECT RAISE(ABORT, 'a dispute cannot be deleted');
END;

-- E-mail learns two outcomes (rebuilt as SQLite needs for a CHECK): 'unknown' — Tijdig was cut
-- off while the server had the message, so whether it went out is unknown until the user says
-- ("wel verstuurd", after looking in the Sent folder) or sends it again under the same
-- Message-ID — and 'cancelled' — a scheduled message that no longer should go (the invoice was
-- paid, disputed or put in an arrangement meanwhile), with why in `error`. `attempted_at` is
-- when the server was last contacted (local time): a message confirmed as sent counts from then.
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
    status          TEXT NOT NULL CHECK (status IN ('scheduled', 'sending', 'sent', 'failed',
                                                    'unknown', 'cancelled')),
    scheduled_for   TEXT,
    server_response TEXT,
    error           TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at         TEXT,
    attempted_at    TEXT
) STRICT;
INSERT INTO sent_emails_new (id, client_id, document_kind, document_id, message_id, sender,
        recipients, subject, body, attachments, status, scheduled_for, server_response, error,
        attempts, created_at, sent_at, attempted_at)
    SELECT id, client_id, document_kind, document_id, message_id, sender, recipients, subject,
        body, attachments, status, scheduled_for, server_response, error, attempts, created_at,
        sent_at, sent_at
    FROM sent_emails;
DROP TABLE sent_emails;
ALTER TABLE sent_emails_new RENAME TO sent_emails;
CREATE INDEX sent_emails_document ON sent_emails (document_kind, document_id);
CREATE INDEX sent_emails_status ON sent_emails (status) WHERE status <> 'sent';
-- A message that went out, or was cancelled, stays as it is; none is ever deleted. What was sent
-- (recipients, text, attachments, Message-ID) never changes.
CREATE TRIGGER sent_emails_fixed BEFORE UPDATE ON sent_emails
WHEN OLD.status IN ('sent', 'cancelled')
    OR NEW.message_id IS NOT OLD.message_id OR NEW.recipients IS NOT OLD.recipients
    OR NEW.subject IS NOT OLD.subject OR NEW.body IS NOT OLD.body
    OR NEW.attachments IS NOT OLD.attachments OR NEW.document_id IS NOT OLD.document_id
    OR NEW.document_kind IS NOT OLD.document_kind OR NEW.client_id IS NOT OLD.client_id
BEGIN
    SELECT RAISE(ABORT, 'a sent e-mail cannot be changed');
END;
CREATE TRIGGER sent_emails_no_delete BEFORE DELETE ON sent_emails
BEGIN
    SELECT RAISE(ABORT, 'a sent e-mail cannot be deleted');
END;

-- A bank entry is the same entry whatever file it came in (CAMT.053, MT940): its key is the
-- account, booking day, amount and counterparty account, numbered among identical ones — no
-- longer the format's own references and text. Stored keys are rewritten so (the old and new
-- forms can never be equal: the old has seven fields, the new four).
CREATE TEMP TABLE rekey (id INTEGER PRIMARY KEY, entry_key TEXT NOT NULL);
INSERT INTO rekey (id, entry_key)
    SELECT id, base || '#' || row_number() OVER (PARTITION BY base ORDER BY id)
    FROM (SELECT id, coalesce(account, '') || '|' || booked_on || '|'
                 || CASE WHEN instr(amount, '.') > 0 THEN rtrim(rtrim(amount, '0'), '.')
                         ELSE amount END
                 || '|' || coalesce(counterparty_iban, '') AS base
          FROM bank_transactions);
UPDATE bank_transactions SET entry_key = (SELECT entry_key FROM rekey WHERE rekey.id = bank_transactions.id);
DROP TABLE rekey;

-- An imported entry that looks like a payment the user already registered by hand (same
-- invoice, same amount, within 14 days) is proposed, not booked; confirming links the two.
ALTER TABLE bank_transactions ADD COLUMN same_as_payment_id INTEGER REFERENCES payments (id);
