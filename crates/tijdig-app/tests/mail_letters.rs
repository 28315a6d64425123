//! Letters by e-mail (the ladder's e-mail steps) through the tests' own SMTP server: the letter
//! attached byte for byte, and the contact hours — a reminder on a Sunday asks first, or goes out
//! once at the next allowed moment.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod mail_server;
mod support;

use mail_server::*;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::{App, ErrorCode};

struct OverdueWorld {
    _certs: tempfile::TempDir,
    server: Server,
    pem: Vec<u8>,
    vault: std::sync::Arc<tijdig_app::keychain::MemoryVault>,
    data: tempfile::TempDir,
    client: i64,
    invoice: i64,
}

impl OverdueWorld {
    fn new() -> OverdueWorld {
        let certs = tempfile::tempdir().unwrap();
        let pem = certificate(certs.path());
        let server = Server::start(certs.path(), "starttls");
        let mut world = OverdueWorld {
            _certs: certs,
            server,
            pem,
            vault: std::sync::Arc::new(tijdig_app::keychain::MemoryVault::default()),
            data: tempfile::tempdir().unwrap(),
            client: 0,
            invoice: 0,
        };
        let app = world.open(today());
        app.save_profile(&profile_form()).unwrap();
        world.client = app.create_client(&business_client()).unwrap().value.id;
        app.save_mail_settings(&settings(
            world.server.port,
            MailSecurity::Starttls,
            "geheim",
        ))
        .unwrap();
        let mut form = invoice_form(
            world.client,
            vec![line("Ontwerp", "10", "100", VatTreatment::Standard21)],
        );
        form.invoice_date = "2026-06-01".into();
        form.delivery_from = "2026-05-01".into();
        form.delivery_to = "2026-05-31".into();
        world.invoice = app
            .issue_invoice(app.create_invoice(&form).unwrap().id)
            .unwrap()
            .id;
        world
    }

    fn open(&self, day: chrono::NaiveDate) -> App {
        App::open(self.data.path())
            .unwrap()
            .with_today(day)
            .with_vault(Box::new(SharedVault(self.vault.clone())))
            .with_mail_root(self.pem.clone())
    }

    /// The reminder of the invoice, made on `day` for the e-mail channel.
    fn reminder(&self, app: &App) -> LetterResult {
        app.produce_letter(&LetterRequest {
            client_id: self.client,
            step: FollowUpStep::Reminder,
            invoice_ids: vec![self.invoice],
            channel: FollowUpChannel::Email,
        })
        .unwrap()
    }
}

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_reminder_goes_out_by_e_mail_with_the_letter_attached() {
    let world = OverdueWorld::new();
    let (server, client) = (&world.server, world.client);
    let app = world.open(day(2026, 11, 30));
    let produced = world.reminder(&app);
    let text = produced.email.expect("the e-mail text of the step");
    // Made, not sent: the step is still to do.
    let due = |app: &App| {
        app.today_overview()
            .unwrap()
            .clients
            .iter()
            .any(|c| c.client_id == client)
    };
    assert!(produced.letter.awaiting_email);
    assert!(
        due(&app),
        "the reminder is not done before the e-mail goes out"
    );
    let draft = app.letter_email_draft(produced.letter.id).unwrap();
    assert_eq!(
        draft.attachments,
        vec![format!("Herinnering {}.pdf", produced.letter.reference)]
    );
    let sent = app
        .send_letter_email(
            produced.letter.id,
            &EmailForm {
                to: text.to.unwrap_or(draft.to),
                subject: text.subject.clone(),
                body: text.body,
            },
            SendTiming::Check,
        )
        .unwrap();
    assert_eq!(sent.status, "sent", "{sent:?}");
    let received = server.received();
    let message = mail_parser::MessageParser::default()
        .parse(&received[0].0)
        .unwrap();
    assert_eq!(message.subject(), Some(text.subject.as_str()));
    let attachment = message.attachments().next().unwrap();
    assert_eq!(
        attachment.contents(),
        app.letter_pdf(produced.letter.id).unwrap().1.as_slice()
    );
    let dossier = app.dossier(client).unwrap();
    let note = format!(
        "Herinnering {} per e-mail verstuurd aan eva@korenbloem.nl",
        produced.letter.reference
    );
    assert!(
        dossier
            .iter()
            .any(|e| e.note.starts_with(&note) && e.letter.is_some() && e.step_label.is_some()),
        "{dossier:?}"
    );
    // Sent: the step is done, the letter counts as sent.
    assert!(!due(&app), "the reminder is done once the e-mail went out");
    assert!(app
        .mark_letter_emailed(produced.letter.id)
        .unwrap_err()
        .message
        .contains("al verstuurd"));
}

