//! The invoice list as one page: searched, filtered, sorted and counted in SQL with indexes,
//! reading only the columns a row shows (never a PDF). What is open on an invoice is the
//! app's to compute; this query only says whether its claim is remembered as settled.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rust_decimal::Decimal;

use crate::invoice_sets::{id_list, SettledStatus};
use crate::parse::{amount, date};
use crate::{Store, StoreError};

/// The order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvoiceOrder {
    /// Oldest due date first.
    DueDate,
    /// Newest invoice date first.
    InvoiceDate,
    /// By number (drafts, without one, first).
    Number,
}

/// Which rows the list keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListFilter {
    Any,
    Drafts,
    /// Settled with this status (credit notes count as credited), or one of `also`.
    Settled {
        status: SettledStatus,
        also: Vec<i64>,
    },
    /// Exactly these invoices (the app computed which have the asked status).
    Only(Vec<i64>),
}

/// One page of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// Part of the number or of the client's name (case-insensitive); empty: everything.
    pub search: String,
    pub client: Option<i64>,
    pub filter: ListFilter,
    pub order: InvoiceOrder,
    pub offset: u32,
    pub limit: u32,
    /// Settled claims count from this day on.
    pub today: NaiveDate,
}

/// One row of the list, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    pub id: i64,
    pub kind: String,
    pub number: Option<String>,
    pub client_id: i64,
    pub client_name: String,
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    /// The issued total (`None` for a draft, whose total follows from its lines).
    pub total: Option<Decimal>,
    pub issued: bool,
    /// Remembered as settled on the query's day.
    pub settled: Option<SettledStatus>,
    /// Made in other software and imported.
    pub external: bool,
}

/// A page and how many rows the whole list has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPage {
    pub rows: Vec<ListRow>,
    pub total: u32,
}

/// The due date as the domain computes it (`invoice_date + payment_term_days`), in SQL; the
/// expression of the index `invoices_by_due`.
pub(crate) const DUE: &str = "date(i.invoice_date, '+' || i.payment_term_days || ' days')";

/// The search: part of the number, or one of the clients whose name matched. Its columns
/// are in the narrow index `invoices_search`, so counting reads that, not the invoices.
const SEARCH: &str =
    "(i.number LIKE ? ESCAPE '\\' OR i.client_id IN (SELECT value FROM json_each(?)))";

/// [`SEARCH`] as a set found first, for a search that keeps few rows.
const SEARCH_FIRST: &str = "i.id IN (SELECT id FROM invoices INDEXED BY invoices_search
     WHERE number LIKE ? ESCAPE '\\' OR client_id IN (SELECT value FROM json_each(?)))";

/// Up to this many matches, a search sorts what it found instead of walking the order.
const FEW_MATCHES: u32 = 2_000;

