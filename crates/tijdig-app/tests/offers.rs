//! Offers and agreements through the app layer: the review step's checklist, the offer and
//! agreement PDFs with the content of nl-rules-sources §7.1 and the algemene voorwaarden appended
//! (§7.2), the client's answer, the countersigned copy checked like "Controleer PDF", and the
//! invoices made from the agreement's payment schedule — none twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::time::{Duration, UNIX_EPOCH};

use support::*;
use tijdig_app::dto::*;
use tijdig_app::App;
use tijdig_documents::model::*;
use tijdig_documents::signing::{sign_pdf, SignatureInfo, SigningIdentity};

/// A small "algemene voorwaarden" PDF, as a user would upload it.
fn terms_pdf(article: &str) -> Vec<u8> {
    let doc = LetterPdf {
        meta: DocMeta {
            title: "Algemene voorwaarden".into(),
            author: "Studio Jansen".into(),
            subject: "Voorwaarden".into(),
            document_id: [3; 16],
            created: Timestamp {
                year: 2026,
                month: 1,
                day: 5,
                hour: 10,
                minute: 0,
                second: 0,
            },
        },
        letterhead: Letterhead {
            logo: None,
            accent: Rgb(20, 20, 20),
            sender_lines: vec!["Studio Jansen".into()],
            footer_lines: vec![],
        },
        return_line: None,
        recipient_lines: vec![],
        date_line: String::new(),
        meta_rows: vec![],
        subject: "Algemene voorwaarden Studio Jansen".into(),
        salutation: String::new(),
        body: vec![
            LetterBlock::Heading("Artikel 1 Toepasselijkheid".into()),
            LetterBlock::Paragraph(article.into()),
        ],
        closing: vec![],
        page_label: "pagina {page} van {pages}".into(),
        running_head: None,
    };
    tijdig_documents::Renderer::shared()
        .unwrap()
        .render_letter(&doc)
        .unwrap()
}

fn website_offer(app: &App, client: i64) -> OfferForm {
    let mut form = app.new_offer_form(Some(client)).unwrap();
    form.title = "Nieuwe website".into();
    form.scope =
        "Ontwerp en bouw van een website met vijf pagina's en een contactformulier.".into();
    form.exclusions = "Teksten en foto's levert de opdrachtgever aan.".into();
    form.planning = "Start 1 december 2026, oplevering uiterlijk 31 januari 2027.".into();
    form.acceptance_criteria = "De website is geaccepteerd als de opdrachtgever binnen 5 werkdagen na oplevering geen gebreken meldt.".into();
    form.fixed_price = "10.000,00".into();
    form.advance_kind = AdvanceKind::Percent;
    form.advance = "30".into();
    form
}

