// Sending an invoice by e-mail in the real window, to a real SMTP server on loopback (TLS and a
// login): configure the mail server, test the connection, send the issued invoice from the
// composer, see it in the invoice's e-mails and in the client's dossier.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSmtpServer } from "./support/smtp.js";
import { click, emptyDataDir, fill, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

describe("e-mail", () => {
  let browser;
  let server;
  let port;
  const inbox = mkdtempSync(join(tmpdir(), "tijdig-inbox-"));

  before(async () => {
    ({ server, port } = await startSmtpServer(inbox));
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    server?.kill();
  });

  it("sends an issued invoice from the composer and logs it in the dossier", async () => {
    browser = await launch(emptyDataDir(), { today: "2026-11-22" });
    await completeWelcome(browser);

    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-mail");
    await fill(browser, { mailHost: "localhost", mailPort: port, mailUsername: "sanne", mailPassword: "geheim",
      mailFromName: "Sanne Jansen", mailFromAddress: "sanne@studiojansen.nl" });
    await click(browser, 'button[data-action="save-mail"]');
    await waitForText(browser, "Instellingen opgeslagen.");
    await click(browser, 'button[data-action="test-mail"]');
    await browser.$('[data-mail-test="true"]').waitForExist({ timeout: 15000 });
    assert.match(await browser.$("[data-mail-test]").getText(), /ingelogd als sanne/);
    await screenshot(browser, "mail-settings");
    // The invoice template: the user's own subject, used by the composer below.
    await browser.$("[data-mail-template]").scrollIntoView();
    await fill(browser, { templateSubject: "Factuur {factuurnummer} van Studio Jansen (met bijlage)" });
    await click(browser, 'button[data-action="save-template"]');
    await waitForText(browser, "Sjabloon opgeslagen.");
    await screenshot(browser, "mail-template");

    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await addClient(browser, { kind: "business", name: "Drukkerij Vos", contactPerson: "Piet Vos", email: "piet@drukkerijvos.nl", street: "Markt", houseNumber: "1", postcode: "3511 AA", city: "Utrecht", kvk: "12345678", btwId: "NL004495445B01" });
    await waitForHeading(browser, "Drukkerij Vos");
    await issueInvoice(browser, { client: "Drukkerij Vos", description: "Folders" });

    await click(browser, 'button[data-action="compose-email"]');
    await browser.$('[data-composer] [name="emailSubject"]').waitForDisplayed();
    await browser.waitUntil(async () => (await browser.$('[name="emailSubject"]').getValue()) !== "");
    assert.equal(await browser.$('[name="emailTo"]').getValue(), "piet@drukkerijvos.nl");
    assert.equal(await browser.$('[name="emailSubject"]').getValue(), "Factuur 2026-0001 van Studio Jansen (met bijlage)");
    assert.match(await browser.$('[name="emailBody"]').getValue(), /^Beste Piet Vos,/);
    assert.match(await browser.$("[data-composer]").getText(), /Factuur 2026-0001\.pdf/);
    await screenshot(browser, "mail-composer");
    await click(browser, 'button[data-action="send-email"]');
    await waitForText(browser, "Verstuurd aan piet@drukkerijvos.nl.");
    await browser.$('[data-email-status="sent"]').waitForExist();

    // What the server received: the message with the PDF attached.
    assert.ok(existsSync(join(inbox, "1.eml")));
    const raw = readFileSync(join(inbox, "1.eml"), "latin1");
    assert.match(raw, /^Subject: Factuur 2026-0001 van Studio Jansen \(met bijlage\)/m);
    assert.match(raw, /filename="Factuur 2026-0001\.pdf"/);
    assert.equal(JSON.parse(readFileSync(join(inbox, "1.json"), "utf8")).login, "sanne");

    // The client's dossier records it.
    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await click(browser, "tr[data-client-id] button.name");
    await waitForHeading(browser, "Drukkerij Vos");
    await waitForText(browser, "Factuur 2026-0001 per e-mail verstuurd aan piet@drukkerijvos.nl");
    await screenshot(browser, "mail-dossier");
  });
});
