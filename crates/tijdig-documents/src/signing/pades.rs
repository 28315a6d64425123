//! Signing a finished PDF: PAdES baseline B-B (ETSI EN 319 142-1), appended as an incremental
//! update so the bytes before it — and any earlier signature — stay exactly as they were.
//!
//! The update adds an invisible signature field (a widget with an empty rectangle on page 1,
//! listed in the catalog's `/AcroForm`), and its signature dictionary: `/Filter
//! /Adobe.PPKLite`, `/SubFilter /ETSI.CAdES.detached`, `/M` (signing time), `/ByteRange` and
//! `/Contents`. The PDF is written once with placeholders, the byte ranges are patched in, the
//! SHA-256 of everything but `/Contents` is signed, and the CMS goes into the reserved space.

use std::time::SystemTime;

use lopdf::{Dictionary, IncrementalDocument, Object, StringFormat};
use sha2::{Digest, Sha256};

use super::cms::signed_data;
use super::identity::SigningIdentity;
use super::SignError;

/// Placeholder byte-range numbers: ten digits each, so the real offsets always fit.
const RANGE_PLACEHOLDER: [i64; 3] = [1_111_111_111, 2_222_222_222, 3_333_333_333];

fn pdf_err(e: impl std::fmt::Display) -> SignError {
    SignError::Pdf(e.to_string())
}

/// `D:YYYYMMDDHHmmSSZ` (PDF 32000-1 §7.9.4), in UTC.
fn pdf_date(at: SystemTime) -> Result<String, SignError> {
    let t = der::DateTime::from_system_time(at).map_err(pdf_err)?;
    Ok(format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minutes(),
        t.seconds()
    ))
}

fn text(s: &str) -> Object {
    // PDF text strings: PDFDocEncoding covers Latin-1 well enough for names; anything outside
    // it goes as UTF-16BE with a byte-order mark.
    if s.chars().all(|c| (c as u32) < 0x80) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in s.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// What the signature says about itself (shown by PDF readers).
pub struct SignatureInfo<'a> {
    /// The signer's name (`/Name`).
    pub name: &'a str,
    /// Why (`/Reason`), e.g. "Factuur 2026-0001".
    pub reason: &'a str,
    /// Where (`/Location`), e.g. the business's city; empty leaves it out.
    pub location: &'a str,
}

