//! Checking the signatures in any PDF ("Controleer PDF"): for each `/ByteRange` in the file,
//! whether the bytes it covers still hash to the CMS message digest, whether the signature over
//! the signed attributes is valid for the certificate inside, and whether the signature covers
//! the whole file or something was appended after it.
//!
//! The file is read as bytes, not through a PDF parser: a damaged or tampered file must still
//! be reported on, and every revision's signature is found, not only the newest objects.

use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier};
use der::{Decode, Encode, SliceReader};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;

use super::cms::ID_MESSAGE_DIGEST;
use super::identity::fingerprint_of;
use super::pades::find;

/// Why a signature does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureProblem {
    #[error("the byte range does not fit the file")]
    ByteRange,
    #[error("the signature is not hexadecimal")]
    NotHex,
    /// The CMS structure cannot be read or lacks a part a signature needs.
    #[error("the signature cannot be read: {0}")]
    Unreadable(String),
    #[error("the signer's certificate is not in the signature")]
    NoCertificate,
    /// The signed bytes were changed after signing.
    #[error("the document was changed after signing (digest mismatch)")]
    Changed,
    #[error("the signature value is not valid for the certificate")]
    Invalid,
    #[error("the signer's key type is not supported (only ECDSA P-256 and RSA)")]
    UnsupportedKey,
}

fn unreadable(e: impl std::fmt::Display) -> SignatureProblem {
    SignatureProblem::Unreadable(e.to_string())
}

/// What one signature in a PDF says and whether it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureCheck {
    /// The certificate's subject (`CN=…,O=…,C=NL`), when the CMS could be read.
    pub signer: Option<String>,
    /// SHA-256 fingerprint of the signer's certificate (`AB:CD:…`).
    pub fingerprint: Option<String>,
    /// `/M` as written (`D:20261122120000Z`).
    pub signed_at: Option<String>,
    /// The covered bytes are unchanged and the signature is valid for the certificate.
    pub intact: bool,
    /// Why not intact (the app words it for the user).
    pub problem: Option<SignatureProblem>,
    /// The signature covers the file up to its last byte (nothing appended after signing).
    pub covers_whole_file: bool,
    /// Where the signed revision ends: the bytes `..signed_length` are what was signed.
    pub signed_length: usize,
}

fn parse_int(bytes: &[u8], at: &mut usize) -> Option<usize> {
    while *at < bytes.len() && bytes[*at].is_ascii_whitespace() {
        *at += 1;
    }
    let start = *at;
    while *at < bytes.len() && bytes[*at].is_ascii_digit() {
        *at += 1;
    }
    std::str::from_utf8(&bytes[start..*at]).ok()?.parse().ok()
}

/// The four numbers after a `/ByteRange`, if they are there.
fn byte_range(bytes: &[u8], mut at: usize) -> Option<[usize; 4]> {
    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    if bytes.get(at) != Some(&b'[') {
        return None;
    }
    at += 1;
    let mut range = [0usize; 4];
    for slot in &mut range {
        *slot = parse_int(bytes, &mut at)?;
    }
    Some(range)
}

