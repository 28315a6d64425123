//! "Facturen → Importeren": invoices made in other software become invoices marked extern that
//! Tijdig follows up like its own — with their own number, lines and totals, their client found
//! or created, never twice, and never numbered over by Tijdig's own series.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::{App, ErrorCode};

fn issue(app: &App, client: i64, price: &str) -> Invoice {
    let form = invoice_form(
        client,
        vec![line("Ontwerp", "1", price, VatTreatment::Standard21)],
    );
    app.issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
}

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tijdig-domain/fixtures/ubl/examples")
}

/// Another Tijdig of the same business (same profile), where the invoice was made.
fn elsewhere() -> (App, i64) {
    setup()
}

#[test]
fn tijdigs_own_ubl_export_imports_with_the_same_number_lines_and_totals() {
    let (there, client_there) = elsewhere();
    let form = invoice_form(
        client_there,
        vec![
            line("Ontwerp", "3", "100,00", VatTreatment::Standard21),
            line("Drukwerk", "2", "12,50", VatTreatment::Reduced9),
        ],
    );
    let made = there
        .issue_invoice(there.create_invoice(&form).unwrap().id)
        .unwrap();
    let (name, xml) = there.invoice_ubl(made.id).unwrap();

    let (app, _) = setup();
    let preview = app
        .preview_invoice_import(vec![(name.clone(), xml.clone())])
        .unwrap();
    assert_eq!(preview.importable, 1, "{preview:?}");
    let item = &preview.items[0];
    assert_eq!(item.number, made.number);
    assert_eq!(item.total.as_deref(), Some(made.totals.total.as_str()));
    // The client is the same business: found by its KvK number, not created again.
    assert!(!item.client_is_new, "{item:?}");
    assert!(
        app.invoices(&InvoiceQuery::default())
            .unwrap()
            .rows
            .is_empty(),
        "the preview writes nothing"
    );

    let result = app.confirm_invoice_import(&preview.token).unwrap();
    assert_eq!((result.imported, result.clients_created), (1, 0));
    let imported = app.invoice(result.invoice_ids[0]).unwrap();
    assert_eq!(imported.number, made.number);
    assert_eq!(imported.totals, made.totals);
    assert_eq!(imported.form.lines, made.form.lines);
    assert_eq!(imported.form.invoice_date, made.form.invoice_date);
    assert_eq!(imported.due_date, made.due_date);
    assert_eq!(
        imported.external.as_ref().map(|e| e.format.as_str()),
        Some("ubl"),
        "marked extern"
    );
    // The PDF is the one the UBL file carried.
    assert_eq!(pdf_of(&app, imported.id), pdf_of(&there, made.id));

    // The same file again: refused, nothing twice.
    let again = app.preview_invoice_import(vec![(name, xml)]).unwrap();
    assert_eq!(again.importable, 0);
    assert_eq!(
        again.items[0].refused.as_deref(),
        Some(format!("Factuur {} is al ingelezen.", made.number.unwrap()).as_str())
    );
}

#[test]
fn an_imported_number_is_passed_by_tijdigs_own_series() {
    let (there, client_there) = elsewhere();
    issue(&there, client_there, "10,00"); // 2026-0001 there
    let second = issue(&there, client_there, "20,00"); // 2026-0002 there
    let (name, xml) = there.invoice_ubl(second.id).unwrap();

    let (app, client) = setup();
    let preview = app.preview_invoice_import(vec![(name, xml)]).unwrap();
    app.confirm_invoice_import(&preview.token).unwrap();
    let first_own = issue(&app, client, "1,00");
    let second_own = issue(&app, client, "2,00");
    assert_eq!(first_own.number.as_deref(), Some("2026-0001"));
    // 2026-0002 is the imported invoice of the same business: the series passes it by.
    assert_eq!(second_own.number.as_deref(), Some("2026-0003"));
}

