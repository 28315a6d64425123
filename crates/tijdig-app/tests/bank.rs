//! Bank statements in: certain matches booked, the rest proposed or left to assign, nothing
//! ever registered twice, a malformed file refused whole.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod camt_writer;
mod support;

use camt_writer::{statement, Entry};
use support::*;
use tijdig_app::dto::*;
use tijdig_app::{App, ErrorCode};

const OWN: &str = "NL91ABNA0417164300";
const PAYER: &str = "NL02ABNA0123456789";

fn issue(app: &App, client: i64, price: &str) -> Invoice {
    let form = invoice_form(
        client,
        vec![line("Ontwerp", "1", price, VatTreatment::Standard21)],
    );
    app.issue_invoice(app.create_invoice(&form).unwrap().id)
        .unwrap()
}

fn entry<'a>(
    amount: &'a str,
    text: &'a str,
    reference: Option<&'a str>,
    iban: &'a str,
    bank_ref: &'a str,
) -> Entry<'a> {
    Entry {
        amount,
        credit: true,
        date: "2026-11-21",
        iban,
        name: "Bakkerij De Korenbloem",
        text,
        reference,
        bank_ref,
    }
}

fn payer_client(app: &App) -> i64 {
    let mut form = business_client();
    form.name = "Drukkerij Vos".into();
    form.iban = PAYER.into();
    app.create_client(&form).unwrap().value.id
}

