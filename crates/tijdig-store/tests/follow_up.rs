//! Follow-up in the store: a step is done once, letters and the dossier never change, disputes
//! are one at a time, and a rate used by a letter stays.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use chrono::NaiveDate;
use common::*;
use tijdig_domain::follow_up::{DossierKind, FollowUpChannel, FollowUpPolicy, FollowUpStep};
use tijdig_domain::interest::{InterestKind, Rate};
use tijdig_store::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn issued(store: &mut Store, client_id: i64) -> i64 {
    let id = store.create_invoice(&draft(client_id)).unwrap();
    store.issue_invoice(id, "", 2026, document).unwrap();
    id
}

fn entry(client_id: i64, invoice: i64, step: FollowUpStep) -> NewDossierEntry {
    NewDossierEntry {
        client_id,
        at: "2026-11-22T10:00:00".into(),
        kind: DossierKind::Letter,
        step: Some(step),
        outcome: None,
        note: None,
        promised_on: None,
        invoice_ids: vec![invoice],
        done_on: Some(day(22)),
    }
}

fn letter(step: FollowUpStep) -> NewLetter {
    NewLetter {
        step,
        letter_date: day(22),
        channel: FollowUpChannel::Letter,
        language: "nl".into(),
        total: dec("1210.00"),
        costs: None,
        costs_due_from: None,
        costs_principal: None,
        pending_email: None,
        awaits_posting: None,
    }
}

fn delivered_entry(client_id: i64, invoice: i64) -> NewDossierEntry {
    NewDossierEntry {
        kind: DossierKind::Delivered,
        step: None,
        done_on: None,
        ..entry(client_id, invoice, FollowUpStep::NoticeOfDefault)
    }
}

fn pdf(reference: &str) -> Result<(Vec<u8>, String), StoreError> {
    Ok((format!("%PDF {reference}").into_bytes(), "ab".repeat(32)))
}

#[test]
fn a_letter_gets_the_next_reference_and_its_step_is_done_once() {
    let (mut store, client_id) = store_with_client();
    let invoice = issued(&mut store, client_id);
    let first = store
        .record_letter(
            &letter(FollowUpStep::Reminder),
            &entry(client_id, invoice, FollowUpStep::Reminder),
            pdf,
        )
        .unwrap();
    assert_eq!(first.reference, "2026-B0001");
    assert_eq!(store.letter_pdf(first.id).unwrap(), b"%PDF 2026-B0001");
    let mut rendered = false;
    let again = store.record_letter(
        &letter(FollowUpStep::Reminder),
        &entry(client_id, invoice, FollowUpStep::Reminder),
        |r| {
            rendered = true;
            pdf(r)
        },
    );
    assert!(matches!(again, Err(StoreError::AlreadyDone)));
    assert!(!rendered, "a step already done is refused before rendering");
    let state = store.follow_up_state().unwrap();
    assert_eq!(
        state.done[&invoice],
        vec![(FollowUpStep::Reminder, day(22))]
    );
    assert_eq!(state.last_contact[&client_id], day(22));
    assert_eq!(store.dossier(client_id).unwrap().len(), 1);
}

#[test]
fn a_failed_render_stores_nothing() {
    let (mut store, client_id) = store_with_client();
    let invoice = issued(&mut store, client_id);
    let failed = store.record_letter(
        &letter(FollowUpStep::Reminder),
        &entry(client_id, invoice, FollowUpStep::Reminder),
        |_| Err(StoreError::NotFound),
    );
    assert!(failed.is_err());
    assert!(store.dossier(client_id).unwrap().is_empty());
    assert!(store.follow_up_state().unwrap().done.is_empty());
}

#[test]
fn letters_and_the_dossier_cannot_be_changed_or_deleted_by_any_sql() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    let client_id = store.create_client(&client()).unwrap();
    let invoice = issued(&mut store, client_id);
    store
        .record_letter(
            &letter(FollowUpStep::Reminder),
            &entry(client_id, invoice, FollowUpStep::Reminder),
            pdf,
        )
        .unwrap();
    let conn = rusqlite::Connection::open(store.path().unwrap()).unwrap();
    for sql in [
        "UPDATE letters SET pdf = x'00'",
        "DELETE FROM letters",
        "UPDATE dossier_entries SET note = 'changed'",
        "DELETE FROM dossier_entries",
    ] {
        assert!(conn.execute(sql, []).is_err(), "{sql} must be refused");
    }
    // A proven delivery date may be added later, once.
    store
        .set_letter_delivered(1, day(24), &delivered_entry(client_id, invoice))
        .unwrap();
    assert_eq!(store.letter(1).unwrap().delivered_on, Some(day(24)));
    for sql in [
        "UPDATE letters SET delivered_on = '2026-11-25'",
        "UPDATE letters SET delivered_on = NULL",
        "UPDATE letters SET posted_on = '2026-11-23'",
        "UPDATE letters SET channel = 'email'",
        "UPDATE letters SET reference = '2026-B0009'",
        "UPDATE letters SET costs = '40.00'",
        "UPDATE letters SET costs_due_from = '2026-12-01'",
        "UPDATE letters SET emailed_on = '2026-11-01'",
        "UPDATE letter_invoices SET invoice_id = 99",
        "DELETE FROM letter_invoices",
        "INSERT INTO letter_invoices (letter_id, invoice_id) VALUES (1, 99)",
        "UPDATE dossier_invoices SET invoice_id = 99",
        "DELETE FROM dossier_invoices",
        "UPDATE follow_up_done SET done_on = '2026-11-01'",
        "DELETE FROM follow_up_done",
    ] {
        assert!(conn.execute(sql, []).is_err(), "{sql} must be refused");
    }
}

