//! Betalingsregeling (payment arrangement): the acknowledged debt paid in instalments that are
//! agreed in writing, watched and enforced (nl-rules-sources §6.5; §3.4 and art. 6:44 BW for the
//! allocation of payments).
//!
//! - The debt is acknowledged on the start date, split into principal (hoofdsom), interest up to
//!   that date and collection costs. Costs may be waived if the arrangement is honoured: the
//!   schedule then covers principal and interest only, and the costs revive when it breaks.
//! - Schedule: an optional down payment (aanbetaling), then instalments by count or by amount,
//!   monthly from a first due date or on chosen dates. Amounts are whole cents; the last
//!   instalment takes the remainder ([`schedule`]).
//! - Payments are applied to the arrangement in date order: costs → interest → principal
//!   (art. 6:44 BW), and fill the instalments in order ([`Ledger`]).
//! - Vervalbeding (acceleration clause): an instalment still (partly) unpaid more than the grace
//!   period after its due date makes the whole remaining balance due at once; the arrangement is
//!   broken and the invoices' ladder resumes.
//! - Statutory interest may keep running on the open principal during the arrangement.

mod ledger;
mod schedule;

pub use ledger::{ArrangementState, InstalmentState, InstalmentStatus, Ledger, RunningInterest};
pub use schedule::{schedule, Instalment, ScheduleInput, ScheduleIssue, ScheduleSpec};

use rust_decimal::Decimal;

/// Erkende schuld: the debt the client acknowledges on the start date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcknowledgedDebt {
    pub principal: Decimal,
    pub interest: Decimal,
    pub costs: Decimal,
}

impl AcknowledgedDebt {
    pub fn total(&self) -> Decimal {
        self.principal + self.interest + self.costs
    }

    /// The debt payments are applied to: costs waived for an honoured arrangement count only
    /// once it is broken.
    pub fn counted(&self, costs_waived: bool, broken: bool) -> AcknowledgedDebt {
        AcknowledgedDebt {
            costs: if costs_waived && !broken {
                Decimal::ZERO
            } else {
                self.costs
            },
            ..*self
        }
    }
}

/// How a sum paid is split over the debt (art. 6:44 BW: costs, then interest, then principal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Allocation {
    pub costs: Decimal,
    pub interest: Decimal,
    pub principal: Decimal,
    /// What was left after the whole debt was paid.
    pub surplus: Decimal,
}

/// Applies `paid` to `debt`: costs first, then interest, then principal.
pub fn allocate(debt: &AcknowledgedDebt, paid: Decimal) -> Allocation {
    let mut rest = paid.max(Decimal::ZERO);
    let mut take = |owed: Decimal| {
        let part = rest.min(owed.max(Decimal::ZERO));
        rest -= part;
        part
    };
    let costs = take(debt.costs);
    let interest = take(debt.interest);
    let principal = take(debt.principal);
    Allocation {
        costs,
        interest,
        principal,
        surplus: rest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    const DEBT: AcknowledgedDebt = AcknowledgedDebt {
        principal: dec!(2420.00),
        interest: dec!(18.40),
        costs: dec!(296.00),
    };

    #[test]
    fn a_payment_goes_to_costs_first_then_interest_then_principal() {
        assert_eq!(
            allocate(&DEBT, dec!(250)),
            Allocation {
                costs: dec!(250),
                interest: dec!(0),
                principal: dec!(0),
                surplus: dec!(0)
            }
        );
        assert_eq!(
            allocate(&DEBT, dec!(500)),
            Allocation {
                costs: dec!(296),
                interest: dec!(18.40),
                principal: dec!(185.60),
                surplus: dec!(0)
            }
        );
        assert_eq!(allocate(&DEBT, dec!(3000)).surplus, dec!(265.60));
        assert_eq!(DEBT.total(), dec!(2734.40));
    }

    #[test]
    fn nothing_paid_allocates_nothing() {
        assert_eq!(allocate(&DEBT, dec!(0)), Allocation::default());
        assert_eq!(allocate(&DEBT, dec!(-5)), Allocation::default());
    }
}
