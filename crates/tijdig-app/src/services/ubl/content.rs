//! What an issued invoice says in UBL terms (EN 16931 business terms, BT-…): the mapping from
//! the store's records to plain content that `document.rs` writes out. Pure: no IO, no clock.
//!
//! Money is never computed here a second time: the lines' amounts are [`InvoiceLine::amount`]
//! and the totals and btw rows are the [`InvoiceTotals`] the PDF printed (the same
//! `record_totals` the issuing used). The only arithmetic is the sign of a credit note (UBL
//! writes a CreditNote with positive amounts, Tijdig stores it with negative ones) and a line
//! discount's amount as the difference between the line before and after the discount.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::invoice::{due_date, InvoiceKind, InvoiceLine, InvoiceTotals, VatNote};
use tijdig_domain::invoice::{VatRegime, VatTreatment};
use tijdig_domain::money::{format_quantity, round_cents};
use tijdig_domain::{BusinessProfile, Client, Language};
use tijdig_store::{InvoiceRecord, IssuedFacts};

use crate::plumbing::format::document_date;

/// Which rule set the e-invoice is made for; they differ in their CustomizationID (BT-24).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UblProfile {
    /// SI-UBL 2.0 (NLCIUS): the Dutch standard the government and Dutch software expect. The
    /// default.
    #[default]
    SiUbl,
    /// Peppol BIS Billing 3.0, for sending through the Peppol network.
    Peppol,
}

impl UblProfile {
    /// BT-24, the specification identifier each rule set requires (SI-UBL: starting with the
    /// NLCIUS id; Peppol: exactly this value, PEPPOL-EN16931-R004).
    pub fn customization_id(self) -> &'static str {
        match self {
            UblProfile::SiUbl => "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0",
            UblProfile::Peppol => {
                "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
            }
        }
    }
}

/// What the mapping reads: the records as stored, the totals the PDF printed and the PDF.
pub(crate) struct Source<'a> {
    pub profile: &'a BusinessProfile,
    pub client: &'a Client,
    pub record: &'a InvoiceRecord,
    pub issued: &'a IssuedFacts,
    /// For a credit note: the invoice it corrects.
    pub original: Option<&'a InvoiceRecord>,
    pub totals: &'a InvoiceTotals,
    pub pdf: &'a [u8],
    pub pdf_file_name: &'a str,
}

/// Why a valid e-invoice cannot be made from what is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Missing {
    /// SI-UBL BR-NL-10: a customer in the Netherlands needs a KvK-nummer (or OIN) as legal
    /// entity identifier. A consumer has none, so SI-UBL cannot address one.
    ClientKvk { consumer: bool },
    /// Peppol R010: the client needs an electronic address, and Tijdig knows none for it
    /// (no KvK-nummer, no btw-id with a Peppol scheme).
    ClientEndpoint,
}

