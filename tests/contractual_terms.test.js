// Contractual interest and costs in the real window (issue 22): the user enters what version 1
// of the algemene voorwaarden stipulates (1 % per maand, 15 % costs with a € 75 minimum), a
// business client accepts an offer carrying it, and the aanmaning of that client's overdue
// invoice names the contractual basis and computes it to the cent — the same figure as the
// invoice page.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { click, emptyDataDir, fieldError, fill, launch, screenshot, select, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";
import { simplePdf } from "./support/pdf.js";
import { makeLetter, stepButton, todaySteps } from "./support/today.js";

const client = "Grafisch Bureau Noord";

describe("contractual interest and costs", () => {
  const dataDir = emptyDataDir();
  let browser;

  async function on(day) {
    await browser?.deleteSession().catch(() => {});
    browser = await launch(dataDir, { today: day });
  }

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("puts the accepted voorwaarden's rate and costs on the aanmaning, named and to the cent", async () => {
    await on("2026-10-01");
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: client, street: "Havenstraat", houseNumber: "3", postcode: "9711 AA", city: "Groningen", paymentTermDays: "14" });
    await waitForHeading(browser, client);

    // Version 1 of the voorwaarden and what it stipulates on late payment.
    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-terms");
    writeFileSync(process.env.TIJDIG_PICK_TERMS, simplePdf(["Algemene voorwaarden Studio Jansen", "Artikel 7 Betaling: 1% rente per maand, 15% incassokosten"]));
    await click(browser, 'button[data-action="upload-terms"]');
    await waitForText(browser, "Opgeslagen als versie 1");
    await click(browser, '[data-late-payment-version="1"] button[data-action="edit-late-payment"]');
    await fill(browser, { interestPercent: "12" });
    await select(browser, "costs", "percent");
    await fill(browser, { costsPercent: "15", costsMinimum: "75,00" });
    await click(browser, 'button[data-action="save-late-payment"]');
    // 12 % a month is a yearly rate typed in the wrong period: refused at its field.
    await browser.$('[data-error-for="interestPercent"]').waitForExist();
    assert.match(await fieldError(browser, "interestPercent"), /hooguit 10 % per maand/);
    await screenshot(browser, "late-payment-terms-error");
    await fill(browser, { interestPercent: "1" });
    assert.equal(await browser.$('[name="interestPercent"]').getAttribute("aria-invalid"), null);
    await click(browser, 'button[data-action="save-late-payment"]');
    await waitForText(browser, "Opgeslagen voor versie 1.");
    const summary = await browser.$('[data-late-payment-version="1"] [data-testid="late-payment-summary"]').getText();
    assert.equal(summary, "contractuele rente 1 % per maand · incassokosten 15 % van de hoofdsom, minimaal € 75,00 · fatale termijn");
    await waitForText(browser, "Particulieren betalen altijd alleen de wettelijke rente");
    await screenshot(browser, "late-payment-terms");

    // An offer carrying version 1, sent and accepted the same day; its clause states the terms.
    await click(browser, 'button[data-nav="offers"]');
    await waitForHeading(browser, "Offertes");
    await click(browser, 'button[data-action="new-offer"]');
    await waitForHeading(browser, "Nieuwe offerte");
    await browser.$('select[name="clientId"]').selectByVisibleText(client);
    await fill(browser, { title: "Huisstijl" });
    await click(browser, 'button[data-action="next-step"]');
    await fill(browser, { scope: "Logo, kleuren en lettertypen.", exclusions: "Drukwerk." });
    await click(browser, 'button[data-action="next-step"]');
    await fill(browser, { planning: "Oplevering in oktober.", acceptanceCriteria: "Goedgekeurd na één correctieronde.", validUntil: "31-10-2026" });
    await click(browser, 'button[data-action="next-step"]');
    await fill(browser, { fixedPrice: "1.000" });
    await click(browser, 'button[data-action="next-step"]');
    await click(browser, 'button[data-action="next-step"]');
    await click(browser, 'button[data-action="next-step"]');
    await browser.$(".clause").waitForDisplayed();
    const clause = await browser.$(".clause").getText();
    assert.match(clause, /1 % per maand/);
    assert.match(clause, /15 % van de hoofdsom, minimaal € 75,00/);
    await click(browser, 'button[data-action="finalise-offer"]');
    await waitForHeading(browser, "Offerte OF-2026-0001");
    await click(browser, 'button[data-action="accept-offer"]');
    await click(browser, 'input[name="how"][value="email"]');
    await fill(browser, { by: "Eva de Vries" });
    await click(browser, 'button[data-action="confirm-accept"]');
    await browser.$("[data-accepted]").waitForExist();
    // Sent with an offer: the version's terms are fixed now.
    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-terms");
    await browser.$('[data-late-payment-version="1"]').waitForExist();
    await waitForText(browser, "de afspraken liggen vast");
    assert.equal(await browser.$('[data-late-payment-version="1"] button[data-action="edit-late-payment"]').isExisting(), false);

    // € 1.210,00 invoiced the same day, due 15 October.
    await issueInvoice(browser, { client, date: "01-10-2026", description: "Huisstijl" });

    // 19 October: the reminder, skipped (the user called).
    await on("2026-10-19");
    assert.deepEqual(await todaySteps(browser), [`${client}: reminder`]);
    await click(browser, stepButton(client, "skip-step"));
    await browser.$("[data-today-empty]").waitForExist();

    // 30 October: the aanmaning. Verzuim from 16 October; the first month runs to 15 November
    // (31 days), 15 of them by today: 1.210 × 1 % × 15/31 = 5,8548 → € 5,85. Costs 15 % of
    // € 1.210,00 = € 181,50. Total € 1.397,35.
    await on("2026-10-30");
    assert.deepEqual(await todaySteps(browser), [`${client}: dunning`]);
    const dunning = await makeLetter(browser, client);
    assert.match(dunning.flat, /contractuele rente 1 % per maand volgens mijn algemene voorwaarden, versie 1/);
    assert.match(dunning.flat, /1,00 p\/m/);
    assert.match(dunning.flat, /€ 5,85/);
    assert.match(dunning.flat, /incassokosten van € 181,50 in rekening te brengen \(15 % van de hoofdsom, minimaal € 75,00, volgens mijn algemene voorwaarden, versie 1; art\. 6:96 BW\)/);
    assert.match(dunning.flat, /€ 1\.397,35/);
    await click(browser, 'button[data-action="close-letter"]');

    // The invoice page says the same, with the same basis.
    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await click(browser, "button=2026-0001");
    await waitForHeading(browser, "Factuur 2026-0001");
    const claim = await browser.$('[data-testid="claim"]').getText();
    assert.match(claim, /contractuele rente 1 % per maand volgens je algemene voorwaarden, versie 1/);
    assert.match(claim, /15 dagen à 1 % per maand over € 1\.210,00 = € 5,85/);
    assert.match(claim, /Totaal te vorderen € 1\.397,35/);
    assert.equal(await browser.$('[data-testid="outstanding"]').getText(), "€ 1.397,35");
    await browser.$('[data-testid="claim"]').scrollIntoView({ block: "center" });
    await screenshot(browser, "claim-contractual");
  });

  it("shows on the client's page which version decides, and records one accepted on paper", async () => {
    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await click(browser, `button=${client}`);
    await waitForHeading(browser, client);
    await browser.$("[data-client-terms]").waitForDisplayed();
    assert.match(await browser.$("[data-client-terms]").getText(), /^Versie 1, aanvaard op 01-10-2026 — contractuele rente 1 % per maand/);
    // Accepted on paper earlier, before the offer: recorded, refused first without a version.
    await click(browser, 'button[data-action="start-terms-acceptance"]');
    await fill(browser, { acceptedOn: "01-09-2026", note: "Getekend op papier" });
    await click(browser, 'button[data-action="record-terms-acceptance"]');
    await browser.$('[data-error-for="termsDocumentId"]').waitForExist();
    await browser.$('select[name="termsDocumentId"]').selectByIndex(1);
    await click(browser, 'button[data-action="record-terms-acceptance"]');
    await browser.$("[data-terms-acceptance]").waitForExist();
    assert.match(await browser.$("[data-terms-acceptance]").getText(), /Versie 1, aanvaard op 01-09-2026 \(buiten Tijdig\) — Getekend op papier/);
    await browser.$("[data-client-terms]").scrollIntoView({ block: "center" });
    await screenshot(browser, "client-terms");
  });
});