#[test]
fn a_reminder_on_a_sunday_asks_first_and_goes_out_once_at_the_next_allowed_moment() {
    let world = OverdueWorld::new();
    let (server, client) = (&world.server, world.client);
    let open = |d: chrono::NaiveDate| world.open(d);
    // The reminder is made on Monday 23 November; it is sent on Sunday 29 November.
    let app = open(day(2026, 11, 23));
    let produced = world.reminder(&app);
    let text = produced.email.unwrap();
    drop(app);
    let app = open(chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap());
    let email = EmailForm {
        to: "eva@korenbloem.nl".into(),
        subject: text.subject,
        body: text.body,
    };

    let asked = app
        .send_letter_email(produced.letter.id, &email, SendTiming::Check)
        .unwrap_err();
    assert_eq!(asked.code, ErrorCode::OutsideContactHours);
    assert!(
        asked.message.contains("30 november 2026 om 07:00"),
        "{}",
        asked.message
    );
    assert!(
        server.received().is_empty(),
        "nothing sent on a Sunday without asking"
    );

    let scheduled = app
        .send_letter_email(produced.letter.id, &email, SendTiming::Schedule)
        .unwrap();
    assert_eq!(scheduled.status, "scheduled");
    assert_eq!(scheduled.scheduled_for.as_deref(), Some("30-11-2026 07:00"));
    assert!(
        app.send_due_emails().unwrap().is_empty(),
        "not before its moment"
    );
    assert!(server.received().is_empty());
    assert!(app
        .dossier(client)
        .unwrap()
        .iter()
        .any(|e| e.note.contains("ingepland") && e.note.contains("30-11-2026 07:00")));
    drop(app);

    // Monday: the app is opened, the message goes out — once.
    let monday = open(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let went = monday.send_due_emails().unwrap();
    assert_eq!(went.len(), 1);
    assert_eq!(went[0].status, "sent", "{:?}", went[0]);
    assert!(monday.send_due_emails().unwrap().is_empty());
    assert_eq!(server.received().len(), 1);
    assert!(monday.unsent_emails().unwrap().is_empty());

    // Once it went out, it does not go again.
    let twice = monday
        .send_letter_email(produced.letter.id, &email, SendTiming::Now)
        .unwrap_err();
    assert!(
        twice.message.contains("al per e-mail verstuurd"),
        "{twice:?}"
    );
    assert_eq!(server.received().len(), 1);
}

#[test]
fn a_scheduled_letter_is_not_sent_again_and_now_on_a_sunday_sends_when_confirmed() {
    let world = OverdueWorld::new();
    let server = &world.server;
    let app = world.open(day(2026, 11, 23));
    let produced = world.reminder(&app);
    let text = produced.email.unwrap();
    drop(app);
    let sunday = world.open(day(2026, 11, 29));
    let email = EmailForm {
        to: "eva@korenbloem.nl".into(),
        subject: text.subject,
        body: text.body,
    };
    let scheduled = sunday
        .send_letter_email(produced.letter.id, &email, SendTiming::Schedule)
        .unwrap();
    assert_eq!(scheduled.status, "scheduled");
    // Neither a second message nor "sent it myself" while one waits: it would go twice.
    let again = sunday
        .send_letter_email(produced.letter.id, &email, SendTiming::Now)
        .unwrap_err();
    assert!(again.message.contains("al ingepland"), "{again:?}");
    let by_hand = sunday.mark_letter_emailed(produced.letter.id).unwrap_err();
    assert!(by_hand.message.contains("twee keer"), "{by_hand:?}");
    assert!(server.received().is_empty());

    // Another client's reminder: sent now anyway, on a Sunday, when the user confirms.
    let world = OverdueWorld::new();
    let app = world.open(day(2026, 11, 23));
    let produced = world.reminder(&app);
    drop(app);
    let sunday = world.open(day(2026, 11, 29));
    let now = sunday
        .send_letter_email(produced.letter.id, &email, SendTiming::Now)
        .unwrap();
    assert_eq!(now.status, "sent");
    assert_eq!(world.server.received().len(), 1);
}

/// The reminder scheduled on Sunday 29 November for Monday 07:00, as the user chose.
fn scheduled_reminder(world: &OverdueWorld) -> (LetterResult, EmailForm) {
    let app = world.open(day(2026, 11, 23));
    let produced = world.reminder(&app);
    let text = produced.email.clone().unwrap();
    drop(app);
    let sunday = world.open(day(2026, 11, 29));
    let email = EmailForm {
        to: "eva@korenbloem.nl".into(),
        subject: text.subject,
        body: text.body,
    };
    let scheduled = sunday
        .send_letter_email(produced.letter.id, &email, SendTiming::Schedule)
        .unwrap();
    assert_eq!(scheduled.status, "scheduled");
    (produced, email)
}

#[test]
fn a_scheduled_reminder_checks_the_contact_hours_again_when_tijdig_next_opens_on_a_sunday() {
    let world = OverdueWorld::new();
    scheduled_reminder(&world);
    // Tijdig is next opened on Sunday 6 December: the moment has passed, but it is Sunday now.
    let sunday = world.open(day(2026, 12, 6));
    let moved = sunday.send_due_emails().unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].status, "scheduled");
    assert_eq!(moved[0].scheduled_for.as_deref(), Some("07-12-2026 07:00"));
    assert!(world.server.received().is_empty(), "nothing on a Sunday");
    assert!(sunday
        .dossier(world.client)
        .unwrap()
        .iter()
        .any(|e| e.note.contains("verschoven naar 07-12-2026 07:00")));
    drop(sunday);
    let monday = world.open(day(2026, 12, 7));
    let went = monday.send_due_emails().unwrap();
    assert_eq!(went[0].status, "sent", "{went:?}");
    assert_eq!(world.server.received().len(), 1);
}

