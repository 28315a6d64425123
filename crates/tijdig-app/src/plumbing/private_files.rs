//! Files Tijdig writes outside the database — backups' folders, exports, dossiers, CSVs,
//! e-invoices, PDFs saved or opened — are the user's business records: readable by the user
//! only. The app crate's one piece of OS-specific file code: on Unix files get mode 0600 and
//! the folders Tijdig creates 0700; elsewhere the OS's per-user defaults apply.

use std::fs::File;
use std::io;
use std::path::Path;

/// Creates (or truncates) `path` for writing, private to the user. An existing file is
/// tightened too: it is about to hold Tijdig's data.
pub(crate) fn create_private_file(path: impl AsRef<Path>) -> io::Result<File> {
    let path = path.as_ref();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path)?;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        Ok(file)
    }
    #[cfg(not(unix))]
    options.open(path)
}

/// Writes `bytes` to `path` as a private file.
pub(crate) fn write_private_file(
    path: impl AsRef<Path>,
    bytes: impl AsRef<[u8]>,
) -> io::Result<()> {
    use std::io::Write;
    let mut file = create_private_file(path)?;
    file.write_all(bytes.as_ref())?;
    file.sync_all()
}

/// Creates `dir` and its missing parents as private folders (existing ones keep their mode:
/// a folder the user chose is theirs).
pub(crate) fn create_private_dir_all(dir: impl AsRef<Path>) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir.as_ref())
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_files_and_folders_are_private_and_an_existing_file_is_tightened() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        create_private_dir_all(&nested).unwrap();
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&nested), 0o700);
        let file = nested.join("x.csv");
        write_private_file(&file, b"one").unwrap();
        assert_eq!(mode(&file), 0o600);
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private_file(&file, b"two").unwrap();
        assert_eq!(mode(&file), 0o600);
        assert_eq!(std::fs::read(&file).unwrap(), b"two");
    }
}
