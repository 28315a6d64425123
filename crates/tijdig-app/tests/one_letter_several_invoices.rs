//! Several invoices of one consumer in one 14-dagenbrief: one staffel over their summed
//! principal, computed once and allocated once — the letter, each invoice page and the
//! sommatie agree to the cent (reference README, "Collection costs": B2C; issue 17 item 1).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ladder_world;
mod support;

use ladder_world::*;
use support::*;
use tijdig_app::dto::*;

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn one_fourteen_day_letter_over_two_invoices_charges_one_staffel_shared_by_principal() {
    let w = world();
    // A second, small invoice for the same consumer: € 121,00, due 15 October too.
    let app = w.on(d(2026, 10, 1));
    let mut form = invoice_form(
        w.consumer,
        vec![line("Advies", "1", "100,00", VatTreatment::Standard21)],
    );
    form.invoice_date = "01-10-2026".into();
    form.payment_term_days = "14".into();
    let small = app
        .issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
        .id;
    let both = vec![w.b2c_invoice, small];
    let request = |step| LetterRequest {
        client_id: w.consumer,
        step,
        invoice_ids: both.clone(),
        channel: FollowUpChannel::Letter,
    };
    let made = |app: &tijdig_app::App, step| {
        let result = app.produce_letter(&request(step)).unwrap();
        let today = app.today().format("%d-%m-%Y").to_string();
        app.mark_letter_posted(result.letter.id, &today).unwrap();
        let (_, pdf) = app.letter_pdf(result.letter.id).unwrap();
        let text = flat(&pdf_text(
            &pdf,
            &format!("letter-{}", result.letter.reference),
        ));
        (result, text)
    };
    w.on(d(2026, 10, 19))
        .skip_step(&SkipRequest {
            client_id: w.consumer,
            step: FollowUpStep::Reminder,
            invoice_ids: both.clone(),
            note: "Mondeling herinnerd".into(),
        })
        .unwrap();
    made(&w.on(d(2026, 10, 30)), FollowUpStep::Dunning);

    // € 1.210,00 + € 121,00 = € 1.331,00: one staffel of 15 % = € 199,65 — not € 181,50 plus a
    // € 40 minimum for the small one (€ 221,50).
    let (_, text) = made(&w.on(d(2026, 11, 18)), FollowUpStep::FourteenDayLetter);
    assert!(
        text.contains("incassokosten verschuldigd van € 199,65"),
        "{text}"
    );

    // After the term (delivered Friday 20 November, term to 4 December) each invoice bears
    // its share: 15 % of its own principal, € 181,50 and € 18,15.
    let app = w.on(d(2026, 12, 5));
    let costs = |id| {
        app.invoice(id)
            .unwrap()
            .default
            .unwrap()
            .claim
            .unwrap()
            .costs
    };
    assert_eq!(
        (costs(w.b2c_invoice), costs(small)),
        ("181.50".to_string(), "18.15".to_string())
    );
    let pages: rust_decimal::Decimal = both
        .iter()
        .map(|id| {
            app.invoice(*id)
                .unwrap()
                .outstanding
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        })
        .sum();
    // The sommatie asks exactly what the two invoice pages say together.
    let (sommatie, text) = made(&app, FollowUpStep::HandOver);
    assert_eq!(
        sommatie
            .letter
            .total
            .parse::<rust_decimal::Decimal>()
            .unwrap(),
        pages
    );
    assert!(text.contains("€ 199,65"), "{text}");
}
