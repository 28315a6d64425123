//! Betalingskenmerk: the reference a client types with a payment so Tijdig can match it to the
//! invoice. ISO 11649 "RF" creditor reference by default, the Dutch 16-digit betalingskenmerk as
//! an option (shared/reference README, "Invoices"; nl-rules-sources §5.5, §5.6).

use std::fmt;

use crate::codes::coded_enum;
use crate::invoice::format_number;
use crate::validate::mod97;
use crate::Issue;

coded_enum! {
    /// Soort betalingskenmerk, chosen once in the settings. RF is the default (README).
    #[derive(Default)]
    pub enum PaymentReferenceKind {
        /// ISO 11649 RF creditor reference (nl-rules-sources §5.6).
        #[default]
        Rf => "rf",
        /// Dutch 16-digit betalingskenmerk, ex-acceptgiro (nl-rules-sources §5.5).
        Dutch16 => "betalingskenmerk16",
    }
}

/// A checked betalingskenmerk in compact form: no spaces, upper case. `Display` prints it in
/// groups of 4, as on an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PaymentReference {
    /// ISO 11649: `RF` + 2 check digits + 1–21 letters/digits, e.g. `RF18539007547034` (§5.6).
    Rf(String),
    /// 1 check digit + 15 digits, e.g. `5010002167010010` (§5.5).
    Dutch16(String),
}

/// Weights of the 16-digit betalingskenmerk, applied to the 15 digits from right to left
/// (nl-rules-sources §5.5).
const DUTCH16_WEIGHTS: [u32; 15] = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1, 2, 4, 8, 5, 10];

impl PaymentReference {
    /// Makes an RF reference from 1–21 letters/digits (spaces ignored, letters upper-cased):
    /// check = 98 − (base + "RF00" mod 97), two digits (§5.6). `539007547034` → `RF18539007547034`.
    pub fn rf_from_base(base: &str) -> Result<PaymentReference, Issue> {
        let base = compact(base);
        let ok = (1..=21).contains(&base.len()) && base.bytes().all(|b| b.is_ascii_alphanumeric());
        let remainder = mod97(&format!("{base}RF00")).filter(|_| ok);
        match remainder {
            Some(n) => Ok(PaymentReference::Rf(format!("RF{:02}{base}", 98 - n))),
            None => Err(Issue::ReferenceBaseFormat),
        }
    }

    /// Makes a 16-digit betalingskenmerk from 15 digits (spaces ignored) by putting the check
    /// digit in front (§5.5).
    pub fn dutch16_from_base(base: &str) -> Result<PaymentReference, Issue> {
        let base = compact(base);
        match dutch16_check_digit(&base) {
            Some(check) => Ok(PaymentReference::Dutch16(format!("{check}{base}"))),
            None => Err(Issue::ReferenceBaseFormat),
        }
    }

    /// Reads a reference as typed or printed: RF when it starts with `RF`, otherwise the
    /// 16-digit betalingskenmerk.
    pub fn parse(input: &str) -> Result<PaymentReference, Issue> {
        if compact(input).starts_with("RF") {
            PaymentReference::parse_rf(input)
        } else {
            PaymentReference::parse_dutch16(input)
        }
    }

    /// Validates an RF reference (spaces allowed): shape `RF` + 2 digits + 1–21 letters/digits,
    /// and with `RFkk` moved to the end the number mod 97 is 1 (§5.6).
    pub fn parse_rf(input: &str) -> Result<PaymentReference, Issue> {
        let c = compact(input);
        let b = c.as_bytes();
        let shape_ok = (5..=25).contains(&b.len())
            && c.starts_with("RF")
            && b[2..4].iter().all(u8::is_ascii_digit)
            && b[4..].iter().all(u8::is_ascii_alphanumeric);
        if !shape_ok {
            return Err(Issue::RfFormat);
        }
        if mod97(&format!("{}{}", &c[4..], &c[..4])) == Some(1) {
            Ok(PaymentReference::Rf(c))
        } else {
            Err(Issue::RfChecksum)
        }
    }

