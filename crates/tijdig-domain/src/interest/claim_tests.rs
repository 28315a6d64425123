//! The claim ledger (README "The claim"): the shared vectors of `claims.json`, each by its case
//! id, and the rules they stand for, each as a specification.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value;

use super::*;
use crate::test_fixtures::claims;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().unwrap(), "%Y-%m-%d").unwrap()
}

fn amount(v: &Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

fn list(v: &Value) -> Vec<Value> {
    v.as_array().cloned().unwrap_or_default()
}

/// Runs one case of `claims.json` on the shipped rate table and compares every figure.
fn run_case(id: &str) {
    let case = claims()
        .into_iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("case {id} in claims.json"));
    let kind = match case["kind"].as_str().unwrap() {
        "handels" => InterestKind::Commercial,
        "wettelijk" => InterestKind::Statutory,
        other => panic!("{id}: kind {other}"),
    };
    let costs: Vec<CostsDue> = list(&case["costs"])
        .iter()
        .map(|c| CostsDue {
            amount: amount(&c["amount"]),
            due_from: date(&c["due_from"]),
        })
        .collect();
    let payments: Vec<(NaiveDate, Decimal)> = list(&case["payments"])
        .iter()
        .map(|p| (date(&p["on"]), amount(&p["amount"])))
        .collect();
    let claim = compute_claim(
        &RateTable::seeded(),
        &ClaimFacts {
            kind,
            principal: amount(&case["principal"]),
            first_day: date(&case["first_day"]),
            costs: &costs,
            payments: &payments,
            waivers: &[],
            until: date(&case["until"]),
            compound: true,
            contractual: None,
        },
    )
    .unwrap_or_else(|e| panic!("{id}: {e:?}"));
    let expected = &case["expected"];
    let allocations = list(&expected["allocations"]);
    assert_eq!(claim.payments.len(), allocations.len(), "{id}: payments");
    for (got, want) in claim.payments.iter().zip(&allocations) {
        let on = date(&want["on"]);
        assert_eq!(got.on, on, "{id}: payment date");
        assert_eq!(got.amount, amount(&want["amount"]), "{id} {on}: amount");
        assert_eq!(
            got.to_costs,
            amount(&want["to_costs"]),
            "{id} {on}: to costs"
        );
        assert_eq!(
            got.to_interest,
            amount(&want["to_interest"]),
            "{id} {on}: to interest"
        );
        assert_eq!(
            got.to_principal,
            amount(&want["to_principal"]),
            "{id} {on}: to principal"
        );
        assert_eq!(
            got.unapplied,
            amount(&want["unapplied"]),
            "{id} {on}: unapplied"
        );
    }
    assert_eq!(
        claim.interest_total,
        amount(&expected["interest_total"]),
        "{id}: interest total"
    );
    assert_eq!(
        claim.principal_open,
        amount(&expected["principal_open"]),
        "{id}: principal open"
    );
    assert_eq!(
        claim.interest_open,
        amount(&expected["interest_open"]),
        "{id}: interest open"
    );
    assert_eq!(
        claim.costs_open,
        amount(&expected["costs_open"]),
        "{id}: costs open"
    );
    assert_eq!(
        claim.total_open(),
        amount(&expected["total_open"]),
        "{id}: total open"
    );
}

#[test]
fn c1_a_partial_payment_after_verzuim_goes_to_costs_then_interest_then_principal() {
    run_case("C1");
}

#[test]
fn c2_a_payment_before_verzuim_pays_principal_only() {
    run_case("C2");
}

#[test]
fn c3_a_payment_inside_the_14_day_term_pays_no_costs_a_later_one_pays_them_first() {
    run_case("C3");
}

#[test]
fn c4_paying_the_whole_claim_settles_everything() {
    run_case("C4");
}

#[test]
fn c5_ten_euro_more_than_the_claim_is_left_unapplied() {
    run_case("C5");
}

#[test]
fn c6_a_payment_after_compounding_first_clears_capitalised_interest() {
    run_case("C6");
}

#[test]
fn c7_the_claim_runs_across_the_1_july_2026_rate_change() {
    run_case("C7");
}

#[test]
fn c8_small_payments_are_eaten_by_costs_and_interest() {
    run_case("C8");
}

#[test]
fn c9_paying_exactly_the_principal_after_the_costs_became_due_leaves_principal_open() {
    run_case("C9");
}

#[test]
fn c10_a_payment_on_the_anniversary_day_itself() {
    run_case("C10");
}

#[test]
fn every_case_of_claims_json_has_a_test() {
    let ids: Vec<String> = claims()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, (1..=10).map(|n| format!("C{n}")).collect::<Vec<_>>());
}

