//! Importing a bank statement (issue "Data in and out"): read the file (CAMT.053 or MT940),
//! skip what was imported before, match every new incoming entry to what clients owe, and
//! record the file, the entries and the certain payments in one transaction.

use std::collections::HashMap;

use rust_decimal::Decimal;
use tijdig_domain::bank::matching::{
    InstalmentReference, KnownClient, MatchBook, OpenInvoice, Outcome, PaidInvoice, Target,
};
use tijdig_domain::bank::{entry_keys, ParsedStatement};
use tijdig_domain::invoice::check_payment;
use tijdig_domain::{format_eur, Language};
use tijdig_store::{
    BankState, NewBankImport, NewBankTransaction, NewDossierEntry, PaymentRecord, Store, StoreError,
};

use crate::plumbing::format::{agree, counted};
use crate::services::claim::{received, ClaimBasis};
use crate::services::ladder::{Ladder, LadderInvoice};
use crate::services::receipts::{receipt_entry, receive};

use super::csv_columns::{unknown_layout, Reading};
use crate::plumbing::hashing::sha256_hex;
use crate::{dto, App, AppError, ErrorCode};

/// A bank entry and a payment registered by hand of the same amount on the same invoice at most
/// this many days apart are taken to be the same money: the entry is proposed to be linked to
/// the payment, not booked again (issue "Nothing lost, nothing twice"). Two weeks covers a
/// payment registered on the day the client said it was sent and booked days later.
const SAME_PAYMENT_DAYS: i64 = 14;

