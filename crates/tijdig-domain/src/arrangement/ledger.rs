//! The arrangement's ledger on a day: which instalments are paid, late or missed, whether the
//! vervalbeding applied, and how the payments fall on costs, interest and principal.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::{allocate, AcknowledgedDebt, Allocation, Instalment};
use crate::interest::{compute_interest, InterestKind, RateTable};

/// Status of one instalment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstalmentStatus {
    /// Betaald: paid in full on or before its due date.
    Paid,
    /// Te laat betaald: paid in full after its due date.
    PaidLate,
    /// Open: not yet due.
    Open,
    /// Vervallen: past its due date, within the grace period.
    Overdue,
    /// Gemist: unpaid after the grace period — the vervalbeding applies.
    Missed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InstalmentState {
    pub instalment: Instalment,
    /// Paid towards this instalment so far.
    pub paid: Decimal,
    /// The day it was paid in full.
    pub paid_on: Option<NaiveDate>,
    pub status: InstalmentStatus,
}

/// Where the arrangement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrangementState {
    /// Lopend: being honoured.
    Active,
    /// Voldaan: everything scheduled was paid (also when paid early in full).
    Completed { on: NaiveDate },
    /// Vervallen: an instalment was unpaid after the grace period; from `since` the whole
    /// remaining balance is due and the invoices' ladder resumes.
    Broken { since: NaiveDate },
}

/// Running interest on the open principal during the arrangement.
#[derive(Debug, Clone, Copy)]
pub struct RunningInterest<'a> {
    pub table: &'a RateTable,
    pub kind: InterestKind,
    pub from: NaiveDate,
}

/// The ledger of an arrangement on `today`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ledger {
    pub instalments: Vec<InstalmentState>,
    pub state: ArrangementState,
    pub scheduled_total: Decimal,
    pub paid_total: Decimal,
    /// The payments over the debt: costs → interest → principal (waived costs only once the
    /// arrangement is broken).
    pub allocation: Allocation,
    /// Scheduled and not yet paid.
    pub remaining: Decimal,
    /// Statutory interest that kept running on the open principal, accrued up to today (or the
    /// day the arrangement was completed), paid or not; zero when it does not run. Payments
    /// count towards the schedule first, so this comes on top of the remaining schedule.
    pub running_interest: Decimal,
    /// What the client owes now: the remaining schedule plus running interest; when broken,
    /// the whole remaining debt including waived costs.
    pub owed_now: Decimal,
}

impl Ledger {
    /// Computes the ledger. `payments` are (date, amount) in any order.
    #[allow(clippy::too_many_arguments)]
    pub fn compute(
        debt: &AcknowledgedDebt,
        costs_waived: bool,
        instalments: &[Instalment],
        payments: &[(NaiveDate, Decimal)],
        grace_days: u32,
        today: NaiveDate,
        running: Option<RunningInterest<'_>>,
    ) -> Ledger {
        let mut payments: Vec<(NaiveDate, Decimal)> = payments
            .iter()
            .copied()
            .filter(|(_, a)| *a > Decimal::ZERO)
            .collect();
        payments.sort_by_key(|(d, _)| *d);
        let scheduled_total: Decimal = instalments.iter().map(|i| i.amount).sum();
        let paid_total: Decimal = payments.iter().map(|(_, a)| *a).sum();

        // Fill the instalments in order with the cumulative payments.
        let mut states = Vec::with_capacity(instalments.len());
        let mut threshold = Decimal::ZERO;
        let mut broken: Option<NaiveDate> = None;
        for inst in instalments {
            let before = threshold;
            threshold += inst.amount;
            let mut cumulative = Decimal::ZERO;
            let mut paid_on = None;
            for (day, amount) in &payments {
                cumulative += *amount;
                if cumulative >= threshold {
                    paid_on = Some(*day);
                    break;
                }
            }
            let paid = (paid_total - before).clamp(Decimal::ZERO, inst.amount);
            let deadline = inst
                .due
                .checked_add_days(Days::new(u64::from(grace_days)))
                .unwrap_or(NaiveDate::MAX);
            let status = match paid_on {
                Some(day) if day <= inst.due => InstalmentStatus::Paid,
                Some(_) => InstalmentStatus::PaidLate,
                None if today <= inst.due => InstalmentStatus::Open,
                None if today <= deadline => InstalmentStatus::Overdue,
                None => InstalmentStatus::Missed,
            };
            // The vervalbeding applies the day after the grace period of an instalment that was
            // not paid in full by then, even if it was paid later.
            let late_beyond_grace = match paid_on {
                Some(day) => day > deadline,
                None => today > deadline,
            };
            if late_beyond_grace && broken.is_none() {
                broken = deadline.succ_opt();
            }
            states.push(InstalmentState {
                instalment: *inst,
                paid,
                paid_on,
                status,
            });
        }
        let completed_on = payments
            .iter()
            .scan(Decimal::ZERO, |sum, (day, amount)| {
                *sum += *amount;
                Some((*day, *sum))
            })
            .find(|(_, sum)| *sum >= scheduled_total)
            .map(|(day, _)| day);
        let mut state = match (broken, completed_on) {
            (Some(since), Some(on)) if on < since => ArrangementState::Completed { on },
            (Some(since), _) => ArrangementState::Broken { since },
            (None, Some(on)) => ArrangementState::Completed { on },
            (None, None) => ArrangementState::Active,
        };
        let counted_for = |state: ArrangementState| {
            debt.counted(
                costs_waived,
                matches!(state, ArrangementState::Broken { .. }),
            )
        };

        // Running interest, accrued up to `until`: the part of each payment beyond the
        // acknowledged costs and interest goes to the running interest and then the principal
        // (art. 6:44 BW). Payments count towards the schedule first, so all of it (paid or not)
        // comes on top of the schedule.
        let running_until = |until: NaiveDate, counted: &AcknowledgedDebt| -> Decimal {
            let Some(r) = running else {
                return Decimal::ZERO;
            };
            let mut first = counted.costs + counted.interest;
            let mut towards_principal = Vec::new();
            for (day, amount) in &payments {
                let used = first.min(*amount);
                first -= used;
                if *amount > used {
                    towards_principal.push((*day, *amount - used));
                }
            }
            compute_interest(
                r.table,
                r.kind,
                debt.principal,
                r.from,
                until,
                &towards_principal,
                Decimal::ZERO,
            )
            .map(|b| b.interest_total)
            .unwrap_or(Decimal::ZERO)
        };
        let mut running_interest = match state {
            ArrangementState::Completed { on } => running_until(on, &counted_for(state)),
            _ => running_until(today, &counted_for(state)),
        };
        // With running interest the arrangement is only done once that interest is paid too.
        if matches!(state, ArrangementState::Completed { .. })
            && paid_total < scheduled_total + running_interest
        {
            state = ArrangementState::Active;
            running_interest = running_until(today, &counted_for(state));
        }
        let counted = counted_for(state);
        let allocation = allocate(&counted, paid_total);
        let remaining = (scheduled_total - paid_total).max(Decimal::ZERO);
        let owed_now = if matches!(state, ArrangementState::Broken { .. }) {
            (debt.total() - paid_total).max(Decimal::ZERO) + running_interest
        } else {
            (scheduled_total + running_interest - paid_total).max(Decimal::ZERO)
        };
        Ledger {
            instalments: states,
            state,
            scheduled_total,
            paid_total,
            allocation,
            remaining,
            running_interest,
            owed_now,
        }
    }
}

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;
