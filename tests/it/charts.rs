//! The screens' charts (dashboard, self-assessment, roll-up): the models the reports use, drawn alone by the layout
//! code that prints them; what they show is the register's figures, and an empty register draws nothing.

use crate::fixtures::{TestRegister, clock};
use cchc::api::printed::{Item, Page, read};
use cchc::api::{ChartFigure, ChartRequest, no_progress};
use cchc::model::{PeriodKey, PeriodKind};
use cchc::{App, Assets};
use chrono::NaiveDate;

/// A value as a chart prints it: one decimal with a comma, whole numbers bare, then "%".
pub fn shown(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let text = if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}").replace('.', ",") };
    format!("{text}%")
}

/// Every item lies on the figure: a chart laid out alone has nothing outside its own box.
fn assert_inside(page: &Page) {
    for item in &page.items {
        let (x0, y0, x1, y1) = match item {
            Item::Text(t) => (t.x, t.baseline - t.size * 0.35 * 0.8, t.x + t.width, t.baseline),
            Item::Rule(r) => (r.x1.min(r.x2), r.y1.min(r.y2), r.x1.max(r.x2), r.y1.max(r.y2)),
            Item::Box(b) => (b.x, b.y, b.x + b.width, b.y + b.height),
        };
        assert!(
            x0 >= -0.01 && y0 >= -0.01 && x1 <= page.width + 0.01 && y1 <= page.height + 0.01,
            "{item:?} outside the {}×{} figure",
            page.width,
            page.height
        );
    }
}

fn figure(app: &App, request: ChartRequest, width: f32) -> ChartFigure {
    let figure = app.chart(request, width).unwrap().unwrap_or_else(|| panic!("{request:?} has a chart"));
    assert!((figure.page.width - width).abs() < 0.01, "laid out {width} mm wide: {}", figure.page.width);
    assert_inside(&figure.page);
    figure
}

#[test]
fn the_demo_dashboard_draws_the_registers_on_time_rates_and_plan_completion() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = App::create_demo(dir.path(), Assets::bundled(), clock(), &no_progress).unwrap();

    // The on-time rate of every period of the last three years, as Biểu 06 computes it; the year not over has none.
    let trend = figure(&app, ChartRequest::OnTimeTrend { year: 2026 }, 120.0);
    let names: Vec<&str> = trend.chart.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Năm 2024", "Năm 2025", "Năm 2026"]);
    assert_eq!(trend.chart.labels, PeriodKind::ALL.map(|k| k.label().to_string()));
    let drawn = read(&trend.page);
    for (series, year) in trend.chart.series.iter().zip(2024..) {
        for (kind, value) in PeriodKind::ALL.into_iter().zip(&series.values) {
            let table = app.stats(PeriodKey::new(year, kind)).unwrap();
            assert_eq!(*value, table.on_time_rate, "{year} {kind:?}");
            if let Some(rate) = value {
                assert!(drawn.contains(&shown(*rate)), "{} is written on the chart:\n{drawn}", shown(*rate));
            }
        }
    }
    assert_eq!(trend.chart.series[2].values[3], None, "the year 2026 is not reported yet");

    // Plan completion by reform area, each area named beside its bar.
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let plans = figure(&app, ChartRequest::PlanCompletion { date: today }, 120.0);
    let progress = app.plan_progress(today).unwrap();
    let areas: Vec<_> = progress.areas.iter().filter(|a| a.tasks > 0).collect();
    assert!(areas.len() >= 3, "the demo's plan reaches several areas: {areas:?}");
    assert_eq!(plans.chart.labels, areas.iter().map(|a| a.name.clone()).collect::<Vec<_>>());
    let words: String = read(&plans.page).split_whitespace().collect::<Vec<_>>().join(" ");
    for area in &areas {
        let name: String = area.name.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains(&name) || area.name.split_whitespace().all(|w| words.contains(w)), "{name} in {words}");
        if let Some(rate) = area.completion_rate {
            assert!(words.contains(&shown(rate)), "{} for {}", shown(rate), area.name);
        }
    }

    // Points by area against the maximum: the demo's 2025 self-assessment, each area named.
    let areas = figure(&app, ChartRequest::AssessmentAreas { year: 2025 }, 150.0);
    let view = app.assessment(2025).unwrap();
    let top: Vec<_> = view.nodes.iter().filter(|n| n.depth == 0 && n.max.0 > 0).collect();
    assert!(areas.chart.labels.len() >= 5 && areas.chart.labels.len() <= top.len(), "{:?}", areas.chart.labels);
    assert!(areas.chart.labels.iter().all(|l| top.iter().any(|n| l == &format!("{}. {}", n.code, n.text))));
    assert!(areas.chart.horizontal, "names beside the bars on a screen");
}

#[test]
fn an_empty_register_has_no_chart_to_draw() {
    let register = TestRegister::new();
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for request in [
        ChartRequest::OnTimeTrend { year: 2026 },
        ChartRequest::PlanCompletion { date: day },
        ChartRequest::AssessmentAreas { year: 2026 },
        ChartRequest::RollupUnits { period: "2026-Q3".parse().unwrap() },
    ] {
        assert!(register.app.chart(request, 120.0).unwrap().is_none(), "{request:?} drew a chart over nothing");
    }
}

#[test]
fn a_long_area_name_wraps_in_its_column_and_never_runs_into_the_bars() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = App::create_demo(dir.path(), Assets::bundled(), clock(), &no_progress).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    // Narrow: "Xây dựng chính quyền điện tử, chính quyền số" takes several lines.
    for width in [60.0, 90.0, 200.0] {
        let figure = figure(&app, ChartRequest::PlanCompletion { date: today }, width);
        let bars: Vec<f32> = figure
            .page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Box(b) => Some(b.x),
                _ => None,
            })
            .collect();
        let plot = bars.iter().copied().fold(f32::MAX, f32::min);
        let label_words: Vec<&str> = figure.chart.labels.iter().flat_map(|l| l.split_whitespace()).collect();
        for item in &figure.page.items {
            if let Item::Text(t) = item
                && t.text.split_whitespace().all(|w| label_words.contains(&w))
                && !t.text.ends_with('%')
            {
                assert!(t.x + t.width <= plot + 0.01, "“{}” runs into the bars at {width} mm", t.text);
            }
        }
    }
}
