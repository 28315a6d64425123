//! Transfer types for invoices (facturen), payments and credit notes.

use super::basics::ReferenceKind;
use crate::FieldMessage;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mirror_enum!(
    /// Btw-behandeling of one line.
    VatTreatment => tijdig_domain::invoice::VatTreatment {
        Standard21, Reduced9, Zero, ReverseCharge, Exempt
    }
);
mirror_enum!(
    /// Btw-regeling of a whole invoice.
    VatRegime => tijdig_domain::invoice::VatRegime { Normal, Kor, ReverseCharge, IntraEu }
);
mirror_enum!(
    /// Factuur, aanbetalingsfactuur or creditfactuur.
    InvoiceKind => tijdig_domain::invoice::InvoiceKind { Standard, Advance, CreditNote }
);
mirror_enum!(
    /// Derived, never stored: concept, open, vervallen, deels betaald, betaald, rente/kosten
    /// open, gecrediteerd.
    InvoiceStatus => tijdig_domain::invoice::InvoiceStatus {
        Draft, Open, Overdue, PartlyPaid, Paid, InterestCostsOpen, Credited
    }
);

/// One invoice line as typed (amounts as the user wrote them, e.g. "85,00").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceLineForm {
    pub description: String,
    pub quantity: String,
    pub unit: String,
    pub unit_price: String,
    pub vat: VatTreatment,
    /// Percentage, empty for none.
    pub discount_percent: String,
}

/// The invoice editor's content. Dates as typed: `22-11-2026` (ISO is accepted too; empty when
/// not given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceForm {
    pub kind: InvoiceKind,
    pub client_id: Option<i64>,
    pub invoice_date: String,
    pub delivery_from: String,
    pub delivery_to: String,
    /// Empty: the client's term, else the profile's default.
    pub payment_term_days: String,
    pub vat_regime: VatRegime,
    pub reference_kind: ReferenceKind,
    pub note: String,
    pub lines: Vec<InvoiceLineForm>,
}

/// Amounts are exact decimal strings ("1234.56"); the UI formats them nl-NL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VatRow {
    /// "21 %", "9 %", "0 %", "verlegd", "vrijgesteld".
    pub label: String,
    pub base: String,
    pub vat: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceTotals {
    /// Each line's amount, in line order.
    pub line_amounts: Vec<String>,
    pub rows: Vec<VatRow>,
    pub subtotal: String,
    pub vat_total: String,
    pub total: String,
}

/// What the editor shows while typing: totals and what still blocks issuing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoicePreview {
    /// Absent while a line cannot be read; `fields` says which.
    pub totals: Option<InvoiceTotals>,
    pub due_date: Option<String>,
    /// The payment term that applies (typed, else the client's, else the profile's).
    pub term_days: Option<u32>,
    pub fields: Vec<FieldMessage>,
    /// Missing factuurvereisten, in the user's language. Empty: ready to issue.
    pub preflight: Vec<FieldMessage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Bank,
    Cash,
    Other,
}

