/** What several screens share: the app state, the profile defaults and a one-time message. */
import type { AppState, Profile } from "./bindings";

export const session = $state({
  app: null as AppState | null,
  profile: null as Profile | null,
  /** A confirmation shown once on the next screen ("Klant toegevoegd."). */
  flash: null as string | null,
});

/** The default payment term from the business profile, for hints. */
export function defaultTermDays(): string {
  return session.profile?.form.paymentTermDays ?? "14";
}

export function takeFlash(): string | null {
  const message = session.flash;
  session.flash = null;
  return message;
}
