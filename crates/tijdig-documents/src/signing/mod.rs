//! Digital signatures on Tijdig's PDFs (issue "Signed PDFs"): PAdES baseline B-B, so a client
//! cannot quietly alter a document and the freelancer can prove later what was sent.
//!
//! [`SigningIdentity`] is the key and certificate; [`sign_pdf`] appends a signature to a
//! finished PDF; [`check_signatures`] reports on every signature in any PDF. Where the private
//! key is kept (the OS keychain) is the app layer's business: this crate only sees PKCS#8 bytes.

mod cms;
mod identity;
mod pades;
mod verify;

#[cfg(test)]
mod tests;

pub use identity::{certificate_pem, fingerprint_of, split_certificates, SigningIdentity};
pub use pades::{sign_pdf, SignatureInfo};
pub use verify::{check_signatures, SignatureCheck, SignatureProblem};

/// Why a document could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    /// The key or certificate could not be made or read.
    #[error("signing identity: {0}")]
    Identity(String),
    /// The password of a `.p12`/`.pfx` file is wrong.
    #[error("wrong password")]
    Password,
    /// The CMS signature could not be built.
    #[error("CMS: {0}")]
    Cms(String),
    /// The PDF could not be read or updated.
    #[error("PDF: {0}")]
    Pdf(String),
}
