//! Writing a backup, and the automatic ones: at start-up and after every 25 changed rows, at
//! most once an hour, into a folder the user picks (default: `backups` in the data folder);
//! kept: the newest of each of the last 7 days, 4 weeks and 12 months, and every copy made
//! just before a restore (pinned). Each backup is lean (`tijdig_store::write_lean_backup`): the
//! rows, with the stored documents on the shelf beside them once (`document_shelf.rs`), made
//! from its own read of the database — the automatic one on its own thread. The screen is
//! `use_cases::backups`.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Condvar, Mutex};

use chrono::NaiveDateTime;
use tijdig_domain::backup::{
    backup_file_name, backups_to_keep, parse_any_backup_file_name, parse_backup_file_name,
    pinned_backup_file_name,
};
use tijdig_store::{listed_documents, write_lean_backup, Store, StoreError};

use super::document_shelf::FolderShelf;
use crate::{App, AppError};

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

    /// What a backup now needs: the database file, the folder, the moment.
    fn backup_job(&self, store: &Store, pinned: bool) -> Result<BackupJob, StoreError> {
        let folder = self.backup_folder(store)?.ok_or_else(|| {
            StoreError::Corrupt("no backup folder for an in-memory database".into())
        })?;
        let live = store
            .path()
            .map(PathBuf::from)
            .ok_or_else(|| StoreError::Corrupt("no backup of an in-memory database".into()))?;
        Ok(BackupJob {
            live,
            folder,
            at: self.local_now(),
            pinned,
        })
    }

    /// Notes that a backup was made now (the start-up and hourly checks read it).
    fn note_backup(&self, store: &mut Store) -> Result<(), StoreError> {
        store.set_setting(LAST_KEY, &stamp_text(self.local_now()))?;
        self.changes_at_backup
            .store(store.total_changes(), Ordering::Relaxed);
        Ok(())
    }

    /// Makes a backup now: a new lean copy in the folder, then the older ones pruned.
    pub(crate) fn write_backup(&self, store: &mut Store) -> Result<PathBuf, StoreError> {
        let path = self.backup_job(store, false)?.run()?;
        self.note_backup(store)?;
        Ok(path)
    }

    /// The copy of what is there just before a restore: pinned, never pruned.
    pub(crate) fn write_pinned_backup(&self, store: &mut Store) -> Result<PathBuf, StoreError> {
        let path = self.backup_job(store, true)?.run()?;
        self.note_backup(store)?;
        Ok(path)
    }

    /// The document shelf of the backup folder.
    pub(crate) fn shelf(&self, store: &Store) -> Result<FolderShelf, StoreError> {
        let folder = self.backup_folder(store)?.ok_or(StoreError::NotFound)?;
        Ok(FolderShelf::in_backup_folder(&folder))
    }

    pub(crate) fn last_backup(store: &Store) -> Result<Option<NaiveDateTime>, StoreError> {
        Ok(store.setting(LAST_KEY)?.as_deref().and_then(parse_stamp))
    }

    /// At most one automatic backup an hour; called at start-up and after writes.
    fn backup_due(&self, store: &Store) -> bool {
        let last = App::last_backup(store).ok().flatten();
        last.is_none_or(|l| self.local_now() - l >= chrono::Duration::hours(1))
    }

    /// Called after every use-case: a backup once 25 rows changed since the last one — made on
    /// its own thread from its own read of the database, so the screen never waits for it.
    pub(crate) fn backup_after_writes(&self, store: &mut Store) {
        if self.data_dir().as_os_str().is_empty() {
            return;
        }
        let changed = store
            .total_changes()
            .saturating_sub(self.changes_at_backup.load(Ordering::Relaxed));
        if changed < WRITES_PER_BACKUP || !self.backup_due(store) {
            return;
        }
        let job = match self.backup_job(store, false) {
            Ok(job) => job,
            Err(err) => return eprintln!("tijdig: automatic backup failed: {err}"),
        };
        if let Err(err) = self.note_backup(store) {
            return eprintln!("tijdig: automatic backup failed: {err}");
        }
        let spawned = std::thread::Builder::new()
            .name("tijdig-backup".into())
            .spawn(move || {
                if let Err(err) = job.run_unless_busy() {
                    eprintln!("tijdig: automatic backup failed: {err}");
                }
            });
        if let Err(err) = spawned {
            eprintln!("tijdig: automatic backup failed: {err}");
        }
    }

    /// The start-up backup (at most once an hour): the store is held only to look; the copy is
    /// made from its own read. A failure is logged, never fatal.
    pub fn backup_at_startup(&self) {
        let job = self.with_store(|store, lang| {
            if self.data_dir().as_os_str().is_empty() || !self.backup_due(store) {
                return Ok(None);
            }
            let job = self
                .backup_job(store, false)
                .map_err(|e| AppError::from_store(e, lang))?;
            self.note_backup(store)
                .map_err(|e| AppError::from_store(e, lang))?;
            Ok(Some(job))
        });
        match job {
            Ok(Some(job)) => {
                if let Err(err) = job.run() {
                    eprintln!("tijdig: start-up backup failed: {err}");
                }
            }
            Ok(None) => {}
            Err(err) => eprintln!("tijdig: start-up backup failed: {}", err.message),
        }
    }
}

