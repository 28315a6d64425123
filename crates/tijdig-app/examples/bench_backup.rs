//! Backups at scale, on a generated database of 2,000 clients and 100,000 invoices with
//! real-size documents (`generate --pdf-kb 35`):
//!
//! - `backup_first_100k` ms: the first backup, which puts every document on the shelf;
//! - `backup_100k` ms: a backup after that (median of 5) — what every hourly backup costs;
//! - `backup_set_100k` MB: what the retained set takes on disk after a year of backups
//!   (7 daily, 4 weekly, 12 monthly: 23 copies and their shelf), beside `db_100k` MB, the
//!   database itself.
//!
//! `cargo run --release -p tijdig-app --example bench_backup -- DATA_DIR` (the backups go into
//! DATA_DIR/backups; the database is only read).

use std::time::Instant;

use chrono::{Duration, NaiveDate};
use tijdig_app::App;

fn folder_bytes(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let path = e.path();
                    if path.is_dir() {
                        folder_bytes(&path)
                    } else {
                        e.metadata().map(|m| m.len()).unwrap_or(0)
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "tijdig-generated".into()),
    );
    let day = |d: NaiveDate| -> Result<App, String> {
        App::open(&dir)
            .map(|a| a.with_today(d))
            .map_err(|e| e.to_string())
    };
    let start_day = NaiveDate::from_ymd_opt(2025, 11, 23).ok_or("date")?;
    let app = day(start_day)?;
    let first = Instant::now();
    app.make_backup().map_err(|e| e.to_string())?;
    println!(
        "backup_first_100k = {:.0} ms",
        first.elapsed().as_secs_f64() * 1000.0
    );
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        app.make_backup().map_err(|e| e.to_string())?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!("backup_100k = {:.0} ms", times[2]);
    drop(app);
    // A year of backups: one a day (retention keeps what it keeps).
    for offset in 1..=365 {
        if offset % 7 != 0 && offset < 358 {
            continue; // weekly through the year, daily in the last week: enough for 7/4/12
        }
        day(start_day + Duration::days(offset))?
            .make_backup()
            .map_err(|e| e.to_string())?;
    }
    let status = day(start_day + Duration::days(365))?
        .backup_status()
        .map_err(|e| e.to_string())?;
    let set = folder_bytes(&dir.join("backups"));
    eprintln!(
        "backup_set_100k: {} backups kept, {} KB by the screen's count",
        status.files.len(),
        status.disk_kb
    );
    println!("backup_set_100k = {:.0} MB", set as f64 / 1_048_576.0);
    let db = std::fs::metadata(dir.join(tijdig_store::DATABASE_FILE))?.len();
    println!("db_100k = {:.0} MB", db as f64 / 1_048_576.0);
    Ok(())
}
