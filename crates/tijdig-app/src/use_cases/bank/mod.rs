//! Bank statements: reading one in (`csv_columns.rs`: the file read, or a CSV's columns asked
//! for; `import.rs`: every entry once, certain matches booked) and
//! the bank screen (`review.rs`: proposals confirmed, entries assigned by hand or set aside).

mod csv_columns;
mod import;
mod review;
