//! Offerte (offer) and opdrachtbevestiging (agreement): the terms a freelancer proposes, what they
//! add up to, how they are paid (advance, milestones, the rest), and where the offer stands
//! (nl-rules-sources §7.1 content, §2 payment terms). The checklist of what is missing or risky
//! is in [`checklist`]. Pure: the app layer stores offers and renders them.

pub mod checklist;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::invoice::VatTreatment;
use crate::late_payment_terms::LatePaymentTerms;
use crate::money::round_cents;
use crate::ClientKind;

/// How the price is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfferPrice {
    /// Vaste prijs, excl. btw.
    Fixed(Decimal),
    /// Uurtarief × geschat aantal uren (excl. btw): an estimate, not a fixed price.
    Hourly { rate: Decimal, hours: Decimal },
}

/// Aanbetaling: a share of the total asked before the work starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advance {
    /// A percentage of the total incl. btw (30 for 30 %).
    Percent(Decimal),
    /// An amount incl. btw.
    Amount(Decimal),
}

/// A deliverable that is invoiced when done (termijn per mijlpaal), amount incl. btw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub description: String,
    pub amount: Decimal,
}

/// The terms of an offer, as the guided editor collects them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferTerms {
    pub client_kind: ClientKind,
    /// The client is a large company (art. 2:397 BW): a term over 30 days is void (§2.1 lid 6).
    pub large_company: bool,
    pub offer_date: NaiveDate,
    /// "Deze offerte is geldig tot …": makes the offer irrevocable until then (art. 6:219 BW).
    pub valid_until: Option<NaiveDate>,
    pub price: OfferPrice,
    /// Onkosten (expenses), excl. btw.
    pub expenses: Decimal,
    pub vat: VatTreatment,
    pub payment_term_days: u32,
    pub advance: Option<Advance>,
    pub milestones: Vec<Milestone>,
    /// The late-payment clause (fatale termijn, rente, incassokosten) is in the offer.
    pub late_payment_clause: bool,
    /// A version of the algemene voorwaarden is attached (art. 6:233 sub b / 6:234 BW).
    pub terms_attached: bool,
    /// What the attached version stipulates on late payment (its own rate or costs), if
    /// anything ([`crate::late_payment_terms`]).
    pub attached_late_payment: Option<LatePaymentTerms>,
    /// For a consumer: the price is shown incl. btw.
    pub price_incl_vat_shown: bool,
    /// For a consumer at a distance: the 14-day withdrawal right (herroepingsrecht) is stated.
    pub withdrawal_notice: bool,
}

/// What the offer adds up to, rounded to the cent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfferTotals {
    pub excl_vat: Decimal,
    pub vat: Decimal,
    pub incl_vat: Decimal,
}

impl OfferTerms {
    pub fn totals(&self) -> OfferTotals {
        let work = match &self.price {
            OfferPrice::Fixed(amount) => *amount,
            OfferPrice::Hourly { rate, hours } => *rate * *hours,
        };
        let excl_vat = round_cents(work + self.expenses);
        let vat = round_cents(excl_vat * self.vat.rate() / Decimal::from(100));
        OfferTotals {
            excl_vat,
            vat,
            incl_vat: excl_vat + vat,
        }
    }
}

/// One line of the payment schedule, amount incl. btw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleLine {
    pub kind: ScheduleKind,
    pub description: String,
    pub amount: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleKind {
    /// Aanbetaling, before the work starts.
    Advance,
    /// A milestone's instalment.
    Milestone,
    /// The final invoice: whatever is left.
    Final,
}

/// Why a payment schedule does not add up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleProblem {
    /// The advance is negative, over 100 % or over the total.
    AdvanceTooLarge,
    /// A milestone amount is zero or negative.
    EmptyMilestone(usize),
    /// Advance and milestones together are more than the total.
    MoreThanTotal { over: Decimal },
}

/// The invoices the agreement leads to: the advance, each milestone, and the final invoice for
/// what is left (left out when nothing is). Together exactly the total incl. btw.
pub fn payment_schedule(terms: &OfferTerms) -> Result<Vec<ScheduleLine>, ScheduleProblem> {
    let total = terms.totals().incl_vat;
    let mut lines = Vec::new();
    let advance = match terms.advance {
        None => Decimal::ZERO,
        Some(Advance::Percent(p)) if p >= Decimal::ZERO && p <= Decimal::from(100) => {
            round_cents(total * p / Decimal::from(100))
        }
        Some(Advance::Amount(a)) if a >= Decimal::ZERO && a <= total => round_cents(a),
        Some(_) => return Err(ScheduleProblem::AdvanceTooLarge),
    };
    if advance > Decimal::ZERO {
        lines.push(ScheduleLine {
            kind: ScheduleKind::Advance,
            description: "Aanbetaling".into(),
            amount: advance,
        });
    }
    let mut planned = advance;
    for (i, m) in terms.milestones.iter().enumerate() {
        if m.amount <= Decimal::ZERO {
            return Err(ScheduleProblem::EmptyMilestone(i));
        }
        planned += round_cents(m.amount);
        lines.push(ScheduleLine {
            kind: ScheduleKind::Milestone,
            description: m.description.clone(),
            amount: round_cents(m.amount),
        });
    }
    if planned > total {
        return Err(ScheduleProblem::MoreThanTotal {
            over: planned - total,
        });
    }
    if total > planned {
        lines.push(ScheduleLine {
            kind: ScheduleKind::Final,
            description: "Eindfactuur".into(),
            amount: total - planned,
        });
    }
    Ok(lines)
}

/// Where an offer stands. Sent, accepted and rejected are recorded; expired is derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferStatus {
    Concept,
    Sent,
    Accepted,
    Rejected,
    /// Sent, not answered, and the validity date has passed.
    Expired,
}

/// The status on `today` from what was recorded.
pub fn offer_status(
    sent: bool,
    answer: Option<bool>,
    valid_until: Option<NaiveDate>,
    today: NaiveDate,
) -> OfferStatus {
    match (sent, answer) {
        (_, Some(true)) => OfferStatus::Accepted,
        (_, Some(false)) => OfferStatus::Rejected,
        (false, None) => OfferStatus::Concept,
        (true, None) if valid_until.is_some_and(|v| today > v) => OfferStatus::Expired,
        (true, None) => OfferStatus::Sent,
    }
}

/// Days before the validity date on which Tijdig plans a contact moment to follow the offer up.
pub const FOLLOW_UP_DAYS_BEFORE_EXPIRY: u64 = 3;

/// The follow-up contact moment of a sent offer: a few days before it expires (or the offer
/// date itself for a very short validity).
pub fn follow_up_on(offer_date: NaiveDate, valid_until: NaiveDate) -> NaiveDate {
    valid_until
        .checked_sub_days(chrono::Days::new(FOLLOW_UP_DAYS_BEFORE_EXPIRY))
        .filter(|d| *d > offer_date)
        .unwrap_or(offer_date)
}

#[cfg(test)]
mod tests;
