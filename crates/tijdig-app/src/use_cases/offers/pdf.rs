//! The offer (offerte) and the agreement (opdrachtbevestiging) as documents, with the content
//! of nl-rules-sources §7.1: both parties with address, KvK and btw-id; number and date; the
//! validity period; scope, what is not included, planning and acceptance; the price (excl. btw,
//! and incl. btw); expenses; the payment schedule and term with the late-payment clause; other
//! conditions; the algemene voorwaarden by version and hash, said to be attached (§7.2); for a
//! consumer the right of withdrawal; and for the agreement, how it was accepted and a signature
//! block for both parties.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_documents::model::{Align, LetterBlock, LetterPdf, Table, TotalRow};
use tijdig_domain::money::format_eur;
use tijdig_domain::offer::{OfferPrice, OfferTerms, ScheduleLine};
use tijdig_domain::{BusinessProfile, Client, ClientKind, Language};
use tijdig_store::{Logo, NewAcceptance, TermsDocumentRecord};

use super::form::{schedule_description, vat_label};
use crate::dto;
use crate::plumbing::format::document_date as short_date;
use crate::plumbing::format::long_date;
use crate::services::documents::letter_layout::column;
use crate::services::documents::letter_layout::{letter, signature_lines};

/// Everything both documents need.
pub(crate) struct OfferContent<'a> {
    pub profile: &'a BusinessProfile,
    pub logo: Option<&'a Logo>,
    pub client: &'a Client,
    pub number: &'a str,
    pub form: &'a dto::OfferForm,
    pub terms: &'a OfferTerms,
    pub schedule: &'a [ScheduleLine],
    pub late_payment_text: &'a str,
    pub terms_document: Option<&'a TermsDocumentRecord>,
    pub at: chrono::NaiveDateTime,
}

fn paragraphs(text: &str) -> impl Iterator<Item = LetterBlock> + '_ {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| LetterBlock::Paragraph(p.replace('\n', " ")))
}

