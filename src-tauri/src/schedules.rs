//! Commands of the periodic invoices (periodieke facturen): the list, saving, pausing,
//! resuming and ending a schedule. Making the invoices that are due happens on start, every
//! minute while Tijdig is open and on Vandaag (`tijdig_app`'s `make_scheduled_invoices`).

use crate::commands::State;
use tijdig_app::{dto, AppError};

#[tauri::command]
pub fn list_invoice_schedules(state: State<'_>) -> Result<Vec<dto::InvoiceSchedule>, AppError> {
    state.app()?.invoice_schedules()
}

/// The live totals of a schedule being typed.
#[tauri::command]
pub fn preview_invoice_schedule(
    state: State<'_>,
    form: dto::ScheduleForm,
) -> Result<dto::InvoicePreview, AppError> {
    state.app()?.preview_invoice_schedule(&form)
}

/// Saves a new schedule (`id` null) or changes one.
#[tauri::command]
pub fn save_invoice_schedule(
    state: State<'_>,
    id: Option<i64>,
    form: dto::ScheduleForm,
) -> Result<dto::InvoiceSchedule, AppError> {
    state.app()?.save_invoice_schedule(id, &form)
}

#[tauri::command]
pub fn pause_invoice_schedule(state: State<'_>, id: i64) -> Result<dto::InvoiceSchedule, AppError> {
    state.app()?.pause_invoice_schedule(id)
}

#[tauri::command]
pub fn resume_invoice_schedule(
    state: State<'_>,
    id: i64,
) -> Result<dto::InvoiceSchedule, AppError> {
    state.app()?.resume_invoice_schedule(id)
}

#[tauri::command]
pub fn end_invoice_schedule(state: State<'_>, id: i64) -> Result<dto::InvoiceSchedule, AppError> {
    state.app()?.end_invoice_schedule(id)
}
