// Working with clients: validation at the field, search, archive, kinds.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  clientNames,
  click,
  emptyDataDir,
  fieldError,
  fill,
  heading,
  launch,
  screenshot,
  waitForHeading,
  waitForText,
} from "./support/app.js";
import { addClient, completeWelcome } from "./support/flows.js";

describe("clients", () => {
  let browser;

  before(async () => {
    browser = await launch(emptyDataDir());
    await completeWelcome(browser);
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("an IBAN with a wrong check digit shows the checksum error at the field and saves nothing", async () => {
    await addClient(browser, { kind: "business", name: "Foutje BV", iban: "NL91ABNA0417164301" });
    await browser.waitUntil(async () => (await fieldError(browser, "iban")) !== "");
    assert.equal(await fieldError(browser, "iban"), "✕ Dit IBAN klopt niet: controleer de laatste cijfers.");
    assert.equal(await heading(browser), "Nieuwe klant");
    assert.equal(await browser.$('input[name="iban"]').getAttribute("aria-invalid"), "true");
    // Focus lands on the field that needs fixing.
    assert.equal(await browser.execute(() => document.activeElement?.getAttribute("name")), "iban");
    await screenshot(browser, "06-client-iban-error");

    await click(browser, "button=Annuleren");
    await waitForHeading(browser, "Klanten");
    assert.ok((await browser.$("main").getText()).includes("Nog geen klanten"));
  });

  it("the search finds a client by part of the name", async () => {
    for (const name of ["Bakkerij De Korenbloem", "Grafisch Bureau Noord", "Pieter Bakker"]) {
      await addClient(browser, { kind: name === "Pieter Bakker" ? "consumer" : "business", name });
      await waitForHeading(browser, name);
      await click(browser, 'button[data-nav="clients"]');
      await waitForHeading(browser, "Klanten");
    }
    await fill(browser, { search: "bakker" });
    await browser.waitUntil(async () => (await clientNames(browser)).length === 2);
    assert.deepEqual(await clientNames(browser), ["Bakkerij De Korenbloem", "Pieter Bakker"]);
    await fill(browser, { search: "NOORD" });
    await browser.waitUntil(async () => (await clientNames(browser)).length === 1);
    assert.deepEqual(await clientNames(browser), ["Grafisch Bureau Noord"]);
    await fill(browser, { search: "xyz" });
    await waitForText(browser, "Geen klanten gevonden voor ‘xyz’.");
    await fill(browser, { search: "" });
    await browser.waitUntil(async () => (await clientNames(browser)).length === 3);
  });

  it("a consumer has no KvK or btw-id fields and the approach follows the debtor type", async () => {
    await click(browser, 'button[data-action="new-client"]');
    await waitForHeading(browser, "Nieuwe klant");
    assert.ok(await browser.$('input[name="kvk"]').isExisting());
    assert.ok(await browser.$('input[name="largeCompany"]').isExisting());
    await click(browser, 'input[name="kind"][value="consumer"]');
    await browser.waitUntil(async () => !(await browser.$('input[name="kvk"]').isExisting()));
    assert.equal(await browser.$('input[name="btwId"]').isExisting(), false);
    assert.equal(await browser.$('input[name="largeCompany"]').isExisting(), false);
    await browser.$('select[name="debtorType"]').selectByAttribute("value", "cannot_pay");
    const approach = await browser.$('[data-testid="debtor-approach"]').getText();
    assert.match(approach, /betalingsregeling/);
    await screenshot(browser, "07-client-editor");
    await click(browser, "button=Annuleren");
    await waitForHeading(browser, "Klanten");
  });

  it("an archived client leaves the list but is kept and can be restored", async () => {
    await click(browser, "button=Grafisch Bureau Noord");
    await waitForHeading(browser, "Grafisch Bureau Noord");
    await click(browser, "button=Archiveren");
    await browser.$('button[data-action="confirm-archive"]').waitForClickable();
    await screenshot(browser, "10-archive-dialog");
    await click(browser, 'button[data-action="confirm-archive"]');
    await waitForText(browser, "Deze klant is gearchiveerd.");
    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await browser.waitUntil(async () => (await clientNames(browser)).length === 2);
    assert.ok(!(await clientNames(browser)).includes("Grafisch Bureau Noord"));
    await click(browser, 'input[name="includeArchived"]');
    await browser.waitUntil(async () => (await clientNames(browser)).length === 3);
    await click(browser, "button=Grafisch Bureau Noord");
    await click(browser, "button=Terugzetten");
    await browser.$("button=Archiveren").waitForExist();
  });

  it("an edit that fails validation changes nothing", async () => {
    await click(browser, 'button[data-nav="clients"]');
    await click(browser, "button=Pieter Bakker");
    await waitForHeading(browser, "Pieter Bakker");
    await click(browser, 'button[data-action="edit"]');
    await waitForHeading(browser, "Pieter Bakker bewerken");
    await fill(browser, { name: "Pieter de Bakker", postcode: "1234 SA" });
    await click(browser, 'button[data-action="save-client"]');
    await browser.waitUntil(async () => (await fieldError(browser, "postcode")) !== "");
    assert.match(await fieldError(browser, "postcode"), /SA, SD en SS/);
    await click(browser, "button=Annuleren");
    await waitForHeading(browser, "Pieter Bakker");
  });
});
