//! Afspraken bij te late betaling per version of the algemene voorwaarden (migration 0023) and
//! which version each client accepted with an offer.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row};
use rust_decimal::Decimal;
use tijdig_domain::late_payment_terms::{
    AcceptedTerms, ContractualCosts, ContractualInterest, LatePaymentTerms, RatePeriod,
};

use crate::parse::{amount, date};
use crate::{Store, StoreError};

/// One acceptance of an offer that carried a version of the algemene voorwaarden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcceptedVersion {
    pub accepted_on: NaiveDate,
    /// The version and what it stipulates (nothing when it has no terms of its own).
    pub terms: AcceptedTerms,
}

const TERMS_COLUMNS: &str = "l.interest_percent, l.interest_per, l.interest_compound,
    l.costs_kind, l.costs_percent, l.costs_minimum, l.costs_amount, l.fatal_term";

/// An acceptance of a version recorded outside Tijdig (on paper, before Tijdig).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermsAcceptanceRecord {
    pub id: i64,
    pub client_id: i64,
    pub terms_document_id: i64,
    pub version: u32,
    pub accepted_on: NaiveDate,
    pub note: Option<String>,
}

/// The terms from the eight columns of [`TERMS_COLUMNS`] starting at `at`; all NULL (no row):
/// nothing stipulated.
fn terms_at(row: &Row<'_>, at: usize) -> Result<LatePaymentTerms, StoreError> {
    let text = |i: usize| -> Result<Option<String>, StoreError> { Ok(row.get(at + i)?) };
    let decimal = |i: usize| -> Result<Option<Decimal>, StoreError> {
        text(i)?.as_deref().map(amount).transpose()
    };
    let corrupt = |what: &str| StoreError::Corrupt(format!("terms_late_payment {what}"));
    let interest = match (decimal(0)?, text(1)?) {
        (Some(percent), Some(per)) => Some(ContractualInterest {
            percent,
            per: RatePeriod::from_code(&per).ok_or_else(|| corrupt("interest_per"))?,
            compound: row.get::<_, Option<bool>>(at + 2)?.unwrap_or(false),
        }),
        _ => None,
    };
    let costs = match text(3)?.as_deref() {
        None | Some("statutory") => None,
        Some("percent") => Some(ContractualCosts::Percent {
            percent: decimal(4)?.ok_or_else(|| corrupt("costs_percent"))?,
            minimum: decimal(5)?.ok_or_else(|| corrupt("costs_minimum"))?,
        }),
        Some("fixed") => Some(ContractualCosts::Fixed {
            amount: decimal(6)?.ok_or_else(|| corrupt("costs_amount"))?,
        }),
        Some(_) => return Err(corrupt("costs_kind")),
    };
    Ok(LatePaymentTerms {
        interest,
        costs,
        fatal_term: row.get::<_, Option<bool>>(at + 7)?.unwrap_or(false),
    })
}

