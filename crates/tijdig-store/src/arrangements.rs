//! Payment arrangements (betalingsregelingen): the agreement as made (never changed), its
//! instalments with their payment references, the payments against it and the actions taken
//! per instalment (a contact before it is due, a reminder when it was missed).

use crate::dossier::{insert_entry, is_constraint, NewDossierEntry};
use crate::letters::{insert_letter, LetterRecord, NewLetter};
use crate::parse::{amount, date};
use crate::{in_transaction, Store, StoreError};
use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};
use rust_decimal::Decimal;
use tijdig_domain::arrangement::{AcknowledgedDebt, Instalment};

/// Renders a letter's PDF and SHA-256 for the reference it was given.
pub type LetterRender<'a, E> = Box<dyn FnOnce(&str) -> Result<(Vec<u8>, String), E> + 'a>;

/// An arrangement to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewArrangement {
    pub client_id: i64,
    pub start_date: NaiveDate,
    pub debt: AcknowledgedDebt,
    pub interest_running: bool,
    pub costs_waived: bool,
    pub grace_days: u32,
    pub invoice_ids: Vec<i64>,
    pub instalments: Vec<Instalment>,
}

/// What the caller renders inside the transaction, for the reference it was given: the PDF,
/// its SHA-256 and one payment reference per instalment (in order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrangementDocument {
    pub pdf: Vec<u8>,
    pub pdf_sha256: String,
    pub payment_references: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrangementPayment {
    pub id: i64,
    pub paid_on: NaiveDate,
    pub amount: Decimal,
    pub note: Option<String>,
}

/// An instalment as stored, with its payment reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredInstalment {
    pub instalment: Instalment,
    pub payment_reference: String,
}

/// An action done for one instalment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalmentAction {
    pub instalment: u32,
    /// `contact` or `reminder`.
    pub action: String,
    pub done_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrangementRecord {
    pub id: i64,
    pub client_id: i64,
    pub reference: String,
    pub start_date: NaiveDate,
    pub debt: AcknowledgedDebt,
    pub interest_running: bool,
    pub costs_waived: bool,
    pub grace_days: u32,
    pub pdf_sha256: String,
    pub invoice_ids: Vec<i64>,
    pub instalments: Vec<StoredInstalment>,
    pub payments: Vec<ArrangementPayment>,
    pub actions: Vec<InstalmentAction>,
}

/// The bank entry an arrangement payment comes from: marked booked in the same transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BankLink<'a> {
    pub transaction_id: i64,
    pub rule: &'a str,
    pub iban: Option<&'a str>,
}

