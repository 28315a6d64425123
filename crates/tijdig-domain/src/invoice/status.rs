//! Factuurstatus and betalingen: derived from the issued invoice, its payments, credit notes and
//! the claim ledger (`crate::interest::compute_claim`); never stored. [`outstanding`] is the
//! naive total − paid − credited, right only while no interest or costs are owed; the claim
//! still open after art. 6:44 BW comes from the ledger.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::codes::coded_enum;
use crate::{Issue, Language};

coded_enum! {
    /// Factuurstatus as shown in lists.
    pub enum InvoiceStatus {
        /// Concept: not issued yet; no number.
        Draft => "draft",
        /// Open: issued, not yet due, nothing paid.
        Open => "open",
        /// Vervallen: past the due date with something still open, also when partly paid
        /// (overdue drives the dunning, so it wins).
        Overdue => "overdue",
        /// Deels betaald: something paid, the rest open, not yet due.
        PartlyPaid => "partly_paid",
        /// Betaald: nothing open any more (the whole claim paid, or what was left waived).
        Paid => "paid",
        /// Rente/kosten open: the principal is paid, but statutory interest or collection costs
        /// are still owed (art. 6:44 BW applied every payment to them first). Stays on the
        /// ladder until paid or waived (reference README "The claim").
        InterestCostsOpen => "interest_costs_open",
        /// Gecrediteerd: settled by credit notes without any payment; a creditfactuur itself
        /// (negative total) also shows as gecrediteerd.
        Credited => "credited",
    }
}

impl InvoiceStatus {
    /// The word shown to the user.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (InvoiceStatus::Draft, Language::Nl) => "concept",
            (InvoiceStatus::Open, Language::Nl) => "open",
            (InvoiceStatus::Overdue, Language::Nl) => "vervallen",
            (InvoiceStatus::PartlyPaid, Language::Nl) => "deels betaald",
            (InvoiceStatus::Paid, Language::Nl) => "betaald",
            (InvoiceStatus::InterestCostsOpen, Language::Nl) => "rente/kosten open",
            (InvoiceStatus::Credited, Language::Nl) => "gecrediteerd",
            (InvoiceStatus::Draft, Language::En) => "draft",
            (InvoiceStatus::Open, Language::En) => "open",
            (InvoiceStatus::Overdue, Language::En) => "overdue",
            (InvoiceStatus::PartlyPaid, Language::En) => "partly paid",
            (InvoiceStatus::Paid, Language::En) => "paid",
            (InvoiceStatus::InterestCostsOpen, Language::En) => "interest/costs open",
            (InvoiceStatus::Credited, Language::En) => "credited",
        }
    }
}

/// Openstaand bedrag: total − paid − credited. `credited_total` is the positive amount of the
/// credit notes that refer to this invoice (the size of their negative totals).
pub fn outstanding(total: Decimal, paid: Decimal, credited_total: Decimal) -> Decimal {
    total.saturating_sub(paid).saturating_sub(credited_total)
}

/// Derives the status. `due_date` is the last day to pay on time: the invoice is vervallen from
/// the day after. `paid` is every euro received, `credited_total` what credit notes took off,
/// `claim_open` the whole claim still open (principal, interest and costs after art. 6:44 BW;
/// without verzuim simply [`outstanding`]). Order: concept; a credit note (negative total) →
/// gecrediteerd; nothing open → gecrediteerd when settled only by credit notes, else betaald;
/// the invoice amount received but interest or costs still owed → rente/kosten open (art. 6:44
/// applied the money to them first, so legally a bit of principal is what remains, claims.json
/// C9); past due → vervallen; something paid → deels betaald; else open.
pub fn status(
    issued: bool,
    due_date: NaiveDate,
    today: NaiveDate,
    total: Decimal,
    paid: Decimal,
    credited_total: Decimal,
    claim_open: Decimal,
) -> InvoiceStatus {
    if !issued {
        return InvoiceStatus::Draft;
    }
    if total < Decimal::ZERO {
        return InvoiceStatus::Credited;
    }
    if claim_open <= Decimal::ZERO {
        return if paid <= Decimal::ZERO && credited_total > Decimal::ZERO {
            InvoiceStatus::Credited
        } else {
            InvoiceStatus::Paid
        };
    }
    if outstanding(total, paid, credited_total) <= Decimal::ZERO {
        InvoiceStatus::InterestCostsOpen
    } else if today > due_date {
        InvoiceStatus::Overdue
    } else if paid > Decimal::ZERO {
        InvoiceStatus::PartlyPaid
    } else {
        InvoiceStatus::Open
    }
}

