// Generated from crates/tijdig-app (transfer types). Do not edit by hand:
// UPDATE_BINDINGS=1 cargo test -p tijdig-app --test bindings

export type ErrorCode = "validation" | "not_found" | "database_too_new" | "not_a_tijdig_database" | "storage" | "conflict" | "internal" | "keychain_unavailable" | "outside_contact_hours";

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
dataDir: string, version: string, 
/**
 * Today as Tijdig sees it (`YYYY-MM-DD`; fixed by `TIJDIG_TODAY` in tests).
 */
today: string, 
/**
 * The payment reference new invoices get.
 */
referenceKind: ReferenceKind, 
/**
 * This is the example business ("Eerst rondkijken met voorbeeldgegevens"), not the
 * user's own data: every screen says so.
 */
example: boolean, };

export type ProfileForm = { tradeName: string, legalName: string, legalForm: LegalForm, street: string, houseNumber: string, postcode: string, city: string, country: string, kvk: string, btwId: string, iban: string, accountHolder: string, email: string, phone: string, website: string, accentColour: string, kor: boolean, paymentTermDays: string, documentLanguage: Language, };

export type Profile = { form: ProfileForm, logoDataUrl: string | null, };

export type Saved<T> = { value: T, warnings: Array<FieldMessage>, };

export type LogoUpload = { base64: string, };

export type ClientForm = { kind: ClientKind, name: string, contactPerson: string, street: string, houseNumber: string, postcode: string, city: string, country: string, email: string, phone: string, kvk: string, btwId: string, iban: string, preferredChannel: PreferredChannel, 
/**
 * Empty: the default from the business profile applies.
 */
paymentTermDays: string, documentLanguage: Language, notes: string, debtorType: DebtorType, 
/**
 * Grote onderneming: its payment term is capped at 30 days.
 */
largeCompany: boolean, };

export type Client = { id: number, form: ClientForm, archived: boolean, createdAt: string, };

export type ClientSummary = { id: number, kind: ClientKind, name: string, contactPerson: string | null, city: string | null, email: string | null, debtorType: DebtorType, archived: boolean, };

export type ClientSort = "name" | "city" | "newest";

export type ClientQuery = { search: string, sort: ClientSort, includeArchived: boolean, };

export type VatTreatment = "standard21" | "reduced9" | "zero" | "reverse_charge" | "exempt";

export type VatRegime = "normal" | "kor" | "reverse_charge" | "intra_eu";

export type InvoiceKind = "standard" | "advance" | "credit_note";

export type ReferenceKind = "rf" | "dutch16";

export type InvoiceStatus = "draft" | "open" | "overdue" | "partly_paid" | "paid" | "interest_costs_open" | "credited";

export type InvoiceLineForm = { description: string, quantity: string, unit: string, unitPrice: string, vat: VatTreatment, 
/**
 * Percentage, empty for none.
 */
discountPercent: string, };

export type InvoiceForm = { kind: InvoiceKind, clientId: number | null, invoiceDate: string, deliveryFrom: string, deliveryTo: string, 
/**
 * Empty: the client's term, else the profile's default.
 */
paymentTermDays: string, vatRegime: VatRegime, referenceKind: ReferenceKind, note: string, lines: Array<InvoiceLineForm>, };

export type VatRow = { 
/**
 * "21 %", "9 %", "0 %", "verlegd", "vrijgesteld".
 */
label: string, base: string, vat: string, };

export type InvoiceTotals = { 
/**
 * Each line's amount, in line order.
 */
lineAmounts: Array<string>, rows: Array<VatRow>, subtotal: string, vatTotal: string, total: string, };

export type InvoicePreview = { 
/**
 * Absent while a line cannot be read; `fields` says which.
 */
totals: InvoiceTotals | null, dueDate: string | null, 
/**
 * The payment term that applies (typed, else the client's, else the profile's).
 */
termDays: number | null, fields: Array<FieldMessage>, 
/**
 * Missing factuurvereisten, in the user's language. Empty: ready to issue.
 */
preflight: Array<FieldMessage>, };

export type PaymentMethod = "bank" | "cash" | "other";

export type PaymentForm = { paidOn: string, amount: string, method: PaymentMethod, note: string, };

export type PaymentProposal = { 
/**
 * The most that can be booked on that day (the claim, less later payments).
 */
maximum: string, open: OpenAmounts, };

export type OpenAmounts = { 
/**
 * Hoofdsom still open after art. 6:44 BW (payments go to costs and interest first).
 */
principal: string, interest: string, costs: string, total: string, 
/**
 * What is open beyond the invoice amount: the "rente/kosten" a user sees.
 */
interestAndCosts: string, 
/**
 * Kwijtgescholden so far.
 */
waived: string, };

export type WaiverForm = { reason: string, };

export type Payment = { id: number, paidOn: string, amount: string, method: PaymentMethod, note: string, };

export type InvoiceRef = { id: number, number: string | null, invoiceDate: string, total: string, };

export type ClaimSegment = { from: string, to: string, days: number, base: string, 
/**
 * Percentage per year, e.g. "10.15"; a contractual monthly rate per month.
 */
rate: string, 
/**
 * The rate as shown: "10,15 %", or "1 % per maand" for a contractual monthly rate.
 */
rateText: string, amount: string, unverified: boolean, };

