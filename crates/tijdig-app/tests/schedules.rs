//! Periodieke facturen (issue 21, item 1): a schedule makes each period's invoice exactly once
//! — on time, after Tijdig was closed for months, with two windows open, after a pause — in
//! date order, with the period on each line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::sync::Arc;

use chrono::NaiveDate;
use support::{line, SharedVault};
use tijdig_app::dto::*;
use tijdig_app::keychain::MemoryVault;
use tijdig_app::App;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Tijdig opened on `dir` with the clock at `day` (one vault across opens, as the keychain).
fn open(dir: &std::path::Path, vault: &Arc<MemoryVault>, day: NaiveDate) -> App {
    App::open(dir)
        .unwrap()
        .with_today(day)
        .with_vault(Box::new(SharedVault(vault.clone())))
}

fn first_use(dir: &std::path::Path, vault: &Arc<MemoryVault>, day: NaiveDate) -> (App, i64) {
    let app = open(dir, vault, day);
    app.save_profile(&support::profile_form()).unwrap();
    let client = app
        .create_client(&support::business_client())
        .unwrap()
        .value;
    (app, client.id)
}

fn monthly(client_id: i64, first: &str, issue_directly: bool) -> ScheduleForm {
    ScheduleForm {
        client_id: Some(client_id),
        period: SchedulePeriod::Month,
        covers: PeriodCovered::Coming,
        first_date: first.into(),
        end_date: String::new(),
        issue_directly,
        payment_term_days: String::new(),
        vat_regime: VatRegime::Normal,
        reference_kind: ReferenceKind::Rf,
        note: String::new(),
        lines: vec![
            line("Hosting", "1", "25", VatTreatment::Standard21),
            line("Onderhoud", "2", "60", VatTreatment::Standard21),
        ],
    }
}

fn numbers(made: &[ScheduledInvoice]) -> Vec<String> {
    made.iter()
        .map(|m| m.invoice_number.clone().unwrap_or_default())
        .collect()
}

fn labels(made: &[ScheduledInvoice]) -> Vec<&str> {
    made.iter().map(|m| m.period_label.as_str()).collect()
}

#[test]
fn a_monthly_schedule_closed_for_three_months_makes_each_missed_month_once_in_date_order() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::default());
    let (app, client) = first_use(dir.path(), &vault, d(2026, 9, 1));
    let saved = app
        .save_invoice_schedule(None, &monthly(client, "01-09-2026", true))
        .unwrap();
    // A first date of today makes today's invoice at once.
    assert_eq!(saved.made, 1);
    assert_eq!(saved.next_day.as_deref(), Some("2026-10-01"));
    assert_eq!(saved.next_period.as_deref(), Some("oktober 2026"));
    assert_eq!(saved.total, "175.45");
    drop(app);

    // Closed until 2 December: October, November and December are due.
    let app = open(dir.path(), &vault, d(2026, 12, 2));
    let made = app.make_scheduled_invoices().unwrap();
    assert_eq!(
        labels(&made),
        ["oktober 2026", "november 2026", "december 2026"]
    );
    assert_eq!(numbers(&made), ["2026-0002", "2026-0003", "2026-0004"]);
    assert!(made.iter().all(|m| m.problem.is_none()));

    let november = app.invoice(made[1].invoice_id.unwrap()).unwrap();
    assert_eq!(
        november.form.invoice_date, "02-12-2026",
        "dated the day it is made"
    );
    assert_eq!(
        (
            november.form.delivery_from.as_str(),
            november.form.delivery_to.as_str()
        ),
        ("01-11-2026", "30-11-2026")
    );
    assert_eq!(
        november.form.lines[0].description,
        "Hosting \u{2013} november 2026"
    );
    assert_eq!(
        november.form.lines[1].description,
        "Onderhoud \u{2013} november 2026"
    );
    assert_eq!(november.form.payment_term_days, "30", "the client's term");
    assert_eq!(november.schedule_period.as_deref(), Some("november 2026"));
    let text = support::pdf_text(&support::pdf_of(&app, november.id), "schedule-november");
    support::assert_contains_all(&text, &["Hosting", "november 2026", "175,45"], "the PDF");

    // Opening again, the same day or in a second window, makes nothing more.
    assert!(app.make_scheduled_invoices().unwrap().is_empty());
    drop(app);
    let again = open(dir.path(), &vault, d(2026, 12, 2));
    assert!(again.make_scheduled_invoices().unwrap().is_empty());
    let schedules = again.invoice_schedules().unwrap();
    assert_eq!(schedules[0].made, 4);
    assert_eq!(schedules[0].next_day.as_deref(), Some("2027-01-01"));

    // Vandaag lists the three made this week (September's was made three months ago).
    let today = again.today_overview().unwrap();
    assert_eq!(
        labels(&today.scheduled),
        ["oktober 2026", "november 2026", "december 2026"]
    );
}