/// The `/M (…)` of the signature dictionary around `at`, if written as a literal string.
fn signing_time(bytes: &[u8], at: usize) -> Option<String> {
    let from = at.saturating_sub(4096);
    let to = (at + 8192).min(bytes.len());
    let window = &bytes[from..to];
    let m = find(window, b"/M (").or_else(|| find(window, b"/M("))?;
    let open = m + window[m..].iter().position(|b| *b == b'(')? + 1;
    let close = open + window[open..].iter().position(|b| *b == b')')?;
    Some(String::from_utf8_lossy(&window[open..close]).into_owned())
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Every signature in the file, in the order they appear (the first signer first).
pub fn check_signatures(pdf: &[u8]) -> Vec<SignatureCheck> {
    let mut checks = Vec::new();
    let mut from = 0;
    while let Some(i) = find(&pdf[from..], b"/ByteRange") {
        let at = from + i + b"/ByteRange".len();
        from = at;
        let Some(range) = byte_range(pdf, at) else {
            continue;
        };
        checks.push(check_one(pdf, range, signing_time(pdf, at)));
    }
    checks
}

fn broken(
    problem: SignatureProblem,
    signed_length: usize,
    signed_at: Option<String>,
) -> SignatureCheck {
    SignatureCheck {
        signer: None,
        fingerprint: None,
        signed_at,
        intact: false,
        problem: Some(problem),
        covers_whole_file: false,
        signed_length,
    }
}

fn check_one(pdf: &[u8], [a, b, c, d]: [usize; 4], signed_at: Option<String>) -> SignatureCheck {
    let end = c.saturating_add(d);
    if a != 0
        || b >= c
        || end > pdf.len()
        || pdf.get(b) != Some(&b'<')
        || pdf.get(c - 1) != Some(&b'>')
    {
        return broken(SignatureProblem::ByteRange, end.min(pdf.len()), signed_at);
    }
    let covers_whole_file = end == pdf.len()
        // A trailing end-of-line after %%EOF is not a change.
        || pdf[end..].iter().all(|b| matches!(b, b'\r' | b'\n'));
    let hex = &pdf[b + 1..c - 1];
    let mut cms = Vec::with_capacity(hex.len() / 2);
    for pair in hex.chunks(2) {
        match (
            pair.first().and_then(|h| hex_value(*h)),
            pair.get(1).and_then(|l| hex_value(*l)),
        ) {
            (Some(h), Some(l)) => cms.push(h << 4 | l),
            _ => return broken(SignatureProblem::NotHex, end, signed_at),
        }
    }
    let mut hasher = Sha256::new();
    hasher.update(&pdf[..b]);
    hasher.update(&pdf[c..end]);
    let digest = hasher.finalize();
    let mut signer = None;
    let problem = verify_cms(&cms, &digest, &mut signer).err();
    SignatureCheck {
        fingerprint: signer.as_ref().map(|(_, f)| f.clone()),
        signer: signer.map(|(s, _)| s),
        signed_at,
        intact: problem.is_none(),
        problem,
        covers_whole_file,
        signed_length: end,
    }
}

/// Verifies the CMS over `digest`. The signer's subject and certificate fingerprint are set as
/// soon as the certificate is found, so a broken signature still says whose it claims to be.
fn verify_cms(
    cms: &[u8],
    digest: &[u8],
    signer: &mut Option<(String, String)>,
) -> Result<(), SignatureProblem> {
    // The reserved space is padded with zeros after the DER value.
    let mut reader = SliceReader::new(cms).map_err(unreadable)?;
    let info = ContentInfo::decode(&mut reader).map_err(unreadable)?;
    let signed: SignedData = info.content.decode_as().map_err(unreadable)?;
    let signer_info = signed
        .signer_infos
        .0
        .get(0)
        .ok_or_else(|| unreadable("no signer in the signature"))?;
    let SignerIdentifier::IssuerAndSerialNumber(sid) = &signer_info.sid else {
        return Err(unreadable("signer identified by key id, not supported"));
    };
    let certificate: &Certificate = signed
        .certificates
        .as_ref()
        .and_then(|set| {
            set.0.iter().find_map(|choice| match choice {
                cms::cert::CertificateChoices::Certificate(cert)
                    if cert.tbs_certificate().issuer() == &sid.issuer
                        && cert.tbs_certificate().serial_number() == &sid.serial_number =>
                {
                    Some(cert)
                }
                _ => None,
            })
        })
        .ok_or(SignatureProblem::NoCertificate)?;
    let cert_der = certificate.to_der().map_err(unreadable)?;
    *signer = Some((
        certificate.tbs_certificate().subject().to_string(),
        fingerprint_of(&cert_der),
    ));
    let attrs = signer_info
        .signed_attrs
        .as_ref()
        .ok_or_else(|| unreadable("no signed attributes"))?;
    let message_digest = attrs
        .iter()
        .find(|a| a.oid == ID_MESSAGE_DIGEST)
        .and_then(|a| a.values.get(0))
        .and_then(|v| v.decode_as::<der::asn1::OctetString>().ok())
        .ok_or_else(|| unreadable("no message digest"))?;
    if message_digest.as_bytes() != digest {
        return Err(SignatureProblem::Changed);
    }
    let signed_bytes = attrs.to_der().map_err(unreadable)?;
    let spki = certificate
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(unreadable)?;
    verify_signature(&spki, &signed_bytes, signer_info.signature.as_bytes())
}

/// Checks `signature` over `message` with the certificate's public key (P-256 or RSA).
fn verify_signature(
    spki_der: &[u8],
    message: &[u8],
    signature: &[u8],
) -> Result<(), SignatureProblem> {
    use p256::pkcs8::DecodePublicKey;
    use signature::Verifier;
    if let Ok(key) = p256::ecdsa::VerifyingKey::from_public_key_der(spki_der) {
        let sig = p256::ecdsa::DerSignature::try_from(signature)
            .map_err(|_| SignatureProblem::Invalid)?;
        return key
            .verify(message, &sig)
            .map_err(|_| SignatureProblem::Invalid);
    }
    if let Ok(key) = rsa::RsaPublicKey::from_public_key_der(spki_der) {
        let key = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(key);
        let sig =
            rsa::pkcs1v15::Signature::try_from(signature).map_err(|_| SignatureProblem::Invalid)?;
        return key
            .verify(message, &sig)
            .map_err(|_| SignatureProblem::Invalid);
    }
    Err(SignatureProblem::UnsupportedKey)
}
