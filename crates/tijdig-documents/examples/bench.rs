//! Rendering speed and size: `cargo run --release -p tijdig-documents --example bench`.
//!
//! Parses the fonts once, warms up, then renders a 1-page and a 10-page invoice 50 times each
//! and prints the median time per document and the size of the 1-page PDF.

#[path = "../tests/samples/mod.rs"]
mod samples;

use std::time::Instant;

use tijdig_documents::{DocumentError, InvoicePdf, Renderer};

const WARM_UP: usize = 5;
const ITERATIONS: usize = 50;

fn median_ms(renderer: &Renderer, doc: &InvoicePdf) -> Result<f64, DocumentError> {
    for _ in 0..WARM_UP {
        renderer.render_invoice(doc)?;
    }
    let mut times = Vec::with_capacity(ITERATIONS);
    for _ in 0..ITERATIONS {
        let start = Instant::now();
        let pdf = renderer.render_invoice(doc)?;
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

    let one = median_ms(&renderer, &one_page)?;
    let ten = median_ms(&renderer, &ten_pages)?;
    let size = renderer.render_invoice(&one_page)?.len();
    #[allow(clippy::cast_precision_loss)]
    let kb = size as f64 / 1024.0;
    println!("invoice_pdf_1page = {one:.1} ms");
    println!("invoice_pdf_10page = {ten:.1} ms");
    println!("invoice_pdf_1page_size = {kb:.1} KB");
    Ok(())
}
