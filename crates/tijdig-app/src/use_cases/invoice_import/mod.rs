//! "Facturen → Importeren" (issue "Bring your bank and your books"): invoices the user made in
//! other software (Moneybird, e-Boekhouden, Jortt, Exact — their UBL e-invoice export) become
//! invoices marked "extern" that Tijdig follows up like its own: immutable, on the ladder, in
//! the claim, the letters, the bank matching and the dashboard.
//!
//! Two steps. The preview reads the files and says per invoice what would happen (its client
//! found or to be created, what the file breaks, why one cannot be imported) and writes
//! nothing. The import reads them again and stores every importable one, with the new clients,
//! in one transaction; a number taken in between refuses the whole import.

mod documents;
mod plan;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tijdig_domain::einvoice;
use tijdig_domain::invoice::InvoiceKind;
use tijdig_domain::open_invoice_sheet::read_open_invoices;
use tijdig_domain::{format_eur, Client, Language};
use tijdig_store::{ClientChoice, ClientFilter, NewExternalInvoice, Store, StoreError};

use documents::{render_copy, render_registration};
use plan::{KnownClient, Planned};

use crate::plumbing::format::{agree, counted};
use crate::plumbing::hashing::sha256_hex;
use crate::services::app::{lock, PendingFiles};
use crate::{dto, App, AppError, ErrorCode};

/// A single e-invoice file larger than this is no invoice (a PDF embedded in base64 of a
/// 10-page invoice is about 1 MB).
const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// At most this many files in one import.
const MAX_FILES: usize = 5_000;

/// The clients an import would create, each with the key that tells it apart from the others.
type NewClients = Vec<(String, Client)>;

/// What one file gave: an invoice that can be imported, or why not.
enum Outcome {
    Planned(Box<Planned>),
    Refused {
        file_name: String,
        number: Option<String>,
        reason: String,
    },
}

impl App {
    /// Reads the chosen files, folders (every `.xml` and `.csv` in one) and zips (every `.xml`
    /// and `.csv` in one) and shows what importing them would do.
    pub fn preview_invoice_import_paths(
        &self,
        paths: &[PathBuf],
    ) -> Result<dto::InvoiceImportPreview, AppError> {
        let lang = self.lang();
        let mut files = Vec::new();
        for path in paths {
            collect(path, &mut files, lang)?;
        }
        self.preview_invoice_import(files)
    }