export type Claim = { 
/**
 * e.g. "wettelijke handelsrente (art. 6:119a BW)", or "contractuele rente 1 % per maand
 * volgens je algemene voorwaarden, versie 3".
 */
interestLabel: string, firstDay: string, 
/**
 * "Berekend tot en met".
 */
until: string, segments: Array<ClaimSegment>, principal: string, interest: string, costs: string, 
/**
 * Which costs apply and from when, in the user's language.
 */
costsNote: string, total: string, 
/**
 * "Rentetabel mogelijk niet actueel: controleer … per …" when the figure is for a day more
 * than six months after the newest rate of its kind.
 */
rateWarning: string | null, };

export type DefaultInfo = { 
/**
 * Present when the debtor is in verzuim; otherwise `explanation` says why not yet.
 */
claim: Claim | null, explanation: string | null, 
/**
 * The claim cannot be computed ("rentetabel onvolledig"): an error to fix, not a reason.
 */
problem: string | null, };

export type Invoice = { id: number, form: InvoiceForm, clientName: string, number: string | null, status: InvoiceStatus, dueDate: string, totals: InvoiceTotals, 
/**
 * Openstaand: the whole claim today (principal, interest and costs after art. 6:44 BW).
 */
outstanding: string, 
/**
 * The split of `outstanding`.
 */
open: OpenAmounts, 
/**
 * A payment can be registered: issued, not a credit note, something outstanding.
 */
payable: boolean, 
/**
 * What "Rente en kosten kwijtschelden" would give up today, when there is something.
 */
waivable: string | null, paymentReference: string | null, pdfSha256: string | null, 
/**
 * The stored PDF carries an intact signature (false for drafts and for a document the user
 * chose to issue unsigned).
 */
signed: boolean, payments: Array<Payment>, credits: InvoiceRef | null, creditNotes: Array<InvoiceRef>, preflight: Array<FieldMessage>, 
/**
 * Set for an invoice made in other software and imported ("extern").
 */
external: ExternalInvoice | null, 
/**
 * Made by a periodic invoice: the period it is for ("november 2026").
 */
schedulePeriod: string | null, 
/**
 * For an overdue invoice: verzuim, interest and costs up to today.
 */
default: DefaultInfo | null, 
/**
 * For an issued invoice: the next follow-up step, a dispute, the steps done.
 */
followUp: InvoiceFollowUp | null, };

export type InvoiceSummary = { 
/**
 * Made in other software and imported ("extern").
 */
external: boolean, id: number, kind: InvoiceKind, number: string | null, clientId: number, clientName: string, invoiceDate: string, dueDate: string, total: string, 
/**
 * Openstaand: the whole claim today, as on the invoice page.
 */
outstanding: string, 
/**
 * The part of `outstanding` beyond the invoice amount: interest and costs ("0.00" when
 * none).
 */
interestAndCosts: string, status: InvoiceStatus, };

export type InvoiceSort = "due_date" | "invoice_date" | "number";

export type InvoiceQuery = { 
/**
 * Part of the number or the client's name.
 */
search: string, status: InvoiceStatus | null, clientId: number | null, sort: InvoiceSort, 
/**
 * Only invoices with something of their claim open.
 */
openOnly: boolean, 
/**
 * The first row of the page (0: the first).
 */
offset: number, 
/**
 * Rows per page: at most [`MAX_PAGE`]; 0 asks for [`DEFAULT_PAGE`].
 */
limit: number, };

export type InvoicePage = { rows: Array<InvoiceSummary>, 
/**
 * How many rows the whole list has (every page).
 */
total: number, offset: number, };

export type CreditRequest = { lineIndexes: Array<number>, };

export type InvoiceSettings = { numberPrefix: string, referenceKind: ReferenceKind, 
/**
 * The betaallink template (`https://bunq.me/naam/{bedrag}/{kenmerk}`); empty: none.
 */
paymentLink: string, };

export type InterestKind = "statutory" | "commercial";

export type InterestRate = { kind: InterestKind, 
/**
 * `22-11-2026`.
 */
validFrom: string, percent: string, source: string, 
/**
 * The sources do not confirm this rate yet (shown as such).
 */
unverified: boolean, 
/**
 * Shipped with Tijdig: cannot be removed.
 */
shipped: boolean, };

export type InterestRateForm = { kind: InterestKind, validFrom: string, percent: string, source: string, };

export type FollowUpStep = "contact_moment" | "reminder" | "dunning" | "notice_of_default" | "fourteen_day_letter" | "hand_over";

export type FollowUpChannel = "phone" | "email" | "letter" | "message";

export type DossierKind = "letter" | "email" | "call" | "note" | "promise" | "dispute" | "dispute_resolved" | "step_skipped" | "hand_over" | "payment" | "arrangement" | "arrangement_payment" | "offer" | "agreement" | "waiver" | "delivered" | "message";

export type StepInvoice = { id: number, number: string, dueDate: string, outstanding: string, daysOverdue: number, };

