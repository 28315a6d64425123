//! The state of payment arrangements (betalingsregelingen) that other parts of Tijdig ask
//! about: each arrangement's ledger on a day, which arrangements are running (their invoices'
//! ladder pauses, their payments are booked on the arrangement), and booking a payment on one.
//! The arrangement screens are `use_cases::arrangements`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashSet;
use tijdig_domain::arrangement::{ArrangementState, Ledger, RunningInterest};
use tijdig_domain::follow_up::DossierKind;
use tijdig_domain::interest::InterestKind;
use tijdig_domain::money::{format_eur, parse_amount};
use tijdig_domain::Language;
use tijdig_store::{ArrangementRecord, BankLink, NewDossierEntry, Store, StoreError};

use crate::plumbing::error::{refused, Failure};
use crate::plumbing::format::parse_date;
use crate::services::claim::open_amount;
use crate::services::claim::rate_table;
use crate::{dto, App, AppError, FieldMessage};

/// The ledger of a stored arrangement on `today`.
pub(crate) fn ledger(
    store: &Store,
    a: &ArrangementRecord,
    today: NaiveDate,
) -> Result<Ledger, StoreError> {
    let kind = InterestKind::for_client(store.client(a.client_id)?.client.kind);
    let table = rate_table(store)?;
    let instalments: Vec<_> = a.instalments.iter().map(|i| i.instalment).collect();
    let payments: Vec<(NaiveDate, Decimal)> =
        a.payments.iter().map(|p| (p.paid_on, p.amount)).collect();
    let running = a.interest_running.then(|| RunningInterest {
        table: &table,
        kind,
        from: a.start_date.succ_opt().unwrap_or(a.start_date),
    });
    Ok(Ledger::compute(
        &a.debt,
        a.costs_waived,
        &instalments,
        &payments,
        a.grace_days,
        today,
        running,
    ))
}

/// Invoices in an arrangement that is being honoured on `today`: their ladder pauses.
pub(crate) fn active_invoice_ids(
    store: &Store,
    today: NaiveDate,
) -> Result<HashSet<i64>, StoreError> {
    Ok(active_arrangements(store, today)?
        .into_iter()
        .flat_map(|a| a.invoice_ids)
        .collect())
}

/// The arrangements that are running today (not completed, not broken).
pub(crate) fn active_arrangements(
    store: &Store,
    today: NaiveDate,
) -> Result<Vec<tijdig_store::ArrangementRecord>, StoreError> {
    let mut out = Vec::new();
    for a in store.arrangements(None)? {
        let instalments: Vec<_> = a.instalments.iter().map(|i| i.instalment).collect();
        let payments: Vec<(NaiveDate, Decimal)> =
            a.payments.iter().map(|p| (p.paid_on, p.amount)).collect();
        let l = Ledger::compute(
            &a.debt,
            a.costs_waived,
            &instalments,
            &payments,
            a.grace_days,
            today,
            None,
        );
        if l.state == ArrangementState::Active {
            out.push(a);
        }
    }
    Ok(out)
}

pub(crate) fn instalment_label(number: u32, lang: Language) -> String {
    match (number, lang) {
        (0, Language::Nl) => "Aanbetaling".into(),
        (0, Language::En) => "Down payment".into(),
        (n, Language::Nl) => format!("Termijn {n}"),
        (n, Language::En) => format!("Instalment {n}"),
    }
}

impl App {
    /// Books a payment against arrangement `id` (never more than is owed now) and the part that
    /// pays principal on its invoices, oldest first, with its dossier entry — and the bank entry
    /// it came from, if any — in one transaction.
    pub(crate) fn book_arrangement_payment(
        &self,
        store: &mut Store,
        id: i64,
        form: &dto::ArrangementPaymentForm,
        bank: Option<BankLink<'_>>,
        lang: Language,
    ) -> Result<(), Failure> {
        let today = self.today();
        let a = store.arrangement(id)?;
        let mut fields = Vec::new();
        let paid_on = parse_date(&form.paid_on)
            .map_err(|i| {
                fields.push(FieldMessage {
                    field: "paidOn".into(),
                    code: i.code().into(),
                    message: i.message(lang),
                })
            })
            .ok();
        let amount_paid = parse_amount(&form.amount)
            .map_err(|i| {
                fields.push(FieldMessage {
                    field: "amount".into(),
                    code: i.code().into(),
                    message: i.message(lang),
                })
            })
            .ok();
        let (Some(paid_on), Some(amount_paid)) = (paid_on, amount_paid) else {
            let mut err = AppError::validation(&[], lang);
            err.fields = fields;
            return Err(Failure::App(err));
        };
        let before = ledger(store, &a, today)?;
        let owed = before.owed_now;
        if amount_paid <= Decimal::ZERO
            || amount_paid > owed
            || paid_on > today
            || paid_on < a.start_date
        {
            let message = match lang {
                    Language::Nl => format!("Vul een bedrag in tussen € 0,01 en wat nog openstaat ({}), op een datum vanaf de start van de regeling tot vandaag.", format_eur(owed, lang)),
                    Language::En => format!("Enter an amount between € 0.01 and what is still owed ({}), on a date from the start of the arrangement until today.", format_eur(owed, lang)),
                };
            return Err(refused(
                message.clone(),
                vec![FieldMessage {
                    field: "amount".into(),
                    code: "amount".into(),
                    message,
                }],
            ));
        }
        // Book on the invoices, oldest first, up to what each has open.
        let mut records = Vec::new();
        for invoice in &a.invoice_ids {
            records.push(store.invoice(*invoice)?);
        }
        records.sort_by_key(|r| (r.draft.invoice_date, r.id));
        // Only the part that pays principal is booked on the invoices (art. 6:44 BW:
        // costs, then interest, then principal — waived costs count only once broken).
        let counted = a.debt.counted(
            a.costs_waived,
            matches!(before.state, ArrangementState::Broken { .. }),
        );
        let principal_before =
            tijdig_domain::arrangement::allocate(&counted, before.paid_total).principal;
        let principal_after =
            tijdig_domain::arrangement::allocate(&counted, before.paid_total + amount_paid)
                .principal;
        let mut rest = principal_after - principal_before;
        let mut bookings = Vec::new();
        for r in &records {
            let open = open_amount(store, r, today)?;
            let part = rest.min(open);
            if part > Decimal::ZERO {
                bookings.push((r.id, part));
                rest -= part;
            }
        }
        let entry = NewDossierEntry {
            client_id: a.client_id,
            at: self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            kind: DossierKind::ArrangementPayment,
            step: None,
            outcome: None,
            note: Some(format!(
                "{} · {}",
                a.reference,
                format_eur(amount_paid, lang)
            )),
            promised_on: None,
            invoice_ids: bookings.iter().map(|(i, _)| *i).collect(),
            done_on: None,
        };
        let note = Some(form.note.trim()).filter(|n| !n.is_empty());
        store.add_arrangement_payment(id, paid_on, amount_paid, note, &bookings, &entry, bank)?;
        Ok(())
    }
}
