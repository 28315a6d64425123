//! Kasstroomprognose: expected receipts per week for the next 13 weeks.
//!
//! Each open invoice is placed at its due date shifted by its client's own recent lateness
//! (the amount-weighted average of payment day − due date over the client's invoices paid in
//! full in the last 12 months, early payments counting negative), or by the portfolio's
//! average over the same 12 months for a client without such history. Twelve months, like
//! the risk score's days late and the KPI "Gemiddeld te laat": how a client pays now predicts
//! the next payment better than what it did years ago, and a lifetime of paid invoices need
//! not be read to forecast the next weeks. A date already past
//! lands in the first week. The best case places every invoice on its due date. Invoices in an
//! arrangement that is being honoured are left out; their instalments come in at their dates.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use super::{IdMap, Receivable};

/// Weeks in the forecast.
pub const FORECAST_WEEKS: usize = 13;

/// An instalment of a payment arrangement still to be received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedReceipt {
    pub due: NaiveDate,
    pub amount: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForecastWeek {
    /// First day of the week (today + 7 × n).
    pub starts: NaiveDate,
    pub expected: Decimal,
    /// Everything paid on its due date.
    pub best_case: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashflowForecast {
    pub weeks: Vec<ForecastWeek>,
    /// Expected after the 13 weeks.
    pub later: Decimal,
    /// The lateness used for clients without history (days).
    pub portfolio_lateness: Decimal,
}

/// The lateness window: invoices paid in full after this many days before today.
const LATENESS_DAYS: i64 = 365;

fn lateness(receivables: &[Receivable], today: NaiveDate) -> (IdMap<Decimal>, Decimal) {
    let year_ago = today - Duration::days(LATENESS_DAYS);
    // Per client: (Σ days × amount, Σ amount), summed in one pass.
    let mut sums: IdMap<(Decimal, Decimal)> = IdMap::default();
    let (mut all_days, mut all_weight) = (Decimal::ZERO, Decimal::ZERO);
    for r in receivables {
        let recent = r
            .paid_in_full_on()
            .is_some_and(|on| on > year_ago && on <= today);
        if let Some(days) = r.days_late().filter(|_| recent) {
            let amount = r.amount();
            let weighted = Decimal::from(days) * amount;
            let entry = sums.entry(r.client_id).or_default();
            entry.0 += weighted;
            entry.1 += amount;
            all_days += weighted;
            all_weight += amount;
        }
    }
    let average = |days: Decimal, weight: Decimal| (days / weight).round_dp(1);
    let portfolio = if all_weight > Decimal::ZERO {
        average(all_days, all_weight)
    } else {
        Decimal::ZERO
    };
    let clients = sums
        .into_iter()
        .filter(|(_, (_, w))| *w > Decimal::ZERO)
        .map(|(c, (d, w))| (c, average(d, w)))
        .collect();
    (clients, portfolio)
}

fn whole_days(d: Decimal) -> i64 {
    i64::try_from(d.round()).unwrap_or(0)
}

/// The forecast from `today` for `receivables` and arrangement instalments.
pub fn forecast(
    receivables: &[Receivable],
    instalments: &[PlannedReceipt],
    today: NaiveDate,
) -> CashflowForecast {
    let (clients, portfolio) = lateness(receivables, today);
    let mut weeks: Vec<ForecastWeek> = (0..FORECAST_WEEKS)
        .map(|i| ForecastWeek {
            starts: today + Duration::days(7 * i as i64),
            expected: Decimal::ZERO,
            best_case: Decimal::ZERO,
        })
        .collect();
    let mut later = Decimal::ZERO;
    let week_of = |day: NaiveDate| -> Option<usize> {
        let n = (day - today).num_days().max(0) / 7;
        usize::try_from(n).ok().filter(|n| *n < FORECAST_WEEKS)
    };
    let mut place = |expected_on: NaiveDate, best_on: NaiveDate, amount: Decimal| {
        match week_of(expected_on) {
            Some(w) => weeks[w].expected += amount,
            None => later += amount,
        }
        if let Some(w) = week_of(best_on) {
            weeks[w].best_case += amount;
        }
    };
    for r in receivables.iter().filter(|r| !r.in_arrangement) {
        let open = r.open_on(today);
        if open <= Decimal::ZERO {
            continue;
        }
        let shift = clients.get(&r.client_id).copied().unwrap_or(portfolio);
        place(
            r.due_date + Duration::days(whole_days(shift)),
            r.due_date,
            open,
        );
    }
    for i in instalments {
        place(i.due, i.due, i.amount);
    }
    CashflowForecast {
        weeks,
        later,
        portfolio_lateness: portfolio,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cashflow::test_data::*;
    use rust_decimal_macros::dec;

    const TODAY: (i32, u32, u32) = (2026, 11, 23);

    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn an_open_invoice_moves_by_its_clients_own_lateness() {
        let data = vec![
            // Client 1 paid 14 days late before.
            invoice(
                1,
                d(2026, 8, 1),
                14,
                dec!(1000),
                &[(d(2026, 8, 29), dec!(1000))],
            ),
            // Open, due 30 November: expected 14 December (week 3), best case week 1.
            invoice(1, d(2026, 11, 16), 14, dec!(800), &[]),
        ];
        let f = forecast(&data, &[], today());
        assert_eq!(f.weeks[1].best_case, dec!(800));
        assert_eq!(f.weeks[1].expected, dec!(0));
        assert_eq!(f.weeks[3].expected, dec!(800));
        assert_eq!(f.weeks[0].starts, today());
    }

    #[test]
    fn only_the_last_twelve_months_of_payments_set_a_clients_lateness() {
        let data = vec![
            // Two years ago client 1 paid 60 days late; this year 14 days.
            invoice(
                1,
                d(2024, 8, 1),
                14,
                dec!(5000),
                &[(d(2024, 10, 14), dec!(5000))],
            ),
            invoice(
                1,
                d(2026, 8, 1),
                14,
                dec!(1000),
                &[(d(2026, 8, 29), dec!(1000))],
            ),
            // Open, due 30 November: expected 14 December (week 3).
            invoice(1, d(2026, 11, 16), 14, dec!(800), &[]),
        ];
        let f = forecast(&data, &[], today());
        assert_eq!(f.weeks[3].expected, dec!(800));
        assert_eq!(f.portfolio_lateness, dec!(14));
    }

    #[test]
    fn a_new_client_gets_the_portfolio_average() {
        let data = vec![
            invoice(
                1,
                d(2026, 8, 1),
                14,
                dec!(1000),
                &[(d(2026, 8, 22), dec!(1000))],
            ),
            invoice(
                2,
                d(2026, 8, 1),
                14,
                dec!(1000),
                &[(d(2026, 8, 29), dec!(1000))],
            ),
            // Client 3 is new: 7 and 14 days late on equal amounts → 10.5 → 11 days (rounded).
            invoice(3, d(2026, 11, 16), 14, dec!(500), &[]),
        ];
        let f = forecast(&data, &[], today());
        assert_eq!(f.portfolio_lateness, dec!(10.5));
        // Due 30 November + 11 = 11 December: week 2 (7–13 December from 23 November).
        assert_eq!(f.weeks[2].expected, dec!(500));
    }

    #[test]
    fn overdue_invoices_land_in_the_first_week_and_far_ones_later() {
        let data = vec![
            invoice(1, d(2026, 9, 1), 14, dec!(300), &[]),
            invoice(1, d(2026, 11, 20), 180, dec!(700), &[]),
        ];
        let f = forecast(&data, &[], today());
        assert_eq!(f.weeks[0].expected, dec!(300));
        assert_eq!(f.weeks[0].best_case, dec!(300));
        assert_eq!(f.later, dec!(700));
    }

    #[test]
    fn instalments_replace_their_invoices() {
        let base = invoice(1, d(2026, 9, 1), 14, dec!(2000), &[]);
        let in_arrangement = Receivable::new(
            1,
            base.invoice_date,
            base.due_date,
            base.total,
            dec!(0),
            vec![],
            true,
        );
        let plan = [PlannedReceipt {
            due: d(2026, 12, 1),
            amount: dec!(500),
        }];
        let f = forecast(&[in_arrangement], &plan, today());
        assert_eq!(f.weeks[1].expected, dec!(500));
        assert_eq!(
            f.weeks.iter().map(|w| w.expected).sum::<Decimal>(),
            dec!(500)
        );
    }
}
