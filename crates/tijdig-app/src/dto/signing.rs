//! Signing: the certificate in Settings and the report of "Controleer PDF".

use serde::Serialize;
use ts_rs::TS;

/// The certificate Tijdig signs new documents with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SigningCertificate {
    /// `CN=Studio Jansen,O=Studio Jansen,C=NL`.
    pub subject: String,
    /// SHA-256 of the certificate, `AB:CD:…`: what a client compares to trust it.
    pub fingerprint: String,
    /// `generated` (made by Tijdig, self-signed) or `imported`.
    pub source: String,
    /// yyyy-mm-dd.
    pub created_at: String,
}

/// One signature found in a checked PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PdfSignature {
    /// The signer's name from the certificate (empty when unreadable).
    pub signer: String,
    /// `22-11-2026 12:00 UTC`, as the signature states it.
    pub signed_at: String,
    pub fingerprint: String,
    /// The signed bytes are unchanged and the signature is valid.
    pub intact: bool,
    /// Nothing was added to the file after this signature.
    pub covers_whole_file: bool,
    /// Signed with one of Tijdig's own certificates.
    pub ours: bool,
    /// What is wrong, in the user's language.
    pub problem: Option<String>,
}

/// A document in Tijdig's records that the checked file is (or was, before a change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentMatch {
    /// `invoice`, `letter` or `arrangement`.
    pub kind: String,
    pub id: i64,
    pub reference: String,
    /// The file is byte for byte the stored document (not only its signed revision).
    pub exact: bool,
}

/// "Controleer PDF": what the file is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PdfCheck {
    pub signatures: Vec<PdfSignature>,
    pub sha256: String,
    pub matches: Vec<DocumentMatch>,
}
