//! "Alles exporteren" (issue "Data in and out"): one folder with every issued document as the
//! PDF that was sent (invoices and credit notes also as SI-UBL e-invoice), the accountant's CSVs
//! over all years, and a JSON dump of every table — enough to move to other software, or to
//! hand the administration over, without Tijdig. Read from one snapshot of the database.
//!
//! Written under a hidden `.partial` name and renamed at the end: a failed export leaves no
//! folder that looks complete, and nothing in the database changes.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use serde_json::Value;
use tijdig_domain::follow_up::FollowUpStep;
use tijdig_domain::invoice::InvoiceKind;
use tijdig_domain::Language;
use tijdig_store::{ClientFilter, DumpRow, DumpValue, Store, StoreError};

use crate::plumbing::file_names::document_base_name;
use crate::plumbing::file_names::file_safe;
use crate::plumbing::hashing::sha256_hex;
use crate::services::ubl::ubl_in_store;
use crate::services::ubl::UblProfile;
use crate::{dto, App, AppError};

/// Everything written, for the summary and for `SHA256SUMS`.
struct Written {
    root: PathBuf,
    /// (path relative to the root, SHA-256 in hex), in the order written.
    files: Vec<(String, String)>,
    documents: usize,
    e_invoices: usize,
    rows: usize,
    /// E-invoices that could not be made, with the reason ("2026-0003: …").
    skipped: Vec<String>,
}

impl Written {
    fn write(&mut self, relative: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.root.join(relative);
        if let Some(parent) = path.parent() {
            crate::plumbing::private_files::create_private_dir_all(parent)?;
        }
        crate::plumbing::private_files::write_private_file(&path, bytes)?;
        self.files.push((relative.to_string(), sha256_hex(bytes)));
        Ok(())
    }

    /// Records a file written by someone else (the CSVs, the JSON dump).
    fn record(&mut self, relative: &str) -> Result<(), StoreError> {
        let bytes = std::fs::read(self.root.join(relative))?;
        self.files.push((relative.to_string(), sha256_hex(&bytes)));
        Ok(())
    }
}

/// The folder names, in the user's language.
struct Names {
    invoices: &'static str,
    letters: &'static str,
    arrangements: &'static str,
    offers: &'static str,
    accounting: &'static str,
    readme: &'static str,
}

fn names(lang: Language) -> Names {
    match lang {
        Language::Nl => Names {
            invoices: "facturen",
            letters: "brieven",
            arrangements: "betalingsregelingen",
            offers: "offertes",
            accounting: "boekhouding",
            readme: "LEESMIJ.txt",
        },
        Language::En => Names {
            invoices: "invoices",
            letters: "letters",
            arrangements: "arrangements",
            offers: "quotations",
            accounting: "accounting",
            readme: "README.txt",
        },
    }
}

fn text<'a>(row: &'a DumpRow<'_>, column: &str) -> Option<&'a str> {
    match row.get(column)? {
        DumpValue::Text(t) => Some(t),
        _ => None,
    }
}

fn integer(row: &DumpRow<'_>, column: &str) -> Option<i64> {
    match row.get(column)? {
        DumpValue::Integer(n) => Some(n),
        _ => None,
    }
}

impl App {
    /// Writes `Tijdig-alles-<date>` (`-2`, `-3` … when it exists) inside `dir`.
    pub fn export_everything(&self, dir: &Path) -> Result<dto::FullExport, AppError> {
        let today = self.today();
        self.with_store(|store, lang| {
            let mut name = format!("Tijdig-alles-{today}");
            let mut n = 1;
            while dir.join(&name).exists() {
                n += 1;
                name = format!("Tijdig-alles-{today}-{n}");
            }
            let partial = dir.join(format!(".{name}.partial"));
            let run = || -> Result<Written, StoreError> {
                if partial.exists() {
                    // Our own leftover from an export that failed half-way.
                    std::fs::remove_dir_all(&partial)?;
                }
                crate::plumbing::private_files::create_private_dir_all(&partial)?;
                store.read_snapshot(|store| self.write_everything(store, &partial, lang))
            };
            let written = match run() {
                Ok(w) => w,
                Err(e) => {
                    // Best effort: the error the user sees is the first one.
                    let _ = std::fs::remove_dir_all(&partial);
                    return Err(unwritable(e, dir, lang));
                }
            };
            let folder = dir.join(&name);
            std::fs::rename(&partial, &folder)
                .map_err(|e| unwritable(StoreError::from(e), dir, lang))?;
            Ok(dto::FullExport {
                folder: folder.display().to_string(),
                files: written.files.len() + 1,
                documents: written.documents,
                e_invoices: written.e_invoices,
                rows: written.rows,
                skipped: written.skipped,
            })
        })
    }

