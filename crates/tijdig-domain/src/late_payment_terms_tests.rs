//! Contractual interest and costs, each figure computed by hand in the comment above it.

use chrono::NaiveDate;
use rust_decimal_macros::dec;

use super::*;
use crate::collection_costs::{CollectionCosts, CostsFacts, CostsRule, FourteenDayLetter};
use crate::dates::LetterChannel;
use crate::interest::{compute_claim, ClaimFacts, InterestKind, RateTable};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn monthly(percent: Decimal, compound: bool) -> ContractualInterest {
    ContractualInterest {
        percent,
        per: RatePeriod::Month,
        compound,
    }
}

fn yearly(percent: Decimal, compound: bool) -> ContractualInterest {
    ContractualInterest {
        percent,
        per: RatePeriod::Year,
        compound,
    }
}

fn claim(
    rate: ContractualInterest,
    principal: Decimal,
    first_day: NaiveDate,
    until: NaiveDate,
    payments: &[(NaiveDate, Decimal)],
) -> crate::interest::InterestBreakdown {
    compute_claim(
        &RateTable::seeded(),
        &ClaimFacts {
            kind: InterestKind::Commercial,
            principal,
            first_day,
            costs: &[],
            payments,
            waivers: &[],
            until,
            compound: rate.compound,
            contractual: Some(rate),
        },
    )
    .unwrap()
}

#[test]
fn one_percent_per_month_simple_is_one_percent_of_each_whole_month() {
    // € 1.000 from 1 March through 31 May 2026: March, April, May à 1 % = 3 × € 10,00.
    let b = claim(
        monthly(dec!(1), false),
        dec!(1000),
        d(2026, 3, 1),
        d(2026, 5, 31),
        &[],
    );
    let amounts: Vec<_> = b.segments.iter().map(|s| s.amount).collect();
    assert_eq!(amounts, vec![dec!(10.00), dec!(10.00), dec!(10.00)]);
    assert_eq!(b.interest_open, dec!(30.00));
    assert!(b
        .segments
        .iter()
        .all(|s| s.per == RatePeriod::Month && s.rate == dec!(1)));
    assert_eq!(b.contractual, Some(monthly(dec!(1), false)));
}

#[test]
fn a_month_only_partly_past_counts_its_days() {
    // Through 15 May: € 10,00 + € 10,00 + 1.000 × 1 % × 15/31 = 4,8387 → € 4,84; € 24,84.
    let b = claim(
        monthly(dec!(1), false),
        dec!(1000),
        d(2026, 3, 1),
        d(2026, 5, 15),
        &[],
    );
    assert_eq!(b.segments[2].days, 15);
    assert_eq!(b.segments[2].amount, dec!(4.84));
    assert_eq!(b.interest_open, dec!(24.84));
}

#[test]
fn months_count_from_the_first_day_of_verzuim_not_the_calendar() {
    // From 31 January 2026: the first month runs to 27 February (28 days), the next from
    // 28 February to 30 March (31 days). € 600 × 1,5 % = € 9,00 per whole month.
    let b = claim(
        monthly(dec!(1.5), false),
        dec!(600),
        d(2026, 1, 31),
        d(2026, 3, 30),
        &[],
    );
    let spans: Vec<_> = b
        .segments
        .iter()
        .map(|s| (s.from, s.to, s.amount))
        .collect();
    assert_eq!(
        spans,
        vec![
            (d(2026, 1, 31), d(2026, 2, 27), dec!(9.00)),
            (d(2026, 2, 28), d(2026, 3, 30), dec!(9.00)),
        ]
    );
}