/// One backup to make, with everything it needs owned (it may run on its own thread).
pub(crate) struct BackupJob {
    live: PathBuf,
    folder: PathBuf,
    at: NaiveDateTime,
    pinned: bool,
}

/// The backup folders a backup (and shelf clean-up) is being made in, in this process: one at
/// a time per folder — also across `App` handles on the same folder (a background backup of a
/// handle that is gone may still be running) — while another folder never waits.
static BUSY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static FREED: Condvar = Condvar::new();

/// A backup folder held until dropped.
struct FolderTurn<'a>(&'a Path);

impl FolderTurn<'_> {
    /// The folder's turn: waiting for a backup being made there, or (`wait` false) `None`.
    fn take(folder: &Path, wait: bool) -> Option<FolderTurn<'_>> {
        let mut busy = BUSY.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            if !busy.iter().any(|f| f == folder) {
                busy.push(folder.to_path_buf());
                return Some(FolderTurn(folder));
            }
            if !wait {
                return None;
            }
            busy = FREED.wait(busy).unwrap_or_else(|p| p.into_inner());
        }
    }
}

impl Drop for FolderTurn<'_> {
    fn drop(&mut self) {
        let mut busy = BUSY.lock().unwrap_or_else(|p| p.into_inner());
        busy.retain(|f| f != self.0);
        FREED.notify_all();
    }
}

impl BackupJob {
    /// Makes the backup, waiting for one that is being made in the same folder.
    pub(crate) fn run(&self) -> Result<PathBuf, StoreError> {
        let _turn = FolderTurn::take(&self.folder, true);
        self.make()
    }

    /// Makes the backup unless one is being made in its folder right now (then that one will
    /// do).
    fn run_unless_busy(&self) -> Result<Option<PathBuf>, StoreError> {
        match FolderTurn::take(&self.folder, false) {
            Some(_turn) => self.make().map(Some),
            None => Ok(None),
        }
    }

    fn make(&self) -> Result<PathBuf, StoreError> {
        let name = if self.pinned {
            pinned_backup_file_name
        } else {
            backup_file_name
        };
        crate::plumbing::private_files::create_private_dir_all(&self.folder)?;
        let mut at = self.at;
        let mut path = self.folder.join(name(at));
        while path.exists() {
            at += chrono::Duration::seconds(1);
            path = self.folder.join(name(at));
        }
        // Written under a temporary name of this process and renamed: a half-written file never
        // looks like a backup. Its documents go to the shelf (each once) before the copy lists
        // them.
        let partial = self
            .folder
            .join(format!(".{}.{}.partial", name(at), std::process::id()));
        let shelf = FolderShelf::in_backup_folder(&self.folder);
        let made = write_lean_backup(&self.live, &partial, &shelf);
        if let Err(err) = made {
            let _ = std::fs::remove_file(&partial);
            return Err(err);
        }
        std::fs::rename(&partial, &path)?;
        if !self.pinned {
            prune(&self.folder)?;
        }
        Ok(path)
    }
}

/// Retention: only our own regular backups are ever removed, pinned ones never; then the shelf
/// keeps only the documents a remaining backup lists.
fn prune(folder: &Path) -> Result<(), StoreError> {
    let mut ours = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(t) = parse_backup_file_name(&name) {
            ours.push((name, t));
        }
    }
    let keep = backups_to_keep(&ours.iter().map(|(_, t)| *t).collect::<Vec<_>>());
    let mut removed = 0;
    for ((name, _), keep) in ours.iter().zip(keep) {
        if !keep {
            std::fs::remove_file(folder.join(name))?;
            removed += 1;
        }
    }
    if removed > 0 {
        let mut listed = std::collections::HashSet::new();
        for entry in std::fs::read_dir(folder)? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if parse_any_backup_file_name(&name).is_some() {
                listed.extend(listed_documents(&folder.join(&name))?);
            }
        }
        FolderShelf::in_backup_folder(folder).keep_only(&listed)?;
    }
    Ok(())
}
