//! What an overdue invoice's debtor owes today: verzuim (nl-rules-sources §2.3), statutory
//! interest (§3) and collection costs (§4), computed by the domain's follow-up engine. One
//! computation for the invoice page, the letters and the arrangements; how the invoice page
//! shows it is `services::invoice_view::claim_card`.

use crate::services::documents::dunning_letter::StaleRate;
use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use tijdig_domain::collection_costs::{
    cumulation_may_apply, CollectionCosts, CostsFacts, FourteenDayLetter, LetterCosts,
};
use tijdig_domain::default_start::{default_date, DefaultStart, NoticeOfDefault, PaymentTerms};
use tijdig_domain::follow_up::{FollowUpChannel, FollowUpStep};
use tijdig_domain::interest::{
    compute_claim as ledger, ClaimFacts, CostsDue, InterestBreakdown, InterestKind, RateTable,
};
use tijdig_domain::invoice::{self as rules, InvoiceStatus};
use tijdig_domain::late_payment_terms::AcceptedTerms;
use tijdig_domain::{letter_delivery, Client, ClientKind, Issue, LetterChannel};
use tijdig_store::{InvoiceRecord, PaymentRecord, SentLetter, Store, StoreError};

pub(crate) use crate::services::claim_basis::{
    accepted_terms, staffel_stipulated, ClaimBasis, ClaimInvoice, StoredBasis,
};

/// Stand van de vordering: what one invoice's debtor owes on a day — verzuim, interest, the
/// collection costs and every payment and waiver applied (art. 6:44 BW) — and the split every
/// screen, letter and export shows (reference README "The claim": one open figure).
#[derive(Clone)]
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
    /// Hoofdsom still open after art. 6:44 BW.
    pub principal_open: Decimal,
    pub interest_open: Decimal,
    /// Incassokosten owed on the day and not paid.
    pub costs_open: Decimal,
    /// Every euro received through the day (payments), and what credit notes took off.
    pub paid: Decimal,
    pub credited: Decimal,
    /// What the user waived (kwijtgescholden) through the day.
    pub waived: Decimal,
    /// The invoice total.
    pub total: Decimal,
    /// The principal the costs are computed over (open the day before they fall due).
    pub costs_over: Decimal,
    /// A small consumer claim the cumulatieregeling may limit: no costs were charged
    /// automatically ([`tijdig_domain::collection_costs::cumulation_may_apply`]).
    pub cumulation: bool,
    /// The accepted version of the algemene voorwaarden whose own interest or costs this claim
    /// uses (business clients only): every screen and letter names it as the basis.
    pub terms: Option<AcceptedTerms>,
}

impl InvoiceClaim {
    /// Totaal openstaand: the whole claim on the day.
    pub fn total_open(&self) -> Decimal {
        self.principal_open + self.interest_open + self.costs_open
    }

    /// The part of the claim beyond the invoice amount still open: interest and costs as a
    /// user sees them. Art. 6:44 applies payments to them first, so legally some of it is
    /// principal (claims.json C9); the sum is the same.
    pub fn interest_and_costs_open(&self) -> Decimal {
        // Money received beyond the invoice amount paid interest and costs: it leaves no
        // negative invoice amount to add back.
        let invoice_open =
            rules::outstanding(self.total, self.paid, self.credited).max(Decimal::ZERO);
        (self.total_open() - invoice_open).max(Decimal::ZERO)
    }

    /// The factuurstatus this claim gives (rente/kosten open included).
    pub fn status(&self, record: &InvoiceRecord, today: NaiveDate) -> InvoiceStatus {
        rules::status(
            record.issued.is_some(),
            rules::due_date(record.draft.invoice_date, record.draft.payment_term_days),
            today,
            self.total,
            self.paid,
            self.credited,
            self.total_open(),
        )
    }
}

