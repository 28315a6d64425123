//! The offer editor's form read into the domain's [`OfferTerms`], with every problem at its
//! field, and the review step (totals, payment schedule, checklist, late-payment clause).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::invoice::VatTreatment;
use tijdig_domain::late_payment_terms::LatePaymentTerms;
use tijdig_domain::money::{format_eur, parse_amount, parse_quantity, round_cents};
use tijdig_domain::offer::checklist::{check, offer_clause, Severity};
use tijdig_domain::offer::{
    payment_schedule, Advance, Milestone, OfferPrice, OfferTerms, ScheduleKind, ScheduleLine,
};
use tijdig_domain::{Client, ClientKind, Issue, Language};

use tijdig_store::{Store, StoreError};

use crate::dto;
use crate::plumbing::error::FormIssue;
use crate::plumbing::format::parse_date;
use crate::FieldMessage;

/// What reading the form gave.
pub(crate) struct ReadOffer {
    pub terms: OfferTerms,
    pub issues: Vec<FieldMessage>,
}

/// How strictly to read: a concept may be incomplete; finalising needs everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strictness {
    Concept,
    Final,
}

fn issue(field: &str, issue: Issue, lang: Language) -> FieldMessage {
    FormIssue {
        field: field.into(),
        issue,
    }
    .message(lang)
}

fn term_issue(lang: Language) -> FieldMessage {
    FieldMessage {
        field: "paymentTermDays".into(),
        code: "term_range".into(),
        message: match lang {
            Language::Nl => "Vul een betaaltermijn in van 1 tot en met 120 dagen.".into(),
            Language::En => "Enter a payment term of 1 to 120 days.".into(),
        },
    }
}

fn percent_issue(lang: Language) -> FieldMessage {
    FieldMessage {
        field: "advance".into(),
        code: "percent_range".into(),
        message: match lang {
            Language::Nl => "Een percentage ligt tussen 0 en 100.".into(),
            Language::En => "A percentage is between 0 and 100.".into(),
        },
    }
}

/// The version of the algemene voorwaarden an offer carries or would carry, with what it
/// stipulates on late payment (`None`: nothing of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TermsVersion {
    pub late_payment: Option<LatePaymentTerms>,
}

impl TermsVersion {
    /// The version with id `id` (`None`: no version), as stored.
    pub(crate) fn of(store: &Store, id: Option<i64>) -> Result<Option<TermsVersion>, StoreError> {
        let Some(id) = id else { return Ok(None) };
        Ok(Some(TermsVersion {
            late_payment: store.late_payment_terms()?.get(&id).copied(),
        }))
    }
}

