//! Bank CSV downloads in "Afschrift inlezen": a known bank's file books like CAMT.053 and
//! MT940 and never books what another format of the same day already did; a bank Tijdig does
//! not know asks for its columns once, per layout and account.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod camt_writer;
mod support;

use camt_writer::{statement, Entry};
use support::*;
use tijdig_app::dto::*;
use tijdig_app::{App, ErrorCode};

const OWN: &str = "NL91ABNA0417164300";
const PAYER: &str = "NL44RABO0123456789";

fn issue(app: &App, client: i64, price: &str) -> Invoice {
    let form = invoice_form(
        client,
        vec![line("Ontwerp", "1", price, VatTreatment::Standard21)],
    );
    app.issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
}

/// An ING download (`;`, Af/Bij, YYYYMMDD) of `OWN` with one credit.
fn ing_csv(day: &str, amount: &str, text: &str) -> String {
    format!(
        "\"Datum\";\"Naam / Omschrijving\";\"Rekening\";\"Tegenrekening\";\"Code\";\"Af Bij\";\"Bedrag (EUR)\";\"Mutatiesoort\";\"Mededelingen\"\r\n\
         \"{day}\";\"Bakkerij De Korenbloem\";\"{OWN}\";\"{PAYER}\";\"OV\";\"Bij\";\"{amount}\";\"Overschrijving\";\"Naam: Bakkerij De Korenbloem Omschrijving: {text} IBAN: {PAYER} Valutadatum: 21-11-2026\"\r\n\
         \"{day}\";\"Kosten Zakelijk Betalen\";\"{OWN}\";\"\";\"DV\";\"Af\";\"9,50\";\"Diversen\";\"Kosten\"\r\n"
    )
}

fn camt(amount: &str, text: &str) -> String {
    statement(
        OWN,
        &[Entry {
            amount,
            credit: true,
            date: "2026-11-21",
            iban: PAYER,
            name: "Bakkerij De Korenbloem",
            text,
            reference: None,
            bank_ref: "R1",
        }],
    )
}

/// A bank Tijdig does not know: no header, Triodos-like (`Credit`/`Debet`, thousands dots).
fn unknown_csv(day: &str, amount: &str, text: &str) -> String {
    format!(
        "{day},{OWN},\"{amount}\",Credit,Bakkerij De Korenbloem,{PAYER},OV,\"{text}\"\n\
         {day},{OWN},\"9,50\",Debet,Bank,,KST,\"Kosten\"\n"
    )
}

fn answer(prompt: &CsvColumnsPrompt) -> CsvColumnsForm {
    CsvColumnsForm {
        file_sha256: prompt.file_sha256.clone(),
        columns: CsvColumns {
            date: Some(0),
            amount: Some(2),
            direction: Some(3),
            account: None,
            counterparty_iban: Some(5),
            counterparty_name: Some(4),
            description: vec![7],
            reference: None,
        },
        account: OWN.into(),
    }
}

#[test]
fn an_ing_csv_books_a_payment_and_the_same_day_from_camt_is_not_booked_again() {
    let (app, client) = setup();
    let a = issue(&app, client, "1000,00"); // € 1.210,00
    let number = a.number.clone().unwrap();
    let csv = ing_csv("20261121", "1.210,00", &format!("factuur {number}"));
    let first = app
        .import_bank_statement("NL91ABNA_01-11-2026_30-11-2026.csv", csv.as_bytes())
        .unwrap();
    assert_eq!(first.format, "CSV ING");
    assert_eq!(first.accounts, vec![OWN]);
    assert_eq!((first.entries, first.skipped), (2, 1), "{first:?}");
    assert_eq!((first.booked, first.duplicates), (1, 0), "{first:?}");
    assert_eq!(app.invoice(a.id).unwrap().payments.len(), 1);
    // The same payment in the bank's CAMT.053 export of that day: known, not booked again.
    let second = app
        .import_bank_statement(
            "november.xml",
            camt("1210.00", &format!("factuur {number}")).as_bytes(),
        )
        .unwrap();
    assert_eq!(
        (
            second.booked,
            second.proposed,
            second.unmatched,
            second.duplicates
        ),
        (0, 0, 0, 1),
        "{second:?}"
    );
    assert_eq!(app.invoice(a.id).unwrap().payments.len(), 1);
}

#[test]
fn a_camt_file_first_and_the_csv_of_that_day_after_books_once() {
    let (app, client) = setup();
    let a = issue(&app, client, "500,00"); // € 605,00
    let number = a.number.clone().unwrap();
    let first = app
        .import_bank_statement(
            "november.xml",
            camt("605.00", &format!("factuur {number}")).as_bytes(),
        )
        .unwrap();
    assert_eq!(first.booked, 1, "{first:?}");
    let csv = ing_csv("20261121", "605,00", "andere tekst in de csv");
    let second = app
        .import_bank_statement("ing.csv", csv.as_bytes())
        .unwrap();
    assert_eq!((second.booked, second.duplicates), (0, 1), "{second:?}");
    assert_eq!(app.invoice(a.id).unwrap().payments.len(), 1);
}

