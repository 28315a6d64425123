//! Any bytes: read as an e-invoice (UBL Invoice or CreditNote) or refused, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tijdig_domain::einvoice::read(data);
});
