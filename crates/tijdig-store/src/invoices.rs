//! Invoices (facturen): drafts, issuing with a gap-free number, credit notes and payments.
//!
//! An issued invoice is immutable (nl-rules-sources §1.5); the store checks that before every
//! change and the database triggers of migration 0002 enforce it for any SQL.

use crate::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{named_params, OptionalExtension, Row, Transaction, TransactionBehavior};
use rust_decimal::Decimal;
use tijdig_domain::invoice::{InvoiceKind, InvoiceLine, VatRegime, VatTreatment};
use tijdig_domain::payment_reference::PaymentReferenceKind as ReferenceKind;

/// An invoice as the user wrote it (the same for a draft and, frozen, for an issued one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceData {
    pub kind: InvoiceKind,
    pub client_id: i64,
    pub invoice_date: NaiveDate,
    pub delivery_from: Option<NaiveDate>,
    pub delivery_to: Option<NaiveDate>,
    pub payment_term_days: u32,
    pub vat_regime: VatRegime,
    pub reference_kind: ReferenceKind,
    pub note: Option<String>,
    /// For a credit note: the invoice it corrects.
    pub credits_invoice_id: Option<i64>,
    pub lines: Vec<InvoiceLine>,
}

/// What issuing fixed forever.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedFacts {
    pub number: String,
    pub payment_reference: String,
    pub total: Decimal,
    /// RFC 3339 UTC.
    pub issued_at: String,
    pub pdf_sha256: String,
}

/// What the caller produces for the number it was given, inside the issuing transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedDocument {
    pub payment_reference: String,
    pub total: Decimal,
    pub pdf: Vec<u8>,
    pub pdf_sha256: String,
    /// A dossier entry written in the same transaction (an invoice issued unsigned says so).
    pub dossier: Option<crate::NewDossierEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceRecord {
    pub id: i64,
    pub draft: InvoiceData,
    /// `None` while the invoice is a draft (concept).
    pub issued: Option<IssuedFacts>,
    pub created_at: String,
    /// For an invoice made in other software and imported: where it came from and its figures.
    pub external: Option<crate::ExternalFacts>,
}

/// A registered payment (betaling).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRecord {
    pub id: i64,
    pub invoice_id: i64,
    pub paid_on: NaiveDate,
    pub amount: Decimal,
    pub method: String,
    pub note: Option<String>,
    /// The bank entry it came from (imported, or linked when the user confirmed that an
    /// imported entry was this payment); `None` for one registered by hand.
    pub bank_transaction_id: Option<i64>,
}

/// A payment to register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPayment {
    pub paid_on: NaiveDate,
    pub amount: Decimal,
    pub method: String,
    pub note: Option<String>,
}

impl Store {
    pub fn create_invoice(&mut self, data: &InvoiceData) -> Result<i64, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = insert_draft(&tx, data)?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces a draft's content. An issued invoice is refused with [`StoreError::Immutable`].
    pub fn update_invoice(&mut self, id: i64, data: &InvoiceData) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_draft(&tx, id)?;
        write_invoice(
            &tx,
            "UPDATE invoices SET kind = :kind, client_id = :client_id,
                invoice_date = :invoice_date, delivery_from = :delivery_from,
                delivery_to = :delivery_to, payment_term_days = :term, vat_regime = :regime,
                reference_kind = :reference_kind, note = :note, credits_invoice_id = :credits,
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = :id",
            Some(id),
            data,
        )?;
        tx.execute("DELETE FROM invoice_lines WHERE invoice_id = ?1", [id])?;
        insert_lines(&tx, id, &data.lines)?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a draft. An issued invoice is refused with [`StoreError::Immutable`].
    pub fn delete_invoice(&mut self, id: i64) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_draft(&tx, id)?;
        tx.execute("DELETE FROM invoices WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Issues a draft: takes the next number of the `(prefix, year)` series, lets `render`
    /// produce the document for that number (it gets the number and its sequence), and stores both — all in one transaction, so a
    /// failure anywhere leaves neither a gap in the series nor a half-issued invoice.
    pub fn issue_invoice<E: From<StoreError>>(
        &mut self,
        id: i64,
        prefix: &str,
        year: i32,
        render: impl FnOnce(&str, u32) -> Result<IssuedDocument, E>,
    ) -> Result<InvoiceRecord, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        ensure_draft(&tx, id)?;
        let seq = next_in_series(&tx, prefix, year)?;
        let number = tijdig_domain::invoice::format_number(prefix, year, seq);
        let doc = render(&number, seq)?;
        tx.execute(
            "UPDATE invoices SET state = 'issued', number = :number,
                payment_reference = :reference, total = :total, pdf = :pdf, pdf_sha256 = :sha,
                issued_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = :id",
            named_params! {
                ":id": id,
                ":number": number,
                ":reference": doc.payment_reference,
                ":total": doc.total.to_string(),
                ":pdf": doc.pdf,
                ":sha": doc.pdf_sha256,
            },
        )
        .map_err(StoreError::from)?;
        if let Some(entry) = &doc.dossier {
            crate::dossier::insert_entry(&tx, entry, None)?;
        }
        let record = read_invoice(&tx, id)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(record)
    }

