//! Afdrukken: the print dialog's printers and the remembered choice, one stored document sent to
//! a printer at 100 % (the address must sit in the envelope window), and "Brieven van vandaag
//! afdrukken" — every letter by post made today, in client order, after a cover list to tick
//! off while filling envelopes. Printing never marks a letter as posted by itself: that stays
//! the user's confirmation, offered as "en meteen als verstuurd per post markeren".
//!
//! An overview (layer 4): it prints what the use-cases below made (letters, invoices,
//! arrangements, offers, agreements) and records the posting through the posting use-case.

use tijdig_documents::model::{Align, Column, LetterBlock, Table};
use tijdig_domain::Language;
use tijdig_store::StoreError;

use crate::plumbing::error::{refused, refused_at};
use crate::plumbing::format::{long_date, say, show_date};
use crate::services::documents::house_style::recipient_lines;
use crate::services::documents::letter_layout;
use crate::services::printing::{PrintError, PrintJob, PrinterInfo};
use crate::{dto, App, AppError};

/// The setting that remembers the printer last printed on.
const LAST_PRINTER: &str = "last_printer";
/// Most copies of one document in one go (a typing error beyond).
const MAX_COPIES: u32 = 20;

fn at_field(field: &str, code: &str, message: String) -> AppError {
    refused_at(field, code, message).word(Language::Nl)
}

/// The printer's name as the user knows it.
fn label(p: &PrinterInfo) -> String {
    p.description
        .clone()
        .filter(|d| d != &p.name)
        .map_or_else(|| p.name.clone(), |d| format!("{d} ({})", p.name))
}

/// A stopped queue's reason in words ("Paused" is CUPS' own word for a queue stopped by hand).
fn stopped_reason(reason: &str, lang: Language) -> String {
    match (reason, lang) {
        ("Paused" | "gestopt", Language::Nl) => "gepauzeerd".into(),
        ("Paused" | "gestopt", Language::En) => "paused".into(),
        (other, _) => other.to_string(),
    }
}

/// What went wrong, as the dialog says it: naming the printer and what the print system
/// answered.
fn print_failure(error: &PrintError, lang: Language) -> AppError {
    let message = match (error, lang) {
        (PrintError::NoPrintSystem(answer), Language::Nl) => format!("Tijdig vindt geen printsysteem op deze computer ({answer}). Sla de PDF op en druk hem af vanuit je PDF-lezer."),
        (PrintError::NoPrintSystem(answer), Language::En) => format!("Tijdig finds no print system on this computer ({answer}). Save the PDF and print it from your PDF reader."),
        (PrintError::NoSuchPrinter { printer }, Language::Nl) => format!("Printer {printer} bestaat niet (meer) op deze computer. Kies een andere printer."),
        (PrintError::NoSuchPrinter { printer }, Language::En) => format!("Printer {printer} does not exist (any more) on this computer. Choose another printer."),
        (PrintError::Stopped { printer, reason }, Language::Nl) => format!("Printer {printer} staat stil ({}). Er is niets verstuurd: zet de printer weer aan of kies een andere, en probeer het opnieuw.", stopped_reason(reason, lang)),
        (PrintError::Stopped { printer, reason }, Language::En) => format!("Printer {printer} is stopped ({}). Nothing was sent: start the printer again or choose another, and try again.", stopped_reason(reason, lang)),
        (PrintError::NotAccepting { printer, reason }, Language::Nl) => format!("Printer {printer} neemt geen opdrachten aan. CUPS antwoordde: {reason}"),
        (PrintError::NotAccepting { printer, reason }, Language::En) => format!("Printer {printer} does not accept jobs. CUPS answered: {reason}"),
        (PrintError::Failed { printer, answer }, Language::Nl) => format!("Afdrukken op printer {printer} lukte niet. CUPS antwoordde: {answer}"),
        (PrintError::Failed { printer, answer }, Language::En) => format!("Printing on printer {printer} failed. CUPS answered: {answer}"),
    };
    // What the print system said is no typing error: the dialog shows it above the fields.
    refused(message, Vec::new()).word(lang)
}

/// The number of copies as typed: 1 to 20, refused at its field.
fn copies(options: &dto::PrintOptions, lang: Language) -> Result<u32, AppError> {
    options
        .copies
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_COPIES).contains(n))
        .ok_or_else(|| {
            at_field(
                "copies",
                "copies_range",
                say(
                    lang,
                    &format!("Kies 1 tot en met {MAX_COPIES} exemplaren."),
                    &format!("Choose 1 to {MAX_COPIES} copies."),
                ),
            )
        })
}

