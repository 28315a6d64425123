//! What an overdue invoice's debtor owes today: verzuim (nl-rules-sources §2.3), statutory
//! interest (§3) and collection costs (§4), computed by the domain's follow-up engine. One
//! computation for the invoice page, the letters and the arrangements; how the invoice page
//! shows it is `services::invoice_view::claim_card`.

use crate::services::documents::dunning_letter::StaleRate;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::collection_costs::{CollectionCosts, CostsFacts, FourteenDayLetter};
use tijdig_domain::default_start::{default_date, DefaultStart, NoticeOfDefault, PaymentTerms};
use tijdig_domain::follow_up::{FollowUpChannel, FollowUpStep};
use tijdig_domain::interest::{
    compute_claim as ledger, ClaimFacts, CostsDue, InterestBreakdown, InterestKind, RateTable,
};
use tijdig_domain::{letter_delivery, Client, ClientKind, Issue, LetterChannel};
use tijdig_store::{InvoiceRecord, PaymentRecord, SentLetter, Store, StoreError};

/// What one invoice's debtor owes on a day: verzuim, interest and (for this invoice alone)
/// the collection costs. Shared by the invoice page and the letters.
pub(crate) struct InvoiceClaim {
    pub start: Option<DefaultStart>,
    pub interest: Option<InterestBreakdown>,
    pub costs: Option<CollectionCosts>,
    /// Why there is no interest although verzuim started: the rentetabel lacks a rate
    /// ("rentetabel onvolledig"). An error, never to be read as "not in default".
    pub problem: Option<Issue>,
    /// The figure is for a day more than six months after the newest rate of its kind
    /// ("rentetabel mogelijk niet actueel"): shown wherever the figure appears.
    pub rate_warning: Option<Issue>,
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
            problem: None,
            rate_warning: None,
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
    // The costs are owed from their own day: a payment before it (before verzuim, or inside a
    // consumer's 14-dagenbrief term) pays none of them (README "The claim", claims.json C2/C3).
    let costs_due = costs.due_from.map(|due_from| CostsDue {
        amount: costs.amount,
        due_from,
    });
    let facts = ClaimFacts {
        kind,
        principal: gross,
        first_day: start.date,
        costs: costs_due.as_slice(),
        payments: &paid,
        until: on,
        compound: true,
    };
    let (interest, problem) = match ledger(table, &facts) {
        Ok(breakdown) => (Some(breakdown), None),
        Err(issue) => (None, Some(issue)),
    };
    InvoiceClaim {
        start: Some(start),
        interest,
        costs: Some(costs),
        problem,
        rate_warning: table.stale_on(kind, on),
    }
}

/// Adds the rates this version ships that the database does not have yet (at every start).
pub(crate) fn sync_shipped_rates(store: &mut Store) -> Result<(), StoreError> {
    store
        .sync_shipped_rates(&RateTable::seeded().rates)
        .map(|_| ())
}

/// The rate table as stored (the seeded one if the stored rows do not form a valid table).
pub(crate) fn rate_table(store: &Store) -> Result<RateTable, StoreError> {
    Ok(
        RateTable::from_rates(store.rates()?.into_iter().map(|r| r.rate).collect())
            .unwrap_or_else(|_| RateTable::seeded()),
    )
}

/// The facts of a letter's stale-rate footnote, from the warning [`RateTable::stale_on`] gave.
pub(crate) fn stale_rate_of(warning: &Issue) -> Option<StaleRate> {
    match *warning {
        Issue::RateTableStale {
            newest, check_from, ..
        } => Some(StaleRate { newest, check_from }),
        _ => None,
    }
}
