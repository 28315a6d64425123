//! Open invoices from a spreadsheet (openstaande facturen, issue "Bring your bank and your
//! books"): for a freelancer whose invoicing program writes no UBL, a CSV with one row per
//! invoice still open — number, client, invoice date, due date, amount incl. btw and what was
//! paid so far. Tijdig's template (`templates/openstaande-facturen.csv`):
//! `factuurnummer;klant;factuurdatum;vervaldatum;bedrag;betaald;kvk;e-mail` (any order, `;` or
//! `,`, dates `dd-mm-jjjj` or ISO, amounts `1.234,56` or `1234.56`; `betaald`, `kvk` and
//! `e-mail` may be left out).
//!
//! Each row is read on its own: a row that cannot be read is reported with its line and column
//! and nothing of it is imported; the other rows are.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::bank::csv::{date_style, decimal_style, headed_table, parse_amount, parse_date};
use crate::client_sheet::SheetError;
use crate::language::Language;

/// One open invoice as the sheet states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetInvoice {
    pub line: u32,
    pub number: String,
    pub client: String,
    pub kvk: Option<String>,
    pub email: Option<String>,
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    /// The invoice amount, btw included.
    pub total: Decimal,
    /// What the client paid of it so far.
    pub paid: Decimal,
}

/// A row that cannot be read: its line, the column, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: u32,
    pub column: &'static str,
    pub problem: &'static str,
}

impl RowProblem {
    pub fn message(&self, lang: Language) -> String {
        let (what_nl, what_en) = match self.problem {
            "missing" => ("is leeg", "is empty"),
            "date" => ("is geen datum (dd-mm-jjjj)", "is not a date (dd-mm-yyyy)"),
            "amount" => ("is geen bedrag", "is not an amount"),
            "order" => ("ligt vóór de factuurdatum", "is before the invoice date"),
            _ => ("is meer dan het bedrag", "is more than the amount"),
        };
        match lang {
            Language::Nl => format!(
                "Regel {}, kolom \u{201c}{}\u{201d}: {what_nl}. Deze factuur is niet ingelezen.",
                self.line, self.column
            ),
            Language::En => format!(
                "Line {}, column \u{201c}{}\u{201d}: {what_en}. This invoice was not imported.",
                self.line, self.column
            ),
        }
    }
}

const NUMBER: &[&str] = &[
    "factuurnummer",
    "nummer",
    "factuur",
    "invoicenumber",
    "number",
    "factuurnr",
];
const CLIENT: &[&str] = &[
    "klant",
    "relatie",
    "debiteur",
    "naam",
    "bedrijfsnaam",
    "client",
    "customer",
];
const INVOICE_DATE: &[&str] = &["factuurdatum", "datum", "invoicedate", "date"];
const DUE_DATE: &[&str] = &["vervaldatum", "uiterstebetaaldatum", "duedate", "vervaldag"];
const TOTAL: &[&str] = &[
    "bedrag",
    "bedraginclbtw",
    "totaal",
    "totaalinclbtw",
    "bedragincl",
    "amount",
    "total",
];
const PAID: &[&str] = &["betaald", "reedsbetaald", "ontvangen", "paid"];
const KVK: &[&str] = &["kvk", "kvknummer"];
const EMAIL: &[&str] = &["email", "emailadres"];

