/** The screen being shown. A desktop app needs no URLs: a small state machine suffices. */
import { tick } from "svelte";

export type SettingsTab = "profile" | "invoices" | "followUp" | "rates" | "backups" | "signing" | "mail" | "terms" | "display" | "about";

export type Route =
  | { name: "today" }
  | { name: "dashboard" }
  | { name: "clients" }
  | { name: "client"; id: number }
  | { name: "client-new" }
  | { name: "client-edit"; id: number }
  | { name: "invoices" }
  | { name: "invoice"; id: number }
  | { name: "invoice-new"; clientId?: number }
  | { name: "invoice-edit"; id: number }
  | { name: "invoice-schedules" }
  | { name: "invoice-vat" }
  | { name: "invoice-schedule-new"; clientId?: number }
  | { name: "invoice-schedule-edit"; id: number }
  | { name: "offers" }
  | { name: "offer"; id: number }
  | { name: "offer-new"; clientId?: number }
  | { name: "offer-edit"; id: number }
  | { name: "arrangements" }
  | { name: "bank" }
  | { name: "arrangement"; id: number }
  | { name: "arrangement-new"; clientId?: number }
  | { name: "settings"; tab: SettingsTab };

const state = $state({ route: { name: "today" } as Route });

export function currentRoute(): Route {
  return state.route;
}

/** Shows another screen and moves focus to its heading, as a page load would. */
export async function navigate(next: Route): Promise<void> {
  state.route = next;
  await tick();
  document.getElementById("main")?.scrollTo(0, 0);
  document.querySelector<HTMLElement>("main h1")?.focus();
}
