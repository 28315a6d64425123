//! Sending an invoice by e-mail through a real SMTP server on loopback (aiosmtpd from `.venv`,
//! `scripts/smtp_test_server.py`) with TLS and a login: what the server received — headers,
//! body, attachments byte for byte as stored — and the Dutch account of every failure, logged
//! in the dossier, sent again once and only once. Letters by e-mail: `mail_letters.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod mail_server;
mod support;

use mail_parser::MimeHeaders;
use mail_server::*;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::{App, ErrorCode};

#[test]
fn an_invoice_goes_out_with_its_signed_pdf_and_e_invoice_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let pem = certificate(dir.path());
    let server = Server::start(dir.path(), "starttls");
    let (app, client) = setup();
    let app = app.with_mail_root(pem);
    app.save_mail_settings(&settings(server.port, MailSecurity::Starttls, "geheim"))
        .unwrap();
    let test = app.test_mail_connection().unwrap();
    assert!(test.ok, "{}", test.message);
    assert!(
        test.message.contains("ingelogd als sanne"),
        "{}",
        test.message
    );

    let id = issued_invoice(&app, client);
    let draft = app.invoice_email_draft(id).unwrap();
    assert_eq!(draft.to, "eva@korenbloem.nl");
    assert_eq!(draft.subject, "Factuur 2026-0001 van Studio Jansen");
    assert!(
        draft.body.starts_with("Beste Eva de Vries,"),
        "{}",
        draft.body
    );
    assert!(
        draft.body.contains("€ 1.210,00") && draft.body.contains("22 december 2026"),
        "{}",
        draft.body
    );
    assert_eq!(
        draft.attachments,
        vec!["Factuur 2026-0001.pdf", "Factuur 2026-0001.xml"]
    );

    let sent = app
        .send_invoice_email(
            id,
            &EmailForm {
                to: draft.to.clone(),
                subject: draft.subject.clone(),
                body: draft.body.clone(),
            },
        )
        .unwrap();
    assert_eq!(sent.status, "sent", "{sent:?}");
    assert!(
        sent.server_response.as_deref().unwrap().starts_with("250"),
        "{sent:?}"
    );

    let received = server.received();
    assert_eq!(received.len(), 1);
    let (raw, envelope) = &received[0];
    assert_eq!(envelope["login"], "sanne");
    assert_eq!(envelope["mail_from"], "sanne@studiojansen.nl");
    let rcpt: Vec<&str> = envelope["rcpt_tos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        rcpt,
        vec!["eva@korenbloem.nl", "sanne@studiojansen.nl"],
        "to, and BCC to self"
    );
    let message = mail_parser::MessageParser::default().parse(raw).unwrap();
    assert_eq!(
        message.subject(),
        Some("Factuur 2026-0001 van Studio Jansen")
    );
    assert_eq!(
        message.from().unwrap().first().unwrap().address(),
        Some("sanne@studiojansen.nl")
    );
    assert_eq!(
        message.from().unwrap().first().unwrap().name(),
        Some("Sanne Jansen")
    );
    assert_eq!(
        message.reply_to().unwrap().first().unwrap().address(),
        Some("administratie@studiojansen.nl")
    );
    assert!(message.bcc().is_none(), "a BCC is never in the headers");
    assert!(message.body_text(0).unwrap().contains("betalingskenmerk"));
    let attachments: Vec<(String, Vec<u8>)> = message
        .attachments()
        .map(|a| {
            (
                a.attachment_name().unwrap().to_string(),
                a.contents().to_vec(),
            )
        })
        .collect();
    assert_eq!(attachments.len(), 2);
    assert_eq!(attachments[0].0, "Factuur 2026-0001.pdf");
    assert_eq!(
        attachments[0].1,
        pdf_of(&app, id),
        "the stored, signed PDF byte for byte"
    );
    assert_eq!(attachments[1].0, "Factuur 2026-0001.xml");
    assert_eq!(attachments[1].1, app.invoice_ubl(id).unwrap().1);

    // The dossier says what went out; the invoice lists it.
    let dossier = app.dossier(client).unwrap();
    assert!(dossier.iter().any(|e| e.note == "Factuur 2026-0001 per e-mail verstuurd aan eva@korenbloem.nl (onderwerp: Factuur 2026-0001 van Studio Jansen)."), "{dossier:?}");
    let emails = app.invoice_emails(id).unwrap();
    assert_eq!(emails.len(), 1);
    assert_eq!(
        emails[0].attachments,
        vec!["Factuur 2026-0001.pdf", "Factuur 2026-0001.xml"]
    );
    // Sent is sent: it cannot be "retried" into a second copy.
    assert_eq!(
        app.retry_email(emails[0].id).unwrap_err().code,
        ErrorCode::Conflict
    );
    assert_eq!(server.received().len(), 1);
}

