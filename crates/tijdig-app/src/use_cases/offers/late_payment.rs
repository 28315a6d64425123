//! Settings → Voorwaarden, per version: the afspraken bij te late betaling (contractual interest
//! and costs, fatale termijn) and what the user should know about them
//! ([`tijdig_domain::late_payment_terms`]).

use rust_decimal::Decimal;
use tijdig_domain::interest::InterestKind;
use tijdig_domain::late_payment_terms::{
    check_terms, percent_text, ContractualCosts, CostsChoice, LatePaymentTerms,
    LatePaymentTermsInput, RatePeriod,
};
use tijdig_domain::money::format_eur;
use tijdig_domain::{CollectionCosts, Language};
use tijdig_store::{Store, StoreError, TermsDocumentRecord};

use crate::plumbing::error::{invalid_fields, refusal, refused_at, Failure};
use crate::plumbing::format::amount;
use crate::services::claim::rate_table;
use crate::{dto, App, AppError, FieldMessage};

/// Invoice amounts at which Settings compares contractual costs with the staffel: a small and a
/// large invoice (the staffel is degressive, so a clause can ask more at either end).
const SAMPLE_PRINCIPALS: [i64; 2] = [250, 2_500];

/// An amount as the form shows it: "75,00".
fn typed(value: Decimal) -> String {
    amount(value).replace('.', ",")
}

/// The form of stored terms, as typed back.
fn form_of(terms: &LatePaymentTerms) -> dto::LatePaymentTermsForm {
    let text = |d: Decimal| d.to_string().replace('.', ",");
    let (costs, costs_percent, costs_minimum, costs_amount) = match terms.costs {
        None => (
            dto::CostsClause::Statutory,
            String::new(),
            String::new(),
            String::new(),
        ),
        Some(ContractualCosts::Percent { percent, minimum }) => (
            dto::CostsClause::Percent,
            text(percent),
            if minimum.is_zero() {
                String::new()
            } else {
                typed(minimum)
            },
            String::new(),
        ),
        Some(ContractualCosts::Fixed { amount }) => (
            dto::CostsClause::Fixed,
            String::new(),
            String::new(),
            typed(amount),
        ),
    };
    dto::LatePaymentTermsForm {
        interest_percent: terms.interest.map(|i| text(i.percent)).unwrap_or_default(),
        interest_per: match terms.interest.map_or(RatePeriod::Month, |i| i.per) {
            RatePeriod::Month => dto::RatePer::Month,
            RatePeriod::Year => dto::RatePer::Year,
        },
        compound: terms.interest.is_some_and(|i| i.compound),
        costs,
        costs_percent,
        costs_minimum,
        costs_amount,
        fatal_term: terms.fatal_term,
    }
}

/// "1 % per maand, rente op rente · 15 % van de hoofdsom, minimaal € 40,00 · fatale termijn".
fn summary(terms: &LatePaymentTerms, lang: Language) -> String {
    let mut parts = Vec::new();
    parts.push(match terms.interest {
        Some(i) => i.describe(lang),
        None => InterestKind::Commercial.label(lang).to_string(),
    });
    parts.push(match (terms.costs, lang) {
        (Some(c), Language::Nl) => format!("incassokosten {}", c.describe(lang)),
        (Some(c), Language::En) => format!("collection costs {}", c.describe(lang)),
        (None, Language::Nl) => "wettelijke incassokosten".into(),
        (None, Language::En) => "statutory collection costs".into(),
    });
    if terms.fatal_term {
        parts.push(
            match lang {
                Language::Nl => "fatale termijn",
                Language::En => "term of the essence",
            }
            .into(),
        );
    }
    parts.join(" · ")
}

