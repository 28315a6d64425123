//! Payment arrangements (betalingsregelingen): preview and make one from open invoices of a
//! client, the agreement PDF, payments against it, and what "Vandaag" asks per instalment
//! (issue "Payment arrangements"; nl-rules-sources §6.5).
//!
//! Payments against an arrangement are also booked on its invoices, oldest invoice first and
//! never beyond what an invoice has open, so the invoices' status and their claim (which applies
//! payments costs → interest → principal itself) stay true if the arrangement breaks; what is
//! paid beyond the invoices (acknowledged interest and costs) stays in the arrangement's ledger.

pub(crate) mod pdf;
mod plan;
mod today;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::arrangement::{ArrangementState, InstalmentStatus};
use tijdig_domain::follow_up::DossierKind;
use tijdig_domain::money::format_eur;
use tijdig_domain::payment_reference::PaymentReference;
use tijdig_domain::Language;
use tijdig_store::{
    ArrangementDocument, ArrangementRecord, NewArrangement, NewDossierEntry, Store, StoreError,
};

use crate::plumbing::error::refused;
use crate::plumbing::error::Failure;
use crate::plumbing::format::amount;
use crate::plumbing::format::show_date;
use crate::plumbing::hashing::sha256_hex;
use crate::services::arrangement_state::{instalment_label, ledger};
use crate::{dto, App, AppError};

pub(crate) use today::instalment_steps;

fn status_label(status: InstalmentStatus, lang: Language) -> (&'static str, &'static str) {
    let nl = lang == Language::Nl;
    match status {
        InstalmentStatus::Paid => ("paid", if nl { "Betaald" } else { "Paid" }),
        InstalmentStatus::PaidLate => (
            "paid_late",
            if nl { "Te laat betaald" } else { "Paid late" },
        ),
        InstalmentStatus::Open => ("open", "Open"),
        InstalmentStatus::Overdue => ("overdue", if nl { "Vervallen" } else { "Overdue" }),
        InstalmentStatus::Missed => ("missed", if nl { "Gemist" } else { "Missed" }),
    }
}

/// The payment reference of an instalment: RF over the arrangement's reference and the
/// instalment number ("2026-R0001", 3 → base `2026R0001T03`).
fn instalment_reference(reference: &str, number: u32) -> Result<String, tijdig_domain::Issue> {
    let base: String = reference
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    PaymentReference::rf_from_base(&format!("{base}T{number:02}")).map(|r| r.as_str().to_string())
}

fn arrangement_dto(
    store: &Store,
    a: &ArrangementRecord,
    today: NaiveDate,
    lang: Language,
) -> Result<dto::Arrangement, StoreError> {
    let l = ledger(store, a, today)?;
    let client = store.client(a.client_id)?.client;
    let nl = lang == Language::Nl;
    let money = |d: Decimal| format_eur(d, lang);
    let (state, state_label, state_text) = match l.state {
        ArrangementState::Active => (
            "active",
            if nl { "Lopend" } else { "Active" },
            if nl {
                format!("Nog te betalen volgens het schema: {}.", money(l.owed_now))
            } else {
                format!("Still to pay under the schedule: {}.", money(l.owed_now))
            },
        ),
        ArrangementState::Completed { on } => (
            "completed",
            if nl { "Voldaan" } else { "Completed" },
            if nl {
                format!("Volledig betaald op {}.", show_date(on))
            } else {
                format!("Paid in full on {}.", show_date(on))
            },
        ),
        ArrangementState::Broken { since } => (
            "broken",
            if nl { "Vervallen" } else { "Broken" },
            if nl {
                format!("Vervallen sinds {}: het hele restant van {} is direct opeisbaar en de opvolging van de facturen loopt weer.", show_date(since), money(l.owed_now))
            } else {
                format!("Broken since {}: the whole remaining {} is due at once and the invoices' follow-up runs again.", show_date(since), money(l.owed_now))
            },
        ),
    };
    let mut invoice_numbers = Vec::new();
    for id in &a.invoice_ids {
        invoice_numbers.push(
            store
                .invoice(*id)?
                .issued
                .map(|i| i.number)
                .unwrap_or_default(),
        );
    }
    Ok(dto::Arrangement {
        id: a.id,
        reference: a.reference.clone(),
        client_id: a.client_id,
        client_name: client.name,
        start_date: show_date(a.start_date),
        state: state.into(),
        state_label: state_label.into(),
        state_text,
        invoice_numbers,
        principal: amount(a.debt.principal),
        interest: amount(a.debt.interest),
        costs: amount(a.debt.costs),
        total: amount(a.debt.total()),
        scheduled_total: amount(l.scheduled_total),
        paid: amount(l.paid_total),
        remaining: amount(l.remaining),
        running_interest: amount(l.running_interest),
        owed_now: amount(l.owed_now),
        paid_to_costs: amount(l.allocation.costs),
        paid_to_interest: amount(l.allocation.interest),
        paid_to_principal: amount(l.allocation.principal),
        interest_running: a.interest_running,
        costs_waived: a.costs_waived,
        grace_days: a.grace_days,
        instalments: l
            .instalments
            .iter()
            .zip(&a.instalments)
            .map(|(s, stored)| {
                let (status, status_label) = status_label(s.status, lang);
                dto::InstalmentRow {
                    number: s.instalment.number,
                    label: instalment_label(s.instalment.number, lang),
                    due: show_date(s.instalment.due),
                    amount: amount(s.instalment.amount),
                    paid: amount(s.paid),
                    paid_on: s.paid_on.map(show_date),
                    status: status.into(),
                    status_label: status_label.into(),
                    payment_reference: PaymentReference::parse(&stored.payment_reference)
                        .map(|r| r.printed())
                        .ok(),
                }
            })
            .collect(),
        payments: a
            .payments
            .iter()
            .map(|p| dto::ArrangementPaymentRow {
                id: p.id,
                paid_on: show_date(p.paid_on),
                amount: amount(p.amount),
                note: p.note.clone().unwrap_or_default(),
            })
            .collect(),
        pdf_sha256: a.pdf_sha256.clone(),
    })
}

