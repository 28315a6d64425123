//! The CSV downloads of the Dutch banks Tijdig knows, and the words it proposes a mapping
//! from for the ones it does not.
//!
//! A file is taken as a known bank's only when every column that bank names is there (or, for
//! the two banks without a header, every row has that bank's shape): a look-alike from another
//! bank whose amount column means something else must not be read as money in. Sources:
//! `../shared/reference/bank/README.md` and the sample files in `fixtures/bank/csv/`.

use super::super::text::{labelled_iban, normalise_account};
use super::columns::{credit_mark, ColumnMap, Direction};
use super::values::{date_style, parse_amount, DateStyle, DecimalStyle};
use super::{CsvRow, CsvTable};
use crate::validate::nl_iban;

/// The bank whose CSV layout a file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvBank {
    /// ING "Af- en bijschrijvingen" (Dutch or English headers; `,` or `;`).
    Ing,
    /// Rabobank `CSV_A_…` (since 2018, ISO-8859-1).
    Rabobank,
    /// ABN AMRO `TXT…TAB` (no header).
    AbnAmro,
    /// bunq (Dutch or English headers).
    Bunq,
    /// Knab "Transactieoverzicht".
    Knab,
    /// ASN Bank "transactie-historie" (no header).
    Asn,
    /// A bank Tijdig does not know, read with the columns the user pointed out.
    Other,
}

impl CsvBank {
    pub fn name(self) -> &'static str {
        match self {
            CsvBank::Ing => "ING",
            CsvBank::Rabobank => "Rabobank",
            CsvBank::AbnAmro => "ABN AMRO",
            CsvBank::Bunq => "bunq",
            CsvBank::Knab => "Knab",
            CsvBank::Asn => "ASN Bank",
            CsvBank::Other => "(eigen indeling)",
        }
    }

    /// The user's account as this bank writes it, normalised like the other formats: ABN
    /// AMRO's TAB file gives the bare account number, which is the IBAN's account part.
    pub(super) fn account(self, raw: &str) -> String {
        match self {
            CsvBank::AbnAmro => nl_iban("ABNA", raw).unwrap_or_else(|| normalise_account(raw)),
            _ => normalise_account(raw),
        }
    }

    /// The row's cells as this bank means them. ASN does not quote its description with the
    /// CSV's double quotes but with single quotes, so a comma inside it splits the cell: the
    /// pieces between the betalingskenmerk and the last column (the statement number) are one
    /// description.
    pub(super) fn fit(self, cells: &[String]) -> std::borrow::Cow<'_, [String]> {
        const ASN_WIDTH: usize = 19;
        match self {
            CsvBank::Asn if cells.len() > ASN_WIDTH => {
                let last = cells.len() - 1;
                let mut fitted = cells[..ASN_WIDTH - 2].to_vec();
                fitted.push(cells[ASN_WIDTH - 2..last].join(", "));
                fitted.push(cells[last].clone());
                std::borrow::Cow::Owned(fitted)
            }
            _ => std::borrow::Cow::Borrowed(cells),
        }
    }

    /// A description cell as text: ASN quotes it in single quotes.
    pub(super) fn description(self, raw: &str) -> String {
        match self {
            CsvBank::Asn => raw
                .strip_prefix('\'')
                .and_then(|r| r.strip_suffix('\''))
                .unwrap_or(raw)
                .to_string(),
            _ => raw.to_string(),
        }
    }
}

/// A bank that writes a header row: the names (lower case) of the columns it must have, and
/// how they map.
struct Named {
    bank: CsvBank,
    date: &'static str,
    amount: &'static str,
    /// `None`: signed amounts.
    direction: Option<&'static str>,
    account: &'static str,
    counterparty_iban: &'static str,
    counterparty_name: &'static str,
    description: &'static [&'static str],
    bank_reference: Option<&'static str>,
    structured_reference: Option<&'static str>,
    end_to_end: Option<&'static str>,
    returned: Option<&'static str>,
}

