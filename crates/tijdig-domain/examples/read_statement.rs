//! Prints what Tijdig reads from bank statement files: `cargo run -p tijdig-domain --example
//! read_statement -- FILE...` (for checking a bank's export by eye).
fn main() {
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        match tijdig_domain::bank::read_statement(&bytes) {
            Ok(s) => {
                println!(
                    "{path}: {} {:?} {} entries",
                    s.format.label(),
                    s.accounts,
                    s.entries.len()
                );
                for e in &s.entries {
                    println!(
                        "  l{} {} {} {}{} iban={:?} name={:?} ref={:?} e2e={:?} | {}",
                        e.line,
                        e.booked_on,
                        e.amount,
                        if e.reversal { "R " } else { "" },
                        e.bank_reference.as_deref().unwrap_or("-"),
                        e.counterparty_iban,
                        e.counterparty_name,
                        e.structured_reference,
                        e.end_to_end,
                        e.description
                    );
                }
            }
            Err(err) => println!("{path}: ERROR {}", err.message(tijdig_domain::Language::Nl)),
        }
    }
}
