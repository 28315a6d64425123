//! Contactmomenten: when Tijdig may plan a call or message to a debtor. The Wki conduct norms
//! are the benchmark (nl-rules-sources §6.4): nothing between 20:00 and 07:00, nothing on
//! Sundays or feestdagen; and Tijdig's own rule (README "Contact with debtors"): never more than
//! one contact a day per debtor.

use chrono::{Datelike, NaiveDate, Weekday};

use super::is_public_holiday;

/// First whole hour in which contact is allowed (07:00).
pub const CONTACT_FROM_HOUR: u32 = 7;
/// Contact ends at 20:00: the last allowed hour starts at 19:00.
pub const CONTACT_UNTIL_HOUR: u32 = 20;

/// Whether a contact may be planned on `date` in the hour starting at `hour` (0–23): from 07:00
/// up to 20:00, not on a Sunday, not on a feestdag.
pub fn is_contact_allowed(date: NaiveDate, hour: u32) -> bool {
    (CONTACT_FROM_HOUR..CONTACT_UNTIL_HOUR).contains(&hour) && is_contact_day(date)
}

/// The first allowed moment (date, hour) at or after `date` `hour`, skipping the day of the last
/// contact with this debtor (one contact a day). An hour of 20 or later moves to 07:00 the next
/// allowed day.
pub fn next_contact_moment(
    date: NaiveDate,
    hour: u32,
    last_contact_on: Option<NaiveDate>,
) -> (NaiveDate, u32) {
    let mut day = date;
    let mut hour = hour.max(CONTACT_FROM_HOUR);
    // A year of days without an allowed moment cannot occur; the bound keeps the loop finite.
    for _ in 0..366 {
        if hour < CONTACT_UNTIL_HOUR && is_contact_day(day) && Some(day) != last_contact_on {
            return (day, hour);
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
        hour = CONTACT_FROM_HOUR;
    }
    (day, hour)
}

fn is_contact_day(date: NaiveDate) -> bool {
    date.weekday() != Weekday::Sun && !is_public_holiday(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn contact_is_allowed_from_7_to_20_on_weekdays_and_saturdays() {
        let tuesday = d(2025, 3, 11);
        assert!(!is_contact_allowed(tuesday, 6));
        assert!(is_contact_allowed(tuesday, 7));
        assert!(is_contact_allowed(tuesday, 19));
        assert!(!is_contact_allowed(tuesday, 20));
        assert!(!is_contact_allowed(tuesday, 23));
        assert!(is_contact_allowed(d(2025, 3, 8), 10), "Saturday");
    }

    #[test]
    fn no_contact_on_sundays_or_feestdagen() {
        assert!(!is_contact_allowed(d(2025, 3, 9), 10), "Sunday");
        assert!(!is_contact_allowed(d(2025, 4, 21), 10), "Tweede Paasdag");
        assert!(!is_contact_allowed(d(2025, 4, 26), 10), "Koningsdag");
    }

    #[test]
    fn the_next_contact_moment_skips_nights_sundays_and_feestdagen() {
        assert_eq!(
            next_contact_moment(d(2025, 3, 11), 5, None),
            (d(2025, 3, 11), 7)
        );
        assert_eq!(
            next_contact_moment(d(2025, 3, 11), 14, None),
            (d(2025, 3, 11), 14)
        );
        assert_eq!(
            next_contact_moment(d(2025, 3, 8), 21, None),
            (d(2025, 3, 10), 7)
        );
        // Thursday 24 December 2026 evening → 25, 26 feestdagen, 27 Sunday → Monday 28.
        assert_eq!(
            next_contact_moment(d(2026, 12, 24), 20, None),
            (d(2026, 12, 28), 7)
        );
    }

    #[test]
    fn a_debtor_is_contacted_at_most_once_a_day() {
        let tuesday = d(2025, 3, 11);
        assert_eq!(
            next_contact_moment(tuesday, 9, Some(tuesday)),
            (d(2025, 3, 12), 7)
        );
        assert_eq!(
            next_contact_moment(tuesday, 9, Some(d(2025, 3, 10))),
            (tuesday, 9)
        );
    }
}
