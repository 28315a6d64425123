//! Follow-up use-cases: the policy (debiteurenbeleid), producing a ladder letter, logging
//! contacts, disputes and the dossier, and the dossier export (nl-rules-sources §6; issue
//! "Follow-up"). The ladder itself is `services::ladder`; "Vandaag" is `overview::today`.

mod dossier;
mod export;
mod letter;
mod message;
mod policy;
mod posting;
