use super::*;
use crate::follow_up::PolicyStep;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// An invoice due Monday 2 November 2026, as the default policy sees it.
fn facts(client: ClientKind, today: NaiveDate) -> FollowUpFacts {
    FollowUpFacts {
        client,
        due_date: d(2026, 11, 2),
        open: true,
        disputed: false,
        in_arrangement: false,
        default_start: (client == ClientKind::Business).then(|| d(2026, 11, 3)),
        done: vec![],
        costs_due_from: None,
        promised_on: None,
        last_contact_on: None,
        today,
    }
}

fn planned(f: &FollowUpFacts) -> PlannedStep {
    match next_step(&FollowUpPolicy::default(), f) {
        NextStep::Planned(p) => p,
        other => panic!("expected a planned step, got {other:?}"),
    }
}

#[test]
fn the_contact_moment_comes_seven_days_before_the_due_date() {
    let p = planned(&facts(ClientKind::Business, d(2026, 10, 20)));
    assert_eq!(p.step, FollowUpStep::ContactMoment);
    assert_eq!(p.channel, FollowUpChannel::Phone);
    assert_eq!(p.planned_on, d(2026, 10, 26));
    assert!(!p.is_due(d(2026, 10, 20)));
    assert!(p.is_due(d(2026, 10, 26)));
}

#[test]
fn a_contact_moment_not_made_lapses_after_the_due_date() {
    let p = planned(&facts(ClientKind::Business, d(2026, 11, 5)));
    assert_eq!(p.step, FollowUpStep::Reminder);
    assert_eq!(p.planned_on, d(2026, 11, 5));
    assert!(p.is_due(d(2026, 11, 5)));
}

#[test]
fn after_the_reminder_the_dunning_letter_follows_at_due_plus_14() {
    let mut f = facts(ClientKind::Business, d(2026, 11, 16));
    f.done = vec![(FollowUpStep::Reminder, d(2026, 11, 5))];
    let p = planned(&f);
    assert_eq!(p.step, FollowUpStep::Dunning);
    assert_eq!(p.planned_on, d(2026, 11, 16));
}

#[test]
fn a_ladder_that_fell_behind_keeps_its_spacing() {
    // The reminder went out 40 days late; the aanmaning waits the policy's 11 days after it.
    let mut f = facts(ClientKind::Business, d(2026, 12, 20));
    f.done = vec![(FollowUpStep::Reminder, d(2026, 12, 15))];
    let p = planned(&f);
    assert_eq!(p.step, FollowUpStep::Dunning);
    assert_eq!(p.planned_on, d(2026, 12, 26));
    // 26 December is Tweede Kerstdag and the 27th a Sunday: the letter is done on the 28th.
    assert_eq!(p.actionable_on, d(2026, 12, 28));
}

#[test]
fn a_step_that_fell_due_while_the_app_was_closed_appears_once_on_the_next_day() {
    let p = planned(&facts(ClientKind::Business, d(2026, 11, 20)));
    assert_eq!(p.step, FollowUpStep::Reminder);
    assert_eq!(p.planned_on, d(2026, 11, 5));
    assert_eq!(p.actionable_on, d(2026, 11, 20));
}

#[test]
fn nothing_is_planned_on_a_sunday_or_holiday() {
    // Due + 3 is Thursday 5 November; seen on Sunday 8 November it waits for Monday.
    let p = planned(&facts(ClientKind::Business, d(2026, 11, 8)));
    assert_eq!(p.actionable_on, d(2026, 11, 9));
    assert!(!p.is_due(d(2026, 11, 8)));
}

#[test]
fn one_contact_a_day_per_debtor() {
    let mut f = facts(ClientKind::Business, d(2026, 11, 5));
    f.last_contact_on = Some(d(2026, 11, 5));
    let p = planned(&f);
    assert_eq!(p.actionable_on, d(2026, 11, 6));
}

#[test]
fn for_a_consumer_not_in_default_the_dunning_letter_is_the_notice_of_default() {
    let mut f = facts(ClientKind::Consumer, d(2026, 11, 16));
    f.done = vec![(FollowUpStep::Reminder, d(2026, 11, 5))];
    let p = planned(&f);
    assert_eq!(p.policy_step, FollowUpStep::Dunning);
    assert_eq!(p.step, FollowUpStep::NoticeOfDefault);
}

