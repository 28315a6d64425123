//! Fills a Tijdig database with realistic, synthetic data for benchmarks and demonstrations:
//!
//! `cargo run --release -p tijdig-app --example generate -- --data-dir DIR --clients 2000
//!  --invoices 100000 [--today 2026-11-20, a Friday] [--seed 7] [--pdf-kb 35]`
//!
//! Clients get a payment behaviour (punctual, a little late, late, very late, non-payer) and
//! invoices are spread over the three years before `--today`, paid (sometimes in two parts)
//! according to that behaviour; the first client is a large one with 5 % of all invoices, and
//! about 1 % of the invoices were corrected by a credit note. Every issued invoice and credit
//! note stores a real, signed Tijdig PDF: a sample of 40 is rendered and signed through the app
//! and reused (so a document's number need not be its row's); `--pdf-kb N` stores instead, for
//! sizing backups, N KB of incompressible bytes per invoice, each its own.
//!
//! Then the app itself takes over, as for a user who used it all along: it opens the database
//! (adopting the claim ledger: what late payers left of interest and costs is waived, with a
//! dossier entry each), follows up the first clients on Vandaag with real letters, calls and
//! a promise, opens a few disputes, agrees a payment arrangement, and remembers which claims
//! are settled.

use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use tijdig_app::dto;
use tijdig_app::keychain::MemoryVault;
use tijdig_app::App;
use tijdig_domain::invoice::format_number;
use tijdig_domain::payment_reference::{PaymentReference, PaymentReferenceKind};
use tijdig_domain::{
    Address, AddressInput, BusinessProfile, Client, ClientKind, DebtorType, Language, LegalForm,
    PreferredChannel, ProfileInput,
};
use tijdig_store::{Store, DATABASE_FILE};

/// A small deterministic generator (xorshift64*), so the same seed gives the same database.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn range(&mut self, from: i64, to: i64) -> i64 {
        from + i64::try_from(self.below(u64::try_from(to - from + 1).unwrap_or(1))).unwrap_or(0)
    }
}

struct Args {
    dir: PathBuf,
    clients: usize,
    invoices: usize,
    today: NaiveDate,
    seed: u64,
    /// The size of each issued invoice's stored PDF in KB (0: a short placeholder). Real ones
    /// are about 35 KB; the bytes are incompressible, like a PDF's compressed streams.
    pdf_kb: usize,
}

fn args() -> Result<Args, Box<dyn std::error::Error>> {
    let mut out = Args {
        dir: PathBuf::from("tijdig-generated"),
        clients: 2000,
        invoices: 100_000,
        today: NaiveDate::from_ymd_opt(2026, 11, 20).ok_or("date")?,
        seed: 7,
        pdf_kb: 0,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--data-dir" => out.dir = PathBuf::from(value),
            "--clients" => out.clients = value.parse().map_err(|_| "--clients: a number")?,
            "--invoices" => out.invoices = value.parse().map_err(|_| "--invoices: a number")?,
            "--today" => out.today = value.parse().map_err(|_| "--today: YYYY-MM-DD")?,
            "--seed" => out.seed = value.parse().map_err(|_| "--seed: a number")?,
            "--pdf-kb" => out.pdf_kb = value.parse().map_err(|_| "--pdf-kb: a number")?,
            other => return Err(format!("unknown flag {other}").into()),
        }
    }
    Ok(out)
}