#[test]
fn a_payment_mid_month_pays_interest_first_and_lowers_the_base_the_next_day() {
    // € 1.000 at 1 % per month from 1 March; € 500 paid on 16 March.
    // 1–16 March: 1.000 × 1 % × 16/31 = 5,1613 → € 5,16; the payment pays € 5,16 interest and
    // € 494,84 principal → € 505,16 open. 17–31 March: 505,16 × 1 % × 15/31 = 2,4443 → € 2,44;
    // April: 505,16 × 1 % = € 5,05. Interest € 12,65, of which € 7,49 open.
    let b = claim(
        monthly(dec!(1), false),
        dec!(1000),
        d(2026, 3, 1),
        d(2026, 4, 30),
        &[(d(2026, 3, 16), dec!(500))],
    );
    let amounts: Vec<_> = b.segments.iter().map(|s| s.amount).collect();
    assert_eq!(amounts, vec![dec!(5.16), dec!(2.44), dec!(5.05)]);
    assert_eq!(b.payments[0].to_interest, dec!(5.16));
    assert_eq!(b.principal_open, dec!(505.16));
    assert_eq!(b.interest_open, dec!(7.49));
}

#[test]
fn eight_percent_per_year_compounded_adds_the_first_years_interest_to_the_base() {
    // € 10.000 at 8 % per year from 1 March 2024: 1 March 2024 – 28 February 2025 is 365 days
    // → € 800,00, added to the base on 1 March 2025; the second year 10.800 × 8 % = € 864,00.
    let b = claim(
        yearly(dec!(8), true),
        dec!(10000),
        d(2024, 3, 1),
        d(2026, 2, 28),
        &[],
    );
    assert_eq!(b.capitalisations.len(), 1);
    assert_eq!(b.capitalisations[0].base_after, dec!(10800.00));
    assert_eq!(b.interest_open, dec!(1664.00));
    // Simple: twice € 800,00.
    let simple = claim(
        yearly(dec!(8), false),
        dec!(10000),
        d(2024, 3, 1),
        d(2026, 2, 28),
        &[],
    );
    assert!(simple.capitalisations.is_empty());
    assert_eq!(simple.interest_open, dec!(1600.00));
}

#[test]
fn a_monthly_rate_compounded_adds_each_years_interest_once_a_year() {
    // € 1.000 at 1 % per month from 1 January 2025: 2025 twelve × € 10,00 = € 120,00, then
    // base € 1.120 and 2026 twelve × € 11,20 = € 134,40: € 254,40.
    let b = claim(
        monthly(dec!(1), true),
        dec!(1000),
        d(2025, 1, 1),
        d(2026, 12, 31),
        &[],
    );
    assert_eq!(b.capitalisations[0].on, d(2026, 1, 1));
    assert_eq!(b.capitalisations[0].amount, dec!(120.00));
    assert_eq!(b.interest_open, dec!(254.40));
}

#[test]
fn the_interest_per_day_of_a_monthly_rate_is_twelve_times_it_per_year() {
    // 1.000 × 12 % / 365 = 0,3288 → € 0,33.
    let b = claim(
        monthly(dec!(1), false),
        dec!(1000),
        d(2026, 3, 1),
        d(2026, 3, 31),
        &[],
    );
    assert_eq!(b.interest_per_day(), dec!(0.33));
}

#[test]
fn percentage_costs_have_their_minimum_and_never_go_below_forty_euros() {
    let costs = ContractualCosts::Percent {
        percent: dec!(15),
        minimum: dec!(75),
    };
    // 15 % of € 1.000 = € 150,00; of € 300 = € 45,00 → the minimum € 75,00.
    assert_eq!(costs.amount(dec!(1000)), dec!(150.00));
    assert_eq!(costs.amount(dec!(300)), dec!(75));
    // 10 % of € 123,45 = 12,345 → € 12,35, no minimum typed → the statutory € 40.
    let low = ContractualCosts::Percent {
        percent: dec!(10),
        minimum: dec!(0),
    };
    assert_eq!(low.amount(dec!(123.45)), dec!(40));
    // Nothing open, no costs.
    assert_eq!(costs.amount(dec!(0)), dec!(0));
}

#[test]
fn fixed_costs_are_charged_per_invoice_but_never_below_forty_euros() {
    assert_eq!(
        ContractualCosts::Fixed { amount: dec!(100) }.amount(dec!(50)),
        dec!(100)
    );
    assert_eq!(
        ContractualCosts::Fixed { amount: dec!(25) }.amount(dec!(5000)),
        dec!(40)
    );
}

