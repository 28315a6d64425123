//! Back-ups (issue "Data in and out"): automatic at start-up and after every 25 changed rows,
//! at most once an hour, into a folder the user picks (default: `backups` in the data folder);
//! 7 daily, 4 weekly and 12 monthly kept; restore only after the file was checked, and never
//! without first backing up what is there now.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use chrono::NaiveDateTime;
use tijdig_domain::backup::{
    backup_file_name, backup_is_stale, backups_to_keep, parse_backup_file_name,
};
use tijdig_domain::Language;
use tijdig_store::{Store, StoreError};

use crate::{dto, App, AppError, ErrorCode};

const FOLDER_KEY: &str = "backup_folder";
const LAST_KEY: &str = "last_backup_at";
/// Changed rows after which a backup is made (at most once an hour).
const WRITES_PER_BACKUP: u64 = 25;

fn stamp_text(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn parse_stamp(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").ok()
}

impl App {
    fn backup_folder(&self, store: &Store) -> Result<Option<PathBuf>, StoreError> {
        if let Some(folder) = store.setting(FOLDER_KEY)?.filter(|f| !f.is_empty()) {
            return Ok(Some(PathBuf::from(folder)));
        }
        let data = self.data_dir();
        Ok((!data.as_os_str().is_empty()).then(|| data.join("backups")))
    }

    /// Makes a backup now: a new file in the folder, then the older ones pruned.
    fn write_backup(&self, store: &mut Store) -> Result<PathBuf, StoreError> {
        self.write_backup_keeping(store, None)
    }

    /// As [`App::write_backup`], never pruning the file named `keep` (the one being restored).
    fn write_backup_keeping(
        &self,
        store: &mut Store,
        protect: Option<&str>,
    ) -> Result<PathBuf, StoreError> {
        let folder = self.backup_folder(store)?.ok_or_else(|| {
            StoreError::Corrupt("no backup folder for an in-memory database".into())
        })?;
        std::fs::create_dir_all(&folder)?;
        let now = self.local_now();
        let mut at = now;
        let mut path = folder.join(backup_file_name(at));
        while path.exists() {
            at += chrono::Duration::seconds(1);
            path = folder.join(backup_file_name(at));
        }
        // Written under a temporary name and renamed: a half-written file never looks like a backup.
        let partial = folder.join(format!(".{}.partial", backup_file_name(at)));
        store.backup_to(&partial)?;
        std::fs::rename(&partial, &path)?;
        store.set_setting(LAST_KEY, &stamp_text(now))?;
        self.changes_at_backup
            .store(store.total_changes(), Ordering::Relaxed);
        // Retention: only our own files are ever removed.
        let mut ours = Vec::new();
        for entry in std::fs::read_dir(&folder)? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if let Some(t) = parse_backup_file_name(&name) {
                ours.push((name, t));
            }
        }
        let keep = backups_to_keep(&ours.iter().map(|(_, t)| *t).collect::<Vec<_>>());
        for ((name, _), keep) in ours.iter().zip(keep) {
            if !keep && Some(name.as_str()) != protect {
                std::fs::remove_file(folder.join(name))?;
            }
        }
        Ok(path)
    }

    fn last_backup(store: &Store) -> Result<Option<NaiveDateTime>, StoreError> {
        Ok(store.setting(LAST_KEY)?.as_deref().and_then(parse_stamp))
    }

    /// At most one automatic backup an hour; called at start-up and after writes.
    fn backup_due(&self, store: &Store) -> bool {
        let last = App::last_backup(store).ok().flatten();
        last.is_none_or(|l| self.local_now() - l >= chrono::Duration::hours(1))
    }

    /// Called after every use-case: a backup once 25 rows changed since the last one.
    pub(crate) fn backup_after_writes(&self, store: &mut Store) {
        if self.data_dir().as_os_str().is_empty() {
            return;
        }
        let changed = store
            .total_changes()
            .saturating_sub(self.changes_at_backup.load(Ordering::Relaxed));
        if changed >= WRITES_PER_BACKUP && self.backup_due(store) {
            if let Err(err) = self.write_backup(store) {
                eprintln!("tijdig: automatic backup failed: {err}");
            }
        }
    }

    /// The start-up backup (at most once an hour); a failure is logged, never fatal.
    pub fn backup_at_startup(&self) {
        let _ = self.with_store(|store, _| {
            if !self.data_dir().as_os_str().is_empty() && self.backup_due(store) {
                if let Err(err) = self.write_backup(store) {
                    eprintln!("tijdig: start-up backup failed: {err}");
                }
            }
            Ok(())
        });
    }

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