/// `%`, `_` and the escape itself taken literally in a LIKE pattern.
fn like_pattern(text: &str) -> String {
    let mut out = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

impl Store {
    /// One page of the invoice list and the number of rows of the whole list.
    pub fn invoice_list(&self, q: &ListQuery) -> Result<ListPage, StoreError> {
        let mut conditions = vec!["1".to_string()];
        let mut search_at = None;
        let mut params: Vec<Value> = vec![Value::Text(q.today.to_string())];
        if let Some(client) = q.client {
            conditions.push("i.client_id = ?".into());
            params.push(Value::Integer(client));
        }
        let search = q.search.trim().to_lowercase();
        if !search.is_empty() {
            // Client names are matched here, not with SQL's LIKE, which folds ASCII only
            // ("Daniëlle" must find "DANIËLLE").
            let mut stmt = self.conn.prepare("SELECT id, name FROM clients")?;
            let mut rows = stmt.query([])?;
            let mut named = Vec::new();
            while let Some(r) = rows.next()? {
                let name: String = r.get(1)?;
                if name.to_lowercase().contains(&search) {
                    named.push(r.get::<_, i64>(0)?);
                }
            }
            conditions.push(SEARCH.into());
            search_at = Some(conditions.len() - 1);
            params.push(Value::Text(like_pattern(&search)));
            params.push(Value::Text(id_list(&named)));
        }
        match &q.filter {
            ListFilter::Any => {}
            ListFilter::Drafts => conditions.push("i.state = 'draft'".into()),
            ListFilter::Settled { status, also } => {
                let credit_notes = if *status == SettledStatus::Credited {
                    "OR (i.state = 'issued' AND i.kind = 'credit_note')"
                } else {
                    ""
                };
                conditions.push(format!(
                    "(s.status = ? {credit_notes} OR i.id IN (SELECT value FROM json_each(?)))"
                ));
                params.push(Value::Text(status.code().into()));
                params.push(Value::Text(id_list(also)));
            }
            ListFilter::Only(ids) => {
                conditions.push("i.id IN (SELECT value FROM json_each(?))".into());
                params.push(Value::Text(id_list(ids)));
            }
        }
        let from_where = |conditions: &[String]| {
            format!(
                "FROM invoices i
                 LEFT JOIN settled_claims s ON s.invoice_id = i.id AND s.settled_on <= ?
                 WHERE {}",
                conditions.join(" AND ")
            )
        };
        let from = from_where(&conditions);
        // Counting joins the settled claims only when the filter asks for them (a join per
        // row of a lifetime of invoices).
        let counted = if matches!(q.filter, ListFilter::Settled { .. }) {
            from.clone()
        } else {
            format!("FROM invoices i WHERE {}", conditions.join(" AND "))
        };
        let count_params = if matches!(q.filter, ListFilter::Settled { .. }) {
            &params[..]
        } else {
            &params[1..]
        };
        let total: u32 = self.conn.query_row(
            &format!("SELECT count(*) {counted}"),
            rusqlite::params_from_iter(count_params.iter()),
            |r| r.get(0),
        )?;
        let order = match q.order {
            InvoiceOrder::DueDate => format!("{DUE}, i.id"),
            InvoiceOrder::InvoiceDate => "i.invoice_date DESC, i.id DESC".into(),
            InvoiceOrder::Number => "i.number, i.id".into(),
        };
        // A search that keeps few rows finds them first and sorts those; one that keeps many
        // walks the order's index and stops at the page (each plan is slow at the other end).
        let page_from = match search_at {
            Some(at) if total <= FEW_MATCHES => {
                let mut found = conditions.clone();
                found[at] = SEARCH_FIRST.into();
                from_where(&found)
            }
            _ => from,
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT i.id, i.kind, i.number, i.client_id, c.name, i.invoice_date, {DUE},
                    i.total, i.state, s.status,
                    EXISTS (SELECT 1 FROM external_invoices e WHERE e.invoice_id = i.id)
             {from_clients}
             ORDER BY {order} LIMIT ? OFFSET ?",
            from_clients = page_from.replacen(
                "FROM invoices i",
                "FROM invoices i JOIN clients c ON c.id = i.client_id",
                1
            ),
        ))?;
        params.push(Value::Integer(i64::from(q.limit)));
        params.push(Value::Integer(i64::from(q.offset)));
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let invoice_date: String = r.get(5)?;
            let due: String = r.get(6)?;
            let total: Option<String> = r.get(7)?;
            let state: String = r.get(8)?;
            let settled: Option<String> = r.get(9)?;
            out.push(ListRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                number: r.get(2)?,
                client_id: r.get(3)?,
                client_name: r.get(4)?,
                invoice_date: date(&invoice_date)?,
                due_date: date(&due)?,
                total: total.as_deref().map(amount).transpose()?,
                issued: state == "issued",
                settled: settled.as_deref().and_then(SettledStatus::from_code),
                external: r.get(10)?,
            });
        }
        Ok(ListPage { rows: out, total })
    }
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn a_search_for_a_percent_sign_finds_a_percent_sign_only() {
        assert_eq!(like_pattern("50%_a\\"), "%50\\%\\_a\\\\%");
    }
}
