//! Layout: a report `Document` → pages of positioned text runs and rules in millimetres, measured with the fonts'
//! real advance widths. Pure: knows font metrics (through `Metrics`), knows nothing of PDF.
//!
//! Line breaking is textwrap's optimal fit fed with measured widths; an overflow costs more than any gap, and a word
//! wider than a line is cut first, so no text runs past the margin. Paragraphs avoid a lone line at the foot or the
//! head of a page; a heading keeps with the two lines after it; a table row that does not fit moves to the next page
//! under a repeated header row. Every size comes from `rules`.

mod blocks;
mod chart;
mod engine;
pub mod rules;
mod table;

use engine::Engine;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The four styles of the report font.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PageStyle"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

/// Advance widths of the report font, in thousandths of an em truncated to integers, as the PDF's /W array holds
/// them (so that justified lines end exactly at the margin). `None`: the font has no glyph for the character.
pub trait Metrics {
    fn advance(&self, style: Style, c: char) -> Option<u16>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// A report to lay out: parts that each start a new page and number their own pages (the body, each appendix).
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub title: String,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub orientation: Orientation,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Serialize)]
pub enum Block {
    /// The two-column header with the number line and the place-and-date line.
    Header(Header),
    /// The type name (BÁO CÁO) and the trích yếu, with the rule under it.
    Title {
        kind: String,
        subject: String,
    },
    /// "Kính gửi:" and the recipients.
    Recipients(Vec<String>),
    Heading {
        level: HeadingLevel,
        text: String,
    },
    /// A justified body paragraph with a first-line indent.
    Paragraph(String),
    /// A line of text (wrapped if long) with its own size, style and alignment.
    Line {
        text: String,
        size: f32,
        style: Style,
        align: Align,
    },
    Table(Table),
    /// The signature block and "Nơi nhận".
    Closing(Closing),
    /// "Phụ lục I", the appendix name, the reference line.
    AppendixTitle {
        label: String,
        name: String,
        reference: String,
    },
    /// A small bar chart drawn as vector rectangles.
    Chart(Chart),
    /// Vertical space in millimetres.
    Space(f32),
}

