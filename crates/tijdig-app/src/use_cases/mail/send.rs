//! Sending an issued invoice by e-mail: the composer's draft from the template, the message
//! with the signed PDF (and the UBL e-invoice) attached byte for byte as stored, and the record.
//!
//! Order of events, so nothing is lost and nothing goes twice: the message is stored as
//! `sending` (committed) before the server is contacted; the server is contacted without
//! holding the database; the outcome and its dossier entry are stored in one transaction. Only
//! a failed message, or one cut off mid-send (`unknown`, `interrupted.rs`), can be sent again,
//! under the same Message-ID.

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Message, Transport};
use tijdig_domain::follow_up::DossierKind;
use tijdig_domain::Language;
use tijdig_store::{
    EmailOutcome, NewDossierEntry, NewSentEmail, SentEmailRecord, Store, StoreError,
};

use super::{explain, templates, unresolvable, valid_address, MailConfig};
use crate::plumbing::file_names::document_base_name;
use crate::plumbing::format::say;
use crate::plumbing::hashing::sha256_hex;
use crate::services::invoice_settings::{payment_link, payment_link_template};
use crate::services::ubl::ubl_in_store;
use crate::services::ubl::UblProfile;
use crate::{dto, App, AppError, ErrorCode, FieldMessage};

/// One file that goes along.
pub(super) struct Part {
    pub(super) name: String,
    pub(super) mime: &'static str,
    pub(super) bytes: Vec<u8>,
}

pub(super) fn store_err(lang: Language) -> impl Fn(StoreError) -> AppError {
    move |e| AppError::from_store(e, lang)
}

