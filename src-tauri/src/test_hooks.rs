//! The end-to-end tests' hooks: a fixed "today" (`--today` / `TIJDIG_TODAY`), an extra trusted
//! TLS root for the test mail server (`TIJDIG_SMTP_EXTRA_ROOT`), answers for the file dialogs
//! (`TIJDIG_PICK_*`) and no system viewer (`TIJDIG_OPENER=none`).
//!
//! They exist only in a build with the `test-hooks` feature (`npm test` builds the debug app
//! with it); the app users install is built without it and ignores every one of them, so no
//! environment variable can move its legal clock, trust another mail server or bypass a dialog.

use std::ffi::OsString;

/// Whether this build obeys the test hooks.
pub const ENABLED: bool = cfg!(feature = "test-hooks");

/// The value of test hook `name`, or `None` in a build without hooks.
pub fn var(name: &str) -> Option<OsString> {
    if ENABLED {
        std::env::var_os(name)
    } else {
        None
    }
}

/// The argument after `flag` on the command line (`--today 2026-11-30`), only with hooks.
pub fn arg(flag: &str) -> Option<String> {
    if !ENABLED {
        return None;
    }
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1).cloned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cargo test` builds the shell without the feature, as the released app is built.
    #[cfg(not(feature = "test-hooks"))]
    #[test]
    fn a_build_without_the_feature_ignores_every_hook() {
        for name in [
            "TIJDIG_TODAY",
            "TIJDIG_SMTP_EXTRA_ROOT",
            "TIJDIG_PICK_FILE",
            "TIJDIG_PICK_FOLDER",
            "TIJDIG_OPENER",
        ] {
            std::env::set_var(name, "/tmp/anything");
            assert_eq!(var(name), None, "{name}");
        }
        assert_eq!(arg("--today"), None);
    }
}
