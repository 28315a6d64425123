//! The Back-ups screen (issue "Data in and out"): where backups go, the backups there, making
//! one now, and restoring one — only after the file was checked, and never without first
//! backing up what is there now. Writing a backup and the automatic ones are
//! `services::app::auto_backup`.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use tijdig_domain::backup::{backup_is_stale, parse_backup_file_name};
use tijdig_domain::Language;
use tijdig_store::{Store, StoreError};

use crate::services::app::auto_backup::{stamp_text, FOLDER_KEY, LAST_KEY};
use crate::{dto, App, AppError, ErrorCode};

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
                    if let Some(t) = parse_backup_file_name(&name) {
                        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                        files.push(dto::BackupFile {
                            name,
                            made_at: t.format("%d-%m-%Y %H:%M").to_string(),
                            size_kb: size / 1024,
                        });
                    }
                }
            }
        }
        files.sort_by(|a, b| b.name.cmp(&a.name));
        let stale = backup_is_stale(last, self.local_now());
        Ok(dto::BackupStatus {
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
            if std::fs::write(&probe, b"ok")
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
        parse_backup_file_name(name).ok_or(StoreError::NotFound)?;
        Ok(folder.join(name))
    }

    /// What a backup holds (checked: integrity, schema, counts) before restoring it.
    pub fn inspect_backup(&self, name: &str) -> Result<dto::BackupInspection, AppError> {
        self.with_store(|store, lang| {
            let read = || -> Result<dto::BackupInspection, StoreError> {
                let path = self.backup_path(store, name)?;
                let info = Store::inspect_backup(&path)?;
                Ok(dto::BackupInspection {
                    name: name.to_string(),
                    intact: info.intact,
                    schema_version: info.schema_version,
                    clients: info.clients,
                    invoices: info.invoices,
                    payments: info.payments,
                })
            };
            read().map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Restores a backup: checked first; what is there now is backed up before it is replaced.
    pub fn restore_backup(&self, name: &str) -> Result<dto::BackupStatus, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<(), StoreError> {
                let path = self.backup_path(store, name)?;
                let info = Store::inspect_backup(&path)?;
                if !info.intact {
                    return Err(StoreError::Corrupt(
                        "backup failed its integrity check".into(),
                    ));
                }
                self.write_backup_keeping(store, Some(name))?;
                store.restore_from(&path)?;
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
