//! Bedrijfsgegevens: the user's own business as it appears on every document.

use crate::address::{Address, AddressInput};
use crate::codes::coded_enum;
use crate::issues::{Collector, FieldIssue, Issue, Validated};
use crate::{validate, Language};

coded_enum! {
    /// Rechtsvorm. Decides whether a BSN-shaped btw-id deserves a warning (§1.4).
    pub enum LegalForm {
        /// Eenmanszaak (sole trader): the usual form of a zzp'er.
        SoleTrader => "eenmanszaak",
        /// Vennootschap onder firma.
        Partnership => "vof",
        /// Besloten vennootschap.
        PrivateCompany => "bv",
        Other => "anders",
    }
}

/// The payment term a user may choose as default, in days.
pub const PAYMENT_TERM_DAYS: std::ops::RangeInclusive<u32> = 1..=120;

/// The app's accent blue, used on documents until the user picks a house-style colour.
pub const DEFAULT_ACCENT: &str = "#1F5F8B";

/// What the user typed into the business profile form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileInput {
    pub trade_name: String,
    pub legal_name: String,
    pub legal_form: LegalForm,
    pub address: AddressInput,
    pub kvk: String,
    pub btw_id: String,
    pub iban: String,
    pub account_holder: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub accent_colour: String,
    pub kor: bool,
    /// As typed: whole days.
    pub payment_term_days: String,
    pub document_language: Language,
}

/// Bedrijfsgegevens, checked and normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessProfile {
    /// Handelsnaam, the name clients know.
    pub trade_name: String,
    /// Statutaire naam / naam in het Handelsregister, when it differs.
    pub legal_name: Option<String>,
    pub legal_form: LegalForm,
    pub address: Address,
    pub kvk: Option<String>,
    /// Btw-identificatienummer (never the omzetbelastingnummer).
    pub btw_id: Option<String>,
    pub iban: Option<String>,
    /// Tenaamstelling of the account.
    pub account_holder: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub accent_colour: String,
    /// Kleineondernemersregeling: no btw on invoices (§1.2).
    pub kor: bool,
    pub payment_term_days: u32,
    pub document_language: Language,
}

impl BusinessProfile {
    /// Checks every field and reports all problems at once; warns when an eenmanszaak enters
    /// what looks like the BSN-based omzetbelastingnummer instead of the btw-id.
    pub fn validate(input: &ProfileInput) -> Result<Validated<BusinessProfile>, Vec<FieldIssue>> {
        let mut c = Collector::default();
        let trade_name = c.check("tradeName", validate::required_text(&input.trade_name, 100));
        let legal_name = c.check("legalName", validate::optional_text(&input.legal_name, 100));
        let address = Address::check(&input.address, &mut c);
        let kvk = optional(&mut c, "kvk", &input.kvk, validate::kvk);
        let btw_id = optional(&mut c, "btwId", &input.btw_id, validate::btw_id);
        if let Some(Some(id)) = &btw_id {
            if input.legal_form == LegalForm::SoleTrader && validate::btw_id_looks_like_bsn(id) {
                c.push("btwId", Issue::BtwIdLooksLikeBsn);
            }
        }
        let iban = optional(&mut c, "iban", &input.iban, validate::iban);
        let account_holder = c.check(
            "accountHolder",
            validate::optional_text(&input.account_holder, 70),
        );
        let email = optional(&mut c, "email", &input.email, validate::email);
        let phone = optional(&mut c, "phone", &input.phone, validate::phone);
        let website = optional(&mut c, "website", &input.website, validate::website);
        let accent_colour = if input.accent_colour.trim().is_empty() {
            Some(DEFAULT_ACCENT.to_string())
        } else {
            c.check("accentColour", validate::hex_colour(&input.accent_colour))
        };
        let term = c.check("paymentTermDays", payment_term(&input.payment_term_days));
        c.finish(|| {
            Some(BusinessProfile {
                trade_name: trade_name?,
                legal_name: legal_name?,
                legal_form: input.legal_form,
                address: address?,
                kvk: kvk?,
                btw_id: btw_id?,
                iban: iban?,
                account_holder: account_holder?,
                email: email?,
                phone: phone?,
                website: website?,
                accent_colour: accent_colour?,
                kor: input.kor,
                payment_term_days: term?,
                document_language: input.document_language,
            })
        })
    }
}

