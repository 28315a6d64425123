//! Real bank exports of six Dutch banks (fixtures/bank, copied from public test suites with
//! their licences) read and matched as a user's statement would be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::path::Path;
use tijdig_domain::bank::matching::{
    InstalmentReference, KnownClient, MatchBook, MatchRule, OpenInvoice, Outcome, PaidInvoice,
    Target,
};
use tijdig_domain::bank::{read_statement, BankEntry, StatementError, StatementFormat};

fn read(path: &str) -> tijdig_domain::bank::ParsedStatement {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/bank")
        .join(path);
    read_statement(&std::fs::read(&full).unwrap()).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

fn invoice(id: i64, number: &str, reference: &str, client_id: i64, open: Decimal) -> OpenInvoice {
    OpenInvoice {
        id,
        number: number.into(),
        reference: reference.into(),
        client_id,
        invoice_date: NaiveDate::from_ymd_opt(2026, 1, u32::try_from(id).unwrap()).unwrap(),
        open,
        arrangement_id: None,
    }
}

fn client(id: i64, name: &str, iban: Option<&str>) -> KnownClient {
    KnownClient {
        id,
        name: name.into(),
        ibans: iban.into_iter().map(str::to_string).collect(),
    }
}

fn credits(s: &tijdig_domain::bank::ParsedStatement) -> Vec<&BankEntry> {
    s.entries
        .iter()
        .filter(|e| e.amount > Decimal::ZERO)
        .collect()
}

/// Entry counts as an independent parser (python `mt-940` 5.1.1, or an XSD check for CAMT)
/// counted them — see the reference README — and for the files it could not read, by hand.
#[test]
fn every_sample_of_every_bank_is_read_completely() {
    let expected = [
        ("mt940/ing/ing-structured_ING-provided-example.sta", 9),
        ("mt940/ing/ing-structured_spec-example-2014.sta", 8),
        (
            "mt940/ing/ing-ibp-unstructured_ING-provided-example_RF.sta",
            5,
        ),
        ("mt940/ing/ing-structured_cntp-remi-pin-sepa-dd.sta", 21),
        ("mt940/ing/ing-old-2010.sta", 7),
        ("mt940/rabobank/rabobank-structured.swi", 9),
        ("mt940/rabobank/rabobank-old-2003_dot-decimal.swi", 39),
        ("mt940/rabobank/rabobank-old-pre-sepa-2011.swi", 5),
        ("mt940/abnamro/abnamro-mixed_bea-trtp-sepa-2014.sta", 10),
        ("mt940/abnamro/abnamro-old-2011_giro-bea.sta", 10),
        (
            "mt940/triodos/triodos-gt-subfields-2012_two-accounts.sta",
            8,
        ),
        ("mt940/triodos/triodos-structured-cntp-2018.sta", 4),
        ("mt940/knab/knab-mixed-2015-2016.sta", 5),
        ("mt940/knab/knab-rek-naam_two-blocks.sta", 3),
        ("mt940/bunq/bunq-2019.sta", 111),
        ("mt940/asn/asn-2020_daily-blocks.940", 8),
        ("mt940/asn/asn-2020.940", 3),
        ("mt940/sns/sns.940", 4),
        (
            "camt053/rabobank/rabobank-camt053.001.02_real-export-2016.xml",
            9,
        ),
        (
            "camt053/nl-generic/genkgo-camt053.001.02_multi-statement.xml",
            2,
        ),
        ("camt053/nl-generic/genkgo-camt053.001.04.xml", 1),
        ("camt053/nl-generic/genkgo-camt053.001.08.xml", 1),
        (
            "camt053/nl-generic/genkgo-camt053.001.02_five-decimals.xml",
            1,
        ),
    ];
    for (path, count) in expected {
        assert_eq!(read(path).entries.len(), count, "{path}");
    }
    let old_rabo = read("mt940/rabobank/rabobank-old-2003_dot-decimal.swi");
    let sum: Decimal = old_rabo.entries.iter().map(|e| e.amount).sum();
    assert_ne!(sum, Decimal::ZERO);
    assert_eq!(
        read("mt940/knab/knab-year-boundary.sta").entries[0].booked_on,
        NaiveDate::from_ymd_opt(2013, 12, 29).unwrap()
    );
}

#[test]
fn a_camt_file_without_a_statement_is_refused_naming_the_element() {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/bank/camt053/nl-generic/genkgo-camt053_MUST-FAIL_wrong.xml");
    let err = read_statement(&std::fs::read(full).unwrap()).unwrap_err();
    assert!(
        matches!(err, StatementError::Malformed { line: 3, ref element, .. } if element == "BkToCstmrStmt"),
        "{err:?}"
    );
}

/// Rabobank CAMT.053 (a real 2016 export): invoice numbers in the remittance, a partial
/// payment, and a payment whose number is unknown but whose account and amount are a client's.
#[test]
fn rabobank_camt_invoice_numbers_and_account_plus_amount() {
    let s = read("camt053/rabobank/rabobank-camt053.001.02_real-export-2016.xml");
    assert_eq!(s.format, StatementFormat::Camt053);
    let mut book = MatchBook::new(
        vec![
            invoice(1, "2016Q3-0004", "RF00X", 7, dec!(4425.25)),
            invoice(2, "2016Q3-0005", "RF00Y", 7, dec!(3000.00)),
            invoice(3, "2016-0099", "RF00Z", 7, dec!(4516.68)),
        ],
        &[],
        &[],
        &[client(7, "XS News B.V.", Some("NL62ABNA0408441224"))],
    );
    let outcomes: Vec<Outcome> = credits(&s)
        .into_iter()
        .map(|e| book.match_entry(e))
        .collect();
    assert_eq!(
        outcomes[0],
        Outcome::Booked {
            rule: MatchRule::InvoiceNumber,
            parts: vec![(1, dec!(4425.25))]
        }
    );
    assert_eq!(
        outcomes[1],
        Outcome::Booked {
            rule: MatchRule::InvoiceNumber,
            parts: vec![(2, dec!(2982.99))]
        }
    );
    assert_eq!(
        outcomes[2],
        Outcome::Proposed {
            rule: MatchRule::AmountAndAccount,
            target: Target::Invoice(3)
        }
    );
    // The company's own transfer between its accounts is nobody's payment.
    assert_eq!(outcomes[3], Outcome::Unmatched { already_paid: None });
    assert_eq!(book.open(2), Some(dec!(17.01)));
}

/// ING structured MT940: the betalingskenmerk in `/REMI/STRD/CUR/` books; one whose check
/// digit is wrong is not trusted; returns and debits are no payments.
#[test]
fn ing_mt940_a_valid_betalingskenmerk_books_and_a_wrong_check_digit_is_not_trusted() {
    let s = read("mt940/ing/ing-structured_ING-provided-example.sta");
    let mut book = MatchBook::new(
        vec![
            invoice(1, "2026-0001", "5010012368971337", 1, dec!(40.00)),
            invoice(2, "2026-0002", "6390338414964113", 1, dec!(30.00)),
        ],
        &[],
        &[],
        &[],
    );
    let outcomes: Vec<Outcome> = s.entries.iter().map(|e| book.match_entry(e)).collect();
    assert_eq!(outcomes[0], Outcome::NotIncoming);
    // 5010012368971337 fails the check digit (a made-up number in ING's example).
    assert_eq!(outcomes[4], Outcome::Unmatched { already_paid: None });
    assert_eq!(
        outcomes[6],
        Outcome::Booked {
            rule: MatchRule::Reference,
            parts: vec![(2, dec!(25.00))]
        }
    );
    assert_eq!(book.open(2), Some(dec!(5.00)));
}

/// bunq MT940 (`/IBAN/…/NAME/…`) and Knab MT940 (`REK: …/NAAM: …`): account, then name.
#[test]
fn bunq_by_account_and_knab_by_name_are_proposed() {
    let bunq = read("mt940/bunq/bunq-2019.sta");
    let mut book = MatchBook::new(
        vec![
            invoice(1, "2019-0007", "RF00A", 1, dec!(211.00)),
            invoice(2, "2019-0008", "RF00B", 2, dec!(43.33)),
        ],
        &[],
        &[],
        &[
            client(1, "Donect", Some("NL53BUNQ2033988910")),
            client(2, "Stichting Vilente", None),
        ],
    );
    let proposals: Vec<Outcome> = credits(&bunq)
        .into_iter()
        .map(|e| book.match_entry(e))
        .filter(|o| matches!(o, Outcome::Proposed { .. }))
        .collect();
    // The first payment of each client with the open amount; later payments from the same
    // account are proposed too (for the user to confirm or leave), never booked.
    assert_eq!(
        proposals[0],
        Outcome::Proposed {
            rule: MatchRule::AmountAndAccount,
            target: Target::Invoice(1)
        }
    );
    assert_eq!(
        proposals[1],
        Outcome::Proposed {
            rule: MatchRule::AmountAndName,
            target: Target::Invoice(2)
        }
    );
    assert!(proposals.iter().all(|p| matches!(
        p,
        Outcome::Proposed {
            target: Target::Invoice(1 | 2),
            ..
        }
    )));
    let knab = read("mt940/knab/knab-rek-naam_two-blocks.sta");
    let mut book = MatchBook::new(
        vec![invoice(1, "2014-0001", "RF00A", 3, dec!(1000))],
        &[],
        &[],
        &[client(3, "Bedrijf", None)],
    );
    assert_eq!(
        book.match_entry(&knab.entries[1]),
        Outcome::Proposed {
            rule: MatchRule::AmountAndName,
            target: Target::Invoice(1)
        }
    );
}

/// ABN AMRO (`/TRTP/…/REMI/`), Triodos (`/CNTP/`) and ASN (counterparty in `:61:`): invoice
/// numbers with and without the dash, and a paid invoice named again.
#[test]
fn abn_amro_triodos_and_asn_invoice_numbers_and_a_paid_invoice() {
    let triodos = read("mt940/triodos/triodos-structured-cntp-2018.sta");
    let mut book = MatchBook::new(
        vec![invoice(1, "201801-001", "RF00A", 1, dec!(4383.23))],
        &[PaidInvoice {
            id: 9,
            number: "201801-009".into(),
            reference: "RF00P".into(),
        }],
        &[],
        &[],
    );
    // "201801001" (no dash) in the first, "Factuurnummer 201801-001" in the second: the
    // first pays it in full, so the second finds it paid and says so.
    assert_eq!(
        book.match_entry(&triodos.entries[0]),
        Outcome::Booked {
            rule: MatchRule::InvoiceNumber,
            parts: vec![(1, dec!(4383.23))]
        }
    );
    assert_eq!(
        book.match_entry(&triodos.entries[1]),
        Outcome::Unmatched {
            already_paid: Some(1)
        }
    );
    let knab = read("mt940/knab/knab-trtp-overboeking.sta");
    let mut book = MatchBook::new(
        vec![],
        &[PaidInvoice {
            id: 4,
            number: "201604-005".into(),
            reference: "RF00Q".into(),
        }],
        &[],
        &[],
    );
    assert_eq!(
        book.match_entry(&knab.entries[0]),
        Outcome::Unmatched {
            already_paid: Some(4)
        }
    );
    let asn = read("mt940/asn/asn-2020_daily-blocks.940");
    let mut book = MatchBook::new(
        vec![invoice(5, "2020-0003", "RF00C", 5, dec!(828.72))],
        &[],
        &[],
        &[client(
            5,
            "Transfer Solutions BV",
            Some("NL25INGB9999999999"),
        )],
    );
    let incoming: Vec<Outcome> = credits(&asn)
        .into_iter()
        .map(|e| book.match_entry(e))
        .collect();
    assert!(incoming.contains(&Outcome::Proposed {
        rule: MatchRule::AmountAndAccount,
        target: Target::Invoice(5)
    }));
    let abn = read("mt940/abnamro/abnamro-trtp-overboeking-incasso-2016.sta");
    let mut book = MatchBook::new(
        vec![invoice(6, "RES.NR 00042", "RF00D", 6, dec!(109.65))],
        &[],
        &[],
        &[client(6, "K Xxxxxxx", Some("NL75INGB0001234567"))],
    );
    assert_eq!(
        book.match_entry(&abn.entries[0]),
        Outcome::Proposed {
            rule: MatchRule::AmountAndAccount,
            target: Target::Invoice(6)
        }
    );
}

/// Synthetic entries: an RF reference with spaces, an instalment reference, a payment for two
/// invoices at once, and an invoice under an arrangement.
#[test]
fn rf_references_instalments_two_invoices_at_once_and_arrangements() {
    let rf = tijdig_domain::payment_reference::PaymentReference::rf_from_base("20260007").unwrap();
    let inst = tijdig_domain::payment_reference::PaymentReference::rf_from_base("A0001T1").unwrap();
    let entry = |amount: Decimal, text: String| BankEntry {
        account: None,
        booked_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        amount,
        reversal: false,
        bank_reference: None,
        end_to_end: None,
        counterparty_iban: None,
        counterparty_name: None,
        structured_reference: None,
        description: text.clone(),
        search_text: text,
        line: 1,
    };
    let mut under_arrangement = invoice(8, "2026-0008", "RF00E", 1, dec!(50));
    under_arrangement.arrangement_id = Some(3);
    let mut book = MatchBook::new(
        vec![
            invoice(7, "2026-0007", rf.as_str(), 1, dec!(100)),
            under_arrangement,
            invoice(10, "2026-0010", "RF00F", 1, dec!(10)),
            invoice(11, "2026-0011", "RF00G", 1, dec!(20)),
        ],
        &[],
        &[InstalmentReference {
            arrangement_id: 3,
            client_id: 1,
            reference: inst.as_str().into(),
        }],
        &[],
    );
    assert_eq!(
        book.match_entry(&entry(dec!(100), format!("betaling {}", rf.printed()))),
        Outcome::Booked {
            rule: MatchRule::Reference,
            parts: vec![(7, dec!(100))]
        }
    );
    assert_eq!(
        book.match_entry(&entry(dec!(25), inst.printed())),
        Outcome::Proposed {
            rule: MatchRule::Reference,
            target: Target::Arrangement(3)
        }
    );
    assert_eq!(
        book.match_entry(&entry(dec!(50), "factuur 2026-0008".into())),
        Outcome::Proposed {
            rule: MatchRule::InvoiceNumber,
            target: Target::Arrangement(3)
        }
    );
    assert_eq!(
        book.match_entry(&entry(dec!(30), "facturen 2026-0010 en 2026-0011".into())),
        Outcome::Booked {
            rule: MatchRule::InvoiceNumber,
            parts: vec![(10, dec!(10)), (11, dec!(20))]
        }
    );
    assert_eq!(
        book.match_entry(&entry(dec!(-30), "2026-0007".into())),
        Outcome::NotIncoming
    );
    // Paid in full above: the same reference again is a double payment, left for the user.
    assert_eq!(
        book.match_entry(&entry(dec!(100), rf.printed())),
        Outcome::Unmatched {
            already_paid: Some(7)
        }
    );
    let mut book = MatchBook::new(
        vec![invoice(12, "2026-0012", "RF00H", 1, dec!(10))],
        &[],
        &[],
        &[],
    );
    assert_eq!(
        book.match_entry(&entry(dec!(12), "2026-0012".into())),
        Outcome::Proposed {
            rule: MatchRule::InvoiceNumber,
            target: Target::Invoice(12)
        }
    );
}

/// The readers never panic: every sample, mutated thousands of ways (bytes flipped, inserted,
/// removed, cut), is either read or refused with an error. The `fuzz/` targets do the same
/// with coverage guidance (`cargo +nightly fuzz run read_statement`).
#[test]
fn mutated_statements_are_read_or_refused_but_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bank");
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if !path.to_string_lossy().contains("LICENSES") {
                files.push(std::fs::read(path).unwrap());
            }
        }
    }
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut runs = 0;
    for original in &files {
        let rounds = if original.len() > 20_000 { 20 } else { 300 };
        for _ in 0..rounds {
            let mut bytes = original.clone();
            for _ in 0..(1 + next() % 4) {
                let at = usize::try_from(next() % (bytes.len() as u64 + 1)).unwrap();
                let alphabet = b":/<>0123456789CDRN,.\n\r\xff\xc3;\"\t'-";
                let byte = alphabet[usize::try_from(next() % alphabet.len() as u64).unwrap()];
                match next() % 4 {
                    0 if at < bytes.len() => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    2 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => bytes.truncate(at),
                }
            }
            let _ = read_statement(&bytes);
            runs += 1;
        }
    }
    assert!(runs > 10_000, "{runs}");
}
