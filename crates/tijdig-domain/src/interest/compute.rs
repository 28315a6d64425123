//! Renteberekening: statutory interest over a period, split into the segments a letter prints
//! (nl-rules-sources §3.3–§3.5; README "Statutory interest").
//!
//! Conventions (README):
//! - the period runs from the first day of verzuim through `until`, both inclusive;
//! - a new segment starts at every row of the rentetabel, every anniversary of the first day
//!   (compounding) and the day after every payment;
//! - per segment `base × rate × days / 365` (365 also in leap years), rounded to the cent;
//! - on each anniversary of the first day of verzuim the unpaid interest of the year just ended
//!   is added to the base (art. 6:119 lid 2, 6:119a lid 3 BW); a 29 February start has its
//!   anniversary on 28 February in other years;
//! - a payment is applied to costs, then interest, then principal (art. 6:44 BW).
//!
//! A payment counts on its own day: the paid amount still bears interest that day (art. 6:119a
//! lid 1: "tot en met de dag waarop de schuldenaar de geldsom heeft voldaan"; vectors H1/B13),
//! and the lower base starts the day after. The Rentetool example R0 (§3.5) instead lets a
//! payment of 12 December 2014 lower the base from 12 December itself (197 days to
//! 11 December). Vectors B1 and B2 are that example's two halves with fixed dates and pass as
//! given; for the payment itself the README convention decides, so the same claim computed here
//! in one go counts 12 December at the old base (see the test
//! `r0_the_payment_day_counts_at_the_old_base_by_the_readme_convention`).
//!
//! Within the interest, a payment goes to the oldest first: capitalised interest of earlier
//! years (which lowers the base), then the interest of the running year.

use std::collections::BTreeSet;

use chrono::{Days, Months, NaiveDate};
use rust_decimal::Decimal;

use super::{InterestKind, RateTable};
use crate::late_payment_terms::{ContractualInterest, RatePeriod};
use crate::money::round_cents;
use crate::Issue;

/// Day-count denominator: actual days / 365, also in leap years (§3.4, README).
pub const DAYS_IN_YEAR: i64 = 365;

/// Rentesegment: one line of the renteberekening ("20 dagen à 3 % over € 1.648,58 = € 2,71").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestSegment {
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
    pub days: i64,
    /// Grondslag: principal plus capitalised interest still open.
    pub base: Decimal,
    /// Percentage per [`Self::per`]: per year for the statutory rates; a contractual rate as
    /// the clause states it.
    pub rate: Decimal,
    pub per: RatePeriod,
    /// The rate is marked unverified in the rentetabel; the letter must say so.
    pub unverified: bool,
    /// round_cents(base × rate / 100 × days / 365); per month: × days / the days of that month
    /// (counted from the first day of verzuim).
    pub amount: Decimal,
}

/// Kapitalisatie (rente op rente): on an anniversary of the first day of verzuim, the unpaid
/// interest of the year just ended joins the base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capitalisation {
    pub on: NaiveDate,
    pub amount: Decimal,
    /// The base from this day.
    pub base_after: Decimal,
}

/// Toerekening van een betaling (art. 6:44 BW): how one payment was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedPayment {
    pub on: NaiveDate,
    pub amount: Decimal,
    pub to_costs: Decimal,
    pub to_interest: Decimal,
    pub to_principal: Decimal,
    /// More than was owed (the caller decides: refund or keep as credit).
    pub unapplied: Decimal,
}

/// Incassokosten that become owed on a day (README "The claim"): a payment on or after
/// `due_from` pays them first; a payment before it leaves them alone (before verzuim, or for a
/// consumer before the 14-dagenbrief's term has passed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CostsDue {
    pub amount: Decimal,
    /// Verschuldigd vanaf.
    pub due_from: NaiveDate,
}

