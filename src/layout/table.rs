//! Tables: measured columns, header rows repeated on every page, rows moved whole to the next page, a row taller
//! than a page continued in slices.

use super::engine::{EPSILON, Engine, Line};
use super::rules::*;
use super::*;

impl Engine<'_> {
    pub(super) fn table(&mut self, t: &Table) {
        let size = t.size;
        let lh = line_height(size);
        let x0 = self.left();
        let total: f32 = t.columns.iter().map(|c| c.weight).sum();
        let width = self.text_width();
        let mut edges = vec![x0];
        for c in &t.columns {
            let last = *edges.last().expect("one edge");
            edges.push(last + width * c.weight / total);
        }
        // Header row heights: each row as tall as its tallest single-row cell; cells spanning rows share them.
        let mut header_lines: Vec<Vec<Line>> = Vec::new();
        for cell in &t.header {
            let w = edges[cell.col + cell.cols] - edges[cell.col] - 2.0 * CELL_PADDING;
            header_lines.push(self.wrap(&cell.text, Style::Bold, size, w, w));
        }
        let mut heights = vec![lh + 2.0 * CELL_PADDING; t.header_rows];
        for (cell, lines) in t.header.iter().zip(&header_lines) {
            let need = lines.len() as f32 * lh + 2.0 * CELL_PADDING;
            if cell.rows == 1 {
                heights[cell.row] = heights[cell.row].max(need);
            }
        }
        for (cell, lines) in t.header.iter().zip(&header_lines) {
            let need = lines.len() as f32 * lh + 2.0 * CELL_PADDING;
            let have: f32 = heights[cell.row..cell.row + cell.rows].iter().sum();
            if cell.rows > 1 && need > have {
                heights[cell.row + cell.rows - 1] += need - have;
            }
        }
        let header_h: f32 = heights.iter().sum();
        // Body rows, wrapped once.
        let rows: Vec<Vec<(usize, usize, Vec<Line>)>> = t
            .rows
            .iter()
            .map(|row| {
                let style = if row.bold { Style::Bold } else { Style::Regular };
                let mut col = 0;
                let mut cells = Vec::new();
                for cell in &row.cells {
                    let span = cell.span.max(1).min(t.columns.len() - col);
                    let w = edges[col + span] - edges[col] - 2.0 * CELL_PADDING;
                    cells.push((col, span, self.wrap(&cell.text, style, size, w, w)));
                    col += span;
                }
                cells
            })
            .collect();
        let row_height = |cells: &Vec<(usize, usize, Vec<Line>)>| {
            cells.iter().map(|(_, _, l)| l.len().max(1)).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PADDING
        };
        // The room for rows on a page that starts with the header: a row taller than that is split across pages.
        let fresh_room = self.bottom() - MARGIN_TOP - header_h;
        let first = rows.first().map(row_height).unwrap_or(0.0);
        // The header goes with the first row, or with two lines of it when that row is split anyway.
        let first = if first > fresh_room + EPSILON { 2.0 * lh + 2.0 * CELL_PADDING } else { first };
        self.paragraph_gap();
        self.ensure(header_h + first);
        self.table_header(t, &edges, &heights, &header_lines, size);
        let row_heights: Vec<f32> = rows.iter().map(row_height).collect();
        for (i, (row, cells)) in t.rows.iter().zip(rows).enumerate() {
            let h = row_heights[i];
            if h > fresh_room + EPSILON {
                self.split_row(t, row.bold, cells, (&edges, &heights, &header_lines));
                continue;
            }
            // A group row (one cell across the table, e.g. a field's name) keeps with the row after it.
            let group = cells.len() == 1 && cells[0].1 > 1 && i + 1 < row_heights.len();
            let need = if group { h + row_heights[i + 1] } else { h };
            if self.y + need > self.bottom() + EPSILON {
                self.new_page();
                self.table_header(t, &edges, &heights, &header_lines, size);
            }
            let style = if row.bold { Style::Bold } else { Style::Regular };
            let top = self.y;
            let x_start = edges[0];
            let x_end = *edges.last().expect("edges");
            self.push_rule(x_start, top + h, x_end, top + h, TABLE_RULE_PT);
            self.push_rule(x_start, top, x_start, top + h, TABLE_RULE_PT);
            for (col, span, lines) in cells {
                let align = if span > 1 { Align::Left } else { t.columns[col].align };
                let cx = edges[col] + CELL_PADDING;
                let cw = edges[col + span] - edges[col] - 2.0 * CELL_PADDING;
                self.y = top + CELL_PADDING;
                self.cell_lines(lines, style, size, cx, cw, align);
                self.push_rule(edges[col + span], top, edges[col + span], top + h, TABLE_RULE_PT);
            }
            self.y = top + h;
        }
    }

    /// Draws a row taller than a page in slices: as many lines of every cell as fit, closed by a rule, then the rest
    /// on the next page under the repeated header. A slice of fewer than two lines is not started at a page foot.
    pub(super) fn split_row(
        &mut self,
        t: &Table,
        bold: bool,
        mut cells: Vec<(usize, usize, Vec<Line>)>,
        (edges, heights, header_lines): (&[f32], &[f32], &[Vec<Line>]),
    ) {
        let size = t.size;
        let lh = line_height(size);
        let style = if bold { Style::Bold } else { Style::Regular };
        loop {
            let remaining = cells.iter().map(|(_, _, l)| l.len()).max().unwrap_or(0);
            let fit = ((self.bottom() - self.y - 2.0 * CELL_PADDING + EPSILON) / lh).floor().max(0.0) as usize;
            if fit < 2.min(remaining.max(1)) {
                self.new_page();
                self.table_header(t, edges, heights, header_lines, size);
                continue;
            }
            let take = fit.min(remaining.max(1));
            let top = self.y;
            let h = take as f32 * lh + 2.0 * CELL_PADDING;
            let (x_start, x_end) = (edges[0], *edges.last().expect("edges"));
            self.push_rule(x_start, top + h, x_end, top + h, TABLE_RULE_PT);
            self.push_rule(x_start, top, x_start, top + h, TABLE_RULE_PT);
            for (col, span, lines) in &mut cells {
                let align = if *span > 1 { Align::Left } else { t.columns[*col].align };
                let cx = edges[*col] + CELL_PADDING;
                let cw = edges[*col + *span] - edges[*col] - 2.0 * CELL_PADDING;
                self.y = top + CELL_PADDING;
                let slice: Vec<Line> = lines.drain(..take.min(lines.len())).collect();
                self.cell_lines(slice, style, size, cx, cw, align);
                self.push_rule(edges[*col + *span], top, edges[*col + *span], top + h, TABLE_RULE_PT);
            }
            self.y = top + h;
            if cells.iter().all(|(_, _, l)| l.is_empty()) {
                return;
            }
            self.new_page();
            self.table_header(t, edges, heights, header_lines, size);
        }
    }

    pub(super) fn table_header(&mut self, t: &Table, edges: &[f32], heights: &[f32], lines: &[Vec<Line>], size: f32) {
        let top = self.y;
        let x_start = edges[0];
        let x_end = *edges.last().expect("edges");
        self.push_rule(x_start, top, x_end, top, TABLE_RULE_PT);
        for (cell, cell_lines) in t.header.iter().zip(lines) {
            let y1 = top + heights[..cell.row].iter().sum::<f32>();
            let h: f32 = heights[cell.row..cell.row + cell.rows].iter().sum();
            let (x1, x2) = (edges[cell.col], edges[cell.col + cell.cols]);
            // Centre the text vertically in the cell.
            let text_h = cell_lines.len() as f32 * line_height(size);
            self.y = y1 + (h - text_h) / 2.0;
            let cell_lines: Vec<Line> = cell_lines
                .iter()
                .map(|l| Line { text: l.text.clone(), natural: l.natural, spaces: l.spaces })
                .collect();
            self.cell_lines(
                cell_lines,
                Style::Bold,
                size,
                x1 + CELL_PADDING,
                x2 - x1 - 2.0 * CELL_PADDING,
                Align::Center,
            );
            self.push_rule(x1, y1 + h, x2, y1 + h, TABLE_RULE_PT);
            self.push_rule(x1, y1, x1, y1 + h, TABLE_RULE_PT);
            self.push_rule(x2, y1, x2, y1 + h, TABLE_RULE_PT);
        }
        self.y = top + heights.iter().sum::<f32>();
    }

    pub(super) fn cell_lines(&mut self, lines: Vec<Line>, style: Style, size: f32, x: f32, width: f32, align: Align) {
        let lh = line_height(size);
        for line in lines {
            let lx = match align {
                Align::Left => x,
                Align::Center => x + (width - line.natural) / 2.0,
                Align::Right => x + width - line.natural,
            };
            let baseline = self.baseline(size);
            self.push_text(lx, baseline, size, style, line.text, 0.0);
            self.y += lh;
        }
    }
}
