//! The words of the letters, Dutch (B1, zakelijk and friendly, "u", no threats) and English
//! (nl-rules-sources §6.3 checklist; §4.5 for the 14-dagenbrief).

use tijdig_domain::follow_up::FollowUpStep;
use tijdig_domain::late_payment_terms::{ContractualInterest, RatePeriod};
use tijdig_domain::{ClientKind, Language};

/// What the sentences are filled in with; amounts and dates already formatted.
pub(crate) struct Ctx<'a> {
    pub lang: Language,
    pub kind: ClientKind,
    pub several: bool,
    pub numbers: &'a str,
    pub total: &'a str,
    pub pay_by: &'a str,
    /// First day of verzuim (letter style date), when it has started.
    pub default_from: Option<&'a str>,
    pub costs: Option<&'a str>,
    pub costs_from: Option<&'a str>,
    pub costs_owed: bool,
    pub per_day: Option<&'a str>,
    pub contact: &'a str,
    pub interest_label: &'a str,
    /// Where a contractual rate comes from ("volgens mijn algemene voorwaarden, versie 3").
    pub interest_source: Option<&'a str>,
    /// The accepted voorwaarden stipulate the costs: their words and version instead of the
    /// article ("15 % van de hoofdsom, minimaal € 40,00, volgens mijn algemene voorwaarden,
    /// versie 3").
    pub costs_source: Option<&'a str>,
}

impl Ctx<'_> {
    /// What the costs rest on, in brackets after their amount.
    fn costs_basis(&self) -> String {
        match self.costs_source {
            Some(source) => format!("{source}; art. 6:96 BW"),
            None => "art. 6:96 BW".to_string(),
        }
    }
}

/// The method note under a contractual rate's calculation (the statutory one is
/// [`Labels::method`]).
pub(crate) fn contractual_method(rate: ContractualInterest, lang: Language) -> String {
    let nl = lang == Language::Nl;
    let formula = match (rate.per, nl) {
        (RatePeriod::Month, true) => "bedrag × rente per maand × dagen / dagen van die maand (maanden geteld vanaf de eerste verzuimdag)",
        (RatePeriod::Month, false) => "amount × monthly rate × days / days of that month (months counted from the first day of default)",
        (RatePeriod::Year, true) => "bedrag × rente × dagen / 365",
        (RatePeriod::Year, false) => "amount × rate × days / 365",
    };
    let compound = match (rate.compound, nl) {
        (true, true) => "na een jaar wordt de rente bij de hoofdsom opgeteld, zoals de algemene voorwaarden bepalen",
        (true, false) => "after a year the interest is added to the principal, as the terms and conditions stipulate",
        (false, true) => "enkelvoudige rente: de rente wordt niet bij de hoofdsom opgeteld",
        (false, false) => "simple interest: the interest is not added to the principal",
    };
    if nl {
        format!("Rente per periode: {formula}, per periode afgerond op centen; {compound}. Betalingen gaan eerst naar kosten, dan rente, dan hoofdsom (art. 6:44 BW).")
    } else {
        format!("Interest per period: {formula}, rounded to the cent per period; {compound}. Payments go to costs first, then interest, then principal (art. 6:44 BW).")
    }
}

pub(crate) fn subject(step: FollowUpStep, c: &Ctx<'_>) -> String {
    let (nl, en) = match step {
        FollowUpStep::Reminder | FollowUpStep::ContactMoment => ("Herinnering", "Reminder"),
        FollowUpStep::Dunning => ("Aanmaning", "Payment demand"),
        FollowUpStep::NoticeOfDefault => ("Ingebrekestelling", "Notice of default"),
        FollowUpStep::FourteenDayLetter => (
            "Laatste aanmaning (veertiendagenbrief)",
            "Final reminder (14-day letter)",
        ),
        FollowUpStep::HandOver => ("Sommatie", "Final demand"),
    };
    match (c.lang, c.several) {
        (Language::Nl, false) => format!("{nl}: factuur {}", c.numbers),
        (Language::Nl, true) => format!("{nl}: facturen {}", c.numbers),
        (Language::En, false) => format!("{en}: invoice {}", c.numbers),
        (Language::En, true) => format!("{en}: invoices {}", c.numbers),
    }
}

