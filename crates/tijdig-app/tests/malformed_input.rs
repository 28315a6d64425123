//! Bad input is refused at the boundary and nothing is lost (issue "Nothing lost, nothing
//! twice"). Every use-case that takes what a user typed gets at least 50 generated bad variants
//! of a valid form — a field emptied, 100,000 characters, control characters, impossible dates,
//! negative, huge or malformed amounts, wrong JSON types — and each must come back as a
//! `{code, message, fields}` error worded in Dutch, naming the field, with the database
//! byte-for-byte as it was (a hash of every row of every table, read by a second connection).
//! Text a user may well type — SQL, HTML, emoji — is either refused in the same way or stored
//! exactly as typed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use support::*;
use tijdig_app::dto::*;
use tijdig_app::{App, AppError, ErrorCode};

/// What kind of value a field holds, which decides what is bad for it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
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
fn always_bad() -> Vec<String> {
    let mut out = vec!["x".repeat(100_000), "😀".repeat(30_000)];
    let controls = (0u32..0x20)
        .filter(|c| ![0x09, 0x0a, 0x0d].contains(c))
        .chain(0x7f..0xa0);
    out.extend(controls.map(|c| format!("Bakker{}ij", char::from_u32(c).unwrap())));
    out
}

fn bad_values(kind: Kind) -> Vec<String> {
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
fn hostile_text() -> Vec<String> {
    vec![
        "'; DROP TABLE clients;--".into(),
        "<script>alert(1)</script>".into(),
        "😀🎉 Bakkerij".into(),
        "\u{202e}gnp.exe".into(),
    ]
}

/// A hash of every row of every table, read through its own connection.
fn fingerprint(db: &Path) -> u64 {
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
fn set(form: &mut Value, path: &str, value: Value) {
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
struct Target<'a> {
    name: &'static str,
    base: Value,
    fields: &'a [(&'static str, Kind)],
}

