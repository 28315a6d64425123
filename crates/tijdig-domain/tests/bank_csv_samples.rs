//! Bank CSV downloads of six Dutch banks (fixtures/bank/csv, copied from public test suites
//! with their licences) read as a user's statement would be; and a bank Tijdig does not know,
//! read with the columns the user points out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::path::Path;
use tijdig_domain::bank::csv::{self, ColumnMap, CsvBank, Direction};
use tijdig_domain::bank::{
    read_statement, BankEntry, ParsedStatement, Problem, StatementError, StatementFormat,
};

fn read(path: &str) -> ParsedStatement {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/bank/csv")
        .join(path);
    read_statement(&std::fs::read(&full).unwrap()).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The entry on a line of the file.
fn at(s: &ParsedStatement, line: u32) -> &BankEntry {
    s.entries
        .iter()
        .find(|e| e.line == line)
        .unwrap_or_else(|| panic!("no entry on line {line}"))
}

/// Counts by hand: every data row of each file (ABN AMRO's sample adds `#` comment lines).
#[test]
fn every_csv_sample_of_every_bank_is_read_completely() {
    let expected = [
        ("ing/ing_comma_2019.csv", CsvBank::Ing, 6),
        ("ing/ing_semicolon_mutatiesoort.csv", CsvBank::Ing, 6),
        ("ing/ing_semicolon_unquoted.csv", CsvBank::Ing, 6),
        (
            "rabobank/rabobank_CSV_A_2018_iso-8859-1.csv",
            CsvBank::Rabobank,
            3,
        ),
        (
            "abnamro/abnamro_TXT_SAMPLE_anonymized.TAB",
            CsvBank::AbnAmro,
            26,
        ),
        (
            "bunq/bunq_transactieoverzicht_nl-headers.csv",
            CsvBank::Bunq,
            3,
        ),
        ("bunq/bunq_statement_en-headers.csv", CsvBank::Bunq, 7),
        ("knab/knab_transactieoverzicht.csv", CsvBank::Knab, 28),
        (
            "asn/asn_transactie-historie_no-header.csv",
            CsvBank::Asn,
            11,
        ),
    ];
    for (path, bank, count) in expected {
        let s = read(path);
        assert_eq!(s.format, StatementFormat::Csv(bank), "{path}");
        assert_eq!(s.entries.len(), count, "{path}");
        assert!(s.entries.iter().all(|e| e.account.is_some()), "{path}");
    }
}

#[test]
fn ing_reads_the_same_in_all_three_dialects_with_af_bij_as_the_sign() {
    let comma = read("ing/ing_comma_2019.csv");
    for other in [
        "ing/ing_semicolon_mutatiesoort.csv",
        "ing/ing_semicolon_unquoted.csv",
    ] {
        assert_eq!(read(other).entries, comma.entries, "{other}");
    }
    assert_eq!(comma.accounts, vec!["NL99INGB9999999999"]);
    let costs = at(&comma, 2);
    assert_eq!(costs.booked_on, day(2020, 2, 13));
    assert_eq!(costs.amount, dec!(-1.25));
    assert_eq!(
        costs.counterparty_name.as_deref(),
        Some("Kosten OranjePakket met korting")
    );
    let transfer = at(&comma, 5);
    assert_eq!(transfer.booked_on, day(2019, 12, 13));
    assert_eq!(transfer.amount, dec!(20.00));
    assert_eq!(
        transfer.counterparty_iban.as_deref(),
        Some("NL99ASNB9999999999")
    );
    assert_eq!(
        transfer.counterparty_name.as_deref(),
        Some("PAULISSEN G J L M")
    );
    assert_eq!(
        transfer.description,
        "Naam: PAULISSEN G J L M Omschrijving: Kosten rekening IBAN: NL99ASNB9999999999 Valutadatum: 13-12-2019"
    );
    // A zero "Bij" entry is read as it is: nothing to book, nothing refused.
    assert_eq!(at(&comma, 4).amount, Decimal::ZERO);
}

#[test]
fn rabobank_latin1_signed_amounts_volgnr_and_the_row_that_lost_its_quote() {
    let s = read("rabobank/rabobank_CSV_A_2018_iso-8859-1.csv");
    assert_eq!(s.accounts, vec!["NL77RABO0311467415"]);
    let interest = at(&s, 2);
    assert_eq!(interest.amount, dec!(-337.49));
    assert_eq!(
        interest.bank_reference.as_deref(),
        Some("000000000000009565")
    );
    assert_eq!(interest.description, "RENTE LENING");
    // Line 3 lacks its opening quote: its columns stay where they belong.
    let prize = at(&s, 3);
    assert_eq!(prize.account.as_deref(), Some("NL77RABO0311467415"));
    assert_eq!(prize.booked_on, day(2018, 3, 14));
    assert_eq!(prize.amount, dec!(50.00));
    assert_eq!(
        prize.counterparty_iban.as_deref(),
        Some("NL62INGB0663707048")
    );
    assert_eq!(
        prize.counterparty_name.as_deref(),
        Some("Nederlandse Loterij Organisatie B.V.")
    );
    assert_eq!(prize.end_to_end.as_deref(), Some("18753493.6094"));
    assert_eq!(prize.bank_reference.as_deref(), Some("000000000000009590"));
    assert_eq!(at(&s, 4).amount, dec!(-750.00));
}

#[test]
fn abn_amro_tab_accounts_become_ibans_and_the_three_description_styles_are_read() {
    let s = read("abnamro/abnamro_TXT_SAMPLE_anonymized.TAB");
    // The bare account numbers 123456789 and 112233445, as the IBAN a CAMT.053 file names.
    assert_eq!(s.accounts, vec!["NL02ABNA0123456789", "NL59ABNA0112233445"]);
    for a in &s.accounts {
        tijdig_domain::validate::iban(a).unwrap();
    }
    let card = at(&s, 14);
    assert_eq!(
        (card.booked_on, card.amount),
        (day(2021, 12, 30), dec!(-25.00))
    );
    let sepa = at(&s, 21);
    assert_eq!(sepa.amount, dec!(-39.35));
    assert_eq!(
        sepa.counterparty_iban.as_deref(),
        Some("NL01RABO0123456789")
    );
    assert_eq!(
        sepa.counterparty_name.as_deref(),
        Some("Next to Pay via Mollie")
    );
    let tagged = at(&s, 40);
    assert_eq!(
        (tagged.booked_on, tagged.amount),
        (day(2023, 12, 31), dec!(261.75))
    );
    assert_eq!(
        tagged.counterparty_iban.as_deref(),
        Some("NL01RABO0123456789")
    );
    assert_eq!(
        tagged.counterparty_name.as_deref(),
        Some("FizzBuz Foobarfizbuzbank")
    );
    assert_eq!(
        tagged.end_to_end.as_deref(),
        Some("Z01234567890123456789012")
    );
    let incoming = at(&s, 48);
    assert_eq!(incoming.account.as_deref(), Some("NL59ABNA0112233445"));
    assert_eq!(incoming.amount, dec!(1427.00));
    assert_eq!(
        incoming.counterparty_name.as_deref(),
        Some("J SMITH VAN DE FOOBAR CJ")
    );
}

#[test]
fn bunq_in_both_languages_and_knab_with_its_title_row_and_credit_debet() {
    let nl = read("bunq/bunq_transactieoverzicht_nl-headers.csv");
    let transfer = at(&nl, 3);
    assert_eq!(transfer.amount, dec!(750.00));
    assert_eq!(
        transfer.counterparty_iban.as_deref(),
        Some("NL77RABO0311467415")
    );
    assert_eq!(
        transfer.counterparty_name.as_deref(),
        Some("W. KOELEWIJN EO")
    );
    assert_eq!(transfer.description, "Naar Bunq");
    let en = read("bunq/bunq_statement_en-headers.csv");
    assert_eq!(en.accounts, vec!["NL26BUNQ2025126409"]);
    assert_eq!(at(&en, 4).amount, dec!(8.78));
    assert_eq!(at(&en, 8).amount, dec!(-7.99));

    let knab = read("knab/knab_transactieoverzicht.csv");
    assert_eq!(knab.accounts, vec!["NL99KNAB9999999999"]);
    let out = at(&knab, 3);
    assert_eq!(
        (out.booked_on, out.amount),
        (day(2019, 6, 21), dec!(-827.75))
    );
    assert_eq!(
        out.counterparty_iban.as_deref(),
        Some("FR9999999999999999999999999")
    );
    assert_eq!(out.bank_reference.as_deref(), Some("B9F21PGYA068V2KD"));
    // Booked on the Boekdatum (10 June), not the Transactiedatum (9 June).
    assert_eq!(at(&knab, 9).booked_on, day(2019, 6, 10));
    // An unsigned whole amount is euros: 2500 is € 2.500,00.
    assert_eq!(at(&knab, 6).amount, dec!(2500.00));
    assert_eq!(at(&knab, 30).description, "Rente");
}

#[test]
fn asn_without_header_with_a_decimal_point_and_quoted_descriptions() {
    let s = read("asn/asn_transactie-historie_no-header.csv");
    assert_eq!(s.accounts, vec!["NL00ASNB9999999999"]);
    let dividend = at(&s, 4);
    assert_eq!(
        (dividend.booked_on, dividend.amount),
        (day(2022, 6, 27), dec!(503.15))
    );
    assert_eq!(
        dividend.counterparty_iban.as_deref(),
        Some("NL25INGB0000000000")
    );
    assert_eq!(dividend.counterparty_name.as_deref(), Some("Optimal BV"));
    assert_eq!(dividend.description, "DIVIDEND 27/06/2022");
    assert_eq!(at(&s, 3).amount, dec!(-2.20));
    // A comma inside the single-quoted description does not shift the columns.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/bank/csv/asn/asn_transactie-historie_no-header.csv"),
    )
    .unwrap()
    .replace("'DIVIDEND 27/06/2022'", "'DIVIDEND, 27/06/2022'");
    let s = read_statement(text.as_bytes()).unwrap();
    assert_eq!(at(&s, 4).description, "DIVIDEND, 27/06/2022");
    assert_eq!(at(&s, 4).line, 4);
}

