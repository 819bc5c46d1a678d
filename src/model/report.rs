//! Official reports: their kinds, the editable sections of the periodic report, and the outgoing-document register
//! (sổ văn bản đi) that gives an issued report its number.

use crate::model::PeriodKey;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The reports the app prints.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Báo cáo kết quả thực hiện công tác cải cách hành chính (quý I, 6 tháng, 9 tháng, năm).
    Periodic,
    /// Biểu số 06/VPCP/KSTT alone.
    Stats,
    /// Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số CCHC of a year (its period is always the year).
    Assessment,
}

impl ReportKind {
    pub fn key(self) -> &'static str {
        match self {
            ReportKind::Periodic => "periodic",
            ReportKind::Stats => "stats",
            ReportKind::Assessment => "assessment",
        }
    }

    /// The sections an official may edit, by key and printed heading (none for a table-only report).
    pub fn sections(self) -> &'static [(&'static str, &'static str)] {
        match self {
            ReportKind::Periodic => &PERIODIC_SECTIONS,
            ReportKind::Stats => &[],
            ReportKind::Assessment => &ASSESSMENT_SECTIONS,
        }
    }

    pub fn parse(text: &str) -> Option<ReportKind> {
        match text.trim() {
            "periodic" => Some(ReportKind::Periodic),
            "stats" => Some(ReportKind::Stats),
            "assessment" => Some(ReportKind::Assessment),
            _ => None,
        }
    }
}

/// The editable sections of the periodic report (brief §3.1's outline), by key and printed heading.
pub const PERIODIC_SECTIONS: [(&str, &str); 10] = [
    ("I", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
    ("II.1", "1. Cải cách thể chế"),
    ("II.2", "2. Cải cách thủ tục hành chính"),
    ("II.3", "3. Cải cách tổ chức bộ máy"),
    ("II.4", "4. Cải cách chế độ công vụ"),
    ("II.5", "5. Cải cách tài chính công"),
    ("II.6", "6. Xây dựng chính quyền điện tử, chính quyền số"),
    ("III", "III. ĐÁNH GIÁ CHUNG"),
    ("IV", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"),
    ("V", "V. ĐỀ XUẤT, KIẾN NGHỊ"),
];

/// The editable sections of the self-assessment report; part II (the results) is printed from the scores.
pub const ASSESSMENT_SECTIONS: [(&str, &str); 3] = [
    ("I", "I. TÌNH HÌNH TRIỂN KHAI TỰ ĐÁNH GIÁ, CHẤM ĐIỂM"),
    ("III", "III. KHÓ KHĂN, VƯỚNG MẮC"),
    ("IV", "IV. ĐỀ XUẤT, KIẾN NGHỊ"),
];

/// One section of a report: the draft written from the register and, if the official edited it, their text.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportSection {
    pub key: String,
    pub heading: String,
    pub draft: String,
    pub edited: Option<String>,
}

impl ReportSection {
    /// What is printed: the edited text when there is one, otherwise the draft.
    pub fn text(&self) -> &str {
        self.edited.as_deref().unwrap_or(&self.draft)
    }
}

/// One entry of the outgoing-document register.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingInput {
    pub year: i32,
    /// The running number of the year.
    pub number: i64,
    /// "BC-UBND".
    pub symbol: String,
    pub date: NaiveDate,
    /// Trích yếu.
    pub subject: String,
    pub signer: String,
    #[serde(default)]
    pub recipients: Vec<String>,
    /// The report this document is, when the app made it.
    #[serde(default)]
    pub report: Option<(ReportKind, PeriodKey)>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingDocument {
    pub id: i64,
    #[serde(flatten)]
    pub input: OutgoingInput,
    pub created_at: String,
}

impl OutgoingInput {
    /// "05/BC-UBND": the number with a leading zero below 10, a slash, the symbol (NĐ 30/2020, Phụ lục I).
    pub fn number_text(&self) -> String {
        number_text(self.number, &self.symbol)
    }
}

/// "05/BC-UBND" (brief §6: numbers below 10 get a leading 0; no spaces).
pub fn number_text(number: i64, symbol: &str) -> String {
    format!("{number:02}/{symbol}")
}

/// The printed copy kept with an issued report: its laid-out pages (JSON) and its PDF bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedCopy {
    pub pages_json: String,
    pub pdf: Vec<u8>,
}
