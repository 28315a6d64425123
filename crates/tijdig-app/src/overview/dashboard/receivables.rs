//! What the dashboard computes over: the receivables read in two queries, and the
//! interest and costs open on them, computed only for the claims that can owe any.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use tijdig_domain::cashflow::Receivable;
use tijdig_domain::invoice::{due_date, InvoiceKind};
use tijdig_store::{InvoiceSet, PaymentRecord, ReceivableFilter, Store, StoreError};

use crate::services::claim::{
    accepted_terms, compute_claim, rate_table, received, staffel_stipulated, ClaimBasis,
    ClaimInvoice,
};

/// The receivables the figures are computed over, with each one's invoice as its claim reads
/// it and the first day its claim is remembered as settled on. Invoice ids are rowids, so
/// plain vectors indexed by id stand in for maps (the dashboard must stay fast on 100,000
/// invoices).
pub(super) struct Receivables {
    pub data: Vec<Receivable>,
    pub invoices: Vec<ClaimInvoice>,
    pub settled_on: Vec<Option<NaiveDate>>,
}

/// How far back the dashboard looks: its figures of 30 days ago count invoices paid in full in
/// the 12 months before that day (KPIs; the risk score's and the forecast's lateness look back
/// 12 months from today). An invoice whose claim was settled on or before this day (paid, dated
/// and owing nothing by then) counts in none of them and is not read.
pub(super) fn horizon(today: NaiveDate) -> NaiveDate {
    today - Duration::days(30 + 365)
}

/// The receivables of `filter`.
pub(super) fn receivables_of(
    store: &Store,
    today: NaiveDate,
    filter: &ReceivableFilter,
) -> Result<Receivables, StoreError> {
    let (rows, all_payments) = store.receivables_and_payments(filter)?;
    let max_id = rows.iter().map(|r| r.id).max().unwrap_or(0);
    let slot = |id: i64| {
        usize::try_from(id)
            .ok()
            .filter(|i| *i <= usize::try_from(max_id).unwrap_or(0))
    };
    let mut index: Vec<u32> = vec![u32::MAX; slot(max_id).map_or(0, |m| m + 1)];
    let mut parts = Vec::with_capacity(rows.len());
    let mut credited = Vec::with_capacity(rows.len());
    let mut payments: Vec<Vec<(NaiveDate, Decimal)>> = Vec::with_capacity(rows.len());
    let mut in_arrangement = Vec::with_capacity(rows.len());
    for r in rows.iter().filter(|r| r.kind != InvoiceKind::CreditNote) {
        if let Some(i) = slot(r.id) {
            index[i] = u32::try_from(parts.len()).unwrap_or(u32::MAX);
        }
        parts.push(r);
        credited.push(Decimal::ZERO);
        payments.push(Vec::new());
        in_arrangement.push(false);
    }
    let find = |id: i64| -> Option<usize> {
        slot(id)
            .and_then(|i| index.get(i).copied())
            .filter(|i| *i != u32::MAX)
            .and_then(|i| usize::try_from(i).ok())
    };
    for r in rows.iter().filter(|r| r.kind == InvoiceKind::CreditNote) {
        if let Some(i) = r.credits_invoice_id.and_then(find) {
            credited[i] += -r.total;
        }
    }
    for (invoice, day, paid) in all_payments {
        if let Some(i) = find(invoice) {
            payments[i].push((day, paid));
        }
    }
    for id in crate::services::arrangement_state::active_invoice_ids(store, today)? {
        if let Some(i) = find(id) {
            in_arrangement[i] = true;
        }
    }
    let invoices = parts
        .iter()
        .map(|r| ClaimInvoice {
            id: r.id,
            invoice_date: r.invoice_date,
            payment_term_days: r.payment_term_days,
            issued_total: Some(r.total),
        })
        .collect();
    let settled_on = parts.iter().map(|r| r.settled_on).collect();
    let data = parts
        .into_iter()
        .zip(credited)
        .zip(payments)
        .zip(in_arrangement)
        .map(|(((r, credited), payments), arranged)| {
            Receivable::new(
                r.client_id,
                r.invoice_date,
                due_date(r.invoice_date, r.payment_term_days),
                r.total,
                credited,
                payments,
                arranged,
            )
        })
        .collect();
    Ok(Receivables {
        data,
        invoices,
        settled_on,
    })
}

