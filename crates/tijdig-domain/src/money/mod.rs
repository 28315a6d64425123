//! Geld: amounts as `rust_decimal::Decimal`, never floats, rounded to the cent half away from
//! zero (shared/reference README, "Money"); reading what a Dutch user types and printing euros.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::Language;

mod parse;

pub use parse::{parse_amount, parse_discount, parse_quantity, parse_unit_price};

/// Grootste bedrag: € 999.999.999,99, also the EPC QR maximum (nl-rules-sources §5.7).
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0x4876_E7FF, 0x17, 0, false, 2);

/// Grootste aantal on an invoice line: 1.000.000. Together with [`MAX_AMOUNT`] this keeps every
/// line and total far inside `Decimal`'s range, so arithmetic on parsed values cannot overflow.
pub const MAX_QUANTITY: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Digits after the comma allowed in a unit price (a price per piece may be a fraction of a cent;
/// the line amount is rounded) and in a quantity.
pub const PRICE_DECIMALS: u32 = 4;

/// Rounds to whole cents, half away from zero: 1,005 → 1,01 and −1,005 → −1,01.
pub fn round_cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// An amount in euros in the user's language: [`format_eur_nl`] or [`format_eur_en`].
pub fn format_eur(amount: Decimal, lang: Language) -> String {
    match lang {
        Language::Nl => format_eur_nl(amount),
        Language::En => format_eur_en(amount),
    }
}

/// Dutch style, rounded to the cent: `€ 1.234,56`, `€ -12,50` (the NL convention for negatives,
/// as on a creditfactuur).
pub fn format_eur_nl(amount: Decimal) -> String {
    let (negative, int, cents) = euro_parts(amount);
    let sign = if negative { "-" } else { "" };
    format!("€ {sign}{},{cents}", group_thousands(&int, '.'))
}

/// English style, rounded to the cent: `€1,234.56`, `-€12.50`.
pub fn format_eur_en(amount: Decimal) -> String {
    let (negative, int, cents) = euro_parts(amount);
    let sign = if negative { "-" } else { "" };
    format!("{sign}€{}.{cents}", group_thousands(&int, ','))
}

/// A quantity without trailing zeros in the user's language: `1,5` / `1.5`, `1.000` / `1,000`.
pub fn format_quantity(quantity: Decimal, lang: Language) -> String {
    let normal = quantity.normalize();
    let negative = normal.is_sign_negative() && !normal.is_zero();
    let text = normal.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (group, decimal) = match lang {
        Language::Nl => ('.', ','),
        Language::En => (',', '.'),
    };
    let sign = if negative { "-" } else { "" };
    let grouped = group_thousands(int, group);
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{decimal}{frac}")
    }
}

/// Sign, integer digits and the two cent digits of an amount rounded to the cent.
fn euro_parts(amount: Decimal) -> (bool, String, String) {
    let mut rounded = round_cents(amount);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    rounded = rounded.abs();
    rounded.rescale(2);
    let text = rounded.to_string();
    let (int, cents) = text.split_once('.').unwrap_or((&text, "00"));
    (negative, int.to_string(), cents.to_string())
}

fn group_thousands(digits: &str, separator: char) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let head = match chars.len() % 3 {
        0 => chars.len().min(3),
        rest => rest,
    };
    let mut out: String = chars[..head].iter().collect();
    for group in chars[head..].chunks(3) {
        out.push(separator);
        out.extend(group);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Issue;
    use rust_decimal_macros::dec;

    #[test]
    fn rounding_is_half_away_from_zero_to_the_cent() {
        assert_eq!(round_cents(dec!(1.005)), dec!(1.01));
        assert_eq!(round_cents(dec!(-1.005)), dec!(-1.01));
        assert_eq!(round_cents(dec!(0.125)), dec!(0.13));
        assert_eq!(round_cents(dec!(0.135)), dec!(0.14));
        assert_eq!(round_cents(dec!(2.004999)), dec!(2.00));
        assert_eq!(round_cents(dec!(40.0005)), dec!(40.00));
    }

    #[test]
    fn the_largest_amount_is_999_999_999_euro_99() {
        assert_eq!(MAX_AMOUNT, dec!(999999999.99));
        assert_eq!(MAX_QUANTITY, dec!(1000000));
    }

    #[test]
    fn euros_are_printed_dutch_style_and_english_style() {
        for (amount, nl, en) in [
            (dec!(1234.56), "€ 1.234,56", "€1,234.56"),
            (dec!(0), "€ 0,00", "€0.00"),
            (dec!(121), "€ 121,00", "€121.00"),
            (dec!(0.5), "€ 0,50", "€0.50"),
            (dec!(1000000), "€ 1.000.000,00", "€1,000,000.00"),
            (dec!(-12.5), "€ -12,50", "-€12.50"),
            (dec!(1.005), "€ 1,01", "€1.01"),
            (dec!(-0.001), "€ 0,00", "€0.00"),
            (dec!(999999999.99), "€ 999.999.999,99", "€999,999,999.99"),
        ] {
            assert_eq!(format_eur_nl(amount), nl, "{amount}");
            assert_eq!(format_eur_en(amount), en, "{amount}");
            assert_eq!(format_eur(amount, Language::Nl), nl);
        }
    }

    #[test]
    fn quantities_drop_trailing_zeros() {
        assert_eq!(format_quantity(dec!(1.50), Language::Nl), "1,5");
        assert_eq!(format_quantity(dec!(1.50), Language::En), "1.5");
        assert_eq!(format_quantity(dec!(2), Language::Nl), "2");
        assert_eq!(format_quantity(dec!(-1500), Language::Nl), "-1.500");
    }

    #[test]
    fn the_overpayment_message_states_the_outstanding_amount() {
        let issue = Issue::PaymentTooHigh {
            outstanding: dec!(1234.56),
        };
        assert!(issue.message(Language::Nl).contains("€ 1.234,56"));
        assert!(issue.message(Language::En).contains("€1,234.56"));
    }
}
