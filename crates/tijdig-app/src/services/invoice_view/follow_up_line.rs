//! The follow-up line on an invoice's page: the next step of its ladder, the steps done, a
//! dispute, and when the claim becomes time-barred (verjaring).

use chrono::NaiveDate;
use tijdig_domain::follow_up::{NextStep, WaitReason};
use tijdig_domain::limitation::{is_time_barred, limitation_date, limitation_warning};
use tijdig_domain::Language;

use crate::dto;
use crate::plumbing::format::show_date;
use crate::services::ladder::load_set;

/// The follow-up line on an invoice's page.
pub(crate) fn invoice_follow_up(
    store: &tijdig_store::Store,
    invoice_id: i64,
    client_id: i64,
    today: NaiveDate,
    lang: Language,
) -> Result<Option<dto::InvoiceFollowUp>, tijdig_store::StoreError> {
    let ladder = load_set(
        store,
        today,
        &tijdig_store::InvoiceSet::Ids(vec![invoice_id]),
    )?;
    let Some(inv) = ladder.invoices.iter().find(|i| i.record.id == invoice_id) else {
        return Ok(None);
    };
    let nl = lang == Language::Nl;
    let next = match inv.next {
        NextStep::Planned(p) => {
            let on = show_date(p.actionable_on.max(p.planned_on.min(today)));
            if p.is_due(today) {
                if nl {
                    format!("{} staat klaar op Vandaag.", p.step.label(lang))
                } else {
                    format!("{} is ready on Today.", p.step.label(lang))
                }
            } else if nl {
                format!("Volgende stap: {} op {on}.", p.step.label(lang).to_lowercase())
            } else {
                format!("Next step: {} on {on}.", p.step.label(lang).to_lowercase())
            }
        }
        NextStep::Waiting(WaitReason::Settled) => if nl { "Niets meer open: geen opvolging nodig." } else { "Nothing open: no follow-up needed." }.into(),
        NextStep::Waiting(WaitReason::Disputed) => if nl { "Betwist: de opvolging staat stil tot de betwisting is opgelost." } else { "Disputed: follow-up is paused until the dispute is resolved." }.into(),
        NextStep::Waiting(WaitReason::Arrangement) => if nl { "Valt onder een betalingsregeling: de opvolging staat stil zolang de klant zich eraan houdt." } else { "Part of a payment arrangement: follow-up is paused while the client keeps to it." }.into(),
        NextStep::Waiting(WaitReason::DefaultNotStarted) => if nl { "De klant is nog niet in verzuim: de ingebrekestelling is overgeslagen. Zonder ingebrekestelling begint het verzuim niet en telt geen 14-dagenbrief." } else { "The client is not in default yet: the notice of default was skipped. Without one, default does not start and no 14-day letter counts." }.into(),
        NextStep::Finished => if nl { "Alle stappen van het beleid zijn gedaan." } else { "Every step of the policy has been done." }.into(),
    };
    // "Gedaan": each step as it was carried out (a consumer's aanmaning is the
    // ingebrekestelling), and a skipped one says so.
    let steps_done: Vec<String> = store
        .steps_done(invoice_id)?
        .iter()
        .map(|s| {
            let label = s.letter_step.unwrap_or(s.step).label(lang);
            match (s.skipped, nl) {
                (true, true) => format!("{label} — overgeslagen op {}", show_date(s.done_on)),
                (true, false) => format!("{label} — skipped on {}", show_date(s.done_on)),
                (false, _) => format!("{label} — {}", show_date(s.done_on)),
            }
        })
        .collect();
    // Verjaring (art. 3:307 BW, 5 years; art. 7:28 BW, 2 years for a consumer sale of goods)
    // counts from the due date, restarted by every written aanmaning (art. 3:317 BW).
    let from = store
        .last_letter_on(invoice_id)?
        .map_or(inv.due_date, |d| d.max(inv.due_date));
    let five = limitation_date(from, false);
    let two = limitation_date(from, true);
    let consumer = ladder
        .clients
        .get(&client_id)
        .is_some_and(|c| c.kind == tijdig_domain::ClientKind::Consumer);
    let open = inv.claim.total_open() > rust_decimal::Decimal::ZERO;
    let limitation = match (consumer, nl) {
        (false, true) => format!("Verjaart op {}, tenzij je vóór die datum schriftelijk aanmaant.", show_date(five)),
        (false, false) => format!("Time-barred on {}, unless you send a written demand before then.", show_date(five)),
        (true, true) => format!("Verjaart op {} (bij verkoop van zaken aan een particulier al op {}), tenzij je vóór die datum schriftelijk aanmaant.", show_date(five), show_date(two)),
        (true, false) => format!("Time-barred on {} (for a sale of goods to a consumer already on {}), unless you send a written demand before then.", show_date(five), show_date(two)),
    };
    let warn_date = if consumer { two } else { five };
    Ok(Some(dto::InvoiceFollowUp {
        limitation_warning: open
            && (limitation_warning(today, warn_date) || is_time_barred(today, warn_date)),
        limitation,
        next,
        disputed: ladder
            .state
            .disputed
            .get(&invoice_id)
            .map(|d| dto::Dispute {
                opened_on: show_date(d.opened_on),
                reason: d.reason.clone(),
            }),
        steps_done,
    }))
}
