//! Btw on an invoice: the tarief per line, the regeling for the whole invoice and the statements
//! the law wants printed (nl-rules-sources §1.1, §1.2, §1.7).

use rust_decimal::Decimal;

use crate::codes::coded_enum;
use crate::{BusinessProfile, Client, ClientKind, Language};

coded_enum! {
    /// Btw-tarief of one invoice line (nl-rules-sources §1.1 item 10, §1.7).
    pub enum VatTreatment {
        /// Algemeen tarief, 21 %.
        Standard21 => "21",
        /// Verlaagd tarief, 9 %.
        Reduced9 => "9",
        /// Nultarief, 0 % (e.g. export outside the EU).
        Zero => "0",
        /// Btw verlegd: the client pays the btw; no amount is shown (§1.1, "Reverse charge").
        ReverseCharge => "verlegd",
        /// Vrijgesteld van btw (art. 11 Wet OB 1968; §1.1).
        Exempt => "vrijgesteld",
    }
}

impl VatTreatment {
    /// The percentage (21 for 21 %); 0 for nultarief, verlegd and vrijgesteld.
    pub fn rate(self) -> Decimal {
        match self {
            VatTreatment::Standard21 => Decimal::from(21),
            VatTreatment::Reduced9 => Decimal::from(9),
            VatTreatment::Zero | VatTreatment::ReverseCharge | VatTreatment::Exempt => {
                Decimal::ZERO
            }
        }
    }

    /// How a line or a totals row names this treatment: `Btw 21%`, `Btw verlegd`.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (VatTreatment::Standard21, Language::Nl) => "Btw 21%",
            (VatTreatment::Reduced9, Language::Nl) => "Btw 9%",
            (VatTreatment::Zero, Language::Nl) => "Btw 0%",
            (VatTreatment::ReverseCharge, Language::Nl) => "Btw verlegd",
            (VatTreatment::Exempt, Language::Nl) => "Vrijgesteld van btw",
            (VatTreatment::Standard21, Language::En) => "VAT 21%",
            (VatTreatment::Reduced9, Language::En) => "VAT 9%",
            (VatTreatment::Zero, Language::En) => "VAT 0%",
            (VatTreatment::ReverseCharge, Language::En) => "VAT reverse charge",
            (VatTreatment::Exempt, Language::En) => "VAT exempt",
        }
    }
}

coded_enum! {
    /// Btw-regeling of a whole invoice.
    pub enum VatRegime {
        /// Normaal: btw per line at its tarief.
        Normal => "normal",
        /// Kleineondernemersregeling (art. 25 Wet OB 1968, nl-rules-sources §1.2): no btw is shown
        /// or charged, whatever the lines say; the KOR statement is printed. The own btw-id and
        /// KvK-nummer stay on the invoice.
        Kor => "kor",
        /// Binnenlandse verleggingsregeling (§1.1): btw 0, "btw verlegd" printed, the client's
        /// btw-id required.
        ReverseCharge => "reverse_charge",
        /// Intracommunautaire dienst: B2B services to a business in another EU country (§1.1,
        /// art. 44 and 196 Btw-richtlijn). Both btw-ids on the invoice, btw verlegd, with the
        /// legal reference of [`VatNote::IntraEuServices`]. Chosen for services because Tijdig's
        /// users are freelancers; an intracommunautaire levering of goods (ICL, "artikel 138,
        /// lid 1, Richtlijn 2006/112/EG") is not supported.
        IntraEu => "intra_eu",
    }
}

impl VatRegime {
    /// The regime Tijdig proposes for a new invoice: intra-EU for a business client in another
    /// EU country with a btw-id (this applies under the KOR too: the KOR only covers Dutch
    /// supplies), otherwise KOR when the user takes part in it, otherwise normal.
    pub fn suggested(profile: &BusinessProfile, client: &Client) -> VatRegime {
        let eu_business = client.kind == ClientKind::Business
            && client.btw_id.is_some()
            && client.address.country != "NL"
            && is_eu_member(&client.address.country);
        if eu_business {
            VatRegime::IntraEu
        } else if profile.kor {
            VatRegime::Kor
        } else {
            VatRegime::Normal
        }
    }

    /// Btw verlegd: the client's btw-id must be on the invoice (§1.1 "Additional elements").
    pub fn needs_client_btw_id(self) -> bool {
        matches!(self, VatRegime::ReverseCharge | VatRegime::IntraEu)
    }

    /// The treatment that counts for a line under this regime, or `None` when no btw may be
    /// shown at all (KOR): the document prints this per line, the totals group by it.
    pub fn effective_treatment(self, line: VatTreatment) -> Option<VatTreatment> {
        match self {
            VatRegime::Normal => Some(line),
            VatRegime::Kor => None,
            VatRegime::ReverseCharge | VatRegime::IntraEu => Some(VatTreatment::ReverseCharge),
        }
    }

