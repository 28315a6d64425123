//! The bundled fonts (DejaVu Sans regular and bold, see `fonts/LICENSE-DejaVu.txt`), parsed
//! once, with the metrics the layout needs: units per em, ascent and horizontal advances.

use printpdf::{FontId, ParsedFont};

use crate::error::DocumentError;

static REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Advances of the first code points are kept in a table; the rest are looked up.
const TABLE_LEN: u32 = 0x0250;

/// Which of the bundled faces to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontStyle {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// One parsed face and its metrics.
#[derive(Debug)]
pub struct Face {
    pub(crate) parsed: ParsedFont,
    /// Resource name in the PDF; its first six letters become the subset tag.
    pub(crate) id: &'static str,
    units_per_em: f32,
    ascent: f32,
    advances: Vec<u16>,
}

impl Face {
    fn parse(bytes: &[u8], id: &'static str, name: &'static str) -> Result<Self, DocumentError> {
        let parsed =
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(DocumentError::Font(name))?;
        let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        let ascent = f32::from(parsed.pdf_font_metrics.ascender) / units_per_em;
        let mut face = Face {
            parsed,
            id,
            units_per_em,
            ascent,
            advances: Vec::new(),
        };
        face.advances = (0..TABLE_LEN)
            .map(|cp| char::from_u32(cp).map_or(0, |c| face.lookup_advance(c)))
            .collect();
        Ok(face)
    }

    fn lookup_advance(&self, c: char) -> u16 {
        let glyph = self.parsed.lookup_glyph_index(u32::from(c)).unwrap_or(0);
        self.parsed.get_horizontal_advance(glyph)
    }

    /// Whether the face has a glyph for `c` (else it would print as `.notdef`, an empty box).
    pub fn has_glyph(&self, c: char) -> bool {
        self.parsed
            .lookup_glyph_index(u32::from(c))
            .is_some_and(|g| g != 0)
    }

    /// Horizontal advance of `c` in font units (the `.notdef` advance if the font lacks it).
    pub fn advance(&self, c: char) -> u16 {
        match self.advances.get(c as usize) {
            Some(a) => *a,
            None => self.lookup_advance(c),
        }
    }

    /// Font units per em (2048 for DejaVu Sans).
    pub fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// Ascent as a fraction of the font size.
    pub fn ascent(&self) -> f32 {
        self.ascent
    }

    pub(crate) fn font_id(&self) -> FontId {
        FontId(self.id.to_string())
    }
}

/// Both faces, parsed once per process.
#[derive(Debug)]
pub struct Fonts {
    pub(crate) regular: Face,
    pub(crate) bold: Face,
}

impl Fonts {
    /// Parses the bundled fonts (takes a few milliseconds; do it once).
    pub fn load() -> Result<Self, DocumentError> {
        Ok(Fonts {
            regular: Face::parse(REGULAR_TTF, "TJSANS", "DejaVuSans.ttf")?,
            bold: Face::parse(BOLD_TTF, "TJBOLD", "DejaVuSans-Bold.ttf")?,
        })
    }

    /// The face for a style.
    pub fn face(&self, style: FontStyle) -> &Face {
        match style {
            FontStyle::Regular => &self.regular,
            FontStyle::Bold => &self.bold,
        }
    }
}
