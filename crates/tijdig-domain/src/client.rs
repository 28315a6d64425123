//! Klant (opdrachtgever): who the user works for and how to get them to pay.

use crate::address::{Address, AddressInput};
use crate::codes::coded_enum;
use crate::issues::{Collector, FieldIssue, Validated};
use crate::profile::{optional, payment_term};
use crate::{validate, Language};

coded_enum! {
    /// Zakelijk of particulier: decides handelsrente vs wettelijke rente and € 40 vs the
    /// 14-dagenbrief later on.
    pub enum ClientKind {
        Business => "business",
        Consumer => "consumer",
    }
}

coded_enum! {
    /// Voorkeurskanaal: how this client is best reached.
    pub enum PreferredChannel {
        Email => "email",
        Phone => "phone",
        Letter => "letter",
    }
}

coded_enum! {
    /// Debiteurtype: why a client pays late, which decides the approach.
    pub enum DebtorType {
        Unknown => "unknown",
        /// Vergeet te betalen.
        Forgets => "forgets",
        /// Kan niet betalen.
        CannotPay => "cannot_pay",
        /// Wil niet betalen.
        WillNotPay => "will_not_pay",
        /// Kan en wil niet betalen.
        CannotAndWillNot => "cannot_and_will_not",
    }
}

impl DebtorType {
    /// The type's name, as the client card shows it.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (DebtorType::Unknown, Language::Nl) => "Onbekend",
            (DebtorType::Unknown, Language::En) => "Unknown",
            (DebtorType::Forgets, Language::Nl) => "Vergeet te betalen",
            (DebtorType::Forgets, Language::En) => "Forgets to pay",
            (DebtorType::CannotPay, Language::Nl) => "Kan niet betalen",
            (DebtorType::CannotPay, Language::En) => "Cannot pay",
            (DebtorType::WillNotPay, Language::Nl) => "Wil niet betalen",
            (DebtorType::WillNotPay, Language::En) => "Will not pay",
            (DebtorType::CannotAndWillNot, Language::Nl) => "Kan en wil niet betalen",
            (DebtorType::CannotAndWillNot, Language::En) => "Cannot and will not pay",
        }
    }
}

/// What the user typed into the client form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientDraft {
    pub kind: ClientKind,
    pub name: String,
    pub contact_person: String,
    pub address: AddressInput,
    pub email: String,
    pub phone: String,
    pub kvk: String,
    pub btw_id: String,
    pub iban: String,
    pub preferred_channel: PreferredChannel,
    /// As typed; empty means "use the default from the business profile".
    pub payment_term_days: String,
    pub document_language: Language,
    pub notes: String,
    pub debtor_type: DebtorType,
    /// Grote onderneming (art. 2:397 BW): its payment term is capped at 30 days (§2.1).
    pub large_company: bool,
}

/// A checked client. KvK and btw-id exist only for business clients.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    pub kind: ClientKind,
    pub name: String,
    pub contact_person: Option<String>,
    pub address: Address,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub kvk: Option<String>,
    pub btw_id: Option<String>,
    pub iban: Option<String>,
    pub preferred_channel: PreferredChannel,
    pub payment_term_days: Option<u32>,
    pub document_language: Language,
    pub notes: Option<String>,
    pub debtor_type: DebtorType,
    /// Grote onderneming (art. 2:397 BW); only for business clients.
    pub large_company: bool,
}

