//! The charts the window shows beside the ones the reports print: each a `layout::Chart` model that the same layout
//! code draws, on a page or alone on a screen.

use crate::layout::{Chart, Series};
use crate::model::PlanProgress;

pub use super::assessment::area_chart;
pub use super::periodic::on_time_by_period;

/// The share of each reform area's plan tasks that are done, named beside its bar; `None` with no task.
pub fn plan_completion(progress: &PlanProgress) -> Option<Chart> {
    let areas: Vec<_> = progress.areas.iter().filter(|a| a.tasks > 0).collect();
    if areas.is_empty() {
        return None;
    }
    Some(Chart {
        title: format!("Tỷ lệ nhiệm vụ kế hoạch năm {} đã hoàn thành, theo lĩnh vực", progress.year),
        labels: areas.iter().map(|a| a.name.clone()).collect(),
        series: vec![Series {
            name: "Đã hoàn thành".into(),
            values: areas.iter().map(|a| a.completion_rate).collect(),
            gray: 0.25,
        }],
        max: 100.0,
        unit: "%".into(),
        horizontal: true,
    })
}

/// One unit of a ranking chart: its label ("1. Phường Bến Nghé") and its values, one per series.
pub struct RankedUnit {
    pub label: String,
    pub values: Vec<Option<f64>>,
}

/// Units in the order given (ranked), each named beside its bars; `None` with no unit.
pub fn units_ranked(title: String, series: &[(&str, f32)], units: Vec<RankedUnit>) -> Option<Chart> {
    if units.is_empty() {
        return None;
    }
    Some(Chart {
        title,
        labels: units.iter().map(|u| u.label.clone()).collect(),
        series: series
            .iter()
            .enumerate()
            .map(|(i, (name, gray))| Series {
                name: (*name).to_string(),
                values: units.iter().map(|u| u.values.get(i).copied().flatten()).collect(),
                gray: *gray,
            })
            .collect(),
        max: 100.0,
        unit: "%".into(),
        horizontal: true,
    })
}
