//! The superior's view of a period: every expected unit's status against the deadline, its key figures and
//! self-assessment (scored and ranked), Biểu 06 summed across units, and the roll-up's workbook.

use crate::api::App;
use crate::error::{Error, Result};
use crate::model::{
    CaseFigures, Column, Percent, PeriodKey, PeriodKind, PeriodWindow, Points, ReceivedStatus, Stage, StatsRow,
    on_time_rate, online_rate,
};
use crate::package::data::{AssessmentData, ReportData};
use crate::sheet::{self, Cell, Table};
use crate::transfer;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Whether and when a unit's report of the period arrived.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitReportStatus {
    OnTime,
    Late,
    Missing,
}

/// The key figures of one unit's current report.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitFigures {
    /// Procedures in force (TTHC).
    pub procedures: usize,
    pub total: CaseFigures,
    pub on_time_rate: Option<f64>,
    pub online_rate: Option<f64>,
    pub quota: i64,
    pub present: i64,
    pub iso_in_use: bool,
    pub iso_announced: bool,
    pub iso_audits: usize,
    pub iso_reviews: usize,
    pub plan_tasks: i64,
    pub plan_done: i64,
    pub plan_completion_rate: Option<f64>,
}

/// One line of the roll-up.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct RollupUnit {
    pub code: String,
    pub name: String,
    /// False for a unit that sent a report but is not on the expected list.
    pub expected: bool,
    pub status: UnitReportStatus,
    /// The current revision used for the figures.
    pub report_id: Option<String>,
    pub revision: Option<u32>,
    /// When the first revision of the current report's root was received (local time).
    pub received_at: Option<String>,
    /// Stale or conflicting files kept for this unit and period.
    pub flagged: usize,
    pub figures: Option<UnitFigures>,
    /// The self-assessment in the current report (year files only).
    pub assessment: Option<UnitAssessment>,
}

impl RollupUnit {
    /// A unit with nothing received yet for the period (its line before any file is read).
    fn missing(code: &str, name: &str, expected: bool) -> RollupUnit {
        RollupUnit {
            code: code.to_string(),
            name: name.to_string(),
            expected,
            status: UnitReportStatus::Missing,
            report_id: None,
            revision: None,
            received_at: None,
            flagged: 0,
            figures: None,
            assessment: None,
        }
    }
}

/// The self-assessment columns of a roll-up line: the total of the latest column, its percentage of the scale,
/// the class, and the rank among the period's units (equal scores share a rank).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitAssessment {
    /// "urn@version" of the criteria set.
    pub criteria: String,
    pub stage: Stage,
    /// The latest column with points: round 2, else round 1, else the unit's own.
    pub column: Column,
    pub score: Points,
    pub percent: Option<Percent>,
    pub class: Option<String>,
    /// 1 for the highest score; units with equal scores share a rank and the next rank skips (1, 1, 3).
    pub rank: usize,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RollupCounts {
    pub expected: usize,
    pub on_time: usize,
    pub late: usize,
    pub missing: usize,
    /// Units that reported without being on the list.
    pub unexpected: usize,
}

/// The superior's view of a period.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Rollup {
    pub window: PeriodWindow,
    pub units: Vec<RollupUnit>,
    pub counts: RollupCounts,
    /// Biểu 06 summed across the units' current reports, by field, in Vietnamese order.
    pub by_field: Vec<(String, CaseFigures)>,
    pub total: CaseFigures,
    pub on_time_rate: Option<f64>,
    pub online_rate: Option<f64>,
}

