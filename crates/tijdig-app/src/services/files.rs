//! Documents written where the desktop needs them: every PDF the desktop opens, saves or prints
//! goes through [`App::write_document`]; the stored PDF of an issued invoice and the file
//! names of invoices and letters.

use crate::plumbing::file_names::document_base_name;
use crate::{App, AppError};
use std::path::{Path, PathBuf};
use tijdig_store::StoreError;

impl App {
    /// `Factuur 2026-0001.pdf` (or the English title for an English document).
    pub fn invoice_pdf_file_name(&self, id: i64) -> Result<String, AppError> {
        self.with_store(|store, lang| {
            let run = || -> Result<String, StoreError> {
                let record = store.invoice(id)?;
                let client = store.client(record.draft.client_id)?.client;
                let number = record
                    .issued
                    .as_ref()
                    .map(|i| i.number.clone())
                    .ok_or(StoreError::NotFound)?;
                Ok(format!(
                    "{}.pdf",
                    document_base_name(record.draft.kind, &number, client.document_language)
                ))
            };
            run().map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Writes the stored PDF, byte for byte, into `dir` under its file name.
    pub fn write_invoice_pdf(&self, id: i64, dir: &Path) -> Result<PathBuf, AppError> {
        let path = dir.join(self.invoice_pdf_file_name(id)?);
        self.write_invoice_pdf_to(id, &path)?;
        Ok(path)
    }

    pub fn write_invoice_pdf_to(&self, id: i64, path: &Path) -> Result<(), AppError> {
        let pdf = self.with_store(|store, lang| {
            store
                .invoice_pdf(id)
                .map_err(|e| AppError::from_store(e, lang))
        })?;
        self.write_document(path, &pdf)
    }

    /// Writes a document's bytes to `path`, creating its folder: every PDF the desktop opens,
    /// saves or prints goes through here.
    pub fn write_document(&self, path: &Path, bytes: &[u8]) -> Result<(), AppError> {
        let write = || -> Result<(), StoreError> {
            if let Some(dir) = path.parent() {
                crate::plumbing::private_files::create_private_dir_all(dir)?;
            }
            crate::plumbing::private_files::write_private_file(path, bytes)?;
            Ok(())
        };
        write().map_err(|e| AppError::from_store(e, self.lang()))
    }
}

/// A letter's title in its client's language, `Herinnering 2026-B0001`: its file name without
/// `.pdf` and what the dossier calls it.
pub(crate) fn letter_title(store: &tijdig_store::Store, id: i64) -> Result<String, StoreError> {
    let record = store.letter(id)?;
    let client = store.client(record.client_id)?.client;
    Ok(format!(
        "{} {}",
        record.step.label(client.document_language),
        record.reference
    )
    .replace(['/', '\\'], "-"))
}