    /// Shows what importing these files (name, bytes) would do; keeps them for
    /// [`App::confirm_invoice_import`]. Writes nothing.
    pub fn preview_invoice_import(
        &self,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<dto::InvoiceImportPreview, AppError> {
        let now = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
        let (outcomes, new_clients) = self.with_store(|store, lang| {
            plan_all(store, &files, &now, lang).map_err(|e| AppError::from_store(e, lang))
        })?;
        let lang = self.lang();
        let mut token_input = Vec::new();
        for (name, bytes) in &files {
            token_input.extend_from_slice(name.as_bytes());
            token_input.push(0);
            token_input.extend_from_slice(&sha256_hex(bytes).into_bytes());
        }
        let token = sha256_hex(&token_input);
        let preview = preview_dto(&token, &outcomes, &new_clients, lang);
        *lock(&self.pending_invoice_import) = Some(PendingFiles { token, files });
        Ok(preview)
    }

    /// Imports what the preview with this token showed as importable, in one transaction.
    pub fn confirm_invoice_import(
        &self,
        token: &str,
    ) -> Result<dto::InvoiceImportResult, AppError> {
        let lang = self.lang();
        let files = match lock(&self.pending_invoice_import).as_ref() {
            Some(p) if p.token == token => p.files.clone(),
            _ => {
                return Err(AppError {
                    code: ErrorCode::Conflict,
                    message: match lang {
                        Language::Nl => "Deze selectie wacht niet meer op inlezen. Kies de bestanden opnieuw.".into(),
                        Language::En => "This selection is no longer waiting to be imported. Choose the files again.".into(),
                    },
                    fields: Vec::new(),
                })
            }
        };
        let now = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
        let issued_at = self.now();
        let result = self.with_store(|store, lang| {
            let (outcomes, new_clients) =
                plan_all(store, &files, &now, lang).map_err(|e| AppError::from_store(e, lang))?;
            let planned: Vec<&Planned> = outcomes
                .iter()
                .filter_map(|o| match o {
                    Outcome::Planned(p) => Some(p.as_ref()),
                    Outcome::Refused { .. } => None,
                })
                .collect();
            if planned.is_empty() {
                return Err(AppError {
                    code: ErrorCode::Validation,
                    message: match lang {
                        Language::Nl => "Er is niets in te lezen: geen van de bestanden kan worden geïmporteerd.".into(),
                        Language::En => "There is nothing to import: none of the files can be imported.".into(),
                    },
                    fields: Vec::new(),
                });
            }
            let profile = store
                .profile()
                .map_err(|e| AppError::from_store(e, lang))?
                .ok_or_else(|| AppError::from_store(StoreError::NotFound, lang))?;
            let logo = store.logo().map_err(|e| AppError::from_store(e, lang))?;
            let mut invoices = Vec::with_capacity(planned.len());
            for p in &planned {
                let client: Client = match p.client {
                    ClientChoice::Existing(id) => store.client(id).map_err(|e| AppError::from_store(e, lang))?.client,
                    ClientChoice::New(i) => new_clients[i].1.clone(),
                };
                let pdf = match &p.invoice.pdf {
                    Some(embedded) => embedded.bytes.clone(),
                    None if p.facts.format == "csv" => {
                        render_registration(p, &profile, logo.as_ref(), &client, issued_at, lang)?
                    }
                    None => render_copy(p, &profile, logo.as_ref(), &client, issued_at, lang)?,
                };
                let kind = p.data.kind.title(lang);
                invoices.push(NewExternalInvoice {
                    client: p.client,
                    data: p.data.clone(),
                    number: p.invoice.number.clone(),
                    payment_reference: p.reference.clone(),
                    total: p.total,
                    pdf_sha256: sha256_hex(&pdf),
                    pdf,
                    facts: p.facts.clone(),
                    corrects: p.corrects.as_ref().map(|(n, _)| n.clone()),
                    prepaid: p.prepaid.clone(),
                    dossier_note: match lang {
                        Language::Nl => format!("{kind} {} ingelezen uit {} (gemaakt in ander programma).", p.invoice.number, p.file_name),
                        Language::En => format!("{kind} {} imported from {} (made in other software).", p.invoice.number, p.file_name),
                    },
                });
            }
            let clients: Vec<Client> = new_clients.iter().map(|(_, c)| c.clone()).collect();
            let ids = store.import_external_invoices(&clients, &invoices).map_err(|e| match e {
                StoreError::AlreadyDone | StoreError::NotFound => AppError {
                    code: ErrorCode::Conflict,
                    message: match lang {
                        Language::Nl => "Terwijl u keek is er iets veranderd (een nummer is al gebruikt). Er is niets ingelezen; kies de bestanden opnieuw.".into(),
                        Language::En => "Something changed while you looked (a number is taken). Nothing was imported; choose the files again.".into(),
                    },
                    fields: Vec::new(),
                },
                other => AppError::from_store(other, lang),
            })?;
            let imported = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            let created = u32::try_from(clients.len()).unwrap_or(u32::MAX);
            Ok(dto::InvoiceImportResult {
                imported,
                clients_created: created,
                invoice_ids: ids,
                summary: match lang {
                    Language::Nl => format!(
                        "{} ingelezen, {}.",
                        counted(imported, "factuur", "facturen"),
                        counted(created, "nieuwe klant", "nieuwe klanten")
                    ),
                    Language::En => format!(
                        "{} imported, {}.",
                        counted(imported, "invoice", "invoices"),
                        counted(created, "new client", "new clients")
                    ),
                },
            })
        })?;
        *lock(&self.pending_invoice_import) = None;
        Ok(result)
    }
}

/// The files at `path`: the file itself, or every `.xml` file in the folder.
fn collect(
    path: &Path,
    files: &mut Vec<(String, Vec<u8>)>,
    lang: Language,
) -> Result<(), AppError> {
    let unreadable = |e: std::io::Error| AppError {
        code: ErrorCode::Validation,
        message: match lang {
            Language::Nl => format!("{} kon niet gelezen worden ({e}).", path.display()),
            Language::En => format!("{} could not be read ({e}).", path.display()),
        },
        fields: Vec::new(),
    };
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(unreadable)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && p.extension().is_some_and(|x| {
                        x.eq_ignore_ascii_case("xml") || x.eq_ignore_ascii_case("csv")
                    })
            })
            .collect();
        entries.sort();
        for p in entries {
            collect(&p, files, lang)?;
        }
        return Ok(());
    }
    if files.len() >= MAX_FILES {
        return Err(AppError {
            code: ErrorCode::Validation,
            message: match lang {
                Language::Nl => format!("Kies ten hoogste {MAX_FILES} bestanden tegelijk."),
                Language::En => format!("Choose at most {MAX_FILES} files at once."),
            },
            fields: Vec::new(),
        });
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.to_ascii_lowercase().ends_with(".zip") {
        return unzip(path, &name, files, lang);
    }
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    // Too large a file is shown as refused, not read.
    let bytes = if size > MAX_FILE_BYTES {
        Vec::new()
    } else {
        std::fs::read(path).map_err(unreadable)?
    };
    files.push((name, bytes));
    Ok(())
}

