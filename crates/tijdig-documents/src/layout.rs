//! Page geometry (A4, margins, the envelope window, the logo box) and, inside the crate, the
//! `Canvas`: a thin drawing layer over printpdf's operations that works in millimetres
//! measured from the top-left corner of the page.

use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, TextItem, TextMatrix,
    XObjectId, XObjectTransform,
};

use crate::fonts::{FontStyle, Fonts};
use crate::measure::{text_width_mm, MM_PER_PT};
use crate::model::Rgb;

/// A4 width.
pub const PAGE_WIDTH_MM: f32 = 210.0;
/// A4 height.
pub const PAGE_HEIGHT_MM: f32 = 297.0;
/// Left margin; the envelope window starts here too.
pub const MARGIN_LEFT_MM: f32 = 20.0;
/// Right margin.
pub const MARGIN_RIGHT_MM: f32 = 20.0;
/// Top margin (logo, running head on later pages).
pub const MARGIN_TOP_MM: f32 = 15.0;
/// Distance from the bottom edge to the baseline of the last footer line.
pub const MARGIN_BOTTOM_MM: f32 = 10.0;
/// Width between the margins.
pub const CONTENT_WIDTH_MM: f32 = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM;
/// Right edge of the content.
pub const CONTENT_RIGHT_MM: f32 = PAGE_WIDTH_MM - MARGIN_RIGHT_MM;
/// Where content starts on pages after the first (below the running head).
pub const CONTINUATION_TOP_MM: f32 = MARGIN_TOP_MM + 12.0;
/// Minimum gap between the body and the footer rule.
pub const FOOTER_GAP_MM: f32 = 6.0;

/// A rectangle in millimetres, measured from the top-left corner of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxMm {
    /// Distance from the left edge.
    pub x: f32,
    /// Distance from the top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// The address window of a standard Dutch window envelope (window on the left) for an A4
/// folded in three (EA5/6 "venstercouvert", NEN 1026): 20 mm from the left edge, 50 mm from
/// the top, 85 × 30 mm. The recipient's address block is set inside it; the sender's return
/// line sits just above it in small type.
pub const ENVELOPE_WINDOW: BoxMm = BoxMm {
    x: 20.0,
    y: 50.0,
    width: 85.0,
    height: 30.0,
};

/// The box a logo is scaled into (keeping its aspect ratio), top-left or top-right.
pub const LOGO_BOX: BoxMm = BoxMm {
    x: MARGIN_LEFT_MM,
    y: MARGIN_TOP_MM,
    width: 60.0,
    height: 22.0,
};

/// Body text colour (near-black).
pub(crate) const INK: Rgb = Rgb(0x22, 0x22, 0x22);
/// Labels, notes and footer.
pub(crate) const MUTED: Rgb = Rgb(0x66, 0x66, 0x66);
/// Hairlines between table rows.
pub(crate) const HAIRLINE: Rgb = Rgb(0xd4, 0xd4, 0xd4);

/// Font, size and colour of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    /// Regular or bold.
    pub font: FontStyle,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub color: Rgb,
}

impl TextStyle {
    /// Regular text in `color`.
    pub const fn regular(size: f32, color: Rgb) -> Self {
        TextStyle {
            font: FontStyle::Regular,
            size,
            color,
        }
    }

    /// Bold text in `color`.
    pub const fn bold(size: f32, color: Rgb) -> Self {
        TextStyle {
            font: FontStyle::Bold,
            size,
            color,
        }
    }

    /// Distance between baselines: 1.3 × the size, in millimetres.
    pub fn line_height(&self) -> f32 {
        self.size * 1.3 * MM_PER_PT
    }

    /// Distance from the top of a line box to its baseline, in millimetres.
    pub fn baseline_offset(&self, fonts: &Fonts) -> f32 {
        // Half the leading above the ascent keeps text centred in its line box.
        let ascent = fonts.face(self.font).ascent();
        (ascent + 0.15) * self.size * MM_PER_PT
    }
}

fn pt(mm: f32) -> Pt {
    Pt(mm / MM_PER_PT)
}

fn point(x_mm: f32, y_mm_from_top: f32) -> Point {
    Point {
        x: pt(x_mm),
        y: pt(PAGE_HEIGHT_MM - y_mm_from_top),
    }
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(c.0) / 255.0,
        g: f32::from(c.1) / 255.0,
        b: f32::from(c.2) / 255.0,
        icc_profile: None,
    })
}

