//! Bank statements: reading one in (`import.rs`: every entry once, certain matches booked) and
//! the bank screen (`review.rs`: proposals confirmed, entries assigned by hand or set aside).

mod import;
mod review;
