//! Rentetabel: the rates are data, not code (README "Statutory interest"; nl-rules-sources §3.2:
//! "ship the table as data with a 'valid from' date; let the user/updater add rows each 1 Jan /
//! 1 Jul; never hard-code 'current rate'").

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::InterestKind;
use crate::Issue;

/// Highest percentage the rentetabel accepts: anything above is a typing error, not a rate.
pub const MAX_RATE_PERCENT: Decimal = Decimal::ONE_HUNDRED;

/// Rentepercentage: one row of the rentetabel, valid from `valid_from` until the next row of
/// the same kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rate {
    /// Geldig vanaf: normally 1 januari or 1 juli; any date is accepted (e.g. 16 March 2013).
    pub valid_from: NaiveDate,
    pub kind: InterestKind,
    /// Percentage per year, e.g. 10.15 for 10,15 %.
    pub percent: Decimal,
    /// Bron: where the percentage comes from (Staatsblad, ECB + 8, a named page).
    pub source: String,
    /// Niet geverifieerd: shown beside the rate and on the calculation until the user checked
    /// it against the official source (the 1 July 2025 wettelijke rente, §3.2 note).
    pub unverified: bool,
}

/// Rentetabel: the rates of both kinds, kept in date order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateTable {
    pub rates: Vec<Rate>,
}

impl RateTable {
    /// A table from stored rows, each checked as by [`RateTable::add`].
    pub fn from_rates(rates: Vec<Rate>) -> Result<RateTable, Issue> {
        let mut table = RateTable::default();
        for rate in rates {
            table.add(rate)?;
        }
        Ok(table)
    }

    /// The rate of `kind` in force on `date`: the row with the latest valid-from on or before it.
    pub fn rate_on(&self, kind: InterestKind, date: NaiveDate) -> Option<&Rate> {
        self.rates
            .iter()
            .filter(|rate| rate.kind == kind && rate.valid_from <= date)
            .max_by_key(|rate| rate.valid_from)
    }

    /// Rentetabel mogelijk niet actueel (README "Statutory interest"): when `on` lies more than
    /// six months after the newest row of `kind`, a newer rate may have been published that the
    /// table lacks. The figure still uses the newest row, but says so: the warning names the day
    /// from which to check the rate (the newest row + six months, e.g. 1 January 2027 after the
    /// 1 July 2026 row).
    pub fn stale_on(&self, kind: InterestKind, on: NaiveDate) -> Option<Issue> {
        let newest = self.of_kind(kind).last()?.valid_from;
        let check_from = newest.checked_add_months(chrono::Months::new(6))?;
        (on > check_from).then_some(Issue::RateTableStale {
            kind,
            newest,
            check_from,
        })
    }

    /// The rows of one kind in date order (for the rentetabel screen).
    pub fn of_kind(&self, kind: InterestKind) -> Vec<&Rate> {
        let mut rows: Vec<&Rate> = self.rates.iter().filter(|r| r.kind == kind).collect();
        rows.sort_by_key(|rate| rate.valid_from);
        rows
    }

    /// Adds a rate the user (or an update) enters. Refused: an empty source, a percentage below
    /// 0 or above 100 %, more than two decimals, and a second row for the same kind and date
    /// (change a row by removing it first).
    pub fn add(&mut self, rate: Rate) -> Result<(), Issue> {
        Self::check(&rate)?;
        if self
            .rates
            .iter()
            .any(|r| r.kind == rate.kind && r.valid_from == rate.valid_from)
        {
            return Err(Issue::RateDuplicate {
                kind: rate.kind,
                valid_from: rate.valid_from,
            });
        }
        self.rates.push(rate);
        self.sort();
        Ok(())
    }

    /// Removes the row of `kind` valid from `valid_from`, returning it.
    pub fn remove(&mut self, kind: InterestKind, valid_from: NaiveDate) -> Option<Rate> {
        let index = self
            .rates
            .iter()
            .position(|r| r.kind == kind && r.valid_from == valid_from)?;
        Some(self.rates.remove(index))
    }

    /// Checks one rate on its own (source, range, decimals).
    pub fn check(rate: &Rate) -> Result<(), Issue> {
        if rate.source.trim().is_empty() {
            return Err(Issue::RateSourceRequired);
        }
        if rate.percent < Decimal::ZERO || rate.percent > MAX_RATE_PERCENT {
            return Err(Issue::RatePercentRange);
        }
        if rate.percent.normalize().scale() > 2 {
            return Err(Issue::AmountDecimals { max: 2 });
        }
        Ok(())
    }

    /// Date order; on the same date by kind code.
    pub(super) fn sort(&mut self) {
        self.rates
            .sort_by(|a, b| (a.valid_from, a.kind.code()).cmp(&(b.valid_from, b.kind.code())));
    }

