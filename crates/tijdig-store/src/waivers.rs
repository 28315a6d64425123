//! Kwijtscheldingen: what the user gave up of an invoice's claim, each with its dossier entry
//! (reference README "The claim": settled when paid or when what is left is waived). Never
//! changed or deleted (triggers in migration 0013).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::TransactionBehavior;
use rust_decimal::Decimal;

use crate::dossier::{insert_entry, NewDossierEntry};
use crate::invoices::{read_invoice, read_payments, InvoiceRecord, PaymentRecord};
use crate::parse::{amount, date};
use crate::{Store, StoreError};

/// A waiver to record: `amount` given up on `waived_on`, of which `interest` and `costs` as
/// they stood that day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWaiver {
    pub waived_on: NaiveDate,
    pub amount: Decimal,
    pub interest: Decimal,
    pub costs: Decimal,
    pub reason: String,
}

/// A recorded waiver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaiverRecord {
    pub id: i64,
    pub invoice_id: i64,
    pub waived_on: NaiveDate,
    pub amount: Decimal,
    pub interest: Decimal,
    pub costs: Decimal,
    pub reason: String,
}

const COLUMNS: &str = "id, invoice_id, waived_on, amount, interest, costs, reason";

fn read(r: &rusqlite::Row<'_>) -> Result<WaiverRecord, StoreError> {
    let text = |i: usize| -> Result<String, StoreError> { Ok(r.get::<_, String>(i)?) };
    Ok(WaiverRecord {
        id: r.get(0)?,
        invoice_id: r.get(1)?,
        waived_on: date(&text(2)?)?,
        amount: amount(&text(3)?)?,
        interest: amount(&text(4)?)?,
        costs: amount(&text(5)?)?,
        reason: text(6)?,
    })
}

pub(crate) fn read_waivers(
    conn: &rusqlite::Connection,
    invoice_id: i64,
) -> Result<Vec<WaiverRecord>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM claim_waivers WHERE invoice_id = ?1 ORDER BY waived_on, id"
    ))?;
    let mut rows = stmt.query([invoice_id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(read(r)?);
    }
    Ok(out)
}

impl Store {
    /// The waivers on one invoice, oldest first.
    pub fn waivers(&self, invoice_id: i64) -> Result<Vec<WaiverRecord>, StoreError> {
        read_waivers(&self.conn, invoice_id)
    }

    /// Every waiver as (day, amount) per invoice, in one query (for lists and overviews).
    pub fn all_waivers(&self) -> Result<HashMap<i64, Vec<(NaiveDate, Decimal)>>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT invoice_id, waived_on, amount FROM claim_waivers ORDER BY waived_on, id",
        )?;
        let mut rows = stmt.query([])?;
        let mut out: HashMap<i64, Vec<(NaiveDate, Decimal)>> = HashMap::new();
        while let Some(r) = rows.next()? {
            let on: String = r.get(1)?;
            let sum: String = r.get(2)?;
            out.entry(r.get(0)?)
                .or_default()
                .push((date(&on)?, amount(&sum)?));
        }
        Ok(out)
    }

    /// Invoices that are or were part of a payment arrangement (their interest and costs live
    /// in the arrangement's ledger).
    pub fn arranged_invoice_ids(&self) -> Result<HashSet<i64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT invoice_id FROM arrangement_invoices")?;
        let ids = stmt
            .query_map([], |r| r.get::<_, i64>(0))?
            .collect::<Result<HashSet<_>, _>>()?;
        Ok(ids)
    }

    /// Whether one invoice is or was part of a payment arrangement.
    pub fn is_arranged(&self, invoice_id: i64) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM arrangement_invoices WHERE invoice_id = ?1)",
            [invoice_id],
            |r| r.get(0),
        )?)
    }

    /// Records a waiver and its dossier entry in one transaction: `decide` sees the invoice,
    /// its payments and earlier waivers as they are inside it and returns what to record.
    pub fn record_waiver<E: From<StoreError>>(
        &mut self,
        invoice_id: i64,
        decide: impl FnOnce(
            &InvoiceRecord,
            &[PaymentRecord],
            &[WaiverRecord],
        ) -> Result<(NewWaiver, NewDossierEntry), E>,
    ) -> Result<WaiverRecord, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let invoice = read_invoice(&tx, invoice_id)?;
        let payments = read_payments(&tx, invoice_id)?;
        let earlier = read_waivers(&tx, invoice_id)?;
        let (waiver, entry) = decide(&invoice, &payments, &earlier)?;
        let entry_id = insert_entry(&tx, &entry, None)?;
        tx.execute(
            "INSERT INTO claim_waivers (invoice_id, waived_on, amount, interest, costs, reason,
                                        entry_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (
                invoice_id,
                waiver.waived_on.to_string(),
                waiver.amount.to_string(),
                waiver.interest.to_string(),
                waiver.costs.to_string(),
                &waiver.reason,
                entry_id,
            ),
        )
        .map_err(StoreError::from)?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(StoreError::from)?;
        Ok(WaiverRecord {
            id,
            invoice_id,
            waived_on: waiver.waived_on,
            amount: waiver.amount,
            interest: waiver.interest,
            costs: waiver.costs,
            reason: waiver.reason,
        })
    }

    /// Records many waivers, each with its dossier entry, in one transaction (the one-time
    /// adoption of the claim ledger over years of invoices).
    pub fn record_waivers(
        &mut self,
        waivers: &[(i64, NewWaiver, NewDossierEntry)],
    ) -> Result<(), StoreError> {
        crate::in_transaction(&mut self.conn, |tx| {
            for (invoice_id, waiver, entry) in waivers {
                let entry_id = insert_entry(tx, entry, None)?;
                tx.execute(
                    "INSERT INTO claim_waivers (invoice_id, waived_on, amount, interest, costs,
                                                reason, entry_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    (
                        invoice_id,
                        waiver.waived_on.to_string(),
                        waiver.amount.to_string(),
                        waiver.interest.to_string(),
                        waiver.costs.to_string(),
                        &waiver.reason,
                        entry_id,
                    ),
                )?;
            }
            Ok(())
        })
    }
}