impl App {
    /// The acknowledged debt and the schedule for a form, without saving anything.
    pub fn preview_arrangement(
        &self,
        form: &dto::ArrangementForm,
    ) -> Result<dto::ArrangementPreview, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let plan = plan::read(store, form, self.today(), lang).map_err(|f| f.word(lang))?;
            Ok(dto::ArrangementPreview {
                principal: amount(plan.debt.principal),
                interest: amount(plan.debt.interest),
                costs: amount(plan.debt.costs),
                total: amount(plan.debt.total()),
                scheduled_total: amount(plan.instalments.iter().map(|i| i.amount).sum()),
                instalments: plan
                    .instalments
                    .iter()
                    .map(|i| dto::InstalmentRow {
                        number: i.number,
                        label: instalment_label(i.number, lang),
                        due: show_date(i.due),
                        amount: amount(i.amount),
                        paid: amount(Decimal::ZERO),
                        paid_on: None,
                        status: "open".into(),
                        status_label: status_label(InstalmentStatus::Open, lang).1.into(),
                        payment_reference: None,
                    })
                    .collect(),
            })
        })
    }

    /// Makes the arrangement: stores it with its agreement PDF (for signature by both parties)
    /// and a dossier entry. The invoices' ladder pauses while it is honoured.
    pub fn create_arrangement(
        &self,
        form: &dto::ArrangementForm,
    ) -> Result<dto::Arrangement, AppError> {
        self.create_arrangement_as(form, crate::services::signing::Sealing::Signed)
    }

    /// [`App::create_arrangement`], its agreement unsigned when the user chose that (the
    /// dossier says so).
    pub fn create_arrangement_as(
        &self,
        form: &dto::ArrangementForm,
        sealing: crate::services::signing::Sealing,
    ) -> Result<dto::Arrangement, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let today = self.today();
            let run = |store: &mut Store| -> Result<dto::Arrangement, Failure> {
                let plan = plan::read(store, form, today, lang)?;
                let profile = store.profile()?.ok_or(StoreError::NotFound)?;
                let logo = store.logo()?;
                let at = self.local_now();
                let new = NewArrangement {
                    client_id: form.client_id,
                    start_date: plan.start,
                    debt: plan.debt,
                    interest_running: plan.interest_running,
                    costs_waived: plan.costs_waived,
                    grace_days: plan.grace_days,
                    invoice_ids: plan.invoices.iter().map(|i| i.record.id).collect(),
                    instalments: plan.instalments.clone(),
                };
                let entry = NewDossierEntry {
                    client_id: form.client_id,
                    at: at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    kind: DossierKind::Arrangement,
                    step: None,
                    outcome: None,
                    note: Some(crate::services::signing::unsigned_note(match lang {
                        Language::Nl => format!("Betalingsregeling over {} in {} termijnen", format_eur(plan.debt.total(), lang), plan.instalments.len()),
                        Language::En => format!("Payment arrangement over {} in {} instalments", format_eur(plan.debt.total(), lang), plan.instalments.len()),
                    }, sealing, lang)),
                    promised_on: None,
                    invoice_ids: new.invoice_ids.clone(),
                    done_on: None,
                };
                let link_template = crate::services::invoice_settings::payment_link_template(store);
                let sealer = self.sealer(store, sealing, lang).map_err(Failure::App)?;
                let record = store.create_arrangement(&new, &entry, |reference| -> Result<ArrangementDocument, Failure> {
                    let refs = plan
                        .instalments
                        .iter()
                        .map(|i| instalment_reference(reference, i.number))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|issue| refused(issue.message(lang), Vec::new()))?;
                    let content = pdf::agreement(&pdf::AgreementInput { profile: &profile, logo: logo.as_ref(), plan: &plan, reference, payment_references: &refs, at, payment_link: link_template.as_deref() });
                    let bytes = crate::services::documents::letter_layout::render(&content).map_err(|err| {
                        eprintln!("tijdig: rendering arrangement {reference} failed: {err}");
                        refused(match lang {
                            Language::Nl => "De PDF van de regeling kon niet worden gemaakt. Er is niets vastgelegd; probeer het opnieuw.",
                            Language::En => "The arrangement's PDF could not be made. Nothing was recorded; try again.",
                        }.into(), Vec::new())
                    })?;
                    let title = match lang {
                        Language::Nl => "Betalingsregeling",
                        Language::En => "Payment arrangement",
                    };
                    let bytes = sealer.seal(bytes, &format!("{title} {reference}"), lang).map_err(Failure::App)?;
                    Ok(ArrangementDocument { pdf_sha256: sha256_hex(&bytes), pdf: bytes, payment_references: refs })
                })?;
                Ok(arrangement_dto(store, &record, today, lang)?)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    pub fn arrangement(&self, id: i64) -> Result<dto::Arrangement, AppError> {
        self.with_store(|store, lang| {
            let a = store
                .arrangement(id)
                .map_err(|e| AppError::from_store(e, lang))?;
            arrangement_dto(store, &a, self.today(), lang)
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Every arrangement (or a client's), newest first.
    pub fn arrangements(&self, client_id: Option<i64>) -> Result<Vec<dto::Arrangement>, AppError> {
        self.with_store(|store, lang| {
            let read = || -> Result<Vec<dto::Arrangement>, StoreError> {
                store
                    .arrangements(client_id)?
                    .iter()
                    .map(|a| arrangement_dto(store, a, self.today(), lang))
                    .collect()
            };
            read().map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Registers a payment against an arrangement (never more than is owed now) and books the
    /// part that pays the invoices on them, oldest first.
    pub fn add_arrangement_payment(
        &self,
        id: i64,
        form: &dto::ArrangementPaymentForm,
    ) -> Result<dto::Arrangement, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Arrangement, Failure> {
                self.book_arrangement_payment(store, id, form, None, lang)?;
                Ok(arrangement_dto(
                    store,
                    &store.arrangement(id)?,
                    self.today(),
                    lang,
                )?)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// The agreement PDF, byte for byte, with its file name.
    pub fn arrangement_pdf(&self, id: i64) -> Result<(String, Vec<u8>), AppError> {
        self.with_store(|store, lang| {
            let read = || -> Result<(String, Vec<u8>), StoreError> {
                let a = store.arrangement(id)?;
                let word = match lang {
                    Language::Nl => "Betalingsregeling",
                    Language::En => "Payment arrangement",
                };
                Ok((
                    format!("{word} {}.pdf", a.reference),
                    store.arrangement_pdf(id)?,
                ))
            };
            read().map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Writes the agreement PDF into `dir`; returns the path.
    pub fn write_arrangement_pdf(
        &self,
        id: i64,
        dir: &std::path::Path,
    ) -> Result<std::path::PathBuf, AppError> {
        let (name, pdf) = self.arrangement_pdf(id)?;
        let path = dir.join(name);
        self.write_document(&path, &pdf)?;
        Ok(path)
    }
}
