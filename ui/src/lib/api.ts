/**
 * The only module that talks to the Rust side. Every call returns the typed result or throws
 * an `AppError` ({code, message, fields}); UI tests swap the transport with `setTransport`.
 */
import { invoke } from "@tauri-apps/api/core";
import type {
  AppError,
  AppState,
  Client,
  ClientForm,
  ClientQuery,
  ClientSummary,
  Language,
  LogoUpload,
  Profile,
  ProfileForm,
  Saved,
} from "./bindings";

export type Transport = (command: string, args?: Record<string, unknown>) => Promise<unknown>;

let transport: Transport = invoke;

/** Replaces the IPC transport (tests only). */
export function setTransport(next: Transport): void {
  transport = next;
}

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AppError).code === "string" &&
    typeof (value as AppError).message === "string" &&
    Array.isArray((value as AppError).fields)
  );
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return (await transport(command, args)) as T;
  } catch (error) {
    if (isAppError(error)) throw error;
    // The IPC layer itself failed (e.g. an argument it could not read): never show raw text.
    console.error(`tijdig: ${command} failed`, error);
    const unexpected: AppError = {
      code: "internal",
      message: "Er ging iets onverwachts mis. Er is niets veranderd; probeer het opnieuw.",
      fields: [],
    };
    throw unexpected;
  }
}

export const api = {
  appState: () => call<AppState>("app_state"),
  setUiLanguage: (language: Language) => call<AppState>("set_ui_language", { language }),
  getProfile: () => call<Profile | null>("get_profile"),
  saveProfile: (form: ProfileForm) => call<Saved<Profile>>("save_profile", { form }),
  setLogo: (upload: LogoUpload) => call<Profile>("set_logo", { upload }),
  removeLogo: () => call<Profile>("remove_logo"),
  listClients: (query: ClientQuery) => call<ClientSummary[]>("list_clients", { query }),
  getClient: (id: number) => call<Client>("get_client", { id }),
  createClient: (form: ClientForm) => call<Saved<Client>>("create_client", { form }),
  updateClient: (id: number, form: ClientForm) =>
    call<Saved<Client>>("update_client", { id, form }),
  setClientArchived: (id: number, archived: boolean) =>
    call<Client>("set_client_archived", { id, archived }),
  markReady: () => call<void>("mark_ready"),
};
