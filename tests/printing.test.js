// Printing on a real print queue (issue 23): CUPS with the cups-pdf printer "TijdigPDF"
// (scripts/print-queue.sh, started by the e2e session). A letter goes through Tijdig's own print
// dialog — the default printer preselected — and comes out of the queue as a PDF: the same
// pages, A4 at 100 %, the address where it was, inside the envelope window. The day's letters
// print after a cover list and are recorded as posted when asked. A stopped queue and a printer
// that disappeared each say so, and without any printer the dialog offers "Opslaan als PDF".
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { click, emptyDataDir, launch, root, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";
import { stepButton, todaySteps } from "./support/today.js";

const queue = process.env.TIJDIG_TEST_PRINTER ?? "TijdigPDF";
const printed = join(homedir(), "PDF");
const business = "Grafisch Bureau Noord";
const consumer = "Pieter Bakker";
const queueScript = join(root, "scripts/print-queue.sh");

/** The PDF cups-pdf wrote for job `id` ("TijdigPDF-12"), once it is written in full. */
async function printedFile(browser, id) {
  const n = id.split("-").pop();
  let found = null;
  await browser.waitUntil(
    () => {
      found = existsSync(printed) ? readdirSync(printed).find((f) => f.endsWith(`job_${n}.pdf`)) : null;
      return Boolean(found) && /%%EOF\s*$/.test(readFileSync(join(printed, found)).subarray(-64).toString("latin1"));
    },
    { timeout: 30000, timeoutMsg: `job ${id} did not come out of the queue` },
  );
  return join(printed, found);
}

function pdfInfo(path) {
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)[1]),
    size: /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info).slice(1).map(Number),
  };
}

/** Page `page` of a PDF as a 100 dpi grey PNG. */
function pageImage(path, page) {
  const out = join(mkdtempSync(join(tmpdir(), "tijdig-page-")), "p");
  // Ghostscript's re-rendered glyphs make pdftoppm warn on every character: not shown.
  execFileSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "100", "-gray", "-png", "-singlefile", path, out], { stdio: ["ignore", "ignore", "ignore"] });
  return `${out}.png`;
}

// The envelope window (ENVELOPE_WINDOW: 20 mm from the left, 50 mm from the top, 85 × 30 mm)
// at 100 dpi.
const windowBox = "335x118+79+197";

/**
 * Where the ink is inside the window region: its bounding box {w, h, x, y} in pixels at 100 dpi
 * (the printed copy is re-rendered, so its pixels differ slightly; where the text sits does not).
 */
function inkBox(png) {
  const box = execFileSync("convert", [png, "-crop", windowBox, "+repage", "-threshold", "60%", "-format", "%@", "info:"], { encoding: "utf8" });
  const [, w, h, x, y] = /(\d+)x(\d+)\+(\d+)\+(\d+)/.exec(box).map(Number);
  return { w, h, x, y };
}

/** The written original of a letter (the dialog's "PDF openen" writes it and says where). */
async function letterPath(browser) {
  await click(browser, 'button[data-action="open-letter"]');
  await waitForText(browser, "PDF geopend:");
  const notice = await browser.$('dialog [data-notice="success"]').getText();
  return notice.slice(notice.indexOf("/")).trim();
}

/** Clicks "Afdrukken" and waits for the dialog's answer that matches `expected`; returns it. */
async function confirmPrint(browser, expected) {
  await click(browser, 'dialog[open] button[data-action="confirm-print"]');
  let answer = "";
  await browser.waitUntil(
    async () => {
      const shown = await browser.$$("dialog[open] [data-print-outcome], dialog[open] [data-print-failure]").map((e) => e.getText());
      answer = shown.join(" ");
      return expected.test(answer);
    },
    { timeout: 20000, timeoutMsg: `no answer like ${expected}` },
  ).catch(() => assert.fail(`the print dialog said "${answer}", not ${expected}`));
  return answer;
}