export type TodayStep = { 
/**
 * Stable key for the UI ("client:step").
 */
key: string, 
/**
 * What to carry out (the policy's aanmaning may be the ingebrekestelling).
 */
step: FollowUpStep, 
/**
 * The step as the policy names it.
 */
policyStep: FollowUpStep, stepLabel: string, channel: FollowUpChannel, channelLabel: string, 
/**
 * The earliest planned day among the invoices (yyyy-mm-dd).
 */
plannedOn: string, invoices: Array<StepInvoice>, totalOutstanding: string, 
/**
 * Why this step, in one sentence (e.g. "Vervallen sinds 05-11-2026").
 */
reason: string, 
/**
 * The reference of this step's letter when it was made but not posted yet: the step is
 * done once it is marked "verstuurd per post".
 */
awaitingPost: string | null, 
/**
 * A text message (sms / WhatsApp) may carry out this step: the contact moment and the
 * reminder, never a step that must be in writing.
 */
messageAllowed: boolean, };

export type TodayClient = { clientId: number, clientName: string, clientKind: ClientKind, phone: string | null, email: string | null, 
/**
 * Advice for this debtor type.
 */
advice: string, steps: Array<TodayStep>, };

export type UpcomingStep = { clientId: number, clientName: string, invoiceId: number, invoiceNumber: string, stepLabel: string, date: string, };

export type PausedInvoice = { clientId: number, clientName: string, invoiceId: number, invoiceNumber: string, reason: string, };

export type Today = { today: string, 
/**
 * No steps are planned today (Sunday or a public holiday): why.
 */
restDay: string | null, 
/**
 * It is now between 20:00 and 07:00: call or send tomorrow.
 */
quietHours: string | null, 
/**
 * "Rentetabel mogelijk niet actueel: …" when a step due today concerns a claim whose rate
 * kind has no row in the last six months.
 */
rateWarning: string | null, clients: Array<TodayClient>, upcoming: Array<UpcomingStep>, paused: Array<PausedInvoice>, 
/**
 * Instalments of payment arrangements that need a contact or a reminder.
 */
instalments: Array<InstalmentStep>, 
/**
 * What periodic invoices made in the last week, and those still waiting to be issued.
 */
scheduled: Array<ScheduledInvoice>, 
/**
 * Letters by post made today ("Brieven van vandaag afdrukken").
 */
lettersByPost: number, };

export type PolicyStep = { step: FollowUpStep, 
/**
 * Days from the due date, as typed ("-7", "14").
 */
offsetDays: string, channel: FollowUpChannel, };

export type FollowUpPolicy = { steps: Array<PolicyStep>, 
/**
 * For a client: whether it has its own policy (otherwise the default applies).
 */
own: boolean, };

export type PolicyForm = { clientId: number | null, steps: Array<PolicyStep> | null, };

export type CallOutcome = "reached" | "no_answer" | "voicemail";

export type ContactForm = { clientId: number, invoiceIds: Array<number>, 
/**
 * `call`, `email`, `note` or `promise`.
 */
kind: DossierKind, 
/**
 * The ladder step this contact carries out, if any.
 */
step: FollowUpStep | null, outcome: CallOutcome | null, note: string, 
/**
 * Betalingsbelofte: the day the client promised to pay (dd-mm-jjjj), may be empty.
 */
promisedOn: string, };

export type LetterRequest = { clientId: number, 
/**
 * The policy step this letter carries out.
 */
step: FollowUpStep, invoiceIds: Array<number>, channel: FollowUpChannel, };

export type SkipRequest = { clientId: number, step: FollowUpStep, invoiceIds: Array<number>, note: string, };

export type Letter = { id: number, reference: string, step: FollowUpStep, stepLabel: string, letterDate: string, total: string, invoiceNumbers: Array<string>, pdfSha256: string, clientName: string, 
/**
 * The proven delivery date, if recorded (dd-mm-jjjj).
 */
deliveredOn: string | null, 
/**
 * An e-mail letter that was made but has not gone out: its step is done once it is sent
 * (from Tijdig, or marked as sent by hand).
 */
awaitingEmail: boolean, 
/**
 * The day a posted letter went into the mail (dd-mm-jjjj), once the user said so.
 */
postedOn: string | null, 
/**
 * A posted letter that was made but not posted yet: it starts nothing (no verzuim, term,
 * costs) and its step is not done until it is marked "verstuurd per post".
 */
awaitingPost: boolean, };

export type EmailText = { to: string | null, subject: string, body: string, };

export type LetterResult = { letter: Letter, email: EmailText | null, };

export type DossierEntry = { id: number, 
/**
 * "22-11-2026 10:15".
 */
at: string, kind: DossierKind, kindLabel: string, stepLabel: string | null, outcomeLabel: string | null, note: string, promisedOn: string | null, letter: Letter | null, invoiceNumbers: Array<string>, };

export type DisputeForm = { invoiceId: number, note: string, };

export type InvoiceFollowUp = { 
/**
 * "Aanmaning op 16-11-2026", or why nothing is planned.
 */
next: string, disputed: Dispute | null, stepsDone: Array<string>, 
/**
 * When the claim becomes time-barred (verjaring), in words.
 */
limitation: string, 
/**
 * Within three months of (or past) the limitation date.
 */
limitationWarning: boolean, };

export type Dispute = { openedOn: string, reason: string, };

export type ScheduleMode = "count" | "amount";

export type ArrangementForm = { clientId: number, invoiceIds: Array<number>, 
/**
 * The day the debt is acknowledged (dd-mm-jjjj); interest is computed up to it.
 */
startDate: string, downPayment: string, downPaymentOn: string, mode: ScheduleMode, count: string, amount: string, firstDue: string, interestRunning: boolean, costsWaived: boolean, graceDays: string, };

