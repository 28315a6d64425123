//! Factuurtotalen: subtotal, btw per tarief and total, computed the way the law and the
//! README's money convention want them (nl-rules-sources §1.1 items 9–11, §1.2).

use rust_decimal::Decimal;

use super::{InvoiceLine, VatNote, VatRegime, VatTreatment};
use crate::money::round_cents;
use crate::Language;

/// One row of the btw summary: the base (grondslag, summed line amounts of this treatment) and
/// the btw over it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatRow {
    pub treatment: VatTreatment,
    /// Grondslag: the sum of the rounded line amounts with this treatment.
    pub base: Decimal,
    /// Btw-bedrag: round_cents(base × rate / 100); 0 for 0 %, verlegd and vrijgesteld.
    pub btw: Decimal,
}

impl VatRow {
    /// Stable key for the document's wording (the treatment's code: "21", "9", "verlegd", …).
    pub fn label_key(&self) -> &'static str {
        self.treatment.code()
    }

    /// Printed name of the row: `Btw 21%`, `Btw verlegd`.
    pub fn label(&self, lang: Language) -> &'static str {
        self.treatment.label(lang)
    }
}

/// Factuurtotalen, ready to print. Convention (README "Money"): round each line, then sum;
/// btw per tarief over the summed line amounts of that tarief. A credit note's totals are
/// negative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceTotals {
    /// Btw summary, one row per treatment present, in [`VatTreatment::ALL`] order. Empty under
    /// the KOR: no btw may be shown (§1.2).
    pub rows: Vec<VatRow>,
    /// Subtotaal excl. btw: the sum of the line amounts.
    pub subtotal: Decimal,
    /// Totaal btw: the sum of the rows' btw.
    pub btw_total: Decimal,
    /// Totaal (te betalen): subtotal + btw total.
    pub total: Decimal,
    /// Statements to print under the totals (KOR, btw verlegd, exemption).
    pub notes: Vec<VatNote>,
}

impl InvoiceTotals {
    /// Computes the totals of `lines` under `regime`:
    /// - normal: a row per tarief;
    /// - KOR: every line without btw, no rows, the KOR statement;
    /// - reverse charge / intra-EU: one "verlegd" row with btw 0 and the matching statement.
    pub fn compute(regime: VatRegime, lines: &[InvoiceLine]) -> InvoiceTotals {
        let mut rows: Vec<VatRow> = Vec::new();
        let mut subtotal = Decimal::ZERO;
        for line in lines {
            let amount = line.amount();
            subtotal = subtotal.saturating_add(amount);
            let Some(treatment) = regime.effective_treatment(line.vat) else {
                continue;
            };
            match rows.iter_mut().find(|r| r.treatment == treatment) {
                Some(row) => row.base = row.base.saturating_add(amount),
                None => rows.push(VatRow {
                    treatment,
                    base: amount,
                    btw: Decimal::ZERO,
                }),
            }
        }
        rows.sort_by_key(|r| VatTreatment::ALL.iter().position(|t| *t == r.treatment));
        for row in &mut rows {
            row.btw =
                round_cents(row.base.saturating_mul(row.treatment.rate()) / Decimal::ONE_HUNDRED);
        }
        let btw_total = rows
            .iter()
            .fold(Decimal::ZERO, |sum, r| sum.saturating_add(r.btw));
        let notes = notes(regime, &rows);
        InvoiceTotals {
            rows,
            subtotal,
            btw_total,
            total: subtotal.saturating_add(btw_total),
            notes,
        }
    }
}