impl PaymentMethod {
    /// The stable code stored with the payment.
    pub fn code(self) -> &'static str {
        match self {
            PaymentMethod::Bank => "bank",
            PaymentMethod::Cash => "cash",
            PaymentMethod::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> PaymentMethod {
        match code {
            "bank" => PaymentMethod::Bank,
            "cash" => PaymentMethod::Cash,
            _ => PaymentMethod::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaymentForm {
    pub paid_on: String,
    pub amount: String,
    pub method: PaymentMethod,
    pub note: String,
}

/// What the payment dialog proposes for a day: the whole claim then, and how it splits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaymentProposal {
    /// The most that can be booked on that day (the claim, less later payments).
    pub maximum: String,
    pub open: OpenAmounts,
}

/// "Rente en kosten kwijtschelden": why (recorded in the dossier with the amount).
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WaiverForm {
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    pub id: i64,
    pub paid_on: String,
    pub amount: String,
    pub method: PaymentMethod,
    pub note: String,
}

/// A credit note that corrects an invoice, or the invoice a credit note corrects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceRef {
    pub id: i64,
    pub number: Option<String>,
    pub invoice_date: String,
    pub total: String,
}

/// One invoice with everything its page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Invoice {
    pub id: i64,
    pub form: InvoiceForm,
    pub client_name: String,
    pub number: Option<String>,
    pub status: InvoiceStatus,
    pub due_date: String,
    pub totals: InvoiceTotals,
    /// Openstaand: the whole claim today (principal, interest and costs after art. 6:44 BW).
    pub outstanding: String,
    /// The split of `outstanding`.
    pub open: OpenAmounts,
    /// A payment can be registered: issued, not a credit note, something outstanding.
    pub payable: bool,
    /// What "Rente en kosten kwijtschelden" would give up today, when there is something.
    pub waivable: Option<String>,
    pub payment_reference: Option<String>,
    pub pdf_sha256: Option<String>,
    /// The stored PDF carries an intact signature (false for drafts and for a document the user
    /// chose to issue unsigned).
    pub signed: bool,
    pub payments: Vec<Payment>,
    pub credits: Option<InvoiceRef>,
    pub credit_notes: Vec<InvoiceRef>,
    pub preflight: Vec<FieldMessage>,
    /// Set for an invoice made in other software and imported ("extern").
    pub external: Option<ExternalInvoice>,
    /// Made by a periodic invoice: the period it is for ("november 2026").
    pub schedule_period: Option<String>,
    /// For an overdue invoice: verzuim, interest and costs up to today.
    pub default: Option<DefaultInfo>,
    /// For an issued invoice: the next follow-up step, a dispute, the steps done.
    pub follow_up: Option<super::follow_up::InvoiceFollowUp>,
}

/// One row of the invoice list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceSummary {
    /// Made in other software and imported ("extern").
    pub external: bool,
    pub id: i64,
    pub kind: InvoiceKind,
    pub number: Option<String>,
    pub client_id: i64,
    pub client_name: String,
    pub invoice_date: String,
    pub due_date: String,
    pub total: String,
    /// Openstaand: the whole claim today, as on the invoice page.
    pub outstanding: String,
    /// The part of `outstanding` beyond the invoice amount: interest and costs ("0.00" when
    /// none).
    pub interest_and_costs: String,
    pub status: InvoiceStatus,
}

/// Where an imported invoice came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExternalInvoice {
    pub file_name: String,
    /// `ubl` or `csv`.
    pub format: String,
    /// The file had no PDF: the stored one is a copy Tijdig made, marked as such.
    pub pdf_is_copy: bool,
    /// The Dutch e-invoice rules the file breaks, as shown at import.
    pub findings: Vec<String>,
    pub imported_at: String,
}

/// Stand van de vordering: what is open on an invoice and how it splits, the same on every
/// screen, letter and export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenAmounts {
    /// Hoofdsom still open after art. 6:44 BW (payments go to costs and interest first).
    pub principal: String,
    pub interest: String,
    pub costs: String,
    pub total: String,
    /// What is open beyond the invoice amount: the "rente/kosten" a user sees.
    pub interest_and_costs: String,
    /// Kwijtgescholden so far.
    pub waived: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceSort {
    /// Soonest due first: what needs attention on top.
    #[default]
    DueDate,
    InvoiceDate,
    Number,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceQuery {
    /// Part of the number or the client's name.
    pub search: String,
    pub status: Option<InvoiceStatus>,
    pub client_id: Option<i64>,
    pub sort: InvoiceSort,
    /// Only invoices with something of their claim open.
    #[serde(default)]
    pub open_only: bool,
    /// The first row of the page (0: the first).
    #[serde(default)]
    pub offset: u32,
    /// Rows per page: at most [`MAX_PAGE`]; 0 asks for [`DEFAULT_PAGE`].
    #[serde(default)]
    pub limit: u32,
}

/// Rows of the invoice list per page when the query does not say.
pub const DEFAULT_PAGE: u32 = 100;
/// The most rows one page of the invoice list holds.
pub const MAX_PAGE: u32 = 1000;

/// One page of the invoice list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoicePage {
    pub rows: Vec<InvoiceSummary>,
    /// How many rows the whole list has (every page).
    pub total: u32,
    pub offset: u32,
}