/// A btw category (UNCL 5305 subset used by EN 16931) with its rate and, where the rules ask
/// for one, the exemption reason as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TaxCategory {
    /// S (21 %, 9 %), Z (nultarief), AE (btw verlegd), E (vrijgesteld, KOR).
    pub code: &'static str,
    pub percent: Decimal,
    /// BT-120. Text only, no VATEX code: SI-UBL advises against the code (BR-NL-35) and CEN
    /// accepts either (BR-AE-10, BR-E-10).
    pub exemption_reason: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Party {
    /// BT-34 / BT-49 with its EAS scheme.
    pub endpoint: Option<(&'static str, String)>,
    pub name: String,
    pub street: Option<String>,
    pub city: Option<String>,
    pub postcode: Option<String>,
    pub country: String,
    pub vat_id: Option<String>,
    pub registration_name: String,
    /// KvK-nummer, scheme 0106.
    pub kvk: Option<String>,
    pub contact_name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub id: usize,
    pub quantity: Decimal,
    /// UN/ECE Rec 20 unit code.
    pub unit_code: &'static str,
    pub amount: Decimal,
    /// A line discount as an allowance: its reason and amount.
    pub allowance: Option<(String, Decimal)>,
    pub name: String,
    pub category: TaxCategory,
    pub price: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TaxSubtotal {
    pub base: Decimal,
    pub tax: Decimal,
    pub category: TaxCategory,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attachment {
    pub id: String,
    pub description: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// One e-invoice, every amount already signed as UBL wants it (positive on a CreditNote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UblInvoice {
    pub credit_note: bool,
    pub customization_id: &'static str,
    pub number: String,
    pub issue_date: NaiveDate,
    /// BT-9, only on an Invoice (a credit note is not paid by the client).
    pub due_date: Option<NaiveDate>,
    /// 380 for an invoice and an aanbetalingsfactuur (SI-UBL BR-NL-7 allows no 386), 381 for a
    /// credit note.
    pub type_code: &'static str,
    /// BT-22: the btw statements and the user's note in one text (Peppol R002: one note).
    pub note: Option<String>,
    pub buyer_reference: String,
    /// BG-14, the delivery period.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// BT-72, a single delivery date.
    pub delivery_date: Option<NaiveDate>,
    /// BT-25, the corrected invoice's number.
    pub corrects: Option<String>,
    pub attachment: Attachment,
    pub seller: Party,
    pub buyer: Party,
    /// BT-81 code, BT-83 payment reference, BT-84 IBAN.
    pub payment: Option<(&'static str, String, String)>,
    /// BT-20.
    pub payment_terms: Option<String>,
    pub subtotals: Vec<TaxSubtotal>,
    pub tax_total: Decimal,
    pub line_total: Decimal,
    pub total: Decimal,
    pub lines: Vec<Line>,
}

/// Amount × sign without a negative zero (rust_decimal keeps the sign of −0, which would print
/// as "-0.00").
fn signed(amount: Decimal, sign: Decimal) -> Decimal {
    let value = amount.saturating_mul(sign);
    if value.is_zero() {
        Decimal::ZERO
    } else {
        value
    }
}

/// The category of a line (`None` = under the KOR) or of a btw row.
fn category(regime: VatRegime, treatment: Option<VatTreatment>, lang: Language) -> TaxCategory {
    let (code, percent, reason) = match treatment {
        None => ("E", Decimal::ZERO, Some(VatNote::Kor)),
        Some(t @ (VatTreatment::Standard21 | VatTreatment::Reduced9)) => ("S", t.rate(), None),
        Some(VatTreatment::Zero) => ("Z", Decimal::ZERO, None),
        // Btw verlegd, domestic and intra-EU services alike: the client accounts for the btw
        // (art. 196 Btw-richtlijn), which is EN 16931's AE. K ("intra-community supply") is
        // exempt supplies of goods, whose rules (BR-IC-11/12) want a deliver-to country.
        Some(VatTreatment::ReverseCharge) if regime == VatRegime::IntraEu => {
            ("AE", Decimal::ZERO, Some(VatNote::IntraEuServices))
        }
        Some(VatTreatment::ReverseCharge) => ("AE", Decimal::ZERO, Some(VatNote::ReverseCharge)),
        Some(VatTreatment::Exempt) => ("E", Decimal::ZERO, Some(VatNote::Exempt)),
    };
    TaxCategory {
        code,
        percent,
        exemption_reason: reason.map(|n| n.text(lang)),
    }
}

/// UN/ECE Recommendation 20 code for a unit as typed; C62 ("one") when Tijdig does not know it.
pub(crate) fn unit_code(unit: &str) -> &'static str {
    let unit = unit.trim().trim_end_matches('.').to_lowercase();
    match unit.as_str() {
        "uur" | "uren" | "u" | "hour" | "hours" | "hr" | "h" => "HUR",
        "dag" | "dagen" | "day" | "days" => "DAY",
        "week" | "weken" | "weeks" => "WEE",
        "maand" | "maanden" | "mnd" | "month" | "months" => "MON",
        "jaar" | "jaren" | "year" | "years" => "ANN",
        "minuut" | "minuten" | "min" | "minute" | "minutes" => "MIN",
        "stuk" | "stuks" | "st" | "piece" | "pieces" | "pcs" => "H87",
        "km" | "kilometer" | "kilometers" => "KMT",
        "kg" | "kilo" => "KGM",
        "m" | "meter" => "MTR",
        "m2" | "m²" => "MTK",
        "l" | "liter" | "litre" => "LTR",
        _ => "C62",
    }
}

fn line(
    index: usize,
    line: &InvoiceLine,
    regime: VatRegime,
    sign: Decimal,
    lang: Language,
) -> Line {
    let amount = line.amount();
    // The discount is the difference between the line without and with it, so quantity ×
    // price − allowance gives the line amount to the rounding of the undiscounted line (within
    // PEPPOL-EN16931-R120's 0.02).
    let allowance = line.discount_percent.and_then(|discount| {
        let gross = round_cents(line.quantity.saturating_mul(line.unit_price));
        let off = signed(gross.saturating_sub(amount), sign);
        let reason = match lang {
            Language::Nl => format!("Korting {}%", format_quantity(discount, lang)),
            Language::En => format!("Discount {}%", format_quantity(discount, lang)),
        };
        (!off.is_zero()).then_some((reason, off))
    });
    Line {
        id: index + 1,
        quantity: signed(line.quantity, sign),
        unit_code: unit_code(&line.unit),
        amount: signed(amount, sign),
        allowance,
        name: line.description.clone(),
        category: category(regime, regime.effective_treatment(line.vat), lang),
        price: line.unit_price,
    }
}

fn join_address(parts: [&Option<String>; 2]) -> Option<String> {
    let joined = parts
        .into_iter()
        .flatten()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!joined.is_empty()).then_some(joined)
}

fn seller(p: &BusinessProfile) -> Party {
    let a = &p.address;
    Party {
        endpoint: p.kvk.clone().map(|kvk| ("0106", kvk)),
        name: p.trade_name.clone(),
        street: join_address([&a.street, &a.house_number]),
        city: a.city.clone(),
        postcode: a.postcode.clone(),
        country: a.country.clone(),
        vat_id: p.btw_id.clone(),
        registration_name: p.legal_name.clone().unwrap_or_else(|| p.trade_name.clone()),
        kvk: p.kvk.clone(),
        contact_name: None,
        phone: p.phone.clone(),
        email: p.email.clone(),
    }
}

/// EAS schemes (Peppol's list, PEPPOL-EN16931-CL008) for a VAT number, by the number's
/// prefix (Greece: EL). Denmark, Finland, Italy and Sweden have none in that list.
const VAT_SCHEMES: &[(&str, &str)] = &[
    ("AT", "9914"),
    ("BE", "9925"),
    ("BG", "9926"),
    ("CY", "9928"),
    ("CZ", "9929"),
    ("DE", "9930"),
    ("EE", "9931"),
    ("EL", "9933"),
    ("ES", "9920"),
    ("FR", "9957"),
    ("HR", "9934"),
    ("HU", "9910"),
    ("IE", "9935"),
    ("LT", "9937"),
    ("LU", "9938"),
    ("LV", "9939"),
    ("MT", "9943"),
    ("NL", "9944"),
    ("PL", "9945"),
    ("PT", "9946"),
    ("RO", "9947"),
    ("SI", "9949"),
    ("SK", "9950"),
];

/// The client's electronic address (BT-49; Peppol R010 requires one): the KvK-nummer (0106),
/// else the btw-id under its country's VAT scheme, else — SI-UBL only, Peppol's list has no
/// "EM" — the e-mail address. Tijdig does not know a client's Peppol participant id; these are
/// the EAS identifiers for what it does know.
fn buyer_endpoint(c: &Client, profile: UblProfile) -> Option<(&'static str, String)> {
    if let Some(kvk) = &c.kvk {
        return Some(("0106", kvk.clone()));
    }
    let vat = c.btw_id.as_ref().and_then(|btw| {
        VAT_SCHEMES
            .iter()
            .find(|(prefix, _)| btw.starts_with(prefix))
            .map(|(_, scheme)| (*scheme, btw.clone()))
    });
    match (vat, &c.email, profile) {
        (Some(vat), _, _) => Some(vat),
        (None, Some(email), UblProfile::SiUbl) => Some(("EM", email.clone())),
        _ => None,
    }
}

fn buyer(c: &Client, endpoint: Option<(&'static str, String)>) -> Party {
    let a = &c.address;
    Party {
        endpoint,
        name: c.name.clone(),
        street: join_address([&a.street, &a.house_number]),
        city: a.city.clone(),
        postcode: a.postcode.clone(),
        country: a.country.clone(),
        vat_id: c.btw_id.clone(),
        registration_name: c.name.clone(),
        kvk: c.kvk.clone(),
        contact_name: c.contact_person.clone(),
        phone: c.phone.clone(),
        email: c.email.clone(),
    }
}

/// Maps an issued invoice or credit note to UBL content for `profile`.
///
/// Decisions (EN 16931 / SI-UBL / Peppol, why):
/// - BT-10 buyer reference (BR-NL-2, PEPPOL-EN16931-R003 want it or an order number): the
///   client's contact person, whom the invoice is addressed to ("t.a.v."), else the invoice
///   number. Tijdig has no field for the client's own reference or purchase order.
/// - Parties come from the current business profile and client: Tijdig does not keep a copy
///   of them per issued invoice. The amounts and lines are the issued ones, and the embedded
///   PDF is the document as issued.
/// - The original's date on a credit note (BT-26) is left out: SI-UBL advises against it
///   (BR-NL-24); the number identifies the invoice and the embedded PDF prints both.
/// - Under the KOR no btw is shown (§1.2), but EN 16931 needs a btw breakdown (BR-CO-18): one
///   row "E" (vrijgesteld) with the KOR statement as reason, base = the subtotal, btw 0.
/// - Payment (BR-NL-11 wants it when the client pays): SEPA credit transfer (58, allowed by
///   BR-NL-12) to the profile's IBAN with the issued betalingskenmerk. A credit note gets none,
///   as its PDF asks for no payment ("verrekenen of terugbetalen").
/// - A credit note is a UBL CreditNote (BR-NL-8) with positive quantities and amounts: UBL's
///   sign convention, where a negative CreditNote would mean a debit.
pub(crate) fn content(src: &Source<'_>, profile: UblProfile) -> Result<UblInvoice, Missing> {
    let data = &src.record.draft;
    let client = src.client;
    let lang = client.document_language;
    if profile == UblProfile::SiUbl
        && src.profile.address.country == "NL"
        && client.address.country == "NL"
        && client.kvk.is_none()
    {
        return Err(Missing::ClientKvk {
            consumer: client.kind == tijdig_domain::ClientKind::Consumer,
        });
    }
    let endpoint = buyer_endpoint(client, profile);
    if endpoint.is_none() && profile == UblProfile::Peppol {
        return Err(Missing::ClientEndpoint);
    }
    let credit_note = data.kind == InvoiceKind::CreditNote;
    let sign = if credit_note {
        Decimal::NEGATIVE_ONE
    } else {
        Decimal::ONE
    };
    let t = src.totals;
    let regime = data.vat_regime;
    let mut subtotals: Vec<TaxSubtotal> = t
        .rows
        .iter()
        .map(|row| TaxSubtotal {
            base: signed(row.base, sign),
            tax: signed(row.btw, sign),
            category: category(regime, Some(row.treatment), lang),
        })
        .collect();
    if subtotals.is_empty() {
        subtotals.push(TaxSubtotal {
            base: signed(t.subtotal, sign),
            tax: signed(t.btw_total, sign),
            category: category(regime, None, lang),
        });
    }
    let mut notes: Vec<&str> = t.notes.iter().map(|n| n.text(lang)).collect();
    if let Some(note) = data
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        notes.push(note);
    }
    let number = src.issued.number.clone();
    let due = due_date(data.invoice_date, data.payment_term_days);
    let (period, delivery_date) = match (data.delivery_from, data.delivery_to) {
        (Some(first), Some(last)) => (Some((first, last)), None),
        (Some(day), None) | (None, Some(day)) => (None, Some(day)),
        (None, None) => (None, None),
    };
    let payment_terms = (!credit_note).then(|| {
        let days = data.payment_term_days;
        let by = document_date(due, lang);
        match lang {
            Language::Nl => format!("Betalen binnen {days} dagen, uiterlijk op {by}."),
            Language::En => format!("Payment within {days} days, by {by} at the latest."),
        }
    });
    let payment = match (&src.profile.iban, credit_note) {
        (Some(iban), false) => Some(("58", src.issued.payment_reference.clone(), iban.clone())),
        _ => None,
    };
    Ok(UblInvoice {
        credit_note,
        customization_id: profile.customization_id(),
        number: number.clone(),
        issue_date: data.invoice_date,
        due_date: (!credit_note).then_some(due),
        type_code: if credit_note { "381" } else { "380" },
        note: (!notes.is_empty()).then(|| notes.join(" ")),
        buyer_reference: client
            .contact_person
            .clone()
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| number.clone()),
        period,
        delivery_date,
        corrects: src
            .original
            .and_then(|o| o.issued.as_ref())
            .map(|i| i.number.clone()),
        attachment: Attachment {
            description: format!("{} {number}", data.kind.title(lang)),
            id: number,
            file_name: src.pdf_file_name.to_string(),
            bytes: src.pdf.to_vec(),
        },
        seller: seller(src.profile),
        buyer: buyer(client, endpoint),
        payment,
        payment_terms,
        subtotals,
        tax_total: signed(t.btw_total, sign),
        line_total: signed(t.subtotal, sign),
        total: signed(t.total, sign),
        lines: data
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| line(i, l, regime, sign, lang))
            .collect(),
    })
}
