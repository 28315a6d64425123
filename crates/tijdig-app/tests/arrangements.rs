//! Payment arrangements through the app layer with the clock moved: a consumer with two
//! overdue invoices gets a down payment and 4 instalments; the agreement PDF is checked by its
//! text; instalments 1–2 are paid on time, 3 is missed → a reminder on "Vandaag"; after the
//! grace period the vervalbeding applies and the ladder's next letter appears.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use chrono::NaiveDate;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::{App, ErrorCode};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

struct World {
    dir: tempfile::TempDir,
    client: i64,
    invoices: Vec<i64>,
}

impl World {
    fn on(&self, day: NaiveDate) -> App {
        App::open(self.dir.path()).unwrap().with_today(day)
    }
}

/// A consumer with two invoices of € 1.210,00 dated 1 September 2026, due 15 September.
fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 9, 1));
    app.save_profile(&profile_form()).unwrap();
    let client = app
        .create_client(&ClientForm {
            kind: ClientKind::Consumer,
            name: "Pieter Bakker".into(),
            contact_person: String::new(),
            kvk: String::new(),
            btw_id: String::new(),
            ..business_client()
        })
        .unwrap()
        .value
        .id;
    let mut invoices = Vec::new();
    for _ in 0..2 {
        let mut form = invoice_form(
            client,
            vec![line("Ontwerp", "10", "100,00", VatTreatment::Standard21)],
        );
        form.invoice_date = "01-09-2026".into();
        form.delivery_from = String::new();
        form.delivery_to = String::new();
        form.payment_term_days = "14".into();
        let draft = app.create_invoice(&form).unwrap();
        invoices.push(app.issue_invoice(draft.id).unwrap().id);
    }
    World {
        dir,
        client,
        invoices,
    }
}

fn form(w: &World) -> ArrangementForm {
    ArrangementForm {
        client_id: w.client,
        invoice_ids: w.invoices.clone(),
        start_date: "01-10-2026".into(),
        down_payment: "420,00".into(),
        down_payment_on: "01-10-2026".into(),
        mode: ScheduleMode::Count,
        count: "4".into(),
        amount: String::new(),
        first_due: "01-11-2026".into(),
        interest_running: false,
        costs_waived: true,
        grace_days: "14".into(),
    }
}

fn pay(app: &App, id: i64, on: &str, amount: &str) -> Arrangement {
    app.add_arrangement_payment(
        id,
        &ArrangementPaymentForm {
            paid_on: on.into(),
            amount: amount.into(),
            note: String::new(),
        },
    )
    .unwrap()
}

