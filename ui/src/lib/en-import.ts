import type { ImportKey } from "./nl-import";

/** English UI texts of importing invoices; part of en.ts, typed against nl-import.ts. */
export const enImport: Record<ImportKey, string> = {
  "import.button": "Import",
  "import.title": "Import invoices from other software",
  "import.intro": "Choose e-invoices (UBL, as Moneybird, e-Boekhouden, Jortt and Exact export them) or a folder of them. Tijdig first shows what they hold; only Import stores anything. Imported invoices stay as they are and are followed up like your own.",
  "import.files": "Choose files…",
  "import.folder": "Choose folder…",
  "import.cancel": "Close",
  "import.confirm": "Import {n}",
  "import.col.invoice": "Invoice",
  "import.col.client": "Client",
  "import.col.date": "Date",
  "import.col.total": "Amount",
  "import.col.outcome": "Outcome",
  "import.newClient": "new client",
  "import.ok": "can be imported",
  "import.extern": "external",
  "import.externTitle": "Made in other software",
  "import.externText": "Imported from {file} on {date}. Tijdig follows this invoice up like your own; it can only be changed in the software you made it in.",
  "import.copy": "The file held no PDF: the PDF here is a copy Tijdig made, marked as such.",
};