describe("printing", () => {
  const dataDir = emptyDataDir();
  let browser;

  async function on(day) {
    await browser?.deleteSession().catch(() => {});
    browser = await launch(dataDir, { today: day });
  }

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    // The queue is the session's: put it back for whatever runs next.
    execFileSync("bash", [queueScript, "start"]);
  });

  it("prints a letter on the chosen printer at 100 %, with the address in the envelope window", async () => {
    await on("2026-10-01");
    await completeWelcome(browser);
    for (const [kind, name, city] of [["business", business, "Groningen"], ["consumer", consumer, "Zwolle"]]) {
      await click(browser, 'button[data-nav="clients"]');
      await waitForHeading(browser, "Klanten");
      await addClient(browser, { kind, name, street: "Havenstraat", houseNumber: "3", postcode: "9711 AA", city, paymentTermDays: "14" });
      await waitForHeading(browser, name);
    }
    await issueInvoice(browser, { client: business, date: "01-10-2026", description: "Ontwerp" });
    await issueInvoice(browser, { client: consumer, date: "01-10-2026", description: "Ontwerp" });

    await on("2026-10-19");
    assert.deepEqual(await todaySteps(browser), [`${business}: reminder`, `${consumer}: reminder`]);
    await click(browser, stepButton(business, "produce-letter"));
    await browser.$("[data-letter-reference]").waitForDisplayed();
    const original = await letterPath(browser);

    await click(browser, 'button[data-action="print-letter"]');
    await browser.$('dialog[open] [data-print-dialog] select[name="printer"]').waitForDisplayed();
    // The system's default printer is chosen.
    assert.equal(await browser.$('dialog[open] [data-print-dialog] select[name="printer"]').getValue(), queue);
    await screenshot(browser, "print-dialog");
    const jobPattern = new RegExp(`Verstuurd naar printer ${queue} \\(opdracht (${queue}-\\d+)\\)\\.$`);
    const outcome = await confirmPrint(browser, jobPattern);
    const job = jobPattern.exec(outcome);
    assert.ok(job, outcome);
    const file = await printedFile(browser, job[1]);

    // What came out: the same pages, A4 at 100 % (595 × 842 pt), and the address where it was.
    const sent = pdfInfo(original);
    const got = pdfInfo(file);
    assert.equal(got.pages, sent.pages);
    assert.ok(Math.abs(got.size[0] - 595.28) < 1 && Math.abs(got.size[1] - 841.89) < 1, `page size ${got.size}`);
    const before = inkBox(pageImage(original, 1));
    const after = inkBox(pageImage(file, 1));
    // The address fills the window's lines and lies wholly inside it (335 × 118 px) …
    assert.ok(before.w > 100 && before.h > 30, `address box ${JSON.stringify(before)}`);
    assert.ok(after.x + after.w <= 335 && after.y + after.h <= 118, `printed address leaves the window: ${JSON.stringify(after)}`);
    // … and the printed copy has it in the same place, within 2 px (0,5 mm).
    for (const k of ["x", "y", "w", "h"]) {
      assert.ok(Math.abs(before[k] - after[k]) <= 2, `the address moved: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    }
    await click(browser, 'dialog[open] button[data-action="close-print"]');
    await click(browser, 'button[data-action="close-letter"]');
  });

  it("prints the day's letters after a cover list, and records them as posted when asked", async () => {
    await click(browser, stepButton(consumer, "produce-letter"));
    await browser.$("[data-letter-reference]").waitForDisplayed();
    await click(browser, 'button[data-action="close-letter"]');
    // Made, not posted: both still on Vandaag.
    assert.equal((await todaySteps(browser)).length, 2);

    await click(browser, 'button[data-action="print-todays-letters"]');
    await browser.$("dialog[open] [data-cover-list]").waitForDisplayed();
    const rows = await browser.$$("dialog[open] [data-cover-list] [data-day-letter]").map((r) => r.getText());
    assert.equal(rows.length, 2);
    assert.match(rows[0], new RegExp(business));
    assert.match(rows[1], new RegExp(consumer));
    await click(browser, 'dialog[open] input[name="markPosted"]');
    await screenshot(browser, "print-cover-list");
    const outcome = await confirmPrint(browser, /afvinklijst|lukte niet|staat stil/);
    const jobs = new RegExp(`2 brieven en de afvinklijst verstuurd naar printer ${queue} \\(opdrachten (\\S+), (\\S+), (\\S+)\\)\\. 2 brieven als verstuurd per post vastgelegd op 19-10-2026\\.`).exec(outcome);
    assert.ok(jobs, outcome);
    const cover = await printedFile(browser, jobs[1]);
    assert.equal(pdfInfo(cover).pages, 1);
    for (const id of jobs.slice(2)) {
      assert.ok(pdfInfo(await printedFile(browser, id)).pages >= 1);
    }
    await click(browser, 'dialog[open] button[data-action="close-print"]');
    // Posted today: the reminders are done.
    await browser.waitUntil(async () => (await todaySteps(browser)).length === 0);
  });

  it("says so when the queue is stopped, when the printer is gone, and when there is none", async () => {
    await click(browser, 'button[data-nav="invoices"]');
    await waitForHeading(browser, "Facturen");
    await click(browser, "button=2026-0001");
    await waitForHeading(browser, "Factuur 2026-0001");

    execFileSync("cupsdisable", [queue]);
    await click(browser, 'button[data-action="print-invoice"]');
    await browser.$('dialog[open] [data-print-dialog] select[name="printer"]').waitForDisplayed();
    await confirmPrint(browser, new RegExp(`Printer ${queue} staat stil \\(gepauzeerd\\)`));
    await screenshot(browser, "print-stopped");
    execFileSync("cupsenable", [queue]);

    // The printer disappears while the dialog is open.
    execFileSync("lpadmin", ["-x", queue]);
    await confirmPrint(browser, new RegExp(`Printer ${queue} bestaat niet \\(meer\\)`));
    await click(browser, 'dialog[open] button[data-action="close-print"]');

    // No printer at all (when the queue was the only one): the dialog offers the PDF instead.
    const others = execFileSync("lpstat", ["-e"], { encoding: "utf8" }).trim();
    await click(browser, 'button[data-action="print-invoice"]');
    if (others === "") {
      await browser.$("dialog[open] [data-no-printer]").waitForDisplayed();
      assert.match(await browser.$("dialog[open] [data-no-printer]").getText(), /geen printer/);
      await screenshot(browser, "print-no-printer");
      await click(browser, 'dialog[open] button[data-action="print-save-pdf"]');
      await waitForText(browser, "Factuur 2026-0001.pdf");
    } else {
      await click(browser, 'dialog[open] button[data-action="close-print"]');
    }
  });
});
