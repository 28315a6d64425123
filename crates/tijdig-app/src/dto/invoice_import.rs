//! Transfer types of importing what other software holds: invoices ("Facturen → Importeren")
//! and clients from a spreadsheet ("Klanten → Importeren").

use serde::Serialize;
use ts_rs::TS;

/// What the chosen files hold, before anything is imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceImportPreview {
    /// Identifies the read files waiting for the user's go-ahead.
    pub token: String,
    pub items: Vec<InvoiceImportItem>,
    /// How many of the items can be imported.
    pub importable: u32,
    /// The clients Tijdig would create (no known client matched by KvK, btw-id, IBAN or name).
    pub new_clients: Vec<String>,
    pub summary: String,
}

/// One invoice (or file) of the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceImportItem {
    pub file_name: String,
    pub number: Option<String>,
    /// "Factuur" or "Creditfactuur", in the user's language.
    pub kind: Option<String>,
    /// ISO dates.
    pub invoice_date: Option<String>,
    pub due_date: Option<String>,
    pub client_name: Option<String>,
    /// How the client was found ("KvK-nummer", "btw-id", "naam"), or that it will be created.
    pub client_match: Option<String>,
    pub client_is_new: bool,
    /// Total incl. VAT, exact decimal string.
    pub total: Option<String>,
    /// Why this one cannot be imported; `None` when it can.
    pub refused: Option<String>,
    /// Dutch e-invoice rules the file breaks (imported anyway).
    pub findings: Vec<String>,
    /// What Tijdig decided where the file is silent (no due date, no PDF).
    pub notes: Vec<String>,
}

/// What the import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceImportResult {
    pub imported: u32,
    pub clients_created: u32,
    pub invoice_ids: Vec<i64>,
    pub summary: String,
}

/// What a clients sheet holds, row by row, before anything is added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientImportPreview {
    pub token: String,
    pub rows: Vec<ClientImportRow>,
    pub valid: u32,
    pub invalid: u32,
    pub duplicates: u32,
    pub summary: String,
}

/// One row of the sheet: a client to add, its problems at their fields, or the client Tijdig
/// already has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientImportRow {
    /// The line in the file.
    pub line: u32,
    /// The client's name as it will be saved (empty when the row is invalid and has none).
    pub name: String,
    /// What is wrong, per field of the client form; empty when the row is fine.
    pub problems: Vec<crate::FieldMessage>,
    /// The name of the client Tijdig already has (same KvK, btw-id, or name and postcode).
    pub duplicate_of: Option<String>,
}

/// What the clients import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientImportResult {
    pub created: u32,
    pub skipped: u32,
    pub summary: String,
}