pub(crate) fn salutation(lang: Language, person: Option<&str>) -> String {
    match (lang, person) {
        (Language::Nl, Some(p)) => format!("Beste {p},"),
        (Language::Nl, None) => "Geachte heer, mevrouw,".into(),
        (Language::En, Some(p)) => format!("Dear {p},"),
        (Language::En, None) => "Dear Sir or Madam,".into(),
    }
}

/// The opening paragraph.
pub(crate) fn opening(step: FollowUpStep, c: &Ctx<'_>) -> String {
    let nl = c.lang == Language::Nl;
    let inv = match (nl, c.several) {
        (true, false) => "onderstaande factuur",
        (true, true) => "onderstaande facturen",
        (false, false) => "the invoice below",
        (false, true) => "the invoices below",
    };
    match step {
        FollowUpStep::Reminder | FollowUpStep::ContactMoment => {
            if nl {
                format!("Volgens mijn administratie is de betaling van {inv} nog niet binnen. Waarschijnlijk is dit aan uw aandacht ontsnapt.")
            } else {
                format!("According to my records, payment of {inv} has not yet been received. It has probably slipped your attention.")
            }
        }
        FollowUpStep::Dunning => {
            if nl {
                format!("Ik heb u eerder herinnerd aan {inv}, maar heb uw betaling nog steeds niet ontvangen. De betaaltermijn is verstreken.")
            } else {
                format!("I reminded you earlier of {inv}, but I have still not received your payment. The payment term has expired.")
            }
        }
        FollowUpStep::NoticeOfDefault => {
            if nl {
                format!("De betaaltermijn van {inv} is verstreken en ik heb uw betaling nog niet ontvangen. Met deze brief stel ik u in gebreke.")
            } else {
                format!("The payment term of {inv} has expired and I have not received your payment. With this letter I give you formal notice of default.")
            }
        }
        FollowUpStep::FourteenDayLetter => {
            if nl {
                format!("Ondanks eerdere herinneringen heb ik uw betaling van {inv} nog niet ontvangen.")
            } else {
                format!("Despite earlier reminders, I have not received your payment of {inv}.")
            }
        }
        FollowUpStep::HandOver => {
            if nl {
                format!("Ondanks mijn eerdere brieven heb ik uw betaling van {inv} nog steeds niet ontvangen.")
            } else {
                format!(
                    "Despite my earlier letters, I have still not received your payment of {inv}."
                )
            }
        }
    }
}

/// Verzuim and interest, for the steps that follow verzuim.
pub(crate) fn default_sentence(c: &Ctx<'_>) -> Option<String> {
    let from = c.default_from?;
    Some(match c.lang {
        Language::Nl => format!(
            "U bent sinds {from} in verzuim. Vanaf die dag bent u over het openstaande bedrag de {} verschuldigd{}.",
            c.interest_label,
            c.interest_source.map(|s| format!(", {s}")).unwrap_or_default()
        ),
        Language::En => format!(
            "You have been in default since {from}. From that day you owe {} on the outstanding amount{}.",
            c.interest_label,
            c.interest_source.map(|s| format!(", {s}")).unwrap_or_default()
        ),
    })
}

