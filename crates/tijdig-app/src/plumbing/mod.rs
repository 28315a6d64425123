//! Layer 1, plumbing: leaf helpers every other layer uses. They import nothing from the
//! layers above (only each other and the transfer types in `dto`).

pub(crate) mod error;
pub(crate) mod file_names;
pub(crate) mod format;
pub(crate) mod hashing;
pub(crate) mod mapping;
pub(crate) mod private_files;
pub(crate) mod text_screen;
