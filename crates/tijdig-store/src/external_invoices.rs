//! Invoices made in other software, imported to be followed up (migration 0020). Each is an
//! issued, immutable `invoices` row with its own number and PDF, and an `external_invoices`
//! row with where it came from and the file's figures.

use std::collections::{HashMap, HashSet};

use rusqlite::{named_params, params, Connection, OptionalExtension, Transaction};
use rust_decimal::Decimal;
use tijdig_domain::client::Client;
use tijdig_domain::invoice::VatTreatment;

use crate::invoices::{coded, InvoiceData, NewPayment};
use crate::parse::amount as decimal;
use crate::{in_transaction, NewDossierEntry, Store, StoreError};
use tijdig_domain::follow_up::DossierKind;

/// Where an imported invoice came from, and its figures as the file states them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalFacts {
    /// `ubl` or `csv`.
    pub format: String,
    pub file_name: String,
    /// The file had no PDF: Tijdig rendered a copy marked as such.
    pub pdf_is_copy: bool,
    /// Total without VAT (BT-109).
    pub subtotal: Decimal,
    /// Total VAT (BT-110).
    pub vat_total: Decimal,
    /// VAT per treatment, as the file states it.
    pub vat_rows: Vec<ExternalVatRow>,
    /// The Dutch e-invoice rules the file breaks, as shown at import.
    pub findings: Vec<String>,
    pub imported_at: String,
}

/// The file's base and VAT for one of Tijdig's VAT treatments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalVatRow {
    pub treatment: VatTreatment,
    pub base: Decimal,
    pub vat: Decimal,
}

/// The client of an invoice to import: one Tijdig knows, or one of the new clients created in
/// the same transaction (by position).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientChoice {
    Existing(i64),
    New(usize),
}

/// An invoice to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExternalInvoice {
    pub client: ClientChoice,
    /// The invoice as Tijdig keeps it (its `client_id` is set from `client`).
    pub data: InvoiceData,
    pub number: String,
    pub payment_reference: String,
    /// What the invoice asks, VAT included (BT-112).
    pub total: Decimal,
    pub pdf: Vec<u8>,
    pub pdf_sha256: String,
    pub facts: ExternalFacts,
    /// For a credit note: the number of the invoice it corrects (imported earlier, in this
    /// same import, or Tijdig's own).
    pub corrects: Option<String>,
    /// What the file says was paid already (BT-113), registered as a payment.
    pub prepaid: Option<NewPayment>,
    /// The dossier line that records the import ("Factuur … ingelezen uit …").
    pub dossier_note: String,
}

impl Store {
    /// Which of `numbers` are taken by an invoice in Tijdig, each with whether that invoice
    /// was imported (`true`) or is Tijdig's own.
    pub fn invoice_numbers_taken(
        &self,
        numbers: &[String],
    ) -> Result<HashMap<String, bool>, StoreError> {
        let mut taken = HashMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT i.number, e.invoice_id IS NOT NULL FROM invoices i
             LEFT JOIN external_invoices e ON e.invoice_id = i.id WHERE i.number = ?1",
        )?;
        for n in numbers {
            if let Some((number, external)) = stmt
                .query_row([n], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)))
                .optional()?
            {
                taken.insert(number, external);
            }
        }
        Ok(taken)
    }

    /// The ids of every imported invoice.
    pub fn external_invoice_ids(&self) -> Result<HashSet<i64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT invoice_id FROM external_invoices")?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    /// The invoice date of the issued invoice with this number, if there is one.
    pub fn invoice_date_of(&self, number: &str) -> Result<Option<chrono::NaiveDate>, StoreError> {
        let date: Option<String> = self
            .conn
            .query_row(
                "SELECT invoice_date FROM invoices WHERE number = ?1 AND state = 'issued'",
                [number],
                |r| r.get(0),
            )
            .optional()?;
        date.as_deref().map(crate::parse::date).transpose()
    }

    /// Creates the new clients and imports the invoices, all in one transaction: a number
    /// that is taken by then refuses the whole import ([`StoreError::AlreadyDone`]), and so
    /// does a credit note whose invoice is not there ([`StoreError::NotFound`]). Returns the
    /// new invoices' ids in order.
    pub fn import_external_invoices(
        &mut self,
        clients: &[Client],
        invoices: &[NewExternalInvoice],
    ) -> Result<Vec<i64>, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let mut client_ids = Vec::with_capacity(clients.len());
            for c in clients {
                client_ids.push(crate::clients::insert_client(tx, c)?);
            }
            let mut ids = Vec::with_capacity(invoices.len());
            for inv in invoices {
                let client_id = match inv.client {
                    ClientChoice::Existing(id) => id,
                    ClientChoice::New(i) => *client_ids.get(i).ok_or(StoreError::NotFound)?,
                };
                ids.push(insert_one(tx, inv, client_id)?);
            }
            Ok(ids)
        })
    }
}

