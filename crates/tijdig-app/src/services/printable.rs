//! What will be printed must be printable: a character the document font lacks would be an
//! empty box on an invoice or letter, so a form is refused at that field instead (issue
//! "Every month's invoicing", item 6). One place for the check, used by every form whose text
//! reaches a document.

use tijdig_domain::client::ClientDraft;
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