#[test]
fn an_arrangement_is_made_honoured_missed_and_broken() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    let preview = app.preview_arrangement(&form(&w)).unwrap();
    // A consumer not yet in default owes no interest or costs: the debt is the principal.
    assert_eq!(preview.total, "2420.00");
    let amounts: Vec<&str> = preview
        .instalments
        .iter()
        .map(|i| i.amount.as_str())
        .collect();
    assert_eq!(amounts, ["420.00", "500.00", "500.00", "500.00", "500.00"]);

    let a = app.create_arrangement(&form(&w)).unwrap();
    assert_eq!(a.reference, "2026-R0001");
    assert_eq!(a.state, "active");
    let (name, pdf) = app.arrangement_pdf(a.id).unwrap();
    assert_eq!(name, "Betalingsregeling 2026-R0001.pdf");
    let text = pdf_text(&pdf, "arrangement-2026-R0001");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_contains_all(
        &flat,
        &[
            "Betalingsregeling 2026-R0001",
            "Pieter Bakker",
            "Erkende schuld € 2.420,00",
            "Aanbetaling 01-10-2026 € 420,00",
            "Termijn 4 01-02-2027 € 500,00",
            "binnen 14 dagen na de datum in het schema, dan vervalt deze regeling",
            "art. 6:44 BW",
            "Voor akkoord",
            "RF",
        ],
        "agreement",
    );
    // The invoices' ladder is paused while the arrangement is honoured.
    assert!(app
        .invoice(w.invoices[0])
        .unwrap()
        .follow_up
        .unwrap()
        .next
        .contains("betalingsregeling"));
    assert!(app.today_overview().unwrap().clients.is_empty());
    // An invoice cannot be in two arrangements.
    let twice = app.create_arrangement(&form(&w)).unwrap_err();
    assert_eq!(twice.code, ErrorCode::Validation);

    pay(&app, a.id, "01-10-2026", "420,00");
    // Three days before instalment 1: a contact on Vandaag (29 October, a Thursday).
    let app = w.on(d(2026, 10, 29));
    let today = app.today_overview().unwrap();
    assert_eq!(today.instalments.len(), 1);
    assert_eq!(today.instalments[0].action, "contact");
    app.record_instalment_contact(&InstalmentContactForm {
        arrangement_id: a.id,
        instalment: 1,
        kind: DossierKind::Call,
        note: "Herinnerd".into(),
    })
    .unwrap();
    assert!(app.today_overview().unwrap().instalments.is_empty());
    let app = w.on(d(2026, 11, 1));
    pay(&app, a.id, "01-11-2026", "500,00");
    let app = w.on(d(2026, 12, 1));
    let after_two = pay(&app, a.id, "01-12-2026", "500,00");
    let statuses: Vec<&str> = after_two
        .instalments
        .iter()
        .map(|i| i.status.as_str())
        .collect();
    assert_eq!(statuses, ["paid", "paid", "paid", "open", "open"]);
    // The payments were booked on the invoices, oldest first.
    assert_eq!(app.invoice(w.invoices[0]).unwrap().outstanding, "0.00");
    assert_eq!(app.invoice(w.invoices[1]).unwrap().outstanding, "1000.00");

    // Instalment 3 (1 January) is missed: from 2 January a reminder is on Vandaag (Saturday
    // 2 January is a contact day).
    let app = w.on(d(2027, 1, 4));
    let today = app.today_overview().unwrap();
    let reminder = today
        .instalments
        .iter()
        .find(|s| s.action == "reminder")
        .expect("a reminder step");
    assert_eq!(reminder.instalment, 3);
    let letter = app.produce_instalment_reminder(a.id, 3).unwrap();
    let (_, pdf) = app.letter_pdf(letter.letter.id).unwrap();
    let flat = pdf_text(&pdf, "instalment-reminder")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_contains_all(
        &flat,
        &[
            "Herinnering: termijn 3 van betalingsregeling 2026-R0001",
            "uiterlijk 15 januari 2027",
            "€ 1.000,00",
        ],
        "reminder",
    );
    assert!(app.produce_instalment_reminder(a.id, 3).is_err(), "once");
    assert!(app
        .today_overview()
        .unwrap()
        .instalments
        .iter()
        .all(|s| s.action != "reminder"));

    // The grace period passes: the vervalbeding applies and the ladder resumes.
    let app = w.on(d(2027, 1, 18));
    let broken = app.arrangement(a.id).unwrap();
    assert_eq!(broken.state, "broken");
    assert_eq!(broken.owed_now, "1000.00");
    let today = app.today_overview().unwrap();
    let steps: Vec<FollowUpStep> = today
        .clients
        .iter()
        .flat_map(|c| c.steps.iter().map(|s| s.step))
        .collect();
    assert_eq!(
        steps,
        [FollowUpStep::Reminder],
        "the ladder's next letter for the open invoice"
    );
    assert_eq!(today.clients[0].steps[0].invoices[0].number, "2026-0002");
}

#[test]
fn paying_everything_early_ends_the_arrangement_and_overpaying_is_refused() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    let a = app.create_arrangement(&form(&w)).unwrap();
    let too_much = app.add_arrangement_payment(
        a.id,
        &ArrangementPaymentForm {
            paid_on: "01-10-2026".into(),
            amount: "2500,00".into(),
            note: String::new(),
        },
    );
    assert_eq!(too_much.unwrap_err().fields[0].field, "amount");
    let done = pay(&app, a.id, "01-10-2026", "2420,00");
    assert_eq!(done.state, "completed");
    assert!(w
        .on(d(2027, 3, 1))
        .today_overview()
        .unwrap()
        .clients
        .is_empty());
}

#[test]
fn a_bad_form_is_refused_at_its_fields_and_nothing_is_stored() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    let mut bad = form(&w);
    bad.down_payment = "3000".into();
    let err = app.create_arrangement(&bad).unwrap_err();
    assert_eq!(err.fields[0].field, "downPayment");
    let mut bad = form(&w);
    bad.count = "vier".into();
    bad.first_due = "31-13-2026".into();
    let fields: Vec<String> = app
        .create_arrangement(&bad)
        .unwrap_err()
        .fields
        .into_iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(fields, ["firstDue", "count"]);
    assert!(app.arrangements(None).unwrap().is_empty());
}

