// Offers and agreements in the real window: the algemene voorwaarden uploaded once, an offer
// written through every step, the checklist flagging a missing validity date until it is fixed,
// the signed offer PDF with the terms appended; the acceptance recorded, the agreement PDF, the
// client's countersigned copy checked, and the advance invoice made from the agreement — with
// what is left to invoice.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSmtpServer } from "./support/smtp.js";
import { click, emptyDataDir, fill, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome } from "./support/flows.js";
import { simplePdf } from "./support/pdf.js";

const root = new URL("..", import.meta.url).pathname;
const savedPath = (notice) => notice.slice(notice.indexOf("/")).trim();

function pdfText(path) {
  return execFileSync("pdftotext", ["-layout", path, "-"]).toString().split(/\s+/).join(" ");
}

/** The client signs the agreement with their own certificate (pyHanko, as another tool would). */
function countersign(agreementPath) {
  const dir = mkdtempSync(join(tmpdir(), "tijdig-client-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "365", "-subj", "/CN=Eva de Vries/O=Bakkerij De Korenbloem/C=NL", "-keyout", "key.pem", "-out", "cert.pem"], { cwd: dir, stdio: "pipe" });
  const out = join(dir, "getekend.pdf");
  execFileSync(join(root, ".venv/bin/pyhanko"), ["sign", "addsig", "--field", "1/50,50,250,100/Opdrachtgever", "--reason", "Voor akkoord", "pemder", "--key", "key.pem", "--cert", "cert.pem", "--no-pass", agreementPath, out], { cwd: dir, stdio: "pipe" });
  return readFileSync(out);
}

describe("offers and agreements", () => {
  let browser;
  const dataDir = emptyDataDir();
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

  it("guides an offer to a signed agreement and invoices the advance once", async () => {
    browser = await launch(dataDir, { today: "2026-11-22" });
    await completeWelcome(browser);
    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-mail");
    await fill(browser, { mailHost: "localhost", mailPort: port, mailUsername: "sanne", mailPassword: "geheim",
      mailFromName: "Sanne Jansen", mailFromAddress: "sanne@studiojansen.nl" });
    await click(browser, 'button[data-action="save-mail"]');
    await waitForText(browser, "Instellingen opgeslagen.");
    await click(browser, 'button[data-nav="clients"]');
    await waitForHeading(browser, "Klanten");
    await addClient(browser, { kind: "business", name: "Bakkerij De Korenbloem", contactPerson: "Eva de Vries", email: "eva@korenbloem.nl", street: "Dorpsstraat", houseNumber: "1", postcode: "3511 AB", city: "Utrecht", kvk: "12345678", btwId: "NL004495445B01" });
    await waitForHeading(browser, "Bakkerij De Korenbloem");

    // The algemene voorwaarden, uploaded once.
    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-terms");
    writeFileSync(process.env.TIJDIG_PICK_TERMS, simplePdf(["Algemene voorwaarden Studio Jansen", "Artikel 1 Toepasselijkheid"]));
    await click(browser, 'button[data-action="upload-terms"]');
    await waitForText(browser, "Opgeslagen als versie 1");
    await browser.$('[data-terms-version="1"]').waitForExist();

    // Every step of the guided offer.
    await click(browser, 'button[data-nav="offers"]');
    await waitForHeading(browser, "Offertes");
    await click(browser, 'button[data-action="new-offer"]');
    await waitForHeading(browser, "Nieuwe offerte");
    await browser.$('select[name="clientId"]').selectByVisibleText("Bakkerij De Korenbloem");
    await browser.$("[data-acceptance]").waitForExist();
    await fill(browser, { title: "Nieuwe website" });
    await click(browser, 'button[data-action="next-step"]');
    await fill(browser, { scope: "Ontwerp en bouw van een website met vijf pagina's.", exclusions: "Teksten en foto's." });
    // Kept as a text block to reuse in the next offer.
    await click(browser, 'button[data-action="start-keep-block"]');
    await fill(browser, { "blockTitle-scope": "Website vijf pagina's" });
    await click(browser, 'button[data-action="keep-block"]');
    await waitForText(browser, "Bewaard als “Website vijf pagina's”");
    await click(browser, 'button[data-action="next-step"]');
    await fill(browser, { planning: "Oplevering uiterlijk 31 januari 2027.", acceptanceCriteria: "Goedgekeurd als binnen 5 werkdagen geen gebreken worden gemeld.", validUntil: "" });
    await click(browser, 'button[data-action="next-step"]');
    await fill(browser, { fixedPrice: "10.000" });
    await click(browser, 'button[data-action="next-step"]');
    await click(browser, 'input[name="advanceKind"][value="percent"]');
    await fill(browser, { advance: "30" });
    await click(browser, 'button[data-action="next-step"]');
    assert.ok(await browser.$('input[name="latePaymentClause"]').isSelected());
    assert.ok(await browser.$('input[name="attachTerms"]').isSelected());
    await click(browser, 'button[data-action="next-step"]');

    // The review flags the missing validity date; fixing it clears the checklist.
    await browser.$('[data-check="no_validity"]').waitForExist();
    assert.equal(await browser.$("[data-total-incl]").getText(), "€ 12.100,00");
    await screenshot(browser, "offer-review-missing-validity");
    await click(browser, 'button[data-fix="no_validity"]');
    await fill(browser, { validUntil: "22-12-2026" });
    await click(browser, 'button[data-step="review"]');
    await browser.$("[data-checklist-ok]").waitForExist();
    assert.equal(await browser.$('[data-check="no_validity"]').isExisting(), false);
    await screenshot(browser, "offer-review-ok");

    // Final: a signed PDF with the terms appended.
    await click(browser, 'button[data-action="finalise-offer"]');
    await waitForHeading(browser, "Offerte OF-2026-0001");
    await browser.$('[data-offer-status="sent"]').waitForExist();
    await waitForText(browser, "Ondertekend");
    await click(browser, 'button[data-action="save-offer-pdf"]');
    await waitForText(browser, "Opgeslagen als");
    const offerPath = savedPath(await browser.$('[data-notice="success"]').getText());
    assert.match(offerPath, /Offerte OF-2026-0001\.pdf$/);
    assert.match(readFileSync(offerPath).toString("latin1"), /\/SubFilter\s*\/ETSI\.CAdES\.detached/);
    const offerText = pdfText(offerPath);
    for (const part of ["Offerte OF-2026-0001: Nieuwe website", "geldig tot en met 22 december 2026", "Totaal incl. btw € 12.100,00", "Aanbetaling € 3.630,00", "fatale termijn", "algemene voorwaarden van toepassing (versie 1", "Artikel 1 Toepasselijkheid"]) {
      assert.ok(offerText.includes(part), `offer PDF lacks "${part}"`);
    }
    await screenshot(browser, "offer-sent");

    // Sent by e-mail from the composer: the signed offer and the terms attached.
    await click(browser, 'button[data-action="email-offer"]');
    await browser.waitUntil(async () => (await browser.$('[name="emailSubject"]').getValue()) !== "");
    assert.equal(await browser.$('[name="emailSubject"]').getValue(), "Offerte OF-2026-0001: Nieuwe website");
    assert.equal(await browser.$('[name="emailTo"]').getValue(), "eva@korenbloem.nl");
    assert.match(await browser.$("[data-composer]").getText(), /Offerte OF-2026-0001\.pdf/);
    await click(browser, 'button[data-action="send-email"]');
    await waitForText(browser, "Verstuurd aan eva@korenbloem.nl.");
    await browser.$('[data-emails] [data-email-status="sent"]').waitForExist();
    const raw = readFileSync(join(inbox, "1.eml"), "latin1");
    assert.match(raw, /^Subject: Offerte OF-2026-0001: Nieuwe website/m);
    assert.match(raw, /filename="Offerte OF-2026-0001\.pdf"/);

    // Accepted: the agreement.
    await click(browser, 'button[data-action="accept-offer"]');
    await click(browser, 'input[name="how"][value="signed_pdf"]');
    await fill(browser, { by: "Eva de Vries" });
    await click(browser, 'button[data-action="confirm-accept"]');
    await browser.$("[data-accepted]").waitForExist();
    assert.match(await browser.$("[data-accepted]").getText(), /Aanvaard op 22-11-2026 \(ondertekende PDF teruggestuurd, door Eva de Vries\)/);
    await click(browser, 'button[data-action="save-agreement-pdf"]');
    await browser.waitUntil(async () => (await browser.$('[data-notice="success"]').getText()).includes("Opdrachtbevestiging OB-2026-0001.pdf"));
    const agreementPath = savedPath(await browser.$('[data-notice="success"]').getText());
    const agreementText = pdfText(agreementPath);
    for (const part of ["Opdrachtbevestiging OB-2026-0001: Nieuwe website", "Voor akkoord", "Opdrachtgever: Bakkerij De Korenbloem", "Handtekening", "algemene voorwaarden (versie 1) vóór het sluiten", "Artikel 1 Toepasselijkheid"]) {
      assert.ok(agreementText.includes(part), `agreement PDF lacks "${part}"`);
    }

    // The countersigned copy comes back and is checked.
    writeFileSync(process.env.TIJDIG_PICK_SIGNED, countersign(agreementPath));
    await click(browser, 'button[data-action="register-countersigned"]');
    await browser.$("[data-countersigned-check]").waitForExist();
    const check = await browser.$("[data-countersigned-check]").getText();
    assert.match(check, /Jouw handtekening Studio Jansen: geldig/);
    assert.match(check, /Handtekening Eva de Vries: geldig/);
    assert.match(check, /Het getekende deel is jouw opdrachtbevestiging, ongewijzigd/);

    // The advance invoice from the agreement; what is left is what is left to invoice.
    assert.equal(await browser.$("[data-remaining]").getText(), "€ 12.100,00");
    await click(browser, '[data-schedule-line="0"] button[data-action="invoice-line"]');
    await browser.$('[data-schedule-line="0"] [data-invoice-link]').waitForExist();
    assert.equal(await browser.$("[data-invoiced]").getText(), "€ 3.630,00");
    assert.equal(await browser.$("[data-remaining]").getText(), "€ 8.470,00");
    assert.equal(await browser.$('[data-schedule-line="0"] button[data-action="invoice-line"]').isExisting(), false, "the advance cannot be invoiced twice");
    await screenshot(browser, "agreement-invoiced");
    await click(browser, '[data-schedule-line="0"] [data-invoice-link]');
    await waitForHeading(browser, "Conceptfactuur");
    await waitForText(browser, "Aanbetaling: Nieuwe website");
    await waitForText(browser, "3.630,00");
  });

  it("asks on Vandaag whether the client is satisfied after delivery, once", async () => {
    await click(browser, 'button[data-nav="offers"]');
    await click(browser, 'tr[data-offer="OF-2026-0001"] button.link');
    await waitForHeading(browser, "Offerte OF-2026-0001");
    await fill(browser, { deliveredOn: "18-11-2026" });
    await click(browser, 'button[data-action="mark-delivered"]');
    await waitForText(browser, "Vraag op 21-11-2026 of je klant tevreden is");
    // 22-11-2026 is a Sunday: no contact with clients. On Monday the question is there.
    await click(browser, 'button[data-nav="today"]');
    await waitForHeading(browser, "Vandaag");
    assert.equal(await browser.$('[data-offer-contact="satisfaction"]').isExisting(), false);
    await browser.deleteSession();
    browser = await launch(dataDir, { today: "2026-11-23" });
    await waitForHeading(browser, "Vandaag");
    await browser.$('[data-offer-contact="satisfaction"]').waitForExist();
    assert.match(await browser.$('[data-offer-contact="satisfaction"]').getText(), /Vraag of je klant tevreden is over “Nieuwe website”/);
    await screenshot(browser, "today-satisfaction");
    await click(browser, 'button[data-action="offer-contact-done"]');
    await fill(browser, { offerContactNote: "Tevreden over de website" });
    await click(browser, 'button[data-action="confirm-offer-contact"]');
    await browser.waitUntil(async () => !(await browser.$('[data-offer-contact="satisfaction"]').isExisting()));
  });

  it("keeps the client-acceptance checklist and advises an advance for a risky client", async () => {
    await click(browser, 'button[data-nav="clients"]');
    await click(browser, "tr[data-client-id] button.name");
    await waitForHeading(browser, "Bakkerij De Korenbloem");
    await click(browser, 'input[name="kvkChecked"]');
    await click(browser, 'input[name="troubleSignals"]');
    await click(browser, 'button[data-action="save-acceptance"]');
    await browser.waitUntil(async () => (await browser.$("[data-acceptance-advice]").getText()).includes("Vraag een aanbetaling"));
    assert.match(await browser.$("[data-payment-history]").getText(), /Nog geen facturen/);
    // The whole path is in the dossier.
    const dossier = await browser.$$("[data-dossier-kind]").map((e) => e.getText());
    for (const part of ["definitief gemaakt om te versturen", "Offerte OF-2026-0001 per e-mail verstuurd aan eva@korenbloem.nl", "aanvaard op 22-11-2026", "Getekend exemplaar van OB-2026-0001 geregistreerd", "opgeleverd op 18-11-2026", "Tevreden over de website"]) {
      assert.ok(dossier.some((d) => d.includes(part)), `dossier lacks "${part}"`);
    }
  });
});