impl Client {
    /// Checks every field and reports all problems at once. For a consumer the business-only
    /// fields (KvK, btw-id) are dropped rather than refused: the form hides them.
    pub fn validate(draft: &ClientDraft) -> Result<Validated<Client>, Vec<FieldIssue>> {
        let mut c = Collector::default();
        let business = draft.kind == ClientKind::Business;
        let name = c.check("name", validate::required_text(&draft.name, 120));
        let contact_person = c.check(
            "contactPerson",
            validate::optional_text(&draft.contact_person, 100),
        );
        let address = Address::check(&draft.address, &mut c);
        let email = optional(&mut c, "email", &draft.email, validate::email);
        let phone = optional(&mut c, "phone", &draft.phone, validate::phone);
        let kvk = if business {
            optional(&mut c, "kvk", &draft.kvk, validate::kvk)
        } else {
            Some(None)
        };
        let btw_id = if business {
            optional(&mut c, "btwId", &draft.btw_id, validate::btw_id)
        } else {
            Some(None)
        };
        let iban = optional(&mut c, "iban", &draft.iban, validate::iban);
        let term = if draft.payment_term_days.trim().is_empty() {
            Some(None)
        } else {
            c.check("paymentTermDays", payment_term(&draft.payment_term_days))
                .map(Some)
        };
        let notes = c.check("notes", validate::optional_text(&draft.notes, 4000));
        c.finish(|| {
            Some(Client {
                kind: draft.kind,
                name: name?,
                contact_person: contact_person?,
                address: address?,
                email: email?,
                phone: phone?,
                kvk: kvk?,
                btw_id: btw_id?,
                iban: iban?,
                preferred_channel: draft.preferred_channel,
                payment_term_days: term?,
                document_language: draft.document_language,
                notes: notes?,
                debtor_type: draft.debtor_type,
                large_company: business && draft.large_company,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Issue;

    fn draft(kind: ClientKind) -> ClientDraft {
        ClientDraft {
            kind,
            name: "Bakkerij De Korenbloem B.V.".into(),
            contact_person: "Eva de Vries".into(),
            address: AddressInput {
                street: "Dorpsstraat".into(),
                house_number: "1".into(),
                postcode: "3511AB".into(),
                city: "Utrecht".into(),
                country: "NL".into(),
            },
            email: "eva@korenbloem.nl".into(),
            phone: String::new(),
            kvk: "12345678".into(),
            btw_id: "NL004495445B01".into(),
            iban: String::new(),
            preferred_channel: PreferredChannel::Email,
            payment_term_days: String::new(),
            document_language: Language::Nl,
            notes: String::new(),
            debtor_type: DebtorType::Unknown,
            large_company: false,
        }
    }

    #[test]
    fn a_business_client_keeps_kvk_and_btw_id() {
        let c = Client::validate(&draft(ClientKind::Business))
            .unwrap()
            .value;
        assert_eq!(c.kvk.as_deref(), Some("12345678"));
        assert_eq!(c.btw_id.as_deref(), Some("NL004495445B01"));
        assert_eq!(c.address.postcode.as_deref(), Some("3511 AB"));
    }

    #[test]
    fn a_consumer_never_carries_business_numbers_even_invalid_ones() {
        let mut d = draft(ClientKind::Consumer);
        d.kvk = "not a number".into();
        let c = Client::validate(&d).unwrap().value;
        assert_eq!(c.kvk, None);
        assert_eq!(c.btw_id, None);
    }

    #[test]
    fn the_checksum_error_lands_on_the_iban_field() {
        let mut d = draft(ClientKind::Business);
        d.iban = "NL91ABNA0417164301".into();
        let errors = Client::validate(&d).unwrap_err();
        assert_eq!(
            errors,
            vec![FieldIssue {
                field: "iban",
                issue: Issue::IbanChecksum
            }]
        );
        assert_eq!(
            errors[0].issue.message(Language::Nl),
            "Dit IBAN klopt niet: controleer de laatste cijfers."
        );
    }

    #[test]
    fn a_term_override_outside_the_range_is_refused() {
        let mut d = draft(ClientKind::Business);
        d.payment_term_days = "500".into();
        assert_eq!(
            Client::validate(&d).unwrap_err()[0].field,
            "paymentTermDays"
        );
        d.payment_term_days = "30".into();
        assert_eq!(
            Client::validate(&d).unwrap().value.payment_term_days,
            Some(30)
        );
    }

    #[test]
    fn codes_round_trip() {
        for t in DebtorType::ALL {
            assert_eq!(DebtorType::from_code(t.code()), Some(*t));
        }
        assert_eq!(ClientKind::from_code("nonsense"), None);
    }
}
