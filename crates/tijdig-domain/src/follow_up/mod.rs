//! Debiteurenbeleid: the ladder of follow-up steps after an invoice is issued, and what is due
//! today (nl-rules-sources §6.1–§6.4; shared/reference README "Contact with debtors").
//!
//! There is no statutory dunning sequence (§6.1); the law fixes only the triggers — verzuim,
//! interest, when costs may be charged. Tijdig's default follows the convention of §6.2:
//!
//! | Step | When | Channel |
//! |---|---|---|
//! | Contactmoment | 7 days before the due date | phone |
//! | Vriendelijke herinnering | due + 3 | e-mail |
//! | Aanmaning (B2C without verzuim: ingebrekestelling) | due + 14 | letter |
//! | 14-dagenbrief | due + 28, never before verzuim | letter |
//! | Sommatie / uit handen geven | due + 45, never before the 14-day term has passed | letter |
//!
//! A step is planned at its offset from the due date, but never sooner after the step before it
//! than the policy's spacing, so a ladder that fell behind (the app was closed) resumes one step
//! at a time instead of firing every letter on one day. Steps before the due date (the contact
//! moment) lapse once the due date has passed. No step is planned on a Sunday or public holiday
//! or on a day the debtor was already contacted ([`crate::next_contact_moment`]).

mod advice;
pub mod message;
mod plan;

pub use advice::advice;
pub use plan::{next_step, FollowUpFacts, NextStep, PlannedStep, WaitReason};

use crate::client::PreferredChannel;
use crate::codes::coded_enum;
use crate::Language;

coded_enum! {
    /// Stap in het debiteurenbeleid.
    pub enum FollowUpStep {
        /// Contactmoment: a service call or e-mail before the due date.
        ContactMoment => "contact_moment",
        /// Vriendelijke herinnering: friendly, no costs.
        Reminder => "reminder",
        /// Aanmaning: firmer; interest runs; B2B announces the costs. For a consumer not yet in
        /// verzuim it is sent as the ingebrekestelling.
        Dunning => "dunning",
        /// Ingebrekestelling: the written notice that starts a consumer's verzuim (art. 6:82 BW).
        NoticeOfDefault => "notice_of_default",
        /// Veertiendagenbrief: states the exact costs and the 14-day term (art. 6:96 lid 6 BW).
        FourteenDayLetter => "fourteen_day_letter",
        /// Sommatie / uit handen geven: the final demand with costs, then hand over.
        HandOver => "hand_over",
    }
}

coded_enum! {
    /// Kanaal van een stap.
    pub enum FollowUpChannel {
        Phone => "phone",
        Email => "email",
        /// A printed letter, posted (window envelope).
        Letter => "letter",
        /// Bericht: a text message (sms / WhatsApp) the user sends from their phone. Never
        /// written notice: only the contact moment and the reminder may go this way.
        Message => "message",
    }
}

coded_enum! {
    /// Soort dossierregel: what a dossier (communicatielog) entry records.
    pub enum DossierKind {
        Letter => "letter",
        Email => "email",
        Call => "call",
        Note => "note",
        /// Betalingsbelofte: the debtor promised to pay by a date.
        Promise => "promise",
        /// Betwisting geopend.
        Dispute => "dispute",
        DisputeResolved => "dispute_resolved",
        /// The user skipped a ladder step.
        StepSkipped => "step_skipped",
        /// Uit handen gegeven.
        HandOver => "hand_over",
        Payment => "payment",
        /// Betalingsregeling getroffen.
        Arrangement => "arrangement",
        /// Betaling op een betalingsregeling.
        ArrangementPayment => "arrangement_payment",
        /// Offerte: made final and sent, answered, followed up.
        Offer => "offer",
        /// Opdrachtbevestiging: made, countersigned copy registered, satisfaction asked.
        Agreement => "agreement",
        /// Kwijtschelding: the user gave up what was left of an invoice's interest and costs.
        Waiver => "waiver",
        /// Bezorgd: the proven delivery date of a letter (track & trace, read receipt).
        Delivered => "delivered",
        /// Bericht (sms / WhatsApp) the user sent from their phone, with its text.
        Message => "message",
    }
}

