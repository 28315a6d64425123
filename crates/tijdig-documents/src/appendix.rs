//! Appending another PDF's pages to a rendered document: the algemene voorwaarden travel inside
//! the offer and the agreement (art. 6:234 BW: handed over at the latest when the contract is
//! made), so one file holds both and one signature covers both.

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::DocumentError;

/// What an uploaded PDF is, as far as appending it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfInfo {
    pub pages: u32,
}

fn read(bytes: &[u8]) -> Result<Document, DocumentError> {
    let doc = Document::load_mem(bytes).map_err(|e| DocumentError::Invalid(e.to_string()))?;
    if doc.is_encrypted() {
        return Err(DocumentError::Invalid("the PDF is encrypted".into()));
    }
    Ok(doc)
}

/// Reads a PDF the user wants to append: it must load, not be encrypted and have pages.
pub fn inspect_pdf(bytes: &[u8]) -> Result<PdfInfo, DocumentError> {
    let doc = read(bytes)?;
    let pages = doc.get_pages().len();
    if pages == 0 {
        return Err(DocumentError::Invalid("the PDF has no pages".into()));
    }
    let pages =
        u32::try_from(pages).map_err(|_| DocumentError::Invalid("too many pages".into()))?;
    Ok(PdfInfo { pages })
}

/// Page attributes a page may inherit from its page-tree ancestors (ISO 32000-1 §7.7.3.4).
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// The inheritable attributes of `page` made explicit, so it can move to another tree.
fn inherited(doc: &Document, page: ObjectId) -> Dictionary {
    let mut found = Dictionary::new();
    let mut node = doc.get_dictionary(page).ok();
    let mut depth = 0;
    while let Some(dict) = node {
        for key in INHERITED {
            if !found.has(key) {
                if let Ok(value) = dict.get(key) {
                    found.set(key, value.clone());
                }
            }
        }
        node = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok();
        depth += 1;
        if depth > 64 {
            break;
        }
    }
    found
}

/// `main` followed by every page of `appendix`, as one PDF.
pub fn append_pdf(main: &[u8], appendix: &[u8]) -> Result<Vec<u8>, DocumentError> {
    let pdf_err = |e: lopdf::Error| DocumentError::Pdf(e.to_string());
    let mut doc = read(main)?;
    let mut extra = read(appendix)?;
    extra.renumber_objects_with(doc.max_id + 1);
    let pages: Vec<ObjectId> = extra.get_pages().into_values().collect();
    if pages.is_empty() {
        return Err(DocumentError::Invalid("the appendix has no pages".into()));
    }
    let explicit: Vec<(ObjectId, Dictionary)> =
        pages.iter().map(|&p| (p, inherited(&extra, p))).collect();
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(pdf_err)?;
    doc.max_id = doc.max_id.max(extra.max_id);
    // Take the appendix's objects, leaving out its catalog and page-tree nodes (only the pages
    // move); orphans of the old tree are dropped by prune_objects below.
    for (id, object) in std::mem::take(&mut extra.objects) {
        doc.objects.insert(id, object);
    }
    for (page, attrs) in explicit {
        let dict = doc.get_dictionary_mut(page).map_err(pdf_err)?;
        for (key, value) in attrs.iter() {
            dict.set(key.clone(), value.clone());
        }
        dict.set("Parent", Object::Reference(root));
    }
    let added = i64::try_from(pages.len()).map_err(|_| DocumentError::Pdf("page count".into()))?;
    let tree = doc.get_dictionary_mut(root).map_err(pdf_err)?;
    let count = tree.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
    tree.set("Count", Object::Integer(count + added));
    let mut kids = tree
        .get(b"Kids")
        .and_then(Object::as_array)
        .cloned()
        .unwrap_or_default();
    kids.extend(pages.into_iter().map(Object::Reference));
    tree.set("Kids", Object::Array(kids));
    doc.prune_objects();
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| DocumentError::Pdf(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::Renderer;

    fn letter(subject: &str) -> Vec<u8> {
        let doc = LetterPdf {
            meta: DocMeta {
                title: subject.into(),
                author: "Test".into(),
                subject: subject.into(),
                document_id: [7; 16],
                created: Timestamp {
                    year: 2026,
                    month: 11,
                    day: 23,
                    hour: 9,
                    minute: 0,
                    second: 0,
                },
            },
            letterhead: Letterhead {
                logo: None,
                accent: Rgb(0, 90, 120),
                sender_lines: vec!["Studio Test".into()],
                footer_lines: vec![],
            },
            return_line: None,
            recipient_lines: vec!["Klant".into()],
            date_line: "Utrecht, 23 november 2026".into(),
            meta_rows: vec![],
            subject: subject.into(),
            salutation: "Beste klant,".into(),
            body: vec![LetterBlock::Paragraph(format!("Tekst van {subject}."))],
            closing: vec!["Groet".into()],
            page_label: "pagina {page} van {pages}".into(),
            running_head: None,
        };
        Renderer::shared()
            .and_then(|r| r.render_letter(&doc))
            .unwrap()
    }

    #[test]
    fn the_appendix_pages_follow_the_document() {
        let main = letter("Offerte");
        let terms = letter("Algemene voorwaarden");
        assert_eq!(inspect_pdf(&terms).unwrap().pages, 1);
        let joined = append_pdf(&main, &terms).unwrap();
        let doc = Document::load_mem(&joined).unwrap();
        assert_eq!(doc.get_pages().len(), 2);
        // Appending twice keeps counting.
        let twice = append_pdf(&joined, &terms).unwrap();
        assert_eq!(inspect_pdf(&twice).unwrap().pages, 3);
    }

    #[test]
    fn garbage_is_refused_not_appended() {
        let main = letter("Offerte");
        assert!(inspect_pdf(b"not a pdf").is_err());
        assert!(append_pdf(&main, b"%PDF-1.4 nonsense").is_err());
    }
}
