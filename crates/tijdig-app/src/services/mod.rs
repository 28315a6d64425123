//! Layer 2, services: what the use-cases share. The [`App`](crate::App) handle (the store, the
//! clock, the keychain), signing, the documents' building blocks, the claim of an overdue
//! invoice, the ladder, the state of payment arrangements and the invoice as the screens show
//! it. A service may use another service and the plumbing, never a use-case.

pub(crate) mod adoption;
pub(crate) mod app;
pub(crate) mod arrangement_state;
pub(crate) mod claim;
pub(crate) mod claim_basis;
pub(crate) mod documents;
pub(crate) mod files;
pub(crate) mod invoice_amounts;
pub(crate) mod invoice_form;
pub(crate) mod invoice_settings;
pub(crate) mod invoice_view;
pub(crate) mod issuing;
pub mod keychain;
pub(crate) mod ladder;
pub(crate) mod printable;
pub mod printing;
pub(crate) mod receipts;
pub(crate) mod signing;
pub(crate) mod ubl;
