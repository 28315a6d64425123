//! Small validators: KvK-nummer, Dutch postcode, e-mail, phone, website, colour, country, text.

use crate::Issue;

/// A required free-text field: trimmed, not empty, at most `max` characters.
pub fn required_text(input: &str, max: usize) -> Result<String, Issue> {
    match optional_text(input, max)? {
        Some(text) => Ok(text),
        None => Err(Issue::Required),
    }
}

/// An optional free-text field: trimmed; empty becomes `None`; no control characters.
pub fn optional_text(input: &str, max: usize) -> Result<Option<String>, Issue> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        Ok(None)
    } else if trimmed.chars().count() > max {
        Err(Issue::TooLong { max })
    } else if has_control_character(trimmed) {
        Err(Issue::ControlCharacter)
    } else {
        Ok(Some(trimmed.to_string()))
    }
}

/// Whether `text` holds a control character nobody types: C0 other than TAB, LF and CR, DEL,
/// or C1 (U+0080–U+009F). Such characters can hide or rearrange text in a letter, a PDF or a
/// spreadsheet cell.
pub fn has_control_character(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// KvK-nummer (nl-rules-sources §5.3): exactly 8 digits, leading zeros kept (a string, never a
/// number). There is no public check digit, so only the shape is checked.
pub fn kvk(input: &str) -> Result<String, Issue> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if compact.len() == 8 && compact.bytes().all(|b| b.is_ascii_digit()) {
        Ok(compact)
    } else {
        Err(Issue::KvkFormat)
    }
}

/// Dutch postcode (§5.4): `^[1-9][0-9]{3} ?[A-Z]{2}$`, never SA/SD/SS; printed as `1234 AB`.
pub fn postcode_nl(input: &str) -> Result<String, Issue> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let b = compact.as_bytes();
    let shape_ok = b.len() == 6
        && (b'1'..=b'9').contains(&b[0])
        && b[1..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_uppercase);
    if !shape_ok {
        return Err(Issue::PostcodeFormat);
    }
    let (digits, letters) = compact.split_at(4);
    if matches!(letters, "SA" | "SD" | "SS") {
        return Err(Issue::PostcodeNeverIssued);
    }
    Ok(format!("{digits} {letters}"))
}

/// A two-letter ISO 3166 country code, upper-cased.
pub fn country(input: &str) -> Result<String, Issue> {
    let code = input.trim().to_ascii_uppercase();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(Issue::CountryFormat)
    }
}

/// An e-mail address: one `@`, a non-empty local part without the characters RFC 5322 only
/// allows quoted (`<>()[]\\,;:"`), a domain with a dot and no empty labels, no spaces.
/// Deliberately simple: the mail server is the final judge.
pub fn email(input: &str) -> Result<String, Issue> {
    let trimmed = input.trim();
    let ok = trimmed.len() <= 254
        && !trimmed.chars().any(|c| c.is_whitespace() || c.is_control())
        && match trimmed.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !local.contains(['<', '>', '(', ')', '[', ']', '\\', ',', ';', ':', '"'])
                    && !domain.contains('@')
                    && domain.contains('.')
                    && domain.split('.').all(|label| !label.is_empty())
            }
            None => false,
        };
    if ok {
        Ok(trimmed.to_string())
    } else {
        Err(Issue::EmailFormat)
    }
}

/// A phone number as typed (kept for display): digits, spaces, dashes, parentheses, an optional
/// leading `+`, with 6 to 15 digits (E.164 allows at most 15).
pub fn phone(input: &str) -> Result<String, Issue> {
    let trimmed = input.trim();
    let body = trimmed.strip_prefix('+').unwrap_or(trimmed);
    let allowed = body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'));
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if allowed && (6..=15).contains(&digits) {
        Ok(trimmed.to_string())
    } else {
        Err(Issue::PhoneFormat)
    }
}

/// A website: a host name with a dot, optionally with scheme and path; no spaces.
pub fn website(input: &str) -> Result<String, Issue> {
    let trimmed = input.trim();
    let without_scheme = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .unwrap_or(trimmed);
    let host = without_scheme.split('/').next().unwrap_or_default();
    let ok = trimmed.len() <= 200
        && !trimmed.chars().any(char::is_whitespace)
        && host.contains('.')
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    if ok {
        Ok(trimmed.to_string())
    } else {
        Err(Issue::WebsiteFormat)
    }
}

