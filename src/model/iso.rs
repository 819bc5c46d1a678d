//! The ISO 9001 quality system (hệ thống quản lý chất lượng, HTQLCL): announcements and their scope, internal audits,
//! nonconformities, management reviews, their actions, legal changes, yearly reports, and the derived status of a year.

use super::finding::{Finding, FindingCode, Place};
use crate::text;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The standard applied (QĐ 19/2014/QĐ-TTg named 9001:2008; units moved to 9001:2015 as MOST announced it).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IsoVersion {
    #[serde(rename = "TCVN ISO 9001:2008")]
    V2008,
    #[serde(rename = "TCVN ISO 9001:2015")]
    V2015,
}

impl IsoVersion {
    pub fn label(self) -> &'static str {
        match self {
            IsoVersion::V2008 => "TCVN ISO 9001:2008",
            IsoVersion::V2015 => "TCVN ISO 9001:2015",
        }
    }

    /// Reads "2008", "2015" or the full name.
    pub fn parse(value: &str) -> Option<IsoVersion> {
        let value = text::clean(value);
        match value.as_str() {
            "2008" | "9001:2008" | "ISO 9001:2008" | "TCVN ISO 9001:2008" => Some(IsoVersion::V2008),
            "2015" | "9001:2015" | "ISO 9001:2015" | "TCVN ISO 9001:2015" => Some(IsoVersion::V2015),
            _ => None,
        }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnnouncementKind {
    /// Công bố.
    Announce,
    /// Công bố lại (the scope was adjusted, widened or narrowed).
    ReAnnounce,
}

/// A decision announcing the system (quyết định công bố HTQLCL) and its scope: the procedure codes covered.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnouncementInput {
    pub number: String,
    pub date: NaiveDate,
    pub kind: AnnouncementKind,
    pub version: IsoVersion,
    pub procedures: Vec<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Announcement {
    pub id: i64,
    #[serde(flatten)]
    pub input: AnnouncementInput,
}

/// An internal audit (đánh giá nội bộ).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditInput {
    pub date: NaiveDate,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub findings: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audit {
    pub id: i64,
    #[serde(flatten)]
    pub input: AuditInput,
}

/// A nonconformity (điểm không phù hợp) found by an audit, entered with its corrective action.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NonconformityInput {
    pub audit_id: i64,
    pub description: String,
    /// The corrective action (hành động khắc phục): who and by when; its content is the description unless given.
    #[serde(default)]
    pub action: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nonconformity {
    pub id: i64,
    pub audit_id: i64,
    pub description: String,
    pub action_id: i64,
}

/// A management review (xem xét của lãnh đạo); its decisions become actions.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewInput {
    pub date: NaiveDate,
    #[serde(default)]
    pub decisions: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: i64,
    #[serde(flatten)]
    pub input: ReviewInput,
}

/// Where an action comes from.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum ActionSource {
    Nonconformity(i64),
    Review(i64),
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    Done,
}

/// A corrective action, or an action decided by a management review (the same shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionInput {
    pub source: ActionSource,
    pub content: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IsoAction {
    pub id: i64,
    pub source: ActionSource,
    pub content: String,
    pub owner: String,
    pub due: NaiveDate,
    pub status: ActionStatus,
    pub done_on: Option<NaiveDate>,
    /// The day its effectiveness was checked.
    pub effectiveness_checked: Option<NaiveDate>,
}

impl IsoAction {
    pub fn overdue_on(&self, today: NaiveDate) -> bool {
        self.status == ActionStatus::Open && self.due < today
    }

    pub fn record(&self) -> String {
        format!("Hành động số {}: {}", self.id, self.content)
    }
}

/// A new or changed legal text to bring into the system (cập nhật văn bản pháp luật mới).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalChangeInput {
    pub text: String,
    pub effective: NaiveDate,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalChange {
    pub id: i64,
    pub text: String,
    pub effective: NaiveDate,
    /// Effective date + 3 months (QĐ 19/2014/QĐ-TTg, Điều 4).
    pub due: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

impl LegalChange {
    pub fn due_after(effective: NaiveDate) -> NaiveDate {
        effective.checked_add_months(Months::new(3)).expect("date in range")
    }

    pub fn overdue_on(&self, today: NaiveDate) -> bool {
        self.done_on.is_none() && self.due < today
    }
}

/// The yearly report on the system, sent.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IsoReport {
    pub year: i32,
    #[serde(default)]
    pub number: String,
    pub date: NaiveDate,
}

/// The derived status of one year (`App::iso_status`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct IsoStatus {
    pub year: i32,
    pub today: NaiveDate,
    pub version: Option<IsoVersion>,
    /// The latest announcement on or before the year's end.
    pub announcement: Option<Announcement>,
    pub announced: bool,
    pub audits: Vec<Audit>,
    pub reviews: Vec<Review>,
    pub report: Option<IsoReport>,
    pub overdue_legal_changes: Vec<LegalChange>,
    pub overdue_actions: Vec<IsoAction>,
    pub findings: Vec<Finding>,
}

impl AnnouncementInput {
    pub fn cleaned(mut self) -> AnnouncementInput {
        self.number = text::clean(&self.number);
        let mut codes: Vec<String> = self.procedures.iter().map(|c| text::clean(c)).filter(|c| !c.is_empty()).collect();
        codes.sort();
        codes.dedup();
        self.procedures = codes;
        self
    }

    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        if self.number.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("number")));
        }
        if self.procedures.is_empty() {
            findings.push(Finding::new(FindingCode::IsoScopeEmpty, Place::field("procedures")));
        }
        findings
    }

    pub fn record(&self) -> String {
        format!("Quyết định số {} ngày {}", self.number, self.date.format("%d/%m/%Y"))
    }
}

impl ActionInput {
    pub fn cleaned(mut self) -> ActionInput {
        self.content = text::clean(&self.content);
        self.owner = text::clean(&self.owner);
        self
    }

    /// A corrective action needs its content, an owner and a due date.
    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        for (name, value) in [("content", &self.content), ("owner", &self.owner)] {
            if value.is_empty() {
                findings.push(Finding::new(FindingCode::RequiredMissing, Place::field(name)));
            }
        }
        if self.due.is_none() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("due")));
        }
        findings
    }
}

/// A finding when `later` is before `earlier` (both named by their fields).
pub fn dates_in_order(earlier: (&str, NaiveDate), later: (&str, NaiveDate)) -> Option<Finding> {
    (later.1 < earlier.1).then(|| {
        Finding::new(FindingCode::DatesOutOfOrder, Place::field(later.0))
            .with("start", earlier.1.format("%d/%m/%Y"))
            .with("end", later.1.format("%d/%m/%Y"))
    })
}