impl App {
    /// Every expected unit (and any unit that reported without being expected) with its status against the
    /// period's deadline (this register's own window for the period), its key figures from the current revision,
    /// and Biểu 06 summed across units.
    pub fn rollup(&self, period: PeriodKey) -> Result<Rollup> {
        let window = self.period(period)?;
        let received = self.register.received_for_period(period)?;
        let expected = self.register.expected_units()?;
        let mut units: Vec<RollupUnit> = expected.iter().map(|u| RollupUnit::missing(&u.code, &u.name, true)).collect();
        let mut by_field: BTreeMap<String, CaseFigures> = BTreeMap::new();
        let mut total = CaseFigures::default();
        for r in &received {
            let s = &r.summary;
            let slot = match units.iter().position(|u| u.code == s.unit_code) {
                Some(i) => i,
                None => {
                    units.push(RollupUnit::missing(&s.unit_code, &s.unit_name, false));
                    units.len() - 1
                }
            };
            let unit = &mut units[slot];
            match s.status {
                ReceivedStatus::Stale | ReceivedStatus::Conflict => unit.flagged += 1,
                ReceivedStatus::Superseded => {}
                ReceivedStatus::Current => {
                    let data: ReportData = serde_json::from_str(&r.data_json)
                        .map_err(|e| Error::RegisterDamaged(format!("received data of {}: {e}", s.report_id)))?;
                    let first = received
                        .iter()
                        .filter(|o| o.summary.root_id == s.root_id)
                        .map(|o| o.summary.received_at.as_str())
                        .min()
                        .unwrap_or(&s.received_at)
                        .to_string();
                    let on_time = local_date(&first).is_some_and(|d| d <= window.deadline);
                    unit.status = if on_time { UnitReportStatus::OnTime } else { UnitReportStatus::Late };
                    unit.report_id = Some(s.report_id.clone());
                    unit.revision = Some(s.revision);
                    unit.received_at = Some(first);
                    let unit_total = data.stats_total();
                    for (field, figures) in field_totals(&data) {
                        by_field.entry(field).or_default().add(&figures);
                    }
                    total.add(&unit_total);
                    unit.figures = Some(figures_of(&data, unit_total));
                    unit.assessment = data.assessment.as_ref().map(assessment_of);
                }
            }
        }
        rank(&mut units);
        units.sort_by(|a, b| {
            (!a.expected, crate::text::sort_key(&a.name), &a.code).cmp(&(
                !b.expected,
                crate::text::sort_key(&b.name),
                &b.code,
            ))
        });
        let counts = RollupCounts {
            expected: units.iter().filter(|u| u.expected).count(),
            on_time: units.iter().filter(|u| u.status == UnitReportStatus::OnTime).count(),
            late: units.iter().filter(|u| u.status == UnitReportStatus::Late).count(),
            missing: units.iter().filter(|u| u.status == UnitReportStatus::Missing).count(),
            unexpected: units.iter().filter(|u| !u.expected).count(),
        };
        let mut by_field: Vec<(String, CaseFigures)> = by_field.into_iter().collect();
        by_field.sort_by_key(|(field, _)| crate::text::sort_key(field));
        Ok(Rollup {
            window,
            units,
            counts,
            by_field,
            on_time_rate: on_time_rate(&total),
            online_rate: online_rate(&total),
            total,
        })
    }

    /// Writes the roll-up to .xlsx: a sheet of units with their status and key figures, and a sheet of Biểu 06
    /// summed by field. Returns the roll-up written.
    pub fn export_rollup(&self, period: PeriodKey, path: &Path) -> Result<Rollup> {
        let rollup = self.rollup(period)?;
        sheet::write_tables(path, &rollup_tables(&rollup))?;
        Ok(rollup)
    }
}

/// The date of a stored local timestamp ("2026-11-23T09:30:00.000+07:00" → 23/11/2026).
fn local_date(timestamp: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(timestamp.get(..10)?, "%Y-%m-%d").ok()
}

/// Each field's figures by the register's rule (whole-field row, else the sum of its per-procedure rows).
fn field_totals(data: &ReportData) -> Vec<(String, CaseFigures)> {
    let fields: BTreeSet<&str> = data.statistics.iter().map(|s| s.field.as_str()).collect();
    fields
        .into_iter()
        .map(|field| {
            let (mut whole, mut per_procedure) = (CaseFigures::default(), CaseFigures::default());
            for s in data.statistics.iter().filter(|s| s.field == field) {
                if s.procedure.is_none() { whole.add(&s.figures) } else { per_procedure.add(&s.figures) }
            }
            (field.to_string(), if whole != CaseFigures::default() { whole } else { per_procedure })
        })
        .collect()
}

fn figures_of(data: &ReportData, total: CaseFigures) -> UnitFigures {
    UnitFigures {
        procedures: data.procedures_in_force(),
        on_time_rate: on_time_rate(&total),
        online_rate: online_rate(&total),
        total,
        quota: data.staffing.quota,
        present: data.staffing.present,
        iso_in_use: data.iso.in_use,
        iso_announced: data.iso.announced,
        iso_audits: data.iso.audits.len(),
        iso_reviews: data.iso.reviews.len(),
        plan_tasks: data.plans.progress.tasks,
        plan_done: data.plans.progress.done,
        plan_completion_rate: data.plans.progress.completion_rate,
    }
}

fn assessment_of(a: &AssessmentData) -> UnitAssessment {
    let column = a.latest_column();
    let t = a.totals(column);
    UnitAssessment {
        criteria: a.set.key(),
        stage: a.stage,
        column,
        score: t.total,
        percent: t.percent,
        class: t.class,
        rank: 0,
    }
}

