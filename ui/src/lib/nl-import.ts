/** Dutch UI texts of importing invoices made in other software ("Facturen → Importeren"); part of nl.ts. */
export const nlImport = {
  "import.button": "Importeren",
  "import.title": "Facturen uit een ander programma inlezen",
  "import.intro": "Kies e-facturen (UBL, zoals Moneybird, e-Boekhouden, Jortt en Exact ze exporteren) of een map vol. Tijdig laat eerst zien wat erin staat; pas met Inlezen wordt iets opgeslagen. Ingelezen facturen blijven zoals ze zijn en worden opgevolgd als uw eigen facturen.",
  "import.files": "Bestanden kiezen…",
  "import.folder": "Map kiezen…",
  "import.cancel": "Sluiten",
  "import.confirm": "{n} inlezen",
  "import.col.invoice": "Factuur",
  "import.col.client": "Klant",
  "import.col.date": "Datum",
  "import.col.total": "Bedrag",
  "import.col.outcome": "Uitkomst",
  "import.newClient": "nieuwe klant",
  "import.ok": "kan worden ingelezen",
  "import.extern": "extern",
  "import.externTitle": "Gemaakt in een ander programma",
  "import.externText": "Ingelezen uit {file} op {date}. Tijdig volgt deze factuur op zoals uw eigen facturen; wijzigen kan alleen in het programma waarin u haar maakte.",
  "import.copy": "Het bestand bevatte geen PDF: de PDF hier is een kopie die Tijdig maakte, als kopie gemarkeerd.",
} as const;

export type ImportKey = keyof typeof nlImport;
