//! Buitengerechtelijke incassokosten (BIK): the WIK staffel and when costs may be charged
//! (nl-rules-sources §4; README "Collection costs").
//!
//! - Staffel (Besluit vergoeding voor buitengerechtelijke incassokosten, Stb. 2012, 141, art. 2
//!   lid 1–2): 15 % of the first € 2.500, 10 % of the next € 2.500, 5 % of the next € 5.000,
//!   1 % of the next € 190.000, 0,5 % above; at least € 40, at most € 6.775; rounded to the cent
//!   after summing the slices. Over the hoofdsom incl. btw minus what was paid on it; several
//!   invoices of one debtor in one letter: one staffel over the summed principal.
//! - Btw surcharge (art. 2 lid 3): + 21 % only when the user cannot deduct btw (e.g. KOR) and a
//!   third party charges btw on the collection; never on the user's own collection (§4.4).
//! - B2B (art. 6:96 lid 4 BW): € 40 from the first day of verzuim without any letter; the
//!   staffel when the agreement or algemene voorwaarden stipulate it (§4.6).
//! - B2C (art. 6:96 lid 6 BW): nothing until a 14-dagenbrief, sent after verzuim, was bezorgd
//!   and its 14 days from the day after bezorging have passed (§4.5; HR 25-11-2016,
//!   ECLI:NL:HR:2016:2704). The staffel is dwingend for consumers (art. 6:96 lid 5).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::codes::coded_enum;
use crate::dates::{add_days, fourteen_day_term_end, letter_delivery, LetterChannel};
use crate::late_payment_terms::ContractualCosts;
use crate::money::round_cents;
use crate::ClientKind;

/// Minimum of the staffel: € 40 (Besluit BIK art. 2 lid 2), also the B2B fixed amount
/// (art. 6:96 lid 4 BW).
pub const BIK_MINIMUM: Decimal = Decimal::from_parts(40, 0, 0, false, 0);
/// Maximum of the staffel: € 6.775 (Besluit BIK art. 2 lid 1).
pub const BIK_MAXIMUM: Decimal = Decimal::from_parts(6775, 0, 0, false, 0);
/// Btw percentage added when the creditor cannot deduct btw (Besluit BIK art. 2 lid 3).
pub const BTW_SURCHARGE_PERCENT: Decimal = Decimal::from_parts(21, 0, 0, false, 0);

/// The slices of the staffel: (from, up to, percent).
const SLICES: [(i64, Option<i64>, Decimal); 5] = [
    (0, Some(2_500), Decimal::from_parts(15, 0, 0, false, 0)),
    (2_500, Some(5_000), Decimal::from_parts(10, 0, 0, false, 0)),
    (5_000, Some(10_000), Decimal::from_parts(5, 0, 0, false, 0)),
    (10_000, Some(200_000), Decimal::ONE),
    (200_000, None, Decimal::from_parts(5, 0, 0, false, 1)),
];

coded_enum! {
    /// Grondslag van de incassokosten: which rule decided the costs.
    pub enum CostsRule {
        /// Zakelijk zonder beding: € 40 from the first day of verzuim (art. 6:96 lid 4 BW).
        BusinessFixed => "business_fixed",
        /// Zakelijk met beding: the staffel stipulated in the agreement or algemene voorwaarden
        /// (§4.6), from the first day of verzuim.
        BusinessStaffel => "business_staffel",
        /// Zakelijk met eigen beding: the costs the accepted algemene voorwaarden stipulate
        /// (a percentage with a minimum, or a fixed amount), never below € 40 (art. 6:96 lid 4
        /// BW; [`crate::late_payment_terms`]), from the first day of verzuim.
        BusinessContractual => "business_contractual",
        /// Particulier: the staffel after the term of a 14-dagenbrief (art. 6:96 lid 6 BW).
        ConsumerAfterLetter => "consumer_after_letter",
        /// Particulier zonder 14-dagenbrief: no costs can be owed yet.
        ConsumerNoLetter => "consumer_no_letter",
        /// Particulier: the 14-dagenbrief was sent before verzuim and does not count (§4.5
        /// item 1); a new one is needed.
        ConsumerLetterBeforeDefault => "consumer_letter_before_default",
    }
}

/// Veertiendagenbrief as sent (or about to be sent, to print the date in the letter itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FourteenDayLetter {
    pub sent_on: NaiveDate,
    pub channel: LetterChannel,
    /// Proven bezorging (track & trace, read receipt); without it the estimate of
    /// [`letter_delivery`] is used.
    pub delivered_on: Option<NaiveDate>,
}

impl FourteenDayLetter {
    /// When the letter counts as bezorgd.
    pub fn delivered(&self) -> NaiveDate {
        self.delivered_on
            .unwrap_or_else(|| letter_delivery(self.sent_on, self.channel))
    }
}

