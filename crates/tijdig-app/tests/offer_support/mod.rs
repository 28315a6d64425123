//! Shared by the offer and agreement tests: an offer through the guided form, a small
//! voorwaarden PDF, the PDF text flattened, the client's own signature.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, UNIX_EPOCH};

use crate::support::*;
use tijdig_app::dto::*;
use tijdig_app::App;
use tijdig_documents::model::*;
use tijdig_documents::signing::{sign_pdf, SignatureInfo, SigningIdentity};

/// A small "algemene voorwaarden" PDF, as a user would upload it.
pub fn terms_pdf(article: &str) -> Vec<u8> {
    let doc = LetterPdf {
        meta: DocMeta {
            title: "Algemene voorwaarden".into(),
            author: "Studio Jansen".into(),
            subject: "Voorwaarden".into(),
            document_id: [3; 16],
            created: Timestamp {
                year: 2026,
                month: 1,
                day: 5,
                hour: 10,
                minute: 0,
                second: 0,
            },
        },
        letterhead: Letterhead {
            logo: None,
            accent: Rgb(20, 20, 20),
            sender_lines: vec!["Studio Jansen".into()],
            footer_lines: vec![],
        },
        return_line: None,
        recipient_lines: vec![],
        date_line: String::new(),
        meta_rows: vec![],
        subject: "Algemene voorwaarden Studio Jansen".into(),
        salutation: String::new(),
        body: vec![
            LetterBlock::Heading("Artikel 1 Toepasselijkheid".into()),
            LetterBlock::Paragraph(article.into()),
        ],
        closing: vec![],
        page_label: "pagina {page} van {pages}".into(),
        running_head: None,
    };
    tijdig_documents::Renderer::shared()
        .unwrap()
        .render_letter(&doc)
        .unwrap()
}

pub fn website_offer(app: &App, client: i64) -> OfferForm {
    let mut form = app.new_offer_form(Some(client)).unwrap();
    form.title = "Nieuwe website".into();
    form.scope =
        "Ontwerp en bouw van een website met vijf pagina's en een contactformulier.".into();
    form.exclusions = "Teksten en foto's levert de opdrachtgever aan.".into();
    form.planning = "Start 1 december 2026, oplevering uiterlijk 31 januari 2027.".into();
    form.acceptance_criteria = "De website is geaccepteerd als de opdrachtgever binnen 5 werkdagen na oplevering geen gebreken meldt.".into();
    form.fixed_price = "10.000,00".into();
    form.advance_kind = AdvanceKind::Percent;
    form.advance = "30".into();
    form
}

/// The PDF's text with every run of white space (line ends of wrapped paragraphs) as one space.
pub fn flat_text(pdf: &[u8], name: &str) -> String {
    pdf_text(pdf, name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn codes(review: &OfferReview) -> Vec<String> {
    review.checks.iter().map(|c| c.code.clone()).collect()
}

pub fn signed_by_client(pdf: &[u8]) -> Vec<u8> {
    let at = UNIX_EPOCH + Duration::from_secs(1_796_000_000);
    let client = SigningIdentity::generate("Eva de Vries", at).unwrap();
    sign_pdf(
        pdf,
        &client,
        &SignatureInfo {
            name: "Eva de Vries",
            reason: "Voor akkoord",
            location: "Utrecht",
        },
        at,
    )
    .unwrap()
}
