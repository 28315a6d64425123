//! The claim card on an overdue invoice's page: verzuim, the interest per period and the
//! collection costs, or why there is no claim yet — worded from [`crate::services::claim`].

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::interest::InterestKind;
use tijdig_domain::late_payment_terms::{costs_basis, interest_basis, segment_rate, Voice};
use tijdig_domain::money::format_eur;
use tijdig_domain::{ClientKind, Language};
use tijdig_store::{InvoiceRecord, Store, StoreError};

use crate::dto;
use crate::plumbing::format::{amount, show_date as day};
use crate::services::claim::InvoiceClaim;

/// `None` when the invoice is not (yet) overdue or its claim is settled; otherwise the claim
/// or why there is none yet.
pub(crate) fn default_info(
    store: &Store,
    record: &InvoiceRecord,
    claim: &InvoiceClaim,
    today: NaiveDate,
    lang: Language,
) -> Result<Option<dto::DefaultInfo>, StoreError> {
    let due =
        tijdig_domain::invoice::due_date(record.draft.invoice_date, record.draft.payment_term_days);
    if record.issued.is_none() || claim.total_open() <= Decimal::ZERO || today <= due {
        return Ok(None);
    }
    let client = store.client(record.draft.client_id)?.client;
    if let Some(issue) = &claim.problem {
        let prefix = match lang {
            Language::Nl => "Rentetabel onvolledig",
            Language::En => "Rate table incomplete",
        };
        return Ok(Some(dto::DefaultInfo {
            claim: None,
            explanation: None,
            problem: Some(format!("{prefix}: {}", issue.message(lang))),
        }));
    }
    let (Some(costs), Some(interest)) = (&claim.costs, &claim.interest) else {
        let explanation = match (client.kind, lang) {
            (ClientKind::Consumer, Language::Nl) => "Een particulier is nog niet in verzuim: dat begint pas na een ingebrekestelling met een redelijke termijn. Tot dan rekent Tijdig geen rente of kosten.",
            (ClientKind::Consumer, Language::En) => "A consumer is not yet in default: that only starts after a notice of default with a reasonable term. Until then Tijdig charges no interest or costs.",
            (_, Language::Nl) => "De klant is nog niet in verzuim.",
            (_, Language::En) => "The client is not yet in default.",
        };
        return Ok(Some(dto::DefaultInfo {
            claim: None,
            explanation: Some(explanation.into()),
            problem: None,
        }));
    };
    let kind = InterestKind::for_client(client.kind);
    // Where a business's costs come from: the fixed € 40 of the law, or the staffel its
    // accepted terms stipulate.
    let stipulated = costs_basis(claim.terms.as_ref(), lang, Voice::User)
        .filter(|_| costs.rule == tijdig_domain::CostsRule::BusinessContractual);
    let basis = match (costs.rule, lang, stipulated) {
        (_, Language::Nl, Some(source)) => {
            format!("{source}; nooit minder dan € 40, art. 6:96 lid 4 BW")
        }
        (_, Language::En, Some(source)) => {
            format!("{source}; never less than € 40, art. 6:96(4) BW")
        }
        (tijdig_domain::CostsRule::BusinessStaffel, Language::Nl, None) => {
            "staffel volgens de geaccepteerde voorwaarden; art. 6:96 BW, Besluit BIK".into()
        }
        (tijdig_domain::CostsRule::BusinessStaffel, Language::En, None) => {
            "scale as stipulated in the accepted terms; art. 6:96 BW, BIK decree".into()
        }
        (_, Language::Nl, None) => "art. 6:96 BW, Besluit BIK".to_string(),
        (_, Language::En, None) => "art. 6:96 BW, BIK decree".to_string(),
    };
    let costs_note = match (costs.due_from, lang) {
        _ if claim.cumulation => match lang {
            Language::Nl => "Geen incassokosten berekend: mogelijk geldt de cumulatieregeling (Besluit BIK, sinds 1 oktober 2024) — deze klant kreeg in de zes maanden ervoor al een 14-dagenbrief voor een andere vordering. Tijdig rekent ze daarom niet automatisch.".to_string(),
            Language::En => "No collection costs computed: the cumulation rule may apply (BIK decree, since 1 October 2024) — this client got a 14-day letter about another claim in the six months before. Tijdig therefore does not charge them automatically.".to_string(),
        },
        (Some(from), Language::Nl) => format!(
            "{} vanaf {} ({basis}).",
            format_eur(costs.amount, lang),
            day(from)
        ),
        (Some(from), Language::En) => format!(
            "{} from {} ({basis}).",
            format_eur(costs.amount, lang),
            day(from)
        ),
        (None, Language::Nl) => format!(
            "Nog geen incassokosten: eerst een 14-dagenbrief; daarna {}.",
            format_eur(costs.amount, lang)
        ),
        (None, Language::En) => format!(
            "No collection costs yet: first a 14-day letter; then {}.",
            format_eur(costs.amount, lang)
        ),
    };
    let claim = dto::Claim {
        interest_label: interest_basis(kind, claim.terms.as_ref(), lang, Voice::User),
        first_day: day(interest.first_day),
        until: day(interest.until),
        segments: interest
            .segments
            .iter()
            .map(|s| dto::ClaimSegment {
                from: day(s.from),
                to: day(s.to),
                days: s.days,
                base: amount(s.base),
                rate: s.rate.to_string(),
                rate_text: segment_rate(s.rate, s.per, lang),
                amount: amount(s.amount),
                unverified: s.unverified,
            })
            .collect(),
        principal: amount(claim.principal_open),
        interest: amount(claim.interest_open),
        costs: amount(claim.costs_open),
        costs_note,
        total: amount(claim.total_open()),
        rate_warning: claim.rate_warning.as_ref().map(|issue| issue.message(lang)),
    };
    Ok(Some(dto::DefaultInfo {
        claim: Some(claim),
        explanation: None,
        problem: None,
    }))
}
