//! Any bytes: read as a statement (CAMT.053 or MT940) or refused, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tijdig_domain::bank::read_statement(data);
});
