//! The error every use-case returns; it crosses the IPC boundary as `{code, message, fields}`.

use serde::Serialize;
use tijdig_domain::{FieldIssue, Issue, Language};

use crate::plumbing::format::say;
use tijdig_store::StoreError;
use ts_rs::TS;

/// What kind of failure, for the UI to decide how to show it (never shown as text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// One or more fields are wrong; `fields` says which. Nothing was saved.
    Validation,
    NotFound,
    /// The database was written by a newer Tijdig; it was not touched.
    DatabaseTooNew,
    /// The file in the data folder is not a Tijdig database.
    NotATijdigDatabase,
    /// The data folder or the database could not be read or written.
    Storage,
    /// The action was already done (a ladder step, an open dispute) or what it would change is
    /// in use; nothing was changed.
    Conflict,
    /// Anything unexpected, e.g. the IPC call itself failed (produced by the UI's api module).
    Internal,
    /// The OS keychain holding the signing key is locked, absent or lacks the key; nothing was
    /// produced. The user may retry or choose to produce the document unsigned.
    KeychainUnavailable,
    /// A message to a debtor outside the contact hours (20:00–07:00, Sundays, feestdagen): the
    /// user confirms sending now, or schedules it for the next allowed moment. Nothing was sent.
    OutsideContactHours,
}

/// A problem at one form field, worded for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldMessage {
    pub field: String,
    /// Stable machine code (e.g. `iban_checksum`), for tests.
    pub code: String,
    pub message: String,
}

impl FieldMessage {
    pub(crate) fn from_issue(issue: &FieldIssue, lang: Language) -> FieldMessage {
        FieldMessage {
            field: issue.field.to_string(),
            code: issue.issue.code().to_string(),
            message: issue.issue.message(lang),
        }
    }
}

/// A failed use-case: what went wrong, in words the user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldMessage>,
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl std::error::Error for AppError {}

impl AppError {
    pub(crate) fn validation(issues: &[FieldIssue], lang: Language) -> AppError {
        AppError {
            code: ErrorCode::Validation,
            message: match lang {
                Language::Nl => "Niet opgeslagen: verbeter de gemarkeerde velden.",
                Language::En => "Not saved: correct the marked fields.",
            }
            .into(),
            fields: issues
                .iter()
                .map(|i| FieldMessage::from_issue(i, lang))
                .collect(),
        }
    }

    pub(crate) fn from_store(err: StoreError, lang: Language) -> AppError {
        let nl = lang == Language::Nl;
        let (code, message) = match &err {
            StoreError::TooNew { .. } => (
                ErrorCode::DatabaseTooNew,
                if nl {
                    "Je gegevens zijn opgeslagen met een nieuwere versie van Tijdig. Installeer die versie weer; deze versie laat je gegevens onaangeroerd."
                } else {
                    "Your data was saved by a newer version of Tijdig. Install that version again; this version leaves your data untouched."
                },
            ),
            StoreError::NotTijdig => (
                ErrorCode::NotATijdigDatabase,
                if nl {
                    "Het bestand in de gegevensmap is geen Tijdig-database. Tijdig heeft het niet veranderd."
                } else {
                    "The file in the data folder is not a Tijdig database. Tijdig has not changed it."
                },
            ),
            StoreError::Immutable => (
                ErrorCode::Validation,
                if nl {
                    "Deze factuur is uitgereikt en verandert niet meer. Herstel een fout met een creditfactuur."
                } else {
                    "This invoice has been issued and no longer changes. Correct a mistake with a credit note."
                },
            ),
            StoreError::AlreadyDone => (
                ErrorCode::Conflict,
                if nl {
                    "Dit is al gedaan en vastgelegd in het dossier. Er is niets dubbel gedaan."
                } else {
                    "This was already done and recorded in the dossier. Nothing was done twice."
                },
            ),
            StoreError::InUse => (
                ErrorCode::Conflict,
                if nl {
                    "Deze rente staat al in een verstuurde brief en blijft daarom in de tabel."
                } else {
                    "This rate is used in a letter already sent, so it stays in the table."
                },
            ),
            StoreError::NotFound => (
                ErrorCode::NotFound,
                if nl {
                    "Dit bestaat niet (meer)."
                } else {
                    "This no longer exists."
                },
            ),
            StoreError::Corrupt(_) | StoreError::Io(_) | StoreError::Sqlite(_) => (
                ErrorCode::Storage,
                if nl {
                    "Je gegevens konden niet worden gelezen of opgeslagen. Er is niets veranderd; probeer het opnieuw."
                } else {
                    "Your data could not be read or saved. Nothing was changed; please try again."
                },
            ),
        };
        if code == ErrorCode::Storage {
            // The technical cause goes to the log, not to the user.
            eprintln!("tijdig: storage error: {err}");
        }
        AppError {
            code,
            message: message.to_string(),
            fields: Vec::new(),
        }
    }
}

/// The field messages of these domain issues, in the user's language (warnings of a save).
pub(crate) fn messages(issues: &[FieldIssue], lang: Language) -> Vec<FieldMessage> {
    issues
        .iter()
        .map(|i| FieldMessage::from_issue(i, lang))
        .collect()
}

/// A problem at a field of a form (`lines.2.quantity` for a line's cell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormIssue {
    pub field: String,
    pub issue: Issue,
}

impl FormIssue {
    pub(crate) fn message(&self, lang: Language) -> FieldMessage {
        FieldMessage {
            field: self.field.clone(),
            code: self.issue.code().to_string(),
            message: self.issue.message(lang),
        }
    }
}

/// A use-case failure before it is worded: a store error or an already worded app error.
pub(crate) enum Failure {
    Store(StoreError),
    App(AppError),
}

impl From<StoreError> for Failure {
    fn from(err: StoreError) -> Failure {
        Failure::Store(err)
    }
}

impl Failure {
    pub(crate) fn word(self, lang: Language) -> AppError {
        match self {
            Failure::Store(err) => AppError::from_store(err, lang),
            Failure::App(err) => err,
        }
    }
}

/// A validation error with these messages at their fields; nothing was saved.
pub(crate) fn invalid_fields(lang: Language, fields: Vec<FieldMessage>) -> Failure {
    let mut err = AppError::validation(&[], lang);
    err.fields = fields;
    Failure::App(err)
}

/// A refusal in the user's language, not tied to a field.
pub(crate) fn refusal(lang: Language, nl: &str, en: &str) -> Failure {
    refused(say(lang, nl, en), Vec::new())
}

/// A refusal with this message (and these field messages); nothing was changed.
pub(crate) fn refused(message: String, fields: Vec<FieldMessage>) -> Failure {
    Failure::App(AppError {
        code: ErrorCode::Validation,
        message,
        fields,
    })
}

/// A refusal at one field: the message both above the form and at `field`; nothing was changed.
pub(crate) fn refused_at(field: &str, code: &str, message: String) -> Failure {
    refused(
        message.clone(),
        vec![FieldMessage {
            field: field.into(),
            code: code.into(),
            message,
        }],
    )
}

/// A figure that cannot be computed because the rentetabel lacks a rate: nothing is made, and
/// the user is told which rate to add (never read as "not in default").
pub(crate) fn incomplete_rates(issue: &Issue, lang: Language) -> Failure {
    let message = match lang {
        Language::Nl => format!(
            "Rentetabel onvolledig: {} Er is niets gemaakt.",
            issue.message(lang)
        ),
        Language::En => format!(
            "Rate table incomplete: {} Nothing was made.",
            issue.message(lang)
        ),
    };
    refused(message, Vec::new())
}