#[test]
fn a_dispute_keeps_its_opening_and_is_resolved_once_never_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    let client_id = store.create_client(&client()).unwrap();
    let invoice = issued(&mut store, client_id);
    let conn = rusqlite::Connection::open(store.path().unwrap()).unwrap();
    conn.execute(
        "INSERT INTO disputes (invoice_id, opened_on, reason) VALUES (?1, '2026-11-20', 'x')",
        [invoice],
    )
    .unwrap();
    for sql in [
        "UPDATE disputes SET opened_on = '2026-11-01'",
        "UPDATE disputes SET reason = 'y'",
        "UPDATE disputes SET resolved_on = '2026-11-19', resolution = 'r'",
        "DELETE FROM disputes",
    ] {
        assert!(conn.execute(sql, []).is_err(), "{sql} must be refused");
    }
    conn.execute(
        "UPDATE disputes SET resolved_on = '2026-11-21', resolution = 'r'",
        [],
    )
    .unwrap();
    assert!(conn
        .execute("UPDATE disputes SET resolved_on = '2026-11-22'", [])
        .is_err());
}

#[test]
fn a_letter_reference_is_never_handed_out_twice_even_after_its_row_is_gone_from_a_restore() {
    let (mut store, client_id) = store_with_client();
    let invoice = issued(&mut store, client_id);
    // What a restore carries over: letters up to 2026-B0007 were handed out on this computer.
    store
        .raise_number_marks(&[SeriesMark {
            series: "letter".into(),
            year: 2026,
            last_seq: 7,
        }])
        .unwrap();
    let first = store
        .record_letter(
            &letter(FollowUpStep::Reminder),
            &entry(client_id, invoice, FollowUpStep::Reminder),
            pdf,
        )
        .unwrap();
    assert_eq!(first.reference, "2026-B0008");
    // The letter raised its series' mark itself; the invoice series is the counter.
    let marks = store.number_marks().unwrap();
    assert!(marks.contains(&SeriesMark {
        series: "letter".into(),
        year: 2026,
        last_seq: 8
    }));
    assert!(marks.contains(&SeriesMark {
        series: "invoice:".into(),
        year: 2026,
        last_seq: 1
    }));
    // Raising never lowers, and an invoice mark raises the series' counter.
    store
        .raise_number_marks(&[
            SeriesMark {
                series: "letter".into(),
                year: 2026,
                last_seq: 2,
            },
            SeriesMark {
                series: "invoice:".into(),
                year: 2026,
                last_seq: 5,
            },
        ])
        .unwrap();
    assert_eq!(store.last_in_series("", 2026).unwrap(), 5);
    let next = issued(&mut store, client_id);
    assert_eq!(
        store.invoice(next).unwrap().issued.unwrap().number,
        "2026-0006"
    );
}

