//! Signed documents through the app layer: an issued invoice's stored PDF is signed with the
//! business's own certificate, "Controleer PDF" recognises it, a locked keychain issues nothing
//! until the user chooses to issue unsigned. (The real OS keychain: `tests/keychain.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::sync::Arc;

use support::*;
use tijdig_app::dto::*;
use tijdig_app::keychain::MemoryVault;
use tijdig_app::{ErrorCode, Sealing};

fn draft(app: &tijdig_app::App, client: i64) -> i64 {
    app.create_invoice(&invoice_form(
        client,
        vec![line("Ontwerp", "10", "100", VatTreatment::Standard21)],
    ))
    .unwrap()
    .id
}

#[test]
fn an_issued_invoice_is_signed_and_recognised_by_controleer_pdf() {
    let (app, client) = setup();
    assert_eq!(
        app.signing_status().unwrap(),
        None,
        "no certificate before first use"
    );
    let invoice = app.issue_invoice(draft(&app, client)).unwrap();
    assert!(invoice.signed);
    let status = app.signing_status().unwrap().expect("made on first use");
    assert_eq!(status.subject, "CN=Studio Jansen,O=Studio Jansen,C=NL");
    assert_eq!(status.source, "generated");
    assert_eq!(status.fingerprint.len(), 32 * 3 - 1);

    let pdf = pdf_of(&app, invoice.id);
    let check = app.check_pdf(&pdf).unwrap();
    assert_eq!(check.signatures.len(), 1);
    let sig = &check.signatures[0];
    assert!(sig.intact && sig.covers_whole_file && sig.ours, "{sig:?}");
    assert_eq!(sig.signer, "Studio Jansen");
    assert_eq!(sig.signed_at, "22-11-2026 12:00 UTC");
    assert_eq!(sig.fingerprint, status.fingerprint);
    assert_eq!(
        check.matches,
        vec![DocumentMatch {
            kind: "invoice".into(),
            id: invoice.id,
            reference: "2026-0001".into(),
            exact: true
        }]
    );
    // The same certificate signs the next invoice.
    let second = app.issue_invoice(draft(&app, client)).unwrap();
    let again = app.check_pdf(&pdf_of(&app, second.id)).unwrap();
    assert_eq!(again.signatures[0].fingerprint, status.fingerprint);
    // The .cer is the certificate itself.
    let (name, der) = app.signing_certificate_file().unwrap();
    assert_eq!(name, "Certificaat Studio Jansen.cer");
    assert_eq!(
        tijdig_documents::signing::fingerprint_of(&der),
        status.fingerprint
    );
}

#[test]
fn a_changed_copy_is_reported_and_traced_back_to_the_signed_original() {
    let (app, client) = setup();
    let invoice = app.issue_invoice(draft(&app, client)).unwrap();
    let pdf = pdf_of(&app, invoice.id);

    let mut tampered = pdf.clone();
    let at = tampered.windows(9).position(|w| w == b"/Producer").unwrap() + 12;
    tampered[at] ^= 1;
    let check = app.check_pdf(&tampered).unwrap();
    assert!(!check.signatures[0].intact);
    assert!(check.signatures[0]
        .problem
        .as_deref()
        .unwrap()
        .contains("veranderd"));
    assert!(
        check.matches.is_empty(),
        "a changed file is not our document"
    );

    let mut appended = pdf.clone();
    appended.extend_from_slice(b"\n1 0 obj\n(extra)\nendobj\n%%EOF\n");
    let check = app.check_pdf(&appended).unwrap();
    let sig = &check.signatures[0];
    assert!(sig.intact && !sig.covers_whole_file, "{sig:?}");
    assert!(sig.problem.as_deref().unwrap().contains("toegevoegd"));
    assert_eq!(check.matches.len(), 1);
    assert!(
        !check.matches[0].exact,
        "the signed revision is ours, the file is not"
    );

    let unsigned = app.check_pdf(b"%PDF-1.7\n%%EOF\n").unwrap();
    assert!(unsigned.signatures.is_empty() && unsigned.matches.is_empty());
}

