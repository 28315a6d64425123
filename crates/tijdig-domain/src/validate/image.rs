//! The logo on documents: a PNG or JPEG, recognised by its signature, not its file name.

use crate::Issue;

/// The largest logo Tijdig keeps (it is stored in the database and embedded in every PDF).
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
}

impl ImageKind {
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
        }
    }

    pub fn from_mime(mime: &str) -> Option<ImageKind> {
        match mime {
            "image/png" => Some(ImageKind::Png),
            "image/jpeg" => Some(ImageKind::Jpeg),
            _ => None,
        }
    }
}

/// Accepts PNG and JPEG files up to [`MAX_LOGO_BYTES`].
pub fn logo(bytes: &[u8]) -> Result<ImageKind, Issue> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(Issue::LogoTooLarge {
            max_kb: MAX_LOGO_BYTES / 1024,
        });
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(ImageKind::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(ImageKind::Jpeg)
    } else {
        Err(Issue::LogoFormat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_and_jpeg_are_recognised_by_their_signature() {
        assert_eq!(logo(b"\x89PNG\r\n\x1a\n....").unwrap(), ImageKind::Png);
        assert_eq!(logo(&[0xFF, 0xD8, 0xFF, 0xE0]).unwrap(), ImageKind::Jpeg);
        assert_eq!(logo(b"GIF89a").unwrap_err(), Issue::LogoFormat);
        assert_eq!(logo(b"").unwrap_err(), Issue::LogoFormat);
    }

    #[test]
    fn a_logo_over_one_megabyte_is_refused() {
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(MAX_LOGO_BYTES + 1, 0);
        assert_eq!(
            logo(&big).unwrap_err(),
            Issue::LogoTooLarge { max_kb: 1024 }
        );
    }
}
