//! The letter (herinnering, aanmaning, ingebrekestelling, 14-dagenbrief, sommatie): the
//! letterhead with the recipient in the envelope window as on an invoice, the date and
//! references, the subject, the salutation, the body blocks in order and the closing, which
//! stays on one page together with the end of the body.

use crate::blocks::{LabelRows, Paragraphs, Payment, ProseStyle, Totals};
use crate::error::DocumentError;
use crate::flow::{Flow, Footer};
use crate::fonts::Fonts;
use crate::image::ImageCache;
use crate::layout::{TextStyle, CONTENT_WIDTH_MM, INK, MARGIN_LEFT_MM, MUTED};
use crate::letterhead::draw_letterhead;
use crate::model::{LetterBlock, LetterPdf, Table};
use crate::pdf::PdfBuilder;
use crate::table::{draw_table, lead_height};

/// Body text: 10 pt with a generous line height.
const BODY: ProseStyle = ProseStyle::new(TextStyle::regular(10.0, INK), 1.45, 0.0);
/// A paragraph in bold, the same size as the body.
const STRONG: ProseStyle = ProseStyle::new(TextStyle::bold(10.0, INK), 1.45, 0.0);
/// A heading: bold, a little smaller than the body.
const HEADING: ProseStyle = ProseStyle::new(TextStyle::bold(9.5, INK), 1.35, 0.0);
/// Small print.
const SMALL: ProseStyle = ProseStyle::new(TextStyle::regular(8.0, MUTED), 1.35, 0.0);
/// Size of the subject line (bold, in the accent colour).
const SUBJECT_SIZE_PT: f32 = 11.0;

/// Space between the letterhead and the date line.
const DATE_GAP_MM: f32 = 10.0;
/// Space between the date line and the references under it.
const META_GAP_MM: f32 = 1.5;
/// Space above the subject.
const SUBJECT_GAP_MM: f32 = 9.0;
/// Space between the subject and the salutation.
const SALUTATION_GAP_MM: f32 = 6.0;
/// Space between paragraphs (and above most blocks).
const PARAGRAPH_GAP_MM: f32 = 3.8;
/// Space above a heading.
const HEADING_GAP_MM: f32 = 6.5;
/// Space between a heading and what it heads.
const UNDER_HEADING_MM: f32 = 1.2;
/// Space between a table and the totals under it.
const TOTALS_GAP_MM: f32 = 3.0;
/// Space above the payment block.
const PAYMENT_GAP_MM: f32 = 6.0;
/// Space above the closing.
const CLOSING_GAP_MM: f32 = 6.0;

/// A body block laid out.
enum Laid<'a> {
    Text(Paragraphs),
    Heading(Paragraphs),
    Table(&'a Table),
    Totals(Totals),
    Payment(Payment),
}

impl Laid<'_> {
    /// Space above this block when it follows `previous` (`None`: the salutation).
    fn gap_after(&self, previous: Option<&Laid<'_>>) -> f32 {
        match (previous, self) {
            (Some(Laid::Heading(_)), _) => UNDER_HEADING_MM,
            (Some(_), Laid::Heading(_)) => HEADING_GAP_MM,
            (Some(Laid::Table(_)), Laid::Totals(_)) => TOTALS_GAP_MM,
            (Some(_), Laid::Payment(_)) | (Some(Laid::Payment(_)), _) => PAYMENT_GAP_MM,
            _ => PARAGRAPH_GAP_MM,
        }
    }

    /// What of this block must go on a page together with a heading above it.
    fn lead(&self, fonts: &Fonts) -> Result<f32, DocumentError> {
        Ok(match self {
            Laid::Text(p) => p.lead(),
            Laid::Heading(p) => p.height,
            Laid::Table(t) => lead_height(fonts, t)?,
            Laid::Totals(t) => t.height,
            Laid::Payment(p) => p.height,
        })
    }
}

fn lay_out<'a>(fonts: &Fonts, block: &'a LetterBlock) -> Result<Option<Laid<'a>>, DocumentError> {
    let text = |text: &str, style| Paragraphs::new(fonts, [text], style);
    let laid = match block {
        LetterBlock::Paragraph(s) => Laid::Text(text(s, BODY)),
        LetterBlock::Strong(s) => Laid::Text(text(s, STRONG)),
        LetterBlock::Small(s) => Laid::Text(text(s, SMALL)),
        LetterBlock::Heading(s) => Laid::Heading(text(s, HEADING)),
        LetterBlock::Table(t) if t.columns.is_empty() => return Ok(None),
        LetterBlock::Table(t) => Laid::Table(t),
        LetterBlock::Totals(rows) => Laid::Totals(Totals::new(fonts, rows)),
        LetterBlock::Payment(p) => Laid::Payment(Payment::new(fonts, p)?),
    };
    let empty = match &laid {
        Laid::Text(p) | Laid::Heading(p) => p.is_empty(),
        Laid::Totals(t) => t.is_empty(),
        Laid::Table(_) | Laid::Payment(_) => false,
    };
    Ok((!empty).then_some(laid))
}

