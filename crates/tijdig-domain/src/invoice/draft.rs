//! The invoice being prepared: kind, dates, lines and regime (nl-rules-sources §1.1, §1.5).

use chrono::NaiveDate;

use super::{InvoiceLine, InvoiceTotals, VatRegime};
use crate::codes::coded_enum;
use crate::Language;

coded_enum! {
    /// Soort factuur.
    pub enum InvoiceKind {
        /// Factuur.
        Standard => "standard",
        /// Aanbetalingsfactuur (voorschot): invoices an advance before delivery (§1.1 item 8).
        Advance => "advance",
        /// Creditfactuur: reverses (part of) an issued invoice with negative amounts and refers
        /// to it by number and date (§1.5).
        CreditNote => "credit_note",
    }
}

impl InvoiceKind {
    /// The document title.
    pub fn title(self, lang: Language) -> &'static str {
        match (self, lang) {
            (InvoiceKind::Standard, Language::Nl) => "Factuur",
            (InvoiceKind::Advance, Language::Nl) => "Aanbetalingsfactuur",
            (InvoiceKind::CreditNote, Language::Nl) => "Creditfactuur",
            (InvoiceKind::Standard, Language::En) => "Invoice",
            (InvoiceKind::Advance, Language::En) => "Advance invoice",
            (InvoiceKind::CreditNote, Language::En) => "Credit note",
        }
    }
}

/// Leverdatum of -periode (§1.1 item 8: the date of supply, or of the advance payment, when it
/// differs from the invoice date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Delivered on the invoice date: nothing extra to print.
    SameAsInvoiceDate,
    Date(NaiveDate),
    /// A period, both days inclusive (e.g. a month of work).
    Period {
        first: NaiveDate,
        last: NaiveDate,
    },
}

impl Delivery {
    /// Whether the document must print the delivery date or period (§1.1 item 8).
    pub fn must_print(&self, invoice_date: NaiveDate) -> bool {
        match self {
            Delivery::SameAsInvoiceDate => false,
            Delivery::Date(date) => *date != invoice_date,
            Delivery::Period { .. } => true,
        }
    }
}

/// The invoice a creditfactuur refers to (§1.5: "referring to the original number and date").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginalInvoice {
    pub number: String,
    pub date: NaiveDate,
}

/// Conceptfactuur: everything the pre-flight check and the totals need. The number is not part
/// of it: it is assigned only at issue (README "Invoices").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceDraft {
    pub kind: InvoiceKind,
    pub regime: VatRegime,
    /// Factuurdatum (§1.1 item 5).
    pub invoice_date: NaiveDate,
    pub delivery: Delivery,
    pub lines: Vec<InvoiceLine>,
    /// Required for a credit note, ignored otherwise.
    pub original: Option<OriginalInvoice>,
}

impl InvoiceDraft {
    /// The totals of this draft under its regime.
    pub fn totals(&self) -> InvoiceTotals {
        InvoiceTotals::compute(self.regime, &self.lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delivery_date_is_printed_only_when_it_differs() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
        assert!(!Delivery::SameAsInvoiceDate.must_print(d(1)));
        assert!(!Delivery::Date(d(1)).must_print(d(1)));
        assert!(Delivery::Date(d(2)).must_print(d(1)));
        assert!(Delivery::Period {
            first: d(1),
            last: d(1)
        }
        .must_print(d(1)));
    }

    #[test]
    fn kinds_have_titles_and_round_trip() {
        assert_eq!(InvoiceKind::CreditNote.title(Language::Nl), "Creditfactuur");
        for k in InvoiceKind::ALL {
            assert_eq!(InvoiceKind::from_code(k.code()), Some(*k));
        }
    }
}
