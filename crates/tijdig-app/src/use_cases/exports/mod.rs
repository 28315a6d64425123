//! Data out: the accountant's CSV files (`accountant.rs`) and "Alles exporteren" — documents,
//! e-invoices, CSVs and a JSON dump from one read snapshot (`everything.rs`).

mod accountant;
mod everything;
mod vat_return;
