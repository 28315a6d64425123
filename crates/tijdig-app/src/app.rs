//! The use-cases, on one store behind a mutex (the shell calls them from several threads).

use crate::dto::{self, Saved};
use crate::{mapping, AppError, FieldMessage};
use base64::Engine;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use tijdig_documents::signing::SigningIdentity;
use tijdig_domain::validate::{self, ImageKind};
use tijdig_domain::{BusinessProfile, Client, FieldIssue, Language};
use tijdig_store::{Logo, Store, StoreError};

use crate::keychain::{KeyVault, MemoryVault, OsKeychain};

const UI_LANGUAGE: &str = "ui_language";

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
    /// The signing identity once read from the keychain, with its certificate's fingerprint.
    pub(crate) signer_cache: Mutex<Option<(String, std::sync::Arc<SigningIdentity>)>>,
    /// Extra trusted root certificates (PEM) for the mail server (a test's own server).
    pub(crate) mail_roots: Vec<Vec<u8>>,
}

impl App {
    /// Opens the database in `data_dir`; refuses (untouched) one from a newer version.
    pub fn open(data_dir: &Path) -> Result<App, AppError> {
        let mut store = Store::open_in_dir(data_dir)
            .map_err(|e| AppError::from_store(e, Language::default()))?;
        App::sync_rates(&mut store).map_err(|e| AppError::from_store(e, Language::default()))?;
        // Count writes from here: opening (and syncing the shipped rates) is not the user's work.
        let changes = store.total_changes();
        Ok(App {
            store: Mutex::new(store),
            data_dir: data_dir.to_path_buf(),
            today: None,
            changes_at_backup: std::sync::atomic::AtomicU64::new(changes),
            vault: Box::new(OsKeychain),
            signer_cache: Mutex::new(None),
            mail_roots: Vec::new(),
        })
    }

    /// A throwaway in-memory Tijdig, for tests.
    pub fn open_in_memory() -> Result<App, AppError> {
        let mut store =
            Store::open_in_memory().map_err(|e| AppError::from_store(e, Language::default()))?;
        App::sync_rates(&mut store).map_err(|e| AppError::from_store(e, Language::default()))?;
        Ok(App {
            store: Mutex::new(store),
            data_dir: PathBuf::new(),
            today: None,
            changes_at_backup: std::sync::atomic::AtomicU64::new(0),
            vault: Box::new(MemoryVault::default()),
            signer_cache: Mutex::new(None),
            mail_roots: Vec::new(),
        })
    }

