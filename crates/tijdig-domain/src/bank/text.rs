//! Finding what a bank line says about who paid and for what: IBANs, payment references and
//! invoice numbers in free text, and the labelled fields of an MT940 `:86:` line.
//!
//! Sources of the shapes handled here: `../shared/reference/bank/README.md` ("Pitfalls"): ING
//! double-slash keywords, Rabobank/ABN AMRO/bunq single-slash keywords, ABN AMRO and Knab
//! "label: value" texts, wrapped lines joined without a separator.

use crate::payment_reference::PaymentReference;
use crate::validate;

/// The IBANs in `text` (spaces inside an IBAN are not supported: banks write them compact),
/// each checked with its mod-97 check digits and country length, in order of appearance.
pub fn ibans(text: &str) -> Vec<String> {
    scan_ibans(text, false)
}

/// The IBAN in a field the bank labelled as the counterparty's account (`/CNTP/`, `/IBAN/`,
/// `IBAN:`): its shape and the country's length must be right, but a wrong check digit is
/// accepted — a bank does not mistype an account it booked, while test exports use made-up
/// numbers.
pub fn labelled_iban(value: &str) -> Option<String> {
    scan_ibans(value, true).into_iter().next()
}

fn scan_ibans(text: &str, lenient: bool) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if starts_word
            && bytes[i].is_ascii_uppercase()
            && bytes[i + 1].is_ascii_uppercase()
            && bytes[i + 2].is_ascii_digit()
            && bytes[i + 3].is_ascii_digit()
        {
            let run = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            // The run may continue into glued text ("NL29INGB0006475121JBLOM"): try each
            // length an IBAN can have, longest first; only the country's length validates.
            if let Some(iban) = (15..=run.min(34))
                .rev()
                .filter_map(|len| text.get(i..i + len))
                .find_map(|candidate| match validate::iban(candidate) {
                    Ok(iban) => Some(iban),
                    Err(crate::Issue::IbanChecksum) if lenient => Some(candidate.to_string()),
                    Err(_) => None,
                })
            {
                i += iban.len();
                found.push(iban);
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Normalises an account as a statement gives it (`NL69INGB0123456789EUR`,
/// `NL92 KNAB 0123 4567 89`, `TRIODOSBANK/0390123456`, `517852257`) to an IBAN when it holds
/// one, else to the bare account text without spaces.
pub fn normalise_account(raw: &str) -> String {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let upper = compact.to_ascii_uppercase();
    if let Some(iban) = ibans(&upper).into_iter().next() {
        return iban;
    }
    let upper = upper.strip_suffix("EUR").unwrap_or(&upper).to_string();
    upper
        .rsplit('/')
        .next()
        .unwrap_or(&upper)
        .trim_matches('.')
        .to_string()
}

/// Every RF reference and 16-digit betalingskenmerk in `text` that is in `known`, checked with
/// its check digits. Spaces inside a reference are allowed (`RF18 5390 0754 7034`); the text is
/// compacted first and every candidate length tried, so a reference glued to the next word is
/// still found — the lookup in `known` keeps a lucky check digit from matching anything.
pub fn known_references<'a>(text: &str, is_known: impl Fn(&str) -> bool + 'a) -> Vec<String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let b = compact.as_bytes();
    let mut found: Vec<String> = Vec::new();
    let mut push = |r: String| {
        if !found.contains(&r) {
            found.push(r);
        }
    };
    for i in 0..b.len() {
        // RF + 2 check digits + 1..21 characters.
        if b[i..].starts_with(b"RF") && b.len() >= i + 5 {
            let run = b[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            for len in (5..=run.min(25)).rev() {
                let Some(candidate) = compact.get(i..i + len) else {
                    continue;
                };
                if is_known(candidate) && PaymentReference::parse_rf(candidate).is_ok() {
                    push(candidate.to_string());
                    break;
                }
            }
        }
        // A 16-digit kenmerk anywhere in a run of digits (the run may hold more).
        let digit_start = b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit());
        if digit_start {
            let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            for start in 0..=run.saturating_sub(16) {
                let Some(candidate) = compact.get(i + start..i + start + 16) else {
                    continue;
                };
                if run >= 16
                    && is_known(candidate)
                    && PaymentReference::parse_dutch16(candidate).is_ok()
                {
                    push(candidate.to_string());
                }
            }
        }
    }
    found
}

/// The words of `text` that could be an invoice number: runs of letters, digits, `-`, `/` and
/// `.`, upper-cased, with trailing punctuation dropped; each also without its separators
/// (`2026-0001` → `20260001`), since payers often leave the dash out.
pub fn number_tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    // Once with `/` and `.` inside words (`2015/123`), once as separators (`/REMI/201801001/`).
    let wide = text.split(|c: char| !(c.is_ascii_alphanumeric() || "-/.".contains(c)));
    let narrow = text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'));
    for word in wide.chain(narrow) {
        let word = word.trim_matches(|c: char| "-/.".contains(c));
        if word.len() < 3 || word.len() > 40 || !word.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let upper = word.to_ascii_uppercase();
        if !tokens.contains(&upper) {
            tokens.push(upper);
        }
        let bare: String = word
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if bare.len() != word.len() && !tokens.contains(&bare) {
            tokens.push(bare);
        }
    }
    tokens
}

