//! Bericht (sms / WhatsApp): the short message about some invoices of one client, with what is
//! open on each from the one claim computation, and the links that open it on the user's
//! phone or computer. Logging it when the user says it went is `record_contact` (kind
//! `message`); it never carries out a written step.

use tijdig_domain::follow_up::message::{
    international_digits, message_text, sms_link, whatsapp_link, MessageInput, MessageInvoice,
};
use tijdig_domain::payment_reference::PaymentReference;
use tijdig_store::StoreError;

use crate::plumbing::error::{refusal, Failure};
use crate::plumbing::format::grouped;
use crate::services::invoice_settings::{payment_link, payment_link_template};
use crate::services::ladder::load;
use crate::{dto, App, AppError};

/// The longest message a user may log (a few text messages).
const MAX_MESSAGE: usize = 1000;

impl App {
    /// The message about these invoices of a client, in the client's language.
    pub fn message_draft(
        &self,
        client_id: i64,
        invoice_ids: &[i64],
    ) -> Result<dto::MessageDraft, AppError> {
        let today = self.today();
        self.with_store(|store, lang| {
            let run = || -> Result<dto::MessageDraft, Failure> {
                if invoice_ids.is_empty() {
                    return Err(refusal(
                        lang,
                        "Kies minstens één factuur voor het bericht.",
                        "Choose at least one invoice for the message.",
                    ));
                }
                let ladder = load(store, today, Some(client_id))?;
                let client = ladder
                    .clients
                    .get(&client_id)
                    .cloned()
                    .ok_or(StoreError::NotFound)?;
                let mut chosen = Vec::new();
                for id in invoice_ids {
                    let inv = ladder
                        .invoices
                        .iter()
                        .find(|i| i.record.id == *id)
                        .ok_or(StoreError::NotFound)?;
                    chosen.push(inv);
                }
                let references: Vec<String> = chosen
                    .iter()
                    .map(|inv| {
                        let stored = inv
                            .record
                            .issued
                            .as_ref()
                            .map_or("", |i| i.payment_reference.as_str());
                        PaymentReference::parse(stored)
                            .map_or_else(|_| stored.to_string(), |r| r.printed())
                    })
                    .collect();
                let invoices: Vec<MessageInvoice<'_>> = chosen
                    .iter()
                    .zip(&references)
                    .map(|(inv, reference)| MessageInvoice {
                        number: &inv.number,
                        open: inv.claim.total_open(),
                        due_date: inv.due_date,
                        reference,
                    })
                    .collect();
                let profile = store.profile()?.ok_or(StoreError::NotFound)?;
                let iban = profile.iban.as_deref().map(grouped);
                let holder = profile
                    .account_holder
                    .clone()
                    .unwrap_or_else(|| profile.trade_name.clone());
                let total = invoices.iter().map(|i| i.open).sum();
                let (reference, numbers) = match invoices.as_slice() {
                    [one] => (one.reference.to_string(), one.number.to_string()),
                    several => (
                        String::new(),
                        several
                            .iter()
                            .map(|i| i.number)
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                };
                let link = payment_link(
                    payment_link_template(store).as_deref(),
                    total,
                    &reference,
                    &numbers,
                );
                let first_name = client
                    .contact_person
                    .as_deref()
                    .and_then(|p| p.split_whitespace().next());
                let text = message_text(&MessageInput {
                    name: first_name.or(Some(client.name.as_str())),
                    invoices: &invoices,
                    iban: iban.as_deref(),
                    holder: &holder,
                    sender: &profile.trade_name,
                    link: link.as_deref(),
                    today,
                    lang: client.document_language,
                });
                let digits = client.phone.as_deref().and_then(international_digits);
                Ok(dto::MessageDraft {
                    sms_link: digits.as_deref().map(|d| sms_link(d, &text)),
                    whatsapp_link: digits.as_deref().map(|d| whatsapp_link(d, &text)),
                    text,
                })
            };
            run().map_err(|f| f.word(lang))
        })
    }

    /// The link that opens `text` (as the user left it) to the client's phone number: the
    /// messages app (`sms:`) or WhatsApp. Refused when the client has no number to dial.
    pub fn message_link(
        &self,
        client_id: i64,
        text: &str,
        whatsapp: bool,
    ) -> Result<String, AppError> {
        self.with_store(|store, lang| {
            let run = || -> Result<String, Failure> {
                if text.trim().is_empty() || text.chars().count() > MAX_MESSAGE {
                    return Err(refusal(
                        lang,
                        "Het bericht is leeg of te lang (hooguit 1000 tekens).",
                        "The message is empty or too long (at most 1000 characters).",
                    ));
                }
                let client = store.client(client_id)?.client;
                let Some(digits) = client.phone.as_deref().and_then(international_digits) else {
                    return Err(refusal(
                        lang,
                        "Deze klant heeft geen telefoonnummer dat Tijdig kan openen: vul het in bij de klant, of kopieer het bericht.",
                        "This client has no phone number Tijdig can open: add it to the client, or copy the message.",
                    ));
                };
                Ok(if whatsapp {
                    whatsapp_link(&digits, text.trim())
                } else {
                    sms_link(&digits, text.trim())
                })
            };
            run().map_err(|f| f.word(lang))
        })
    }
}
