//! Validation findings with their Dutch (and English) wording.
//!
//! The domain decides what is wrong and how to say it, so every screen and every later document
//! uses the same sentence. Errors block a save; warnings are shown but do not.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::{InterestKind, Language};

mod en;
mod nl;

/// One thing wrong with (or worth a second look at) an input value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    Required,
    TooLong {
        max: usize,
    },
    /// A control character (C0 other than tab and line breaks, DEL, C1): nothing a person types,
    /// and it can hide text in a letter or a spreadsheet.
    ControlCharacter,
    /// A character the document font cannot print (an emoji, a rare script): it would be an
    /// empty box on the invoice or letter.
    Unprintable {
        character: char,
    },
    IbanFormat,
    IbanNotSepa {
        country: String,
    },
    IbanLength {
        expected: usize,
        actual: usize,
    },
    IbanChecksum,
    BtwIdFormat,
    BtwIdSuffixZero,
    BtwIdChecksum,
    /// Warning: the 9 digits pass the BSN elfproef, so for an eenmanszaak this is probably the
    /// omzetbelastingnummer, which must not be printed on invoices (nl-rules-sources §1.4).
    BtwIdLooksLikeBsn,
    KvkFormat,
    PostcodeFormat,
    PostcodeNeverIssued,
    EmailFormat,
    PhoneFormat,
    WebsiteFormat,
    ColourFormat,
    PaymentTermRange {
        min: u32,
        max: u32,
    },
    CountryFormat,
    /// A date that is not a calendar date (`YYYY-MM-DD` from the date picker).
    DateFormat,
    /// A choice that must be made (e.g. the client of an invoice).
    ChoiceRequired,
    LogoFormat,
    LogoTooLarge {
        max_kb: usize,
    },
    /// Not a number a Dutch user would type as an amount ([`crate::money::parse_amount`]).
    AmountFormat,
    /// A price or amount below zero: discounts go in the discount percentage, corrections in a
    /// creditfactuur (nl-rules-sources §1.5).
    AmountNegative,
    /// Above [`crate::money::MAX_AMOUNT`].
    AmountTooLarge,
    /// More digits after the decimal comma than allowed.
    AmountDecimals {
        max: u32,
    },
    QuantityFormat,
    QuantityNotPositive,
    /// Above [`crate::money::MAX_QUANTITY`].
    QuantityTooLarge,
    /// A korting outside 0–100 %.
    DiscountRange,
    /// A payment (betaling) of zero or less.
    PaymentNotPositive,
    /// A payment above what is still open (openstaand bedrag).
    PaymentTooHigh {
        outstanding: Decimal,
    },
    /// A payment on an invoice with nothing left to pay.
    NothingOutstanding,
    /// A payment dated after today: money cannot be booked before it arrived.
    PaymentInFuture {
        today: chrono::NaiveDate,
    },
    /// An invoice number prefix with characters other than letters, digits and `-`.
    InvoicePrefixFormat,
    /// Not an ISO 11649 RF reference (nl-rules-sources §5.6).
    RfFormat,
    RfChecksum,
    /// A base for a payment reference that cannot be turned into one (wrong characters/length).
    ReferenceBaseFormat,
    /// Not a 16-digit betalingskenmerk (nl-rules-sources §5.5).
    BetalingskenmerkFormat,
    BetalingskenmerkChecksum,
    /// A BIC that is not 8 or 11 letters/digits.
    BicFormat,
    /// EPC QR (nl-rules-sources §5.7): the beneficiary name is empty.
    QrNameRequired,
    QrNameTooLong {
        max: usize,
    },
    /// EPC QR amount outside € 0,01 – € 999.999.999,99.
    QrAmountRange,
    /// EPC QR: a structured reference and a free text together (either one, never both).
    QrReferenceAndText,
    QrReferenceTooLong {
        max: usize,
    },
    QrTextTooLong {
        max: usize,
    },
    /// EPC QR payload above 331 bytes.
    QrPayloadTooLarge,
    /// Periodieke factuur: an end date before the first invoice day.
    EndBeforeStart,
    /// Periodieke factuur: the first date or the period changed after the schedule made an
    /// invoice (each invoice day is made once, keyed by its day).
    ScheduleStarted,
    /// Periodieke factuur: a new first date more than a year back.
    FirstDateTooEarly,
    /// Betaallink: not an `https://` link.
    PaymentLinkHttps,
    /// Betaallink: no fixed web address after `https://` (or a placeholder in it).
    PaymentLinkHost,
    /// Betaallink: a `{…}` that is not one of the placeholders.
    PaymentLinkPlaceholder {
        name: String,
    },
    /// Betaallink: a space, quote or other character a web address cannot hold as typed.
    PaymentLinkCharacter {
        character: char,
    },
    /// Rentetabel: a percentage below 0 or above 100 % (a typing error, not a rate).
    RatePercentRange,
    /// Contractuele rente: not above 0 or above `max` (10 % per month, 100 % per year).
    InterestClauseRange {
        max: Decimal,
        per_month: bool,
    },
    /// Contractuele incassokosten: a percentage not above 0 or above 100.
    CostsClauseRange,
    /// Rentetabel: a second row for the same kind and valid-from date.
    RateDuplicate {
        kind: InterestKind,
        valid_from: NaiveDate,
    },
    /// Rentetabel: a row without its source (bron).
    RateSourceRequired,
    /// Renteberekening: the rentetabel has no rate of this kind for this day.
    RateMissing {
        kind: InterestKind,
        on: NaiveDate,
    },
    /// Rentetabel mogelijk niet actueel: a figure for a day more than six months after the
    /// newest row of its kind (README "Statutory interest"); the user checks the rate from
    /// `check_from`. A warning: the figure is still computed with the newest row.
    RateTableStale {
        kind: InterestKind,
        /// The newest row of that kind, which the figure used.
        newest: NaiveDate,
        check_from: NaiveDate,
    },
}

