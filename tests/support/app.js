// Starts the real Tijdig window through tauri-driver (started by scripts/e2e-session.sh) and
// gives tests a few words in the user's terms.
import { remote } from "webdriverio";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");
export const binary = process.env.TIJDIG_APP_BINARY ?? join(root, "target/debug/tijdig");
export const screenshotDir = join(root, "target/screenshots");

/** A fresh, empty data directory: every test starts as a new user. */
export function emptyDataDir() {
  return mkdtempSync(join(tmpdir(), "tijdig-e2e-"));
}

/**
 * Opens the app window on `dataDir` and waits until its first screen is up. `today`
 * (YYYY-MM-DD) sets the app's clock for this run.
 */
export async function launch(dataDir, { today } = {}) {
  const args = ["--data-dir", dataDir, ...(today ? ["--today", today] : [])];
  const browser = await remote({
    hostname: "127.0.0.1",
    port: Number(process.env.TAURI_DRIVER_PORT ?? 4444),
    logLevel: "error",
    connectionRetryCount: 0,
    capabilities: {
      "tauri:options": { application: binary, args },
    },
  });
  await browser.$("h1").waitForExist({ timeout: 15000 });
  return browser;
}

/**
 * Captures the X display the app runs on. (WebDriver's own screenshot command hangs when
 * WebKit runs without accelerated compositing, which is how Tijdig runs on Linux.)
 */
export async function screenshot(browser, name) {
  mkdirSync(screenshotDir, { recursive: true });
  // Let WebKit paint the last change before capturing.
  await browser.execute(() => new Promise((r) => setTimeout(r, 150)));
  execFileSync("import", ["-window", "root", join(screenshotDir, `${name}.png`)]);
}

/** Types into the labelled form field with this `name`, replacing what was there. */
export async function fill(browser, fields) {
  for (const [name, value] of Object.entries(fields)) {
    const input = await browser.$(`[name="${name}"]`);
    await input.waitForDisplayed();
    await input.clearValue();
    if (value !== "") {
      await input.setValue(value);
    } else {
      // WebDriver's clear fires no `input` event; the UI listens for it.
      await browser.execute((el) => el.dispatchEvent(new Event("input", { bubbles: true })), input);
    }
  }
}

export async function select(browser, name, value) {
  await browser.$(`select[name="${name}"]`).selectByAttribute("value", value);
}

export async function click(browser, selector) {
  const element = browser.$(selector);
  await element.waitForClickable();
  await element.click();
}

export async function heading(browser) {
  const h1 = browser.$("main h1");
  await h1.waitForExist();
  return h1.getText();
}

/** The error message shown at a field, or "" when there is none. */
export async function fieldError(browser, name) {
  const el = browser.$(`[data-error-for="${name}"]`);
  return (await el.isExisting()) ? el.getText() : "";
}

export async function waitForHeading(browser, text) {
  await browser.waitUntil(async () => (await heading(browser)) === text, {
    timeout: 5000,
    timeoutMsg: `expected heading "${text}", got "${await heading(browser)}"`,
  });
}

/** The names in the client list, top to bottom. */
export async function clientNames(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll("tr[data-client-id] button.name")].map((b) => b.textContent.trim()),
  );
}

/** Waits until the main area shows `text` somewhere. */
export async function waitForText(browser, text) {
  await browser.waitUntil(async () => (await browser.$("main").getText()).includes(text), {
    timeout: 5000,
    timeoutMsg: `expected the screen to show "${text}"`,
  });
}
