//! Factuur: the pure invoice rules. Lines and totals (round each line, then btw per tarief),
//! btw-regelingen (KOR, btw verlegd, intra-EU), numbering, due date, the pre-flight check of the
//! factuurvereisten and the derived status (nl-rules-sources §1.1–§1.5; shared/reference
//! README, "Money" and "Invoices").

mod draft;
pub(crate) mod line;
mod number;
mod preflight;
pub mod schedule;
mod status;
mod totals;
mod vat;

pub use draft::{Delivery, InvoiceDraft, InvoiceKind, OriginalInvoice};
pub use line::{credit_lines, InvoiceLine};
pub use number::{due_date, format_number, validate_prefix, MAX_PREFIX_LEN};
pub use preflight::{preflight, AddressPart, FixAt, PreflightIssue};
pub use status::{check_payment, outstanding, status, InvoiceStatus};
pub use totals::{InvoiceTotals, VatRow};
pub use vat::{is_eu_member, VatNote, VatRegime, VatTreatment};
