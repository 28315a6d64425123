//! E-invoices made elsewhere (e-factuur, UBL 2.1 Invoice or CreditNote as SI-UBL 2.0 / NLCIUS
//! and Peppol BIS Billing 3.0 write it — what Moneybird, e-Boekhouden, Jortt and Exact export),
//! read into one plain record so Tijdig can follow the invoice up (issue "Bring your bank and
//! your books").
//!
//! What is read is what the claim and the invoice page need: number, dates, parties, lines,
//! totals per VAT rate, payment terms and reference, the embedded PDF. A file is refused — never
//! half read — when it is not UBL, lacks what identifies the invoice (BR-02 number, BR-03 issue
//! date, BR-05 currency) or its amounts do not add up (the EN 16931 rules BR-CO-10…17 and
//! BR-x-08 per VAT category, with the official rules' rounding and tolerance). The Dutch rules
//! of SI-UBL 2.0 and Peppol (BR-NL-*, NL-R-*) and the structural rules that do not change what
//! is owed are reported as findings: the import shows them and goes on. Sources: the rule texts
//! in `../shared/reference/ubl/` (CEN EN 16931 1.3.16 via Peppol 3.0.21, SI-UBL 2.0.3.13).

mod model;
mod rules;
mod xml;

pub use model::{
    EInvoice, EInvoiceKind, ELine, EParty, ETaxSubtotal, ETotals, EmbeddedPdf, Finding, RuleSet,
};
pub use rules::Refusal;

/// Reads an e-invoice. Refused when it is no UBL Invoice or CreditNote, lacks its number, date
/// or currency, or its totals do not add up; the Dutch and structural rules it breaks come back
/// as [`EInvoice::findings`].
pub fn read(bytes: &[u8]) -> Result<EInvoice, Refusal> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|_| Refusal::NotUtf8)?;
    let doc = roxmltree::Document::parse(text).map_err(|e| {
        let pos = e.pos();
        Refusal::NotXml {
            line: pos.row,
            column: pos.col,
        }
    })?;
    let invoice = model::extract(&doc)?;
    rules::check_totals(&invoice)?;
    let mut invoice = invoice;
    invoice.findings = rules::findings(&doc, &invoice);
    Ok(invoice)
}
