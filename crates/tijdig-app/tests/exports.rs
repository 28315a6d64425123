//! The accountant's CSV export: invoices with btw per rate, payments and clients over a period.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::*;
use tijdig_app::dto::*;

#[test]
fn the_export_has_btw_per_rate_payments_and_clients_in_dutch_style() {
    let (app, client) = setup();
    let form = invoice_form(
        client,
        vec![
            line("Ontwerp", "10", "100,00", VatTreatment::Standard21),
            line("Boek", "2", "25,00", VatTreatment::Reduced9),
        ],
    );
    let id = app
        .issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
        .id;
    app.add_payment(
        id,
        &PaymentForm {
            paid_on: "22-11-2026".into(),
            amount: "500,00".into(),
            method: PaymentMethod::Bank,
            note: "deel 1".into(),
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = app
        .export_csv(
            &CsvExportForm {
                from: "01-01-2026".into(),
                to: "31-12-2026".into(),
                style: CsvStyle::Dutch,
            },
            dir.path(),
        )
        .unwrap();
    assert_eq!((out.invoices, out.payments), (1, 1));
    let folder = std::path::Path::new(&out.folder);
    let invoices = std::fs::read_to_string(folder.join("facturen.csv")).unwrap();
    assert!(invoices.starts_with('\u{FEFF}'));
    let lines: Vec<&str> = invoices.trim_start_matches('\u{FEFF}').lines().collect();
    assert!(lines[0].starts_with("Factuurnummer;Soort;Factuurdatum;Vervaldatum;Klant;KvK;Btw-id klant;Grondslag 21%;Btw 21%;Grondslag 9%;Btw 9%"));
    // 1000 at 21 % (210) and 50 at 9 % (4,50): total 1264,50, 500 paid.
    assert_eq!(
        lines[1],
        "2026-0001;Factuur;22-11-2026;22-12-2026;Bakkerij De Korenbloem B.V.;12345678;NL004495445B01;1000,00;210,00;50,00;4,50;0,00;0,00;0,00;1050,00;214,50;1264,50;500,00;764,50;deels betaald"
    );
    let payments = std::fs::read_to_string(folder.join("betalingen.csv")).unwrap();
    assert!(
        payments.contains("22-11-2026;2026-0001;Bakkerij De Korenbloem B.V.;500,00;bank;deel 1")
    );
    let clients = std::fs::read_to_string(folder.join("klanten.csv")).unwrap();
    assert!(clients.contains("Bakkerij De Korenbloem B.V.;zakelijk;Eva de Vries;Dorpsstraat;1;3511 AB;Utrecht;NL;12345678"));

    // Plain RFC 4180, and a period without the invoice.
    let plain = app
        .export_csv(
            &CsvExportForm {
                from: "2026-01-01".into(),
                to: "2026-11-21".into(),
                style: CsvStyle::Rfc4180,
            },
            dir.path(),
        )
        .unwrap();
    assert_eq!((plain.invoices, plain.payments), (0, 0));
    let text =
        std::fs::read_to_string(std::path::Path::new(&plain.folder).join("facturen.csv")).unwrap();
    assert!(text.starts_with("Factuurnummer,Soort,"));
    let bad = app.export_csv(
        &CsvExportForm {
            from: "31-12-2026".into(),
            to: "01-01-2026".into(),
            style: CsvStyle::Dutch,
        },
        dir.path(),
    );
    assert_eq!(bad.unwrap_err().fields[0].field, "to");
}
