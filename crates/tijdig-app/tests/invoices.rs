//! Invoices through the use-cases: drafts, pre-flight, issue, payments, credit notes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod support;

use support::*;
use tijdig_app::dto::*;
use tijdig_app::ErrorCode;

#[test]
fn the_editor_preview_computes_totals_per_rate_and_the_due_date_from_the_client_term() {
    let (app, client) = setup();
    let form = invoice_form(
        client,
        vec![
            line("Ontwerp", "10", "85,00", VatTreatment::Standard21),
            line("Drukwerk", "1", "120", VatTreatment::Reduced9),
            line("Reiskosten", "3", "0,335", VatTreatment::Standard21),
        ],
    );
    let preview = app.preview_invoice(None, &form).unwrap();
    let totals = preview.totals.unwrap();
    assert_eq!(totals.line_amounts, ["850.00", "120.00", "1.01"]);
    assert_eq!(totals.subtotal, "971.01");
    assert_eq!(totals.rows.len(), 2);
    assert_eq!(
        (totals.rows[0].base.as_str(), totals.rows[0].vat.as_str()),
        ("851.01", "178.71")
    );
    assert_eq!(
        (totals.rows[1].base.as_str(), totals.rows[1].vat.as_str()),
        ("120.00", "10.80")
    );
    assert_eq!(totals.total, "1160.52");
    assert_eq!(preview.term_days, Some(30));
    assert_eq!(preview.due_date.as_deref(), Some("2026-12-22"));
    assert!(preview.preflight.is_empty(), "{:?}", preview.preflight);
}

#[test]
fn a_line_that_cannot_be_read_is_reported_at_its_cell_and_nothing_is_saved() {
    let (app, client) = setup();
    let form = invoice_form(
        client,
        vec![line("Ontwerp", "twee", "85", VatTreatment::Standard21)],
    );
    let err = app.create_invoice(&form).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.fields[0].field, "lines.0.quantity");
    assert!(app
        .invoices(&InvoiceQuery::default())
        .unwrap()
        .rows
        .is_empty());
}

#[test]
fn the_preflight_blocks_issue_until_the_missing_btw_id_is_filled_in() {
    let (app, client) = setup();
    let mut profile = profile_form();
    profile.btw_id = String::new();
    app.save_profile(&profile).unwrap();
    let draft = app
        .create_invoice(&invoice_form(
            client,
            vec![line("Ontwerp", "2", "85", VatTreatment::Standard21)],
        ))
        .unwrap();
    assert_eq!(draft.status, InvoiceStatus::Draft);
    assert_eq!(draft.preflight.len(), 1);
    assert!(
        draft.preflight[0]
            .message
            .contains("btw-identificatienummer"),
        "{:?}",
        draft.preflight
    );
    let refused = app.issue_invoice(draft.id).unwrap_err();
    assert_eq!(refused.fields, draft.preflight);
    assert_eq!(app.invoice(draft.id).unwrap().number, None);

    app.save_profile(&profile_form()).unwrap();
    let issued = app.issue_invoice(draft.id).unwrap();
    assert_eq!(issued.number.as_deref(), Some("2026-0001"));
    assert_eq!(issued.status, InvoiceStatus::Open);
    assert_eq!(issued.payment_reference.as_deref(), Some("RF31 2026 0001"));
    assert_eq!(issued.pdf_sha256.as_ref().map(String::len), Some(64));
}

#[test]
fn an_issued_invoice_cannot_be_edited_or_deleted_but_can_be_duplicated() {
    let (app, client) = setup();
    let form = invoice_form(
        client,
        vec![line("Ontwerp", "2", "85", VatTreatment::Standard21)],
    );
    let draft = app.create_invoice(&form).unwrap();
    app.issue_invoice(draft.id).unwrap();
    let err = app.update_invoice(draft.id, &form).unwrap_err();
    assert!(err.message.contains("creditfactuur"), "{}", err.message);
    assert!(app.delete_invoice(draft.id).is_err());
    let copy = app.duplicate_invoice(draft.id).unwrap();
    assert_eq!(copy.number, None);
    assert_eq!(copy.form.lines, app.invoice(draft.id).unwrap().form.lines);
    app.delete_invoice(copy.id).unwrap();
}

