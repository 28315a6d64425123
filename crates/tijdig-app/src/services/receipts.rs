//! Ontvangsten: booking money on an invoice up to its whole claim (reference README "The
//! claim": the user can register a receipt up to the claim on its day; more is refused, naming
//! the maximum) and the dossier line that says how art. 6:44 BW applied it. Shared by the
//! payment dialog and the bank statement.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::follow_up::DossierKind;
use tijdig_domain::interest::RateTable;
use tijdig_domain::invoice::check_payment;
use tijdig_domain::money::format_eur;
use tijdig_domain::{Issue, Language};
use tijdig_store::NewDossierEntry;

use crate::plumbing::format::show_date;
use crate::services::claim::{compute_claim, payment_maximum, received, ClaimBasis};

/// How one payment is applied (art. 6:44 BW) and what is open after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Receipt {
    pub amount: Decimal,
    pub to_costs: Decimal,
    pub to_interest: Decimal,
    pub to_principal: Decimal,
    /// The whole claim open after it, on the later of its day and `today`.
    pub open_after: Decimal,
}

/// A payment's day: not after today (money cannot be booked before it arrived).
pub(crate) fn payment_day(day: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Issue> {
    if day > today {
        Err(Issue::PaymentInFuture { today })
    } else {
        Ok(day)
    }
}

/// Checks `amount` on `paid_on` against the claim of `basis` (whose payments are those booked
/// before) and tells how it would be applied. Errors are the form's: not positive, more than
/// two decimals, after today, more than the claim that day.
pub(crate) fn receive(
    table: &RateTable,
    basis: &ClaimBasis<'_>,
    paid_on: NaiveDate,
    amount: Decimal,
    today: NaiveDate,
) -> Result<Receipt, Issue> {
    let paid_on = payment_day(paid_on, today)?;
    check_payment(amount, payment_maximum(table, basis, paid_on))?;
    Ok(applied(table, basis, paid_on, amount, today))
}

/// Books what it can of `offered` on `paid_on`: up to the whole claim that day (a bank entry
/// for more leaves the rest with the client: a double payment, or money for another invoice).
pub(crate) fn receive_up_to(
    table: &RateTable,
    basis: &ClaimBasis<'_>,
    paid_on: NaiveDate,
    offered: Decimal,
    today: NaiveDate,
) -> Result<Receipt, Issue> {
    let paid_on = paid_on.min(today);
    let maximum = payment_maximum(table, basis, paid_on);
    let amount = offered.min(maximum);
    check_payment(amount, maximum)?;
    Ok(applied(table, basis, paid_on, amount, today))
}

/// How the ledger applies `amount` on `paid_on` after the payments of `basis`.
fn applied(
    table: &RateTable,
    basis: &ClaimBasis<'_>,
    paid_on: NaiveDate,
    amount: Decimal,
    today: NaiveDate,
) -> Receipt {
    let mut payments = basis.payments.to_vec();
    payments.push(received(basis.invoice.id, paid_on, amount));
    let after = compute_claim(
        table,
        &ClaimBasis {
            payments: &payments,
            ..*basis
        },
        today.max(paid_on),
    );
    // The last payment of that day and amount is this one (events keep their order).
    let applied = after.interest.as_ref().and_then(|b| {
        b.payments
            .iter()
            .rev()
            .find(|p| p.on == paid_on && p.amount == amount)
    });
    Receipt {
        amount,
        to_costs: applied.map_or(Decimal::ZERO, |p| p.to_costs),
        to_interest: applied.map_or(Decimal::ZERO, |p| p.to_interest),
        to_principal: applied.map_or(amount, |p| p.to_principal),
        open_after: after.total_open(),
    }
}

/// The dossier line of a payment: its split and whether the claim is settled.
pub(crate) fn receipt_entry(
    client_id: i64,
    invoice_id: i64,
    number: &str,
    paid_on: NaiveDate,
    receipt: &Receipt,
    at: String,
    lang: Language,
) -> NewDossierEntry {
    let money = |d: Decimal| format_eur(d, lang);
    let mut parts = Vec::new();
    for (part, nl, en) in [
        (receipt.to_costs, "kosten", "costs"),
        (receipt.to_interest, "rente", "interest"),
        (receipt.to_principal, "hoofdsom", "principal"),
    ] {
        if part > Decimal::ZERO {
            parts.push(format!(
                "{} {}",
                money(part),
                if lang == Language::Nl { nl } else { en }
            ));
        }
    }
    let split = parts.join(", ");
    let note = match lang {
        Language::Nl => {
            let rest = if receipt.open_after > Decimal::ZERO {
                format!("Er staat nog {} open.", money(receipt.open_after))
            } else {
                "Daarmee is alles betaald: hoofdsom, rente en kosten.".into()
            };
            format!(
                "Betaling van {} op {} voor factuur {number}: {split}. {rest}",
                money(receipt.amount),
                show_date(paid_on)
            )
        }
        Language::En => {
            let rest = if receipt.open_after > Decimal::ZERO {
                format!("{} is still open.", money(receipt.open_after))
            } else {
                "Everything is paid: principal, interest and costs.".into()
            };
            format!(
                "Payment of {} on {} for invoice {number}: {split}. {rest}",
                money(receipt.amount),
                show_date(paid_on)
            )
        }
    };
    NewDossierEntry {
        client_id,
        at,
        kind: DossierKind::Payment,
        step: None,
        outcome: None,
        note: Some(note),
        promised_on: None,
        invoice_ids: vec![invoice_id],
        done_on: None,
    }
}
