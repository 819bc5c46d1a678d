//! Charts for the window: the chart models the reports use (or the window's own, built the same way), drawn alone
//! by the layout code that draws them on a printed page, so a chart looks and reads the same on screen and on paper.

use super::App;
use crate::error::Result;
use crate::layout::{self, Chart, Page};
use crate::model::{PeriodKey, PeriodKind, on_time_rate};
use crate::report::{self, charts::RankedUnit};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which chart the window asks for.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChartRequest {
    /// The on-time rate of each period of `year` and the two years before (the dashboard).
    OnTimeTrend { year: i32 },
    /// The share of plan tasks done by reform area, for the plans of `date`'s year (the dashboard).
    PlanCompletion { date: NaiveDate },
    /// Each area's points against its maximum, `year`'s self-assessment beside the latest earlier result.
    AssessmentAreas { year: i32 },
    /// The units of a roll-up period ranked: the self-assessment's share of the scale (year files) and the on-time
    /// rate, or the on-time rate alone.
    RollupUnits { period: PeriodKey },
}

/// A chart: its model (titles, labels, values — what the window also writes as text) and its drawing.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ChartFigure {
    pub chart: Chart,
    /// The chart alone, `width` millimetres wide, as tall as it needs.
    pub page: Page,
}

/// Narrowest and widest a figure may be laid out (millimetres).
const FIGURE_WIDTH: std::ops::RangeInclusive<f32> = 60.0..=400.0;

impl App {
    /// The chart asked for, laid out `width_mm` wide (kept within 60–400 mm); `None` when the register has nothing to draw in it.
    pub fn chart(&self, request: ChartRequest, width_mm: f32) -> Result<Option<ChartFigure>> {
        // The window asks for its box's width; a box too narrow or too wide for a chart gets the nearest width.
        let width =
            if width_mm.is_finite() { width_mm.clamp(*FIGURE_WIDTH.start(), *FIGURE_WIDTH.end()) } else { 150.0 };
        let Some(chart) = self.chart_model(request)? else { return Ok(None) };
        let laid = layout::figure(&chart, width, self.fonts()?);
        super::reports::missing_glyphs(&laid)?;
        let page = laid.pages.into_iter().next().expect("a figure has its page");
        Ok(Some(ChartFigure { chart, page }))
    }

    fn chart_model(&self, request: ChartRequest) -> Result<Option<Chart>> {
        Ok(match request {
            ChartRequest::OnTimeTrend { year } => {
                let totals = self.period_totals(year - 2, year)?;
                let years: Vec<(i32, Vec<Option<f64>>)> = (year - 2..=year)
                    .map(|y| {
                        let rates = PeriodKind::ALL
                            .into_iter()
                            .map(|kind| totals.get(&PeriodKey::new(y, kind)).and_then(on_time_rate))
                            .collect();
                        (y, rates)
                    })
                    .collect();
                let title = format!("Tỷ lệ hồ sơ giải quyết đúng hạn theo kỳ báo cáo, năm {}–{year}", year - 2);
                report::charts::on_time_by_period(title, &years)
            }
            ChartRequest::PlanCompletion { date } => report::charts::plan_completion(&self.plan_progress(date)?),
            ChartRequest::AssessmentAreas { year } => {
                if !self.register.assessments()?.iter().any(|(a, _)| a.year == year) {
                    return Ok(None);
                }
                let data = self.assessment_report_data(PeriodKey::new(year, PeriodKind::Year), None)?;
                report::charts::area_chart(&data, true)
            }
            ChartRequest::RollupUnits { period } => {
                let rollup = self.rollup(period)?;
                let mut units: Vec<_> = rollup.units.iter().filter(|u| u.figures.is_some()).collect();
                let ranked = units.iter().any(|u| u.assessment.is_some());
                let rate = |u: &&super::RollupUnit| u.figures.as_ref().and_then(|f| f.on_time_rate);
                if ranked {
                    units.sort_by_key(|u| u.assessment.as_ref().map_or(usize::MAX, |a| a.rank));
                    let list = units
                        .iter()
                        .map(|u| RankedUnit {
                            label: match &u.assessment {
                                Some(a) => format!("{}. {}", a.rank, u.name),
                                None => u.name.clone(),
                            },
                            values: vec![u.assessment.as_ref().and_then(|a| a.percent).map(|p| p.as_f64()), rate(u)],
                        })
                        .collect();
                    report::charts::units_ranked(
                        format!("Các đơn vị xếp theo điểm tự đánh giá, {}", period.label()),
                        &[("Điểm tự đánh giá (% thang điểm)", 0.25), ("Tỷ lệ hồ sơ đúng hạn", 0.7)],
                        list,
                    )
                } else {
                    units.sort_by(|a, b| rate(b).unwrap_or(-1.0).total_cmp(&rate(a).unwrap_or(-1.0)));
                    let list = units
                        .iter()
                        .enumerate()
                        .map(|(i, u)| RankedUnit { label: format!("{}. {}", i + 1, u.name), values: vec![rate(u)] })
                        .collect();
                    report::charts::units_ranked(
                        format!("Tỷ lệ hồ sơ giải quyết đúng hạn của các đơn vị, {}", period.label()),
                        &[("Tỷ lệ hồ sơ đúng hạn", 0.25)],
                        list,
                    )
                }
            }
        })
    }
}
