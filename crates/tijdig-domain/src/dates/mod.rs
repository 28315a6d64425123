//! Datums: Dutch public holidays (feestdagen), the delivery of a posted letter, the term of the
//! 14-dagenbrief and the hours in which a debtor may be contacted (shared/reference README,
//! "Collection costs" and "Contact with debtors"; nl-rules-sources §4.5, §6.4).
//!
//! Which days count. The reference speaks of "official holidays" (delivery, §4.5) and "public
//! holidays" (contact, §6.4) without listing them. Tijdig uses the algemeen erkende feestdagen
//! of art. 3 lid 1 Algemene termijnenwet: Nieuwjaarsdag, tweede Paas- en Pinksterdag (and the
//! first days, which are Sundays anyway), Hemelvaartsdag, Koningsdag, 5 mei and both
//! Kerstdagen. Bevrijdingsdag counts every year: the Atw names "de vijfde mei" without a
//! lustrum condition (since the 1990 decree; before 1990 only every fifth year). Goede Vrijdag
//! is left out: it is only gelijkgesteld for statutory terms (art. 3 lid 2 Atw), not a feestdag,
//! and letters are delivered on it. Counting a day too many only moves the estimated delivery
//! (and so the costs) later, never too early, which is the safe side for a creditor.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::codes::coded_enum;
use crate::Language;

mod contact;
mod delivery;
mod typed;

pub use contact::{is_contact_allowed, next_contact_moment, CONTACT_FROM_HOUR, CONTACT_UNTIL_HOUR};
pub(crate) use delivery::add_days;
pub use delivery::{
    atw_term_end, earliest_costs_date, fourteen_day_term_end, is_atw_holiday, is_delivery_day,
    letter_delivery, postal_norm, posted_letter_delivery, LetterChannel, PostalNorm, POSTAL_NORMS,
};
pub use typed::parse_typed_date;

coded_enum! {
    /// Feestdag: an algemeen erkende feestdag (art. 3 lid 1 Algemene termijnenwet).
    pub enum PublicHoliday {
        /// Nieuwjaarsdag, 1 januari.
        NewYear => "new_year",
        /// Eerste Paasdag (a Sunday).
        EasterSunday => "easter_sunday",
        /// Tweede Paasdag.
        EasterMonday => "easter_monday",
        /// Koningsdag: 27 april, 26 april when the 27th is a Sunday (30 april before 2014).
        KingsDay => "kings_day",
        /// Bevrijdingsdag, 5 mei, every year since 1990.
        LiberationDay => "liberation_day",
        /// Hemelvaartsdag: Easter + 39 days.
        AscensionDay => "ascension_day",
        /// Eerste Pinksterdag (a Sunday).
        WhitSunday => "whit_sunday",
        /// Tweede Pinksterdag.
        WhitMonday => "whit_monday",
        /// Eerste Kerstdag, 25 december.
        ChristmasDay => "christmas_day",
        /// Tweede Kerstdag, 26 december.
        BoxingDay => "boxing_day",
    }
}

impl PublicHoliday {
    /// The name shown to the user.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (PublicHoliday::NewYear, Language::Nl) => "Nieuwjaarsdag",
            (PublicHoliday::EasterSunday, Language::Nl) => "Eerste Paasdag",
            (PublicHoliday::EasterMonday, Language::Nl) => "Tweede Paasdag",
            (PublicHoliday::KingsDay, Language::Nl) => "Koningsdag",
            (PublicHoliday::LiberationDay, Language::Nl) => "Bevrijdingsdag",
            (PublicHoliday::AscensionDay, Language::Nl) => "Hemelvaartsdag",
            (PublicHoliday::WhitSunday, Language::Nl) => "Eerste Pinksterdag",
            (PublicHoliday::WhitMonday, Language::Nl) => "Tweede Pinksterdag",
            (PublicHoliday::ChristmasDay, Language::Nl) => "Eerste Kerstdag",
            (PublicHoliday::BoxingDay, Language::Nl) => "Tweede Kerstdag",
            (PublicHoliday::NewYear, Language::En) => "New Year's Day",
            (PublicHoliday::EasterSunday, Language::En) => "Easter Sunday",
            (PublicHoliday::EasterMonday, Language::En) => "Easter Monday",
            (PublicHoliday::KingsDay, Language::En) => "King's Day",
            (PublicHoliday::LiberationDay, Language::En) => "Liberation Day",
            (PublicHoliday::AscensionDay, Language::En) => "Ascension Day",
            (PublicHoliday::WhitSunday, Language::En) => "Whit Sunday",
            (PublicHoliday::WhitMonday, Language::En) => "Whit Monday",
            (PublicHoliday::ChristmasDay, Language::En) => "Christmas Day",
            (PublicHoliday::BoxingDay, Language::En) => "Boxing Day",
        }
    }
}

