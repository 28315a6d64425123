//! Periodieke factuur (abonnement): a client's invoice made again every month, quarter or
//! year from the same lines. Which days a schedule makes an invoice on, which period each one
//! is for, and how that period is written on the line ("… november 2026").
//!
//! Conventions (nobody to ask; written down here):
//! - The k-th invoice day is the first date plus k periods, counted from the first date each
//!   time (31 January, monthly → 28 February, 31 March): a day never drifts.
//! - Each invoice day is made once, keyed by that day. One that was missed (Tijdig closed) is
//!   made on the next start, in date order — dated the day it is made, not back-dated: the
//!   factuurdatum is the day of issue (art. 35a lid 1 Wet OB, "datum van uitreiking"), and the
//!   period it is for is its delivery period (art. 35a lid 1 onder g, the datum van levering
//!   when it differs from the factuurdatum).
//! - An invoice is for the coming period (billing in advance: made on 1 November for
//!   November) or for the past period (in arrears: made on 1 December for November).
//! - A paused schedule skips the days it was paused: resuming does not bill them afterwards.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::codes::coded_enum;
use crate::{Issue, Language};

coded_enum! {
    /// Periode van een abonnement: how often the invoice comes.
    pub enum SchedulePeriod {
        Month => "month",
        Quarter => "quarter",
        Year => "year",
    }
}

coded_enum! {
    /// Whether an invoice is for the period that starts on its day (vooraf) or the one that
    /// ends the day before (achteraf).
    pub enum PeriodCovered {
        Coming => "coming",
        Past => "past",
    }
}

impl SchedulePeriod {
    fn months(self) -> u32 {
        match self {
            SchedulePeriod::Month => 1,
            SchedulePeriod::Quarter => 3,
            SchedulePeriod::Year => 12,
        }
    }
}

/// When a schedule makes invoices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cadence {
    pub period: SchedulePeriod,
    pub covers: PeriodCovered,
    /// The first invoice day.
    pub first: NaiveDate,
    /// The last day an invoice may be made on (inclusive), if the schedule ends.
    pub last: Option<NaiveDate>,
}

impl Cadence {
    /// The k-th invoice day (k = 0 is the first date); `None` past the calendar's end.
    pub fn day(&self, k: u32) -> Option<NaiveDate> {
        let months = k.checked_mul(self.period.months())?;
        self.first.checked_add_months(Months::new(months))
    }

    /// The invoice days in `[from, to]` (both inclusive), oldest first, within the schedule's
    /// own first and last day.
    pub fn days_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        let to = match self.last {
            Some(last) => to.min(last),
            None => to,
        };
        let mut days = Vec::new();
        for k in 0.. {
            let Some(day) = self.day(k) else { break };
            if day > to {
                break;
            }
            if day >= from {
                days.push(day);
            }
        }
        days
    }

    /// The next invoice day on or after `on`, if the schedule still has one.
    pub fn next_on_or_after(&self, on: NaiveDate) -> Option<NaiveDate> {
        (0..)
            .map_while(|k| self.day(k))
            .find(|day| *day >= on)
            .filter(|day| self.last.is_none_or(|last| *day <= last))
    }

    /// The period (first and last day, inclusive) the invoice made on invoice day `day` is for.
    pub fn period_of(&self, day: NaiveDate) -> (NaiveDate, NaiveDate) {
        let months = Months::new(self.period.months());
        // A day is always a k-th day of the cadence; step from the first date so a clamped
        // month end (28 February) does not shorten the next period.
        let k = (0..)
            .map_while(|k| self.day(k).map(|d| (k, d)))
            .find(|(_, d)| *d >= day)
            .map_or(0, |(k, _)| k);
        let start_of = |k: i64| -> NaiveDate {
            if k >= 0 {
                self.day(k as u32).unwrap_or(day)
            } else {
                self.first.checked_sub_months(months).unwrap_or(day)
            }
        };
        let (start, next) = match self.covers {
            PeriodCovered::Coming => (start_of(i64::from(k)), start_of(i64::from(k) + 1)),
            PeriodCovered::Past => (start_of(i64::from(k) - 1), day),
        };
        (start, next.checked_sub_days(Days::new(1)).unwrap_or(next))
    }
}

/// A new first date may lie at most a year back: further, saving would at once make a year's
/// worth of invoices afterwards — more likely a typing error (2016 for 2026) than a wish.
pub fn check_first(first: NaiveDate, today: NaiveDate) -> Result<(), Issue> {
    match today.checked_sub_months(Months::new(12)) {
        Some(limit) if first < limit => Err(Issue::FirstDateTooEarly),
        _ => Ok(()),
    }
}

