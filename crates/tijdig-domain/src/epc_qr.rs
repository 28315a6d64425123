//! EPC QR code ("GiroCode"): the payload of a QR code a banking app can scan to start a SEPA
//! credit transfer, per EPC069-12 version 002 (nl-rules-sources §5.7). Printed as a convenience
//! beside IBAN, name, amount and kenmerk in text (README "Invoices"). Rendering the QR image
//! (error correction level M) is the document's job.

use rust_decimal::Decimal;

use crate::money::{round_cents, MAX_AMOUNT};
use crate::{validate, Issue};

/// Beneficiary name: at most 70 characters.
pub const EPC_MAX_NAME: usize = 70;
/// Structured creditor reference (e.g. RF): at most 35 characters.
pub const EPC_MAX_REFERENCE: usize = 35;
/// Unstructured remittance text: at most 140 characters.
pub const EPC_MAX_TEXT: usize = 140;
/// Whole payload: at most 331 bytes.
pub const EPC_MAX_BYTES: usize = 331;

/// What goes into the QR code. Give either `reference` (structured, e.g. the RF betalingskenmerk)
/// or `text` (omschrijving), never both; empty strings count as absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EpcPayment<'a> {
    /// Name of the beneficiary (the account holder), at most [`EPC_MAX_NAME`] characters.
    pub name: &'a str,
    /// The beneficiary's IBAN, from any SEPA country (spaces allowed).
    pub iban: &'a str,
    /// BIC: optional in version 002 within the EEA.
    pub bic: Option<&'a str>,
    /// In euros, € 0,01 – € 999.999.999,99; rounded to the cent.
    pub amount: Decimal,
    pub reference: Option<&'a str>,
    pub text: Option<&'a str>,
}

/// Builds the payload: `BCD`, version `002`, character set `1` (UTF-8), `SCT`, BIC, name, IBAN,
/// `EUR` + amount with 2 decimals (`EUR121.00`), purpose (empty), structured reference,
/// remittance text; lines joined by LF, nothing after the last element used. Line breaks and
/// control characters in name and text become single spaces.
pub fn epc_qr_payload(payment: &EpcPayment<'_>) -> Result<String, Issue> {
    let reference = payment
        .reference
        .map(|r| r.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .unwrap_or_default()
        .to_ascii_uppercase();
    let text = payment.text.map(one_line).unwrap_or_default();
    if !reference.is_empty() && !text.is_empty() {
        return Err(Issue::QrReferenceAndText);
    }
    let name = one_line(payment.name);
    if name.is_empty() {
        return Err(Issue::QrNameRequired);
    }
    if name.chars().count() > EPC_MAX_NAME {
        return Err(Issue::QrNameTooLong { max: EPC_MAX_NAME });
    }
    let iban = validate::iban(payment.iban)?;
    let bic = match payment.bic.map(str::trim).filter(|b| !b.is_empty()) {
        Some(b) => bic(b)?,
        None => String::new(),
    };
    let amount = round_cents(payment.amount);
    if amount < Decimal::new(1, 2) || amount > MAX_AMOUNT {
        return Err(Issue::QrAmountRange);
    }
    let mut amount_text = amount;
    amount_text.rescale(2);
    if reference.chars().count() > EPC_MAX_REFERENCE {
        return Err(Issue::QrReferenceTooLong {
            max: EPC_MAX_REFERENCE,
        });
    }
    if !reference.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Issue::RfFormat);
    }
    if text.chars().count() > EPC_MAX_TEXT {
        return Err(Issue::QrTextTooLong { max: EPC_MAX_TEXT });
    }
    let mut fields = vec![
        "BCD".to_string(),
        "002".into(),
        "1".into(),
        "SCT".into(),
        bic,
        name,
        iban,
        format!("EUR{amount_text}"),
        String::new(), // purpose code: not used
        reference,
        text,
    ];
    while fields.last().is_some_and(String::is_empty) {
        fields.pop();
    }
    let payload = fields.join("\n");
    if payload.len() > EPC_MAX_BYTES {
        return Err(Issue::QrPayloadTooLarge);
    }
    Ok(payload)
}

/// A BIC: 8 or 11 letters/digits, the first 6 letters (bank and country code); upper-cased.
fn bic(input: &str) -> Result<String, Issue> {
    let b = input.to_ascii_uppercase();
    let ok = (b.len() == 8 || b.len() == 11)
        && b.bytes().all(|c| c.is_ascii_alphanumeric())
        && b.bytes().take(6).all(|c| c.is_ascii_uppercase());
    if ok {
        Ok(b)
    } else {
        Err(Issue::BicFormat)
    }
}

