//! The settings of the invoice series: the number prefix and which kind of payment reference
//! (betalingskenmerk or RF) new invoices get.

use tijdig_domain::payment_reference::PaymentReferenceKind;
use tijdig_store::Store;

pub(crate) const NUMBER_PREFIX: &str = "invoice_number_prefix";

pub(crate) const REFERENCE_KIND: &str = "invoice_reference_kind";

pub(crate) fn reference_kind(store: &Store) -> PaymentReferenceKind {
    store
        .setting(REFERENCE_KIND)
        .ok()
        .flatten()
        .and_then(|code| PaymentReferenceKind::from_code(&code))
        .unwrap_or_default()
}

pub(crate) fn number_prefix(store: &Store) -> String {
    store
        .setting(NUMBER_PREFIX)
        .ok()
        .flatten()
        .unwrap_or_default()
}
