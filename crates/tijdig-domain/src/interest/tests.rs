//! The renteberekening against the shared vectors (categories `interest`, `rate_lookup`) and the
//! README conventions for splitting and compounding; payments are in `payment_tests.rs`.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::test_fixtures::vectors;

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn date(value: &serde_json::Value) -> NaiveDate {
    NaiveDate::from_str(value.as_str().unwrap()).unwrap()
}

fn amount(value: &serde_json::Value) -> Decimal {
    Decimal::from_str(value.as_str().unwrap()).unwrap()
}

fn kind(value: &serde_json::Value) -> InterestKind {
    match value.as_str().unwrap() {
        "wettelijk" => InterestKind::Statutory,
        "handels" => InterestKind::Commercial,
        other => panic!("unknown kind {other}"),
    }
}

/// The shipped table plus the rate vector B1 needs. B1 (Rentetool example R0, §3.5) starts on
/// 29 May 2014, before the first row of §3.2 (1 July 2014); R0 states the wettelijke rente on
/// that day as 3 %, so the test adds that row the way a user would, instead of shipping a row
/// the reference does not list.
pub(super) fn vector_table() -> RateTable {
    let mut table = RateTable::seeded();
    table
        .add(Rate {
            valid_from: d(2014, 1, 1),
            kind: InterestKind::Statutory,
            percent: dec!(3),
            source: "Rentetool example R0 (nl-rules-sources §3.5): 3 % on 29-05-2014".into(),
            unverified: false,
        })
        .unwrap();
    table
}

fn simple(kind: InterestKind, principal: Decimal, from: NaiveDate, to: NaiveDate) -> Decimal {
    compute_simple_interest(&vector_table(), kind, principal, from, to, &[], dec!(0))
        .unwrap()
        .interest_total
}

#[test]
fn every_interest_vector_passes() {
    let table = vector_table();
    let cases = vectors("interest");
    assert_eq!(cases.len(), 9);
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let note = case["note"].as_str().unwrap_or("");
        let args = (
            kind(&case["kind"]),
            amount(&case["principal"]),
            date(&case["start"]),
            date(&case["end"]),
        );
        let result = if case["compound"].as_bool().unwrap() {
            compute_interest(&table, args.0, args.1, args.2, args.3, &[], dec!(0))
        } else {
            compute_simple_interest(&table, args.0, args.1, args.2, args.3, &[], dec!(0))
        }
        .unwrap();
        assert_eq!(
            result.interest_total,
            amount(&case["expected"]),
            "vector {id} {note}"
        );
        assert_eq!(
            result.days(),
            (args.3 - args.2).num_days() + 1,
            "vector {id}: every day from start through end bears interest"
        );
    }
}

#[test]
fn every_rate_lookup_vector_passes() {
    let table = RateTable::seeded();
    let cases = vectors("rate_lookup");
    assert_eq!(cases.len(), 6);
    for case in cases {
        let on = date(&case["date"]);
        let rate = table.rate_on(kind(&case["kind"]), on).unwrap();
        assert_eq!(
            rate.percent,
            amount(&case["expected"]),
            "rate_lookup {} on {on} (B14/B15)",
            case["kind"]
        );
    }
}

#[test]
fn b2_interest_is_split_at_the_1_january_rate_change_and_not_computed_unsplit() {
    let result = compute_simple_interest(
        &vector_table(),
        InterestKind::Statutory,
        dec!(1648.58),
        d(2014, 12, 12),
        d(2015, 5, 28),
        &[],
        dec!(0),
    )
    .unwrap();
    let parts: Vec<_> = result
        .segments
        .iter()
        .map(|s| (s.days, s.rate, s.amount))
        .collect();
    assert_eq!(
        parts,
        [(20, dec!(3), dec!(2.71)), (148, dec!(2), dec!(13.37))]
    );
    assert_ne!(result.interest_total, dec!(22.76), "B3: the unsplit amount");
}

#[test]
fn interest_is_split_at_the_1_july_rate_change() {
    // B5: 182 d @12.50 % = 62.33 + 184 d @12.25 % = 61.75 (days/365 also in leap years).
    let result = compute_interest(
        &RateTable::seeded(),
        InterestKind::Commercial,
        dec!(1000),
        d(2024, 1, 1),
        d(2024, 12, 31),
        &[],
        dec!(0),
    )
    .unwrap();
    let parts: Vec<_> = result
        .segments
        .iter()
        .map(|s| (s.from, s.days, s.amount))
        .collect();
    assert_eq!(
        parts,
        [
            (d(2024, 1, 1), 182, dec!(62.33)),
            (d(2024, 7, 1), 184, dec!(61.75))
        ]
    );
    assert_eq!(result.days(), 366);
}