/// De vordering: everything that decides what the debtor of one claim owes through `until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimFacts<'a> {
    pub kind: InterestKind,
    /// Hoofdsom incl. btw, before any payment.
    pub principal: Decimal,
    /// Eerste verzuimdag: interest runs from this day (inclusive).
    pub first_day: NaiveDate,
    /// The collection costs, each owed from its own day.
    pub costs: &'a [CostsDue],
    /// Betalingen (date, amount), in any order; those after `until` are left out.
    pub payments: &'a [(NaiveDate, Decimal)],
    /// Kwijtscheldingen (date, amount): what the creditor gave up on a day, applied in the order
    /// of a payment (costs owed that day, interest, then the principal that art. 6:44 left open
    /// because earlier payments went to costs and interest first); in any order, those after
    /// `until` left out. The caller bounds a waiver by the interest and costs ever owed.
    pub waivers: &'a [(NaiveDate, Decimal)],
    /// Berekend tot en met.
    pub until: NaiveDate,
    /// Rente op rente on every anniversary of the first day (art. 6:119 lid 2, 6:119a lid 3);
    /// `false` only for a contract that stipulates simple interest.
    pub compound: bool,
    /// Contractuele rente (business clients whose accepted voorwaarden stipulate it): this rate
    /// instead of the rentetabel's ([`crate::late_payment_terms`]). `compound` follows the
    /// clause.
    pub contractual: Option<ContractualInterest>,
}

/// Renteoverzicht: everything a letter prints about the interest of one claim, calculated
/// "tot en met" `until`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestBreakdown {
    pub kind: InterestKind,
    /// The contractual rate used instead of `kind`'s statutory rate.
    pub contractual: Option<ContractualInterest>,
    /// Eerste verzuimdag.
    pub first_day: NaiveDate,
    /// Berekend tot en met.
    pub until: NaiveDate,
    pub segments: Vec<InterestSegment>,
    pub capitalisations: Vec<Capitalisation>,
    /// Payments on or before `until`, in date order; later ones are left out.
    pub payments: Vec<AppliedPayment>,
    /// All interest over the period (the sum of the segments).
    pub interest_total: Decimal,
    pub interest_paid: Decimal,
    /// interest_total − interest_paid.
    pub interest_open: Decimal,
    /// Hoofdsom still open.
    pub principal_open: Decimal,
    pub costs_paid: Decimal,
    /// Kwijtscheldingen, applied like payments (no money, so not in `payments`).
    pub waivers: Vec<AppliedPayment>,
    /// Costs owed on `until` and not paid.
    pub costs_open: Decimal,
    /// Costs not owed yet on `until` (a consumer's 14-dagenbrief term still running): not part
    /// of the claim on that day.
    pub costs_pending: Decimal,
    /// The base on `until` (principal open + capitalised interest open).
    pub base_at_end: Decimal,
}

impl InterestBreakdown {
    /// Totaal openstaand: principal + interest + costs.
    pub fn total_open(&self) -> Decimal {
        self.principal_open + self.interest_open + self.costs_open
    }

    /// Rentedagen: the days that bore interest.
    pub fn days(&self) -> i64 {
        self.segments.iter().map(|s| s.days).sum()
    }

    /// Whether any segment used a rate marked unverified.
    pub fn uses_unverified_rate(&self) -> bool {
        self.segments.iter().any(|s| s.unverified)
    }

    /// Rente per dag after `until` at the last segment's rate: round_cents(base × rate / 36500)
    /// (a monthly rate × 12).
    pub fn interest_per_day(&self) -> Decimal {
        self.segments.last().map_or(Decimal::ZERO, |last| {
            let yearly = match last.per {
                RatePeriod::Month => last.rate * Decimal::from(12),
                RatePeriod::Year => last.rate,
            };
            round_cents(self.base_at_end * yearly / Decimal::from(100 * DAYS_IN_YEAR))
        })
    }

    /// Costs no longer owed: paid, or given up by a waiver (a later letter asks neither again).
    pub fn costs_settled(&self) -> Decimal {
        self.costs_paid + self.waivers.iter().map(|w| w.to_costs).sum::<Decimal>()
    }

    /// Everything given up by waivers.
    pub fn waived_total(&self) -> Decimal {
        self.waivers.iter().map(|w| w.amount - w.unapplied).sum()
    }

