//! Rendering speed and size: `cargo run --release -p tijdig-documents --example bench`.
//!
//! Parses the fonts once, warms up, then renders a 1-page and a 10-page invoice and a 1-page
//! letter 50 times each and prints the median time per document and the size of the 1-page
//! invoice PDF; then signs the 1-page invoice 50 times with a P-256 key (PAdES B-B) and prints
//! the median time of signing alone and how many KB the signature adds.

#[path = "../tests/samples/mod.rs"]
mod samples;

use std::time::{Instant, SystemTime};

use tijdig_documents::signing::{sign_pdf, SignatureInfo, SigningIdentity};
use tijdig_documents::{DocumentError, Renderer};

const WARM_UP: usize = 5;
const ITERATIONS: usize = 50;

fn median_ms(render: impl Fn() -> Result<Vec<u8>, DocumentError>) -> Result<f64, DocumentError> {
    for _ in 0..WARM_UP {
        render()?;
    }
    let mut times = Vec::with_capacity(ITERATIONS);
    for _ in 0..ITERATIONS {
        let start = Instant::now();
        let pdf = render()?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(pdf);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[ITERATIONS / 2])
}

fn main() -> Result<(), DocumentError> {
    let renderer = Renderer::new()?;
    let one_page = samples::invoice(3, false, true);
    let ten_pages = samples::ten_page_invoice();
    let letter = samples::one_page_letter();

    let one = median_ms(|| renderer.render_invoice(&one_page))?;
    let ten = median_ms(|| renderer.render_invoice(&ten_pages))?;
    let size = renderer.render_invoice(&one_page)?.len();
    let letter_ms = median_ms(|| renderer.render_letter(&letter))?;
    #[allow(clippy::cast_precision_loss)]
    let kb = size as f64 / 1024.0;
    println!("invoice_pdf_1page = {one:.1} ms");
    println!("invoice_pdf_10page = {ten:.1} ms");
    println!("invoice_pdf_1page_size = {kb:.1} KB");
    println!("letter_pdf_1page = {letter_ms:.1} ms");

    let pdf = renderer.render_invoice(&one_page)?;
    let identity = SigningIdentity::generate("Studio Jansen", SystemTime::now())
        .map_err(|e| DocumentError::Pdf(e.to_string()))?;
    let info = SignatureInfo {
        name: "Studio Jansen",
        reason: "Factuur 2026-0001",
        location: "Amsterdam",
    };
    let sign = || {
        sign_pdf(&pdf, &identity, &info, SystemTime::now())
            .map_err(|e| DocumentError::Pdf(e.to_string()))
    };
    let sign_ms = median_ms(sign)?;
    let signed = sign()?;
    #[allow(clippy::cast_precision_loss)]
    let overhead = (signed.len() - pdf.len()) as f64 / 1024.0;
    println!("sign_p256 = {sign_ms:.2} ms");
    println!("sign_size_overhead = {overhead:.1} KB");
    Ok(())
}