/// Payment behaviour: (days after the due date, from, to) and the chance (per mille) of never
/// paying.
const BEHAVIOURS: [(i64, i64, u64, DebtorType); 5] = [
    (-7, 2, 0, DebtorType::Unknown),
    (0, 12, 5, DebtorType::Forgets),
    (8, 35, 20, DebtorType::Forgets),
    (25, 95, 60, DebtorType::CannotPay),
    (40, 160, 350, DebtorType::CannotAndWillNot),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = args()?;
    let mut rng = Rng(a.seed.max(1));
    std::fs::create_dir_all(&a.dir)?;
    let path = a.dir.join(DATABASE_FILE);
    if path.exists() {
        return Err(format!("{} exists: choose an empty --data-dir", path.display()).into());
    }
    let mut store = Store::open(&path)?;
    let profile = BusinessProfile::validate(&ProfileInput {
        trade_name: "Studio Demo".into(),
        legal_name: String::new(),
        legal_form: LegalForm::SoleTrader,
        address: AddressInput {
            street: "Keizersgracht".into(),
            house_number: "12a".into(),
            postcode: "1015 CJ".into(),
            city: "Amsterdam".into(),
            country: "NL".into(),
        },
        kvk: "01234567".into(),
        btw_id: "NL000099998B57".into(),
        iban: "NL91ABNA0417164300".into(),
        account_holder: "S. Demo".into(),
        email: "demo@example.nl".into(),
        phone: String::new(),
        website: String::new(),
        accent_colour: String::new(),
        kor: false,
        payment_term_days: "30".into(),
        document_language: Language::Nl,
    })
    .map_err(|issues| format!("demo profile: {issues:?}"))?;
    store.save_profile(&profile.value)?;
    let mut behaviour = Vec::with_capacity(a.clients);
    let mut client_ids = Vec::with_capacity(a.clients);
    for i in 0..a.clients {
        let b = match rng.below(100) {
            0..=34 => 0,
            35..=69 => 1,
            70..=87 => 2,
            88..=96 => 3,
            _ => 4,
        };
        let consumer = rng.below(5) == 0;
        let client = Client {
            kind: if consumer {
                ClientKind::Consumer
            } else {
                ClientKind::Business
            },
            name: format!(
                "{} {:04}",
                if consumer { "Particulier" } else { "Bedrijf" },
                i + 1
            ),
            contact_person: None,
            address: Address {
                country: "NL".into(),
                ..Address::default()
            },
            email: Some(format!("klant{}@example.nl", i + 1)),
            phone: None,
            kvk: None,
            btw_id: None,
            iban: None,
            preferred_channel: PreferredChannel::Email,
            payment_term_days: None,
            document_language: Language::Nl,
            notes: None,
            debtor_type: BEHAVIOURS[b].3,
            large_company: false,
        };
        client_ids.push(store.create_client(&client)?);
        behaviour.push(b);
    }
    drop(store);
    let samples = if a.pdf_kb == 0 {
        sample_documents(a.today)?
    } else {
        Vec::new()
    };

    // Invoices, lines and payments in one transaction on a plain connection.
    let mut conn = rusqlite::Connection::open(&path)?;
    let tx = conn.transaction()?;
    let first = a.today - Duration::days(3 * 365);
    let mut seq_per_year = std::collections::HashMap::<i32, u32>::new();
    let mut dates: Vec<NaiveDate> = (0..a.invoices)
        .map(|_| first + Duration::days(rng.range(0, 3 * 365)))
        .collect();
    dates.sort();
    {
        // As the app does: a draft with its line, then issued (the triggers guard issued ones).
        let mut draft = tx.prepare(
            "INSERT INTO invoices (kind, client_id, state, invoice_date, payment_term_days,
                vat_regime, reference_kind)
             VALUES ('standard', ?1, 'draft', ?2, ?3, 'normal', 'rf')",
        )?;
        let mut issue = tx.prepare(
            "UPDATE invoices SET state = 'issued', number = ?2, payment_reference = ?3, total = ?4,
                issued_at = ?5, pdf = ?6, pdf_sha256 = ?7
             WHERE id = ?1",
        )?;
        let mut credit = tx.prepare(
            "INSERT INTO invoices (kind, client_id, state, invoice_date, payment_term_days,
                vat_regime, reference_kind, credits_invoice_id)
             VALUES ('credit_note', ?1, 'draft', ?2, ?3, 'normal', 'rf', ?4)",
        )?;
        let mut line = tx.prepare(
            "INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit, unit_price, vat)
             VALUES (?1, 0, 'Werkzaamheden', ?2, 'uur', ?3, '21')",
        )?;
        let mut payment = tx.prepare(
            "INSERT INTO payments (invoice_id, paid_on, amount, method) VALUES (?1, ?2, ?3, 'bank')",
        )?;
        for date in dates {
            // The first client is a large one: 5 % of every invoice.
            let c = if rng.below(20) == 0 {
                0
            } else {
                usize::try_from(rng.below(client_ids.len() as u64)).unwrap_or(0)
            };
            let year = date.year();
            let seq = seq_per_year.entry(year).or_insert(0);
            *seq += 1;
            let number = format_number("", year, *seq);
            let reference = PaymentReference::for_invoice(PaymentReferenceKind::Rf, "", year, *seq)
                .map_err(|i| format!("{i:?}"))?;
            let hours = rng.range(1, 60);
            let price = Decimal::from(rng.range(45, 125));
            let total = (Decimal::from(hours) * price * Decimal::new(121, 2)).round_dp(2);
            let term = if rng.below(3) == 0 { 14 } else { 30 };
            draft.execute(rusqlite::params![client_ids[c], date.to_string(), term])?;
            let id = tx.last_insert_rowid();
            line.execute(rusqlite::params![id, hours.to_string(), price.to_string()])?;
            let pdf = pick_document(&samples, &number, a.pdf_kb, rng.next());
            let sha: String = Sha256::digest(&pdf)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            issue.execute(rusqlite::params![
                id,
                number,
                reference.as_str(),
                total.to_string(),
                format!("{date}T09:00:00.000Z"),
                pdf,
                sha,
            ])?;
            if rng.below(100) == 0 {
                // Corrected in full by a credit note the same day, with the next number.
                *seq += 1;
                let credit_number = format_number("", year, *seq);
                let credit_reference =
                    PaymentReference::for_invoice(PaymentReferenceKind::Rf, "", year, *seq)
                        .map_err(|i| format!("{i:?}"))?;
                credit.execute(rusqlite::params![client_ids[c], date.to_string(), term, id])?;
                let credit_id = tx.last_insert_rowid();
                line.execute(rusqlite::params![
                    credit_id,
                    (-hours).to_string(),
                    price.to_string()
                ])?;
                let pdf = pick_document(&samples, &credit_number, a.pdf_kb, rng.next());
                let sha: String = Sha256::digest(&pdf)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                issue.execute(rusqlite::params![
                    credit_id,
                    credit_number,
                    credit_reference.as_str(),
                    (-total).to_string(),
                    format!("{date}T09:30:00.000Z"),
                    pdf,
                    sha,
                ])?;
                continue;
            }
            let (from, to, never, _) = BEHAVIOURS[behaviour[c]];
            if rng.below(1000) < never {
                continue;
            }
            let paid_on = date + Duration::days(term + rng.range(from, to));
            if paid_on > a.today {
                continue;
            }
            if rng.below(10) == 0 {
                let part = (total / Decimal::from(2)).round_dp(2);
                let early = paid_on - Duration::days(rng.range(1, 20)).max(Duration::zero());
                payment.execute(rusqlite::params![
                    id,
                    early.max(date).to_string(),
                    part.to_string()
                ])?;
                payment.execute(rusqlite::params![
                    id,
                    paid_on.to_string(),
                    (total - part).to_string()
                ])?;
            } else {
                payment.execute(rusqlite::params![
                    id,
                    paid_on.to_string(),
                    total.to_string()
                ])?;
            }
        }
        for (year, last) in &seq_per_year {
            tx.execute(
                "INSERT INTO number_series (prefix, year, last_seq) VALUES ('', ?1, ?2)",
                rusqlite::params![year, last],
            )?;
        }
    }
    tx.commit()?;
    drop(conn);
    let followed = follow_up(&a)?;
    println!(
        "generated {} clients and {} invoices in {} ({followed})",
        a.clients,
        a.invoices,
        path.display()
    );
    Ok(())
}

