//! Pre-flight check (factuurvereisten, nl-rules-sources §1.1–§1.5): before an invoice is issued,
//! everything the law wants on it must be there. Each finding says what is missing and where to
//! fix it; an empty list means ready to issue.

use rust_decimal::Decimal;

use super::{InvoiceDraft, InvoiceKind, VatRegime};
use crate::codes::coded_enum;
use crate::{Address, BusinessProfile, Client, ClientKind, Language};

#[cfg(test)]
mod tests;
mod text;

coded_enum! {
    /// Onderdeel van een adres, named in an "address incomplete" finding.
    pub enum AddressPart {
        Street => "street",
        HouseNumber => "house_number",
        Postcode => "postcode",
        City => "city",
    }
}

coded_enum! {
    /// Where the user fixes a finding: the screen the UI links to.
    pub enum FixAt {
        /// Instellingen → Bedrijfsgegevens.
        Profile => "profile",
        /// Klanten → the invoice's client.
        Client => "client",
        /// The invoice itself.
        Invoice => "invoice",
    }
}

/// One reason an invoice cannot be issued yet. Line numbers are 1-based, as the user sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreflightIssue {
    /// §1.1 item 1: the supplier's name.
    OwnNameMissing,
    /// §1.1 item 2: the supplier's full address (street, number, postcode, city).
    OwnAddressIncomplete {
        missing: Vec<AddressPart>,
    },
    /// §1.1 item 3; also under the KOR (§1.2: "show the btw-id").
    OwnBtwIdMissing,
    /// §1.1 item 4, §1.4 (Handelsregisterwet art. 27).
    OwnKvkMissing,
    /// Not a legal element, but without it the client cannot pay (§1.1 "standard").
    OwnIbanMissing,
    /// The regime is KOR but the profile does not take part in the KOR.
    KorNotInProfile,
    /// The profile takes part in the KOR (§1.2: must not show btw) but this invoice charges btw.
    KorProfileChargesBtw,
    /// §1.1 item 1: the customer's name.
    ClientNameMissing,
    /// §1.1 item 2: the customer's full address.
    ClientAddressIncomplete {
        missing: Vec<AddressPart>,
    },
    /// §1.1 "Additional elements": btw verlegd needs the customer's btw-id.
    ClientBtwIdMissing,
    /// Btw can only be shifted to a business, not to a consumer.
    ReverseChargeToConsumer,
    /// Intra-EU needs a client in another EU country.
    IntraEuClientInNetherlands,
    IntraEuClientOutsideEu {
        country: String,
    },
    /// §1.1 items 7, 9: what was supplied.
    NoLines,
    LineDescriptionMissing {
        line: usize,
    },
    LineQuantityZero {
        line: usize,
    },
    /// A negative quantity on an invoice (corrections go in a credit note, §1.5).
    LineQuantityNegative {
        line: usize,
    },
    /// A positive quantity on a credit note (§1.5: negative amounts).
    CreditLinePositive {
        line: usize,
    },
    LinePriceNegative {
        line: usize,
    },
    LineDiscountRange {
        line: usize,
    },
    /// §1.1 item 8: the period ends before it starts.
    DeliveryPeriodReversed,
    /// §1.3, §1.5: a credit note refers to the original invoice's number.
    CreditNoteWithoutOriginal,
    /// A credit note dated before the invoice it corrects.
    CreditNoteBeforeOriginal,
}

