//! The use-cases as the desktop shell calls them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use tijdig_app::dto::*;
use tijdig_app::{App, ErrorCode};

fn profile_form() -> ProfileForm {
    ProfileForm {
        trade_name: "Studio Jansen".into(),
        legal_name: String::new(),
        legal_form: LegalForm::SoleTrader,
        street: "Keizersgracht".into(),
        house_number: "12a".into(),
        postcode: "1015cj".into(),
        city: "Amsterdam".into(),
        country: "NL".into(),
        kvk: "01234567".into(),
        btw_id: "NL000099998B57".into(),
        iban: "NL91 ABNA 0417 1643 00".into(),
        account_holder: "S. Jansen".into(),
        email: "sanne@studiojansen.nl".into(),
        phone: String::new(),
        website: String::new(),
        accent_colour: String::new(),
        kor: false,
        payment_term_days: "14".into(),
        document_language: Language::Nl,
    }
}

fn client_form(name: &str, kind: ClientKind) -> ClientForm {
    ClientForm {
        kind,
        name: name.into(),
        contact_person: String::new(),
        street: String::new(),
        house_number: String::new(),
        postcode: String::new(),
        city: "Utrecht".into(),
        country: "NL".into(),
        email: String::new(),
        phone: String::new(),
        kvk: String::new(),
        btw_id: String::new(),
        iban: String::new(),
        preferred_channel: PreferredChannel::Email,
        payment_term_days: String::new(),
        document_language: Language::Nl,
        notes: String::new(),
        debtor_type: DebtorType::Unknown,
        large_company: false,
    }
}

#[test]
fn a_new_user_is_not_onboarded_until_the_profile_is_saved() {
    let app = App::open_in_memory().unwrap();
    assert!(!app.state().unwrap().onboarded);
    assert_eq!(app.profile().unwrap(), None);
    let saved = app.save_profile(&profile_form()).unwrap();
    assert_eq!(saved.value.form.postcode, "1015 CJ");
    assert_eq!(saved.value.form.iban, "NL91ABNA0417164300");
    assert_eq!(saved.value.form.accent_colour, "#1F5F8B");
    assert!(app.state().unwrap().onboarded);
}

#[test]
fn an_invalid_iban_is_reported_at_the_field_in_dutch_and_nothing_is_saved() {
    let app = App::open_in_memory().unwrap();
    let mut form = client_form("Bakkerij De Korenbloem", ClientKind::Business);
    form.iban = "NL91ABNA0417164301".into();
    let err = app.create_client(&form).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.fields.len(), 1);
    assert_eq!(err.fields[0].field, "iban");
    assert_eq!(
        err.fields[0].message,
        "Dit IBAN klopt niet: controleer de laatste cijfers."
    );
    assert!(app.clients(&ClientQuery::default()).unwrap().is_empty());
}

#[test]
fn errors_follow_the_ui_language() {
    let app = App::open_in_memory().unwrap();
    app.set_ui_language(Language::En).unwrap();
    let mut form = profile_form();
    form.kvk = "123".into();
    let err = app.save_profile(&form).unwrap_err();
    assert_eq!(err.message, "Not saved: correct the marked fields.");
    assert_eq!(err.fields[0].message, "A KvK number has 8 digits.");
}

#[test]
fn a_bsn_shaped_btw_id_is_saved_with_a_warning() {
    let app = App::open_in_memory().unwrap();
    let mut form = profile_form();
    form.btw_id = "NL123456782B01".into();
    let saved = app.save_profile(&form).unwrap();
    assert_eq!(saved.warnings.len(), 1);
    assert_eq!(saved.warnings[0].code, "btw_id_looks_like_bsn");
}

