// Bank statements in the real window: a CAMT.053 export books the payment with the invoice
// number at once, proposes the one from the client's account, and one click confirms it.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { click, emptyDataDir, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

const CLIENT_IBAN = "NL02ABNA0123456789";

function camt(entries) {
  const ntry = entries
    .map(
      (e, i) => `<Ntry><Amt Ccy="EUR">${e.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-21</Dt></BookgDt><AcctSvcrRef>E2E${i}</AcctSvcrRef><NtryDtls><TxDtls>
<RltdPties><Dbtr><Nm>${e.name}</Nm></Dbtr><DbtrAcct><Id><IBAN>${e.iban}</IBAN></Id></DbtrAcct></RltdPties>
<RmtInf><Ustrd>${e.text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>1</MsgId><CreDtTm>2026-11-22T08:00:00</CreDtTm></GrpHdr>
<Stmt><Id>1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
${ntry}
</Stmt></BkToCstmrStmt></Document>`;
}

describe("bank statements", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("books a payment by its invoice number and confirms a proposal from the client's account", async () => {
    browser = await launch(emptyDataDir(), { today: "2026-11-22" });
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: "Drukkerij Vos", street: "Havenstraat", houseNumber: "3", postcode: "9711 AA", city: "Groningen", kvk: "12345678", iban: CLIENT_IBAN });
    await waitForHeading(browser, "Drukkerij Vos");
    await issueInvoice(browser, { client: "Drukkerij Vos", description: "Folders" }); // 2026-0001, € 1.210,00
    await issueInvoice(browser, { client: "Drukkerij Vos", description: "Visitekaartjes", quantity: "1" }); // 2026-0002, € 121,00

    writeFileSync(
      process.env.TIJDIG_PICK_FILE,
      camt([
        { amount: "1210.00", name: "Drukkerij Vos", iban: "NL44RABO0123456789", text: "Factuur 2026-0001" },
        { amount: "121.00", name: "Drukkerij Vos", iban: CLIENT_IBAN, text: "kaartjes, dank" },
      ]),
    );
    await click(browser, 'button[data-nav="bank"]');
    await waitForHeading(browser, "Bankafschriften");
    await click(browser, 'button[data-action="import-statement"]');
    await waitForText(browser, "1 betaling geboekt (€ 1.210,00), 1 voorstel om te bevestigen, 0 niet gekoppeld.");
    const proposal = await browser.$("tr[data-bank-proposed]").getText();
    assert.match(proposal, /2026-0002/);
    assert.match(proposal, /bedrag en rekeningnummer van de klant/);
    await screenshot(browser, "bank-import");

    await click(browser, 'button[data-action="confirm-match"]');
    await waitForText(browser, "Geen voorstellen: alles is geboekt of gekoppeld.");
    assert.equal(await browser.$$("tr[data-bank-booked]").length, 2);

    // Importing the same file again registers nothing twice.
    await click(browser, 'button[data-action="import-statement"]');
    await waitForText(browser, "2 bijschrijvingen waren al eerder ingelezen en zijn overgeslagen.");

    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await browser.waitUntil(async () => ((await browser.$("main table").getText()).match(/Betaald/g) ?? []).length === 2, {
      timeout: 5000,
      timeoutMsg: "both invoices show as paid",
    });
  });

  it("refuses a damaged statement with the line that is wrong", async () => {
    writeFileSync(process.env.TIJDIG_PICK_FILE, ":20:X\n:25:NL91ABNA0417164300\n:61:2611X1C5,00NTRFNONREF\n");
    await click(browser, 'button[data-nav="bank"]');
    await waitForHeading(browser, "Bankafschriften");
    await click(browser, 'button[data-action="import-statement"]');
    await waitForText(browser, "Regel 3 (:61:): de datum is onleesbaar. Er is niets ingelezen.");
  });

  it("books a payment from an ING CSV download", async () => {
    await issueInvoice(browser, { client: "Drukkerij Vos", description: "Posters" }); // 2026-0003, € 1.210,00
    writeFileSync(
      process.env.TIJDIG_PICK_FILE,
      [
        '"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen"',
        `"20261121";"Drukkerij Vos";"NL91ABNA0417164300";"${CLIENT_IBAN}";"OV";"Bij";"1.210,00";"Overschrijving";"Naam: Drukkerij Vos Omschrijving: factuur 2026-0003 IBAN: ${CLIENT_IBAN}"`,
        '"20261121";"Kosten Zakelijk Betalen";"NL91ABNA0417164300";"";"DV";"Af";"9,50";"Diversen";"Kosten"',
      ].join("\r\n"),
    );
    await click(browser, 'button[data-nav="bank"]');
    await waitForHeading(browser, "Bankafschriften");
    await click(browser, 'button[data-action="import-statement"]');
    await waitForText(browser, "1 betaling geboekt (€ 1.210,00), 0 voorstellen om te bevestigen, 0 niet gekoppeld.");
    assert.match(await browser.$("[data-import-result]").getText(), /CSV ING/);
    assert.match(await browser.$("tr[data-bank-booked]").getText(), /2026-0003/);
  });

  it("asks for the columns of a bank it does not know, once", async () => {
    // € 121,00 from the client's account like 2026-0002's payment, but a day earlier: another
    // payment (the same day would be the same entry, whatever the file's format).
    await issueInvoice(browser, { client: "Drukkerij Vos", description: "Flyers", quantity: "1" }); // 2026-0004, € 121,00
    const row = (day, amount, text) => `${day},NL91ABNA0417164300,"${amount}",Credit,Drukkerij Vos,${CLIENT_IBAN},OV,"${text}"`;
    writeFileSync(process.env.TIJDIG_PICK_FILE, [row("20-11-2026", "121,00", "Factuur 2026-0004"), '20-11-2026,NL91ABNA0417164300,"9,50",Debet,Bank,,KST,"Kosten"'].join("\n"));
    await click(browser, 'button[data-nav="bank"]');
    await waitForHeading(browser, "Bankafschriften");
    await click(browser, 'button[data-action="import-statement"]');
    await waitForText(browser, "Welke kolom is wat?");
    // Tijdig proposes what the cells show (date, own account, amount, Credit/Debet, the
    // counterparty's IBAN); the user adds the name and the description.
    const proposed = [];
    for (const i of [0, 1, 2, 3, 5]) proposed.push(await browser.$(`select[name="csv-role-${i}"]`).getValue());
    assert.deepEqual(proposed, ["date", "account", "amount", "direction", "counterpartyIban"]);
    await browser.$('select[name="csv-role-4"]').selectByAttribute("value", "counterpartyName");
    await browser.$('select[name="csv-role-7"]').selectByAttribute("value", "description");
    await screenshot(browser, "bank-csv-columns");
    await click(browser, 'button[data-action="import-csv"]');
    await waitForText(browser, "1 betaling geboekt (€ 121,00), 0 voorstellen om te bevestigen, 0 niet gekoppeld.");
    assert.equal(await browser.$$("[data-csv-columns]").length, 0);

    // The same file again reads with the remembered columns: nothing asked, nothing twice.
    await click(browser, 'button[data-action="import-statement"]');
    await waitForText(browser, "1 bijschrijving was al eerder ingelezen en is overgeslagen.");
    assert.equal(await browser.$$("[data-csv-columns]").length, 0);
  });
});
