//! Tijdig's use-cases: what the desktop shell's commands and the tests call.
//!
//! Invariants: every function here takes and returns transfer types (`dto`), validates input
//! through the domain crate before anything is written, and fails with an [`AppError`]
//! (`{code, message, fields}`) worded in the user's language — never a panic.

mod app;
mod arrangements;
mod backups;
mod bank_import;
mod bank_review;
mod dashboard;
mod dashboard_report;
pub mod dto;
mod error;
mod export_all;
mod exports;
mod follow_up;
mod invoice_claim;
mod invoice_files;
mod invoice_form;
mod invoice_pdf;
mod invoice_view;
mod invoices;
pub mod keychain;
mod letters;
mod mail;
mod mapping;
mod offers;
mod rates;
mod signing;
mod ubl;

pub use app::App;
pub use error::{AppError, ErrorCode, FieldMessage};
pub use signing::Sealing;
pub use ubl::UblProfile;
