import { describe, expect, it } from "vitest";
import { en } from "./en";
import { setLocale, t } from "./i18n.svelte";
import { nl } from "./nl";

describe("i18n", () => {
  it("has an English text for every Dutch key and no extra ones", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it("uses the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(names(en[key]), key).toEqual(names(nl[key]));
    }
  });

  it("speaks Dutch by default and fills placeholders", () => {
    setLocale("nl");
    expect(t("nav.clients")).toBe("Klanten");
    expect(t("client.since", { date: "22-11-2026" })).toBe("Klant sinds 22-11-2026");
    setLocale("en");
    expect(t("nav.clients")).toBe("Clients");
    expect(document.documentElement.lang).toBe("en");
    setLocale("nl");
  });

  it("says one in the singular: 1 dag, 2 dagen, 1 day", () => {
    setLocale("nl");
    expect(t("common.days", { n: 1 })).toBe("1 dag");
    expect(t("common.days", { n: 2 })).toBe("2 dagen");
    expect(t("policy.days", { n: "-1" })).toBe("-1 dag");
    expect(t("count.clients", { n: 0 })).toBe("0 klanten");
    setLocale("en");
    expect(t("count.invoices", { n: 1 })).toBe("1 invoice");
    setLocale("nl");
  });
});
