//! Btw per kwartaal: the sales side of the btw-aangifte (rubrieken 1a, 1b, 1e, 3a, 3b) and the
//! opgaaf ICP for a quarter, from the issued invoices and credit notes dated in it — Tijdig's
//! own and imported ones, each with its own btw per rate (`record_totals`, the figures its PDF
//! prints). Shown as a screen, written as a PDF and as CSV. The rules and their sources are in
//! `tijdig_domain::vat_return`.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use tijdig_documents::model::{Align, LetterBlock, Table};
use tijdig_domain::csv::{write_csv, CsvCell, CsvStyle};
use tijdig_domain::money::format_eur;
use tijdig_domain::vat_return::{vat_return, Quarter, ReturnInvoice};
use tijdig_domain::{Issue, Language};
use tijdig_store::{ClientFilter, InvoiceSet, StoreError};

use crate::plumbing::error::{invalid_fields, Failure, FormIssue};
use crate::plumbing::format::{long_date, say, show_date};
use crate::services::documents::letter_layout::{column, render, report as report_page};
use crate::services::invoice_amounts::record_totals;
use crate::{dto, App, AppError};

fn quarter_of(year: i32, number: u32, lang: Language) -> Result<Quarter, AppError> {
    Quarter::new(year, number).ok_or_else(|| {
        invalid_fields(
            lang,
            vec![FormIssue {
                field: "quarter".into(),
                issue: Issue::ChoiceRequired,
            }
            .message(lang)],
        )
        .word(lang)
    })
}

fn quarter_title(q: Quarter, lang: Language) -> String {
    match lang {
        Language::Nl => format!("{}e kwartaal {}", q.number, q.year),
        Language::En => format!("Q{} {}", q.number, q.year),
    }
}

impl App {
    /// The quarter's figures. `year`/`quarter` outside what a return can be are refused.
    pub fn vat_return(&self, year: i32, quarter: u32) -> Result<dto::VatReturnReport, AppError> {
        let lang = self.lang();
        let q = quarter_of(year, quarter, lang)?;
        self.with_store(|store, lang| {
            let run = || -> Result<dto::VatReturnReport, Failure> {
                let records = store.invoice_set(&InvoiceSet::IssuedBetween {
                    from: q.first_day(),
                    to: q.last_day(),
                })?;
                let clients: std::collections::HashMap<i64, tijdig_domain::Client> = store
                    .list_clients(&ClientFilter {
                        include_archived: true,
                        ..ClientFilter::default()
                    })?
                    .into_iter()
                    .map(|c| (c.id, c.client))
                    .collect();
                let totals: Vec<_> = records.iter().map(record_totals).collect();
                let invoices: Vec<ReturnInvoice<'_>> = records
                    .iter()
                    .zip(&totals)
                    .filter_map(|(record, t)| {
                        let client = clients.get(&record.draft.client_id)?;
                        Some(ReturnInvoice {
                            regime: record.draft.vat_regime,
                            client_country: &client.address.country,
                            client_name: &client.name,
                            client_btw_id: client.btw_id.as_deref(),
                            rows: &t.rows,
                        })
                    })
                    .collect();
                let r = vat_return(&invoices);
                let kor = store.profile()?.is_some_and(|p| p.kor);
                let nl = lang == Language::Nl;
                let amount = |d: Decimal| format!("{:.2}", d.round_dp(2));
                let rubriek = |code: &str, nl_label: &str, en_label: &str, turnover: Decimal, vat: Option<Decimal>, hint: Option<String>| dto::VatRubriek {
                    code: code.into(),
                    label: say(lang, nl_label, en_label),
                    turnover: amount(turnover),
                    vat: vat.map(amount),
                    hint,
                };
                let rubrieken = vec![
                    rubriek("1a", "Leveringen/diensten belast met hoog tarief", "Supplies/services at the standard rate", r.r1a.turnover, Some(r.r1a.vat), None),
                    rubriek("1b", "Leveringen/diensten belast met laag tarief", "Supplies/services at the reduced rate", r.r1b.turnover, Some(r.r1b.vat), None),
                    rubriek("1e", "Leveringen/diensten belast met 0% of niet bij u belast", "Supplies/services at 0% or not taxed with you", r.r1e, None, None),
                    rubriek("3a", "Leveringen naar landen buiten de EU (uitvoer)", "Supplies to countries outside the EU (export)", r.r3a, None, (r.r3a != Decimal::ZERO).then(|| say(lang,
                        "Hier horen alleen goederen. Een dienst aan een ondernemer buiten de EU geeft u niet aan in de Nederlandse aangifte (business.gov.nl, \u{201c}VAT on services abroad\u{201d}): laat die weg.",
                        "Only goods belong here. A service to a business outside the EU is not declared in the Dutch return (business.gov.nl, \u{201c}VAT on services abroad\u{201d}): leave it out."))),
                    rubriek("3b", "Leveringen naar of diensten in landen binnen de EU", "Supplies to or services in EU countries", r.r3b, None, None),
                ];
                let mut notes = vec![say(lang,
                    "Tijdig telt elke uitgereikte factuur en creditfactuur met een factuurdatum in dit kwartaal (factuurstelsel), met de btw zoals die op de factuur staat. Rubriek 2a is voor btw die naar ú is verlegd (inkoop): daar komt geen verkoop.",
                    "Tijdig counts every issued invoice and credit note dated in this quarter (invoice basis), with the VAT as printed on it. Rubriek 2a is for VAT reverse-charged to you (purchases): no sale goes there.")];
                if kor {
                    notes.push(say(lang,
                        "U doet mee aan de kleineondernemersregeling: u doet geen btw-aangifte. De omzet telt voor de grens van € 20.000 per jaar.",
                        "You take part in the small-business scheme (KOR): you file no VAT return. The turnover counts towards the € 20,000 limit per year."));
                }
                if r.exempt != Decimal::ZERO {
                    notes.push(format!("{} {}", say(lang, "Vrijgesteld van btw (in geen rubriek):", "Exempt from VAT (in no rubriek):"), format_eur(r.exempt, lang)));
                }
                let icp_total: Decimal = r.icp.iter().map(|l| l.amount).sum();
                Ok(dto::VatReturnReport {
                    year,
                    quarter,
                    title: if nl { format!("Btw-aangifte {}", quarter_title(q, lang)) } else { format!("VAT return {}", quarter_title(q, lang)) },
                    from: show_date(q.first_day()),
                    to: show_date(q.last_day()),
                    kor,
                    rubrieken,
                    kor_turnover: amount(r.kor_turnover),
                    exempt: amount(r.exempt),
                    icp: r
                        .icp
                        .iter()
                        .map(|l| dto::IcpRow {
                            btw_id: l.btw_id.clone(),
                            country: l.country.clone(),
                            client_name: l.client_name.clone(),
                            amount: amount(l.amount),
                        })
                        .collect(),
                    icp_total: amount(icp_total),
                    invoices: u32::try_from(records.len()).unwrap_or(u32::MAX),
                    notes,
                })
            };
            run().map_err(|f| f.word(lang))
        })
    }

