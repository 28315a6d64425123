//! Commands of e-mail: the mail server in Settings, the composer, sending and sending again.

use crate::commands::State;
use tijdig_app::{dto, AppError};

#[tauri::command]
pub fn mail_settings(state: State<'_>) -> Result<dto::MailSettings, AppError> {
    state.app()?.mail_settings()
}

#[tauri::command]
pub fn save_mail_settings(
    state: State<'_>,
    form: dto::MailSettingsForm,
) -> Result<dto::MailSettings, AppError> {
    state.app()?.save_mail_settings(&form)
}

/// Connecting can take a while: off the main thread.
#[tauri::command]
pub async fn test_mail_connection(state: State<'_>) -> Result<dto::MailTestResult, AppError> {
    state.app()?.test_mail_connection()
}

#[tauri::command]
pub fn invoice_email_draft(state: State<'_>, id: i64) -> Result<dto::EmailDraft, AppError> {
    state.app()?.invoice_email_draft(id)
}

#[tauri::command]
pub async fn send_invoice_email(
    state: State<'_>,
    id: i64,
    form: dto::EmailForm,
) -> Result<dto::SentEmail, AppError> {
    state.app()?.send_invoice_email(id, &form)
}

#[tauri::command]
pub async fn retry_email(state: State<'_>, id: i64) -> Result<dto::SentEmail, AppError> {
    state.app()?.retry_email(id)
}

/// "Wel verstuurd": a message cut off mid-send was found in the user's Sent folder.
#[tauri::command]
pub fn confirm_email_sent(state: State<'_>, id: i64) -> Result<dto::SentEmail, AppError> {
    state.app()?.confirm_email_sent(id)
}

#[tauri::command]
pub fn invoice_emails(state: State<'_>, id: i64) -> Result<Vec<dto::SentEmail>, AppError> {
    state.app()?.invoice_emails(id)
}

#[tauri::command]
pub fn unsent_emails(state: State<'_>) -> Result<Vec<dto::SentEmail>, AppError> {
    state.app()?.unsent_emails()
}

#[tauri::command]
pub fn letter_email_draft(state: State<'_>, id: i64) -> Result<dto::EmailDraft, AppError> {
    state.app()?.letter_email_draft(id)
}

#[tauri::command]
pub async fn send_letter_email(
    state: State<'_>,
    id: i64,
    form: dto::EmailForm,
    timing: Option<dto::SendTiming>,
) -> Result<dto::SentEmail, AppError> {
    state
        .app()?
        .send_letter_email(id, &form, timing.unwrap_or_default())
}

/// Scheduled messages whose moment has come go out (also at start-up).
#[tauri::command]
pub async fn send_due_emails(state: State<'_>) -> Result<Vec<dto::SentEmail>, AppError> {
    state.app()?.send_due_emails()
}

#[tauri::command]
pub fn mail_templates(state: State<'_>) -> Result<dto::MailTemplates, AppError> {
    state.app()?.mail_templates()
}

#[tauri::command]
pub fn save_mail_template(
    state: State<'_>,
    form: dto::MailTemplateForm,
) -> Result<dto::MailTemplates, AppError> {
    state.app()?.save_mail_template(&form)
}

#[tauri::command]
pub fn offer_email_draft(state: State<'_>, id: i64) -> Result<dto::EmailDraft, AppError> {
    state.app()?.offer_email_draft(id)
}

#[tauri::command]
pub fn agreement_email_draft(state: State<'_>, id: i64) -> Result<dto::EmailDraft, AppError> {
    state.app()?.agreement_email_draft(id)
}

/// Sends a final offer; like every send, it runs off the UI thread (the server may be slow).
#[tauri::command]
pub async fn send_offer_email(
    state: State<'_>,
    id: i64,
    form: dto::EmailForm,
) -> Result<dto::SentEmail, AppError> {
    state.app()?.send_offer_email(id, &form)
}

#[tauri::command]
pub async fn send_agreement_email(
    state: State<'_>,
    id: i64,
    form: dto::EmailForm,
) -> Result<dto::SentEmail, AppError> {
    state.app()?.send_agreement_email(id, &form)
}

#[tauri::command]
pub fn offer_emails(state: State<'_>, id: i64) -> Result<Vec<dto::SentEmail>, AppError> {
    state.app()?.offer_emails(id)
}

/// "Zelf verstuurd": the e-mail letter went out from the user's own mail program.
#[tauri::command]
pub fn mark_letter_emailed(state: State<'_>, id: i64) -> Result<dto::Letter, AppError> {
    state.app()?.mark_letter_emailed(id)
}
