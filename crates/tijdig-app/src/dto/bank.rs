//! Transfer types of the bank-statement import. Amounts are exact decimal strings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What one import did, with one sentence that says it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BankImportResult {
    pub file_name: String,
    /// `CAMT.053` or `MT940`.
    pub format: String,
    pub accounts: Vec<String>,
    /// Every entry in the file, in and out.
    pub entries: u32,
    /// Incoming entries already imported before (from this or an overlapping file).
    pub duplicates: u32,
    pub booked: u32,
    pub booked_amount: String,
    pub proposed: u32,
    pub unmatched: u32,
    /// Money out and reversals: not imported.
    pub skipped: u32,
    /// Said when the file is not about the account on the business profile.
    pub warning: Option<String>,
    pub summary: String,
}

/// An incoming bank entry and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BankTransaction {
    pub id: i64,
    /// ISO date.
    pub booked_on: String,
    pub amount: String,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    pub description: String,
    /// `booked`, `proposed`, `unmatched` or `ignored`.
    pub state: String,
    /// Why it matched, in words ("betalingskenmerk", "factuurnummer in de omschrijving", …).
    pub reason: Option<String>,
    pub invoice_id: Option<i64>,
    pub invoice_number: Option<String>,
    pub client_name: Option<String>,
    pub arrangement_id: Option<i64>,
    pub arrangement_reference: Option<String>,
    /// What is still open on the proposed invoice or arrangement.
    pub open_amount: Option<String>,
    /// A remark, e.g. that the text names an invoice that is already paid.
    pub hint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BankImportRow {
    pub id: i64,
    pub file_name: String,
    pub format: String,
    pub imported_at: String,
    pub entries: u32,
    pub new_entries: u32,
}

/// The bank screen: proposals to confirm, entries to assign, what was booked lately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BankOverview {
    pub proposed: Vec<BankTransaction>,
    pub unmatched: Vec<BankTransaction>,
    pub booked: Vec<BankTransaction>,
    pub ignored: Vec<BankTransaction>,
    pub imports: Vec<BankImportRow>,
}

/// An open invoice to assign an entry to by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssignableInvoice {
    pub invoice_id: i64,
    pub number: String,
    pub client_name: String,
    pub open: String,
    /// ISO date.
    pub invoice_date: String,
}

/// Assigning an entry by hand to an invoice.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BankAssignForm {
    pub transaction_id: i64,
    pub invoice_id: i64,
}

/// What "Afschrift inlezen" did with the file: imported it, or — a CSV whose layout Tijdig
/// does not know — asks which column is what. Exactly one of the two is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BankImportOutcome {
    pub imported: Option<BankImportResult>,
    pub columns: Option<CsvColumnsPrompt>,
}

/// A CSV of a bank Tijdig does not know, shown so the user can point out its columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvColumnsPrompt {
    pub file_name: String,
    /// Identifies the file waiting for the answer (its SHA-256).
    pub file_sha256: String,
    /// The header's names, or "1", "2", … for a file without a header.
    pub names: Vec<String>,
    pub has_header: bool,
    /// The first rows, as the file has them.
    pub rows: Vec<Vec<String>>,
    pub total_rows: u32,
    /// What Tijdig proposes from the header's words; the user checks it.
    pub proposal: CsvColumns,
    /// The account to take when no column names it: the one remembered for this layout, or
    /// the IBAN of the business profile.
    pub account: String,
    /// Why the mapping remembered for this layout did not read the file, if it did not.
    pub problem: Option<String>,
}

/// Which column (0-based) holds what, as the user points it out. Date and amount are
/// required; `direction` is the column saying debit or credit (`Af`/`Bij`, `D`/`C`), `None`
/// when the amount has its own sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvColumns {
    pub date: Option<u32>,
    pub amount: Option<u32>,
    pub direction: Option<u32>,
    pub account: Option<u32>,
    pub counterparty_iban: Option<u32>,
    pub counterparty_name: Option<u32>,
    pub description: Vec<u32>,
    pub reference: Option<u32>,
}

/// The user's answer to a [`CsvColumnsPrompt`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvColumnsForm {
    pub file_sha256: String,
    pub columns: CsvColumns,
    /// The user's account the file is about, when no column names it.
    pub account: String,
}
