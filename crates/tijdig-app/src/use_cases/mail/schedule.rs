//! Contact hours for messages to debtors (nl-rules-sources §6.4, the Wki conduct norms: no
//! contact between 20:00 and 07:00, on Sundays or feestdagen). A reminder sent outside them asks
//! for confirmation or is scheduled for the next allowed moment; scheduled messages go out when
//! Tijdig is open at or after that moment, once — checked again then: still within the contact
//! hours, the invoices still open, undisputed and outside an arrangement.

use chrono::{NaiveDate, Timelike};
use tijdig_domain::dates::{is_contact_allowed, next_contact_moment};
use tijdig_domain::follow_up::{DossierKind, NextStep, WaitReason};
use tijdig_domain::Language;
use tijdig_store::{EmailOutcome, NewDossierEntry, NewSentEmail, SentEmailRecord, Store};

use super::send::{build, document_invoice_ids, recipients, sent_dto, store_err};
use crate::plumbing::format::say;
use crate::services::ladder::load;
use crate::{dto, App, AppError, ErrorCode};

/// What a scheduled message's moment brings.
enum Recheck {
    Go,
    /// Outside the contact hours now: the next allowed moment (day, hour).
    Later((NaiveDate, u32)),
    /// It should no longer go, and why.
    Cancel(String),
}

impl App {
    /// `None`: send now. `Some(moment)`: schedule for then. Refuses (`outside_contact_hours`)
    /// when it is outside the contact hours and the user has not chosen yet.
    pub(super) fn contact_moment(
        &self,
        timing: dto::SendTiming,
        lang: Language,
    ) -> Result<Option<(NaiveDate, u32)>, AppError> {
        let now = self.local_now();
        if timing == dto::SendTiming::Now || is_contact_allowed(now.date(), now.hour()) {
            return Ok(None);
        }
        let next = next_contact_moment(now.date(), now.hour() + 1, None);
        match timing {
            dto::SendTiming::Schedule => Ok(Some(next)),
            _ => Err(AppError {
                code: ErrorCode::OutsideContactHours,
                message: match lang {
                    Language::Nl => format!(
                        "Het is nu buiten de contacttijden: geen contact met een debiteur tussen 20:00 en 07:00, op zondag of op een feestdag. Verstuur het bericht toch nu, of plan het in voor {} om {:02}:00. Er is niets verstuurd.",
                        crate::plumbing::format::long_date(next.0, lang),
                        next.1
                    ),
                    Language::En => format!(
                        "It is outside the contact hours now: no contact with a debtor between 20:00 and 07:00, on Sundays or public holidays. Send the message now anyway, or schedule it for {} at {:02}:00. Nothing was sent.",
                        crate::plumbing::format::long_date(next.0, lang),
                        next.1
                    ),
                },
                fields: Vec::new(),
            }),
        }
    }

    /// Stores the message to go out at `at`, and says so in the dossier.
    pub(super) fn schedule(
        &self,
        store: &mut Store,
        kind: &str,
        id: i64,
        new: &NewSentEmail<'_>,
        (day, hour): (NaiveDate, u32),
        lang: Language,
    ) -> Result<SentEmailRecord, AppError> {
        let (_, label, _) = self.document_parts(store, kind, id, lang)?;
        let invoice_ids = document_invoice_ids(store, kind, id);
        let when = format!("{} {hour:02}:00", day.format("%d-%m-%Y"));
        let entry = NewDossierEntry {
            client_id: new.client_id,
            at: self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            kind: DossierKind::Note,
            step: None,
            outcome: None,
            note: Some(match lang {
                Language::Nl => format!(
                    "{label} ingepland om per e-mail te versturen aan {} op {when}.",
                    new.recipients
                ),
                Language::En => format!(
                    "{label} scheduled to be sent by e-mail to {} on {when}.",
                    new.recipients
                ),
            }),
            promised_on: None,
            invoice_ids,
            done_on: None,
        };
        let at = format!("{day}T{hour:02}:00:00");
        let row = store
            .schedule_email(new, &at, &entry)
            .map_err(store_err(lang))?;
        store.sent_email(row).map_err(store_err(lang))
    }

