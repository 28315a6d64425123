//! Backups that scale (issue "Nothing lost, nothing twice"): a backup is a copy of the database
//! with every stored document (invoice, letter, arrangement, offer and agreement PDFs,
//! countersigned copies, algemene voorwaarden) taken out and kept once, by its SHA-256, on a
//! document shelf beside the backups. Documents never change once stored (triggers), so the
//! 23 backups retention keeps share one copy of each: the retained set stays near twice the
//! database, not 23 times. The copy lists what it took out (`tijdig_backup_documents`: table,
//! row, column, SHA-256); a restore puts every document back, checking each against its hash,
//! before anything replaces the data. The copy is made from a read snapshot on its own
//! connection, so it never holds the app's connection.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::Connection;

use crate::{platform, StoreError};

/// The stored documents: (table, column with the bytes, column with their SHA-256).
pub const DOCUMENT_COLUMNS: &[(&str, &str, &str)] = &[
    ("invoices", "pdf", "pdf_sha256"),
    ("letters", "pdf", "pdf_sha256"),
    ("arrangements", "pdf", "pdf_sha256"),
    ("offers", "pdf", "pdf_sha256"),
    ("agreements", "pdf", "pdf_sha256"),
    ("agreements", "countersigned", "countersigned_sha256"),
    ("countersigned_copies", "content", "sha256"),
    ("terms_documents", "pdf", "sha256"),
];

/// The table in a lean backup that lists the documents taken out.
const MANIFEST: &str = "tijdig_backup_documents";

/// Where the documents of lean backups are kept, each once (the app's folder beside the backups).
pub trait DocumentShelf {
    /// Whether the document with this SHA-256 is on the shelf.
    fn has(&self, sha256: &str) -> bool;
    /// Puts a document on the shelf and returns its SHA-256 (computed from the bytes).
    fn put(&self, bytes: &[u8]) -> std::io::Result<String>;
    /// The document with this SHA-256; an error when it is missing or its bytes do not hash to
    /// it.
    fn get(&self, sha256: &str) -> std::io::Result<Vec<u8>>;
}

/// What a lean backup took out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LeanBackup {
    /// Documents listed in the copy.
    pub documents: usize,
    /// Of those, put on the shelf by this backup (the rest were there already).
    pub new_documents: usize,
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Writes a lean copy of the database at `live` to `copy` (a new private file): the same
/// schema, every row with its rowid, documents replaced by an empty value and listed, each put
/// on `shelf` unless it is there. One read snapshot of `live`; `live` is never written.
pub fn write_lean_backup(
    live: &Path,
    copy: &Path,
    shelf: &dyn DocumentShelf,
) -> Result<LeanBackup, StoreError> {
    if copy.exists() {
        std::fs::remove_file(copy)?;
    }
    platform::create_private_file(copy)?;
    let mut conn = Connection::open(copy)?;
    // A fresh file under a temporary name: no journal needed; it is synced once at the end.
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    // Tables are filled one after the other, each row as it is in the database: a reference to
    // a table filled later is checked by the database it came from, not here.
    conn.pragma_update(None, "foreign_keys", false)?;
    let live_name = live
        .to_str()
        .ok_or_else(|| StoreError::Corrupt("the database path is not UTF-8".into()))?;
    conn.execute("ATTACH DATABASE ?1 AS live", [live_name])?;
    let mut stats = LeanBackup::default();
    {
        // One transaction: every read of `live` sees the same snapshot.
        let tx = conn.transaction()?;
        let schema: Vec<(String, String, String)> = tx
            .prepare(
                "SELECT type, name, sql FROM live.sqlite_schema
                 WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        for (kind, _, sql) in schema.iter().filter(|(k, _, _)| k == "table") {
            debug_assert_eq!(kind, "table");
            tx.execute_batch(sql)?;
        }
        for (_, table, _) in schema.iter().filter(|(k, _, _)| k == "table") {
            let columns: Vec<String> = tx
                .prepare("SELECT name FROM pragma_table_info(?1, 'live')")?
                .query_map([table], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let select: Vec<String> = columns
                .iter()
                .map(|c| {
                    let document = DOCUMENT_COLUMNS
                        .iter()
                        .any(|(t, col, _)| t == table && col == c);
                    if document {
                        format!("CASE WHEN {0} IS NULL THEN NULL ELSE x'' END", quoted(c))
                    } else {
                        quoted(c)
                    }
                })
                .collect();
            let names: Vec<String> = columns.iter().map(|c| quoted(c)).collect();
            tx.execute(
                &format!(
                    "INSERT INTO main.{t} (rowid, {names}) SELECT rowid, {select} FROM live.{t}",
                    t = quoted(table),
                    names = names.join(", "),
                    select = select.join(", ")
                ),
                [],
            )?;
        }
        tx.execute_batch(&format!(
            "CREATE TABLE main.{MANIFEST} (tbl TEXT NOT NULL, row_id INTEGER NOT NULL,
                 col TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (tbl, row_id, col)) STRICT"
        ))?;
        let tables: HashSet<&str> = schema
            .iter()
            .filter(|(k, _, _)| k == "table")
            .map(|(_, n, _)| n.as_str())
            .collect();
        for (table, column, sha_column) in DOCUMENT_COLUMNS {
            if !tables.contains(table) {
                continue;
            }
            let rows: Vec<(i64, Option<String>)> = tx
                .prepare(&format!(
                    "SELECT rowid, {} FROM live.{} WHERE {} IS NOT NULL ORDER BY rowid",
                    quoted(sha_column),
                    quoted(table),
                    quoted(column)
                ))?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            let mut read = tx.prepare(&format!(
                "SELECT {} FROM live.{} WHERE rowid = ?1",
                quoted(column),
                quoted(table)
            ))?;
            let mut list = tx.prepare(&format!(
                "INSERT INTO main.{MANIFEST} (tbl, row_id, col, sha256) VALUES (?1, ?2, ?3, ?4)"
            ))?;
            for (row, sha) in rows {
                let sha = match sha.filter(|s| shelf.has(s)) {
                    Some(sha) => sha,
                    None => {
                        let bytes: Vec<u8> = read.query_row([row], |r| r.get(0))?;
                        stats.new_documents += 1;
                        shelf.put(&bytes)?
                    }
                };
                list.execute(rusqlite::params![table, row, column, sha])?;
                stats.documents += 1;
            }
        }
        for (_, _, sql) in schema.iter().filter(|(k, _, _)| k != "table") {
            tx.execute_batch(sql)?;
        }
        let version: i64 = tx.query_row("PRAGMA live.user_version", [], |r| r.get(0))?;
        let app_id: i64 = tx.query_row("PRAGMA live.application_id", [], |r| r.get(0))?;
        tx.pragma_update(None, "user_version", version)?;
        tx.pragma_update(None, "application_id", app_id)?;
        tx.commit()?;
    }
    conn.execute("DETACH DATABASE live", [])?;
    drop(conn);
    std::fs::File::open(copy)?.sync_all()?;
    Ok(stats)
}

/// Whether the backup at `path` is lean (its documents on the shelf).
pub fn is_lean(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [MANIFEST],
        |r| r.get::<_, i64>(0),
    )? > 0)
}

