//! The document shelf beside the backups (`documents/` in the backup folder): every stored
//! document of every lean backup, once, named by its SHA-256 (`documents/ab/ab12…`), private to
//! the user. A document is written under a temporary name and renamed, so a half-written one is
//! never taken for whole; one that does not hash to its name is refused when read.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use tijdig_store::DocumentShelf;

use crate::plumbing::hashing::sha256_hex;
use crate::plumbing::private_files::{create_private_dir_all, write_private_file};

/// The shelf's folder inside the backup folder.
pub(crate) const SHELF_FOLDER: &str = "documents";

pub(crate) struct FolderShelf {
    dir: PathBuf,
}

impl FolderShelf {
    pub(crate) fn in_backup_folder(folder: &Path) -> FolderShelf {
        FolderShelf {
            dir: folder.join(SHELF_FOLDER),
        }
    }

    fn path(&self, sha256: &str) -> Option<PathBuf> {
        // Only a SHA-256 in hex names a file: nothing outside the shelf is ever touched.
        let valid = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
        valid.then(|| self.dir.join(&sha256[..2]).join(sha256))
    }

    /// Removes every document no backup lists any more; returns how many.
    pub(crate) fn keep_only(&self, listed: &HashSet<String>) -> std::io::Result<usize> {
        let mut removed = 0;
        let Ok(groups) = std::fs::read_dir(&self.dir) else {
            return Ok(0);
        };
        for group in groups {
            let group = group?.path();
            if !group.is_dir() {
                continue;
            }
            for file in std::fs::read_dir(&group)? {
                let file = file?;
                let name = file.file_name().to_string_lossy().into_owned();
                if self.path(&name).is_some() && !listed.contains(&name) {
                    std::fs::remove_file(file.path())?;
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    /// How many documents and bytes the shelf holds.
    pub(crate) fn size(&self) -> (usize, u64) {
        let mut out = (0, 0);
        if let Ok(groups) = std::fs::read_dir(&self.dir) {
            for group in groups.flatten() {
                if let Ok(files) = std::fs::read_dir(group.path()) {
                    for file in files.flatten() {
                        out.0 += 1;
                        out.1 += file.metadata().map(|m| m.len()).unwrap_or(0);
                    }
                }
            }
        }
        out
    }
}

impl DocumentShelf for FolderShelf {
    fn has(&self, sha256: &str) -> bool {
        self.path(sha256).is_some_and(|p| p.is_file())
    }

    fn put(&self, bytes: &[u8]) -> std::io::Result<String> {
        let sha = sha256_hex(bytes);
        let Some(path) = self.path(&sha) else {
            return Err(std::io::Error::other("not a SHA-256"));
        };
        if !path.is_file() {
            if let Some(dir) = path.parent() {
                create_private_dir_all(dir)?;
            }
            let partial = path.with_extension("partial");
            write_private_file(&partial, bytes)?;
            std::fs::rename(&partial, &path)?;
        }
        Ok(sha)
    }

    fn get(&self, sha256: &str) -> std::io::Result<Vec<u8>> {
        let path = self
            .path(sha256)
            .ok_or_else(|| std::io::Error::other("not a SHA-256"))?;
        let bytes = std::fs::read(path)?;
        if sha256_hex(&bytes) != sha256 {
            return Err(std::io::Error::other("its bytes do not match its SHA-256"));
        }
        Ok(bytes)
    }
}
