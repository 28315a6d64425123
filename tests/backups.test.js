// Backups in the real window: make one, change data, restore it, see the old data — and what
// was there just before the restore is itself kept as a backup.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { click, clientNames, emptyDataDir, launch, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome } from "./support/flows.js";

describe("backups", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("a backup is made, data changes, the backup is restored and the old data is back", async () => {
    browser = await launch(emptyDataDir());
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: "Grafisch Bureau Noord", street: "Havenstraat", houseNumber: "3", postcode: "9711 AA", city: "Groningen" });
    await waitForHeading(browser, "Grafisch Bureau Noord");

    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-backups");
    await browser.$("[data-backups]").waitForExist();
    await click(browser, 'button[data-action="make-backup"]');
    await waitForText(browser, "Back-up gemaakt");
    assert.notEqual(await browser.$("[data-last-backup]").getText(), "Nog geen");

    // A change after the backup.
    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await addClient(browser, { kind: "consumer", name: "Pieter Bakker", street: "Lindelaan", houseNumber: "8", postcode: "8011 AB", city: "Zwolle" });
    await waitForHeading(browser, "Pieter Bakker");

    // Restore the newest backup: checked first, then restored.
    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-backups");
    await browser.$('[data-action="inspect-backup"]').waitForExist();
    await click(browser, 'tr[data-backup]:first-child button[data-action="inspect-backup"]');
    await waitForText(browser, "bevat 1 klanten");
    await click(browser, 'button[data-action="confirm-restore"]');
    await waitForText(browser, "Back-up teruggezet");

    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await browser.waitUntil(async () => (await clientNames(browser)).length === 1);
    assert.deepEqual(await clientNames(browser), ["Grafisch Bureau Noord"]);
  });
});
