// "Eerst rondkijken met voorbeeldgegevens" in the real window: the welcome opens a separate
// folder with an example business, every screen says it is example data, and the way back
// leads to the user's own, still empty start — the two never mix.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { click, emptyDataDir, launch, screenshot, waitForHeading } from "./support/app.js";

describe("example data", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("opens the example business in its own folder and goes back to an empty start", async () => {
    const dir = emptyDataDir();
    browser = await launch(dir, { today: "2026-11-23" });
    await click(browser, 'button[data-action="open-example"]');
    await browser.$("[data-example-banner]").waitForExist({ timeout: 180000 });
    await waitForHeading(browser, "Vandaag");
    assert.match(await browser.$("[data-example-banner]").getText(), /Voorbeeldgegevens/);
    await screenshot(browser, "example-today");
    assert.ok(existsSync(`${dir}-voorbeeld/tijdig.sqlite3`), "the example has its own folder");

    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await browser.waitUntil(async () => (await browser.$$("tr[data-invoice-id]")).length > 50, { timeoutMsg: "the example's invoices" });
    await screenshot(browser, "example-invoices");

    await click(browser, 'button[data-action="leave-example"]');
    await browser.$('button[data-action="start"]').waitForExist({ timeout: 15000 });
    assert.equal(await browser.$("[data-example-banner]").isExisting(), false);
    await browser.deleteSession();

    // The user's own folder is still empty: the next start is the welcome again.
    browser = await launch(dir, { today: "2026-11-23" });
    await browser.$('button[data-action="start"]').waitForExist({ timeout: 15000 });
  });
});
