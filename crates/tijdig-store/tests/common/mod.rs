//! Shared fixtures of the store tests: a client, a draft invoice, a fake issued document.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;
use tijdig_domain::invoice::{InvoiceKind, InvoiceLine, VatRegime, VatTreatment};
use tijdig_domain::payment_reference::PaymentReferenceKind as ReferenceKind;
use tijdig_domain::*;
use tijdig_store::*;

pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

pub fn client() -> Client {
    Client {
        kind: ClientKind::Business,
        name: "Bakkerij De Korenbloem".into(),
        contact_person: None,
        address: Address {
            country: "NL".into(),
            ..Address::default()
        },
        email: None,
        phone: None,
        kvk: None,
        btw_id: None,
        iban: None,
        preferred_channel: PreferredChannel::Email,
        payment_term_days: None,
        document_language: Language::Nl,
        notes: None,
        debtor_type: DebtorType::Unknown,
        large_company: false,
    }
}

pub fn draft(client_id: i64) -> InvoiceData {
    InvoiceData {
        kind: InvoiceKind::Standard,
        client_id,
        invoice_date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        delivery_from: None,
        delivery_to: None,
        payment_term_days: 14,
        vat_regime: VatRegime::Normal,
        reference_kind: ReferenceKind::Rf,
        note: None,
        credits_invoice_id: None,
        lines: vec![InvoiceLine {
            description: "Ontwerp logo".into(),
            quantity: dec("2"),
            unit: "uur".into(),
            unit_price: dec("85.00"),
            vat: VatTreatment::Standard21,
            discount_percent: None,
        }],
    }
}

pub fn document(number: &str, _seq: u32) -> Result<IssuedDocument, StoreError> {
    Ok(IssuedDocument {
        payment_reference: format!("ref-{number}"),
        total: dec("205.70"),
        pdf: format!("%PDF {number}").into_bytes(),
        pdf_sha256: "00".repeat(32),
        dossier: None,
    })
}

pub fn store_with_client() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let client_id = store.create_client(&client()).unwrap();
    (store, client_id)
}
