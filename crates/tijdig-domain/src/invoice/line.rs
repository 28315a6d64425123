//! Factuurregel: what was supplied, how much, at what price (nl-rules-sources §1.1 items 7, 9,
//! 10), and the creditregels that reverse it (§1.5).

use rust_decimal::Decimal;

use super::VatTreatment;
use crate::money::round_cents;

/// Factuurregel. Amounts are excl. btw; the line amount is rounded to the cent before it is
/// summed (shared/reference README, "Money"). On a creditfactuur the quantity is negative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceLine {
    /// Omschrijving: which goods or services, and their extent (§1.1 item 7).
    pub description: String,
    /// Aantal: more than 0 on an invoice, less than 0 on a credit note.
    pub quantity: Decimal,
    /// Eenheid as printed, e.g. "uur", "stuk"; may be empty.
    pub unit: String,
    /// Prijs per eenheid excl. btw (§1.1 item 9), never negative.
    pub unit_price: Decimal,
    /// Btw-tarief of this line (§1.1 item 10).
    pub vat: VatTreatment,
    /// Korting in percent (0–100) not included in the unit price (§1.1 item 9).
    pub discount_percent: Option<Decimal>,
}

impl InvoiceLine {
    /// Regelbedrag excl. btw: round_cents(quantity × unit price × (1 − discount/100)).
    /// Saturates instead of overflowing on absurd stored values, so it never panics.
    pub fn amount(&self) -> Decimal {
        let gross = self.quantity.saturating_mul(self.unit_price);
        let net = match self.discount_percent {
            Some(discount) => {
                let factor = Decimal::ONE_HUNDRED.saturating_sub(discount);
                gross.saturating_mul(factor) / Decimal::ONE_HUNDRED
            }
            None => gross,
        };
        round_cents(net)
    }

    /// The creditregel for this line: the same line with the quantity negated, so its amount
    /// (and btw) is exactly the negative of the original's (§1.5: "a copy of the original with
    /// negative amounts").
    pub fn credited(&self) -> InvoiceLine {
        InvoiceLine {
            quantity: -self.quantity,
            ..self.clone()
        }
    }
}

/// Creditregels for a creditfactuur (§1.5): every line of the original (`chosen` = `None`) or the
/// lines at the chosen 0-based positions, in the original's order; positions that do not exist
/// are ignored. To credit part of a line, adjust the quantity of the returned line.
pub fn credit_lines(original: &[InvoiceLine], chosen: Option<&[usize]>) -> Vec<InvoiceLine> {
    original
        .iter()
        .enumerate()
        .filter(|(i, _)| chosen.is_none_or(|c| c.contains(i)))
        .map(|(_, line)| line.credited())
        .collect()
}

#[cfg(test)]
pub(crate) fn line(quantity: Decimal, unit_price: Decimal, vat: VatTreatment) -> InvoiceLine {
    InvoiceLine {
        description: "Ontwerp huisstijl".into(),
        quantity,
        unit: "uur".into(),
        unit_price,
        vat,
        discount_percent: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_line_amount_is_quantity_times_price_rounded_to_the_cent() {
        assert_eq!(
            line(dec!(3), dec!(0.335), VatTreatment::Standard21).amount(),
            dec!(1.01)
        );
        assert_eq!(
            line(dec!(1.5), dec!(75), VatTreatment::Standard21).amount(),
            dec!(112.50)
        );
        assert_eq!(
            line(dec!(0.333), dec!(10), VatTreatment::Reduced9).amount(),
            dec!(3.33)
        );
    }

    #[test]
    fn a_discount_is_taken_off_before_rounding() {
        let mut l = line(dec!(3), dec!(33.35), VatTreatment::Standard21);
        l.discount_percent = Some(dec!(10));
        // 3 × 33,35 = 100,05; × 0,90 = 90,045 → 90,05 (half away from zero).
        assert_eq!(l.amount(), dec!(90.05));
        l.discount_percent = Some(dec!(100));
        assert_eq!(l.amount(), dec!(0));
    }

    #[test]
    fn a_credited_line_has_exactly_the_negative_amount() {
        let mut l = line(dec!(3), dec!(0.335), VatTreatment::Standard21);
        l.discount_percent = Some(dec!(10));
        assert_eq!(l.credited().amount(), -l.amount());
        assert_eq!(l.credited().quantity, dec!(-3));
        assert_eq!(l.credited().unit_price, dec!(0.335));
    }

    #[test]
    fn a_credit_note_of_two_lines_negates_both() {
        let original = vec![
            line(dec!(2), dec!(50), VatTreatment::Standard21),
            line(dec!(1), dec!(20), VatTreatment::Reduced9),
        ];
        let credit = credit_lines(&original, None);
        assert_eq!(credit.len(), 2);
        assert_eq!(credit[0].amount(), dec!(-100));
        assert_eq!(credit[1].amount(), dec!(-20));
    }

    #[test]
    fn chosen_lines_are_credited_in_the_original_order_once() {
        let original = vec![
            line(dec!(1), dec!(10), VatTreatment::Standard21),
            line(dec!(1), dec!(20), VatTreatment::Standard21),
            line(dec!(1), dec!(30), VatTreatment::Standard21),
        ];
        let credit = credit_lines(&original, Some(&[2, 0, 2, 7]));
        let amounts: Vec<_> = credit.iter().map(InvoiceLine::amount).collect();
        assert_eq!(amounts, [dec!(-10), dec!(-30)]);
    }

    #[test]
    fn absurd_values_saturate_instead_of_panicking() {
        let l = line(Decimal::MAX, Decimal::MAX, VatTreatment::Standard21);
        assert_eq!(l.amount(), Decimal::MAX);
    }
}
