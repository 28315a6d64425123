//! The review step's checklist: what is missing or risky in an offer before it goes out
//! (nl-rules-sources §7.1, §7.2, §2.1), and the late-payment clause that fits the client.

use chrono::NaiveDate;

use super::{payment_schedule, OfferPrice, OfferTerms, ScheduleProblem};
use crate::late_payment_terms::business_clause;
use crate::{ClientKind, Language};

/// Longest term a large company may agree with a zzp'er since 1 July 2022 (art. 6:119a lid 6
/// BW): a longer one is void and 30 days apply.
pub const LARGE_COMPANY_MAX_TERM: u32 = 30;
/// A longer B2B term is valid only when expressly agreed and not grossly unfair to the creditor
/// (art. 6:119a lid 5 BW).
pub const BUSINESS_MAX_TERM: u32 = 60;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Something the offer should have before it is sent.
    Missing,
    /// Allowed, but it weakens the freelancer's position.
    Risky,
}

/// One finding of the checklist, with a stable code for the UI and the tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
}

impl Finding {
    const fn missing(code: &'static str) -> Finding {
        Finding {
            code,
            severity: Severity::Missing,
        }
    }

    const fn risky(code: &'static str) -> Finding {
        Finding {
            code,
            severity: Severity::Risky,
        }
    }

    /// One or two sentences that say what is wrong and why it matters.
    pub fn message(&self, lang: Language) -> &'static str {
        let nl = lang == Language::Nl;
        match self.code {
            "no_validity" if nl => "Er staat geen geldigheidsdatum in. Zonder termijn kan je klant de offerte nog lang na dato aannemen, tegen de oude prijs.",
            "no_validity" => "There is no validity date. Without one your client can accept long after, at the old price.",
            "validity_passed" if nl => "De geldigheidsdatum ligt al vóór de offertedatum of vandaag.",
            "validity_passed" => "The validity date is before the offer date or today.",
            "term_void" if nl => "Een grote onderneming mag met jou geen betaaltermijn langer dan 30 dagen afspreken: een langere termijn is nietig en dan geldt 30 dagen (art. 6:119a lid 6 BW).",
            "term_void" => "A large company may not agree a payment term over 30 days with you: a longer term is void and 30 days apply (art. 6:119a(6) DCC).",
            "term_long" if nl => "Een betaaltermijn langer dan 60 dagen geldt alleen als je hem uitdrukkelijk afspreekt en hij niet onbillijk is voor jou (art. 6:119a lid 5 BW). Kies liever 14 of 30 dagen.",
            "term_long" => "A payment term over 60 days only holds if expressly agreed and not grossly unfair to you (art. 6:119a(5) DCC). Prefer 14 or 30 days.",
            "no_late_payment_clause" if nl => "Er staat niet in wat er gebeurt bij te laat betalen. Met die afspraak op papier is incasseren later veel eenvoudiger.",
            "no_late_payment_clause" => "It does not say what happens on late payment. With that agreed in writing, collecting later is much easier.",
            "no_terms" if nl => "Er zijn geen algemene voorwaarden bijgevoegd. Voorwaarden die je klant niet vóór of bij het sluiten heeft gekregen, kan hij vernietigen (art. 6:233 en 6:234 BW).",
            "no_terms" => "No general terms are attached. Terms your client did not receive before or at signing can be annulled (art. 6:233 and 6:234 DCC).",
            "consumer_price_excl_vat" if nl => "Een particulier moet de totaalprijs inclusief btw zien.",
            "consumer_price_excl_vat" => "A consumer must see the total price including VAT.",
            "consumer_no_withdrawal" if nl => "Bij een particulier op afstand hoort de informatie over het herroepingsrecht van 14 dagen erbij, en zijn uitdrukkelijke verzoek als je binnen die termijn al begint.",
            "consumer_no_withdrawal" => "For a consumer at a distance, the 14-day right of withdrawal must be stated, and their express request if you start within that period.",
            "no_hours" if nl => "Bij een uurtarief hoort een schatting van het aantal uren, anders weet je klant niet waar hij aan toe is.",
            "no_hours" => "An hourly rate needs an estimate of the hours, or your client cannot know what to expect.",
            "schedule_over_total" if nl => "Aanbetaling en termijnen samen zijn meer dan het totaalbedrag.",
            "schedule_over_total" => "Advance and instalments together are more than the total.",
            "consumer_contractual_terms" if nl => "De bijgevoegde algemene voorwaarden bedingen eigen rente of incassokosten. Bij een particulier mag daarvan niet in zijn nadeel worden afgeweken: Tijdig rekent hem alleen de wettelijke rente en de wettelijke staffel, na een 14-dagenbrief (art. 6:96 lid 5 en 6 BW).",
            "consumer_contractual_terms" => "The attached terms and conditions stipulate their own interest or collection costs. For a consumer these may not be less favourable than the law: Tijdig charges them only statutory interest and the statutory scale, after a 14-day letter (art. 6:96(5) and (6) DCC).",
            "schedule_invalid" if nl => "De aanbetaling of een termijn klopt niet (leeg, negatief of meer dan het totaal).",
            _ => "The advance or an instalment is not right (empty, negative or more than the total).",
        }
    }
}

