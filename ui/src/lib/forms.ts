/** Helpers for forms: field errors and warnings from an AppError / Saved result. */
import type { AppError, FieldMessage } from "./bindings";

export type FieldMessages = Record<string, string>;

export function byField(messages: FieldMessage[]): FieldMessages {
  const out: FieldMessages = {};
  for (const m of messages) {
    out[m.field] ??= m.message;
  }
  return out;
}

/** Moves keyboard focus to the first invalid field so the user lands on the problem. */
export function focusFirstInvalid(root: ParentNode = document): void {
  const first = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.focus();
}

export function fieldErrors(error: unknown): FieldMessages {
  const e = error as AppError;
  return e && Array.isArray(e.fields) ? byField(e.fields) : {};
}

/**
 * Forgets the message of the field the user just changed (an `input` event bubbling from it,
 * named as the message's field): a corrected value never keeps a stale error until the next
 * save. Put on the form or the element around its fields.
 */
export function forget(errors: FieldMessages, event: Event): void {
  const name = (event.target as HTMLInputElement | null)?.name;
  if (name && name in errors) delete errors[name];
}
