//! Properties that hold for every input, not just the worked examples (issue "Nothing lost,
//! nothing twice"): the claim ledger (art. 6:44 BW allocation) adds up, is never negative, grows
//! with time and shrinks with every payment; money typed as it is shown reads back the same;
//! the bank readers refuse what they cannot read without ever panicking. Each property runs
//! `CASES` generated cases (proptest; a failure is shrunk to the smallest input and printed).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use tijdig_domain::bank::read_statement;
use tijdig_domain::interest::{compute_claim, ClaimFacts, CostsDue, InterestKind, RateTable};
use tijdig_domain::late_payment_terms::{ContractualInterest, RatePeriod};
use tijdig_domain::money::{format_eur_nl, parse_amount, MAX_AMOUNT};

/// Generated cases per property (each runs in well under a millisecond).
const CASES: u32 = 512;

/// `CASES` cases; a failure is printed (shrunk), not written into the source tree.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + Duration::days(offset)
}

fn cents(n: i64) -> Decimal {
    Decimal::new(n, 2)
}

/// One claim: principal, first day of verzuim, costs, payments (all on or before `until`).
#[derive(Debug, Clone)]
struct Claim {
    kind: InterestKind,
    principal: Decimal,
    first_day: NaiveDate,
    costs: Vec<CostsDue>,
    payments: Vec<(NaiveDate, Decimal)>,
    until: NaiveDate,
    compound: bool,
    /// A contractual rate instead of the table's (business clients' accepted voorwaarden).
    contractual: Option<ContractualInterest>,
}

impl Claim {
    fn facts(&self) -> ClaimFacts<'_> {
        ClaimFacts {
            kind: self.kind,
            principal: self.principal,
            first_day: self.first_day,
            costs: &self.costs,
            payments: &self.payments,
            waivers: &[],
            until: self.until,
            compound: self.compound,
            contractual: self.contractual,
        }
    }
}

fn claims() -> impl Strategy<Value = Claim> {
    (
        any::<bool>(),
        1i64..10_000_000, // € 0,01 … € 100.000
        0i64..4000,       // first day: 2015 … 2025
        0i64..2500,       // until: up to ~7 years later
        prop::collection::vec((0i64..3000, 1i64..5_000_000), 0..6),
        prop::collection::vec((0i64..2000, 4000i64..200_000), 0..2),
        any::<bool>(),
        prop::option::of((1i64..1000, any::<bool>())), // 0,01 … 9,99 % per month or year
    )
        .prop_map(
            |(commercial, principal, first, length, payments, costs, compound, contractual)| {
                let first_day = day(first);
                let until = first_day + Duration::days(length);
                Claim {
                    kind: if commercial {
                        InterestKind::Commercial
                    } else {
                        InterestKind::Statutory
                    },
                    principal: cents(principal),
                    first_day,
                    // Costs fall due on some day of the claim.
                    costs: costs
                        .into_iter()
                        .map(|(at, amount)| CostsDue {
                            amount: cents(amount),
                            due_from: first_day + Duration::days(at % (length + 1)),
                        })
                        .collect(),
                    // Payments from a month before verzuim up to `until`.
                    payments: payments
                        .into_iter()
                        .map(|(at, amount)| {
                            (
                                first_day - Duration::days(30) + Duration::days(at % (length + 31)),
                                cents(amount),
                            )
                        })
                        .collect(),
                    until,
                    compound,
                    contractual: contractual.map(|(hundredths, monthly)| ContractualInterest {
                        percent: cents(hundredths),
                        per: if monthly {
                            RatePeriod::Month
                        } else {
                            RatePeriod::Year
                        },
                        compound,
                    }),
                }
            },
        )
}

