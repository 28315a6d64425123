//! The invoice as a document: every factuurvereiste (nl-rules-sources §1.1) put into the
//! documents crate's content model, in the client's document language.

use rust_decimal::Decimal;
use tijdig_documents::model::{
    Align, Column, DocMeta, InvoicePdf, PaymentBlock, PaymentLink, Table, TotalRow,
};
use tijdig_domain::epc_qr::{epc_qr_payload, EpcPayment};
use tijdig_domain::invoice::{InvoiceKind, InvoiceTotals, VatRegime};
use tijdig_domain::money::{format_eur, format_quantity};
use tijdig_domain::payment_reference::PaymentReference;
use tijdig_domain::{BusinessProfile, Client, Language};
use tijdig_store::{InvoiceData, InvoiceRecord, Logo};

use super::house_style::{document_id, house_style, recipient_lines, timestamp};
use crate::plumbing::format::{document_date, grouped};

/// What an issued invoice's PDF is made from.
pub(crate) struct Content<'a> {
    pub profile: &'a BusinessProfile,
    pub logo: Option<&'a Logo>,
    pub client: &'a Client,
    pub data: &'a InvoiceData,
    pub number: &'a str,
    pub reference: Reference<'a>,
    pub totals: &'a InvoiceTotals,
    /// For a credit note: the invoice it corrects.
    pub original: Option<Original<'a>>,
    /// The moment of issue (UTC), written as the PDF's dates.
    pub issued_at: chrono::NaiveDateTime,
    /// For a copy Tijdig makes of an invoice made in other software (its e-invoice file had
    /// no PDF): the file's name. The document then says, in its title and first note, that it
    /// is a copy and not the invoice the client received.
    pub copy_of: Option<&'a str>,
    /// The betaallink filled for this invoice (Settings → Facturen), printed in the payment
    /// block and clickable.
    pub payment_link: Option<String>,
}

/// The invoice a credit note corrects, as the credit note names it.
#[derive(Clone, Copy)]
pub(crate) struct Original<'a> {
    pub number: &'a str,
    pub invoice_date: chrono::NaiveDate,
}

