//! The screens at a lifetime of data: ms, median of 7 after one warm-up, each screen's
//! use-cases as the window calls them, on a generated database (2,000 clients, 100,000
//! invoices, one client with 5,000 of them).
//!
//! `cargo run --release -p tijdig-app --example bench_screens -- DATA_DIR`
//! (make DATA_DIR with `cargo run --release -p tijdig-app --example generate`).
//!
//! - `screen_invoice_list_100k`: the invoice list as it opens (first page, by due date)
//! - `screen_invoice_list_newest_100k`: the same, newest first
//! - `screen_invoice_list_overdue_100k`: only the overdue invoices (every claim that can be
//!   open is computed to know which are)
//! - `screen_invoice_search_100k`: the list searched for part of a client's name
//! - `screen_today_100k`: Vandaag
//! - `screen_client_detail_100k`: the page of the client with the most invoices
//! - `screen_invoice_detail_100k`: the page of an overdue invoice of that client
//! - `screen_vat_return_100k`: Btw per kwartaal for the last full quarter (the rubrieken and
//!   the ICP list from every invoice dated in it)
//! - `screen_first_open_100k`: the first screen (Vandaag) after an upgrade, when no settled
//!   claim is remembered yet: every claim computed once (once per database)

use std::time::Instant;

use chrono::NaiveDate;
use tijdig_app::dto::{InvoiceQuery, InvoiceSort, InvoiceStatus};
use tijdig_app::{App, AppError};

fn median(mut work: impl FnMut() -> Result<(), AppError>) -> Result<f64, AppError> {
    work()?;
    let mut times = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        work()?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tijdig-generated".into());
    let dir = std::path::Path::new(&dir);
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).ok_or("date")?;
    let largest: i64 = rusqlite::Connection::open(dir.join("tijdig.sqlite3"))?.query_row(
        "SELECT client_id FROM invoices GROUP BY client_id ORDER BY count(*) DESC LIMIT 1",
        [],
        |r| r.get(0),
    )?;
    let app = App::open(dir)?.with_today(today);
    {
        // What an upgraded database costs once: nothing remembered as settled yet.
        let conn = rusqlite::Connection::open(dir.join("tijdig.sqlite3"))?;
        conn.execute("DELETE FROM settled_claims", [])?;
    }
    // The first screen (Vandaag) with nothing remembered: it computes every claim once.
    let start = Instant::now();
    app.today_overview()?;
    let first_open = start.elapsed().as_secs_f64() * 1000.0;
    println!("screen_first_open_100k = {first_open:.0} ms");

    let list_of = |query: InvoiceQuery| median(|| app.invoices(&query).map(drop));
    let list = list_of(InvoiceQuery::default())?;
    println!("screen_invoice_list_100k = {list:.1} ms");
    // Newest first: the page is the year's invoices, most of them still to compute.
    let newest = list_of(InvoiceQuery {
        sort: InvoiceSort::InvoiceDate,
        ..InvoiceQuery::default()
    })?;
    println!("screen_invoice_list_newest_100k = {newest:.1} ms");
    // Only what is overdue: every claim that can be open is computed to know which are.
    let overdue_only = list_of(InvoiceQuery {
        status: Some(InvoiceStatus::Overdue),
        ..InvoiceQuery::default()
    })?;
    println!("screen_invoice_list_overdue_100k = {overdue_only:.1} ms");
    let search = list_of(InvoiceQuery {
        search: "drijf 012".into(),
        ..InvoiceQuery::default()
    })?;
    println!("screen_invoice_search_100k = {search:.1} ms");
    let today_screen = median(|| app.today_overview().map(drop))?;
    println!("screen_today_100k = {today_screen:.1} ms");
    let client = median(|| {
        app.client(largest)?;
        app.follow_up_policy(Some(largest))?;
        app.client_acceptance(largest)?;
        app.payment_history(largest)?;
        app.dossier(largest)?;
        Ok(())
    })?;
    println!("screen_client_detail_100k = {client:.1} ms");
    // An overdue invoice of that client (or of anyone, when it has none): the fullest page.
    let overdue_of = |client_id| {
        app.invoices(&InvoiceQuery {
            client_id,
            status: Some(InvoiceStatus::Overdue),
            limit: 1,
            ..InvoiceQuery::default()
        })
        .map(|page| page.rows.first().map(|r| r.id))
    };
    let overdue = match overdue_of(Some(largest))? {
        Some(id) => id,
        None => overdue_of(None)?.ok_or("no overdue invoice")?,
    };
    let invoice = median(|| {
        app.invoice(overdue)?;
        app.invoice_emails(overdue)?;
        Ok(())
    })?;
    println!("screen_invoice_detail_100k = {invoice:.1} ms");
    let vat = median(|| app.vat_return(2026, 3).map(drop))?;
    println!("screen_vat_return_100k = {vat:.1} ms");
    Ok(())
}
