//! What the dashboard reads, in a handful of sequential queries (it must stay fast on
//! 100,000 invoices): every issued invoice's key columns, every payment, and per client the
//! open disputes and the contact attempts without answer.

use crate::parse::{amount, date};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};
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
}

/// Every issued invoice and credit note, or those of one client.
fn read_rows(conn: &Connection, client: Option<i64>) -> Result<Vec<ReceivableRow>, StoreError> {
    // The client filter is left out of the SQL when there is none, not written as
    // `?1 IS NULL OR client_id = ?1`: SQLite plans once and would scan every invoice for one
    // client. `client` binds as no parameter or one.
    let of_client = if client.is_some() {
        "client_id = ?1 AND"
    } else {
        ""
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT id, client_id, kind, invoice_date, payment_term_days, total, credits_invoice_id
         FROM invoices WHERE {of_client} state = 'issued'"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(client))?;
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
        });
    }
    Ok(out)
}

/// Every payment, or those on one client's invoices.
fn read_payments(conn: &Connection, client: Option<i64>) -> Result<Payments, StoreError> {
    let of_client = if client.is_some() {
        "WHERE invoice_id IN (SELECT id FROM invoices WHERE client_id = ?1)"
    } else {
        ""
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT invoice_id, paid_on, amount FROM payments {of_client} ORDER BY invoice_id, paid_on"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(client))?;
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
    /// Every issued invoice and credit note, and every payment (invoice, day, amount) by
    /// invoice and day. On disk the payments are read on a second, read-only connection at
    /// the same time (WAL lets readers run side by side; the app holds the store, so nothing
    /// writes in between).
    pub fn receivables_and_payments(&self) -> Result<(Vec<ReceivableRow>, Payments), StoreError> {
        let Some(path) = self.path.as_deref() else {
            return Ok((
                read_rows(&self.conn, None)?,
                read_payments(&self.conn, None)?,
            ));
        };
        std::thread::scope(|scope| {
            let payments = scope.spawn(|| -> Result<Payments, StoreError> {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                read_payments(&Connection::open_with_flags(path, flags)?, None)
            });
            let rows = read_rows(&self.conn, None)?;
            let payments = payments
                .join()
                .map_err(|_| StoreError::Corrupt("the payments reader stopped".into()))??;
            Ok((rows, payments))
        })
    }

    /// [`Store::receivables_and_payments`] of one client: its issued invoices and credit
    /// notes and the payments on them (a client's card need not read a lifetime of others').
    pub fn client_receivables_and_payments(
        &self,
        client_id: i64,
    ) -> Result<(Vec<ReceivableRow>, Payments), StoreError> {
        Ok((
            read_rows(&self.conn, Some(client_id))?,
            read_payments(&self.conn, Some(client_id))?,
        ))
    }

    /// Invoice numbers by id, of one client's issued invoices.
    pub fn invoice_numbers(&self, client_id: i64) -> Result<HashMap<i64, String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, number FROM invoices WHERE client_id = ?1 AND state = 'issued'")?;
        let rows = stmt.query_map([client_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every client's id, name and debtor type (archived ones too).
    /// The clients who are consumers (particulieren).
    pub fn consumer_ids(&self) -> Result<std::collections::HashSet<i64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM clients WHERE kind = 'consumer'")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

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