    /// Valid-from dates of `kind` strictly after `after` and on or before `up_to`: where a
    /// calculation must start a new segment.
    pub(crate) fn changes_between(
        &self,
        kind: InterestKind,
        after: NaiveDate,
        up_to: NaiveDate,
    ) -> impl Iterator<Item = NaiveDate> + '_ {
        self.rates
            .iter()
            .filter(move |r| r.kind == kind && r.valid_from > after && r.valid_from <= up_to)
            .map(|r| r.valid_from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn rate(valid_from: NaiveDate, percent: Decimal) -> Rate {
        Rate {
            valid_from,
            kind: InterestKind::Commercial,
            percent,
            source: "ECB MRO + 8".into(),
            unverified: false,
        }
    }

    #[test]
    fn a_new_half_year_rate_is_added_and_used_from_its_date() {
        let mut table = RateTable::seeded();
        table.add(rate(d(2027, 1, 1), dec!(10.65))).unwrap();
        let kind = InterestKind::Commercial;
        assert_eq!(
            table.rate_on(kind, d(2026, 12, 31)).unwrap().percent,
            dec!(10.40)
        );
        assert_eq!(
            table.rate_on(kind, d(2027, 1, 1)).unwrap().percent,
            dec!(10.65)
        );
    }

    #[test]
    fn a_rate_may_start_on_any_date() {
        let mut table = RateTable::default();
        table.add(rate(d(2013, 3, 16), dec!(8.75))).unwrap();
        assert!(table
            .rate_on(InterestKind::Commercial, d(2013, 3, 15))
            .is_none());
        assert!(table
            .rate_on(InterestKind::Commercial, d(2013, 3, 16))
            .is_some());
        assert!(table
            .rate_on(InterestKind::Statutory, d(2013, 3, 16))
            .is_none());
    }

    #[test]
    fn a_second_rate_for_the_same_kind_and_date_is_refused() {
        let mut table = RateTable::seeded();
        let issue = table.add(rate(d(2025, 7, 1), dec!(10.15))).unwrap_err();
        assert_eq!(
            issue,
            Issue::RateDuplicate {
                kind: InterestKind::Commercial,
                valid_from: d(2025, 7, 1)
            }
        );
        assert_eq!(
            issue.message(Language::Nl),
            "Er staat al een percentage voor wettelijke handelsrente vanaf 01-07-2025 in de \
             rentetabel. Pas dat percentage aan in plaats van er een tweede toe te voegen."
        );
        assert!(issue.message(Language::En).contains("1 July 2025"));
    }

    #[test]
    fn a_negative_or_absurd_percentage_is_refused() {
        let mut table = RateTable::default();
        for percent in [dec!(-0.01), dec!(100.01), dec!(815)] {
            assert_eq!(
                table.add(rate(d(2030, 1, 1), percent)),
                Err(Issue::RatePercentRange),
                "{percent}"
            );
        }
        assert_eq!(
            table.add(rate(d(2030, 1, 1), dec!(8.125))),
            Err(Issue::AmountDecimals { max: 2 })
        );
        table.add(rate(d(2030, 1, 1), dec!(0))).unwrap();
        table.add(rate(d(2030, 7, 1), dec!(100))).unwrap();
        assert!(Issue::RatePercentRange
            .message(Language::Nl)
            .contains("0 tot en met 100%"));
    }

    #[test]
    fn a_rate_needs_a_source() {
        let mut blank = rate(d(2030, 1, 1), dec!(9));
        blank.source = "  ".into();
        assert_eq!(
            RateTable::default().add(blank),
            Err(Issue::RateSourceRequired)
        );
    }

    #[test]
    fn a_row_is_changed_by_removing_and_adding_it() {
        let mut table = RateTable::seeded();
        let old = table
            .remove(InterestKind::Statutory, d(2025, 7, 1))
            .unwrap();
        assert_eq!(old.percent, dec!(6));
        table
            .add(Rate {
                percent: dec!(5),
                source: "Staatsblad (checked by the user)".into(),
                unverified: false,
                ..old
            })
            .unwrap();
        let now = table
            .rate_on(InterestKind::Statutory, d(2025, 8, 1))
            .unwrap();
        assert_eq!(now.percent, dec!(5));
        assert!(!now.unverified);
        assert!(table
            .remove(InterestKind::Statutory, d(2025, 7, 2))
            .is_none());
    }

    #[test]
    fn stored_rows_are_checked_when_the_table_is_built() {
        let rows = vec![rate(d(2030, 1, 1), dec!(9)), rate(d(2030, 1, 1), dec!(9))];
        assert!(matches!(
            RateTable::from_rates(rows),
            Err(Issue::RateDuplicate { .. })
        ));
        let table = RateTable::from_rates(RateTable::seeded().rates).unwrap();
        assert_eq!(table, RateTable::seeded());
    }

    #[test]
    fn a_figure_more_than_six_months_after_the_newest_row_says_the_table_may_be_old() {
        let table = RateTable::seeded();
        let kind = InterestKind::Commercial;
        // The newest row is 1 July 2026: through 1 January 2027 the table is current.
        assert_eq!(table.stale_on(kind, d(2026, 12, 2)), None);
        assert_eq!(table.stale_on(kind, d(2027, 1, 1)), None);
        let issue = table.stale_on(kind, d(2027, 1, 2)).unwrap();
        assert_eq!(
            issue,
            Issue::RateTableStale {
                kind,
                newest: d(2026, 7, 1),
                check_from: d(2027, 1, 1)
            }
        );
        assert_eq!(
            issue.message(Language::Nl),
            "Rentetabel mogelijk niet actueel: controleer de wettelijke handelsrente per 01-01-2027."
        );
        // A user row for 1 January 2027 makes it current again.
        let mut table = table;
        table.add(rate(d(2027, 1, 1), dec!(10.65))).unwrap();
        assert_eq!(table.stale_on(kind, d(2027, 3, 1)), None);
        assert!(RateTable::default().stale_on(kind, d(2027, 3, 1)).is_none());
    }
}
