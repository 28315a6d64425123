//! Multi-page flow: a cursor that moves down the page and starts a new page when content does
//! not fit, a running head on later pages, and the footer with page numbers added once the
//! page count is known.

use printpdf::Op;

use crate::fonts::Fonts;
use crate::layout::{
    Canvas, TextStyle, CONTENT_RIGHT_MM, CONTENT_WIDTH_MM, CONTINUATION_TOP_MM, FOOTER_GAP_MM,
    HAIRLINE, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_TOP_MM, MUTED, PAGE_HEIGHT_MM,
};
use crate::measure::wrap;
use crate::model::Rgb;

const FOOTER_STYLE: TextStyle = TextStyle::regular(7.5, MUTED);
const RUNNING_HEAD_STYLE: TextStyle = TextStyle::regular(8.0, MUTED);
const FOOTER_SEPARATOR: &str = "  ·  ";

/// The footer of every page: caller-supplied items packed into rows, a rule in the accent
/// colour above them and the page label on the right.
pub struct Footer {
    rows: Vec<String>,
    label_template: String,
    accent: Rgb,
}

impl Footer {
    /// Packs `items` into as few rows as fit next to the widest possible page label (keep it
    /// to two or three rows: the body gives way to a taller footer).
    pub fn new(fonts: &Fonts, items: &[String], label_template: &str, accent: Rgb) -> Self {
        let canvas = Canvas::new(fonts);
        let widest_label = page_label(label_template, 999, 999);
        let label_w = canvas.width(&widest_label, FOOTER_STYLE);
        let room = CONTENT_WIDTH_MM - label_w - 8.0;
        let mut rows: Vec<String> = Vec::new();
        let mut row = String::new();
        let face = fonts.face(FOOTER_STYLE.font);
        // An item wider than a row is wrapped into pieces first.
        let pieces = items
            .iter()
            .filter(|s| !s.trim().is_empty())
            .flat_map(|item| wrap(face, item, FOOTER_STYLE.size, room));
        for item in pieces {
            let candidate = if row.is_empty() {
                item.clone()
            } else {
                format!("{row}{FOOTER_SEPARATOR}{item}")
            };
            if row.is_empty() || canvas.width(&candidate, FOOTER_STYLE) <= room {
                row = candidate;
            } else {
                rows.push(std::mem::replace(&mut row, item));
            }
        }
        if !row.is_empty() || rows.is_empty() {
            rows.push(row);
        }
        Footer {
            rows,
            label_template: label_template.to_string(),
            accent,
        }
    }

    fn first_baseline(&self) -> f32 {
        let last = PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM;
        #[allow(clippy::cast_precision_loss)]
        let extra = self.rows.len().saturating_sub(1) as f32;
        last - extra * FOOTER_STYLE.line_height()
    }

    fn rule_y(&self) -> f32 {
        self.first_baseline() - 4.5
    }

    /// The lowest point body content may reach.
    pub fn content_bottom(&self) -> f32 {
        self.rule_y() - FOOTER_GAP_MM
    }

    fn draw(&self, canvas: &mut Canvas<'_>, page: usize, pages: usize) {
        canvas.hline(
            MARGIN_LEFT_MM,
            CONTENT_RIGHT_MM,
            self.rule_y(),
            0.5,
            self.accent,
        );
        let mut baseline = self.first_baseline();
        for row in &self.rows {
            canvas.text(MARGIN_LEFT_MM, baseline, FOOTER_STYLE, row);
            baseline += FOOTER_STYLE.line_height();
        }
        let label = page_label(&self.label_template, page, pages);
        canvas.text_right(
            CONTENT_RIGHT_MM,
            self.first_baseline(),
            FOOTER_STYLE,
            &label,
        );
    }
}

/// Fills in `{page}` and `{pages}`.
pub fn page_label(template: &str, page: usize, pages: usize) -> String {
    template
        .replace("{page}", &page.to_string())
        .replace("{pages}", &pages.to_string())
}

/// The pages of one document and the cursor on the current page.
pub struct Flow<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    /// Drawing on the current page.
    pub canvas: Canvas<'f>,
    /// Cursor: top of the next content, in mm from the top edge.
    pub y: f32,
    bottom: f32,
    running_head: Option<String>,
}