/// Rente en kosten open on each of `days`, over the receivables the dashboard already read:
/// for every invoice the claim ledger says more than its amount
/// is owed (the same computation as the invoice page and the list). Only an invoice that was in
/// verzuim while something was open can owe any: one paid on time, or whose rest was waived
/// after its last payment, is skipped without a ledger.
pub(super) fn interest_and_costs_on(
    store: &Store,
    receivables: &Receivables,
    days: &[NaiveDate],
) -> Result<Vec<Decimal>, StoreError> {
    let latest = days.iter().copied().max().unwrap_or(NaiveDate::MIN);
    // A claim remembered as settled on or before a day owes nothing that day (settled stays
    // settled while its facts stay; `services::ladder::remember_settled`): it needs no ledger
    // for that day, and none at all when that holds for every day.
    let open_on =
        |settled_on: Option<NaiveDate>, day: NaiveDate| settled_on.is_none_or(|since| since > day);
    let maybe: Vec<(&Receivable, ClaimInvoice, Option<NaiveDate>)> = receivables
        .data
        .iter()
        .zip(&receivables.invoices)
        .zip(&receivables.settled_on)
        .map(|((r, invoice), settled_on)| (r, *invoice, *settled_on))
        .filter(|(_, _, settled_on)| days.iter().any(|day| open_on(*settled_on, *day)))
        .filter(|(r, _, _)| match r.payments.last() {
            _ if r.open_on(latest) > Decimal::ZERO => latest > r.due_date,
            Some((last, _)) => *last > r.due_date,
            None => false,
        })
        .collect();
    let waivers = store.waivers_of_set(&InvoiceSet::Ids(
        maybe.iter().map(|(_, invoice, _)| invoice.id).collect(),
    ))?;
    let waived_after = |id: &i64, last: NaiveDate| {
        waivers
            .get(id)
            .is_some_and(|w| w.iter().any(|(on, _)| *on >= last))
    };
    let candidates: Vec<(&Receivable, ClaimInvoice, Option<NaiveDate>)> = maybe
        .into_iter()
        .filter(|(r, invoice, _)| {
            // Paid late: only a rest waived after the last payment spares it a ledger.
            r.open_on(latest) > Decimal::ZERO
                || r.payments
                    .last()
                    .is_some_and(|(last, _)| !waived_after(&invoice.id, *last))
        })
        .collect();
    let mut out = vec![Decimal::ZERO; days.len()];
    if candidates.is_empty() {
        return Ok(out);
    }
    let table = rate_table(store)?;
    let state = store.follow_up_state()?;
    let (letters, fourteen_day) = (state.letters, state.fourteen_day_letters);
    let arranged = store.arranged_invoice_ids()?;
    let stipulated_since = store.late_payment_terms_accepted(None)?;
    let accepted = store.accepted_versions(None)?;
    // The candidates' clients, read as one set (the invoices' own facts came with the
    // receivables: a claim reads nothing else of an invoice).
    let mut client_ids: Vec<i64> = candidates.iter().map(|(r, _, _)| r.client_id).collect();
    client_ids.sort_unstable();
    client_ids.dedup();
    let clients = store.clients_in(&client_ids)?;
    for (r, invoice, settled_on) in candidates {
        let Some(client) = clients.get(&r.client_id) else {
            return Err(StoreError::NotFound);
        };
        let payments: Vec<PaymentRecord> = r
            .payments
            .iter()
            .map(|(on, sum)| received(invoice.id, *on, *sum))
            .collect();
        let terms = accepted_terms(
            client,
            invoice.invoice_date,
            accepted.get(&r.client_id).map(Vec::as_slice),
        );
        let basis = ClaimBasis {
            client,
            invoice,
            credited: r.credited,
            payments: &payments,
            letters: letters.get(&invoice.id).map_or(&[][..], Vec::as_slice),
            waivers: waivers.get(&invoice.id).map_or(&[][..], Vec::as_slice),
            arranged: arranged.contains(&invoice.id),
            staffel_stipulated: staffel_stipulated(
                client,
                invoice.invoice_date,
                stipulated_since.get(&r.client_id).copied(),
                terms,
            ),
            terms,
            client_fourteen_day_letters: fourteen_day
                .get(&r.client_id)
                .map_or(&[][..], Vec::as_slice),
        };
        for (slot, day) in out
            .iter_mut()
            .zip(days)
            .filter(|(_, day)| open_on(settled_on, **day))
        {
            // The ledger leaves out what happened after its day.
            *slot += compute_claim(&table, &basis, *day).interest_and_costs_open();
        }
    }
    Ok(out)
}