#[test]
fn a_logo_is_checked_and_returned_as_data_url() {
    let app = App::open_in_memory().unwrap();
    app.save_profile(&profile_form()).unwrap();
    // "\x89PNG\r\n\x1a\n" + 4 bytes, base64.
    let png = LogoUpload {
        base64: "iVBORw0KGgoAAAAA".into(),
    };
    let profile = app.set_logo(&png).unwrap();
    assert_eq!(
        profile.logo_data_url.as_deref(),
        Some("data:image/png;base64,iVBORw0KGgoAAAAA")
    );
    let gif = LogoUpload {
        base64: "R0lGODlhAQABAAAAACw=".into(),
    };
    assert_eq!(
        app.set_logo(&gif).unwrap_err().fields[0].code,
        "logo_format"
    );
    let garbage = LogoUpload {
        base64: "not base64!".into(),
    };
    assert_eq!(app.set_logo(&garbage).unwrap_err().fields[0].field, "logo");
    assert!(app.profile().unwrap().unwrap().logo_data_url.is_some());
    assert_eq!(app.remove_logo().unwrap().logo_data_url, None);
}

#[test]
fn clients_are_created_found_edited_and_archived() {
    let app = App::open_in_memory().unwrap();
    let mut business = client_form("Bakkerij De Korenbloem B.V.", ClientKind::Business);
    business.kvk = "12345678".into();
    let created = app.create_client(&business).unwrap().value;
    app.create_client(&client_form("Pieter de Vries", ClientKind::Consumer))
        .unwrap();

    let query = ClientQuery {
        search: "koren".into(),
        ..ClientQuery::default()
    };
    let found = app.clients(&query).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "Bakkerij De Korenbloem B.V.");

    let mut edited = created.form.clone();
    edited.payment_term_days = "30".into();
    edited.debtor_type = DebtorType::Forgets;
    let updated = app.update_client(created.id, &edited).unwrap().value;
    assert_eq!(updated.form.payment_term_days, "30");
    assert_eq!(updated.form.debtor_type, DebtorType::Forgets);

    assert!(app.set_client_archived(created.id, true).unwrap().archived);
    assert_eq!(app.clients(&ClientQuery::default()).unwrap().len(), 1);
    let all = ClientQuery {
        include_archived: true,
        ..ClientQuery::default()
    };
    assert_eq!(app.clients(&all).unwrap().len(), 2);
}

#[test]
fn an_invalid_edit_leaves_the_client_as_it_was() {
    let app = App::open_in_memory().unwrap();
    let created = app
        .create_client(&client_form("Jansen", ClientKind::Consumer))
        .unwrap()
        .value;
    let mut bad = created.form.clone();
    bad.name = "Jansen-Bakker".into();
    bad.postcode = "1234 SA".into();
    let err = app.update_client(created.id, &bad).unwrap_err();
    assert_eq!(err.fields[0].field, "postcode");
    assert_eq!(app.client(created.id).unwrap(), created);
}

#[test]
fn an_unknown_client_is_not_found_in_dutch() {
    let app = App::open_in_memory().unwrap();
    let err = app.client(99).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert_eq!(err.message, "Dit bestaat niet (meer).");
}

#[test]
fn data_survives_a_restart_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = App::open(dir.path()).unwrap();
        app.save_profile(&profile_form()).unwrap();
        app.create_client(&client_form("Jansen", ClientKind::Consumer))
            .unwrap();
    }
    let app = App::open(dir.path()).unwrap();
    assert!(app.state().unwrap().onboarded);
    assert_eq!(
        app.clients(&ClientQuery::default()).unwrap()[0].name,
        "Jansen"
    );
}

#[test]
fn the_error_crosses_the_boundary_as_code_message_and_fields() {
    let app = App::open_in_memory().unwrap();
    let err = app
        .create_client(&client_form(" ", ClientKind::Consumer))
        .unwrap_err();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["code"], "validation");
    assert_eq!(json["fields"][0]["field"], "name");
    assert_eq!(json["fields"][0]["message"], "Vul dit veld in.");
}