fn notes(regime: VatRegime, rows: &[VatRow]) -> Vec<VatNote> {
    let has = |t: VatTreatment| rows.iter().any(|r| r.treatment == t);
    match regime {
        VatRegime::Kor => vec![VatNote::Kor],
        VatRegime::ReverseCharge => vec![VatNote::ReverseCharge],
        VatRegime::IntraEu => vec![VatNote::IntraEuServices],
        VatRegime::Normal => [
            (VatTreatment::ReverseCharge, VatNote::ReverseCharge),
            (VatTreatment::Exempt, VatNote::Exempt),
        ]
        .into_iter()
        .filter(|(t, _)| has(*t))
        .map(|(_, note)| note)
        .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::invoice::credit_lines;
    use crate::invoice::line::line;
    use rust_decimal_macros::dec;

    fn mixed() -> Vec<InvoiceLine> {
        vec![
            line(dec!(10), dec!(85), VatTreatment::Standard21),
            line(dec!(2), dec!(12.50), VatTreatment::Reduced9),
            line(dec!(1), dec!(0.99), VatTreatment::Standard21),
        ]
    }

    #[test]
    fn three_times_0_335_at_21_percent_rounds_the_line_first() {
        let t = InvoiceTotals::compute(
            VatRegime::Normal,
            &[line(dec!(3), dec!(0.335), VatTreatment::Standard21)],
        );
        // 1,005 → 1,01; btw 0,2121 → 0,21; total 1,22.
        assert_eq!(t.subtotal, dec!(1.01));
        assert_eq!(t.btw_total, dec!(0.21));
        assert_eq!(t.total, dec!(1.22));
    }

    #[test]
    fn btw_is_computed_over_the_sum_per_rate_not_per_line() {
        // Each line's btw would be 0,105 → 0,11 (× 3 = 0,33); over the sum 1,50 it is 0,315 → 0,32.
        let lines = vec![line(dec!(1), dec!(0.50), VatTreatment::Standard21); 3];
        let t = InvoiceTotals::compute(VatRegime::Normal, &lines);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].btw, dec!(0.32));
        assert_eq!(t.total, dec!(1.82));
    }

    #[test]
    fn mixed_21_and_9_percent_lines_get_a_row_each() {
        let t = InvoiceTotals::compute(VatRegime::Normal, &mixed());
        assert_eq!(
            t.rows,
            vec![
                VatRow {
                    treatment: VatTreatment::Standard21,
                    base: dec!(850.99),
                    btw: dec!(178.71), // 178,7079
                },
                VatRow {
                    treatment: VatTreatment::Reduced9,
                    base: dec!(25.00),
                    btw: dec!(2.25),
                },
            ]
        );
        assert_eq!(t.subtotal, dec!(875.99));
        assert_eq!(t.btw_total, dec!(180.96));
        assert_eq!(t.total, dec!(1056.95));
        assert!(t.notes.is_empty());
        assert_eq!(t.rows[0].label_key(), "21");
        assert_eq!(t.rows[1].label(Language::Nl), "Btw 9%");
    }

    #[test]
    fn rows_follow_the_fixed_order_whatever_the_line_order() {
        let mut lines = mixed();
        lines.reverse();
        lines.push(line(dec!(1), dec!(5), VatTreatment::Exempt));
        lines.push(line(dec!(1), dec!(5), VatTreatment::Zero));
        let t = InvoiceTotals::compute(VatRegime::Normal, &lines);
        let keys: Vec<_> = t.rows.iter().map(VatRow::label_key).collect();
        assert_eq!(keys, ["21", "9", "0", "vrijgesteld"]);
        assert_eq!(t.notes, [VatNote::Exempt]);
    }

    #[test]
    fn a_kor_invoice_shows_no_btw() {
        let t = InvoiceTotals::compute(VatRegime::Kor, &mixed());
        assert!(t.rows.is_empty());
        assert_eq!(t.btw_total, dec!(0));
        assert_eq!(t.total, t.subtotal);
        assert_eq!(t.total, dec!(875.99));
        assert_eq!(t.notes, [VatNote::Kor]);
    }

    #[test]
    fn a_reverse_charge_invoice_groups_everything_as_verlegd_with_zero_btw() {
        for (regime, note) in [
            (VatRegime::ReverseCharge, VatNote::ReverseCharge),
            (VatRegime::IntraEu, VatNote::IntraEuServices),
        ] {
            let t = InvoiceTotals::compute(regime, &mixed());
            assert_eq!(
                t.rows,
                vec![VatRow {
                    treatment: VatTreatment::ReverseCharge,
                    base: dec!(875.99),
                    btw: dec!(0),
                }]
            );
            assert_eq!(t.total, dec!(875.99));
            assert_eq!(t.notes, [note]);
        }
    }

    #[test]
    fn a_full_credit_note_has_exactly_the_negative_totals() {
        let mut lines = mixed();
        lines.push(line(dec!(3), dec!(0.335), VatTreatment::Standard21));
        let original = InvoiceTotals::compute(VatRegime::Normal, &lines);
        let credit = InvoiceTotals::compute(VatRegime::Normal, &credit_lines(&lines, None));
        assert!(credit.total < Decimal::ZERO);
        assert_eq!(credit.total, -original.total);
        assert_eq!(credit.btw_total, -original.btw_total);
        for (c, o) in credit.rows.iter().zip(&original.rows) {
            assert_eq!((c.base, c.btw), (-o.base, -o.btw));
        }
    }

    #[test]
    fn an_invoice_without_lines_totals_zero() {
        let t = InvoiceTotals::compute(VatRegime::Normal, &[]);
        assert!(t.rows.is_empty());
        assert_eq!(t.total, dec!(0));
    }
}
