//! The dashboard's numbers on a small data set whose every figure is worked out by hand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use chrono::NaiveDate;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::App;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Client A (business): € 1.210 paid 10 days late, € 2.420 open and 38 days overdue.
/// Client B (consumer, cannot pay): € 605 paid 5 days early, € 605 open and not yet due.
fn world() -> (tempfile::TempDir, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 11, 22));
    app.save_profile(&profile_form()).unwrap();
    let a = app.create_client(&business_client()).unwrap().value.id;
    let b = app
        .create_client(&ClientForm {
            kind: ClientKind::Consumer,
            name: "Pieter Bakker".into(),
            contact_person: String::new(),
            kvk: String::new(),
            btw_id: String::new(),
            debtor_type: DebtorType::CannotPay,
            ..business_client()
        })
        .unwrap()
        .value
        .id;
    let issue = |client: i64, date: &str, hours: &str, paid: Option<(&str, &str)>| {
        let mut form = invoice_form(
            client,
            vec![line("Werk", hours, "100,00", VatTreatment::Standard21)],
        );
        form.invoice_date = date.into();
        form.delivery_from = String::new();
        form.delivery_to = String::new();
        form.payment_term_days = "14".into();
        let id = app
            .issue_invoice(app.create_invoice(&form).unwrap().id)
            .unwrap()
            .id;
        if let Some((on, amount)) = paid {
            app.add_payment(
                id,
                &PaymentForm {
                    paid_on: on.into(),
                    amount: amount.into(),
                    method: PaymentMethod::Bank,
                    note: String::new(),
                },
            )
            .unwrap();
        }
    };
    issue(a, "01-08-2026", "10", Some(("25-08-2026", "1210,00")));
    issue(a, "01-10-2026", "20", None);
    issue(b, "01-09-2026", "5", Some(("10-09-2026", "605,00")));
    issue(b, "15-11-2026", "5", None);
    (dir, a, b)
}

fn kpi<'a>(d: &'a Dashboard, code: &str) -> &'a Kpi {
    d.kpis.iter().find(|k| k.code == code).unwrap()
}

#[test]
fn the_kpis_match_the_hand_computed_figures() {
    let (dir, _, _) = world();
    let d = App::open(dir.path())
        .unwrap()
        .with_today(d(2026, 11, 22))
        .dashboard()
        .unwrap();
    // € 3.025 of invoice amounts, and € 110,75 of interest and costs the business client owes
    // (the same figures as the invoices show): the invoice of 1 August was paid ten days late
    // with its amount only, so € 40 + € 3,45 interest went first and € 43,45 + € 1,10 interest
    // since is open; the one of 1 October is 38 days in verzuim: € 40 + € 26,20.
    assert_eq!(kpi(&d, "open").value.as_deref(), Some("3135.75"));
    assert_eq!(
        kpi(&d, "interest_costs_open").value.as_deref(),
        Some("110.75")
    );
    assert_eq!(kpi(&d, "overdue").value.as_deref(), Some("2420.00"));
    assert_eq!(kpi(&d, "open_count").value.as_deref(), Some("2"));
    // 3025 open ÷ 3630 invoiced since 24 August × 90 = 75.0 days.
    assert_eq!(kpi(&d, "dso").value.as_deref(), Some("75.0"));
    // 10 days on € 1.210 and 0 (early) on € 605: 12100 / 1815 = 6.7.
    assert_eq!(kpi(&d, "average_days_late").value.as_deref(), Some("6.7"));
    assert_eq!(kpi(&d, "paid_on_time").value.as_deref(), Some("50.0"));
    // 30 days ago (23 October) only the October invoice was open, and overdue; with the
    // interest and costs owed then on both business invoices (€ 44,18 + € 45,52).
    assert_eq!(kpi(&d, "open").previous.as_deref(), Some("2509.70"));
    assert!(kpi(&d, "dso").explanation.contains("90 dagen"));
}

#[test]
fn aging_and_forecast_place_every_invoice() {
    let (dir, a, _) = world();
    let d = App::open(dir.path())
        .unwrap()
        .with_today(d(2026, 11, 22))
        .dashboard()
        .unwrap();
    assert_eq!(d.aging.total, ["605.00", "0.00", "2420.00", "0.00", "0.00"]);
    assert_eq!(d.aging.clients[0].client_id, a);
    // A is 10 days late on average: its overdue invoice lands in this week; B pays 5 days
    // early: due 29 November, expected 24 November (this week), best case next week.
    assert_eq!(d.forecast.weeks[0].expected, "3025.00");
    assert_eq!(d.forecast.weeks[0].best_case, "2420.00");
    assert_eq!(d.forecast.weeks[1].best_case, "605.00");
    assert_eq!(d.forecast.weeks.len(), 13);
}

#[test]
fn risk_scores_explain_themselves_and_rank_clients() {
    let (dir, a, b) = world();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 11, 22));
    let d = app.dashboard().unwrap();
    assert_eq!(
        d.risks.iter().map(|r| r.client_id).collect::<Vec<_>>(),
        [a, b]
    );
    let ra = &d.risks[0];
    // Days late 28.7 (paid 10 on 1210, open 38 on 2420) → 0.48 of 25 = 12; overdue 100 % → 20;
    // 80 % of all receivables → 15; unknown debtor → 3: 50.
    assert_eq!(ra.score, 50);
    assert_eq!(ra.max_days_overdue, 38);
    let points: Vec<(&str, &str)> = ra
        .factors
        .iter()
        .map(|f| (f.code.as_str(), f.points.as_str()))
        .collect();
    assert_eq!(points[0], ("days_late", "12.0"));
    assert_eq!(ra.factors[0].value, "28.7 dagen");
    // B: concentration 20 % → 6, cannot pay → 7.
    assert_eq!(d.risks[1].score, 13);
    let history = app.payment_history(a).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].days_late, 10);
    assert_eq!(history[0].number, "2026-0001");
}

#[test]
fn the_report_is_one_page_with_every_table() {
    let (dir, _, _) = world();
    let app = App::open(dir.path()).unwrap().with_today(d(2026, 11, 22));
    let (name, pdf) = app.dashboard_report().unwrap();
    assert_eq!(name, "Debiteurenrapport 2026-11-22.pdf");
    let text = pdf_text(&pdf, "dashboard-report");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_contains_all(
        &flat,
        &[
            "Debiteurenrapport Studio Jansen",
            "Openstaand € 3.135,75 € 2.509,70 Waarvan rente € 110,75 € 89,70 en kosten Vervallen € 2.420,00 € 2.420,00",
            "DSO 75,0 dagen",
            "Ouderdom Niet verv.",
            "Totaal € 605,00 € 0,00 € 2.420,00",
            "Verwacht € 3.025,00 € 0,00 € 0,00 € 0,00",
            "Bakkerij De Korenbloem B.V. 50",
        ],
        "report",
    );
    assert!(!text.contains("pagina 2"), "one page:\n{text}");
}
