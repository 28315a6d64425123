//! What Tijdig keeps of an e-invoice, and reading it from the XML.

use chrono::NaiveDate;
use roxmltree::{Document, Node};
use rust_decimal::Decimal;

use super::rules::Refusal;
use super::xml::{at, child, children, decimal, line_of, text};

/// Invoice (factuur, type 380/384/389/751…) or credit note (creditnota, 381).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EInvoiceKind {
    Invoice,
    CreditNote,
}

/// Which rule set the file says it follows (`cbc:CustomizationID`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSet {
    /// SI-UBL 2.0 / NLCIUS (`urn:fdc:nen.nl:nlcius:v1.0`).
    SiUbl,
    /// Peppol BIS Billing 3.0 (`urn:fdc:peppol.eu:2017:poacc:billing:3.0`).
    Peppol,
    /// Plain EN 16931, or none given.
    Other,
}

/// A party (supplier or customer) as the file names it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EParty {
    /// The legal name (`PartyLegalEntity/RegistrationName`), else the trading name.
    pub name: String,
    pub trading_name: Option<String>,
    /// KvK-nummer: a legal-entity id with scheme 0106 (or a Dutch 8-digit id without scheme).
    pub kvk: Option<String>,
    /// OIN (scheme 0190), for public bodies.
    pub oin: Option<String>,
    /// The btw-id (`PartyTaxScheme/CompanyID` with tax scheme VAT).
    pub vat_id: Option<String>,
    pub street: Option<String>,
    pub additional_street: Option<String>,
    pub city: Option<String>,
    pub postcode: Option<String>,
    /// ISO 3166 country code, upper case.
    pub country: Option<String>,
    pub email: Option<String>,
    pub contact: Option<String>,
}

/// One invoice line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ELine {
    pub id: String,
    /// Item name, and its description when it has one.
    pub description: String,
    pub quantity: Decimal,
    pub unit_code: Option<String>,
    /// Net price per unit (`Price/PriceAmount` divided by `BaseQuantity`).
    pub unit_price: Decimal,
    /// The line's net amount (BT-131), after its own allowances and charges.
    pub net: Decimal,
    /// VAT category code (S, Z, E, AE, K, G, O, L, M).
    pub vat_category: String,
    pub vat_percent: Decimal,
}

/// Totals for one VAT category and rate (BG-23).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ETaxSubtotal {
    pub category: String,
    pub percent: Decimal,
    pub taxable: Decimal,
    pub tax: Decimal,
    pub exemption_reason: Option<String>,
}

/// The document totals (BG-22).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ETotals {
    pub line_extension: Decimal,
    pub allowances: Option<Decimal>,
    pub charges: Option<Decimal>,
    pub tax_exclusive: Decimal,
    /// Total VAT in the document currency (BT-110).
    pub tax: Decimal,
    pub tax_inclusive: Decimal,
    pub prepaid: Option<Decimal>,
    pub rounding: Option<Decimal>,
    /// What is due (BT-115).
    pub payable: Decimal,
}

/// A document-level allowance (korting) or charge (toeslag).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EAllowanceCharge {
    pub charge: bool,
    pub amount: Decimal,
    pub category: String,
    pub percent: Decimal,
    pub reason: Option<String>,
}

/// The PDF the exporter embedded (`AdditionalDocumentReference/Attachment`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedPdf {
    pub file_name: Option<String>,
    pub bytes: Vec<u8>,
}

/// A rule the file breaks that does not change what is owed: shown, not refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The official rule id (`BR-NL-3`, `NL-R-002`, `UBL-SR-09`).
    pub rule: String,
    /// What is wrong, in Dutch.
    pub nl: String,
    /// The same in English.
    pub en: String,
}

