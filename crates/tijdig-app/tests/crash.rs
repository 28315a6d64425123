//! Crash test (issue "Data in and out"): a writer process issues invoices and books payments in
//! a loop and is killed with SIGKILL at a random moment, 50 times. After every kill Tijdig is
//! reopened and must show: `integrity_check` ok, every write the writer saw committed still
//! there, and an invoice series without a gap or a duplicate.
//!
//! One binary plays both parts (`harness = false`): with `TIJDIG_CRASH_WRITER` set it is the
//! writer, otherwise it is the test that starts and kills it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tijdig_app::dto::{PaymentForm, PaymentMethod, VatTreatment};
use tijdig_app::App;

const ROUNDS: usize = 50;
const WRITER: &str = "TIJDIG_CRASH_WRITER";
const CATCHER: &str = "TIJDIG_CRASH_SCHEDULES";

fn main() {
    if let Some(dir) = std::env::var_os(WRITER) {
        write_forever(Path::new(&dir));
    }
    if let Some(dir) = std::env::var_os(CATCHER) {
        catch_up(Path::new(&dir));
        return;
    }
    crash_rounds();
    schedule_crash_rounds();
}

/// The day the periodic invoices' catch-up runs: a year of three monthly schedules is due.
fn catch_up_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2027, 12, 1).unwrap()
}

/// Tijdig started after a year closed: the catch-up of three monthly schedules (36 invoices,
/// each made and issued), killed somewhere along the way.
fn catch_up(dir: &Path) {
    let app = App::open(dir).unwrap().with_today(catch_up_day());
    app.make_scheduled_invoices().unwrap();
}

/// Periodic invoices under crashes (issue 21): the catch-up is killed at random moments, then
/// runs to the end. Every period's invoice exists exactly once and is issued — also one a
/// kill left between making and issuing — and the series runs in date order without a gap.
fn schedule_crash_rounds() {
    use tijdig_app::dto::{PeriodCovered, ReferenceKind, ScheduleForm, SchedulePeriod, VatRegime};
    let dir = tempfile::tempdir().unwrap();
    {
        let start = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let app = App::open(dir.path()).unwrap().with_today(start);
        app.save_profile(&support::profile_form()).unwrap();
        let client = app.create_client(&support::business_client()).unwrap();
        for (day, what) in [
            ("02-12-2026", "Hosting"),
            ("10-12-2026", "Onderhoud"),
            ("28-12-2026", "Licentie"),
        ] {
            let form = ScheduleForm {
                client_id: Some(client.value.id),
                period: SchedulePeriod::Month,
                covers: PeriodCovered::Coming,
                first_date: day.into(),
                end_date: String::new(),
                issue_directly: true,
                payment_term_days: String::new(),
                vat_regime: VatRegime::Normal,
                reference_kind: ReferenceKind::Rf,
                note: String::new(),
                lines: vec![support::line(what, "1", "50", VatTreatment::Standard21)],
            };
            let saved = app.save_invoice_schedule(None, &form).unwrap();
            assert_eq!(saved.made, 0, "nothing is due before its first date");
        }
    }
    let exe = std::env::current_exe().unwrap();
    let mut moments = Moments(0x5eed_u64 ^ std::process::id() as u64 | 1);
    let mut kills = 0;
    for round in 1..=8 {
        let mut child = Command::new(&exe)
            .env(CATCHER, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(moments.next_ms(100, 900)));
        if child.try_wait().unwrap().is_some() {
            break; // It finished the catch-up before this kill.
        }
        child.kill().unwrap();
        child.wait().unwrap();
        kills += 1;
        let made = made_periods(dir.path());
        println!("schedule crash round {round}: {made} periods made before the kill");
    }
    // Then Tijdig starts and runs to the end.
    catch_up(dir.path());
    let conn = rusqlite::Connection::open(dir.path().join("tijdig.sqlite3")).unwrap();
    let rows: Vec<(String, String, Option<String>, String)> = conn
        .prepare(
            "SELECT r.invoice_day, r.period_label, i.number, i.state
             FROM invoice_schedule_runs r JOIN invoices i ON i.id = r.invoice_id
             ORDER BY i.number",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let invoices: i64 = conn
        .query_row("SELECT count(*) FROM invoices", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        rows.len(),
        36,
        "twelve months of three schedules, each once"
    );
    assert_eq!(invoices, 36, "no invoice without its period, none twice");
    for (i, (day, label, number, state)) in rows.iter().enumerate() {
        assert_eq!(state, "issued", "{day} {label} was left a draft");
        // Dated the day they were made: the 2027 series, without a gap.
        assert_eq!(
            number.as_deref(),
            Some(format!("2027-{:04}", i + 1).as_str())
        );
    }
    // Numbers follow the days: sorted by number, the days never go back.
    let days: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted, "the series is in date order");
    println!("schedule crash test: ok — {kills} kills, 36 periods each made and issued once");
}

fn made_periods(dir: &Path) -> i64 {
    let conn = rusqlite::Connection::open(dir.join("tijdig.sqlite3")).unwrap();
    conn.query_row("SELECT count(*) FROM invoice_schedule_runs", [], |r| {
        r.get(0)
    })
    .unwrap()
}

