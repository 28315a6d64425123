//! Embedded, forward-only migrations. `PRAGMA user_version` holds how many have run;
//! `PRAGMA application_id` marks the file as Tijdig's.

use crate::StoreError;
use rusqlite::Connection;

/// The migrations in order; never edit or reorder one that has shipped, only append.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_invoices.sql"),
    include_str!("migrations/0003_interest_rates.sql"),
    include_str!("migrations/0004_large_company.sql"),
    include_str!("migrations/0005_follow_up.sql"),
    include_str!("migrations/0006_arrangements.sql"),
    include_str!("migrations/0007_dashboard_indexes.sql"),
    include_str!("migrations/0008_bank_import.sql"),
    include_str!("migrations/0009_signing.sql"),
    include_str!("migrations/0010_signing_chain.sql"),
    include_str!("migrations/0011_sent_emails.sql"),
    include_str!("migrations/0012_offers.sql"),
    include_str!("migrations/0013_claim_waivers.sql"),
    include_str!("migrations/0014_letter_posting.sql"),
    include_str!("migrations/0015_numbers_and_guards.sql"),
    include_str!("migrations/0016_settled_claims.sql"),
    include_str!("migrations/0017_invoice_search.sql"),
    include_str!("migrations/0018_settled_since.sql"),
    include_str!("migrations/0019_bank_csv_layouts.sql"),
    include_str!("migrations/0020_external_invoices.sql"),
    include_str!("migrations/0021_invoice_schedules.sql"),
    include_str!("migrations/0022_message_contacts.sql"),
    include_str!("migrations/0023_terms_late_payment.sql"),
    include_str!("migrations/0024_terms_accepted_elsewhere.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// "TIJD" in ASCII: marks the SQLite file as a Tijdig database.
const APPLICATION_ID: i64 = 0x5449_4A44;

/// Refuses, without writing, a database from a newer Tijdig or from another program.
pub(crate) fn check_compatible(conn: &Connection) -> Result<(), StoreError> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app_id != 0 && app_id != APPLICATION_ID {
        return Err(StoreError::NotTijdig);
    }
    if app_id == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tables > 0 {
            return Err(StoreError::NotTijdig);
        }
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Applies every pending migration in one transaction: all of them or none.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    apply(conn, MIGRATIONS)
}

/// Applies only the first `version` migrations: the schema an earlier Tijdig wrote (upgrade
/// tests build their old databases with it).
pub(crate) fn migrate_to(conn: &mut Connection, version: usize) -> Result<(), StoreError> {
    let upto = MIGRATIONS
        .get(..version)
        .ok_or_else(|| StoreError::Corrupt(format!("no schema version {version}")))?;
    apply(conn, upto)
}

fn apply(conn: &mut Connection, migrations: &[&str]) -> Result<(), StoreError> {
    let target = migrations.len() as i64;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version == target {
        return Ok(());
    }
    // A migration may rebuild a table (SQLite's documented procedure for changing a CHECK):
    // foreign keys are off while it runs — the pragma has no effect inside a transaction — and
    // are checked in full before the commit, so a migration that breaks one is rolled back.
    let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = apply_in_transaction(conn, migrations, version, target);
    conn.pragma_update(None, "foreign_keys", enforced)?;
    result
}

fn apply_in_transaction(
    conn: &mut Connection,
    migrations: &[&str],
    version: i64,
    target: i64,
) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    for sql in migrations
        .iter()
        .skip(usize::try_from(version).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
    }
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if broken > 0 {
        return Err(StoreError::Corrupt(format!(
            "a migration left {broken} broken references"
        )));
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count_tables(conn: &Connection) -> i64 {
        conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    }

    #[test]
    fn a_failing_migration_leaves_no_trace() {
        let mut conn = Connection::open_in_memory().unwrap();
        let mut broken = MIGRATIONS.to_vec();
        broken.push("CREATE TABLE ok (x INTEGER); SELECT * FROM missing_table;");
        assert!(apply(&mut conn, &broken).is_err());
        assert_eq!(count_tables(&conn), 0);
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, 0);
        // The good migrations still apply afterwards.
        migrate(&mut conn).unwrap();
        assert!(count_tables(&conn) >= 3);
    }

    #[test]
    fn a_later_migration_runs_on_top_of_an_earlier_one() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let mut next = MIGRATIONS.to_vec();
        next.push("ALTER TABLE clients ADD COLUMN vip INTEGER;");
        apply(&mut conn, &next).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION + 1);
        conn.execute("UPDATE clients SET vip = 1", []).unwrap();
    }

    #[test]
    fn rebuilding_the_dossier_keeps_its_entries_and_the_references_to_them() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        apply(&mut conn, &MIGRATIONS[..5]).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, kind, name, country, preferred_channel, document_language,
                                  debtor_type, search_text)
             VALUES (1, 'business', 'Korenbloem', 'NL', 'email', 'nl', 'unknown', 'korenbloem');
             INSERT INTO invoices (id, kind, client_id, state, invoice_date, payment_term_days,
                                   vat_regime, reference_kind)
             VALUES (1, 'standard', 1, 'draft', '2026-10-01', 14, 'normal', 'rf');
             INSERT INTO dossier_entries (id, client_id, at, kind, note)
             VALUES (7, 1, '2026-10-08T12:00:00', 'call', 'Gebeld');
             INSERT INTO dossier_invoices (entry_id, invoice_id) VALUES (7, 1);
             INSERT INTO follow_up_done (invoice_id, step, done_on, entry_id)
             VALUES (1, 'contact_moment', '2026-10-08', 7);",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let note: String = conn
            .query_row("SELECT note FROM dossier_entries WHERE id = 7", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(note, "Gebeld");
        let enforced: bool = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert!(enforced, "foreign keys are on again after the migration");
        // The new kinds are allowed, the append-only triggers are back, references still hold.
        conn.execute(
            "INSERT INTO dossier_entries (client_id, at, kind) VALUES (1, '2026-11-01T12:00:00', 'arrangement')",
            [],
        )
        .unwrap();
        assert!(conn.execute("DELETE FROM dossier_entries", []).is_err());
        assert!(conn
            .execute(
                "INSERT INTO dossier_invoices (entry_id, invoice_id) VALUES (99, 1)",
                []
            )
            .is_err());
    }

    #[test]
    fn the_dossier_accepts_every_known_kind_and_refuses_an_unknown_one() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, kind, name, country, preferred_channel, document_language,
                                  debtor_type, search_text)
             VALUES (1, 'business', 'Korenbloem', 'NL', 'email', 'nl', 'unknown', 'korenbloem');",
        )
        .unwrap();
        for kind in tijdig_domain::follow_up::DossierKind::ALL {
            conn.execute(
                "INSERT INTO dossier_entries (client_id, at, kind) VALUES (1, '2026-12-01T12:00:00', ?1)",
                [kind.code()],
            )
            .unwrap();
        }
        assert!(conn
            .execute(
                "INSERT INTO dossier_entries (client_id, at, kind) VALUES (1, '2026-12-01T12:00:00', 'gossip')",
                [],
            )
            .is_err());
    }

    #[test]
    fn another_programs_database_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE notes (x TEXT)").unwrap();
        assert!(matches!(
            check_compatible(&conn),
            Err(StoreError::NotTijdig)
        ));
    }
}
