//! Signing every document Tijdig produces (issue "Signed PDFs"). On first use Tijdig makes an
//! ECDSA P-256 key and a self-signed certificate in the business name: the key goes into the OS
//! keychain ([`crate::services::keychain`]), the certificate into the database. A keychain that is locked
//! or absent is said plainly ([`ErrorCode::KeychainUnavailable`]) and nothing is produced; the
//! user may then choose to produce the document unsigned, which the document shows.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use tijdig_documents::signing::{
    check_signatures, sign_pdf, split_certificates, SignError, SignatureCheck, SignatureInfo,
    SignatureProblem, SigningIdentity,
};
use tijdig_domain::Language;
use tijdig_store::{NewSigningCertificate, Store, StoreError};

use crate::plumbing::hashing::sha256_hex;
use crate::{dto, App, AppError, ErrorCode};

/// Whether a document must be signed, or the user chose to produce it without signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealing {
    Signed,
    /// The user chose this after being told the keychain is unavailable.
    Unsigned,
}

fn keychain_unavailable(lang: Language) -> AppError {
    AppError {
        code: ErrorCode::KeychainUnavailable,
        message: match lang {
            Language::Nl => "De sleutelhanger van je computer is niet beschikbaar (vergrendeld of niet gestart), dus Tijdig kan niet ondertekenen. Er is niets gemaakt. Ontgrendel de sleutelhanger en probeer het opnieuw.",
            Language::En => "Your computer's keychain is not available (locked or not running), so Tijdig cannot sign. Nothing was made. Unlock the keychain and try again.",
        }
        .into(),
        fields: Vec::new(),
    }
}

fn key_missing(lang: Language) -> AppError {
    AppError {
        code: ErrorCode::KeychainUnavailable,
        message: match lang {
            Language::Nl => "De sleutel van je handtekening staat niet in de sleutelhanger van deze computer (bijvoorbeeld na een overstap naar een andere computer). Er is niets gemaakt. Maak in Instellingen → Ondertekening een nieuw certificaat.",
            Language::En => "The key of your signature is not in this computer's keychain (for example after moving to another computer). Nothing was made. Make a new certificate in Settings → Signing.",
        }
        .into(),
        fields: Vec::new(),
    }
}

fn signing_failed(err: impl std::fmt::Display, lang: Language) -> AppError {
    eprintln!("tijdig: signing failed: {err}");
    AppError {
        code: ErrorCode::Internal,
        message: match lang {
            Language::Nl => "Het document kon niet worden ondertekend. Er is niets gemaakt; probeer het opnieuw.",
            Language::En => "The document could not be signed. Nothing was made; please try again.",
        }
        .into(),
        fields: Vec::new(),
    }
}

/// Windows' Credential Manager holds at most 2,560 bytes per secret; stay under it everywhere.
const MAX_KEYCHAIN_SECRET: usize = 2500;

/// The keychain account of a certificate's key: `signing-key-` and the start of its
/// fingerprint, so every certificate has its own entry.
fn account_for(fingerprint: &str) -> String {
    let hex: String = fingerprint.chars().filter(|c| *c != ':').take(16).collect();
    format!("signing-key-{}", hex.to_lowercase())
}

/// The signer's name for the certificate: the business as clients know it.
fn business_name(store: &Store) -> Result<String, StoreError> {
    let profile = store.profile()?.ok_or(StoreError::NotFound)?;
    Ok(profile.trade_name)
}

impl App {
    fn now_system(&self) -> SystemTime {
        let secs = self.now().and_utc().timestamp().max(0) as u64;
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
    }

