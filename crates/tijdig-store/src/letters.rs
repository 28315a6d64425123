//! Letters (brieven): every letter's PDF byte for byte, the day it was made, and the day it
//! counts as sent — posted ("verstuurd per post op") or e-mailed. A letter that was only made
//! starts nothing (reference README, posting confirmation); its delivery date is recorded once.

use crate::dossier::{already_done, ids, insert_entry, NewDossierEntry};
use crate::follow_up::step_code;
use crate::parse::{amount, date};
use crate::{in_transaction, Store, StoreError};
use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};
use rust_decimal::Decimal;
use tijdig_domain::follow_up::{FollowUpChannel, FollowUpStep};

/// A letter to record with its dossier entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLetter {
    pub step: FollowUpStep,
    pub letter_date: NaiveDate,
    pub channel: FollowUpChannel,
    pub language: String,
    pub total: Decimal,
    pub costs: Option<Decimal>,
    pub costs_due_from: Option<NaiveDate>,
    /// A 14-dagenbrief about several invoices: the summed principal `costs` were computed over.
    pub costs_principal: Option<Decimal>,
    /// For the e-mail channel: the message (subject, body) and the policy step it carries
    /// out. The letter then waits to be sent: no dossier entry and no step done until it is
    /// (see [`Store::mark_letter_emailed`] and the e-mail outcome).
    pub pending_email: Option<PendingEmail>,
    /// For a posted letter of the ladder: the policy step it carries out. The letter then waits
    /// to be posted: no dossier entry and no step done until the user says it went into the
    /// mail (see [`Store::mark_letter_posted`]). `None`: it counts as sent on its date.
    pub awaits_posting: Option<FollowUpStep>,
}

/// The message of an e-mail letter that is not sent yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingEmail {
    pub subject: String,
    pub body: String,
    pub step: FollowUpStep,
}

/// A stored letter (without its PDF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterRecord {
    pub id: i64,
    pub client_id: i64,
    pub step: FollowUpStep,
    pub reference: String,
    pub letter_date: NaiveDate,
    pub channel: FollowUpChannel,
    pub total: Decimal,
    pub pdf_sha256: String,
    pub delivered_on: Option<NaiveDate>,
    pub invoice_ids: Vec<i64>,
    /// An e-mail letter: its message, while it waits to be sent.
    pub pending_email: Option<PendingEmail>,
    /// An e-mail letter: the day it went out.
    pub emailed_on: Option<NaiveDate>,
    /// A posted letter: the day it went into the mail ("verstuurd per post op").
    pub posted_on: Option<NaiveDate>,
    /// A posted letter that was made but not posted yet: the ladder step it carries out.
    pub awaiting_post: Option<FollowUpStep>,
}

impl LetterRecord {
    /// The day the letter counts as sent: posted or e-mailed. `None`: only made, it starts
    /// nothing (reference README, posting confirmation).
    pub fn sent_on(&self) -> Option<NaiveDate> {
        self.posted_on.or(self.emailed_on)
    }
}