#[test]
fn certain_matches_are_booked_the_rest_proposed_and_a_second_import_registers_nothing() {
    let (app, client) = setup();
    let vos = payer_client(&app);
    let a = issue(&app, client, "1000,00"); // € 1.210,00
    let b = issue(&app, client, "500,00"); // € 605,00
    let c = issue(&app, vos, "100,00"); // € 121,00
    let a_ref = a.payment_reference.clone().unwrap().replace(' ', "");
    let b_number = b.number.clone().unwrap();
    let text_b = format!("factuur {b_number} deel 1");
    let xml = statement(
        OWN,
        &[
            entry(
                "1210.00",
                "betaling",
                Some(&a_ref),
                "NL44RABO0123456789",
                "R1",
            ),
            entry("300.00", &text_b, None, "NL44RABO0123456789", "R2"),
            entry(
                "121.00",
                "bedankt voor de mooie drukproef",
                None,
                PAYER,
                "R3",
            ),
            Entry {
                name: "Stichting Borg",
                ..entry(
                    "50.00",
                    "terugbetaling borg",
                    None,
                    "NL55INGB0001234567",
                    "R4",
                )
            },
            Entry {
                credit: false,
                ..entry("80.00", "huur", None, "NL55INGB0001234567", "R5")
            },
        ],
    );
    let first = app
        .import_bank_statement("afschrift-november.xml", xml.as_bytes())
        .unwrap();
    assert_eq!(
        (
            first.booked,
            first.proposed,
            first.unmatched,
            first.skipped,
            first.duplicates
        ),
        (2, 1, 1, 1, 0)
    );
    assert_eq!(first.booked_amount, "1510.00");
    assert_eq!(
        first.summary,
        "2 betalingen geboekt (€ 1.510,00), 1 voorstel om te bevestigen, 1 niet gekoppeld."
    );
    assert!(
        first.warning.is_none(),
        "the statement is of the profile's own account"
    );
    assert_eq!(app.invoice(a.id).unwrap().outstanding, "0.00");
    assert_eq!(app.invoice(b.id).unwrap().outstanding, "305.00");
    // Each booking says in the client's dossier what it paid, as a payment by hand does.
    let payments: Vec<String> = app
        .dossier(client)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == DossierKind::Payment)
        .map(|e| e.note)
        .collect();
    assert_eq!(payments.len(), 2, "{payments:?}");
    assert!(
        payments.iter().any(|n| n.contains("alles betaald")),
        "{payments:?}"
    );
    assert!(
        payments.iter().any(|n| n.contains("€ 305,00")),
        "{payments:?}"
    );
    assert_eq!(
        app.invoice(c.id).unwrap().outstanding,
        "121.00",
        "a proposal books nothing yet"
    );

    // The same file again: every entry is known, nothing is registered twice.
    let again = app
        .import_bank_statement("afschrift-november.xml", xml.as_bytes())
        .unwrap();
    assert_eq!(
        (
            again.booked,
            again.proposed,
            again.unmatched,
            again.duplicates
        ),
        (0, 0, 0, 4)
    );
    assert_eq!(app.invoice(b.id).unwrap().outstanding, "305.00");

    // An overlapping export (two known entries, one new) books only the new one.
    let text_b2 = format!("rest {b_number}");
    let overlap = statement(
        OWN,
        &[
            entry(
                "121.00",
                "bedankt voor de mooie drukproef",
                None,
                PAYER,
                "R3",
            ),
            Entry {
                name: "Stichting Borg",
                ..entry(
                    "50.00",
                    "terugbetaling borg",
                    None,
                    "NL55INGB0001234567",
                    "R4",
                )
            },
            entry("305.00", &text_b2, None, "NL44RABO0123456789", "R6"),
        ],
    );
    let third = app
        .import_bank_statement("afschrift-week-48.xml", overlap.as_bytes())
        .unwrap();
    assert_eq!((third.booked, third.duplicates), (1, 2));
    assert_eq!(app.invoice(b.id).unwrap().outstanding, "0.00");

    // The proposal (amount + the client's IBAN) is confirmed with one click.
    let overview = app.bank_overview().unwrap();
    assert_eq!(overview.proposed.len(), 1);
    let proposal = &overview.proposed[0];
    assert_eq!(proposal.invoice_number, c.number);
    assert_eq!(
        proposal.reason.as_deref(),
        Some("bedrag en rekeningnummer van de klant")
    );
    assert_eq!(proposal.client_name.as_deref(), Some("Drukkerij Vos"));
    let overview = app.confirm_bank_transaction(proposal.id).unwrap();
    assert!(overview.proposed.is_empty());
    assert_eq!(app.invoice(c.id).unwrap().outstanding, "0.00");
    let again = app.confirm_bank_transaction(proposal.id).unwrap_err();
    assert_eq!(again.code, ErrorCode::Conflict);

    // The unmatched entry is assigned by hand to a new invoice, found by its client's name.
    let d = issue(&app, client, "100,00");
    let unmatched = &overview.unmatched[0];
    assert_eq!(unmatched.amount, "50.00");
    let options = app
        .assignable_invoices("korenbloem", &unmatched.amount)
        .unwrap();
    assert_eq!(
        options.iter().map(|o| o.invoice_id).collect::<Vec<_>>(),
        vec![d.id]
    );
    app.assign_bank_transaction(&BankAssignForm {
        transaction_id: unmatched.id,
        invoice_id: d.id,
    })
    .unwrap();
    assert_eq!(app.invoice(d.id).unwrap().outstanding, "71.00");
    let overview = app.bank_overview().unwrap();
    assert!(overview.unmatched.is_empty());
    assert_eq!(overview.booked.len(), 5);
    assert_eq!(overview.imports.len(), 3);
    // Every payment says where it came from.
    let payments = app.invoice(d.id).unwrap().payments;
    assert!(
        payments[0]
            .note
            .starts_with("Bankafschrift: terugbetaling borg"),
        "{payments:?}"
    );
}

#[test]
fn an_unmatched_entry_can_be_set_aside_and_a_paid_invoice_named_again_is_pointed_out() {
    let (app, client) = setup();
    let a = issue(&app, client, "100,00");
    let number = a.number.clone().unwrap();
    let text = format!("factuur {number}");
    let xml = statement(
        OWN,
        &[
            entry("121.00", &text, None, "NL44RABO0123456789", "R1"),
            entry("121.00", &text, None, "NL44RABO0123456789", "R2"),
        ],
    );
    let result = app
        .import_bank_statement("dubbel.xml", xml.as_bytes())
        .unwrap();
    assert_eq!((result.booked, result.unmatched), (1, 1));
    let overview = app.bank_overview().unwrap();
    let double = &overview.unmatched[0];
    assert_eq!(double.hint.as_deref(), Some(format!("De omschrijving noemt factuur {number}, die al betaald is: betaalt de klant dubbel?").as_str()));
    let overview = app.ignore_bank_transaction(double.id, true).unwrap();
    assert_eq!((overview.unmatched.len(), overview.ignored.len()), (0, 1));
    let back = app.ignore_bank_transaction(double.id, false).unwrap();
    assert_eq!(back.unmatched.len(), 1);
}

