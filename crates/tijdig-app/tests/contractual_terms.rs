//! Contractual interest and costs (issue 22): a version of the algemene voorwaarden stipulates
//! 1 % per month and 15 % costs with a € 75 minimum; once a business client accepts an offer
//! carrying it, its later invoices' claims — invoice page, letter, dossier — use them; earlier
//! invoices and consumers keep the statutory claim, and the version's terms are then fixed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ladder_world;
mod offer_support;
mod support;

use ladder_world::*;
use offer_support::*;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::App;

fn one_percent_a_month() -> LatePaymentTermsForm {
    LatePaymentTermsForm {
        interest_percent: "1".into(),
        interest_per: RatePer::Month,
        compound: false,
        costs: CostsClause::Percent,
        costs_percent: "15".into(),
        costs_minimum: "75,00".into(),
        costs_amount: String::new(),
        fatal_term: true,
    }
}

fn claim(app: &App, invoice: i64) -> Claim {
    app.invoice(invoice)
        .unwrap()
        .default
        .unwrap()
        .claim
        .unwrap()
}

fn accept(app: &App, offer: i64, on: &str) {
    app.accept_offer(
        offer,
        &AcceptanceForm {
            how: AcceptedHow::Email,
            on: on.into(),
            by: "Eva de Vries".into(),
        },
    )
    .unwrap();
}

