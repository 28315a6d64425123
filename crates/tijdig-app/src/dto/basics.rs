//! The transfer types every screen shares: the app's state, the business profile, clients and
//! the enums they use.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mirror_enum!(
    /// RF (ISO 11649) or the Dutch 16-digit betalingskenmerk.
    ReferenceKind => tijdig_domain::payment_reference::PaymentReferenceKind { Rf, Dutch16 }
);
mirror_enum!(
    /// `nl` or `en`.
    Language => tijdig_domain::Language { Nl, En }
);
mirror_enum!(
    /// Rechtsvorm.
    LegalForm => tijdig_domain::LegalForm { SoleTrader, Partnership, PrivateCompany, Other }
);
mirror_enum!(
    /// Zakelijk or particulier.
    ClientKind => tijdig_domain::ClientKind { Business, Consumer }
);
mirror_enum!(PreferredChannel => tijdig_domain::PreferredChannel { Email, Phone, Letter });
mirror_enum!(
    /// Debiteurtype.
    DebtorType => tijdig_domain::DebtorType {
        Unknown, Forgets, CannotPay, WillNotPay, CannotAndWillNot
    }
);

/// What the first screen needs to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppState {
    /// False until the business profile has been saved once: the UI shows the welcome.
    pub onboarded: bool,
    pub ui_language: Language,
    /// Where the database lives, shown in Settings.
    pub data_dir: String,
    pub version: String,
    /// Today as Tijdig sees it (`YYYY-MM-DD`; fixed by `TIJDIG_TODAY` in tests).
    pub today: String,
    /// The payment reference new invoices get.
    pub reference_kind: ReferenceKind,
    /// This is the example business ("Eerst rondkijken met voorbeeldgegevens"), not the
    /// user's own data: every screen says so.
    pub example: bool,
}

/// The business profile form (bedrijfsgegevens), as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileForm {
    pub trade_name: String,
    pub legal_name: String,
    pub legal_form: LegalForm,
    pub street: String,
    pub house_number: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    pub kvk: String,
    pub btw_id: String,
    pub iban: String,
    pub account_holder: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub accent_colour: String,
    pub kor: bool,
    pub payment_term_days: String,
    pub document_language: Language,
}

/// The stored profile: its form values (normalised) and the logo as a `data:` URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub form: ProfileForm,
    pub logo_data_url: Option<String>,
}

/// A saved record plus the warnings the user should still read (e.g. a BSN-shaped btw-id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Saved<T: TS> {
    pub value: T,
    pub warnings: Vec<crate::FieldMessage>,
}

/// A logo chosen by the user: the file's bytes in standard base64.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogoUpload {
    pub base64: String,
}

/// The client form (klant), as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientForm {
    pub kind: ClientKind,
    pub name: String,
    pub contact_person: String,
    pub street: String,
    pub house_number: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    pub email: String,
    pub phone: String,
    pub kvk: String,
    pub btw_id: String,
    pub iban: String,
    pub preferred_channel: PreferredChannel,
    /// Empty: the default from the business profile applies.
    pub payment_term_days: String,
    pub document_language: Language,
    pub notes: String,
    pub debtor_type: DebtorType,
    /// Grote onderneming: its payment term is capped at 30 days.
    pub large_company: bool,
}

/// A stored client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Client {
    pub id: i64,
    pub form: ClientForm,
    pub archived: bool,
    pub created_at: String,
}

/// One row of the client list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientSummary {
    pub id: i64,
    pub kind: ClientKind,
    pub name: String,
    pub contact_person: Option<String>,
    pub city: Option<String>,
    pub email: Option<String>,
    pub debtor_type: DebtorType,
    pub archived: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClientSort {
    #[default]
    Name,
    City,
    Newest,
}

/// Which clients the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientQuery {
    pub search: String,
    pub sort: ClientSort,
    pub include_archived: bool,
}
