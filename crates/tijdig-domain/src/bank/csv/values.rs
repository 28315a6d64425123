//! Dates and amounts as bank CSV files write them. The style is decided per column (every row
//! of a file uses the same), so `1.000` is never a thousand in one row and one euro in the next.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::super::parse_bank_amount;

/// How a date column is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// `2026-11-22` (Rabobank, bunq).
    Iso,
    /// `20261122` (ING, ABN AMRO TAB).
    Compact,
    /// `22-11-2026`, `22/11/2026`, `22.11.2026`, `2-1-2026` (Knab, ASN, Triodos). Day first,
    /// as every Dutch bank writes it; a month-first (American) file is read wrongly only when
    /// every day in it is 12 or less, and is refused otherwise.
    DayFirst,
}

/// The style of one date cell, if it is a date.
pub fn date_style(cell: &str) -> Option<DateStyle> {
    [DateStyle::Iso, DateStyle::Compact, DateStyle::DayFirst]
        .into_iter()
        .find(|&s| parse_date(cell, s).is_some())
}

/// A date cell in a given style. A time after the date (`2026-11-22 14:03`) is ignored.
pub fn parse_date(cell: &str, style: DateStyle) -> Option<NaiveDate> {
    let cell = cell.split_whitespace().next()?;
    match style {
        DateStyle::Iso => NaiveDate::parse_from_str(cell, "%Y-%m-%d").ok(),
        DateStyle::Compact => {
            if cell.len() != 8 || !cell.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            NaiveDate::parse_from_str(cell, "%Y%m%d").ok()
        }
        DateStyle::DayFirst => {
            let parts: Vec<&str> = cell.split(['-', '/', '.']).collect();
            let [d, m, y] = parts.as_slice() else {
                return None;
            };
            if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
                return None;
            }
            NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
    }
}

/// How an amount column is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalStyle {
    /// `1.234,56`, `827,75`, `2500`: a decimal comma, dots between thousands.
    Comma,
    /// `130.44`, `-200.00`: a decimal point and no thousands separator (ASN).
    Point,
}

/// The style of a column: a decimal comma when any of its cells has a comma, else a point.
pub fn decimal_style<'a>(cells: impl Iterator<Item = &'a str>) -> DecimalStyle {
    let mut style = DecimalStyle::Point;
    for c in cells {
        if c.contains(',') {
            style = DecimalStyle::Comma;
            break;
        }
    }
    style
}

/// Whether a cell reads as an amount in either style (for telling a header from data).
pub fn looks_like_amount(cell: &str) -> bool {
    parse_amount(cell, DecimalStyle::Comma).is_some()
        && cell.bytes().any(|b| b.is_ascii_digit())
        && !cell.bytes().any(|b| b.is_ascii_alphabetic())
}

/// A signed amount: an optional `+`/`-` (also after a currency sign or before it, `€ -5,00`,
/// `-€5`), digits in the column's style. A point followed by three digits in a
/// [`DecimalStyle::Point`] column is refused: `1.000` could be a thousand or one euro.
pub fn parse_amount(cell: &str, style: DecimalStyle) -> Option<Decimal> {
    let compact: String = cell
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{a0}')
        .collect();
    let compact = compact
        .strip_prefix("EUR")
        .or_else(|| compact.strip_suffix("EUR"))
        .unwrap_or(&compact);
    let (negative, digits) = match compact.as_bytes().first() {
        Some(b'-') => (true, &compact[1..]),
        Some(b'+') => (false, &compact[1..]),
        _ => (false, compact),
    };
    let plain = match style {
        DecimalStyle::Comma => {
            let (int, frac) = digits.split_once(',').unwrap_or((digits, ""));
            let groups: Vec<&str> = int.split('.').collect();
            let grouped_right = groups.len() == 1
                || (groups[0].len() <= 3
                    && !groups[0].is_empty()
                    && groups[1..].iter().all(|g| g.len() == 3));
            if !grouped_right || frac.contains(',') {
                return None;
            }
            if frac.is_empty() {
                groups.concat()
            } else {
                format!("{},{frac}", groups.concat())
            }
        }
        DecimalStyle::Point => {
            if digits.contains(',') {
                return None;
            }
            if let Some((_, frac)) = digits.split_once('.') {
                if frac.len() > 2 {
                    return None;
                }
            }
            digits.to_string()
        }
    };
    let mut amount = parse_bank_amount(&plain)?;
    // In cents at least, as the other formats give it (`2500` is € 2.500,00).
    if amount.scale() < 2 {
        amount.rescale(2);
    }
    Some(if negative { -amount } else { amount })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn dates_in_every_style_banks_write() {
        let d = NaiveDate::from_ymd_opt(2019, 6, 21).unwrap();
        assert_eq!(parse_date("2019-06-21", DateStyle::Iso), Some(d));
        assert_eq!(parse_date("20190621", DateStyle::Compact), Some(d));
        assert_eq!(parse_date("21-06-2019", DateStyle::DayFirst), Some(d));
        assert_eq!(parse_date("21/6/2019", DateStyle::DayFirst), Some(d));
        assert_eq!(parse_date("2019-06-21 14:03:00", DateStyle::Iso), Some(d));
        assert_eq!(date_style("21-06-2019"), Some(DateStyle::DayFirst));
        assert_eq!(date_style("06-21-2019"), None);
        assert_eq!(date_style("Datum"), None);
        assert_eq!(date_style("31-02-2019"), None);
    }

    #[test]
    fn amounts_with_comma_or_point_sign_and_thousands() {
        assert_eq!(
            parse_amount("+5257,28", DecimalStyle::Comma),
            Some(dec!(5257.28))
        );
        assert_eq!(
            parse_amount("-1.234,56", DecimalStyle::Comma),
            Some(dec!(-1234.56))
        );
        assert_eq!(parse_amount("2500", DecimalStyle::Comma), Some(dec!(2500)));
        assert_eq!(parse_amount("€ -5,00", DecimalStyle::Comma), Some(dec!(-5)));
        assert_eq!(
            parse_amount("-200.00", DecimalStyle::Point),
            Some(dec!(-200))
        );
        assert_eq!(parse_amount("12.34.5", DecimalStyle::Comma), None);
        assert_eq!(parse_amount("1.000", DecimalStyle::Point), None);
        assert_eq!(parse_amount("1,5", DecimalStyle::Point), None);
        assert_eq!(parse_amount("abc", DecimalStyle::Comma), None);
        assert_eq!(parse_amount("", DecimalStyle::Comma), None);
        assert_eq!(
            decimal_style(["130.44", "-2.20"].into_iter()),
            DecimalStyle::Point
        );
        assert_eq!(
            decimal_style(["2500", "827,75"].into_iter()),
            DecimalStyle::Comma
        );
    }
}
