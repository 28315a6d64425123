//! The ladder of every open invoice: facts read from the store in a few queries, the next
//! step planned by the domain; and the days on which no client is contacted.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;
use tijdig_domain::follow_up::{next_step, FollowUpFacts, FollowUpPolicy, NextStep};
use tijdig_domain::invoice::{self as rules, InvoiceKind};
use tijdig_domain::late_payment_terms::AcceptedTerms;
use tijdig_domain::{is_public_holiday, Client, Language};
use tijdig_store::{
    FollowUpState, InvoiceRecord, InvoiceSet, PaymentRecord, SentLetter, SettledClaim,
    SettledStatus, Store, StoreError,
};

use crate::services::arrangement_state::active_invoice_ids;
use crate::services::claim::{
    accepted_terms, compute_claim, default_start, fourteen_day_letter, rate_table,
    staffel_stipulated, ClaimBasis, ClaimInvoice, InvoiceClaim,
};

/// One issued invoice with what the ladder needs.
#[derive(Clone)]
pub(crate) struct LadderInvoice {
    pub record: InvoiceRecord,
    pub number: String,
    pub due_date: NaiveDate,
    pub credited: Decimal,
    pub payments: Vec<PaymentRecord>,
    pub letters: Vec<SentLetter>,
    pub waivers: Vec<(NaiveDate, Decimal)>,
    pub arranged: bool,
    pub staffel_stipulated: bool,
    pub terms: Option<AcceptedTerms>,
    pub client_fourteen_day_letters: Vec<(i64, NaiveDate)>,
    /// The claim on the ladder's day: what is open and how it splits.
    pub claim: InvoiceClaim,
    pub next: NextStep,
}

impl LadderInvoice {
    /// What decides this invoice's claim, for a computation on another day.
    pub(crate) fn basis<'a>(&'a self, client: &'a Client) -> ClaimBasis<'a> {
        ClaimBasis {
            client,
            invoice: ClaimInvoice::of(&self.record),
            credited: self.credited,
            payments: &self.payments,
            letters: &self.letters,
            waivers: &self.waivers,
            arranged: self.arranged,
            staffel_stipulated: self.staffel_stipulated,
            terms: self.terms,
            client_fourteen_day_letters: &self.client_fourteen_day_letters,
        }
    }
}

/// Every issued, non-credit invoice of every (or one) client, with its next step on `today`.
pub(crate) struct Ladder {
    pub clients: HashMap<i64, Client>,
    pub invoices: Vec<LadderInvoice>,
    pub state: FollowUpState,
}

pub(crate) fn policy_for(state: &FollowUpState, client_id: i64) -> FollowUpPolicy {
    state
        .client_policies
        .get(&client_id)
        .or(state.default_policy.as_ref())
        .cloned()
        .unwrap_or_default()
}

/// Loads the ladder of every invoice that can have something open on `today` (those not
/// remembered as settled, [`remember_settled`]), or of every invoice of `only_client`.
pub(crate) fn load(
    store: &Store,
    today: NaiveDate,
    only_client: Option<i64>,
) -> Result<Ladder, StoreError> {
    let set = match only_client {
        Some(client) => InvoiceSet::Client(client),
        None => InvoiceSet::Unsettled {
            on: today,
            client: None,
        },
    };
    load_set(store, today, &set)
}

