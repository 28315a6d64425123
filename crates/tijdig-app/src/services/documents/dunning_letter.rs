//! Letters to debtors: herinnering, aanmaning, ingebrekestelling, 14-dagenbrief and sommatie,
//! composed from the claim of each invoice (nl-rules-sources §6.3) and rendered by the
//! documents crate in the window-envelope layout. One letter may cover several invoices of one
//! client; the costs are then one staffel over the summed principal (reference README).

use super::dunning_words as words;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_documents::model::{
    Align, Column, DocMeta, LetterBlock, LetterPdf, PaymentBlock, PaymentLink, Table, TotalRow,
};
use tijdig_domain::collection_costs::CollectionCosts;
use tijdig_domain::default_start::DefaultStart;
use tijdig_domain::epc_qr::{epc_qr_payload, EpcPayment};
use tijdig_domain::follow_up::{FollowUpChannel, FollowUpStep};
use tijdig_domain::interest::{InterestBreakdown, InterestKind};
use tijdig_domain::late_payment_terms::RatePeriod;
use tijdig_domain::late_payment_terms::{costs_basis, interest_basis, AcceptedTerms, Voice};
use tijdig_domain::money::format_eur;
use tijdig_domain::payment_reference::PaymentReference;
use tijdig_domain::{BusinessProfile, Client, Language};
use tijdig_store::Logo;

use crate::dto;
use crate::plumbing::format::document_date as short_date;
use crate::plumbing::format::{grouped, long_date};
use crate::services::documents::house_style::document_id;
use crate::services::documents::house_style::house_style;
use crate::services::documents::house_style::recipient_lines;
use crate::services::documents::house_style::timestamp;
use crate::services::invoice_settings::payment_link;
use words::{Ctx, EN, NL};

/// One invoice in a letter, with its claim on the letter date.
pub(crate) struct LetterInvoice {
    pub number: String,
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    pub total: Decimal,
    /// Paid and credited together.
    pub paid: Decimal,
    pub open: Decimal,
    pub payment_reference: String,
    pub start: Option<DefaultStart>,
    pub interest: Option<InterestBreakdown>,
    /// The accepted voorwaarden whose own interest or costs the claim uses (business only).
    pub terms: Option<AcceptedTerms>,
}

/// The newest rate a letter's interest used, and the day a newer one was due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StaleRate {
    pub newest: NaiveDate,
    pub check_from: NaiveDate,
}

/// What a letter is made of.
pub(crate) struct LetterInput<'a> {
    pub profile: &'a BusinessProfile,
    pub logo: Option<&'a Logo>,
    pub client: &'a Client,
    /// The step carried out (the ingebrekestelling, not the policy's aanmaning).
    pub step: FollowUpStep,
    pub channel: FollowUpChannel,
    pub date: NaiveDate,
    pub reference: &'a str,
    pub invoices: &'a [LetterInvoice],
    /// One staffel over the summed principal, as assessed on the letter date.
    pub costs: Option<CollectionCosts>,
    /// The letter date lies more than six months after the newest rate of the claim's kind.
    pub stale_rate: Option<StaleRate>,
    pub at: chrono::NaiveDateTime,
    /// The betaallink template (Settings → Facturen), filled with the letter's total.
    pub payment_link: Option<&'a str>,
}

/// The composed letter: its PDF content, the e-mail text and the amounts to record.
pub(crate) struct LetterContent {
    pub pdf: LetterPdf,
    pub email: dto::EmailText,
    pub total: Decimal,
    pub costs: Option<Decimal>,
    pub costs_due_from: Option<NaiveDate>,
}

/// Days the herinnering, aanmaning and sommatie give to pay (§6.2: "new short term (7 days)";
/// 14 for the aanmaning).
fn term_days(step: FollowUpStep) -> u64 {
    match step {
        FollowUpStep::Dunning => 14,
        _ => 7,
    }
}

/// Whether a step's letter shows interest and costs (the herinnering and the
/// ingebrekestelling do not: §6.2 "no costs, no interest mentioned as charged").
fn shows_claim(step: FollowUpStep) -> bool {
    matches!(
        step,
        FollowUpStep::Dunning | FollowUpStep::FourteenDayLetter | FollowUpStep::HandOver
    )
}

/// A rate as the letter prints it: two decimals, a decimal comma in Dutch (10,40).
fn percent(rate: Decimal, lang: Language) -> String {
    let mut r = rate;
    r.rescale(2);
    match lang {
        Language::Nl => r.to_string().replace('.', ","),
        Language::En => r.to_string(),
    }
}

