//! E-factuur (UBL 2.1): every kind of invoice Tijdig issues — B2B at 21 %, btw verlegd, KOR,
//! a credit note, several rates, an intra-EU client — made through the app on a data folder,
//! in SI-UBL 2.0 (the default) and the Peppol BIS 3 variant, passes the official UBL 2.1 XSD
//! and the Schematron rules of both (`scripts/validate_ubl.py` with the artefacts in
//! `tests/fixtures/ubl/`) without a fatal error. The amounts are the PDF's, and the embedded PDF
//! is the stored one byte for byte.
//!
//! The validator needs Python with saxonche and lxml: `scripts/setup.sh test` (part of
//! `npm test`) puts them in `<repo>/.venv`; `TIJDIG_PYTHON` points elsewhere. Without them this
//! test fails, it does not skip.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod support;

use base64::Engine;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::{App, ErrorCode, UblProfile};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The validator's interpreter, checked to have its packages.
fn python() -> PathBuf {
    let python = std::env::var_os("TIJDIG_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".venv/bin/python"));
    let setup = "run `bash scripts/setup.sh test` (part of `npm test`), or: python3 -m venv .venv \
         && .venv/bin/pip install saxonche==13.1.1 lxml==6.1.3 (or set TIJDIG_PYTHON)";
    let check = Command::new(&python)
        .args(["-c", "import saxonche, lxml"])
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "the UBL validator needs Python at {}: {e}; {setup}",
                python.display()
            )
        });
    assert!(
        check.status.success(),
        "the UBL validator needs saxonche and lxml in {}: {}; {setup}",
        python.display(),
        String::from_utf8_lossy(&check.stderr)
    );
    python
}

/// Runs `scripts/validate_ubl.py --rules <rules>` on the files; fails with its report.
fn validate(rules: &str, files: &[PathBuf]) {
    let out = Command::new(python())
        .arg(repo_root().join("scripts/validate_ubl.py"))
        .args(["--rules", rules, "--warnings"])
        .args(files)
        .output()
        .expect("the validator runs");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if !out.status.success() {
        // Keep the files to look at: the temporary folder goes when the test fails.
        let kept = repo_root().join("target/ubl-failed");
        std::fs::create_dir_all(&kept).unwrap();
        for f in files {
            std::fs::copy(f, kept.join(f.file_name().unwrap())).unwrap();
        }
        panic!(
            "UBL validation against {rules} failed (files kept in {}):\n{report}",
            kept.display()
        );
    }
    println!("{report}"); // shown with --nocapture: warnings, timings
    assert_eq!(
        report.matches("OK  ").count(),
        files.len(),
        "every file is reported OK:\n{report}"
    );
}

/// Tijdig on a fresh data folder with today fixed.
fn app_in(dir: &Path, kor: bool) -> (App, i64) {
    let app = App::open(dir).unwrap().with_today(today());
    let mut profile = profile_form();
    profile.kor = kor;
    app.save_profile(&profile).unwrap();
    let client = app.create_client(&business_client()).unwrap().value;
    (app, client.id)
}

fn issue(app: &App, form: &InvoiceForm) -> Invoice {
    let draft = app.create_invoice(form).unwrap();
    app.issue_invoice(draft.id).unwrap()
}

/// The text of the one `<name ...>text</name>` inside `within` (or the whole document).
fn element<'a>(xml: &'a str, within: &str, name: &str) -> &'a str {
    let start = xml
        .find(&format!("<{within}>"))
        .or_else(|| xml.find(&format!("<{within} ")))
        .unwrap_or_else(|| panic!("no <{within}>"));
    let xml = &xml[start..];
    let open = xml
        .find(&format!("<{name}"))
        .unwrap_or_else(|| panic!("no <{name}>"));
    let text = &xml[open..];
    let from = text.find('>').unwrap() + 1;
    let to = text.find(&format!("</{name}>")).unwrap();
    &text[from..to]
}

