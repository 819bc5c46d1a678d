//! Reform plans (kế hoạch CCHC) and their tasks (brief "Data model implications" 15), and the progress derived
//! from them.

use crate::model::staffing::out_of_range;
use crate::model::{Finding, FindingCode, Place};
use crate::text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// Kế hoạch CCHC năm.
    #[default]
    Annual,
    /// Kế hoạch tuyên truyền CCHC.
    Propaganda,
    /// Kế hoạch kiểm soát TTHC.
    TthcControl,
    /// Kế hoạch tự kiểm tra CCHC.
    SelfInspection,
    Other,
}

impl PlanKind {
    pub const ALL: [PlanKind; 5] =
        [PlanKind::Annual, PlanKind::Propaganda, PlanKind::TthcControl, PlanKind::SelfInspection, PlanKind::Other];

    pub fn label(self) -> &'static str {
        match self {
            PlanKind::Annual => "Kế hoạch CCHC năm",
            PlanKind::Propaganda => "Kế hoạch tuyên truyền CCHC",
            PlanKind::TthcControl => "Kế hoạch kiểm soát TTHC",
            PlanKind::SelfInspection => "Kế hoạch tự kiểm tra CCHC",
            PlanKind::Other => "Kế hoạch khác",
        }
    }

    /// Accepts the key (`tthc_control`) or the label, with or without diacritics.
    pub fn parse(input: &str) -> Option<PlanKind> {
        let folded = text::fold(input);
        PlanKind::ALL.into_iter().find(|k| {
            let key = serde_json::to_value(k).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            folded == key || folded == text::fold(k.label())
        })
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 4] =
        [TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Done, TaskStatus::Cancelled];

    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "Chưa thực hiện",
            TaskStatus::InProgress => "Đang thực hiện",
            TaskStatus::Done => "Đã hoàn thành",
            TaskStatus::Cancelled => "Không thực hiện",
        }
    }

    /// Accepts the key (`in_progress`) or the label, with or without diacritics.
    pub fn parse(input: &str) -> Option<TaskStatus> {
        let folded = text::fold(input);
        TaskStatus::ALL.into_iter().find(|s| {
            let key = serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            folded == key || folded == text::fold(s.label())
        })
    }

    /// Finished one way or the other: not due any more.
    pub fn is_closed(self) -> bool {
        matches!(self, TaskStatus::Done | TaskStatus::Cancelled)
    }
}

/// A reform area, kept as data in the register.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReformArea {
    pub code: String,
    pub name: String,
}

impl ReformArea {
    /// The areas every register is seeded with (migration 0002), in their order: code and Vietnamese name. The command
    /// line lists them in its help without opening a register; a test checks a fresh register holds exactly these.
    pub const SEEDED: [(&'static str, &'static str); 8] = [
        ("chi_dao_dieu_hanh", "Công tác chỉ đạo, điều hành"),
        ("the_che", "Cải cách thể chế"),
        ("tthc", "Cải cách thủ tục hành chính"),
        ("bo_may", "Cải cách tổ chức bộ máy"),
        ("cong_vu", "Cải cách chế độ công vụ"),
        ("tai_chinh_cong", "Cải cách tài chính công"),
        ("chinh_quyen_so", "Xây dựng chính quyền điện tử, chính quyền số"),
        ("tac_dong", "Tác động của cải cách hành chính"),
    ];
}

/// A plan as entered. A plan is identified by its year and number ("25/KH-UBND" of 2021).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanInput {
    #[serde(default)]
    pub kind: PlanKind,
    pub number: String,
    pub date: NaiveDate,
    pub year: i32,
    #[serde(default)]
    pub title: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub id: i64,
    #[serde(flatten)]
    pub input: PlanInput,
    pub created_at: String,
    pub updated_at: String,
}

