//! The layout engine's machinery: the page being filled, measuring and wrapping words (textwrap's optimal fit on
//! measured widths), placing lines with no lone line at a page's foot or head.

use super::rules::*;
use super::*;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_optimal_fit};

/// A line of wrapped text: its words, natural width and number of spaces.
pub(super) struct Line {
    pub(super) text: String,
    pub(super) natural: f32,
    pub(super) spaces: usize,
}

/// Scale from millimetres to the units textwrap's optimal fit works in (tenths of a millimetre), so that the square
/// of a gap is a meaningful cost.
pub(super) const WRAP_SCALE: f64 = 10.0;
/// Optimal-fit penalties: an overflow costs more than any arrangement of gaps, so lines never pass the margin.
pub(super) const PENALTIES: Penalties = Penalties {
    nline_penalty: 1000,
    overflow_penalty: 1_000_000_000,
    short_last_line_fraction: 4,
    short_last_line_penalty: 25,
    hyphen_penalty: 25,
};
pub(super) const EPSILON: f32 = 0.01;

#[derive(Debug)]
pub(super) struct Word {
    pub(super) text: String,
    pub(super) width: f64,
    pub(super) space: f64,
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

pub(super) struct Engine<'m> {
    pub(super) metrics: &'m dyn Metrics,
    pub(super) pages: Vec<Page>,
    pub(super) missing: BTreeSet<char>,
    /// Top of the next line box on the current page.
    pub(super) y: f32,
    pub(super) orientation: Orientation,
    /// Pages of the current part so far.
    pub(super) part_page: u32,
    /// A figure drawn alone (a chart on a screen): the text width in millimetres, on a sheet as tall as it needs.
    pub(super) figure_width: Option<f32>,
}

impl<'m> Engine<'m> {
    /// An engine with no page yet: for pages of a document, or (`figure_width`) for one figure drawn alone.
    pub(super) fn new(metrics: &'m dyn Metrics, figure_width: Option<f32>) -> Engine<'m> {
        Engine {
            metrics,
            pages: Vec::new(),
            missing: BTreeSet::new(),
            y: 0.0,
            orientation: Orientation::Portrait,
            part_page: 0,
            figure_width,
        }
    }

    pub(super) fn size(&self) -> (f32, f32) {
        if let Some(width) = self.figure_width {
            return (MARGIN_LEFT + width + MARGIN_RIGHT, FIGURE_SHEET_HEIGHT);
        }
        match self.orientation {
            Orientation::Portrait => (PAGE_WIDTH, PAGE_HEIGHT),
            Orientation::Landscape => (PAGE_HEIGHT, PAGE_WIDTH),
        }
    }

    pub(super) fn left(&self) -> f32 {
        MARGIN_LEFT
    }

    pub(super) fn right(&self) -> f32 {
        self.size().0 - MARGIN_RIGHT
    }

    pub(super) fn bottom(&self) -> f32 {
        self.size().1 - MARGIN_BOTTOM
    }

    pub(super) fn text_width(&self) -> f32 {
        self.right() - self.left()
    }

    pub(super) fn new_page(&mut self) {
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

    pub(super) fn at_page_top(&self) -> bool {
        (self.y - MARGIN_TOP).abs() < EPSILON
    }

    /// Starts a new page unless `height` more millimetres fit on this one.
    pub(super) fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom() + EPSILON && !self.at_page_top() {
            self.new_page();
        }
    }

    pub(super) fn measure(&mut self, style: Style, size: f32, text: &str) -> f32 {
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

    pub(super) fn push_text(&mut self, x: f32, baseline: f32, size: f32, style: Style, text: String, space_extra: f32) {
        let text = nfc(&text).into_owned();
        let natural = self.measure(style, size, &text);
        let spaces = text.matches(' ').count() as f32;
        let run = TextRun { x, baseline, size, style, text, space_extra, width: natural + spaces * space_extra };
        self.pages.last_mut().expect("a page is open").items.push(Item::Text(run));
    }

    pub(super) fn push_rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness_pt: f32) {
        let rule = Rule { x1, y1, x2, y2, thickness_pt };
        self.pages.last_mut().expect("a page is open").items.push(Item::Rule(rule));
    }

    /// Breaks `text` into lines: the first `first` wide, the others `width` wide.
    pub(super) fn wrap(&mut self, text: &str, style: Style, size: f32, first: f32, width: f32) -> Vec<Line> {
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
    pub(super) fn balanced(&mut self, text: &str, style: Style, size: f32, width: f32) -> Vec<Line> {
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

    pub(super) fn baseline(&self, size: f32) -> f32 {
        let lh = line_height(size);
        let em = size * MM_PER_PT;
        self.y + (lh - em) / 2.0 + ASCENT_EM * em
    }

    /// Places wrapped lines from `self.y`, breaking pages without leaving one line alone at either end.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn place_lines(
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
    pub(super) fn place(
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
}

/// Text in NFC: decomposed marks would be measured and drawn apart from their letters.
pub(super) fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}
