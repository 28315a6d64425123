// A text-message reminder in the real window: on Vandaag the reminder of an overdue invoice can
// be a message (sms / WhatsApp); Tijdig writes it with the amount and reference, opens it on the
// client's number, and logs it in the dossier once the user says it went.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { click, emptyDataDir, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

const client = "Bakkerij De Korf";

describe("text messages", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("sends the reminder as a WhatsApp message and logs it", async () => {
    // Monday 23 November: the invoice of 5 November (14 days) is due + 4, its reminder is due.
    browser = await launch(emptyDataDir(), { today: "2026-11-23" });
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: client, contactPerson: "Eva de Vries", phone: "06 1234 5678", street: "Dorpsstraat", houseNumber: "1", postcode: "3511 AB", city: "Utrecht", paymentTermDays: "14" });
    await waitForHeading(browser, client);
    await issueInvoice(browser, { client, date: "05-11-2026", description: "Brood", quantity: "10", unitPrice: "100" });

    await click(browser, 'button[data-nav="today"]');
    await waitForHeading(browser, "Vandaag");
    const row = `[data-today-client="${client}"] [data-step="reminder"]`;
    await browser.$(row).waitForExist({ timeout: 10000 });
    await click(browser, `${row} button[data-action="write-message"]`);
    const text = browser.$('textarea[name="messageText"]');
    await text.waitForDisplayed();
    await browser.waitUntil(async () => (await text.getValue()) !== "", { timeoutMsg: "the message is written" });
    const message = await text.getValue();
    assert.match(message, /^Beste Eva, een vriendelijke herinnering: factuur 2026-0001 \(vervaldatum 19-11-2026\) staat nog open: € 1\.2\d\d,\d\d\./, message);
    assert.match(message, /NL91 ABNA 0417 1643 00/);
    await screenshot(browser, "message-dialog");
    await click(browser, 'button[data-action="open-whatsapp"]');
    await waitForText(browser, "Geopend in WhatsApp");
    const link = await browser.$("[data-message]").getAttribute("data-message-link");
    assert.ok(link.startsWith("https://wa.me/31612345678?text=Beste%20Eva"), link);
    await click(browser, 'button[data-action="message-sent"]');
    await browser.$(row).waitForExist({ reverse: true, timeout: 10000 });

    // In the dossier, with its text.
    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await click(browser, `button=${client}`);
    await waitForHeading(browser, client);
    await waitForText(browser, "Bericht (sms / WhatsApp)");
    await waitForText(browser, "Beste Eva, een vriendelijke herinnering");
  });
});
