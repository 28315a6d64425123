//! Reading amounts, prices, quantities and discounts as a Dutch user types them.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{MAX_AMOUNT, MAX_QUANTITY, PRICE_DECIMALS};
use crate::Issue;

/// A money amount (bedrag) in euros as a Dutch user types it, at least 0, at most
/// [`MAX_AMOUNT`], whole cents. A leading `€`, spaces and `,-` (whole euros) are allowed. The
/// comma is the decimal separator (`1234,56`). A dot groups thousands when every dot starts a
/// group of exactly 3 digits, the first group does not start with 0, and no other decimal sign is
/// present (`1.500` = 1500, `1.234.567,89`); otherwise a single dot is a decimal point (`12.5`,
/// `1234.56`, `0.335`).
pub fn parse_amount(input: &str) -> Result<Decimal, Issue> {
    parse_money(input, 2)
}

/// A unit price (prijs per eenheid, excl. btw): like [`parse_amount`] but with up to
/// [`PRICE_DECIMALS`] digits after the comma, e.g. `0,335`.
pub fn parse_unit_price(input: &str) -> Result<Decimal, Issue> {
    parse_money(input, PRICE_DECIMALS)
}

/// A quantity (aantal): more than 0, at most [`MAX_QUANTITY`], up to [`PRICE_DECIMALS`] digits
/// after the comma (`1,5` hours). Same separators as [`parse_amount`].
pub fn parse_quantity(input: &str) -> Result<Decimal, Issue> {
    let n = read_number(input).map_err(|e| match e {
        ReadError::Empty => Issue::Required,
        ReadError::Format => Issue::QuantityFormat,
        ReadError::TooLarge => Issue::QuantityTooLarge,
    })?;
    if n.negative || n.value.is_zero() {
        return Err(Issue::QuantityNotPositive);
    }
    if n.value.scale() > PRICE_DECIMALS {
        return Err(Issue::AmountDecimals {
            max: PRICE_DECIMALS,
        });
    }
    if n.value > MAX_QUANTITY {
        return Err(Issue::QuantityTooLarge);
    }
    Ok(n.value)
}

/// A korting in percent: empty or 0 means no discount (`None`); otherwise more than 0 and at
/// most 100, up to 2 decimals; a trailing `%` is allowed (`12,5%`).
pub fn parse_discount(input: &str) -> Result<Option<Decimal>, Issue> {
    let trimmed = input.trim();
    let without_percent = trimmed.strip_suffix('%').unwrap_or(trimmed);
    let n = match read_number(without_percent) {
        Ok(n) => n,
        Err(ReadError::Empty) => return Ok(None),
        Err(_) => return Err(Issue::DiscountRange),
    };
    if (n.negative && !n.value.is_zero()) || n.value > Decimal::ONE_HUNDRED {
        return Err(Issue::DiscountRange);
    }
    if n.value.scale() > 2 {
        return Err(Issue::AmountDecimals { max: 2 });
    }
    Ok((!n.value.is_zero()).then_some(n.value))
}

fn parse_money(input: &str, max_decimals: u32) -> Result<Decimal, Issue> {
    let n = read_number(input).map_err(|e| match e {
        ReadError::Empty => Issue::Required,
        ReadError::Format => Issue::AmountFormat,
        ReadError::TooLarge => Issue::AmountTooLarge,
    })?;
    if n.negative && !n.value.is_zero() {
        return Err(Issue::AmountNegative);
    }
    if n.value.scale() > max_decimals {
        return Err(Issue::AmountDecimals { max: max_decimals });
    }
    if n.value > MAX_AMOUNT {
        return Err(Issue::AmountTooLarge);
    }
    Ok(n.value)
}

/// A number as read: its size (normalised, no trailing zeros) and whether a minus was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Read {
    negative: bool,
    value: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReadError {
    Empty,
    Format,
    TooLarge,
}

/// Reads a number the Dutch way. A leading `€`, a minus sign and spaces are allowed; `,-` at the
/// end means whole euros. The comma is the decimal separator. A dot is a thousands separator
/// when every dot starts a group of exactly 3 digits (and the first group does not start with 0)
/// and no other decimal sign follows: `1.500` = 1500, `1.234.567,89`. Otherwise a single dot is
/// a decimal point: `12.5`, `1234.56`, `0.335`.
fn read_number(input: &str) -> Result<Read, ReadError> {
    let mut rest = input.trim();
    let mut negative = false;
    let mut euro = false;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix('€').filter(|_| !euro) {
            euro = true;
            rest = r;
        } else if let Some(r) = rest
            .strip_prefix('-')
            .or_else(|| rest.strip_prefix('\u{2212}'))
            .filter(|_| !negative)
        {
            negative = true;
            rest = r;
        } else {
            break;
        }
    }
    let rest = rest
        .strip_suffix(",--")
        .or_else(|| rest.strip_suffix(",-"))
        .unwrap_or(rest);
    // Spaces (also non-breaking ones) may group thousands: "1 234,56".
    let body: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    if body.is_empty() {
        return Err(if negative || euro {
            ReadError::Format
        } else {
            ReadError::Empty
        });
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(ReadError::Format);
    }
    let (int, frac) = split_decimal(&body)?;
    if int.is_empty() && frac.is_empty() {
        return Err(ReadError::Format);
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.len() > 15 {
        return Err(ReadError::TooLarge);
    }
    if frac.len() > 12 {
        // Far beyond any allowed precision; keeps the parse inside Decimal's 28 digits.
        return Err(ReadError::Format);
    }
    let int = if int.is_empty() { "0" } else { int };
    let text = if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    };
    let value = Decimal::from_str(&text).map_err(|_| ReadError::Format)?;
    Ok(Read { negative, value })
}

