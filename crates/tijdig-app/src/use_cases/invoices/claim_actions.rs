//! What the user does with an invoice's claim beyond its amount: see what a payment on a day
//! would be ("Betaling registreren" proposes the whole claim with its split) and give up what is
//! left of interest and costs ("Rente en kosten kwijtschelden", reference README "The claim":
//! settled when paid or waived, recorded in the dossier with amount and reason).

use tijdig_domain::follow_up::DossierKind;
use tijdig_domain::money::format_eur;
use tijdig_domain::validate::required_text;
use tijdig_domain::Language;
use tijdig_store::{NewDossierEntry, NewWaiver, Store};

use crate::plumbing::error::{refusal, Failure, FormIssue};
use crate::plumbing::format::{amount, parse_date};
use crate::services::claim::{compute_claim, payment_maximum, rate_table, ClaimBasis, StoredBasis};
use crate::services::invoice_view::open_amounts;
use crate::services::receipts::payment_day;
use crate::{dto, App, AppError};

use super::invalid;

impl App {
    /// The claim of invoice `id` on `paid_on` ("dd-mm-jjjj"): the most a payment that day can
    /// be, and how the claim splits then.
    pub fn payment_proposal(
        &self,
        id: i64,
        paid_on: &str,
    ) -> Result<dto::PaymentProposal, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::PaymentProposal, Failure> {
                let today = self.today();
                let day = parse_date(paid_on)
                    .and_then(|day| payment_day(day, today))
                    .map_err(|issue| {
                        invalid(
                            &[FormIssue {
                                field: "paidOn".into(),
                                issue,
                            }],
                            lang,
                        )
                    })?;
                let record = store.invoice(id)?;
                let table = rate_table(store)?;
                let stored = StoredBasis::read(store, &record)?;
                let basis = stored.basis(&record);
                Ok(dto::PaymentProposal {
                    maximum: amount(payment_maximum(&table, &basis, day)),
                    open: open_amounts(&compute_claim(&table, &basis, day)),
                })
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// Rente en kosten kwijtschelden: gives up, today, what is open of invoice `id` beyond its
    /// amount (interest and costs), with the reason, in one transaction with its dossier entry.
    /// The invoice is then settled when its amount was paid; else the principal stays open
    /// (and interest runs on it again from tomorrow).
    pub fn waive_interest_and_costs(
        &self,
        id: i64,
        form: &dto::WaiverForm,
    ) -> Result<dto::Invoice, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Invoice, Failure> {
                let reason = required_text(&form.reason, 500).map_err(|issue| {
                    invalid(&[FormIssue { field: "reason".into(), issue }], lang)
                })?;
                let today = self.today();
                let table = rate_table(store)?;
                let record = store.invoice(id)?;
                let stored = StoredBasis::read(store, &record)?;
                let at = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
                store.record_waiver(id, |invoice, payments, waivers| -> Result<_, Failure> {
                    let waived: Vec<_> = waivers.iter().map(|w| (w.waived_on, w.amount)).collect();
                    let basis = ClaimBasis { payments, waivers: &waived, ..stored.basis(invoice) };
                    let claim = compute_claim(&table, &basis, today);
                    let rest = claim.interest_and_costs_open();
                    if rest.is_zero() {
                        return Err(refusal(lang, "Er staat geen rente of kosten open om kwijt te schelden.", "There is no interest or costs open to waive."));
                    }
                    let number = invoice.issued.as_ref().map_or("", |i| i.number.as_str());
                    let money = |d| format_eur(d, lang);
                    let note = match lang {
                        Language::Nl => format!(
                            "Rente en kosten kwijtgescholden voor factuur {number}: {} (rente {}, kosten {}). Reden: {reason}",
                            money(rest), money(claim.interest_open), money(claim.costs_open)
                        ),
                        Language::En => format!(
                            "Interest and costs waived for invoice {number}: {} (interest {}, costs {}). Reason: {reason}",
                            money(rest), money(claim.interest_open), money(claim.costs_open)
                        ),
                    };
                    let waiver = NewWaiver {
                        waived_on: today,
                        amount: rest,
                        interest: claim.interest_open,
                        costs: claim.costs_open,
                        reason: reason.clone(),
                    };
                    let entry = NewDossierEntry {
                        client_id: invoice.draft.client_id,
                        at,
                        kind: DossierKind::Waiver,
                        step: None,
                        outcome: None,
                        note: Some(note),
                        promised_on: None,
                        invoice_ids: vec![id],
                        done_on: None,
                    };
                    Ok((waiver, entry))
                })?;
                let record = store.invoice(id)?;
                self.invoice_dto(store, &record, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }
}
