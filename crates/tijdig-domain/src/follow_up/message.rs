//! Bericht (sms / WhatsApp): the short text a freelancer sends from their phone as a contact
//! moment or a friendly reminder, and the `sms:` and WhatsApp links that open it ready to send.
//!
//! A message is never written notice: an ingebrekestelling must be "schriftelijk" (art. 6:82
//! lid 1 BW) and the 14-dagenbrief a "schriftelijke aanmaning" (art. 6:96 lid 6 BW); whether an
//! sms counts as writing is contested, so Tijdig never lets one carry out those steps
//! (convention, nobody to ask). The policy allows the message channel for the contact moment
//! and the reminder only.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::money::format_eur;
use crate::payment_link::encode;
use crate::Language;

/// One invoice the message is about, with what is open on it today (the claim's figure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageInvoice<'a> {
    pub number: &'a str,
    pub open: Decimal,
    pub due_date: NaiveDate,
    /// The payment reference as printed.
    pub reference: &'a str,
}

/// Everything the message says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageInput<'a> {
    /// The contact person's first name or the client's name; `None`: no name in the greeting.
    pub name: Option<&'a str>,
    pub invoices: &'a [MessageInvoice<'a>],
    /// The user's IBAN as printed, and the account holder.
    pub iban: Option<&'a str>,
    pub holder: &'a str,
    /// Who signs: the trade name.
    pub sender: &'a str,
    /// The betaallink filled for the total, when set.
    pub link: Option<&'a str>,
    pub today: NaiveDate,
    pub lang: Language,
}

fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// The message, in the client's language: before the due date a note that the invoice is due
/// on its day; after it a friendly reminder with what is open (the claim's figure, as every
/// letter asks it), where to pay and (one invoice) the payment reference, the link when set.
pub fn message_text(m: &MessageInput<'_>) -> String {
    let nl = m.lang == Language::Nl;
    let total: Decimal = m.invoices.iter().map(|i| i.open).sum();
    let overdue = m.invoices.iter().any(|i| i.due_date < m.today);
    let greeting = match (m.name, nl) {
        (Some(name), true) => format!("Beste {name},"),
        (None, true) => "Goedendag,".to_string(),
        (Some(name), false) => format!("Dear {name},"),
        (None, false) => "Hello,".to_string(),
    };
    let amount = format_eur(total, m.lang);
    let what = match m.invoices {
        [one] => match (overdue, nl) {
            (true, true) => format!(
                "een vriendelijke herinnering: factuur {} (vervaldatum {}) staat nog open: {amount}.",
                one.number,
                date(one.due_date)
            ),
            (false, true) => format!(
                "ter herinnering: factuur {} vervalt op {}: {amount}.",
                one.number,
                date(one.due_date)
            ),
            (true, false) => format!(
                "a friendly reminder: invoice {} (due {}) is still open: {amount}.",
                one.number,
                date(one.due_date)
            ),
            (false, false) => format!(
                "just a reminder: invoice {} is due on {}: {amount}.",
                one.number,
                date(one.due_date)
            ),
        },
        several => {
            let numbers = several
                .iter()
                .map(|i| i.number)
                .collect::<Vec<_>>()
                .join(", ");
            match (overdue, nl) {
                (true, true) => format!(
                    "een vriendelijke herinnering: de facturen {numbers} staan nog open, samen {amount}."
                ),
                (false, true) => {
                    format!("ter herinnering: de facturen {numbers} vervallen binnenkort, samen {amount}.")
                }
                (true, false) => format!(
                    "a friendly reminder: invoices {numbers} are still open, {amount} in total."
                ),
                (false, false) => {
                    format!("just a reminder: invoices {numbers} fall due soon, {amount} in total.")
                }
            }
        }
    };
    let mut parts = vec![greeting, what];
    if let Some(iban) = m.iban {
        let quoting = match m.invoices {
            [one] if !one.reference.is_empty() => match nl {
                true => format!(", o.v.v. {}", one.reference),
                false => format!(", quoting {}", one.reference),
            },
            _ => String::new(),
        };
        parts.push(match nl {
            true => format!(
                "Wil je het overmaken naar {iban} t.n.v. {}{quoting}?",
                m.holder
            ),
            false => format!(
                "Could you transfer it to {iban} in the name of {}{quoting}?",
                m.holder
            ),
        });
    }
    if let Some(link) = m.link {
        parts.push(match nl {
            true => format!("Online betalen kan ook: {link}"),
            false => format!("You can also pay online: {link}"),
        });
    }
    parts.push(match nl {
        true => format!("Alvast bedankt! {}", m.sender),
        false => format!("Thank you! {}", m.sender),
    });
    parts.join(" ")
}