    /// All money that reached the creditor and was applied.
    pub fn paid_total(&self) -> Decimal {
        self.payments.iter().map(|p| p.amount - p.unapplied).sum()
    }
}

/// Statutory interest with compounding (art. 6:119 lid 2 / 6:119a lid 3 BW) of `principal`
/// (hoofdsom incl. btw) from `first_day_of_default` through `until_inclusive`. `payments` are
/// (date, amount) in any order; `costs` are the collection costs, owed from the first day of
/// verzuim, which a payment from that day pays first and which bear no interest (§3.3:
/// "simplest: no interest on BIK"). [`compute_claim`] with one costs amount.
pub fn compute_interest(
    table: &RateTable,
    kind: InterestKind,
    principal: Decimal,
    first_day_of_default: NaiveDate,
    until_inclusive: NaiveDate,
    payments: &[(NaiveDate, Decimal)],
    costs: Decimal,
) -> Result<InterestBreakdown, Issue> {
    let facts = OneCostsAmount {
        kind,
        principal,
        first_day: first_day_of_default,
        until: until_inclusive,
        costs,
    };
    facts.compute(table, payments, true)
}

/// The same without capitalisation: for a contract that stipulates simple interest (§3.3:
/// "contractual deviation (simple interest, other rate) is allowed"), and vector B8.
pub fn compute_simple_interest(
    table: &RateTable,
    kind: InterestKind,
    principal: Decimal,
    first_day_of_default: NaiveDate,
    until_inclusive: NaiveDate,
    payments: &[(NaiveDate, Decimal)],
    costs: Decimal,
) -> Result<InterestBreakdown, Issue> {
    let facts = OneCostsAmount {
        kind,
        principal,
        first_day: first_day_of_default,
        until: until_inclusive,
        costs,
    };
    facts.compute(table, payments, false)
}

/// The claim of the two functions above: one costs amount, owed from the first day of verzuim.
struct OneCostsAmount {
    kind: InterestKind,
    principal: Decimal,
    first_day: NaiveDate,
    until: NaiveDate,
    costs: Decimal,
}

impl OneCostsAmount {
    fn compute(
        &self,
        table: &RateTable,
        payments: &[(NaiveDate, Decimal)],
        compound: bool,
    ) -> Result<InterestBreakdown, Issue> {
        let costs = [CostsDue {
            amount: self.costs,
            due_from: self.first_day,
        }];
        compute_claim(
            table,
            &ClaimFacts {
                kind: self.kind,
                principal: self.principal,
                first_day: self.first_day,
                costs: &costs,
                payments,
                waivers: &[],
                until: self.until,
                compound,
                contractual: None,
            },
        )
    }
}

/// What is open while the period is walked through.
struct Ledger {
    principal: Decimal,
    /// Each costs amount still open, with the day from which it is owed.
    costs: Vec<CostsDue>,
    /// Capitalised interest still open (part of the base).
    capitalised: Decimal,
    /// Interest of the running year still open (not in the base).
    running: Decimal,
}

impl Ledger {
    fn base(&self) -> Decimal {
        self.principal + self.capitalised
    }

    fn apply(&mut self, on: NaiveDate, amount: Decimal) -> AppliedPayment {
        let mut rest = amount;
        let mut take = |open: &mut Decimal| {
            let part = rest.min(*open);
            *open -= part;
            rest -= part;
            part
        };
        let mut to_costs = Decimal::ZERO;
        for due in self.costs.iter_mut().filter(|c| c.due_from <= on) {
            to_costs += take(&mut due.amount);
        }
        let to_interest = take(&mut self.capitalised) + take(&mut self.running);
        let to_principal = take(&mut self.principal);
        AppliedPayment {
            on,
            amount,
            to_costs,
            to_interest,
            to_principal,
            unapplied: rest,
        }
    }
}

/// What happens to the ledger on a day: a payment or a waiver (kwijtschelding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    Payment(Decimal),
    Waiver(Decimal),
}

