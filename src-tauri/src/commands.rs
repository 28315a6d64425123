//! One thin adapter per use-case. Arguments arrive as camelCase JSON keys.

use tijdig_app::dto::{self, Saved};
use tijdig_app::{App, AppError};

/// The opened app, or why it could not be opened (shown by the UI on its first command).
/// The Tijdig the window talks to: the user's own data, or — while they look around — the
/// separate folder with example data (`demo.rs`). Switching swaps the handle; a command that
/// is running keeps the one it started with.
pub struct Tijdig {
    current: std::sync::RwLock<Result<std::sync::Arc<App>, AppError>>,
    /// The user's own Tijdig, kept while the example data is shown.
    pub(crate) own: Result<std::sync::Arc<App>, AppError>,
}

impl Tijdig {
    pub fn new(opened: Result<App, AppError>) -> Tijdig {
        let own = opened.map(std::sync::Arc::new);
        Tijdig {
            current: std::sync::RwLock::new(own.clone()),
            own,
        }
    }

    pub fn app(&self) -> Result<std::sync::Arc<App>, AppError> {
        match self.current.read() {
            Ok(current) => current.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Shows `next` from now on (the example data, or the user's own again).
    pub(crate) fn switch(&self, next: Result<std::sync::Arc<App>, AppError>) {
        match self.current.write() {
            Ok(mut current) => *current = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
    }
}

pub type State<'a> = tauri::State<'a, Tijdig>;

#[tauri::command]
pub fn app_state(state: State<'_>) -> Result<dto::AppState, AppError> {
    state.app()?.state()
}

#[tauri::command]
pub fn set_ui_language(
    state: State<'_>,
    language: dto::Language,
) -> Result<dto::AppState, AppError> {
    state.app()?.set_ui_language(language)
}

#[tauri::command]
pub fn get_profile(state: State<'_>) -> Result<Option<dto::Profile>, AppError> {
    state.app()?.profile()
}

#[tauri::command]
pub fn save_profile(
    state: State<'_>,
    form: dto::ProfileForm,
) -> Result<Saved<dto::Profile>, AppError> {
    state.app()?.save_profile(&form)
}

#[tauri::command]
pub fn set_logo(state: State<'_>, upload: dto::LogoUpload) -> Result<dto::Profile, AppError> {
    state.app()?.set_logo(&upload)
}

#[tauri::command]
pub fn remove_logo(state: State<'_>) -> Result<dto::Profile, AppError> {
    state.app()?.remove_logo()
}

#[tauri::command]
pub fn list_clients(
    state: State<'_>,
    query: dto::ClientQuery,
) -> Result<Vec<dto::ClientSummary>, AppError> {
    state.app()?.clients(&query)
}

#[tauri::command]
pub fn get_client(state: State<'_>, id: i64) -> Result<dto::Client, AppError> {
    state.app()?.client(id)
}

#[tauri::command]
pub fn create_client(
    state: State<'_>,
    form: dto::ClientForm,
) -> Result<Saved<dto::Client>, AppError> {
    state.app()?.create_client(&form)
}

#[tauri::command]
pub fn update_client(
    state: State<'_>,
    id: i64,
    form: dto::ClientForm,
) -> Result<Saved<dto::Client>, AppError> {
    state.app()?.update_client(id, &form)
}

#[tauri::command]
pub fn set_client_archived(
    state: State<'_>,
    id: i64,
    archived: bool,
) -> Result<dto::Client, AppError> {
    state.app()?.set_client_archived(id, archived)
}

#[tauri::command]
pub fn list_invoices(
    state: State<'_>,
    query: dto::InvoiceQuery,
) -> Result<dto::InvoicePage, AppError> {
    state.app()?.invoices(&query)
}

#[tauri::command]
pub fn get_invoice(state: State<'_>, id: i64) -> Result<dto::Invoice, AppError> {
    state.app()?.invoice(id)
}

#[tauri::command]
pub fn preview_invoice(
    state: State<'_>,
    id: Option<i64>,
    form: dto::InvoiceForm,
) -> Result<dto::InvoicePreview, AppError> {
    state.app()?.preview_invoice(id, &form)
}

#[tauri::command]
pub fn create_invoice(state: State<'_>, form: dto::InvoiceForm) -> Result<dto::Invoice, AppError> {
    state.app()?.create_invoice(&form)
}

#[tauri::command]
pub fn update_invoice(
    state: State<'_>,
    id: i64,
    form: dto::InvoiceForm,
) -> Result<dto::Invoice, AppError> {
    state.app()?.update_invoice(id, &form)
}

#[tauri::command]
pub fn delete_invoice(state: State<'_>, id: i64) -> Result<(), AppError> {
    state.app()?.delete_invoice(id)
}

/// The betaallink a template gives for a sample invoice, shown in Settings before saving.
#[tauri::command]
pub fn payment_link_example(
    state: State<'_>,
    template: String,
) -> Result<dto::PaymentLinkExample, AppError> {
    state.app()?.payment_link_example(&template)
}

#[tauri::command]
pub fn issue_invoice(
    state: State<'_>,
    id: i64,
    unsigned: Option<bool>,
) -> Result<dto::Invoice, AppError> {
    state.app()?.issue_invoice_as(id, sealing(unsigned))
}

/// Unsigned only when the user chose it after hearing the keychain is unavailable.
pub(crate) fn sealing(unsigned: Option<bool>) -> tijdig_app::Sealing {
    if unsigned == Some(true) {
        tijdig_app::Sealing::Unsigned
    } else {
        tijdig_app::Sealing::Signed
    }
}

#[tauri::command]
pub fn duplicate_invoice(state: State<'_>, id: i64) -> Result<dto::Invoice, AppError> {
    state.app()?.duplicate_invoice(id)
}

#[tauri::command]
pub fn credit_invoice(
    state: State<'_>,
    id: i64,
    request: dto::CreditRequest,
) -> Result<dto::Invoice, AppError> {
    state.app()?.credit_invoice(id, &request)
}

#[tauri::command]
pub fn add_payment(
    state: State<'_>,
    id: i64,
    form: dto::PaymentForm,
) -> Result<dto::Invoice, AppError> {
    state.app()?.add_payment(id, &form)
}

#[tauri::command]
pub fn payment_proposal(
    state: State<'_>,
    id: i64,
    paid_on: String,
) -> Result<dto::PaymentProposal, AppError> {
    state.app()?.payment_proposal(id, &paid_on)
}

#[tauri::command]
pub fn waive_interest_and_costs(
    state: State<'_>,
    id: i64,
    form: dto::WaiverForm,
) -> Result<dto::Invoice, AppError> {
    state.app()?.waive_interest_and_costs(id, &form)
}

#[tauri::command]
pub fn get_invoice_settings(state: State<'_>) -> Result<dto::InvoiceSettings, AppError> {
    state.app()?.invoice_settings()
}

#[tauri::command]
pub fn save_invoice_settings(
    state: State<'_>,
    settings: dto::InvoiceSettings,
) -> Result<dto::InvoiceSettings, AppError> {
    state.app()?.save_invoice_settings(&settings)
}

#[tauri::command]
pub fn list_interest_rates(state: State<'_>) -> Result<Vec<dto::InterestRate>, AppError> {
    state.app()?.interest_rates()
}

#[tauri::command]
pub fn add_interest_rate(
    state: State<'_>,
    form: dto::InterestRateForm,
) -> Result<Vec<dto::InterestRate>, AppError> {
    state.app()?.add_interest_rate(&form)
}

#[tauri::command]
pub fn remove_interest_rate(
    state: State<'_>,
    kind: dto::InterestKind,
    valid_from: String,
) -> Result<Vec<dto::InterestRate>, AppError> {
    state.app()?.remove_interest_rate(kind, &valid_from)
}

#[tauri::command]
pub fn today_overview(state: State<'_>) -> Result<dto::Today, AppError> {
    state.app()?.today_overview()
}

#[tauri::command]
pub fn get_follow_up_policy(
    state: State<'_>,
    client_id: Option<i64>,
) -> Result<dto::FollowUpPolicy, AppError> {
    state.app()?.follow_up_policy(client_id)
}

#[tauri::command]
pub fn save_follow_up_policy(
    state: State<'_>,
    form: dto::PolicyForm,
) -> Result<dto::FollowUpPolicy, AppError> {
    state.app()?.save_follow_up_policy(&form)
}

#[tauri::command]
pub fn produce_letter(
    state: State<'_>,
    request: dto::LetterRequest,
    unsigned: Option<bool>,
) -> Result<dto::LetterResult, AppError> {
    state.app()?.produce_letter_as(&request, sealing(unsigned))
}

#[tauri::command]
pub fn record_contact(
    state: State<'_>,
    form: dto::ContactForm,
) -> Result<Vec<dto::DossierEntry>, AppError> {
    state.app()?.record_contact(&form)
}

#[tauri::command]
pub fn skip_step(state: State<'_>, request: dto::SkipRequest) -> Result<(), AppError> {
    state.app()?.skip_step(&request)
}

#[tauri::command]
pub fn get_dossier(state: State<'_>, client_id: i64) -> Result<Vec<dto::DossierEntry>, AppError> {
    state.app()?.dossier(client_id)
}

#[tauri::command]
pub fn open_dispute(state: State<'_>, form: dto::DisputeForm) -> Result<dto::Invoice, AppError> {
    state.app()?.open_dispute(&form)
}

#[tauri::command]
pub fn resolve_dispute(state: State<'_>, form: dto::DisputeForm) -> Result<dto::Invoice, AppError> {
    state.app()?.resolve_dispute(&form)
}

#[tauri::command]
pub fn preview_arrangement(
    state: State<'_>,
    form: dto::ArrangementForm,
) -> Result<dto::ArrangementPreview, AppError> {
    state.app()?.preview_arrangement(&form)
}

#[tauri::command]
pub fn create_arrangement(
    state: State<'_>,
    form: dto::ArrangementForm,
    unsigned: Option<bool>,
) -> Result<dto::Arrangement, AppError> {
    state.app()?.create_arrangement_as(&form, sealing(unsigned))
}

#[tauri::command]
pub fn get_arrangement(state: State<'_>, id: i64) -> Result<dto::Arrangement, AppError> {
    state.app()?.arrangement(id)
}

#[tauri::command]
pub fn list_arrangements(
    state: State<'_>,
    client_id: Option<i64>,
) -> Result<Vec<dto::Arrangement>, AppError> {
    state.app()?.arrangements(client_id)
}

#[tauri::command]
pub fn add_arrangement_payment(
    state: State<'_>,
    id: i64,
    form: dto::ArrangementPaymentForm,
) -> Result<dto::Arrangement, AppError> {
    state.app()?.add_arrangement_payment(id, &form)
}

#[tauri::command]
pub fn record_instalment_contact(
    state: State<'_>,
    form: dto::InstalmentContactForm,
) -> Result<(), AppError> {
    state.app()?.record_instalment_contact(&form)
}

#[tauri::command]
pub fn produce_instalment_reminder(
    state: State<'_>,
    arrangement_id: i64,
    instalment: u32,
    unsigned: Option<bool>,
) -> Result<dto::LetterResult, AppError> {
    state
        .app()?
        .produce_instalment_reminder_as(arrangement_id, instalment, sealing(unsigned))
}

#[tauri::command]
pub fn get_dashboard(state: State<'_>) -> Result<dto::Dashboard, AppError> {
    state.app()?.dashboard()
}

#[tauri::command]
pub fn get_payment_history(
    state: State<'_>,
    client_id: i64,
) -> Result<Vec<dto::PaymentHistoryItem>, AppError> {
    state.app()?.payment_history(client_id)
}

#[tauri::command]
pub fn backup_status(state: State<'_>) -> Result<dto::BackupStatus, AppError> {
    state.app()?.backup_status()
}

#[tauri::command]
pub fn make_backup(state: State<'_>) -> Result<dto::BackupStatus, AppError> {
    state.app()?.make_backup()
}

#[tauri::command]
pub fn inspect_backup(state: State<'_>, name: String) -> Result<dto::BackupInspection, AppError> {
    state.app()?.inspect_backup(&name)
}

#[tauri::command]
pub fn restore_backup(
    state: State<'_>,
    name: String,
    accept_loss: bool,
) -> Result<dto::BackupStatus, AppError> {
    state.app()?.restore_backup(&name, accept_loss)
}

#[tauri::command]
pub fn set_letter_delivered(
    state: State<'_>,
    letter_id: i64,
    delivered_on: String,
) -> Result<Vec<dto::DossierEntry>, AppError> {
    state.app()?.set_letter_delivered(letter_id, &delivered_on)
}

/// "Verstuurd per post op …": the letter went into the mail on `posted_on` (dd-mm-jjjj).
#[tauri::command]
pub fn mark_letter_posted(
    state: State<'_>,
    id: i64,
    posted_on: String,
) -> Result<dto::Letter, AppError> {
    state.app()?.mark_letter_posted(id, &posted_on)
}

/// Called once by the UI when its first screen has rendered with data: one line on standard
/// error with the wall-clock time (ms since the Unix epoch), which the start-up benchmark reads.
/// No file is written and nothing is read from the environment.
#[tauri::command]
pub fn mark_ready() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default();
    eprintln!("tijdig: interactive at {now}");
}
