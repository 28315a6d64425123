//! Transfer types for the rate table (rentetabel).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mirror_enum!(
    /// Wettelijke rente (consumers) or wettelijke handelsrente (businesses).
    InterestKind => tijdig_domain::interest::InterestKind { Statutory, Commercial }
);

/// One rate as Settings shows it. Percent is an exact decimal string ("10.15").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterestRate {
    pub kind: InterestKind,
    /// `22-11-2026`.
    pub valid_from: String,
    pub percent: String,
    pub source: String,
    /// The sources do not confirm this rate yet (shown as such).
    pub unverified: bool,
    /// Shipped with Tijdig: cannot be removed.
    pub shipped: bool,
}

/// A rate the user adds, as typed.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterestRateForm {
    pub kind: InterestKind,
    pub valid_from: String,
    pub percent: String,
    pub source: String,
}
