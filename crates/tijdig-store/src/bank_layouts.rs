//! Remembered column mappings of bank CSV files Tijdig does not know (migration 0019).

use rusqlite::params;

use crate::{Store, StoreError};

/// A mapping the user gave for one file layout and account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvLayout {
    /// The user's account the files are about; empty when a column of the file names it.
    pub account: String,
    /// The mapping as the app wrote it (JSON).
    pub columns: String,
    pub saved_at: String,
}

impl Store {
    /// Every mapping remembered for a file layout, the most recently saved first.
    pub fn csv_layouts(&self, signature: &str) -> Result<Vec<CsvLayout>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT account, columns, saved_at FROM bank_csv_layouts
             WHERE signature = ?1 ORDER BY saved_at DESC, account",
        )?;
        let rows = stmt.query_map(params![signature], |r| {
            Ok(CsvLayout {
                account: r.get(0)?,
                columns: r.get(1)?,
                saved_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Remembers (or replaces) the mapping for a layout and account.
    pub fn save_csv_layout(
        &mut self,
        signature: &str,
        layout: &CsvLayout,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO bank_csv_layouts (signature, account, columns, saved_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (signature, account) DO UPDATE
             SET columns = excluded.columns, saved_at = excluded.saved_at",
            params![signature, layout.account, layout.columns, layout.saved_at],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn layout(account: &str, columns: &str, at: &str) -> CsvLayout {
        CsvLayout {
            account: account.into(),
            columns: columns.into(),
            saved_at: at.into(),
        }
    }

    #[test]
    fn a_layout_is_remembered_per_account_and_replaced_when_saved_again() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(store.csv_layouts("header;a;b").unwrap().is_empty());
        store
            .save_csv_layout("header;a;b", &layout("NL1", "{1}", "2026-01-01T10:00:00"))
            .unwrap();
        store
            .save_csv_layout("header;a;b", &layout("NL2", "{2}", "2026-01-02T10:00:00"))
            .unwrap();
        store
            .save_csv_layout("header;a;b", &layout("NL1", "{3}", "2026-01-03T10:00:00"))
            .unwrap();
        store
            .save_csv_layout("columns,8", &layout("", "{4}", "2026-01-03T10:00:00"))
            .unwrap();
        let saved = store.csv_layouts("header;a;b").unwrap();
        assert_eq!(
            saved,
            vec![
                layout("NL1", "{3}", "2026-01-03T10:00:00"),
                layout("NL2", "{2}", "2026-01-02T10:00:00")
            ]
        );
    }
}