#[test]
fn a_malformed_statement_is_refused_naming_the_line_and_nothing_is_imported() {
    let (app, client) = setup();
    let a = issue(&app, client, "100,00");
    let number = a.number.clone().unwrap();
    let mt940 = format!(
        ":20:STMT\n:25:{OWN}\n:28C:1\n:60F:C261120EUR0,00\n:61:2611211121C121,00NTRFNONREF\n:86:/REMI/USTD//{number}/\n:61:2611X1C5,00NTRFNONREF\n:86:/REMI/USTD//x/\n:62F:C261121EUR126,00\n"
    );
    let err = app
        .import_bank_statement("kapot.sta", mt940.as_bytes())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        err.message,
        "Regel 7 (:61:): de datum is onleesbaar. Er is niets ingelezen."
    );
    assert_eq!(app.invoice(a.id).unwrap().outstanding, "121.00");
    assert!(app.bank_overview().unwrap().imports.is_empty());
    // The same statement, repaired, books the payment from the MT940 line.
    let fixed = mt940.replace(":61:2611X1C5,00", ":61:2611211121C5,00");
    let ok = app
        .import_bank_statement("heel.sta", fixed.as_bytes())
        .unwrap();
    assert_eq!(
        (ok.format.as_str(), ok.booked, ok.unmatched),
        ("MT940", 1, 1)
    );
    assert_eq!(app.invoice(a.id).unwrap().outstanding, "0.00");
    let xml = app
        .import_bank_statement("kapot.xml", b"<Document><BkToCstmrStmt>")
        .unwrap_err();
    assert!(
        xml.message
            .starts_with("Het XML-bestand is beschadigd op regel 1"),
        "{}",
        xml.message
    );
    let other = app
        .import_bank_statement("foto.jpg", b"\xff\xd8\xff\xe0")
        .unwrap_err();
    assert!(
        other
            .message
            .starts_with("Dit bestand is geen bankafschrift"),
        "{}",
        other.message
    );
}

#[test]
fn a_statement_of_another_account_is_imported_with_a_warning() {
    let (app, client) = setup();
    issue(&app, client, "100,00");
    let xml = statement(
        "NL20INGB0001234567",
        &[entry("10.00", "x", None, PAYER, "R1")],
    );
    let result = app
        .import_bank_statement("prive.xml", xml.as_bytes())
        .unwrap();
    assert_eq!(
        result.warning.as_deref(),
        Some("Let op: dit afschrift is van rekening NL20INGB0001234567, niet van de rekening in uw bedrijfsgegevens (NL91ABNA0417164300).")
    );
}

/// The same credit as an ING-style MT940 file of `OWN` (booked `yymmdd`), structured reference
/// or free text as the bank writes them.
fn mt940(booked: &str, amount: &str, iban: &str, remittance: &str) -> String {
    format!(
        "{{1:F01INGBNL2ABXXX0000000000}}{{2:I940INGBNL2AXXXN}}{{3:{{108:B12345678S000001}}}}{{4:\r\n\
:20:P261121000009999\r\n\
:25:{OWN}EUR\r\n\
:28C:3\r\n\
:60F:C{booked}EUR1000,00\r\n\
:61:{booked}{}C{amount}NTRFNONREF//00000000000005\r\n\
/TRCD/00100/\r\n\
:86:/EREF/NOTPROVIDED//CNTP/{iban}/RABONL2U/Bakkerij De Korenbloem/UTRECHT//REMI/{remittance}/\r\n\
:62F:C{booked}EUR2210,00\r\n\
-}}\r\n",
        &booked[2..]
    )
}