#[test]
fn costs_not_owed_yet_on_the_last_day_are_pending_not_open() {
    // A consumer's 14-dagenbrief term runs past the day asked: the costs are not (yet) part
    // of the claim on that day.
    let costs = [CostsDue {
        amount: dec!(60.00),
        due_from: d(2025, 3, 1),
    }];
    let claim = compute_claim(
        &RateTable::seeded(),
        &ClaimFacts {
            kind: InterestKind::Statutory,
            principal: dec!(400.00),
            first_day: d(2025, 1, 10),
            costs: &costs,
            payments: &[],
            waivers: &[],
            until: d(2025, 2, 20),
            compound: true,
            contractual: None,
        },
    )
    .unwrap();
    assert_eq!(claim.costs_open, dec!(0));
    assert_eq!(claim.costs_pending, dec!(60.00));
    assert_eq!(
        claim.total_open(),
        claim.principal_open + claim.interest_open
    );
}

#[test]
fn interest_never_runs_on_costs() {
    let table = RateTable::seeded();
    let costs = [CostsDue {
        amount: dec!(500.00),
        due_from: d(2025, 1, 1),
    }];
    let mut facts = ClaimFacts {
        kind: InterestKind::Commercial,
        principal: dec!(1000.00),
        first_day: d(2025, 1, 1),
        costs: &costs,
        payments: &[],
        waivers: &[],
        until: d(2025, 12, 31),
        compound: true,
        contractual: None,
    };
    let with = compute_claim(&table, &facts).unwrap();
    facts.costs = &[];
    let without = compute_claim(&table, &facts).unwrap();
    assert_eq!(with.interest_total, without.interest_total);
    assert_eq!(with.costs_open, dec!(500.00));
}

#[test]
fn costs_owed_from_different_days_are_paid_as_they_fall_due() {
    // Two invoices' € 40 in one claim: a payment between the two days pays only the first.
    let costs = [
        CostsDue {
            amount: dec!(40.00),
            due_from: d(2025, 3, 1),
        },
        CostsDue {
            amount: dec!(40.00),
            due_from: d(2025, 4, 1),
        },
    ];
    let payments = [(d(2025, 3, 15), dec!(50.00))];
    let claim = compute_claim(
        &RateTable::seeded(),
        &ClaimFacts {
            kind: InterestKind::Commercial,
            principal: dec!(2000.00),
            first_day: d(2025, 3, 1),
            costs: &costs,
            payments: &payments,
            waivers: &[],
            until: d(2025, 4, 30),
            compound: true,
            contractual: None,
        },
    )
    .unwrap();
    assert_eq!(claim.payments[0].to_costs, dec!(40.00));
    assert_eq!(claim.costs_open, dec!(40.00));
    assert_eq!(claim.costs_paid, dec!(40.00));
}

/// A business client paid the principal late; what is left is interest and € 40.
fn principal_paid_late(waivers: &[(NaiveDate, Decimal)]) -> crate::interest::InterestBreakdown {
    let costs = [CostsDue {
        amount: dec!(40.00),
        due_from: d(2026, 3, 1),
    }];
    let payments = [(d(2026, 4, 30), dec!(1240.00))];
    compute_claim(
        &RateTable::seeded(),
        &ClaimFacts {
            kind: InterestKind::Commercial,
            principal: dec!(1210.00),
            first_day: d(2026, 3, 1),
            costs: &costs,
            payments: &payments,
            waivers,
            until: d(2026, 6, 30),
            compound: true,
            contractual: None,
        },
    )
    .unwrap()
}

#[test]
fn paying_the_principal_amount_after_verzuim_leaves_the_principal_partly_open() {
    // € 1.240 on a € 1.210 invoice: € 40 costs and the interest go first (art. 6:44 BW).
    let claim = principal_paid_late(&[]);
    let paid = &claim.payments[0];
    assert_eq!(paid.to_costs, dec!(40.00));
    assert_eq!(claim.principal_open, dec!(1210.00) - paid.to_principal);
    assert!(claim.principal_open > dec!(0));
}

#[test]
fn a_waiver_settles_what_is_left_after_the_invoice_amount_was_paid_late() {
    // € 1.240 on € 1.210 + € 40 + interest: art. 6:44 leaves some principal open. Waiving
    // exactly the claim left settles it; the interest stops with the principal.
    let before = principal_paid_late(&[]);
    assert!(before.principal_open > dec!(0));
    let after = principal_paid_late(&[(d(2026, 4, 30), before.principal_open)]);
    assert_eq!(after.total_open(), dec!(0));
    assert_eq!(after.waived_total(), before.principal_open);
    assert!(after.payments.iter().all(|p| p.unapplied == dec!(0)));
}

#[test]
fn a_waiver_is_never_counted_as_money_received() {
    let after = principal_paid_late(&[(d(2026, 4, 30), dec!(5.00))]);
    assert_eq!(after.paid_total(), dec!(1240.00));
    assert_eq!(after.waived_total(), dec!(5.00));
}
