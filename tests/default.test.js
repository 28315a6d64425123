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

  it("a business that pays part, then the invoice amount, has interest and costs open with one figure on the page, the list and the dashboard until they are waived", async () => {
    // € 1.000 on 22-11: € 40 costs, € 7,58 interest, € 952,42 principal (art. 6:44 BW) —
    // € 257,58 of the claim is open, € 47,58 of it beyond the invoice amount.
    const figures = async (outstanding, interestAndCosts) => {
      await waitForText(browser, outstanding);
      assert.equal(await browser.$('[data-testid="outstanding"]').getText(), outstanding);
      assert.equal(await browser.$('[data-testid="interest-and-costs"]').getText(), interestAndCosts);
      await click(browser, 'button[data-nav="invoices"]');
      await waitForHeading(browser, "Facturen");
      const row = 'tr[data-invoice-id] [data-testid="row-outstanding"]';
      await browser.$(row).waitForDisplayed();
      assert.match(await browser.$(row).getText(), new RegExp(outstanding.replace(/[.€]/g, (c) => `\\${c}`)));
      assert.match(await browser.$('[data-testid="row-interest-costs"]').getText(), new RegExp(interestAndCosts.replace(/[.€]/g, (c) => `\\${c}`)));
      await click(browser, 'button[data-nav="dashboard"]');
      await browser.$('[data-kpi="open"] [data-value]').waitForDisplayed();
      assert.equal(await browser.$('[data-kpi="open"] [data-value]').getText(), outstanding);
      assert.equal(await browser.$('[data-kpi="interest_costs_open"] [data-value]').getText(), interestAndCosts);
      await click(browser, 'button[data-nav="invoices"]');
      await waitForHeading(browser, "Facturen");
      await click(browser, "button=2026-0001");
      await waitForHeading(browser, "Factuur 2026-0001");
    };
    await click(browser, 'button[data-action="pay"]');
    await fill(browser, { paidOn: "22-11-2026", amount: "1000,00" });
    await click(browser, 'button[data-action="save-payment"]');
    await browser.$('button[data-action="save-payment"]').waitForDisplayed({ reverse: true });
    await figures("€ 257,58", "€ 47,58");
    // The rest of the invoice amount: the invoice amount is in, the claim is not.
    await click(browser, 'button[data-action="pay"]');
    await fill(browser, { paidOn: "22-11-2026", amount: "210,00" });
    await click(browser, 'button[data-action="save-payment"]');
    await browser.$('button[data-action="save-payment"]').waitForDisplayed({ reverse: true });
    await figures("€ 47,58", "€ 47,58");
    await waitForText(browser, "Rente/kosten open");
    await screenshot(browser, "16b-interest-costs-open");
    // Waived with a reason: settled, nothing open anywhere.
    await click(browser, 'button[data-action="waive"]');
    await fill(browser, { reason: "Goede klant, eerste keer te laat" });
    await click(browser, 'button[data-action="confirm-waive"]');
    await waitForText(browser, "Niets meer open");
    assert.equal(await browser.$('[data-testid="outstanding"]').getText(), "€ 0,00");
    await click(browser, 'button[data-nav="dashboard"]');
    await browser.$('[data-kpi="interest_costs_open"] [data-value]').waitForDisplayed();
    assert.equal(await browser.$('[data-kpi="interest_costs_open"] [data-value]').getText(), "€ 0,00");
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
