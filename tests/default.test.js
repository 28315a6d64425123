// An overdue business invoice shows verzuim, commercial interest and € 40 costs up to today.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { click, emptyDataDir, fill, launch, screenshot, select, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

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
    assert.match(claim, /22 dagen à 10,40 % over € 1.210,00 = € 7,58/);
    assert.match(claim, /Totaal te vorderen € 1.257,58/);
    assert.match(claim, /€ 40,00 vanaf 01-11-2026/);
    assert.match(claim, /01-11-2026 t\/m 22-11-2026: 22 dagen/);
    await browser.$('[data-testid="claim"]').scrollIntoView({ block: "center" });
    await screenshot(browser, "16-invoice-in-default");
  });

  it("a claim more than six months after the newest rate says the rate table may be out of date", async () => {
    await browser?.deleteSession().catch(() => {});
    browser = await launch(emptyDataDir(), { today: "2027-02-15" });
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: "Drukkerij Oost", street: "Markt", houseNumber: "1", postcode: "7511 AA", city: "Enschede", paymentTermDays: "30" });
    await waitForHeading(browser, "Drukkerij Oost");
    await issueInvoice(browser, { client: "Drukkerij Oost", date: "01-12-2026", quantity: "1", unitPrice: "1000" });
    const warning = browser.$('[data-testid="rate-warning"]');
    await warning.waitForExist();
    assert.match(
      await warning.getText(),
      /Rentetabel mogelijk niet actueel: controleer de wettelijke handelsrente per 01-01-2027\./,
    );
    await warning.scrollIntoView({ block: "center" });
    await screenshot(browser, "17-claim-rate-table-stale");
    // Vandaag says it above the steps whose figures use that rate.
    await click(browser, 'button[data-nav="today"]');
    await waitForHeading(browser, "Vandaag");
    const onToday = browser.$('main [data-testid="rate-warning"]');
    await onToday.waitForExist();
    assert.match(await onToday.getText(), /controleer de wettelijke handelsrente per 01-01-2027/);
  });
});