/// 40 real invoices of one to six lines, rendered and signed by the app (a throwaway one in
/// memory): the documents the bulk invoices store.
fn sample_documents(today: NaiveDate) -> Result<Vec<Vec<u8>>, Box<dyn std::error::Error>> {
    let app = App::open_in_memory()?.with_today(today);
    app.save_profile(&sample_profile())?;
    let client = app
        .create_client(&dto::ClientForm {
            kind: dto::ClientKind::Business,
            name: "Bedrijf Voorbeeld B.V.".into(),
            contact_person: "J. de Vries".into(),
            street: "Stationsplein".into(),
            house_number: "1".into(),
            postcode: "3511 ED".into(),
            city: "Utrecht".into(),
            country: "NL".into(),
            email: "administratie@voorbeeld.nl".into(),
            phone: String::new(),
            kvk: String::new(),
            btw_id: String::new(),
            iban: String::new(),
            preferred_channel: dto::PreferredChannel::Email,
            payment_term_days: "30".into(),
            document_language: dto::Language::Nl,
            notes: String::new(),
            debtor_type: dto::DebtorType::Unknown,
            large_company: false,
        })?
        .value
        .id;
    let dir = tempfile_dir()?;
    let mut out = Vec::new();
    for k in 0..40u32 {
        let lines = (0..=(k % 6))
            .map(|l| dto::InvoiceLineForm {
                description: format!("Werkzaamheden fase {} (week {})", l + 1, 1 + (k + l) % 52),
                quantity: format!("{}", 1 + (k * 7 + l * 3) % 40),
                unit: "uur".into(),
                unit_price: format!("{},00", 45 + (k * 13 + l) % 80),
                vat: dto::VatTreatment::Standard21,
                discount_percent: String::new(),
            })
            .collect();
        let draft = app.create_invoice(&dto::InvoiceForm {
            kind: dto::InvoiceKind::Standard,
            client_id: Some(client),
            invoice_date: today.to_string(),
            delivery_from: String::new(),
            delivery_to: String::new(),
            payment_term_days: "30".into(),
            vat_regime: dto::VatRegime::Normal,
            reference_kind: dto::ReferenceKind::Rf,
            note: String::new(),
            lines,
        })?;
        let issued = app.issue_invoice(draft.id)?;
        let path = app.write_invoice_pdf(issued.id, &dir)?;
        out.push(std::fs::read(&path)?);
        std::fs::remove_file(path)?;
    }
    std::fs::remove_dir_all(&dir)?;
    Ok(out)
}

