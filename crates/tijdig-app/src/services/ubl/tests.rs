//! The e-invoice's amounts are the PDF's: the totals and btw rows come from the same
//! `InvoiceTotals`, signed positive on a credit note. (Schema and rule validation: tests/ubl.rs.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::content::UblProfile;
use super::content::{content, unit_code, Missing, Source, UblInvoice};
use super::document::{amount, write};
use crate::services::invoice_amounts::record_totals;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use tijdig_domain::invoice::{InvoiceKind, InvoiceLine, VatRegime, VatTreatment};
use tijdig_domain::payment_reference::PaymentReferenceKind;
use tijdig_domain::{Address, BusinessProfile, Client, ClientKind, Language, LegalForm};
use tijdig_domain::{DebtorType, PreferredChannel};
use tijdig_store::{InvoiceData, InvoiceRecord, IssuedFacts};

fn address(street: &str, city: &str) -> Address {
    Address {
        street: Some(street.into()),
        house_number: Some("1".into()),
        postcode: Some("1015 CJ".into()),
        city: Some(city.into()),
        country: "NL".into(),
    }
}

fn profile() -> BusinessProfile {
    BusinessProfile {
        trade_name: "Studio Jansen".into(),
        legal_name: None,
        legal_form: LegalForm::SoleTrader,
        address: address("Keizersgracht", "Amsterdam"),
        kvk: Some("01234567".into()),
        btw_id: Some("NL000099998B57".into()),
        iban: Some("NL91ABNA0417164300".into()),
        account_holder: None,
        email: None,
        phone: None,
        website: None,
        accent_colour: "#1F5F8B".into(),
        kor: false,
        payment_term_days: 14,
        document_language: Language::Nl,
    }
}

fn client() -> Client {
    Client {
        kind: ClientKind::Business,
        name: "Bakkerij <De Korenbloem> & Zn.".into(),
        contact_person: None,
        address: address("Dorpsstraat", "Utrecht"),
        email: None,
        phone: None,
        kvk: Some("12345678".into()),
        btw_id: Some("NL004495445B01".into()),
        iban: None,
        preferred_channel: PreferredChannel::Email,
        payment_term_days: None,
        document_language: Language::Nl,
        notes: None,
        debtor_type: DebtorType::Unknown,
        large_company: false,
    }
}

fn line(quantity: Decimal, price: Decimal, vat: VatTreatment) -> InvoiceLine {
    InvoiceLine {
        description: "Ontwerp".into(),
        quantity,
        unit: "uur".into(),
        unit_price: price,
        vat,
        discount_percent: None,
    }
}

fn record(kind: InvoiceKind, regime: VatRegime, lines: Vec<InvoiceLine>) -> InvoiceRecord {
    let data = InvoiceData {
        kind,
        client_id: 1,
        invoice_date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        delivery_from: None,
        delivery_to: None,
        payment_term_days: 30,
        vat_regime: regime,
        reference_kind: PaymentReferenceKind::Rf,
        note: None,
        credits_invoice_id: None,
        lines,
    };
    let total = tijdig_domain::invoice::InvoiceTotals::compute(regime, &data.lines).total;
    InvoiceRecord {
        id: 1,
        external: None,
        draft: data,
        issued: Some(IssuedFacts {
            number: "2026-0001".into(),
            payment_reference: "RF18539007547034".into(),
            total,
            issued_at: "2026-11-22T12:00:00Z".into(),
            pdf_sha256: String::new(),
        }),
        created_at: String::new(),
    }
}

fn ubl(record: &InvoiceRecord, client: &Client) -> UblInvoice {
    let totals = record_totals(record);
    let profile = profile();
    let source = Source {
        profile: &profile,
        client,
        record,
        issued: record.issued.as_ref().unwrap(),
        original: None,
        totals: &totals,
        pdf: b"%PDF-1.7 test",
        pdf_file_name: "Factuur 2026-0001.pdf",
    };
    content(&source, UblProfile::SiUbl).unwrap()
}

