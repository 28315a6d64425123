//! The follow-up ladder end to end through the app layer, with the clock moved day by day:
//! a business and a consumer invoice walk the default policy (nl-rules-sources §6.2), letters
//! are checked by their text (§6.3, §4.5), disputes pause and payments stop the ladder.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ladder_world;
mod support;

use ladder_world::*;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::ErrorCode;

#[test]
fn a_business_invoice_walks_the_ladder_and_payment_stops_it() {
    let w = world();
    // A week before the due date: the service call.
    let app = w.on(d(2026, 10, 8));
    let today = app.today_overview().unwrap();
    assert_eq!(steps_for(&today, w.business).len(), 1);
    assert_eq!(
        steps_for(&today, w.business)[0].0,
        FollowUpStep::ContactMoment
    );
    // Not reached: logged, the step stays and comes back tomorrow (one contact a day).
    let call = |outcome| ContactForm {
        client_id: w.business,
        invoice_ids: vec![w.b2b_invoice],
        kind: DossierKind::Call,
        step: Some(FollowUpStep::ContactMoment),
        outcome: Some(outcome),
        note: "Is alles naar wens?".into(),
        promised_on: String::new(),
    };
    app.record_contact(&call(CallOutcome::NoAnswer)).unwrap();
    assert!(steps_for(&app.today_overview().unwrap(), w.business).is_empty());
    let app = w.on(d(2026, 10, 9));
    assert_eq!(
        steps_for(&app.today_overview().unwrap(), w.business)[0].0,
        FollowUpStep::ContactMoment
    );
    let dossier = app.record_contact(&call(CallOutcome::Reached)).unwrap();
    assert_eq!(dossier.len(), 2);
    assert_eq!(dossier[0].outcome_label.as_deref(), Some("Gesproken"));

    // Due + 3 is Sunday 18 October: the reminder waits for Monday and goes by e-mail.
    assert!(steps_for(&w.on(d(2026, 10, 18)).today_overview().unwrap(), w.business).is_empty());
    let app = w.on(d(2026, 10, 19));
    assert_eq!(
        steps_for(&app.today_overview().unwrap(), w.business)[0].0,
        FollowUpStep::Reminder
    );
    let (reminder, text) = letter(
        &app,
        w.business,
        FollowUpStep::Reminder,
        w.b2b_invoice,
        FollowUpChannel::Email,
    );
    assert_contains_all(
        &text,
        &[
            "Herinnering: factuur 2026-0001",
            "€ 1.210,00",
            "Bakkerij De Korenbloem",
        ],
        "reminder",
    );
    assert!(
        !text.contains("Incassokosten"),
        "a reminder charges no costs:\n{text}"
    );
    let email = reminder
        .email
        .expect("an e-mail text for the e-mail channel");
    assert_eq!(email.to.as_deref(), Some("eva@korenbloem.nl"));
    assert!(
        email.body.contains("uiterlijk 26 oktober 2026"),
        "{}",
        email.body
    );
    // By e-mail the step is done when the message goes out: until then it stays on Vandaag,
    // and making it again gives the same letter, not a second one.
    assert!(reminder.letter.awaiting_email);
    assert_eq!(
        steps_for(&app.today_overview().unwrap(), w.business)[0].0,
        FollowUpStep::Reminder
    );
    let request = LetterRequest {
        client_id: w.business,
        step: FollowUpStep::Reminder,
        invoice_ids: vec![w.b2b_invoice],
        channel: FollowUpChannel::Email,
    };
    let same = app.produce_letter(&request).unwrap();
    assert_eq!(same.letter.id, reminder.letter.id);
    assert_eq!(same.email.unwrap().subject, email.subject);
    // Sent from the user's own mail program: marked by hand, the step is done.
    let sent = app.mark_letter_emailed(reminder.letter.id).unwrap();
    assert!(!sent.awaiting_email);
    assert!(steps_for(&app.today_overview().unwrap(), w.business).is_empty());
    assert!(app.dossier(w.business).unwrap().iter().any(|e| e.note
        == "Herinnering 2026-B0001 zelf per e-mail verstuurd (buiten Tijdig)."
        && e.letter.is_some()));
    assert!(app.mark_letter_emailed(reminder.letter.id).is_err(), "once");
    // Never twice.
    let again = app.produce_letter(&request);
    assert_eq!(again.unwrap_err().code, ErrorCode::Conflict);

    // Due + 14 is 29 October, but the reminder went out a day late (Sunday) and the policy's
    // spacing of 11 days holds: the aanmaning with handelsrente since 16 October and the € 40.
    assert!(steps_for(&w.on(d(2026, 10, 29)).today_overview().unwrap(), w.business).is_empty());
    let app = w.on(d(2026, 10, 30));
    assert_eq!(
        steps_for(&app.today_overview().unwrap(), w.business)[0].0,
        FollowUpStep::Dunning
    );
    let (_, text) = letter(
        &app,
        w.business,
        FollowUpStep::Dunning,
        w.b2b_invoice,
        FollowUpChannel::Letter,
    );
    assert_contains_all(
        &text,
        &[
            "Aanmaning: factuur 2026-0001",
            "16 oktober 2026",
            "wettelijke handelsrente",
            "Incassokosten",
            "€ 40,00",
            "berekend tot en met 30-10-2026",
            "Ons kenmerk",
            "2026-B0002",
        ],
        "dunning",
    );

    // The invoice amount paid late: € 40 and the interest went first (art. 6:44 BW), so the
    // claim is not settled and the ladder goes on.
    let app = w.on(d(2026, 11, 12));
    let pay = |amount: &str| PaymentForm {
        paid_on: "12-11-2026".into(),
        amount: amount.into(),
        method: PaymentMethod::Bank,
        note: String::new(),
    };
    let after = app.add_payment(w.b2b_invoice, &pay("1.210,00")).unwrap();
    assert_eq!(after.status, InvoiceStatus::InterestCostsOpen);
    assert_eq!(after.outstanding, after.open.interest_and_costs);
    assert!(after.waivable.is_some());
    let next = app.invoice(w.b2b_invoice).unwrap().follow_up.unwrap().next;
    assert!(!next.contains("Niets meer open"), "{next}");

    // The rest of the claim paid (what the dialog proposes): nothing more on Vandaag.
    let rest = app.payment_proposal(w.b2b_invoice, "12-11-2026").unwrap();
    assert_eq!(rest.maximum, after.outstanding);
    let paid = app.add_payment(w.b2b_invoice, &pay(&rest.maximum)).unwrap();
    assert_eq!(
        (paid.status, paid.outstanding.as_str()),
        (InvoiceStatus::Paid, "0.00")
    );
    assert!(steps_for(&app.today_overview().unwrap(), w.business).is_empty());
    let invoice = app.invoice(w.b2b_invoice).unwrap();
    assert!(invoice.follow_up.unwrap().next.contains("Niets meer open"));
}