    /// Sends every scheduled message whose moment has come (called at start-up, every minute
    /// and by "Vandaag"). Each is checked again *now* (issue "Nothing lost, nothing twice"):
    /// outside the contact hours it moves to the next allowed moment; a letter whose invoice was
    /// paid, disputed or put in an arrangement meanwhile — or a 14-dagenbrief whose day has
    /// passed — is cancelled; each with a dossier entry. The rest is taken once and sent.
    pub fn send_due_emails(&self) -> Result<Vec<dto::SentEmail>, AppError> {
        let now = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
        let due = self.with_store(|store, lang| store.due_emails(&now).map_err(store_err(lang)))?;
        let mut out = Vec::new();
        for row in due {
            let decided = self.with_store(|store, lang| {
                let noted = |note: String| NewDossierEntry {
                    client_id: row.client_id,
                    at: now.clone(),
                    kind: DossierKind::Note,
                    step: None,
                    outcome: None,
                    note: Some(note),
                    promised_on: None,
                    invoice_ids: document_invoice_ids(store, &row.document_kind, row.document_id),
                    done_on: None,
                };
                match self.recheck(store, &row, lang)? {
                    Recheck::Go => None,
                    Recheck::Later((day, hour)) => {
                        let when = format!("{} {hour:02}:00", day.format("%d-%m-%Y"));
                        let entry = noted(say(
                            lang,
                            &format!("Ingepland bericht „{}” verschoven naar {when}: het is nu buiten de contacttijden.", row.subject),
                            &format!("Scheduled message “{}” moved to {when}: it is outside the contact hours now.", row.subject),
                        ));
                        let at = format!("{day}T{hour:02}:00:00");
                        Some(store.reschedule_email(row.id, &at, &entry))
                    }
                    Recheck::Cancel(why) => {
                        let entry = noted(say(
                            lang,
                            &format!("Ingepland bericht „{}” niet verstuurd: {why}", row.subject),
                            &format!("Scheduled message “{}” not sent: {why}", row.subject),
                        ));
                        Some(store.cancel_email(row.id, &why, &entry))
                    }
                }
                .map(|r| r.map_err(store_err(lang)))
                .transpose()
            })?;
            if let Some(record) = decided {
                out.push(sent_dto(&record));
                continue;
            }
            let taken = self.with_store(|store, lang| {
                store
                    .take_scheduled_email(row.id, &now)
                    .map_err(store_err(lang))
            })?;
            let Some(row) = taken else {
                continue;
            };
            let prepared = self.with_store(|store, lang| {
                let (config, password) = self.mail_setup(store, lang)?;
                let (_, _, parts) =
                    self.document_parts(store, &row.document_kind, row.document_id, lang)?;
                let message = build(
                    &config,
                    &row.message_id,
                    &recipients(&row.recipients),
                    &row.subject,
                    &row.body,
                    parts,
                    lang,
                )?;
                Ok((config, password, message))
            });
            match prepared {
                Ok((config, password, message)) => {
                    out.push(self.deliver(row.id, &config, password, &message)?)
                }
                Err(e) => {
                    // Cannot even start (no settings, keychain locked): recorded as failed.
                    let record = self.with_store(|store, lang| {
                        let entry = NewDossierEntry {
                            client_id: row.client_id,
                            at: self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                            kind: DossierKind::Note,
                            step: None,
                            outcome: None,
                            note: Some(say(
                                lang,
                                &format!(
                                    "Ingepland bericht „{}” is niet verstuurd: {}",
                                    row.subject, e.message
                                ),
                                &format!(
                                    "Scheduled message “{}” was not sent: {}",
                                    row.subject, e.message
                                ),
                            )),
                            promised_on: None,
                            invoice_ids: Vec::new(),
                            done_on: None,
                        };
                        store
                            .finish_email(
                                row.id,
                                EmailOutcome::Failed { error: &e.message },
                                &now,
                                &entry,
                            )
                            .map_err(store_err(lang))
                    })?;
                    out.push(sent_dto(&record));
                }
            }
        }
        Ok(out)
    }