/// The checks that do not need the validator: name, amounts equal to the PDF's, the PDF itself.
fn check_content(app: &App, invoice: &Invoice, name: &str, xml: &str) {
    let total = invoice.totals.total.trim_start_matches('-');
    let vat = invoice.totals.vat_total.trim_start_matches('-');
    let subtotal = invoice.totals.subtotal.trim_start_matches('-');
    let totals = "cac:LegalMonetaryTotal";
    assert_eq!(element(xml, totals, "cbc:PayableAmount"), total, "{name}");
    assert_eq!(
        element(xml, totals, "cbc:TaxInclusiveAmount"),
        total,
        "{name}"
    );
    assert_eq!(
        element(xml, totals, "cbc:LineExtensionAmount"),
        subtotal,
        "{name}"
    );
    assert_eq!(element(xml, "cac:TaxTotal", "cbc:TaxAmount"), vat, "{name}");
    assert_eq!(
        element(xml, "cbc:ID", "cbc:ID"),
        invoice.number.as_deref().unwrap()
    );
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(element(
            xml,
            "cac:Attachment",
            "cbc:EmbeddedDocumentBinaryObject",
        ))
        .unwrap();
    assert!(
        pdf == pdf_of(app, invoice.id),
        "{name}: the embedded PDF is the stored one"
    );
}

/// Writes both variants of invoice `id` into `dir` and returns (SI-UBL path, Peppol path).
fn write_both(app: &App, invoice: &Invoice, case: &str, dir: &Path) -> (PathBuf, PathBuf) {
    let (name, si) = app.invoice_ubl(invoice.id).unwrap();
    let (peppol_name, peppol) = app.invoice_ubl_as(invoice.id, UblProfile::Peppol).unwrap();
    assert_eq!(name, peppol_name);
    // The PDF's name with .xml: "Factuur 2026-0001.xml", "Invoice …" for an English client.
    let pdf_name = app.invoice_pdf_file_name(invoice.id).unwrap();
    assert_eq!(name, pdf_name.replace(".pdf", ".xml"));
    let si_text = String::from_utf8(si).unwrap();
    let peppol_text = String::from_utf8(peppol).unwrap();
    check_content(app, invoice, case, &si_text);
    check_content(app, invoice, case, &peppol_text);
    assert!(si_text.contains(UblProfile::SiUbl.customization_id()));
    assert!(peppol_text.contains(UblProfile::Peppol.customization_id()));
    let si_path = dir.join(format!("{case}.si-ubl.xml"));
    let peppol_path = dir.join(format!("{case}.peppol.xml"));
    std::fs::write(&si_path, &si_text).unwrap();
    std::fs::write(&peppol_path, peppol_text).unwrap();
    (si_path, peppol_path)
}

#[test]
fn every_generated_ubl_passes_the_xsd_and_the_si_ubl_and_peppol_rules() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let (app, client) = app_in(&data.path().join("b2b"), false);
    let mut cases: Vec<(&str, Invoice, &App)> = Vec::new();

    // B2B at 21 %, with a unit price in fractions of a cent and a discount.
    let mut discounted = line(
        "Drukwerk <A4> & enveloppen",
        "3",
        "33,35",
        VatTreatment::Standard21,
    );
    discounted.discount_percent = "10".into();
    discounted.unit = "stuk".into();
    let b2b = issue(
        &app,
        &invoice_form(
            client,
            vec![
                line("Ontwerp huisstijl", "10", "85,00", VatTreatment::Standard21),
                line("Reiskosten", "3", "0,335", VatTreatment::Standard21),
                discounted,
            ],
        ),
    );
    assert_eq!(b2b.totals.total, "1138.68"); // 850 + 1,01 + 90,05 = 941,06 + 197,62 btw
    let credit = app
        .credit_invoice(b2b.id, &CreditRequest::default())
        .unwrap();
    let credit = app.issue_invoice(credit.id).unwrap();

    let mut verlegd = invoice_form(
        client,
        vec![line("Montage", "8", "60", VatTreatment::Standard21)],
    );
    verlegd.vat_regime = VatRegime::ReverseCharge;
    let verlegd = issue(&app, &verlegd);

    let mut multi = invoice_form(
        client,
        vec![
            line("Advies", "4", "95", VatTreatment::Standard21),
            line("Boeken", "2", "24,95", VatTreatment::Reduced9),
            line("Export naar Zwitserland", "1", "300", VatTreatment::Zero),
            line("Cursus (onderwijs)", "1", "150", VatTreatment::Exempt),
        ],
    );
    multi.note = "Met dank voor de prettige samenwerking.".into();
    let multi = issue(&app, &multi);

    let mut german = business_client();
    german.name = "Bäckerei Müller GmbH".into();
    german.contact_person = String::new();
    german.street = "Hauptstraße".into();
    german.postcode = "10115".into();
    german.city = "Berlin".into();
    german.country = "DE".into();
    german.kvk = String::new();
    german.btw_id = "DE136695976".into();
    german.document_language = Language::En;
    let german = app.create_client(&german).unwrap().value;
    let mut intra = invoice_form(
        german.id,
        vec![line("Webdesign", "12", "90", VatTreatment::Standard21)],
    );
    intra.vat_regime = VatRegime::IntraEu;
    intra.delivery_to = String::new();
    let intra = issue(&app, &intra);

    let (kor_app, kor_client) = app_in(&data.path().join("kor"), true);
    let mut kor = invoice_form(
        kor_client,
        vec![line("Coaching", "2", "75", VatTreatment::Standard21)],
    );
    kor.vat_regime = VatRegime::Kor;
    let kor = issue(&kor_app, &kor);
    assert_eq!(kor.totals.total, "150.00");

    cases.push(("b2b-normal", b2b, &app));
    cases.push(("credit-note", credit, &app));
    cases.push(("verlegd", verlegd, &app));
    cases.push(("multi-rate", multi, &app));
    cases.push(("intra-eu", intra, &app));
    cases.push(("kor", kor, &kor_app));

    let mut si_files = Vec::new();
    let mut peppol_files = Vec::new();
    for (case, invoice, app) in &cases {
        let (si, peppol) = write_both(app, invoice, case, out.path());
        si_files.push(si);
        peppol_files.push(peppol);
    }
    validate("si-ubl", &si_files);
    validate("peppol", &peppol_files);
}

