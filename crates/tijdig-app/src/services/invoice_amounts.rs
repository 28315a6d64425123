//! An invoice's figures every screen agrees on: its totals from the lines, what credit notes
//! took off, and the openstaand bedrag. Derived, never stored.

use rust_decimal::Decimal;
use tijdig_domain::invoice::{self as rules, InvoiceTotals};
use tijdig_domain::Language;
use tijdig_store::{InvoiceRecord, Store, StoreError};

use crate::dto;
use crate::plumbing::format::amount;

/// What the issued credit notes against invoice `id` took off it (a positive amount).
pub(crate) fn credited_on(store: &Store, id: i64) -> Result<Decimal, StoreError> {
    Ok(credited_by(&store.credit_notes_for(id)?))
}

/// What these credit notes take off (drafts count for nothing).
pub(crate) fn credited_by(credit_notes: &[InvoiceRecord]) -> Decimal {
    credit_notes
        .iter()
        .filter_map(|c| c.issued.as_ref())
        .map(|i| -i.total)
        .sum()
}

pub(crate) fn totals_dto(
    totals: &InvoiceTotals,
    lines: &[rules::InvoiceLine],
    lang: Language,
) -> dto::InvoiceTotals {
    dto::InvoiceTotals {
        line_amounts: lines.iter().map(|l| amount(l.amount())).collect(),
        rows: totals
            .rows
            .iter()
            .map(|r| dto::VatRow {
                label: r.label(lang).to_string(),
                base: amount(r.base),
                vat: amount(r.btw),
            })
            .collect(),
        subtotal: amount(totals.subtotal),
        vat_total: amount(totals.btw_total),
        total: amount(totals.total),
    }
}

pub(crate) fn record_totals(record: &InvoiceRecord) -> InvoiceTotals {
    InvoiceTotals::compute(record.draft.vat_regime, &record.draft.lines)
}