/// An e-invoice as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EInvoice {
    pub kind: EInvoiceKind,
    pub rule_set: RuleSet,
    pub customization: Option<String>,
    pub type_code: Option<String>,
    /// The supplier's invoice number (BT-1).
    pub number: String,
    pub issue_date: NaiveDate,
    /// BT-9 (`cbc:DueDate`, or a credit note's `PaymentMeans/PaymentDueDate`).
    pub due_date: Option<NaiveDate>,
    pub currency: String,
    pub buyer_reference: Option<String>,
    pub order_reference: Option<String>,
    /// The invoice a credit note or corrective invoice corrects (BT-25).
    pub corrects: Option<String>,
    /// Payment terms as text (BT-20).
    pub payment_terms: Option<String>,
    /// The payment reference the payer should quote (BT-83, `PaymentID`).
    pub payment_reference: Option<String>,
    /// The account to pay to (BT-84).
    pub payee_iban: Option<String>,
    /// The customer's account a direct debit takes from (BT-91), which names the client.
    pub payer_iban: Option<String>,
    pub payment_means_codes: Vec<String>,
    pub notes: Vec<String>,
    pub seller: EParty,
    pub buyer: EParty,
    pub lines: Vec<ELine>,
    pub allowances_charges: Vec<EAllowanceCharge>,
    pub tax_subtotals: Vec<ETaxSubtotal>,
    pub totals: ETotals,
    pub pdf: Option<EmbeddedPdf>,
    pub findings: Vec<Finding>,
}

/// Reads the record from a parsed document; refuses what identifies the invoice or its money
/// when missing or unreadable.
pub(super) fn extract(doc: &Document<'_>) -> Result<EInvoice, Refusal> {
    let root = doc.root_element();
    let kind = match root.tag_name().name() {
        "Invoice" => EInvoiceKind::Invoice,
        "CreditNote" => EInvoiceKind::CreditNote,
        _ => return Err(Refusal::NotUbl),
    };
    if !root
        .tag_name()
        .namespace()
        .is_some_and(|ns| ns.starts_with("urn:oasis:names:specification:ubl:schema:xsd:"))
    {
        return Err(Refusal::NotUbl);
    }
    let customization = text(root, &["CustomizationID"]);
    let rule_set = match customization.as_deref() {
        Some(c) if c.contains("urn:fdc:nen.nl:nlcius:v1.0") || c.contains("nen.nl:gaccount") => {
            RuleSet::SiUbl
        }
        Some(c) if c.contains("urn:fdc:peppol.eu:2017:poacc:billing") => RuleSet::Peppol,
        _ => RuleSet::Other,
    };
    let number = text(root, &["ID"]).ok_or(Refusal::Missing {
        rule: "BR-02",
        what: Missing::Number,
    })?;
    let issue_date = match text(root, &["IssueDate"]) {
        None => {
            return Err(Refusal::Missing {
                rule: "BR-03",
                what: Missing::IssueDate,
            })
        }
        Some(d) => date(&d).ok_or(Refusal::Unreadable {
            element: "IssueDate".into(),
            line: at(root, &["IssueDate"]).map_or(0, line_of),
        })?,
    };
    let due_raw = text(root, &["DueDate"])
        .or_else(|| children(root, "PaymentMeans").find_map(|p| text(p, &["PaymentDueDate"])));
    let due_date = match due_raw {
        Some(d) => Some(date(&d).ok_or(Refusal::Unreadable {
            element: "DueDate".into(),
            line: 0,
        })?),
        None => None,
    };
    let currency = text(root, &["DocumentCurrencyCode"]).ok_or(Refusal::Missing {
        rule: "BR-05",
        what: Missing::Currency,
    })?;
    let type_code =
        text(root, &["InvoiceTypeCode"]).or_else(|| text(root, &["CreditNoteTypeCode"]));
    let line_name = match kind {
        EInvoiceKind::Invoice => "InvoiceLine",
        EInvoiceKind::CreditNote => "CreditNoteLine",
    };
    let quantity_name = match kind {
        EInvoiceKind::Invoice => "InvoicedQuantity",
        EInvoiceKind::CreditNote => "CreditedQuantity",
    };
    let mut lines = Vec::new();
    for l in children(root, line_name) {
        lines.push(line(l, quantity_name)?);
    }
    if lines.is_empty() {
        return Err(Refusal::Missing {
            rule: "BR-16",
            what: Missing::Lines,
        });
    }
    let mut allowances_charges = Vec::new();
    for ac in children(root, "AllowanceCharge") {
        allowances_charges.push(allowance_charge(ac)?);
    }
    // The VAT total in the document currency; another TaxTotal may give it in a tax currency.
    let tax_totals: Vec<Node<'_, '_>> = children(root, "TaxTotal").collect();
    let in_currency = |t: &Node<'_, '_>| {
        child(*t, "TaxAmount")
            .and_then(|a| a.attribute("currencyID"))
            .is_none_or(|c| c == currency)
    };
    let tax_total = tax_totals
        .iter()
        .find(|t| in_currency(t))
        .or(tax_totals.first())
        .ok_or(Refusal::Missing {
            rule: "BR-CO-15",
            what: Missing::TaxTotal,
        })?;
    let mut tax_subtotals = Vec::new();
    for s in tax_totals
        .iter()
        .filter(|t| in_currency(t))
        .flat_map(|t| children(*t, "TaxSubtotal"))
    {
        tax_subtotals.push(ETaxSubtotal {
            category: text(s, &["TaxCategory", "ID"]).unwrap_or_default(),
            percent: opt_amount(s, &["TaxCategory", "Percent"])?.unwrap_or_default(),
            taxable: amount(s, &["TaxableAmount"])?,
            tax: amount(s, &["TaxAmount"])?,
            exemption_reason: text(s, &["TaxCategory", "TaxExemptionReason"]),
        });
    }
    let monetary = child(root, "LegalMonetaryTotal").ok_or(Refusal::Missing {
        rule: "BR-CO-16",
        what: Missing::Totals,
    })?;
    let totals = ETotals {
        line_extension: amount(monetary, &["LineExtensionAmount"])?,
        allowances: opt_amount(monetary, &["AllowanceTotalAmount"])?,
        charges: opt_amount(monetary, &["ChargeTotalAmount"])?,
        tax_exclusive: amount(monetary, &["TaxExclusiveAmount"])?,
        tax: amount(*tax_total, &["TaxAmount"])?,
        tax_inclusive: amount(monetary, &["TaxInclusiveAmount"])?,
        prepaid: opt_amount(monetary, &["PrepaidAmount"])?,
        rounding: opt_amount(monetary, &["PayableRoundingAmount"])?,
        payable: amount(monetary, &["PayableAmount"])?,
    };
    let means: Vec<Node<'_, '_>> = children(root, "PaymentMeans").collect();
    Ok(EInvoice {
        kind,
        rule_set,
        customization,
        type_code,
        number,
        issue_date,
        due_date,
        currency,
        buyer_reference: text(root, &["BuyerReference"]),
        order_reference: text(root, &["OrderReference", "ID"]),
        corrects: text(
            root,
            &["BillingReference", "InvoiceDocumentReference", "ID"],
        ),
        payment_terms: text(root, &["PaymentTerms", "Note"]),
        payment_reference: means.iter().find_map(|m| text(*m, &["PaymentID"])),
        payee_iban: means
            .iter()
            .find_map(|m| text(*m, &["PayeeFinancialAccount", "ID"]))
            .map(|i| i.replace(' ', "").to_uppercase()),
        payer_iban: means
            .iter()
            .find_map(|m| text(*m, &["PaymentMandate", "PayerFinancialAccount", "ID"]))
            .map(|i| i.replace(' ', "").to_uppercase()),
        payment_means_codes: means
            .iter()
            .filter_map(|m| text(*m, &["PaymentMeansCode"]))
            .collect(),
        notes: children(root, "Note")
            .filter_map(|n| n.text().map(|t| t.trim().to_string()))
            .filter(|t| !t.is_empty())
            .collect(),
        seller: party(at(root, &["AccountingSupplierParty", "Party"])),
        buyer: party(at(root, &["AccountingCustomerParty", "Party"])),
        lines,
        allowances_charges,
        tax_subtotals,
        totals,
        pdf: embedded_pdf(root),
        findings: Vec::new(),
    })
}

