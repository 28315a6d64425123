//! The PDF Tijdig keeps for an imported invoice whose file holds none: a copy of the invoice
//! (from an e-invoice's lines and totals), or a registration (from a list of open invoices,
//! which has no lines). Both say what they are; neither is signed — neither is the original.

use tijdig_domain::{format_eur, Client, Language};

use super::plan::Planned;
use crate::services::documents::invoice as invoice_pdf;
use crate::services::invoice_amounts::external_totals;
use crate::{AppError, ErrorCode};

/// The copy Tijdig renders of an invoice whose file holds no PDF: its lines and the file's
/// totals, marked as a copy in title and notes, not signed (it is not the original).
pub(super) fn render_copy(
    p: &Planned,
    profile: &tijdig_domain::BusinessProfile,
    logo: Option<&tijdig_store::Logo>,
    client: &Client,
    issued_at: chrono::NaiveDateTime,
    lang: Language,
) -> Result<Vec<u8>, AppError> {
    let totals = external_totals(&p.facts, &p.data);
    let content = invoice_pdf::Content {
        profile,
        logo,
        client,
        data: &p.data,
        number: &p.invoice.number,
        reference: invoice_pdf::Reference::Free(&p.reference),
        totals: &totals,
        original: p
            .corrects
            .as_ref()
            .map(|(number, date)| invoice_pdf::Original {
                number,
                invoice_date: *date,
            }),
        issued_at,
        payment_link: None,
        copy_of: Some(&p.file_name),
    };
    invoice_pdf::render(&content).map_err(|err| {
        let number = &p.invoice.number;
        failed(
            &format!("a copy of {number}"),
            err,
            match lang {
                Language::Nl => format!("Tijdig kon geen kopie maken van factuur {number}."),
                Language::En => format!("Tijdig could not make a copy of invoice {number}."),
            },
            lang,
        )
    })
}

/// The document Tijdig keeps for an open invoice read from a list (no UBL, no PDF): not a copy
/// of the invoice — the list has no lines — but a registration of what the list said, on the
/// house style.
pub(super) fn render_registration(
    p: &Planned,
    profile: &tijdig_domain::BusinessProfile,
    logo: Option<&tijdig_store::Logo>,
    client: &Client,
    issued_at: chrono::NaiveDateTime,
    lang: Language,
) -> Result<Vec<u8>, AppError> {
    use crate::services::documents::letter_layout;
    use tijdig_documents::model::{LetterBlock, TotalRow};
    let nl = lang == Language::Nl;
    let number = &p.invoice.number;
    let money = |d: rust_decimal::Decimal| format_eur(d, lang);
    let mut rows = vec![TotalRow {
        label: if nl {
            "Factuurbedrag incl. btw".into()
        } else {
            "Invoice amount incl. VAT".into()
        },
        value: money(p.total),
        strong: false,
    }];
    if let Some(paid) = &p.prepaid {
        rows.push(TotalRow {
            label: if nl {
                "Al betaald".into()
            } else {
                "Paid already".into()
            },
            value: money(paid.amount),
            strong: false,
        });
    }
    let due = tijdig_domain::invoice::due_date(p.data.invoice_date, p.data.payment_term_days);
    let body = vec![
        LetterBlock::Paragraph(if nl {
            format!("Registratie van factuur {number} van {}, vervaldatum {}, gemaakt in een ander programma en ingelezen uit {} om door Tijdig te worden opgevolgd. Dit is niet de factuur zelf: die heeft de klant uit dat programma ontvangen.", crate::plumbing::format::document_date(p.data.invoice_date, lang), crate::plumbing::format::document_date(due, lang), p.file_name)
        } else {
            format!("Registration of invoice {number} of {}, due {}, made in other software and imported from {} to be followed up by Tijdig. This is not the invoice itself: the client received that from the other software.", crate::plumbing::format::document_date(p.data.invoice_date, lang), crate::plumbing::format::document_date(due, lang), p.file_name)
        }),
        LetterBlock::Totals(rows),
    ];
    let subject = if nl {
        format!("Registratie factuur {number}")
    } else {
        format!("Registration of invoice {number}")
    };
    let pdf = letter_layout::letter(
        profile,
        logo,
        client,
        subject,
        number,
        p.data.invoice_date,
        body,
        Vec::new(),
        issued_at,
    );
    letter_layout::render(&pdf).map_err(|err| {
        failed(
            &format!("the registration of {number}"),
            err,
            match lang {
                Language::Nl => {
                    format!("Tijdig kon de registratie van factuur {number} niet maken.")
                }
                Language::En => {
                    format!("Tijdig could not make the registration of invoice {number}.")
                }
            },
            lang,
        )
    })
}

/// A document that could not be rendered refuses the whole import: logged for the developer,
/// said to the user with what was not made.
fn failed(
    what: &str,
    err: tijdig_documents::DocumentError,
    sentence: String,
    lang: Language,
) -> AppError {
    eprintln!("tijdig: rendering {what} failed: {err}");
    AppError {
        code: ErrorCode::Internal,
        message: match lang {
            Language::Nl => format!("{sentence} Er is niets ingelezen."),
            Language::En => format!("{sentence} Nothing was imported."),
        },
        fields: Vec::new(),
    }
}
