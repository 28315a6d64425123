/**
 * What the invoice list was showing — search, filters, order and page — kept for the rest of
 * the session, so "back" from an invoice returns to the same rows instead of the first page.
 */
import type { InvoiceSort, InvoiceStatus } from "./bindings";

export const invoiceList = $state({
  search: "",
  status: "all" as InvoiceStatus | "all",
  client: "all",
  sort: "due_date" as InvoiceSort,
  offset: 0,
});
