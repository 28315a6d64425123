//! The user's own invoice message templates (Instellingen → E-mail), one per document language,
//! stored as settings; the built-in ones when none was saved.

use tijdig_domain::Language;
use tijdig_store::{Store, StoreError};

use super::templates::{default_invoice, unknown_placeholders, PLACEHOLDERS};
use crate::{dto, App, AppError, FieldMessage};

fn keys(lang: Language) -> (String, String) {
    let code = lang.code();
    (
        format!("mail_template_invoice_{code}_subject"),
        format!("mail_template_invoice_{code}_body"),
    )
}

/// The invoice template (subject, body) of `lang`: the user's, else the built-in one.
pub(crate) fn invoice_template(
    store: &Store,
    lang: Language,
) -> Result<(String, String, bool), StoreError> {
    let (subject_key, body_key) = keys(lang);
    match (store.setting(&subject_key)?, store.setting(&body_key)?) {
        (Some(subject), Some(body)) if !subject.is_empty() && !body.is_empty() => {
            Ok((subject, body, true))
        }
        _ => {
            let (subject, body) = default_invoice(lang);
            Ok((subject.to_string(), body.to_string(), false))
        }
    }
}

impl App {
    pub fn mail_templates(&self) -> Result<dto::MailTemplates, AppError> {
        self.with_store(|store, lang| {
            let mut invoice = Vec::new();
            for language in [Language::Nl, Language::En] {
                let (subject, body, custom) =
                    invoice_template(store, language).map_err(|e| AppError::from_store(e, lang))?;
                invoice.push(dto::MailTemplate {
                    language: language.into(),
                    subject,
                    body,
                    custom,
                });
            }
            Ok(dto::MailTemplates {
                invoice,
                placeholders: PLACEHOLDERS.iter().map(|p| p.to_string()).collect(),
            })
        })
    }

    /// Saves a template; both fields empty restores the built-in one. A placeholder Tijdig does
    /// not know is refused on its field, with the ones it does know.
    pub fn save_mail_template(
        &self,
        form: &dto::MailTemplateForm,
    ) -> Result<dto::MailTemplates, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        let lang = self.lang();
        let (subject, body) = (form.subject.trim(), form.body.trim_end());
        let mut fields = Vec::new();
        let known = PLACEHOLDERS.join(" ");
        for (name, text) in [("subject", subject), ("body", body)] {
            let unknown = unknown_placeholders(text);
            if !unknown.is_empty() {
                fields.push(FieldMessage {
                    field: name.into(),
                    code: "unknown_placeholder".into(),
                    message: match lang {
                        Language::Nl => format!(
                            "Onbekend: {}. Je kunt gebruiken: {known}",
                            unknown.join(", ")
                        ),
                        Language::En => {
                            format!("Unknown: {}. You can use: {known}", unknown.join(", "))
                        }
                    },
                });
            }
        }
        if subject.is_empty() != body.is_empty() {
            let name = if subject.is_empty() {
                "subject"
            } else {
                "body"
            };
            fields.push(FieldMessage {
                field: name.into(),
                code: "required".into(),
                message: match lang {
                    Language::Nl => "Vul onderwerp én bericht in, of maak beide leeg voor het standaardsjabloon.".into(),
                    Language::En => "Fill in both subject and message, or empty both for the built-in template.".into(),
                },
            });
        }
        if !fields.is_empty() {
            let mut err = AppError::validation(&[], lang);
            err.fields = fields;
            return Err(err);
        }
        let (subject_key, body_key) = keys(form.language.into());
        self.with_store(|store, lang| {
            store
                .set_settings(&[(&subject_key, subject), (&body_key, body)])
                .map_err(|e| AppError::from_store(e, lang))
        })?;
        self.mail_templates()
    }
}