#[test]
fn an_accepted_offers_voorwaarden_drive_the_interest_and_costs_of_later_invoices() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    let v1 = app
        .add_terms_document("av.pdf", &terms_pdf("Artikel 7: 1 % rente per maand."))
        .unwrap();

    // Wrong values are refused at their field, nothing stored.
    let err = app
        .save_late_payment_terms(
            v1.id,
            &LatePaymentTermsForm {
                interest_percent: "12".into(),
                costs_percent: String::new(),
                ..one_percent_a_month()
            },
        )
        .unwrap_err();
    let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, vec!["interestPercent", "costsPercent"]);
    assert!(app.terms_documents().unwrap()[0].late_payment.is_none());

    let saved = app
        .save_late_payment_terms(v1.id, &one_percent_a_month())
        .unwrap();
    assert_eq!(
        saved.late_payment_summary.as_deref(),
        Some("contractuele rente 1 % per maand · incassokosten 15 % van de hoofdsom, minimaal € 75,00 · fatale termijn")
    );
    // Consumers get the statutory claim whatever the terms say; 12 % a year is not below the
    // handelsrente (10,40 %), so no note about that.
    assert!(saved
        .late_payment_notes
        .iter()
        .any(|n| n.contains("Particulieren betalen altijd alleen de wettelijke rente")));
    assert!(!saved
        .late_payment_notes
        .iter()
        .any(|n| n.contains("minder dan de wettelijke handelsrente")));

    // The offer states the stipulated terms in its clause; a consumer's offer says the terms
    // do not apply to them.
    let offer = app
        .save_offer(None, &website_offer(&app, w.business))
        .unwrap();
    assert!(
        offer.review.late_payment_text.contains("1 % per maand")
            && offer
                .review
                .late_payment_text
                .contains("15 % van de hoofdsom"),
        "{}",
        offer.review.late_payment_text
    );
    let consumer_review = app.preview_offer(&website_offer(&app, w.consumer)).unwrap();
    assert!(codes(&consumer_review).contains(&"consumer_contractual_terms".to_string()));
    assert!(!consumer_review.late_payment_text.contains("per maand"));

    app.finalise_offer(offer.id).unwrap();
    let (_, pdf) = app.offer_pdf(offer.id).unwrap();
    let text = flat_text(&pdf, "offer-contractual");
    assert!(text.contains("1 % per maand"), "{text}");
    // Sent: the version's terms are fixed.
    let refused = app
        .save_late_payment_terms(
            v1.id,
            &LatePaymentTermsForm {
                interest_percent: "2".into(),
                ..one_percent_a_month()
            },
        )
        .unwrap_err();
    assert!(
        refused.message.contains("liggen vast"),
        "{}",
        refused.message
    );
    accept(&w.on(d(2026, 10, 5)), offer.id, "05-10-2026");

    // An invoice dated after the acceptance: € 1.210,00 due 20 October, verzuim from
    // 21 October.
    let app = w.on(d(2026, 10, 6));
    let mut form = invoice_form(
        w.business,
        vec![line("Ontwerp", "10", "100,00", VatTreatment::Standard21)],
    );
    form.invoice_date = "06-10-2026".into();
    form.payment_term_days = "14".into();
    let later = app
        .issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
        .id;

    // On 20 November one whole month (21 October – 20 November) at 1 %: € 12,10 — the
    // handelsrente would have been 1.210 × 10,40 % × 31/365 = € 10,69. Costs 15 % of
    // € 1.210,00 = € 181,50 (above the € 75 minimum).
    let app = w.on(d(2026, 11, 20));
    let c = claim(&app, later);
    assert_eq!(
        c.interest_label,
        "contractuele rente 1 % per maand volgens je algemene voorwaarden, versie 1"
    );
    assert_eq!(c.segments.len(), 1);
    assert_eq!(c.segments[0].rate_text, "1 % per maand");
    assert_eq!(c.interest, "12.10");
    assert_eq!(c.costs, "181.50");
    assert!(
        c.costs_note
            .contains("15 % van de hoofdsom, minimaal € 75,00"),
        "{}",
        c.costs_note
    );
    assert_eq!(c.total, "1403.60");
    // The earlier invoice (1 October, before the acceptance) keeps the statutory claim.
    let earlier = claim(&app, w.b2b_invoice);
    assert_eq!(
        earlier.interest_label,
        "wettelijke handelsrente (art. 6:119a BW)"
    );
    assert_eq!(earlier.costs, "40.00");
    // The list says the same as the page.
    let listed = app
        .invoices(&InvoiceQuery::default())
        .unwrap()
        .rows
        .into_iter()
        .find(|r| r.id == later)
        .unwrap();
    assert_eq!(listed.outstanding, "1403.60");

    // The aanmaning (due on 1 December) names the basis and asks the same figures: the second
    // month runs 21 November – 20 December (30 days), 11 of them by 1 December:
    // 1.210 × 1 % × 11/30 = 4,4367 → € 4,44; interest € 16,54, total € 1.408,04.
    app.skip_step(&SkipRequest {
        client_id: w.business,
        step: FollowUpStep::Reminder,
        invoice_ids: vec![later],
        note: "Gebeld".into(),
    })
    .unwrap();
    let app = w.on(d(2026, 12, 1));
    let (result, text) = letter(
        &app,
        w.business,
        FollowUpStep::Dunning,
        later,
        FollowUpChannel::Letter,
    );
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "contractuele rente 1 % per maand volgens mijn algemene voorwaarden, versie 1"
        ),
        "{flat}"
    );
    assert!(flat.contains("1,00 p/m"), "{flat}");
    assert!(flat.contains("€ 181,50"), "{flat}");
    assert!(flat.contains("enkelvoudige rente"), "{flat}");
    assert_eq!(result.letter.total, "1408.04");
    assert_eq!(app.invoice(later).unwrap().outstanding, "1408.04");

    // The dossier for a lawyer names the basis of each claim.
    let out = tempfile::tempdir().unwrap();
    let folder = app.export_dossier(w.business, out.path()).unwrap();
    let summary = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("00 Dossier"))
        })
        .unwrap();
    let dossier = flat_text(&std::fs::read(summary).unwrap(), "dossier-contractual");
    assert!(
        dossier
            .contains("contractuele rente 1 % per maand volgens de algemene voorwaarden, versie 1"),
        "{dossier}"
    );
    assert!(
        dossier.contains("wettelijke handelsrente (art. 6:119a BW)"),
        "{dossier}"
    );
}