#[test]
fn the_official_examples_are_refused_as_a_whole_they_are_not_this_business() {
    let (app, _) = setup();
    let mut files = Vec::new();
    for dir in ["peppol-bis3/valid", "si-ubl-2.0"] {
        for entry in std::fs::read_dir(examples().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            files.push((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&path).unwrap(),
            ));
        }
    }
    let preview = app.preview_invoice_import(files).unwrap();
    assert_eq!(preview.importable, 0);
    let ok_base = preview
        .items
        .iter()
        .find(|i| i.file_name == "SI-UBL-2.0_ok_base.xml")
        .unwrap();
    assert_eq!(
        ok_base.refused.as_deref(),
        Some("Dit is geen factuur van uw bedrijf: de leverancier in het bestand is SimplerInvoicing (KvK SITEST00000, btw-id NL1111.11.111.B.01). Tijdig leest alleen facturen in die u zelf verstuurde (zelfde KvK-nummer of btw-id als in uw bedrijfsgegevens).")
    );
    let gbp = preview
        .items
        .iter()
        .find(|i| i.file_name == "vat-category-E.xml")
        .unwrap();
    assert_eq!(
        gbp.refused.as_deref(),
        Some("[BR-05] Deze factuur is in GBP; Tijdig volgt alleen facturen in euro op.")
    );
    let wrong = preview
        .items
        .iter()
        .find(|i| i.file_name == "SI-UBL-2.0_BR-S-08_error.xml")
        .unwrap();
    assert!(wrong
        .refused
        .as_deref()
        .unwrap()
        .starts_with("[BR-S-08] De bedragen kloppen niet"));
    assert_eq!(
        app.confirm_invoice_import(&preview.token).unwrap_err().code,
        ErrorCode::Validation
    );
    assert!(app
        .invoices(&InvoiceQuery::default())
        .unwrap()
        .rows
        .is_empty());
}

#[test]
fn an_example_of_this_business_imports_with_a_new_client_flagged_findings_and_a_marked_copy() {
    let (app, _) = setup();
    // The official minimal SI-UBL example as if the user's own business had sent it, with the
    // supplier's city left out (a Dutch rule it then breaks).
    let xml = std::fs::read_to_string(examples().join("si-ubl-2.0/SI-UBL-2.0_ok_minimal.xml"))
        .unwrap()
        .replace("SITEST00000", "01234567")
        .replacen("<cbc:CityName>InvoicingStad</cbc:CityName>", "", 1);
    let preview = app
        .preview_invoice_import(vec![("factuur.xml".into(), xml.into_bytes())])
        .unwrap();
    assert_eq!(preview.importable, 1, "{preview:?}");
    let item = &preview.items[0];
    assert!(item.client_is_new);
    assert_eq!(preview.new_clients.len(), 1);
    assert_eq!(item.findings.len(), 1);
    assert!(
        item.findings[0].starts_with("[BR-NL-3] Het adres van de leverancier"),
        "{:?}",
        item.findings
    );
    assert!(
        item.notes.iter().any(|n| n.contains("geen PDF")),
        "{:?}",
        item.notes
    );
    let result = app.confirm_invoice_import(&preview.token).unwrap();
    assert_eq!((result.imported, result.clients_created), (1, 1));
    let imported = app.invoice(result.invoice_ids[0]).unwrap();
    assert_eq!(imported.totals.total, "242.00");
    assert!(imported.external.as_ref().unwrap().pdf_is_copy);
    let pdf = pdf_of(&app, imported.id);
    let text = pdf_text(&pdf, "imported-copy");
    assert!(
        text.contains("Kopie factuur") && text.contains("12115118"),
        "{text}"
    );
    assert!(
        text.contains("Dit is niet de factuur zoals de klant die ontving"),
        "{text}"
    );
    // Answered once: the selection is gone.
    assert_eq!(
        app.confirm_invoice_import(&preview.token).unwrap_err().code,
        ErrorCode::Conflict
    );
}