#[test]
fn a_row_that_cannot_be_read_refuses_the_file_naming_its_line_and_column() {
    let base = "\"Datum\";\"Naam / Omschrijving\";\"Rekening\";\"Tegenrekening\";\"Code\";\"Af Bij\";\"Bedrag (EUR)\";\"Mutatiesoort\";\"Mededelingen\"\n\
                \"20260105\";\"Klant BV\";\"NL99INGB9999999999\";\"NL91ABNA0417164300\";\"OV\";\"Bij\";\"121,00\";\"Overschrijving\";\"2026-0001\"\n";
    let broken = [
        ("20260231", "Datum", Problem::Date),
        ("121,0,0", "Bedrag (EUR)", Problem::Amount),
        ("Bijna", "Af Bij", Problem::DebitCredit),
    ];
    for (bad, column, problem) in broken {
        let original = match problem {
            Problem::Date => "20260105",
            Problem::Amount => "121,00",
            _ => "Bij",
        };
        let text = format!(
            "{base}{}",
            base.lines().nth(1).unwrap().replace(original, bad)
        );
        let err = read_statement(text.as_bytes()).unwrap_err();
        assert_eq!(
            err,
            StatementError::Cell {
                line: 3,
                column: column.into(),
                problem
            },
            "{bad}"
        );
        assert!(err
            .message(tijdig_domain::Language::Nl)
            .starts_with(&format!("Regel 3, kolom \u{201c}{column}\u{201d}")));
    }
    let short = format!("{base}\"20260106\";\"Klant BV\"\n");
    assert!(matches!(
        read_statement(short.as_bytes()).unwrap_err(),
        StatementError::Cell {
            line: 3,
            problem: Problem::Column,
            ..
        }
    ));
    assert_eq!(read_statement(base.as_bytes()).unwrap().entries.len(), 1);
}