    pub fn invoice(&self, id: i64) -> Result<InvoiceRecord, StoreError> {
        read_invoice(&self.conn, id)
    }

    /// Every invoice, newest first (drafts included), in two queries.
    pub fn list_invoices(&self) -> Result<Vec<InvoiceRecord>, StoreError> {
        self.invoice_set(&crate::InvoiceSet::All)
    }

    /// Every invoice of one client (credit notes included), newest first.
    pub fn invoices_of_client(&self, client_id: i64) -> Result<Vec<InvoiceRecord>, StoreError> {
        self.invoice_set(&crate::InvoiceSet::Client(client_id))
    }

    /// The stored PDF of an issued invoice, byte for byte as issued.
    pub fn invoice_pdf(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        let pdf: Option<Option<Vec<u8>>> = self
            .conn
            .query_row("SELECT pdf FROM invoices WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        pdf.flatten().ok_or(StoreError::NotFound)
    }

    /// The issued credit notes that correct invoice `id`, oldest first.
    pub fn credit_notes_for(&self, id: i64) -> Result<Vec<InvoiceRecord>, StoreError> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare(
                "SELECT id FROM invoices WHERE credits_invoice_id = ?1 AND state = 'issued'",
            )?;
            let rows = stmt.query_map([id], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut notes = self.invoice_set(&crate::InvoiceSet::Ids(ids))?;
        notes.sort_by_key(|n| n.id);
        Ok(notes)
    }

    pub fn payments(&self, invoice_id: i64) -> Result<Vec<PaymentRecord>, StoreError> {
        read_payments(&self.conn, invoice_id)
    }

    /// Registers a payment after `check` has seen the payments already made, in the same
    /// transaction (so two payments at once cannot together overpay).
    pub fn add_payment<E: From<StoreError>>(
        &mut self,
        invoice_id: i64,
        payment: &NewPayment,
        check: impl FnOnce(
            &InvoiceRecord,
            &[PaymentRecord],
        ) -> Result<Option<crate::NewDossierEntry>, E>,
    ) -> Result<PaymentRecord, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let invoice = read_invoice(&tx, invoice_id)?;
        let existing = read_payments(&tx, invoice_id)?;
        if let Some(entry) = check(&invoice, &existing)? {
            crate::dossier::insert_entry(&tx, &entry, None)?;
        }
        let id = insert_payment(&tx, invoice_id, payment)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(PaymentRecord {
            id,
            invoice_id,
            paid_on: payment.paid_on,
            amount: payment.amount,
            method: payment.method.clone(),
            note: payment.note.clone(),
            bank_transaction_id: None,
        })
    }

    /// The invoice prefix and other settings live in `settings`; this counts issued numbers
    /// of a series (for tests and diagnostics).
    pub fn last_in_series(&self, prefix: &str, year: i32) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT last_seq FROM number_series WHERE prefix = ?1 AND year = ?2",
                (prefix, year),
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0))
    }
}

/// Inserts a draft invoice with its lines; returns its id.
pub(crate) fn insert_draft(tx: &Transaction<'_>, data: &InvoiceData) -> Result<i64, StoreError> {
    write_invoice(
        tx,
        "INSERT INTO invoices (id, kind, client_id, state, invoice_date, delivery_from,
            delivery_to, payment_term_days, vat_regime, reference_kind, note,
            credits_invoice_id)
         VALUES (:id, :kind, :client_id, 'draft', :invoice_date, :delivery_from,
            :delivery_to, :term, :regime, :reference_kind, :note, :credits)",
        None,
        data,
    )?;
    let id = tx.last_insert_rowid();
    insert_lines(tx, id, &data.lines)?;
    Ok(id)
}