/// What a refused file lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Number,
    IssueDate,
    Currency,
    Lines,
    TaxTotal,
    Totals,
}

fn date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok()
}

/// A required amount at a path; refused, naming the element and line, when missing or not a
/// number.
fn amount(node: Node<'_, '_>, path: &[&str]) -> Result<Decimal, Refusal> {
    opt_amount(node, path)?.ok_or_else(|| Refusal::Unreadable {
        element: path.join("/"),
        line: line_of(node),
    })
}

fn opt_amount(node: Node<'_, '_>, path: &[&str]) -> Result<Option<Decimal>, Refusal> {
    let Some(n) = at(node, path) else {
        return Ok(None);
    };
    let raw = n.text().unwrap_or("");
    decimal(raw).map(Some).ok_or_else(|| Refusal::Unreadable {
        element: path.join("/"),
        line: line_of(n),
    })
}

fn line(l: Node<'_, '_>, quantity_name: &str) -> Result<ELine, Refusal> {
    let quantity = opt_amount(l, &[quantity_name])?.unwrap_or(Decimal::ONE);
    let base = opt_amount(l, &["Price", "BaseQuantity"])?
        .filter(|b| !b.is_zero())
        .unwrap_or(Decimal::ONE);
    let price = opt_amount(l, &["Price", "PriceAmount"])?.unwrap_or_default();
    let name = text(l, &["Item", "Name"]);
    let extra = text(l, &["Item", "Description"]);
    let description = match (name, extra) {
        (Some(n), Some(d)) if n != d => format!("{n} — {d}"),
        (Some(n), _) => n,
        (None, Some(d)) => d,
        (None, None) => String::new(),
    };
    Ok(ELine {
        id: text(l, &["ID"]).unwrap_or_default(),
        description,
        quantity,
        unit_code: at(l, &[quantity_name])
            .and_then(|q| q.attribute("unitCode").map(str::to_string)),
        unit_price: price / base,
        net: amount(l, &["LineExtensionAmount"])?,
        vat_category: text(l, &["Item", "ClassifiedTaxCategory", "ID"]).unwrap_or_default(),
        vat_percent: opt_amount(l, &["Item", "ClassifiedTaxCategory", "Percent"])?
            .unwrap_or_default(),
    })
}

