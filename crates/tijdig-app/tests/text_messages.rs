//! The letters and messages of the ladder carry what the user set up (issue 21): the betaallink
//! on a letter and in its e-mail, and a text message (sms / WhatsApp) that carries out the
//! reminder but never a step that must be in writing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ladder_world;
mod support;

use ladder_world::*;
use tijdig_app::dto::*;

#[test]
fn a_letter_carries_the_payment_link_for_its_total_and_the_invoices_reference() {
    let w = world();
    let app = w.on(d(2026, 10, 19));
    let mut settings = app.invoice_settings().unwrap();
    settings.payment_link = "https://bunq.me/studiojansen/{bedrag}/{kenmerk}".into();
    app.save_invoice_settings(&settings).unwrap();
    let reference = app
        .invoice(w.b2b_invoice)
        .unwrap()
        .payment_reference
        .unwrap()
        .replace(' ', "");
    let (reminder, text) = letter(
        &app,
        w.business,
        FollowUpStep::Reminder,
        w.b2b_invoice,
        FollowUpChannel::Email,
    );
    let link = format!("https://bunq.me/studiojansen/1210.00/{reference}");
    let printed: String = text.split_whitespace().collect();
    assert!(printed.contains("Onlinebetalen"), "{text}");
    assert!(printed.contains(&link), "{text}");
    let email = reminder.email.expect("an e-mail text");
    assert!(
        email.body.contains(&format!("Online betalen: {link}")),
        "{}",
        email.body
    );
}

#[test]
fn a_text_message_carries_out_the_reminder_but_never_a_written_step() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    let mut client = tijdig_app::dto::ClientForm {
        phone: "06 1234 5678".into(),
        ..support::business_client()
    };
    client.contact_person = "Eva de Vries".into();
    app.update_client(w.business, &client).unwrap();
    // The aanmaning as a message is refused at its field: it must be in writing.
    let refused = app
        .save_follow_up_policy(&PolicyForm {
            client_id: Some(w.business),
            steps: Some(vec![
                PolicyStep {
                    step: FollowUpStep::Reminder,
                    offset_days: "3".into(),
                    channel: FollowUpChannel::Message,
                },
                PolicyStep {
                    step: FollowUpStep::Dunning,
                    offset_days: "14".into(),
                    channel: FollowUpChannel::Message,
                },
            ]),
        })
        .unwrap_err();
    assert_eq!(
        (
            refused.fields[0].field.as_str(),
            refused.fields[0].code.as_str()
        ),
        ("steps.1.channel", "not_in_writing")
    );
    app.save_follow_up_policy(&PolicyForm {
        client_id: Some(w.business),
        steps: Some(vec![
            PolicyStep {
                step: FollowUpStep::Reminder,
                offset_days: "3".into(),
                channel: FollowUpChannel::Message,
            },
            PolicyStep {
                step: FollowUpStep::Dunning,
                offset_days: "14".into(),
                channel: FollowUpChannel::Letter,
            },
        ]),
    })
    .unwrap();

    // Due 15 October + 3 is a Sunday: Monday the 19th the reminder is a message.
    let app = w.on(d(2026, 10, 19));
    let today = app.today_overview().unwrap();
    let step = today
        .clients
        .iter()
        .find(|c| c.client_id == w.business)
        .map(|c| c.steps[0].clone())
        .unwrap();
    assert_eq!(
        (step.step, step.channel),
        (FollowUpStep::Reminder, FollowUpChannel::Message)
    );
    // No letter for a message step.
    assert!(app
        .produce_letter(&LetterRequest {
            client_id: w.business,
            step: FollowUpStep::Reminder,
            invoice_ids: vec![w.b2b_invoice],
            channel: FollowUpChannel::Message,
        })
        .is_err());
    let draft = app.message_draft(w.business, &[w.b2b_invoice]).unwrap();
    assert!(
        draft.text.starts_with(
            "Beste Eva, een vriendelijke herinnering: factuur 2026-0001 (vervaldatum 15-10-2026) staat nog open: € 1.251,38."
        ),
        "{}",
        draft.text
    );
    // The one open figure: the invoice page says the same.
    let page = app.invoice(w.b2b_invoice).unwrap();
    assert_eq!(page.outstanding, "1251.38");
    assert!(
        draft.text.contains("NL91 ABNA 0417 1643 00"),
        "{}",
        draft.text
    );
    assert!(draft
        .whatsapp_link
        .as_deref()
        .is_some_and(|l| l.starts_with("https://wa.me/31612345678?text=Beste%20Eva")));
    assert!(draft
        .sms_link
        .as_deref()
        .is_some_and(|l| l.starts_with("sms:+31612345678?body=")));
    let edited = format!("{} Groetjes!", draft.text);
    assert!(app
        .message_link(w.business, &edited, true)
        .unwrap()
        .ends_with("Groetjes%21"));

    // Sent, the user says so: logged with its text, and the reminder is done.
    let dossier = app
        .record_contact(&ContactForm {
            client_id: w.business,
            invoice_ids: vec![w.b2b_invoice],
            kind: DossierKind::Message,
            step: Some(FollowUpStep::Reminder),
            outcome: None,
            note: edited.clone(),
            promised_on: String::new(),
        })
        .unwrap();
    assert_eq!(dossier[0].kind, DossierKind::Message);
    assert_eq!(dossier[0].note, edited);
    assert!(steps_for(&app.today_overview().unwrap(), w.business).is_empty());
    // A message can never be logged as the aanmaning.
    let app = w.on(d(2026, 11, 9));
    let err = app
        .record_contact(&ContactForm {
            client_id: w.business,
            invoice_ids: vec![w.b2b_invoice],
            kind: DossierKind::Message,
            step: Some(FollowUpStep::Dunning),
            outcome: None,
            note: "Betaal nu".into(),
            promised_on: String::new(),
        })
        .unwrap_err();
    assert!(err.message.contains("schriftelijke"), "{}", err.message);
    assert_eq!(
        steps_for(&app.today_overview().unwrap(), w.business)[0].0,
        FollowUpStep::Dunning
    );
}