/// What went wrong, to print all at once.
#[derive(Default)]
struct Findings {
    problems: Vec<String>,
    variants: Vec<(&'static str, usize)>,
}

/// Runs every bad variant of `target` through `call`, checking the answer and the database.
fn hammer<F: DeserializeOwned, T>(
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

struct World {
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
    app: App,
    client: i64,
    invoice: i64,
    offer: i64,
    letter: i64,
}

fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let vault = std::sync::Arc::new(tijdig_app::keychain::MemoryVault::default());
    let open = |day: chrono::NaiveDate| {
        App::open(dir.path())
            .unwrap()
            .with_today(day)
            .with_vault(Box::new(SharedVault(vault.clone())))
    };
    let app = open(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    app.save_profile(&profile_form()).unwrap();
    let client = app.create_client(&business_client()).unwrap().value.id;
    let mut form = invoice_form(
        client,
        vec![line("Ontwerp", "10", "100,00", VatTreatment::Standard21)],
    );
    form.invoice_date = "2026-06-01".into();
    form.delivery_from = "2026-05-01".into();
    form.delivery_to = "2026-05-31".into();
    let invoice = app
        .issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
        .id;
    let second = app
        .issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
        .id;
    let offer = app
        .save_offer(None, &offer_support_form(&app, client))
        .unwrap()
        .id;
    drop(app);
    // Months later the invoices are overdue and a reminder waits to be posted.
    let app = open(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let letter = app
        .produce_letter(&LetterRequest {
            client_id: client,
            step: FollowUpStep::Reminder,
            invoice_ids: vec![second],
            channel: FollowUpChannel::Letter,
        })
        .unwrap()
        .letter
        .id;
    // A backup now: the automatic one would otherwise change the settings mid-test.
    app.make_backup().unwrap();
    let db = dir.path().join(tijdig_store::DATABASE_FILE);
    World {
        _dir: dir,
        db,
        app,
        client,
        invoice,
        offer,
        letter,
    }
}

fn offer_support_form(app: &App, client: i64) -> OfferForm {
    let mut form = app.new_offer_form(Some(client)).unwrap();
    form.title = "Nieuwe website".into();
    form.scope = "Ontwerp en bouw van een website met vijf pagina's.".into();
    form.fixed_price = "10.000,00".into();
    form
}

#[test]
fn every_use_case_refuses_bad_input_clearly_and_changes_nothing() {
    let w = world();
    let app = &w.app;
    let mut findings = Findings::default();

    use Kind::*;
    hammer(
        &w.db,
        Target {
            name: "save_profile",
            base: serde_json::to_value(profile_form()).unwrap(),
            fields: &[
                // Only the trade name is needed to save; the rest the invoice check asks for
                // before issuing.
                ("tradeName", Required),
                ("legalName", Text),
                ("street", Text),
                ("houseNumber", Text),
                ("postcode", Text),
                ("city", Text),
                ("kvk", Text),
                ("iban", Text),
                ("accountHolder", Text),
                ("email", OptionalEmail),
                ("website", Text),
                ("paymentTermDays", Whole),
            ],
        },
        |f: &ProfileForm| app.save_profile(f),
        &mut findings,
    );
    hammer(
        &w.db,
        Target {
            name: "create_client",
            base: serde_json::to_value(business_client()).unwrap(),
            fields: &[
                ("name", Required),
                ("contactPerson", Text),
                ("street", Text),
                ("postcode", Text),
                ("city", Text),
                ("email", OptionalEmail),
                ("kvk", Text),
                ("paymentTermDays", OptionalWhole),
                ("notes", Text),
            ],
        },
        |f: &ClientForm| app.create_client(f),
        &mut findings,
    );
    hammer(
        &w.db,
        Target {
            name: "create_invoice",
            base: serde_json::to_value(invoice_form(
                w.client,
                vec![line("Ontwerp", "10", "100,00", VatTreatment::Standard21)],
            ))
            .unwrap(),
            fields: &[
                ("invoiceDate", Date),
                ("deliveryFrom", OptionalDate),
                ("deliveryTo", OptionalDate),
                ("paymentTermDays", OptionalWhole),
                ("note", Text),
                // A draft may lack a description; issuing asks for it.
                ("lines.0.description", Text),
                ("lines.0.quantity", Price),
                ("lines.0.unitPrice", Price),
            ],
        },
        |f: &InvoiceForm| app.create_invoice(f),
        &mut findings,
    );
    hammer(
        &w.db,
        Target {
            name: "add_payment",
            base: json!({"paidOn": "15-11-2026", "amount": "100,00", "method": "bank", "note": ""}),
            fields: &[("paidOn", Date), ("amount", Amount), ("note", Text)],
        },
        |f: &PaymentForm| app.add_payment(w.invoice, f),
        &mut findings,
    );
    // Before the dispute and the waiver below change what the invoice allows.
    hammer(
        &w.db,
        Target {
            name: "create_arrangement",
            base: json!({"clientId": w.client, "invoiceIds": [w.invoice], "startDate": "30-11-2026",
                "downPayment": "100,00", "downPaymentOn": "30-11-2026", "mode": "count",
                "count": "4", "amount": "", "firstDue": "01-01-2027", "interestRunning": false,
                "costsWaived": true, "graceDays": "14"}),
            fields: &[
                ("startDate", Date),
                ("downPayment", OptionalAmount),
                ("downPaymentOn", OptionalDate),
                ("count", Whole),
                ("firstDue", Date),
                // Empty: the default grace period.
                ("graceDays", OptionalWhole),
            ],
        },
        |f: &ArrangementForm| app.create_arrangement(f),
        &mut findings,
    );
    hammer(
        &w.db,
        Target {
            name: "record_contact",
            base: json!({"clientId": w.client, "invoiceIds": [w.invoice], "kind": "promise",
                "step": null, "outcome": null, "note": "Belt terug", "promisedOn": "10-12-2026"}),
            fields: &[("note", Text), ("promisedOn", Date)],
        },
        |f: &ContactForm| app.record_contact(f),
        &mut findings,
    );
    hammer(
        &w.db,
        Target {
            name: "open_dispute",
            base: json!({"invoiceId": w.invoice, "note": "Het logo klopt niet"}),
            fields: &[("note", Required)],
        },
        |f: &DisputeForm| app.open_dispute(f),
        &mut findings,
    );
    hammer(
        &w.db,
        Target {
            name: "waive_interest_and_costs",
            base: json!({"reason": "Goede klant"}),
            fields: &[("reason", Required)],
        },
        |f: &WaiverForm| app.waive_interest_and_costs(w.invoice, f),
        &mut findings,
    );
    hammer(
        &w.db,
        Target {
            name: "save_mail_settings",
            base: json!({"host": "smtp.example.nl", "port": "587", "security": "starttls",
                "username": "sanne", "password": "geheim", "fromName": "Studio Jansen",
                "fromAddress": "sanne@studiojansen.nl", "replyTo": "", "bccSelf": false}),
            fields: &[
                ("host", Required),
                ("port", Whole),
                ("username", Text),
                ("fromName", Text),
                ("fromAddress", Email),
                ("replyTo", OptionalEmail),
            ],
        },
        |f: &MailSettingsForm| app.save_mail_settings(f),
        &mut findings,
    );
    hammer(
        &w.db,
        Target {
            name: "add_interest_rate",
            base: json!({"kind": "statutory", "validFrom": "01-07-2027", "percent": "4,5",
                "source": "Staatsblad 2027, 123"}),
            fields: &[
                ("validFrom", Date),
                ("percent", Amount),
                ("source", Required),
            ],
        },
        // A rate that was taken is removed again, so the next variant meets the same table.
        |f: &InterestRateForm| {
            let added = app.add_interest_rate(f);
            if added.is_ok() {
                app.remove_interest_rate(f.kind, &f.valid_from).unwrap();
            }
            added
        },
        &mut findings,
    );
    hammer(
        &w.db,
        Target {
            name: "save_offer",
            base: serde_json::to_value(offer_support_form(app, w.client)).unwrap(),
            fields: &[
                // A concept may lack both; finalising asks for them.
                ("title", Text),
                ("offerDate", OptionalDate),
                ("validUntil", OptionalDate),
                ("scope", Text),
                ("fixedPrice", OptionalAmount),
                ("paymentTermDays", OptionalWhole),
            ],
        },
        |f: &OfferForm| app.save_offer(Some(w.offer), f),
        &mut findings,
    );
    hammer(
        &w.db,
        Target {
            name: "mark_letter_posted",
            base: json!({"postedOn": "30-11-2026"}),
            fields: &[("postedOn", Date)],
        },
        |f: &Posted| app.mark_letter_posted(w.letter, &f.posted_on),
        &mut findings,
    );
    hammer(
        &w.db,
        Target {
            name: "export_csv",
            base: json!({"from": "01-01-2026", "to": "31-12-2026", "style": "dutch"}),
            fields: &[("from", Date), ("to", Date)],
        },
        |f: &CsvExportForm| app.export_csv(f, w._dir.path()),
        &mut findings,
    );

    for (name, count) in &findings.variants {
        assert!(*count >= 50, "{name}: only {count} variants");
    }
    let total: usize = findings.variants.iter().map(|(_, n)| n).sum();
    eprintln!(
        "{total} bad variants over {} use-cases: {:?}",
        findings.variants.len(),
        findings.variants
    );
    assert!(
        findings.problems.is_empty(),
        "{} of {total} bad variants were not refused cleanly:\n{}",
        findings.problems.len(),
        findings.problems.join("\n")
    );
}

/// The posting date as the letter dialog sends it.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Posted {
    posted_on: String,
}
