//! Afdrukken (issue 23) through printers in memory: the dialog's printers and remembered
//! choice, a letter sent at the chosen copies, each refusal at its field or with the printer
//! named, and "Brieven van vandaag afdrukken" — the cover list first, the letters in client
//! order, one job or one per letter, and marking them posted only when asked. The real print
//! queue (CUPS with a PDF printer) is driven by tests/printing.test.js.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ladder_world;
mod support;

use std::sync::Arc;

use ladder_world::*;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::printing::{MemoryPrinters, PrinterInfo};
use tijdig_app::App;

fn options(printer: &str, copies: &str, two_sided: bool) -> PrintOptions {
    PrintOptions {
        printer: printer.into(),
        copies: copies.into(),
        two_sided,
    }
}

/// The world on 19 October with a reminder by post made (not posted) for both clients.
fn letters_made(printers: &Arc<MemoryPrinters>) -> (World, App, Vec<i64>) {
    let w = world();
    let app = w
        .on(d(2026, 10, 19))
        .with_printing(Box::new(printers.clone()));
    let mut ids = Vec::new();
    for (client, invoice) in [(w.consumer, w.b2c_invoice), (w.business, w.b2b_invoice)] {
        let made = app
            .produce_letter(&LetterRequest {
                client_id: client,
                step: FollowUpStep::Reminder,
                invoice_ids: vec![invoice],
                channel: FollowUpChannel::Letter,
            })
            .unwrap();
        ids.push(made.letter.id);
    }
    (w, app, ids)
}