fn mixed() -> Vec<InvoiceLine> {
    let mut discounted = line(dec!(3), dec!(33.35), VatTreatment::Standard21);
    discounted.discount_percent = Some(dec!(10));
    vec![
        line(dec!(10), dec!(85), VatTreatment::Standard21),
        line(dec!(2), dec!(12.50), VatTreatment::Reduced9),
        line(dec!(3), dec!(0.335), VatTreatment::Standard21),
        discounted,
        line(dec!(1), dec!(40), VatTreatment::Zero),
    ]
}

#[test]
fn the_totals_and_btw_rows_are_the_pdfs() {
    let r = record(InvoiceKind::Standard, VatRegime::Normal, mixed());
    let t = record_totals(&r);
    let u = ubl(&r, &client());
    // 850 + 1,01 + 90,05 = 941,06 at 21 % → 197,62; 25 at 9 % → 2,25; 40 at 0 %.
    assert_eq!(u.line_total, t.subtotal);
    assert_eq!(u.line_total, dec!(1006.06));
    assert_eq!(u.tax_total, dec!(199.87));
    assert_eq!(u.total, t.total);
    assert_eq!(u.total, dec!(1205.93));
    let rows: Vec<_> = u
        .subtotals
        .iter()
        .map(|s| (s.category.code, s.category.percent, s.base, s.tax))
        .collect();
    assert_eq!(
        rows,
        [
            ("S", dec!(21), dec!(941.06), dec!(197.62)),
            ("S", dec!(9), dec!(25.00), dec!(2.25)),
            ("Z", dec!(0), dec!(40), dec!(0)),
        ]
    );
    let line_sum: Decimal = u.lines.iter().map(|l| l.amount).sum();
    assert_eq!(line_sum, u.line_total);
    let discount = u.lines[3].allowance.clone().unwrap();
    // 3 × 33,35 = 100,05; 10 % off gives 90,05: the allowance is 10,00.
    assert_eq!(discount, ("Korting 10%".to_string(), dec!(10.00)));
    assert_eq!(u.lines[3].amount, dec!(90.05));
}

#[test]
fn a_credit_note_has_the_same_amounts_with_a_positive_sign() {
    let credited = tijdig_domain::invoice::credit_lines(&mixed(), None);
    let r = record(InvoiceKind::CreditNote, VatRegime::Normal, credited);
    let t = record_totals(&r);
    assert!(t.total < Decimal::ZERO);
    let u = ubl(&r, &client());
    assert!(u.credit_note);
    assert_eq!(u.type_code, "381");
    assert_eq!(u.total, -t.total);
    assert_eq!(u.tax_total, -t.btw_total);
    assert_eq!(u.line_total, -t.subtotal);
    assert!(u
        .lines
        .iter()
        .all(|l| l.quantity > Decimal::ZERO && l.amount > Decimal::ZERO));
    assert_eq!(u.lines[3].allowance.as_ref().unwrap().1, dec!(10.00));
    assert!(u.payment.is_none() && u.due_date.is_none());
    // A zero btw amount is written as 0.00, never -0.00.
    let xml = write(&u);
    assert!(!xml.contains(">-"), "{xml}");
    assert!(xml.contains("<cbc:PayableAmount currencyID=\"EUR\">1205.93</cbc:PayableAmount>"));
}

#[test]
fn under_the_kor_one_exempt_row_carries_the_subtotal_without_btw() {
    let r = record(InvoiceKind::Standard, VatRegime::Kor, mixed());
    let u = ubl(&r, &client());
    assert_eq!(u.subtotals.len(), 1);
    let row = &u.subtotals[0];
    assert_eq!(
        (row.category.code, row.base, row.tax),
        ("E", dec!(1006.06), dec!(0))
    );
    assert!(row.category.exemption_reason.unwrap().contains("KOR"));
    assert!(u.lines.iter().all(|l| l.category.code == "E"));
    assert_eq!(u.total, dec!(1006.06));
    assert!(u
        .note
        .as_deref()
        .unwrap()
        .contains("kleineondernemersregeling"));
}

