//! Sent e-mail (verzonden e-mail): the record of every message Tijdig sent or tried to send.
//! A message is stored as `sending` before the server is contacted, then marked `sent` or
//! `failed`; the dossier entry is written in the same transaction as the outcome.

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
    /// `scheduled`, `sending`, `sent` or `failed`.
    pub status: String,
    /// For a scheduled message: when it goes out (local time).
    pub scheduled_for: Option<String>,
    pub server_response: Option<String>,
    pub error: Option<String>,
    pub attempts: i64,
    pub created_at: String,
    pub sent_at: Option<String>,
}

const COLUMNS: &str = "id, client_id, document_kind, document_id, message_id, sender, recipients,
    subject, body, attachments, status, server_response, error, attempts, created_at, sent_at,
    scheduled_for";

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
    })
}

impl Store {
    /// Stores a message as `sending` (before the server is contacted) and returns its id.
    pub fn begin_email(&mut self, new: &NewSentEmail<'_>) -> Result<i64, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            tx.execute(
                "INSERT INTO sent_emails (client_id, document_kind, document_id, message_id, sender,
                     recipients, subject, body, attachments, status, attempts)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'sending', 1)",
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

    /// Takes the scheduled messages whose moment has come (`now`, local time): each moves to
    /// `sending` here, once, so a second caller gets none of them.
    pub fn take_due_emails(&mut self, now: &str) -> Result<Vec<SentEmailRecord>, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let ids: Vec<i64> = tx
                .prepare(
                    "SELECT id FROM sent_emails WHERE status = 'scheduled' AND scheduled_for <= ?1
                     ORDER BY scheduled_for, id",
                )?
                .query_map([now], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let mut taken = Vec::new();
            for id in ids {
                tx.execute(
                    "UPDATE sent_emails SET status = 'sending', attempts = attempts + 1 WHERE id = ?1",
                    [id],
                )?;
                taken.push(tx.query_row(
                    &format!("SELECT {COLUMNS} FROM sent_emails WHERE id = ?1"),
                    [id],
                    read,
                )?);
            }
            Ok(taken)
        })
    }

    /// Takes a failed message up again (`sending`, one more attempt). Refuses one that was
    /// sent or is being sent: a retry never sends twice.
    pub fn retry_email(&mut self, id: i64) -> Result<SentEmailRecord, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let changed = tx.execute(
                "UPDATE sent_emails SET status = 'sending', attempts = attempts + 1, error = NULL
                 WHERE id = ?1 AND status = 'failed'",
                [id],
            )?;
            if changed == 0 {
                return Err(StoreError::AlreadyDone);
            }
            Ok(tx.query_row(
                &format!("SELECT {COLUMNS} FROM sent_emails WHERE id = ?1"),
                [id],
                read,
            )?)
        })
    }

    /// Records the outcome and its dossier entry in one transaction.
    pub fn finish_email(
        &mut self,
        id: i64,
        outcome: EmailOutcome<'_>,
        sent_at: &str,
        entry: &NewDossierEntry,
    ) -> Result<SentEmailRecord, StoreError> {
        in_transaction(&mut self.conn, |tx| {
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

    /// Messages that did not go out (failed, or cut off while sending), for "Vandaag".
    pub fn unsent_emails(&self) -> Result<Vec<SentEmailRecord>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM sent_emails WHERE status <> 'sent' ORDER BY id"
        ))?;
        let rows = stmt.query_map([], read)?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}