/// Every finding for `terms` on `today`, the missing ones first.
pub fn check(terms: &OfferTerms, today: NaiveDate) -> Vec<Finding> {
    let mut found = Vec::new();
    match terms.valid_until {
        None => found.push(Finding::missing("no_validity")),
        Some(v) if v < terms.offer_date || v < today => {
            found.push(Finding::missing("validity_passed"))
        }
        Some(_) => {}
    }
    if terms.client_kind == ClientKind::Business {
        if terms.large_company && terms.payment_term_days > LARGE_COMPANY_MAX_TERM {
            found.push(Finding::missing("term_void"));
        } else if terms.payment_term_days > BUSINESS_MAX_TERM {
            found.push(Finding::risky("term_long"));
        }
    }
    if !terms.late_payment_clause {
        found.push(Finding::risky("no_late_payment_clause"));
    }
    if !terms.terms_attached {
        found.push(Finding::risky("no_terms"));
    }
    if terms.client_kind == ClientKind::Consumer
        && terms
            .attached_late_payment
            .is_some_and(|t| t.stipulates_anything())
    {
        found.push(Finding::risky("consumer_contractual_terms"));
    }
    if terms.client_kind == ClientKind::Consumer {
        if !terms.price_incl_vat_shown {
            found.push(Finding::missing("consumer_price_excl_vat"));
        }
        if !terms.withdrawal_notice {
            found.push(Finding::risky("consumer_no_withdrawal"));
        }
    }
    if let OfferPrice::Hourly { hours, .. } = terms.price {
        if hours <= rust_decimal::Decimal::ZERO {
            found.push(Finding::missing("no_hours"));
        }
    }
    match payment_schedule(terms) {
        Ok(_) => {}
        Err(ScheduleProblem::MoreThanTotal { .. }) => {
            found.push(Finding::missing("schedule_over_total"))
        }
        Err(_) => found.push(Finding::missing("schedule_invalid")),
    }
    found.sort_by_key(|f| f.severity != Severity::Missing);
    found
}

/// The late-payment clause an offer prints: a business client's states what the attached
/// algemene voorwaarden stipulate when they stipulate their own rate or costs
/// ([`business_clause`]); otherwise the statutory clause for the client's kind. A consumer's is
/// always the statutory one (art. 6:96 lid 5 BW).
pub fn offer_clause(terms: &OfferTerms, lang: Language) -> String {
    match terms
        .attached_late_payment
        .filter(|t| t.stipulates_anything() && terms.client_kind == ClientKind::Business)
    {
        Some(stipulated) => business_clause(&stipulated, terms.payment_term_days, lang),
        None => late_payment_clause(terms.client_kind, terms.payment_term_days, lang),
    }
}

/// The late-payment clause for the client's kind: B2B makes the term a fatale termijn with
/// handelsrente and the staffel (art. 6:119a, 6:96 BW); B2C says what the law allows (a reminder
/// with 14 days first, then wettelijke rente and costs: art. 6:119, 6:96 lid 6 BW).
pub fn late_payment_clause(kind: ClientKind, term_days: u32, lang: Language) -> String {
    match (kind, lang) {
        (ClientKind::Business, Language::Nl) => format!(
            "De betaaltermijn is {term_days} dagen na factuurdatum. Deze termijn is een fatale termijn: \
             betaalt opdrachtgever niet op tijd, dan is hij zonder ingebrekestelling in verzuim. Vanaf dat \
             moment is de wettelijke handelsrente verschuldigd (art. 6:119a BW) en mag opdrachtnemer \
             buitengerechtelijke incassokosten in rekening brengen volgens de wettelijke staffel, met een \
             minimum van € 40."
        ),
        (ClientKind::Business, Language::En) => format!(
            "The payment term is {term_days} days from the invoice date. This term is of the essence: if \
             the client does not pay on time, they are in default without notice. From then on statutory \
             commercial interest is due (art. 6:119a DCC) and the contractor may charge extrajudicial \
             collection costs according to the statutory scale, with a minimum of € 40."
        ),
        (ClientKind::Consumer, Language::Nl) => format!(
            "De betaaltermijn is {term_days} dagen na factuurdatum. Betaalt u niet op tijd, dan krijgt u \
             eerst een herinnering met 14 dagen om alsnog te betalen, zonder extra kosten. Betaalt u ook \
             dan niet, dan is de wettelijke rente verschuldigd (art. 6:119 BW) en kunnen incassokosten in \
             rekening worden gebracht volgens de wettelijke staffel."
        ),
        (ClientKind::Consumer, Language::En) => format!(
            "The payment term is {term_days} days from the invoice date. If you do not pay on time, you \
             first receive a reminder giving you 14 days to pay without extra costs. If you still do not \
             pay, statutory interest is due (art. 6:119 DCC) and collection costs may be charged \
             according to the statutory scale."
        ),
    }
}
