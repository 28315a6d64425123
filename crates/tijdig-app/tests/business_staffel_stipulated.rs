//! A business client who accepted an offer with the late-payment clause (fatale termijn,
//! handelsrente, the staffel with a € 40 minimum) owes the staffel instead of the fixed € 40;
//! one letter about several of its invoices names one staffel over them, at least € 40 each
//! (reference README, "Collection costs": B2B; issue 17 item 6).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ladder_world;
mod offer_support;
mod support;

use ladder_world::*;
use offer_support::*;
use support::*;
use tijdig_app::dto::*;

fn costs(app: &tijdig_app::App, invoice: i64) -> String {
    app.invoice(invoice)
        .unwrap()
        .default
        .unwrap()
        .claim
        .unwrap()
        .costs
}

#[test]
fn accepted_terms_with_the_staffel_charge_it_per_invoice_and_one_staffel_per_letter() {
    let w = world();
    // Without accepted terms: the fixed € 40 (art. 6:96 lid 4 BW).
    assert_eq!(costs(&w.on(d(2026, 10, 20)), w.b2b_invoice), "40.00");

    let app = w.on(d(2026, 10, 1));
    app.add_terms_document("av.pdf", &terms_pdf("Artikel 1 van de voorwaarden."))
        .unwrap();
    let offer = app
        .save_offer(None, &website_offer(&app, w.business))
        .unwrap();
    app.finalise_offer(offer.id).unwrap();
    app.accept_offer(
        offer.id,
        &AcceptanceForm {
            how: AcceptedHow::Email,
            on: "30-09-2026".into(),
            by: "Eva de Vries".into(),
        },
    )
    .unwrap();
    // A second, small invoice for the same business, also due 15 October.
    let mut form = invoice_form(
        w.business,
        vec![line("Advies", "1", "100,00", VatTreatment::Standard21)],
    );
    form.invoice_date = "01-10-2026".into();
    form.payment_term_days = "14".into();
    let small = app
        .issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
        .id;

    // The staffel from the first day of verzuim: 15 % of € 1.210,00, and € 40 at least.
    let app = w.on(d(2026, 10, 20));
    assert_eq!(costs(&app, w.b2b_invoice), "181.50");
    assert_eq!(costs(&app, small), "40.00");
    let note = app
        .invoice(w.b2b_invoice)
        .unwrap()
        .default
        .unwrap()
        .claim
        .unwrap()
        .costs_note;
    assert!(
        note.contains("staffel volgens de geaccepteerde voorwaarden"),
        "{note}"
    );
    // The consumer accepted nothing: unchanged.
    assert!(app
        .invoice(w.b2c_invoice)
        .unwrap()
        .default
        .unwrap()
        .claim
        .is_none());

    // One aanmaning about both, posted 30 October: one staffel over € 1.331,00 (€ 199,65),
    // € 40 each plus the € 119,65 above that by principal: € 148,77 and € 50,87.
    w.on(d(2026, 10, 19))
        .skip_step(&SkipRequest {
            client_id: w.business,
            step: FollowUpStep::Reminder,
            invoice_ids: vec![w.b2b_invoice, small],
            note: "Gebeld".into(),
        })
        .unwrap();
    let app = w.on(d(2026, 10, 30));
    let result = app
        .produce_letter(&LetterRequest {
            client_id: w.business,
            step: FollowUpStep::Dunning,
            invoice_ids: vec![w.b2b_invoice, small],
            channel: FollowUpChannel::Letter,
        })
        .unwrap();
    // Made, not posted: each invoice still bears its own staffel.
    assert_eq!(costs(&app, small), "40.00");
    app.mark_letter_posted(result.letter.id, "30-10-2026")
        .unwrap();
    assert_eq!(
        (costs(&app, w.b2b_invoice), costs(&app, small)),
        ("148.77".to_string(), "50.87".to_string())
    );
    // The letter asked the same: principal, interest and these costs.
    let pages: rust_decimal::Decimal = [w.b2b_invoice, small]
        .iter()
        .map(|id| {
            app.invoice(*id)
                .unwrap()
                .outstanding
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        })
        .sum();
    assert_eq!(
        result
            .letter
            .total
            .parse::<rust_decimal::Decimal>()
            .unwrap(),
        pages
    );
}