/// The request with its term, in bold. The 14-dagenbrief and the ingebrekestelling use the
/// Hoge Raad wording of the term (HR 25-11-2016, ECLI:NL:HR:2016:2704).
pub(crate) fn request(step: FollowUpStep, c: &Ctx<'_>) -> String {
    let nl = c.lang == Language::Nl;
    match step {
        FollowUpStep::Reminder | FollowUpStep::ContactMoment => {
            if nl {
                format!(
                    "Wilt u het openstaande bedrag van {} uiterlijk {} overmaken?",
                    c.total, c.pay_by
                )
            } else {
                format!(
                    "Would you please transfer the outstanding amount of {} by {}?",
                    c.total, c.pay_by
                )
            }
        }
        FollowUpStep::Dunning => {
            if nl {
                format!(
                    "Ik verzoek u het totaalbedrag van {} uiterlijk {} te betalen.",
                    c.total, c.pay_by
                )
            } else {
                format!("I ask you to pay the total of {} by {}.", c.total, c.pay_by)
            }
        }
        FollowUpStep::NoticeOfDefault => {
            if nl {
                format!("Ik geef u de gelegenheid het openstaande bedrag van {} alsnog te betalen binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd.", c.total)
            } else {
                format!("I give you the opportunity to pay the outstanding amount of {} within fourteen days from the day after this letter was delivered to you.", c.total)
            }
        }
        FollowUpStep::FourteenDayLetter => {
            if nl {
                format!("Ik verzoek u het openstaande bedrag van {} te betalen binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd.", c.total)
            } else {
                format!("I ask you to pay the outstanding amount of {} within fourteen days from the day after this letter was delivered to you.", c.total)
            }
        }
        FollowUpStep::HandOver => {
            if nl {
                format!(
                    "Ik sommeer u het totaalbedrag van {} uiterlijk {} te betalen.",
                    c.total, c.pay_by
                )
            } else {
                format!(
                    "I demand that you pay the total of {} by {}.",
                    c.total, c.pay_by
                )
            }
        }
    }
}

