//! Clients from a spreadsheet (klanten importeren, issue "Bring your bank and your books"): a
//! CSV with Tijdig's own template, or the contact export of another invoicing program, read into
//! the client form's fields — one [`ClientDraft`] per row, checked afterwards with exactly the
//! rules of the form ([`crate::Client::validate`]).
//!
//! Columns are found by their header names (upper or lower case, with or without spaces,
//! hyphens and dots), in Dutch or English: Tijdig's template (`naam`, `soort`, `contactpersoon`,
//! `straat`, `huisnummer`, `postcode`, `plaats`, `land`, `e-mail`, `telefoon`, `kvk`, `btw-id`,
//! `iban`, `betaaltermijn`, `notities`) and the words other programs use (`Bedrijfsnaam`,
//! `Voornaam`/`Achternaam`, `Adres`, `Woonplaats`, `KvK-nummer`, `Btw-nummer`, `Rekeningnummer`,
//! `GSM`, …, and the API names of Moneybird and e-Boekhouden such as `company_name`,
//! `address1`, `zipcode`, `chamber_of_commerce`, `tax_number`, with e-Boekhouden's `BP` = B/P
//! column). A row without a company name but with a first or last name is a consumer. The
//! header may follow a few title rows, as in e-Boekhouden's exports.

use crate::address::{split_street, AddressInput};
use crate::bank::csv::headed_table;
use crate::client::{ClientDraft, ClientKind, DebtorType, PreferredChannel};
use crate::language::Language;

/// One row of the sheet as the client form would be filled with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// The line in the file (1-based).
    pub line: u32,
    pub draft: ClientDraft,
}

/// Why a file is not read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// Not a table (fewer than two columns, or no rows under the header).
    NotATable,
    /// No column holds a name (the header's names, as found).
    NoNameColumn { found: Vec<String> },
    /// Columns a sheet of open invoices must have are missing (Tijdig's names of them).
    MissingColumns { missing: Vec<&'static str> },
}

impl SheetError {
    pub fn message(&self, lang: Language) -> String {
        match (self, lang) {
            (SheetError::NotATable, Language::Nl) => "Dit bestand is geen tabel (CSV met een kopregel en minstens twee kolommen).".into(),
            (SheetError::NotATable, Language::En) => "This file is not a table (CSV with a header row and at least two columns).".into(),
            (SheetError::NoNameColumn { found }, Language::Nl) => format!("Geen kolom met de naam van de klant gevonden (bijvoorbeeld \u{201c}naam\u{201d} of \u{201c}bedrijfsnaam\u{201d}). Gevonden kolommen: {}.", found.join(", ")),
            (SheetError::MissingColumns { missing }, Language::Nl) => format!("Dit bestand mist de kolom(men) {}. Gebruik het sjabloon: factuurnummer;klant;factuurdatum;vervaldatum;bedrag;betaald.", missing.join(", ")),
            (SheetError::MissingColumns { missing }, Language::En) => format!("This file lacks the column(s) {}. Use the template: factuurnummer;klant;factuurdatum;vervaldatum;bedrag;betaald.", missing.join(", ")),
            (SheetError::NoNameColumn { found }, Language::En) => format!("No column with the client's name found (for example \u{201c}naam\u{201d} or \u{201c}bedrijfsnaam\u{201d}). Columns found: {}.", found.join(", ")),
        }
    }
}

