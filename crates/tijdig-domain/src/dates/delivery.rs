//! Bezorging and the veertiendagentermijn: when a letter counts as delivered and when the
//! 14-day term of the 14-dagenbrief ends (shared/reference README, "Collection costs";
//! nl-rules-sources §4.5: HR 25-11-2016, ECLI:NL:HR:2016:2704, the term "aanvangende de dag na
//! aanmaning" starts the day after the letter is bezorgd).
//!
//! The 14-day term is set by law (art. 6:96 lid 6 BW), so the Algemene termijnenwet applies:
//! a term that ends on a Saturday, Sunday or algemeen erkende feestdag runs to the next day that
//! is none of these (art. 1 lid 1 Atw). The feestdagen are those of art. 3 lid 1 Atw, Goede
//! Vrijdag (art. 3 lid 2) and the days a besluit gelijkstelling adds (art. 3 lid 3).

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{easter_sunday, is_public_holiday, PublicHoliday};
use crate::codes::coded_enum;

coded_enum! {
    /// Verzendwijze of a letter: decides when it counts as bezorgd.
    pub enum LetterChannel {
        /// Per post: estimated delivered on the second bezorgdag after posting.
        Post => "post",
        /// Per e-mail: delivered on the day it is sent (it reaches the mailbox).
        Email => "email",
    }
}

/// Bezorgdag: a day on which post is delivered. Not on Sundays, not on Mondays (no PostNL
/// letter delivery) and not on a feestdag (nl-rules-sources §4.5).
pub fn is_delivery_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sun | Weekday::Mon) && !is_public_holiday(date)
}

/// Bezorgnorm: from `valid_from`, a posted letter is estimated delivered on the
/// `delivery_days`-th bezorgdag after posting. Data, not code (README "Collection costs"): a
/// change of the postal norm is a new row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostalNorm {
    pub valid_from: NaiveDate,
    pub delivery_days: u32,
    pub source: &'static str,
}

/// The postal delivery norms, oldest first. The one row: the second bezorgdag after posting
/// (README convention; PostNL delivers letters Tuesday to Saturday). The announced slower
/// delivery (from mid-2026/2027) becomes a row once its date and norm are published.
pub const POSTAL_NORMS: &[PostalNorm] = &[PostalNorm {
    valid_from: NaiveDate::MIN,
    delivery_days: 2,
    source: "README-conventie: tweede bezorgdag na de dag van verzending",
}];

/// The bezorgnorm in force on the day of posting.
pub fn postal_norm(posted_on: NaiveDate) -> PostalNorm {
    POSTAL_NORMS
        .iter()
        .rev()
        .find(|n| n.valid_from <= posted_on)
        .copied()
        .unwrap_or(POSTAL_NORMS[0])
}

/// Estimated bezorging of a posted letter: the bezorgdag the norm in force on the day of
/// posting names, now the second after posting (README convention). Posted Thursday 6 March
/// 2025 → Saturday 8 March; posted Friday 7 March → Tuesday 11 March (Sunday and Monday do
/// not count).
pub fn posted_letter_delivery(posted_on: NaiveDate) -> NaiveDate {
    let days = postal_norm(posted_on).delivery_days;
    let mut day = posted_on;
    let mut counted = 0;
    while counted < days {
        match day.succ_opt() {
            Some(next) => day = next,
            None => return NaiveDate::MAX,
        }
        if is_delivery_day(day) {
            counted += 1;
        }
    }
    day
}

/// When a letter sent on `sent_on` counts as bezorgd: per post the estimate above, per e-mail
/// the day it is sent. A recorded real delivery date (track & trace, read receipt) wins over
/// this estimate; the caller passes that date instead.
pub fn letter_delivery(sent_on: NaiveDate, channel: LetterChannel) -> NaiveDate {
    match channel {
        LetterChannel::Post => posted_letter_delivery(sent_on),
        LetterChannel::Email => sent_on,
    }
}

