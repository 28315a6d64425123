//! Invoice use-cases: drafts, the invoice series' settings, issuing with a PDF, credit notes,
//! payments; the list in `list.rs`. What an invoice shows is `services::invoice_view`.

mod claim_actions;
mod list;

use crate::plumbing::error::{invalid_fields, refused, Failure, FormIssue};
use crate::plumbing::format::parse_date;
use crate::services::arrangement_state::active_invoice_ids;
use crate::services::claim::{rate_table, ClaimBasis, StoredBasis};
use crate::services::invoice_amounts::totals_dto;
use crate::services::invoice_form;
use crate::services::invoice_settings::{
    number_prefix, payment_link, payment_link_template, reference_kind, NUMBER_PREFIX,
    PAYMENT_LINK, REFERENCE_KIND,
};
use crate::services::receipts::{receipt_entry, receive};
use crate::services::signing::Sealing;
use crate::{dto, App, AppError, ErrorCode};
use tijdig_domain::invoice::{self as rules, InvoiceKind, InvoiceTotals};
use tijdig_domain::payment_reference::PaymentReferenceKind;
use tijdig_domain::{Issue, Language};
use tijdig_store::{InvoiceData, NewDossierEntry, NewPayment, Store, StoreError};

/// A betaallink template checked by the domain's rules, refused at its field `paymentLink`.
fn check_payment_link(template: &str, lang: Language) -> Result<Option<String>, AppError> {
    let at_field = |issue: Issue| {
        invalid(
            &[FormIssue {
                field: "paymentLink".into(),
                issue,
            }],
            lang,
        )
        .word(lang)
    };
    tijdig_domain::payment_link::check_template(template).map_err(at_field)
}

fn invalid(issues: &[FormIssue], lang: Language) -> Failure {
    invalid_fields(lang, issues.iter().map(|i| i.message(lang)).collect())
}

impl App {
    /// The term that applies: typed, else the client's, else the profile's default.
    fn effective_term(
        store: &Store,
        typed: Option<u32>,
        client_id: Option<i64>,
    ) -> Result<u32, StoreError> {
        if let Some(days) = typed {
            return Ok(days);
        }
        if let Some(id) = client_id {
            if let Some(days) = store.client(id)?.client.payment_term_days {
                return Ok(days);
            }
        }
        Ok(store.profile()?.map_or(14, |p| p.payment_term_days))
    }

    pub fn invoice_settings(&self) -> Result<dto::InvoiceSettings, AppError> {
        self.with_store(|store, _| {
            Ok(dto::InvoiceSettings {
                number_prefix: number_prefix(store),
                reference_kind: reference_kind(store).into(),
                payment_link: payment_link_template(store).unwrap_or_default(),
            })
        })
    }

    pub fn save_invoice_settings(
        &self,
        settings: &dto::InvoiceSettings,
    ) -> Result<dto::InvoiceSettings, AppError> {
        self.with_store(|store, lang| {
            let prefix = rules::validate_prefix(&settings.number_prefix).map_err(|issue| {
                invalid(
                    &[FormIssue {
                        field: "numberPrefix".into(),
                        issue,
                    }],
                    lang,
                )
                .word(lang)
            })?;
            let link = check_payment_link(&settings.payment_link, lang)?;
            let kind: PaymentReferenceKind = settings.reference_kind.into();
            store
                .set_settings(&[
                    (NUMBER_PREFIX, prefix.as_str()),
                    (REFERENCE_KIND, kind.code()),
                    (PAYMENT_LINK, link.as_deref().unwrap_or_default()),
                ])
                .map_err(|e| AppError::from_store(e, lang))?;
            Ok(dto::InvoiceSettings {
                number_prefix: prefix,
                reference_kind: settings.reference_kind,
                payment_link: link.unwrap_or_default(),
            })
        })
    }

    /// The betaallink a template gives for a sample invoice (€ 1.234,56, RF18 5390 0754 7034,
    /// 2026-0042), shown in Settings while typing; a template Tijdig refuses is said at its field.
    pub fn payment_link_example(
        &self,
        template: &str,
    ) -> Result<dto::PaymentLinkExample, AppError> {
        let lang = self.lang();
        let link = check_payment_link(template, lang)?;
        Ok(dto::PaymentLinkExample {
            link: payment_link(
                link.as_deref(),
                rust_decimal::Decimal::new(123_456, 2),
                "RF18 5390 0754 7034",
                "2026-0042",
            ),
        })
    }