export type InstalmentRow = { number: number, label: string, due: string, amount: string, paid: string, paidOn: string | null, 
/**
 * `paid`, `paid_late`, `open`, `overdue`, `missed`.
 */
status: string, statusLabel: string, paymentReference: string | null, };

export type ArrangementPreview = { principal: string, interest: string, costs: string, total: string, 
/**
 * What the schedule covers (without waived costs).
 */
scheduledTotal: string, instalments: Array<InstalmentRow>, };

export type ArrangementPaymentRow = { id: number, paidOn: string, amount: string, note: string, };

export type Arrangement = { id: number, reference: string, clientId: number, clientName: string, startDate: string, 
/**
 * `active`, `completed` or `broken`.
 */
state: string, stateLabel: string, 
/**
 * One sentence on where it stands.
 */
stateText: string, invoiceNumbers: Array<string>, principal: string, interest: string, costs: string, total: string, scheduledTotal: string, paid: string, remaining: string, runningInterest: string, owedNow: string, paidToCosts: string, paidToInterest: string, paidToPrincipal: string, interestRunning: boolean, costsWaived: boolean, graceDays: number, instalments: Array<InstalmentRow>, payments: Array<ArrangementPaymentRow>, pdfSha256: string, };

export type ArrangementPaymentForm = { paidOn: string, amount: string, note: string, };

export type InstalmentStep = { arrangementId: number, reference: string, clientId: number, clientName: string, instalment: number, 
/**
 * `contact` or `reminder`.
 */
action: string, label: string, due: string, amount: string, };

export type InstalmentContactForm = { arrangementId: number, instalment: number, kind: DossierKind, note: string, };

export type Kpi = { 
/**
 * `open`, `overdue`, `open_count`, `dso`, `average_days_late`, `paid_on_time`.
 */
code: string, label: string, 
/**
 * `money`, `count`, `days` or `percent`: how to show `value`.
 */
unit: string, 
/**
 * `None` when it cannot be computed (no sales, no paid invoices).
 */
value: string | null, previous: string | null, 
/**
 * Whether a rise is good news (paid on time) or bad news (overdue, DSO).
 */
higherIsBetter: boolean, 
/**
 * How it is computed, in one sentence (shown as a tooltip).
 */
explanation: string, };

export type ClientAging = { clientId: number, clientName: string, 
/**
 * Five buckets, as the labels.
 */
buckets: Array<string>, total: string, };

export type Aging = { labels: Array<string>, total: Array<string>, 
/**
 * Clients with something open, largest first.
 */
clients: Array<ClientAging>, };

export type ForecastWeek = { 
/**
 * First day of the week (yyyy-mm-dd).
 */
starts: string, expected: string, bestCase: string, };

export type Forecast = { weeks: Array<ForecastWeek>, later: string, 
/**
 * Days: the lateness used for clients without history.
 */
portfolioLateness: string, };

export type RiskFactor = { code: string, label: string, weight: number, 
/**
 * This client's value, in words ("23 dagen", "40 %", "1").
 */
value: string, points: string, };

export type ClientRisk = { clientId: number, clientName: string, score: number, open: string, overdue: string, 
/**
 * The longest an open invoice of this client is overdue (days, 0 if none).
 */
maxDaysOverdue: number, factors: Array<RiskFactor>, 
/**
 * What the client-acceptance checklist said, when it was done (not part of the score,
 * which is computed from payment behaviour only).
 */
acceptance: string | null, };

export type Dashboard = { today: string, kpis: Array<Kpi>, aging: Aging, forecast: Forecast, 
/**
 * Clients by risk, highest first (clients with something open or a history).
 */
risks: Array<ClientRisk>, };

export type PaymentHistoryItem = { number: string, dueDate: string, paidOn: string, 
/**
 * Negative: paid early.
 */
daysLate: number, amount: string, };

export type BackupFile = { name: string, 
/**
 * "22-11-2026 10:15".
 */
madeAt: string, sizeKb: number, 
/**
 * The copy of what was there just before a restore: never removed by retention.
 */
pinned: boolean, };

export type BackupStatus = { folder: string, last: string | null, 
/**
 * Set when the last backup is more than 7 days old (or there is none).
 */
warning: string | null, files: Array<BackupFile>, 
/**
 * What the backups take on disk together (the lean copies and their shelf of documents).
 */
diskKb: number, };

export type BackupInspection = { name: string, intact: boolean, schemaVersion: number, clients: number, invoices: number, payments: number, 
/**
 * Documents issued now that the backup does not hold: restoring it makes them disappear
 * from Tijdig (their numbers are never handed out again). Restoring needs a confirmation
 * when this is not empty.
 */
lost: Array<LostDocument>, };

export type LostDocument = { 
/**
 * "Factuur", "Creditnota", "Brief", "Offerte", "Betalingsregeling" (user's language).
 */
kind: string, number: string, client: string, 
/**
 * Exact decimal string; absent for an arrangement.
 */
amount: string | null, 
/**
 * When it went out as far as Tijdig knows ("22-11-2026"), e-mailed or posted.
 */
sentOn: string | null, };

