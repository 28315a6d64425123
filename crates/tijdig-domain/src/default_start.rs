//! Verzuim: the first day on which the debtor is in default, so statutory interest runs and
//! (B2B) the € 40 is owed (nl-rules-sources §2.1–§2.3; README "Statutory interest").
//!
//! | Situation | First day of verzuim | Article |
//! |---|---|---|
//! | B2B, agreed term | the day after the last agreed day of payment | 6:119a lid 1 BW |
//! | B2B, no agreed term | 30 days after the day following receipt of the invoice | 6:119a lid 2 sub a |
//! | B2B, large company debtor, longer term | the agreed term is nietig: as without a term | 6:119a lid 6 |
//! | B2C, agreed fatale termijn | the day after the term | 6:83 sub a BW |
//! | B2C, otherwise | the day after the term of the ingebrekestelling | 6:82 BW |
//!
//! The agreed term counts from the invoice date, as the vervaldatum on the invoice
//! ([`crate::due_date`]).

use chrono::{Days, NaiveDate};

use crate::codes::coded_enum;
use crate::dates::add_days;
use crate::ClientKind;

/// The statutory B2B term when none was agreed, and the cap for a large company debtor since
/// 1 July 2022 (art. 6:119a lid 2 and lid 6 BW).
pub const STATUTORY_TERM_DAYS: u32 = 30;

/// Longest term a large company debtor may agree with an SME/zzp creditor (art. 6:119a lid 6):
/// 60 days from 1 July 2017, 30 days from 1 July 2022 (judged by the invoice date; contracts
/// from before 1 July 2022 had until 1 July 2023 to comply, which Tijdig does not model).
fn large_company_cap(invoice_date: NaiveDate) -> Option<u32> {
    let from = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX);
    if invoice_date >= from(2022, 7) {
        Some(STATUTORY_TERM_DAYS)
    } else if invoice_date >= from(2017, 7) {
        Some(60)
    } else {
        None
    }
}

coded_enum! {
    /// Verzuimgrond: the rule that set the first day of verzuim.
    pub enum DefaultRule {
        /// Zakelijk: the day after the agreed last day of payment.
        BusinessAgreedTerm => "business_agreed_term",
        /// Zakelijk zonder afgesproken termijn: 30 days after the day following receipt.
        BusinessStatutoryTerm => "business_statutory_term",
        /// Zakelijk, grote onderneming als debiteur: the longer agreed term is nietig, the
        /// statutory 30 days apply.
        BusinessTermCapped => "business_term_capped",
        /// Particulier: the day after the agreed fatale termijn.
        ConsumerFatalTerm => "consumer_fatal_term",
        /// Particulier: the day after the term of the ingebrekestelling.
        ConsumerNotice => "consumer_notice",
    }
}

impl DefaultRule {
    /// The article a letter cites.
    pub fn article(self) -> &'static str {
        match self {
            DefaultRule::BusinessAgreedTerm => "art. 6:119a lid 1 BW",
            DefaultRule::BusinessStatutoryTerm => "art. 6:119a lid 2 BW",
            DefaultRule::BusinessTermCapped => "art. 6:119a lid 6 BW",
            DefaultRule::ConsumerFatalTerm => "art. 6:83 sub a BW",
            DefaultRule::ConsumerNotice => "art. 6:82 BW",
        }
    }
}

/// Ingebrekestelling: a written notice giving a term to pay, counted from the day after
/// bezorging (as the 14-dagenbrief).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoticeOfDefault {
    pub delivered_on: NaiveDate,
    pub term_days: u32,
}

/// Betalingsafspraak: what decides when an invoice falls into verzuim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentTerms {
    pub invoice_date: NaiveDate,
    /// Ontvangstdatum of the invoice, if known (B2B without an agreed term).
    pub receipt_date: Option<NaiveDate>,
    /// Afgesproken betaaltermijn in days from the invoice date; `None` when nothing was agreed.
    pub agreed_term_days: Option<u32>,
    /// B2C: the agreed term is a fatale termijn (stated in the offerte / algemene voorwaarden).
    pub term_is_fatal: bool,
    /// B2B: the debtor is a grote onderneming (art. 2:397 BW) and the user an SME/zzp'er.
    pub large_company_debtor: bool,
    /// B2C: the ingebrekestelling, if one was sent.
    pub notice: Option<NoticeOfDefault>,
}