    /// Totals, due date, field problems and the pre-flight check for a form being typed
    /// (`id`: the draft being edited, if any).
    pub fn preview_invoice(
        &self,
        id: Option<i64>,
        form: &dto::InvoiceForm,
    ) -> Result<dto::InvoicePreview, AppError> {
        self.with_store(|store, lang| {
            let read = invoice_form::read(form);
            let run = || -> Result<dto::InvoicePreview, Failure> {
                let term = Self::effective_term(store, read.term_days, read.client_id)?;
                let regime = form.vat_regime.into();
                let totals = read
                    .lines
                    .as_ref()
                    .map(|lines| totals_dto(&InvoiceTotals::compute(regime, lines), lines, lang));
                let credits = match id {
                    Some(id) => store.invoice(id)?.draft.credits_invoice_id,
                    None => None,
                };
                let preflight = match invoice_form::data(form, &read, term, credits) {
                    Some(data) => {
                        let original = credits.map(|id| store.invoice(id)).transpose()?;
                        self.preflight(store, &data, original.as_ref(), lang)?
                    }
                    None => Vec::new(),
                };
                Ok(dto::InvoicePreview {
                    totals,
                    due_date: read
                        .invoice_date
                        .map(|d| rules::due_date(d, term).to_string()),
                    term_days: Some(term),
                    fields: read.issues.iter().map(|i| i.message(lang)).collect(),
                    preflight,
                })
            };
            run().map_err(|f| f.word(lang))
        })
    }