    /// Whether a scheduled message may go now: the contact hours now, and for a ladder letter
    /// every invoice it is about still open, undisputed and outside an arrangement today.
    fn recheck(
        &self,
        store: &Store,
        row: &SentEmailRecord,
        lang: Language,
    ) -> Result<Recheck, AppError> {
        let now = self.local_now();
        if !is_contact_allowed(now.date(), now.hour()) {
            return Ok(Recheck::Later(next_contact_moment(
                now.date(),
                now.hour() + 1,
                None,
            )));
        }
        if row.document_kind != "letter" {
            return Ok(Recheck::Go);
        }
        let letter = store.letter(row.document_id).map_err(store_err(lang))?;
        let ladder = load(store, self.today(), Some(letter.client_id)).map_err(store_err(lang))?;
        for id in &letter.invoice_ids {
            let found = ladder.invoices.iter().find(|i| i.record.id == *id);
            let number = found.map_or_else(String::new, |i| i.number.clone());
            let why = match found.map(|i| i.next) {
                None | Some(NextStep::Waiting(WaitReason::Settled)) => say(
                    lang,
                    &format!("factuur {number} is inmiddels betaald of staat niet meer open."),
                    &format!("invoice {number} has been paid meanwhile or is no longer open."),
                ),
                Some(NextStep::Waiting(WaitReason::Disputed)) => say(
                    lang,
                    &format!("factuur {number} is inmiddels betwist; zolang dat loopt, gaan er geen brieven."),
                    &format!("invoice {number} has been disputed meanwhile; while that is open, no letters go."),
                ),
                Some(NextStep::Waiting(WaitReason::Arrangement)) => say(
                    lang,
                    &format!("factuur {number} valt inmiddels onder een betalingsregeling."),
                    &format!("invoice {number} is in a payment arrangement now."),
                ),
                Some(_) => continue,
            };
            return Ok(Recheck::Cancel(why));
        }
        // A 14-dagenbrief goes out on its own date only (its term runs from that day).
        if let Err(refused) = self.letter_may_go(store, row.document_id, None, Some(row.id), lang) {
            return Ok(Recheck::Cancel(refused.message));
        }
        Ok(Recheck::Go)
    }

    /// A ladder letter goes to a debtor once: refused when a message with it is already
    /// scheduled, on its way or sent. A 14-dagenbrief goes out on the day it is dated — its term
    /// and the costs it announces run from that day (art. 6:96 lid 6 BW) — so it is refused on
    /// (or scheduled for) a later day: make it again.
    ///
    /// `except` is the message about to go itself (a retry, or a scheduled one taken now).
    pub(super) fn letter_may_go(
        &self,
        store: &Store,
        id: i64,
        scheduled_day: Option<chrono::NaiveDate>,
        except: Option<i64>,
        lang: Language,
    ) -> Result<(), AppError> {
        let refuse = |message: String| AppError {
            code: ErrorCode::Validation,
            message,
            fields: Vec::new(),
        };
        for earlier in store.emails_of("letter", id).map_err(store_err(lang))? {
            if Some(earlier.id) == except {
                continue;
            }
            match earlier.status.as_str() {
                "scheduled" => {
                    return Err(refuse(say(
                        lang,
                        "Deze brief staat al ingepland om per e-mail te versturen; hij gaat maar één keer.",
                        "This letter is already scheduled to go by e-mail; it goes only once.",
                    )))
                }
                "sending" | "sent" => {
                    return Err(refuse(say(
                        lang,
                        "Deze brief is al per e-mail verstuurd; Tijdig stuurt hem geen tweede keer.",
                        "This letter was already sent by e-mail; Tijdig does not send it twice.",
                    )))
                }
                "unknown" => {
                    return Err(refuse(say(
                        lang,
                        "Het is onbekend of deze brief al per e-mail is verstuurd: het versturen werd onderbroken. Kijk in je map Verzonden en kies op Vandaag „Wel verstuurd” of „Opnieuw versturen”.",
                        "It is unknown whether this letter was already sent by e-mail: sending was cut off. Look in your Sent folder and choose “It was sent” or “Send again” on Today.",
                    )))
                }
                _ => {}
            }
        }
        let letter = store.letter(id).map_err(store_err(lang))?;
        let day = scheduled_day.unwrap_or_else(|| self.today());
        if letter.step == tijdig_domain::follow_up::FollowUpStep::FourteenDayLetter
            && letter.pending_email.is_some()
            && day != letter.letter_date
        {
            return Err(refuse(say(
                lang,
                "Een 14-dagenbrief moet worden verstuurd op de dag waarop hij is gemaakt: de termijn van veertien dagen en de incassokosten gaan uit van die dag. Maak de brief opnieuw op de dag dat je hem verstuurt.",
                "A 14-day letter must go out on the day it was made: the fourteen-day term and the collection costs run from that day. Make the letter again on the day you send it.",
            )));
        }
        Ok(())
    }
}
