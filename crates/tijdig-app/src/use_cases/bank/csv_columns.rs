//! Reading a statement file before it is imported, and the column-mapping step for a bank CSV
//! Tijdig does not know (issue "Bring your bank and your books"): the user points out which
//! column is the date, the amount, the debit/credit mark, the account, the counterparty and the
//! description, seeing the first rows; the mapping is remembered per layout and account
//! (migration 0019), so the next download of that bank reads without asking.

use std::path::Path;

use tijdig_domain::bank::csv::{self, ColumnMap, CsvTable, Direction};
use tijdig_domain::bank::{decode, read_statement, ParsedStatement, StatementError};
use tijdig_domain::{validate, Language};
use tijdig_store::{CsvLayout, Store};

use crate::plumbing::hashing::sha256_hex;
use crate::services::app::{lock, PendingStatement};
use crate::{dto, App, AppError, ErrorCode, FieldMessage};

/// Files larger than this are no bank statement a freelancer exports (10,000 entries of CAMT
/// are about 15 MB).
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Rows shown in the mapping step.
const PREVIEW_ROWS: usize = 5;

/// A cell in the preview is cut after this many characters.
const PREVIEW_CELL_CHARS: usize = 80;

/// What reading a file gave.
pub(super) enum Reading {
    Statement(ParsedStatement),
    /// A table of a bank Tijdig does not know (or whose remembered mapping no longer reads).
    Columns {
        table: Box<CsvTable>,
        proposal: ColumnMap,
        account: Option<String>,
        problem: Option<String>,
    },
}

/// The refusal when a CSV's layout is unknown and the caller cannot ask for columns.
pub(super) fn unknown_layout(lang: Language) -> String {
    match lang {
        Language::Nl => "Tijdig kent de indeling van dit CSV-bestand niet. Lees het in via Bank → Afschrift inlezen en wijs daar de kolommen aan.".into(),
        Language::En => "Tijdig does not know the layout of this CSV file. Import it through Bank → Import statement and point out its columns there.".into(),
    }
}

impl App {
    /// "Afschrift inlezen" with a file from disk: imports it, or asks for the columns of a CSV
    /// of a bank Tijdig does not know.
    pub fn import_bank_file(&self, path: &Path) -> Result<dto::BankImportOutcome, AppError> {
        let lang = self.lang();
        let too_big = std::fs::metadata(path)
            .map(|m| m.len() > MAX_FILE_BYTES)
            .unwrap_or(false);
        let bytes = if too_big {
            Err(None)
        } else {
            std::fs::read(path).map_err(Some)
        };
        let bytes = bytes.map_err(|e| AppError {
            code: ErrorCode::Validation,
            message: match (lang, e) {
                (Language::Nl, None) => {
                    "Dit bestand is te groot voor een bankafschrift (meer dan 64 MB).".into()
                }
                (Language::En, None) => {
                    "This file is too large for a bank statement (over 64 MB).".into()
                }
                (Language::Nl, Some(e)) => format!("Het bestand kon niet gelezen worden ({e})."),
                (Language::En, Some(e)) => format!("The file could not be read ({e})."),
            },
            fields: Vec::new(),
        })?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.import_bank_statement_or_ask(&name, &bytes)
    }

