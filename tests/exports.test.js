// Exports in the real window: the accountant's CSV (an issued invoice lands in facturen.csv in
// Dutch spreadsheet style: BOM, semicolons, decimal comma, btw per rate), and "Alles
// exporteren" (every document as PDF and UBL, the CSVs, a JSON dump, checksums).
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { click, emptyDataDir, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

describe("exports", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("saves an issued invoice as e-invoice and exports the year's invoices as a Dutch CSV", async () => {
    browser = await launch(emptyDataDir(), { today: "2026-11-22" });
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: "Grafisch Bureau Noord", street: "Havenstraat", houseNumber: "3", postcode: "9711 AA", city: "Groningen", kvk: "12345678", btwId: "NL004495445B01" });
    await waitForHeading(browser, "Grafisch Bureau Noord");
    await issueInvoice(browser, { client: "Grafisch Bureau Noord", description: "Ontwerp" });

    // "E-factuur (UBL) opslaan" on the invoice's page.
    await click(browser, 'button[data-action="save-ubl"]');
    await waitForText(browser, "E-factuur (UBL) opgeslagen in");
    const saved = await browser.$('[data-notice="success"]').getText();
    const ublPath = saved.slice(saved.indexOf("/"), saved.lastIndexOf("."));
    assert.match(ublPath, /\/Factuur 2026-0001\.xml$/);
    const ubl = readFileSync(ublPath, "utf8");
    assert.match(ubl, /<cbc:CustomizationID>urn:cen\.eu:en16931:2017#compliant#urn:fdc:nen\.nl:nlcius:v1\.0<\/cbc:CustomizationID>/);
    assert.match(ubl, /<cbc:PayableAmount currencyID="EUR">1210\.00<\/cbc:PayableAmount>/);

    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await click(browser, 'button[data-action="open-export"]');
    await click(browser, 'button[data-action="run-export"]');
    await waitForText(browser, "geëxporteerd naar");
    const notice = await browser.$('dialog [data-notice="success"]').getText();
    const folder = notice.slice(notice.indexOf("/"));
    const csv = readFileSync(join(folder, "facturen.csv"), "utf8");
    assert.ok(csv.startsWith("\uFEFF"), "UTF-8 with BOM");
    const lines = csv.slice(1).split("\r\n");
    assert.match(lines[0], /^Factuurnummer;Soort;Factuurdatum/);
    assert.match(lines[1], /^2026-0001;Factuur;22-11-2026;06-12-2026;Grafisch Bureau Noord;12345678;NL004495445B01;1000,00;210,00;.*;1210,00;0,00;1210,00;0,00;open;Tijdig$/);
  });

  it("exports everything into one folder: the invoice's PDF and e-invoice, the CSVs and all data as JSON", async () => {
    await browser.keys("Escape"); // the CSV dialog of the previous test
    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-backups");
    await click(browser, 'button[data-action="export-everything"]');
    await waitForText(browser, "Alles geëxporteerd naar");
    const notice = await browser.$('[data-export-everything] [data-notice="success"]').getText();
    assert.match(notice, /\(PDF's: 1, e-facturen: 1, gegevensregels: \d+\)$/);
    await screenshot(browser, "export-everything");
    const folder = notice.slice(notice.indexOf("/"), notice.lastIndexOf(" ("));
    assert.match(folder, /Tijdig-alles-2026-11-22$/);
    const pdf = readFileSync(join(folder, "facturen", "Factuur 2026-0001.pdf"));
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    const ubl = readFileSync(join(folder, "facturen", "Factuur 2026-0001.xml"), "utf8");
    assert.match(ubl, /<cbc:ID>2026-0001<\/cbc:ID>/);
    assert.ok(existsSync(join(folder, "boekhouding", "facturen.csv")));
    const dump = JSON.parse(readFileSync(join(folder, "tijdig.json"), "utf8"));
    const invoice = dump.tables.invoices.find((r) => r.number === "2026-0001");
    assert.equal(invoice.pdf.file, "facturen/Factuur 2026-0001.pdf");
    assert.equal(dump.tables.clients[0].name, "Grafisch Bureau Noord");
    for (const line of readFileSync(join(folder, "SHA256SUMS"), "utf8").trim().split("\n")) {
      const [sha, path] = line.split("  ");
      assert.equal(createHash("sha256").update(readFileSync(join(folder, path))).digest("hex"), sha, path);
    }
  });
});
