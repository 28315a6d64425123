//! Risicoscore: 0 (no concern) to 100 (act now) per client, as the weighted sum of factors
//! that each say what they measured. Weights (sum 100):
//!
//! | Factor | Weight | Full weight at |
//! |---|---|---|
//! | Days late (amount-weighted, invoices paid in the last 12 months, and overdue ones so far) | 25 | 60 days |
//! | Overdue share of the client's open amount | 20 | 100 % |
//! | Concentration: the client's share of all receivables | 15 | 50 % |
//! | Broken payment arrangements | 15 | 2 |
//! | Open disputes | 10 | 1 |
//! | Debtor type from the client card | 10 | "kan en wil niet" |
//! | Contact attempts without answer in the last 90 days | 5 | 3 |

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use super::{weighted_days, Receivable};
use crate::DebtorType;

/// A client's days late for the score: invoices paid in full in the last 12 months (early
/// counts as 0) and open overdue invoices with the days so far, weighted by amount.
pub fn days_late_history<'a>(
    receivables: impl IntoIterator<Item = &'a Receivable>,
    today: NaiveDate,
) -> Option<Decimal> {
    let year_ago = today - Duration::days(365);
    let items = receivables.into_iter().filter_map(|r| {
        if let Some(on) = r.paid_in_full_on() {
            return (on > year_ago && on <= today)
                .then(|| ((on - r.due_date).num_days().max(0), r.amount()));
        }
        let open = r.open_on(today);
        (open > Decimal::ZERO && r.due_date < today)
            .then(|| ((today - r.due_date).num_days(), open))
    });
    weighted_days(items)
}

/// What the score is computed from, for one client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskInput {
    /// Amount-weighted days late (`None` without history).
    pub days_late: Option<Decimal>,
    pub open: Decimal,
    pub overdue: Decimal,
    /// All receivables of all clients.
    pub portfolio_open: Decimal,
    pub broken_arrangements: u32,
    pub open_disputes: u32,
    pub debtor_type: DebtorType,
    pub unanswered_contacts: u32,
}

/// One factor: its code, weight, this client's value and the points it adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskFactor {
    pub code: &'static str,
    pub weight: u32,
    /// 0 … 1: how much of the weight applies.
    pub fraction: Decimal,
    pub points: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskScore {
    /// 0 … 100, whole points.
    pub score: u32,
    pub factors: Vec<RiskFactor>,
}

fn capped(value: Decimal, full_at: Decimal) -> Decimal {
    if full_at <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    (value / full_at).clamp(Decimal::ZERO, Decimal::ONE)
}

fn debtor_fraction(t: DebtorType) -> Decimal {
    match t {
        DebtorType::Forgets => Decimal::new(2, 1),
        DebtorType::Unknown => Decimal::new(3, 1),
        DebtorType::CannotPay => Decimal::new(7, 1),
        DebtorType::WillNotPay => Decimal::new(8, 1),
        DebtorType::CannotAndWillNot => Decimal::ONE,
    }
}

