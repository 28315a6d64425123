//! Offers and agreements: thin adapters to the app's use-cases, plus the desktop's part —
//! picking the algemene voorwaarden or a countersigned copy, saving and opening the PDFs.

use crate::commands::{sealing, State};
use crate::documents::{pick_file, save_as, show, unusable_place, viewer_dir, PDF};
use tijdig_app::{dto, AppError};

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[tauri::command]
pub fn new_offer_form(
    state: State<'_>,
    client_id: Option<i64>,
) -> Result<dto::OfferForm, AppError> {
    state.app()?.new_offer_form(client_id)
}

#[tauri::command]
pub fn preview_offer(state: State<'_>, form: dto::OfferForm) -> Result<dto::OfferReview, AppError> {
    state.app()?.preview_offer(&form)
}

#[tauri::command]
pub fn save_offer(
    state: State<'_>,
    id: Option<i64>,
    form: dto::OfferForm,
) -> Result<dto::Offer, AppError> {
    state.app()?.save_offer(id, &form)
}

#[tauri::command]
pub fn delete_offer(state: State<'_>, id: i64) -> Result<(), AppError> {
    state.app()?.delete_offer(id)
}

#[tauri::command]
pub fn list_offers(
    state: State<'_>,
    client_id: Option<i64>,
) -> Result<Vec<dto::OfferSummary>, AppError> {
    state.app()?.offers(client_id)
}

#[tauri::command]
pub fn get_offer(state: State<'_>, id: i64) -> Result<dto::Offer, AppError> {
    state.app()?.offer(id)
}

#[tauri::command]
pub fn finalise_offer(
    state: State<'_>,
    id: i64,
    unsigned: Option<bool>,
) -> Result<dto::Offer, AppError> {
    state.app()?.finalise_offer_as(id, sealing(unsigned))
}

#[tauri::command]
pub fn reject_offer(
    state: State<'_>,
    id: i64,
    on: String,
    note: String,
) -> Result<dto::Offer, AppError> {
    state.app()?.reject_offer(id, &on, &note)
}

#[tauri::command]
pub fn accept_offer(
    state: State<'_>,
    id: i64,
    form: dto::AcceptanceForm,
    unsigned: Option<bool>,
) -> Result<dto::Offer, AppError> {
    state.app()?.accept_offer_as(id, &form, sealing(unsigned))
}

/// "Getekend exemplaar registreren": the client's signed PDF or a scan (`TIJDIG_PICK_SIGNED`
/// answers for tests). `None` when the user cancels.
#[tauri::command]
pub async fn register_countersigned(
    app: tauri::AppHandle,
    state: State<'_>,
    agreement_id: i64,
) -> Result<Option<dto::Offer>, AppError> {
    let Some(file) = pick_file(
        &app,
        "TIJDIG_PICK_SIGNED",
        ("PDF of scan", &["pdf", "jpg", "jpeg", "png"]),
    )?
    else {
        return Ok(None);
    };
    let bytes = std::fs::read(&file).map_err(unusable_place)?;
    Ok(Some(state.app()?.register_countersigned(
        agreement_id,
        &file_name(&file),
        &bytes,
    )?))
}

#[tauri::command]
pub fn mark_agreement_delivered(
    state: State<'_>,
    agreement_id: i64,
    on: String,
) -> Result<dto::Offer, AppError> {
    state.app()?.mark_agreement_delivered(agreement_id, &on)
}

#[tauri::command]
pub fn invoice_agreement_line(
    state: State<'_>,
    agreement_id: i64,
    line: u32,
) -> Result<dto::Invoice, AppError> {
    state.app()?.invoice_agreement_line(agreement_id, line)
}

fn save_pdf(
    app: &tauri::AppHandle,
    state: &State<'_>,
    (name, bytes): (String, Vec<u8>),
) -> Result<Option<String>, AppError> {
    let Some(target) = save_as(app, &name, PDF)? else {
        return Ok(None);
    };
    state.app()?.write_document(&target, &bytes)?;
    Ok(Some(target.display().to_string()))
}

fn open_pdf(
    app: &tauri::AppHandle,
    state: &State<'_>,
    (name, bytes): (String, Vec<u8>),
) -> Result<String, AppError> {
    let path = viewer_dir(app)?.join(name);
    state.app()?.write_document(&path, &bytes)?;
    show(app, &path)
}

#[tauri::command]
pub async fn save_offer_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<Option<String>, AppError> {
    save_pdf(&app, &state, state.app()?.offer_pdf(id)?)
}

