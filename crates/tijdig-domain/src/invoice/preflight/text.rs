//! Wording of the pre-flight findings: what is missing, and where to fix it.

use super::{AddressPart, PreflightIssue};

const PROFILE_NL: &str = "bij Instellingen → Bedrijfsgegevens";
const CLIENT_NL: &str = "bij Klanten";
const PROFILE_EN: &str = "under Settings → Business details";
const CLIENT_EN: &str = "under Clients";

pub(super) fn nl(issue: &PreflightIssue) -> String {
    use PreflightIssue as P;
    match issue {
        P::OwnNameMissing => {
            format!("Je bedrijfsnaam ontbreekt: vul je handelsnaam in {PROFILE_NL}.")
        }
        P::OwnAddressIncomplete { missing } => format!(
            "Je adres is niet compleet: vul {} in {PROFILE_NL}.",
            parts_nl(missing)
        ),
        P::OwnBtwIdMissing => {
            format!("Je btw-identificatienummer ontbreekt: vul het in {PROFILE_NL}.")
        }
        P::OwnKvkMissing => format!("Je KvK-nummer ontbreekt: vul het in {PROFILE_NL}."),
        P::OwnIbanMissing => format!(
            "Je IBAN ontbreekt, dus je klant weet niet waar hij moet betalen: vul het in {PROFILE_NL}."
        ),
        P::KorNotInProfile => format!(
            "Je kiest de KOR, maar volgens je bedrijfsgegevens doe je niet mee aan de KOR: kies een andere btw-regeling, of zet de KOR aan {PROFILE_NL}."
        ),
        P::KorProfileChargesBtw => {
            "Je doet mee aan de KOR, dus je mag geen btw rekenen: kies bij deze factuur de btw-regeling KOR.".into()
        }
        P::ClientNameMissing => format!("De naam van de klant ontbreekt: vul die in {CLIENT_NL}."),
        P::ClientAddressIncomplete { missing } => format!(
            "Het adres van de klant is niet compleet: vul {} in {CLIENT_NL}.",
            parts_nl(missing)
        ),
        P::ClientBtwIdMissing => format!(
            "Bij btw verlegd moet het btw-id van je klant op de factuur: vul het in {CLIENT_NL}."
        ),
        P::ReverseChargeToConsumer => {
            "Btw verleggen kan alleen naar een bedrijf, en deze klant is een particulier: kies een andere btw-regeling bij deze factuur.".into()
        }
        P::IntraEuClientInNetherlands => format!(
            "Deze klant zit in Nederland, en btw verleggen naar het buitenland kan alleen voor een klant in een ander EU-land: kies een andere btw-regeling, of pas het land van de klant aan {CLIENT_NL}."
        ),
        P::IntraEuClientOutsideEu { country } => format!(
            "Deze klant zit buiten de EU ({country}), en deze btw-regeling is alleen voor een klant in een ander EU-land: kies een andere btw-regeling, of pas het land van de klant aan {CLIENT_NL}."
        ),
        P::NoLines => "Deze factuur heeft nog geen regels: voeg minstens één regel toe.".into(),
        P::LineDescriptionMissing { line } => {
            format!("Regel {line} heeft geen omschrijving: vul in wat je hebt geleverd.")
        }
        P::LineQuantityZero { line } => {
            format!("Regel {line} heeft aantal 0: vul het aantal in, of haal de regel weg.")
        }
        P::LineQuantityNegative { line } => format!(
            "Regel {line} heeft een negatief aantal: vul een aantal boven 0 in. Wil je iets terugdraaien? Maak dan een creditfactuur."
        ),
        P::CreditLinePositive { line } => format!(
            "Regel {line} van deze creditfactuur is positief: zet een min voor het aantal, want op een creditfactuur zijn de bedragen negatief."
        ),
        P::LinePriceNegative { line } => format!(
            "Regel {line} heeft een negatieve prijs: vul een prijs van 0 of meer in, en geef korting met het kortingspercentage."
        ),
        P::LineDiscountRange { line } => {
            format!("Regel {line} heeft een korting buiten 0 tot en met 100%: pas de korting aan.")
        }
        P::DeliveryPeriodReversed => {
            "De leverperiode klopt niet: de laatste dag ligt vóór de eerste dag. Pas de periode aan.".into()
        }
        P::CreditNoteWithoutOriginal => {
            "Een creditfactuur moet verwijzen naar de factuur die je crediteert: kies de oorspronkelijke factuur.".into()
        }
        P::CreditNoteBeforeOriginal => {
            "De creditfactuur is gedateerd vóór de factuur die je crediteert: kies een latere factuurdatum.".into()
        }
    }
}

