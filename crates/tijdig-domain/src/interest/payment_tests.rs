//! The renteberekening with payments (art. 6:44 BW), the edges of the period and its errors.

use rust_decimal_macros::dec;

use super::tests::{d, vector_table};
use super::*;
use crate::{Issue, Language};

#[test]
fn payments_go_to_costs_then_interest_then_principal() {
    // R0 (§3.5): € 3.000 + € 100 costs, verzuim from 29 May 2014, € 1.500 paid 12 December.
    let result = compute_interest(
        &vector_table(),
        InterestKind::Statutory,
        dec!(3000),
        d(2014, 5, 29),
        d(2015, 5, 28),
        &[(d(2014, 12, 12), dec!(1500))],
        dec!(100),
    )
    .unwrap();
    let paid = &result.payments[0];
    assert_eq!(
        (
            paid.to_costs,
            paid.to_interest,
            paid.to_principal,
            paid.unapplied
        ),
        (dec!(100), dec!(48.82), dec!(1351.18), dec!(0))
    );
    assert_eq!(result.costs_open, dec!(0));
    assert_eq!(result.costs_paid, dec!(100));
    assert_eq!(result.interest_paid, dec!(48.82));
    assert_eq!(result.principal_open, dec!(1648.82));
    assert_eq!(result.interest_open, dec!(15.94));
    assert_eq!(result.total_open(), dec!(1664.76));
    assert_eq!(result.paid_total(), dec!(1500));
}

/// R0 counts the payment day at the new base (197 days to 11 December, principal 1.648,58 from
/// 12 December). The README says the interest runs through the day of payment inclusive, so
/// Tijdig counts 12 December at the old base: 198 days, 48,82, principal 1.648,82 from
/// 13 December, then 19 + 148 days = 15,94 (R0: 20 + 148 days = 16,08). Vectors B1 and B2,
/// which fix the dates, pass unchanged.
#[test]
fn r0_the_payment_day_counts_at_the_old_base_by_the_readme_convention() {
    let result = compute_interest(
        &vector_table(),
        InterestKind::Statutory,
        dec!(3000),
        d(2014, 5, 29),
        d(2015, 5, 28),
        &[(d(2014, 12, 12), dec!(1500))],
        dec!(100),
    )
    .unwrap();
    let parts: Vec<_> = result
        .segments
        .iter()
        .map(|s| (s.from, s.to, s.days, s.base, s.amount))
        .collect();
    assert_eq!(
        parts,
        [
            (d(2014, 5, 29), d(2014, 6, 30), 33, dec!(3000), dec!(8.14)),
            (d(2014, 7, 1), d(2014, 12, 12), 165, dec!(3000), dec!(40.68)),
            (
                d(2014, 12, 13),
                d(2014, 12, 31),
                19,
                dec!(1648.82),
                dec!(2.57)
            ),
            (
                d(2015, 1, 1),
                d(2015, 5, 28),
                148,
                dec!(1648.82),
                dec!(13.37)
            ),
        ]
    );
}

#[test]
fn a_payment_of_everything_on_the_last_day_leaves_nothing_open() {
    // B13 / H1: € 1.210 due 29 February 2024, paid in full (with the interest) on 30 March.
    let result = compute_interest(
        &RateTable::seeded(),
        InterestKind::Commercial,
        dec!(1210),
        d(2024, 3, 1),
        d(2024, 3, 30),
        &[(d(2024, 3, 30), dec!(1222.43))],
        dec!(0),
    )
    .unwrap();
    assert_eq!(result.interest_total, dec!(12.43));
    assert_eq!(result.total_open(), dec!(0));
    assert_eq!(result.payments[0].to_interest, dec!(12.43));
}

#[test]
fn a_paid_off_claim_bears_no_more_interest_and_an_overpayment_is_reported() {
    let result = compute_interest(
        &RateTable::seeded(),
        InterestKind::Commercial,
        dec!(1000),
        d(2024, 3, 1),
        d(2024, 6, 30),
        &[(d(2024, 3, 10), dec!(2000)), (d(2024, 8, 1), dec!(5))],
        dec!(40),
    )
    .unwrap();
    assert_eq!(result.segments.len(), 1, "only 1–10 March bears interest");
    assert_eq!(
        result.payments.len(),
        1,
        "a payment after `until` is left out"
    );
    let paid = &result.payments[0];
    assert_eq!(paid.to_principal, dec!(1000));
    assert_eq!(
        paid.unapplied,
        dec!(2000) - dec!(40) - result.interest_total - dec!(1000)
    );
    assert_eq!(result.total_open(), dec!(0));
    assert_eq!(result.interest_per_day(), dec!(0));
}

