//! Offers (offertes), agreements (opdrachtbevestigingen), the versions of the algemene
//! voorwaarden, reusable text blocks and the invoices an agreement leads to.
//!
//! A concept offer may change; finalising stores its PDF and freezes it (migration 0012's
//! triggers enforce that for any SQL). Accepting creates the agreement and its PDF in the same
//! transaction as the answer (`agreements.rs`); each line of an agreement's payment schedule is
//! invoiced once. The voorwaarden, text blocks and the acceptance checklist are in `library.rs`.

mod agreements;
mod late_payment;
mod library;

pub use agreements::{
    agreement_number, AcceptedHow, AgreementRecord, Countersigned, NewAcceptance,
};
pub use late_payment::{AcceptedVersion, TermsAcceptanceRecord};
pub use library::{ClientAcceptance, NewTermsDocument, TermsDocumentRecord, TextBlockRecord};

use crate::dossier::insert_entry;
use crate::parse::{amount, date};
use crate::{NewDossierEntry, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{named_params, OptionalExtension, Row, TransactionBehavior};
use rust_decimal::Decimal;

/// What the offer editor stores: the content as JSON plus the columns lists and checks need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferData {
    pub client_id: i64,
    pub title: String,
    pub form_json: String,
    pub valid_until: Option<NaiveDate>,
    pub terms_document_id: Option<i64>,
    pub total_excl: Decimal,
    pub total_incl: Decimal,
}

/// The client's recorded answer to an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferAnswer {
    Accepted,
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferRecord {
    pub id: i64,
    pub number: String,
    pub data: OfferData,
    pub pdf_sha256: Option<String>,
    /// Finalised (PDF made) and marked as sent on this date.
    pub sent_on: Option<NaiveDate>,
    pub answer: Option<(OfferAnswer, NaiveDate)>,
    pub answer_note: Option<String>,
    /// The contact moment before it expires was done on this day.
    pub follow_up_done_on: Option<NaiveDate>,
    /// What of the client decided the terms when it was made final (JSON).
    pub client_snapshot: Option<String>,
}

/// The rendered PDF for an offer or agreement, made inside the storing transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferDocument {
    pub pdf: Vec<u8>,
    pub sha256: String,
}

const OFFER_COLUMNS: &str = "id, number, client_id, title, form_json, valid_until,
    terms_document_id, total_excl, total_incl, pdf_sha256, sent_on, answer, answered_on,
    answer_note, follow_up_done_on, client_snapshot";

fn offer_row(row: &Row<'_>) -> Result<OfferRecord, StoreError> {
    let opt_date = |i: usize| -> Result<Option<NaiveDate>, StoreError> {
        row.get::<_, Option<String>>(i)?
            .map(|t| date(&t))
            .transpose()
    };
    let answer = match (row.get::<_, Option<String>>(11)?.as_deref(), opt_date(12)?) {
        (Some("accepted"), Some(on)) => Some((OfferAnswer::Accepted, on)),
        (Some("rejected"), Some(on)) => Some((OfferAnswer::Rejected, on)),
        (None, None) => None,
        (other, _) => return Err(StoreError::Corrupt(format!("offer answer {other:?}"))),
    };
    Ok(OfferRecord {
        id: row.get(0)?,
        number: row.get(1)?,
        data: OfferData {
            client_id: row.get(2)?,
            title: row.get(3)?,
            form_json: row.get(4)?,
            valid_until: opt_date(5)?,
            terms_document_id: row.get(6)?,
            total_excl: amount(&row.get::<_, String>(7)?)?,
            total_incl: amount(&row.get::<_, String>(8)?)?,
        },
        pdf_sha256: row.get(9)?,
        sent_on: opt_date(10)?,
        answer,
        answer_note: row.get(13)?,
        follow_up_done_on: opt_date(14)?,
        client_snapshot: row.get(15)?,
    })
}

