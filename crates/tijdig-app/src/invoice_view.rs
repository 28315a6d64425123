//! How an invoice is shown: derived totals, payments, credits and status (never stored).

use crate::invoice_form;
use crate::invoices::Failure;
use crate::{dto, App, AppError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::invoice::{self as rules, InvoiceStatus, InvoiceTotals};
use tijdig_domain::payment_reference::PaymentReference;
use tijdig_domain::Language;
use tijdig_store::{InvoiceRecord, Store, StoreError};

/// An exact amount for the UI: rounded to the cent, always two decimals ("850.00").
pub(crate) fn amount(d: Decimal) -> String {
    let mut cents = tijdig_domain::money::round_cents(d);
    cents.rescale(2);
    cents.to_string()
}

/// What the issued credit notes against invoice `id` took off it (a positive amount).
pub(crate) fn credited_on(store: &Store, id: i64) -> Result<Decimal, StoreError> {
    Ok(credited_by(&store.credit_notes_for(id)?))
}

/// What these credit notes take off (drafts count for nothing).
fn credited_by(credit_notes: &[InvoiceRecord]) -> Decimal {
    credit_notes
        .iter()
        .filter_map(|c| c.issued.as_ref())
        .map(|i| -i.total)
        .sum()
}

/// Openstaand bedrag of an issued invoice: its total less the payments and the issued credit
/// notes (a draft has nothing open). Every use-case that books money on an invoice asks here.
pub(crate) fn open_amount(store: &Store, record: &InvoiceRecord) -> Result<Decimal, StoreError> {
    let Some(issued) = record.issued.as_ref() else {
        return Ok(Decimal::ZERO);
    };
    let paid: Decimal = store.payments(record.id)?.iter().map(|p| p.amount).sum();
    Ok(rules::outstanding(
        issued.total,
        paid,
        credited_on(store, record.id)?,
    ))
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

/// Everything derived about a stored invoice: totals, payments, credits, status.
pub(crate) struct Facts {
    pub(crate) totals: InvoiceTotals,
    pub(crate) total: Decimal,
    pub(crate) due_date: NaiveDate,
    pub(crate) paid: Decimal,
    pub(crate) credited: Decimal,
    pub(crate) status: InvoiceStatus,
    pub(crate) original: Option<InvoiceRecord>,
    pub(crate) credit_notes: Vec<InvoiceRecord>,
}

pub(crate) fn record_totals(record: &InvoiceRecord) -> InvoiceTotals {
    InvoiceTotals::compute(record.draft.vat_regime, &record.draft.lines)
}

fn invoice_ref(record: &InvoiceRecord) -> dto::InvoiceRef {
    dto::InvoiceRef {
        id: record.id,
        number: record.issued.as_ref().map(|i| i.number.clone()),
        invoice_date: record.draft.invoice_date.to_string(),
        total: amount(
            record
                .issued
                .as_ref()
                .map_or_else(|| record_totals(record).total, |i| i.total),
        ),
    }
}

fn printed_reference(compact: &str) -> String {
    PaymentReference::parse(compact).map_or_else(|_| compact.to_string(), |r| r.printed())
}

impl App {
    pub(crate) fn facts(&self, store: &Store, record: &InvoiceRecord) -> Result<Facts, StoreError> {
        let totals = record_totals(record);
        let total = record.issued.as_ref().map_or(totals.total, |i| i.total);
        let due_date = rules::due_date(record.draft.invoice_date, record.draft.payment_term_days);
        let paid: Decimal = store.payments(record.id)?.iter().map(|p| p.amount).sum();
        let credit_notes = store.credit_notes_for(record.id)?;
        let credited = credited_by(&credit_notes);
        let status = rules::status(
            record.issued.is_some(),
            due_date,
            self.today(),
            total,
            paid,
            credited,
        );
        let original = match record.draft.credits_invoice_id {
            Some(id) => Some(store.invoice(id)?),
            None => None,
        };
        Ok(Facts {
            totals,
            total,
            due_date,
            paid,
            credited,
            status,
            original,
            credit_notes,
        })
    }

    pub(crate) fn invoice_dto(
        &self,
        store: &Store,
        record: &InvoiceRecord,
        lang: Language,
    ) -> Result<dto::Invoice, Failure> {
        let facts = self.facts(store, record)?;
        let client = store.client(record.draft.client_id)?;
        let preflight = if record.issued.is_some() {
            Vec::new()
        } else {
            self.preflight(store, &record.draft, facts.original.as_ref(), lang)?
        };
        let payments = store.payments(record.id)?;
        let outstanding = rules::outstanding(facts.total, facts.paid, facts.credited);
        let default = if record.draft.kind == tijdig_domain::invoice::InvoiceKind::CreditNote {
            None
        } else {
            crate::invoice_claim::default_info(
                store,
                record,
                outstanding,
                &payments,
                self.today(),
                lang,
            )?
        };
        Ok(dto::Invoice {
            id: record.id,
            form: invoice_form::form(&record.draft),
            client_name: client.client.name,
            number: record.issued.as_ref().map(|i| i.number.clone()),
            status: facts.status.into(),
            due_date: facts.due_date.to_string(),
            totals: totals_dto(&facts.totals, &record.draft.lines, lang),
            outstanding: amount(outstanding),
            payable: record.issued.is_some()
                && record.draft.kind != tijdig_domain::invoice::InvoiceKind::CreditNote
                && outstanding > Decimal::ZERO,
            default,
            follow_up: if record.issued.is_some()
                && record.draft.kind != tijdig_domain::invoice::InvoiceKind::CreditNote
            {
                crate::follow_up::invoice_follow_up(
                    store,
                    record.id,
                    record.draft.client_id,
                    self.today(),
                    lang,
                )?
            } else {
                None
            },
            payment_reference: record
                .issued
                .as_ref()
                .map(|i| printed_reference(&i.payment_reference)),
            pdf_sha256: record.issued.as_ref().map(|i| i.pdf_sha256.clone()),
            // Read from the stored PDF itself: the bytes are the truth.
            signed: record.issued.is_some()
                && crate::signing::is_signed(&store.invoice_pdf(record.id)?),
            payments: payments
                .iter()
                .map(|p| dto::Payment {
                    id: p.id,
                    paid_on: p.paid_on.to_string(),
                    amount: amount(p.amount),
                    method: dto::PaymentMethod::from_code(&p.method),
                    note: p.note.clone().unwrap_or_default(),
                })
                .collect(),
            credits: facts.original.as_ref().map(invoice_ref),
            credit_notes: facts.credit_notes.iter().map(invoice_ref).collect(),
            preflight,
        })
    }

    pub fn invoices(
        &self,
        query: &dto::InvoiceQuery,
    ) -> Result<Vec<dto::InvoiceSummary>, AppError> {
        self.with_store(|store, lang| {
            let run = || -> Result<Vec<dto::InvoiceSummary>, StoreError> {
                let mut names = std::collections::HashMap::new();
                let search = query.search.trim().to_lowercase();
                let mut rows = Vec::new();
                for record in store.list_invoices()? {
                    if query
                        .client_id
                        .is_some_and(|id| id != record.draft.client_id)
                    {
                        continue;
                    }
                    let client_id = record.draft.client_id;
                    if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(client_id)
                    {
                        slot.insert(store.client(client_id)?.client.name);
                    }
                    let client_name = names.get(&client_id).cloned().unwrap_or_default();
                    let facts = self.facts(store, &record)?;
                    let number = record.issued.as_ref().map(|i| i.number.clone());
                    let status: dto::InvoiceStatus = facts.status.into();
                    if query.status.is_some_and(|s| s != status) {
                        continue;
                    }
                    let haystack = format!("{} {}", number.as_deref().unwrap_or(""), client_name)
                        .to_lowercase();
                    if !search.is_empty() && !haystack.contains(&search) {
                        continue;
                    }
                    rows.push(dto::InvoiceSummary {
                        id: record.id,
                        kind: record.draft.kind.into(),
                        number,
                        client_id,
                        client_name,
                        invoice_date: record.draft.invoice_date.to_string(),
                        due_date: facts.due_date.to_string(),
                        total: amount(facts.total),
                        outstanding: amount(rules::outstanding(
                            facts.total,
                            facts.paid,
                            facts.credited,
                        )),
                        status,
                    });
                }
                match query.sort {
                    dto::InvoiceSort::DueDate => {
                        rows.sort_by(|a, b| a.due_date.cmp(&b.due_date).then(a.id.cmp(&b.id)))
                    }
                    dto::InvoiceSort::InvoiceDate => rows
                        .sort_by(|a, b| b.invoice_date.cmp(&a.invoice_date).then(b.id.cmp(&a.id))),
                    dto::InvoiceSort::Number => {
                        rows.sort_by(|a, b| a.number.cmp(&b.number).then(a.id.cmp(&b.id)))
                    }
                }
                Ok(rows)
            };
            run().map_err(|e| AppError::from_store(e, lang))
        })
    }
}