proptest! {
    #![proptest_config(config())]

    /// Every payment is split completely over costs, interest, principal and what was more
    /// than owed; nothing is negative; paid + open is what was owed.
    #[test]
    fn the_ledger_adds_up_and_nothing_is_negative(claim in claims()) {
        let table = RateTable::seeded();
        let b = compute_claim(&table, &claim.facts()).unwrap();
        let mut to_principal = Decimal::ZERO;
        for p in &b.payments {
            prop_assert_eq!(p.to_costs + p.to_interest + p.to_principal + p.unapplied, p.amount);
            for part in [p.to_costs, p.to_interest, p.to_principal, p.unapplied] {
                prop_assert!(part >= Decimal::ZERO, "{:?}", p);
            }
            to_principal += p.to_principal;
        }
        prop_assert_eq!(b.payments.len(), claim.payments.len());
        for open in [b.principal_open, b.interest_open, b.costs_open, b.interest_total, b.interest_paid, b.costs_paid] {
            prop_assert!(open >= Decimal::ZERO, "{:?}", b);
        }
        prop_assert_eq!(b.principal_open, claim.principal - to_principal);
        prop_assert_eq!(b.interest_open, b.interest_total - b.interest_paid);
        let owed_costs: Decimal = claim.costs.iter().filter(|c| c.due_from <= claim.until).map(|c| c.amount).sum();
        prop_assert!(b.costs_paid + b.costs_open <= owed_costs + b.costs_pending);
    }

    /// More time never means less interest, and never less open, with the same payments.
    #[test]
    fn more_time_never_means_less_interest(claim in claims(), later in 1i64..800) {
        let table = RateTable::seeded();
        let now = compute_claim(&table, &claim.facts()).unwrap();
        let longer = Claim { until: claim.until + Duration::days(later), ..claim.clone() };
        let then = compute_claim(&table, &longer.facts()).unwrap();
        prop_assert!(then.interest_total >= now.interest_total, "{} < {}", then.interest_total, now.interest_total);
        prop_assert!(then.total_open() >= now.total_open(), "{} < {}", then.total_open(), now.total_open());
    }

    /// A payment never increases what is open. (It may lower it by more than it brings: paid
    /// early, it also stops the interest on what it paid.)
    #[test]
    fn a_payment_never_increases_what_is_open(claim in claims(), at in 0i64..2500, amount in 1i64..5_000_000) {
        let table = RateTable::seeded();
        let before = compute_claim(&table, &claim.facts()).unwrap();
        let length = (claim.until - claim.first_day).num_days();
        let mut paid = claim.clone();
        paid.payments.push((claim.first_day + Duration::days(at % (length + 1)), cents(amount)));
        let after = compute_claim(&table, &paid.facts()).unwrap();
        prop_assert!(after.total_open() <= before.total_open(), "{} > {}", after.total_open(), before.total_open());
        // Paid on the last day, it lowers what is open by at most what it brings.
        let mut last = claim.clone();
        last.payments.push((claim.until, cents(amount)));
        let at_end = compute_claim(&table, &last.facts()).unwrap();
        prop_assert!(before.total_open() - at_end.total_open() <= cents(amount));
    }

    /// An amount shown as Dutch money (`€ 1.234,56`) and typed back reads as the same cents.
    #[test]
    fn money_shown_and_typed_back_is_the_same(n in 0i64..=10_000_000_000) {
        let amount = cents(n);
        prop_assume!(amount <= MAX_AMOUNT);
        let shown = format_eur_nl(amount);
        prop_assert_eq!(parse_amount(&shown).unwrap(), amount, "{}", shown);
        // And the way people type it: no symbol, no grouping.
        let typed = shown.trim_start_matches("€ ").replace('.', "");
        prop_assert_eq!(parse_amount(&typed).unwrap(), amount, "{}", typed);
    }

    /// Whatever is typed in an amount field: a value in range with whole cents, or a refusal —
    /// never a panic.
    #[test]
    fn any_typed_amount_is_read_or_refused(text in "\\PC{0,40}") {
        if let Ok(amount) = parse_amount(&text) {
            prop_assert!(amount >= Decimal::ZERO && amount <= MAX_AMOUNT);
            prop_assert!(amount.scale() <= 2);
        }
    }

    /// Any bytes: read as a statement or refused, never a panic.
    #[test]
    fn the_bank_readers_never_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read_statement(&bytes);
    }

    /// Real statements with bytes changed, cut short or repeated: read or refused, never a panic.
    #[test]
    fn the_bank_readers_never_panic_on_damaged_real_files(
        file in 0usize..1000,
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..12),
        cut in any::<prop::sample::Index>(),
    ) {
        let files = samples();
        let mut bytes = files[file % files.len()].clone();
        for (at, byte) in flips {
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
        }
        if !bytes.is_empty() {
            bytes.truncate(cut.index(bytes.len()) + 1);
        }
        let _ = read_statement(&bytes);
    }
}

/// Every bank sample in the fixtures, read once.
fn samples() -> &'static Vec<Vec<u8>> {
    static SAMPLES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    SAMPLES.get_or_init(|| {
        let mut out = Vec::new();
        let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bank")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    if !path.ends_with("LICENSES") {
                        dirs.push(path);
                    }
                } else if path.extension().is_some_and(|e| e != "md") {
                    out.push(std::fs::read(path).unwrap());
                }
            }
        }
        assert!(out.len() > 30, "{} samples", out.len());
        out
    })
}
