//! `import_camt_10k`: ms to read, deduplicate, match and store a CAMT.053 statement of 10,000
//! incoming payments against a generated database of 2,000 clients and 100,000 invoices
//! (median of 3, each on a fresh copy of the database). `import_bank_csv_10k`: the same 10,000
//! payments as an ING CSV download (`;`, Af/Bij, the reference in `Mededelingen`).
//! `import_ubl_1000`: ms to read, check, plan and import 1,000 e-invoices made in other
//! software (the official minimal SI-UBL example as the business's own, 200 buyers Tijdig does
//! not know yet; half with an embedded PDF, half rendered as a marked copy), preview and
//! import together, median of 3 on fresh copies. Every unpaid invoice (about 5,000) gets
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
    time_ubl_import(&dir)?;
    Ok(())
}

/// Files as name and bytes.
type Files = Vec<(String, Vec<u8>)>;

/// The 1,000 e-invoices of `import_ubl_1000`.
fn ubl_files(dir: &std::path::Path) -> Result<Files, Box<dyn std::error::Error>> {
    use base64::Engine as _;
    let template = include_str!(
        "../../tijdig-domain/fixtures/ubl/examples/si-ubl-2.0/SI-UBL-2.0_ok_minimal.xml"
    );
    let store = Store::open_in_dir(dir)?;
    let kvk = store.profile()?.and_then(|p| p.kvk).unwrap_or_default();
    let pdf = store.invoice_pdf(1)?;
    drop(store);
    let attachment = format!(
        "<cac:AdditionalDocumentReference><cbc:ID>pdf</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\" filename=\"factuur.pdf\">{}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>",
        base64::engine::general_purpose::STANDARD.encode(&pdf)
    );
    Ok((0..1000)
        .map(|i| {
            let mut xml = template
                .replace("SITEST00000", &kvk)
                .replacen(
                    "<cbc:ID>12115118</cbc:ID>",
                    &format!("<cbc:ID>EXT-{i:05}</cbc:ID>"),
                    1,
                )
                .replace("2015-01-09", "2026-10-01")
                .replace("Ontvanger", &format!("Klant Extern {}", i % 200))
                .replace(">11111111<", &format!(">{}<", 30_000_000 + i % 200));
            if i % 2 == 0 {
                xml = xml.replacen(
                    "<cac:AccountingSupplierParty>",
                    &format!("{attachment}<cac:AccountingSupplierParty>"),
                    1,
                );
            }
            (format!("EXT-{i:05}.xml"), xml.into_bytes())
        })
        .collect())
}

fn time_ubl_import(dir: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let files = ubl_files(dir)?;
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
        let preview = app
            .preview_invoice_import(files.clone())
            .map_err(|e| e.to_string())?;
        let result = app
            .confirm_invoice_import(&preview.token)
            .map_err(|e| e.to_string())?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        if round == 0 {
            eprintln!(
                "import_ubl_1000: {} imported, {} new clients ({})",
                result.imported, result.clients_created, preview.summary
            );
        }
    }
    times.sort_by(f64::total_cmp);
    println!("import_ubl_1000 = {:.0} ms", times[1]);
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