/// Loads the ladder of the issued invoices (not credit notes) of `set`: each table read once
/// for the whole set, never a PDF, never a query per invoice.
pub(crate) fn load_set(
    store: &Store,
    today: NaiveDate,
    set: &InvoiceSet,
) -> Result<Ladder, StoreError> {
    // The invoices that can have something open, found once and then read by id.
    let set = &match set {
        InvoiceSet::Unsettled { on, client } => InvoiceSet::Ids(store.unsettled_ids(*on, *client)?),
        other => other.clone(),
    };
    let state = store.follow_up_state()?;
    let in_arrangement = active_invoice_ids(store, today)?;
    let records = store.invoice_set(set)?;
    let table = rate_table(store)?;
    let mut payments = store.payments_of_set(set)?;
    let credited = store.credited_of_set(set)?;
    let mut waivers = store.waivers_of_set(set)?;
    let arranged = store.arranged_invoice_ids()?;
    let only_client = match set {
        InvoiceSet::Client(id) => Some(*id),
        _ => None,
    };
    let stipulated_since = store.late_payment_terms_accepted(only_client)?;
    let accepted = store.accepted_versions(only_client)?;
    let mut client_ids: Vec<i64> = records.iter().map(|r| r.draft.client_id).collect();
    client_ids.sort_unstable();
    client_ids.dedup();
    let clients = store.clients_in(&client_ids)?;
    let mut invoices = Vec::new();
    for record in records {
        let Some(issued) = record.issued.as_ref() else {
            continue;
        };
        if record.draft.kind == InvoiceKind::CreditNote {
            continue;
        }
        let client_id = record.draft.client_id;
        let Some(client) = clients.get(&client_id) else {
            return Err(StoreError::NotFound);
        };
        let payments = payments.remove(&record.id).unwrap_or_default();
        let credited = credited.get(&record.id).copied().unwrap_or_default();
        let letters = state.letters.get(&record.id).cloned().unwrap_or_default();
        let invoice_waivers = waivers.remove(&record.id).unwrap_or_default();
        let is_arranged = arranged.contains(&record.id);
        let client_fourteen_day_letters = state
            .fourteen_day_letters
            .get(&client_id)
            .cloned()
            .unwrap_or_default();
        let terms = accepted_terms(
            client,
            record.draft.invoice_date,
            accepted.get(&client_id).map(Vec::as_slice),
        );
        let stipulated = staffel_stipulated(
            client,
            record.draft.invoice_date,
            stipulated_since.get(&client_id).copied(),
            terms,
        );
        let claim = compute_claim(
            &table,
            &ClaimBasis {
                client,
                invoice: ClaimInvoice::of(&record),
                credited,
                payments: &payments,
                letters: &letters,
                waivers: &invoice_waivers,
                arranged: is_arranged,
                staffel_stipulated: stipulated,
                terms,
                client_fourteen_day_letters: &client_fourteen_day_letters,
            },
            today,
        );
        let due_date = rules::due_date(record.draft.invoice_date, record.draft.payment_term_days);
        let start = default_start(client, &ClaimInvoice::of(&record), &letters);
        let costs_due_from = fourteen_day_letter(&letters, start.as_ref())
            .map(|l| tijdig_domain::dates::fourteen_day_term_end(l.delivered()))
            .and_then(|end| end.succ_opt());
        let facts = FollowUpFacts {
            client: client.kind,
            due_date,
            // Open while anything of the claim is: interest and costs stay on the ladder.
            open: claim.total_open() > Decimal::ZERO,
            disputed: state.disputed.contains_key(&record.id),
            in_arrangement: in_arrangement.contains(&record.id),
            default_start: start.map(|s| s.date),
            done: state.done.get(&record.id).cloned().unwrap_or_default(),
            costs_due_from,
            promised_on: state.promised.get(&record.id).copied(),
            last_contact_on: state.last_contact.get(&client_id).copied(),
            today,
        };
        let policy = policy_for(&state, client_id).for_client(
            client.preferred_channel,
            client
                .email
                .as_deref()
                .is_some_and(|e| !e.trim().is_empty()),
        );
        let next = next_step(&policy, &facts);
        invoices.push(LadderInvoice {
            number: issued.number.clone(),
            record,
            due_date,
            credited,
            payments,
            letters,
            waivers: invoice_waivers,
            arranged: is_arranged,
            staffel_stipulated: stipulated,
            terms,
            client_fourteen_day_letters,
            claim,
            next,
        });
    }
    Ok(Ladder {
        clients,
        invoices,
        state,
    })
}