#[test]
fn reverse_charge_is_category_ae_with_zero_btw() {
    let r = record(InvoiceKind::Standard, VatRegime::ReverseCharge, mixed());
    let u = ubl(&r, &client());
    assert_eq!(u.subtotals.len(), 1);
    assert_eq!(u.subtotals[0].category.code, "AE");
    assert_eq!(
        u.subtotals[0].category.exemption_reason,
        Some("Btw verlegd.")
    );
    assert_eq!(u.tax_total, dec!(0));
    assert_eq!(u.total, dec!(1006.06));
}

#[test]
fn names_are_escaped_in_the_document() {
    let r = record(InvoiceKind::Standard, VatRegime::Normal, mixed());
    let xml = write(&ubl(&r, &client()));
    assert!(xml.contains("<cbc:Name>Bakkerij &lt;De Korenbloem&gt; &amp; Zn.</cbc:Name>"));
    assert!(xml.contains("filename=\"Factuur 2026-0001.pdf\""));
    // The buyer reference falls back to the invoice number without a contact person.
    assert!(xml.contains("<cbc:BuyerReference>2026-0001</cbc:BuyerReference>"));
}

#[test]
fn a_dutch_client_without_kvk_gets_no_si_ubl_invoice_and_peppol_needs_an_address() {
    let r = record(InvoiceKind::Standard, VatRegime::Normal, mixed());
    let totals = record_totals(&r);
    let profile = profile();
    let make = |client: &Client, ubl_profile| {
        let source = Source {
            profile: &profile,
            client,
            record: &r,
            issued: r.issued.as_ref().unwrap(),
            original: None,
            totals: &totals,
            pdf: b"",
            pdf_file_name: "x.pdf",
        };
        content(&source, ubl_profile)
    };
    let mut c = client();
    c.kind = ClientKind::Consumer;
    c.kvk = None;
    c.btw_id = None;
    assert_eq!(
        make(&c, UblProfile::SiUbl),
        Err(Missing::ClientKvk { consumer: true })
    );
    // No KvK, no btw-id: nothing to address a Peppol invoice to; Peppol has no e-mail scheme.
    assert_eq!(make(&c, UblProfile::Peppol), Err(Missing::ClientEndpoint));
    c.email = Some("klant@example.nl".into());
    assert_eq!(make(&c, UblProfile::Peppol), Err(Missing::ClientEndpoint));
    c.address.country = "DE".into();
    let si = make(&c, UblProfile::SiUbl).unwrap();
    assert_eq!(si.buyer.endpoint, Some(("EM", "klant@example.nl".into())));
    c.kind = ClientKind::Business;
    c.btw_id = Some("DE136695976".into());
    let peppol = make(&c, UblProfile::Peppol).unwrap();
    assert_eq!(peppol.buyer.endpoint, Some(("9930", "DE136695976".into())));
    c.btw_id = Some("EL094259216".into());
    let peppol = make(&c, UblProfile::Peppol).unwrap();
    assert_eq!(peppol.buyer.endpoint, Some(("9933", "EL094259216".into())));
}

#[test]
fn units_map_to_rec_20_codes() {
    assert_eq!(unit_code("uur"), "HUR");
    assert_eq!(unit_code(" Uren "), "HUR");
    assert_eq!(unit_code("st."), "H87");
    assert_eq!(unit_code("dag"), "DAY");
    assert_eq!(unit_code(""), "C62");
    assert_eq!(unit_code("woorden"), "C62");
}

#[test]
fn amounts_have_two_decimals_and_no_negative_zero() {
    assert_eq!(amount(dec!(850)), "850.00");
    assert_eq!(amount(dec!(1.005)), "1.01");
    assert_eq!(amount(-Decimal::ZERO), "0.00");
    assert_eq!(amount(dec!(-0.00)), "0.00");
}