#[test]
fn partial_and_remaining_payments_make_it_paid_and_overpayment_is_refused() {
    let (app, client) = setup();
    let draft = app
        .create_invoice(&invoice_form(
            client,
            vec![line("Ontwerp", "10", "100", VatTreatment::Standard21)],
        ))
        .unwrap();
    let issued = app.issue_invoice(draft.id).unwrap();
    assert_eq!(issued.outstanding, "1210.00");
    assert!(issued.payable);
    let pay = |amount: &str| PaymentForm {
        paid_on: "2026-11-22".into(),
        amount: amount.into(),
        method: PaymentMethod::Bank,
        note: String::new(),
    };
    let after = app.add_payment(draft.id, &pay("500,00")).unwrap();
    assert_eq!(
        (after.status, after.outstanding.as_str()),
        (InvoiceStatus::PartlyPaid, "710.00")
    );
    let err = app.add_payment(draft.id, &pay("710,01")).unwrap_err();
    assert_eq!(err.fields[0].field, "amount");
    assert!(
        err.fields[0].message.contains("€ 710,00"),
        "{}",
        err.fields[0].message
    );
    let paid = app.add_payment(draft.id, &pay("710")).unwrap();
    assert_eq!(
        (paid.status, paid.outstanding.as_str()),
        (InvoiceStatus::Paid, "0.00")
    );
    assert_eq!(paid.payments.len(), 2);
    assert!(!paid.payable, "nothing left to pay");
}

#[test]
fn an_invoice_past_its_due_date_is_overdue() {
    let (app, client) = setup();
    let mut form = invoice_form(
        client,
        vec![line("Ontwerp", "1", "100", VatTreatment::Standard21)],
    );
    form.invoice_date = "2026-10-01".into();
    form.delivery_from = String::new();
    form.delivery_to = String::new();
    let draft = app.create_invoice(&form).unwrap();
    let issued = app.issue_invoice(draft.id).unwrap();
    assert_eq!(issued.due_date, "2026-10-31");
    assert_eq!(issued.status, InvoiceStatus::Overdue);
    let overdue = InvoiceQuery {
        status: Some(InvoiceStatus::Overdue),
        ..InvoiceQuery::default()
    };
    assert_eq!(app.invoices(&overdue).unwrap().rows.len(), 1);
}

#[test]
fn crediting_chosen_lines_makes_a_negative_credit_note_that_refers_to_the_original() {
    let (app, client) = setup();
    let draft = app
        .create_invoice(&invoice_form(
            client,
            vec![
                line("Ontwerp", "10", "100", VatTreatment::Standard21),
                line("Drukwerk", "1", "50", VatTreatment::Reduced9),
            ],
        ))
        .unwrap();
    app.issue_invoice(draft.id).unwrap();
    let credit = app
        .credit_invoice(
            draft.id,
            &CreditRequest {
                line_indexes: vec![1],
            },
        )
        .unwrap();
    assert_eq!(credit.form.kind, InvoiceKind::CreditNote);
    assert_eq!(credit.form.lines.len(), 1);
    assert_eq!(credit.form.lines[0].quantity, "-1");
    assert_eq!(credit.totals.total, "-54.50");
    assert_eq!(credit.credits.as_ref().map(|c| c.id), Some(draft.id));
    assert!(credit.preflight.is_empty(), "{:?}", credit.preflight);
    let issued = app.issue_invoice(credit.id).unwrap();
    assert_eq!(issued.number.as_deref(), Some("2026-0002"));
    let original = app.invoice(draft.id).unwrap();
    assert_eq!(original.outstanding, "1210.00"); // 1264.50 − 54.50
    assert_eq!(original.credit_notes.len(), 1);

    let full = app
        .credit_invoice(draft.id, &CreditRequest::default())
        .unwrap();
    assert_eq!(full.form.lines.len(), 2);
}