#[test]
fn a_clause_above_the_staffel_is_flagged_as_one_a_court_may_moderate() {
    // Staffel over € 1.000 is € 150: 15 % asks the same, 20 % (€ 200) more.
    let fifteen = ContractualCosts::Percent {
        percent: dec!(15),
        minimum: dec!(0),
    };
    let twenty = ContractualCosts::Percent {
        percent: dec!(20),
        minimum: dec!(0),
    };
    assert!(!fifteen.above_staffel(dec!(1000)));
    assert!(twenty.above_staffel(dec!(1000)));
}

#[test]
fn contractual_costs_replace_the_forty_euros_for_a_business_from_the_first_day_of_verzuim() {
    let facts = CostsFacts {
        client: ClientKind::Business,
        principal: dec!(2000),
        first_day_of_default: d(2026, 3, 1),
        staffel_stipulated: true,
        contractual: Some(ContractualCosts::Percent {
            percent: dec!(10),
            minimum: dec!(50),
        }),
        letter: None,
        btw_surcharge: false,
    };
    let costs = CollectionCosts::assess(&facts, d(2026, 3, 1));
    assert_eq!(costs.rule, CostsRule::BusinessContractual);
    assert_eq!(costs.amount, dec!(200.00));
    assert_eq!(costs.owed, dec!(200.00));
}

#[test]
fn a_consumer_owes_only_the_staffel_whatever_the_clause_says() {
    // 20 % of € 1.000 would be € 200; the staffel is € 150, and only after a 14-dagenbrief.
    let facts = CostsFacts {
        client: ClientKind::Consumer,
        principal: dec!(1000),
        first_day_of_default: d(2026, 3, 1),
        staffel_stipulated: false,
        contractual: Some(ContractualCosts::Percent {
            percent: dec!(20),
            minimum: dec!(0),
        }),
        letter: Some(FourteenDayLetter {
            sent_on: d(2026, 3, 2),
            channel: LetterChannel::Email,
            delivered_on: None,
        }),
        btw_surcharge: false,
    };
    let costs = CollectionCosts::assess(&facts, d(2026, 6, 1));
    assert_eq!(costs.rule, CostsRule::ConsumerAfterLetter);
    assert_eq!(costs.amount, dec!(150.00));
}

#[test]
fn the_terms_apply_to_business_clients_only() {
    let accepted = AcceptedTerms {
        version: 3,
        terms: LatePaymentTerms {
            interest: Some(monthly(dec!(1), false)),
            costs: None,
            fatal_term: true,
        },
    };
    assert_eq!(accepted.for_client(ClientKind::Business), Some(accepted));
    assert_eq!(accepted.for_client(ClientKind::Consumer), None);
    // A version without any contractual term leaves the statutory claim.
    let nothing = AcceptedTerms {
        version: 2,
        terms: LatePaymentTerms {
            interest: None,
            costs: None,
            fatal_term: true,
        },
    };
    assert_eq!(nothing.for_client(ClientKind::Business), None);
}

#[test]
fn a_rate_below_the_handelsrente_is_recognised() {
    let half = LatePaymentTerms {
        interest: Some(monthly(dec!(0.5), false)),
        costs: None,
        fatal_term: false,
    };
    // 0,5 % per month = 6 % per year < 10,40 %; 1 % per month = 12 % > 10,40 %.
    assert!(half.interest_below(dec!(10.40)));
    let one = LatePaymentTerms {
        interest: Some(monthly(dec!(1), false)),
        ..half
    };
    assert!(!one.interest_below(dec!(10.40)));
}

