//! Bank statements as CSV (and ABN AMRO's TAB file): what a freelancer can download from every
//! Dutch bank app. The file is read as a table (delimiter sniffed, quotes as RFC 4180, UTF-8 or
//! Latin-1), then recognised as one of the banks Tijdig knows by its header row — or, for the
//! banks that write none (ABN AMRO TAB, ASN), by the shape of its rows. A table Tijdig does not
//! recognise is not guessed at: the user says which column is what ([`ColumnMap`]) and the
//! app remembers that per account.
//!
//! Rules and pitfalls per bank: `../shared/reference/bank/README.md` ("ING CSV", "Rabobank",
//! "ABN AMRO", "bunq", "Knab", "ASN / SNS"). As for CAMT.053 and MT940, a row whose date, amount
//! or debit/credit mark cannot be read refuses the whole file, naming its line and column.

mod banks;
mod columns;
mod values;

pub use banks::CsvBank;
pub use columns::{ColumnMap, Direction};
pub use values::{date_style, decimal_style, parse_amount, parse_date, DateStyle, DecimalStyle};

use super::{ParsedStatement, StatementError};

/// The delimiters banks use, in the order a tie is decided.
const DELIMITERS: [u8; 4] = [b';', b',', b'\t', b'|'];

/// Rows looked at to sniff the delimiter and find the header.
const SNIFF_ROWS: usize = 40;

/// One row of the file: its line (1-based, as an editor shows it) and its cells, trimmed, with
/// a stray quote at either end dropped (a Rabobank row that lost its opening quote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    pub line: u32,
    pub cells: Vec<String>,
}

/// A delimited text file read as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    pub delimiter: u8,
    /// The header row's cells, when the file has one.
    pub header: Option<Vec<String>>,
    /// The rows after the header (or every row), without blank and `#` comment lines.
    pub rows: Vec<CsvRow>,
    /// The most common number of cells in a row.
    pub width: usize,
}

impl CsvTable {
    /// What identifies files of the same layout (same bank, same export): the delimiter and
    /// the header names, or the number of columns for a file without a header. Used as the key
    /// of a remembered column mapping.
    pub fn signature(&self) -> String {
        let delimiter = char::from(self.delimiter);
        match &self.header {
            Some(h) => format!(
                "header{delimiter}{}",
                h.iter()
                    .map(|c| c.to_lowercase())
                    .collect::<Vec<_>>()
                    .join(&delimiter.to_string())
            ),
            None => format!("columns{delimiter}{}", self.width),
        }
    }

    /// The column names to show: the header's, or "1", "2", … for a file without one.
    pub fn column_names(&self) -> Vec<String> {
        match &self.header {
            Some(h) => h.clone(),
            None => (1..=self.width).map(|n| n.to_string()).collect(),
        }
    }
}

/// Reads `text` as a table, or `None` when it is not one: fewer than two columns, or no row.
pub fn table(text: &str) -> Option<CsvTable> {
    let text = plain_lines(text);
    let delimiter = sniff(&text)?;
    let mut rows = records(&text, delimiter);
    let width = modal_width(&rows)?;
    let header_at = banks::header_row(&rows).or_else(|| guess_header_row(&rows, width));
    let header = header_at.map(|at| {
        let header = rows[at].cells.clone();
        rows.drain(..=at);
        header
    });
    if rows.is_empty() {
        return None;
    }
    Some(CsvTable {
        delimiter,
        header,
        rows,
        width,
    })
}

/// Reads `text` as a table whose first row (after title rows of one filled cell) is its
/// header, whatever the rows hold — a spreadsheet of clients rather than a bank's download.
pub fn headed_table(text: &str) -> Option<CsvTable> {
    let text = plain_lines(text);
    let delimiter = sniff(&text)?;
    let mut rows = records(&text, delimiter);
    let width = modal_width(&rows)?;
    let at = rows
        .iter()
        .take(3)
        .position(|r| r.cells.iter().filter(|c| !c.is_empty()).count() >= 2)?;
    let header = rows[at].cells.clone();
    rows.drain(..=at);
    Some(CsvTable {
        delimiter,
        header: Some(header),
        rows,
        width,
    })
}

/// Reads a CSV statement of a bank Tijdig knows. `Err(UnknownFormat)` when the text is no
/// table or a table of a bank it does not know (then the user maps the columns:
/// [`read_mapped`]).
pub fn read(text: &str) -> Result<ParsedStatement, StatementError> {
    let table = table(text).ok_or(StatementError::UnknownFormat)?;
    let (bank, map) = banks::recognise(&table).ok_or(StatementError::UnknownFormat)?;
    columns::read(&table, &map, bank, None)
}

/// Reads a table with the columns the user pointed out. `account` is the user's account the
/// file is about when no column says it.
pub fn read_mapped(
    table: &CsvTable,
    map: &ColumnMap,
    account: Option<&str>,
) -> Result<ParsedStatement, StatementError> {
    columns::read(table, map, CsvBank::Other, account)
}

/// What Tijdig proposes for a table it does not know, from the header's words (Datum, Bedrag,
/// Af Bij, Tegenrekening, …): the user checks it before anything is read.
pub fn propose(table: &CsvTable) -> ColumnMap {
    banks::propose(table)
}

