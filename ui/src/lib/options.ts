/** Option lists for selects and radio groups, labelled in the current language. */
import type {
  FollowUpChannel,
  FollowUpStep,
  ClientKind,
  DebtorType,
  InvoiceStatus,
  Language,
  LegalForm,
  PaymentMethod,
  PreferredChannel,
  ReferenceKind,
  VatRegime,
  VatTreatment,
} from "./bindings";
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

export const vatOptions = () =>
  (["standard21", "reduced9", "zero", "reverse_charge", "exempt"] as VatTreatment[]).map(
    (value) => ({ value, label: t(`vat.${value}`) }),
  );

export const regimeOptions = () =>
  (["normal", "kor", "reverse_charge", "intra_eu"] as VatRegime[]).map((value) => ({
    value,
    label: t(`regime.${value}`),
  }));

export const referenceOptions = () =>
  (["rf", "dutch16"] as ReferenceKind[]).map((value) => ({
    value,
    label: t(`reference.${value}`),
  }));

export const methodOptions = () =>
  (["bank", "cash", "other"] as PaymentMethod[]).map((value) => ({
    value,
    label: t(`method.${value}`),
  }));

export const invoiceStatuses: InvoiceStatus[] = [
  "draft",
  "open",
  "overdue",
  "partly_paid",
  "paid",
  "interest_costs_open",
  "credited",
];

/** Status as a word and a colour (design: never colour alone). */
export function statusTone(status: InvoiceStatus): "grey" | "blue" | "amber" | "green" {
  switch (status) {
    case "overdue":
    case "interest_costs_open":
      return "amber";
    case "paid":
      return "green";
    case "open":
    case "partly_paid":
      return "blue";
    default:
      return "grey";
  }
}

export function followUpStepOptions(): { value: FollowUpStep; label: string }[] {
  const steps: FollowUpStep[] = [
    "contact_moment",
    "reminder",
    "dunning",
    "notice_of_default",
    "fourteen_day_letter",
    "hand_over",
  ];
  return steps.map((value) => ({ value, label: t(`step.${value}`) }));
}

export function followUpChannelOptions(): { value: FollowUpChannel; label: string }[] {
  const channels: FollowUpChannel[] = ["phone", "email", "letter", "message"];
  return channels.map((value) => ({ value, label: t(`channel.${value}`) }));
}
