//! Transfer types of the follow-up: "Vandaag", the policy, letters, the dossier, disputes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mirror_enum!(
    /// Stap in het debiteurenbeleid.
    FollowUpStep => tijdig_domain::follow_up::FollowUpStep {
        ContactMoment, Reminder, Dunning, NoticeOfDefault, FourteenDayLetter, HandOver
    }
);
mirror_enum!(
    /// Kanaal van een stap.
    FollowUpChannel => tijdig_domain::follow_up::FollowUpChannel { Phone, Email, Letter, Message }
);
mirror_enum!(
    /// Soort dossierregel.
    DossierKind => tijdig_domain::follow_up::DossierKind {
        Letter, Email, Call, Note, Promise, Dispute, DisputeResolved, StepSkipped, HandOver, Payment,
        Arrangement, ArrangementPayment, Offer, Agreement, Waiver, Delivered, Message
    }
);

/// An invoice a step is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StepInvoice {
    pub id: i64,
    pub number: String,
    pub due_date: String,
    pub outstanding: String,
    pub days_overdue: i64,
}

/// One step to do: the same step for one or more invoices of a client, done in one go (one
/// letter covers them all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TodayStep {
    /// Stable key for the UI ("client:step").
    pub key: String,
    /// What to carry out (the policy's aanmaning may be the ingebrekestelling).
    pub step: FollowUpStep,
    /// The step as the policy names it.
    pub policy_step: FollowUpStep,
    pub step_label: String,
    pub channel: FollowUpChannel,
    pub channel_label: String,
    /// The earliest planned day among the invoices (yyyy-mm-dd).
    pub planned_on: String,
    pub invoices: Vec<StepInvoice>,
    pub total_outstanding: String,
    /// Why this step, in one sentence (e.g. "Vervallen sinds 05-11-2026").
    pub reason: String,
    /// The reference of this step's letter when it was made but not posted yet: the step is
    /// done once it is marked "verstuurd per post".
    pub awaiting_post: Option<String>,
    /// A text message (sms / WhatsApp) may carry out this step: the contact moment and the
    /// reminder, never a step that must be in writing.
    pub message_allowed: bool,
}

/// A client with steps due today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TodayClient {
    pub client_id: i64,
    pub client_name: String,
    pub client_kind: super::basics::ClientKind,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Advice for this debtor type.
    pub advice: String,
    pub steps: Vec<TodayStep>,
}

/// A step planned for a later day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpcomingStep {
    pub client_id: i64,
    pub client_name: String,
    pub invoice_id: i64,
    pub invoice_number: String,
    pub step_label: String,
    pub date: String,
}

/// An invoice whose ladder is paused by a dispute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PausedInvoice {
    pub client_id: i64,
    pub client_name: String,
    pub invoice_id: i64,
    pub invoice_number: String,
    pub reason: String,
}

/// "Vandaag": what to do today, what comes next, what is paused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Today {
    pub today: String,
    /// No steps are planned today (Sunday or a public holiday): why.
    pub rest_day: Option<String>,
    /// It is now between 20:00 and 07:00: call or send tomorrow.
    pub quiet_hours: Option<String>,
    /// "Rentetabel mogelijk niet actueel: …" when a step due today concerns a claim whose rate
    /// kind has no row in the last six months.
    pub rate_warning: Option<String>,
    pub clients: Vec<TodayClient>,
    pub upcoming: Vec<UpcomingStep>,
    pub paused: Vec<PausedInvoice>,
    /// Instalments of payment arrangements that need a contact or a reminder.
    pub instalments: Vec<InstalmentStep>,
    /// What periodic invoices made in the last week, and those still waiting to be issued.
    pub scheduled: Vec<ScheduledInvoice>,
    /// Letters by post made today ("Brieven van vandaag afdrukken").
    pub letters_by_post: u32,
}

/// One step of a policy, as shown and edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyStep {
    pub step: FollowUpStep,
    /// Days from the due date, as typed ("-7", "14").
    pub offset_days: String,
    pub channel: FollowUpChannel,
}

/// A follow-up policy (debiteurenbeleid).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpPolicy {
    pub steps: Vec<PolicyStep>,
    /// For a client: whether it has its own policy (otherwise the default applies).
    pub own: bool,
}

/// Saving a policy: the default (`clientId` null) or a client's own; `steps` null removes a
/// client's own policy.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyForm {
    pub client_id: Option<i64>,
    pub steps: Option<Vec<PolicyStep>>,
}

/// Result of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    Reached,
    NoAnswer,
    Voicemail,
}