impl App {
    /// Imports a statement: every new incoming entry is stored once, certain matches are
    /// registered as payments, the rest is proposed or left for the user. A file that cannot
    /// be read is refused whole, naming the line or element; then nothing is stored. A CSV
    /// whose layout Tijdig does not know is refused too: the bank screen asks for its columns
    /// instead ([`App::import_bank_statement_or_ask`]).
    pub fn import_bank_statement(
        &self,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<dto::BankImportResult, AppError> {
        match self.read_bank_statement(bytes)? {
            Reading::Statement(statement) => self.import_read(file_name, bytes, &statement),
            Reading::Columns { .. } => Err(AppError {
                code: ErrorCode::Validation,
                message: unknown_layout(self.lang()),
                fields: Vec::new(),
            }),
        }
    }

    /// Stores what [`App::read_bank_statement`] read from `bytes`.
    pub(super) fn import_read(
        &self,
        file_name: &str,
        bytes: &[u8],
        statement: &ParsedStatement,
    ) -> Result<dto::BankImportResult, AppError> {
        let now = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
        let today = self.today();
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::BankImportResult, StoreError> {
                let keys = entry_keys(&statement.entries);
                let incoming: Vec<(usize, &String)> = statement
                    .entries
                    .iter()
                    .zip(&keys)
                    .enumerate()
                    .filter(|(_, (e, _))| e.amount > Decimal::ZERO && !e.reversal)
                    .map(|(i, (_, k))| (i, k))
                    .collect();
                let incoming_keys: Vec<String> = incoming.iter().map(|(_, k)| (*k).clone()).collect();
                let known = store.known_entry_keys(&incoming_keys)?;
                let (mut book, ladder) = match_book_with_claims(store, today)?;
                let table = crate::services::claim::rate_table(store)?;
                let by_id: HashMap<i64, &LadderInvoice> = ladder.invoices.iter().map(|i| (i.record.id, i)).collect();
                // Payments booked by this import so far, per invoice.
                let mut booked_here: HashMap<i64, Vec<PaymentRecord>> = HashMap::new();
                // A part fits when it is no more than the invoice's whole claim on the booking
                // day, after what was booked before (also earlier in this file).
                // Each fitting part comes back with its dossier line: how art. 6:44 applied it.
                let mut fits = |parts: &[(i64, Decimal)], on: chrono::NaiveDate| -> Option<Vec<NewDossierEntry>> {
                    let mut entries = Vec::new();
                    for (id, part) in parts {
                        let inv = by_id.get(id)?;
                        let client_id = inv.record.draft.client_id;
                        let client = ladder.clients.get(&client_id)?;
                        let mut payments = inv.payments.clone();
                        payments.extend(booked_here.get(id).cloned().unwrap_or_default());
                        let basis = ClaimBasis { payments: &payments, ..inv.basis(client) };
                        let receipt = receive(&table, &basis, on, *part, today).ok()?;
                        entries.push(receipt_entry(client_id, *id, &inv.number, on, &receipt, now.clone(), lang));
                    }
                    for (id, part) in parts {
                        booked_here.entry(*id).or_default().push(received(*id, on, *part));
                    }
                    Some(entries)
                };
                let mut rows = Vec::new();
                let mut claimed_manual: std::collections::HashSet<i64> = std::collections::HashSet::new();
                let (mut booked, mut proposed, mut unmatched) = (0u32, 0u32, 0u32);
                let mut booked_amount = Decimal::ZERO;
                for (i, key) in &incoming {
                    if known.contains(*key) {
                        continue;
                    }
                    let e = &statement.entries[*i];
                    let mut row = NewBankTransaction {
                        entry_key: (*key).clone(),
                        account: e.account.clone(),
                        booked_on: e.booked_on,
                        amount: e.amount,
                        counterparty_iban: e.counterparty_iban.clone(),
                        counterparty_name: e.counterparty_name.clone(),
                        description: e.description.clone(),
                        reference: e.structured_reference.clone(),
                        state: BankState::Unmatched,
                        rule: None,
                        invoice_id: None,
                        arrangement_id: None,
                        hint_invoice_id: None,
                        same_as_payment: None,
                        payments: Vec::new(),
                        dossier: Vec::new(),
                    };
                    let outcome = book.match_entry(e);
                    // The payment the user already registered by hand (same invoice and amount,
                    // within 14 days, not from the bank): proposed, never booked a second time.
                    let candidate = match &outcome {
                        Outcome::Booked { parts, .. } => match parts.as_slice() {
                            [(invoice_id, part)] => Some((*invoice_id, *part)),
                            _ => None,
                        },
                        Outcome::Unmatched { already_paid: Some(invoice_id) } => Some((*invoice_id, e.amount)),
                        _ => None,
                    };
                    if let Some((invoice_id, part)) = candidate {
                        let payments = match by_id.get(&invoice_id) {
                            Some(inv) => inv.payments.clone(),
                            None => store.payments(invoice_id)?,
                        };
                        let manual = payments.iter().find(|p| {
                            p.bank_transaction_id.is_none()
                                && p.amount == part
                                && (p.paid_on - e.booked_on).num_days().abs() <= SAME_PAYMENT_DAYS
                                && !claimed_manual.contains(&p.id)
                        });
                        if let Some(manual) = manual {
                            claimed_manual.insert(manual.id);
                            row.state = BankState::Proposed;
                            row.rule = Some("manual_payment".into());
                            row.invoice_id = Some(invoice_id);
                            row.same_as_payment = Some(manual.id);
                            proposed += 1;
                            rows.push(row);
                            continue;
                        }
                    }
                    let fitted = match &outcome {
                        Outcome::Booked { parts, .. }
                            if e.booked_on <= today && parts.iter().all(|(_, a)| check_payment(*a, *a).is_ok()) =>
                        {
                            fits(parts, e.booked_on)
                        }
                        _ => None,
                    };
                    match outcome {
                        Outcome::Booked { rule, parts } if fitted.is_some() => {
                            row.dossier = fitted.unwrap_or_default();
                            row.state = BankState::Booked;
                            row.rule = Some(rule.code().into());
                            row.invoice_id = parts.first().map(|(id, _)| *id);
                            row.payments = parts;
                            booked += 1;
                            booked_amount += e.amount;
                        }
                        Outcome::Booked { rule, parts } => {
                            row.state = BankState::Proposed;
                            row.rule = Some(rule.code().into());
                            row.invoice_id = parts.first().map(|(id, _)| *id);
                            proposed += 1;
                        }
                        Outcome::Proposed { rule, target } => {
                            row.state = BankState::Proposed;
                            row.rule = Some(rule.code().into());
                            match target {
                                Target::Invoice(id) => row.invoice_id = Some(id),
                                Target::Arrangement(id) => row.arrangement_id = Some(id),
                            }
                            proposed += 1;
                        }
                        Outcome::Unmatched { already_paid } => {
                            row.hint_invoice_id = already_paid;
                            unmatched += 1;
                        }
                        Outcome::NotIncoming => continue,
                    }
                    rows.push(row);
                }
                let sha = sha256_hex(bytes);
                let import = NewBankImport {
                    file_name: file_name.chars().take(200).collect(),
                    file_sha256: sha,
                    format: statement.format.code().into(),
                    imported_at: now.clone(),
                    accounts: statement.accounts.join(", "),
                    entries: u32::try_from(statement.entries.len()).unwrap_or(u32::MAX),
                };
                store.import_bank_statement(&import, &rows)?;
                let own_iban = store.profile()?.and_then(|p| p.iban).map(|i| i.replace(' ', "").to_ascii_uppercase());
                let warning = match own_iban {
                    Some(iban) if !statement.accounts.is_empty() && !statement.accounts.contains(&iban) => Some(match lang {
                        Language::Nl => format!("Let op: dit afschrift is van rekening {}, niet van de rekening in uw bedrijfsgegevens ({iban}).", statement.accounts.join(", ")),
                        Language::En => format!("Note: this statement is for account {}, not the account in your business details ({iban}).", statement.accounts.join(", ")),
                    }),
                    _ => None,
                };
                let duplicates = u32::try_from(known.len()).unwrap_or(u32::MAX);
                let skipped = u32::try_from(statement.entries.len() - incoming.len()).unwrap_or(u32::MAX);
                let summary = summary(lang, booked, booked_amount, proposed, unmatched, duplicates);
                Ok(dto::BankImportResult {
                    file_name: file_name.into(),
                    format: statement.format.label(),
                    accounts: statement.accounts.clone(),
                    entries: import.entries,
                    duplicates,
                    booked,
                    booked_amount: booked_amount.to_string(),
                    proposed,
                    unmatched,
                    skipped,
                    warning,
                    summary,
                })
            };
            run(store).map_err(|e| match e {
                StoreError::AlreadyDone => AppError {
                    code: ErrorCode::Conflict,
                    message: match lang {
                        Language::Nl => "Een deel van dit afschrift werd net al ingelezen. Er is niets dubbel geboekt; lees het bestand opnieuw in voor de rest.".into(),
                        Language::En => "Part of this statement was imported just now. Nothing was booked twice; import the file again for the rest.".into(),
                    },
                    fields: Vec::new(),
                },
                other => AppError::from_store(other, lang),
            })
        })
    }
}