/// The `.xml` and `.csv` files in a zip (any folder inside it), each read to at most
/// [`MAX_FILE_BYTES`] whatever the zip declares (a zip bomb stops there); named `zip/entry`.
fn unzip(
    path: &Path,
    name: &str,
    files: &mut Vec<(String, Vec<u8>)>,
    lang: Language,
) -> Result<(), AppError> {
    use std::io::Read as _;
    let damaged = |e: String| AppError {
        code: ErrorCode::Validation,
        message: match lang {
            Language::Nl => {
                format!("{name} is geen leesbaar zip-bestand ({e}). Er is niets ingelezen.")
            }
            Language::En => {
                format!("{name} is not a readable zip file ({e}). Nothing was imported.")
            }
        },
        fields: Vec::new(),
    };
    let file = std::fs::File::open(path).map_err(|e| damaged(e.to_string()))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| damaged(e.to_string()))?;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| damaged(e.to_string()))?;
        let inner = entry.name().to_string();
        let lower = inner.to_ascii_lowercase();
        if entry.is_dir() || !(lower.ends_with(".xml") || lower.ends_with(".csv")) {
            continue;
        }
        if files.len() >= MAX_FILES {
            break;
        }
        let mut bytes = Vec::new();
        (&mut entry)
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| damaged(e.to_string()))?;
        if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_FILE_BYTES {
            bytes.clear();
        }
        files.push((format!("{name}/{inner}"), bytes));
    }
    Ok(())
}

