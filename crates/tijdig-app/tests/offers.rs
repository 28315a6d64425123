//! Offers through the app layer: the review step's checklist, the offer PDF with the content of
//! nl-rules-sources §7.1 and the algemene voorwaarden appended (§7.2), the client's answer, the
//! acceptance checklist. (Agreements, their invoices and contact moments: `agreements.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod offer_support;
mod support;

use offer_support::*;
use support::*;
use tijdig_app::dto::*;

#[test]
fn the_checklist_flags_a_missing_validity_date_until_it_is_set() {
    let (app, client) = setup();
    let mut form = website_offer(&app, client);
    assert_eq!(form.valid_until, "22-12-2026", "30 days by default");
    assert_eq!(form.payment_term_days, "30", "the client's term");
    form.valid_until.clear();
    let review = app.preview_offer(&form).unwrap();
    assert!(
        codes(&review).contains(&"no_validity".to_string()),
        "{review:?}"
    );
    assert!(
        codes(&review).contains(&"no_terms".to_string()),
        "no terms uploaded yet"
    );
    assert_eq!(review.total_incl, "€ 12.100,00");
    assert_eq!(review.schedule.len(), 2);
    assert_eq!(review.schedule[0].amount_incl, "€ 3.630,00");
    assert_eq!(review.schedule[1].amount_excl, "€ 7.000,00");
    assert!(review.late_payment_text.contains("fatale termijn"));

    form.valid_until = "31-12-2026".into();
    app.add_terms_document("voorwaarden.pdf", &terms_pdf("Deze voorwaarden gelden."))
        .unwrap();
    let review = app.preview_offer(&form).unwrap();
    assert!(review.checks.is_empty(), "{:?}", review.checks);

    form.payment_term_days = "90".into();
    let review = app.preview_offer(&form).unwrap();
    assert_eq!(codes(&review), vec!["term_long".to_string()]);
    form.late_payment_clause = false;
    let review = app.preview_offer(&form).unwrap();
    assert!(codes(&review).contains(&"no_late_payment_clause".to_string()));
}

#[test]
fn an_offer_becomes_a_signed_pdf_with_every_required_element_and_the_terms_attached() {
    let (app, client) = setup();
    let terms = app
        .add_terms_document(
            "/home/sanne/AV Studio Jansen 2026.pdf",
            &terms_pdf("Artikel over de toepasselijkheid van deze voorwaarden."),
        )
        .unwrap();
    assert_eq!(
        (terms.version, terms.pages, terms.file_name.as_str()),
        (1, 1, "AV Studio Jansen 2026.pdf")
    );
    let again = app.add_terms_document(
        "kopie.pdf",
        &terms_pdf("Artikel over de toepasselijkheid van deze voorwaarden."),
    );
    assert!(again
        .unwrap_err()
        .message
        .contains("al opgeslagen als versie 1"));
    let garbage = app
        .add_terms_document("x.pdf", b"%PDF-1.7 not really")
        .unwrap_err();
    assert!(
        garbage.message.contains("kan Tijdig niet als PDF lezen"),
        "{garbage:?}"
    );

    let offer = app.save_offer(None, &website_offer(&app, client)).unwrap();
    assert_eq!(offer.number, "OF-2026-0001");
    assert_eq!(offer.status, "concept");
    let offer = app.finalise_offer(offer.id).unwrap();
    assert_eq!(
        (offer.status.as_str(), offer.status_label.as_str()),
        ("sent", "Verstuurd")
    );
    assert_eq!(offer.sent_on.as_deref(), Some("22-11-2026"));
    assert_eq!(
        offer.follow_up_on.as_deref(),
        Some("19-12-2026"),
        "3 days before it expires"
    );
    assert!(offer.signed);
    assert_eq!(offer.terms.as_ref().map(|t| t.version), Some(1));

    let (name, pdf) = app.offer_pdf(offer.id).unwrap();
    assert_eq!(name, "Offerte OF-2026-0001.pdf");
    let check = app.check_pdf(&pdf).unwrap();
    assert!(check.signatures[0].intact && check.signatures[0].covers_whole_file);
    assert_eq!(check.matches[0].kind, "offer");
    let text = flat_text(&pdf, "offer");
    assert_contains_all(
        &text,
        &[
            "Offerte OF-2026-0001: Nieuwe website",
            // Parties with address, KvK and btw-id.
            "Opdrachtnemer",
            "Studio Jansen, Keizersgracht 12a, 1015 CJ Amsterdam, KvK 01234567, btw-id",
            "Opdrachtgever",
            "Bakkerij De Korenbloem B.V., Dorpsstraat 1, 3511 AB Utrecht, KvK 12345678",
            "contactpersoon Eva de Vries",
            // Date and validity.
            "22 november 2026",
            "geldig tot en met 22 december 2026",
            // Scope, exclusions, planning, acceptance.
            "Wat ik lever",
            "vijf pagina's",
            "Wat niet is inbegrepen",
            "Planning en oplevering",
            "Acceptatie",
            // Price excl. and incl. btw, schedule, term and late-payment clause.
            "Vaste prijs",
            "€ 10.000,00",
            "Btw 21%",
            "€ 2.100,00",
            "Totaal incl. btw",
            "€ 12.100,00",
            "Aanbetaling",
            "€ 3.630,00",
            "Eindfactuur",
            "€ 8.470,00",
            "30 dagen na factuurdatum",
            "fatale termijn",
            "handelsrente",
            "wettelijke staffel",
            // The algemene voorwaarden: which version, its hash, and attached.
            "algemene voorwaarden van toepassing (versie 1",
            &terms.sha256[..16],
            "bij dit document gevoegd",
            // The appended terms themselves.
            "Artikel 1 Toepasselijkheid",
            "Artikel over de toepasselijkheid",
        ],
        "offer PDF",
    );

    // Final means final.
    let changed = app.save_offer(Some(offer.id), &website_offer(&app, client));
    assert!(changed.is_err());
    assert!(app
        .delete_offer(offer.id)
        .unwrap_err()
        .message
        .contains("kan niet worden verwijderd"));
    // The next offer takes the next number.
    let next = app.save_offer(None, &website_offer(&app, client)).unwrap();
    assert_eq!(next.number, "OF-2026-0002");
    app.delete_offer(next.id).unwrap();
}

