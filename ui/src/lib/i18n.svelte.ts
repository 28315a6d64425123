/**
 * UI language: Dutch first, English second. `t()` reads the current locale, so components
 * re-render when it changes. Formats always follow nl-NL (money, dates), see format.ts.
 */
import type { Language } from "./bindings";
import { en } from "./en";
import { nl, type MessageKey } from "./nl";

const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en };

const state = $state({ locale: "nl" as Language });

export function locale(): Language {
  return state.locale;
}

export function setLocale(language: Language): void {
  state.locale = language;
  document.documentElement.lang = language;
}

/**
 * The text for `key` in the current language, with `{name}` placeholders filled in. A count
 * `n` of 1 (or -1) takes the singular `key.one` when there is one: "1 dag", never "1 dagen".
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const dictionary = dictionaries[state.locale];
  const one = `${key}.one` as MessageKey;
  const singular = "n" in params && Math.abs(Number(params.n)) === 1 && one in dictionary;
  const template = singular ? dictionary[one] : (dictionary[key] ?? nl[key]);
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

export type { MessageKey };