#[test]
fn a_consumer_gets_the_fourteen_day_letter_only_once_in_default() {
    // Notice posted Monday 16 Nov, delivered Wed 18 Nov, term to 2 Dec: verzuim from 3 Dec.
    let mut f = facts(ClientKind::Consumer, d(2026, 11, 30));
    f.done = vec![
        (FollowUpStep::Reminder, d(2026, 11, 5)),
        (FollowUpStep::Dunning, d(2026, 11, 16)),
    ];
    f.default_start = Some(d(2026, 12, 3));
    let p = planned(&f);
    assert_eq!(p.step, FollowUpStep::FourteenDayLetter);
    assert_eq!(p.planned_on, d(2026, 12, 3));
    assert!(!p.is_due(d(2026, 11, 30)));
}

#[test]
fn without_a_step_that_starts_default_a_consumer_first_gets_the_notice_of_default() {
    let policy = FollowUpPolicy {
        steps: vec![PolicyStep {
            step: FollowUpStep::FourteenDayLetter,
            offset_days: 14,
            channel: FollowUpChannel::Letter,
        }],
    };
    let mut f = facts(ClientKind::Consumer, d(2026, 11, 30));
    let NextStep::Planned(p) = next_step(&policy, &f) else {
        panic!("the ingebrekestelling is planned");
    };
    assert_eq!(
        (p.policy_step, p.step),
        (FollowUpStep::NoticeOfDefault, FollowUpStep::NoticeOfDefault)
    );
    // Skipped as well: no 14-dagenbrief counts before verzuim, the ladder waits.
    f.done = vec![(FollowUpStep::NoticeOfDefault, d(2026, 11, 30))];
    assert_eq!(
        next_step(&policy, &f),
        NextStep::Waiting(WaitReason::DefaultNotStarted)
    );
}

#[test]
fn after_a_skipped_notice_of_default_the_ladder_offers_it_again_before_the_fourteen_day_letter() {
    // The consumer's aanmaning (carried out as the ingebrekestelling) was skipped on 16 Nov.
    let mut f = facts(ClientKind::Consumer, d(2026, 11, 30));
    f.done = vec![
        (FollowUpStep::Reminder, d(2026, 11, 5)),
        (FollowUpStep::Dunning, d(2026, 11, 16)),
    ];
    let p = planned(&f);
    assert_eq!(p.step, FollowUpStep::NoticeOfDefault);
    assert_eq!(p.policy_step, FollowUpStep::NoticeOfDefault);
}

#[test]
fn the_hand_over_waits_until_the_fourteen_day_term_has_passed() {
    let mut f = facts(ClientKind::Consumer, d(2026, 12, 20));
    f.done = vec![
        (FollowUpStep::Reminder, d(2026, 11, 5)),
        (FollowUpStep::Dunning, d(2026, 11, 16)),
        (FollowUpStep::FourteenDayLetter, d(2026, 12, 3)),
    ];
    f.default_start = Some(d(2026, 12, 3));
    f.costs_due_from = Some(d(2026, 12, 22));
    let p = planned(&f);
    assert_eq!(p.step, FollowUpStep::HandOver);
    assert_eq!(p.planned_on, d(2026, 12, 22));
}

#[test]
fn a_paid_invoice_stops_its_ladder() {
    let mut f = facts(ClientKind::Business, d(2026, 11, 20));
    f.open = false;
    assert_eq!(
        next_step(&FollowUpPolicy::default(), &f),
        NextStep::Waiting(WaitReason::Settled)
    );
}

#[test]
fn a_disputed_invoice_gets_no_letters() {
    let mut f = facts(ClientKind::Business, d(2026, 11, 20));
    f.disputed = true;
    assert_eq!(
        next_step(&FollowUpPolicy::default(), &f),
        NextStep::Waiting(WaitReason::Disputed)
    );
}

#[test]
fn a_promise_to_pay_holds_the_ladder_until_the_day_after() {
    let mut f = facts(ClientKind::Business, d(2026, 11, 5));
    f.promised_on = Some(d(2026, 11, 12));
    let p = planned(&f);
    assert_eq!(p.planned_on, d(2026, 11, 13));
}

#[test]
fn a_step_is_never_done_twice_and_the_ladder_finishes() {
    let mut f = facts(ClientKind::Business, d(2027, 3, 1));
    f.done = FollowUpPolicy::default()
        .steps
        .iter()
        .map(|s| (s.step, d(2026, 12, 1)))
        .collect();
    assert_eq!(
        next_step(&FollowUpPolicy::default(), &f),
        NextStep::Finished
    );
}

#[test]
fn an_honoured_payment_arrangement_pauses_the_ladder() {
    let mut f = facts(ClientKind::Consumer, d(2026, 11, 20));
    f.in_arrangement = true;
    assert_eq!(
        next_step(&FollowUpPolicy::default(), &f),
        NextStep::Waiting(WaitReason::Arrangement)
    );
}