/// The page count pdfinfo reads.
fn pages(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Whether the day's letter `id` is recorded as posted.
fn posted(app: &App, id: i64) -> bool {
    app.todays_letters()
        .unwrap()
        .iter()
        .find(|l| l.letter_id == id)
        .unwrap()
        .posted
}

#[test]
fn a_letter_goes_to_the_chosen_printer_and_the_choice_is_remembered() {
    let printers = Arc::new(MemoryPrinters::with_printer("PDF"));
    let (_w, app, ids) = letters_made(&printers);
    let setup = app.printers().unwrap();
    assert_eq!(setup.chosen.as_deref(), Some("PDF"));
    assert_eq!(setup.notice, None);

    let outcome = app
        .print_document(
            &PrintableDocument {
                kind: PrintableKind::Letter,
                id: ids[0],
            },
            &options("PDF", "2", false),
        )
        .unwrap();
    assert_eq!(
        outcome.message,
        "Verstuurd naar printer PDF (opdracht PDF-1)."
    );
    let jobs = printers.jobs.lock().unwrap().clone();
    assert_eq!(jobs.len(), 1);
    let job = &jobs[0];
    assert_eq!(
        (job.printer.as_str(), job.copies, job.two_sided),
        ("PDF", 2, false)
    );
    assert_eq!(job.title, "Herinnering 2026-B0001");
    // The stored letter, byte for byte.
    assert_eq!(job.pdf, app.letter_pdf(ids[0]).unwrap().1);
    // Printing is not posting: the letter still waits to be posted.
    assert!(!posted(&app, ids[0]));

    // A second printer becomes the system default: the dialog keeps the last one used.
    printers
        .printers
        .lock()
        .unwrap()
        .iter_mut()
        .for_each(|p| p.is_default = false);
    printers.printers.lock().unwrap().push(PrinterInfo {
        name: "Kantoor".into(),
        description: Some("HP LaserJet op kantoor".into()),
        is_default: true,
        two_sided: true,
        stopped: None,
    });
    let setup = app.printers().unwrap();
    assert_eq!(setup.chosen.as_deref(), Some("PDF"));
    assert_eq!(setup.printers[1].label, "HP LaserJet op kantoor (Kantoor)");
    assert!(setup.printers[1].two_sided);
    // Two-sided where the printer can.
    app.print_document(
        &PrintableDocument {
            kind: PrintableKind::Invoice,
            id: _w.b2b_invoice,
        },
        &options("Kantoor", "1", true),
    )
    .unwrap();
    let jobs = printers.jobs.lock().unwrap().clone();
    assert_eq!(jobs[1].title, "Factuur 2026-0001");
    assert!(jobs[1].two_sided);
}

#[test]
fn each_refusal_names_the_field_or_the_printer_and_prints_nothing() {
    let printers = Arc::new(MemoryPrinters::with_printer("PDF"));
    let (_w, app, ids) = letters_made(&printers);
    let letter = PrintableDocument {
        kind: PrintableKind::Letter,
        id: ids[0],
    };
    let field = |e: &tijdig_app::AppError| e.fields.first().map(|f| f.field.clone());
    for copies in ["0", "21", "twee", ""] {
        let err = app
            .print_document(&letter, &options("PDF", copies, false))
            .unwrap_err();
        assert_eq!(field(&err).as_deref(), Some("copies"), "{copies}");
    }
    let err = app
        .print_document(&letter, &options("PDF", "1", true))
        .unwrap_err();
    assert_eq!(field(&err).as_deref(), Some("twoSided"));
    assert_eq!(err.message, "Printer PDF kan niet dubbelzijdig afdrukken.");

    // A stopped queue keeps jobs: refused, naming the printer and why.
    printers.printers.lock().unwrap()[0].stopped = Some("Paused".into());
    let err = app
        .print_document(&letter, &options("PDF", "1", false))
        .unwrap_err();
    assert!(
        err.message
            .starts_with("Printer PDF staat stil (gepauzeerd)."),
        "{}",
        err.message
    );
    assert_eq!(
        app.printers().unwrap().printers[0].stopped.as_deref(),
        Some("gepauzeerd")
    );

    // A printer removed after the dialog opened.
    printers.printers.lock().unwrap().clear();
    let err = app
        .print_document(&letter, &options("PDF", "1", false))
        .unwrap_err();
    assert_eq!(
        err.message,
        "Printer PDF bestaat niet (meer) op deze computer. Kies een andere printer."
    );
    // No printer at all: the dialog says so.
    let setup = app.printers().unwrap();
    assert!(setup.printers.is_empty() && setup.chosen.is_none());
    assert!(setup.notice.unwrap().contains("geen printer"));
    assert!(printers.jobs.lock().unwrap().is_empty());
}

#[test]
fn the_days_letters_print_after_a_cover_list_in_client_order_and_are_posted_only_when_asked() {
    let printers = Arc::new(MemoryPrinters::with_printer("PDF"));
    let (w, app, ids) = letters_made(&printers);
    // Client order: Bakkerij De Korenbloem before Pieter Bakker (made the other way round).
    let day = app.todays_letters().unwrap();
    let names: Vec<_> = day.iter().map(|l| l.client_name.as_str()).collect();
    assert_eq!(names, vec!["Bakkerij De Korenbloem B.V.", "Pieter Bakker"]);
    assert_eq!(day[0].letter_id, ids[1]);
    assert!(day[1].address.iter().any(|l| l.contains("Pieter Bakker")));

    // One job per letter, without marking them posted.
    let outcome = app
        .print_todays_letters(&BatchPrint {
            options: options("PDF", "1", false),
            one_job: false,
            mark_posted: false,
        })
        .unwrap();
    assert_eq!(
        outcome.message,
        "2 brieven en de afvinklijst verstuurd naar printer PDF (opdrachten PDF-1, PDF-2, PDF-3)."
    );
    let titles: Vec<String> = printers
        .jobs
        .lock()
        .unwrap()
        .iter()
        .map(|j| j.title.clone())
        .collect();
    assert_eq!(
        titles,
        vec![
            "Brieven van vandaag",
            "Herinnering 2026-B0002",
            "Herinnering 2026-B0001"
        ]
    );
    let cover = printers.jobs.lock().unwrap()[0].pdf.clone();
    let text = pdf_text(&cover, "cover-list");
    assert!(
        text.contains("Bakkerij De Korenbloem") && text.contains("Pieter Bakker"),
        "{text}"
    );
    assert!(ids.iter().all(|id| !posted(&app, *id)));

    // In one job, and marked posted today: the ladder counts them as sent.
    printers.jobs.lock().unwrap().clear();
    let outcome = app
        .print_todays_letters(&BatchPrint {
            options: options("PDF", "1", false),
            one_job: true,
            mark_posted: true,
        })
        .unwrap();
    assert!(
        outcome
            .message
            .ends_with("2 brieven als verstuurd per post vastgelegd op 19-10-2026."),
        "{}",
        outcome.message
    );
    let jobs = printers.jobs.lock().unwrap().clone();
    assert_eq!(jobs.len(), 1);
    let letter_pages: usize = ids
        .iter()
        .map(|id| pages(&app.letter_pdf(*id).unwrap().1))
        .sum();
    assert_eq!(pages(&jobs[0].pdf), pages(&cover) + letter_pages);
    assert!(ids.iter().all(|id| posted(&app, *id)));
    // Posted, the reminders are done: nothing left on Vandaag for either client today.
    let today = app.today_overview().unwrap();
    assert!(steps_for(&today, w.business).is_empty() && steps_for(&today, w.consumer).is_empty());
    drop(w);
}
