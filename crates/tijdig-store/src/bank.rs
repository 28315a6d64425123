//! Bank statements in: the imports, every incoming entry once (by its entry key), the payments
//! booked from them, proposals the user confirms, and the accounts clients paid from.

use crate::parse::{amount, date};
use crate::{in_transaction, InvoiceRecord, PaymentRecord, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, TransactionBehavior};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// What became of an incoming entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BankState {
    /// Registered as a payment.
    Booked,
    /// A match the user confirms.
    Proposed,
    /// Nothing found; the user can assign it by hand.
    Unmatched,
    /// The user said it is no client's payment.
    Ignored,
}

impl BankState {
    pub fn code(self) -> &'static str {
        match self {
            BankState::Booked => "booked",
            BankState::Proposed => "proposed",
            BankState::Unmatched => "unmatched",
            BankState::Ignored => "ignored",
        }
    }

    fn from_code(code: &str) -> Result<BankState, StoreError> {
        Ok(match code {
            "booked" => BankState::Booked,
            "proposed" => BankState::Proposed,
            "unmatched" => BankState::Unmatched,
            "ignored" => BankState::Ignored,
            other => return Err(StoreError::Corrupt(format!("bank state {other}"))),
        })
    }
}

/// A file to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBankImport {
    pub file_name: String,
    pub file_sha256: String,
    pub format: String,
    pub imported_at: String,
    pub accounts: String,
    pub entries: u32,
}

/// An incoming entry to record, with what matching decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBankTransaction {
    pub entry_key: String,
    pub account: Option<String>,
    pub booked_on: NaiveDate,
    pub amount: Decimal,
    pub counterparty_iban: Option<String>,
    pub counterparty_name: Option<String>,
    pub description: String,
    pub reference: Option<String>,
    pub state: BankState,
    pub rule: Option<String>,
    pub invoice_id: Option<i64>,
    pub arrangement_id: Option<i64>,
    pub hint_invoice_id: Option<i64>,
    /// For a proposal: the payment registered by hand that this entry probably is.
    pub same_as_payment: Option<i64>,
    /// For a booked entry: the payments to register (invoice, amount).
    pub payments: Vec<(i64, Decimal)>,
    /// For a booked entry: the dossier line of each payment (how art. 6:44 applied it).
    pub dossier: Vec<crate::NewDossierEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankTransactionRecord {
    pub id: i64,
    pub import_id: i64,
    pub booked_on: NaiveDate,
    pub amount: Decimal,
    pub counterparty_iban: Option<String>,
    pub counterparty_name: Option<String>,
    pub description: String,
    pub reference: Option<String>,
    pub state: BankState,
    pub rule: Option<String>,
    pub invoice_id: Option<i64>,
    pub arrangement_id: Option<i64>,
    pub hint_invoice_id: Option<i64>,
    /// The payment registered by hand that this entry probably is (confirming links them).
    pub same_as_payment: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankImportRecord {
    pub id: i64,
    pub file_name: String,
    pub format: String,
    pub imported_at: String,
    pub accounts: String,
    pub entries: u32,
    pub new_entries: u32,
}

/// Issued invoices' number and payment reference, for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceKeys {
    pub number: String,
    pub reference: String,
}

const COLUMNS: &str = "id, import_id, booked_on, amount, counterparty_iban, counterparty_name,
    description, reference, state, rule, invoice_id, arrangement_id, hint_invoice_id,
    same_as_payment_id";

fn read_transaction(r: &Row<'_>) -> Result<BankTransactionRecord, StoreError> {
    let state: String = r.get(8)?;
    Ok(BankTransactionRecord {
        id: r.get(0)?,
        import_id: r.get(1)?,
        booked_on: date(&r.get::<_, String>(2)?)?,
        amount: amount(&r.get::<_, String>(3)?)?,
        counterparty_iban: r.get(4)?,
        counterparty_name: r.get(5)?,
        description: r.get(6)?,
        reference: r.get(7)?,
        state: BankState::from_code(&state)?,
        rule: r.get(9)?,
        invoice_id: r.get(10)?,
        arrangement_id: r.get(11)?,
        hint_invoice_id: r.get(12)?,
        same_as_payment: r.get(13)?,
    })
}

