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
pub use risk::{days_late_history, risk_score, RiskFactor, RiskInput, RiskScore};

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One issued invoice as the dashboard sees it (credit notes are folded into `credited`).
/// Built with [`Receivable::new`], which works out once what every figure asks again.
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
    paid_total: Decimal,
    last_payment: Option<NaiveDate>,
    paid_in_full: Option<NaiveDate>,
}

impl Receivable {
    pub fn new(
        client_id: i64,
        invoice_date: NaiveDate,
        due_date: NaiveDate,
        total: Decimal,
        credited: Decimal,
        mut payments: Vec<(NaiveDate, Decimal)>,
        in_arrangement: bool,
    ) -> Receivable {
        payments.sort_by_key(|(d, _)| *d);
        let amount = total - credited;
        let mut paid_total = Decimal::ZERO;
        let mut paid_in_full = None;
        for (day, paid) in &payments {
            paid_total += *paid;
            if paid_in_full.is_none() && amount > Decimal::ZERO && paid_total >= amount {
                paid_in_full = Some(*day);
            }
        }
        Receivable {
            client_id,
            invoice_date,
            due_date,
            total,
            credited,
            last_payment: payments.last().map(|(d, _)| *d),
            payments,
            in_arrangement,
            paid_total,
            paid_in_full,
        }
    }

    /// What the client owes for it: the total less credit notes.
    pub fn amount(&self) -> Decimal {
        self.total - self.credited
    }

    /// Open on `day` (nothing before the invoice existed).
    pub fn open_on(&self, day: NaiveDate) -> Decimal {
        if self.invoice_date > day {
            return Decimal::ZERO;
        }
        let paid = if self.last_payment.is_none_or(|last| last <= day) {
            self.paid_total
        } else {
            self.payments
                .iter()
                .take_while(|(d, _)| *d <= day)
                .map(|(_, a)| *a)
                .sum()
        };
        (self.amount() - paid).max(Decimal::ZERO)
    }

    /// The day the last cent was paid, if it was.
    pub fn paid_in_full_on(&self) -> Option<NaiveDate> {
        self.paid_in_full
    }

    /// Days between the due date and full payment (negative: early).
    pub fn days_late(&self) -> Option<i64> {
        self.paid_in_full.map(|d| (d - self.due_date).num_days())
    }
}

/// A fast hasher for integer ids (client and invoice rowids): a multiply-shift mix instead of
/// SipHash, which is built to resist hostile keys these maps never see.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
        }
    }
    fn write_i64(&mut self, i: i64) {
        self.0 = (self.0 ^ i.cast_unsigned())
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(26);
    }
}

/// Maps keyed by id with [`IdHasher`].
pub type IdMap<V> = std::collections::HashMap<i64, V, std::hash::BuildHasherDefault<IdHasher>>;

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
        Receivable::new(
            client,
            date,
            date + chrono::Duration::days(term),
            total,
            dec!(0),
            payments.to_vec(),
            false,
        )
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