#[test]
fn b7_the_interest_of_the_first_year_is_added_to_the_base_on_the_anniversary() {
    let result = compute_interest(
        &RateTable::seeded(),
        InterestKind::Statutory,
        dec!(10000),
        d(2023, 3, 15),
        d(2025, 3, 14),
        &[],
        dec!(0),
    )
    .unwrap();
    assert_eq!(
        result.capitalisations,
        [Capitalisation {
            on: d(2024, 3, 15),
            amount: dec!(562.75),
            base_after: dec!(10562.75)
        }]
    );
    let year_two = result
        .segments
        .iter()
        .find(|s| s.from == d(2024, 3, 15))
        .unwrap();
    assert_eq!((year_two.days, year_two.base), (108, dec!(10562.75)));
    assert_eq!(result.interest_total, dec!(1281.01));
    assert_eq!(result.interest_open, dec!(1281.01));
    assert_eq!(result.principal_open, dec!(10000));
    assert_eq!(result.base_at_end, dec!(10562.75));
}

#[test]
fn a_29_february_start_has_its_anniversary_on_28_february() {
    let result = compute_interest(
        &RateTable::seeded(),
        InterestKind::Commercial,
        dec!(1000),
        d(2024, 2, 29),
        d(2025, 3, 5),
        &[],
        dec!(0),
    )
    .unwrap();
    assert_eq!(result.capitalisations.len(), 1);
    assert_eq!(result.capitalisations[0].on, d(2025, 2, 28));
    let first_year: Decimal = result
        .segments
        .iter()
        .filter(|s| s.to < d(2025, 2, 28))
        .map(|s| s.amount)
        .sum();
    assert_eq!(result.capitalisations[0].amount, first_year);
    let last = result.segments.last().unwrap();
    assert_eq!((last.from, last.days), (d(2025, 2, 28), 6));
    assert_eq!(last.base, dec!(1000) + first_year);
}

#[test]
fn a_29_february_start_capitalises_on_29_february_again_in_the_next_leap_year() {
    let result = compute_interest(
        &RateTable::seeded(),
        InterestKind::Statutory,
        dec!(1000),
        d(2016, 2, 29),
        d(2020, 3, 1),
        &[],
        dec!(0),
    )
    .unwrap();
    let dates: Vec<_> = result.capitalisations.iter().map(|c| c.on).collect();
    assert_eq!(
        dates,
        [
            d(2017, 2, 28),
            d(2018, 2, 28),
            d(2019, 2, 28),
            d(2020, 2, 29)
        ]
    );
}

#[test]
fn the_worked_examples_r3_and_r4_reproduce_b9_and_b10() {
    // B9 / R3: compound across three rate periods, capitalised on 2023-11-01 (base 5.529,38).
    let table = RateTable::seeded();
    let kind = InterestKind::Commercial;
    let r3 = compute_interest(
        &table,
        kind,
        dec!(5000),
        d(2022, 11, 1),
        d(2024, 4, 30),
        &[],
        dec!(0),
    )
    .unwrap();
    assert_eq!(r3.capitalisations[0].base_after, dec!(5529.38), "B9");
    assert_eq!(r3.interest_total, dec!(869.40), "B9");
    // B10 / R4: 16 d @11,15 % + 184 d @10,15 % + 14 d @10,15 % (2026-01-01 row, same rate).
    let r4 = compute_interest(
        &table,
        kind,
        dec!(2500),
        d(2025, 6, 15),
        d(2026, 1, 14),
        &[],
        dec!(0),
    )
    .unwrap();
    let days: Vec<_> = r4.segments.iter().map(|s| s.days).collect();
    assert_eq!(days, [16, 184, 14], "B10");
    assert_eq!(r4.interest_total, dec!(149.87), "B10");
}

#[test]
fn simple_interest_never_capitalises() {
    // B8: same claim as B7 without capitalisation.
    let total = simple(
        InterestKind::Statutory,
        dec!(10000),
        d(2023, 3, 15),
        d(2025, 3, 14),
    );
    assert_eq!(total, dec!(1242.75));
}
