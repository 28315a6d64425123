//! Bank statements (bankafschriften) as Dutch banks export them — CAMT.053 (XML) and MT940 —
//! read into one list of booked entries, and matched to open invoices and instalments.
//!
//! Rules and pitfalls: `../shared/reference/bank/README.md` (per bank and per format). The
//! readers are lenient where banks differ (envelopes, wrapping, account shapes, decimal dot or
//! comma) and strict where a wrong guess would book money: an entry whose date, amount or
//! debit/credit mark cannot be read refuses the whole file, naming the line or element.
//! Nothing here panics on any input (fuzzed: `fuzz/`).

pub mod camt;
pub mod csv;
pub mod matching;
pub mod mt940;
pub mod text;

use crate::language::Language;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The file formats Tijdig reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementFormat {
    /// ISO 20022 `camt.053.001.02/.04/.08` (XML).
    Camt053,
    /// SWIFT MT940 in the Dutch banks' variants.
    Mt940,
    /// A bank's CSV (or ABN AMRO TAB) download, of a known bank or mapped by the user.
    Csv(csv::CsvBank),
}

impl StatementFormat {
    pub fn code(self) -> &'static str {
        match self {
            StatementFormat::Camt053 => "camt053",
            StatementFormat::Mt940 => "mt940",
            StatementFormat::Csv(_) => "csv",
        }
    }

    pub fn label(self) -> String {
        match self {
            StatementFormat::Camt053 => "CAMT.053".into(),
            StatementFormat::Mt940 => "MT940".into(),
            StatementFormat::Csv(bank) => format!("CSV {}", bank.name()),
        }
    }
}

/// One booked entry (boeking) on the user's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankEntry {
    /// The user's own account as the statement names it, normalised (IBAN when it is one).
    pub account: Option<String>,
    /// The booking date (the date the money was credited or debited).
    pub booked_on: NaiveDate,
    /// Positive for money in (credit), negative for money out (debit).
    pub amount: Decimal,
    /// A reversal (storno, `RC`/`RD`, `RvslInd`): never a client's payment.
    pub reversal: bool,
    /// The bank's own reference for the entry (`//…` in `:61:`, `AcctSvcrRef`), if any.
    pub bank_reference: Option<String>,
    /// The payer's end-to-end id (`EREF`, `EndToEndId`), if any.
    pub end_to_end: Option<String>,
    pub counterparty_iban: Option<String>,
    pub counterparty_name: Option<String>,
    /// A structured creditor reference (`CdtrRefInf`, `/REMI/STRD/CUR/…`), if given.
    pub structured_reference: Option<String>,
    /// What the entry says, readable: whitespace collapsed.
    pub description: String,
    /// The entry's text joined without separators (wrapped lines glued back), for searching.
    pub search_text: String,
    /// The line of the file where the entry starts.
    pub line: u32,
}

impl BankEntry {
    /// What makes an entry the same entry in another (overlapping) export of the same account,
    /// in any format: account, booking day, amount and the counterparty's account. Not the
    /// bank's references or the text, which CAMT.053 and MT940 write differently for the same
    /// payment (issue "Nothing lost, nothing twice": the same day exported both ways is booked
    /// once). Identical entries on one day are real (five equal payments from one client):
    /// [`entry_keys`] numbers them, so an overlapping file gives the same keys to the same
    /// entries.
    pub fn identity(&self) -> String {
        format!(
            "{}|{}|{}|{}",
            self.account.as_deref().unwrap_or(""),
            self.booked_on,
            self.amount.normalize(),
            self.counterparty_iban.as_deref().unwrap_or(""),
        )
    }
}

/// A file read completely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedStatement {
    pub format: StatementFormat,
    /// The accounts the file is about (normalised), in order of appearance.
    pub accounts: Vec<String>,
    pub entries: Vec<BankEntry>,
}

/// Why a file was refused. Nothing of a refused file is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatementError {
    /// Neither CAMT.053 nor MT940.
    UnknownFormat,
    /// XML that is not well-formed, at a line and column.
    Xml {
        line: u32,
        column: u32,
        detail: String,
    },
    /// An entry that cannot be read: the line (MT940) or the element's line (CAMT), the tag or
    /// element, and what is wrong.
    Malformed {
        line: u32,
        element: String,
        problem: Problem,
    },
    /// A CSV row that cannot be read: its line, the column's name, and what is wrong.
    Cell {
        line: u32,
        column: String,
        problem: Problem,
    },
}

/// What is wrong with an entry that refuses the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Date,
    Amount,
    DebitCredit,
    Missing(&'static str),
    /// A CSV row with fewer cells than the column read.
    Column,
}

impl Problem {
    fn message(self, lang: Language) -> String {
        match (self, lang) {
            (Problem::Date, Language::Nl) => "de datum is onleesbaar".into(),
            (Problem::Date, Language::En) => "the date cannot be read".into(),
            (Problem::Amount, Language::Nl) => "het bedrag is onleesbaar".into(),
            (Problem::Amount, Language::En) => "the amount cannot be read".into(),
            (Problem::DebitCredit, Language::Nl) => {
                "bij- of afschrijving (C/D) ontbreekt of is onleesbaar".into()
            }
            (Problem::DebitCredit, Language::En) => {
                "credit or debit (C/D) is missing or cannot be read".into()
            }
            (Problem::Missing(what), Language::Nl) => format!("{what} ontbreekt"),
            (Problem::Missing(what), Language::En) => format!("{what} is missing"),
            (Problem::Column, Language::Nl) => "de regel heeft minder kolommen dan de rest".into(),
            (Problem::Column, Language::En) => "the row has fewer columns than the rest".into(),
        }
    }
}

