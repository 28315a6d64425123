//! Backups: made, kept per the 7/4/12 rule, checked, and restored without losing what was there.
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

    // The backups were made at the same (fixed) minute: give the next one its own name.
    let after = app.restore_backup(&name).unwrap();
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
    assert_eq!(app.backup_status().unwrap().files.len(), 1);
}
