//! Sent e-mail (verzonden e-mail): the record of every message Tijdig sent or tried to send.
//! A message is stored as `sending` before the server is contacted, then marked `sent` or
//! `failed`; the dossier entry is written in the same transaction as the outcome. One left in
//! `sending` when Tijdig starts was cut off: it becomes `unknown` until the user says it went
//! (`sent`) or sends it again (same Message-ID). A scheduled one is taken once, moved to a later
//! moment, or `cancelled` when it should no longer go.

use rusqlite::OptionalExtension;

use crate::dossier::insert_entry;
use crate::{in_transaction, NewDossierEntry, Store, StoreError};

/// A message about to be sent.
pub struct NewSentEmail<'a> {
    pub client_id: i64,
    pub document_kind: &'a str,
    pub document_id: i64,
    pub message_id: &'a str,
    pub sender: &'a str,
    pub recipients: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub attachments: &'a str,
}

/// How the attempt went: the server's answer, or why it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailOutcome<'a> {
    Sent { response: &'a str },
    Failed { error: &'a str },
}

/// A stored message and how it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentEmailRecord {
    pub id: i64,
    pub client_id: i64,
    pub document_kind: String,
    pub document_id: i64,
    pub message_id: String,
    pub sender: String,
    pub recipients: String,
    pub subject: String,
    pub body: String,
    pub attachments: String,
    /// `scheduled`, `sending`, `sent`, `failed`, `unknown` or `cancelled`.
    pub status: String,
    /// For a scheduled message: when it goes out (local time).
    pub scheduled_for: Option<String>,
    pub server_response: Option<String>,
    pub error: Option<String>,
    pub attempts: i64,
    pub created_at: String,
    pub sent_at: Option<String>,
    /// When the server was last contacted (local time).
    pub attempted_at: Option<String>,
}

const COLUMNS: &str = "id, client_id, document_kind, document_id, message_id, sender, recipients,
    subject, body, attachments, status, server_response, error, attempts, created_at, sent_at,
    scheduled_for, attempted_at";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<SentEmailRecord> {
    Ok(SentEmailRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        document_kind: r.get(2)?,
        document_id: r.get(3)?,
        message_id: r.get(4)?,
        sender: r.get(5)?,
        recipients: r.get(6)?,
        subject: r.get(7)?,
        body: r.get(8)?,
        attachments: r.get(9)?,
        status: r.get(10)?,
        server_response: r.get(11)?,
        error: r.get(12)?,
        attempts: r.get(13)?,
        created_at: r.get(14)?,
        sent_at: r.get(15)?,
        scheduled_for: r.get(16)?,
        attempted_at: r.get(17)?,
    })
}

fn read_one(tx: &rusqlite::Transaction<'_>, id: i64) -> Result<SentEmailRecord, StoreError> {
    Ok(tx.query_row(
        &format!("SELECT {COLUMNS} FROM sent_emails WHERE id = ?1"),
        [id],
        read,
    )?)
}