pub(crate) fn compose(input: &LetterInput<'_>) -> LetterContent {
    let client = input.client;
    let lang = client.document_language;
    let w = match lang {
        Language::Nl => &NL,
        Language::En => &EN,
    };
    let money = |d: Decimal| format_eur(d, lang);
    let p = input.profile;
    let claim = shows_claim(input.step);

    let principal: Decimal = input.invoices.iter().map(|i| i.open).sum();
    let interest: Decimal = if claim {
        input
            .invoices
            .iter()
            .filter_map(|i| i.interest.as_ref())
            .map(|b| b.interest_open)
            .sum()
    } else {
        Decimal::ZERO
    };
    let costs = input.costs.as_ref().filter(|_| claim);
    let costs_owed = costs.map_or(Decimal::ZERO, |c| c.owed);
    let total = principal + interest + costs_owed;
    let first_default = input
        .invoices
        .iter()
        .filter_map(|i| i.start.map(|s| s.date))
        .min();
    let per_day: Decimal = input
        .invoices
        .iter()
        .filter_map(|i| i.interest.as_ref())
        .map(InterestBreakdown::interest_per_day)
        .sum();
    let numbers = input
        .invoices
        .iter()
        .map(|i| i.number.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let pay_by = input
        .date
        .checked_add_days(chrono::Days::new(term_days(input.step)))
        .unwrap_or(input.date);
    let contact = [p.phone.as_deref(), p.email.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let kind = InterestKind::for_client(client.kind);
    // The basis of the interest, per invoice: the statutory kind, or the contractual rate of
    // the accepted voorwaarden (invoices of one letter may differ: one dated before the client
    // accepted them, one after).
    let basis_of = |i: &LetterInvoice| interest_basis(kind, i.terms.as_ref(), lang, Voice::Letter);
    let mut bases: Vec<String> = input
        .invoices
        .iter()
        .filter(|i| i.interest.is_some())
        .map(basis_of)
        .collect();
    bases.dedup();
    let contractual = input
        .invoices
        .iter()
        .find_map(|i| i.interest.as_ref().and_then(|b| b.contractual));
    // The sentence names the rate, then where it comes from, when every invoice has the same.
    let source = input
        .invoices
        .iter()
        .find_map(|i| i.terms.filter(|t| t.terms.interest.is_some()))
        .map(|t| t.source(lang, Voice::Letter));
    let (interest_label, interest_source) = match (contractual, bases.as_slice()) {
        (Some(rate), [_]) => (rate.describe(lang), source),
        _ => (kind.label(lang).to_lowercase(), None),
    };
    let costs_source = input
        .invoices
        .iter()
        .find_map(|i| costs_basis(i.terms.as_ref(), lang, Voice::Letter))
        .filter(|_| costs.is_some_and(|c| c.rule == tijdig_domain::CostsRule::BusinessContractual));
    let (total_s, pay_by_s) = (money(total), long_date(pay_by, lang));
    let default_s = first_default.filter(|_| claim).map(|d| long_date(d, lang));
    let costs_s = costs.map(|c| money(c.amount));
    // The first day costs are due rests on the estimated delivery of a posted letter; a letter
    // that arrives later would name a day inside its own term (HR 25-11-2016), so a posted
    // 14-dagenbrief names no date — the term itself is what counts.
    let costs_from_s = costs
        .and_then(|c| c.due_from)
        .filter(|_| {
            input.step != FollowUpStep::FourteenDayLetter || input.channel == FollowUpChannel::Email
        })
        .map(|d| long_date(d, lang));
    let per_day_s = (claim && per_day > Decimal::ZERO).then(|| money(per_day));
    let ctx = Ctx {
        lang,
        kind: client.kind,
        several: input.invoices.len() > 1,
        numbers: &numbers,
        total: &total_s,
        pay_by: &pay_by_s,
        default_from: default_s.as_deref(),
        costs: costs_s.as_deref(),
        costs_from: costs_from_s.as_deref(),
        costs_owed: costs_owed > Decimal::ZERO,
        per_day: per_day_s.as_deref(),
        contact: &contact,
        interest_label: &interest_label,
        interest_source: interest_source.as_deref(),
        costs_source: costs_source.as_deref(),
    };

    let mut body = vec![LetterBlock::Paragraph(words::opening(input.step, &ctx))];
    if claim {
        if let Some(sentence) = words::default_sentence(&ctx) {
            body.push(LetterBlock::Paragraph(sentence));
        }
    }
    let right = |header: &str, width: f32| Column {
        header: header.into(),
        width,
        align: Align::Right,
    };
    body.push(LetterBlock::Table(Table {
        columns: vec![
            Column {
                header: w.invoice.into(),
                width: 20.0,
                align: Align::Left,
            },
            right(w.date, 16.0),
            right(w.due, 16.0),
            right(w.amount, 16.0),
            right(w.paid, 16.0),
            right(w.open, 16.0),
        ],
        rows: input
            .invoices
            .iter()
            .map(|i| {
                vec![
                    i.number.clone(),
                    short_date(i.invoice_date, Language::Nl),
                    short_date(i.due_date, Language::Nl),
                    money(i.total),
                    money(i.paid),
                    money(i.open),
                ]
            })
            .collect(),
    }));
    let mut totals = vec![TotalRow {
        label: w.principal.into(),
        value: money(principal),
        strong: false,
    }];
    if claim && interest > Decimal::ZERO {
        totals.push(TotalRow {
            label: format!(
                "{} ({} {})",
                w.interest,
                w.computed_until,
                short_date(input.date, Language::Nl)
            ),
            value: money(interest),
            strong: false,
        });
    }
    if costs_owed > Decimal::ZERO {
        totals.push(TotalRow {
            label: w.costs.into(),
            value: money(costs_owed),
            strong: false,
        });
    }
    totals.push(TotalRow {
        label: w.total.into(),
        value: money(total),
        strong: true,
    });
    body.push(LetterBlock::Totals(totals));
    body.push(LetterBlock::Strong(words::request(input.step, &ctx)));
    for text in words::consequences(input.step, &ctx) {
        body.push(LetterBlock::Paragraph(text));
    }
    for text in words::contact(&ctx) {
        body.push(LetterBlock::Paragraph(text));
    }
    if let Some(payment) = payment_block(p, input, total, pay_by, lang) {
        body.push(LetterBlock::Payment(payment));
    }
    if claim && interest > Decimal::ZERO {
        body.push(LetterBlock::Heading(match bases.as_slice() {
            [one] => format!("{} — {one}", w.interest_heading),
            _ => w.interest_heading.to_string(),
        }));
        body.push(LetterBlock::Table(Table {
            columns: vec![
                Column {
                    header: w.invoice.into(),
                    width: 18.0,
                    align: Align::Left,
                },
                Column {
                    header: w.period.into(),
                    width: 30.0,
                    align: Align::Left,
                },
                right(w.days, 10.0),
                right(w.base, 16.0),
                right(w.rate, 10.0),
                right(w.interest, 14.0),
            ],
            rows: input
                .invoices
                .iter()
                .filter_map(|i| i.interest.as_ref().map(|b| (i, b)))
                .flat_map(|(i, b)| {
                    b.segments.iter().map(move |s| {
                        vec![
                            i.number.clone(),
                            format!(
                                "{} – {}",
                                short_date(s.from, Language::Nl),
                                short_date(s.to, Language::Nl)
                            ),
                            s.days.to_string(),
                            money(s.base),
                            format!(
                                "{}{}{}",
                                percent(s.rate, lang),
                                if s.per == RatePeriod::Month {
                                    w.per_month
                                } else {
                                    ""
                                },
                                if s.unverified { "*" } else { "" }
                            ),
                            money(s.amount),
                        ]
                    })
                })
                .collect(),
        }));
        let capitalisation = match (kind, lang) {
            (InterestKind::Statutory, Language::Nl) => "art. 6:119 lid 2 BW",
            (InterestKind::Statutory, Language::En) => "art. 6:119(2) BW",
            (InterestKind::Commercial, Language::Nl) => "art. 6:119a lid 3 BW",
            (InterestKind::Commercial, Language::En) => "art. 6:119a(3) BW",
        };
        if bases.len() > 1 {
            for i in input.invoices.iter().filter(|i| i.interest.is_some()) {
                body.push(LetterBlock::Small(format!(
                    "{} {}: {}",
                    w.invoice,
                    i.number,
                    basis_of(i)
                )));
            }
        }
        body.push(LetterBlock::Small(match contractual {
            Some(rate) => words::contractual_method(rate, lang),
            None => w.method.replace("{article}", capitalisation),
        }));
        let unverified = input
            .invoices
            .iter()
            .filter_map(|i| i.interest.as_ref())
            .any(|b| b.uses_unverified_rate());
        if unverified {
            body.push(LetterBlock::Small(w.unverified.into()));
        }
        if let Some(stale) = &input.stale_rate {
            body.push(LetterBlock::Small(
                w.stale
                    .replace("{kind}", kind.label(lang))
                    .replace("{from}", &long_date(stale.newest, lang))
                    .replace("{check}", &long_date(stale.check_from, lang)),
            ));
        }
    }

    let signer = p.legal_name.clone().unwrap_or_else(|| p.trade_name.clone());
    let mut closing = vec![w.regards.to_string(), String::new(), signer.clone()];
    if signer != p.trade_name {
        closing.push(p.trade_name.clone());
    }
    let (letterhead, return_line) = house_style(p, input.logo, lang);
    let subject = words::subject(input.step, &ctx);
    let city = p.address.city.clone().unwrap_or_default();
    let date_line = if city.is_empty() {
        long_date(input.date, lang)
    } else {
        format!("{city}, {}", long_date(input.date, lang))
    };
    let paragraphs: Vec<String> = body
        .iter()
        .filter_map(|b| match b {
            LetterBlock::Paragraph(t) | LetterBlock::Strong(t) => Some(t.clone()),
            // The betaallink goes in the e-mail as well, as a line of its own.
            LetterBlock::Payment(PaymentBlock {
                link: Some(link), ..
            }) => Some(format!("{}: {}", link.label, link.url)),
            _ => None,
        })
        .collect();
    let email = dto::EmailText {
        to: client.email.clone(),
        subject: subject.clone(),
        body: format!(
            "{}\n\n{}\n\n{}\n{}",
            words::salutation(lang, client.contact_person.as_deref()),
            paragraphs.join("\n\n"),
            w.regards,
            signer
        ),
    };
    let pdf = LetterPdf {
        meta: DocMeta {
            title: format!("{subject} ({})", input.reference),
            author: p.trade_name.clone(),
            subject: format!("{subject} — {}", client.name),
            document_id: document_id(&format!("{}|{}|{total}", input.reference, client.name)),
            created: timestamp(input.at),
        },
        letterhead,
        return_line,
        recipient_lines: recipient_lines(client, lang),
        date_line,
        meta_rows: vec![(w.our_reference.into(), input.reference.to_string())],
        subject: subject.clone(),
        salutation: words::salutation(lang, client.contact_person.as_deref()),
        body,
        closing,
        page_label: w.page.into(),
        running_head: Some(format!("{subject} · {}", input.reference)),
    };
    LetterContent {
        pdf,
        email,
        total,
        costs: costs.map(|c| c.amount),
        costs_due_from: costs.and_then(|c| c.due_from),
    }
}

/// The payment block with the betaallink when one is set: the letter's total, one invoice's
/// own reference (several: the letter's reference and their numbers).
fn payment_block(
    p: &BusinessProfile,
    input: &LetterInput<'_>,
    total: Decimal,
    pay_by: NaiveDate,
    lang: Language,
) -> Option<PaymentBlock> {
    let mut block = payment_block_rows(p, input.invoices, total, pay_by, input.step, lang)?;
    let (reference, numbers) = match input.invoices {
        [one] => (one.payment_reference.clone(), one.number.clone()),
        several => (
            input.reference.to_string(),
            several
                .iter()
                .map(|i| i.number.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
    };
    block.link =
        payment_link(input.payment_link, total, &reference, &numbers).map(|url| PaymentLink {
            label: match lang {
                Language::Nl => "Online betalen".into(),
                Language::En => "Pay online".into(),
            },
            url,
        });
    Some(block)
}

fn payment_block_rows(
    p: &BusinessProfile,
    invoices: &[LetterInvoice],
    total: Decimal,
    pay_by: NaiveDate,
    step: FollowUpStep,
    lang: Language,
) -> Option<PaymentBlock> {
    let w = match lang {
        Language::Nl => &NL,
        Language::En => &EN,
    };
    let iban = p.iban.as_ref()?;
    let holder = p
        .account_holder
        .clone()
        .unwrap_or_else(|| p.legal_name.clone().unwrap_or_else(|| p.trade_name.clone()));
    let mut rows = vec![(w.to_pay.to_string(), format_eur(total, lang))];
    if !matches!(
        step,
        FollowUpStep::NoticeOfDefault | FollowUpStep::FourteenDayLetter
    ) {
        rows.push((
            match lang {
                Language::Nl => "Uiterlijk op".into(),
                Language::En => "By".into(),
            },
            short_date(pay_by, Language::Nl),
        ));
    }
    rows.push((w.iban.into(), grouped(iban)));
    rows.push((w.holder.into(), holder.clone()));
    // One invoice: its own structured reference. Several: their numbers as free text, so
    // the bank statement names every invoice.
    let (reference, text) = match invoices {
        [one] => (Some(one.payment_reference.clone()), None),
        _ => (
            None,
            Some(
                invoices
                    .iter()
                    .map(|i| i.number.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        ),
    };
    match (&reference, &text) {
        (Some(r), _) => rows.push((
            w.reference.into(),
            PaymentReference::parse(r).map_or_else(|_| r.clone(), |r| r.printed()),
        )),
        (None, Some(t)) => rows.push((w.several_references.into(), t.clone())),
        (None, None) => {}
    }
    let qr = epc_qr_payload(&EpcPayment {
        name: &holder,
        iban,
        bic: None,
        amount: total,
        reference: reference.as_deref(),
        text: text.as_deref(),
    })
    .ok();
    Some(PaymentBlock {
        heading: w.payment.into(),
        rows,
        qr_caption: qr.as_ref().map(|_| w.scan.to_string()),
        qr_payload: qr,
        link: None,
    })
}
