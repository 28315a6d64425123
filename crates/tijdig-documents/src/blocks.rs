//! Reusable body blocks: a title, label/value rows, a totals block, note paragraphs and the
//! boxed payment block with its QR code. Each block is laid out first (so its height is known
//! and it can be kept on one page) and drawn at the flow's cursor.

use printpdf::{XObject, XObjectId};

use crate::error::DocumentError;
use crate::flow::Flow;
use crate::fonts::Fonts;
use crate::layout::{
    BoxMm, TextStyle, CONTENT_RIGHT_MM, CONTENT_WIDTH_MM, HAIRLINE, INK, MARGIN_LEFT_MM, MUTED,
};
use crate::measure::{text_width_mm, wrap};
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

/// Note paragraphs wrapped to the content width.
pub struct Notes {
    paragraphs: Vec<Vec<String>>,
    /// Height in mm.
    pub height: f32,
}

const PARAGRAPH_GAP_MM: f32 = 1.8;

impl Notes {
    /// Wraps `notes` (empty ones are skipped).
    pub fn new(fonts: &Fonts, notes: &[String]) -> Self {
        let face = fonts.face(NOTE_STYLE.font);
        let paragraphs: Vec<Vec<String>> = notes
            .iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| wrap(face, n, NOTE_STYLE.size, CONTENT_WIDTH_MM))
            .collect();
        let lines: usize = paragraphs.iter().map(Vec::len).sum();
        #[allow(clippy::cast_precision_loss)]
        let height = lines as f32 * NOTE_STYLE.line_height()
            + paragraphs.len().saturating_sub(1) as f32 * PARAGRAPH_GAP_MM;
        Notes { paragraphs, height }
    }

    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// Draws the paragraphs, continuing on a new page when a line does not fit.
    pub fn draw(&self, flow: &mut Flow<'_>) {
        let offset = NOTE_STYLE.baseline_offset(flow.fonts());
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                flow.y += PARAGRAPH_GAP_MM;
            }
            for line in paragraph {
                flow.ensure(NOTE_STYLE.line_height());
                flow.canvas
                    .text(MARGIN_LEFT_MM, flow.y + offset, NOTE_STYLE, line);
                flow.y += NOTE_STYLE.line_height();
            }
        }
    }
}

/// The payment block laid out: a box across the content width, heading and label/value rows
/// on the left, the QR code (with an optional caption) on the right.
pub struct Payment {
    heading: String,
    rows: LabelRows,
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
        let rows = LabelRows::new(fonts, &block.rows, text_width);
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
