//! PAdES signatures checked by two verifiers that share no code with Tijdig — poppler's
//! `pdfsig` (its text is parsed: it exits 0 even on a digest mismatch) and pyHanko (`pyhanko
//! sign validate` with the certificate as trust root; its exit code is reliable) — and by
//! Tijdig's own [`check_signatures`]. Tampering (a byte in the amount, a byte in the signature,
//! an appended revision) must be caught by all three.
//!
//! pyHanko comes from `<repo>/.venv`, which `bash scripts/setup.sh test` (part of `npm test`)
//! makes; without it these tests fail and say so.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod samples;
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use support::out_dir;
use tijdig_documents::signing::{
    certificate_pem, check_signatures, sign_pdf, SignatureInfo, SigningIdentity,
};
use tijdig_documents::Renderer;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// 22 November 2026, 12:00 UTC: the day the tests sign on.
fn signing_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_348_800)
}

fn identity(name: &str) -> SigningIdentity {
    SigningIdentity::generate(name, signing_time()).unwrap()
}

fn info() -> SignatureInfo<'static> {
    SignatureInfo {
        name: "Studio Jansen",
        reason: "Factuur 2026-0001",
        location: "Amsterdam",
    }
}

fn invoice_pdf() -> Vec<u8> {
    Renderer::shared()
        .unwrap()
        .render_invoice(&samples::invoice(3, false, false))
        .unwrap()
}