export type CsvStyle = "dutch" | "rfc4180";

export type CsvExportForm = { from: string, to: string, style: CsvStyle, };

export type CsvExport = { folder: string, files: Array<string>, invoices: number, payments: number, };

export type FullExport = { folder: string, 
/**
 * Every file written, `SHA256SUMS` included.
 */
files: number, 
/**
 * Stored PDFs written: invoices, credit notes, letters, arrangements.
 */
documents: number, eInvoices: number, 
/**
 * Rows in the JSON dump, over all tables.
 */
rows: number, 
/**
 * Invoices without e-invoice, with the reason (`2026-0003: …`).
 */
skipped: Array<string>, };

export type SigningCertificate = { 
/**
 * `CN=Studio Jansen,O=Studio Jansen,C=NL`.
 */
subject: string, 
/**
 * SHA-256 of the certificate, `AB:CD:…`: what a client compares to trust it.
 */
fingerprint: string, 
/**
 * `generated` (made by Tijdig, self-signed) or `imported`.
 */
source: string, 
/**
 * yyyy-mm-dd.
 */
createdAt: string, };

export type PdfSignature = { 
/**
 * The signer's name from the certificate (empty when unreadable).
 */
signer: string, 
/**
 * `22-11-2026 12:00 UTC`, as the signature states it.
 */
signedAt: string, fingerprint: string, 
/**
 * The signed bytes are unchanged and the signature is valid.
 */
intact: boolean, 
/**
 * Nothing was added to the file after this signature.
 */
coversWholeFile: boolean, 
/**
 * Signed with one of Tijdig's own certificates.
 */
ours: boolean, 
/**
 * What is wrong, in the user's language.
 */
problem: string | null, };

export type DocumentMatch = { 
/**
 * `invoice`, `letter` or `arrangement`.
 */
kind: string, id: number, reference: string, 
/**
 * The file is byte for byte the stored document (not only its signed revision).
 */
exact: boolean, };

export type PdfCheck = { signatures: Array<PdfSignature>, sha256: string, matches: Array<DocumentMatch>, };

export type OfferPriceKind = "fixed" | "hourly";

export type AdvanceKind = "none" | "percent" | "amount";

export type MilestoneForm = { description: string, amount: string, };

export type OfferForm = { clientId: number | null, 
/**
 * What the work is called, e.g. "Nieuwe website".
 */
title: string, offerDate: string, validUntil: string, 
/**
 * What you deliver.
 */
scope: string, 
/**
 * What is not included.
 */
exclusions: string, planning: string, 
/**
 * When the work counts as delivered and accepted.
 */
acceptanceCriteria: string, priceKind: OfferPriceKind, 
/**
 * Excl. btw.
 */
fixedPrice: string, 
/**
 * Excl. btw.
 */
hourlyRate: string, hours: string, 
/**
 * Excl. btw.
 */
expenses: string, vat: VatTreatment, paymentTermDays: string, advanceKind: AdvanceKind, advance: string, milestones: Array<MilestoneForm>, 
/**
 * Other conditions: rights, liability, cancellation.
 */
conditions: string, 
/**
 * Put the late-payment clause for this client's kind in the offer.
 */
latePaymentClause: boolean, 
/**
 * Attach the newest version of the algemene voorwaarden.
 */
attachTerms: boolean, 
/**
 * For a consumer at a distance: state the 14-day right of withdrawal.
 */
withdrawalNotice: boolean, };

export type OfferCheck = { 
/**
 * Stable code, e.g. `no_validity`.
 */
code: string, 
/**
 * `missing` or `risky`.
 */
severity: string, message: string, };

export type ScheduleRow = { line: number, 
/**
 * `advance`, `milestone` or `final`.
 */
kind: string, description: string, amountIncl: string, amountExcl: string, invoiceId: number | null, invoiceNumber: string | null, };

export type OfferReview = { totalExcl: string, vat: string, totalIncl: string, schedule: Array<ScheduleRow>, checks: Array<OfferCheck>, latePaymentText: string, 
/**
 * Problems with what was typed (the fields say where).
 */
fields: Array<FieldMessage>, };

export type TermsDocument = { id: number, version: number, fileName: string, sha256: string, pages: number, uploadedAt: string, 
/**
 * What this version stipulates on late payment, as the form shows it (`None`: nothing of
 * its own, the statutory claim).
 */
latePayment: LatePaymentTermsForm | null, 
/**
 * One line in words, e.g. "1 % per maand · 15 % van de hoofdsom, minimaal € 40,00 ·
 * fatale termijn".
 */
latePaymentSummary: string | null, 
/**
 * An offer carrying this version was sent: its terms can no longer change.
 */
latePaymentFixed: boolean, 
/**
 * What the user should know about these terms (below the statutory rate, a court may
 * moderate the costs, consumers get the statutory claim only, fixed).
 */
latePaymentNotes: Array<string>, };

export type LatePaymentTermsForm = { 
/**
 * Contractual rate, e.g. "1" or "1,5"; empty: the wettelijke handelsrente.
 */
interestPercent: string, interestPer: RatePer, 
/**
 * Rente op rente once a year.
 */
compound: boolean, costs: CostsClause, costsPercent: string, 
/**
 * Empty: no minimum beyond the statutory € 40.
 */
costsMinimum: string, costsAmount: string, fatalTerm: boolean, };

