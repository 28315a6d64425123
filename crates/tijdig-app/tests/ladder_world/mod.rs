//! The world the follow-up tests walk through: a business and a consumer, each with an invoice
//! dated 1 October 2026 and due 15 October, and the clock moved by reopening the data folder.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use tijdig_app::dto::*;
use tijdig_app::App;

use crate::support::*;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub struct World {
    pub dir: tempfile::TempDir,
    pub business: i64,
    pub consumer: i64,
    pub b2b_invoice: i64,
    pub b2c_invoice: i64,
}

impl World {
    pub fn on(&self, day: NaiveDate) -> App {
        App::open(self.dir.path()).unwrap().with_today(day)
    }
}

pub fn consumer_client() -> ClientForm {
    ClientForm {
        kind: ClientKind::Consumer,
        name: "Pieter Bakker".into(),
        contact_person: String::new(),
        kvk: String::new(),
        btw_id: String::new(),
        email: "pieter@example.nl".into(),
        ..business_client()
    }
}

/// Two invoices dated 1 October 2026 with 14 days to pay: due Thursday 15 October.
pub fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 10, 1));
    app.save_profile(&profile_form()).unwrap();
    let business = app.create_client(&business_client()).unwrap().value.id;
    let consumer = app.create_client(&consumer_client()).unwrap().value.id;
    let issue = |client: i64| {
        let mut form = invoice_form(
            client,
            vec![line("Ontwerp", "10", "100,00", VatTreatment::Standard21)],
        );
        form.invoice_date = "01-10-2026".into();
        form.delivery_from = "01-09-2026".into();
        form.delivery_to = "30-09-2026".into();
        form.payment_term_days = "14".into();
        let draft = app.create_invoice(&form).unwrap();
        app.issue_invoice(draft.id).unwrap().id
    };
    let b2b_invoice = issue(business);
    let b2c_invoice = issue(consumer);
    World {
        dir,
        business,
        consumer,
        b2b_invoice,
        b2c_invoice,
    }
}

pub fn steps_for(today: &Today, client: i64) -> Vec<(FollowUpStep, Vec<String>)> {
    today
        .clients
        .iter()
        .filter(|c| c.client_id == client)
        .flat_map(|c| {
            c.steps.iter().map(|s| {
                (
                    s.step,
                    s.invoices.iter().map(|i| i.number.clone()).collect(),
                )
            })
        })
        .collect()
}

pub fn letter(
    app: &App,
    client: i64,
    step: FollowUpStep,
    invoice: i64,
    channel: FollowUpChannel,
) -> (LetterResult, String) {
    let result = app
        .produce_letter(&LetterRequest {
            client_id: client,
            step,
            invoice_ids: vec![invoice],
            channel,
        })
        .unwrap();
    // The user of this world posts a letter the day it is made.
    if channel == FollowUpChannel::Letter {
        let today = app.today().format("%d-%m-%Y").to_string();
        app.mark_letter_posted(result.letter.id, &today).unwrap();
    }
    let (_, pdf) = app.letter_pdf(result.letter.id).unwrap();
    let text = pdf_text(&pdf, &format!("letter-{}", result.letter.reference));
    (result, text)
}
