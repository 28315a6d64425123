//! Backups: made, kept per the 7/4/12 rule, checked, and restored without losing what was there
//! — and without ever handing out a number twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use chrono::NaiveDate;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::App;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn a_backup_is_checked_and_restored_and_the_current_data_is_backed_up_first() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 11, 22));
    app.save_profile(&profile_form()).unwrap();
    app.create_client(&business_client()).unwrap();
    let status = app.backup_status().unwrap();
    assert!(status.warning.is_some(), "no backup yet");
    let made = app.make_backup().unwrap();
    assert_eq!(made.files.len(), 1);
    assert!(made.warning.is_none());
    assert!(made.folder.ends_with("backups"));
    let name = made.files[0].name.clone();

    // Later a second client is added; the backup still has one.
    app.create_client(&ClientForm {
        name: "Tweede klant".into(),
        ..business_client()
    })
    .unwrap();
    let check = app.inspect_backup(&name).unwrap();
    assert!(check.intact);
    assert_eq!(check.clients, 1);
    assert!(
        app.inspect_backup("../tijdig.sqlite3").is_err(),
        "only our own backup names"
    );

    // Nothing issued since: nothing to confirm.
    assert!(check.lost.is_empty());
    let after = app.restore_backup(&name, false).unwrap();
    let clients = app
        .clients(&ClientQuery {
            search: String::new(),
            sort: ClientSort::Name,
            include_archived: true,
        })
        .unwrap();
    assert_eq!(clients.len(), 1);
    assert_eq!(
        after.files.len(),
        2,
        "what was there before the restore is itself a backup"
    );
    let newest = after.files.iter().find(|f| f.name != name).unwrap();
    assert!(newest.pinned, "{newest:?}");
    assert_eq!(app.inspect_backup(&newest.name).unwrap().clients, 2);
}

#[test]
fn the_start_up_backup_is_made_at_most_once_an_hour() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 11, 22));
    app.save_profile(&profile_form()).unwrap();
    app.backup_at_startup();
    app.backup_at_startup();
    assert_eq!(app.backup_status().unwrap().files.len(), 1);
}

#[test]
fn after_25_changed_rows_a_backup_is_made_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 11, 22));
    app.save_profile(&profile_form()).unwrap();
    for i in 0..30 {
        app.create_client(&ClientForm {
            name: format!("Klant {i}"),
            ..business_client()
        })
        .unwrap();
    }
    // Made on its own thread: the use-case did not wait for it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.backup_status().unwrap().files.is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(app.backup_status().unwrap().files.len(), 1);
}

/// Tijdig on `dir`, signing with a key kept across restarts.
fn signing_app(
    dir: &std::path::Path,
    vault: &std::sync::Arc<tijdig_app::keychain::MemoryVault>,
    day: NaiveDate,
) -> App {
    App::open(dir)
        .unwrap()
        .with_today(day)
        .with_vault(Box::new(SharedVault(vault.clone())))
}

fn shelf_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for group in std::fs::read_dir(dir.join("backups/documents")).unwrap() {
        for file in std::fs::read_dir(group.unwrap().path()).unwrap() {
            out.push(file.unwrap().path());
        }
    }
    out
}