    /// Name in the regime selector.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (VatRegime::Normal, Language::Nl) => "Normaal (btw per regel)",
            (VatRegime::Kor, Language::Nl) => "KOR (geen btw)",
            (VatRegime::ReverseCharge, Language::Nl) => "Btw verlegd (Nederland)",
            (VatRegime::IntraEu, Language::Nl) => "Btw verlegd (klant in ander EU-land)",
            (VatRegime::Normal, Language::En) => "Normal (VAT per line)",
            (VatRegime::Kor, Language::En) => "KOR (no VAT)",
            (VatRegime::ReverseCharge, Language::En) => "VAT reverse charge (Netherlands)",
            (VatRegime::IntraEu, Language::En) => {
                "VAT reverse charge (client in another EU country)"
            }
        }
    }
}

coded_enum! {
    /// Vermelding: a statement the document must print under the totals (§1.1, §1.2).
    pub enum VatNote {
        /// KOR: no prescribed text; Tijdig prints the recommended line from §1.2.
        Kor => "kor",
        /// Btw verlegd (§1.1: "U meldt 'btw verlegd' op de factuur"). Print the client's btw-id.
        ReverseCharge => "reverse_charge",
        /// Intra-EU B2B services: btw verlegd with the Btw-richtlijn articles. Print both btw-ids.
        IntraEuServices => "intra_eu_services",
        /// A line vrijgesteld van btw: art. 226(11) Btw-richtlijn asks for the exemption's basis;
        /// Tijdig cites art. 11 Wet OB 1968 in general (§1.1: wording per exemption).
        Exempt => "exempt",
    }
}

impl VatNote {
    /// The sentence to print.
    pub fn text(self, lang: Language) -> &'static str {
        match (self, lang) {
            (VatNote::Kor, Language::Nl) => {
                "Btw vrijgesteld op grond van de kleineondernemersregeling (KOR)."
            }
            (VatNote::ReverseCharge, Language::Nl) => "Btw verlegd.",
            (VatNote::IntraEuServices, Language::Nl) => {
                "Btw verlegd, artikel 44 en 196 Richtlijn 2006/112/EG."
            }
            (VatNote::Exempt, Language::Nl) => {
                "Vrijgesteld van btw op grond van artikel 11 Wet OB 1968."
            }
            (VatNote::Kor, Language::En) => {
                "VAT exempt under the Dutch small business scheme (KOR)."
            }
            (VatNote::ReverseCharge, Language::En) => "VAT reverse charge.",
            (VatNote::IntraEuServices, Language::En) => {
                "VAT reverse charge, articles 44 and 196 Directive 2006/112/EC."
            }
            (VatNote::Exempt, Language::En) => {
                "Exempt from VAT under article 11 of the Dutch VAT Act (Wet OB 1968)."
            }
        }
    }
}

/// EU member states by ISO 3166 country code (as stored on an address; Greece is `GR` here,
/// although its VAT numbers start with `EL`).
const EU_MEMBERS: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// Whether a country code (upper case, as on [`crate::Address`]) is an EU member state.
pub fn is_eu_member(country: &str) -> bool {
    EU_MEMBERS.contains(&country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_percentages_and_verlegd_and_vrijgesteld_are_zero() {
        assert_eq!(VatTreatment::Standard21.rate(), Decimal::from(21));
        assert_eq!(VatTreatment::Reduced9.rate(), Decimal::from(9));
        for t in [
            VatTreatment::Zero,
            VatTreatment::ReverseCharge,
            VatTreatment::Exempt,
        ] {
            assert!(t.rate().is_zero(), "{t:?}");
        }
    }

    #[test]
    fn codes_are_the_ones_the_store_uses() {
        let codes: Vec<_> = VatTreatment::ALL.iter().map(|t| t.code()).collect();
        assert_eq!(codes, ["21", "9", "0", "verlegd", "vrijgesteld"]);
        for r in VatRegime::ALL {
            assert_eq!(VatRegime::from_code(r.code()), Some(*r));
        }
        for n in VatNote::ALL {
            assert_eq!(VatNote::from_code(n.code()), Some(*n));
            assert!(!n.text(Language::Nl).is_empty() && !n.text(Language::En).is_empty());
        }
    }

    #[test]
    fn under_the_kor_no_line_shows_btw_and_under_reverse_charge_every_line_is_verlegd() {
        for t in VatTreatment::ALL {
            assert_eq!(VatRegime::Kor.effective_treatment(*t), None);
            assert_eq!(
                VatRegime::IntraEu.effective_treatment(*t),
                Some(VatTreatment::ReverseCharge)
            );
            assert_eq!(VatRegime::Normal.effective_treatment(*t), Some(*t));
        }
    }

    #[test]
    fn the_intra_eu_note_cites_the_services_articles() {
        assert!(VatNote::IntraEuServices
            .text(Language::Nl)
            .contains("artikel 44 en 196 Richtlijn 2006/112/EG"));
    }

    #[test]
    fn greece_is_gr_as_a_country_and_switzerland_is_not_in_the_eu() {
        assert!(is_eu_member("GR") && is_eu_member("NL") && is_eu_member("DE"));
        assert!(!is_eu_member("EL") && !is_eu_member("CH") && !is_eu_member("GB"));
    }
}
