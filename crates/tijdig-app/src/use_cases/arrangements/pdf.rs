//! The arrangement as documents: the agreement for signature by both parties (every
//! instalment with its date, amount, payment reference and EPC QR code; the vervalbeding in
//! plain Dutch) and the reminder when an instalment was missed.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_documents::model::{
    Align, LetterBlock, LetterPdf, PaymentBlock, PaymentLink, Table, TotalRow,
};

use tijdig_domain::arrangement::Instalment;
use tijdig_domain::epc_qr::{epc_qr_payload, EpcPayment};
use tijdig_domain::money::format_eur;
use tijdig_domain::payment_reference::PaymentReference;
use tijdig_domain::{BusinessProfile, Client, Language};
use tijdig_store::Logo;

use super::plan::Plan;
use crate::plumbing::format::document_date as short_date;
use crate::plumbing::format::grouped;
use crate::plumbing::format::long_date;
use crate::services::arrangement_state::instalment_label;
use crate::services::documents::letter_layout::{column, letter, signature_lines};
use crate::services::invoice_settings::payment_link;

pub(crate) struct AgreementInput<'a> {
    pub profile: &'a BusinessProfile,
    pub logo: Option<&'a Logo>,
    pub plan: &'a Plan,
    pub reference: &'a str,
    pub payment_references: &'a [String],
    pub at: chrono::NaiveDateTime,
    /// The betaallink template, if the user set one.
    pub payment_link: Option<&'a str>,
}

fn holder(p: &BusinessProfile) -> String {
    p.account_holder
        .clone()
        .unwrap_or_else(|| p.legal_name.clone().unwrap_or_else(|| p.trade_name.clone()))
}

fn printed(reference: &str) -> String {
    PaymentReference::parse(reference).map_or_else(|_| reference.to_string(), |r| r.printed())
}

/// The boxed payment block of one instalment, with its own reference and QR code.
fn instalment_payment(
    p: &BusinessProfile,
    inst: &Instalment,
    reference: &str,
    link: Option<&str>,
    lang: Language,
) -> Option<PaymentBlock> {
    let iban = p.iban.as_ref()?;
    let nl = lang == Language::Nl;
    let name = holder(p);
    let qr = epc_qr_payload(&EpcPayment {
        name: &name,
        iban,
        bic: None,
        amount: inst.amount,
        reference: Some(reference),
        text: None,
    })
    .ok();
    Some(PaymentBlock {
        heading: format!(
            "{} — {} {}",
            instalment_label(inst.number, lang),
            if nl { "uiterlijk" } else { "by" },
            short_date(inst.due, Language::Nl)
        ),
        rows: vec![
            (
                if nl { "Bedrag" } else { "Amount" }.into(),
                format_eur(inst.amount, lang),
            ),
            ("IBAN".into(), grouped(iban)),
            (
                if nl { "Ten name van" } else { "Account holder" }.into(),
                name.clone(),
            ),
            (
                if nl {
                    "Betalingskenmerk"
                } else {
                    "Payment reference"
                }
                .into(),
                printed(reference),
            ),
        ],
        qr_caption: qr.as_ref().map(|_| {
            if nl {
                "Scan met je bank-app"
            } else {
                "Scan with your banking app"
            }
            .to_string()
        }),
        qr_payload: qr,
        // The betaallink for this instalment: its amount and its own reference.
        link: payment_link(link, inst.amount, reference, reference).map(|url| PaymentLink {
            label: if nl { "Online betalen" } else { "Pay online" }.into(),
            url,
        }),
    })
}