/// Verzuim: the first day of default and the rule behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultStart {
    /// Eerste verzuimdag: interest runs from this day, inclusive.
    pub date: NaiveDate,
    pub rule: DefaultRule,
    /// B2B without a usable agreed term and no receipt date: the invoice date was taken as the
    /// day of receipt (the invoice is e-mailed on the day it is dated); the letter says so.
    pub receipt_assumed: bool,
}

/// The first day of verzuim, or `None` for a consumer who is not in verzuim yet (no fatale
/// termijn and no ingebrekestelling).
pub fn default_date(client: ClientKind, terms: &PaymentTerms) -> Option<DefaultStart> {
    match client {
        ClientKind::Business => Some(business(terms)),
        ClientKind::Consumer => consumer(terms),
    }
}

/// Art. 6:119a lid 1, 2 and 6 BW.
fn business(terms: &PaymentTerms) -> DefaultStart {
    let cap = large_company_cap(terms.invoice_date).filter(|_| terms.large_company_debtor);
    let statutory = |rule| DefaultStart {
        // "30 days after the start of the day following receipt": receipt + 1 + 30 (H2).
        date: add_days(
            terms.receipt_date.unwrap_or(terms.invoice_date),
            1 + u64::from(STATUTORY_TERM_DAYS),
        ),
        rule,
        receipt_assumed: terms.receipt_date.is_none(),
    };
    match terms.agreed_term_days {
        None => statutory(DefaultRule::BusinessStatutoryTerm),
        Some(days) if cap.is_some_and(|max| days > max) => {
            statutory(DefaultRule::BusinessTermCapped)
        }
        Some(days) => DefaultStart {
            date: day_after_term(terms.invoice_date, days),
            rule: DefaultRule::BusinessAgreedTerm,
            receipt_assumed: false,
        },
    }
}

/// Art. 6:83 sub a and 6:82 BW. Without an agreed term the claim is due at once (art. 6:38 BW),
/// so an ingebrekestelling can put the debtor in verzuim; with a term, not before it ends.
fn consumer(terms: &PaymentTerms) -> Option<DefaultStart> {
    let due = terms
        .agreed_term_days
        .map(|days| add_days(terms.invoice_date, u64::from(days)));
    if let (Some(due), true) = (due, terms.term_is_fatal) {
        return Some(DefaultStart {
            date: add_days(due, 1),
            rule: DefaultRule::ConsumerFatalTerm,
            receipt_assumed: false,
        });
    }
    let notice = terms.notice?;
    let notice_end = add_days(notice.delivered_on, u64::from(notice.term_days));
    let last_day = due.map_or(notice_end, |due| due.max(notice_end));
    Some(DefaultStart {
        date: add_days(last_day, 1),
        rule: DefaultRule::ConsumerNotice,
        receipt_assumed: false,
    })
}

