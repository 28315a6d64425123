//! The crate's error type: everything that can go wrong while rendering a document.

/// Why a document could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// A bundled font could not be parsed (a build problem, not a user problem).
    #[error("font {0} could not be parsed")]
    Font(&'static str),
    /// The logo is not a PNG or JPEG we can read.
    #[error("logo image could not be read: {0}")]
    Image(String),
    /// The QR payload does not fit in a QR code.
    #[error("QR code could not be made: {0}")]
    Qr(String),
    /// The content does not make sense (for example a table row with too many cells).
    #[error("invalid document content: {0}")]
    Invalid(String),
    /// Writing the PDF failed.
    #[error("PDF could not be written: {0}")]
    Pdf(String),
}
