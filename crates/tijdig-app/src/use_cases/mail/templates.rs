//! The message templates per document kind and language. Placeholders in braces are filled from
//! the document: `{klant}`, `{factuurnummer}`, `{bedrag}`, `{vervaldatum}`,
//! `{betalingskenmerk}`, `{iban}`, `{rekeninghouder}`, `{afzender}`, `{bedrijf}`,
//! `{betaallink}`. A betaallink, when set, is always in the message: where the template does not
//! place it, a line of its own follows the paragraph with the payment details. The user may
//! replace the built-in template per language (Instellingen → E-mail) and edits the result in
//! the composer before anything is sent.

use tijdig_domain::Language;

/// The values the placeholders stand for.
pub(crate) struct Fields<'a> {
    pub client: &'a str,
    pub number: &'a str,
    pub amount: &'a str,
    pub due_date: &'a str,
    pub reference: &'a str,
    pub iban: &'a str,
    pub holder: &'a str,
    pub sender: &'a str,
    pub business: &'a str,
    /// The betaallink filled for this invoice; empty when none is set.
    pub payment_link: &'a str,
}

const INVOICE_NL: (&str, &str) = (
    "Factuur {factuurnummer} van {bedrijf}",
    "Beste {klant},

Hierbij stuur ik je factuur {factuurnummer} van {bedrag}. Wil je dit bedrag uiterlijk {vervaldatum} overmaken naar {iban} ten name van {rekeninghouder}, onder vermelding van betalingskenmerk {betalingskenmerk}?

De factuur zit als PDF in de bijlage, digitaal ondertekend.

Met vriendelijke groet,
{afzender}
{bedrijf}",
);

const INVOICE_EN: (&str, &str) = (
    "Invoice {factuurnummer} from {bedrijf}",
    "Dear {klant},

Please find attached invoice {factuurnummer} for {bedrag}. Kindly transfer this amount by {vervaldatum} to {iban} in the name of {rekeninghouder}, quoting payment reference {betalingskenmerk}.

The invoice is attached as a digitally signed PDF.

Kind regards,
{afzender}
{bedrijf}",
);

/// Every placeholder a template may use.
pub(crate) const PLACEHOLDERS: [&str; 10] = [
    "{klant}",
    "{factuurnummer}",
    "{bedrag}",
    "{vervaldatum}",
    "{betalingskenmerk}",
    "{iban}",
    "{rekeninghouder}",
    "{afzender}",
    "{bedrijf}",
    "{betaallink}",
];

/// The built-in invoice template (subject, body) of a language.
pub(crate) fn default_invoice(lang: Language) -> (&'static str, &'static str) {
    match lang {
        Language::Nl => INVOICE_NL,
        Language::En => INVOICE_EN,
    }
}

/// The placeholders in `text` Tijdig does not know (`{klantnaam}`), to refuse before saving.
pub(crate) fn unknown_placeholders(text: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            unknown.push(rest[open..].to_string());
            break;
        };
        let name = &rest[open..open + close + 1];
        if !PLACEHOLDERS.contains(&name) {
            unknown.push(name.to_string());
        }
        rest = &rest[open + close + 1..];
    }
    unknown
}

/// The subject and body of an invoice e-mail from `template` (subject, body), filled.
pub(crate) fn invoice(template: (&str, &str), f: &Fields<'_>, lang: Language) -> (String, String) {
    let mut body = fill(template.1, f);
    if !f.payment_link.is_empty() && !body.contains(f.payment_link) {
        let line = match lang {
            Language::Nl => format!("Je kunt ook meteen online betalen: {}", f.payment_link),
            Language::En => format!("You can also pay online right away: {}", f.payment_link),
        };
        let mut paragraphs: Vec<String> = body.split("\n\n").map(str::to_string).collect();
        // After the paragraph with the payment details; else before the greeting at the end.
        let at = paragraphs
            .iter()
            .position(|p| !f.reference.is_empty() && p.contains(f.reference))
            .map_or(paragraphs.len().saturating_sub(1), |i| i + 1);
        paragraphs.insert(at, line);
        body = paragraphs.join("\n\n");
    }
    (fill(template.0, f), body)
}

fn fill(template: &str, f: &Fields<'_>) -> String {
    [
        ("{klant}", f.client),
        ("{factuurnummer}", f.number),
        ("{bedrag}", f.amount),
        ("{vervaldatum}", f.due_date),
        ("{betalingskenmerk}", f.reference),
        ("{iban}", f.iban),
        ("{rekeninghouder}", f.holder),
        ("{afzender}", f.sender),
        ("{bedrijf}", f.business),
        ("{betaallink}", f.payment_link),
    ]
    .iter()
    .fold(template.to_string(), |text, (key, value)| {
        text.replace(key, value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled() {
        let f = Fields {
            client: "Eva de Vries",
            number: "2026-0001",
            amount: "€ 1.210,00",
            due_date: "6 december 2026",
            reference: "RF18 2026 0001",
            iban: "NL91 ABNA 0417 1643 00",
            holder: "S. Jansen",
            sender: "Sanne Jansen",
            business: "Studio Jansen",
            payment_link: "",
        };
        for lang in [Language::Nl, Language::En] {
            let (subject, body) = invoice(default_invoice(lang), &f, lang);
            assert!(
                !subject.contains('{') && !body.contains('{'),
                "{subject}\n{body}"
            );
            assert!(body.contains("RF18 2026 0001") && body.contains("€ 1.210,00"));
            assert!(unknown_placeholders(default_invoice(lang).1).is_empty());
        }
    }

    #[test]
    fn a_payment_link_follows_the_payment_details_unless_the_template_places_it() {
        let f = Fields {
            client: "Eva",
            number: "2026-0001",
            amount: "€ 1.210,00",
            due_date: "6 december 2026",
            reference: "RF18 2026 0001",
            iban: "NL91 ABNA 0417 1643 00",
            holder: "S. Jansen",
            sender: "Sanne",
            business: "Studio Jansen",
            payment_link: "https://bunq.me/studio/1210.00/RF1820260001",
        };
        let (_, body) = invoice(default_invoice(Language::Nl), &f, Language::Nl);
        let paragraphs: Vec<&str> = body.split("\n\n").collect();
        assert!(paragraphs[1].contains("RF18 2026 0001"), "{body}");
        assert_eq!(
            paragraphs[2],
            "Je kunt ook meteen online betalen: https://bunq.me/studio/1210.00/RF18539007547034"
                .replace("RF18539007547034", "RF1820260001")
        );
        let own = ("Factuur", "Betaal hier: {betaallink}\n\nGroet");
        let (_, body) = invoice(own, &f, Language::Nl);
        assert_eq!(body.matches("https://bunq.me").count(), 1, "{body}");
    }

    #[test]
    fn unknown_or_unclosed_placeholders_are_found() {
        assert_eq!(
            unknown_placeholders("Beste {klant}, {klantnaam} {bedrag"),
            vec!["{klantnaam}", "{bedrag"]
        );
        assert!(unknown_placeholders("Geen accolades").is_empty());
    }
}