/// Bars grouped by label (e.g. by period), one bar per series (e.g. this year, last year), on a 0–`max` scale.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ChartModel"))]
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub title: String,
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    pub max: f64,
    /// Printed after each value ("%").
    pub unit: String,
    /// Bars across, each label on its left (long names, ranked units); upright bars under short labels otherwise.
    pub horizontal: bool,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ChartSeries"))]
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub name: String,
    /// One value per label; `None` draws no bar.
    pub values: Vec<Option<f64>>,
    /// Fill: 0 black … 1 white.
    pub gray: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Header {
    pub superior: String,
    pub issuer: String,
    pub number_line: String,
    pub motto: String,
    pub slogan: String,
    pub place_date: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum HeadingLevel {
    /// Mục "I." — UPPERCASE bold.
    Section,
    /// Khoản "1." — bold.
    Clause,
    /// Điểm "a)" — italic.
    Point,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub size: f32,
    pub columns: Vec<Column>,
    /// Header cells on a grid of `header_rows` rows; a cell may span rows and columns.
    pub header: Vec<HeaderCell>,
    pub header_rows: usize,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Column {
    /// Share of the text width.
    pub weight: f32,
    pub align: Align,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeaderCell {
    pub text: String,
    pub row: usize,
    pub rows: usize,
    pub col: usize,
    pub cols: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub bold: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub text: String,
    /// Number of columns the cell covers.
    pub span: usize,
}

impl Row {
    pub fn new(cells: impl IntoIterator<Item = String>) -> Row {
        Row { cells: cells.into_iter().map(|text| Cell { text, span: 1 }).collect(), bold: false }
    }

    /// One cell across `columns` columns (a group line such as a field's name).
    pub fn spanning(text: String, columns: usize) -> Row {
        Row { cells: vec![Cell { text, span: columns }], bold: true }
    }

    pub fn bold(mut self) -> Row {
        self.bold = true;
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Closing {
    /// An italic place-and-date line above the signature (forms that have no header), if any.
    pub place_date: Option<String>,
    /// "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH".
    pub authority: Vec<String>,
    pub signer: String,
    pub copies_label: String,
    pub copies: Vec<String>,
}

/// A laid-out page. Coordinates are millimetres from the top-left corner; `baseline` is a text line's baseline.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ReportPage"))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// The number printed in the top margin (none on the first page of a part).
    pub number: Option<u32>,
    pub items: Vec<Item>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PageItem"))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Item {
    Text(TextRun),
    Rule(Rule),
    Box(FilledBox),
}

/// A filled rectangle (a chart's bar or legend key); `y` is its top edge.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FilledBox {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub gray: f32,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextRun {
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub style: Style,
    pub text: String,
    /// Extra width added to every space to justify the line (millimetres).
    pub space_extra: f32,
    /// The printed width, justification included.
    pub width: f32,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PageRule"))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub thickness_pt: f32,
}

/// Pages, and the characters the font could not draw (the caller refuses to print them).
#[derive(Debug, Clone)]
pub struct Layout {
    pub pages: Vec<Page>,
    pub missing: BTreeSet<char>,
}

/// Lays the document out on pages.
pub fn layout(document: &Document, metrics: &dyn Metrics) -> Layout {
    let mut engine = Engine::new(metrics, None);
    for part in &document.parts {
        engine.orientation = part.orientation;
        engine.part_page = 0;
        engine.new_page();
        for (i, block) in part.blocks.iter().enumerate() {
            // The signature never stands alone on a page: the paragraph before it goes with it.
            if let (Block::Paragraph(text), Some(Block::Closing(closing))) = (block, part.blocks.get(i + 1)) {
                let need = engine.paragraph_height(text) + engine.closing_height(closing);
                engine.ensure(need);
            }
            // Headings that follow one another ("I. …" then "1. …") go together with the two lines after the last:
            // a heading never ends a page, not even above another heading.
            let run = part.blocks[i..].iter().take_while(|b| matches!(b, Block::Heading { .. })).count();
            let after_heading = i > 0 && matches!(part.blocks[i - 1], Block::Heading { .. });
            if run > 1 && !after_heading {
                let mut need = engine.heading_tail();
                for b in &part.blocks[i..i + run] {
                    if let Block::Heading { level, text } = b {
                        need += engine.heading_height(*level, text);
                    }
                }
                engine.ensure(need);
            }
            engine.block(block);
        }
    }
    Layout { pages: engine.pages, missing: engine.missing }
}

/// One chart drawn alone, `width` millimetres wide, by the same code that draws it on a printed page (the window's
/// charts): a page exactly as large as the chart, its items from its top-left corner.
pub fn figure(chart: &Chart, width: f32, metrics: &dyn Metrics) -> Layout {
    let mut engine = Engine::new(metrics, Some(width));
    engine.new_page();
    let top = engine.y;
    engine.chart(chart);
    let height = engine.y - top - rules::CHART_GAP;
    let (dx, dy) = (-engine.left(), -top);
    let mut page = engine.pages.pop().expect("the figure's page");
    for item in &mut page.items {
        match item {
            Item::Text(t) => {
                t.x += dx;
                t.baseline += dy;
            }
            Item::Rule(r) => {
                r.x1 += dx;
                r.x2 += dx;
                r.y1 += dy;
                r.y2 += dy;
            }
            Item::Box(b) => {
                b.x += dx;
                b.y += dy;
            }
        }
    }
    page.width = width;
    page.height = height;
    page.number = None;
    Layout { pages: vec![page], missing: engine.missing }
}

/// Every character of the document's text (for the font check before layout).
pub fn characters(document: &Document) -> BTreeSet<char> {
    let mut out = BTreeSet::new();
    let mut add = |s: &str| out.extend(s.chars());
    for part in &document.parts {
        for block in &part.blocks {
            match block {
                Block::Header(h) => {
                    for s in [&h.superior, &h.issuer, &h.number_line, &h.motto, &h.slogan, &h.place_date] {
                        add(s)
                    }
                }
                Block::Title { kind, subject } => {
                    add(kind);
                    add(subject)
                }
                Block::Recipients(list) => list.iter().for_each(|s| add(s)),
                Block::Heading { text, .. } | Block::Paragraph(text) | Block::Line { text, .. } => add(text),
                Block::Table(t) => {
                    t.header.iter().for_each(|c| add(&c.text));
                    t.rows.iter().flat_map(|r| &r.cells).for_each(|c| add(&c.text));
                }
                Block::Closing(c) => {
                    c.place_date.iter().for_each(|s| add(s));
                    c.authority.iter().for_each(|s| add(s));
                    add(&c.signer);
                    add(&c.copies_label);
                    c.copies.iter().for_each(|s| add(s));
                }
                Block::AppendixTitle { label, name, reference } => {
                    add(label);
                    add(name);
                    add(reference)
                }
                Block::Chart(c) => {
                    add(&c.title);
                    add(&c.unit);
                    c.labels.iter().for_each(|s| add(s));
                    c.series.iter().for_each(|s| add(&s.name));
                    add("0123456789,");
                }
                Block::Space(_) => {}
            }
        }
    }
    out
}

/// Prints `text` at the foot of every page, centred in the bottom margin (a work copy's drafts: whose and that they are
/// not the office's documents).
pub fn mark_pages(pages: &mut [Page], text: &str, metrics: &dyn Metrics) {
    let size = rules::MARK_SIZE;
    let style = Style::Italic;
    let units: u32 = text.chars().filter_map(|c| metrics.advance(style, c)).map(u32::from).sum();
    let width = units as f32 * size / 1000.0 * rules::MM_PER_PT;
    for page in pages {
        let x = rules::MARGIN_LEFT + ((page.width - rules::MARGIN_LEFT - rules::MARGIN_RIGHT) - width).max(0.0) / 2.0;
        let baseline = page.height - rules::MARK_FROM_BOTTOM;
        page.items.push(Item::Text(TextRun {
            x,
            baseline,
            size,
            style,
            text: text.to_string(),
            space_extra: 0.0,
            width,
        }));
    }
}

/// What a person reads on a page: its lines of text top to bottom (runs on one baseline joined by " | ").
pub fn read(page: &Page) -> String {
    let mut runs: Vec<&TextRun> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some(t),
            Item::Rule(_) | Item::Box(_) => None,
        })
        .collect();
    runs.sort_by(|a, b| (a.baseline, a.x).partial_cmp(&(b.baseline, b.x)).unwrap_or(std::cmp::Ordering::Equal));
    let mut lines: Vec<(f32, Vec<&str>)> = Vec::new();
    for run in runs {
        match lines.last_mut() {
            Some((baseline, texts)) if (run.baseline - *baseline).abs() < 0.5 => texts.push(&run.text),
            _ => lines.push((run.baseline, vec![&run.text])),
        }
    }
    lines.into_iter().map(|(_, texts)| texts.join(" | ")).collect::<Vec<_>>().join("\n")
}
