//! The ladder follows the client (issue 17 item 8): a client who prefers letters gets letters,
//! a skipped ingebrekestelling can still be made, and a consumer's aanmaning is listed as the
//! ingebrekestelling it was.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ladder_world;
mod support;

use ladder_world::*;
use support::*;
use tijdig_app::dto::*;

fn steps_with_channels(app: &tijdig_app::App, client: i64) -> Vec<(FollowUpStep, FollowUpChannel)> {
    app.today_overview()
        .unwrap()
        .clients
        .into_iter()
        .filter(|c| c.client_id == client)
        .flat_map(|c| c.steps.into_iter().map(|s| (s.step, s.channel)))
        .collect()
}

#[test]
fn a_client_who_prefers_letters_gets_the_e_mail_steps_by_post() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    let by_post = app
        .create_client(&ClientForm {
            name: "Drukkerij Per Post".into(),
            preferred_channel: PreferredChannel::Letter,
            kvk: "87654321".into(),
            btw_id: String::new(),
            ..business_client()
        })
        .unwrap()
        .value
        .id;
    let mut form = invoice_form(
        by_post,
        vec![line("Ontwerp", "1", "500,00", VatTreatment::Standard21)],
    );
    form.invoice_date = "01-10-2026".into();
    form.payment_term_days = "14".into();
    app.issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap();
    // Due 15 October; the reminder (by e-mail in the default policy) on Monday the 19th.
    let app = w.on(d(2026, 10, 19));
    assert_eq!(
        steps_with_channels(&app, by_post),
        [(FollowUpStep::Reminder, FollowUpChannel::Letter)]
    );
    // The client of the same world who prefers e-mail keeps the e-mail step.
    assert_eq!(
        steps_with_channels(&app, w.business),
        [(FollowUpStep::Reminder, FollowUpChannel::Email)]
    );
}

#[test]
fn after_a_skipped_ingebrekestelling_the_ladder_offers_it_before_the_fourteen_day_letter() {
    let w = world();
    let skip = |app: &tijdig_app::App, step| {
        app.skip_step(&SkipRequest {
            client_id: w.consumer,
            step,
            invoice_ids: vec![w.b2c_invoice],
            note: "Eerst even afwachten".into(),
        })
        .unwrap();
    };
    skip(&w.on(d(2026, 10, 19)), FollowUpStep::Reminder);
    let app = w.on(d(2026, 10, 30));
    assert_eq!(
        steps_with_channels(&app, w.consumer),
        [(FollowUpStep::NoticeOfDefault, FollowUpChannel::Letter)]
    );
    skip(&app, FollowUpStep::Dunning);
    // The 14-dagenbrief's day: without verzuim it cannot count, so the ingebrekestelling comes
    // first — on Vandaag and on the invoice page, with a way to make it.
    let app = w.on(d(2026, 11, 13));
    let today = app.today_overview().unwrap();
    let step = today
        .clients
        .iter()
        .find(|c| c.client_id == w.consumer)
        .and_then(|c| c.steps.first())
        .expect("a step for the consumer");
    assert_eq!(
        (step.step, step.policy_step),
        (FollowUpStep::NoticeOfDefault, FollowUpStep::NoticeOfDefault)
    );
    let follow_up = app.invoice(w.b2c_invoice).unwrap().follow_up.unwrap();
    assert!(
        follow_up
            .next
            .contains("Ingebrekestelling staat klaar op Vandaag"),
        "{}",
        follow_up.next
    );
    assert!(
        follow_up
            .steps_done
            .iter()
            .any(|s| s.contains("overgeslagen op 30-10-2026")),
        "{:?}",
        follow_up.steps_done
    );
    let (made, _) = letter(
        &app,
        w.consumer,
        FollowUpStep::NoticeOfDefault,
        w.b2c_invoice,
        FollowUpChannel::Letter,
    );
    assert_eq!(made.letter.step, FollowUpStep::NoticeOfDefault);
    // Posted Friday 13 November, delivered Tuesday the 17th, term to 1 December: the
    // 14-dagenbrief from Wednesday 2 December.
    let app = w.on(d(2026, 12, 2));
    assert_eq!(
        steps_with_channels(&app, w.consumer),
        [(FollowUpStep::FourteenDayLetter, FollowUpChannel::Letter)]
    );
}

#[test]
fn a_consumers_aanmaning_is_listed_as_the_ingebrekestelling_it_was() {
    let w = world();
    w.on(d(2026, 10, 19))
        .skip_step(&SkipRequest {
            client_id: w.consumer,
            step: FollowUpStep::Reminder,
            invoice_ids: vec![w.b2c_invoice],
            note: String::new(),
        })
        .unwrap();
    let app = w.on(d(2026, 10, 30));
    letter(
        &app,
        w.consumer,
        FollowUpStep::Dunning,
        w.b2c_invoice,
        FollowUpChannel::Letter,
    );
    let done = app
        .invoice(w.b2c_invoice)
        .unwrap()
        .follow_up
        .unwrap()
        .steps_done;
    assert_eq!(
        done,
        [
            "Herinnering — overgeslagen op 19-10-2026",
            "Ingebrekestelling — 30-10-2026"
        ]
    );
}
