//! The accountant's CSV export: invoices with btw per rate, payments and clients over a period.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::*;
use tijdig_app::dto::*;
use tijdig_app::ErrorCode;

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
        "2026-0001;Factuur;22-11-2026;22-12-2026;Bakkerij De Korenbloem B.V.;12345678;NL004495445B01;1000,00;210,00;50,00;4,50;0,00;0,00;0,00;1050,00;214,50;1264,50;500,00;764,50;0,00;deels betaald;Tijdig"
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

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// An invoice, its credit note, a payment, a reminder and a draft: everything a move to other
/// software needs.
fn a_year_of_work(data: &std::path::Path) -> (tijdig_app::App, i64, i64) {
    let app = tijdig_app::App::open(data).unwrap().with_today(today());
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    let mut form = invoice_form(
        client,
        vec![line("Ontwerp", "10", "100,00", VatTreatment::Standard21)],
    );
    form.invoice_date = "2026-06-01".into();
    form.delivery_from = "2026-05-01".into();
    form.delivery_to = "2026-05-31".into();
    let invoice = app
        .issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap();
    let credit = app
        .credit_invoice(invoice.id, &CreditRequest::default())
        .unwrap();
    app.issue_invoice(credit.id).unwrap();
    let second = app
        .issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap();
    app.add_payment(
        second.id,
        &PaymentForm {
            paid_on: "01-10-2026".into(),
            amount: "100,00".into(),
            method: PaymentMethod::Bank,
            note: String::new(),
        },
    )
    .unwrap();
    // A week later the reminder is due.
    drop(app);
    let app = tijdig_app::App::open(data)
        .unwrap()
        .with_today(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    app.produce_letter(&LetterRequest {
        client_id: client,
        step: FollowUpStep::Reminder,
        invoice_ids: vec![second.id],
        channel: FollowUpChannel::Letter,
    })
    .unwrap();
    app.create_invoice(&invoice_form(
        client,
        vec![line("Concept", "1", "1", VatTreatment::Standard21)],
    ))
    .unwrap();
    (app, invoice.id, second.id)
}

#[test]
fn everything_is_exported_as_pdfs_e_invoices_csvs_and_a_json_dump_with_checksums() {
    let data = tempfile::tempdir().unwrap();
    let (app, first, second) = a_year_of_work(data.path());
    let dir = tempfile::tempdir().unwrap();
    let out = app.export_everything(dir.path()).unwrap();
    let root = dir.path().join("Tijdig-alles-2026-11-30");
    let _ = std::process::Command::new("cp")
        .arg("-r")
        .arg(&root)
        .status();
    assert_eq!(out.folder, root.display().to_string());
    // Two invoices, one credit note, one letter; each invoice and the credit note as UBL too.
    assert_eq!((out.documents, out.e_invoices), (4, 3), "{out:?}");
    assert!(out.skipped.is_empty(), "{:?}", out.skipped);

    // The PDFs are the stored ones, byte for byte.
    let pdf = std::fs::read(root.join("facturen/Factuur 2026-0001.pdf")).unwrap();
    assert_eq!(pdf, pdf_of(&app, first));
    assert_eq!(
        std::fs::read(root.join("facturen/Factuur 2026-0003.pdf")).unwrap(),
        pdf_of(&app, second)
    );
    assert!(root.join("facturen/Creditfactuur 2026-0002.pdf").exists());
    let ubl = std::fs::read_to_string(root.join("facturen/Factuur 2026-0001.xml")).unwrap();
    assert!(ubl.contains("<cbc:ID>2026-0001</cbc:ID>"), "{ubl}");
    let letters: Vec<String> = std::fs::read_dir(root.join("brieven"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(letters.len(), 1);
    assert!(letters[0].starts_with("Herinnering 2026-B"), "{letters:?}");

    // The accountant's CSVs over all years, drafts left out.
    let csv = std::fs::read_to_string(root.join("boekhouding/facturen.csv")).unwrap();
    assert_eq!(csv.lines().count(), 4, "header + 3 issued:\n{csv}");
    assert!(root.join("boekhouding/betalingen.csv").exists());
    assert!(root.join("boekhouding/klanten.csv").exists());

    // The dump: every table, amounts as stored, the PDF as a reference to its file.
    let dump: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("tijdig.json")).unwrap()).unwrap();
    let tables = dump["tables"].as_object().unwrap();
    for table in [
        "business_profile",
        "clients",
        "invoices",
        "invoice_lines",
        "payments",
        "letters",
    ] {
        assert!(tables.contains_key(table), "{table} missing");
    }
    let invoices = tables["invoices"].as_array().unwrap();
    assert_eq!(invoices.len(), 4, "drafts are data too");
    let row = invoices.iter().find(|r| r["id"] == first).unwrap();
    assert_eq!(row["number"], "2026-0001");
    assert_eq!(row["total"], "1210");
    assert_eq!(row["pdf"]["file"], "facturen/Factuur 2026-0001.pdf");
    assert_eq!(row["pdf"]["sha256"], sha256_hex(&pdf));
    assert_eq!(row["pdf"]["sha256"], row["pdf_sha256"]);
    let payment = &tables["payments"].as_array().unwrap()[0];
    assert_eq!(
        (&payment["invoice_id"], &payment["amount"]),
        (&serde_json::json!(second), &serde_json::json!("100"))
    );
    assert_eq!(dump["schemaVersion"], tijdig_store::SCHEMA_VERSION);

    // SHA256SUMS names every file but itself, with the right hash.
    let sums = std::fs::read_to_string(root.join("SHA256SUMS")).unwrap();
    let mut listed = 0;
    for line in sums.lines() {
        let (sha, path) = line.split_once("  ").unwrap();
        assert_eq!(
            sha,
            sha256_hex(&std::fs::read(root.join(path)).unwrap()),
            "{path}"
        );
        listed += 1;
    }
    assert_eq!(listed + 1, out.files);
    let on_disk = walk(&root);
    assert_eq!(on_disk, out.files, "every file on disk is counted");
    assert!(std::fs::read_to_string(root.join("LEESMIJ.txt"))
        .unwrap()
        .contains("sha256sum -c"));

    // A second export the same day gets its own folder; no half-written folder is left.
    let again = app.export_everything(dir.path()).unwrap();
    assert!(
        again.folder.ends_with("Tijdig-alles-2026-11-30-2"),
        "{}",
        again.folder
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            if path.is_dir() {
                walk(&path)
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn an_export_that_cannot_be_written_leaves_nothing_behind() {
    let data = tempfile::tempdir().unwrap();
    let (app, _, _) = a_year_of_work(data.path());
    let dir = tempfile::tempdir().unwrap();
    // The chosen "folder" is a file: nothing can be made inside it.
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let err = app.export_everything(&file).unwrap_err();
    assert_eq!(err.code, ErrorCode::Storage, "{err:?}");
    assert!(err.message.contains("gekozen map"), "{}", err.message);
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// Every file under `dir` with its mode, and every folder (not `dir` itself).
#[cfg(unix)]
fn modes(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, u32)>) {
    use std::os::unix::fs::PermissionsExt;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        out.push((path.clone(), mode));
        if path.is_dir() {
            modes(&path, out);
        }
    }
}

#[cfg(unix)]
#[test]
fn every_file_tijdig_writes_outside_the_database_is_readable_by_the_user_only() {
    let data = tempfile::tempdir().unwrap();
    let (app, first, _) = a_year_of_work(data.path());
    let out = tempfile::tempdir().unwrap();
    let root = out.path();
    app.export_everything(root).unwrap();
    app.export_csv(
        &CsvExportForm {
            from: "01-01-2026".into(),
            to: "31-12-2026".into(),
            style: CsvStyle::Dutch,
        },
        root,
    )
    .unwrap();
    // The year of work has one client and one letter, the first rows of their tables.
    let (client, letter) = (1, 1);
    app.export_dossier(client, root).unwrap();
    app.write_invoice_pdf(first, &root.join("viewer/pdf"))
        .unwrap();
    app.write_invoice_ubl_to(first, &root.join("Factuur.xml"))
        .unwrap();
    app.write_letter_pdf(letter, &root.join("viewer/pdf"))
        .unwrap();
    app.write_dashboard_report(&root.join("rapport")).unwrap();
    app.make_backup().unwrap();

    let mut written = Vec::new();
    modes(root, &mut written);
    modes(&data.path().join("backups"), &mut written);
    assert!(written.len() > 20, "{written:?}");
    for (path, mode) in &written {
        let expected = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(*mode, expected, "{} is {mode:o}", path.display());
    }
}

/// Btw per kwartaal (issue 21, item 2): invoices of every regime in Q4 2026, a credit note in
/// the quarter, one invoice in Q3 and a draft left out; hand-computed:
/// 1a 1.000 + 300 − 200 = 1.100 (btw 210 + 63 − 42 = 231); 1b 200 (btw 18); 1e 100 (a 0 % line
/// at home) + 2.500 (btw verlegd at home) = 2.600; 3a 800 (0 % to the US); 3b 1.080 (services
/// to a German business) = the ICP list.
#[test]
fn the_quarters_btw_figures_put_every_regime_in_its_rubriek_and_list_the_icp() {
    let (app, nl_client) = setup();
    let issue = |form: &InvoiceForm| {
        let draft = app.create_invoice(form).unwrap();
        app.issue_invoice(draft.id).unwrap()
    };
    let dated = |mut form: InvoiceForm, day: &str| {
        form.invoice_date = day.into();
        form.delivery_from = String::new();
        form.delivery_to = String::new();
        form
    };
    let mixed = issue(&dated(
        invoice_form(
            nl_client,
            vec![
                line("Ontwerp", "10", "100", VatTreatment::Standard21),
                line("Boek", "2", "100", VatTreatment::Reduced9),
                line("Postzegels", "1", "100", VatTreatment::Zero),
            ],
        ),
        "2026-10-05",
    ));
    issue(&dated(
        invoice_form(
            nl_client,
            vec![line("Advies", "3", "100", VatTreatment::Standard21)],
        ),
        "2026-12-31",
    ));
    let credit = app
        .credit_invoice(
            mixed.id,
            &CreditRequest {
                line_indexes: vec![0],
            },
        )
        .unwrap();
    let mut credit_form = credit.form.clone();
    credit_form.lines[0].quantity = "-2".into();
    app.update_invoice(credit.id, &credit_form).unwrap();
    app.issue_invoice(credit.id).unwrap();
    // Outside the quarter, and a draft: not counted.
    issue(&dated(
        invoice_form(
            nl_client,
            vec![line("September", "1", "999", VatTreatment::Standard21)],
        ),
        "2026-09-30",
    ));
    app.create_invoice(&invoice_form(
        nl_client,
        vec![line("Concept", "1", "5000", VatTreatment::Standard21)],
    ))
    .unwrap();

    let mut builder = business_client();
    builder.name = "Bouwbedrijf Kok".into();
    builder.btw_id = "NL004495445B01".into();
    let builder = app.create_client(&builder).unwrap().value.id;
    let mut verlegd = invoice_form(
        builder,
        vec![line(
            "Onderaanneming",
            "25",
            "100",
            VatTreatment::ReverseCharge,
        )],
    );
    verlegd.vat_regime = VatRegime::ReverseCharge;
    issue(&dated(verlegd, "2026-11-02"));

    let mut american = business_client();
    american.name = "Acme Inc.".into();
    american.country = "US".into();
    american.postcode = "10001".into();
    american.city = "New York".into();
    american.kvk = String::new();
    american.btw_id = String::new();
    let american = app.create_client(&american).unwrap().value.id;
    issue(&dated(
        invoice_form(
            american,
            vec![line("Drukwerk", "8", "100", VatTreatment::Zero)],
        ),
        "2026-11-10",
    ));

    let mut german = business_client();
    german.name = "Bäckerei Müller GmbH".into();
    german.street = "Hauptstraße".into();
    german.postcode = "10115".into();
    german.city = "Berlin".into();
    german.country = "DE".into();
    german.kvk = String::new();
    german.btw_id = "DE136695976".into();
    let german = app.create_client(&german).unwrap().value.id;
    let mut intra = invoice_form(
        german,
        vec![line("Webdesign", "12", "90", VatTreatment::Standard21)],
    );
    intra.vat_regime = VatRegime::IntraEu;
    issue(&dated(intra, "2026-11-20"));

    let report = app.vat_return(2026, 4).unwrap();
    let figures: Vec<(&str, &str, Option<&str>)> = report
        .rubrieken
        .iter()
        .map(|r| (r.code.as_str(), r.turnover.as_str(), r.vat.as_deref()))
        .collect();
    assert_eq!(
        figures,
        vec![
            ("1a", "1100.00", Some("231.00")),
            ("1b", "200.00", Some("18.00")),
            ("1e", "2600.00", None),
            ("3a", "800.00", None),
            ("3b", "1080.00", None),
        ]
    );
    assert_eq!(
        report.invoices, 6,
        "five invoices and the credit note of the quarter"
    );
    assert_eq!(report.icp.len(), 1);
    assert_eq!(
        (
            report.icp[0].country.as_str(),
            report.icp[0].btw_id.as_str(),
            report.icp[0].amount.as_str()
        ),
        ("DE", "DE136695976", "1080.00")
    );
    assert_eq!(report.icp_total, "1080.00");
    assert!(report.rubrieken[3]
        .hint
        .as_deref()
        .is_some_and(|h| h.contains("alleen goederen")));
    assert!(!report.kor);

    // The same figures in the PDF and the CSV.
    let (name, pdf) = app.vat_return_pdf(2026, 4).unwrap();
    assert_eq!(name, "Btw 2026-K4.pdf");
    let text = pdf_text(&pdf, "vat-return");
    assert_contains_all(
        &text,
        &[
            "4e kwartaal 2026",
            "€ 1.100,00",
            "€ 231,00",
            "€ 2.600,00",
            "€ 800,00",
            "€ 1.080,00",
            "DE136695976",
        ],
        "btw PDF",
    );
    let dir = tempfile::tempdir().unwrap();
    let csv = app.export_vat_return_csv(2026, 4, dir.path()).unwrap();
    let content = std::fs::read_to_string(csv).unwrap();
    assert!(
        content.contains("1a;Leveringen/diensten belast met hoog tarief;1100,00;231,00"),
        "{content}"
    );
    let icp = std::fs::read_to_string(dir.path().join("icp-2026-K4.csv")).unwrap();
    assert!(
        icp.contains("DE;DE136695976;Bäckerei Müller GmbH;1080,00"),
        "{icp}"
    );
    // Q3 has the September invoice only.
    assert_eq!(
        app.vat_return(2026, 3).unwrap().rubrieken[0].turnover,
        "999.00"
    );
    assert!(app.vat_return(2026, 5).is_err());
}
