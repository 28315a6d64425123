//! The bank screen: what an import proposed, confirmed with one click; entries nobody claimed,
//! assigned by hand to an open invoice or set aside; what was booked lately.

use rust_decimal::Decimal;
use tijdig_domain::Language;
use tijdig_store::{
    BankLink, BankState, BankTransactionRecord, NewDossierEntry, Store, StoreError,
};

use crate::plumbing::error::refused;
use crate::plumbing::error::Failure;
use crate::services::claim::open_amount;
use crate::services::claim::{rate_table, ClaimBasis, StoredBasis};
use crate::services::receipts::{receipt_entry, receive_up_to};
use crate::{dto, App, AppError, ErrorCode, FieldMessage};

/// How many entries per list the screen shows.
const LIST_LIMIT: u32 = 200;

fn reason(rule: Option<&str>, lang: Language) -> Option<String> {
    let nl = lang == Language::Nl;
    Some(
        match rule? {
            "reference" => {
                if nl {
                    "betalingskenmerk"
                } else {
                    "payment reference"
                }
            }
            "invoice_number" => {
                if nl {
                    "factuurnummer in de omschrijving"
                } else {
                    "invoice number in the description"
                }
            }
            "amount_account" => {
                if nl {
                    "bedrag en rekeningnummer van de klant"
                } else {
                    "amount and the client's account"
                }
            }
            "amount_name" => {
                if nl {
                    "bedrag en naam van de klant"
                } else {
                    "amount and the client's name"
                }
            }
            "account" => {
                if nl {
                    "rekeningnummer van de klant (ander bedrag)"
                } else {
                    "the client's account (different amount)"
                }
            }
            "manual" => {
                if nl {
                    "door u gekoppeld"
                } else {
                    "matched by you"
                }
            }
            "manual_payment" => {
                if nl {
                    "dezelfde betaling die je zelf al registreerde: bevestigen koppelt ze, er wordt niets dubbel geboekt"
                } else {
                    "the same payment you already registered yourself: confirming links them, nothing is booked twice"
                }
            }
            _ => return None,
        }
        .to_string(),
    )
}

