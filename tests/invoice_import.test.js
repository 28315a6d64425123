// Invoices made in other software in the real window: a folder of e-invoices is read, shown
// first, imported as "extern"; the overdue one runs into the ladder and gets its herinnering.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { click, emptyDataDir, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { completeWelcome } from "./support/flows.js";
import { siUblInvoice, tinyPdf } from "./support/ubl.js";

const vos = { name: "Drukkerij Vos", street: "Havenstraat 3", city: "Groningen", postcode: "9711 AA", kvk: "12345678", email: "info@drukkerijvos.nl" };
const noord = { name: "Grafisch Bureau Noord", street: "Markt 1", city: "Zwolle", postcode: "8011 AA", kvk: "87654321", email: "info@gbnoord.nl" };

describe("invoices made elsewhere", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("imports a folder of e-invoices as extern and makes the overdue one's herinnering", async () => {
    const folder = process.env.TIJDIG_PICK_FOLDER;
    for (const f of readdirSync(folder)) if (f.endsWith(".xml")) rmSync(join(folder, f));
    writeFileSync(
      join(folder, "2026-0107.xml"),
      siUblInvoice({ number: "2026-0107", issueDate: "2026-10-01", dueDate: "2026-10-15", buyer: vos, pdf: tinyPdf("Factuur 2026-0107"), lines: [["Drukwerk folders", 2, 250, "C62"]] }),
    );
    writeFileSync(
      join(folder, "F2026-042.xml"),
      siUblInvoice({ number: "F2026-042", issueDate: "2026-11-10", dueDate: "2026-12-10", buyer: noord, lines: [["Ontwerp huisstijl", 12, 85, "HUR"]] }),
    );
    // A Monday: on a Sunday Tijdig plans no contact (the herinnering would wait a day).
    browser = await launch(emptyDataDir(), { today: "2026-11-23" });
    await completeWelcome(browser);
    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await click(browser, 'button[data-action="open-import"]');
    await click(browser, 'button[data-action="import-folder"]');
    await waitForText(browser, "2 facturen kunnen worden ingelezen (€ 1.839,20), 0 niet; 2 nieuwe klanten.");
    await screenshot(browser, "invoice-import-preview");
    await click(browser, 'button[data-action="confirm-import"]');
    await waitForText(browser, "2 facturen ingelezen, 2 nieuwe klanten.");
    await browser.waitUntil(async () => (await browser.$$("tr[data-invoice-id]")).length === 2, { timeoutMsg: "both in the list" });
    const list = await browser.$("main table").getText();
    assert.match(list, /2026-0107/);
    assert.match(list, /F2026-042/);
    assert.equal((list.match(/extern/g) ?? []).length, 2, list);
    await screenshot(browser, "invoice-import-list");

    // The overdue one: on Vandaag, its herinnering made like any other.
    await click(browser, 'button[data-nav="today"]');
    await waitForHeading(browser, "Vandaag");
    const client = `[data-today-client="${vos.name}"]`;
    await browser.$(client).waitForExist({ timeout: 10000 });
    for (let i = 0; i < 3 && !(await browser.$(`${client} [data-step="reminder"]`).isExisting()); i++) {
      await click(browser, `${client} button[data-action="skip-step"]`);
    }
    await click(browser, `${client} button[data-action="produce-letter"]`);
    await browser.$("[data-letter-reference]").waitForDisplayed();
    await click(browser, 'button[data-action="open-letter"]');
    await waitForText(browser, "PDF geopend:");
    const notice = await browser.$('dialog [data-notice="success"]').getText();
    const path = notice.slice(notice.indexOf("/"));
    assert.ok(existsSync(path), `the letter exists at ${path}`);
    const text = execFileSync("pdftotext", [path, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    assert.match(text, /Herinnering: factuur 2026-0107/);
    assert.match(text, /€ 605,00/);
  });
});
