//! What "Vandaag" asks per instalment: a contact a few days before it is due, a reminder once
//! it was missed (within the grace period). Each at most once, on contact days only.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use tijdig_domain::arrangement::{ArrangementState, InstalmentStatus};
use tijdig_domain::dates::{next_contact_moment, CONTACT_FROM_HOUR};
use tijdig_domain::follow_up::{DossierKind, FollowUpChannel, FollowUpStep};
use tijdig_domain::Language;
use tijdig_store::{NewDossierEntry, NewLetter, Store, StoreError};

use super::pdf;
use crate::plumbing::error::refused;
use crate::plumbing::error::Failure;
use crate::plumbing::format::amount;
use crate::plumbing::format::show_date;
use crate::plumbing::hashing::sha256_hex;
use crate::services::arrangement_state::{instalment_label, ledger};
use crate::{dto, App, AppError};

/// Days before an instalment's due date that the contact is planned.
pub(crate) const CONTACT_DAYS_BEFORE: u64 = 3;

struct Due {
    arrangement: tijdig_store::ArrangementRecord,
    instalment: tijdig_domain::arrangement::InstalmentState,
    action: &'static str,
}

fn due_actions(store: &Store, today: NaiveDate) -> Result<Vec<Due>, StoreError> {
    let last_contact = store.follow_up_state()?.last_contact;
    let mut out = Vec::new();
    for a in store.arrangements(None)? {
        let l = ledger(store, &a, today)?;
        if l.state != ArrangementState::Active {
            continue;
        }
        let done = |n: u32, action: &str| {
            a.actions
                .iter()
                .any(|x| x.instalment == n && x.action == action)
        };
        let contact_day = |planned: NaiveDate| {
            next_contact_moment(
                planned.max(today),
                CONTACT_FROM_HOUR,
                last_contact.get(&a.client_id).copied(),
            )
            .0
        };
        for s in &l.instalments {
            let n = s.instalment.number;
            let due = s.instalment.due;
            let action = match s.status {
                InstalmentStatus::Open if n > 0 && !done(n, "contact") => {
                    let planned = due
                        .checked_sub_days(Days::new(CONTACT_DAYS_BEFORE))
                        .unwrap_or(due);
                    (contact_day(planned) <= today).then_some("contact")
                }
                InstalmentStatus::Overdue if !done(n, "reminder") => {
                    (contact_day(due.succ_opt().unwrap_or(due)) <= today).then_some("reminder")
                }
                _ => None,
            };
            if let Some(action) = action {
                out.push(Due {
                    arrangement: a.clone(),
                    instalment: *s,
                    action,
                });
            }
        }
    }
    Ok(out)
}

/// The instalment steps for "Vandaag".
pub(crate) fn instalment_steps(
    store: &Store,
    today: NaiveDate,
    lang: Language,
) -> Result<Vec<dto::InstalmentStep>, StoreError> {
    let mut out = Vec::new();
    for d in due_actions(store, today)? {
        let client = store.client(d.arrangement.client_id)?.client;
        let n = d.instalment.instalment.number;
        let label = match (d.action, lang) {
            ("contact", Language::Nl) => format!(
                "{} valt op {}: herinner de klant vriendelijk",
                instalment_label(n, lang),
                show_date(d.instalment.instalment.due)
            ),
            ("contact", _) => format!(
                "{} falls due on {}: give the client a friendly reminder",
                instalment_label(n, lang),
                show_date(d.instalment.instalment.due)
            ),
            (_, Language::Nl) => format!(
                "{} is niet betaald: stuur een herinnering",
                instalment_label(n, lang)
            ),
            (_, _) => format!(
                "{} was not paid: send a reminder",
                instalment_label(n, lang)
            ),
        };
        out.push(dto::InstalmentStep {
            arrangement_id: d.arrangement.id,
            reference: d.arrangement.reference.clone(),
            client_id: d.arrangement.client_id,
            client_name: client.name,
            instalment: n,
            action: d.action.into(),
            label,
            due: show_date(d.instalment.instalment.due),
            amount: amount(d.instalment.instalment.amount - d.instalment.paid),
        });
    }
    Ok(out)
}