/// Days a besluit gelijkstelling (art. 3 lid 3 Atw) adds to the feestdagen, with the besluit.
const ATW_EQUAL_DAYS: &[(i32, u32, u32, &str)] = &[
    (
        2023,
        4,
        28,
        "Besluit gelijkstelling 28-04-2023 … 30-05-2025",
    ),
    (
        2023,
        5,
        19,
        "Besluit gelijkstelling 28-04-2023 … 30-05-2025",
    ),
    (
        2024,
        5,
        10,
        "Besluit gelijkstelling 28-04-2023 … 30-05-2025",
    ),
    (
        2024,
        12,
        27,
        "Besluit gelijkstelling 28-04-2023 … 30-05-2025",
    ),
    (
        2025,
        5,
        30,
        "Besluit gelijkstelling 28-04-2023 … 30-05-2025",
    ),
    (2026, 1, 2, "Besluit gelijkstelling 02-01-2026 … 26-05-2028"),
    (
        2026,
        5,
        15,
        "Besluit gelijkstelling 02-01-2026 … 26-05-2028",
    ),
    (2027, 5, 7, "Besluit gelijkstelling 02-01-2026 … 26-05-2028"),
    (
        2028,
        4,
        28,
        "Besluit gelijkstelling 02-01-2026 … 26-05-2028",
    ),
    (
        2028,
        5,
        26,
        "Besluit gelijkstelling 02-01-2026 … 26-05-2028",
    ),
];

/// Algemeen erkende feestdag in the sense of the Algemene termijnenwet (art. 3): Nieuwjaarsdag,
/// tweede Paas- en Pinksterdag, both Kerstdagen, Hemelvaartsdag, Koningsdag and 5 mei (lid 1),
/// Goede Vrijdag (lid 2) and the days a besluit gelijkstelling names (lid 3). Eerste Paas- and
/// Pinksterdag are Sundays anyway.
pub fn is_atw_holiday(date: NaiveDate) -> bool {
    let good_friday = easter_sunday(date.year())
        .and_then(|easter| easter.checked_sub_days(Days::new(2)))
        .is_some_and(|friday| friday == date);
    let equal_day = ATW_EQUAL_DAYS
        .iter()
        .any(|&(y, m, d, _)| NaiveDate::from_ymd_opt(y, m, d) == Some(date));
    let listed = super::public_holiday(date)
        .is_some_and(|h| !matches!(h, PublicHoliday::EasterSunday | PublicHoliday::WhitSunday));
    listed || good_friday || equal_day
}

/// The end of a term set by law, moved to the next day that is no Saturday, Sunday or
/// algemeen erkende feestdag when it falls on one (art. 1 lid 1 Atw).
pub fn atw_term_end(last_day: NaiveDate) -> NaiveDate {
    let mut day = last_day;
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || is_atw_holiday(day) {
        day = add_days(day, 1);
    }
    day
}

/// Last day of the veertiendagentermijn: 14 days counted from the day after bezorging, so
/// delivered Tuesday 4 March 2025 → the term runs 5 … 18 March (vector H3); a term that would
/// end on a Saturday, Sunday or Atw feestdag runs to the next working day (art. 1 Atw, README
/// "Collection costs"): costs are owed only from the day after.
pub fn fourteen_day_term_end(delivered_on: NaiveDate) -> NaiveDate {
    atw_term_end(add_days(delivered_on, 14))
}

/// First day on which the BIK of a consumer can be owed: the day after the veertiendagentermijn
/// of a 14-dagenbrief sent on `sent_on` (vector H3: delivered 4 March 2025 → 19 March).
pub fn earliest_costs_date(sent_on: NaiveDate, channel: LetterChannel) -> NaiveDate {
    add_days(fourteen_day_term_end(letter_delivery(sent_on, channel)), 1)
}

