//! Back-ups with SQLite's online backup API (consistent while the app runs) and restoring one
//! after checking it.

use crate::parse::{amount, date};
use crate::{migrations, SeriesMark, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use rust_decimal::Decimal;
use std::path::Path;

/// What kind of issued document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IssuedKind {
    Invoice,
    CreditNote,
    Letter,
    Offer,
    Arrangement,
}

/// One issued document as the restore check lists it: its number, client, amount and when it
/// went out (if Tijdig knows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedSummary {
    pub kind: IssuedKind,
    pub number: String,
    pub client: String,
    pub amount: Option<Decimal>,
    /// E-mailed from Tijdig (invoices), posted or e-mailed (letters), sent (offers).
    pub sent_on: Option<NaiveDate>,
}

/// A backup read in full: what it holds, its issued documents and the highest number of each
/// series in it.
#[derive(Debug, Clone)]
pub struct BackupContents {
    pub info: BackupInfo,
    pub documents: Vec<IssuedSummary>,
    pub marks: Vec<SeriesMark>,
}

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
    /// Writes a consistent copy of the database to `path` (a new file, mode 0600: SQLite
    /// keeps the mode of a file that exists).
    pub fn backup_to(&self, path: &Path) -> Result<(), StoreError> {
        crate::platform::create_private_file(path)?;
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

    /// Every issued document: invoices and credit notes, letters, finalised offers and
    /// arrangements, in kind and number order. One read, no PDFs.
    pub fn issued_documents(&self) -> Result<Vec<IssuedSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT CASE i.kind WHEN 'credit_note' THEN 1 ELSE 0 END, i.number, c.name, i.total,
                    (SELECT max(substr(s.sent_at, 1, 10)) FROM sent_emails s
                     WHERE s.document_kind = 'invoice' AND s.document_id = i.id
                       AND s.status = 'sent')
             FROM invoices i JOIN clients c ON c.id = i.client_id
             WHERE i.state = 'issued' AND i.number IS NOT NULL
             UNION ALL
             SELECT 2, l.reference, c.name, l.total, coalesce(l.posted_on, l.emailed_on)
             FROM letters l JOIN clients c ON c.id = l.client_id
             UNION ALL
             SELECT 3, o.number, c.name, o.total_incl, o.sent_on
             FROM offers o JOIN clients c ON c.id = o.client_id WHERE o.pdf IS NOT NULL
             UNION ALL
             SELECT 4, a.reference, c.name, NULL, NULL
             FROM arrangements a JOIN clients c ON c.id = a.client_id
             ORDER BY 1, 2",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let kind = match row.get::<_, i64>(0)? {
                0 => IssuedKind::Invoice,
                1 => IssuedKind::CreditNote,
                2 => IssuedKind::Letter,
                3 => IssuedKind::Offer,
                _ => IssuedKind::Arrangement,
            };
            let total: Option<String> = row.get(3)?;
            let sent: Option<String> = row.get(4)?;
            out.push(IssuedSummary {
                kind,
                number: row.get(1)?,
                client: row.get(2)?,
                amount: total.as_deref().map(amount).transpose()?,
                sent_on: sent.as_deref().map(date).transpose()?,
            });
        }
        Ok(out)
    }

    /// Reads a backup in full without touching it: a private copy at `scratch` is brought to
    /// this version's schema, read (counts, issued documents, number marks) and removed.
    pub fn read_backup(path: &Path, scratch: &Path) -> Result<BackupContents, StoreError> {
        let info = Store::inspect_backup(path)?;
        if !info.intact {
            return Ok(BackupContents {
                info,
                documents: Vec::new(),
                marks: Vec::new(),
            });
        }
        let remove_scratch = || {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut name = scratch.as_os_str().to_owned();
                name.push(suffix);
                let _ = std::fs::remove_file(std::path::PathBuf::from(name));
            }
        };
        remove_scratch();
        let read = || -> Result<(Vec<IssuedSummary>, Vec<SeriesMark>), StoreError> {
            crate::platform::create_private_file(scratch)?;
            {
                let source = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                source.backup(MAIN_DB, scratch, None::<fn(rusqlite::backup::Progress)>)?;
            }
            let copy = Store::open(scratch)?;
            Ok((copy.issued_documents()?, copy.number_marks()?))
        };
        let result = read();
        remove_scratch();
        let (documents, marks) = result?;
        Ok(BackupContents {
            info,
            documents,
            marks,
        })
    }

    /// Replaces the database's contents with the backup at `path`, lean or full: a lean one is
    /// first made whole in a private scratch copy at `scratch` (every document back from
    /// `shelf`, each checked against its hash); nothing is replaced unless that succeeds.
    pub fn restore_backup_from(
        &mut self,
        path: &Path,
        scratch: &Path,
        shelf: &dyn crate::DocumentShelf,
    ) -> Result<(), StoreError> {
        let remove_scratch = || {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut name = scratch.as_os_str().to_owned();
                name.push(suffix);
                let _ = std::fs::remove_file(std::path::PathBuf::from(name));
            }
        };
        remove_scratch();
        let run = |store: &mut Store| -> Result<(), StoreError> {
            crate::platform::create_private_file(scratch)?;
            {
                let source = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                source.backup(MAIN_DB, scratch, None::<fn(rusqlite::backup::Progress)>)?;
            }
            crate::lean_backup::fill_documents(scratch, shelf)?;
            store.restore_from(scratch)
        };
        let result = run(self);
        remove_scratch();
        result
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
