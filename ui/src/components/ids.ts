let next = 0;

/** A document-unique id for a form control. */
export function uid(prefix = "f"): string {
  next += 1;
  return `${prefix}-${next}`;
}

/** The `aria-describedby` value for a control inside a FieldShell. */
export function describedBy(id: string, hint?: string, error?: string, warning?: string): string | undefined {
  const ids = [hint && `${id}-hint`, error ? `${id}-error` : warning && `${id}-warning`].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}
