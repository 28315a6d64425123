//! Prints what Tijdig reads from e-invoice files: `cargo run -p tijdig-domain --example
//! read_einvoice -- FILE...` (for checking an exporter's files by eye).
fn main() {
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        match tijdig_domain::einvoice::read(&bytes) {
            Ok(e) => {
                let rules: Vec<&str> = e.findings.iter().map(|f| f.rule.as_str()).collect();
                println!(
                    "{path}: {:?} {} {} due {:?} {} lines, payable {} seller {:?} kvk {:?} vat {:?} pdf {} findings {:?}",
                    e.kind,
                    e.number,
                    e.issue_date,
                    e.due_date,
                    e.lines.len(),
                    e.totals.payable,
                    e.seller.name,
                    e.seller.kvk,
                    e.seller.vat_id,
                    e.pdf.as_ref().map_or(0, |p| p.bytes.len()),
                    rules
                );
            }
            Err(err) => println!(
                "{path}: REFUSED {}",
                err.message(tijdig_domain::Language::Nl)
            ),
        }
    }
}
