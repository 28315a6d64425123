//! The dossier (communicatielog): every contact with a debtor, append-only (letters live in
//! `letters.rs`).

use crate::follow_up::step_code;
use crate::letters::LetterRecord;
use crate::parse::date;
use crate::{in_transaction, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction};
use tijdig_domain::follow_up::{DossierKind, FollowUpStep};

/// A dossier entry to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDossierEntry {
    pub client_id: i64,
    /// Local date and time, "2026-11-22T10:15:00".
    pub at: String,
    pub kind: DossierKind,
    /// The ladder step this entry carried out (or skipped), if any.
    pub step: Option<FollowUpStep>,
    /// A call's outcome code, e.g. "reached".
    pub outcome: Option<String>,
    pub note: Option<String>,
    pub promised_on: Option<NaiveDate>,
    pub invoice_ids: Vec<i64>,
    /// Mark `step` done for every invoice of the entry, on this day.
    pub done_on: Option<NaiveDate>,
}

/// A stored dossier entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierEntryRecord {
    pub id: i64,
    pub client_id: i64,
    pub at: String,
    pub kind: DossierKind,
    pub step: Option<FollowUpStep>,
    pub outcome: Option<String>,
    pub note: Option<String>,
    pub promised_on: Option<NaiveDate>,
    pub letter: Option<LetterRecord>,
    pub invoice_ids: Vec<i64>,
}

pub(crate) fn is_constraint(err: &rusqlite::Error) -> bool {
    matches!(
        err,
        rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::ConstraintViolation
    )
}

pub(crate) fn insert_entry(
    tx: &Transaction<'_>,
    entry: &NewDossierEntry,
    letter_id: Option<i64>,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO dossier_entries (client_id, at, kind, step, outcome, note, promised_on,
                                      letter_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        (
            entry.client_id,
            &entry.at,
            entry.kind.code(),
            entry.step.map(FollowUpStep::code),
            &entry.outcome,
            &entry.note,
            entry.promised_on.map(|d| d.to_string()),
            letter_id,
        ),
    )?;
    let id = tx.last_insert_rowid();
    for invoice in &entry.invoice_ids {
        tx.execute(
            "INSERT INTO dossier_invoices (entry_id, invoice_id) VALUES (?1, ?2)",
            (id, invoice),
        )?;
        if let (Some(step), Some(on)) = (entry.step, entry.done_on) {
            tx.execute(
                "INSERT INTO follow_up_done (invoice_id, step, done_on, entry_id)
                 VALUES (?1, ?2, ?3, ?4)",
                (invoice, step.code(), on.to_string(), id),
            )
            .map_err(|e| {
                if is_constraint(&e) {
                    StoreError::AlreadyDone
                } else {
                    e.into()
                }
            })?;
        }
    }
    Ok(id)
}

pub(crate) fn already_done(
    tx: &Transaction<'_>,
    entry: &NewDossierEntry,
) -> Result<bool, StoreError> {
    let Some(step) = entry.step.filter(|_| entry.done_on.is_some()) else {
        return Ok(false);
    };
    for invoice in &entry.invoice_ids {
        let found: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM follow_up_done WHERE invoice_id = ?1 AND step = ?2",
                (invoice, step.code()),
                |r| r.get(0),
            )
            .optional()?;
        if found.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

impl Store {
    /// Records a dossier entry (and the ladder step it did) in one transaction. A step already
    /// done for one of the invoices refuses the whole entry with [`StoreError::AlreadyDone`].
    pub fn record_entry(&mut self, entry: &NewDossierEntry) -> Result<i64, StoreError> {
        in_transaction(&mut self.conn, |tx| insert_entry(tx, entry, None))
    }

    /// A client's dossier, newest first.
    pub fn dossier(&self, client_id: i64) -> Result<Vec<DossierEntryRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, client_id, at, kind, step, outcome, note, promised_on, letter_id
             FROM dossier_entries WHERE client_id = ?1 ORDER BY at DESC, id DESC",
        )?;
        // The invoices of every entry, in one query (a client may have thousands of entries).
        let mut links: std::collections::HashMap<i64, Vec<i64>> = std::collections::HashMap::new();
        let mut link_stmt = self.conn.prepare(
            "SELECT di.entry_id, di.invoice_id FROM dossier_invoices di
             JOIN dossier_entries e ON e.id = di.entry_id
             WHERE e.client_id = ?1 ORDER BY di.entry_id, di.invoice_id",
        )?;
        let mut link_rows = link_stmt.query([client_id])?;
        while let Some(r) = link_rows.next()? {
            links.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut rows = stmt.query([client_id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let kind: String = r.get(3)?;
            out.push(DossierEntryRecord {
                id,
                client_id: r.get(1)?,
                at: r.get(2)?,
                kind: DossierKind::from_code(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("dossier kind {kind}")))?,
                step: r
                    .get::<_, Option<String>>(4)?
                    .map(|s| step_code(&s))
                    .transpose()?,
                outcome: r.get(5)?,
                note: r.get(6)?,
                promised_on: r
                    .get::<_, Option<String>>(7)?
                    .map(|d| date(&d))
                    .transpose()?,
                letter: r
                    .get::<_, Option<i64>>(8)?
                    .map(|l| crate::letters::read_letter(&self.conn, l))
                    .transpose()?,
                invoice_ids: links.remove(&id).unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// Opens a dispute on an invoice and logs it; a second open dispute is refused.
    pub fn open_dispute(
        &mut self,
        invoice_id: i64,
        opened_on: NaiveDate,
        entry: &NewDossierEntry,
    ) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            tx.execute(
                "INSERT INTO disputes (invoice_id, opened_on, reason) VALUES (?1, ?2, ?3)",
                (
                    invoice_id,
                    opened_on.to_string(),
                    entry.note.clone().unwrap_or_default(),
                ),
            )
            .map_err(|e| {
                if is_constraint(&e) {
                    StoreError::AlreadyDone
                } else {
                    e.into()
                }
            })?;
            insert_entry(tx, entry, None)?;
            Ok(())
        })
    }

    /// Resolves the open dispute of an invoice and logs it; the ladder resumes.
    pub fn resolve_dispute(
        &mut self,
        invoice_id: i64,
        resolved_on: NaiveDate,
        entry: &NewDossierEntry,
    ) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let n = tx.execute(
                "UPDATE disputes SET resolved_on = ?2, resolution = ?3
                 WHERE invoice_id = ?1 AND resolved_on IS NULL",
                (
                    invoice_id,
                    resolved_on.to_string(),
                    entry.note.clone().unwrap_or_default(),
                ),
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            insert_entry(tx, entry, None)?;
            Ok(())
        })
    }
}

pub(crate) fn ids(
    conn: &rusqlite::Connection,
    sql: &str,
    key: i64,
) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([key], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