/// What the user should know about `terms` today (handelsrente `statutory` % per year).
fn notes(
    terms: &LatePaymentTerms,
    statutory: Option<Decimal>,
    fixed: bool,
    lang: Language,
) -> Vec<String> {
    let nl = lang == Language::Nl;
    let mut out = Vec::new();
    if let (Some(interest), Some(statutory)) = (terms.interest, statutory) {
        if terms.interest_below(statutory) {
            out.push(if nl {
                format!(
                    "{} {} is {} per jaar: minder dan de wettelijke handelsrente van nu ({}). Zonder dit beding zou je zakelijke klanten de handelsrente mogen rekenen.",
                    percent_text(interest.percent, lang),
                    interest.per.label(lang),
                    percent_text(interest.yearly_percent().normalize(), lang),
                    percent_text(statutory, lang)
                )
            } else {
                format!(
                    "{} {} is {} per year: less than today's statutory commercial interest ({}). Without this clause you could charge business clients the statutory rate.",
                    percent_text(interest.percent, lang),
                    interest.per.label(lang),
                    percent_text(interest.yearly_percent().normalize(), lang),
                    percent_text(statutory, lang)
                )
            });
        }
    }
    if let Some(costs) = terms.costs {
        for principal in SAMPLE_PRINCIPALS.map(Decimal::from) {
            if costs.above_staffel(principal) {
                let (asked, staffel) =
                    (costs.amount(principal), CollectionCosts::staffel(principal));
                out.push(if nl {
                    format!(
                        "Bij een factuur van {} vraagt dit beding {}, meer dan de wettelijke staffel ({}). Een rechter kan zulke kosten matigen tot de staffel als je niet laat zien dat je ze echt hebt gemaakt (HR 10 juli 2015, ECLI:NL:HR:2015:1868).",
                        format_eur(principal, lang),
                        format_eur(asked, lang),
                        format_eur(staffel, lang)
                    )
                } else {
                    format!(
                        "For an invoice of {} this clause asks {}, more than the statutory scale ({}). A court may moderate such costs to the scale unless you show they were really incurred (Supreme Court 10 July 2015, ECLI:NL:HR:2015:1868).",
                        format_eur(principal, lang),
                        format_eur(asked, lang),
                        format_eur(staffel, lang)
                    )
                });
                break;
            }
        }
    }
    if terms.stipulates_anything() {
        out.push(if nl {
            "Deze afspraken gelden alleen voor zakelijke klanten die een offerte met deze versie hebben geaccepteerd, voor facturen vanaf die dag. Particulieren betalen altijd alleen de wettelijke rente en de wettelijke staffel, na een 14-dagenbrief, wat je voorwaarden ook zeggen (art. 6:96 lid 5 en 6 BW).".to_string()
        } else {
            "These terms apply only to business clients who accepted an offer with this version, for invoices from that day. Consumers always pay only statutory interest and the statutory scale, after a 14-day letter, whatever your terms say (art. 6:96(5) and (6) DCC).".to_string()
        });
    }
    if fixed {
        out.push(if nl {
            "Deze versie is met een offerte meegestuurd: de afspraken liggen vast. Wil je andere afspraken, upload dan een nieuwe versie van je voorwaarden.".to_string()
        } else {
            "This version went out with an offer: its terms are fixed. For other terms, upload a new version of your terms and conditions.".to_string()
        });
    }
    out
}

/// Every version as the Settings screen shows it.
pub(crate) fn terms_documents(
    store: &Store,
    today: chrono::NaiveDate,
    lang: Language,
) -> Result<Vec<dto::TermsDocument>, StoreError> {
    let stipulated = store.late_payment_terms()?;
    let sent = store.terms_versions_sent()?;
    let statutory = rate_table(store)?
        .rate_on(InterestKind::Commercial, today)
        .map(|r| r.percent);
    Ok(store
        .terms_documents()?
        .into_iter()
        .map(|record| {
            let terms = stipulated.get(&record.id).copied();
            let fixed = sent.contains(&record.id);
            terms_dto(record, terms.as_ref(), statutory, fixed, lang)
        })
        .collect())
}