impl StatementError {
    pub fn message(&self, lang: Language) -> String {
        match (self, lang) {
            (StatementError::UnknownFormat, Language::Nl) => "Dit bestand is geen bankafschrift dat Tijdig kan lezen. Download in uw bankapp of internetbankieren de transacties als CSV, CAMT.053 (XML) of MT940 (.sta, .940, .swi) en kies dat bestand.".into(),
            (StatementError::UnknownFormat, Language::En) => "This file is not a bank statement Tijdig can read. Download the transactions from your bank app or online banking as CSV, CAMT.053 (XML) or MT940 (.sta, .940, .swi) and choose that file.".into(),
            (StatementError::Xml { line, column, detail }, Language::Nl) => format!("Het XML-bestand is beschadigd op regel {line}, kolom {column} ({detail}). Er is niets ingelezen."),
            (StatementError::Xml { line, column, detail }, Language::En) => format!("The XML file is damaged at line {line}, column {column} ({detail}). Nothing was imported."),
            (StatementError::Malformed { line, element, problem }, Language::Nl) => format!("Regel {line} ({element}): {}. Er is niets ingelezen.", problem.message(lang)),
            (StatementError::Malformed { line, element, problem }, Language::En) => format!("Line {line} ({element}): {}. Nothing was imported.", problem.message(lang)),
            (StatementError::Cell { line, column, problem }, Language::Nl) => format!("Regel {line}, kolom \u{201c}{column}\u{201d}: {}. Er is niets ingelezen.", problem.message(lang)),
            (StatementError::Cell { line, column, problem }, Language::En) => format!("Line {line}, column \u{201c}{column}\u{201d}: {}. Nothing was imported.", problem.message(lang)),
        }
    }
}

/// Reads a statement file of any format: CAMT.053, MT940, or the CSV of a bank Tijdig knows.
/// Text is UTF-8, or Latin-1 when it is not valid UTF-8 (Rabobank CSV, older ING exports); a
/// BOM and a trailing DOS end-of-file byte are ignored.
pub fn read_statement(bytes: &[u8]) -> Result<ParsedStatement, StatementError> {
    let text = decode(bytes);
    let head = text.trim_start();
    if head.starts_with('<') {
        camt::read(&text)
    } else if looks_like_mt940(&text) {
        mt940::read(&text)
    } else {
        csv::read(&text)
    }
}

/// MT940 has a line that starts with a tag (`:20:`, `:25:`, `:61:`), maybe after a SWIFT block
/// opener (`{4:`). A CSV whose text holds a time (`12:20:33`) does not.
fn looks_like_mt940(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start();
        let l = l.strip_prefix("{4:").unwrap_or(l);
        [":20:", ":25:", ":61:"].iter().any(|t| l.starts_with(t))
    })
}

/// UTF-8 when valid, else Latin-1 (every byte is its own code point).
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    };
    text.replace('\u{1a}', "")
}

/// A key per entry that is the same for the same entry in any export: its identity plus how
/// many identical entries came before it in this file.
pub fn entry_keys(entries: &[BankEntry]) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    entries
        .iter()
        .map(|e| {
            let identity = e.identity();
            let n = seen.entry(identity.clone()).or_insert(0);
            *n += 1;
            format!("{identity}#{n}")
        })
        .collect()
}

/// Parses an amount as banks write it: digits with a decimal comma or dot, an optional fraction
/// (`500,`), zero padding (`000000001147,95`), at most 5 decimals.
pub fn parse_bank_amount(raw: &str) -> Option<Decimal> {
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > 40 {
        return None;
    }
    let normalised = raw.replace(',', ".");
    let (int, frac) = normalised.split_once('.').unwrap_or((&normalised, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 5
    {
        return None;
    }
    let int = int.trim_start_matches('0');
    let text = format!(
        "{}.{}",
        if int.is_empty() { "0" } else { int },
        if frac.is_empty() { "0" } else { frac }
    );
    text.parse::<Decimal>().ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn bank_amounts_with_comma_dot_padding_and_no_fraction() {
        assert_eq!(parse_bank_amount("000000001147,95"), Some(dec!(1147.95)));
        assert_eq!(parse_bank_amount("500,"), Some(dec!(500)));
        assert_eq!(parse_bank_amount("10,5"), Some(dec!(10.5)));
        assert_eq!(parse_bank_amount("1.23456"), Some(dec!(1.23456)));
        assert_eq!(parse_bank_amount("1,2,3"), None);
        assert_eq!(parse_bank_amount(","), None);
        assert_eq!(parse_bank_amount("-5"), None);
    }

    #[test]
    fn latin1_is_read_when_the_file_is_not_utf8() {
        assert_eq!(decode(b"initi\xebrende\x1a"), "initiërende");
        assert_eq!(decode("\u{feff}é".as_bytes()), "é");
    }

    #[test]
    fn anything_else_is_refused_as_unknown() {
        assert_eq!(
            read_statement(b"Datum;Bedrag\n").unwrap_err(),
            StatementError::UnknownFormat
        );
    }
}
