//! Deciding, per e-invoice, whether and how it becomes an imported invoice: the seller must be
//! the user's own business, the number new, a credit note's invoice known, the VAT Dutch; the
//! client found by KvK, btw-id, IBAN or name, or made from the file's buyer with the rules of
//! the client form.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::address::AddressInput;
use tijdig_domain::bank::text::name_key;
use tijdig_domain::client::{ClientDraft, ClientKind, DebtorType, PreferredChannel};
use tijdig_domain::einvoice::{EInvoice, EInvoiceKind, ELine};
use tijdig_domain::invoice::{InvoiceKind, InvoiceLine, VatRegime, VatTreatment};
use tijdig_domain::payment_reference::{PaymentReference, PaymentReferenceKind};
use tijdig_domain::{BusinessProfile, Client, Language};
use tijdig_store::{ClientChoice, ExternalFacts, ExternalVatRow, InvoiceData, NewPayment};

/// A client Tijdig knows, with what it is recognised by.
pub(super) struct KnownClient {
    pub id: i64,
    pub name: String,
    pub kvk: Option<String>,
    pub btw_id: Option<String>,
    pub ibans: Vec<String>,
}

/// An invoice that can be imported, ready but for its PDF.
pub(super) struct Planned {
    pub file_name: String,
    pub invoice: EInvoice,
    pub client: ClientChoice,
    pub client_name: String,
    pub data: InvoiceData,
    pub total: Decimal,
    pub reference: String,
    pub facts: ExternalFacts,
    pub corrects: Option<(String, NaiveDate)>,
    pub prepaid: Option<NewPayment>,
    /// What Tijdig decided where the file is silent.
    pub notes: Vec<String>,
}

/// The days Tijdig gives an invoice whose file names no due date: the statutory term when
/// none was agreed (art. 6:119a lid 2 BW, 30 days; art. 6:96/6:119 for consumers).
pub(super) const TERM_WHEN_SILENT: i64 = 30;