/// What happens if the debtor does not pay: only what the user can and will do.
pub(crate) fn consequences(step: FollowUpStep, c: &Ctx<'_>) -> Vec<String> {
    let nl = c.lang == Language::Nl;
    let mut out = Vec::new();
    match step {
        FollowUpStep::Reminder | FollowUpStep::ContactMoment => out.push(if nl {
            "Heeft u het bedrag inmiddels betaald? Dan kunt u deze herinnering als niet verzonden beschouwen.".to_string()
        } else {
            "Have you paid in the meantime? Then please disregard this reminder.".to_string()
        }),
        FollowUpStep::Dunning => {
            if let (Some(costs), true) = (c.costs, c.costs_owed) {
                out.push(if nl {
                    format!("Omdat de betaaltermijn is verstreken, ben ik gerechtigd een vergoeding voor incassokosten van {costs} in rekening te brengen ({}). Dit bedrag is in het totaal opgenomen.", c.costs_basis())
                } else {
                    format!("Because the payment term has expired, I am entitled to charge compensation for collection costs of {costs} ({}). This amount is included in the total.", c.costs_basis())
                });
            }
            out.push(if nl {
                "Betaalt u niet op tijd, dan stuur ik u een laatste aanmaning.".to_string()
            } else {
                "If you do not pay on time, I will send you a final reminder.".to_string()
            });
        }
        FollowUpStep::NoticeOfDefault => out.push(if nl {
            "Betaalt u niet binnen deze termijn, dan bent u vanaf de dag daarna in verzuim. Vanaf dat moment bent u de wettelijke rente verschuldigd (art. 6:119 BW). Aan deze brief zijn geen kosten verbonden.".to_string()
        } else {
            "If you do not pay within this term, you will be in default from the next day. From then on you owe statutory interest (art. 6:119 BW). This letter is free of charge.".to_string()
        }),
        FollowUpStep::FourteenDayLetter => {
            let costs = c.costs.unwrap_or_default();
            if c.costs.is_none() {
                // No costs announced (the cumulatieregeling may apply): none will be charged.
                out.push(if nl {
                    "Aan deze brief en aan betaling na de termijn zijn geen incassokosten verbonden.".to_string()
                } else {
                    "No collection costs are attached to this letter or to payment after the term.".to_string()
                });
            } else if c.costs_owed {
                out.push(if nl {
                    format!("Daarnaast bent u een vergoeding voor incassokosten verschuldigd van {costs} ({}). Dit bedrag is in het totaal opgenomen.", c.costs_basis())
                } else {
                    format!("In addition you owe compensation for collection costs of {costs} ({}). This amount is included in the total.", c.costs_basis())
                });
            } else {
                out.push(if nl {
                    "Betaalt u binnen deze termijn, dan zijn er geen incassokosten verschuldigd.".to_string()
                } else {
                    "If you pay within this term, no collection costs are due.".to_string()
                });
                let from = c.costs_from.map(|d| if nl { format!(" vanaf {d}") } else { format!(" from {d}") }).unwrap_or_default();
                out.push(if nl {
                    format!("Betaalt u niet binnen deze termijn, dan bent u incassokosten verschuldigd van {costs}{from}. Dit bedrag is berekend volgens het Besluit vergoeding voor buitengerechtelijke incassokosten.")
                } else {
                    format!("If you do not pay within this term, you will owe collection costs of {costs}{from}. This amount is calculated under the Dutch decree on extrajudicial collection costs.")
                });
            }
            if let Some(per_day) = c.per_day {
                out.push(if nl {
                    format!("De wettelijke rente loopt door tot de dag van betaling, nu {per_day} per dag.")
                } else {
                    format!("Statutory interest continues until the day of payment, currently {per_day} per day.")
                });
            }
            out.push(if nl {
                "Betaalt u ook dan niet, dan geef ik de vordering uit handen.".to_string()
            } else {
                "If you still do not pay, I will hand the claim over for collection.".to_string()
            });
        }
        FollowUpStep::HandOver => {
            if let (Some(costs), false) = (c.costs, c.costs_owed) {
                if c.kind == ClientKind::Consumer {
                    out.push(if nl {
                        format!("Incassokosten van {costs} breng ik pas in rekening als de termijn van mijn veertiendagenbrief is verstreken.")
                    } else {
                        format!("Collection costs of {costs} will only be charged once the term of my 14-day letter has expired.")
                    });
                }
            }
            out.push(if nl {
                "Heb ik dan geen betaling ontvangen, dan geef ik de vordering uit handen aan een incassobureau of advocaat. Dat kan leiden tot een procedure bij de kantonrechter.".to_string()
            } else {
                "If I have not received payment by then, I will hand the claim over to a collection agency or lawyer. This may lead to proceedings before the court.".to_string()
            });
        }
    }
    out
}

/// How to reach the user; for consumers also where to find help with debts.
pub(crate) fn contact(c: &Ctx<'_>) -> Vec<String> {
    let nl = c.lang == Language::Nl;
    let mut out = vec![if nl {
        format!("Heeft u vragen over de factuur, bent u het er niet mee eens of lukt het niet om in één keer te betalen? Neem dan contact met mij op ({}). Dan zoeken we samen naar een oplossing, bijvoorbeeld een betalingsregeling.", c.contact)
    } else {
        format!("Do you have questions about the invoice, do you disagree with it, or can you not pay in one go? Please contact me ({}). Together we will look for a solution, such as a payment arrangement.", c.contact)
    }];
    if c.kind == ClientKind::Consumer {
        out.push(if nl {
            "Heeft u meer schulden? Uw gemeente helpt gratis met schuldhulpverlening.".to_string()
        } else {
            "Do you have other debts? Your municipality offers free debt counselling (schuldhulpverlening).".to_string()
        });
    }
    out
}