#[test]
fn a_bank_tijdig_does_not_know_is_not_guessed_but_mapped_by_the_user() {
    // Triodos-like: no header, Debet/Credit column, thousands dots.
    let text = "05-01-2026,NL12TRIO0123456789,\"1.210,00\",Credit,Klant BV,NL91ABNA0417164300,OV,\"Factuur 2026-0001\"\n\
                06-01-2026,NL12TRIO0123456789,\"15,00\",Debet,Bank,,KST,\"Kosten\"\n";
    assert_eq!(
        read_statement(text.as_bytes()),
        Err(StatementError::UnknownFormat)
    );
    let table = csv::table(text).unwrap();
    assert_eq!(table.header, None);
    assert_eq!(table.width, 8);
    let proposal = csv::propose(&table);
    assert_eq!((proposal.date, proposal.amount), (0, 2));
    // Without a header the cells tell: Credit/Debet is the mark, one IBAN in every row the
    // account, varying IBANs the counterparty.
    assert_eq!(proposal.direction, Direction::Column(3));
    assert_eq!(
        (proposal.account, proposal.counterparty_iban),
        (Some(1), Some(5))
    );
    let mut map = ColumnMap::new(0, 2);
    map.direction = Direction::Column(3);
    map.counterparty_name = Some(4);
    map.counterparty_iban = Some(5);
    map.description = vec![7];
    let s = csv::read_mapped(&table, &map, Some("NL12 TRIO 0123 4567 89")).unwrap();
    assert_eq!(s.format, StatementFormat::Csv(CsvBank::Other));
    assert_eq!(s.accounts, vec!["NL12TRIO0123456789"]);
    assert_eq!(s.entries[0].amount, dec!(1210.00));
    assert_eq!(
        s.entries[0].counterparty_iban.as_deref(),
        Some("NL91ABNA0417164300")
    );
    assert_eq!(s.entries[1].amount, dec!(-15.00));
    // A header of an unknown bank proposes its columns by their words.
    let named = csv::table("Boekdatum;Omschrijving;Bedrag;Af/Bij;Tegenrekening\n05-01-2026;x;1,00;Bij;NL91ABNA0417164300\n").unwrap();
    let p = csv::propose(&named);
    assert_eq!(
        (p.date, p.amount, p.direction.clone()),
        (0, 2, Direction::Column(3))
    );
    assert_eq!(
        (p.counterparty_iban, p.description.clone()),
        (Some(4), vec![1])
    );
}