export type RatePer = "month" | "year";

export type CostsClause = "statutory" | "percent" | "fixed";

export type TermsAcceptance = { id: number, version: number, acceptedOn: string, note: string | null, };

export type ClientTerms = { 
/**
 * "Versie 2, aanvaard op 05-10-2026 — contractuele rente 1 % per maand · …", or that no
 * version was accepted.
 */
current: string, recorded: Array<TermsAcceptance>, 
/**
 * (id, "Versie 2 (av.pdf)"), the newest first.
 */
versions: Array<TermsVersionChoice>, };

export type TermsVersionChoice = { id: number, label: string, };

export type TermsAcceptanceForm = { termsDocumentId: number | null, acceptedOn: string, note: string, };

export type Printer = { 
/**
 * The queue name, sent back to print.
 */
name: string, 
/**
 * What the dialog shows: the description, or the name.
 */
label: string, isDefault: boolean, 
/**
 * Two-sided printing is possible.
 */
twoSided: boolean, 
/**
 * The queue is stopped: why, in words (it would keep the job).
 */
stopped: string | null, };

export type PrintSetup = { printers: Array<Printer>, chosen: string | null, 
/**
 * No printer (or no print system): the sentence that says so.
 */
notice: string | null, };

export type PrintableKind = "letter" | "invoice" | "arrangement" | "agreement" | "offer";

export type PrintableDocument = { kind: PrintableKind, id: number, };

export type PrintOptions = { printer: string, copies: string, twoSided: boolean, };

export type PrintOutcome = { message: string, jobs: Array<string>, };

export type DayLetter = { letterId: number, clientName: string, 
/**
 * "Aanmaning 2026-B0003".
 */
letter: string, 
/**
 * The address as in the envelope window, one line each.
 */
address: Array<string>, 
/**
 * Already recorded as posted.
 */
posted: boolean, };

export type BatchPrint = { options: PrintOptions, 
/**
 * All letters (and the cover list) as one job; otherwise one job each. Two-sided always
 * prints one job per letter, so no letter starts on the back of another.
 */
oneJob: boolean, 
/**
 * Record the printed letters as posted today.
 */
markPosted: boolean, };

export type CountersignedCopy = { fileName: string, sha256: string, check: string, registeredAt: string, };

export type AcceptedHow = "signed_pdf" | "email" | "paper";

export type AcceptanceForm = { how: AcceptedHow, on: string, by: string, };

export type Agreement = { id: number, number: string, acceptedHow: AcceptedHow, acceptedHowLabel: string, acceptedOn: string, acceptedBy: string, pdfSha256: string, signed: boolean, countersigned: CountersignedCopy | null, deliveredOn: string | null, 
/**
 * The contact moment to ask whether the client is satisfied (after delivery).
 */
satisfactionCheckOn: string | null, 
/**
 * The client was asked whether they are satisfied on this day.
 */
satisfactionCheckedOn: string | null, schedule: Array<ScheduleRow>, agreedIncl: string, invoicedIncl: string, 
/**
 * What is left to invoice, incl. btw.
 */
remainingIncl: string, };

export type Offer = { id: number, number: string, clientId: number, clientName: string, form: OfferForm, 
/**
 * `concept`, `sent`, `accepted`, `rejected`, `expired`.
 */
status: string, statusLabel: string, sentOn: string | null, answeredOn: string | null, answerNote: string | null, 
/**
 * The planned follow-up a few days before a sent offer expires.
 */
followUpOn: string | null, terms: TermsDocument | null, pdfSha256: string | null, signed: boolean, review: OfferReview, agreement: Agreement | null, };

export type OfferSummary = { id: number, number: string, clientName: string, title: string, status: string, statusLabel: string, totalIncl: string, validUntil: string | null, };

export type TextBlock = { id: number, 
/**
 * `scope` or `conditions`.
 */
kind: string, title: string, body: string, };

export type ClientAcceptanceForm = { kvkChecked: boolean, referencesOk: boolean, troubleSignals: boolean, note: string, };

export type ClientAcceptance = { form: ClientAcceptanceForm, checkedOn: string | null, 
/**
 * From Tijdig's own data, e.g. "8 facturen, gemiddeld 3 dagen te laat".
 */
paymentHistory: string, 
/**
 * Ask an advance payment before starting.
 */
advanceAdvised: boolean, advice: string, };

export type OfferContact = { offerId: number, agreementId: number | null, 
/**
 * `expiring` or `satisfaction`.
 */
kind: string, number: string, clientName: string, phone: string | null, email: string | null, 
/**
 * dd-mm-jjjj: planned on.
 */
due: string, 
/**
 * What to do, in a sentence.
 */
text: string, };

export type MailSecurity = "starttls" | "tls";

export type MailSettingsForm = { host: string, port: string, security: MailSecurity, username: string, password: string, fromName: string, fromAddress: string, replyTo: string, bccSelf: boolean, };

export type MailSettings = { host: string, port: string, security: MailSecurity, username: string, hasPassword: boolean, fromName: string, fromAddress: string, replyTo: string, bccSelf: boolean, 
/**
 * Everything needed to send is filled in.
 */
configured: boolean, };

export type MailTestResult = { ok: boolean, message: string, };

