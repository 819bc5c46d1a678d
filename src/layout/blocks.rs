//! The blocks of a report as NĐ 30/2020 sets them: the header's two columns, title, recipients, paragraphs and
//! headings, appendix titles, the closing (Nơi nhận beside the signature).

use super::engine::{Engine, Line};
use super::rules::*;
use super::*;

impl Engine<'_> {
    pub(super) fn block(&mut self, block: &Block) {
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

    pub(super) fn paragraph_gap(&mut self) {
        if !self.at_page_top() {
            self.y += PARAGRAPH_SPACING_PT * MM_PER_PT;
        }
    }

    pub(super) fn paragraph(&mut self, text: &str) {
        self.paragraph_gap();
        let w = self.text_width();
        let lines = self.wrap(text, Style::Regular, BODY_SIZE, w - FIRST_LINE_INDENT, w);
        let x = self.left();
        self.place(lines, Style::Regular, BODY_SIZE, (x, FIRST_LINE_INDENT, w), Align::Left, true);
    }

    fn heading_style(level: HeadingLevel) -> Style {
        match level {
            HeadingLevel::Section | HeadingLevel::Clause => Style::Bold,
            HeadingLevel::Point => Style::Italic,
        }
    }

    /// The height a heading takes with the space above it.
    pub(super) fn heading_height(&mut self, level: HeadingLevel, text: &str) -> f32 {
        let w = self.text_width();
        let lines = self.wrap(text, Self::heading_style(level), BODY_SIZE, w - FIRST_LINE_INDENT, w);
        HEADING_SPACE_ABOVE_PT * MM_PER_PT + line_height(BODY_SIZE) * lines.len() as f32
    }

    /// What a heading keeps with: the first two lines of what follows it (with a millimetre to spare, so that
    /// rounding never leaves room for one line only).
    pub(super) fn heading_tail(&self) -> f32 {
        line_height(BODY_SIZE) * 2.0 + PARAGRAPH_SPACING_PT * MM_PER_PT + 1.0
    }

    pub(super) fn heading(&mut self, level: HeadingLevel, text: &str) {
        let style = Self::heading_style(level);
        if !self.at_page_top() {
            self.y += HEADING_SPACE_ABOVE_PT * MM_PER_PT;
        }
        let w = self.text_width();
        let lines = self.wrap(text, style, BODY_SIZE, w - FIRST_LINE_INDENT, w);
        // Keep the heading with the first two lines of what follows it.
        self.ensure(line_height(BODY_SIZE) * lines.len() as f32 + self.heading_tail());
        let x = self.left();
        self.place_lines(lines, style, BODY_SIZE, x, FIRST_LINE_INDENT, w, Align::Left);
    }

    /// Centred lines within [x, x + width]; returns the widest line's width.
    /// A line break in `text` is kept (agency names break after "ỦY BAN NHÂN DÂN").
    pub(super) fn centred(&mut self, text: &str, style: Style, size: f32, x: f32, width: f32) -> f32 {
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
    pub(super) fn left_column(&self) -> (f32, f32) {
        (self.left(), HEADER_LEFT_WIDTH - COLUMN_GAP)
    }

    /// The right column (Quốc hiệu, Tiêu ngữ, place and date, signature): x and width.
    pub(super) fn right_column(&self) -> (f32, f32) {
        let x = self.left() + HEADER_LEFT_WIDTH;
        (x, self.right() - x)
    }

    /// Where a rule goes under the line of `size` points just placed (its box ends at `self.y`): `RULE_GAP` clear
    /// of the letters' descent, the rule's own thickness included.
    pub(super) fn rule_below(&self, size: f32) -> f32 {
        let lh = line_height(size);
        let em = size * MM_PER_PT;
        let baseline = self.y - lh + (lh - em) / 2.0 + ASCENT_EM * em;
        baseline + DESCENT_EM * em + RULE_GAP + RULE_THICKNESS_PT * MM_PER_PT / 2.0
    }

    pub(super) fn header(&mut self, h: &Header) {
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

    pub(super) fn title(&mut self, kind: &str, subject: &str) {
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

    pub(super) fn recipients(&mut self, list: &[String]) {
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

    pub(super) fn appendix_title(&mut self, label: &str, name: &str, reference: &str) {
        let x = self.left();
        let w = self.text_width();
        self.centred(label, Style::Bold, APPENDIX_LABEL_SIZE, x, w);
        self.centred(name, Style::Bold, APPENDIX_NAME_SIZE, x, w);
        self.centred(reference, Style::Italic, APPENDIX_REFERENCE_SIZE, x, w);
        self.y += TITLE_GAP_BELOW;
    }

    /// Height of a body paragraph with the space above it.
    pub(super) fn paragraph_height(&mut self, text: &str) -> f32 {
        let w = self.text_width();
        let lines = self.wrap(text, Style::Regular, BODY_SIZE, w - FIRST_LINE_INDENT, w).len();
        PARAGRAPH_SPACING_PT * MM_PER_PT + line_height(BODY_SIZE) * lines as f32
    }

    /// Height of the signature block or of "Nơi nhận", whichever is taller, with the space above it (lines counted
    /// as they wrap in their columns).
    pub(super) fn closing_height(&mut self, c: &Closing) -> f32 {
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
    pub(super) fn closing(&mut self, c: &Closing) {
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
}
