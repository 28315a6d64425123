//! Renders the sample documents and checks them with poppler's `pdftotext`/`pdftoppm` and
//! `qpdf` (the test machine has poppler-utils and qpdf; a missing tool fails the test).
//! The PDFs and PNG previews land in `target/pdf-samples/`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod samples;
mod support;

use support::{has, out_dir, run, save_and_extract};
use tijdig_documents::{InvoicePdf, Renderer};

fn render(doc: &InvoicePdf) -> Vec<u8> {
    Renderer::shared()
        .expect("fonts")
        .render_invoice(doc)
        .expect("render")
}

fn assert_all_values(doc: &InvoicePdf, text: &str) {
    let mut expected: Vec<&str> = vec![&doc.title];
    expected.extend(doc.letterhead.sender_lines.iter().map(String::as_str));
    expected.extend(doc.letterhead.footer_lines.iter().map(String::as_str));
    expected.extend(doc.recipient_lines.iter().map(String::as_str));
    expected.extend(doc.return_line.as_deref());
    for (label, value) in &doc.meta_rows {
        expected.extend([label.as_str(), value.as_str()]);
    }
    for column in &doc.table.columns {
        expected.push(&column.header);
    }
    for row in &doc.table.rows {
        // Wrapped descriptions are checked word by word below; the other cells are whole.
        expected.extend(row.iter().skip(1).map(String::as_str));
    }
    for total in &doc.totals {
        expected.extend([total.label.as_str(), total.value.as_str()]);
    }
    if let Some(payment) = &doc.payment {
        expected.push(&payment.heading);
        for (label, value) in &payment.rows {
            expected.extend([label.as_str(), value.as_str()]);
        }
        expected.extend(payment.qr_caption.as_deref());
    }
    for value in expected {
        assert!(has(text, value), "missing {value:?} in:\n{text}");
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for row in &doc.table.rows {
        for word in row[0].split_whitespace() {
            assert!(
                words.contains(&word),
                "missing word {word:?} of {:?}",
                row[0]
            );
        }
    }
    for note in &doc.notes {
        for word in note.split_whitespace() {
            assert!(words.contains(&word), "missing note word {word:?}");
        }
    }
}

#[test]
fn one_page_invoice_with_logo() {
    let doc = samples::invoice(3, false, true);
    let pdf = render(&doc);
    assert!(pdf.len() < 50 * 1024, "one page is {} bytes", pdf.len());
    let pages = save_and_extract("invoice-1page", &pdf);
    assert_eq!(pages.len(), 1);
    assert_all_values(&doc, &pages[0]);
    assert!(has(&pages[0], "pagina 1 van 1"));
    assert!(has(&pages[0], "Webdevelopment (2)"));
    assert!(pdf.windows(9).any(|w| w == b"/FontFile"), "font embedded");
    assert!(
        !pdf.windows(15).any(|w| w == b"GTS_PDFXVersion"),
        "no PDF/X claim"
    );
}

#[test]
fn a_payment_link_is_printed_whole_and_clickable() {
    let mut doc = samples::invoice(3, false, true);
    let url =
        "https://bunq.me/jansenontwerp/1234.56/RF18539007547034?description=Factuur%202025-0042";
    if let Some(payment) = doc.payment.as_mut() {
        payment.link = Some(tijdig_documents::PaymentLink {
            label: "Online betalen".to_string(),
            url: url.to_string(),
        });
    }
    let pdf = render(&doc);
    let pages = save_and_extract("invoice-payment-link", &pdf);
    assert_eq!(pages.len(), 1);
    assert!(has(&pages[0], "Online betalen"), "{}", pages[0]);
    // A long address wraps inside the block; every character is printed.
    let printed: String = pages[0].split_whitespace().collect();
    assert!(printed.contains(url), "{printed}");
    let plain = support::uncompressed("invoice-payment-link", &pdf);
    assert!(
        plain.windows(14).any(|w| w == b"/Subtype /Link"),
        "a link annotation"
    );
    let uri = format!("/URI ({url})");
    assert!(
        plain.windows(uri.len()).any(|w| w == uri.as_bytes()),
        "the annotation opens the address"
    );
}

#[test]
fn sixty_lines_span_pages_with_repeated_header() {
    let doc = samples::invoice(60, true, true);
    let pdf = render(&doc);
    let pages = save_and_extract("invoice-60lines", &pdf);
    let n = pages.len();
    assert!(n >= 2, "{n} pages");
    assert_all_values(&doc, &pages.join("\n"));
    for (i, page) in pages.iter().enumerate() {
        assert!(
            has(page, &format!("pagina {} van {n}", i + 1)),
            "page {}",
            i + 1
        );
        let header = ["Omschrijving", "Aantal", "Prijs", "Btw", "Bedrag"];
        if i + 1 < n || page.contains("(60)") {
            for h in header {
                assert!(has(page, h), "header {h} missing on page {}", i + 1);
            }
        }
        assert!(has(page, "KvK 12345678"), "footer on page {}", i + 1);
        if i > 0 {
            assert!(has(page, "Factuur 2025-0042 · Jansen Ontwerp & Web"));
        }
    }
    let last = &pages[n - 1];
    for on_last in [
        "Totaal te betalen",
        "Subtotaal",
        "Betaalgegevens",
        "Betalingskenmerk",
    ] {
        assert!(has(last, on_last), "{on_last} not on the last page");
        for page in &pages[..n - 1] {
            assert!(!has(page, on_last), "{on_last} before the last page");
        }
    }
    // Every line appears exactly once, in order.
    let all = pages.join("\n");
    let mut at = 0;
    for i in 1..=60 {
        let marker = format!("({i})");
        let found = all[at..]
            .find(&marker)
            .unwrap_or_else(|| panic!("line {i} missing"));
        at += found + marker.len();
    }
}

#[test]
fn credit_note() {
    let doc = samples::credit_note();
    let pdf = render(&doc);
    let pages = save_and_extract("credit-note", &pdf);
    assert_eq!(pages.len(), 1);
    assert_all_values(&doc, &pages[0]);
    assert!(has(&pages[0], "Creditfactuur"));
    assert!(
        has(&pages[0], "-€ 465,00") || has(&pages[0], "€ -465,00") || has(&pages[0], "-€ 465,00")
    );
    assert!(!has(&pages[0], "Betaalgegevens"));
}

#[test]
fn output_is_deterministic() {
    let docs = [
        samples::invoice(3, false, true),
        samples::invoice(60, true, true),
        samples::credit_note(),
    ];
    let fresh = Renderer::new().expect("fonts");
    for doc in &docs {
        let a = render(doc);
        let b = render(doc);
        let c = fresh.render_invoice(doc).expect("render");
        assert!(a == b && b == c, "{} differs between runs", doc.meta.title);
        let id: String = doc
            .meta
            .document_id
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        let expected = format!("/ID[<{id}><{id}>]");
        assert!(
            a.windows(expected.len()).any(|w| w == expected.as_bytes()),
            "/ID from the input"
        );
        let text = String::from_utf8_lossy(&a);
        assert!(
            text.contains("D:20250131101500"),
            "creation date from input"
        );
    }
    let mut other = docs[0].clone();
    other.meta.document_id[0] ^= 1;
    assert_ne!(render(&docs[0]), render(&other));
}

#[test]
fn ten_page_benchmark_sample_has_ten_pages() {
    let pages = save_and_extract("invoice-10pages", &render(&samples::ten_page_invoice()));
    assert_eq!(pages.len(), 10);
    assert!(has(&pages[9], "pagina 10 van 10"));
}

/// Wherever the page break falls, the totals and payment block never stand alone: the
/// table's last row is on the same page, and nothing of the closing group is on another.
#[test]
fn closing_group_keeps_the_last_row() {
    let dir = out_dir().join("closing");
    std::fs::create_dir_all(&dir).expect("dir");
    for lines in 6..=22 {
        let doc = samples::invoice(lines, true, false);
        let path = dir.join(format!("lines-{lines}.pdf"));
        std::fs::write(&path, render(&doc)).expect("write");
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
        let marker = format!("({lines})");
        assert!(
            last.contains(&marker),
            "{lines} lines: last row not with the totals"
        );
        for needle in ["Totaal te betalen", "Betaalgegevens", "Wij verzoeken"] {
            assert!(
                has(last, needle),
                "{lines} lines: {needle} not on the last page"
            );
        }
    }
}

/// Awkward content: a crowded address, long sender and footer lines, a description longer
/// than a page, a payment block without QR code, many notes. Must render, check and extract.
#[test]
fn awkward_content_still_renders() {
    let mut doc = samples::invoice(4, true, true);
    doc.letterhead.logo = Some(tijdig_documents::Logo {
        image: tijdig_documents::ImageData::Jpeg(samples::LOGO_JPEG.to_vec()),
        position: tijdig_documents::LogoPosition::Left,
    });
    doc.recipient_lines = (1..=8)
        .map(|i| format!("Adresregel {i} van de ontvanger"))
        .collect();
    doc.return_line = Some("Afzender met een bijzonder lange naam · ".repeat(4));
    doc.letterhead.sender_lines[0] =
        "Jansen Ontwerp & Web, bureau voor grafisch ontwerp en webontwikkeling".to_string();
    doc.letterhead
        .footer_lines
        .push("Algemene voorwaarden op jansenontwerp.nl/av".to_string());
    doc.letterhead.footer_lines.push("BIC ABNANL2A".to_string());
    doc.table.rows[1][0] = "Zeer uitgebreide omschrijving van het werk. ".repeat(150);
    doc.notes = vec![
        "Btw verlegd.".to_string(),
        "Vrijgesteld van btw op grond van de kleineondernemersregeling. ".repeat(6),
        String::new(),
        "Bij betaling na de vervaldatum zijn wij gerechtigd de wettelijke handelsrente in \
         rekening te brengen."
            .to_string(),
    ];
    doc.totals[1].label = "Btw verlegd op grond van artikel 12 lid 3 Wet OB 1968".to_string();
    if let Some(payment) = doc.payment.as_mut() {
        payment.qr_payload = None;
        payment.qr_caption = None;
    }
    let pages = save_and_extract("awkward", &render(&doc));
    let all = pages.join("\n");
    for value in [
        "Adresregel 8 van de ontvanger",
        "BIC ABNANL2A",
        "Btw verlegd.",
        "(4)",
    ] {
        assert!(has(&all, value), "missing {value}");
    }
    let last = &pages[pages.len() - 1];
    assert!(has(last, "Betaalgegevens") && has(last, "Totaal te betalen"));
    assert!(!has(&all, "Scan met je bank-app"));
    let words: Vec<&str> = last.split_whitespace().collect();
    for word in doc.totals[1].label.split_whitespace() {
        assert!(words.contains(&word), "totals label word {word:?}");
    }
}

#[test]
fn english_page_label() {
    let mut doc = samples::invoice(60, true, false);
    doc.page_label = "page {page} of {pages}".to_string();
    let pages = save_and_extract("invoice-english-label", &render(&doc));
    let n = pages.len();
    assert!(has(&pages[0], &format!("page 1 of {n}")));
}

#[test]
fn rejects_bad_content() {
    let renderer = Renderer::shared().expect("fonts");
    let mut doc = samples::invoice(3, false, false);
    doc.table.rows[0].push("one cell too many".to_string());
    assert!(renderer.render_invoice(&doc).is_err());
    let mut doc = samples::invoice(3, false, false);
    doc.meta.created.month = 13;
    assert!(renderer.render_invoice(&doc).is_err());
    let mut doc = samples::invoice(3, false, false);
    doc.letterhead.logo = Some(tijdig_documents::Logo {
        image: tijdig_documents::ImageData::Png(b"not a png".to_vec()),
        position: tijdig_documents::LogoPosition::Left,
    });
    assert!(renderer.render_invoice(&doc).is_err());
}
