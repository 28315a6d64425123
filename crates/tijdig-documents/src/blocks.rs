//! Reusable body blocks: a title, label/value rows, a totals block, paragraphs (an invoice's
//! notes, a letter's text) and the boxed payment block with its QR code. Each block is laid
//! out first (so its height is known and it can be kept on one page) and drawn at the flow's
//! cursor.

use printpdf::{XObject, XObjectId};

use crate::error::DocumentError;
use crate::flow::Flow;
use crate::fonts::Fonts;
use crate::layout::{
    BoxMm, TextStyle, CONTENT_RIGHT_MM, CONTENT_WIDTH_MM, HAIRLINE, INK, MARGIN_LEFT_MM, MUTED,
};
use crate::measure::{text_width_mm, wrap, MM_PER_PT};
use crate::model::{PaymentBlock, Rgb, TotalRow};
use crate::qr::QrModules;

const LABEL_STYLE: TextStyle = TextStyle::regular(9.0, MUTED);
const VALUE_STYLE: TextStyle = TextStyle::regular(9.0, INK);
const TOTAL_STYLE: TextStyle = TextStyle::regular(9.0, INK);
const TOTAL_STRONG_STYLE: TextStyle = TextStyle::bold(10.5, INK);
const NOTE_STYLE: TextStyle = TextStyle::regular(8.0, MUTED);
const CAPTION_STYLE: TextStyle = TextStyle::regular(7.0, MUTED);
/// Width of the totals block against the right margin.
const TOTALS_WIDTH_MM: f32 = 80.0;
/// Gap between a label column and its values.
const LABEL_GAP_MM: f32 = 6.0;
/// Side of the QR code.
pub const QR_SIZE_MM: f32 = 30.0;
const BOX_PADDING_MM: f32 = 5.0;

/// Draws a document title in bold `accent` at the cursor.
pub fn draw_title(flow: &mut Flow<'_>, title: &str, accent: Rgb) {
    let style = TextStyle::bold(20.0, accent);
    let baseline = flow.y + style.baseline_offset(flow.fonts());
    flow.canvas.text(MARGIN_LEFT_MM, baseline, style, title);
    flow.y += style.line_height();
}

/// Label/value rows (wrapped to `width` mm), laid out for drawing.
pub struct LabelRows {
    label_width: f32,
    rows: Vec<(String, Vec<String>)>,
    /// Height in mm.
    pub height: f32,
}

impl LabelRows {
    /// Lays out `rows` in a block `width` mm wide: labels in a column as wide as the widest.
    pub fn new(fonts: &Fonts, rows: &[(String, String)], width: f32) -> Self {
        let label_face = fonts.face(LABEL_STYLE.font);
        let label_width = rows
            .iter()
            .map(|(l, _)| text_width_mm(label_face, l, LABEL_STYLE.size))
            .fold(0.0, f32::max);
        let value_width = (width - label_width - LABEL_GAP_MM).max(20.0);
        let face = fonts.face(VALUE_STYLE.font);
        let rows: Vec<(String, Vec<String>)> = rows
            .iter()
            .map(|(l, v)| (l.clone(), wrap(face, v, VALUE_STYLE.size, value_width)))
            .collect();
        let lines: usize = rows.iter().map(|(_, v)| v.len()).sum();
        #[allow(clippy::cast_precision_loss)]
        let height = lines as f32 * VALUE_STYLE.line_height();
        LabelRows {
            label_width,
            rows,
            height,
        }
    }

    /// Where the values start, from the rows' left edge (mm).
    pub fn value_offset(&self) -> f32 {
        self.label_width + LABEL_GAP_MM
    }

    /// How many lines the last row's value takes.
    pub fn last_row_lines(&self) -> usize {
        self.rows.last().map_or(0, |(_, v)| v.len())
    }

