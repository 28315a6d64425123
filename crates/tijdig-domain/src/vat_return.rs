//! Btw-aangifte per kwartaal, the sales side: the figures a freelancer types into the
//! Belastingdienst's return for a quarter, from the issued invoices dated in it, and the opgaaf
//! intracommunautaire prestaties (ICP). Tijdig computes; it files nothing.
//!
//! Sources (looked up 2026-12-04; the Belastingdienst's own page where one was found):
//! - Factuurstelsel: "De datum van de factuur bepaalt in welk tijdvak u de btw moet aangeven"
//!   (belastingdienst.nl › zakelijk › btw › btw-aangifte doen en betalen › factuurstelsel). A
//!   creditfactuur counts in the quarter of its own date (the same rule applied to it; Tijdig's
//!   convention, no official text found).
//! - Rubriek 1a / 1b: domestic turnover at 21 % / 9 % excluding btw, with the btw. The btw is
//!   the sum of each invoice's btw per rate as printed on it (the btw the invoices charge).
//! - Rubriek 1e, "leveringen/diensten belast met 0% of niet bij u belast": turnover only — 0 %
//!   lines to a client in the Netherlands or the EU, and the seller's side of the binnenlandse
//!   verleggingsregeling (the buyer declares that btw in 2a; rendement.nl, zzp-bedrijf.nl —
//!   no belastingdienst.nl text found).
//! - Rubriek 2a is the buyer's side of reverse charge ("als de omzetbelasting naar u is
//!   verlegd"): never the seller's, so no sale of Tijdig's user goes there.
//! - Rubriek 3a, "leveringen naar landen buiten de EU (uitvoer)": goods exported. Tijdig puts
//!   0 % lines to a client outside the EU here, and the screen says that a service to a business
//!   outside the EU is not declared at all ("you do not declare this service in your Dutch VAT
//!   return", business.gov.nl, "VAT on services abroad"): Tijdig's lines do not say whether
//!   they are goods or services, so the user decides.
//! - Rubriek 3b, "leveringen naar of diensten in landen binnen de EU": turnover only, the
//!   intracommunautaire diensten (regime `IntraEu`) and verlegd lines to an EU business. "De
//!   leveringen en diensten die u op de opgaaf ICP vermeldt, zijn een specificatie van het
//!   bedrag dat u invult in rubriek 3b" (belastingdienst.nl › opgaaf ICP): the ICP list adds up
//!   to 3b. (The ICP page counts services in the period they were performed; Tijdig counts
//!   them by invoice date, like 3b, so both stay equal — a freelancer invoices a month's
//!   services within days.)
//! - KOR: "U doet geen btw-aangifte meer" (belastingdienst.nl › kleineondernemersregeling):
//!   invoices under the KOR give turnover only, for the € 20.000 limit.
//! - Vrijgestelde prestaties (art. 11 Wet OB) are in no rubriek; shown apart.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::invoice::{is_eu_member, VatRegime, VatRow, VatTreatment};

/// A quarter of a year (kwartaal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quarter {
    pub year: i32,
    /// 1 … 4.
    pub number: u32,
}

impl Quarter {
    /// The quarter a day lies in.
    pub fn of(day: NaiveDate) -> Quarter {
        Quarter {
            year: day.year(),
            number: day.month0() / 3 + 1,
        }
    }

    /// `None` for a quarter number outside 1 … 4 or a year Tijdig cannot date.
    pub fn new(year: i32, number: u32) -> Option<Quarter> {
        ((1..=4).contains(&number) && (2000..=2200).contains(&year))
            .then_some(Quarter { year, number })
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, (self.number - 1) * 3 + 1, 1).unwrap_or_default()
    }

    pub fn last_day(self) -> NaiveDate {
        let next = if self.number == 4 {
            NaiveDate::from_ymd_opt(self.year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, self.number * 3 + 1, 1)
        };
        next.and_then(|d| d.pred_opt()).unwrap_or_default()
    }

    /// The quarter whose return is next to file on `today`: the one just ended during the first
    /// month of a quarter (the return is due at the end of that month), else the current one.
    pub fn to_file(today: NaiveDate) -> Quarter {
        let current = Quarter::of(today);
        if today.month0().is_multiple_of(3) {
            current.previous()
        } else {
            current
        }
    }

    /// The quarter before this one.
    pub fn previous(self) -> Quarter {
        if self.number == 1 {
            Quarter {
                year: self.year - 1,
                number: 4,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number - 1,
            }
        }
    }
}

/// One issued invoice or credit note of the quarter (credit notes carry negative amounts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnInvoice<'a> {
    pub regime: VatRegime,
    /// The client's country (ISO 3166 alpha-2, `NL` at home).
    pub client_country: &'a str,
    pub client_name: &'a str,
    pub client_btw_id: Option<&'a str>,
    /// The invoice's btw summary: base and btw per treatment.
    pub rows: &'a [VatRow],
}

