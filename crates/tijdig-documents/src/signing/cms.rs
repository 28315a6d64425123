//! The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1 §5.1, ETSI TS 119 182
//! / RFC 5652): detached (no encapsulated content), SHA-256, signed attributes content-type,
//! message-digest and ESS signing-certificate-v2 (RFC 5035) — and no signing-time attribute,
//! which PAdES forbids (the time is the signature dictionary's `/M`).

use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::ContentInfo;
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use der::asn1::{OctetString, SetOfVec};
use der::oid::ObjectIdentifier;
use der::{Any, Encode, Sequence};
use sha2::{Digest, Sha256};
use x509_cert::attr::Attribute;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;

use super::identity::{SigningIdentity, SigningKey};
use super::SignError;

/// id-data (RFC 5652 §4).
pub(crate) const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
/// id-sha256 (RFC 5754).
pub(crate) const ID_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
/// id-aa-signingCertificateV2 (RFC 5035 §3).
pub(crate) const ID_AA_SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
/// id-messageDigest (RFC 5652 §11.2).
pub(crate) const ID_MESSAGE_DIGEST: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");

/// IssuerSerial (RFC 5035): the certificate's issuer as GeneralNames and its serial number.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub(crate) struct IssuerSerial {
    pub issuer: Vec<GeneralName>,
    pub serial_number: SerialNumber,
}

/// ESSCertIDv2 with the default hash algorithm (SHA-256), so `hashAlgorithm` is left out.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub(crate) struct EssCertIdV2 {
    pub cert_hash: OctetString,
    pub issuer_serial: IssuerSerial,
}

/// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (no policies).
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub(crate) struct SigningCertificateV2 {
    pub certs: Vec<EssCertIdV2>,
}

fn der_err(e: impl std::fmt::Display) -> SignError {
    SignError::Cms(e.to_string())
}

/// The signing-certificate-v2 attribute that binds the signature to `certificate`.
fn signing_certificate_attribute(certificate: &Certificate) -> Result<Attribute, SignError> {
    let der = certificate.to_der().map_err(der_err)?;
    let tbs = certificate.tbs_certificate();
    let value = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(Sha256::digest(&der).to_vec()).map_err(der_err)?,
            issuer_serial: IssuerSerial {
                issuer: vec![GeneralName::DirectoryName(tbs.issuer().clone())],
                serial_number: tbs.serial_number().clone(),
            },
        }],
    };
    let mut values = SetOfVec::new();
    values
        .insert(Any::encode_from(&value).map_err(der_err)?)
        .map_err(der_err)?;
    Ok(Attribute {
        oid: ID_AA_SIGNING_CERTIFICATE_V2,
        values,
    })
}

/// DER of the CMS ContentInfo that signs `digest` (SHA-256 of the PDF's byte ranges).
pub(crate) fn signed_data(identity: &SigningIdentity, digest: &[u8]) -> Result<Vec<u8>, SignError> {
    let content = EncapsulatedContentInfo {
        econtent_type: ID_DATA,
        econtent: None,
    };
    let tbs = identity.certificate.tbs_certificate();
    let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: tbs.issuer().clone(),
        serial_number: tbs.serial_number().clone(),
    });
    let sha256 = AlgorithmIdentifierOwned {
        oid: ID_SHA256,
        parameters: None,
    };
    let mut signer_info =
        SignerInfoBuilder::new(sid, sha256.clone(), &content, Some(digest)).map_err(der_err)?;
    signer_info
        .add_signed_attribute(signing_certificate_attribute(&identity.certificate)?)
        .map_err(der_err)?;
    let mut builder = SignedDataBuilder::new(&content);
    builder
        .add_digest_algorithm(sha256)
        .map_err(der_err)?
        .add_certificate(CertificateChoices::Certificate(
            identity.certificate.clone(),
        ))
        .map_err(der_err)?;
    for issuer in &identity.chain {
        builder
            .add_certificate(CertificateChoices::Certificate(issuer.clone()))
            .map_err(der_err)?;
    }
    match &identity.key {
        SigningKey::P256(key) => builder
            .add_signer_info::<_, p256::ecdsa::DerSignature>(signer_info, key)
            .map_err(der_err)?,
        SigningKey::Rsa(key) => builder
            .add_signer_info::<_, rsa::pkcs1v15::Signature>(signer_info, key.as_ref())
            .map_err(der_err)?,
    };
    let info: ContentInfo = builder.build().map_err(der_err)?;
    info.to_der().map_err(der_err)
}
