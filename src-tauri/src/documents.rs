//! Opening, saving and printing stored PDFs: the desktop's part (viewer, save dialog, printer).

use crate::commands::{State, Tijdig};
use crate::platform;
use std::path::PathBuf;
use tauri::Manager;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use tijdig_app::{AppError, ErrorCode};

fn failure(message: &str, err: impl std::fmt::Display) -> AppError {
    eprintln!("tijdig: {message}: {err}");
    AppError {
        code: ErrorCode::Storage,
        message: message.to_string(),
        fields: Vec::new(),
    }
}

fn viewer_dir(app: &tauri::AppHandle) -> Result<PathBuf, AppError> {
    app.path()
        .app_cache_dir()
        .map(|dir| dir.join("pdf"))
        .map_err(|e| failure("Tijdig kan geen tijdelijke map vinden voor de PDF.", e))
}

/// Writes the invoice's PDF to the cache and opens it in the system viewer. Returns the path.
/// `TIJDIG_OPENER=none` (tests) writes without opening a viewer.
#[tauri::command]
pub async fn open_invoice_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<String, AppError> {
    let path = state.app()?.write_invoice_pdf(id, &viewer_dir(&app)?)?;
    if std::env::var("TIJDIG_OPENER").as_deref() != Ok("none") {
        app.opener()
            .open_path(path.display().to_string(), None::<&str>)
            .map_err(|e| failure("De PDF-viewer kon niet worden geopend.", e))?;
    }
    Ok(path.display().to_string())
}

/// "Opslaan als…": asks where, then writes the PDF there. `None` when the user cancels.
#[tauri::command]
pub async fn save_invoice_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<Option<String>, AppError> {
    let tijdig: &Tijdig = &state;
    let name = tijdig.app()?.invoice_pdf_file_name(id)?;
    let Some(chosen) = app
        .dialog()
        .file()
        .set_file_name(&name)
        .add_filter("PDF", &["pdf"])
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let target = chosen.into_path().map_err(|e| {
        failure(
            "Deze plek kan Tijdig niet gebruiken. Kies een andere map.",
            e,
        )
    })?;
    tijdig.app()?.write_invoice_pdf_to(id, &target)?;
    Ok(Some(target.display().to_string()))
}

/// Prints the PDF (`lp` where CUPS is installed), otherwise opens it in the viewer to print.
#[tauri::command]
pub async fn print_invoice_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<(), AppError> {
    let path = state.app()?.write_invoice_pdf(id, &viewer_dir(&app)?)?;
    if platform::print_pdf(&path) {
        return Ok(());
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| failure("De PDF kon niet worden afgedrukt of geopend.", e))
}

/// Writes a letter's PDF to the cache and opens it in the system viewer (see
/// [`open_invoice_pdf`]).
#[tauri::command]
pub async fn open_letter_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<String, AppError> {
    let path = state.app()?.write_letter_pdf(id, &viewer_dir(&app)?)?;
    if std::env::var("TIJDIG_OPENER").as_deref() != Ok("none") {
        app.opener()
            .open_path(path.display().to_string(), None::<&str>)
            .map_err(|e| failure("De PDF-viewer kon niet worden geopend.", e))?;
    }
    Ok(path.display().to_string())
}

/// "Opslaan als…" for a letter. `None` when the user cancels.
#[tauri::command]
pub async fn save_letter_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<Option<String>, AppError> {
    let tijdig: &Tijdig = &state;
    let (name, _) = tijdig.app()?.letter_pdf(id)?;
    let Some(chosen) = app
        .dialog()
        .file()
        .set_file_name(&name)
        .add_filter("PDF", &["pdf"])
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let target = chosen.into_path().map_err(|e| {
        failure(
            "Deze plek kan Tijdig niet gebruiken. Kies een andere map.",
            e,
        )
    })?;
    tijdig.app()?.write_letter_pdf_to(id, &target)?;
    Ok(Some(target.display().to_string()))
}

/// Prints a letter (`lp` where CUPS is installed), otherwise opens it to print.
#[tauri::command]
pub async fn print_letter_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<(), AppError> {
    let path = state.app()?.write_letter_pdf(id, &viewer_dir(&app)?)?;
    if platform::print_pdf(&path) {
        return Ok(());
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| failure("De PDF kon niet worden afgedrukt of geopend.", e))
}

