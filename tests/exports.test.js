// The accountant's CSV export in the real window: an issued invoice lands in facturen.csv in
// Dutch spreadsheet style (BOM, semicolons, decimal comma, btw per rate).
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { click, emptyDataDir, launch, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

describe("exports", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("exports the year's invoices as a Dutch CSV for the accountant", async () => {
    browser = await launch(emptyDataDir(), { today: "2026-11-22" });
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: "Grafisch Bureau Noord", street: "Havenstraat", houseNumber: "3", postcode: "9711 AA", city: "Groningen", kvk: "12345678", btwId: "NL004495445B01" });
    await waitForHeading(browser, "Grafisch Bureau Noord");
    await issueInvoice(browser, { client: "Grafisch Bureau Noord", description: "Ontwerp" });

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
    assert.match(lines[1], /^2026-0001;Factuur;22-11-2026;06-12-2026;Grafisch Bureau Noord;12345678;NL004495445B01;1000,00;210,00;.*;1210,00;0,00;1210,00;open$/);
  });
});
