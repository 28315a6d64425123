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
});
