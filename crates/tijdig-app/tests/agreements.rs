//! Agreements through the app layer: accepting an offer, the agreement PDF with its signature
//! blocks, the countersigned copy checked like "Controleer PDF", the invoices made from the
//! payment schedule — none twice — and the contact moments after sending and delivery.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod offer_support;
mod support;

use offer_support::*;
use support::*;
use tijdig_app::dto::*;

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
