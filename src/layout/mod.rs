//! Layout: a report `Document` → pages of positioned text runs and rules in millimetres, measured with the fonts'
//! real advance widths. Pure: knows font metrics (through `Metrics`), knows nothing of PDF.
//!
//! Line breaking is textwrap's optimal fit fed with measured widths; an overflow costs more than any gap, and a word
//! wider than a line is cut first, so no text runs past the margin. Paragraphs avoid a lone line at the foot or the
//! head of a page; a heading keeps with the two lines after it; a table row that does not fit moves to the next page
//! under a repeated header row. Every size comes from `rules`.

pub mod rules;

use rules::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_optimal_fit};

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
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub title: String,
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    pub max: f64,
    /// Printed after each value ("%").
    pub unit: String,
}

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
    let mut engine = Engine {
        metrics,
        pages: Vec::new(),
        missing: BTreeSet::new(),
        y: 0.0,
        orientation: Orientation::Portrait,
        part_page: 0,
    };
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
            engine.block(block);
        }
    }
    Layout { pages: engine.pages, missing: engine.missing }
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

/// A line of wrapped text: its words, natural width and number of spaces.
struct Line {
    text: String,
    natural: f32,
    spaces: usize,
}

/// Scale from millimetres to the units textwrap's optimal fit works in (tenths of a millimetre), so that the square
/// of a gap is a meaningful cost.
const WRAP_SCALE: f64 = 10.0;
/// Optimal-fit penalties: an overflow costs more than any arrangement of gaps, so lines never pass the margin.
const PENALTIES: Penalties = Penalties {
    nline_penalty: 1000,
    overflow_penalty: 1_000_000_000,
    short_last_line_fraction: 4,
    short_last_line_penalty: 25,
    hyphen_penalty: 25,
};
const EPSILON: f32 = 0.01;

#[derive(Debug)]
struct Word {
    text: String,
    width: f64,
    space: f64,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        self.space
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

struct Engine<'m> {
    metrics: &'m dyn Metrics,
    pages: Vec<Page>,
    missing: BTreeSet<char>,
    /// Top of the next line box on the current page.
    y: f32,
    orientation: Orientation,
    /// Pages of the current part so far.
    part_page: u32,
}

