//! Logo images, turned into PDF image XObjects once and cached by the renderer.
//!
//! PNG is decoded to 8-bit grey or RGB (palette and 16-bit images included) and compressed;
//! transparency becomes a soft mask. JPEG is embedded as is (`DCTDecode`) after reading its
//! size from the frame header. The result holds already-compressed streams, so rendering a
//! document with a cached logo costs a copy, not a compression.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use std::sync::{Arc, Mutex, PoisonError};

use flate2::write::ZlibEncoder;
use flate2::Compression;
use printpdf::{DictItem, ExternalStream, ExternalXObject, Px, XObject};

use crate::error::DocumentError;
use crate::model::ImageData;

/// Largest logo accepted, in pixels (width × height).
const MAX_PIXELS: usize = 4000 * 4000;
/// How many different logos the renderer keeps ready.
const CACHE_SIZE: usize = 4;

/// An image ready to be added to a PDF, with its size in pixels.
#[derive(Debug, Clone)]
pub struct PreparedImage {
    pub xobject: XObject,
    pub width: usize,
    pub height: usize,
}

/// Recently prepared images, keyed by their file bytes.
#[derive(Debug, Default)]
pub struct ImageCache {
    entries: Mutex<Vec<(ImageData, Arc<PreparedImage>)>>,
}

impl ImageCache {
    /// The prepared form of `image`, from the cache or made now.
    pub fn get(&self, image: &ImageData) -> Result<Arc<PreparedImage>, DocumentError> {
        {
            let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some((_, prepared)) = entries.iter().find(|(key, _)| key == image) {
                return Ok(Arc::clone(prepared));
            }
        }
        let prepared = Arc::new(prepare(image)?);
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= CACHE_SIZE {
            entries.remove(0);
        }
        entries.push((image.clone(), Arc::clone(&prepared)));
        Ok(prepared)
    }
}

/// Checks and prepares `image` for embedding.
pub fn prepare(image: &ImageData) -> Result<PreparedImage, DocumentError> {
    match image {
        ImageData::Png(bytes) => prepare_png(bytes),
        ImageData::Jpeg(bytes) => prepare_jpeg(bytes),
    }
}

fn name(s: &str) -> DictItem {
    DictItem::Name(s.as_bytes().to_vec())
}

fn image_dict(
    width: usize,
    height: usize,
    space: &str,
    filter: &str,
) -> BTreeMap<String, DictItem> {
    let int = |v: usize| DictItem::Int(i64::try_from(v).unwrap_or(i64::MAX));
    BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), int(width)),
        ("Height".to_string(), int(height)),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("ColorSpace".to_string(), name(space)),
        ("Filter".to_string(), name(filter)),
    ])
}

fn deflate(data: &[u8]) -> Result<Vec<u8>, DocumentError> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(data)
        .and_then(|()| encoder.finish())
        .map_err(|e| DocumentError::Image(e.to_string()))
}

fn image_xobject(
    dict: BTreeMap<String, DictItem>,
    content: Vec<u8>,
    w: usize,
    h: usize,
) -> XObject {
    XObject::External(ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            compress: false,
        },
        width: Some(Px(w)),
        height: Some(Px(h)),
        dpi: None,
    })
}

fn prepare_png(bytes: &[u8]) -> Result<PreparedImage, DocumentError> {
    let err = |e: png::DecodingError| DocumentError::Image(format!("PNG: {e}"));
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(err)?;
    let (width, height) = {
        let info = reader.info();
        (info.width as usize, info.height as usize)
    };
    if width == 0 || height == 0 || width.saturating_mul(height) > MAX_PIXELS {
        return Err(DocumentError::Image(format!(
            "PNG of {width}×{height} pixels"
        )));
    }
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| DocumentError::Image("PNG too large".into()))?;
    let mut pixels = vec![0; size];
    let frame = reader.next_frame(&mut pixels).map_err(err)?;
    pixels.truncate(frame.buffer_size());
    let (colors, has_alpha, space) = match frame.color_type {
        png::ColorType::Grayscale => (1, false, "DeviceGray"),
        png::ColorType::GrayscaleAlpha => (1, true, "DeviceGray"),
        png::ColorType::Rgb => (3, false, "DeviceRGB"),
        png::ColorType::Rgba => (3, true, "DeviceRGB"),
        png::ColorType::Indexed => {
            return Err(DocumentError::Image("PNG palette not expanded".into()))
        }
    };
    let (color, alpha) = if has_alpha {
        let stride = colors + 1;
        let mut color = Vec::with_capacity(width * height * colors);
        let mut alpha = Vec::with_capacity(width * height);
        for px in pixels.chunks_exact(stride) {
            color.extend_from_slice(&px[..colors]);
            alpha.push(px[colors]);
        }
        // A fully opaque alpha channel is left out.
        let alpha = alpha.iter().any(|&a| a != 255).then_some(alpha);
        (color, alpha)
    } else {
        (pixels, None)
    };
    let mut dict = image_dict(width, height, space, "FlateDecode");
    if let Some(alpha) = alpha {
        let mask = ExternalStream {
            dict: image_dict(width, height, "DeviceGray", "FlateDecode"),
            content: deflate(&alpha)?,
            compress: false,
        };
        dict.insert("SMask".to_string(), DictItem::Stream { stream: mask });
    }
    Ok(PreparedImage {
        xobject: image_xobject(dict, deflate(&color)?, width, height),
        width,
        height,
    })
}

