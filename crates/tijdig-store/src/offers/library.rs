//! What offers draw on: the versions of the algemene voorwaarden (each upload kept with its
//! SHA-256), reusable text blocks, and the client-acceptance checklist.

use crate::parse::date;
use crate::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, TransactionBehavior};

/// A version of the algemene voorwaarden to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTermsDocument {
    pub file_name: String,
    pub pdf: Vec<u8>,
    pub sha256: String,
    pub pages: u32,
}

/// A stored version of the algemene voorwaarden (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermsDocumentRecord {
    pub id: i64,
    pub version: u32,
    pub file_name: String,
    pub sha256: String,
    pub pages: u32,
    pub uploaded_at: String,
}

/// A reusable text block: `scope` (what you deliver) or `conditions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlockRecord {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub body: String,
}

/// The client-acceptance checklist (acceptatie) as last answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAcceptance {
    pub kvk_checked: bool,
    pub references_ok: bool,
    pub trouble_signals: bool,
    pub note: Option<String>,
    pub checked_on: NaiveDate,
}

fn terms_row(row: &Row<'_>) -> rusqlite::Result<TermsDocumentRecord> {
    Ok(TermsDocumentRecord {
        id: row.get(0)?,
        version: row.get(1)?,
        file_name: row.get(2)?,
        sha256: row.get(3)?,
        pages: row.get(4)?,
        uploaded_at: row.get(5)?,
    })
}

impl Store {
    /// Stores a new version of the algemene voorwaarden (the next version number).
    pub fn add_terms_document(
        &mut self,
        doc: &NewTermsDocument,
    ) -> Result<TermsDocumentRecord, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO terms_documents (version, file_name, pdf, sha256, pages)
             VALUES ((SELECT coalesce(max(version), 0) + 1 FROM terms_documents), ?1, ?2, ?3, ?4)",
            rusqlite::params![doc.file_name, doc.pdf, doc.sha256, doc.pages],
        )?;
        let id = tx.last_insert_rowid();
        let record = tx.query_row(
            "SELECT id, version, file_name, sha256, pages, uploaded_at FROM terms_documents
             WHERE id = ?1",
            [id],
            terms_row,
        )?;
        tx.commit()?;
        Ok(record)
    }

    /// Every version, the newest first.
    pub fn terms_documents(&self) -> Result<Vec<TermsDocumentRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, version, file_name, sha256, pages, uploaded_at FROM terms_documents
             ORDER BY version DESC",
        )?;
        let rows = stmt.query_map([], terms_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn terms_document_pdf(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        self.conn
            .query_row("SELECT pdf FROM terms_documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(StoreError::NotFound)
    }

    pub fn add_text_block(
        &mut self,
        kind: &str,
        title: &str,
        body: &str,
    ) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO text_blocks (kind, title, body) VALUES (?1, ?2, ?3)",
            [kind, title, body],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn text_blocks(&self) -> Result<Vec<TextBlockRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, kind, title, body FROM text_blocks ORDER BY kind, title COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(TextBlockRecord {
                id: r.get(0)?,
                kind: r.get(1)?,
                title: r.get(2)?,
                body: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn delete_text_block(&mut self, id: i64) -> Result<(), StoreError> {
        match self
            .conn
            .execute("DELETE FROM text_blocks WHERE id = ?1", [id])?
        {
            0 => Err(StoreError::NotFound),
            _ => Ok(()),
        }
    }

    pub fn client_acceptance(
        &self,
        client_id: i64,
    ) -> Result<Option<ClientAcceptance>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT kvk_checked, references_ok, trouble_signals, note, checked_on
                 FROM client_acceptance WHERE client_id = ?1",
                [client_id],
                |r| {
                    Ok((
                        r.get::<_, bool>(0)?,
                        r.get::<_, bool>(1)?,
                        r.get::<_, bool>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                },
            )
            .optional()?;
        row.map(|(kvk, refs, trouble, note, on)| {
            Ok(ClientAcceptance {
                kvk_checked: kvk,
                references_ok: refs,
                trouble_signals: trouble,
                note,
                checked_on: date(&on)?,
            })
        })
        .transpose()
    }

    /// Every client's acceptance checklist, for the risk view.
    pub fn client_acceptances(
        &self,
    ) -> Result<std::collections::HashMap<i64, ClientAcceptance>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT client_id, kvk_checked, references_ok, trouble_signals, note, checked_on
             FROM client_acceptance",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = std::collections::HashMap::new();
        while let Some(r) = rows.next()? {
            out.insert(
                r.get::<_, i64>(0)?,
                ClientAcceptance {
                    kvk_checked: r.get(1)?,
                    references_ok: r.get(2)?,
                    trouble_signals: r.get(3)?,
                    note: r.get(4)?,
                    checked_on: date(&r.get::<_, String>(5)?)?,
                },
            );
        }
        Ok(out)
    }

    pub fn save_client_acceptance(
        &mut self,
        client_id: i64,
        a: &ClientAcceptance,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO client_acceptance (client_id, kvk_checked, references_ok,
                trouble_signals, note, checked_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (client_id) DO UPDATE SET kvk_checked = excluded.kvk_checked,
                references_ok = excluded.references_ok,
                trouble_signals = excluded.trouble_signals, note = excluded.note,
                checked_on = excluded.checked_on",
            rusqlite::params![
                client_id,
                a.kvk_checked,
                a.references_ok,
                a.trouble_signals,
                a.note,
                a.checked_on.to_string()
            ],
        )?;
        Ok(())
    }
}
