//! The rentetabel Tijdig ships: nl-rules-sources §3.2, every half-year from 1 July 2014 (the
//! table's first row, needed for periods that run into 2015) to 1 July 2026, both kinds, each
//! with its source. The user adds later rows (and may correct a row) in the app.
//!
//! Every 1 January and 1 July has a row, also when the percentage did not change: the test
//! vectors split at every entry of the table (TEST VECTORS, "Conventions").
//!
//! No row is marked unverified any more: the 1 July 2025 wettelijke rente (6 %, unchanged) is
//! confirmed by three independent sources (§3.2 "Note 2026"); from 1 July 2026 the handelsrente
//! is 10,40 % (ECB basisherfinancieringsrente 2,40 % from June 2026 + 8 procentpunt, art. 6:120
//! lid 2 BW; rijksoverheid.nl quoted in §3.2) and the wettelijke rente stays 4 %.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{InterestKind, Rate, RateTable};

const UNCHANGED_2015: &str = "ongewijzigd sinds Stb. 2014, 491 (Rentetool-rentetabel; \
                              rijksoverheid.nl \"Hoe hoog is de wettelijke rente?\")";
const MRO_ZERO: &str = "ECB-basisherfinancieringsrente 0,00 % (sinds 16-03-2016) + 8 \
                        procentpunt (art. 6:120 lid 2 BW)";
const MRO_005: &str = "ECB-basisherfinancieringsrente 0,05 % + 8 procentpunt (art. 6:120 lid 2 \
                       BW; fintool.nl, advocatenkantooroste.nl)";
const UNCHANGED_2025_07: &str = "ongewijzigd op 01-07-2025 (geen nieuw besluit; drie \
     onafhankelijke bronnen, nl-rules-sources §3.2 \"Note 2026\")";

/// One half-year: (year, month, wettelijke rente in hundredths of a percent, its source,
/// unverified, handelsrente in hundredths, its source).
type Row = (i32, u32, i64, &'static str, bool, i64, &'static str);

const ROWS: &[Row] = &[
    (
        2014,
        7,
        300,
        "fintool.nl, advocatenkantooroste.nl (3 % tot en met 31-12-2014)",
        false,
        815,
        "ECB-basisherfinancieringsrente 0,15 % + 8 procentpunt (art. 6:120 lid 2 BW)",
    ),
    (2015, 1, 200, "Stb. 2014, 491", false, 805, MRO_005),
    (2015, 7, 200, UNCHANGED_2015, false, 805, MRO_005),
    (2016, 1, 200, UNCHANGED_2015, false, 805, MRO_005),
    (2016, 7, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2017, 1, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2017, 7, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2018, 1, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2018, 7, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2019, 1, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2019, 7, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2020, 1, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2020, 7, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2021, 1, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2021, 7, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2022, 1, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (2022, 7, 200, UNCHANGED_2015, false, 800, MRO_ZERO),
    (
        2023,
        1,
        400,
        "Rentetool-rentetabel (nl-rules-sources §3.2)",
        false,
        1050,
        "ECB-basisherfinancieringsrente 2,50 % (21-12-2022) + 8 procentpunt",
    ),
    (
        2023,
        7,
        600,
        "Stb. 2023, 235 (vfn.nl)",
        false,
        1200,
        "ECB-basisherfinancieringsrente 4,00 % (21-06-2023) + 8 procentpunt",
    ),
    (
        2024,
        1,
        700,
        "smkaccountants.nl 03-01-2024",
        false,
        1250,
        "ECB-basisherfinancieringsrente 4,50 % (20-09-2023) + 8 procentpunt",
    ),
    (
        2024,
        7,
        700,
        "ongewijzigd (Rentetool-rentetabel)",
        false,
        1225,
        "ECB-basisherfinancieringsrente 4,25 % (12-06-2024) + 8 procentpunt \
            (mijn.metaalunie.nl)",
    ),
    (
        2025,
        1,
        600,
        "vvoadvocatuur.nl",
        false,
        1115,
        "ECB-basisherfinancieringsrente 3,15 % (18-12-2024) + 8 procentpunt \
            (vvoadvocatuur.nl)",
    ),
    (
        2025,
        7,
        600,
        UNCHANGED_2025_07,
        false,
        1015,
        "ECB-basisherfinancieringsrente 2,15 % (11-06-2025) + 8 procentpunt",
    ),
    (
        2026,
        1,
        400,
        "Rentetool-rentetabel en een tweede onafhankelijke bron (FAQ van een \
                    zzp-factuursite: \"gewone wettelijke rente van 4% (2026)\")",
        false,
        1015,
        "ECB-basisherfinancieringsrente 2,15 % + 8 procentpunt",
    ),
    (
        2026,
        7,
        400,
        "ongewijzigd op 01-07-2026 (nl-rules-sources §3.2 \"Note 2026\")",
        false,
        1040,
        "ECB-basisherfinancieringsrente 2,40 % (juni 2026) + 8 procentpunt (art. 6:120 lid 2 \
            BW; rijksoverheid.nl \"Hoe hoog is de wettelijke rente?\")",
    ),
];

impl RateTable {
    /// The rentetabel as shipped (nl-rules-sources §3.2): 1 July 2014 – 1 July 2026.
    pub fn seeded() -> RateTable {
        let mut table = RateTable::default();
        for &(year, month, statutory, statutory_source, unverified, commercial, source) in ROWS {
            let Some(valid_from) = NaiveDate::from_ymd_opt(year, month, 1) else {
                continue;
            };
            table.rates.push(Rate {
                valid_from,
                kind: InterestKind::Statutory,
                percent: Decimal::new(statutory, 2),
                source: statutory_source.into(),
                unverified,
            });
            table.rates.push(Rate {
                valid_from,
                kind: InterestKind::Commercial,
                percent: Decimal::new(commercial, 2),
                source: source.into(),
                unverified: false,
            });
        }
        table.sort();
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeded_table_has_both_kinds_for_every_half_year_from_2014_to_july_2026() {
        let table = RateTable::seeded();
        assert_eq!(table.rates.len(), 2 * 25);
        for kind in InterestKind::ALL {
            let rows = table.of_kind(*kind);
            assert_eq!(rows.len(), 25);
            assert!(rows.iter().all(|r| !r.source.trim().is_empty()));
            assert!(rows.iter().all(|r| RateTable::check(r).is_ok()));
        }
    }

    #[test]
    fn no_shipped_row_is_unverified_now_that_1_july_2025_is_confirmed() {
        assert!(RateTable::seeded().rates.iter().all(|r| !r.unverified));
    }

    #[test]
    fn from_1_july_2026_the_handelsrente_is_10_40_and_the_wettelijke_rente_stays_4() {
        let table = RateTable::seeded();
        let on = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            table.rate_on(InterestKind::Commercial, on).unwrap().percent,
            Decimal::new(1040, 2)
        );
        assert_eq!(
            table.rate_on(InterestKind::Statutory, on).unwrap().percent,
            Decimal::new(400, 2)
        );
    }
}
