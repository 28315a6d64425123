//! Sending an offer or an agreement by e-mail: the signed PDF (with the algemene voorwaarden
//! appended) and, so the client can keep them apart, the voorwaarden as their own file
//! (nl-rules-sources §7.2: attach the terms to every offer e-mail). Sending is the user's click;
//! the message and the server's answer are logged like every other e-mail.

use tijdig_domain::Language;
use tijdig_store::{Store, StoreError};

use super::send::{sent_dto, store_err, Part};
use crate::plumbing::format::say;
use crate::plumbing::format::show_date;
use crate::{dto, App, AppError, ErrorCode};

fn not_final(lang: Language) -> AppError {
    AppError {
        code: ErrorCode::Validation,
        message: say(
            lang,
            "Maak de offerte eerst definitief; dan kan ze worden verstuurd.",
            "Make the quotation final first; then it can be sent.",
        ),
        fields: Vec::new(),
    }
}

impl App {
    /// The offer's (`kind` "offer", id of the offer) or agreement's ("agreement", id of the
    /// agreement) client, its name in the dossier and the files that go along.
    pub(super) fn offer_parts(
        &self,
        store: &Store,
        kind: &str,
        id: i64,
        lang: Language,
    ) -> Result<(i64, String, Vec<Part>), AppError> {
        let (offer, label, name, pdf) = if kind == "agreement" {
            let a = store.agreement(id).map_err(store_err(lang))?;
            let offer = store.offer(a.offer_id).map_err(store_err(lang))?;
            let pdf = store.agreement_pdf(id).map_err(store_err(lang))?;
            let title = say(lang, "Opdrachtbevestiging", "Confirmation");
            (
                offer,
                format!("{title} {}", a.number),
                format!("{title} {}.pdf", a.number),
                pdf,
            )
        } else {
            let offer = store.offer(id).map_err(store_err(lang))?;
            let pdf = match store.offer_pdf(id) {
                Ok(pdf) => pdf,
                Err(StoreError::NotFound) => return Err(not_final(lang)),
                Err(e) => return Err(AppError::from_store(e, lang)),
            };
            let title = say(lang, "Offerte", "Quotation");
            let number = offer.number.clone();
            (
                offer,
                format!("{title} {number}"),
                format!("{title} {number}.pdf"),
                pdf,
            )
        };
        let mut parts = vec![Part {
            name,
            mime: "application/pdf",
            bytes: pdf,
        }];
        if let Some(terms_id) = offer.data.terms_document_id {
            let terms = store
                .terms_documents()
                .map_err(store_err(lang))?
                .into_iter()
                .find(|t| t.id == terms_id);
            if let Some(t) = terms {
                parts.push(Part {
                    name: t.file_name.clone(),
                    mime: "application/pdf",
                    bytes: store.terms_document_pdf(t.id).map_err(store_err(lang))?,
                });
            }
        }
        Ok((offer.data.client_id, label, parts))
    }

