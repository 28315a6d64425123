/**
 * The only module that talks to the Rust side. Every call returns the typed result or throws
 * an `AppError` ({code, message, fields}); UI tests swap the transport with `setTransport`.
 */
import { invoke } from "@tauri-apps/api/core";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type {
  AppError,
  AppState,
  CsvExport,
  FullExport,
  EmailDraft,
  EmailForm,
  MailSettings,
  MailSettingsForm,
  MailTestResult,
  SentEmail,
  MailTemplates,
  MailTemplateForm,
  SendTiming,
  PdfCheck,
  SigningCertificate,
  AssignableInvoice,
  BankAssignForm,
  BankImportOutcome,
  BankImportResult,
  CsvColumnsForm,
  InvoiceImportPreview,
  ClientImportPreview,
  ClientImportResult,
  InvoiceSchedule,
  PaymentLinkExample,
  MessageDraft,
  VatReturnReport,
  QuarterChoice,
  ScheduleForm,
  InvoiceImportResult,
  BankOverview,
  CsvExportForm,
  BackupInspection,
  BackupStatus,
  Dashboard,
  PaymentHistoryItem,
  Arrangement,
  ArrangementForm,
  ArrangementPaymentForm,
  ArrangementPreview,
  InstalmentContactForm,
  ContactForm,
  DisputeForm,
  DossierEntry,
  FollowUpPolicy,
  LetterRequest,
  Letter,
  LetterResult,
  PolicyForm,
  SkipRequest,
  Today,
  Client,
  ClientForm,
  ClientQuery,
  ClientSummary,
  CreditRequest,
  Invoice,
  InvoiceForm,
  InvoicePreview,
  InvoiceQuery,
  InvoiceSettings,
  InvoicePage,
  InterestKind,
  InterestRate,
  InterestRateForm,
  Language,
  PaymentForm,
  PaymentProposal,
  WaiverForm,
  LogoUpload,
  Profile,
  ProfileForm,
  Saved,
  Offer,
  OfferForm,
  OfferReview,
  OfferSummary,
  AcceptanceForm,
  TermsDocument,
  LatePaymentTermsForm,
  ClientTerms,
  TermsAcceptanceForm,
  PrintSetup,
  PrintableDocument,
  PrintOptions,
  PrintOutcome,
  DayLetter,
  BatchPrint,
  TextBlock,
  ClientAcceptance,
  ClientAcceptanceForm,
  OfferContact,
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
  listInvoices: (query: InvoiceQuery) => call<InvoicePage>("list_invoices", { query }),
  getInvoice: (id: number) => call<Invoice>("get_invoice", { id }),
  previewInvoice: (id: number | null, form: InvoiceForm) =>
    call<InvoicePreview>("preview_invoice", { id, form }),
  createInvoice: (form: InvoiceForm) => call<Invoice>("create_invoice", { form }),
  updateInvoice: (id: number, form: InvoiceForm) => call<Invoice>("update_invoice", { id, form }),
  deleteInvoice: (id: number) => call<void>("delete_invoice", { id }),
  issueInvoice: (id: number, unsigned = false) => call<Invoice>("issue_invoice", { id, unsigned }),
  signingStatus: () => call<SigningCertificate | null>("signing_status"),
  createSigningCertificate: () => call<SigningCertificate>("create_signing_certificate"),
  saveSigningCertificate: () => call<string | null>("save_signing_certificate"),
  importSigningCertificate: (password: string) =>
    call<SigningCertificate | null>("import_signing_certificate", { password }),
  mailSettings: () => call<MailSettings>("mail_settings"),
  saveMailSettings: (form: MailSettingsForm) => call<MailSettings>("save_mail_settings", { form }),
  testMailConnection: () => call<MailTestResult>("test_mail_connection"),
  letterEmailDraft: (id: number) => call<EmailDraft>("letter_email_draft", { id }),
  sendLetterEmail: (id: number, form: EmailForm, timing: SendTiming = "check") =>
    call<SentEmail>("send_letter_email", { id, form, timing }),
  sendDueEmails: () => call<SentEmail[]>("send_due_emails"),
  mailTemplates: () => call<MailTemplates>("mail_templates"),
  saveMailTemplate: (form: MailTemplateForm) => call<MailTemplates>("save_mail_template", { form }),
  invoiceEmailDraft: (id: number) => call<EmailDraft>("invoice_email_draft", { id }),
  sendInvoiceEmail: (id: number, form: EmailForm) => call<SentEmail>("send_invoice_email", { id, form }),
  retryEmail: (id: number) => call<SentEmail>("retry_email", { id }),
  confirmEmailSent: (id: number) => call<SentEmail>("confirm_email_sent", { id }),
  invoiceEmails: (id: number) => call<SentEmail[]>("invoice_emails", { id }),
  markLetterEmailed: (id: number) => call<Letter>("mark_letter_emailed", { id }),
  markLetterPosted: (id: number, postedOn: string) =>
    call<Letter>("mark_letter_posted", { id, postedOn }),
  offerEmailDraft: (id: number) => call<EmailDraft>("offer_email_draft", { id }),
  agreementEmailDraft: (id: number) => call<EmailDraft>("agreement_email_draft", { id }),
  sendOfferEmail: (id: number, form: EmailForm) => call<SentEmail>("send_offer_email", { id, form }),
  sendAgreementEmail: (id: number, form: EmailForm) => call<SentEmail>("send_agreement_email", { id, form }),
  offerEmails: (id: number) => call<SentEmail[]>("offer_emails", { id }),
  unsentEmails: () => call<SentEmail[]>("unsent_emails"),
  checkPdf: (path: string | null = null) => call<PdfCheck | null>("check_pdf", { path }),
  duplicateInvoice: (id: number) => call<Invoice>("duplicate_invoice", { id }),
  creditInvoice: (id: number, request: CreditRequest) =>
    call<Invoice>("credit_invoice", { id, request }),
  addPayment: (id: number, form: PaymentForm) => call<Invoice>("add_payment", { id, form }),
  paymentProposal: (id: number, paidOn: string) =>
    call<PaymentProposal>("payment_proposal", { id, paidOn }),
  waiveInterestAndCosts: (id: number, form: WaiverForm) =>
    call<Invoice>("waive_interest_and_costs", { id, form }),
  openInvoicePdf: (id: number) => call<string>("open_invoice_pdf", { id }),
  saveInvoicePdf: (id: number) => call<string | null>("save_invoice_pdf", { id }),
  saveInvoiceUbl: (id: number) => call<string | null>("save_invoice_ubl", { id }),
  getInvoiceSettings: () => call<InvoiceSettings>("get_invoice_settings"),
  saveInvoiceSettings: (settings: InvoiceSettings) =>
    call<InvoiceSettings>("save_invoice_settings", { settings }),
  listInterestRates: () => call<InterestRate[]>("list_interest_rates"),
  addInterestRate: (form: InterestRateForm) => call<InterestRate[]>("add_interest_rate", { form }),
  removeInterestRate: (kind: InterestKind, validFrom: string) =>
    call<InterestRate[]>("remove_interest_rate", { kind, validFrom }),
  todayOverview: () => call<Today>("today_overview"),
  getFollowUpPolicy: (clientId: number | null) =>
    call<FollowUpPolicy>("get_follow_up_policy", { clientId }),
  saveFollowUpPolicy: (form: PolicyForm) => call<FollowUpPolicy>("save_follow_up_policy", { form }),
  produceLetter: (request: LetterRequest, unsigned = false) =>
    call<LetterResult>("produce_letter", { request, unsigned }),
  recordContact: (form: ContactForm) => call<DossierEntry[]>("record_contact", { form }),
  skipStep: (request: SkipRequest) => call<void>("skip_step", { request }),
  getDossier: (clientId: number) => call<DossierEntry[]>("get_dossier", { clientId }),
  openDispute: (form: DisputeForm) => call<Invoice>("open_dispute", { form }),
  resolveDispute: (form: DisputeForm) => call<Invoice>("resolve_dispute", { form }),
  openLetterPdf: (id: number) => call<string>("open_letter_pdf", { id }),
  saveLetterPdf: (id: number) => call<string | null>("save_letter_pdf", { id }),
  exportDossier: (clientId: number) => call<string | null>("export_dossier", { clientId }),
  previewArrangement: (form: ArrangementForm) =>
    call<ArrangementPreview>("preview_arrangement", { form }),
  createArrangement: (form: ArrangementForm, unsigned = false) =>
    call<Arrangement>("create_arrangement", { form, unsigned }),
  getArrangement: (id: number) => call<Arrangement>("get_arrangement", { id }),
  listArrangements: (clientId: number | null) =>
    call<Arrangement[]>("list_arrangements", { clientId }),
  addArrangementPayment: (id: number, form: ArrangementPaymentForm) =>
    call<Arrangement>("add_arrangement_payment", { id, form }),
  recordInstalmentContact: (form: InstalmentContactForm) =>
    call<void>("record_instalment_contact", { form }),
  produceInstalmentReminder: (arrangementId: number, instalment: number, unsigned = false) =>
    call<LetterResult>("produce_instalment_reminder", { arrangementId, instalment, unsigned }),
  openArrangementPdf: (id: number) => call<string>("open_arrangement_pdf", { id }),
  listPrinters: () => call<PrintSetup>("list_printers"),
  printDocument: (document: PrintableDocument, options: PrintOptions) =>
    call<PrintOutcome>("print_document", { document, options }),
  todaysLetters: () => call<DayLetter[]>("todays_letters"),
  printTodaysLetters: (batch: BatchPrint) => call<PrintOutcome>("print_todays_letters", { batch }),
  getDashboard: () => call<Dashboard>("get_dashboard"),
  getPaymentHistory: (clientId: number) =>
    call<PaymentHistoryItem[]>("get_payment_history", { clientId }),
  openDashboardReport: () => call<string>("open_dashboard_report"),
  backupStatus: () => call<BackupStatus>("backup_status"),
  makeBackup: () => call<BackupStatus>("make_backup"),
  inspectBackup: (name: string) => call<BackupInspection>("inspect_backup", { name }),
  restoreBackup: (name: string, acceptLoss: boolean) =>
    call<BackupStatus>("restore_backup", { name, acceptLoss }),
  chooseBackupFolder: () => call<BackupStatus | null>("choose_backup_folder"),
  exportCsv: (form: CsvExportForm) => call<CsvExport | null>("export_csv", { form }),
  exportEverything: () => call<FullExport | null>("export_everything"),
  newOfferForm: (clientId: number | null) => call<OfferForm>("new_offer_form", { clientId }),
  previewOffer: (form: OfferForm) => call<OfferReview>("preview_offer", { form }),
  saveOffer: (id: number | null, form: OfferForm) => call<Offer>("save_offer", { id, form }),
  deleteOffer: (id: number) => call<void>("delete_offer", { id }),
  listOffers: (clientId: number | null) => call<OfferSummary[]>("list_offers", { clientId }),
  getOffer: (id: number) => call<Offer>("get_offer", { id }),
  finaliseOffer: (id: number, unsigned = false) => call<Offer>("finalise_offer", { id, unsigned }),
  rejectOffer: (id: number, on: string, note: string) => call<Offer>("reject_offer", { id, on, note }),
  acceptOffer: (id: number, form: AcceptanceForm, unsigned = false) =>
    call<Offer>("accept_offer", { id, form, unsigned }),
  registerCountersigned: (agreementId: number) =>
    call<Offer | null>("register_countersigned", { agreementId }),
  markAgreementDelivered: (agreementId: number, on: string) =>
    call<Offer>("mark_agreement_delivered", { agreementId, on }),
  invoiceAgreementLine: (agreementId: number, line: number) =>
    call<Invoice>("invoice_agreement_line", { agreementId, line }),
  saveOfferPdf: (id: number) => call<string | null>("save_offer_pdf", { id }),
  openOfferPdf: (id: number) => call<string>("open_offer_pdf", { id }),
  saveAgreementPdf: (agreementId: number) => call<string | null>("save_agreement_pdf", { agreementId }),
  openAgreementPdf: (agreementId: number) => call<string>("open_agreement_pdf", { agreementId }),
  listTermsDocuments: () => call<TermsDocument[]>("list_terms_documents"),
  uploadTermsDocument: () => call<TermsDocument | null>("upload_terms_document"),
  saveLatePaymentTerms: (id: number, form: LatePaymentTermsForm) =>
    call<TermsDocument>("save_late_payment_terms", { id, form }),
  clientTerms: (clientId: number) => call<ClientTerms>("client_terms", { clientId }),
  recordTermsAcceptance: (clientId: number, form: TermsAcceptanceForm) =>
    call<ClientTerms>("record_terms_acceptance", { clientId, form }),
  removeTermsAcceptance: (clientId: number, id: number) =>
    call<ClientTerms>("remove_terms_acceptance", { clientId, id }),
  listTextBlocks: () => call<TextBlock[]>("list_text_blocks"),
  addTextBlock: (kind: string, title: string, body: string) =>
    call<TextBlock>("add_text_block", { kind, title, body }),
  deleteTextBlock: (id: number) => call<void>("delete_text_block", { id }),
  getClientAcceptance: (clientId: number) => call<ClientAcceptance>("get_client_acceptance", { clientId }),
  offerContacts: () => call<OfferContact[]>("offer_contacts"),
  recordOfferFollowUp: (offerId: number, note: string) =>
    call<Offer>("record_offer_follow_up", { offerId, note }),
  recordSatisfactionCheck: (agreementId: number, note: string) =>
    call<Offer>("record_satisfaction_check", { agreementId, note }),
  saveClientAcceptance: (clientId: number, form: ClientAcceptanceForm) =>
    call<ClientAcceptance>("save_client_acceptance", { clientId, form }),
  setLetterDelivered: (letterId: number, deliveredOn: string) =>
    call<DossierEntry[]>("set_letter_delivered", { letterId, deliveredOn }),
  importBankStatement: () => call<BankImportOutcome | null>("import_bank_statement"),
  importBankCsv: (form: CsvColumnsForm) => call<BankImportResult>("import_bank_csv", { form }),
  previewInvoiceImport: (folder: boolean) =>
    call<InvoiceImportPreview | null>("preview_invoice_import", { folder }),
  confirmInvoiceImport: (token: string) =>
    call<InvoiceImportResult>("confirm_invoice_import", { token }),
  previewClientImport: () => call<ClientImportPreview | null>("preview_client_import"),
  confirmClientImport: (token: string) =>
    call<ClientImportResult>("confirm_client_import", { token }),
  paymentLinkExample: (template: string) => call<PaymentLinkExample>("payment_link_example", { template }),
  messageDraft: (clientId: number, invoiceIds: number[]) =>
    call<MessageDraft>("message_draft", { clientId, invoiceIds }),
  openMessage: (clientId: number, text: string, whatsapp: boolean) =>
    call<string>("open_message", { clientId, text, whatsapp }),
  vatReturnQuarters: () => call<QuarterChoice[]>("vat_return_quarters"),
  vatReturn: (year: number, quarter: number) => call<VatReturnReport>("vat_return", { year, quarter }),
  openVatReturnPdf: (year: number, quarter: number) => call<string>("open_vat_return_pdf", { year, quarter }),
  exportVatReturn: (year: number, quarter: number) =>
    call<string | null>("export_vat_return", { year, quarter }),
  openExampleData: () => call<AppState>("open_example_data"),
  leaveExampleData: () => call<AppState>("leave_example_data"),
  listInvoiceSchedules: () => call<InvoiceSchedule[]>("list_invoice_schedules"),
  saveInvoiceSchedule: (id: number | null, form: ScheduleForm) =>
    call<InvoiceSchedule>("save_invoice_schedule", { id, form }),
  previewInvoiceSchedule: (form: ScheduleForm) =>
    call<InvoicePreview>("preview_invoice_schedule", { form }),
  pauseInvoiceSchedule: (id: number) => call<InvoiceSchedule>("pause_invoice_schedule", { id }),
  resumeInvoiceSchedule: (id: number) => call<InvoiceSchedule>("resume_invoice_schedule", { id }),
  endInvoiceSchedule: (id: number) => call<InvoiceSchedule>("end_invoice_schedule", { id }),
  bankOverview: () => call<BankOverview>("bank_overview"),
  confirmBankTransaction: (id: number) => call<BankOverview>("confirm_bank_transaction", { id }),
  assignBankTransaction: (form: BankAssignForm) =>
    call<BankOverview>("assign_bank_transaction", { form }),
  ignoreBankTransaction: (id: number, ignored: boolean) =>
    call<BankOverview>("ignore_bank_transaction", { id, ignored }),
  assignableInvoices: (query: string, amount: string) =>
    call<AssignableInvoice[]>("assignable_invoices", { query, amount }),
  markReady: () => call<void>("mark_ready"),
};

/** Calls `handler` with the path of a PDF dropped on the window ("Controleer PDF"); returns the
 * function that stops listening. */
export function onPdfDrop(handler: (path: string) => void): Promise<() => void> {
  if (!("__TAURI_INTERNALS__" in window)) return Promise.resolve(() => {});
  return getCurrentWebview().onDragDropEvent((event) => {
    if (event.payload.type !== "drop") return;
    const pdf = event.payload.paths.find((p) => p.toLowerCase().endsWith(".pdf"));
    if (pdf) handler(pdf);
  });
}