#[test]
fn a_declined_offer_and_an_expired_one_keep_their_status() {
    let (app, client) = setup();
    let mut form = website_offer(&app, client);
    form.valid_until = "20-11-2026".into();
    let review = app.preview_offer(&form).unwrap();
    assert!(codes(&review).contains(&"validity_passed".to_string()));
    // An offer that would have expired before it is sent is not made final.
    let expired = app.save_offer(None, &form).unwrap();
    let refused = app.finalise_offer(expired.id).unwrap_err();
    assert_eq!(refused.fields[0].field, "validUntil");
    assert_eq!(app.offer(expired.id).unwrap().status, "concept");
    form.valid_until = "24-11-2026".into();
    app.save_offer(Some(expired.id), &form).unwrap();
    app.finalise_offer(expired.id).unwrap();
    // A large company may not be given a term over 30 days: void, so not made final either.
    let mut big = business_client();
    big.name = "Grootbedrijf N.V.".into();
    big.large_company = true;
    let big = app.create_client(&big).unwrap().value;
    let mut long = website_offer(&app, big.id);
    long.payment_term_days = "45".into();
    let long = app.save_offer(None, &long).unwrap();
    let void = app.finalise_offer(long.id).unwrap_err();
    assert_eq!(
        (void.fields[0].field.as_str(), void.fields[0].code.as_str()),
        ("paymentTermDays", "term_void")
    );

    let declined = app.save_offer(None, &website_offer(&app, client)).unwrap();
    app.finalise_offer(declined.id).unwrap();
    let declined = app
        .reject_offer(declined.id, "22-11-2026", "Te duur")
        .unwrap();
    assert_eq!(declined.status_label, "Afgewezen");
    assert_eq!(declined.answer_note.as_deref(), Some("Te duur"));
    let list = app.offers(Some(client)).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].total_incl, "€ 12.100,00");
    // After its validity date an unanswered offer has expired.
    let later = app.with_today(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    assert_eq!(later.offer(expired.id).unwrap().status_label, "Verlopen");
}

#[test]
fn an_incomplete_offer_cannot_be_finalised_and_nothing_changes() {
    let (app, client) = setup();
    let mut form = app.new_offer_form(Some(client)).unwrap();
    form.title = "Logo".into();
    let offer = app.save_offer(None, &form).unwrap();
    let err = app.finalise_offer(offer.id).unwrap_err();
    let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, vec!["scope", "fixedPrice"]);
    assert_eq!(app.offer(offer.id).unwrap().status, "concept");
    form.advance_kind = AdvanceKind::Amount;
    form.advance = "abc".into();
    let err = app.save_offer(Some(offer.id), &form).unwrap_err();
    assert_eq!(err.fields[0].field, "advance");
}

