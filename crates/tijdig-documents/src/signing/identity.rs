//! The signer's identity: a private key (ECDSA P-256, or RSA from a bought certificate) and the
//! X.509 certificate that names the business. Tijdig makes a self-signed one on first use; the
//! private key leaves this module only as PKCS#8 DER, for the OS keychain.

use std::time::{Duration, SystemTime};

use der::{Decode, Encode};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use sha2::{Digest, Sha256};
use x509_cert::builder::{profile::BuilderProfile, Builder, CertificateBuilder};
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages, SubjectKeyIdentifier};
use x509_cert::ext::{Extension, ToExtension};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoRef;
use x509_cert::time::{Time, Validity};
use x509_cert::Certificate;

use super::SignError;

/// A private key that can sign: the two kinds Tijdig accepts.
pub enum SigningKey {
    P256(p256::ecdsa::SigningKey),
    Rsa(Box<rsa::pkcs1v15::SigningKey<sha2::Sha256>>),
}

/// Key and certificate, ready to sign.
pub struct SigningIdentity {
    pub(crate) key: SigningKey,
    pub(crate) certificate: Certificate,
    /// The issuing certificates of a bought certificate (leaf first is `certificate`), carried
    /// in every signature so a verifier can build the path.
    pub(crate) chain: Vec<Certificate>,
}

/// How long a self-made certificate is valid.
const TEN_YEARS: Duration = Duration::from_secs(10 * 365 * 24 * 3600 + 3 * 24 * 3600);
const ONE_DAY: Duration = Duration::from_secs(24 * 3600);

/// The self-signed certificate's profile: an end-entity certificate for signing documents
/// (digitalSignature + nonRepudiation), not a CA.
struct DocumentSigner {
    subject: Name,
}

impl BuilderProfile for DocumentSigner {
    fn get_issuer(&self, subject: &Name) -> Name {
        subject.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &x509_cert::TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let mut extensions: Vec<Extension> = Vec::new();
        let ski = SubjectKeyIdentifier::try_from(spk)?;
        extensions.push(ski.to_extension(tbs.subject(), &extensions)?);
        extensions.push(
            BasicConstraints {
                ca: false,
                path_len_constraint: None,
            }
            .to_extension(tbs.subject(), &extensions)?,
        );
        extensions.push(
            KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation)
                .to_extension(tbs.subject(), &extensions)?,
        );
        Ok(extensions)
    }
}

/// `CN=…, O=…, C=NL` with the characters RFC 4514 wants escaped escaped.
fn subject_name(common_name: &str, organisation: &str) -> Result<Name, SignError> {
    let escape = |s: &str| {
        let mut out = String::new();
        for (i, c) in s.trim().chars().enumerate() {
            if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=')
                || (i == 0 && matches!(c, '#' | ' '))
            {
                out.push('\\');
            }
            out.push(c);
        }
        out
    };
    let text = format!("CN={},O={},C=NL", escape(common_name), escape(organisation));
    text.parse::<Name>()
        .map_err(|e| SignError::Identity(format!("name {text:?}: {e}")))
}

impl SigningIdentity {
    /// A new P-256 key and a self-signed certificate for `name` (the business), valid from a
    /// day before `now` for ten years.
    pub fn generate(name: &str, now: SystemTime) -> Result<SigningIdentity, SignError> {
        let key = loop {
            let mut seed = [0u8; 32];
            getrandom::fill(&mut seed).map_err(|e| SignError::Identity(e.to_string()))?;
            // Fails only for a value outside the curve order (about 1 in 2^32).
            if let Ok(key) = p256::ecdsa::SigningKey::from_slice(&seed) {
                break key;
            }
        };
        let mut serial = [0u8; 16];
        getrandom::fill(&mut serial).map_err(|e| SignError::Identity(e.to_string()))?;
        // Positive and without a leading zero byte: DER wants the shortest encoding, and a
        // serial re-encoded shorter than it was signed breaks the certificate's signature.
        serial[0] = (serial[0] & 0x7f) | 0x01;
        let subject = subject_name(name, name)?;
        let time = |t: SystemTime| {
            Time::try_from(t).map_err(|e| SignError::Identity(format!("time: {e}")))
        };
        let validity = Validity::new(time(now - ONE_DAY)?, time(now + TEN_YEARS)?);
        let spki = x509_cert::spki::SubjectPublicKeyInfo::from_key(key.verifying_key())
            .map_err(|e| SignError::Identity(e.to_string()))?;
        let serial = SerialNumber::new(&serial).map_err(|e| SignError::Identity(e.to_string()))?;
        let builder = CertificateBuilder::new(DocumentSigner { subject }, serial, validity, spki)
            .map_err(|e| SignError::Identity(e.to_string()))?;
        let certificate = builder
            .build::<_, p256::ecdsa::DerSignature>(&key)
            .map_err(|e| SignError::Identity(e.to_string()))?;
        Ok(SigningIdentity {
            key: SigningKey::P256(key),
            certificate,
            chain: Vec::new(),
        })
    }