/// Turnover and btw of one rubriek.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TurnoverAndVat {
    pub turnover: Decimal,
    pub vat: Decimal,
}

/// One line of the opgaaf ICP: a customer in another EU country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcpLine {
    /// The customer's btw-id as on the invoice.
    pub btw_id: String,
    /// The country code of the btw-id (`DE`; `EL` for Greece).
    pub country: String,
    pub client_name: String,
    /// The services to this customer in the quarter.
    pub amount: Decimal,
}

/// The sales side of a quarter's btw-aangifte.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VatReturn {
    pub r1a: TurnoverAndVat,
    pub r1b: TurnoverAndVat,
    pub r1e: Decimal,
    pub r3a: Decimal,
    pub r3b: Decimal,
    /// Vrijgestelde prestaties: in no rubriek.
    pub exempt: Decimal,
    /// Turnover invoiced under the KOR: no aangifte, counted for the € 20.000 limit.
    pub kor_turnover: Decimal,
    /// The opgaaf ICP, by btw-id; adds up to 3b.
    pub icp: Vec<IcpLine>,
}

fn abroad_in_eu(country: &str) -> bool {
    country != "NL" && is_eu_member(country)
}

/// The ICP country of a btw-id: its first two letters (`EL` for Greece, `XI` Northern Ireland).
fn btw_country(btw_id: &str, client_country: &str) -> String {
    let prefix: String = btw_id.chars().take(2).collect();
    if prefix.len() == 2 && prefix.chars().all(|c| c.is_ascii_alphabetic()) {
        prefix.to_ascii_uppercase()
    } else {
        client_country.to_string()
    }
}

