//! Case statistics in the columns of Biểu 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP), and their consistency checks.

use crate::model::{Finding, FindingCode, PeriodKey, PeriodWindow, Place};
use serde::{Deserialize, Serialize};

/// One row of Biểu 06: dossiers received, resolved and in progress. Numbers are kept as entered (even negative)
/// so that nothing typed is lost; `check_row` reports what is wrong.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFigures {
    /// Số hồ sơ nhận giải quyết — tổng số.
    pub received_total: i64,
    /// … trong đó trực tuyến.
    pub received_online: i64,
    /// … trực tiếp và dịch vụ bưu chính.
    pub received_direct: i64,
    /// … từ kỳ trước chuyển qua.
    pub carried_over: i64,
    /// Số hồ sơ đã giải quyết — tổng số.
    pub resolved_total: i64,
    /// … trước hạn.
    pub resolved_early: i64,
    /// … đúng hạn.
    pub resolved_on_time: i64,
    /// … quá hạn.
    pub resolved_late: i64,
    /// Số hồ sơ đang giải quyết — tổng số.
    pub in_progress_total: i64,
    /// … trong hạn.
    pub in_progress_within: i64,
    /// … quá hạn.
    pub in_progress_overdue: i64,
    /// Thư xin lỗi đã gửi (for late dossiers).
    pub apology_letters: i64,
}

impl CaseFigures {
    /// The columns in Biểu 06 order with their stable names (used by files, checks and the grid).
    pub fn columns(&self) -> [(&'static str, i64); 12] {
        [
            ("received_total", self.received_total),
            ("received_online", self.received_online),
            ("received_direct", self.received_direct),
            ("carried_over", self.carried_over),
            ("resolved_total", self.resolved_total),
            ("resolved_early", self.resolved_early),
            ("resolved_on_time", self.resolved_on_time),
            ("resolved_late", self.resolved_late),
            ("in_progress_total", self.in_progress_total),
            ("in_progress_within", self.in_progress_within),
            ("in_progress_overdue", self.in_progress_overdue),
            ("apology_letters", self.apology_letters),
        ]
    }

    /// Sets a column by its stable name; false when the name is unknown.
    pub fn set(&mut self, column: &str, value: i64) -> bool {
        let slot = match column {
            "received_total" => &mut self.received_total,
            "received_online" => &mut self.received_online,
            "received_direct" => &mut self.received_direct,
            "carried_over" => &mut self.carried_over,
            "resolved_total" => &mut self.resolved_total,
            "resolved_early" => &mut self.resolved_early,
            "resolved_on_time" => &mut self.resolved_on_time,
            "resolved_late" => &mut self.resolved_late,
            "in_progress_total" => &mut self.in_progress_total,
            "in_progress_within" => &mut self.in_progress_within,
            "in_progress_overdue" => &mut self.in_progress_overdue,
            "apology_letters" => &mut self.apology_letters,
            _ => return false,
        };
        *slot = value;
        true
    }

    /// Column-wise sum (for totals rows).
    pub fn add(&mut self, other: &CaseFigures) {
        let mut sum = *self;
        for (name, value) in other.columns() {
            let current = self.columns().iter().find(|(n, _)| *n == name).map(|(_, v)| *v).unwrap_or(0);
            sum.set(name, current + value);
        }
        *self = sum;
    }
}

/// Statistics of one period for one field (lĩnh vực), optionally for one procedure of it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsRow {
    pub period: PeriodKey,
    pub field: String,
    /// A procedure code when the unit keeps figures per procedure; `None` for the whole field.
    #[serde(default)]
    pub procedure: Option<String>,
    #[serde(flatten)]
    pub figures: CaseFigures,
}

/// A period's statistics as shown and printed: its window, rows, totals and rates.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct StatsTable {
    pub window: PeriodWindow,
    pub rows: Vec<StatsRow>,
    pub total: CaseFigures,
    /// (early + on time) / resolved, in percent; `None` when nothing was resolved.
    pub on_time_rate: Option<f64>,
    /// online / (online + direct), in percent; `None` when nothing new was received.
    pub online_rate: Option<f64>,
}

/// Tỷ lệ giải quyết đúng hạn = (trước hạn + đúng hạn) / đã giải quyết, in percent.
pub fn on_time_rate(f: &CaseFigures) -> Option<f64> {
    (f.resolved_total > 0).then(|| (f.resolved_early + f.resolved_on_time) as f64 * 100.0 / f.resolved_total as f64)
}

/// Tỷ lệ hồ sơ trực tuyến = trực tuyến / (trực tuyến + trực tiếp, bưu chính), in percent.
pub fn online_rate(f: &CaseFigures) -> Option<f64> {
    let new = f.received_online + f.received_direct;
    (new > 0).then(|| f.received_online as f64 * 100.0 / new as f64)
}

/// Checks one row; `previous_in_progress` is the in-progress total at the end of the previous window, when known.
pub fn check_row(row: &StatsRow, previous_in_progress: Option<i64>, place: &Place) -> Vec<Finding> {
    let f = &row.figures;
    let mut findings = Vec::new();
    let at = |column: &str| Place { column: Some(column.to_string()), ..place.clone() };
    for (name, value) in f.columns() {
        if value < 0 {
            findings.push(Finding::new(FindingCode::Negative, at(name)).with("value", value));
        }
    }
    let sums: [(FindingCode, &str, i64, i64); 4] = [
        (
            FindingCode::ReceivedSumMismatch,
            "received_total",
            f.received_total,
            f.received_online + f.received_direct + f.carried_over,
        ),
        (
            FindingCode::ReceivedBalanceMismatch,
            "received_total",
            f.received_total,
            f.resolved_total + f.in_progress_total,
        ),
        (
            FindingCode::ResolvedSumMismatch,
            "resolved_total",
            f.resolved_total,
            f.resolved_early + f.resolved_on_time + f.resolved_late,
        ),
        (
            FindingCode::InProgressSumMismatch,
            "in_progress_total",
            f.in_progress_total,
            f.in_progress_within + f.in_progress_overdue,
        ),
    ];
    for (code, column, total, sum) in sums {
        if total != sum {
            findings.push(Finding::new(code, at(column)).with("total", total).with("sum", sum));
        }
    }
    if f.apology_letters < f.resolved_late {
        findings.push(
            Finding::new(FindingCode::ApologyBelowLate, at("apology_letters"))
                .with("apology_letters", f.apology_letters)
                .with("late", f.resolved_late),
        );
    }
    if let Some(previous) = previous_in_progress
        && previous != f.carried_over
    {
        findings.push(
            Finding::new(FindingCode::CarriedOverMismatch, at("carried_over"))
                .with("carried_over", f.carried_over)
                .with("previous_in_progress", previous),
        );
    }
    findings
}
