// The UI at scale: on a generated database of 20,000 invoices the invoice list opens, pages,
// searches, opens an invoice and comes back to the same rows, each step under one second in
// the real window. Each step is timed inside the window, from the click or keystroke until
// the screen shows its answer (performance.now(), so WebDriver's round trips do not count).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { emptyDataDir, launch, root, screenshot } from "./support/app.js";

const INVOICES = 20000;
const CLIENTS = 400;
const TODAY = "2026-11-20";
const LIMIT_MS = 1000;

/** The project's data generator (an example of tijdig-app), built if `cargo test` did not. */
function generator() {
  const built = join(root, "target/debug/examples/generate");
  if (!existsSync(built)) {
    execFileSync("cargo", ["build", "--locked", "-p", "tijdig-app", "--example", "generate"], {
      cwd: root,
      stdio: "inherit",
    });
  }
  return built;
}

/**
 * Runs `step` in the window (a click or a keystroke) and waits there, frame by frame, until
 * `ready` holds; returns the milliseconds in between, or -1 after 10 s. Both are passed as the
 * name of a function of `window.__scale`, installed by `installSteps`.
 */
async function timed(browser, step, ready, arg = null) {
  return browser.executeAsync(
    (step, ready, arg, done) => {
      const s = window.__scale;
      const start = performance.now();
      s[step](arg);
      const check = () => {
        if (s[ready](arg)) done(Math.round(performance.now() - start));
        else if (performance.now() - start > 10000) done(-1);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    },
    step,
    ready,
    arg,
  );
}

/** The steps and the conditions, as plain functions in the window. */
async function installSteps(browser) {
  await browser.execute(() => {
    const rows = () => [...document.querySelectorAll("tr[data-invoice-id]")];
    const countText = () => document.querySelector("p.count")?.textContent ?? "";
    const heading = () => document.querySelector("main h1")?.textContent?.trim() ?? "";
    const search = () => document.querySelector('input[name="search"]');
    window.__scale = {
      openList: () => document.querySelector('button[data-nav="invoices"]').click(),
      listShown: () => heading() === "Facturen" && rows().length === 100 && countText().includes("1–100 van"),
      nextPage: () => document.querySelector('button[data-action="next-page"]').click(),
      secondPageShown: () => rows().length > 0 && countText().includes("101–"),
      type: (term) => {
        const input = search();
        input.value = term;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      },
      searched: (term) => {
        const shown = rows();
        return (
          shown.length > 0 &&
          countText().length > 0 &&
          shown.every((r) => r.children[1].textContent.toLowerCase().includes(term.toLowerCase()))
        );
      },
      openFirst: () => rows()[0].querySelector("button.number").click(),
      invoiceShown: (number) => heading().includes(number) && !!document.querySelector("main .card"),
      back: () => document.querySelector("button.back").click(),
      backAtSearch: (term) => heading() === "Facturen" && search()?.value === term && window.__scale.searched(term),
      firstRow: () => {
        const r = rows()[0];
        return { number: r.querySelector("button.number").textContent.trim(), client: r.children[1].textContent.trim() };
      },
    };
  });
}

describe("the invoice list at 20,000 invoices", () => {
  const dataDir = emptyDataDir();
  let browser;
  const times = {};

  before(() => {
    execFileSync(
      generator(),
      ["--data-dir", dataDir, "--clients", String(CLIENTS), "--invoices", String(INVOICES), "--today", TODAY],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
  });

  after(async () => {
    console.log(`scale steps (ms): ${JSON.stringify(times)}`);
    await browser?.deleteSession().catch(() => {});
  });

  it("opens the list, pages, searches, opens an invoice and comes back, each within a second", async () => {
    browser = await launch(dataDir, { today: TODAY });
    await installSteps(browser);

    times.openList = await timed(browser, "openList", "listShown");
    await screenshot(browser, "60-invoices-20k");
    times.nextPage = await timed(browser, "nextPage", "secondPageShown");

    // Part of the name of a client of the list: the middle letters of its first word.
    const { client } = await browser.execute(() => window.__scale.firstRow());
    const word = client.split(/\s+/).find((w) => w.length >= 5) ?? client;
    const term = word.slice(1, 5);
    times.search = await timed(browser, "type", "searched", term);
    await screenshot(browser, "61-invoices-20k-search");

    const { number } = await browser.execute(() => window.__scale.firstRow());
    times.openInvoice = await timed(browser, "openFirst", "invoiceShown", number);
    await installSteps(browser);
    times.back = await timed(browser, "back", "backAtSearch", term);

    for (const [step, ms] of Object.entries(times)) {
      assert.ok(ms >= 0, `${step}: the screen never showed its answer`);
      assert.ok(ms < LIMIT_MS, `${step} took ${ms} ms (limit ${LIMIT_MS} ms)`);
    }
  });
});