    /// Reads a `.p12`/`.pfx` from a certificate provider (RSA or EC P-256 key, OpenSSL 3's
    /// AES/PBKDF2 protection included): the key, its certificate and the issuing chain.
    pub fn from_pkcs12(data: &[u8], password: &str) -> Result<SigningIdentity, SignError> {
        let store = p12_keystore::KeyStore::from_pkcs12(data, password).map_err(|e| match e {
            p12_keystore::error::Error::MacError(_) => SignError::Password,
            other => SignError::Identity(format!("PKCS#12: {other}")),
        })?;
        let (_, entry) = store
            .private_key_chain()
            .ok_or_else(|| SignError::Identity("the file holds no private key".into()))?;
        let (leaf, rest) = entry
            .chain()
            .split_first()
            .ok_or_else(|| SignError::Identity("the file holds no certificate".into()))?;
        let chain: Vec<Vec<u8>> = rest.iter().map(|c| c.as_der().to_vec()).collect();
        SigningIdentity::from_parts_with_chain(entry.key(), leaf.as_der(), &chain)
    }

    /// [`SigningIdentity::from_parts`] with the issuing certificates (DER each).
    pub fn from_parts_with_chain(
        pkcs8: &[u8],
        certificate_der: &[u8],
        chain: &[Vec<u8>],
    ) -> Result<SigningIdentity, SignError> {
        let mut identity = SigningIdentity::from_parts(pkcs8, certificate_der)?;
        for der in chain {
            identity.chain.push(
                Certificate::from_der(der)
                    .map_err(|e| SignError::Identity(format!("chain certificate: {e}")))?,
            );
        }
        Ok(identity)
    }

    /// The issuing certificates, DER each (empty for a self-signed certificate).
    pub fn chain_der(&self) -> Result<Vec<Vec<u8>>, SignError> {
        self.chain
            .iter()
            .map(|c| c.to_der().map_err(|e| SignError::Identity(e.to_string())))
            .collect()
    }

    /// Rebuilds an identity from the keychain's PKCS#8 and the stored certificate (DER).
    pub fn from_parts(pkcs8: &[u8], certificate_der: &[u8]) -> Result<SigningIdentity, SignError> {
        let certificate = Certificate::from_der(certificate_der)
            .map_err(|e| SignError::Identity(format!("certificate: {e}")))?;
        let key = if let Ok(key) = p256::ecdsa::SigningKey::from_pkcs8_der(pkcs8) {
            SigningKey::P256(key)
        } else {
            let private = rsa::RsaPrivateKey::from_pkcs8_der(pkcs8)
                .map_err(|e| SignError::Identity(format!("private key: {e}")))?;
            SigningKey::Rsa(Box::new(rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(
                private,
            )))
        };
        let identity = SigningIdentity {
            key,
            certificate,
            chain: Vec::new(),
        };
        if identity.public_key_der()?
            != identity
                .certificate
                .tbs_certificate()
                .subject_public_key_info()
                .to_der()
                .map_err(|e| SignError::Identity(e.to_string()))?
        {
            return Err(SignError::Identity(
                "the private key does not belong to the certificate".into(),
            ));
        }
        Ok(identity)
    }

    fn public_key_der(&self) -> Result<Vec<u8>, SignError> {
        use p256::pkcs8::EncodePublicKey;
        let der = match &self.key {
            SigningKey::P256(k) => k.verifying_key().to_public_key_der(),
            SigningKey::Rsa(k) => {
                let public = rsa::RsaPublicKey::from(k.as_ref().as_ref());
                public.to_public_key_der()
            }
        };
        der.map(|d| d.as_bytes().to_vec())
            .map_err(|e| SignError::Identity(e.to_string()))
    }

    /// The private key as PKCS#8 DER: what goes into the keychain (a P-256 key is 138 bytes).
    pub fn pkcs8_der(&self) -> Result<Vec<u8>, SignError> {
        let doc = match &self.key {
            SigningKey::P256(k) => k.to_pkcs8_der(),
            SigningKey::Rsa(k) => k.as_ref().as_ref().to_pkcs8_der(),
        };
        doc.map(|d| d.as_bytes().to_vec())
            .map_err(|e| SignError::Identity(e.to_string()))
    }

    /// The certificate as DER (a `.cer` file).
    pub fn certificate_der(&self) -> Result<Vec<u8>, SignError> {
        self.certificate
            .to_der()
            .map_err(|e| SignError::Identity(e.to_string()))
    }

    /// SHA-256 of the certificate, upper-case hex in pairs (`AB:CD:…`), as certificate viewers
    /// show it.
    pub fn fingerprint(&self) -> Result<String, SignError> {
        Ok(fingerprint_of(&self.certificate_der()?))
    }

    /// The certificate's subject (`CN=Studio Jansen,O=Studio Jansen,C=NL`).
    pub fn subject(&self) -> String {
        self.certificate.tbs_certificate().subject().to_string()
    }
}

/// Splits DER certificates written one after the other (a stored chain).
pub fn split_certificates(bytes: &[u8]) -> Result<Vec<Vec<u8>>, SignError> {
    use der::Reader;
    let mut reader =
        der::SliceReader::new(bytes).map_err(|e| SignError::Identity(format!("chain: {e}")))?;
    let mut out = Vec::new();
    while !reader.is_finished() {
        let cert = Certificate::decode(&mut reader)
            .map_err(|e| SignError::Identity(format!("chain: {e}")))?;
        out.push(
            cert.to_der()
                .map_err(|e| SignError::Identity(e.to_string()))?,
        );
    }
    Ok(out)
}

/// SHA-256 of DER bytes as `AB:CD:…`.
pub fn fingerprint_of(der: &[u8]) -> String {
    Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// The certificate in PEM, for tools that want text (pyHanko's `--trust`).
pub fn certificate_pem(der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(chunk));
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}