/// What decides the collection costs of one letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CostsFacts {
    pub client: ClientKind,
    /// Hoofdsom: the open principal incl. btw, summed over every invoice in the letter. After a
    /// partial payment within the term of the 14-dagenbrief, pass the lower principal (§4.3).
    pub principal: Decimal,
    /// Eerste verzuimdag ([`crate::default_date`]).
    pub first_day_of_default: NaiveDate,
    /// B2B: the agreement or algemene voorwaarden stipulate the staffel.
    pub staffel_stipulated: bool,
    /// B2B: the accepted algemene voorwaarden stipulate their own costs (before the staffel);
    /// ignored for a consumer, for whom only the staffel counts (art. 6:96 lid 5 BW).
    pub contractual: Option<ContractualCosts>,
    /// B2C: the 14-dagenbrief, if one was sent.
    pub letter: Option<FourteenDayLetter>,
    /// The user cannot deduct btw and a third party charges btw on the collection: + 21 %.
    pub btw_surcharge: bool,
}

/// Buitengerechtelijke incassokosten (BIK) of one letter, on one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionCosts {
    pub rule: CostsRule,
    /// The costs under this rule before btw: € 40 or the staffel.
    pub base: Decimal,
    /// The 21 % surcharge (0 without it).
    pub btw: Decimal,
    /// base + btw: the amount the letter names, also before it is owed (the 14-dagenbrief must
    /// state the exact amount that will be charged).
    pub amount: Decimal,
    /// Verschuldigd vanaf: the first day on which `amount` is owed; `None` when it cannot be
    /// owed yet (B2C without a valid 14-dagenbrief).
    pub due_from: Option<NaiveDate>,
    /// What is owed on the date asked: `amount` from `due_from`, else 0.
    pub owed: Decimal,
}

impl CollectionCosts {
    /// The WIK staffel over `principal`: slices summed, rounded to the cent, then at least € 40
    /// and at most € 6.775 (vectors A1–A17). No principal, no costs: the minimum is a minimum
    /// of costs over a claim, not a charge on nothing (issue 17, item 7).
    pub fn staffel(principal: Decimal) -> Decimal {
        if principal <= Decimal::ZERO {
            return Decimal::ZERO;
        }
        let mut sum = Decimal::ZERO;
        for (from, up_to, percent) in SLICES {
            let above = principal - Decimal::from(from);
            if above <= Decimal::ZERO {
                break;
            }
            let part = match up_to {
                Some(top) => above.min(Decimal::from(top - from)),
                None => above,
            };
            sum += part * percent / Decimal::ONE_HUNDRED;
        }
        round_cents(sum).clamp(BIK_MINIMUM, BIK_MAXIMUM)
    }

    /// One staffel over the summed principal of several invoices of one debtor (README).
    pub fn staffel_over(principals: &[Decimal]) -> Decimal {
        Self::staffel(principals.iter().sum())
    }

    /// The 21 % btw over `costs`, rounded to the cent: 41,25 → 8,66 (vector A5: 49,91 in all).
    pub fn btw_surcharge(costs: Decimal) -> Decimal {
        round_cents(costs * BTW_SURCHARGE_PERCENT / Decimal::ONE_HUNDRED)
    }

    /// Decides what may be charged on `on`.
    /// - B2B: € 40, the staffel when stipulated, or the accepted voorwaarden's own costs (never
    ///   below € 40), due from the first day of verzuim.
    /// - B2C: the staffel, due from the day after the 14-day term of a 14-dagenbrief sent on or
    ///   after the first day of verzuim; without such a letter nothing is due.
    pub fn assess(facts: &CostsFacts, on: NaiveDate) -> CollectionCosts {
        let staffel = Self::staffel(facts.principal);
        let (rule, base, due_from) = match facts.client {
            ClientKind::Business if facts.contractual.is_some() => (
                CostsRule::BusinessContractual,
                facts
                    .contractual
                    .map_or(Decimal::ZERO, |c| c.amount(facts.principal)),
                Some(facts.first_day_of_default),
            ),
            ClientKind::Business if facts.staffel_stipulated => (
                CostsRule::BusinessStaffel,
                staffel,
                Some(facts.first_day_of_default),
            ),
            ClientKind::Business => (
                CostsRule::BusinessFixed,
                // Nothing owed, no € 40: the fixed amount compensates a late payment of a sum.
                if facts.principal > Decimal::ZERO {
                    BIK_MINIMUM
                } else {
                    Decimal::ZERO
                },
                Some(facts.first_day_of_default),
            ),
            ClientKind::Consumer => match facts.letter {
                None => (CostsRule::ConsumerNoLetter, staffel, None),
                Some(letter) if letter.sent_on < facts.first_day_of_default => {
                    (CostsRule::ConsumerLetterBeforeDefault, staffel, None)
                }
                Some(letter) => (
                    CostsRule::ConsumerAfterLetter,
                    staffel,
                    Some(add_days(fourteen_day_term_end(letter.delivered()), 1)),
                ),
            },
        };
        let btw = if facts.btw_surcharge {
            Self::btw_surcharge(base)
        } else {
            Decimal::ZERO
        };
        let amount = base + btw;
        let owed = match due_from {
            Some(from) if on >= from => amount,
            _ => Decimal::ZERO,
        };
        CollectionCosts {
            rule,
            base,
            btw,
            amount,
            due_from,
            owed,
        }
    }
}

