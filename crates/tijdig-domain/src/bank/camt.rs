//! CAMT.053 (ISO 20022 BankToCustomerStatement), versions `.02`, `.04`, `.08`: elements are
//! found by local name, so one reader serves every version (`.02` `Dbtr/Nm`, `.08`
//! `Dbtr/Pty/Nm`). Pitfalls (`../shared/reference/bank/README.md` §CAMT.053): `Amt` is always
//! positive — the sign is `CdtDbtInd`; `RvslInd` marks a reversal; a batch is one `Ntry` with
//! many `TxDtls`; the counterparty of a credit is the debtor; `AddtlNtryInf` can hold the whole
//! MT940-style text; only `BOOK`ed entries count. DTDs are refused (no entity expansion).

use super::text::{collapse, keyword, labelled_iban, normalise_account};
use super::{
    parse_bank_amount, BankEntry, ParsedStatement, Problem, StatementError, StatementFormat,
};
use chrono::NaiveDate;
use roxmltree::{Document, Node};
use rust_decimal::Decimal;

/// Reads every booked entry of a CAMT.053 file.
pub fn read(text: &str) -> Result<ParsedStatement, StatementError> {
    let doc = Document::parse(text).map_err(|e| {
        let pos = e.pos();
        StatementError::Xml {
            line: pos.row,
            column: pos.col,
            detail: e.to_string(),
        }
    })?;
    let root = doc.root_element();
    let is_camt053 = root.tag_name().name() == "Document"
        && root
            .tag_name()
            .namespace()
            .is_none_or(|ns| ns.contains("camt.053"))
        && child(root, "BkToCstmrStmt").is_some();
    if !is_camt053 {
        return Err(StatementError::UnknownFormat);
    }
    // Line numbers by binary search in the newline offsets: `Document::text_pos_at` scans from
    // the start each time, which is quadratic on a statement of 10,000 entries.
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let line_of = |n: Node<'_, '_>| {
        u32::try_from(newlines.partition_point(|&nl| nl < n.range().start) + 1).unwrap_or(u32::MAX)
    };
    if let Some(statement) = child(root, "BkToCstmrStmt").filter(|s| child(*s, "Stmt").is_none()) {
        return Err(StatementError::Malformed {
            line: line_of(statement),
            element: "BkToCstmrStmt".into(),
            problem: Problem::Missing("Stmt"),
        });
    }
    let mut accounts = Vec::new();
    let mut entries = Vec::new();
    for stmt in root.descendants().filter(|n| n.has_tag_name("Stmt")) {
        let account = path(stmt, &["Acct", "Id", "IBAN"])
            .or_else(|| path(stmt, &["Acct", "Id", "Othr", "Id"]))
            .map(|a| normalise_account(&a));
        if let Some(a) = &account {
            if !accounts.contains(a) {
                accounts.push(a.clone());
            }
        }
        for ntry in stmt.children().filter(|n| n.has_tag_name("Ntry")) {
            read_entry(
                ntry,
                account.as_deref(),
                line_of(ntry),
                &line_of,
                &mut entries,
            )?;
        }
    }
    Ok(ParsedStatement {
        format: StatementFormat::Camt053,
        accounts,
        entries,
    })
}

