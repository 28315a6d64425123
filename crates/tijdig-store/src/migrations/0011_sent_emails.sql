-- 0011: every e-mail Tijdig sent (or tried to send) from the user's own mailbox. A message is
-- written as 'sending' before the server is contacted and then marked 'sent' (with the server's
-- answer) or 'failed' (with why); only a failed one may be sent again, under the same
-- Message-ID, so a retry never sends twice. A reminder the user chose to send at the next
-- allowed contact moment waits as 'scheduled' until then (taken once: 'scheduled' → 'sending').
-- Never deleted.
CREATE TABLE sent_emails (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients (id),
    -- What was sent: an issued invoice (more kinds come with the letters and offers).
    document_kind   TEXT NOT NULL CHECK (document_kind IN ('invoice', 'letter', 'arrangement')),
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
CREATE INDEX sent_emails_document ON sent_emails (document_kind, document_id);
CREATE INDEX sent_emails_status ON sent_emails (status) WHERE status <> 'sent';
