//! Bezorging and the veertiendagentermijn: when a letter counts as delivered and when the
//! 14-day term of the 14-dagenbrief ends (shared/reference README, "Collection costs";
//! nl-rules-sources §4.5: HR 25-11-2016, ECLI:NL:HR:2016:2704, the term "aanvangende de dag na
//! aanmaning" starts the day after the letter is bezorgd).

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::is_public_holiday;
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

/// Estimated bezorging of a posted letter: the second bezorgdag after the day of posting
/// (README convention). Posted Thursday 6 March 2025 → Saturday 8 March; posted Friday
/// 7 March → Tuesday 11 March (Sunday and Monday do not count).
pub fn posted_letter_delivery(posted_on: NaiveDate) -> NaiveDate {
    let mut day = posted_on;
    let mut counted = 0;
    while counted < 2 {
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

/// Last day of the veertiendagentermijn: 14 days counted from the day after bezorging, so
/// delivered Tuesday 4 March 2025 → the term runs 5 … 18 March (vector H3). The Algemene
/// termijnenwet is not applied: the README convention counts plain calendar days.
pub fn fourteen_day_term_end(delivered_on: NaiveDate) -> NaiveDate {
    add_days(delivered_on, 14)
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
}