impl DossierKind {
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (DossierKind::Letter, Language::Nl) => "Brief",
            (DossierKind::Letter, Language::En) => "Letter",
            (DossierKind::Email, _) => "E-mail",
            (DossierKind::Call, Language::Nl) => "Telefoongesprek",
            (DossierKind::Call, Language::En) => "Phone call",
            (DossierKind::Note, Language::Nl) => "Notitie",
            (DossierKind::Note, Language::En) => "Note",
            (DossierKind::Promise, Language::Nl) => "Betalingsbelofte",
            (DossierKind::Promise, Language::En) => "Promise to pay",
            (DossierKind::Dispute, Language::Nl) => "Betwist",
            (DossierKind::Dispute, Language::En) => "Disputed",
            (DossierKind::DisputeResolved, Language::Nl) => "Betwisting opgelost",
            (DossierKind::DisputeResolved, Language::En) => "Dispute resolved",
            (DossierKind::StepSkipped, Language::Nl) => "Stap overgeslagen",
            (DossierKind::StepSkipped, Language::En) => "Step skipped",
            (DossierKind::HandOver, Language::Nl) => "Uit handen gegeven",
            (DossierKind::HandOver, Language::En) => "Handed over",
            (DossierKind::Payment, Language::Nl) => "Betaling",
            (DossierKind::Payment, Language::En) => "Payment",
            (DossierKind::Arrangement, Language::Nl) => "Betalingsregeling",
            (DossierKind::Arrangement, Language::En) => "Payment arrangement",
            (DossierKind::ArrangementPayment, Language::Nl) => "Betaling op regeling",
            (DossierKind::ArrangementPayment, Language::En) => "Arrangement payment",
            (DossierKind::Offer, Language::Nl) => "Offerte",
            (DossierKind::Offer, Language::En) => "Quotation",
            (DossierKind::Agreement, Language::Nl) => "Opdrachtbevestiging",
            (DossierKind::Agreement, Language::En) => "Confirmation",
            (DossierKind::Waiver, Language::Nl) => "Kwijtschelding",
            (DossierKind::Waiver, Language::En) => "Waiver",
            (DossierKind::Delivered, Language::Nl) => "Bezorgd",
            (DossierKind::Delivered, Language::En) => "Delivered",
            (DossierKind::Message, Language::Nl) => "Bericht (sms / WhatsApp)",
            (DossierKind::Message, Language::En) => "Message (text / WhatsApp)",
        }
    }
}

impl FollowUpStep {
    /// The step's name in the UI and in the dossier.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (FollowUpStep::ContactMoment, Language::Nl) => "Contactmoment",
            (FollowUpStep::ContactMoment, Language::En) => "Contact moment",
            (FollowUpStep::Reminder, Language::Nl) => "Herinnering",
            (FollowUpStep::Reminder, Language::En) => "Reminder",
            (FollowUpStep::Dunning, Language::Nl) => "Aanmaning",
            (FollowUpStep::Dunning, Language::En) => "Dunning letter",
            (FollowUpStep::NoticeOfDefault, Language::Nl) => "Ingebrekestelling",
            (FollowUpStep::NoticeOfDefault, Language::En) => "Notice of default",
            (FollowUpStep::FourteenDayLetter, Language::Nl) => "14-dagenbrief",
            (FollowUpStep::FourteenDayLetter, Language::En) => "14-day letter",
            (FollowUpStep::HandOver, Language::Nl) => "Sommatie / uit handen geven",
            (FollowUpStep::HandOver, Language::En) => "Final demand / hand over",
        }
    }

    /// Whether doing this step produces a letter (PDF); the contact moment is a call or message.
    pub fn is_letter(self) -> bool {
        self != FollowUpStep::ContactMoment
    }

    /// Whether a text message (sms / WhatsApp) may carry out this step: the contact moment and
    /// the friendly reminder only — never a step that must be in writing.
    pub fn may_be_a_message(self) -> bool {
        matches!(self, FollowUpStep::ContactMoment | FollowUpStep::Reminder)
    }
}

impl FollowUpChannel {
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (FollowUpChannel::Phone, Language::Nl) => "Telefoon",
            (FollowUpChannel::Phone, Language::En) => "Phone",
            (FollowUpChannel::Email, _) => "E-mail",
            (FollowUpChannel::Letter, Language::Nl) => "Brief (post)",
            (FollowUpChannel::Letter, Language::En) => "Letter (post)",
            (FollowUpChannel::Message, Language::Nl) => "Bericht (sms / WhatsApp)",
            (FollowUpChannel::Message, Language::En) => "Message (text / WhatsApp)",
        }
    }
}

/// One step of a policy: what, when (days from the due date; negative is before), how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyStep {
    pub step: FollowUpStep,
    pub offset_days: i32,
    pub channel: FollowUpChannel,
}

/// Debiteurenbeleid: the ordered steps. The user's default lives in Settings; a client may have
/// its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpPolicy {
    pub steps: Vec<PolicyStep>,
}

