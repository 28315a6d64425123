//! "Dossier exporteren": one folder an incassobureau or lawyer can work with — a summary PDF
//! (the client, every invoice with what is open, every contact in the dossier, the SHA-256 of
//! every document) plus every issued invoice, credit note and letter of the client, byte for
//! byte as stored.

use crate::services::claim::{claim_of, rate_table};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tijdig_documents::model::{Align, Column, DocMeta, LetterBlock, LetterPdf, Table, TotalRow};
use tijdig_domain::interest::InterestKind;
use tijdig_domain::invoice::{self as rules, InvoiceKind};
use tijdig_domain::late_payment_terms::{costs_basis, interest_basis, Voice};
use tijdig_domain::money::format_eur;
use tijdig_domain::CostsRule;
use tijdig_domain::{ClientKind, Language};
use tijdig_store::{Store, StoreError};

use crate::plumbing::error::refused;
use crate::plumbing::error::Failure;
use crate::plumbing::format::show_date;
use crate::plumbing::hashing::sha256_hex;
use crate::services::documents::house_style::document_id;
use crate::services::documents::house_style::house_style;
use crate::services::documents::house_style::recipient_lines;
use crate::services::documents::house_style::timestamp;
use crate::{App, AppError};

/// A file name without characters that trouble any file system.
fn safe(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_.".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

fn column(header: &str, width: f32, align: Align) -> Column {
    Column {
        header: header.into(),
        width,
        align,
    }
}

impl App {
    /// Writes the dossier of `client_id` into a new folder inside `parent`; returns the folder.
    pub fn export_dossier(&self, client_id: i64, parent: &Path) -> Result<PathBuf, AppError> {
        self.with_store(|store, lang| {
            self.write_dossier(store, client_id, parent, lang)
                .map_err(|f| f.word(lang))
        })
    }

    fn write_dossier(
        &self,
        store: &Store,
        client_id: i64,
        parent: &Path,
        lang: Language,
    ) -> Result<PathBuf, Failure> {
        let nl = lang == Language::Nl;
        let client = store.client(client_id)?.client;
        let profile = store.profile()?.ok_or(StoreError::NotFound)?;
        let today = self.today();
        let folder = parent.join(safe(&format!("Dossier {} {today}", client.name)));
        crate::plumbing::private_files::create_private_dir_all(&folder)
            .map_err(StoreError::from)?;
        let money = |d: Decimal| format_eur(d, lang);

        // The documents, byte for byte, with their hashes for the summary.
        let mut files: Vec<(String, String)> = Vec::new();
        let mut invoice_rows = Vec::new();
        let mut open_total = Decimal::ZERO;
        let table = rate_table(store)?;
        let records = store.invoices_of_client(client_id)?;
        let mut grounds: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for record in records.iter().rev() {
            let Some(issued) = &record.issued else {
                continue;
            };
            let name = safe(&format!(
                "{} {}.pdf",
                record.draft.kind.title(lang),
                issued.number
            ));
            let pdf = store.invoice_pdf(record.id)?;
            crate::plumbing::private_files::write_private_file(folder.join(&name), &pdf)
                .map_err(StoreError::from)?;
            files.push((name, sha256_hex(&pdf)));
            if record.draft.kind == InvoiceKind::CreditNote {
                continue;
            }
            // The whole claim today, as on the invoice page (principal, interest, costs).
            let claim = claim_of(store, &table, record, today)?;
            // What the interest and costs rest on, for whoever takes the claim over.
            if claim.interest.is_some() {
                let kind = InterestKind::for_client(client.kind);
                let interest = interest_basis(kind, claim.terms.as_ref(), lang, Voice::Record);
                grounds
                    .entry(format!(
                        "{}: {interest}",
                        if nl { "Rente" } else { "Interest" }
                    ))
                    .or_default()
                    .push(issued.number.clone());
            }
            if let Some(costs) =
                costs_basis(claim.terms.as_ref(), lang, Voice::Record).filter(|_| {
                    claim
                        .costs
                        .as_ref()
                        .is_some_and(|c| c.rule == CostsRule::BusinessContractual)
                })
            {
                grounds
                    .entry(format!(
                        "{}: {costs}",
                        if nl {
                            "Incassokosten"
                        } else {
                            "Collection costs"
                        }
                    ))
                    .or_default()
                    .push(issued.number.clone());
            }
            let (paid, credited) = (claim.paid, claim.credited);
            let open = claim.total_open();
            open_total += open;
            let due = rules::due_date(record.draft.invoice_date, record.draft.payment_term_days);
            invoice_rows.push(vec![
                issued.number.clone(),
                show_date(record.draft.invoice_date),
                show_date(due),
                money(issued.total),
                money(paid + credited),
                money(open),
            ]);
        }
        // Only letters that went out: a letter that was made but never e-mailed or posted is
        // not part of what the client received.
        for letter in store.letters_of(client_id)? {
            if letter.sent_on().is_none() {
                continue;
            }
            let name = safe(&format!(
                "{} {}.pdf",
                letter.step.label(lang),
                letter.reference
            ));
            let pdf = store.letter_pdf(letter.id)?;
            crate::plumbing::private_files::write_private_file(folder.join(&name), &pdf)
                .map_err(StoreError::from)?;
            files.push((name, letter.pdf_sha256.clone()));
        }

        let number_of = |id: i64| {
            records
                .iter()
                .find(|r| r.id == id)
                .and_then(|r| r.issued.as_ref())
                .map(|i| i.number.clone())
                .unwrap_or_default()
        };
        let mut entry_rows = Vec::new();
        for e in store.dossier(client_id)?.into_iter().rev() {
            let what = [
                Some(e.kind.label(lang).to_string()),
                e.letter
                    .as_ref()
                    .map(|l| l.step)
                    .or(e.step)
                    .map(|s| s.label(lang).to_string()),
                e.letter.as_ref().map(|l| l.reference.clone()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            let mut note = e.note.clone().unwrap_or_default();
            if let Some(promised) = e.promised_on {
                note = format!(
                    "{note} ({} {})",
                    if nl {
                        "belooft te betalen op"
                    } else {
                        "promises to pay on"
                    },
                    show_date(promised)
                )
                .trim()
                .to_string();
            }
            entry_rows.push(vec![
                chrono::NaiveDateTime::parse_from_str(&e.at, "%Y-%m-%dT%H:%M:%S")
                    .map(|t| t.format("%d-%m-%Y %H:%M").to_string())
                    .unwrap_or_else(|_| e.at.clone()),
                what,
                e.invoice_ids
                    .iter()
                    .map(|i| number_of(*i))
                    .collect::<Vec<_>>()
                    .join(", "),
                note,
            ]);
        }

        let (letterhead, return_line) = house_style(&profile, store.logo()?.as_ref(), lang);
        let kind = match (client.kind, nl) {
            (ClientKind::Business, true) => "zakelijk",
            (ClientKind::Business, false) => "business",
            (ClientKind::Consumer, true) => "particulier",
            (ClientKind::Consumer, false) => "consumer",
        };
        let mut facts = vec![format!(
            "{}: {} ({kind})",
            if nl { "Klant" } else { "Client" },
            client.name
        )];
        if let Some(kvk) = &client.kvk {
            facts.push(format!("KvK {kvk}"));
        }
        facts.extend(client.email.clone());
        facts.extend(client.phone.clone());
        let subject = format!("Dossier {}", client.name);
        let mut body = vec![
            LetterBlock::Paragraph(facts.join(" · ")),
            LetterBlock::Heading(if nl { "Facturen" } else { "Invoices" }.into()),
            LetterBlock::Table(Table {
                columns: vec![
                    column(if nl { "Factuur" } else { "Invoice" }, 18.0, Align::Left),
                    column(if nl { "Datum" } else { "Date" }, 15.0, Align::Right),
                    column(if nl { "Vervaldatum" } else { "Due" }, 15.0, Align::Right),
                    column(if nl { "Bedrag" } else { "Amount" }, 16.0, Align::Right),
                    column(if nl { "Betaald" } else { "Paid" }, 16.0, Align::Right),
                    column("Open", 16.0, Align::Right),
                ],
                rows: invoice_rows,
            }),
            LetterBlock::Totals(vec![TotalRow {
                label: if nl {
                    "Totaal open (hoofdsom, rente en kosten)"
                } else {
                    "Total open (principal, interest and costs)"
                }
                .into(),
                value: money(open_total),
                strong: true,
            }]),
        ];
        for (ground, numbers) in grounds {
            body.push(LetterBlock::Small(format!(
                "{ground} ({} {})",
                if nl { "facturen" } else { "invoices" },
                numbers.join(", ")
            )));
        }
        body.push(LetterBlock::Heading(
            if nl {
                "Contact en brieven"
            } else {
                "Contacts and letters"
            }
            .into(),
        ));
        if entry_rows.is_empty() {
            body.push(LetterBlock::Paragraph(
                if nl {
                    "Geen contact vastgelegd."
                } else {
                    "No contact recorded."
                }
                .into(),
            ));
        } else {
            body.push(LetterBlock::Table(Table {
                columns: vec![
                    column(
                        if nl { "Datum en tijd" } else { "Date and time" },
                        17.0,
                        Align::Left,
                    ),
                    column(if nl { "Wat" } else { "What" }, 30.0, Align::Left),
                    column(if nl { "Facturen" } else { "Invoices" }, 15.0, Align::Left),
                    column(if nl { "Notitie" } else { "Note" }, 34.0, Align::Left),
                ],
                rows: entry_rows,
            }));
        }
        body.push(LetterBlock::Heading(
            if nl {
                "Bijgevoegde documenten (SHA-256)"
            } else {
                "Enclosed documents (SHA-256)"
            }
            .into(),
        ));
        for (name, sha) in &files {
            body.push(LetterBlock::Small(format!("{name}: {sha}")));
        }
        let summary = LetterPdf {
            meta: DocMeta {
                title: subject.clone(),
                author: profile.trade_name.clone(),
                subject: subject.clone(),
                document_id: document_id(&format!("dossier|{client_id}|{today}")),
                created: timestamp(self.local_now()),
            },
            letterhead,
            return_line,
            recipient_lines: recipient_lines(&client, lang),
            date_line: crate::plumbing::format::long_date(today, lang),
            meta_rows: Vec::new(),
            subject,
            salutation: String::new(),
            body,
            closing: vec![if nl {
                format!("Opgesteld met Tijdig op {}.", show_date(today))
            } else {
                format!("Prepared with Tijdig on {}.", show_date(today))
            }],
            page_label: if nl {
                "pagina {page} van {pages}"
            } else {
                "page {page} of {pages}"
            }
            .into(),
            running_head: Some(format!("Dossier {}", client.name)),
        };
        let pdf = crate::services::documents::letter_layout::render(&summary).map_err(|err| {
            eprintln!("tijdig: rendering the dossier summary failed: {err}");
            refused(
                if nl {
                    "Het overzicht van het dossier kon niet worden gemaakt; de documenten staan wel in de map."
                } else {
                    "The dossier summary could not be made; the documents are in the folder."
                }
                .into(),
                Vec::new(),
            )
        })?;
        crate::plumbing::private_files::write_private_file(
            folder.join(safe(&format!("00 Dossier {}.pdf", client.name))),
            pdf,
        )
        .map_err(StoreError::from)?;
        Ok(folder)
    }
}
