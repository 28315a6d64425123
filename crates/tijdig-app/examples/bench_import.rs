//! `import_camt_10k`: ms to read, deduplicate, match and store a CAMT.053 statement of 10,000
//! incoming payments against a generated database of 2,000 clients and 100,000 invoices
//! (median of 3, each on a fresh copy of the database). `import_bank_csv_10k`: the same 10,000
//! payments as an ING CSV download (`;`, Af/Bij, the reference in `Mededelingen`). Every unpaid invoice (about 5,000) gets
//! one payment, half with its payment reference, half with its number in the text; the other
//! payments carry nothing known. The automatic backup the import sets off runs on its own thread
//! (the user does not wait for it) and is measured by `bench_backup`.
//!
//! `cargo run --release -p tijdig-app --example bench_import -- DATA_DIR`
//! (make DATA_DIR with `cargo run --release -p tijdig-app --example generate`).

#[path = "../tests/camt_writer.rs"]
mod camt_writer;

use std::time::Instant;

use chrono::NaiveDate;
use tijdig_app::{App, AppError};
use tijdig_store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "tijdig-generated".into()),
    );
    let store = Store::open_in_dir(&dir)?;
    let keys = store.invoice_keys()?;
    let (rows, payments) =
        store.receivables_and_payments(&tijdig_store::ReceivableFilter::default())?;
    drop(store);
    let paid: std::collections::HashSet<i64> = payments.iter().map(|(id, _, _)| *id).collect();
    // Invoices without any payment yet, so each payment can be booked.
    let mut owed: Vec<(String, String, String)> = rows
        .iter()
        .filter(|r| !paid.contains(&r.id) && r.total > rust_decimal::Decimal::ZERO)
        .filter_map(|r| {
            keys.get(&r.id).map(|k| {
                (
                    k.number.clone(),
                    k.reference.clone(),
                    format!("{:.2}", r.total),
                )
            })
        })
        .collect();
    owed.sort();
    let texts: Vec<(String, Option<String>, String)> = (0..10_000)
        .map(|i| match owed.get(i) {
            Some((_, reference, amount)) if i % 2 == 0 => (
                "betaling".to_string(),
                Some(reference.clone()),
                amount.clone(),
            ),
            Some((number, _, amount)) => (format!("factuur {number}"), None, amount.clone()),
            None => (format!("overboeking {i}"), None, "12.34".to_string()),
        })
        .collect();
    let refs: Vec<String> = (0..10_000).map(|i| format!("B{i:06}")).collect();
    let entries: Vec<camt_writer::Entry<'_>> = texts
        .iter()
        .zip(&refs)
        .map(|((text, reference, amount), bank_ref)| camt_writer::Entry {
            amount,
            credit: true,
            date: "2026-11-20",
            iban: "NL44RABO0123456789",
            name: "Klant",
            text,
            reference: reference.as_deref(),
            bank_ref,
        })
        .collect();
    let xml = camt_writer::statement("NL91ABNA0417164300", &entries);
    let mut csv = String::from("\"Datum\";\"Naam / Omschrijving\";\"Rekening\";\"Tegenrekening\";\"Code\";\"Af Bij\";\"Bedrag (EUR)\";\"Mutatiesoort\";\"Mededelingen\"\r\n");
    for (text, reference, amount) in &texts {
        let said = match reference {
            Some(r) => format!("{text} {r}"),
            None => text.clone(),
        };
        csv.push_str(&format!(
            "\"20261120\";\"Klant\";\"NL91ABNA0417164300\";\"NL44RABO0123456789\";\"OV\";\"Bij\";\"{}\";\"Overschrijving\";\"Naam: Klant Omschrijving: {said} IBAN: NL44RABO0123456789\"\r\n",
            amount.replace('.', ",")
        ));
    }
    time_import(&dir, "import_camt_10k", "bench.xml", xml.as_bytes())?;
    time_import(&dir, "import_bank_csv_10k", "bench.csv", csv.as_bytes())?;
    Ok(())
}

/// Median of 3 imports of `bytes`, each into a fresh copy of the database in `dir`.
fn time_import(
    dir: &std::path::Path,
    figure: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<(), Box<dyn std::error::Error>> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
    let mut times = Vec::new();
    for round in 0..3 {
        let copy = tempfile::tempdir()?;
        std::fs::copy(
            dir.join(tijdig_store::DATABASE_FILE),
            copy.path().join(tijdig_store::DATABASE_FILE),
        )?;
        let app = App::open(copy.path())
            .map_err(|e: AppError| e.to_string())?
            .with_today(today);
        let start = Instant::now();
        let result = app
            .import_bank_statement(file_name, bytes)
            .map_err(|e| e.to_string())?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        if round == 0 {
            eprintln!(
                "{figure}: {} booked, {} proposed, {} unmatched",
                result.booked, result.proposed, result.unmatched
            );
        }
    }
    times.sort_by(f64::total_cmp);
    println!("{figure} = {:.0} ms", times[1]);
    Ok(())
}
