//! `dashboard_100k`: ms (median of 15, after a warm-up) for the dashboard's query and
//! computation over a generated database of 2,000 clients and 100,000 invoices.
//!
//! `cargo run --release -p tijdig-app --example bench_dashboard -- DATA_DIR`
//! (make DATA_DIR with `cargo run --release -p tijdig-app --example generate`).

use std::time::Instant;

use chrono::NaiveDate;
use tijdig_app::{App, AppError};

fn main() -> Result<(), AppError> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tijdig-generated".into());
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
    let app = App::open(std::path::Path::new(&dir))?.with_today(today);
    let warm = app.dashboard()?;
    std::hint::black_box(&warm);
    let mut times = Vec::new();
    for _ in 0..15 {
        let start = Instant::now();
        let d = app.dashboard()?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(d);
    }
    times.sort_by(f64::total_cmp);
    println!("dashboard_100k = {:.1} ms", times[times.len() / 2]);
    Ok(())
}