impl App {
    pub fn bank_overview(&self) -> Result<dto::BankOverview, AppError> {
        self.with_store(|store, lang| {
            overview(store, lang, self.today()).map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Confirms a proposal: books the entry on the proposed invoice (never more than is open)
    /// or as a payment on the proposed arrangement — or, when it is the payment the user
    /// registered by hand, links the two.
    pub fn confirm_bank_transaction(&self, id: i64) -> Result<dto::BankOverview, AppError> {
        let t = self.with_store(|store, lang| {
            store
                .bank_transaction(id)
                .map_err(|e| AppError::from_store(e, lang))
        })?;
        if t.state != BankState::Proposed {
            return Err(self.already_decided());
        }
        let rule = t.rule.clone().unwrap_or_else(|| "manual".into());
        // The payment the user registered by hand: linked to this entry, nothing booked again.
        if let Some(payment) = t.same_as_payment {
            let now = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
            self.with_store(|store, lang| {
                store
                    .link_bank_transaction(id, payment, &now)
                    .map_err(|e| match e {
                        StoreError::AlreadyDone => already_decided(lang),
                        other => AppError::from_store(other, lang),
                    })
            })?;
            return self.bank_overview();
        }
        match (t.invoice_id, t.arrangement_id) {
            (_, Some(arrangement)) => {
                let form = dto::ArrangementPaymentForm {
                    paid_on: t.booked_on.to_string(),
                    amount: t.amount.to_string(),
                    note: format!(
                        "Bankafschrift: {}",
                        t.description.chars().take(120).collect::<String>()
                    ),
                };
                let link = BankLink {
                    transaction_id: id,
                    rule: &rule,
                    iban: t.counterparty_iban.as_deref(),
                };
                self.with_store(|store, lang| {
                    self.book_arrangement_payment(store, arrangement, &form, Some(link), lang)
                        .map_err(|f| f.word(lang))
                })?;
            }
            (Some(invoice), None) => self.book_on_invoice(id, invoice, &rule)?,
            (None, None) => return Err(self.already_decided()),
        }
        self.bank_overview()
    }

    /// Assigns an entry by hand to an open invoice and books it.
    pub fn assign_bank_transaction(
        &self,
        form: &dto::BankAssignForm,
    ) -> Result<dto::BankOverview, AppError> {
        self.book_on_invoice(form.transaction_id, form.invoice_id, "manual")?;
        self.bank_overview()
    }

    /// Sets an entry aside as no client's payment, or (`ignored = false`) brings it back.
    pub fn ignore_bank_transaction(
        &self,
        id: i64,
        ignored: bool,
    ) -> Result<dto::BankOverview, AppError> {
        self.with_store(|store, lang| {
            store
                .ignore_bank_transaction(id, ignored)
                .map_err(|e| match e {
                    StoreError::AlreadyDone => already_decided(lang),
                    other => AppError::from_store(other, lang),
                })
        })?;
        self.bank_overview()
    }

    /// Open invoices to assign an entry to, filtered by number or client name, those of the
    /// same amount first.
    pub fn assignable_invoices(
        &self,
        query: &str,
        amount: &str,
    ) -> Result<Vec<dto::AssignableInvoice>, AppError> {
        let today = self.today();
        let amount: Option<Decimal> = amount.parse().ok();
        let needle = query.trim().to_lowercase();
        self.with_store(|store, lang| {
            let read = || -> Result<Vec<dto::AssignableInvoice>, StoreError> {
                let names: std::collections::HashMap<i64, String> = store
                    .client_labels()?
                    .into_iter()
                    .map(|(id, name, _)| (id, name))
                    .collect();
                let book = super::import::match_book(store, today)?;
                let mut out: Vec<(bool, dto::AssignableInvoice)> = book
                    .open_invoices()
                    .iter()
                    .filter(|i| i.arrangement_id.is_none())
                    .filter_map(|i| {
                        let client = names.get(&i.client_id).cloned().unwrap_or_default();
                        let hit = needle.is_empty()
                            || i.number.to_lowercase().contains(&needle)
                            || client.to_lowercase().contains(&needle);
                        hit.then(|| {
                            (
                                Some(i.open) == amount,
                                dto::AssignableInvoice {
                                    invoice_id: i.id,
                                    number: i.number.clone(),
                                    client_name: client,
                                    open: i.open.to_string(),
                                    invoice_date: i.invoice_date.to_string(),
                                },
                            )
                        })
                    })
                    .collect();
                out.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.invoice_date.cmp(&a.1.invoice_date)));
                Ok(out.into_iter().take(30).map(|(_, i)| i).collect())
            };
            read().map_err(|e| AppError::from_store(e, lang))
        })
    }

    fn book_on_invoice(&self, id: i64, invoice_id: i64, rule: &str) -> Result<(), AppError> {
        let now = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
        // Checked and booked under one hold of the store: no arrangement can start in between.
        self.with_store(|store, lang| {
            let in_arrangement = crate::services::arrangement_state::active_invoice_ids(store, self.today())
                .map(|ids| ids.contains(&invoice_id))
                .map_err(|e| AppError::from_store(e, lang))?;
            if in_arrangement {
                return Err(AppError {
                    code: ErrorCode::Validation,
                    message: match lang {
                        Language::Nl => "Deze factuur valt onder een lopende betalingsregeling: koppel de betaling aan de regeling.",
                        Language::En => "This invoice is part of a running payment arrangement: match the payment to the arrangement.",
                    }
                    .into(),
                    fields: Vec::new(),
                });
            }
            let today = self.today();
            let prepared = (|| -> Result<_, StoreError> {
                let record = store.invoice(invoice_id)?;
                Ok((rate_table(store)?, StoredBasis::read(store, &record)?))
            })();
            let (table, stored) = prepared.map_err(|e| AppError::from_store(e, lang))?;
            store
                .book_bank_transaction(id, invoice_id, rule, &now, |invoice, payments, entry| -> Result<(Decimal, Option<NewDossierEntry>), Failure> {
                    let Some(issued) = invoice.issued.as_ref() else {
                        return Err(refused(not_payable(lang), Vec::new()));
                    };
                    // Up to the whole claim on the day it was booked; the rest stays with the
                    // client (a double payment, or money for another invoice).
                    let basis = ClaimBasis { payments, ..stored.basis(invoice) };
                    let receipt = receive_up_to(&table, &basis, entry.booked_on, entry.amount, today).map_err(|issue| {
                        refused(issue.message(lang), vec![FieldMessage { field: "invoiceId".into(), code: issue.code().into(), message: issue.message(lang) }])
                    })?;
                    let on = entry.booked_on.min(today);
                    let entry = receipt_entry(invoice.draft.client_id, invoice_id, &issued.number, on, &receipt, now.clone(), lang);
                    Ok((receipt.amount, Some(entry)))
                })
                .map_err(|f| match f {
                    Failure::Store(StoreError::AlreadyDone) => already_decided(lang),
                    other => other.word(lang),
                })
        })
    }

    fn already_decided(&self) -> AppError {
        already_decided(self.lang())
    }
}

fn not_payable(lang: Language) -> String {
    match lang {
        Language::Nl => "Alleen een uitgereikte factuur kan betaald worden.".into(),
        Language::En => "Only an issued invoice can be paid.".into(),
    }
}

fn already_decided(lang: Language) -> AppError {
    AppError {
        code: ErrorCode::Conflict,
        message: match lang {
            Language::Nl => "Over deze bijschrijving is al beslist; er is niets veranderd.",
            Language::En => "This entry was already dealt with; nothing was changed.",
        }
        .into(),
        fields: Vec::new(),
    }
}

fn overview(
    store: &Store,
    lang: Language,
    today: chrono::NaiveDate,
) -> Result<dto::BankOverview, StoreError> {
    let names: std::collections::HashMap<i64, String> = store
        .client_labels()?
        .into_iter()
        .map(|(id, name, _)| (id, name))
        .collect();
    let arrangements = crate::services::arrangement_state::active_arrangements(store, today)?;
    let list = |state: BankState| -> Result<Vec<dto::BankTransaction>, StoreError> {
        store
            .bank_transactions(&[state], LIST_LIMIT)?
            .into_iter()
            .map(|t| transaction_dto(store, &t, &names, &arrangements, today, lang))
            .collect()
    };
    Ok(dto::BankOverview {
        proposed: list(BankState::Proposed)?,
        unmatched: list(BankState::Unmatched)?,
        booked: list(BankState::Booked)?.into_iter().take(50).collect(),
        ignored: list(BankState::Ignored)?.into_iter().take(50).collect(),
        imports: store
            .bank_imports(10)?
            .into_iter()
            .map(|i| dto::BankImportRow {
                id: i.id,
                file_name: i.file_name,
                format: i
                    .format
                    .replace("camt053", "CAMT.053")
                    .replace("mt940", "MT940"),
                imported_at: i.imported_at,
                entries: i.entries,
                new_entries: i.new_entries,
            })
            .collect(),
    })
}

fn transaction_dto(
    store: &Store,
    t: &BankTransactionRecord,
    names: &std::collections::HashMap<i64, String>,
    arrangements: &[tijdig_store::ArrangementRecord],
    today: chrono::NaiveDate,
    lang: Language,
) -> Result<dto::BankTransaction, StoreError> {
    let invoice = t.invoice_id.map(|id| store.invoice(id)).transpose()?;
    let open_amount = match (&invoice, t.state) {
        (Some(inv), BankState::Proposed) => Some(open_amount(store, inv, today)?.to_string()),
        _ => None,
    };
    let arrangement = t
        .arrangement_id
        .and_then(|id| arrangements.iter().find(|a| a.id == id));
    let arrangement_reference = match (t.arrangement_id, arrangement) {
        (_, Some(a)) => Some(a.reference.clone()),
        (Some(id), None) => Some(store.arrangement(id)?.reference),
        _ => None,
    };
    let client_id = invoice
        .as_ref()
        .map(|i| i.draft.client_id)
        .or_else(|| arrangement.map(|a| a.client_id));
    let hint = match t.hint_invoice_id {
        Some(id) => {
            let number = store
                .invoice(id)?
                .issued
                .map(|i| i.number)
                .unwrap_or_default();
            Some(match lang {
                Language::Nl => format!("De omschrijving noemt factuur {number}, die al betaald is: betaalt de klant dubbel?"),
                Language::En => format!("The description names invoice {number}, which is already paid: is the client paying twice?"),
            })
        }
        None => None,
    };
    Ok(dto::BankTransaction {
        id: t.id,
        booked_on: t.booked_on.to_string(),
        amount: t.amount.to_string(),
        counterparty_name: t.counterparty_name.clone(),
        counterparty_iban: t.counterparty_iban.clone(),
        description: t.description.clone(),
        state: t.state.code().into(),
        reason: reason(t.rule.as_deref(), lang),
        invoice_id: t.invoice_id,
        invoice_number: invoice
            .as_ref()
            .and_then(|i| i.issued.as_ref().map(|x| x.number.clone())),
        client_name: client_id.and_then(|c| names.get(&c).cloned()),
        arrangement_id: t.arrangement_id,
        arrangement_reference,
        open_amount,
        hint,
    })
}
