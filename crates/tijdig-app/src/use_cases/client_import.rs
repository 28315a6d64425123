//! Clients from a spreadsheet (issue "Bring your bank and your books"): a CSV with Tijdig's
//! template or another program's contact export. Every row is checked with the rules of the
//! client form and shown with each problem at its row and field; a row whose client Tijdig
//! already has (same KvK-nummer, same btw-id, or same name and postcode — in Tijdig or higher
//! in the file) is skipped and listed. Only the valid rows are added, in one transaction; the
//! preview writes nothing.

use std::path::Path;

use tijdig_domain::bank::decode;
use tijdig_domain::bank::text::name_key;
use tijdig_domain::client_sheet::read_clients;
use tijdig_domain::{Client, Language};
use tijdig_store::{ClientFilter, Store, StoreError};

use crate::plumbing::format::{agree, counted};
use crate::plumbing::hashing::sha256_hex;
use crate::services::app::{lock, PendingFiles};
use crate::{dto, App, AppError, ErrorCode, FieldMessage};

/// A clients sheet larger than this is no list of clients (50,000 rows are about 10 MB).
const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// What a row will be.
enum Planned {
    Valid(Box<Client>),
    /// The name as the row gives it, and what is wrong.
    Invalid(String, Vec<FieldMessage>),
    Duplicate(String),
}

impl App {
    /// Reads a clients sheet from disk and shows what importing it would do.
    pub fn preview_client_import_file(
        &self,
        path: &Path,
    ) -> Result<dto::ClientImportPreview, AppError> {
        let lang = self.lang();
        let unreadable = |e: String| AppError {
            code: ErrorCode::Validation,
            message: match lang {
                Language::Nl => format!("Het bestand kon niet gelezen worden ({e})."),
                Language::En => format!("The file could not be read ({e})."),
            },
            fields: Vec::new(),
        };
        let size = std::fs::metadata(path)
            .map_err(|e| unreadable(e.to_string()))?
            .len();
        if size > MAX_FILE_BYTES {
            return Err(unreadable(match lang {
                Language::Nl => "meer dan 32 MB".into(),
                Language::En => "over 32 MB".into(),
            }));
        }
        let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.preview_client_import(&name, bytes)
    }