#[test]
fn a_wrong_password_fails_in_dutch_is_logged_and_goes_out_once_when_sent_again() {
    let dir = tempfile::tempdir().unwrap();
    let pem = certificate(dir.path());
    let server = Server::start(dir.path(), "tls");
    let (app, client) = setup();
    let app = app.with_mail_root(pem);
    app.save_mail_settings(&settings(server.port, MailSecurity::Tls, "fout"))
        .unwrap();
    let test = app.test_mail_connection().unwrap();
    assert!(!test.ok);
    assert!(
        test.message
            .contains("weigert je gebruikersnaam of wachtwoord"),
        "{}",
        test.message
    );

    let id = issued_invoice(&app, client);
    let draft = app.invoice_email_draft(id).unwrap();
    let form = EmailForm {
        to: draft.to,
        subject: draft.subject,
        body: draft.body,
    };
    let failed = app.send_invoice_email(id, &form).unwrap();
    assert_eq!(failed.status, "failed");
    assert!(
        failed
            .error
            .as_deref()
            .unwrap()
            .contains("weigert je gebruikersnaam of wachtwoord"),
        "{failed:?}"
    );
    assert!(server.received().is_empty());
    assert!(app
        .dossier(client)
        .unwrap()
        .iter()
        .any(|e| e.note.contains("is niet verstuurd")));
    assert_eq!(
        app.unsent_emails().unwrap().len(),
        1,
        "offered again in Vandaag"
    );

    // The password fixed (the empty field keeps nothing else changed), sent again: once.
    app.save_mail_settings(&settings(server.port, MailSecurity::Tls, "geheim"))
        .unwrap();
    let again = app.retry_email(failed.id).unwrap();
    assert_eq!(again.status, "sent", "{again:?}");
    assert!(app.unsent_emails().unwrap().is_empty());
    assert_eq!(
        app.retry_email(failed.id).unwrap_err().code,
        ErrorCode::Conflict
    );
    assert_eq!(server.received().len(), 1, "never twice");
}

#[test]
fn an_unreachable_or_unknown_server_is_said_plainly() {
    let (app, client) = setup();
    // A port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    app.save_mail_settings(&settings(closed, MailSecurity::Starttls, "geheim"))
        .unwrap();
    let test = app.test_mail_connection().unwrap();
    assert!(!test.ok);
    assert!(test.message.contains("niet bereiken"), "{}", test.message);
    let id = issued_invoice(&app, client);
    let form = EmailForm {
        to: "eva@korenbloem.nl".into(),
        subject: "Factuur".into(),
        body: "Zie bijlage.".into(),
    };
    assert_eq!(app.send_invoice_email(id, &form).unwrap().status, "failed");

    let mut unknown = settings(587, MailSecurity::Starttls, "geheim");
    unknown.host = "smtp.bestaat-niet.invalid".into();
    app.save_mail_settings(&unknown).unwrap();
    let test = app.test_mail_connection().unwrap();
    assert!(
        test.message.contains("niet te vinden (DNS)"),
        "{}",
        test.message
    );

    // Bad input is refused before anything is stored or sent.
    let mut bad = settings(0, MailSecurity::Starttls, "");
    bad.from_address = "geen adres".into();
    let err = app.save_mail_settings(&bad).unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, vec!["port", "fromAddress"]);
    let err = app
        .send_invoice_email(
            id,
            &EmailForm {
                to: "eva@; niemand".into(),
                subject: " ".into(),
                body: "x".into(),
            },
        )
        .unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, vec!["to", "subject"]);
}

#[test]
fn the_mail_password_is_in_the_keychain_not_in_the_database() {
    let data = tempfile::tempdir().unwrap();
    let app = App::open(data.path())
        .unwrap()
        .with_today(today())
        .with_vault(Box::new(tijdig_app::keychain::MemoryVault::default()));
    app.save_profile(&profile_form()).unwrap();
    app.save_mail_settings(&settings(
        587,
        MailSecurity::Starttls,
        "zeer-geheim-wachtwoord-4711",
    ))
    .unwrap();
    let shown = app.mail_settings().unwrap();
    assert!(shown.has_password && shown.configured);
    drop(app);
    for file in ["tijdig.sqlite3", "tijdig.sqlite3-wal"] {
        if let Ok(bytes) = std::fs::read(data.path().join(file)) {
            assert!(
                !bytes
                    .windows(27)
                    .any(|w| w == b"zeer-geheim-wachtwoord-4711"),
                "password in {file}"
            );
        }
    }
}

#[test]
fn the_user_writes_the_invoice_template_and_the_composer_uses_it() {
    let (app, client) = setup();
    let id = issued_invoice(&app, client);
    let built_in = app.mail_templates().unwrap();
    assert!(built_in.invoice.iter().all(|t| !t.custom));
    assert!(built_in
        .placeholders
        .contains(&"{betalingskenmerk}".to_string()));

    let mine = MailTemplateForm {
        language: Language::Nl,
        subject: "Nota {factuurnummer}".into(),
        body: "Hoi {klant}, graag {bedrag} voor {vervaldatum} o.v.v. {betalingskenmerk}.".into(),
    };
    let saved = app.save_mail_template(&mine).unwrap();
    assert!(saved.invoice[0].custom && !saved.invoice[1].custom);
    let draft = app.invoice_email_draft(id).unwrap();
    assert_eq!(draft.subject, "Nota 2026-0001");
    assert_eq!(
        draft.body,
        "Hoi Eva de Vries, graag € 1.210,00 voor 22 december 2026 o.v.v. RF31 2026 0001."
    );

    // A placeholder Tijdig does not know is refused on its field; nothing changes.
    let wrong = MailTemplateForm {
        body: "Hoi {klantnaam}".into(),
        ..mine
    };
    let err = app.save_mail_template(&wrong).unwrap_err();
    assert_eq!(err.fields[0].field, "body");
    assert!(
        err.fields[0].message.contains("{klantnaam}"),
        "{}",
        err.fields[0].message
    );
    assert_eq!(
        app.invoice_email_draft(id).unwrap().subject,
        "Nota 2026-0001"
    );

    // Both empty: the built-in template again.
    app.save_mail_template(&MailTemplateForm {
        language: Language::Nl,
        subject: String::new(),
        body: String::new(),
    })
    .unwrap();
    assert_eq!(
        app.invoice_email_draft(id).unwrap().subject,
        "Factuur 2026-0001 van Studio Jansen"
    );
}
