// Starting Tijdig on data it must not touch, and where the data lives.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { click, emptyDataDir, heading, launch, screenshot, waitForHeading } from "./support/app.js";
import { completeWelcome } from "./support/flows.js";

describe("start-up", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("a database written by a newer Tijdig is refused with a clear message and left byte-identical", async () => {
    const dataDir = emptyDataDir();
    const db = join(dataDir, "tijdig.sqlite3");
    execFileSync("python3", [
      "-c",
      "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA application_id=1414089284'); c.execute('PRAGMA user_version=999'); c.execute('CREATE TABLE future(x)'); c.commit(); c.close()",
      db,
    ]);
    const before = readFileSync(db);
    browser = await launch(dataDir);
    assert.equal(await heading(browser), "Tijdig kan je gegevens niet openen");
    assert.match(await browser.$("main").getText(), /nieuwere versie van Tijdig/);
    await screenshot(browser, "08-newer-database");
    await browser.deleteSession();
    browser = undefined;
    assert.deepEqual(readFileSync(db), before);
  });

  it("Settings shows where the data lives and the UI can switch to English", async () => {
    const dataDir = emptyDataDir();
    browser = await launch(dataDir);
    await completeWelcome(browser);
    await click(browser, 'button[data-nav="settings"]');
    await waitForHeading(browser, "Instellingen");
    await click(browser, "#tab-about");
    assert.equal(await browser.$('[data-testid="data-dir"]').getText(), dataDir);
    await click(browser, "#tab-display");
    await browser.$('select[name="uiLanguage"]').selectByAttribute("value", "en");
    await click(browser, "button=Opslaan");
    await waitForHeading(browser, "Settings");
    assert.equal(await browser.$('button[data-nav="clients"]').getText(), "Clients");
    await screenshot(browser, "09-settings-english");
  });
});
