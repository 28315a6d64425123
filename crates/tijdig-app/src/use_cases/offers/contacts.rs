//! The contact moments offers and agreements bring to "Vandaag": a call a few days before a
//! sent offer expires (it is easier to ask than to chase), and after delivery asking whether the
//! client is satisfied — before the final invoice falls due, so a complaint comes up while it can
//! still be put right instead of as a reason not to pay. Each is done once and logged. Like the
//! ladder, they wait on a Sunday or public holiday (nl-rules-sources §6.4).

use chrono::Days;
use tijdig_domain::follow_up::DossierKind;
use tijdig_domain::offer::{follow_up_on, OfferStatus};
use tijdig_domain::Language;
use tijdig_store::{Store, StoreError};

use super::record::{status_of, SATISFACTION_CHECK_DAYS};
use crate::plumbing::error::refusal;
use crate::plumbing::error::Failure;
use crate::plumbing::format::show_date;
use crate::{dto, App, AppError};

impl App {
    /// Every offer follow-up and satisfaction check due today or earlier and not yet done.
    pub fn offer_contacts(&self) -> Result<Vec<dto::OfferContact>, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &Store| -> Result<Vec<dto::OfferContact>, StoreError> {
                let today = self.today();
                let mut out = Vec::new();
                // No contact with clients on a Sunday or public holiday: tomorrow they are there.
                if crate::services::ladder::no_contact_day(today, lang).is_some() {
                    return Ok(Vec::new());
                }
                for offer in store.offers(None)? {
                    let client = store.client(offer.data.client_id)?.client;
                    let contact = |kind: &str, agreement_id, number: &str, due, text| dto::OfferContact {
                        offer_id: offer.id,
                        agreement_id,
                        kind: kind.into(),
                        number: number.into(),
                        client_name: client.name.clone(),
                        phone: client.phone.clone(),
                        email: client.email.clone(),
                        due: show_date(due),
                        text,
                    };
                    if let (OfferStatus::Sent, Some(valid), Some(sent), None) = (
                        status_of(&offer, today),
                        offer.data.valid_until,
                        offer.sent_on,
                        offer.follow_up_done_on,
                    ) {
                        let due = follow_up_on(sent, valid);
                        if due <= today {
                            let text = match lang {
                                Language::Nl => format!("Vraag hoe je offerte “{}” is ontvangen: ze is geldig tot en met {}.", offer.data.title, show_date(valid)),
                                Language::En => format!("Ask how your quotation “{}” was received: it is valid until {}.", offer.data.title, show_date(valid)),
                            };
                            out.push((due, contact("expiring", None, &offer.number, due, text)));
                        }
                    }
                    if let Some(a) = store.agreement_of_offer(offer.id)? {
                        if let (Some(delivered), None) = (a.delivered_on, a.satisfaction_checked_on) {
                            let due = delivered + Days::new(SATISFACTION_CHECK_DAYS);
                            if due <= today {
                                let text = match lang {
                                    Language::Nl => format!("Vraag of je klant tevreden is over “{}” (opgeleverd op {}), vóór de eindfactuur vervalt.", offer.data.title, show_date(delivered)),
                                    Language::En => format!("Ask whether your client is satisfied with “{}” (delivered on {}), before the final invoice falls due.", offer.data.title, show_date(delivered)),
                                };
                                out.push((due, contact("satisfaction", Some(a.id), &a.number, due, text)));
                            }
                        }
                    }
                }
                out.sort_by_key(|(due, _)| *due);
                Ok(out.into_iter().map(|(_, c)| c).collect())
            };
            run(store).map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Records the contact before a sent offer expires, with what was said.
    pub fn record_offer_follow_up(
        &self,
        offer_id: i64,
        note: &str,
    ) -> Result<dto::Offer, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Offer, Failure> {
                let offer = store.offer(offer_id)?;
                let said = Some(note.trim()).filter(|n| !n.is_empty());
                let text = match (lang, said) {
                    (Language::Nl, Some(n)) => {
                        format!("Contact over offerte {}: {n}", offer.number)
                    }
                    (Language::Nl, None) => format!("Contact over offerte {}", offer.number),
                    (Language::En, Some(n)) => {
                        format!("Contact about quotation {}: {n}", offer.number)
                    }
                    (Language::En, None) => format!("Contact about quotation {}", offer.number),
                };
                let entry = self.offer_entry(offer.data.client_id, DossierKind::Offer, text);
                store
                    .record_offer_follow_up(offer_id, self.today(), &entry)
                    .map_err(|e| match e {
                        StoreError::AlreadyDone => refusal(
                            lang,
                            "Dit contact is al vastgelegd.",
                            "This contact was already recorded.",
                        ),
                        other => other.into(),
                    })?;
                self.offer_dto(store, offer_id, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// Records that the client was asked whether they are satisfied, with their answer.
    pub fn record_satisfaction_check(
        &self,
        agreement_id: i64,
        note: &str,
    ) -> Result<dto::Offer, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Offer, Failure> {
                let a = store.agreement(agreement_id)?;
                let client_id = store.offer(a.offer_id)?.data.client_id;
                let said = Some(note.trim()).filter(|n| !n.is_empty());
                let text = match (lang, said) {
                    (Language::Nl, Some(n)) => {
                        format!("Gevraagd of de klant tevreden is over {}: {n}", a.number)
                    }
                    (Language::Nl, None) => {
                        format!("Gevraagd of de klant tevreden is over {}", a.number)
                    }
                    (Language::En, Some(n)) => format!(
                        "Asked whether the client is satisfied with {}: {n}",
                        a.number
                    ),
                    (Language::En, None) => {
                        format!("Asked whether the client is satisfied with {}", a.number)
                    }
                };
                let entry = self.offer_entry(client_id, DossierKind::Agreement, text);
                store
                    .record_satisfaction_check(agreement_id, self.today(), &entry)
                    .map_err(|e| match e {
                        StoreError::AlreadyDone => refusal(
                            lang,
                            "Dit contact is al vastgelegd.",
                            "This contact was already recorded.",
                        ),
                        other => other.into(),
                    })?;
                self.offer_dto(store, a.offer_id, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }
}
