//! Writing a backup, and the automatic ones: at start-up and after every 25 changed rows, at
//! most once an hour, into a folder the user picks (default: `backups` in the data folder);
//! kept: the newest of each of the last 7 days, 4 weeks and 12 months, and every copy made
//! just before a restore (pinned). The screen is `use_cases::backups`.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use chrono::NaiveDateTime;
use tijdig_domain::backup::{
    backup_file_name, backups_to_keep, parse_backup_file_name, pinned_backup_file_name,
};
use tijdig_store::{Store, StoreError};

use crate::App;

pub(crate) const FOLDER_KEY: &str = "backup_folder";
pub(crate) const LAST_KEY: &str = "last_backup_at";
/// Changed rows after which a backup is made (at most once an hour).
const WRITES_PER_BACKUP: u64 = 25;

pub(crate) fn stamp_text(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn parse_stamp(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").ok()
}

impl App {
    pub(crate) fn backup_folder(&self, store: &Store) -> Result<Option<PathBuf>, StoreError> {
        if let Some(folder) = store.setting(FOLDER_KEY)?.filter(|f| !f.is_empty()) {
            return Ok(Some(PathBuf::from(folder)));
        }
        let data = self.data_dir();
        Ok((!data.as_os_str().is_empty()).then(|| data.join("backups")))
    }

    /// Makes a backup now: a new file in the folder, then the older ones pruned.
    pub(crate) fn write_backup(&self, store: &mut Store) -> Result<PathBuf, StoreError> {
        let path = self.write_backup_named(store, backup_file_name)?;
        self.prune_backups(store)?;
        Ok(path)
    }

    /// The copy of what is there just before a restore: pinned, never pruned.
    pub(crate) fn write_pinned_backup(&self, store: &mut Store) -> Result<PathBuf, StoreError> {
        self.write_backup_named(store, pinned_backup_file_name)
    }

    fn write_backup_named(
        &self,
        store: &mut Store,
        name: fn(NaiveDateTime) -> String,
    ) -> Result<PathBuf, StoreError> {
        let folder = self.backup_folder(store)?.ok_or_else(|| {
            StoreError::Corrupt("no backup folder for an in-memory database".into())
        })?;
        crate::plumbing::private_files::create_private_dir_all(&folder)?;
        let now = self.local_now();
        let mut at = now;
        let mut path = folder.join(name(at));
        while path.exists() {
            at += chrono::Duration::seconds(1);
            path = folder.join(name(at));
        }
        // Written under a temporary name and renamed: a half-written file never looks like a backup.
        let partial = folder.join(format!(".{}.partial", name(at)));
        store.backup_to(&partial)?;
        std::fs::rename(&partial, &path)?;
        store.set_setting(LAST_KEY, &stamp_text(now))?;
        self.changes_at_backup
            .store(store.total_changes(), Ordering::Relaxed);
        Ok(path)
    }

    /// Retention: only our own regular backups are ever removed; pinned ones never.
    fn prune_backups(&self, store: &Store) -> Result<(), StoreError> {
        let Some(folder) = self.backup_folder(store)? else {
            return Ok(());
        };
        let mut ours = Vec::new();
        for entry in std::fs::read_dir(&folder)? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if let Some(t) = parse_backup_file_name(&name) {
                ours.push((name, t));
            }
        }
        let keep = backups_to_keep(&ours.iter().map(|(_, t)| *t).collect::<Vec<_>>());
        for ((name, _), keep) in ours.iter().zip(keep) {
            if !keep {
                std::fs::remove_file(folder.join(name))?;
            }
        }
        Ok(())
    }

    pub(crate) fn last_backup(store: &Store) -> Result<Option<NaiveDateTime>, StoreError> {
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
}
