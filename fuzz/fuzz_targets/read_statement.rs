//! Any bytes: read as a statement (CAMT.053, MT940 or a known bank's CSV) or refused, never a
//! panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tijdig_domain::bank::read_statement(data);
});
