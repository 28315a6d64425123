//! Transfer types of offers (offertes), agreements (opdrachtbevestigingen), the algemene
//! voorwaarden, text blocks and the client-acceptance checklist.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::invoice::VatTreatment;
use crate::FieldMessage;

/// Fixed price, or hourly rate × estimated hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OfferPriceKind {
    Fixed,
    Hourly,
}

/// No advance, a percentage of the total, or an amount (incl. btw).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdvanceKind {
    None,
    Percent,
    Amount,
}

/// A milestone invoiced when reached; amount incl. btw as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneForm {
    pub description: String,
    pub amount: String,
}

/// The guided editor's content, every field as typed (amounts `1.234,56`, dates `22-11-2026`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OfferForm {
    pub client_id: Option<i64>,
    /// What the work is called, e.g. "Nieuwe website".
    pub title: String,
    pub offer_date: String,
    pub valid_until: String,
    /// What you deliver.
    pub scope: String,
    /// What is not included.
    pub exclusions: String,
    pub planning: String,
    /// When the work counts as delivered and accepted.
    pub acceptance_criteria: String,
    pub price_kind: OfferPriceKind,
    /// Excl. btw.
    pub fixed_price: String,
    /// Excl. btw.
    pub hourly_rate: String,
    pub hours: String,
    /// Excl. btw.
    pub expenses: String,
    pub vat: VatTreatment,
    pub payment_term_days: String,
    pub advance_kind: AdvanceKind,
    pub advance: String,
    pub milestones: Vec<MilestoneForm>,
    /// Other conditions: rights, liability, cancellation.
    pub conditions: String,
    /// Put the late-payment clause for this client's kind in the offer.
    pub late_payment_clause: bool,
    /// Attach the newest version of the algemene voorwaarden.
    pub attach_terms: bool,
    /// For a consumer at a distance: state the 14-day right of withdrawal.
    pub withdrawal_notice: bool,
}

/// One finding of the review step's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OfferCheck {
    /// Stable code, e.g. `no_validity`.
    pub code: String,
    /// `missing` or `risky`.
    pub severity: String,
    pub message: String,
}

/// One line of the payment schedule and, for an agreement, the invoice made for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleRow {
    pub line: u32,
    /// `advance`, `milestone` or `final`.
    pub kind: String,
    pub description: String,
    pub amount_incl: String,
    pub amount_excl: String,
    pub invoice_id: Option<i64>,
    pub invoice_number: Option<String>,
}

/// What the offer adds up to, its schedule, the checklist and the clause that will be printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OfferReview {
    pub total_excl: String,
    pub vat: String,
    pub total_incl: String,
    pub schedule: Vec<ScheduleRow>,
    pub checks: Vec<OfferCheck>,
    pub late_payment_text: String,
    /// Problems with what was typed (the fields say where).
    pub fields: Vec<FieldMessage>,
}

/// A stored version of the algemene voorwaarden.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TermsDocument {
    pub id: i64,
    pub version: u32,
    pub file_name: String,
    pub sha256: String,
    pub pages: u32,
    pub uploaded_at: String,
    /// What this version stipulates on late payment, as the form shows it (`None`: nothing of
    /// its own, the statutory claim).
    pub late_payment: Option<LatePaymentTermsForm>,
    /// One line in words, e.g. "1 % per maand · 15 % van de hoofdsom, minimaal € 40,00 ·
    /// fatale termijn".
    pub late_payment_summary: Option<String>,
    /// An offer carrying this version was sent: its terms can no longer change.
    pub late_payment_fixed: bool,
    /// What the user should know about these terms (below the statutory rate, a court may
    /// moderate the costs, consumers get the statutory claim only, fixed).
    pub late_payment_notes: Vec<String>,
}

/// A client's acceptance of a version of the algemene voorwaarden recorded outside Tijdig.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TermsAcceptance {
    pub id: i64,
    pub version: u32,
    pub accepted_on: String,
    pub note: Option<String>,
}

/// The client page's card on the algemene voorwaarden: which version decides new invoices,
/// the acceptances recorded outside Tijdig, and the versions there are to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientTerms {
    /// "Versie 2, aanvaard op 05-10-2026 — contractuele rente 1 % per maand · …", or that no
    /// version was accepted.
    pub current: String,
    pub recorded: Vec<TermsAcceptance>,
    /// (id, "Versie 2 (av.pdf)"), the newest first.
    pub versions: Vec<TermsVersionChoice>,
}

