//! Periodieke facturen: the schedules (make, change, pause, resume, end) and making every
//! invoice day that came — on start, on Vandaag and right after saving — each exactly once
//! (the store keys a run by schedule and day), in date order, issued at once when the schedule
//! says so. The rules of the days and periods are `tijdig_domain::invoice::schedule`.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use tijdig_domain::invoice::schedule::{
    check_end, check_first, line_text, period_label, Cadence, LABEL_ROOM,
};
use tijdig_domain::invoice::{InvoiceKind, InvoiceTotals};
use tijdig_domain::{Issue, Language};
use tijdig_store::{InvoiceData, ScheduleData, ScheduleRecord, ScheduleRun, Store, StoreError};

use crate::plumbing::error::{invalid_fields, Failure, FormIssue};
use crate::plumbing::format::{parse_date, say, show_date};
use crate::services::invoice_amounts::totals_dto;
use crate::services::invoice_form;
use crate::services::signing::Sealing;
use crate::{dto, App, AppError};

/// Vandaag shows what schedules made in the last week.
const SHOWN_DAYS: u64 = 7;

fn invalid(issues: &[FormIssue], lang: Language) -> Failure {
    invalid_fields(lang, issues.iter().map(|i| i.message(lang)).collect())
}

fn cadence(data: &ScheduleData) -> Cadence {
    Cadence {
        period: data.period,
        covers: data.covers,
        first: data.first_date,
        last: data.end_date,
    }
}

/// The schedule's form as an invoice form, so its lines are read by the invoice editor's rules.
fn as_invoice_form(form: &dto::ScheduleForm) -> dto::InvoiceForm {
    dto::InvoiceForm {
        kind: dto::InvoiceKind::Standard,
        client_id: form.client_id,
        invoice_date: form.first_date.clone(),
        delivery_from: String::new(),
        delivery_to: String::new(),
        payment_term_days: form.payment_term_days.clone(),
        vat_regime: form.vat_regime,
        reference_kind: form.reference_kind,
        note: form.note.clone(),
        lines: form.lines.clone(),
    }
}

/// A field of the invoice form as the schedule form names it (its invoice date is the first
/// invoice day).
fn schedule_field(field: String) -> String {
    if field == "invoiceDate" {
        "firstDate".into()
    } else {
        field
    }
}

/// Reads the form into what the store keeps, with every problem at its field. `stored`: the
/// schedule being changed, if any.
fn read_form(
    store: &Store,
    form: &dto::ScheduleForm,
    stored: Option<&ScheduleRecord>,
    today: NaiveDate,
) -> Result<ScheduleData, Vec<FormIssue>> {
    let read = invoice_form::read(&as_invoice_form(form));
    let mut issues: Vec<FormIssue> = read
        .issues
        .into_iter()
        .map(|i| FormIssue {
            field: schedule_field(i.field),
            issue: i.issue,
        })
        .collect();
    let mut push = |field: &str, issue: Issue| {
        issues.push(FormIssue {
            field: field.into(),
            issue,
        })
    };
    if form.lines.is_empty() {
        push("lines", Issue::Required);
    }
    // The period is added to each description: keep room for it.
    let max = 2000 - LABEL_ROOM;
    for (i, line) in form.lines.iter().enumerate() {
        if line.description.trim().chars().count() > max {
            push(&format!("lines.{i}.description"), Issue::TooLong { max });
        }
    }
    let end_date = if form.end_date.trim().is_empty() {
        None
    } else {
        parse_date(&form.end_date)
            .map_err(|issue| push("endDate", issue))
            .ok()
    };
    if let Some(client_id) = read.client_id {
        if store.client(client_id).is_err() {
            push("clientId", Issue::ChoiceRequired);
        }
    }
    let first = read.invoice_date;
    if let Some(first) = first {
        if let Err(issue) = check_end(first, end_date) {
            push("endDate", issue);
        }
        match stored {
            Some(s) if s.runs > 0 => {
                if s.data.first_date != first {
                    push("firstDate", Issue::ScheduleStarted);
                }
                if s.data.period != form.period.into() || s.data.covers != form.covers.into() {
                    push("period", Issue::ScheduleStarted);
                }
            }
            Some(s) if s.data.first_date == first => {}
            _ => {
                if let Err(issue) = check_first(first, today) {
                    push("firstDate", issue);
                }
            }
        }
    }
    let (Some(client_id), Some(first_date), Some(lines), true) =
        (read.client_id, first, read.lines, issues.is_empty())
    else {
        return Err(issues);
    };
    Ok(ScheduleData {
        client_id,
        period: form.period.into(),
        covers: form.covers.into(),
        first_date,
        end_date,
        issue_directly: form.issue_directly,
        payment_term_days: read.term_days,
        vat_regime: form.vat_regime.into(),
        reference_kind: form.reference_kind.into(),
        note: tijdig_domain::validate::optional_text(&form.note, 2000)
            .ok()
            .flatten(),
        lines,
    })
}