#[test]
fn a_credit_note_comes_after_its_invoice_or_is_refused_until_it_is_there() {
    let (there, client_there) = elsewhere();
    let invoice = issue(&there, client_there, "100,00");
    let credit = there
        .credit_invoice(invoice.id, &CreditRequest::default())
        .unwrap();
    let credit = there.issue_invoice(credit.id).unwrap();
    let (inv_name, inv_xml) = there.invoice_ubl(invoice.id).unwrap();
    let (cn_name, cn_xml) = there.invoice_ubl(credit.id).unwrap();

    let (app, _) = setup();
    let alone = app
        .preview_invoice_import(vec![(cn_name.clone(), cn_xml.clone())])
        .unwrap();
    assert!(
        alone.items[0]
            .refused
            .as_deref()
            .unwrap()
            .contains("lees die eerst in"),
        "{alone:?}"
    );
    // Both at once, the credit note first in the selection: the invoice is read first.
    let both = app
        .preview_invoice_import(vec![(cn_name, cn_xml), (inv_name, inv_xml)])
        .unwrap();
    assert_eq!(both.importable, 2, "{both:?}");
    let result = app.confirm_invoice_import(&both.token).unwrap();
    let imported_invoice = app.invoice(result.invoice_ids[0]).unwrap();
    assert_eq!(imported_invoice.number, invoice.number);
    let imported_credit = app.invoice(result.invoice_ids[1]).unwrap();
    assert_eq!(imported_credit.totals.total, credit.totals.total);
    assert!(imported_credit.totals.total.starts_with('-'));
}

#[test]
fn an_imported_invoice_cannot_be_changed_and_follows_the_ladder() {
    let (there, client_there) = elsewhere();
    let made = issue(&there, client_there, "100,00");
    let (name, xml) = there.invoice_ubl(made.id).unwrap();
    // Months later, in the Tijdig that follows it up.
    let app = App::open_in_memory()
        .unwrap()
        .with_today(chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap());
    app.save_profile(&profile_form()).unwrap();
    let preview = app.preview_invoice_import(vec![(name, xml)]).unwrap();
    let id = app
        .confirm_invoice_import(&preview.token)
        .unwrap()
        .invoice_ids[0];
    let form = invoice_form(
        1,
        vec![line("Anders", "1", "1,00", VatTreatment::Standard21)],
    );
    assert!(app.update_invoice(id, &form).is_err());
    let invoice = app.invoice(id).unwrap();
    assert_eq!(invoice.status, InvoiceStatus::Overdue, "{invoice:?}");
    let today = app.today_overview().unwrap();
    assert!(
        today
            .clients
            .iter()
            .flat_map(|c| &c.steps)
            .flat_map(|s| &s.invoices)
            .any(|i| i.id == id),
        "Vandaag proposes the next step for the imported invoice: {today:?}"
    );
}