    /// Validates a 16-digit betalingskenmerk (spaces allowed): the first digit is the check
    /// digit over the other 15 (§5.5).
    pub fn parse_dutch16(input: &str) -> Result<PaymentReference, Issue> {
        let c = compact(input);
        if c.len() != 16 || !c.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Issue::BetalingskenmerkFormat);
        }
        let (check, base) = c.split_at(1);
        match dutch16_check_digit(base) {
            Some(expected) if expected.to_string() == check => Ok(PaymentReference::Dutch16(c)),
            _ => Err(Issue::BetalingskenmerkChecksum),
        }
    }

    /// The reference Tijdig prints on an invoice, derived from its number so it never needs
    /// storing separately:
    /// - RF: from the letters and digits of the invoice number ([`format_number`]):
    ///   `2026-0001` → base `20260001` → `RF…20260001`; `F2026-0001` → base `F20260001`. With the
    ///   default empty prefix the reference is digits only, which every Dutch bank accepts.
    /// - Dutch16: year (4 digits) + sequence zero-padded to 11 digits = 15 digits, e.g.
    ///   2026/1 → base `202600000000001`. It cannot carry the prefix, so two series with the
    ///   same year and sequence share a kenmerk; use RF when you keep several series.
    pub fn for_invoice(
        kind: PaymentReferenceKind,
        prefix: &str,
        year: i32,
        seq: u32,
    ) -> Result<PaymentReference, Issue> {
        match kind {
            PaymentReferenceKind::Rf => {
                let number = format_number(prefix, year, seq);
                let base: String = number.chars().filter(char::is_ascii_alphanumeric).collect();
                PaymentReference::rf_from_base(&base)
            }
            PaymentReferenceKind::Dutch16 => {
                if !(0..=9999).contains(&year) {
                    return Err(Issue::ReferenceBaseFormat);
                }
                PaymentReference::dutch16_from_base(&format!("{year:04}{seq:011}"))
            }
        }
    }

    pub fn kind(&self) -> PaymentReferenceKind {
        match self {
            PaymentReference::Rf(_) => PaymentReferenceKind::Rf,
            PaymentReference::Dutch16(_) => PaymentReferenceKind::Dutch16,
        }
    }

    /// Compact form (no spaces): for storage, the EPC QR code and matching bank lines.
    pub fn as_str(&self) -> &str {
        match self {
            PaymentReference::Rf(s) | PaymentReference::Dutch16(s) => s,
        }
    }

    /// Printed form in groups of 4: `RF18 5390 0754 7034`, `5010 0021 6701 0010`.
    pub fn printed(&self) -> String {
        let chars: Vec<char> = self.as_str().chars().collect();
        chars
            .chunks(4)
            .map(|group| group.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl fmt::Display for PaymentReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.printed())
    }
}

