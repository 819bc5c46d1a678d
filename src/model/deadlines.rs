//! The deadlines board (việc cần làm): one list of what is due, computed from every register for a given day.

use chrono::NaiveDate;
use serde::Serialize;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// A periodic CCHC report to send (brief §3.1).
    Report,
    /// A task of a reform plan.
    Task,
    /// A person's deadline to meet the standard.
    StaffStandard,
    /// A legal change to bring into the ISO system (effective date + 3 months).
    IsoLegalChange,
    /// An open ISO corrective action or management-review action.
    IsoAction,
    /// The yearly internal audit, not yet held this year.
    IsoAudit,
    /// The yearly management review, not yet held this year.
    IsoReview,
    /// The self-assessment of the CCHC index, still a draft (due e.g. 05/10).
    SelfAssessment,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineItem {
    pub kind: DeadlineKind,
    /// What is due, in Vietnamese ("Gửi báo cáo CCHC 6 tháng năm 2026").
    pub what: String,
    /// The record it comes from: a period key, "2021 25/KH-UBND: content", a person's name.
    pub record: String,
    pub due: NaiveDate,
    /// Days from the given day to the due date; negative when late.
    pub days_left: i64,
}