#[test]
fn a_draft_has_no_e_invoice_and_says_so_in_dutch() {
    let data = tempfile::tempdir().unwrap();
    let (app, client) = app_in(data.path(), false);
    let draft = app
        .create_invoice(&invoice_form(
            client,
            vec![line("Ontwerp", "1", "100", VatTreatment::Standard21)],
        ))
        .unwrap();
    let err = app.invoice_ubl(draft.id).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(
        err.message.contains("uitgereikte factuur"),
        "{}",
        err.message
    );
    let path = data.path().join("out/draft.xml");
    assert!(app.write_invoice_ubl_to(draft.id, &path).is_err());
    assert!(!path.exists(), "nothing is written for a draft");
}

#[test]
fn the_written_file_is_the_generated_document() {
    let data = tempfile::tempdir().unwrap();
    let (app, client) = app_in(data.path(), false);
    let invoice = issue(
        &app,
        &invoice_form(
            client,
            vec![line("Ontwerp", "1", "100", VatTreatment::Standard21)],
        ),
    );
    let (name, bytes) = app.invoice_ubl(invoice.id).unwrap();
    assert_eq!(name, "Factuur 2026-0001.xml");
    let path = data.path().join("e-facturen").join(&name);
    app.write_invoice_ubl_to(invoice.id, &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let xml = String::from_utf8(bytes).unwrap();
    // The contact person ("t.a.v.") is the buyer reference SI-UBL and Peppol ask for.
    assert!(xml.contains("<cbc:BuyerReference>Eva de Vries</cbc:BuyerReference>"));
    assert!(xml.contains("filename=\"Factuur 2026-0001.pdf\""));
}

/// The validator is not a rubber stamp: an e-invoice whose amount due no longer adds up, or
/// with an element out of place, fails it.
#[test]
fn a_tampered_ubl_fails_the_validator() {
    let data = tempfile::tempdir().unwrap();
    let (app, client) = app_in(&data.path().join("db"), false);
    let invoice = issue(
        &app,
        &invoice_form(
            client,
            vec![line("Ontwerp", "1", "100", VatTreatment::Standard21)],
        ),
    );
    let (_, bytes) = app.invoice_ubl(invoice.id).unwrap();
    let xml = String::from_utf8(bytes).unwrap();
    let amount = "<cbc:PayableAmount currencyID=\"EUR\">121.00</cbc:PayableAmount>";
    assert!(xml.contains(amount));
    let wrong_total = xml.replace(
        amount,
        "<cbc:PayableAmount currencyID=\"EUR\">120.00</cbc:PayableAmount>",
    );
    let wrong_order = xml
        .replace("<cbc:IssueDate>", "<cbc:IssueDateX>")
        .replace("</cbc:IssueDate>", "</cbc:IssueDateX>");
    let files = [
        ("wrong-total.xml", wrong_total),
        ("wrong-order.xml", wrong_order),
    ];
    for (name, text) in files {
        let path = data.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = Command::new(python())
            .arg(repo_root().join("scripts/validate_ubl.py"))
            .args(["--rules", "si-ubl"])
            .arg(&path)
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{name} must fail:\n{report}");
        let expected = if name == "wrong-total.xml" {
            "BR-CO-16"
        } else {
            "XSD"
        };
        assert!(
            report.contains(expected),
            "{name}: expected {expected} in\n{report}"
        );
    }
}