/// Keywords of structured `:86:` lines (ING `//KEY/`, Rabobank/ABN AMRO/bunq `/KEY/`).
const KEYWORDS: &[&str] = &[
    "EREF",
    "CNTP",
    "REMI",
    "NAME",
    "IBAN",
    "BIC",
    "ORDP",
    "BENM",
    "ISDT",
    "CSID",
    "MARF",
    "PREF",
    "RTRN",
    "TRTP",
    "PURP",
    "ADDR",
    "SUM",
    "TRCD",
    "ULTC",
    "ULTD",
    "ULTB",
    "CDTRREFTP",
    "CDTRREF",
    "CD",
    "ISSR",
    "SVCL",
    "BUSP",
    "CUR",
    "CODE",
];

/// The value after `/KEY/` in a structured `:86:` text, up to the next known keyword, with
/// surrounding slashes and spaces trimmed. Values may contain `/` themselves, so the text is
/// cut only at known keywords.
pub fn keyword(text: &str, key: &str) -> Option<String> {
    let needle = format!("/{key}/");
    let start = text.find(&needle)? + needle.len();
    let rest = &text[start..];
    let end = KEYWORDS
        .iter()
        .filter_map(|k| rest.find(&format!("/{k}/")))
        .min()
        .unwrap_or(rest.len());
    let value = rest[..end].trim_matches(|c: char| c == '/' || c.is_whitespace());
    (!value.is_empty()).then(|| value.to_string())
}

/// The value after a `LABEL:` in a "label: value" text (ABN AMRO SEPA lines, Knab `NAAM:`), up
/// to the next label or the end.
pub fn label(text: &str, label: &str) -> Option<String> {
    const LABELS: &[&str] = &[
        "IBAN:",
        "BIC:",
        "NAAM:",
        "OMSCHRIJVING:",
        "KENMERK:",
        "BETALINGSKENM.:",
        "ID DEBITEUR:",
        "MACHTIGING:",
        "INCASSANT:",
        "REK:",
        "OMSCHR:",
        "VALUTADATUM:",
        "VOOR:",
    ];
    let upper = text.to_ascii_uppercase();
    let start = upper.find(label)? + label.len();
    let rest_upper = &upper[start..];
    let end = LABELS
        .iter()
        .filter_map(|l| rest_upper.find(l))
        .min()
        .unwrap_or(rest_upper.len());
    let value = text
        .get(start..start + end)?
        .trim_matches(|c: char| c == '/' || c.is_whitespace());
    (!value.is_empty()).then(|| collapse(value))
}

/// What a bank's free text says about the other party and the payment, in any of the labelled
/// styles banks write: ING `//CNTP/<IBAN>/<BIC>/<name>/…`, `/IBAN/…/NAME/…` (Rabobank, ABN
/// AMRO, bunq, Knab), "IBAN: … Naam: …" (ABN AMRO SEPA lines, ING CSV `Mededelingen`), Knab
/// `REK: … NAAM: …`, `/REMI/STRD/CUR/…`, `/CDTRREF/…`, `/EREF/…`, "Kenmerk: …".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextFacts {
    pub counterparty_iban: Option<String>,
    pub counterparty_name: Option<String>,
    pub structured_reference: Option<String>,
    pub end_to_end: Option<String>,
}

/// [`TextFacts`] of `raw`, the text as the file has it (wrapped lines joined without spaces).
pub fn text_facts(raw: &str) -> TextFacts {
    let description = collapse(raw);
    let cntp = keyword(raw, "CNTP");
    let cntp_parts: Vec<&str> = cntp
        .as_deref()
        .map(|c| c.split('/').collect())
        .unwrap_or_default();
    let counterparty_iban = cntp_parts
        .first()
        .and_then(|c| labelled_iban(c))
        .or_else(|| keyword(raw, "IBAN").and_then(|v| labelled_iban(&v)))
        .or_else(|| label(&description, "IBAN:").and_then(|v| labelled_iban(&v)))
        .or_else(|| label(&description, "REK:").and_then(|v| labelled_iban(&v)));
    let counterparty_name = keyword(raw, "NAME")
        .or_else(|| {
            cntp_parts
                .get(2)
                .map(|n| n.to_string())
                .filter(|n| !n.is_empty())
        })
        .or_else(|| label(&description, "NAAM:"))
        .map(|n| collapse(&n));
    let structured_reference = keyword(raw, "REMI")
        .and_then(|r| {
            r.strip_prefix("STRD/CUR/")
                .map(|v| v.trim_matches('/').to_string())
        })
        .or_else(|| keyword(raw, "CDTRREF"));
    let end_to_end = keyword(raw, "EREF")
        .filter(|e| e != "NOTPROVIDED")
        .or_else(|| label(&description, "KENMERK:").filter(|e| e != "NOTPROVIDED"));
    TextFacts {
        counterparty_iban,
        counterparty_name,
        structured_reference,
        end_to_end,
    }
}

