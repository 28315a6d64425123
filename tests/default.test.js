// An overdue business invoice shows verzuim, commercial interest and € 40 costs up to today.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { click, emptyDataDir, fill, launch, screenshot, select, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome } from "./support/flows.js";

describe("verzuim", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("an overdue B2B invoice shows interest from the first day of default and € 40 collection costs", async () => {
    browser = await launch(emptyDataDir());
    await completeWelcome(browser);
    await addClient(browser, {
      kind: "business",
      name: "Grafisch Bureau Noord",
      street: "Havenstraat",
      houseNumber: "3",
      postcode: "9711 AA",
      city: "Groningen",
      paymentTermDays: "30",
    });
    await waitForHeading(browser, "Grafisch Bureau Noord");
    await click(browser, 'button[data-nav="invoices"]');
    await click(browser, 'button[data-action="new-invoice"]');
    await waitForHeading(browser, "Nieuwe factuur");
    await browser.$('select[name="clientId"]').selectByVisibleText("Grafisch Bureau Noord");
    await fill(browser, {
      invoiceDate: "01-10-2026",
      "lines.0.description": "Ontwerp jaarverslag",
      "lines.0.quantity": "1",
      "lines.0.unitPrice": "1000",
    });
    await select(browser, "lines.0.vat", "standard21");
    await click(browser, 'button[data-action="save-invoice"]');
    await waitForHeading(browser, "Conceptfactuur");
    await click(browser, 'button[data-action="issue"]');
    await click(browser, 'button[data-action="confirm-issue"]');
    await waitForHeading(browser, "Factuur 2026-0001");
    await waitForText(browser, "Vervallen");
    await waitForText(browser, "In verzuim sinds 01-11-2026; berekend tot en met 22-11-2026.");
    const claim = await browser.$('[data-testid="claim"]').getText();
    assert.match(claim, /wettelijke handelsrente \(art. 6:119a BW\)/);
    assert.match(claim, /22 dagen à 10,15 % over € 1.210,00 = € 7,40/);
    assert.match(claim, /Totaal te vorderen € 1.257,40/);
    assert.match(claim, /€ 40,00 vanaf 01-11-2026/);
    assert.match(claim, /01-11-2026 t\/m 22-11-2026: 22 dagen/);
    await browser.$('[data-testid="claim"]').scrollIntoView({ block: "center" });
    await screenshot(browser, "16-invoice-in-default");
  });
});
