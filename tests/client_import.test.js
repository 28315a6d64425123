// Clients from a spreadsheet in the real window: 50 rows, two of them wrong — shown with their
// problems at row and field and skipped; the other 48 added at once.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { click, emptyDataDir, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { completeWelcome } from "./support/flows.js";

/** 50 clients as another program exports them; row 8 has a four-digit KvK number, row 31 a
 * Dutch postcode of five digits. */
function sheet() {
  const rows = ['"Bedrijfsnaam";"Contactpersoon";"Adres";"Postcode";"Plaats";"E-mailadres";"KvK-nummer"'];
  for (let i = 1; i <= 50; i++) {
    const kvk = i === 7 ? "1234" : String(50000000 + i);
    const postcode = i === 30 ? "12345" : "3511 AB";
    rows.push(`"Klant ${i} B.V.";"Eva ${i}";"Oudegracht ${i}";"${postcode}";"Utrecht";"klant${i}@example.nl";"${kvk}"`);
  }
  return rows.join("\r\n") + "\r\n";
}

describe("clients from a spreadsheet", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("adds 48 of 50 clients and shows the two wrong rows with their problems", async () => {
    writeFileSync(process.env.TIJDIG_PICK_FILE, sheet());
    browser = await launch(emptyDataDir(), { today: "2026-11-23" });
    await completeWelcome(browser);
    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await click(browser, 'button[data-action="open-client-import"]');
    await click(browser, 'button[data-action="choose-client-file"]');
    await waitForText(browser, "48 klanten kunnen worden toegevoegd; 2 regels met fouten en 0 dubbele worden overgeslagen.");
    const wrong = await browser.execute(() =>
      [...document.querySelectorAll("[data-problem]")].map((p) => `${p.closest("[data-client-row]").dataset.clientRow}: ${p.textContent}`),
    );
    assert.equal(wrong.length, 2, wrong.join("\n"));
    assert.match(wrong[0], /^8: KvK-nummer: /);
    assert.match(wrong[1], /^31: Postcode: /);
    await screenshot(browser, "client-import-preview");
    await click(browser, 'button[data-action="confirm-client-import"]');
    await waitForText(browser, "48 klanten toegevoegd; 2 regels overgeslagen.");
    await waitForText(browser, "48 klanten");
    const list = await browser.$("main").getText();
    assert.match(list, /Klant 1 B\.V\./);
    assert.doesNotMatch(list, /Klant 7 B\.V\./);
  });
});