/// Whitespace runs to one space, soft hyphens and control characters dropped, trimmed.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c == '\u{ad}' || (c.is_control() && !c.is_whitespace()) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// A name reduced for comparison: lower case, letters and digits only, without legal-form
/// words (`B.V.`, `BV`, `VOF`, `NV`, `h.o.d.n.`), so "Bakkerij De Korenaar B.V." and
/// "BAKKERIJ DE KORENAAR" compare equal.
pub fn name_key(name: &str) -> String {
    const FORMS: &[&str] = &[
        "bv", "b.v.", "b.v", "nv", "n.v.", "vof", "v.o.f.", "hodn", "h.o.d.n.",
    ];
    name.split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| !FORMS.contains(&w.as_str()))
        .flat_map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .map(fold)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A letter without its accent (`é` → `e`): banks often drop accents from names.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn an_iban_glued_to_the_next_word_is_still_found_and_a_wrong_one_is_not() {
        assert_eq!(ibans("NOVBNL29INGB0006475121"), Vec::<String>::new());
        assert_eq!(
            ibans("/CNTP/NL08INGB0000001234/INGBNL2A/ING T"),
            vec!["NL08INGB0000001234"]
        );
        assert_eq!(ibans("NL29INGB0006475121JBLOM"), vec!["NL29INGB0006475121"]);
        assert!(ibans("NL29INGB0006475122").is_empty());
        assert_eq!(
            labelled_iban("NL29INGB0006475122/INGBNL2A").as_deref(),
            Some("NL29INGB0006475122")
        );
        assert_eq!(
            labelled_iban("NL70ABNA0888888888BIC:").as_deref(),
            Some("NL70ABNA0888888888")
        );
    }

    #[test]
    fn accounts_are_normalised_from_every_bank_shape() {
        assert_eq!(
            normalise_account("NL69INGB0123456789EUR"),
            "NL69INGB0123456789"
        );
        assert_eq!(
            normalise_account("NL92 KNAB 0123 4567 89"),
            "NL92KNAB0123456789"
        );
        assert_eq!(normalise_account("TRIODOSBANK/0390123456"), "0390123456");
        assert_eq!(normalise_account("517852257"), "517852257");
    }

    #[test]
    fn references_are_found_with_spaces_glued_and_only_when_known_and_valid() {
        let known = ["5200150700013379", "RF18539007547034"];
        let is_known = |r: &str| known.contains(&r);
        assert_eq!(
            known_references("/REMI/STRD/CUR/5200150700013379/", is_known),
            vec!["5200150700013379"]
        );
        assert_eq!(
            known_references("betaling RF18 5390 0754 7034 dank", is_known),
            vec!["RF18539007547034"]
        );
        assert!(known_references("5200150700013378", |_| true).is_empty());
    }

    #[test]
    fn structured_keywords_are_cut_at_the_next_keyword_not_at_every_slash() {
        let t = "/EREF/E2E1//CNTP/NL08INGB0000001234/INGBNL2A/ING Testrekening/AMSTERDAM//REMI/USTD//Factuurnr: 2015/123/";
        assert_eq!(
            keyword(t, "CNTP").unwrap(),
            "NL08INGB0000001234/INGBNL2A/ING Testrekening/AMSTERDAM"
        );
        assert_eq!(keyword(t, "REMI").unwrap(), "USTD//Factuurnr: 2015/123");
        assert_eq!(label("SEPA OVERBOEKING IBAN: NL57INGB0001212121 BIC: INGBNL2A NAAM: CAFE MON AMI OMSCHRIJVING: x", "NAAM:").unwrap(), "CAFE MON AMI");
    }

    #[test]
    fn invoice_number_tokens_include_the_bare_form() {
        assert_eq!(
            number_tokens("Factuur 2026-0001."),
            vec!["2026-0001", "20260001"]
        );
        assert_eq!(
            name_key("Bakkerij De Korenaar B.V."),
            name_key("BAKKERIJ DE KORENAAR")
        );
        assert_eq!(name_key("Café Mon Ami"), name_key("CAFE MON AMI"));
    }
}
