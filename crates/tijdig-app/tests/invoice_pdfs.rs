//! Every factuurvereiste (nl-rules-sources §1.1) is in the issued PDF's text, for each kind of
//! invoice; `qpdf --check` passes on each. The PDFs land in `target/invoice-pdfs/` to look at.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod support;

use support::*;
use tijdig_app::dto::*;

/// What every full btw-invoice carries: both parties' names and addresses, the seller's
/// btw-id and KvK, date, number, payment details.
const SELLER_AND_BUYER: &[&str] = &[
    "Studio Jansen",
    "Keizersgracht 12a",
    "1015 CJ",
    "Amsterdam",
    "Bakkerij De Korenbloem B.V.",
    "t.a.v. Eva de Vries",
    "Dorpsstraat 1",
    "3511 AB",
    "Utrecht",
    "NL000099998B57",
    "KvK 01234567",
    "Factuurdatum",
    "22-11-2026",
];

fn issue(app: &tijdig_app::App, form: &InvoiceForm, name: &str) -> (Invoice, String) {
    let draft = app.create_invoice(form).unwrap();
    let issued = app.issue_invoice(draft.id).unwrap();
    let text = pdf_text(&pdf_of(app, issued.id), name);
    (issued, text)
}

#[test]
fn a_normal_b2b_invoice_carries_every_factuurvereiste() {
    let (app, client) = setup();
    let form = invoice_form(
        client,
        vec![
            line("Ontwerp huisstijl", "10", "85,00", VatTreatment::Standard21),
            line(
                "Drukwerk visitekaartjes",
                "1",
                "120",
                VatTreatment::Reduced9,
            ),
            line("Reiskosten", "3", "0,335", VatTreatment::Standard21),
        ],
    );
    let (issued, text) = issue(&app, &form, "b2b");
    assert_contains_all(&text, SELLER_AND_BUYER, "B2B");
    assert_contains_all(
        &text,
        &[
            "Factuur",
            "2026-0001",
            "02-11-2026 – 20-11-2026",
            "Vervaldatum",
            "22-12-2026",
            "Ontwerp huisstijl",
            "€ 85,00",
            "€ 850,00",
            "€ 0,335", // a unit price keeps its decimals
            "€ 1,01",
            "21%",
            "9%",
            "€ 971,01",
            "€ 178,71",
            "€ 10,80",
            "€ 1.160,52",
            "NL91 ABNA 0417 1643 00",
            "S. Jansen",
            "RF",             // payment reference
            "NL004495445B01", // the client's btw-id, printed when known
            "pagina 1 van 1",
        ],
        "B2B",
    );
    assert!(text.contains(issued.payment_reference.as_deref().unwrap()));
}

#[test]
fn a_kor_invoice_shows_no_btw_amounts_and_states_the_kor() {
    let (app, client) = setup();
    let mut profile = profile_form();
    profile.kor = true;
    app.save_profile(&profile).unwrap();
    let mut form = invoice_form(
        client,
        vec![line("Coaching", "2", "75", VatTreatment::Standard21)],
    );
    form.vat_regime = VatRegime::Kor;
    let (issued, text) = issue(&app, &form, "kor");
    assert_eq!(issued.totals.total, "150.00");
    assert_contains_all(&text, SELLER_AND_BUYER, "KOR");
    assert_contains_all(&text, &["kleineondernemersregeling", "€ 150,00"], "KOR");
    assert!(
        !text.contains("21%"),
        "a KOR invoice shows no btw rate:\n{text}"
    );
    assert!(
        !text.contains("€ 31,50"),
        "a KOR invoice shows no btw amount:\n{text}"
    );
}

#[test]
fn a_reverse_charge_invoice_prints_btw_verlegd_and_the_clients_btw_id() {
    let (app, client) = setup();
    let mut form = invoice_form(
        client,
        vec![line("Montage", "8", "60", VatTreatment::Standard21)],
    );
    form.vat_regime = VatRegime::ReverseCharge;
    let (issued, text) = issue(&app, &form, "reverse-charge");
    assert_eq!(issued.totals.total, "480.00");
    assert_contains_all(&text, SELLER_AND_BUYER, "verlegd");
    assert_contains_all(&text, &["verlegd", "NL004495445B01", "€ 480,00"], "verlegd");
    assert!(
        !text.contains("€ 100,80"),
        "no btw amount is charged:\n{text}"
    );
}

#[test]
fn a_credit_note_refers_to_the_original_and_has_negative_amounts() {
    let (app, client) = setup();
    let form = invoice_form(
        client,
        vec![line("Ontwerp", "10", "100", VatTreatment::Standard21)],
    );
    let draft = app.create_invoice(&form).unwrap();
    app.issue_invoice(draft.id).unwrap();
    let credit = app
        .credit_invoice(draft.id, &CreditRequest::default())
        .unwrap();
    let issued = app.issue_invoice(credit.id).unwrap();
    let text = pdf_text(&pdf_of(&app, issued.id), "credit-note");
    assert_contains_all(&text, SELLER_AND_BUYER, "credit note");
    assert_contains_all(
        &text,
        &[
            "Creditfactuur",
            "2026-0002",
            "Crediteert factuur",
            "2026-0001 (22-11-2026)",
            "€ -1.210,00",
            "€ -210,00",
        ],
        "credit note",
    );
    assert!(
        !text.contains("Betaalgegevens"),
        "a credit note asks for no payment:\n{text}"
    );
}

