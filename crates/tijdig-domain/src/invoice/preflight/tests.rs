use chrono::NaiveDate;
use rust_decimal_macros::dec;

use super::*;
use crate::invoice::line::line;
use crate::invoice::{credit_lines, Delivery, InvoiceLine, OriginalInvoice, VatTreatment};
use crate::{DebtorType, LegalForm, PreferredChannel};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn address(country: &str) -> Address {
    Address {
        street: Some("Keizersgracht".into()),
        house_number: Some("12a".into()),
        postcode: Some("1015 CJ".into()),
        city: Some("Amsterdam".into()),
        country: country.into(),
    }
}

fn profile() -> BusinessProfile {
    BusinessProfile {
        trade_name: "Studio Jansen".into(),
        legal_name: None,
        legal_form: LegalForm::SoleTrader,
        address: address("NL"),
        kvk: Some("01234567".into()),
        btw_id: Some("NL000099998B57".into()),
        iban: Some("NL91ABNA0417164300".into()),
        account_holder: Some("S. Jansen".into()),
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
        name: "Bakkerij De Korenbloem B.V.".into(),
        contact_person: None,
        address: address("NL"),
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

fn lines() -> Vec<InvoiceLine> {
    vec![
        line(dec!(10), dec!(85), VatTreatment::Standard21),
        line(dec!(2), dec!(12.50), VatTreatment::Reduced9),
    ]
}

fn draft(regime: VatRegime) -> InvoiceDraft {
    InvoiceDraft {
        kind: InvoiceKind::Standard,
        regime,
        invoice_date: d(2026, 3, 1),
        delivery: Delivery::SameAsInvoiceDate,
        lines: lines(),
        original: None,
    }
}

fn codes(found: &[PreflightIssue]) -> Vec<&'static str> {
    found.iter().map(PreflightIssue::code).collect()
}

#[test]
fn a_complete_invoice_is_ready_to_issue() {
    assert_eq!(
        preflight(&profile(), &client(), &draft(VatRegime::Normal)),
        []
    );
}

#[test]
fn every_missing_own_detail_is_reported_and_points_to_the_settings() {
    let mut p = profile();
    p.trade_name = String::new();
    p.address.house_number = None;
    p.address.postcode = Some(" ".into());
    p.btw_id = None;
    p.kvk = None;
    p.iban = None;
    let found = preflight(&p, &client(), &draft(VatRegime::Normal));
    assert_eq!(
        codes(&found),
        [
            "own_name_missing",
            "own_address_incomplete",
            "own_btw_id_missing",
            "own_kvk_missing",
            "own_iban_missing"
        ]
    );
    assert!(found.iter().all(|f| f.fix_at() == FixAt::Profile));
    assert_eq!(
        found[2].message(Language::Nl),
        "Je btw-identificatienummer ontbreekt: vul het in bij Instellingen → Bedrijfsgegevens."
    );
    assert_eq!(
        found[1].message(Language::Nl),
        "Je adres is niet compleet: vul het huisnummer en de postcode in bij Instellingen → Bedrijfsgegevens."
    );
    assert_eq!(
        found[1].message(Language::En),
        "Your address is incomplete: fill in the house number and the postcode under Settings → Business details."
    );
}

#[test]
fn the_legal_name_alone_is_enough_as_own_name() {
    let mut p = profile();
    p.trade_name = String::new();
    p.legal_name = Some("Jansen Holding B.V.".into());
    assert_eq!(preflight(&p, &client(), &draft(VatRegime::Normal)), []);
}

#[test]
fn a_kor_invoice_still_needs_the_own_btw_id() {
    let mut p = profile();
    p.kor = true;
    p.btw_id = None;
    assert_eq!(
        codes(&preflight(&p, &client(), &draft(VatRegime::Kor))),
        ["own_btw_id_missing"]
    );
}

#[test]
fn kor_with_lines_at_21_and_9_percent_is_fine() {
    let mut p = profile();
    p.kor = true;
    assert_eq!(preflight(&p, &client(), &draft(VatRegime::Kor)), []);
}

#[test]
fn the_kor_regime_must_match_the_profile() {
    let found = preflight(&profile(), &client(), &draft(VatRegime::Kor));
    assert_eq!(codes(&found), ["kor_not_in_profile"]);
    let mut p = profile();
    p.kor = true;
    let found = preflight(&p, &client(), &draft(VatRegime::Normal));
    assert_eq!(codes(&found), ["kor_profile_charges_btw"]);
    let mut zero = draft(VatRegime::Normal);
    zero.lines = vec![line(dec!(1), dec!(100), VatTreatment::Exempt)];
    assert_eq!(preflight(&p, &client(), &zero), [], "no btw charged");
}

#[test]
fn an_incomplete_client_address_is_reported_at_the_client() {
    let mut c = client();
    c.name = " ".into();
    c.address.street = None;
    c.address.city = None;
    let found = preflight(&profile(), &c, &draft(VatRegime::Normal));
    assert_eq!(
        found,
        [
            PreflightIssue::ClientNameMissing,
            PreflightIssue::ClientAddressIncomplete {
                missing: vec![AddressPart::Street, AddressPart::City]
            }
        ]
    );
    assert!(found.iter().all(|f| f.fix_at() == FixAt::Client));
    assert_eq!(
        found[1].message(Language::Nl),
        "Het adres van de klant is niet compleet: vul de straat en de plaats in bij Klanten."
    );
}

#[test]
fn a_foreign_client_needs_street_and_city_but_no_postcode() {
    let mut c = client();
    c.address = address("IE");
    c.address.postcode = None;
    c.address.house_number = None;
    assert_eq!(preflight(&profile(), &c, &draft(VatRegime::Normal)), []);
}

#[test]
fn reverse_charge_and_intra_eu_need_the_clients_btw_id() {
    let mut c = client();
    c.btw_id = None;
    let found = preflight(&profile(), &c, &draft(VatRegime::ReverseCharge));
    assert_eq!(codes(&found), ["client_btw_id_missing"]);
    c.address = address("DE");
    let found = preflight(&profile(), &c, &draft(VatRegime::IntraEu));
    assert_eq!(codes(&found), ["client_btw_id_missing"]);
    assert_eq!(found[0].fix_at(), FixAt::Client);
}

#[test]
fn reverse_charge_to_a_consumer_is_refused() {
    let mut c = client();
    c.kind = ClientKind::Consumer;
    c.btw_id = None;
    let found = preflight(&profile(), &c, &draft(VatRegime::ReverseCharge));
    assert_eq!(codes(&found), ["reverse_charge_consumer"]);
}

#[test]
fn intra_eu_needs_a_client_in_another_eu_country() {
    let found = preflight(&profile(), &client(), &draft(VatRegime::IntraEu));
    assert_eq!(codes(&found), ["intra_eu_client_nl"]);
    let mut c = client();
    c.address = address("US");
    c.btw_id = Some("DE123456789".into());
    let found = preflight(&profile(), &c, &draft(VatRegime::IntraEu));
    assert_eq!(
        found,
        [PreflightIssue::IntraEuClientOutsideEu {
            country: "US".into()
        }]
    );
    assert!(found[0].message(Language::Nl).contains("(US)"));
    c.address = address("BE");
    assert_eq!(preflight(&profile(), &c, &draft(VatRegime::IntraEu)), []);
}

#[test]
fn an_invoice_without_lines_cannot_be_issued() {
    let mut dr = draft(VatRegime::Normal);
    dr.lines.clear();
    assert_eq!(
        preflight(&profile(), &client(), &dr),
        [PreflightIssue::NoLines]
    );
}

#[test]
fn each_bad_line_is_named_by_its_number() {
    let mut dr = draft(VatRegime::Normal);
    dr.lines[0].description = "  ".into();
    dr.lines[1].quantity = dec!(0);
    dr.lines
        .push(line(dec!(-1), dec!(-5), VatTreatment::Standard21));
    dr.lines[2].discount_percent = Some(dec!(120));
    let found = preflight(&profile(), &client(), &dr);
    assert_eq!(
        found,
        [
            PreflightIssue::LineDescriptionMissing { line: 1 },
            PreflightIssue::LineQuantityZero { line: 2 },
            PreflightIssue::LineQuantityNegative { line: 3 },
            PreflightIssue::LinePriceNegative { line: 3 },
            PreflightIssue::LineDiscountRange { line: 3 },
        ]
    );
    assert_eq!(
        found[0].message(Language::Nl),
        "Regel 1 heeft geen omschrijving: vul in wat je hebt geleverd."
    );
}

#[test]
fn a_delivery_period_must_not_end_before_it_starts() {
    let mut dr = draft(VatRegime::Normal);
    dr.delivery = Delivery::Period {
        first: d(2026, 2, 28),
        last: d(2026, 2, 1),
    };
    assert_eq!(
        codes(&preflight(&profile(), &client(), &dr)),
        ["delivery_period_reversed"]
    );
}

fn credit_note(original: Option<OriginalInvoice>) -> InvoiceDraft {
    InvoiceDraft {
        kind: InvoiceKind::CreditNote,
        lines: credit_lines(&lines(), None),
        original,
        ..draft(VatRegime::Normal)
    }
}

#[test]
fn a_credit_note_refers_to_its_original_invoice() {
    let original = OriginalInvoice {
        number: "2026-0007".into(),
        date: d(2026, 2, 14),
    };
    assert_eq!(
        preflight(&profile(), &client(), &credit_note(Some(original.clone()))),
        []
    );
    let found = preflight(&profile(), &client(), &credit_note(None));
    assert_eq!(codes(&found), ["credit_note_without_original"]);
    let blank = OriginalInvoice {
        number: " ".into(),
        ..original.clone()
    };
    let found = preflight(&profile(), &client(), &credit_note(Some(blank)));
    assert_eq!(codes(&found), ["credit_note_without_original"]);
    let later = OriginalInvoice {
        date: d(2026, 3, 2),
        ..original
    };
    let found = preflight(&profile(), &client(), &credit_note(Some(later)));
    assert_eq!(codes(&found), ["credit_note_before_original"]);
}

#[test]
fn a_credit_note_with_a_positive_line_is_reported() {
    let mut cn = credit_note(Some(OriginalInvoice {
        number: "2026-0007".into(),
        date: d(2026, 2, 14),
    }));
    cn.lines[1] = lines()[1].clone();
    let found = preflight(&profile(), &client(), &cn);
    assert_eq!(found, [PreflightIssue::CreditLinePositive { line: 2 }]);
}

#[test]
fn every_finding_has_a_dutch_and_english_sentence() {
    let all = [
        PreflightIssue::OwnNameMissing,
        PreflightIssue::OwnAddressIncomplete {
            missing: vec![AddressPart::City],
        },
        PreflightIssue::OwnBtwIdMissing,
        PreflightIssue::OwnKvkMissing,
        PreflightIssue::OwnIbanMissing,
        PreflightIssue::KorNotInProfile,
        PreflightIssue::KorProfileChargesBtw,
        PreflightIssue::ClientNameMissing,
        PreflightIssue::ClientAddressIncomplete {
            missing: AddressPart::ALL.to_vec(),
        },
        PreflightIssue::ClientBtwIdMissing,
        PreflightIssue::ReverseChargeToConsumer,
        PreflightIssue::IntraEuClientInNetherlands,
        PreflightIssue::IntraEuClientOutsideEu {
            country: "US".into(),
        },
        PreflightIssue::NoLines,
        PreflightIssue::LineDescriptionMissing { line: 1 },
        PreflightIssue::LineQuantityZero { line: 1 },
        PreflightIssue::LineQuantityNegative { line: 1 },
        PreflightIssue::CreditLinePositive { line: 1 },
        PreflightIssue::LinePriceNegative { line: 1 },
        PreflightIssue::LineDiscountRange { line: 1 },
        PreflightIssue::DeliveryPeriodReversed,
        PreflightIssue::CreditNoteWithoutOriginal,
        PreflightIssue::CreditNoteBeforeOriginal,
    ];
    let mut seen = std::collections::HashSet::new();
    for issue in &all {
        assert!(seen.insert(issue.code()), "duplicate code {}", issue.code());
        for lang in Language::ALL {
            let text = issue.message(*lang);
            assert!(text.ends_with('.') && text.contains(':'), "{text}");
        }
    }
    assert_eq!(
        all[8].message(Language::Nl),
        "Het adres van de klant is niet compleet: vul de straat, het huisnummer, de postcode en de plaats in bij Klanten."
    );
}

#[test]
fn the_suggested_regime_follows_the_client_and_the_kor() {
    let mut p = profile();
    let mut c = client();
    assert_eq!(VatRegime::suggested(&p, &c), VatRegime::Normal);
    p.kor = true;
    assert_eq!(VatRegime::suggested(&p, &c), VatRegime::Kor);
    c.address = address("DE");
    c.btw_id = Some("DE123456789".into());
    assert_eq!(VatRegime::suggested(&p, &c), VatRegime::IntraEu);
    c.kind = ClientKind::Consumer;
    assert_eq!(VatRegime::suggested(&p, &c), VatRegime::Kor);
}