#[test]
fn a_consumer_gets_a_notice_of_default_then_a_fourteen_day_letter_with_exact_costs() {
    let w = world();
    let app = w.on(d(2026, 10, 19));
    app.skip_step(&SkipRequest {
        client_id: w.consumer,
        step: FollowUpStep::Reminder,
        invoice_ids: vec![w.b2c_invoice],
        note: "Mondeling herinnerd".into(),
    })
    .unwrap();

    // Due + 14 (spaced after the skipped reminder): for a consumer not in default the
    // aanmaning is the ingebrekestelling.
    let app = w.on(d(2026, 10, 30));
    let steps = steps_for(&app.today_overview().unwrap(), w.consumer);
    assert_eq!(steps[0].0, FollowUpStep::NoticeOfDefault);
    // A 14-dagenbrief now is refused: the consumer is not in default.
    let early = app.produce_letter(&LetterRequest {
        client_id: w.consumer,
        step: FollowUpStep::FourteenDayLetter,
        invoice_ids: vec![w.b2c_invoice],
        channel: FollowUpChannel::Letter,
    });
    assert!(early.is_err());
    let (_, text) = letter(
        &app,
        w.consumer,
        FollowUpStep::Dunning,
        w.b2c_invoice,
        FollowUpChannel::Letter,
    );
    assert_contains_all(
        &text,
        &[
            "Ingebrekestelling: factuur 2026-0002",
            "Pieter Bakker",
            "schuldhulpverlening",
        ],
        "notice",
    );
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd"),
        "{flat}"
    );
    assert!(
        !flat.contains("Incassokosten"),
        "no costs before the 14-dagenbrief: {flat}"
    );

    // Posted Friday 30 Oct, delivered Tuesday 3 Nov (no post on Sunday and Monday), term to
    // 17 Nov: verzuim from Wednesday 18 Nov, so the 14-dagenbrief waits until then, not due + 28.
    assert!(steps_for(&w.on(d(2026, 11, 17)).today_overview().unwrap(), w.consumer).is_empty());
    let app = w.on(d(2026, 11, 18));
    assert_eq!(
        steps_for(&app.today_overview().unwrap(), w.consumer)[0].0,
        FollowUpStep::FourteenDayLetter
    );
    let (result, text) = letter(
        &app,
        w.consumer,
        FollowUpStep::FourteenDayLetter,
        w.b2c_invoice,
        FollowUpChannel::Letter,
    );
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Staffel over € 1.210,00: 15 % = € 181,50. Posted Wednesday 18 Nov, delivered (estimate)
    // Friday 20 Nov, term to 4 Dec: costs from 5 December 2026 — a posted letter names no date,
    // since a later delivery would move it.
    assert_contains_all(
        &flat,
        &[
            "Laatste aanmaning (veertiendagenbrief)",
            "binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd",
            "geen incassokosten verschuldigd",
            "incassokosten verschuldigd van € 181,50. Dit bedrag",
            "18 november 2026",
            "wettelijke rente",
        ],
        "14-dagenbrief",
    );
    // Costs are announced, not charged: the total is principal + interest.
    assert!(
        !result.letter.total.starts_with("1391"),
        "{}",
        result.letter.total
    );

    // After the term: the sommatie charges the costs.
    assert!(steps_for(&w.on(d(2026, 12, 4)).today_overview().unwrap(), w.consumer).is_empty());
    let app = w.on(d(2026, 12, 5));
    assert_eq!(
        steps_for(&app.today_overview().unwrap(), w.consumer)[0].0,
        FollowUpStep::HandOver
    );
    let (_, text) = letter(
        &app,
        w.consumer,
        FollowUpStep::HandOver,
        w.b2c_invoice,
        FollowUpChannel::Letter,
    );
    assert_contains_all(
        &text,
        &["Sommatie: factuur 2026-0002", "Incassokosten", "€ 181,50"],
        "sommatie",
    );

    let dossier = app.dossier(w.consumer).unwrap();
    let kinds: Vec<DossierKind> = dossier.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            DossierKind::Letter,
            DossierKind::Letter,
            DossierKind::Letter,
            DossierKind::StepSkipped
        ]
    );
    assert_eq!(
        dossier[2].letter.as_ref().unwrap().step,
        FollowUpStep::NoticeOfDefault
    );
}