/// Starts a new page unless `height` mm fit, and `height + keep` mm when that fits a page.
fn ensure_keeping(flow: &mut Flow<'_>, height: f32, keep: f32) {
    if height + keep <= flow.page_capacity() {
        flow.ensure(height + keep);
    } else {
        flow.ensure(height);
    }
}

/// Moves the cursor down by `gap` unless it is at the top of a continuation page.
fn space(flow: &mut Flow<'_>, gap: f32) {
    if !flow.at_page_top() {
        flow.y += gap;
    }
}

/// Renders `doc` to PDF bytes.
pub fn render_letter(
    fonts: &Fonts,
    images: &ImageCache,
    doc: &LetterPdf,
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
    flow.y = head_bottom + DATE_GAP_MM;
    Paragraphs::new(fonts, [doc.date_line.as_str()], BODY).draw(&mut flow);
    if !doc.meta_rows.is_empty() {
        flow.y += META_GAP_MM;
        let refs = LabelRows::new(fonts, &doc.meta_rows, CONTENT_WIDTH_MM * 0.6);
        let top = flow.y;
        refs.draw(&mut flow, MARGIN_LEFT_MM, top);
        flow.y += refs.height;
    }
    let subject_style = ProseStyle::new(TextStyle::bold(SUBJECT_SIZE_PT, accent), 1.3, 0.0);
    let subject = Paragraphs::new(fonts, [doc.subject.as_str()], subject_style);
    if !subject.is_empty() {
        flow.y += SUBJECT_GAP_MM;
        subject.draw(&mut flow);
    }
    let salutation = Paragraphs::new(fonts, [doc.salutation.as_str()], BODY);
    if !salutation.is_empty() {
        flow.y += SALUTATION_GAP_MM;
        salutation.draw(&mut flow);
    }

    let mut body = Vec::with_capacity(doc.body.len());
    for block in &doc.body {
        body.extend(lay_out(fonts, block)?);
    }
    // The closing's lines as one paragraph: an empty line stays (room for a signature).
    let closing = Paragraphs::new(fonts, [doc.closing.join("\n").as_str()], BODY);
    let closing_h = if closing.is_empty() {
        0.0
    } else {
        CLOSING_GAP_MM + closing.height
    };
    // What each block keeps on its last page: the closing after the last block, the totals
    // (and what they keep) after a table.
    let mut keep = vec![0.0_f32; body.len()];
    for i in (0..body.len()).rev() {
        keep[i] = match (body.get(i), body.get(i + 1)) {
            (_, None) => closing_h,
            (Some(Laid::Table(_)), Some(next @ Laid::Totals(t))) => {
                next.gap_after(body.get(i)) + t.height + keep[i + 1]
            }
            _ => 0.0,
        };
    }

    for (i, block) in body.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| body.get(p));
        let gap = block.gap_after(previous);
        let keep = keep[i];
        match block {
            Laid::Text(p) => {
                space(&mut flow, gap);
                p.draw_keeping(&mut flow, keep);
            }
            Laid::Heading(p) => {
                let lead = match body.get(i + 1) {
                    Some(next) => next.gap_after(Some(block)) + next.lead(fonts)?,
                    None => keep,
                };
                ensure_keeping(&mut flow, gap + p.height, lead);
                space(&mut flow, gap);
                p.draw(&mut flow);
            }
            Laid::Table(t) => {
                space(&mut flow, gap);
                draw_table(&mut flow, t, accent, keep)?;
            }
            Laid::Totals(t) => {
                ensure_keeping(&mut flow, gap + t.height, keep);
                space(&mut flow, gap);
                t.draw(&mut flow, accent);
            }
            Laid::Payment(p) => {
                let qr = p.qr_xobject().map(|x| pdf.add_xobject(x));
                ensure_keeping(&mut flow, gap + p.height, keep);
                space(&mut flow, gap);
                p.draw(&mut flow, accent, qr.as_ref());
            }
        }
    }

    if !closing.is_empty() {
        flow.ensure(closing_h);
        space(&mut flow, CLOSING_GAP_MM);
        closing.draw(&mut flow);
    }

    let pages = flow.finish(&footer);
    pdf.finish(fonts, &doc.meta, pages)
}