impl Store {
    /// Stores a message as `sending` (before the server is contacted at `now`, local time) and
    /// returns its id.
    pub fn begin_email(&mut self, new: &NewSentEmail<'_>, now: &str) -> Result<i64, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            tx.execute(
                "INSERT INTO sent_emails (client_id, document_kind, document_id, message_id, sender,
                     recipients, subject, body, attachments, status, attempts, attempted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'sending', 1, ?10)",
                (
                    new.client_id,
                    new.document_kind,
                    new.document_id,
                    new.message_id,
                    new.sender,
                    new.recipients,
                    new.subject,
                    new.body,
                    new.attachments,
                    now,
                ),
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Stores a message to go out at `at` (local time, `2026-11-23T07:00:00`), with its dossier
    /// entry, in one transaction.
    pub fn schedule_email(
        &mut self,
        new: &NewSentEmail<'_>,
        at: &str,
        entry: &NewDossierEntry,
    ) -> Result<i64, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            tx.execute(
                "INSERT INTO sent_emails (client_id, document_kind, document_id, message_id, sender,
                     recipients, subject, body, attachments, status, scheduled_for, attempts)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'scheduled', ?10, 0)",
                (
                    new.client_id,
                    new.document_kind,
                    new.document_id,
                    new.message_id,
                    new.sender,
                    new.recipients,
                    new.subject,
                    new.body,
                    new.attachments,
                    at,
                ),
            )?;
            let id = tx.last_insert_rowid();
            insert_entry(tx, entry, None)?;
            Ok(id)
        })
    }

    /// The scheduled messages whose moment has come (`now`, local time), oldest first.
    pub fn due_emails(&self, now: &str) -> Result<Vec<SentEmailRecord>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM sent_emails WHERE status = 'scheduled' AND scheduled_for <= ?1
             ORDER BY scheduled_for, id"
        ))?;
        let rows = stmt
            .query_map([now], read)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Takes one scheduled message to send now: it moves to `sending` here, once, so a second
    /// caller gets `None`.
    pub fn take_scheduled_email(
        &mut self,
        id: i64,
        now: &str,
    ) -> Result<Option<SentEmailRecord>, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let changed = tx.execute(
                "UPDATE sent_emails SET status = 'sending', attempts = attempts + 1,
                     attempted_at = ?2
                 WHERE id = ?1 AND status = 'scheduled'",
                (id, now),
            )?;
            if changed == 0 {
                return Ok(None);
            }
            read_one(tx, id).map(Some)
        })
    }

    /// Moves a scheduled message to a later moment `at` (outside the contact hours now), with
    /// its dossier entry.
    pub fn reschedule_email(
        &mut self,
        id: i64,
        at: &str,
        entry: &NewDossierEntry,
    ) -> Result<SentEmailRecord, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let changed = tx.execute(
                "UPDATE sent_emails SET scheduled_for = ?2 WHERE id = ?1 AND status = 'scheduled'",
                (id, at),
            )?;
            if changed == 0 {
                return Err(StoreError::AlreadyDone);
            }
            insert_entry(tx, entry, None)?;
            read_one(tx, id)
        })
    }

    /// Cancels a scheduled message that should no longer go (`why`), with its dossier entry.
    pub fn cancel_email(
        &mut self,
        id: i64,
        why: &str,
        entry: &NewDossierEntry,
    ) -> Result<SentEmailRecord, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let changed = tx.execute(
                "UPDATE sent_emails SET status = 'cancelled', error = ?2
                 WHERE id = ?1 AND status = 'scheduled'",
                (id, why),
            )?;
            if changed == 0 {
                return Err(StoreError::AlreadyDone);
            }
            insert_entry(tx, entry, None)?;
            read_one(tx, id)
        })
    }

    /// At start-up: every message still `sending` was cut off mid-send (Tijdig sends only while
    /// it runs). Each becomes `unknown`, with the dossier entry `entry` makes for it, in one
    /// transaction. Returns them.
    pub fn mark_interrupted_emails(
        &mut self,
        entry: impl Fn(&SentEmailRecord) -> NewDossierEntry,
    ) -> Result<Vec<SentEmailRecord>, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let cut_off: Vec<SentEmailRecord> = tx
                .prepare(&format!(
                    "SELECT {COLUMNS} FROM sent_emails WHERE status = 'sending' ORDER BY id"
                ))?
                .query_map([], read)?
                .collect::<Result<_, _>>()?;
            for record in &cut_off {
                tx.execute(
                    "UPDATE sent_emails SET status = 'unknown' WHERE id = ?1",
                    [record.id],
                )?;
                // Not linked to a letter: the letter counts as sent only once it is known to be.
                insert_entry(tx, &entry(record), None)?;
            }
            cut_off
                .iter()
                .map(|r| read_one(tx, r.id))
                .collect::<Result<Vec<_>, _>>()
        })
    }

    /// Takes a failed message, or one whose fate is unknown, up again (`sending` at `now`, one
    /// more attempt, the same Message-ID). Refuses one that was sent or is being sent: a retry
    /// never sends twice.
    pub fn retry_email(&mut self, id: i64, now: &str) -> Result<SentEmailRecord, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let changed = tx.execute(
                "UPDATE sent_emails SET status = 'sending', attempts = attempts + 1, error = NULL,
                     attempted_at = ?2
                 WHERE id = ?1 AND status IN ('failed', 'unknown')",
                (id, now),
            )?;
            if changed == 0 {
                return Err(StoreError::AlreadyDone);
            }
            read_one(tx, id)
        })
    }

    /// Records the outcome and its dossier entry in one transaction: of a message being sent,
    /// or of one whose fate was unknown (the user looked in the Sent folder). Refuses any other
    /// (already sent, failed, scheduled): an outcome is recorded once.
    pub fn finish_email(
        &mut self,
        id: i64,
        outcome: EmailOutcome<'_>,
        sent_at: &str,
        entry: &NewDossierEntry,
    ) -> Result<SentEmailRecord, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let status: String =
                tx.query_row("SELECT status FROM sent_emails WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            if status != "sending" && status != "unknown" {
                return Err(StoreError::AlreadyDone);
            }
            match outcome {
                EmailOutcome::Sent { response } => tx.execute(
                    "UPDATE sent_emails SET status = 'sent', server_response = ?2, sent_at = ?3
                     WHERE id = ?1",
                    (id, response, sent_at),
                )?,
                EmailOutcome::Failed { error } => tx.execute(
                    "UPDATE sent_emails SET status = 'failed', error = ?2 WHERE id = ?1",
                    (id, error),
                )?,
            };
            // A letter that went out: linked in the dossier, counted as sent, its step done.
            let (kind, document): (String, i64) = tx.query_row(
                "SELECT document_kind, document_id FROM sent_emails WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let letter = (kind == "letter").then_some(document);
            let entry_id = insert_entry(tx, entry, letter)?;
            if let (Some(letter), EmailOutcome::Sent { .. }) = (letter, outcome) {
                let on = sent_at
                    .get(..10)
                    .map(crate::parse::date)
                    .transpose()?
                    .ok_or_else(|| StoreError::Corrupt(format!("sent at {sent_at}")))?;
                crate::letters::letter_emailed(tx, letter, on, entry_id)?;
            }
            Ok(tx.query_row(
                &format!("SELECT {COLUMNS} FROM sent_emails WHERE id = ?1"),
                [id],
                read,
            )?)
        })
    }

    pub fn sent_email(&self, id: i64) -> Result<SentEmailRecord, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM sent_emails WHERE id = ?1"),
                [id],
                read,
            )
            .optional()?
            .ok_or(StoreError::NotFound)
    }

    /// The messages of one document, oldest first.
    pub fn emails_of(
        &self,
        kind: &str,
        document_id: i64,
    ) -> Result<Vec<SentEmailRecord>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM sent_emails WHERE document_kind = ?1 AND document_id = ?2 ORDER BY id"
        ))?;
        let rows = stmt
            .query_map((kind, document_id), read)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Messages that did not go out (failed, cut off while sending, scheduled), for
    /// "Vandaag"; cancelled ones are done with.
    pub fn unsent_emails(&self) -> Result<Vec<SentEmailRecord>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM sent_emails WHERE status NOT IN ('sent', 'cancelled')
             ORDER BY id"
        ))?;
        let rows = stmt.query_map([], read)?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}