/// The header words per field, compared without case, spaces, hyphens, dots and underscores.
const COMPANY: &[&str] = &[
    "bedrijfsnaam",
    "bedrijf",
    "organisatie",
    "companyname",
    "company",
    "naam",
    "name",
    "relatie",
    "relatienaam",
    "naamrelatie",
];
const FIRST_NAME: &[&str] = &["voornaam", "firstname", "voorletters"];
const INFIX: &[&str] = &["tussenvoegsel", "tussenvoegsels"];
const LAST_NAME: &[&str] = &["achternaam", "lastname", "surname"];
const KIND: &[&str] = &["soort", "type", "soortklant", "klantsoort", "kind", "bp"];
const CONTACT: &[&str] = &[
    "contactpersoon",
    "contact",
    "tav",
    "attn",
    "attention",
    "contactperson",
];
const STREET: &[&str] = &[
    "straat",
    "adres",
    "adres1",
    "address",
    "address1",
    "straatnaam",
    "street",
    "straatenhuisnummer",
];
const HOUSE_NUMBER: &[&str] = &["huisnummer", "huisnr", "nummer", "housenumber"];
const POSTCODE: &[&str] = &["postcode", "zipcode", "zip", "postalcode"];
const CITY: &[&str] = &["plaats", "woonplaats", "stad", "city", "vestigingsplaats"];
const COUNTRY: &[&str] = &["land", "country", "landcode"];
const EMAIL: &[&str] = &[
    "email",
    "emailadres",
    "emailaddress",
    "mail",
    "factuuremail",
    "emailfacturen",
    "emailaddressinvoice",
];
const PHONE: &[&str] = &[
    "telefoon",
    "telefoonnummer",
    "tel",
    "phone",
    "phonenumber",
    "mobiel",
    "gsm",
    "telefoonnr",
];
const KVK: &[&str] = &[
    "kvk",
    "kvknummer",
    "kvknr",
    "kamervankoophandel",
    "chamberofcommerce",
    "cocnumber",
    "companyregistrationnumber",
];
const BTW: &[&str] = &[
    "btwid",
    "btwnummer",
    "btw",
    "btwnr",
    "vat",
    "vatnumber",
    "taxnumber",
    "omzetbelastingnummer",
    "btwidentificatienummer",
];
const IBAN: &[&str] = &[
    "iban",
    "sepaiban",
    "rekeningnummer",
    "bankrekening",
    "bankrekeningnummer",
    "bankaccount",
];
const TERM: &[&str] = &[
    "betaaltermijn",
    "betalingstermijn",
    "paymentterm",
    "termofpayment",
    "termijn",
    "betaaltermijndagen",
];
const NOTES: &[&str] = &[
    "notities",
    "notitie",
    "opmerkingen",
    "opmerking",
    "notes",
    "note",
    "memo",
];

/// How far down a header is looked for, below an export's title rows.
const HEADER_SEARCH_ROWS: usize = 15;

fn key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A country as people write it in a sheet: a code, or the Dutch or English name of the
/// countries Tijdig's users invoice most.
fn country_code(raw: &str) -> String {
    let k = key(raw);
    let code = match k.as_str() {
        "nederland" | "netherlands" | "thenetherlands" | "holland" => "NL",
        "belgie" | "belgië" | "belgium" => "BE",
        "duitsland" | "germany" | "deutschland" => "DE",
        "frankrijk" | "france" => "FR",
        "verenigdkoninkrijk" | "unitedkingdom" | "engeland" => "GB",
        "luxemburg" | "luxembourg" => "LU",
        "spanje" | "spain" => "ES",
        "italie" | "italië" | "italy" => "IT",
        _ => return raw.trim().to_string(),
    };
    code.to_string()
}

