//! Offers and agreements by e-mail through the tests' own SMTP server: the signed PDF and the
//! algemene voorwaarden attached byte for byte, a concept refused, and the message in the dossier.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod mail_server;
mod offer_support;
mod support;

use mail_server::*;
use offer_support::terms_pdf;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::App;

#[test]
fn an_offer_and_its_agreement_go_out_with_the_signed_pdf_and_the_terms() {
    let certs = tempfile::tempdir().unwrap();
    let pem = certificate(certs.path());
    let server = Server::start(certs.path(), "starttls");
    let data = tempfile::tempdir().unwrap();
    let app = App::open(data.path())
        .unwrap()
        .with_today(today())
        .with_vault(Box::new(tijdig_app::keychain::MemoryVault::default()))
        .with_mail_root(pem);
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    app.save_mail_settings(&settings(server.port, MailSecurity::Starttls, "geheim"))
        .unwrap();
    app.add_terms_document(
        "Algemene voorwaarden 2026.pdf",
        &terms_pdf("Artikel 1 van de voorwaarden."),
    )
    .unwrap();
    let mut form = app.new_offer_form(Some(client)).unwrap();
    form.title = "Nieuwe website".into();
    form.scope = "Ontwerp en bouw.".into();
    form.fixed_price = "4000".into();
    let offer = app.save_offer(None, &form).unwrap();
    let concept = app.offer_email_draft(offer.id).unwrap_err();
    assert!(concept.message.contains("eerst definitief"), "{concept:?}");
    app.finalise_offer(offer.id).unwrap();

    let draft = app.offer_email_draft(offer.id).unwrap();
    assert_eq!(draft.to, "eva@korenbloem.nl");
    assert_eq!(draft.subject, "Offerte OF-2026-0001: Nieuwe website");
    assert!(draft.body.starts_with("Beste Eva de Vries,"));
    assert!(draft.body.contains("geldig tot en met 22-12-2026"));
    assert_eq!(
        draft.attachments,
        vec![
            "Offerte OF-2026-0001.pdf".to_string(),
            "Algemene voorwaarden 2026.pdf".to_string()
        ]
    );
    let sent = app
        .send_offer_email(
            offer.id,
            &EmailForm {
                to: draft.to.clone(),
                subject: draft.subject.clone(),
                body: draft.body.clone(),
            },
        )
        .unwrap();
    assert_eq!(sent.status, "sent", "{sent:?}");
    let received = server.received();
    let message = mail_parser::MessageParser::default()
        .parse(&received[0].0)
        .unwrap();
    assert_eq!(
        message.subject(),
        Some("Offerte OF-2026-0001: Nieuwe website")
    );
    let files: Vec<_> = message.attachments().collect();
    assert_eq!(files.len(), 2);
    assert_eq!(
        files[0].contents(),
        app.offer_pdf(offer.id).unwrap().1.as_slice()
    );
    assert_eq!(
        files[1].contents(),
        terms_pdf("Artikel 1 van de voorwaarden.").as_slice()
    );

    let accepted = app
        .accept_offer(
            offer.id,
            &AcceptanceForm {
                how: AcceptedHow::Email,
                on: "22-11-2026".into(),
                by: "Eva de Vries".into(),
            },
        )
        .unwrap();
    let agreement = accepted.agreement.unwrap();
    let draft = app.agreement_email_draft(agreement.id).unwrap();
    assert_eq!(
        draft.subject,
        "Opdrachtbevestiging OB-2026-0001: Nieuwe website"
    );
    assert!(draft.body.contains("ondertekenen en aan mij terugsturen"));
    let sent = app
        .send_agreement_email(
            agreement.id,
            &EmailForm {
                to: draft.to,
                subject: draft.subject,
                body: draft.body,
            },
        )
        .unwrap();
    assert_eq!(sent.status, "sent");
    let received = server.received();
    let message = mail_parser::MessageParser::default()
        .parse(&received[1].0)
        .unwrap();
    assert_eq!(
        message.attachments().next().unwrap().contents(),
        app.agreement_pdf(agreement.id).unwrap().1.as_slice()
    );

    let emails = app.offer_emails(offer.id).unwrap();
    assert_eq!(emails.len(), 2);
    let dossier = app.dossier(client).unwrap();
    for expected in [
        "Offerte OF-2026-0001 per e-mail verstuurd aan eva@korenbloem.nl",
        "Opdrachtbevestiging OB-2026-0001 per e-mail verstuurd aan eva@korenbloem.nl",
    ] {
        assert!(
            dossier
                .iter()
                .any(|e| e.note.starts_with(expected) && e.invoice_numbers.is_empty()),
            "missing {expected:?} in {dossier:#?}"
        );
    }
}