#[test]
fn the_number_prefix_setting_is_validated_and_used() {
    let (app, client) = setup();
    let bad = InvoiceSettings {
        number_prefix: "F 1!".into(),
        reference_kind: ReferenceKind::Dutch16,
        payment_link: String::new(),
    };
    assert_eq!(
        app.save_invoice_settings(&bad).unwrap_err().fields[0].field,
        "numberPrefix"
    );
    let good = InvoiceSettings {
        number_prefix: "F".into(),
        reference_kind: ReferenceKind::Dutch16,
        payment_link: String::new(),
    };
    app.save_invoice_settings(&good).unwrap();
    let mut form = invoice_form(
        client,
        vec![line("Ontwerp", "1", "100", VatTreatment::Standard21)],
    );
    form.reference_kind = app.state().unwrap().reference_kind;
    let draft = app.create_invoice(&form).unwrap();
    let issued = app.issue_invoice(draft.id).unwrap();
    assert_eq!(issued.number.as_deref(), Some("F2026-0001"));
    assert_eq!(
        issued.payment_reference.map(|r| r.replace(' ', "").len()),
        Some(16)
    );
}

#[test]
fn the_list_searches_by_number_or_client_and_sorts_by_due_date() {
    let (app, client) = setup();
    for (date, qty) in [("2026-11-01", "1"), ("2026-10-01", "2")] {
        let mut form = invoice_form(
            client,
            vec![line("Ontwerp", qty, "100", VatTreatment::Standard21)],
        );
        form.invoice_date = date.into();
        form.delivery_from = String::new();
        form.delivery_to = String::new();
        let draft = app.create_invoice(&form).unwrap();
        app.issue_invoice(draft.id).unwrap();
    }
    let all = app.invoices(&InvoiceQuery::default()).unwrap().rows;
    assert_eq!(all[0].due_date, "2026-10-31");
    let found = app
        .invoices(&InvoiceQuery {
            search: "0002".into(),
            ..InvoiceQuery::default()
        })
        .unwrap()
        .rows;
    assert_eq!(found.len(), 1);
    let by_client = app
        .invoices(&InvoiceQuery {
            search: "korenbloem".into(),
            ..InvoiceQuery::default()
        })
        .unwrap()
        .rows;
    assert_eq!(by_client.len(), 2);
}

#[test]
fn an_overdue_b2b_invoice_shows_commercial_interest_and_40_euro_costs_from_the_first_day_of_default(
) {
    let (app, client) = setup();
    let mut form = invoice_form(
        client,
        vec![line("Ontwerp", "1", "100", VatTreatment::Standard21)],
    );
    form.invoice_date = "2026-10-01".into();
    form.delivery_from = String::new();
    form.delivery_to = String::new();
    let draft = app.create_invoice(&form).unwrap();
    let issued = app.issue_invoice(draft.id).unwrap();
    assert_eq!(issued.due_date, "2026-10-31");
    let claim = issued.default.unwrap().claim.unwrap();
    assert_eq!(
        (claim.first_day.as_str(), claim.until.as_str()),
        ("01-11-2026", "22-11-2026")
    );
    assert!(
        claim.interest_label.contains("handelsrente"),
        "{}",
        claim.interest_label
    );
    assert_eq!(claim.segments.iter().map(|s| s.days).sum::<i64>(), 22);
    let rate: f64 = claim.segments[0].rate.parse().unwrap();
    let expected = (121.0 * rate / 100.0 * 22.0 / 365.0 * 100.0).round() / 100.0;
    assert_eq!(claim.interest, format!("{expected:.2}"));
    assert_eq!(claim.costs, "40.00");
    assert!(
        claim.costs_note.contains("€ 40,00 vanaf 01-11-2026"),
        "{}",
        claim.costs_note
    );
    let total: f64 = claim.total.parse().unwrap();
    assert!(
        (total - (121.0 + expected + 40.0)).abs() < 0.005,
        "{}",
        claim.total
    );
}

