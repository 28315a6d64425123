//! Offers (offertes) and agreements (opdrachtbevestigingen): the guided editor's concept, the
//! review step, finalising to a signed PDF with the algemene voorwaarden appended, the client's
//! answer, the agreement with its countersigned copy, and the invoices made from its payment
//! schedule — each schedule line once (nl-rules-sources §7, §2).

mod agreement;
mod contacts;
mod form;
mod late_payment;
mod library;
mod pdf;
mod record;
mod render;

use chrono::Days;
use rust_decimal::Decimal;
use tijdig_domain::follow_up::DossierKind;
use tijdig_domain::invoice::VatTreatment;
use tijdig_domain::money::format_eur;
use tijdig_domain::offer::{follow_up_on, payment_schedule, OfferStatus};
use tijdig_domain::{Client, Language};
use tijdig_store::{NewDossierEntry, OfferData, Store, StoreError};

use crate::plumbing::error::invalid_fields;
use crate::plumbing::error::refusal;
use crate::plumbing::error::Failure;
use crate::plumbing::format::parse_date;
use crate::plumbing::format::show_date;
use crate::services::signing::is_signed;
use crate::services::signing::unsigned_note;
use crate::services::signing::Sealing;
use crate::{dto, App, AppError, FieldMessage};
use form::{read, review, Strictness, TermsVersion};
use record::{answer_error, client_for, client_snapshot, status_of, stored_form};

fn status_label(status: OfferStatus, lang: Language) -> (&'static str, &'static str) {
    let nl = lang == Language::Nl;
    match status {
        OfferStatus::Concept => ("concept", "Concept"),
        OfferStatus::Sent => ("sent", if nl { "Verstuurd" } else { "Sent" }),
        OfferStatus::Accepted => ("accepted", if nl { "Geaccepteerd" } else { "Accepted" }),
        OfferStatus::Rejected => ("rejected", if nl { "Afgewezen" } else { "Declined" }),
        OfferStatus::Expired => ("expired", if nl { "Verlopen" } else { "Expired" }),
    }
}

impl App {
    /// A dossier entry of this offer or agreement, now.
    fn offer_entry(&self, client_id: i64, kind: DossierKind, note: String) -> NewDossierEntry {
        NewDossierEntry {
            client_id,
            at: self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            kind,
            step: None,
            outcome: None,
            note: Some(note),
            promised_on: None,
            invoice_ids: Vec::new(),
            done_on: None,
        }
    }

    fn client_of(store: &Store, id: Option<i64>) -> Option<Client> {
        id.and_then(|id| store.client(id).ok()).map(|r| r.client)
    }

    /// A fresh editor form: today, valid for 30 days, the client's (or the profile's) term,
    /// the late-payment clause and the newest algemene voorwaarden on.
    pub fn new_offer_form(&self, client_id: Option<i64>) -> Result<dto::OfferForm, AppError> {
        self.with_store(|store, lang| {
            let today = self.today();
            let profile = store.profile().map_err(|e| AppError::from_store(e, lang))?;
            let client = Self::client_of(store, client_id);
            let term = client
                .as_ref()
                .and_then(|c| c.payment_term_days)
                .or(profile.as_ref().map(|p| p.payment_term_days))
                .unwrap_or(14);
            let kor = profile.as_ref().is_some_and(|p| p.kor);
            Ok(dto::OfferForm {
                client_id,
                title: String::new(),
                offer_date: show_date(today),
                valid_until: show_date(today + Days::new(30)),
                scope: String::new(),
                exclusions: String::new(),
                planning: String::new(),
                acceptance_criteria: String::new(),
                price_kind: dto::OfferPriceKind::Fixed,
                fixed_price: String::new(),
                hourly_rate: String::new(),
                hours: String::new(),
                expenses: String::new(),
                vat: if kor {
                    VatTreatment::Exempt.into()
                } else {
                    VatTreatment::Standard21.into()
                },
                payment_term_days: term.to_string(),
                advance_kind: dto::AdvanceKind::None,
                advance: String::new(),
                milestones: Vec::new(),
                conditions: String::new(),
                late_payment_clause: true,
                attach_terms: true,
                withdrawal_notice: client
                    .as_ref()
                    .is_some_and(|c| c.kind == tijdig_domain::ClientKind::Consumer),
            })
        })
    }

