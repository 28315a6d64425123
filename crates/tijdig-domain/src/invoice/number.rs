//! Factuurnummer and vervaldatum (nl-rules-sources §1.1 item 6, §1.5; README "Invoices": a
//! per-year series `2026-0001`, assigned only at issue, unique and without gaps).

use chrono::{Days, NaiveDate};

use crate::Issue;

/// Longest voorvoegsel (prefix) a user may put before the invoice number.
pub const MAX_PREFIX_LEN: usize = 10;

/// Factuurnummer: prefix + year + `-` + the sequence with at least 4 digits:
/// `("", 2026, 1)` → `2026-0001`, `("F", 2026, 1)` → `F2026-0001`, `("", 2026, 12345)` →
/// `2026-12345`. The store hands out `seq` per prefix and year, at issue time.
pub fn format_number(prefix: &str, year: i32, seq: u32) -> String {
    format!("{prefix}{year}-{seq:04}")
}

/// Checks a user-chosen prefix: trimmed, 0–10 characters, only letters A–Z/a–z, digits and `-`.
/// Empty is allowed (the default series `2026-0001`).
pub fn validate_prefix(input: &str) -> Result<String, Issue> {
    let trimmed = input.trim();
    if trimmed.chars().count() > MAX_PREFIX_LEN {
        return Err(Issue::TooLong {
            max: MAX_PREFIX_LEN,
        });
    }
    if trimmed
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        Ok(trimmed.to_string())
    } else {
        Err(Issue::InvoicePrefixFormat)
    }
}

/// Vervaldatum: the invoice date plus the payment term in days (14 days from 1 March is
/// 15 March). The last day on which payment is on time; verzuim starts the day after (§2).
pub fn due_date(invoice_date: NaiveDate, term_days: u32) -> NaiveDate {
    invoice_date
        .checked_add_days(Days::new(u64::from(term_days)))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_at_least_four_digits_and_grow_beyond_9999() {
        assert_eq!(format_number("", 2026, 1), "2026-0001");
        assert_eq!(format_number("F", 2026, 1), "F2026-0001");
        assert_eq!(format_number("WEB-", 2026, 42), "WEB-2026-0042");
        assert_eq!(format_number("", 2026, 9999), "2026-9999");
        assert_eq!(format_number("", 2026, 10000), "2026-10000");
    }

    #[test]
    fn a_prefix_is_up_to_10_letters_digits_or_dashes() {
        assert_eq!(validate_prefix(""), Ok(String::new()));
        assert_eq!(validate_prefix(" F "), Ok("F".into()));
        assert_eq!(validate_prefix("WEB-2"), Ok("WEB-2".into()));
        assert_eq!(validate_prefix("ABCDEFGHIJ"), Ok("ABCDEFGHIJ".into()));
        assert_eq!(
            validate_prefix("ABCDEFGHIJK"),
            Err(Issue::TooLong { max: 10 })
        );
        for bad in ["F/", "F 1", "Fé", "F_"] {
            assert_eq!(
                validate_prefix(bad),
                Err(Issue::InvoicePrefixFormat),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_due_date_is_the_invoice_date_plus_the_term() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(due_date(d(2026, 3, 1), 14), d(2026, 3, 15));
        assert_eq!(due_date(d(2024, 2, 15), 14), d(2024, 2, 29));
        assert_eq!(due_date(d(2025, 12, 20), 30), d(2026, 1, 19));
        assert_eq!(due_date(d(2026, 3, 1), 0), d(2026, 3, 1));
        assert_eq!(due_date(NaiveDate::MAX, 1), NaiveDate::MAX);
    }
}
