//! E-mail: the user's own mail server in Settings, the composer, and what was sent.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the connection to the mail server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MailSecurity {
    /// Port 587: plain connection upgraded with STARTTLS (required, never optional).
    #[default]
    Starttls,
    /// Port 465: TLS from the first byte.
    Tls,
}

/// Settings → E-mail as the user types it. An empty password keeps the one in the keychain.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MailSettingsForm {
    pub host: String,
    pub port: String,
    pub security: MailSecurity,
    pub username: String,
    pub password: String,
    pub from_name: String,
    pub from_address: String,
    pub reply_to: String,
    pub bcc_self: bool,
}

/// The stored settings (the password only as "there is one in the keychain").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MailSettings {
    pub host: String,
    pub port: String,
    pub security: MailSecurity,
    pub username: String,
    pub has_password: bool,
    pub from_name: String,
    pub from_address: String,
    pub reply_to: String,
    pub bcc_self: bool,
    /// Everything needed to send is filled in.
    pub configured: bool,
}

/// "Test verbinding": connected and logged in, or what failed, in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MailTestResult {
    pub ok: bool,
    pub message: String,
}

/// The composer, pre-filled from the template of the document's kind and language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EmailDraft {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// The files that go along (`Factuur 2026-0001.pdf`, `Factuur 2026-0001.xml`).
    pub attachments: Vec<String>,
}

/// What the user sends after editing the draft.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EmailForm {
    /// One or more addresses, separated by commas or semicolons.
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// When a reminder goes out, after Tijdig said it is outside the contact hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SendTiming {
    /// Now if the contact hours allow it; otherwise refused with `outside_contact_hours`.
    #[default]
    Check,
    /// Now, the user confirmed it.
    Now,
    /// At the next allowed moment (it goes out when Tijdig is open at or after it, once).
    Schedule,
}

/// A message Tijdig sent or tried to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SentEmail {
    pub id: i64,
    /// `scheduled`, `sending`, `sent`, `failed`, `unknown` (cut off mid-send: the user says
    /// whether it went) or `cancelled` (a scheduled message that should no longer go).
    pub status: String,
    /// For a scheduled message: dd-mm-jjjj hh:mm.
    pub scheduled_for: Option<String>,
    pub recipients: String,
    pub subject: String,
    /// dd-mm-jjjj hh:mm (when sent, or when tried).
    pub at: String,
    pub attachments: Vec<String>,
    pub server_response: Option<String>,
    /// Why it failed, in the user's language.
    pub error: Option<String>,
    /// `invoice`, and the document's number, for "Vandaag".
    pub document_kind: String,
    pub document_id: i64,
}

/// The invoice message template of one language, as Settings shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MailTemplate {
    pub language: super::basics::Language,
    pub subject: String,
    pub body: String,
    /// The user's own (false: Tijdig's built-in one).
    pub custom: bool,
}

/// Settings → E-mail → templates: one per document language, and the placeholders they may use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MailTemplates {
    pub invoice: Vec<MailTemplate>,
    pub placeholders: Vec<String>,
}

/// A template as the user wrote it; both fields empty restores the built-in one.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MailTemplateForm {
    pub language: super::basics::Language,
    pub subject: String,
    pub body: String,
}