impl<'f> Flow<'f> {
    /// Starts page 1 with the cursor at the top margin; body content stops at `bottom`.
    pub fn new(fonts: &'f Fonts, bottom: f32, running_head: Option<String>) -> Self {
        Flow {
            fonts,
            pages: Vec::new(),
            canvas: Canvas::new(fonts),
            y: MARGIN_TOP_MM,
            bottom,
            running_head,
        }
    }

    /// The fonts of this document.
    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    /// Room left on the current page, in mm.
    pub fn remaining(&self) -> f32 {
        self.bottom - self.y
    }

    /// Room on an empty page after the first.
    pub fn page_capacity(&self) -> f32 {
        self.bottom - CONTINUATION_TOP_MM
    }

    /// Whether the current page is still empty below its head.
    pub fn at_page_top(&self) -> bool {
        !self.pages.is_empty() && self.y <= CONTINUATION_TOP_MM
    }

    /// Whether `height` mm fit below the cursor.
    pub fn fits(&self, height: f32) -> bool {
        height <= self.remaining() + 0.01
    }

    /// Closes the current page and starts the next one below its running head.
    pub fn new_page(&mut self) {
        let done = std::mem::replace(&mut self.canvas, Canvas::new(self.fonts));
        self.pages.push(done.finish());
        if let Some(head) = &self.running_head {
            let style = RUNNING_HEAD_STYLE;
            self.canvas
                .text(MARGIN_LEFT_MM, MARGIN_TOP_MM + 3.0, style, head);
            self.canvas.hline(
                MARGIN_LEFT_MM,
                CONTENT_RIGHT_MM,
                MARGIN_TOP_MM + 5.5,
                0.4,
                HAIRLINE,
            );
        }
        self.y = CONTINUATION_TOP_MM;
    }

    /// Starts a new page unless `height` mm fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if !self.fits(height) && !self.at_page_top() {
            self.new_page();
        }
    }

    /// All pages with the footer and page label drawn on each.
    pub fn finish(mut self, footer: &Footer) -> Vec<Vec<Op>> {
        let last = std::mem::replace(&mut self.canvas, Canvas::new(self.fonts));
        self.pages.push(last.finish());
        let count = self.pages.len();
        let fonts = self.fonts;
        self.pages
            .into_iter()
            .enumerate()
            .map(|(i, mut ops)| {
                let mut canvas = Canvas::new(fonts);
                footer.draw(&mut canvas, i + 1, count);
                ops.extend(canvas.finish());
                ops
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn footer_packs_items_into_rows() {
        let fonts = Fonts::load().expect("fonts");
        let accent = Rgb(0, 0, 0);
        let short = Footer::new(
            &fonts,
            &items(&["KvK 1", "IBAN NL00"]),
            "{page}/{pages}",
            accent,
        );
        assert_eq!(short.rows, vec!["KvK 1  ·  IBAN NL00".to_string()]);
        let long_item = "Algemene voorwaarden gedeponeerd bij de Kamer van Koophandel en te \
                         vinden op onze website, op verzoek sturen wij ze kosteloos toe";
        let long = Footer::new(
            &fonts,
            &items(&["KvK 1", long_item]),
            "{page}/{pages}",
            accent,
        );
        assert!(long.rows.len() >= 2);
        let canvas = Canvas::new(&fonts);
        for row in &long.rows {
            assert!(canvas.width(row, FOOTER_STYLE) < CONTENT_WIDTH_MM);
        }
        // A taller footer leaves less room for the body.
        assert!(long.content_bottom() < short.content_bottom());
        // No items: one empty row, still room for the page label.
        let none = Footer::new(&fonts, &[], "pagina {page} van {pages}", accent);
        assert_eq!(none.rows.len(), 1);
        assert!((none.content_bottom() - short.content_bottom()).abs() < 1e-3);
    }

    #[test]
    fn page_label_fills_in_numbers() {
        assert_eq!(
            page_label("pagina {page} van {pages}", 2, 3),
            "pagina 2 van 3"
        );
        assert_eq!(page_label("page {page} of {pages}", 1, 1), "page 1 of 1");
        assert_eq!(page_label("{page}", 7, 9), "7");
    }
}
