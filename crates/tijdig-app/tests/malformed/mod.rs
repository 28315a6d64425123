//! The malformed-input harness's tools: what is bad for each kind of field, the database's
//! fingerprint, and `hammer`, which sends every bad variant of a valid form to a use-case and
//! notes each refusal that is unclear, unnamed or changed the database.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use tijdig_app::{AppError, ErrorCode};

/// What kind of value a field holds, which decides what is bad for it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Free text that may be empty (a note).
    Text,
    /// Text that must be there (a name).
    Required,
    /// A date that must be there.
    Date,
    /// A date that may be empty.
    OptionalDate,
    /// An amount of money that must be there.
    Amount,
    /// An amount that may be empty.
    OptionalAmount,
    /// A unit price or quantity: like an amount, with up to 3 decimals.
    Price,
    /// A whole number (a term in days, a count).
    Whole,
    /// A whole number that may be empty.
    OptionalWhole,
    /// An e-mail address that must be there.
    Email,
    /// An e-mail address that may be empty.
    OptionalEmail,
}

/// Refused for every field: far too long, or a control character no one types — every C0
/// control but TAB, LF and CR, DEL, and every C1 control — inside otherwise good text.
pub fn always_bad() -> Vec<String> {
    let mut out = vec!["x".repeat(100_000), "😀".repeat(30_000)];
    let controls = (0u32..0x20)
        .filter(|c| ![0x09, 0x0a, 0x0d].contains(c))
        .chain(0x7f..0xa0);
    out.extend(controls.map(|c| format!("Bakker{}ij", char::from_u32(c).unwrap())));
    out
}

pub fn bad_values(kind: Kind) -> Vec<String> {
    let mut out = always_bad();
    let empty = ["", "   "].map(String::from);
    let dates = [
        "31-02-2026",
        "2026-13-45",
        "00-00-0000",
        "gisteren",
        "1-1-99999",
        "22-11-2026; DROP TABLE invoices",
        "٢٢-١١-٢٠٢٦",
    ]
    .map(String::from);
    let amounts = [
        "-5",
        "-0,01",
        "1e10",
        "NaN",
        "999999999999999,99",
        "12,345",
        "1.2.3",
        "€€5",
        "٥",
        "5 euro",
    ]
    .map(String::from);
    let wholes = ["-1", "0,5", "abc", "99999999999999999999", "1e3", "٣"].map(String::from);
    let emails = ["a@", "@b.nl", "a b@c.nl", "x@y", "<script>@x.nl"].map(String::from);
    match kind {
        Kind::Text => {}
        Kind::Required => out.extend(empty),
        Kind::Date => {
            out.extend(empty);
            out.extend(dates);
        }
        Kind::OptionalDate => out.extend(dates),
        Kind::Amount => {
            out.extend(empty);
            out.extend(amounts);
        }
        Kind::OptionalAmount => out.extend(amounts),
        Kind::Price => {
            out.extend(empty);
            out.extend(amounts.into_iter().filter(|a| a != "12,345"));
        }
        Kind::Whole => {
            out.extend(empty);
            out.extend(wholes);
        }
        Kind::OptionalWhole => out.extend(wholes),
        Kind::Email => {
            out.extend(empty);
            out.extend(emails);
        }
        Kind::OptionalEmail => out.extend(emails),
    }
    out
}

/// Text a user may type on purpose or by accident: refused, or stored as typed.
pub fn hostile_text() -> Vec<String> {
    vec![
        "'; DROP TABLE clients;--".into(),
        "<script>alert(1)</script>".into(),
        "😀🎉 Bakkerij".into(),
        "\u{202e}gnp.exe".into(),
    ]
}