/// Splits digits-dots-commas into integer digits and fraction digits (separators removed).
fn split_decimal(body: &str) -> Result<(String, String), ReadError> {
    match body.split(',').collect::<Vec<_>>().as_slice() {
        [int] if int.contains('.') => {
            if thousands_groups(int) {
                Ok((int.replace('.', ""), String::new()))
            } else {
                match int.split_once('.') {
                    Some((i, f)) if !f.contains('.') => Ok((i.to_string(), f.to_string())),
                    _ => Err(ReadError::Format),
                }
            }
        }
        [int] => Ok((int.to_string(), String::new())),
        [int, frac] if !frac.contains('.') => {
            if int.contains('.') && !thousands_groups(int) {
                return Err(ReadError::Format);
            }
            Ok((int.replace('.', ""), frac.to_string()))
        }
        _ => Err(ReadError::Format),
    }
}

/// `1.234.567`: a first group of 1–3 digits not starting with 0, then groups of exactly 3.
fn thousands_groups(int: &str) -> bool {
    let mut groups = int.split('.');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && !g.starts_with('0'));
    first_ok && groups.all(|g| g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn dutch_amounts_are_read_with_a_decimal_comma_and_thousands_dots() {
        for (input, expected) in [
            ("1234,56", dec!(1234.56)),
            ("1.234,56", dec!(1234.56)),
            ("1.234.567,89", dec!(1234567.89)),
            ("1.500", dec!(1500)),
            ("1.005", dec!(1005)),
            ("12.5", dec!(12.5)),
            ("1234.56", dec!(1234.56)),
            ("0.35", dec!(0.35)),
            ("€ 1.500", dec!(1500)),
            ("€1.234,56", dec!(1234.56)),
            ("  75  ", dec!(75)),
            ("12,-", dec!(12)),
            ("€ 12,--", dec!(12)),
            (",50", dec!(0.5)),
            ("1 234,56", dec!(1234.56)),
            ("0", dec!(0)),
            ("-0", dec!(0)),
            ("12,500", dec!(12.5)),
            ("999.999.999,99", dec!(999999999.99)),
        ] {
            assert_eq!(parse_amount(input), Ok(expected), "{input}");
        }
    }

    #[test]
    fn a_mistyped_amount_gets_a_clear_issue() {
        for (input, code) in [
            ("", "required"),
            ("   ", "required"),
            ("€", "amount_format"),
            ("twaalf", "amount_format"),
            ("12,34,56", "amount_format"),
            ("1.2.3", "amount_format"),
            ("12.34,56", "amount_format"),
            ("1,234.56", "amount_format"),
            ("12a", "amount_format"),
            (".", "amount_format"),
            ("-12,50", "amount_negative"),
            ("€ -5", "amount_negative"),
            ("-€ 5", "amount_negative"),
            ("12,345", "amount_decimals"),
            ("1.000.000.000", "amount_too_large"),
            ("99999999999999999999999", "amount_too_large"),
        ] {
            assert_eq!(
                parse_amount(input).map_err(|e| e.code()),
                Err(code),
                "{input}"
            );
        }
    }

    #[test]
    fn a_unit_price_may_have_four_decimals() {
        assert_eq!(parse_unit_price("0,335"), Ok(dec!(0.335)));
        assert_eq!(parse_unit_price("0.335"), Ok(dec!(0.335)));
        assert_eq!(
            parse_unit_price("1,23456").unwrap_err().code(),
            "amount_decimals"
        );
        assert_eq!(parse_unit_price("-1").unwrap_err(), Issue::AmountNegative);
    }

    #[test]
    fn a_quantity_is_more_than_zero() {
        assert_eq!(parse_quantity("1,5"), Ok(dec!(1.5)));
        assert_eq!(parse_quantity("2"), Ok(dec!(2)));
        assert_eq!(parse_quantity("1.000"), Ok(dec!(1000)));
        assert_eq!(parse_quantity("0"), Err(Issue::QuantityNotPositive));
        assert_eq!(parse_quantity("-3"), Err(Issue::QuantityNotPositive));
        assert_eq!(parse_quantity("drie"), Err(Issue::QuantityFormat));
        assert_eq!(parse_quantity("1.000.001"), Err(Issue::QuantityTooLarge));
        assert_eq!(parse_quantity(""), Err(Issue::Required));
    }

    #[test]
    fn a_discount_is_a_percentage_up_to_100() {
        assert_eq!(parse_discount(""), Ok(None));
        assert_eq!(parse_discount("0"), Ok(None));
        assert_eq!(parse_discount("10"), Ok(Some(dec!(10))));
        assert_eq!(parse_discount("12,5%"), Ok(Some(dec!(12.5))));
        assert_eq!(parse_discount("100 %"), Ok(Some(dec!(100))));
        assert_eq!(parse_discount("101"), Err(Issue::DiscountRange));
        assert_eq!(parse_discount("-5"), Err(Issue::DiscountRange));
        assert_eq!(parse_discount("veel"), Err(Issue::DiscountRange));
    }
}