/// Signs `pdf` and returns the signed file: the original bytes followed by the update.
pub fn sign_pdf(
    pdf: &[u8],
    identity: &SigningIdentity,
    info: &SignatureInfo<'_>,
    at: SystemTime,
) -> Result<Vec<u8>, SignError> {
    // The space for the CMS: its size signed over a dummy digest, plus room for the few bytes
    // an ECDSA signature's DER varies by.
    let reserve = signed_data(identity, &[0u8; 32])?.len() + 64;

    let previous = lopdf::Document::load_mem(pdf).map_err(pdf_err)?;
    let root_id = previous
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(pdf_err)?;
    let page_id = *previous
        .get_pages()
        .values()
        .next()
        .ok_or_else(|| SignError::Pdf("the PDF has no pages".into()))?;
    let mut doc = IncrementalDocument::create_from(pdf.to_vec(), previous);

    let mut sig = Dictionary::new();
    sig.set("Type", Object::Name(b"Sig".to_vec()));
    sig.set("Filter", Object::Name(b"Adobe.PPKLite".to_vec()));
    sig.set("SubFilter", Object::Name(b"ETSI.CAdES.detached".to_vec()));
    sig.set(
        "ByteRange",
        Object::Array(
            std::iter::once(0)
                .chain(RANGE_PLACEHOLDER)
                .map(Object::Integer)
                .collect(),
        ),
    );
    sig.set(
        "Contents",
        Object::String(vec![0u8; reserve], StringFormat::Hexadecimal),
    );
    sig.set("M", text(&pdf_date(at)?));
    sig.set("Name", text(info.name));
    sig.set("Reason", text(info.reason));
    if !info.location.is_empty() {
        sig.set("Location", text(info.location));
    }
    let sig_id = doc.new_document.add_object(Object::Dictionary(sig));

    // The field names must be unique within the form: count what is there.
    doc.opt_clone_object_to_new_document(root_id)
        .map_err(pdf_err)?;
    let existing_form = doc
        .new_document
        .get_object(root_id)
        .and_then(Object::as_dict)
        .and_then(|c| c.get(b"AcroForm"))
        .ok()
        .cloned();
    let mut form = match &existing_form {
        Some(Object::Reference(id)) => doc
            .get_prev_documents()
            .get_object(*id)
            .and_then(Object::as_dict)
            .map_err(pdf_err)?
            .clone(),
        Some(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut fields = match form.get(b"Fields") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(Object::Reference(id)) => doc
            .get_prev_documents()
            .get_object(*id)
            .and_then(Object::as_array)
            .map_err(pdf_err)?
            .clone(),
        _ => Vec::new(),
    };

    let mut widget = Dictionary::new();
    widget.set("Type", Object::Name(b"Annot".to_vec()));
    widget.set("Subtype", Object::Name(b"Widget".to_vec()));
    widget.set("FT", Object::Name(b"Sig".to_vec()));
    widget.set("T", text(&format!("Handtekening {}", fields.len() + 1)));
    widget.set("V", Object::Reference(sig_id));
    // Print + Locked; a zero rectangle: an invisible signature.
    widget.set("F", Object::Integer(132));
    widget.set("Rect", Object::Array(vec![Object::Integer(0); 4]));
    widget.set("P", Object::Reference(page_id));
    let widget_id = doc.new_document.add_object(Object::Dictionary(widget));

    fields.push(Object::Reference(widget_id));
    form.set("Fields", Object::Array(fields));
    // SignaturesExist + AppendOnly (PDF 32000-1 §12.7.2).
    form.set("SigFlags", Object::Integer(3));
    match existing_form {
        Some(Object::Reference(id)) => doc.new_document.set_object(id, Object::Dictionary(form)),
        _ => {
            let catalog = doc
                .new_document
                .get_object_mut(root_id)
                .and_then(Object::as_dict_mut)
                .map_err(pdf_err)?;
            catalog.set("AcroForm", Object::Dictionary(form));
        }
    }

    doc.opt_clone_object_to_new_document(page_id)
        .map_err(pdf_err)?;
    let annots = doc
        .new_document
        .get_object(page_id)
        .and_then(Object::as_dict)
        .and_then(|p| p.get(b"Annots"))
        .ok()
        .cloned();
    match annots {
        Some(Object::Reference(id)) => {
            doc.opt_clone_object_to_new_document(id).map_err(pdf_err)?;
            doc.new_document
                .get_object_mut(id)
                .and_then(Object::as_array_mut)
                .map_err(pdf_err)?
                .push(Object::Reference(widget_id));
        }
        other => {
            let mut list = match other {
                Some(Object::Array(a)) => a,
                _ => Vec::new(),
            };
            list.push(Object::Reference(widget_id));
            doc.new_document
                .get_object_mut(page_id)
                .and_then(Object::as_dict_mut)
                .map_err(pdf_err)?
                .set("Annots", Object::Array(list));
        }
    }

    let mut out = Vec::with_capacity(pdf.len() + 2 * reserve + 2048);
    doc.save_to(&mut out).map_err(pdf_err)?;

    // Where the placeholders landed (only in the appended part).
    let start = pdf.len();
    let zeros = format!("<{}>", "0".repeat(2 * reserve));
    let contents_at = find(&out[start..], zeros.as_bytes())
        .map(|i| i + start)
        .ok_or_else(|| SignError::Pdf("signature placeholder not found".into()))?;
    let contents_end = contents_at + zeros.len();
    let range_text = format!(
        "{} {} {}",
        RANGE_PLACEHOLDER[0], RANGE_PLACEHOLDER[1], RANGE_PLACEHOLDER[2]
    );
    let range_at = find(&out[start..], range_text.as_bytes())
        .map(|i| i + start)
        .ok_or_else(|| SignError::Pdf("byte range placeholder not found".into()))?;
    let ranges = format!(
        "{} {} {}",
        contents_at,
        contents_end,
        out.len() - contents_end
    );
    // Same length as the placeholder: pad with spaces before the closing bracket.
    let padded = format!("{ranges:<width$}", width = range_text.len());
    out[range_at..range_at + padded.len()].copy_from_slice(padded.as_bytes());

    let mut hasher = Sha256::new();
    hasher.update(&out[..contents_at]);
    hasher.update(&out[contents_end..]);
    let digest = hasher.finalize();
    let cms = signed_data(identity, &digest)?;
    if cms.len() > reserve {
        return Err(SignError::Cms(format!(
            "signature of {} bytes does not fit in {reserve}",
            cms.len()
        )));
    }
    let hex: String = cms.iter().map(|b| format!("{b:02X}")).collect();
    out[contents_at + 1..contents_at + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(out)
}

/// The first position of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}
