//! Tables that break across pages: cells wrap inside their column, amounts right-align, and
//! the header row is repeated at the top of every page the table spans. A row is never cut: one
//! that does not fit under what is on the page moves to the next page whole, or — when it is
//! long (a description of hundreds of words) — goes on there, split between lines, so every
//! word typed is printed and no page stays empty (issue "Every month's invoicing", item 6).

use crate::error::DocumentError;
use crate::flow::Flow;
use crate::fonts::Fonts;
use crate::layout::{TextStyle, CONTENT_WIDTH_MM, HAIRLINE, INK, MARGIN_LEFT_MM, MUTED};
use crate::measure::wrap;
use crate::model::{Align, Rgb, Table};

const HEADER_STYLE: TextStyle = TextStyle::bold(8.0, MUTED);
const CELL_STYLE: TextStyle = TextStyle::regular(9.0, INK);
/// Space above and below the text of a row.
const ROW_PADDING_MM: f32 = 1.6;
/// Space between neighbouring columns.
const COLUMN_GAP_MM: f32 = 4.0;
/// A row that does not fit is split across pages only when at least this many of its lines
/// fit on this page and as many go to the next: a short row moves whole, and no page ends or
/// starts with a lone line of a row.
const MIN_SPLIT_LINES: usize = 3;

/// Text box of one column: left edge and width.
#[derive(Debug, Clone, Copy)]
struct Slot {
    x: f32,
    width: f32,
    align: Align,
}

fn slots(table: &Table) -> Result<Vec<Slot>, DocumentError> {
    if table.columns.is_empty() {
        return Err(DocumentError::Invalid("a table needs columns".into()));
    }
    if table
        .columns
        .iter()
        .any(|c| !c.width.is_finite() || c.width <= 0.0)
    {
        return Err(DocumentError::Invalid(
            "column widths must be positive".into(),
        ));
    }
    if let Some(row) = table.rows.iter().find(|r| r.len() > table.columns.len()) {
        return Err(DocumentError::Invalid(format!(
            "a table row has {} cells for {} columns",
            row.len(),
            table.columns.len()
        )));
    }
    let total: f32 = table.columns.iter().map(|c| c.width).sum();
    #[allow(clippy::cast_precision_loss)]
    let gaps = (table.columns.len() - 1) as f32 * COLUMN_GAP_MM;
    let usable = CONTENT_WIDTH_MM - gaps;
    if usable <= 0.0 {
        return Err(DocumentError::Invalid("too many table columns".into()));
    }
    let mut x = MARGIN_LEFT_MM;
    Ok(table
        .columns
        .iter()
        .map(|c| {
            let width = usable * c.width / total;
            let slot = Slot {
                x,
                width,
                align: c.align,
            };
            x += width + COLUMN_GAP_MM;
            slot
        })
        .collect())
}

/// One row, wrapped.
struct Laid {
    cells: Vec<Vec<String>>,
    height: f32,
}

impl Laid {
    fn new(cells: Vec<Vec<String>>, style: TextStyle) -> Laid {
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        #[allow(clippy::cast_precision_loss)]
        let height = lines as f32 * style.line_height() + 2.0 * ROW_PADDING_MM;
        Laid { cells, height }
    }

    /// How many lines the row's tallest cell has.
    fn lines(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(1).max(1)
    }

    /// The first `n` lines of every cell, and the rest (the cells' next lines; empty cells
    /// where one ended).
    fn split(self, n: usize, style: TextStyle) -> (Laid, Laid) {
        let (head, rest): (Vec<Vec<String>>, Vec<Vec<String>>) = self
            .cells
            .into_iter()
            .map(|mut lines| {
                let rest = lines.split_off(n.min(lines.len()));
                (lines, rest)
            })
            .unzip();
        (Laid::new(head, style), Laid::new(rest, style))
    }
}

fn lay_row(fonts: &Fonts, slots: &[Slot], cells: &[String], style: TextStyle) -> Laid {
    let face = fonts.face(style.font);
    let cells: Vec<Vec<String>> = slots
        .iter()
        .enumerate()
        .map(|(i, slot)| {
            let text = cells.get(i).map_or("", String::as_str);
            wrap(face, text, style.size, slot.width)
        })
        .collect();
    Laid::new(cells, style)
}

/// How many lines of a row fit in `room` mm.
fn lines_in(room: f32, style: TextStyle) -> usize {
    let lines = ((room - 2.0 * ROW_PADDING_MM) / style.line_height()).floor();
    // A page is a few hundred millimetres at most.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let lines = lines.max(0.0) as usize;
    lines
}

fn draw_row(flow: &mut Flow<'_>, slots: &[Slot], row: &Laid, style: TextStyle) {
    let fonts = flow.fonts();
    let first_baseline = flow.y + ROW_PADDING_MM + style.baseline_offset(fonts);
    for (slot, lines) in slots.iter().zip(&row.cells) {
        let mut baseline = first_baseline;
        for line in lines {
            match slot.align {
                Align::Left => flow.canvas.text(slot.x, baseline, style, line),
                Align::Right => flow
                    .canvas
                    .text_right(slot.x + slot.width, baseline, style, line),
            }
            baseline += style.line_height();
        }
    }
    flow.y += row.height;
}