/// A version to choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TermsVersionChoice {
    pub id: i64,
    pub label: String,
}

/// Recording an acceptance outside Tijdig, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TermsAcceptanceForm {
    pub terms_document_id: Option<i64>,
    pub accepted_on: String,
    pub note: String,
}

/// The period a contractual rate is stated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RatePer {
    Month,
    Year,
}

/// Which collection costs a version stipulates: the statutory ones (the € 40 or the staffel), a
/// percentage of the principal, or a fixed amount per invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CostsClause {
    Statutory,
    Percent,
    Fixed,
}

/// Afspraken bij te late betaling of one version, every field as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LatePaymentTermsForm {
    /// Contractual rate, e.g. "1" or "1,5"; empty: the wettelijke handelsrente.
    pub interest_percent: String,
    pub interest_per: RatePer,
    /// Rente op rente once a year.
    pub compound: bool,
    pub costs: CostsClause,
    pub costs_percent: String,
    /// Empty: no minimum beyond the statutory € 40.
    pub costs_minimum: String,
    pub costs_amount: String,
    pub fatal_term: bool,
}

/// The countersigned copy and what its check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CountersignedCopy {
    pub file_name: String,
    pub sha256: String,
    pub check: String,
    pub registered_at: String,
}

/// How the client said yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AcceptedHow {
    SignedPdf,
    Email,
    Paper,
}

/// Recording the acceptance.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AcceptanceForm {
    pub how: AcceptedHow,
    pub on: String,
    pub by: String,
}

/// The agreement (opdrachtbevestiging) and what has been invoiced from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub id: i64,
    pub number: String,
    pub accepted_how: AcceptedHow,
    pub accepted_how_label: String,
    pub accepted_on: String,
    pub accepted_by: String,
    pub pdf_sha256: String,
    pub signed: bool,
    pub countersigned: Option<CountersignedCopy>,
    pub delivered_on: Option<String>,
    /// The contact moment to ask whether the client is satisfied (after delivery).
    pub satisfaction_check_on: Option<String>,
    /// The client was asked whether they are satisfied on this day.
    pub satisfaction_checked_on: Option<String>,
    pub schedule: Vec<ScheduleRow>,
    pub agreed_incl: String,
    pub invoiced_incl: String,
    /// What is left to invoice, incl. btw.
    pub remaining_incl: String,
}

/// An offer as the detail screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    pub id: i64,
    pub number: String,
    pub client_id: i64,
    pub client_name: String,
    pub form: OfferForm,
    /// `concept`, `sent`, `accepted`, `rejected`, `expired`.
    pub status: String,
    pub status_label: String,
    pub sent_on: Option<String>,
    pub answered_on: Option<String>,
    pub answer_note: Option<String>,
    /// The planned follow-up a few days before a sent offer expires.
    pub follow_up_on: Option<String>,
    pub terms: Option<TermsDocument>,
    pub pdf_sha256: Option<String>,
    pub signed: bool,
    pub review: OfferReview,
    pub agreement: Option<Agreement>,
}

/// One row of the offer list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OfferSummary {
    pub id: i64,
    pub number: String,
    pub client_name: String,
    pub title: String,
    pub status: String,
    pub status_label: String,
    pub total_incl: String,
    pub valid_until: Option<String>,
}

/// A reusable text block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextBlock {
    pub id: i64,
    /// `scope` or `conditions`.
    pub kind: String,
    pub title: String,
    pub body: String,
}

/// The client-acceptance checklist (acceptatie) as the user ticks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientAcceptanceForm {
    pub kvk_checked: bool,
    pub references_ok: bool,
    pub trouble_signals: bool,
    pub note: String,
}

/// The checklist with what Tijdig knows from its own records, and its advice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientAcceptance {
    pub form: ClientAcceptanceForm,
    pub checked_on: Option<String>,
    /// From Tijdig's own data, e.g. "8 facturen, gemiddeld 3 dagen te laat".
    pub payment_history: String,
    /// Ask an advance payment before starting.
    pub advance_advised: bool,
    pub advice: String,
}

/// A contact moment of an offer or agreement for "Vandaag": a call before a sent offer expires,
/// or asking whether the client is satisfied after delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OfferContact {
    pub offer_id: i64,
    pub agreement_id: Option<i64>,
    /// `expiring` or `satisfaction`.
    pub kind: String,
    pub number: String,
    pub client_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// dd-mm-jjjj: planned on.
    pub due: String,
    /// What to do, in a sentence.
    pub text: String,
}
