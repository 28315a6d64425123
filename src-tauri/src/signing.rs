//! Commands of signing: the certificate in Settings and "Controleer PDF".

use crate::commands::State;
use crate::documents::{pick_file, save_as, unusable_place, PDF};
use std::path::PathBuf;
use tijdig_app::{dto, AppError};

#[tauri::command]
pub fn signing_status(state: State<'_>) -> Result<Option<dto::SigningCertificate>, AppError> {
    state.app()?.signing_status()
}

#[tauri::command]
pub fn create_signing_certificate(state: State<'_>) -> Result<dto::SigningCertificate, AppError> {
    state.app()?.create_signing_certificate()
}

/// "Certificaat opslaan…": the `.cer` clients import to trust Tijdig's signatures.
#[tauri::command]
pub async fn save_signing_certificate(
    app: tauri::AppHandle,
    state: State<'_>,
) -> Result<Option<String>, AppError> {
    let (name, der) = state.app()?.signing_certificate_file()?;
    let Some(target) = save_as(&app, &name, ("Certificaat", &["cer"]))? else {
        return Ok(None);
    };
    state.app()?.write_document(&target, &der)?;
    Ok(Some(target.display().to_string()))
}

/// "Controleer PDF": a file the user picks (or drops: `path` given).
#[tauri::command]
pub async fn check_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    path: Option<String>,
) -> Result<Option<dto::PdfCheck>, AppError> {
    let file = match path {
        Some(p) => PathBuf::from(p),
        None => match pick_file(&app, "TIJDIG_PICK_PDF", PDF)? {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let bytes = std::fs::read(&file).map_err(unusable_place)?;
    Ok(Some(state.app()?.check_pdf(&bytes)?))
}

/// "Certificaat importeren…": asks for the `.p12`/`.pfx` (`TIJDIG_PICK_P12` answers for tests)
/// and imports it with `password`. `None` when the user cancels.
#[tauri::command]
pub async fn import_signing_certificate(
    app: tauri::AppHandle,
    state: State<'_>,
    password: String,
) -> Result<Option<dto::SigningCertificate>, AppError> {
    let Some(file) = pick_file(&app, "TIJDIG_PICK_P12", ("PKCS#12", &["p12", "pfx"]))? else {
        return Ok(None);
    };
    let bytes = std::fs::read(&file).map_err(unusable_place)?;
    Ok(Some(
        state.app()?.import_signing_certificate(&bytes, &password)?,
    ))
}