#[test]
fn a_disputed_invoice_gets_no_letters_until_resolved() {
    let w = world();
    let app = w.on(d(2026, 10, 19));
    let missing = app.open_dispute(&DisputeForm {
        invoice_id: w.b2b_invoice,
        note: "  ".into(),
    });
    assert_eq!(missing.unwrap_err().fields[0].field, "note");
    let invoice = app
        .open_dispute(&DisputeForm {
            invoice_id: w.b2b_invoice,
            note: "Logo niet volgens briefing".into(),
        })
        .unwrap();
    assert!(invoice.follow_up.unwrap().disputed.is_some());
    let today = app.today_overview().unwrap();
    assert!(steps_for(&today, w.business).is_empty());
    assert_eq!(today.paused.len(), 1);
    let refused = app.produce_letter(&LetterRequest {
        client_id: w.business,
        step: FollowUpStep::Reminder,
        invoice_ids: vec![w.b2b_invoice],
        channel: FollowUpChannel::Letter,
    });
    assert!(refused.unwrap_err().message.contains("betwist"));
    // A second open dispute is refused; resolving resumes the ladder.
    assert_eq!(
        app.open_dispute(&DisputeForm {
            invoice_id: w.b2b_invoice,
            note: "nog een".into()
        })
        .unwrap_err()
        .code,
        ErrorCode::Conflict
    );
    app.resolve_dispute(&DisputeForm {
        invoice_id: w.b2b_invoice,
        note: "Logo aangepast".into(),
    })
    .unwrap();
    assert_eq!(
        steps_for(&app.today_overview().unwrap(), w.business)[0].0,
        FollowUpStep::Reminder
    );
}