/// The chosen printer, checked against the printers there are and the sides asked.
fn checked<'a>(
    options: &dto::PrintOptions,
    printers: &'a [PrinterInfo],
    lang: Language,
) -> Result<&'a PrinterInfo, AppError> {
    if options.printer.trim().is_empty() {
        return Err(at_field(
            "printer",
            "required",
            say(lang, "Kies een printer.", "Choose a printer."),
        ));
    }
    let printer = printers
        .iter()
        .find(|p| p.name == options.printer)
        .ok_or_else(|| {
            print_failure(
                &PrintError::NoSuchPrinter {
                    printer: options.printer.clone(),
                },
                lang,
            )
        })?;
    if options.two_sided && !printer.two_sided {
        return Err(at_field(
            "twoSided",
            "two_sided",
            say(
                lang,
                &format!(
                    "Printer {} kan niet dubbelzijdig afdrukken.",
                    label(printer)
                ),
                &format!("Printer {} cannot print two-sided.", label(printer)),
            ),
        ));
    }
    Ok(printer)
}

impl App {
    fn printer_list(&self) -> Result<Vec<PrinterInfo>, AppError> {
        self.printing
            .printers()
            .map_err(|e| print_failure(&e, self.lang()))
    }

    /// The print dialog's start: every printer, the last one printed on (or the default)
    /// chosen; none at all says so (the dialog then offers "Opslaan als PDF").
    pub fn printers(&self) -> Result<dto::PrintSetup, AppError> {
        let lang = self.lang();
        let last = self.with_store(|store, lang| {
            store
                .setting(LAST_PRINTER)
                .map_err(|e| AppError::from_store(e, lang))
        })?;
        let (printers, problem) = match self.printing.printers() {
            Ok(list) => (list, None),
            Err(e) => (Vec::new(), Some(print_failure(&e, lang).message)),
        };
        let chosen = last
            .filter(|l| printers.iter().any(|p| &p.name == l))
            .or_else(|| {
                printers
                    .iter()
                    .find(|p| p.is_default)
                    .map(|p| p.name.clone())
            })
            .or_else(|| printers.first().map(|p| p.name.clone()));
        let notice = match (printers.is_empty(), problem) {
            (_, Some(problem)) => Some(problem),
            (true, None) => Some(say(lang, "Tijdig vindt geen printer op deze computer. Sla de PDF op en druk hem af vanuit je PDF-lezer, of voeg een printer toe in de instellingen van je computer.", "Tijdig finds no printer on this computer. Save the PDF and print it from your PDF reader, or add a printer in your computer's settings.")),
            (false, None) => None,
        };
        Ok(dto::PrintSetup {
            printers: printers
                .iter()
                .map(|p| dto::Printer {
                    name: p.name.clone(),
                    label: label(p),
                    is_default: p.is_default,
                    two_sided: p.two_sided,
                    stopped: p.stopped.as_deref().map(|r| stopped_reason(r, lang)),
                })
                .collect(),
            chosen,
            notice,
        })
    }

    /// The stored PDF of a document, with the name it is known by ("Aanmaning 2026-B0003").
    fn printable(&self, doc: &dto::PrintableDocument) -> Result<(String, Vec<u8>), AppError> {
        let (name, pdf) = match doc.kind {
            dto::PrintableKind::Letter => self.letter_pdf(doc.id)?,
            dto::PrintableKind::Arrangement => self.arrangement_pdf(doc.id)?,
            dto::PrintableKind::Agreement => self.agreement_pdf(doc.id)?,
            dto::PrintableKind::Offer => self.offer_pdf(doc.id)?,
            dto::PrintableKind::Invoice => {
                let name = self.invoice_pdf_file_name(doc.id)?;
                let pdf = self.with_store(|store, lang| {
                    store
                        .invoice_pdf(doc.id)
                        .map_err(|e| AppError::from_store(e, lang))
                })?;
                (name, pdf)
            }
        };
        Ok((name.trim_end_matches(".pdf").to_string(), pdf))
    }

