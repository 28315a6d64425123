use super::*;
use crate::arrangement::{schedule, ScheduleInput, ScheduleSpec};
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const DEBT: AcknowledgedDebt = AcknowledgedDebt {
    principal: dec!(2420.00),
    interest: dec!(20.00),
    costs: dec!(296.00),
};

/// Down payment € 500 on 1 Dec 2026, then 4 monthly instalments from 1 Jan 2027.
fn plan(costs_waived: bool) -> Vec<Instalment> {
    let total = if costs_waived {
        DEBT.total() - DEBT.costs
    } else {
        DEBT.total()
    };
    schedule(&ScheduleInput {
        total,
        down_payment: dec!(500),
        down_payment_on: d(2026, 12, 1),
        first_due: d(2027, 1, 1),
        spec: ScheduleSpec::Count(4),
    })
    .unwrap()
}

fn ledger(payments: &[(NaiveDate, Decimal)], today: NaiveDate, waived: bool) -> Ledger {
    Ledger::compute(&DEBT, waived, &plan(waived), payments, 14, today, None)
}

#[test]
fn instalments_fill_in_order_and_show_paid_late_and_open() {
    let l = ledger(
        &[(d(2026, 12, 1), dec!(500)), (d(2027, 1, 5), dec!(559))],
        d(2027, 1, 10),
        false,
    );
    let statuses: Vec<InstalmentStatus> = l.instalments.iter().map(|i| i.status).collect();
    assert_eq!(
        statuses,
        [
            InstalmentStatus::Paid,
            InstalmentStatus::PaidLate,
            InstalmentStatus::Open,
            InstalmentStatus::Open,
            InstalmentStatus::Open
        ]
    );
    assert_eq!(l.state, ArrangementState::Active);
    // 559 exceeds instalment 1 (559.00): instalment 2 has nothing yet.
    assert_eq!(l.instalments[1].paid, dec!(559.00));
    assert_eq!(l.allocation.costs, dec!(296));
    assert_eq!(l.allocation.interest, dec!(20));
    assert_eq!(l.allocation.principal, dec!(743));
}

#[test]
fn an_instalment_within_the_grace_period_is_overdue_after_it_missed() {
    let paid = [
        (d(2026, 12, 1), dec!(500)),
        (d(2027, 1, 1), dec!(559)),
        (d(2027, 2, 1), dec!(559)),
    ];
    let overdue = ledger(&paid, d(2027, 3, 10), false);
    assert_eq!(overdue.instalments[3].status, InstalmentStatus::Overdue);
    assert_eq!(overdue.state, ArrangementState::Active);
    let missed = ledger(&paid, d(2027, 3, 16), false);
    assert_eq!(missed.instalments[3].status, InstalmentStatus::Missed);
    assert_eq!(
        missed.state,
        ArrangementState::Broken {
            since: d(2027, 3, 16)
        }
    );
    // The whole remaining debt is due at once.
    assert_eq!(missed.owed_now, DEBT.total() - dec!(1618));
}

#[test]
fn waived_costs_revive_when_the_arrangement_breaks() {
    let paid = [(d(2026, 12, 1), dec!(500))];
    let honoured = ledger(&paid, d(2026, 12, 15), true);
    assert_eq!(honoured.scheduled_total, dec!(2440.00));
    assert_eq!(honoured.allocation.costs, dec!(0));
    assert_eq!(honoured.allocation.interest, dec!(20));
    assert_eq!(honoured.owed_now, dec!(1940.00));
    let broken = ledger(&paid, d(2027, 1, 16), true);
    assert!(matches!(broken.state, ArrangementState::Broken { .. }));
    assert_eq!(broken.allocation.costs, dec!(296));
    assert_eq!(broken.owed_now, DEBT.total() - dec!(500));
}

#[test]
fn paying_everything_early_completes_the_arrangement() {
    let l = ledger(
        &[(d(2026, 12, 1), dec!(500)), (d(2026, 12, 20), dec!(2236))],
        d(2026, 12, 21),
        false,
    );
    assert_eq!(
        l.state,
        ArrangementState::Completed {
            on: d(2026, 12, 20)
        }
    );
    assert!(l
        .instalments
        .iter()
        .all(|i| i.status == InstalmentStatus::Paid));
    assert_eq!(l.owed_now, dec!(0));
}

#[test]
fn a_payment_after_the_grace_period_does_not_undo_the_acceleration() {
    let paid = [(d(2026, 12, 1), dec!(500)), (d(2027, 1, 20), dec!(559))];
    let l = ledger(&paid, d(2027, 1, 21), false);
    assert_eq!(l.instalments[1].status, InstalmentStatus::PaidLate);
    assert_eq!(
        l.state,
        ArrangementState::Broken {
            since: d(2027, 1, 16)
        }
    );
}

#[test]
fn statutory_interest_keeps_running_on_the_open_principal_only_when_agreed() {
    let table = RateTable::seeded();
    let running = RunningInterest {
        table: &table,
        kind: InterestKind::Statutory,
        from: d(2026, 12, 1),
    };
    let paid = [(d(2026, 12, 1), dec!(500))];
    let plan = plan(false);
    let with = Ledger::compute(
        &DEBT,
        false,
        &plan,
        &paid,
        14,
        d(2026, 12, 31),
        Some(running),
    );
    let without = Ledger::compute(&DEBT, false, &plan, &paid, 14, d(2026, 12, 31), None);
    assert_eq!(without.running_interest, dec!(0));
    // The € 500 paid on 1 December went to costs (296), interest (20) and € 184 further: the
    // running interest of 1 December itself (1 day at 4 % over € 2.420,00 = € 0,27, the payment
    // day counting inclusive) and then principal; then 30 days at 4 % over the € 2.236,27 left
    // = € 7,35: € 7,62 accrued in all, owed on top of the schedule.
    assert_eq!(with.running_interest, dec!(7.62));
    assert_eq!(with.owed_now, without.owed_now + dec!(7.62));
}

#[test]
fn with_running_interest_the_arrangement_is_done_only_when_that_interest_is_paid() {
    let table = RateTable::seeded();
    let running = RunningInterest {
        table: &table,
        kind: InterestKind::Statutory,
        from: d(2026, 12, 1),
    };
    let plan = plan(false);
    // Everything scheduled paid on 20 December; 19 days of interest are still open.
    let paid = [(d(2026, 12, 1), dec!(500)), (d(2026, 12, 20), dec!(2236))];
    let l = Ledger::compute(
        &DEBT,
        false,
        &plan,
        &paid,
        14,
        d(2026, 12, 21),
        Some(running),
    );
    assert_eq!(l.state, ArrangementState::Active);
    assert!(
        l.owed_now > dec!(0) && l.owed_now < dec!(10),
        "{}",
        l.owed_now
    );
    let settled = [
        (d(2026, 12, 1), dec!(500)),
        (d(2026, 12, 20), dec!(2236)),
        (d(2026, 12, 21), l.owed_now),
    ];
    let done = Ledger::compute(
        &DEBT,
        false,
        &plan,
        &settled,
        14,
        d(2026, 12, 22),
        Some(running),
    );
    assert!(
        matches!(done.state, ArrangementState::Completed { .. }),
        "{:?}",
        done.state
    );
}
