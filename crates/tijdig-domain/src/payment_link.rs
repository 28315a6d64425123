//! Betaallink: a link from the user's own bank or payment provider (a bunq.me, Tikkie or
//! Mollie payment link, an iDEAL page of their own) printed beside the IBAN and the QR code, so
//! a client can pay from the invoice, letter or e-mail with a click. Tijdig calls no online
//! service: it only fills the user's template with the invoice's amount, payment reference and
//! number.
//!
//! Rules (conventions, nobody to ask; written down here):
//! - Only `https://` links: a payment page reached over plain http or another scheme
//!   (`javascript:`, `mailto:`) could be read or changed on the way, or is not a page at all.
//! - The host is typed as is and never filled in: a placeholder can only vary the path or the
//!   query, so a filled link always goes to the site the user chose.
//! - Placeholders: `{bedrag}` (the amount to pay, `1234.56` — a point, as web addresses write
//!   it), `{kenmerk}` (the payment reference, without spaces) and `{factuurnummer}`. Their
//!   values are percent-encoded, so no value can end the path or add a parameter.

use rust_decimal::Decimal;

use crate::Issue;

/// The longest template accepted (a link longer than this does not fit a payment block).
pub const MAX_TEMPLATE_LEN: usize = 500;

/// The placeholders a template may hold, in the order the settings show them.
pub const PLACEHOLDERS: [&str; 3] = ["bedrag", "kenmerk", "factuurnummer"];

/// Checks a template as typed: `Ok(None)` when empty (no link), else the trimmed template.
pub fn check_template(input: &str) -> Result<Option<String>, Issue> {
    let template = input.trim();
    if template.is_empty() {
        return Ok(None);
    }
    if template.chars().count() > MAX_TEMPLATE_LEN {
        return Err(Issue::TooLong {
            max: MAX_TEMPLATE_LEN,
        });
    }
    if let Some(character) = template
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`'))
    {
        return Err(Issue::PaymentLinkCharacter { character });
    }
    let Some(rest) = strip_prefix_ignore_case(template, "https://") else {
        return Err(Issue::PaymentLinkHttps);
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let host_ok = !host.is_empty()
        && host.contains('.')
        && !host.starts_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    if !host_ok {
        return Err(Issue::PaymentLinkHost);
    }
    let mut tail = &rest[host_end..];
    while let Some(open) = tail.find('{') {
        let after = &tail[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(Issue::PaymentLinkPlaceholder {
                name: after.chars().take(20).collect(),
            });
        };
        let name = &after[..close];
        if !PLACEHOLDERS.contains(&name) {
            return Err(Issue::PaymentLinkPlaceholder { name: name.into() });
        }
        tail = &after[close + 1..];
    }
    if tail.contains('}') {
        return Err(Issue::PaymentLinkPlaceholder { name: "}".into() });
    }
    Ok(Some(template.to_string()))
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Percent-encodes everything but the unreserved characters of RFC 3986 §2.3.
pub(crate) fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// What a link is filled with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkValues<'a> {
    pub amount: Decimal,
    /// The payment reference as printed (spaces are left out).
    pub reference: &'a str,
    pub invoice_number: &'a str,
}

/// The template (already checked) filled in: `https://bunq.me/studio/{bedrag}/{kenmerk}` with
/// € 1.234,56 and RF18 5390 0754 7034 is `https://bunq.me/studio/1234.56/RF18539007547034`.
pub fn fill(template: &str, values: &LinkValues<'_>) -> String {
    let amount = values.amount.round_dp(2);
    let amount = format!("{amount:.2}");
    let reference: String = values
        .reference
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    template
        .replace("{bedrag}", &encode(&amount))
        .replace("{kenmerk}", &encode(&reference))
        .replace("{factuurnummer}", &encode(values.invoice_number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> LinkValues<'static> {
        LinkValues {
            amount: Decimal::new(123_456, 2),
            reference: "RF18 5390 0754 7034",
            invoice_number: "2026-0042",
        }
    }

    #[test]
    fn a_bunq_me_template_is_filled_with_amount_and_reference() {
        let t = check_template(" https://bunq.me/studiojansen/{bedrag}/{kenmerk} ")
            .unwrap_or_default()
            .unwrap_or_default();
        assert_eq!(
            fill(&t, &values()),
            "https://bunq.me/studiojansen/1234.56/RF18539007547034"
        );
    }

    #[test]
    fn values_are_encoded_so_they_cannot_change_the_link() {
        let v = LinkValues {
            invoice_number: "F/2026 #1&x=y",
            ..values()
        };
        assert_eq!(
            fill("https://pay.example.nl/?nr={factuurnummer}", &v),
            "https://pay.example.nl/?nr=F%2F2026%20%231%26x%3Dy"
        );
        let whole = LinkValues {
            amount: Decimal::new(40, 0),
            ..values()
        };
        assert_eq!(fill("https://a.nl/{bedrag}", &whole), "https://a.nl/40.00");
    }

    #[test]
    fn only_https_links_to_a_fixed_host_are_accepted() {
        assert_eq!(check_template(""), Ok(None));
        assert_eq!(
            check_template("http://bunq.me/x"),
            Err(Issue::PaymentLinkHttps)
        );
        assert_eq!(
            check_template("javascript:alert(1)"),
            Err(Issue::PaymentLinkHttps)
        );
        assert_eq!(check_template("bunq.me/x"), Err(Issue::PaymentLinkHttps));
        assert_eq!(
            check_template("https://{kenmerk}.evil.nl/"),
            Err(Issue::PaymentLinkHost)
        );
        assert_eq!(check_template("https:///x"), Err(Issue::PaymentLinkHost));
        assert_eq!(
            check_template("https://localhost/x"),
            Err(Issue::PaymentLinkHost)
        );
        assert_eq!(
            check_template("HTTPS://Tikkie.me/pay/abc"),
            Ok(Some("HTTPS://Tikkie.me/pay/abc".into()))
        );
    }

    #[test]
    fn unknown_placeholders_and_odd_characters_are_named() {
        assert_eq!(
            check_template("https://a.nl/{amount}"),
            Err(Issue::PaymentLinkPlaceholder {
                name: "amount".into()
            })
        );
        assert_eq!(
            check_template("https://a.nl/{bedrag"),
            Err(Issue::PaymentLinkPlaceholder {
                name: "bedrag".into()
            })
        );
        assert_eq!(
            check_template("https://a.nl/pay now"),
            Err(Issue::PaymentLinkCharacter { character: ' ' })
        );
        assert_eq!(
            check_template("https://a.nl/\"x"),
            Err(Issue::PaymentLinkCharacter { character: '"' })
        );
    }

    proptest::proptest! {
        /// Whatever the values, a filled checked template keeps its host and gains no
        /// space, quote or new parameter.
        #[test]
        fn a_filled_link_keeps_its_host(reference in ".{0,40}", number in ".{0,30}", cents in 0i64..100_000_000) {
            let template = "https://pay.example.nl/p/{kenmerk}?n={factuurnummer}&a={bedrag}";
            let v = LinkValues { amount: Decimal::new(cents, 2), reference: &reference, invoice_number: &number };
            let link = fill(template, &v);
            proptest::prop_assert!(link.starts_with("https://pay.example.nl/p/"));
            proptest::prop_assert_eq!(link.matches('&').count(), 1);
            proptest::prop_assert_eq!(link.matches('?').count(), 1);
            proptest::prop_assert!(!link.chars().any(|c| c.is_whitespace() || c == '"' || c == '<'));
            proptest::prop_assert_eq!(check_template(&link).is_ok(), true);
        }
    }
}