impl Store {
    /// A new concept offer with the next number of the year's series (OF-2026-0001).
    pub fn create_offer(&mut self, year: i32, data: &OfferData) -> Result<OfferRecord, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let prefix = format!("OF-{year}-");
        // The highest sequence number, compared as a number (OF-2026-10000 after -9999), and
        // never one handed out before a restore.
        let seq = crate::numbering::next_reference_seq(
            &tx,
            "offer",
            ("offers", "number"),
            &prefix,
            year,
        )?;
        let number = format!("{prefix}{seq:04}");
        tx.execute(
            "INSERT INTO offers (number, client_id, title, form_json, valid_until,
                terms_document_id, total_excl, total_incl)
             VALUES (:number, :client, :title, :form, :valid, :terms, :excl, :incl)",
            named_params! {
                ":number": number,
                ":client": data.client_id,
                ":title": data.title,
                ":form": data.form_json,
                ":valid": data.valid_until.map(|d| d.to_string()),
                ":terms": data.terms_document_id,
                ":excl": data.total_excl.to_string(),
                ":incl": data.total_incl.to_string(),
            },
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.offer(id)
    }

    /// Replaces a concept's content; a finalised offer is refused with [`StoreError::Immutable`].
    pub fn update_offer(&mut self, id: i64, data: &OfferData) -> Result<OfferRecord, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let finalised: Option<bool> = tx
            .query_row(
                "SELECT pdf IS NOT NULL FROM offers WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        match finalised {
            None => return Err(StoreError::NotFound),
            Some(true) => return Err(StoreError::Immutable),
            Some(false) => {}
        }
        tx.execute(
            "UPDATE offers SET client_id = :client, title = :title, form_json = :form,
                valid_until = :valid, terms_document_id = :terms, total_excl = :excl,
                total_incl = :incl, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = :id",
            named_params! {
                ":id": id,
                ":client": data.client_id,
                ":title": data.title,
                ":form": data.form_json,
                ":valid": data.valid_until.map(|d| d.to_string()),
                ":terms": data.terms_document_id,
                ":excl": data.total_excl.to_string(),
                ":incl": data.total_incl.to_string(),
            },
        )?;
        tx.commit()?;
        self.offer(id)
    }

    /// Deletes a concept; a finalised offer is refused with [`StoreError::Immutable`].
    pub fn delete_offer(&mut self, id: i64) -> Result<(), StoreError> {
        let offer = self.offer(id)?;
        if offer.sent_on.is_some() {
            return Err(StoreError::Immutable);
        }
        self.conn
            .execute("DELETE FROM offers WHERE id = ?1", [id])?;
        Ok(())
    }

    pub fn offer(&self, id: i64) -> Result<OfferRecord, StoreError> {
        let sql = format!("SELECT {OFFER_COLUMNS} FROM offers WHERE id = ?1");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => offer_row(row),
            None => Err(StoreError::NotFound),
        }
    }

    /// Every offer, the newest number first; only one client's when given.
    pub fn offers(&self, client_id: Option<i64>) -> Result<Vec<OfferRecord>, StoreError> {
        let sql = format!(
            "SELECT {OFFER_COLUMNS} FROM offers WHERE ?1 IS NULL OR client_id = ?1
             ORDER BY created_at DESC, id DESC"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([client_id])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(offer_row(row)?);
        }
        Ok(out)
    }

    /// Finalises a concept: `render` makes the PDF from the stored record inside the
    /// transaction; the PDF is stored, the offer frozen and marked sent on `sent_on`.
    pub fn finalise_offer<E: From<StoreError>>(
        &mut self,
        id: i64,
        sent_on: NaiveDate,
        client_snapshot: &str,
        entry: &NewDossierEntry,
        render: impl FnOnce(&OfferRecord) -> Result<OfferDocument, E>,
    ) -> Result<OfferRecord, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let sql = format!("SELECT {OFFER_COLUMNS} FROM offers WHERE id = ?1");
        let record = {
            let mut stmt = tx.prepare(&sql).map_err(StoreError::from)?;
            let mut rows = stmt.query([id]).map_err(StoreError::from)?;
            match rows.next().map_err(StoreError::from)? {
                Some(row) => offer_row(row)?,
                None => return Err(StoreError::NotFound.into()),
            }
        };
        if record.sent_on.is_some() {
            return Err(StoreError::Immutable.into());
        }
        let doc = render(&record)?;
        tx.execute(
            "UPDATE offers SET pdf = ?2, pdf_sha256 = ?3, sent_on = ?4, client_snapshot = ?5,
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
            rusqlite::params![
                id,
                doc.pdf,
                doc.sha256,
                sent_on.to_string(),
                client_snapshot
            ],
        )
        .map_err(StoreError::from)?;
        insert_entry(&tx, entry, None)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(self.offer(id)?)
    }

    pub fn offer_pdf(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        self.conn
            .query_row("SELECT pdf FROM offers WHERE id = ?1", [id], |r| {
                r.get::<_, Option<Vec<u8>>>(0)
            })
            .optional()?
            .flatten()
            .ok_or(StoreError::NotFound)
    }

    /// Records that the client declined a sent offer.
    pub fn reject_offer(
        &mut self,
        id: i64,
        on: NaiveDate,
        note: Option<&str>,
        entry: &NewDossierEntry,
    ) -> Result<OfferRecord, StoreError> {
        let offer = self.offer(id)?;
        if offer.sent_on.is_none() {
            return Err(StoreError::NotFound);
        }
        if offer.answer.is_some() {
            return Err(StoreError::AlreadyDone);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE offers SET answer = 'rejected', answered_on = ?2, answer_note = ?3
             WHERE id = ?1",
            rusqlite::params![id, on.to_string(), note],
        )?;
        insert_entry(&tx, entry, None)?;
        tx.commit()?;
        self.offer(id)
    }

    /// Records the acceptance and creates the agreement with the PDF `render` makes for its
    /// number, in one transaction.
    pub fn accept_offer<E: From<StoreError>>(
        &mut self,
        id: i64,
        acceptance: &NewAcceptance,
        entry: &NewDossierEntry,
        render: impl FnOnce(&OfferRecord, &str) -> Result<OfferDocument, E>,
    ) -> Result<AgreementRecord, E> {
        let offer = self.offer(id)?;
        if offer.sent_on.is_none() {
            return Err(StoreError::NotFound.into());
        }
        if offer.answer.is_some() {
            return Err(StoreError::AlreadyDone.into());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let number = agreement_number(&offer.number);
        let doc = render(&offer, &number)?;
        tx.execute(
            "UPDATE offers SET answer = 'accepted', answered_on = ?2 WHERE id = ?1",
            rusqlite::params![id, acceptance.on.to_string()],
        )
        .map_err(StoreError::from)?;
        tx.execute(
            "INSERT INTO agreements (offer_id, number, accepted_how, accepted_on, accepted_by,
                pdf, pdf_sha256)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![
                id,
                number,
                acceptance.how.code(),
                acceptance.on.to_string(),
                acceptance.by,
                doc.pdf,
                doc.sha256
            ],
        )
        .map_err(StoreError::from)?;
        let agreement_id = tx.last_insert_rowid();
        insert_entry(&tx, entry, None)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(self.agreement(agreement_id)?)
    }

    /// Records that the contact moment before the offer expires was done.
    pub fn record_offer_follow_up(
        &mut self,
        id: i64,
        on: NaiveDate,
        entry: &NewDossierEntry,
    ) -> Result<OfferRecord, StoreError> {
        self.set_date_once("offers", "follow_up_done_on", id, on, entry)?;
        self.offer(id)
    }

    /// Sets a date column that is written once, with its dossier entry, in one transaction.
    /// `table` and `column` are this module's own constants, never user input.
    pub(super) fn set_date_once(
        &mut self,
        table: &str,
        column: &str,
        id: i64,
        on: NaiveDate,
        entry: &NewDossierEntry,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current: Option<Option<String>> = tx
            .query_row(
                &format!("SELECT {column} FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?;
        match current {
            None => return Err(StoreError::NotFound),
            Some(Some(_)) => return Err(StoreError::AlreadyDone),
            Some(None) => {}
        }
        tx.execute(
            &format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1"),
            rusqlite::params![id, on.to_string()],
        )?;
        insert_entry(&tx, entry, None)?;
        tx.commit()?;
        Ok(())
    }
}
