//! Fills a Tijdig database with realistic, synthetic data for benchmarks and demonstrations:
//!
//! `cargo run --release -p tijdig-store --example generate -- --data-dir DIR --clients 2000
//!  --invoices 100000 [--today 2026-11-22] [--seed 7] [--pdf-kb 35]`
//!
//! Clients get a payment behaviour (punctual, a little late, late, very late, non-payer) and
//! invoices are spread over the three years before `--today`, paid (sometimes in two parts)
//! according to that behaviour. Issued invoices carry a generated stand-in for their PDF —
//! a short placeholder, or with `--pdf-kb` that many KB of incompressible bytes, each
//! invoice's own, with its true SHA-256 (what a database of real invoices weighs); everything
//! else — numbers, totals, references, payments — is what the app itself would store.

use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
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
        today: NaiveDate::from_ymd_opt(2026, 11, 22).ok_or("date")?,
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
    // Made by this version: the claim ledger was there from the start (the app's one-time
    // adoption of older data, `claim_ledger_adopted`, does not apply to it).
    store.set_setting("claim_ledger_adopted", "generated")?;
    drop(store);

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
        let mut line = tx.prepare(
            "INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit, unit_price, vat)
             VALUES (?1, 0, 'Werkzaamheden', ?2, 'uur', ?3, '21')",
        )?;
        let mut payment = tx.prepare(
            "INSERT INTO payments (invoice_id, paid_on, amount, method) VALUES (?1, ?2, ?3, 'bank')",
        )?;
        for date in dates {
            let c = usize::try_from(rng.below(client_ids.len() as u64)).unwrap_or(0);
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
            let pdf = document(&number, a.pdf_kb, rng.next());
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
    println!(
        "generated {} clients and {} invoices in {}",
        a.clients,
        a.invoices,
        path.display()
    );
    Ok(())
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