pub(crate) fn agreement(input: &AgreementInput<'_>) -> LetterPdf {
    let plan = input.plan;
    let client = &plan.client;
    let lang = client.document_language;
    let nl = lang == Language::Nl;
    let money = |d: Decimal| format_eur(d, lang);
    let p = input.profile;
    let debt = plan.debt;
    let subject = if nl {
        format!("Betalingsregeling {}", input.reference)
    } else {
        format!("Payment arrangement {}", input.reference)
    };
    let mut body = vec![LetterBlock::Paragraph(if nl {
        format!("Zoals besproken betaalt u de openstaande facturen in termijnen. Hieronder staat wat u op {} verschuldigd bent en wanneer u welk bedrag betaalt. Met uw handtekening erkent u deze schuld.", long_date(plan.start, lang))
    } else {
        format!("As discussed, you will pay the open invoices in instalments. Below is what you owe on {} and when you pay which amount. With your signature you acknowledge this debt.", long_date(plan.start, lang))
    })];
    body.push(LetterBlock::Table(Table {
        columns: vec![
            column(if nl { "Factuur" } else { "Invoice" }, 22.0, Align::Left),
            column(if nl { "Datum" } else { "Date" }, 18.0, Align::Right),
            column(
                if nl { "Vervaldatum" } else { "Due date" },
                18.0,
                Align::Right,
            ),
            column("Open", 18.0, Align::Right),
        ],
        rows: plan
            .invoices
            .iter()
            .map(|i| {
                vec![
                    i.number.clone(),
                    short_date(i.record.draft.invoice_date, Language::Nl),
                    short_date(i.due_date, Language::Nl),
                    money(i.claim.principal_open),
                ]
            })
            .collect(),
    }));
    let mut totals = vec![TotalRow {
        label: if nl { "Hoofdsom" } else { "Principal" }.into(),
        value: money(debt.principal),
        strong: false,
    }];
    if debt.interest > Decimal::ZERO {
        totals.push(TotalRow {
            label: if nl {
                format!(
                    "Wettelijke rente tot en met {}",
                    short_date(plan.start, Language::Nl)
                )
            } else {
                format!(
                    "Statutory interest up to {}",
                    short_date(plan.start, Language::Nl)
                )
            },
            value: money(debt.interest),
            strong: false,
        });
    }
    if debt.costs > Decimal::ZERO {
        totals.push(TotalRow {
            label: if nl {
                "Incassokosten"
            } else {
                "Collection costs"
            }
            .into(),
            value: money(debt.costs),
            strong: false,
        });
    }
    totals.push(TotalRow {
        label: if nl {
            "Erkende schuld"
        } else {
            "Acknowledged debt"
        }
        .into(),
        value: money(debt.total()),
        strong: true,
    });
    body.push(LetterBlock::Totals(totals));

    body.push(LetterBlock::Heading(
        if nl {
            "Betalingsschema"
        } else {
            "Payment schedule"
        }
        .into(),
    ));
    body.push(LetterBlock::Table(Table {
        columns: vec![
            column(if nl { "Termijn" } else { "Instalment" }, 22.0, Align::Left),
            column(if nl { "Uiterlijk op" } else { "By" }, 18.0, Align::Right),
            column(if nl { "Bedrag" } else { "Amount" }, 18.0, Align::Right),
            column(
                if nl {
                    "Betalingskenmerk"
                } else {
                    "Payment reference"
                },
                32.0,
                Align::Right,
            ),
        ],
        rows: plan
            .instalments
            .iter()
            .zip(input.payment_references)
            .map(|(i, r)| {
                vec![
                    instalment_label(i.number, lang),
                    short_date(i.due, Language::Nl),
                    money(i.amount),
                    printed(r),
                ]
            })
            .collect(),
    }));

    body.push(LetterBlock::Heading(
        if nl { "Afspraken" } else { "Terms" }.into(),
    ));
    let scheduled: Decimal = plan.instalments.iter().map(|i| i.amount).sum();
    let mut terms = Vec::new();
    terms.push(if nl {
        format!("U betaalt in totaal {} volgens het schema hierboven, steeds met het betalingskenmerk van de termijn.", money(scheduled))
    } else {
        format!("You pay {} in total according to the schedule above, each time quoting the instalment's payment reference.", money(scheduled))
    });
    terms.push(match (plan.interest_running, nl) {
        (true, true) => "Over het bedrag dat nog openstaat, loopt de wettelijke rente door tot alles is betaald. Die rente betaalt u na de laatste termijn.".into(),
        (true, false) => "Statutory interest keeps running on the amount still open until everything is paid. You pay that interest after the last instalment.".into(),
        (false, true) => "Zolang u zich aan deze regeling houdt, reken ik geen verdere rente.".into(),
        (false, false) => "As long as you keep to this arrangement, I charge no further interest.".into(),
    });
    if plan.costs_waived && debt.costs > Decimal::ZERO {
        terms.push(if nl {
            format!(
                "Houdt u zich aan deze regeling, dan scheld ik de incassokosten van {} kwijt.",
                money(debt.costs)
            )
        } else {
            format!(
                "If you keep to this arrangement, I waive the collection costs of {}.",
                money(debt.costs)
            )
        });
    }
    terms.push(if nl {
        format!("Betaalt u een termijn niet binnen {} dagen na de datum in het schema, dan vervalt deze regeling. Het hele bedrag dat dan nog openstaat{}, moet u dan in één keer betalen, en ik zet de invordering voort.", plan.grace_days, if plan.costs_waived && debt.costs > Decimal::ZERO { ", inclusief de incassokosten" } else { "" })
    } else {
        format!("If you do not pay an instalment within {} days after its date in the schedule, this arrangement ends. The whole amount then still open{} becomes due at once, and I will continue the collection.", plan.grace_days, if plan.costs_waived && debt.costs > Decimal::ZERO { ", including the collection costs" } else { "" })
    });
    terms.push(if nl {
        "Betalingen gaan eerst naar de kosten, dan naar de rente en daarna naar de hoofdsom (art. 6:44 BW). U mag altijd eerder of meer betalen.".into()
    } else {
        "Payments go to costs first, then interest, then principal (art. 6:44 BW). You may always pay earlier or more.".into()
    });
    for t in terms {
        body.push(LetterBlock::Paragraph(t));
    }
    for (inst, reference) in plan.instalments.iter().zip(input.payment_references) {
        if let Some(block) = instalment_payment(p, inst, reference, input.payment_link, lang) {
            body.push(LetterBlock::Payment(block));
        }
    }
    body.push(LetterBlock::Paragraph(if nl {
        "Wilt u deze regeling ondertekenen en aan mij terugsturen? Dan bewaren we allebei een getekend exemplaar.".into()
    } else {
        "Would you sign this arrangement and send it back to me? Then we both keep a signed copy.".into()
    }));
    body.push(LetterBlock::Heading(
        if nl { "Voor akkoord" } else { "Agreed" }.into(),
    ));
    let signer = p.legal_name.clone().unwrap_or_else(|| p.trade_name.clone());
    for who in [signer, client.name.clone()] {
        body.push(LetterBlock::Strong(who));
        body.extend(signature_lines(lang));
    }
    let closing = vec![
        if nl {
            "Met vriendelijke groet,"
        } else {
            "Kind regards,"
        }
        .to_string(),
        String::new(),
        p.legal_name.clone().unwrap_or_else(|| p.trade_name.clone()),
    ];
    letter(
        p,
        input.logo,
        client,
        subject,
        input.reference,
        plan.start,
        body,
        closing,
        input.at,
    )
}

