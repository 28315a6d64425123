//! The store as the app uses it: on real files and in memory.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use rusqlite::Connection;
use tijdig_domain::validate::ImageKind;
use tijdig_domain::*;
use tijdig_store::*;

fn client(name: &str, kind: ClientKind, city: &str) -> Client {
    Client {
        kind,
        name: name.into(),
        contact_person: None,
        address: Address {
            city: Some(city.into()),
            country: "NL".into(),
            ..Address::default()
        },
        email: None,
        phone: None,
        kvk: None,
        btw_id: None,
        iban: None,
        preferred_channel: PreferredChannel::Email,
        payment_term_days: None,
        document_language: Language::Nl,
        notes: None,
        debtor_type: DebtorType::Unknown,
        large_company: false,
    }
}

fn profile() -> BusinessProfile {
    BusinessProfile {
        trade_name: "Studio Jansen".into(),
        legal_name: None,
        legal_form: LegalForm::SoleTrader,
        address: Address {
            postcode: Some("1015 CJ".into()),
            country: "NL".into(),
            ..Address::default()
        },
        kvk: Some("01234567".into()),
        btw_id: Some("NL000099998B57".into()),
        iban: Some("NL91ABNA0417164300".into()),
        account_holder: None,
        email: None,
        phone: None,
        website: None,
        accent_colour: "#1F5F8B".into(),
        kor: true,
        payment_term_days: 14,
        document_language: Language::En,
    }
}

#[test]
fn a_fresh_database_is_created_private_and_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_dir(&dir.path().join("nested")).unwrap();
    let path = store.path().unwrap().to_path_buf();
    assert!(path.ends_with(DATABASE_FILE));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_repeated_start_keeps_the_data_and_migrates_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let mut store = Store::open_in_dir(dir.path()).unwrap();
        store.save_profile(&profile()).unwrap();
        store
            .create_client(&client(
                "Bakkerij De Korenbloem",
                ClientKind::Business,
                "Utrecht",
            ))
            .unwrap()
    };
    for _ in 0..3 {
        let store = Store::open_in_dir(dir.path()).unwrap();
        assert_eq!(store.profile().unwrap(), Some(profile()));
        assert_eq!(
            store.client(id).unwrap().client.name,
            "Bakkerij De Korenbloem"
        );
    }
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    drop(Store::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(StoreError::TooNew { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected TooNew, got {:?}", other.map(|_| ())),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join(format!("{DATABASE_FILE}-wal")).exists());
}

#[test]
fn a_file_of_another_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::NotTijdig)));
}

#[test]
fn a_failed_write_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let mut store = Store::open(&path).unwrap();
    let original = client("Jansen", ClientKind::Consumer, "Zwolle");
    let id = store.create_client(&original).unwrap();
    // Make the second half of the write fail, as a full disk or a crash would.
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER fail AFTER UPDATE ON clients WHEN NEW.name = 'Boom'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
             CREATE TRIGGER fail_insert AFTER INSERT ON clients WHEN NEW.name = 'Boom'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
        )
        .unwrap();
    let mut changed = original.clone();
    changed.name = "Boom".into();
    changed.notes = Some("half-written".into());
    assert!(store.update_client(id, &changed).is_err());
    assert!(store.create_client(&changed).is_err());
    assert_eq!(store.client(id).unwrap().client, original);
    assert_eq!(
        store.list_clients(&ClientFilter::default()).unwrap().len(),
        1
    );
}

#[test]
fn updating_or_archiving_an_unknown_client_is_not_found() {
    let mut store = Store::open_in_memory().unwrap();
    let c = client("X", ClientKind::Consumer, "Ede");
    assert!(matches!(
        store.update_client(42, &c),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.set_client_archived(42, true),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(store.client(42), Err(StoreError::NotFound)));
}

#[test]
fn search_finds_part_of_a_name_case_insensitively_including_accents() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .create_client(&client(
            "Bakkerij De Korenbloem",
            ClientKind::Business,
            "Utrecht",
        ))
        .unwrap();
    store
        .create_client(&client("Café Één", ClientKind::Business, "Groningen"))
        .unwrap();
    store
        .create_client(&client("Pieter Bakker", ClientKind::Consumer, "Zwolle"))
        .unwrap();
    let names = |search: &str| -> Vec<String> {
        let filter = ClientFilter {
            search: search.into(),
            ..ClientFilter::default()
        };
        store
            .list_clients(&filter)
            .unwrap()
            .into_iter()
            .map(|r| r.client.name)
            .collect()
    };
    assert_eq!(names("bakker"), ["Bakkerij De Korenbloem", "Pieter Bakker"]);
    assert_eq!(names("KORENBLOEM"), ["Bakkerij De Korenbloem"]);
    assert_eq!(names("één"), ["Café Één"]);
    assert_eq!(names("zwolle"), ["Pieter Bakker"]);
    assert_eq!(names("%"), Vec::<String>::new());
    assert_eq!(names("").len(), 3);
}

#[test]
fn lists_sort_by_name_city_or_newest() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .create_client(&client("beta", ClientKind::Business, "Assen"))
        .unwrap();
    store
        .create_client(&client("Alfa", ClientKind::Business, "Zwolle"))
        .unwrap();
    store
        .create_client(&client("Gamma", ClientKind::Business, "Breda"))
        .unwrap();
    let names = |sort| -> Vec<String> {
        let filter = ClientFilter {
            sort,
            ..ClientFilter::default()
        };
        store
            .list_clients(&filter)
            .unwrap()
            .into_iter()
            .map(|r| r.client.name)
            .collect()
    };
    assert_eq!(names(ClientSort::Name), ["Alfa", "beta", "Gamma"]);
    assert_eq!(names(ClientSort::City), ["beta", "Gamma", "Alfa"]);
    assert_eq!(names(ClientSort::Newest), ["Gamma", "Alfa", "beta"]);
}