    /// Imports a statement, or — for a CSV whose layout Tijdig does not know and has no
    /// remembered mapping for — keeps the file and returns what the mapping step shows.
    pub fn import_bank_statement_or_ask(
        &self,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<dto::BankImportOutcome, AppError> {
        match self.read_bank_statement(bytes)? {
            Reading::Statement(statement) => Ok(dto::BankImportOutcome {
                imported: Some(self.import_read(file_name, bytes, &statement)?),
                columns: None,
            }),
            Reading::Columns {
                table,
                proposal,
                account,
                problem,
            } => {
                let sha256 = sha256_hex(bytes);
                let account = match account {
                    Some(a) => a,
                    None => self.with_store(|store, lang| {
                        let profile = store.profile().map_err(|e| AppError::from_store(e, lang))?;
                        Ok(profile.and_then(|p| p.iban).unwrap_or_default())
                    })?,
                };
                let prompt = prompt(file_name, &sha256, &table, &proposal, account, problem);
                *self.pending_statement() = Some(PendingStatement {
                    file_name: file_name.to_string(),
                    bytes: bytes.to_vec(),
                    sha256,
                });
                Ok(dto::BankImportOutcome {
                    imported: None,
                    columns: Some(prompt),
                })
            }
        }
    }

    /// The user's answer to the mapping step: reads the waiting file with these columns,
    /// remembers them for this layout and account, and imports it. A wrong answer (a missing
    /// or doubly used column, a date column without dates) is refused at its field and
    /// nothing is remembered or imported.
    pub fn import_bank_csv(
        &self,
        form: &dto::CsvColumnsForm,
    ) -> Result<dto::BankImportResult, AppError> {
        let lang = self.lang();
        let pending = {
            let guard = self.pending_statement();
            match guard.as_ref() {
                Some(p) if p.sha256 == form.file_sha256 => {
                    (p.file_name.clone(), p.bytes.clone())
                }
                _ => {
                    return Err(AppError {
                        code: ErrorCode::Conflict,
                        message: match lang {
                            Language::Nl => "Dit bestand wacht niet meer op zijn kolommen. Kies het opnieuw met Afschrift inlezen.".into(),
                            Language::En => "This file is no longer waiting for its columns. Choose it again with Import statement.".into(),
                        },
                        fields: Vec::new(),
                    })
                }
            }
        };
        let (file_name, bytes) = pending;
        let table = csv::table(&decode(&bytes)).ok_or_else(|| AppError {
            code: ErrorCode::Validation,
            message: StatementError::UnknownFormat.message(lang),
            fields: Vec::new(),
        })?;
        let width = table.width;
        let (map, account) = column_map(&form.columns, &form.account, width, lang)?;
        let statement =
            csv::read_mapped(&table, &map, account.as_deref()).map_err(|e| AppError {
                code: ErrorCode::Validation,
                message: e.message(lang),
                fields: Vec::new(),
            })?;
        let layout = CsvLayout {
            account: account.clone().unwrap_or_default(),
            columns: serde_json::to_string(&form.columns).map_err(|e| AppError {
                code: ErrorCode::Internal,
                message: e.to_string(),
                fields: Vec::new(),
            })?,
            saved_at: self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string(),
        };
        self.with_store(|store, lang| {
            store
                .save_csv_layout(&table.signature(), &layout)
                .map_err(|e| AppError::from_store(e, lang))
        })?;
        let result = self.import_read(&file_name, &bytes, &statement)?;
        *self.pending_statement() = None;
        Ok(result)
    }

    /// Reads a file of any format; a CSV Tijdig does not know is read with the mapping
    /// remembered for its layout, or comes back for the user's columns.
    pub(super) fn read_bank_statement(&self, bytes: &[u8]) -> Result<Reading, AppError> {
        let lang = self.lang();
        let refused = |e: StatementError| AppError {
            code: ErrorCode::Validation,
            message: e.message(lang),
            fields: Vec::new(),
        };
        match read_statement(bytes) {
            Ok(statement) => return Ok(Reading::Statement(statement)),
            Err(StatementError::UnknownFormat) => {}
            Err(other) => return Err(refused(other)),
        }
        let Some(table) = csv::table(&decode(bytes)) else {
            return Err(refused(StatementError::UnknownFormat));
        };
        let layouts = self.with_store(|store, lang| {
            remembered(store, &table).map_err(|e| AppError::from_store(e, lang))
        })?;
        // A remembered mapping applies by itself when the file names its account in a column,
        // or when this layout was mapped for one account only.
        let usable = layouts
            .iter()
            .find(|(_, account)| account.is_none())
            .or_else(|| (layouts.len() == 1).then(|| &layouts[0]));
        if let Some((map, account)) = usable {
            match csv::read_mapped(&table, map, account.as_deref()) {
                Ok(statement) => return Ok(Reading::Statement(statement)),
                Err(e) => {
                    let (proposal, account) = (map.clone(), account.clone());
                    return Ok(Reading::Columns {
                        table: Box::new(table),
                        proposal,
                        account,
                        problem: Some(e.message(lang)),
                    });
                }
            }
        }
        let (proposal, account) = match layouts.into_iter().next() {
            Some((map, account)) => (map, account),
            None => (csv::propose(&table), None),
        };
        Ok(Reading::Columns {
            table: Box::new(table),
            proposal,
            account,
            problem: None,
        })
    }

    fn pending_statement(&self) -> std::sync::MutexGuard<'_, Option<PendingStatement>> {
        lock(&self.pending_statement)
    }
}