export type EmailDraft = { to: string, subject: string, body: string, 
/**
 * The files that go along (`Factuur 2026-0001.pdf`, `Factuur 2026-0001.xml`).
 */
attachments: Array<string>, };

export type EmailForm = { 
/**
 * One or more addresses, separated by commas or semicolons.
 */
to: string, subject: string, body: string, };

export type SendTiming = "check" | "now" | "schedule";

export type SentEmail = { id: number, 
/**
 * `scheduled`, `sending`, `sent`, `failed`, `unknown` (cut off mid-send: the user says
 * whether it went) or `cancelled` (a scheduled message that should no longer go).
 */
status: string, 
/**
 * For a scheduled message: dd-mm-jjjj hh:mm.
 */
scheduledFor: string | null, recipients: string, subject: string, 
/**
 * dd-mm-jjjj hh:mm (when sent, or when tried).
 */
at: string, attachments: Array<string>, serverResponse: string | null, 
/**
 * Why it failed, in the user's language.
 */
error: string | null, 
/**
 * `invoice`, and the document's number, for "Vandaag".
 */
documentKind: string, documentId: number, };

export type MailTemplate = { language: Language, subject: string, body: string, 
/**
 * The user's own (false: Tijdig's built-in one).
 */
custom: boolean, };

export type MailTemplates = { invoice: Array<MailTemplate>, placeholders: Array<string>, };

export type MailTemplateForm = { language: Language, subject: string, body: string, };

export type BankImportResult = { fileName: string, 
/**
 * `CAMT.053` or `MT940`.
 */
format: string, accounts: Array<string>, 
/**
 * Every entry in the file, in and out.
 */
entries: number, 
/**
 * Incoming entries already imported before (from this or an overlapping file).
 */
duplicates: number, booked: number, bookedAmount: string, proposed: number, unmatched: number, 
/**
 * Money out and reversals: not imported.
 */
skipped: number, 
/**
 * Said when the file is not about the account on the business profile.
 */
warning: string | null, summary: string, };

export type BankImportOutcome = { imported: BankImportResult | null, columns: CsvColumnsPrompt | null, };

export type InvoiceImportPreview = { 
/**
 * Identifies the read files waiting for the user's go-ahead.
 */
token: string, items: Array<InvoiceImportItem>, 
/**
 * How many of the items can be imported.
 */
importable: number, 
/**
 * The clients Tijdig would create (no known client matched by KvK, btw-id, IBAN or name).
 */
newClients: Array<string>, summary: string, };

export type InvoiceImportItem = { fileName: string, number: string | null, 
/**
 * "Factuur" or "Creditfactuur", in the user's language.
 */
kind: string | null, 
/**
 * ISO dates.
 */
invoiceDate: string | null, dueDate: string | null, clientName: string | null, 
/**
 * How the client was found ("KvK-nummer", "btw-id", "naam"), or that it will be created.
 */
clientMatch: string | null, clientIsNew: boolean, 
/**
 * Total incl. VAT, exact decimal string.
 */
total: string | null, 
/**
 * Why this one cannot be imported; `None` when it can.
 */
refused: string | null, 
/**
 * Dutch e-invoice rules the file breaks (imported anyway).
 */
findings: Array<string>, 
/**
 * What Tijdig decided where the file is silent (no due date, no PDF).
 */
notes: Array<string>, };

export type InvoiceImportResult = { imported: number, clientsCreated: number, invoiceIds: Array<number>, summary: string, };

export type ClientImportPreview = { token: string, rows: Array<ClientImportRow>, valid: number, invalid: number, duplicates: number, summary: string, };

export type ClientImportRow = { 
/**
 * The line in the file.
 */
line: number, 
/**
 * The client's name as it will be saved (empty when the row is invalid and has none).
 */
name: string, 
/**
 * What is wrong, per field of the client form; empty when the row is fine.
 */
problems: Array<FieldMessage>, 
/**
 * The name of the client Tijdig already has (same KvK, btw-id, or name and postcode).
 */
duplicateOf: string | null, };

export type ClientImportResult = { created: number, skipped: number, summary: string, };

export type SchedulePeriod = "month" | "quarter" | "year";

export type PeriodCovered = "coming" | "past";

export type ScheduleForm = { clientId: number | null, period: SchedulePeriod, covers: PeriodCovered, 
/**
 * The first invoice day.
 */
firstDate: string, 
/**
 * The last day an invoice may be made on; empty: no end.
 */
endDate: string, 
/**
 * Issue each invoice at once; else it waits as a draft.
 */
issueDirectly: boolean, 
/**
 * Empty: the client's term, else the profile's default.
 */
paymentTermDays: string, vatRegime: VatRegime, referenceKind: ReferenceKind, note: string, lines: Array<InvoiceLineForm>, };

export type ScheduleState = "running" | "paused" | "ended";

export type InvoiceSchedule = { id: number, clientId: number, clientName: string, form: ScheduleForm, state: ScheduleState, 
/**
 * "Loopt", "Gepauzeerd", "Beëindigd".
 */
stateLabel: string, 
/**
 * "Per maand, vooraf".
 */
cadenceLabel: string, 
/**
 * The next invoice day (yyyy-mm-dd) while running.
 */
nextDay: string | null, 
/**
 * The period that invoice will be for ("december 2026").
 */
nextPeriod: string | null, 
/**
 * The total of one invoice, btw included (exact decimal string).
 */
total: string, 
/**
 * How many invoices it made.
 */
made: number, 
/**
 * True once it made an invoice: the first date and period are then fixed.
 */
started: boolean, };