#[test]
fn backups_keep_each_document_once_and_a_restore_puts_every_byte_back() {
    let dir = tempfile::tempdir().unwrap();
    let vault = std::sync::Arc::new(tijdig_app::keychain::MemoryVault::default());
    let app = signing_app(dir.path(), &vault, d(2026, 11, 20));
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    let ids: Vec<i64> = ["100,00", "200,00", "300,00"]
        .iter()
        .map(|price| {
            let form = invoice_form(
                client,
                vec![line("Ontwerp", "1", price, VatTreatment::Standard21)],
            );
            app.issue_invoice(app.create_invoice(&form).unwrap().id)
                .unwrap()
                .id
        })
        .collect();
    let pdfs: Vec<Vec<u8>> = ids.iter().map(|id| pdf_of(&app, *id)).collect();
    let first = app.make_backup().unwrap().files[0].name.clone();
    drop(app);
    // Two more days of backups: the documents are on the shelf once.
    for day in [21, 22] {
        signing_app(dir.path(), &vault, d(2026, 11, day))
            .make_backup()
            .unwrap();
    }
    assert_eq!(shelf_files(dir.path()).len(), 3);
    // The copies hold the rows; the documents are on the shelf, byte for byte.
    let copy = rusqlite::Connection::open(dir.path().join("backups").join(&first)).unwrap();
    let inside: i64 = copy
        .query_row(
            "SELECT coalesce(sum(length(pdf)), 0) FROM invoices",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(inside, 0, "no document bytes in the copy");
    let mut shelved: Vec<Vec<u8>> = shelf_files(dir.path())
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let mut expected = pdfs.clone();
    shelved.sort();
    expected.sort();
    assert_eq!(shelved, expected);
    let status = signing_app(dir.path(), &vault, d(2026, 11, 22))
        .backup_status()
        .unwrap();
    assert_eq!(status.files.len(), 3);
    let pdf_kb: u64 = pdfs.iter().map(|p| p.len() as u64).sum::<u64>() / 1024;
    let copies_kb: u64 = status.files.iter().map(|f| f.size_kb).sum();
    assert_eq!(
        status.disk_kb,
        copies_kb + pdf_kb,
        "three copies, the documents once"
    );

    // Later a fourth invoice; the first backup is restored: every stored byte is back.
    let app = signing_app(dir.path(), &vault, d(2026, 11, 23));
    let form = invoice_form(
        client,
        vec![line("Logo", "1", "50,00", VatTreatment::Standard21)],
    );
    app.issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap();
    app.restore_backup(&first, true).unwrap();
    for (id, pdf) in ids.iter().zip(&pdfs) {
        assert_eq!(&pdf_of(&app, *id), pdf, "invoice {id}");
    }
    assert_eq!(
        app.invoices(&InvoiceQuery::default()).unwrap().rows.len(),
        3
    );
}

#[test]
fn a_backup_whose_documents_are_gone_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let vault = std::sync::Arc::new(tijdig_app::keychain::MemoryVault::default());
    let app = signing_app(dir.path(), &vault, d(2026, 11, 22));
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    let form = invoice_form(
        client,
        vec![line("Ontwerp", "1", "100,00", VatTreatment::Standard21)],
    );
    let id = app
        .issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
        .id;
    let pdf = pdf_of(&app, id);
    let backup = app.make_backup().unwrap().files[0].name.clone();
    std::fs::remove_dir_all(dir.path().join("backups/documents")).unwrap();
    app.create_client(&ClientForm {
        name: "Tweede klant".into(),
        ..business_client()
    })
    .unwrap();
    let refused = app.restore_backup(&backup, true).unwrap_err();
    assert!(
        refused.message.contains("1 document ontbreekt"),
        "{}",
        refused.message
    );
    assert_eq!(pdf_of(&app, id), pdf);
    let query = ClientQuery {
        search: String::new(),
        sort: ClientSort::Name,
        include_archived: true,
    };
    assert_eq!(
        app.clients(&query).unwrap().len(),
        2,
        "nothing was restored"
    );
}

#[test]
fn a_full_backup_of_an_earlier_version_still_restores() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 11, 22));
    app.save_profile(&profile_form()).unwrap();
    app.create_client(&business_client()).unwrap();
    // What Tijdig wrote before backups were lean: a whole copy, documents inside.
    std::fs::create_dir_all(dir.path().join("backups")).unwrap();
    let name = "tijdig-2026-11-21-100000.sqlite3";
    rusqlite::Connection::open(dir.path().join(tijdig_store::DATABASE_FILE))
        .unwrap()
        .backup(
            rusqlite::MAIN_DB,
            dir.path().join("backups").join(name),
            None::<fn(rusqlite::backup::Progress)>,
        )
        .unwrap();
    app.create_client(&ClientForm {
        name: "Tweede klant".into(),
        ..business_client()
    })
    .unwrap();
    app.restore_backup(name, false).unwrap();
    let query = ClientQuery {
        search: String::new(),
        sort: ClientSort::Name,
        include_archived: true,
    };
    assert_eq!(app.clients(&query).unwrap().len(), 1);
}

