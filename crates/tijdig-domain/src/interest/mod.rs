//! Wettelijke rente (art. 6:119 BW) and wettelijke handelsrente (art. 6:119a BW): the rentetabel
//! as data and the renteberekening a letter prints (shared/reference README, "Statutory
//! interest"; nl-rules-sources §3).

use crate::codes::coded_enum;
use crate::{ClientKind, Language};

#[cfg(test)]
mod claim_tests;
mod compute;
#[cfg(test)]
mod payment_tests;
mod rate;
mod seed;
#[cfg(test)]
mod tests;

pub use compute::{
    compute_claim, compute_interest, compute_simple_interest, AppliedPayment, Capitalisation,
    ClaimFacts, CostsDue, InterestBreakdown, InterestSegment, DAYS_IN_YEAR,
};
pub use rate::{Rate, RateTable, MAX_RATE_PERCENT};

coded_enum! {
    /// Rentesoort: which statutory interest a claim bears (nl-rules-sources §3.1).
    pub enum InterestKind {
        /// Wettelijke rente (art. 6:119 BW): consumers and other non-commercial claims; the
        /// percentage is fixed by AMvB in the Staatsblad.
        Statutory => "statutory",
        /// Wettelijke handelsrente (art. 6:119a BW): handelsovereenkomsten (B2B); ECB main
        /// refinancing rate + 8 procentpunt (art. 6:120 lid 2 BW).
        Commercial => "commercial",
    }
}

impl InterestKind {
    /// Handelsrente for a business client, wettelijke rente for a consumer (§2.3).
    pub fn for_client(kind: ClientKind) -> InterestKind {
        match kind {
            ClientKind::Business => InterestKind::Commercial,
            ClientKind::Consumer => InterestKind::Statutory,
        }
    }

    /// The name printed on letters and shown in the rentetabel.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (InterestKind::Statutory, Language::Nl) => "wettelijke rente",
            (InterestKind::Commercial, Language::Nl) => "wettelijke handelsrente",
            (InterestKind::Statutory, Language::En) => "statutory interest",
            (InterestKind::Commercial, Language::En) => "statutory commercial interest",
        }
    }

    /// The article a letter cites.
    pub fn article(self) -> &'static str {
        match self {
            InterestKind::Statutory => "art. 6:119 BW",
            InterestKind::Commercial => "art. 6:119a BW",
        }
    }
}