fn form_of(data: &ScheduleData) -> dto::ScheduleForm {
    let invoice = invoice_form::form(&InvoiceData {
        kind: InvoiceKind::Standard,
        client_id: data.client_id,
        invoice_date: data.first_date,
        delivery_from: None,
        delivery_to: None,
        payment_term_days: data.payment_term_days.unwrap_or_default(),
        vat_regime: data.vat_regime,
        reference_kind: data.reference_kind,
        note: data.note.clone(),
        credits_invoice_id: None,
        lines: data.lines.clone(),
    });
    dto::ScheduleForm {
        client_id: Some(data.client_id),
        period: data.period.into(),
        covers: data.covers.into(),
        first_date: invoice.invoice_date,
        end_date: data.end_date.map(show_date).unwrap_or_default(),
        issue_directly: data.issue_directly,
        payment_term_days: data
            .payment_term_days
            .map(|t| t.to_string())
            .unwrap_or_default(),
        vat_regime: invoice.vat_regime,
        reference_kind: invoice.reference_kind,
        note: invoice.note,
        lines: invoice.lines,
    }
}

fn cadence_label(data: &ScheduleData, lang: Language) -> String {
    use tijdig_domain::invoice::schedule::{PeriodCovered, SchedulePeriod};
    let every = match (data.period, lang) {
        (SchedulePeriod::Month, Language::Nl) => "Per maand",
        (SchedulePeriod::Quarter, Language::Nl) => "Per kwartaal",
        (SchedulePeriod::Year, Language::Nl) => "Per jaar",
        (SchedulePeriod::Month, Language::En) => "Monthly",
        (SchedulePeriod::Quarter, Language::En) => "Quarterly",
        (SchedulePeriod::Year, Language::En) => "Yearly",
    };
    let when = match (data.covers, lang) {
        (PeriodCovered::Coming, Language::Nl) => "vooraf",
        (PeriodCovered::Past, Language::Nl) => "achteraf",
        (PeriodCovered::Coming, Language::En) => "in advance",
        (PeriodCovered::Past, Language::En) => "in arrears",
    };
    format!("{every}, {when}")
}