#[test]
fn a_sixty_line_invoice_breaks_across_pages_with_repeated_headers_and_totals_at_the_end() {
    let (app, client) = setup();
    let lines = (1..=60)
        .map(|i| {
            let description = if i % 7 == 0 {
                format!("Regel {i}: uitgebreide werkzaamheden aan de website, inclusief overleg, ontwerp van de schermen, bouw en testen op telefoon en laptop")
            } else {
                format!("Regel {i}: ontwerpwerk")
            };
            line(&description, "1", "10", VatTreatment::Standard21)
        })
        .collect();
    let (issued, text) = issue(&app, &invoice_form(client, lines), "sixty-lines");
    assert_eq!(issued.totals.total, "726.00");
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(
        pages.len() >= 2,
        "expected at least 2 pages, got {}",
        pages.len()
    );
    for (i, page) in pages.iter().enumerate() {
        if page.contains("Regel ") {
            assert!(
                page.contains("Omschrijving"),
                "page {} repeats the table header",
                i + 1
            );
        }
        assert!(
            page.contains(&format!("pagina {} van {}", i + 1, pages.len())),
            "page {} is numbered",
            i + 1
        );
    }
    let last = pages.last().unwrap();
    assert_contains_all(last, &["€ 726,00", "Betaalgegevens"], "last page");
    assert!(text.contains("Regel 60"));
    assert!(
        !pages[0].contains("€ 726,00"),
        "the total is not on the first page"
    );
}

#[test]
fn a_client_with_english_documents_gets_an_english_invoice() {
    let (app, _) = setup();
    let mut english = business_client();
    english.name = "Northwind Ltd".into();
    english.document_language = Language::En;
    let client = app.create_client(&english).unwrap().value.id;
    let form = invoice_form(
        client,
        vec![line("Logo design", "10", "85", VatTreatment::Standard21)],
    );
    let (_, text) = issue(&app, &form, "english");
    assert_contains_all(
        &text,
        &[
            "Invoice",
            "Invoice number",
            "22 November 2026",
            "Amount due",
            "€1,028.50",
            "Payment details",
            "page 1 of 1",
        ],
        "English",
    );
    assert!(!text.contains("Factuurnummer"), "no Dutch labels:\n{text}");
}

/// A long description is printed whole — wrapped over lines and, when it does not fit, over
/// pages — never cut with "…", and the first page is not left empty (issue "Every month's
/// invoicing", item 6: a 2,000-character description was cut after ~1,740 characters).
#[test]
fn a_two_thousand_character_description_is_printed_whole_from_the_first_page_on() {
    let (app, client) = setup();
    let words: Vec<String> = (1..=222).map(|i| format!("woord{i:03}")).collect();
    let description = words.join(" ");
    assert_eq!(description.chars().count(), 1_997);
    let lines = vec![
        line("Intake", "1", "50", VatTreatment::Standard21),
        line(&description, "1", "950", VatTreatment::Standard21),
    ];
    let (issued, text) = issue(&app, &invoice_form(client, lines), "long-description");
    assert_eq!(issued.totals.total, "1210.00");
    assert!(!text.contains('…'), "nothing is cut off");
    let flat: Vec<&str> = text.split_whitespace().collect();
    for w in &words {
        assert!(flat.contains(&w.as_str()), "{w} is printed");
    }
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 2, "{}", pages.len());
    assert!(
        pages[0].contains("woord001"),
        "the description starts on the first page:\n{}",
        pages[0]
    );
    assert!(pages.last().unwrap().contains("woord222"));
    assert!(pages.last().unwrap().contains("€ 1.210,00"));
}

/// A character the document font cannot print is refused at its field, never an empty box in
/// the PDF; everything DejaVu Sans prints (accents, €, Greek, Cyrillic) is fine.
#[test]
fn a_character_the_font_cannot_print_is_refused_at_its_field() {
    let (app, client) = setup();
    let mut form = invoice_form(
        client,
        vec![line(
            "Logo-ontwerp 🎨 voor café Ærø",
            "1",
            "100",
            VatTreatment::Standard21,
        )],
    );
    form.note = "Met dank — Ελληνικά, кириллица, 中文".into();
    let err = app.create_invoice(&form).unwrap_err();
    let fields: Vec<(&str, &str)> = err
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code.as_str()))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("note", "unprintable"),
            ("lines.0.description", "unprintable")
        ]
    );
    assert!(err.fields[1].message.starts_with(
        "Het teken \u{201c}🎨\u{201d} kan niet op de factuur of brief worden gedrukt"
    ));
    form.lines[0].description = "Logo-ontwerp voor café Ærø".into();
    form.note = "Met dank — Ελληνικά, кириллица".into();
    let (_, text) = issue(&app, &form, "printable");
    assert!(
        text.contains("café Ærø") && text.contains("Ελληνικά"),
        "{text}"
    );
}
