// Backups in the real window: make one, change data, restore it, see the old data — and what
// was there just before the restore is itself kept as a backup, pinned. A restore that would
// take away an issued invoice says so and needs a confirmation, and the next invoice never gets
// a number the client already has (issue 18's scenario).
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { click, clientNames, emptyDataDir, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

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
    await waitForText(browser, "bevat 1 klant,");
    await click(browser, 'button[data-action="confirm-restore"]');
    await waitForText(browser, "Back-up teruggezet");

    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await browser.waitUntil(async () => (await clientNames(browser)).length === 1);
    assert.deepEqual(await clientNames(browser), ["Grafisch Bureau Noord"]);
  });

  it("a restore names the invoice it would take away, and numbers continue after 2026-0002", async () => {
    await browser?.deleteSession().catch(() => {});
    const dataDir = emptyDataDir();
    browser = await launch(dataDir, { today: "2026-11-22" });
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: "Grafisch Bureau Noord", street: "Havenstraat", houseNumber: "3", postcode: "9711 AA", city: "Groningen" });
    await waitForHeading(browser, "Grafisch Bureau Noord");
    await issueInvoice(browser, { client: "Grafisch Bureau Noord" });
    assert.equal(await browser.$("main h1").getText(), "Factuur 2026-0001");

    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-backups");
    await browser.$("[data-backups]").waitForExist();
    await click(browser, 'button[data-action="make-backup"]');
    await waitForText(browser, "Back-up gemaakt");

    await issueInvoice(browser, { client: "Grafisch Bureau Noord", unitPrice: "250" });
    assert.equal(await browser.$("main h1").getText(), "Factuur 2026-0002");

    // The check lists 2026-0002 with its client and amount; restoring waits for the tick.
    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-backups");
    await browser.$('[data-action="inspect-backup"]').waitForExist();
    await click(browser, 'tr[data-backup]:first-child button[data-action="inspect-backup"]');
    await browser.$('[data-lost-document="2026-0002"]').waitForExist();
    const row = await browser.$('[data-lost-document="2026-0002"]').getText();
    assert.match(row, /Factuur/);
    assert.match(row, /Grafisch Bureau Noord/);
    assert.match(row, /€\s?3\.025,00/);
    assert.equal(await browser.$('button[data-action="confirm-restore"]').isEnabled(), false);
    await screenshot(browser, "backup-restore-lost-documents");
    await click(browser, 'input[name="acceptLoss"]');
    await click(browser, 'button[data-action="confirm-restore"]');
    await waitForText(browser, "Back-up teruggezet");
    await browser.$("tr[data-pinned]").waitForExist();

    // The next invoice continues after the highest number ever issued here.
    await issueInvoice(browser, { client: "Grafisch Bureau Noord" });
    assert.equal(await browser.$("main h1").getText(), "Factuur 2026-0003");

    // The next day, after another backup, the copy from before the restore is still listed.
    await browser.deleteSession();
    browser = await launch(dataDir, { today: "2026-11-23" });
    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-backups");
    await browser.$("[data-backups]").waitForExist();
    await click(browser, 'button[data-action="make-backup"]');
    await waitForText(browser, "Back-up gemaakt");
    assert.equal((await browser.$$("tr[data-pinned]")).length, 1);
    await screenshot(browser, "backup-list-pinned");
  });
});
