//! Numbers are never reused (issue "Nothing lost, nothing twice"; art. 35a Wet OB: an invoice
//! number identifies one invoice). Each series — invoices per prefix, letters, arrangements,
//! offers, each per year — hands out the next number above both what the data holds and the
//! series' floor (`series_floors`): the highest number ever handed out on this computer, which a
//! restore carries from the data it replaces into the data it brings back.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::{in_transaction, Store, StoreError};

/// The highest sequence number handed out in one series in one year.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SeriesMark {
    /// `invoice:<prefix>`, `letter`, `arrangement` or `offer`.
    pub series: String,
    pub year: i32,
    pub last_seq: u32,
}

/// The series key of the invoice numbers with `prefix`.
pub(crate) fn invoice_series(prefix: &str) -> String {
    format!("invoice:{prefix}")
}

/// The highest of each series: the invoice counters and the floors (which every letter,
/// arrangement and offer raises as it is made) — two small tables, one read.
fn marks(conn: &Connection) -> Result<Vec<SeriesMark>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT series, year, max(last_seq) FROM (
             SELECT 'invoice:' || prefix AS series, year, last_seq FROM number_series
             UNION ALL
             SELECT series, year, last_seq FROM series_floors)
         GROUP BY series, year ORDER BY series, year",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(SeriesMark {
            series: r.get(0)?,
            year: r.get(1)?,
            last_seq: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The floor of `series` in `year` (0 when none).
pub(crate) fn floor(tx: &Transaction<'_>, series: &str, year: i32) -> Result<u32, StoreError> {
    Ok(tx
        .query_row(
            "SELECT last_seq FROM series_floors WHERE series = ?1 AND year = ?2",
            (series, year),
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

/// The next sequence number of a reference series (`2026-B0007`, `2026-R0002`, `OF-2026-0003`)
/// whose references in `year` are `<like>` followed by the number: one above the highest in the
/// data and the series' floor.
pub(crate) fn next_reference_seq(
    tx: &Transaction<'_>,
    series: &str,
    table_column: (&str, &str),
    prefix: &str,
    year: i32,
) -> Result<u32, StoreError> {
    let (table, column) = table_column;
    let highest: Option<i64> = tx.query_row(
        &format!(
            "SELECT max(CAST(substr({column}, length(?1) + 1) AS INTEGER)) FROM {table}
             WHERE {column} LIKE ?1 || '%'"
        ),
        [prefix],
        |r| r.get(0),
    )?;
    let highest = u32::try_from(highest.unwrap_or(0).max(0))
        .map_err(|_| StoreError::Corrupt(format!("{series} numbers out of range")))?;
    Ok(highest.max(floor(tx, series, year)?) + 1)
}

/// Merges marks: the highest per (series, year).
pub fn merge_marks(sets: &[&[SeriesMark]]) -> Vec<SeriesMark> {
    let mut merged: BTreeMap<(String, i32), u32> = BTreeMap::new();
    for set in sets {
        for mark in *set {
            let slot = merged.entry((mark.series.clone(), mark.year)).or_insert(0);
            *slot = (*slot).max(mark.last_seq);
        }
    }
    merged
        .into_iter()
        .map(|((series, year), last_seq)| SeriesMark {
            series,
            year,
            last_seq,
        })
        .collect()
}

impl Store {
    /// The highest number of every series in this database: the numbers it holds and the
    /// floors it was given.
    pub fn number_marks(&self) -> Result<Vec<SeriesMark>, StoreError> {
        marks(&self.conn)
    }

    /// Raises the series' floors to `marks` (never lowers them): the next number of each series
    /// comes after its mark. The invoice series' counters are raised too.
    pub fn raise_number_marks(&mut self, marks: &[SeriesMark]) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            for mark in marks {
                tx.execute(
                    "INSERT INTO series_floors (series, year, last_seq) VALUES (?1, ?2, ?3)
                     ON CONFLICT (series, year) DO UPDATE
                     SET last_seq = max(last_seq, excluded.last_seq)",
                    (&mark.series, mark.year, mark.last_seq),
                )?;
                if let Some(prefix) = mark.series.strip_prefix("invoice:") {
                    tx.execute(
                        "INSERT INTO number_series (prefix, year, last_seq) VALUES (?1, ?2, ?3)
                         ON CONFLICT (prefix, year) DO UPDATE
                         SET last_seq = max(last_seq, excluded.last_seq)",
                        (prefix, mark.year, mark.last_seq),
                    )?;
                }
            }
            Ok(())
        })
    }
}
