/** Option lists for selects and radio groups, labelled in the current language. */
import type { ClientKind, DebtorType, Language, LegalForm, PreferredChannel } from "./bindings";
import { t } from "./i18n.svelte";

export const debtorTypes: DebtorType[] = [
  "unknown",
  "forgets",
  "cannot_pay",
  "will_not_pay",
  "cannot_and_will_not",
];

export const legalFormOptions = () =>
  (["sole_trader", "partnership", "private_company", "other"] as LegalForm[]).map((value) => ({
    value,
    label: t(`legalForm.${value}`),
  }));

export const languageOptions = () =>
  (["nl", "en"] as Language[]).map((value) => ({ value, label: t(`language.${value}`) }));

export const kindOptions = () =>
  (["business", "consumer"] as ClientKind[]).map((value) => ({
    value,
    label: t(`client.kind.${value}`),
  }));

export const channelOptions = () =>
  (["email", "phone", "letter"] as PreferredChannel[]).map((value) => ({
    value,
    label: t(`channel.${value}`),
  }));

export const debtorTypeOptions = () =>
  debtorTypes.map((value) => ({ value, label: t(`debtor.${value}`) }));