/// A task as entered; it names its plan by year and number. Identified by its plan and its content.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskInput {
    pub plan_year: i32,
    pub plan_number: String,
    /// A reform-area code (`tthc`, `cong_vu`, …).
    pub area: String,
    pub content: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    #[serde(default)]
    pub expected_output: String,
    #[serde(default)]
    pub status: TaskStatus,
    #[serde(default)]
    pub percent: i64,
    /// A document reference (số, ký hiệu, ngày của văn bản kiểm chứng).
    #[serde(default)]
    pub evidence: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: i64,
    #[serde(flatten)]
    pub input: TaskInput,
    pub created_at: String,
    pub updated_at: String,
}

impl PlanInput {
    pub fn cleaned(mut self) -> PlanInput {
        self.number = text::clean(&self.number);
        self.title = text::clean(&self.title);
        self
    }

    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        if self.number.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("number")));
        }
        if !(2000..=2100).contains(&self.year) {
            findings.push(out_of_range("year", self.year as i64, 2000, 2100));
        }
        findings
    }
}

impl TaskInput {
    pub fn new(plan_year: i32, plan_number: &str, area: &str, content: &str) -> TaskInput {
        TaskInput {
            plan_year,
            plan_number: plan_number.into(),
            area: area.into(),
            content: content.into(),
            owner: String::new(),
            deadline: None,
            expected_output: String::new(),
            status: TaskStatus::NotStarted,
            percent: 0,
            evidence: String::new(),
        }
    }

    pub fn cleaned(mut self) -> TaskInput {
        for text in [
            &mut self.plan_number,
            &mut self.area,
            &mut self.content,
            &mut self.owner,
            &mut self.expected_output,
            &mut self.evidence,
        ] {
            *text = text::clean(text);
        }
        self
    }

    /// Problems that need no register: missing content, a percent outside 0–100, "done" below 100%.
    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        if self.content.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("content")));
        }
        if self.plan_number.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("plan")));
        }
        if self.area.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("area")));
        }
        if !(0..=100).contains(&self.percent) {
            findings.push(out_of_range("percent", self.percent, 0, 100));
        }
        findings
    }

    /// Late on `day`: a deadline before it and still open.
    pub fn overdue_on(&self, day: NaiveDate) -> bool {
        !self.status.is_closed() && self.deadline.is_some_and(|d| d < day)
    }
}

/// Completion of the tasks of one area (or of all): done / tasks not cancelled, and the average percent.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaProgress {
    /// The area code; empty for the overall line.
    pub area: String,
    pub name: String,
    /// Tasks not cancelled.
    pub tasks: i64,
    pub done: i64,
    pub cancelled: i64,
    /// done / tasks, in percent; `None` with no task.
    pub completion_rate: Option<f64>,
    /// Average percent done of the tasks not cancelled (a done task counts 100).
    pub average_percent: Option<f64>,
}

impl AreaProgress {
    pub fn of<'a>(area: &str, name: &str, tasks: impl IntoIterator<Item = &'a TaskInput>) -> AreaProgress {
        let (mut counted, mut done, mut cancelled, mut percent_sum) = (0, 0, 0, 0);
        for task in tasks {
            match task.status {
                TaskStatus::Cancelled => cancelled += 1,
                status => {
                    counted += 1;
                    let done_now = status == TaskStatus::Done;
                    done += i64::from(done_now);
                    percent_sum += if done_now { 100 } else { task.percent };
                }
            }
        }
        let share = |part: i64| (counted > 0).then(|| part as f64 * 100.0 / counted as f64);
        AreaProgress {
            area: area.into(),
            name: name.into(),
            tasks: counted,
            done,
            cancelled,
            completion_rate: share(done),
            average_percent: (counted > 0).then(|| percent_sum as f64 / counted as f64),
        }
    }
}

/// The progress of the plans of one year, measured on a day.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanProgress {
    pub date: NaiveDate,
    pub year: i32,
    pub areas: Vec<AreaProgress>,
    pub overall: AreaProgress,
    pub overdue: Vec<Task>,
}
