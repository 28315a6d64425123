// A payment arrangement in the real window, with the app's clock set per launch: a consumer
// with two overdue invoices agrees a down payment and 4 instalments; the agreement PDF is read
// back; instalments 1–2 are paid on time, 3 is missed → a reminder on "Vandaag"; after the grace
// period the vervalbeding applies and the invoices' ladder shows its next letter.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { click, emptyDataDir, fill, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

const consumer = "Pieter Bakker";

async function openArrangement(browser) {
  await click(browser, 'button[data-nav="arrangements"]');
  await waitForHeading(browser, "Betalingsregelingen");
  await click(browser, "button=2026-R0001");
  await waitForHeading(browser, "Betalingsregeling 2026-R0001");
}

async function payNext(browser) {
  await click(browser, 'button[data-action="arrangement-pay"]');
  await click(browser, 'button[data-action="save-arrangement-payment"]');
}

async function statuses(browser) {
  return browser.execute(() => [...document.querySelectorAll("tr[data-instalment]")].map((r) => r.dataset.status));
}

describe("payment arrangements", () => {
  const dataDir = emptyDataDir();
  let browser;

  async function on(day) {
    await browser?.deleteSession().catch(() => {});
    browser = await launch(dataDir, { today: day });
  }

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("a consumer pays two instalments, misses the third, gets a reminder, and the arrangement breaks", async () => {
    await on("2026-09-01");
    await completeWelcome(browser);
    await addClient(browser, { kind: "consumer", name: consumer, street: "Lindelaan", houseNumber: "8", postcode: "8011 AB", city: "Zwolle", paymentTermDays: "14" });
    await waitForHeading(browser, consumer);
    for (let i = 0; i < 2; i++) {
      await issueInvoice(browser, { client: consumer, date: "01-09-2026", description: "Verbouwing badkamer" });
    }

    // 1 October: the arrangement, from the client's page.
    await on("2026-10-01");
    await click(browser, 'button[data-nav="clients"]');
    await click(browser, `button=${consumer}`);
    await waitForHeading(browser, consumer);
    await click(browser, 'button[data-action="new-arrangement"]');
    await waitForHeading(browser, "Nieuwe betalingsregeling");
    await browser.$('[name^="invoice-"]').waitForExist();
    await fill(browser, { downPayment: "420", firstDue: "01-11-2026" });
    await click(browser, 'button[data-action="preview-arrangement"]');
    await browser.$("[data-preview]").waitForExist();
    assert.match(await browser.$("[data-preview]").getText(), /Erkende schuld\s*€ 2\.420,00/);
    await screenshot(browser, "30-arrangement-new");
    await click(browser, 'button[data-action="save-arrangement"]');
    await waitForHeading(browser, "Betalingsregeling 2026-R0001");

    // The agreement PDF: every instalment with its reference, the vervalbeding, signatures.
    await click(browser, 'button[data-action="open-arrangement-pdf"]');
    await waitForText(browser, "PDF geopend:");
    const notice = await browser.$('[data-notice="success"]').getText();
    const path = notice.slice(notice.indexOf("/"));
    assert.ok(existsSync(path));
    const pdf = execFileSync("pdftotext", [path, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const expected of ["Betalingsregeling 2026-R0001", "Aanbetaling", "Termijn 4", "€ 500,00", "dan vervalt deze regeling", "Voor akkoord", "RF"]) {
      assert.ok(pdf.includes(expected), `the agreement says "${expected}"`);
    }
    await payNext(browser);
    await browser.waitUntil(async () => (await statuses(browser))[0] === "paid");

    // The invoices' ladder is paused: Vandaag asks only for a friendly contact before instalment 1.
    await on("2026-10-29");
    await waitForHeading(browser, "Vandaag");
    await browser.$('[data-instalment-step="contact"]').waitForExist();
    assert.equal(await browser.$("[data-today-client]").isExisting(), false);
    await click(browser, 'button[data-action="instalment-contact"]');
    await click(browser, 'button[data-action="save-instalment-contact"]');
    await browser.$("[data-today-empty]").waitForExist();

    for (const day of ["2026-11-01", "2026-12-01"]) {
      await on(day);
      await openArrangement(browser);
      await payNext(browser);
      await browser.waitUntil(async () => (await statuses(browser)).filter((s) => s === "paid").length === (day === "2026-11-01" ? 2 : 3));
    }
    await screenshot(browser, "31-arrangement-two-paid");

    // Instalment 3 (1 January 2027) is missed: a reminder on Vandaag.
    await on("2027-01-04");
    await waitForHeading(browser, "Vandaag");
    await browser.$('[data-instalment-step="reminder"]').waitForExist();
    await screenshot(browser, "32-today-instalment-missed");
    await click(browser, 'button[data-action="instalment-reminder"]');
    await browser.$("[data-letter-reference]").waitForDisplayed();
    await click(browser, 'button[data-action="open-letter"]');
    await waitForText(browser, "PDF geopend:");
    const letterNotice = await browser.$('dialog [data-notice="success"]').getText();
    const letter = execFileSync("pdftotext", [letterNotice.slice(letterNotice.indexOf("/")), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    assert.match(letter, /Herinnering: termijn 3 van betalingsregeling 2026-R0001/);
    assert.match(letter, /uiterlijk 15 januari 2027/);
    await click(browser, 'button[data-action="close-letter"]');

    // After the grace period: the arrangement is broken and the ladder's next letter appears.
    await on("2027-01-18");
    await waitForHeading(browser, "Vandaag");
    await browser.$(`[data-today-client="${consumer}"] [data-step]`).waitForExist();
    assert.equal(await browser.$(`[data-today-client="${consumer}"] [data-step]`).getAttribute("data-step"), "reminder");
    await waitForText(browser, "2026-0002");
    await screenshot(browser, "33-today-after-broken-arrangement");
    await openArrangement(browser);
    await browser.$('[data-state="broken"]').waitForExist();
    assert.match(await browser.$("[data-owed-now]").getText(), /€ 1\.000,00/);
  });
});