/// "Dossier exporteren": asks for a folder, then writes the client's dossier into a new folder
/// inside it. `None` when the user cancels.
#[tauri::command]
pub async fn export_dossier(
    app: tauri::AppHandle,
    state: State<'_>,
    client_id: i64,
) -> Result<Option<String>, AppError> {
    // Tests answer the folder dialog through `TIJDIG_PICK_FOLDER`, as `TIJDIG_OPENER=none`
    // stands in for the viewer.
    let parent = match std::env::var_os("TIJDIG_PICK_FOLDER") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let Some(chosen) = app.dialog().file().blocking_pick_folder() else {
                return Ok(None);
            };
            chosen.into_path().map_err(|e| {
                failure(
                    "Deze map kan Tijdig niet gebruiken. Kies een andere map.",
                    e,
                )
            })?
        }
    };
    let folder = state.app()?.export_dossier(client_id, &parent)?;
    Ok(Some(folder.display().to_string()))
}

/// Writes an arrangement's agreement PDF to the cache and opens it in the system viewer.
#[tauri::command]
pub async fn open_arrangement_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<String, AppError> {
    let path = state.app()?.write_arrangement_pdf(id, &viewer_dir(&app)?)?;
    if std::env::var("TIJDIG_OPENER").as_deref() != Ok("none") {
        app.opener()
            .open_path(path.display().to_string(), None::<&str>)
            .map_err(|e| failure("De PDF-viewer kon niet worden geopend.", e))?;
    }
    Ok(path.display().to_string())
}

/// Prints an arrangement's agreement (`lp` where CUPS is installed), otherwise opens it.
#[tauri::command]
pub async fn print_arrangement_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<(), AppError> {
    let path = state.app()?.write_arrangement_pdf(id, &viewer_dir(&app)?)?;
    if platform::print_pdf(&path) {
        return Ok(());
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| failure("De PDF kon niet worden afgedrukt of geopend.", e))
}

/// Writes the dashboard's one-page report to the cache and opens it in the system viewer.
#[tauri::command]
pub async fn open_dashboard_report(
    app: tauri::AppHandle,
    state: State<'_>,
) -> Result<String, AppError> {
    let path = state.app()?.write_dashboard_report(&viewer_dir(&app)?)?;
    if std::env::var("TIJDIG_OPENER").as_deref() != Ok("none") {
        app.opener()
            .open_path(path.display().to_string(), None::<&str>)
            .map_err(|e| failure("De PDF-viewer kon niet worden geopend.", e))?;
    }
    Ok(path.display().to_string())
}

/// Asks for the backup folder (tests answer through `TIJDIG_PICK_FOLDER`). `None` on cancel.
#[tauri::command]
pub async fn choose_backup_folder(
    app: tauri::AppHandle,
    state: State<'_>,
) -> Result<Option<tijdig_app::dto::BackupStatus>, AppError> {
    let folder = match std::env::var_os("TIJDIG_PICK_FOLDER") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let Some(chosen) = app.dialog().file().blocking_pick_folder() else {
                return Ok(None);
            };
            chosen.into_path().map_err(|e| {
                failure(
                    "Deze map kan Tijdig niet gebruiken. Kies een andere map.",
                    e,
                )
            })?
        }
    };
    Ok(Some(state.app()?.set_backup_folder(&folder)?))
}

/// The accountant's CSV export: asks for a folder (tests: `TIJDIG_PICK_FOLDER`), writes the
/// files into a new folder inside it. `None` when the user cancels.
#[tauri::command]
pub async fn export_csv(
    app: tauri::AppHandle,
    state: State<'_>,
    form: tijdig_app::dto::CsvExportForm,
) -> Result<Option<tijdig_app::dto::CsvExport>, AppError> {
    let parent = match std::env::var_os("TIJDIG_PICK_FOLDER") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let Some(chosen) = app.dialog().file().blocking_pick_folder() else {
                return Ok(None);
            };
            chosen.into_path().map_err(|e| {
                failure(
                    "Deze map kan Tijdig niet gebruiken. Kies een andere map.",
                    e,
                )
            })?
        }
    };
    Ok(Some(state.app()?.export_csv(&form, &parent)?))
}
