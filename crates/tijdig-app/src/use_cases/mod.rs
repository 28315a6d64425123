//! Layer 3, use-cases: one module per capability, each an `impl App` with what the shell
//! calls. A use-case imports only from the services and the plumbing — never another use-case
//! — so each can be read on its own.

pub(crate) mod arrangements;
mod backups;
mod bank;
mod client_import;
mod clients;
mod exports;
mod follow_up;
mod invoice_import;
mod invoices;
mod mail;
mod offers;
mod profile;
mod rates;
mod schedules;