fn draw_header(flow: &mut Flow<'_>, slots: &[Slot], header: &Laid, accent: Rgb) {
    draw_row(flow, slots, header, HEADER_STYLE);
    let right = slots.last().map_or(MARGIN_LEFT_MM, |s| s.x + s.width);
    flow.canvas
        .hline(MARGIN_LEFT_MM, right, flow.y, 0.8, accent);
}

/// Height of the header row and the first row (up to three lines of it): what [`draw_table`]
/// puts on a page together, so what a heading above the table must be kept with.
pub fn lead_height(fonts: &Fonts, table: &Table) -> Result<f32, DocumentError> {
    let slots = slots(table)?;
    let headers: Vec<String> = table.columns.iter().map(|c| c.header.clone()).collect();
    let header = lay_row(fonts, &slots, &headers, HEADER_STYLE);
    let first = table.rows.first().map_or(0.0, |r| {
        let row = lay_row(fonts, &slots, r, CELL_STYLE);
        row.split(MIN_SPLIT_LINES, CELL_STYLE).0.height
    });
    Ok(header.height + first)
}

/// Draws `table` at the cursor, starting new pages as needed. The header row is drawn in
/// muted bold with a rule in `accent` below it; rows are separated by hairlines. A row that
/// does not fit moves to the next page, or, when long, is split across pages between its lines
/// ([`MIN_SPLIT_LINES`]); a row taller than a page always is. Nothing is cut off.
///
/// `keep_with_last` is the height of what follows the table (totals, payment block): if it
/// would not fit under the last row, the last row moves to the next page too, so that what
/// follows never stands alone on a page.
pub fn draw_table(
    flow: &mut Flow<'_>,
    table: &Table,
    accent: Rgb,
    keep_with_last: f32,
) -> Result<(), DocumentError> {
    let slots = slots(table)?;
    let fonts = flow.fonts();
    let headers: Vec<String> = table.columns.iter().map(|c| c.header.clone()).collect();
    let header = lay_row(fonts, &slots, &headers, HEADER_STYLE);

    // The header goes with (the start of) the first row.
    let mut first = table
        .rows
        .first()
        .map(|r| lay_row(fonts, &slots, r, CELL_STYLE));
    let lead = first.as_ref().map_or(0.0, |r| {
        let shown = r.lines().min(MIN_SPLIT_LINES);
        #[allow(clippy::cast_precision_loss)]
        let lead = shown as f32 * CELL_STYLE.line_height() + 2.0 * ROW_PADDING_MM;
        lead
    });
    flow.ensure(header.height + lead);
    draw_header(flow, &slots, &header, accent);

    let right = slots.last().map_or(MARGIN_LEFT_MM, |s| s.x + s.width);
    // Rows (or parts of rows) drawn on this page under its header.
    let mut on_page = 0usize;
    for (i, cells) in table.rows.iter().enumerate() {
        let mut row = match first.take() {
            Some(row) => row,
            None => lay_row(fonts, &slots, cells, CELL_STYLE),
        };
        let is_last = i + 1 == table.rows.len();
        loop {
            let keep = is_last
                && on_page > 0
                && !flow.fits(row.height + keep_with_last)
                && header.height + row.height + keep_with_last <= flow.page_capacity();
            if flow.fits(row.height) && !keep {
                if on_page > 0 {
                    flow.canvas
                        .hline(MARGIN_LEFT_MM, right, flow.y, 0.3, HAIRLINE);
                }
                draw_row(flow, &slots, &row, CELL_STYLE);
                on_page += 1;
                break;
            }
            let fit = lines_in(flow.remaining(), CELL_STYLE);
            let long = fit >= MIN_SPLIT_LINES && row.lines().saturating_sub(fit) >= MIN_SPLIT_LINES;
            // Under nothing but the header, moving on would not help: split whatever fits.
            let must = on_page == 0 && fit >= 1;
            if !keep && (long || must) {
                let (here, rest) = row.split(fit, CELL_STYLE);
                if on_page > 0 {
                    flow.canvas
                        .hline(MARGIN_LEFT_MM, right, flow.y, 0.3, HAIRLINE);
                }
                draw_row(flow, &slots, &here, CELL_STYLE);
                row = rest;
            }
            // Close the table on this page; it goes on under a repeated header.
            flow.canvas
                .hline(MARGIN_LEFT_MM, right, flow.y, 0.3, HAIRLINE);
            flow.new_page();
            draw_header(flow, &slots, &header, accent);
            on_page = 0;
        }
    }
    flow.canvas
        .hline(MARGIN_LEFT_MM, right, flow.y, 0.5, accent);
    Ok(())
}