/// Ranks the units with an assessment by score, highest first; equal scores share a rank (1, 1, 3).
fn rank(units: &mut [RollupUnit]) {
    let scores: Vec<Points> = units.iter().filter_map(|u| u.assessment.as_ref().map(|a| a.score)).collect();
    for a in units.iter_mut().filter_map(|u| u.assessment.as_mut()) {
        a.rank = 1 + scores.iter().filter(|s| **s > a.score).count();
    }
}

/// The two sheets of the roll-up workbook.
fn rollup_tables(rollup: &Rollup) -> Vec<Table> {
    let mut units = Table::new(
        "Tổng hợp đơn vị",
        &[
            "Mã đơn vị",
            "Tên đơn vị",
            "Tình trạng",
            "Lần gửi",
            "Ngày nhận",
            "Số TTHC",
            "Tỷ lệ đúng hạn (%)",
            "Tỷ lệ trực tuyến (%)",
            "Biên chế được giao",
            "Số có mặt",
            "ISO 9001",
            "Nhiệm vụ CCHC",
            "Đã hoàn thành",
            "Tỷ lệ hoàn thành (%)",
            "Tệp cần xem lại",
        ],
    );
    // The year's roll-up also ranks the self-assessments.
    let year = rollup.window.key.kind == PeriodKind::Year;
    if year {
        units.headers.extend(["Điểm chỉ số CCHC", "Tỷ lệ điểm (%)", "Xếp loại", "Xếp hạng"].map(String::from));
    }
    let number = |n: i64| Cell::Number(n as f64);
    let rate = |r: Option<f64>| r.map_or(Cell::Empty, |r| Cell::Number((r * 10.0).round() / 10.0));
    for u in &rollup.units {
        let status = match (u.status, u.expected) {
            (UnitReportStatus::OnTime, true) => "Đã gửi đúng hạn",
            (UnitReportStatus::Late, true) => "Đã gửi quá hạn",
            (UnitReportStatus::Missing, _) => "Chưa gửi",
            (UnitReportStatus::OnTime, false) => "Đã gửi đúng hạn (ngoài danh sách)",
            (UnitReportStatus::Late, false) => "Đã gửi quá hạn (ngoài danh sách)",
        };
        let received = u.received_at.as_deref().and_then(local_date).map_or(Cell::Empty, Cell::Date);
        let mut cells = vec![
            Cell::text(&u.code),
            Cell::text(&u.name),
            Cell::text(status),
            u.revision.map_or(Cell::Empty, |r| number(r as i64)),
            received,
        ];
        match &u.figures {
            Some(f) => {
                let iso = if !f.iso_in_use {
                    "Chưa áp dụng".to_string()
                } else {
                    format!(
                        "{}; đánh giá nội bộ: {}; xem xét: {}",
                        if f.iso_announced { "Đã công bố" } else { "Chưa công bố" },
                        f.iso_audits,
                        f.iso_reviews
                    )
                };
                cells.extend([
                    number(f.procedures as i64),
                    rate(f.on_time_rate),
                    rate(f.online_rate),
                    number(f.quota),
                    number(f.present),
                    Cell::text(&iso),
                    number(f.plan_tasks),
                    number(f.plan_done),
                    rate(f.plan_completion_rate),
                ]);
            }
            None => cells.extend(std::iter::repeat_n(Cell::Empty, 9)),
        }
        cells.push(if u.flagged > 0 { number(u.flagged as i64) } else { Cell::Empty });
        if year {
            match &u.assessment {
                Some(a) => cells.extend([
                    Cell::Number(a.score.as_f64()),
                    a.percent.map_or(Cell::Empty, |p| Cell::Number(p.as_f64())),
                    a.class.as_deref().map_or(Cell::Empty, Cell::text),
                    number(a.rank as i64),
                ]),
                None => cells.extend(std::iter::repeat_n(Cell::Empty, 4)),
            }
        }
        units.push(cells);
    }
    // Biểu 06's own columns, one row per field and the total.
    let total = ("Tổng cộng".to_string(), rollup.total);
    let rows: Vec<StatsRow> = rollup
        .by_field
        .iter()
        .chain([&total])
        .map(|(field, figures)| StatsRow {
            period: rollup.window.key,
            field: field.clone(),
            procedure: None,
            figures: *figures,
        })
        .collect();
    let mut stats = transfer::stats_table(&rows);
    stats.sheet = "Biểu 06 tổng hợp".to_string();
    vec![units, stats]
}