/// Remembers the invoices of `ladder` whose whole claim is settled on `day` (nothing open,
/// no rate missing), so that later lists and Vandaag need not compute them again: settled
/// stays settled on every later day until a fact changes, and every change to a fact deletes
/// the remembered answer (migration 0016).
///
/// The day remembered is the earliest the engine vouches for, and never before any of the
/// claim's dated facts: its last fact's day ([`last_fact_day`]) when the claim computed on
/// that day is settled too, else `day` (or that last fact, when it lies after `day`). So the
/// dashboard, which also asks for the figure of 30 days ago, needs no ledger for a claim
/// settled long before, and leaves out altogether an invoice settled before every window it
/// looks at (`Store::receivables_and_payments`).
pub(crate) fn remember_settled(
    store: &mut Store,
    ladder: &Ladder,
    day: NaiveDate,
) -> Result<(), StoreError> {
    let settled_now = |inv: &&LadderInvoice| {
        inv.claim.problem.is_none() && inv.claim.total_open() <= Decimal::ZERO
    };
    if !ladder.invoices.iter().any(|inv| settled_now(&inv)) {
        return Ok(());
    }
    let table = rate_table(store)?;
    let settled: Vec<SettledClaim> = ladder
        .invoices
        .iter()
        .filter(settled_now)
        .filter_map(|inv| {
            let status = match inv.claim.status(&inv.record, day) {
                rules::InvoiceStatus::Paid => SettledStatus::Paid,
                rules::InvoiceStatus::Credited => SettledStatus::Credited,
                _ => return None,
            };
            let client = ladder.clients.get(&inv.record.draft.client_id)?;
            let basis = inv.basis(client);
            let last = last_fact_day(&basis);
            let settled_then = || {
                let then = compute_claim(&table, &basis, last);
                then.problem.is_none() && then.total_open() <= Decimal::ZERO
            };
            // Never before a fact: a dated fact after `day` (a payment booked ahead) is
            // waited for, as settled on `day` stays settled on every later day.
            let since = if last < day && settled_then() {
                last
            } else {
                day.max(last)
            };
            Some(SettledClaim {
                invoice_id: inv.record.id,
                on: since,
                status,
            })
        })
        .collect();
    store.remember_settled(&settled)
}

/// The last day on which anything dated that decides a claim happened: the invoice date, a
/// payment, a kwijtschelding, a letter sent or delivered, and, for a consumer, a 14-dagenbrief
/// about another invoice (the cumulatieregeling, the only rule that reads those, applies to
/// consumers only).
fn last_fact_day(basis: &ClaimBasis<'_>) -> NaiveDate {
    let consumer = basis.client.kind == tijdig_domain::ClientKind::Consumer;
    std::iter::once(basis.invoice.invoice_date)
        .chain(basis.payments.iter().map(|p| p.paid_on))
        .chain(basis.waivers.iter().map(|(on, _)| *on))
        .chain(
            basis
                .letters
                .iter()
                .flat_map(|l| std::iter::once(l.sent_on).chain(l.delivered_on)),
        )
        .chain(
            basis
                .client_fourteen_day_letters
                .iter()
                .filter(|_| consumer)
                .map(|(_, on)| *on),
        )
        .max()
        .unwrap_or(basis.invoice.invoice_date)
}

/// On a Sunday or feestdag Tijdig plans no contact with clients: what it says about today.
pub(crate) fn no_contact_day(today: NaiveDate, lang: Language) -> Option<String> {
    let sunday = chrono::Datelike::weekday(&today) == chrono::Weekday::Sun;
    if !sunday && !is_public_holiday(today) {
        return None;
    }
    Some(match lang {
        Language::Nl => "Vandaag is een zondag of feestdag: Tijdig plant dan geen contact met klanten. Wat vandaag zou vallen, staat morgen klaar.".into(),
        Language::En => "Today is a Sunday or public holiday: Tijdig plans no contact with clients. What would fall today is ready tomorrow.".into(),
    })
}
