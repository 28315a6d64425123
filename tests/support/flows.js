// Steps a user takes often, written once.
import { click, fill, select, waitForHeading } from "./app.js";

export const studio = {
  tradeName: "Studio Jansen",
  street: "Keizersgracht",
  houseNumber: "12a",
  postcode: "1015cj",
  city: "Amsterdam",
  kvk: "01234567",
  btwId: "NL000099998B57",
  iban: "NL91 ABNA 0417 1643 00",
  accountHolder: "S. Jansen",
  paymentTermDays: "14",
  email: "sanne@studiojansen.nl",
};

/** Welcome → business profile → saved; ends on the (empty) client list. */
export async function completeWelcome(browser, profile = studio) {
  if (await browser.$('button[data-action="start"]').isExisting()) {
    await click(browser, 'button[data-action="start"]');
  }
  await waitForHeading(browser, "Je bedrijfsgegevens");
  await fill(browser, profile);
  await click(browser, 'button[form="welcome-profile"]');
  await waitForHeading(browser, "Klanten");
}

/** Adds a client through the form; ends on the new client's page. */
export async function addClient(browser, { kind = "business", ...fields }) {
  await click(browser, 'button[data-action="new-client"]');
  await waitForHeading(browser, "Nieuwe klant");
  await click(browser, `input[name="kind"][value="${kind}"]`);
  const { debtorType, ...text } = fields;
  await fill(browser, text);
  if (debtorType) await select(browser, "debtorType", debtorType);
  await click(browser, 'button[data-action="save-client"]');
}

/**
 * Writes and issues a one-line invoice (21 % btw) for `client`; `date` empty keeps today.
 * With `paidOn`, registers the whole amount as paid that day. Ends on the invoice's page.
 */
export async function issueInvoice(browser, { client, date = "", description = "Werk", quantity = "10", unitPrice = "100", paidOn = null }) {
  await click(browser, 'button[data-nav="invoices"]');
  await waitForHeading(browser, "Facturen");
  await click(browser, 'button[data-action="new-invoice"]');
  await waitForHeading(browser, "Nieuwe factuur");
  await browser.$('select[name="clientId"]').selectByVisibleText(client);
  const fields = { "lines.0.description": description, "lines.0.quantity": quantity, "lines.0.unitPrice": unitPrice };
  await fill(browser, date ? { invoiceDate: date, ...fields } : fields);
  await select(browser, "lines.0.vat", "standard21");
  await click(browser, 'button[data-action="save-invoice"]');
  await waitForHeading(browser, "Conceptfactuur");
  await click(browser, 'button[data-action="issue"]');
  await click(browser, 'button[data-action="confirm-issue"]');
  await browser.waitUntil(async () => (await browser.$("main h1").getText()).startsWith("Factuur 2026-"));
  if (paidOn) {
    await click(browser, 'button[data-action="pay"]');
    // The invoice amount (lines at 21 % btw), typed: the dialog proposes the whole claim.
    const amount = (Number(quantity) * Number(unitPrice) * 1.21).toFixed(2).replace(".", ",");
    await fill(browser, { paidOn, amount });
    await click(browser, 'button[data-action="save-payment"]');
    // Paid late with only its amount, interest and costs stay open (the pay button stays).
    await browser.$('button[data-action="save-payment"]').waitForDisplayed({ reverse: true });
  }
}