fn allowance_charge(ac: Node<'_, '_>) -> Result<EAllowanceCharge, Refusal> {
    Ok(EAllowanceCharge {
        charge: text(ac, &["ChargeIndicator"]).is_some_and(|c| c.eq_ignore_ascii_case("true")),
        amount: amount(ac, &["Amount"])?,
        category: text(ac, &["TaxCategory", "ID"]).unwrap_or_default(),
        percent: opt_amount(ac, &["TaxCategory", "Percent"])?.unwrap_or_default(),
        reason: text(ac, &["AllowanceChargeReason"]),
    })
}

fn party(p: Option<Node<'_, '_>>) -> EParty {
    let Some(p) = p else {
        return EParty::default();
    };
    let legal = child(p, "PartyLegalEntity");
    let legal_id = legal.and_then(|l| child(l, "CompanyID"));
    let scheme = legal_id.and_then(|c| c.attribute("schemeID"));
    let legal_value = legal.and_then(|l| text(l, &["CompanyID"]));
    let vat_id = children(p, "PartyTaxScheme")
        .find(|t| text(*t, &["TaxScheme", "ID"]).is_some_and(|s| s.eq_ignore_ascii_case("VAT")))
        .and_then(|t| text(t, &["CompanyID"]));
    let trading_name = text(p, &["PartyName", "Name"]);
    let address = child(p, "PostalAddress");
    let addr = |name: &str| address.and_then(|a| text(a, &[name]));
    EParty {
        name: legal
            .and_then(|l| text(l, &["RegistrationName"]))
            .or_else(|| trading_name.clone())
            .unwrap_or_default(),
        trading_name,
        kvk: match scheme {
            Some("0106") => legal_value.clone(),
            None => legal_value
                .clone()
                .filter(|v| v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit())),
            _ => None,
        },
        oin: (scheme == Some("0190"))
            .then(|| legal_value.clone())
            .flatten(),
        vat_id,
        street: addr("StreetName"),
        additional_street: addr("AdditionalStreetName"),
        city: addr("CityName"),
        postcode: addr("PostalZone"),
        country: address
            .and_then(|a| text(a, &["Country", "IdentificationCode"]))
            .map(|c| c.to_uppercase()),
        email: text(p, &["Contact", "ElectronicMail"]),
        contact: text(p, &["Contact", "Name"]),
    }
}

/// The first embedded attachment that is a PDF (by MIME code or the file's `%PDF` header).
fn embedded_pdf(root: Node<'_, '_>) -> Option<EmbeddedPdf> {
    use base64::Engine as _;
    children(root, "AdditionalDocumentReference").find_map(|r| {
        let object = at(r, &["Attachment", "EmbeddedDocumentBinaryObject"])?;
        let data: String = object
            .text()?
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .ok()?;
        let is_pdf =
            object.attribute("mimeCode") == Some("application/pdf") || bytes.starts_with(b"%PDF");
        (is_pdf && bytes.starts_with(b"%PDF")).then(|| EmbeddedPdf {
            file_name: object.attribute("filename").map(str::to_string),
            bytes,
        })
    })
}