fn save(name: &str, bytes: &[u8]) -> PathBuf {
    // Kept for looking at; one name per test (they run in parallel).
    let path = out_dir().join(format!("signing-{name}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `pdfsig`'s report, one block per signature.
fn pdfsig(path: &Path) -> String {
    let out = Command::new("pdfsig")
        .arg(path)
        .output()
        .expect("pdfsig (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// pyHanko's verdict: exit code 0 means valid and trusted, covering what it should.
fn pyhanko(path: &Path, trust: &[&SigningIdentity]) -> (bool, String) {
    let pyhanko = repo_root().join(".venv/bin/pyhanko");
    assert!(
        pyhanko.exists(),
        "pyHanko is missing: run `bash scripts/setup.sh test` (part of `npm test`)"
    );
    let mut cmd = Command::new(pyhanko);
    cmd.args([
        "sign",
        "validate",
        "--no-revocation-check",
        "--trust-replace",
    ]);
    for id in trust {
        // Named by the certificate: tests run in parallel, each with its own.
        let fingerprint = id.fingerprint().unwrap().replace(':', "");
        let pem = out_dir().join(format!("trust-{fingerprint}.pem"));
        std::fs::write(&pem, certificate_pem(&id.certificate_der().unwrap())).unwrap();
        cmd.arg("--trust").arg(pem);
    }
    let out = cmd.arg(path).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn a_signed_invoice_is_valid_for_pdfsig_pyhanko_and_tijdig() {
    let id = identity("Studio Jansen");
    let pdf = invoice_pdf();
    let signed = sign_pdf(&pdf, &id, &info(), signing_time()).unwrap();
    assert_eq!(
        &signed[..pdf.len()],
        &pdf[..],
        "an incremental update keeps every byte"
    );
    let path = save("signed-invoice", &signed);

    let report = pdfsig(&path);
    assert!(
        report.contains("Signature Validation: Signature is Valid."),
        "{report}"
    );
    assert!(
        report.contains("Signer Certificate Common Name: Studio Jansen"),
        "{report}"
    );
    assert!(
        report.contains("Signature Type: ETSI.CAdES.detached"),
        "{report}"
    );
    assert!(report.contains("Total document signed"), "{report}");

    let (ok, text) = pyhanko(&path, &[&id]);
    assert!(ok, "pyHanko:\n{text}");

    let checks = check_signatures(&signed);
    assert_eq!(checks.len(), 1);
    assert!(checks[0].intact, "{checks:?}");
    assert!(checks[0].covers_whole_file);
    assert_eq!(
        checks[0].signer.as_deref(),
        Some("CN=Studio Jansen,O=Studio Jansen,C=NL")
    );
    assert_eq!(checks[0].fingerprint, Some(id.fingerprint().unwrap()));
    assert_eq!(checks[0].signed_at.as_deref(), Some("D:20261122120000Z"));
    // The unsigned PDF has no signature at all.
    assert!(check_signatures(&pdf).is_empty());
}

#[test]
fn a_signed_letter_is_valid_too() {
    let id = identity("Studio Jansen");
    let letter = Renderer::shared()
        .unwrap()
        .render_letter(&samples::one_page_letter())
        .unwrap();
    let signed = sign_pdf(&letter, &id, &info(), signing_time()).unwrap();
    let path = save("signed-letter", &signed);
    assert!(pdfsig(&path).contains("Signature is Valid."));
    let (ok, text) = pyhanko(&path, &[&id]);
    assert!(ok, "pyHanko:\n{text}");
    assert!(check_signatures(&signed)[0].intact);
}

/// The position of the first occurrence of `needle` in `haystack`.
fn position(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap()
}

#[test]
fn a_changed_byte_in_the_document_is_caught_by_all_three() {
    let id = identity("Studio Jansen");
    let signed = sign_pdf(&invoice_pdf(), &id, &info(), signing_time()).unwrap();
    // The invoice's content is compressed, so change a byte of the document information that
    // is signed all the same: a different producer is a different document.
    let mut tampered = signed.clone();
    let at = position(&tampered, b"/Producer") + 12;
    tampered[at] ^= 0x01;
    let path = save("tampered-byte", &tampered);
    let report = pdfsig(&path);
    assert!(report.contains("Digest Mismatch"), "{report}");
    assert!(!pyhanko(&path, &[&id]).0, "pyHanko accepted a changed byte");
    let check = &check_signatures(&tampered)[0];
    assert!(!check.intact);
    assert!(
        check
            .problem
            .as_ref()
            .unwrap()
            .to_string()
            .contains("digest"),
        "{check:?}"
    );
}

#[test]
fn a_changed_byte_in_the_amount_is_caught() {
    // An uncompressed copy lets the test change the amount itself: "1.210,00" → "1.910,00".
    let id = identity("Studio Jansen");
    let mut doc = lopdf::Document::load_mem(&invoice_pdf()).unwrap();
    doc.decompress();
    let mut plain = Vec::new();
    doc.save_to(&mut plain).unwrap();
    let signed = sign_pdf(&plain, &id, &info(), signing_time()).unwrap();
    assert!(check_signatures(&signed)[0].intact);
    let mut tampered = signed.clone();
    // Text is drawn as glyph ids in hex; change one digit of the first hex string on the page.
    let at = position(&tampered, b"<0") + 2;
    tampered[at] = if tampered[at] == b'1' { b'2' } else { b'1' };
    let path = save("tampered-amount", &tampered);
    assert!(pdfsig(&path).contains("Digest Mismatch"));
    assert!(!pyhanko(&path, &[&id]).0);
    assert!(!check_signatures(&tampered)[0].intact);
}

#[test]
fn a_changed_byte_in_the_signature_is_caught() {
    let id = identity("Studio Jansen");
    let signed = sign_pdf(&invoice_pdf(), &id, &info(), signing_time()).unwrap();
    let mut tampered = signed.clone();
    // Inside the CMS, near its end: the signature value.
    let key = position(&tampered, b"/Contents");
    let contents = key + tampered[key..].iter().position(|b| *b == b'<').unwrap() + 1;
    let end = contents
        + tampered[contents..]
            .iter()
            .position(|b| *b == b'>')
            .unwrap();
    let used = tampered[contents..end]
        .iter()
        .rposition(|b| *b != b'0')
        .unwrap();
    let at = contents + used - 4;
    tampered[at] = if tampered[at] == b'A' { b'B' } else { b'A' };
    let path = save("tampered-signature", &tampered);
    let report = pdfsig(&path);
    assert!(!report.contains("Signature is Valid."), "{report}");
    assert!(!pyhanko(&path, &[&id]).0);
    assert!(!check_signatures(&tampered)[0].intact);
}

#[test]
fn an_appended_revision_is_reported_as_a_change() {
    let id = identity("Studio Jansen");
    let signed = sign_pdf(&invoice_pdf(), &id, &info(), signing_time()).unwrap();
    // Someone replaces the page's content with their own in an incremental update.
    let previous = lopdf::Document::load_mem(&signed).unwrap();
    let page = *previous.get_pages().values().next().unwrap();
    let mut update = lopdf::IncrementalDocument::create_from(signed.clone(), previous);
    let stream = lopdf::Stream::new(lopdf::Dictionary::new(), b"BT ET".to_vec());
    let content = update
        .new_document
        .add_object(lopdf::Object::Stream(stream));
    update.opt_clone_object_to_new_document(page).unwrap();
    update
        .new_document
        .get_object_mut(page)
        .and_then(lopdf::Object::as_dict_mut)
        .unwrap()
        .set("Contents", lopdf::Object::Reference(content));
    let mut changed = Vec::new();
    update.save_to(&mut changed).unwrap();
    let path = save("appended-revision", &changed);

    let report = pdfsig(&path);
    assert!(!report.contains("Total document signed"), "{report}");
    let (ok, text) = pyhanko(&path, &[&id]);
    assert!(!ok, "pyHanko accepted a changed page:\n{text}");
    let check = &check_signatures(&changed)[0];
    assert!(check.intact, "the signed revision itself is untouched");
    assert!(!check.covers_whole_file, "{check:?}");
    assert_eq!(check.signed_length, signed.len());
}

#[test]
fn a_second_signature_keeps_the_first_valid() {
    let ours = identity("Studio Jansen");
    let theirs = identity("Bakkerij De Korenbloem B.V.");
    let once = sign_pdf(&invoice_pdf(), &ours, &info(), signing_time()).unwrap();
    let client = SignatureInfo {
        name: "Eva de Vries",
        reason: "Voor akkoord",
        location: "Utrecht",
    };
    let twice = sign_pdf(&once, &theirs, &client, signing_time()).unwrap();
    let path = save("countersigned", &twice);
    let report = pdfsig(&path);
    assert_eq!(report.matches("Signature is Valid.").count(), 2, "{report}");
    let checks = check_signatures(&twice);
    assert_eq!(checks.len(), 2);
    assert!(checks.iter().all(|c| c.intact), "{checks:?}");
    assert!(!checks[0].covers_whole_file && checks[1].covers_whole_file);
    assert!(checks[1].signer.as_deref().unwrap().contains("Korenbloem"));
    let (ok, text) = pyhanko(&path, &[&ours, &theirs]);
    assert!(ok, "pyHanko:\n{text}");
}

#[test]
fn an_rsa_key_from_a_certificate_provider_signs_as_well() {
    // An RSA key and certificate as a provider would hand them out, made with OpenSSL.
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("key.der");
    let cert = dir.path().join("cert.der");
    let status = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650",
        ])
        .args([
            "-subj",
            "/CN=Studio Jansen/O=Studio Jansen/C=NL",
            "-outform",
            "DER",
        ])
        .arg("-keyout")
        .arg(dir.path().join("key.pem"))
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl is installed");
    assert!(status.status.success(), "{status:?}");
    let status = Command::new("openssl")
        .args(["pkcs8", "-topk8", "-nocrypt", "-outform", "DER", "-in"])
        .arg(dir.path().join("key.pem"))
        .arg("-out")
        .arg(&key)
        .status()
        .unwrap();
    assert!(status.success());
    let id = SigningIdentity::from_parts(
        &std::fs::read(&key).unwrap(),
        &std::fs::read(&cert).unwrap(),
    )
    .unwrap();
    // The test's clock is the real one here: OpenSSL dated the certificate today.
    let signed = sign_pdf(&invoice_pdf(), &id, &info(), SystemTime::now()).unwrap();
    let path = save("signed-rsa", &signed);
    assert!(pdfsig(&path).contains("Signature is Valid."));
    let (ok, text) = pyhanko(&path, &[&id]);
    assert!(ok, "pyHanko:\n{text}");
    assert!(check_signatures(&signed)[0].intact);
}

#[test]
fn an_identity_survives_the_keychain_round_trip_and_refuses_a_foreign_key() {
    let id = identity("Studio Jansen");
    let pkcs8 = id.pkcs8_der().unwrap();
    assert!(
        pkcs8.len() < 2500,
        "fits in every OS keychain: {}",
        pkcs8.len()
    );
    let cert = id.certificate_der().unwrap();
    let back = SigningIdentity::from_parts(&pkcs8, &cert).unwrap();
    assert_eq!(back.fingerprint().unwrap(), id.fingerprint().unwrap());
    let other = identity("Iemand Anders");
    assert!(SigningIdentity::from_parts(&other.pkcs8_der().unwrap(), &cert).is_err());
    // A business name with the characters X.500 names escape.
    let odd = identity("Jansen, Bakker & Zn. \"De Zon\"");
    assert!(odd.subject().contains("Bakker"), "{}", odd.subject());
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl is installed");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_bought_certificate_in_a_p12_signs_with_its_chain() {
    // A provider's CA and a P-256 certificate it issued to the business, in an OpenSSL 3 .p12
    // (AES-256 + PBKDF2) with the CA certificate as chain.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    openssl(
        d,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-days",
            "3650",
            "-subj",
            "/CN=Test CA/O=Certificaten B.V./C=NL",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign",
        ],
    );
    openssl(
        d,
        &[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-subj",
            "/CN=Studio Jansen/O=Studio Jansen/C=NL",
            "-keyout",
            "leaf.key",
            "-out",
            "leaf.csr",
        ],
    );
    std::fs::write(
        d.join("leaf.ext"),
        "keyUsage=critical,digitalSignature,nonRepudiation\n",
    )
    .unwrap();
    openssl(
        d,
        &[
            "x509",
            "-req",
            "-in",
            "leaf.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-set_serial",
            "4242",
            "-days",
            "3650",
            "-extfile",
            "leaf.ext",
            "-out",
            "leaf.pem",
        ],
    );
    openssl(
        d,
        &[
            "pkcs12",
            "-export",
            "-inkey",
            "leaf.key",
            "-in",
            "leaf.pem",
            "-certfile",
            "ca.pem",
            "-passout",
            "pass:geheim",
            "-out",
            "id.p12",
        ],
    );
    let p12 = std::fs::read(d.join("id.p12")).unwrap();

    assert!(matches!(
        SigningIdentity::from_pkcs12(&p12, "fout"),
        Err(tijdig_documents::signing::SignError::Password)
    ));
    let id = SigningIdentity::from_pkcs12(&p12, "geheim").unwrap();
    // OpenSSL wrote CN first; RFC 4514 prints the last RDN first.
    assert_eq!(id.subject(), "C=NL,O=Studio Jansen,CN=Studio Jansen");
    assert_eq!(
        id.chain_der().unwrap().len(),
        1,
        "the CA certificate came along"
    );
    let signed = sign_pdf(&invoice_pdf(), &id, &info(), SystemTime::now()).unwrap();
    let path = save("signed-p12", &signed);
    assert!(pdfsig(&path).contains("Signature is Valid."));
    assert!(check_signatures(&signed)[0].intact);

    // pyHanko trusts only the provider's CA: the path to it comes from the signature itself.
    let ca_pem = d.join("ca.pem");
    let out = Command::new(repo_root().join(".venv/bin/pyhanko"))
        .args([
            "sign",
            "validate",
            "--no-revocation-check",
            "--trust-replace",
            "--trust",
        ])
        .arg(&ca_pem)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pyHanko with the CA as only trust root:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// PAdES baseline B-B (ETSI EN 319 142-1 §5.1, §6.3): the CMS carries the ESS
/// signing-certificate-v2 attribute (RFC 5035) among the signed attributes, and no signing-time
/// attribute — the claimed signing time is the signature dictionary's `/M` — besides the
/// content-type and message-digest every CMS signature has.
#[test]
fn the_signature_is_pades_baseline_b_with_signing_certificate_v2_and_the_time_in_m() {
    use cms::content_info::ContentInfo;
    use cms::signed_data::SignedData;
    use der::{Decode, Reader, SliceReader};

    let pdf = invoice_pdf();
    let signed = sign_pdf(&pdf, &identity("Studio Jansen"), &info(), signing_time()).unwrap();
    // The signature dictionary is in the appended revision, in plain text.
    assert!(signed.starts_with(&pdf), "an incremental update");
    let text = String::from_utf8_lossy(&signed);
    let dict = text.find("/Type/Sig").expect("the signature dictionary");
    let dict = &text[dict..dict + text[dict..].find("/Contents").unwrap()];
    assert!(dict.contains("/SubFilter/ETSI.CAdES.detached"), "{dict}");
    let m = text.find("/M(D:").expect("the signing time as /M");
    assert!(
        text[m..].starts_with("/M(D:20261122120000Z)"),
        "{}",
        &text[m..m + 30]
    );

    // /Contents <hex…>: the DER of the CMS ContentInfo, padded with zeros.
    let start = position(&signed, b"/Contents<") + b"/Contents<".len();
    let end = start + signed[start..].iter().position(|b| *b == b'>').unwrap();
    let hex = &signed[start..end];
    let der: Vec<u8> = hex
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
        .collect();
    let mut reader = SliceReader::new(&der).unwrap();
    let info = ContentInfo::decode(&mut reader).unwrap();
    assert!(
        der[usize::try_from(reader.position()).unwrap()..]
            .iter()
            .all(|b| *b == 0),
        "only padding after the CMS"
    );
    assert_eq!(
        info.content_type.to_string(),
        "1.2.840.113549.1.7.2",
        "SignedData"
    );
    let data: SignedData = info.content.decode_as().unwrap();
    assert!(data.encap_content_info.econtent.is_none(), "detached");
    assert_eq!(data.signer_infos.0.len(), 1);
    let signer = data.signer_infos.0.iter().next().unwrap();
    let attributes: Vec<String> = signer
        .signed_attrs
        .as_ref()
        .expect("signed attributes")
        .iter()
        .map(|a| a.oid.to_string())
        .collect();
    const CONTENT_TYPE: &str = "1.2.840.113549.1.9.3";
    const MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
    const SIGNING_TIME: &str = "1.2.840.113549.1.9.5";
    const SIGNING_CERTIFICATE_V2: &str = "1.2.840.113549.1.9.16.2.47";
    for required in [CONTENT_TYPE, MESSAGE_DIGEST, SIGNING_CERTIFICATE_V2] {
        assert!(
            attributes.iter().any(|a| a == required),
            "{required} in {attributes:?}"
        );
    }
    assert!(
        !attributes.iter().any(|a| a == SIGNING_TIME),
        "PAdES B-B puts the time in /M, not in the CMS: {attributes:?}"
    );
    // The certificate that signed is in the CMS, so a verifier can build the chain.
    assert!(data.certificates.is_some());
}