/// Cumulatieregeling: the Besluit BIK as amended by the Besluit kwaliteit incassodienstverlening
/// (Stb. 2024, 44; in force 1 October 2024, per wetten.overheid.nl BWBR0049422) limits the costs
/// on small recurring claims against one consumer (nl-rules-sources §6.4). Its operative text
/// could not be confirmed from an official source here (§6.4 and open point 2 say so too), so
/// Tijdig does not compute the limit: it flags the claims it may apply to and charges no costs
/// on them automatically (issue 17 item 9).
pub const CUMULATION_IN_FORCE: (i32, u32, u32) = (2024, 10, 1);

/// Below this principal the € 40 minimum exceeds the staffel's 15 % (40 ÷ 0,15): the small claims
/// the cumulatieregeling is about (nl-rules-sources §6.4: "principal ‹ € 266,67").
pub const CUMULATION_SMALL_CLAIM: Decimal = Decimal::from_parts(26667, 0, 0, false, 2);

/// Whether the cumulatieregeling may limit the costs of a consumer's claim of `principal` whose
/// costs rest on the 14-dagenbrief `own` (letter id, sent on): the claim is small, the letter was
/// sent from 1 October 2024, and another 14-dagenbrief went to the same consumer in the six
/// months before it (`others`, every 14-dagenbrief to that consumer).
pub fn cumulation_may_apply(
    principal: Decimal,
    own: (i64, NaiveDate),
    others: &[(i64, NaiveDate)],
) -> bool {
    let (year, month, day) = CUMULATION_IN_FORCE;
    let in_force = NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN);
    let (own_id, sent_on) = own;
    let since = sent_on
        .checked_sub_months(chrono::Months::new(6))
        .unwrap_or(NaiveDate::MIN);
    principal > Decimal::ZERO
        && principal < CUMULATION_SMALL_CLAIM
        && sent_on >= in_force
        && others
            .iter()
            .any(|(id, on)| *id != own_id && *on >= since && *on <= sent_on)
}

/// What one letter about several invoices named as costs, over which principal, for how many
/// invoices ([`CollectionCosts::share_of_letter`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LetterCosts {
    pub costs: Decimal,
    pub principal: Decimal,
    pub invoices: u32,
}

impl LetterCosts {
    /// One staffel over the summed `principal` of `invoices` business invoices, never less
    /// than € 40 for each (reference README, B2B with the staffel stipulated).
    pub fn business(principal: Decimal, invoices: u32) -> LetterCosts {
        LetterCosts {
            costs: CollectionCosts::staffel(principal).max(BIK_MINIMUM * Decimal::from(invoices)),
            principal,
            invoices,
        }
    }
}

impl CollectionCosts {
    /// One invoice's part of the costs a letter named for several invoices at once (reference
    /// README: one staffel over the summed principal of the invoices in the letter).
    ///
    /// Consumer (a 14-dagenbrief, `letter.invoices` ignored): the letter fixed `letter.costs`
    /// over `letter.principal`; this invoice bears the same proportion of its own `principal`
    /// (open the day before the costs fall due), rounded down to the cent. Computed once and
    /// allocated once: the parts never add up to more than the letter named, and — the staffel
    /// being degressive with a minimum — never to more than the staffel over what is still
    /// open, also after some invoices were paid within the term.
    ///
    /// Business with the staffel stipulated: never less than € 40 per late invoice (art. 6:96
    /// lid 4 BW), so each invoice bears € 40 plus its proportion of what the letter named above
    /// `invoices` × € 40.
    ///
    /// A consumer's share is never more than these costs themselves either.
    pub fn share_of_letter(
        &self,
        letter: LetterCosts,
        principal: Decimal,
        on: NaiveDate,
    ) -> CollectionCosts {
        let floor = match self.rule {
            CostsRule::BusinessStaffel
            | CostsRule::BusinessFixed
            | CostsRule::BusinessContractual => BIK_MINIMUM,
            _ => Decimal::ZERO,
        };
        let above = (letter.costs - floor * Decimal::from(letter.invoices)).max(Decimal::ZERO);
        let share = if letter.principal > Decimal::ZERO && principal > Decimal::ZERO {
            floor
                + (above * principal / letter.principal)
                    .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero)
        } else {
            Decimal::ZERO
        };
        // A consumer's share never exceeds the invoice's own staffel (it cannot, the staffel
        // being degressive; the cap only guards the rounding). A business's € 40 each plus a
        // share may exceed a small invoice's own € 40: the letter's one staffel is what counts.
        let base = if floor > Decimal::ZERO {
            share
        } else {
            self.base.min(share)
        };
        let btw = self.btw.min(share - base);
        let amount = base + btw;
        let owed = match self.due_from {
            Some(from) if on >= from => amount,
            _ => Decimal::ZERO,
        };
        CollectionCosts {
            base,
            btw,
            amount,
            owed,
            ..self.clone()
        }
    }
}

#[cfg(test)]
#[path = "collection_costs_tests.rs"]
mod tests;