impl<'a> Original<'a> {
    /// The original of an issued invoice record; `None` for a draft.
    pub(crate) fn of(record: &'a InvoiceRecord) -> Option<Original<'a>> {
        record.issued.as_ref().map(|i| Original {
            number: &i.number,
            invoice_date: record.draft.invoice_date,
        })
    }
}

/// The payment reference the payer quotes: Tijdig's own (structured, in the EPC QR code as
/// such), or the free text an imported invoice asks for (in the QR code as remittance text).
#[derive(Clone, Copy)]
pub(crate) enum Reference<'a> {
    Structured(&'a PaymentReference),
    Free(&'a str),
}

impl Reference<'_> {
    fn printed(&self) -> String {
        match self {
            Reference::Structured(r) => r.printed(),
            Reference::Free(text) => (*text).to_string(),
        }
    }
}

/// The words on the document, in its language.
struct Words {
    number: &'static str,
    date: &'static str,
    delivery_date: &'static str,
    delivery_period: &'static str,
    due_date: &'static str,
    client_btw_id: &'static str,
    credits: &'static str,
    description: &'static str,
    quantity: &'static str,
    price: &'static str,
    vat: &'static str,
    amount: &'static str,
    subtotal: &'static str,
    vat_on: &'static str,
    total: &'static str,
    to_pay: &'static str,
    payment: &'static str,
    pay_before: &'static str,
    iban: &'static str,
    holder: &'static str,
    reference: &'static str,
    scan: &'static str,
    pay_online: &'static str,
    discount: &'static str,
    page: &'static str,
    credit_settled: &'static str,
    request: &'static str,
}

const NL: Words = Words {
    number: "Factuurnummer",
    date: "Factuurdatum",
    delivery_date: "Leverdatum",
    delivery_period: "Periode",
    due_date: "Vervaldatum",
    client_btw_id: "Uw btw-id",
    credits: "Crediteert factuur",
    description: "Omschrijving",
    quantity: "Aantal",
    price: "Prijs excl. btw",
    vat: "Btw",
    amount: "Bedrag",
    subtotal: "Subtotaal excl. btw",
    vat_on: "over",
    total: "Totaal",
    to_pay: "Te betalen",
    payment: "Betaalgegevens",
    pay_before: "Uiterlijk betalen op",
    iban: "IBAN",
    holder: "Ten name van",
    reference: "Betalingskenmerk",
    scan: "Scan met je bank-app",
    pay_online: "Online betalen",
    discount: "korting",
    page: "pagina {page} van {pages}",
    credit_settled: "Dit bedrag verrekenen wij met u of betalen wij u terug.",
    request: "Wij verzoeken u het totaalbedrag vóór de vervaldatum over te maken onder vermelding van het betalingskenmerk.",
};

const EN: Words = Words {
    number: "Invoice number",
    date: "Invoice date",
    delivery_date: "Delivery date",
    delivery_period: "Period",
    due_date: "Due date",
    client_btw_id: "Your VAT number",
    credits: "Credits invoice",
    description: "Description",
    quantity: "Quantity",
    price: "Price excl. VAT",
    vat: "VAT",
    amount: "Amount",
    subtotal: "Subtotal excl. VAT",
    vat_on: "on",
    total: "Total",
    to_pay: "Amount due",
    payment: "Payment details",
    pay_before: "Please pay by",
    iban: "IBAN",
    holder: "Account holder",
    reference: "Payment reference",
    scan: "Scan with your banking app",
    pay_online: "Pay online",
    discount: "discount",
    page: "page {page} of {pages}",
    credit_settled: "We will offset this amount or refund it to you.",
    request: "Please transfer the total before the due date, quoting the payment reference.",
};

/// A unit price: cents as usual, but all its decimals (up to 4) when it has more, so that
/// quantity × price visibly gives the line amount (3 × € 0,335 = € 1,01).
fn unit_price(price: Decimal, lang: Language) -> String {
    if price.normalize().scale() <= 2 {
        return format_eur(price, lang);
    }
    let digits = format_quantity(price, lang);
    match lang {
        Language::Nl => format!("€ {digits}"),
        Language::En => format!("€{digits}"),
    }
}

/// Renders the invoice with the process-wide renderer (fonts parsed once).
pub(crate) fn render(c: &Content<'_>) -> Result<Vec<u8>, tijdig_documents::DocumentError> {
    tijdig_documents::Renderer::shared()?.render_invoice(&build(c))
}

fn build(c: &Content<'_>) -> InvoicePdf {
    let lang = c.client.document_language;
    let w = match lang {
        Language::Nl => &NL,
        Language::En => &EN,
    };
    let p = c.profile;
    let data = c.data;
    let money = |d: Decimal| format_eur(d, lang);
    let kind_title = match (c.copy_of, lang) {
        (None, _) => data.kind.title(lang).to_string(),
        (Some(_), Language::Nl) => format!("Kopie {}", data.kind.title(lang).to_lowercase()),
        (Some(_), Language::En) => format!("Copy of {}", data.kind.title(lang).to_lowercase()),
    };
    let title = format!("{kind_title} {}", c.number);

    let (letterhead, return_line) = house_style(p, c.logo, lang);
    let recipient_lines = recipient_lines(c.client, lang);

    let mut meta_rows = vec![
        (w.number.to_string(), c.number.to_string()),
        (w.date.to_string(), document_date(data.invoice_date, lang)),
    ];
    match (data.delivery_from, data.delivery_to) {
        (Some(first), Some(last)) => meta_rows.push((
            w.delivery_period.to_string(),
            format!(
                "{} – {}",
                document_date(first, lang),
                document_date(last, lang)
            ),
        )),
        (Some(day), None) | (None, Some(day)) if day != data.invoice_date => {
            meta_rows.push((w.delivery_date.to_string(), document_date(day, lang)))
        }
        _ => {}
    }
    let due = tijdig_domain::invoice::due_date(data.invoice_date, data.payment_term_days);
    if data.kind != InvoiceKind::CreditNote {
        meta_rows.push((w.due_date.to_string(), document_date(due, lang)));
    }
    if let Some(original) = c.original {
        meta_rows.push((
            w.credits.to_string(),
            format!(
                "{} ({})",
                original.number,
                document_date(original.invoice_date, lang)
            ),
        ));
    }
    if let Some(btw) = &c.client.btw_id {
        meta_rows.push((w.client_btw_id.to_string(), btw.clone()));
    }

    let show_vat = data.vat_regime != VatRegime::Kor;
    let mut columns = vec![
        Column {
            header: w.description.into(),
            width: 46.0,
            align: Align::Left,
        },
        Column {
            header: w.quantity.into(),
            width: 14.0,
            align: Align::Right,
        },
        Column {
            header: w.price.into(),
            width: 17.0,
            align: Align::Right,
        },
    ];
    if show_vat {
        columns.push(Column {
            header: w.vat.into(),
            width: 10.0,
            align: Align::Right,
        });
    }
    columns.push(Column {
        header: w.amount.into(),
        width: 16.0,
        align: Align::Right,
    });
    let rows = data
        .lines
        .iter()
        .map(|line| {
            let mut description = line.description.clone();
            if let Some(discount) = line.discount_percent {
                description.push_str(&format!(
                    " ({} {}%)",
                    w.discount,
                    format_quantity(discount, lang)
                ));
            }
            let quantity = format!("{} {}", format_quantity(line.quantity, lang), line.unit)
                .trim()
                .to_string();
            let mut row = vec![description, quantity, unit_price(line.unit_price, lang)];
            if show_vat {
                let treatment = data
                    .vat_regime
                    .effective_treatment(line.vat)
                    .unwrap_or(line.vat);
                row.push(
                    treatment
                        .label(lang)
                        .trim_start_matches("Btw ")
                        .trim_start_matches("VAT ")
                        .to_string(),
                );
            }
            row.push(money(line.amount()));
            row
        })
        .collect();

    let t = c.totals;
    let mut totals = vec![TotalRow {
        label: w.subtotal.into(),
        value: money(t.subtotal),
        strong: false,
    }];
    for row in &t.rows {
        totals.push(TotalRow {
            label: format!("{} {} {}", row.label(lang), w.vat_on, money(row.base)),
            value: money(row.btw),
            strong: false,
        });
    }
    let total_label = if data.kind == InvoiceKind::CreditNote {
        w.total
    } else {
        w.to_pay
    };
    totals.push(TotalRow {
        label: total_label.into(),
        value: money(t.total),
        strong: true,
    });

    let mut notes: Vec<String> = Vec::new();
    if let Some(file) = c.copy_of {
        notes.push(match lang {
            Language::Nl => format!("Kopie, door Tijdig gemaakt uit het e-factuurbestand {file}. Dit is niet de factuur zoals de klant die ontving."),
            Language::En => format!("Copy made by Tijdig from the e-invoice file {file}. This is not the invoice as the client received it."),
        });
    }
    notes.extend(t.notes.iter().map(|n| n.text(lang).to_string()));
    if let Some(note) = &data.note {
        notes.push(note.clone());
    }

    let holder = p
        .account_holder
        .clone()
        .unwrap_or_else(|| p.legal_name.clone().unwrap_or_else(|| p.trade_name.clone()));
    let payment = match (&p.iban, data.kind) {
        (_, InvoiceKind::CreditNote) => {
            notes.push(w.credit_settled.into());
            None
        }
        (Some(iban), _) => {
            notes.push(w.request.into());
            let qr = epc_qr_payload(&EpcPayment {
                name: &holder,
                iban,
                bic: None,
                amount: t.total,
                reference: match c.reference {
                    Reference::Structured(r) => Some(r.as_str()),
                    Reference::Free(_) => None,
                },
                text: match c.reference {
                    Reference::Structured(_) => None,
                    Reference::Free(text) => Some(text),
                },
            })
            .ok();
            Some(PaymentBlock {
                heading: w.payment.into(),
                rows: vec![
                    (w.to_pay.into(), money(t.total)),
                    (w.pay_before.into(), document_date(due, lang)),
                    (w.iban.into(), grouped(iban)),
                    (w.holder.into(), holder.clone()),
                    (w.reference.into(), c.reference.printed()),
                ],
                qr_caption: qr.as_ref().map(|_| w.scan.to_string()),
                qr_payload: qr,
                link: c.payment_link.clone().map(|url| PaymentLink {
                    label: w.pay_online.into(),
                    url,
                }),
            })
        }
        (None, _) => None,
    };

    let document_id = document_id(&format!("{}|{}|{}", c.number, c.client.name, t.total));
    let at = c.issued_at;
    InvoicePdf {
        meta: DocMeta {
            title: title.clone(),
            author: p.trade_name.clone(),
            subject: format!("{title} — {}", c.client.name),
            document_id,
            created: timestamp(at),
        },
        letterhead,
        return_line,
        recipient_lines,
        title: kind_title,
        meta_rows,
        table: Table { columns, rows },
        totals,
        notes,
        payment,
        page_label: w.page.into(),
        running_head: Some(title),
    }
}
