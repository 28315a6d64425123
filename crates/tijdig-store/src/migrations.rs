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

fn apply(conn: &mut Connection, migrations: &[&str]) -> Result<(), StoreError> {
    let target = migrations.len() as i64;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version == target {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for sql in migrations
        .iter()
        .skip(usize::try_from(version).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
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
    fn another_programs_database_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE notes (x TEXT)").unwrap();
        assert!(matches!(
            check_compatible(&conn),
            Err(StoreError::NotTijdig)
        ));
    }
}