impl Issue {
    /// A stable machine code (for tests and logs; never shown to the user).
    pub fn code(&self) -> &'static str {
        match self {
            Issue::Required => "required",
            Issue::TooLong { .. } => "too_long",
            Issue::ControlCharacter => "control_character",
            Issue::Unprintable { .. } => "unprintable",
            Issue::EndBeforeStart => "end_before_start",
            Issue::ScheduleStarted => "schedule_started",
            Issue::FirstDateTooEarly => "first_date_too_early",
            Issue::PaymentLinkHttps => "payment_link_https",
            Issue::PaymentLinkHost => "payment_link_host",
            Issue::PaymentLinkPlaceholder { .. } => "payment_link_placeholder",
            Issue::PaymentLinkCharacter { .. } => "payment_link_character",
            Issue::IbanFormat => "iban_format",
            Issue::IbanNotSepa { .. } => "iban_not_sepa",
            Issue::IbanLength { .. } => "iban_length",
            Issue::IbanChecksum => "iban_checksum",
            Issue::BtwIdFormat => "btw_id_format",
            Issue::BtwIdSuffixZero => "btw_id_suffix_zero",
            Issue::BtwIdChecksum => "btw_id_checksum",
            Issue::BtwIdLooksLikeBsn => "btw_id_looks_like_bsn",
            Issue::KvkFormat => "kvk_format",
            Issue::PostcodeFormat => "postcode_format",
            Issue::PostcodeNeverIssued => "postcode_never_issued",
            Issue::EmailFormat => "email_format",
            Issue::PhoneFormat => "phone_format",
            Issue::WebsiteFormat => "website_format",
            Issue::ColourFormat => "colour_format",
            Issue::PaymentTermRange { .. } => "payment_term_range",
            Issue::CountryFormat => "country_format",
            Issue::DateFormat => "date_format",
            Issue::ChoiceRequired => "choice_required",
            Issue::LogoFormat => "logo_format",
            Issue::LogoTooLarge { .. } => "logo_too_large",
            Issue::AmountFormat => "amount_format",
            Issue::AmountNegative => "amount_negative",
            Issue::AmountTooLarge => "amount_too_large",
            Issue::AmountDecimals { .. } => "amount_decimals",
            Issue::QuantityFormat => "quantity_format",
            Issue::QuantityNotPositive => "quantity_not_positive",
            Issue::QuantityTooLarge => "quantity_too_large",
            Issue::DiscountRange => "discount_range",
            Issue::PaymentNotPositive => "payment_not_positive",
            Issue::PaymentTooHigh { .. } => "payment_too_high",
            Issue::NothingOutstanding => "nothing_outstanding",
            Issue::PaymentInFuture { .. } => "payment_in_future",
            Issue::InvoicePrefixFormat => "invoice_prefix_format",
            Issue::RfFormat => "rf_format",
            Issue::RfChecksum => "rf_checksum",
            Issue::ReferenceBaseFormat => "reference_base_format",
            Issue::BetalingskenmerkFormat => "betalingskenmerk_format",
            Issue::BetalingskenmerkChecksum => "betalingskenmerk_checksum",
            Issue::BicFormat => "bic_format",
            Issue::QrNameRequired => "qr_name_required",
            Issue::QrNameTooLong { .. } => "qr_name_too_long",
            Issue::QrAmountRange => "qr_amount_range",
            Issue::QrReferenceAndText => "qr_reference_and_text",
            Issue::QrReferenceTooLong { .. } => "qr_reference_too_long",
            Issue::QrTextTooLong { .. } => "qr_text_too_long",
            Issue::QrPayloadTooLarge => "qr_payload_too_large",
            Issue::RatePercentRange => "rate_percent_range",
            Issue::InterestClauseRange { .. } => "interest_clause_range",
            Issue::CostsClauseRange => "costs_clause_range",
            Issue::RateDuplicate { .. } => "rate_duplicate",
            Issue::RateSourceRequired => "rate_source_required",
            Issue::RateMissing { .. } => "rate_missing",
            Issue::RateTableStale { .. } => "rate_table_stale",
        }
    }

    /// Warnings are shown at the field but do not stop a save.
    pub fn is_warning(&self) -> bool {
        matches!(self, Issue::BtwIdLooksLikeBsn)
    }

    /// What is wrong and what to do, in the user's language (B1, "je").
    pub fn message(&self, lang: Language) -> String {
        match lang {
            Language::Nl => nl::message(self),
            Language::En => en::message(self),
        }
    }
}

