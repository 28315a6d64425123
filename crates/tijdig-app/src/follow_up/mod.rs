//! Follow-up use-cases: "Vandaag", the policy (debiteurenbeleid), letters, logging contacts,
//! disputes and the dossier (nl-rules-sources §6; issue "Follow-up").

mod dossier;
mod export;
pub(crate) mod ladder;
pub(crate) mod letter;
pub(crate) use letter::letter_dto;
mod policy;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::dates::{CONTACT_FROM_HOUR, CONTACT_UNTIL_HOUR};
use tijdig_domain::follow_up::{advice, FollowUpStep, NextStep, WaitReason};
use tijdig_domain::limitation::{is_time_barred, limitation_date, limitation_warning};
use tijdig_domain::{is_public_holiday, Language};

use crate::invoice_form::show_date;
use crate::invoice_view::amount;
use crate::{dto, App, AppError};
use ladder::{load, LadderInvoice};

pub(crate) fn no_contact_day(today: NaiveDate, lang: Language) -> Option<String> {
    let sunday = chrono::Datelike::weekday(&today) == chrono::Weekday::Sun;
    if !sunday && !is_public_holiday(today) {
        return None;
    }
    Some(match lang {
        Language::Nl => "Vandaag is een zondag of feestdag: Tijdig plant dan geen contact met klanten. Wat vandaag zou vallen, staat morgen klaar.".into(),
        Language::En => "Today is a Sunday or public holiday: Tijdig plans no contact with clients. What would fall today is ready tomorrow.".into(),
    })
}

/// Between 20:00 and 07:00 no debtor is contacted (nl-rules-sources §6.4): the steps stay,
/// with a reminder to do them in the morning.
fn quiet_hours(now: chrono::NaiveDateTime, lang: Language) -> Option<String> {
    let hour = chrono::Timelike::hour(&now);
    if (CONTACT_FROM_HOUR..CONTACT_UNTIL_HOUR).contains(&hour) {
        return None;
    }
    Some(match lang {
        Language::Nl => "Het is nu tussen 20:00 en 07:00. Bel of mail klanten niet nu; doe deze stappen morgen vanaf 07:00.".into(),
        Language::En => "It is now between 20:00 and 07:00. Do not call or e-mail clients now; do these steps tomorrow from 07:00.".into(),
    })
}

pub(crate) fn step_invoice(inv: &LadderInvoice, today: NaiveDate) -> dto::StepInvoice {
    dto::StepInvoice {
        id: inv.record.id,
        number: inv.number.clone(),
        due_date: inv.due_date.to_string(),
        outstanding: amount(inv.outstanding),
        days_overdue: (today - inv.due_date).num_days().max(0),
    }
}

impl App {
    /// "Vandaag": every step due today or earlier, grouped by client (one action per client
    /// and step, covering all its invoices at that step); then what comes in the next 14 days,
    /// and what a dispute pauses.
    pub fn today_overview(&self) -> Result<dto::Today, AppError> {
        self.with_store(|store, lang| {
            let today = self.today();
            let ladder = load(store, today, None).map_err(|e| AppError::from_store(e, lang))?;
            let mut clients: Vec<dto::TodayClient> = Vec::new();
            let mut upcoming = Vec::new();
            let mut paused = Vec::new();
            let horizon = today + chrono::Duration::days(14);
            for inv in &ladder.invoices {
                let client_id = inv.record.draft.client_id;
                let Some(client) = ladder.clients.get(&client_id) else {
                    continue;
                };
                match inv.next {
                    NextStep::Planned(p) if p.is_due(today) => {
                        let position = match clients.iter().position(|c| c.client_id == client_id) {
                            Some(i) => i,
                            None => {
                                clients.push(dto::TodayClient {
                                    client_id,
                                    client_name: client.name.clone(),
                                    client_kind: client.kind.into(),
                                    phone: client.phone.clone(),
                                    email: client.email.clone(),
                                    advice: String::new(),
                                    steps: Vec::new(),
                                });
                                clients.len() - 1
                            }
                        };
                        let group = &mut clients[position];
                        let key = format!("{client_id}:{}", p.step.code());
                        match group.steps.iter_mut().find(|s| s.key == key) {
                            Some(step) => {
                                step.invoices.push(step_invoice(inv, today));
                                if p.planned_on.to_string() < step.planned_on {
                                    step.planned_on = p.planned_on.to_string();
                                }
                            }
                            None => group.steps.push(dto::TodayStep {
                                key,
                                step: p.step.into(),
                                policy_step: p.policy_step.into(),
                                step_label: p.step.label(lang).into(),
                                channel: p.channel.into(),
                                channel_label: p.channel.label(lang).into(),
                                planned_on: p.planned_on.to_string(),
                                invoices: vec![step_invoice(inv, today)],
                                total_outstanding: String::new(),
                                reason: String::new(),
                            }),
                        }
                        if group.advice.is_empty() {
                            group.advice = advice(client.debtor_type, p.step, lang).into();
                        }
                    }
                    NextStep::Planned(p) if p.actionable_on <= horizon => {
                        upcoming.push(dto::UpcomingStep {
                            client_id,
                            client_name: client.name.clone(),
                            invoice_id: inv.record.id,
                            invoice_number: inv.number.clone(),
                            step_label: p.step.label(lang).into(),
                            date: p.actionable_on.to_string(),
                        });
                    }
                    NextStep::Waiting(WaitReason::Disputed) => {
                        let reason = ladder
                            .state
                            .disputed
                            .get(&inv.record.id)
                            .map(|d| d.reason.clone())
                            .unwrap_or_default();
                        paused.push(dto::PausedInvoice {
                            client_id,
                            client_name: client.name.clone(),
                            invoice_id: inv.record.id,
                            invoice_number: inv.number.clone(),
                            reason,
                        });
                    }
                    _ => {}
                }
            }
            for client in &mut clients {
                for step in &mut client.steps {
                    let total: Decimal = step
                        .invoices
                        .iter()
                        .filter_map(|i| i.outstanding.parse::<Decimal>().ok())
                        .sum();
                    step.total_outstanding = amount(total);
                    let most = step
                        .invoices
                        .iter()
                        .map(|i| i.days_overdue)
                        .max()
                        .unwrap_or(0);
                    step.reason = match (most, lang) {
                        (0, Language::Nl) => "Nog niet vervallen".into(),
                        (0, Language::En) => "Not yet due".into(),
                        (d, Language::Nl) => format!("{d} dagen over de vervaldatum"),
                        (d, Language::En) => format!("{d} days past the due date"),
                    };
                }
            }
            clients.sort_by(|a, b| a.client_name.cmp(&b.client_name));
            upcoming.sort_by(|a, b| a.date.cmp(&b.date).then(a.client_name.cmp(&b.client_name)));
            Ok(dto::Today {
                today: show_date(today),
                rest_day: no_contact_day(today, lang),
                quiet_hours: quiet_hours(self.local_now(), lang),
                instalments: crate::arrangements::instalment_steps(store, today, lang)
                    .map_err(|e| AppError::from_store(e, lang))?,
                clients,
                upcoming,
                paused,
            })
        })
    }
}

