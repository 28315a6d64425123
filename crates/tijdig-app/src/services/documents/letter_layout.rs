//! The letter page every Tijdig letter is built on (aanmaningen, the arrangement agreement and
//! its reminders, offers and agreements, the dashboard report): house style, the address in the
//! envelope window, date line, reference, subject, salutation and page numbers. The content
//! modules fill in the body.

use chrono::NaiveDate;
use tijdig_documents::model::{Align, Column, DocMeta, LetterBlock, LetterPdf};
use tijdig_domain::{BusinessProfile, Client, Language};
use tijdig_store::Logo;

use super::house_style::{document_id, house_style, recipient_lines, timestamp};
use crate::plumbing::format::long_date;

/// A table column of a letter.
pub(crate) fn column(header: &str, width: f32, align: Align) -> Column {
    Column {
        header: header.into(),
        width,
        align,
    }
}

/// A letter page on the house style, addressed to `client` in its document language.
#[allow(clippy::too_many_arguments)] // one letter's parts, all required
pub(crate) fn letter(
    p: &BusinessProfile,
    logo: Option<&Logo>,
    client: &Client,
    subject: String,
    reference: &str,
    date: NaiveDate,
    body: Vec<LetterBlock>,
    closing: Vec<String>,
    at: chrono::NaiveDateTime,
) -> LetterPdf {
    let lang = client.document_language;
    let (letterhead, return_line) = house_style(p, logo, lang);
    let city = p.address.city.clone().unwrap_or_default();
    LetterPdf {
        meta: DocMeta {
            title: format!("{subject} ({reference})"),
            author: p.trade_name.clone(),
            subject: format!("{subject} — {}", client.name),
            document_id: document_id(&format!("{reference}|{}|{subject}", client.name)),
            created: timestamp(at),
        },
        letterhead,
        return_line,
        recipient_lines: recipient_lines(client, lang),
        date_line: if city.is_empty() {
            long_date(date, lang)
        } else {
            format!("{city}, {}", long_date(date, lang))
        },
        meta_rows: vec![(
            if lang == Language::Nl {
                "Ons kenmerk"
            } else {
                "Our reference"
            }
            .into(),
            reference.to_string(),
        )],
        subject: subject.clone(),
        salutation: match (lang, client.contact_person.as_deref()) {
            (Language::Nl, Some(person)) => format!("Beste {person},"),
            (Language::Nl, None) => "Geachte heer, mevrouw,".into(),
            (Language::En, Some(person)) => format!("Dear {person},"),
            (Language::En, None) => "Dear Sir or Madam,".into(),
        },
        body,
        closing,
        page_label: if lang == Language::Nl {
            "pagina {page} van {pages}"
        } else {
            "page {page} of {pages}"
        }
        .into(),
        running_head: Some(if subject.contains(reference) {
            subject.clone()
        } else {
            format!("{subject} · {reference}")
        }),
    }
}

/// A report for the user themselves on the letter page (the dashboard report, the btw
/// overview), made on `date`: addressed to the business under `title` ("Debiteurenrapport
/// Studio Jansen" as its subject), `date_line` beside it, no salutation or closing. `id_seed`
/// makes its document id.
#[allow(clippy::too_many_arguments)] // one report's parts, all required
pub(crate) fn report(
    p: &BusinessProfile,
    logo: Option<&Logo>,
    title: &str,
    date: NaiveDate,
    date_line: String,
    body: Vec<LetterBlock>,
    id_seed: &str,
    at: chrono::NaiveDateTime,
    lang: Language,
) -> LetterPdf {
    let (letterhead, return_line) = house_style(p, logo, lang);
    let subject = format!("{title} {}", p.trade_name);
    LetterPdf {
        meta: DocMeta {
            title: format!("{title} {date}"),
            author: p.trade_name.clone(),
            subject: subject.clone(),
            document_id: document_id(id_seed),
            created: timestamp(at),
        },
        letterhead,
        return_line,
        recipient_lines: vec![p.trade_name.clone(), title.to_string()],
        date_line,
        meta_rows: Vec::new(),
        subject,
        salutation: String::new(),
        body,
        closing: Vec::new(),
        page_label: if lang == Language::Nl {
            "pagina {page} van {pages}"
        } else {
            "page {page} of {pages}"
        }
        .into(),
        running_head: None,
    }
}

/// The lines one party fills in to sign an agreement "voor akkoord": name and date, place and
/// signature (the arrangement agreement and the opdrachtbevestiging).
pub(crate) fn signature_lines(lang: Language) -> [LetterBlock; 2] {
    let line = "______________________";
    let (first, second) = match lang {
        Language::Nl => (
            format!("Naam: {line}   Datum: {line}"),
            format!("Plaats: {line}   Handtekening: {line}"),
        ),
        Language::En => (
            format!("Name: {line}   Date: {line}"),
            format!("Place: {line}   Signature: {line}"),
        ),
    };
    [
        LetterBlock::Paragraph(first),
        LetterBlock::Paragraph(second),
    ]
}

/// Renders a composed letter with the process-wide renderer.
pub(crate) fn render(pdf: &LetterPdf) -> Result<Vec<u8>, tijdig_documents::DocumentError> {
    tijdig_documents::Renderer::shared()?.render_letter(pdf)
}