/// A payment not stored (yet): one being checked, or one the caller has only as (day, amount).
pub(crate) fn received(invoice_id: i64, paid_on: NaiveDate, amount: Decimal) -> PaymentRecord {
    PaymentRecord {
        id: 0,
        invoice_id,
        paid_on,
        amount,
        method: String::new(),
        note: None,
        bank_transaction_id: None,
    }
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
        // A letter is never a phone call or a message; treated as posted, its safest reading.
        FollowUpChannel::Letter | FollowUpChannel::Phone | FollowUpChannel::Message => {
            LetterChannel::Post
        }
    }
}

pub(crate) fn default_start(
    client: &Client,
    invoice: &ClaimInvoice,
    letters: &[SentLetter],
) -> Option<DefaultStart> {
    let terms = PaymentTerms {
        invoice_date: invoice.invoice_date,
        receipt_date: None,
        agreed_term_days: Some(invoice.payment_term_days),
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

/// The letter that decides an invoice's costs when it was about several invoices, with the
/// costs it named over their summed principal (each invoice bears its share,
/// [`CollectionCosts::share_of_letter`]): for a consumer the 14-dagenbrief; for a business with
/// the staffel stipulated the first letter sent about it and others together.
fn shared_letter_costs(
    letters: &[SentLetter],
    start: &DefaultStart,
    kind: ClientKind,
    staffel_stipulated: bool,
) -> Option<LetterCosts> {
    let decides = |l: &&SentLetter| match kind {
        ClientKind::Consumer => {
            l.step == FollowUpStep::FourteenDayLetter && l.sent_on >= start.date
        }
        ClientKind::Business => staffel_stipulated && l.costs_principal.is_some(),
    };
    letters
        .iter()
        .filter(decides)
        .min_by_key(|l| l.sent_on)
        .filter(|l| l.invoices > 1)
        .and_then(|l| {
            Some(LetterCosts {
                costs: l.costs?,
                principal: l.costs_principal?,
                invoices: u32::try_from(l.invoices).unwrap_or(u32::MAX),
            })
        })
}

/// The costs of several invoices' claims together, as one letter asks them: each invoice's own
/// costs (€ 40 per late business invoice; a consumer's staffel or share of one) with what is
/// still open of them (`owed`). `None` when no invoice has costs.
pub(crate) fn summed_costs(claims: &[(CollectionCosts, Decimal)]) -> Option<CollectionCosts> {
    let (first, _) = claims.first()?;
    let mut sum = CollectionCosts {
        base: Decimal::ZERO,
        btw: Decimal::ZERO,
        amount: Decimal::ZERO,
        owed: Decimal::ZERO,
        due_from: None,
        ..first.clone()
    };
    for (costs, open) in claims {
        sum.base += costs.base;
        sum.btw += costs.btw;
        sum.amount += costs.amount;
        sum.owed += *open;
        sum.due_from = match (sum.due_from, costs.due_from) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    Some(sum)
}

/// One staffel over several invoices of one debtor (reference README: summed principal) on
/// `on`. `letters` holds each invoice's 14-dagenbrief: a consumer owes costs only when every
/// invoice had its own (the latest delivery counts); `new_letter` is the 14-dagenbrief being
/// written now. Costs already paid (payments go to costs first, art. 6:44 BW) or waived are not
/// owed again.
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
            contractual: None,
            letter,
            btw_surcharge: false,
        },
        on,
    );
    costs.owed = (costs.owed - costs_paid).max(Decimal::ZERO);
    costs
}