#[test]
fn two_windows_catching_up_at_once_make_each_period_once() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::default());
    let (app, client) = first_use(dir.path(), &vault, d(2026, 6, 30));
    app.save_invoice_schedule(None, &monthly(client, "01-07-2026", true))
        .unwrap();
    drop(app);
    let windows: Vec<App> = (0..2)
        .map(|_| open(dir.path(), &vault, d(2026, 12, 2)))
        .collect();
    let made: Vec<Vec<ScheduledInvoice>> = std::thread::scope(|scope| {
        let handles: Vec<_> = windows
            .iter()
            .map(|app| scope.spawn(|| app.make_scheduled_invoices().unwrap()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut all: Vec<String> = made.iter().flat_map(|m| numbers(m)).collect();
    all.sort();
    assert_eq!(
        all,
        [
            "2026-0001",
            "2026-0002",
            "2026-0003",
            "2026-0004",
            "2026-0005",
            "2026-0006"
        ],
        "July to December, each once between the two windows"
    );
    assert_eq!(windows[0].invoice_schedules().unwrap()[0].made, 6);
}

#[test]
fn a_paused_schedule_skips_its_paused_months_and_an_ended_one_makes_nothing_more() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::default());
    let (app, client) = first_use(dir.path(), &vault, d(2026, 9, 1));
    let s = app
        .save_invoice_schedule(None, &monthly(client, "01-09-2026", false))
        .unwrap();
    let paused = app.pause_invoice_schedule(s.id).unwrap();
    assert_eq!(paused.state, ScheduleState::Paused);
    assert_eq!(paused.next_day, None);
    drop(app);

    // Paused through October and November; resumed on 15 November: December is next.
    let app = open(dir.path(), &vault, d(2026, 11, 15));
    assert!(app.make_scheduled_invoices().unwrap().is_empty());
    let resumed = app.resume_invoice_schedule(s.id).unwrap();
    assert_eq!(resumed.state, ScheduleState::Running);
    assert_eq!(
        resumed.made, 1,
        "October and November are not billed afterwards"
    );
    assert_eq!(resumed.next_day.as_deref(), Some("2026-12-01"));
    drop(app);

    let app = open(dir.path(), &vault, d(2026, 12, 1));
    let made = app.make_scheduled_invoices().unwrap();
    assert_eq!(labels(&made), ["december 2026"]);
    assert_eq!(
        made[0].invoice_number, None,
        "a concept schedule leaves a draft"
    );
    let ended = app.end_invoice_schedule(s.id).unwrap();
    assert_eq!(ended.state, ScheduleState::Ended);
    drop(app);
    let app = open(dir.path(), &vault, d(2027, 3, 1));
    assert!(app.make_scheduled_invoices().unwrap().is_empty());
    assert_eq!(app.invoice_schedules().unwrap()[0].made, 2);
}

#[test]
fn an_invoice_that_cannot_be_issued_stays_a_draft_with_the_reason_on_vandaag() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::default());
    let (app, client) = first_use(dir.path(), &vault, d(2026, 11, 30));
    app.save_invoice_schedule(None, &monthly(client, "01-12-2026", true))
        .unwrap();
    drop(app);
    vault.set_locked(true);
    let app = open(dir.path(), &vault, d(2026, 12, 1));
    let made = app.make_scheduled_invoices().unwrap();
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].invoice_number, None);
    let problem = made[0].problem.clone().unwrap();
    assert!(problem.contains("sleutelhanger"), "{problem}");
    // Not tried again and again; still listed on Vandaag for the user to issue.
    assert!(app.make_scheduled_invoices().unwrap().is_empty());
    let today = app.today_overview().unwrap();
    assert_eq!(
        today.scheduled[0].problem.as_deref(),
        Some(problem.as_str())
    );
    // The user issues it once the keychain is open again.
    vault.set_locked(false);
    let issued = app.issue_invoice(made[0].invoice_id.unwrap()).unwrap();
    assert_eq!(issued.number.as_deref(), Some("2026-0001"));
}