#[test]
fn an_overdue_consumer_is_not_in_default_without_a_notice_and_is_charged_nothing() {
    let (app, _) = setup();
    let mut consumer = business_client();
    consumer.kind = ClientKind::Consumer;
    consumer.name = "Pieter Bakker".into();
    let client = app.create_client(&consumer).unwrap().value.id;
    let mut form = invoice_form(
        client,
        vec![line("Ontwerp", "1", "100", VatTreatment::Standard21)],
    );
    form.invoice_date = "2026-10-01".into();
    let draft = app.create_invoice(&form).unwrap();
    let issued = app.issue_invoice(draft.id).unwrap();
    let info = issued.default.unwrap();
    assert!(info.claim.is_none());
    assert!(info.explanation.unwrap().contains("ingebrekestelling"));
}

#[test]
fn an_invoice_that_is_not_overdue_has_no_default_information() {
    let (app, client) = setup();
    let draft = app
        .create_invoice(&invoice_form(
            client,
            vec![line("Ontwerp", "1", "100", VatTreatment::Standard21)],
        ))
        .unwrap();
    assert_eq!(app.issue_invoice(draft.id).unwrap().default, None);
}

#[test]
fn a_large_company_debtor_is_in_default_after_30_days_even_with_a_longer_agreed_term() {
    let (app, _) = setup();
    let first_day = |large: bool, name: &str| {
        let mut client = business_client();
        client.name = name.into();
        client.large_company = large;
        client.payment_term_days = "60".into();
        let id = app.create_client(&client).unwrap().value.id;
        let mut form = invoice_form(
            id,
            vec![line("Ontwerp", "1", "100", VatTreatment::Standard21)],
        );
        form.invoice_date = "2026-09-01".into();
        form.delivery_from = String::new();
        form.delivery_to = String::new();
        let draft = app.create_invoice(&form).unwrap();
        let issued = app.issue_invoice(draft.id).unwrap();
        let day = issued.default.unwrap().claim.unwrap().first_day;
        chrono::NaiveDate::parse_from_str(&day, "%d-%m-%Y").unwrap()
    };
    let normal = first_day(false, "Kleine klant");
    let large = first_day(true, "Grote klant N.V.");
    assert_eq!(
        normal,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
    );
    assert!(
        large <= chrono::NaiveDate::from_ymd_opt(2026, 10, 3).unwrap(),
        "{large}"
    );
}

/// A business with one business client, on `today`.
fn setup_on(today: chrono::NaiveDate) -> (tijdig_app::App, i64) {
    let app = tijdig_app::App::open_in_memory().unwrap().with_today(today);
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value;
    (app, client.id)
}

fn issued_on(app: &tijdig_app::App, client: i64, date: &str) -> Invoice {
    let mut form = invoice_form(
        client,
        vec![line("Ontwerp", "1", "1000", VatTreatment::Standard21)],
    );
    form.invoice_date = date.into();
    form.delivery_from = String::new();
    form.delivery_to = String::new();
    let draft = app.create_invoice(&form).unwrap();
    app.issue_invoice(draft.id).unwrap()
}

#[test]
fn from_1_july_2026_the_claim_uses_the_handelsrente_of_10_40_percent() {
    let (app, client) = setup();
    let issued = issued_on(&app, client, "2026-10-01");
    let claim = issued.default.unwrap().claim.unwrap();
    // 01-11-2026 … 22-11-2026: 22 days à 10,40 % over € 1.210,00 = € 7,58.
    assert_eq!(claim.segments.len(), 1);
    assert_eq!(claim.segments[0].rate, "10.40");
    assert_eq!(claim.interest, "7.58");
    assert_eq!(claim.total, "1257.58");
    assert_eq!(
        claim.rate_warning, None,
        "the table is current in November 2026"
    );
}

