//! MT940 (SWIFT customer statement) as ING, Rabobank, ABN AMRO, bunq, Knab, Triodos and
//! ASN/SNS export it. The variants and their pitfalls are in
//! `../shared/reference/bank/README.md` §MT940: envelopes differ (SWIFT blocks, header lines,
//! `:940:`, none), so statements are split on the field tags; wrapped lines are glued back
//! without a separator; a `:86:` after a balance belongs to the statement, not to an entry.

use super::text::{collapse, ibans, keyword, labelled_iban, normalise_account, text_facts};
use super::{
    parse_bank_amount, BankEntry, ParsedStatement, Problem, StatementError, StatementFormat,
};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// One tagged field with its continuation lines.
struct Field<'a> {
    tag: &'a str,
    line: u32,
    lines: Vec<&'a str>,
}

/// Reads every booked entry of an MT940 file.
pub fn read(text: &str) -> Result<ParsedStatement, StatementError> {
    let fields = fields(text);
    let mut accounts: Vec<String> = Vec::new();
    let mut account: Option<String> = None;
    let mut entries = Vec::new();
    // The `:61:` being read and the `:86:` lines that belong to it.
    let mut open: Option<(&Field<'_>, Vec<&str>)> = None;
    for field in &fields {
        match field.tag {
            "61" => {
                if let Some((f, info)) = open.take() {
                    entries.push(entry(f, &info, account.as_deref())?);
                }
                open = Some((field, Vec::new()));
            }
            "86" => {
                if let Some((_, info)) = open.as_mut() {
                    info.extend(field.lines.iter().copied());
                }
            }
            tag => {
                if let Some((f, info)) = open.take() {
                    entries.push(entry(f, &info, account.as_deref())?);
                }
                if tag == "25" {
                    let normalised = normalise_account(&field.lines.concat());
                    if !normalised.is_empty() && !accounts.contains(&normalised) {
                        accounts.push(normalised.clone());
                    }
                    account = Some(normalised).filter(|a| !a.is_empty());
                }
            }
        }
    }
    if let Some((f, info)) = open.take() {
        entries.push(entry(f, &info, account.as_deref())?);
    }
    Ok(ParsedStatement {
        format: StatementFormat::Mt940,
        accounts,
        entries,
    })
}

/// Splits the file into tagged fields. A field starts at `:NN:` or `:NNa:` at the start of a
/// line and runs until the next tag or an envelope line (`-}`, `-`, `-XXX`, `{1:…`).
fn fields(text: &str) -> Vec<Field<'_>> {
    let mut fields: Vec<Field<'_>> = Vec::new();
    let mut in_field = false;
    for (index, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if let Some((tag, rest)) = split_tag(line) {
            fields.push(Field {
                tag,
                line: number,
                lines: vec![rest],
            });
            in_field = true;
        } else if is_envelope(line) {
            in_field = false;
        } else if in_field {
            if let Some(field) = fields.last_mut() {
                field.lines.push(line);
            }
        }
    }
    fields
}

/// `:61:rest` → (`61`, `rest`); also `:60F:`, `:28C:`. `:940:` (Rabobank's header) is no field.
fn split_tag(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix(':')?;
    let end = rest.find(':')?;
    let tag = &rest[..end];
    let b = tag.as_bytes();
    let ok = (b.len() == 2 || b.len() == 3)
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && (b.len() == 2 || b[2].is_ascii_uppercase());
    ok.then(|| (&tag[..2], &rest[end + 1..]))
}

fn is_envelope(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('{')
        || t.starts_with("-}")
        || t == "-"
        || t == "-XXX"
        || (t.starts_with('-') && t.len() <= 6 && t[1..].chars().all(|c| "}{5:X".contains(c)))
}

/// The parts of a `:61:` line.
struct StatementLine<'a> {
    value_date: NaiveDate,
    entry_date: Option<NaiveDate>,
    credit: bool,
    reversal: bool,
    amount: Decimal,
    reference: &'a str,
    bank_reference: Option<&'a str>,
}

fn statement_line(s: &str) -> Result<StatementLine<'_>, Problem> {
    let value_date = s.get(0..6).and_then(yymmdd).ok_or(Problem::Date)?;
    let mut rest = &s[6..];
    let mut entry_date = None;
    if rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        entry_date = Some(month_day_near(&rest[..4], value_date).ok_or(Problem::Date)?);
        rest = &rest[4..];
    }
    let (credit, reversal, after) = if let Some(r) = rest.strip_prefix("RC") {
        (true, true, r)
    } else if let Some(r) = rest.strip_prefix("RD") {
        (false, true, r)
    } else if let Some(r) = rest.strip_prefix('C') {
        (true, false, r)
    } else if let Some(r) = rest.strip_prefix('D') {
        (false, false, r)
    } else {
        return Err(Problem::DebitCredit);
    };
    let mut rest = after;
    // An optional funds code: one letter before the amount.
    if rest.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        rest = &rest[1..];
    }
    let amount_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
        .count();
    let amount = parse_bank_amount(&rest[..amount_len]).ok_or(Problem::Amount)?;
    let rest = &rest[amount_len..];
    // Transaction type: `N`/`F`/`S` + 3 characters, then the customer reference.
    let after_type = rest.get(4..).unwrap_or("");
    let (reference, bank_reference) = match after_type.split_once("//") {
        Some((r, b)) => (r, Some(b.trim()).filter(|b| !b.is_empty())),
        None => (after_type, None),
    };
    Ok(StatementLine {
        value_date,
        entry_date,
        credit,
        reversal,
        amount,
        reference: reference.trim(),
        bank_reference,
    })
}

