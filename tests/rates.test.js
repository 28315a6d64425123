// The rate table in Settings: the shipped rates through 1 July 2026, adding a new rate.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { click, emptyDataDir, fieldError, fill, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { completeWelcome } from "./support/flows.js";

describe("rate table", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("shows the shipped rates through 1 July 2026, all confirmed, and takes a new rate only with its source", async () => {
    browser = await launch(emptyDataDir());
    await completeWelcome(browser);
    await click(browser, 'button[data-nav="settings"]');
    await waitForHeading(browser, "Instellingen");
    await click(browser, "#tab-rates");
    const newest = browser.$('tr[data-rate="commercial-01-07-2026"]');
    await newest.waitForExist();
    assert.match(await newest.getText(), /10,40 %/);
    assert.doesNotMatch(await newest.getText(), /Niet bevestigd/);
    assert.doesNotMatch(await browser.$('tr[data-rate="statutory-01-07-2025"]').getText(), /Niet bevestigd/);

    await fill(browser, { validFrom: "01-01-2027", percent: "10,15" });
    await click(browser, 'button[data-action="add-rate"]');
    await browser.waitUntil(async () => (await fieldError(browser, "source")) !== "");
    assert.equal(await browser.$('tr[data-rate="commercial-01-01-2027"]').isExisting(), false);

    await fill(browser, { source: "Staatscourant december 2026" });
    await click(browser, 'button[data-action="add-rate"]');
    await waitForText(browser, "Tarief toegevoegd.");
    const added = browser.$('tr[data-rate="commercial-01-01-2027"]');
    assert.match(await added.getText(), /10,15 %/);
    await screenshot(browser, "15-settings-rates");
  });
});
