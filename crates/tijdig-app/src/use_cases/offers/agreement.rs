//! The agreement (opdrachtbevestiging): accepting an offer makes it with its signed PDF; the
//! countersigned copy is stored with what its signature check found; delivery plans the
//! satisfaction check; and the invoices are made from the payment schedule, each line once.

use chrono::Days;
use rust_decimal::Decimal;
use tijdig_domain::follow_up::DossierKind;
use tijdig_domain::invoice::{InvoiceKind, InvoiceLine, VatRegime, VatTreatment};
use tijdig_domain::money::format_eur;
use tijdig_domain::offer::payment_schedule;
use tijdig_domain::Language;
use tijdig_store::{AgreementRecord, InvoiceData, NewAcceptance, Store, StoreError};

use super::form::{self, read, schedule_excl, Strictness, TermsVersion};
use super::record::{answer_error, how_from_dto, how_to_dto, stored_form, SATISFACTION_CHECK_DAYS};
use super::{library, pdf};
use crate::plumbing::error::invalid_fields;
use crate::plumbing::error::refusal;
use crate::plumbing::error::Failure;
use crate::plumbing::format::parse_date;
use crate::plumbing::format::show_date;
use crate::plumbing::hashing::sha256_hex;
use crate::services::invoice_form::domain_draft;
use crate::services::signing::is_signed;
use crate::services::signing::unsigned_note;
use crate::services::signing::Sealing;
use crate::{dto, App, AppError, FieldMessage};

impl App {
    pub(super) fn agreement_dto(
        &self,
        store: &Store,
        a: &AgreementRecord,
        terms: &tijdig_domain::offer::OfferTerms,
        lang: Language,
    ) -> Result<dto::Agreement, Failure> {
        let schedule = payment_schedule(terms).unwrap_or_default();
        let excl = schedule_excl(&schedule, terms);
        let invoiced = store.agreement_invoices(a.id)?;
        let mut invoiced_incl = Decimal::ZERO;
        let mut invoiced_excl = Decimal::ZERO;
        let mut rows = Vec::new();
        for (i, (line, excl)) in schedule.iter().zip(excl).enumerate() {
            let line_no = u32::try_from(i).unwrap_or(u32::MAX);
            let invoice = invoiced
                .iter()
                .find(|(l, _)| *l == line_no)
                .map(|(_, id)| *id);
            let mut number = None;
            if let Some(invoice_id) = invoice {
                let record = store.invoice(invoice_id)?;
                let totals = domain_draft(&record.draft, None).totals();
                invoiced_incl += totals.total;
                invoiced_excl += totals.subtotal;
                number = record.issued.map(|f| f.number);
            }
            rows.push(dto::ScheduleRow {
                line: line_no,
                kind: form::schedule_kind_code(line.kind).into(),
                description: form::schedule_description(line, lang),
                amount_incl: format_eur(line.amount, lang),
                amount_excl: format_eur(excl, lang),
                invoice_id: invoice,
                invoice_number: number,
            });
        }
        let agreed = terms.totals().incl_vat;
        // What is left, counted excl. btw (exact: the last invoice takes the rest) with its btw;
        // the invoices' own btw, rounded per invoice, may differ a cent from the agreed total.
        let left = terms.totals().excl_vat - invoiced_excl;
        let remaining =
            left + tijdig_domain::money::round_cents(left * terms.vat.rate() / Decimal::from(100));
        let how = how_to_dto(a.acceptance.how);
        Ok(dto::Agreement {
            id: a.id,
            number: a.number.clone(),
            accepted_how: how,
            accepted_how_label: pdf::accepted_how_label(how, lang).into(),
            accepted_on: show_date(a.acceptance.on),
            accepted_by: a.acceptance.by.clone(),
            pdf_sha256: a.pdf_sha256.clone(),
            signed: is_signed(&store.agreement_pdf(a.id)?),
            countersigned: a.countersigned.as_ref().map(|c| dto::CountersignedCopy {
                file_name: c.file_name.clone(),
                sha256: c.sha256.clone(),
                check: c.check.clone(),
                registered_at: c
                    .registered_at
                    .get(..10)
                    .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .map_or_else(|| c.registered_at.clone(), show_date),
            }),
            delivered_on: a.delivered_on.map(show_date),
            satisfaction_check_on: a
                .delivered_on
                .filter(|_| a.satisfaction_checked_on.is_none())
                .map(|d| show_date(d + Days::new(SATISFACTION_CHECK_DAYS))),
            satisfaction_checked_on: a.satisfaction_checked_on.map(show_date),
            schedule: rows,
            agreed_incl: format_eur(agreed, lang),
            invoiced_incl: format_eur(invoiced_incl, lang),
            remaining_incl: format_eur(remaining, lang),
        })
    }

