//! What is next on an invoice's ladder, and when.

use chrono::NaiveDate;

use super::{FollowUpChannel, FollowUpPolicy, FollowUpStep};
use crate::dates::{add_days, next_contact_moment, CONTACT_FROM_HOUR};
use crate::ClientKind;

/// What the planner knows about one issued invoice on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpFacts {
    pub client: ClientKind,
    pub due_date: NaiveDate,
    /// Something is still outstanding (issued, not fully paid or credited).
    pub open: bool,
    /// An open dispute (betwist): the ladder pauses.
    pub disputed: bool,
    /// Part of a payment arrangement that is being honoured: the ladder pauses; it resumes
    /// when the arrangement breaks (vervalbeding).
    pub in_arrangement: bool,
    /// The first day of verzuim as far as known today (B2C: only once an ingebrekestelling was
    /// sent, and then possibly in the future). See [`crate::default_date`].
    pub default_start: Option<NaiveDate>,
    /// Policy steps done (or skipped by the user) for this invoice, with the day.
    pub done: Vec<(FollowUpStep, NaiveDate)>,
    /// The first day the costs of a sent 14-dagenbrief are due (its term has passed).
    pub costs_due_from: Option<NaiveDate>,
    /// Betalingsbelofte: the debtor promised to pay by this day; nothing is planned before the
    /// day after.
    pub promised_on: Option<NaiveDate>,
    /// The last day this debtor was contacted, about any invoice.
    pub last_contact_on: Option<NaiveDate>,
    pub today: NaiveDate,
}

/// The next step of one invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedStep {
    /// The step as the policy names it (what is recorded as done).
    pub policy_step: FollowUpStep,
    /// The step to carry out: the policy's aanmaning becomes the ingebrekestelling for a
    /// consumer who is not in verzuim yet.
    pub step: FollowUpStep,
    pub channel: FollowUpChannel,
    /// The day the policy puts it on (offset, spacing, verzuim, term of the 14-dagenbrief).
    pub planned_on: NaiveDate,
    /// The first day it may be done: `planned_on`, or today when that has passed, moved past
    /// Sundays, public holidays and a day the debtor was already contacted.
    pub actionable_on: NaiveDate,
}

impl PlannedStep {
    /// Whether it belongs on "Vandaag".
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.actionable_on <= today
    }
}

/// Why an invoice has no next step for now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitReason {
    /// Nothing outstanding.
    Settled,
    /// Betwist: the ladder waits until the dispute is resolved.
    Disputed,
    /// A payment arrangement is being honoured.
    Arrangement,
    /// A consumer is not in verzuim and the user skipped the ingebrekestelling that would start
    /// it; the 14-dagenbrief cannot be sent before verzuim (nl-rules-sources §4.5 item 1).
    DefaultNotStarted,
}

/// The next step of an invoice's ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    Planned(PlannedStep),
    Waiting(WaitReason),
    /// Every step of the policy was done.
    Finished,
}

/// Plans the next step of `facts`' invoice under `policy` (see the module documentation).
pub fn next_step(policy: &FollowUpPolicy, facts: &FollowUpFacts) -> NextStep {
    if !facts.open {
        return NextStep::Waiting(WaitReason::Settled);
    }
    if facts.disputed {
        return NextStep::Waiting(WaitReason::Disputed);
    }
    if facts.in_arrangement {
        return NextStep::Waiting(WaitReason::Arrangement);
    }
    let done_on = |step: FollowUpStep| {
        facts
            .done
            .iter()
            .filter(|(s, _)| *s == step)
            .map(|(_, d)| *d)
            .max()
    };
    let mut previous: Option<(i32, NaiveDate)> = None;
    for s in &policy.steps {
        if let Some(day) = done_on(s.step) {
            previous = Some((s.offset_days, day));
            continue;
        }
        let by_offset = shift(facts.due_date, s.offset_days);
        if s.offset_days < 0 && facts.today > facts.due_date {
            // A contact before the due date makes no sense after it: the step lapses.
            continue;
        }
        let mut planned = by_offset;
        if let Some((offset, day)) = previous {
            planned = planned.max(shift(day, (s.offset_days - offset).max(1)));
        }
        let mut policy_step = s.step;
        let mut step = match s.step {
            FollowUpStep::Dunning
                if facts.client == ClientKind::Consumer && facts.default_start.is_none() =>
            {
                FollowUpStep::NoticeOfDefault
            }
            other => other,
        };
        match step {
            FollowUpStep::FourteenDayLetter => match facts.default_start {
                Some(start) => planned = planned.max(start),
                // The step that would have started verzuim was skipped (or the policy has
                // none): the ingebrekestelling comes first, once — skipped again, the ladder
                // waits, since no 14-dagenbrief counts before verzuim (§4.5 item 1).
                None if done_on(FollowUpStep::NoticeOfDefault).is_none() => {
                    policy_step = FollowUpStep::NoticeOfDefault;
                    step = FollowUpStep::NoticeOfDefault;
                }
                None => return NextStep::Waiting(WaitReason::DefaultNotStarted),
            },
            FollowUpStep::HandOver => {
                if let Some(from) = facts.costs_due_from {
                    planned = planned.max(from);
                }
            }
            _ => {}
        }
        if let Some(promised) = facts.promised_on {
            planned = planned.max(add_days(promised, 1));
        }
        let (actionable_on, _) = next_contact_moment(
            planned.max(facts.today),
            CONTACT_FROM_HOUR,
            facts.last_contact_on,
        );
        return NextStep::Planned(PlannedStep {
            policy_step,
            step,
            channel: s.channel,
            planned_on: planned,
            actionable_on,
        });
    }
    NextStep::Finished
}

fn shift(date: NaiveDate, days: i32) -> NaiveDate {
    let moved = if days >= 0 {
        date.checked_add_days(chrono::Days::new(u64::from(days.unsigned_abs())))
    } else {
        date.checked_sub_days(chrono::Days::new(u64::from(days.unsigned_abs())))
    };
    moved.unwrap_or(date)
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
