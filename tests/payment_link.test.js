// The betaallink in the real window: a template from the user's own bank is checked at its
// field and shown filled before saving; the next invoice carries it in its PDF and its e-mail.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { click, emptyDataDir, fieldError, fill, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

describe("payment link", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("prints the link on an invoice and puts it in its e-mail", async () => {
    browser = await launch(emptyDataDir(), { today: "2026-11-23" });
    await completeWelcome(browser);
    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-invoices");
    await fill(browser, { paymentLink: "http://bunq.me/studiojansen/{bedrag}/{kenmerk}" });
    await browser.waitUntil(async () => (await fieldError(browser, "paymentLink")) !== "", { timeoutMsg: "http refused" });
    assert.match(await fieldError(browser, "paymentLink"), /https:\/\//);
    await fill(browser, { paymentLink: "https://bunq.me/studiojansen/{bedrag}/{kenmerk}" });
    await waitForText(browser, "https://bunq.me/studiojansen/1234.56/RF18539007547034");
    assert.equal(await fieldError(browser, "paymentLink"), "");
    await screenshot(browser, "payment-link-settings");
    await click(browser, 'button[data-action="save-invoice-settings"]');
    await waitForText(browser, "Opgeslagen");

    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await addClient(browser, { kind: "business", name: "Drukkerij Vos", contactPerson: "Piet Vos", email: "piet@drukkerijvos.nl", street: "Markt", houseNumber: "1", postcode: "3511 AA", city: "Utrecht" });
    await waitForHeading(browser, "Drukkerij Vos");
    await issueInvoice(browser, { client: "Drukkerij Vos", description: "Folders" });
    const reference = (await browser.$("main").getText()).match(/RF\d\d(?: \d{1,4})+/)?.[0]?.replace(/ /g, "");
    assert.ok(reference, "the invoice page shows its reference");
    const link = `https://bunq.me/studiojansen/1210.00/${reference}`;

    await click(browser, 'button[data-action="open-pdf"]');
    await waitForText(browser, "PDF geopend:");
    const notice = await browser.$('[data-notice="success"]').getText();
    const pdf = execFileSync("pdftotext", [notice.slice(notice.indexOf("/")), "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    assert.ok(pdf.includes("Onlinebetalen"), pdf);
    assert.ok(pdf.includes(link), `${link} in ${pdf}`);

    await click(browser, 'button[data-action="compose-email"]');
    await browser.$('[data-composer] [name="emailBody"]').waitForDisplayed();
    await browser.waitUntil(async () => (await browser.$('[name="emailBody"]').getValue()) !== "");
    assert.match(await browser.$('[name="emailBody"]').getValue(), new RegExp(`online betalen: ${link.replace(/[.?/]/g, "\\$&")}`));
    await screenshot(browser, "payment-link-email");
  });
});