    /// Records the acceptance and makes the agreement with its signed PDF.
    pub fn accept_offer_as(
        &self,
        id: i64,
        form: &dto::AcceptanceForm,
        sealing: Sealing,
    ) -> Result<dto::Offer, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Offer, Failure> {
                let mut fields = Vec::new();
                let on = parse_date(&form.on).map_err(|e| {
                    fields.push(
                        crate::plumbing::error::FormIssue {
                            field: "on".into(),
                            issue: e,
                        }
                        .message(lang),
                    );
                });
                if form.by.trim().is_empty() {
                    fields.push(
                        crate::plumbing::error::FormIssue {
                            field: "by".into(),
                            issue: tijdig_domain::Issue::Required,
                        }
                        .message(lang),
                    );
                }
                let (Ok(on), true) = (on, fields.is_empty()) else {
                    return Err(invalid_fields(lang, fields));
                };
                if on > self.today() {
                    return Err(invalid_fields(
                        lang,
                        vec![FieldMessage {
                            field: "on".into(),
                            code: "date_in_future".into(),
                            message: match lang {
                                Language::Nl => "Die datum ligt in de toekomst.".into(),
                                Language::En => "That date is in the future.".into(),
                            },
                        }],
                    ));
                }
                let acceptance = NewAcceptance {
                    how: how_from_dto(form.how),
                    on,
                    by: form.by.trim().to_string(),
                };
                let record = store.offer(id)?;
                let number = tijdig_store::agreement_number(&record.number);
                let doc =
                    self.render_offer(store, &record, Some((&number, &acceptance)), sealing, lang)?;
                let how = pdf::accepted_how_label(form.how, lang);
                let note = match lang {
                    Language::Nl => format!("Offerte {} aanvaard op {} ({how}, door {}); opdrachtbevestiging {number} gemaakt", record.number, show_date(on), acceptance.by),
                    Language::En => format!("Quotation {} accepted on {} ({how}, by {}); confirmation {number} made", record.number, show_date(on), acceptance.by),
                };
                let entry = self.offer_entry(record.data.client_id, DossierKind::Agreement, unsigned_note(note, sealing, lang));
                store
                    .accept_offer::<StoreError>(id, &acceptance, &entry, |_, _| Ok(doc))
                    .map_err(|e| answer_error(e, lang))?;
                self.offer_dto(store, id, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    pub fn accept_offer(
        &self,
        id: i64,
        form: &dto::AcceptanceForm,
    ) -> Result<dto::Offer, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.accept_offer_as(id, form, Sealing::Signed)
    }

    /// Stores the countersigned copy (PDF or scan) with its hash; a PDF's signatures are
    /// checked the way "Controleer PDF" does, and the result is kept with it.
    pub fn register_countersigned(
        &self,
        agreement_id: i64,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<dto::Offer, AppError> {
        let check = library::countersigned_check(self, agreement_id, bytes)?;
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Offer, Failure> {
                let name = std::path::Path::new(file_name)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("getekend.pdf");
                let a = store.agreement(agreement_id)?;
                let client_id = store.offer(a.offer_id)?.data.client_id;
                let note = match lang {
                    Language::Nl => format!(
                        "Getekend exemplaar van {} geregistreerd ({name}): {check}",
                        a.number
                    ),
                    Language::En => {
                        format!("Signed copy of {} registered ({name}): {check}", a.number)
                    }
                };
                let entry = self.offer_entry(client_id, DossierKind::Agreement, note);
                let a = store.register_countersigned(
                    agreement_id,
                    name,
                    bytes,
                    &sha256_hex(bytes),
                    &check,
                    &entry,
                )?;
                self.offer_dto(store, a.offer_id, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// Records delivery; the satisfaction check is planned a few days later.
    pub fn mark_agreement_delivered(
        &self,
        agreement_id: i64,
        on: &str,
    ) -> Result<dto::Offer, AppError> {
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
                let a = store.agreement(agreement_id)?;
                let client_id = store.offer(a.offer_id)?.data.client_id;
                let note = match lang {
                    Language::Nl => {
                        format!("Opdracht {} opgeleverd op {}", a.number, show_date(on))
                    }
                    Language::En => {
                        format!("Assignment {} delivered on {}", a.number, show_date(on))
                    }
                };
                let entry = self.offer_entry(client_id, DossierKind::Agreement, note);
                let a = store
                    .mark_agreement_delivered(agreement_id, on, &entry)
                    .map_err(|e| match e {
                        StoreError::AlreadyDone => refusal(
                            lang,
                            "De oplevering is al vastgelegd.",
                            "The delivery was already recorded.",
                        ),
                        other => other.into(),
                    })?;
                self.offer_dto(store, a.offer_id, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// A concept invoice for one line of the agreement's payment schedule, pre-filled with the
    /// agreed amount; a line already invoiced is refused, so nothing is invoiced twice.
    pub fn invoice_agreement_line(
        &self,
        agreement_id: i64,
        line: u32,
    ) -> Result<dto::Invoice, AppError> {
        let invoice_id = self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<i64, Failure> {
                let a = store.agreement(agreement_id)?;
                let record = store.offer(a.offer_id)?;
                let form = stored_form(&record)?;
                let client = super::record::client_for(store, &record)?;
                let version = TermsVersion::of(store, record.data.terms_document_id)?;
                let read = read(&form, Some(&client), version, self.today(), Strictness::Concept, lang);
                let terms = &read.terms;
                let schedule = payment_schedule(terms).unwrap_or_default();
                let excl = schedule_excl(&schedule, terms);
                let index = usize::try_from(line).unwrap_or(usize::MAX);
                let Some(item) = schedule.get(index) else {
                    return Err(StoreError::NotFound.into());
                };
                let invoiced = store.agreement_invoices(agreement_id)?;
                let mut amount = excl.get(index).copied().unwrap_or_default();
                if index + 1 == schedule.len() {
                    // The final invoice takes what is really left: the agreed total excl. btw
                    // minus what the other invoices (as they now stand) and the lines still to
                    // invoice account for.
                    let mut others = Decimal::ZERO;
                    for (i, e) in excl.iter().enumerate() {
                        if i == index {
                            continue;
                        }
                        let no = u32::try_from(i).unwrap_or(u32::MAX);
                        others += match invoiced.iter().find(|(l, _)| *l == no) {
                            Some((_, inv)) => domain_draft(&store.invoice(*inv)?.draft, None).totals().subtotal,
                            None => *e,
                        };
                    }
                    amount = terms.totals().excl_vat - others;
                }
                let profile = store.profile()?.ok_or(StoreError::NotFound)?;
                let regime = if profile.kor {
                    VatRegime::Kor
                } else if terms.vat == VatTreatment::ReverseCharge {
                    VatRegime::ReverseCharge
                } else {
                    VatRegime::Normal
                };
                let nl = client.document_language == Language::Nl;
                let agreement_ref = if nl {
                    format!("volgens opdrachtbevestiging {}", a.number)
                } else {
                    format!("according to confirmation {}", a.number)
                };
                let data = InvoiceData {
                    kind: if item.kind == tijdig_domain::offer::ScheduleKind::Advance { InvoiceKind::Advance } else { InvoiceKind::Standard },
                    client_id: record.data.client_id,
                    invoice_date: self.today(),
                    // The last invoice after delivery says when it was delivered (§1.1).
                    delivery_from: None,
                    delivery_to: a.delivered_on.filter(|_| index + 1 == schedule.len()),
                    payment_term_days: terms.payment_term_days,
                    vat_regime: regime,
                    reference_kind: crate::services::invoice_settings::reference_kind(store),
                    note: Some(format!("{} {agreement_ref}", record.data.title)),
                    credits_invoice_id: None,
                    lines: vec![InvoiceLine {
                        description: format!(
                            "{}: {} ({agreement_ref})",
                            form::schedule_description(item, client.document_language),
                            record.data.title
                        ),
                        quantity: Decimal::ONE,
                        unit: String::new(),
                        unit_price: amount,
                        vat: terms.vat,
                        discount_percent: None,
                    }],
                };
                store.create_agreement_invoice(agreement_id, line, &data).map_err(|e| match e {
                    StoreError::AlreadyDone => refusal(
                        lang,
                        "Voor deze termijn is al een factuur gemaakt. Open die factuur; zo factureer je niets dubbel.",
                        "An invoice was already made for this instalment. Open that invoice; that way nothing is invoiced twice.",
                    ),
                    other => other.into(),
                })
            };
            run(store).map_err(|f| f.word(lang))
        })?;
        self.invoice(invoice_id)
    }

    /// The stored agreement PDF and its file name.
    pub fn agreement_pdf(&self, agreement_id: i64) -> Result<(String, Vec<u8>), AppError> {
        self.with_store(|store, lang| {
            let a = store
                .agreement(agreement_id)
                .map_err(|e| AppError::from_store(e, lang))?;
            let bytes = store
                .agreement_pdf(agreement_id)
                .map_err(|e| AppError::from_store(e, lang))?;
            let title = match lang {
                Language::Nl => "Opdrachtbevestiging",
                Language::En => "Confirmation",
            };
            Ok((format!("{title} {}.pdf", a.number), bytes))
        })
    }
}
