//! A posted letter counts from the day it went into the mail, its delivery date is recorded
//! once, and a consumer who pays what the sommatie asks is done (reference README, "Collection
//! costs" → posting confirmation; "The claim").
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ladder_world;
mod support;

use ladder_world::*;
use tijdig_app::dto::*;
use tijdig_app::App;

/// The consumer's ladder up to the ingebrekestelling on Friday 30 October, made but not posted.
fn notice_made(w: &World) -> (App, Letter) {
    let app = w.on(d(2026, 10, 19));
    app.skip_step(&SkipRequest {
        client_id: w.consumer,
        step: FollowUpStep::Reminder,
        invoice_ids: vec![w.b2c_invoice],
        note: "Mondeling herinnerd".into(),
    })
    .unwrap();
    let app = w.on(d(2026, 10, 30));
    let made = app
        .produce_letter(&LetterRequest {
            client_id: w.consumer,
            step: FollowUpStep::Dunning,
            invoice_ids: vec![w.b2c_invoice],
            channel: FollowUpChannel::Letter,
        })
        .unwrap()
        .letter;
    (app, made)
}

fn today_step(app: &App, client: i64) -> TodayStep {
    app.today_overview()
        .unwrap()
        .clients
        .into_iter()
        .find(|c| c.client_id == client)
        .and_then(|c| c.steps.into_iter().next())
        .expect("a step on Vandaag")
}

#[test]
fn a_posted_letter_that_was_not_confirmed_starts_no_verzuim() {
    let w = world();
    let (app, made) = notice_made(&w);
    assert!(made.awaiting_post);
    assert_eq!(made.posted_on, None);
    // Made, not posted: the step stays on Vandaag, saying so; the dossier has no letter yet.
    let step = today_step(&app, w.consumer);
    assert_eq!(step.step, FollowUpStep::NoticeOfDefault);
    assert_eq!(step.awaiting_post.as_deref(), Some(made.reference.as_str()));
    assert!(
        step.reason.contains("nog niet verstuurd per post"),
        "{}",
        step.reason
    );
    assert!(app
        .dossier(w.consumer)
        .unwrap()
        .iter()
        .all(|e| e.letter.is_none()));

    // Three weeks later, had it been posted on 30 October, the consumer would be in verzuim
    // since 18 November. Unposted, nothing started: no 14-dagenbrief, no interest, no costs.
    let app = w.on(d(2026, 11, 20));
    let step = today_step(&app, w.consumer);
    assert_eq!(step.step, FollowUpStep::NoticeOfDefault);
    let invoice = app.invoice(w.b2c_invoice).unwrap();
    assert_eq!(invoice.open.interest_and_costs, "0.00");
    let early = app.produce_letter(&LetterRequest {
        client_id: w.consumer,
        step: FollowUpStep::FourteenDayLetter,
        invoice_ids: vec![w.b2c_invoice],
        channel: FollowUpChannel::Letter,
    });
    assert!(early.is_err());
    // Making the step again opens the same letter: never a second one.
    let again = app
        .produce_letter(&LetterRequest {
            client_id: w.consumer,
            step: FollowUpStep::Dunning,
            invoice_ids: vec![w.b2c_invoice],
            channel: FollowUpChannel::Letter,
        })
        .unwrap();
    assert_eq!(again.letter.id, made.id);

    // The day it went into the mail: not before the letter's date, not in the future, a date.
    for (typed, says) in [
        ("29-10-2026", "gedateerd op 30-10-2026"),
        ("21-11-2026", "toekomst"),
        ("gisteren", ""),
    ] {
        let err = app.mark_letter_posted(made.id, typed).unwrap_err();
        assert_eq!(err.fields[0].field, "postedOn", "{typed}");
        assert!(err.message.contains(says), "{typed}: {}", err.message);
    }
    // Posted Monday 16 November: delivered (estimate) Wednesday 18th, term to 2 December,
    // verzuim from 3 December.
    let posted = app.mark_letter_posted(made.id, "16-11-2026").unwrap();
    assert_eq!(
        (posted.posted_on.as_deref(), posted.awaiting_post),
        (Some("16-11-2026"), false)
    );
    assert!(
        app.mark_letter_posted(made.id, "16-11-2026").is_err(),
        "once"
    );
    let dossier = app.dossier(w.consumer).unwrap();
    assert_eq!(dossier[0].kind, DossierKind::Letter);
    assert_eq!(
        dossier[0].note,
        format!(
            "Ingebrekestelling {} verstuurd per post op 16-11-2026.",
            made.reference
        )
    );
    assert!(today_step_absent(&app, w.consumer));
    assert!(today_step_absent(&w.on(d(2026, 12, 2)), w.consumer));
    let app = w.on(d(2026, 12, 3));
    assert_eq!(
        today_step(&app, w.consumer).step,
        FollowUpStep::FourteenDayLetter
    );
    let card = app
        .invoice(w.b2c_invoice)
        .unwrap()
        .default
        .unwrap()
        .claim
        .unwrap();
    assert_eq!(card.first_day, "03-12-2026", "{card:?}");
}

