//! The instalment schedule (aflossingsschema).

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

/// Most instalments an arrangement may have (five years monthly).
pub const MAX_INSTALMENTS: u32 = 60;

/// How the part after the down payment is split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleSpec {
    /// This many equal instalments, monthly from the first due date.
    Count(u32),
    /// Instalments of this amount (the last one less), monthly from the first due date.
    Amount(Decimal),
    /// Equal instalments on these dates (ascending).
    Dates(Vec<NaiveDate>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleInput {
    /// What the schedule covers (the acknowledged debt, less waived costs).
    pub total: Decimal,
    /// Aanbetaling; zero for none.
    pub down_payment: Decimal,
    pub down_payment_on: NaiveDate,
    /// The first instalment's due date (ignored for [`ScheduleSpec::Dates`]).
    pub first_due: NaiveDate,
    pub spec: ScheduleSpec,
}

/// Termijn: number 0 is the down payment, 1… the instalments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instalment {
    pub number: u32,
    pub due: NaiveDate,
    pub amount: Decimal,
}

/// Why a schedule cannot be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleIssue {
    /// Nothing to pay.
    NothingOwed,
    /// The down payment is negative or not less than the total.
    DownPaymentTooLarge,
    /// Count 0 or more than [`MAX_INSTALMENTS`], or an amount that needs more than that.
    InstalmentCount,
    /// An instalment amount of zero or less.
    AmountNotPositive,
    /// Dates not ascending, or the first instalment before the down payment.
    DatesOutOfOrder,
}

fn cents_down(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::ToZero)
}