/// De vordering on `facts.until` (README "The claim"; vectors `claims.json` C1–C10): interest on
/// the principal (and capitalised interest, never on costs) from the first day of verzuim, every
/// payment applied on its own day to the costs owed that day, then interest accrued through
/// that day (capitalised first), then principal (art. 6:44 BW). A waiver (kwijtschelding) is
/// applied the same way without being money received.
///
/// Errors: a negative principal, costs or waiver ([`Issue::AmountNegative`]), a payment of zero or less
/// ([`Issue::PaymentNotPositive`]), a day without a rate in the table ([`Issue::RateMissing`]).
/// A period that ends before it starts has no interest (only the payments are applied).
pub fn compute_claim(
    table: &RateTable,
    claim: &ClaimFacts<'_>,
) -> Result<InterestBreakdown, Issue> {
    let payments = claim.payments;
    if claim.principal < Decimal::ZERO || claim.costs.iter().any(|c| c.amount < Decimal::ZERO) {
        return Err(Issue::AmountNegative);
    }
    if payments.iter().any(|(_, amount)| *amount <= Decimal::ZERO) {
        return Err(Issue::PaymentNotPositive);
    }
    if claim
        .waivers
        .iter()
        .any(|(_, amount)| *amount < Decimal::ZERO)
    {
        return Err(Issue::AmountNegative);
    }
    // Payments and waivers in date order; on one day the payments first (a waiver gives up
    // what is left).
    let mut events: Vec<(NaiveDate, Event)> = payments
        .iter()
        .map(|(on, amount)| (*on, Event::Payment(*amount)))
        .chain(
            claim
                .waivers
                .iter()
                .map(|(on, amount)| (*on, Event::Waiver(*amount))),
        )
        .filter(|(on, _)| *on <= claim.until)
        .collect();
    events.sort_by_key(|(on, event)| (*on, matches!(event, Event::Waiver(_))));

    let mut ledger = Ledger {
        principal: claim.principal,
        costs: claim.costs.to_vec(),
        capitalised: Decimal::ZERO,
        running: Decimal::ZERO,
    };
    let mut out = InterestBreakdown {
        kind: claim.kind,
        contractual: claim.contractual,
        first_day: claim.first_day,
        until: claim.until,
        segments: Vec::new(),
        capitalisations: Vec::new(),
        payments: Vec::new(),
        interest_total: Decimal::ZERO,
        interest_paid: Decimal::ZERO,
        interest_open: Decimal::ZERO,
        principal_open: Decimal::ZERO,
        costs_paid: Decimal::ZERO,
        waivers: Vec::new(),
        costs_open: Decimal::ZERO,
        costs_pending: Decimal::ZERO,
        base_at_end: Decimal::ZERO,
    };
    let happen = |ledger: &mut Ledger, out: &mut InterestBreakdown, on, event| match event {
        Event::Payment(amount) => out.payments.push(ledger.apply(on, amount)),
        Event::Waiver(amount) => out.waivers.push(ledger.apply(on, amount)),
    };
    // Payments before verzuim lower the principal before any interest runs.
    let mut pending = events.into_iter().peekable();
    while let Some((on, event)) = pending.next_if(|(on, _)| *on < claim.first_day) {
        happen(&mut ledger, &mut out, on, event);
    }

    let anniversaries = anniversaries(claim);
    let months = month_starts(claim);
    let mut starts: BTreeSet<NaiveDate> = match claim.contractual {
        Some(_) => months
            .iter()
            .copied()
            .filter(|m| *m > claim.first_day && *m <= claim.until)
            .collect(),
        None => table
            .changes_between(claim.kind, claim.first_day, claim.until)
            .collect(),
    };
    starts.extend(anniversaries.iter().copied());
    starts.extend(
        pending
            .clone()
            .filter(|(on, _)| *on < claim.until)
            .filter_map(|(on, _)| on.succ_opt()),
    );
    if claim.until >= claim.first_day {
        starts.insert(next_day(claim.until));
    }

    let mut from = claim.first_day;
    for next in starts {
        let Some(to) = next.pred_opt() else { break };
        let base = ledger.base();
        if base > Decimal::ZERO {
            let days = (to - from).num_days() + 1;
            let (rate, per, unverified, denominator) = match claim.contractual {
                Some(c) if c.per == RatePeriod::Month => {
                    (c.percent, c.per, false, month_length(&months, from))
                }
                Some(c) => (c.percent, c.per, false, DAYS_IN_YEAR),
                None => {
                    let rate = table.rate_on(claim.kind, from).ok_or(Issue::RateMissing {
                        kind: claim.kind,
                        on: from,
                    })?;
                    (
                        rate.percent,
                        RatePeriod::Year,
                        rate.unverified,
                        DAYS_IN_YEAR,
                    )
                }
            };
            let amount =
                round_cents(base * rate * Decimal::from(days) / Decimal::from(100 * denominator));
            ledger.running += amount;
            out.interest_total += amount;
            out.segments.push(InterestSegment {
                from,
                to,
                days,
                base,
                rate,
                per,
                unverified,
                amount,
            });
        }
        while let Some((on, event)) = pending.next_if(|(on, _)| *on <= to) {
            happen(&mut ledger, &mut out, on, event);
        }
        if anniversaries.contains(&next) && ledger.running > Decimal::ZERO {
            let amount = ledger.running;
            ledger.capitalised += amount;
            ledger.running = Decimal::ZERO;
            out.capitalisations.push(Capitalisation {
                on: next,
                amount,
                base_after: ledger.base(),
            });
        }
        from = next;
    }

    out.interest_paid = out.payments.iter().map(|p| p.to_interest).sum();
    out.interest_open = ledger.capitalised + ledger.running;
    out.costs_paid = out.payments.iter().map(|p| p.to_costs).sum();
    out.costs_open = ledger
        .costs
        .iter()
        .filter(|c| c.due_from <= claim.until)
        .map(|c| c.amount)
        .sum();
    out.costs_pending = ledger
        .costs
        .iter()
        .filter(|c| c.due_from > claim.until)
        .map(|c| c.amount)
        .sum();
    out.principal_open = ledger.principal;
    out.base_at_end = ledger.base();
    Ok(out)
}