fn summary(
    lang: Language,
    booked: u32,
    amount: Decimal,
    proposed: u32,
    unmatched: u32,
    duplicates: u32,
) -> String {
    let money = format_eur(amount, lang);
    match lang {
        Language::Nl => {
            let mut s = format!(
                "{} geboekt ({money}), {} om te bevestigen, {unmatched} niet gekoppeld.",
                counted(booked, "betaling", "betalingen"),
                counted(proposed, "voorstel", "voorstellen"),
            );
            if duplicates > 0 {
                s.push_str(&format!(
                    " {} al eerder ingelezen en {} overgeslagen.",
                    counted(duplicates, "bijschrijving was", "bijschrijvingen waren"),
                    agree(duplicates, "is", "zijn"),
                ));
            }
            s
        }
        Language::En => {
            let mut s = format!(
                "{} booked ({money}), {} to confirm, {unmatched} not matched.",
                counted(booked, "payment", "payments"),
                counted(proposed, "proposal", "proposals"),
            );
            if duplicates > 0 {
                s.push_str(&format!(
                    " {} imported before and {} skipped.",
                    counted(
                        duplicates,
                        "incoming entry had been",
                        "incoming entries had been"
                    ),
                    agree(duplicates, "was", "were"),
                ));
            }
            s
        }
    }
}

/// Everything open, as the matcher needs it: open and paid invoices with their numbers and
/// references, running arrangements with their instalment references, clients with their
/// names and accounts.
pub(crate) fn match_book(store: &Store, today: chrono::NaiveDate) -> Result<MatchBook, StoreError> {
    Ok(match_book_with_claims(store, today)?.0)
}

/// [`match_book`] and the ladder it read, whose claims bound what may be booked on a day.
pub(crate) fn match_book_with_claims(
    store: &Store,
    today: chrono::NaiveDate,
) -> Result<(MatchBook, Ladder), StoreError> {
    let keys = store.invoice_keys()?;
    let ladder = crate::services::ladder::load(store, today, None)?;
    let arrangements = crate::services::arrangement_state::active_arrangements(store, today)?;
    let mut under: HashMap<i64, i64> = HashMap::new();
    let mut instalments = Vec::new();
    for a in &arrangements {
        for invoice in &a.invoice_ids {
            under.insert(*invoice, a.id);
        }
        for i in &a.instalments {
            instalments.push(InstalmentReference {
                arrangement_id: a.id,
                client_id: a.client_id,
                reference: i.payment_reference.clone(),
            });
        }
    }
    let mut open = Vec::new();
    let mut open_ids = std::collections::HashSet::new();
    for inv in &ladder.invoices {
        let r = &inv.record;
        let Some(k) = keys.get(&r.id) else { continue };
        // What may be paid is the whole claim: principal, interest and costs.
        let left = inv.claim.total_open();
        if left > Decimal::ZERO {
            open_ids.insert(r.id);
            open.push(OpenInvoice {
                id: r.id,
                number: k.number.clone(),
                reference: k.reference.clone(),
                client_id: r.draft.client_id,
                invoice_date: r.draft.invoice_date,
                open: left,
                arrangement_id: under.get(&r.id).copied(),
            });
        }
    }
    // Every other issued invoice has nothing open: the ladder read only those that can.
    let mut settled: Vec<PaidInvoice> = keys
        .iter()
        .filter(|(id, _)| !open_ids.contains(*id))
        .map(|(id, k)| PaidInvoice {
            id: *id,
            number: k.number.clone(),
            reference: k.reference.clone(),
        })
        .collect();
    settled.sort_by_key(|p| p.id);
    let mut ibans: HashMap<i64, Vec<String>> = HashMap::new();
    for (client, iban) in store.client_accounts()? {
        ibans.entry(client).or_default().push(iban);
    }
    let clients: Vec<KnownClient> = store
        .client_labels()?
        .into_iter()
        .map(|(id, name, _)| KnownClient {
            id,
            name,
            ibans: ibans.remove(&id).unwrap_or_default(),
        })
        .collect();
    Ok((
        MatchBook::new(open, &settled, &instalments, &clients),
        ladder,
    ))
}
