//! Agreements (opdrachtbevestigingen): the accepted offer's confirmation, the countersigned copy,
//! delivery and the satisfaction check, and the invoices made from the payment schedule.

use crate::dossier::insert_entry;
use crate::invoices::{insert_lines, write_invoice, InvoiceData};
use crate::parse::date;
use crate::{NewDossierEntry, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, TransactionBehavior};

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

    pub(super) fn parse(code: &str) -> Result<AcceptedHow, StoreError> {
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

pub(super) const AGREEMENT_COLUMNS: &str =
    "id, offer_id, number, accepted_how, accepted_on, accepted_by,
    countersigned_sha256, countersigned_name, countersigned_check, countersigned_at, pdf_sha256,
    delivered_on, satisfaction_checked_on";

pub(super) fn agreement_row(row: &Row<'_>) -> Result<AgreementRecord, StoreError> {
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

/// "OF-2026-0001" → "OB-2026-0001": the agreement carries its offer's number.
pub fn agreement_number(offer_number: &str) -> String {
    match offer_number.strip_prefix("OF-") {
        Some(rest) => format!("OB-{rest}"),
        None => format!("OB-{offer_number}"),
    }
}

impl Store {
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
        tx.execute(
            "INSERT INTO countersigned_copies (agreement_id, file_name, content, sha256,
                check_result)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![id, file_name, bytes, sha256, check],
        )?;
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

    /// Per business client (or only `client`), the first day they accepted an offer whose
    /// late-payment clause stipulates a fatale termijn and the staffel (reference README: B2B
    /// costs; the clause of `tijdig_domain::offer::checklist::late_payment_clause`). Offers made
    /// final for a consumer do not count: the Besluit BIK is the only basis there.
    pub fn late_payment_terms_accepted(
        &self,
        client: Option<i64>,
    ) -> Result<std::collections::HashMap<i64, NaiveDate>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT o.client_id, min(a.accepted_on) FROM agreements a
             JOIN offers o ON o.id = a.offer_id
             WHERE (?1 IS NULL OR o.client_id = ?1)
                AND json_extract(o.form_json, '$.latePaymentClause') = 1
                AND coalesce(json_extract(o.client_snapshot, '$.kind'), 'business') = 'business'
             GROUP BY o.client_id",
        )?;
        let mut rows = stmt.query([client])?;
        let mut out = std::collections::HashMap::new();
        while let Some(r) = rows.next()? {
            out.insert(r.get(0)?, date(&r.get::<_, String>(1)?)?);
        }
        Ok(out)
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