fn today_step_absent(app: &App, client: i64) -> bool {
    app.today_overview()
        .unwrap()
        .clients
        .iter()
        .all(|c| c.client_id != client)
}

#[test]
fn a_letters_delivery_date_is_recorded_once_and_not_before_it_was_sent() {
    let w = world();
    let (app, made) = notice_made(&w);
    let err = app.set_letter_delivered(made.id, "30-10-2026").unwrap_err();
    assert!(
        err.message.contains("nog niet verstuurd"),
        "{}",
        err.message
    );
    app.mark_letter_posted(made.id, "30-10-2026").unwrap();
    let app = w.on(d(2026, 11, 5));
    let err = app.set_letter_delivered(made.id, "29-10-2026").unwrap_err();
    assert_eq!(err.fields[0].field, "deliveredOn");
    // Track & trace: delivered Saturday 31 October, earlier than the estimate (3 November).
    let dossier = app.set_letter_delivered(made.id, "31-10-2026").unwrap();
    assert_eq!(dossier[0].kind, DossierKind::Delivered);
    assert!(
        dossier[0].note.contains("bezorgd op 31-10-2026"),
        "{}",
        dossier[0].note
    );
    // A second change would silently move verzuim after letters relied on it: refused.
    let err = app.set_letter_delivered(made.id, "03-11-2026").unwrap_err();
    assert_eq!(err.fields[0].field, "deliveredOn");
    assert!(err.message.contains("al vastgelegd"), "{}", err.message);
    let letter = app
        .dossier(w.consumer)
        .unwrap()
        .into_iter()
        .find_map(|e| e.letter)
        .unwrap();
    assert_eq!(letter.delivered_on.as_deref(), Some("31-10-2026"));
    // The term ran from the proven delivery: 14 days after 31 October is 14 November, and
    // verzuim starts on the 15th. (The ingebrekestelling's term is the creditor's, not one set
    // by law: the Algemene termijnenwet does not extend it; it does extend the 14-dagenbrief's.)
    let card = w
        .on(d(2026, 11, 17))
        .invoice(w.b2c_invoice)
        .unwrap()
        .default
        .unwrap()
        .claim
        .unwrap();
    assert_eq!(card.first_day, "15-11-2026", "{card:?}");
}

#[test]
fn a_consumer_who_pays_the_whole_sommatie_amount_is_settled_and_the_dossier_says_so() {
    let w = world();
    let (app, made) = notice_made(&w);
    app.mark_letter_posted(made.id, "30-10-2026").unwrap();
    let app = w.on(d(2026, 11, 18));
    letter(
        &app,
        w.consumer,
        FollowUpStep::FourteenDayLetter,
        w.b2c_invoice,
        FollowUpChannel::Letter,
    );
    let app = w.on(d(2026, 12, 5));
    let (sommatie, text) = letter(
        &app,
        w.consumer,
        FollowUpStep::HandOver,
        w.b2c_invoice,
        FollowUpChannel::Letter,
    );
    let asked = sommatie.letter.total.clone();
    let asked_nl = tijdig_domain::format_eur(asked.parse().unwrap(), tijdig_domain::Language::Nl);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&asked_nl),
        "the sommatie asks {asked_nl}: {flat}"
    );
    // The invoice page, the payment dialog and the letter ask the same figure that day.
    let page = app.invoice(w.b2c_invoice).unwrap();
    assert_eq!(page.outstanding, asked);
    let proposal = app.payment_proposal(w.b2c_invoice, "05-12-2026").unwrap();
    assert_eq!(proposal.maximum, asked);
    // € 1.210,00 + interest + € 181,50 costs, paid in one go.
    let paid = app
        .add_payment(
            w.b2c_invoice,
            &PaymentForm {
                paid_on: "05-12-2026".into(),
                amount: asked_nl.replace("€ ", ""),
                method: PaymentMethod::Bank,
                note: String::new(),
            },
        )
        .unwrap();
    assert_eq!(
        (paid.status, paid.outstanding.as_str()),
        (InvoiceStatus::Paid, "0.00"),
        "asked {asked}, paid {paid:?}"
    );
    assert_eq!(paid.open.interest_and_costs, "0.00");
    let entry = app
        .dossier(w.consumer)
        .unwrap()
        .into_iter()
        .find(|e| e.kind == DossierKind::Payment)
        .unwrap();
    assert!(entry.note.contains("€ 181,50 kosten"), "{}", entry.note);
    assert!(entry.note.contains("alles betaald"), "{}", entry.note);
    // Nothing left: no more steps, ever.
    assert!(today_step_absent(&w.on(d(2027, 1, 15)), w.consumer));
}
