// Invoices in the real window: write, pre-flight, issue, PDF, payments, credit note, restart.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import {
  click,
  emptyDataDir,
  fill,
  heading,
  launch,
  screenshot,
  select,
  waitForHeading,
  waitForText,
} from "./support/app.js";
import { addClient, completeWelcome, studio } from "./support/flows.js";

const client = {
  kind: "business",
  name: "Bakkerij De Korenbloem B.V.",
  contactPerson: "Eva de Vries",
  street: "Dorpsstraat",
  houseNumber: "1",
  postcode: "3511 AB",
  city: "Utrecht",
  kvk: "12345678",
  btwId: "NL004495445B01",
};

async function newInvoice(browser, lines) {
  await click(browser, 'button[data-nav="invoices"]');
  await waitForHeading(browser, "Facturen");
  await click(browser, 'button[data-action="new-invoice"]');
  await waitForHeading(browser, "Nieuwe factuur");
  await browser.$('select[name="clientId"]').selectByVisibleText(client.name);
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await click(browser, 'button[data-action="add-line"]');
    const [description, quantity, price, vat] = lines[i];
    await fill(browser, {
      [`lines.${i}.description`]: description,
      [`lines.${i}.quantity`]: quantity,
      [`lines.${i}.unitPrice`]: price,
    });
    await select(browser, `lines.${i}.vat`, vat);
  }
}

async function text(browser, selector) {
  return browser.$(selector).getText();
}

describe("invoices", () => {
  const dataDir = emptyDataDir();
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("a 3-line invoice is blocked by a missing btw-id, issued once fixed, paid in two parts; another is credited; all survives a restart", async () => {
    browser = await launch(dataDir);
    await completeWelcome(browser, { ...studio, btwId: "" });
    await addClient(browser, client);
    await waitForHeading(browser, client.name);

    await newInvoice(browser, [
      ["Ontwerp logo", "10", "85,00", "standard21"],
      ["Drukwerk", "1", "120", "reduced9"],
      ["Overleg", "2", "60", "standard21"],
    ]);
    await browser.waitUntil(async () => (await text(browser, '[data-testid="total"]')) === "€ 1.304,50", {
      timeoutMsg: "the editor shows the total computed by the engine",
    });
    await waitForText(browser, "btw-identificatienummer");
    await screenshot(browser, "11-invoice-editor");
    await click(browser, 'button[data-action="save-invoice"]');
    await waitForHeading(browser, "Conceptfactuur");
    await waitForText(browser, "Nog nodig voordat je deze factuur kunt uitreiken");
    assert.equal(await browser.$('button[data-action="issue"]').isEnabled(), false);
    await screenshot(browser, "12-invoice-preflight");

    // Fix the missing btw-id in Settings, then issue.
    await click(browser, 'button[data-nav="settings"]');
    await waitForHeading(browser, "Instellingen");
    await fill(browser, { btwId: "NL000099998B57" });
    await click(browser, 'button[form="settings-profile"]');
    await waitForText(browser, "Opgeslagen.");
    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await click(browser, "button=Concept");
    await waitForHeading(browser, "Conceptfactuur");
    await waitForText(browser, "Je kunt deze factuur uitreiken.");
    await click(browser, 'button[data-action="issue"]');
    await click(browser, 'button[data-action="confirm-issue"]');
    await waitForHeading(browser, "Factuur 2026-0001");
    await waitForText(browser, "Factuur 2026-0001 is uitgereikt.");

    // Open the PDF: the file the viewer gets is the issued document.
    await click(browser, 'button[data-action="open-pdf"]');
    await waitForText(browser, "PDF geopend:");
    const notice = await browser.$('[data-notice="success"]').getText();
    const path = notice.slice(notice.indexOf("/"));
    assert.ok(existsSync(path), `the PDF exists at ${path}`);
    const pdf = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
    for (const expected of ["Factuur", "2026-0001", "€ 1.304,50", "NL000099998B57", "Bakkerij De Korenbloem B.V.", "Betaalgegevens"]) {
      assert.ok(pdf.includes(expected), `PDF shows ${expected}`);
    }
    await screenshot(browser, "13-invoice-issued");

    // A partial payment, then the rest.
    await click(browser, 'button[data-action="pay"]');
    await fill(browser, { amount: "500,00" });
    await click(browser, 'button[data-action="save-payment"]');
    await browser.waitUntil(async () => (await text(browser, '[data-testid="outstanding"]')) === "€ 804,50");
    await waitForText(browser, "Deels betaald");
    await click(browser, 'button[data-action="pay"]');
    await click(browser, 'button[data-action="save-payment"]');
    await browser.waitUntil(async () => (await text(browser, '[data-testid="outstanding"]')) === "€ 0,00");
    await waitForText(browser, "Betaald");

    // A second invoice, issued and then credited in full.
    await newInvoice(browser, [["Website onderhoud", "4", "75", "standard21"]]);
    await click(browser, 'button[data-action="save-invoice"]');
    await waitForHeading(browser, "Conceptfactuur");
    await click(browser, 'button[data-action="issue"]');
    await click(browser, 'button[data-action="confirm-issue"]');
    await waitForHeading(browser, "Factuur 2026-0002");
    await click(browser, 'button[data-action="credit"]');
    await click(browser, 'button[data-action="confirm-credit"]');
    await waitForHeading(browser, "Conceptfactuur");
    await waitForText(browser, "Crediteert factuur 2026-0002");
    await click(browser, 'button[data-action="issue"]');
    await click(browser, 'button[data-action="confirm-issue"]');
    await waitForHeading(browser, "Creditfactuur 2026-0003");
    assert.equal(await text(browser, '[data-testid="total"]'), "€ -363,00");

    // Restart: everything is still there, with derived statuses.
    await browser.deleteSession();
    browser = await launch(dataDir);
    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await waitForText(browser, "3 facturen");
    const rows = await browser.execute(() =>
      [...document.querySelectorAll("tr[data-invoice-id]")].map((r) => r.innerText.replace(/\s+/g, " ").trim()),
    );
    assert.ok(rows.some((r) => r.includes("2026-0001") && r.includes("Betaald")), rows.join("\n"));
    assert.ok(rows.some((r) => r.includes("2026-0002") && r.includes("Gecrediteerd")), rows.join("\n"));
    assert.ok(rows.some((r) => r.includes("2026-0003") && r.includes("€ -363,00")), rows.join("\n"));
    await screenshot(browser, "14-invoices-list");
    assert.equal(await heading(browser), "Facturen");
  });
});
