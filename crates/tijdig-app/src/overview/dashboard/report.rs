//! The dashboard as a one-page PDF report for the user's accountant or bank: the key figures
//! with their value 30 days ago, the aging of the receivables, the expected receipts per four
//! weeks and the clients with the highest risk — as tables, readable in print.

use rust_decimal::Decimal;
use tijdig_documents::model::{Align, LetterBlock, Table};
use tijdig_domain::money::format_eur;
use tijdig_domain::Language;
use tijdig_store::StoreError;

use crate::plumbing::format::long_date;
use crate::services::documents::letter_layout::column;
use crate::{dto, App, AppError};

fn value(kpi: &dto::Kpi, v: &Option<String>, lang: Language) -> String {
    let Some(v) = v else {
        return "—".into();
    };
    let n: Decimal = v.parse().unwrap_or_default();
    let comma = |s: String| {
        if lang == Language::Nl {
            s.replace('.', ",")
        } else {
            s
        }
    };
    match kpi.unit.as_str() {
        "money" => format_eur(n, lang),
        "days" => comma(format!(
            "{} {}",
            n.round_dp(1),
            if lang == Language::Nl {
                "dagen"
            } else {
                "days"
            }
        )),
        "percent" => comma(format!("{} %", n.round_dp(1))),
        _ => v.clone(),
    }
}

impl App {
    /// The report's PDF and its file name ("Debiteurenrapport 2026-11-22.pdf").
    pub fn dashboard_report(&self) -> Result<(String, Vec<u8>), AppError> {
        let d = self.dashboard()?;
        self.with_store(|store, lang| {
            let build = || -> Result<(String, Vec<u8>), StoreError> {
                let profile = store.profile()?.ok_or(StoreError::NotFound)?;
                let logo = store.logo()?;
                let nl = lang == Language::Nl;
                let money = |s: &str| format_eur(s.parse::<Decimal>().unwrap_or_default(), lang);
                let today = self.today();
                let title = if nl {
                    "Debiteurenrapport"
                } else {
                    "Receivables report"
                };
                let mut body = Vec::new();
                // Two key figures per row, and each table names itself in its first header
                // (no headings): the report stays on one page.
                let kpi_header = |n: &str| {
                    [
                        column(n, 18.0, Align::Left),
                        column(if nl { "Nu" } else { "Now" }, 17.0, Align::Right),
                        column(
                            if nl { "30 d. terug" } else { "30 d. ago" },
                            17.0,
                            Align::Right,
                        ),
                    ]
                };
                let mut columns = kpi_header(if nl { "Kerncijfer" } else { "Key figure" }).to_vec();
                columns.extend(kpi_header(if nl { "Kerncijfer" } else { "Key figure" }));
                let kpi_rows = d
                    .kpis
                    .chunks(2)
                    .map(|pair| {
                        pair.iter()
                            .flat_map(|k| {
                                [
                                    k.label.clone(),
                                    value(k, &k.value, lang),
                                    value(k, &k.previous, lang),
                                ]
                            })
                            .collect()
                    })
                    .collect();
                body.push(LetterBlock::Table(Table {
                    columns,
                    rows: kpi_rows,
                }));

                let mut columns = vec![column(
                    if nl { "Ouderdom" } else { "Aging" },
                    24.0,
                    Align::Left,
                )];
                columns.extend(d.aging.labels.iter().enumerate().map(|(i, l)| {
                    let short = match (i, nl) {
                        (0, true) => "Niet verv.",
                        (0, false) => "Not due",
                        _ => l.as_str(),
                    };
                    column(short, 15.0, Align::Right)
                }));
                let mut rows = vec![{
                    let mut row = vec![if nl { "Totaal" } else { "Total" }.to_string()];
                    row.extend(d.aging.total.iter().map(|v| money(v)));
                    row
                }];
                for c in d.aging.clients.iter().take(3) {
                    let mut row = vec![c.client_name.clone()];
                    row.extend(c.buckets.iter().map(|v| money(v)));
                    rows.push(row);
                }
                body.push(LetterBlock::Table(Table { columns, rows }));

                let block = |from: usize, to: usize| -> (Decimal, Decimal) {
                    let weeks = &d.forecast.weeks;
                    weeks[from.min(weeks.len())..to.min(weeks.len())]
                        .iter()
                        .fold((Decimal::ZERO, Decimal::ZERO), |(e, b), w| {
                            (
                                e + w.expected.parse::<Decimal>().unwrap_or_default(),
                                b + w.best_case.parse::<Decimal>().unwrap_or_default(),
                            )
                        })
                };
                let blocks = [(0, 4), (4, 8), (8, 13)].map(|(from, to)| block(from, to));
                let mut expected = vec![if nl { "Verwacht" } else { "Expected" }.to_string()];
                expected.extend(blocks.iter().map(|(e, _)| format_eur(*e, lang)));
                expected.push(money(&d.forecast.later));
                let mut best = vec![if nl { "Beste geval" } else { "Best case" }.to_string()];
                best.extend(blocks.iter().map(|(_, b)| format_eur(*b, lang)));
                best.push(String::new());
                let week = if nl { "Week" } else { "Weeks" };
                body.push(LetterBlock::Table(Table {
                    columns: vec![
                        column(
                            if nl { "Ontvangsten" } else { "Receipts" },
                            20.0,
                            Align::Left,
                        ),
                        column(&format!("{week} 1–4"), 20.0, Align::Right),
                        column(&format!("{week} 5–8"), 20.0, Align::Right),
                        column(&format!("{week} 9–13"), 20.0, Align::Right),
                        column("Later", 20.0, Align::Right),
                    ],
                    rows: vec![expected, best],
                }));

                body.push(LetterBlock::Table(Table {
                    columns: vec![
                        column(
                            if nl { "Hoogste risico" } else { "Highest risk" },
                            30.0,
                            Align::Left,
                        ),
                        column("Score", 10.0, Align::Right),
                        column("Open", 20.0, Align::Right),
                        column(if nl { "Vervallen" } else { "Overdue" }, 20.0, Align::Right),
                        column(if nl { "Dagen" } else { "Days" }, 10.0, Align::Right),
                    ],
                    rows: d
                        .risks
                        .iter()
                        .take(3)
                        .map(|r| {
                            vec![
                                r.client_name.clone(),
                                r.score.to_string(),
                                money(&r.open),
                                money(&r.overdue),
                                r.max_days_overdue.to_string(),
                            ]
                        })
                        .collect(),
                }));
                let date_line = format!(
                    "{} · {}",
                    long_date(today, lang),
                    if nl {
                        "opgesteld met Tijdig"
                    } else {
                        "prepared with Tijdig"
                    }
                );
                let report = crate::services::documents::letter_layout::report(
                    &profile,
                    logo.as_ref(),
                    title,
                    today,
                    date_line,
                    body,
                    &format!("report|{today}"),
                    self.local_now(),
                    lang,
                );
                let pdf = crate::services::documents::letter_layout::render(&report)
                    .map_err(|e| StoreError::Corrupt(format!("report: {e}")))?;
                Ok((format!("{title} {today}.pdf"), pdf))
            };
            build().map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Writes the report into `dir`; returns the path.
    pub fn write_dashboard_report(
        &self,
        dir: &std::path::Path,
    ) -> Result<std::path::PathBuf, AppError> {
        let (name, pdf) = self.dashboard_report()?;
        let path = dir.join(name);
        self.write_document(&path, &pdf)?;
        Ok(path)
    }
}
