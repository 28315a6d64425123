//! What offers draw on: the versions of the algemene voorwaarden, reusable text blocks, the
//! client-acceptance checklist, and the check of a countersigned agreement.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::{ClientKind, Language};
use tijdig_store::{ClientAcceptance, InvoiceSet, NewTermsDocument, Store};

use crate::plumbing::error::refused;
use crate::plumbing::error::Failure;
use crate::plumbing::format::say;
use crate::plumbing::format::show_date;
use crate::plumbing::hashing::sha256_hex;
use crate::{dto, App, AppError};

/// Largest algemene voorwaarden accepted (they travel inside every offer and agreement).
pub const MAX_TERMS_BYTES: usize = 5 * 1024 * 1024;

/// What the check of a countersigned copy found, in the user's language, to keep with it.
pub(crate) fn countersigned_check(
    app: &App,
    agreement_id: i64,
    bytes: &[u8],
) -> Result<String, AppError> {
    let lang = app.lang();
    if bytes.is_empty() {
        return Err(refused(
            say(lang, "Het bestand is leeg.", "The file is empty."),
            Vec::new(),
        )
        .word(lang));
    }
    if !bytes.starts_with(b"%PDF") {
        let image = bytes.starts_with(&[0xFF, 0xD8, 0xFF]) || bytes.starts_with(b"\x89PNG");
        if !image {
            return Err(refused(
                say(
                    lang,
                    "Kies een PDF of een scan (JPG of PNG) van het getekende exemplaar.",
                    "Choose a PDF or a scan (JPG or PNG) of the signed copy.",
                ),
                Vec::new(),
            )
            .word(lang));
        }
        return Ok(say(
            lang,
            "Scan: er is geen digitale handtekening te controleren.",
            "Scan: there is no digital signature to check.",
        ));
    }
    let report = app.check_pdf(bytes)?;
    let ours = report
        .matches
        .iter()
        .any(|m| m.kind == "agreement" && m.id == agreement_id);
    let mut parts = Vec::new();
    if report.signatures.is_empty() {
        parts.push(say(lang, "Geen digitale handtekening (een geprinte en gescande of niet digitaal ondertekende PDF).", "No digital signature (a printed and scanned or not digitally signed PDF)."));
    }
    for s in &report.signatures {
        let state = match (s.intact, lang) {
            (true, Language::Nl) => "geldig",
            (true, Language::En) => "valid",
            (false, Language::Nl) => "NIET geldig",
            (false, Language::En) => "NOT valid",
        };
        let who = if s.ours {
            say(lang, "Jouw handtekening", "Your signature")
        } else {
            say(lang, "Handtekening", "Signature")
        };
        parts.push(format!("{who} {}: {state}", s.signer));
    }
    if ours {
        parts.push(say(
            lang,
            "Het getekende deel is jouw opdrachtbevestiging, ongewijzigd.",
            "The signed part is your confirmation, unchanged.",
        ));
    } else if !report.signatures.is_empty() {
        parts.push(say(lang, "Let op: dit bestand is niet (een ondertekende versie van) de opdrachtbevestiging die Tijdig maakte.", "Note: this file is not (a signed version of) the confirmation Tijdig made."));
    }
    Ok(parts.join(" · "))
}