#[test]
fn exports_mark_an_imported_invoice_extern_and_make_no_e_invoice_of_it() {
    let (there, client_there) = elsewhere();
    let made = issue(&there, client_there, "100,00");
    let (name, xml) = there.invoice_ubl(made.id).unwrap();
    let (app, client) = setup();
    let preview = app.preview_invoice_import(vec![(name, xml)]).unwrap();
    let id = app
        .confirm_invoice_import(&preview.token)
        .unwrap()
        .invoice_ids[0];
    let own = issue(&app, client, "50,00");

    let list = app.invoices(&InvoiceQuery::default()).unwrap();
    let externals: Vec<(Option<String>, bool)> = list
        .rows
        .iter()
        .map(|r| (r.number.clone(), r.external))
        .collect();
    assert!(
        externals.contains(&(made.number.clone(), true))
            && externals.contains(&(own.number.clone(), false)),
        "{externals:?}"
    );

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
    let csv = std::fs::read_to_string(Path::new(&out.folder).join("facturen.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(";Status;Herkomst"), "{}", lines[0]);
    assert_eq!(
        lines.iter().filter(|l| l.ends_with(";extern")).count(),
        1,
        "{csv}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.ends_with(";Tijdig")).count(),
        1,
        "{csv}"
    );

    assert_eq!(app.invoice_ubl(id).unwrap_err().code, ErrorCode::Validation);
    let everything = app.export_everything(dir.path()).unwrap();
    assert_eq!(
        everything.e_invoices, 1,
        "only Tijdig's own invoice: {everything:?}"
    );
    assert!(everything.skipped.is_empty(), "{:?}", everything.skipped);
}

fn fixture(name: &str) -> (String, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/einvoices")
        .join(name);
    (name.to_string(), std::fs::read(path).unwrap())
}

#[test]
fn a_moneybird_style_file_imports_with_its_own_pdf_reference_and_a_new_client() {
    let (app, _) = setup();
    let (name, bytes) = fixture("moneybird-style_2026-0031.xml");
    let preview = app
        .preview_invoice_import(vec![(name, bytes.clone())])
        .unwrap();
    assert_eq!(preview.importable, 1, "{preview:?}");
    let item = &preview.items[0];
    assert_eq!(item.client_name.as_deref(), Some("Drukkerij Vos"));
    assert!(item.client_is_new);
    // Moneybird writes no CustomizationID: said, not refused.
    assert_eq!(item.findings.len(), 1, "{:?}", item.findings);
    assert!(item.findings[0].starts_with("[BR-01]"));
    let id = app
        .confirm_invoice_import(&preview.token)
        .unwrap()
        .invoice_ids[0];
    let invoice = app.invoice(id).unwrap();
    assert_eq!(invoice.number.as_deref(), Some("2026-0031"));
    assert_eq!(invoice.totals.total, "484.00");
    assert_eq!(invoice.due_date, "2026-10-15");
    assert_eq!(
        invoice.payment_reference.as_deref(),
        Some("RF18 0000 0000 0539 0075 4703 4")
    );
    assert_eq!(
        (
            invoice.form.lines[0].quantity.as_str(),
            invoice.form.lines[0].unit.as_str()
        ),
        ("4", "stuk")
    );
    let embedded = tijdig_domain::einvoice::read(&bytes)
        .unwrap()
        .pdf
        .unwrap()
        .bytes;
    assert_eq!(pdf_of(&app, id), embedded);
    let client = app.client(invoice.form.client_id.unwrap()).unwrap();
    assert_eq!(client.form.postcode, "9711 AA");
    assert_eq!(client.form.email, "info@drukkerijvos.nl");
}

#[test]
fn an_e_boekhouden_style_file_finds_its_client_by_kvk_and_keeps_the_files_vat() {
    let (app, client) = setup();
    let preview = app
        .preview_invoice_import(vec![fixture("eboekhouden-style_F20260042.xml")])
        .unwrap();
    assert_eq!(preview.importable, 1, "{preview:?}");
    assert!(!preview.items[0].client_is_new);
    let id = app
        .confirm_invoice_import(&preview.token)
        .unwrap()
        .invoice_ids[0];
    let invoice = app.invoice(id).unwrap();
    assert_eq!(invoice.form.client_id, Some(client));
    assert_eq!(invoice.totals.total, "353.95");
    let rows: Vec<(&str, &str)> = invoice
        .totals
        .rows
        .iter()
        .map(|r| (r.base.as_str(), r.vat.as_str()))
        .collect();
    assert_eq!(rows, vec![("270.00", "56.70"), ("25.00", "2.25")]);
    // A line whose quantity × price is not its amount (a discount of its own) is one unit of
    // its amount; the other keeps quantity, unit and price.
    let lines: Vec<(&str, &str, &str)> = invoice
        .form
        .lines
        .iter()
        .map(|l| (l.quantity.as_str(), l.unit.as_str(), l.unit_price.as_str()))
        .collect();
    assert_eq!(lines, vec![("1", "stuk", "270"), ("2", "stuk", "12.5")]);
    assert!(invoice.external.unwrap().pdf_is_copy);
}

#[test]
fn a_list_of_open_invoices_imports_each_good_row_with_what_was_paid_and_names_the_bad_one() {
    let (app, client) = setup();
    let sheet = "factuurnummer;klant;factuurdatum;vervaldatum;bedrag;betaald;kvk\n\
                 2025-118;Bakkerij De Korenbloem B.V.;01-10-2026;15-10-2026;1.210,00;200,00;12345678\n\
                 2025-119;Pieter Bakker;02-10-2026;16-10-2026;95,00;;\n\
                 2025-120;Grafisch Bureau Noord;03-10-2026;17-10-2026;veel;;\n";
    let preview = app
        .preview_invoice_import(vec![("openstaand.csv".into(), sheet.as_bytes().to_vec())])
        .unwrap();
    assert_eq!(preview.importable, 2, "{preview:?}");
    let refused: Vec<&str> = preview
        .items
        .iter()
        .filter_map(|i| i.refused.as_deref())
        .collect();
    assert_eq!(refused, vec!["Regel 4, kolom \u{201c}bedrag\u{201d}: is geen bedrag. Deze factuur is niet ingelezen."]);
    let result = app.confirm_invoice_import(&preview.token).unwrap();
    assert_eq!((result.imported, result.clients_created), (2, 1));
    let first = app.invoice(result.invoice_ids[0]).unwrap();
    assert_eq!(
        first.form.client_id,
        Some(client),
        "found by its KvK number"
    );
    assert_eq!(first.totals.total, "1210.00");
    assert_eq!(first.payments.len(), 1);
    assert_eq!(first.payments[0].amount, "200.00");
    assert_eq!(
        first.external.as_ref().map(|e| e.format.as_str()),
        Some("csv")
    );
    let text = pdf_text(&pdf_of(&app, first.id), "registration")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Registratie factuur 2025-118"), "{text}");
    assert!(text.contains("Dit is niet de factuur zelf"), "{text}");
    let second = app.invoice(result.invoice_ids[1]).unwrap();
    assert_eq!(
        (second.client_name.as_str(), second.totals.total.as_str()),
        ("Pieter Bakker", "95.00")
    );
}

#[test]
fn a_zip_of_e_invoices_is_read_whole_and_a_damaged_one_is_refused() {
    use std::io::Write as _;
    let (there, client_there) = elsewhere();
    let a = issue(&there, client_there, "10,00");
    let b = issue(&there, client_there, "20,00");
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("export-moneybird.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for invoice in [&a, &b] {
        let (name, xml) = there.invoice_ubl(invoice.id).unwrap();
        zip.start_file(format!("facturen/{name}"), options).unwrap();
        zip.write_all(&xml).unwrap();
    }
    zip.start_file("lees-mij.txt", options).unwrap();
    zip.write_all(b"niet mee te nemen").unwrap();
    zip.finish().unwrap();

    let (app, _) = setup();
    let preview = app.preview_invoice_import_paths(&[zip_path]).unwrap();
    assert_eq!(preview.importable, 2, "{preview:?}");
    assert!(
        preview
            .items
            .iter()
            .all(|i| i.file_name.starts_with("export-moneybird.zip/facturen/")),
        "{preview:?}"
    );

    let damaged = dir.path().join("kapot.zip");
    std::fs::write(&damaged, b"PK\x03\x04 dit is geen zip").unwrap();
    let err = app.preview_invoice_import_paths(&[damaged]).unwrap_err();
    assert!(
        err.message
            .starts_with("kapot.zip is geen leesbaar zip-bestand"),
        "{}",
        err.message
    );
}

#[test]
fn a_bank_payment_naming_an_imported_invoice_is_booked_on_it() {
    let (app, _) = setup();
    let preview = app
        .preview_invoice_import(vec![fixture("moneybird-style_2026-0031.xml")])
        .unwrap();
    let id = app
        .confirm_invoice_import(&preview.token)
        .unwrap()
        .invoice_ids[0];
    let csv = "\"Datum\";\"Naam / Omschrijving\";\"Rekening\";\"Tegenrekening\";\"Code\";\"Af Bij\";\"Bedrag (EUR)\";\"Mutatiesoort\";\"Mededelingen\"\n\
               \"20261020\";\"Drukkerij Vos\";\"NL91ABNA0417164300\";\"NL44RABO0123456789\";\"OV\";\"Bij\";\"484,00\";\"Overschrijving\";\"Naam: Drukkerij Vos Omschrijving: factuur 2026-0031\"\n";
    let result = app
        .import_bank_statement("ing.csv", csv.as_bytes())
        .unwrap();
    assert_eq!(result.booked, 1, "{result:?}");
    let invoice = app.invoice(id).unwrap();
    assert_eq!(invoice.payments.len(), 1);
    assert_eq!(invoice.payments[0].amount, "484.00");
}
