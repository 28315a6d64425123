//! The settings of the invoice series: the number prefix, which kind of payment reference
//! (betalingskenmerk or RF) new invoices get, and the betaallink template.

use rust_decimal::Decimal;
use tijdig_domain::payment_link::{fill, LinkValues};
use tijdig_domain::payment_reference::PaymentReferenceKind;
use tijdig_store::Store;

pub(crate) const PAYMENT_LINK: &str = "payment_link_template";

/// The betaallink template the user set, if any (checked when it was saved).
pub(crate) fn payment_link_template(store: &Store) -> Option<String> {
    store
        .setting(PAYMENT_LINK)
        .ok()
        .flatten()
        .filter(|t| !t.is_empty())
}

/// The betaallink for one payment: `template` (from [`payment_link_template`]) filled with
/// its amount, reference and invoice number; `None` when no template is set. One function for
/// invoices, letters and e-mails.
pub(crate) fn payment_link(
    template: Option<&str>,
    amount: Decimal,
    reference: &str,
    invoice_number: &str,
) -> Option<String> {
    template.map(|template| {
        fill(
            template,
            &LinkValues {
                amount,
                reference,
                invoice_number,
            },
        )
    })
}

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