#[test]
fn a_locked_keychain_issues_nothing_until_the_user_chooses_unsigned() {
    let vault = Arc::new(MemoryVault::default());
    let app = tijdig_app::App::open_in_memory()
        .unwrap()
        .with_today(today())
        .with_vault(Box::new(SharedVault(vault.clone())));
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    vault.set_locked(true);

    let id = draft(&app, client);
    let err = app.issue_invoice(id).unwrap_err();
    assert_eq!(err.code, ErrorCode::KeychainUnavailable);
    assert!(err.message.contains("sleutelhanger"), "{}", err.message);
    assert!(
        err.message.contains("Er is niets gemaakt"),
        "{}",
        err.message
    );
    let still = app.invoice(id).unwrap();
    assert_eq!((still.number, still.status), (None, InvoiceStatus::Draft));
    assert_eq!(
        app.signing_status().unwrap(),
        None,
        "no certificate without its key"
    );

    // The user chooses to issue it unsigned: number 0001, and the invoice says it is unsigned.
    let unsigned = app.issue_invoice_as(id, Sealing::Unsigned).unwrap();
    assert_eq!(unsigned.number.as_deref(), Some("2026-0001"));
    assert!(!unsigned.signed);
    assert!(app
        .check_pdf(&pdf_of(&app, id))
        .unwrap()
        .signatures
        .is_empty());
    let dossier = app.dossier(client).unwrap();
    assert!(
        dossier.iter().any(|e| e.note
            == "Factuur 2026-0001 is zonder digitale handtekening uitgereikt: de sleutelhanger was niet beschikbaar."),
        "{dossier:?}"
    );

    // Unlocked again: the next one is signed, and the series has no gap.
    vault.set_locked(false);
    let signed = app.issue_invoice(draft(&app, client)).unwrap();
    assert_eq!(signed.number.as_deref(), Some("2026-0002"));
    assert!(signed.signed);
}

#[test]
fn a_key_missing_from_the_keychain_is_said_plainly() {
    let vault = Arc::new(MemoryVault::default());
    let app = tijdig_app::App::open_in_memory()
        .unwrap()
        .with_today(today())
        .with_vault(Box::new(SharedVault(vault.clone())));
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    app.issue_invoice(draft(&app, client)).unwrap();
    // Another computer: the database came along, the keychain did not.
    let moved = app.with_vault(Box::new(MemoryVault::default()));
    let err = moved.issue_invoice(draft(&moved, client)).unwrap_err();
    assert_eq!(err.code, ErrorCode::KeychainUnavailable);
    assert!(
        err.message.contains("staat niet in de sleutelhanger"),
        "{}",
        err.message
    );
    // A new certificate fixes it; the old one stays known for checking old documents.
    let old = moved.signing_status().unwrap().unwrap().fingerprint;
    let new = moved.create_signing_certificate().unwrap();
    assert_ne!(new.fingerprint, old);
    assert!(moved.issue_invoice(draft(&moved, client)).unwrap().signed);
    let first = moved.check_pdf(&pdf_of(&moved, 1)).unwrap();
    assert!(
        first.signatures[0].ours,
        "signed with the earlier certificate, still ours"
    );
}