/// Reads and plans every file: invoices before the credit notes that refer to them (by date),
/// each checked against what Tijdig holds and what came before it in this import.
fn plan_all(
    store: &Store,
    files: &[(String, Vec<u8>)],
    imported_at: &str,
    lang: Language,
) -> Result<(Vec<Outcome>, NewClients), StoreError> {
    let profile = store.profile()?;
    let is_sheet = |name: &str| name.to_ascii_lowercase().ends_with(".csv");
    let mut read: Vec<(usize, Result<einvoice::EInvoice, String>)> = files
        .iter()
        .enumerate()
        .filter(|(_, (name, _))| !is_sheet(name))
        .map(|(i, (_, bytes))| {
            let result = if bytes.is_empty() {
                Err(match lang {
                    Language::Nl => {
                        "Dit bestand is leeg of te groot voor een e-factuur.".to_string()
                    }
                    Language::En => "This file is empty or too large for an e-invoice.".to_string(),
                })
            } else {
                einvoice::read(bytes).map_err(|r| r.message(lang))
            };
            (i, result)
        })
        .collect();
    read.sort_by_key(|(i, r)| match r {
        Ok(e) => (
            0,
            e.issue_date,
            e.kind == einvoice::EInvoiceKind::CreditNote,
            *i,
        ),
        Err(_) => (1, chrono::NaiveDate::MIN, false, *i),
    });
    // Sheets of open invoices: each row on its own, after the e-invoices.
    let mut sheet_rows = Vec::new();
    for (name, bytes) in files.iter().filter(|(name, _)| is_sheet(name)) {
        match read_open_invoices(&tijdig_domain::bank::decode(bytes)) {
            Ok(rows) => sheet_rows.extend(rows.into_iter().map(|r| (name.clone(), Ok(r)))),
            Err(e) => sheet_rows.push((name.clone(), Err(e.message(lang)))),
        }
    }
    let numbers: Vec<String> = read
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .flat_map(|e| std::iter::once(e.number.clone()).chain(e.corrects.clone()))
        .chain(
            sheet_rows
                .iter()
                .filter_map(|(_, r)| r.as_ref().ok()?.as_ref().ok().map(|i| i.number.clone())),
        )
        .collect();
    let taken = store.invoice_numbers_taken(&numbers)?;
    let mut known: HashMap<String, (bool, Option<chrono::NaiveDate>)> = HashMap::new();
    for (number, external) in taken {
        let date = store.invoice_date_of(&number)?;
        known.insert(number, (external, date));
    }
    let clients = known_clients(store)?;
    let mut new_clients: NewClients = Vec::new();
    let mut outcomes = Vec::with_capacity(read.len());
    for (i, result) in read {
        let file_name = files[i].0.clone();
        let e = match result {
            Ok(e) => e,
            Err(reason) => {
                outcomes.push(Outcome::Refused {
                    file_name,
                    number: None,
                    reason,
                });
                continue;
            }
        };
        let number = e.number.clone();
        let checked = match &profile {
            None => Err(match lang {
                Language::Nl => "Vul eerst uw bedrijfsgegevens in.".to_string(),
                Language::En => "First fill in your business details.".to_string(),
            }),
            Some(p) => plan::check_seller(&e, p, lang),
        };
        let planned = checked.and_then(|()| {
            plan::plan(
                &file_name,
                e,
                &clients,
                &mut new_clients,
                &known,
                imported_at,
                lang,
            )
        });
        match planned {
            Ok(p) => {
                known.insert(p.invoice.number.clone(), (true, Some(p.invoice.issue_date)));
                outcomes.push(Outcome::Planned(Box::new(p)));
            }
            Err(reason) => outcomes.push(Outcome::Refused {
                file_name,
                number: Some(number),
                reason,
            }),
        }
    }
    for (file_name, row) in sheet_rows {
        let row = match row {
            Ok(Ok(row)) => row,
            Ok(Err(problem)) => {
                outcomes.push(Outcome::Refused {
                    file_name: format!("{file_name}:{}", problem.line),
                    number: None,
                    reason: problem.message(lang),
                });
                continue;
            }
            Err(reason) => {
                outcomes.push(Outcome::Refused {
                    file_name,
                    number: None,
                    reason,
                });
                continue;
            }
        };
        let number = row.number.clone();
        let line = row.line;
        match plan::plan_sheet_row(
            &file_name,
            row,
            &clients,
            &mut new_clients,
            &known,
            imported_at,
            lang,
        ) {
            Ok(p) => {
                known.insert(p.invoice.number.clone(), (true, Some(p.invoice.issue_date)));
                outcomes.push(Outcome::Planned(Box::new(p)));
            }
            Err(reason) => outcomes.push(Outcome::Refused {
                file_name: format!("{file_name}:{line}"),
                number: Some(number),
                reason,
            }),
        }
    }
    // A new client whose every invoice was refused is not created.
    let used: std::collections::BTreeSet<usize> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Planned(p) => match p.client {
                ClientChoice::New(i) => Some(i),
                ClientChoice::Existing(_) => None,
            },
            Outcome::Refused { .. } => None,
        })
        .collect();
    if used.len() != new_clients.len() {
        let renumber: HashMap<usize, usize> = used
            .iter()
            .enumerate()
            .map(|(new, old)| (*old, new))
            .collect();
        new_clients = new_clients
            .into_iter()
            .enumerate()
            .filter(|(i, _)| used.contains(i))
            .map(|(_, c)| c)
            .collect();
        for o in &mut outcomes {
            if let Outcome::Planned(p) = o {
                if let ClientChoice::New(i) = p.client {
                    p.client = ClientChoice::New(renumber.get(&i).copied().unwrap_or(i));
                }
            }
        }
    }
    Ok((outcomes, new_clients))
}

