//! The invoice list and Vandaag remember which claims are settled and compute only the others
//! (migration 0016, `services::ladder::remember_settled`). That shortcut must never show a
//! figure the engine would not: random sequences of issuing, paying part or all of a claim,
//! waiving, crediting, changing a client from business to consumer and back, and days
//! passing, each followed by the list of every invoice compared row by row with the invoice
//! page, which computes each claim from the stored facts without the remembered answers, and
//! the dashboard (today and 30 days back) with the dashboard when nothing is remembered.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use proptest::prelude::*;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::App;

const CASES: u32 = 24;

#[derive(Debug, Clone)]
enum Step {
    Issue {
        consumer: bool,
        term: u32,
    },
    /// Pay a third, two thirds or all of what is open today.
    Pay {
        which: prop::sample::Index,
        thirds: u32,
    },
    Waive(prop::sample::Index),
    Credit(prop::sample::Index),
    /// The client changes from business to consumer or back.
    Flip {
        consumer: bool,
    },
    Days(u32),
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        prop_oneof![
            3 => (any::<bool>(), 1u32..45).prop_map(|(consumer, term)| Step::Issue { consumer, term }),
            3 => (any::<prop::sample::Index>(), 1u32..=3).prop_map(|(which, thirds)| Step::Pay { which, thirds }),
            1 => any::<prop::sample::Index>().prop_map(Step::Waive),
            1 => any::<prop::sample::Index>().prop_map(Step::Credit),
            1 => any::<bool>().prop_map(|consumer| Step::Flip { consumer }),
            3 => (1u32..120).prop_map(Step::Days),
        ],
        1..16,
    )
}

fn open(
    dir: &std::path::Path,
    day: chrono::NaiveDate,
    vault: &std::sync::Arc<tijdig_app::keychain::MemoryVault>,
) -> App {
    App::open(dir)
        .unwrap()
        .with_today(day)
        .with_vault(Box::new(SharedVault(vault.clone())))
}

fn consumer_client() -> ClientForm {
    ClientForm {
        kind: ClientKind::Consumer,
        name: "Jan Jansen".into(),
        kvk: String::new(),
        btw_id: String::new(),
        ..business_client()
    }
}

/// Every listed invoice shows what its own page shows.
fn list_agrees_with_the_pages(app: &App) {
    app.today_overview().unwrap();
    let page = app
        .invoices(&InvoiceQuery {
            limit: MAX_PAGE,
            ..InvoiceQuery::default()
        })
        .unwrap();
    assert_eq!(page.total as usize, page.rows.len());
    for row in &page.rows {
        let invoice = app.invoice(row.id).unwrap();
        assert_eq!(
            (row.status, row.outstanding.as_str()),
            (invoice.status, invoice.outstanding.as_str()),
            "invoice {:?} in the list and on its page",
            row.number
        );
    }
    for status in [
        InvoiceStatus::Paid,
        InvoiceStatus::Overdue,
        InvoiceStatus::Credited,
    ] {
        let filtered = app
            .invoices(&InvoiceQuery {
                status: Some(status),
                limit: MAX_PAGE,
                ..InvoiceQuery::default()
            })
            .unwrap();
        let expected = page.rows.iter().filter(|r| r.status == status).count();
        assert_eq!(filtered.rows.len(), expected, "rows with status {status:?}");
    }
}

/// The dashboard (whose figures of today and of 30 days ago skip the claims remembered as
/// settled on those days) shows what it shows with nothing remembered.
fn dashboard_agrees_without_remembered_answers(
    app: &App,
    dir: &std::path::Path,
    day: chrono::NaiveDate,
    vault: &std::sync::Arc<tijdig_app::keychain::MemoryVault>,
) {
    let remembered = app.dashboard().unwrap();
    rusqlite::Connection::open(dir.join("tijdig.sqlite3"))
        .unwrap()
        .execute("DELETE FROM settled_claims", [])
        .unwrap();
    let computed = open(dir, day, vault).dashboard().unwrap();
    assert_eq!(remembered.kpis, computed.kpis);
    // The lists remember them again, with the day each was settled on.
    app.today_overview().unwrap();
}

/// Issues one invoice of € 363 to `client`, dated `day`, payable in `term` days.
fn issue_on(app: &App, client: i64, day: chrono::NaiveDate, term: u32) -> i64 {
    let mut form = invoice_form(
        client,
        vec![line("Ontwerp", "3", "100", VatTreatment::Standard21)],
    );
    form.invoice_date = day.to_string();
    form.delivery_from = String::new();
    form.delivery_to = String::new();
    form.payment_term_days = term.to_string();
    app.issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
        .id
}

