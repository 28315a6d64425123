//! Validation findings with their Dutch (and English) wording.
//!
//! The domain decides what is wrong and how to say it, so every screen and every later document
//! uses the same sentence. Errors block a save; warnings are shown but do not.

use crate::Language;

/// One thing wrong with (or worth a second look at) an input value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    Required,
    TooLong {
        max: usize,
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
    LogoFormat,
    LogoTooLarge {
        max_kb: usize,
    },
}

impl Issue {
    /// A stable machine code (for tests and logs; never shown to the user).
    pub fn code(&self) -> &'static str {
        match self {
            Issue::Required => "required",
            Issue::TooLong { .. } => "too_long",
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
            Issue::LogoFormat => "logo_format",
            Issue::LogoTooLarge { .. } => "logo_too_large",
        }
    }

    /// Warnings are shown at the field but do not stop a save.
    pub fn is_warning(&self) -> bool {
        matches!(self, Issue::BtwIdLooksLikeBsn)
    }

    /// What is wrong and what to do, in the user's language (B1, "je").
    pub fn message(&self, lang: Language) -> String {
        match lang {
            Language::Nl => self.message_nl(),
            Language::En => self.message_en(),
        }
    }

    fn message_nl(&self) -> String {
        match self {
            Issue::Required => "Vul dit veld in.".into(),
            Issue::TooLong { max } => format!("Dit is te lang: gebruik hooguit {max} tekens."),
            Issue::IbanFormat => {
                "Dit is geen IBAN: een IBAN begint met twee letters en twee cijfers, zoals NL91 ABNA 0417 1643 00.".into()
            }
            Issue::IbanNotSepa { country } => format!(
                "IBAN's uit {country} worden niet ondersteund: gebruik een IBAN uit een SEPA-land."
            ),
            Issue::IbanLength { expected, actual } => format!(
                "Dit IBAN heeft {actual} tekens, maar moet er {expected} hebben: controleer of je niets bent vergeten."
            ),
            Issue::IbanChecksum => {
                "Dit IBAN klopt niet: controleer de laatste cijfers.".into()
            }
            Issue::BtwIdFormat => {
                "Dit btw-id klopt niet: het ziet eruit als NL123456789B01 (NL, 9 cijfers, B, 2 cijfers).".into()
            }
            Issue::BtwIdSuffixZero => {
                "Dit btw-id klopt niet: de laatste twee cijfers kunnen niet 00 zijn.".into()
            }
            Issue::BtwIdChecksum => {
                "Dit btw-id bestaat niet: controleer de cijfers op je brief van de Belastingdienst.".into()
            }
            Issue::BtwIdLooksLikeBsn => {
                "Dit lijkt je omzetbelastingnummer (met je BSN). Zet op facturen je btw-identificatienummer; dat staat in Mijn Belastingdienst Zakelijk.".into()
            }
            Issue::KvkFormat => "Een KvK-nummer bestaat uit 8 cijfers.".into(),
            Issue::PostcodeFormat => {
                "Deze postcode klopt niet: gebruik 4 cijfers en 2 letters, zoals 1234 AB.".into()
            }
            Issue::PostcodeNeverIssued => {
                "Deze postcode bestaat niet: de letters SA, SD en SS worden niet gebruikt.".into()
            }
            Issue::EmailFormat => {
                "Dit e-mailadres klopt niet: het ziet eruit als naam@voorbeeld.nl.".into()
            }
            Issue::PhoneFormat => {
                "Dit telefoonnummer klopt niet: gebruik cijfers, spaties en eventueel + aan het begin.".into()
            }
            Issue::WebsiteFormat => {
                "Dit webadres klopt niet: het ziet eruit als www.voorbeeld.nl.".into()
            }
            Issue::ColourFormat => "Kies een kleur, zoals #1F5F8B.".into(),
            Issue::PaymentTermRange { min, max } => {
                format!("Kies een betaaltermijn van {min} tot en met {max} dagen.")
            }
            Issue::CountryFormat => {
                "Gebruik de tweeletterige landcode, zoals NL of BE.".into()
            }
            Issue::LogoFormat => "Kies een logo als PNG- of JPEG-bestand.".into(),
            Issue::LogoTooLarge { max_kb } => {
                format!("Dit logo is te groot: kies een bestand van hooguit {max_kb} kB.")
            }
        }
    }

    fn message_en(&self) -> String {
        match self {
            Issue::Required => "Please fill in this field.".into(),
            Issue::TooLong { max } => format!("This is too long: use at most {max} characters."),
            Issue::IbanFormat => {
                "This is not an IBAN: an IBAN starts with two letters and two digits, like NL91 ABNA 0417 1643 00.".into()
            }
            Issue::IbanNotSepa { country } => {
                format!("IBANs from {country} are not supported: use an IBAN from a SEPA country.")
            }
            Issue::IbanLength { expected, actual } => format!(
                "This IBAN has {actual} characters but needs {expected}: check that nothing is missing."
            ),
            Issue::IbanChecksum => "This IBAN is not valid: check the last digits.".into(),
            Issue::BtwIdFormat => {
                "This VAT number is not valid: it looks like NL123456789B01 (NL, 9 digits, B, 2 digits).".into()
            }
            Issue::BtwIdSuffixZero => {
                "This VAT number is not valid: the last two digits cannot be 00.".into()
            }
            Issue::BtwIdChecksum => {
                "This VAT number does not exist: check the digits on your tax office letter.".into()
            }
            Issue::BtwIdLooksLikeBsn => {
                "This looks like your turnover tax number (containing your BSN). Invoices need your VAT identification number instead.".into()
            }
            Issue::KvkFormat => "A KvK number has 8 digits.".into(),
            Issue::PostcodeFormat => {
                "This postcode is not valid: use 4 digits and 2 letters, like 1234 AB.".into()
            }
            Issue::PostcodeNeverIssued => {
                "This postcode does not exist: the letters SA, SD and SS are never used.".into()
            }
            Issue::EmailFormat => {
                "This e-mail address is not valid: it looks like name@example.com.".into()
            }
            Issue::PhoneFormat => {
                "This phone number is not valid: use digits, spaces and an optional leading +.".into()
            }
            Issue::WebsiteFormat => {
                "This web address is not valid: it looks like www.example.com.".into()
            }
            Issue::ColourFormat => "Choose a colour, like #1F5F8B.".into(),
            Issue::PaymentTermRange { min, max } => {
                format!("Choose a payment term from {min} to {max} days.")
            }
            Issue::CountryFormat => "Use the two-letter country code, like NL or BE.".into(),
            Issue::LogoFormat => "Choose a logo as a PNG or JPEG file.".into(),
            Issue::LogoTooLarge { max_kb } => {
                format!("This logo is too large: choose a file of at most {max_kb} kB.")
            }
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