/// What the ING reader reads back is what was written, for any entries: the same amount, sign,
/// day, account and counterparty, in either delimiter.
fn ing_row(e: &(u32, i64, bool, String)) -> String {
    let (days, cents, credit, name) = e;
    let date = day(2020, 1, 1) + chrono::Days::new(u64::from(*days));
    let amount = format!("{},{:02}", cents / 100, cents % 100);
    format!(
        "\"{}\";\"{name}\";\"NL99INGB9999999999\";\"NL91ABNA0417164300\";\"OV\";\"{}\";\"{amount}\";\"Overschrijving\";\"Naam: {name}\"",
        date.format("%Y%m%d"),
        if *credit { "Bij" } else { "Af" }
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn ing_rows_read_back_as_written(
        rows in prop::collection::vec((0u32..3000, 0i64..100_000_000, any::<bool>(), "[A-Za-z][A-Za-z ,.;'&-]{0,30}[A-Za-z]"), 1..40),
    ) {
        let header = "\"Datum\";\"Naam / Omschrijving\";\"Rekening\";\"Tegenrekening\";\"Code\";\"Af Bij\";\"Bedrag (EUR)\";\"MutatieSoort\";\"Mededelingen\"";
        let text = std::iter::once(header.to_string()).chain(rows.iter().map(ing_row)).collect::<Vec<_>>().join("\r\n");
        let s = read_statement(text.as_bytes()).unwrap();
        prop_assert_eq!(s.entries.len(), rows.len());
        for (e, (days, cents, credit, name)) in s.entries.iter().zip(&rows) {
            let magnitude = Decimal::new(*cents, 2);
            prop_assert_eq!(e.amount, if *credit { magnitude } else { -magnitude });
            prop_assert_eq!(e.booked_on, day(2020, 1, 1) + chrono::Days::new(u64::from(*days)));
            prop_assert_eq!(e.counterparty_iban.as_deref(), Some("NL91ABNA0417164300"));
            let collapsed = name.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(e.counterparty_name.as_deref(), Some(collapsed.as_str()));
        }
    }

    #[test]
    fn any_text_is_read_or_refused_never_a_panic(text in "[A-Za-z0-9 ,;\t\"'\r\n.:/+-]{0,400}") {
        let _ = read_statement(text.as_bytes());
        let _ = tijdig_domain::client_sheet::read_clients(&text);
        let _ = tijdig_domain::open_invoice_sheet::read_open_invoices(&text);
        if let Some(t) = csv::table(&text) {
            let _ = csv::read_mapped(&t, &csv::propose(&t), None);
        }
    }
}
