//! Helpers shared by the integration tests: the output directory, running poppler and qpdf,
//! whitespace-insensitive text search.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

/// `target/pdf-samples/`, created if need be.
pub fn out_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("pdf-samples");
    std::fs::create_dir_all(&dir).expect("create target/pdf-samples");
    dir
}

/// Runs `tool`; a missing tool fails the test.
pub fn run(tool: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} ({e}); install poppler-utils and qpdf"))
}

/// Writes the PDF and its PNG previews; returns the text of each page (`pdftotext -layout`).
pub fn save_and_extract(name: &str, pdf: &[u8]) -> Vec<String> {
    let dir = out_dir();
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).expect("write pdf");

    let qpdf = run("qpdf", &["--check".as_ref(), path.as_os_str()]);
    let report = String::from_utf8_lossy(&qpdf.stdout);
    assert!(
        qpdf.status.success() && !report.contains("WARNING"),
        "qpdf --check {name}: {report}{}",
        String::from_utf8_lossy(&qpdf.stderr)
    );

    let prefix = dir.join(name);
    let png = run(
        "pdftoppm",
        &[
            "-png".as_ref(),
            "-r".as_ref(),
            "60".as_ref(),
            path.as_os_str(),
            prefix.as_os_str(),
        ],
    );
    assert!(png.status.success(), "pdftoppm {name}");

    let text = run(
        "pdftotext",
        &["-layout".as_ref(), path.as_os_str(), "-".as_ref()],
    );
    assert!(text.status.success(), "pdftotext {name}");
    let stderr = String::from_utf8_lossy(&text.stderr);
    assert!(
        stderr.trim().is_empty(),
        "pdftotext {name} complains: {stderr}"
    );
    let text = String::from_utf8(text.stdout).expect("utf-8 text");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Whitespace-insensitive containment (pdftotext -layout may widen spaces).
pub fn has(haystack: &str, needle: &str) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    squash(haystack).contains(&squash(needle))
}

/// The PDF with its streams uncompressed and no object streams (`qpdf --qdf`), so a test can
/// look for a dictionary entry in its bytes.
pub fn uncompressed(name: &str, pdf: &[u8]) -> Vec<u8> {
    let dir = out_dir();
    let input = dir.join(format!("{name}.in.pdf"));
    let output = dir.join(format!("{name}.qdf.pdf"));
    std::fs::write(&input, pdf).expect("write pdf");
    let done = run(
        "qpdf",
        &[
            "--qdf".as_ref(),
            "--object-streams=disable".as_ref(),
            input.as_os_str(),
            output.as_os_str(),
        ],
    );
    assert!(done.status.success(), "qpdf --qdf {name}");
    std::fs::read(&output).expect("read qdf")
}
