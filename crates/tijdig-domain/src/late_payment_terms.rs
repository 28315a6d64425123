//! Afspraken bij te late betaling: the contractual interest (contractuele rente) and collection
//! costs (contractuele incassokosten) a version of the algemene voorwaarden stipulates, and the
//! limits the law puts on them (nl-rules-sources §3.3, §4.5, §4.6).
//!
//! - Business clients (handelsovereenkomst): parties may agree another rate than the wettelijke
//!   handelsrente, simple instead of compound interest (§3.3: "contractual deviation (simple
//!   interest, other rate) is allowed") and other collection costs than the staffel (§4.6; the
//!   staffel is not mandatory B2B). The fixed € 40 of art. 6:96 lid 4 BW is a minimum the
//!   creditor is always entitled to, so stipulated costs are never charged below € 40 per
//!   invoice. A court may moderate stipulated costs down to the staffel (HR 10-07-2015,
//!   ECLI:NL:HR:2015:1868): Settings says so when a clause asks more than the staffel would.
//! - Consumers: the Besluit BIK may not be deviated from to a consumer's detriment (art. 6:96
//!   lid 5 BW), and only the 14-dagenbrief makes costs due (lid 6); a consumer interest clause
//!   is the kind of term courts test for unfairness (Richtlijn 93/13/EEG). Tijdig therefore
//!   applies a version's terms to business clients only ([`AcceptedTerms::for_client`]); a
//!   consumer's claim stays wettelijke rente and the staffel whatever the voorwaarden say.
//!
//! Sources (checked for issue 22): art. 6:96 lid 4 BW — in a handelsovereenkomst (art. 6:119a
//! lid 1 or 6:119b lid 1) the costs are "ten minste een bedrag van 40 euro … Hiervan kan niet ten
//! nadele van de schuldeiser worden afgeweken" (text as in the draft decree, Stcrt. 2012, 3313,
//! and the consolidated text on wetboekplus.nl); lid 5 — the Besluit BIK's rules "kan niet ten
//! nadele van de schuldenaar worden afgeweken indien de schuldenaar een natuurlijk persoon is,
//! die niet handelt in de uitoefening van een beroep of bedrijf"; HR 10-07-2015,
//! ECLI:NL:HR:2015:1868 (rechtspraak.nl inhoudsindicatie: the court may moderate stipulated B2B
//! collection costs, art. 242 Rv). Consumer interest clauses well above the wettelijke rente
//! have been voided as unfair (e.g. Rb. Amsterdam 2 March 2018, ECLI:NL:RBAMS:2018:1058, per a
//! law firm's summary), and an unfair clause falls away entirely (HvJ 27 January 2021, Dexia,
//! C-229/19): another reason to charge a consumer only the statutory claim.
//!
//! Government debtors (art. 6:119b BW, overheidsinstanties): the € 40 is the same (art. 6:96 lid
//! 4 names 6:119b lid 1), the rate is the same handelsrente, and a higher agreed rate counts as
//! the statutory one (6:119b lid 8, as for 6:119a). What differs is the longest payment term
//! (30 days, at most 60 when the contract's nature justifies it and it says so): the authority
//! sets its own terms, and a term over 30 days can be handled like a large company's
//! (`Client.large_company`, art. 6:119a lid 6). So Tijdig has no separate client kind for them.
//!
//! Conventions (Tijdig's, where the clause leaves a choice):
//! - Contractual interest runs from the first day of verzuim, like the statutory rate: for a
//!   business client that is the day after the agreed last day of payment (art. 6:119a lid 1,
//!   6:83 sub a BW). Interest over the due date itself would charge a client who paid on time.
//! - "1 % per maand" is 1 % of the base for every month counted from the first day of verzuim;
//!   a month only partly past counts its days (days ÷ days of that month), so a whole calendar
//!   month is exactly 1 %. A clause "een gedeelte van een maand geldt als een volle maand" is
//!   charged by the day as well: never more than the clause, and the part a court upholds.
//! - A yearly rate counts actual days ÷ 365, as the statutory calculation (§3.4).
//! - Compounding (rente op rente) adds the unpaid interest to the base on each anniversary of
//!   the first day of verzuim, as art. 6:119a lid 3 BW does; simple interest never does.