pub(crate) struct ReminderInput<'a> {
    pub profile: &'a BusinessProfile,
    pub logo: Option<&'a Logo>,
    pub client: &'a Client,
    pub arrangement_reference: &'a str,
    pub start: NaiveDate,
    pub instalment: Instalment,
    pub payment_reference: &'a str,
    pub open_on_instalment: Decimal,
    pub deadline: NaiveDate,
    pub accelerated_amount: Decimal,
    pub letter_reference: &'a str,
    pub date: NaiveDate,
    pub at: chrono::NaiveDateTime,
    /// The betaallink template, if the user set one.
    pub payment_link: Option<&'a str>,
}

/// The reminder for a missed instalment: friendly, with the deadline of the grace period and
/// what the vervalbeding then means.
pub(crate) fn reminder(input: &ReminderInput<'_>) -> LetterPdf {
    let lang = input.client.document_language;
    let nl = lang == Language::Nl;
    let money = |d: Decimal| format_eur(d, lang);
    let label = instalment_label(input.instalment.number, lang);
    let subject = if nl {
        format!(
            "Herinnering: {} van betalingsregeling {}",
            label.to_lowercase(),
            input.arrangement_reference
        )
    } else {
        format!(
            "Reminder: {} of payment arrangement {}",
            label.to_lowercase(),
            input.arrangement_reference
        )
    };
    let p = input.profile;
    let contact = [p.phone.as_deref(), p.email.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let mut body = vec![
        LetterBlock::Paragraph(if nl {
            format!("Volgens onze betalingsregeling van {} betaalt u uiterlijk {} {} van {}. Die betaling heb ik nog niet (helemaal) ontvangen: er staat {} open.", long_date(input.start, lang), long_date(input.instalment.due, lang), label.to_lowercase(), money(input.instalment.amount), money(input.open_on_instalment))
        } else {
            format!("Under our payment arrangement of {} you pay {} of {} by {}. I have not (fully) received that payment: {} is open.", long_date(input.start, lang), label.to_lowercase(), money(input.instalment.amount), long_date(input.instalment.due, lang), money(input.open_on_instalment))
        }),
        LetterBlock::Strong(if nl {
            format!(
                "Wilt u {} uiterlijk {} overmaken?",
                money(input.open_on_instalment),
                long_date(input.deadline, lang)
            )
        } else {
            format!(
                "Would you please transfer {} by {}?",
                money(input.open_on_instalment),
                long_date(input.deadline, lang)
            )
        }),
        LetterBlock::Paragraph(if nl {
            format!("Heb ik het bedrag op die datum niet ontvangen, dan vervalt de regeling: het hele bedrag dat dan nog openstaat ({}) moet u dan in één keer betalen.", money(input.accelerated_amount))
        } else {
            format!("If I have not received it by that date, the arrangement ends: the whole amount still open ({}) then becomes due at once.", money(input.accelerated_amount))
        }),
        LetterBlock::Paragraph(if nl {
            format!("Lukt het even niet? Neem dan vóór die datum contact met mij op ({contact}), dan kijken we samen wat wel kan.")
        } else {
            format!("Is it difficult right now? Please contact me before then ({contact}), and we will see together what is possible.")
        }),
    ];
    let open = Instalment {
        amount: input.open_on_instalment,
        ..input.instalment
    };
    if let Some(block) =
        instalment_payment(p, &open, input.payment_reference, input.payment_link, lang)
    {
        body.push(LetterBlock::Payment(block));
    }
    let closing = vec![
        if nl {
            "Met vriendelijke groet,"
        } else {
            "Kind regards,"
        }
        .to_string(),
        String::new(),
        p.legal_name.clone().unwrap_or_else(|| p.trade_name.clone()),
    ];
    letter(
        p,
        input.logo,
        input.client,
        subject,
        input.letter_reference,
        input.date,
        body,
        closing,
        input.at,
    )
}