/// The down payment (if any) and the instalments. Equal instalments are rounded down to the
/// cent and the last takes the remainder, so the schedule adds up to `total` exactly.
pub fn schedule(input: &ScheduleInput) -> Result<Vec<Instalment>, ScheduleIssue> {
    let total = input.total.round_dp(2);
    if total <= Decimal::ZERO {
        return Err(ScheduleIssue::NothingOwed);
    }
    let down = input.down_payment.round_dp(2);
    if down < Decimal::ZERO || down >= total {
        return Err(ScheduleIssue::DownPaymentTooLarge);
    }
    let rest = total - down;
    let monthly = |n: u32| -> Result<Vec<NaiveDate>, ScheduleIssue> {
        (0..n)
            .map(|i| {
                input
                    .first_due
                    .checked_add_months(Months::new(i))
                    .ok_or(ScheduleIssue::InstalmentCount)
            })
            .collect()
    };
    let (dates, amounts): (Vec<NaiveDate>, Vec<Decimal>) = match &input.spec {
        ScheduleSpec::Count(_) | ScheduleSpec::Dates(_) => {
            let dates = match &input.spec {
                ScheduleSpec::Dates(dates) => dates.clone(),
                ScheduleSpec::Count(n) if (1..=MAX_INSTALMENTS).contains(n) => monthly(*n)?,
                _ => return Err(ScheduleIssue::InstalmentCount),
            };
            let count = u32::try_from(dates.len()).map_err(|_| ScheduleIssue::InstalmentCount)?;
            if count == 0 || count > MAX_INSTALMENTS {
                return Err(ScheduleIssue::InstalmentCount);
            }
            let each = cents_down(rest / Decimal::from(count));
            if each <= Decimal::ZERO {
                return Err(ScheduleIssue::AmountNotPositive);
            }
            let mut amounts = vec![each; dates.len()];
            if let Some(last) = amounts.last_mut() {
                *last = rest - each * Decimal::from(count - 1);
            }
            (dates, amounts)
        }
        ScheduleSpec::Amount(amount) => {
            let amount = amount.round_dp(2);
            if amount <= Decimal::ZERO {
                return Err(ScheduleIssue::AmountNotPositive);
            }
            let full = (rest / amount).floor();
            let remainder = rest - full * amount;
            let count = full
                + if remainder > Decimal::ZERO {
                    Decimal::ONE
                } else {
                    Decimal::ZERO
                };
            let count = u32::try_from(count).map_err(|_| ScheduleIssue::InstalmentCount)?;
            if count == 0 || count > MAX_INSTALMENTS {
                return Err(ScheduleIssue::InstalmentCount);
            }
            let mut amounts = vec![amount; count as usize];
            if remainder > Decimal::ZERO {
                if let Some(last) = amounts.last_mut() {
                    *last = remainder;
                }
            }
            (monthly(count)?, amounts)
        }
    };
    let starts_after_down = dates.first().is_some_and(|d| *d >= input.down_payment_on);
    if !dates.windows(2).all(|w| w[0] < w[1]) || (down > Decimal::ZERO && !starts_after_down) {
        return Err(ScheduleIssue::DatesOutOfOrder);
    }
    let mut out = Vec::with_capacity(dates.len() + 1);
    if down > Decimal::ZERO {
        out.push(Instalment {
            number: 0,
            due: input.down_payment_on,
            amount: down,
        });
    }
    for (i, (due, amount)) in dates.into_iter().zip(amounts).enumerate() {
        out.push(Instalment {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            due,
            amount,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn input(total: Decimal, down: Decimal, spec: ScheduleSpec) -> ScheduleInput {
        ScheduleInput {
            total,
            down_payment: down,
            down_payment_on: d(2026, 12, 1),
            first_due: d(2027, 1, 1),
            spec,
        }
    }

    fn amounts(s: &[Instalment]) -> Vec<Decimal> {
        s.iter().map(|i| i.amount).collect()
    }

    #[test]
    fn equal_instalments_with_the_remainder_in_the_last() {
        let s = schedule(&input(dec!(1000.00), dec!(0), ScheduleSpec::Count(3))).unwrap();
        assert_eq!(amounts(&s), [dec!(333.33), dec!(333.33), dec!(333.34)]);
        let dates: Vec<NaiveDate> = s.iter().map(|i| i.due).collect();
        assert_eq!(dates, [d(2027, 1, 1), d(2027, 2, 1), d(2027, 3, 1)]);
        assert_eq!(s.iter().map(|i| i.amount).sum::<Decimal>(), dec!(1000.00));
    }

    #[test]
    fn a_down_payment_comes_first_as_number_zero() {
        let s = schedule(&input(dec!(2734.40), dec!(500), ScheduleSpec::Count(4))).unwrap();
        assert_eq!(
            s[0],
            Instalment {
                number: 0,
                due: d(2026, 12, 1),
                amount: dec!(500)
            }
        );
        assert_eq!(
            amounts(&s[1..]),
            [dec!(558.60), dec!(558.60), dec!(558.60), dec!(558.60)]
        );
        let s = schedule(&input(dec!(2734.41), dec!(500), ScheduleSpec::Count(4))).unwrap();
        assert_eq!(
            amounts(&s[1..]),
            [dec!(558.60), dec!(558.60), dec!(558.60), dec!(558.61)]
        );
    }

    #[test]
    fn by_amount_the_last_instalment_is_what_is_left() {
        let s = schedule(&input(
            dec!(1000),
            dec!(100),
            ScheduleSpec::Amount(dec!(250)),
        ))
        .unwrap();
        assert_eq!(
            amounts(&s),
            [dec!(100), dec!(250), dec!(250), dec!(250), dec!(150)]
        );
        let exact = schedule(&input(dec!(1000), dec!(0), ScheduleSpec::Amount(dec!(250)))).unwrap();
        assert_eq!(exact.len(), 4);
    }

    #[test]
    fn monthly_dates_keep_to_the_end_of_short_months() {
        let mut i = input(dec!(300), dec!(0), ScheduleSpec::Count(3));
        i.first_due = d(2027, 1, 31);
        let dates: Vec<NaiveDate> = schedule(&i).unwrap().iter().map(|x| x.due).collect();
        assert_eq!(dates, [d(2027, 1, 31), d(2027, 2, 28), d(2027, 3, 31)]);
    }

    #[test]
    fn chosen_dates_must_rise_and_follow_the_down_payment() {
        let ok = ScheduleSpec::Dates(vec![d(2027, 1, 15), d(2027, 3, 1)]);
        assert_eq!(schedule(&input(dec!(100), dec!(0), ok)).unwrap().len(), 2);
        let backwards = ScheduleSpec::Dates(vec![d(2027, 3, 1), d(2027, 1, 15)]);
        assert_eq!(
            schedule(&input(dec!(100), dec!(0), backwards)),
            Err(ScheduleIssue::DatesOutOfOrder)
        );
        let before_down = ScheduleSpec::Dates(vec![d(2026, 11, 1)]);
        assert_eq!(
            schedule(&input(dec!(100), dec!(10), before_down)),
            Err(ScheduleIssue::DatesOutOfOrder)
        );
    }

    #[test]
    fn impossible_schedules_are_refused() {
        assert_eq!(
            schedule(&input(dec!(0), dec!(0), ScheduleSpec::Count(3))),
            Err(ScheduleIssue::NothingOwed)
        );
        assert_eq!(
            schedule(&input(dec!(100), dec!(100), ScheduleSpec::Count(3))),
            Err(ScheduleIssue::DownPaymentTooLarge)
        );
        assert_eq!(
            schedule(&input(dec!(100), dec!(0), ScheduleSpec::Count(0))),
            Err(ScheduleIssue::InstalmentCount)
        );
        assert_eq!(
            schedule(&input(dec!(100), dec!(0), ScheduleSpec::Count(61))),
            Err(ScheduleIssue::InstalmentCount)
        );
        assert_eq!(
            schedule(&input(dec!(100), dec!(0), ScheduleSpec::Amount(dec!(1)))),
            Err(ScheduleIssue::InstalmentCount)
        );
        assert_eq!(
            schedule(&input(dec!(100), dec!(0), ScheduleSpec::Amount(dec!(0)))),
            Err(ScheduleIssue::AmountNotPositive)
        );
        assert_eq!(
            schedule(&input(dec!(0.02), dec!(0), ScheduleSpec::Count(3))),
            Err(ScheduleIssue::AmountNotPositive)
        );
    }
}