#[test]
fn a_consumer_offer_states_the_price_incl_btw_and_the_withdrawal_right() {
    let (app, _) = setup();
    let mut consumer = business_client();
    consumer.kind = ClientKind::Consumer;
    consumer.name = "Anna Bakker".into();
    consumer.kvk.clear();
    consumer.btw_id.clear();
    consumer.contact_person.clear();
    let consumer = app.create_client(&consumer).unwrap().value;
    let mut form = website_offer(&app, consumer.id);
    assert!(form.withdrawal_notice, "on by default for a consumer");
    form.withdrawal_notice = false;
    let review = app.preview_offer(&form).unwrap();
    assert!(codes(&review).contains(&"consumer_no_withdrawal".to_string()));
    assert!(review
        .late_payment_text
        .contains("eerst een herinnering met 14 dagen"));
    form.withdrawal_notice = true;
    let offer = app.save_offer(None, &form).unwrap();
    app.finalise_offer(offer.id).unwrap();
    let text = flat_text(&app.offer_pdf(offer.id).unwrap().1, "offer-b2c");
    assert_contains_all(
        &text,
        &[
            "Totaal incl. btw",
            "€ 12.100,00",
            "Herroepingsrecht",
            "binnen 14 dagen",
            "eerst een herinnering met 14 dagen",
        ],
        "consumer offer",
    );
    assert!(!text.contains("fatale termijn"));
}

#[test]
fn the_acceptance_checklist_advises_an_advance_for_a_risky_client() {
    let (app, client) = setup();
    let fresh = app.client_acceptance(client).unwrap();
    assert!(!fresh.advance_advised);
    assert!(fresh.payment_history.contains("Nog geen facturen"));
    assert_eq!(fresh.checked_on, None);
    let saved = app
        .save_client_acceptance(
            client,
            &ClientAcceptanceForm {
                kvk_checked: true,
                references_ok: true,
                trouble_signals: true,
                note: "Beslaglegging in het nieuws".into(),
            },
        )
        .unwrap();
    assert!(saved.advance_advised);
    assert!(saved.advice.contains("aanbetaling"));
    assert_eq!(saved.checked_on.as_deref(), Some("22-11-2026"));
    // The risk view shows it beside the client (not in the score).
    let invoice = app
        .create_invoice(&invoice_form(
            client,
            vec![line("Ontwerp", "10", "100", VatTreatment::Standard21)],
        ))
        .unwrap();
    app.issue_invoice(invoice.id).unwrap();
    let risk = app.dashboard().unwrap().risks.remove(0);
    assert_eq!(
        risk.acceptance.as_deref(),
        Some("Acceptatie 22-11-2026: signalen van betalingsproblemen — vraag een aanbetaling")
    );
    let block = app
        .add_text_block("scope", "Website", "Ontwerp en bouw")
        .unwrap();
    assert_eq!(app.text_blocks().unwrap(), vec![block.clone()]);
    assert!(app.add_text_block("scope", "", "x").is_err());
    app.delete_text_block(block.id).unwrap();
    assert!(app.text_blocks().unwrap().is_empty());
}

/// Every text of an offer, a text block and the business profile is printed: a character the
/// document font lacks is refused at its field, and nothing is stored.
#[test]
fn an_unprintable_character_in_an_offer_a_text_block_or_the_profile_is_refused_at_its_field() {
    let (app, client) = support::setup();
    let mut form = website_offer(&app, client);
    form.scope = "Een website met 🚀 snelheid".into();
    let err = app.save_offer(None, &form).unwrap_err();
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].code.as_str()),
        ("scope", "unprintable")
    );
    assert!(app.offers(None).unwrap().is_empty());
    let err = app
        .add_text_block("scope", "Snel 🚀", "Een snelle website")
        .unwrap_err();
    assert_eq!(err.fields[0].field, "title");
    let mut profile = support::profile_form();
    profile.trade_name = "Studio Jansen ✨".into();
    let err = app.save_profile(&profile).unwrap_err();
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].code.as_str()),
        ("tradeName", "unprintable")
    );
    assert_eq!(
        app.profile().unwrap().unwrap().form.trade_name,
        "Studio Jansen"
    );
}
