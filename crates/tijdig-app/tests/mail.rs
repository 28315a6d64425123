//! Sending an invoice by e-mail through a real SMTP server on loopback (aiosmtpd from `.venv`,
//! `scripts/smtp_test_server.py`) with TLS and a login: what the server received — headers,
//! body, attachments byte for byte as stored — and the Dutch account of every failure, logged
//! in the dossier, sent again once and only once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use mail_parser::MimeHeaders;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::{App, ErrorCode};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A throwaway CA and a server certificate it issued for "localhost" / 127.0.0.1
/// (`cert.pem`, `key.pem`); returns the CA's PEM, which Tijdig is told to trust.
fn certificate(dir: &Path) -> Vec<u8> {
    let openssl = |args: &[&str]| openssl(dir, args);
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "3650",
        "-subj",
        "/CN=Test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "key.pem",
        "-out",
        "server.csr",
    ]);
    std::fs::write(
        dir.join("server.ext"),
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n\
         extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n",
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-set_serial",
        "7",
        "-days",
        "3650",
        "-extfile",
        "server.ext",
        "-out",
        "cert.pem",
    ]);
    std::fs::read(dir.join("ca.pem")).unwrap()
}

/// The test server; killed when dropped (its stdin closes too).
struct Server {
    child: Child,
    port: u16,
    inbox: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(dir: &Path, mode: &str) -> Server {
        let python = repo_root().join(".venv/bin/python");
        assert!(
            python.exists(),
            "run `bash scripts/setup.sh test` (part of `npm test`): .venv with aiosmtpd"
        );
        let inbox = dir.join(format!("inbox-{mode}"));
        let mut child = Command::new(python)
            .arg(repo_root().join("scripts/smtp_test_server.py"))
            .arg("--dir")
            .arg(&inbox)
            .args([
                "--cert",
                "cert.pem",
                "--key",
                "key.pem",
                "--user",
                "sanne",
                "--password",
                "geheim",
                "--mode",
                mode,
            ])
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .strip_prefix("ready ")
            .expect("the server says ready")
            .parse()
            .unwrap();
        Server { child, port, inbox }
    }

    /// The messages received, in order: raw bytes and envelope.
    fn received(&self) -> Vec<(Vec<u8>, serde_json::Value)> {
        (1..)
            .map(|n| self.inbox.join(format!("{n}.eml")))
            .take_while(|p| p.exists())
            .map(|p| {
                let envelope = std::fs::read(p.with_extension("json")).unwrap();
                (
                    std::fs::read(&p).unwrap(),
                    serde_json::from_slice(&envelope).unwrap(),
                )
            })
            .collect()
    }
}

fn settings(port: u16, security: MailSecurity, password: &str) -> MailSettingsForm {
    MailSettingsForm {
        host: "localhost".into(),
        port: port.to_string(),
        security,
        username: "sanne".into(),
        password: password.into(),
        from_name: "Sanne Jansen".into(),
        from_address: "sanne@studiojansen.nl".into(),
        reply_to: "administratie@studiojansen.nl".into(),
        bcc_self: true,
    }
}

fn issued_invoice(app: &App, client: i64) -> i64 {
    let draft = app
        .create_invoice(&invoice_form(
            client,
            vec![line("Ontwerp", "10", "100", VatTreatment::Standard21)],
        ))
        .unwrap();
    app.issue_invoice(draft.id).unwrap().id
}

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

/// A vault shared by two opens of the same data folder (a later "today").
struct Shared(std::sync::Arc<tijdig_app::keychain::MemoryVault>);

impl tijdig_app::keychain::KeyVault for Shared {
    fn get(&self, account: &str) -> Result<Option<Vec<u8>>, tijdig_app::keychain::VaultError> {
        self.0.get(account)
    }
    fn set(&self, account: &str, secret: &[u8]) -> Result<(), tijdig_app::keychain::VaultError> {
        self.0.set(account, secret)
    }
}

/// A business with mail settings and an invoice of 1 June 2026, overdue by the autumn, in a data
/// folder that can be opened on any day (the password in a vault shared by every open).
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
            .with_vault(Box::new(Shared(self.vault.clone())))
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
        dossier.iter().any(|e| e.note.starts_with(&note)),
        "{dossier:?}"
    );
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

    // Sending now anyway, on a Sunday, when the user confirms.
    drop(monday);
    let sunday = open(chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap());
    let now = sunday
        .send_letter_email(produced.letter.id, &email, SendTiming::Now)
        .unwrap();
    assert_eq!(now.status, "sent");
    assert_eq!(server.received().len(), 2);
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