/// Reads the sheet. Every data row becomes a draft, however wrong its values: checking them is
/// the form's rules' work, so each problem is reported at its row and field.
pub fn read_clients(text: &str) -> Result<Vec<SheetRow>, SheetError> {
    let mut sheet = headed_table(text).ok_or(SheetError::NotATable)?;
    let first_header = sheet.header.clone().ok_or(SheetError::NotATable)?;
    // Some exports put title and date rows above the header: it is the first of the first
    // rows that names a name column.
    let names_a_name = |cells: &[String]| {
        cells.iter().map(|c| key(c)).any(|k| {
            [COMPANY, FIRST_NAME, LAST_NAME]
                .iter()
                .any(|words| words.contains(&k.as_str()))
        })
    };
    let header = if names_a_name(&first_header) {
        first_header
    } else {
        let at = sheet
            .rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .position(|r| names_a_name(&r.cells))
            .ok_or(SheetError::NoNameColumn {
                found: first_header,
            })?;
        let header = sheet.rows[at].cells.clone();
        sheet.rows.drain(..=at);
        header
    };
    let keys: Vec<String> = header.iter().map(|h| key(h)).collect();
    let find = |words: &[&str]| words.iter().find_map(|w| keys.iter().position(|k| k == w));
    let company = find(COMPANY);
    let (first, infix, last) = (find(FIRST_NAME), find(INFIX), find(LAST_NAME));
    if company.is_none() && first.is_none() && last.is_none() {
        return Err(SheetError::NoNameColumn { found: header });
    }
    let columns = [
        find(KIND),
        find(CONTACT),
        find(STREET),
        find(HOUSE_NUMBER),
        find(POSTCODE),
        find(CITY),
        find(COUNTRY),
        find(EMAIL),
        find(PHONE),
        find(KVK),
        find(BTW),
        find(IBAN),
        find(TERM),
        find(NOTES),
    ];
    let [kind, contact, street, house, postcode, city, country, email, phone, kvk, btw, iban, term, notes] =
        columns;
    Ok(sheet
        .rows
        .iter()
        .map(|row| {
            let cell = |c: Option<usize>| -> String {
                c.and_then(|c| row.cells.get(c))
                    .cloned()
                    .unwrap_or_default()
            };
            let person: String = [cell(first), cell(infix), cell(last)]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let company_name = cell(company);
            let declared = match key(&cell(kind)).as_str() {
                "zakelijk" | "bedrijf" | "business" | "company" | "organisatie" | "b2b" | "b" => {
                    Some(ClientKind::Business)
                }
                "particulier" | "consument" | "persoon" | "consumer" | "private" | "person"
                | "b2c" | "p" => Some(ClientKind::Consumer),
                _ => None,
            };
            let business =
                !company_name.is_empty() || !cell(kvk).is_empty() || !cell(btw).is_empty();
            let kind = declared.unwrap_or(if business || person.is_empty() {
                ClientKind::Business
            } else {
                ClientKind::Consumer
            });
            let (name, contact_person) = match (company_name.is_empty(), person.is_empty()) {
                (false, false) if contact.is_none() => (company_name, person),
                (false, _) => (company_name, cell(contact)),
                (true, _) => (person, cell(contact)),
            };
            let (street_name, house_number) = match house {
                Some(_) => (cell(street), cell(house)),
                None => split_street(&cell(street)),
            };
            let email = cell(email);
            ClientDraft {
                kind,
                name,
                contact_person,
                address: AddressInput {
                    street: street_name,
                    house_number,
                    postcode: cell(postcode),
                    city: cell(city),
                    country: country_code(&cell(country)),
                },
                preferred_channel: if email.is_empty() {
                    PreferredChannel::Letter
                } else {
                    PreferredChannel::Email
                },
                email,
                phone: cell(phone),
                kvk: cell(kvk),
                btw_id: cell(btw),
                iban: cell(iban),
                payment_term_days: cell(term),
                document_language: Language::Nl,
                notes: cell(notes),
                debtor_type: DebtorType::Unknown,
                large_company: false,
            }
        })
        .zip(sheet.rows.iter())
        .map(|(draft, row)| SheetRow {
            line: row.line,
            draft,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn tijdigs_template_fills_every_field_of_the_form() {
        let text = "naam;soort;contactpersoon;straat;huisnummer;postcode;plaats;land;e-mail;telefoon;kvk;btw-id;iban;betaaltermijn;notities\n\
                    Drukkerij Vos;zakelijk;Eva Vos;Havenstraat;3;9711 AA;Groningen;NL;info@vos.nl;050-1234567;12345678;NL004495445B01;NL91ABNA0417164300;14;vaste klant\n";
        let rows = read_clients(text).unwrap();
        assert_eq!(rows.len(), 1);
        let d = &rows[0].draft;
        assert_eq!(
            (d.kind, d.name.as_str(), d.contact_person.as_str()),
            (ClientKind::Business, "Drukkerij Vos", "Eva Vos")
        );
        assert_eq!(
            (d.address.street.as_str(), d.address.house_number.as_str()),
            ("Havenstraat", "3")
        );
        assert_eq!(
            (
                d.address.postcode.as_str(),
                d.address.city.as_str(),
                d.address.country.as_str()
            ),
            ("9711 AA", "Groningen", "NL")
        );
        assert_eq!(
            (d.kvk.as_str(), d.btw_id.as_str(), d.iban.as_str()),
            ("12345678", "NL004495445B01", "NL91ABNA0417164300")
        );
        assert_eq!(
            (
                d.payment_term_days.as_str(),
                d.notes.as_str(),
                d.preferred_channel
            ),
            ("14", "vaste klant", PreferredChannel::Email)
        );
        assert_eq!(rows[0].line, 2);
    }

    #[test]
    fn other_programs_words_a_street_with_its_number_and_a_person_without_company() {
        let text = "\"Bedrijfsnaam\",\"Voornaam\",\"Achternaam\",\"Adres\",\"Postcode\",\"Plaats\",\"Land\",\"E-mailadres\",\"KvK-nummer\",\"Btw-nummer\"\n\
                    \"Bakkerij De Korenbloem B.V.\",\"Eva\",\"de Wit\",\"Dorpsstraat 7a\",\"3511AB\",\"Utrecht\",\"Nederland\",\"eva@korenbloem.nl\",\"12345678\",\"\"\n\
                    \"\",\"Pieter\",\"Bakker\",\"Laan van Meerdervoort 1-3\",\"2517 AA\",\"Den Haag\",\"Nederland\",\"\",\"\",\"\"\n";
        let rows = read_clients(text).unwrap();
        let company = &rows[0].draft;
        assert_eq!(
            (
                company.kind,
                company.name.as_str(),
                company.contact_person.as_str()
            ),
            (
                ClientKind::Business,
                "Bakkerij De Korenbloem B.V.",
                "Eva de Wit"
            )
        );
        assert_eq!(
            (
                company.address.street.as_str(),
                company.address.house_number.as_str(),
                company.address.country.as_str()
            ),
            ("Dorpsstraat", "7a", "NL")
        );
        let person = &rows[1].draft;
        assert_eq!(
            (person.kind, person.name.as_str()),
            (ClientKind::Consumer, "Pieter Bakker")
        );
        assert_eq!(
            (
                person.address.street.as_str(),
                person.address.house_number.as_str()
            ),
            ("Laan van Meerdervoort", "1-3")
        );
        assert_eq!(person.preferred_channel, PreferredChannel::Letter);
    }

    #[test]
    fn a_header_below_title_rows_and_a_b_or_p_column() {
        let text = "Relaties;;;\nAdministratie Studio Jansen;4-12-2026;;\n;;;\nCode;Bedrijf;BP;Adres;Postcode;Plaats;Email\nR001;Jan Smit;P;Kerkweg 2;1234 AB;Ede;jan@smit.nl\nR002;Vos BV;B;Markt 1;8011 AA;Zwolle;info@vos.nl\n";
        let rows = read_clients(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (
                rows[0].draft.kind,
                rows[0].draft.name.as_str(),
                rows[0].line
            ),
            (ClientKind::Consumer, "Jan Smit", 5)
        );
        assert_eq!(
            (rows[1].draft.kind, rows[1].draft.address.street.as_str()),
            (ClientKind::Business, "Markt")
        );
    }

    #[test]
    fn a_sheet_without_a_name_column_or_no_table_is_refused_saying_why() {
        let err = read_clients("postcode;plaats\n1234 AB;Utrecht\n").unwrap_err();
        assert_eq!(
            err,
            SheetError::NoNameColumn {
                found: vec!["postcode".into(), "plaats".into()]
            }
        );
        assert!(err
            .message(Language::Nl)
            .contains("Gevonden kolommen: postcode, plaats"));
        assert_eq!(read_clients("alleen tekst\n"), Err(SheetError::NotATable));
    }
}
