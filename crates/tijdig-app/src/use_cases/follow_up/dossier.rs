//! Logging contacts (calls, e-mails, notes, promises to pay), skipping steps, disputes and
//! reading the dossier.

use std::collections::HashMap;
use tijdig_domain::follow_up::{DossierKind, FollowUpStep};
use tijdig_domain::Language;
use tijdig_store::{NewDossierEntry, Store, StoreError};

use crate::plumbing::error::refused;
use crate::plumbing::error::Failure;
use crate::plumbing::format::parse_date;
use crate::plumbing::format::show_date;
use crate::{dto, App, AppError, FieldMessage};

use crate::plumbing::mapping::letter_dto;

fn outcome_code(o: dto::CallOutcome) -> &'static str {
    match o {
        dto::CallOutcome::Reached => "reached",
        dto::CallOutcome::NoAnswer => "no_answer",
        dto::CallOutcome::Voicemail => "voicemail",
    }
}

fn outcome_label(code: &str, lang: Language) -> Option<String> {
    let nl = lang == Language::Nl;
    Some(
        match code {
            "reached" => {
                if nl {
                    "Gesproken"
                } else {
                    "Reached"
                }
            }
            "no_answer" => {
                if nl {
                    "Niet bereikt"
                } else {
                    "No answer"
                }
            }
            "voicemail" => {
                if nl {
                    "Voicemail ingesproken"
                } else {
                    "Left a voicemail"
                }
            }
            _ => return None,
        }
        .into(),
    )
}

/// Checks that every invoice is an issued invoice of the client.
fn check_invoices(store: &Store, client_id: i64, ids: &[i64]) -> Result<(), StoreError> {
    store.client(client_id)?;
    for id in ids {
        let record = store.invoice(*id)?;
        if record.draft.client_id != client_id || record.issued.is_none() {
            return Err(StoreError::NotFound);
        }
    }
    Ok(())
}

impl App {
    fn stamp(&self) -> String {
        self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string()
    }