fn day_after_term(from: NaiveDate, days: u32) -> NaiveDate {
    from.checked_add_days(Days::new(u64::from(days) + 1))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interest::{compute_interest, InterestKind, RateTable};
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn terms(invoice_date: NaiveDate, agreed_term_days: Option<u32>) -> PaymentTerms {
        PaymentTerms {
            invoice_date,
            receipt_date: None,
            agreed_term_days,
            term_is_fatal: false,
            large_company_debtor: false,
            notice: None,
        }
    }

    #[test]
    fn h1_b2b_verzuim_starts_the_day_after_the_agreed_term_and_the_payment_day_counts() {
        // H1: B2B invoice, agreed term ends 2024-02-29, paid 2024-03-30 →
        // interest days 2024-03-01..2024-03-30 = 30.
        let start = default_date(ClientKind::Business, &terms(d(2024, 2, 15), Some(14))).unwrap();
        assert_eq!(start.date, d(2024, 3, 1), "H1");
        assert_eq!(start.rule, DefaultRule::BusinessAgreedTerm);
        assert_eq!(start.rule.article(), "art. 6:119a lid 1 BW");
        let interest = compute_interest(
            &RateTable::seeded(),
            InterestKind::Commercial,
            dec!(1210),
            start.date,
            d(2024, 3, 30),
            &[],
            dec!(0),
        )
        .unwrap();
        assert_eq!(interest.days(), 30, "H1");
        assert_eq!(interest.interest_total, dec!(12.43), "H1 / B13");
    }

    #[test]
    fn h2_b2b_without_a_term_defaults_30_days_after_the_day_following_receipt() {
        // H2: B2B, no term agreed, invoice received Monday 2025-03-03 → handelsrente due
        // from 2025-04-03.
        let mut no_term = terms(d(2025, 2, 28), None);
        no_term.receipt_date = Some(d(2025, 3, 3));
        let start = default_date(ClientKind::Business, &no_term).unwrap();
        assert_eq!(start.date, d(2025, 4, 3), "H2");
        assert_eq!(start.rule, DefaultRule::BusinessStatutoryTerm);
        assert!(!start.receipt_assumed);
    }

    #[test]
    fn without_a_receipt_date_the_invoice_date_counts_as_receipt() {
        let start = default_date(ClientKind::Business, &terms(d(2025, 3, 3), None)).unwrap();
        assert_eq!(start.date, d(2025, 4, 3));
        assert!(start.receipt_assumed);
    }

    #[test]
    fn h4_a_large_company_debtor_cannot_stipulate_more_than_30_days() {
        // H4: large company debtor, zzp creditor, contract (2023) says 45 days → clause void;
        // 30 days applies (art. 6:119a lid 6 BW, since 2022-07-01).
        let mut long = terms(d(2023, 9, 1), Some(45));
        long.receipt_date = Some(d(2023, 9, 1));
        long.large_company_debtor = true;
        let start = default_date(ClientKind::Business, &long).unwrap();
        assert_eq!(start.date, d(2023, 10, 2), "H4: 30 days, not 45");
        assert_eq!(start.rule, DefaultRule::BusinessTermCapped);
        assert_eq!(start.rule.article(), "art. 6:119a lid 6 BW");

        long.large_company_debtor = false;
        let start = default_date(ClientKind::Business, &long).unwrap();
        assert_eq!(
            start.date,
            d(2023, 10, 17),
            "H4 without the flag: the 45 days stand"
        );
    }

    #[test]
    fn a_large_company_may_still_agree_30_days_or_less() {
        let mut short = terms(d(2023, 9, 1), Some(30));
        short.large_company_debtor = true;
        let start = default_date(ClientKind::Business, &short).unwrap();
        assert_eq!(start.rule, DefaultRule::BusinessAgreedTerm);
        assert_eq!(start.date, d(2023, 10, 2));
    }

    #[test]
    fn between_2017_and_2022_the_large_company_cap_was_60_days() {
        let mut term = terms(d(2020, 1, 10), Some(45));
        term.large_company_debtor = true;
        let start = default_date(ClientKind::Business, &term).unwrap();
        assert_eq!(start.rule, DefaultRule::BusinessAgreedTerm);
        term.agreed_term_days = Some(90);
        let start = default_date(ClientKind::Business, &term).unwrap();
        assert_eq!(start.rule, DefaultRule::BusinessTermCapped);
        assert_eq!(start.date, d(2020, 2, 10));
    }

    #[test]
    fn a_consumer_with_a_fatale_termijn_defaults_the_day_after_it() {
        let mut fatal = terms(d(2025, 3, 1), Some(14));
        fatal.term_is_fatal = true;
        let start = default_date(ClientKind::Consumer, &fatal).unwrap();
        assert_eq!(start.date, d(2025, 3, 16));
        assert_eq!(start.rule, DefaultRule::ConsumerFatalTerm);
        assert_eq!(start.rule.article(), "art. 6:83 sub a BW");
    }

    #[test]
    fn a_consumer_without_fatale_termijn_or_ingebrekestelling_is_not_in_verzuim() {
        assert_eq!(
            default_date(ClientKind::Consumer, &terms(d(2025, 3, 1), Some(14))),
            None
        );
        assert_eq!(
            default_date(ClientKind::Consumer, &terms(d(2025, 3, 1), None)),
            None
        );
    }

    #[test]
    fn a_consumer_defaults_the_day_after_the_term_of_the_ingebrekestelling() {
        let mut noticed = terms(d(2025, 3, 1), Some(14));
        noticed.notice = Some(NoticeOfDefault {
            delivered_on: d(2025, 3, 20),
            term_days: 14,
        });
        let start = default_date(ClientKind::Consumer, &noticed).unwrap();
        assert_eq!(start.date, d(2025, 4, 4));
        assert_eq!(start.rule, DefaultRule::ConsumerNotice);
        assert_eq!(start.rule.article(), "art. 6:82 BW");
    }

    #[test]
    fn an_ingebrekestelling_cannot_end_before_the_invoice_is_due() {
        let mut early = terms(d(2025, 3, 1), Some(30));
        early.notice = Some(NoticeOfDefault {
            delivered_on: d(2025, 3, 5),
            term_days: 7,
        });
        let start = default_date(ClientKind::Consumer, &early).unwrap();
        assert_eq!(
            start.date,
            d(2025, 4, 1),
            "the day after the due date 31 March"
        );
    }
}
