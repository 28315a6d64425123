//! "Eerst rondkijken met voorbeeldgegevens": a separate data folder beside the user's own
//! (`<own folder>-voorbeeld`), filled once with a small example business by
//! `tijdig_app::App::fill_example_business`, shown until the user goes back. The two never
//! mix: each is its own database, and the user's own Tijdig stays open meanwhile.

use std::path::PathBuf;
use std::sync::Arc;

use crate::commands::State;
use tijdig_app::{dto, App, AppError, ErrorCode};

/// The example folder that belongs to the user's own data folder.
fn example_dir(own: &App) -> Result<PathBuf, AppError> {
    let own = own.data_dir();
    let name = own
        .file_name()
        .map(|n| format!("{}-voorbeeld", n.to_string_lossy()))
        .ok_or_else(|| AppError {
            code: ErrorCode::Storage,
            message: "Tijdig kan geen map voor de voorbeeldgegevens maken.".into(),
            fields: Vec::new(),
        })?;
    Ok(own.with_file_name(name))
}

/// Opens the example data (made the first time) and shows it.
#[tauri::command]
pub async fn open_example_data(state: State<'_>) -> Result<dto::AppState, AppError> {
    let own = state.own.clone()?;
    let dir = example_dir(&own)?;
    let example = App::open(&dir)
        .map(crate::data_dir::apply_fixed_today)
        // The example's documents are signed with a key that lives only while it is open: the
        // user's keychain is never touched for made-up data.
        .map(|app| app.with_vault(Box::new(tijdig_app::keychain::MemoryVault::default())))?;
    example.fill_example_business()?;
    let example = Arc::new(example);
    let answer = example.state()?;
    state.switch(Ok(example));
    Ok(answer)
}

/// Back to the user's own data (the example folder stays for a later look).
#[tauri::command]
pub fn leave_example_data(state: State<'_>) -> Result<dto::AppState, AppError> {
    let own = state.own.clone();
    state.switch(own.clone());
    own?.state()
}
