// Signed PDFs in the real window, with the real (throwaway) OS keychain: an issued invoice is
// signed, Settings → Ondertekening shows the certificate and saves it as .cer, and "Controleer
// PDF" recognises the invoice — and sees a changed copy for what it is.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { click, fill, emptyDataDir, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

const pathIn = (notice) => notice.slice(notice.indexOf("/"), notice.lastIndexOf("."));

describe("signed documents", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("signs an issued invoice and checks it, and a changed copy, with Controleer PDF", async () => {
    browser = await launch(emptyDataDir(), { today: "2026-11-22" });
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: "Drukkerij Vos", street: "Markt", houseNumber: "1", postcode: "3511 AA", city: "Utrecht", kvk: "12345678", btwId: "NL004495445B01" });
    await waitForHeading(browser, "Drukkerij Vos");
    await issueInvoice(browser, { client: "Drukkerij Vos", description: "Folders" });
    await browser.$('[data-signed="true"]').waitForExist();
    assert.match(await browser.$("[data-signed]").getText(), /Ondertekend/);

    // Save the PDF the way a user sends it.
    await click(browser, 'button[data-action="save-pdf"]');
    await waitForText(browser, "opgeslagen in");
    const saved = await browser.$('[data-notice="success"]').getText();
    const pdf = readFileSync(pathIn(saved));
    assert.match(pdf.toString("latin1"), /\/SubFilter\s*\/ETSI\.CAdES\.detached/);

    await click(browser, 'button[data-nav="settings"]');
    await click(browser, "#tab-signing");
    const fingerprint = await browser.$("[data-fingerprint]").getText();
    assert.match(fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    await click(browser, 'button[data-action="save-certificate"]');
    await waitForText(browser, "Certificaat opgeslagen in");
    const cerNotice = await browser.$('[data-signing] [data-notice="success"]').getText();
    const cer = readFileSync(pathIn(cerNotice));
    assert.equal(cer[0], 0x30, "a DER certificate");

    // Controleer PDF on the invoice as sent.
    writeFileSync(process.env.TIJDIG_PICK_PDF, pdf);
    await click(browser, 'button[data-action="check-pdf"]');
    await browser.$('[data-signature="valid"]').waitForExist();
    const result = await browser.$("[data-check-result]").getText();
    assert.match(result, /Geldige handtekening van Studio Jansen/);
    assert.match(result, /Met jouw eigen certificaat/);
    assert.match(result, /Dit is factuur 2026-0001 uit je administratie/);
    await screenshot(browser, "signing-check-valid");

    // A copy with one byte changed.
    const changed = Buffer.from(pdf);
    const at = changed.indexOf("/Producer") + 12;
    changed[at] ^= 1;
    writeFileSync(process.env.TIJDIG_PICK_PDF, changed);
    await click(browser, 'button[data-action="check-pdf"]');
    await browser.$('[data-signature="problem"]').waitForExist();
    const verdict = await browser.$("[data-check-result]").getText();
    assert.match(verdict, /Handtekening van Studio Jansen klopt niet/);
    assert.match(verdict, /na het ondertekenen veranderd/);
    assert.match(verdict, /komt niet voor in je administratie/);
    await screenshot(browser, "signing-check-changed");
  });

  it("imports a bought certificate from a .p12, refusing a wrong password", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tijdig-p12-"));
    const openssl = (...args) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650", "-subj", "/CN=S. Jansen/O=Studio Jansen/C=NL", "-keyout", "key.pem", "-out", "cert.pem");
    openssl("pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-passout", "pass:geheim", "-out", "id.p12");
    writeFileSync(process.env.TIJDIG_PICK_P12, readFileSync(join(dir, "id.p12")));

    await fill(browser, { p12Password: "fout" });
    await click(browser, 'button[data-action="import-certificate"]');
    await waitForText(browser, "Het wachtwoord van dit certificaatbestand klopt niet.");
    await fill(browser, { p12Password: "geheim" });
    await click(browser, 'button[data-action="import-certificate"]');
    await waitForText(browser, "Certificaat geïmporteerd");
    assert.match(await browser.$("[data-signing]").getText(), /C=NL,O=Studio Jansen,CN=S\. Jansen/);
    await screenshot(browser, "signing-imported");
  });
});