fn party(
    label: &str,
    name: &str,
    address: &tijdig_domain::Address,
    kvk: Option<&str>,
    btw: Option<&str>,
    contact: Option<&str>,
    nl: bool,
) -> Vec<LetterBlock> {
    let mut line = vec![name.to_string()];
    let street = [address.street.as_deref(), address.house_number.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if !street.is_empty() {
        line.push(street);
    }
    let city = [address.postcode.as_deref(), address.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if !city.is_empty() {
        line.push(city);
    }
    if let Some(kvk) = kvk {
        line.push(format!("KvK {kvk}"));
    }
    if let Some(btw) = btw {
        line.push(format!("{} {btw}", if nl { "btw-id" } else { "VAT ID" }));
    }
    if let Some(person) = contact {
        line.push(format!(
            "{} {person}",
            if nl { "contactpersoon" } else { "contact" }
        ));
    }
    vec![
        LetterBlock::Strong(label.to_string()),
        LetterBlock::Paragraph(line.join(", ")),
    ]
}

/// The sections both documents share: parties, work, price, payment, conditions.
fn terms_sections(c: &OfferContent<'_>, body: &mut Vec<LetterBlock>) {
    let lang = c.client.document_language;
    let nl = lang == Language::Nl;
    let t = |a: &str, b: &str| if nl { a.to_string() } else { b.to_string() };
    let money = |d: Decimal| format_eur(d, lang);
    let p = c.profile;

    body.push(LetterBlock::Heading(t("Partijen", "Parties")));
    body.extend(party(
        &t("Opdrachtnemer", "Contractor"),
        p.legal_name.as_deref().unwrap_or(&p.trade_name),
        &p.address,
        p.kvk.as_deref(),
        p.btw_id.as_deref(),
        None,
        nl,
    ));
    body.extend(party(
        &t("Opdrachtgever", "Client"),
        &c.client.name,
        &c.client.address,
        c.client.kvk.as_deref(),
        c.client.btw_id.as_deref(),
        c.client.contact_person.as_deref(),
        nl,
    ));

    body.push(LetterBlock::Heading(t("Wat ik lever", "What I deliver")));
    body.extend(paragraphs(&c.form.scope));
    if !c.form.exclusions.trim().is_empty() {
        body.push(LetterBlock::Heading(t(
            "Wat niet is inbegrepen",
            "What is not included",
        )));
        body.extend(paragraphs(&c.form.exclusions));
    }
    if !c.form.planning.trim().is_empty() || !c.form.acceptance_criteria.trim().is_empty() {
        body.push(LetterBlock::Heading(t(
            "Planning en oplevering",
            "Planning and delivery",
        )));
        body.extend(paragraphs(&c.form.planning));
        if !c.form.acceptance_criteria.trim().is_empty() {
            body.push(LetterBlock::Strong(t("Acceptatie", "Acceptance")));
            body.extend(paragraphs(&c.form.acceptance_criteria));
        }
    }

    body.push(LetterBlock::Heading(t("Prijs", "Price")));
    let terms = c.terms;
    let work = match &terms.price {
        OfferPrice::Fixed(amount) => vec![t("Vaste prijs", "Fixed price"), money(*amount)],
        OfferPrice::Hourly { rate, hours } => vec![
            if nl {
                format!(
                    "{} uur × {} per uur (schatting; ik factureer de werkelijke uren)",
                    hours.normalize(),
                    money(*rate)
                )
            } else {
                format!(
                    "{} hours × {} per hour (estimate; I invoice the hours actually worked)",
                    hours.normalize(),
                    money(*rate)
                )
            },
            money(*rate * *hours),
        ],
    };
    let mut rows = vec![work];
    if terms.expenses > Decimal::ZERO {
        rows.push(vec![t("Onkosten", "Expenses"), money(terms.expenses)]);
    }
    body.push(LetterBlock::Table(Table {
        columns: vec![
            column(&t("Omschrijving", "Description"), 70.0, Align::Left),
            column(
                &t("Bedrag excl. btw", "Amount excl. VAT"),
                30.0,
                Align::Right,
            ),
        ],
        rows,
    }));
    let totals = terms.totals();
    body.push(LetterBlock::Totals(vec![
        TotalRow {
            label: t("Totaal excl. btw", "Total excl. VAT"),
            value: money(totals.excl_vat),
            strong: false,
        },
        TotalRow {
            label: vat_label(terms.vat, lang).to_string(),
            value: money(totals.vat),
            strong: false,
        },
        TotalRow {
            label: t("Totaal incl. btw", "Total incl. VAT"),
            value: money(totals.incl_vat),
            strong: true,
        },
    ]));

    body.push(LetterBlock::Heading(t("Betaling", "Payment")));
    if c.schedule.len() > 1 {
        body.push(LetterBlock::Table(Table {
            columns: vec![
                column(&t("Termijn", "Instalment"), 70.0, Align::Left),
                column(
                    &t("Bedrag incl. btw", "Amount incl. VAT"),
                    30.0,
                    Align::Right,
                ),
            ],
            rows: c
                .schedule
                .iter()
                .map(|line| vec![schedule_description(line, lang), money(line.amount)])
                .collect(),
        }));
    }
    if c.form.late_payment_clause {
        body.push(LetterBlock::Paragraph(c.late_payment_text.to_string()));
    } else {
        body.push(LetterBlock::Paragraph(if nl {
            format!(
                "De betaaltermijn is {} dagen na factuurdatum.",
                terms.payment_term_days
            )
        } else {
            format!(
                "The payment term is {} days from the invoice date.",
                terms.payment_term_days
            )
        }));
    }

    if !c.form.conditions.trim().is_empty() || c.terms_document.is_some() {
        body.push(LetterBlock::Heading(t("Voorwaarden", "Conditions")));
        body.extend(paragraphs(&c.form.conditions));
    }
    if let Some(av) = c.terms_document {
        body.push(LetterBlock::Paragraph(if nl {
            format!("Op deze opdracht zijn mijn algemene voorwaarden van toepassing (versie {}, “{}”). Ze zijn bij dit document gevoegd: je vindt ze op de pagina’s hierna. Controlecode (SHA-256): {}.", av.version, av.file_name, av.sha256)
        } else {
            format!("My general terms and conditions apply to this assignment (version {}, “{}”). They are attached to this document: you find them on the pages that follow. Check code (SHA-256): {}.", av.version, av.file_name, av.sha256)
        }));
    }
    if c.client.kind == ClientKind::Consumer && c.form.withdrawal_notice {
        body.push(LetterBlock::Paragraph(if nl {
            "Herroepingsrecht: sluit je deze overeenkomst op afstand of buiten mijn bedrijfsruimte, dan mag je haar binnen 14 dagen na het sluiten zonder opgave van redenen ontbinden. Wil je dat ik binnen die 14 dagen al begin, vraag daar dan uitdrukkelijk om; ontbind je daarna, dan betaal je voor het werk dat al is gedaan.".into()
        } else {
            "Right of withdrawal: if you conclude this contract at a distance or away from my business premises, you may cancel it within 14 days without giving a reason. If you want me to start within those 14 days, ask for it expressly; if you then cancel, you pay for the work already done.".into()
        }));
    }
}

/// The offer (offerte).
pub(crate) fn offer(c: &OfferContent<'_>) -> LetterPdf {
    let lang = c.client.document_language;
    let nl = lang == Language::Nl;
    let subject = if nl {
        format!("Offerte {}: {}", c.number, c.form.title.trim())
    } else {
        format!("Quotation {}: {}", c.number, c.form.title.trim())
    };
    let mut body = vec![LetterBlock::Paragraph(if nl {
        format!(
            "Hartelijk dank voor je aanvraag. Hierbij mijn offerte voor “{}”, met wat ik lever, wat het kost en wat we afspreken over de betaling.",
            c.form.title.trim()
        )
    } else {
        format!(
            "Thank you for your enquiry. Here is my quotation for “{}”: what I deliver, what it costs and what we agree on payment.",
            c.form.title.trim()
        )
    })];
    terms_sections(c, &mut body);
    body.push(LetterBlock::Heading(
        if nl {
            "Geldigheid en akkoord"
        } else {
            "Validity and acceptance"
        }
        .into(),
    ));
    body.push(LetterBlock::Paragraph(match (c.terms.valid_until, nl) {
        (Some(d), true) => format!("Deze offerte is geldig tot en met {}. Tot die datum kun je haar aanvaarden tegen deze prijs en voorwaarden.", long_date(d, lang)),
        (Some(d), false) => format!("This quotation is valid until {} inclusive. Until then you can accept it at this price and on these terms.", long_date(d, lang)),
        (None, true) => "Deze offerte is vrijblijvend.".into(),
        (None, false) => "This quotation is without obligation.".into(),
    }));
    body.push(LetterBlock::Paragraph(if nl {
        "Ga je akkoord? Laat het me weten per e-mail of onderteken deze offerte en stuur haar terug. Ik stuur je dan een opdrachtbevestiging."
    } else {
        "Do you agree? Let me know by e-mail or sign this quotation and send it back. I will then send you a confirmation of the assignment."
    }.into()));
    letter(
        c.profile,
        c.logo,
        c.client,
        subject,
        c.number,
        c.terms.offer_date,
        body,
        closing(c.profile, nl),
        c.at,
    )
}

fn closing(p: &BusinessProfile, nl: bool) -> Vec<String> {
    vec![
        if nl {
            "Met vriendelijke groet,"
        } else {
            "Kind regards,"
        }
        .to_string(),
        String::new(),
        p.legal_name.clone().unwrap_or_else(|| p.trade_name.clone()),
    ]
}

pub(crate) fn accepted_how_label(how: dto::AcceptedHow, lang: Language) -> &'static str {
    match (how, lang) {
        (dto::AcceptedHow::SignedPdf, Language::Nl) => "ondertekende PDF teruggestuurd",
        (dto::AcceptedHow::SignedPdf, Language::En) => "signed PDF returned",
        (dto::AcceptedHow::Email, Language::Nl) => "akkoord per e-mail",
        (dto::AcceptedHow::Email, Language::En) => "agreed by e-mail",
        (dto::AcceptedHow::Paper, Language::Nl) => "op papier ondertekend",
        (dto::AcceptedHow::Paper, Language::En) => "signed on paper",
    }
}

/// The agreement (opdrachtbevestiging): the accepted offer's terms, how it was accepted, that
/// the algemene voorwaarden were handed over, and a "Voor akkoord" block for both parties.
pub(crate) fn agreement(
    c: &OfferContent<'_>,
    agreement_number: &str,
    acceptance: &NewAcceptance,
    how: dto::AcceptedHow,
    date: NaiveDate,
) -> LetterPdf {
    let lang = c.client.document_language;
    let nl = lang == Language::Nl;
    let subject = if nl {
        format!(
            "Opdrachtbevestiging {agreement_number}: {}",
            c.form.title.trim()
        )
    } else {
        format!(
            "Confirmation of assignment {agreement_number}: {}",
            c.form.title.trim()
        )
    };
    let mut body = vec![LetterBlock::Paragraph(if nl {
        format!(
            "Op {} heb je mijn offerte {} van {} aanvaard ({}, door {}). Fijn dat we gaan samenwerken! Hierbij bevestig ik de opdracht met de afspraken die we hebben gemaakt.",
            long_date(acceptance.on, lang),
            c.number,
            short_date(c.terms.offer_date, Language::Nl),
            accepted_how_label(how, lang),
            acceptance.by
        )
    } else {
        format!(
            "On {} you accepted my quotation {} of {} ({}, by {}). I look forward to working with you! This confirms the assignment and what we agreed.",
            long_date(acceptance.on, lang),
            c.number,
            short_date(c.terms.offer_date, Language::Nl),
            accepted_how_label(how, lang),
            acceptance.by
        )
    })];
    terms_sections(c, &mut body);
    if let Some(av) = c.terms_document {
        body.push(LetterBlock::Paragraph(if nl {
            format!("Opdrachtgever verklaart de algemene voorwaarden (versie {}) vóór het sluiten van deze overeenkomst te hebben ontvangen, bij offerte {}.", av.version, c.number)
        } else {
            format!("The client declares to have received the general terms and conditions (version {}) before this contract was concluded, with quotation {}.", av.version, c.number)
        }));
    }
    body.push(LetterBlock::Paragraph(if nl {
        "Wil je deze bevestiging ondertekenen en aan mij terugsturen? Dan bewaren we allebei een getekend exemplaar."
    } else {
        "Would you sign this confirmation and send it back to me? Then we both keep a signed copy."
    }.into()));
    body.push(LetterBlock::Heading(
        if nl { "Voor akkoord" } else { "Agreed" }.into(),
    ));
    let p = c.profile;
    let signer = p.legal_name.clone().unwrap_or_else(|| p.trade_name.clone());
    for (role, who) in [
        (if nl { "Opdrachtnemer" } else { "Contractor" }, signer),
        (
            if nl { "Opdrachtgever" } else { "Client" },
            c.client.name.clone(),
        ),
    ] {
        body.push(LetterBlock::Strong(format!("{role}: {who}")));
        body.extend(signature_lines(lang));
    }
    letter(
        c.profile,
        c.logo,
        c.client,
        subject,
        agreement_number,
        date,
        body,
        closing(c.profile, nl),
        c.at,
    )
}
