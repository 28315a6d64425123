//! IBAN, ISO 13616 (nl-rules-sources §5.1): strip spaces, upper-case, move the first four
//! characters to the end, letters to numbers (A = 10 … Z = 35), the number mod 97 must be 1.

use crate::Issue;

/// IBAN lengths of the SEPA countries (EPC409-09 scheme list; French overseas departments use
/// FR IBANs). Tijdig takes payments by SEPA credit transfer, so other countries are refused.
const SEPA_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AL", 28),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GI", 23),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("RS", 22),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("VA", 22),
];

/// Validates an IBAN from any SEPA country and returns it normalised (no spaces, upper case).
pub fn iban(input: &str) -> Result<String, Issue> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let bytes = compact.as_bytes();
    let well_formed = bytes.len() >= 5
        && bytes[..2].iter().all(u8::is_ascii_uppercase)
        && bytes[2..4].iter().all(u8::is_ascii_digit)
        && bytes[4..].iter().all(u8::is_ascii_alphanumeric);
    if !well_formed {
        return Err(Issue::IbanFormat);
    }
    let country = &compact[..2];
    let Some(&(_, expected)) = SEPA_LENGTHS.iter().find(|(code, _)| *code == country) else {
        return Err(Issue::IbanNotSepa {
            country: country.to_string(),
        });
    };
    if compact.len() != expected {
        return Err(Issue::IbanLength {
            expected,
            actual: compact.len(),
        });
    }
    if country == "NL" && !nl_bban_shape(&bytes[4..]) {
        return Err(Issue::IbanFormat);
    }
    let rearranged = format!("{}{}", &compact[4..], &compact[..4]);
    if mod97(&rearranged) != Some(1) {
        return Err(Issue::IbanChecksum);
    }
    Ok(compact)
}

/// The Dutch IBAN of a bare account number at a known bank (`ABNA`, `517852257` →
/// `NL..ABNA0517852257`): the number zero-padded to ten digits, check digits per ISO 13616
/// (98 − (BBAN + "NL00") mod 97). `None` when the account is not 1–10 digits or the bank code
/// not four letters. Banks that export bare numbers (ABN AMRO's TAB file) write the account the
/// IBAN holds, so the entry compares equal to the same entry read from CAMT.053.
pub fn nl_iban(bank: &str, account: &str) -> Option<String> {
    let account = account.trim();
    let digits_ok =
        !account.is_empty() && account.len() <= 10 && account.bytes().all(|b| b.is_ascii_digit());
    let bank_ok = bank.len() == 4 && bank.bytes().all(|b| b.is_ascii_uppercase());
    if !digits_ok || !bank_ok {
        return None;
    }
    let bban = format!("{bank}{account:0>10}");
    let check = 98 - mod97(&format!("{bban}NL00"))?;
    Some(format!("NL{check:02}{bban}"))
}

/// Dutch BBAN: a 4-letter bank code and a 10-digit account number.
fn nl_bban_shape(bban: &[u8]) -> bool {
    bban.len() == 14
        && bban[..4].iter().all(u8::is_ascii_uppercase)
        && bban[4..].iter().all(u8::is_ascii_digit)
}

/// ISO 7064 mod 97-10 over an alphanumeric string (letters count as 10–35), computed piecewise
/// so any length works. `None` for characters outside 0-9/A-Z.
pub fn mod97(value: &str) -> Option<u32> {
    let mut remainder: u32 = 0;
    for c in value.chars() {
        let digit = c.to_digit(36)?;
        remainder = if digit >= 10 {
            (remainder * 100 + digit) % 97
        } else {
            (remainder * 10 + digit) % 97
        };
    }
    Some(remainder)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Vectors C1–C6, C10 from nl-rules-sources §TEST VECTORS (copied to fixtures/vectors.json).
    #[test]
    fn shared_iban_vectors() {
        let vectors = crate::test_fixtures::vectors("iban");
        assert!(vectors.len() >= 8);
        for v in vectors {
            let input = v["input"].as_str().unwrap();
            let result = iban(input);
            if v["valid"].as_bool().unwrap() {
                let expected = v["normalised"].as_str().unwrap_or(input);
                assert_eq!(result.as_deref(), Ok(expected), "{input}");
            } else {
                let reason = v["reason"].as_str().unwrap();
                let code = result.expect_err(input).code();
                assert_eq!(code, format!("iban_{reason}"), "{input}");
            }
        }
    }

    #[test]
    fn a_bare_abn_amro_number_becomes_its_iban() {
        // ABN AMRO's own example account 0417164300 is NL91ABNA0417164300.
        assert_eq!(
            nl_iban("ABNA", "417164300").as_deref(),
            Some("NL91ABNA0417164300")
        );
        assert_eq!(
            iban(&nl_iban("ABNA", "123456789").unwrap()).map(|_| ()),
            Ok(())
        );
        assert_eq!(nl_iban("ABNA", "12345678901"), None);
        assert_eq!(nl_iban("ABNA", "12a"), None);
        assert_eq!(nl_iban("abna", "1"), None);
    }

    #[test]
    fn lower_case_and_spaces_are_normalised() {
        assert_eq!(
            iban(" nl91 abna 0417 1643 00 ").unwrap(),
            "NL91ABNA0417164300"
        );
    }

    #[test]
    fn a_non_sepa_country_is_refused_by_name() {
        assert_eq!(
            iban("US12345678901234567890").unwrap_err(),
            Issue::IbanNotSepa {
                country: "US".into()
            }
        );
    }

    #[test]
    fn a_dutch_iban_with_digits_in_the_bank_code_is_malformed() {
        assert_eq!(iban("NL911BNA0417164300").unwrap_err(), Issue::IbanFormat);
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        for input in [
            "",
            "N",
            "NL",
            "12345",
            "€€€€€€",
            "NL91",
            "ÑL91ABNA0417164300",
        ] {
            assert!(iban(input).is_err(), "{input}");
        }
    }
}
