//! Transfer types of payment arrangements (betalingsregelingen).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the part after the down payment is split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleMode {
    /// A number of equal monthly instalments.
    Count,
    /// Monthly instalments of an amount.
    Amount,
}

/// What the user fills in to make an arrangement; everything as typed.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArrangementForm {
    pub client_id: i64,
    pub invoice_ids: Vec<i64>,
    /// The day the debt is acknowledged (dd-mm-jjjj); interest is computed up to it.
    pub start_date: String,
    pub down_payment: String,
    pub down_payment_on: String,
    pub mode: ScheduleMode,
    pub count: String,
    pub amount: String,
    pub first_due: String,
    pub interest_running: bool,
    pub costs_waived: bool,
    pub grace_days: String,
}

/// One instalment (termijn); number 0 is the down payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstalmentRow {
    pub number: u32,
    pub label: String,
    pub due: String,
    pub amount: String,
    pub paid: String,
    pub paid_on: Option<String>,
    /// `paid`, `paid_late`, `open`, `overdue`, `missed`.
    pub status: String,
    pub status_label: String,
    pub payment_reference: Option<String>,
}

/// The debt and schedule before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArrangementPreview {
    pub principal: String,
    pub interest: String,
    pub costs: String,
    pub total: String,
    /// What the schedule covers (without waived costs).
    pub scheduled_total: String,
    pub instalments: Vec<InstalmentRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArrangementPaymentRow {
    pub id: i64,
    pub paid_on: String,
    pub amount: String,
    pub note: String,
}

/// An arrangement as shown: terms, ledger, instalments and payments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Arrangement {
    pub id: i64,
    pub reference: String,
    pub client_id: i64,
    pub client_name: String,
    pub start_date: String,
    /// `active`, `completed` or `broken`.
    pub state: String,
    pub state_label: String,
    /// One sentence on where it stands.
    pub state_text: String,
    pub invoice_numbers: Vec<String>,
    pub principal: String,
    pub interest: String,
    pub costs: String,
    pub total: String,
    pub scheduled_total: String,
    pub paid: String,
    pub remaining: String,
    pub running_interest: String,
    pub owed_now: String,
    pub paid_to_costs: String,
    pub paid_to_interest: String,
    pub paid_to_principal: String,
    pub interest_running: bool,
    pub costs_waived: bool,
    pub grace_days: u32,
    pub instalments: Vec<InstalmentRow>,
    pub payments: Vec<ArrangementPaymentRow>,
    pub pdf_sha256: String,
}

/// Registering a payment against an arrangement.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArrangementPaymentForm {
    pub paid_on: String,
    pub amount: String,
    pub note: String,
}

/// Logging the contact before an instalment is due.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstalmentContactForm {
    pub arrangement_id: i64,
    pub instalment: u32,
    pub kind: super::follow_up::DossierKind,
    pub note: String,
}
