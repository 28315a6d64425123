//! Offers (offertes), agreements (opdrachtbevestigingen), the versions of the algemene
//! voorwaarden, reusable text blocks and the invoices an agreement leads to.
//!
//! A concept offer may change; finalising stores its PDF and freezes it (migration 0012's
//! triggers enforce that for any SQL). Accepting creates the agreement and its PDF in the same
//! transaction as the answer. Each line of an agreement's payment schedule is invoiced once.

use crate::dossier::insert_entry;
use crate::invoices::{insert_lines, write_invoice, InvoiceData};
use crate::parse::{amount, date};
use crate::{NewDossierEntry, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{named_params, OptionalExtension, Row, TransactionBehavior};
use rust_decimal::Decimal;

/// A version of the algemene voorwaarden to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTermsDocument {
    pub file_name: String,
    pub pdf: Vec<u8>,
    pub sha256: String,
    pub pages: u32,
}

/// A stored version of the algemene voorwaarden (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermsDocumentRecord {
    pub id: i64,
    pub version: u32,
    pub file_name: String,
    pub sha256: String,
    pub pages: u32,
    pub uploaded_at: String,
}

/// A reusable text block: `scope` (what you deliver) or `conditions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlockRecord {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub body: String,
}

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
}

/// How the client accepted (the agreement records it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcceptedHow {
    SignedPdf,
    Email,
    Paper,
}

impl AcceptedHow {
    pub fn code(self) -> &'static str {
        match self {
            AcceptedHow::SignedPdf => "signed_pdf",
            AcceptedHow::Email => "email",
            AcceptedHow::Paper => "paper",
        }
    }

    fn parse(code: &str) -> Result<AcceptedHow, StoreError> {
        match code {
            "signed_pdf" => Ok(AcceptedHow::SignedPdf),
            "email" => Ok(AcceptedHow::Email),
            "paper" => Ok(AcceptedHow::Paper),
            other => Err(StoreError::Corrupt(format!("accepted_how {other}"))),
        }
    }
}

/// The acceptance to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAcceptance {
    pub how: AcceptedHow,
    pub on: NaiveDate,
    pub by: String,
}

/// The countersigned copy the client returned (a PDF or a scan).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Countersigned {
    pub file_name: String,
    pub sha256: String,
    /// What the signature check found, in words (empty for a scan).
    pub check: String,
    /// RFC 3339 UTC.
    pub registered_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementRecord {
    pub id: i64,
    pub offer_id: i64,
    pub number: String,
    pub acceptance: NewAcceptance,
    pub pdf_sha256: String,
    pub countersigned: Option<Countersigned>,
    pub delivered_on: Option<NaiveDate>,
    /// The client was asked whether they are satisfied on this day.
    pub satisfaction_checked_on: Option<NaiveDate>,
}

/// The rendered PDF for an offer or agreement, made inside the storing transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferDocument {
    pub pdf: Vec<u8>,
    pub sha256: String,
}

/// The client-acceptance checklist (acceptatie) as last answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAcceptance {
    pub kvk_checked: bool,
    pub references_ok: bool,
    pub trouble_signals: bool,
    pub note: Option<String>,
    pub checked_on: NaiveDate,
}

const OFFER_COLUMNS: &str = "id, number, client_id, title, form_json, valid_until,
    terms_document_id, total_excl, total_incl, pdf_sha256, sent_on, answer, answered_on,
    answer_note, follow_up_done_on";

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
    })
}