#[test]
fn a_scheduled_reminder_for_an_invoice_disputed_meanwhile_is_cancelled_not_sent() {
    let world = OverdueWorld::new();
    let (produced, email) = scheduled_reminder(&world);
    // Sunday evening the client calls: the invoice is disputed.
    let sunday = world.open(day(2026, 11, 29));
    sunday
        .open_dispute(&DisputeForm {
            invoice_id: world.invoice,
            note: "Het logo klopt niet".into(),
        })
        .unwrap();
    drop(sunday);
    let monday = world.open(day(2026, 11, 30));
    let cancelled = monday.send_due_emails().unwrap();
    assert_eq!(cancelled.len(), 1);
    assert_eq!(cancelled[0].status, "cancelled", "{cancelled:?}");
    assert!(
        cancelled[0].error.as_deref().unwrap().contains("betwist"),
        "{cancelled:?}"
    );
    assert!(world.server.received().is_empty());
    assert!(monday.unsent_emails().unwrap().is_empty(), "done with");
    assert!(monday.send_due_emails().unwrap().is_empty(), "once");
    assert!(monday
        .dossier(world.client)
        .unwrap()
        .iter()
        .any(|e| e.note.contains("niet verstuurd") && e.note.contains("betwist")));
    // A cancelled message never goes, not even by "send again".
    assert!(monday.retry_email(cancelled[0].id).is_err());
    let _ = (produced, email);
    assert!(world.server.received().is_empty());
}