    fn save(&self, id: Option<i64>, form: &dto::InvoiceForm) -> Result<dto::Invoice, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Invoice, Failure> {
                let read = invoice_form::read(form);
                if !read.issues.is_empty() {
                    return Err(invalid(&read.issues, lang));
                }
                if let Some(client_id) = read.client_id {
                    store.client(client_id).map_err(|_| {
                        invalid(
                            &[FormIssue {
                                field: "clientId".into(),
                                issue: Issue::ChoiceRequired,
                            }],
                            lang,
                        )
                    })?;
                }
                let term = Self::effective_term(store, read.term_days, read.client_id)?;
                let credits = match id {
                    Some(id) => store.invoice(id)?.draft.credits_invoice_id,
                    None => None,
                };
                let data = invoice_form::data(form, &read, term, credits)
                    .ok_or_else(|| invalid(&read.issues, lang))?;
                let id = match id {
                    Some(id) => {
                        store.update_invoice(id, &data)?;
                        id
                    }
                    None => store.create_invoice(&data)?,
                };
                let record = store.invoice(id)?;
                self.invoice_dto(store, &record, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    pub fn create_invoice(&self, form: &dto::InvoiceForm) -> Result<dto::Invoice, AppError> {
        self.save(None, form)
    }

    pub fn update_invoice(
        &self,
        id: i64,
        form: &dto::InvoiceForm,
    ) -> Result<dto::Invoice, AppError> {
        self.save(Some(id), form)
    }

    pub fn delete_invoice(&self, id: i64) -> Result<(), AppError> {
        self.with_store(|store, lang| {
            store
                .delete_invoice(id)
                .map_err(|e| Failure::from(e).word(lang))
        })
    }

    /// Issues a draft: refuses while a factuurvereiste is missing, then numbers it, renders
    /// and stores its PDF with the SHA-256 — all in one transaction.
    /// Issues a draft, its PDF signed (a locked keychain refuses with
    /// [`crate::ErrorCode::KeychainUnavailable`] and issues nothing).
    pub fn issue_invoice(&self, id: i64) -> Result<dto::Invoice, AppError> {
        self.issue_invoice_as(id, Sealing::Signed)
    }

    /// Issues a draft signed, or unsigned when the user chose that.
    pub fn issue_invoice_as(&self, id: i64, sealing: Sealing) -> Result<dto::Invoice, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Invoice, Failure> {
                let issued = self.issue_draft(store, id, sealing, lang)?;
                self.invoice_dto(store, &issued, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// A new draft with the same client and lines, dated today.
    pub fn duplicate_invoice(&self, id: i64) -> Result<dto::Invoice, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Invoice, Failure> {
                let mut data = store.invoice(id)?.draft;
                data.invoice_date = self.today();
                data.delivery_from = None;
                data.delivery_to = None;
                let new_id = store.create_invoice(&data)?;
                let record = store.invoice(new_id)?;
                self.invoice_dto(store, &record, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// Crediteren: a draft credit note for the chosen lines (all when none chosen).
    pub fn credit_invoice(
        &self,
        id: i64,
        request: &dto::CreditRequest,
    ) -> Result<dto::Invoice, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Invoice, Failure> {
                let original = store.invoice(id)?;
                if original.issued.is_none() || original.draft.kind == InvoiceKind::CreditNote {
                    let message = match lang {
                        Language::Nl => "Alleen een uitgereikte factuur kun je crediteren.",
                        Language::En => "Only an issued invoice can be credited.",
                    };
                    return Err(refused(message.into(), Vec::new()));
                }
                let chosen: Vec<usize> = request.line_indexes.iter().map(|&i| i as usize).collect();
                let lines = rules::credit_lines(
                    &original.draft.lines,
                    if chosen.is_empty() {
                        None
                    } else {
                        Some(&chosen)
                    },
                );
                let data = InvoiceData {
                    kind: InvoiceKind::CreditNote,
                    invoice_date: self.today(),
                    delivery_from: None,
                    delivery_to: None,
                    note: None,
                    credits_invoice_id: Some(id),
                    lines,
                    ..original.draft.clone()
                };
                let new_id = store.create_invoice(&data)?;
                let record = store.invoice(new_id)?;
                self.invoice_dto(store, &record, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// Registers a (partial) payment, up to the whole claim on its day (principal, interest and
    /// costs: art. 6:44 BW applies it to costs first); more is refused, naming the maximum. The
    /// dossier records how it was applied.
    pub fn add_payment(&self, id: i64, form: &dto::PaymentForm) -> Result<dto::Invoice, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        // Checked and booked under one hold of the store: no arrangement can start in between.
        self.with_store(|store, lang| {
            let in_arrangement = active_invoice_ids(store, self.today())
                .map(|ids| ids.contains(&id))
                .map_err(|e| AppError::from_store(e, lang))?;
            if in_arrangement {
                return Err(AppError {
                    code: ErrorCode::Validation,
                    message: match lang {
                        Language::Nl => "Deze factuur valt onder een lopende betalingsregeling: registreer de betaling bij de regeling, dan telt ze voor de termijnen.",
                        Language::En => "This invoice is part of a running payment arrangement: register the payment on the arrangement, so it counts for the instalments.",
                    }
                    .into(),
                    fields: Vec::new(),
                });
            }
            let run = |store: &mut Store| -> Result<dto::Invoice, Failure> {
                let mut issues = Vec::new();
                let paid_on = parse_date(&form.paid_on)
                    .map_err(|issue| issues.push(FormIssue { field: "paidOn".into(), issue }))
                    .ok();
                let amount = tijdig_domain::money::parse_amount(&form.amount)
                    .map_err(|issue| issues.push(FormIssue { field: "amount".into(), issue }))
                    .ok();
                let (Some(paid_on), Some(amount)) = (paid_on, amount) else {
                    return Err(invalid(&issues, lang));
                };
                let today = self.today();
                let table = rate_table(store)?;
                let record = store.invoice(id)?;
                let stored = StoredBasis::read(store, &record)?;
                let payment = NewPayment {
                    paid_on,
                    amount,
                    method: form.method.code().to_string(),
                    note: tijdig_domain::validate::optional_text(&form.note, 500).ok().flatten(),
                };
                let at = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
                store.add_payment(id, &payment, |invoice, earlier| -> Result<Option<NewDossierEntry>, Failure> {
                    let Some(issued) = invoice.issued.as_ref() else {
                        return Err(refused(
                            match lang {
                                Language::Nl => "Een concept kan nog niet betaald worden: reik de factuur eerst uit.",
                                Language::En => "A draft cannot be paid yet: issue the invoice first.",
                            }
                            .into(),
                            Vec::new(),
                        ));
                    };
                    // Checked against the payments as they are inside the transaction.
                    let basis = ClaimBasis { payments: earlier, ..stored.basis(invoice) };
                    let receipt = receive(&table, &basis, paid_on, amount, today).map_err(|issue| {
                        let field = if matches!(issue, Issue::PaymentInFuture { .. }) { "paidOn" } else { "amount" };
                        invalid(&[FormIssue { field: field.into(), issue }], lang)
                    })?;
                    Ok(Some(receipt_entry(invoice.draft.client_id, id, &issued.number, paid_on, &receipt, at, lang)))
                })?;
                let record = store.invoice(id)?;
                self.invoice_dto(store, &record, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }
}
