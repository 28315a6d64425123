//! Tijdig documents: renders document content to PDF.
//!
//! The caller supplies plain data with every text already formatted ([`InvoicePdf`],
//! [`LetterPdf`]); this crate lays it out on A4 with its own small layout layer — text
//! measured with the bundled DejaVu Sans metrics, word wrapping, tables that break across
//! pages with repeated headers, a recipient block in the envelope window, a footer with page
//! numbers — and writes a deterministic PDF (same input, same bytes) with subset, embedded
//! fonts.
//!
//! Text is set in DejaVu Sans (Latin, Greek, Cyrillic and much more, € included); characters
//! it lacks (CJK, emoji) print as empty boxes.
//!
//! ```no_run
//! # fn demo(doc: &tijdig_documents::InvoicePdf) -> Result<(), tijdig_documents::DocumentError> {
//! let renderer = tijdig_documents::Renderer::shared()?; // parses the fonts once per process
//! let pdf: Vec<u8> = renderer.render_invoice(doc)?;
//! # Ok(()) }
//! ```
//!
//! Modules: [`model`] (the content types), [`layout`] (page geometry and drawing), `fonts`
//! and `measure` (metrics, text widths, wrapping), `flow` (pages, running head, footer),
//! `table`, `letterhead`, `blocks` (title, label rows, totals, paragraphs, payment block), `qr`,
//! `image` (logos), `pdf` and `fontfile` (writing), `invoice` (the invoice document), `letter`
//! (letters to debtors: reminders, 14-dagenbrief…). Agreements are meant to be built from the
//! same parts.

pub mod appendix;
mod blocks;
mod error;
mod flow;
mod fontfile;
mod fonts;
mod image;
mod invoice;
pub mod layout;
mod letter;
mod letterhead;
mod measure;
pub mod model;
mod pdf;
mod qr;
pub mod signing;
mod table;

use std::sync::OnceLock;

pub use error::DocumentError;
pub use fonts::FontStyle;
pub use model::{
    Align, Column, DocMeta, ImageData, InvoicePdf, LetterBlock, LetterPdf, Letterhead, Logo,
    LogoPosition, PaymentBlock, PaymentLink, Rgb, Table, Timestamp, TotalRow,
};

/// Renders documents. Holds the parsed fonts; build it once (or use [`Renderer::shared`])
/// and share it: it is `Send + Sync` and rendering takes `&self`.
#[derive(Debug)]
pub struct Renderer {
    fonts: fonts::Fonts,
    images: image::ImageCache,
}

impl Renderer {
    /// Parses the bundled fonts. Logos are prepared on first use and the last few kept.
    pub fn new() -> Result<Self, DocumentError> {
        Ok(Renderer {
            fonts: fonts::Fonts::load()?,
            images: image::ImageCache::default(),
        })
    }

    /// The process-wide renderer, created on first use.
    pub fn shared() -> Result<&'static Renderer, DocumentError> {
        static SHARED: OnceLock<Result<Renderer, DocumentError>> = OnceLock::new();
        SHARED
            .get_or_init(Renderer::new)
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Renders an invoice or credit note to PDF bytes.
    pub fn render_invoice(&self, doc: &InvoicePdf) -> Result<Vec<u8>, DocumentError> {
        invoice::render_invoice(&self.fonts, &self.images, doc)
    }

    /// Renders a letter (reminder, 14-dagenbrief, sommatie…) to PDF bytes, in the same
    /// window-envelope layout and just as deterministic as an invoice.
    pub fn render_letter(&self, doc: &LetterPdf) -> Result<Vec<u8>, DocumentError> {
        letter::render_letter(&self.fonts, &self.images, doc)
    }

    /// The first character of `text` that the document fonts (regular or bold) cannot print —
    /// it would be an empty box — if any. Spaces, tabs and line breaks are fine.
    pub fn unprintable(&self, text: &str) -> Option<char> {
        text.chars().find(|&c| {
            !c.is_whitespace()
                && [FontStyle::Regular, FontStyle::Bold]
                    .iter()
                    .any(|&style| !self.fonts.face(style).has_glyph(c))
        })
    }

    /// Width of `text` in millimetres in the given face and size (points).
    pub fn text_width_mm(&self, text: &str, style: FontStyle, size_pt: f32) -> f32 {
        measure::text_width_mm(self.fonts.face(style), text, size_pt)
    }

    /// Breaks `text` into lines at most `width_mm` wide (see the layout rules in `measure`).
    pub fn wrap(&self, text: &str, style: FontStyle, size_pt: f32, width_mm: f32) -> Vec<String> {
        measure::wrap(self.fonts.face(style), text, size_pt, width_mm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renderer_is_shareable() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Renderer>();
        let a = Renderer::shared().expect("fonts") as *const Renderer;
        let b = Renderer::shared().expect("fonts") as *const Renderer;
        assert_eq!(a, b);
    }
}
