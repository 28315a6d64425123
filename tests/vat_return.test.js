// Btw per kwartaal in the real window: an invoice at 21 % to a Dutch client and a service to a
// German business (btw verlegd, intracommunautair) land in rubriek 1a and 3b, the German one on
// the ICP list; the PDF opens with the same figures.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { click, emptyDataDir, fill, launch, screenshot, select, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

describe("btw per quarter", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("shows the quarter's rubrieken and the ICP list from the issued invoices", async () => {
    browser = await launch(emptyDataDir(), { today: "2026-11-23" });
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: "Drukkerij Vos", street: "Markt", houseNumber: "1", postcode: "3511 AA", city: "Utrecht" });
    await waitForHeading(browser, "Drukkerij Vos");
    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await addClient(browser, { kind: "business", name: "Bäckerei Müller GmbH", street: "Hauptstraße", houseNumber: "5", postcode: "10115", city: "Berlin", country: "DE", btwId: "DE136695976" });
    await waitForHeading(browser, "Bäckerei Müller GmbH");
    await issueInvoice(browser, { client: "Drukkerij Vos", description: "Folders", quantity: "10", unitPrice: "100" });

    // The German business: a service with btw verlegd (intracommunautair).
    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await click(browser, 'button[data-action="new-invoice"]');
    await waitForHeading(browser, "Nieuwe factuur");
    await browser.$('select[name="clientId"]').selectByVisibleText("Bäckerei Müller GmbH");
    await select(browser, "vatRegime", "intra_eu");
    await fill(browser, { "lines.0.description": "Webdesign", "lines.0.quantity": "12", "lines.0.unitPrice": "90" });
    await click(browser, 'button[data-action="save-invoice"]');
    await waitForHeading(browser, "Conceptfactuur");
    await click(browser, 'button[data-action="issue"]');
    await click(browser, 'button[data-action="confirm-issue"]');
    await browser.waitUntil(async () => (await browser.$("main h1").getText()).startsWith("Factuur 2026-"));

    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await click(browser, 'button[data-action="open-vat"]');
    await waitForHeading(browser, "Btw per kwartaal");
    await browser.$('tr[data-rubriek="1a"]').waitForExist();
    const cell = async (code, what) => browser.$(`tr[data-rubriek="${code}"] td[data-${what}]`).getText();
    await browser.waitUntil(async () => (await cell("1a", "turnover")) === "€ 1.000,00", { timeoutMsg: "1a turnover" });
    assert.equal(await cell("1a", "vat"), "€ 210,00");
    assert.equal(await cell("3b", "turnover"), "€ 1.080,00");
    assert.equal(await cell("3b", "vat"), "");
    assert.match(await browser.$('tr[data-icp="DE136695976"]').getText(), /DE\s*DE136695976\s*Bäckerei Müller GmbH\s*€ 1\.080,00/);
    await screenshot(browser, "vat-return");

    await click(browser, 'button[data-action="open-vat-pdf"]');
    await waitForText(browser, "PDF geopend:");
    const notice = await browser.$('[data-notice="success"]').getText();
    const pdf = execFileSync("pdftotext", [notice.slice(notice.indexOf("/")), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const expected of ["Btw-aangifte 4e kwartaal 2026", "€ 1.000,00", "€ 210,00", "€ 1.080,00", "DE136695976"]) {
      assert.ok(pdf.includes(expected), `${expected} in ${pdf}`);
    }
  });
});