/// The writer: draft → issue → pay, forever. A journal line is appended only after the call
/// returned, so every line names a write that was committed.
fn write_forever(dir: &Path) -> ! {
    let app = App::open(dir).unwrap().with_today(support::today());
    let client_id = std::fs::read_to_string(dir.join("client")).unwrap();
    let client_id: i64 = client_id.trim().parse().unwrap();
    let mut journal = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(dir.join("journal"))
        .unwrap();
    let mut note = |line: String| journal.write_all(format!("{line}\n").as_bytes()).unwrap();
    loop {
        let form = support::invoice_form(
            client_id,
            vec![support::line("Werk", "1", "100", VatTreatment::Standard21)],
        );
        let draft = app.create_invoice(&form).unwrap();
        let issued = app.issue_invoice(draft.id).unwrap();
        let number = issued.number.clone().unwrap();
        note(format!("issued {} {number}", issued.id));
        app.add_payment(
            issued.id,
            &PaymentForm {
                paid_on: "2026-11-22".into(),
                amount: "12,10".into(),
                method: PaymentMethod::Bank,
                note: String::new(),
            },
        )
        .unwrap();
        note(format!("paid {}", issued.id));
    }
}

/// A small xorshift generator: the kill moments vary, and the seed is printed to replay a run.
struct Moments(u64);

impl Moments {
    fn next_ms(&mut self, from: u64, to: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        from + self.0 % (to - from)
    }
}

fn crash_rounds() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = App::open(dir.path()).unwrap().with_today(support::today());
        app.save_profile(&support::profile_form()).unwrap();
        let client = app.create_client(&support::business_client()).unwrap();
        std::fs::write(dir.path().join("client"), client.value.id.to_string()).unwrap();
    }
    let seed = std::env::var("TIJDIG_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("crash test: {ROUNDS} rounds, seed {seed} (TIJDIG_CRASH_SEED replays it)");
    let mut moments = Moments(seed);
    let exe = std::env::current_exe().unwrap();
    let started = Instant::now();
    for round in 1..=ROUNDS {
        let mut child = Command::new(&exe)
            .env(WRITER, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(moments.next_ms(50, 600)));
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            panic!("round {round}: the writer stopped by itself ({status}):\n{err}");
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        check_after_restart(dir.path(), round);
    }
    let journal = std::fs::read_to_string(dir.path().join("journal")).unwrap();
    let issued = journal.lines().filter(|l| l.starts_with("issued ")).count();
    // The test proves nothing if the kills all landed before the first write. (A busy CI
    // machine issues fewer per round; half a write per kill on average is still plenty.)
    assert!(
        issued >= ROUNDS / 2,
        "only {issued} invoices were issued in {ROUNDS} rounds"
    );
    println!(
        "crash test: ok — {ROUNDS} kills, {issued} invoices issued, {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

fn check_after_restart(dir: &Path, round: usize) {
    // Reopening is what the user does after a crash: migrations, recovery of the write-ahead log.
    let app = App::open(dir).unwrap_or_else(|e| panic!("round {round}: reopen failed: {e:?}"));
    drop(app);
    let conn = rusqlite::Connection::open(dir.join("tijdig.sqlite3")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "round {round}: integrity_check");
    let fk: Vec<String> = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        fk.is_empty(),
        "round {round}: foreign keys broken in {fk:?}"
    );

    // The series: 2026-0001 … 2026-N, each once, and the counter at N.
    let numbers: Vec<(i64, String)> = conn
        .prepare("SELECT id, number FROM invoices WHERE state = 'issued' ORDER BY number")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (i, (_, number)) in numbers.iter().enumerate() {
        assert_eq!(
            number,
            &format!("2026-{:04}", i + 1),
            "round {round}: gap or duplicate in the series"
        );
    }
    // No row yet when the first kill came before the first invoice was issued.
    let last: i64 = conn
        .query_row(
            "SELECT coalesce(max(last_seq), 0) FROM number_series",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        last as usize,
        numbers.len(),
        "round {round}: counter and series differ"
    );

    // Every write the writer saw committed is there.
    let journal = std::fs::read_to_string(dir.join("journal")).unwrap_or_default();
    let by_id: BTreeMap<i64, &str> = numbers.iter().map(|(id, n)| (*id, n.as_str())).collect();
    for line in journal.lines() {
        let parts: Vec<&str> = line.split(' ').collect();
        match parts.as_slice() {
            ["issued", id, number] => {
                let id: i64 = id.parse().unwrap();
                assert_eq!(
                    by_id.get(&id).copied(),
                    Some(*number),
                    "round {round}: issued invoice {id} ({number}) lost"
                );
            }
            ["paid", id] => {
                let id: i64 = id.parse().unwrap();
                let (count, amount): (i64, Option<String>) = conn
                    .query_row(
                        "SELECT count(*), max(amount) FROM payments WHERE invoice_id = ?1",
                        [id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .unwrap();
                assert_eq!(
                    (count, amount.as_deref()),
                    (1, Some("12.1")),
                    "round {round}: payment on invoice {id} lost or doubled"
                );
            }
            // A line cut by the kill would be a bug in the journal, not in Tijdig, but the
            // writer appends whole lines in one call, so none is expected.
            other => panic!("round {round}: unreadable journal line {other:?}"),
        }
    }
}
