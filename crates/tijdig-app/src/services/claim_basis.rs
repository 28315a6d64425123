//! What decides one invoice's claim (stand van de vordering): the few facts of the invoice
//! itself ([`ClaimInvoice`]) and everything stored about it ([`ClaimBasis`]), read for one
//! invoice by [`StoredBasis`] or for a set by the ladder and the dashboard. The computation is
//! `services::claim::compute_claim`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::late_payment_terms::AcceptedTerms;
use tijdig_domain::{Client, ClientKind};
use tijdig_store::{AcceptedVersion, InvoiceRecord, PaymentRecord, SentLetter, Store, StoreError};

use crate::services::invoice_amounts::credited_on;

/// What of the invoice itself decides its claim: which invoice, its date and agreed term
/// (verzuim) and what it was issued for. Every other column (lines, texts, the PDF) never
/// matters to the claim, so sets of claims need not read them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClaimInvoice {
    pub id: i64,
    pub invoice_date: NaiveDate,
    pub payment_term_days: u32,
    /// The issued total incl. btw; `None` for a draft (no claim yet).
    pub issued_total: Option<Decimal>,
}

impl ClaimInvoice {
    pub(crate) fn of(record: &InvoiceRecord) -> ClaimInvoice {
        ClaimInvoice {
            id: record.id,
            invoice_date: record.draft.invoice_date,
            payment_term_days: record.draft.payment_term_days,
            issued_total: record.issued.as_ref().map(|i| i.total),
        }
    }
}

/// Everything stored that decides one invoice's claim.
#[derive(Clone, Copy)]
pub(crate) struct ClaimBasis<'a> {
    pub client: &'a Client,
    pub invoice: ClaimInvoice,
    /// What issued credit notes took off (a positive amount). Convention: a credit note
    /// corrects the invoice from its date of issue, so the credited part never bore interest.
    pub credited: Decimal,
    pub payments: &'a [PaymentRecord],
    pub letters: &'a [SentLetter],
    /// Kwijtscheldingen (day, amount).
    pub waivers: &'a [(NaiveDate, Decimal)],
    /// The invoice is or was in a betalingsregeling: its interest and costs are the
    /// arrangement's (agreed and fixed at its start), the invoice keeps only its principal.
    pub arranged: bool,
    /// B2B: the client accepted terms that stipulate the staffel ([`staffel_stipulated`]).
    pub staffel_stipulated: bool,
    /// B2B: the version of the algemene voorwaarden that decides this invoice stipulates its
    /// own interest or costs ([`accepted_terms`]); they go before the statutory rate and the
    /// staffel.
    pub terms: Option<AcceptedTerms>,
    /// Every sent 14-dagenbrief to this client (letter id, sent on): the cumulatieregeling
    /// looks back six months.
    pub client_fourteen_day_letters: &'a [(i64, NaiveDate)],
}

/// Whether a business invoice's costs follow the staffel instead of the fixed € 40: its client
/// accepted, on or before the invoice date, an offer whose late-payment clause stipulates it
/// (reference README "Collection costs", B2B; `since` from
/// `Store::late_payment_terms_accepted`). The € 40 stays the minimum (the staffel's own).
/// Costs the accepted voorwaarden stipulate themselves (`terms`) go before it.
pub(crate) fn staffel_stipulated(
    client: &Client,
    invoice_date: NaiveDate,
    since: Option<NaiveDate>,
    terms: Option<AcceptedTerms>,
) -> bool {
    client.kind == ClientKind::Business
        && since.is_some_and(|d| d <= invoice_date)
        && terms.and_then(|t| t.terms.costs).is_none()
}

/// The version of the algemene voorwaarden that decides an invoice of `client` dated
/// `invoice_date`: the one carried by the newest offer the client accepted on or before that
/// date (`accepted`, oldest first, from `Store::accepted_versions`) — a later acceptance of
/// another version replaces it for later invoices, never for earlier ones. Only what it
/// stipulates for this client's kind: nothing for a consumer (art. 6:96 lid 5 BW,
/// [`tijdig_domain::late_payment_terms`]).
pub(crate) fn accepted_terms(
    client: &Client,
    invoice_date: NaiveDate,
    accepted: Option<&[AcceptedVersion]>,
) -> Option<AcceptedTerms> {
    accepted?
        .iter()
        .rev()
        .find(|a| a.accepted_on <= invoice_date)
        .and_then(|a| a.terms.for_client(client.kind))
}

impl ClaimBasis<'_> {
    pub(crate) fn total(&self) -> Decimal {
        self.invoice.issued_total.unwrap_or(Decimal::ZERO)
    }

    /// Received through `on` (the ledger leaves later payments out too).
    pub(crate) fn paid_through(&self, on: NaiveDate) -> Decimal {
        self.payments
            .iter()
            .filter(|p| p.paid_on <= on)
            .map(|p| p.amount)
            .sum()
    }

    pub(crate) fn waived_through(&self, on: NaiveDate) -> Decimal {
        self.waivers
            .iter()
            .filter(|(day, _)| *day <= on)
            .map(|(_, a)| *a)
            .sum()
    }
}

/// What [`ClaimBasis`] borrows, read for one invoice.
pub(crate) struct StoredBasis {
    pub client: Client,
    pub credited: Decimal,
    pub payments: Vec<PaymentRecord>,
    pub letters: Vec<SentLetter>,
    pub waivers: Vec<(NaiveDate, Decimal)>,
    pub arranged: bool,
    pub staffel_stipulated: bool,
    pub terms: Option<AcceptedTerms>,
    pub client_fourteen_day_letters: Vec<(i64, NaiveDate)>,
}

impl StoredBasis {
    pub(crate) fn read(store: &Store, record: &InvoiceRecord) -> Result<StoredBasis, StoreError> {
        let client = store.client(record.draft.client_id)?.client;
        let terms = accepted_terms(
            &client,
            record.draft.invoice_date,
            store
                .accepted_versions(Some(record.draft.client_id))?
                .get(&record.draft.client_id)
                .map(Vec::as_slice),
        );
        Ok(StoredBasis {
            credited: credited_on(store, record.id)?,
            payments: store.payments(record.id)?,
            letters: store.sent_letters(record.id)?,
            waivers: store
                .waivers(record.id)?
                .into_iter()
                .map(|w| (w.waived_on, w.amount))
                .collect(),
            arranged: store.is_arranged(record.id)?,
            staffel_stipulated: staffel_stipulated(
                &client,
                record.draft.invoice_date,
                store
                    .late_payment_terms_accepted(Some(record.draft.client_id))?
                    .get(&record.draft.client_id)
                    .copied(),
                terms,
            ),
            terms,
            client_fourteen_day_letters: store
                .fourteen_day_letters_of(Some(record.draft.client_id))?
                .remove(&record.draft.client_id)
                .unwrap_or_default(),
            client,
        })
    }

    pub(crate) fn basis<'a>(&'a self, record: &InvoiceRecord) -> ClaimBasis<'a> {
        ClaimBasis {
            client: &self.client,
            invoice: ClaimInvoice::of(record),
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
