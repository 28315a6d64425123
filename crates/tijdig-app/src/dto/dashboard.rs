//! Transfer types of the dashboard. Amounts are exact decimal strings; the UI only draws.

use serde::Serialize;
use ts_rs::TS;

/// One key figure with its value 30 days ago.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Kpi {
    /// `open`, `overdue`, `open_count`, `dso`, `average_days_late`, `paid_on_time`.
    pub code: String,
    pub label: String,
    /// `money`, `count`, `days` or `percent`: how to show `value`.
    pub unit: String,
    /// `None` when it cannot be computed (no sales, no paid invoices).
    pub value: Option<String>,
    pub previous: Option<String>,
    /// Whether a rise is good news (paid on time) or bad news (overdue, DSO).
    pub higher_is_better: bool,
    /// How it is computed, in one sentence (shown as a tooltip).
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientAging {
    pub client_id: i64,
    pub client_name: String,
    /// Five buckets, as the labels.
    pub buckets: Vec<String>,
    pub total: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Aging {
    pub labels: Vec<String>,
    pub total: Vec<String>,
    /// Clients with something open, largest first.
    pub clients: Vec<ClientAging>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ForecastWeek {
    /// First day of the week (yyyy-mm-dd).
    pub starts: String,
    pub expected: String,
    pub best_case: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Forecast {
    pub weeks: Vec<ForecastWeek>,
    pub later: String,
    /// Days: the lateness used for clients without history.
    pub portfolio_lateness: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RiskFactor {
    pub code: String,
    pub label: String,
    pub weight: u32,
    /// This client's value, in words ("23 dagen", "40 %", "1").
    pub value: String,
    pub points: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientRisk {
    pub client_id: i64,
    pub client_name: String,
    pub score: u32,
    pub open: String,
    pub overdue: String,
    /// The longest an open invoice of this client is overdue (days, 0 if none).
    pub max_days_overdue: i64,
    pub factors: Vec<RiskFactor>,
    /// What the client-acceptance checklist said, when it was done (not part of the score,
    /// which is computed from payment behaviour only).
    pub acceptance: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub today: String,
    pub kpis: Vec<Kpi>,
    pub aging: Aging,
    pub forecast: Forecast,
    /// Clients by risk, highest first (clients with something open or a history).
    pub risks: Vec<ClientRisk>,
}

/// One paid invoice in a client's payment history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaymentHistoryItem {
    pub number: String,
    pub due_date: String,
    pub paid_on: String,
    /// Negative: paid early.
    pub days_late: i64,
    pub amount: String,
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    pub name: String,
    /// "22-11-2026 10:15".
    pub made_at: String,
    pub size_kb: u64,
    /// The copy of what was there just before a restore: never removed by retention.
    pub pinned: bool,
}

/// Where backups go and when the last was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    pub folder: String,
    pub last: Option<String>,
    /// Set when the last backup is more than 7 days old (or there is none).
    pub warning: Option<String>,
    pub files: Vec<BackupFile>,
    /// What the backups take on disk together (the lean copies and their shelf of documents).
    pub disk_kb: u64,
}

/// What a backup holds, checked before restoring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInspection {
    pub name: String,
    pub intact: bool,
    pub schema_version: i64,
    pub clients: i64,
    pub invoices: i64,
    pub payments: i64,
    /// Documents issued now that the backup does not hold: restoring it makes them disappear
    /// from Tijdig (their numbers are never handed out again). Restoring needs a confirmation
    /// when this is not empty.
    pub lost: Vec<LostDocument>,
}

/// An issued document that a restore would remove from Tijdig.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LostDocument {
    /// "Factuur", "Creditnota", "Brief", "Offerte", "Betalingsregeling" (user's language).
    pub kind: String,
    pub number: String,
    pub client: String,
    /// Exact decimal string; absent for an arrangement.
    pub amount: Option<String>,
    /// When it went out as far as Tijdig knows ("22-11-2026"), e-mailed or posted.
    pub sent_on: Option<String>,
}

/// Which CSV dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CsvStyle {
    /// `;`, UTF-8 with BOM, decimal comma, dd-mm-jjjj: LibreOffice and Excel with Dutch settings.
    Dutch,
    /// Plain RFC 4180: `,`, decimal point, ISO dates.
    Rfc4180,
}

/// The accountant's export: a period (dd-mm-jjjj) and a dialect.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvExportForm {
    pub from: String,
    pub to: String,
    pub style: CsvStyle,
}

/// Where the export went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvExport {
    pub folder: String,
    pub files: Vec<String>,
    pub invoices: usize,
    pub payments: usize,
}

/// "Alles exporteren": where it went and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FullExport {
    pub folder: String,
    /// Every file written, `SHA256SUMS` included.
    pub files: usize,
    /// Stored PDFs written: invoices, credit notes, letters, arrangements.
    pub documents: usize,
    pub e_invoices: usize,
    /// Rows in the JSON dump, over all tables.
    pub rows: usize,
    /// Invoices without e-invoice, with the reason (`2026-0003: …`).
    pub skipped: Vec<String>,
}