impl Store {
    /// Records an arrangement: the next reference of its year ("2026-R0001"), the PDF rendered
    /// for it inside the transaction, the instalments with their payment references and a
    /// dossier entry — all or nothing.
    pub fn create_arrangement<E: From<StoreError>>(
        &mut self,
        new: &NewArrangement,
        entry: &NewDossierEntry,
        render: impl FnOnce(&str) -> Result<ArrangementDocument, E>,
    ) -> Result<ArrangementRecord, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let year = new.start_date.year();
        let seq = crate::numbering::next_reference_seq(
            &tx,
            "arrangement",
            ("arrangements", "reference"),
            &format!("{year:04}-R"),
            year,
        )?;
        let reference = format!("{year}-R{seq:04}");
        let doc = render(&reference)?;
        if doc.payment_references.len() != new.instalments.len() {
            return Err(StoreError::Corrupt("one payment reference per instalment".into()).into());
        }
        tx.execute(
            "INSERT INTO arrangements (client_id, reference, start_date, principal, interest, costs,
                                       interest_running, costs_waived, grace_days, pdf, pdf_sha256)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            (
                new.client_id,
                &reference,
                new.start_date.to_string(),
                new.debt.principal.to_string(),
                new.debt.interest.to_string(),
                new.debt.costs.to_string(),
                new.interest_running,
                new.costs_waived,
                new.grace_days,
                &doc.pdf,
                &doc.pdf_sha256,
            ),
        )
        .map_err(StoreError::from)?;
        let id = tx.last_insert_rowid();
        for invoice in &new.invoice_ids {
            tx.execute(
                "INSERT INTO arrangement_invoices (arrangement_id, invoice_id) VALUES (?1, ?2)",
                (id, invoice),
            )
            .map_err(StoreError::from)?;
        }
        for (inst, payment_reference) in new.instalments.iter().zip(&doc.payment_references) {
            tx.execute(
                "INSERT INTO instalments (arrangement_id, number, due_date, amount, payment_reference)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                (id, inst.number, inst.due.to_string(), inst.amount.to_string(), payment_reference),
            )
            .map_err(StoreError::from)?;
        }
        insert_entry(&tx, entry, None)?;
        let record = read_arrangement(&tx, id)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(record)
    }

    pub fn arrangement(&self, id: i64) -> Result<ArrangementRecord, StoreError> {
        read_arrangement(&self.conn, id)
    }

    /// Arrangements of one client or of all, newest first.
    pub fn arrangements(
        &self,
        client_id: Option<i64>,
    ) -> Result<Vec<ArrangementRecord>, StoreError> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare(
                "SELECT id FROM arrangements WHERE ?1 IS NULL OR client_id = ?1
                 ORDER BY start_date DESC, id DESC",
            )?;
            let rows = stmt.query_map([client_id], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        ids.into_iter()
            .map(|id| read_arrangement(&self.conn, id))
            .collect()
    }

    /// The stored agreement PDF, byte for byte.
    pub fn arrangement_pdf(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        self.conn
            .query_row("SELECT pdf FROM arrangements WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(StoreError::NotFound)
    }

    #[allow(clippy::too_many_arguments)]
    /// Registers a payment against an arrangement; `bookings` (invoice, amount) book the part
    /// that pays the invoices as invoice payments; a dossier entry records it. One transaction.
    pub fn add_arrangement_payment(
        &mut self,
        arrangement_id: i64,
        paid_on: NaiveDate,
        amount: Decimal,
        note: Option<&str>,
        bookings: &[(i64, Decimal)],
        entry: &NewDossierEntry,
        bank: Option<BankLink<'_>>,
    ) -> Result<ArrangementPayment, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            tx.execute(
                "INSERT INTO arrangement_payments (arrangement_id, paid_on, amount, note, bank_transaction_id)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                (
                    arrangement_id,
                    paid_on.to_string(),
                    amount.to_string(),
                    note,
                    bank.as_ref().map(|b| b.transaction_id),
                ),
            )?;
            let id = tx.last_insert_rowid();
            if let Some(b) = &bank {
                crate::bank::mark_booked(
                    tx,
                    b.transaction_id,
                    None,
                    Some(arrangement_id),
                    b.rule,
                    &entry.at,
                )?;
                if let Some(iban) = b.iban {
                    crate::bank::learn_account(tx, entry.client_id, iban)?;
                }
            }
            for (invoice, part) in bookings {
                tx.execute(
                    "INSERT INTO payments (invoice_id, paid_on, amount, method, note, arrangement_payment_id)
                     VALUES (?1, ?2, ?3, 'arrangement', ?4, ?5)",
                    (invoice, paid_on.to_string(), part.to_string(), note, id),
                )?;
            }
            insert_entry(tx, entry, None)?;
            Ok(ArrangementPayment {
                id,
                paid_on,
                amount,
                note: note.map(str::to_string),
            })
        })
    }

    /// Records that `action` was done for an instalment (once), with its dossier entry and,
    /// for a reminder, the letter.
    #[allow(clippy::too_many_arguments)]
    pub fn record_instalment_action<E: From<StoreError>>(
        &mut self,
        arrangement_id: i64,
        instalment: u32,
        action: &str,
        done_on: NaiveDate,
        entry: &NewDossierEntry,
        letter: Option<(&NewLetter, LetterRender<'_, E>)>,
    ) -> Result<Option<LetterRecord>, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        if action_done(&tx, arrangement_id, instalment, action)? {
            return Err(StoreError::AlreadyDone.into());
        }
        let (record, entry_id) = match letter {
            Some((letter, render)) => {
                let (record, entry_id) = insert_letter(&tx, letter, entry, render)?;
                // Instalment reminders are posted letters: always in the dossier.
                let entry_id = entry_id.ok_or_else(|| {
                    StoreError::Corrupt("an instalment reminder is never an e-mail letter".into())
                })?;
                (Some(record), entry_id)
            }
            None => (None, insert_entry(&tx, entry, None)?),
        };
        tx.execute(
            "INSERT INTO arrangement_actions (arrangement_id, instalment, action, done_on, entry_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            (arrangement_id, instalment, action, done_on.to_string(), entry_id),
        )
        .map_err(|e| if is_constraint(&e) { StoreError::AlreadyDone } else { e.into() })?;
        tx.commit().map_err(StoreError::from)?;
        Ok(record)
    }
}

