//! CSV for the accountant (issue "Data in and out"): Dutch style opens correctly in LibreOffice
//! and Excel with Dutch settings (`;` separator, UTF-8 with BOM, decimal comma, dd-mm-jjjj);
//! plain RFC 4180 (`,`, decimal point, ISO dates, no BOM) for software that wants it. Both end
//! lines with CRLF and quote fields that need it.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::money::round_cents;

/// Which dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvStyle {
    Dutch,
    Rfc4180,
}

/// One cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvCell {
    Text(String),
    Amount(Decimal),
    Date(NaiveDate),
    Empty,
}

impl CsvStyle {
    fn separator(self) -> char {
        match self {
            CsvStyle::Dutch => ';',
            CsvStyle::Rfc4180 => ',',
        }
    }
}

fn field(cell: &CsvCell, style: CsvStyle) -> String {
    let raw = match cell {
        CsvCell::Text(t) => {
            if runs_as_formula(t) {
                format!("'{t}")
            } else {
                t.clone()
            }
        }
        CsvCell::Amount(a) => {
            let mut cents = round_cents(*a);
            cents.rescale(2);
            let text = cents.to_string();
            match style {
                CsvStyle::Dutch => text.replace('.', ","),
                CsvStyle::Rfc4180 => text,
            }
        }
        CsvCell::Date(d) => match style {
            CsvStyle::Dutch => d.format("%d-%m-%Y").to_string(),
            CsvStyle::Rfc4180 => d.to_string(),
        },
        CsvCell::Empty => String::new(),
    };
    let needs_quotes = raw.contains(style.separator()) || raw.contains(['"', '\n', '\r']);
    if needs_quotes {
        format!("\"{}\"", raw.replace('"', "\"\""))
    } else {
        raw
    }
}

/// Whether a spreadsheet could run this text as a formula ("CSV injection", OWASP): it starts
/// with `=`, `+`, `-` or `@` — also after leading spaces, which spreadsheets skip — or with a
/// TAB or line break, which some take as the start of a new cell. Such text gets a leading
/// quote; a client name or description never needs to start that way.
fn runs_as_formula(text: &str) -> bool {
    text.starts_with(['\t', '\r', '\n'])
        || text
            .trim_start_matches(|c: char| c.is_whitespace())
            .starts_with(['=', '+', '-', '@'])
}

/// The whole file: (BOM,) header, rows.
pub fn write_csv(style: CsvStyle, header: &[&str], rows: &[Vec<CsvCell>]) -> String {
    let sep = style.separator().to_string();
    let mut out = String::new();
    if style == CsvStyle::Dutch {
        out.push('\u{FEFF}');
    }
    let head: Vec<String> = header
        .iter()
        .map(|h| field(&CsvCell::Text((*h).to_string()), style))
        .collect();
    out.push_str(&head.join(&sep));
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| field(c, style)).collect();
        out.push_str(&cells.join(&sep));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn row() -> Vec<CsvCell> {
        vec![
            CsvCell::Text("Bakkerij \"De Korenbloem\"; Utrecht".into()),
            CsvCell::Amount(dec!(1234.5)),
            CsvCell::Date(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()),
            CsvCell::Empty,
        ]
    }

    #[test]
    fn dutch_style_has_a_bom_semicolons_decimal_commas_and_dutch_dates() {
        let csv = write_csv(
            CsvStyle::Dutch,
            &["Klant", "Bedrag", "Datum", "Notitie"],
            &[row()],
        );
        assert!(csv.starts_with('\u{FEFF}'));
        assert_eq!(
            csv.trim_start_matches('\u{FEFF}'),
            "Klant;Bedrag;Datum;Notitie\r\n\"Bakkerij \"\"De Korenbloem\"\"; Utrecht\";1234,50;22-11-2026;\r\n"
        );
    }

    #[test]
    fn rfc4180_style_has_commas_points_and_iso_dates() {
        let csv = write_csv(
            CsvStyle::Rfc4180,
            &["Client", "Amount", "Date", "Note"],
            &[row()],
        );
        assert_eq!(
            csv,
            "Client,Amount,Date,Note\r\n\"Bakkerij \"\"De Korenbloem\"\"; Utrecht\",1234.50,2026-11-22,\r\n"
        );
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_is_defused() {
        let csv = write_csv(
            CsvStyle::Rfc4180,
            &["x"],
            &[vec![CsvCell::Text("=HYPERLINK(\"x\")".into())]],
        );
        assert!(csv.contains("'=HYPERLINK"));
        for bad in [
            "+31 6 1234",
            "-2+3",
            "@SUM(A1)",
            "\t=1+1",
            "\r=1+1",
            "\n@x",
            "   =1+1",
            "\u{a0}=1+1",
        ] {
            let csv = write_csv(
                CsvStyle::Rfc4180,
                &["x"],
                &[vec![CsvCell::Text(bad.into())]],
            );
            let cell = csv.split_once("\r\n").unwrap().1;
            assert!(
                cell.starts_with('\'') || cell.starts_with("\"'"),
                "{bad:?} → {cell:?}"
            );
        }
        for fine in ["Bakkerij =1", "a-b", "Jan @ home", " De Vries"] {
            let csv = write_csv(
                CsvStyle::Rfc4180,
                &["x"],
                &[vec![CsvCell::Text(fine.into())]],
            );
            assert!(!csv.contains('\''), "{fine:?} is left as typed");
        }
        let negative = write_csv(CsvStyle::Dutch, &["x"], &[vec![CsvCell::Amount(dec!(-5))]]);
        assert!(negative.contains("-5,00"), "amounts keep their sign");
    }
}
