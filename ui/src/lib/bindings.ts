// Generated from crates/tijdig-app (transfer types). Do not edit by hand:
// UPDATE_BINDINGS=1 cargo test -p tijdig-app --test bindings

export type ErrorCode = "validation" | "not_found" | "database_too_new" | "not_a_tijdig_database" | "storage" | "internal";

export type FieldMessage = { field: string, 
/**
 * Stable machine code (e.g. `iban_checksum`), for tests.
 */
code: string, message: string, };

export type AppError = { code: ErrorCode, message: string, fields: Array<FieldMessage>, };

export type Language = "nl" | "en";

export type LegalForm = "sole_trader" | "partnership" | "private_company" | "other";

export type ClientKind = "business" | "consumer";

export type PreferredChannel = "email" | "phone" | "letter";

export type DebtorType = "unknown" | "forgets" | "cannot_pay" | "will_not_pay" | "cannot_and_will_not";

export type AppState = { 
/**
 * False until the business profile has been saved once: the UI shows the welcome.
 */
onboarded: boolean, uiLanguage: Language, 
/**
 * Where the database lives, shown in Settings.
 */
dataDir: string, version: string, };

export type ProfileForm = { tradeName: string, legalName: string, legalForm: LegalForm, street: string, houseNumber: string, postcode: string, city: string, country: string, kvk: string, btwId: string, iban: string, accountHolder: string, email: string, phone: string, website: string, accentColour: string, kor: boolean, paymentTermDays: string, documentLanguage: Language, };

export type Profile = { form: ProfileForm, logoDataUrl: string | null, };

export type Saved<T> = { value: T, warnings: Array<FieldMessage>, };

export type LogoUpload = { base64: string, };

export type ClientForm = { kind: ClientKind, name: string, contactPerson: string, street: string, houseNumber: string, postcode: string, city: string, country: string, email: string, phone: string, kvk: string, btwId: string, iban: string, preferredChannel: PreferredChannel, 
/**
 * Empty: the default from the business profile applies.
 */
paymentTermDays: string, documentLanguage: Language, notes: string, debtorType: DebtorType, };

export type Client = { id: number, form: ClientForm, archived: boolean, createdAt: string, };

export type ClientSummary = { id: number, kind: ClientKind, name: string, contactPerson: string | null, city: string | null, email: string | null, debtorType: DebtorType, archived: boolean, };

export type ClientSort = "name" | "city" | "newest";

export type ClientQuery = { search: string, sort: ClientSort, includeArchived: boolean, };
