//! Commands of the bank screen: importing a statement file the user picks, and deciding on
//! what the import proposed or could not match.

use crate::commands::State;
use crate::documents::pick_file;
use tijdig_app::{dto, AppError};

/// "Afschrift inlezen": picks a file and imports it, or asks for the columns of a CSV Tijdig
/// does not know. `None` when the user cancels.
#[tauri::command]
pub async fn import_bank_statement(
    app: tauri::AppHandle,
    state: State<'_>,
) -> Result<Option<dto::BankImportOutcome>, AppError> {
    let statements: &[&str] = &["csv", "tab", "txt", "xml", "sta", "940", "swi", "mt940"];
    let filter = ("CSV / CAMT.053 / MT940", statements);
    let Some(path) = pick_file(&app, "TIJDIG_PICK_FILE", filter)? else {
        return Ok(None);
    };
    Ok(Some(state.app()?.import_bank_file(&path)?))
}

/// The columns the user pointed out for the CSV waiting in the mapping step.
#[tauri::command]
pub async fn import_bank_csv(
    state: State<'_>,
    form: dto::CsvColumnsForm,
) -> Result<dto::BankImportResult, AppError> {
    state.app()?.import_bank_csv(&form)
}

#[tauri::command]
pub fn bank_overview(state: State<'_>) -> Result<dto::BankOverview, AppError> {
    state.app()?.bank_overview()
}

#[tauri::command]
pub fn confirm_bank_transaction(state: State<'_>, id: i64) -> Result<dto::BankOverview, AppError> {
    state.app()?.confirm_bank_transaction(id)
}

#[tauri::command]
pub fn assign_bank_transaction(
    state: State<'_>,
    form: dto::BankAssignForm,
) -> Result<dto::BankOverview, AppError> {
    state.app()?.assign_bank_transaction(&form)
}

#[tauri::command]
pub fn ignore_bank_transaction(
    state: State<'_>,
    id: i64,
    ignored: bool,
) -> Result<dto::BankOverview, AppError> {
    state.app()?.ignore_bank_transaction(id, ignored)
}

#[tauri::command]
pub fn assignable_invoices(
    state: State<'_>,
    query: String,
    amount: String,
) -> Result<Vec<dto::AssignableInvoice>, AppError> {
    state.app()?.assignable_invoices(&query, &amount)
}
