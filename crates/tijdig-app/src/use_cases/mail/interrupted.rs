//! An e-mail cut off mid-send (issue "Nothing lost, nothing twice"): Tijdig stores a message as
//! `sending` before it contacts the server, so one still `sending` when Tijdig starts was
//! interrupted — the server may or may not have taken it. It becomes `unknown` ("onbekend"), with
//! a dossier entry, and waits on "Vandaag" for the user, who looks in their Sent folder and
//! chooses "Wel verstuurd" (it counts from the moment it was tried; a letter's step is then
//! done) or "Opnieuw versturen" (the same Message-ID, `send.rs`).

use tijdig_domain::follow_up::DossierKind;
use tijdig_store::{EmailOutcome, NewDossierEntry, StoreError};

use super::send::{document_invoice_ids, sent_dto, store_err};
use crate::plumbing::format::say;
use crate::{dto, App, AppError, ErrorCode};

impl App {
    /// At start-up, before anything is sent: every message left `sending` becomes `unknown`.
    /// Returns them.
    pub fn recover_interrupted_emails(&self) -> Result<Vec<dto::SentEmail>, AppError> {
        self.with_store(|store, lang| {
            let at = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
            // The invoices of each message, read before the transaction that marks them.
            let pending = store.unsent_emails().map_err(store_err(lang))?;
            let invoices: Vec<(i64, Vec<i64>)> = pending
                .iter()
                .filter(|e| e.status == "sending")
                .map(|e| (e.id, document_invoice_ids(store, &e.document_kind, e.document_id)))
                .collect();
            let records = store
                .mark_interrupted_emails(|e| NewDossierEntry {
                    client_id: e.client_id,
                    at: at.clone(),
                    // A note, not a contact moment: whether it reached the debtor is unknown.
                    kind: DossierKind::Note,
                    step: None,
                    outcome: None,
                    note: Some(say(
                        lang,
                        &format!(
                            "Onbekend of de e-mail aan {} (onderwerp: {}) is verstuurd: Tijdig werd tijdens het versturen onderbroken.",
                            e.recipients, e.subject
                        ),
                        &format!(
                            "Unknown whether the e-mail to {} (subject: {}) was sent: Tijdig was cut off while sending it.",
                            e.recipients, e.subject
                        ),
                    )),
                    promised_on: None,
                    invoice_ids: invoices
                        .iter()
                        .find(|(id, _)| *id == e.id)
                        .map(|(_, ids)| ids.clone())
                        .unwrap_or_default(),
                    done_on: None,
                })
                .map_err(store_err(lang))?;
            Ok(records.iter().map(sent_dto).collect())
        })
    }

    /// "Wel verstuurd": the user found the message in their Sent folder. It counts as sent at
    /// the moment it was tried; a ladder letter's step is done from that day.
    pub fn confirm_email_sent(&self, id: i64) -> Result<dto::SentEmail, AppError> {
        self.with_store(|store, lang| {
            let email = store.sent_email(id).map_err(store_err(lang))?;
            if email.status != "unknown" {
                return Err(AppError {
                    code: ErrorCode::Conflict,
                    message: say(
                        lang,
                        "Van dit bericht is al bekend hoe het ging; er is niets veranderd.",
                        "How this message went is already known; nothing was changed.",
                    ),
                    fields: Vec::new(),
                });
            }
            let sent_at = email
                .attempted_at
                .clone()
                .unwrap_or_else(|| self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string());
            let step = match email.document_kind.as_str() {
                "letter" => store
                    .letter(email.document_id)
                    .ok()
                    .and_then(|l| l.pending_email.map(|p| p.step)),
                _ => None,
            };
            let entry = NewDossierEntry {
                client_id: email.client_id,
                at: self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                kind: DossierKind::Email,
                step,
                outcome: None,
                note: Some(say(
                    lang,
                    &format!(
                        "E-mail aan {} (onderwerp: {}) is wel verstuurd: gezien in de map Verzonden.",
                        email.recipients, email.subject
                    ),
                    &format!(
                        "E-mail to {} (subject: {}) was sent: seen in the Sent folder.",
                        email.recipients, email.subject
                    ),
                )),
                promised_on: None,
                invoice_ids: document_invoice_ids(store, &email.document_kind, email.document_id),
                done_on: None,
            };
            let response = say(
                lang,
                "Bevestigd door jou (map Verzonden)",
                "Confirmed by you (Sent folder)",
            );
            let record = store
                .finish_email(id, EmailOutcome::Sent { response: &response }, &sent_at, &entry)
                .map_err(|e| match e {
                    StoreError::AlreadyDone => AppError {
                        code: ErrorCode::Conflict,
                        message: say(
                            lang,
                            "Van dit bericht is al bekend hoe het ging; er is niets veranderd.",
                            "How this message went is already known; nothing was changed.",
                        ),
                        fields: Vec::new(),
                    },
                    other => AppError::from_store(other, lang),
                })?;
            Ok(sent_dto(&record))
        })
    }
}