/// Registers a payment on an invoice; returns its id.
pub(crate) fn insert_payment(
    tx: &Transaction<'_>,
    invoice_id: i64,
    payment: &NewPayment,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO payments (invoice_id, paid_on, amount, method, note)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        (
            invoice_id,
            payment.paid_on.to_string(),
            payment.amount.to_string(),
            &payment.method,
            &payment.note,
        ),
    )?;
    Ok(tx.last_insert_rowid())
}

fn ensure_draft(tx: &Transaction<'_>, id: i64) -> Result<(), StoreError> {
    let state: Option<String> = tx
        .query_row("SELECT state FROM invoices WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    match state.as_deref() {
        None => Err(StoreError::NotFound),
        Some("draft") => Ok(()),
        Some(_) => Err(StoreError::Immutable),
    }
}

fn next_in_series(tx: &Transaction<'_>, prefix: &str, year: i32) -> Result<u32, StoreError> {
    tx.execute(
        "INSERT INTO number_series (prefix, year, last_seq) VALUES (?1, ?2, 1)
         ON CONFLICT (prefix, year) DO UPDATE SET last_seq = last_seq + 1",
        (prefix, year),
    )?;
    let seq: u32 = tx.query_row(
        "SELECT last_seq FROM number_series WHERE prefix = ?1 AND year = ?2",
        (prefix, year),
        |r| r.get(0),
    )?;
    // Never a number handed out before a restore (the series' floor).
    let floor = crate::numbering::floor(tx, &crate::numbering::invoice_series(prefix), year)?;
    let mut next = seq.max(floor + 1);
    // Nor a number the business gave an invoice in other software, imported to be followed up
    // (`external_invoices`): one number is one invoice of the business (art. 35a Wet OB), so
    // the series passes it by.
    while tx
        .query_row(
            "SELECT 1 FROM invoices WHERE number = ?1",
            [tijdig_domain::invoice::format_number(prefix, year, next)],
            |_| Ok(()),
        )
        .optional()?
        .is_some()
    {
        next += 1;
    }
    if next != seq {
        tx.execute(
            "UPDATE number_series SET last_seq = ?3 WHERE prefix = ?1 AND year = ?2",
            (prefix, year, next),
        )?;
    }
    Ok(next)
}

/// Binds an invoice's own columns to `sql` (an INSERT with `:id` NULL, or an UPDATE).
pub(crate) fn write_invoice(
    tx: &Transaction<'_>,
    sql: &str,
    id: Option<i64>,
    data: &InvoiceData,
) -> Result<usize, StoreError> {
    Ok(tx.execute(
        sql,
        named_params! {
            ":id": id,
            ":kind": data.kind.code(),
            ":client_id": data.client_id,
            ":invoice_date": data.invoice_date.to_string(),
            ":delivery_from": data.delivery_from.map(|d| d.to_string()),
            ":delivery_to": data.delivery_to.map(|d| d.to_string()),
            ":term": data.payment_term_days,
            ":regime": data.vat_regime.code(),
            ":reference_kind": data.reference_kind.code(),
            ":note": data.note,
            ":credits": data.credits_invoice_id,
        },
    )?)
}