fn known_clients(store: &Store) -> Result<Vec<KnownClient>, StoreError> {
    let mut ibans: HashMap<i64, Vec<String>> = HashMap::new();
    for (client, iban) in store.client_accounts()? {
        ibans.entry(client).or_default().push(iban);
    }
    Ok(store
        .list_clients(&ClientFilter {
            include_archived: true,
            ..ClientFilter::default()
        })?
        .into_iter()
        .map(|r| KnownClient {
            id: r.id,
            name: r.client.name.clone(),
            kvk: r.client.kvk.clone(),
            btw_id: r.client.btw_id.clone(),
            ibans: ibans.remove(&r.id).unwrap_or_default(),
        })
        .collect())
}

fn preview_dto(
    token: &str,
    outcomes: &[Outcome],
    new_clients: &NewClients,
    lang: Language,
) -> dto::InvoiceImportPreview {
    let nl = lang == Language::Nl;
    let items: Vec<dto::InvoiceImportItem> = outcomes
        .iter()
        .map(|o| match o {
            Outcome::Planned(p) => dto::InvoiceImportItem {
                file_name: p.file_name.clone(),
                number: Some(p.invoice.number.clone()),
                kind: Some(p.data.kind.title(lang).to_string()),
                invoice_date: Some(p.invoice.issue_date.to_string()),
                due_date: Some(
                    tijdig_domain::invoice::due_date(p.data.invoice_date, p.data.payment_term_days)
                        .to_string(),
                )
                .filter(|_| p.data.kind != InvoiceKind::CreditNote),
                client_name: Some(p.client_name.clone()),
                client_match: Some(match (p.client, nl) {
                    (ClientChoice::New(_), true) => "nieuwe klant".into(),
                    (ClientChoice::New(_), false) => "new client".into(),
                    (ClientChoice::Existing(_), true) => "bekende klant".into(),
                    (ClientChoice::Existing(_), false) => "known client".into(),
                }),
                client_is_new: matches!(p.client, ClientChoice::New(_)),
                total: Some(p.total.to_string()),
                refused: None,
                findings: p.facts.findings.clone(),
                notes: p.notes.clone(),
            },
            Outcome::Refused {
                file_name,
                number,
                reason,
            } => dto::InvoiceImportItem {
                file_name: file_name.clone(),
                number: number.clone(),
                kind: None,
                invoice_date: None,
                due_date: None,
                client_name: None,
                client_match: None,
                client_is_new: false,
                total: None,
                refused: Some(reason.clone()),
                findings: Vec::new(),
                notes: Vec::new(),
            },
        })
        .collect();
    let importable =
        u32::try_from(items.iter().filter(|i| i.refused.is_none()).count()).unwrap_or(u32::MAX);
    let refused = u32::try_from(items.len()).unwrap_or(u32::MAX) - importable;
    let total: rust_decimal::Decimal = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Planned(p) => Some(p.total),
            Outcome::Refused { .. } => None,
        })
        .sum();
    let money = format_eur(total, lang);
    let created = new_clients.len();
    dto::InvoiceImportPreview {
        token: token.to_string(),
        items,
        importable,
        new_clients: new_clients.iter().map(|(_, c)| c.name.clone()).collect(),
        summary: if nl {
            format!(
                "{} {} worden ingelezen ({money}), {refused} niet; {}.",
                counted(importable, "factuur", "facturen"),
                agree(importable, "kan", "kunnen"),
                counted(created, "nieuwe klant", "nieuwe klanten"),
            )
        } else {
            format!(
                "{} can be imported ({money}), {refused} cannot; {}.",
                counted(importable, "invoice", "invoices"),
                counted(created, "new client", "new clients"),
            )
        },
    }
}