fn action_done(
    tx: &Transaction<'_>,
    arrangement_id: i64,
    instalment: u32,
    action: &str,
) -> Result<bool, StoreError> {
    let found: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM arrangement_actions WHERE arrangement_id = ?1 AND instalment = ?2 AND action = ?3",
            (arrangement_id, instalment, action),
            |r| r.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

fn read_arrangement(conn: &rusqlite::Connection, id: i64) -> Result<ArrangementRecord, StoreError> {
    let row = conn
        .query_row(
            "SELECT client_id, reference, start_date, principal, interest, costs, interest_running,
                    costs_waived, grace_days, pdf_sha256
             FROM arrangements WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, bool>(6)?,
                    r.get::<_, bool>(7)?,
                    r.get::<_, u32>(8)?,
                    r.get::<_, String>(9)?,
                ))
            },
        )
        .optional()?
        .ok_or(StoreError::NotFound)?;
    let (client_id, reference, start, principal, interest, costs, running, waived, grace, sha) =
        row;
    let mut instalments = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT number, due_date, amount, payment_reference FROM instalments
         WHERE arrangement_id = ?1 ORDER BY number",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        instalments.push(StoredInstalment {
            instalment: Instalment {
                number: r.get(0)?,
                due: date(&r.get::<_, String>(1)?)?,
                amount: amount(&r.get::<_, String>(2)?)?,
            },
            payment_reference: r.get(3)?,
        });
    }
    let mut payments = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, paid_on, amount, note FROM arrangement_payments
         WHERE arrangement_id = ?1 ORDER BY paid_on, id",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        payments.push(ArrangementPayment {
            id: r.get(0)?,
            paid_on: date(&r.get::<_, String>(1)?)?,
            amount: amount(&r.get::<_, String>(2)?)?,
            note: r.get(3)?,
        });
    }
    let mut actions = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT instalment, action, done_on FROM arrangement_actions
         WHERE arrangement_id = ?1 ORDER BY instalment, action",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        actions.push(InstalmentAction {
            instalment: r.get(0)?,
            action: r.get(1)?,
            done_on: date(&r.get::<_, String>(2)?)?,
        });
    }
    Ok(ArrangementRecord {
        id,
        client_id,
        reference,
        start_date: date(&start)?,
        debt: AcknowledgedDebt {
            principal: amount(&principal)?,
            interest: amount(&interest)?,
            costs: amount(&costs)?,
        },
        interest_running: running,
        costs_waived: waived,
        grace_days: grace,
        pdf_sha256: sha,
        invoice_ids: crate::dossier::ids(
            conn,
            "SELECT invoice_id FROM arrangement_invoices WHERE arrangement_id = ?1 ORDER BY invoice_id",
            id,
        )?,
        instalments,
        payments,
        actions,
    })
}
