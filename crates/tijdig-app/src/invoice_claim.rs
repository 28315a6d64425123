//! What an overdue invoice's debtor owes today: verzuim (nl-rules-sources §2.3), statutory
//! interest (§3) and collection costs (§4), computed by the domain's follow-up engine.

use crate::dto;
use crate::invoice_form::show_date as day;
use crate::invoice_view::amount;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::collection_costs::{CollectionCosts, CostsFacts, FourteenDayLetter};
use tijdig_domain::default_start::{default_date, DefaultStart, NoticeOfDefault, PaymentTerms};
use tijdig_domain::follow_up::{FollowUpChannel, FollowUpStep};
use tijdig_domain::interest::{compute_interest, InterestBreakdown, InterestKind, RateTable};
use tijdig_domain::money::format_eur;
use tijdig_domain::{letter_delivery, Client, ClientKind, Language, LetterChannel};
use tijdig_store::{InvoiceRecord, PaymentRecord, SentLetter, Store, StoreError};

/// What one invoice's debtor owes on a day: verzuim, interest and (for this invoice alone)
/// the collection costs. Shared by the invoice page and the letters.
pub(crate) struct InvoiceClaim {
    pub start: Option<DefaultStart>,
    pub interest: Option<InterestBreakdown>,
    pub costs: Option<CollectionCosts>,
}

/// The ingebrekestelling (the first one) and the 14-dagenbrief (the first sent on or after the
/// first day of verzuim) among the letters about an invoice.
pub(crate) fn notice_of(letters: &[SentLetter]) -> Option<NoticeOfDefault> {
    letters
        .iter()
        .filter(|l| l.step == FollowUpStep::NoticeOfDefault)
        .min_by_key(|l| l.sent_on)
        .map(|l| NoticeOfDefault {
            delivered_on: l
                .delivered_on
                .unwrap_or_else(|| letter_delivery(l.sent_on, letter_channel(l.channel))),
            term_days: NOTICE_TERM_DAYS,
        })
}

/// The term an ingebrekestelling gives: fourteen days from the day after delivery, as the
/// 14-dagenbrief (§6.2 "reasonable term (e.g. 14 days)").
pub(crate) const NOTICE_TERM_DAYS: u32 = 14;

pub(crate) fn letter_channel(channel: FollowUpChannel) -> LetterChannel {
    match channel {
        FollowUpChannel::Email => LetterChannel::Email,
        FollowUpChannel::Letter | FollowUpChannel::Phone => LetterChannel::Post,
    }
}

pub(crate) fn default_start(
    client: &Client,
    record: &InvoiceRecord,
    letters: &[SentLetter],
) -> Option<DefaultStart> {
    let terms = PaymentTerms {
        invoice_date: record.draft.invoice_date,
        receipt_date: None,
        agreed_term_days: Some(record.draft.payment_term_days),
        term_is_fatal: false,
        large_company_debtor: client.large_company,
        notice: notice_of(letters),
    };
    default_date(client.kind, &terms)
}

pub(crate) fn fourteen_day_letter(
    letters: &[SentLetter],
    start: Option<&DefaultStart>,
) -> Option<FourteenDayLetter> {
    letters
        .iter()
        .filter(|l| l.step == FollowUpStep::FourteenDayLetter)
        .filter(|l| start.is_some_and(|s| l.sent_on >= s.date))
        .min_by_key(|l| l.sent_on)
        .map(|l| FourteenDayLetter {
            sent_on: l.sent_on,
            channel: letter_channel(l.channel),
            delivered_on: l.delivered_on,
        })
}

/// One staffel over several invoices of one debtor (reference README: summed principal) on
/// `on`. `letters` holds each invoice's 14-dagenbrief: a consumer owes costs only when every
/// invoice had its own (the latest delivery counts); `new_letter` is the 14-dagenbrief being
/// written now. Costs already paid (payments go to costs first, art. 6:44 BW) are not owed again.
pub(crate) fn combined_costs(
    client: ClientKind,
    principal: Decimal,
    first_day_of_default: NaiveDate,
    letters: &[Option<FourteenDayLetter>],
    new_letter: Option<FourteenDayLetter>,
    costs_paid: Decimal,
    on: NaiveDate,
) -> CollectionCosts {
    let letter = new_letter.or_else(|| {
        if letters.iter().all(Option::is_some) {
            letters
                .iter()
                .flatten()
                .max_by_key(|l| l.delivered())
                .copied()
        } else {
            None
        }
    });
    let mut costs = CollectionCosts::assess(
        &CostsFacts {
            client,
            principal,
            first_day_of_default,
            staffel_stipulated: false,
            letter,
            btw_surcharge: false,
        },
        on,
    );
    costs.owed = (costs.owed - costs_paid).max(Decimal::ZERO);
    costs
}