/// Checks a betaling before it is recorded: more than 0, whole cents, and not more than is
/// still open (the message states the open amount: "de hele vordering … is op die dag € 1.234,56": the most a debtor can owe).
pub fn check_payment(amount: Decimal, outstanding: Decimal) -> Result<(), Issue> {
    if amount <= Decimal::ZERO {
        return Err(Issue::PaymentNotPositive);
    }
    if amount.normalize().scale() > 2 {
        return Err(Issue::AmountDecimals { max: 2 });
    }
    if outstanding <= Decimal::ZERO {
        return Err(Issue::NothingOutstanding);
    }
    if amount > outstanding {
        return Err(Issue::PaymentTooHigh { outstanding });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
    }

    fn at(today: u32, paid: Decimal, credited: Decimal) -> InvoiceStatus {
        let open = outstanding(dec!(121), paid, credited);
        status(true, d(15), d(today), dec!(121), paid, credited, open)
    }

    #[test]
    fn a_draft_is_concept_whatever_the_amounts() {
        assert_eq!(
            status(false, d(15), d(20), dec!(121), dec!(121), dec!(0), dec!(0)),
            InvoiceStatus::Draft
        );
    }

    #[test]
    fn an_issued_invoice_is_open_until_and_including_its_due_date() {
        assert_eq!(at(1, dec!(0), dec!(0)), InvoiceStatus::Open);
        assert_eq!(at(15, dec!(0), dec!(0)), InvoiceStatus::Open);
        assert_eq!(at(16, dec!(0), dec!(0)), InvoiceStatus::Overdue);
    }

    #[test]
    fn a_partly_paid_invoice_is_deels_betaald_until_it_is_overdue() {
        assert_eq!(at(10, dec!(21), dec!(0)), InvoiceStatus::PartlyPaid);
        assert_eq!(at(16, dec!(21), dec!(0)), InvoiceStatus::Overdue);
    }

    #[test]
    fn a_fully_paid_invoice_is_betaald_even_after_the_due_date() {
        assert_eq!(at(30, dec!(121), dec!(0)), InvoiceStatus::Paid);
        assert_eq!(at(30, dec!(21), dec!(100)), InvoiceStatus::Paid);
    }

    #[test]
    fn a_fully_credited_invoice_is_gecrediteerd() {
        assert_eq!(at(30, dec!(0), dec!(121)), InvoiceStatus::Credited);
        assert_eq!(at(30, dec!(0), dec!(100)), InvoiceStatus::Overdue);
        assert_eq!(
            status(true, d(15), d(1), dec!(-121), dec!(0), dec!(0), dec!(0)),
            InvoiceStatus::Credited
        );
    }

    #[test]
    fn the_invoice_amount_received_with_interest_or_costs_still_owed_is_rente_kosten_open() {
        // € 1.420 received on € 1.420, but € 79,70 of the claim is still open (C9).
        assert_eq!(
            status(
                true,
                d(15),
                d(30),
                dec!(1420),
                dec!(1420),
                dec!(0),
                dec!(79.70)
            ),
            InvoiceStatus::InterestCostsOpen
        );
        assert_eq!(
            InvoiceStatus::InterestCostsOpen.label(Language::Nl),
            "rente/kosten open"
        );
        assert_eq!(
            status(
                true,
                d(15),
                d(30),
                dec!(1420),
                dec!(1499.70),
                dec!(0),
                dec!(0)
            ),
            InvoiceStatus::Paid
        );
    }

    #[test]
    fn less_than_the_invoice_amount_received_past_due_is_vervallen_whatever_the_split() {
        assert_eq!(
            status(
                true,
                d(15),
                d(30),
                dec!(1420),
                dec!(1000),
                dec!(0),
                dec!(499.70)
            ),
            InvoiceStatus::Overdue
        );
    }

    #[test]
    fn outstanding_is_total_minus_paid_minus_credited() {
        assert_eq!(outstanding(dec!(121), dec!(21), dec!(50)), dec!(50));
    }

    #[test]
    fn a_payment_must_be_positive_and_not_more_than_is_open() {
        assert_eq!(check_payment(dec!(50), dec!(121)), Ok(()));
        assert_eq!(check_payment(dec!(121), dec!(121)), Ok(()));
        assert_eq!(
            check_payment(dec!(0), dec!(121)),
            Err(Issue::PaymentNotPositive)
        );
        assert_eq!(
            check_payment(dec!(-5), dec!(121)),
            Err(Issue::PaymentNotPositive)
        );
        assert_eq!(
            check_payment(dec!(0.001), dec!(121)),
            Err(Issue::AmountDecimals { max: 2 })
        );
        assert_eq!(
            check_payment(dec!(10), dec!(0)),
            Err(Issue::NothingOutstanding)
        );
        let over = check_payment(dec!(1300), dec!(1234.56)).unwrap_err();
        assert_eq!(
            over,
            Issue::PaymentTooHigh {
                outstanding: dec!(1234.56)
            }
        );
        assert_eq!(
            over.message(Language::Nl),
            "Dit is meer dan er openstaat: de hele vordering (hoofdsom, rente en kosten) is op die dag € 1.234,56. Vul hooguit dat bedrag in."
        );
        assert_eq!(
            over.message(Language::En),
            "This is more than is outstanding: the whole claim (principal, interest and costs) is €1,234.56 on that day. Enter at most that amount."
        );
    }

    #[test]
    fn statuses_have_dutch_words() {
        let words: Vec<_> = InvoiceStatus::ALL
            .iter()
            .map(|s| s.label(Language::Nl))
            .collect();
        assert_eq!(
            words,
            [
                "concept",
                "open",
                "vervallen",
                "deels betaald",
                "betaald",
                "rente/kosten open",
                "gecrediteerd"
            ]
        );
    }
}