/// Why a policy cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyIssue {
    /// Step `index` comes before the step above it (offsets must rise).
    OutOfOrder { index: usize },
    /// Step `index` repeats a step kind already in the policy.
    Repeated { index: usize },
    /// Step `index` lies outside −60 … 365 days.
    OffsetOutOfRange { index: usize },
    /// A letter step by phone, or a contact moment not before the due date.
    ChannelNotPossible { index: usize },
    /// The 14-dagenbrief or the hand-over comes before the aanmaning.
    LegalOrder { index: usize },
    /// An aanmaning, ingebrekestelling, 14-dagenbrief or sommatie as a text message: these
    /// must be in writing (art. 6:82 lid 1, 6:96 lid 6 BW).
    NotInWriting { index: usize },
}

/// Offsets allowed in a policy, in days from the due date.
pub const OFFSET_RANGE: std::ops::RangeInclusive<i32> = -60..=365;

impl Default for FollowUpPolicy {
    fn default() -> Self {
        let step = |step, offset_days, channel| PolicyStep {
            step,
            offset_days,
            channel,
        };
        FollowUpPolicy {
            steps: vec![
                step(FollowUpStep::ContactMoment, -7, FollowUpChannel::Phone),
                step(FollowUpStep::Reminder, 3, FollowUpChannel::Email),
                step(FollowUpStep::Dunning, 14, FollowUpChannel::Letter),
                step(FollowUpStep::FourteenDayLetter, 28, FollowUpChannel::Letter),
                step(FollowUpStep::HandOver, 45, FollowUpChannel::Letter),
            ],
        }
    }
}

impl FollowUpPolicy {
    /// The policy as it applies to one client: a client who prefers letters ("Brief"), or who
    /// has no e-mail address, gets every e-mail step as a posted letter instead (issue 17 item
    /// 8: the ladder follows the client). Calls and the contact moment stay as they are.
    pub fn for_client(&self, preferred: PreferredChannel, has_email: bool) -> FollowUpPolicy {
        let by_post = preferred == PreferredChannel::Letter || !has_email;
        FollowUpPolicy {
            steps: self
                .steps
                .iter()
                .map(|s| PolicyStep {
                    channel: match s.channel {
                        FollowUpChannel::Email if by_post => FollowUpChannel::Letter,
                        other => other,
                    },
                    ..*s
                })
                .collect(),
        }
    }

