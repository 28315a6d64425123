//! Every official e-invoice example (Peppol BIS 3 and SI-UBL 2.0, fixtures/ubl/examples) read
//! as Tijdig's import reads it: each file the official rules accept is read with its lines and
//! totals; each one they reject is refused or flagged naming the rule; nothing else is flagged.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use rust_decimal_macros::dec;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tijdig_domain::einvoice::{self, EInvoice, EInvoiceKind, Refusal, RuleSet};
use tijdig_domain::Language;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ubl")
}

fn read(path: &str) -> Result<EInvoice, Refusal> {
    einvoice::read(&std::fs::read(root().join(path)).unwrap())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `expected-results.csv`: what the official rule files (Saxon, Peppol 3.0.21, SI-UBL 2.0.3.13)
/// said of each example. A file they accept (`OK`, `OK+warnings`) reads without a finding —
/// unless it is not in euro, which Tijdig refuses (BR-05). A file they reject (`FAIL`) is
/// refused or flagged, and every rule Tijdig names is one the official run or the file's own
/// name gave (the official run names BR-CL-01 beside BR-NL-7/8, which Tijdig folds into those,
/// and stops with a runtime error on UBL-SR-09/15, which Tijdig names).
#[test]
fn every_official_example_is_read_refused_or_flagged_as_the_official_rules_say() {
    let csv = std::fs::read_to_string(root().join("examples/expected-results.csv")).unwrap();
    let mut checked = 0;
    for row in csv.lines().skip(1) {
        let cells: Vec<&str> = row.splitn(9, ',').collect();
        let (file, named, actual, fatal) = (cells[0], cells[3], cells[4], cells[5]);
        let result = read(file);
        match actual {
            "OK" | "OK+warnings" => match result {
                Ok(e) => assert!(e.findings.is_empty(), "{file}: {:?}", e.findings),
                Err(Refusal::NotEuro { currency }) => assert_ne!(currency, "EUR", "{file}"),
                Err(other) => panic!("{file}: refused {other:?}"),
            },
            "FAIL" => {
                let allowed: BTreeSet<&str> = fatal
                    .split(' ')
                    .chain([named])
                    .filter(|r| !r.is_empty())
                    .collect();
                let said: Vec<String> = match &result {
                    Ok(e) => e.findings.iter().map(|f| f.rule.clone()).collect(),
                    Err(refusal) => refusal.rule().map(str::to_string).into_iter().collect(),
                };
                assert!(
                    !said.is_empty(),
                    "{file}: read without a word, the rules say {fatal}"
                );
                for rule in &said {
                    assert!(
                        allowed.contains(rule.as_str()),
                        "{file}: {rule} not in {allowed:?}"
                    );
                }
            }
            other => panic!("{file}: unknown result {other}"),
        }
        checked += 1;
    }
    assert_eq!(checked, 113);
}

#[test]
fn the_peppol_base_example_reads_with_its_lines_parties_and_totals() {
    let e = read("examples/peppol-bis3/valid/base-example.xml").unwrap();
    assert_eq!(
        (e.kind, e.rule_set),
        (EInvoiceKind::Invoice, RuleSet::Peppol)
    );
    assert_eq!(e.number, "Snippet1");
    assert_eq!(
        (e.issue_date, e.due_date),
        (day(2017, 11, 13), Some(day(2017, 12, 1)))
    );
    assert_eq!(e.seller.name, "SupplierOfficialName Ltd");
    assert_eq!(e.seller.vat_id.as_deref(), Some("GB1232434"));
    assert_eq!(e.buyer.name, "Buyer Official Name");
    assert_eq!(e.buyer.email.as_deref(), Some("lj@buyer.se"));
    assert_eq!(
        e.payment_terms.as_deref(),
        Some("Payment within 10 days, 2% discount")
    );
    assert_eq!(e.payment_reference.as_deref(), Some("Snippet1"));
    assert_eq!(e.lines.len(), 2);
    let first = &e.lines[0];
    assert_eq!(
        (first.quantity, first.unit_code.as_deref(), first.net),
        (dec!(7), Some("DAY"), dec!(2800))
    );
    assert_eq!(
        (
            first.unit_price,
            first.vat_category.as_str(),
            first.vat_percent
        ),
        (dec!(400), "S", dec!(25.0))
    );
    assert_eq!(e.tax_subtotals.len(), 1);
    assert_eq!(
        (e.tax_subtotals[0].taxable, e.tax_subtotals[0].tax),
        (dec!(1325), dec!(331.25))
    );
    let t = &e.totals;
    assert_eq!(
        (t.line_extension, t.charges, t.tax_exclusive),
        (dec!(1300), Some(dec!(25)), dec!(1325))
    );
    assert_eq!(
        (t.tax, t.tax_inclusive, t.payable),
        (dec!(331.25), dec!(1656.25), dec!(1656.25))
    );
}

#[test]
fn a_credit_note_names_the_invoice_it_corrects_and_si_ubl_full_has_five_lines() {
    let c = read("examples/peppol-bis3/valid/base-creditnote-correction.xml").unwrap();
    assert_eq!(c.kind, EInvoiceKind::CreditNote);
    assert_eq!(c.corrects.as_deref(), Some("Snippet1"));
    assert_eq!(c.totals.payable, dec!(1656.25));
    let full = read("examples/si-ubl-2.0/SI-UBL-2.0_ok_full.xml").unwrap();
    assert_eq!(full.rule_set, RuleSet::SiUbl);
    assert_eq!(
        (full.number.as_str(), full.lines.len(), full.totals.payable),
        ("TOSL108", 5, dec!(729))
    );
    assert_eq!(full.seller.kvk.as_deref(), Some("12345678"));
    let allowance = read("examples/si-ubl-2.0/SI-UBL-2.0_ok_allowance.xml").unwrap();
    assert_eq!(
        allowance
            .allowances_charges
            .iter()
            .filter(|a| !a.charge)
            .count(),
        1
    );
    assert_eq!(allowance.totals.payable, dec!(106.00));
}

fn base() -> String {
    std::fs::read_to_string(root().join("examples/si-ubl-2.0/SI-UBL-2.0_ok_base.xml")).unwrap()
}

#[test]
fn totals_that_do_not_add_up_are_refused_naming_the_rule() {
    let e = einvoice::read(base().as_bytes()).unwrap();
    let payable = format!("{:.2}", e.totals.payable);
    let cases = [
        ("PayableAmount", "BR-CO-16"),
        ("TaxInclusiveAmount", "BR-CO-15"),
        ("TaxExclusiveAmount", "BR-CO-13"),
        ("LineExtensionAmount", "BR-CO-10"),
    ];
    for (element, rule) in cases {
        let text = base();
        // Change the first occurrence of the element's value in the document totals.
        let totals_at = text.find("LegalMonetaryTotal").unwrap();
        let (head, tail) = text.split_at(totals_at);
        let open = tail.find(&format!("{element} ")).unwrap();
        let value_start = open + tail[open..].find('>').unwrap() + 1;
        let value_end = value_start + tail[value_start..].find('<').unwrap();
        let changed = format!(
            "{head}{}{}{}",
            &tail[..value_start],
            "999.99",
            &tail[value_end..]
        );
        let refusal = einvoice::read(changed.as_bytes()).unwrap_err();
        assert_eq!(refusal.rule(), Some(rule), "{element}: {refusal:?}");
        assert!(refusal
            .message(Language::Nl)
            .starts_with(&format!("[{rule}] De bedragen kloppen niet")));
    }
    assert_eq!(payable, "227.00");
}

#[test]
fn what_is_not_an_e_invoice_is_refused_saying_why() {
    assert!(matches!(
        einvoice::read(b"<Invoice><ID>1</Invoice>"),
        Err(Refusal::NotXml { line: 1, .. })
    ));
    assert_eq!(einvoice::read(b"<html/>"), Err(Refusal::NotUbl));
    assert_eq!(einvoice::read(b"\xff\xfe<"), Err(Refusal::NotUtf8));
    let no_number = base().replacen("<cbc:ID>12115118</cbc:ID>", "", 1);
    let refusal = einvoice::read(no_number.as_bytes()).unwrap_err();
    assert_eq!(refusal.rule(), Some("BR-02"));
    assert_eq!(
        refusal.message(Language::Nl),
        "[BR-02] In dit bestand ontbreekt het factuurnummer."
    );
    let bad_date = base().replacen("<cbc:IssueDate>2015-01-09", "<cbc:IssueDate>09-01-2015", 1);
    assert!(matches!(
        einvoice::read(bad_date.as_bytes()),
        Err(Refusal::Unreadable { .. })
    ));
    let dollars = base()
        .replace(">EUR<", ">USD<")
        .replace("\"EUR\"", "\"USD\"");
    assert_eq!(
        einvoice::read(dollars.as_bytes())
            .unwrap_err()
            .message(Language::Nl),
        "[BR-05] Deze factuur is in USD; Tijdig volgt alleen facturen in euro op."
    );
}

#[test]
fn an_embedded_pdf_is_read() {
    use base64::Engine as _;
    let pdf = b"%PDF-1.7\n% factuur\n%%EOF\n";
    let attachment = format!(
        "<cac:AdditionalDocumentReference><cbc:ID>12115118</cbc:ID><cac:Attachment>\
         <cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\" filename=\"12115118.pdf\">{}</cbc:EmbeddedDocumentBinaryObject>\
         </cac:Attachment></cac:AdditionalDocumentReference>",
        base64::engine::general_purpose::STANDARD.encode(pdf)
    );
    let text = base().replacen(
        "<cac:AccountingSupplierParty>",
        &format!("{attachment}<cac:AccountingSupplierParty>"),
        1,
    );
    let e = einvoice::read(text.as_bytes()).unwrap();
    let embedded = e.pdf.unwrap();
    assert_eq!(embedded.bytes, pdf);
    assert_eq!(embedded.file_name.as_deref(), Some("12115118.pdf"));
}

/// Any example, mutated thousands of ways, is read or refused, never a panic.
#[test]
fn mutated_examples_are_read_or_refused_but_never_panic() {
    let mut files = Vec::new();
    for dir in ["examples/peppol-bis3/valid", "examples/si-ubl-2.0"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            files.push(std::fs::read(entry.unwrap().path()).unwrap());
        }
    }
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet = b"<>/=\"0123456789.-+e \nabcIDxmlns:";
    let mut runs = 0;
    for original in files.iter().take(40) {
        for _ in 0..60 {
            let mut bytes = original.clone();
            for _ in 0..(1 + next() % 3) {
                let at = usize::try_from(next() % (bytes.len() as u64 + 1)).unwrap();
                let byte = alphabet[usize::try_from(next() % alphabet.len() as u64).unwrap()];
                match next() % 3 {
                    0 if at < bytes.len() => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    _ if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => {}
                }
            }
            let _ = einvoice::read(&bytes);
            runs += 1;
        }
    }
    assert!(runs >= 2000, "{runs}");
}
