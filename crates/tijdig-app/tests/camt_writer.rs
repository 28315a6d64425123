//! Writes CAMT.053.001.02 statements as a Dutch bank exports them, for tests and benchmarks.
#![allow(dead_code)]

/// One entry: amount (positive), credit?, the payer's IBAN and name, remittance text and an
/// optional structured creditor reference.
pub struct Entry<'a> {
    pub amount: &'a str,
    pub credit: bool,
    pub date: &'a str,
    pub iban: &'a str,
    pub name: &'a str,
    pub text: &'a str,
    pub reference: Option<&'a str>,
    pub bank_ref: &'a str,
}

pub fn statement(account: &str, entries: &[Entry<'_>]) -> String {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<BkToCstmrStmt><GrpHdr><MsgId>TEST</MsgId><CreDtTm>2026-11-22T10:00:00</CreDtTm></GrpHdr>
<Stmt><Id>1</Id><CreDtTm>2026-11-22T10:00:00</CreDtTm>
"#,
    );
    x.push_str(&format!("<Acct><Id><IBAN>{account}</IBAN></Id></Acct>\n"));
    for e in entries {
        let (ind, party, acct) = if e.credit {
            ("CRDT", "Dbtr", "DbtrAcct")
        } else {
            ("DBIT", "Cdtr", "CdtrAcct")
        };
        let strd = e.reference.map_or(String::new(), |r| {
            format!("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>{r}</Ref></CdtrRefInf></Strd>")
        });
        x.push_str(&format!(
            "<Ntry><Amt Ccy=\"EUR\">{}</Amt><CdtDbtInd>{ind}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>{}</Dt></BookgDt><ValDt><Dt>{}</Dt></ValDt><AcctSvcrRef>{}</AcctSvcrRef>\
<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RltdPties><{party}><Nm>{}</Nm></{party}><{acct}><Id><IBAN>{}</IBAN></Id></{acct}></RltdPties>\
<RmtInf><Ustrd>{}</Ustrd>{strd}</RmtInf></TxDtls></NtryDtls></Ntry>\n",
            e.amount, e.date, e.date, e.bank_ref, e.name, e.iban, e.text
        ));
    }
    x.push_str("</Stmt></BkToCstmrStmt></Document>\n");
    x
}