/// The recipients of `to`: addresses separated by commas or semicolons.
pub(super) fn recipients(to: &str) -> Vec<String> {
    to.split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl App {
    /// The issued invoice's PDF and, when it can be made, its UBL e-invoice.
    fn invoice_parts(
        &self,
        store: &Store,
        id: i64,
        lang: Language,
    ) -> Result<(String, Vec<Part>), AppError> {
        let record = store.invoice(id).map_err(store_err(lang))?;
        let Some(issued) = record.issued.as_ref() else {
            return Err(AppError {
                code: ErrorCode::Validation,
                message: say(
                    lang,
                    "Alleen een uitgereikte factuur kan worden verstuurd.",
                    "Only an issued invoice can be sent.",
                ),
                fields: Vec::new(),
            });
        };
        let client = store
            .client(record.draft.client_id)
            .map_err(store_err(lang))?
            .client;
        let base = document_base_name(record.draft.kind, &issued.number, client.document_language);
        let mut parts = vec![Part {
            name: format!("{base}.pdf"),
            mime: "application/pdf",
            bytes: store.invoice_pdf(id).map_err(store_err(lang))?,
        }];
        if let Ok((name, bytes)) = ubl_in_store(store, id, UblProfile::SiUbl, lang) {
            parts.push(Part {
                name,
                mime: "application/xml",
                bytes,
            });
        }
        Ok((issued.number.clone(), parts))
    }

    /// A stored letter's PDF (`Herinnering 2026-B0001.pdf`), its client and reference.
    fn letter_parts(
        &self,
        store: &Store,
        id: i64,
        lang: Language,
    ) -> Result<(i64, String, Vec<Part>), AppError> {
        let record = store.letter(id).map_err(store_err(lang))?;
        let title = crate::services::files::letter_title(store, id).map_err(store_err(lang))?;
        let name = format!("{title}.pdf");
        let pdf = store.letter_pdf(id).map_err(store_err(lang))?;
        Ok((
            record.client_id,
            title,
            vec![Part {
                name,
                mime: "application/pdf",
                bytes: pdf,
            }],
        ))
    }

    /// What a document is called in the dossier, its client and its attachments.
    pub(super) fn document_parts(
        &self,
        store: &Store,
        kind: &str,
        id: i64,
        lang: Language,
    ) -> Result<(i64, String, Vec<Part>), AppError> {
        match kind {
            "letter" => self.letter_parts(store, id, lang),
            "offer" | "agreement" => self.offer_parts(store, kind, id, lang),
            _ => {
                let record = store.invoice(id).map_err(store_err(lang))?;
                let (number, parts) = self.invoice_parts(store, id, lang)?;
                let title = record.draft.kind.title(lang);
                Ok((record.draft.client_id, format!("{title} {number}"), parts))
            }
        }
    }

    /// The composer for a letter: to the client's address, the letter attached. (The message
    /// text made with the letter is what the screen fills in; this is the fallback.)
    pub fn letter_email_draft(&self, id: i64) -> Result<dto::EmailDraft, AppError> {
        self.with_store(|store, lang| {
            let (client_id, label, parts) = self.letter_parts(store, id, lang)?;
            let client = store.client(client_id).map_err(store_err(lang))?.client;
            Ok(dto::EmailDraft {
                to: client.email.clone().unwrap_or_default(),
                subject: label.clone(),
                body: match client.document_language {
                    Language::Nl => format!(
                        "Beste {},\n\nIn de bijlage vind je {}.\n",
                        client.contact_person.as_deref().unwrap_or(&client.name),
                        label.to_lowercase()
                    ),
                    Language::En => format!(
                        "Dear {},\n\nPlease find attached {}.\n",
                        client.contact_person.as_deref().unwrap_or(&client.name),
                        label.to_lowercase()
                    ),
                },
                attachments: parts.into_iter().map(|p| p.name).collect(),
            })
        })
    }

    /// Sends a produced letter (a reminder, dunning letter …) by e-mail, as written.
    /// A letter goes to a debtor: outside the contact hours it is refused unless the user
    /// confirms (`Now`) or schedules it (`Schedule`).
    pub fn send_letter_email(
        &self,
        id: i64,
        form: &dto::EmailForm,
        timing: dto::SendTiming,
    ) -> Result<dto::SentEmail, AppError> {
        self.send_document_email("letter", id, form, timing)
    }

    /// The composer for an issued invoice, from the template in the client's language.
    pub fn invoice_email_draft(&self, id: i64) -> Result<dto::EmailDraft, AppError> {
        self.with_store(|store, lang| {
            let record = store.invoice(id).map_err(store_err(lang))?;
            let (number, parts) = self.invoice_parts(store, id, lang)?;
            let client = store
                .client(record.draft.client_id)
                .map_err(store_err(lang))?
                .client;
            let profile = store
                .profile()
                .map_err(store_err(lang))?
                .ok_or_else(|| AppError::from_store(StoreError::NotFound, lang))?;
            let facts = self.facts(store, &record).map_err(store_err(lang))?;
            let doc_lang = client.document_language;
            let sender = store
                .setting(super::FROM_NAME)
                .map_err(store_err(lang))?
                .unwrap_or_default();
            // Printed in groups of four, as on the invoice.
            let iban =
                crate::plumbing::format::grouped(profile.iban.as_deref().unwrap_or_default());
            let holder = profile
                .account_holder
                .clone()
                .unwrap_or_else(|| profile.trade_name.clone());
            let reference = crate::plumbing::format::grouped(
                record
                    .issued
                    .as_ref()
                    .map_or("", |i| i.payment_reference.as_str()),
            );
            // The same link as on the invoice: its total, reference and number.
            let link = payment_link(
                payment_link_template(store).as_deref(),
                facts.total,
                record
                    .issued
                    .as_ref()
                    .map_or("", |i| i.payment_reference.as_str()),
                &number,
            )
            .unwrap_or_default();
            let fields = templates::Fields {
                client: client.contact_person.as_deref().unwrap_or(&client.name),
                number: &number,
                amount: &tijdig_domain::money::format_eur(facts.total, doc_lang),
                due_date: &crate::plumbing::format::long_date(facts.due_date, doc_lang),
                reference: &reference,
                iban: &iban,
                holder: &holder,
                sender: if sender.is_empty() {
                    &profile.trade_name
                } else {
                    &sender
                },
                business: &profile.trade_name,
                payment_link: &link,
            };
            let (subject, body, _) = super::template_settings::invoice_template(store, doc_lang)
                .map_err(store_err(lang))?;
            let (subject, body) = templates::invoice((&subject, &body), &fields, doc_lang);
            Ok(dto::EmailDraft {
                to: client.email.clone().unwrap_or_default(),
                subject,
                body,
                attachments: parts.into_iter().map(|p| p.name).collect(),
            })
        })
    }

    /// Sends an issued invoice as the user wrote the message. Returns the record: `sent`, or
    /// `failed` with the reason (also logged in the dossier and offered again in "Vandaag").
    pub fn send_invoice_email(
        &self,
        id: i64,
        form: &dto::EmailForm,
    ) -> Result<dto::SentEmail, AppError> {
        self.send_document_email("invoice", id, form, dto::SendTiming::Now)
    }

    pub(super) fn send_document_email(
        &self,
        kind: &'static str,
        id: i64,
        form: &dto::EmailForm,
        timing: dto::SendTiming,
    ) -> Result<dto::SentEmail, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        let lang = self.lang();
        let to = recipients(&form.to);
        let mut fields = Vec::new();
        if to.is_empty() || to.iter().any(|a| !valid_address(a)) {
            fields.push(FieldMessage {
                field: "to".into(),
                code: "invalid".into(),
                message: say(
                    lang,
                    "Vul één of meer geldige e-mailadressen in, gescheiden door komma's.",
                    "Enter one or more valid e-mail addresses, separated by commas.",
                ),
            });
        }
        if form.subject.trim().is_empty() {
            fields.push(FieldMessage {
                field: "subject".into(),
                code: "required".into(),
                message: say(lang, "Vul een onderwerp in.", "Enter a subject."),
            });
        }
        if form.body.trim().is_empty() {
            fields.push(FieldMessage {
                field: "body".into(),
                code: "required".into(),
                message: say(lang, "Schrijf een bericht.", "Write a message."),
            });
        }
        if !fields.is_empty() {
            let mut err = AppError::validation(&[], lang);
            err.fields = fields;
            return Err(err);
        }
        // Outside the contact hours: refused, or kept for the next allowed moment.
        let schedule_at = match kind {
            "letter" => self.contact_moment(timing, lang)?,
            _ => None,
        };
        // Phase 1: the message, stored as `sending` (or `scheduled`).
        let phase = self.with_store(|store, lang| {
            if kind == "letter" {
                self.letter_may_go(store, id, schedule_at.map(|(day, _)| day), None, lang)?;
            }
            let (config, password) = self.mail_setup(store, lang)?;
            let (client_id, _, parts) = self.document_parts(store, kind, id, lang)?;
            let domain = config
                .from_address
                .rsplit('@')
                .next()
                .unwrap_or("tijdig.local")
                .to_string();
            let stamp = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
            let message_id = format!("<tijdig.{kind}.{id}.{stamp}@{domain}>");
            let attachments: Vec<String> = parts
                .iter()
                .map(|p| format!("{} {}", sha256_hex(&p.bytes), p.name))
                .collect();
            let new = NewSentEmail {
                client_id,
                document_kind: kind,
                document_id: id,
                message_id: &message_id,
                sender: &config.from_address,
                recipients: &to.join(", "),
                subject: form.subject.trim(),
                body: &form.body,
                attachments: &attachments.join("\n"),
            };
            if let Some(at) = schedule_at {
                let record = self.schedule(store, kind, id, &new, at, lang)?;
                return Ok(Phase::Scheduled(Box::new(sent_dto(&record))));
            }
            let now = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
            let row = store.begin_email(&new, &now).map_err(store_err(lang))?;
            let message = build(
                &config,
                &message_id,
                &to,
                form.subject.trim(),
                &form.body,
                parts,
                lang,
            )?;
            Ok(Phase::Send(Box::new((config, password, row, message))))
        })?;
        match phase {
            Phase::Scheduled(dto) => Ok(*dto),
            Phase::Send(parts) => {
                let (config, password, row, message) = *parts;
                self.deliver(row, &config, password, &message)
            }
        }
    }

    /// Sends a failed message again, or one whose fate is unknown (cut off mid-send): same
    /// recipients, text, attachments and Message-ID, so a mail server or client that did get
    /// the first one can tell it is the same message.
    pub fn retry_email(&self, id: i64) -> Result<dto::SentEmail, AppError> {
        let (config, password, message) = self.with_store(|store, lang| {
            let (config, password) = self.mail_setup(store, lang)?;
            let earlier = store.sent_email(id).map_err(store_err(lang))?;
            if earlier.document_kind == "letter"
                && (earlier.status == "failed" || earlier.status == "unknown")
            {
                self.letter_may_go(store, earlier.document_id, None, Some(id), lang)?;
            }
            let now = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
            let row = store.retry_email(id, &now).map_err(|e| match e {
                StoreError::AlreadyDone => AppError {
                    code: ErrorCode::Conflict,
                    message: say(lang, "Dit bericht is al verstuurd (of wordt nu verstuurd); het gaat geen tweede keer.", "This message was already sent (or is being sent); it does not go twice."),
                    fields: Vec::new(),
                },
                other => AppError::from_store(other, lang),
            })?;
            let (_, _, parts) =
                self.document_parts(store, &row.document_kind, row.document_id, lang)?;
            let to = recipients(&row.recipients);
            let message = build(&config, &row.message_id, &to, &row.subject, &row.body, parts, lang)?;
            Ok((config, password, message))
        })?;
        self.deliver(id, &config, password, &message)
    }

    /// Phase 2 and 3: the server, without holding the database; then the outcome.
    pub(super) fn deliver(
        &self,
        row: i64,
        config: &MailConfig,
        password: String,
        message: &Message,
    ) -> Result<dto::SentEmail, AppError> {
        let lang = self.lang();
        // The server's answer (`250 …`) or, worded for the user, why it did not take it.
        let attempt = match unresolvable(config, lang) {
            Some(problem) => Attempt::Failed(problem),
            None => match self
                .transport(config, password)
                .and_then(|t| t.send(message))
            {
                Ok(r) => Attempt::Sent(format!(
                    "{} {}",
                    r.code(),
                    r.message().collect::<Vec<_>>().join(" ")
                )),
                Err(e) => Attempt::Failed(explain(&e, config, lang)),
            },
        };
        let outcome = attempt.outcome();
        let at = self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string();
        self.with_store(|store, lang| {
            let before = store.sent_email(row).map_err(store_err(lang))?;
            let (_, label, _) =
                self.document_parts(store, &before.document_kind, before.document_id, lang)?;
            let invoice_ids =
                document_invoice_ids(store, &before.document_kind, before.document_id);
            let lower = label.to_lowercase();
            let note = match (outcome, lang) {
                (EmailOutcome::Sent { .. }, Language::Nl) => format!(
                    "{label} per e-mail verstuurd aan {} (onderwerp: {}).",
                    before.recipients, before.subject
                ),
                (EmailOutcome::Sent { .. }, Language::En) => format!(
                    "{label} sent by e-mail to {} (subject: {}).",
                    before.recipients, before.subject
                ),
                (EmailOutcome::Failed { error: why }, Language::Nl) => format!(
                    "E-mail met {lower} aan {} is niet verstuurd: {why}",
                    before.recipients
                ),
                (EmailOutcome::Failed { error: why }, Language::En) => format!(
                    "E-mail with {lower} to {} was not sent: {why}",
                    before.recipients
                ),
            };
            // A ladder letter that goes out carries out its step (the store marks it done).
            let step = match (before.document_kind.as_str(), outcome) {
                ("letter", EmailOutcome::Sent { .. }) => store
                    .letter(before.document_id)
                    .ok()
                    .and_then(|l| l.pending_email.map(|p| p.step)),
                _ => None,
            };
            let entry = NewDossierEntry {
                client_id: before.client_id,
                at: at.clone(),
                // Only a message that went out is a contact moment (the ladder's days
                // between contacts); a failed one is a note.
                kind: match outcome {
                    EmailOutcome::Sent { .. } => DossierKind::Email,
                    EmailOutcome::Failed { .. } => DossierKind::Note,
                },
                step,
                outcome: None,
                note: Some(note),
                promised_on: None,
                invoice_ids,
                done_on: None,
            };
            let record = store
                .finish_email(row, outcome, &at, &entry)
                .map_err(store_err(lang))?;
            Ok(sent_dto(&record))
        })
    }

    /// What was sent (or tried) for an invoice, oldest first.
    pub fn invoice_emails(&self, id: i64) -> Result<Vec<dto::SentEmail>, AppError> {
        self.with_store(|store, lang| {
            Ok(store
                .emails_of("invoice", id)
                .map_err(store_err(lang))?
                .iter()
                .map(sent_dto)
                .collect())
        })
    }

    /// Messages that did not go out: failed ones (to send again) and any cut off mid-send.
    pub fn unsent_emails(&self) -> Result<Vec<dto::SentEmail>, AppError> {
        self.with_store(|store, lang| {
            Ok(store
                .unsent_emails()
                .map_err(store_err(lang))?
                .iter()
                .map(sent_dto)
                .collect())
        })
    }
}