/// Collects the drawing operations of one page. Keeps track of the current font and fill
/// colour so that they are only set when they change.
pub(crate) struct Canvas<'f> {
    fonts: &'f Fonts,
    ops: Vec<Op>,
    in_text: bool,
    font: Option<(FontStyle, u32)>,
    fill: Option<Rgb>,
}

impl<'f> Canvas<'f> {
    /// An empty page.
    pub fn new(fonts: &'f Fonts) -> Self {
        Canvas {
            fonts,
            ops: Vec::new(),
            in_text: false,
            font: None,
            fill: None,
        }
    }

    /// The fonts text is measured and drawn with.
    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    /// Width of `text` in `style`, in millimetres.
    pub fn width(&self, text: &str, style: TextStyle) -> f32 {
        text_width_mm(self.fonts.face(style.font), text, style.size)
    }

    /// Draws `text` with its left end at `x` and its baseline at `baseline` (mm from top).
    pub fn text(&mut self, x: f32, baseline: f32, style: TextStyle, text: &str) {
        if text.is_empty() {
            return;
        }
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
        }
        let key = (style.font, style.size.to_bits());
        if self.font != Some(key) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(self.fonts.face(style.font).font_id()),
                size: Pt(style.size),
            });
            self.font = Some(key);
        }
        self.set_fill(style.color);
        let p = point(x, baseline);
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(p.x, p.y),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        });
    }

    /// Draws `text` with its right end at `right`.
    pub fn text_right(&mut self, right: f32, baseline: f32, style: TextStyle, text: &str) {
        let w = self.width(text, style);
        self.text(right - w, baseline, style, text);
    }

    fn set_fill(&mut self, c: Rgb) {
        if self.fill != Some(c) {
            self.ops.push(Op::SetFillColor { col: color(c) });
            self.fill = Some(c);
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    /// A horizontal rule from `x1` to `x2` at `y`, `thickness_pt` thick.
    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, thickness_pt: f32, c: Rgb) {
        self.end_text();
        self.ops.push(Op::SetOutlineColor { col: color(c) });
        self.ops.push(Op::SetOutlineThickness {
            pt: Pt(thickness_pt),
        });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: point(x1, y),
                        bezier: false,
                    },
                    LinePoint {
                        p: point(x2, y),
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    /// The outline of `b`, `thickness_pt` thick.
    pub fn stroke_box(&mut self, b: BoxMm, thickness_pt: f32, c: Rgb) {
        self.end_text();
        self.ops.push(Op::SetOutlineColor { col: color(c) });
        self.ops.push(Op::SetOutlineThickness {
            pt: Pt(thickness_pt),
        });
        self.ops.push(Op::DrawRectangle {
            rectangle: rect(b, PaintMode::Stroke),
        });
    }

    /// Makes `b` a link to `uri` (no border: the printed text shows where it is).
    pub fn link(&mut self, b: BoxMm, uri: &str) {
        use printpdf::{Actions, BorderArray, LinkAnnotation};
        let mut area = rect(b, PaintMode::Fill);
        area.mode = None;
        self.ops.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                area,
                Actions::uri(uri.to_string()),
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                None,
                None,
            ),
        });
    }

    /// Paints an image XObject (a unit square) stretched over `b`.
    pub fn image(&mut self, id: &XObjectId, b: BoxMm) {
        self.xobject(id, b, 1.0);
    }

    /// Paints an XObject whose own coordinates run from 0 to `units` (both ways) over `b`.
    pub fn xobject(&mut self, id: &XObjectId, b: BoxMm, units: f32) {
        self.end_text();
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(pt(b.x)),
                translate_y: Some(pt(PAGE_HEIGHT_MM - b.y - b.height)),
                scale_x: Some(pt(b.width).0 / units),
                scale_y: Some(pt(b.height).0 / units),
                no_auto_scale: true,
                ..XObjectTransform::default()
            },
        });
    }

    /// The page's operations.
    pub fn finish(mut self) -> Vec<Op> {
        self.end_text();
        self.ops
    }
}

fn rect(b: BoxMm, mode: PaintMode) -> Rect {
    let lower_left = point(b.x, b.y + b.height);
    Rect {
        x: lower_left.x,
        y: lower_left.y,
        width: pt(b.width),
        height: pt(b.height),
        mode: Some(mode),
        winding_order: None,
    }
}