    /// Checks the policy: rising offsets, each kind once, letters not by phone, the contact
    /// moment before the due date, and the legal order (aanmaning or ingebrekestelling before
    /// the 14-dagenbrief, the 14-dagenbrief before the hand-over). An empty policy is allowed:
    /// the user follows up by hand.
    pub fn validate(&self) -> Result<(), Vec<PolicyIssue>> {
        let mut issues = Vec::new();
        let position = |kind: FollowUpStep| self.steps.iter().position(|s| s.step == kind);
        for (index, s) in self.steps.iter().enumerate() {
            if !OFFSET_RANGE.contains(&s.offset_days) {
                issues.push(PolicyIssue::OffsetOutOfRange { index });
            }
            if self.steps[..index].iter().any(|p| p.step == s.step) {
                issues.push(PolicyIssue::Repeated { index });
            } else if index > 0 && s.offset_days < self.steps[index - 1].offset_days {
                issues.push(PolicyIssue::OutOfOrder { index });
            }
            let channel_ok = match s.step {
                FollowUpStep::ContactMoment => s.offset_days < 0,
                _ => s.channel != FollowUpChannel::Phone,
            };
            if !channel_ok {
                issues.push(PolicyIssue::ChannelNotPossible { index });
            } else if s.channel == FollowUpChannel::Message && !s.step.may_be_a_message() {
                issues.push(PolicyIssue::NotInWriting { index });
            }
            let must_follow: &[FollowUpStep] = match s.step {
                FollowUpStep::FourteenDayLetter => {
                    &[FollowUpStep::Dunning, FollowUpStep::NoticeOfDefault]
                }
                FollowUpStep::HandOver => &[
                    FollowUpStep::Dunning,
                    FollowUpStep::NoticeOfDefault,
                    FollowUpStep::FourteenDayLetter,
                ],
                _ => &[],
            };
            if must_follow
                .iter()
                .filter_map(|k| position(*k))
                .any(|p| p > index)
            {
                issues.push(PolicyIssue::LegalOrder { index });
            }
        }
        if issues.is_empty() {
            Ok(())
        } else {
            Err(issues)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(step: FollowUpStep, offset_days: i32, channel: FollowUpChannel) -> PolicyStep {
        PolicyStep {
            step,
            offset_days,
            channel,
        }
    }

    #[test]
    fn the_default_policy_is_valid_and_follows_the_convention() {
        let policy = FollowUpPolicy::default();
        assert_eq!(policy.validate(), Ok(()));
        let offsets: Vec<i32> = policy.steps.iter().map(|s| s.offset_days).collect();
        assert_eq!(offsets, [-7, 3, 14, 28, 45]);
    }

    #[test]
    fn a_client_who_prefers_letters_gets_every_e_mail_step_by_post() {
        let policy = FollowUpPolicy::default();
        assert!(policy
            .steps
            .iter()
            .any(|s| s.channel == FollowUpChannel::Email));
        for (preferred, has_email) in [
            (PreferredChannel::Letter, true),
            (PreferredChannel::Email, false),
        ] {
            let adapted = policy.for_client(preferred, has_email);
            assert!(adapted
                .steps
                .iter()
                .all(|s| s.channel != FollowUpChannel::Email));
            assert_eq!(adapted.steps.len(), policy.steps.len());
            assert!(adapted.validate().is_ok());
        }
        assert_eq!(policy.for_client(PreferredChannel::Email, true), policy);
        assert_eq!(policy.for_client(PreferredChannel::Phone, true), policy);
    }

    #[test]
    fn an_empty_policy_is_allowed() {
        assert_eq!(FollowUpPolicy { steps: vec![] }.validate(), Ok(()));
    }

    #[test]
    fn offsets_must_rise_and_kinds_appear_once() {
        let policy = FollowUpPolicy {
            steps: vec![
                step(FollowUpStep::Reminder, 10, FollowUpChannel::Email),
                step(FollowUpStep::Dunning, 5, FollowUpChannel::Letter),
                step(FollowUpStep::Reminder, 20, FollowUpChannel::Email),
            ],
        };
        assert_eq!(
            policy.validate(),
            Err(vec![
                PolicyIssue::OutOfOrder { index: 1 },
                PolicyIssue::Repeated { index: 2 }
            ])
        );
    }

    #[test]
    fn letters_cannot_go_by_phone_and_the_contact_moment_comes_before_the_due_date() {
        let policy = FollowUpPolicy {
            steps: vec![
                step(FollowUpStep::ContactMoment, 0, FollowUpChannel::Phone),
                step(FollowUpStep::Reminder, 3, FollowUpChannel::Phone),
            ],
        };
        assert_eq!(
            policy.validate(),
            Err(vec![
                PolicyIssue::ChannelNotPossible { index: 0 },
                PolicyIssue::ChannelNotPossible { index: 1 }
            ])
        );
    }

    #[test]
    fn the_fourteen_day_letter_cannot_precede_the_dunning_letter() {
        let policy = FollowUpPolicy {
            steps: vec![
                step(FollowUpStep::FourteenDayLetter, 14, FollowUpChannel::Letter),
                step(FollowUpStep::Dunning, 14, FollowUpChannel::Letter),
            ],
        };
        assert_eq!(
            policy.validate(),
            Err(vec![PolicyIssue::LegalOrder { index: 0 }])
        );
    }

    #[test]
    fn offsets_are_bounded() {
        let policy = FollowUpPolicy {
            steps: vec![step(FollowUpStep::Reminder, 400, FollowUpChannel::Email)],
        };
        assert_eq!(
            policy.validate(),
            Err(vec![PolicyIssue::OffsetOutOfRange { index: 0 }])
        );
    }

    #[test]
    fn a_text_message_may_be_the_contact_moment_or_the_reminder_never_a_written_step() {
        let policy = |steps: Vec<PolicyStep>| FollowUpPolicy { steps }.validate();
        assert_eq!(
            policy(vec![
                step(FollowUpStep::ContactMoment, -3, FollowUpChannel::Message),
                step(FollowUpStep::Reminder, 3, FollowUpChannel::Message),
            ]),
            Ok(())
        );
        assert_eq!(
            policy(vec![
                step(FollowUpStep::Reminder, 3, FollowUpChannel::Message),
                step(FollowUpStep::Dunning, 14, FollowUpChannel::Message),
                step(
                    FollowUpStep::FourteenDayLetter,
                    28,
                    FollowUpChannel::Message
                ),
            ]),
            Err(vec![
                PolicyIssue::NotInWriting { index: 1 },
                PolicyIssue::NotInWriting { index: 2 },
            ])
        );
    }
}