    /// The identity documents are signed with now; made on first use.
    pub(crate) fn signer(
        &self,
        store: &mut Store,
        lang: Language,
    ) -> Result<Arc<SigningIdentity>, AppError> {
        let active = store
            .active_signing_certificate()
            .map_err(|e| AppError::from_store(e, lang))?;
        let Some(active) = active else {
            return self.new_identity(store, lang);
        };
        if let Ok(cache) = self.signer_cache.lock() {
            if let Some((fingerprint, identity)) = cache.as_ref() {
                if *fingerprint == active.fingerprint {
                    return Ok(identity.clone());
                }
            }
        }
        let pkcs8 = self
            .vault
            .get(&active.keychain_account)
            .map_err(|e| {
                eprintln!("tijdig: keychain: {}", e.0);
                keychain_unavailable(lang)
            })?
            .ok_or_else(|| key_missing(lang))?;
        let chain = split_certificates(&active.chain).map_err(|e| signing_failed(e, lang))?;
        let identity = Arc::new(
            SigningIdentity::from_parts_with_chain(&pkcs8, &active.certificate, &chain)
                .map_err(|e| signing_failed(e, lang))?,
        );
        if let Ok(mut cache) = self.signer_cache.lock() {
            *cache = Some((active.fingerprint, identity.clone()));
        }
        Ok(identity)
    }

    /// Makes a new key and certificate: the key into the keychain first (so a refused keychain
    /// leaves nothing behind in the database), then the certificate.
    fn new_identity(
        &self,
        store: &mut Store,
        lang: Language,
    ) -> Result<Arc<SigningIdentity>, AppError> {
        let name = business_name(store).map_err(|e| AppError::from_store(e, lang))?;
        let identity = SigningIdentity::generate(&name, self.now_system())
            .map_err(|e| signing_failed(e, lang))?;
        self.keep_identity(store, identity, "generated", lang)
    }

    /// Puts the key into the keychain (first: a refused keychain leaves nothing in the
    /// database), then the certificate into the database as the active one.
    fn keep_identity(
        &self,
        store: &mut Store,
        identity: SigningIdentity,
        source: &str,
        lang: Language,
    ) -> Result<Arc<SigningIdentity>, AppError> {
        let fingerprint = identity
            .fingerprint()
            .map_err(|e| signing_failed(e, lang))?;
        let account = account_for(&fingerprint);
        let pkcs8 = identity.pkcs8_der().map_err(|e| signing_failed(e, lang))?;
        self.vault.set(&account, &pkcs8).map_err(|e| {
            eprintln!("tijdig: keychain: {}", e.0);
            keychain_unavailable(lang)
        })?;
        let certificate = identity
            .certificate_der()
            .map_err(|e| signing_failed(e, lang))?;
        let chain = identity
            .chain_der()
            .map_err(|e| signing_failed(e, lang))?
            .concat();
        store
            .add_signing_certificate(&NewSigningCertificate {
                fingerprint: &fingerprint,
                subject: &identity.subject(),
                certificate: &certificate,
                chain: &chain,
                keychain_account: &account,
                source,
            })
            .map_err(|e| AppError::from_store(e, lang))?;
        let identity = Arc::new(identity);
        if let Ok(mut cache) = self.signer_cache.lock() {
            *cache = Some((fingerprint, identity.clone()));
        }
        Ok(identity)
    }

    /// What to seal documents with under `sealing`: the identity (none for an unsigned
    /// document) and the signer's name and place. Asked before a document is rendered, so a
    /// locked keychain stops the action before anything is written.
    pub(crate) fn sealer(
        &self,
        store: &mut Store,
        sealing: Sealing,
        lang: Language,
    ) -> Result<Sealer, AppError> {
        let identity = match sealing {
            Sealing::Signed => Some(self.signer(store, lang)?),
            Sealing::Unsigned => None,
        };
        let profile = store
            .profile()
            .map_err(|e| AppError::from_store(e, lang))?
            .ok_or_else(|| AppError::from_store(StoreError::NotFound, lang))?;
        Ok(Sealer {
            identity,
            name: profile.trade_name,
            location: profile.address.city.unwrap_or_default(),
            at: self.now_system(),
        })
    }

    /// Settings → Ondertekening: the active certificate, if there is one yet.
    pub fn signing_status(&self) -> Result<Option<dto::SigningCertificate>, AppError> {
        self.with_store(|store, lang| {
            let active = store
                .active_signing_certificate()
                .map_err(|e| AppError::from_store(e, lang))?;
            Ok(active.map(|c| dto::SigningCertificate {
                subject: c.subject,
                fingerprint: c.fingerprint,
                source: c.source,
                created_at: c.created_at.chars().take(10).collect(),
            }))
        })
    }