pub(crate) struct Labels {
    pub invoice: &'static str,
    pub date: &'static str,
    pub due: &'static str,
    pub amount: &'static str,
    pub paid: &'static str,
    pub open: &'static str,
    pub principal: &'static str,
    pub interest: &'static str,
    pub costs: &'static str,
    pub total: &'static str,
    pub interest_heading: &'static str,
    pub period: &'static str,
    pub days: &'static str,
    pub base: &'static str,
    pub rate: &'static str,
    pub computed_until: &'static str,
    pub our_reference: &'static str,
    pub payment: &'static str,
    pub to_pay: &'static str,
    pub iban: &'static str,
    pub holder: &'static str,
    pub reference: &'static str,
    pub several_references: &'static str,
    pub scan: &'static str,
    pub page: &'static str,
    pub regards: &'static str,
    /// The method note; `{article}` is the capitalisation article of the interest kind.
    pub method: &'static str,
    /// After a monthly rate in the rate column.
    pub per_month: &'static str,
    /// The footnote to a rate marked "*" (unverified in the rentetabel).
    pub unverified: &'static str,
    /// The footnote when the letter date lies more than six months after the newest rate:
    /// `{kind}`, `{from}` (the newest rate's date) and `{check}` (when a newer one was due).
    pub stale: &'static str,
}

pub(crate) const NL: Labels = Labels {
    invoice: "Factuur",
    date: "Datum",
    due: "Vervaldatum",
    amount: "Bedrag",
    paid: "Betaald",
    open: "Open",
    principal: "Hoofdsom",
    interest: "Rente",
    costs: "Incassokosten",
    total: "Totaal te betalen",
    interest_heading: "Berekening van de rente",
    period: "Periode",
    days: "Dagen",
    base: "Over",
    rate: "Rente %",
    computed_until: "berekend tot en met",
    our_reference: "Ons kenmerk",
    payment: "Betaalgegevens",
    to_pay: "Te betalen",
    iban: "IBAN",
    holder: "Ten name van",
    reference: "Betalingskenmerk",
    several_references: "Vermeld bij betaling",
    scan: "Scan met je bank-app",
    page: "pagina {page} van {pages}",
    regards: "Met vriendelijke groet,",
    per_month: " p/m",
    method: "Rente per periode: bedrag × rente × dagen / 365, per periode afgerond op centen; na een jaar wordt de rente bij de hoofdsom opgeteld ({article}). Betalingen gaan eerst naar kosten, dan rente, dan hoofdsom (art. 6:44 BW).",
    unverified: "* Dit percentage is nog niet door een officiële publicatie bevestigd; blijkt het anders, dan rekenen wij met het bevestigde percentage.",
    stale: "De {kind} is berekend met het laatst bekende percentage (vanaf {from}). Is per {check} een nieuw percentage vastgesteld, dan geldt dat vanaf die datum.",
};

pub(crate) const EN: Labels = Labels {
    invoice: "Invoice",
    date: "Date",
    due: "Due date",
    amount: "Amount",
    paid: "Paid",
    open: "Open",
    principal: "Principal",
    interest: "Interest",
    costs: "Collection costs",
    total: "Total due",
    interest_heading: "Interest calculation",
    period: "Period",
    days: "Days",
    base: "On",
    rate: "Rate %",
    computed_until: "calculated up to and including",
    our_reference: "Our reference",
    payment: "Payment details",
    to_pay: "Amount due",
    iban: "IBAN",
    holder: "Account holder",
    reference: "Payment reference",
    several_references: "Please quote",
    scan: "Scan with your banking app",
    page: "page {page} of {pages}",
    regards: "Kind regards,",
    per_month: " p/m",
    method: "Interest per period: amount × rate × days / 365, rounded to the cent per period; after a year the interest is added to the principal ({article}). Payments go to costs first, then interest, then principal (art. 6:44 BW).",
    unverified: "* This rate has not yet been confirmed by an official publication; should it differ, we will charge the confirmed rate.",
    stale: "The {kind} was calculated with the latest known rate (from {from}). Should a new rate apply from {check}, it applies from that date.",
};