pub fn risk_score(input: &RiskInput) -> RiskScore {
    let share = |part: Decimal, whole: Decimal| {
        if whole > Decimal::ZERO {
            part / whole
        } else {
            Decimal::ZERO
        }
    };
    let fractions: [(&'static str, u32, Decimal); 7] = [
        (
            "days_late",
            25,
            capped(input.days_late.unwrap_or_default(), Decimal::from(60)),
        ),
        (
            "overdue_share",
            20,
            capped(share(input.overdue, input.open), Decimal::ONE),
        ),
        (
            "concentration",
            15,
            capped(share(input.open, input.portfolio_open), Decimal::new(5, 1)),
        ),
        (
            "broken_arrangements",
            15,
            capped(Decimal::from(input.broken_arrangements), Decimal::from(2)),
        ),
        (
            "disputes",
            10,
            capped(Decimal::from(input.open_disputes), Decimal::ONE),
        ),
        ("debtor_type", 10, debtor_fraction(input.debtor_type)),
        (
            "no_answer",
            5,
            capped(Decimal::from(input.unanswered_contacts), Decimal::from(3)),
        ),
    ];
    let factors: Vec<RiskFactor> = fractions
        .into_iter()
        .map(|(code, weight, fraction)| RiskFactor {
            code,
            weight,
            fraction: fraction.round_dp(2),
            points: (Decimal::from(weight) * fraction).round_dp(1),
        })
        .collect();
    let total: Decimal = factors
        .iter()
        .map(|f| Decimal::from(f.weight) * f.fraction)
        .sum();
    RiskScore {
        score: u32::try_from(total.round()).unwrap_or(0).min(100),
        factors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn calm() -> RiskInput {
        RiskInput {
            days_late: Some(dec!(0)),
            open: dec!(1000),
            overdue: dec!(0),
            portfolio_open: dec!(100000),
            broken_arrangements: 0,
            open_disputes: 0,
            debtor_type: DebtorType::Forgets,
            unanswered_contacts: 0,
        }
    }

    fn points(input: &RiskInput, code: &str) -> Decimal {
        risk_score(input)
            .factors
            .iter()
            .find(|f| f.code == code)
            .unwrap()
            .points
    }

    #[test]
    fn days_late_history_weighs_paid_and_open_overdue_invoices() {
        use crate::cashflow::test_data::{d, invoice};
        let today = d(2026, 11, 22);
        let data = [
            // Paid 10 days late, € 1000.
            invoice(
                1,
                d(2026, 8, 1),
                14,
                dec!(1000),
                &[(d(2026, 8, 25), dec!(1000))],
            ),
            // Open and 30 days overdue, € 1000.
            invoice(1, d(2026, 10, 9), 14, dec!(1000), &[]),
            // Not yet due: does not count.
            invoice(1, d(2026, 11, 20), 14, dec!(5000), &[]),
        ];
        assert_eq!(days_late_history(&data, today), Some(dec!(20.0)));
        assert_eq!(days_late_history(&data[2..], today), None);
    }

    #[test]
    fn weights_add_up_to_one_hundred() {
        let sum: u32 = risk_score(&calm()).factors.iter().map(|f| f.weight).sum();
        assert_eq!(sum, 100);
        assert_eq!(
            risk_score(&calm()).score,
            2,
            "a calm client who forgets: 10 × 0.2 + 15 × 0.02"
        );
    }

    #[test]
    fn days_late_counts_up_to_sixty_days() {
        let mut i = calm();
        i.days_late = Some(dec!(30));
        assert_eq!(points(&i, "days_late"), dec!(12.5));
        i.days_late = Some(dec!(90));
        assert_eq!(points(&i, "days_late"), dec!(25));
    }

    #[test]
    fn overdue_share_of_the_clients_open_amount() {
        let mut i = calm();
        i.overdue = dec!(250);
        assert_eq!(points(&i, "overdue_share"), dec!(5));
    }

    #[test]
    fn concentration_is_full_at_half_of_all_receivables() {
        let mut i = calm();
        i.portfolio_open = dec!(4000);
        assert_eq!(points(&i, "concentration"), dec!(7.5));
        i.portfolio_open = dec!(1000);
        assert_eq!(points(&i, "concentration"), dec!(15));
    }

    #[test]
    fn broken_arrangements_count_up_to_two() {
        let mut i = calm();
        i.broken_arrangements = 1;
        assert_eq!(points(&i, "broken_arrangements"), dec!(7.5));
        i.broken_arrangements = 5;
        assert_eq!(points(&i, "broken_arrangements"), dec!(15));
    }

    #[test]
    fn an_open_dispute_counts_in_full() {
        let mut i = calm();
        i.open_disputes = 1;
        assert_eq!(points(&i, "disputes"), dec!(10));
    }

    #[test]
    fn the_debtor_type_shapes_the_score() {
        let mut i = calm();
        i.debtor_type = DebtorType::CannotAndWillNot;
        assert_eq!(points(&i, "debtor_type"), dec!(10));
        i.debtor_type = DebtorType::CannotPay;
        assert_eq!(points(&i, "debtor_type"), dec!(7));
    }

    #[test]
    fn contact_without_answer_counts_up_to_three_attempts() {
        let mut i = calm();
        i.unanswered_contacts = 2;
        assert_eq!(points(&i, "no_answer"), dec!(3.3));
    }

    #[test]
    fn the_worst_client_scores_one_hundred() {
        let worst = RiskInput {
            days_late: Some(dec!(120)),
            open: dec!(5000),
            overdue: dec!(5000),
            portfolio_open: dec!(5000),
            broken_arrangements: 2,
            open_disputes: 1,
            debtor_type: DebtorType::CannotAndWillNot,
            unanswered_contacts: 3,
        };
        assert_eq!(risk_score(&worst).score, 100);
    }
}