#[test]
fn a_client_policy_overrides_the_default_and_bad_policies_are_refused() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    let bad = app.save_follow_up_policy(&PolicyForm {
        client_id: None,
        steps: Some(vec![
            PolicyStep {
                step: FollowUpStep::Reminder,
                offset_days: "10".into(),
                channel: FollowUpChannel::Email,
            },
            PolicyStep {
                step: FollowUpStep::Dunning,
                offset_days: "vijf".into(),
                channel: FollowUpChannel::Letter,
            },
        ]),
    });
    assert_eq!(bad.unwrap_err().fields[0].field, "steps.1.offsetDays");
    let own = app
        .save_follow_up_policy(&PolicyForm {
            client_id: Some(w.business),
            steps: Some(vec![PolicyStep {
                step: FollowUpStep::Reminder,
                offset_days: "1".into(),
                channel: FollowUpChannel::Letter,
            }]),
        })
        .unwrap();
    assert!(own.own);
    assert_eq!(app.follow_up_policy(None).unwrap().steps.len(), 5);
    // Due 15 Oct + 1: Friday 16 October, a letter; the consumer still follows the default.
    let app = w.on(d(2026, 10, 16));
    let today = app.today_overview().unwrap();
    assert_eq!(steps_for(&today, w.business)[0].0, FollowUpStep::Reminder);
    assert!(steps_for(&today, w.consumer).is_empty());
    app.save_follow_up_policy(&PolicyForm {
        client_id: Some(w.business),
        steps: None,
    })
    .unwrap();
    assert!(!app.follow_up_policy(Some(w.business)).unwrap().own);
}

#[test]
fn only_the_current_step_can_be_skipped_and_a_letter_step_is_not_logged_as_a_mail() {
    let w = world();
    let app = w.on(d(2026, 10, 19));
    let jump = app.skip_step(&SkipRequest {
        client_id: w.consumer,
        step: FollowUpStep::Dunning,
        invoice_ids: vec![w.b2c_invoice],
        note: String::new(),
    });
    assert_eq!(jump.unwrap_err().code, ErrorCode::Conflict);
    let mail = app.record_contact(&ContactForm {
        client_id: w.consumer,
        invoice_ids: vec![w.b2c_invoice],
        kind: DossierKind::Email,
        step: Some(FollowUpStep::Reminder),
        outcome: None,
        note: String::new(),
        promised_on: String::new(),
    });
    assert!(mail.is_err(), "a letter step is done by making the letter");
    // A step is not done before it is due: the aanmaning waits for 30 October.
    app.skip_step(&SkipRequest {
        client_id: w.consumer,
        step: FollowUpStep::Reminder,
        invoice_ids: vec![w.b2c_invoice],
        note: String::new(),
    })
    .unwrap();
    let early = app.produce_letter(&LetterRequest {
        client_id: w.consumer,
        step: FollowUpStep::Dunning,
        invoice_ids: vec![w.b2c_invoice],
        channel: FollowUpChannel::Letter,
    });
    assert!(early.unwrap_err().message.contains("pas op"));
}