#[test]
fn a_claim_more_than_six_months_after_the_newest_rate_says_the_table_may_be_old() {
    let (app, client) = setup_on(chrono::NaiveDate::from_ymd_opt(2027, 2, 15).unwrap());
    let issued = issued_on(&app, client, "2026-12-01");
    let claim = issued.default.unwrap().claim.unwrap();
    assert_eq!(
        claim.rate_warning.as_deref(),
        Some("Rentetabel mogelijk niet actueel: controleer de wettelijke handelsrente per 01-01-2027.")
    );
    // The figure itself still uses the newest row.
    assert!(claim.segments.iter().all(|s| s.rate == "10.40"));
}

#[test]
fn a_missing_rate_is_an_error_on_the_claim_card_not_a_client_out_of_default() {
    // The shipped table starts on 1 July 2014: verzuim from 1 February 2014 has no rate.
    let (app, client) = setup_on(chrono::NaiveDate::from_ymd_opt(2014, 3, 1).unwrap());
    let issued = issued_on(&app, client, "2014-01-01");
    let info = issued.default.unwrap();
    assert_eq!(info.claim, None);
    assert_eq!(info.explanation, None);
    let problem = info.problem.unwrap();
    assert!(problem.starts_with("Rentetabel onvolledig: "), "{problem}");
    assert!(problem.contains("01-02-2014"), "{problem}");
}

#[test]
fn a_payment_link_is_checked_shown_before_saving_and_printed_on_the_invoice_and_its_email() {
    let (app, client) = setup();
    let settings = |link: &str| InvoiceSettings {
        number_prefix: String::new(),
        reference_kind: ReferenceKind::Rf,
        payment_link: link.into(),
    };
    // Only https, a fixed host, known placeholders — refused at the field, nothing saved.
    for (bad, code) in [
        ("http://bunq.me/studio/{bedrag}", "payment_link_https"),
        ("https://{kenmerk}.example.nl/", "payment_link_host"),
        (
            "https://bunq.me/studio/{amount}",
            "payment_link_placeholder",
        ),
    ] {
        let err = app.save_invoice_settings(&settings(bad)).unwrap_err();
        assert_eq!(
            (err.fields[0].field.as_str(), err.fields[0].code.as_str()),
            ("paymentLink", code),
            "{bad}"
        );
    }
    assert_eq!(app.invoice_settings().unwrap().payment_link, "");
    let template = "https://bunq.me/studiojansen/{bedrag}/{kenmerk}";
    assert_eq!(
        app.payment_link_example(template).unwrap().link.as_deref(),
        Some("https://bunq.me/studiojansen/1234.56/RF18539007547034")
    );
    app.save_invoice_settings(&settings(template)).unwrap();

    let draft = app
        .create_invoice(&invoice_form(
            client,
            vec![line("Ontwerp", "10", "100", VatTreatment::Standard21)],
        ))
        .unwrap();
    let issued = app.issue_invoice(draft.id).unwrap();
    let reference = issued.payment_reference.clone().unwrap().replace(' ', "");
    let link = format!("https://bunq.me/studiojansen/1210.00/{reference}");
    let text = pdf_text(&pdf_of(&app, issued.id), "payment-link");
    let printed: String = text.split_whitespace().collect();
    assert!(printed.contains("Onlinebetalen"), "{text}");
    assert!(printed.contains(&link), "{text}");
    let email = app.invoice_email_draft(issued.id).unwrap();
    assert!(
        email
            .body
            .contains(&format!("Je kunt ook meteen online betalen: {link}")),
        "{}",
        email.body
    );
    // Without a template nothing changes: no row, no line.
    app.save_invoice_settings(&settings("")).unwrap();
    let plain = app
        .issue_invoice(
            app.create_invoice(&invoice_form(
                client,
                vec![line("Ontwerp", "1", "100", VatTreatment::Standard21)],
            ))
            .unwrap()
            .id,
        )
        .unwrap();
    assert!(!pdf_text(&pdf_of(&app, plain.id), "no-payment-link").contains("Online betalen"));
    assert!(!app
        .invoice_email_draft(plain.id)
        .unwrap()
        .body
        .contains("online"));
}