use rust_decimal::Decimal;

use crate::codes::coded_enum;
use crate::collection_costs::{CollectionCosts, BIK_MINIMUM};
use crate::interest::InterestKind;
use crate::money::{format_eur, parse_amount, parse_discount, round_cents};
use crate::{ClientKind, FieldIssue, Issue, Language};

/// Highest contractual rate accepted per month (10 %) — a typing error beyond, not a clause.
pub const MAX_MONTHLY_PERCENT: Decimal = Decimal::TEN;
/// Highest contractual rate accepted per year (100 %).
pub const MAX_YEARLY_PERCENT: Decimal = Decimal::ONE_HUNDRED;

coded_enum! {
    /// Rentetermijn: the period a contractual percentage is stated for.
    pub enum RatePeriod {
        /// Per maand.
        Month => "month",
        /// Per jaar.
        Year => "year",
    }
}

impl RatePeriod {
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (RatePeriod::Month, Language::Nl) => "per maand",
            (RatePeriod::Year, Language::Nl) => "per jaar",
            (RatePeriod::Month, Language::En) => "per month",
            (RatePeriod::Year, Language::En) => "per year",
        }
    }
}

/// Contractuele rente: the rate a clause stipulates instead of the wettelijke handelsrente.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContractualInterest {
    /// Percentage per [`Self::per`], e.g. 1 (% per maand).
    pub percent: Decimal,
    pub per: RatePeriod,
    /// Rente op rente on every anniversary of the first day of verzuim.
    pub compound: bool,
}

impl ContractualInterest {
    /// The rate per year: twelve times a monthly rate.
    pub fn yearly_percent(&self) -> Decimal {
        match self.per {
            RatePeriod::Month => self.percent * Decimal::from(12),
            RatePeriod::Year => self.percent,
        }
    }

    /// "contractuele rente 1 % per maand" / "contractual interest 1% per month", with ", rente
    /// op rente" when compounded.
    pub fn describe(&self, lang: Language) -> String {
        let rate = format!(
            "{} {}",
            percent_text(self.percent, lang),
            self.per.label(lang)
        );
        match (lang, self.compound) {
            (Language::Nl, false) => format!("contractuele rente {rate}"),
            (Language::Nl, true) => format!("contractuele rente {rate}, rente op rente"),
            (Language::En, false) => format!("contractual interest {rate}"),
            (Language::En, true) => format!("contractual interest {rate}, compounded"),
        }
    }
}

/// Contractuele incassokosten: what a clause stipulates instead of the € 40 or the staffel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractualCosts {
    /// A percentage of the principal (hoofdsom incl. btw), at least `minimum`.
    Percent { percent: Decimal, minimum: Decimal },
    /// A fixed amount per invoice.
    Fixed { amount: Decimal },
}

impl ContractualCosts {
    /// The costs over `principal` (open incl. btw), rounded to the cent, never below the € 40 of
    /// art. 6:96 lid 4 BW. No principal, no costs.
    pub fn amount(&self, principal: Decimal) -> Decimal {
        if principal <= Decimal::ZERO {
            return Decimal::ZERO;
        }
        let stipulated = match *self {
            ContractualCosts::Percent { percent, minimum } => {
                round_cents(principal * percent / Decimal::ONE_HUNDRED).max(minimum)
            }
            ContractualCosts::Fixed { amount } => amount,
        };
        stipulated.max(BIK_MINIMUM)
    }

