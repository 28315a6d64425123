//! Ouderdomsanalyse: open amounts by how long they are overdue.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Receivable;

/// Niet vervallen, 1–30, 31–60, 61–90 and more than 90 days past the due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AgingBuckets {
    pub buckets: [Decimal; 5],
}

/// Bucket labels, Dutch.
pub const AGING_LABELS: [&str; 5] = [
    "Niet vervallen",
    "1–30 dagen",
    "31–60 dagen",
    "61–90 dagen",
    "> 90 dagen",
];

impl AgingBuckets {
    pub fn total(&self) -> Decimal {
        self.buckets.iter().copied().sum()
    }

    /// Adds an open amount that is `days_overdue` past due (≤ 0: not yet due).
    pub fn add(&mut self, days_overdue: i64, amount: Decimal) {
        let i = match days_overdue {
            i64::MIN..=0 => 0,
            1..=30 => 1,
            31..=60 => 2,
            61..=90 => 3,
            _ => 4,
        };
        self.buckets[i] += amount;
    }
}

/// The buckets of the given receivables on `day`.
pub fn aging<'a>(
    receivables: impl IntoIterator<Item = &'a Receivable>,
    day: NaiveDate,
) -> AgingBuckets {
    let mut out = AgingBuckets::default();
    for r in receivables {
        let open = r.open_on(day);
        if open > Decimal::ZERO {
            out.add((day - r.due_date).num_days(), open);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cashflow::test_data::*;
    use rust_decimal_macros::dec;

    #[test]
    fn each_bucket_has_its_own_boundaries() {
        let today = d(2026, 11, 22);
        let due_days_ago = |days: i64, amount| {
            let due = today - chrono::Duration::days(days);
            invoice(1, due - chrono::Duration::days(14), 14, amount, &[])
        };
        let data = [
            due_days_ago(0, dec!(1)),
            due_days_ago(1, dec!(10)),
            due_days_ago(30, dec!(20)),
            due_days_ago(31, dec!(100)),
            due_days_ago(60, dec!(200)),
            due_days_ago(61, dec!(1000)),
            due_days_ago(90, dec!(2000)),
            due_days_ago(91, dec!(10000)),
        ];
        let a = aging(&data, today);
        assert_eq!(
            a.buckets,
            [dec!(1), dec!(30), dec!(300), dec!(3000), dec!(10000)]
        );
        assert_eq!(a.total(), dec!(13331));
    }

    #[test]
    fn paid_invoices_are_not_in_any_bucket() {
        let paid = invoice(
            1,
            d(2026, 1, 1),
            14,
            dec!(500),
            &[(d(2026, 2, 1), dec!(500))],
        );
        assert_eq!(aging(&[paid], d(2026, 11, 22)).total(), dec!(0));
    }
}
