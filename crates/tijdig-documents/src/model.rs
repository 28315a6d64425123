//! The content model: plain data with every text already formatted by the caller.
//!
//! This crate does no money or date formatting and no translation: amounts, dates, labels
//! and the page label template arrive as finished strings, so the same renderer serves Dutch
//! and English documents alike. Geometry is fixed by the house layout (see [`crate::layout`]).

/// A colour, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// A moment in UTC, written as the PDF's creation and modification date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–59.
    pub second: u8,
}

/// Document properties. Everything that would otherwise vary between runs comes from here,
/// so the same input gives the same bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMeta {
    /// Document title, e.g. "Factuur 2025-0042".
    pub title: String,
    /// Author, e.g. the freelancer's trade name.
    pub author: String,
    /// Subject, e.g. "Factuur aan Bakkerij Jansen".
    pub subject: String,
    /// The PDF file identifier (trailer `/ID`); derive it from the document, e.g. the first
    /// 16 bytes of a hash of the invoice's id and version.
    pub document_id: [u8; 16],
    /// Creation (and modification) date.
    pub created: Timestamp,
}

/// Image file bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageData {
    /// A PNG file (transparency is kept).
    Png(Vec<u8>),
    /// A JPEG file (greyscale, RGB or CMYK); embedded as is.
    Jpeg(Vec<u8>),
}

/// Where the logo sits at the top of the first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogoPosition {
    /// Top-left corner of the content area.
    Left,
    /// Top-right corner of the content area.
    #[default]
    Right,
}

/// A logo, scaled to fit [`crate::layout::LOGO_BOX`] keeping its aspect ratio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// The image.
    pub image: ImageData,
    /// Top-left or top-right.
    pub position: LogoPosition,
}

/// The house style shared by all documents of one sender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letterhead {
    /// Optional logo.
    pub logo: Option<Logo>,
    /// Accent colour for the title, rules and payment heading.
    pub accent: Rgb,
    /// Sender's details, set in the right column of the first page; the first line (the
    /// trade name) is bold. E.g. name, street, postcode + city, e-mail, phone.
    pub sender_lines: Vec<String>,
    /// Footer items on every page, e.g. "KvK 12345678", "Btw-id NL001234567B01",
    /// "IBAN NL91 ABNA 0417 1643 00". Packed on as few lines as fit, separated by " · ".
    pub footer_lines: Vec<String>,
}

/// Horizontal alignment in a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Left-aligned (descriptions).
    #[default]
    Left,
    /// Right-aligned (quantities, prices, amounts).
    Right,
}

/// One table column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Header text (repeated on every page the table spans).
    pub header: String,
    /// Relative width: the content width is shared in proportion to these weights.
    pub width: f32,
    /// Alignment of header and cells.
    pub align: Align,
}

/// A table that breaks across pages. Cells wrap inside their column.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// Rows of cells; a row may have fewer cells than there are columns, not more.
    pub rows: Vec<Vec<String>>,
}

/// A line under the table, e.g. "Subtotaal", "Btw 21%", "Totaal".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalRow {
    /// Label, left in the totals block.
    pub label: String,
    /// Formatted amount, right-aligned.
    pub value: String,
    /// Bold with a rule above (the amount due).
    pub strong: bool,
}

/// The boxed payment block with an optional EPC ("GiroCode") QR code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentBlock {
    /// Heading, e.g. "Betaalgegevens".
    pub heading: String,
    /// Label/value lines: amount, due date, IBAN, account holder, payment reference.
    pub rows: Vec<(String, String)>,
    /// The complete EPC QR payload (the caller builds it); drawn at error level M.
    pub qr_payload: Option<String>,
    /// Small text under the QR code, e.g. "Scan met je bank-app".
    pub qr_caption: Option<String>,
    /// A betaallink, printed as the last row and clickable in the PDF.
    pub link: Option<PaymentLink>,
}

/// Betaallink: a web address where the reader can pay, shown with its label ("Online
/// betalen") and made a link annotation over the printed address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentLink {
    pub label: String,
    /// The complete `https://` address (the caller checked it).
    pub url: String,
}

/// An invoice or credit note.
#[derive(Debug, Clone, PartialEq)]
pub struct InvoicePdf {
    /// Document properties.
    pub meta: DocMeta,
    /// House style.
    pub letterhead: Letterhead,
    /// Sender's return address on one line, above the envelope window.
    pub return_line: Option<String>,
    /// Recipient's address, set in the envelope window (at most 6 lines fit).
    pub recipient_lines: Vec<String>,
    /// "Factuur" or "Creditfactuur".
    pub title: String,
    /// Label/value lines under the title: Factuurnummer, Factuurdatum, Leverdatum,
    /// Vervaldatum, Uw btw-id…
    pub meta_rows: Vec<(String, String)>,
    /// The invoice lines.
    pub table: Table,
    /// Subtotal, VAT lines and total.
    pub totals: Vec<TotalRow>,
    /// Paragraphs under the totals: legal texts (btw verlegd, KOR), a free note.
    pub notes: Vec<String>,
    /// Payment details; kept on the last page together with the totals.
    pub payment: Option<PaymentBlock>,
    /// Page label template with `{page}` and `{pages}`, e.g. "pagina {page} van {pages}".
    pub page_label: String,
    /// Small line at the top of every page after the first, e.g. "Factuur 2025-0042".
    pub running_head: Option<String>,
}

/// One block of a letter's body, drawn top to bottom in the order given.
#[derive(Debug, Clone, PartialEq)]
pub enum LetterBlock {
    /// A paragraph of body text, wrapped to the content width.
    Paragraph(String),
    /// A paragraph set in bold, e.g. the sentence that states the payment term.
    Strong(String),
    /// A small heading above what follows, e.g. "Berekening van de rente".
    Heading(String),
    /// A table (the invoices in the letter, the interest segments); breaks across pages.
    Table(Table),
    /// Total rows (hoofdsom, rente, incassokosten, totaal), right-aligned as on an invoice.
    Totals(Vec<TotalRow>),
    /// The boxed payment block with the EPC QR code.
    Payment(PaymentBlock),
    /// Small print, e.g. how the interest was computed.
    Small(String),
}

/// A letter to a debtor (herinnering, aanmaning, ingebrekestelling, 14-dagenbrief, sommatie)
/// in the window-envelope layout.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterPdf {
    /// Document properties.
    pub meta: DocMeta,
    /// House style.
    pub letterhead: Letterhead,
    /// Sender's return address on one line, above the envelope window.
    pub return_line: Option<String>,
    /// Recipient's address, set in the envelope window (at most 6 lines fit).
    pub recipient_lines: Vec<String>,
    /// Place and date, e.g. "Utrecht, 22 november 2026".
    pub date_line: String,
    /// Label/value lines under the date: "Ons kenmerk", "Uw klantnummer"…
    pub meta_rows: Vec<(String, String)>,
    /// The subject line, set in bold, e.g. "Herinnering: factuur 2026-0042".
    pub subject: String,
    /// The salutation, e.g. "Geachte heer Jansen,".
    pub salutation: String,
    /// The body.
    pub body: Vec<LetterBlock>,
    /// The closing, one line each, e.g. "Met vriendelijke groet,", "", "Anna de Vries".
    /// Kept together on one page.
    pub closing: Vec<String>,
    /// Page label template with `{page}` and `{pages}`.
    pub page_label: String,
    /// Small line at the top of every page after the first, e.g. "Herinnering 22-11-2026".
    pub running_head: Option<String>,
}