fn read_entry(
    ntry: Node<'_, '_>,
    account: Option<&str>,
    line: u32,
    line_of: &dyn Fn(Node<'_, '_>) -> u32,
    out: &mut Vec<BankEntry>,
) -> Result<(), StatementError> {
    let malformed = |node: Node<'_, '_>, element: &str, problem| StatementError::Malformed {
        line: line_of(node),
        element: element.into(),
        problem,
    };
    // Only booked entries; pending (PDNG) and information (INFO) entries are not money yet.
    let status = path(ntry, &["Sts", "Cd"]).or_else(|| path(ntry, &["Sts"]));
    if status.as_deref().is_some_and(|s| s != "BOOK") {
        return Ok(());
    }
    let amt_node =
        child(ntry, "Amt").ok_or_else(|| malformed(ntry, "Ntry", Problem::Missing("Amt")))?;
    let amount =
        amount_of(amt_node).ok_or_else(|| malformed(amt_node, "Ntry/Amt", Problem::Amount))?;
    let credit = match path(ntry, &["CdtDbtInd"]).as_deref() {
        Some("CRDT") => true,
        Some("DBIT") => false,
        _ => return Err(malformed(ntry, "Ntry/CdtDbtInd", Problem::DebitCredit)),
    };
    let reversal = path(ntry, &["RvslInd"]).is_some_and(|v| v == "true" || v == "1");
    let booked_on = date_of(ntry, "BookgDt")
        .or_else(|| date_of(ntry, "ValDt"))
        .ok_or_else(|| malformed(ntry, "Ntry/BookgDt", Problem::Date))?;
    let ntry_ref = path(ntry, &["AcctSvcrRef"]);
    let addtl_ntry = path(ntry, &["AddtlNtryInf"]).unwrap_or_default();
    let txs: Vec<Node<'_, '_>> = ntry
        .children()
        .filter(|n| n.has_tag_name("NtryDtls"))
        .flat_map(|d| d.children().filter(|n| n.has_tag_name("TxDtls")))
        .collect();
    let tx_amounts: Vec<Option<Decimal>> = txs
        .iter()
        .map(|tx| {
            child(*tx, "Amt")
                .or_else(|| node_path(*tx, &["AmtDtls", "TxAmt", "Amt"]))
                .and_then(amount_of)
        })
        .collect();
    let sign = |a: Decimal| if credit { a } else { -a };
    let base = BankEntry {
        account: account.map(str::to_string),
        booked_on,
        amount: sign(amount),
        reversal,
        bank_reference: ntry_ref.clone(),
        end_to_end: None,
        counterparty_iban: None,
        counterparty_name: None,
        structured_reference: None,
        description: String::new(),
        search_text: String::new(),
        line,
    };
    // One entry per transaction of a batch when each has its own amount; otherwise the entry
    // as a whole with every transaction's text.
    let split = txs.len() > 1 && tx_amounts.iter().all(Option::is_some);
    if split {
        for (tx, a) in txs.iter().zip(tx_amounts) {
            let mut e = base.clone();
            e.amount = sign(a.unwrap_or(Decimal::ZERO));
            e.line = line_of(*tx);
            fill(&mut e, &[*tx], credit, &addtl_ntry);
            if let Some(r) = path(*tx, &["Refs", "AcctSvcrRef"]) {
                e.bank_reference = Some(r);
            }
            out.push(e);
        }
    } else {
        let mut e = base;
        fill(&mut e, &txs, credit, &addtl_ntry);
        if e.bank_reference.is_none() {
            e.bank_reference = txs
                .first()
                .and_then(|tx| path(*tx, &["Refs", "AcctSvcrRef"]));
        }
        out.push(e);
    }
    Ok(())
}

/// Counterparty, references and texts of the transactions (`TxDtls`) behind an entry.
fn fill(e: &mut BankEntry, txs: &[Node<'_, '_>], credit: bool, addtl_ntry: &str) {
    let (party, party_acct) = if credit {
        ("Dbtr", "DbtrAcct")
    } else {
        ("Cdtr", "CdtrAcct")
    };
    let mut texts: Vec<String> = Vec::new();
    for tx in txs {
        if e.end_to_end.is_none() {
            e.end_to_end = path(*tx, &["Refs", "EndToEndId"]).filter(|r| r != "NOTPROVIDED");
        }
        if e.counterparty_iban.is_none() {
            e.counterparty_iban = path(*tx, &["RltdPties", party_acct, "Id", "IBAN"])
                .and_then(|i| labelled_iban(&i.to_ascii_uppercase()));
        }
        if e.counterparty_name.is_none() {
            e.counterparty_name = path(*tx, &["RltdPties", party, "Nm"])
                .or_else(|| path(*tx, &["RltdPties", party, "Pty", "Nm"]))
                .map(|n| collapse(&n));
        }
        if e.structured_reference.is_none() {
            e.structured_reference = node_path(*tx, &["RmtInf"])
                .into_iter()
                .flat_map(|r| r.children().filter(|n| n.has_tag_name("Strd")))
                .find_map(|s| path(s, &["CdtrRefInf", "Ref"]));
        }
        if let Some(rmt) = node_path(*tx, &["RmtInf"]) {
            let ustrd: Vec<&str> = rmt
                .children()
                .filter(|n| n.has_tag_name("Ustrd"))
                .filter_map(|n| n.text())
                .collect();
            if !ustrd.is_empty() {
                texts.push(ustrd.join(" "));
                if ustrd.len() > 1 {
                    // Long texts are cut into 140-character pieces, sometimes mid-word.
                    e.search_text.push_str(&ustrd.concat());
                    e.search_text.push(' ');
                }
            }
        }
        if let Some(info) = path(*tx, &["AddtlTxInf"]) {
            texts.push(info);
        }
    }
    if !addtl_ntry.is_empty() {
        texts.push(addtl_ntry.to_string());
        // ABN AMRO puts the whole MT940-style `/TRTP/…/IBAN/…/NAME/…` line here.
        if e.counterparty_iban.is_none() {
            e.counterparty_iban = keyword(addtl_ntry, "IBAN").and_then(|v| labelled_iban(&v));
        }
        if e.counterparty_name.is_none() {
            e.counterparty_name = keyword(addtl_ntry, "NAME").map(|n| collapse(&n));
        }
    }
    if let Some(r) = &e.structured_reference {
        texts.push(r.clone());
    }
    e.description = collapse(&texts.join(" "));
    e.search_text.push_str(&texts.join(" "));
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name(name))
}

