//! Transfer types for periodieke facturen (abonnementen).

use super::basics::ReferenceKind;
use super::invoice::{InvoiceLineForm, VatRegime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mirror_enum!(
    /// How often a periodic invoice comes: per maand, kwartaal or jaar.
    SchedulePeriod => tijdig_domain::invoice::schedule::SchedulePeriod { Month, Quarter, Year }
);
mirror_enum!(
    /// Whether each invoice is for the coming period (vooraf) or the past one (achteraf).
    PeriodCovered => tijdig_domain::invoice::schedule::PeriodCovered { Coming, Past }
);

/// The periodic-invoice editor's content, as typed (dates `01-12-2026`, empty when not given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleForm {
    pub client_id: Option<i64>,
    pub period: SchedulePeriod,
    pub covers: PeriodCovered,
    /// The first invoice day.
    pub first_date: String,
    /// The last day an invoice may be made on; empty: no end.
    pub end_date: String,
    /// Issue each invoice at once; else it waits as a draft.
    pub issue_directly: bool,
    /// Empty: the client's term, else the profile's default.
    pub payment_term_days: String,
    pub vat_regime: VatRegime,
    pub reference_kind: ReferenceKind,
    pub note: String,
    pub lines: Vec<InvoiceLineForm>,
}

/// Whether a schedule still makes invoices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleState {
    Running,
    Paused,
    Ended,
}

/// A periodic invoice as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceSchedule {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub form: ScheduleForm,
    pub state: ScheduleState,
    /// "Loopt", "Gepauzeerd", "Beëindigd".
    pub state_label: String,
    /// "Per maand, vooraf".
    pub cadence_label: String,
    /// The next invoice day (yyyy-mm-dd) while running.
    pub next_day: Option<String>,
    /// The period that invoice will be for ("december 2026").
    pub next_period: Option<String>,
    /// The total of one invoice, btw included (exact decimal string).
    pub total: String,
    /// How many invoices it made.
    pub made: u32,
    /// True once it made an invoice: the first date and period are then fixed.
    pub started: bool,
}