/// Reads the form. `client` is the chosen client (its kind and size drive the checks);
/// `version` is the version of the algemene voorwaarden there is to attach, if any.
pub(crate) fn read(
    form: &dto::OfferForm,
    client: Option<&Client>,
    version: Option<TermsVersion>,
    today: NaiveDate,
    strictness: Strictness,
    lang: Language,
) -> ReadOffer {
    let strict = strictness == Strictness::Final;
    let mut issues = Vec::new();
    if form.client_id.is_none() || client.is_none() {
        issues.push(issue("clientId", Issue::ChoiceRequired, lang));
    }
    let required_text = |field: &str, value: &str, issues: &mut Vec<FieldMessage>| {
        if strict && value.trim().is_empty() {
            issues.push(issue(field, Issue::Required, lang));
        }
    };
    required_text("title", &form.title, &mut issues);
    required_text("scope", &form.scope, &mut issues);
    let offer_date = if form.offer_date.trim().is_empty() {
        if strict {
            issues.push(issue("offerDate", Issue::Required, lang));
        }
        today
    } else {
        parse_date(&form.offer_date).unwrap_or_else(|e| {
            issues.push(issue("offerDate", e, lang));
            today
        })
    };
    let valid_until = if form.valid_until.trim().is_empty() {
        None
    } else {
        match parse_date(&form.valid_until) {
            Ok(d) => Some(d),
            Err(e) => {
                issues.push(issue("validUntil", e, lang));
                None
            }
        }
    };
    let amount = |field: &str, text: &str, needed: bool, issues: &mut Vec<FieldMessage>| {
        if text.trim().is_empty() {
            if needed && strict {
                issues.push(issue(field, Issue::Required, lang));
            }
            return Decimal::ZERO;
        }
        parse_amount(text).unwrap_or_else(|e| {
            issues.push(issue(field, e, lang));
            Decimal::ZERO
        })
    };
    let price = match form.price_kind {
        dto::OfferPriceKind::Fixed => {
            OfferPrice::Fixed(amount("fixedPrice", &form.fixed_price, true, &mut issues))
        }
        dto::OfferPriceKind::Hourly => {
            let rate = amount("hourlyRate", &form.hourly_rate, true, &mut issues);
            let hours = if form.hours.trim().is_empty() {
                Decimal::ZERO
            } else {
                parse_quantity(&form.hours).unwrap_or_else(|e| {
                    issues.push(issue("hours", e, lang));
                    Decimal::ZERO
                })
            };
            OfferPrice::Hourly { rate, hours }
        }
    };
    let expenses = amount("expenses", &form.expenses, false, &mut issues);
    let payment_term_days = match form.payment_term_days.trim().parse::<u32>() {
        Ok(days) if (1..=120).contains(&days) => days,
        _ => {
            issues.push(term_issue(lang));
            client.and_then(|c| c.payment_term_days).unwrap_or(14)
        }
    };
    let advance = match form.advance_kind {
        dto::AdvanceKind::None => None,
        dto::AdvanceKind::Percent => {
            let p = amount("advance", &form.advance.replace('%', ""), true, &mut issues);
            if p > Decimal::from(100) {
                issues.push(percent_issue(lang));
            }
            Some(Advance::Percent(p))
        }
        dto::AdvanceKind::Amount => Some(Advance::Amount(amount(
            "advance",
            &form.advance,
            true,
            &mut issues,
        ))),
    };
    let mut milestones = Vec::new();
    for (i, m) in form.milestones.iter().enumerate() {
        if m.description.trim().is_empty() {
            issues.push(issue(
                &format!("milestones.{i}.description"),
                Issue::Required,
                lang,
            ));
        }
        let value = amount(
            &format!("milestones.{i}.amount"),
            &m.amount,
            true,
            &mut issues,
        );
        milestones.push(Milestone {
            description: m.description.trim().to_string(),
            amount: value,
        });
    }
    let kind = client.map_or(ClientKind::Business, |c| c.kind);
    let terms = OfferTerms {
        client_kind: kind,
        large_company: client.is_some_and(|c| c.large_company),
        offer_date,
        valid_until,
        price,
        expenses,
        vat: form.vat.into(),
        payment_term_days,
        advance,
        milestones,
        late_payment_clause: form.late_payment_clause,
        terms_attached: form.attach_terms && version.is_some(),
        attached_late_payment: version
            .filter(|_| form.attach_terms)
            .and_then(|v| v.late_payment),
        // Tijdig's offer always prints the total incl. btw.
        price_incl_vat_shown: true,
        withdrawal_notice: form.withdrawal_notice,
    };
    ReadOffer { terms, issues }
}

/// The amount excl. btw whose invoice (excl. + btw rounded to the cent) comes to `incl`: the
/// nearest cent to incl ÷ (1 + rate), or the one beside it when that lands exactly on `incl`.
/// Some amounts incl. btw cannot be reached exactly (at 21 %: € 100,00); then the nearest.
pub(crate) fn excl_for(incl: Decimal, rate: Decimal) -> Decimal {
    let hundred = Decimal::from(100);
    let guess = round_cents(incl * hundred / (hundred + rate));
    let cent = Decimal::new(1, 2);
    [guess, guess - cent, guess + cent]
        .into_iter()
        .find(|e| *e + round_cents(*e * rate / hundred) == incl)
        .unwrap_or(guess)
}

/// Each schedule line's amount excl. btw. The last line (the final invoice, or the last
/// milestone when they use up the total) takes what is left, so the lines add up to the
/// agreed total excl. btw exactly; the others come to their amount incl. btw where a cent can.
pub(crate) fn schedule_excl(lines: &[ScheduleLine], terms: &OfferTerms) -> Vec<Decimal> {
    let rate = terms.vat.rate();
    let total_excl = terms.totals().excl_vat;
    let mut out = Vec::with_capacity(lines.len());
    let mut before = Decimal::ZERO;
    for (i, line) in lines.iter().enumerate() {
        let excl = if i + 1 == lines.len() {
            total_excl - before
        } else {
            excl_for(line.amount, rate)
        };
        before += excl;
        out.push(excl);
    }
    out
}