/// Eerste Paasdag in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/
/// Butcher). `None` only for a year outside `NaiveDate`'s range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n / 31).ok()?;
    let day = u32::try_from(n % 31 + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Every feestdag of `year`, in calendar order (empty for a year outside `NaiveDate`'s range).
pub fn public_holidays(year: i32) -> Vec<(NaiveDate, PublicHoliday)> {
    let Some(easter) = easter_sunday(year) else {
        return Vec::new();
    };
    let after_easter = |days: u64| easter.checked_add_days(Days::new(days));
    let mut days = vec![
        (NaiveDate::from_ymd_opt(year, 1, 1), PublicHoliday::NewYear),
        (Some(easter), PublicHoliday::EasterSunday),
        (after_easter(1), PublicHoliday::EasterMonday),
        (kings_day(year), PublicHoliday::KingsDay),
        (after_easter(39), PublicHoliday::AscensionDay),
        (after_easter(49), PublicHoliday::WhitSunday),
        (after_easter(50), PublicHoliday::WhitMonday),
        (
            NaiveDate::from_ymd_opt(year, 12, 25),
            PublicHoliday::ChristmasDay,
        ),
        (
            NaiveDate::from_ymd_opt(year, 12, 26),
            PublicHoliday::BoxingDay,
        ),
    ];
    if year >= 1990 || year % 5 == 0 {
        days.push((
            NaiveDate::from_ymd_opt(year, 5, 5),
            PublicHoliday::LiberationDay,
        ));
    }
    let mut days: Vec<(NaiveDate, PublicHoliday)> = days
        .into_iter()
        .filter_map(|(date, holiday)| date.map(|d| (d, holiday)))
        .collect();
    days.sort_by_key(|(date, _)| *date);
    days
}

/// The feestdag on `date`, if any.
pub fn public_holiday(date: NaiveDate) -> Option<PublicHoliday> {
    public_holidays(date.year())
        .into_iter()
        .find(|(day, _)| *day == date)
        .map(|(_, holiday)| holiday)
}

/// Whether `date` is a feestdag (see the module doc for which days count).
pub fn is_public_holiday(date: NaiveDate) -> bool {
    public_holiday(date).is_some()
}

/// Koningsdag: since 2014 27 april, or 26 april when the 27th is a Sunday; before, Koninginnedag
/// on 30 april, or 29 april when the 30th is a Sunday.
fn kings_day(year: i32) -> Option<NaiveDate> {
    let day = if year >= 2014 { 27 } else { 30 };
    let date = NaiveDate::from_ymd_opt(year, 4, day)?;
    if date.weekday() == Weekday::Sun {
        date.pred_opt()
    } else {
        Some(date)
    }
}

const NL_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of a month (`month0` 0 = January) as a date in running text writes it: "november"
/// in Dutch (lower case), "November" in English.
pub fn month_name(month0: u32, lang: Language) -> &'static str {
    let names = match lang {
        Language::Nl => &NL_MONTHS,
        Language::En => &EN_MONTHS,
    };
    names.get(month0 as usize).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_falls_on_the_known_sundays() {
        for (year, month, day) in [
            (2014, 4, 20),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(year), Some(d(year, month, day)), "{year}");
        }
    }

    #[test]
    fn the_holidays_of_2025_are_the_algemeen_erkende_feestdagen() {
        let days: Vec<_> = public_holidays(2025).into_iter().map(|(d, _)| d).collect();
        assert_eq!(
            days,
            [
                d(2025, 1, 1),
                d(2025, 4, 20),
                d(2025, 4, 21),
                d(2025, 4, 26),
                d(2025, 5, 5),
                d(2025, 5, 29),
                d(2025, 6, 8),
                d(2025, 6, 9),
                d(2025, 12, 25),
                d(2025, 12, 26),
            ]
        );
    }

    #[test]
    fn koningsdag_moves_to_26_april_when_the_27th_is_a_sunday() {
        assert_eq!(
            public_holiday(d(2025, 4, 26)),
            Some(PublicHoliday::KingsDay)
        );
        assert_eq!(public_holiday(d(2025, 4, 27)), None);
        assert_eq!(
            public_holiday(d(2026, 4, 27)),
            Some(PublicHoliday::KingsDay)
        );
        assert_eq!(
            public_holiday(d(2013, 4, 30)),
            Some(PublicHoliday::KingsDay)
        );
    }

    #[test]
    fn bevrijdingsdag_counts_every_year_not_only_in_lustrum_years() {
        for year in [2023, 2024, 2025, 2026] {
            assert!(is_public_holiday(d(year, 5, 5)), "{year}");
        }
        assert!(!is_public_holiday(d(1984, 5, 5)));
        assert!(is_public_holiday(d(1985, 5, 5)));
    }

    #[test]
    fn goede_vrijdag_is_not_a_feestdag() {
        assert!(!is_public_holiday(d(2025, 4, 18)));
    }

    #[test]
    fn hemelvaart_and_pinksteren_follow_easter() {
        assert_eq!(
            public_holiday(d(2024, 5, 9)),
            Some(PublicHoliday::AscensionDay)
        );
        assert_eq!(
            public_holiday(d(2024, 5, 20)),
            Some(PublicHoliday::WhitMonday)
        );
        assert_eq!(
            public_holiday(d(2024, 4, 1)),
            Some(PublicHoliday::EasterMonday)
        );
    }

    #[test]
    fn holidays_have_dutch_and_english_names() {
        assert_eq!(PublicHoliday::KingsDay.label(Language::Nl), "Koningsdag");
        assert_eq!(PublicHoliday::KingsDay.label(Language::En), "King's Day");
        assert_eq!(PublicHoliday::ALL.len(), 10);
    }
}