#[test]
fn a_payment_before_verzuim_lowers_the_principal_before_interest_runs() {
    let result = compute_interest(
        &RateTable::seeded(),
        InterestKind::Commercial,
        dec!(1210),
        d(2024, 3, 1),
        d(2024, 3, 30),
        &[(d(2024, 2, 20), dec!(210))],
        dec!(0),
    )
    .unwrap();
    assert_eq!(result.segments[0].base, dec!(1000));
    assert_eq!(result.interest_total, dec!(10.27));
}

#[test]
fn a_period_that_ends_before_verzuim_has_no_interest() {
    let result = compute_interest(
        &RateTable::seeded(),
        InterestKind::Commercial,
        dec!(1000),
        d(2024, 3, 1),
        d(2024, 2, 29),
        &[],
        dec!(0),
    )
    .unwrap();
    assert!(result.segments.is_empty());
    assert_eq!(result.total_open(), dec!(1000));
}

#[test]
fn a_calculation_over_the_unverified_rate_says_so() {
    // A row the user entered without being sure of it.
    let mut table = RateTable::seeded();
    let row = table
        .remove(InterestKind::Statutory, d(2025, 7, 1))
        .unwrap();
    table
        .add(Rate {
            unverified: true,
            ..row
        })
        .unwrap();
    let result = compute_interest(
        &table,
        InterestKind::Statutory,
        dec!(1000),
        d(2025, 6, 1),
        d(2025, 7, 31),
        &[],
        dec!(0),
    )
    .unwrap();
    assert!(result.uses_unverified_rate());
    assert!(!result.segments[0].unverified && result.segments[1].unverified);
    // Rente per dag: 1000 × 6 % / 365 = 0,16.
    assert_eq!(result.interest_per_day(), dec!(0.16));
}

#[test]
fn a_day_without_a_rate_is_reported_with_its_date() {
    let issue = compute_interest(
        &RateTable::seeded(),
        InterestKind::Commercial,
        dec!(1000),
        d(2014, 5, 29),
        d(2014, 12, 31),
        &[],
        dec!(0),
    )
    .unwrap_err();
    assert_eq!(
        issue,
        Issue::RateMissing {
            kind: InterestKind::Commercial,
            on: d(2014, 5, 29)
        }
    );
    assert_eq!(
        issue.message(Language::Nl),
        "De rentetabel heeft geen percentage voor wettelijke handelsrente op 29-05-2014: voeg \
         het percentage toe in de rentetabel."
    );
    assert_eq!(
        issue.message(Language::En),
        "The rate table has no rate for statutory commercial interest on 29 May 2014: add the \
         rate to the rate table."
    );
}

#[test]
fn negative_amounts_and_empty_payments_are_refused() {
    let table = RateTable::seeded();
    let (kind, from, to) = (InterestKind::Commercial, d(2024, 3, 1), d(2024, 3, 30));
    assert_eq!(
        compute_interest(&table, kind, dec!(-1), from, to, &[], dec!(0)),
        Err(Issue::AmountNegative)
    );
    assert_eq!(
        compute_interest(&table, kind, dec!(1), from, to, &[], dec!(-40)),
        Err(Issue::AmountNegative)
    );
    assert_eq!(
        compute_interest(&table, kind, dec!(1), from, to, &[(from, dec!(0))], dec!(0)),
        Err(Issue::PaymentNotPositive)
    );
}

#[test]
fn the_kind_follows_the_client_and_has_its_article() {
    use crate::ClientKind;
    assert_eq!(
        InterestKind::for_client(ClientKind::Business),
        InterestKind::Commercial
    );
    assert_eq!(
        InterestKind::for_client(ClientKind::Consumer),
        InterestKind::Statutory
    );
    assert_eq!(InterestKind::Commercial.article(), "art. 6:119a BW");
    assert_eq!(
        InterestKind::Statutory.label(Language::Nl),
        "wettelijke rente"
    );
    assert_eq!(
        InterestKind::from_code("commercial"),
        Some(InterestKind::Commercial)
    );
}