    /// Draws the rows with their labels at `x`, from `top` down.
    pub fn draw(&self, flow: &mut Flow<'_>, x: f32, top: f32) {
        let offset = VALUE_STYLE.baseline_offset(flow.fonts());
        let mut y = top;
        for (label, values) in &self.rows {
            flow.canvas.text(x, y + offset, LABEL_STYLE, label);
            for value in values {
                let vx = x + self.label_width + LABEL_GAP_MM;
                flow.canvas.text(vx, y + offset, VALUE_STYLE, value);
                y += VALUE_STYLE.line_height();
            }
        }
    }
}

/// The totals laid out: right-aligned against the margin in an 80 mm block, labels left
/// (wrapped if they would run into the amount), amounts right. A strong row gets a rule in
/// the accent colour above it and bold type.
pub struct Totals {
    rows: Vec<(Vec<String>, String, TextStyle)>,
    /// Height in mm.
    pub height: f32,
}

const TOTAL_ROW_GAP_MM: f32 = 0.6;
const STRONG_RULE_ABOVE_MM: f32 = 1.2;
const STRONG_RULE_BELOW_MM: f32 = 1.3;

impl Totals {
    /// Lays out `totals`.
    pub fn new(fonts: &Fonts, totals: &[TotalRow]) -> Self {
        let mut height = 0.0;
        let rows = totals
            .iter()
            .map(|row| {
                let style = if row.strong {
                    height += STRONG_RULE_ABOVE_MM + STRONG_RULE_BELOW_MM;
                    TOTAL_STRONG_STYLE
                } else {
                    height += TOTAL_ROW_GAP_MM;
                    TOTAL_STYLE
                };
                let face = fonts.face(style.font);
                let value_w = text_width_mm(face, &row.value, style.size);
                let room = (TOTALS_WIDTH_MM - value_w - 4.0).max(20.0);
                let label = wrap(face, &row.label, style.size, room);
                #[allow(clippy::cast_precision_loss)]
                let lines = label.len() as f32;
                height += lines * style.line_height();
                (label, row.value.clone(), style)
            })
            .collect();
        Totals { rows, height }
    }

    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Draws the totals at the cursor.
    pub fn draw(&self, flow: &mut Flow<'_>, accent: Rgb) {
        let fonts = flow.fonts();
        let left = CONTENT_RIGHT_MM - TOTALS_WIDTH_MM;
        for (label, value, style) in &self.rows {
            if style.font == TOTAL_STRONG_STYLE.font {
                flow.y += STRONG_RULE_ABOVE_MM;
                flow.canvas
                    .hline(left, CONTENT_RIGHT_MM, flow.y, 0.8, accent);
                flow.y += STRONG_RULE_BELOW_MM;
            } else {
                flow.y += TOTAL_ROW_GAP_MM;
            }
            let baseline = flow.y + style.baseline_offset(fonts);
            flow.canvas
                .text_right(CONTENT_RIGHT_MM, baseline, *style, value);
            for line in label {
                flow.canvas
                    .text(left, flow.y + style.baseline_offset(fonts), *style, line);
                flow.y += style.line_height();
            }
        }
    }
}

/// How a run of paragraphs is set: the type, the distance between baselines and the space
/// between paragraphs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProseStyle {
    /// Font, size and colour.
    pub text: TextStyle,
    /// Distance between baselines, in mm.
    pub line_height: f32,
    /// Space between two paragraphs, in mm.
    pub gap: f32,
}

impl ProseStyle {
    /// `text` with baselines `leading` × its size apart and `gap` mm between paragraphs.
    pub const fn new(text: TextStyle, leading: f32, gap: f32) -> Self {
        ProseStyle {
            text,
            line_height: text.size * leading * MM_PER_PT,
            gap,
        }
    }
}

/// Notes under an invoice's totals: small, muted, close together.
const NOTE_PROSE: ProseStyle = ProseStyle::new(NOTE_STYLE, 1.3, 1.8);

/// Paragraphs wrapped to the content width in one [`ProseStyle`], laid out for drawing.
pub struct Paragraphs {
    paragraphs: Vec<Vec<String>>,
    style: ProseStyle,
    /// Height in mm.
    pub height: f32,
}