/// The delimiter whose rows most often have the same number (≥ 2) of cells.
fn sniff(text: &str) -> Option<u8> {
    let head: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(SNIFF_ROWS)
        .collect::<Vec<_>>()
        .join("\n");
    DELIMITERS
        .iter()
        .filter_map(|&d| {
            let rows = records(&head, d);
            let width = modal_width(&rows)?;
            let agreeing = rows.iter().filter(|r| r.cells.len() == width).count();
            Some((agreeing, width, d))
        })
        // Most agreeing rows wins; then the wider table; the first delimiter on a full tie.
        .fold(None, |best: Option<(usize, usize, u8)>, next| match best {
            Some(b) if (b.0, b.1) >= (next.0, next.1) => Some(b),
            _ => Some(next),
        })
        .map(|(_, _, d)| d)
}

/// Lines as an editor numbers them: ended by LF, with any CR before it dropped (Rabobank ends
/// lines with CR CR LF), or by a lone CR in a file without LF. Comment lines (`#`, in ABN AMRO's
/// sample) become blank, so the rows after them keep their line numbers.
fn plain_lines(text: &str) -> String {
    let text = if text.contains('\n') {
        text.replace('\r', "")
    } else {
        text.replace('\r', "\n")
    };
    text.split('\n')
        .map(|l| if l.starts_with('#') { "" } else { l })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every non-blank row. The `csv` crate parses quotes as RFC 4180.
fn records(text: &str, delimiter: u8) -> Vec<CsvRow> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    // The reader's position of a record is where the previous one ended, before the blank
    // lines it skipped: the line is counted here, once over the text.
    let bytes = text.as_bytes();
    let (mut at, mut line) = (0usize, 1u32);
    // Input is a `&str`, so no UTF-8 error; a reader error ends the table where it is.
    while let Ok(true) = reader.read_record(&mut record) {
        let start = record
            .position()
            .map_or(at, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        let mut start = start.min(bytes.len());
        while start < bytes.len() && bytes[start] == b'\n' {
            start += 1;
        }
        if start >= at {
            line += u32::try_from(bytes[at..start].iter().filter(|&&b| b == b'\n').count())
                .unwrap_or(0);
            at = start;
        }
        let cells: Vec<String> = record.iter().map(clean_cell).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        rows.push(CsvRow { line, cells });
    }
    rows
}

/// A cell trimmed, without a stray double quote at either end.
fn clean_cell(cell: &str) -> String {
    cell.trim().trim_matches('"').trim().to_string()
}

fn modal_width(rows: &[CsvRow]) -> Option<usize> {
    let mut counts: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for r in rows {
        *counts.entry(r.cells.len()).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(width, _)| *width >= 2)
        .max_by_key(|(width, n)| (*n, *width))
        .map(|(width, _)| width)
}

/// For a file of an unknown bank: the first row of full width is the header when none of its
/// cells is a date or an amount and a later row has a date. Rows before it with a single filled
/// cell (a title such as `KNAB EXPORT;;;`) are passed over.
fn guess_header_row(rows: &[CsvRow], width: usize) -> Option<usize> {
    let at = rows
        .iter()
        .take(3)
        .position(|r| r.cells.iter().filter(|c| !c.is_empty()).count() >= 2)?;
    let row = &rows[at];
    let looks_like_data = row
        .cells
        .iter()
        .any(|c| values::date_style(c).is_some() || values::looks_like_amount(c));
    let data_follows = rows[at + 1..]
        .iter()
        .take(5)
        .any(|r| r.cells.iter().any(|c| values::date_style(c).is_some()));
    (row.cells.len() >= width.min(2) && !looks_like_data && data_follows).then_some(at)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn the_delimiter_is_the_one_that_gives_every_row_the_same_width() {
        let t = table("a;b;c\n1-1-2026;2,50;x, y\n2-1-2026;3;z\n").unwrap();
        assert_eq!(t.delimiter, b';');
        assert_eq!(t.width, 3);
        assert_eq!(
            t.header.as_deref(),
            Some(&["a".to_string(), "b".into(), "c".into()][..])
        );
        let tab = table("x\t1,5\t20260101\ty, z\nx\t2\t20260102\tw\n").unwrap();
        assert_eq!(tab.delimiter, b'\t');
        assert_eq!(tab.header, None);
    }

    #[test]
    fn a_row_that_lost_its_opening_quote_keeps_its_columns() {
        let t = table(
            "\"a\",\"b\",\"c\"\r\r\n\"2026-01-01\",\"2\",\"3\"\r\r\n2026-01-02\",\"y\",\"z\"\r\r\n",
        )
        .unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].cells, vec!["2026-01-02", "y", "z"]);
        assert_eq!(t.rows[1].line, 3);
    }

    #[test]
    fn one_column_or_no_rows_is_no_table() {
        assert_eq!(table("just text\nmore text\n"), None);
        assert_eq!(table(""), None);
    }

    #[test]
    fn signatures_tell_layouts_apart() {
        let a = table("Datum;Bedrag\n01-01-2026;1\n").unwrap();
        let b = table("datum;bedrag\n02-01-2026;2\n").unwrap();
        let c = table("01-01-2026;1\n02-01-2026;2\n").unwrap();
        assert_eq!(a.signature(), b.signature());
        assert_ne!(a.signature(), c.signature());
        assert_eq!(c.column_names(), vec!["1", "2"]);
    }
}
