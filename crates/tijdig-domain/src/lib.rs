//! Tijdig's domain: the rules of the Dutch debtor cycle as pure functions and types.
//!
//! Invariant: this crate does no IO (no files, no clock, no database, no network) and has no
//! serialisation on its types; the app layer maps them to transfer types.

pub mod address;
pub mod client;
mod codes;
pub mod issues;
pub mod language;
pub mod profile;
pub mod validate;

pub use address::{Address, AddressInput};
pub use client::{Client, ClientDraft, ClientKind, DebtorType, PreferredChannel};
pub use issues::{FieldIssue, Issue, Validated};
pub use language::Language;
pub use profile::{BusinessProfile, LegalForm, ProfileInput};

#[cfg(test)]
pub(crate) mod test_fixtures {
    /// The shared test vectors, copied from `shared/reference/vectors.json` so the project
    /// tests itself; case ids in the file point back to nl-rules-sources.md.
    pub fn vectors(name: &str) -> Vec<serde_json::Value> {
        let all: serde_json::Value =
            serde_json::from_str(include_str!("../fixtures/vectors.json")).unwrap();
        all[name].as_array().unwrap().clone()
    }
}