    fn remember_printer(&self, name: &str) -> Result<(), AppError> {
        self.with_store(|store, lang| {
            store
                .set_setting(LAST_PRINTER, name)
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Sends one stored document to a printer at 100 %: "Verstuurd naar printer X (opdracht
    /// N)." A stopped or missing printer, or any refusal, says which printer and what the
    /// print system answered; nothing is recorded then.
    pub fn print_document(
        &self,
        doc: &dto::PrintableDocument,
        options: &dto::PrintOptions,
    ) -> Result<dto::PrintOutcome, AppError> {
        let lang = self.lang();
        let copies = copies(options, lang)?;
        let printers = self.printer_list()?;
        let printer = checked(options, &printers, lang)?;
        let (title, pdf) = self.printable(doc)?;
        let job = self
            .printing
            .print(&PrintJob {
                printer: &printer.name,
                title: &title,
                pdf: &pdf,
                copies,
                two_sided: options.two_sided,
            })
            .map_err(|e| print_failure(&e, lang))?;
        self.remember_printer(&printer.name)?;
        Ok(dto::PrintOutcome {
            message: say(
                lang,
                &format!(
                    "Verstuurd naar printer {} (opdracht {job}).",
                    label(printer)
                ),
                &format!("Sent to printer {} (job {job}).", label(printer)),
            ),
            jobs: vec![job],
        })
    }

    /// Every letter by post made today, in client order: what "Brieven van vandaag
    /// afdrukken" prints and its cover list shows.
    pub fn todays_letters(&self) -> Result<Vec<dto::DayLetter>, AppError> {
        let today = self.today();
        self.with_store(|store, lang| {
            let run = || -> Result<Vec<dto::DayLetter>, StoreError> {
                let mut out = Vec::new();
                for letter in store.posted_letters_of_day(today)? {
                    let client = store.client(letter.client_id)?.client;
                    let language = client.document_language;
                    out.push(dto::DayLetter {
                        letter_id: letter.id,
                        client_name: client.name.clone(),
                        letter: format!("{} {}", letter.step.label(language), letter.reference),
                        address: recipient_lines(&client, language),
                        posted: letter.posted_on.is_some(),
                    });
                }
                out.sort_by(|a, b| {
                    (a.client_name.to_lowercase(), a.letter_id)
                        .cmp(&(b.client_name.to_lowercase(), b.letter_id))
                });
                Ok(out)
            };
            run().map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// The cover list: client, letter and address per letter, with a box to tick.
    fn cover_list(&self, letters: &[dto::DayLetter], lang: Language) -> Result<Vec<u8>, AppError> {
        let today = self.today();
        let (profile, logo) = self.with_store(|store, lang| {
            let run = || -> Result<_, StoreError> {
                Ok((store.profile()?.ok_or(StoreError::NotFound)?, store.logo()?))
            };
            run().map_err(|e| AppError::from_store(e, lang))
        })?;
        let title = say(lang, "Brieven van vandaag", "Today's letters");
        let column = |header: &str, width: f32| Column {
            header: header.into(),
            width,
            align: Align::Left,
        };
        let body = vec![
            LetterBlock::Paragraph(say(
                lang,
                &format!(
                    "{} per post, in deze volgorde. Vink af wat in de envelop zit.",
                    crate::plumbing::format::counted(letters.len(), "brief", "brieven")
                ),
                &format!(
                    "{} by post, in this order. Tick off what is in its envelope.",
                    crate::plumbing::format::counted(letters.len(), "letter", "letters")
                ),
            )),
            LetterBlock::Table(Table {
                columns: vec![
                    column("", 6.0),
                    column(&say(lang, "Klant", "Client"), 26.0),
                    column(&say(lang, "Brief", "Letter"), 26.0),
                    column(&say(lang, "Adres", "Address"), 42.0),
                ],
                rows: letters
                    .iter()
                    .map(|l| {
                        vec![
                            "[  ]".to_string(),
                            l.client_name.clone(),
                            l.letter.clone(),
                            l.address.join(", "),
                        ]
                    })
                    .collect(),
            }),
        ];
        let pdf = letter_layout::report(
            &profile,
            logo.as_ref(),
            &title,
            today,
            long_date(today, lang),
            body,
            &format!("cover {today} {}", letters.len()),
            self.local_now(),
            lang,
        );
        letter_layout::render(&pdf).map_err(|err| {
            eprintln!("tijdig: rendering the cover list failed: {err}");
            refused(
                say(
                    lang,
                    "De afvinklijst kon niet worden gemaakt.",
                    "The cover list could not be made.",
                ),
                Vec::new(),
            )
            .word(lang)
        })
    }

    /// "Brieven van vandaag afdrukken": the cover list, then every letter by post made today in
    /// client order — in one job, or one job per letter (always so two-sided, so no letter
    /// starts on the back of another). With `mark_posted`, the printed letters that wait to be
    /// posted are recorded as posted today. A failure stops there and says what was printed.
    pub fn print_todays_letters(
        &self,
        batch: &dto::BatchPrint,
    ) -> Result<dto::PrintOutcome, AppError> {
        let lang = self.lang();
        let copies = copies(&batch.options, lang)?;
        let printers = self.printer_list()?;
        let printer = checked(&batch.options, &printers, lang)?;
        let letters = self.todays_letters()?;
        if letters.is_empty() {
            return Err(refused(
                say(
                    lang,
                    "Vandaag zijn er geen brieven per post gemaakt.",
                    "No letters by post were made today.",
                ),
                Vec::new(),
            )
            .word(lang));
        }
        let cover = self.cover_list(&letters, lang)?;
        let mut documents = vec![(say(lang, "Brieven van vandaag", "Today's letters"), cover)];
        for l in &letters {
            let (name, pdf) = self.printable(&dto::PrintableDocument {
                kind: dto::PrintableKind::Letter,
                id: l.letter_id,
            })?;
            documents.push((name, pdf));
        }
        if batch.one_job && !batch.options.two_sided {
            let mut merged = documents[0].1.clone();
            for (_, pdf) in &documents[1..] {
                merged = tijdig_documents::appendix::append_pdf(&merged, pdf).map_err(|err| {
                    eprintln!("tijdig: joining the day's letters failed: {err}");
                    refused(say(lang, "De brieven konden niet tot één opdracht worden samengevoegd; druk ze per brief af.", "The letters could not be joined into one job; print them one by one."), Vec::new()).word(lang)
                })?;
            }
            documents = vec![(documents[0].0.clone(), merged)];
        }
        let mut jobs = Vec::new();
        let mut printed_letters = 0usize;
        let mut failure = None;
        for (index, (title, pdf)) in documents.iter().enumerate() {
            match self.printing.print(&PrintJob {
                printer: &printer.name,
                title,
                pdf,
                copies,
                two_sided: batch.options.two_sided,
            }) {
                Ok(job) => {
                    jobs.push(job);
                    printed_letters = if documents.len() == 1 {
                        letters.len()
                    } else {
                        index
                    };
                }
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        if !jobs.is_empty() {
            self.remember_printer(&printer.name)?;
        }
        let mut marked = 0usize;
        if batch.mark_posted {
            let today = show_date(self.today());
            for l in letters.iter().take(printed_letters).filter(|l| !l.posted) {
                if self.mark_letter_posted(l.letter_id, &today).is_ok() {
                    marked += 1;
                }
            }
        }
        let printed = crate::plumbing::format::counted(printed_letters, "brief", "brieven");
        if let Some(error) = failure {
            let what = print_failure(&error, lang).message;
            return Err(refused(
                say(
                    lang,
                    &format!(
                        "{what} Afgedrukt vóór de fout: {printed} van {}.",
                        letters.len()
                    ),
                    &format!(
                        "{what} Printed before the error: {printed_letters} of {} letters.",
                        letters.len()
                    ),
                ),
                Vec::new(),
            )
            .word(lang));
        }
        let mut message = say(
            lang,
            &format!(
                "{printed} en de afvinklijst verstuurd naar printer {} ({} {}).",
                label(printer),
                crate::plumbing::format::agree(jobs.len(), "opdracht", "opdrachten"),
                jobs.join(", ")
            ),
            &format!(
                "{printed_letters} letters and the cover list sent to printer {} ({} {}).",
                label(printer),
                if jobs.len() == 1 { "job" } else { "jobs" },
                jobs.join(", ")
            ),
        );
        if batch.mark_posted {
            message.push(' ');
            message.push_str(&say(
                lang,
                &format!(
                    "{} als verstuurd per post vastgelegd op {}.",
                    crate::plumbing::format::counted(marked, "brief", "brieven"),
                    show_date(self.today())
                ),
                &format!(
                    "{marked} recorded as posted on {}.",
                    show_date(self.today())
                ),
            ));
        }
        Ok(dto::PrintOutcome { message, jobs })
    }
}
