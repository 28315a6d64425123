//! Back-ups: which to keep (the newest backup of each of the 7 most recent days, 4 ISO weeks and
//! 12 months that have one), how they are named, and when the last one is too old (issue "Data
//! in and out": the Belastingdienst asks for 7 years of records). The copy made just before a
//! restore is pinned (issue "Nothing lost, nothing twice"): its own name, never pruned.

use chrono::{Datelike, Duration, NaiveDateTime};
use std::collections::HashSet;

/// Days after which Settings warns that the last backup is old.
pub const STALE_AFTER_DAYS: i64 = 7;
const KEEP_DAILY: usize = 7;
const KEEP_WEEKLY: usize = 4;
const KEEP_MONTHLY: usize = 12;

/// The file name of a backup made at `at`: `tijdig-2026-11-22-101500.sqlite3`.
pub fn backup_file_name(at: NaiveDateTime) -> String {
    at.format("tijdig-%Y-%m-%d-%H%M%S.sqlite3").to_string()
}

/// The file name of the copy of what was there just before a restore at `at`:
/// `tijdig-2026-11-22-101500-voor-terugzetten.sqlite3`. Retention never removes it.
pub fn pinned_backup_file_name(at: NaiveDateTime) -> String {
    at.format("tijdig-%Y-%m-%d-%H%M%S-voor-terugzetten.sqlite3")
        .to_string()
}

/// The moment in a regular (prunable) backup's file name, if it is one of ours.
pub fn parse_backup_file_name(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix("tijdig-")?.strip_suffix(".sqlite3")?;
    NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d-%H%M%S").ok()
}

/// The moment in any of our backups' file names, and whether it is pinned (made before a
/// restore).
pub fn parse_any_backup_file_name(name: &str) -> Option<(NaiveDateTime, bool)> {
    if let Some(at) = parse_backup_file_name(name) {
        return Some((at, false));
    }
    let stamp = name
        .strip_prefix("tijdig-")?
        .strip_suffix("-voor-terugzetten.sqlite3")?;
    let at = NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d-%H%M%S").ok()?;
    Some((at, true))
}

/// For each backup (any order), whether to keep it.
pub fn backups_to_keep(stamps: &[NaiveDateTime]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..stamps.len()).collect();
    order.sort_by(|a, b| stamps[*b].cmp(&stamps[*a]));
    let mut keep = vec![false; stamps.len()];
    let mut pick = |key: &dyn Fn(NaiveDateTime) -> (i32, u32), limit: usize| {
        let mut seen = HashSet::new();
        for i in &order {
            let k = key(stamps[*i]);
            if seen.len() == limit && !seen.contains(&k) {
                break;
            }
            if seen.insert(k) {
                keep[*i] = true;
            }
        }
    };
    pick(&|t| (t.year(), t.ordinal()), KEEP_DAILY);
    pick(&|t| (t.iso_week().year(), t.iso_week().week()), KEEP_WEEKLY);
    pick(&|t| (t.year(), t.month()), KEEP_MONTHLY);
    keep
}

/// Whether the last backup is more than [`STALE_AFTER_DAYS`] old (or there is none).
pub fn backup_is_stale(last: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    last.is_none_or(|l| now - l > Duration::days(STALE_AFTER_DAYS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn names_round_trip_and_foreign_files_are_ignored() {
        let t = at(2026, 11, 22, 10);
        assert_eq!(backup_file_name(t), "tijdig-2026-11-22-100000.sqlite3");
        assert_eq!(parse_backup_file_name(&backup_file_name(t)), Some(t));
        assert_eq!(parse_backup_file_name("notes.txt"), None);
        assert_eq!(
            parse_backup_file_name("tijdig-2026-13-01-000000.sqlite3"),
            None
        );
    }

    #[test]
    fn the_newest_of_each_recent_day_week_and_month_is_kept() {
        // Two a day for 400 days.
        let mut stamps = Vec::new();
        let start = at(2025, 10, 18, 9);
        for day in 0..400 {
            stamps.push(start + Duration::days(day));
            stamps.push(start + Duration::days(day) + Duration::hours(8));
        }
        let keep = backups_to_keep(&stamps);
        let kept: Vec<NaiveDateTime> = stamps
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(s, _)| *s)
            .collect();
        // 7 days; the 4 weeks and 12 months add their newest where a day did not already.
        assert!(
            kept.len() >= 12 && kept.len() <= 7 + 4 + 12,
            "{}",
            kept.len()
        );
        let newest = *stamps.iter().max().unwrap();
        assert!(kept.contains(&newest));
        // Only the later backup of a day is kept.
        assert!(!kept.contains(&(newest - Duration::hours(8))));
        // Nothing older than 12 months of backups.
        assert!(kept.iter().all(|k| newest - *k < Duration::days(366)));
        // Every one of the last 7 days has one.
        for d in 0..7 {
            let day = (newest - Duration::days(d)).date();
            assert!(kept.iter().any(|k| k.date() == day), "day {day}");
        }
    }

    #[test]
    fn a_pinned_copy_has_its_own_name_that_retention_does_not_take_as_a_regular_backup() {
        let t = at(2026, 11, 22, 10);
        let pinned = pinned_backup_file_name(t);
        assert_eq!(pinned, "tijdig-2026-11-22-100000-voor-terugzetten.sqlite3");
        assert_eq!(parse_backup_file_name(&pinned), None);
        assert_eq!(parse_any_backup_file_name(&pinned), Some((t, true)));
        assert_eq!(
            parse_any_backup_file_name(&backup_file_name(t)),
            Some((t, false))
        );
        assert_eq!(
            parse_any_backup_file_name("tijdig-x-voor-terugzetten.sqlite3"),
            None
        );
    }

    #[test]
    fn a_few_backups_are_all_kept() {
        let stamps = [
            at(2026, 11, 20, 9),
            at(2026, 11, 21, 9),
            at(2026, 11, 22, 9),
        ];
        assert_eq!(backups_to_keep(&stamps), [true, true, true]);
    }

    #[test]
    fn a_backup_older_than_a_week_is_stale() {
        let now = at(2026, 11, 22, 12);
        assert!(backup_is_stale(None, now));
        assert!(!backup_is_stale(Some(at(2026, 11, 16, 12)), now));
        assert!(backup_is_stale(Some(at(2026, 11, 15, 11)), now));
    }
}
