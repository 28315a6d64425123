//! Clients from a spreadsheet: every row checked with the client form's rules and shown with
//! its problems at row and field; duplicates (of Tijdig's clients or of a row above) skipped and
//! listed; only the valid rows added, in one go.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::*;
use tijdig_app::dto::*;
use tijdig_app::ErrorCode;

/// 50 clients in Tijdig's template; row 11 has a KvK-nummer of four digits, row 21 an e-mail
/// address without `@`, row 31 the KvK-nummer of the client Tijdig already has, row 41 the same
/// client as row 40.
fn sheet() -> String {
    let mut text = String::from(
        "naam;soort;straat;huisnummer;postcode;plaats;e-mail;kvk;btw-id;betaaltermijn\n",
    );
    for i in 1..=50 {
        let kvk = match i {
            10 => "1234".to_string(),
            30 => "12345678".to_string(),
            40 => "40000040".to_string(),
            _ => format!("{}", 40_000_000 + i),
        };
        let email = if i == 20 {
            "klant20.example.nl".to_string()
        } else {
            format!("klant{i}@example.nl")
        };
        let name = if i == 40 {
            "Klant 39".to_string()
        } else {
            format!("Klant {i}")
        };
        text.push_str(&format!(
            "{name};zakelijk;Markt;{i};1234 AB;Utrecht;{email};{kvk};;30\n"
        ));
    }
    text
}

#[test]
fn fifty_clients_with_two_bad_rows_and_two_duplicates_add_forty_six() {
    let (app, _) = setup();
    let before = app.clients(&ClientQuery::default()).unwrap().len();
    let preview = app
        .preview_client_import("klanten.csv", sheet().into_bytes())
        .unwrap();
    assert_eq!(
        (preview.valid, preview.invalid, preview.duplicates),
        (46, 2, 2),
        "{}",
        preview.summary
    );
    let bad: Vec<(u32, &str, &str)> = preview
        .rows
        .iter()
        .flat_map(|r| {
            r.problems
                .iter()
                .map(move |p| (r.line, p.field.as_str(), p.code.as_str()))
        })
        .collect();
    assert_eq!(
        bad,
        vec![(11, "kvk", "kvk_format"), (21, "email", "email_format")]
    );
    let dups: Vec<(u32, Option<&str>)> = preview
        .rows
        .iter()
        .filter(|r| r.duplicate_of.is_some())
        .map(|r| (r.line, r.duplicate_of.as_deref()))
        .collect();
    assert_eq!(
        dups,
        vec![
            (31, Some("Bakkerij De Korenbloem B.V.")),
            (41, Some("Klant 39"))
        ]
    );
    assert_eq!(
        app.clients(&ClientQuery::default()).unwrap().len(),
        before,
        "the preview adds nothing"
    );

    let result = app.confirm_client_import(&preview.token).unwrap();
    assert_eq!((result.created, result.skipped), (46, 4));
    assert_eq!(
        result.summary,
        "46 klanten toegevoegd; 4 regels overgeslagen."
    );
    let clients = app.clients(&ClientQuery::default()).unwrap();
    assert_eq!(clients.len(), before + 46);
    // Answered once; the same sheet again: every row is a duplicate now.
    assert_eq!(
        app.confirm_client_import(&preview.token).unwrap_err().code,
        ErrorCode::Conflict
    );
    let again = app
        .preview_client_import("klanten.csv", sheet().into_bytes())
        .unwrap();
    assert_eq!((again.valid, again.duplicates), (0, 48));
    assert_eq!(
        app.confirm_client_import(&again.token).unwrap_err().code,
        ErrorCode::Validation
    );
}

#[test]
fn a_file_that_is_no_clients_sheet_is_refused_whole() {
    let (app, _) = setup();
    let err = app
        .preview_client_import("x.csv", b"postcode;plaats\n1234 AB;Utrecht\n".to_vec())
        .unwrap_err();
    assert!(
        err.message
            .starts_with("Geen kolom met de naam van de klant gevonden"),
        "{}",
        err.message
    );
}

#[test]
fn a_name_the_document_font_cannot_print_is_refused_in_the_form_and_in_a_sheet() {
    let (app, _) = setup();
    let mut form = business_client();
    form.name = "Bakkerij 🍞 De Korenbloem".into();
    form.kvk = "87654321".into();
    form.btw_id = String::new();
    let err = app.create_client(&form).unwrap_err();
    assert_eq!(err.fields[0].field, "name");
    assert_eq!(err.fields[0].code, "unprintable");
    let sheet = "naam;kvk\nBakkerij 🍞;87654321\nBakkerij Brood;87654322\n";
    let preview = app
        .preview_client_import("k.csv", sheet.as_bytes().to_vec())
        .unwrap();
    assert_eq!((preview.valid, preview.invalid), (1, 1));
    assert_eq!(preview.rows[0].problems[0].code, "unprintable");
}