    /// Makes the certificate now (or a new one, replacing the active one for new documents).
    pub fn create_signing_certificate(&self) -> Result<dto::SigningCertificate, AppError> {
        self.with_store(|store, lang| {
            self.new_identity(store, lang)?;
            Ok(())
        })?;
        self.signing_status()?
            .ok_or_else(|| AppError::from_store(StoreError::NotFound, self.lang()))
    }

    /// Imports a certificate bought from a provider (`.p12`/`.pfx` with its password): the key
    /// into the keychain, the certificate and its chain into the database; new documents are
    /// signed with it.
    pub fn import_signing_certificate(
        &self,
        p12: &[u8],
        password: &str,
    ) -> Result<dto::SigningCertificate, AppError> {
        let lang = self.lang();
        let invalid = |field: &str, nl: &str, en: &str| {
            let message = match lang {
                Language::Nl => nl.to_string(),
                Language::En => en.to_string(),
            };
            AppError {
                code: ErrorCode::Validation,
                message: message.clone(),
                fields: vec![crate::FieldMessage {
                    field: field.into(),
                    code: "invalid".into(),
                    message,
                }],
            }
        };
        let identity = SigningIdentity::from_pkcs12(p12, password).map_err(|e| match e {
            SignError::Password => invalid(
                "password",
                "Het wachtwoord van dit certificaatbestand klopt niet.",
                "The password of this certificate file is not right.",
            ),
            other => {
                eprintln!("tijdig: certificate import: {other}");
                invalid(
                    "file",
                    "Tijdig kan dit bestand niet lezen als certificaat met sleutel (.p12 of .pfx, met een RSA- of P-256-sleutel).",
                    "Tijdig cannot read this file as a certificate with key (.p12 or .pfx, with an RSA or P-256 key).",
                )
            }
        })?;
        let pkcs8 = identity.pkcs8_der().map_err(|e| signing_failed(e, lang))?;
        if pkcs8.len() > MAX_KEYCHAIN_SECRET {
            return Err(invalid(
                "file",
                "De sleutel in dit bestand is te groot voor de sleutelhanger van elk besturingssysteem (meer dan 2.500 bytes). Kies een certificaat met een RSA-sleutel tot 4096 bits of een P-256-sleutel.",
                "The key in this file is too large for every operating system's keychain (over 2,500 bytes). Choose a certificate with an RSA key up to 4096 bits or a P-256 key.",
            ));
        }
        self.with_store(|store, lang| {
            self.keep_identity(store, identity, "imported", lang)?;
            Ok(())
        })?;
        self.signing_status()?
            .ok_or_else(|| AppError::from_store(StoreError::NotFound, lang))
    }

    /// The active certificate as a `.cer` (DER) file: its name and bytes, for clients to trust.
    pub fn signing_certificate_file(&self) -> Result<(String, Vec<u8>), AppError> {
        self.with_store(|store, lang| {
            let active = store
                .active_signing_certificate()
                .map_err(|e| AppError::from_store(e, lang))?
                .ok_or_else(|| AppError::from_store(StoreError::NotFound, lang))?;
            let name = business_name(store).map_err(|e| AppError::from_store(e, lang))?;
            let safe: String = name
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '.'))
                .collect();
            Ok((
                format!("Certificaat {}.cer", safe.trim()),
                active.certificate,
            ))
        })
    }

    /// "Controleer PDF": every signature in the file, whose it is and whether it holds, and
    /// whether the file (or the revision that was signed) is a document in Tijdig's records.
    pub fn check_pdf(&self, bytes: &[u8]) -> Result<dto::PdfCheck, AppError> {
        self.with_store(|store, lang| {
            let ours = store
                .signing_certificates()
                .map_err(|e| AppError::from_store(e, lang))?;
            let checks = check_signatures(bytes);
            let signatures = checks
                .iter()
                .map(|c| signature_dto(c, &ours, lang))
                .collect();
            let mut matches = store
                .documents_with_sha256(&sha256_hex(bytes))
                .map_err(|e| AppError::from_store(e, lang))?;
            let mut exact = !matches.is_empty();
            if matches.is_empty() {
                // A file that was changed after signing: is the signed revision ours?
                if let Some(first) = checks.iter().find(|c| c.intact && !c.covers_whole_file) {
                    matches = store
                        .documents_with_sha256(&sha256_hex(&bytes[..first.signed_length]))
                        .map_err(|e| AppError::from_store(e, lang))?;
                    exact = false;
                }
            }
            Ok(dto::PdfCheck {
                signatures,
                sha256: sha256_hex(bytes),
                matches: matches
                    .into_iter()
                    .map(|m| dto::DocumentMatch {
                        kind: m.kind,
                        id: m.id,
                        reference: m.reference,
                        exact,
                    })
                    .collect(),
            })
        })
    }
}