    /// The quarters the btw screen offers, the one to file now first, then the eleven before.
    pub fn vat_return_quarters(&self) -> Vec<dto::QuarterChoice> {
        let lang = self.lang();
        let mut q = Quarter::to_file(self.today());
        let mut out = Vec::with_capacity(12);
        for _ in 0..12 {
            out.push(dto::QuarterChoice {
                year: q.year,
                quarter: q.number,
                label: quarter_title(q, lang),
            });
            q = q.previous();
        }
        out
    }

    /// The quarter's figures as a one-page PDF and its file name ("Btw 2026-K4.pdf").
    pub fn vat_return_pdf(&self, year: i32, quarter: u32) -> Result<(String, Vec<u8>), AppError> {
        let report = self.vat_return(year, quarter)?;
        self.with_store(|store, lang| {
            let build = || -> Result<(String, Vec<u8>), StoreError> {
                let profile = store.profile()?.ok_or(StoreError::NotFound)?;
                let logo = store.logo()?;
                let nl = lang == Language::Nl;
                let money = |s: &str| format_eur(s.parse::<Decimal>().unwrap_or_default(), lang);
                let mut body = Vec::new();
                body.push(LetterBlock::Table(Table {
                    columns: vec![
                        column("Rubriek", 10.0, Align::Left),
                        column(
                            if nl { "Omschrijving" } else { "Description" },
                            50.0,
                            Align::Left,
                        ),
                        column(if nl { "Omzet" } else { "Turnover" }, 20.0, Align::Right),
                        column(if nl { "Btw" } else { "VAT" }, 20.0, Align::Right),
                    ],
                    rows: report
                        .rubrieken
                        .iter()
                        .map(|r| {
                            vec![
                                r.code.clone(),
                                r.label.clone(),
                                money(&r.turnover),
                                r.vat.as_deref().map_or(String::new(), money),
                            ]
                        })
                        .collect(),
                }));
                for r in &report.rubrieken {
                    if let Some(hint) = &r.hint {
                        body.push(LetterBlock::Small(format!("{}: {hint}", r.code)));
                    }
                }
                if report.kor {
                    body.push(LetterBlock::Paragraph(format!(
                        "{} {}",
                        if nl {
                            "Omzet onder de KOR:"
                        } else {
                            "Turnover under the KOR:"
                        },
                        money(&report.kor_turnover)
                    )));
                }
                body.push(LetterBlock::Heading(if nl {
                    "Opgaaf intracommunautaire prestaties (ICP)".into()
                } else {
                    "EC sales list (ICP)".into()
                }));
                if report.icp.is_empty() {
                    body.push(LetterBlock::Paragraph(if nl {
                        "Geen diensten aan ondernemers in andere EU-landen in dit kwartaal.".into()
                    } else {
                        "No services to businesses in other EU countries this quarter.".into()
                    }));
                } else {
                    let mut rows: Vec<Vec<String>> = report
                        .icp
                        .iter()
                        .map(|l| {
                            vec![
                                l.country.clone(),
                                l.btw_id.clone(),
                                l.client_name.clone(),
                                money(&l.amount),
                            ]
                        })
                        .collect();
                    rows.push(vec![
                        String::new(),
                        String::new(),
                        if nl {
                            "Totaal (= 3b)".into()
                        } else {
                            "Total (= 3b)".into()
                        },
                        money(&report.icp_total),
                    ]);
                    body.push(LetterBlock::Table(Table {
                        columns: vec![
                            column(if nl { "Land" } else { "Country" }, 10.0, Align::Left),
                            column(if nl { "Btw-id" } else { "VAT id" }, 25.0, Align::Left),
                            column(if nl { "Klant" } else { "Client" }, 45.0, Align::Left),
                            column(if nl { "Diensten" } else { "Services" }, 20.0, Align::Right),
                        ],
                        rows,
                    }));
                }
                for note in &report.notes {
                    body.push(LetterBlock::Small(note.clone()));
                }
                let today = self.today();
                let pdf = report_page(
                    &profile,
                    logo.as_ref(),
                    &report.title,
                    today,
                    format!(
                        "{} · {} {} – {}",
                        long_date(today, lang),
                        if nl { "periode" } else { "period" },
                        report.from,
                        report.to
                    ),
                    body,
                    &format!("vat|{year}|{quarter}|{today}"),
                    self.local_now(),
                    lang,
                );
                let bytes = render(&pdf).map_err(|e| StoreError::Corrupt(format!("btw: {e}")))?;
                Ok((format!("Btw {year}-K{quarter}.pdf"), bytes))
            };
            build().map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Writes the PDF for the viewer into `dir`; returns its path.
    pub fn write_vat_return_pdf(
        &self,
        year: i32,
        quarter: u32,
        dir: &Path,
    ) -> Result<PathBuf, AppError> {
        let (name, pdf) = self.vat_return_pdf(year, quarter)?;
        let path = dir.join(name);
        self.write_document(&path, &pdf)?;
        Ok(path)
    }

    /// Writes `btw-2026-K4.csv` (the rubrieken) and `icp-2026-K4.csv` (the opgaaf ICP) into
    /// `dir`, in Dutch spreadsheet style; returns the rubrieken file's path.
    pub fn export_vat_return_csv(
        &self,
        year: i32,
        quarter: u32,
        dir: &Path,
    ) -> Result<PathBuf, AppError> {
        let report = self.vat_return(year, quarter)?;
        let lang = self.lang();
        let nl = lang == Language::Nl;
        let amount = |s: &str| CsvCell::Amount(s.parse::<Decimal>().unwrap_or_default());
        let rows: Vec<Vec<CsvCell>> = report
            .rubrieken
            .iter()
            .map(|r| {
                vec![
                    CsvCell::Text(r.code.clone()),
                    CsvCell::Text(r.label.clone()),
                    amount(&r.turnover),
                    r.vat.as_deref().map_or(CsvCell::Empty, amount),
                ]
            })
            .collect();
        let header = if nl {
            ["Rubriek", "Omschrijving", "Omzet", "Btw"]
        } else {
            ["Rubriek", "Description", "Turnover", "VAT"]
        };
        let icp_rows: Vec<Vec<CsvCell>> = report
            .icp
            .iter()
            .map(|l| {
                vec![
                    CsvCell::Text(l.country.clone()),
                    CsvCell::Text(l.btw_id.clone()),
                    CsvCell::Text(l.client_name.clone()),
                    amount(&l.amount),
                ]
            })
            .collect();
        let icp_header = if nl {
            ["Land", "Btw-id", "Klant", "Diensten"]
        } else {
            ["Country", "VAT id", "Client", "Services"]
        };
        let path = dir.join(format!("btw-{year}-K{quarter}.csv"));
        self.write_document(&path, write_csv(CsvStyle::Dutch, &header, &rows).as_bytes())?;
        self.write_document(
            &dir.join(format!("icp-{year}-K{quarter}.csv")),
            write_csv(CsvStyle::Dutch, &icp_header, &icp_rows).as_bytes(),
        )?;
        Ok(path)
    }
}
