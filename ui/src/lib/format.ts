/** nl-NL formats: `€ 1.234,56` and `22-11-2026` (letters: `22 november 2026`). */

const money = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
const unitPrice = new Intl.NumberFormat("nl-NL", {
  style: "currency",
  currency: "EUR",
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const shortDate = new Intl.DateTimeFormat("nl-NL", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});
const longDate = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});

/**
 * Formats an exact decimal amount as sent by the engine (a string like "1234.56"), with a
 * no-break space after the euro sign so "€ 1.234,56" never breaks.
 */
export function formatMoney(amount: string): string {
  // Amounts arrive already rounded to the cent, so a double is exact enough for display.
  return money.format(Number(amount));
}

/** A unit price: two decimals, or up to four when it has them (`€ 0,335`). */
export function formatUnitPrice(amount: string): string {
  return unitPrice.format(Number(amount));
}

function parse(value: string): Date {
  // A date without time is a calendar day: noon keeps it on that day in every time zone.
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
}

/** `22-11-2026` from an ISO date or timestamp; anything else is shown as it is. */
export function formatDate(value: string): string {
  const date = parse(value);
  return Number.isNaN(date.getTime()) ? value : shortDate.format(date);
}

/** `22 november 2026`, for letters. */
export function formatLongDate(value: string): string {
  const date = parse(value);
  return Number.isNaN(date.getTime()) ? value : longDate.format(date);
}
