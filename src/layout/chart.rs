//! Bar charts: bars as filled boxes on a grid, values above the bars that never run together or under a rule,
//! the legend and the labels below.

use super::engine::{EPSILON, Engine, Line};
use super::rules::*;
use super::*;

impl Engine<'_> {
    pub(super) fn chart(&mut self, c: &Chart) {
        if c.horizontal { self.across(c) } else { self.upright(c) }
    }

    /// Bars across: each label wrapped in a column on the left, its bars (one per series) to the right with the
    /// value after the bar's end, the scale's grid lines under them, the legend below.
    fn across(&mut self, c: &Chart) {
        let label_lh = line_height(CHART_LABEL_SIZE);
        let x = self.left();
        let w = self.text_width();
        let label_w = w * CHART_LABEL_SHARE;
        let plot_x = x + label_w + 2.0;
        let widest_value =
            self.measure(Style::Regular, CHART_VALUE_SIZE, &format!("{}{}", format_number(c.max), c.unit));
        let plot_w = w - label_w - 2.0 - widest_value - 2.0 * CHART_TEXT_GAP;
        let scale = plot_w / c.max.max(f64::EPSILON) as f32;
        let bars_h = CHART_BAR_THICKNESS * c.series.len().max(1) as f32;
        let labels: Vec<Vec<Line>> =
            c.labels.iter().map(|l| self.wrap(l, Style::Regular, CHART_LABEL_SIZE, label_w, label_w)).collect();
        let rows: Vec<f32> = labels.iter().map(|lines| (lines.len() as f32 * label_lh).max(bars_h) + 1.5).collect();
        let title_lines = self.balanced(&c.title, Style::Italic, CHART_TITLE_SIZE, w).len().max(1);
        let legend = if c.series.len() > 1 { label_lh } else { 0.0 };
        let plot_h: f32 = rows.iter().sum();
        let total = line_height(CHART_TITLE_SIZE) * title_lines as f32 + label_lh + plot_h + legend + CHART_GAP;
        self.paragraph_gap();
        self.ensure(total);
        self.centred(&c.title, Style::Italic, CHART_TITLE_SIZE, x, w);
        // The scale above the plot, its grid lines down through it.
        let top = self.y + label_lh;
        for step in [0.0, 0.5, 1.0] {
            let gx = plot_x + (c.max as f32 * step) * scale;
            self.push_rule(gx, top, gx, top + plot_h, CHART_GRID_PT);
            let text = format!("{}{}", format_number(c.max * step as f64), c.unit);
            let tw = self.measure(Style::Regular, CHART_LABEL_SIZE, &text);
            self.push_text(gx - tw / 2.0, top - 1.0, CHART_LABEL_SIZE, Style::Regular, text, 0.0);
        }
        let em = CHART_LABEL_SIZE * MM_PER_PT;
        let mut gy = top;
        for (g, lines) in labels.into_iter().enumerate() {
            let row_h = rows[g];
            let text_h = lines.len() as f32 * label_lh;
            let mut baseline = gy + (row_h - text_h) / 2.0 + label_lh * 0.5 + em * 0.35;
            for line in lines {
                let lx = plot_x - 2.0 - line.natural;
                self.push_text(lx, baseline, CHART_LABEL_SIZE, Style::Regular, line.text, 0.0);
                baseline += label_lh;
            }
            let mut by = gy + (row_h - bars_h) / 2.0;
            for series in &c.series {
                if let Some(value) = series.values.get(g).copied().flatten() {
                    let bw = (value.clamp(0.0, c.max) as f32) * scale;
                    let thickness = CHART_BAR_THICKNESS * 0.8;
                    self.push_box(plot_x, by + CHART_BAR_THICKNESS * 0.1, bw, thickness, series.gray);
                    let text = format!("{}{}", format_number(value), c.unit);
                    let value_em = CHART_VALUE_SIZE * MM_PER_PT;
                    let vb = by + CHART_BAR_THICKNESS / 2.0 + value_em * 0.35;
                    self.push_text(plot_x + bw + CHART_TEXT_GAP * 2.0, vb, CHART_VALUE_SIZE, Style::Regular, text, 0.0);
                }
                by += CHART_BAR_THICKNESS;
            }
            gy += row_h;
        }
        self.y = top + plot_h;
        if c.series.len() > 1 {
            self.legend(c, plot_x, plot_w, self.y + label_lh * 0.85);
            self.y += label_lh;
        }
        self.y += CHART_GAP;
    }

    /// The legend: a key and the series name, side by side, centred under the plot.
    fn legend(&mut self, c: &Chart, plot_x: f32, plot_w: f32, baseline: f32) {
        let key = CHART_LABEL_SIZE * MM_PER_PT * 0.7;
        let names: Vec<f32> =
            c.series.iter().map(|s| self.measure(Style::Regular, CHART_LABEL_SIZE, &s.name)).collect();
        let legend_w: f32 = names.iter().map(|w| key + 1.5 + w + 6.0).sum();
        let mut lx = plot_x + (plot_w - legend_w) / 2.0;
        for (series, name_w) in c.series.iter().zip(names) {
            self.push_box(lx, baseline - key, key, key, series.gray);
            self.push_text(lx + key + 1.5, baseline, CHART_LABEL_SIZE, Style::Regular, series.name.clone(), 0.0);
            lx += key + 1.5 + name_w + 6.0;
        }
    }

    /// Upright bars grouped under short labels (periods, area codes).
    fn upright(&mut self, c: &Chart) {
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
        self.legend(c, plot_x, plot_w, base + label_lh * 1.85);
        self.y = base + 2.0 * label_lh + CHART_GAP;
    }

    pub(super) fn push_box(&mut self, x: f32, y: f32, width: f32, height: f32, gray: f32) {
        let filled = FilledBox { x, y, width, height, gray };
        self.pages.last_mut().expect("a page is open").items.push(Item::Box(filled));
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
