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
    /// - B2B: € 40, or the staffel when stipulated, due from the first day of verzuim.
    /// - B2C: the staffel, due from the day after the 14-day term of a 14-dagenbrief sent on or
    ///   after the first day of verzuim; without such a letter nothing is due.
    pub fn assess(facts: &CostsFacts, on: NaiveDate) -> CollectionCosts {
        let staffel = Self::staffel(facts.principal);
        let (rule, base, due_from) = match facts.client {
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
            CostsRule::BusinessStaffel | CostsRule::BusinessFixed => BIK_MINIMUM,
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
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::test_fixtures::vectors;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn facts(client: ClientKind, letter: Option<FourteenDayLetter>) -> CostsFacts {
        CostsFacts {
            client,
            principal: dec!(1000),
            first_day_of_default: d(2025, 2, 15),
            staffel_stipulated: false,
            letter,
            btw_surcharge: false,
        }
    }

    fn emailed(sent_on: NaiveDate) -> Option<FourteenDayLetter> {
        Some(FourteenDayLetter {
            sent_on,
            channel: LetterChannel::Email,
            delivered_on: None,
        })
    }

    #[test]
    fn every_bik_vector_passes() {
        let cases = vectors("bik");
        assert_eq!(cases.len(), 15);
        for case in cases {
            let id = case["id"].as_str().unwrap();
            let principal = Decimal::from_str(case["principal"].as_str().unwrap()).unwrap();
            let expected = Decimal::from_str(case["expected"].as_str().unwrap()).unwrap();
            let mut costs = CollectionCosts::staffel(principal);
            if case["btw_surcharge"].as_bool().unwrap() {
                costs += CollectionCosts::btw_surcharge(costs);
            }
            assert_eq!(costs, expected, "vector {id}: principal {principal}");
        }
    }

    #[test]
    fn the_staffel_reaches_its_maximum_at_one_million() {
        // A15, A16 (table in nl-rules-sources, not in vectors.json).
        assert_eq!(CollectionCosts::staffel(dec!(1000000)), dec!(6775));
        assert_eq!(CollectionCosts::staffel(dec!(2500000)), dec!(6775));
        assert_eq!(CollectionCosts::staffel(dec!(266.70)), dec!(40.01));
    }

    #[test]
    fn a_principal_of_zero_has_no_costs() {
        assert_eq!(CollectionCosts::staffel(dec!(0)), dec!(0));
        assert_eq!(CollectionCosts::staffel(dec!(-10)), dec!(0));
        assert_eq!(CollectionCosts::staffel(dec!(0.01)), dec!(40));
    }

    #[test]
    fn several_invoices_of_one_debtor_get_one_staffel_over_the_sum() {
        let invoices = [dec!(1500), dec!(1500)];
        assert_eq!(CollectionCosts::staffel_over(&invoices), dec!(425.00));
        assert_ne!(
            CollectionCosts::staffel_over(&invoices),
            dec!(2) * CollectionCosts::staffel(dec!(1500))
        );
    }

    #[test]
    fn a18_a_business_owes_40_euro_from_the_first_day_of_verzuim_without_a_letter() {
        let costs = CollectionCosts::assess(&facts(ClientKind::Business, None), d(2025, 2, 15));
        assert_eq!(costs.rule, CostsRule::BusinessFixed);
        assert_eq!((costs.amount, costs.owed), (dec!(40), dec!(40)));
        assert_eq!(costs.due_from, Some(d(2025, 2, 15)));
        let before = CollectionCosts::assess(&facts(ClientKind::Business, None), d(2025, 2, 14));
        assert_eq!(before.owed, dec!(0));
    }

    #[test]
    fn a_business_owes_the_staffel_only_when_it_is_stipulated() {
        let mut stipulated = facts(ClientKind::Business, None);
        stipulated.staffel_stipulated = true;
        let costs = CollectionCosts::assess(&stipulated, d(2025, 3, 1));
        assert_eq!(costs.rule, CostsRule::BusinessStaffel);
        assert_eq!(costs.owed, dec!(150));
    }

    #[test]
    fn a_b2c_letter_without_a_delivered_14_dagenbrief_charges_no_costs() {
        let costs = CollectionCosts::assess(&facts(ClientKind::Consumer, None), d(2026, 1, 1));
        assert_eq!(costs.rule, CostsRule::ConsumerNoLetter);
        assert_eq!((costs.due_from, costs.owed), (None, dec!(0)));
        assert_eq!(
            costs.amount,
            dec!(150),
            "the amount a 14-dagenbrief would announce"
        );
    }

    #[test]
    fn a_14_dagenbrief_sent_before_verzuim_does_not_count() {
        let early = facts(ClientKind::Consumer, emailed(d(2025, 2, 14)));
        let costs = CollectionCosts::assess(&early, d(2026, 1, 1));
        assert_eq!(costs.rule, CostsRule::ConsumerLetterBeforeDefault);
        assert_eq!(costs.owed, dec!(0));
    }

    #[test]
    fn b2c_costs_are_owed_from_the_day_after_the_14_day_term() {
        // H3: delivered Tuesday 4 March 2025 → term 5–18 March → costs from 19 March.
        let letter = Some(FourteenDayLetter {
            sent_on: d(2025, 2, 28),
            channel: LetterChannel::Post,
            delivered_on: Some(d(2025, 3, 4)),
        });
        let consumer = facts(ClientKind::Consumer, letter);
        let during = CollectionCosts::assess(&consumer, d(2025, 3, 18));
        assert_eq!(during.due_from, Some(d(2025, 3, 19)), "H3");
        assert_eq!(during.owed, dec!(0), "H3: nothing within the term");
        let after = CollectionCosts::assess(&consumer, d(2025, 3, 19));
        assert_eq!(after.rule, CostsRule::ConsumerAfterLetter);
        assert_eq!(after.owed, dec!(150), "H3");
    }

    #[test]
    fn a_posted_letter_counts_from_its_estimated_delivery() {
        // Posted Friday 28 February 2025 → bezorgd Tuesday 4 March → costs from 19 March.
        let letter = Some(FourteenDayLetter {
            sent_on: d(2025, 2, 28),
            channel: LetterChannel::Post,
            delivered_on: None,
        });
        let costs = CollectionCosts::assess(&facts(ClientKind::Consumer, letter), d(2025, 3, 1));
        assert_eq!(costs.due_from, Some(d(2025, 3, 19)));
    }

    #[test]
    fn the_btw_surcharge_is_added_only_when_asked() {
        let mut consumer = facts(ClientKind::Consumer, emailed(d(2025, 3, 1)));
        consumer.principal = dec!(275);
        consumer.btw_surcharge = true;
        let costs = CollectionCosts::assess(&consumer, d(2025, 4, 1));
        assert_eq!(
            (costs.base, costs.btw, costs.amount, costs.owed),
            (dec!(41.25), dec!(8.66), dec!(49.91), dec!(49.91)),
            "A5"
        );
        consumer.btw_surcharge = false;
        assert_eq!(
            CollectionCosts::assess(&consumer, d(2025, 4, 1)).btw,
            dec!(0)
        );
    }
    #[test]
    fn one_letter_over_several_invoices_charges_one_staffel_allocated_once() {
        // Two consumer invoices of € 100 and € 300 in one 14-dagenbrief: one staffel over
        // € 400 (€ 60), not € 40 + € 45. Each bears 15 % of its own principal.
        let on = d(2026, 12, 5);
        let letter = FourteenDayLetter {
            sent_on: d(2026, 11, 2),
            channel: LetterChannel::Email,
            delivered_on: None,
        };
        let own = |principal| {
            CollectionCosts::assess(
                &CostsFacts {
                    principal,
                    ..facts(ClientKind::Consumer, Some(letter))
                },
                on,
            )
        };
        let letter_costs = CollectionCosts::staffel(dec!(400));
        assert_eq!(letter_costs, dec!(60.00));
        let letter = LetterCosts {
            costs: letter_costs,
            principal: dec!(400),
            invoices: 2,
        };
        let a = own(dec!(100)).share_of_letter(letter, dec!(100), on);
        let b = own(dec!(300)).share_of_letter(letter, dec!(300), on);
        assert_eq!((a.amount, b.amount), (dec!(15.00), dec!(45.00)));
        assert_eq!((a.owed, b.owed), (dec!(15.00), dec!(45.00)));
        // Paid within the term: nothing open, no costs.
        assert_eq!(
            own(dec!(0)).share_of_letter(letter, dec!(0), on).amount,
            dec!(0)
        );
    }

    #[test]
    fn shares_of_a_letter_never_add_up_to_more_than_the_staffel_over_what_is_open() {
        // Every split of a letter's principal into two invoices, and every lower principal a
        // payment inside the term could leave of either: the shares stay within the letter's
        // costs and within the staffel over what remains.
        for total in (10..=30_000i64).step_by(997) {
            let total = Decimal::from(total);
            let letter_costs = CollectionCosts::staffel(total);
            for tenth in 1..10i64 {
                let first = (total * Decimal::from(tenth) / dec!(10)).round_dp(2);
                let second = total - first;
                let costs = |p: Decimal| CollectionCosts {
                    rule: CostsRule::ConsumerAfterLetter,
                    base: CollectionCosts::staffel(p),
                    btw: Decimal::ZERO,
                    amount: CollectionCosts::staffel(p),
                    due_from: Some(d(2026, 1, 1)),
                    owed: CollectionCosts::staffel(p),
                };
                let letter = LetterCosts {
                    costs: letter_costs,
                    principal: total,
                    invoices: 2,
                };
                let share = |p: Decimal| costs(p).share_of_letter(letter, p, d(2026, 2, 1)).amount;
                assert!(
                    share(first) + share(second) <= letter_costs,
                    "{total} {tenth}"
                );
                for kept in [dec!(1), dec!(0.5), dec!(0.1)] {
                    let left = (first * kept).round_dp(2);
                    assert!(
                        share(left) + share(second) <= CollectionCosts::staffel(left + second),
                        "{total} {tenth} {kept}"
                    );
                }
            }
        }
    }
    #[test]
    fn a_business_letter_over_several_invoices_charges_one_staffel_but_40_euro_each_at_least() {
        // Stipulated staffel, € 5.000 and € 100 late in one letter: one staffel over € 5.100
        // (15 % of € 2.500 + 10 % of € 2.500 + 5 % of € 100 = € 630,00), each at least € 40:
        // € 40 each plus the € 550 above that by principal.
        let on = d(2026, 12, 5);
        let letter = LetterCosts::business(dec!(5100), 2);
        assert_eq!(letter.costs, dec!(630.00));
        let own = |principal| {
            CollectionCosts::assess(
                &CostsFacts {
                    principal,
                    staffel_stipulated: true,
                    ..facts(ClientKind::Business, None)
                },
                on,
            )
        };
        let big = own(dec!(5000)).share_of_letter(letter, dec!(5000), on);
        let small = own(dec!(100)).share_of_letter(letter, dec!(100), on);
        assert_eq!((big.amount, small.amount), (dec!(579.21), dec!(50.78)));
        // Rounded down: one cent stays unclaimed rather than one too many.
        assert_eq!(big.amount + small.amount, dec!(629.99));
        // Two small invoices: the € 40 minimum each decides.
        assert_eq!(LetterCosts::business(dec!(200), 2).costs, dec!(80));
    }
    #[test]
    fn a_small_consumer_claim_after_another_fourteen_day_letter_within_six_months_is_flagged() {
        let own = (7, d(2026, 11, 18));
        // Another 14-dagenbrief to the same consumer on 1 July 2026: within six months.
        assert!(cumulation_may_apply(
            dec!(121),
            own,
            &[(3, d(2026, 7, 1)), own]
        ));
        // The claim is not small, the other letter is older, or it is the same letter: no flag.
        assert!(!cumulation_may_apply(
            dec!(266.67),
            own,
            &[(3, d(2026, 7, 1))]
        ));
        assert!(!cumulation_may_apply(
            dec!(121),
            own,
            &[(3, d(2026, 5, 17))]
        ));
        assert!(!cumulation_may_apply(dec!(121), own, &[own]));
        // Before the amendment was in force: no flag.
        assert!(!cumulation_may_apply(
            dec!(121),
            (7, d(2024, 9, 30)),
            &[(3, d(2024, 8, 1))]
        ));
    }
}