#[test]
fn a_malformed_csv_is_refused_naming_line_and_column_and_nothing_is_imported() {
    let (app, client) = setup();
    issue(&app, client, "1000,00");
    let csv = ing_csv("20261121", "1.210,00", "x").replace("\"9,50\"", "\"9,5,0\"");
    let err = app
        .import_bank_statement("ing.csv", csv.as_bytes())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        err.message,
        "Regel 3, kolom \u{201c}Bedrag (EUR)\u{201d}: het bedrag is onleesbaar. Er is niets ingelezen."
    );
    let overview = app.bank_overview().unwrap();
    assert!(
        overview.unmatched.is_empty() && overview.imports.is_empty(),
        "{overview:?}"
    );
}

#[test]
fn an_unknown_csv_asks_for_its_columns_once_and_the_next_download_reads_by_itself() {
    let (app, client) = setup();
    let a = issue(&app, client, "1000,00"); // € 1.210,00
    let b = issue(&app, client, "100,00"); // € 121,00
    let text_a = format!("Factuur {}", a.number.clone().unwrap());
    let file = unknown_csv("21-11-2026", "1.210,00", &text_a);
    // Without the mapping step the file is refused, saying where to map it.
    let refused = app
        .import_bank_statement("triodos.csv", file.as_bytes())
        .unwrap_err();
    assert!(
        refused.message.contains("wijs daar de kolommen aan"),
        "{}",
        refused.message
    );

    let outcome = app
        .import_bank_statement_or_ask("triodos.csv", file.as_bytes())
        .unwrap();
    assert!(outcome.imported.is_none());
    let prompt = outcome.columns.unwrap();
    assert_eq!(prompt.names, vec!["1", "2", "3", "4", "5", "6", "7", "8"]);
    assert!(!prompt.has_header);
    assert_eq!((prompt.rows.len(), prompt.total_rows), (2, 2));
    assert_eq!(prompt.rows[0][3], "Credit");
    assert_eq!(
        (prompt.proposal.date, prompt.proposal.amount),
        (Some(0), Some(2))
    );
    // The profile's IBAN is proposed as the account.
    assert_eq!(prompt.account.replace(' ', ""), OWN);

    // A wrong answer is refused at its fields; nothing is imported or remembered.
    let mut wrong = answer(&prompt);
    wrong.columns.date = None;
    wrong.columns.counterparty_name = Some(5);
    wrong.account = "NL00 BANK 1234".into();
    let err = app.import_bank_csv(&wrong).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let fields: Vec<(&str, &str)> = err
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code.as_str()))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("counterpartyName", "csv_column_twice"),
            ("date", "csv_date_missing"),
            ("ownAccount", "iban_length")
        ]
    );
    // A date column that holds no dates names the first row it cannot read.
    let mut not_dates = answer(&prompt);
    not_dates.columns.date = Some(4);
    not_dates.columns.counterparty_name = None;
    let err = app.import_bank_csv(&not_dates).unwrap_err();
    assert!(
        err.message
            .starts_with("Regel 1, kolom \u{201c}5\u{201d}: de datum is onleesbaar"),
        "{}",
        err.message
    );
    assert!(app.bank_overview().unwrap().imports.is_empty());
    assert!(app
        .import_bank_statement_or_ask("triodos.csv", file.as_bytes())
        .unwrap()
        .columns
        .is_some());

    let prompt = app
        .import_bank_statement_or_ask("triodos.csv", file.as_bytes())
        .unwrap()
        .columns
        .unwrap();
    let result = app.import_bank_csv(&answer(&prompt)).unwrap();
    assert_eq!(result.format, "CSV (eigen indeling)");
    assert_eq!(result.accounts, vec![OWN]);
    assert_eq!((result.booked, result.skipped), (1, 1), "{result:?}");
    assert_eq!(app.invoice(a.id).unwrap().payments[0].amount, "1210.00");
    // Answered once: the waiting file is gone.
    assert_eq!(
        app.import_bank_csv(&answer(&prompt)).unwrap_err().code,
        ErrorCode::Conflict
    );

    // The next day's download of the same bank reads without asking, with the same account.
    let text_b = format!("Factuur {}", b.number.clone().unwrap());
    let next_day = unknown_csv("22-11-2026", "121,00", &text_b);
    let next = app
        .import_bank_statement_or_ask("triodos-22.csv", next_day.as_bytes())
        .unwrap();
    let imported = next.imported.expect("read with the remembered columns");
    assert_eq!(
        (imported.booked, imported.accounts.clone()),
        (1, vec![OWN.to_string()]),
        "{imported:?}"
    );
    // The same file again: every entry known.
    let again = app
        .import_bank_statement("triodos-22.csv", next_day.as_bytes())
        .unwrap();
    assert_eq!((again.booked, again.duplicates), (0, 1));
}

#[test]
fn a_remembered_mapping_that_no_longer_reads_asks_again_saying_why() {
    let (app, _) = setup();
    let file = unknown_csv("21-11-2026", "10,00", "x");
    let prompt = app
        .import_bank_statement_or_ask("a.csv", file.as_bytes())
        .unwrap()
        .columns
        .unwrap();
    app.import_bank_csv(&answer(&prompt)).unwrap();
    // Same layout, but the bank now writes the amount column as text.
    let changed = unknown_csv("22-11-2026", "tien euro", "y");
    let asked = app
        .import_bank_statement_or_ask("b.csv", changed.as_bytes())
        .unwrap();
    let prompt = asked.columns.expect("asks again");
    assert_eq!(prompt.proposal, answer(&prompt).columns);
    assert!(prompt.problem.unwrap().contains("het bedrag is onleesbaar"));
}