/// The PDF's text with every run of white space (line ends of wrapped paragraphs) as one space.
fn flat_text(pdf: &[u8], name: &str) -> String {
    pdf_text(pdf, name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn codes(review: &OfferReview) -> Vec<String> {
    review.checks.iter().map(|c| c.code.clone()).collect()
}

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

fn signed_by_client(pdf: &[u8]) -> Vec<u8> {
    let at = UNIX_EPOCH + Duration::from_secs(1_796_000_000);
    let client = SigningIdentity::generate("Eva de Vries", at).unwrap();
    sign_pdf(
        pdf,
        &client,
        &SignatureInfo {
            name: "Eva de Vries",
            reason: "Voor akkoord",
            location: "Utrecht",
        },
        at,
    )
    .unwrap()
}

#[test]
fn accepting_makes_the_agreement_and_the_schedule_is_invoiced_once_per_line() {
    let (app, client) = setup();
    app.add_terms_document("av.pdf", &terms_pdf("Artikel 1 van de voorwaarden."))
        .unwrap();
    let offer = app.save_offer(None, &website_offer(&app, client)).unwrap();
    let early = app.accept_offer(
        offer.id,
        &AcceptanceForm {
            how: AcceptedHow::Email,
            on: "22-11-2026".into(),
            by: "Eva de Vries".into(),
        },
    );
    assert!(early.unwrap_err().message.contains("eerst definitief"));
    app.finalise_offer(offer.id).unwrap();
    let missing = app
        .accept_offer(
            offer.id,
            &AcceptanceForm {
                how: AcceptedHow::Email,
                on: "morgen".into(),
                by: " ".into(),
            },
        )
        .unwrap_err();
    let fields: Vec<_> = missing.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, vec!["on", "by"]);
    let offer = app
        .accept_offer(
            offer.id,
            &AcceptanceForm {
                how: AcceptedHow::Email,
                on: "21-11-2026".into(),
                by: "Eva de Vries".into(),
            },
        )
        .unwrap();
    assert_eq!(offer.status_label, "Geaccepteerd");
    let agreement = offer.agreement.clone().unwrap();
    assert_eq!(agreement.number, "OB-2026-0001");
    assert_eq!(agreement.accepted_how_label, "akkoord per e-mail");
    assert!(agreement.signed);
    assert_eq!(agreement.remaining_incl, "€ 12.100,00");

    let (name, pdf) = app.agreement_pdf(agreement.id).unwrap();
    assert_eq!(name, "Opdrachtbevestiging OB-2026-0001.pdf");
    let text = flat_text(&pdf, "agreement");
    assert_contains_all(
        &text,
        &[
            "Opdrachtbevestiging OB-2026-0001: Nieuwe website",
            "Op 21 november 2026 heb je mijn offerte OF-2026-0001 van 22-11-2026 aanvaard",
            "akkoord per e-mail, door Eva de Vries",
            "KvK 12345678",
            "€ 12.100,00",
            "fatale termijn",
            "algemene voorwaarden (versie 1) vóór het sluiten van deze overeenkomst te hebben ontvangen",
            "Voor akkoord",
            "Opdrachtnemer: Studio Jansen",
            "Opdrachtgever: Bakkerij De Korenbloem B.V.",
            "Handtekening",
            "Plaats",
            "Artikel 1 van de voorwaarden.",
        ],
        "agreement PDF",
    );
    assert!(app
        .reject_offer(offer.id, "22-11-2026", "")
        .unwrap_err()
        .message
        .contains("al vastgelegd"));

    // The client's countersigned copy: their signature after ours, both hold.
    let countersigned = signed_by_client(&pdf);
    let offer = app
        .register_countersigned(
            agreement.id,
            "/tmp/getekend OB-2026-0001.pdf",
            &countersigned,
        )
        .unwrap();
    let copy = offer.agreement.unwrap().countersigned.unwrap();
    assert_eq!(copy.file_name, "getekend OB-2026-0001.pdf");
    assert!(
        copy.check
            .contains("Jouw handtekening Studio Jansen: geldig"),
        "{}",
        copy.check
    );
    assert!(
        copy.check.contains("Handtekening Eva de Vries: geldig"),
        "{}",
        copy.check
    );
    assert!(
        copy.check.contains("jouw opdrachtbevestiging, ongewijzigd"),
        "{}",
        copy.check
    );
    // Someone else's PDF is stored but said not to be this agreement.
    let other = signed_by_client(&terms_pdf("iets anders"));
    let offer = app
        .register_countersigned(agreement.id, "ander.pdf", &other)
        .unwrap();
    assert!(offer
        .agreement
        .unwrap()
        .countersigned
        .unwrap()
        .check
        .contains("Let op"));
    // A scan is stored with its hash.
    let scan = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
    let offer = app
        .register_countersigned(agreement.id, "scan.jpg", &scan)
        .unwrap();
    assert!(offer
        .agreement
        .unwrap()
        .countersigned
        .unwrap()
        .check
        .starts_with("Scan"));
    assert!(app
        .register_countersigned(agreement.id, "x.txt", b"hello")
        .is_err());

    // The advance invoice, pre-filled; the same line cannot be invoiced again.
    let advance = app.invoice_agreement_line(agreement.id, 0).unwrap();
    assert_eq!(advance.form.kind, InvoiceKind::Advance);
    assert_eq!(advance.totals.total, "3630.00");
    assert!(advance.form.lines[0]
        .description
        .contains("Aanbetaling: Nieuwe website (volgens opdrachtbevestiging OB-2026-0001)"));
    assert_eq!(advance.form.payment_term_days, "30");
    let twice = app.invoice_agreement_line(agreement.id, 0).unwrap_err();
    assert!(
        twice.message.contains("al een factuur gemaakt"),
        "{twice:?}"
    );
    let a = app.offer(offer.id).unwrap().agreement.unwrap();
    assert_eq!(
        (a.invoiced_incl.as_str(), a.remaining_incl.as_str()),
        ("€ 3.630,00", "€ 8.470,00")
    );
    assert_eq!(a.schedule[0].invoice_id, Some(advance.id));
    // Issued, it carries its number in the schedule.
    let issued = app.issue_invoice(advance.id).unwrap();
    let a = app.offer(offer.id).unwrap().agreement.unwrap();
    assert_eq!(a.schedule[0].invoice_number, issued.number);

    // The final invoice takes exactly what is left.
    let last = app.invoice_agreement_line(agreement.id, 1).unwrap();
    assert_eq!(last.totals.total, "8470.00");
    let a = app.offer(offer.id).unwrap().agreement.unwrap();
    assert_eq!(a.remaining_incl, "€ 0,00");
    // Deleting the concept frees its line again.
    app.delete_invoice(last.id).unwrap();
    let a = app.offer(offer.id).unwrap().agreement.unwrap();
    assert_eq!(a.remaining_incl, "€ 8.470,00");
    assert_eq!(a.schedule[1].invoice_id, None);

    let delivered = app
        .mark_agreement_delivered(agreement.id, "30-01-2027")
        .unwrap();
    assert_eq!(
        delivered
            .agreement
            .unwrap()
            .satisfaction_check_on
            .as_deref(),
        Some("02-02-2027")
    );
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

#[test]
fn a_sent_offer_is_followed_up_before_it_expires_and_a_delivered_one_gets_a_satisfaction_call() {
    let (app, client) = setup();
    let mut form = website_offer(&app, client);
    form.valid_until = "24-11-2026".into();
    let offer = app.save_offer(None, &form).unwrap();
    assert!(
        app.offer_contacts().unwrap().is_empty(),
        "a concept is not followed up"
    );
    let offer = app.finalise_offer(offer.id).unwrap();
    assert_eq!(
        offer.follow_up_on.as_deref(),
        Some("22-11-2026"),
        "short validity: the day it is sent"
    );
    assert!(
        app.offer_contacts().unwrap().is_empty(),
        "22-11-2026 is a Sunday: no contact"
    );
    let app = app.with_today(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    let contacts = app.offer_contacts().unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(
        (contacts[0].kind.as_str(), contacts[0].number.as_str()),
        ("expiring", "OF-2026-0001")
    );
    assert!(contacts[0].text.contains("geldig tot en met 24-11-2026"));
    let offer = app
        .record_offer_follow_up(offer.id, "Eva belt maandag terug")
        .unwrap();
    assert_eq!(offer.follow_up_on, None);
    assert!(app.offer_contacts().unwrap().is_empty());
    assert!(app
        .record_offer_follow_up(offer.id, "")
        .unwrap_err()
        .message
        .contains("al vastgelegd"));

    let offer = app
        .accept_offer(
            offer.id,
            &AcceptanceForm {
                how: AcceptedHow::Paper,
                on: "23-11-2026".into(),
                by: "Eva de Vries".into(),
            },
        )
        .unwrap();
    let agreement = offer.agreement.unwrap();
    app.mark_agreement_delivered(agreement.id, "18-11-2026")
        .unwrap();
    assert!(
        app.mark_agreement_delivered(agreement.id, "19-11-2026")
            .is_err(),
        "once"
    );
    let contacts = app.offer_contacts().unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(
        (contacts[0].kind.as_str(), contacts[0].due.as_str()),
        ("satisfaction", "21-11-2026")
    );
    let offer = app
        .record_satisfaction_check(agreement.id, "Tevreden, wil nog een nieuwsbrief")
        .unwrap();
    assert_eq!(
        offer.agreement.unwrap().satisfaction_checked_on.as_deref(),
        Some("23-11-2026")
    );
    assert!(app.offer_contacts().unwrap().is_empty());

    // Every step is in the client's dossier.
    let notes: Vec<String> = app
        .dossier(client)
        .unwrap()
        .into_iter()
        .map(|e| format!("{}: {}", e.kind_label, e.note))
        .collect();
    for expected in [
        "Offerte: Offerte OF-2026-0001 “Nieuwe website” definitief gemaakt om te versturen: € 12.100,00 incl. btw, geldig tot en met 24-11-2026",
        "Offerte: Contact over offerte OF-2026-0001: Eva belt maandag terug",
        "Opdrachtbevestiging: Offerte OF-2026-0001 aanvaard op 23-11-2026 (op papier ondertekend, door Eva de Vries); opdrachtbevestiging OB-2026-0001 gemaakt",
        "Opdrachtbevestiging: Opdracht OB-2026-0001 opgeleverd op 18-11-2026",
        "Opdrachtbevestiging: Gevraagd of de klant tevreden is over OB-2026-0001: Tevreden, wil nog een nieuwsbrief",
    ] {
        assert!(notes.iter().any(|n| n == expected), "missing {expected:?} in {notes:#?}");
    }
}

#[test]
fn the_agreement_confirms_the_terms_that_were_offered_even_if_the_client_record_changes() {
    let (app, client) = setup();
    let offer = app.save_offer(None, &website_offer(&app, client)).unwrap();
    app.finalise_offer(offer.id).unwrap();
    // The client is later (wrongly) recorded as a consumer in English.
    let mut changed = business_client();
    changed.kind = ClientKind::Consumer;
    changed.kvk.clear();
    changed.btw_id.clear();
    changed.document_language = Language::En;
    app.update_client(client, &changed).unwrap();
    let accepted = app
        .accept_offer(
            offer.id,
            &AcceptanceForm {
                how: AcceptedHow::Email,
                on: "22-11-2026".into(),
                by: "Eva de Vries".into(),
            },
        )
        .unwrap();
    let agreement = accepted.agreement.unwrap();
    let text = flat_text(
        &app.agreement_pdf(agreement.id).unwrap().1,
        "agreement-snapshot",
    );
    assert_contains_all(
        &text,
        &[
            "Opdrachtbevestiging OB-2026-0001",
            "fatale termijn",
            "handelsrente",
        ],
        "agreement after a client change",
    );
    assert!(!text.contains("Herroepingsrecht"));
}
