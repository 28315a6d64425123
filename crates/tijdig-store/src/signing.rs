//! The certificates Tijdig signs with (ondertekening), and finding a stored document by the
//! SHA-256 of its PDF ("Controleer PDF"). Private keys are never stored here.

use rusqlite::OptionalExtension;

use crate::{in_transaction, Store, StoreError};

/// A signing certificate as stored; its private key is in the OS keychain under
/// `keychain_account`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningCertificateRecord {
    pub id: i64,
    pub fingerprint: String,
    pub subject: String,
    pub certificate: Vec<u8>,
    /// The issuing certificates, DER one after the other (empty when self-signed).
    pub chain: Vec<u8>,
    pub keychain_account: String,
    /// `generated` (made by Tijdig) or `imported` (a .p12 from a certificate provider).
    pub source: String,
    pub active: bool,
    pub created_at: String,
}

/// A certificate to add (and make the active one).
pub struct NewSigningCertificate<'a> {
    pub fingerprint: &'a str,
    pub subject: &'a str,
    pub certificate: &'a [u8],
    pub chain: &'a [u8],
    pub keychain_account: &'a str,
    pub source: &'a str,
}

/// A stored document whose PDF has a given SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocumentRef {
    /// `invoice`, `letter` or `arrangement`.
    pub kind: String,
    pub id: i64,
    /// The invoice number or the letter's/arrangement's reference.
    pub reference: String,
}

const COLUMNS: &str =
    "id, fingerprint, subject, certificate, keychain_account, source, active, created_at, chain";

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<SigningCertificateRecord> {
    Ok(SigningCertificateRecord {
        id: row.get(0)?,
        fingerprint: row.get(1)?,
        subject: row.get(2)?,
        certificate: row.get(3)?,
        keychain_account: row.get(4)?,
        source: row.get(5)?,
        active: row.get::<_, i64>(6)? == 1,
        created_at: row.get(7)?,
        chain: row.get(8)?,
    })
}

impl Store {
    /// The certificate new documents are signed with, if one was made or imported.
    pub fn active_signing_certificate(
        &self,
    ) -> Result<Option<SigningCertificateRecord>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM signing_certificates WHERE active = 1"),
                [],
                read,
            )
            .optional()?)
    }

    /// Every certificate Tijdig ever signed with, newest first.
    pub fn signing_certificates(&self) -> Result<Vec<SigningCertificateRecord>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM signing_certificates ORDER BY id DESC"
        ))?;
        let rows = stmt.query_map([], read)?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Adds a certificate and makes it the active one (earlier ones stay, for checking old
    /// documents).
    pub fn add_signing_certificate(
        &mut self,
        new: &NewSigningCertificate<'_>,
    ) -> Result<SigningCertificateRecord, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            tx.execute(
                "UPDATE signing_certificates SET active = 0 WHERE active = 1",
                [],
            )?;
            tx.execute(
                "INSERT INTO signing_certificates
                     (fingerprint, subject, certificate, keychain_account, source, active, chain)
                 VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)",
                (
                    new.fingerprint,
                    new.subject,
                    new.certificate,
                    new.keychain_account,
                    new.source,
                    new.chain,
                ),
            )?;
            let id = tx.last_insert_rowid();
            Ok(tx.query_row(
                &format!("SELECT {COLUMNS} FROM signing_certificates WHERE id = ?1"),
                [id],
                read,
            )?)
        })
    }

    /// The stored documents whose PDF has this SHA-256 (lower-case hex).
    pub fn documents_with_sha256(
        &self,
        sha256: &str,
    ) -> Result<Vec<StoredDocumentRef>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT 'invoice', id, number FROM invoices WHERE pdf_sha256 = ?1 AND number IS NOT NULL
             UNION ALL SELECT 'letter', id, reference FROM letters WHERE pdf_sha256 = ?1
             UNION ALL SELECT 'arrangement', id, reference FROM arrangements WHERE pdf_sha256 = ?1
             UNION ALL SELECT 'offer', id, number FROM offers WHERE pdf_sha256 = ?1
             UNION ALL SELECT 'agreement', id, number FROM agreements WHERE pdf_sha256 = ?1",
        )?;
        let rows = stmt
            .query_map([sha256], |r| {
                Ok(StoredDocumentRef {
                    kind: r.get(0)?,
                    id: r.get(1)?,
                    reference: r.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}