fn key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads the sheet: every data row as an invoice or as the problem that keeps it out.
pub fn read_open_invoices(text: &str) -> Result<Vec<Result<SheetInvoice, RowProblem>>, SheetError> {
    let sheet = headed_table(text).ok_or(SheetError::NotATable)?;
    let header = sheet.header.clone().ok_or(SheetError::NotATable)?;
    let keys: Vec<String> = header.iter().map(|h| key(h)).collect();
    let find = |words: &[&str]| words.iter().find_map(|w| keys.iter().position(|k| k == w));
    let required = [
        ("factuurnummer", find(NUMBER)),
        ("klant", find(CLIENT)),
        ("factuurdatum", find(INVOICE_DATE)),
        ("vervaldatum", find(DUE_DATE)),
        ("bedrag", find(TOTAL)),
    ];
    let missing: Vec<&'static str> = required
        .iter()
        .filter(|(_, c)| c.is_none())
        .map(|(n, _)| *n)
        .collect();
    let [Some(number), Some(client), Some(invoice_date), Some(due), Some(total)] =
        required.map(|(_, c)| c)
    else {
        return Err(SheetError::MissingColumns { missing });
    };
    let (paid, kvk, email) = (find(PAID), find(KVK), find(EMAIL));
    let column_cells = |c: usize| {
        sheet
            .rows
            .iter()
            .filter_map(move |r| r.cells.get(c).map(String::as_str))
    };
    let money = decimal_style(column_cells(total).chain(paid.into_iter().flat_map(column_cells)));
    let dates = sheet
        .rows
        .iter()
        .find_map(|r| r.cells.get(invoice_date).and_then(|c| date_style(c)));
    Ok(sheet
        .rows
        .iter()
        .map(|row| {
            let cell = |c: usize| row.cells.get(c).map(|s| s.trim()).unwrap_or("");
            let problem = |column: usize, problem: &'static str| RowProblem {
                line: row.line,
                column: header_name(&header, column),
                problem,
            };
            let text = |c: usize| -> Result<String, RowProblem> {
                let v = cell(c);
                if v.is_empty() {
                    Err(problem(c, "missing"))
                } else {
                    Ok(v.to_string())
                }
            };
            let date = |c: usize| -> Result<NaiveDate, RowProblem> {
                let v = text(c)?;
                dates
                    .and_then(|style| parse_date(&v, style))
                    .or_else(|| date_style(&v).and_then(|s| parse_date(&v, s)))
                    .ok_or_else(|| problem(c, "date"))
            };
            let amount = |c: usize| -> Result<Decimal, RowProblem> {
                parse_amount(&text(c)?, money).ok_or_else(|| problem(c, "amount"))
            };
            let invoice_date_value = date(invoice_date)?;
            let due_value = date(due)?;
            if due_value < invoice_date_value {
                return Err(problem(due, "order"));
            }
            let total_value = amount(total)?;
            let paid_value = match paid {
                Some(c) if !cell(c).is_empty() => amount(c)?,
                _ => Decimal::ZERO,
            };
            if paid_value > total_value || paid_value < Decimal::ZERO {
                return Err(problem(paid.unwrap_or(total), "paid"));
            }
            Ok(SheetInvoice {
                line: row.line,
                number: text(number)?,
                client: text(client)?,
                kvk: kvk.map(|c| cell(c).to_string()).filter(|v| !v.is_empty()),
                email: email.map(|c| cell(c).to_string()).filter(|v| !v.is_empty()),
                invoice_date: invoice_date_value,
                due_date: due_value,
                total: total_value,
                paid: paid_value,
            })
        })
        .collect())
}

/// The header's name of a column, as the problem names it (leaked: a few short names per file).
fn header_name(header: &[String], column: usize) -> &'static str {
    match header.get(column).map(|h| key(h)).as_deref() {
        Some(k) if NUMBER.contains(&k) => "factuurnummer",
        Some(k) if CLIENT.contains(&k) => "klant",
        Some(k) if INVOICE_DATE.contains(&k) => "factuurdatum",
        Some(k) if DUE_DATE.contains(&k) => "vervaldatum",
        Some(k) if TOTAL.contains(&k) => "bedrag",
        Some(k) if PAID.contains(&k) => "betaald",
        _ => "?",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_template_reads_and_a_wrong_row_names_its_line_and_column() {
        let text = "factuurnummer;klant;factuurdatum;vervaldatum;bedrag;betaald\n\
                    2025-118;Drukkerij Vos;01-10-2026;15-10-2026;1.210,00;200,00\n\
                    2025-119;Grafisch Bureau Noord;02-10-2026;31-09-2026;121,00;\n\
                    2025-120;Bakkerij Korenbloem;03-10-2026;17-10-2026;veel;\n";
        let rows = read_open_invoices(text).unwrap();
        let first = rows[0].as_ref().unwrap();
        assert_eq!(
            (
                first.number.as_str(),
                first.client.as_str(),
                first.total,
                first.paid
            ),
            ("2025-118", "Drukkerij Vos", dec!(1210.00), dec!(200.00))
        );
        assert_eq!(
            first.due_date,
            NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()
        );
        let bad_date = rows[1].as_ref().unwrap_err();
        assert_eq!((bad_date.line, bad_date.column), (3, "vervaldatum"));
        assert_eq!(bad_date.message(Language::Nl), "Regel 3, kolom \u{201c}vervaldatum\u{201d}: is geen datum (dd-mm-jjjj). Deze factuur is niet ingelezen.");
        assert_eq!(rows[2].as_ref().unwrap_err().column, "bedrag");
    }

    #[test]
    fn a_sheet_without_the_required_columns_is_refused() {
        let err = read_open_invoices(
            "klant;bedrag
Vos;10
",
        )
        .unwrap_err();
        assert_eq!(
            err,
            SheetError::MissingColumns {
                missing: vec!["factuurnummer", "factuurdatum", "vervaldatum"]
            }
        );
        assert!(err.message(Language::Nl).starts_with(
            "Dit bestand mist de kolom(men) factuurnummer, factuurdatum, vervaldatum."
        ));
    }
}
