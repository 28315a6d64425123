//! Opening, saving and printing stored PDFs, saving an e-invoice (UBL), and the folder dialogs
//! of the exports: the desktop's part (viewer, save and folder dialogs, printer). Each command
//! writes through the app and hands the file to one of the four helpers below.

use crate::commands::{State, Tijdig};
use std::path::{Path, PathBuf};
use tauri::Manager;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use tijdig_app::{dto, AppError, ErrorCode};

fn failure(message: &str, err: impl std::fmt::Display) -> AppError {
    eprintln!("tijdig: {message}: {err}");
    AppError {
        code: ErrorCode::Storage,
        message: message.to_string(),
        fields: Vec::new(),
    }
}

pub(crate) fn unusable_place(err: impl std::fmt::Display) -> AppError {
    failure(
        "Deze plek kan Tijdig niet gebruiken. Kies een andere map.",
        err,
    )
}

pub(crate) fn viewer_dir(app: &tauri::AppHandle) -> Result<PathBuf, AppError> {
    app.path()
        .app_cache_dir()
        .map(|dir| dir.join("pdf"))
        .map_err(|e| failure("Tijdig kan geen tijdelijke map vinden voor de PDF.", e))
}

/// Opens a written PDF in the system viewer and returns its path. `TIJDIG_OPENER=none`
/// (tests) leaves it written but unopened.
pub(crate) fn show(app: &tauri::AppHandle, path: &Path) -> Result<String, AppError> {
    if crate::test_hooks::var("TIJDIG_OPENER").is_none_or(|v| v != "none") {
        app.opener()
            .open_path(path.display().to_string(), None::<&str>)
            .map_err(|e| failure("De PDF-viewer kon niet worden geopend.", e))?;
    }
    Ok(path.display().to_string())
}

/// The save dialog's file type for a PDF.
pub(crate) const PDF: (&str, &[&str]) = ("PDF", &["pdf"]);
/// The save dialog's file type for an e-invoice.
const UBL: (&str, &[&str]) = ("E-factuur (UBL)", &["xml"]);

/// "Opslaan als…" for a file named `name` of type `(filter name, extensions)`; `None` when the
/// user cancels. Tests answer through `TIJDIG_PICK_FOLDER`: the file keeps its proposed name.
pub(crate) fn save_as(
    app: &tauri::AppHandle,
    name: &str,
    (filter, extensions): (&str, &[&str]),
) -> Result<Option<PathBuf>, AppError> {
    if let Some(dir) = crate::test_hooks::var("TIJDIG_PICK_FOLDER") {
        return Ok(Some(PathBuf::from(dir).join(name)));
    }
    let Some(chosen) = app
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter(filter, extensions)
        .blocking_save_file()
    else {
        return Ok(None);
    };
    chosen.into_path().map(Some).map_err(unusable_place)
}

/// "Openen…" for one file of type `(filter name, extensions)`; `None` when the user cancels.
/// Tests answer through the environment variable `hook` (e.g. `TIJDIG_PICK_PDF`), as
/// `TIJDIG_PICK_FOLDER` answers the folder and save dialogs.
pub(crate) fn pick_file(
    app: &tauri::AppHandle,
    hook: &str,
    (filter, extensions): (&str, &[&str]),
) -> Result<Option<PathBuf>, AppError> {
    if let Some(file) = crate::test_hooks::var(hook) {
        return Ok(Some(PathBuf::from(file)));
    }
    let Some(picked) = app
        .dialog()
        .file()
        .add_filter(filter, extensions)
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    picked.into_path().map(Some).map_err(unusable_place)
}