/// An amount as the payment form takes it ("123,45").
fn typed(amount: &str) -> String {
    amount.replace('.', ",")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_list_shows_what_each_invoice_page_shows_whatever_happened(steps in steps()) {
        let dir = tempfile::tempdir().unwrap();
        let vault = std::sync::Arc::new(tijdig_app::keychain::MemoryVault::default());
        let mut day = today() - chrono::Duration::days(200);
        let mut app = open(dir.path(), day, &vault);
        app.save_profile(&profile_form()).unwrap();
        let business = app.create_client(&business_client()).unwrap().value.id;
        let consumer = app.create_client(&consumer_client()).unwrap().value.id;
        let mut issued: Vec<i64> = Vec::new();
        for step in &steps {
            match step {
                Step::Issue { consumer: to_consumer, term } => {
                    let client = if *to_consumer { consumer } else { business };
                    issued.push(issue_on(&app, client, day, *term));
                }
                Step::Pay { which, thirds } if !issued.is_empty() => {
                    let id = issued[which.index(issued.len())];
                    let invoice = app.invoice(id).unwrap();
                    if invoice.payable {
                        let open: rust_decimal::Decimal = invoice.outstanding.parse().unwrap();
                        let amount = (open * rust_decimal::Decimal::from(*thirds) / rust_decimal::Decimal::from(3)).round_dp(2);
                        if amount > rust_decimal::Decimal::ZERO {
                            app.add_payment(id, &PaymentForm {
                                paid_on: day.to_string(),
                                amount: typed(&amount.to_string()),
                                method: PaymentMethod::Bank,
                                note: String::new(),
                            }).unwrap();
                        }
                    }
                }
                Step::Waive(which) if !issued.is_empty() => {
                    let id = issued[which.index(issued.len())];
                    if app.invoice(id).unwrap().waivable.is_some() {
                        app.waive_interest_and_costs(id, &WaiverForm { reason: "Goede klant".into() }).unwrap();
                    }
                }
                Step::Credit(which) if !issued.is_empty() => {
                    let id = issued[which.index(issued.len())];
                    if let Ok(draft) = app.credit_invoice(id, &CreditRequest::default()) {
                        app.issue_invoice(draft.id).unwrap();
                    }
                }
                Step::Flip { consumer: to_consumer } => {
                    let form = if *to_consumer {
                        ClientForm { name: business_client().name, ..consumer_client() }
                    } else {
                        business_client()
                    };
                    app.update_client(business, &form).unwrap();
                }
                Step::Days(n) => {
                    day += chrono::Duration::days(i64::from(*n));
                    app = open(dir.path(), day, &vault);
                }
                _ => {}
            }
            list_agrees_with_the_pages(&app);
            dashboard_agrees_without_remembered_answers(&app, dir.path(), day, &vault);
        }
    }
}

#[test]
fn a_settled_consumer_invoice_reopens_when_the_client_turns_out_to_be_a_business() {
    let dir = tempfile::tempdir().unwrap();
    let vault = std::sync::Arc::new(tijdig_app::keychain::MemoryVault::default());
    let start = today() - chrono::Duration::days(120);
    let app = open(dir.path(), start, &vault);
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&consumer_client()).unwrap().value.id;
    let id = issue_on(&app, client, start, 14);
    // Paid two months late: a consumer without a 14-dagenbrief owes no interest or costs.
    let later = start + chrono::Duration::days(74);
    let app = open(dir.path(), later, &vault);
    app.add_payment(
        id,
        &PaymentForm {
            paid_on: later.to_string(),
            amount: "363,00".into(),
            method: PaymentMethod::Bank,
            note: String::new(),
        },
    )
    .unwrap();
    list_agrees_with_the_pages(&app);
    assert_eq!(app.invoice(id).unwrap().status, InvoiceStatus::Paid);
    // A business owes commercial interest from the due date and € 40: open again.
    app.update_client(
        client,
        &ClientForm {
            name: "Jan Jansen Advies".into(),
            ..business_client()
        },
    )
    .unwrap();
    assert_eq!(
        app.invoice(id).unwrap().status,
        InvoiceStatus::InterestCostsOpen
    );
    list_agrees_with_the_pages(&app);
}

#[test]
fn a_claim_settled_last_week_still_shows_the_interest_it_owed_thirty_days_ago() {
    let dir = tempfile::tempdir().unwrap();
    let vault = std::sync::Arc::new(tijdig_app::keychain::MemoryVault::default());
    let start = today() - chrono::Duration::days(200);
    let app = open(dir.path(), start, &vault);
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    let id = issue_on(&app, client, start, 14);
    // A week ago the client paid everything: the invoice, commercial interest and € 40.
    let paid_on = today() - chrono::Duration::days(7);
    let app = open(dir.path(), paid_on, &vault);
    let owed = app.invoice(id).unwrap().outstanding;
    app.add_payment(
        id,
        &PaymentForm {
            paid_on: paid_on.to_string(),
            amount: typed(&owed),
            method: PaymentMethod::Bank,
            note: String::new(),
        },
    )
    .unwrap();
    let app = open(dir.path(), today(), &vault);
    assert_eq!(app.invoice(id).unwrap().status, InvoiceStatus::Paid);
    // The list remembers the claim as settled since the payment, not since 30 days ago.
    list_agrees_with_the_pages(&app);
    let kpis = app.dashboard().unwrap().kpis;
    let interest = kpis
        .iter()
        .find(|k| k.code == "interest_costs_open")
        .unwrap();
    assert_eq!(interest.value.as_deref(), Some("0.00"));
    let before: rust_decimal::Decimal = interest.previous.as_deref().unwrap().parse().unwrap();
    assert!(before > rust_decimal::Decimal::from(40), "{before}");
    dashboard_agrees_without_remembered_answers(&app, dir.path(), today(), &vault);
}
