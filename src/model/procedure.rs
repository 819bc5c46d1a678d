//! Administrative procedures (thủ tục hành chính, TTHC) as the unit keeps them (brief "Data model implications" 10).

use crate::model::{Finding, FindingCode, Place};
use crate::text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A national procedure code `N.NNNNNN`, optionally with a local suffix such as `.H61` (`3.000527.H61`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProcedureCode(String);

impl ProcedureCode {
    /// Parses a code; the local suffix is upper-cased ("3.000527.h61" → "3.000527.H61").
    pub fn parse(input: &str) -> Option<ProcedureCode> {
        let text = text::clean(input);
        let mut parts = text.splitn(3, '.');
        let head = parts.next()?;
        let body = parts.next()?;
        let suffix = parts.next();
        let head_ok = head.len() == 1 && head.bytes().all(|b| b.is_ascii_digit());
        let body_ok = body.len() == 6 && body.bytes().all(|b| b.is_ascii_digit());
        let suffix_ok =
            suffix.is_none_or(|s| (1..=10).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !(head_ok && body_ok && suffix_ok) {
            return None;
        }
        Some(ProcedureCode(match suffix {
            Some(s) => format!("{head}.{body}.{}", s.to_ascii_uppercase()),
            None => format!("{head}.{body}"),
        }))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProcedureCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ProcedureCode {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        ProcedureCode::parse(&value).ok_or_else(|| format!("invalid procedure code {value:?}"))
    }
}

impl From<ProcedureCode> for String {
    fn from(code: ProcedureCode) -> String {
        code.0
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Ngày làm việc.
    WorkingDays,
    /// Ngày (calendar days).
    Days,
    /// Giờ làm việc.
    WorkingHours,
}

impl TimeUnit {
    pub const ALL: [TimeUnit; 3] = [TimeUnit::WorkingDays, TimeUnit::Days, TimeUnit::WorkingHours];

    pub fn label(self) -> &'static str {
        match self {
            TimeUnit::WorkingDays => "ngày làm việc",
            TimeUnit::Days => "ngày",
            TimeUnit::WorkingHours => "giờ làm việc",
        }
    }

    /// Accepts the Vietnamese words with or without diacritics ("ngày làm việc", "ngay lam viec", "ngày").
    pub fn parse(input: &str) -> Option<TimeUnit> {
        match text::fold(input).as_str() {
            "ngay lam viec" | "ngay lv" => Some(TimeUnit::WorkingDays),
            "ngay" => Some(TimeUnit::Days),
            "gio lam viec" | "gio" => Some(TimeUnit::WorkingHours),
            _ => None,
        }
    }
}

/// Processing time: an amount (may be fractional, e.g. 0,5) and its unit.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ProcessingTime {
    pub amount: f64,
    pub unit: TimeUnit,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureStatus {
    /// Đang áp dụng.
    #[default]
    Active,
    /// Đã sửa đổi, bổ sung.
    Amended,
    /// Bị thay thế.
    Replaced,
    /// Bị bãi bỏ.
    Abolished,
}

impl ProcedureStatus {
    pub const ALL: [ProcedureStatus; 4] =
        [ProcedureStatus::Active, ProcedureStatus::Amended, ProcedureStatus::Replaced, ProcedureStatus::Abolished];

    pub fn label(self) -> &'static str {
        match self {
            ProcedureStatus::Active => "Đang áp dụng",
            ProcedureStatus::Amended => "Đã sửa đổi",
            ProcedureStatus::Replaced => "Bị thay thế",
            ProcedureStatus::Abolished => "Bị bãi bỏ",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ProcedureStatus::Active => "active",
            ProcedureStatus::Amended => "amended",
            ProcedureStatus::Replaced => "replaced",
            ProcedureStatus::Abolished => "abolished",
        }
    }

    /// Accepts the label (with or without diacritics) or the key.
    pub fn parse(input: &str) -> Option<ProcedureStatus> {
        let folded = text::fold(input);
        ProcedureStatus::ALL.into_iter().find(|s| folded == text::fold(s.label()) || folded == s.key()).or(match folded
            .as_str()
        {
            "" | "con hieu luc" | "dang ap dung" => Some(ProcedureStatus::Active),
            "sua doi" | "sua doi, bo sung" => Some(ProcedureStatus::Amended),
            "thay the" => Some(ProcedureStatus::Replaced),
            "bai bo" | "het hieu luc" => Some(ProcedureStatus::Abolished),
            _ => None,
        })
    }

    /// Replaced and abolished procedures are retired: kept with their history, no longer offered.
    pub fn is_retired(self) -> bool {
        matches!(self, ProcedureStatus::Replaced | ProcedureStatus::Abolished)
    }
}

/// Online public-service level since Nghị định 42/2022: toàn trình, một phần, or none.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OnlineLevel {
    /// DVC trực tuyến toàn trình.
    Full,
    /// DVC trực tuyến một phần.
    Partial,
    /// Không.
    #[default]
    None,
}

impl OnlineLevel {
    pub const ALL: [OnlineLevel; 3] = [OnlineLevel::Full, OnlineLevel::Partial, OnlineLevel::None];

    pub fn label(self) -> &'static str {
        match self {
            OnlineLevel::Full => "Toàn trình",
            OnlineLevel::Partial => "Một phần",
            OnlineLevel::None => "Không",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            OnlineLevel::Full => "full",
            OnlineLevel::Partial => "partial",
            OnlineLevel::None => "none",
        }
    }

    /// Accepts the label (with or without diacritics), the key, or the old levels (mức độ 4 → toàn trình, 3 → một phần).
    pub fn parse(input: &str) -> Option<OnlineLevel> {
        let folded = text::fold(input);
        OnlineLevel::ALL.into_iter().find(|l| folded == text::fold(l.label()) || folded == l.key()).or(
            match folded.as_str() {
                "" | "khong co" | "truc tiep" => Some(OnlineLevel::None),
                "dvc toan trinh" | "muc do 4" | "4" => Some(OnlineLevel::Full),
                "dvc mot phan" | "muc do 3" | "3" => Some(OnlineLevel::Partial),
                _ => None,
            },
        )
    }
}

