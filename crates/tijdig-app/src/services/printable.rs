//! What will be printed must be printable: a character the document font lacks would be an
//! empty box on an invoice or letter, so a form is refused at that field instead (issue
//! "Every month's invoicing", item 6). One place for the check, used by every form whose text
//! reaches a document.

use serde::Serialize;
use tijdig_domain::client::ClientDraft;
use tijdig_domain::Language;

use crate::plumbing::text_screen::text_fields;
use crate::{AppError, FieldMessage};
use tijdig_domain::issues::{FieldIssue, Issue, Validated};
use tijdig_domain::Client;

/// `Err` naming the first character of `text` the document fonts cannot print.
pub(crate) fn printable(text: &str) -> Result<(), Issue> {
    match tijdig_documents::Renderer::shared()
        .ok()
        .and_then(|r| r.unprintable(text))
    {
        Some(character) => Err(Issue::Unprintable { character }),
        None => Ok(()),
    }
}

/// Refuses a form whose texts all reach a document (the business profile on every letterhead,
/// an offer), naming every field with a character the document font cannot print. `skip`: the
/// fields that are codes or choices, never printed as typed.
pub(crate) fn screen_printable(
    form: &impl Serialize,
    skip: &[&str],
    lang: Language,
) -> Result<(), AppError> {
    let fields: Vec<FieldMessage> = text_fields(form)
        .into_iter()
        .filter(|(path, _)| !skip.contains(&path.as_str()))
        .filter_map(|(path, text)| {
            printable(&text).err().map(|issue| FieldMessage {
                field: path,
                code: issue.code().to_string(),
                message: issue.message(lang),
            })
        })
        .collect();
    if fields.is_empty() {
        Ok(())
    } else {
        let mut error = AppError::validation(&[], lang);
        error.fields = fields;
        Err(error)
    }
}

/// A client checked with the form's rules, and its printed fields (name, contact, address)
/// with the document font: the one set of rules for the client form, a clients sheet and an
/// imported invoice's new client.
pub(crate) fn validate_client(draft: &ClientDraft) -> Result<Validated<Client>, Vec<FieldIssue>> {
    let printed: [(&'static str, &str); 6] = [
        ("name", &draft.name),
        ("contactPerson", &draft.contact_person),
        ("street", &draft.address.street),
        ("houseNumber", &draft.address.house_number),
        ("postcode", &draft.address.postcode),
        ("city", &draft.address.city),
    ];
    let unprintable: Vec<FieldIssue> = printed
        .iter()
        .filter_map(|(field, text)| {
            printable(text)
                .err()
                .map(|issue| FieldIssue { field, issue })
        })
        .collect();
    match (Client::validate(draft), unprintable.is_empty()) {
        (Ok(valid), true) => Ok(valid),
        (Ok(_), false) => Err(unprintable),
        (Err(mut issues), _) => {
            let named: Vec<&str> = issues.iter().map(|i| i.field).collect();
            let more: Vec<FieldIssue> = unprintable
                .into_iter()
                .filter(|u| !named.contains(&u.field))
                .collect();
            issues.extend(more);
            Err(issues)
        }
    }
}