pub(crate) fn terms_dto(
    t: TermsDocumentRecord,
    terms: Option<&LatePaymentTerms>,
    statutory: Option<Decimal>,
    fixed: bool,
    lang: Language,
) -> dto::TermsDocument {
    // No terms of its own: the notes say only whether the version is fixed.
    let nothing = LatePaymentTerms {
        interest: None,
        costs: None,
        fatal_term: false,
    };
    let late_payment_notes = notes(terms.unwrap_or(&nothing), statutory, fixed, lang);
    dto::TermsDocument {
        id: t.id,
        version: t.version,
        file_name: t.file_name,
        sha256: t.sha256,
        pages: t.pages,
        uploaded_at: t.uploaded_at,
        late_payment: terms.map(form_of),
        late_payment_summary: terms.map(|t| summary(t, lang)),
        late_payment_fixed: fixed,
        late_payment_notes,
    }
}

impl App {
    /// Saves what version `terms_document_id` stipulates on late payment. Every wrong value is
    /// refused at its field; a version an offer went out with is refused as a whole (its terms
    /// are fixed); nothing is stored then.
    pub fn save_late_payment_terms(
        &self,
        terms_document_id: i64,
        form: &dto::LatePaymentTermsForm,
    ) -> Result<dto::TermsDocument, AppError> {
        let today = self.today();
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::TermsDocument, Failure> {
                let input = LatePaymentTermsInput {
                    interest_percent: &form.interest_percent,
                    interest_per: match form.interest_per {
                        dto::RatePer::Month => RatePeriod::Month,
                        dto::RatePer::Year => RatePeriod::Year,
                    },
                    compound: form.compound,
                    costs: match form.costs {
                        dto::CostsClause::Statutory => CostsChoice::Statutory,
                        dto::CostsClause::Percent => CostsChoice::Percent,
                        dto::CostsClause::Fixed => CostsChoice::Fixed,
                    },
                    costs_percent: &form.costs_percent,
                    costs_minimum: &form.costs_minimum,
                    costs_amount: &form.costs_amount,
                    fatal_term: form.fatal_term,
                };
                let terms = check_terms(&input).map_err(|issues| {
                    invalid_fields(
                        lang,
                        issues
                            .iter()
                            .map(|i| FieldMessage::from_issue(i, lang))
                            .collect(),
                    )
                })?;
                if store.late_payment_terms_fixed(terms_document_id)? {
                    return Err(refusal(
                        lang,
                        "Deze versie is al met een offerte meegestuurd: de afspraken liggen vast. Upload een nieuwe versie van je voorwaarden voor andere afspraken.",
                        "This version already went out with an offer: its terms are fixed. Upload a new version of your terms and conditions for other terms.",
                    ));
                }
                store.save_late_payment_terms(terms_document_id, &terms)?;
                let saved = terms_documents(store, today, lang)?
                    .into_iter()
                    .find(|t| t.id == terms_document_id)
                    .ok_or(StoreError::NotFound)?;
                Ok(saved)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }
}

/// The client page's card: the version deciding new invoices (the newest accepted through
/// today), what was recorded outside Tijdig, the versions to choose from.
fn client_terms(
    store: &Store,
    client_id: i64,
    today: chrono::NaiveDate,
    lang: Language,
) -> Result<dto::ClientTerms, StoreError> {
    let client = store.client(client_id)?.client;
    let accepted = store.accepted_versions(Some(client_id))?;
    let newest = accepted
        .get(&client_id)
        .and_then(|list| list.iter().rev().find(|a| a.accepted_on <= today));
    let current = match newest {
        Some(a) => {
            let own = a
                .terms
                .for_client(client.kind)
                .map(|t| summary(&t.terms, lang));
            let consumer = client.kind == tijdig_domain::ClientKind::Consumer
                && a.terms.terms.stipulates_anything();
            let mut line = match lang {
                Language::Nl => format!(
                    "Versie {}, aanvaard op {}",
                    a.terms.version,
                    crate::plumbing::format::show_date(a.accepted_on)
                ),
                Language::En => format!(
                    "Version {}, accepted on {}",
                    a.terms.version,
                    crate::plumbing::format::show_date(a.accepted_on)
                ),
            };
            match (own, consumer, lang) {
                (Some(s), _, _) => line.push_str(&format!(" — {s}")),
                (None, true, Language::Nl) => line.push_str(" — een particulier betaalt alleen de wettelijke rente en de staffel"),
                (None, true, Language::En) => line.push_str(" — a consumer pays only statutory interest and the scale"),
                (None, false, Language::Nl) => line.push_str(" — zonder eigen afspraken bij te late betaling"),
                (None, false, Language::En) => line.push_str(" — without terms of its own for late payment"),
            }
            line
        }
        None => match lang {
            Language::Nl => "Nog geen versie van je algemene voorwaarden aanvaard: de wettelijke rente en incassokosten gelden.".into(),
            Language::En => "No version of your terms accepted yet: statutory interest and collection costs apply.".into(),
        },
    };
    Ok(dto::ClientTerms {
        current,
        recorded: store
            .terms_accepted_elsewhere(client_id)?
            .into_iter()
            .map(|r| dto::TermsAcceptance {
                id: r.id,
                version: r.version,
                accepted_on: crate::plumbing::format::show_date(r.accepted_on),
                note: r.note,
            })
            .collect(),
        versions: store
            .terms_documents()?
            .into_iter()
            .map(|t| dto::TermsVersionChoice {
                id: t.id,
                label: match lang {
                    Language::Nl => format!("Versie {} ({})", t.version, t.file_name),
                    Language::En => format!("Version {} ({})", t.version, t.file_name),
                },
            })
            .collect(),
    })
}

impl App {
    /// The algemene voorwaarden on a client's page.
    pub fn client_terms(&self, client_id: i64) -> Result<dto::ClientTerms, AppError> {
        let today = self.today();
        self.with_store(|store, lang| {
            client_terms(store, client_id, today, lang).map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Records that the client accepted a version outside Tijdig (on paper, or before using
    /// Tijdig): the client's invoices dated from that day are claimed with its terms, as after
    /// an accepted offer carrying it, and the version's terms are fixed from now on.
    pub fn record_terms_acceptance(
        &self,
        client_id: i64,
        form: &dto::TermsAcceptanceForm,
    ) -> Result<dto::ClientTerms, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        let today = self.today();
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::ClientTerms, Failure> {
                store.client(client_id)?;
                let versions = store.terms_documents()?;
                let Some(version) = form
                    .terms_document_id
                    .and_then(|id| versions.iter().find(|t| t.id == id))
                else {
                    return Err(refused_at(
                        "termsDocumentId",
                        "choice_required",
                        crate::plumbing::format::say(
                            lang,
                            "Kies de versie die je klant aanvaardde.",
                            "Choose the version your client accepted.",
                        ),
                    ));
                };
                let on = crate::plumbing::format::parse_date(&form.accepted_on)
                    .map_err(|issue| refused_at("acceptedOn", issue.code(), issue.message(lang)))?;
                if on > today {
                    return Err(refused_at(
                        "acceptedOn",
                        "date_in_future",
                        crate::plumbing::format::say(
                            lang,
                            "Die datum ligt in de toekomst.",
                            "That date is in the future.",
                        ),
                    ));
                }
                let note = form.note.trim();
                store.record_terms_acceptance(
                    client_id,
                    version.id,
                    on,
                    (!note.is_empty()).then_some(note),
                )?;
                Ok(client_terms(store, client_id, today, lang)?)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// Removes an acceptance recorded by mistake.
    pub fn remove_terms_acceptance(
        &self,
        client_id: i64,
        id: i64,
    ) -> Result<dto::ClientTerms, AppError> {
        let today = self.today();
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::ClientTerms, StoreError> {
                if !store
                    .terms_accepted_elsewhere(client_id)?
                    .iter()
                    .any(|r| r.id == id)
                {
                    return Err(StoreError::NotFound);
                }
                store.remove_terms_acceptance(id)?;
                client_terms(store, client_id, today, lang)
            };
            run(store).map_err(|e| AppError::from_store(e, lang))
        })
    }
}
