//! Key/value settings (instellingen) that are not part of a domain record.

use crate::{in_transaction, Store, StoreError};
use rusqlite::OptionalExtension;

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets several settings in one transaction.
    pub fn set_settings(&mut self, pairs: &[(&str, &str)]) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            for (key, value) in pairs {
                put_setting(tx, key, value)?;
            }
            Ok(())
        })
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            put_setting(tx, key, value)?;
            Ok(())
        })
    }
}

pub(crate) fn put_setting(
    tx: &rusqlite::Transaction<'_>,
    key: &str,
    value: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}
