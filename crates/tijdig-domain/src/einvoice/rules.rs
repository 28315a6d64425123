//! The rules an e-invoice is checked against. Refused ([`Refusal`]): what makes the amount owed
//! uncertain — no number, date or currency, not euro, totals that do not add up (EN 16931
//! BR-CO-10…17, BR-x-08). Reported ([`Finding`]): the Dutch rules of SI-UBL 2.0 (BR-NL-*) and
//! Peppol (NL-R-*), which apply when the supplier's address is in the Netherlands, and the
//! structural rules (BR-01, UBL-SR-*). The tests, rounding (XPath `round`: half up, to cents)
//! and tolerances (±1 for BR-CO-17 and BR-x-08) are those of the official rule files in
//! `../shared/reference/ubl/` (`xslt/peppol-3.0.21-CEN-EN16931-UBL.xslt`,
//! `schematron/si-ubl-2.0-nlcius.sch`, `schematron/PEPPOL-EN16931-UBL-3.0.19.sch`).

use roxmltree::{Document, Node};
use rust_decimal::Decimal;

use super::model::{EInvoice, EInvoiceKind, Finding, Missing, RuleSet};
use super::xml::{at, children, text};
use crate::language::Language;

/// Why an e-invoice was refused. Nothing of a refused file is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotUtf8,
    NotXml {
        line: u32,
        column: u32,
    },
    /// XML, but no UBL 2.1 Invoice or CreditNote.
    NotUbl,
    Missing {
        rule: &'static str,
        what: Missing,
    },
    /// An amount or date that cannot be read, at its element.
    Unreadable {
        element: String,
        line: u32,
    },
    /// Tijdig follows up invoices in euro only (BT-5).
    NotEuro {
        currency: String,
    },
    /// Amounts that do not add up: the rule, what the file says and what it should be.
    Totals {
        rule: String,
        stated: Decimal,
        computed: Decimal,
    },
}

impl Refusal {
    /// The rule id the refusal names, if any.
    pub fn rule(&self) -> Option<&str> {
        match self {
            Refusal::Missing { rule, .. } => Some(rule),
            Refusal::Totals { rule, .. } => Some(rule),
            Refusal::NotEuro { .. } => Some("BR-05"),
            _ => None,
        }
    }

    pub fn message(&self, lang: Language) -> String {
        let nl = lang == Language::Nl;
        match self {
            Refusal::NotUtf8 => if nl {
                "Dit bestand is geen leesbare tekst (UTF-8): het is geen e-factuur."
            } else {
                "This file is not readable text (UTF-8): it is no e-invoice."
            }
            .into(),
            Refusal::NotXml { line, column } => {
                if nl {
                    format!("Dit XML-bestand is beschadigd op regel {line}, kolom {column}.")
                } else {
                    format!("This XML file is damaged at line {line}, column {column}.")
                }
            }
            Refusal::NotUbl => {
                if nl {
                    "Dit bestand is geen UBL-factuur of -creditnota (e-factuur).".into()
                } else {
                    "This file is no UBL invoice or credit note (e-invoice).".into()
                }
            }
            Refusal::Missing { rule, what } => {
                let (w_nl, w_en) = match what {
                    Missing::Number => ("het factuurnummer", "the invoice number"),
                    Missing::IssueDate => ("de factuurdatum", "the invoice date"),
                    Missing::Currency => ("de valuta", "the currency"),
                    Missing::Lines => ("een factuurregel", "an invoice line"),
                    Missing::TaxTotal => ("het btw-totaal", "the VAT total"),
                    Missing::Totals => ("de totalen", "the totals"),
                };
                if nl {
                    format!("[{rule}] In dit bestand ontbreekt {w_nl}.")
                } else {
                    format!("[{rule}] This file lacks {w_en}.")
                }
            }
            Refusal::Unreadable { element, line } => {
                if nl {
                    format!("Regel {line} ({element}): de waarde is onleesbaar.")
                } else {
                    format!("Line {line} ({element}): the value cannot be read.")
                }
            }
            Refusal::NotEuro { currency } => {
                if nl {
                    format!("[BR-05] Deze factuur is in {currency}; Tijdig volgt alleen facturen in euro op.")
                } else {
                    format!("[BR-05] This invoice is in {currency}; Tijdig follows up invoices in euro only.")
                }
            }
            Refusal::Totals {
                rule,
                stated,
                computed,
            } => {
                let what = total_name(rule);
                if nl {
                    format!("[{rule}] De bedragen kloppen niet: {} is {stated}, maar volgens de regels en btw {computed}.", what.0)
                } else {
                    format!("[{rule}] The amounts do not add up: {} is {stated}, but the lines and VAT make it {computed}.", what.1)
                }
            }
        }
    }
}