fn tempfile_dir() -> Result<PathBuf, std::io::Error> {
    let dir = std::env::temp_dir().join(format!("tijdig-generate-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

fn sample_profile() -> dto::ProfileForm {
    dto::ProfileForm {
        trade_name: "Studio Demo".into(),
        legal_name: String::new(),
        legal_form: dto::LegalForm::SoleTrader,
        street: "Keizersgracht".into(),
        house_number: "12a".into(),
        postcode: "1015 CJ".into(),
        city: "Amsterdam".into(),
        country: "NL".into(),
        kvk: "01234567".into(),
        btw_id: "NL000099998B57".into(),
        iban: "NL91ABNA0417164300".into(),
        account_holder: "S. Demo".into(),
        email: "demo@example.nl".into(),
        phone: String::new(),
        website: String::new(),
        accent_colour: String::new(),
        kor: false,
        payment_term_days: "30".into(),
        document_language: dto::Language::Nl,
    }
}

/// The stored document of a bulk invoice: one of the samples, or `--pdf-kb`'s stand-in.
fn pick_document(samples: &[Vec<u8>], number: &str, kb: usize, seed: u64) -> Vec<u8> {
    if samples.is_empty() {
        return document(number, kb, seed);
    }
    let at = usize::try_from(seed % samples.len() as u64).unwrap_or(0);
    samples[at].clone()
}

/// The app takes over, as for a user who used Tijdig all along: opening adopts the claim
/// ledger; then the first clients on Vandaag are followed up (a letter by post where the step
/// is one, else a call with a promise), a few invoices disputed, one payment arrangement
/// agreed; the list remembers which claims are settled. Says what it made.
fn follow_up(a: &Args) -> Result<String, Box<dyn std::error::Error>> {
    let app = App::open(&a.dir)?
        .with_today(a.today)
        .with_vault(Box::new(MemoryVault::default()));
    let today = app.today_overview()?;
    let (mut letters, mut calls, mut disputes, mut arrangements) = (0, 0, 0, 0);
    for (k, client) in today.clients.iter().enumerate() {
        let Some(step) = client.steps.first() else {
            continue;
        };
        let ids: Vec<i64> = step.invoices.iter().map(|i| i.id).collect();
        let by_phone = matches!(step.channel, dto::FollowUpChannel::Phone);
        let done = match k % 10 {
            0..=5 if !by_phone => app
                .produce_letter(&dto::LetterRequest {
                    client_id: client.client_id,
                    step: step.policy_step,
                    invoice_ids: ids,
                    channel: dto::FollowUpChannel::Letter,
                })
                .map(|_| letters += 1),
            0..=5 => app
                .record_contact(&dto::ContactForm {
                    client_id: client.client_id,
                    invoice_ids: ids,
                    kind: dto::DossierKind::Call,
                    step: Some(step.policy_step),
                    outcome: Some(dto::CallOutcome::Reached),
                    note: "Belt terug; betaalt volgende week.".into(),
                    promised_on: (a.today + Duration::days(7)).to_string(),
                })
                .map(|_| calls += 1),
            6 if disputes < 5 => app
                .open_dispute(&dto::DisputeForm {
                    invoice_id: ids[0],
                    note: "De klant betwist het aantal uren.".into(),
                })
                .map(|_| disputes += 1),
            7 if arrangements < 1 => app
                .create_arrangement(&dto::ArrangementForm {
                    client_id: client.client_id,
                    invoice_ids: ids,
                    start_date: a.today.to_string(),
                    down_payment: "0".into(),
                    down_payment_on: a.today.to_string(),
                    mode: dto::ScheduleMode::Count,
                    count: "6".into(),
                    amount: String::new(),
                    first_due: (a.today + Duration::days(30)).to_string(),
                    interest_running: false,
                    costs_waived: false,
                    grace_days: "14".into(),
                })
                .map(|_| arrangements += 1),
            _ => Ok(()),
        };
        if let Err(e) = done {
            eprintln!("generate: {}: {}", client.client_name, e.message);
        }
        if k >= 60 {
            break;
        }
    }
    let settled = app.invoices(&dto::InvoiceQuery::default())?.total;
    Ok(format!(
        "{letters} letters, {calls} calls, {disputes} disputes, {arrangements} arrangement; {settled} invoices listed"
    ))
}

/// A stored invoice document of `kb` KB: a PDF header naming the invoice, then bytes that do
/// not compress (as a real PDF's compressed streams); each invoice's its own.
fn document(number: &str, kb: usize, seed: u64) -> Vec<u8> {
    let mut bytes = format!("%PDF-1.7\n% generated invoice {number}\n").into_bytes();
    let mut x = seed | 1;
    while bytes.len() < kb * 1024 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        bytes.extend_from_slice(&x.to_le_bytes());
    }
    bytes
}
