//! Text measuring and word wrapping with the font's own glyph advances.
//!
//! Widths are the sum of the glyphs' horizontal advances (no kerning: the PDF is written
//! glyph by glyph without kerning too, so what is measured is what is drawn).

use crate::fonts::Face;

/// Millimetres per PostScript point.
pub const MM_PER_PT: f32 = 25.4 / 72.0;

/// Width of `text` in millimetres at `size_pt`.
pub fn text_width_mm(face: &Face, text: &str, size_pt: f32) -> f32 {
    let units: u32 = text.chars().map(|c| u32::from(face.advance(c))).sum();
    units_to_mm(face, units, size_pt)
}

fn units_to_mm(face: &Face, units: u32, size_pt: f32) -> f32 {
    // Glyph advances are at most 16 bits each; the sum of a line fits an f32 exactly enough.
    #[allow(clippy::cast_precision_loss)]
    let units = units as f32;
    units / face.units_per_em() * size_pt * MM_PER_PT
}

/// Breaks `text` into lines no wider than `max_width_mm`.
///
/// Words are separated by whitespace and joined by one space; a `\n` forces a new line (an
/// empty paragraph gives an empty line). A word wider than the whole line is cut between
/// characters. Always returns at least one line.
pub fn wrap(face: &Face, text: &str, size_pt: f32, max_width_mm: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let space = text_width_mm(face, " ", size_pt);
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0_f32;
        for word in paragraph.split_whitespace() {
            let word_w = text_width_mm(face, word, size_pt);
            if line.is_empty() && word_w <= max_width_mm {
                line.push_str(word);
                line_w = word_w;
            } else if !line.is_empty() && line_w + space + word_w <= max_width_mm {
                line.push(' ');
                line.push_str(word);
                line_w += space + word_w;
            } else {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line_w = 0.0;
                if word_w <= max_width_mm {
                    line.push_str(word);
                    line_w = word_w;
                } else {
                    for c in word.chars() {
                        let c_w = text_width_mm(face, c.encode_utf8(&mut [0; 4]), size_pt);
                        if !line.is_empty() && line_w + c_w > max_width_mm {
                            lines.push(std::mem::take(&mut line));
                            line_w = 0.0;
                        }
                        line.push(c);
                        line_w += c_w;
                    }
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// Shortens `text` with a trailing "…" so that it fits in `max_width_mm`.
pub fn truncate(face: &Face, text: &str, size_pt: f32, max_width_mm: f32) -> String {
    if text_width_mm(face, text, size_pt) <= max_width_mm {
        return text.to_string();
    }
    let ellipsis = text_width_mm(face, "…", size_pt);
    let mut out = String::new();
    let mut w = 0.0;
    for c in text.chars() {
        let c_w = text_width_mm(face, c.encode_utf8(&mut [0; 4]), size_pt);
        if w + c_w + ellipsis > max_width_mm {
            break;
        }
        out.push(c);
        w += c_w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{FontStyle, Fonts};

    fn fonts() -> Fonts {
        Fonts::load().expect("fonts parse")
    }

    #[test]
    fn measures_with_the_fonts_advances() {
        let fonts = fonts();
        let face = fonts.face(FontStyle::Regular);
        assert!((face.units_per_em() - 2048.0).abs() < f32::EPSILON);
        assert!(text_width_mm(face, "", 10.0).abs() < f32::EPSILON);
        // DejaVu Sans "M" advances 1767 units: at 10 pt that is 1767/2048*10 pt.
        let m = text_width_mm(face, "M", 10.0);
        let expected = f32::from(face.advance('M')) / 2048.0 * 10.0 * MM_PER_PT;
        assert!((m - expected).abs() < 1e-4, "{m} vs {expected}");
        assert!(m > 2.5 && m < 3.5, "{m}");
        assert!(text_width_mm(face, "iiii", 10.0) < text_width_mm(face, "MMMM", 10.0));
        // Twice the size, twice the width.
        let w10 = text_width_mm(face, "Factuur 2025-0042", 10.0);
        let w20 = text_width_mm(face, "Factuur 2025-0042", 20.0);
        assert!((w20 - 2.0 * w10).abs() < 1e-3);
        // Bold is wider.
        let bold = fonts.face(FontStyle::Bold);
        assert!(text_width_mm(bold, "Totaal", 10.0) > text_width_mm(face, "Totaal", 10.0));
    }

    #[test]
    fn digits_are_tabular() {
        let fonts = fonts();
        for style in [FontStyle::Regular, FontStyle::Bold] {
            let face = fonts.face(style);
            let zero = face.advance('0');
            for d in '1'..='9' {
                assert_eq!(face.advance(d), zero, "{d} in {style:?}");
            }
            assert_eq!(
                text_width_mm(face, "€ 1.234,56", 9.0),
                text_width_mm(face, "€ 9.876,10", 9.0)
            );
        }
    }

    #[test]
    fn wraps_words_to_the_width() {
        let fonts = fonts();
        let face = fonts.face(FontStyle::Regular);
        let text = "Ontwerp en realisatie van de nieuwe huisstijl, inclusief logo, \
                    briefpapier en visitekaartjes voor het voorjaar";
        let lines = wrap(face, text, 9.0, 50.0);
        assert!(lines.len() >= 3, "{lines:?}");
        for line in &lines {
            assert!(text_width_mm(face, line, 9.0) <= 50.0, "{line}");
            assert!(!line.starts_with(' ') && !line.ends_with(' '));
        }
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        // A short text stays on one line.
        assert_eq!(wrap(face, "Uren", 9.0, 50.0), vec!["Uren".to_string()]);
        // Empty text is one empty line.
        assert_eq!(wrap(face, "", 9.0, 50.0), vec![String::new()]);
    }

    #[test]
    fn hard_breaks_and_long_words() {
        let fonts = fonts();
        let face = fonts.face(FontStyle::Regular);
        let lines = wrap(face, "Regel een\n\nRegel drie", 9.0, 100.0);
        assert_eq!(lines, vec!["Regel een", "", "Regel drie"]);
        let long = "NL91ABNA0417164300NL91ABNA0417164300NL91ABNA0417164300";
        let lines = wrap(face, long, 9.0, 30.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), long);
        for line in &lines {
            assert!(text_width_mm(face, line, 9.0) <= 30.0);
        }
    }

    #[test]
    fn truncates_with_ellipsis() {
        let fonts = fonts();
        let face = fonts.face(FontStyle::Regular);
        assert_eq!(truncate(face, "kort", 9.0, 50.0), "kort");
        let t = truncate(face, "een hele lange tekst die niet past", 9.0, 20.0);
        assert!(t.ends_with('…'));
        assert!(text_width_mm(face, &t, 9.0) <= 20.0);
    }
}
