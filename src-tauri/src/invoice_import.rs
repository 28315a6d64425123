//! Commands of importing what other software holds: e-invoice files (or a folder of them) for
//! "Facturen → Importeren" and a clients sheet for "Klanten → Importeren", each shown first and
//! imported on the user's go-ahead.

use crate::commands::State;
use crate::documents::{pick_file, pick_files, pick_folder};
use tijdig_app::{dto, AppError};

/// Picks e-invoice files (`folder`: a folder of them) and shows what importing them would do.
/// `None` when the user cancels.
#[tauri::command]
pub async fn preview_invoice_import(
    app: tauri::AppHandle,
    state: State<'_>,
    folder: bool,
) -> Result<Option<dto::InvoiceImportPreview>, AppError> {
    let paths = if folder {
        pick_folder(&app)?.map(|p| vec![p])
    } else {
        pick_files(
            &app,
            "TIJDIG_PICK_FILE",
            ("UBL e-factuur / zip / CSV", &["xml", "zip", "csv"]),
        )?
    };
    let Some(paths) = paths else {
        return Ok(None);
    };
    Ok(Some(state.app()?.preview_invoice_import_paths(&paths)?))
}

/// Imports what the preview with this token showed as importable.
#[tauri::command]
pub async fn confirm_invoice_import(
    state: State<'_>,
    token: String,
) -> Result<dto::InvoiceImportResult, AppError> {
    state.app()?.confirm_invoice_import(&token)
}

/// Picks a clients sheet (CSV) and shows what importing it would do. `None` when the user
/// cancels.
#[tauri::command]
pub async fn preview_client_import(
    app: tauri::AppHandle,
    state: State<'_>,
) -> Result<Option<dto::ClientImportPreview>, AppError> {
    let sheets: &[&str] = &["csv", "txt"];
    let Some(path) = pick_file(&app, "TIJDIG_PICK_FILE", ("CSV", sheets))? else {
        return Ok(None);
    };
    Ok(Some(state.app()?.preview_client_import_file(&path)?))
}

/// Adds the valid rows of the sheet the preview with this token showed.
#[tauri::command]
pub async fn confirm_client_import(
    state: State<'_>,
    token: String,
) -> Result<dto::ClientImportResult, AppError> {
    state.app()?.confirm_client_import(&token)
}
