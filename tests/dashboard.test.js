// The dashboard in the real window on a small data set whose figures are worked out by hand
// (the same as crates/tijdig-app/tests/dashboard.rs): KPIs, aging, forecast and risk, each
// also as a table; opened in under a second; looked at on 1280×800 and a small laptop.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { click, emptyDataDir, launch, screenshot, waitForHeading, waitForText } from "./support/app.js";
import { addClient, completeWelcome, issueInvoice } from "./support/flows.js";

async function kpi(browser, code) {
  return browser.$(`[data-kpi="${code}"] [data-value]`).getText();
}

async function tableRows(browser, id) {
  return browser.execute(
    (id) =>
      [...document.querySelectorAll(`[data-table="${id}"] tbody tr`)].map((r) =>
        [...r.cells].map((c) => c.textContent.replace(/\s+/g, " ").trim()).join(" "),
      ),
    id,
  );
}

describe("dashboard", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
  });

  it("shows the hand-computed KPIs, aging, forecast and risk for a small data set", async () => {
    const dataDir = emptyDataDir();
    browser = await launch(dataDir, { today: "2026-11-22" });
    await completeWelcome(browser);
    await addClient(browser, { kind: "business", name: "Grafisch Bureau Noord", street: "Havenstraat", houseNumber: "3", postcode: "9711 AA", city: "Groningen", paymentTermDays: "14" });
    await waitForHeading(browser, "Grafisch Bureau Noord");
    await click(browser, 'button[data-nav="clients"]');
    await addClient(browser, { kind: "consumer", name: "Pieter Bakker", street: "Lindelaan", houseNumber: "8", postcode: "8011 AB", city: "Zwolle", paymentTermDays: "14", debtorType: "cannot_pay" });
    await waitForHeading(browser, "Pieter Bakker");
    await issueInvoice(browser, { client: "Grafisch Bureau Noord", date: "01-08-2026", quantity: "10", paidOn: "25-08-2026" });
    await issueInvoice(browser, { client: "Grafisch Bureau Noord", date: "01-10-2026", quantity: "20" });
    await issueInvoice(browser, { client: "Pieter Bakker", date: "01-09-2026", quantity: "5", paidOn: "10-09-2026" });
    await issueInvoice(browser, { client: "Pieter Bakker", date: "15-11-2026", quantity: "5" });

    await click(browser, 'button[data-nav="dashboard"]');
    await waitForHeading(browser, "Dashboard");
    const dash = browser.$("[data-dashboard]");
    await dash.waitForExist();
    const opened = Number(await dash.getAttribute("data-opened-ms"));
    assert.ok(opened < 1000, `the dashboard opened in ${opened} ms`);

    // The invoice amounts (€ 3.025) plus the interest and costs the business client owes: the
    // same figures as the invoices (crates/tijdig-app/tests/dashboard.rs derives € 110,75).
    assert.equal(await kpi(browser, "open"), "€ 3.135,75");
    assert.equal(await kpi(browser, "interest_costs_open"), "€ 110,75");
    assert.equal(await kpi(browser, "overdue"), "€ 2.420,00");
    assert.equal(await kpi(browser, "open_count"), "2");
    assert.equal(await kpi(browser, "dso"), "75 dagen");
    assert.equal(await kpi(browser, "average_days_late"), "6,7 dagen");
    assert.equal(await kpi(browser, "paid_on_time"), "50 %");
    assert.match(await browser.$('[data-kpi="dso"]').getAttribute("title"), /90 dagen/);

    const aging = await tableRows(browser, "aging");
    assert.equal(aging[0], "Totaal € 605,00 € 0,00 € 2.420,00 € 0,00 € 0,00 € 3.025,00");
    const forecast = await tableRows(browser, "forecast");
    assert.equal(forecast[0], "22-11-2026 € 3.025,00 € 2.420,00");
    assert.equal(forecast.length, 14);
    const risk = await tableRows(browser, "risk");
    assert.match(risk[0], /^Grafisch Bureau Noord 50 /);
    assert.match(risk[1], /^Pieter Bakker 13 /);
    await screenshot(browser, "40-dashboard-1280");

    // The one-page report for the accountant or bank.
    await click(browser, 'button[data-action="dashboard-report"]');
    await waitForText(browser, "PDF geopend:");
    const notice = await browser.$('[data-notice="success"]').getText();
    const path = notice.slice(notice.indexOf("/"));
    const report = execFileSync("pdftotext", [path, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    assert.match(report, /Debiteurenrapport Studio Jansen/);
    assert.match(report, /Grafisch Bureau Noord/);
    assert.match(execFileSync("pdfinfo", [path], { encoding: "utf8" }), /Pages:\s+1/);

    await browser.setWindowSize(1024, 700);
    await browser.execute(() => new Promise((r) => setTimeout(r, 300)));
    await screenshot(browser, "41-dashboard-1024");
    await browser.setWindowSize(1280, 800);

    // A client's card shows its payment history.
    await click(browser, "button=Grafisch Bureau Noord");
    await waitForHeading(browser, "Grafisch Bureau Noord");
    const history = await tableRows(browser, "history");
    assert.equal(history[0], "2026-0001 15-08-2026 25-08-2026 10 € 1.210,00");
  });
});
