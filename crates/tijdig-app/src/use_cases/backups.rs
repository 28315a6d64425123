//! The Back-ups screen (issue "Data in and out"): where backups go, the backups there, making
//! one now, and restoring one — only after the file was checked, never without first backing
//! up what is there now (a pinned copy, never pruned), and, when documents issued since would
//! disappear, only after the user saw them and confirmed (issue "Nothing lost, nothing twice").
//! After a restore every number series continues after the highest number ever handed out on
//! this computer (`services::app::number_marks`). Writing a backup and the automatic ones are
//! `services::app::auto_backup`.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use std::collections::HashSet;

use tijdig_domain::backup::{backup_is_stale, parse_any_backup_file_name};
use tijdig_domain::Language;
use tijdig_store::{
    listed_documents, BackupContents, DocumentShelf, IssuedKind, IssuedSummary, Store, StoreError,
};

use crate::plumbing::error::refusal;
use crate::plumbing::format::{agree, amount, counted, say, show_date};
use crate::services::app::auto_backup::{stamp_text, FOLDER_KEY, LAST_KEY};
use crate::services::app::number_marks::sync_number_marks;
use crate::{dto, App, AppError, ErrorCode};

/// What restoring `backup` over the data that holds `current` would remove: every issued
/// document of `current` the backup does not hold (by kind and number).
fn lost_documents(
    current: &[IssuedSummary],
    backup: &[IssuedSummary],
    lang: Language,
) -> Vec<dto::LostDocument> {
    let kept: HashSet<(IssuedKind, &str)> =
        backup.iter().map(|d| (d.kind, d.number.as_str())).collect();
    current
        .iter()
        .filter(|d| !kept.contains(&(d.kind, d.number.as_str())))
        .map(|d| dto::LostDocument {
            kind: match d.kind {
                IssuedKind::Invoice => say(lang, "Factuur", "Invoice"),
                IssuedKind::CreditNote => say(lang, "Creditnota", "Credit note"),
                IssuedKind::Letter => say(lang, "Brief", "Letter"),
                IssuedKind::Offer => say(lang, "Offerte", "Quote"),
                IssuedKind::Arrangement => say(lang, "Betalingsregeling", "Payment arrangement"),
            },
            number: d.number.clone(),
            client: d.client.clone(),
            amount: d.amount.map(amount),
            sent_on: d.sent_on.map(show_date),
        })
        .collect()
}

impl App {
    /// Where backups go, when the last was made, and the backups there.
    pub fn backup_status(&self) -> Result<dto::BackupStatus, AppError> {
        self.with_store(|store, lang| {
            self.status(store, lang)
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    fn status(&self, store: &Store, lang: Language) -> Result<dto::BackupStatus, StoreError> {
        let folder = self.backup_folder(store)?;
        let last = App::last_backup(store)?;
        let mut files = Vec::new();
        if let Some(folder) = &folder {
            if let Ok(entries) = std::fs::read_dir(folder) {
                for entry in entries.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if let Some((t, pinned)) = parse_any_backup_file_name(&name) {
                        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                        files.push((
                            t,
                            dto::BackupFile {
                                name,
                                made_at: t.format("%d-%m-%Y %H:%M").to_string(),
                                size_kb: size / 1024,
                                pinned,
                            },
                        ));
                    }
                }
            }
        }
        // Newest first.
        files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.name.cmp(&a.1.name)));
        let files: Vec<dto::BackupFile> = files.into_iter().map(|(_, f)| f).collect();
        let stale = backup_is_stale(last, self.local_now());
        // What the retained set takes on disk: the lean copies and the shelf of documents.
        let copies: u64 = files.iter().map(|f| f.size_kb).sum();
        let shelf_kb = folder
            .as_ref()
            .map(|f| {
                crate::services::app::document_shelf::FolderShelf::in_backup_folder(f)
                    .size()
                    .1
                    / 1024
            })
            .unwrap_or(0);
        Ok(dto::BackupStatus {
            disk_kb: copies + shelf_kb,
            folder: folder.map(|f| f.display().to_string()).unwrap_or_default(),
            last: last.map(|l| l.format("%d-%m-%Y %H:%M").to_string()),
            warning: stale.then(|| match (last, lang) {
                (None, Language::Nl) => "Er is nog geen back-up gemaakt.".into(),
                (None, Language::En) => "No backup has been made yet.".into(),
                (Some(_), Language::Nl) => {
                    "De laatste back-up is meer dan 7 dagen oud. Maak er nu een.".into()
                }
                (Some(_), Language::En) => {
                    "The last backup is more than 7 days old. Make one now.".into()
                }
            }),
            files,
        })
    }