fn yymmdd(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let yy: i32 = s.get(0..2)?.parse().ok()?;
    let mm: u32 = s.get(2..4)?.parse().ok()?;
    let dd: u32 = s.get(4..6)?.parse().ok()?;
    let year = if yy >= 80 { 1900 + yy } else { 2000 + yy };
    NaiveDate::from_ymd_opt(year, mm, dd)
}

/// An `MMDD` entry date placed in the year that puts it nearest the value date (it can fall in
/// the other year around New Year: value 2014-01-01, entry `1229`).
fn month_day_near(s: &str, value: NaiveDate) -> Option<NaiveDate> {
    let mm: u32 = s.get(0..2)?.parse().ok()?;
    let dd: u32 = s.get(2..4)?.parse().ok()?;
    [value.year() - 1, value.year(), value.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, mm, dd))
        .min_by_key(|d| (*d - value).num_days().abs())
}

fn entry(
    field: &Field<'_>,
    info: &[&str],
    account: Option<&str>,
) -> Result<BankEntry, StatementError> {
    let first = field.lines.first().copied().unwrap_or("");
    let parsed = statement_line(first).map_err(|problem| StatementError::Malformed {
        line: field.line,
        element: ":61:".into(),
        problem,
    })?;
    // Supplementary lines of `:61:`: the counterparty account (Rabobank), the counterparty's
    // name (ASN/SNS), or ING's `/TRCD/` code.
    let supplementary: Vec<&str> = field.lines[1..]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with("/TRCD/"))
        .collect();
    let search_text: String = info.concat();
    let description = collapse(&search_text);
    let own = account.unwrap_or("");
    let facts = text_facts(&search_text);
    let counterparty_iban = facts
        .counterparty_iban
        .or_else(|| labelled_iban(parsed.reference))
        .or_else(|| supplementary.iter().find_map(|l| labelled_iban(l)))
        .or_else(|| ibans(&search_text).into_iter().find(|i| i != own));
    let counterparty_name = facts.counterparty_name.or_else(|| {
        supplementary
            .iter()
            .find(|l| ibans(l).is_empty() && l.chars().any(char::is_alphabetic))
            .map(|l| collapse(l))
    });
    let structured_reference = facts.structured_reference;
    let end_to_end = keyword(&search_text, "EREF").filter(|e| e != "NOTPROVIDED");
    let signed = if parsed.credit {
        parsed.amount
    } else {
        -parsed.amount
    };
    let mut full_search = search_text.clone();
    for l in &supplementary {
        full_search.push(' ');
        full_search.push_str(l);
    }
    Ok(BankEntry {
        account: account.map(str::to_string),
        booked_on: parsed.entry_date.unwrap_or(parsed.value_date),
        amount: signed,
        reversal: parsed.reversal,
        bank_reference: parsed.bank_reference.map(str::to_string).or_else(|| {
            Some(parsed.reference.to_string())
                .filter(|r| !matches!(r.as_str(), "" | "NONREF" | "EREF" | "PREF"))
        }),
        end_to_end,
        counterparty_iban,
        counterparty_name,
        structured_reference,
        description,
        search_text: full_search,
        line: field.line,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_statement_line_with_entry_date_in_the_previous_year() {
        let l = statement_line("1401011229C500,NTRFNONREF//B4E07XM00J000023").unwrap();
        assert_eq!(l.value_date, NaiveDate::from_ymd_opt(2014, 1, 1).unwrap());
        assert_eq!(l.entry_date, NaiveDate::from_ymd_opt(2013, 12, 29));
        assert!(l.credit && !l.reversal);
        assert_eq!(l.amount, dec!(500));
        assert_eq!(l.bank_reference, Some("B4E07XM00J000023"));
    }

    #[test]
    fn reversals_funds_codes_and_bad_lines() {
        let l = statement_line("140103RDR12,00NTRFEREF").unwrap();
        assert!(l.reversal && !l.credit);
        assert_eq!(l.amount, dec!(12));
        assert_eq!(statement_line("14010X").err(), Some(Problem::Date));
        assert_eq!(
            statement_line("140103X12,00").err(),
            Some(Problem::DebitCredit)
        );
        assert_eq!(statement_line("140103CNTRF").err(), Some(Problem::Amount));
    }

    #[test]
    fn a_broken_statement_line_names_its_line_and_nothing_is_read() {
        let file = ":20:X\n:25:NL20INGB0001234567\n:61:140103C15,00NTRFNONREF\n:86:ok\n:61:1401AAC15,00NTRF\n";
        let err = read(file).unwrap_err();
        assert_eq!(
            err,
            StatementError::Malformed {
                line: 5,
                element: ":61:".into(),
                problem: Problem::Date
            }
        );
    }
}
