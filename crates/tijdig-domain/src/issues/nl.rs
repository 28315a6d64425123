//! Dutch wording of [`Issue`]: B1 level, "je", what is wrong and what to do.

use chrono::NaiveDate;

use super::Issue;
use crate::money::format_eur_nl;
use crate::Language;

pub(super) fn message(issue: &Issue) -> String {
    match issue {

        Issue::Required => "Vul dit veld in.".into(),
        Issue::TooLong { max } => format!("Dit is te lang: gebruik hooguit {max} tekens."),
        Issue::ControlCharacter => "Hier staat een onzichtbaar stuurteken in (bijvoorbeeld uit een kopie van een andere plek). Typ de tekst opnieuw of haal het teken weg.".into(),
        Issue::EndBeforeStart => "De einddatum ligt vóór de eerste factuurdatum: kies een latere datum of laat hem leeg.".into(),
        Issue::ScheduleStarted => "Dit abonnement heeft al een factuur gemaakt: de periode en de eerste factuurdatum liggen daarom vast. Beëindig het en maak een nieuw abonnement als het anders moet.".into(),
        Issue::FirstDateTooEarly => "Deze datum ligt meer dan een jaar terug: Tijdig zou dan meteen alle facturen sindsdien achteraf maken. Kies een datum binnen het afgelopen jaar.".into(),
        Issue::PaymentLinkHttps => "Een betaallink moet beginnen met https:// (een beveiligde verbinding), zoals https://bunq.me/jouwnaam/{bedrag}.".into(),
        Issue::PaymentLinkHost => "Na https:// hoort het vaste adres van je bank of betaaldienst, zoals bunq.me of tikkie.me; een {…} mag pas daarna.".into(),
        Issue::PaymentLinkPlaceholder { name } => format!("{{{name}}} kent Tijdig niet: gebruik {{bedrag}}, {{kenmerk}} of {{factuurnummer}}."),
        Issue::PaymentLinkCharacter { character } => format!("Het teken \u{201c}{character}\u{201d} kan zo niet in een webadres staan (een spatie wordt %20). Kopieer de link opnieuw uit je bank-app."),
        Issue::Unprintable { character } => format!("Het teken \u{201c}{character}\u{201d} kan niet op de factuur of brief worden gedrukt (het lettertype heeft het niet). Laat het weg of gebruik een gewoon teken."),
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
            "Dit btw-id bestaat niet: de cijfers kloppen niet. Neem het nummer opnieuw over, precies zoals het op een factuur, de website of een brief van de Belastingdienst staat.".into()
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
        Issue::DateFormat => "Kies een geldige datum, zoals 22-11-2026.".into(),
        Issue::ChoiceRequired => "Maak hier een keuze.".into(),
        Issue::CountryFormat => {
            "Gebruik de tweeletterige landcode, zoals NL of BE.".into()
        }
        Issue::LogoFormat => "Kies een logo als PNG- of JPEG-bestand.".into(),
        Issue::LogoTooLarge { max_kb } => {
            format!("Dit logo is te groot: kies een bestand van hooguit {max_kb} kB.")
        }
        Issue::AmountFormat => "Dit is geen bedrag: typ een bedrag zoals 1.234,56.".into(),
        Issue::AmountNegative => {
            "Een bedrag kan niet negatief zijn. Geef korting met het kortingspercentage, of maak een creditfactuur om een factuur terug te draaien.".into()
        }
        Issue::AmountTooLarge => {
            "Dit bedrag is te groot: het mag hooguit € 999.999.999,99 zijn.".into()
        }
        Issue::AmountDecimals { max } => {
            format!("Gebruik hooguit {max} cijfers na de komma.")
        }
        Issue::QuantityFormat => "Dit is geen aantal: typ een getal zoals 2 of 1,5.".into(),
        Issue::QuantityNotPositive => {
            "Het aantal moet meer dan 0 zijn. Wil je iets terugdraaien? Maak dan een creditfactuur.".into()
        }
        Issue::QuantityTooLarge => "Dit aantal is te groot: het mag hooguit 1.000.000 zijn.".into(),
        Issue::DiscountRange => "Kies een korting van 0 tot en met 100%.".into(),
        Issue::PaymentNotPositive => {
            "Vul een betaald bedrag in dat groter is dan € 0,00.".into()
        }
        Issue::PaymentTooHigh { outstanding } => format!(
            "Dit is meer dan er openstaat: de hele vordering (hoofdsom, rente en kosten) is op die dag {}. Vul hooguit dat bedrag in.",
            format_eur_nl(*outstanding)
        ),
        Issue::PaymentInFuture { today } => format!(
            "Een betaling kan niet na vandaag ({}) liggen: vul de dag in waarop het geld binnenkwam.",
            today.format("%d-%m-%Y")
        ),
        Issue::NothingOutstanding => {
            "Er staat niets meer open: deze factuur is al helemaal betaald of gecrediteerd.".into()
        }
        Issue::InvoicePrefixFormat => {
            "Gebruik voor het voorvoegsel alleen letters, cijfers en een streepje (-), zoals F of WEB-.".into()
        }
        Issue::RfFormat => {
            "Dit is geen RF-betalingskenmerk: het begint met RF en 2 cijfers, zoals RF18 5390 0754 7034.".into()
        }
        Issue::RfChecksum => {
            "Dit RF-betalingskenmerk klopt niet: controleer de letters en cijfers.".into()
        }
        Issue::ReferenceBaseFormat => {
            "Van dit nummer kan geen betalingskenmerk worden gemaakt: het is te lang of heeft tekens die niet mogen.".into()
        }
        Issue::BetalingskenmerkFormat => {
            "Een betalingskenmerk bestaat uit 16 cijfers, zoals 5010 0021 6701 0010.".into()
        }
        Issue::BetalingskenmerkChecksum => {
            "Dit betalingskenmerk klopt niet: controleer de cijfers.".into()
        }
        Issue::BicFormat => {
            "Deze BIC klopt niet: een BIC heeft 8 of 11 letters en cijfers, zoals INGBNL2A.".into()
        }
        Issue::QrNameRequired => {
            "Voor de QR-code is de naam van de rekeninghouder nodig: vul die in bij Instellingen → Bedrijfsgegevens.".into()
        }
        Issue::QrNameTooLong { max } => format!(
            "De naam is te lang voor de QR-code: gebruik hooguit {max} tekens bij de tenaamstelling in Instellingen → Bedrijfsgegevens."
        ),
        Issue::QrAmountRange => {
            "Een QR-code kan alleen voor een bedrag van € 0,01 tot en met € 999.999.999,99.".into()
        }
        Issue::QrReferenceAndText => {
            "Een QR-code heeft óf een betalingskenmerk óf een omschrijving, niet allebei.".into()
        }
        Issue::QrReferenceTooLong { max } => {
            format!("Het betalingskenmerk is te lang voor de QR-code: gebruik hooguit {max} tekens.")
        }
        Issue::QrTextTooLong { max } => {
            format!("De omschrijving is te lang voor de QR-code: gebruik hooguit {max} tekens.")
        }
        Issue::QrPayloadTooLarge => {
            "Er staat te veel tekst in de QR-code: maak de naam of de omschrijving korter.".into()
        }
        Issue::InterestClauseRange { max, per_month } => format!(
            "Kies een rente van meer dan 0 en hooguit {} % {}, zoals 1 of 1,5.",
            max.normalize(),
            if *per_month { "per maand" } else { "per jaar" }
        ),
        Issue::CostsClauseRange => {
            "Kies een percentage van meer dan 0 tot en met 100 %, zoals 15.".into()
        }
        Issue::RatePercentRange => {
            "Kies een rentepercentage van 0 tot en met 100%, zoals 10,15.".into()
        }
        Issue::RateDuplicate { kind, valid_from } => format!(
            "Er staat al een percentage voor {} vanaf {} in de rentetabel. Pas dat percentage aan in plaats van er een tweede toe te voegen.",
            kind.label(Language::Nl),
            date_nl(*valid_from)
        ),
        Issue::RateSourceRequired => {
            "Vul de bron van dit percentage in, zoals het Staatsblad of de ECB-rente + 8.".into()
        }
        Issue::RateMissing { kind, on } => format!(
            "De rentetabel heeft geen percentage voor {} op {}: voeg het percentage toe in de rentetabel.",
            kind.label(Language::Nl),
            date_nl(*on)
        ),
        Issue::RateTableStale {
            kind, check_from, ..
        } => format!(
            "Rentetabel mogelijk niet actueel: controleer de {} per {}.",
            kind.label(Language::Nl),
            date_nl(*check_from)
        ),
    }
}

/// A date the Dutch way: 01-07-2025.
fn date_nl(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}