/// The SHA-256 of every document a lean backup lists (none for a full one).
pub fn listed_documents(path: &Path) -> Result<HashSet<String>, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if !is_lean(&conn)? {
        return Ok(HashSet::new());
    }
    let listed = conn
        .prepare(&format!("SELECT DISTINCT sha256 FROM {MANIFEST}"))?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(listed)
}

/// Turns the lean copy at `path` (a scratch file the caller owns) back into a whole database:
/// every listed document is taken from the shelf, checked against its hash and put back; then
/// the list goes. Triggers that keep documents from changing are set aside while it runs and
/// restored exactly. A missing or damaged document refuses the whole backup. A full backup is
/// left as it is.
pub fn fill_documents(path: &Path, shelf: &dyn DocumentShelf) -> Result<(), StoreError> {
    let mut conn = Connection::open(path)?;
    if !is_lean(&conn)? {
        return Ok(());
    }
    // Only documents change here; every reference is as it was in the database.
    conn.pragma_update(None, "foreign_keys", false)?;
    let tx = conn.transaction()?;
    let triggers: Vec<(String, String)> = tx
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER {}", quoted(name)))?;
    }
    let listed: Vec<(String, i64, String, String)> = tx
        .prepare(&format!(
            "SELECT tbl, row_id, col, sha256 FROM {MANIFEST} ORDER BY tbl, row_id"
        ))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    for (table, row, column, sha) in listed {
        let known = DOCUMENT_COLUMNS
            .iter()
            .any(|(t, c, _)| *t == table && *c == column);
        if !known {
            return Err(StoreError::Corrupt(format!(
                "the backup lists a document in {table}.{column}"
            )));
        }
        let bytes = shelf.get(&sha).map_err(|e| {
            StoreError::Corrupt(format!(
                "document {sha} of the backup is missing or damaged: {e}"
            ))
        })?;
        tx.execute(
            &format!(
                "UPDATE {} SET {} = ?1 WHERE rowid = ?2",
                quoted(&table),
                quoted(&column)
            ),
            rusqlite::params![bytes, row],
        )?;
    }
    tx.execute_batch(&format!("DROP TABLE {MANIFEST}"))?;
    for (_, sql) in &triggers {
        tx.execute_batch(sql)?;
    }
    tx.commit()?;
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if integrity != "ok" {
        return Err(StoreError::Corrupt(format!(
            "the restored backup failed its integrity check: {integrity}"
        )));
    }
    Ok(())
}