#[test]
fn more_than_six_months_after_the_newest_rate_vandaag_and_the_letter_say_the_rate_may_be_old() {
    let dir = tempfile::tempdir().unwrap();
    let on = |day| tijdig_app::App::open(dir.path()).unwrap().with_today(day);
    let app = on(d(2027, 2, 15));
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    let mut form = invoice_form(
        client,
        vec![line("Ontwerp", "1", "1000", VatTreatment::Standard21)],
    );
    form.invoice_date = "2026-12-01".into();
    form.delivery_from = String::new();
    form.delivery_to = String::new();
    let invoice = app.create_invoice(&form).unwrap().id;
    app.issue_invoice(invoice).unwrap();
    let today = app.today_overview().unwrap();
    assert_eq!(
        today.rate_warning.as_deref(),
        Some("Rentetabel mogelijk niet actueel: controleer de wettelijke handelsrente per 01-01-2027.")
    );
    // Skip the steps before the aanmaning (the herinnering shows no interest), a day at a time.
    let mut day = d(2027, 2, 15);
    let (app, step) = loop {
        let app = on(day);
        let today = app.today_overview().unwrap();
        if let Some(step) = today.clients.first().map(|c| c.steps[0].clone()) {
            if step.policy_step == FollowUpStep::Dunning {
                break (app, step);
            }
            app.skip_step(&SkipRequest {
                client_id: client,
                step: step.policy_step,
                invoice_ids: vec![invoice],
                note: "overgeslagen in de test".into(),
            })
            .unwrap();
        }
        day = day.succ_opt().unwrap();
        assert!(
            day < d(2027, 4, 1),
            "the ladder never asked for the aanmaning"
        );
    };
    let (_, text) = letter(&app, client, step.policy_step, invoice, step.channel);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_contains_all(
        &flat,
        &[
            "De wettelijke handelsrente is berekend met het laatst bekende percentage (vanaf 1 juli 2026).",
            "Is per 1 januari 2027 een nieuw percentage vastgesteld, dan geldt dat vanaf die datum.",
            // Capitalisation of handelsrente: its own article, not the consumer's.
            "(art. 6:119a lid 3 BW)",
        ],
        "the letter's footnotes",
    );
}

#[test]
fn a_business_that_pays_only_the_invoice_amount_leaves_interest_and_costs_open_until_waived() {
    let w = world();
    let app = w.on(d(2026, 11, 12));
    let paid = app
        .add_payment(
            w.b2b_invoice,
            &PaymentForm {
                paid_on: "12-11-2026".into(),
                amount: "1.210,00".into(),
                method: PaymentMethod::Bank,
                note: String::new(),
            },
        )
        .unwrap();
    // "Rente/kosten open € X" on the page, in the list and in the split, one figure.
    assert_eq!(paid.status, InvoiceStatus::InterestCostsOpen);
    let rest = paid.open.interest_and_costs.clone();
    assert_eq!(paid.outstanding, rest);
    assert_eq!(paid.waivable.as_deref(), Some(rest.as_str()));
    let row = app
        .invoices(&InvoiceQuery::default())
        .unwrap()
        .rows
        .into_iter()
        .find(|r| r.id == w.b2b_invoice)
        .unwrap();
    assert_eq!(
        (row.outstanding.as_str(), row.interest_and_costs.as_str()),
        (rest.as_str(), rest.as_str())
    );
    assert_eq!(row.status, InvoiceStatus::InterestCostsOpen);
    // The dossier says how the money was applied: costs first, then interest.
    let dossier = app.dossier(w.business).unwrap();
    let line = dossier
        .iter()
        .find(|e| e.kind == DossierKind::Payment)
        .unwrap();
    assert!(line.note.contains("€ 40,00 kosten"), "{}", line.note);
    assert!(
        line.note.contains(&format!(
            "Er staat nog {} open",
            tijdig_domain::format_eur(rest.parse().unwrap(), tijdig_domain::Language::Nl)
        )),
        "{}",
        line.note
    );

    // A waiver needs a reason; with one, the invoice is settled and the dossier keeps why.
    let err = app
        .waive_interest_and_costs(w.b2b_invoice, &WaiverForm { reason: " ".into() })
        .unwrap_err();
    assert_eq!(err.fields[0].field, "reason");
    let waived = app
        .waive_interest_and_costs(
            w.b2b_invoice,
            &WaiverForm {
                reason: "Vaste klant, eerste keer te laat".into(),
            },
        )
        .unwrap();
    assert_eq!(
        (waived.status, waived.outstanding.as_str()),
        (InvoiceStatus::Paid, "0.00")
    );
    assert_eq!(waived.open.waived, rest);
    assert!(waived.waivable.is_none());
    let entry = app
        .dossier(w.business)
        .unwrap()
        .into_iter()
        .find(|e| e.kind == DossierKind::Waiver)
        .unwrap();
    assert!(entry.note.contains("Vaste klant"), "{}", entry.note);
    // Nothing is left to waive or to pay.
    assert!(app
        .waive_interest_and_costs(
            w.b2b_invoice,
            &WaiverForm {
                reason: "nog eens".into()
            }
        )
        .is_err());
    let next = app.invoice(w.b2b_invoice).unwrap().follow_up.unwrap().next;
    assert!(next.contains("Niets meer open"), "{next}");
}
