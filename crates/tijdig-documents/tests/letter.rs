//! Renders sample letters (a 14-dagenbrief and a short reminder) and checks them with
//! poppler's `pdftotext` and `qpdf` like the invoices in `render.rs`: the text reads as
//! written, long letters break across pages with the closing never alone, the output is
//! deterministic and the recipient sits in the envelope window.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod samples;
mod support;

use support::{has, out_dir, run, save_and_extract};
use tijdig_documents::{LetterBlock, LetterPdf, Renderer};

fn render_letter(doc: &LetterPdf) -> Vec<u8> {
    Renderer::shared()
        .expect("fonts")
        .render_letter(doc)
        .expect("render letter")
}

fn render(doc: &tijdig_documents::InvoicePdf) -> Vec<u8> {
    Renderer::shared()
        .expect("fonts")
        .render_invoice(doc)
        .expect("render")
}

/// Every text of a letter, in the order drawn; the body's paragraphs word by word.
fn assert_letter_text(doc: &LetterPdf, text: &str) {
    let mut expected: Vec<&str> = vec![&doc.subject, &doc.date_line, &doc.salutation];
    expected.extend(doc.letterhead.sender_lines.iter().map(String::as_str));
    expected.extend(doc.letterhead.footer_lines.iter().map(String::as_str));
    expected.extend(doc.recipient_lines.iter().map(String::as_str));
    expected.extend(doc.return_line.as_deref());
    expected.extend(doc.closing.iter().map(String::as_str));
    for (label, value) in &doc.meta_rows {
        expected.extend([label.as_str(), value.as_str()]);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for block in &doc.body {
        match block {
            LetterBlock::Paragraph(p)
            | LetterBlock::Strong(p)
            | LetterBlock::Heading(p)
            | LetterBlock::Small(p) => {
                for word in p.split_whitespace() {
                    assert!(words.contains(&word), "missing word {word:?} of {p:?}");
                }
            }
            LetterBlock::Table(table) => {
                expected.extend(table.columns.iter().map(|c| c.header.as_str()));
                for row in &table.rows {
                    expected.extend(row.iter().map(String::as_str));
                }
            }
            LetterBlock::Totals(rows) => {
                for total in rows {
                    expected.extend([total.label.as_str(), total.value.as_str()]);
                }
            }
            LetterBlock::Payment(payment) => {
                expected.push(&payment.heading);
                for (label, value) in &payment.rows {
                    expected.extend([label.as_str(), value.as_str()]);
                }
                expected.extend(payment.qr_caption.as_deref());
            }
        }
    }
    for value in expected {
        assert!(has(text, value), "missing {value:?} in:\n{text}");
    }
}

/// The page (0-based) on which `needle` first appears.
fn page_of(pages: &[String], needle: &str) -> Option<usize> {
    pages.iter().position(|p| has(p, needle))
}

#[test]
fn fourteen_day_letter() {
    let doc = samples::letter(3);
    let pdf = render_letter(&doc);
    let pages = save_and_extract("letter-14dagen", &pdf);
    let n = pages.len();
    let all = pages.join("\n");
    assert_letter_text(&doc, &all);
    // The term's wording intact (it may wrap: the line break reads as a space).
    assert!(has(&all, samples::FOURTEEN_DAYS), "term wording:\n{all}");
    for invoice in samples::letter_invoices(3) {
        assert!(has(&all, &invoice.number), "invoice {}", invoice.number);
    }
    for (i, page) in pages.iter().enumerate() {
        assert!(has(page, &format!("pagina {} van {n}", i + 1)));
    }
    // The letter reads in order: subject, salutation, body, closing at the end.
    let order = [
        doc.subject.as_str(),
        "Geachte heer Jansen,",
        "Op 3 november 2026",
        "Berekening van de rente",
        "Totaal te betalen",
        "Betaalgegevens",
        "Met vriendelijke groet,",
        "Anna de Vries",
    ];
    let squashed = all.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut at = 0;
    for needle in order {
        let found = squashed[at..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} out of order"));
        at += found + needle.len();
    }
    // The payment block and the closing are each whole on one page, the closing on the last.
    assert_eq!(
        page_of(&pages, "Betaalgegevens"),
        page_of(&pages, "Betalingskenmerk")
    );
    assert_eq!(page_of(&pages, "Met vriendelijke groet,"), Some(n - 1));
    assert_eq!(page_of(&pages, "Anna de Vries"), Some(n - 1));
}

#[test]
fn short_letter_fits_one_page() {
    let doc = samples::one_page_letter();
    let pdf = render_letter(&doc);
    assert!(pdf.len() < 50 * 1024, "one page is {} bytes", pdf.len());
    let pages = save_and_extract("letter-1page", &pdf);
    assert_eq!(pages.len(), 1);
    assert_letter_text(&doc, &pages[0]);
    assert!(has(&pages[0], "pagina 1 van 1"));
}

#[test]
fn letter_with_sixty_invoices_spans_pages() {
    let doc = samples::letter(60);
    let pages = save_and_extract("letter-60invoices", &render_letter(&doc));
    let n = pages.len();
    assert!(n > 1, "{n} pages");
    let all = pages.join("\n");
    assert_letter_text(&doc, &all);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            has(page, &format!("pagina {} van {n}", i + 1)),
            "page label on page {}",
            i + 1
        );
        if i > 0 {
            assert!(has(
                page,
                "Laatste herinnering H-2026-0042 · Jansen Ontwerp & Web"
            ));
        }
    }
    // Every invoice once in each table, in order.
    let squashed = all.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut at = 0;
    for _table in 0..2 {
        for invoice in samples::letter_invoices(60) {
            let found = squashed[at..]
                .find(&invoice.number)
                .unwrap_or_else(|| panic!("invoice {} missing or out of order", invoice.number));
            at += found + invoice.number.len();
        }
    }
    assert_eq!(
        page_of(&pages, "Betaalgegevens"),
        page_of(&pages, "Betalingskenmerk")
    );
    let last = &pages[n - 1];
    assert!(has(last, "Met vriendelijke groet,") && has(last, "Anna de Vries"));
}

