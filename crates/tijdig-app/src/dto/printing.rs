//! Transfer types of printing: the printers, a document or the day's letters to print, and
//! what happened.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A printer as the print dialog lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Printer {
    /// The queue name, sent back to print.
    pub name: String,
    /// What the dialog shows: the description, or the name.
    pub label: String,
    pub is_default: bool,
    /// Two-sided printing is possible.
    pub two_sided: bool,
    /// The queue is stopped: why, in words (it would keep the job).
    pub stopped: Option<String>,
}

/// The print dialog's start: the printers, the one to preselect (the last used, else the
/// default) and, without any printer, what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintSetup {
    pub printers: Vec<Printer>,
    pub chosen: Option<String>,
    /// No printer (or no print system): the sentence that says so.
    pub notice: Option<String>,
}

/// Which kind of stored document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PrintableKind {
    Letter,
    Invoice,
    Arrangement,
    Agreement,
    Offer,
}

/// One stored document to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintableDocument {
    pub kind: PrintableKind,
    pub id: i64,
}

/// How to print, as chosen in the dialog (`copies` as typed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintOptions {
    pub printer: String,
    pub copies: String,
    pub two_sided: bool,
}

/// What was sent: the sentence for the dialog and the print system's job ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintOutcome {
    pub message: String,
    pub jobs: Vec<String>,
}

/// One letter by post made today, as the cover list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayLetter {
    pub letter_id: i64,
    pub client_name: String,
    /// "Aanmaning 2026-B0003".
    pub letter: String,
    /// The address as in the envelope window, one line each.
    pub address: Vec<String>,
    /// Already recorded as posted.
    pub posted: bool,
}

/// "Brieven van vandaag afdrukken": how to print the day's letters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BatchPrint {
    pub options: PrintOptions,
    /// All letters (and the cover list) as one job; otherwise one job each. Two-sided always
    /// prints one job per letter, so no letter starts on the back of another.
    pub one_job: bool,
    /// Record the printed letters as posted today.
    pub mark_posted: bool,
}