/// The schedule as the list shows it; `doc_lang`: its client's document language (the period
/// is written on the invoice in that language).
fn schedule_dto(
    record: &ScheduleRecord,
    doc_lang: Language,
    lang: Language,
) -> dto::InvoiceSchedule {
    let c = cadence(&record.data);
    // The next day not made yet (today's is made as soon as Tijdig looks); none: it ended.
    let after = record
        .last_day
        .and_then(|d| d.checked_add_days(Days::new(1)))
        .map_or(record.active_from, |d| d.max(record.active_from));
    let upcoming = c.next_on_or_after(after);
    let state = if upcoming.is_none() {
        dto::ScheduleState::Ended
    } else if record.paused {
        dto::ScheduleState::Paused
    } else {
        dto::ScheduleState::Running
    };
    let next = upcoming.filter(|_| state == dto::ScheduleState::Running);
    let state_label = match state {
        dto::ScheduleState::Running => say(lang, "Loopt", "Running"),
        dto::ScheduleState::Paused => say(lang, "Gepauzeerd", "Paused"),
        dto::ScheduleState::Ended => say(lang, "Beëindigd", "Ended"),
    };
    dto::InvoiceSchedule {
        id: record.id,
        client_id: record.data.client_id,
        client_name: record.client_name.clone(),
        form: form_of(&record.data),
        state,
        state_label,
        cadence_label: cadence_label(&record.data, lang),
        next_day: next.map(|d| d.to_string()),
        next_period: next.map(|d| {
            let (from, to) = c.period_of(d);
            period_label(from, to, doc_lang)
        }),
        total: InvoiceTotals::compute(record.data.vat_regime, &record.data.lines)
            .total
            .to_string(),
        made: record.runs,
        started: record.runs > 0,
    }
}

fn scheduled_dto(run: &ScheduleRun) -> dto::ScheduledInvoice {
    dto::ScheduledInvoice {
        schedule_id: run.schedule_id,
        client_id: run.client_id,
        client_name: run.client_name.clone(),
        invoice_day: run.invoice_day.to_string(),
        period_label: run.period_label.clone(),
        invoice_id: run.invoice_id,
        invoice_number: run.invoice_number.clone(),
        problem: run.issue_failed.clone(),
    }
}

impl App {
    fn document_language(store: &Store, client_id: i64) -> Result<Language, StoreError> {
        Ok(store.client(client_id)?.client.document_language)
    }

    fn schedule_answer(
        &self,
        store: &Store,
        record: &ScheduleRecord,
        lang: Language,
    ) -> Result<dto::InvoiceSchedule, Failure> {
        let doc_lang = Self::document_language(store, record.data.client_id)?;
        Ok(schedule_dto(record, doc_lang, lang))
    }

    /// The amounts of one invoice of a schedule being typed, the term that applies and the
    /// fields that cannot be read (named as the schedule form names them): the editor's live
    /// totals. Nothing is stored.
    pub fn preview_invoice_schedule(
        &self,
        form: &dto::ScheduleForm,
    ) -> Result<dto::InvoicePreview, AppError> {
        self.with_store(|store, lang| {
            let read = invoice_form::read(&as_invoice_form(form));
            let term = match (read.term_days, read.client_id) {
                (Some(days), _) => Some(days),
                (None, client) => {
                    let client_term = client
                        .and_then(|id| store.client(id).ok())
                        .and_then(|c| c.client.payment_term_days);
                    let profile_term = store
                        .profile()
                        .map_err(|e| AppError::from_store(e, lang))?
                        .map(|p| p.payment_term_days);
                    client_term.or(profile_term)
                }
            };
            let regime = form.vat_regime.into();
            Ok(dto::InvoicePreview {
                totals: read
                    .lines
                    .as_ref()
                    .map(|lines| totals_dto(&InvoiceTotals::compute(regime, lines), lines, lang)),
                due_date: None,
                term_days: term,
                fields: read
                    .issues
                    .iter()
                    .map(|i| {
                        let mut message = i.message(lang);
                        message.field = schedule_field(message.field);
                        message
                    })
                    .collect(),
                preflight: Vec::new(),
            })
        })
    }

    /// Every periodic invoice, by client.
    pub fn invoice_schedules(&self) -> Result<Vec<dto::InvoiceSchedule>, AppError> {
        self.with_store(|store, lang| {
            let run = || -> Result<Vec<dto::InvoiceSchedule>, Failure> {
                store
                    .schedules()?
                    .iter()
                    .map(|record| self.schedule_answer(store, record, lang))
                    .collect()
            };
            run().map_err(|f| f.word(lang))
        })
    }