/// A colour as `#RRGGBB`, returned upper-case.
pub fn hex_colour(input: &str) -> Result<String, Issue> {
    let trimmed = input.trim();
    match trimmed.strip_prefix('#') {
        Some(hex) if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Ok(format!("#{}", hex.to_ascii_uppercase()))
        }
        _ => Err(Issue::ColourFormat),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_a_control_character_is_refused_tabs_and_line_breaks_are_not() {
        for bad in [
            "Bakker\u{0}ij",
            "\u{1b}[2J",
            "bel\u{7}",
            "x\u{7f}",
            "y\u{85}z",
        ] {
            assert_eq!(
                optional_text(bad, 100),
                Err(Issue::ControlCharacter),
                "{bad:?}"
            );
        }
        assert_eq!(
            optional_text("regel 1\nregel 2\tmet tab\r\n", 100),
            Ok(Some("regel 1\nregel 2\tmet tab".into()))
        );
        assert_eq!(
            required_text("😀 <b>'; DROP TABLE x;--", 100).as_deref(),
            Ok("😀 <b>'; DROP TABLE x;--")
        );
    }

    #[test]
    fn an_address_with_characters_only_quoting_allows_is_refused() {
        for bad in ["<script>@x.nl", "a,b@c.nl", "a;b@c.nl", "\"a\"@b.nl", "x@y"] {
            assert_eq!(email(bad), Err(Issue::EmailFormat), "{bad}");
        }
        assert_eq!(
            email(" eva.de-vries+post@korenbloem.nl ").as_deref(),
            Ok("eva.de-vries+post@korenbloem.nl")
        );
    }

    /// Vectors G6–G7 (fixtures/vectors.json `postcode`).
    #[test]
    fn shared_postcode_vectors() {
        let vectors = crate::test_fixtures::vectors("postcode");
        assert!(vectors.len() >= 6);
        for v in vectors {
            let input = v["input"].as_str().unwrap();
            let result = postcode_nl(input);
            if v["valid"].as_bool().unwrap() {
                let expected = v["normalised"].as_str().unwrap_or(input);
                assert_eq!(result.as_deref(), Ok(expected), "{input}");
            } else {
                assert!(result.is_err(), "{input}");
            }
        }
    }

    #[test]
    fn postcode_is_normalised_and_sd_is_never_issued() {
        assert_eq!(postcode_nl(" 1234ab ").unwrap(), "1234 AB");
        assert_eq!(
            postcode_nl("1234 SD").unwrap_err(),
            Issue::PostcodeNeverIssued
        );
        assert_eq!(postcode_nl("12345 AB").unwrap_err(), Issue::PostcodeFormat);
        assert_eq!(postcode_nl("1234 Ä B").unwrap_err(), Issue::PostcodeFormat);
    }

    #[test]
    fn kvk_keeps_leading_zeros_and_needs_eight_digits() {
        assert_eq!(kvk("0123 4567").unwrap(), "01234567");
        assert_eq!(kvk("1234567").unwrap_err(), Issue::KvkFormat);
        assert_eq!(kvk("123456789").unwrap_err(), Issue::KvkFormat);
        assert_eq!(kvk("1234567a").unwrap_err(), Issue::KvkFormat);
    }

    #[test]
    fn email_needs_a_local_part_and_a_dotted_domain() {
        assert_eq!(
            email(" info@studio-jansen.nl ").unwrap(),
            "info@studio-jansen.nl"
        );
        for bad in [
            "info",
            "@x.nl",
            "info@",
            "info@nl",
            "in fo@x.nl",
            "a@b@c.nl",
            "a@x..nl",
        ] {
            assert_eq!(email(bad).unwrap_err(), Issue::EmailFormat, "{bad}");
        }
    }

    #[test]
    fn phone_allows_dutch_and_international_notation() {
        assert!(phone("06-12345678").is_ok());
        assert!(phone("+31 (0)20 123 4567").is_ok());
        assert!(phone("12345").is_err());
        assert!(phone("bel me").is_err());
        assert!(phone("++31612345678").is_err());
    }

    #[test]
    fn website_colour_country_and_text() {
        assert!(website("https://www.studio-jansen.nl/contact").is_ok());
        assert!(website("studio-jansen.nl").is_ok());
        assert!(website("studio jansen").is_err());
        assert!(website("localhost").is_err());
        assert_eq!(hex_colour("#1f5f8b").unwrap(), "#1F5F8B");
        assert!(hex_colour("blue").is_err());
        assert_eq!(country(" be ").unwrap(), "BE");
        assert!(country("NLD").is_err());
        assert_eq!(required_text("  ", 10).unwrap_err(), Issue::Required);
        assert_eq!(
            required_text("abcdefghijk", 10).unwrap_err(),
            Issue::TooLong { max: 10 }
        );
        assert_eq!(optional_text(" x ", 10).unwrap(), Some("x".into()));
        assert_eq!(optional_text("   ", 10).unwrap(), None);
    }
}
