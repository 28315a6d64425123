// Periodic invoices in the real window: a monthly schedule made on 1 September; Tijdig closed
// until 2 December makes October, November and December on the next start, each exactly once,
// issued in date order and listed on Vandaag; a third start makes nothing more.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { click, emptyDataDir, fieldError, fill, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome } from "./support/flows.js";

const client = "Bakkerij De Korf";

describe("periodic invoices", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("catches up three missed months exactly once after a restart", async () => {
    const dir = emptyDataDir();
    browser = await launch(dir, { today: "2026-09-01" });
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: client, street: "Dorpsstraat", houseNumber: "1", postcode: "3511 AB", city: "Utrecht" });
    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await click(browser, 'button[data-action="open-schedules"]');
    await waitForHeading(browser, "Periodieke facturen");
    await click(browser, 'button[data-action="new-schedule"]');
    await waitForHeading(browser, "Nieuwe periodieke factuur");
    await browser.$('select[name="clientId"]').selectByVisibleText(client);
    await fill(browser, { firstDate: "01-09-2026", "lines.0.description": "Hosting", "lines.0.unitPrice": "25", endDate: "31-08-2026" });
    await click(browser, 'input[name="issueDirectly"]');
    await click(browser, 'button[data-action="save-schedule"]');
    // Refused at its field; corrected, the message goes at once, before saving again.
    await browser.waitUntil(async () => (await fieldError(browser, "endDate")) !== "", { timeoutMsg: "end date refused" });
    assert.match(await fieldError(browser, "endDate"), /vóór de eerste factuurdatum/);
    await fill(browser, { endDate: "" });
    await browser.waitUntil(async () => (await fieldError(browser, "endDate")) === "", { timeoutMsg: "error cleared on correction" });
    await screenshot(browser, "schedule-editor");
    await click(browser, 'button[data-action="save-schedule"]');
    await waitForHeading(browser, "Periodieke facturen");
    await waitForText(browser, "de factuur voor vandaag is gemaakt");
    assert.equal(await browser.$("tr[data-schedule] td[data-made]").getText(), "1");
    await screenshot(browser, "schedules-list");
    await browser.deleteSession();

    // Closed for three months.
    browser = await launch(dir, { today: "2026-12-02" });
    await waitForHeading(browser, "Vandaag");
    const card = browser.$('[data-testid="scheduled"]');
    await card.waitForExist({ timeout: 15000 });
    const made = await card.getText();
    for (const [period, number] of [["oktober 2026", "2026-0002"], ["november 2026", "2026-0003"], ["december 2026", "2026-0004"]]) {
      assert.match(made, new RegExp(`${client} · ${period} · uitgereikt als ${number}`), made);
    }
    assert.equal((await browser.$$("[data-scheduled]")).length, 3, made);
    await screenshot(browser, "today-scheduled");
    await browser.deleteSession();

    // Started again the same day: nothing is made twice.
    browser = await launch(dir, { today: "2026-12-02" });
    await waitForHeading(browser, "Vandaag");
    await browser.$('[data-testid="scheduled"]').waitForExist({ timeout: 15000 });
    assert.equal((await browser.$$("[data-scheduled]")).length, 3);
    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await browser.waitUntil(async () => (await browser.$$("tr[data-invoice-id]")).length === 4, { timeoutMsg: "four invoices in the list" });
    await click(browser, 'button[data-action="open-schedules"]');
    await waitForHeading(browser, "Periodieke facturen");
    await browser.waitUntil(async () => (await browser.$("tr[data-schedule] td[data-made]").getText()) === "4", { timeoutMsg: "four made" });
    const row = await browser.$("tr[data-schedule]").getText();
    assert.match(row, /01-01-2027/, row);
    assert.match(row, /januari 2027/, row);
  });
});
