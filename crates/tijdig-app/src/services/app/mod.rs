//! The `App` handle every use-case is an `impl` of: one store behind a mutex (the shell calls
//! from several threads), the clock, the keychain; after every use-case an automatic backup
//! when enough changed (`auto_backup.rs`).

pub(crate) mod auto_backup;
pub(crate) mod document_shelf;
pub(crate) mod number_marks;

use crate::AppError;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use tijdig_documents::signing::SigningIdentity;
use tijdig_domain::Language;
use tijdig_store::Store;

use crate::services::keychain::KeyVault;
use crate::services::keychain::MemoryVault;
use crate::services::keychain::OsKeychain;

pub(crate) const UI_LANGUAGE: &str = "ui_language";

/// The setting that marks a database as the example business (never the user's own data).
pub(crate) const EXAMPLE_DATA: &str = "example_data";

/// Tijdig, opened on one data directory.
pub struct App {
    store: Mutex<Store>,
    data_dir: PathBuf,
    /// A fixed "today" (tests, `TIJDIG_TODAY`); `None` reads the system clock.
    today: Option<chrono::NaiveDate>,
    /// The store's changed-row count at the last backup (automatic backups, `backups.rs`).
    pub(crate) changes_at_backup: std::sync::atomic::AtomicU64,
    /// Where the signing key lives: the OS keychain, or memory for an in-memory Tijdig.
    pub(crate) vault: Box<dyn KeyVault>,
    /// The printers: the system's (CUPS), or memory for an in-memory Tijdig and tests.
    pub(crate) printing: Box<dyn crate::services::printing::PrintSystem>,
    /// The signing identity once read from the keychain, with its certificate's fingerprint.
    pub(crate) signer_cache: Mutex<Option<(String, std::sync::Arc<SigningIdentity>)>>,
    /// Extra trusted root certificates (PEM) for the mail server (a test's own server).
    pub(crate) mail_roots: Vec<Vec<u8>>,
    /// The number marks last written to the side file, and the store's changed-row count when
    /// they were last compared (`number_marks.rs`).
    pub(crate) known_marks: Mutex<Vec<tijdig_store::SeriesMark>>,
    pub(crate) marks_checked_at: std::sync::atomic::AtomicU64,
    /// A bank CSV waiting for the user to point out its columns (`use_cases/bank/csv_columns.rs`).
    pub(crate) pending_statement: Mutex<Option<PendingStatement>>,
    /// Invoice files read for "Facturen → Importeren", waiting for the user's go-ahead
    /// (`use_cases/invoice_import/`).
    pub(crate) pending_invoice_import: Mutex<Option<PendingFiles>>,
    /// A clients sheet shown, waiting for the user's go-ahead (`use_cases/client_import.rs`).
    pub(crate) pending_client_import: Mutex<Option<PendingFiles>>,
}

/// Files read and shown, not yet imported: identified by a token over their names and bytes.
pub(crate) struct PendingFiles {
    pub(crate) token: String,
    pub(crate) files: Vec<(String, Vec<u8>)>,
}

/// A lock on what a use-case keeps between two calls (a file waiting for the user's answer). A
/// panic elsewhere cannot leave it half written, so a poisoned lock is taken as it is.
pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match m.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// The file the bank screen's mapping step is about: one at a time, picking another file
/// replaces it; gone when the app closes.
pub(crate) struct PendingStatement {
    pub(crate) file_name: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) sha256: String,
}

impl App {
    /// Opens the database in `data_dir`; refuses (untouched) one from a newer version.
    pub fn open(data_dir: &Path) -> Result<App, AppError> {
        let mut store = Store::open_in_dir(data_dir)
            .map_err(|e| AppError::from_store(e, Language::default()))?;
        crate::services::claim::sync_shipped_rates(&mut store)
            .map_err(|e| AppError::from_store(e, Language::default()))?;
        let app = App {
            store: Mutex::new(store),
            data_dir: data_dir.to_path_buf(),
            today: None,
            changes_at_backup: std::sync::atomic::AtomicU64::new(0),
            vault: Box::new(OsKeychain),
            printing: crate::services::printing::system_printing(),
            signer_cache: Mutex::new(None),
            mail_roots: Vec::new(),
            known_marks: Mutex::new(Vec::new()),
            marks_checked_at: std::sync::atomic::AtomicU64::new(0),
            pending_statement: Mutex::new(None),
            pending_invoice_import: Mutex::new(None),
            pending_client_import: Mutex::new(None),
        };
        app.adopt_claim_ledger()?;
        // Whatever this database says, numbers continue after every one handed out on this
        // computer (`number_marks.rs`).
        app.adopt_number_marks();
        Ok(app)
    }

