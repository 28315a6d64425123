//! Writes [`UblInvoice`] as a UBL 2.1 Invoice or CreditNote. The elements follow the order of
//! the OASIS schemas (an XSD sequence: any other order is invalid) and only the business terms
//! of EN 16931 appear, so the Peppol "UBL-CR" rules see nothing they do not expect.

use base64::Engine;
use rust_decimal::Decimal;

use super::content::{Line, Party, TaxCategory, UblInvoice};
use super::xml::XmlWriter;

const NS_INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const NS_CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
const NS_CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const NS_CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
/// Peppol BIS Billing 3.0's process; SI-UBL 2.0 uses the same.
const PROFILE_ID: &str = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
const CURRENCY: &str = "EUR";

/// An amount as UBL wants it: two decimals, a point, no sign for zero ("850.00").
pub(crate) fn amount(d: Decimal) -> String {
    crate::plumbing::format::amount(if d.is_zero() { Decimal::ZERO } else { d })
}

/// A quantity or percentage without trailing zeros ("10", "1.5", "21").
fn number(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A unit price with at least two decimals and all of its own (up to 4): "85.00", "0.335".
fn price(d: Decimal) -> String {
    let mut p = d.normalize();
    if p.scale() < 2 {
        p.rescale(2);
    }
    p.to_string()
}

fn money(w: &mut XmlWriter, name: &str, value: Decimal) {
    w.leaf(name, &[("currencyID", CURRENCY)], &amount(value));
}

fn opt(w: &mut XmlWriter, name: &str, value: &Option<String>) {
    if let Some(v) = value {
        w.leaf(name, &[], v);
    }
}

/// A line's category (`cac:ClassifiedTaxCategory`) or a btw row's (`cac:TaxCategory`). Only
/// the row carries the exemption reason (BT-120 belongs to the breakdown; Peppol UBL-CR-601
/// warns about it on a line).
fn tax_category(w: &mut XmlWriter, element: &'static str, c: &TaxCategory) {
    w.open(element, &[]);
    w.leaf("cbc:ID", &[], c.code);
    w.leaf("cbc:Percent", &[], &number(c.percent));
    if let (Some(reason), "cac:TaxCategory") = (c.exemption_reason, element) {
        w.leaf("cbc:TaxExemptionReason", &[], reason);
    }
    w.open("cac:TaxScheme", &[]);
    w.leaf("cbc:ID", &[], "VAT");
    w.close();
    w.close();
}

fn party(w: &mut XmlWriter, role: &'static str, p: &Party) {
    w.open(role, &[]);
    w.open("cac:Party", &[]);
    if let Some((scheme, id)) = &p.endpoint {
        w.leaf("cbc:EndpointID", &[("schemeID", scheme)], id);
    }
    w.open("cac:PartyName", &[]);
    w.leaf("cbc:Name", &[], &p.name);
    w.close();
    w.open("cac:PostalAddress", &[]);
    opt(w, "cbc:StreetName", &p.street);
    opt(w, "cbc:CityName", &p.city);
    opt(w, "cbc:PostalZone", &p.postcode);
    w.open("cac:Country", &[]);
    w.leaf("cbc:IdentificationCode", &[], &p.country);
    w.close();
    w.close();
    if let Some(vat) = &p.vat_id {
        w.open("cac:PartyTaxScheme", &[]);
        w.leaf("cbc:CompanyID", &[], vat);
        w.open("cac:TaxScheme", &[]);
        w.leaf("cbc:ID", &[], "VAT");
        w.close();
        w.close();
    }
    w.open("cac:PartyLegalEntity", &[]);
    w.leaf("cbc:RegistrationName", &[], &p.registration_name);
    if let Some(kvk) = &p.kvk {
        w.leaf("cbc:CompanyID", &[("schemeID", "0106")], kvk);
    }
    w.close();
    if p.contact_name.is_some() || p.phone.is_some() || p.email.is_some() {
        w.open("cac:Contact", &[]);
        opt(w, "cbc:Name", &p.contact_name);
        opt(w, "cbc:Telephone", &p.phone);
        opt(w, "cbc:ElectronicMail", &p.email);
        w.close();
    }
    w.close();
    w.close();
}

fn line(w: &mut XmlWriter, credit_note: bool, l: &Line) {
    let (element, quantity) = if credit_note {
        ("cac:CreditNoteLine", "cbc:CreditedQuantity")
    } else {
        ("cac:InvoiceLine", "cbc:InvoicedQuantity")
    };
    w.open(element, &[]);
    w.leaf("cbc:ID", &[], &l.id.to_string());
    w.leaf(quantity, &[("unitCode", l.unit_code)], &number(l.quantity));
    money(w, "cbc:LineExtensionAmount", l.amount);
    if let Some((reason, off)) = &l.allowance {
        w.open("cac:AllowanceCharge", &[]);
        w.leaf("cbc:ChargeIndicator", &[], "false");
        w.leaf("cbc:AllowanceChargeReason", &[], reason);
        money(w, "cbc:Amount", *off);
        w.close();
    }
    w.open("cac:Item", &[]);
    w.leaf("cbc:Name", &[], &l.name);
    tax_category(w, "cac:ClassifiedTaxCategory", &l.category);
    w.close();
    w.open("cac:Price", &[]);
    w.leaf(
        "cbc:PriceAmount",
        &[("currencyID", CURRENCY)],
        &price(l.price),
    );
    w.close();
    w.close();
}

/// The UBL 2.1 document, UTF-8.
pub(crate) fn write(u: &UblInvoice) -> String {
    let mut w = XmlWriter::new();
    let root = if u.credit_note {
        "CreditNote"
    } else {
        "Invoice"
    };
    let ns = if u.credit_note {
        NS_CREDIT_NOTE
    } else {
        NS_INVOICE
    };
    w.open(
        root,
        &[("xmlns", ns), ("xmlns:cac", NS_CAC), ("xmlns:cbc", NS_CBC)],
    );
    w.leaf("cbc:CustomizationID", &[], u.customization_id);
    w.leaf("cbc:ProfileID", &[], PROFILE_ID);
    w.leaf("cbc:ID", &[], &u.number);
    w.leaf("cbc:IssueDate", &[], &u.issue_date.to_string());
    if u.credit_note {
        w.leaf("cbc:CreditNoteTypeCode", &[], u.type_code);
    } else {
        if let Some(due) = u.due_date {
            w.leaf("cbc:DueDate", &[], &due.to_string());
        }
        w.leaf("cbc:InvoiceTypeCode", &[], u.type_code);
    }
    opt(&mut w, "cbc:Note", &u.note);
    w.leaf("cbc:DocumentCurrencyCode", &[], CURRENCY);
    w.leaf("cbc:BuyerReference", &[], &u.buyer_reference);
    if let Some((first, last)) = u.period {
        w.open("cac:InvoicePeriod", &[]);
        w.leaf("cbc:StartDate", &[], &first.to_string());
        w.leaf("cbc:EndDate", &[], &last.to_string());
        w.close();
    }
    if let Some(original) = &u.corrects {
        w.open("cac:BillingReference", &[]);
        w.open("cac:InvoiceDocumentReference", &[]);
        w.leaf("cbc:ID", &[], original);
        w.close();
        w.close();
    }
    let a = &u.attachment;
    w.open("cac:AdditionalDocumentReference", &[]);
    w.leaf("cbc:ID", &[], &a.id);
    w.leaf("cbc:DocumentDescription", &[], &a.description);
    w.open("cac:Attachment", &[]);
    w.leaf(
        "cbc:EmbeddedDocumentBinaryObject",
        &[("mimeCode", "application/pdf"), ("filename", &a.file_name)],
        &base64::engine::general_purpose::STANDARD.encode(&a.bytes),
    );
    w.close();
    w.close();
    party(&mut w, "cac:AccountingSupplierParty", &u.seller);
    party(&mut w, "cac:AccountingCustomerParty", &u.buyer);
    if let Some(day) = u.delivery_date {
        w.open("cac:Delivery", &[]);
        w.leaf("cbc:ActualDeliveryDate", &[], &day.to_string());
        w.close();
    }
    if let Some((code, reference, iban)) = &u.payment {
        w.open("cac:PaymentMeans", &[]);
        w.leaf("cbc:PaymentMeansCode", &[], code);
        w.leaf("cbc:PaymentID", &[], reference);
        w.open("cac:PayeeFinancialAccount", &[]);
        w.leaf("cbc:ID", &[], iban);
        w.close();
        w.close();
    }
    if let Some(terms) = &u.payment_terms {
        w.open("cac:PaymentTerms", &[]);
        w.leaf("cbc:Note", &[], terms);
        w.close();
    }
    w.open("cac:TaxTotal", &[]);
    money(&mut w, "cbc:TaxAmount", u.tax_total);
    for s in &u.subtotals {
        w.open("cac:TaxSubtotal", &[]);
        money(&mut w, "cbc:TaxableAmount", s.base);
        money(&mut w, "cbc:TaxAmount", s.tax);
        tax_category(&mut w, "cac:TaxCategory", &s.category);
        w.close();
    }
    w.close();
    w.open("cac:LegalMonetaryTotal", &[]);
    money(&mut w, "cbc:LineExtensionAmount", u.line_total);
    money(&mut w, "cbc:TaxExclusiveAmount", u.line_total);
    money(&mut w, "cbc:TaxInclusiveAmount", u.total);
    money(&mut w, "cbc:PayableAmount", u.total);
    w.close();
    for l in &u.lines {
        line(&mut w, u.credit_note, l);
    }
    w.finish()
}