    fn write_everything(
        &self,
        store: &Store,
        root: &Path,
        lang: Language,
    ) -> Result<Written, StoreError> {
        let names = names(lang);
        let mut out = Written {
            root: root.to_path_buf(),
            files: Vec::new(),
            documents: 0,
            e_invoices: 0,
            rows: 0,
            skipped: Vec::new(),
        };
        let clients = store.list_clients(&ClientFilter {
            include_archived: true,
            ..ClientFilter::default()
        })?;
        let client_language: HashMap<i64, Language> = clients
            .iter()
            .map(|c| (c.id, c.client.document_language))
            .collect();

        // The JSON dump, streamed table by table; the stored PDFs become files on the way.
        let json_path = "tijdig.json";
        let file = crate::plumbing::private_files::create_private_file(root.join(json_path))?;
        let mut json = std::io::BufWriter::new(file);
        write!(
            json,
            "{{\"format\":\"tijdig-export\",\"formatVersion\":1,\"schemaVersion\":{},\
             \"exportedAt\":{},\"tables\":{{",
            tijdig_store::SCHEMA_VERSION,
            Value::String(format!("{}Z", self.now().format("%Y-%m-%dT%H:%M:%S")))
        )?;
        let mut issued = Vec::new();
        for (t, table) in store.table_names()?.iter().enumerate() {
            if t > 0 {
                json.write_all(b",")?;
            }
            write!(json, "{}:[", Value::String(table.clone()))?;
            let mut first = true;
            store.dump_table::<StoreError>(table, |row| {
                let document = match table.as_str() {
                    "invoices" => {
                        let kind = text(row, "kind").and_then(InvoiceKind::from_code);
                        match (kind, text(row, "number"), integer(row, "id")) {
                            (Some(kind), Some(number), Some(id)) => {
                                let client = integer(row, "client_id")
                                    .and_then(|c| client_language.get(&c).copied())
                                    .unwrap_or(lang);
                                issued.push((id, number.to_string()));
                                let base = document_base_name(kind, number, client);
                                Some(format!("{}/{base}.pdf", names.invoices))
                            }
                            _ => None,
                        }
                    }
                    "letters" => text(row, "reference").map(|reference| {
                        let step = text(row, "step")
                            .and_then(FollowUpStep::from_code)
                            .map_or("Brief", |s| s.label(lang));
                        format!("{}/{step} {}.pdf", names.letters, file_safe(reference))
                    }),
                    "arrangements" => text(row, "reference").map(|reference| {
                        let title = match lang {
                            Language::Nl => "Betalingsregeling",
                            Language::En => "Payment arrangement",
                        };
                        format!(
                            "{}/{title} {}.pdf",
                            names.arrangements,
                            file_safe(reference)
                        )
                    }),
                    // Finalised offers and every agreement: their PDFs as sent (the
                    // countersigned copy stays in the JSON as base64, it may be a scan).
                    "offers" | "agreements" => text(row, "number").map(|number| {
                        let title = match (table.as_str(), lang) {
                            ("offers", Language::Nl) => "Offerte",
                            ("offers", Language::En) => "Quotation",
                            (_, Language::Nl) => "Opdrachtbevestiging",
                            (_, Language::En) => "Confirmation",
                        };
                        format!("{}/{title} {}.pdf", names.offers, file_safe(number))
                    }),
                    _ => None,
                };
                // Written by hand to keep the table's column order.
                json.write_all(if first { b"{" } else { b",{" })?;
                first = false;
                for (c, (column, value)) in row.columns.iter().zip(row.values).enumerate() {
                    let value = match *value {
                        DumpValue::Null => Value::Null,
                        DumpValue::Integer(n) => Value::from(n),
                        DumpValue::Real(x) => {
                            serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
                        }
                        DumpValue::Text(s) => Value::String(s.to_string()),
                        DumpValue::Blob(bytes) => match (&document, column.as_str()) {
                            (Some(path), "pdf") => {
                                out.write(path, bytes)?;
                                out.documents += 1;
                                serde_json::json!({
                                    "file": path,
                                    "sha256": sha256_hex(bytes),
                                    "bytes": bytes.len(),
                                })
                            }
                            _ => serde_json::json!({
                                "base64": base64::engine::general_purpose::STANDARD.encode(bytes),
                                "bytes": bytes.len(),
                            }),
                        },
                    };
                    if c > 0 {
                        json.write_all(b",")?;
                    }
                    serde_json::to_writer(&mut json, column).map_err(std::io::Error::from)?;
                    json.write_all(b":")?;
                    serde_json::to_writer(&mut json, &value).map_err(std::io::Error::from)?;
                }
                json.write_all(b"}")?;
                out.rows += 1;
                Ok(())
            })?;
            json.write_all(b"]")?;
        }
        json.write_all(b"}}\n")?;
        json.into_inner()
            .map_err(|e| StoreError::from(e.into_error()))?
            .sync_all()?;
        out.record(json_path)?;

        // The e-invoices beside their PDFs. One that cannot be made is listed, not fatal:
        // the PDF is the legal document. An invoice made in other software and imported has
        // its e-invoice there: Tijdig does not write one as if it were its own.
        let external = store.external_invoice_ids()?;
        for (id, number) in issued.into_iter().filter(|(id, _)| !external.contains(id)) {
            match ubl_in_store(store, id, UblProfile::SiUbl, lang) {
                Ok((file_name, bytes)) => {
                    out.write(&format!("{}/{file_name}", names.invoices), &bytes)?;
                    out.e_invoices += 1;
                }
                Err(e) => out.skipped.push(format!("{number}: {}", e.message)),
            }
        }

        let csv = self.write_export(
            store,
            match lang {
                Language::Nl => dto::CsvStyle::Dutch,
                Language::En => dto::CsvStyle::Rfc4180,
            },
            chrono::NaiveDate::MIN,
            chrono::NaiveDate::MAX,
            &root.join(names.accounting),
            lang,
        )?;
        for file in &csv.files {
            out.record(&format!("{}/{file}", names.accounting))?;
        }

        let readme = readme(&names, &out, self.today(), lang);
        out.write(names.readme, readme.as_bytes())?;
        let mut sums = String::new();
        for (path, sha) in &out.files {
            sums.push_str(&format!("{sha}  {path}\n"));
        }
        crate::plumbing::private_files::write_private_file(root.join("SHA256SUMS"), sums)?;
        Ok(out)
    }
}

