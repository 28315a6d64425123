//! What the dashboard reads, in a handful of sequential queries (it must stay fast on
//! 100,000 invoices): every issued invoice's key columns, every payment, and per client the
//! open disputes and the contact attempts without answer.

use crate::parse::{amount, date};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;
use rust_decimal::Decimal;
use std::collections::HashMap;
use tijdig_domain::invoice::InvoiceKind;
use tijdig_domain::DebtorType;

/// Payments as (invoice id, day, amount).
pub type Payments = Vec<(i64, NaiveDate, Decimal)>;

/// An issued invoice or credit note, as the dashboard needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivableRow {
    pub id: i64,
    pub client_id: i64,
    pub kind: InvoiceKind,
    pub invoice_date: NaiveDate,
    pub payment_term_days: u32,
    pub total: Decimal,
    /// For a credit note: the invoice it corrects.
    pub credits_invoice_id: Option<i64>,
    /// The first day its claim is remembered as settled on (migration 0018), if it is.
    pub settled_on: Option<NaiveDate>,
}

/// Which receivables a read takes: every client's or one's, and whether to leave out the
/// invoices whose claim is remembered as settled on or before a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReceivableFilter {
    pub client: Option<i64>,
    /// Leave out every invoice whose claim was settled on or before this day (and its
    /// payments): it owes nothing after it, and was paid and dated no later
    /// (`settled_claims.settled_on` is never before the invoice date or its last payment).
    pub settled_by: Option<NaiveDate>,
}

impl ReceivableFilter {
    /// Conditions on `invoices i` (`i.` columns) and on a payment `p`, and their parameters.
    fn conditions(&self) -> (String, String, Vec<Value>) {
        let mut params = Vec::new();
        let (mut invoice, mut payment) = (String::new(), String::new());
        if let Some(client) = self.client {
            invoice.push_str(" AND i.client_id = ?");
            payment.push_str(" AND p.invoice_id IN (SELECT id FROM invoices WHERE client_id = ?)");
            params.push(Value::Integer(client));
        }
        if let Some(day) = self.settled_by {
            invoice.push_str(" AND (s.settled_on IS NULL OR s.settled_on > ?)");
            payment.push_str(" AND (s.settled_on IS NULL OR s.settled_on > ?)");
            params.push(Value::Text(day.to_string()));
        }
        (invoice, payment, params)
    }
}

/// The issued invoices and credit notes of `filter`.
fn read_rows(
    conn: &Connection,
    filter: &ReceivableFilter,
) -> Result<Vec<ReceivableRow>, StoreError> {
    // A filter left out of the SQL when there is none, not written as `?1 IS NULL OR
    // client_id = ?1`: SQLite plans once and would scan every invoice for one client.
    let (conditions, _, params) = filter.conditions();
    let mut stmt = conn.prepare(&format!(
        "SELECT i.id, i.client_id, i.kind, i.invoice_date, i.payment_term_days, i.total,
                i.credits_invoice_id, s.settled_on
         FROM invoices i LEFT JOIN settled_claims s ON s.invoice_id = i.id
         WHERE i.state = 'issued'{conditions}"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let kind = match r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)? {
            "standard" => InvoiceKind::Standard,
            "advance" => InvoiceKind::Advance,
            _ => InvoiceKind::CreditNote,
        };
        out.push(ReceivableRow {
            id: r.get(0)?,
            client_id: r.get(1)?,
            kind,
            invoice_date: date(r.get_ref(3)?.as_str().map_err(rusqlite::Error::from)?)?,
            payment_term_days: r.get(4)?,
            total: amount(r.get_ref(5)?.as_str().map_err(rusqlite::Error::from)?)?,
            credits_invoice_id: r.get(6)?,
            settled_on: match r.get_ref(7)? {
                ValueRef::Null => None,
                value => Some(date(value.as_str().map_err(rusqlite::Error::from)?)?),
            },
        });
    }
    Ok(out)
}

/// The payments on the invoices of `filter`.
fn read_payments(conn: &Connection, filter: &ReceivableFilter) -> Result<Payments, StoreError> {
    let (_, conditions, params) = filter.conditions();
    let mut stmt = conn.prepare(&format!(
        "SELECT p.invoice_id, p.paid_on, p.amount
         FROM payments p LEFT JOIN settled_claims s ON s.invoice_id = p.invoice_id
         WHERE 1{conditions}
         ORDER BY p.invoice_id, p.paid_on"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push((
            r.get(0)?,
            date(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?)?,
            amount(r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?)?,
        ));
    }
    Ok(out)
}

impl Store {
    /// The issued invoices and credit notes of `filter`, and the payments on them (invoice,
    /// day, amount) by invoice and day. Over every client, on disk, the payments are read on
    /// a second, read-only connection at the same time (WAL lets readers run side by side; the
    /// app holds the store, so nothing writes in between); one client's few rows need not.
    pub fn receivables_and_payments(
        &self,
        filter: &ReceivableFilter,
    ) -> Result<(Vec<ReceivableRow>, Payments), StoreError> {
        let reader = match (filter.client, self.reader()?) {
            (None, Some(reader)) => reader,
            _ => {
                return Ok((
                    read_rows(&self.conn, filter)?,
                    read_payments(&self.conn, filter)?,
                ))
            }
        };
        std::thread::scope(|scope| {
            let payments = scope.spawn(move || read_payments(&reader.conn, filter));
            let rows = read_rows(&self.conn, filter)?;
            let payments = payments
                .join()
                .map_err(|_| StoreError::Corrupt("the payments reader stopped".into()))??;
            Ok((rows, payments))
        })
    }

    /// Invoice numbers by id, of one client's issued invoices.
    pub fn invoice_numbers(&self, client_id: i64) -> Result<HashMap<i64, String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, number FROM invoices WHERE client_id = ?1 AND state = 'issued'")?;
        let rows = stmt.query_map([client_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The clients who are consumers (particulieren).
    pub fn consumer_ids(&self) -> Result<std::collections::HashSet<i64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM clients WHERE kind = 'consumer'")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every client's id, name and debtor type (archived ones too).
    pub fn client_labels(&self) -> Result<Vec<(i64, String, DebtorType)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, debtor_type FROM clients")?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let code: String = r.get(2)?;
            let debtor = DebtorType::from_code(&code)
                .ok_or_else(|| StoreError::Corrupt(format!("debtor type {code}")))?;
            out.push((r.get(0)?, r.get(1)?, debtor));
        }
        Ok(out)
    }

    /// Open disputes per client.
    pub fn open_disputes_per_client(&self) -> Result<HashMap<i64, u32>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT i.client_id, count(*) FROM disputes d JOIN invoices i ON i.id = d.invoice_id
             WHERE d.resolved_on IS NULL GROUP BY i.client_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Calls that did not reach the client (no answer, voicemail) since `since`, per client.
    pub fn unanswered_contacts_since(
        &self,
        since: NaiveDate,
    ) -> Result<HashMap<i64, u32>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT client_id, count(*) FROM dossier_entries
             WHERE kind = 'call' AND outcome IN ('no_answer', 'voicemail') AND at >= ?1
             GROUP BY client_id",
        )?;
        let rows = stmt.query_map([since.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
