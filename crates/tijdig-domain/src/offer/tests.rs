#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use rust_decimal_macros::dec;

use super::checklist::{check, late_payment_clause, Severity};
use super::*;
use crate::Language;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A complete B2B offer: € 4.000 fixed + € 250 expenses, 21 %, 14 days, valid a month.
fn offer() -> OfferTerms {
    OfferTerms {
        client_kind: ClientKind::Business,
        large_company: false,
        offer_date: d(2026, 11, 22),
        valid_until: Some(d(2026, 12, 22)),
        price: OfferPrice::Fixed(dec!(4000)),
        expenses: dec!(250),
        vat: VatTreatment::Standard21,
        payment_term_days: 14,
        advance: Some(Advance::Percent(dec!(30))),
        milestones: vec![Milestone {
            description: "Ontwerp goedgekeurd".into(),
            amount: dec!(1500),
        }],
        late_payment_clause: true,
        terms_attached: true,
        attached_late_payment: None,
        price_incl_vat_shown: false,
        withdrawal_notice: false,
    }
}

#[test]
fn the_totals_include_expenses_and_btw_to_the_cent() {
    let t = offer().totals();
    assert_eq!(
        (t.excl_vat, t.vat, t.incl_vat),
        (dec!(4250), dec!(892.50), dec!(5142.50))
    );
    let mut hourly = offer();
    hourly.price = OfferPrice::Hourly {
        rate: dec!(85),
        hours: dec!(37.5),
    };
    hourly.expenses = dec!(0);
    assert_eq!(hourly.totals().incl_vat, dec!(3856.88)); // 3187.50 + 669.375 → 669.38
}

#[test]
fn the_schedule_is_advance_milestones_and_the_rest_and_adds_up_exactly() {
    let lines = payment_schedule(&offer()).unwrap();
    let amounts: Vec<_> = lines.iter().map(|l| (l.kind, l.amount)).collect();
    assert_eq!(
        amounts,
        vec![
            (ScheduleKind::Advance, dec!(1542.75)),
            (ScheduleKind::Milestone, dec!(1500)),
            (ScheduleKind::Final, dec!(2099.75)),
        ]
    );
    assert_eq!(
        lines.iter().map(|l| l.amount).sum::<Decimal>(),
        dec!(5142.50)
    );
}

#[test]
fn a_schedule_over_the_total_or_a_wild_advance_is_refused() {
    let mut over = offer();
    over.milestones.push(Milestone {
        description: "Extra".into(),
        amount: dec!(3000),
    });
    assert!(matches!(
        payment_schedule(&over),
        Err(ScheduleProblem::MoreThanTotal { .. })
    ));
    let mut wild = offer();
    wild.advance = Some(Advance::Percent(dec!(120)));
    assert_eq!(
        payment_schedule(&wild),
        Err(ScheduleProblem::AdvanceTooLarge)
    );
    let mut empty = offer();
    empty.milestones[0].amount = dec!(0);
    assert_eq!(
        payment_schedule(&empty),
        Err(ScheduleProblem::EmptyMilestone(0))
    );
    // Everything as advance leaves no final invoice.
    let mut all = offer();
    all.advance = Some(Advance::Percent(dec!(100)));
    all.milestones.clear();
    assert_eq!(payment_schedule(&all).unwrap().len(), 1);
}

#[test]
fn a_complete_business_offer_has_no_findings() {
    assert!(check(&offer(), d(2026, 11, 22)).is_empty());
}

#[test]
fn the_checklist_flags_what_is_missing_first_then_what_is_risky() {
    let mut o = offer();
    o.valid_until = None;
    o.late_payment_clause = false;
    o.terms_attached = false;
    let codes: Vec<_> = check(&o, d(2026, 11, 22))
        .iter()
        .map(|f| (f.code, f.severity))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("no_validity", Severity::Missing),
            ("no_late_payment_clause", Severity::Risky),
            ("no_terms", Severity::Risky),
        ]
    );
}

#[test]
fn a_term_over_30_days_for_a_large_company_is_void_and_over_60_risky_for_others() {
    let mut large = offer();
    large.large_company = true;
    large.payment_term_days = 45;
    assert_eq!(check(&large, d(2026, 11, 22))[0].code, "term_void");
    let mut long = offer();
    long.payment_term_days = 90;
    assert_eq!(check(&long, d(2026, 11, 22))[0].code, "term_long");
    long.payment_term_days = 60;
    assert!(check(&long, d(2026, 11, 22)).is_empty());
}

#[test]
fn a_consumer_needs_the_price_incl_btw_and_the_withdrawal_notice() {
    let mut c = offer();
    c.client_kind = ClientKind::Consumer;
    c.payment_term_days = 90; // no statutory maximum for consumers
    let codes: Vec<_> = check(&c, d(2026, 11, 22)).iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        vec!["consumer_price_excl_vat", "consumer_no_withdrawal"]
    );
    c.price_incl_vat_shown = true;
    c.withdrawal_notice = true;
    assert!(check(&c, d(2026, 11, 22)).is_empty());
}

#[test]
fn an_expired_validity_date_and_an_hourly_price_without_hours_are_flagged() {
    let mut o = offer();
    o.valid_until = Some(d(2026, 11, 1));
    o.price = OfferPrice::Hourly {
        rate: dec!(85),
        hours: dec!(0),
    };
    let codes: Vec<_> = check(&o, d(2026, 11, 22)).iter().map(|f| f.code).collect();
    assert!(
        codes.contains(&"validity_passed") && codes.contains(&"no_hours"),
        "{codes:?}"
    );
    for f in check(&o, d(2026, 11, 22)) {
        assert!(!f.message(Language::Nl).is_empty() && !f.message(Language::En).is_empty());
    }
}

#[test]
fn the_late_payment_clause_fits_the_client() {
    let b2b = late_payment_clause(ClientKind::Business, 14, Language::Nl);
    assert!(
        b2b.contains("14 dagen") && b2b.contains("fatale termijn") && b2b.contains("handelsrente")
    );
    assert!(b2b.contains("€ 40"));
    let b2c = late_payment_clause(ClientKind::Consumer, 14, Language::Nl);
    assert!(b2c.contains("herinnering met 14 dagen") && b2c.contains("wettelijke rente"));
    assert!(!b2c.contains("handelsrente") && !b2c.contains("fatale"));
}

#[test]
fn status_and_follow_up_follow_the_validity() {
    let valid = Some(d(2026, 12, 22));
    assert_eq!(
        offer_status(false, None, valid, d(2026, 12, 30)),
        OfferStatus::Concept
    );
    assert_eq!(
        offer_status(true, None, valid, d(2026, 12, 22)),
        OfferStatus::Sent
    );
    assert_eq!(
        offer_status(true, None, valid, d(2026, 12, 23)),
        OfferStatus::Expired
    );
    assert_eq!(
        offer_status(true, Some(true), valid, d(2027, 1, 5)),
        OfferStatus::Accepted
    );
    assert_eq!(
        offer_status(true, Some(false), valid, d(2026, 12, 1)),
        OfferStatus::Rejected
    );
    assert_eq!(
        follow_up_on(d(2026, 11, 22), d(2026, 12, 22)),
        d(2026, 12, 19)
    );
    assert_eq!(
        follow_up_on(d(2026, 11, 22), d(2026, 11, 23)),
        d(2026, 11, 22)
    );
}