/// Anniversaries of the first day within the period (none without compounding). Counted from
/// the first day each time, so 29 February 2024 → 28 February 2025 … 29 February 2028.
fn anniversaries(claim: &ClaimFacts<'_>) -> Vec<NaiveDate> {
    if !claim.compound {
        return Vec::new();
    }
    let mut out = Vec::new();
    for years in 1u32.. {
        let Some(date) = claim.first_day.checked_add_months(Months::new(12 * years)) else {
            break;
        };
        if date > claim.until {
            break;
        }
        out.push(date);
    }
    out
}

/// With a monthly contractual rate: the first day of every month counted from the first day of
/// verzuim (31 January → 28/29 February → 31 March: counted from the first day each time), the
/// first day itself included, through the first such day after `until`. Empty otherwise.
fn month_starts(claim: &ClaimFacts<'_>) -> Vec<NaiveDate> {
    if !claim
        .contractual
        .is_some_and(|c| c.per == RatePeriod::Month)
    {
        return Vec::new();
    }
    let mut out = vec![claim.first_day];
    for months in 1u32.. {
        let Some(date) = claim.first_day.checked_add_months(Months::new(months)) else {
            break;
        };
        out.push(date);
        if date > claim.until {
            break;
        }
    }
    out
}

/// The days of the month (counted from the first day of verzuim) that holds `day`.
fn month_length(months: &[NaiveDate], day: NaiveDate) -> i64 {
    let index = months.partition_point(|m| *m <= day);
    match (
        index.checked_sub(1).and_then(|i| months.get(i)),
        months.get(index),
    ) {
        (Some(start), Some(end)) => (*end - *start).num_days(),
        // Not reached: the list runs past `until`; a month is never shorter than 28 days.
        _ => 30,
    }
}

fn next_day(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1))
        .unwrap_or(NaiveDate::MAX)
}