/// Checks the schedule's own dates: the end may not lie before the first invoice day.
pub fn check_end(first: NaiveDate, end: Option<NaiveDate>) -> Result<(), Issue> {
    match end {
        Some(end) if end < first => Err(Issue::EndBeforeStart),
        _ => Ok(()),
    }
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .checked_sub_days(Days::new(1))
}

/// The period as the invoice line says it: a calendar month "november 2026", a calendar
/// quarter "4e kwartaal 2026" / "Q4 2026", a calendar year "2026", any other span
/// "15-11-2026 t/m 14-12-2026" / "15-11-2026 to 14-12-2026".
pub fn period_label(first: NaiveDate, last: NaiveDate, lang: Language) -> String {
    let starts_month = first.day() == 1;
    let ends_month = last_of_month(last.year(), last.month()) == Some(last);
    if starts_month && ends_month && first.year() == last.year() {
        let span = last.month() - first.month() + 1;
        if span == 1 {
            return format!(
                "{} {}",
                crate::dates::month_name(first.month0(), lang),
                first.year()
            );
        }
        if span == 3 && first.month0().is_multiple_of(3) {
            let quarter = first.month0() / 3 + 1;
            return match lang {
                Language::Nl => format!("{quarter}e kwartaal {}", first.year()),
                Language::En => format!("Q{quarter} {}", first.year()),
            };
        }
        if span == 12 {
            return first.year().to_string();
        }
    }
    let word = match lang {
        Language::Nl => "t/m",
        Language::En => "to",
    };
    format!(
        "{} {word} {}",
        first.format("%d-%m-%Y"),
        last.format("%d-%m-%Y")
    )
}

/// A schedule line's description on the invoice of one period: the period is added after a
/// dash ("Hosting – november 2026"); a line without description is the period alone.
pub fn line_text(description: &str, label: &str) -> String {
    let description = description.trim_end();
    if description.is_empty() {
        label.to_string()
    } else {
        format!("{description} \u{2013} {label}")
    }
}

