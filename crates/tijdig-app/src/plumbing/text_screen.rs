//! The first check on every form a use-case takes (issue "Nothing lost, nothing twice": bad
//! input gets a clear error at the field, before anything else looks at it): every text field,
//! wherever it sits in the form (`lines.0.description`), is at most [`MAX_SHORT`] characters —
//! [`MAX_LONG`] for the fields where people write paragraphs — and holds no control character
//! (C0 other than tab and line breaks, DEL, C1: nothing anyone types, and it can hide text in a
//! letter, a PDF or a spreadsheet). The form's own validation then checks what each field means.

use serde::Serialize;
use serde_json::Value;
use tijdig_domain::validate::has_control_character;
use tijdig_domain::{Issue, Language};

use crate::{AppError, FieldMessage};

/// Characters in a one-line field (a name, a street, an amount, an e-mail address).
pub(crate) const MAX_SHORT: usize = 1_000;
/// Characters in a field where people write paragraphs.
pub(crate) const MAX_LONG: usize = 20_000;

/// The fields where people write paragraphs: notes, an offer's texts, a message, a line's
/// description, a reason.
const LONG_FIELDS: &[&str] = &[
    "note",
    "notes",
    "scope",
    "exclusions",
    "planning",
    "acceptanceCriteria",
    "conditions",
    "body",
    "description",
    "reason",
    "text",
];

/// Refuses the form, naming every text field that is too long or holds a control character.
pub(crate) fn screen_text(form: &impl Serialize, lang: Language) -> Result<(), AppError> {
    let Ok(value) = serde_json::to_value(form) else {
        return Ok(());
    };
    let mut fields = Vec::new();
    walk(&value, "", lang, &mut fields);
    if fields.is_empty() {
        Ok(())
    } else {
        let mut error = AppError::validation(&[], lang);
        error.fields = fields;
        Err(error)
    }
}

fn walk(value: &Value, path: &str, lang: Language, out: &mut Vec<FieldMessage>) {
    match value {
        Value::String(text) => {
            let name = path.rsplit('.').next().unwrap_or(path);
            let max = if LONG_FIELDS.contains(&name) {
                MAX_LONG
            } else {
                MAX_SHORT
            };
            let issue = if text.chars().count() > max {
                Some(Issue::TooLong { max })
            } else if has_control_character(text) {
                Some(Issue::ControlCharacter)
            } else {
                None
            };
            if let Some(issue) = issue {
                out.push(FieldMessage {
                    field: path.to_string(),
                    code: issue.code().to_string(),
                    message: issue.message(lang),
                });
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &join(path, &i.to_string()), lang, out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                walk(item, &join(path, key), lang, out);
            }
        }
        _ => {}
    }
}

/// Every text field of a form with its path (`lines.0.description`), in the form's order: for
/// further checks on what the form's texts become (the document font, `services::printable`).
pub(crate) fn text_fields(form: &impl Serialize) -> Vec<(String, String)> {
    fn collect(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
        match value {
            Value::String(text) => out.push((path.to_string(), text.clone())),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    collect(item, &join(path, &i.to_string()), out);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    collect(item, &join(path, key), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(value) = serde_json::to_value(form) {
        collect(&value, "", &mut out);
    }
    out
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn every_text_field_anywhere_in_the_form_is_screened_and_named() {
        let form = serde_json::json!({
            "name": "Bakker\u{0}ij",
            "note": "regel 1\nregel 2\tmet tab",
            "lines": [{"description": "x".repeat(MAX_LONG + 1)}, {"unit": "y".repeat(MAX_SHORT + 1)}],
            "fine": "😀 <b>'; DROP TABLE x;--",
        });
        let error = screen_text(&form, Language::Nl).unwrap_err();
        let named: Vec<(&str, &str)> = error
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.code.as_str()))
            .collect();
        assert_eq!(
            named,
            vec![
                ("lines.0.description", "too_long"),
                ("lines.1.unit", "too_long"),
                ("name", "control_character"),
            ]
        );
        assert!(error.fields[2].message.contains("stuurteken"));
    }
}