    /// Keeps the signing key in `vault` instead (tests: a vault that can play locked).
    pub fn with_vault(mut self, vault: Box<dyn KeyVault>) -> App {
        self.vault = vault;
        self.signer_cache = Mutex::new(None);
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

    pub(crate) fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn state(&self) -> Result<dto::AppState, AppError> {
        self.with_store(|store, lang| {
            let onboarded = store
                .profile()
                .map_err(|e| AppError::from_store(e, lang))?
                .is_some();
            Ok(dto::AppState {
                onboarded,
                ui_language: lang.into(),
                data_dir: self.data_dir.display().to_string(),
                version: env!("CARGO_PKG_VERSION").to_string(),
                today: self.today().to_string(),
                reference_kind: crate::invoices::reference_kind(store).into(),
            })
        })
    }

    pub fn set_ui_language(&self, language: dto::Language) -> Result<dto::AppState, AppError> {
        self.with_store(|store, lang| {
            let code = Language::from(language).code();
            store
                .set_setting(UI_LANGUAGE, code)
                .map_err(|e| AppError::from_store(e, lang))
        })?;
        self.state()
    }

    /// The business profile, or `None` before the welcome was completed.
    pub fn profile(&self) -> Result<Option<dto::Profile>, AppError> {
        self.with_store(|store, lang| {
            read_profile(store).map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Checks and saves the business profile; nothing is written when a field is wrong.
    pub fn save_profile(&self, form: &dto::ProfileForm) -> Result<Saved<dto::Profile>, AppError> {
        self.with_store(|store, lang| {
            let checked = BusinessProfile::validate(&mapping::profile_input(form))
                .map_err(|issues| AppError::validation(&issues, lang))?;
            let stored = (|| {
                store.save_profile(&checked.value)?;
                read_profile(store)?.ok_or(StoreError::NotFound)
            })()
            .map_err(|e| AppError::from_store(e, lang))?;
            Ok(Saved {
                value: stored,
                warnings: messages(&checked.warnings, lang),
            })
        })
    }

    /// Sets the logo printed on documents (PNG or JPEG, at most 1 MB).
    pub fn set_logo(&self, upload: &dto::LogoUpload) -> Result<dto::Profile, AppError> {
        self.with_store(|store, lang| {
            let invalid = |issue| {
                AppError::validation(
                    &[FieldIssue {
                        field: "logo",
                        issue,
                    }],
                    lang,
                )
            };
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(upload.base64.trim())
                .map_err(|_| invalid(tijdig_domain::Issue::LogoFormat))?;
            let kind = validate::logo(&bytes).map_err(invalid)?;
            (|| {
                store.set_logo(Some(&Logo { kind, bytes }))?;
                read_profile(store)?.ok_or(StoreError::NotFound)
            })()
            .map_err(|e| AppError::from_store(e, lang))
        })
    }

    pub fn remove_logo(&self) -> Result<dto::Profile, AppError> {
        self.with_store(|store, lang| {
            (|| {
                store.set_logo(None)?;
                read_profile(store)?.ok_or(StoreError::NotFound)
            })()
            .map_err(|e| AppError::from_store(e, lang))
        })
    }

    pub fn clients(&self, query: &dto::ClientQuery) -> Result<Vec<dto::ClientSummary>, AppError> {
        self.with_store(|store, lang| {
            let records = store
                .list_clients(&mapping::client_filter(query))
                .map_err(|e| AppError::from_store(e, lang))?;
            Ok(records.iter().map(mapping::client_summary).collect())
        })
    }

    pub fn client(&self, id: i64) -> Result<dto::Client, AppError> {
        self.with_store(|store, lang| {
            store
                .client(id)
                .map(|r| mapping::client(&r))
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Checks and adds a client; nothing is written when a field is wrong.
    pub fn create_client(&self, form: &dto::ClientForm) -> Result<Saved<dto::Client>, AppError> {
        self.with_store(|store, lang| {
            let checked = Client::validate(&mapping::client_draft(form))
                .map_err(|issues| AppError::validation(&issues, lang))?;
            let record = store
                .create_client(&checked.value)
                .and_then(|id| store.client(id))
                .map_err(|e| AppError::from_store(e, lang))?;
            Ok(Saved {
                value: mapping::client(&record),
                warnings: messages(&checked.warnings, lang),
            })
        })
    }

    /// Checks and changes a client; nothing is written when a field is wrong.
    pub fn update_client(
        &self,
        id: i64,
        form: &dto::ClientForm,
    ) -> Result<Saved<dto::Client>, AppError> {
        self.with_store(|store, lang| {
            let checked = Client::validate(&mapping::client_draft(form))
                .map_err(|issues| AppError::validation(&issues, lang))?;
            let record = store
                .update_client(id, &checked.value)
                .and_then(|()| store.client(id))
                .map_err(|e| AppError::from_store(e, lang))?;
            Ok(Saved {
                value: mapping::client(&record),
                warnings: messages(&checked.warnings, lang),
            })
        })
    }

    /// Archives or restores a client (clients are never deleted).
    pub fn set_client_archived(&self, id: i64, archived: bool) -> Result<dto::Client, AppError> {
        self.with_store(|store, lang| {
            store
                .set_client_archived(id, archived)
                .and_then(|()| store.client(id))
                .map(|r| mapping::client(&r))
                .map_err(|e| AppError::from_store(e, lang))
        })
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

pub(crate) fn read_profile(store: &Store) -> Result<Option<dto::Profile>, StoreError> {
    let Some(profile) = store.profile()? else {
        return Ok(None);
    };
    let logo_data_url = store.logo()?.map(|logo| data_url(logo.kind, &logo.bytes));
    Ok(Some(dto::Profile {
        form: mapping::profile_form(&profile),
        logo_data_url,
    }))
}

fn data_url(kind: ImageKind, bytes: &[u8]) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!("data:{};base64,{encoded}", kind.mime())
}

pub(crate) fn messages(issues: &[FieldIssue], lang: Language) -> Vec<FieldMessage> {
    issues
        .iter()
        .map(|i| FieldMessage::from_issue(i, lang))
        .collect()
}