const NAMED: &[Named] = &[
    Named {
        bank: CsvBank::Ing,
        date: "datum",
        amount: "bedrag (eur)",
        direction: Some("af bij"),
        account: "rekening",
        counterparty_iban: "tegenrekening",
        counterparty_name: "naam / omschrijving",
        description: &["mededelingen"],
        bank_reference: None,
        structured_reference: None,
        end_to_end: None,
        returned: None,
    },
    Named {
        bank: CsvBank::Ing,
        date: "date",
        amount: "amount (eur)",
        direction: Some("debit/credit"),
        account: "account",
        counterparty_iban: "counterparty",
        counterparty_name: "name / description",
        description: &["notifications"],
        bank_reference: None,
        structured_reference: None,
        end_to_end: None,
        returned: None,
    },
    Named {
        bank: CsvBank::Rabobank,
        date: "datum",
        amount: "bedrag",
        direction: None,
        account: "iban/bban",
        counterparty_iban: "tegenrekening iban/bban",
        counterparty_name: "naam tegenpartij",
        description: &["omschrijving-1", "omschrijving-2", "omschrijving-3"],
        bank_reference: Some("volgnr"),
        structured_reference: Some("betalingskenmerk"),
        end_to_end: Some("transactiereferentie"),
        returned: Some("reden retour"),
    },
    Named {
        bank: CsvBank::Knab,
        date: "boekdatum",
        amount: "bedrag",
        direction: Some("creditdebet"),
        account: "rekeningnummer",
        counterparty_iban: "tegenrekeningnummer",
        counterparty_name: "tegenrekeninghouder",
        description: &["omschrijving"],
        bank_reference: Some("referentie"),
        structured_reference: None,
        end_to_end: None,
        returned: None,
    },
    Named {
        bank: CsvBank::Bunq,
        date: "datum",
        amount: "bedrag",
        direction: None,
        account: "rekening",
        counterparty_iban: "tegenrekening",
        counterparty_name: "naam",
        description: &["omschrijving"],
        bank_reference: None,
        structured_reference: None,
        end_to_end: None,
        returned: None,
    },
    Named {
        bank: CsvBank::Bunq,
        date: "date",
        amount: "amount",
        direction: None,
        account: "account",
        counterparty_iban: "counterparty",
        counterparty_name: "name",
        description: &["description"],
        bank_reference: None,
        structured_reference: None,
        end_to_end: None,
        returned: None,
    },
];

impl Named {
    fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        [
            Some(self.date),
            Some(self.amount),
            self.direction,
            Some(self.account),
            Some(self.counterparty_iban),
            Some(self.counterparty_name),
            self.bank_reference,
            self.structured_reference,
            self.end_to_end,
            self.returned,
        ]
        .into_iter()
        .flatten()
        .chain(self.description.iter().copied())
    }

    /// The map for `header` when it has every column this bank names.
    fn map(&self, header: &[String]) -> Option<ColumnMap> {
        let at = |name: &str| header.iter().position(|h| h.to_lowercase() == name);
        if !self.names().all(|n| at(n).is_some()) {
            return None;
        }
        Some(ColumnMap {
            date: at(self.date)?,
            amount: at(self.amount)?,
            direction: match self.direction {
                Some(d) => Direction::Column(at(d)?),
                None => Direction::Signed,
            },
            account: at(self.account),
            counterparty_iban: at(self.counterparty_iban),
            counterparty_name: at(self.counterparty_name),
            description: self.description.iter().filter_map(|d| at(d)).collect(),
            bank_reference: self.bank_reference.and_then(at),
            structured_reference: self.structured_reference.and_then(at),
            end_to_end: self.end_to_end.and_then(at),
            returned: self.returned.and_then(at),
        })
    }
}

/// The row among the first few that is a known bank's header (Knab writes a title row first).
pub(super) fn header_row(rows: &[CsvRow]) -> Option<usize> {
    rows.iter()
        .take(3)
        .position(|r| NAMED.iter().any(|n| n.map(&r.cells).is_some()))
}

/// The known bank whose layout `table` has, and its column map. Named banks are tried in
/// order; the most specific comes first (Rabobank's and Knab's columns include bunq's words).
pub(super) fn recognise(table: &CsvTable) -> Option<(CsvBank, ColumnMap)> {
    match &table.header {
        Some(header) => NAMED
            .iter()
            .find_map(|n| n.map(header).map(|m| (n.bank, m))),
        None => headerless(table),
    }
}

/// ABN AMRO TAB: 8 tab-separated columns — account, currency, date (YYYYMMDD), balance
/// before, balance after, value date, signed amount, description. ASN: 19 comma-separated
/// columns — booking date (dd-mm-yyyy), own account, counterparty account and name, address,
/// postcode, town, currency, balance before, currency, signed amount with a decimal point,
/// journal date, value date, internal and global transaction code, sequence number,
/// betalingskenmerk, description in single quotes, statement number.
fn headerless(table: &CsvTable) -> Option<(CsvBank, ColumnMap)> {
    let every = |check: &dyn Fn(&[String]) -> bool| table.rows.iter().all(|r| check(&r.cells));
    let date = |c: &str, style: DateStyle| date_style(c) == Some(style);
    if table.delimiter == b'\t'
        && every(&|c| {
            c.len() == 8
                && c[1] == "EUR"
                && date(&c[2], DateStyle::Compact)
                && parse_amount(&c[6], DecimalStyle::Comma).is_some()
        })
    {
        let mut map = ColumnMap::new(2, 6);
        map.account = Some(0);
        map.description = vec![7];
        return Some((CsvBank::AbnAmro, map));
    }
    if table.delimiter == b','
        && every(&|c| {
            c.len() >= 19
                && date(&c[0], DateStyle::DayFirst)
                && c[7] == "EUR"
                && parse_amount(&c[10], DecimalStyle::Point).is_some()
        })
    {
        let mut map = ColumnMap::new(0, 10);
        map.account = Some(1);
        map.counterparty_iban = Some(2);
        map.counterparty_name = Some(3);
        map.bank_reference = Some(15);
        map.structured_reference = Some(16);
        map.description = vec![17];
        return Some((CsvBank::Asn, map));
    }
    None
}

