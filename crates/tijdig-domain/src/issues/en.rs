//! English wording of [`Issue`].

use chrono::NaiveDate;

use super::Issue;
use crate::money::format_eur_en;
use crate::Language;

pub(super) fn message(issue: &Issue) -> String {
    match issue {

        Issue::Required => "Please fill in this field.".into(),
        Issue::TooLong { max } => format!("This is too long: use at most {max} characters."),
        Issue::ControlCharacter => "This contains an invisible control character (for example from text copied elsewhere). Type the text again or remove the character.".into(),
        Issue::EndBeforeStart => "The end date lies before the first invoice date: choose a later date or leave it empty.".into(),
        Issue::ScheduleStarted => "This schedule has already made an invoice, so its period and first invoice date are fixed. End it and make a new schedule if it should be different.".into(),
        Issue::FirstDateTooEarly => "This date lies more than a year back: Tijdig would at once make every invoice since then afterwards. Choose a date within the past year.".into(),
        Issue::PaymentLinkHttps => "A payment link must start with https:// (a secure connection), like https://bunq.me/yourname/{bedrag}.".into(),
        Issue::PaymentLinkHost => "After https:// comes the fixed address of your bank or payment provider, like bunq.me or tikkie.me; a {…} may only come after it.".into(),
        Issue::PaymentLinkPlaceholder { name } => format!("Tijdig does not know {{{name}}}: use {{bedrag}}, {{kenmerk}} or {{factuurnummer}}."),
        Issue::PaymentLinkCharacter { character } => format!("The character \u{201c}{character}\u{201d} cannot stand in a web address like this (a space is %20). Copy the link from your bank app again."),
        Issue::Unprintable { character } => format!("The character \u{201c}{character}\u{201d} cannot be printed on the invoice or letter (the font lacks it). Leave it out or use an ordinary character."),
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
            "This VAT number does not exist: its digits do not add up. Copy it again exactly as it appears on an invoice, a website or a letter from the tax office.".into()
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
        Issue::DateFormat => "Choose a valid date, like 22-11-2026.".into(),
        Issue::ChoiceRequired => "Please make a choice here.".into(),
        Issue::CountryFormat => "Use the two-letter country code, like NL or BE.".into(),
        Issue::LogoFormat => "Choose a logo as a PNG or JPEG file.".into(),
        Issue::LogoTooLarge { max_kb } => {
            format!("This logo is too large: choose a file of at most {max_kb} kB.")
        }
        Issue::AmountFormat => "This is not an amount: type an amount like 1.234,56.".into(),
        Issue::AmountNegative => {
            "An amount cannot be negative. Give a discount with the discount percentage, or make a credit note to reverse an invoice.".into()
        }
        Issue::AmountTooLarge => {
            "This amount is too large: it can be at most €999,999,999.99.".into()
        }
        Issue::AmountDecimals { max } => {
            format!("Use at most {max} digits after the decimal comma.")
        }
        Issue::QuantityFormat => "This is not a quantity: type a number like 2 or 1,5.".into(),
        Issue::QuantityNotPositive => {
            "The quantity must be more than 0. Want to reverse something? Make a credit note.".into()
        }
        Issue::QuantityTooLarge => "This quantity is too large: it can be at most 1,000,000.".into(),
        Issue::DiscountRange => "Choose a discount from 0 to 100%.".into(),
        Issue::PaymentNotPositive => "Enter a paid amount above €0.00.".into(),
        Issue::PaymentTooHigh { outstanding } => format!(
            "This is more than is outstanding: the whole claim (principal, interest and costs) is {} on that day. Enter at most that amount.",
            format_eur_en(*outstanding)
        ),
        Issue::PaymentInFuture { today } => format!(
            "A payment cannot be after today ({}): enter the day the money arrived.",
            today.format("%d-%m-%Y")
        ),
        Issue::NothingOutstanding => {
            "Nothing is outstanding: this invoice has been fully paid or credited.".into()
        }
        Issue::InvoicePrefixFormat => {
            "Use only letters, digits and a dash (-) for the prefix, like F or WEB-.".into()
        }
        Issue::RfFormat => {
            "This is not an RF payment reference: it starts with RF and 2 digits, like RF18 5390 0754 7034.".into()
        }
        Issue::RfChecksum => {
            "This RF payment reference is not valid: check the letters and digits.".into()
        }
        Issue::ReferenceBaseFormat => {
            "No payment reference can be made from this number: it is too long or has characters that are not allowed.".into()
        }
        Issue::BetalingskenmerkFormat => {
            "A Dutch payment reference (betalingskenmerk) has 16 digits, like 5010 0021 6701 0010.".into()
        }
        Issue::BetalingskenmerkChecksum => {
            "This payment reference is not valid: check the digits.".into()
        }
        Issue::BicFormat => {
            "This BIC is not valid: a BIC has 8 or 11 letters and digits, like INGBNL2A.".into()
        }
        Issue::QrNameRequired => {
            "The QR code needs the account holder's name: fill it in under Settings → Business details.".into()
        }
        Issue::QrNameTooLong { max } => format!(
            "The name is too long for the QR code: use at most {max} characters for the account holder under Settings → Business details."
        ),
        Issue::QrAmountRange => {
            "A QR code can only be made for an amount from €0.01 to €999,999,999.99.".into()
        }
        Issue::QrReferenceAndText => {
            "A QR code has either a payment reference or a description, not both.".into()
        }
        Issue::QrReferenceTooLong { max } => {
            format!("The payment reference is too long for the QR code: use at most {max} characters.")
        }
        Issue::QrTextTooLong { max } => {
            format!("The description is too long for the QR code: use at most {max} characters.")
        }
        Issue::QrPayloadTooLarge => {
            "There is too much text for the QR code: shorten the name or the description.".into()
        }
        Issue::InterestClauseRange { max, per_month } => format!(
            "Choose a rate above 0 and at most {}% {}, such as 1 or 1.5.",
            max.normalize(),
            if *per_month { "per month" } else { "per year" }
        ),
        Issue::CostsClauseRange => "Choose a percentage above 0 and at most 100%, such as 15.".into(),
        Issue::RatePercentRange => {
            "Choose an interest rate from 0 to 100%, like 10.15.".into()
        }
        Issue::RateDuplicate { kind, valid_from } => format!(
            "The rate table already has a rate for {} from {}. Change that rate instead of adding a second one.",
            kind.label(Language::En),
            date_en(*valid_from)
        ),
        Issue::RateSourceRequired => {
            "Fill in where this rate comes from, like the Staatsblad or the ECB rate + 8.".into()
        }
        Issue::RateMissing { kind, on } => format!(
            "The rate table has no rate for {} on {}: add the rate to the rate table.",
            kind.label(Language::En),
            date_en(*on)
        ),
        Issue::RateTableStale {
            kind, check_from, ..
        } => format!(
            "The rate table may be out of date: check the {} from {}.",
            kind.label(Language::En),
            date_en(*check_from)
        ),
    }
}

/// A date the English way: 1 July 2025.
fn date_en(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}