/// The mappings remembered for the table's layout that fit its width, most recent first, each
/// with its account (`None`: a column names it).
fn remembered(
    store: &Store,
    table: &CsvTable,
) -> Result<Vec<(ColumnMap, Option<String>)>, tijdig_store::StoreError> {
    Ok(store
        .csv_layouts(&table.signature())?
        .into_iter()
        .filter_map(|l| {
            let columns: dto::CsvColumns = serde_json::from_str(&l.columns).ok()?;
            let account = (!l.account.is_empty()).then_some(l.account);
            let (map, _) = column_map(
                &columns,
                account.as_deref().unwrap_or(""),
                table.width,
                Language::Nl,
            )
            .ok()?;
            Some((map, account))
        })
        .collect())
}

/// The mapping step's view of a table.
fn prompt(
    file_name: &str,
    sha256: &str,
    table: &CsvTable,
    proposal: &ColumnMap,
    account: String,
    problem: Option<String>,
) -> dto::CsvColumnsPrompt {
    let to_u32 = |c: usize| u32::try_from(c).unwrap_or(u32::MAX);
    let cut = |c: &String| -> String { c.chars().take(PREVIEW_CELL_CHARS).collect() };
    dto::CsvColumnsPrompt {
        file_name: file_name.to_string(),
        file_sha256: sha256.to_string(),
        names: table.column_names().iter().map(cut).collect(),
        has_header: table.header.is_some(),
        rows: table
            .rows
            .iter()
            .take(PREVIEW_ROWS)
            .map(|r| r.cells.iter().map(cut).collect())
            .collect(),
        total_rows: u32::try_from(table.rows.len()).unwrap_or(u32::MAX),
        proposal: dto::CsvColumns {
            date: Some(to_u32(proposal.date)),
            amount: Some(to_u32(proposal.amount)),
            direction: match proposal.direction {
                Direction::Signed => None,
                Direction::Column(c) => Some(to_u32(c)),
            },
            account: proposal.account.map(to_u32),
            counterparty_iban: proposal.counterparty_iban.map(to_u32),
            counterparty_name: proposal.counterparty_name.map(to_u32),
            description: proposal.description.iter().map(|&c| to_u32(c)).collect(),
            reference: proposal.structured_reference.map(to_u32),
        },
        account,
        problem,
    }
}