#[test]
fn the_basis_is_named_in_the_letters_words() {
    let accepted = AcceptedTerms {
        version: 3,
        terms: LatePaymentTerms {
            interest: Some(monthly(dec!(1), false)),
            costs: None,
            fatal_term: false,
        },
    };
    assert_eq!(
        interest_basis(
            InterestKind::Commercial,
            Some(&accepted),
            Language::Nl,
            Voice::User
        ),
        "contractuele rente 1 % per maand volgens je algemene voorwaarden, versie 3"
    );
    assert_eq!(
        interest_basis(InterestKind::Commercial, None, Language::Nl, Voice::Letter),
        "wettelijke handelsrente (art. 6:119a BW)"
    );
    // Costs are not stipulated by this version: no costs basis of its own.
    assert_eq!(
        costs_basis(Some(&accepted), Language::Nl, Voice::Letter),
        None
    );
    let with_costs = AcceptedTerms {
        terms: LatePaymentTerms {
            costs: Some(ContractualCosts::Fixed { amount: dec!(75) }),
            ..accepted.terms
        },
        ..accepted
    };
    assert_eq!(
        costs_basis(Some(&with_costs), Language::Nl, Voice::Letter).unwrap(),
        "€ 75,00 per factuur, volgens mijn algemene voorwaarden, versie 3"
    );
    assert_eq!(
        segment_rate(dec!(1), RatePeriod::Month, Language::Nl),
        "1 % per maand"
    );
    assert_eq!(
        segment_rate(dec!(10.40), RatePeriod::Year, Language::Nl),
        "10,40 %"
    );
    assert_eq!(
        yearly(dec!(8.5), true).describe(Language::En),
        "contractual interest 8.5% per year, compounded"
    );
}

#[test]
fn the_offer_clause_states_the_stipulated_terms() {
    let terms = LatePaymentTerms {
        interest: Some(monthly(dec!(1), false)),
        costs: Some(ContractualCosts::Percent {
            percent: dec!(15),
            minimum: dec!(40),
        }),
        fatal_term: true,
    };
    let text = business_clause(&terms, 14, Language::Nl);
    assert!(text.contains("14 dagen"), "{text}");
    assert!(text.contains("fatale termijn"), "{text}");
    assert!(text.contains("1 % per maand"), "{text}");
    assert!(
        text.contains("15 % van de hoofdsom, minimaal € 40,00"),
        "{text}"
    );
}

fn input<'a>() -> LatePaymentTermsInput<'a> {
    LatePaymentTermsInput {
        interest_percent: "1",
        interest_per: RatePeriod::Month,
        compound: false,
        costs: CostsChoice::Percent,
        costs_percent: "15",
        costs_minimum: "",
        costs_amount: "",
        fatal_term: true,
    }
}

#[test]
fn the_form_reads_dutch_percentages_and_amounts() {
    let terms = check_terms(&LatePaymentTermsInput {
        interest_percent: "1,5%",
        costs_minimum: "75,00",
        ..input()
    })
    .unwrap();
    assert_eq!(terms.interest.unwrap().percent, dec!(1.5));
    assert_eq!(
        terms.costs,
        Some(ContractualCosts::Percent {
            percent: dec!(15),
            minimum: dec!(75.00)
        })
    );
    let statutory = check_terms(&LatePaymentTermsInput {
        interest_percent: " ",
        costs: CostsChoice::Statutory,
        ..input()
    })
    .unwrap();
    assert_eq!(statutory.interest, None);
    assert_eq!(statutory.costs, None);
}

#[test]
fn the_form_refuses_each_wrong_value_at_its_field() {
    let fields = |i: LatePaymentTermsInput<'_>| -> Vec<&'static str> {
        check_terms(&i)
            .unwrap_err()
            .into_iter()
            .map(|f| f.field)
            .collect()
    };
    // 12 % per month is a yearly rate typed in the wrong period.
    assert_eq!(
        fields(LatePaymentTermsInput {
            interest_percent: "12",
            ..input()
        }),
        vec!["interestPercent"]
    );
    assert_eq!(
        fields(LatePaymentTermsInput {
            interest_percent: "0",
            costs_percent: "",
            ..input()
        }),
        vec!["interestPercent", "costsPercent"]
    );
    assert_eq!(
        fields(LatePaymentTermsInput {
            costs: CostsChoice::Fixed,
            costs_amount: "veel",
            ..input()
        }),
        vec!["costsAmount"]
    );
    // 12 per year is fine.
    assert!(check_terms(&LatePaymentTermsInput {
        interest_percent: "12",
        interest_per: RatePeriod::Year,
        ..input()
    })
    .is_ok());
}
