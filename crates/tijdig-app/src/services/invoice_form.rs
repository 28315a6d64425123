//! The invoice editor's form, read into what the store keeps, with every problem at its field.

use crate::dto;
use crate::plumbing::error::FormIssue;
use crate::plumbing::format::{parse_date, show_date};
use crate::services::printable::printable;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::invoice::InvoiceLine;
use tijdig_domain::money::{parse_discount, parse_quantity, parse_unit_price};
use tijdig_domain::Issue;
use tijdig_store::InvoiceData;

/// What reading the form gave: the parts that could be read, and what could not.
pub(crate) struct ReadForm {
    pub client_id: Option<i64>,
    pub invoice_date: Option<NaiveDate>,
    pub delivery_from: Option<NaiveDate>,
    pub delivery_to: Option<NaiveDate>,
    /// Typed term; `None` when left empty (the client's or the profile's applies).
    pub term_days: Option<u32>,
    /// `None` when any line has a problem.
    pub lines: Option<Vec<InvoiceLine>>,
    pub issues: Vec<FormIssue>,
}

fn optional_date(input: &str) -> Result<Option<NaiveDate>, Issue> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(input).map(Some)
    }
}

/// A credit note's quantities are negative; the user types them with a minus sign.
fn signed_quantity(input: &str, credit: bool) -> Result<Decimal, Issue> {
    let trimmed = input.trim();
    match trimmed.strip_prefix('-') {
        Some(rest) if credit => parse_quantity(rest).map(|q| -q),
        _ => parse_quantity(trimmed),
    }
}

fn check<T>(issues: &mut Vec<FormIssue>, field: &str, result: Result<T, Issue>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(issue) => {
            issues.push(FormIssue {
                field: field.to_string(),
                issue,
            });
            None
        }
    }
}

pub(crate) fn read(form: &dto::InvoiceForm) -> ReadForm {
    let mut issues = Vec::new();
    let issues_ref = &mut issues;
    let client_id = check(
        issues_ref,
        "clientId",
        form.client_id.ok_or(Issue::ChoiceRequired),
    );
    let invoice_date = check(issues_ref, "invoiceDate", parse_date(&form.invoice_date));
    let delivery_from = check(
        issues_ref,
        "deliveryFrom",
        optional_date(&form.delivery_from),
    )
    .flatten();
    let delivery_to = check(issues_ref, "deliveryTo", optional_date(&form.delivery_to)).flatten();
    let term_days = if form.payment_term_days.trim().is_empty() {
        None
    } else {
        check(
            issues_ref,
            "paymentTermDays",
            tijdig_domain::profile::payment_term(&form.payment_term_days),
        )
    };
    // The note is printed under the totals: too long or unprintable is said at its field (it
    // was dropped without a word when too long).
    check(
        issues_ref,
        "note",
        tijdig_domain::validate::optional_text(&form.note, 2000)
            .and_then(|n| printable(&form.note).map(|()| n)),
    );
    let credit = form.kind == dto::InvoiceKind::CreditNote;
    let mut lines = Some(Vec::with_capacity(form.lines.len()));
    for (i, line) in form.lines.iter().enumerate() {
        let quantity = check(
            issues_ref,
            &format!("lines.{i}.quantity"),
            signed_quantity(&line.quantity, credit),
        );
        let unit_price = check(
            issues_ref,
            &format!("lines.{i}.unitPrice"),
            parse_unit_price(&line.unit_price),
        );
        let discount = check(
            issues_ref,
            &format!("lines.{i}.discountPercent"),
            parse_discount(&line.discount_percent),
        );
        let description = check(
            issues_ref,
            &format!("lines.{i}.description"),
            tijdig_domain::validate::optional_text(&line.description, 2000)
                .and_then(|d| printable(&line.description).map(|()| d)),
        );
        let unit = check(
            issues_ref,
            &format!("lines.{i}.unit"),
            tijdig_domain::validate::optional_text(&line.unit, 20)
                .and_then(|u| printable(&line.unit).map(|()| u)),
        );
        match (
            quantity,
            unit_price,
            discount,
            description,
            unit,
            lines.as_mut(),
        ) {
            (
                Some(quantity),
                Some(unit_price),
                Some(discount_percent),
                Some(description),
                Some(unit),
                Some(all),
            ) => all.push(InvoiceLine {
                description: description.unwrap_or_default(),
                quantity,
                unit: unit.unwrap_or_default(),
                unit_price,
                vat: line.vat.into(),
                discount_percent,
            }),
            _ => lines = None,
        }
    }
    ReadForm {
        client_id,
        invoice_date,
        delivery_from,
        delivery_to,
        term_days,
        lines,
        issues,
    }
}

/// The stored data for a form that read without problems, with the term resolved.
pub(crate) fn data(
    form: &dto::InvoiceForm,
    read: &ReadForm,
    term: u32,
    credits: Option<i64>,
) -> Option<InvoiceData> {
    Some(InvoiceData {
        kind: form.kind.into(),
        client_id: read.client_id?,
        invoice_date: read.invoice_date?,
        delivery_from: read.delivery_from,
        delivery_to: read.delivery_to,
        payment_term_days: term,
        vat_regime: form.vat_regime.into(),
        reference_kind: form.reference_kind.into(),
        note: tijdig_domain::validate::optional_text(&form.note, 2000)
            .ok()
            .flatten(),
        credits_invoice_id: credits,
        lines: read.lines.clone()?,
    })
}

fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The form that shows stored data again (amounts as plain decimals, dates ISO).
pub(crate) fn form(data: &InvoiceData) -> dto::InvoiceForm {
    dto::InvoiceForm {
        kind: data.kind.into(),
        client_id: Some(data.client_id),
        invoice_date: show_date(data.invoice_date),
        delivery_from: data.delivery_from.map(show_date).unwrap_or_default(),
        delivery_to: data.delivery_to.map(show_date).unwrap_or_default(),
        payment_term_days: data.payment_term_days.to_string(),
        vat_regime: data.vat_regime.into(),
        reference_kind: data.reference_kind.into(),
        note: data.note.clone().unwrap_or_default(),
        lines: data
            .lines
            .iter()
            .map(|l| dto::InvoiceLineForm {
                description: l.description.clone(),
                quantity: plain(l.quantity),
                unit: l.unit.clone(),
                unit_price: plain(l.unit_price),
                vat: l.vat.into(),
                discount_percent: l.discount_percent.map(plain).unwrap_or_default(),
            })
            .collect(),
    }
}

/// The domain's view of a draft, for totals and the pre-flight check.
pub(crate) fn domain_draft(
    data: &InvoiceData,
    original: Option<tijdig_domain::invoice::OriginalInvoice>,
) -> tijdig_domain::invoice::InvoiceDraft {
    use tijdig_domain::invoice::Delivery;
    let delivery = match (data.delivery_from, data.delivery_to) {
        (Some(first), Some(last)) => Delivery::Period { first, last },
        (Some(date), None) | (None, Some(date)) => Delivery::Date(date),
        (None, None) => Delivery::SameAsInvoiceDate,
    };
    tijdig_domain::invoice::InvoiceDraft {
        kind: data.kind,
        regime: data.vat_regime,
        invoice_date: data.invoice_date,
        delivery,
        lines: data.lines.clone(),
        original,
    }
}