/// The check digit of a 15-digit base: Σ(digit × weight) right to left, c = 11 − (Σ mod 11),
/// 10 → 1 and 11 → 0. `None` unless the base is exactly 15 digits.
fn dutch16_check_digit(base: &str) -> Option<u32> {
    if base.len() != 15 || !base.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = base
        .bytes()
        .rev()
        .zip(DUTCH16_WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(match 11 - sum % 11 {
        10 => 1,
        11 => 0,
        c => c,
    })
}

fn compact(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Vectors E1–E6 (nl-rules-sources §TEST VECTORS E; fixtures/vectors.json `rf_reference`).
    #[test]
    fn shared_rf_reference_vectors_e1_to_e6() {
        let vectors = crate::test_fixtures::vectors("rf_reference");
        assert_eq!(vectors.len(), 6);
        for v in vectors {
            if let Some(base) = v["generate"].as_str() {
                let made = PaymentReference::rf_from_base(base).unwrap();
                let expected = v["expected"].as_str().unwrap();
                assert_eq!(made.as_str(), expected, "generate({base})");
                if let Some(printed) = v["printed"].as_str() {
                    assert_eq!(made.printed(), printed, "print({base})");
                }
                assert_eq!(PaymentReference::parse_rf(expected), Ok(made), "{expected}");
            } else {
                let input = v["validate"].as_str().unwrap();
                let valid = v["valid"].as_bool().unwrap();
                assert_eq!(PaymentReference::parse_rf(input).is_ok(), valid, "{input}");
                assert_eq!(PaymentReference::parse(input).is_ok(), valid, "{input}");
            }
        }
    }

    /// Vectors G1–G5 (nl-rules-sources §TEST VECTORS G; fixtures `betalingskenmerk16`).
    #[test]
    fn shared_betalingskenmerk16_vectors_g1_to_g5() {
        let vectors = crate::test_fixtures::vectors("betalingskenmerk16");
        assert_eq!(vectors.len(), 5);
        for v in vectors {
            let input = v["input"].as_str().unwrap();
            let result = PaymentReference::parse_dutch16(input);
            if v["valid"].as_bool().unwrap() {
                let reference = result.unwrap();
                assert_eq!(reference.printed(), input, "{input}");
                let compact = reference.as_str();
                assert_eq!(
                    PaymentReference::dutch16_from_base(&compact[1..]),
                    Ok(reference.clone()),
                    "regenerating the check digit of {input}"
                );
            } else {
                assert_eq!(result, Err(Issue::BetalingskenmerkChecksum), "{input}");
            }
        }
    }

    #[test]
    fn a_wrong_rf_is_refused_with_format_or_checksum() {
        assert_eq!(
            PaymentReference::parse_rf("RF19539007547034"),
            Err(Issue::RfChecksum)
        );
        for bad in [
            "",
            "RF",
            "RF18",
            "XX18539007547034",
            "RF1A539",
            "RF18-5390",
            "RF18€",
        ] {
            assert_eq!(
                PaymentReference::parse_rf(bad),
                Err(Issue::RfFormat),
                "{bad}"
            );
        }
        assert_eq!(
            PaymentReference::parse_rf("RF18 0000 0000 0000 0000 0000 00"),
            Err(Issue::RfFormat),
            "longer than 25 characters"
        );
        assert_eq!(
            PaymentReference::parse("rf18 5390 0754 7034"),
            Ok(PaymentReference::Rf("RF18539007547034".into()))
        );
    }

    #[test]
    fn an_rf_base_must_be_1_to_21_letters_or_digits() {
        assert!(PaymentReference::rf_from_base("123456789012345678901").is_ok());
        for bad in ["", "1234567890123456789012", "2026-0001", "ÄB"] {
            assert_eq!(
                PaymentReference::rf_from_base(bad),
                Err(Issue::ReferenceBaseFormat),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_betalingskenmerk_has_16_digits() {
        for bad in [
            "",
            "501000216701001",
            "50100021670100100",
            "5010 0021 6701 001A",
        ] {
            assert_eq!(
                PaymentReference::parse_dutch16(bad),
                Err(Issue::BetalingskenmerkFormat),
                "{bad}"
            );
        }
        assert_eq!(
            PaymentReference::dutch16_from_base("12345"),
            Err(Issue::ReferenceBaseFormat)
        );
    }

    #[test]
    fn the_rf_of_invoice_2026_0001_is_made_from_its_digits() {
        let r = PaymentReference::for_invoice(PaymentReferenceKind::Rf, "", 2026, 1).unwrap();
        assert_eq!(r, PaymentReference::rf_from_base("20260001").unwrap());
        assert!(r.as_str().ends_with("20260001"));
        assert_eq!(PaymentReference::parse(&r.printed()), Ok(r.clone()));
        let f = PaymentReference::for_invoice(PaymentReferenceKind::Rf, "F", 2026, 1).unwrap();
        assert!(f.as_str().ends_with("F20260001"));
        assert_ne!(r, f, "each series gets its own reference");
    }

    #[test]
    fn the_betalingskenmerk_of_invoice_2026_0001_is_year_and_sequence() {
        let r = PaymentReference::for_invoice(PaymentReferenceKind::Dutch16, "F", 2026, 1).unwrap();
        assert_eq!(r.kind(), PaymentReferenceKind::Dutch16);
        assert_eq!(&r.as_str()[1..], "202600000000001");
        assert_eq!(PaymentReference::parse(&r.printed()), Ok(r.clone()));
        let big = PaymentReference::for_invoice(PaymentReferenceKind::Dutch16, "", 2026, u32::MAX);
        assert!(big.is_ok());
        assert_eq!(
            PaymentReference::for_invoice(PaymentReferenceKind::Dutch16, "", 12026, 1),
            Err(Issue::ReferenceBaseFormat)
        );
    }

    #[test]
    fn a_long_prefix_and_sequence_still_fits_an_rf_or_is_refused() {
        let fits = PaymentReference::for_invoice(PaymentReferenceKind::Rf, "ABCDEFGHIJ", 2026, 1);
        assert!(fits.is_ok(), "10 + 4 + 4 = 18 characters");
        let too_long =
            PaymentReference::for_invoice(PaymentReferenceKind::Rf, "ABCDEFGHIJ", 2026, u32::MAX);
        assert_eq!(
            too_long,
            Err(Issue::ReferenceBaseFormat),
            "10 + 4 + 10 = 24"
        );
    }

    #[test]
    fn the_default_kind_is_rf_and_codes_round_trip() {
        assert_eq!(PaymentReferenceKind::default(), PaymentReferenceKind::Rf);
        for k in PaymentReferenceKind::ALL {
            assert_eq!(PaymentReferenceKind::from_code(k.code()), Some(*k));
        }
    }
}
