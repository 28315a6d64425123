//! The cumulatieregeling (Besluit BIK as amended by Stb. 2024, 44) limits the costs on small
//! recurring claims against one consumer. Its operative text could not be confirmed, so Tijdig
//! flags such a claim and charges no costs on it automatically (issue 17 item 9).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ladder_world;
mod support;

use ladder_world::*;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::App;

fn small_invoice(app: &App, client: i64, date: &str) -> i64 {
    let mut form = invoice_form(
        client,
        vec![line("Advies", "1", "100,00", VatTreatment::Standard21)],
    );
    form.invoice_date = date.into();
    form.payment_term_days = "14".into();
    app.issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
        .id
}

fn skip(app: &App, client: i64, invoice: i64, step: FollowUpStep) {
    app.skip_step(&SkipRequest {
        client_id: client,
        step,
        invoice_ids: vec![invoice],
        note: String::new(),
    })
    .unwrap();
}

fn claim(app: &App, invoice: i64) -> Claim {
    app.invoice(invoice)
        .unwrap()
        .default
        .unwrap()
        .claim
        .unwrap()
}

#[test]
fn a_small_consumer_claim_after_another_fourteen_day_letter_gets_no_costs_automatically() {
    let w = world();
    // € 121,00 on 1 October and € 121,00 on 1 November, both for the same consumer.
    let first = small_invoice(&w.on(d(2026, 10, 1)), w.consumer, "01-10-2026");
    skip(
        &w.on(d(2026, 10, 19)),
        w.consumer,
        first,
        FollowUpStep::Reminder,
    );
    let app = w.on(d(2026, 10, 30));
    letter(
        &app,
        w.consumer,
        FollowUpStep::Dunning,
        first,
        FollowUpChannel::Letter,
    );
    let second = small_invoice(&app, w.consumer, "01-11-2026");
    let app = w.on(d(2026, 11, 18));
    skip(&app, w.consumer, second, FollowUpStep::Reminder);
    let (_, text) = letter(
        &app,
        w.consumer,
        FollowUpStep::FourteenDayLetter,
        first,
        FollowUpChannel::Letter,
    );
    // The first small claim: its own 14-dagenbrief, nothing before it — the staffel's € 40.
    assert!(
        flat(&text).contains("incassokosten verschuldigd van € 40,00"),
        "{text}"
    );

    // The second: notice on Monday 30 November, verzuim from 17 December, its 14-dagenbrief
    // then — within six months of the first one.
    let app = w.on(d(2026, 11, 30));
    letter(
        &app,
        w.consumer,
        FollowUpStep::Dunning,
        second,
        FollowUpChannel::Letter,
    );
    let app = w.on(d(2026, 12, 17));
    let (_, text) = letter(
        &app,
        w.consumer,
        FollowUpStep::FourteenDayLetter,
        second,
        FollowUpChannel::Letter,
    );
    let text = flat(&text);
    assert!(text.contains("geen incassokosten verbonden"), "{text}");
    assert!(!text.contains("€ 40,00"), "{text}");

    // Long after both terms: the first owes its € 40, the second none, and says why.
    let app = w.on(d(2027, 1, 20));
    assert_eq!(claim(&app, first).costs, "40.00");
    let second_claim = claim(&app, second);
    assert_eq!(second_claim.costs, "0.00");
    assert!(
        second_claim.costs_note.contains("cumulatieregeling"),
        "{}",
        second_claim.costs_note
    );
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
