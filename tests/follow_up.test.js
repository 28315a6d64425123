// The follow-up ladder in the real window, with the app's clock set per launch: a business and
// a consumer invoice (both due 15-10-2026) walk the default policy. "Vandaag" shows the right
// steps on the right days; the consumer's 14-dagenbrief shows the exact costs and the Hoge Raad
// wording; a disputed invoice gets no letters; registering payment stops the ladder.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { click, emptyDataDir, fieldError, fill, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";
import { makeLetter, stepButton, todaySteps } from "./support/today.js";

const business = "Grafisch Bureau Noord";
const consumer = "Pieter Bakker";

async function closeLetter(browser) {
  await click(browser, 'button[data-action="close-letter"]');
}

/** A made letter goes into the mail: "Verstuurd per post op" (default: the app's today). */
async function post(browser, day) {
  assert.ok(await browser.$("[data-awaiting-post]").isExisting(), "the letter waits to be posted");
  assert.equal(await browser.$('[name="postedOn"]').getValue(), day);
  await click(browser, 'button[data-action="mark-posted"]');
  await waitForText(browser, `Verstuurd per post op ${day}`);
}

describe("follow-up", () => {
  const dataDir = emptyDataDir();
  let browser;

  async function on(day) {
    await browser?.deleteSession().catch(() => {});
    browser = await launch(dataDir, { today: day });
  }

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("walks a B2B and a B2C invoice through the ladder day by day", async () => {
    await on("2026-10-01");
    await completeWelcome(browser);
    // Both can be e-mailed (a client without an e-mail address gets every step by post).
    for (const [kind, name, city, email] of [["business", business, "Groningen", "info@gbnoord.nl"], ["consumer", consumer, "Zwolle", "pieter@example.nl"]]) {
      await click(browser, 'button[data-nav="clients"]');
      await waitForHeading(browser, "Klanten");
      await addClient(browser, { kind, name, street: "Havenstraat", houseNumber: "3", postcode: "9711 AA", city, email, paymentTermDays: "14" });
      await waitForHeading(browser, name);
    }
    await issueInvoice(browser, { client: business, date: "01-10-2026", description: "Ontwerp" });
    await issueInvoice(browser, { client: consumer, date: "01-10-2026", description: "Ontwerp" });

    // 8 October, a week before the due date: a service call to each client.
    await on("2026-10-08");
    assert.deepEqual(await todaySteps(browser), [`${business}: contact_moment`, `${consumer}: contact_moment`]);
    await click(browser, stepButton(business, "log-contact"));
    await fill(browser, { note: "Factuur goed ontvangen, wordt betaald." });
    await click(browser, 'button[data-action="save-contact"]');
    await browser.waitUntil(async () => (await todaySteps(browser)).length === 1);
    await screenshot(browser, "20-today-contact-moment");
    await click(browser, stepButton(consumer, "skip-step"));
    await browser.$("[data-today-empty]").waitForExist();

    // 18 October is a Sunday: nothing is planned; Monday the 19th brings both reminders.
    await on("2026-10-18");
    assert.deepEqual(await todaySteps(browser), []);
    await waitForText(browser, "zondag of feestdag");
    await on("2026-10-19");
    assert.deepEqual(await todaySteps(browser), [`${business}: reminder`, `${consumer}: reminder`]);
    const reminder = await makeLetter(browser, business);
    assert.match(reminder.flat, /Herinnering: factuur 2026-0001/);
    assert.doesNotMatch(reminder.flat, /Incassokosten/);
    assert.match(await browser.$("[data-email-subject]").getText(), /Herinnering: factuur 2026-0001/);
    // An e-mail reminder counts as done only once it went out: still on Vandaag after closing.
    assert.ok(await browser.$("[data-awaiting-email]").isExisting());
    await screenshot(browser, "21-reminder-made");
    await closeLetter(browser);
    assert.deepEqual(await todaySteps(browser), [`${business}: reminder`, `${consumer}: reminder`]);
    // Making it again opens the same e-mail; sent from the user's own mail program, it is done.
    await click(browser, stepButton(business, "produce-letter"));
    await browser.$("[data-letter-reference]").waitForDisplayed();
    assert.equal(await browser.$("[data-letter-reference]").getAttribute("data-letter-reference"), "2026-B0001");
    await click(browser, 'button[data-action="mark-emailed"]');
    await waitForText(browser, "Vastgelegd als verstuurd");
    await closeLetter(browser);
    await makeLetter(browser, consumer);
    await click(browser, 'button[data-action="mark-emailed"]');
    await waitForText(browser, "Vastgelegd als verstuurd");
    await closeLetter(browser);
    await browser.$("[data-today-empty]").waitForExist();

    // 30 October: the business gets an aanmaning, the consumer (not in default) the
    // ingebrekestelling.
    await on("2026-10-30");
    assert.deepEqual(await todaySteps(browser), [`${business}: dunning`, `${consumer}: notice_of_default`]);
    const dunning = await makeLetter(browser, business);
    assert.match(dunning.flat, /Aanmaning: factuur 2026-0001/);
    assert.match(dunning.flat, /€ 40,00/);
    await post(browser, "30-10-2026");
    await closeLetter(browser);
    const notice = await makeLetter(browser, consumer);
    assert.match(notice.flat, /Ingebrekestelling: factuur 2026-0002/);
    assert.match(notice.flat, /binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd/);
    // Made is not sent: closed without posting, the step stays on Vandaag, saying so, and
    // opens the same letter again.
    await screenshot(browser, "21b-letter-awaiting-post");
    await closeLetter(browser);
    assert.deepEqual(await todaySteps(browser), [`${consumer}: notice_of_default`]);
    await waitForText(browser, "nog niet verstuurd per post");
    await click(browser, stepButton(consumer, "produce-letter"));
    await browser.$("[data-letter-reference]").waitForDisplayed();
    assert.equal(await browser.$("[data-letter-reference]").getAttribute("data-letter-reference"), "2026-B0004");
    await post(browser, "30-10-2026");
    await closeLetter(browser);
    await browser.$("[data-today-empty]").waitForExist();

    // The business disputes its invoice: its ladder pauses.
    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await click(browser, "button=2026-0001");
    await waitForHeading(browser, "Factuur 2026-0001");
    // A written demand restarts the limitation period: five years from the aanmaning.
    await waitForText(browser, "Verjaart op 30-10-2031");
    await click(browser, 'button[data-action="open-dispute"]');
    await fill(browser, { disputeNote: "Aantal uren klopt niet volgens de klant" });
    await click(browser, 'button[data-action="save-dispute"]');
    await waitForText(browser, "Betwist sinds 30-10-2026");

    // 18 November: the consumer is in default (notice delivered 3 Nov, term to 17 Nov): the
    // 14-dagenbrief with the exact costs; the disputed invoice gets nothing.
    await on("2026-11-17");
    assert.deepEqual(await todaySteps(browser), []);
    await on("2026-11-18");
    assert.deepEqual(await todaySteps(browser), [`${consumer}: fourteen_day_letter`]);
    await waitForText(browser, "Gepauzeerd door betwisting");
    await screenshot(browser, "22-today-fourteen-day-letter");
    const letter = await makeLetter(browser, consumer);
    for (const expected of [
      "Laatste aanmaning (veertiendagenbrief): factuur 2026-0002",
      "binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd",
      "geen incassokosten verschuldigd",
      "incassokosten verschuldigd van € 181,50. Dit bedrag",
      "U bent sinds 18 november 2026 in verzuim",
    ]) {
      assert.ok(letter.flat.includes(expected), `the 14-dagenbrief says "${expected}"`);
    }
    await post(browser, "18-11-2026");
    await closeLetter(browser);

    // Posted Wednesday 18 November, delivered (estimate) Friday the 20th, term to 4 December:
    // on the 5th the sommatie asks principal, interest and the € 181,50.
    await on("2026-12-05");
    assert.deepEqual(await todaySteps(browser), [`${consumer}: hand_over`]);
    const sommatie = await makeLetter(browser, consumer);
    assert.ok(sommatie.flat.includes("Sommatie: factuur 2026-0002"), sommatie.flat);
    assert.ok(sommatie.flat.includes("€ 181,50"), sommatie.flat);
    await post(browser, "05-12-2026");
    await closeLetter(browser);

    // The invoice page asks the same total as the sommatie; the consumer pays exactly that
    // amount (the dialog proposes it): settled, nothing left, the ladder stops.
    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await click(browser, "button=2026-0002");
    await waitForHeading(browser, "Factuur 2026-0002");
    const asked = sommatie.flat.match(/sommeer u het totaalbedrag van (€ [\d.]+,\d\d)/)?.[1];
    assert.ok(asked, `the sommatie names a total: ${sommatie.flat}`);
    await waitForText(browser, asked);
    await click(browser, 'button[data-action="pay"]');
    await browser.waitUntil(async () => (await browser.$('[name="amount"]').getValue()) !== "");
    const proposed = await browser.$('[name="amount"]').getValue();
    assert.equal(proposed.replace(/\./g, ""), asked.replace("€ ", "").replace(/\./g, ""));
    await click(browser, 'button[data-action="save-payment"]');
    await waitForText(browser, "Niets meer open");
    await on("2026-12-07");
    assert.deepEqual(await todaySteps(browser), []);

    // The dossier keeps every contact.
    await click(browser, 'button[data-nav="clients"]');
    await click(browser, `button=${consumer}`);
    await waitForHeading(browser, consumer);
    await click(browser, 'button[data-action="add-note"]');
    await fill(browser, { dossierNote: "Betaald na de 14-dagenbrief; verder geen actie." });
    await click(browser, 'button[data-action="save-note"]');
    await waitForText(browser, "verder geen actie");
    const kinds = await browser.execute(() =>
      [...document.querySelectorAll("[data-dossier-kind]")].map((e) => e.dataset.dossierKind),
    );
    assert.deepEqual(kinds, ["note", "payment", "letter", "letter", "letter", "email", "step_skipped"]);
    await browser.$("[data-dossier-kind]").scrollIntoView();
    await screenshot(browser, "23-client-dossier");

    // Track & trace says when the sommatie arrived: recorded on the letter, once (the
    // dossier then shows the date instead of the button).
    await click(browser, 'button[data-action="set-delivered"]');
    await fill(browser, { deliveredOn: "07-12-2026" });
    await click(browser, 'button[data-action="save-delivered"]');
    await waitForText(browser, "Bezorgd op 07-12-2026");
    assert.equal(await browser.$$('[data-dossier-kind="delivered"]').length, 1);

    // "Dossier exporteren": a folder with the summary and every document.
    await click(browser, 'button[data-action="export-dossier"]');
    await waitForText(browser, "Dossier opgeslagen in");
    const saved = await browser.$('[data-notice="success"]').getText();
    const folder = saved.slice(saved.indexOf("/"));
    const files = readdirSync(folder).sort();
    assert.deepEqual(files, [
      "00 Dossier Pieter Bakker.pdf",
      "14-dagenbrief 2026-B0005.pdf",
      "Factuur 2026-0002.pdf",
      "Herinnering 2026-B0002.pdf",
      "Ingebrekestelling 2026-B0004.pdf",
      "Sommatie - uit handen geven 2026-B0006.pdf",
    ]);
    const summary = execFileSync("pdftotext", [join(folder, files[0]), "-"], { encoding: "utf8" });
    assert.match(summary, /Dossier Pieter Bakker/);
  });

  it("the policy is edited in Settings: a wrong number of days is refused at the field, a good one is kept", async () => {
    const policyDir = emptyDataDir();
    await browser?.deleteSession().catch(() => {});
    browser = await launch(policyDir, { today: "2026-10-01" });
    await completeWelcome(browser);
    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-followUp");
    await browser.$('[name="steps.1.offsetDays"]').waitForDisplayed();
    assert.equal(await browser.$('[name="steps.1.offsetDays"]').getValue(), "3");
    await fill(browser, { "steps.1.offsetDays": "vijf" });
    await click(browser, 'button[data-action="save-policy"]');
    await browser.waitUntil(async () => (await fieldError(browser, "steps.1.offsetDays")) !== "");
    assert.match(await fieldError(browser, "steps.1.offsetDays"), /heel aantal dagen/);
    // Before the previous step is refused too, with the reason at the field.
    await fill(browser, { "steps.1.offsetDays": "-10" });
    await click(browser, 'button[data-action="save-policy"]');
    await browser.waitUntil(async () => (await fieldError(browser, "steps.1.offsetDays")) !== "");
    await screenshot(browser, "24-policy-error");
    await fill(browser, { "steps.1.offsetDays": "5" });
    await click(browser, 'button[data-action="save-policy"]');
    await waitForText(browser, "Opgeslagen.");

    await browser.deleteSession();
    browser = await launch(policyDir, { today: "2026-10-01" });
    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-followUp");
    await browser.$('[name="steps.1.offsetDays"]').waitForDisplayed();
    assert.equal(await browser.$('[name="steps.1.offsetDays"]').getValue(), "5");
  });
});
