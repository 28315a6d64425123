//! Shared setup for the app tests: a business, its clients, and PDF text extraction.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use std::process::Command;
use tijdig_app::dto::*;
use tijdig_app::App;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

pub fn profile_form() -> ProfileForm {
    ProfileForm {
        trade_name: "Studio Jansen".into(),
        legal_name: String::new(),
        legal_form: LegalForm::SoleTrader,
        street: "Keizersgracht".into(),
        house_number: "12a".into(),
        postcode: "1015 CJ".into(),
        city: "Amsterdam".into(),
        country: "NL".into(),
        kvk: "01234567".into(),
        btw_id: "NL000099998B57".into(),
        iban: "NL91ABNA0417164300".into(),
        account_holder: "S. Jansen".into(),
        email: "sanne@studiojansen.nl".into(),
        phone: String::new(),
        website: String::new(),
        accent_colour: String::new(),
        kor: false,
        payment_term_days: "14".into(),
        document_language: Language::Nl,
    }
}

pub fn business_client() -> ClientForm {
    ClientForm {
        kind: ClientKind::Business,
        name: "Bakkerij De Korenbloem B.V.".into(),
        contact_person: "Eva de Vries".into(),
        street: "Dorpsstraat".into(),
        house_number: "1".into(),
        postcode: "3511 AB".into(),
        city: "Utrecht".into(),
        country: "NL".into(),
        email: "eva@korenbloem.nl".into(),
        phone: String::new(),
        kvk: "12345678".into(),
        btw_id: "NL004495445B01".into(),
        iban: String::new(),
        preferred_channel: PreferredChannel::Email,
        payment_term_days: "30".into(),
        document_language: Language::Nl,
        notes: String::new(),
        debtor_type: DebtorType::Unknown,
        large_company: false,
    }
}

pub fn line(description: &str, quantity: &str, price: &str, vat: VatTreatment) -> InvoiceLineForm {
    InvoiceLineForm {
        description: description.into(),
        quantity: quantity.into(),
        unit: "uur".into(),
        unit_price: price.into(),
        vat,
        discount_percent: String::new(),
    }
}

pub fn invoice_form(client_id: i64, lines: Vec<InvoiceLineForm>) -> InvoiceForm {
    InvoiceForm {
        kind: InvoiceKind::Standard,
        client_id: Some(client_id),
        invoice_date: "2026-11-22".into(),
        delivery_from: "2026-11-02".into(),
        delivery_to: "2026-11-20".into(),
        payment_term_days: String::new(),
        vat_regime: VatRegime::Normal,
        reference_kind: ReferenceKind::Rf,
        note: String::new(),
        lines,
    }
}

/// A business with a complete profile and one business client.
pub fn setup() -> (App, i64) {
    let app = App::open_in_memory().unwrap().with_today(today());
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value;
    (app, client.id)
}

/// The text of a PDF as `pdftotext -layout` sees it, after `qpdf --check` passed. The file
/// (kept for looking at) gets a name no other test running at the same time writes: tests run
/// in parallel and two of them may each make "2026-B0001".
pub fn pdf_text(pdf: &[u8], name: &str) -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/invoice-pdfs");
    std::fs::create_dir_all(&dir).unwrap();
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = dir.join(format!("{name}-{}-{n}.pdf", std::process::id()));
    std::fs::write(&path, pdf).unwrap();
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .expect("qpdf is installed");
    assert!(
        check.status.success(),
        "qpdf --check {name}: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

pub fn pdf_of(app: &App, id: i64) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = app.write_invoice_pdf(id, dir.path()).unwrap();
    std::fs::read(path).unwrap()
}

pub fn assert_contains_all(text: &str, expected: &[&str], what: &str) {
    for e in expected {
        assert!(text.contains(e), "{what}: missing {e:?} in\n{text}");
    }
}

/// Runs OpenSSL in `dir` (test keys, certificates and .p12 files); fails the test on an error.
pub fn openssl(dir: &std::path::Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl is installed");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A keychain stand-in shared with the test (and by several opens of one data folder), so the
/// test can lock it under the app or keep a password across a later "today".
pub struct SharedVault(pub std::sync::Arc<tijdig_app::keychain::MemoryVault>);

impl tijdig_app::keychain::KeyVault for SharedVault {
    fn get(&self, account: &str) -> Result<Option<Vec<u8>>, tijdig_app::keychain::VaultError> {
        self.0.get(account)
    }
    fn set(&self, account: &str, secret: &[u8]) -> Result<(), tijdig_app::keychain::VaultError> {
        self.0.set(account, secret)
    }
}