fn node_path<'a, 'i>(node: Node<'a, 'i>, names: &[&str]) -> Option<Node<'a, 'i>> {
    names.iter().try_fold(node, |n, name| child(n, name))
}

/// The trimmed text at a path of child elements.
fn path(node: Node<'_, '_>, names: &[&str]) -> Option<String> {
    let text = node_path(node, names)?.text()?.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn amount_of(node: Node<'_, '_>) -> Option<Decimal> {
    if node.attribute("Ccy").is_some_and(|c| c != "EUR") {
        return None;
    }
    parse_bank_amount(node.text()?)
}

/// `<X><Dt>2014-01-05</Dt></X>` or `<X><DtTm>2014-01-05T…</DtTm></X>`: the local date as
/// written (booking dates are the bank's local dates).
fn date_of(node: Node<'_, '_>, name: &str) -> Option<NaiveDate> {
    let d = path(node, &[name, "Dt"]).or_else(|| path(node, &[name, "DtTm"]))?;
    NaiveDate::parse_from_str(d.get(0..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use rust_decimal_macros::dec;

    const ONE: &str = r#"<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">121.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>A1</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>E1</EndToEndId></Refs>
<RltdPties><Dbtr><Nm>Bakkerij B.V.</Nm></Dbtr><DbtrAcct><Id><IBAN>NL02ABNA0123456789</IBAN></Id></DbtrAcct></RltdPties>
<RmtInf><Ustrd>Factuur 2026-0001</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>"#;

    #[test]
    fn a_credit_with_its_debtor_and_remittance() {
        let s = read(ONE).unwrap();
        assert_eq!(s.accounts, vec!["NL91ABNA0417164300"]);
        let e = &s.entries[0];
        assert_eq!(e.amount, dec!(121));
        assert_eq!(e.counterparty_iban.as_deref(), Some("NL02ABNA0123456789"));
        assert_eq!(e.counterparty_name.as_deref(), Some("Bakkerij B.V."));
        assert_eq!(e.description, "Factuur 2026-0001");
        assert_eq!(e.line, 4);
    }

    #[test]
    fn a_missing_amount_names_the_entry_line() {
        let broken = ONE.replace(r#"<Amt Ccy="EUR">121.00</Amt>"#, "");
        assert_eq!(
            read(&broken).unwrap_err(),
            StatementError::Malformed {
                line: 4,
                element: "Ntry".into(),
                problem: Problem::Missing("Amt")
            }
        );
    }

    #[test]
    fn broken_xml_and_dtds_are_refused_with_a_position() {
        assert!(matches!(
            read("<Document><Stmt>").unwrap_err(),
            StatementError::Xml { line: 1, .. }
        ));
        let bomb = "<!DOCTYPE d [<!ENTITY a \"aaaa\">]><Document/>";
        assert!(matches!(
            read(bomb).unwrap_err(),
            StatementError::Xml { .. }
        ));
    }
}