impl PreflightIssue {
    /// A stable machine code (tests, logs, UI keys).
    pub fn code(&self) -> &'static str {
        match self {
            PreflightIssue::OwnNameMissing => "own_name_missing",
            PreflightIssue::OwnAddressIncomplete { .. } => "own_address_incomplete",
            PreflightIssue::OwnBtwIdMissing => "own_btw_id_missing",
            PreflightIssue::OwnKvkMissing => "own_kvk_missing",
            PreflightIssue::OwnIbanMissing => "own_iban_missing",
            PreflightIssue::KorNotInProfile => "kor_not_in_profile",
            PreflightIssue::KorProfileChargesBtw => "kor_profile_charges_btw",
            PreflightIssue::ClientNameMissing => "client_name_missing",
            PreflightIssue::ClientAddressIncomplete { .. } => "client_address_incomplete",
            PreflightIssue::ClientBtwIdMissing => "client_btw_id_missing",
            PreflightIssue::ReverseChargeToConsumer => "reverse_charge_consumer",
            PreflightIssue::IntraEuClientInNetherlands => "intra_eu_client_nl",
            PreflightIssue::IntraEuClientOutsideEu { .. } => "intra_eu_client_outside_eu",
            PreflightIssue::NoLines => "no_lines",
            PreflightIssue::LineDescriptionMissing { .. } => "line_description_missing",
            PreflightIssue::LineQuantityZero { .. } => "line_quantity_zero",
            PreflightIssue::LineQuantityNegative { .. } => "line_quantity_negative",
            PreflightIssue::CreditLinePositive { .. } => "credit_line_positive",
            PreflightIssue::LinePriceNegative { .. } => "line_price_negative",
            PreflightIssue::LineDiscountRange { .. } => "line_discount_range",
            PreflightIssue::DeliveryPeriodReversed => "delivery_period_reversed",
            PreflightIssue::CreditNoteWithoutOriginal => "credit_note_without_original",
            PreflightIssue::CreditNoteBeforeOriginal => "credit_note_before_original",
        }
    }

    /// The screen where the user fixes this.
    pub fn fix_at(&self) -> FixAt {
        use PreflightIssue as P;
        match self {
            P::OwnNameMissing
            | P::OwnAddressIncomplete { .. }
            | P::OwnBtwIdMissing
            | P::OwnKvkMissing
            | P::OwnIbanMissing => FixAt::Profile,
            P::ClientNameMissing | P::ClientAddressIncomplete { .. } | P::ClientBtwIdMissing => {
                FixAt::Client
            }
            _ => FixAt::Invoice,
        }
    }

    /// What is missing and where to fix it, in the user's language (B1, "je").
    pub fn message(&self, lang: Language) -> String {
        match lang {
            Language::Nl => text::nl(self),
            Language::En => text::en(self),
        }
    }
}

/// Checks a draft against the factuurvereisten before it is issued. Returns every finding at
/// once, in the order profile, client, regime, lines, dates; empty = ready to issue.
/// Under the KOR, lines at 21 % or 9 % are fine: their btw is ignored ([`VatRegime::Kor`]).
pub fn preflight(
    profile: &BusinessProfile,
    client: &Client,
    draft: &InvoiceDraft,
) -> Vec<PreflightIssue> {
    let mut found = Vec::new();
    check_profile(profile, &mut found);
    check_client(client, &mut found);
    check_regime(profile, client, draft, &mut found);
    check_lines(draft, &mut found);
    check_dates(draft, &mut found);
    found
}

fn check_profile(profile: &BusinessProfile, found: &mut Vec<PreflightIssue>) {
    if profile.trade_name.trim().is_empty() && is_blank(&profile.legal_name) {
        found.push(PreflightIssue::OwnNameMissing);
    }
    let missing = missing_parts(&profile.address);
    if !missing.is_empty() {
        found.push(PreflightIssue::OwnAddressIncomplete { missing });
    }
    if is_blank(&profile.btw_id) {
        found.push(PreflightIssue::OwnBtwIdMissing);
    }
    if is_blank(&profile.kvk) {
        found.push(PreflightIssue::OwnKvkMissing);
    }
    if is_blank(&profile.iban) {
        found.push(PreflightIssue::OwnIbanMissing);
    }
}