#[test]
fn the_rate_table_ships_seeded_rates_and_takes_new_ones_with_a_source() {
    let app = App::open_in_memory().unwrap();
    let rates = app.interest_rates().unwrap();
    // Both kinds, every half-year from 1 July 2014 to 1 July 2026; none unverified since the
    // 1 July 2025 wettelijke rente was confirmed.
    assert_eq!(rates.len(), 50);
    assert!(rates.iter().all(|r| r.shipped));
    assert!(rates.iter().all(|r| !r.unverified));
    assert!(rates.iter().any(|r| r.kind == InterestKind::Commercial
        && r.valid_from == "01-07-2026"
        && r.percent == "10.40"));

    let mut form = InterestRateForm {
        kind: InterestKind::Commercial,
        valid_from: "01-01-2027".into(),
        percent: "10,15".into(),
        source: String::new(),
    };
    let err = app.add_interest_rate(&form).unwrap_err();
    assert_eq!(err.fields[0].field, "source");
    form.source = "Staatscourant december 2026".into();
    let after = app.add_interest_rate(&form).unwrap();
    assert!(after
        .iter()
        .any(|r| r.valid_from == "01-01-2027" && r.percent == "10.15" && !r.shipped));
    assert_eq!(
        app.add_interest_rate(&form).unwrap_err().fields[0].field,
        "validFrom"
    );
    let shipped = after.iter().find(|r| r.shipped).unwrap();
    assert!(app
        .remove_interest_rate(shipped.kind, &shipped.valid_from)
        .is_err());
    assert_eq!(
        app.remove_interest_rate(InterestKind::Commercial, "01-01-2027")
            .unwrap()
            .len(),
        50
    );
}

/// "Eerst rondkijken met voorbeeldgegevens" (issue 21, item 5): the example business is made
/// through the real use-cases, has invoices in every state, letters, an arrangement, an offer
/// and a periodic invoice, says it is example data, and is made once.
#[test]
fn the_example_business_has_invoices_in_every_state_and_says_it_is_an_example() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path())
        .unwrap()
        .with_today(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        .with_vault(Box::new(tijdig_app::keychain::MemoryVault::default()));
    assert!(!app.state().unwrap().example);
    let started = std::time::Instant::now();
    app.fill_example_business().unwrap();
    println!(
        "example business made in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(app.state().unwrap().example);
    assert!(app.state().unwrap().onboarded);
    let all = |status: Option<InvoiceStatus>| {
        app.invoices(&InvoiceQuery {
            status,
            limit: 1000,
            ..InvoiceQuery::default()
        })
        .unwrap()
        .total
    };
    assert!(all(None) >= 200, "{} invoices", all(None));
    for status in [
        InvoiceStatus::Draft,
        InvoiceStatus::Open,
        InvoiceStatus::Overdue,
        InvoiceStatus::PartlyPaid,
        InvoiceStatus::Paid,
        InvoiceStatus::InterestCostsOpen,
        InvoiceStatus::Credited,
    ] {
        assert!(all(Some(status)) > 0, "no invoice is {status:?}");
    }
    assert_eq!(
        app.clients(&ClientQuery {
            search: String::new(),
            sort: ClientSort::Name,
            include_archived: false,
        })
        .unwrap()
        .len(),
        24
    );
    let letters: usize = app
        .clients(&ClientQuery {
            search: String::new(),
            sort: ClientSort::Name,
            include_archived: false,
        })
        .unwrap()
        .iter()
        .map(|c| {
            app.dossier(c.id)
                .unwrap()
                .iter()
                .filter(|e| e.kind == DossierKind::Letter)
                .count()
        })
        .sum();
    assert!(letters >= 2, "{letters} letters");
    assert_eq!(app.arrangements(None).unwrap().len(), 1);
    assert_eq!(app.offers(None).unwrap().len(), 1);
    assert_eq!(app.invoice_schedules().unwrap().len(), 1);
    app.dashboard().unwrap();
    // Made once: a second call changes nothing.
    let before = all(None);
    app.fill_example_business().unwrap();
    assert_eq!(all(None), before);
}