/// Trims, turns every run of whitespace into one space and drops control characters, so a value
/// can never break the line structure of the payload.
fn one_line(input: &str) -> String {
    input
        .split_whitespace()
        .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use std::str::FromStr;

    fn f1() -> EpcPayment<'static> {
        EpcPayment {
            name: "Jansen Webdesign",
            iban: "NL91ABNA0417164300",
            bic: None,
            amount: dec!(121.00),
            reference: Some("RF18539007547034"),
            text: None,
        }
    }

    /// Vectors F1–F6 (nl-rules-sources §TEST VECTORS F; fixtures/vectors.json `epc_qr`).
    #[test]
    fn shared_epc_qr_vectors_f1_to_f6() {
        let vectors = crate::test_fixtures::vectors("epc_qr");
        assert_eq!(vectors.len(), 6);
        let mut rejects = 0;
        for v in vectors {
            if let Some(reason) = v["reject"].as_str() {
                let mut p = f1();
                if reason.contains("both structured reference and unstructured text") {
                    p.text = Some("Factuur 2024-0042");
                    assert_eq!(
                        epc_qr_payload(&p),
                        Err(Issue::QrReferenceAndText),
                        "{reason}"
                    );
                } else if reason.contains("longer than 70 characters") {
                    let long = "J".repeat(71);
                    p.name = &long;
                    let result = epc_qr_payload(&p);
                    assert_eq!(result, Err(Issue::QrNameTooLong { max: 70 }), "{reason}");
                } else if reason.contains("amount 0.00") {
                    p.amount = dec!(0.00);
                    assert_eq!(epc_qr_payload(&p), Err(Issue::QrAmountRange), "{reason}");
                } else {
                    unreachable!("unknown reject case: {reason}");
                }
                rejects += 1;
                continue;
            }
            let p = EpcPayment {
                name: v["name"].as_str().unwrap(),
                iban: v["iban"].as_str().unwrap(),
                bic: v["bic"].as_str(),
                amount: Decimal::from_str(v["amount"].as_str().unwrap()).unwrap(),
                reference: v["reference"].as_str(),
                text: v["text"].as_str(),
            };
            let expected: Vec<&str> = v["expected_lines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect();
            assert_eq!(
                epc_qr_payload(&p).unwrap(),
                expected.join("\n"),
                "{}",
                p.name
            );
        }
        assert_eq!(rejects, 3);
    }

    #[test]
    fn f1_payload_is_exact_and_ends_with_the_reference() {
        assert_eq!(
            epc_qr_payload(&f1()).unwrap(),
            "BCD\n002\n1\nSCT\n\nJansen Webdesign\nNL91ABNA0417164300\nEUR121.00\n\nRF18539007547034"
        );
    }

    #[test]
    fn the_amount_range_is_one_cent_to_the_maximum() {
        for (amount, ok) in [
            (dec!(0.01), true),
            (dec!(999999999.99), true),
            (dec!(0.004), false),
            (dec!(-121), false),
            (dec!(1000000000), false),
        ] {
            let p = EpcPayment { amount, ..f1() };
            assert_eq!(epc_qr_payload(&p).is_ok(), ok, "{amount}");
        }
        let p = EpcPayment {
            amount: dec!(10.005),
            ..f1()
        };
        assert!(epc_qr_payload(&p).unwrap().contains("\nEUR10.01\n"));
    }

    #[test]
    fn printed_references_and_names_are_made_safe() {
        let p = EpcPayment {
            name: "  Jansen\nWebdesign ",
            reference: Some("rf18 5390 0754 7034"),
            ..f1()
        };
        assert_eq!(epc_qr_payload(&p), epc_qr_payload(&f1()));
    }

    #[test]
    fn bad_iban_bic_and_lengths_are_refused() {
        let bad_iban = EpcPayment {
            iban: "NL91ABNA0417164301",
            ..f1()
        };
        assert_eq!(epc_qr_payload(&bad_iban), Err(Issue::IbanChecksum));
        let bad_bic = EpcPayment {
            bic: Some("ING"),
            ..f1()
        };
        assert_eq!(epc_qr_payload(&bad_bic), Err(Issue::BicFormat));
        let no_name = EpcPayment { name: " ", ..f1() };
        assert_eq!(epc_qr_payload(&no_name), Err(Issue::QrNameRequired));
        let long_ref = "RF".to_string() + &"1".repeat(34);
        let p = EpcPayment {
            reference: Some(&long_ref),
            ..f1()
        };
        assert_eq!(
            epc_qr_payload(&p),
            Err(Issue::QrReferenceTooLong { max: 35 })
        );
        let long_text = "x".repeat(141);
        let p = EpcPayment {
            reference: None,
            text: Some(&long_text),
            ..f1()
        };
        assert_eq!(epc_qr_payload(&p), Err(Issue::QrTextTooLong { max: 140 }));
    }

    #[test]
    fn no_reference_and_no_text_ends_after_the_amount() {
        let p = EpcPayment {
            reference: Some(""),
            text: Some("  "),
            ..f1()
        };
        assert!(epc_qr_payload(&p).unwrap().ends_with("\nEUR121.00"));
    }

    #[test]
    fn a_payload_over_331_bytes_is_refused() {
        let name = "é".repeat(70);
        let text = "€".repeat(140);
        let p = EpcPayment {
            name: &name,
            reference: None,
            text: Some(&text),
            ..f1()
        };
        assert_eq!(epc_qr_payload(&p), Err(Issue::QrPayloadTooLarge));
    }
}