/// The claim of one invoice on `on`: interest from the first day of verzuim; the costs over
/// the principal still open on the day before they fall due (payments before it lowered the
/// hoofdsom, Besluit BIK art. 2 over "de hoofdsom"); every payment and waiver through `on`
/// applied in the order of art. 6:44 BW. A draft or an invoice without verzuim owes its
/// principal only.
pub(crate) fn compute_claim(
    table: &RateTable,
    basis: &ClaimBasis<'_>,
    on: NaiveDate,
) -> InvoiceClaim {
    let paid = basis.paid_through(on);
    let waived = basis.waived_through(on);
    let gross = (basis.total() - basis.credited).max(Decimal::ZERO);
    let simple = |start: Option<DefaultStart>| InvoiceClaim {
        start,
        interest: None,
        costs: None,
        problem: None,
        rate_warning: None,
        principal_open: (gross - paid - waived).max(Decimal::ZERO),
        interest_open: Decimal::ZERO,
        costs_open: Decimal::ZERO,
        paid,
        credited: basis.credited,
        waived,
        total: basis.total(),
        costs_over: Decimal::ZERO,
        cumulation: false,
        terms: None,
    };
    if basis.invoice.issued_total.is_none() {
        return simple(None);
    }
    let Some(start) =
        default_start(basis.client, &basis.invoice, basis.letters).filter(|s| s.date <= on)
    else {
        return simple(None);
    };
    if basis.arranged {
        return simple(Some(start));
    }
    let kind = InterestKind::for_client(basis.client.kind);
    // The accepted voorwaarden's own rate replaces the statutory one as stipulated (simple or
    // compounded); no rentetabel row is read, so no stale-table warning either.
    let contractual = basis.terms.and_then(|t| t.terms.interest);
    let rate_warning = match contractual {
        Some(_) => None,
        None => table.stale_on(kind, on),
    };
    let payments: Vec<(NaiveDate, Decimal)> = basis
        .payments
        .iter()
        .map(|p| (p.paid_on, p.amount))
        .collect();
    let facts = ClaimFacts {
        kind,
        principal: gross,
        first_day: start.date,
        costs: &[],
        payments: &payments,
        waivers: basis.waivers,
        until: on,
        compound: contractual.is_none_or(|c| c.compound),
        contractual,
    };
    let shared = shared_letter_costs(
        basis.letters,
        &start,
        basis.client.kind,
        basis.staffel_stipulated,
    );
    let assess = |principal: Decimal| {
        let own = CollectionCosts::assess(
            &CostsFacts {
                client: basis.client.kind,
                principal,
                first_day_of_default: start.date,
                staffel_stipulated: basis.staffel_stipulated,
                contractual: basis.terms.and_then(|t| t.terms.costs),
                letter: fourteen_day_letter(basis.letters, Some(&start)),
                btw_surcharge: false,
            },
            on,
        );
        // A letter about several invoices named one staffel over them all: this invoice bears
        // its share of it, not a staffel (and € 40 minimum) of its own.
        match shared {
            Some(letter) => own.share_of_letter(letter, principal, on),
            None => own,
        }
    };
    // The costs are owed from their own day: a payment before it (before verzuim, or inside a
    // consumer's 14-dagenbrief term) pays none of them and lowers the principal they are
    // computed over (README "The claim", claims.json C2/C3).
    let mut costs_over = gross;
    let mut costs = assess(gross);
    if let Some(due_from) = costs.due_from {
        let before = due_from.pred_opt().unwrap_or(due_from);
        let probe = ClaimFacts {
            until: before.min(on),
            ..facts
        };
        match ledger(table, &probe) {
            Ok(probe) => {
                costs_over = probe.principal_open;
                costs = assess(costs_over);
            }
            Err(issue) => {
                return InvoiceClaim {
                    problem: Some(issue),
                    rate_warning,
                    ..simple(Some(start))
                }
            }
        }
    }
    // The cumulatieregeling may limit these costs and its text is not confirmed: none are
    // charged automatically, and the claim says why.
    let own_letter = basis
        .letters
        .iter()
        .filter(|l| l.step == FollowUpStep::FourteenDayLetter && l.sent_on >= start.date)
        .min_by_key(|l| l.sent_on)
        .map(|l| (l.letter_id, l.sent_on));
    let cumulation = basis.client.kind == ClientKind::Consumer
        && own_letter
            .is_some_and(|own| cumulation_may_apply(gross, own, basis.client_fourteen_day_letters));
    if cumulation {
        costs = CollectionCosts {
            base: Decimal::ZERO,
            btw: Decimal::ZERO,
            amount: Decimal::ZERO,
            owed: Decimal::ZERO,
            ..costs
        };
    }
    let costs_due = costs.due_from.map(|due_from| CostsDue {
        amount: costs.amount,
        due_from,
    });
    let facts = ClaimFacts {
        costs: costs_due.as_slice(),
        ..facts
    };
    match ledger(table, &facts) {
        Ok(breakdown) => InvoiceClaim {
            costs_over,
            cumulation,
            principal_open: breakdown.principal_open,
            interest_open: breakdown.interest_open,
            costs_open: breakdown.costs_open,
            interest: Some(breakdown),
            costs: Some(costs),
            rate_warning,
            terms: basis.terms,
            ..simple(Some(start))
        },
        Err(issue) => InvoiceClaim {
            costs_over,
            cumulation,
            problem: Some(issue),
            rate_warning,
            costs: Some(costs),
            terms: basis.terms,
            ..simple(Some(start))
        },
    }
}

