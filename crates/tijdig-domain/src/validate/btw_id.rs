//! Dutch btw-identificatienummer (nl-rules-sources §5.2): `NL` + 9 digits + `B` + 2 digits,
//! suffix not `00`; valid when the 9 digits pass the RSIN/BSN elfproef (BVs, pre-2020 numbers)
//! or when the whole string passes ISO 7064 mod 97-10 (the 2020 btw-id of an eenmanszaak).
//! Foreign EU VAT numbers are checked for shape only (VIES is online; Tijdig is offline).

use super::mod97;
use crate::Issue;

/// EU VAT number prefixes (Greece uses EL, Northern Ireland XI).
const EU_PREFIXES: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
];

/// Validates a btw-id and returns it in canonical form (`NL123456782B01`). A Dutch number
/// typed without `NL` gets it; a 7- or 8-digit RSIN is left-padded to 9 digits as python-stdnum does.
pub fn btw_id(input: &str) -> Result<String, Issue> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let starts_with_letters =
        compact.len() >= 2 && compact.as_bytes()[..2].iter().all(u8::is_ascii_uppercase);
    if !starts_with_letters {
        return dutch(&compact);
    }
    let (prefix, rest) = compact.split_at(2);
    if prefix == "NL" {
        return dutch(rest);
    }
    let shape_ok = EU_PREFIXES.contains(&prefix)
        && (2..=13).contains(&rest.len())
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'*');
    if shape_ok {
        Ok(compact)
    } else {
        Err(Issue::BtwIdFormat)
    }
}

fn dutch(number: &str) -> Result<String, Issue> {
    // python-stdnum zero-fills a short RSIN to 9 digits ("NL4495445B01" → NL004495445B01).
    let padded = match number.split_once('B') {
        Some((digits, suffix)) if (7..9).contains(&digits.len()) => {
            format!("{digits:0>9}B{suffix}")
        }
        _ => number.to_string(),
    };
    let b = padded.as_bytes();
    let shape_ok = b.len() == 12
        && b[..9].iter().all(u8::is_ascii_digit)
        && b[9] == b'B'
        && b[10..].iter().all(u8::is_ascii_digit);
    if !shape_ok {
        return Err(Issue::BtwIdFormat);
    }
    if &padded[10..] == "00" {
        return Err(Issue::BtwIdSuffixZero);
    }
    let canonical = format!("NL{padded}");
    if elfproef(&padded[..9]) || mod97(&canonical) == Some(1) {
        Ok(canonical)
    } else {
        Err(Issue::BtwIdChecksum)
    }
}

/// The BSN/RSIN 11-proef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), over exactly 9 digits.
pub fn elfproef(digits: &str) -> bool {
    if digits.len() != 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: i64 = digits
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = i64::from(b - b'0');
            if i == 8 {
                -d
            } else {
                d * (9 - i as i64)
            }
        })
        .sum();
    sum.rem_euclid(11) == 0
}

/// True when a canonical Dutch btw-id passes only the elfproef, not mod 97: for an eenmanszaak
/// that is the BSN-based omzetbelastingnummer, which must stay off invoices (§1.4). A BV's
/// RSIN-based btw-id passes the elfproef too, so callers apply this to eenmanszaken only.
pub fn btw_id_looks_like_bsn(canonical: &str) -> bool {
    canonical.len() == 14
        && canonical.starts_with("NL")
        && elfproef(&canonical[2..11])
        && mod97(canonical) != Some(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Vectors D1–D8 (fixtures/vectors.json `btw_id`).
    #[test]
    fn shared_btw_id_vectors() {
        let vectors = crate::test_fixtures::vectors("btw_id");
        assert!(vectors.len() >= 8);
        for v in vectors {
            let input = v["input"].as_str().unwrap();
            let result = btw_id(input);
            assert_eq!(
                result.is_ok(),
                v["valid"].as_bool().unwrap(),
                "{input}: {result:?}"
            );
            if let Some(rule) = v["rule"].as_str() {
                let digits = &input[2..11];
                assert_eq!(elfproef(digits), rule == "elfproef", "{input} rule");
                assert_eq!(mod97(input) == Some(1), rule == "mod97", "{input} rule");
            }
        }
    }

    #[test]
    fn suffix_00_has_its_own_message() {
        assert_eq!(
            btw_id("NL000099998B00").unwrap_err(),
            Issue::BtwIdSuffixZero
        );
    }

    #[test]
    fn stdnum_forms_without_prefix_and_with_short_rsin_are_canonicalised() {
        assert_eq!(btw_id("004495445B01").unwrap(), "NL004495445B01");
        assert_eq!(btw_id("NL4495445B01").unwrap(), "NL004495445B01");
        assert_eq!(btw_id("nl 0024.55799.b11").unwrap(), "NL002455799B11");
    }

    #[test]
    fn d7_without_prefix_is_invalid() {
        assert!(btw_id("123456789B90").is_err());
    }

    #[test]
    fn foreign_eu_numbers_are_checked_for_shape_only() {
        assert_eq!(btw_id("DE 123456789").unwrap(), "DE123456789");
        assert_eq!(btw_id("BE0123456749").unwrap(), "BE0123456749");
        assert_eq!(btw_id("US123456789").unwrap_err(), Issue::BtwIdFormat);
        assert_eq!(btw_id("DE").unwrap_err(), Issue::BtwIdFormat);
    }

    #[test]
    fn the_elfproef_only_number_looks_like_a_bsn_and_the_2020_number_does_not() {
        assert!(btw_id_looks_like_bsn("NL123456782B01"));
        assert!(!btw_id_looks_like_bsn("NL000099998B57"));
        assert!(!btw_id_looks_like_bsn("NL002455799B11"));
    }

    #[test]
    fn garbage_never_panics() {
        for input in [
            "",
            "B",
            "NLB",
            "NL",
            "ÑL123456782B01",
            "NL12345678€B01",
            "€€",
        ] {
            assert!(btw_id(input).is_err(), "{input}");
        }
    }
}
