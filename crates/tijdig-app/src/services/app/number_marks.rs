//! The highest number ever handed out per series on this computer, kept outside the database
//! in `issued-numbers.json` in the data folder (issue "Nothing lost, nothing twice"): a restore
//! replaces the database, and whatever an older copy says, the next invoice, credit note,
//! letter, arrangement or offer number comes after every one the user's clients may already
//! have (art. 35a Wet OB). The file is read and merged at every start and before every restore;
//! the database's own floors (`series_floors`) carry the marks between starts.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use std::sync::atomic::Ordering;

use tijdig_store::{merge_marks, SeriesMark, Store, StoreError};

use crate::App;

/// The side file's name in the data folder.
pub(crate) const NUMBERS_FILE: &str = "issued-numbers.json";

#[derive(Serialize, Deserialize)]
struct Mark {
    series: String,
    year: i32,
    last: u32,
}

#[derive(Serialize, Deserialize)]
struct MarksFile {
    /// What this file is, for a person who opens it.
    about: String,
    marks: Vec<Mark>,
}

fn numbers_file(data_dir: &Path) -> Option<PathBuf> {
    (!data_dir.as_os_str().is_empty()).then(|| data_dir.join(NUMBERS_FILE))
}

/// The marks in the side file (none when there is no file; an unreadable file is an error:
/// the numbers it guards must not be silently forgotten).
pub(crate) fn side_marks(data_dir: &Path) -> Result<Vec<SeriesMark>, StoreError> {
    let Some(path) = numbers_file(data_dir) else {
        return Ok(Vec::new());
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err.into()),
    };
    let file: MarksFile = serde_json::from_slice(&bytes)
        .map_err(|e| StoreError::Corrupt(format!("{} cannot be read: {e}", path.display())))?;
    Ok(file
        .marks
        .into_iter()
        .map(|m| SeriesMark {
            series: m.series,
            year: m.year,
            last_seq: m.last,
        })
        .collect())
}

/// Writes `marks` to the side file (private, written under a temporary name and renamed).
fn write_side_marks(data_dir: &Path, marks: &[SeriesMark]) -> Result<(), StoreError> {
    let Some(path) = numbers_file(data_dir) else {
        return Ok(());
    };
    let file = MarksFile {
        about: "Tijdig: the highest number handed out per series on this computer. A \
                restored backup continues after these numbers. Do not edit."
            .into(),
        marks: marks
            .iter()
            .map(|m| Mark {
                series: m.series.clone(),
                year: m.year,
                last: m.last_seq,
            })
            .collect(),
    };
    let json = serde_json::to_vec_pretty(&file)
        .map_err(|e| StoreError::Corrupt(format!("numbers file: {e}")))?;
    let partial = path.with_extension("json.partial");
    crate::plumbing::private_files::write_private_file(&partial, json)?;
    std::fs::rename(&partial, &path)?;
    Ok(())
}

/// Brings the side file and the database to the same marks, the highest of both: at every
/// start, and before a restore (`extra` are the marks of the data about to be replaced).
/// Returns the merged marks.
pub(crate) fn sync_number_marks(
    data_dir: &Path,
    store: &mut Store,
    extra: &[SeriesMark],
) -> Result<Vec<SeriesMark>, StoreError> {
    let side = side_marks(data_dir)?;
    let here = store.number_marks()?;
    let merged = merge_marks(&[&side, &here, extra]);
    if merged != side {
        write_side_marks(data_dir, &merged)?;
    }
    store.raise_number_marks(&merged)?;
    Ok(merged)
}

impl App {
    /// At start: the side file and the database agree on the highest marks. A damaged side
    /// file does not stop Tijdig from starting (the database's own floors still hold): it is
    /// kept aside as `.damaged`, said in the log and rewritten. Opening is not the user's work:
    /// the changed-row counts start after it.
    pub(crate) fn adopt_number_marks(&self) {
        let mut store = match self.store.lock() {
            Ok(store) => store,
            Err(poisoned) => poisoned.into_inner(),
        };
        let dir = self.data_dir();
        let marks = sync_number_marks(dir, &mut store, &[]).or_else(|err| {
            eprintln!("tijdig: the issued-numbers file could not be used: {err}");
            let file = dir.join(NUMBERS_FILE);
            let _ = std::fs::rename(&file, file.with_extension("json.damaged"));
            sync_number_marks(dir, &mut store, &[])
        });
        let marks = marks.unwrap_or_else(|err| {
            eprintln!("tijdig: the issued-numbers file could not be written: {err}");
            Vec::new()
        });
        let changes = store.total_changes();
        self.changes_at_backup.store(changes, Ordering::Relaxed);
        self.marks_checked_at.store(changes, Ordering::Relaxed);
        match self.known_marks.lock() {
            Ok(mut known) => *known = marks,
            Err(poisoned) => *poisoned.into_inner() = marks,
        }
    }

    /// After a use-case that changed rows: when a number was handed out, the side file learns
    /// it at once (a small file, rewritten only when a mark rose), so even a database file
    /// swapped for an older copy while Tijdig was closed continues after it at the next start.
    pub(crate) fn keep_number_marks(&self, store: &Store) {
        if self.data_dir().as_os_str().is_empty() {
            return;
        }
        let changes = store.total_changes();
        if self.marks_checked_at.swap(changes, Ordering::Relaxed) == changes {
            return;
        }
        let Ok(here) = store.number_marks() else {
            return;
        };
        let mut known = match self.known_marks.lock() {
            Ok(known) => known,
            Err(poisoned) => poisoned.into_inner(),
        };
        let merged = merge_marks(&[&known, &here]);
        if merged != *known {
            match write_side_marks(self.data_dir(), &merged) {
                Ok(()) => *known = merged,
                Err(err) => {
                    eprintln!("tijdig: the issued-numbers file could not be written: {err}")
                }
            }
        }
    }
}
