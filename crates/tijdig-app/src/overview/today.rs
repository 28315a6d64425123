//! "Vandaag": every ladder step due today or earlier, grouped by client (one action per client
//! and step, covering all its invoices at that step), what comes in the next 14 days, what a
//! dispute pauses, and the instalments of payment arrangements that ask for something today.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::dates::{CONTACT_FROM_HOUR, CONTACT_UNTIL_HOUR};
use tijdig_domain::follow_up::{advice, NextStep, WaitReason};
use tijdig_domain::interest::InterestKind;
use tijdig_domain::Language;

use crate::plumbing::format::{amount, show_date};
use crate::services::claim::rate_table;
use crate::services::ladder::{load, no_contact_day, remember_settled, LadderInvoice};
use crate::use_cases::arrangements::instalment_steps;
use crate::{dto, App, AppError};

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

fn step_invoice(inv: &LadderInvoice, today: NaiveDate) -> dto::StepInvoice {
    dto::StepInvoice {
        id: inv.record.id,
        number: inv.number.clone(),
        due_date: inv.due_date.to_string(),
        outstanding: amount(inv.claim.total_open()),
        days_overdue: (today - inv.due_date).num_days().max(0),
    }
}

impl App {
    /// "Vandaag": every step due today or earlier, grouped by client (one action per client
    /// and step, covering all its invoices at that step); then what comes in the next 14 days,
    /// and what a dispute pauses.
    pub fn today_overview(&self) -> Result<dto::Today, AppError> {
        // Periodic invoices whose day came are made first, so Vandaag lists them and their
        // follow-up starts from them.
        self.make_scheduled_invoices()?;
        let scheduled = self.recent_scheduled_invoices()?;
        self.with_store(|store, lang| {
            let today = self.today();
            let ladder = load(store, today, None)
                .and_then(|ladder| remember_settled(store, &ladder, today).map(|()| ladder))
                .map_err(|e| AppError::from_store(e, lang))?;
            let mut clients: Vec<dto::TodayClient> = Vec::new();
            // Where each client's group is in `clients` (thousands of open invoices).
            let mut position_of: std::collections::HashMap<i64, usize> =
                std::collections::HashMap::new();
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
                        let position = match position_of.get(&client_id) {
                            Some(i) => *i,
                            None => {
                                position_of.insert(client_id, clients.len());
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
                                awaiting_post: None,
                                message_allowed: p.policy_step.may_be_a_message(),
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
            // A letter made for a step and not posted yet: the step waits for "verstuurd per
            // post", and making it again opens that letter.
            let waiting = store
                .letters_awaiting_post()
                .map_err(|e| AppError::from_store(e, lang))?;
            for client in &mut clients {
                for step in &mut client.steps {
                    let made = waiting.iter().find(|l| {
                        l.client_id == client.client_id
                            && dto::FollowUpStep::from(l.step) == step.step
                    });
                    if let Some(letter) = made {
                        step.awaiting_post = Some(letter.reference.clone());
                        step.reason = match lang {
                            Language::Nl => format!(
                                "Brief {} gemaakt op {}, nog niet verstuurd per post",
                                letter.reference,
                                show_date(letter.letter_date)
                            ),
                            Language::En => format!(
                                "Letter {} made on {}, not posted yet",
                                letter.reference,
                                show_date(letter.letter_date)
                            ),
                        };
                    }
                }
            }
            // The figures behind today's steps use the newest rates: say when those may be old.
            let table = rate_table(store).map_err(|e| AppError::from_store(e, lang))?;
            let mut kinds: Vec<InterestKind> = clients
                .iter()
                .map(|c| InterestKind::for_client(c.client_kind.into()))
                .collect();
            kinds.sort_by_key(|k| k.code());
            kinds.dedup();
            let warnings: Vec<String> = kinds
                .into_iter()
                .filter_map(|kind| table.stale_on(kind, today))
                .map(|issue| issue.message(lang))
                .collect();
            clients.sort_by(|a, b| a.client_name.cmp(&b.client_name));
            upcoming.sort_by(|a, b| a.date.cmp(&b.date).then(a.client_name.cmp(&b.client_name)));
            Ok(dto::Today {
                today: show_date(today),
                rest_day: no_contact_day(today, lang),
                quiet_hours: quiet_hours(self.local_now(), lang),
                rate_warning: (!warnings.is_empty()).then(|| warnings.join(" ")),
                instalments: instalment_steps(store, today, lang)
                    .map_err(|e| AppError::from_store(e, lang))?,
                clients,
                upcoming,
                paused,
                scheduled,
                letters_by_post: u32::try_from(
                    store
                        .posted_letters_of_day(today)
                        .map_err(|e| AppError::from_store(e, lang))?
                        .len(),
                )
                .unwrap_or(u32::MAX),
            })
        })
    }
}
