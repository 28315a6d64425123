//! Upgrades keep every row (issue "Nothing lost, nothing twice"): for each earlier schema version
//! a database is made with that version's schema and filled as a Tijdig of that version would
//! (a business, clients, issued invoices with their PDFs, credit notes, payments, letters and the
//! dossier, an arrangement, bank entries, a signing certificate, e-mails, an offer with its
//! agreement, a waiver — each from the version that introduced it), then opened by this version.
//! Every row that was there is still there with every value byte for byte — stored PDFs
//! included — except the values a migration rewrites on purpose, listed below with the reason.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{named_params, Connection};
use tijdig_store::{Store, SCHEMA_VERSION};

/// A stored document: every byte value, so a blob that is changed or cut anywhere is seen.
fn pdf(seed: u8) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..36_000u32).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)));
    bytes.extend(b"\n%%EOF\n");
    bytes
}

/// What a Tijdig of each version wrote: (the version that introduced it, SQL). `:pdf` is a
/// stored document's bytes.
const ROWS: &[(usize, &str)] = &[
    (1, "INSERT INTO settings (key, value) VALUES ('ui_language', 'nl')"),
    (1, "INSERT INTO business_profile (id, trade_name, legal_form, street, house_number, postcode,
            city, country, kvk, btw_id, iban, account_holder, email, accent_colour, kor,
            payment_term_days, document_language, logo, logo_mime)
         VALUES (1, 'Studio Jansen', 'eenmanszaak', 'Keizersgracht', '12a', '1015 CJ', 'Amsterdam',
            'NL', '01234567', 'NL000099998B57', 'NL91ABNA0417164300', 'S. Jansen',
            'sanne@studiojansen.nl', '#1f5f8b', 0, 14, 'nl', :pdf, 'image/png')"),
    (1, "INSERT INTO clients (id, kind, name, street, house_number, postcode, city, country, email,
            kvk, btw_id, iban, preferred_channel, document_language, debtor_type, search_text)
         VALUES (1, 'business', 'Bakkerij De Korenbloem B.V.', 'Dorpsstraat', '1', '3511 AA',
            'Utrecht', 'NL', 'eva@korenbloem.nl', '12345678', 'NL004495445B01',
            'NL02ABNA0123456789', 'email', 'nl', 'forgets', 'bakkerij de korenbloem b.v.')"),
    (1, "INSERT INTO clients (id, kind, name, street, house_number, postcode, city, country,
            preferred_channel, document_language, debtor_type, search_text, notes)
         VALUES (2, 'consumer', 'Pieter Bakker 😀 <b>x</b>''; DROP TABLE clients;--', 'Lindelaan',
            '8', '8011 AB', 'Zwolle', 'NL', 'letter', 'nl', 'unknown', 'pieter bakker', 'ïé€')"),
    (2, "INSERT INTO number_series (prefix, year, last_seq) VALUES ('', 2026, 3)"),
    // Drafts with their lines, then issued (number, PDF, total) as the store does.
    (2, "INSERT INTO invoices (id, kind, client_id, state, invoice_date, delivery_from, delivery_to,
            payment_term_days, vat_regime, reference_kind, credits_invoice_id, note)
         VALUES (1, 'standard', 1, 'draft', '2026-06-01', '2026-05-01', '2026-05-31', 30,
            'normal', 'rf', NULL, NULL),
                (2, 'credit_note', 1, 'draft', '2026-06-05', NULL, NULL, 0, 'normal', 'rf', 1,
            NULL),
                (3, 'standard', 2, 'draft', '2026-07-01', NULL, NULL, 14, 'normal',
            'betalingskenmerk16', NULL, NULL),
                (4, 'standard', 1, 'draft', '2026-11-20', NULL, NULL, 30, 'normal', 'rf', NULL,
            'concept')"),
    (2, "INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit, unit_price, vat)
         VALUES (1, 0, 'Ontwerp huisstijl', '10', 'uur', '100', '21'),
                (2, 0, 'Correctie', '-1', 'uur', '100', '21'),
                (3, 0, 'Logo', '1', 'stuk', '500', '21'),
                (4, 0, 'Concept', '1', 'stuk', '1', '21')"),
    (2, "UPDATE invoices SET state = 'issued', number = '2026-0001',
            payment_reference = 'RF18 2026 0001', total = '1210',
            issued_at = '2026-06-01T10:00:00.000Z', pdf = :pdf, pdf_sha256 = 'aa' WHERE id = 1"),
    (2, "UPDATE invoices SET state = 'issued', number = '2026-0002',
            payment_reference = 'RF45 2026 0002', total = '-121',
            issued_at = '2026-06-05T10:00:00.000Z', pdf = :pdf, pdf_sha256 = 'bb' WHERE id = 2"),
    (2, "UPDATE invoices SET state = 'issued', number = '2026-0003',
            payment_reference = '1234567890123456', total = '605',
            issued_at = '2026-07-01T10:00:00.000Z', pdf = :pdf, pdf_sha256 = 'cc' WHERE id = 3"),
    (2, "INSERT INTO payments (invoice_id, paid_on, amount, method, note)
         VALUES (1, '2026-07-15', '500', 'bank', 'deel 1'), (3, '2026-08-01', '605', 'cash', NULL)"),
    (5, "INSERT INTO follow_up_policies (client_id, steps) VALUES (NULL, 'reminder:7:email')"),
    (5, "INSERT INTO letters (id, client_id, step, reference, letter_date, channel, language, total,
            costs, costs_due_from, pdf, pdf_sha256)
         VALUES (1, 1, 'reminder', '2026-B0001', '2026-07-20', 'letter', 'nl', '710', NULL, NULL,
            :pdf, 'dd'),
                (2, 1, 'fourteen_day_letter', '2026-B0002', '2026-08-20', 'email', 'nl', '750',
            '107.10', '2026-09-04', :pdf, 'ee')"),
    (5, "INSERT INTO letter_invoices (letter_id, invoice_id) VALUES (1, 1), (2, 1)"),
    (5, "INSERT INTO dossier_entries (id, client_id, at, kind, step, note, letter_id)
         VALUES (1, 1, '2026-07-20T09:00:00', 'letter', 'reminder', 'Herinnering verstuurd', 1),
                (2, 1, '2026-07-25T11:00:00', 'call', NULL, 'Belt terug', NULL),
                (3, 1, '2026-08-20T09:00:00', 'letter', 'fourteen_day_letter', '14-dagenbrief', 2)"),
    (5, "INSERT INTO dossier_invoices (entry_id, invoice_id) VALUES (1, 1), (3, 1)"),
    (5, "INSERT INTO follow_up_done (invoice_id, step, done_on, entry_id)
         VALUES (1, 'reminder', '2026-07-20', 1), (1, 'fourteen_day_letter', '2026-08-20', 3)"),
    (5, "INSERT INTO disputes (invoice_id, opened_on, reason, resolved_on, resolution)
         VALUES (3, '2026-07-10', 'Kleur klopt niet', '2026-07-12', 'Opgelost')"),
    (6, "INSERT INTO arrangements (id, client_id, reference, start_date, principal, interest, costs,
            interest_running, costs_waived, grace_days, pdf, pdf_sha256)
         VALUES (1, 1, '2026-R0001', '2026-09-01', '589', '12.40', '107.10', 0, 0, 7, :pdf, 'ff')"),
    (6, "INSERT INTO arrangement_invoices (arrangement_id, invoice_id) VALUES (1, 1)"),
    (6, "INSERT INTO instalments (arrangement_id, number, due_date, amount, payment_reference)
         VALUES (1, 1, '2026-09-15', '354.25', 'RF71 2026 R001 1'),
                (1, 2, '2026-10-15', '354.25', 'RF71 2026 R001 2')"),
    (6, "INSERT INTO arrangement_payments (arrangement_id, paid_on, amount) VALUES (1, '2026-09-14', '354.25')"),
    (8, "INSERT INTO bank_imports (id, file_name, file_sha256, format, imported_at, accounts, entries, new_entries)
         VALUES (1, 'afschrift.xml', 'ab', 'camt053', '2026-09-14T12:00:00', 'NL91ABNA0417164300', 2, 2)"),
    (8, "INSERT INTO bank_transactions (id, import_id, entry_key, account, booked_on, amount,
            counterparty_iban, counterparty_name, description, reference, state, rule, invoice_id)
         VALUES (1, 1, 'NL91ABNA0417164300|2026-09-14|354.25|R1|NOTPROVIDED|NL02ABNA0123456789|termijn 1#1',
            'NL91ABNA0417164300', '2026-09-14', '354.25', 'NL02ABNA0123456789', 'Korenbloem',
            'termijn 1', NULL, 'booked', 'reference', NULL),
                (2, 1, 'NL91ABNA0417164300|2026-09-14|80.00|R2||NL55INGB0001234567|huur#1',
            'NL91ABNA0417164300', '2026-09-14', '80.00', 'NL55INGB0001234567', 'Verhuurder',
            'huur', NULL, 'unmatched', NULL, NULL)"),
    (8, "INSERT INTO client_bank_accounts (client_id, iban) VALUES (1, 'NL02ABNA0123456789')"),
    (9, "INSERT INTO signing_certificates (fingerprint, subject, certificate, keychain_account, source, active)
         VALUES ('AB:CD', 'CN=Studio Jansen', :pdf, 'tijdig-signing-1', 'generated', 1)"),
    (11, "INSERT INTO sent_emails (client_id, document_kind, document_id, message_id, sender,
            recipients, subject, body, attachments, status, server_response, attempts, sent_at)
         VALUES (1, 'invoice', 1, '<tijdig.invoice.1.1@studiojansen.nl>', 'sanne@studiojansen.nl',
            'eva@korenbloem.nl', 'Factuur 2026-0001', 'Beste Eva,', 'aa Factuur 2026-0001.pdf',
            'sent', '250 OK', 1, '2026-06-01T10:05:00'),
                (1, 'invoice', 3, '<tijdig.invoice.3.1@studiojansen.nl>', 'sanne@studiojansen.nl',
            'eva@korenbloem.nl', 'Factuur 2026-0003', 'Beste,', 'cc Factuur 2026-0003.pdf',
            'failed', NULL, 1, NULL)"),
    (12, "INSERT INTO terms_documents (id, version, file_name, pdf, sha256, pages)
          VALUES (1, 1, 'voorwaarden.pdf', :pdf, 'tt', 2)"),
    (12, "INSERT INTO offers (id, number, client_id, title, form_json, valid_until,
            terms_document_id, total_excl, total_incl, pdf, pdf_sha256, sent_on, answer,
            answered_on, client_snapshot)
          VALUES (1, 'OF-2026-0001', 1, 'Nieuwe huisstijl', '{\"lines\":[]}', '2026-10-31', 1,
            '1000', '1210', :pdf, 'oo', '2026-10-01', 'accepted', '2026-10-05', '{}'),
                 (2, 'OF-2026-0002', 1, 'Concept', '{}', NULL, NULL, '0', '0', NULL, NULL, NULL,
            NULL, NULL, NULL)"),
    (12, "INSERT INTO agreements (offer_id, number, accepted_how, accepted_on, accepted_by, pdf, pdf_sha256)
          VALUES (1, 'OB-2026-0001', 'email', '2026-10-05', 'Eva de Vries', :pdf, 'gg')"),
    (13, "INSERT INTO dossier_entries (id, client_id, at, kind, note)
          VALUES (4, 1, '2026-11-01T10:00:00', 'note', 'Rente kwijtgescholden')"),
    (13, "INSERT INTO claim_waivers (invoice_id, waived_on, amount, interest, costs, reason, entry_id)
          VALUES (1, '2026-11-01', '12.40', '12.40', '0', 'Goede klant', 4)"),
    (14, "INSERT INTO letters (id, client_id, step, reference, letter_date, channel, language, total,
            pdf, pdf_sha256, post_step)
          VALUES (3, 2, 'reminder', '2026-B0003', '2026-11-20', 'letter', 'nl', '605', :pdf,
            'hh', 'reminder')"),
];

/// Values a migration rewrites on purpose: (table, column, the migration that rewrites them,
/// why). A database older than that migration may see them change; nothing else may.
const REWRITTEN: &[(&str, &str, usize, &str)] = &[
    (
        "letters",
        "emailed_on",
        12,
        "an e-mail letter made before 0012 counted as sent on its date",
    ),
    (
        "letters",
        "posted_on",
        14,
        "a posted letter made before 0014 counted as sent on its date",
    ),
    (
        "bank_transactions",
        "entry_key",
        15,
        "0015 gives every stored entry its format-free identity",
    ),
];

type Rows = BTreeMap<String, BTreeMap<i64, BTreeMap<String, Value>>>;

/// Every row of every table, by rowid, with every column.
fn snapshot(conn: &Connection) -> Rows {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut rows = Rows::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT rowid, * FROM \"{table}\""))
            .unwrap();
        let columns: Vec<String> = stmt.column_names().skip(1).map(|c| c.to_string()).collect();
        let mut out = BTreeMap::new();
        let mut query = stmt.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let id: i64 = row.get(0).unwrap();
            let values = columns
                .iter()
                .enumerate()
                .map(|(i, c)| (c.clone(), row.get::<_, Value>(i + 1).unwrap()))
                .collect();
            out.insert(id, values);
        }
        rows.insert(table, out);
    }
    rows
}

#[test]
fn a_database_of_every_earlier_version_upgrades_with_every_row_and_pdf_byte_identical() {
    let latest = usize::try_from(SCHEMA_VERSION).unwrap();
    for version in 1..latest {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tijdig.sqlite3");
        Store::create_at_version(&path, version).unwrap();
        let conn = Connection::open(&path).unwrap();
        let mut seed = 0u8;
        for (since, sql) in ROWS.iter().filter(|(since, _)| *since <= version) {
            seed = seed.wrapping_add(1);
            let mut stmt = conn.prepare(sql).unwrap();
            let result = if stmt.parameter_index(":pdf").unwrap().is_some() {
                stmt.execute(named_params! { ":pdf": pdf(seed) })
            } else {
                stmt.execute([])
            };
            if let Err(e) = result {
                panic!("version {version}: a row of version {since} does not fit: {e}\n{sql}");
            }
        }
        let before = snapshot(&conn);
        drop(conn);

        let store = Store::open(&path).unwrap();
        drop(store);
        let conn = Connection::open(&path).unwrap();
        let after = snapshot(&conn);
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok");

        let mut checked = 0;
        for (table, rows) in &before {
            let now = after
                .get(table)
                .unwrap_or_else(|| panic!("version {version}: table {table} is gone"));
            assert_eq!(rows.len(), now.len(), "version {version}: rows of {table}");
            for (id, values) in rows {
                let new = now
                    .get(id)
                    .unwrap_or_else(|| panic!("version {version}: {table} row {id} is gone"));
                for (column, value) in values {
                    let rewritten = REWRITTEN
                        .iter()
                        .any(|(t, c, by, _)| t == table && c == column && version < *by);
                    if rewritten {
                        continue;
                    }
                    assert_eq!(
                        Some(value),
                        new.get(column),
                        "version {version}: {table}.{column} of row {id} changed"
                    );
                    checked += 1;
                }
            }
        }
        assert!(
            checked > 50,
            "version {version}: only {checked} values checked"
        );
    }
}

#[test]
fn the_purposeful_rewrites_do_what_they_say() {
    // A version-11 database: its e-mail letter counts as e-mailed, its posted letter as posted
    // on its date, and its bank entries get their format-free keys, numbered among equals.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tijdig.sqlite3");
    Store::create_at_version(&path, 11).unwrap();
    let conn = Connection::open(&path).unwrap();
    let mut seed = 0u8;
    for (_, sql) in ROWS.iter().filter(|(since, _)| *since <= 11) {
        seed = seed.wrapping_add(1);
        let mut stmt = conn.prepare(sql).unwrap();
        if stmt.parameter_index(":pdf").unwrap().is_some() {
            stmt.execute(named_params! { ":pdf": pdf(seed) }).unwrap();
        } else {
            stmt.execute([]).unwrap();
        }
    }
    drop(conn);
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let sent: Vec<(String, Option<String>, Option<String>)> = conn
        .prepare("SELECT channel, posted_on, emailed_on FROM letters ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        sent,
        vec![
            ("letter".into(), Some("2026-07-20".into()), None),
            ("email".into(), None, Some("2026-08-20".into())),
        ]
    );
    let keys: Vec<String> = conn
        .prepare("SELECT entry_key FROM bank_transactions ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        keys,
        vec![
            "NL91ABNA0417164300|2026-09-14|354.25|NL02ABNA0123456789#1",
            "NL91ABNA0417164300|2026-09-14|80|NL55INGB0001234567#1",
        ]
    );
}