/// The figures of the invoices of one quarter (each is classified by its regime and lines).
pub fn vat_return(invoices: &[ReturnInvoice<'_>]) -> VatReturn {
    let mut r = VatReturn::default();
    let mut icp: BTreeMap<String, IcpLine> = BTreeMap::new();
    for inv in invoices {
        let mut to_3b = Decimal::ZERO;
        for row in inv.rows {
            match (inv.regime, row.treatment) {
                (VatRegime::Kor, _) => r.kor_turnover += row.base,
                (VatRegime::IntraEu, _) => to_3b += row.base,
                (VatRegime::ReverseCharge, _) => r.r1e += row.base,
                (VatRegime::Normal, VatTreatment::Standard21) => {
                    r.r1a.turnover += row.base;
                    r.r1a.vat += row.btw;
                }
                (VatRegime::Normal, VatTreatment::Reduced9) => {
                    r.r1b.turnover += row.base;
                    r.r1b.vat += row.btw;
                }
                (VatRegime::Normal, VatTreatment::Zero) => {
                    if inv.client_country != "NL" && !is_eu_member(inv.client_country) {
                        r.r3a += row.base;
                    } else {
                        r.r1e += row.base;
                    }
                }
                (VatRegime::Normal, VatTreatment::ReverseCharge) => {
                    if abroad_in_eu(inv.client_country) {
                        to_3b += row.base;
                    } else {
                        r.r1e += row.base;
                    }
                }
                (VatRegime::Normal, VatTreatment::Exempt) => r.exempt += row.base,
            }
        }
        if to_3b != Decimal::ZERO {
            r.r3b += to_3b;
            let btw_id = inv.client_btw_id.unwrap_or_default().to_string();
            let line = icp.entry(btw_id.clone()).or_insert_with(|| IcpLine {
                country: btw_country(&btw_id, inv.client_country),
                btw_id,
                client_name: inv.client_name.to_string(),
                amount: Decimal::ZERO,
            });
            line.amount += to_3b;
        }
    }
    r.icp = icp
        .into_values()
        .filter(|l| l.amount != Decimal::ZERO)
        .collect();
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(treatment: VatTreatment, base: i64, btw: i64) -> VatRow {
        VatRow {
            treatment,
            base: Decimal::new(base, 2),
            btw: Decimal::new(btw, 2),
        }
    }

    fn invoice<'a>(regime: VatRegime, country: &'a str, rows: &'a [VatRow]) -> ReturnInvoice<'a> {
        ReturnInvoice {
            regime,
            client_country: country,
            client_name: "Klant",
            client_btw_id: None,
            rows,
        }
    }

    #[test]
    fn quarters_start_and_end_on_their_days() {
        let q4 = Quarter::of(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default());
        assert_eq!(
            q4,
            Quarter {
                year: 2026,
                number: 4
            }
        );
        assert_eq!(q4.first_day().to_string(), "2026-10-01");
        assert_eq!(q4.last_day().to_string(), "2026-12-31");
        assert_eq!(q4.previous().last_day().to_string(), "2026-09-30");
        assert_eq!(Quarter::new(2027, 1).map(|q| q.previous()), Some(q4));
        assert_eq!(Quarter::new(2026, 5), None);
        let on = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert_eq!(Quarter::to_file(on("2027-01-20")), q4);
        assert_eq!(Quarter::to_file(on("2026-11-23")), q4);
    }

    /// Every regime once, hand-computed: 1a 1.000 + 21 % and a credit note of −200 (−42),
    /// 1b 500 at 9 %, 1e a 0 % line at home and a domestic reverse charge, 3a 0 % to the US,
    /// 3b two services to one German business and one to Belgium, vrijgesteld apart, KOR apart.
    #[test]
    fn every_regime_lands_in_its_rubriek() {
        let normal = [
            row(VatTreatment::Standard21, 100_000, 21_000),
            row(VatTreatment::Reduced9, 50_000, 4_500),
            row(VatTreatment::Zero, 10_000, 0),
            row(VatTreatment::Exempt, 7_500, 0),
        ];
        let credit = [row(VatTreatment::Standard21, -20_000, -4_200)];
        let domestic_verlegd = [row(VatTreatment::ReverseCharge, 250_000, 0)];
        let export = [row(VatTreatment::Zero, 80_000, 0)];
        let de_1 = [row(VatTreatment::ReverseCharge, 120_000, 0)];
        let de_2 = [row(VatTreatment::ReverseCharge, 30_000, 0)];
        let be = [row(VatTreatment::ReverseCharge, 45_000, 0)];
        let kor = [row(VatTreatment::Standard21, 60_000, 0)];
        let mut de1 = invoice(VatRegime::IntraEu, "DE", &de_1);
        de1.client_btw_id = Some("DE123456789");
        de1.client_name = "Muster GmbH";
        let mut de2 = invoice(VatRegime::IntraEu, "DE", &de_2);
        de2.client_btw_id = Some("DE123456789");
        de2.client_name = "Muster GmbH";
        let mut belgian = invoice(VatRegime::Normal, "BE", &be);
        belgian.client_btw_id = Some("BE0123456749");
        let r = vat_return(&[
            invoice(VatRegime::Normal, "NL", &normal),
            invoice(VatRegime::Normal, "NL", &credit),
            invoice(VatRegime::ReverseCharge, "NL", &domestic_verlegd),
            invoice(VatRegime::Normal, "US", &export),
            de1,
            de2,
            belgian,
            invoice(VatRegime::Kor, "NL", &kor),
        ]);
        let d = |cents: i64| Decimal::new(cents, 2);
        assert_eq!(
            r.r1a,
            TurnoverAndVat {
                turnover: d(80_000),
                vat: d(16_800)
            }
        );
        assert_eq!(
            r.r1b,
            TurnoverAndVat {
                turnover: d(50_000),
                vat: d(4_500)
            }
        );
        assert_eq!(r.r1e, d(260_000));
        assert_eq!(r.r3a, d(80_000));
        assert_eq!(r.r3b, d(195_000));
        assert_eq!(r.exempt, d(7_500));
        assert_eq!(r.kor_turnover, d(60_000));
        let icp: Vec<(&str, &str, Decimal)> = r
            .icp
            .iter()
            .map(|l| (l.btw_id.as_str(), l.country.as_str(), l.amount))
            .collect();
        assert_eq!(
            icp,
            vec![
                ("BE0123456749", "BE", d(45_000)),
                ("DE123456789", "DE", d(150_000))
            ]
        );
        assert_eq!(r.icp.iter().map(|l| l.amount).sum::<Decimal>(), r.r3b);
    }

    #[test]
    fn a_credited_icp_customer_whose_quarter_nets_to_nothing_is_left_off() {
        let plus = [row(VatTreatment::ReverseCharge, 10_000, 0)];
        let minus = [row(VatTreatment::ReverseCharge, -10_000, 0)];
        let mut a = invoice(VatRegime::IntraEu, "FR", &plus);
        a.client_btw_id = Some("FR40303265045");
        let mut b = invoice(VatRegime::IntraEu, "FR", &minus);
        b.client_btw_id = Some("FR40303265045");
        let r = vat_return(&[a, b]);
        assert_eq!(r.r3b, Decimal::ZERO);
        assert!(r.icp.is_empty());
    }

    #[test]
    fn a_greek_btw_id_is_listed_under_el() {
        let rows = [row(VatTreatment::ReverseCharge, 10_000, 0)];
        let mut g = invoice(VatRegime::IntraEu, "GR", &rows);
        g.client_btw_id = Some("EL094259216");
        assert_eq!(vat_return(&[g]).icp[0].country, "EL");
    }
}