    /// "15 % van de hoofdsom, minimaal € 75,00" / "€ 100,00 per factuur".
    pub fn describe(&self, lang: Language) -> String {
        match (*self, lang) {
            (ContractualCosts::Percent { percent, minimum }, Language::Nl) => format!(
                "{} van de hoofdsom, minimaal {}",
                percent_text(percent, lang),
                format_eur(minimum.max(BIK_MINIMUM), lang)
            ),
            (ContractualCosts::Percent { percent, minimum }, Language::En) => format!(
                "{} of the principal, at least {}",
                percent_text(percent, lang),
                format_eur(minimum.max(BIK_MINIMUM), lang)
            ),
            (ContractualCosts::Fixed { amount }, Language::Nl) => {
                format!("{} per factuur", format_eur(amount.max(BIK_MINIMUM), lang))
            }
            (ContractualCosts::Fixed { amount }, Language::En) => {
                format!("{} per invoice", format_eur(amount.max(BIK_MINIMUM), lang))
            }
        }
    }

    /// Whether the clause asks more than the staffel over `principal`: a court may moderate it
    /// to the staffel (HR 10-07-2015, ECLI:NL:HR:2015:1868).
    pub fn above_staffel(&self, principal: Decimal) -> bool {
        self.amount(principal) > CollectionCosts::staffel(principal)
    }
}

/// Afspraken bij te late betaling of one version of the algemene voorwaarden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatePaymentTerms {
    /// `None`: the wettelijke handelsrente.
    pub interest: Option<ContractualInterest>,
    /// `None`: the € 40 (or the staffel when the offer's own clause stipulates it).
    pub costs: Option<ContractualCosts>,
    /// The payment term is a fatale termijn: the client is in verzuim without an
    /// ingebrekestelling (art. 6:83 sub a BW). Printed in the clause; for a business client the
    /// handelsrente runs from the day after the term anyway (art. 6:119a lid 1).
    pub fatal_term: bool,
}

impl LatePaymentTerms {
    /// Whether the contractual rate is below `statutory` (the handelsrente in percent per year):
    /// the clause then claims less than the law would without it.
    pub fn interest_below(&self, statutory: Decimal) -> bool {
        self.interest
            .is_some_and(|i| i.yearly_percent() < statutory)
    }

    /// Whether there is anything contractual to apply.
    pub fn stipulates_anything(&self) -> bool {
        self.interest.is_some() || self.costs.is_some()
    }
}

/// The version of the algemene voorwaarden a client accepted, with its terms: what an
/// invoice's claim uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcceptedTerms {
    /// Versie of the algemene voorwaarden.
    pub version: u32,
    pub terms: LatePaymentTerms,
}

impl AcceptedTerms {
    /// The terms that apply to a client of `kind`: a business client's only (art. 6:96 lid 5
    /// BW; module doc).
    pub fn for_client(self, kind: ClientKind) -> Option<AcceptedTerms> {
        (kind == ClientKind::Business && self.terms.stipulates_anything()).then_some(self)
    }

    /// "volgens je algemene voorwaarden, versie 3" (the user's screens), "volgens mijn …"
    /// (the user's letters), "volgens de …" (a dossier for a third party).
    pub fn source(&self, lang: Language, voice: Voice) -> String {
        let whose = match (voice, lang) {
            (Voice::User, Language::Nl) => "je",
            (Voice::Letter, Language::Nl) => "mijn",
            (Voice::Record, Language::Nl) => "de",
            (Voice::User, Language::En) => "your",
            (Voice::Letter, Language::En) => "my",
            (Voice::Record, Language::En) => "the",
        };
        match lang {
            Language::Nl => format!(
                "volgens {whose} algemene voorwaarden, versie {}",
                self.version
            ),
            Language::En => format!(
                "under {whose} terms and conditions, version {}",
                self.version
            ),
        }
    }
}

/// Who speaks where the basis is named: the user on a screen ("je"), the user to the debtor in
/// a letter ("mijn"), a dossier for an incassobureau or lawyer ("de").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    User,
    Letter,
    Record,
}