/// A hash of every row of every table, read through its own connection.
pub fn fingerprint(db: &Path) -> u64 {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut hasher = DefaultHasher::new();
    for table in tables {
        table.hash(&mut hasher);
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
            .unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..n {
                match row.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Null => 0u8.hash(&mut hasher),
                    rusqlite::types::ValueRef::Integer(v) => v.hash(&mut hasher),
                    rusqlite::types::ValueRef::Real(v) => v.to_bits().hash(&mut hasher),
                    rusqlite::types::ValueRef::Text(v) | rusqlite::types::ValueRef::Blob(v) => {
                        v.hash(&mut hasher)
                    }
                }
            }
        }
    }
    hasher.finish()
}

/// Sets the string at `path` ("lines.0.description") in `form`.
pub fn set(form: &mut Value, path: &str, value: Value) {
    let mut at = form;
    for part in path.split('.') {
        at = match part.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[part],
        };
    }
    assert!(at.is_string(), "{path} is not a text field of the form");
    *at = value;
}

/// One use-case under attack.
pub struct Target<'a> {
    pub name: &'static str,
    pub base: Value,
    pub fields: &'a [(&'static str, Kind)],
}

/// What went wrong, to print all at once.
#[derive(Default)]
pub struct Findings {
    pub problems: Vec<String>,
    pub variants: Vec<(&'static str, usize)>,
}

/// Runs every bad variant of `target` through `call`, checking the answer and the database.
pub fn hammer<F: DeserializeOwned, T>(
    db: &Path,
    target: Target<'_>,
    call: impl Fn(&F) -> Result<T, AppError>,
    findings: &mut Findings,
) {
    let mut count = 0;
    // What the database holds now; after a refusal it is what it held before the next call.
    let mut current = fingerprint(db);
    for (path, kind) in target.fields {
        let mut values: Vec<(Value, bool)> = bad_values(*kind)
            .into_iter()
            .map(|v| (Value::String(v), true))
            .collect();
        if matches!(kind, Kind::Text | Kind::Required) {
            values.extend(
                hostile_text()
                    .into_iter()
                    .map(|v| (Value::String(v), false)),
            );
        }
        // Wrong JSON types: refused before any use-case runs.
        values.extend(
            [
                json!(5),
                json!(-1),
                json!(1.5),
                json!(true),
                Value::Null,
                json!(["x"]),
                json!({"x": 1}),
            ]
            .map(|v| (v, true)),
        );
        for (value, must_refuse) in values {
            count += 1;
            let mut form = target.base.clone();
            set(&mut form, path, value.clone());
            let shown: String = value.to_string().chars().take(40).collect();
            let Ok(form) = serde_json::from_value::<F>(form) else {
                if value.is_string() {
                    findings.problems.push(format!(
                        "{}: {path} = {shown}: the form no longer reads",
                        target.name
                    ));
                }
                continue;
            };
            let before = current;
            let result = call(&form);
            let after = fingerprint(db);
            current = after;
            match result {
                Err(e) => {
                    if before != after {
                        findings.problems.push(format!(
                            "{}: {path} = {shown}: refused, but the database changed",
                            target.name
                        ));
                    }
                    let field_named = e.fields.iter().any(|f| {
                        path.ends_with(f.field.as_str())
                            || f.field.ends_with(path.rsplit('.').next().unwrap_or(path))
                    });
                    if e.message.trim().is_empty()
                        || matches!(e.code, ErrorCode::Storage | ErrorCode::Internal)
                        || e.message.contains("error")
                    {
                        findings.problems.push(format!(
                            "{}: {path} = {shown}: not a clear Dutch refusal: {:?} {}",
                            target.name, e.code, e.message
                        ));
                    } else if must_refuse && e.code == ErrorCode::Validation && !field_named {
                        findings.problems.push(format!(
                            "{}: {path} = {shown}: refused without naming the field: {} {:?}",
                            target.name, e.message, e.fields
                        ));
                    }
                }
                Ok(_) if must_refuse => {
                    findings
                        .problems
                        .push(format!("{}: {path} = {shown}: accepted", target.name));
                }
                Ok(_) => {}
            }
        }
    }
    findings.variants.push((target.name, count));
}
