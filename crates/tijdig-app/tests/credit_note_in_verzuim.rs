//! A credit note on an invoice in verzuim corrects it from the start: the credited part never
//! bore interest, and the claim is what is left (convention of issue 17: the invoice was wrong
//! from the day it was issued, so no interest can have run on what was not owed).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use chrono::NaiveDate;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::App;

#[test]
fn a_credit_note_on_an_invoice_in_verzuim_takes_the_credited_part_out_from_the_first_day() {
    let dir = tempfile::tempdir().unwrap();
    let on = |y, m, d| {
        App::open(dir.path())
            .unwrap()
            .with_today(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    };
    let app = on(2026, 10, 1);
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    let mut form = invoice_form(
        client,
        vec![
            line("Ontwerp", "10", "100", VatTreatment::Standard21),
            line("Drukwerk", "1", "50", VatTreatment::Reduced9),
        ],
    );
    form.invoice_date = "01-10-2026".into();
    form.payment_term_days = "30".into();
    let invoice = app
        .issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
        .id;

    // In verzuim since 1 November: 22 days at 10,40 % over € 1.264,50 = € 7,93.
    let app = on(2026, 11, 22);
    let claim = |app: &App| {
        app.invoice(invoice)
            .unwrap()
            .default
            .unwrap()
            .claim
            .unwrap()
    };
    let before = claim(&app);
    assert_eq!(
        (before.principal.as_str(), before.interest.as_str()),
        ("1264.50", "7.93")
    );

    // The printing is credited (€ 54,50): over € 1.210,00 only, from the first day.
    let credit = app
        .credit_invoice(
            invoice,
            &CreditRequest {
                line_indexes: vec![1],
            },
        )
        .unwrap();
    app.issue_invoice(credit.id).unwrap();
    let after = claim(&app);
    assert_eq!(
        (
            after.principal.as_str(),
            after.interest.as_str(),
            after.costs.as_str(),
            after.total.as_str()
        ),
        ("1210.00", "7.58", "40.00", "1257.58")
    );
    assert_eq!(app.invoice(invoice).unwrap().outstanding, "1257.58");
}
