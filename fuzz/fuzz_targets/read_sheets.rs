//! Any text: read as a clients sheet and as a sheet of open invoices — read or refused, row by
//! row, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = tijdig_domain::bank::decode(data);
    let _ = tijdig_domain::client_sheet::read_clients(&text);
    let _ = tijdig_domain::open_invoice_sheet::read_open_invoices(&text);
});