/// Which lines of an issued invoice a credit note corrects (empty: all of them).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreditRequest {
    pub line_indexes: Vec<u32>,
}

/// Invoice settings: the number prefix, the default payment reference and the betaallink.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceSettings {
    pub number_prefix: String,
    pub reference_kind: ReferenceKind,
    /// The betaallink template (`https://bunq.me/naam/{bedrag}/{kenmerk}`); empty: none.
    pub payment_link: String,
}

/// What a betaallink template gives for a sample invoice, shown before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaymentLinkExample {
    /// The filled link for € 1.234,56, reference RF18 5390 0754 7034, invoice 2026-0042;
    /// `None` when the template is empty.
    pub link: Option<String>,
}

/// One interest period of a claim (from–to inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClaimSegment {
    pub from: String,
    pub to: String,
    pub days: i64,
    pub base: String,
    /// Percentage per year, e.g. "10.15"; a contractual monthly rate per month.
    pub rate: String,
    /// The rate as shown: "10,15 %", or "1 % per maand" for a contractual monthly rate.
    pub rate_text: String,
    pub amount: String,
    pub unverified: bool,
}

/// What a debtor in verzuim owes today: principal, statutory interest and collection costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    /// e.g. "wettelijke handelsrente (art. 6:119a BW)", or "contractuele rente 1 % per maand
    /// volgens je algemene voorwaarden, versie 3".
    pub interest_label: String,
    pub first_day: String,
    /// "Berekend tot en met".
    pub until: String,
    pub segments: Vec<ClaimSegment>,
    pub principal: String,
    pub interest: String,
    pub costs: String,
    /// Which costs apply and from when, in the user's language.
    pub costs_note: String,
    pub total: String,
    /// "Rentetabel mogelijk niet actueel: controleer … per …" when the figure is for a day more
    /// than six months after the newest rate of its kind.
    pub rate_warning: Option<String>,
}

/// Verzuim and its consequences for one overdue invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DefaultInfo {
    /// Present when the debtor is in verzuim; otherwise `explanation` says why not yet.
    pub claim: Option<Claim>,
    pub explanation: Option<String>,
    /// The claim cannot be computed ("rentetabel onvolledig"): an error to fix, not a reason.
    pub problem: Option<String>,
}

/// One rubriek of the btw-aangifte as the screen, the PDF and the CSV show it. Amounts are exact
/// decimal strings; `vat` is `None` where the rubriek asks turnover only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VatRubriek {
    /// "1a", "1b", "1e", "3a", "3b".
    pub code: String,
    /// The rubriek's words as on the return.
    pub label: String,
    pub turnover: String,
    pub vat: Option<String>,
    /// What to check before typing it in (3a: only goods).
    pub hint: Option<String>,
}

/// A quarter the btw screen offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuarterChoice {
    pub year: i32,
    pub quarter: u32,
    /// "4e kwartaal 2026".
    pub label: String,
}

/// One customer of the opgaaf ICP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IcpRow {
    pub btw_id: String,
    pub country: String,
    pub client_name: String,
    pub amount: String,
}

/// The sales side of a quarter's btw-aangifte and the opgaaf ICP (issue 21, item 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VatReturnReport {
    pub year: i32,
    pub quarter: u32,
    /// "4e kwartaal 2026".
    pub title: String,
    /// First and last day (dd-mm-jjjj).
    pub from: String,
    pub to: String,
    /// The user takes part in the KOR: no aangifte, turnover only.
    pub kor: bool,
    pub rubrieken: Vec<VatRubriek>,
    /// Turnover invoiced under the KOR (for the € 20.000 limit).
    pub kor_turnover: String,
    /// Vrijgestelde prestaties: in no rubriek.
    pub exempt: String,
    pub icp: Vec<IcpRow>,
    pub icp_total: String,
    /// How many invoices and credit notes the figures come from.
    pub invoices: u32,
    /// Sentences under the figures: what Tijdig counted and what the user still decides.
    pub notes: Vec<String>,
}