    /// Makes a backup now.
    pub fn make_backup(&self) -> Result<dto::BackupStatus, AppError> {
        self.with_store(|store, lang| {
            self.write_backup(store)
                .map_err(|e| AppError::from_store(e, lang))?;
            self.status(store, lang)
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Sets the backup folder (an existing, writable folder).
    pub fn set_backup_folder(&self, folder: &Path) -> Result<dto::BackupStatus, AppError> {
        self.with_store(|store, lang| {
            let probe = folder.join(".tijdig-write-test");
            if crate::plumbing::private_files::write_private_file(&probe, b"ok")
                .and_then(|_| std::fs::remove_file(&probe))
                .is_err()
            {
                return Err(AppError {
                    code: ErrorCode::Validation,
                    message: match lang {
                        Language::Nl => {
                            "In deze map kan Tijdig niet schrijven. Kies een andere map."
                        }
                        Language::En => {
                            "Tijdig cannot write in this folder. Choose another folder."
                        }
                    }
                    .into(),
                    fields: Vec::new(),
                });
            }
            store
                .set_setting(FOLDER_KEY, &folder.display().to_string())
                .map_err(|e| AppError::from_store(e, lang))?;
            self.status(store, lang)
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    fn backup_path(&self, store: &Store, name: &str) -> Result<PathBuf, StoreError> {
        let folder = self.backup_folder(store)?.ok_or(StoreError::NotFound)?;
        // Only our own file names, never a path: nothing outside the folder is read.
        parse_any_backup_file_name(name).ok_or(StoreError::NotFound)?;
        Ok(folder.join(name))
    }

    /// Where scratch copies of a backup go: next to the database (private like it).
    fn scratch_dir(&self) -> PathBuf {
        if self.data_dir().as_os_str().is_empty() {
            std::env::temp_dir()
        } else {
            self.data_dir().to_path_buf()
        }
    }

    /// Reads a backup in full through a private scratch copy next to the database.
    fn read_backup(&self, store: &Store, name: &str) -> Result<BackupContents, StoreError> {
        let path = self.backup_path(store, name)?;
        Store::read_backup(
            &path,
            &self.scratch_dir().join(".tijdig-restore-check.sqlite3"),
        )
    }

    /// What a backup holds (checked: integrity, schema, counts) before restoring it, and which
    /// documents issued now it does not hold.
    pub fn inspect_backup(&self, name: &str) -> Result<dto::BackupInspection, AppError> {
        self.with_store(|store, lang| {
            let read = || -> Result<dto::BackupInspection, StoreError> {
                let contents = self.read_backup(store, name)?;
                let current = store.issued_documents()?;
                let info = &contents.info;
                Ok(dto::BackupInspection {
                    name: name.to_string(),
                    intact: info.intact,
                    schema_version: info.schema_version,
                    clients: info.clients,
                    invoices: info.invoices,
                    payments: info.payments,
                    lost: if info.intact {
                        lost_documents(&current, &contents.documents, lang)
                    } else {
                        Vec::new()
                    },
                })
            };
            read().map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Restores a backup: checked first; documents issued since that it does not hold are
    /// only given up when `accept_loss` (the user saw the list); what is there now is kept as
    /// a pinned backup; afterwards every number series continues after the highest number ever
    /// handed out here.
    pub fn restore_backup(
        &self,
        name: &str,
        accept_loss: bool,
    ) -> Result<dto::BackupStatus, AppError> {
        self.with_store(|store, lang| {
            let contents = self
                .read_backup(store, name)
                .map_err(|e| AppError::from_store(e, lang))?;
            if !contents.info.intact {
                return Err(AppError::from_store(
                    StoreError::Corrupt("backup failed its integrity check".into()),
                    lang,
                ));
            }
            let current = store
                .issued_documents()
                .map_err(|e| AppError::from_store(e, lang))?;
            let lost = lost_documents(&current, &contents.documents, lang);
            if !lost.is_empty() && !accept_loss {
                return Err(refusal(
                    lang,
                    &format!(
                        "Deze back-up mist {} je daarna hebt gemaakt. Bekijk de lijst en \
                         bevestig dat je {} wilt laten verdwijnen.",
                        counted(lost.len(), "document dat", "documenten die"),
                        agree(lost.len(), "het", "ze"),
                    ),
                    &format!(
                        "This backup lacks {} you made after it. Look at the list and confirm \
                         that {} may disappear.",
                        counted(lost.len(), "document", "documents"),
                        agree(lost.len(), "it", "they"),
                    ),
                )
                .word(lang));
            }
            // A lean backup's documents are on the shelf beside it: every one must be there.
            let missing = (|| -> Result<usize, StoreError> {
                let path = self.backup_path(store, name)?;
                let shelf = self.shelf(store)?;
                Ok(listed_documents(&path)?
                    .iter()
                    .filter(|sha| !shelf.has(sha))
                    .count())
            })()
            .map_err(|e| AppError::from_store(e, lang))?;
            if missing > 0 {
                return Err(refusal(
                    lang,
                    &format!(
                        "Deze back-up kan niet worden teruggezet: {} in de map „documents” naast de back-ups. Zet die map terug (bijvoorbeeld uit je cloudmap) en probeer het opnieuw. Er is niets veranderd.",
                        counted(missing, "document ontbreekt", "documenten ontbreken"),
                    ),
                    &format!(
                        "This backup cannot be restored: {} from the “documents” folder beside the backups. Put that folder back (for example from your cloud folder) and try again. Nothing was changed.",
                        counted(missing, "document is missing", "documents are missing"),
                    ),
                )
                .word(lang));
            }
            let run = |store: &mut Store| -> Result<(), StoreError> {
                let path = self.backup_path(store, name)?;
                // The highest numbers of the data about to be replaced, kept outside it first.
                let marks = sync_number_marks(self.data_dir(), store, &contents.marks)?;
                let shelf = self.shelf(store)?;
                self.write_pinned_backup(store)?;
                let scratch = self.scratch_dir().join(".tijdig-restore.sqlite3");
                store.restore_backup_from(&path, &scratch, &shelf)?;
                store.raise_number_marks(&marks)?;
                // The restored database still records when backups were made.
                store.set_setting(LAST_KEY, &stamp_text(self.local_now()))?;
                self.changes_at_backup
                    .store(store.total_changes(), Ordering::Relaxed);
                Ok(())
            };
            run(store).map_err(|e| AppError::from_store(e, lang))?;
            self.status(store, lang)
                .map_err(|e| AppError::from_store(e, lang))
        })
    }
}