pub(super) fn en(issue: &PreflightIssue) -> String {
    use PreflightIssue as P;
    match issue {
        P::OwnNameMissing => {
            format!("Your business name is missing: fill in your trade name {PROFILE_EN}.")
        }
        P::OwnAddressIncomplete { missing } => format!(
            "Your address is incomplete: fill in {} {PROFILE_EN}.",
            parts_en(missing)
        ),
        P::OwnBtwIdMissing => {
            format!("Your VAT identification number is missing: fill it in {PROFILE_EN}.")
        }
        P::OwnKvkMissing => {
            format!("Your KvK (Chamber of Commerce) number is missing: fill it in {PROFILE_EN}.")
        }
        P::OwnIbanMissing => format!(
            "Your IBAN is missing, so your client does not know where to pay: fill it in {PROFILE_EN}."
        ),
        P::KorNotInProfile => format!(
            "You chose the KOR, but your business details say you do not take part in it: choose another VAT regime, or turn on the KOR {PROFILE_EN}."
        ),
        P::KorProfileChargesBtw => {
            "You take part in the KOR, so you may not charge VAT: choose the KOR VAT regime for this invoice.".into()
        }
        P::ClientNameMissing => format!("The client's name is missing: fill it in {CLIENT_EN}."),
        P::ClientAddressIncomplete { missing } => format!(
            "The client's address is incomplete: fill in {} {CLIENT_EN}.",
            parts_en(missing)
        ),
        P::ClientBtwIdMissing => format!(
            "With VAT reverse charge, your client's VAT number must be on the invoice: fill it in {CLIENT_EN}."
        ),
        P::ReverseChargeToConsumer => {
            "VAT can only be reverse charged to a business, and this client is a consumer: choose another VAT regime for this invoice.".into()
        }
        P::IntraEuClientInNetherlands => format!(
            "This client is in the Netherlands, and this VAT regime is only for a client in another EU country: choose another VAT regime, or change the client's country {CLIENT_EN}."
        ),
        P::IntraEuClientOutsideEu { country } => format!(
            "This client is outside the EU ({country}), and this VAT regime is only for a client in another EU country: choose another VAT regime, or change the client's country {CLIENT_EN}."
        ),
        P::NoLines => "This invoice has no lines yet: add at least one line.".into(),
        P::LineDescriptionMissing { line } => {
            format!("Line {line} has no description: fill in what you supplied.")
        }
        P::LineQuantityZero { line } => {
            format!("Line {line} has quantity 0: fill in the quantity, or remove the line.")
        }
        P::LineQuantityNegative { line } => format!(
            "Line {line} has a negative quantity: enter a quantity above 0. Want to reverse something? Make a credit note."
        ),
        P::CreditLinePositive { line } => format!(
            "Line {line} of this credit note is positive: put a minus before the quantity, because amounts on a credit note are negative."
        ),
        P::LinePriceNegative { line } => format!(
            "Line {line} has a negative price: enter a price of 0 or more, and give a discount with the discount percentage."
        ),
        P::LineDiscountRange { line } => {
            format!("Line {line} has a discount outside 0 to 100%: change the discount.")
        }
        P::DeliveryPeriodReversed => {
            "The delivery period is wrong: the last day is before the first day. Change the period.".into()
        }
        P::CreditNoteWithoutOriginal => {
            "A credit note must refer to the invoice it credits: choose the original invoice.".into()
        }
        P::CreditNoteBeforeOriginal => {
            "The credit note is dated before the invoice it credits: choose a later invoice date.".into()
        }
    }
}

fn parts_nl(parts: &[AddressPart]) -> String {
    let words: Vec<&str> = parts
        .iter()
        .map(|p| match p {
            AddressPart::Street => "de straat",
            AddressPart::HouseNumber => "het huisnummer",
            AddressPart::Postcode => "de postcode",
            AddressPart::City => "de plaats",
        })
        .collect();
    join(&words, "en")
}

fn parts_en(parts: &[AddressPart]) -> String {
    let words: Vec<&str> = parts
        .iter()
        .map(|p| match p {
            AddressPart::Street => "the street",
            AddressPart::HouseNumber => "the house number",
            AddressPart::Postcode => "the postcode",
            AddressPart::City => "the city",
        })
        .collect();
    join(&words, "and")
}

/// "a", "a en b", "a, b en c".
fn join(words: &[&str], and: &str) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}
