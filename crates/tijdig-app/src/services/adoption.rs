//! The one-time adoption of the claim ledger on a database from before it (issue 17).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::invoice as rules;
use tijdig_store::{InvoiceSet, NewDossierEntry, NewWaiver, Store, StoreError};

use crate::services::claim::{compute_claim, rate_table};
use crate::services::ladder::load_set;

/// The setting that says the claim ledger was adopted on this database.
pub(crate) const ADOPTED: &str = "claim_ledger_adopted";

/// Once per database, on the first start of a version with the claim ledger: invoices whose
/// amount was paid in full before then were shown as "betaald" (payments went to the principal
/// only). Their interest and costs were never claimed, so Tijdig does not reopen them — and the
/// ladder does not start writing to clients about years-old invoices: what the ledger now finds
/// open on them is waived on the day of their last payment, each with a dossier entry that
/// says why. Later payments follow the ledger from the start. Every invoice is read in one
/// set and every waiver written in one transaction, so a lifetime of invoices adopts in
/// seconds.
impl crate::App {
    /// [`adopt_claim_ledger`] on this Tijdig's database (at open).
    pub(crate) fn adopt_claim_ledger(&self) -> Result<(), crate::AppError> {
        let today = chrono::Local::now().date_naive();
        self.with_store_at_open(|store| {
            adopt_claim_ledger(store, today)
                .map_err(|e| crate::AppError::from_store(e, tijdig_domain::Language::default()))
        })
    }
}

pub(crate) fn adopt_claim_ledger(store: &mut Store, today: NaiveDate) -> Result<(), StoreError> {
    if store.setting(ADOPTED)?.is_some() {
        return Ok(());
    }
    let at = chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string();
    let table = rate_table(store)?;
    let ladder = load_set(store, today, &InvoiceSet::All)?;
    let mut waivers = Vec::new();
    for inv in &ladder.invoices {
        let Some(client) = ladder.clients.get(&inv.record.draft.client_id) else {
            continue;
        };
        let Some(last) = inv.payments.iter().map(|p| p.paid_on).max() else {
            continue;
        };
        let claim = compute_claim(&table, &inv.basis(client), last);
        let rest = claim.total_open();
        // Only an invoice whose amount was paid in full, with something left by the ledger.
        if rules::outstanding(claim.total, claim.paid, claim.credited) > Decimal::ZERO
            || rest <= Decimal::ZERO
        {
            continue;
        }
        let note = format!(
            "Factuur {} was al betaald voordat Tijdig rente en kosten bijhield; wat daarvan openstond ({}) is bij de overstap kwijtgescholden, zodat de factuur betaald blijft.",
            inv.number,
            tijdig_domain::money::format_eur(rest, tijdig_domain::Language::Nl)
        );
        waivers.push((
            inv.record.id,
            NewWaiver {
                waived_on: last,
                amount: rest,
                interest: claim.interest_open,
                costs: claim.costs_open,
                reason: "Overstap".into(),
            },
            NewDossierEntry {
                client_id: inv.record.draft.client_id,
                at: at.clone(),
                kind: tijdig_domain::follow_up::DossierKind::Waiver,
                step: None,
                outcome: None,
                note: Some(note),
                promised_on: None,
                invoice_ids: vec![inv.record.id],
                done_on: None,
            },
        ));
    }
    store.record_waivers(&waivers)?;
    store.set_setting(ADOPTED, &at)
}
