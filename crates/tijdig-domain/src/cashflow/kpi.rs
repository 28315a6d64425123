//! The KPIs on a day.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use super::{weighted_days, Receivable};

/// The dashboard's key figures on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kpis {
    /// Openstaande vorderingen.
    pub open: Decimal,
    /// Vervallen vorderingen: open and past the due date.
    pub overdue: Decimal,
    pub open_count: usize,
    /// Days sales outstanding: receivables ÷ sales of the last 90 days × 90 (`None` without
    /// sales in those days).
    pub dso: Option<Decimal>,
    /// Average days late of invoices paid in full in the last 12 months, weighted by amount
    /// (early payment counts as 0).
    pub average_days_late: Option<Decimal>,
    /// Share of the invoices paid in full in the last 12 months that were paid by the due
    /// date, in percent.
    pub paid_on_time_percent: Option<Decimal>,
}

/// The window of the DSO formula.
pub const DSO_DAYS: i64 = 90;

/// The KPIs of `receivables` on `day`.
pub fn kpis(receivables: &[Receivable], day: NaiveDate) -> Kpis {
    let dso_from = day - Duration::days(DSO_DAYS - 1);
    let year_ago = day - Duration::days(365);
    let (mut open, mut overdue, mut open_count, mut sales) =
        (Decimal::ZERO, Decimal::ZERO, 0, Decimal::ZERO);
    let (mut paid, mut on_time) = (0usize, 0usize);
    let mut late = Vec::new();
    for r in receivables {
        let o = r.open_on(day);
        if o > Decimal::ZERO {
            open += o;
            open_count += 1;
            if r.due_date < day {
                overdue += o;
            }
        }
        if r.invoice_date >= dso_from && r.invoice_date <= day {
            sales += r.amount();
        }
        if let Some(on) = r
            .paid_in_full_on()
            .filter(|on| *on > year_ago && *on <= day)
        {
            paid += 1;
            if on <= r.due_date {
                on_time += 1;
            }
            late.push(((on - r.due_date).num_days().max(0), r.amount()));
        }
    }
    Kpis {
        open,
        overdue,
        open_count,
        dso: (sales > Decimal::ZERO).then(|| (open / sales * Decimal::from(DSO_DAYS)).round_dp(1)),
        average_days_late: weighted_days(late.into_iter()),
        paid_on_time_percent: (paid > 0)
            .then(|| (Decimal::from(on_time * 100) / Decimal::from(paid)).round_dp(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cashflow::test_data::*;
    use rust_decimal_macros::dec;

    fn data() -> Vec<Receivable> {
        vec![
            // Paid 10 days late.
            invoice(
                1,
                d(2026, 8, 1),
                14,
                dec!(1000),
                &[(d(2026, 8, 25), dec!(1000))],
            ),
            // Paid on time.
            invoice(
                2,
                d(2026, 9, 1),
                30,
                dec!(3000),
                &[(d(2026, 9, 20), dec!(3000))],
            ),
            // Open, overdue since 16 October, partly paid.
            invoice(
                1,
                d(2026, 10, 1),
                14,
                dec!(2000),
                &[(d(2026, 10, 20), dec!(500))],
            ),
            // Open, not yet due.
            invoice(2, d(2026, 11, 15), 30, dec!(1500), &[]),
        ]
    }

    #[test]
    fn open_overdue_and_count() {
        let k = kpis(&data(), d(2026, 11, 22));
        assert_eq!(k.open, dec!(3000));
        assert_eq!(k.overdue, dec!(1500));
        assert_eq!(k.open_count, 2);
    }

    #[test]
    fn dso_is_receivables_over_ninety_days_of_sales() {
        // Sales 24 Aug – 22 Nov: 3000 + 2000 + 1500 = 6500; 3000 / 6500 × 90 = 41.5.
        assert_eq!(kpis(&data(), d(2026, 11, 22)).dso, Some(dec!(41.5)));
        assert_eq!(kpis(&[], d(2026, 11, 22)).dso, None);
    }

    #[test]
    fn average_days_late_is_weighted_by_amount() {
        // 10 days late on 1000, on time (0) on 3000: 10 × 1000 / 4000 = 2.5.
        assert_eq!(
            kpis(&data(), d(2026, 11, 22)).average_days_late,
            Some(dec!(2.5))
        );
    }

    #[test]
    fn paid_on_time_counts_invoices_of_the_last_twelve_months() {
        assert_eq!(
            kpis(&data(), d(2026, 11, 22)).paid_on_time_percent,
            Some(dec!(50.0))
        );
        // A year later both payments fell out of the window.
        assert_eq!(kpis(&data(), d(2027, 12, 1)).paid_on_time_percent, None);
    }

    #[test]
    fn thirty_days_ago_the_picture_was_different() {
        let k = kpis(&data(), d(2026, 10, 23));
        assert_eq!(k.open, dec!(1500));
        assert_eq!(k.overdue, dec!(1500));
        assert_eq!(k.open_count, 1);
    }
}