/// Signs freshly rendered PDFs of one action.
pub(crate) struct Sealer {
    identity: Option<Arc<SigningIdentity>>,
    name: String,
    location: String,
    at: SystemTime,
}

impl Sealer {
    /// Signs `pdf` (`reason`: what it is, e.g. "Factuur 2026-0001"); an unsigned sealer returns
    /// it as it is.
    pub(crate) fn seal(
        &self,
        pdf: Vec<u8>,
        reason: &str,
        lang: Language,
    ) -> Result<Vec<u8>, AppError> {
        let Some(identity) = &self.identity else {
            return Ok(pdf);
        };
        let info = SignatureInfo {
            name: &self.name,
            reason,
            location: &self.location,
        };
        sign_pdf(&pdf, identity, &info, self.at).map_err(|e| signing_failed(e, lang))
    }
}

/// A dossier note, with "unsigned" added when the document was produced without signature.
pub(crate) fn unsigned_note(note: String, sealing: Sealing, lang: Language) -> String {
    match (sealing, lang) {
        (Sealing::Signed, _) => note,
        (Sealing::Unsigned, Language::Nl) => {
            format!("{note} — zonder digitale handtekening (de sleutelhanger was niet beschikbaar)")
        }
        (Sealing::Unsigned, Language::En) => {
            format!("{note} — without digital signature (the keychain was not available)")
        }
    }
}

/// Whether a stored PDF carries an intact signature (shown on the document).
pub(crate) fn is_signed(pdf: &[u8]) -> bool {
    check_signatures(pdf).iter().any(|c| c.intact)
}

fn signature_dto(
    check: &SignatureCheck,
    ours: &[tijdig_store::SigningCertificateRecord],
    lang: Language,
) -> dto::PdfSignature {
    let nl = lang == Language::Nl;
    let problem = match (&check.problem, check.covers_whole_file) {
        (Some(SignatureProblem::Changed), _) => Some(if nl {
            "Het document is na het ondertekenen veranderd: de handtekening klopt niet meer."
        } else {
            "The document was changed after signing: the signature no longer holds."
        }),
        (Some(_), _) => Some(if nl {
            "De handtekening is beschadigd of ongeldig."
        } else {
            "The signature is damaged or invalid."
        }),
        (None, false) => Some(if nl {
            "Na deze handtekening is er iets aan het bestand toegevoegd (een latere versie)."
        } else {
            "Something was added to the file after this signature (a later revision)."
        }),
        (None, true) => None,
    };
    dto::PdfSignature {
        signer: check.signer.as_deref().map(common_name).unwrap_or_default(),
        signed_at: check.signed_at.as_deref().map(pdf_date).unwrap_or_default(),
        intact: check.intact,
        covers_whole_file: check.covers_whole_file,
        ours: check
            .fingerprint
            .as_ref()
            .is_some_and(|f| ours.iter().any(|c| &c.fingerprint == f)),
        fingerprint: check.fingerprint.clone().unwrap_or_default(),
        problem: problem.map(str::to_string),
    }
}

/// `CN=Studio Jansen,O=…` → `Studio Jansen`.
fn common_name(subject: &str) -> String {
    subject
        .split(',')
        .find_map(|part| part.trim().strip_prefix("CN="))
        .unwrap_or(subject)
        .replace('\\', "")
}

/// `D:20261122120000Z` → `22-11-2026 12:00 UTC`.
fn pdf_date(d: &str) -> String {
    let digits: String = d.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 12 {
        return d.to_string();
    }
    format!(
        "{}-{}-{} {}:{} UTC",
        &digits[6..8],
        &digits[4..6],
        &digits[0..4],
        &digits[8..10],
        &digits[10..12]
    )
}