#[test]
fn a_reminder_letter_is_signed_with_the_same_certificate() {
    let vault = Arc::new(MemoryVault::default());
    let data = tempfile::tempdir().unwrap();
    let open = |day: chrono::NaiveDate| {
        tijdig_app::App::open(data.path())
            .unwrap()
            .with_today(day)
            .with_vault(Box::new(SharedVault(vault.clone())))
    };
    let app = open(today());
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    let mut form = invoice_form(
        client,
        vec![line("Ontwerp", "10", "100", VatTreatment::Standard21)],
    );
    form.invoice_date = "2026-06-01".into();
    form.delivery_from = "2026-05-01".into();
    form.delivery_to = "2026-05-31".into();
    let invoice = app
        .issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap();
    let fingerprint = app.signing_status().unwrap().unwrap().fingerprint;
    drop(app);

    let app = open(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let letter = app
        .produce_letter(&LetterRequest {
            client_id: client,
            step: FollowUpStep::Reminder,
            invoice_ids: vec![invoice.id],
            channel: FollowUpChannel::Letter,
        })
        .unwrap()
        .letter;
    let (_, pdf) = app.letter_pdf(letter.id).unwrap();
    let check = app.check_pdf(&pdf).unwrap();
    assert!(check.signatures[0].intact && check.signatures[0].ours);
    assert_eq!(check.signatures[0].fingerprint, fingerprint);
    assert_eq!(check.matches[0].kind, "letter");
    app.mark_letter_posted(letter.id, "30-11-2026").unwrap();

    // A locked keychain produces no letter and records nothing.
    vault.set_locked(true);
    let again = open(chrono::NaiveDate::from_ymd_opt(2026, 12, 28).unwrap());
    let err = again
        .produce_letter(&LetterRequest {
            client_id: client,
            step: FollowUpStep::Dunning,
            invoice_ids: vec![invoice.id],
            channel: FollowUpChannel::Letter,
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::KeychainUnavailable, "{err:?}");
    // The user makes it unsigned on purpose: the letter is there, and the dossier says so.
    let dunning = again
        .produce_letter_as(
            &LetterRequest {
                client_id: client,
                step: FollowUpStep::Dunning,
                invoice_ids: vec![invoice.id],
                channel: FollowUpChannel::Letter,
            },
            Sealing::Unsigned,
        )
        .unwrap()
        .letter;
    let (_, pdf) = again.letter_pdf(dunning.id).unwrap();
    assert!(again.check_pdf(&pdf).unwrap().signatures.is_empty());
    // Posted: its dossier line is written, saying it carries no signature.
    again.mark_letter_posted(dunning.id, "28-12-2026").unwrap();
    let dossier = again.dossier(client).unwrap();
    assert!(
        dossier
            .iter()
            .any(|e| e.note.contains("zonder digitale handtekening")),
        "{dossier:?}"
    );
}

/// A self-signed RSA certificate with key in a password-protected .p12, as OpenSSL 3 writes it.
fn bought_p12(dir: &std::path::Path) -> Vec<u8> {
    let run = |args: &[&str]| openssl(dir, args);
    run(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "3650",
        "-subj",
        "/CN=S. Jansen/O=Studio Jansen/C=NL",
        "-keyout",
        "key.pem",
        "-out",
        "cert.pem",
    ]);
    run(&[
        "pkcs12",
        "-export",
        "-inkey",
        "key.pem",
        "-in",
        "cert.pem",
        "-passout",
        "pass:geheim",
        "-out",
        "id.p12",
    ]);
    std::fs::read(dir.join("id.p12")).unwrap()
}

#[test]
fn a_bought_certificate_is_imported_and_signs_from_then_on() {
    let (app, client) = setup();
    let dir = tempfile::tempdir().unwrap();
    let p12 = bought_p12(dir.path());

    let wrong = app.import_signing_certificate(&p12, "fout").unwrap_err();
    assert_eq!(wrong.code, ErrorCode::Validation);
    assert_eq!(wrong.fields[0].field, "password");
    assert!(wrong.message.contains("wachtwoord"), "{}", wrong.message);
    let garbage = app
        .import_signing_certificate(b"geen certificaat", "geheim")
        .unwrap_err();
    assert_eq!(garbage.fields[0].field, "file");
    assert_eq!(
        app.signing_status().unwrap(),
        None,
        "nothing kept after a refusal"
    );

    let imported = app.import_signing_certificate(&p12, "geheim").unwrap();
    assert_eq!(imported.source, "imported");
    // OpenSSL wrote CN first; RFC 4514 prints the last RDN first.
    assert_eq!(imported.subject, "C=NL,O=Studio Jansen,CN=S. Jansen");
    let invoice = app.issue_invoice(draft(&app, client)).unwrap();
    let check = app.check_pdf(&pdf_of(&app, invoice.id)).unwrap();
    assert!(check.signatures[0].intact && check.signatures[0].ours);
    assert_eq!(check.signatures[0].signer, "S. Jansen");
    assert_eq!(check.signatures[0].fingerprint, imported.fingerprint);
}