impl Store {
    /// Produces and records a letter: gives it the next reference of its year ("2026-B0007"),
    /// calls `render` for the PDF and its SHA-256 inside the transaction, stores both with the
    /// dossier entry and the steps done. Nothing is stored when any part fails; a step already
    /// done is refused before rendering.
    pub fn record_letter<E: From<StoreError>>(
        &mut self,
        letter: &NewLetter,
        entry: &NewDossierEntry,
        render: impl FnOnce(&str) -> Result<(Vec<u8>, String), E>,
    ) -> Result<LetterRecord, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let (record, _) = insert_letter(&tx, letter, entry, render)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(record)
    }

    /// The e-mail letter for this client, step and exactly these invoices that was made but not
    /// sent yet, if any: making the step again reuses it instead of making a second letter.
    pub fn pending_email_letter(
        &self,
        client_id: i64,
        step: FollowUpStep,
        invoice_ids: &[i64],
    ) -> Result<Option<LetterRecord>, StoreError> {
        let candidates = ids(
            &self.conn,
            "SELECT id FROM letters WHERE client_id = ?1 AND channel = 'email'
                AND email_step IS NOT NULL AND emailed_on IS NULL ORDER BY id DESC",
            client_id,
        )?;
        let mut wanted = invoice_ids.to_vec();
        wanted.sort_unstable();
        for id in candidates {
            let letter = read_letter(&self.conn, id)?;
            if letter.step == step && letter.invoice_ids == wanted {
                return Ok(Some(letter));
            }
        }
        Ok(None)
    }

    /// The user sent the e-mail letter themselves: recorded with `entry` (linked to the
    /// letter), the letter counts as sent and its step as done. Refused with
    /// [`StoreError::AlreadyDone`] when it went out before.
    pub fn mark_letter_emailed(
        &mut self,
        letter_id: i64,
        on: NaiveDate,
        entry: &NewDossierEntry,
    ) -> Result<LetterRecord, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let waiting: Option<bool> = tx
                .query_row(
                    "SELECT emailed_on IS NULL AND email_step IS NOT NULL FROM letters WHERE id = ?1",
                    [letter_id],
                    |r| r.get(0),
                )
                .optional()?;
            match waiting {
                None => return Err(StoreError::NotFound),
                Some(false) => return Err(StoreError::AlreadyDone),
                Some(true) => {}
            }
            let entry_id = insert_entry(tx, entry, Some(letter_id))?;
            letter_emailed(tx, letter_id, on, entry_id)?;
            Ok(())
        })?;
        read_letter(&self.conn, letter_id)
    }

    /// The stored PDF of a letter, byte for byte as produced.
    pub fn letter_pdf(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        self.conn
            .query_row("SELECT pdf FROM letters WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NotFound)
    }

    pub fn letter(&self, id: i64) -> Result<LetterRecord, StoreError> {
        read_letter(&self.conn, id)
    }

    /// The posted letter for this client, step and exactly these invoices that was made but
    /// not posted yet, if any: making the step again returns it instead of a second letter.
    pub fn letter_awaiting_post(
        &self,
        client_id: i64,
        step: FollowUpStep,
        invoice_ids: &[i64],
    ) -> Result<Option<LetterRecord>, StoreError> {
        let candidates = ids(
            &self.conn,
            "SELECT id FROM letters WHERE client_id = ?1 AND channel = 'letter'
                AND post_step IS NOT NULL AND posted_on IS NULL ORDER BY id DESC",
            client_id,
        )?;
        let mut wanted = invoice_ids.to_vec();
        wanted.sort_unstable();
        for id in candidates {
            let letter = read_letter(&self.conn, id)?;
            if letter.step == step && letter.invoice_ids == wanted {
                return Ok(Some(letter));
            }
        }
        Ok(None)
    }

    /// Every letter by post dated `day` (made that day), in the order made.
    pub fn posted_letters_of_day(&self, day: NaiveDate) -> Result<Vec<LetterRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id FROM letters WHERE channel = 'letter' AND letter_date = ?1 ORDER BY id",
        )?;
        let found = stmt
            .query_map([day.to_string()], |r| r.get::<_, i64>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        found
            .into_iter()
            .map(|id| read_letter(&self.conn, id))
            .collect()
    }

    /// Every posted letter that was made but not posted yet, oldest first.
    pub fn letters_awaiting_post(&self) -> Result<Vec<LetterRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id FROM letters WHERE channel = 'letter' AND post_step IS NOT NULL
                AND posted_on IS NULL ORDER BY letter_date, id",
        )?;
        let found = stmt
            .query_map([], |r| r.get::<_, i64>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        found
            .into_iter()
            .map(|id| read_letter(&self.conn, id))
            .collect()
    }

    /// The user posted the letter on `on`: recorded with `entry` (linked to the letter), the
    /// letter counts as sent from that day and its ladder step as done (where it was not done
    /// otherwise). Refused with [`StoreError::AlreadyDone`] when it was posted before; the
    /// store refuses a day before the letter's date.
    pub fn mark_letter_posted(
        &mut self,
        letter_id: i64,
        on: NaiveDate,
        entry: &NewDossierEntry,
    ) -> Result<LetterRecord, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let waiting: Option<(bool, Option<String>)> = tx
                .query_row(
                    "SELECT channel = 'letter' AND posted_on IS NULL, post_step FROM letters
                     WHERE id = ?1",
                    [letter_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let step = match waiting {
                None => return Err(StoreError::NotFound),
                Some((false, _)) => return Err(StoreError::AlreadyDone),
                Some((true, step)) => step,
            };
            let entry_id = insert_entry(tx, entry, Some(letter_id))?;
            tx.execute(
                "UPDATE letters SET posted_on = ?2 WHERE id = ?1",
                (letter_id, on.to_string()),
            )?;
            if let Some(step) = step {
                tx.execute(
                    "INSERT OR IGNORE INTO follow_up_done (invoice_id, step, done_on, entry_id)
                     SELECT invoice_id, ?2, ?3, ?4 FROM letter_invoices WHERE letter_id = ?1",
                    (letter_id, step, on.to_string(), entry_id),
                )?;
            }
            Ok(())
        })?;
        read_letter(&self.conn, letter_id)
    }

    /// Records the proven delivery date of a sent letter (track & trace, read receipt) with
    /// its dossier entry. Once: a second date is refused with [`StoreError::AlreadyDone`] (the
    /// store's trigger refuses it too, and a day before the letter was sent).
    pub fn set_letter_delivered(
        &mut self,
        id: i64,
        on: NaiveDate,
        entry: &NewDossierEntry,
    ) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let known: Option<bool> = tx
                .query_row(
                    "SELECT delivered_on IS NULL FROM letters WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            match known {
                None => return Err(StoreError::NotFound),
                Some(false) => return Err(StoreError::AlreadyDone),
                Some(true) => {}
            }
            tx.execute(
                "UPDATE letters SET delivered_on = ?2 WHERE id = ?1",
                (id, on.to_string()),
            )?;
            insert_entry(tx, entry, Some(id))?;
            Ok(())
        })
    }

    /// The date of the latest letter about an invoice (a written aanmaning interrupts the
    /// limitation period, art. 3:317 BW).
    pub fn last_letter_on(&self, invoice_id: i64) -> Result<Option<NaiveDate>, StoreError> {
        let latest: Option<String> = self.conn.query_row(
            "SELECT max(coalesce(l.emailed_on, l.posted_on)) FROM letters l
             JOIN letter_invoices li ON li.letter_id = l.id WHERE li.invoice_id = ?1",
            [invoice_id],
            |r| r.get(0),
        )?;
        latest.map(|d| date(&d)).transpose()
    }

    /// Letters of a client, oldest first.
    pub fn letters_of(&self, client_id: i64) -> Result<Vec<LetterRecord>, StoreError> {
        ids(
            &self.conn,
            "SELECT id FROM letters WHERE client_id = ?1 ORDER BY letter_date, id",
            client_id,
        )?
        .into_iter()
        .map(|id| read_letter(&self.conn, id))
        .collect()
    }
}

