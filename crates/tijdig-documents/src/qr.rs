//! QR codes (for the EPC "GiroCode" payment payload) drawn as vector squares:
//! a form XObject in module units, one `re` per run of dark modules.

use std::collections::BTreeMap;

use printpdf::{DictItem, ExternalStream, ExternalXObject, XObject};
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel};

use crate::error::DocumentError;

/// A QR code as a grid of dark and light modules.
pub struct QrModules {
    width: usize,
    dark: Vec<bool>,
}

impl QrModules {
    /// Encodes `payload` at error correction level M (as the EPC guideline asks), choosing
    /// the mask with the lowest ISO/IEC 18004 penalty score. (The `qrcode` crate's own mask
    /// choice is correct but takes about a millisecond; this one is a few times faster.)
    pub fn encode(payload: &str) -> Result<Self, DocumentError> {
        let err = |e: qrcode::types::QrError| DocumentError::Qr(e.to_string());
        let bits = qrcode::bits::encode_auto(payload.as_bytes(), EcLevel::M).map_err(err)?;
        let version = bits.version();
        let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M)
            .map_err(err)?;
        let mut base = Canvas::new(version, EcLevel::M);
        base.draw_all_functional_patterns();
        base.draw_data(&data, &ec);
        let width =
            usize::try_from(version.width()).map_err(|e| DocumentError::Qr(e.to_string()))?;
        let mut best: Option<(u32, Vec<bool>)> = None;
        for pattern in MASKS {
            let mut canvas = base.clone();
            canvas.apply_mask(pattern);
            let dark: Vec<bool> = canvas
                .into_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            let score = penalty(&dark, width);
            if best.as_ref().is_none_or(|(lowest, _)| score < *lowest) {
                best = Some((score, dark));
            }
        }
        let (_, dark) = best.ok_or_else(|| DocumentError::Qr("no mask".into()))?;
        Ok(QrModules { width, dark })
    }

    /// Modules per side (without quiet zone).
    pub fn width(&self) -> usize {
        self.width
    }

    /// The code as a form XObject in module units (`/BBox [0 0 w w]`, `w` = [`Self::width`]):
    /// each run of dark modules in a row is one `re`, all filled black at once. Small integers
    /// keep the stream to a few hundred bytes. The caller keeps a light quiet zone of four
    /// modules around it.
    pub fn to_xobject(&self) -> XObject {
        let mut content = String::from("0 g\n");
        for (row, cells) in self.dark.chunks(self.width.max(1)).enumerate() {
            // PDF y runs upwards; row 0 is the top.
            let y = self.width - 1 - row;
            let mut col = 0;
            while col < cells.len() {
                if !cells[col] {
                    col += 1;
                    continue;
                }
                let start = col;
                while col < cells.len() && cells[col] {
                    col += 1;
                }
                content.push_str(&format!("{start} {y} {} 1 re\n", col - start));
            }
        }
        content.push_str("f\n");
        let name = |s: &str| DictItem::Name(s.as_bytes().to_vec());
        let side = i64::try_from(self.width).unwrap_or(i64::MAX);
        let mut dict = BTreeMap::new();
        dict.insert("Type".to_string(), name("XObject"));
        dict.insert("Subtype".to_string(), name("Form"));
        dict.insert(
            "BBox".to_string(),
            DictItem::Array([0, 0, side, side].map(DictItem::Int).to_vec()),
        );
        XObject::External(ExternalXObject {
            stream: ExternalStream {
                dict,
                content: content.into_bytes(),
                compress: true,
            },
            width: None,
            height: None,
            dpi: None,
        })
    }
}

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The mask penalty of ISO/IEC 18004 (7.8.3): runs of five or more, 2×2 blocks, finder-like
/// 1:1:3:1:1 patterns next to four light modules, and the dark/light balance.
fn penalty(dark: &[bool], width: usize) -> u32 {
    let at = |x: usize, y: usize, horizontal: bool| {
        if horizontal {
            dark[y * width + x]
        } else {
            dark[x * width + y]
        }
    };
    const FINDER: [bool; 7] = [true, false, true, true, true, false, true];
    let mut score = 0_u32;
    for horizontal in [true, false] {
        for line in 0..width {
            // Rule 1: runs.
            let mut run = 1;
            for i in 1..=width {
                if i < width && at(i, line, horizontal) == at(i - 1, line, horizontal) {
                    run += 1;
                } else {
                    if run >= 5 {
                        score += 3 + (run - 5);
                    }
                    run = 1;
                }
            }
            // Rule 3: finder-like patterns with four light modules on one side.
            let light =
                |from: usize, to: usize| (from..to.min(width)).all(|i| !at(i, line, horizontal));
            for i in 0..width.saturating_sub(6) {
                if (0..7).all(|k| at(i + k, line, horizontal) == FINDER[k])
                    && (light(i.saturating_sub(4), i) || light(i + 7, i + 11))
                {
                    score += 40;
                }
            }
        }
    }
    // Rule 2: 2×2 blocks of one colour.
    for y in 1..width {
        for x in 1..width {
            let c = dark[y * width + x];
            if dark[y * width + x - 1] == c
                && dark[(y - 1) * width + x] == c
                && dark[(y - 1) * width + x - 1] == c
            {
                score += 3;
            }
        }
    }
    // Rule 4: balance, 10 points per 5 % away from half dark.
    let total = dark.len().max(1);
    let percent = dark.iter().filter(|d| **d).count() * 100 / total;
    score + 10 * u32::try_from(percent.abs_diff(50) / 5).unwrap_or(u32::MAX / 20)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_an_epc_payload() {
        let payload = "BCD\n002\n1\nSCT\n\nJansen Design\nNL91ABNA0417164300\nEUR121.00\n\n\
                       2025-0042\n";
        let qr = QrModules::encode(payload).expect("fits");
        assert!(qr.width() >= 21 && (qr.width() - 17).is_multiple_of(4));
        assert_eq!(qr.dark.len(), qr.width() * qr.width());
        // Finder pattern: the top-left 7×7 ring is dark.
        assert!((0..7).all(|i| qr.dark[i] && qr.dark[6 * qr.width() + i]));
        let XObject::External(form) = qr.to_xobject() else {
            panic!("a form")
        };
        let content = String::from_utf8(form.stream.content).expect("ascii");
        assert!(content.starts_with("0 g\n") && content.ends_with("re\nf\n"));
        // The top-left finder pattern's top row is one 7-module run in the top row.
        let top = qr.width() - 1;
        assert!(
            content.contains(&format!("\n0 {top} 7 1 re\n")),
            "{content}"
        );
    }

    #[test]
    fn penalty_rules() {
        // 5×5 all light: rule 1 gives 5 rows + 5 columns × 3, rule 2 gives 16 × 3, rule 4
        // gives 100 (50 % off balance).
        let light = vec![false; 25];
        assert_eq!(penalty(&light, 5), 30 + 48 + 100);
        // A checkerboard has no runs, no blocks and perfect balance (13 of 25 dark: 52 %).
        let board: Vec<bool> = (0..25).map(|i| (i / 5 + i % 5) % 2 == 0).collect();
        assert_eq!(penalty(&board, 5), 0);
        // A finder-like row among light modules scores 40. Breaking it (making its first
        // module light) removes those 40 but adds a 6-run in the row (+4), four light 2×2
        // blocks (+12) and turns two 5-runs in the column into one 11-run (+3): 21 less.
        let mut grid = vec![false; 11 * 11];
        for (k, d) in [true, false, true, true, true, false, true]
            .iter()
            .enumerate()
        {
            grid[5 * 11 + 4 + k] = *d;
        }
        let with = penalty(&grid, 11);
        grid[5 * 11 + 4] = false;
        assert_eq!(with, penalty(&grid, 11) + 21);
    }

    #[test]
    fn same_code_as_the_qrcode_crate_when_it_picks_the_same_mask() {
        let payload = "BCD\n002\n1\nSCT\n\nJansen\nNL91ABNA0417164300\nEUR1.00\n\n\nx";
        let ours = QrModules::encode(payload).expect("fits");
        let theirs =
            qrcode::QrCode::with_error_correction_level(payload, EcLevel::M).expect("fits");
        assert_eq!(ours.width(), theirs.width());
        // Function patterns and format are mask-independent apart from the format bits, so
        // compare the timing pattern row, which never changes.
        let row6: Vec<bool> = (0..ours.width())
            .map(|x| ours.dark[6 * ours.width() + x])
            .collect();
        let colors = theirs.to_colors();
        let theirs6: Vec<bool> = (0..ours.width())
            .map(|x| colors[6 * ours.width() + x] == Color::Dark)
            .collect();
        assert_eq!(row6[8..ours.width() - 8], theirs6[8..ours.width() - 8]);
    }

    #[test]
    fn rejects_a_payload_that_is_too_long() {
        let payload = "x".repeat(5000);
        assert!(matches!(
            QrModules::encode(&payload),
            Err(DocumentError::Qr(_))
        ));
    }
}
