//! An invoice's figures every screen agrees on: its totals from the lines, what credit notes
//! took off, and the openstaand bedrag. Derived, never stored.

use rust_decimal::Decimal;
use tijdig_domain::invoice::{self as rules, InvoiceTotals};
use tijdig_domain::Language;
use tijdig_store::{ExternalFacts, InvoiceData, InvoiceRecord, Store, StoreError};

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

/// An invoice's totals: computed from its lines, or — for an invoice made in other software
/// and imported — as its file states them (its VAT may be rounded per line, where Tijdig rounds
/// per rate; the file is what the client received).
pub(crate) fn record_totals(record: &InvoiceRecord) -> InvoiceTotals {
    match &record.external {
        None => InvoiceTotals::compute(record.draft.vat_regime, &record.draft.lines),
        Some(e) => external_totals(e, &record.draft),
    }
}

/// The totals of an imported invoice: its file's figures, with the statements (btw verlegd,
/// vrijgesteld) its lines call for.
pub(crate) fn external_totals(e: &ExternalFacts, data: &InvoiceData) -> InvoiceTotals {
    let computed = InvoiceTotals::compute(data.vat_regime, &data.lines);
    InvoiceTotals {
        rows: e
            .vat_rows
            .iter()
            .map(|r| rules::VatRow {
                treatment: r.treatment,
                base: r.base,
                btw: r.vat,
            })
            .collect(),
        subtotal: e.subtotal,
        btw_total: e.vat_total,
        total: e.subtotal + e.vat_total,
        notes: computed.notes,
    }
}