fn check_client(client: &Client, found: &mut Vec<PreflightIssue>) {
    if client.name.trim().is_empty() {
        found.push(PreflightIssue::ClientNameMissing);
    }
    let missing = missing_parts(&client.address);
    if !missing.is_empty() {
        found.push(PreflightIssue::ClientAddressIncomplete { missing });
    }
}

fn check_regime(
    profile: &BusinessProfile,
    client: &Client,
    draft: &InvoiceDraft,
    found: &mut Vec<PreflightIssue>,
) {
    match draft.regime {
        VatRegime::Kor if !profile.kor => found.push(PreflightIssue::KorNotInProfile),
        VatRegime::Normal
            if profile.kor && draft.lines.iter().any(|l| l.vat.rate() > Decimal::ZERO) =>
        {
            found.push(PreflightIssue::KorProfileChargesBtw)
        }
        _ => {}
    }
    if !draft.regime.needs_client_btw_id() {
        return;
    }
    if client.kind == ClientKind::Consumer {
        found.push(PreflightIssue::ReverseChargeToConsumer);
    } else if is_blank(&client.btw_id) {
        found.push(PreflightIssue::ClientBtwIdMissing);
    }
    if draft.regime == VatRegime::IntraEu {
        let country = client.address.country.as_str();
        if country == "NL" {
            found.push(PreflightIssue::IntraEuClientInNetherlands);
        } else if !super::is_eu_member(country) {
            found.push(PreflightIssue::IntraEuClientOutsideEu {
                country: country.to_string(),
            });
        }
    }
}

fn check_lines(draft: &InvoiceDraft, found: &mut Vec<PreflightIssue>) {
    if draft.lines.is_empty() {
        found.push(PreflightIssue::NoLines);
    }
    let credit = draft.kind == InvoiceKind::CreditNote;
    for (i, l) in draft.lines.iter().enumerate() {
        let line = i + 1;
        if l.description.trim().is_empty() {
            found.push(PreflightIssue::LineDescriptionMissing { line });
        }
        if l.quantity.is_zero() {
            found.push(PreflightIssue::LineQuantityZero { line });
        } else if credit && l.quantity > Decimal::ZERO {
            found.push(PreflightIssue::CreditLinePositive { line });
        } else if !credit && l.quantity < Decimal::ZERO {
            found.push(PreflightIssue::LineQuantityNegative { line });
        }
        if l.unit_price < Decimal::ZERO {
            found.push(PreflightIssue::LinePriceNegative { line });
        }
        let discount_ok = l
            .discount_percent
            .is_none_or(|d| d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED);
        if !discount_ok {
            found.push(PreflightIssue::LineDiscountRange { line });
        }
    }
}

fn check_dates(draft: &InvoiceDraft, found: &mut Vec<PreflightIssue>) {
    if let super::Delivery::Period { first, last } = draft.delivery {
        if last < first {
            found.push(PreflightIssue::DeliveryPeriodReversed);
        }
    }
    if draft.kind != InvoiceKind::CreditNote {
        return;
    }
    match &draft.original {
        Some(original) if !original.number.trim().is_empty() => {
            if draft.invoice_date < original.date {
                found.push(PreflightIssue::CreditNoteBeforeOriginal);
            }
        }
        _ => found.push(PreflightIssue::CreditNoteWithoutOriginal),
    }
}

/// The parts of a full address (§1.1 item 2) that are empty. Street and city always; house
/// number and postcode for Dutch addresses (abroad they may be part of the street line or not
/// exist).
fn missing_parts(address: &Address) -> Vec<AddressPart> {
    let dutch = address.country == "NL";
    [
        (AddressPart::Street, &address.street, true),
        (AddressPart::HouseNumber, &address.house_number, dutch),
        (AddressPart::Postcode, &address.postcode, dutch),
        (AddressPart::City, &address.city, true),
    ]
    .into_iter()
    .filter(|(_, value, required)| *required && is_blank(value))
    .map(|(part, _, _)| part)
    .collect()
}

fn is_blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|v| v.trim().is_empty())
}
