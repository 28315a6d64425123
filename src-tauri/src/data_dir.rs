//! Where the database lives: `--data-dir <path>` or `TIJDIG_DATA_DIR` (tests, portable use),
//! otherwise the OS app-data dir from Tauri's path API (portable across Linux/macOS/Windows).

use std::path::PathBuf;
use tauri::Manager;
use tijdig_app::{AppError, ErrorCode};

pub fn resolve(app: &tauri::AppHandle) -> Result<PathBuf, AppError> {
    if let Some(dir) = from_args(std::env::args()) {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os("TIJDIG_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    app.path().app_data_dir().map_err(|err| AppError {
        code: ErrorCode::Storage,
        message: format!("Tijdig kan de map voor je gegevens niet vinden ({err})."),
        fields: Vec::new(),
    })
}

/// Test hook `TIJDIG_SMTP_EXTRA_ROOT` (a PEM file) is trusted for the mail server's TLS
/// besides the public roots: the end-to-end tests' own SMTP server.
pub fn apply_mail_root(app: tijdig_app::App) -> tijdig_app::App {
    match crate::test_hooks::var("TIJDIG_SMTP_EXTRA_ROOT").and_then(|p| std::fs::read(p).ok()) {
        Some(pem) => app.with_mail_root(pem),
        None => app,
    }
}

/// Test hook `--today YYYY-MM-DD` or `TIJDIG_TODAY=YYYY-MM-DD` fixes the date Tijdig takes as
/// today: the end-to-end tests' clock (due dates, overdue invoices, the follow-up ladder).
/// Ignored when it is not a date.
pub fn apply_fixed_today(app: tijdig_app::App) -> tijdig_app::App {
    match crate::test_hooks::arg("--today")
        .or_else(|| crate::test_hooks::var("TIJDIG_TODAY").and_then(|d| d.into_string().ok()))
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
    {
        Some(today) => app.with_today(today),
        None => app,
    }
}

fn from_args(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if let Some(value) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(value));
        }
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> impl Iterator<Item = String> {
        list.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn the_data_dir_argument_is_read_in_both_forms() {
        assert_eq!(
            from_args(args(&["tijdig", "--data-dir", "/tmp/a"])),
            Some("/tmp/a".into())
        );
        assert_eq!(
            from_args(args(&["tijdig", "--data-dir=/tmp/b"])),
            Some("/tmp/b".into())
        );
        assert_eq!(from_args(args(&["tijdig", "--data-dir"])), None);
        assert_eq!(from_args(args(&["tijdig"])), None);
    }
}