fn insert_one(
    tx: &Transaction<'_>,
    inv: &NewExternalInvoice,
    client_id: i64,
) -> Result<i64, StoreError> {
    let credits: Option<i64> = match &inv.corrects {
        Some(number) => Some(
            tx.query_row(
                "SELECT id FROM invoices WHERE number = ?1 AND state = 'issued'",
                [number],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound)?,
        ),
        None => None,
    };
    let mut data = inv.data.clone();
    data.client_id = client_id;
    data.credits_invoice_id = credits;
    let id = crate::invoices::insert_draft(tx, &data)?;
    let updated = tx.execute(
        "UPDATE invoices SET state = 'issued', number = :number,
            payment_reference = :reference, total = :total, pdf = :pdf, pdf_sha256 = :sha,
            issued_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = :id",
        named_params! {
            ":id": id,
            ":number": inv.number,
            ":reference": inv.payment_reference,
            ":total": inv.total.to_string(),
            ":pdf": inv.pdf,
            ":sha": inv.pdf_sha256,
        },
    );
    match updated {
        Err(rusqlite::Error::SqliteFailure(f, _))
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            return Err(StoreError::AlreadyDone)
        }
        other => {
            other?;
        }
    }
    let f = &inv.facts;
    tx.execute(
        "INSERT INTO external_invoices (invoice_id, format, file_name, pdf_is_copy, subtotal,
            vat_total, findings, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            f.format,
            f.file_name,
            f.pdf_is_copy,
            f.subtotal.to_string(),
            f.vat_total.to_string(),
            f.findings.join("\n"),
            f.imported_at
        ],
    )?;
    for (position, row) in f.vat_rows.iter().enumerate() {
        tx.execute(
            "INSERT INTO external_invoice_vat (invoice_id, position, treatment, base, vat)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                i64::try_from(position).unwrap_or(i64::MAX),
                row.treatment.code(),
                row.base.to_string(),
                row.vat.to_string()
            ],
        )?;
    }
    if let Some(p) = &inv.prepaid {
        crate::invoices::insert_payment(tx, id, p)?;
    }
    let entry = NewDossierEntry {
        client_id,
        at: f.imported_at.clone(),
        kind: DossierKind::Note,
        step: None,
        outcome: None,
        note: Some(inv.dossier_note.clone()),
        promised_on: None,
        invoice_ids: vec![id],
        done_on: None,
    };
    crate::dossier::insert_entry(tx, &entry, None)?;
    Ok(id)
}

/// The external facts of those of `ids` that were imported. The table is small (what a user
/// imported), so for a large set it is read whole instead of by id.
pub(crate) fn external_facts(
    conn: &Connection,
    ids: &[i64],
) -> Result<HashMap<i64, ExternalFacts>, StoreError> {
    let mut facts = HashMap::new();
    if ids.is_empty() {
        return Ok(facts);
    }
    let wanted: HashSet<i64> = ids.iter().copied().collect();
    let (filter, args): (String, Vec<i64>) = if ids.len() <= 64 {
        (
            format!("WHERE invoice_id IN ({})", vec!["?"; ids.len()].join(",")),
            ids.to_vec(),
        )
    } else {
        (String::new(), Vec::new())
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT invoice_id, format, file_name, pdf_is_copy, subtotal, vat_total, findings,
            imported_at FROM external_invoices {filter}"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if !wanted.contains(&id) {
            continue;
        }
        let findings: String = r.get(6)?;
        facts.insert(
            id,
            ExternalFacts {
                format: r.get(1)?,
                file_name: r.get(2)?,
                pdf_is_copy: r.get(3)?,
                subtotal: decimal(&r.get::<_, String>(4)?)?,
                vat_total: decimal(&r.get::<_, String>(5)?)?,
                vat_rows: Vec::new(),
                findings: findings
                    .lines()
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect(),
                imported_at: r.get(7)?,
            },
        );
    }
    if facts.is_empty() {
        return Ok(facts);
    }
    let mut stmt = conn.prepare(
        "SELECT invoice_id, treatment, base, vat FROM external_invoice_vat
         ORDER BY invoice_id, position",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if let Some(f) = facts.get_mut(&id) {
            f.vat_rows.push(ExternalVatRow {
                treatment: coded(&r.get::<_, String>(1)?, VatTreatment::from_code, "vat")?,
                base: decimal(&r.get::<_, String>(2)?)?,
                vat: decimal(&r.get::<_, String>(3)?)?,
            });
        }
    }
    Ok(facts)
}
