//! Any text: read as a bank CSV table with the columns Tijdig would propose (the mapping step
//! of a bank it does not know) — read or refused, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tijdig_domain::bank::csv;

fuzz_target!(|data: &[u8]| {
    let text = tijdig_domain::bank::decode(data);
    if let Some(table) = csv::table(&text) {
        let map = csv::propose(&table);
        let _ = csv::read_mapped(&table, &map, Some("NL91ABNA0417164300"));
        let _ = table.signature();
    }
});
