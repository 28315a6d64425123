//! The invoice list: one page of invoices with their status and what is open, searched,
//! filtered, sorted and counted in SQL. Only invoices that can have something open are
//! computed (with the same ladder and claim as the invoice page): the page's own, or — when
//! a status filter asks which are open — all of them; the rest are remembered as settled
//! (`services::ladder::remember_settled`), so a lifetime of invoices costs what a page costs.

use std::collections::HashMap;

use rust_decimal::Decimal;
use tijdig_domain::invoice::{InvoiceKind, InvoiceStatus};
use tijdig_store::{
    InvoiceOrder, InvoiceSet, ListFilter, ListQuery, ListRow, SettledStatus, Store, StoreError,
};

use crate::plumbing::format::amount;
use crate::services::invoice_amounts::record_totals;
use crate::services::ladder::{load_set, remember_settled, LadderInvoice};
use crate::{dto, App, AppError};

impl App {
    pub fn invoices(&self, query: &dto::InvoiceQuery) -> Result<dto::InvoicePage, AppError> {
        self.with_store(|store, lang| {
            self.invoice_page(store, query)
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    fn invoice_page(
        &self,
        store: &mut Store,
        query: &dto::InvoiceQuery,
    ) -> Result<dto::InvoicePage, StoreError> {
        let today = self.today();
        let asked: Option<InvoiceStatus> = query.status.map(Into::into);
        // A status filter needs every claim that can be open; otherwise the page is chosen
        // first and only its rows that are not remembered as settled are computed.
        let needs_all = query.open_only || !matches!(asked, None | Some(InvoiceStatus::Draft));
        let open = if needs_all {
            let open = load_set(
                store,
                today,
                &InvoiceSet::Unsettled {
                    on: today,
                    client: query.client_id,
                },
            )?;
            remember_settled(store, &open, today)?;
            Some(open)
        } else {
            None
        };
        let matching = |wanted: &dyn Fn(&LadderInvoice) -> bool| -> Vec<i64> {
            open.iter()
                .flat_map(|l| l.invoices.iter())
                .filter(|i| wanted(i))
                .map(|i| i.record.id)
                .collect()
        };
        let status_of = |i: &LadderInvoice| i.claim.status(&i.record, today);
        let filter = match (asked, query.open_only) {
            (Some(InvoiceStatus::Draft), false) => ListFilter::Drafts,
            (Some(status @ (InvoiceStatus::Paid | InvoiceStatus::Credited)), false) => {
                ListFilter::Settled {
                    status: if status == InvoiceStatus::Paid {
                        SettledStatus::Paid
                    } else {
                        SettledStatus::Credited
                    },
                    also: matching(&|i| status_of(i) == status),
                }
            }
            (Some(status), open_only) => ListFilter::Only(matching(&|i| {
                status_of(i) == status && (!open_only || i.claim.total_open() > Decimal::ZERO)
            })),
            (None, true) => ListFilter::Only(matching(&|i| i.claim.total_open() > Decimal::ZERO)),
            (None, false) => ListFilter::Any,
        };
        let limit = match query.limit {
            0 => dto::DEFAULT_PAGE,
            n => n.min(dto::MAX_PAGE),
        };
        let page = store.invoice_list(&ListQuery {
            search: query.search.clone(),
            client: query.client_id,
            filter,
            order: match query.sort {
                dto::InvoiceSort::DueDate => InvoiceOrder::DueDate,
                dto::InvoiceSort::InvoiceDate => InvoiceOrder::InvoiceDate,
                dto::InvoiceSort::Number => InvoiceOrder::Number,
            },
            offset: query.offset,
            limit,
            today,
        })?;
        // The page's issued invoices not remembered as settled, computed now (when the filter
        // did not already compute them all).
        let page_open = match open {
            Some(open) => open,
            None => {
                let ids: Vec<i64> = page
                    .rows
                    .iter()
                    // (load_set skips credit notes itself)
                    .filter(|r| r.issued && r.settled.is_none())
                    .map(|r| r.id)
                    .collect();
                let open = load_set(store, today, &InvoiceSet::Ids(ids))?;
                remember_settled(store, &open, today)?;
                open
            }
        };
        let computed: HashMap<i64, &LadderInvoice> = page_open
            .invoices
            .iter()
            .map(|i| (i.record.id, i))
            .collect();
        // Drafts have no stored total: theirs follows from their lines.
        let drafts: Vec<i64> = page
            .rows
            .iter()
            .filter(|r| !r.issued)
            .map(|r| r.id)
            .collect();
        let draft_totals: HashMap<i64, Decimal> = if drafts.is_empty() {
            HashMap::new()
        } else {
            store
                .invoice_set(&InvoiceSet::Ids(drafts))?
                .iter()
                .map(|r| (r.id, record_totals(r).total))
                .collect()
        };
        let rows = page
            .rows
            .into_iter()
            .map(|row| {
                let kind = InvoiceKind::from_code(&row.kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("invoice kind {}", row.kind)))?;
                summary(row, kind, &computed, &draft_totals, today)
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(dto::InvoicePage {
            rows,
            total: page.total,
            offset: query.offset,
        })
    }
}

/// One row: a draft or credit note as it is, a settled invoice with nothing open, any other
/// with its claim as computed.
fn summary(
    row: ListRow,
    kind: InvoiceKind,
    computed: &HashMap<i64, &LadderInvoice>,
    draft_totals: &HashMap<i64, Decimal>,
    today: chrono::NaiveDate,
) -> Result<dto::InvoiceSummary, StoreError> {
    let zero = amount(Decimal::ZERO);
    let (status, total, outstanding, interest_and_costs) = if !row.issued {
        let total = draft_totals.get(&row.id).copied().unwrap_or_default();
        (InvoiceStatus::Draft, total, zero.clone(), zero)
    } else if let Some(inv) = computed.get(&row.id) {
        (
            inv.claim.status(&inv.record, today),
            inv.claim.total,
            amount(inv.claim.total_open()),
            amount(inv.claim.interest_and_costs_open()),
        )
    } else {
        // A credit note, or an invoice remembered as settled (every other issued invoice was
        // computed above, from the same set).
        let status = match (kind, row.settled) {
            (InvoiceKind::CreditNote, _) | (_, Some(SettledStatus::Credited)) => {
                InvoiceStatus::Credited
            }
            (_, Some(SettledStatus::Paid)) => InvoiceStatus::Paid,
            (_, None) => {
                return Err(StoreError::Corrupt(format!(
                    "invoice {} neither settled nor computed",
                    row.id
                )))
            }
        };
        (status, row.total.unwrap_or_default(), zero.clone(), zero)
    };
    Ok(dto::InvoiceSummary {
        external: row.external,
        id: row.id,
        kind: kind.into(),
        number: row.number,
        client_id: row.client_id,
        client_name: row.client_name,
        invoice_date: row.invoice_date.to_string(),
        due_date: row.due_date.to_string(),
        total: amount(total),
        outstanding,
        interest_and_costs,
        status: status.into(),
    })
}