/// The most a debtor can pay on `day` (the whole claim that day), given every other payment:
/// more would leave money that pays nothing, there or on a later payment.
pub(crate) fn payment_maximum(
    table: &RateTable,
    basis: &ClaimBasis<'_>,
    day: NaiveDate,
) -> Decimal {
    let until = basis
        .payments
        .iter()
        .map(|p| p.paid_on)
        .chain(basis.waivers.iter().map(|(d, _)| *d))
        .fold(day, NaiveDate::max);
    let upper = compute_claim(table, basis, day).total_open();
    if until == day {
        return upper;
    }
    // Later payments exist: the largest amount that leaves every payment fully applied.
    let fits = |cents: i64| {
        let mut payments = basis.payments.to_vec();
        payments.push(received(basis.invoice.id, day, Decimal::new(cents, 2)));
        let probe = ClaimBasis {
            payments: &payments,
            ..*basis
        };
        let claim = compute_claim(table, &probe, until);
        match &claim.interest {
            Some(ledger) => ledger.payments.iter().all(|p| p.unapplied.is_zero()),
            // No verzuim by then: money beyond the invoice amount pays nothing.
            None => claim.paid + claim.waived <= claim.total - claim.credited,
        }
    };
    let mut low = 0i64;
    let mut high = (upper * Decimal::ONE_HUNDRED).trunc().to_i64().unwrap_or(0);
    if high <= 0 {
        return Decimal::ZERO;
    }
    if fits(high) {
        return Decimal::new(high, 2);
    }
    while high - low > 1 {
        let mid = (low + high) / 2;
        if fits(mid) {
            low = mid;
        } else {
            high = mid;
        }
    }
    Decimal::new(low, 2)
}

/// Openstaand bedrag of an issued invoice on `on`: its whole claim (principal, interest and
/// costs after art. 6:44 BW; a draft has nothing open). Every use-case that books money on an
/// invoice asks here or in this module.
pub(crate) fn open_amount(
    store: &Store,
    record: &InvoiceRecord,
    on: NaiveDate,
) -> Result<Decimal, StoreError> {
    if record.issued.is_none() {
        return Ok(Decimal::ZERO);
    }
    let table = rate_table(store)?;
    Ok(claim_of(store, &table, record, on)?.total_open())
}

/// The claim of one stored invoice on `on`, read from the store (the invoice page and every
/// use-case that books money on one invoice; lists read in sets and call [`compute_claim`]).
pub(crate) fn claim_of(
    store: &Store,
    table: &RateTable,
    record: &InvoiceRecord,
    on: NaiveDate,
) -> Result<InvoiceClaim, StoreError> {
    let stored = StoredBasis::read(store, record)?;
    Ok(compute_claim(table, &stored.basis(record), on))
}

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
