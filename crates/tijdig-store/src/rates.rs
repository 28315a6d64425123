//! The rate table (rentetabel): statutory interest rates by kind and valid-from date.

use crate::{in_transaction, Store, StoreError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;
use tijdig_domain::interest::{InterestKind, Rate};

/// A stored rate and whether Tijdig shipped it (shipped rows cannot be removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateRecord {
    pub rate: Rate,
    pub shipped: bool,
}

impl Store {
    /// Adds the shipped rates that are not in the table yet. An existing row keeps its
    /// percentage; the one change made to it: a shipped row marked unverified that this version
    /// ships confirmed, with the same percentage, loses the mark and takes the new source.
    pub fn sync_shipped_rates(&mut self, rates: &[Rate]) -> Result<usize, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let mut added = 0;
            for rate in rates.iter().filter(|r| !r.unverified) {
                tx.execute(
                    "UPDATE interest_rates SET unverified = 0, source = ?4
                     WHERE kind = ?1 AND valid_from = ?2 AND percent = ?3
                       AND shipped = 1 AND unverified = 1",
                    (
                        rate.kind.code(),
                        rate.valid_from.to_string(),
                        rate.percent.to_string(),
                        &rate.source,
                    ),
                )?;
            }
            for rate in rates {
                added += tx.execute(
                    "INSERT OR IGNORE INTO interest_rates
                        (kind, valid_from, percent, source, unverified, shipped)
                     VALUES (?1, ?2, ?3, ?4, ?5, 1)",
                    (
                        rate.kind.code(),
                        rate.valid_from.to_string(),
                        rate.percent.to_string(),
                        &rate.source,
                        rate.unverified,
                    ),
                )?;
            }
            Ok(added)
        })
    }

    /// Every rate, by kind and then by date.
    pub fn rates(&self) -> Result<Vec<RateRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT kind, valid_from, percent, source, unverified, shipped FROM interest_rates
             ORDER BY kind, valid_from",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, bool>(4)?,
                r.get::<_, bool>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, valid_from, percent, source, unverified, shipped) = row?;
            let corrupt = |what: &str| StoreError::Corrupt(format!("rate {what}"));
            out.push(RateRecord {
                rate: Rate {
                    kind: InterestKind::from_code(&kind).ok_or_else(|| corrupt(&kind))?,
                    valid_from: NaiveDate::from_str(&valid_from)
                        .map_err(|_| corrupt(&valid_from))?,
                    percent: Decimal::from_str(&percent).map_err(|_| corrupt(&percent))?,
                    source,
                    unverified,
                },
                shipped,
            });
        }
        Ok(out)
    }

    /// Adds a rate the user entered; a second rate for the same kind and date is refused by
    /// the primary key (checked by the domain first, for a clear message).
    pub fn add_rate(&mut self, rate: &Rate) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            tx.execute(
                "INSERT INTO interest_rates (kind, valid_from, percent, source, unverified, shipped)
                 VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                (
                    rate.kind.code(),
                    rate.valid_from.to_string(),
                    rate.percent.to_string(),
                    &rate.source,
                    rate.unverified,
                ),
            )?;
            Ok(())
        })
    }

    /// Removes a rate the user added. Shipped rates stay.
    pub fn remove_rate(
        &mut self,
        kind: InterestKind,
        valid_from: NaiveDate,
    ) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            // Past rates used by letters already produced stay: the letters cite them.
            let used: i64 = tx.query_row(
                "SELECT count(*) FROM letters WHERE letter_date >= ?1",
                [valid_from.to_string()],
                |r| r.get(0),
            )?;
            if used > 0 {
                return Err(StoreError::InUse);
            }
            let removed = tx.execute(
                "DELETE FROM interest_rates WHERE kind = ?1 AND valid_from = ?2 AND shipped = 0",
                (kind.code(), valid_from.to_string()),
            )?;
            if removed == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }
}
