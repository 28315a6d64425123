//! Periodieke facturen (migration 0021): the schedules, their lines and every invoice day a
//! schedule made. Making a period's invoice is one transaction — the run row, keyed by schedule
//! and invoice day, and the draft together — so a period is made exactly once, whoever runs
//! the catch-up and however often.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction, TransactionBehavior};
use tijdig_domain::invoice::schedule::{PeriodCovered, SchedulePeriod};
use tijdig_domain::invoice::{InvoiceLine, VatRegime};
use tijdig_domain::payment_reference::PaymentReferenceKind as ReferenceKind;

use crate::invoices::{coded, insert_draft, read_line, LINE_COLUMNS};
use crate::parse::date;
use crate::{InvoiceData, Store, StoreError};

/// A schedule as the user wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleData {
    pub client_id: i64,
    pub period: SchedulePeriod,
    pub covers: PeriodCovered,
    pub first_date: NaiveDate,
    /// The last day an invoice may be made on.
    pub end_date: Option<NaiveDate>,
    /// Issue each invoice at once (else it waits as a draft).
    pub issue_directly: bool,
    /// `None`: the client's term (else the profile's) when the invoice is made.
    pub payment_term_days: Option<u32>,
    pub vat_regime: VatRegime,
    pub reference_kind: ReferenceKind,
    pub note: Option<String>,
    pub lines: Vec<InvoiceLine>,
}

/// A stored schedule with what it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleRecord {
    pub id: i64,
    pub data: ScheduleData,
    pub client_name: String,
    /// The first invoice day it may still make (the first date, or the day it was resumed).
    pub active_from: NaiveDate,
    pub paused: bool,
    /// How many invoice days it made.
    pub runs: u32,
    /// The newest invoice day it made.
    pub last_day: Option<NaiveDate>,
}

/// One invoice day a schedule made, with its invoice as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleRun {
    pub schedule_id: i64,
    pub invoice_day: NaiveDate,
    pub period_label: String,
    /// `None` when the user deleted the draft.
    pub invoice_id: Option<i64>,
    /// The number once issued.
    pub invoice_number: Option<String>,
    pub issue_failed: Option<String>,
    pub client_id: i64,
    pub client_name: String,
}

const SCHEDULE_COLUMNS: &str = "s.id, s.client_id, s.period, s.covers, s.first_date, s.ended_on, \
    s.active_from, s.paused, s.issue_directly, s.payment_term_days, s.vat_regime, \
    s.reference_kind, s.note, c.name, \
    (SELECT COUNT(*) FROM invoice_schedule_runs r WHERE r.schedule_id = s.id), \
    (SELECT MAX(invoice_day) FROM invoice_schedule_runs r WHERE r.schedule_id = s.id)";

fn read_schedule(r: &Row<'_>) -> Result<ScheduleRecord, StoreError> {
    let text = |at: usize| -> Result<String, StoreError> { Ok(r.get::<_, String>(at)?) };
    let optional_date = |at: usize| -> Result<Option<NaiveDate>, StoreError> {
        r.get::<_, Option<String>>(at)?
            .as_deref()
            .map(date)
            .transpose()
    };
    let term: Option<i64> = r.get(9)?;
    Ok(ScheduleRecord {
        id: r.get(0)?,
        data: ScheduleData {
            client_id: r.get(1)?,
            period: coded(&text(2)?, SchedulePeriod::from_code, "period")?,
            covers: coded(&text(3)?, PeriodCovered::from_code, "covers")?,
            first_date: date(&text(4)?)?,
            end_date: optional_date(5)?,
            issue_directly: r.get::<_, i64>(8)? == 1,
            payment_term_days: term
                .map(|t| u32::try_from(t).map_err(|_| StoreError::Corrupt(format!("term {t}"))))
                .transpose()?,
            vat_regime: coded(&text(10)?, VatRegime::from_code, "vat regime")?,
            reference_kind: coded(&text(11)?, ReferenceKind::from_code, "reference")?,
            note: r.get(12)?,
            lines: Vec::new(),
        },
        client_name: text(13)?,
        active_from: date(&text(6)?)?,
        paused: r.get::<_, i64>(7)? == 1,
        runs: u32::try_from(r.get::<_, i64>(14)?).unwrap_or(u32::MAX),
        last_day: optional_date(15)?,
    })
}

