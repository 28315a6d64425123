//! The dossier and what follows from letters: the export for an incassobureau, letters in the
//! client's language, the limitation period and a proven delivery date.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ladder_world;
mod support;

use ladder_world::*;
use support::*;
use tijdig_app::dto::*;

#[test]
fn the_dossier_export_holds_a_summary_and_every_document_byte_for_byte() {
    let w = world();
    let app = w.on(d(2026, 10, 19));
    let (result, _) = letter(
        &app,
        w.business,
        FollowUpStep::Reminder,
        w.b2b_invoice,
        FollowUpChannel::Letter,
    );
    app.record_contact(&ContactForm {
        client_id: w.business,
        invoice_ids: vec![w.b2b_invoice],
        kind: DossierKind::Promise,
        step: None,
        outcome: None,
        note: "Betaalt na de jaarafsluiting".into(),
        promised_on: "30-10-2026".into(),
    })
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let folder = app.export_dossier(w.business, out.path()).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "00 Dossier Bakkerij De Korenbloem B.V..pdf",
            "Factuur 2026-0001.pdf",
            "Herinnering 2026-B0001.pdf"
        ]
    );
    let (_, stored) = app.letter_pdf(result.letter.id).unwrap();
    assert_eq!(
        std::fs::read(folder.join("Herinnering 2026-B0001.pdf")).unwrap(),
        stored
    );
    assert_eq!(
        std::fs::read(folder.join("Factuur 2026-0001.pdf")).unwrap(),
        pdf_of(&app, w.b2b_invoice)
    );
    let summary = pdf_text(
        &std::fs::read(folder.join("00 Dossier Bakkerij De Korenbloem B.V..pdf")).unwrap(),
        "dossier-summary",
    );
    let flat = summary.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_contains_all(
        &flat,
        &[
            "Dossier Bakkerij De Korenbloem B.V.",
            "2026-0001",
            "€ 1.210,00",
            "Herinnering",
            "2026-B0001",
            "belooft te betalen op 30-10-2026",
            &result.letter.pdf_sha256,
        ],
        "dossier summary",
    );
}

#[test]
fn a_client_with_english_documents_gets_english_letters() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    let english = app
        .create_client(&ClientForm {
            name: "Harbour Studio Ltd".into(),
            document_language: Language::En,
            kvk: String::new(),
            btw_id: String::new(),
            ..business_client()
        })
        .unwrap()
        .value
        .id;
    let mut form = invoice_form(
        english,
        vec![line("Design", "1", "500,00", VatTreatment::Standard21)],
    );
    form.invoice_date = "01-10-2026".into();
    form.delivery_from = String::new();
    form.delivery_to = String::new();
    form.payment_term_days = "14".into();
    let draft = app.create_invoice(&form).unwrap();
    let invoice = app.issue_invoice(draft.id).unwrap().id;
    let app = w.on(d(2026, 10, 19));
    let (result, text) = letter(
        &app,
        english,
        FollowUpStep::Reminder,
        invoice,
        FollowUpChannel::Email,
    );
    assert_contains_all(
        &text,
        &[
            "Reminder: invoice 2026-0003",
            "Kind regards",
            "Payment details",
        ],
        "english reminder",
    );
    assert!(result.email.unwrap().body.starts_with("Dear Eva de Vries,"));
}

#[test]
fn a_written_demand_restarts_the_limitation_period_and_tijdig_warns_three_months_before() {
    let w = world();
    let app = w.on(d(2026, 10, 16));
    let before = app.invoice(w.b2b_invoice).unwrap().follow_up.unwrap();
    assert!(
        before.limitation.contains("15-10-2031"),
        "{}",
        before.limitation
    );
    let app = w.on(d(2026, 10, 19));
    letter(
        &app,
        w.business,
        FollowUpStep::Reminder,
        w.b2b_invoice,
        FollowUpChannel::Letter,
    );
    let after = app.invoice(w.b2b_invoice).unwrap().follow_up.unwrap();
    assert!(
        after.limitation.contains("19-10-2031"),
        "{}",
        after.limitation
    );
    assert!(!after.limitation_warning);
    assert!(
        w.on(d(2031, 7, 20))
            .invoice(w.b2b_invoice)
            .unwrap()
            .follow_up
            .unwrap()
            .limitation_warning
    );
    // A consumer also sees the two-year term of a sale of goods.
    let consumer = w
        .on(d(2026, 10, 16))
        .invoice(w.b2c_invoice)
        .unwrap()
        .follow_up
        .unwrap();
    assert!(
        consumer.limitation.contains("15-10-2028"),
        "{}",
        consumer.limitation
    );
}

#[test]
fn a_proven_delivery_date_moves_the_consumers_default_and_the_next_letter() {
    let w = world();
    let app = w.on(d(2026, 10, 19));
    app.skip_step(&SkipRequest {
        client_id: w.consumer,
        step: FollowUpStep::Reminder,
        invoice_ids: vec![w.b2c_invoice],
        note: String::new(),
    })
    .unwrap();
    let app = w.on(d(2026, 10, 30));
    let (notice, _) = letter(
        &app,
        w.consumer,
        FollowUpStep::Dunning,
        w.b2c_invoice,
        FollowUpChannel::Letter,
    );
    // Estimated delivery Tuesday 3 November → default from 18 November. Track & trace says
    // Saturday 31 October: the term ends 14 November, default from Sunday 15 November, so the
    // 14-dagenbrief is on Monday 16 November.
    let app = w.on(d(2026, 11, 2));
    let early = app.set_letter_delivered(notice.letter.id, "29-10-2026");
    assert_eq!(early.unwrap_err().fields[0].field, "deliveredOn");
    let dossier = app
        .set_letter_delivered(notice.letter.id, "31-10-2026")
        .unwrap();
    assert_eq!(
        dossier[0].letter.as_ref().unwrap().delivered_on.as_deref(),
        Some("31-10-2026")
    );
    let app = w.on(d(2026, 11, 16));
    assert_eq!(
        steps_for(&app.today_overview().unwrap(), w.consumer)[0].0,
        FollowUpStep::FourteenDayLetter
    );
}