impl Store {
    /// Which of `keys` are already in the database.
    pub fn known_entry_keys(&self, keys: &[String]) -> Result<HashSet<String>, StoreError> {
        let mut known = HashSet::new();
        for chunk in keys.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(",");
            let mut stmt = self.conn.prepare(&format!(
                "SELECT entry_key FROM bank_transactions WHERE entry_key IN ({marks})"
            ))?;
            let rows =
                stmt.query_map(rusqlite::params_from_iter(chunk), |r| r.get::<_, String>(0))?;
            for key in rows {
                known.insert(key?);
            }
        }
        Ok(known)
    }

    /// Records a file and its new entries, registering the payments of the booked ones — all
    /// in one transaction. An entry key that is already there refuses the whole import
    /// ([`StoreError::AlreadyDone`]): the caller filtered them, so another import came first.
    pub fn import_bank_statement(
        &mut self,
        import: &NewBankImport,
        transactions: &[NewBankTransaction],
    ) -> Result<i64, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            tx.execute(
                "INSERT INTO bank_imports (file_name, file_sha256, format, imported_at, accounts, entries, new_entries)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    import.file_name,
                    import.file_sha256,
                    import.format,
                    import.imported_at,
                    import.accounts,
                    import.entries,
                    u32::try_from(transactions.len()).unwrap_or(u32::MAX)
                ],
            )?;
            let import_id = tx.last_insert_rowid();
            let mut insert = tx.prepare(
                "INSERT INTO bank_transactions (import_id, entry_key, account, booked_on, amount,
                     counterparty_iban, counterparty_name, description, reference, state, rule,
                     invoice_id, arrangement_id, hint_invoice_id, decided_at, same_as_payment_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?;
            let mut pay = tx.prepare(
                "INSERT INTO payments (invoice_id, paid_on, amount, method, note, bank_transaction_id)
                 VALUES (?1, ?2, ?3, 'bank', ?4, ?5)",
            )?;
            for t in transactions {
                let decided = (t.state == BankState::Booked).then_some(&import.imported_at);
                insert
                    .execute(params![
                        import_id,
                        t.entry_key,
                        t.account,
                        t.booked_on.to_string(),
                        t.amount.to_string(),
                        t.counterparty_iban,
                        t.counterparty_name,
                        t.description,
                        t.reference,
                        t.state.code(),
                        t.rule,
                        t.invoice_id,
                        t.arrangement_id,
                        t.hint_invoice_id,
                        decided,
                        t.same_as_payment
                    ])
                    .map_err(|e| {
                        if is_unique(&e) {
                            StoreError::AlreadyDone
                        } else {
                            e.into()
                        }
                    })?;
                let id = tx.last_insert_rowid();
                for (invoice, part) in &t.payments {
                    pay.execute(params![
                        invoice,
                        t.booked_on.to_string(),
                        part.to_string(),
                        note(&t.description),
                        id
                    ])?;
                }
                for entry in &t.dossier {
                    crate::dossier::insert_entry(tx, entry, None)?;
                }
            }
            Ok(import_id)
        })
    }

    /// Incoming entries in the given states, newest first (at most `limit`).
    pub fn bank_transactions(
        &self,
        states: &[BankState],
        limit: u32,
    ) -> Result<Vec<BankTransactionRecord>, StoreError> {
        let codes: Vec<&str> = states.iter().map(|s| s.code()).collect();
        let marks = vec!["?"; codes.len()].join(",");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM bank_transactions WHERE state IN ({marks})
             ORDER BY booked_on DESC, id DESC LIMIT {limit}"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(codes))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(read_transaction(r)?);
        }
        Ok(out)
    }

    pub fn bank_transaction(&self, id: i64) -> Result<BankTransactionRecord, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM bank_transactions WHERE id = ?1"
        ))?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(r) => read_transaction(r),
            None => Err(StoreError::NotFound),
        }
    }

    /// The most recent imports.
    pub fn bank_imports(&self, limit: u32) -> Result<Vec<BankImportRecord>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, file_name, format, imported_at, accounts, entries, new_entries
             FROM bank_imports ORDER BY id DESC LIMIT {limit}"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(BankImportRecord {
                id: r.get(0)?,
                file_name: r.get(1)?,
                format: r.get(2)?,
                imported_at: r.get(3)?,
                accounts: r.get(4)?,
                entries: r.get(5)?,
                new_entries: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Books an entry that was proposed or unmatched as a payment of `invoice_id` after `check`
    /// has seen the invoice and its payments, learns the account it came from, in one
    /// transaction. An entry already booked or ignored gives [`StoreError::AlreadyDone`].
    pub fn book_bank_transaction<E: From<StoreError>>(
        &mut self,
        id: i64,
        invoice_id: i64,
        rule: &str,
        decided_at: &str,
        check: impl FnOnce(
            &InvoiceRecord,
            &[PaymentRecord],
            &BankTransactionRecord,
        ) -> Result<(Decimal, Option<crate::NewDossierEntry>), E>,
    ) -> Result<(), E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let entry = {
            let mut stmt = tx
                .prepare(&format!(
                    "SELECT {COLUMNS} FROM bank_transactions WHERE id = ?1"
                ))
                .map_err(StoreError::from)?;
            let mut rows = stmt.query([id]).map_err(StoreError::from)?;
            match rows.next().map_err(StoreError::from)? {
                Some(r) => read_transaction(r)?,
                None => return Err(StoreError::NotFound.into()),
            }
        };
        if !matches!(entry.state, BankState::Proposed | BankState::Unmatched) {
            return Err(StoreError::AlreadyDone.into());
        }
        let invoice = crate::invoices::read_invoice(&tx, invoice_id)?;
        let payments = crate::invoices::read_payments(&tx, invoice_id)?;
        let (part, dossier) = check(&invoice, &payments, &entry)?;
        if let Some(dossier) = dossier {
            crate::dossier::insert_entry(&tx, &dossier, None)?;
        }
        tx.execute(
            "INSERT INTO payments (invoice_id, paid_on, amount, method, note, bank_transaction_id)
             VALUES (?1, ?2, ?3, 'bank', ?4, ?5)",
            params![
                invoice_id,
                entry.booked_on.to_string(),
                part.to_string(),
                note(&entry.description),
                id
            ],
        )
        .map_err(StoreError::from)?;
        mark_booked(&tx, id, Some(invoice_id), None, rule, decided_at)?;
        if let Some(iban) = &entry.counterparty_iban {
            learn_account(&tx, invoice.draft.client_id, iban)?;
        }
        tx.commit().map_err(StoreError::from)?;
        Ok(())
    }

    /// Confirms that a proposed entry is the payment the user registered by hand: the payment
    /// learns the entry it came from and the entry is booked — no second payment. Refused
    /// ([`StoreError::AlreadyDone`]) when the entry was decided or the payment is already linked
    /// to another entry.
    pub fn link_bank_transaction(
        &mut self,
        id: i64,
        payment_id: i64,
        decided_at: &str,
    ) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let invoice_id: i64 = tx
                .query_row(
                    "SELECT invoice_id FROM payments WHERE id = ?1",
                    [payment_id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(StoreError::NotFound)?;
            let linked = tx.execute(
                "UPDATE payments SET bank_transaction_id = ?2
                 WHERE id = ?1 AND bank_transaction_id IS NULL",
                params![payment_id, id],
            )?;
            if linked == 0 {
                return Err(StoreError::AlreadyDone);
            }
            mark_booked(tx, id, Some(invoice_id), None, "manual_payment", decided_at)?;
            let (client_id, iban): (i64, Option<String>) = tx.query_row(
                "SELECT i.client_id, t.counterparty_iban FROM bank_transactions t
                 JOIN invoices i ON i.id = ?2 WHERE t.id = ?1",
                params![id, invoice_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if let Some(iban) = iban {
                learn_account(tx, client_id, &iban)?;
            }
            Ok(())
        })
    }

    /// Marks an entry no client's payment (or, `ignored = false`, unmatched again).
    pub fn ignore_bank_transaction(&mut self, id: i64, ignored: bool) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let (from, to) = if ignored {
                ("('proposed', 'unmatched')", "ignored")
            } else {
                ("('ignored')", "unmatched")
            };
            let n = tx.execute(
                &format!("UPDATE bank_transactions SET state = ?2, invoice_id = NULL, arrangement_id = NULL
                          WHERE id = ?1 AND state IN {from}"),
                params![id, to],
            )?;
            if n == 0 {
                return Err(StoreError::AlreadyDone);
            }
            Ok(())
        })
    }

    /// Every issued invoice's number and payment reference, by id (credit notes are not
    /// paid: they are left out).
    pub fn invoice_keys(&self) -> Result<HashMap<i64, InvoiceKeys>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, number, payment_reference FROM invoices
             WHERE state = 'issued' AND payment_reference IS NOT NULL
                AND kind <> 'credit_note'",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                InvoiceKeys {
                    number: r.get(1)?,
                    reference: r.get(2)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The accounts each client pays from: the IBAN on its card and the ones learned.
    pub fn client_accounts(&self) -> Result<Vec<(i64, String)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, iban FROM clients WHERE iban IS NOT NULL AND iban != ''
             UNION SELECT client_id, iban FROM client_bank_accounts",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Marks an entry booked (used by the arrangement payment too).
pub(crate) fn mark_booked(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    invoice_id: Option<i64>,
    arrangement_id: Option<i64>,
    rule: &str,
    decided_at: &str,
) -> Result<(), StoreError> {
    let n = tx.execute(
        "UPDATE bank_transactions SET state = 'booked', invoice_id = ?2, arrangement_id = ?3,
             rule = ?4, decided_at = ?5
         WHERE id = ?1 AND state IN ('proposed', 'unmatched')",
        params![id, invoice_id, arrangement_id, rule, decided_at],
    )?;
    if n == 0 {
        return Err(StoreError::AlreadyDone);
    }
    Ok(())
}

pub(crate) fn learn_account(
    tx: &rusqlite::Transaction<'_>,
    client_id: i64,
    iban: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT OR IGNORE INTO client_bank_accounts (client_id, iban) VALUES (?1, ?2)",
        params![client_id, iban],
    )?;
    Ok(())
}

/// The payment's note: where it came from.
fn note(description: &str) -> String {
    let short: String = description.chars().take(120).collect();
    format!("Bankafschrift: {short}")
}

fn is_unique(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
}