/// Asks for one or more files; `None` when the user cancels. Tests answer through `hook`
/// (one file).
pub(crate) fn pick_files(
    app: &tauri::AppHandle,
    hook: &str,
    (filter, extensions): (&str, &[&str]),
) -> Result<Option<Vec<PathBuf>>, AppError> {
    if let Some(file) = crate::test_hooks::var(hook) {
        return Ok(Some(vec![PathBuf::from(file)]));
    }
    let Some(picked) = app
        .dialog()
        .file()
        .add_filter(filter, extensions)
        .blocking_pick_files()
    else {
        return Ok(None);
    };
    picked
        .into_iter()
        .map(|p| p.into_path().map_err(unusable_place))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Asks for a folder; `None` when the user cancels. Tests answer through
/// `TIJDIG_PICK_FOLDER`, as `TIJDIG_OPENER=none` stands in for the viewer.
pub(crate) fn pick_folder(app: &tauri::AppHandle) -> Result<Option<PathBuf>, AppError> {
    if let Some(dir) = crate::test_hooks::var("TIJDIG_PICK_FOLDER") {
        return Ok(Some(PathBuf::from(dir)));
    }
    let Some(chosen) = app.dialog().file().blocking_pick_folder() else {
        return Ok(None);
    };
    chosen.into_path().map(Some).map_err(unusable_place)
}

/// Writes the invoice's PDF to the cache and opens it in the system viewer. Returns the path.
#[tauri::command]
pub async fn open_invoice_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<String, AppError> {
    show(
        &app,
        &state.app()?.write_invoice_pdf(id, &viewer_dir(&app)?)?,
    )
}

/// "Opslaan als…": asks where, then writes the PDF there. `None` when the user cancels.
#[tauri::command]
pub async fn save_invoice_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<Option<String>, AppError> {
    let tijdig: &Tijdig = &state;
    let Some(target) = save_as(&app, &tijdig.app()?.invoice_pdf_file_name(id)?, PDF)? else {
        return Ok(None);
    };
    tijdig.app()?.write_invoice_pdf_to(id, &target)?;
    Ok(Some(target.display().to_string()))
}

/// "E-factuur (UBL) opslaan": makes the SI-UBL e-invoice (a draft is refused before the
/// dialog opens), asks where, then writes it there. `None` when the user cancels.
#[tauri::command]
pub async fn save_invoice_ubl(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<Option<String>, AppError> {
    let tijdig: &Tijdig = &state;
    let (name, _) = tijdig.app()?.invoice_ubl(id)?;
    let Some(target) = save_as(&app, &name, UBL)? else {
        return Ok(None);
    };
    tijdig.app()?.write_invoice_ubl_to(id, &target)?;
    Ok(Some(target.display().to_string()))
}

#[tauri::command]
pub async fn open_letter_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<String, AppError> {
    show(
        &app,
        &state.app()?.write_letter_pdf(id, &viewer_dir(&app)?)?,
    )
}

#[tauri::command]
pub async fn save_letter_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<Option<String>, AppError> {
    let tijdig: &Tijdig = &state;
    let (name, _) = tijdig.app()?.letter_pdf(id)?;
    let Some(target) = save_as(&app, &name, PDF)? else {
        return Ok(None);
    };
    tijdig.app()?.write_letter_pdf_to(id, &target)?;
    Ok(Some(target.display().to_string()))
}

#[tauri::command]
pub async fn open_arrangement_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<String, AppError> {
    show(
        &app,
        &state.app()?.write_arrangement_pdf(id, &viewer_dir(&app)?)?,
    )
}

/// The dashboard's one-page report, opened in the viewer.
#[tauri::command]
pub async fn open_dashboard_report(
    app: tauri::AppHandle,
    state: State<'_>,
) -> Result<String, AppError> {
    show(
        &app,
        &state.app()?.write_dashboard_report(&viewer_dir(&app)?)?,
    )
}

/// "Dossier exporteren": writes the client's dossier into a new folder inside the chosen one.
#[tauri::command]
pub async fn export_dossier(
    app: tauri::AppHandle,
    state: State<'_>,
    client_id: i64,
) -> Result<Option<String>, AppError> {
    let Some(parent) = pick_folder(&app)? else {
        return Ok(None);
    };
    let folder = state.app()?.export_dossier(client_id, &parent)?;
    Ok(Some(folder.display().to_string()))
}

#[tauri::command]
pub async fn choose_backup_folder(
    app: tauri::AppHandle,
    state: State<'_>,
) -> Result<Option<dto::BackupStatus>, AppError> {
    let Some(folder) = pick_folder(&app)? else {
        return Ok(None);
    };
    Ok(Some(state.app()?.set_backup_folder(&folder)?))
}

/// The accountant's CSV export, written into a new folder inside the chosen one.
#[tauri::command]
pub async fn export_csv(
    app: tauri::AppHandle,
    state: State<'_>,
    form: dto::CsvExportForm,
) -> Result<Option<dto::CsvExport>, AppError> {
    let Some(parent) = pick_folder(&app)? else {
        return Ok(None);
    };
    Ok(Some(state.app()?.export_csv(&form, &parent)?))
}

/// "Alles exporteren": every document, the CSVs and a JSON dump, in a new folder inside the
/// chosen one. `None` when the user cancels.
#[tauri::command]
pub async fn export_everything(
    app: tauri::AppHandle,
    state: State<'_>,
) -> Result<Option<dto::FullExport>, AppError> {
    let Some(parent) = pick_folder(&app)? else {
        return Ok(None);
    };
    Ok(Some(state.app()?.export_everything(&parent)?))
}

/// The text message Tijdig wrote about some invoices of a client (sms / WhatsApp).
#[tauri::command]
pub fn message_draft(
    state: State<'_>,
    client_id: i64,
    invoice_ids: Vec<i64>,
) -> Result<dto::MessageDraft, AppError> {
    state.app()?.message_draft(client_id, &invoice_ids)
}

/// Opens the message (as the user left it) in the messages app or WhatsApp and returns the
/// link. `TIJDIG_OPENER=none` (tests) returns it unopened.
#[tauri::command]
pub fn open_message(
    app: tauri::AppHandle,
    state: State<'_>,
    client_id: i64,
    text: String,
    whatsapp: bool,
) -> Result<String, AppError> {
    let link = state.app()?.message_link(client_id, &text, whatsapp)?;
    if crate::test_hooks::var("TIJDIG_OPENER").is_none_or(|v| v != "none") {
        app.opener()
            .open_url(link.clone(), None::<&str>)
            .map_err(|e| {
                failure(
                    "Het bericht kon niet worden geopend in de berichten-app.",
                    e,
                )
            })?;
    }
    Ok(link)
}

/// The quarters the btw screen offers, the one to file now first.
#[tauri::command]
pub fn vat_return_quarters(state: State<'_>) -> Result<Vec<dto::QuarterChoice>, AppError> {
    Ok(state.app()?.vat_return_quarters())
}

/// The sales side of a quarter's btw-aangifte and the opgaaf ICP.
#[tauri::command]
pub fn vat_return(
    state: State<'_>,
    year: i32,
    quarter: u32,
) -> Result<dto::VatReturnReport, AppError> {
    state.app()?.vat_return(year, quarter)
}

/// The quarter's btw figures as a PDF, opened in the viewer.
#[tauri::command]
pub async fn open_vat_return_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    year: i32,
    quarter: u32,
) -> Result<String, AppError> {
    show(
        &app,
        &state
            .app()?
            .write_vat_return_pdf(year, quarter, &viewer_dir(&app)?)?,
    )
}

/// Writes the quarter's PDF and its two CSV files (rubrieken, ICP) into the chosen folder;
/// `None` when the user cancels.
#[tauri::command]
pub async fn export_vat_return(
    app: tauri::AppHandle,
    state: State<'_>,
    year: i32,
    quarter: u32,
) -> Result<Option<String>, AppError> {
    let Some(folder) = pick_folder(&app)? else {
        return Ok(None);
    };
    let tijdig = state.app()?;
    tijdig.write_vat_return_pdf(year, quarter, &folder)?;
    tijdig.export_vat_return_csv(year, quarter, &folder)?;
    Ok(Some(folder.display().to_string()))
}

/// The print dialog's printers and the one to preselect.
#[tauri::command]
pub async fn list_printers(state: State<'_>) -> Result<dto::PrintSetup, AppError> {
    state.app()?.printers()
}

/// Sends a stored document to a printer at 100 % (letters in window envelopes).
#[tauri::command]
pub async fn print_document(
    state: State<'_>,
    document: dto::PrintableDocument,
    options: dto::PrintOptions,
) -> Result<dto::PrintOutcome, AppError> {
    state.app()?.print_document(&document, &options)
}

/// The letters by post made today, in client order (the cover list).
#[tauri::command]
pub async fn todays_letters(state: State<'_>) -> Result<Vec<dto::DayLetter>, AppError> {
    state.app()?.todays_letters()
}

/// "Brieven van vandaag afdrukken".
#[tauri::command]
pub async fn print_todays_letters(
    state: State<'_>,
    batch: dto::BatchPrint,
) -> Result<dto::PrintOutcome, AppError> {
    state.app()?.print_todays_letters(&batch)
}
