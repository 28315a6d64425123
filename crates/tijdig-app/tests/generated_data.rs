//! The data generator makes data the app accepts: a small generated business (60 clients, 500
//! invoices, with the app's own follow-up on top) opens on every screen without an error, and
//! the invoice list shows for every invoice what its own page shows.
//!
//! Runs the `generate` example, which `cargo test` builds with the tests.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use tijdig_app::dto::*;
use tijdig_app::keychain::MemoryVault;
use tijdig_app::App;

fn generator() -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let path = profile_dir
        .join("examples")
        .join(format!("generate{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is built by `cargo test` with the tests",
        path.display()
    );
    path
}

#[test]
fn a_generated_business_opens_on_every_screen_and_its_list_agrees_with_each_invoice() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = std::process::Command::new(generator())
        .args(["--data-dir", data.to_str().unwrap()])
        .args([
            "--clients",
            "60",
            "--invoices",
            "500",
            "--today",
            "2026-11-20",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("500 invoices"), "{summary}");

    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let app = App::open(&data)
        .unwrap()
        .with_today(today)
        .with_vault(Box::new(MemoryVault::default()));
    // Vandaag, the dashboard, the lists and the settings screens.
    let overview = app.today_overview().unwrap();
    assert!(
        !overview.clients.is_empty(),
        "a generated business has steps today"
    );
    app.dashboard().unwrap();
    app.profile().unwrap();
    app.invoice_settings().unwrap();
    app.interest_rates().unwrap();
    app.backup_status().unwrap();
    app.bank_overview().unwrap();
    app.offers(None).unwrap();
    let arrangements = app.arrangements(None).unwrap();
    for a in &arrangements {
        app.arrangement(a.id).unwrap();
    }
    let clients = app.clients(&ClientQuery::default()).unwrap();
    assert_eq!(clients.len(), 60);
    for client in clients.iter().take(8) {
        app.client(client.id).unwrap();
        app.follow_up_policy(Some(client.id)).unwrap();
        app.client_acceptance(client.id).unwrap();
        app.payment_history(client.id).unwrap();
        app.dossier(client.id).unwrap();
    }
    // Every invoice: the list's row is its page's status and open amount.
    let list = app
        .invoices(&InvoiceQuery {
            limit: MAX_PAGE,
            ..InvoiceQuery::default()
        })
        .unwrap();
    assert!(list.total >= 500, "{}", list.total);
    for row in &list.rows {
        let invoice = app.invoice(row.id).unwrap();
        app.invoice_emails(row.id).unwrap();
        assert_eq!(
            (row.status, row.outstanding.as_str()),
            (invoice.status, invoice.outstanding.as_str()),
            "{:?}",
            row.number
        );
    }
    for status in [
        InvoiceStatus::Paid,
        InvoiceStatus::Overdue,
        InvoiceStatus::Credited,
        InvoiceStatus::Open,
    ] {
        app.invoices(&InvoiceQuery {
            status: Some(status),
            ..InvoiceQuery::default()
        })
        .unwrap();
    }
    let found = app
        .invoices(&InvoiceQuery {
            search: "bedrijf 0001".into(),
            ..InvoiceQuery::default()
        })
        .unwrap();
    assert!(
        found.total > 0,
        "the large client's invoices are found by name"
    );
}