#[test]
fn a_posted_letter_counts_only_from_the_day_it_went_into_the_mail() {
    let (mut store, client_id) = store_with_client();
    let invoice = issued(&mut store, client_id);
    let notice = NewLetter {
        awaits_posting: Some(FollowUpStep::NoticeOfDefault),
        ..letter(FollowUpStep::NoticeOfDefault)
    };
    let made = store
        .record_letter(
            &notice,
            &entry(client_id, invoice, FollowUpStep::NoticeOfDefault),
            pdf,
        )
        .unwrap();
    assert_eq!(made.awaiting_post, Some(FollowUpStep::NoticeOfDefault));
    assert_eq!(made.sent_on(), None);
    // Made, not posted: no verzuim letter, no step done, no contact, no limitation restart.
    let state = store.follow_up_state().unwrap();
    assert!(state.letters.is_empty() && state.done.is_empty());
    assert!(!state.last_contact.contains_key(&client_id));
    assert_eq!(store.last_letter_on(invoice).unwrap(), None);
    assert!(store.dossier(client_id).unwrap().is_empty());
    assert_eq!(
        store
            .letter_awaiting_post(client_id, FollowUpStep::NoticeOfDefault, &[invoice])
            .unwrap()
            .map(|l| l.id),
        Some(made.id)
    );
    assert_eq!(store.letters_awaiting_post().unwrap().len(), 1);
    // A delivery before it was sent is refused.
    assert!(store
        .set_letter_delivered(made.id, day(24), &delivered_entry(client_id, invoice))
        .is_err());

    let posted_entry = NewDossierEntry {
        done_on: None,
        ..entry(client_id, invoice, FollowUpStep::NoticeOfDefault)
    };
    // Never before the letter's date.
    assert!(store
        .mark_letter_posted(made.id, day(21), &posted_entry)
        .is_err());
    let posted = store
        .mark_letter_posted(made.id, day(23), &posted_entry)
        .unwrap();
    assert_eq!(posted.sent_on(), Some(day(23)));
    assert_eq!(posted.awaiting_post, None);
    let state = store.follow_up_state().unwrap();
    assert_eq!(
        state.done[&invoice],
        vec![(FollowUpStep::NoticeOfDefault, day(23))]
    );
    assert_eq!(state.letters[&invoice][0].sent_on, day(23));
    assert_eq!(store.last_letter_on(invoice).unwrap(), Some(day(23)));
    assert_eq!(store.dossier(client_id).unwrap().len(), 1);
    assert!(store.letters_awaiting_post().unwrap().is_empty());
    // Posted once.
    assert!(matches!(
        store.mark_letter_posted(made.id, day(24), &posted_entry),
        Err(StoreError::AlreadyDone)
    ));
    // Delivered once, with a dossier line; a second date is refused.
    store
        .set_letter_delivered(made.id, day(25), &delivered_entry(client_id, invoice))
        .unwrap();
    assert!(matches!(
        store.set_letter_delivered(made.id, day(26), &delivered_entry(client_id, invoice)),
        Err(StoreError::AlreadyDone)
    ));
    assert_eq!(store.letter(made.id).unwrap().delivered_on, Some(day(25)));
    assert_eq!(
        store.dossier(client_id).unwrap()[0].kind,
        DossierKind::Delivered
    );
}

#[test]
fn one_open_dispute_per_invoice() {
    let (mut store, client_id) = store_with_client();
    let invoice = issued(&mut store, client_id);
    let dispute = NewDossierEntry {
        kind: DossierKind::Dispute,
        step: None,
        done_on: None,
        note: Some("Uren kloppen niet".into()),
        ..entry(client_id, invoice, FollowUpStep::Reminder)
    };
    store.open_dispute(invoice, day(22), &dispute).unwrap();
    assert!(matches!(
        store.open_dispute(invoice, day(22), &dispute),
        Err(StoreError::AlreadyDone)
    ));
    assert!(store
        .follow_up_state()
        .unwrap()
        .disputed
        .contains_key(&invoice));
    let resolved = NewDossierEntry {
        kind: DossierKind::DisputeResolved,
        ..dispute.clone()
    };
    store.resolve_dispute(invoice, day(23), &resolved).unwrap();
    assert!(store.follow_up_state().unwrap().disputed.is_empty());
    assert!(matches!(
        store.resolve_dispute(invoice, day(23), &resolved),
        Err(StoreError::NotFound)
    ));
}

#[test]
fn a_rate_used_by_a_letter_cannot_be_removed() {
    let (mut store, client_id) = store_with_client();
    let rate = Rate {
        kind: InterestKind::Commercial,
        valid_from: day(1),
        percent: dec("10.15"),
        source: "Staatscourant".into(),
        unverified: false,
    };
    store.add_rate(&rate).unwrap();
    let invoice = issued(&mut store, client_id);
    store
        .record_letter(
            &letter(FollowUpStep::Dunning),
            &entry(client_id, invoice, FollowUpStep::Dunning),
            pdf,
        )
        .unwrap();
    assert!(matches!(
        store.remove_rate(InterestKind::Commercial, day(1)),
        Err(StoreError::InUse)
    ));
}

#[test]
fn policies_are_stored_per_client_and_as_default() {
    let (mut store, client_id) = store_with_client();
    assert_eq!(store.follow_up_policy(None).unwrap(), None);
    let mut short = FollowUpPolicy::default();
    short.steps.truncate(2);
    store.set_follow_up_policy(None, Some(&short)).unwrap();
    store
        .set_follow_up_policy(Some(client_id), Some(&FollowUpPolicy { steps: vec![] }))
        .unwrap();
    assert_eq!(store.follow_up_policy(None).unwrap(), Some(short.clone()));
    let state = store.follow_up_state().unwrap();
    assert_eq!(state.default_policy, Some(short));
    assert_eq!(state.client_policies[&client_id].steps, vec![]);
    store.set_follow_up_policy(Some(client_id), None).unwrap();
    assert_eq!(store.follow_up_policy(Some(client_id)).unwrap(), None);
}
