//! A date as a user types it in a form.

use chrono::{Datelike, NaiveDate};

use crate::Issue;

/// A date as a Dutch user types it (`22-11-2026`, `22/11/2026`, `22.11.2026`) or as ISO
/// (`2026-11-22`), in the years 1900–2200 (anything else is a typing error, not a date of a
/// freelancer's records).
pub fn parse_typed_date(input: &str) -> Result<NaiveDate, Issue> {
    let trimmed = input.trim();
    ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(trimmed, format).ok())
        .filter(|d| (1900..=2200).contains(&d.year()))
        .ok_or(Issue::DateFormat)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn dutch_and_iso_dates_are_read_and_impossible_ones_refused() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for typed in ["22-11-2026", " 22/11/2026 ", "22.11.2026", "2026-11-22"] {
            assert_eq!(parse_typed_date(typed), Ok(day), "{typed}");
        }
        for bad in [
            "31-02-2026",
            "2026-13-45",
            "00-00-0000",
            "1-1-99999",
            "gisteren",
            "",
        ] {
            assert_eq!(parse_typed_date(bad), Err(Issue::DateFormat), "{bad}");
        }
    }
}
