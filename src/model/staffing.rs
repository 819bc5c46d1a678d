//! Staffing (biên chế, brief §4 and "Data model implications" 13): categories, quotas, entered headcounts, people,
//! and the summary derived for a day.

use crate::model::{Decision, Finding, FindingCode, Place};
use crate::text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A staff category, kept as data in the register (the rules changed in 07/2025 and will change again).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffCategory {
    /// Stable key, e.g. `can_bo`, `cong_chuc`.
    pub code: String,
    /// Vietnamese name, e.g. "Công chức".
    pub name: String,
    /// The last day the category exists, if it has ended.
    pub valid_until: Option<NaiveDate>,
}

impl StaffCategory {
    /// The categories every register is seeded with (migration 0002), in their order: code and Vietnamese name. The
    /// command line lists them in its help without opening a register; a test checks a fresh register holds these.
    pub const SEEDED: [(&'static str, &'static str); 5] = [
        ("can_bo", "Cán bộ"),
        ("cong_chuc", "Công chức"),
        ("hop_dong", "Hợp đồng lao động"),
        ("thon_to_dan_pho", "Người hoạt động không chuyên trách ở thôn, tổ dân phố"),
        ("khong_chuyen_trach_xa", "Người hoạt động không chuyên trách cấp xã"),
    ];
}

/// The quota (biên chế được giao) of one year and category, with the decision that set it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    pub year: i32,
    pub category: String,
    pub quota: i64,
    #[serde(default)]
    pub basis: Decision,
}

/// A headcount entered as a total, for a unit that keeps no per-person records of a category.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headcount {
    pub year: i32,
    pub category: String,
    pub count: i64,
    /// How many of them meet the standard of their post; `None` when the unit did not say.
    #[serde(default)]
    pub meeting_standard: Option<i64>,
}

/// Everything an official enters about one person (cán bộ, công chức, …).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PersonInput {
    pub name: String,
    /// Title or job position (chức danh / vị trí việc làm).
    #[serde(default)]
    pub position: String,
    /// Rank (ngạch).
    #[serde(default)]
    pub rank: String,
    pub category: String,
    #[serde(default)]
    pub joined: Option<NaiveDate>,
    #[serde(default)]
    pub left: Option<NaiveDate>,
    #[serde(default)]
    pub qualification_level: String,
    #[serde(default)]
    pub qualification_field: String,
    #[serde(default)]
    pub political_theory: String,
    #[serde(default)]
    pub state_management: String,
    #[serde(default)]
    pub standard_met: bool,
    /// The day by which the person must meet the standard (e.g. 01/8/2028 under NĐ 33/2023).
    #[serde(default)]
    pub standard_deadline: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i64,
    #[serde(flatten)]
    pub input: PersonInput,
    pub created_at: String,
    pub updated_at: String,
}

impl Person {
    /// On the staff on `day`: joined on or before it (or no date known) and not yet left.
    pub fn present_on(&self, day: NaiveDate) -> bool {
        self.input.joined.is_none_or(|j| j <= day) && self.input.left.is_none_or(|l| l > day)
    }
}

impl Quota {
    pub fn cleaned(mut self) -> Quota {
        self.category = text::clean(&self.category);
        self.basis.number = text::clean(&self.basis.number);
        self
    }

    /// Problems that need no register: the year and a negative quota. Categories are checked against the register.
    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        if !(2000..=2100).contains(&self.year) {
            findings.push(out_of_range("year", self.year as i64, 2000, 2100));
        }
        if self.quota < 0 {
            findings.push(Finding::new(FindingCode::Negative, Place::field("quota")).with("value", self.quota));
        }
        if self.category.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("category")));
        }
        findings
    }
}

impl Headcount {
    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        if !(2000..=2100).contains(&self.year) {
            findings.push(out_of_range("year", self.year as i64, 2000, 2100));
        }
        if self.count < 0 {
            findings.push(Finding::new(FindingCode::Negative, Place::field("count")).with("value", self.count));
        }
        if let Some(meeting) = self.meeting_standard
            && (meeting < 0 || meeting > self.count.max(0))
        {
            findings.push(out_of_range("meeting_standard", meeting, 0, self.count.max(0)));
        }
        findings
    }
}

impl PersonInput {
    pub fn new(name: &str, category: &str) -> PersonInput {
        PersonInput { name: name.into(), category: category.into(), ..PersonInput::default() }
    }

    /// NFC and trimmed text everywhere.
    pub fn cleaned(mut self) -> PersonInput {
        for text in [
            &mut self.name,
            &mut self.position,
            &mut self.rank,
            &mut self.category,
            &mut self.qualification_level,
            &mut self.qualification_field,
            &mut self.political_theory,
            &mut self.state_management,
            &mut self.note,
        ] {
            *text = text::clean(text);
        }
        self
    }

    /// Every problem at once: missing name or category, left before joined.
    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        if self.name.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("name")));
        }
        if self.category.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("category")));
        }
        if let (Some(joined), Some(left)) = (self.joined, self.left)
            && left < joined
        {
            findings.push(
                Finding::new(FindingCode::DatesOutOfOrder, Place::field("left"))
                    .with("start", joined.format("%d/%m/%Y"))
                    .with("end", left.format("%d/%m/%Y")),
            );
        }
        findings
    }
}

/// One category's figures on a day.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryStaffing {
    pub category: String,
    pub name: String,
    /// `None`: no quota set for the year.
    pub quota: Option<i64>,
    pub present: i64,
    /// Where `present` comes from: "people" (records), "entered" (a typed total) or "none".
    pub source: &'static str,
    /// quota − present (negative when over quota); `None` without a quota.
    pub vacancies: Option<i64>,
    /// Present people who meet the standard: counted from the records, or the number entered with a total;
    /// `None` when the total was entered without it.
    pub meeting_standard: Option<i64>,
}

/// A present person whose standard deadline is near or past.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardDue {
    pub person: String,
    pub category: String,
    pub deadline: NaiveDate,
    /// Negative: late.
    pub days_left: i64,
}

/// The staffing of the unit on one day (quotas of that day's year).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaffingSummary {
    pub date: NaiveDate,
    pub year: i32,
    pub rows: Vec<CategoryStaffing>,
    /// Sum of the quotas set.
    pub quota: i64,
    /// Sum of the present headcounts of the categories with a quota.
    pub present: i64,
    /// Sum of the unfilled places (categories over quota count zero, not negative).
    pub vacancies: i64,
    /// Share meeting the standard, in percent, over the present people whose standing is known (every person
    /// record, and the totals entered with their number meeting it); `None` when no one's standing is known.
    pub standard_share: Option<f64>,
    /// Present people counted in `standard_share`.
    pub standard_known: i64,
    /// Present people of entered totals that do not say how many meet the standard (left out of the share).
    pub standard_unknown: i64,
    pub standard_due: Vec<StandardDue>,
    /// Over quota, people in a category with no quota.
    pub findings: Vec<Finding>,
}

pub(crate) fn out_of_range(column: &str, value: i64, min: i64, max: i64) -> Finding {
    Finding::new(FindingCode::OutOfRange, Place::field(column)).with("value", value).with("min", min).with("max", max)
}