#[tauri::command]
pub async fn open_offer_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    id: i64,
) -> Result<String, AppError> {
    open_pdf(&app, &state, state.app()?.offer_pdf(id)?)
}

#[tauri::command]
pub async fn save_agreement_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    agreement_id: i64,
) -> Result<Option<String>, AppError> {
    save_pdf(&app, &state, state.app()?.agreement_pdf(agreement_id)?)
}

#[tauri::command]
pub async fn open_agreement_pdf(
    app: tauri::AppHandle,
    state: State<'_>,
    agreement_id: i64,
) -> Result<String, AppError> {
    open_pdf(&app, &state, state.app()?.agreement_pdf(agreement_id)?)
}

#[tauri::command]
pub fn list_terms_documents(state: State<'_>) -> Result<Vec<dto::TermsDocument>, AppError> {
    state.app()?.terms_documents()
}

/// The algemene voorwaarden on a client's page.
#[tauri::command]
pub fn client_terms(state: State<'_>, client_id: i64) -> Result<dto::ClientTerms, AppError> {
    state.app()?.client_terms(client_id)
}

/// The client accepted a version outside Tijdig.
#[tauri::command]
pub fn record_terms_acceptance(
    state: State<'_>,
    client_id: i64,
    form: dto::TermsAcceptanceForm,
) -> Result<dto::ClientTerms, AppError> {
    state.app()?.record_terms_acceptance(client_id, &form)
}

/// An acceptance recorded by mistake.
#[tauri::command]
pub fn remove_terms_acceptance(
    state: State<'_>,
    client_id: i64,
    id: i64,
) -> Result<dto::ClientTerms, AppError> {
    state.app()?.remove_terms_acceptance(client_id, id)
}

/// Afspraken bij te late betaling of one version of the algemene voorwaarden.
#[tauri::command]
pub fn save_late_payment_terms(
    state: State<'_>,
    id: i64,
    form: dto::LatePaymentTermsForm,
) -> Result<dto::TermsDocument, AppError> {
    state.app()?.save_late_payment_terms(id, &form)
}

/// "Voorwaarden uploaden": the user's PDF (`TIJDIG_PICK_TERMS` answers for tests) becomes the
/// next version. `None` when the user cancels.
#[tauri::command]
pub async fn upload_terms_document(
    app: tauri::AppHandle,
    state: State<'_>,
) -> Result<Option<dto::TermsDocument>, AppError> {
    let Some(file) = pick_file(&app, "TIJDIG_PICK_TERMS", PDF)? else {
        return Ok(None);
    };
    let bytes = std::fs::read(&file).map_err(unusable_place)?;
    Ok(Some(
        state.app()?.add_terms_document(&file_name(&file), &bytes)?,
    ))
}

#[tauri::command]
pub fn list_text_blocks(state: State<'_>) -> Result<Vec<dto::TextBlock>, AppError> {
    state.app()?.text_blocks()
}

#[tauri::command]
pub fn add_text_block(
    state: State<'_>,
    kind: String,
    title: String,
    body: String,
) -> Result<dto::TextBlock, AppError> {
    state.app()?.add_text_block(&kind, &title, &body)
}

#[tauri::command]
pub fn delete_text_block(state: State<'_>, id: i64) -> Result<(), AppError> {
    state.app()?.delete_text_block(id)
}

#[tauri::command]
pub fn get_client_acceptance(
    state: State<'_>,
    client_id: i64,
) -> Result<dto::ClientAcceptance, AppError> {
    state.app()?.client_acceptance(client_id)
}

#[tauri::command]
pub fn save_client_acceptance(
    state: State<'_>,
    client_id: i64,
    form: dto::ClientAcceptanceForm,
) -> Result<dto::ClientAcceptance, AppError> {
    state.app()?.save_client_acceptance(client_id, &form)
}

#[tauri::command]
pub fn offer_contacts(state: State<'_>) -> Result<Vec<dto::OfferContact>, AppError> {
    state.app()?.offer_contacts()
}

#[tauri::command]
pub fn record_offer_follow_up(
    state: State<'_>,
    offer_id: i64,
    note: String,
) -> Result<dto::Offer, AppError> {
    state.app()?.record_offer_follow_up(offer_id, &note)
}

#[tauri::command]
pub fn record_satisfaction_check(
    state: State<'_>,
    agreement_id: i64,
    note: String,
) -> Result<dto::Offer, AppError> {
    state.app()?.record_satisfaction_check(agreement_id, &note)
}
