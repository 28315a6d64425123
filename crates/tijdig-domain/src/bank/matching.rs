//! Matching bank entries to what clients owe (koppelen), in the order the issue fixes:
//! 1. a payment reference — RF (ISO 11649) or the 16-digit betalingskenmerk — that is on an
//!    open invoice or instalment, checked with its check digits;
//! 2. an invoice number in the remittance text;
//! 3. the amount plus the counterparty's IBAN or name against a client's open invoices.
//!
//! Only 1 and 2 are certain enough to book without asking (and only when the amount does not
//! exceed what is open); everything else is a proposal the user confirms with one click. Money
//! for an invoice under a payment arrangement is always proposed for the arrangement, because
//! it must be split over costs, interest and principal there (art. 6:44 BW). The book tracks
//! what each booking leaves open, so two entries in one file cannot together overpay.

use super::text::{known_references, name_key, number_tokens};
use super::BankEntry;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// An issued invoice with something still open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenInvoice {
    pub id: i64,
    pub number: String,
    /// The payment reference printed on it (compact, upper case).
    pub reference: String,
    pub client_id: i64,
    pub invoice_date: NaiveDate,
    pub open: Decimal,
    /// The running payment arrangement it is part of, if any.
    pub arrangement_id: Option<i64>,
}

/// An invoice that is paid: a payment for it is not booked again, but said so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaidInvoice {
    pub id: i64,
    pub number: String,
    pub reference: String,
}

/// The payment reference of an instalment of a running arrangement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalmentReference {
    pub arrangement_id: i64,
    pub client_id: i64,
    pub reference: String,
}

/// A client as the matcher knows it: its name and the accounts it pays from (the IBAN on the
/// client card and IBANs confirmed earlier).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownClient {
    pub id: i64,
    pub name: String,
    pub ibans: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchRule {
    Reference,
    InvoiceNumber,
    AmountAndAccount,
    AmountAndName,
    /// The account is a client's, but no open amount equals the payment.
    Account,
}