    /// Shows, row by row, what importing this sheet would do; keeps it for
    /// [`App::confirm_client_import`]. Writes nothing.
    pub fn preview_client_import(
        &self,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> Result<dto::ClientImportPreview, AppError> {
        let planned = self.with_store(|store, lang| plan(store, &bytes, lang))?;
        let lang = self.lang();
        let token = sha256_hex(&[file_name.as_bytes(), &[0], &bytes].concat());
        let preview = preview_dto(&token, &planned, lang);
        *lock(&self.pending_client_import) = Some(PendingFiles {
            token,
            files: vec![(file_name.to_string(), bytes)],
        });
        Ok(preview)
    }

    /// Adds the valid rows of the sheet the preview with this token showed, in one
    /// transaction.
    pub fn confirm_client_import(&self, token: &str) -> Result<dto::ClientImportResult, AppError> {
        let lang = self.lang();
        let bytes = match lock(&self.pending_client_import).as_ref() {
            Some(p) if p.token == token => {
                p.files.first().map(|(_, b)| b.clone()).unwrap_or_default()
            }
            _ => {
                return Err(AppError {
                    code: ErrorCode::Conflict,
                    message: match lang {
                        Language::Nl => {
                            "Dit bestand wacht niet meer op inlezen. Kies het opnieuw.".into()
                        }
                        Language::En => {
                            "This file is no longer waiting to be imported. Choose it again.".into()
                        }
                    },
                    fields: Vec::new(),
                })
            }
        };
        let result = self.with_store(|store, lang| {
            let planned = plan(store, &bytes, lang)?;
            let clients: Vec<Client> = planned
                .iter()
                .filter_map(|(_, p)| match p {
                    Planned::Valid(c) => Some(c.as_ref().clone()),
                    _ => None,
                })
                .collect();
            if clients.is_empty() {
                return Err(AppError {
                    code: ErrorCode::Validation,
                    message: match lang {
                        Language::Nl => "Er is geen geldige nieuwe klant om toe te voegen.".into(),
                        Language::En => "There is no valid new client to add.".into(),
                    },
                    fields: Vec::new(),
                });
            }
            let ids = store
                .create_clients(&clients)
                .map_err(|e| AppError::from_store(e, lang))?;
            let created = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            let skipped = u32::try_from(planned.len() - ids.len()).unwrap_or(u32::MAX);
            Ok(dto::ClientImportResult {
                created,
                skipped,
                summary: match lang {
                    Language::Nl => {
                        format!(
                            "{} toegevoegd; {} overgeslagen.",
                            counted(created, "klant", "klanten"),
                            counted(skipped, "regel", "regels")
                        )
                    }
                    Language::En => format!(
                        "{} added; {} skipped.",
                        counted(created, "client", "clients"),
                        counted(skipped, "row", "rows")
                    ),
                },
            })
        })?;
        *lock(&self.pending_client_import) = None;
        Ok(result)
    }
}

/// What makes two clients the same: their KvK-nummer, their btw-id, or name and postcode.
fn identities(c: &Client) -> Vec<String> {
    let compact = |s: &str| {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_uppercase()
    };
    let mut keys = Vec::new();
    if let Some(kvk) = &c.kvk {
        keys.push(format!("kvk:{}", compact(kvk)));
    }
    if let Some(btw) = &c.btw_id {
        keys.push(format!("btw:{}", compact(btw)));
    }
    keys.push(format!(
        "name:{}|{}",
        name_key(&c.name),
        c.address
            .postcode
            .as_deref()
            .map(compact)
            .unwrap_or_default()
    ));
    keys
}

/// Each row with what it will be, in file order.
fn plan(store: &Store, bytes: &[u8], lang: Language) -> Result<Vec<(u32, Planned)>, AppError> {
    let text = decode(bytes);
    let rows = read_clients(&text).map_err(|e| AppError {
        code: ErrorCode::Validation,
        message: e.message(lang),
        fields: Vec::new(),
    })?;
    let known = store
        .list_clients(&ClientFilter {
            include_archived: true,
            ..ClientFilter::default()
        })
        .map_err(|e: StoreError| AppError::from_store(e, lang))?;
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for k in &known {
        for id in identities(&k.client) {
            seen.entry(id).or_insert_with(|| k.client.name.clone());
        }
    }
    let mut planned = Vec::with_capacity(rows.len());
    for row in rows {
        let outcome = match crate::services::printable::validate_client(&row.draft) {
            Err(issues) => Planned::Invalid(
                row.draft.name.clone(),
                issues
                    .iter()
                    .map(|i| FieldMessage::from_issue(i, lang))
                    .collect(),
            ),
            Ok(valid) => {
                let client = valid.value;
                let ids = identities(&client);
                match ids.iter().find_map(|id| seen.get(id)) {
                    Some(existing) => Planned::Duplicate(existing.clone()),
                    None => {
                        for id in ids {
                            seen.insert(id, client.name.clone());
                        }
                        Planned::Valid(Box::new(client))
                    }
                }
            }
        };
        planned.push((row.line, outcome));
    }
    Ok(planned)
}

fn preview_dto(
    token: &str,
    planned: &[(u32, Planned)],
    lang: Language,
) -> dto::ClientImportPreview {
    let nl = lang == Language::Nl;
    let rows: Vec<dto::ClientImportRow> = planned
        .iter()
        .map(|(line, p)| match p {
            Planned::Valid(c) => dto::ClientImportRow {
                line: *line,
                name: c.name.clone(),
                problems: Vec::new(),
                duplicate_of: None,
            },
            Planned::Invalid(name, problems) => dto::ClientImportRow {
                line: *line,
                name: name.clone(),
                problems: problems.clone(),
                duplicate_of: None,
            },
            Planned::Duplicate(of) => dto::ClientImportRow {
                line: *line,
                name: of.clone(),
                problems: Vec::new(),
                duplicate_of: Some(of.clone()),
            },
        })
        .collect();
    let valid = u32::try_from(
        planned
            .iter()
            .filter(|(_, p)| matches!(p, Planned::Valid(_)))
            .count(),
    )
    .unwrap_or(u32::MAX);
    let invalid = u32::try_from(
        planned
            .iter()
            .filter(|(_, p)| matches!(p, Planned::Invalid(..)))
            .count(),
    )
    .unwrap_or(u32::MAX);
    let duplicates = u32::try_from(
        planned
            .iter()
            .filter(|(_, p)| matches!(p, Planned::Duplicate(_)))
            .count(),
    )
    .unwrap_or(u32::MAX);
    dto::ClientImportPreview {
        token: token.to_string(),
        rows,
        valid,
        invalid,
        duplicates,
        summary: if nl {
            format!(
                "{} {} worden toegevoegd; {} met fouten en {duplicates} dubbele worden overgeslagen.",
                counted(valid, "klant", "klanten"),
                agree(valid, "kan", "kunnen"),
                counted(invalid, "regel", "regels"),
            )
        } else {
            format!(
                "{} can be added; {} with errors and {} are skipped.",
                counted(valid, "client", "clients"),
                counted(invalid, "row", "rows"),
                counted(duplicates, "duplicate", "duplicates"),
            )
        },
    }
}