    fn offer_draft(&self, kind: &str, id: i64) -> Result<dto::EmailDraft, AppError> {
        self.with_store(|store, lang| {
            let (client_id, label, parts) = self.offer_parts(store, kind, id, lang)?;
            // Only say the voorwaarden are attached when they are (art. 6:234 BW).
            let with_terms = parts.len() > 1;
            let offer = if kind == "agreement" {
                let a = store.agreement(id).map_err(store_err(lang))?;
                store.offer(a.offer_id).map_err(store_err(lang))?
            } else {
                store.offer(id).map_err(store_err(lang))?
            };
            let client = store.client(client_id).map_err(store_err(lang))?.client;
            let profile = store.profile().map_err(store_err(lang))?;
            let sender = store
                .setting(super::FROM_NAME)
                .map_err(store_err(lang))?
                .filter(|s| !s.is_empty())
                .or_else(|| profile.map(|p| p.trade_name))
                .unwrap_or_default();
            let who = client.contact_person.as_deref().unwrap_or(&client.name);
            let title = &offer.data.title;
            let valid = offer.data.valid_until.map(show_date);
            let (terms_nl, terms_en) = if with_terms {
                (", en mijn algemene voorwaarden", ", and my general terms")
            } else {
                ("", "")
            };
            let (offer_terms_nl, offer_terms_en) = if with_terms {
                (" en mijn algemene voorwaarden", " and my general terms")
            } else {
                ("", "")
            };
            let body = match (kind, client.document_language) {
                ("agreement", Language::Nl) => format!("Beste {who},\n\nFijn dat we gaan samenwerken! In de bijlage vind je de opdrachtbevestiging voor “{title}” met de afspraken die we hebben gemaakt{terms_nl}.\n\nWil je de bevestiging ondertekenen en aan mij terugsturen? Dan bewaren we allebei een getekend exemplaar.\n\nMet vriendelijke groet,\n{sender}\n"),
                ("agreement", Language::En) => format!("Dear {who},\n\nI look forward to working with you! Attached is the confirmation for “{title}” with what we agreed{terms_en}.\n\nWould you sign the confirmation and send it back to me? Then we both keep a signed copy.\n\nKind regards,\n{sender}\n"),
                (_, Language::Nl) => format!("Beste {who},\n\nHartelijk dank voor je aanvraag. In de bijlage vind je mijn offerte voor “{title}”{offer_terms_nl}.{}\n\nGa je akkoord? Laat het me weten door op deze e-mail te antwoorden, of stuur de ondertekende offerte terug.\n\nMet vriendelijke groet,\n{sender}\n", valid.map(|v| format!(" De offerte is geldig tot en met {v}.")).unwrap_or_default()),
                (_, Language::En) => format!("Dear {who},\n\nThank you for your enquiry. Attached is my quotation for “{title}”{offer_terms_en}.{}\n\nDo you agree? Let me know by replying to this e-mail, or send back the signed quotation.\n\nKind regards,\n{sender}\n", valid.map(|v| format!(" The quotation is valid until {v}.")).unwrap_or_default()),
            };
            Ok(dto::EmailDraft {
                to: client.email.clone().unwrap_or_default(),
                subject: format!("{label}: {title}"),
                body,
                attachments: parts.into_iter().map(|p| p.name).collect(),
            })
        })
    }

    /// The composer for a final offer: to the client, the signed PDF and the terms attached.
    pub fn offer_email_draft(&self, offer_id: i64) -> Result<dto::EmailDraft, AppError> {
        self.offer_draft("offer", offer_id)
    }

    /// The composer for an agreement, asking the client to sign and return it.
    pub fn agreement_email_draft(&self, agreement_id: i64) -> Result<dto::EmailDraft, AppError> {
        self.offer_draft("agreement", agreement_id)
    }

    /// Sends a final offer as the user wrote the message (no contact-hour rule: it is not a
    /// reminder).
    pub fn send_offer_email(
        &self,
        offer_id: i64,
        form: &dto::EmailForm,
    ) -> Result<dto::SentEmail, AppError> {
        self.send_document_email("offer", offer_id, form, dto::SendTiming::Now)
    }

    pub fn send_agreement_email(
        &self,
        agreement_id: i64,
        form: &dto::EmailForm,
    ) -> Result<dto::SentEmail, AppError> {
        self.send_document_email("agreement", agreement_id, form, dto::SendTiming::Now)
    }

    /// Every message about an offer and its agreement, oldest first.
    pub fn offer_emails(&self, offer_id: i64) -> Result<Vec<dto::SentEmail>, AppError> {
        self.with_store(|store, lang| {
            let mut records = store
                .emails_of("offer", offer_id)
                .map_err(store_err(lang))?;
            if let Some(a) = store
                .agreement_of_offer(offer_id)
                .map_err(store_err(lang))?
            {
                records.extend(
                    store
                        .emails_of("agreement", a.id)
                        .map_err(store_err(lang))?,
                );
            }
            records.sort_by_key(|r| r.id);
            Ok(records.iter().map(sent_dto).collect())
        })
    }
}
