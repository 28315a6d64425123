//! How Tijdig writes and reads dates and amounts: on screen (`22-11-2026`, `850.00` for the
//! UI to format), in documents (`22-11-2026` or `22 November 2026`) and in a letter's text
//! (`22 november 2026`), and the dates a user types.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use tijdig_domain::{Issue, Language};

/// A date as a Dutch user types it (`22-11-2026`, `22/11/2026`, `22.11.2026`) or as ISO
/// (`2026-11-22`): the domain's one reading of typed dates.
pub(crate) fn parse_date(input: &str) -> Result<NaiveDate, Issue> {
    tijdig_domain::dates::parse_typed_date(input)
}

/// How the screens show a date: `22-11-2026`.
pub(crate) fn show_date(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// An exact amount for the UI: rounded to the cent, always two decimals ("850.00").
pub(crate) fn amount(d: Decimal) -> String {
    let mut cents = tijdig_domain::money::round_cents(d);
    cents.rescale(2);
    cents.to_string()
}

/// A date in a document's fields (invoice date, due date): `22-11-2026`, or `22 November 2026`
/// in an English document.
pub(crate) fn document_date(d: NaiveDate, lang: Language) -> String {
    match lang {
        Language::Nl => show_date(d),
        Language::En => d.format("%-d %B %Y").to_string(),
    }
}

/// "22 november 2026" / "22 November 2026": dates in a letter's text.
pub(crate) fn long_date(d: NaiveDate, lang: Language) -> String {
    match lang {
        Language::Nl => {
            let month = tijdig_domain::dates::month_name(d.month0(), Language::Nl);
            format!("{} {month} {}", d.day(), d.year())
        }
        Language::En => d.format("%-d %B %Y").to_string(),
    }
}

/// An IBAN or payment reference in groups of four (`NL91 ABNA 0417 1643 00`), as printed.
pub(crate) fn grouped(compact: &str) -> String {
    compact
        .chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentence in the user's language.
/// A count with its noun in singular or plural: `counted(1, "klant", "klanten")` is
/// "1 klant", `counted(3, …)` "3 klanten" — never "1 klant(en)".
pub(crate) fn counted(n: impl std::fmt::Display, one: &str, many: &str) -> String {
    let n = n.to_string();
    let noun = if n == "1" { one } else { many };
    format!("{n} {noun}")
}

/// `one` when the count is 1, else `many`: the verb or pronoun that agrees with a count.
pub(crate) fn agree<'a>(n: impl std::fmt::Display, one: &'a str, many: &'a str) -> &'a str {
    if n.to_string() == "1" {
        one
    } else {
        many
    }
}

pub(crate) fn say(lang: Language, nl: &str, en: &str) -> String {
    match lang {
        Language::Nl => nl.to_string(),
        Language::En => en.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_the_dutch_way_and_as_iso() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for input in [
            "22-11-2026",
            "22/11/2026",
            "22.11.2026",
            "2026-11-22",
            " 22-11-2026 ",
        ] {
            assert_eq!(parse_date(input), Ok(day), "{input}");
        }
        for bad in ["", "31-02-2026", "11/22/2026", "22-11-26", "morgen"] {
            assert_eq!(parse_date(bad), Err(Issue::DateFormat), "{bad}");
        }
        assert_eq!(show_date(day), "22-11-2026");
    }

    #[test]
    fn amounts_go_to_the_ui_with_two_decimals_rounded_half_away_from_zero() {
        assert_eq!(amount(Decimal::new(850, 0)), "850.00");
        assert_eq!(amount(Decimal::new(12345, 3)), "12.35");
        assert_eq!(amount(Decimal::new(-12345, 3)), "-12.35");
    }

    #[test]
    fn letters_write_the_month_in_words() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
        assert_eq!(long_date(d, Language::Nl), "1 maart 2026");
        assert_eq!(long_date(d, Language::En), "1 March 2026");
        assert_eq!(document_date(d, Language::Nl), "01-03-2026");
        assert_eq!(grouped("NL91ABNA0417164300"), "NL91 ABNA 0417 1643 00");
    }
}