/// Compares btw-ids and KvK numbers as written by different programs.
pub(super) fn id_key(raw: &str) -> String {
    raw.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Whether the file's seller is the user's business (same KvK-nummer or btw-id). `Err` says
/// why not, in the user's language.
pub(super) fn check_seller(
    e: &EInvoice,
    profile: &BusinessProfile,
    lang: Language,
) -> Result<(), String> {
    let own_kvk = profile.kvk.as_deref().map(id_key);
    let own_btw = profile.btw_id.as_deref().map(id_key);
    if own_kvk.is_none() && own_btw.is_none() {
        return Err(match lang {
            Language::Nl => "Vul eerst uw KvK-nummer of btw-id in bij Instellingen → Bedrijfsgegevens: daaraan herkent Tijdig uw eigen facturen.".into(),
            Language::En => "First fill in your KvK number or VAT number in Settings → Business details: that is how Tijdig recognises your own invoices.".into(),
        });
    }
    let kvk = e.seller.kvk.as_deref().map(id_key);
    let btw = e.seller.vat_id.as_deref().map(id_key);
    let same = (own_kvk.is_some() && kvk == own_kvk) || (own_btw.is_some() && btw == own_btw);
    if same {
        return Ok(());
    }
    let said = [
        e.seller.kvk.as_ref().map(|k| format!("KvK {k}")),
        e.seller.vat_id.as_ref().map(|b| format!("btw-id {b}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let name = if e.seller.name.is_empty() {
        "?"
    } else {
        e.seller.name.as_str()
    };
    Err(match lang {
        Language::Nl => format!("Dit is geen factuur van uw bedrijf: de leverancier in het bestand is {name}{}. Tijdig leest alleen facturen in die u zelf verstuurde (zelfde KvK-nummer of btw-id als in uw bedrijfsgegevens).", if said.is_empty() { String::new() } else { format!(" ({said})") }),
        Language::En => format!("This is not an invoice of your business: the supplier in the file is {name}{}. Tijdig imports only invoices you sent yourself (the same KvK number or VAT number as in your business details).", if said.is_empty() { String::new() } else { format!(" ({said})") }),
    })
}

/// Tijdig's VAT treatment of a VAT category and rate (UNCL5305), or why there is none.
pub(super) fn treatment(
    category: &str,
    percent: Decimal,
    lang: Language,
) -> Result<VatTreatment, String> {
    let rate = percent.normalize();
    match category {
        "S" if rate == Decimal::from(21) => Ok(VatTreatment::Standard21),
        "S" if rate == Decimal::from(9) => Ok(VatTreatment::Reduced9),
        "Z" | "G" | "O" => Ok(VatTreatment::Zero),
        "E" => Ok(VatTreatment::Exempt),
        "AE" | "K" => Ok(VatTreatment::ReverseCharge),
        "S" => Err(match lang {
            Language::Nl => format!("Btw-tarief {rate} % kent Tijdig niet: alleen de huidige Nederlandse tarieven 21 % en 9 %."),
            Language::En => format!("Tijdig does not know VAT rate {rate} %: only the current Dutch rates 21 % and 9 %."),
        }),
        other => Err(match lang {
            Language::Nl => format!("Btw-categorie \u{201c}{other}\u{201d} kent Tijdig niet."),
            Language::En => format!("Tijdig does not know VAT category \u{201c}{other}\u{201d}."),
        }),
    }
}

/// The unit as Tijdig writes it, from the UN/ECE rec. 20 code.
fn unit(code: Option<&str>, lang: Language) -> String {
    let nl = lang == Language::Nl;
    match code.unwrap_or("") {
        "HUR" => if nl { "uur" } else { "hour" }.into(),
        "DAY" => if nl { "dag" } else { "day" }.into(),
        "MIN" => "min".into(),
        "MON" => if nl { "maand" } else { "month" }.into(),
        "ANN" => if nl { "jaar" } else { "year" }.into(),
        "KGM" => "kg".into(),
        "MTR" => "m".into(),
        "KMT" => "km".into(),
        "" | "C62" | "EA" | "H87" | "XPP" | "ZZ" => if nl { "stuk" } else { "piece" }.into(),
        other => other.to_lowercase(),
    }
}

/// A line as Tijdig keeps it: the file's quantity and price when they give its amount, else one
/// unit of the line's amount (a line with its own discount). On a credit note the quantity is
/// negative, as on Tijdig's own.
fn line(l: &ELine, sign: Decimal, vat: VatTreatment, lang: Language) -> InvoiceLine {
    let price = l.unit_price.abs();
    let exact = (l.quantity * l.unit_price).round_dp(2) == l.net && !l.quantity.is_zero();
    let (quantity, unit_price, unit_name) = if exact {
        (l.quantity * sign, price, unit(l.unit_code.as_deref(), lang))
    } else {
        let one = if l.net < Decimal::ZERO {
            -Decimal::ONE
        } else {
            Decimal::ONE
        };
        (one * sign, l.net.abs(), unit(None, lang))
    };
    InvoiceLine {
        description: if l.description.is_empty() {
            format!("Regel {}", l.id)
        } else {
            l.description.clone()
        },
        quantity,
        unit: unit_name,
        unit_price,
        vat,
        discount_percent: None,
    }
}

/// Plans one read e-invoice. `known_numbers`: numbers taken in Tijdig or planned earlier in
/// this import (with their invoice date, for a credit note's reference), `true` when imported.
pub(super) fn plan(
    file_name: &str,
    e: EInvoice,
    clients: &[KnownClient],
    new_clients: &mut Vec<(String, Client)>,
    known_numbers: &HashMap<String, (bool, Option<NaiveDate>)>,
    imported_at: &str,
    lang: Language,
) -> Result<Planned, String> {
    let nl = lang == Language::Nl;
    let negative = e.totals.payable < Decimal::ZERO || e.totals.tax_inclusive < Decimal::ZERO;
    let credit = match (e.kind, negative) {
        (EInvoiceKind::CreditNote, _) => true,
        (EInvoiceKind::Invoice, true) if e.corrects.is_some() => true,
        (EInvoiceKind::Invoice, true) => {
            return Err(if nl {
                "Een factuur met een negatief bedrag is geen vordering: lees de creditnota in die naar de factuur verwijst.".into()
            } else {
                "An invoice with a negative amount is no claim: import the credit note that refers to the invoice.".into()
            })
        }
        (EInvoiceKind::Invoice, false) => false,
    };
    if let Some((external, _)) = known_numbers.get(&e.number) {
        return Err(match (external, nl) {
            (true, true) => format!("Factuur {} is al ingelezen.", e.number),
            (true, false) => format!("Invoice {} was imported before.", e.number),
            (false, true) => format!("Nummer {} is al een factuur van Tijdig zelf.", e.number),
            (false, false) => format!(
                "Number {} is already one of Tijdig's own invoices.",
                e.number
            ),
        });
    }
    let corrects = match (&e.corrects, credit) {
        (Some(number), true) => match known_numbers.get(number) {
            Some((_, Some(date))) => Some((number.clone(), *date)),
            _ => {
                return Err(if nl {
                    format!("Deze creditnota verwijst naar factuur {number}, die niet in Tijdig staat: lees die eerst in.")
                } else {
                    format!("This credit note refers to invoice {number}, which is not in Tijdig: import it first.")
                })
            }
        },
        (None, true) => {
            return Err(if nl {
                "Deze creditnota noemt niet welke factuur ze corrigeert.".into()
            } else {
                "This credit note does not name the invoice it corrects.".into()
            })
        }
        (_, false) => None,
    };
    let sign = if credit { -Decimal::ONE } else { Decimal::ONE };
    let mut lines = Vec::new();
    for l in &e.lines {
        lines.push(line(
            l,
            sign,
            treatment(&l.vat_category, l.vat_percent, lang)?,
            lang,
        ));
    }
    for ac in &e.allowances_charges {
        let vat = treatment(&ac.category, ac.percent, lang)?;
        let what = match (ac.charge, nl) {
            (true, true) => "Toeslag",
            (true, false) => "Charge",
            (false, true) => "Korting",
            (false, false) => "Allowance",
        };
        let one = if ac.charge {
            Decimal::ONE
        } else {
            -Decimal::ONE
        };
        lines.push(InvoiceLine {
            description: ac
                .reason
                .as_ref()
                .map_or(what.to_string(), |r| format!("{what}: {r}")),
            quantity: one * sign,
            unit: unit(None, lang),
            unit_price: ac.amount.abs(),
            vat,
            discount_percent: None,
        });
    }
    let mut vat_rows: Vec<ExternalVatRow> = Vec::new();
    for s in &e.tax_subtotals {
        let t = treatment(&s.category, s.percent, lang)?;
        match vat_rows.iter_mut().find(|r| r.treatment == t) {
            Some(row) => {
                row.base += s.taxable * sign;
                row.vat += s.tax * sign;
            }
            None => vat_rows.push(ExternalVatRow {
                treatment: t,
                base: s.taxable * sign,
                vat: s.tax * sign,
            }),
        }
    }
    vat_rows.sort_by_key(|r| VatTreatment::ALL.iter().position(|t| *t == r.treatment));
    let regime = if e.tax_subtotals.iter().any(|s| s.category == "K") {
        VatRegime::IntraEu
    } else if e.tax_subtotals.iter().any(|s| s.category == "AE") {
        VatRegime::ReverseCharge
    } else {
        VatRegime::Normal
    };
    let mut notes = Vec::new();
    let term = match e.due_date {
        Some(due) => {
            let days = (due - e.issue_date).num_days();
            if days > 365 {
                return Err(if nl {
                    "De vervaldatum ligt meer dan een jaar na de factuurdatum.".into()
                } else {
                    "The due date is more than a year after the invoice date.".into()
                });
            }
            days.max(0)
        }
        None if credit => 0,
        None => {
            notes.push(if nl {
                format!("Het bestand noemt geen vervaldatum: Tijdig rekent met {TERM_WHEN_SILENT} dagen, de wettelijke termijn.")
            } else {
                format!("The file names no due date: Tijdig uses {TERM_WHEN_SILENT} days, the statutory term.")
            });
            TERM_WHEN_SILENT
        }
    };
    let (client, client_name) = match find_client(&e, clients) {
        Some(c) => (ClientChoice::Existing(c.id), c.name.clone()),
        None => {
            let draft = client_draft(&e);
            let key = new_client_key(&draft);
            match new_clients.iter().position(|(k, _)| *k == key) {
                Some(i) => (ClientChoice::New(i), new_clients[i].1.name.clone()),
                None => {
                    let validated = crate::services::printable::validate_client(&draft).map_err(|issues| {
                        let fields: Vec<String> = issues.iter().map(|i| i.issue.message(lang)).collect();
                        if nl {
                            format!("De klant in dit bestand ({}) is niet volledig of niet juist: {}. Maak de klant eerst aan in Tijdig.", draft.name, fields.join("; "))
                        } else {
                            format!("The client in this file ({}) is incomplete or wrong: {}. Create the client in Tijdig first.", draft.name, fields.join("; "))
                        }
                    })?;
                    new_clients.push((key, validated.value));
                    let i = new_clients.len() - 1;
                    (ClientChoice::New(i), new_clients[i].1.name.clone())
                }
            }
        }
    };
    let reference = e
        .payment_reference
        .clone()
        .unwrap_or_else(|| e.number.clone());
    let reference_kind = match PaymentReference::parse(&reference) {
        Ok(PaymentReference::Dutch16(_)) => PaymentReferenceKind::Dutch16,
        _ => PaymentReferenceKind::Rf,
    };
    let prepaid = e
        .totals
        .prepaid
        .filter(|p| *p > Decimal::ZERO && !credit)
        .map(|amount| NewPayment {
            paid_on: e.issue_date,
            amount,
            method: "other".into(),
            note: Some(if nl {
                "Vooruitbetaald volgens het e-factuurbestand".into()
            } else {
                "Prepaid according to the e-invoice file".into()
            }),
        });
    let data = InvoiceData {
        kind: if credit {
            InvoiceKind::CreditNote
        } else {
            InvoiceKind::Standard
        },
        client_id: 0,
        invoice_date: e.issue_date,
        delivery_from: None,
        delivery_to: None,
        payment_term_days: u32::try_from(term).unwrap_or(0),
        vat_regime: regime,
        reference_kind,
        note: e.payment_terms.clone(),
        credits_invoice_id: None,
        lines,
    };
    let findings: Vec<String> = e
        .findings
        .iter()
        .map(|f| format!("[{}] {}", f.rule, if nl { &f.nl } else { &f.en }))
        .collect();
    if e.pdf.is_none() {
        notes.push(if nl {
            "Het bestand bevat geen PDF: Tijdig maakt een kopie, als kopie gemarkeerd.".into()
        } else {
            "The file holds no PDF: Tijdig makes a copy, marked as such.".into()
        });
    }
    Ok(Planned {
        notes,
        file_name: file_name.to_string(),
        client,
        client_name,
        total: e.totals.tax_inclusive * sign,
        reference,
        facts: ExternalFacts {
            format: "ubl".into(),
            file_name: file_name.chars().take(200).collect(),
            pdf_is_copy: e.pdf.is_none(),
            subtotal: e.totals.tax_exclusive * sign,
            vat_total: e.totals.tax * sign,
            vat_rows,
            findings,
            imported_at: imported_at.to_string(),
        },
        data,
        corrects,
        prepaid,
        invoice: e,
    })
}

/// The client the file's buyer is: same KvK-nummer, btw-id, account (a direct debit's) or name.
fn find_client<'a>(e: &EInvoice, clients: &'a [KnownClient]) -> Option<&'a KnownClient> {
    let kvk = e.buyer.kvk.as_deref().map(id_key);
    let btw = e.buyer.vat_id.as_deref().map(id_key);
    let name = name_key(&e.buyer.name);
    let trading = e.buyer.trading_name.as_deref().map(name_key);
    clients
        .iter()
        .find(|c| kvk.is_some() && c.kvk.as_deref().map(id_key) == kvk)
        .or_else(|| {
            clients
                .iter()
                .find(|c| btw.is_some() && c.btw_id.as_deref().map(id_key) == btw)
        })
        .or_else(|| {
            let iban = e.payer_iban.as_deref()?;
            clients.iter().find(|c| c.ibans.iter().any(|i| i == iban))
        })
        .or_else(|| {
            clients.iter().find(|c| {
                let key = name_key(&c.name);
                !key.is_empty() && (key == name || Some(&key) == trading.as_ref())
            })
        })
}

/// How a new client is told apart from another in the same import.
fn new_client_key(d: &ClientDraft) -> String {
    if !d.kvk.is_empty() {
        format!("kvk:{}", id_key(&d.kvk))
    } else if !d.btw_id.is_empty() {
        format!("btw:{}", id_key(&d.btw_id))
    } else {
        format!("name:{}", name_key(&d.name))
    }
}

/// The client form as the buyer in the file fills it. A street with its house number
/// (`Hoofdstraat 12a`) is split at the last word that starts with a digit.
pub(super) fn client_draft(e: &EInvoice) -> ClientDraft {
    let b = &e.buyer;
    let (street, house_number) =
        tijdig_domain::address::split_street(b.street.as_deref().unwrap_or_default());
    ClientDraft {
        kind: ClientKind::Business,
        name: if b.name.is_empty() {
            b.trading_name.clone().unwrap_or_default()
        } else {
            b.name.clone()
        },
        contact_person: b.contact.clone().unwrap_or_default(),
        address: AddressInput {
            street,
            house_number,
            postcode: b.postcode.clone().unwrap_or_default(),
            city: b.city.clone().unwrap_or_default(),
            country: b.country.clone().unwrap_or_default(),
        },
        email: b.email.clone().unwrap_or_default(),
        phone: String::new(),
        kvk: b.kvk.clone().unwrap_or_default(),
        btw_id: b.vat_id.clone().unwrap_or_default(),
        iban: e.payer_iban.clone().unwrap_or_default(),
        preferred_channel: if b.email.is_some() {
            PreferredChannel::Email
        } else {
            PreferredChannel::Letter
        },
        payment_term_days: String::new(),
        document_language: if b.country.as_deref().is_none_or(|c| c == "NL") {
            Language::Nl
        } else {
            Language::En
        },
        notes: String::new(),
        debtor_type: DebtorType::Unknown,
        large_company: false,
    }
}

/// Plans one row of a sheet of open invoices (no UBL): the invoice's amount and what was paid
/// of it, with no lines or VAT of its own — the sheet does not give them. Kept as one line "the
/// invoice amount, btw included" and a registration document instead of a copy of the invoice.
pub(super) fn plan_sheet_row(
    file_name: &str,
    row: tijdig_domain::open_invoice_sheet::SheetInvoice,
    clients: &[KnownClient],
    new_clients: &mut Vec<(String, Client)>,
    known_numbers: &HashMap<String, (bool, Option<NaiveDate>)>,
    imported_at: &str,
    lang: Language,
) -> Result<Planned, String> {
    use tijdig_domain::einvoice::{EParty, ETotals, RuleSet};
    let nl = lang == Language::Nl;
    let buyer = EParty {
        name: row.client.clone(),
        kvk: row.kvk.clone(),
        email: row.email.clone(),
        ..EParty::default()
    };
    let invoice = EInvoice {
        kind: EInvoiceKind::Invoice,
        rule_set: RuleSet::Other,
        customization: None,
        type_code: None,
        number: row.number.clone(),
        issue_date: row.invoice_date,
        due_date: Some(row.due_date),
        currency: "EUR".into(),
        buyer_reference: None,
        order_reference: None,
        corrects: None,
        payment_terms: None,
        payment_reference: None,
        payee_iban: None,
        payer_iban: None,
        payment_means_codes: Vec::new(),
        notes: Vec::new(),
        seller: EParty::default(),
        buyer,
        lines: Vec::new(),
        allowances_charges: Vec::new(),
        tax_subtotals: Vec::new(),
        totals: ETotals {
            line_extension: row.total,
            allowances: None,
            charges: None,
            tax_exclusive: row.total,
            tax: Decimal::ZERO,
            tax_inclusive: row.total,
            prepaid: Some(row.paid).filter(|p| *p > Decimal::ZERO),
            rounding: None,
            payable: row.total - row.paid,
        },
        pdf: None,
        findings: Vec::new(),
    };
    let mut planned = plan(
        file_name,
        invoice,
        clients,
        new_clients,
        known_numbers,
        imported_at,
        lang,
    )?;
    planned.data.lines = vec![InvoiceLine {
        description: if nl {
            format!("Factuur {} (bedrag incl. btw)", row.number)
        } else {
            format!("Invoice {} (amount incl. VAT)", row.number)
        },
        quantity: Decimal::ONE,
        unit: unit(None, lang),
        unit_price: row.total,
        vat: VatTreatment::Zero,
        discount_percent: None,
    }];
    planned.facts.format = "csv".into();
    planned.notes = vec![if nl {
        "Uit een overzicht zonder regels en btw: Tijdig bewaart het bedrag en een registratie in plaats van de factuur.".into()
    } else {
        "From a list without lines or VAT: Tijdig keeps the amount and a registration instead of the invoice.".into()
    }];
    if let Some(p) = &mut planned.prepaid {
        p.note = Some(if nl {
            "Al betaald volgens het overzicht".into()
        } else {
            "Paid already according to the list".into()
        });
    }
    Ok(planned)
}