    /// The review step for a form as it is now (nothing stored).
    pub fn preview_offer(&self, form: &dto::OfferForm) -> Result<dto::OfferReview, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        crate::services::printable::screen_printable(form, &[], self.lang())?;
        self.with_store(|store, lang| {
            let client = Self::client_of(store, form.client_id);
            let newest = store
                .terms_documents()
                .map_err(|e| AppError::from_store(e, lang))?
                .first()
                .map(|t| t.id);
            let version =
                TermsVersion::of(store, newest).map_err(|e| AppError::from_store(e, lang))?;
            let today = self.today();
            let read = read(
                form,
                client.as_ref(),
                version,
                today,
                Strictness::Concept,
                lang,
            );
            let client_lang = client.as_ref().map_or(lang, |c| c.document_language);
            Ok(review(&read, client_lang, today, lang))
        })
    }

    /// Saves a concept (new when `id` is `None`). Only what was typed wrongly is refused.
    pub fn save_offer(
        &self,
        id: Option<i64>,
        form: &dto::OfferForm,
    ) -> Result<dto::Offer, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        // Every text of an offer is printed on it.
        crate::services::printable::screen_printable(form, &[], self.lang())?;
        let id = self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<i64, Failure> {
                let data = self.offer_data(store, form, Strictness::Concept, lang)?;
                Ok(match id {
                    Some(id) => store.update_offer(id, &data)?.id,
                    None => {
                        store
                            .create_offer(chrono::Datelike::year(&self.today()), &data)?
                            .id
                    }
                })
            };
            run(store).map_err(|f| f.word(lang))
        })?;
        self.offer(id)
    }

    fn offer_data(
        &self,
        store: &Store,
        form: &dto::OfferForm,
        strictness: Strictness,
        lang: Language,
    ) -> Result<OfferData, Failure> {
        let client = Self::client_of(store, form.client_id);
        let newest_terms = store.terms_documents()?.into_iter().next();
        let read = read(
            form,
            client.as_ref(),
            TermsVersion::of(store, newest_terms.as_ref().map(|t| t.id))?,
            self.today(),
            strictness,
            lang,
        );
        if !read.issues.is_empty() {
            return Err(invalid_fields(lang, read.issues));
        }
        if strictness == Strictness::Final {
            if let Err(problem) = payment_schedule(&read.terms) {
                return Err(invalid_fields(
                    lang,
                    vec![FieldMessage {
                        field: "advance".into(),
                        code: "schedule".into(),
                        message: match problem {
                            tijdig_domain::offer::ScheduleProblem::MoreThanTotal { .. } => {
                                tijdig_domain::offer::checklist::Finding {
                                    code: "schedule_over_total",
                                    severity: tijdig_domain::offer::checklist::Severity::Missing,
                                }
                                .message(lang)
                                .into()
                            }
                            _ => tijdig_domain::offer::checklist::Finding {
                                code: "schedule_invalid",
                                severity: tijdig_domain::offer::checklist::Severity::Missing,
                            }
                            .message(lang)
                            .into(),
                        },
                    }],
                ));
            }
            // What the law does not let stand is not made final: a term over 30 days for a
            // large company is void (art. 6:119a lid 6 BW), a validity date already passed makes
            // an offer that has expired before it is sent.
            let blocking: Vec<FieldMessage> =
                tijdig_domain::offer::checklist::check(&read.terms, self.today())
                    .into_iter()
                    .filter_map(|f| {
                        let field = match f.code {
                            "term_void" => "paymentTermDays",
                            "validity_passed" => "validUntil",
                            _ => return None,
                        };
                        Some(FieldMessage {
                            field: field.into(),
                            code: f.code.into(),
                            message: f.message(lang).into(),
                        })
                    })
                    .collect();
            if !blocking.is_empty() {
                return Err(invalid_fields(lang, blocking));
            }
            if read.terms.totals().incl_vat <= Decimal::ZERO {
                return Err(refusal(
                    lang,
                    "De offerte heeft nog geen prijs. Vul bij stap Prijs een vaste prijs of een uurtarief met uren in.",
                    "The quotation has no price yet. Enter a fixed price or an hourly rate with hours at the Price step.",
                ));
            }
        }
        let totals = read.terms.totals();
        let json = serde_json::to_string(form)
            .map_err(|e| Failure::Store(StoreError::Corrupt(e.to_string())))?;
        Ok(OfferData {
            client_id: form.client_id.unwrap_or_default(),
            title: form.title.trim().to_string(),
            form_json: json,
            valid_until: read.terms.valid_until,
            terms_document_id: if form.attach_terms {
                newest_terms.map(|t| t.id)
            } else {
                None
            },
            total_excl: totals.excl_vat,
            total_incl: totals.incl_vat,
        })
    }

    pub fn delete_offer(&self, id: i64) -> Result<(), AppError> {
        self.with_store(|store, lang| {
            store.delete_offer(id).map_err(|e| match e {
                StoreError::Immutable => refusal(
                    lang,
                    "Een definitieve offerte blijft bewaard en kan niet worden verwijderd.",
                    "A final quotation is kept and cannot be deleted.",
                )
                .word(lang),
                other => AppError::from_store(other, lang),
            })
        })
    }

    pub fn offers(&self, client_id: Option<i64>) -> Result<Vec<dto::OfferSummary>, AppError> {
        self.with_store(|store, lang| {
            let today = self.today();
            let records = store
                .offers(client_id)
                .map_err(|e| AppError::from_store(e, lang))?;
            records
                .iter()
                .map(|r| {
                    let (status, label) = status_label(status_of(r, today), lang);
                    Ok(dto::OfferSummary {
                        id: r.id,
                        number: r.number.clone(),
                        client_name: store
                            .client(r.data.client_id)
                            .map(|c| c.client.name)
                            .unwrap_or_default(),
                        title: r.data.title.clone(),
                        status: status.into(),
                        status_label: label.into(),
                        total_incl: format_eur(r.data.total_incl, lang),
                        valid_until: r.data.valid_until.map(show_date),
                    })
                })
                .collect::<Result<_, StoreError>>()
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    pub fn offer(&self, id: i64) -> Result<dto::Offer, AppError> {
        self.with_store(|store, lang| self.offer_dto(store, id, lang).map_err(|f| f.word(lang)))
    }

    fn offer_dto(&self, store: &Store, id: i64, lang: Language) -> Result<dto::Offer, Failure> {
        let today = self.today();
        let record = store.offer(id)?;
        let form = stored_form(&record)?;
        let client = client_for(store, &record)?;
        let terms_record = match record.data.terms_document_id {
            Some(tid) => store.terms_documents()?.into_iter().find(|t| t.id == tid),
            None => None,
        };
        let read = read(
            &form,
            Some(&client),
            TermsVersion::of(store, terms_record.as_ref().map(|t| t.id))?,
            today,
            Strictness::Concept,
            lang,
        );
        let review = review(&read, client.document_language, today, lang);
        let status = status_of(&record, today);
        let (code, label) = status_label(status, lang);
        let signed = match record.sent_on {
            Some(_) => is_signed(&store.offer_pdf(id)?),
            None => false,
        };
        let agreement = match store.agreement_of_offer(id)? {
            Some(a) => Some(self.agreement_dto(store, &a, &read.terms, lang)?),
            None => None,
        };
        Ok(dto::Offer {
            id,
            number: record.number.clone(),
            client_id: record.data.client_id,
            client_name: client.name.clone(),
            status: code.into(),
            status_label: label.into(),
            sent_on: record.sent_on.map(show_date),
            answered_on: record.answer.map(|(_, on)| show_date(on)),
            answer_note: record.answer_note.clone(),
            follow_up_on: match (status, record.data.valid_until) {
                (OfferStatus::Sent, Some(valid)) if record.follow_up_done_on.is_none() => {
                    let sent = record.sent_on.unwrap_or(read.terms.offer_date);
                    Some(show_date(follow_up_on(sent, valid)))
                }
                _ => None,
            },
            terms: match &terms_record {
                Some(t) => late_payment::terms_documents(store, today, lang)?
                    .into_iter()
                    .find(|d| d.id == t.id),
                None => None,
            },
            pdf_sha256: record.pdf_sha256.clone(),
            signed,
            review,
            agreement,
            form,
        })
    }

    /// Makes the offer final: checks it completely, renders and signs the PDF (with the
    /// algemene voorwaarden appended), stores it and marks the offer sent today.
    pub fn finalise_offer_as(&self, id: i64, sealing: Sealing) -> Result<dto::Offer, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Offer, Failure> {
                let record = store.offer(id)?;
                if record.sent_on.is_some() {
                    return Err(refusal(
                        lang,
                        "Deze offerte is al definitief.",
                        "This quotation is already final.",
                    ));
                }
                let form = stored_form(&record)?;
                // Re-read strictly: everything the PDF needs must be there.
                let data = self.offer_data(store, &form, Strictness::Final, lang)?;
                if data.terms_document_id != record.data.terms_document_id {
                    store.update_offer(id, &data)?;
                }
                let record = store.offer(id)?;
                let doc = self.render_offer(store, &record, None, sealing, lang)?;
                let valid = record.data.valid_until.map(show_date).unwrap_or_else(|| "—".into());
                let note = match lang {
                    Language::Nl => format!("Offerte {} “{}” definitief gemaakt om te versturen: {} incl. btw, geldig tot en met {valid}", record.number, record.data.title, format_eur(record.data.total_incl, lang)),
                    Language::En => format!("Quotation {} “{}” made final to send: {} incl. VAT, valid until {valid}", record.number, record.data.title, format_eur(record.data.total_incl, lang)),
                };
                let entry = self.offer_entry(record.data.client_id, DossierKind::Offer, unsigned_note(note, sealing, lang));
                let snapshot = client_snapshot(&store.client(record.data.client_id)?.client);
                store.finalise_offer::<Failure>(id, self.today(), &snapshot, &entry, |_| Ok(doc))?;
                self.offer_dto(store, id, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    pub fn finalise_offer(&self, id: i64) -> Result<dto::Offer, AppError> {
        self.finalise_offer_as(id, Sealing::Signed)
    }

    /// Records that the client declined.
    pub fn reject_offer(&self, id: i64, on: &str, note: &str) -> Result<dto::Offer, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Offer, Failure> {
                let on = parse_date(on).map_err(|e| {
                    invalid_fields(
                        lang,
                        vec![crate::plumbing::error::FormIssue {
                            field: "on".into(),
                            issue: e,
                        }
                        .message(lang)],
                    )
                })?;
                let note = Some(note.trim()).filter(|n| !n.is_empty());
                let record = store.offer(id)?;
                let text = match lang {
                    Language::Nl => {
                        format!("Offerte {} afgewezen op {}", record.number, show_date(on))
                    }
                    Language::En => {
                        format!("Quotation {} declined on {}", record.number, show_date(on))
                    }
                };
                let text = match note {
                    Some(n) => format!("{text}: {n}"),
                    None => text,
                };
                let entry = self.offer_entry(record.data.client_id, DossierKind::Offer, text);
                store
                    .reject_offer(id, on, note, &entry)
                    .map_err(|e| answer_error(e, lang))?;
                self.offer_dto(store, id, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// The stored offer PDF and its file name.
    pub fn offer_pdf(&self, id: i64) -> Result<(String, Vec<u8>), AppError> {
        self.with_store(|store, lang| {
            let record = store.offer(id).map_err(|e| AppError::from_store(e, lang))?;
            let bytes = store
                .offer_pdf(id)
                .map_err(|e| AppError::from_store(e, lang))?;
            let title = match lang {
                Language::Nl => "Offerte",
                Language::En => "Quotation",
            };
            Ok((format!("{title} {}.pdf", record.number), bytes))
        })
    }
}
