//! Validators for the identifiers a Dutch freelancer types in. Each takes what the user typed
//! and returns the canonical form, or the [`Issue`](crate::Issue) that says what is wrong.
//! Algorithms and vectors: `nl-rules-sources.md` §5 (cross-checked against python-stdnum).

mod btw_id;
mod iban;
mod image;
mod text;

pub use btw_id::{btw_id, btw_id_looks_like_bsn, elfproef};
pub use iban::{iban, mod97, nl_iban};
pub use image::{logo, ImageKind, MAX_LOGO_BYTES};
pub use text::{
    country, email, has_control_character, hex_colour, kvk, optional_text, phone, postcode_nl,
    required_text, website,
};