fn total_name(rule: &str) -> (&'static str, &'static str) {
    match rule {
        "BR-CO-10" => ("het totaal van de regels", "the sum of the lines"),
        "BR-CO-11" => ("het totaal van de kortingen", "the allowance total"),
        "BR-CO-12" => ("het totaal van de toeslagen", "the charge total"),
        "BR-CO-13" => ("het totaal exclusief btw", "the total without VAT"),
        "BR-CO-14" => ("het btw-totaal", "the VAT total"),
        "BR-CO-15" => ("het totaal inclusief btw", "the total with VAT"),
        "BR-CO-16" => ("het te betalen bedrag", "the amount due"),
        "BR-CO-17" => ("de btw van een tarief", "the VAT of a rate"),
        _ => ("het bedrag over een btw-tarief", "the amount of a VAT rate"),
    }
}

/// XPath `round(x * 100) div 100`: to cents, halves up.
fn cents(x: Decimal) -> Decimal {
    (x * Decimal::ONE_HUNDRED + Decimal::new(5, 1)).floor() / Decimal::ONE_HUNDRED
}

fn totals_error(rule: &str, stated: Decimal, computed: Decimal) -> Refusal {
    Refusal::Totals {
        rule: rule.into(),
        stated: stated.normalize(),
        computed: computed.normalize(),
    }
}

/// The per-category rule of BR-x-08 (taxable amount = lines + charges − allowances of that
/// category; of that rate for S, L and M).
fn category_rule(category: &str) -> Option<(&'static str, bool)> {
    Some(match category {
        "S" => ("BR-S-08", true),
        "Z" => ("BR-Z-08", false),
        "E" => ("BR-E-08", false),
        "AE" => ("BR-AE-08", false),
        "K" => ("BR-IC-08", false),
        "G" => ("BR-G-08", false),
        "O" => ("BR-O-08", false),
        "L" => ("BR-AF-08", true),
        "M" => ("BR-AG-08", true),
        _ => return None,
    })
}

/// Refuses a file whose amounts do not add up, or that is not in euro.
pub(super) fn check_totals(inv: &EInvoice) -> Result<(), Refusal> {
    if !inv.currency.eq_ignore_ascii_case("EUR") {
        return Err(Refusal::NotEuro {
            currency: inv.currency.clone(),
        });
    }
    let t = &inv.totals;
    let exact = |rule: &str, stated: Decimal, computed: Decimal| {
        if stated == cents(computed) {
            Ok(())
        } else {
            Err(totals_error(rule, stated, cents(computed)))
        }
    };
    let lines: Decimal = inv.lines.iter().map(|l| l.net).sum();
    exact("BR-CO-10", t.line_extension, lines)?;
    let allowances: Decimal = inv
        .allowances_charges
        .iter()
        .filter(|a| !a.charge)
        .map(|a| a.amount)
        .sum();
    let charges: Decimal = inv
        .allowances_charges
        .iter()
        .filter(|a| a.charge)
        .map(|a| a.amount)
        .sum();
    let any = |charge: bool| inv.allowances_charges.iter().any(|a| a.charge == charge);
    match t.allowances {
        Some(stated) => exact("BR-CO-11", stated, allowances)?,
        None if any(false) => return Err(totals_error("BR-CO-11", Decimal::ZERO, allowances)),
        None => {}
    }
    match t.charges {
        Some(stated) => exact("BR-CO-12", stated, charges)?,
        None if any(true) => return Err(totals_error("BR-CO-12", Decimal::ZERO, charges)),
        None => {}
    }
    exact(
        "BR-CO-13",
        t.tax_exclusive,
        t.line_extension + t.charges.unwrap_or_default() - t.allowances.unwrap_or_default(),
    )?;
    if !inv.tax_subtotals.is_empty() {
        exact(
            "BR-CO-14",
            t.tax,
            inv.tax_subtotals.iter().map(|s| s.tax).sum(),
        )?;
    }
    exact("BR-CO-15", t.tax_inclusive, t.tax_exclusive + t.tax)?;
    let due = t.tax_inclusive - t.prepaid.unwrap_or_default() + t.rounding.unwrap_or_default();
    exact("BR-CO-16", t.payable, due)?;
    let one = Decimal::ONE;
    for s in &inv.tax_subtotals {
        // BR-CO-17: the VAT of a rate is its taxable amount × rate, within a euro.
        let expected = cents(s.taxable.abs() * s.percent / Decimal::ONE_HUNDRED);
        let fits = if s.percent.round().is_zero() {
            s.tax.round().is_zero()
        } else {
            s.tax.abs() - one < expected && s.tax.abs() + one > expected
        };
        if !fits {
            return Err(totals_error("BR-CO-17", s.tax, expected));
        }
        let Some((rule, by_rate)) = category_rule(&s.category) else {
            continue;
        };
        let same = |category: &str, percent: Decimal| {
            category == s.category && (!by_rate || percent == s.percent)
        };
        let computed: Decimal = inv
            .lines
            .iter()
            .filter(|l| same(&l.vat_category, l.vat_percent))
            .map(|l| l.net)
            .sum::<Decimal>()
            + inv
                .allowances_charges
                .iter()
                .filter(|a| same(&a.category, a.percent))
                .map(|a| if a.charge { a.amount } else { -a.amount })
                .sum::<Decimal>();
        if !(s.taxable - one < computed && s.taxable + one > computed) {
            return Err(totals_error(rule, s.taxable, computed));
        }
    }
    Ok(())
}