export type ScheduledInvoice = { scheduleId: number, clientId: number, clientName: string, 
/**
 * The invoice day (yyyy-mm-dd) the schedule made it for.
 */
invoiceDay: string, periodLabel: string, 
/**
 * `None` when the user deleted the draft.
 */
invoiceId: number | null, 
/**
 * The number once issued; a draft has none.
 */
invoiceNumber: string | null, 
/**
 * Why it is still a draft although the schedule issues directly.
 */
problem: string | null, };

export type PaymentLinkExample = { 
/**
 * The filled link for € 1.234,56, reference RF18 5390 0754 7034, invoice 2026-0042;
 * `None` when the template is empty.
 */
link: string | null, };

export type MessageDraft = { text: string, 
/**
 * The `sms:` link with the text, when the client's number can be dialled; `None`: the
 * message can only be copied.
 */
smsLink: string | null, 
/**
 * The WhatsApp link (`https://wa.me/…`) with the text, when the number can be dialled.
 */
whatsappLink: string | null, };

export type VatRubriek = { 
/**
 * "1a", "1b", "1e", "3a", "3b".
 */
code: string, 
/**
 * The rubriek's words as on the return.
 */
label: string, turnover: string, vat: string | null, 
/**
 * What to check before typing it in (3a: only goods).
 */
hint: string | null, };

export type QuarterChoice = { year: number, quarter: number, 
/**
 * "4e kwartaal 2026".
 */
label: string, };

export type IcpRow = { btwId: string, country: string, clientName: string, amount: string, };

export type VatReturnReport = { year: number, quarter: number, 
/**
 * "4e kwartaal 2026".
 */
title: string, 
/**
 * First and last day (dd-mm-jjjj).
 */
from: string, to: string, 
/**
 * The user takes part in the KOR: no aangifte, turnover only.
 */
kor: boolean, rubrieken: Array<VatRubriek>, 
/**
 * Turnover invoiced under the KOR (for the € 20.000 limit).
 */
korTurnover: string, 
/**
 * Vrijgestelde prestaties: in no rubriek.
 */
exempt: string, icp: Array<IcpRow>, icpTotal: string, 
/**
 * How many invoices and credit notes the figures come from.
 */
invoices: number, 
/**
 * Sentences under the figures: what Tijdig counted and what the user still decides.
 */
notes: Array<string>, };

export type ExternalInvoice = { fileName: string, 
/**
 * `ubl` or `csv`.
 */
format: string, 
/**
 * The file had no PDF: the stored one is a copy Tijdig made, marked as such.
 */
pdfIsCopy: boolean, 
/**
 * The Dutch e-invoice rules the file breaks, as shown at import.
 */
findings: Array<string>, importedAt: string, };

export type CsvColumnsPrompt = { fileName: string, 
/**
 * Identifies the file waiting for the answer (its SHA-256).
 */
fileSha256: string, 
/**
 * The header's names, or "1", "2", … for a file without a header.
 */
names: Array<string>, hasHeader: boolean, 
/**
 * The first rows, as the file has them.
 */
rows: Array<Array<string>>, totalRows: number, 
/**
 * What Tijdig proposes from the header's words; the user checks it.
 */
proposal: CsvColumns, 
/**
 * The account to take when no column names it: the one remembered for this layout, or
 * the IBAN of the business profile.
 */
account: string, 
/**
 * Why the mapping remembered for this layout did not read the file, if it did not.
 */
problem: string | null, };

export type CsvColumns = { date: number | null, amount: number | null, direction: number | null, account: number | null, counterpartyIban: number | null, counterpartyName: number | null, description: Array<number>, reference: number | null, };

export type CsvColumnsForm = { fileSha256: string, columns: CsvColumns, 
/**
 * The user's account the file is about, when no column names it.
 */
account: string, };

export type BankTransaction = { id: number, 
/**
 * ISO date.
 */
bookedOn: string, amount: string, counterpartyName: string | null, counterpartyIban: string | null, description: string, 
/**
 * `booked`, `proposed`, `unmatched` or `ignored`.
 */
state: string, 
/**
 * Why it matched, in words ("betalingskenmerk", "factuurnummer in de omschrijving", …).
 */
reason: string | null, invoiceId: number | null, invoiceNumber: string | null, clientName: string | null, arrangementId: number | null, arrangementReference: string | null, 
/**
 * What is still open on the proposed invoice or arrangement.
 */
openAmount: string | null, 
/**
 * A remark, e.g. that the text names an invoice that is already paid.
 */
hint: string | null, };

export type BankImportRow = { id: number, fileName: string, format: string, importedAt: string, entries: number, newEntries: number, };

export type BankOverview = { proposed: Array<BankTransaction>, unmatched: Array<BankTransaction>, booked: Array<BankTransaction>, ignored: Array<BankTransaction>, imports: Array<BankImportRow>, };

export type AssignableInvoice = { invoiceId: number, number: string, clientName: string, open: string, 
/**
 * ISO date.
 */
invoiceDate: string, };

export type BankAssignForm = { transactionId: number, invoiceId: number, };
