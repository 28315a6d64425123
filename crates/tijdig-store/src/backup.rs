//! Back-ups with SQLite's online backup API (consistent while the app runs) and restoring one
//! after checking it.

use crate::{migrations, Store, StoreError};
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use std::path::Path;

/// What a backup file holds, checked before it replaces anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub schema_version: i64,
    /// `PRAGMA integrity_check` said "ok".
    pub intact: bool,
    pub clients: i64,
    pub invoices: i64,
    pub payments: i64,
}

fn count(conn: &Connection, table: &str) -> Result<i64, StoreError> {
    Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
}

impl Store {
    /// Writes a consistent copy of the database to `path` (a new file).
    pub fn backup_to(&self, path: &Path) -> Result<(), StoreError> {
        self.conn
            .backup(MAIN_DB, path, None::<fn(rusqlite::backup::Progress)>)?;
        Ok(())
    }

    /// Rows changed through this connection since it was opened (drives "a backup after
    /// every 25 writes").
    pub fn total_changes(&self) -> u64 {
        self.conn.total_changes()
    }

    /// Opens a backup read-only and reports what it holds; refuses a file that is not a Tijdig
    /// database or was written by a newer version.
    pub fn inspect_backup(path: &Path) -> Result<BackupInfo, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        migrations::check_compatible(&conn)?;
        let schema_version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(BackupInfo {
            schema_version,
            intact: integrity == "ok",
            clients: count(&conn, "clients")?,
            invoices: count(&conn, "invoices")?,
            payments: count(&conn, "payments")?,
        })
    }

    /// Replaces the database's contents with the backup at `path` (checked first by the
    /// caller), then brings it to this version's schema.
    pub fn restore_from(&mut self, path: &Path) -> Result<(), StoreError> {
        let info = Store::inspect_backup(path)?;
        if !info.intact {
            return Err(StoreError::Corrupt(
                "the backup failed its integrity check".into(),
            ));
        }
        self.conn
            .restore(MAIN_DB, path, None::<fn(rusqlite::backup::Progress)>)?;
        migrations::migrate(&mut self.conn)
    }
}
