//! Which column holds what, and reading the rows into [`BankEntry`]s with it.

use rust_decimal::Decimal;

use super::super::text::{collapse, labelled_iban, normalise_account, text_facts};
use super::super::{BankEntry, ParsedStatement, Problem, StatementError, StatementFormat};
use super::values::{decimal_style, parse_amount, parse_date, DateStyle};
use super::{CsvBank, CsvTable};

/// Where the sign of an amount comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Direction {
    /// The amount carries it: `-12,50` is money out, `12,50` or `+12,50` money in.
    Signed,
    /// A column says it: `Af`/`Bij` (ING), `D`/`C` (Knab), `Debet`/`Credit`, `Debit`/`Credit`.
    Column(usize),
}

/// Which column (0-based) holds what. Date and amount are required; the rest is read when
/// given. Several description columns are joined in order (Rabobank `Omschrijving-1..3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    pub date: usize,
    pub amount: usize,
    pub direction: Direction,
    /// The user's own account.
    pub account: Option<usize>,
    pub counterparty_iban: Option<usize>,
    pub counterparty_name: Option<usize>,
    pub description: Vec<usize>,
    /// The bank's own reference of the entry (Rabobank `Volgnr`, Knab `Referentie`).
    pub bank_reference: Option<usize>,
    /// A structured payment reference (`Betalingskenmerk`).
    pub structured_reference: Option<usize>,
    /// The payer's end-to-end id (Rabobank `Transactiereferentie`).
    pub end_to_end: Option<usize>,
    /// A column that, when filled, marks a returned payment (Rabobank `Reden retour`).
    pub returned: Option<usize>,
}

impl ColumnMap {
    /// A map with only the two required columns, the amount signed.
    pub fn new(date: usize, amount: usize) -> ColumnMap {
        ColumnMap {
            date,
            amount,
            direction: Direction::Signed,
            account: None,
            counterparty_iban: None,
            counterparty_name: None,
            description: Vec::new(),
            bank_reference: None,
            structured_reference: None,
            end_to_end: None,
            returned: None,
        }
    }

    /// Every column the map reads, for checking they exist.
    pub fn columns(&self) -> Vec<usize> {
        let mut all = vec![self.date, self.amount];
        if let Direction::Column(c) = self.direction {
            all.push(c);
        }
        all.extend(self.description.iter().copied());
        all.extend(
            [
                self.account,
                self.counterparty_iban,
                self.counterparty_name,
                self.bank_reference,
                self.structured_reference,
                self.end_to_end,
                self.returned,
            ]
            .into_iter()
            .flatten(),
        );
        all
    }
}

/// What a debit/credit cell says: `Some(true)` for money in.
pub fn credit_mark(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "bij" | "c" | "cr" | "credit" | "+" => Some(true),
        "af" | "d" | "dr" | "debet" | "debit" | "-" => Some(false),
        _ => None,
    }
}

/// Reads every row of `table` with `map`. `fallback_account` is the account when the map has
/// no account column (a remembered mapping names it).
pub(super) fn read(
    table: &CsvTable,
    map: &ColumnMap,
    bank: CsvBank,
    fallback_account: Option<&str>,
) -> Result<ParsedStatement, StatementError> {
    let name_of = |column: usize| -> String {
        table
            .column_names()
            .get(column)
            .cloned()
            .unwrap_or_else(|| (column + 1).to_string())
    };
    let malformed = |line: u32, column: usize, problem: Problem| StatementError::Cell {
        line,
        column: name_of(column),
        problem,
    };
    let cell = |cells: &[String], column: usize| -> Option<String> {
        cells.get(column).cloned().filter(|c| !c.is_empty())
    };
    let date_style = table
        .rows
        .iter()
        .find_map(|r| {
            r.cells
                .get(map.date)
                .and_then(|c| super::values::date_style(c))
        })
        .unwrap_or(DateStyle::Iso);
    let amounts = decimal_style(
        table
            .rows
            .iter()
            .filter_map(|r| r.cells.get(map.amount).map(String::as_str)),
    );
    let fallback_account = fallback_account.map(normalise_account);
    let mut entries = Vec::with_capacity(table.rows.len());
    let mut accounts: Vec<String> = Vec::new();
    let needed = map.columns().into_iter().max().unwrap_or(0);
    for row in &table.rows {
        let cells = bank.fit(&row.cells);
        let cells: &[String] = &cells;
        if cells.len() <= needed {
            return Err(malformed(row.line, needed, Problem::Column));
        }
        let booked_on = cell(cells, map.date)
            .and_then(|c| parse_date(&c, date_style))
            .ok_or_else(|| malformed(row.line, map.date, Problem::Date))?;
        let raw_amount = cell(cells, map.amount).unwrap_or_default();
        let amount = parse_amount(&raw_amount, amounts)
            .ok_or_else(|| malformed(row.line, map.amount, Problem::Amount))?;
        let amount = match map.direction {
            Direction::Signed => amount,
            Direction::Column(c) => {
                let credit = cell(cells, c)
                    .and_then(|m| credit_mark(&m))
                    .ok_or_else(|| malformed(row.line, c, Problem::DebitCredit))?;
                if credit && amount < Decimal::ZERO {
                    return Err(malformed(row.line, c, Problem::DebitCredit));
                }
                if credit {
                    amount.abs()
                } else {
                    -amount.abs()
                }
            }
        };
        let account = map
            .account
            .and_then(|c| cell(cells, c))
            .map(|a| bank.account(&a))
            .or_else(|| fallback_account.clone());
        if let Some(a) = &account {
            if !accounts.contains(a) {
                accounts.push(a.clone());
            }
        }
        let raw_description: Vec<String> = map
            .description
            .iter()
            .filter_map(|&c| cell(cells, c))
            .map(|d| bank.description(&d))
            .collect();
        let raw = raw_description.join(" ");
        let facts = text_facts(&raw);
        let counterparty_iban = map
            .counterparty_iban
            .and_then(|c| cell(cells, c))
            .and_then(|c| labelled_iban(&c))
            .or(facts.counterparty_iban);
        let counterparty_name = map
            .counterparty_name
            .and_then(|c| cell(cells, c))
            .map(|n| collapse(&n))
            .or(facts.counterparty_name);
        let mut search_text = raw.clone();
        if let Some(n) = &counterparty_name {
            search_text.push(' ');
            search_text.push_str(n);
        }
        entries.push(BankEntry {
            account,
            booked_on,
            amount,
            reversal: map.returned.and_then(|c| cell(cells, c)).is_some(),
            bank_reference: map.bank_reference.and_then(|c| cell(cells, c)),
            end_to_end: map
                .end_to_end
                .and_then(|c| cell(cells, c))
                .or(facts.end_to_end),
            counterparty_iban,
            counterparty_name,
            structured_reference: map
                .structured_reference
                .and_then(|c| cell(cells, c))
                .or(facts.structured_reference),
            description: collapse(&raw),
            search_text,
            line: row.line,
        });
    }
    Ok(ParsedStatement {
        format: StatementFormat::Csv(bank),
        accounts,
        entries,
    })
}
