//! The OS keychain for real (issue "Signed PDFs"): run by `npm test` inside `dbus-run-session`
//! with an unlocked gnome-keyring (`scripts/with-keyring.sh`). The signing key is stored there
//! and read back; it is not in the database file; and without a keychain service (this binary
//! started again with no session bus) issuing says so and issues nothing.
//!
//! One binary plays both parts (`harness = false`): with `TIJDIG_KEYCHAIN_CHILD` set it is the
//! process without a keychain.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::process::Command;

use tijdig_app::dto::VatTreatment;
use tijdig_app::{App, ErrorCode, Sealing};

const CHILD: &str = "TIJDIG_KEYCHAIN_CHILD";

fn main() {
    if let Some(dir) = std::env::var_os(CHILD) {
        without_keychain(std::path::Path::new(&dir));
        return;
    }
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "no session bus: run through `npm test`, or `dbus-run-session -- bash \
         scripts/with-keyring.sh cargo test`"
    );
    the_key_lives_in_the_keychain_and_not_in_the_database();
    without_a_keychain_nothing_is_issued_unless_chosen();
    println!("keychain: ok");
}

fn business(dir: &std::path::Path) -> (App, i64) {
    let app = App::open(dir).unwrap().with_today(support::today());
    app.save_profile(&support::profile_form()).unwrap();
    let client = app
        .create_client(&support::business_client())
        .unwrap()
        .value
        .id;
    (app, client)
}

fn draft(app: &App, client: i64) -> i64 {
    app.create_invoice(&support::invoice_form(
        client,
        vec![support::line("Werk", "1", "100", VatTreatment::Standard21)],
    ))
    .unwrap()
    .id
}

fn the_key_lives_in_the_keychain_and_not_in_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let (app, client) = business(dir.path());
    let invoice = app.issue_invoice(draft(&app, client)).unwrap();
    assert!(invoice.signed, "signed with a key from the OS keychain");
    let fingerprint = app.signing_status().unwrap().unwrap().fingerprint;
    drop(app);

    // The key is in the keychain under the account the database names.
    let conn = rusqlite::Connection::open(dir.path().join("tijdig.sqlite3")).unwrap();
    let account: String = conn
        .query_row(
            "SELECT keychain_account FROM signing_certificates WHERE active = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    let key = keyring::Entry::new("nl.tijdig.desktop", &account)
        .unwrap()
        .get_secret()
        .expect("the key is in the OS keychain");
    assert!(
        key.len() < 2500,
        "fits every OS keychain: {} bytes",
        key.len()
    );
    // PKCS#8 of a P-256 key: the 32-byte private scalar follows ECPrivateKey's version 1 and
    // the OCTET STRING header (02 01 01 04 20).
    let at = key
        .windows(5)
        .position(|w| w == [0x02, 0x01, 0x01, 0x04, 0x20])
        .expect("an EC private key")
        + 5;
    let scalar = &key[at..at + 32];

    // A fresh process (the app started again) signs with the same key, read from the keychain.
    let again = App::open(dir.path()).unwrap().with_today(support::today());
    let second = again.issue_invoice(draft(&again, client)).unwrap();
    let check = again
        .check_pdf(&std::fs::read(again.write_invoice_pdf(second.id, dir.path()).unwrap()).unwrap())
        .unwrap();
    assert_eq!(check.signatures[0].fingerprint, fingerprint);
    drop(again);

    // Neither the key nor its private scalar is anywhere in the database or its journal.
    for file in ["tijdig.sqlite3", "tijdig.sqlite3-wal"] {
        let Ok(bytes) = std::fs::read(dir.path().join(file)) else {
            continue;
        };
        for secret in [&key[..], scalar] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret),
                "the private key is in {file}"
            );
        }
    }
}

fn without_a_keychain_nothing_is_issued_unless_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new(std::env::current_exe().unwrap())
        .env(CHILD, dir.path())
        // No session bus: no Secret Service to ask.
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/tijdig-test-bus",
        )
        .status()
        .unwrap();
    assert!(
        status.success(),
        "the process without a keychain failed its checks"
    );
}

fn without_keychain(dir: &std::path::Path) {
    let (app, client) = business(dir);
    let id = draft(&app, client);
    let err = app.issue_invoice(id).unwrap_err();
    assert_eq!(err.code, ErrorCode::KeychainUnavailable, "{err:?}");
    assert!(err.message.contains("sleutelhanger"), "{}", err.message);
    assert_eq!(app.invoice(id).unwrap().number, None, "nothing issued");
    assert_eq!(
        app.signing_status().unwrap(),
        None,
        "no certificate without its key"
    );
    let unsigned = app.issue_invoice_as(id, Sealing::Unsigned).unwrap();
    assert_eq!(unsigned.number.as_deref(), Some("2026-0001"));
    assert!(!unsigned.signed);
}
