//! The business profile (bedrijfsgegevens) with its logo, the interface language, and what the
//! shell asks at start (is there a profile yet, which data folder, which day is today).

use base64::Engine;
use tijdig_domain::validate::{self, ImageKind};
use tijdig_domain::{BusinessProfile, FieldIssue, Language};
use tijdig_store::{Logo, Store, StoreError};

use crate::dto::{self, Saved};
use crate::plumbing::error::messages;
use crate::plumbing::mapping;
use crate::services::app::UI_LANGUAGE;
use crate::services::invoice_settings::reference_kind;
use crate::{App, AppError};

impl App {
    pub fn state(&self) -> Result<dto::AppState, AppError> {
        self.with_store(|store, lang| {
            let onboarded = store
                .profile()
                .map_err(|e| AppError::from_store(e, lang))?
                .is_some();
            Ok(dto::AppState {
                onboarded,
                ui_language: lang.into(),
                data_dir: self.data_dir().display().to_string(),
                version: env!("CARGO_PKG_VERSION").to_string(),
                today: self.today().to_string(),
                reference_kind: reference_kind(store).into(),
                example: store
                    .setting(crate::services::app::EXAMPLE_DATA)
                    .map_err(|e| AppError::from_store(e, lang))?
                    .is_some(),
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
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        // Every field is on every letterhead and footer.
        crate::services::printable::screen_printable(form, &[], self.lang())?;
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