#[test]
fn an_archived_client_is_hidden_but_kept_and_can_return() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create_client(&client("Oud BV", ClientKind::Business, "Delft"))
        .unwrap();
    store.set_client_archived(id, true).unwrap();
    assert!(store
        .list_clients(&ClientFilter::default())
        .unwrap()
        .is_empty());
    let all = ClientFilter {
        include_archived: true,
        ..ClientFilter::default()
    };
    assert!(store.list_clients(&all).unwrap()[0].archived);
    store.set_client_archived(id, false).unwrap();
    assert!(!store.client(id).unwrap().archived);
}

#[test]
fn the_profile_round_trips_and_the_logo_is_kept_across_saves() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.profile().unwrap(), None);
    assert!(matches!(
        store.set_logo(Some(&Logo {
            kind: ImageKind::Png,
            bytes: vec![1]
        })),
        Err(StoreError::NotFound)
    ));
    store.save_profile(&profile()).unwrap();
    let logo = Logo {
        kind: ImageKind::Jpeg,
        bytes: vec![0xFF, 0xD8, 0xFF, 1, 2, 3],
    };
    store.set_logo(Some(&logo)).unwrap();
    let mut changed = profile();
    changed.trade_name = "Studio Jansen & Co".into();
    store.save_profile(&changed).unwrap();
    assert_eq!(store.profile().unwrap(), Some(changed));
    assert_eq!(store.logo().unwrap(), Some(logo));
    store.set_logo(None).unwrap();
    assert_eq!(store.logo().unwrap(), None);
}

#[test]
fn settings_are_upserted() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.setting("ui_language").unwrap(), None);
    store.set_setting("ui_language", "en").unwrap();
    store.set_setting("ui_language", "nl").unwrap();
    assert_eq!(store.setting("ui_language").unwrap().as_deref(), Some("nl"));
}

#[test]
fn shipped_rates_are_added_once_and_user_rates_can_be_removed_but_shipped_ones_cannot() {
    use tijdig_domain::interest::{InterestKind, Rate, RateTable};
    let mut store = Store::open_in_memory().unwrap();
    let shipped = RateTable::seeded().rates;
    assert_eq!(store.sync_shipped_rates(&shipped).unwrap(), shipped.len());
    assert_eq!(store.sync_shipped_rates(&shipped).unwrap(), 0);
    let day = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let mine = Rate {
        valid_from: day,
        kind: InterestKind::Commercial,
        percent: "10.15".parse().unwrap(),
        source: "Staatscourant 2026".into(),
        unverified: false,
    };
    store.add_rate(&mine).unwrap();
    assert!(store.add_rate(&mine).is_err(), "one rate per kind and date");
    let all = store.rates().unwrap();
    assert_eq!(all.len(), shipped.len() + 1);
    assert!(all.iter().any(|r| r.rate == mine && !r.shipped));
    let first = shipped[0].clone();
    assert!(matches!(
        store.remove_rate(first.kind, first.valid_from),
        Err(StoreError::NotFound)
    ));
    store.remove_rate(mine.kind, mine.valid_from).unwrap();
    assert_eq!(store.rates().unwrap().len(), shipped.len());
}

#[test]
fn a_shipped_row_confirmed_by_a_later_version_loses_its_unverified_mark_and_nothing_else() {
    use tijdig_domain::interest::{InterestKind, RateTable};
    let mut store = Store::open_in_memory().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    // An older version shipped the 1 July 2025 wettelijke rente unverified.
    let mut older = RateTable::seeded().rates;
    for r in older.iter_mut().filter(|r| r.valid_from == day) {
        r.unverified = r.kind == InterestKind::Statutory;
        r.source = "niet geverifieerd".into();
    }
    store.sync_shipped_rates(&older).unwrap();
    assert!(store.rates().unwrap().iter().any(|r| r.rate.unverified));
    // This version ships it confirmed: the mark goes, the percentage stays.
    store
        .sync_shipped_rates(&RateTable::seeded().rates)
        .unwrap();
    let row = store
        .rates()
        .unwrap()
        .into_iter()
        .find(|r| r.rate.kind == InterestKind::Statutory && r.rate.valid_from == day)
        .unwrap();
    assert!(!row.rate.unverified);
    assert_eq!(row.rate.percent, "6".parse().unwrap());
    assert!(row.rate.source.contains("ongewijzigd"));
}

#[test]
fn the_connection_settings_are_what_the_architecture_states() {
    let architecture = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ARCHITECTURE.md"),
    )
    .unwrap();
    // The invariant's sentence, up to its closing parenthesis: `name=value` pairs in backticks.
    let start = architecture
        .find("Every connection that writes the database runs with")
        .expect("ARCHITECTURE.md states the connection settings");
    let sentence = &architecture[start..start + architecture[start..].find('(').unwrap()];
    let stated: Vec<(String, String)> = sentence
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap();
            (k.to_string(), v.to_string())
        })
        .collect();
    assert_eq!(stated.len(), 4, "{sentence}");
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_dir(dir.path()).unwrap();
    let actual: Vec<(String, String)> = store
        .connection_settings()
        .unwrap()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    assert_eq!(actual, stated);
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_a_backup_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open_in_dir(&data).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    let backup = dir.path().join("copy.sqlite3");
    store.backup_to(&backup).unwrap();
    assert_eq!(mode(&backup), 0o600);
    assert!(Store::inspect_backup(&backup).unwrap().intact);
}