/// Inserts a letter with its dossier entry (see [`Store::record_letter`]); returns the letter
/// and the entry's id. The caller commits.
pub(crate) fn insert_letter<E: From<StoreError>>(
    tx: &Transaction<'_>,
    letter: &NewLetter,
    entry: &NewDossierEntry,
    render: impl FnOnce(&str) -> Result<(Vec<u8>, String), E>,
) -> Result<(LetterRecord, Option<i64>), E> {
    if already_done(tx, entry)? {
        return Err(StoreError::AlreadyDone.into());
    }
    let year = letter.letter_date.year();
    let seq = crate::numbering::next_reference_seq(
        tx,
        "letter",
        ("letters", "reference"),
        &format!("{year:04}-B"),
        year,
    )?;
    let reference = format!("{year}-B{seq:04}");
    let (pdf, sha) = render(&reference)?;
    let pending = letter.pending_email.as_ref();
    let awaiting_post = letter
        .awaits_posting
        .filter(|_| letter.channel == FollowUpChannel::Letter);
    // A posted letter that need not wait counts as sent on its date (instalment reminders).
    let posted_on = (letter.channel == FollowUpChannel::Letter && awaiting_post.is_none())
        .then_some(letter.letter_date);
    tx.execute(
        "INSERT INTO letters (client_id, step, reference, letter_date, channel, language,
                              total, costs, costs_due_from, pdf, pdf_sha256, email_subject,
                              email_body, email_step, post_step, posted_on, costs_principal)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        rusqlite::params![
            entry.client_id,
            letter.step.code(),
            &reference,
            letter.letter_date.to_string(),
            letter.channel.code(),
            &letter.language,
            letter.total.to_string(),
            letter.costs.map(|c| c.to_string()),
            letter.costs_due_from.map(|d| d.to_string()),
            &pdf,
            &sha,
            pending.map(|p| p.subject.as_str()),
            pending.map(|p| p.body.as_str()),
            pending.map(|p| p.step.code()),
            awaiting_post.map(FollowUpStep::code),
            posted_on.map(|d| d.to_string()),
            letter.costs_principal.map(|c| c.to_string()),
        ],
    )
    .map_err(StoreError::from)?;
    let letter_id = tx.last_insert_rowid();
    for invoice in &entry.invoice_ids {
        tx.execute(
            "INSERT INTO letter_invoices (letter_id, invoice_id) VALUES (?1, ?2)",
            (letter_id, invoice),
        )
        .map_err(StoreError::from)?;
    }
    // A letter waiting to be e-mailed or posted is only made, not yet sent: nothing in the
    // dossier until it goes out.
    let entry_id = if pending.is_some() || awaiting_post.is_some() {
        None
    } else {
        Some(insert_entry(tx, entry, Some(letter_id))?)
    };
    Ok((
        LetterRecord {
            id: letter_id,
            client_id: entry.client_id,
            step: letter.step,
            reference,
            letter_date: letter.letter_date,
            channel: letter.channel,
            total: letter.total,
            pdf_sha256: sha,
            delivered_on: None,
            invoice_ids: entry.invoice_ids.clone(),
            pending_email: letter.pending_email.clone(),
            emailed_on: None,
            posted_on,
            awaiting_post,
        },
        entry_id,
    ))
}

