//! Tests of [`super`]: the staffel vectors, when costs are owed, shares of a letter.
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
        contractual: None,
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
                contractual: None,
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