/// A decision (quyết định) by number and date, e.g. "36/QĐ-UBND" of 15/10/2019.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Decision {
    pub number: String,
    pub date: Option<NaiveDate>,
}

impl Decision {
    pub fn is_empty(&self) -> bool {
        self.number.is_empty() && self.date.is_none()
    }
}

/// Everything an official enters about a procedure (add, edit, import).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedureInput {
    pub code: String,
    pub name: String,
    /// Lĩnh vực.
    pub field: String,
    pub processing_time: Option<ProcessingTime>,
    /// Phí, lệ phí as published ("Miễn phí", "8.000 đồng/bản").
    #[serde(default)]
    pub fee: String,
    /// Căn cứ pháp lý, one per line.
    #[serde(default)]
    pub legal_bases: Vec<String>,
    /// Quyết định công bố.
    #[serde(default)]
    pub announcement: Decision,
    #[serde(default)]
    pub status: ProcedureStatus,
    /// The procedure that replaces this one (when replaced).
    #[serde(default)]
    pub replaced_by: Option<String>,
    #[serde(default)]
    pub online_level: OnlineLevel,
    /// Một cửa.
    #[serde(default)]
    pub one_stop: bool,
    /// Một cửa liên thông.
    #[serde(default)]
    pub interlinked: bool,
    /// Tiếp nhận / trả kết quả qua bưu chính.
    #[serde(default)]
    pub postal: bool,
    /// Không phụ thuộc địa giới hành chính.
    #[serde(default)]
    pub boundary_free: bool,
    /// Quy trình nội bộ được phê duyệt.
    #[serde(default)]
    pub internal_process: Decision,
    /// Thuộc phạm vi áp dụng ISO 9001.
    #[serde(default)]
    pub in_iso_scope: bool,
}