/// Grondslag van de rente as every screen, letter and export names it: the statutory kind with
/// its article, or the contractual rate with the version it comes from ("contractuele rente
/// 1 % per maand volgens je algemene voorwaarden, versie 3").
pub fn interest_basis(
    kind: InterestKind,
    accepted: Option<&AcceptedTerms>,
    lang: Language,
    voice: Voice,
) -> String {
    match accepted.and_then(|a| a.terms.interest.map(|i| (a, i))) {
        Some((a, i)) => format!("{} {}", i.describe(lang), a.source(lang, voice)),
        None => format!("{} ({})", kind.label(lang), kind.article()),
    }
}

/// Grondslag van de incassokosten when the accepted version stipulates them ("15 % van de
/// hoofdsom, minimaal € 40,00, volgens je algemene voorwaarden, versie 3").
pub fn costs_basis(
    accepted: Option<&AcceptedTerms>,
    lang: Language,
    voice: Voice,
) -> Option<String> {
    let a = accepted?;
    let costs = a.terms.costs?;
    Some(format!(
        "{}, {}",
        costs.describe(lang),
        a.source(lang, voice)
    ))
}

/// The rate of one segment as shown: "10,40 %" per year, or "1 % per maand".
pub fn segment_rate(percent: Decimal, per: RatePeriod, lang: Language) -> String {
    match per {
        RatePeriod::Year => percent_text(percent, lang),
        RatePeriod::Month => format!("{} {}", percent_text(percent, lang), per.label(lang)),
    }
}

/// The clause an offer prints for a business client when its algemene voorwaarden stipulate
/// their own terms (the statutory clause is `offer::checklist::late_payment_clause`).
pub fn business_clause(terms: &LatePaymentTerms, term_days: u32, lang: Language) -> String {
    let mut out = match lang {
        Language::Nl => format!("De betaaltermijn is {term_days} dagen na factuurdatum."),
        Language::En => format!("The payment term is {term_days} days from the invoice date."),
    };
    if terms.fatal_term {
        out.push_str(match lang {
            Language::Nl => " Deze termijn is een fatale termijn: betaalt opdrachtgever niet op tijd, dan is hij zonder ingebrekestelling in verzuim.",
            Language::En => " This term is of the essence: if the client does not pay on time, they are in default without notice.",
        });
    }
    out.push(' ');
    out.push_str(&match (terms.interest, lang) {
        (Some(i), Language::Nl) => format!(
            "Vanaf de dag na de vervaldag is opdrachtgever over het openstaande bedrag een rente verschuldigd van {} {}{}.",
            percent_text(i.percent, lang),
            i.per.label(lang),
            if i.compound { ", waarbij de onbetaalde rente na ieder jaar bij de hoofdsom wordt opgeteld" } else { " (enkelvoudig)" }
        ),
        (Some(i), Language::En) => format!(
            "From the day after the due date the client owes interest on the amount outstanding of {} {}{}.",
            percent_text(i.percent, lang),
            i.per.label(lang),
            if i.compound { ", unpaid interest being added to the principal after each year" } else { " (simple interest)" }
        ),
        (None, Language::Nl) => "Vanaf de dag na de vervaldag is de wettelijke handelsrente verschuldigd (art. 6:119a BW).".to_string(),
        (None, Language::En) => "From the day after the due date statutory commercial interest is due (art. 6:119a DCC).".to_string(),
    });
    out.push(' ');
    out.push_str(&match (terms.costs, lang) {
        (Some(c), Language::Nl) => format!(
            "Opdrachtnemer mag buitengerechtelijke incassokosten in rekening brengen van {}, en nooit minder dan € 40 per factuur.",
            c.describe(lang)
        ),
        (Some(c), Language::En) => format!(
            "The contractor may charge extrajudicial collection costs of {}, and never less than € 40 per invoice.",
            c.describe(lang)
        ),
        (None, Language::Nl) => "Opdrachtnemer mag buitengerechtelijke incassokosten in rekening brengen volgens de wettelijke staffel, met een minimum van € 40.".to_string(),
        (None, Language::En) => "The contractor may charge extrajudicial collection costs according to the statutory scale, with a minimum of € 40.".to_string(),
    });
    out
}