#[test]
fn a_deleted_draft_is_not_made_again() {
    let (app, client) = support::setup();
    let s = app
        .save_invoice_schedule(None, &monthly(client, "22-11-2026", false))
        .unwrap();
    assert_eq!(s.made, 1);
    let drafts = app.recent_scheduled_invoices().unwrap();
    app.delete_invoice(drafts[0].invoice_id.unwrap()).unwrap();
    assert!(app.make_scheduled_invoices().unwrap().is_empty());
    assert_eq!(app.recent_scheduled_invoices().unwrap()[0].invoice_id, None);
}

fn field_codes(err: &tijdig_app::AppError) -> Vec<(String, String)> {
    err.fields
        .iter()
        .map(|f| (f.field.clone(), f.code.clone()))
        .collect()
}

#[test]
fn the_form_refuses_at_its_field_and_saves_nothing() {
    let (app, client) = support::setup();
    let mut form = monthly(client, "22-11-2026", false);
    form.end_date = "01-11-2026".into();
    form.lines[1].unit_price = "zestig".into();
    let err = app.save_invoice_schedule(None, &form).unwrap_err();
    assert_eq!(
        field_codes(&err),
        [
            ("lines.1.unitPrice".to_string(), "amount_format".to_string()),
            ("endDate".into(), "end_before_start".into()),
        ]
    );
    let mut form = monthly(client, "01-01-2025", false);
    form.lines.clear();
    let err = app.save_invoice_schedule(None, &form).unwrap_err();
    assert_eq!(
        field_codes(&err),
        [
            ("lines".to_string(), "required".to_string()),
            ("firstDate".into(), "first_date_too_early".into()),
        ]
    );
    let mut form = monthly(client, "22-11-2026", false);
    form.lines[0].description = "x".repeat(1990);
    let err = app.save_invoice_schedule(None, &form).unwrap_err();
    assert_eq!(field_codes(&err)[0].0, "lines.0.description");
    assert!(app.invoice_schedules().unwrap().is_empty());
    assert!(app.recent_scheduled_invoices().unwrap().is_empty());
}

#[test]
fn a_started_schedule_keeps_its_first_date_and_period_but_its_lines_may_change() {
    let (app, client) = support::setup();
    let s = app
        .save_invoice_schedule(None, &monthly(client, "22-11-2026", false))
        .unwrap();
    let mut form = s.form.clone();
    form.first_date = "23-11-2026".into();
    form.period = SchedulePeriod::Quarter;
    let err = app.save_invoice_schedule(Some(s.id), &form).unwrap_err();
    assert_eq!(
        field_codes(&err),
        [
            ("firstDate".to_string(), "schedule_started".to_string()),
            ("period".into(), "schedule_started".into()),
        ]
    );
    let mut form = s.form.clone();
    form.lines[0].unit_price = "30".into();
    let changed = app.save_invoice_schedule(Some(s.id), &form).unwrap();
    assert_eq!(changed.total, "181.50");
    assert_eq!(changed.made, 1, "saving again makes nothing twice");
}

#[test]
fn a_quarterly_schedule_in_arrears_names_the_past_quarter_in_the_clients_language() {
    let (app, _) = support::setup();
    let mut english = support::business_client();
    english.name = "Harbour Ltd".into();
    english.kvk = String::new();
    english.btw_id = String::new();
    english.document_language = Language::En;
    let client = app.create_client(&english).unwrap().value.id;
    let mut form = monthly(client, "01-10-2026", false);
    form.period = SchedulePeriod::Quarter;
    form.covers = PeriodCovered::Past;
    let s = app.save_invoice_schedule(None, &form).unwrap();
    assert_eq!(s.cadence_label, "Per kwartaal, achteraf");
    let made = app.recent_scheduled_invoices().unwrap();
    assert_eq!(labels(&made), ["Q3 2026"]);
    assert_eq!(s.next_period.as_deref(), Some("Q4 2026"));
}

#[test]
fn the_editor_preview_gives_one_invoices_totals_and_names_the_schedules_fields() {
    let (app, client) = support::setup();
    let preview = app
        .preview_invoice_schedule(&monthly(client, "22-11-2026", false))
        .unwrap();
    assert_eq!(preview.totals.unwrap().total, "175.45");
    assert_eq!(preview.term_days, Some(30), "the client's term");
    let mut form = monthly(client, "31-02-2026", false);
    form.lines[0].unit_price = "veel".into();
    let fields: Vec<String> = app
        .preview_invoice_schedule(&form)
        .unwrap()
        .fields
        .into_iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(fields, ["firstDate", "lines.0.unitPrice"]);
}
