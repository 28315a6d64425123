//! How an invoice is shown: derived totals, payments, credits and status (never stored), the
//! pre-flight check of a draft, the claim card of an overdue invoice and its follow-up line.
//! Every use-case that answers with an invoice answers with [`App::invoice_dto`], so the
//! invoice page, the list and the letters agree.

mod claim_card;
mod follow_up_line;

use claim_card::default_info;
use follow_up_line::invoice_follow_up;

use crate::plumbing::error::Failure;
use crate::plumbing::format::amount;
use crate::services::claim::{claim_of, rate_table, InvoiceClaim};
use crate::services::invoice_amounts::{record_totals, totals_dto};
use crate::services::invoice_form;
use crate::services::signing::is_signed;
use crate::{dto, App, AppError, FieldMessage};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::invoice::OriginalInvoice;
use tijdig_domain::invoice::{self as rules, InvoiceStatus, InvoiceTotals};
use tijdig_domain::payment_reference::PaymentReference;
use tijdig_domain::Language;
use tijdig_store::{InvoiceData, InvoiceRecord, Store, StoreError};

/// Everything derived about a stored invoice: totals, payments, credits, the claim, status.
pub(crate) struct Facts {
    pub(crate) totals: InvoiceTotals,
    pub(crate) total: Decimal,
    pub(crate) due_date: NaiveDate,
    /// The claim today: the one open figure and its split.
    pub(crate) claim: InvoiceClaim,
    pub(crate) status: InvoiceStatus,
    pub(crate) original: Option<InvoiceRecord>,
    pub(crate) credit_notes: Vec<InvoiceRecord>,
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

/// The split every screen shows for one claim (reference README "The claim").
pub(crate) fn open_amounts(claim: &InvoiceClaim) -> dto::OpenAmounts {
    dto::OpenAmounts {
        principal: amount(claim.principal_open),
        interest: amount(claim.interest_open),
        costs: amount(claim.costs_open),
        total: amount(claim.total_open()),
        interest_and_costs: amount(claim.interest_and_costs_open()),
        waived: amount(claim.waived),
    }
}

fn printed_reference(compact: &str) -> String {
    PaymentReference::parse(compact).map_or_else(|_| compact.to_string(), |r| r.printed())
}

impl App {
    pub fn invoice(&self, id: i64) -> Result<dto::Invoice, AppError> {
        self.with_store(|store, lang| {
            let run = || -> Result<dto::Invoice, Failure> {
                let record = store.invoice(id)?;
                self.invoice_dto(store, &record, lang)
            };
            run().map_err(|f| f.word(lang))
        })
    }

    pub(crate) fn preflight(
        &self,
        store: &Store,
        data: &InvoiceData,
        original: Option<&InvoiceRecord>,
        lang: Language,
    ) -> Result<Vec<FieldMessage>, StoreError> {
        let Some(profile) = store.profile()? else {
            return Ok(Vec::new());
        };
        let client = store.client(data.client_id)?.client;
        let original = original.and_then(|o| {
            o.issued.as_ref().map(|i| OriginalInvoice {
                number: i.number.clone(),
                date: o.draft.invoice_date,
            })
        });
        let draft = invoice_form::domain_draft(data, original);
        Ok(rules::preflight(&profile, &client, &draft)
            .iter()
            .map(|p| FieldMessage {
                field: p.fix_at().code().to_string(),
                code: p.code().to_string(),
                message: p.message(lang),
            })
            .collect())
    }

    pub(crate) fn facts(&self, store: &Store, record: &InvoiceRecord) -> Result<Facts, StoreError> {
        let totals = record_totals(record);
        let total = record.issued.as_ref().map_or(totals.total, |i| i.total);
        let due_date = rules::due_date(record.draft.invoice_date, record.draft.payment_term_days);
        let credit_notes = store.credit_notes_for(record.id)?;
        let claim = claim_of(store, &rate_table(store)?, record, self.today())?;
        let status = claim.status(record, self.today());
        let original = match record.draft.credits_invoice_id {
            Some(id) => Some(store.invoice(id)?),
            None => None,
        };
        Ok(Facts {
            totals,
            total,
            due_date,
            claim,
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
        let claim = &facts.claim;
        let credit_note = record.draft.kind == tijdig_domain::invoice::InvoiceKind::CreditNote;
        let default = if credit_note {
            None
        } else {
            default_info(store, record, claim, self.today(), lang)?
        };
        Ok(dto::Invoice {
            id: record.id,
            form: invoice_form::form(&record.draft),
            client_name: client.client.name,
            number: record.issued.as_ref().map(|i| i.number.clone()),
            status: facts.status.into(),
            due_date: facts.due_date.to_string(),
            totals: totals_dto(&facts.totals, &record.draft.lines, lang),
            outstanding: amount(claim.total_open()),
            open: open_amounts(claim),
            payable: record.issued.is_some() && !credit_note && claim.total_open() > Decimal::ZERO,
            waivable: (record.issued.is_some() && !credit_note)
                .then(|| claim.interest_and_costs_open())
                .filter(|rest| *rest > Decimal::ZERO)
                .map(amount),
            default,
            follow_up: if record.issued.is_some()
                && record.draft.kind != tijdig_domain::invoice::InvoiceKind::CreditNote
            {
                invoice_follow_up(store, record.id, record.draft.client_id, self.today(), lang)?
            } else {
                None
            },
            payment_reference: record
                .issued
                .as_ref()
                .map(|i| printed_reference(&i.payment_reference)),
            pdf_sha256: record.issued.as_ref().map(|i| i.pdf_sha256.clone()),
            // Read from the stored PDF itself: the bytes are the truth.
            signed: record.issued.is_some() && is_signed(&store.invoice_pdf(record.id)?),
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
            schedule_period: store
                .schedule_of_invoice(record.id)?
                .map(|(_, period)| period),
            external: record.external.as_ref().map(|e| dto::ExternalInvoice {
                file_name: e.file_name.clone(),
                format: e.format.clone(),
                pdf_is_copy: e.pdf_is_copy,
                findings: e.findings.clone(),
                imported_at: e.imported_at.clone(),
            }),
        })
    }
}