#[test]
fn a_rate_below_the_handelsrente_is_pointed_out_in_settings() {
    let w = world();
    let app = w.on(d(2026, 10, 1));
    let v1 = app
        .add_terms_document("av.pdf", &terms_pdf("Artikel 7: 0,5 % rente per maand."))
        .unwrap();
    let saved = app
        .save_late_payment_terms(
            v1.id,
            &LatePaymentTermsForm {
                interest_percent: "0,5".into(),
                costs: CostsClause::Fixed,
                costs_amount: "250,00".into(),
                ..one_percent_a_month()
            },
        )
        .unwrap();
    let notes = saved.late_payment_notes.join(" | ");
    // 0,5 % a month is 6 % a year, below the 10,40 % handelsrente of 1 October 2026.
    assert!(notes.contains("0,5 % per maand is 6 % per jaar"), "{notes}");
    assert!(notes.contains("10,40 %"), "{notes}");
    // € 250 on a € 250 invoice is more than the staffel (€ 40): a court may moderate it.
    assert!(notes.contains("ECLI:NL:HR:2015:1868"), "{notes}");
    // The form reads back as typed.
    let form = saved.late_payment.unwrap();
    assert_eq!(
        (form.interest_percent.as_str(), form.costs_amount.as_str()),
        ("0,5", "250,00")
    );
}

#[test]
fn an_acceptance_recorded_outside_tijdig_counts_like_an_accepted_offer() {
    // The client agreed to version 1 on paper on 1 September, before Tijdig.
    let w = world();
    let app = w.on(d(2026, 10, 1));
    let v1 = app
        .add_terms_document("av.pdf", &terms_pdf("Artikel 7: 1 % rente per maand."))
        .unwrap();
    app.save_late_payment_terms(v1.id, &one_percent_a_month())
        .unwrap();
    assert!(app
        .client_terms(w.business)
        .unwrap()
        .current
        .starts_with("Nog geen versie"));

    // Refused at the field: no version chosen, a date in the future; nothing recorded.
    let form = |id: Option<i64>, on: &str| TermsAcceptanceForm {
        terms_document_id: id,
        accepted_on: on.into(),
        note: "Getekend op papier".into(),
    };
    let field = |e: tijdig_app::AppError| e.fields[0].field.clone();
    assert_eq!(
        field(
            app.record_terms_acceptance(w.business, &form(None, "01-09-2026"))
                .unwrap_err()
        ),
        "termsDocumentId"
    );
    assert_eq!(
        field(
            app.record_terms_acceptance(w.business, &form(Some(v1.id), "02-10-2026"))
                .unwrap_err()
        ),
        "acceptedOn"
    );
    let terms = app
        .record_terms_acceptance(w.business, &form(Some(v1.id), "01-09-2026"))
        .unwrap();
    assert_eq!(terms.recorded.len(), 1);
    assert!(
        terms
            .current
            .starts_with("Versie 1, aanvaard op 01-09-2026 — contractuele rente 1 % per maand"),
        "{}",
        terms.current
    );
    // The version is fixed now, as after sending an offer with it.
    assert!(app.terms_documents().unwrap()[0].late_payment_fixed);

    // The business invoice of 1 October (due 15 October) is claimed at 1 % per month: on
    // 15 November a whole month 16 October – 15 November, € 12,10; costs 15 % = € 181,50.
    let app = w.on(d(2026, 11, 15));
    let c = claim(&app, w.b2b_invoice);
    assert_eq!((c.interest.as_str(), c.costs.as_str()), ("12.10", "181.50"));
    // The consumer's record changes nothing for them.
    app.record_terms_acceptance(w.consumer, &form(Some(v1.id), "01-09-2026"))
        .unwrap();
    assert!(app
        .client_terms(w.consumer)
        .unwrap()
        .current
        .contains("particulier betaalt alleen de wettelijke rente"));

    // Recorded by mistake: removed, the statutory claim is back (€ 40, handelsrente).
    let id = app.client_terms(w.business).unwrap().recorded[0].id;
    let after = app.remove_terms_acceptance(w.business, id).unwrap();
    assert!(after.recorded.is_empty());
    let c = claim(&app, w.b2b_invoice);
    assert_eq!(c.costs, "40.00");
    assert_eq!(c.interest_label, "wettelijke handelsrente (art. 6:119a BW)");
}