impl App {
    /// Logs the contact before an instalment is due (call or e-mail), once.
    pub fn record_instalment_contact(
        &self,
        form: &dto::InstalmentContactForm,
    ) -> Result<(), AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let today = self.today();
            let run = |store: &mut Store| -> Result<(), Failure> {
                let a = store.arrangement(form.arrangement_id)?;
                let kind: DossierKind = form.kind.into();
                if !matches!(kind, DossierKind::Call | DossierKind::Email) {
                    return Err(StoreError::NotFound.into());
                }
                let entry = NewDossierEntry {
                    client_id: a.client_id,
                    at: self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                    kind,
                    step: None,
                    outcome: None,
                    note: Some(format!(
                        "{} · {}{}",
                        a.reference,
                        instalment_label(form.instalment, lang),
                        Some(form.note.trim())
                            .filter(|n| !n.is_empty())
                            .map(|n| format!(" · {n}"))
                            .unwrap_or_default()
                    )),
                    promised_on: None,
                    invoice_ids: a.invoice_ids.clone(),
                    done_on: None,
                };
                store.record_instalment_action::<Failure>(
                    form.arrangement_id,
                    form.instalment,
                    "contact",
                    today,
                    &entry,
                    None,
                )?;
                Ok(())
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// Makes the reminder letter for a missed instalment (once) and logs it.
    pub fn produce_instalment_reminder(
        &self,
        arrangement_id: i64,
        instalment: u32,
    ) -> Result<dto::LetterResult, AppError> {
        self.produce_instalment_reminder_as(
            arrangement_id,
            instalment,
            crate::services::signing::Sealing::Signed,
        )
    }

    /// [`App::produce_instalment_reminder`], unsigned when the user chose that (the dossier
    /// says so).
    pub fn produce_instalment_reminder_as(
        &self,
        arrangement_id: i64,
        instalment: u32,
        sealing: crate::services::signing::Sealing,
    ) -> Result<dto::LetterResult, AppError> {
        self.with_store(|store, lang| {
            let today = self.today();
            let run = |store: &mut Store| -> Result<dto::LetterResult, Failure> {
                let a = store.arrangement(arrangement_id)?;
                let l = ledger(store, &a, today)?;
                let (Some(state), Some(stored)) = (
                    l.instalments.iter().find(|s| s.instalment.number == instalment),
                    a.instalments.iter().find(|s| s.instalment.number == instalment),
                ) else {
                    return Err(StoreError::NotFound.into());
                };
                if state.status != InstalmentStatus::Overdue || l.state != ArrangementState::Active {
                    return Err(refused(match lang {
                        Language::Nl => "Deze termijn is niet gemist, of de regeling loopt niet meer: er is geen herinnering nodig.",
                        Language::En => "This instalment was not missed, or the arrangement no longer runs: no reminder is needed.",
                    }.into(), Vec::new()));
                }
                let client = store.client(a.client_id)?.client;
                let profile = store.profile()?.ok_or(StoreError::NotFound)?;
                let logo = store.logo()?;
                let at = self.local_now();
                let open_on_instalment = state.instalment.amount - state.paid;
                let deadline = state.instalment.due.checked_add_days(Days::new(u64::from(a.grace_days))).unwrap_or(state.instalment.due);
                let accelerated = (a.debt.total() - l.paid_total).max(Decimal::ZERO) + l.running_interest;
                let subject = match lang {
                    Language::Nl => format!("Herinnering {} {}", instalment_label(instalment, lang).to_lowercase(), a.reference),
                    Language::En => format!("Reminder {} {}", instalment_label(instalment, lang).to_lowercase(), a.reference),
                };
                let letter = NewLetter {
                    step: FollowUpStep::Reminder,
                    letter_date: today,
                    channel: FollowUpChannel::Letter,
                    language: client.document_language.code().into(),
                    total: open_on_instalment,
                    costs: None,
                    costs_due_from: None,
                    costs_principal: None,
                    pending_email: None,
                    // An instalment reminder starts no verzuim: it counts as sent on its date.
                    awaits_posting: None,
                };
                let entry = NewDossierEntry {
                    client_id: a.client_id,
                    at: at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    kind: DossierKind::Letter,
                    step: Some(FollowUpStep::Reminder),
                    outcome: None,
                    note: Some(crate::services::signing::unsigned_note(subject, sealing, lang)),
                    promised_on: None,
                    invoice_ids: a.invoice_ids.clone(),
                    done_on: None,
                };
                let link_template = crate::services::invoice_settings::payment_link_template(store);
                let sealer = self.sealer(store, sealing, lang).map_err(Failure::App)?;
                let render = |reference: &str| -> Result<(Vec<u8>, String), Failure> {
                    let content = pdf::reminder(&pdf::ReminderInput {
                        profile: &profile,
                        logo: logo.as_ref(),
                        client: &client,
                        arrangement_reference: &a.reference,
                        start: a.start_date,
                        instalment: state.instalment,
                        payment_reference: &stored.payment_reference,
                        open_on_instalment,
                        deadline,
                        accelerated_amount: accelerated,
                        letter_reference: reference,
                        date: today,
                        at,
                        payment_link: link_template.as_deref(),
                    });
                    let bytes = crate::services::documents::letter_layout::render(&content).map_err(|err| {
                        eprintln!("tijdig: rendering reminder {reference} failed: {err}");
                        refused(match lang {
                            Language::Nl => "De herinnering kon niet worden gemaakt. Er is niets vastgelegd; probeer het opnieuw.",
                            Language::En => "The reminder could not be made. Nothing was recorded; try again.",
                        }.into(), Vec::new())
                    })?;
                    let reason = match lang {
                        Language::Nl => format!("Herinnering {reference}"),
                        Language::En => format!("Reminder {reference}"),
                    };
                    let bytes = sealer.seal(bytes, &reason, lang).map_err(Failure::App)?;
                    let sha = sha256_hex(&bytes);
                    Ok((bytes, sha))
                };
                let record = store
                    .record_instalment_action(arrangement_id, instalment, "reminder", today, &entry, Some((&letter, Box::new(render))))?
                    .ok_or(StoreError::NotFound)?;
                let mut numbers = Vec::new();
                for id in &a.invoice_ids {
                    numbers.push(store.invoice(*id)?.issued.map(|i| i.number).unwrap_or_default());
                }
                Ok(dto::LetterResult {
                    letter: crate::plumbing::mapping::letter_dto(&record, numbers, &client.name, lang),
                    email: None,
                })
            };
            run(store).map_err(|f| f.word(lang))
        })
    }
}