#[test]
fn an_invoice_in_a_running_arrangement_takes_payments_only_through_it() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    app.create_arrangement(&form(&w)).unwrap();
    let direct = app.add_payment(
        w.invoices[0],
        &PaymentForm {
            paid_on: "01-10-2026".into(),
            amount: "100,00".into(),
            method: PaymentMethod::Bank,
            note: String::new(),
        },
    );
    assert!(direct.unwrap_err().message.contains("betalingsregeling"));
}

#[test]
fn the_schedule_cannot_start_before_the_start_date_or_before_a_later_payment() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    app.add_payment(
        w.invoices[0],
        &PaymentForm {
            paid_on: "20-09-2026".into(),
            amount: "10,00".into(),
            method: PaymentMethod::Bank,
            note: String::new(),
        },
    )
    .unwrap();
    let mut early = form(&w);
    early.start_date = "15-09-2026".into();
    early.down_payment_on = "15-09-2026".into();
    assert_eq!(
        app.create_arrangement(&early).unwrap_err().fields[0].field,
        "startDate"
    );
    let mut before = form(&w);
    before.first_due = "01-09-2026".into();
    assert_eq!(
        app.create_arrangement(&before).unwrap_err().fields[0].field,
        "firstDue"
    );
}

/// A bank payment with an instalment's reference is proposed for the arrangement (its money
/// is split over costs, interest and principal there) and booked on it with one click.
#[test]
fn a_bank_payment_of_an_instalment_is_proposed_and_booked_on_the_arrangement() {
    #[path = "camt_writer.rs"]
    mod camt_writer;
    let w = world();
    let app = w.on(d(2026, 10, 2));
    let a = app.create_arrangement(&form(&w)).unwrap();
    let reference = a.instalments[0]
        .payment_reference
        .clone()
        .unwrap()
        .replace(' ', "");
    let xml = camt_writer::statement(
        "NL91ABNA0417164300",
        &[camt_writer::Entry {
            amount: "420.00",
            credit: true,
            date: "2026-10-01",
            iban: "NL02ABNA0123456789",
            name: "P. Bakker",
            text: "aanbetaling",
            reference: Some(&reference),
            bank_ref: "A1",
        }],
    );
    let result = app
        .import_bank_statement("oktober.xml", xml.as_bytes())
        .unwrap();
    assert_eq!((result.booked, result.proposed), (0, 1));
    let proposal = app.bank_overview().unwrap().proposed.remove(0);
    assert_eq!(
        proposal.arrangement_reference.as_deref(),
        Some("2026-R0001")
    );
    assert_eq!(proposal.client_name.as_deref(), Some("Pieter Bakker"));
    app.confirm_bank_transaction(proposal.id).unwrap();
    let after = app.arrangement(a.id).unwrap();
    assert_eq!(after.paid, "420.00");
    assert_eq!(after.instalments[0].status, "paid");
    // Booked once; confirming again changes nothing.
    let overview = app.bank_overview().unwrap();
    assert_eq!(overview.booked.len(), 1);
    assert_eq!(
        app.confirm_bank_transaction(proposal.id).unwrap_err().code,
        ErrorCode::Conflict
    );
}

/// With a betaallink set, each instalment's payment block carries it: the instalment's amount
/// and its own reference.
#[test]
fn each_instalment_carries_the_payment_link_for_its_amount_and_reference() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    let mut settings = app.invoice_settings().unwrap();
    settings.payment_link = "https://bunq.me/studiojansen/{bedrag}/{kenmerk}".into();
    app.save_invoice_settings(&settings).unwrap();
    let a = app.create_arrangement(&form(&w)).unwrap();
    let (_, pdf) = app.arrangement_pdf(a.id).unwrap();
    let printed: String = pdf_text(&pdf, "arrangement-link")
        .split_whitespace()
        .collect();
    let first = a.instalments[1]
        .payment_reference
        .clone()
        .unwrap_or_default()
        .replace(' ', "");
    assert!(
        printed.contains(&format!("https://bunq.me/studiojansen/500.00/{first}")),
        "{printed}"
    );
    assert!(
        printed.contains("https://bunq.me/studiojansen/420.00/"),
        "{printed}"
    );
}