/// The claim of one invoice on `on` (interest and costs only from the first day of verzuim).
#[allow(clippy::too_many_arguments)]
pub(crate) fn compute_claim(
    table: &RateTable,
    client: &Client,
    record: &InvoiceRecord,
    principal: Decimal,
    payments: &[PaymentRecord],
    letters: &[SentLetter],
    on: NaiveDate,
) -> InvoiceClaim {
    let Some(start) = default_start(client, record, letters).filter(|s| s.date <= on) else {
        return InvoiceClaim {
            start: None,
            interest: None,
            costs: None,
        };
    };
    let costs = CollectionCosts::assess(
        &CostsFacts {
            client: client.kind,
            principal,
            first_day_of_default: start.date,
            staffel_stipulated: false,
            letter: fourteen_day_letter(letters, Some(&start)),
            btw_surcharge: false,
        },
        on,
    );
    let paid: Vec<(NaiveDate, Decimal)> = payments.iter().map(|p| (p.paid_on, p.amount)).collect();
    let gross = principal + paid.iter().map(|(_, a)| *a).sum::<Decimal>();
    let kind = InterestKind::for_client(client.kind);
    let interest = compute_interest(table, kind, gross, start.date, on, &paid, costs.owed).ok();
    InvoiceClaim {
        start: Some(start),
        interest,
        costs: Some(costs),
    }
}

/// The rate table as stored (the seeded one if the stored rows do not form a valid table).
pub(crate) fn rate_table(store: &Store) -> Result<RateTable, StoreError> {
    Ok(
        RateTable::from_rates(store.rates()?.into_iter().map(|r| r.rate).collect())
            .unwrap_or_else(|_| RateTable::seeded()),
    )
}

/// `None` when the invoice is not (yet) overdue; otherwise the claim or why there is none yet.
pub(crate) fn default_info(
    store: &Store,
    record: &InvoiceRecord,
    principal: Decimal,
    payments: &[PaymentRecord],
    today: NaiveDate,
    lang: Language,
) -> Result<Option<dto::DefaultInfo>, StoreError> {
    let due =
        tijdig_domain::invoice::due_date(record.draft.invoice_date, record.draft.payment_term_days);
    if record.issued.is_none() || principal <= Decimal::ZERO || today <= due {
        return Ok(None);
    }
    let client = store.client(record.draft.client_id)?.client;
    let letters = store.sent_letters(record.id)?;
    let table = rate_table(store)?;
    let claim = compute_claim(
        &table, &client, record, principal, payments, &letters, today,
    );
    let (Some(costs), Some(interest)) = (claim.costs, claim.interest) else {
        let explanation = match (client.kind, lang) {
            (ClientKind::Consumer, Language::Nl) => "Een particulier is nog niet in verzuim: dat begint pas na een ingebrekestelling met een redelijke termijn. Tot dan rekent Tijdig geen rente of kosten.",
            (ClientKind::Consumer, Language::En) => "A consumer is not yet in default: that only starts after a notice of default with a reasonable term. Until then Tijdig charges no interest or costs.",
            (_, Language::Nl) => "De klant is nog niet in verzuim.",
            (_, Language::En) => "The client is not yet in default.",
        };
        return Ok(Some(dto::DefaultInfo {
            claim: None,
            explanation: Some(explanation.into()),
        }));
    };
    let kind = InterestKind::for_client(client.kind);
    let costs_note = match (costs.due_from, lang) {
        (Some(from), Language::Nl) => format!(
            "{} vanaf {} (art. 6:96 BW, Besluit BIK).",
            format_eur(costs.amount, lang),
            day(from)
        ),
        (Some(from), Language::En) => format!(
            "{} from {} (art. 6:96 BW, BIK decree).",
            format_eur(costs.amount, lang),
            day(from)
        ),
        (None, Language::Nl) => format!(
            "Nog geen incassokosten: eerst een 14-dagenbrief; daarna {}.",
            format_eur(costs.amount, lang)
        ),
        (None, Language::En) => format!(
            "No collection costs yet: first a 14-day letter; then {}.",
            format_eur(costs.amount, lang)
        ),
    };
    let claim = dto::Claim {
        interest_label: format!("{} ({})", kind.label(lang), kind.article()),
        first_day: day(interest.first_day),
        until: day(interest.until),
        segments: interest
            .segments
            .iter()
            .map(|s| dto::ClaimSegment {
                from: day(s.from),
                to: day(s.to),
                days: s.days,
                base: amount(s.base),
                rate: s.rate.to_string(),
                amount: amount(s.amount),
                unverified: s.unverified,
            })
            .collect(),
        principal: amount(interest.principal_open),
        interest: amount(interest.interest_open),
        costs: amount(interest.costs_open),
        costs_note,
        total: amount(interest.total_open()),
    };
    Ok(Some(dto::DefaultInfo {
        claim: Some(claim),
        explanation: None,
    }))
}
