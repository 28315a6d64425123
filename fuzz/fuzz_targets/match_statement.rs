//! Any MT940 text: every entry read is matched against a small book, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tijdig_domain::bank::matching::{KnownClient, MatchBook, OpenInvoice};

fuzz_target!(|data: &[u8]| {
    let Ok(statement) = tijdig_domain::bank::read_statement(data) else {
        return;
    };
    let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let mut book = MatchBook::new(
        vec![OpenInvoice {
            id: 1,
            number: "2026-0001".into(),
            reference: "RF1820260001".into(),
            client_id: 1,
            invoice_date: date,
            open: rust_decimal::Decimal::new(12100, 2),
            arrangement_id: None,
        }],
        &[],
        &[],
        &[KnownClient { id: 1, name: "Bakkerij".into(), ibans: vec!["NL02ABNA0123456789".into()] }],
    );
    for entry in &statement.entries {
        let _ = book.match_entry(entry);
    }
});
