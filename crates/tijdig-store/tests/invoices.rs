//! Invoices in the store: gap-free numbering, immutability after issue, payments.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::invoice::VatTreatment;
use tijdig_store::*;

mod common;
use common::*;

#[test]
fn a_draft_round_trips_with_its_lines_and_can_be_edited_and_deleted() {
    let (mut store, client_id) = store_with_client();
    let id = store.create_invoice(&draft(client_id)).unwrap();
    let record = store.invoice(id).unwrap();
    assert_eq!(record.draft, draft(client_id));
    assert_eq!(record.issued, None);
    let mut changed = draft(client_id);
    changed.lines.push(changed.lines[0].clone());
    changed.lines[1].vat = VatTreatment::Reduced9;
    store.update_invoice(id, &changed).unwrap();
    assert_eq!(store.invoice(id).unwrap().draft, changed);
    store.delete_invoice(id).unwrap();
    assert!(matches!(store.invoice(id), Err(StoreError::NotFound)));
}

#[test]
fn issuing_assigns_the_next_number_and_freezes_the_invoice() {
    let (mut store, client_id) = store_with_client();
    let first = store.create_invoice(&draft(client_id)).unwrap();
    let second = store.create_invoice(&draft(client_id)).unwrap();
    let issued = store.issue_invoice(second, "", 2026, document).unwrap();
    assert_eq!(issued.issued.as_ref().unwrap().number, "2026-0001");
    let issued = store.issue_invoice(first, "", 2026, document).unwrap();
    assert_eq!(issued.issued.as_ref().unwrap().number, "2026-0002");
    assert_eq!(store.invoice_pdf(first).unwrap(), b"%PDF 2026-0002");

    assert!(matches!(
        store.update_invoice(first, &draft(client_id)),
        Err(StoreError::Immutable)
    ));
    assert!(matches!(
        store.delete_invoice(first),
        Err(StoreError::Immutable)
    ));
    let again: Result<_, StoreError> = store.issue_invoice(first, "", 2026, document);
    assert!(matches!(again, Err(StoreError::Immutable)));
}

#[test]
fn an_update_or_delete_of_an_issued_invoice_fails_even_in_raw_sql() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let mut store = Store::open(&path).unwrap();
    let client_id = store.create_client(&client()).unwrap();
    let id = store.create_invoice(&draft(client_id)).unwrap();
    store.issue_invoice(id, "", 2026, document).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    for sql in [
        "UPDATE invoices SET total = '0.01' WHERE id = 1",
        "DELETE FROM invoices WHERE id = 1",
        "UPDATE invoice_lines SET unit_price = '0' WHERE invoice_id = 1",
        "DELETE FROM invoice_lines WHERE invoice_id = 1",
        "INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit, unit_price, vat)
         VALUES (1, 9, 'extra', '1', 'st', '1', '21')",
        "DELETE FROM clients WHERE id = 1",
    ] {
        let err = conn.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("cannot be"), "{sql}: {err}");
    }
    assert_eq!(
        store.invoice(id).unwrap().issued.unwrap().total,
        dec("205.70")
    );
}

#[test]
fn a_failed_render_leaves_no_gap_in_the_series() {
    let (mut store, client_id) = store_with_client();
    let id = store.create_invoice(&draft(client_id)).unwrap();
    let failed: Result<_, StoreError> = store.issue_invoice(id, "", 2026, |_, _| {
        Err(StoreError::Corrupt("renderer failed".into()))
    });
    assert!(failed.is_err());
    assert_eq!(store.last_in_series("", 2026).unwrap(), 0);
    assert_eq!(store.invoice(id).unwrap().issued, None);
    let issued = store.issue_invoice(id, "", 2026, document).unwrap();
    assert_eq!(issued.issued.unwrap().number, "2026-0001");
}