/// What the JPEG frame header says.
#[derive(Debug, PartialEq, Eq)]
struct JpegInfo {
    width: u16,
    height: u16,
    components: u8,
    adobe: bool,
}

fn jpeg_info(bytes: &[u8]) -> Result<JpegInfo, DocumentError> {
    let bad = |what: &str| DocumentError::Image(format!("JPEG: {what}"));
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err(bad("not a JPEG file"));
    }
    let mut adobe = false;
    let mut i = 2;
    loop {
        // Skip fill bytes up to the marker.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) else {
            return Err(bad("no frame header"));
        };
        i += 2;
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            continue;
        }
        let len = match (bytes.get(i), bytes.get(i + 1)) {
            (Some(&hi), Some(&lo)) => usize::from(u16::from_be_bytes([hi, lo])),
            _ => return Err(bad("truncated")),
        };
        let segment = bytes.get(i + 2..i + len).ok_or_else(|| bad("truncated"))?;
        match marker {
            0xEE if segment.starts_with(b"Adobe") => adobe = true,
            0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                let [_precision, h1, h0, w1, w0, components, ..] = *segment else {
                    return Err(bad("short frame header"));
                };
                let info = JpegInfo {
                    width: u16::from_be_bytes([w1, w0]),
                    height: u16::from_be_bytes([h1, h0]),
                    components,
                    adobe,
                };
                if info.width == 0 || info.height == 0 {
                    return Err(bad("empty image"));
                }
                return Ok(info);
            }
            0xDA | 0xD9 => return Err(bad("no frame header")),
            _ => {}
        }
        i += len;
    }
}

fn prepare_jpeg(bytes: &[u8]) -> Result<PreparedImage, DocumentError> {
    let info = jpeg_info(bytes)?;
    let space = match info.components {
        1 => "DeviceGray",
        3 => "DeviceRGB",
        4 => "DeviceCMYK",
        n => return Err(DocumentError::Image(format!("JPEG with {n} components"))),
    };
    let (width, height) = (usize::from(info.width), usize::from(info.height));
    let mut dict = image_dict(width, height, space, "DCTDecode");
    if info.components == 4 && info.adobe {
        // Adobe writes CMYK JPEGs inverted.
        let decode = [1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec();
        dict.insert("Decode".to_string(), DictItem::Array(decode));
    }
    Ok(PreparedImage {
        xobject: image_xobject(dict, bytes.to_vec(), width, height),
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(color: png::ColorType, depth: png::BitDepth, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, 2, 1);
            encoder.set_color(color);
            encoder.set_depth(depth);
            let mut writer = encoder.write_header().expect("header");
            writer.write_image_data(data).expect("data");
        }
        out
    }

    fn stream(image: &PreparedImage) -> &ExternalStream {
        match &image.xobject {
            XObject::External(x) => &x.stream,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn png_with_transparency_gets_a_soft_mask() {
        let data = [255, 0, 0, 128, 0, 0, 255, 255];
        let prepared = prepare(&ImageData::Png(png(
            png::ColorType::Rgba,
            png::BitDepth::Eight,
            &data,
        )))
        .expect("png");
        assert_eq!((prepared.width, prepared.height), (2, 1));
        let s = stream(&prepared);
        assert_eq!(s.dict.get("ColorSpace"), Some(&name("DeviceRGB")));
        assert!(matches!(s.dict.get("SMask"), Some(DictItem::Stream { .. })));
    }

    #[test]
    fn opaque_and_sixteen_bit_pngs_work() {
        let opaque = [10, 20, 30, 255, 40, 50, 60, 255];
        let prepared = prepare(&ImageData::Png(png(
            png::ColorType::Rgba,
            png::BitDepth::Eight,
            &opaque,
        )))
        .expect("png");
        assert!(!stream(&prepared).dict.contains_key("SMask"));
        let grey16 = [0x12, 0x34, 0xAB, 0xCD];
        let prepared = prepare(&ImageData::Png(png(
            png::ColorType::Grayscale,
            png::BitDepth::Sixteen,
            &grey16,
        )))
        .expect("16-bit png");
        assert_eq!(
            stream(&prepared).dict.get("ColorSpace"),
            Some(&name("DeviceGray"))
        );
    }

    #[test]
    fn reads_a_jpeg_frame_header() {
        // SOI, APP0 (JFIF, 16 bytes), SOF0 8-bit 3 components 40×20, then EOI.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        jpeg.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 8, 0, 20, 0, 40, 3]);
        jpeg.extend_from_slice(&[1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9]);
        let info = jpeg_info(&jpeg).expect("valid header");
        assert_eq!(
            info,
            JpegInfo {
                width: 40,
                height: 20,
                components: 3,
                adobe: false
            }
        );
        assert!(prepare(&ImageData::Jpeg(jpeg)).is_ok());
    }

    #[test]
    fn rejects_garbage() {
        assert!(prepare(&ImageData::Jpeg(b"hello".to_vec())).is_err());
        assert!(prepare(&ImageData::Png(b"hello".to_vec())).is_err());
        assert!(prepare(&ImageData::Jpeg(vec![0xFF, 0xD8, 0xFF, 0xC0, 0x00])).is_err());
    }

    #[test]
    fn cache_returns_the_same_preparation() {
        let cache = ImageCache::default();
        let data = ImageData::Png(png(png::ColorType::Rgb, png::BitDepth::Eight, &[0; 6]));
        let a = cache.get(&data).expect("png");
        let b = cache.get(&data).expect("png");
        assert!(Arc::ptr_eq(&a, &b));
    }
}