/// An issue attached to the form field it concerns (`field` uses the transfer types' names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    pub field: &'static str,
    pub issue: Issue,
}

/// A value that passed validation, with the warnings the user should still see.
#[derive(Debug, Clone, PartialEq)]
pub struct Validated<T> {
    pub value: T,
    pub warnings: Vec<FieldIssue>,
}

/// Collects field issues while a form is checked, so the user sees every problem at once.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    errors: Vec<FieldIssue>,
    warnings: Vec<FieldIssue>,
}

impl Collector {
    pub(crate) fn push(&mut self, field: &'static str, issue: Issue) {
        let entry = FieldIssue { field, issue };
        if entry.issue.is_warning() {
            self.warnings.push(entry);
        } else {
            self.errors.push(entry);
        }
    }

    /// Records the outcome of a check; returns the value when it passed.
    pub(crate) fn check<T>(&mut self, field: &'static str, result: Result<T, Issue>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(issue) => {
                self.push(field, issue);
                None
            }
        }
    }

    /// Finishes: the built value when there were no errors, otherwise every error.
    pub(crate) fn finish<T>(
        self,
        build: impl FnOnce() -> Option<T>,
    ) -> Result<Validated<T>, Vec<FieldIssue>> {
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        match build() {
            Some(value) => Ok(Validated {
                value,
                warnings: self.warnings,
            }),
            // Unreachable in practice: a missing value always recorded an error above.
            None => Err(vec![FieldIssue {
                field: "form",
                issue: Issue::Required,
            }]),
        }
    }
}