/// Logging a call, an e-mail sent by hand, a note or a promise to pay.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContactForm {
    pub client_id: i64,
    pub invoice_ids: Vec<i64>,
    /// `call`, `email`, `note` or `promise`.
    pub kind: DossierKind,
    /// The ladder step this contact carries out, if any.
    pub step: Option<FollowUpStep>,
    pub outcome: Option<CallOutcome>,
    pub note: String,
    /// Betalingsbelofte: the day the client promised to pay (dd-mm-jjjj), may be empty.
    pub promised_on: String,
}

/// Producing the letter of a step for some invoices of one client.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LetterRequest {
    pub client_id: i64,
    /// The policy step this letter carries out.
    pub step: FollowUpStep,
    pub invoice_ids: Vec<i64>,
    pub channel: FollowUpChannel,
}

/// Skipping a step.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SkipRequest {
    pub client_id: i64,
    pub step: FollowUpStep,
    pub invoice_ids: Vec<i64>,
    pub note: String,
}

/// A letter as produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Letter {
    pub id: i64,
    pub reference: String,
    pub step: FollowUpStep,
    pub step_label: String,
    pub letter_date: String,
    pub total: String,
    pub invoice_numbers: Vec<String>,
    pub pdf_sha256: String,
    pub client_name: String,
    /// The proven delivery date, if recorded (dd-mm-jjjj).
    pub delivered_on: Option<String>,
    /// An e-mail letter that was made but has not gone out: its step is done once it is sent
    /// (from Tijdig, or marked as sent by hand).
    pub awaiting_email: bool,
    /// The day a posted letter went into the mail (dd-mm-jjjj), once the user said so.
    pub posted_on: Option<String>,
    /// A posted letter that was made but not posted yet: it starts nothing (no verzuim, term,
    /// costs) and its step is not done until it is marked "verstuurd per post".
    pub awaiting_post: bool,
}

/// An e-mail text to copy into the user's mail program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EmailText {
    pub to: Option<String>,
    pub subject: String,
    pub body: String,
}

/// What producing a letter gives: the letter and, for the e-mail channel, the message to send
/// with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LetterResult {
    pub letter: Letter,
    pub email: Option<EmailText>,
}

/// One line of a client's dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DossierEntry {
    pub id: i64,
    /// "22-11-2026 10:15".
    pub at: String,
    pub kind: DossierKind,
    pub kind_label: String,
    pub step_label: Option<String>,
    pub outcome_label: Option<String>,
    pub note: String,
    pub promised_on: Option<String>,
    pub letter: Option<Letter>,
    pub invoice_numbers: Vec<String>,
}

/// Opening a dispute (betwisting) on an invoice, or resolving it.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DisputeForm {
    pub invoice_id: i64,
    pub note: String,
}

/// The follow-up of one invoice, on its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceFollowUp {
    /// "Aanmaning op 16-11-2026", or why nothing is planned.
    pub next: String,
    pub disputed: Option<Dispute>,
    pub steps_done: Vec<String>,
    /// When the claim becomes time-barred (verjaring), in words.
    pub limitation: String,
    /// Within three months of (or past) the limitation date.
    pub limitation_warning: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dispute {
    pub opened_on: String,
    pub reason: String,
}

/// Something to do today for an instalment: a contact before it is due, a reminder when it
/// was missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstalmentStep {
    pub arrangement_id: i64,
    pub reference: String,
    pub client_id: i64,
    pub client_name: String,
    pub instalment: u32,
    /// `contact` or `reminder`.
    pub action: String,
    pub label: String,
    pub due: String,
    pub amount: String,
}

/// An invoice a schedule made (Vandaag, and the answer to a catch-up).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledInvoice {
    pub schedule_id: i64,
    pub client_id: i64,
    pub client_name: String,
    /// The invoice day (yyyy-mm-dd) the schedule made it for.
    pub invoice_day: String,
    pub period_label: String,
    /// `None` when the user deleted the draft.
    pub invoice_id: Option<i64>,
    /// The number once issued; a draft has none.
    pub invoice_number: Option<String>,
    /// Why it is still a draft although the schedule issues directly.
    pub problem: Option<String>,
}

/// A text message (sms / WhatsApp) to a client about some invoices, as Tijdig wrote it; the
/// user may change it before copying or opening it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MessageDraft {
    pub text: String,
    /// The `sms:` link with the text, when the client's number can be dialled; `None`: the
    /// message can only be copied.
    pub sms_link: Option<String>,
    /// The WhatsApp link (`https://wa.me/…`) with the text, when the number can be dialled.
    pub whatsapp_link: Option<String>,
}
