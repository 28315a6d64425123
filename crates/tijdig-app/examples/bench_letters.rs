//! `letters_1000`: ms to compute, render, sign and store 1,000 letters (aanmaningen) for
//! 1,000 overdue invoices of 1,000 clients, through the app layer as the "Vandaag" button does
//! it: ladder, interest and costs, PDF, signature, store, dossier.
//!
//! `issue_invoice_e2e`: ms, median over those 1,000 invoices, to issue one through the app
//! layer: number, render, sign (the key from the OS keychain) and store.
//!
//! `cargo run --release -p tijdig-app --example bench_letters`

use std::time::Instant;

use chrono::NaiveDate;
use tijdig_app::dto::*;
use tijdig_app::{App, AppError};

const CLIENTS: usize = 1000;
const INVOICES: usize = 1000;

fn profile() -> ProfileForm {
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
        phone: "020 123 4567".into(),
        website: String::new(),
        accent_colour: String::new(),
        kor: false,
        payment_term_days: "14".into(),
        document_language: Language::Nl,
    }
}

fn client(i: usize) -> ClientForm {
    let consumer = i % 4 == 3;
    ClientForm {
        kind: if consumer {
            ClientKind::Consumer
        } else {
            ClientKind::Business
        },
        name: format!("Klant {i:03}"),
        contact_person: String::new(),
        street: "Dorpsstraat".into(),
        house_number: format!("{}", i + 1),
        postcode: "3511 AB".into(),
        city: "Utrecht".into(),
        country: "NL".into(),
        email: format!("klant{i}@example.nl"),
        phone: String::new(),
        kvk: String::new(),
        btw_id: String::new(),
        iban: String::new(),
        preferred_channel: PreferredChannel::Email,
        payment_term_days: "14".into(),
        document_language: Language::Nl,
        notes: String::new(),
        debtor_type: DebtorType::Unknown,
        large_company: false,
    }
}

fn main() -> Result<(), AppError> {
    let dir = std::env::temp_dir().join(format!("tijdig-bench-letters-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();

    // Setup (not timed): 300 clients, 1,000 issued invoices dated June–July 2026.
    let app = App::open(&dir)?.with_today(day(2026, 8, 1));
    app.save_profile(&profile())?;
    let mut clients = Vec::new();
    for i in 0..CLIENTS {
        clients.push(app.create_client(&client(i))?.value.id);
    }
    let mut per_client: Vec<Vec<i64>> = vec![Vec::new(); CLIENTS];
    let mut issue_times = Vec::with_capacity(INVOICES);
    for k in 0..INVOICES {
        let c = k % CLIENTS;
        let date = day(2026, 6, 1) + chrono::Duration::days((k % 45) as i64);
        let form = InvoiceForm {
            kind: InvoiceKind::Standard,
            client_id: Some(clients[c]),
            invoice_date: date.to_string(),
            delivery_from: String::new(),
            delivery_to: String::new(),
            payment_term_days: "14".into(),
            vat_regime: VatRegime::Normal,
            reference_kind: ReferenceKind::Rf,
            note: String::new(),
            lines: vec![InvoiceLineForm {
                description: "Werkzaamheden".into(),
                quantity: format!("{}", 1 + k % 20),
                unit: "uur".into(),
                unit_price: "85,00".into(),
                vat: VatTreatment::Standard21,
                discount_percent: String::new(),
            }],
        };
        let draft = app.create_invoice(&form)?;
        let start = Instant::now();
        per_client[c].push(app.issue_invoice(draft.id)?.id);
        issue_times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    // The reminders were sent on 3 August; on 1 October every invoice is at the aanmaning
    // (for consumers: the ingebrekestelling).
    let app = App::open(&dir)?.with_today(day(2026, 8, 3));
    for (c, invoices) in per_client.iter().enumerate() {
        app.skip_step(&SkipRequest {
            client_id: clients[c],
            step: FollowUpStep::Reminder,
            invoice_ids: invoices.clone(),
            note: String::new(),
        })?;
    }
    let app = App::open(&dir)?.with_today(day(2026, 10, 1));
    let start = Instant::now();
    let mut bytes = 0usize;
    for (c, invoices) in per_client.iter().enumerate() {
        let result = app.produce_letter(&LetterRequest {
            client_id: clients[c],
            step: FollowUpStep::Dunning,
            invoice_ids: invoices.clone(),
            channel: FollowUpChannel::Letter,
        })?;
        bytes += result.letter.pdf_sha256.len();
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    std::hint::black_box(bytes);
    issue_times.sort_by(f64::total_cmp);
    println!(
        "issue_invoice_e2e = {:.1} ms",
        issue_times[issue_times.len() / 2]
    );
    println!("letters_1000 = {ms:.0} ms");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
