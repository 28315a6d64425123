//! Every table row by row, for "Alles exporteren": the app turns them into a JSON dump and the
//! stored PDFs into files. Read inside one transaction, so the dump is one consistent moment.

use rusqlite::types::ValueRef;

use crate::{Store, StoreError};

/// One column value as SQLite stores it. Amounts are TEXT in this database, so they arrive
/// exactly as stored (`"1210.00"`), never as floating point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DumpValue<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

/// One row: the column names of its table and the values in the same order.
pub struct DumpRow<'r> {
    pub columns: &'r [String],
    pub values: &'r [DumpValue<'r>],
}

impl DumpRow<'_> {
    /// The value of the named column, if the table has it.
    pub fn get(&self, column: &str) -> Option<DumpValue<'_>> {
        let at = self.columns.iter().position(|c| c == column)?;
        self.values.get(at).copied()
    }
}

impl Store {
    /// Runs `work` inside one read transaction: every query it makes sees the same moment.
    pub fn read_snapshot<T, E: From<StoreError>>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, E>,
    ) -> Result<T, E> {
        self.conn
            .execute_batch("BEGIN DEFERRED")
            .map_err(StoreError::from)?;
        let result = work(self);
        // Nothing was written; ending the transaction only releases the snapshot.
        self.conn
            .execute_batch("COMMIT")
            .map_err(StoreError::from)?;
        result
    }

    /// The user tables in the order they were created (SQLite's own tables left out).
    pub fn table_names(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' \
             ESCAPE '\\' ORDER BY rowid",
        )?;
        let names = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(names)
    }

    /// Calls `visit` for every row of `table`, in rowid order.
    pub fn dump_table<E: From<StoreError>>(
        &self,
        table: &str,
        mut visit: impl FnMut(&DumpRow<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let quoted = format!("\"{}\"", table.replace('"', "\"\""));
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT * FROM {quoted} ORDER BY rowid"))
            .map_err(StoreError::from)?;
        let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            let mut values = Vec::with_capacity(columns.len());
            for i in 0..columns.len() {
                values.push(match row.get_ref(i).map_err(StoreError::from)? {
                    ValueRef::Null => DumpValue::Null,
                    ValueRef::Integer(n) => DumpValue::Integer(n),
                    ValueRef::Real(x) => DumpValue::Real(x),
                    ValueRef::Text(t) => DumpValue::Text(
                        std::str::from_utf8(t)
                            .map_err(|_| StoreError::Corrupt(format!("{table}: text not UTF-8")))?,
                    ),
                    ValueRef::Blob(b) => DumpValue::Blob(b),
                });
            }
            visit(&DumpRow {
                columns: &columns,
                values: &values,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_table_is_listed_and_rows_arrive_with_their_columns() {
        let store = Store::open_in_memory().unwrap();
        let names = store.table_names().unwrap();
        for table in [
            "clients",
            "invoices",
            "payments",
            "letters",
            "bank_transactions",
        ] {
            assert!(names.iter().any(|n| n == table), "{table} in {names:?}");
        }
        assert!(!names.iter().any(|n| n.starts_with("sqlite_")));
        store
            .conn
            .execute_batch("INSERT INTO settings (key, value) VALUES ('x', 'y')")
            .unwrap();
        let mut seen = Vec::new();
        store
            .read_snapshot(|s| {
                s.dump_table::<StoreError>("settings", |row| {
                    let text = |c: &str| row.get(c).map(|v| format!("{v:?}"));
                    seen.push((text("key"), text("value")));
                    Ok(())
                })
            })
            .unwrap();
        assert!(seen.iter().any(
            |(k, v)| k.as_deref() == Some("Text(\"x\")") && v.as_deref() == Some("Text(\"y\")")
        ));
    }
}