/// The Dutch and structural rules the file breaks (shown, not refused).
pub(super) fn findings(doc: &Document<'_>, inv: &EInvoice) -> Vec<Finding> {
    let root = doc.root_element();
    let mut found = Vec::new();
    let mut flag = |rule: &str, nl: &str, en: &str| {
        found.push(Finding {
            rule: rule.into(),
            nl: nl.into(),
            en: en.into(),
        });
    };
    if inv.customization.is_none() {
        flag(
            "BR-01",
            "Het bestand zegt niet aan welke specificatie het voldoet (CustomizationID ontbreekt).",
            "The file does not say which specification it follows (CustomizationID is missing).",
        );
    }
    for (party, seller) in [
        ("AccountingSupplierParty", true),
        ("AccountingCustomerParty", false),
    ] {
        let legal: Vec<Node<'_, '_>> = at(root, &[party, "Party"])
            .map(|p| children(p, "PartyLegalEntity").collect())
            .unwrap_or_default();
        let names = legal
            .iter()
            .flat_map(|l| children(*l, "RegistrationName"))
            .count();
        let ids = legal.iter().flat_map(|l| children(*l, "CompanyID")).count();
        let (name_rule, id_rule) = if seller {
            ("UBL-SR-09", "UBL-SR-11")
        } else {
            ("UBL-SR-15", "UBL-SR-17")
        };
        if names > 1 {
            flag(
                name_rule,
                "Een partij heeft meer dan één officiële naam.",
                "A party has more than one registered name.",
            );
        }
        if ids > 1 {
            flag(
                id_rule,
                "Een partij heeft meer dan één inschrijvingsnummer.",
                "A party has more than one registration number.",
            );
        }
    }
    let dutch = match inv.rule_set {
        RuleSet::SiUbl => true,
        RuleSet::Peppol => false,
        RuleSet::Other => return found,
    };
    let nl_rule = |si: &'static str, peppol: &'static str| if dutch { si } else { peppol };
    if inv.seller.country.as_deref() != Some("NL") {
        // BR-NL-13 applies to every SI-UBL supplier; the rest only to Dutch ones.
        if dutch && order_line_without_order(root) {
            flag(
                "BR-NL-13",
                "Een regel verwijst naar een orderregel, maar de factuur noemt geen ordernummer.",
                "A line refers to an order line, but the invoice names no order number.",
            );
        }
        return found;
    }
    let buyer_nl = inv.buyer.country.as_deref() == Some("NL");
    let seller_party = at(root, &["AccountingSupplierParty", "Party"]);
    let schemes = |party: Option<Node<'_, '_>>| -> Vec<String> {
        party
            .into_iter()
            .flat_map(|p| children(p, "PartyLegalEntity"))
            .flat_map(|l| children(l, "CompanyID"))
            .filter(|c| c.text().is_some_and(|t| !t.trim().is_empty()))
            .filter_map(|c| c.attribute("schemeID").map(|s| s.trim().to_string()))
            .collect()
    };
    let kvk_or_oin =
        |party: Option<Node<'_, '_>>| schemes(party).iter().any(|s| s == "0106" || s == "0190");
    let has_company_id = |party: Option<Node<'_, '_>>| {
        party.is_some_and(|p| at(p, &["PartyLegalEntity", "CompanyID"]).is_some())
    };
    if (dutch || has_company_id(seller_party)) && !kvk_or_oin(seller_party) {
        flag(nl_rule("BR-NL-1", "NL-R-003"), "Het KvK-nummer van de leverancier ontbreekt of heeft niet het schema 0106 (KvK) of 0190 (OIN).", "The supplier's KvK number is missing or not in scheme 0106 (KvK) or 0190 (OIN).");
    }
    if inv.buyer_reference.is_none() && inv.order_reference.is_none() {
        flag(
            nl_rule("BR-NL-2", "PEPPOL-EN16931-R003"),
            "De factuur noemt geen referentie van de klant of ordernummer.",
            "The invoice names no buyer reference or order number.",
        );
    }
    let address_complete =
        |p: &super::model::EParty| p.street.is_some() && p.city.is_some() && p.postcode.is_some();
    if !address_complete(&inv.seller) {
        flag(
            nl_rule("BR-NL-3", "NL-R-002"),
            "Het adres van de leverancier mist straat, plaats of postcode.",
            "The supplier's address lacks street, city or postcode.",
        );
    }
    if buyer_nl && !address_complete(&inv.buyer) {
        flag(
            nl_rule("BR-NL-4", "NL-R-004"),
            "Het adres van de klant mist straat, plaats of postcode.",
            "The customer's address lacks street, city or postcode.",
        );
    }
    if let Some(rep) = at(root, &["TaxRepresentativeParty", "PostalAddress"]) {
        let is_nl = text(rep, &["Country", "IdentificationCode"])
            .is_some_and(|c| c.eq_ignore_ascii_case("NL"));
        let complete = ["StreetName", "CityName", "PostalZone"]
            .iter()
            .all(|n| at(rep, &[n]).is_some());
        if is_nl && !complete {
            flag(
                nl_rule("BR-NL-5", "NL-R-006"),
                "Het adres van de fiscaal vertegenwoordiger mist straat, plaats of postcode.",
                "The fiscal representative's address lacks street, city or postcode.",
            );
        }
    }
    let code = inv.type_code.as_deref().unwrap_or("");
    if dutch {
        if !["380", "381", "384", "389"].contains(&code) {
            flag(
                "BR-NL-7",
                "De soort factuur moet 380, 381, 384 of 389 zijn.",
                "The document type must be 380, 381, 384 or 389.",
            );
        }
        let credit = inv.kind == EInvoiceKind::CreditNote;
        if (code == "381") != credit && !code.is_empty() {
            flag("BR-NL-8", "Een creditnota (381) moet als CreditNote geschreven zijn, een factuur als Invoice.", "A credit note (381) must be written as CreditNote, an invoice as Invoice.");
        }
        if code == "384" && inv.corrects.is_none() {
            flag(
                "BR-NL-9",
                "Een correctiefactuur moet de factuur noemen die zij corrigeert.",
                "A corrective invoice must name the invoice it corrects.",
            );
        }
    } else if inv.kind == EInvoiceKind::CreditNote && inv.corrects.is_none() {
        flag(
            "NL-R-001",
            "Een creditnota moet de factuur noemen die zij corrigeert.",
            "A credit note must name the invoice it corrects.",
        );
    }
    let buyer_party = at(root, &["AccountingCustomerParty", "Party"]);
    let buyer_legal = buyer_party.and_then(|p| at(p, &["PartyLegalEntity"]));
    if buyer_nl
        && ((dutch && buyer_legal.is_some()) || has_company_id(buyer_party))
        && !kvk_or_oin(buyer_party)
    {
        flag(
            nl_rule("BR-NL-10", "NL-R-005"),
            "Het KvK-nummer van de klant heeft niet het schema 0106 (KvK) of 0190 (OIN).",
            "The customer's KvK number is not in scheme 0106 (KvK) or 0190 (OIN).",
        );
    }
    let owed = match inv.kind {
        EInvoiceKind::Invoice => inv.totals.payable > Decimal::ZERO,
        EInvoiceKind::CreditNote => !dutch && inv.totals.payable < Decimal::ZERO,
    };
    if owed && inv.payment_means_codes.is_empty() && children(root, "PaymentMeans").next().is_none()
    {
        flag(
            nl_rule("BR-NL-11", "NL-R-007"),
            "De factuur zegt niet hoe er betaald wordt (betaalwijze ontbreekt).",
            "The invoice does not say how to pay (payment means missing).",
        );
    }
    let customer_nl_for_peppol = buyer_nl
        || inv
            .buyer
            .vat_id
            .as_deref()
            .is_some_and(|v| v.to_uppercase().starts_with("NL"));
    if (dutch || customer_nl_for_peppol)
        && inv
            .payment_means_codes
            .iter()
            .any(|c| !["30", "48", "49", "57", "58", "59"].contains(&c.as_str()))
    {
        flag(
            nl_rule("BR-NL-12", "NL-R-008"),
            "De betaalwijze moet 30, 48, 49, 57, 58 of 59 zijn (overmaking, kaart of incasso).",
            "The payment means must be 30, 48, 49, 57, 58 or 59 (transfer, card or direct debit).",
        );
    }
    if order_line_without_order(root) {
        flag(
            nl_rule("BR-NL-13", "NL-R-009"),
            "Een regel verwijst naar een orderregel, maar de factuur noemt geen ordernummer.",
            "A line refers to an order line, but the invoice names no order number.",
        );
    }
    found
}

fn order_line_without_order(root: Node<'_, '_>) -> bool {
    let has_line_ref = root.descendants().any(|n| {
        n.is_element()
            && n.tag_name().name() == "OrderLineReference"
            && at(n, &["LineID"]).is_some()
    });
    has_line_ref && text(root, &["OrderReference", "ID"]).is_none()
}