pub(crate) fn read_letter(
    conn: &rusqlite::Connection,
    id: i64,
) -> Result<LetterRecord, StoreError> {
    let row = conn
        .query_row(
            "SELECT client_id, step, reference, letter_date, channel, total, pdf_sha256,
                    delivered_on, email_subject, email_body, email_step, emailed_on, posted_on,
                    post_step
             FROM letters WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    (
                        r.get::<_, Option<String>>(8)?,
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, Option<String>>(10)?,
                        r.get::<_, Option<String>>(11)?,
                    ),
                    (
                        r.get::<_, Option<String>>(12)?,
                        r.get::<_, Option<String>>(13)?,
                    ),
                ))
            },
        )
        .optional()?
        .ok_or(StoreError::NotFound)?;
    let (client_id, step, reference, letter_date, channel, total, sha, delivered, email, post) =
        row;
    let (posted_on, post_step) = post;
    let posted_on = posted_on.map(|d| date(&d)).transpose()?;
    let awaiting_post = match (&post_step, posted_on) {
        (Some(step), None) => Some(step_code(step)?),
        _ => None,
    };
    let (subject, body, email_step, emailed_on) = email;
    let emailed_on = emailed_on.map(|d| date(&d)).transpose()?;
    let pending_email = match (subject, body, email_step, emailed_on) {
        (Some(subject), Some(body), Some(step), None) => Some(PendingEmail {
            subject,
            body,
            step: step_code(&step)?,
        }),
        _ => None,
    };
    Ok(LetterRecord {
        id,
        client_id,
        step: step_code(&step)?,
        reference,
        letter_date: date(&letter_date)?,
        channel: FollowUpChannel::from_code(&channel)
            .ok_or_else(|| StoreError::Corrupt(format!("channel {channel}")))?,
        total: amount(&total)?,
        pdf_sha256: sha,
        delivered_on: delivered.map(|d| date(&d)).transpose()?,
        invoice_ids: ids(
            conn,
            "SELECT invoice_id FROM letter_invoices WHERE letter_id = ?1 ORDER BY invoice_id",
            id,
        )?,
        pending_email,
        emailed_on,
        posted_on,
        awaiting_post,
    })
}

/// The e-mail letter went out on `on`: it counts as sent from then, and its policy step is done
/// for each of its invoices (where it was not done otherwise), linked to `entry_id`. A letter
/// that went out before is left as it is (sending it again does nothing twice).
pub(crate) fn letter_emailed(
    tx: &Transaction<'_>,
    letter_id: i64,
    on: NaiveDate,
    entry_id: i64,
) -> Result<(), StoreError> {
    let step: Option<Option<String>> = tx
        .query_row(
            "SELECT email_step FROM letters WHERE id = ?1 AND emailed_on IS NULL",
            [letter_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(step) = step else {
        return Ok(());
    };
    tx.execute(
        "UPDATE letters SET emailed_on = ?2 WHERE id = ?1",
        (letter_id, on.to_string()),
    )?;
    if let Some(step) = step {
        tx.execute(
            "INSERT OR IGNORE INTO follow_up_done (invoice_id, step, done_on, entry_id)
             SELECT invoice_id, ?2, ?3, ?4 FROM letter_invoices WHERE letter_id = ?1",
            (letter_id, step, on.to_string(), entry_id),
        )?;
    }
    Ok(())
}