/// A file that could not be written is the chosen folder's problem, not the database's.
fn unwritable(err: StoreError, dir: &Path, lang: Language) -> AppError {
    match err {
        StoreError::Io(e) => AppError {
            code: crate::ErrorCode::Storage,
            message: match lang {
                Language::Nl => format!(
                    "Tijdig kon niet schrijven in de gekozen map {} ({e}). Er is niets \
                     geëxporteerd; kies een andere map of maak ruimte vrij.",
                    dir.display()
                ),
                Language::En => format!(
                    "Tijdig could not write in the chosen folder {} ({e}). Nothing was \
                     exported; choose another folder or free some space.",
                    dir.display()
                ),
            },
            fields: Vec::new(),
        },
        other => AppError::from_store(other, lang),
    }
}

fn readme(names: &Names, out: &Written, today: chrono::NaiveDate, lang: Language) -> String {
    let date = today.format("%d-%m-%Y");
    let nl = lang == Language::Nl;
    let invoices = format!("{}/", names.invoices);
    let letters = format!("{}/", names.letters);
    let arrangements = format!("{}/", names.arrangements);
    let offers = format!("{}/", names.offers);
    let accounting = format!("{}/", names.accounting);
    let entries: [(&str, &str); 7] = if nl {
        [
            (&invoices, "elke uitgereikte factuur en creditnota als PDF (precies zoals verstuurd) en als e-factuur (UBL 2.1, SI-UBL 2.0) met de PDF erin"),
            (&letters, "elke brief (herinnering, aanmaning, ingebrekestelling, 14-dagenbrief) als PDF"),
            (&arrangements, "elke betalingsregeling als PDF"),
            (&offers, "elke definitieve offerte en opdrachtbevestiging als PDF, met de algemene voorwaarden erachter"),
            (&accounting, "facturen.csv, betalingen.csv en klanten.csv (puntkomma, decimale komma, UTF-8), voor je boekhouder"),
            ("tijdig.json", "al je gegevens: elke tabel, rij voor rij. Bedragen staan als tekst met een punt (\"1210.5\" is € 1.210,50), datums als jjjj-mm-dd; een PDF verwijst naar zijn bestand"),
            ("SHA256SUMS", "de SHA-256 van elk bestand (controleren: sha256sum -c SHA256SUMS)"),
        ]
    } else {
        [
            (&invoices, "every issued invoice and credit note as PDF (exactly as sent) and as e-invoice (UBL 2.1, SI-UBL 2.0) with the PDF inside"),
            (&letters, "every letter (reminder, dunning letter, notice of default) as PDF"),
            (&arrangements, "every payment arrangement as PDF"),
            (&offers, "every final quotation and confirmation as PDF, with the general terms after it"),
            (&accounting, "invoices.csv, payments.csv and clients.csv (RFC 4180), for your accountant"),
            ("tijdig.json", "all your data: every table, row by row. Amounts are text with a dot (\"1210.5\" is € 1,210.50), dates yyyy-mm-dd; a PDF refers to its file"),
            ("SHA256SUMS", "the SHA-256 of every file (check: sha256sum -c SHA256SUMS)"),
        ]
    };
    let mut text = if nl {
        format!("Tijdig — alles geëxporteerd op {date}\n\n")
    } else {
        format!("Tijdig — everything exported on {date}\n\n")
    };
    let width = entries
        .iter()
        .map(|(name, _)| name.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for (name, what) in entries {
        // Wrapped at 78 columns, continuation lines under the description.
        let mut line = format!("{name:<width$}");
        let mut used = width;
        for word in what.split(' ') {
            if used + word.chars().count() > 78 && used > width {
                text.push_str(line.trim_end());
                text.push('\n');
                line = " ".repeat(width);
                used = width;
            }
            line.push_str(word);
            line.push(' ');
            used += word.chars().count() + 1;
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    if !out.skipped.is_empty() {
        text.push_str(match lang {
            Language::Nl => "\nGeen e-factuur gemaakt voor:\n",
            Language::En => "\nNo e-invoice made for:\n",
        });
        for line in &out.skipped {
            text.push_str(&format!("  {line}\n"));
        }
    }
    text
}
