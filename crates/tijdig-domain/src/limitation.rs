//! Verjaring: when an unpaid invoice can no longer be claimed in court (nl-rules-sources §6.5).
//!
//! - Art. 3:307 lid 1 BW: a claim to performance under a contract prescribes five years "na
//!   aanvang van de dag, volgende op die waarop de vordering opeisbaar is geworden".
//! - Art. 7:28 BW: two years for the price in a consumentenkoop (a sale of goods to a consumer).
//! - Art. 3:317 BW: a written aanmaning that unambiguously reserves the right to payment
//!   interrupts (stuit) the period; a new period of the same length starts the next day, at most
//!   five years (art. 3:319 BW). Pass the date of the last stuiting to [`limitation_date`] to get
//!   the new date.

use chrono::{Months, NaiveDate};

/// Months before the limitation date from which Tijdig warns.
pub const LIMITATION_WARNING_MONTHS: u32 = 3;

/// Verjaringsdatum: the last day on which the claim can still be interrupted or brought to
/// court; from the next day it is verjaard. `due_or_default_date` is the day the claim became
/// opeisbaar (the vervaldatum) or the day of the last stuiting; the period starts the day after
/// and runs 5 years (2 for a consumer sale of goods), so it ends on the same calendar day
/// 5 (2) years later: due 31 January 2020 → 31 January 2025. A 29 February becomes 28 February
/// in a non-leap year (the earlier day: a warning is never late).
pub fn limitation_date(due_or_default_date: NaiveDate, consumer_sale_of_goods: bool) -> NaiveDate {
    let years: u32 = if consumer_sale_of_goods { 2 } else { 5 };
    due_or_default_date
        .checked_add_months(Months::new(12 * years))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether to warn about verjaring on `today`: from three months before the limitation date up
/// to and including that date. After it the claim is verjaard ([`is_time_barred`]).
pub fn limitation_warning(today: NaiveDate, limitation_date: NaiveDate) -> bool {
    let warn_from = limitation_date
        .checked_sub_months(Months::new(LIMITATION_WARNING_MONTHS))
        .unwrap_or(NaiveDate::MIN);
    today >= warn_from && today <= limitation_date
}

/// Whether the claim is verjaard on `today` (the limitation date has passed).
pub fn is_time_barred(today: NaiveDate, limitation_date: NaiveDate) -> bool {
    today > limitation_date
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn an_invoice_prescribes_five_years_after_it_became_due() {
        assert_eq!(limitation_date(d(2020, 1, 31), false), d(2025, 1, 31));
    }

    #[test]
    fn a_consumer_sale_of_goods_prescribes_after_two_years() {
        assert_eq!(limitation_date(d(2024, 6, 15), true), d(2026, 6, 15));
    }

    #[test]
    fn a_29_february_due_date_prescribes_on_28_february() {
        assert_eq!(limitation_date(d(2024, 2, 29), false), d(2029, 2, 28));
        assert_eq!(limitation_date(d(2024, 2, 29), true), d(2026, 2, 28));
    }

    #[test]
    fn a_stuiting_starts_a_new_period() {
        // Aanmaning on 10 March 2027 for an invoice due in 2024: new period to 10 March 2032.
        assert_eq!(limitation_date(d(2027, 3, 10), false), d(2032, 3, 10));
    }

    #[test]
    fn tijdig_warns_from_three_months_before_the_limitation_date() {
        let date = d(2025, 1, 31);
        assert!(!limitation_warning(d(2024, 10, 30), date));
        assert!(limitation_warning(d(2024, 10, 31), date));
        assert!(limitation_warning(d(2025, 1, 31), date));
        assert!(!limitation_warning(d(2025, 2, 1), date));
        assert!(!is_time_barred(d(2025, 1, 31), date));
        assert!(is_time_barred(d(2025, 2, 1), date));
    }
}