/// Checks the user's columns against a table `width` wide: date and amount given, every
/// column in the table and used for one thing only (descriptions aside), and an account —
/// a column, or a valid IBAN. Returns the map and the account when no column names it.
fn column_map(
    columns: &dto::CsvColumns,
    account: &str,
    width: usize,
    lang: Language,
) -> Result<(ColumnMap, Option<String>), AppError> {
    let mut fields: Vec<FieldMessage> = Vec::new();
    let mut complain = |field: &str, code: &str, nl: String, en: String| {
        fields.push(FieldMessage {
            field: field.into(),
            code: code.into(),
            message: match lang {
                Language::Nl => nl,
                Language::En => en,
            },
        });
    };
    let roles: [(&str, Option<u32>, &str, &str); 7] = [
        ("date", columns.date, "de datum", "the date"),
        ("amount", columns.amount, "het bedrag", "the amount"),
        ("direction", columns.direction, "bij/af", "credit/debit"),
        ("account", columns.account, "uw rekening", "your account"),
        (
            "counterpartyIban",
            columns.counterparty_iban,
            "de tegenrekening",
            "the counterparty's account",
        ),
        (
            "counterpartyName",
            columns.counterparty_name,
            "de naam",
            "the name",
        ),
        (
            "reference",
            columns.reference,
            "het betalingskenmerk",
            "the payment reference",
        ),
    ];
    let mut taken: Vec<(u32, &str, &str)> = Vec::new();
    for (field, column, nl, en) in roles {
        let Some(c) = column else { continue };
        if usize::try_from(c).map_or(true, |c| c >= width) {
            complain(
                field,
                "csv_column_unknown",
                format!("Dit bestand heeft geen kolom {}.", c + 1),
                format!("This file has no column {}.", c + 1),
            );
        } else if let Some((_, other_nl, other_en)) = taken.iter().find(|(t, _, _)| *t == c) {
            complain(
                field,
                "csv_column_twice",
                format!("Deze kolom is al gekozen voor {other_nl}."),
                format!("This column is already chosen for {other_en}."),
            );
        } else {
            taken.push((c, nl, en));
        }
    }
    if columns.date.is_none() {
        complain(
            "date",
            "csv_date_missing",
            "Wijs de kolom met de datum aan.".into(),
            "Point out the column with the date.".into(),
        );
    }
    if columns.amount.is_none() {
        complain(
            "amount",
            "csv_amount_missing",
            "Wijs de kolom met het bedrag aan.".into(),
            "Point out the column with the amount.".into(),
        );
    }
    for &c in &columns.description {
        if usize::try_from(c).map_or(true, |c| c >= width) {
            complain(
                "description",
                "csv_column_unknown",
                format!("Dit bestand heeft geen kolom {}.", c + 1),
                format!("This file has no column {}.", c + 1),
            );
        } else if Some(c) == columns.date || Some(c) == columns.amount {
            complain(
                "description",
                "csv_column_twice",
                "De omschrijving kan niet de datum of het bedrag zijn.".into(),
                "The description cannot be the date or the amount.".into(),
            );
        }
    }
    let own_account = match columns.account {
        Some(_) => None,
        None => match validate::iban(account) {
            Ok(iban) => Some(iban),
            Err(issue) => {
                let message = if account.trim().is_empty() {
                    match lang {
                        Language::Nl => "Geef de rekening (IBAN) waarvan dit afschrift is, of wijs de kolom ervan aan.".into(),
                        Language::En => "Give the account (IBAN) this statement is for, or point out its column.".into(),
                    }
                } else {
                    issue.message(lang)
                };
                fields.push(FieldMessage {
                    field: "ownAccount".into(),
                    code: issue.code().to_string(),
                    message,
                });
                None
            }
        },
    };
    if !fields.is_empty() {
        return Err(AppError {
            code: ErrorCode::Validation,
            message: match lang {
                Language::Nl => "Niet ingelezen: verbeter de gemarkeerde kolommen.".into(),
                Language::En => "Not imported: correct the marked columns.".into(),
            },
            fields,
        });
    }
    let at = |c: u32| usize::try_from(c).unwrap_or(usize::MAX);
    let mut map = ColumnMap::new(
        at(columns.date.unwrap_or(0)),
        at(columns.amount.unwrap_or(0)),
    );
    map.direction = columns
        .direction
        .map_or(Direction::Signed, |c| Direction::Column(at(c)));
    map.account = columns.account.map(at);
    map.counterparty_iban = columns.counterparty_iban.map(at);
    map.counterparty_name = columns.counterparty_name.map(at);
    map.description = columns.description.iter().map(|&c| at(c)).collect();
    map.structured_reference = columns.reference.map(at);
    Ok((map, own_account))
}
