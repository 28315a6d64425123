//! Tijdig's domain: the rules of the Dutch debtor cycle as pure functions and types.
//!
//! Invariant: this crate does no IO (no files, no clock, no database, no network) and has no
//! serialisation on its types; the app layer maps them to transfer types. Dates are passed in
//! (`chrono::NaiveDate`), money is `rust_decimal::Decimal`; both crates are re-exported so the
//! other crates use the same versions.

pub mod address;
pub mod arrangement;
pub mod backup;
pub mod bank;
pub mod cashflow;
pub mod client;
pub mod client_sheet;
mod codes;
pub mod collection_costs;
pub mod csv;
pub mod dates;
pub mod default_start;
pub mod einvoice;
pub mod epc_qr;
pub mod follow_up;
pub mod interest;
pub mod invoice;
pub mod issues;
pub mod language;
pub mod late_payment_terms;
pub mod limitation;
pub mod money;
pub mod offer;
pub mod open_invoice_sheet;
pub mod payment_link;
pub mod payment_reference;
pub mod profile;
pub mod validate;
pub mod vat_return;

pub use address::{Address, AddressInput};
pub use client::{Client, ClientDraft, ClientKind, DebtorType, PreferredChannel};
pub use collection_costs::{
    CollectionCosts, CostsFacts, CostsRule, FourteenDayLetter, LetterCosts,
};
pub use dates::{
    earliest_costs_date, fourteen_day_term_end, is_contact_allowed, is_delivery_day,
    is_public_holiday, letter_delivery, next_contact_moment, posted_letter_delivery,
    public_holiday, public_holidays, LetterChannel, PublicHoliday,
};
pub use default_start::{default_date, DefaultRule, DefaultStart, NoticeOfDefault, PaymentTerms};
pub use epc_qr::{epc_qr_payload, EpcPayment};
pub use follow_up::{
    DossierKind, FollowUpChannel, FollowUpFacts, FollowUpPolicy, FollowUpStep, NextStep,
    PlannedStep, PolicyStep,
};
pub use interest::{
    compute_interest, compute_simple_interest, AppliedPayment, Capitalisation, InterestBreakdown,
    InterestKind, InterestSegment, Rate, RateTable,
};
pub use invoice::{
    check_payment, credit_lines, due_date, format_number, outstanding, preflight, status,
    validate_prefix, AddressPart, Delivery, FixAt, InvoiceDraft, InvoiceKind, InvoiceLine,
    InvoiceStatus, InvoiceTotals, OriginalInvoice, PreflightIssue, VatNote, VatRegime, VatRow,
    VatTreatment,
};
pub use issues::{FieldIssue, Issue, Validated};
pub use language::Language;
pub use limitation::{is_time_barred, limitation_date, limitation_warning};
pub use money::{
    format_eur, format_eur_en, format_eur_nl, format_quantity, parse_amount, parse_discount,
    parse_quantity, parse_unit_price, round_cents,
};
pub use payment_reference::{PaymentReference, PaymentReferenceKind};
pub use profile::{BusinessProfile, LegalForm, ProfileInput};

pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;

#[cfg(test)]
pub(crate) mod test_fixtures {
    /// The shared test vectors, copied from `shared/reference/vectors.json` so the project
    /// tests itself; case ids in the file point back to nl-rules-sources.md.
    pub fn vectors(name: &str) -> Vec<serde_json::Value> {
        let all: serde_json::Value =
            serde_json::from_str(include_str!("../fixtures/vectors.json")).unwrap();
        all[name].as_array().unwrap().clone()
    }

    /// The claim-ledger vectors, copied from `shared/reference/claims.json` (cases C1–C10).
    pub fn claims() -> Vec<serde_json::Value> {
        let all: serde_json::Value =
            serde_json::from_str(include_str!("../fixtures/claims.json")).unwrap();
        all["cases"].as_array().unwrap().clone()
    }
}
