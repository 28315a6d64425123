//! Invoices read in sets — the lists, Vandaag, the ladder, the bank matcher: one query per
//! table for the whole set, never a document (PDF), never a query per invoice; and the
//! remembered settled claims (afgewikkelde vorderingen, migration 0016) that let them skip
//! the invoices with nothing open.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rust_decimal::Decimal;

use crate::invoices::{read_line, read_row, INVOICE_COLUMNS, LINE_COLUMNS};
use crate::parse::{amount, date};
use crate::{InvoiceRecord, PaymentRecord, Store, StoreError};

/// Which invoices a set read takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvoiceSet {
    /// Every invoice, drafts and credit notes included.
    All,
    /// Every invoice of one client.
    Client(i64),
    /// These invoices.
    Ids(Vec<i64>),
    /// The issued invoices (not credit notes) whose claim is not remembered as settled on
    /// `on`: the only ones that can have something open. `client` limits them to one client.
    Unsettled { on: NaiveDate, client: Option<i64> },
    /// The issued invoices and credit notes dated `from` … `to` (both inclusive): a btw
    /// period under the factuurstelsel.
    IssuedBetween { from: NaiveDate, to: NaiveDate },
}

impl InvoiceSet {
    /// A condition on `invoices AS i` and its parameters.
    fn condition(&self) -> (String, Vec<Value>) {
        match self {
            InvoiceSet::All => ("1".into(), Vec::new()),
            InvoiceSet::Client(id) => ("i.client_id = ?".into(), vec![Value::Integer(*id)]),
            InvoiceSet::Ids(ids) => (
                "i.id IN (SELECT value FROM json_each(?))".into(),
                vec![Value::Text(id_list(ids))],
            ),
            InvoiceSet::IssuedBetween { from, to } => (
                "i.state = 'issued' AND i.invoice_date BETWEEN ? AND ?".into(),
                vec![Value::Text(from.to_string()), Value::Text(to.to_string())],
            ),
            InvoiceSet::Unsettled { on, client } => (
                "i.state = 'issued' AND i.kind <> 'credit_note' AND (? IS NULL OR i.client_id = ?)
                 AND NOT EXISTS (SELECT 1 FROM settled_claims s
                                 WHERE s.invoice_id = i.id AND s.settled_on <= ?)"
                    .into(),
                vec![
                    client.map_or(Value::Null, Value::Integer),
                    client.map_or(Value::Null, Value::Integer),
                    Value::Text(on.to_string()),
                ],
            ),
        }
    }
}

impl InvoiceSet {
    /// "`column` is an invoice of this set", and its parameters.
    fn member(&self, column: &str) -> (String, Vec<Value>) {
        match self {
            InvoiceSet::All => (format!("{column} IS NOT NULL"), Vec::new()),
            InvoiceSet::Client(id) => (
                format!("{column} IN (SELECT id FROM invoices WHERE client_id = ?)"),
                vec![Value::Integer(*id)],
            ),
            InvoiceSet::Ids(ids) => (
                format!("{column} IN (SELECT value FROM json_each(?))"),
                vec![Value::Text(id_list(ids))],
            ),
            InvoiceSet::Unsettled { .. } | InvoiceSet::IssuedBetween { .. } => {
                let (condition, params) = self.condition();
                (
                    format!("{column} IN (SELECT i.id FROM invoices i WHERE {condition})"),
                    params,
                )
            }
        }
    }
}

/// An invoice remembered as settled, as a payment history sees it
/// ([`Store::settled_payment_facts`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettledPaymentFacts {
    pub total: Decimal,
    pub due_date: NaiveDate,
    pub last_paid_on: Option<NaiveDate>,
}

/// Ids as a JSON array, for `json_each`.
pub(crate) fn id_list(ids: &[i64]) -> String {
    let parts: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", parts.join(","))
}

/// How a settled claim ended: paid, or (wholly) credited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SettledStatus {
    Paid,
    Credited,
}

impl SettledStatus {
    pub fn code(self) -> &'static str {
        match self {
            SettledStatus::Paid => "paid",
            SettledStatus::Credited => "credited",
        }
    }

    pub fn from_code(code: &str) -> Option<SettledStatus> {
        match code {
            "paid" => Some(SettledStatus::Paid),
            "credited" => Some(SettledStatus::Credited),
            _ => None,
        }
    }
}

/// An invoice whose whole claim the engine found settled on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettledClaim {
    pub invoice_id: i64,
    pub on: NaiveDate,
    pub status: SettledStatus,
}

