//! A stored offer read back: its form, status, how it was accepted, the client as the offer
//! fixed it, and the wording of a refused answer. Shared by the offer, agreement, rendering
//! and contact modules of this use-case.

use chrono::NaiveDate;
use tijdig_domain::offer::{offer_status, OfferStatus};
use tijdig_domain::{Client, Language};
use tijdig_store::{AcceptedHow, OfferAnswer, OfferRecord, Store, StoreError};

use crate::dto;
use crate::plumbing::error::{refusal, Failure};

/// Days after delivery on which Tijdig plans the call to ask whether the client is satisfied,
/// well before a final invoice with a 14-day term falls due.
pub(super) const SATISFACTION_CHECK_DAYS: u64 = 3;

pub(super) fn how_to_dto(how: AcceptedHow) -> dto::AcceptedHow {
    match how {
        AcceptedHow::SignedPdf => dto::AcceptedHow::SignedPdf,
        AcceptedHow::Email => dto::AcceptedHow::Email,
        AcceptedHow::Paper => dto::AcceptedHow::Paper,
    }
}

pub(super) fn how_from_dto(how: dto::AcceptedHow) -> AcceptedHow {
    match how {
        dto::AcceptedHow::SignedPdf => AcceptedHow::SignedPdf,
        dto::AcceptedHow::Email => AcceptedHow::Email,
        dto::AcceptedHow::Paper => AcceptedHow::Paper,
    }
}

pub(super) fn stored_form(record: &OfferRecord) -> Result<dto::OfferForm, StoreError> {
    serde_json::from_str(&record.data.form_json)
        .map_err(|e| StoreError::Corrupt(format!("offer {} form: {e}", record.number)))
}

pub(super) fn status_of(record: &OfferRecord, today: NaiveDate) -> OfferStatus {
    offer_status(
        record.sent_on.is_some(),
        record.answer.map(|(a, _)| a == OfferAnswer::Accepted),
        record.data.valid_until,
        today,
    )
}

pub(super) fn answer_error(e: StoreError, lang: Language) -> Failure {
    match e {
        StoreError::AlreadyDone => refusal(
            lang,
            "Het antwoord op deze offerte is al vastgelegd.",
            "The answer to this quotation was already recorded.",
        ),
        StoreError::NotFound => refusal(
            lang,
            "Maak de offerte eerst definitief; daarna leg je het antwoord van je klant vast.",
            "Make the quotation final first; then record your client's answer.",
        ),
        other => other.into(),
    }
}

/// What of the client decides an offer's terms, kept when it is made final.
pub(super) fn client_snapshot(client: &Client) -> String {
    serde_json::json!({
        "kind": client.kind.code(),
        "largeCompany": client.large_company,
        "language": client.document_language.code(),
    })
    .to_string()
}

/// The offer's client: name and address as they are now, but kind, size and language as they
/// were when the offer was made final — the agreement confirms the terms that were offered.
pub(super) fn client_for(store: &Store, record: &OfferRecord) -> Result<Client, StoreError> {
    let mut client = store.client(record.data.client_id)?.client;
    if let Some(snapshot) = record
        .client_snapshot
        .as_deref()
        .and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
    {
        if let Some(kind) = snapshot["kind"]
            .as_str()
            .and_then(tijdig_domain::ClientKind::from_code)
        {
            client.kind = kind;
        }
        if let Some(large) = snapshot["largeCompany"].as_bool() {
            client.large_company = large;
        }
        if let Some(lang) = snapshot["language"].as_str().and_then(Language::from_code) {
            client.document_language = lang;
        }
    }
    Ok(client)
}
