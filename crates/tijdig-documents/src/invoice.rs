//! The invoice (and credit note) document: letterhead, title and invoice details, the lines
//! table, and the closing group (totals, notes, payment block) kept together on the last page.

use crate::blocks::{draw_title, LabelRows, Paragraphs, Payment, Totals};
use crate::error::DocumentError;
use crate::flow::{Flow, Footer};
use crate::fonts::Fonts;
use crate::image::ImageCache;
use crate::layout::{CONTENT_WIDTH_MM, MARGIN_LEFT_MM};
use crate::letterhead::draw_letterhead;
use crate::model::InvoicePdf;
use crate::pdf::PdfBuilder;
use crate::table::draw_table;

/// Space between the letterhead and the title.
const TITLE_GAP_MM: f32 = 12.0;
/// Space between the invoice details and the table.
const TABLE_GAP_MM: f32 = 9.0;
const TOTALS_GAP_MM: f32 = 3.0;
const NOTES_GAP_MM: f32 = 7.0;
const PAYMENT_GAP_MM: f32 = 7.0;

/// Renders `doc` to PDF bytes.
pub fn render_invoice(
    fonts: &Fonts,
    images: &ImageCache,
    doc: &InvoicePdf,
) -> Result<Vec<u8>, DocumentError> {
    let accent = doc.letterhead.accent;
    let mut pdf = PdfBuilder::new(&doc.meta)?;
    let logo = match &doc.letterhead.logo {
        Some(logo) => Some(pdf.add_image(&*images.get(&logo.image)?)),
        None => None,
    };
    let footer = Footer::new(fonts, &doc.letterhead.footer_lines, &doc.page_label, accent);
    let mut flow = Flow::new(fonts, footer.content_bottom(), doc.running_head.clone());

    let head_bottom = draw_letterhead(
        &mut flow.canvas,
        &doc.letterhead,
        logo.as_ref(),
        doc.return_line.as_deref(),
        &doc.recipient_lines,
    );
    flow.y = head_bottom + TITLE_GAP_MM;
    draw_title(&mut flow, &doc.title, accent);
    flow.y += 1.5;
    let details = LabelRows::new(fonts, &doc.meta_rows, CONTENT_WIDTH_MM * 0.6);
    let top = flow.y;
    details.draw(&mut flow, MARGIN_LEFT_MM, top);
    flow.y += details.height + TABLE_GAP_MM;

    // The closing group (totals, notes, payment block) goes on one page, together with at
    // least the table's last row, whenever it fits on a page at all.
    let notes = Paragraphs::notes(fonts, &doc.notes);
    let payment = doc
        .payment
        .as_ref()
        .map(|p| Payment::new(fonts, p))
        .transpose()?;
    let totals = Totals::new(fonts, &doc.totals);
    let totals_h = if totals.is_empty() {
        0.0
    } else {
        TOTALS_GAP_MM + totals.height
    };
    let notes_h = if notes.is_empty() {
        0.0
    } else {
        NOTES_GAP_MM + notes.height
    };
    let payment_h = payment.as_ref().map_or(0.0, |p| PAYMENT_GAP_MM + p.height);
    if !doc.table.columns.is_empty() {
        draw_table(
            &mut flow,
            &doc.table,
            accent,
            totals_h + notes_h + payment_h,
        )?;
    }
    flow.ensure(totals_h + notes_h + payment_h);

    if !totals.is_empty() {
        flow.y += TOTALS_GAP_MM;
        totals.draw(&mut flow, accent);
    }
    if !notes.is_empty() {
        flow.y += NOTES_GAP_MM;
        notes.draw(&mut flow);
    }
    if let Some(payment) = &payment {
        let qr = payment.qr_xobject().map(|x| pdf.add_xobject(x));
        flow.ensure(PAYMENT_GAP_MM + payment.height);
        flow.y += PAYMENT_GAP_MM;
        payment.draw(&mut flow, accent, qr.as_ref());
    }

    let pages = flow.finish(&footer);
    pdf.finish(fonts, &doc.meta, pages)
}