/// A phone number as the links want it: international digits without `+` (`06 1234 5678` →
/// `31612345678`, `+32 470 12 34 56` → `32470123456`); `None` when it is not a number.
pub fn international_digits(phone: &str) -> Option<String> {
    let kept: String = phone
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.' | '/'))
        .collect();
    let digits = if let Some(rest) = kept.strip_prefix('+') {
        rest.to_string()
    } else if let Some(rest) = kept.strip_prefix("00") {
        rest.to_string()
    } else if let Some(rest) = kept.strip_prefix('0') {
        format!("31{rest}")
    } else {
        kept
    };
    (digits.len() >= 8 && digits.len() <= 15 && digits.chars().all(|c| c.is_ascii_digit()))
        .then_some(digits)
}

/// Opens the phone's or computer's messages app with the text ready (RFC 5724).
pub fn sms_link(digits: &str, text: &str) -> String {
    format!("sms:+{digits}?body={}", encode(text))
}

/// Opens WhatsApp (app or web) on the chat with this number, the text ready.
pub fn whatsapp_link(digits: &str, text: &str) -> String {
    format!("https://wa.me/{digits}?text={}", encode(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn input<'a>(
        invoices: &'a [MessageInvoice<'a>],
        today: &str,
        lang: Language,
    ) -> MessageInput<'a> {
        MessageInput {
            name: Some("Eva"),
            invoices,
            iban: Some("NL91 ABNA 0417 1643 00"),
            holder: "S. Jansen",
            sender: "Studio Jansen",
            link: None,
            today: d(today),
            lang,
        }
    }

    fn one() -> MessageInvoice<'static> {
        MessageInvoice {
            number: "2026-0001",
            open: Decimal::new(121_000, 2),
            due_date: d("2026-10-15"),
            reference: "RF18 2026 0001",
        }
    }

    #[test]
    fn an_overdue_invoice_gets_a_friendly_reminder_with_where_to_pay() {
        let invoices = [one()];
        assert_eq!(
            message_text(&input(&invoices, "2026-10-19", Language::Nl)),
            "Beste Eva, een vriendelijke herinnering: factuur 2026-0001 (vervaldatum \
             15-10-2026) staat nog open: € 1.210,00. Wil je het overmaken naar \
             NL91 ABNA 0417 1643 00 t.n.v. S. Jansen, o.v.v. RF18 2026 0001? Alvast bedankt! \
             Studio Jansen"
        );
    }

    #[test]
    fn before_the_due_date_it_says_when_it_falls_due_and_the_link_comes_along() {
        let invoices = [one()];
        let mut m = input(&invoices, "2026-10-08", Language::En);
        m.link = Some("https://bunq.me/studio/1210.00/RF1820260001");
        let text = message_text(&m);
        assert!(
            text.starts_with(
                "Dear Eva, just a reminder: invoice 2026-0001 is due on 15-10-2026: €"
            ),
            "{text}"
        );
        assert!(
            text.contains("You can also pay online: https://bunq.me/studio/1210.00/RF1820260001")
        );
    }

    #[test]
    fn several_invoices_are_named_with_their_sum() {
        let second = MessageInvoice {
            number: "2026-0002",
            open: Decimal::new(50_000, 2),
            ..one()
        };
        let invoices = [one(), second];
        let text = message_text(&input(&invoices, "2026-10-19", Language::Nl));
        assert!(text.contains("de facturen 2026-0001, 2026-0002 staan nog open, samen € 1.710,00."));
        assert!(!text.contains("o.v.v."), "{text}");
    }

    #[test]
    fn phone_numbers_become_international_digits() {
        assert_eq!(
            international_digits("06 1234 5678").as_deref(),
            Some("31612345678")
        );
        assert_eq!(
            international_digits("+32 470 12 34 56").as_deref(),
            Some("32470123456")
        );
        assert_eq!(
            international_digits("0031-6-12345678").as_deref(),
            Some("31612345678")
        );
        assert_eq!(international_digits("bel me"), None);
        assert_eq!(international_digits(""), None);
    }

    #[test]
    fn the_links_carry_the_text_encoded() {
        assert_eq!(
            sms_link("31612345678", "Beste Eva, € 10?"),
            "sms:+31612345678?body=Beste%20Eva%2C%20%E2%82%AC%2010%3F"
        );
        assert_eq!(
            whatsapp_link("31612345678", "a&b"),
            "https://wa.me/31612345678?text=a%26b"
        );
    }
}