/// The follow-up line on an invoice's page.
pub(crate) fn invoice_follow_up(
    store: &tijdig_store::Store,
    invoice_id: i64,
    client_id: i64,
    today: NaiveDate,
    lang: Language,
) -> Result<Option<dto::InvoiceFollowUp>, tijdig_store::StoreError> {
    let ladder = load(store, today, Some(client_id))?;
    let Some(inv) = ladder.invoices.iter().find(|i| i.record.id == invoice_id) else {
        return Ok(None);
    };
    let nl = lang == Language::Nl;
    let next = match inv.next {
        NextStep::Planned(p) => {
            let on = show_date(p.actionable_on.max(p.planned_on.min(today)));
            if p.is_due(today) {
                if nl {
                    format!("{} staat klaar op Vandaag.", p.step.label(lang))
                } else {
                    format!("{} is ready on Today.", p.step.label(lang))
                }
            } else if nl {
                format!("Volgende stap: {} op {on}.", p.step.label(lang).to_lowercase())
            } else {
                format!("Next step: {} on {on}.", p.step.label(lang).to_lowercase())
            }
        }
        NextStep::Waiting(WaitReason::Settled) => if nl { "Niets meer open: geen opvolging nodig." } else { "Nothing open: no follow-up needed." }.into(),
        NextStep::Waiting(WaitReason::Disputed) => if nl { "Betwist: de opvolging staat stil tot de betwisting is opgelost." } else { "Disputed: follow-up is paused until the dispute is resolved." }.into(),
        NextStep::Waiting(WaitReason::Arrangement) => if nl { "Valt onder een betalingsregeling: de opvolging staat stil zolang de klant zich eraan houdt." } else { "Part of a payment arrangement: follow-up is paused while the client keeps to it." }.into(),
        NextStep::Waiting(WaitReason::DefaultNotStarted) => if nl { "De klant is nog niet in verzuim; het beleid heeft geen stap die dat begint. Stuur een ingebrekestelling." } else { "The client is not in default yet and the policy has no step that starts it. Send a notice of default." }.into(),
        NextStep::Finished => if nl { "Alle stappen van het beleid zijn gedaan." } else { "Every step of the policy has been done." }.into(),
    };
    let mut steps_done: Vec<(FollowUpStep, NaiveDate)> = ladder
        .state
        .done
        .get(&invoice_id)
        .cloned()
        .unwrap_or_default();
    steps_done.sort_by_key(|(_, d)| *d);
    // Verjaring (art. 3:307 BW, 5 years; art. 7:28 BW, 2 years for a consumer sale of goods)
    // counts from the due date, restarted by every written aanmaning (art. 3:317 BW).
    let from = store
        .last_letter_on(invoice_id)?
        .map_or(inv.due_date, |d| d.max(inv.due_date));
    let five = limitation_date(from, false);
    let two = limitation_date(from, true);
    let consumer = ladder
        .clients
        .get(&client_id)
        .is_some_and(|c| c.kind == tijdig_domain::ClientKind::Consumer);
    let open = inv.outstanding > rust_decimal::Decimal::ZERO;
    let limitation = match (consumer, nl) {
        (false, true) => format!("Verjaart op {}, tenzij je vóór die datum schriftelijk aanmaant.", show_date(five)),
        (false, false) => format!("Time-barred on {}, unless you send a written demand before then.", show_date(five)),
        (true, true) => format!("Verjaart op {} (bij verkoop van zaken aan een particulier al op {}), tenzij je vóór die datum schriftelijk aanmaant.", show_date(five), show_date(two)),
        (true, false) => format!("Time-barred on {} (for a sale of goods to a consumer already on {}), unless you send a written demand before then.", show_date(five), show_date(two)),
    };
    let warn_date = if consumer { two } else { five };
    Ok(Some(dto::InvoiceFollowUp {
        limitation_warning: open
            && (limitation_warning(today, warn_date) || is_time_barred(today, warn_date)),
        limitation,
        next,
        disputed: ladder
            .state
            .disputed
            .get(&invoice_id)
            .map(|d| dto::Dispute {
                opened_on: show_date(d.opened_on),
                reason: d.reason.clone(),
            }),
        steps_done: steps_done
            .iter()
            .map(|(s, d)| format!("{} — {}", s.label(lang), show_date(*d)))
            .collect(),
    }))
}
