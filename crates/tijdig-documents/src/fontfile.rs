//! Trims the embedded TrueType font programs after printpdf has subset them: the `name`
//! table is dropped. DejaVu's `name` table carries the full licence text (about 15 KB per
//! face, a third of a one-page invoice), and PDF readers do not use it: an embedded TrueType
//! program needs only `head`, `hhea`, `loca`, `maxp`, `cvt `, `prep`, `glyf`, `hmtx` and
//! `fpgm` (ISO 32000-1, 9.9). The glyphs themselves are untouched.

use lopdf::{Document, Object, ObjectId};

/// Tables removed from embedded fonts.
const DROPPED: [&[u8; 4]; 1] = [b"name"];

/// Rebuilds the sfnt `font` without the `drop` tables. Returns `None` if `font` is not a
/// well-formed sfnt (the caller then keeps it as it is).
pub fn without_tables(font: &[u8], drop: &[&[u8; 4]]) -> Option<Vec<u8>> {
    let be16 = |at: usize| -> Option<u16> {
        Some(u16::from_be_bytes([*font.get(at)?, *font.get(at + 1)?]))
    };
    let be32 = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(font.get(at..at + 4)?.try_into().ok()?))
    };
    let version = be32(0)?;
    let count = usize::from(be16(4)?);
    let mut tables = Vec::with_capacity(count);
    for i in 0..count {
        let at = 12 + 16 * i;
        let tag: [u8; 4] = font.get(at..at + 4)?.try_into().ok()?;
        let offset = usize::try_from(be32(at + 8)?).ok()?;
        let length = usize::try_from(be32(at + 12)?).ok()?;
        let data = font.get(offset..offset.checked_add(length)?)?;
        if !drop.contains(&&tag) {
            tables.push((tag, data));
        }
    }
    tables.sort_by_key(|(tag, _)| *tag);

    let n = u16::try_from(tables.len()).ok()?;
    // Binary-search fields of the table directory.
    let mut power = 1_u16;
    let mut log2 = 0_u16;
    while power.checked_mul(2).is_some_and(|p| p <= n) {
        power *= 2;
        log2 += 1;
    }
    let search_range = power.checked_mul(16)?;
    let mut out = Vec::with_capacity(font.len());
    out.extend_from_slice(&version.to_be_bytes());
    for v in [
        n,
        search_range,
        log2,
        n.checked_mul(16)?.checked_sub(search_range)?,
    ] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &tables {
        let mut padded = data.to_vec();
        if tag == b"head" {
            // checkSumAdjustment is computed over the font with this field zeroed.
            padded.get_mut(8..12)?.fill(0);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(&padded).to_be_bytes());
        out.extend_from_slice(&u32::try_from(offset).ok()?.to_be_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(out.len());
        }
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        out.get_mut(at + 8..at + 12)?.fill(0);
        let adjustment = 0xB1B0_AFBA_u32.wrapping_sub(checksum(&out));
        out.get_mut(at + 8..at + 12)?
            .copy_from_slice(&adjustment.to_be_bytes());
    }
    Some(out)
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0_u32, |sum, chunk| {
        let mut word = [0_u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// Removes the [`DROPPED`] tables from every `/FontFile2` program in `doc`.
pub fn trim_embedded_fonts(doc: &mut Document) {
    let programs: Vec<ObjectId> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has_type(b"FontDescriptor"))
        .filter_map(|d| d.get(b"FontFile2").and_then(Object::as_reference).ok())
        .collect();
    for id in programs {
        let Ok(stream) = doc.get_object_mut(id).and_then(Object::as_stream_mut) else {
            continue;
        };
        let Ok(font) = stream.get_plain_content() else {
            continue;
        };
        if let Some(trimmed) = without_tables(&font, &DROPPED) {
            let length = i64::try_from(trimmed.len()).unwrap_or(i64::MAX);
            stream.set_plain_content(trimmed);
            stream.dict.set("Length1", length);
            stream.allows_compression = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static FONT: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

    fn tags(font: &[u8]) -> Vec<[u8; 4]> {
        let n = usize::from(u16::from_be_bytes([font[4], font[5]]));
        (0..n)
            .map(|i| font[12 + 16 * i..16 + 16 * i].try_into().expect("4 bytes"))
            .collect()
    }

    #[test]
    fn drops_the_name_table_and_keeps_a_valid_font() {
        let trimmed = without_tables(FONT, &DROPPED).expect("well-formed");
        assert!(trimmed.len() < FONT.len());
        let before = tags(FONT);
        let after = tags(&trimmed);
        assert!(before.contains(b"name") && !after.contains(b"name"));
        assert_eq!(after.len(), before.len() - 1);
        // The whole font sums to the magic number once checkSumAdjustment is in place.
        assert_eq!(checksum(&trimmed), 0xB1B0_AFBA);
        // And it still parses, with the same metrics.
        let parsed = printpdf::ParsedFont::from_bytes(&trimmed, 0, &mut Vec::new())
            .expect("trimmed font parses");
        let original = printpdf::ParsedFont::from_bytes(FONT, 0, &mut Vec::new()).expect("font");
        let gid = original.lookup_glyph_index(u32::from('€')).expect("euro");
        assert_eq!(parsed.lookup_glyph_index(u32::from('€')), Some(gid));
        assert_eq!(
            parsed.get_horizontal_advance(gid),
            original.get_horizontal_advance(gid)
        );
    }

    #[test]
    fn leaves_garbage_alone() {
        assert!(without_tables(b"not a font", &DROPPED).is_none());
        assert!(without_tables(&FONT[..100], &DROPPED).is_none());
    }
}