#[test]
fn the_same_day_exported_as_camt053_and_as_mt940_is_booked_once() {
    let (app, client) = setup();
    let a = issue(&app, client, "1000,00"); // € 1.210,00
    let a_ref = a.payment_reference.clone().unwrap().replace(' ', "");
    let camt = statement(
        OWN,
        &[entry(
            "1210.00",
            "betaling",
            Some(&a_ref),
            "NL44RABO0123456789",
            "R1",
        )],
    );
    let first = app
        .import_bank_statement("november.xml", camt.as_bytes())
        .unwrap();
    assert_eq!((first.booked, first.duplicates), (1, 0), "{first:?}");
    let sta = mt940(
        "261121",
        "1210,00",
        "NL44RABO0123456789",
        &format!("STRD/CUR/{a_ref}"),
    );
    let second = app
        .import_bank_statement("november.sta", sta.as_bytes())
        .unwrap();
    assert_eq!(second.format, "MT940");
    assert_eq!(
        (
            second.booked,
            second.proposed,
            second.unmatched,
            second.duplicates
        ),
        (0, 0, 0, 1),
        "{second:?}"
    );
    assert_eq!(app.invoice(a.id).unwrap().payments.len(), 1);
}

#[test]
fn a_payment_registered_by_hand_and_then_imported_is_proposed_and_linked_never_booked_twice() {
    let (app, client) = setup();
    let a = issue(&app, client, "1000,00"); // € 1.210,00
    let b = issue(&app, client, "500,00"); // € 605,00
    let a_ref = a.payment_reference.clone().unwrap().replace(' ', "");
    let b_number = b.number.clone().unwrap();
    // The client said on the phone they paid; the user registered it right away.
    for (invoice, amount) in [(a.id, "1210,00"), (b.id, "300,00")] {
        app.add_payment(
            invoice,
            &PaymentForm {
                paid_on: "22-11-2026".into(),
                amount: amount.into(),
                method: PaymentMethod::Bank,
                note: "volgens de klant overgemaakt".into(),
            },
        )
        .unwrap();
    }
    let text_b = format!("factuur {b_number} deel 1");
    let xml = statement(
        OWN,
        &[
            entry(
                "1210.00",
                "betaling",
                Some(&a_ref),
                "NL44RABO0123456789",
                "R1",
            ),
            entry("300.00", &text_b, None, "NL44RABO0123456789", "R2"),
        ],
    );
    let result = app
        .import_bank_statement("november.xml", xml.as_bytes())
        .unwrap();
    assert_eq!((result.booked, result.proposed), (0, 2), "{result:?}");
    assert_eq!(app.invoice(a.id).unwrap().payments.len(), 1);
    assert_eq!(app.invoice(b.id).unwrap().payments.len(), 1);
    assert_eq!(app.invoice(b.id).unwrap().outstanding, "305.00");

    let overview = app.bank_overview().unwrap();
    assert_eq!(overview.proposed.len(), 2);
    assert!(overview.proposed.iter().all(|t| t
        .reason
        .as_deref()
        .unwrap()
        .contains("zelf al registreerde")));
    // Confirming links the entry to the payment: still one payment each, the entry booked.
    for t in &overview.proposed {
        app.confirm_bank_transaction(t.id).unwrap();
    }
    let after = app.bank_overview().unwrap();
    assert!(after.proposed.is_empty());
    assert_eq!(after.booked.len(), 2);
    assert_eq!(app.invoice(a.id).unwrap().payments.len(), 1);
    assert_eq!(app.invoice(b.id).unwrap().payments.len(), 1);
    assert_eq!(app.invoice(b.id).unwrap().outstanding, "305.00");
    assert_eq!(
        app.confirm_bank_transaction(overview.proposed[0].id)
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    // A later statement with the same money again is the same entry: nothing new.
    let again = app
        .import_bank_statement("november-2.xml", xml.as_bytes())
        .unwrap();
    assert_eq!(again.duplicates, 2);
}