pub(crate) fn insert_lines(
    tx: &Transaction<'_>,
    id: i64,
    lines: &[InvoiceLine],
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare(
        "INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit,
            unit_price, vat, discount_percent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (position, line) in lines.iter().enumerate() {
        stmt.execute((
            id,
            position as i64,
            &line.description,
            line.quantity.to_string(),
            &line.unit,
            line.unit_price.to_string(),
            line.vat.code(),
            line.discount_percent.map(|d| d.to_string()),
        ))?;
    }
    Ok(())
}

use crate::parse::{amount as decimal, date};

pub(crate) fn coded<T>(
    text: &str,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> Result<T, StoreError> {
    parse(text).ok_or_else(|| StoreError::Corrupt(format!("{what} {text}")))
}

pub(crate) fn read_invoice(
    conn: &rusqlite::Connection,
    id: i64,
) -> Result<InvoiceRecord, StoreError> {
    let record = conn
        .query_row(
            &format!("SELECT {INVOICE_COLUMNS} FROM invoices WHERE id = ?1"),
            [id],
            |row| Ok(read_row(row)),
        )
        .optional()?
        .ok_or(StoreError::NotFound)??;
    let mut stmt = conn.prepare(&format!(
        "SELECT {LINE_COLUMNS} FROM invoice_lines WHERE invoice_id = ?1 ORDER BY position"
    ))?;
    let mut rows = stmt.query([id])?;
    let mut record = record;
    while let Some(row) = rows.next()? {
        record.draft.lines.push(read_line(row, 0)?);
    }
    record.external = crate::external_invoices::external_facts(conn, &[id])?.remove(&id);
    Ok(record)
}

/// The columns [`read_line`] reads, in its order.
pub(crate) const LINE_COLUMNS: &str =
    "description, quantity, unit, unit_price, vat, discount_percent";

/// One invoice line from [`LINE_COLUMNS`], starting at column `at`.
pub(crate) fn read_line(r: &Row<'_>, at: usize) -> Result<InvoiceLine, StoreError> {
    let quantity: String = r.get(at + 1)?;
    let unit_price: String = r.get(at + 3)?;
    let vat: String = r.get(at + 4)?;
    let discount: Option<String> = r.get(at + 5)?;
    Ok(InvoiceLine {
        description: r.get(at)?,
        quantity: decimal(&quantity)?,
        unit: r.get(at + 2)?,
        unit_price: decimal(&unit_price)?,
        vat: coded(&vat, VatTreatment::from_code, "vat")?,
        discount_percent: discount.as_deref().map(decimal).transpose()?,
    })
}

/// What an [`InvoiceRecord`] is read from: every column but the PDF (read on its own, when a
/// document is asked for).
pub(crate) const INVOICE_COLUMNS: &str = "id, kind, client_id, state, number, invoice_date, \
    delivery_from, delivery_to, payment_term_days, vat_regime, reference_kind, note, \
    credits_invoice_id, payment_reference, total, issued_at, pdf_sha256, created_at";

/// An invoice from a row of [`INVOICE_COLUMNS`], read by position (a lifetime of invoices
/// is read in sets: no lookup of column names per value).
pub(crate) fn read_row(row: &Row<'_>) -> Result<InvoiceRecord, StoreError> {
    let text = |at: usize| -> Result<String, StoreError> { Ok(row.get::<_, String>(at)?) };
    let optional = |at: usize| -> Result<Option<String>, StoreError> { Ok(row.get(at)?) };
    let optional_date = |at: usize| -> Result<Option<NaiveDate>, StoreError> {
        optional(at)?.as_deref().map(date).transpose()
    };
    let number: Option<String> = optional(4)?;
    let issued = match number {
        Some(number) if text(3)? == "issued" => Some(IssuedFacts {
            number,
            payment_reference: optional(13)?.unwrap_or_default(),
            total: decimal(&optional(14)?.unwrap_or_default())?,
            issued_at: optional(15)?.unwrap_or_default(),
            pdf_sha256: optional(16)?.unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(InvoiceRecord {
        id: row.get(0)?,
        created_at: text(17)?,
        external: None,
        issued,
        draft: InvoiceData {
            kind: coded(&text(1)?, InvoiceKind::from_code, "invoice kind")?,
            client_id: row.get(2)?,
            invoice_date: date(&text(5)?)?,
            delivery_from: optional_date(6)?,
            delivery_to: optional_date(7)?,
            payment_term_days: row.get(8)?,
            vat_regime: coded(&text(9)?, VatRegime::from_code, "vat regime")?,
            reference_kind: coded(&text(10)?, ReferenceKind::from_code, "reference")?,
            note: row.get(11)?,
            credits_invoice_id: row.get(12)?,
            lines: Vec::new(),
        },
    })
}

pub(crate) fn read_payments(
    conn: &rusqlite::Connection,
    invoice_id: i64,
) -> Result<Vec<PaymentRecord>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, paid_on, amount, method, note, bank_transaction_id FROM payments
         WHERE invoice_id = ?1 ORDER BY paid_on, id",
    )?;
    let rows = stmt.query_map([invoice_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<i64>>(5)?,
        ))
    })?;
    let mut payments = Vec::new();
    for row in rows {
        let (id, paid_on, amount, method, note, bank_transaction_id) = row?;
        payments.push(PaymentRecord {
            id,
            invoice_id,
            paid_on: date(&paid_on)?,
            amount: decimal(&amount)?,
            method,
            note,
            bank_transaction_id,
        });
    }
    Ok(payments)
}