#[test]
fn series_are_per_prefix_and_year() {
    let (mut store, client_id) = store_with_client();
    let ids: Vec<i64> = (0..3)
        .map(|_| store.create_invoice(&draft(client_id)).unwrap())
        .collect();
    let a = store.issue_invoice(ids[0], "", 2026, document).unwrap();
    let b = store.issue_invoice(ids[1], "", 2027, document).unwrap();
    let c = store.issue_invoice(ids[2], "F", 2026, document).unwrap();
    let numbers: Vec<String> = [a, b, c]
        .into_iter()
        .map(|r| r.issued.unwrap().number)
        .collect();
    assert_eq!(numbers, ["2026-0001", "2027-0001", "F2026-0001"]);
}

#[test]
fn a_thousand_invoices_from_two_threads_get_numbers_without_gaps_or_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let client_id = {
        let mut store = Store::open(&path).unwrap();
        store.create_client(&client()).unwrap()
    };
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                (0..500)
                    .map(|_| {
                        let id = store.create_invoice(&draft(client_id)).unwrap();
                        let record = store.issue_invoice(id, "", 2026, document).unwrap();
                        record.issued.unwrap().number
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut numbers: Vec<String> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=1000).map(|n| format!("2026-{n:04}")).collect();
    assert_eq!(numbers, expected);
}

#[test]
fn payments_are_checked_against_earlier_payments_in_the_same_transaction() {
    let (mut store, client_id) = store_with_client();
    let id = store.create_invoice(&draft(client_id)).unwrap();
    store.issue_invoice(id, "", 2026, document).unwrap();
    let payment = |amount: &str| NewPayment {
        paid_on: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        amount: dec(amount),
        method: "bank".into(),
        note: None,
    };
    let limit = |invoice: &InvoiceRecord,
                 earlier: &[PaymentRecord]|
     -> Result<Option<tijdig_store::NewDossierEntry>, StoreError> {
        let paid: Decimal = earlier.iter().map(|p| p.amount).sum();
        if paid >= invoice.issued.as_ref().unwrap().total {
            Err(StoreError::Corrupt("overpaid".into()))
        } else {
            Ok(None)
        }
    };
    store.add_payment(id, &payment("100.00"), limit).unwrap();
    store.add_payment(id, &payment("105.70"), limit).unwrap();
    assert!(store.add_payment(id, &payment("1.00"), limit).is_err());
    let paid: Decimal = store.payments(id).unwrap().iter().map(|p| p.amount).sum();
    assert_eq!(paid, dec("205.70"));
}

#[test]
fn a_new_rate_forgets_only_the_claims_settled_on_or_after_its_start() {
    let (mut store, client_id) = store_with_client();
    let mut ids = Vec::new();
    for _ in 0..3 {
        let id = store.create_invoice(&draft(client_id)).unwrap();
        store.issue_invoice(id, "", 2026, document).unwrap();
        ids.push(id);
    }
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let settled = |invoice_id, on| SettledClaim {
        invoice_id,
        on,
        status: SettledStatus::Paid,
    };
    store
        .remember_settled(&[
            settled(ids[0], day(3, 10)),
            settled(ids[1], day(6, 30)),
            settled(ids[2], day(7, 1)),
        ])
        .unwrap();
    let rate = |valid_from, percent: &str| tijdig_domain::interest::Rate {
        valid_from,
        kind: tijdig_domain::interest::InterestKind::Commercial,
        percent: dec(percent),
        source: "test".into(),
        unverified: false,
    };
    // A rate from 1 July is never read by a ledger that ends on 30 June.
    store.add_rate(&rate(day(7, 1), "10.15")).unwrap();
    assert_eq!(store.settled_count(day(12, 31)).unwrap(), 2);
    assert_eq!(store.settled_count(day(6, 30)).unwrap(), 2);
    // A rate from 1 March changes every ledger that runs past it.
    store.add_rate(&rate(day(3, 1), "11.15")).unwrap();
    assert_eq!(store.settled_count(day(12, 31)).unwrap(), 0);
}