impl Paragraphs {
    /// Wraps `texts` (empty ones are skipped); a `\n` starts a new line.
    pub fn new<'a>(
        fonts: &Fonts,
        texts: impl IntoIterator<Item = &'a str>,
        style: ProseStyle,
    ) -> Self {
        let text = style.text;
        let face = fonts.face(text.font);
        let paragraphs: Vec<Vec<String>> = texts
            .into_iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| wrap(face, n, text.size, CONTENT_WIDTH_MM))
            .collect();
        let lines: usize = paragraphs.iter().map(Vec::len).sum();
        #[allow(clippy::cast_precision_loss)]
        let height = lines as f32 * style.line_height
            + paragraphs.len().saturating_sub(1) as f32 * style.gap;
        Paragraphs {
            paragraphs,
            style,
            height,
        }
    }

    /// An invoice's notes: small and muted.
    pub fn notes(fonts: &Fonts, notes: &[String]) -> Self {
        Self::new(fonts, notes.iter().map(String::as_str), NOTE_PROSE)
    }

    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// How many of a paragraph's `n` lines must stay together from its first line.
    fn head_lines(n: usize) -> usize {
        if n <= 3 {
            n
        } else {
            2
        }
    }

    /// Height of the first lines, which go on a page together (keep a heading with them).
    pub fn lead(&self) -> f32 {
        let n = self.paragraphs.first().map_or(0, Vec::len);
        #[allow(clippy::cast_precision_loss)]
        let lines = Self::head_lines(n) as f32;
        lines * self.style.line_height
    }

    /// Draws the paragraphs, continuing on a new page when a line does not fit.
    pub fn draw(&self, flow: &mut Flow<'_>) {
        self.draw_keeping(flow, 0.0);
    }

    /// Draws the paragraphs at the cursor, continuing on a new page when a line does not
    /// fit. A paragraph's first line is never left alone at the foot of a page nor its last
    /// line alone at the top of the next (paragraphs of up to three lines are not split);
    /// the last lines of the last paragraph also stay on one page with `keep_with_last` mm
    /// of what follows, when that fits on a page at all.
    pub fn draw_keeping(&self, flow: &mut Flow<'_>, keep_with_last: f32) {
        let text = self.style.text;
        let lh = self.style.line_height;
        // Centre the text's own line box in the taller line.
        let offset = text.baseline_offset(flow.fonts()) + (lh - text.line_height()) / 2.0;
        let count = self.paragraphs.len();
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                flow.y += self.style.gap;
            }
            let n = paragraph.len();
            for (j, line) in paragraph.iter().enumerate() {
                let together = if j == 0 {
                    Self::head_lines(n)
                } else if n >= 4 && j + 2 == n {
                    2
                } else {
                    1
                };
                #[allow(clippy::cast_precision_loss)]
                let mut need = together as f32 * lh;
                let closes = together + j == n && (j == 0 || together > 1);
                if i + 1 == count && closes && need + keep_with_last <= flow.page_capacity() {
                    need += keep_with_last;
                }
                flow.ensure(need);
                flow.canvas
                    .text(MARGIN_LEFT_MM, flow.y + offset, text, line);
                flow.y += lh;
            }
        }
    }
}

/// The payment block laid out: a box across the content width, heading and label/value rows
/// on the left, the QR code (with an optional caption) on the right.
pub struct Payment {
    heading: String,
    rows: LabelRows,
    /// The betaallink's address when the last row is that link.
    link: Option<String>,
    text_width: f32,
    qr: Option<QrModules>,
    caption: Vec<String>,
    /// Height in mm.
    pub height: f32,
}