impl Engine<'_> {
    fn size(&self) -> (f32, f32) {
        match self.orientation {
            Orientation::Portrait => (PAGE_WIDTH, PAGE_HEIGHT),
            Orientation::Landscape => (PAGE_HEIGHT, PAGE_WIDTH),
        }
    }

    fn left(&self) -> f32 {
        MARGIN_LEFT
    }

    fn right(&self) -> f32 {
        self.size().0 - MARGIN_RIGHT
    }

    fn bottom(&self) -> f32 {
        self.size().1 - MARGIN_BOTTOM
    }

    fn text_width(&self) -> f32 {
        self.right() - self.left()
    }

    fn new_page(&mut self) {
        let (width, height) = self.size();
        self.part_page += 1;
        let number = (self.part_page >= 2).then_some(self.part_page);
        self.pages.push(Page { width, height, number, items: Vec::new() });
        if let Some(n) = number {
            let text = n.to_string();
            let w = self.measure(Style::Regular, PAGE_NUMBER_SIZE, &text);
            self.push_text(width / 2.0 - w / 2.0, PAGE_NUMBER_BASELINE, PAGE_NUMBER_SIZE, Style::Regular, text, 0.0);
        }
        self.y = MARGIN_TOP;
    }

    fn at_page_top(&self) -> bool {
        (self.y - MARGIN_TOP).abs() < EPSILON
    }

    /// Starts a new page unless `height` more millimetres fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom() + EPSILON && !self.at_page_top() {
            self.new_page();
        }
    }

    fn measure(&mut self, style: Style, size: f32, text: &str) -> f32 {
        let mut units = 0u32;
        for c in nfc(text).chars() {
            match self.metrics.advance(style, c) {
                Some(a) => units += u32::from(a),
                None => {
                    self.missing.insert(c);
                }
            }
        }
        units as f32 * size / 1000.0 * MM_PER_PT
    }

    fn push_text(&mut self, x: f32, baseline: f32, size: f32, style: Style, text: String, space_extra: f32) {
        let text = nfc(&text).into_owned();
        let natural = self.measure(style, size, &text);
        let spaces = text.matches(' ').count() as f32;
        let run = TextRun { x, baseline, size, style, text, space_extra, width: natural + spaces * space_extra };
        self.pages.last_mut().expect("a page is open").items.push(Item::Text(run));
    }

    fn push_rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness_pt: f32) {
        let rule = Rule { x1, y1, x2, y2, thickness_pt };
        self.pages.last_mut().expect("a page is open").items.push(Item::Rule(rule));
    }

    /// Breaks `text` into lines: the first `first` wide, the others `width` wide.
    fn wrap(&mut self, text: &str, style: Style, size: f32, first: f32, width: f32) -> Vec<Line> {
        let text = nfc(text);
        let space = self.measure(style, size, " ");
        let mut words = Vec::new();
        for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
            let w = self.measure(style, size, word);
            if w <= width.min(first) {
                words.push(Word {
                    text: word.to_string(),
                    width: w as f64 * WRAP_SCALE,
                    space: space as f64 * WRAP_SCALE,
                });
                continue;
            }
            // A word wider than a line (a long code or address): cut it where it must be cut.
            let mut piece = String::new();
            for c in word.chars() {
                let candidate = format!("{piece}{c}");
                if !piece.is_empty() && self.measure(style, size, &candidate) > width.min(first) {
                    let pw = self.measure(style, size, &piece);
                    words.push(Word { text: std::mem::take(&mut piece), width: pw as f64 * WRAP_SCALE, space: 0.0 });
                }
                piece.push(c);
            }
            let pw = self.measure(style, size, &piece);
            words.push(Word { text: piece, width: pw as f64 * WRAP_SCALE, space: space as f64 * WRAP_SCALE });
        }
        if words.is_empty() {
            return Vec::new();
        }
        let widths = [first as f64 * WRAP_SCALE, width as f64 * WRAP_SCALE];
        let lines = wrap_optimal_fit(&words, &widths, &PENALTIES).unwrap_or_else(|_| vec![&words[..]]);
        lines
            .into_iter()
            .map(|line| {
                let mut text = String::new();
                let mut natural = 0.0;
                let mut spaces = 0;
                for (i, word) in line.iter().enumerate() {
                    text.push_str(&word.text);
                    natural += word.width;
                    if i + 1 < line.len() && word.space > 0.0 {
                        text.push(' ');
                        natural += word.space;
                        spaces += 1;
                    }
                }
                Line { text, natural: (natural / WRAP_SCALE) as f32, spaces }
            })
            .collect()
    }

    /// Centred text broken into lines of even length: the narrowest width that needs no more lines than the full
    /// width does (a title never ends with one word alone on its last line).
    fn balanced(&mut self, text: &str, style: Style, size: f32, width: f32) -> Vec<Line> {
        let lines = self.wrap(text, style, size, width, width);
        if lines.len() < 2 {
            return lines;
        }
        let (mut low, mut high) = (width / 2.0, width);
        let mut best = lines;
        for _ in 0..10 {
            let mid = (low + high) / 2.0;
            let candidate = self.wrap(text, style, size, mid, mid);
            if candidate.len() <= best.len() && candidate.iter().all(|l| l.natural <= mid + EPSILON) {
                best = candidate;
                high = mid;
            } else {
                low = mid;
            }
        }
        best
    }

    fn baseline(&self, size: f32) -> f32 {
        let lh = line_height(size);
        let em = size * MM_PER_PT;
        self.y + (lh - em) / 2.0 + ASCENT_EM * em
    }

    /// Places wrapped lines from `self.y`, breaking pages without leaving one line alone at either end.
    #[allow(clippy::too_many_arguments)]
    fn place_lines(
        &mut self,
        lines: Vec<Line>,
        style: Style,
        size: f32,
        x: f32,
        indent: f32,
        width: f32,
        align: Align,
    ) {
        self.place(lines, style, size, (x, indent, width), align, false)
    }

    /// Places lines, justifying all but the last when `justify` is set.
    fn place(
        &mut self,
        lines: Vec<Line>,
        style: Style,
        size: f32,
        frame: (f32, f32, f32),
        align: Align,
        justify: bool,
    ) {
        let (x, indent, width) = frame;
        let lh = line_height(size);
        let n = lines.len();
        let mut lines = lines.into_iter().enumerate();
        let mut placed = 0;
        while placed < n {
            let fit = ((self.bottom() - self.y + EPSILON) / lh).floor().max(0.0) as usize;
            let remaining = n - placed;
            let mut take = remaining.min(fit);
            if remaining > fit {
                // Widow: never carry a paragraph's last line alone to the next page.
                if remaining - take == 1 && take >= 2 {
                    take -= 1;
                }
                // Orphan: never leave a paragraph's first line alone at the foot of a page.
                if take == 1 && placed == 0 {
                    take = 0;
                }
            }
            if take == 0 {
                if self.at_page_top() {
                    take = remaining.min(fit.max(1));
                } else {
                    self.new_page();
                    continue;
                }
            }
            for _ in 0..take {
                let (i, line) = lines.next().expect("counted");
                let first_indent = if i == 0 { indent } else { 0.0 };
                let avail = width - first_indent;
                let last = i + 1 == n;
                let lx = match align {
                    Align::Left => x + first_indent,
                    Align::Center => x + (width - line.natural) / 2.0,
                    Align::Right => x + width - line.natural,
                };
                let extra = if justify && !last && line.spaces > 0 {
                    ((avail - line.natural) / line.spaces as f32).max(0.0)
                } else {
                    0.0
                };
                let baseline = self.baseline(size);
                self.push_text(lx, baseline, size, style, line.text, extra);
                self.y += lh;
            }
            placed += take;
            if placed < n {
                self.new_page();
            }
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Header(h) => self.header(h),
            Block::Title { kind, subject } => self.title(kind, subject),
            Block::Recipients(list) => self.recipients(list),
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph(text) => self.paragraph(text),
            Block::Line { text, size, style, align } => {
                let w = self.text_width();
                let lines = match align {
                    Align::Center => self.balanced(text, *style, *size, w),
                    Align::Left | Align::Right => self.wrap(text, *style, *size, w, w),
                };
                let x = self.left();
                self.place_lines(lines, *style, *size, x, 0.0, w, *align);
            }
            Block::Table(t) => self.table(t),
            Block::Closing(c) => self.closing(c),
            Block::AppendixTitle { label, name, reference } => self.appendix_title(label, name, reference),
            Block::Chart(chart) => self.chart(chart),
            Block::Space(mm) => {
                if !self.at_page_top() {
                    self.y += mm;
                }
            }
        }
    }

    fn paragraph_gap(&mut self) {
        if !self.at_page_top() {
            self.y += PARAGRAPH_SPACING_PT * MM_PER_PT;
        }
    }

    fn paragraph(&mut self, text: &str) {
        self.paragraph_gap();
        let w = self.text_width();
        let lines = self.wrap(text, Style::Regular, BODY_SIZE, w - FIRST_LINE_INDENT, w);
        let x = self.left();
        self.place(lines, Style::Regular, BODY_SIZE, (x, FIRST_LINE_INDENT, w), Align::Left, true);
    }

    fn heading(&mut self, level: HeadingLevel, text: &str) {
        let style = match level {
            HeadingLevel::Section | HeadingLevel::Clause => Style::Bold,
            HeadingLevel::Point => Style::Italic,
        };
        if !self.at_page_top() {
            self.y += HEADING_SPACE_ABOVE_PT * MM_PER_PT;
        }
        let w = self.text_width();
        let lines = self.wrap(text, style, BODY_SIZE, w - FIRST_LINE_INDENT, w);
        // Keep the heading with the first two lines of what follows it.
        // (With a millimetre to spare, so that rounding never leaves room for one line only.)
        self.ensure(line_height(BODY_SIZE) * (lines.len() as f32 + 2.0) + PARAGRAPH_SPACING_PT * MM_PER_PT + 1.0);
        let x = self.left();
        self.place_lines(lines, style, BODY_SIZE, x, FIRST_LINE_INDENT, w, Align::Left);
    }

    /// Centred lines within [x, x + width]; returns the widest line's width.
    /// A line break in `text` is kept (agency names break after "ỦY BAN NHÂN DÂN").
    fn centred(&mut self, text: &str, style: Style, size: f32, x: f32, width: f32) -> f32 {
        let lines: Vec<Line> = text.split('\n').flat_map(|part| self.balanced(part, style, size, width)).collect();
        let widest = lines.iter().map(|l| l.natural).fold(0.0, f32::max);
        let lh = line_height(size);
        for line in lines {
            let baseline = self.baseline(size);
            self.push_text(x + (width - line.natural) / 2.0, baseline, size, style, line.text, 0.0);
            self.y += lh;
        }
        widest
    }

    /// The header's and the closing's left column (agency names, number line, "Nơi nhận"): x and width. Its text
    /// wraps inside it, `COLUMN_GAP` clear of the right column.
    fn left_column(&self) -> (f32, f32) {
        (self.left(), HEADER_LEFT_WIDTH - COLUMN_GAP)
    }

    /// The right column (Quốc hiệu, Tiêu ngữ, place and date, signature): x and width.
    fn right_column(&self) -> (f32, f32) {
        let x = self.left() + HEADER_LEFT_WIDTH;
        (x, self.right() - x)
    }

    /// Where a rule goes under the line of `size` points just placed (its box ends at `self.y`): `RULE_GAP` clear
    /// of the letters' descent, the rule's own thickness included.
    fn rule_below(&self, size: f32) -> f32 {
        let lh = line_height(size);
        let em = size * MM_PER_PT;
        let baseline = self.y - lh + (lh - em) / 2.0 + ASCENT_EM * em;
        baseline + DESCENT_EM * em + RULE_GAP + RULE_THICKNESS_PT * MM_PER_PT / 2.0
    }

    fn header(&mut self, h: &Header) {
        let top = self.y;
        let (left_x, left_w) = self.left_column();
        let (right_x, right_w) = self.right_column();
        // Left column: superior agency (upright), issuing agency (bold), a short rule under it.
        if !h.superior.is_empty() {
            self.centred(&h.superior, Style::Regular, AGENCY_SIZE, left_x, left_w);
        }
        let issuer_width = self.centred(&h.issuer, Style::Bold, AGENCY_SIZE, left_x, left_w);
        let left_rule_y = self.rule_below(AGENCY_SIZE);
        let rule = issuer_width * AGENCY_RULE_FRACTION;
        let cx = left_x + left_w / 2.0;
        self.push_rule(cx - rule / 2.0, left_rule_y, cx + rule / 2.0, left_rule_y, RULE_THICKNESS_PT);
        // Right column: Quốc hiệu and Tiêu ngữ, a rule as long as the Tiêu ngữ.
        self.y = top;
        self.centred(&h.motto, Style::Bold, MOTTO_SIZE, right_x, right_w);
        let slogan_width = self.centred(&h.slogan, Style::Bold, SLOGAN_SIZE, right_x, right_w);
        let right_rule_y = self.rule_below(SLOGAN_SIZE);
        let rcx = right_x + right_w / 2.0;
        self.push_rule(
            rcx - slogan_width / 2.0,
            right_rule_y,
            rcx + slogan_width / 2.0,
            right_rule_y,
            RULE_THICKNESS_PT,
        );
        // The number line and the place-and-date line: each wraps in its own column, their first lines share one
        // baseline.
        self.y = left_rule_y.max(right_rule_y) + HEADER_GAP;
        let line_top = self.y;
        let size = NUMBER_SIZE.max(PLACE_DATE_SIZE);
        let lh = line_height(size);
        let baseline = self.baseline(size);
        let mut rows = 0;
        for (text, style, text_size, x, w) in [
            (&h.number_line, Style::Regular, NUMBER_SIZE, left_x, left_w),
            (&h.place_date, Style::Italic, PLACE_DATE_SIZE, right_x, right_w),
        ] {
            // The blanks of a draft ("Số:       /BC-UBND", "ngày      tháng") are kept when the line fits.
            let natural = self.measure(style, text_size, text);
            let lines = if natural <= w {
                vec![Line { text: text.clone(), natural, spaces: 0 }]
            } else {
                self.balanced(text, style, text_size, w)
            };
            rows = rows.max(lines.len());
            for (i, line) in lines.into_iter().enumerate() {
                let lx = x + (w - line.natural) / 2.0;
                self.push_text(lx, baseline + lh * i as f32, text_size, style, line.text, 0.0);
            }
        }
        self.y = line_top + lh * rows.max(1) as f32;
    }

    fn title(&mut self, kind: &str, subject: &str) {
        self.y += TITLE_GAP_ABOVE;
        let x = self.left();
        let w = self.text_width();
        self.centred(kind, Style::Bold, TITLE_SIZE, x, w);
        let sx = x + (w - SUBJECT_WIDTH) / 2.0;
        let widest = self.centred(subject, Style::Bold, TITLE_SIZE, sx, SUBJECT_WIDTH);
        let rule_y = self.rule_below(TITLE_SIZE);
        let rule = widest * SUBJECT_RULE_FRACTION;
        let cx = x + w / 2.0;
        self.push_rule(cx - rule / 2.0, rule_y, cx + rule / 2.0, rule_y, RULE_THICKNESS_PT);
        self.y = rule_y + TITLE_GAP_BELOW;
    }

    fn recipients(&mut self, list: &[String]) {
        if list.is_empty() {
            return;
        }
        let label = "Kính gửi:";
        let x = self.left() + RECIPIENTS_INDENT;
        let label_w = self.measure(Style::Regular, BODY_SIZE, label);
        let space = self.measure(Style::Regular, BODY_SIZE, " ");
        let text_x = x + label_w + space;
        let width = self.right() - text_x;
        let baseline = self.baseline(BODY_SIZE);
        self.push_text(x, baseline, BODY_SIZE, Style::Regular, label.to_string(), 0.0);
        let last = list.len() - 1;
        for (i, recipient) in list.iter().enumerate() {
            let end = if i == last { "." } else { ";" };
            let body = recipient.trim_end_matches([';', '.', ' ']);
            let text = if list.len() == 1 { format!("{body}{end}") } else { format!("- {body}{end}") };
            let lines = self.wrap(&text, Style::Regular, BODY_SIZE, width, width);
            self.place_lines(lines, Style::Regular, BODY_SIZE, text_x, 0.0, width, Align::Left);
        }
        self.y += TITLE_GAP_BELOW;
    }

    fn appendix_title(&mut self, label: &str, name: &str, reference: &str) {
        let x = self.left();
        let w = self.text_width();
        self.centred(label, Style::Bold, APPENDIX_LABEL_SIZE, x, w);
        self.centred(name, Style::Bold, APPENDIX_NAME_SIZE, x, w);
        self.centred(reference, Style::Italic, APPENDIX_REFERENCE_SIZE, x, w);
        self.y += TITLE_GAP_BELOW;
    }

    /// Height of a body paragraph with the space above it.
    fn paragraph_height(&mut self, text: &str) -> f32 {
        let w = self.text_width();
        let lines = self.wrap(text, Style::Regular, BODY_SIZE, w - FIRST_LINE_INDENT, w).len();
        PARAGRAPH_SPACING_PT * MM_PER_PT + line_height(BODY_SIZE) * lines as f32
    }

    /// Height of the signature block or of "Nơi nhận", whichever is taller, with the space above it (lines counted
    /// as they wrap in their columns).
    fn closing_height(&mut self, c: &Closing) -> f32 {
        let lh = line_height(SIGNATURE_SIZE);
        let (_, left_w) = self.left_column();
        let (_, right_w) = self.right_column();
        let date_h = match &c.place_date {
            Some(date) => {
                line_height(PLACE_DATE_SIZE) * self.balanced(date, Style::Italic, PLACE_DATE_SIZE, right_w).len() as f32
            }
            None => 0.0,
        };
        let mut signature_lines = 0;
        for line in c.authority.iter().chain([&c.signer]) {
            signature_lines += self.balanced(line, Style::Bold, SIGNATURE_SIZE, right_w).len().max(1);
        }
        let sign_h = date_h + lh * signature_lines as f32 + SIGNATURE_SPACE;
        let mut copy_lines = 1;
        for line in &c.copies {
            copy_lines += self.wrap(line, Style::Regular, COPIES_SIZE, left_w, left_w).len().max(1);
        }
        let copies_h = line_height(COPIES_LABEL_SIZE) + line_height(COPIES_SIZE) * copy_lines as f32;
        SIGNATURE_GAP_ABOVE + sign_h.max(date_h + copies_h)
    }

    /// The signature in the right column, "Nơi nhận" in the left one, each wrapping inside its own width.
    fn closing(&mut self, c: &Closing) {
        let lh = line_height(SIGNATURE_SIZE);
        let need = self.closing_height(c);
        self.ensure(need);
        self.y += SIGNATURE_GAP_ABOVE;
        let (left_x, left_w) = self.left_column();
        let (right_x, right_w) = self.right_column();
        if let Some(date) = &c.place_date {
            self.centred(date, Style::Italic, PLACE_DATE_SIZE, right_x, right_w);
        }
        let top = self.y;
        for line in &c.authority {
            self.centred(line, Style::Bold, SIGNATURE_SIZE, right_x, right_w);
        }
        self.y += SIGNATURE_SPACE;
        self.centred(&c.signer, Style::Bold, SIGNATURE_SIZE, right_x, right_w);
        let end = self.y;
        // "Nơi nhận:" level with the authority line (same baseline).
        self.y = top;
        let baseline = self.baseline(SIGNATURE_SIZE);
        self.push_text(left_x, baseline, COPIES_LABEL_SIZE, Style::BoldItalic, c.copies_label.clone(), 0.0);
        self.y = top + lh;
        for line in &c.copies {
            let lines = self.wrap(line, Style::Regular, COPIES_SIZE, left_w, left_w);
            self.place_lines(lines, Style::Regular, COPIES_SIZE, left_x, 0.0, left_w, Align::Left);
        }
        self.y = self.y.max(end);
    }

    fn chart(&mut self, c: &Chart) {
        let label_lh = line_height(CHART_LABEL_SIZE);
        let x = self.left();
        let w = self.text_width();
        let plot_x = x + CHART_AXIS_WIDTH;
        let plot_w = w - CHART_AXIS_WIDTH;
        // From the top grid line (the scale's maximum) down to the base line.
        let plot_h = CHART_PLOT_HEIGHT - label_lh;
        let scale = plot_h / c.max.max(f64::EPSILON) as f32;
        let groups = c.labels.len().max(1);
        let group_w = plot_w / groups as f32;
        let bar_w = group_w * CHART_BAR_SHARE / c.series.len().max(1) as f32;
        let value_h = CHART_DIGIT_EM * CHART_VALUE_SIZE * MM_PER_PT;
        // Bars and their values, placed relative to the base line first: a value that would meet another (two bars
        // side by side, narrower than their figures) goes above it, clear of it.
        let mut bars: Vec<(f32, f32, f32, String)> = Vec::new();
        for g in 0..c.labels.len() {
            let gx = plot_x + group_w * g as f32 + group_w * (1.0 - CHART_BAR_SHARE) / 2.0;
            for (s, series) in c.series.iter().enumerate() {
                let Some(value) = series.values.get(g).copied().flatten() else { continue };
                let h = (value.clamp(0.0, c.max) as f32) * scale;
                bars.push((gx + bar_w * s as f32, h, series.gray, format!("{}{}", format_number(value), c.unit)));
            }
        }
        // A value wider than its bar never lies on the bar beside it, nor on another value: it goes above them.
        let mut values: Vec<ValueLabel> = Vec::new();
        for (bx, h, _, text) in &bars {
            let width = self.measure(Style::Regular, CHART_VALUE_SIZE, text);
            let mut label = ValueLabel { x: bx + (bar_w - width) / 2.0, baseline: -h - 1.0, width, text: text.clone() };
            loop {
                let over_bar = bars
                    .iter()
                    .filter(|(ox, oh, _, _)| {
                        label.x < ox + bar_w && *ox < label.x + label.width && label.baseline > -oh - 1.0 + EPSILON
                    })
                    .map(|(_, oh, _, _)| -oh - 1.0);
                let over_value =
                    values.iter().filter(|v| v.meets(&label, value_h)).map(|v| v.baseline - value_h - CHART_TEXT_GAP);
                match over_bar.chain(over_value).reduce(f32::min) {
                    Some(above) => label.baseline = above,
                    None => break,
                }
            }
            values.push(label);
        }
        // Room between the title and the top grid line: a line of labels, more when values were lifted above it.
        let highest = values.iter().map(|v| v.baseline - value_h).fold(-plot_h, f32::min);
        let above = label_lh.max(-highest - plot_h + CHART_TEXT_GAP);
        let title_lines = self.balanced(&c.title, Style::Italic, CHART_TITLE_SIZE, w).len().max(1);
        let total = line_height(CHART_TITLE_SIZE) * title_lines as f32 + above + plot_h + 2.0 * label_lh + CHART_GAP;
        self.paragraph_gap();
        self.ensure(total);
        self.centred(&c.title, Style::Italic, CHART_TITLE_SIZE, x, w);
        let base = self.y + above + plot_h;
        // Grid lines, broken where a value is printed across them: no figure is crossed by a rule.
        for step in [0.0, 0.5, 1.0] {
            let y = base - (c.max as f32 * step) * scale;
            let mut from = plot_x;
            let mut gaps: Vec<(f32, f32)> = values
                .iter()
                .filter(|v| base + v.baseline - value_h - CHART_TEXT_GAP < y && y < base + v.baseline + CHART_TEXT_GAP)
                .map(|v| (v.x - CHART_TEXT_GAP, v.x + v.width + CHART_TEXT_GAP))
                .collect();
            gaps.sort_by(|a, b| a.0.total_cmp(&b.0));
            for (gap_start, gap_end) in gaps {
                if gap_start > from {
                    self.push_rule(from, y, gap_start, y, CHART_GRID_PT);
                }
                from = from.max(gap_end);
            }
            if from < plot_x + plot_w {
                self.push_rule(from, y, plot_x + plot_w, y, CHART_GRID_PT);
            }
            let text = format!("{}{}", format_number(c.max * step as f64), c.unit);
            let tw = self.measure(Style::Regular, CHART_LABEL_SIZE, &text);
            let em = CHART_LABEL_SIZE * MM_PER_PT;
            self.push_text(plot_x - 1.5 - tw, y + em * 0.35, CHART_LABEL_SIZE, Style::Regular, text, 0.0);
        }
        for (bx, h, gray, _) in bars {
            self.push_box(bx, base - h, bar_w, h, gray);
        }
        for v in values {
            self.push_text(v.x, base + v.baseline, CHART_VALUE_SIZE, Style::Regular, v.text, 0.0);
        }
        for (g, label) in c.labels.iter().enumerate() {
            let lw = self.measure(Style::Regular, CHART_LABEL_SIZE, label);
            let baseline = base + label_lh * 0.85;
            let cx = plot_x + group_w * (g as f32 + 0.5);
            self.push_text(cx - lw / 2.0, baseline, CHART_LABEL_SIZE, Style::Regular, label.clone(), 0.0);
        }
        // The legend: a key and the series name, side by side, centred.
        let key = CHART_LABEL_SIZE * MM_PER_PT * 0.7;
        let names: Vec<f32> =
            c.series.iter().map(|s| self.measure(Style::Regular, CHART_LABEL_SIZE, &s.name)).collect();
        let legend_w: f32 = names.iter().map(|w| key + 1.5 + w + 6.0).sum();
        let mut lx = plot_x + (plot_w - legend_w) / 2.0;
        let baseline = base + label_lh * 1.85;
        for (series, name_w) in c.series.iter().zip(names) {
            self.push_box(lx, baseline - key, key, key, series.gray);
            self.push_text(lx + key + 1.5, baseline, CHART_LABEL_SIZE, Style::Regular, series.name.clone(), 0.0);
            lx += key + 1.5 + name_w + 6.0;
        }
        self.y = base + 2.0 * label_lh + CHART_GAP;
    }

    fn push_box(&mut self, x: f32, y: f32, width: f32, height: f32, gray: f32) {
        let filled = FilledBox { x, y, width, height, gray };
        self.pages.last_mut().expect("a page is open").items.push(Item::Box(filled));
    }

    fn table(&mut self, t: &Table) {
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
    fn split_row(
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

    fn table_header(&mut self, t: &Table, edges: &[f32], heights: &[f32], lines: &[Vec<Line>], size: f32) {
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

    fn cell_lines(&mut self, lines: Vec<Line>, style: Style, size: f32, x: f32, width: f32, align: Align) {
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

/// A bar's value printed above it; `baseline` is relative to the chart's base line (negative: above it).
struct ValueLabel {
    x: f32,
    baseline: f32,
    width: f32,
    text: String,
}

impl ValueLabel {
    /// Whether the two figures, `height` tall, come closer than a clear gap.
    fn meets(&self, other: &ValueLabel, height: f32) -> bool {
        let across = self.x < other.x + other.width + CHART_TEXT_GAP && other.x < self.x + self.width + CHART_TEXT_GAP;
        let up = self.baseline - height - CHART_TEXT_GAP < other.baseline
            && other.baseline - height - CHART_TEXT_GAP < self.baseline;
        across && up
    }
}

/// A chart value: whole numbers as they are, others with one decimal and a decimal comma ("99,6").
fn format_number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}").replace('.', ",") }
}

/// Text in NFC: decomposed marks would be measured and drawn apart from their letters.
fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}
