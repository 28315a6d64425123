//! Transfer types: what crosses the IPC boundary, serialised as camelCase JSON. TypeScript
//! bindings for them are generated into `ui/src/lib/bindings.ts` (see `tests/bindings.rs`).
//!
//! Form types carry what the user typed, as strings, so that every check happens in the
//! domain and comes back as a Dutch message at the field.

/// Declares a transfer enum mirroring a domain enum, with conversions both ways.
macro_rules! mirror_enum {
    ($(#[$meta:meta])* $name:ident => $domain:path { $($variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl From<$name> for $domain {
            fn from(value: $name) -> Self {
                match value { $($name::$variant => <$domain>::$variant),+ }
            }
        }

        impl From<$domain> for $name {
            fn from(value: $domain) -> Self {
                match value { $(<$domain>::$variant => $name::$variant),+ }
            }
        }
    };
}

mod arrangement;
mod bank;
mod basics;
mod dashboard;
mod follow_up;
mod invoice;
mod invoice_import;
mod mail;
mod offer;
mod printing;
mod rates;
mod schedule;
mod signing;
pub use arrangement::*;
pub use bank::*;
pub use basics::*;
pub use dashboard::*;
pub use follow_up::*;
pub use invoice::*;
pub use invoice_import::*;
pub use mail::*;
pub use offer::*;
pub use printing::*;
pub use rates::*;
pub use schedule::*;
pub use signing::*;