impl MatchRule {
    pub fn code(self) -> &'static str {
        match self {
            MatchRule::Reference => "reference",
            MatchRule::InvoiceNumber => "invoice_number",
            MatchRule::AmountAndAccount => "amount_account",
            MatchRule::AmountAndName => "amount_name",
            MatchRule::Account => "account",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Invoice(i64),
    Arrangement(i64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Certain: register these payments (invoice, amount).
    Booked {
        rule: MatchRule,
        parts: Vec<(i64, Decimal)>,
    },
    /// Probably this; the user confirms.
    Proposed { rule: MatchRule, target: Target },
    /// Nothing found; `already_paid` names a paid invoice the text refers to.
    Unmatched { already_paid: Option<i64> },
    /// Money out, or a reversal: not a client's payment.
    NotIncoming,
}

/// Everything open, indexed for matching thousands of entries quickly.
#[derive(Debug, Default)]
pub struct MatchBook {
    invoices: Vec<OpenInvoice>,
    by_reference: HashMap<String, usize>,
    by_number: HashMap<String, usize>,
    by_client: HashMap<i64, Vec<usize>>,
    instalments: HashMap<String, i64>,
    arrangements_by_client: HashMap<i64, Vec<i64>>,
    paid: HashMap<String, i64>,
    clients_by_iban: HashMap<String, Vec<i64>>,
    clients_by_name: HashMap<String, Vec<i64>>,
}

impl MatchBook {
    pub fn new(
        mut invoices: Vec<OpenInvoice>,
        paid: &[PaidInvoice],
        instalments: &[InstalmentReference],
        clients: &[KnownClient],
    ) -> MatchBook {
        invoices.sort_by_key(|i| (i.invoice_date, i.id));
        let mut book = MatchBook::default();
        for (idx, inv) in invoices.iter().enumerate() {
            book.by_reference.insert(compact(&inv.reference), idx);
            let number = inv.number.to_ascii_uppercase();
            let bare: String = number.chars().filter(char::is_ascii_alphanumeric).collect();
            book.by_number.insert(number, idx);
            book.by_number.entry(bare).or_insert(idx);
            book.by_client.entry(inv.client_id).or_default().push(idx);
        }
        for p in paid {
            book.paid.insert(compact(&p.reference), p.id);
            book.paid.insert(p.number.to_ascii_uppercase(), p.id);
        }
        for i in instalments {
            book.instalments
                .insert(compact(&i.reference), i.arrangement_id);
            let list = book.arrangements_by_client.entry(i.client_id).or_default();
            if !list.contains(&i.arrangement_id) {
                list.push(i.arrangement_id);
            }
        }
        for c in clients {
            for iban in &c.ibans {
                book.clients_by_iban
                    .entry(compact(iban))
                    .or_default()
                    .push(c.id);
            }
            let key = name_key(&c.name);
            if key.len() >= 4 {
                book.clients_by_name.entry(key).or_default().push(c.id);
            }
        }
        book.invoices = invoices;
        book
    }

    /// The open invoices, oldest first, with what is still open after earlier bookings.
    pub fn open_invoices(&self) -> &[OpenInvoice] {
        &self.invoices
    }

    /// What is still open on an invoice in this book (after earlier bookings).
    pub fn open(&self, invoice_id: i64) -> Option<Decimal> {
        self.invoices
            .iter()
            .find(|i| i.id == invoice_id)
            .map(|i| i.open)
    }

    /// Matches one entry and, when it is booked, lowers what is open.
    pub fn match_entry(&mut self, e: &BankEntry) -> Outcome {
        if e.amount <= Decimal::ZERO || e.reversal {
            return Outcome::NotIncoming;
        }
        let amount = e.amount;
        let mut already_paid = None;
        // 1. Payment reference.
        let mut text = e.search_text.clone();
        if let Some(r) = &e.structured_reference {
            text.push(' ');
            text.push_str(r);
        }
        let refs = known_references(&text, |r| {
            self.by_reference.contains_key(r)
                || self.instalments.contains_key(r)
                || self.paid.contains_key(r)
        });
        for r in &refs {
            if let Some(&idx) = self.by_reference.get(r) {
                if let Some(outcome) = self.book_one(idx, amount, MatchRule::Reference) {
                    return outcome;
                }
                // Paid in full earlier in this file.
                already_paid = already_paid.or(Some(self.invoices[idx].id));
            } else if let Some(&a) = self.instalments.get(r) {
                return Outcome::Proposed {
                    rule: MatchRule::Reference,
                    target: Target::Arrangement(a),
                };
            } else if let Some(&p) = self.paid.get(r) {
                already_paid = Some(p);
            }
        }
        // 2. Invoice numbers in the text.
        let mut found: Vec<usize> = Vec::new();
        let mut tokens = number_tokens(&e.description);
        tokens.extend(number_tokens(&e.search_text));
        for t in &tokens {
            if let Some(&idx) = self.by_number.get(t) {
                if self.invoices[idx].open <= Decimal::ZERO {
                    already_paid = already_paid.or(Some(self.invoices[idx].id));
                } else if !found.contains(&idx) {
                    found.push(idx);
                }
            } else if let Some(&p) = self.paid.get(t) {
                already_paid = already_paid.or(Some(p));
            }
        }
        found.sort_unstable();
        match found.as_slice() {
            [] => {}
            [idx] => {
                if let Some(outcome) = self.book_one(*idx, amount, MatchRule::InvoiceNumber) {
                    return outcome;
                }
            }
            several => {
                let free: Vec<usize> = several
                    .iter()
                    .copied()
                    .filter(|i| self.invoices[*i].arrangement_id.is_none())
                    .collect();
                let sum: Decimal = free.iter().map(|i| self.invoices[*i].open).sum();
                if free.len() == several.len() && sum == amount {
                    let parts = free
                        .iter()
                        .map(|i| {
                            let inv = &mut self.invoices[*i];
                            let part = inv.open;
                            inv.open = Decimal::ZERO;
                            (inv.id, part)
                        })
                        .collect();
                    return Outcome::Booked {
                        rule: MatchRule::InvoiceNumber,
                        parts,
                    };
                }
                let first = &self.invoices[several[0]];
                let target = first
                    .arrangement_id
                    .map_or(Target::Invoice(first.id), Target::Arrangement);
                return Outcome::Proposed {
                    rule: MatchRule::InvoiceNumber,
                    target,
                };
            }
        }
        // 3. Amount + account or name.
        let by_iban = e
            .counterparty_iban
            .as_ref()
            .and_then(|i| self.clients_by_iban.get(&compact(i)))
            .cloned();
        let (clients, rule) = match by_iban {
            Some(c) => (c, MatchRule::AmountAndAccount),
            None => {
                let by_name = e
                    .counterparty_name
                    .as_ref()
                    .map(|n| name_key(n))
                    .and_then(|k| self.clients_by_name.get(&k))
                    .cloned();
                match by_name {
                    Some(c) => (c, MatchRule::AmountAndName),
                    None => return Outcome::Unmatched { already_paid },
                }
            }
        };
        let candidates: Vec<usize> = clients
            .iter()
            .flat_map(|c| self.by_client.get(c).cloned().unwrap_or_default())
            .filter(|i| {
                self.invoices[*i].open > Decimal::ZERO && self.invoices[*i].arrangement_id.is_none()
            })
            .collect();
        if let Some(idx) = candidates
            .iter()
            .find(|i| self.invoices[**i].open == amount)
        {
            return Outcome::Proposed {
                rule,
                target: Target::Invoice(self.invoices[*idx].id),
            };
        }
        // A different amount from the client's own account: its only open invoice, if any. (Not
        // on a name alone: names are too often alike.)
        if let ([only], MatchRule::AmountAndAccount) = (candidates.as_slice(), rule) {
            return Outcome::Proposed {
                rule: MatchRule::Account,
                target: Target::Invoice(self.invoices[*only].id),
            };
        }
        let arrangements: Vec<i64> = clients
            .iter()
            .flat_map(|c| {
                self.arrangements_by_client
                    .get(c)
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        if let ([only], MatchRule::AmountAndAccount) = (arrangements.as_slice(), rule) {
            return Outcome::Proposed {
                rule: MatchRule::Account,
                target: Target::Arrangement(*only),
            };
        }
        Outcome::Unmatched { already_paid }
    }

    /// Books `amount` on one invoice when that is certain; `None` when the invoice has nothing
    /// open any more (paid earlier in this file), so the next rule may try.
    fn book_one(&mut self, idx: usize, amount: Decimal, rule: MatchRule) -> Option<Outcome> {
        let inv = &mut self.invoices[idx];
        if let Some(a) = inv.arrangement_id {
            return Some(Outcome::Proposed {
                rule,
                target: Target::Arrangement(a),
            });
        }
        if inv.open <= Decimal::ZERO {
            return None;
        }
        if amount <= inv.open {
            inv.open -= amount;
            return Some(Outcome::Booked {
                rule,
                parts: vec![(inv.id, amount)],
            });
        }
        // More than is open: the user decides (a double payment, or two invoices at once).
        Some(Outcome::Proposed {
            rule,
            target: Target::Invoice(inv.id),
        })
    }
}

fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}
