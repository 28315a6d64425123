// Vandaag in a user's words: the steps planned, a step's button, a letter made and read.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { click, waitForHeading, waitForText } from "./app.js";

/** The steps on "Vandaag", as "client: step" lines. */
export async function todaySteps(browser) {
  await waitForHeading(browser, "Vandaag");
  await browser.waitUntil(async () =>
    (await browser.$("[data-today-empty]").isExisting()) || (await browser.$("[data-today-client]").isExisting()),
  );
  return browser.execute(() =>
    [...document.querySelectorAll("[data-today-client]")].flatMap((c) =>
      [...c.querySelectorAll("[data-step]")].map((s) => `${c.dataset.todayClient}: ${s.dataset.step}`),
    ),
  );
}

export function stepButton(client, action) {
  return `[data-today-client="${client}"] button[data-action="${action}"]`;
}

/** Makes the letter of a client's step; returns the PDF's text. */
export async function makeLetter(browser, client) {
  await click(browser, stepButton(client, "produce-letter"));
  await browser.$("[data-letter-reference]").waitForDisplayed();
  await click(browser, 'button[data-action="open-letter"]');
  await waitForText(browser, "PDF geopend:");
  const notice = await browser.$('dialog [data-notice="success"]').getText();
  const path = notice.slice(notice.indexOf("/"));
  assert.ok(existsSync(path), `the letter exists at ${path}`);
  const text = execFileSync("pdftotext", [path, "-"], { encoding: "utf8" });
  return { text, flat: text.replace(/\s+/g, " ") };
}
