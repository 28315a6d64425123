//! Unit tests of the signature reader's edges; whole-document signing and the independent
//! verifiers are in `tests/signing.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;

#[test]
fn a_file_without_signatures_has_none() {
    assert!(check_signatures(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n").is_empty());
    assert!(check_signatures(b"").is_empty());
}

#[test]
fn a_byte_range_that_does_not_fit_the_file_is_reported_not_trusted() {
    let pdf = b"%PDF-1.7\n<</ByteRange [0 10 20 999999] /Contents <00>>>\n%%EOF";
    let checks = check_signatures(pdf);
    assert_eq!(checks.len(), 1);
    assert!(!checks[0].intact && !checks[0].covers_whole_file);
    assert!(checks[0]
        .problem
        .as_ref()
        .unwrap()
        .to_string()
        .contains("byte range"));
}

#[test]
fn garbage_where_the_signature_should_be_is_reported_not_trusted() {
    // [0 b c d] around a gap holding "<zz>" (not hex) or "<0102>" (hex, but not a CMS).
    for gap in ["<zz>", "<0102>"] {
        let suffix = ">>\n%%EOF\n";
        let head = |b: usize, c: usize| {
            format!(
                "%PDF-1.7\n<</ByteRange [0 {b:>10} {c:>10} {:>10}] /Contents ",
                suffix.len()
            )
        };
        let b = head(0, 0).len();
        let file = format!("{}{gap}{suffix}", head(b, b + gap.len()));
        let checks = check_signatures(file.as_bytes());
        assert_eq!(checks.len(), 1, "{file}");
        assert!(!checks[0].intact, "{:?}", checks[0]);
    }
}

#[test]
fn a_p256_key_fits_the_keychain_and_the_fingerprint_looks_like_a_viewers() {
    let id = SigningIdentity::generate("Studio Jansen", std::time::SystemTime::now()).unwrap();
    assert!(id.pkcs8_der().unwrap().len() < 200);
    let fp = id.fingerprint().unwrap();
    assert_eq!(fp.len(), 95);
    assert!(fp
        .chars()
        .all(|c| c == ':' || c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
    assert!(certificate_pem(&id.certificate_der().unwrap())
        .starts_with("-----BEGIN CERTIFICATE-----\n"));
}
