// A new user sets up Tijdig: welcome, business profile, two clients, quit, restart.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  clientNames,
  click,
  emptyDataDir,
  heading,
  launch,
  screenshot,
  waitForHeading,
} from "./support/app.js";
import { addClient, completeWelcome } from "./support/flows.js";

describe("first start", () => {
  const dataDir = emptyDataDir();
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("a new user fills in the profile, adds a business and a consumer client, and after a restart all data is there", async () => {
    browser = await launch(dataDir);
    assert.equal(await heading(browser), "Welkom bij Tijdig");
    await screenshot(browser, "01-welcome");

    await click(browser, 'button[data-action="start"]');
    await waitForHeading(browser, "Je bedrijfsgegevens");
    await screenshot(browser, "02-welcome-profile");
    await completeWelcome(browser);
    await screenshot(browser, "02-clients-empty");

    await addClient(browser, {
      kind: "business",
      name: "Bakkerij De Korenbloem B.V.",
      contactPerson: "Eva de Vries",
      email: "eva@korenbloem.nl",
      kvk: "12345678",
      btwId: "NL004495445B01",
      street: "Dorpsstraat",
      houseNumber: "1",
      postcode: "3511ab",
      city: "Utrecht",
      paymentTermDays: "30",
      debtorType: "forgets",
    });
    await waitForHeading(browser, "Bakkerij De Korenbloem B.V.");
    await screenshot(browser, "03-client-detail");

    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await addClient(browser, {
      kind: "consumer",
      name: "Pieter Bakker",
      email: "pieter@example.nl",
      street: "Lindelaan",
      houseNumber: "8",
      postcode: "8011 AB",
      city: "Zwolle",
    });
    await waitForHeading(browser, "Pieter Bakker");

    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await browser.waitUntil(async () => (await clientNames(browser)).length === 2);
    await screenshot(browser, "04-clients-list");

    // Quit and start again on the same data.
    await browser.deleteSession();
    browser = await launch(dataDir);
    // Vandaag is the start screen; nothing is due for clients without invoices.
    await waitForHeading(browser, "Vandaag");
    await browser.$("[data-today-empty]").waitForExist();
    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await browser.waitUntil(async () => (await clientNames(browser)).length === 2);
    assert.deepEqual(await clientNames(browser), ["Bakkerij De Korenbloem B.V.", "Pieter Bakker"]);

    await click(browser, "button=Bakkerij De Korenbloem B.V.");
    await waitForHeading(browser, "Bakkerij De Korenbloem B.V.");
    const details = await browser.$("main").getText();
    for (const expected of ["Eva de Vries", "12345678", "NL004495445B01", "3511 AB", "30 dagen", "Vergeet te betalen"]) {
      assert.ok(details.includes(expected), `client page shows ${expected}`);
    }

    await click(browser, 'button[data-nav="settings"]');
    await waitForHeading(browser, "Instellingen");
    assert.equal(await browser.$('input[name="tradeName"]').getValue(), "Studio Jansen");
    assert.equal(await browser.$('input[name="postcode"]').getValue(), "1015 CJ");
    assert.equal(await browser.$('input[name="iban"]').getValue(), "NL91ABNA0417164300");
    await screenshot(browser, "05-settings-profile");
  });
});