impl Payment {
    /// Lays out `block`; fails only if the QR payload is too long for a QR code.
    pub fn new(fonts: &Fonts, block: &PaymentBlock) -> Result<Self, DocumentError> {
        let qr = block
            .qr_payload
            .as_deref()
            .map(QrModules::encode)
            .transpose()?;
        let text_width = if qr.is_some() {
            CONTENT_WIDTH_MM - 2.0 * BOX_PADDING_MM - QR_SIZE_MM - 10.0
        } else {
            CONTENT_WIDTH_MM - 2.0 * BOX_PADDING_MM
        };
        let mut all_rows = block.rows.clone();
        if let Some(link) = &block.link {
            all_rows.push((link.label.clone(), link.url.clone()));
        }
        let rows = LabelRows::new(fonts, &all_rows, text_width);
        let heading_style = TextStyle::bold(10.0, INK);
        let text_height = heading_style.line_height() + 1.5 + rows.height;
        let caption = match (&qr, &block.qr_caption) {
            (Some(_), Some(text)) => wrap(
                fonts.face(CAPTION_STYLE.font),
                text,
                CAPTION_STYLE.size,
                QR_SIZE_MM + 6.0,
            ),
            _ => Vec::new(),
        };
        #[allow(clippy::cast_precision_loss)]
        let qr_height = if qr.is_some() {
            QR_SIZE_MM + caption.len() as f32 * CAPTION_STYLE.line_height() + 1.0
        } else {
            0.0
        };
        Ok(Payment {
            heading: block.heading.clone(),
            rows,
            link: block.link.as_ref().map(|l| l.url.clone()),
            text_width,
            qr,
            caption,
            height: text_height.max(qr_height) + 2.0 * BOX_PADDING_MM,
        })
    }

    /// The QR code as a form XObject, to be added to the document before drawing.
    pub fn qr_xobject(&self) -> Option<XObject> {
        self.qr.as_ref().map(QrModules::to_xobject)
    }

    /// Draws the block at the cursor; `qr` is the id of [`Self::qr_xobject`] in the document.
    pub fn draw(&self, flow: &mut Flow<'_>, accent: Rgb, qr: Option<&XObjectId>) {
        let fonts = flow.fonts();
        let top = flow.y;
        let frame = BoxMm {
            x: MARGIN_LEFT_MM,
            y: top,
            width: CONTENT_WIDTH_MM,
            height: self.height,
        };
        flow.canvas.stroke_box(frame, 0.6, HAIRLINE);
        let x = MARGIN_LEFT_MM + BOX_PADDING_MM;
        let heading_style = TextStyle::bold(10.0, accent);
        let y = top + BOX_PADDING_MM;
        let baseline = y + heading_style.baseline_offset(fonts);
        flow.canvas.text(x, baseline, heading_style, &self.heading);
        let rows_top = y + heading_style.line_height() + 1.5;
        self.rows.draw(flow, x, rows_top);
        if let Some(url) = &self.link {
            // The printed address is the link: a reader clicks where it stands.
            #[allow(clippy::cast_precision_loss)]
            let height = self.rows.last_row_lines() as f32 * VALUE_STYLE.line_height();
            let area = BoxMm {
                x: x + self.rows.value_offset(),
                y: rows_top + self.rows.height - height,
                width: self.text_width - self.rows.value_offset(),
                height,
            };
            flow.canvas.link(area, url);
        }

        if let (Some(modules), Some(id)) = (&self.qr, qr) {
            let qx = CONTENT_RIGHT_MM - BOX_PADDING_MM - QR_SIZE_MM;
            let b = BoxMm {
                x: qx,
                y,
                width: QR_SIZE_MM,
                height: QR_SIZE_MM,
            };
            #[allow(clippy::cast_precision_loss)]
            flow.canvas.xobject(id, b, modules.width() as f32);
            let offset = CAPTION_STYLE.baseline_offset(fonts);
            let mut cy = y + QR_SIZE_MM + 1.0;
            let centre = qx + QR_SIZE_MM / 2.0;
            for line in &self.caption {
                let w = flow.canvas.width(line, CAPTION_STYLE);
                flow.canvas
                    .text(centre - w / 2.0, cy + offset, CAPTION_STYLE, line);
                cy += CAPTION_STYLE.line_height();
            }
        }
        flow.y = top + self.height;
    }
}