/// A payment term in whole days within [`PAYMENT_TERM_DAYS`], as typed.
pub fn payment_term(input: &str) -> Result<u32, Issue> {
    input
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|days| PAYMENT_TERM_DAYS.contains(days))
        .ok_or(Issue::PaymentTermRange {
            min: *PAYMENT_TERM_DAYS.start(),
            max: *PAYMENT_TERM_DAYS.end(),
        })
}

/// Runs `check` on a field only when something was typed; empty means "not given".
pub(crate) fn optional(
    c: &mut Collector,
    field: &'static str,
    input: &str,
    check: fn(&str) -> Result<String, Issue>,
) -> Option<Option<String>> {
    if input.trim().is_empty() {
        Some(None)
    } else {
        c.check(field, check(input)).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProfileInput {
        ProfileInput {
            trade_name: "Studio Jansen".into(),
            legal_name: String::new(),
            legal_form: LegalForm::SoleTrader,
            address: AddressInput {
                street: "Keizersgracht".into(),
                house_number: "12a".into(),
                postcode: "1015cj".into(),
                city: "Amsterdam".into(),
                country: String::new(),
            },
            kvk: "01234567".into(),
            btw_id: "NL000099998B57".into(),
            iban: "NL91 ABNA 0417 1643 00".into(),
            account_holder: "S. Jansen".into(),
            email: "sanne@studiojansen.nl".into(),
            phone: "06 12345678".into(),
            website: "studiojansen.nl".into(),
            accent_colour: String::new(),
            kor: false,
            payment_term_days: "14".into(),
            document_language: Language::Nl,
        }
    }

    #[test]
    fn a_complete_profile_is_normalised() {
        let ok = BusinessProfile::validate(&input()).unwrap();
        assert!(ok.warnings.is_empty());
        let p = ok.value;
        assert_eq!(p.address.postcode.as_deref(), Some("1015 CJ"));
        assert_eq!(p.address.country, "NL");
        assert_eq!(p.iban.as_deref(), Some("NL91ABNA0417164300"));
        assert_eq!(p.legal_name, None);
        assert_eq!(p.accent_colour, DEFAULT_ACCENT);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let mut i = input();
        i.trade_name = " ".into();
        i.iban = "NL91ABNA0417164301".into();
        i.kvk = "123".into();
        i.payment_term_days = "0".into();
        let errors = BusinessProfile::validate(&i).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.issue.code())).collect();
        assert_eq!(
            fields,
            vec![
                ("tradeName", "required"),
                ("kvk", "kvk_format"),
                ("iban", "iban_checksum"),
                ("paymentTermDays", "payment_term_range")
            ]
        );
    }

    #[test]
    fn an_eenmanszaak_with_a_bsn_shaped_btw_id_is_warned_but_saved() {
        let mut i = input();
        i.btw_id = "NL123456782B01".into();
        let ok = BusinessProfile::validate(&i).unwrap();
        assert_eq!(ok.warnings.len(), 1);
        assert_eq!(ok.warnings[0].field, "btwId");
        assert_eq!(ok.warnings[0].issue, Issue::BtwIdLooksLikeBsn);
    }

    #[test]
    fn a_bv_with_an_rsin_based_btw_id_gets_no_warning() {
        let mut i = input();
        i.legal_form = LegalForm::PrivateCompany;
        i.btw_id = "NL123456782B01".into();
        assert!(BusinessProfile::validate(&i).unwrap().warnings.is_empty());
    }

    #[test]
    fn a_foreign_address_keeps_its_postcode_as_typed() {
        let mut i = input();
        i.address.country = "be".into();
        i.address.postcode = "1000".into();
        let p = BusinessProfile::validate(&i).unwrap().value;
        assert_eq!(p.address.country, "BE");
        assert_eq!(p.address.postcode.as_deref(), Some("1000"));
    }
}

#[cfg(test)]
mod term_tests {
    use super::*;

    #[test]
    fn a_payment_term_is_whole_days_from_1_to_120() {
        assert_eq!(payment_term(" 30 "), Ok(30));
        assert_eq!(payment_term("120"), Ok(120));
        for bad in ["0", "121", "-5", "14.5", "veertien", ""] {
            assert!(payment_term(bad).is_err(), "{bad}");
        }
    }
}
