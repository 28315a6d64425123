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