/// The longest label [`period_label`] writes, plus the dash: a schedule line's description
/// keeps this much room below the invoice line's maximum.
pub const LABEL_ROOM: usize = 30;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn monthly(first: &str, covers: PeriodCovered) -> Cadence {
        Cadence {
            period: SchedulePeriod::Month,
            covers,
            first: d(first),
            last: None,
        }
    }

    #[test]
    fn a_month_end_first_date_clamps_each_month_without_drifting() {
        let c = monthly("2026-01-31", PeriodCovered::Coming);
        let days = c.days_between(d("2026-01-01"), d("2026-05-31"));
        let want = [
            "2026-01-31",
            "2026-02-28",
            "2026-03-31",
            "2026-04-30",
            "2026-05-31",
        ];
        assert_eq!(days, want.map(d).to_vec());
    }

    #[test]
    fn three_missed_months_are_three_days_in_date_order() {
        let c = monthly("2026-09-01", PeriodCovered::Coming);
        let days = c.days_between(d("2026-09-02"), d("2026-12-02"));
        assert_eq!(
            days,
            vec![d("2026-10-01"), d("2026-11-01"), d("2026-12-01")]
        );
    }

    #[test]
    fn no_invoice_day_after_the_end() {
        let c = Cadence {
            last: Some(d("2026-11-15")),
            ..monthly("2026-09-01", PeriodCovered::Coming)
        };
        assert_eq!(c.days_between(d("2026-01-01"), d("2027-12-31")).len(), 3);
        assert_eq!(c.next_on_or_after(d("2026-11-02")), None);
        assert_eq!(c.next_on_or_after(d("2026-10-02")), Some(d("2026-11-01")));
    }

    #[test]
    fn an_invoice_in_advance_is_for_the_month_that_starts_on_its_day() {
        let c = monthly("2026-09-01", PeriodCovered::Coming);
        assert_eq!(
            c.period_of(d("2026-11-01")),
            (d("2026-11-01"), d("2026-11-30"))
        );
        assert_eq!(
            period_label(d("2026-11-01"), d("2026-11-30"), Language::Nl),
            "november 2026"
        );
    }

    #[test]
    fn an_invoice_in_arrears_is_for_the_month_before_its_day() {
        let c = monthly("2026-09-01", PeriodCovered::Past);
        assert_eq!(
            c.period_of(d("2026-12-01")),
            (d("2026-11-01"), d("2026-11-30"))
        );
        // The first one is for the period before the first date.
        assert_eq!(
            c.period_of(d("2026-09-01")),
            (d("2026-08-01"), d("2026-08-31"))
        );
    }

    #[test]
    fn a_clamped_february_still_ends_the_day_before_the_march_invoice() {
        let c = monthly("2026-01-31", PeriodCovered::Coming);
        assert_eq!(
            c.period_of(d("2026-02-28")),
            (d("2026-02-28"), d("2026-03-30"))
        );
    }

    #[test]
    fn quarters_and_years_are_named_as_such() {
        assert_eq!(
            period_label(d("2026-10-01"), d("2026-12-31"), Language::Nl),
            "4e kwartaal 2026"
        );
        assert_eq!(
            period_label(d("2026-10-01"), d("2026-12-31"), Language::En),
            "Q4 2026"
        );
        assert_eq!(
            period_label(d("2027-01-01"), d("2027-12-31"), Language::Nl),
            "2027"
        );
        assert_eq!(
            period_label(d("2026-11-15"), d("2026-12-14"), Language::Nl),
            "15-11-2026 t/m 14-12-2026"
        );
        assert_eq!(
            period_label(d("2026-11-01"), d("2026-11-30"), Language::En),
            "November 2026"
        );
        // Three months not on a quarter's start are a span, not a quarter.
        assert_eq!(
            period_label(d("2026-11-01"), d("2027-01-31"), Language::Nl),
            "01-11-2026 t/m 31-01-2027"
        );
    }

    #[test]
    fn the_period_is_added_to_the_line_after_a_dash() {
        assert_eq!(
            line_text("Hosting ", "november 2026"),
            "Hosting \u{2013} november 2026"
        );
        assert_eq!(line_text("", "november 2026"), "november 2026");
    }

    #[test]
    fn a_first_date_more_than_a_year_back_is_refused() {
        assert_eq!(check_first(d("2025-12-02"), d("2026-12-02")), Ok(()));
        assert_eq!(
            check_first(d("2025-12-01"), d("2026-12-02")),
            Err(Issue::FirstDateTooEarly)
        );
        assert_eq!(check_first(d("2030-01-01"), d("2026-12-02")), Ok(()));
    }

    #[test]
    fn an_end_before_the_first_date_is_refused() {
        assert_eq!(
            check_end(d("2026-09-01"), Some(d("2026-08-31"))),
            Err(Issue::EndBeforeStart)
        );
        assert_eq!(check_end(d("2026-09-01"), Some(d("2026-09-01"))), Ok(()));
    }

    #[test]
    fn every_label_fits_the_room_kept_for_it() {
        let long = period_label(d("2026-11-15"), d("2026-12-14"), Language::Nl);
        assert!(line_text("x", &long).chars().count() - 1 <= LABEL_ROOM);
    }

    proptest::proptest! {
        /// Any cadence over any window: days strictly rising, inside the window and the
        /// schedule, and each day's period starts where the previous one ended.
        #[test]
        fn days_rise_and_periods_join(
            first_offset in 0u32..2000,
            period in 0usize..3,
            covers in proptest::bool::ANY,
            from_offset in 0u32..3000,
            span in 0u32..1500,
        ) {
            let base = d("2020-01-01");
            let first = base + Days::new(u64::from(first_offset));
            let c = Cadence {
                period: SchedulePeriod::ALL[period],
                covers: if covers { PeriodCovered::Coming } else { PeriodCovered::Past },
                first,
                last: None,
            };
            let from = base + Days::new(u64::from(from_offset));
            let to = from + Days::new(u64::from(span));
            let days = c.days_between(from, to);
            for pair in days.windows(2) {
                proptest::prop_assert!(pair[0] < pair[1]);
                let (_, end) = c.period_of(pair[0]);
                let (start, _) = c.period_of(pair[1]);
                proptest::prop_assert_eq!(end + Days::new(1), start);
            }
            for day in &days {
                proptest::prop_assert!(*day >= from && *day <= to && *day >= first);
                let (start, end) = c.period_of(*day);
                proptest::prop_assert!(start <= end);
                let label = period_label(start, end, Language::Nl);
                proptest::prop_assert!(label.chars().count() + 3 <= LABEL_ROOM);
            }
        }
    }
}
