//! Turns laid-out pages into PDF bytes: embeds (and subsets) the fonts that are used, adds
//! images, and writes metadata, dates and the file identifier from the input so that the same
//! input always gives the same bytes.

use std::collections::BTreeSet;
use std::io::Write;

use flate2::write::ZlibEncoder;
use flate2::Compression;
use printpdf::{
    Date, DateTime, FontId, Mm, Offset, Op, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Time, XObject, XObjectId,
};

use crate::error::DocumentError;
use crate::fontfile::trim_embedded_fonts;
use crate::fonts::Fonts;
use crate::image::PreparedImage;
use crate::layout::{PAGE_HEIGHT_MM, PAGE_WIDTH_MM};
use crate::letterhead::PlacedImage;
use crate::model::{DocMeta, Timestamp};

/// Shown as the PDF's creator and producer.
const PRODUCER: &str = "Tijdig";

fn pdf_date(t: Timestamp) -> Result<DateTime, DocumentError> {
    let valid = (1..=12).contains(&t.month)
        && (1..=31).contains(&t.day)
        && t.hour < 24
        && t.minute < 60
        && t.second < 60
        && (1970..=9999).contains(&t.year);
    if !valid {
        return Err(DocumentError::Invalid(format!("invalid date {t:?}")));
    }
    Ok(DateTime {
        date: Date {
            year: t.year,
            month: t.month,
            day: t.day,
        },
        time: Time {
            hour: t.hour,
            minute: t.minute,
            second: t.second,
            millisecond: 0,
        },
        offset: Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    })
}

/// Flate-compresses every stream that may be compressed and is not yet. lopdf's own
/// `compress` uses the slowest level; the default level is twice as fast for a few bytes more.
fn compress_streams(doc: &mut lopdf::Document) -> Result<(), DocumentError> {
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            continue;
        }
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
        let packed = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish())
            .map_err(|e| DocumentError::Pdf(e.to_string()))?;
        if packed.len() + 20 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
    Ok(())
}

/// printpdf writes an empty `/GTS_PDFXVersion`, which readers take as a PDF/X claim, and an
/// empty `/Keywords`; both go.
fn tidy_info(doc: &mut lopdf::Document) {
    let Ok(id) = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
    else {
        return;
    };
    if let Ok(info) = doc.get_object_mut(id).and_then(lopdf::Object::as_dict_mut) {
        info.remove(b"GTS_PDFXVersion");
        info.remove(b"Keywords");
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// A document being assembled.
pub struct PdfBuilder {
    doc: PdfDocument,
    xobjects: usize,
}

impl PdfBuilder {
    /// A document with `meta`'s properties and dates.
    pub fn new(meta: &DocMeta) -> Result<Self, DocumentError> {
        let date = pdf_date(meta.created)?;
        let mut doc = PdfDocument::new(&meta.title);
        let info = &mut doc.metadata.info;
        info.author.clone_from(&meta.author);
        info.subject.clone_from(&meta.subject);
        info.creator = PRODUCER.to_string();
        info.producer = PRODUCER.to_string();
        info.identifier = hex(&meta.document_id);
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
        Ok(PdfBuilder { doc, xobjects: 0 })
    }

    /// Adds an image under a stable name.
    pub fn add_image(&mut self, image: &PreparedImage) -> PlacedImage {
        PlacedImage {
            id: self.add_xobject(image.xobject.clone()),
            width: image.width,
            height: image.height,
        }
    }

    /// Adds an XObject under a stable name (`X1`, `X2`, … in the order added).
    pub fn add_xobject(&mut self, xobject: XObject) -> XObjectId {
        self.xobjects += 1;
        let id = XObjectId(format!("X{}", self.xobjects));
        self.doc.resources.xobjects.map.insert(id.clone(), xobject);
        id
    }

    /// Writes `pages` (A4) and returns the PDF file.
    pub fn finish(
        mut self,
        fonts: &Fonts,
        meta: &DocMeta,
        pages: Vec<Vec<Op>>,
    ) -> Result<Vec<u8>, DocumentError> {
        // Embed only the faces the pages use (an unused face would be written in full).
        let used: BTreeSet<String> = pages
            .iter()
            .flatten()
            .filter_map(|op| match op {
                Op::SetFont {
                    font: PdfFontHandle::External(id),
                    ..
                } => Some(id.0.clone()),
                _ => None,
            })
            .collect();
        for face in [&fonts.regular, &fonts.bold] {
            if used.contains(face.id) {
                self.doc.resources.fonts.map.insert(
                    FontId(face.id.to_string()),
                    PdfFont::new(face.parsed.clone()),
                );
            }
        }
        self.doc.pages = pages
            .into_iter()
            .map(|ops| PdfPage::new(Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM), ops))
            .collect();

        let options = PdfSaveOptions {
            optimize: true,
            subset_fonts: true,
            secure: true,
            image_optimization: None,
        };
        let mut warnings = Vec::new();
        let mut lo = self.doc.to_lopdf_document(&options, &mut warnings);
        // printpdf writes a random /ID; ours comes from the input.
        let id = lopdf::Object::String(meta.document_id.to_vec(), lopdf::StringFormat::Hexadecimal);
        lo.trailer
            .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
        tidy_info(&mut lo);
        trim_embedded_fonts(&mut lo);
        compress_streams(&mut lo)?;
        let mut out = Vec::new();
        lo.save_to(&mut out)
            .map_err(|e| DocumentError::Pdf(e.to_string()))?;
        Ok(out)
    }
}