impl Store {
    /// The invoices of `set`, newest first, each with its lines (no PDF).
    pub fn invoice_set(&self, set: &InvoiceSet) -> Result<Vec<InvoiceRecord>, StoreError> {
        let (member, params) = set.member("id");
        // From the index that holds every column but the PDF: a row keeps its PDF inline, so
        // the table would be read a document's worth of pages per invoice.
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {INVOICE_COLUMNS} FROM invoices INDEXED BY invoices_record WHERE {member}
             ORDER BY invoice_date DESC, id DESC"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        let mut records = Vec::new();
        let mut at: HashMap<i64, usize> = HashMap::new();
        while let Some(row) = rows.next()? {
            let record = read_row(row)?;
            at.insert(record.id, records.len());
            records.push(record);
        }
        let (member, params) = set.member("l.invoice_id");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT l.invoice_id, {LINE_COLUMNS} FROM invoice_lines l WHERE {member}
             ORDER BY l.invoice_id, l.position"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if let Some(record) = at.get(&id).and_then(|i| records.get_mut(*i)) {
                record.draft.lines.push(read_line(row, 1)?);
            }
        }
        let ids: Vec<i64> = records.iter().map(|r| r.id).collect();
        let mut external = crate::external_invoices::external_facts(&self.conn, &ids)?;
        for record in &mut records {
            record.external = external.remove(&record.id);
        }
        Ok(records)
    }

    /// The payments on the invoices of `set`, per invoice, oldest first.
    pub fn payments_of_set(
        &self,
        set: &InvoiceSet,
    ) -> Result<HashMap<i64, Vec<PaymentRecord>>, StoreError> {
        let (member, params) = set.member("p.invoice_id");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT p.id, p.invoice_id, p.paid_on, p.amount, p.method, p.note,
                    p.bank_transaction_id
             FROM payments p
             WHERE {member}
             ORDER BY p.invoice_id, p.paid_on, p.id"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        let mut out: HashMap<i64, Vec<PaymentRecord>> = HashMap::new();
        while let Some(r) = rows.next()? {
            let invoice_id: i64 = r.get(1)?;
            let paid_on: String = r.get(2)?;
            let sum: String = r.get(3)?;
            out.entry(invoice_id).or_default().push(PaymentRecord {
                id: r.get(0)?,
                invoice_id,
                paid_on: date(&paid_on)?,
                amount: amount(&sum)?,
                method: r.get(4)?,
                note: r.get(5)?,
                bank_transaction_id: r.get(6)?,
            });
        }
        Ok(out)
    }

    /// What issued credit notes took off each invoice of `set` (a positive amount).
    pub fn credited_of_set(&self, set: &InvoiceSet) -> Result<HashMap<i64, Decimal>, StoreError> {
        let (member, params) = set.member("c.credits_invoice_id");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT c.credits_invoice_id, c.total FROM invoices c INDEXED BY invoices_by_credited
             WHERE c.credits_invoice_id IS NOT NULL AND c.state = 'issued' AND {member}"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        let mut out: HashMap<i64, Decimal> = HashMap::new();
        while let Some(r) = rows.next()? {
            let total: String = r.get(1)?;
            *out.entry(r.get(0)?).or_default() -= amount(&total)?;
        }
        Ok(out)
    }

    /// The waivers on the invoices of `set` as (day, amount), oldest first.
    pub fn waivers_of_set(
        &self,
        set: &InvoiceSet,
    ) -> Result<HashMap<i64, Vec<(NaiveDate, Decimal)>>, StoreError> {
        let (member, params) = set.member("w.invoice_id");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT w.invoice_id, w.waived_on, w.amount FROM claim_waivers w
             WHERE {member}
             ORDER BY w.waived_on, w.id"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
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

    /// The issued invoices (not credit notes) of every client or one, whose claim is not
    /// remembered as settled on `on`: [`InvoiceSet::Unsettled`] as ids, in one pass over two
    /// covering indexes.
    pub fn unsettled_ids(
        &self,
        on: NaiveDate,
        client: Option<i64>,
    ) -> Result<Vec<i64>, StoreError> {
        // One statement per case, not `?2 IS NULL OR client_id = ?2`: SQLite plans once and
        // would scan every invoice for one client.
        let of_client = if client.is_some() {
            "AND i.client_id = ?2"
        } else {
            "AND ?2 IS NULL"
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT i.id FROM invoices i
             LEFT JOIN settled_claims s ON s.invoice_id = i.id AND s.settled_on <= ?1
             WHERE i.state = 'issued' AND i.kind <> 'credit_note' {of_client}
                AND s.invoice_id IS NULL"
        ))?;
        let rows = stmt.query_map((on.to_string(), client), |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Of one client's invoices remembered as settled on `on`: each one's issued total, due
    /// date and last payment day (none when credited without payment) — what a payment
    /// history needs of an invoice whose claim the engine already found settled.
    pub fn settled_payment_facts(
        &self,
        client_id: i64,
        on: NaiveDate,
    ) -> Result<Vec<SettledPaymentFacts>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT i.total, {DUE}, (SELECT max(p.paid_on) FROM payments p WHERE p.invoice_id = i.id)
             FROM invoices i JOIN settled_claims s ON s.invoice_id = i.id
             WHERE i.client_id = ?1 AND i.state = 'issued' AND i.kind <> 'credit_note'
                AND s.settled_on <= ?2",
            DUE = crate::invoice_list::DUE,
        ))?;
        let mut rows = stmt.query((client_id, on.to_string()))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let total: String = r.get(0)?;
            let due: String = r.get(1)?;
            let last: Option<String> = r.get(2)?;
            out.push(SettledPaymentFacts {
                total: amount(&total)?,
                due_date: date(&due)?,
                last_paid_on: last.as_deref().map(date).transpose()?,
            });
        }
        Ok(out)
    }

    /// Remembers claims the engine found settled, in one transaction. A day already
    /// remembered stays when it is earlier.
    pub fn remember_settled(&mut self, settled: &[SettledClaim]) -> Result<(), StoreError> {
        if settled.is_empty() {
            return Ok(());
        }
        crate::in_transaction(&mut self.conn, |tx| {
            let mut stmt = tx.prepare(
                "INSERT INTO settled_claims (invoice_id, settled_on, status) VALUES (?1, ?2, ?3)
                 ON CONFLICT (invoice_id) DO UPDATE SET
                    settled_on = min(settled_on, excluded.settled_on), status = excluded.status",
            )?;
            for s in settled {
                stmt.execute((s.invoice_id, s.on.to_string(), s.status.code()))?;
            }
            Ok(())
        })
    }

    /// How many claims are remembered as settled on `on` (tests and benchmarks).
    pub fn settled_count(&self, on: NaiveDate) -> Result<i64, StoreError> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM settled_claims WHERE settled_on <= ?1",
            [on.to_string()],
            |r| r.get(0),
        )?)
    }
}