impl Store {
    /// Saves what version `terms_document_id` stipulates. Refused
    /// ([`StoreError::Immutable`]) once an offer carrying the version was sent.
    pub fn save_late_payment_terms(
        &mut self,
        terms_document_id: i64,
        terms: &LatePaymentTerms,
    ) -> Result<(), StoreError> {
        if self.late_payment_terms_fixed(terms_document_id)? {
            return Err(StoreError::Immutable);
        }
        let (costs_kind, costs_percent, costs_minimum, costs_amount) = match terms.costs {
            None => ("statutory", None, None, None),
            Some(ContractualCosts::Percent { percent, minimum }) => (
                "percent",
                Some(percent.to_string()),
                Some(minimum.to_string()),
                None,
            ),
            Some(ContractualCosts::Fixed { amount }) => {
                ("fixed", None, None, Some(amount.to_string()))
            }
        };
        self.conn.execute(
            "INSERT INTO terms_late_payment (terms_document_id, interest_percent, interest_per,
                interest_compound, costs_kind, costs_percent, costs_minimum, costs_amount,
                fatal_term)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (terms_document_id) DO UPDATE SET
                interest_percent = excluded.interest_percent,
                interest_per = excluded.interest_per,
                interest_compound = excluded.interest_compound,
                costs_kind = excluded.costs_kind, costs_percent = excluded.costs_percent,
                costs_minimum = excluded.costs_minimum, costs_amount = excluded.costs_amount,
                fatal_term = excluded.fatal_term,
                saved_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            rusqlite::params![
                terms_document_id,
                terms.interest.map(|i| i.percent.to_string()),
                terms.interest.map(|i| i.per.code()),
                terms.interest.is_some_and(|i| i.compound),
                costs_kind,
                costs_percent,
                costs_minimum,
                costs_amount,
                terms.fatal_term,
            ],
        )?;
        Ok(())
    }

    /// Whether an offer carrying the version was sent: its terms can no longer change.
    pub fn late_payment_terms_fixed(&self, terms_document_id: i64) -> Result<bool, StoreError> {
        let exists: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM terms_documents WHERE id = ?1",
                [terms_document_id],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_none() {
            return Err(StoreError::NotFound);
        }
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM offers
                WHERE terms_document_id = ?1 AND sent_on IS NOT NULL)
             OR EXISTS (SELECT 1 FROM terms_accepted_elsewhere WHERE terms_document_id = ?1)",
            [terms_document_id],
            |r| r.get(0),
        )?)
    }

    /// What each version stipulates (versions without terms left out), by terms document id.
    pub fn late_payment_terms(&self) -> Result<HashMap<i64, LatePaymentTerms>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT l.terms_document_id, {TERMS_COLUMNS} FROM terms_late_payment l"
        ))?;
        let mut rows = stmt.query([])?;
        let mut out = HashMap::new();
        while let Some(row) = rows.next()? {
            out.insert(row.get(0)?, terms_at(row, 1)?);
        }
        Ok(out)
    }

    /// The ids of the versions an offer carrying them was sent with, or a client accepted
    /// outside Tijdig (their terms are fixed).
    pub fn terms_versions_sent(&self) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT terms_document_id FROM offers
             WHERE terms_document_id IS NOT NULL AND sent_on IS NOT NULL
             UNION SELECT terms_document_id FROM terms_accepted_elsewhere",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Per client (or only `client`), every accepted offer that carried a version of the
    /// algemene voorwaarden and every acceptance recorded outside Tijdig, oldest first, with
    /// what that version stipulates. Which one decides an invoice is the app's rule (the newest
    /// accepted on or before its date).
    pub fn accepted_versions(
        &self,
        client: Option<i64>,
    ) -> Result<HashMap<i64, Vec<AcceptedVersion>>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT client_id, accepted_on, version, {TERMS_COLUMNS} FROM (
                SELECT o.client_id, a.accepted_on, t.version, t.id AS terms_id, a.id AS seq
                FROM agreements a
                JOIN offers o ON o.id = a.offer_id
                JOIN terms_documents t ON t.id = o.terms_document_id
                UNION ALL
                SELECT e.client_id, e.accepted_on, t.version, t.id, e.id
                FROM terms_accepted_elsewhere e
                JOIN terms_documents t ON t.id = e.terms_document_id
             ) AS x
             LEFT JOIN terms_late_payment l ON l.terms_document_id = x.terms_id
             WHERE ?1 IS NULL OR x.client_id = ?1
             ORDER BY x.client_id, x.accepted_on, x.seq"
        ))?;
        let mut rows = stmt.query([client])?;
        let mut out: HashMap<i64, Vec<AcceptedVersion>> = HashMap::new();
        while let Some(row) = rows.next()? {
            out.entry(row.get(0)?).or_default().push(AcceptedVersion {
                accepted_on: date(&row.get::<_, String>(1)?)?,
                terms: AcceptedTerms {
                    version: row.get(2)?,
                    terms: terms_at(row, 3)?,
                },
            });
        }
        Ok(out)
    }

    /// Records that `client_id` accepted version `terms_document_id` on `accepted_on` outside
    /// Tijdig.
    pub fn record_terms_acceptance(
        &mut self,
        client_id: i64,
        terms_document_id: i64,
        accepted_on: NaiveDate,
        note: Option<&str>,
    ) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO terms_accepted_elsewhere (client_id, terms_document_id, accepted_on, note)
             VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![client_id, terms_document_id, accepted_on.to_string(), note],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The acceptances of a client recorded outside Tijdig, oldest first.
    pub fn terms_accepted_elsewhere(
        &self,
        client_id: i64,
    ) -> Result<Vec<TermsAcceptanceRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.client_id, e.terms_document_id, t.version, e.accepted_on, e.note
             FROM terms_accepted_elsewhere e JOIN terms_documents t ON t.id = e.terms_document_id
             WHERE e.client_id = ?1 ORDER BY e.accepted_on, e.id",
        )?;
        let mut rows = stmt.query([client_id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(TermsAcceptanceRecord {
                id: r.get(0)?,
                client_id: r.get(1)?,
                terms_document_id: r.get(2)?,
                version: r.get(3)?,
                accepted_on: date(&r.get::<_, String>(4)?)?,
                note: r.get(5)?,
            });
        }
        Ok(out)
    }

    /// Removes a recorded acceptance (recorded by mistake).
    pub fn remove_terms_acceptance(&mut self, id: i64) -> Result<(), StoreError> {
        match self
            .conn
            .execute("DELETE FROM terms_accepted_elsewhere WHERE id = ?1", [id])?
        {
            0 => Err(StoreError::NotFound),
            _ => Ok(()),
        }
    }
}