    /// Logs a call, an e-mail sent by hand, a note or a promise to pay. A call that reached
    /// the client, or an e-mail, carries out the ladder step it names (the contact moment); a
    /// call that did not reach them is logged and the step stays (tomorrow, one contact a day).
    pub fn record_contact(
        &self,
        form: &dto::ContactForm,
    ) -> Result<Vec<dto::DossierEntry>, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let today = self.today();
            let run = |store: &mut Store| -> Result<(), Failure> {
                let kind: DossierKind = form.kind.into();
                if !matches!(
                    kind,
                    DossierKind::Call
                        | DossierKind::Email
                        | DossierKind::Note
                        | DossierKind::Promise
                        | DossierKind::Message
                ) {
                    return Err(refused(
                        match lang {
                            Language::Nl => "Dit soort regel maakt Tijdig zelf.",
                            Language::En => "Tijdig makes this kind of entry itself.",
                        }
                        .into(),
                        Vec::new(),
                    ));
                }
                let promised_on = if form.promised_on.trim().is_empty() {
                    None
                } else {
                    Some(parse_date(&form.promised_on).map_err(|issue| {
                        refused(
                            issue.message(lang),
                            vec![FieldMessage {
                                field: "promisedOn".into(),
                                code: issue.code().into(),
                                message: issue.message(lang),
                            }],
                        )
                    })?)
                };
                if kind == DossierKind::Promise && promised_on.is_none() {
                    let message = match lang {
                        Language::Nl => "Vul in op welke datum de klant belooft te betalen.",
                        Language::En => "Enter the date by which the client promises to pay.",
                    };
                    return Err(refused(
                        message.into(),
                        vec![FieldMessage {
                            field: "promisedOn".into(),
                            code: "required".into(),
                            message: message.into(),
                        }],
                    ));
                }
                if kind == DossierKind::Note && form.note.trim().is_empty() {
                    let message = match lang {
                        Language::Nl => "Schrijf iets in de notitie.",
                        Language::En => "Write something in the note.",
                    };
                    return Err(refused(
                        message.into(),
                        vec![FieldMessage {
                            field: "note".into(),
                            code: "required".into(),
                            message: message.into(),
                        }],
                    ));
                }
                check_invoices(store, form.client_id, &form.invoice_ids)?;
                let step: Option<FollowUpStep> = form.step.map(Into::into);
                // A message is never written notice (art. 6:82 lid 1, 6:96 lid 6 BW): it may
                // carry out the contact moment or the reminder, nothing further.
                if kind == DossierKind::Message && step.is_some_and(|s| !s.may_be_a_message()) {
                    return Err(refused(
                        match lang {
                            Language::Nl => "Een sms of WhatsApp-bericht telt niet als schriftelijke aanmaning, ingebrekestelling of 14-dagenbrief: maak de brief met de knop bij de stap.",
                            Language::En => "A text or WhatsApp message does not count as a written dunning letter, notice of default or 14-day letter: make the letter with the step's button.",
                        }
                        .into(),
                        Vec::new(),
                    ));
                }
                if kind != DossierKind::Message && step.is_some_and(FollowUpStep::is_letter) {
                    return Err(refused(
                        match lang {
                            Language::Nl => "Een brief maak je met de knop bij de stap.",
                            Language::En => "Make a letter with the step's button.",
                        }
                        .into(),
                        Vec::new(),
                    ));
                }
                let carries_out = match kind {
                    DossierKind::Call => form.outcome == Some(dto::CallOutcome::Reached),
                    DossierKind::Email | DossierKind::Message => true,
                    _ => false,
                };
                let entry = NewDossierEntry {
                    client_id: form.client_id,
                    at: self.stamp(),
                    kind,
                    step,
                    outcome: form.outcome.map(|o| outcome_code(o).to_string()),
                    note: Some(form.note.trim().to_string()).filter(|n| !n.is_empty()),
                    promised_on,
                    invoice_ids: form.invoice_ids.clone(),
                    done_on: (carries_out && step.is_some()).then_some(today),
                };
                store.record_entry(&entry)?;
                Ok(())
            };
            run(store).map_err(|f| f.word(lang))
        })?;
        self.dossier(form.client_id)
    }

    /// Skips a ladder step for some invoices (logged with the reason).
    pub fn skip_step(&self, req: &dto::SkipRequest) -> Result<(), AppError> {
        self.with_store(|store, lang| {
            let today = self.today();
            let run = |store: &mut Store| -> Result<(), Failure> {
                check_invoices(store, req.client_id, &req.invoice_ids)?;
                // Only the invoices' current step can be skipped (never one further on, which
                // would jump the ladder past the ingebrekestelling).
                let ladder = crate::services::ladder::load(store, today, Some(req.client_id))?;
                let policy_step: FollowUpStep = req.step.into();
                for id in &req.invoice_ids {
                    let current = ladder
                        .invoices
                        .iter()
                        .find(|i| i.record.id == *id)
                        .map(|i| i.next);
                    if !matches!(current, Some(tijdig_domain::follow_up::NextStep::Planned(p)) if p.policy_step == policy_step) {
                        return Err(StoreError::AlreadyDone.into());
                    }
                }
                store.record_entry(&NewDossierEntry {
                    client_id: req.client_id,
                    at: self.stamp(),
                    kind: DossierKind::StepSkipped,
                    step: Some(req.step.into()),
                    outcome: None,
                    note: Some(req.note.trim().to_string()).filter(|n| !n.is_empty()),
                    promised_on: None,
                    invoice_ids: req.invoice_ids.clone(),
                    done_on: Some(today),
                })?;
                Ok(())
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// Registers that the client disputes an invoice (betwist): its ladder pauses.
    pub fn open_dispute(&self, form: &dto::DisputeForm) -> Result<dto::Invoice, AppError> {
        self.dispute(form, true)
    }

    /// Resolves the dispute of an invoice: its ladder resumes.
    pub fn resolve_dispute(&self, form: &dto::DisputeForm) -> Result<dto::Invoice, AppError> {
        self.dispute(form, false)
    }

    fn dispute(&self, form: &dto::DisputeForm, open: bool) -> Result<dto::Invoice, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let today = self.today();
            let run = |store: &mut Store| -> Result<(), Failure> {
                let note = form.note.trim().to_string();
                if open && note.is_empty() {
                    let message = match lang {
                        Language::Nl => "Schrijf op wat de klant betwist; dat heb je later nodig.",
                        Language::En => {
                            "Write down what the client disputes; you will need it later."
                        }
                    };
                    return Err(refused(
                        message.into(),
                        vec![FieldMessage {
                            field: "note".into(),
                            code: "required".into(),
                            message: message.into(),
                        }],
                    ));
                }
                let record = store.invoice(form.invoice_id)?;
                if record.issued.is_none() {
                    return Err(StoreError::NotFound.into());
                }
                let entry = NewDossierEntry {
                    client_id: record.draft.client_id,
                    at: self.stamp(),
                    kind: if open {
                        DossierKind::Dispute
                    } else {
                        DossierKind::DisputeResolved
                    },
                    step: None,
                    outcome: None,
                    note: Some(note).filter(|n| !n.is_empty()),
                    promised_on: None,
                    invoice_ids: vec![form.invoice_id],
                    done_on: None,
                };
                if open {
                    store.open_dispute(form.invoice_id, today, &entry)?;
                } else {
                    store.resolve_dispute(form.invoice_id, today, &entry)?;
                }
                Ok(())
            };
            run(store).map_err(|f| f.word(lang))
        })?;
        self.invoice(form.invoice_id)
    }

    /// A client's dossier, newest first.
    pub fn dossier(&self, client_id: i64) -> Result<Vec<dto::DossierEntry>, AppError> {
        self.with_store(|store, lang| {
            let read = || -> Result<Vec<dto::DossierEntry>, StoreError> {
                let client = store.client(client_id)?.client;
                // The client's invoice numbers, read once (an entry names its own client's
                // invoices; any other is read on its own).
                let mut numbers: HashMap<i64, String> = store.invoice_numbers(client_id)?;
                let mut number = |id: i64| -> Result<String, StoreError> {
                    if let Some(n) = numbers.get(&id) {
                        return Ok(n.clone());
                    }
                    let n = store
                        .invoice(id)?
                        .issued
                        .map(|i| i.number)
                        .unwrap_or_default();
                    numbers.insert(id, n.clone());
                    Ok(n)
                };
                let mut out = Vec::new();
                for e in store.dossier(client_id)? {
                    let invoice_numbers = e
                        .invoice_ids
                        .iter()
                        .map(|id| number(*id))
                        .collect::<Result<Vec<_>, _>>()?;
                    let at = chrono::NaiveDateTime::parse_from_str(&e.at, "%Y-%m-%dT%H:%M:%S")
                        .map(|t| t.format("%d-%m-%Y %H:%M").to_string())
                        .unwrap_or_else(|_| e.at.clone());
                    out.push(dto::DossierEntry {
                        id: e.id,
                        at,
                        kind: e.kind.into(),
                        kind_label: e.kind.label(lang).into(),
                        // A letter names the step it carried out (the ingebrekestelling, not
                        // the policy's aanmaning).
                        step_label: e
                            .letter
                            .as_ref()
                            .map(|l| l.step)
                            .or(e.step)
                            .map(|s| s.label(lang).to_string()),
                        outcome_label: e.outcome.as_deref().and_then(|o| outcome_label(o, lang)),
                        note: e.note.unwrap_or_default(),
                        promised_on: e.promised_on.map(show_date),
                        letter: e
                            .letter
                            .as_ref()
                            .map(|l| letter_dto(l, invoice_numbers.clone(), &client.name, lang)),
                        invoice_numbers,
                    });
                }
                Ok(out)
            };
            read().map_err(|e| AppError::from_store(e, lang))
        })
    }
}