fn agreement_row(row: &Row<'_>) -> Result<AgreementRecord, StoreError> {
    let countersigned = match row.get::<_, Option<String>>(6)? {
        Some(sha256) => Some(Countersigned {
            file_name: row.get::<_, Option<String>>(7)?.unwrap_or_default(),
            sha256,
            check: row.get::<_, Option<String>>(8)?.unwrap_or_default(),
            registered_at: row.get::<_, Option<String>>(9)?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(AgreementRecord {
        id: row.get(0)?,
        offer_id: row.get(1)?,
        number: row.get(2)?,
        acceptance: NewAcceptance {
            how: AcceptedHow::parse(&row.get::<_, String>(3)?)?,
            on: date(&row.get::<_, String>(4)?)?,
            by: row.get(5)?,
        },
        pdf_sha256: row.get(10)?,
        countersigned,
        delivered_on: row
            .get::<_, Option<String>>(11)?
            .map(|t| date(&t))
            .transpose()?,
        satisfaction_checked_on: row
            .get::<_, Option<String>>(12)?
            .map(|t| date(&t))
            .transpose()?,
    })
}

const AGREEMENT_COLUMNS: &str = "id, offer_id, number, accepted_how, accepted_on, accepted_by,
    countersigned_sha256, countersigned_name, countersigned_check, countersigned_at, pdf_sha256,
    delivered_on, satisfaction_checked_on";

fn terms_row(row: &Row<'_>) -> rusqlite::Result<TermsDocumentRecord> {
    Ok(TermsDocumentRecord {
        id: row.get(0)?,
        version: row.get(1)?,
        file_name: row.get(2)?,
        sha256: row.get(3)?,
        pages: row.get(4)?,
        uploaded_at: row.get(5)?,
    })
}

/// "OF-2026-0001" → "OB-2026-0001": the agreement carries its offer's number.
pub fn agreement_number(offer_number: &str) -> String {
    match offer_number.strip_prefix("OF-") {
        Some(rest) => format!("OB-{rest}"),
        None => format!("OB-{offer_number}"),
    }
}

impl Store {
    /// Stores a new version of the algemene voorwaarden (the next version number).
    pub fn add_terms_document(
        &mut self,
        doc: &NewTermsDocument,
    ) -> Result<TermsDocumentRecord, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO terms_documents (version, file_name, pdf, sha256, pages)
             VALUES ((SELECT coalesce(max(version), 0) + 1 FROM terms_documents), ?1, ?2, ?3, ?4)",
            rusqlite::params![doc.file_name, doc.pdf, doc.sha256, doc.pages],
        )?;
        let id = tx.last_insert_rowid();
        let record = tx.query_row(
            "SELECT id, version, file_name, sha256, pages, uploaded_at FROM terms_documents
             WHERE id = ?1",
            [id],
            terms_row,
        )?;
        tx.commit()?;
        Ok(record)
    }

    /// Every version, the newest first.
    pub fn terms_documents(&self) -> Result<Vec<TermsDocumentRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, version, file_name, sha256, pages, uploaded_at FROM terms_documents
             ORDER BY version DESC",
        )?;
        let rows = stmt.query_map([], terms_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn terms_document_pdf(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        self.conn
            .query_row("SELECT pdf FROM terms_documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(StoreError::NotFound)
    }

    pub fn add_text_block(
        &mut self,
        kind: &str,
        title: &str,
        body: &str,
    ) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO text_blocks (kind, title, body) VALUES (?1, ?2, ?3)",
            [kind, title, body],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn text_blocks(&self) -> Result<Vec<TextBlockRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, kind, title, body FROM text_blocks ORDER BY kind, title COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(TextBlockRecord {
                id: r.get(0)?,
                kind: r.get(1)?,
                title: r.get(2)?,
                body: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn delete_text_block(&mut self, id: i64) -> Result<(), StoreError> {
        match self
            .conn
            .execute("DELETE FROM text_blocks WHERE id = ?1", [id])?
        {
            0 => Err(StoreError::NotFound),
            _ => Ok(()),
        }
    }

    /// A new concept offer with the next number of the year's series (OF-2026-0001).
    pub fn create_offer(&mut self, year: i32, data: &OfferData) -> Result<OfferRecord, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let prefix = format!("OF-{year}-");
        let last: Option<String> = tx.query_row(
            "SELECT max(number) FROM offers WHERE number LIKE ?1 || '%'",
            [&prefix],
            |r| r.get(0),
        )?;
        let seq = last
            .as_deref()
            .and_then(|n| n.strip_prefix(prefix.as_str()))
            .and_then(|s| s.parse::<u32>().ok())
            .unwrap_or(0)
            + 1;
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
            "UPDATE offers SET pdf = ?2, pdf_sha256 = ?3, sent_on = ?4,
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
            rusqlite::params![id, doc.pdf, doc.sha256, sent_on.to_string()],
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

    pub fn agreement(&self, id: i64) -> Result<AgreementRecord, StoreError> {
        let sql = format!("SELECT {AGREEMENT_COLUMNS} FROM agreements WHERE id = ?1");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => agreement_row(row),
            None => Err(StoreError::NotFound),
        }
    }

    pub fn agreement_of_offer(&self, offer_id: i64) -> Result<Option<AgreementRecord>, StoreError> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM agreements WHERE offer_id = ?1",
                [offer_id],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.agreement(id)).transpose()
    }

    pub fn agreement_pdf(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        self.conn
            .query_row("SELECT pdf FROM agreements WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(StoreError::NotFound)
    }

    /// The countersigned copy's bytes and file name.
    pub fn countersigned_file(&self, id: i64) -> Result<(String, Vec<u8>), StoreError> {
        self.conn
            .query_row(
                "SELECT countersigned_name, countersigned FROM agreements
                 WHERE id = ?1 AND countersigned IS NOT NULL",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound)
    }

    /// Stores (or replaces, when the client sent a better copy) the countersigned copy.
    pub fn register_countersigned(
        &mut self,
        id: i64,
        file_name: &str,
        bytes: &[u8],
        sha256: &str,
        check: &str,
        entry: &NewDossierEntry,
    ) -> Result<AgreementRecord, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let changed = tx.execute(
            "UPDATE agreements SET countersigned = ?2, countersigned_name = ?3,
                countersigned_sha256 = ?4, countersigned_check = ?5,
                countersigned_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ?1",
            rusqlite::params![id, bytes, file_name, sha256, check],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        insert_entry(&tx, entry, None)?;
        tx.commit()?;
        self.agreement(id)
    }

    /// Records that the work was delivered (the satisfaction check is planned from it).
    pub fn mark_agreement_delivered(
        &mut self,
        id: i64,
        on: NaiveDate,
        entry: &NewDossierEntry,
    ) -> Result<AgreementRecord, StoreError> {
        self.set_date_once("agreements", "delivered_on", id, on, entry)?;
        self.agreement(id)
    }

    /// Records that the client was asked whether they are satisfied.
    pub fn record_satisfaction_check(
        &mut self,
        id: i64,
        on: NaiveDate,
        entry: &NewDossierEntry,
    ) -> Result<AgreementRecord, StoreError> {
        self.set_date_once("agreements", "satisfaction_checked_on", id, on, entry)?;
        self.agreement(id)
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
    fn set_date_once(
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

    /// Creates a concept invoice for one line of the agreement's schedule and links it, in one
    /// transaction; a line already invoiced is refused with [`StoreError::AlreadyDone`].
    pub fn create_agreement_invoice(
        &mut self,
        agreement_id: i64,
        schedule_line: u32,
        data: &InvoiceData,
    ) -> Result<i64, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM agreement_invoices
                WHERE agreement_id = ?1 AND schedule_line = ?2)",
            rusqlite::params![agreement_id, schedule_line],
            |r| r.get(0),
        )?;
        if taken {
            return Err(StoreError::AlreadyDone);
        }
        write_invoice(
            &tx,
            "INSERT INTO invoices (id, kind, client_id, state, invoice_date, delivery_from,
                delivery_to, payment_term_days, vat_regime, reference_kind, note,
                credits_invoice_id)
             VALUES (:id, :kind, :client_id, 'draft', :invoice_date, :delivery_from,
                :delivery_to, :term, :regime, :reference_kind, :note, :credits)",
            None,
            data,
        )?;
        let invoice_id = tx.last_insert_rowid();
        insert_lines(&tx, invoice_id, &data.lines)?;
        tx.execute(
            "INSERT INTO agreement_invoices (agreement_id, schedule_line, invoice_id)
             VALUES (?1, ?2, ?3)",
            rusqlite::params![agreement_id, schedule_line, invoice_id],
        )?;
        tx.commit()?;
        Ok(invoice_id)
    }

    /// The schedule lines already invoiced: `(line, invoice id)`.
    pub fn agreement_invoices(&self, agreement_id: i64) -> Result<Vec<(u32, i64)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT schedule_line, invoice_id FROM agreement_invoices WHERE agreement_id = ?1
             ORDER BY schedule_line",
        )?;
        let rows = stmt.query_map([agreement_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn client_acceptance(
        &self,
        client_id: i64,
    ) -> Result<Option<ClientAcceptance>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT kvk_checked, references_ok, trouble_signals, note, checked_on
                 FROM client_acceptance WHERE client_id = ?1",
                [client_id],
                |r| {
                    Ok((
                        r.get::<_, bool>(0)?,
                        r.get::<_, bool>(1)?,
                        r.get::<_, bool>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                },
            )
            .optional()?;
        row.map(|(kvk, refs, trouble, note, on)| {
            Ok(ClientAcceptance {
                kvk_checked: kvk,
                references_ok: refs,
                trouble_signals: trouble,
                note,
                checked_on: date(&on)?,
            })
        })
        .transpose()
    }

    pub fn save_client_acceptance(
        &mut self,
        client_id: i64,
        a: &ClientAcceptance,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO client_acceptance (client_id, kvk_checked, references_ok,
                trouble_signals, note, checked_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (client_id) DO UPDATE SET kvk_checked = excluded.kvk_checked,
                references_ok = excluded.references_ok,
                trouble_signals = excluded.trouble_signals, note = excluded.note,
                checked_on = excluded.checked_on",
            rusqlite::params![
                client_id,
                a.kvk_checked,
                a.references_ok,
                a.trouble_signals,
                a.note,
                a.checked_on.to_string()
            ],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agreement_carries_its_offers_number() {
        assert_eq!(agreement_number("OF-2026-0007"), "OB-2026-0007");
    }
}