impl ProcedureInput {
    /// A minimal input (code, name, field); other fields take their defaults.
    pub fn new(code: &str, name: &str, field: &str) -> ProcedureInput {
        ProcedureInput {
            code: code.to_string(),
            name: name.to_string(),
            field: field.to_string(),
            processing_time: None,
            fee: String::new(),
            legal_bases: Vec::new(),
            announcement: Decision::default(),
            status: ProcedureStatus::Active,
            replaced_by: None,
            online_level: OnlineLevel::None,
            one_stop: true,
            interlinked: false,
            postal: false,
            boundary_free: false,
            internal_process: Decision::default(),
            in_iso_scope: false,
        }
    }

    /// NFC and trimmed everywhere; codes in canonical form where they parse.
    pub fn cleaned(mut self) -> ProcedureInput {
        self.code = ProcedureCode::parse(&self.code).map(String::from).unwrap_or_else(|| text::clean(&self.code));
        self.name = text::clean(&self.name);
        self.field = text::clean(&self.field);
        self.fee = text::clean(&self.fee);
        self.legal_bases = self.legal_bases.iter().map(|s| text::clean(s)).filter(|s| !s.is_empty()).collect();
        self.announcement.number = text::clean(&self.announcement.number);
        self.internal_process.number = text::clean(&self.internal_process.number);
        self.replaced_by = self
            .replaced_by
            .map(|c| ProcedureCode::parse(&c).map(String::from).unwrap_or_else(|| text::clean(&c)))
            .filter(|c| !c.is_empty());
        self
    }

    /// Every problem at once; places name the input field (`code`, `name`, …).
    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        if self.code.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("code")));
        } else if ProcedureCode::parse(&self.code).is_none() {
            findings.push(Finding::new(FindingCode::BadProcedureCode, Place::field("code")).with("value", &self.code));
        }
        for (name, value) in [("name", &self.name), ("field", &self.field)] {
            if value.is_empty() {
                findings.push(Finding::new(FindingCode::RequiredMissing, Place::field(name)));
            }
        }
        if let Some(time) = self.processing_time
            && !(time.amount > 0.0 && time.amount.is_finite())
        {
            findings
                .push(Finding::new(FindingCode::BadNumber, Place::field("processing_time")).with("value", time.amount));
        }
        match (&self.replaced_by, self.status) {
            (Some(code), _) if ProcedureCode::parse(code).is_none() => findings
                .push(Finding::new(FindingCode::BadProcedureCode, Place::field("replaced_by")).with("value", code)),
            (None, ProcedureStatus::Replaced) => {
                findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("replaced_by")))
            }
            _ => {}
        }
        findings
    }
}

/// A procedure as stored in the register.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    pub id: i64,
    #[serde(flatten)]
    pub input: ProcedureInput,
    /// The date the procedure was retired (replaced or abolished), if it was.
    pub retired_on: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
}

/// Filters for the procedure list; search ignores case and diacritics.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProcedureQuery {
    pub search: Option<String>,
    pub field: Option<String>,
    pub online_level: Option<OnlineLevel>,
    pub status: Option<ProcedureStatus>,
    /// Include replaced and abolished procedures (default: only those in force).
    #[serde(default)]
    pub include_retired: bool,
}

/// How a procedure leaves use: replaced by another, or abolished, on a date.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Retirement {
    pub replaced_by: Option<String>,
    pub on: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_national_with_optional_local_suffix() {
        assert_eq!(ProcedureCode::parse(" 1.001193 ").unwrap().as_str(), "1.001193");
        assert_eq!(ProcedureCode::parse("3.000527.h61").unwrap().as_str(), "3.000527.H61");
        for bad in ["1.00119", "1001193", "A.001193", "1.001193.", "12.001193", "1.0011934"] {
            assert!(ProcedureCode::parse(bad).is_none(), "{bad} should be refused");
        }
    }

    #[test]
    fn choices_accept_labels_without_diacritics() {
        assert_eq!(OnlineLevel::parse("toan trinh"), Some(OnlineLevel::Full));
        assert_eq!(OnlineLevel::parse("Một phần"), Some(OnlineLevel::Partial));
        assert_eq!(ProcedureStatus::parse("Bị bãi bỏ"), Some(ProcedureStatus::Abolished));
        assert_eq!(TimeUnit::parse("Ngày làm việc"), Some(TimeUnit::WorkingDays));
    }
}