/// What the mail server made of one attempt.
enum Attempt {
    Sent(String),
    Failed(String),
}

impl Attempt {
    fn outcome(&self) -> EmailOutcome<'_> {
        match self {
            Attempt::Sent(response) => EmailOutcome::Sent { response },
            Attempt::Failed(error) => EmailOutcome::Failed { error },
        }
    }
}

/// The invoices a document is about, for its dossier entries: the invoice itself, or the
/// letter's invoices.
pub(super) fn document_invoice_ids(store: &Store, kind: &str, id: i64) -> Vec<i64> {
    match kind {
        "letter" => store.letter(id).map(|l| l.invoice_ids).unwrap_or_default(),
        "invoice" => vec![id],
        // Offers and agreements concern no invoice.
        _ => Vec::new(),
    }
}

/// What phase 1 decided: stored for later, or to be sent now.
enum Phase {
    Scheduled(Box<dto::SentEmail>),
    Send(Box<(MailConfig, String, i64, Message)>),
}

pub(super) fn build(
    config: &MailConfig,
    message_id: &str,
    to: &[String],
    subject: &str,
    body: &str,
    parts: Vec<Part>,
    lang: Language,
) -> Result<Message, AppError> {
    let bad = |e: &dyn std::fmt::Display| AppError {
        code: ErrorCode::Validation,
        message: say(
            lang,
            &format!("Het bericht kon niet worden opgesteld: {e}"),
            &format!("The message could not be composed: {e}"),
        ),
        fields: Vec::new(),
    };
    let from_address: lettre::Address = config.from_address.parse().map_err(|e| bad(&e))?;
    let from = Mailbox::new(
        (!config.from_name.is_empty()).then(|| config.from_name.clone()),
        from_address,
    );
    let mut builder = Message::builder()
        .from(from.clone())
        .subject(subject)
        .message_id(Some(message_id.to_string()))
        .date_now();
    for address in to {
        builder = builder.to(Mailbox::new(None, address.parse().map_err(|e| bad(&e))?));
    }
    if !config.reply_to.is_empty() {
        builder = builder.reply_to(Mailbox::new(
            None,
            config.reply_to.parse().map_err(|e| bad(&e))?,
        ));
    }
    if config.bcc_self {
        builder = builder.bcc(from);
    }
    let mut multipart = MultiPart::mixed().singlepart(SinglePart::plain(body.to_string()));
    for part in parts {
        let mime = ContentType::parse(part.mime).map_err(|e| bad(&e))?;
        multipart = multipart.singlepart(Attachment::new(part.name).body(part.bytes, mime));
    }
    builder.multipart(multipart).map_err(|e| bad(&e))
}

pub(super) fn sent_dto(r: &SentEmailRecord) -> dto::SentEmail {
    let when = r
        .sent_at
        .clone()
        .or_else(|| r.attempted_at.clone())
        .unwrap_or_else(|| r.created_at.clone());
    let at =
        chrono::NaiveDateTime::parse_from_str(&when[..19.min(when.len())], "%Y-%m-%dT%H:%M:%S")
            .map(|d| d.format("%d-%m-%Y %H:%M").to_string())
            .unwrap_or(when);
    dto::SentEmail {
        id: r.id,
        status: r.status.clone(),
        recipients: r.recipients.clone(),
        subject: r.subject.clone(),
        at,
        attachments: r
            .attachments
            .lines()
            .filter_map(|l| l.split_once(' ').map(|(_, name)| name.to_string()))
            .collect(),
        server_response: r.server_response.clone(),
        scheduled_for: r.scheduled_for.as_deref().and_then(|s| {
            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
                .ok()
                .map(|d| d.format("%d-%m-%Y %H:%M").to_string())
        }),
        error: r.error.clone(),
        document_kind: r.document_kind.clone(),
        document_id: r.document_id,
    }
}
