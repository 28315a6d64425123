//! Kasstroom en risico: the dashboard's numbers, computed from the user's own receivables —
//! KPIs with their change against 30 days ago, aging buckets (ouderdomsanalyse), a 13-week
//! cashflow forecast (kasstroomprognose) and a risk score per client (risicoscore) that
//! explains itself. Pure functions over plain data, fast enough for 100,000 invoices.

mod aging;
mod forecast;
mod kpi;
mod risk;

pub use aging::{aging, AgingBuckets, AGING_LABELS};
pub use forecast::{forecast, CashflowForecast, ForecastWeek, PlannedReceipt};
pub use kpi::{kpis, Kpis};
pub use risk::{risk_score, RiskFactor, RiskInput, RiskScore};

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One issued invoice as the dashboard sees it (credit notes are folded into `credited`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receivable {
    pub client_id: i64,
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    /// Total incl. btw.
    pub total: Decimal,
    /// Credited by credit notes (a positive amount).
    pub credited: Decimal,
    /// Payments (date, amount), in date order.
    pub payments: Vec<(NaiveDate, Decimal)>,
    /// Part of a payment arrangement that is being honoured: the forecast uses the instalments.
    pub in_arrangement: bool,
}

impl Receivable {
    /// What the client owes for it: the total less credit notes.
    pub fn amount(&self) -> Decimal {
        self.total - self.credited
    }

    /// Open on `day` (nothing before the invoice existed).
    pub fn open_on(&self, day: NaiveDate) -> Decimal {
        if self.invoice_date > day {
            return Decimal::ZERO;
        }
        let paid: Decimal = self
            .payments
            .iter()
            .take_while(|(d, _)| *d <= day)
            .map(|(_, a)| *a)
            .sum();
        (self.amount() - paid).max(Decimal::ZERO)
    }

    /// The day the last cent was paid, if it was.
    pub fn paid_in_full_on(&self) -> Option<NaiveDate> {
        let amount = self.amount();
        if amount <= Decimal::ZERO {
            return None;
        }
        let mut sum = Decimal::ZERO;
        for (day, paid) in &self.payments {
            sum += *paid;
            if sum >= amount {
                return Some(*day);
            }
        }
        None
    }

    /// Days between the due date and full payment (negative: early).
    pub fn days_late(&self) -> Option<i64> {
        self.paid_in_full_on()
            .map(|d| (d - self.due_date).num_days())
    }
}

/// Weighted average of (days, weight); `None` without weight.
pub(crate) fn weighted_days(items: impl Iterator<Item = (i64, Decimal)>) -> Option<Decimal> {
    let (mut sum, mut weight) = (Decimal::ZERO, Decimal::ZERO);
    for (days, w) in items {
        sum += Decimal::from(days) * w;
        weight += w;
    }
    (weight > Decimal::ZERO).then(|| (sum / weight).round_dp(1))
}

#[cfg(test)]
pub(crate) mod test_data {
    use super::*;
    use rust_decimal_macros::dec;

    pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub fn invoice(
        client: i64,
        date: NaiveDate,
        term: i64,
        total: Decimal,
        payments: &[(NaiveDate, Decimal)],
    ) -> Receivable {
        Receivable {
            client_id: client,
            invoice_date: date,
            due_date: date + chrono::Duration::days(term),
            total,
            credited: dec!(0),
            payments: payments.to_vec(),
            in_arrangement: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_data::*;
    use rust_decimal_macros::dec;

    #[test]
    fn open_amount_follows_the_payments_and_the_invoice_date() {
        let r = invoice(
            1,
            d(2026, 10, 1),
            14,
            dec!(1000),
            &[(d(2026, 10, 20), dec!(400)), (d(2026, 11, 5), dec!(600))],
        );
        assert_eq!(r.open_on(d(2026, 9, 30)), dec!(0));
        assert_eq!(r.open_on(d(2026, 10, 1)), dec!(1000));
        assert_eq!(r.open_on(d(2026, 10, 25)), dec!(600));
        assert_eq!(r.open_on(d(2026, 11, 5)), dec!(0));
        assert_eq!(r.paid_in_full_on(), Some(d(2026, 11, 5)));
        assert_eq!(r.days_late(), Some(21));
    }
}