/// "1 %" / "1%", "1,5 %" / "1.5%", "10,40 %" (the decimals as typed or stored).
pub fn percent_text(percent: Decimal, lang: Language) -> String {
    let n = percent.to_string();
    match lang {
        Language::Nl => format!("{} %", n.replace('.', ",")),
        Language::En => format!("{n}%"),
    }
}

coded_enum! {
    /// Kind of contractual costs as chosen in the form.
    pub enum CostsChoice {
        /// No costs clause: the € 40 or the staffel.
        Statutory => "statutory",
        Percent => "percent",
        Fixed => "fixed",
    }
}

/// The form as typed (Settings → Voorwaarden, one version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatePaymentTermsInput<'a> {
    /// Empty: the wettelijke handelsrente.
    pub interest_percent: &'a str,
    pub interest_per: RatePeriod,
    pub compound: bool,
    pub costs: CostsChoice,
    pub costs_percent: &'a str,
    pub costs_minimum: &'a str,
    pub costs_amount: &'a str,
    pub fatal_term: bool,
}

/// Checks the form: each problem at its field (`interestPercent`, `costsPercent`,
/// `costsMinimum`, `costsAmount`).
pub fn check_terms(input: &LatePaymentTermsInput<'_>) -> Result<LatePaymentTerms, Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let max = match input.interest_per {
        RatePeriod::Month => MAX_MONTHLY_PERCENT,
        RatePeriod::Year => MAX_YEARLY_PERCENT,
    };
    let interest = if input.interest_percent.trim().is_empty() {
        None
    } else {
        match percent(
            input.interest_percent,
            max,
            Issue::InterestClauseRange {
                max,
                per_month: input.interest_per == RatePeriod::Month,
            },
        ) {
            Ok(percent) => Some(ContractualInterest {
                percent,
                per: input.interest_per,
                compound: input.compound,
            }),
            Err(issue) => {
                issues.push(FieldIssue {
                    field: "interestPercent",
                    issue,
                });
                None
            }
        }
    };
    let mut amount = |field: &'static str, text: &str, required: bool| -> Decimal {
        if text.trim().is_empty() && !required {
            return Decimal::ZERO;
        }
        parse_amount(text).unwrap_or_else(|issue| {
            issues.push(FieldIssue { field, issue });
            Decimal::ZERO
        })
    };
    let costs = match input.costs {
        CostsChoice::Statutory => None,
        CostsChoice::Fixed => Some(ContractualCosts::Fixed {
            amount: amount("costsAmount", input.costs_amount, true),
        }),
        CostsChoice::Percent => {
            let minimum = amount("costsMinimum", input.costs_minimum, false);
            let percent = percent(
                input.costs_percent,
                Decimal::ONE_HUNDRED,
                Issue::CostsClauseRange,
            )
            .unwrap_or_else(|issue| {
                issues.push(FieldIssue {
                    field: "costsPercent",
                    issue,
                });
                Decimal::ZERO
            });
            Some(ContractualCosts::Percent { percent, minimum })
        }
    };
    if issues.is_empty() {
        Ok(LatePaymentTerms {
            interest,
            costs,
            fatal_term: input.fatal_term,
        })
    } else {
        Err(issues)
    }
}

/// A percentage above 0 and at most `max`, two decimals at most; `range` when outside.
fn percent(text: &str, max: Decimal, range: Issue) -> Result<Decimal, Issue> {
    if text.trim().is_empty() {
        return Err(Issue::Required);
    }
    match parse_discount(text) {
        Ok(Some(p)) if p <= max => Ok(p),
        Ok(_) | Err(Issue::DiscountRange) => Err(range),
        Err(other) => Err(other),
    }
}

#[cfg(test)]
#[path = "late_payment_terms_tests.rs"]
mod tests;