fn write_lines(tx: &Transaction<'_>, id: i64, lines: &[InvoiceLine]) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM invoice_schedule_lines WHERE schedule_id = ?1",
        [id],
    )?;
    let mut stmt = tx.prepare(
        "INSERT INTO invoice_schedule_lines (schedule_id, position, description, quantity, unit,
            unit_price, vat, discount_percent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (position, line) in lines.iter().enumerate() {
        stmt.execute(params![
            id,
            position as i64,
            line.description,
            line.quantity.to_string(),
            line.unit,
            line.unit_price.to_string(),
            line.vat.code(),
            line.discount_percent.map(|d| d.to_string()),
        ])?;
    }
    Ok(())
}

impl Store {
    /// Stores a new schedule; it may make invoices from its first date on.
    pub fn create_schedule(&mut self, data: &ScheduleData, at: &str) -> Result<i64, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO invoice_schedules (client_id, period, covers, first_date, ended_on,
                active_from, issue_directly, payment_term_days, vat_regime, reference_kind, note,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![
                data.client_id,
                data.period.code(),
                data.covers.code(),
                data.first_date.to_string(),
                data.end_date.map(|d| d.to_string()),
                i64::from(data.issue_directly),
                data.payment_term_days,
                data.vat_regime.code(),
                data.reference_kind.code(),
                data.note,
                at,
            ],
        )?;
        let id = tx.last_insert_rowid();
        write_lines(&tx, id, &data.lines)?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces a schedule's content for the invoices it makes from now on (those it made stay
    /// as they are). The caller checks that a started schedule keeps its first date and period.
    pub fn update_schedule(
        &mut self,
        id: i64,
        data: &ScheduleData,
        at: &str,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let changed = tx.execute(
            "UPDATE invoice_schedules SET client_id = ?2, period = ?3, covers = ?4,
                first_date = ?5, ended_on = ?6,
                active_from = CASE WHEN active_from = first_date THEN ?5 ELSE active_from END,
                issue_directly = ?7, payment_term_days = ?8, vat_regime = ?9,
                reference_kind = ?10, note = ?11, updated_at = ?12
             WHERE id = ?1",
            params![
                id,
                data.client_id,
                data.period.code(),
                data.covers.code(),
                data.first_date.to_string(),
                data.end_date.map(|d| d.to_string()),
                i64::from(data.issue_directly),
                data.payment_term_days,
                data.vat_regime.code(),
                data.reference_kind.code(),
                data.note,
                at,
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        write_lines(&tx, id, &data.lines)?;
        tx.commit()?;
        Ok(())
    }

    /// Every schedule with its lines, the running ones first, in two queries.
    pub fn schedules(&self) -> Result<Vec<ScheduleRecord>, StoreError> {
        self.read_schedules(None)
    }

    pub fn schedule(&self, id: i64) -> Result<ScheduleRecord, StoreError> {
        self.read_schedules(Some(id))?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    fn read_schedules(&self, id: Option<i64>) -> Result<Vec<ScheduleRecord>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SCHEDULE_COLUMNS} FROM invoice_schedules s
             JOIN clients c ON c.id = s.client_id
             WHERE ?1 IS NULL OR s.id = ?1
             ORDER BY c.name COLLATE NOCASE, s.id"
        ))?;
        let mut rows = stmt.query([id])?;
        let mut all = Vec::new();
        while let Some(row) = rows.next()? {
            all.push(read_schedule(row)?);
        }
        let mut stmt = self.conn.prepare(&format!(
            "SELECT schedule_id, {LINE_COLUMNS} FROM invoice_schedule_lines
             WHERE ?1 IS NULL OR schedule_id = ?1 ORDER BY schedule_id, position"
        ))?;
        let mut rows = stmt.query([id])?;
        let mut lines: std::collections::HashMap<i64, Vec<InvoiceLine>> = Default::default();
        while let Some(row) = rows.next()? {
            lines
                .entry(row.get(0)?)
                .or_default()
                .push(read_line(row, 1)?);
        }
        for schedule in &mut all {
            schedule.data.lines = lines.remove(&schedule.id).unwrap_or_default();
        }
        Ok(all)
    }

    /// Pauses a schedule, or resumes it from `active_from` on (the days in between are
    /// skipped).
    pub fn set_schedule_paused(
        &mut self,
        id: i64,
        paused: bool,
        active_from: Option<NaiveDate>,
        at: &str,
    ) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE invoice_schedules
             SET paused = ?2, active_from = COALESCE(?3, active_from), updated_at = ?4
             WHERE id = ?1",
            params![
                id,
                i64::from(paused),
                active_from.map(|d| d.to_string()),
                at
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Ends a schedule: it makes no invoice after `on`.
    pub fn end_schedule(&mut self, id: i64, on: NaiveDate, at: &str) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE invoice_schedules SET ended_on = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, on.to_string(), at],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Makes the invoice of one invoice day as a draft, with its run row, in one transaction.
    /// `Ok(None)` when that day was already made (by an earlier run, another window, or before
    /// a crash): nothing is written then.
    pub fn make_scheduled_invoice(
        &mut self,
        schedule_id: i64,
        invoice_day: NaiveDate,
        period_label: &str,
        at: &str,
        invoice: &InvoiceData,
    ) -> Result<Option<i64>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // The immediate transaction holds the write lock: nobody can make this day in between.
        let made: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM invoice_schedule_runs WHERE schedule_id = ?1 AND invoice_day = ?2",
                params![schedule_id, invoice_day.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        if made.is_some() {
            return Ok(None);
        }
        let id = insert_draft(&tx, invoice)?;
        tx.execute(
            "INSERT INTO invoice_schedule_runs (schedule_id, invoice_day, invoice_id, period_label,
                made_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![schedule_id, invoice_day.to_string(), id, period_label, at],
        )?;
        tx.commit()?;
        Ok(Some(id))
    }

    /// Notes once why issuing a run's invoice failed; it stays a draft for the user.
    pub fn note_schedule_issue_failed(
        &mut self,
        schedule_id: i64,
        invoice_day: NaiveDate,
        reason: &str,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE invoice_schedule_runs SET issue_failed = ?3
             WHERE schedule_id = ?1 AND invoice_day = ?2 AND issue_failed IS NULL",
            params![schedule_id, invoice_day.to_string(), reason],
        )?;
        Ok(())
    }

    /// The runs made at or after `since` (RFC 3339 / ISO text), and every run of a schedule
    /// that issues directly whose invoice is still a draft without a noted failure (a crash
    /// came between making and issuing), oldest first.
    pub fn schedule_runs(&self, since: &str) -> Result<Vec<ScheduleRun>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT r.schedule_id, r.invoice_day, r.period_label, r.invoice_id,
                    i.number, r.issue_failed, s.client_id, c.name
             FROM invoice_schedule_runs r
             JOIN invoice_schedules s ON s.id = r.schedule_id
             JOIN clients c ON c.id = s.client_id
             LEFT JOIN invoices i ON i.id = r.invoice_id
             WHERE r.made_at >= ?1
                OR (s.issue_directly = 1 AND i.state = 'draft' AND r.issue_failed IS NULL)
             ORDER BY r.invoice_day, c.name COLLATE NOCASE, r.schedule_id",
        )?;
        let mut rows = stmt.query([since])?;
        let mut runs = Vec::new();
        while let Some(r) = rows.next()? {
            let day: String = r.get(1)?;
            runs.push(ScheduleRun {
                schedule_id: r.get(0)?,
                invoice_day: date(&day)?,
                period_label: r.get(2)?,
                invoice_id: r.get(3)?,
                invoice_number: r.get(4)?,
                issue_failed: r.get(5)?,
                client_id: r.get(6)?,
                client_name: r.get(7)?,
            });
        }
        Ok(runs)
    }

    /// The drafts of schedules that issue directly, still unissued with no failure noted: a
    /// crash came between making and issuing. `(schedule, invoice day, invoice)`, oldest first.
    pub fn scheduled_drafts_to_issue(&self) -> Result<Vec<(i64, NaiveDate, i64)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT r.schedule_id, r.invoice_day, r.invoice_id
             FROM invoice_schedule_runs r
             JOIN invoice_schedules s ON s.id = r.schedule_id
             JOIN invoices i ON i.id = r.invoice_id
             WHERE s.issue_directly = 1 AND i.state = 'draft' AND r.issue_failed IS NULL
             ORDER BY r.invoice_day, r.schedule_id",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let day: String = r.get(1)?;
            out.push((r.get(0)?, date(&day)?, r.get(2)?));
        }
        Ok(out)
    }

    /// The invoice days a schedule made, oldest first.
    pub fn schedule_days(&self, schedule_id: i64) -> Result<Vec<NaiveDate>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT invoice_day FROM invoice_schedule_runs WHERE schedule_id = ?1
             ORDER BY invoice_day",
        )?;
        let days = stmt.query_map([schedule_id], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for day in days {
            out.push(date(&day?)?);
        }
        Ok(out)
    }

    /// The schedule that made invoice `id`, with the period, if any.
    pub fn schedule_of_invoice(&self, id: i64) -> Result<Option<(i64, String)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT schedule_id, period_label FROM invoice_schedule_runs WHERE invoice_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use rust_decimal::Decimal;
    use tijdig_domain::invoice::{InvoiceKind, VatTreatment};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn store_with_client() -> (Store, i64) {
        let store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO clients (id, kind, name, country, preferred_channel, document_language,
                                      debtor_type, search_text)
                 VALUES (1, 'business', 'Bakkerij De Korf', 'NL', 'email', 'nl', 'unknown', 'korf')",
            )
            .unwrap();
        (store, 1)
    }

    fn line() -> InvoiceLine {
        InvoiceLine {
            description: "Hosting".into(),
            quantity: Decimal::ONE,
            unit: String::new(),
            unit_price: Decimal::new(2500, 2),
            vat: VatTreatment::Standard21,
            discount_percent: None,
        }
    }

    fn schedule(client_id: i64) -> ScheduleData {
        ScheduleData {
            client_id,
            period: SchedulePeriod::Month,
            covers: PeriodCovered::Coming,
            first_date: d("2026-09-01"),
            end_date: None,
            issue_directly: false,
            payment_term_days: None,
            vat_regime: VatRegime::Normal,
            reference_kind: ReferenceKind::Rf,
            note: None,
            lines: vec![line()],
        }
    }

    fn invoice(client_id: i64, on: &str) -> InvoiceData {
        InvoiceData {
            kind: InvoiceKind::Standard,
            client_id,
            invoice_date: d(on),
            delivery_from: None,
            delivery_to: None,
            payment_term_days: 14,
            vat_regime: VatRegime::Normal,
            reference_kind: ReferenceKind::Rf,
            note: None,
            credits_invoice_id: None,
            lines: vec![line()],
        }
    }

    #[test]
    fn a_schedule_reads_back_with_its_lines() {
        let (mut store, client) = store_with_client();
        let id = store
            .create_schedule(&schedule(client), "2026-09-01T10:00:00")
            .unwrap();
        let read = store.schedule(id).unwrap();
        assert_eq!(read.data, schedule(client));
        assert_eq!(read.client_name, "Bakkerij De Korf");
        assert_eq!((read.runs, read.last_day, read.paused), (0, None, false));
        assert_eq!(read.active_from, d("2026-09-01"));
    }

    #[test]
    fn an_invoice_day_is_made_once_and_a_second_try_writes_nothing() {
        let (mut store, client) = store_with_client();
        let id = store.create_schedule(&schedule(client), "t0").unwrap();
        let first = store
            .make_scheduled_invoice(
                id,
                d("2026-10-01"),
                "oktober 2026",
                "t1",
                &invoice(client, "2026-10-01"),
            )
            .unwrap();
        assert!(first.is_some());
        let again = store
            .make_scheduled_invoice(
                id,
                d("2026-10-01"),
                "oktober 2026",
                "t2",
                &invoice(client, "2026-10-01"),
            )
            .unwrap();
        assert_eq!(again, None);
        assert_eq!(store.list_invoices().unwrap().len(), 1);
        assert_eq!(store.schedule(id).unwrap().runs, 1);
    }

    #[test]
    fn a_deleted_draft_leaves_its_period_made() {
        let (mut store, client) = store_with_client();
        let id = store.create_schedule(&schedule(client), "t0").unwrap();
        let invoice_id = store
            .make_scheduled_invoice(
                id,
                d("2026-10-01"),
                "oktober 2026",
                "t1",
                &invoice(client, "2026-10-01"),
            )
            .unwrap()
            .unwrap();
        store.delete_invoice(invoice_id).unwrap();
        let runs = store.schedule_runs("t0").unwrap();
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].invoice_id, None);
        assert_eq!(
            store
                .make_scheduled_invoice(
                    id,
                    d("2026-10-01"),
                    "oktober 2026",
                    "t2",
                    &invoice(client, "2026-10-01")
                )
                .unwrap(),
            None
        );
    }

    #[test]
    fn runs_never_change_or_go() {
        let (mut store, client) = store_with_client();
        let id = store.create_schedule(&schedule(client), "t0").unwrap();
        store
            .make_scheduled_invoice(
                id,
                d("2026-10-01"),
                "oktober 2026",
                "t1",
                &invoice(client, "2026-10-01"),
            )
            .unwrap();
        assert!(store
            .conn
            .execute("DELETE FROM invoice_schedule_runs", [])
            .is_err());
        assert!(store
            .conn
            .execute(
                "UPDATE invoice_schedule_runs SET invoice_day = '2026-11-01'",
                []
            )
            .is_err());
        store
            .note_schedule_issue_failed(id, d("2026-10-01"), "eerst")
            .unwrap();
        store
            .note_schedule_issue_failed(id, d("2026-10-01"), "later")
            .unwrap();
        let runs = store.schedule_runs("t0").unwrap();
        assert_eq!(runs[0].issue_failed.as_deref(), Some("eerst"));
    }
}
