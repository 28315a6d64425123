//! Tijdig's use-cases: what the desktop shell's commands and the tests call.
//!
//! Invariants: every function here takes and returns transfer types (`dto`), validates input
//! through the domain crate before anything is written, and fails with an [`AppError`]
//! (`{code, message, fields}`) worded in the user's language — never a panic.
//!
//! The crate is a house of four layers; a module imports only from its own layer and the
//! layers below it, and nothing imports back what imports it (`tests/layers.rs` checks this;
//! ARCHITECTURE.md draws it):
//!
//! 1. [`plumbing`] and [`dto`] — errors, formatting, hashing, file names, transfer types.
//! 2. [`services`] — the [`App`] handle, signing and the keychain, documents, the claim, the
//!    ladder, arrangement state, the invoice as shown: what the use-cases share.
//! 3. [`use_cases`] — one module per capability; no use-case imports another.
//! 4. [`overview`] — Vandaag and the dashboard, composed from the layers below.

pub mod dto;
mod overview;
mod plumbing;
mod services;
mod use_cases;

pub use plumbing::error::{AppError, ErrorCode, FieldMessage};
pub use services::app::App;
pub use services::keychain;
pub use services::printing;
pub use services::signing::Sealing;
pub use services::ubl::UblProfile;