/// How many invoices the invoice list shows.
fn issued(app: &App) -> usize {
    app.invoices(&InvoiceQuery::default()).unwrap().rows.len()
}

fn issue(app: &App, client: i64, price: &str) -> String {
    let form = invoice_form(
        client,
        vec![line("Ontwerp", "1", price, VatTreatment::Standard21)],
    );
    let id = app.create_invoice(&form).unwrap().id;
    app.issue_invoice(id).unwrap().number.unwrap()
}

/// The scenario of issue 18: 2026-0001, a backup, 2026-0002 (already sent to the client), the
/// backup restored — the next invoice must not be 2026-0002 again (art. 35a Wet OB).
#[test]
fn a_restored_backup_shows_what_would_disappear_and_numbers_continue_after_the_highest_ever() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 11, 22));
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    assert_eq!(issue(&app, client, "100,00"), "2026-0001");
    let backup = app.make_backup().unwrap().files[0].name.clone();
    assert_eq!(issue(&app, client, "250,00"), "2026-0002");

    // The check names what the restore would take away: number, client, amount.
    let check = app.inspect_backup(&backup).unwrap();
    assert_eq!(check.lost.len(), 1, "{:?}", check.lost);
    let lost = &check.lost[0];
    assert_eq!(
        (
            lost.kind.as_str(),
            lost.number.as_str(),
            lost.client.as_str()
        ),
        ("Factuur", "2026-0002", "Bakkerij De Korenbloem B.V.")
    );
    assert_eq!(lost.amount.as_deref(), Some("302.50"));

    // Without the confirmation nothing happens.
    let refused = app.restore_backup(&backup, false).unwrap_err();
    assert!(
        refused.message.contains("mist 1 document"),
        "{}",
        refused.message
    );
    assert_eq!(issued(&app), 2);

    // Confirmed: the backup's data is back, and the series goes on after 2026-0002.
    let after = app.restore_backup(&backup, true).unwrap();
    assert_eq!(issued(&app), 1);
    assert!(after.files.iter().any(|f| f.pinned));
    assert_eq!(issue(&app, client, "10,00"), "2026-0003");

    // A new start on the restored data, and one on a database file swapped for the old backup
    // while Tijdig was closed: still after the highest number ever handed out here.
    drop(app);
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 11, 22));
    assert_eq!(issue(&app, client, "10,00"), "2026-0004");
    drop(app);
    let database = dir.path().join(tijdig_store::DATABASE_FILE);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
    std::fs::copy(dir.path().join("backups").join(&backup), &database).unwrap();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 11, 22));
    assert_eq!(issued(&app), 1, "the old file is the data now");
    assert_eq!(issue(&app, client, "10,00"), "2026-0005");
}

#[test]
fn the_copy_made_before_a_restore_is_never_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 11, 1));
    app.save_profile(&profile_form()).unwrap();
    let backup = app.make_backup().unwrap().files[0].name.clone();
    app.restore_backup(&backup, false).unwrap();
    drop(app);
    // Three backups a day for 60 days: retention keeps 7 days, 4 weeks, 12 months.
    for day in 1..=60 {
        let app = App::open(dir.path())
            .unwrap()
            .with_today(d(2026, 11, 1) + chrono::Duration::days(day));
        for _ in 0..3 {
            app.make_backup().unwrap();
        }
    }
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 12, 31));
    let files = app.backup_status().unwrap().files;
    let pinned: Vec<_> = files.iter().filter(|f| f.pinned).collect();
    assert_eq!(pinned.len(), 1, "{files:?}");
    assert!(files.len() <= 7 + 4 + 12 + 1, "{}", files.len());
}