    /// A throwaway in-memory Tijdig, for tests.
    pub fn open_in_memory() -> Result<App, AppError> {
        let mut store =
            Store::open_in_memory().map_err(|e| AppError::from_store(e, Language::default()))?;
        crate::services::claim::sync_shipped_rates(&mut store)
            .map_err(|e| AppError::from_store(e, Language::default()))?;
        let app = App {
            store: Mutex::new(store),
            data_dir: PathBuf::new(),
            today: None,
            changes_at_backup: std::sync::atomic::AtomicU64::new(0),
            vault: Box::new(MemoryVault::default()),
            printing: Box::new(crate::services::printing::MemoryPrinters::default()),
            signer_cache: Mutex::new(None),
            mail_roots: Vec::new(),
            known_marks: Mutex::new(Vec::new()),
            marks_checked_at: std::sync::atomic::AtomicU64::new(0),
            pending_statement: Mutex::new(None),
            pending_invoice_import: Mutex::new(None),
            pending_client_import: Mutex::new(None),
        };
        app.adopt_claim_ledger()?;
        Ok(app)
    }

    /// Keeps the signing key in `vault` instead (tests: a vault that can play locked).
    pub fn with_vault(mut self, vault: Box<dyn KeyVault>) -> App {
        self.vault = vault;
        self.signer_cache = Mutex::new(None);
        self
    }

    /// Prints through `printing` instead (tests: printers in memory).
    pub fn with_printing(
        mut self,
        printing: Box<dyn crate::services::printing::PrintSystem>,
    ) -> App {
        self.printing = printing;
        self
    }

    /// Also trusts this root certificate (PEM) for the mail server's TLS: a test's own server.
    pub fn with_mail_root(mut self, pem: Vec<u8>) -> App {
        self.mail_roots.push(pem);
        self
    }

    /// Fixes the date Tijdig takes as today (tests and demonstrations).
    pub fn with_today(mut self, today: chrono::NaiveDate) -> App {
        self.today = Some(today);
        self
    }

    /// Today in the user's local time zone, or the fixed date.
    pub fn today(&self) -> chrono::NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The fixed date, if one was set.
    pub(crate) fn fixed_today(&self) -> Option<chrono::NaiveDate> {
        self.today
    }

    /// Now in UTC; with a fixed today, noon of that day (reproducible documents in tests).
    pub(crate) fn now(&self) -> chrono::NaiveDateTime {
        match self.today {
            Some(day) => day.and_time(chrono::NaiveTime::MIN) + chrono::Duration::hours(12),
            None => chrono::Utc::now().naive_utc(),
        }
    }

    /// Local date and time for the dossier; with a fixed today, noon of that day.
    pub(crate) fn local_now(&self) -> chrono::NaiveDateTime {
        match self.fixed_today() {
            Some(day) => day.and_time(chrono::NaiveTime::MIN) + chrono::Duration::hours(12),
            None => chrono::Local::now().naive_local(),
        }
    }

    /// Runs `work` on the store without what follows a use-case (number marks, automatic
    /// backup): for what `open` does before the first use-case.
    pub(crate) fn with_store_at_open<T>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut guard: MutexGuard<'_, Store> = match self.store.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        work(&mut guard)
    }

    /// Runs `work` on the store; store errors are worded in the user's language.
    pub(crate) fn with_store<T>(
        &self,
        work: impl FnOnce(&mut Store, Language) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut guard: MutexGuard<'_, Store> = match self.store.lock() {
            Ok(guard) => guard,
            // A panic elsewhere cannot leave half a write: every write is a transaction.
            Err(poisoned) => poisoned.into_inner(),
        };
        let store = &mut *guard;
        let lang = ui_language(store);
        let result = work(store, lang);
        self.keep_number_marks(store);
        self.backup_after_writes(store);
        result
    }

    /// The user's interface language, for an error worded outside a store call.
    pub(crate) fn lang(&self) -> Language {
        match self.store.lock() {
            Ok(guard) => ui_language(&guard),
            Err(poisoned) => ui_language(&poisoned.into_inner()),
        }
    }

    /// The folder this Tijdig keeps its database in.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}

pub(crate) fn ui_language(store: &Store) -> Language {
    store
        .setting(UI_LANGUAGE)
        .ok()
        .flatten()
        .and_then(|code| Language::from_code(&code))
        .unwrap_or_default()
}