/// A message the server may have taken when Tijdig was cut off: at the next start it is
/// "onbekend", blocks a second message, and the user's answer settles it once.
#[test]
fn an_e_mail_cut_off_mid_send_becomes_unknown_and_the_user_says_whether_it_went() {
    let world = OverdueWorld::new();
    let (produced, email) = scheduled_reminder(&world);
    // Monday 07:00 Tijdig took the message and was killed while talking to the server.
    let monday = world.open(day(2026, 11, 30));
    drop(monday);
    let conn = rusqlite::Connection::open(world.data.path().join("tijdig.sqlite3")).unwrap();
    conn.execute(
        "UPDATE sent_emails SET status = 'sending', attempts = attempts + 1,
             attempted_at = '2026-11-30T07:00:00'",
        [],
    )
    .unwrap();
    drop(conn);

    let app = world.open(day(2026, 12, 1));
    let unknown = app.recover_interrupted_emails().unwrap();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].status, "unknown");
    assert!(app.recover_interrupted_emails().unwrap().is_empty(), "once");
    assert_eq!(app.unsent_emails().unwrap()[0].status, "unknown");
    assert!(app
        .dossier(world.client)
        .unwrap()
        .iter()
        .any(|e| e.note.starts_with("Onbekend of de e-mail")));
    // Neither a new message nor "sent it myself" while it is unknown.
    let again = app
        .send_letter_email(produced.letter.id, &email, SendTiming::Now)
        .unwrap_err();
    assert!(again.message.contains("onbekend"), "{again:?}");
    let by_hand = app.mark_letter_emailed(produced.letter.id).unwrap_err();
    assert!(by_hand.message.contains("onderbroken"), "{by_hand:?}");
    let reminder_due = |app: &App| {
        app.today_overview()
            .unwrap()
            .clients
            .iter()
            .any(|c| c.client_id == world.client)
    };
    assert!(reminder_due(&app), "not done while unknown");

    // The user finds it in the Sent folder: sent at the moment it was tried, the step done.
    let confirmed = app.confirm_email_sent(unknown[0].id).unwrap();
    assert_eq!(confirmed.status, "sent");
    assert_eq!(confirmed.at, "30-11-2026 07:00");
    assert!(!reminder_due(&app));
    assert_eq!(
        app.confirm_email_sent(unknown[0].id).unwrap_err().code,
        ErrorCode::Conflict
    );
    assert_eq!(
        app.retry_email(unknown[0].id).unwrap_err().code,
        ErrorCode::Conflict
    );
    assert!(world.server.received().is_empty());
}

#[test]
fn an_e_mail_cut_off_mid_send_can_be_sent_again_under_the_same_message_id() {
    let world = OverdueWorld::new();
    scheduled_reminder(&world);
    drop(world.open(day(2026, 11, 30)));
    let conn = rusqlite::Connection::open(world.data.path().join("tijdig.sqlite3")).unwrap();
    conn.execute("UPDATE sent_emails SET status = 'sending'", [])
        .unwrap();
    let message_id: String = conn
        .query_row("SELECT message_id FROM sent_emails", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    let app = world.open(day(2026, 11, 30));
    let unknown = app.recover_interrupted_emails().unwrap();
    let sent = app.retry_email(unknown[0].id).unwrap();
    assert_eq!(sent.status, "sent", "{sent:?}");
    let received = world.server.received();
    assert_eq!(received.len(), 1);
    let message = mail_parser::MessageParser::default()
        .parse(&received[0].0)
        .unwrap();
    assert_eq!(
        format!("<{}>", message.message_id().unwrap()),
        message_id,
        "the same message, so the client's mail program can tell"
    );
}