impl App {
    /// Every version of the algemene voorwaarden, the newest first, with what each stipulates
    /// on late payment.
    pub fn terms_documents(&self) -> Result<Vec<dto::TermsDocument>, AppError> {
        let today = self.today();
        self.with_store(|store, lang| {
            super::late_payment::terms_documents(store, today, lang)
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Stores an uploaded PDF as the next version. It must be a readable, unencrypted PDF.
    pub fn add_terms_document(
        &self,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<dto::TermsDocument, AppError> {
        self.with_store(|store, lang| {
            if bytes.len() > MAX_TERMS_BYTES {
                return Err(refused(say(lang, "Dit bestand is groter dan 5 MB. Maak de PDF kleiner (bijvoorbeeld zonder afbeeldingen) en probeer het opnieuw.", "This file is larger than 5 MB. Make the PDF smaller (for instance without images) and try again."), Vec::new()).word(lang));
            }
            let info = tijdig_documents::appendix::inspect_pdf(bytes).map_err(|err| {
                eprintln!("tijdig: terms upload refused: {err}");
                refused(say(lang, "Dit bestand kan Tijdig niet als PDF lezen (of het is beveiligd met een wachtwoord). Sla je voorwaarden opnieuw op als gewone PDF.", "Tijdig cannot read this file as a PDF (or it is password-protected). Save your terms again as a plain PDF."), Vec::new()).word(lang)
            })?;
            let sha = sha256_hex(bytes);
            if let Some(same) = store
                .terms_documents()
                .map_err(|e| AppError::from_store(e, lang))?
                .into_iter()
                .find(|t| t.sha256 == sha)
            {
                return Err(refused(
                    match lang {
                        Language::Nl => format!("Dit bestand is al opgeslagen als versie {}.", same.version),
                        Language::En => format!("This file is already stored as version {}.", same.version),
                    },
                    Vec::new(),
                )
                .word(lang));
            }
            let name = std::path::Path::new(file_name)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("voorwaarden.pdf")
                .to_string();
            store
                .add_terms_document(&NewTermsDocument {
                    file_name: name,
                    pdf: bytes.to_vec(),
                    sha256: sha,
                    pages: info.pages,
                })
                .map(|record| super::late_payment::terms_dto(record, None, None, false, lang))
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    pub fn text_blocks(&self) -> Result<Vec<dto::TextBlock>, AppError> {
        self.with_store(|store, lang| {
            Ok(store
                .text_blocks()
                .map_err(|e| AppError::from_store(e, lang))?
                .into_iter()
                .map(|b| dto::TextBlock {
                    id: b.id,
                    kind: b.kind,
                    title: b.title,
                    body: b.body,
                })
                .collect())
        })
    }

    /// Saves a text block to reuse (`scope` or `conditions`).
    pub fn add_text_block(
        &self,
        kind: &str,
        title: &str,
        body: &str,
    ) -> Result<dto::TextBlock, AppError> {
        // A text block is printed in the offers it goes into.
        for (field, text) in [("title", title), ("body", body)] {
            if let Err(issue) = crate::services::printable::printable(text) {
                return Err(AppError::validation(
                    &[tijdig_domain::FieldIssue { field, issue }],
                    self.lang(),
                ));
            }
        }
        self.with_store(|store, lang| {
            if !matches!(kind, "scope" | "conditions") {
                return Err(AppError::from_store(
                    tijdig_store::StoreError::NotFound,
                    lang,
                ));
            }
            let mut fields = Vec::new();
            for (field, value) in [("title", title), ("body", body)] {
                if value.trim().is_empty() {
                    fields.push(
                        crate::plumbing::error::FormIssue {
                            field: field.into(),
                            issue: tijdig_domain::Issue::Required,
                        }
                        .message(lang),
                    );
                }
            }
            if !fields.is_empty() {
                let mut err = AppError::validation(&[], lang);
                err.fields = fields;
                return Err(err);
            }
            let id = store
                .add_text_block(kind, title.trim(), body.trim())
                .map_err(|e| AppError::from_store(e, lang))?;
            Ok(dto::TextBlock {
                id,
                kind: kind.into(),
                title: title.trim().into(),
                body: body.trim().into(),
            })
        })
    }

    pub fn delete_text_block(&self, id: i64) -> Result<(), AppError> {
        self.with_store(|store, lang| {
            store
                .delete_text_block(id)
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// The client-acceptance checklist with the payment history from Tijdig's own records and
    /// the advice: ask an advance payment from a client with signals of trouble, a record of
    /// paying late, or (for a business) an unchecked KvK registration.
    pub fn client_acceptance(&self, client_id: i64) -> Result<dto::ClientAcceptance, AppError> {
        self.with_store(|store, lang| {
            acceptance_dto(self, store, client_id, lang).map_err(|f| f.word(lang))
        })
    }

    pub fn save_client_acceptance(
        &self,
        client_id: i64,
        form: &dto::ClientAcceptanceForm,
    ) -> Result<dto::ClientAcceptance, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::ClientAcceptance, Failure> {
                store.client(client_id)?;
                store.save_client_acceptance(
                    client_id,
                    &ClientAcceptance {
                        kvk_checked: form.kvk_checked,
                        references_ok: form.references_ok,
                        trouble_signals: form.trouble_signals,
                        note: Some(form.note.trim().to_string()).filter(|n| !n.is_empty()),
                        checked_on: self.today(),
                    },
                )?;
                acceptance_dto(self, store, client_id, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }
}

/// How the client has paid so far: issued invoices, how many paid late and by how many days on
/// average, and how many are overdue now.
fn payment_history(
    app: &App,
    store: &Store,
    client_id: i64,
    lang: Language,
) -> Result<(String, bool), Failure> {
    let today = app.today();
    let mut issued = 0u32;
    let mut late = 0u32;
    let mut late_days = 0i64;
    let mut overdue = 0u32;
    // A settled invoice (paid, or credited for the rest) was late only if its last payment
    // was; an open one counts when it is past its due date.
    let mut count = |total: Decimal, due: NaiveDate, settled: bool, last: Option<NaiveDate>| {
        if total <= Decimal::ZERO {
            return;
        }
        issued += 1;
        if settled {
            let last = last.unwrap_or(due);
            if last > due {
                late += 1;
                late_days += (last - due).num_days();
            }
        } else if today > due {
            overdue += 1;
        }
    };
    // The client's invoices the engine already found settled need no claim (a client may
    // have thousands); the others are computed, read as one set.
    for facts in store.settled_payment_facts(client_id, today)? {
        count(facts.total, facts.due_date, true, facts.last_paid_on);
    }
    let open = crate::services::ladder::load_set(
        store,
        today,
        &InvoiceSet::Unsettled {
            on: today,
            client: Some(client_id),
        },
    )?;
    for inv in &open.invoices {
        let last = inv.payments.iter().map(|p| p.paid_on).max();
        count(
            inv.claim.total,
            inv.due_date,
            inv.claim.total_open() <= Decimal::ZERO,
            last,
        );
    }
    let text = match (issued, lang) {
        (0, Language::Nl) => "Nog geen facturen aan deze klant: geen betaalgeschiedenis.".into(),
        (0, Language::En) => "No invoices to this client yet: no payment history.".into(),
        (n, Language::Nl) => {
            let avg = if late > 0 {
                late_days / i64::from(late)
            } else {
                0
            };
            format!("{n} facturen; {late} te laat betaald (gemiddeld {avg} dagen); {overdue} nu over de vervaldatum.")
        }
        (n, Language::En) => {
            let avg = if late > 0 {
                late_days / i64::from(late)
            } else {
                0
            };
            format!(
                "{n} invoices; {late} paid late (on average {avg} days); {overdue} overdue now."
            )
        }
    };
    let poor = overdue > 0 || (issued > 0 && late * 2 > issued);
    Ok((text, poor))
}

fn acceptance_dto(
    app: &App,
    store: &Store,
    client_id: i64,
    lang: Language,
) -> Result<dto::ClientAcceptance, Failure> {
    let client = store.client(client_id)?.client;
    let saved = store.client_acceptance(client_id)?;
    let (history, poor) = payment_history(app, store, client_id, lang)?;
    let form = saved.as_ref().map_or(
        dto::ClientAcceptanceForm {
            kvk_checked: false,
            references_ok: false,
            trouble_signals: false,
            note: String::new(),
        },
        |a| dto::ClientAcceptanceForm {
            kvk_checked: a.kvk_checked,
            references_ok: a.references_ok,
            trouble_signals: a.trouble_signals,
            note: a.note.clone().unwrap_or_default(),
        },
    );
    let unchecked_business = client.kind == ClientKind::Business && !form.kvk_checked;
    let advance_advised = form.trouble_signals || poor || (saved.is_some() && unchecked_business);
    let advice = match (advance_advised, lang) {
        (true, Language::Nl) => "Vraag een aanbetaling voordat je begint (bijvoorbeeld 30 tot 50 %), en spreek een korte betaaltermijn af.",
        (true, Language::En) => "Ask for an advance payment before you start (for instance 30 to 50 %), and agree a short payment term.",
        (false, Language::Nl) => "Geen signalen die om een aanbetaling vragen.",
        (false, Language::En) => "No signals that call for an advance payment.",
    };
    Ok(dto::ClientAcceptance {
        form,
        checked_on: saved.map(|a| show_date(a.checked_on)),
        payment_history: history,
        advance_advised,
        advice: advice.into(),
    })
}