/// Words in a header that say what a column holds, best first, for proposing a mapping.
const DATE_WORDS: &[&str] = &[
    "boekdatum",
    "boekingsdatum",
    "datum",
    "date",
    "transactiedatum",
];
const AMOUNT_WORDS: &[&str] = &[
    "bedrag (eur)",
    "bedrag",
    "amount (eur)",
    "amount",
    "transactiebedrag",
];
const DIRECTION_WORDS: &[&str] = &[
    "af bij",
    "af/bij",
    "creditdebet",
    "credit/debet",
    "debet/credit",
    "debit/credit",
    "credit/debit",
];
const ACCOUNT_WORDS: &[&str] = &[
    "iban/bban",
    "rekening",
    "rekeningnummer",
    "eigen rekening",
    "account",
    "iban",
];
const COUNTERPARTY_IBAN_WORDS: &[&str] = &[
    "tegenrekening iban/bban",
    "tegenrekening",
    "tegenrekeningnummer",
    "counterparty",
    "counterparty iban",
];
const COUNTERPARTY_NAME_WORDS: &[&str] = &[
    "naam tegenpartij",
    "naam tegenrekening",
    "tegenrekeninghouder",
    "naam / omschrijving",
    "naam",
    "name",
];
const DESCRIPTION_WORDS: &[&str] = &[
    "omschrijving",
    "mededelingen",
    "description",
    "omschrijving-1",
    "omschrijving-2",
    "omschrijving-3",
];
const REFERENCE_WORDS: &[&str] = &["betalingskenmerk", "kenmerk"];

/// A proposal for a table of an unknown bank: columns whose header says what they hold, and
/// for a file without a header, the first date column and the first amount column.
pub(super) fn propose(table: &CsvTable) -> ColumnMap {
    let header: Vec<String> = table
        .header
        .as_ref()
        .map(|h| h.iter().map(|c| c.to_lowercase()).collect())
        .unwrap_or_default();
    let named = |words: &[&str]| -> Option<usize> {
        words
            .iter()
            .find_map(|w| header.iter().position(|h| h == w))
    };
    let first_row = table
        .rows
        .first()
        .map(|r| r.cells.as_slice())
        .unwrap_or(&[]);
    let by_shape = |check: &dyn Fn(&str) -> bool| first_row.iter().position(|c| check(c));
    let date = named(DATE_WORDS)
        .or_else(|| by_shape(&|c| date_style(c).is_some()))
        .unwrap_or(0);
    let amount = named(AMOUNT_WORDS)
        .or_else(|| {
            first_row.iter().enumerate().position(|(i, c)| {
                i != date
                    && parse_amount(c, DecimalStyle::Comma).is_some()
                    && c.bytes().any(|b| b.is_ascii_digit())
            })
        })
        .unwrap_or(1.min(table.width.saturating_sub(1)));
    // Without telling words, a column's cells tell: only C/D, Af/Bij, … is the debit/credit
    // mark; only IBANs, the same in every row, is the user's account, varying the counterparty's.
    let sample: Vec<&CsvRow> = table.rows.iter().take(20).collect();
    let column_is = |c: usize, check: &dyn Fn(&str) -> bool| {
        let cells: Vec<&str> = sample
            .iter()
            .filter_map(|r| r.cells.get(c).map(String::as_str))
            .filter(|v| !v.is_empty())
            .collect();
        !cells.is_empty() && cells.iter().all(|v| check(v))
    };
    let columns = 0..table.width;
    let free = |c: &usize| *c != date && *c != amount;
    let iban_columns: Vec<usize> = columns
        .clone()
        .filter(free)
        .filter(|&c| column_is(c, &|v| labelled_iban(v).is_some()))
        .collect();
    let same_everywhere = |c: usize| {
        let mut values = sample
            .iter()
            .filter_map(|r| r.cells.get(c))
            .filter(|v| !v.is_empty());
        let first = values.next();
        values.all(|v| Some(v) == first)
    };
    let mut map = ColumnMap::new(date, amount);
    if let Some(d) = named(DIRECTION_WORDS).or_else(|| {
        columns
            .clone()
            .filter(free)
            .find(|&c| column_is(c, &|v| credit_mark(v).is_some()))
    }) {
        map.direction = Direction::Column(d);
    }
    map.account = named(ACCOUNT_WORDS).or_else(|| {
        iban_columns
            .iter()
            .copied()
            .find(|&c| same_everywhere(c) && sample.len() > 1)
    });
    map.counterparty_iban = named(COUNTERPARTY_IBAN_WORDS).or_else(|| {
        iban_columns
            .iter()
            .copied()
            .find(|&c| Some(c) != map.account)
    });
    map.counterparty_name =
        named(COUNTERPARTY_NAME_WORDS).filter(|c| Some(*c) != map.counterparty_iban);
    map.structured_reference = named(REFERENCE_WORDS);
    map.description = named(DESCRIPTION_WORDS).into_iter().collect();
    map
}