#[test]
fn letter_output_is_deterministic() {
    let fresh = Renderer::new().expect("fonts");
    for doc in [
        samples::letter(3),
        samples::letter(60),
        samples::one_page_letter(),
    ] {
        let a = render_letter(&doc);
        let b = render_letter(&doc);
        let c = fresh.render_letter(&doc).expect("render");
        assert!(a == b && b == c, "{} differs between runs", doc.meta.title);
        let id: String = doc
            .meta
            .document_id
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        let expected = format!("/ID[<{id}><{id}>]");
        assert!(a.windows(expected.len()).any(|w| w == expected.as_bytes()));
    }
    let doc = samples::letter(3);
    let mut other = doc.clone();
    other.meta.document_id[0] ^= 1;
    assert_ne!(render_letter(&doc), render_letter(&other));
}

/// Wherever the page break falls, the closing is whole on the last page and never alone:
/// the end of the body is on that page too.
#[test]
fn letter_closing_is_never_orphaned() {
    let dir = out_dir().join("letter-closing");
    std::fs::create_dir_all(&dir).expect("dir");
    for invoices in 1..=14 {
        let doc = samples::letter(invoices);
        let path = dir.join(format!("invoices-{invoices}.pdf"));
        std::fs::write(&path, render_letter(&doc)).expect("write");
        let text = run(
            "pdftotext",
            &["-layout".as_ref(), path.as_os_str(), "-".as_ref()],
        );
        let text = String::from_utf8(text.stdout).expect("utf-8");
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        let last = pages[pages.len() - 1];
        for needle in [
            "Met vriendelijke groet,",
            "Anna de Vries",
            "btw verschuldigd.",
        ] {
            assert!(
                has(last, needle),
                "{invoices} invoices: {needle:?} not on the last page"
            );
        }
    }
}

/// Word boxes (mm from the top-left corner) of page 1, from `pdftotext -bbox`.
fn word_boxes(pdf: &[u8], name: &str) -> Vec<(String, [f32; 4])> {
    let path = out_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).expect("write pdf");
    let out = run(
        "pdftotext",
        &[
            "-bbox".as_ref(),
            "-f".as_ref(),
            "1".as_ref(),
            "-l".as_ref(),
            "1".as_ref(),
            path.as_os_str(),
            "-".as_ref(),
        ],
    );
    assert!(out.status.success(), "pdftotext -bbox {name}");
    let html = String::from_utf8(out.stdout).expect("utf-8");
    let attr = |tag: &str, key: &str| -> f32 {
        let start = tag.find(&format!("{key}=\"")).expect(key) + key.len() + 2;
        let end = start + tag[start..].find('"').expect("quote");
        tag[start..end].parse::<f32>().expect("number") * 25.4 / 72.0
    };
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').expect("tag");
            let text = rest.split_once("</word>").expect("end").0;
            let text = text.replace("&amp;", "&");
            let b = ["xMin", "yMin", "xMax", "yMax"].map(|k| attr(tag, k));
            (text, b)
        })
        .collect()
}

/// The recipient's address lies inside the envelope window (20 mm from the left, 50 mm from
/// the top, 85 × 30 mm) on letters as on invoices; nothing else does.
#[test]
fn recipient_lies_in_the_envelope_window() {
    let window = tijdig_documents::layout::ENVELOPE_WINDOW;
    let inside = |b: [f32; 4]| {
        b[0] >= window.x - 0.01
            && b[2] <= window.x + window.width + 0.01
            && b[1] >= window.y - 0.01
            && b[3] <= window.y + window.height + 0.01
    };
    let letter = samples::letter(3);
    let invoice = samples::invoice(3, false, true);
    let cases = [
        (
            "window-letter",
            render_letter(&letter),
            &letter.recipient_lines,
        ),
        ("window-invoice", render(&invoice), &invoice.recipient_lines),
    ];
    for (name, pdf, recipient) in cases {
        let boxes = word_boxes(&pdf, name);
        let expected: Vec<&str> = recipient
            .iter()
            .flat_map(|l| l.split_whitespace())
            .collect();
        let in_window: Vec<&str> = boxes
            .iter()
            .filter(|(_, b)| inside(*b))
            .map(|(w, _)| w.as_str())
            .collect();
        assert_eq!(in_window, expected, "{name}: words in the window");
    }
}