    /// Saves a new schedule (`id` `None`) or changes one; a started schedule keeps its first
    /// date and period. Then makes what is due already (a first date of today makes today's
    /// invoice at once).
    pub fn save_invoice_schedule(
        &self,
        id: Option<i64>,
        form: &dto::ScheduleForm,
    ) -> Result<dto::InvoiceSchedule, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        let id = self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<i64, Failure> {
                let stored = id.map(|id| store.schedule(id)).transpose()?;
                let data = read_form(store, form, stored.as_ref(), self.today())
                    .map_err(|issues| invalid(&issues, lang))?;
                let at = self.schedule_stamp();
                match id {
                    Some(id) => {
                        store.update_schedule(id, &data, &at)?;
                        Ok(id)
                    }
                    None => Ok(store.create_schedule(&data, &at)?),
                }
            };
            run(store).map_err(|f| f.word(lang))
        })?;
        self.make_scheduled_invoices()?;
        self.schedule_by_id(id)
    }

    fn schedule_by_id(&self, id: i64) -> Result<dto::InvoiceSchedule, AppError> {
        self.with_store(|store, lang| {
            let run = || -> Result<dto::InvoiceSchedule, Failure> {
                let record = store.schedule(id)?;
                self.schedule_answer(store, &record, lang)
            };
            run().map_err(|f| f.word(lang))
        })
    }

    fn schedule_stamp(&self) -> String {
        self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string()
    }

    /// Pauses a schedule: no invoice is made until it is resumed, and the days in between are
    /// skipped (not billed afterwards).
    pub fn pause_invoice_schedule(&self, id: i64) -> Result<dto::InvoiceSchedule, AppError> {
        self.with_store(|store, lang| {
            store
                .set_schedule_paused(id, true, None, &self.schedule_stamp())
                .map_err(|e| AppError::from_store(e, lang))
        })?;
        self.schedule_by_id(id)
    }

    /// Resumes a paused schedule from today on: today's invoice day, if it is one, is made.
    pub fn resume_invoice_schedule(&self, id: i64) -> Result<dto::InvoiceSchedule, AppError> {
        let today = self.today();
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<(), Failure> {
                let record = store.schedule(id)?;
                let from = if record.paused {
                    today.max(record.active_from)
                } else {
                    record.active_from
                };
                store.set_schedule_paused(id, false, Some(from), &self.schedule_stamp())?;
                Ok(())
            };
            run(store).map_err(|f| f.word(lang))
        })?;
        self.make_scheduled_invoices()?;
        self.schedule_by_id(id)
    }

    /// Ends a schedule today: it makes no invoice after today (one made today stays).
    pub fn end_invoice_schedule(&self, id: i64) -> Result<dto::InvoiceSchedule, AppError> {
        let today = self.today();
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<(), Failure> {
                let record = store.schedule(id)?;
                let on = record.data.end_date.map_or(today, |end| end.min(today));
                store.end_schedule(id, on, &self.schedule_stamp())?;
                Ok(())
            };
            run(store).map_err(|f| f.word(lang))
        })?;
        self.schedule_by_id(id)
    }

    /// Makes every invoice day that came and was not made yet, of every running schedule, in
    /// date order — each exactly once, also after a crash or with a second window — and issues
    /// it when the schedule says so (an invoice that cannot be issued stays a draft, with the
    /// reason on Vandaag). Also issues a draft a crash left between making and issuing. Returns
    /// what this call made.
    pub fn make_scheduled_invoices(&self) -> Result<Vec<dto::ScheduledInvoice>, AppError> {
        let today = self.today();
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<Vec<dto::ScheduledInvoice>, Failure> {
                let started = self.schedule_stamp();
                // A draft a crash left between making and issuing is issued first (it is older).
                for (schedule_id, day, invoice_id) in store.scheduled_drafts_to_issue()? {
                    self.issue_scheduled(store, schedule_id, day, invoice_id, lang)?;
                }
                let mut due: Vec<(NaiveDate, ScheduleRecord)> = Vec::new();
                for record in store.schedules()? {
                    if record.paused {
                        continue;
                    }
                    let made: BTreeSet<NaiveDate> =
                        store.schedule_days(record.id)?.into_iter().collect();
                    for day in cadence(&record.data).days_between(record.active_from, today) {
                        if !made.contains(&day) {
                            due.push((day, record.clone()));
                        }
                    }
                }
                due.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
                let mut made = BTreeSet::new();
                for (day, record) in &due {
                    if self.make_one(store, record, *day, today, &started, lang)? {
                        made.insert((record.id, *day));
                    }
                }
                Ok(store
                    .schedule_runs(&started)?
                    .iter()
                    .filter(|run| made.contains(&(run.schedule_id, run.invoice_day)))
                    .map(scheduled_dto)
                    .collect())
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// Makes the invoice of one invoice day (dated today, the period as its delivery period
    /// and in each line) and issues it when the schedule says so. False when that day was
    /// made meanwhile (another window).
    fn make_one(
        &self,
        store: &mut Store,
        record: &ScheduleRecord,
        day: NaiveDate,
        today: NaiveDate,
        at: &str,
        lang: Language,
    ) -> Result<bool, Failure> {
        let data = &record.data;
        let client = store.client(data.client_id)?.client;
        let (from, to) = cadence(data).period_of(day);
        let label = period_label(from, to, client.document_language);
        let term = match (data.payment_term_days, client.payment_term_days) {
            (Some(days), _) | (None, Some(days)) => days,
            (None, None) => store.profile()?.map_or(14, |p| p.payment_term_days),
        };
        let invoice = InvoiceData {
            kind: InvoiceKind::Standard,
            client_id: data.client_id,
            invoice_date: today,
            delivery_from: Some(from),
            delivery_to: Some(to),
            payment_term_days: term,
            vat_regime: data.vat_regime,
            reference_kind: data.reference_kind,
            note: data.note.clone(),
            credits_invoice_id: None,
            lines: data
                .lines
                .iter()
                .map(|line| tijdig_domain::invoice::InvoiceLine {
                    description: line_text(&line.description, &label),
                    ..line.clone()
                })
                .collect(),
        };
        let made = store.make_scheduled_invoice(record.id, day, &label, at, &invoice)?;
        if let (Some(invoice_id), true) = (made, data.issue_directly) {
            self.issue_scheduled(store, record.id, day, invoice_id, lang)?;
        }
        Ok(made.is_some())
    }

    /// Issues the draft a schedule made on `day`, signed; a refusal (a factuurvereiste missing,
    /// the keychain locked) is noted on its run and leaves the draft for the user. Only a store
    /// failure stops.
    fn issue_scheduled(
        &self,
        store: &mut Store,
        schedule_id: i64,
        day: NaiveDate,
        invoice_id: i64,
        lang: Language,
    ) -> Result<(), Failure> {
        match self.issue_draft(store, invoice_id, Sealing::Signed, lang) {
            Ok(_) => Ok(()),
            Err(Failure::Store(err)) => Err(Failure::Store(err)),
            Err(Failure::App(err)) => {
                let mut reason = err.message;
                for field in &err.fields {
                    reason.push(' ');
                    reason.push_str(&field.message);
                }
                store.note_schedule_issue_failed(schedule_id, day, &reason)?;
                Ok(())
            }
        }
    }

    /// What schedules made in the last week, and every one still waiting to be issued, for
    /// Vandaag.
    pub fn recent_scheduled_invoices(&self) -> Result<Vec<dto::ScheduledInvoice>, AppError> {
        let since = self
            .today()
            .checked_sub_days(Days::new(SHOWN_DAYS))
            .unwrap_or(self.today());
        self.with_store(|store, lang| {
            store
                .schedule_runs(&since.to_string())
                .map(|runs| runs.iter().map(scheduled_dto).collect())
                .map_err(|e| AppError::from_store(e, lang))
        })
    }
}
