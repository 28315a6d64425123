//! Postal address (adres) as printed on invoices and in the window of an envelope.

use crate::issues::Collector;
use crate::validate;

/// What the user typed into the address fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressInput {
    pub street: String,
    pub house_number: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
}

/// A street written with its house number (`Hoofdstraat 12a`, `Laan van Meerdervoort 1-3`)
/// split where the last word starts with a digit; as it is when none does.
pub fn split_street(street: &str) -> (String, String) {
    let street = street.trim();
    match street.rsplit_once(' ') {
        Some((s, n)) if n.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
            (s.trim().to_string(), n.to_string())
        }
        _ => (street.to_string(), String::new()),
    }
}

/// A checked address. Every part is optional when saving; a document that needs a complete
/// address says so in its own pre-flight check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    pub street: Option<String>,
    pub house_number: Option<String>,
    /// Dutch postcodes in canonical form (`1234 AB`); foreign ones as typed.
    pub postcode: Option<String>,
    pub city: Option<String>,
    /// ISO 3166 alpha-2, `NL` when left empty.
    pub country: String,
}

impl Address {
    pub(crate) fn check(input: &AddressInput, c: &mut Collector) -> Option<Address> {
        let street = c.check("street", validate::optional_text(&input.street, 100));
        let house_number = c.check(
            "houseNumber",
            validate::optional_text(&input.house_number, 20),
        );
        let country = if input.country.trim().is_empty() {
            Some("NL".to_string())
        } else {
            c.check("country", validate::country(&input.country))
        };
        let postcode = match validate::optional_text(&input.postcode, 12) {
            Ok(Some(_)) if country.as_deref() == Some("NL") => c
                .check("postcode", validate::postcode_nl(&input.postcode))
                .map(Some),
            other => c.check("postcode", other),
        };
        let city = c.check("city", validate::optional_text(&input.city, 100));
        Some(Address {
            street: street?,
            house_number: house_number?,
            postcode: postcode?,
            city: city?,
            country: country?,
        })
    }
}