pub(crate) fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn post_is_not_delivered_on_sundays_mondays_or_feestdagen() {
        assert!(!is_delivery_day(d(2025, 3, 9)), "Sunday");
        assert!(!is_delivery_day(d(2025, 3, 10)), "Monday");
        assert!(is_delivery_day(d(2025, 3, 8)), "Saturday");
        assert!(is_delivery_day(d(2025, 3, 11)), "Tuesday");
        assert!(
            !is_delivery_day(d(2025, 12, 25)),
            "Eerste Kerstdag (Thursday)"
        );
        assert!(!is_delivery_day(d(2025, 5, 29)), "Hemelvaartsdag");
    }

    #[test]
    fn a_posted_letter_is_delivered_on_the_second_delivery_day_after_posting() {
        assert_eq!(posted_letter_delivery(d(2025, 3, 4)), d(2025, 3, 6));
        assert_eq!(posted_letter_delivery(d(2025, 3, 6)), d(2025, 3, 8));
        assert_eq!(posted_letter_delivery(d(2025, 3, 7)), d(2025, 3, 11));
        assert_eq!(posted_letter_delivery(d(2025, 3, 8)), d(2025, 3, 12));
    }

    #[test]
    fn feestdagen_delay_a_posted_letter() {
        // Posted Wednesday 24 December 2025: 25, 26 (feestdagen), 27 (1st), 28 Sunday,
        // 29 Monday, 30 (2nd).
        assert_eq!(posted_letter_delivery(d(2025, 12, 24)), d(2025, 12, 30));
        // Posted Wednesday 28 May 2025: 29 Hemelvaartsdag, 30 (1st), 31 (2nd).
        assert_eq!(posted_letter_delivery(d(2025, 5, 28)), d(2025, 5, 31));
    }

    #[test]
    fn an_email_is_delivered_the_day_it_is_sent() {
        assert_eq!(
            letter_delivery(d(2025, 3, 9), LetterChannel::Email),
            d(2025, 3, 9)
        );
    }

    #[test]
    fn h3_the_term_runs_from_the_day_after_delivery_and_costs_follow_the_day_after() {
        // H3: 14-dagenbrief delivered (bezorgd) Tuesday 2025-03-04 → term runs
        // 2025-03-05..2025-03-18; BIK can first become due 2025-03-19.
        let delivered = d(2025, 3, 4);
        assert_eq!(fourteen_day_term_end(delivered), d(2025, 3, 18), "H3");
        assert_eq!(
            earliest_costs_date(delivered, LetterChannel::Email),
            d(2025, 3, 19),
            "H3"
        );
        // The same letter posted on Friday 28 February is estimated delivered on Tuesday 4 March.
        assert_eq!(
            earliest_costs_date(d(2025, 2, 28), LetterChannel::Post),
            d(2025, 3, 19),
            "H3 posted"
        );
    }

    #[test]
    fn a_14_day_term_ending_on_a_saturday_runs_to_the_monday() {
        // Delivered Saturday 8 March 2025: day 14 is Saturday 22 March → Monday 24 March.
        assert_eq!(fourteen_day_term_end(d(2025, 3, 8)), d(2025, 3, 24));
        assert_eq!(
            earliest_costs_date(d(2025, 3, 8), LetterChannel::Email),
            d(2025, 3, 25)
        );
    }

    #[test]
    fn a_14_day_term_ending_on_an_atw_feestdag_runs_to_the_next_working_day() {
        // Day 14 on Goede Vrijdag 18 April 2025 → Saturday, Sunday, Tweede Paasdag → Tuesday.
        assert_eq!(fourteen_day_term_end(d(2025, 4, 4)), d(2025, 4, 22));
        // Day 14 on Koningsdag, Monday 27 April 2026 → Tuesday 28 April.
        assert_eq!(fourteen_day_term_end(d(2026, 4, 13)), d(2026, 4, 28));
        // Day 14 on 2 January 2026, gelijkgesteld by besluit → Monday 5 January.
        assert_eq!(fourteen_day_term_end(d(2025, 12, 19)), d(2026, 1, 5));
    }

    #[test]
    fn the_atw_feestdagen_are_those_of_article_3() {
        for (y, m, day, name) in [
            (2026, 1, 1, "Nieuwjaarsdag"),
            (2026, 4, 3, "Goede Vrijdag"),
            (2026, 4, 6, "Tweede Paasdag"),
            (2026, 4, 27, "Koningsdag"),
            (2026, 5, 5, "Bevrijdingsdag"),
            (2026, 5, 14, "Hemelvaartsdag"),
            (2026, 5, 15, "gelijkgesteld"),
            (2026, 5, 25, "Tweede Pinksterdag"),
            (2026, 12, 25, "Eerste Kerstdag"),
            (2026, 12, 26, "Tweede Kerstdag"),
        ] {
            assert!(is_atw_holiday(d(y, m, day)), "{name}");
        }
        assert!(!is_atw_holiday(d(2026, 4, 7)));
        assert!(!is_atw_holiday(d(2026, 11, 11)));
    }

    #[test]
    fn the_postal_norm_is_data_in_force_on_the_day_of_posting() {
        assert_eq!(postal_norm(d(2025, 3, 4)).delivery_days, 2);
        assert!(POSTAL_NORMS
            .windows(2)
            .all(|w| w[0].valid_from < w[1].valid_from));
    }
}
