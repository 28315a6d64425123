//! File names of the documents Tijdig writes: title and number, kept to safe characters.

use tijdig_domain::invoice::InvoiceKind;
use tijdig_domain::Language;

/// An issued document's file name without extension: its title and number, the number kept to
/// letters, digits and dashes (`Factuur 2026-0001`). The PDF and the e-invoice share it.
pub(crate) fn document_base_name(kind: InvoiceKind, number: &str, lang: Language) -> String {
    format!("{} {}", kind.title(lang), file_safe(number))
}

/// A number or reference kept to letters, digits and dashes, for a file name.
pub(crate) fn file_safe(reference: &str) -> String {
    reference
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}
