//! The ladder of every open invoice: facts read from the store in a few queries, the next
//! step planned by the domain; and the days on which no client is contacted.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;
use tijdig_domain::follow_up::{next_step, FollowUpFacts, FollowUpPolicy, NextStep};
use tijdig_domain::invoice::{self as rules, InvoiceKind};
use tijdig_domain::{is_public_holiday, Client, Language};
use tijdig_store::{FollowUpState, InvoiceRecord, PaymentRecord, SentLetter, Store, StoreError};

use crate::services::arrangement_state::active_invoice_ids;
use crate::services::claim::{
    compute_claim, default_start, fourteen_day_letter, rate_table, staffel_stipulated, ClaimBasis,
    InvoiceClaim,
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
            record: &self.record,
            credited: self.credited,
            payments: &self.payments,
            letters: &self.letters,
            waivers: &self.waivers,
            arranged: self.arranged,
            staffel_stipulated: self.staffel_stipulated,
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

/// Loads the ladder. `only_client` limits it to one client.
pub(crate) fn load(
    store: &Store,
    today: NaiveDate,
    only_client: Option<i64>,
) -> Result<Ladder, StoreError> {
    let state = store.follow_up_state()?;
    let in_arrangement = active_invoice_ids(store, today)?;
    let records = match only_client {
        Some(client) => store.invoices_of_client(client)?,
        None => store.list_invoices()?,
    };
    let table = rate_table(store)?;
    let waivers = store.all_waivers()?;
    let arranged = store.arranged_invoice_ids()?;
    let stipulated_since = store.late_payment_terms_accepted(only_client)?;
    let mut credited: HashMap<i64, Decimal> = HashMap::new();
    for r in &records {
        if let (Some(original), Some(issued)) = (r.draft.credits_invoice_id, &r.issued) {
            *credited.entry(original).or_default() += -issued.total;
        }
    }
    let mut clients: HashMap<i64, Client> = HashMap::new();
    let mut invoices = Vec::new();
    for record in records {
        let Some(issued) = record.issued.as_ref() else {
            continue;
        };
        if record.draft.kind == InvoiceKind::CreditNote
            || only_client.is_some_and(|c| c != record.draft.client_id)
        {
            continue;
        }
        let client_id = record.draft.client_id;
        let client = match clients.entry(client_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(store.client(client_id)?.client)
            }
        };
        let client = &*client;
        let payments = store.payments(record.id)?;
        let credited = credited.get(&record.id).copied().unwrap_or_default();
        let letters = state.letters.get(&record.id).cloned().unwrap_or_default();
        let invoice_waivers = waivers.get(&record.id).cloned().unwrap_or_default();
        let is_arranged = arranged.contains(&record.id);
        let client_fourteen_day_letters = state
            .fourteen_day_letters
            .get(&client_id)
            .cloned()
            .unwrap_or_default();
        let stipulated =
            staffel_stipulated(client, &record, stipulated_since.get(&client_id).copied());
        let claim = compute_claim(
            &table,
            &ClaimBasis {
                client,
                record: &record,
                credited,
                payments: &payments,
                letters: &letters,
                waivers: &invoice_waivers,
                arranged: is_arranged,
                staffel_stipulated: stipulated,
                client_fourteen_day_letters: &client_fourteen_day_letters,
            },
            today,
        );
        let due_date = rules::due_date(record.draft.invoice_date, record.draft.payment_term_days);
        let start = default_start(client, &record, &letters);
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
