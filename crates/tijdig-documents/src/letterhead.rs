//! The head of a first page, shared by invoices, letters and agreements: logo, sender's
//! details, the return line and the recipient's address in the envelope window.

use printpdf::XObjectId;

use crate::layout::{
    BoxMm, Canvas, TextStyle, CONTENT_RIGHT_MM, ENVELOPE_WINDOW, INK, LOGO_BOX, MUTED,
};
use crate::measure::{truncate, wrap};
use crate::model::{Letterhead, LogoPosition};

/// Left edge of the sender's details (right column, level with the envelope window).
pub const SENDER_X_MM: f32 = 130.0;
const SENDER_STYLE: TextStyle = TextStyle::regular(8.5, INK);
const SENDER_NAME_STYLE: TextStyle = TextStyle::bold(9.0, INK);
const RETURN_STYLE: TextStyle = TextStyle::regular(6.5, MUTED);
const RECIPIENT_STYLE: TextStyle = TextStyle::regular(10.0, INK);
const RECIPIENT_MIN_SIZE_PT: f32 = 7.0;
/// Space kept free at the top and bottom of the window (envelope play).
const RECIPIENT_INSET_MM: f32 = 1.5;

/// An image added to the document, with its size in pixels.
pub struct PlacedImage {
    pub id: XObjectId,
    pub width: usize,
    pub height: usize,
}

/// The logo's box: as large as fits in [`LOGO_BOX`] with the image's aspect ratio, against
/// the left or right margin, top-aligned.
pub fn logo_box(width_px: usize, height_px: usize, position: LogoPosition) -> BoxMm {
    #[allow(clippy::cast_precision_loss)]
    let (w, h) = (width_px.max(1) as f32, height_px.max(1) as f32);
    let scale = (LOGO_BOX.width / w).min(LOGO_BOX.height / h);
    let (width, height) = (w * scale, h * scale);
    let x = match position {
        LogoPosition::Left => LOGO_BOX.x,
        LogoPosition::Right => CONTENT_RIGHT_MM - width,
    };
    BoxMm {
        x,
        y: LOGO_BOX.y,
        width,
        height,
    }
}

/// Draws the first-page head and returns the lowest point it reaches (mm from top).
pub fn draw_letterhead(
    canvas: &mut Canvas<'_>,
    letterhead: &Letterhead,
    logo: Option<&PlacedImage>,
    return_line: Option<&str>,
    recipient: &[String],
) -> f32 {
    let fonts = canvas.fonts();
    let mut bottom = ENVELOPE_WINDOW.y + ENVELOPE_WINDOW.height;

    if let (Some(image), Some(spec)) = (logo, &letterhead.logo) {
        let b = logo_box(image.width, image.height, spec.position);
        canvas.image(&image.id, b);
        bottom = bottom.max(b.y + b.height);
    }

    // Sender's details, top-aligned with the window.
    let width = CONTENT_RIGHT_MM - SENDER_X_MM;
    let mut y = ENVELOPE_WINDOW.y;
    for (i, line) in letterhead.sender_lines.iter().enumerate() {
        let style = if i == 0 {
            SENDER_NAME_STYLE
        } else {
            SENDER_STYLE
        };
        for part in wrap(fonts.face(style.font), line, style.size, width) {
            canvas.text(SENDER_X_MM, y + style.baseline_offset(fonts), style, &part);
            y += style.line_height();
        }
    }
    bottom = bottom.max(y);

    // Return line just above the window.
    if let Some(line) = return_line.filter(|l| !l.trim().is_empty()) {
        let face = fonts.face(RETURN_STYLE.font);
        let text = truncate(face, line, RETURN_STYLE.size, ENVELOPE_WINDOW.width);
        canvas.text(
            ENVELOPE_WINDOW.x,
            ENVELOPE_WINDOW.y - 1.8,
            RETURN_STYLE,
            &text,
        );
    }

    // Recipient inside the window: 10 pt, smaller (down to 7 pt) when more lines must fit.
    let room = ENVELOPE_WINDOW.height - 2.0 * RECIPIENT_INSET_MM;
    #[allow(clippy::cast_precision_loss)]
    let lines = recipient.len().max(1) as f32;
    let fitting = room / lines / RECIPIENT_STYLE.line_height() * RECIPIENT_STYLE.size;
    let style = TextStyle {
        size: fitting.clamp(RECIPIENT_MIN_SIZE_PT, RECIPIENT_STYLE.size),
        ..RECIPIENT_STYLE
    };
    let face = fonts.face(style.font);
    let mut y = ENVELOPE_WINDOW.y + RECIPIENT_INSET_MM;
    for line in recipient {
        let text = truncate(face, line, style.size, ENVELOPE_WINDOW.width);
        canvas.text(
            ENVELOPE_WINDOW.x,
            y + style.baseline_offset(fonts),
            style,
            &text,
        );
        y += style.line_height();
    }
    bottom.max(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logo_keeps_its_aspect_ratio() {
        let wide = logo_box(600, 100, LogoPosition::Right);
        assert!((wide.width - LOGO_BOX.width).abs() < 1e-3);
        assert!((wide.height - 10.0).abs() < 1e-3);
        assert!((wide.x + wide.width - CONTENT_RIGHT_MM).abs() < 1e-3);
        let tall = logo_box(100, 200, LogoPosition::Left);
        assert!((tall.height - LOGO_BOX.height).abs() < 1e-3);
        assert!((tall.width - 11.0).abs() < 1e-3);
        assert!((tall.x - LOGO_BOX.x).abs() < 1e-3);
    }
}