pub(crate) fn schedule_kind_code(kind: ScheduleKind) -> &'static str {
    match kind {
        ScheduleKind::Advance => "advance",
        ScheduleKind::Milestone => "milestone",
        ScheduleKind::Final => "final",
    }
}

pub(crate) fn schedule_description(line: &ScheduleLine, lang: Language) -> String {
    match (line.kind, lang) {
        (ScheduleKind::Advance, Language::En) => "Advance payment".into(),
        (ScheduleKind::Final, Language::En) => "Final invoice".into(),
        _ => line.description.clone(),
    }
}

/// The review step: totals, schedule, checklist and the clause the PDF will carry.
pub(crate) fn review(
    read: &ReadOffer,
    client_language: Language,
    today: NaiveDate,
    lang: Language,
) -> dto::OfferReview {
    let terms = &read.terms;
    let totals = terms.totals();
    let schedule = payment_schedule(terms).unwrap_or_default();
    let excl = schedule_excl(&schedule, terms);
    dto::OfferReview {
        total_excl: format_eur(totals.excl_vat, lang),
        vat: format_eur(totals.vat, lang),
        total_incl: format_eur(totals.incl_vat, lang),
        schedule: schedule
            .iter()
            .zip(excl)
            .enumerate()
            .map(|(i, (line, excl))| dto::ScheduleRow {
                line: u32::try_from(i).unwrap_or(u32::MAX),
                kind: schedule_kind_code(line.kind).into(),
                description: schedule_description(line, lang),
                amount_incl: format_eur(line.amount, lang),
                amount_excl: format_eur(excl, lang),
                invoice_id: None,
                invoice_number: None,
            })
            .collect(),
        checks: check(terms, today)
            .into_iter()
            .map(|f| dto::OfferCheck {
                code: f.code.into(),
                severity: match f.severity {
                    Severity::Missing => "missing",
                    Severity::Risky => "risky",
                }
                .into(),
                message: f.message(lang).into(),
            })
            .collect(),
        late_payment_text: offer_clause(terms, client_language),
        fields: read.issues.clone(),
    }
}

/// The VAT treatment's share: `Btw 21%` and its amount, for the price table.
pub(crate) fn vat_label(vat: VatTreatment, lang: Language) -> &'static str {
    vat.label(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tijdig_domain::offer::ScheduleKind;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn an_amount_incl_btw_becomes_the_excl_amount_that_invoices_to_it() {
        let rate = Decimal::from(21);
        assert_eq!(excl_for(d("3630.00"), rate), d("3000.00"));
        assert_eq!(excl_for(d("121.00"), rate), d("100.00"));
        // € 100,00 incl. 21 % cannot be reached to the cent: the nearest excl. amount.
        assert_eq!(excl_for(d("100.00"), rate), d("82.64"));
        assert_eq!(excl_for(d("50.00"), Decimal::ZERO), d("50.00"));
    }

    #[test]
    fn the_last_line_takes_what_is_left_even_when_it_is_a_milestone() {
        let line = |kind, amount: &str| ScheduleLine {
            kind,
            description: String::new(),
            amount: d(amount),
        };
        let terms = OfferTerms {
            client_kind: ClientKind::Business,
            large_company: false,
            offer_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default(),
            valid_until: None,
            price: OfferPrice::Fixed(d("1000")),
            expenses: Decimal::ZERO,
            vat: VatTreatment::Standard21,
            payment_term_days: 14,
            advance: None,
            milestones: vec![],
            late_payment_clause: true,
            terms_attached: true,
            attached_late_payment: None,
            price_incl_vat_shown: true,
            withdrawal_notice: false,
        };
        // € 1.210,00 in two milestones of € 100,00 and € 1.110,00 incl.: no final line.
        let lines = [
            line(ScheduleKind::Milestone, "100.00"),
            line(ScheduleKind::Milestone, "1110.00"),
        ];
        let excl = schedule_excl(&lines, &terms);
        assert_eq!(excl, vec![d("82.64"), d("917.36")]);
        assert_eq!(excl.iter().copied().sum::<Decimal>(), d("1000.00"));
    }
}
