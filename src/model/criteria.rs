//! Criteria sets (bộ chỉ số CCHC) as data: exact points, scoring rules, the area → criterion → sub-criterion tree, and
//! the validation that reports every problem of a set at once. The file format is described in docs/criteria-format.md.

use super::finding::{Finding, FindingCode, Place};
use super::unit::UnitKind;
use crate::text;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// The unit kinds a set's `scope` may name, as a finding lists them.
pub const SCOPE_ALLOWED: &str = "xã, phường, đặc khu (trong tệp JSON: xa, phuong, dac_khu)";

/// The format number a criteria file declares (`"format": 1`); a later format would need a new reader.
pub const CRITERIA_FORMAT: u32 = 1;

macro_rules! hundredths {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "number"))]
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub i64);

        impl $name {
            pub const ZERO: $name = $name(0);

            /// From a whole number.
            pub fn whole(n: i64) -> $name {
                $name(n * 100)
            }

            /// Reads "1,5", "1.5", "0,25" or "3": at most two decimals, a comma or a dot; `None` otherwise.
            pub fn parse(input: &str) -> Option<$name> {
                parse_hundredths(input).map($name)
            }

            /// From a JSON or spreadsheet number; `None` when it is not a whole number of hundredths.
            pub fn from_f64(x: f64) -> Option<$name> {
                let scaled = x * 100.0;
                let rounded = scaled.round();
                (x.is_finite() && (scaled - rounded).abs() < 1e-6 && rounded.abs() < 1e15).then(|| $name(rounded as i64))
            }

            pub fn as_f64(self) -> f64 {
                self.0 as f64 / 100.0
            }

            /// Vietnamese form, as short as it can be written: 3 → "3", 1.5 → "1,5", 0.25 → "0,25", 2051 → "2.051".
            pub fn vn(self) -> String {
                hundredths_vn(self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if self.0 % 100 == 0 { s.serialize_i64(self.0 / 100) } else { s.serialize_f64(self.as_f64()) }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                #[derive(Deserialize)]
                #[serde(untagged)]
                enum Raw {
                    Number(f64),
                    Text(String),
                }
                let parsed = match Raw::deserialize(d)? {
                    Raw::Number(x) => $name::from_f64(x),
                    Raw::Text(t) => $name::parse(&t),
                };
                parsed.ok_or_else(|| serde::de::Error::custom("expected a number with at most two decimals"))
            }
        }
    };
}

hundredths!(
    /// Points in hundredths, so that 0.25-point rules add up with no rounding drift (1.5 points = `Points(150)`).
    Points
);
hundredths!(
    /// A percentage in hundredths of a percent (98 % = `Percent(9800)`), for band thresholds and results.
    Percent
);

impl std::ops::Add for Points {
    type Output = Points;
    fn add(self, other: Points) -> Points {
        Points(self.0 + other.0)
    }
}

impl std::ops::Sub for Points {
    type Output = Points;
    fn sub(self, other: Points) -> Points {
        Points(self.0 - other.0)
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        Points(iter.map(|p| p.0).sum())
    }
}

/// The part of the index an area belongs to.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CriteriaPart"))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Scored by the unit and appraised (điểm thẩm định).
    #[default]
    Appraised,
    /// Scored by the province's satisfaction survey (điểm điều tra xã hội học); not self-scored.
    Survey,
    /// Bonus and penalty points (điểm thưởng, điểm trừ), each capped.
    BonusPenalty,
}

impl Part {
    pub fn label(self) -> &'static str {
        match self {
            Part::Appraised => "Điểm thẩm định",
            Part::Survey => "Điểm điều tra xã hội học",
            Part::BonusPenalty => "Điểm thưởng, điểm trừ",
        }
    }
}

/// How a percentage becomes the index: the raw total over the scale, or the points over the applicable maximum.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Normalisation {
    #[default]
    Raw,
    /// % of the points the unit had tasks for (N/A leaves leave the maximum).
    Applicable,
}

/// A band of a percentage rule: at least `min` % gives `points`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PercentBand {
    pub min: Percent,
    pub points: Points,
}

/// A band of a count rule: at least `min` gives `points`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountBand {
    pub min: i64,
    pub points: Points,
}

/// How a leaf is scored. Every rule turns into points between 0 and the leaf's maximum.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CriteriaRule"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Rule {
    /// Done → the maximum; not done → 0.
    Boolean,
    /// Bands "≥ x % → p points", highest first; below every band → 0.
    BandedPercentage { bands: Vec<PercentBand> },
    /// Bands "≥ n → p points", highest first; below every band → 0.
    CountThreshold { bands: Vec<CountBand> },
    /// Any points from 0 to the maximum in steps (0,25 unless given).
    Manual {
        #[serde(default = "quarter")]
        step: Points,
    },
    /// Scored by the province's survey; the result is entered when published.
    SurveyOnly,
    /// Bonus points from 0 to the maximum in 0,25 steps; all bonuses together are capped by the set.
    Bonus,
    /// Penalty points from 0 to the maximum in 0,25 steps, subtracted; all penalties together are capped.
    Penalty,
}

fn quarter() -> Points {
    Points(25)
}

/// What a rule is given to score: a measured value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Measure {
    /// A ratio `part / whole` (exact), read as a percentage.
    Ratio {
        part: i64,
        whole: i64,
    },
    Count {
        value: i64,
    },
    Flag {
        value: bool,
    },
}

impl Measure {
    /// The ratio in hundredths of a percent, rounded half up (for display; comparisons are exact).
    pub fn percent(self) -> Option<Percent> {
        match self {
            Measure::Ratio { part, whole } if whole > 0 => {
                let num = i128::from(part) * 10_000 * 2 + i128::from(whole);
                Some(Percent((num / (2 * i128::from(whole))) as i64))
            }
            _ => None,
        }
    }

    /// The ratio truncated to hundredths of a percent.
    pub fn percent_truncated(self) -> Option<Percent> {
        match self {
            Measure::Ratio { part, whole } if whole > 0 => {
                Some(Percent((i128::from(part) * 10_000 / i128::from(whole)) as i64))
            }
            _ => None,
        }
    }
}

/// The outcome of a rule given a measure: the points, and the end of the readable trace ("≥ 98 % → 3 điểm").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub points: Points,
    pub trace: String,
}

impl Rule {
    /// The Vietnamese name of the rule type.
    pub fn label(&self) -> &'static str {
        match self {
            Rule::Boolean => "Đạt / không đạt",
            Rule::BandedPercentage { .. } => "Theo tỷ lệ (%)",
            Rule::CountThreshold { .. } => "Theo số lượng",
            Rule::Manual { .. } => "Chấm theo mức độ",
            Rule::SurveyOnly => "Điều tra xã hội học",
            Rule::Bonus => "Điểm thưởng",
            Rule::Penalty => "Điểm trừ",
        }
    }

    /// The stable key of the rule type (as in the file).
    pub fn key(&self) -> &'static str {
        match self {
            Rule::Boolean => "boolean",
            Rule::BandedPercentage { .. } => "banded_percentage",
            Rule::CountThreshold { .. } => "count_threshold",
            Rule::Manual { .. } => "manual",
            Rule::SurveyOnly => "survey_only",
            Rule::Bonus => "bonus",
            Rule::Penalty => "penalty",
        }
    }

    /// Scores a measure. `None` when the measure does not fit the rule (a count given to a percentage rule, a ratio
    /// of nothing, or a rule scored by hand). Percentages compare exactly: part × 10 000 ≥ min × whole.
    pub fn evaluate(&self, max: Points, measure: Measure) -> Option<Outcome> {
        let points_text = |p: Points| format!("{} điểm", p.vn());
        match (self, measure) {
            (Rule::Boolean, Measure::Flag { value }) => {
                let points = if value { max } else { Points::ZERO };
                let word = if value { "đạt" } else { "không đạt" };
                Some(Outcome { points, trace: format!("{word} → {}", points_text(points)) })
            }
            (Rule::BandedPercentage { bands }, Measure::Ratio { part, whole }) if whole > 0 => {
                let reached =
                    |band: &&PercentBand| i128::from(part) * 10_000 >= i128::from(band.min.0) * i128::from(whole);
                Some(match bands.iter().find(reached) {
                    Some(band) => Outcome {
                        points: band.points,
                        trace: format!("≥ {} % → {}", band.min.vn(), points_text(band.points)),
                    },
                    None => Outcome {
                        points: Points::ZERO,
                        trace: format!(
                            "dưới {} % → {}",
                            bands.last().map_or_else(|| "0".to_string(), |b| b.min.vn()),
                            points_text(Points::ZERO)
                        ),
                    },
                })
            }
            (Rule::CountThreshold { bands }, Measure::Count { value }) => {
                Some(match bands.iter().find(|b| value >= b.min) {
                    Some(band) => Outcome {
                        points: band.points,
                        trace: format!("≥ {} → {}", text::group_int(band.min), points_text(band.points)),
                    },
                    None => Outcome {
                        points: Points::ZERO,
                        trace: format!(
                            "dưới {} → {}",
                            bands.last().map_or_else(|| "0".to_string(), |b| text::group_int(b.min)),
                            points_text(Points::ZERO)
                        ),
                    },
                })
            }
            _ => None,
        }
    }

    /// The percentage to show beside this rule's outcome: rounded half up, unless rounding would reach a band the
    /// exact ratio does not (97,996 % must not read "98 %" next to "below 98 %"); then truncated.
    pub fn shown_percent(&self, measure: Measure) -> Option<Percent> {
        let rounded = measure.percent()?;
        if let (Rule::BandedPercentage { bands }, Measure::Ratio { part, whole }) = (self, measure) {
            let crosses = bands.iter().any(|b| {
                let exact = i128::from(part) * 10_000 >= i128::from(b.min.0) * i128::from(whole);
                exact != (rounded >= b.min)
            });
            if crosses {
                return measure.percent_truncated();
            }
        }
        Some(rounded)
    }

    /// The points a person may give this rule by hand: `Ok` or the allowed values as Vietnamese text.
    pub fn allows(&self, max: Points, points: Points) -> Result<(), String> {
        let steps = |step: Points| -> Result<(), String> {
            if points.0 >= 0 && points <= max && step.0 > 0 && points.0 % step.0 == 0 {
                Ok(())
            } else {
                Err(format!("từ 0 đến {}, mỗi bước {}", max.vn(), step.vn()))
            }
        };
        match self {
            Rule::Boolean => {
                if points == Points::ZERO || points == max {
                    Ok(())
                } else {
                    Err(format!("0 hoặc {}", max.vn()))
                }
            }
            Rule::BandedPercentage { .. } | Rule::CountThreshold { .. } => {
                let mut allowed: Vec<Points> = self.band_points();
                allowed.push(Points::ZERO);
                allowed.sort();
                allowed.dedup();
                if allowed.contains(&points) {
                    Ok(())
                } else {
                    Err(allowed.iter().map(|p| p.vn()).collect::<Vec<_>>().join("; "))
                }
            }
            Rule::Manual { step } => steps(*step),
            Rule::SurveyOnly | Rule::Bonus | Rule::Penalty => steps(quarter()),
        }
    }

    fn band_points(&self) -> Vec<Points> {
        match self {
            Rule::BandedPercentage { bands } => bands.iter().map(|b| b.points).collect(),
            Rule::CountThreshold { bands } => bands.iter().map(|b| b.points).collect(),
            _ => Vec::new(),
        }
    }
}

/// The rule types a file may name, by their JSON name, with the Vietnamese names a province writes (folded: no
/// diacritics, lower case). The sheet and the JSON file accept the same names.
const RULE_NAMES: [(&str, &[&str]); 7] = [
    ("boolean", &["dat/khong dat", "dat, khong dat", "co/khong", "co, khong"]),
    ("banded_percentage", &["ty le", "theo ty le", "ty le (%)"]),
    ("count_threshold", &["so luong", "theo so luong"]),
    ("manual", &["cham tay", "theo muc do", "cham theo muc do"]),
    ("survey_only", &["dieu tra", "dieu tra xa hoi hoc"]),
    ("bonus", &["diem thuong", "thuong"]),
    ("penalty", &["diem tru", "tru"]),
];

/// The rule types as a finding lists them.
pub const RULE_NAMES_ALLOWED: &str = "đạt/không đạt; tỷ lệ; số lượng; chấm theo mức độ; điều tra; điểm thưởng; điểm \
                                      trừ (trong tệp JSON cũng được: boolean, banded_percentage, count_threshold, \
                                      manual, survey_only, bonus, penalty)";

/// The JSON name of a rule type written as a province writes it ("Tỷ lệ", "đạt/không đạt", "banded_percentage").
pub fn rule_type_named(name: &str) -> Option<&'static str> {
    let folded = text::fold(name);
    RULE_NAMES.iter().find(|(key, names)| *key == folded || names.contains(&folded.as_str())).map(|(key, _)| *key)
}

/// The parts as a finding lists them.
pub const PART_NAMES_ALLOWED: &str = "thẩm định; điều tra; thưởng, trừ (trong tệp JSON cũng được: appraised, survey, \
                                      bonus_penalty)";

/// A part written as a province writes it ("điều tra", "thưởng, trừ", "survey").
pub fn part_named(name: &str) -> Option<Part> {
    match text::fold(name).as_str() {
        "tham dinh" | "diem tham dinh" | "appraised" => Some(Part::Appraised),
        "dieu tra" | "dieu tra xa hoi hoc" | "survey" => Some(Part::Survey),
        "thuong tru" | "thuong, tru" | "diem thuong, diem tru" | "diem thuong diem tru" | "bonus_penalty" => {
            Some(Part::BonusPenalty)
        }
        _ => None,
    }
}

/// The normalisations as a finding lists them.
pub const NORMALISATION_NAMES_ALLOWED: &str = "thô; theo điểm có nhiệm vụ (trong tệp JSON cũng được: raw, applicable)";

/// A normalisation written as a province writes it ("thô", "theo điểm có nhiệm vụ", "applicable").
pub fn normalisation_named(name: &str) -> Option<Normalisation> {
    match text::fold(name).as_str() {
        "raw" | "tho" | "diem tho" => Some(Normalisation::Raw),
        "applicable" | "theo diem co nhiem vu" | "ty le tren diem co nhiem vu" => Some(Normalisation::Applicable),
        _ => None,
    }
}

/// A node of the tree: an area (lĩnh vực), a criterion (tiêu chí) or a sub-criterion (tiêu chí thành phần).
/// Points sit on the leaves (nodes without children); a parent's maximum is the sum of its children's.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CriteriaNode"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub code: String,
    pub text: String,
    pub max: Points,
    /// Only on areas: the part of the index (appraised unless given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// Evidence expected (tài liệu kiểm chứng), as the decision lists it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// A register metric that suggests the score (see `Metric`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guidance: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

impl Node {
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }
}

/// A classification band (xếp loại): at least `min` % gives `label`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassBand {
    pub label: String,
    pub min: Percent,
}

/// The decision that issued a set.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetDecision {
    #[serde(default)]
    pub number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
}

/// A day of the year (day, month), for the self-assessment deadline "05/10".
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayOfYear {
    pub day: u32,
    pub month: u32,
}

impl DayOfYear {
    pub fn in_year(self, year: i32) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

/// A whole criteria set as read from its file.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriteriaSet {
    pub format: u32,
    /// The set's stable name across versions, e.g. "urn:cchc:criteria:hue-xa".
    pub urn: String,
    pub version: i64,
    pub name: String,
    #[serde(default)]
    pub province: String,
    #[serde(default)]
    pub decision: SetDecision,
    /// Years it applies to; empty = any year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<i32>,
    /// Unit kinds it applies to ("xa", "phuong", "dac_khu"); empty = all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<String>,
    /// A note shown with the set (e.g. that its points are illustrative).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub scale: Points,
    pub appraised_share: Points,
    #[serde(default)]
    pub survey_share: Points,
    #[serde(default)]
    pub bonus_cap: Points,
    #[serde(default)]
    pub penalty_cap: Points,
    #[serde(default)]
    pub normalisation: Normalisation,
    pub bands: Vec<ClassBand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_assessment_deadline: Option<DayOfYear>,
    pub areas: Vec<Node>,
}

/// A leaf with where it sits: its area's part and its ancestors' codes.
#[derive(Debug, Clone, Copy)]
pub struct LeafRef<'a> {
    pub node: &'a Node,
    pub part: Part,
    pub rule: &'a Rule,
}

/// The register metrics a leaf may link to: what the registers can measure for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Metric {
    TthcOnTimeRate,
    TthcApologyLetters,
    TthcInternalProcessCoverage,
    TthcOnlineRate,
    PlanCompletionRate,
    ReportsOnTime,
    StaffingWithinQuota,
    StaffingStandardShare,
    IsoAnnounced,
    IsoScopeComplete,
    IsoLegalChangesOnTime,
    IsoAuditAndReview,
    IsoChecks,
}

/// The kind of measure a metric gives, which decides the rule it fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureKind {
    Ratio,
    Count,
    Flag,
}

impl Metric {
    pub const ALL: [Metric; 13] = [
        Metric::TthcOnTimeRate,
        Metric::TthcApologyLetters,
        Metric::TthcInternalProcessCoverage,
        Metric::TthcOnlineRate,
        Metric::PlanCompletionRate,
        Metric::ReportsOnTime,
        Metric::StaffingWithinQuota,
        Metric::StaffingStandardShare,
        Metric::IsoAnnounced,
        Metric::IsoScopeComplete,
        Metric::IsoLegalChangesOnTime,
        Metric::IsoAuditAndReview,
        Metric::IsoChecks,
    ];

    /// The key used in criteria files.
    pub fn key(self) -> &'static str {
        match self {
            Metric::TthcOnTimeRate => "tthc.on_time_rate",
            Metric::TthcApologyLetters => "tthc.apology_letters",
            Metric::TthcInternalProcessCoverage => "tthc.internal_process_coverage",
            Metric::TthcOnlineRate => "tthc.online_rate",
            Metric::PlanCompletionRate => "plan.completion_rate",
            Metric::ReportsOnTime => "reports.on_time",
            Metric::StaffingWithinQuota => "staffing.within_quota",
            Metric::StaffingStandardShare => "staffing.standard_share",
            Metric::IsoAnnounced => "iso.announced",
            Metric::IsoScopeComplete => "iso.scope_complete",
            Metric::IsoLegalChangesOnTime => "iso.legal_changes_on_time",
            Metric::IsoAuditAndReview => "iso.audit_and_review",
            Metric::IsoChecks => "iso.checks",
        }
    }

    pub fn parse(key: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.key() == key)
    }

    /// What the metric measures, in Vietnamese.
    pub fn label(self) -> &'static str {
        match self {
            Metric::TthcOnTimeRate => "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
            Metric::TthcApologyLetters => "Thư xin lỗi cho mọi hồ sơ quá hạn",
            Metric::TthcInternalProcessCoverage => "Tỷ lệ TTHC một cửa có quy trình nội bộ",
            Metric::TthcOnlineRate => "Tỷ lệ hồ sơ nộp trực tuyến",
            Metric::PlanCompletionRate => "Tỷ lệ hoàn thành nhiệm vụ kế hoạch CCHC",
            Metric::ReportsOnTime => "Số báo cáo CCHC định kỳ gửi đúng hạn",
            Metric::StaffingWithinQuota => "Số có mặt trong biên chế được giao",
            Metric::StaffingStandardShare => "Tỷ lệ cán bộ, công chức đạt chuẩn",
            Metric::IsoAnnounced => "Đã công bố hệ thống ISO 9001",
            Metric::IsoScopeComplete => "Phạm vi ISO 9001 đủ các TTHC",
            Metric::IsoLegalChangesOnTime => "Cập nhật văn bản mới vào ISO đúng hạn",
            Metric::IsoAuditAndReview => "Đánh giá nội bộ và xem xét của lãnh đạo trong năm",
            Metric::IsoChecks => "Số yêu cầu ISO 9001 đạt (trên 4)",
        }
    }

    pub fn measure_kind(self) -> MeasureKind {
        match self {
            Metric::TthcOnTimeRate
            | Metric::TthcInternalProcessCoverage
            | Metric::TthcOnlineRate
            | Metric::PlanCompletionRate
            | Metric::StaffingStandardShare => MeasureKind::Ratio,
            Metric::ReportsOnTime | Metric::IsoChecks => MeasureKind::Count,
            Metric::TthcApologyLetters
            | Metric::StaffingWithinQuota
            | Metric::IsoAnnounced
            | Metric::IsoScopeComplete
            | Metric::IsoLegalChangesOnTime
            | Metric::IsoAuditAndReview => MeasureKind::Flag,
        }
    }
}

impl CriteriaSet {
    /// Reads a set from JSON text as a province writes it: a text that is not JSON gives one `CRITERIA_FORMAT`
    /// finding with its line and column; values of the wrong shape give findings naming the criterion and the field
    /// (all at once); then every problem of the content at once (`validate`).
    pub fn from_json(json: &str) -> Result<CriteriaSet, Vec<Finding>> {
        let set = super::criteria_json::read(json)?.cleaned();
        let findings = set.validate();
        if findings.iter().any(Finding::is_error) { Err(findings) } else { Ok(set) }
    }

    /// The set as a JSON file writes it, before `cleaned` and `validate`; or every problem of the file's shape.
    pub fn read_json(json: &str) -> Result<CriteriaSet, Vec<Finding>> {
        super::criteria_json::read(json)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a criteria set serialises")
    }

    /// "urn@version".
    pub fn key(&self) -> String {
        format!("{}@{}", self.urn, self.version)
    }

    /// Every text NFC and trimmed.
    pub fn cleaned(mut self) -> CriteriaSet {
        fn clean_node(node: &mut Node) {
            node.code = text::clean(&node.code);
            node.text = text::clean(&node.text);
            node.guidance = text::clean_multiline(&node.guidance);
            node.metric = node.metric.as_deref().map(text::clean).filter(|m| !m.is_empty());
            node.evidence = node.evidence.iter().map(|e| text::clean(e)).filter(|e| !e.is_empty()).collect();
            node.children.iter_mut().for_each(clean_node);
        }
        self.urn = text::clean(&self.urn);
        self.name = text::clean(&self.name);
        self.province = text::clean(&self.province);
        self.note = text::clean(&self.note);
        self.decision.number = text::clean(&self.decision.number);
        // "xã", "Phường", "dac khu" → the unit kind's code; an unknown value stays as written for `validate`.
        let mut scope: Vec<String> = Vec::new();
        for item in self.scope.iter().map(|s| text::clean(s)).filter(|s| !s.is_empty()) {
            let item = UnitKind::parse(&item).map_or(item, |k| k.key().to_string());
            if !scope.contains(&item) {
                scope.push(item);
            }
        }
        self.scope = scope;
        for band in &mut self.bands {
            band.label = text::clean(&band.label);
        }
        self.areas.iter_mut().for_each(clean_node);
        self
    }

    /// Every problem at once: required header values, shares adding up to the scale, areas adding up to their
    /// part's share, children adding up to their parent, unique codes, leaves with a rule fitting their part, rule
    /// parameters within the leaf's maximum, bands in order, known metrics fitting their rule.
    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        let header = |field: &str| Place { record: Some("Bộ chỉ số".into()), ..Place::field(field) };
        if self.format != CRITERIA_FORMAT {
            findings.push(
                Finding::new(FindingCode::BadChoice, header("format"))
                    .with("value", self.format)
                    .with("allowed", CRITERIA_FORMAT),
            );
        }
        for (name, value) in [("urn", &self.urn), ("name", &self.name)] {
            if value.is_empty() {
                findings.push(Finding::new(FindingCode::RequiredMissing, header(name)));
            }
        }
        if self.version < 1 {
            findings.push(
                Finding::new(FindingCode::OutOfRange, header("version"))
                    .with("value", self.version)
                    .with("min", 1)
                    .with("max", 9999),
            );
        }
        if self.scale.0 == 0 {
            findings.push(Finding::new(FindingCode::RequiredMissing, header("scale")));
        }
        for (name, value) in [
            ("scale", self.scale),
            ("appraised_share", self.appraised_share),
            ("survey_share", self.survey_share),
            ("bonus_cap", self.bonus_cap),
            ("penalty_cap", self.penalty_cap),
        ] {
            if value.0 < 0 {
                findings.push(Finding::new(FindingCode::Negative, header(name)).with("value", value.vn()));
            }
        }
        if self.appraised_share + self.survey_share != self.scale {
            findings.push(
                Finding::new(FindingCode::CriteriaShareMismatch, header("scale"))
                    .with("part", "scale")
                    .with("max", self.scale.vn())
                    .with("sum", (self.appraised_share + self.survey_share).vn()),
            );
        }
        for (part, share) in [(Part::Appraised, self.appraised_share), (Part::Survey, self.survey_share)] {
            let sum: Points = self.areas.iter().filter(|a| a.part.unwrap_or_default() == part).map(|a| a.max).sum();
            if sum != share {
                findings.push(
                    Finding::new(FindingCode::CriteriaShareMismatch, header(part_field(part)))
                        .with("part", part.label())
                        .with("max", share.vn())
                        .with("sum", sum.vn()),
                );
            }
        }
        if self.bands.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, header("bands")));
        }
        for (index, band) in self.bands.iter().enumerate() {
            if band.label.is_empty() {
                findings.push(Finding::new(FindingCode::RequiredMissing, header("bands")).with("index", index + 1));
            }
            if band.min.0 < 0 || band.min > Percent::whole(100) {
                findings.push(
                    Finding::new(FindingCode::OutOfRange, header("bands"))
                        .with("value", band.min.vn())
                        .with("min", 0)
                        .with("max", 100),
                );
            }
        }
        if self.bands.windows(2).any(|w| w[1].min >= w[0].min) {
            findings.push(Finding::new(FindingCode::CriteriaBandsOrder, header("bands")).with(
                "value",
                self.bands.iter().map(|b| format!("{} ≥ {} %", b.label, b.min.vn())).collect::<Vec<_>>().join("; "),
            ));
        }
        if let Some(day) = self.self_assessment_deadline
            && day.in_year(2001).is_none()
        {
            findings.push(
                Finding::new(FindingCode::BadDate, header("self_assessment_deadline"))
                    .with("value", format!("{:02}/{:02}", day.day, day.month))
                    .with("format", "dd/mm"),
            );
        }
        for item in self.scope.iter().filter(|s| UnitKind::parse(s).is_none_or(|k| k.key() != s.as_str())) {
            findings.push(
                Finding::new(FindingCode::BadChoice, header("scope"))
                    .with("value", item)
                    .with("allowed", SCOPE_ALLOWED),
            );
        }
        let mut first_seen: BTreeMap<&str, ()> = BTreeMap::new();
        for area in &self.areas {
            let part = area.part.unwrap_or_default();
            // An area holds criteria; it is never scored itself, so the remedy is a criterion, not a rule.
            if area.is_leaf() {
                findings.push(
                    Finding::new(FindingCode::CriteriaRuleMissing, node_place(&area.code))
                        .with("value", &area.code)
                        .with("problem", "area"),
                );
            }
            self.validate_node(area, part, true, &mut first_seen, &mut findings);
        }
        findings
    }

    fn validate_node<'a>(
        &self,
        node: &'a Node,
        part: Part,
        is_area: bool,
        seen: &mut BTreeMap<&'a str, ()>,
        findings: &mut Vec<Finding>,
    ) {
        let place = || node_place(&node.code);
        if node.code.is_empty() {
            findings.push(Finding::new(
                FindingCode::RequiredMissing,
                Place { record: Some(node.text.clone()), ..Place::field("criterion") },
            ));
        } else if seen.insert(node.code.as_str(), ()).is_some() {
            findings.push(Finding::new(FindingCode::CriteriaDuplicateCode, place()).with("value", &node.code));
        }
        if node.text.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place { column: Some("text".into()), ..place() }));
        }
        if node.max.0 < 0 {
            findings.push(
                Finding::new(FindingCode::Negative, Place { column: Some("max".into()), ..place() })
                    .with("value", node.max.vn()),
            );
        }
        if node.part.is_some() && !is_area {
            findings.push(
                Finding::new(FindingCode::CriteriaRuleMismatch, place())
                    .with("value", &node.code)
                    .with("problem", "part"),
            );
        }
        if !node.is_leaf() {
            if node.rule.is_some() {
                findings.push(
                    Finding::new(FindingCode::CriteriaRuleMismatch, place())
                        .with("value", &node.code)
                        .with("problem", "parent_rule"),
                );
            }
            // Bonus and penalty items are capped together, not summed into their area.
            if part != Part::BonusPenalty {
                let sum: Points = node.children.iter().map(|c| c.max).sum();
                if sum != node.max {
                    findings.push(
                        Finding::new(FindingCode::CriteriaSumMismatch, place())
                            .with("value", &node.code)
                            .with("max", node.max.vn())
                            .with("sum", sum.vn()),
                    );
                }
            }
            for child in &node.children {
                self.validate_node(child, part, false, seen, findings);
            }
            return;
        }
        if is_area {
            return;
        }
        let Some(rule) = &node.rule else {
            findings.push(Finding::new(FindingCode::CriteriaRuleMissing, place()).with("value", &node.code));
            return;
        };
        let fits_part = match part {
            Part::Appraised => !matches!(rule, Rule::SurveyOnly | Rule::Bonus | Rule::Penalty),
            Part::Survey => matches!(rule, Rule::SurveyOnly),
            Part::BonusPenalty => matches!(rule, Rule::Bonus | Rule::Penalty),
        };
        if !fits_part {
            findings.push(
                Finding::new(FindingCode::CriteriaRuleMismatch, place())
                    .with("value", &node.code)
                    .with("problem", "part")
                    .with("rule", rule.label())
                    .with("part", part.label()),
            );
        }
        // Each problem of a rule's bands gets the finding that names it: a missing list, a threshold outside its
        // range, points outside the leaf's range, and only then the order.
        let bands_place = || Place { column: Some("rule_bands".into()), ..place() };
        let over = |points: Points, findings: &mut Vec<Finding>| {
            if points.0 < 0 {
                findings.push(Finding::new(FindingCode::Negative, bands_place()).with("value", points.vn()));
            } else if points > node.max {
                findings.push(
                    Finding::new(FindingCode::CriteriaPointsOverMax, place())
                        .with("value", &node.code)
                        .with("points", points.vn())
                        .with("max", node.max.vn()),
                );
            }
        };
        match rule {
            Rule::BandedPercentage { bands } => {
                bands.iter().for_each(|b| over(b.points, findings));
                if bands.is_empty() {
                    findings.push(Finding::new(FindingCode::RequiredMissing, bands_place()));
                }
                for band in bands.iter().filter(|b| b.min.0 < 0 || b.min > Percent::whole(100)) {
                    findings.push(
                        Finding::new(FindingCode::OutOfRange, bands_place())
                            .with("value", format!("{} %", band.min.vn()))
                            .with("min", "0 %")
                            .with("max", "100 %"),
                    );
                }
                let ordered = bands.windows(2).all(|w| w[1].min < w[0].min && w[1].points <= w[0].points);
                if !ordered {
                    let shown: Vec<String> =
                        bands.iter().map(|b| format!("≥ {} % → {}", b.min.vn(), b.points.vn())).collect();
                    findings.push(
                        Finding::new(FindingCode::CriteriaBandsOrder, place())
                            .with("value", shown.join("; "))
                            .with("code", &node.code),
                    );
                }
            }
            Rule::CountThreshold { bands } => {
                bands.iter().for_each(|b| over(b.points, findings));
                if bands.is_empty() {
                    findings.push(Finding::new(FindingCode::RequiredMissing, bands_place()));
                }
                for band in bands.iter().filter(|b| b.min < 0) {
                    findings.push(Finding::new(FindingCode::Negative, bands_place()).with("value", band.min));
                }
                let ordered = bands.windows(2).all(|w| w[1].min < w[0].min && w[1].points <= w[0].points);
                if !ordered {
                    let shown: Vec<String> = bands.iter().map(|b| format!("≥ {} → {}", b.min, b.points.vn())).collect();
                    findings.push(
                        Finding::new(FindingCode::CriteriaBandsOrder, place())
                            .with("value", shown.join("; "))
                            .with("code", &node.code),
                    );
                }
            }
            Rule::Manual { step } if step.0 <= 0 || node.max.0 % step.0 != 0 => {
                findings.push(
                    Finding::new(FindingCode::CriteriaPointsOverMax, place())
                        .with("value", &node.code)
                        .with("step", step.vn())
                        .with("max", node.max.vn()),
                );
            }
            Rule::Bonus if node.max > self.bonus_cap => over_cap(node, self.bonus_cap, findings),
            Rule::Penalty if node.max > self.penalty_cap => over_cap(node, self.penalty_cap, findings),
            _ => {}
        }
        if let Some(key) = &node.metric {
            match Metric::parse(key) {
                None => findings.push(
                    Finding::new(FindingCode::CriteriaUnknownMetric, place())
                        .with("value", key)
                        .with("code", &node.code),
                ),
                Some(metric) => {
                    let fits = matches!(
                        (metric.measure_kind(), rule),
                        (MeasureKind::Ratio, Rule::BandedPercentage { .. })
                            | (MeasureKind::Count, Rule::CountThreshold { .. })
                            | (MeasureKind::Flag, Rule::Boolean)
                    );
                    if !fits {
                        findings.push(
                            Finding::new(FindingCode::CriteriaRuleMismatch, place())
                                .with("value", &node.code)
                                .with("problem", "metric")
                                .with("metric", key)
                                .with("rule", rule.label()),
                        );
                    }
                }
            }
        }
    }

    /// Every leaf in tree order, with its part and rule (leaves without a rule are skipped; a valid set has none).
    pub fn leaves(&self) -> Vec<LeafRef<'_>> {
        fn walk<'a>(node: &'a Node, part: Part, out: &mut Vec<LeafRef<'a>>) {
            if node.is_leaf() {
                if let Some(rule) = &node.rule {
                    out.push(LeafRef { node, part, rule });
                }
            } else {
                node.children.iter().for_each(|c| walk(c, part, out));
            }
        }
        let mut out = Vec::new();
        for area in &self.areas {
            walk(area, area.part.unwrap_or_default(), &mut out);
        }
        out
    }

    pub fn leaf(&self, code: &str) -> Option<LeafRef<'_>> {
        self.leaves().into_iter().find(|l| l.node.code == code)
    }

    /// The class of a total on the set's scale: the first band whose lower bound it reaches, compared exactly
    /// (total × 10 000 ≥ min × scale, all in hundredths).
    pub fn class_of(&self, total: Points) -> Option<&str> {
        self.class_on(total, self.scale)
    }

    /// The class of a total counted on `out_of` points (the self column's total leaves the survey's share out).
    pub fn class_on(&self, total: Points, out_of: Points) -> Option<&str> {
        if out_of.0 <= 0 {
            return None;
        }
        let reached = |b: &&ClassBand| i128::from(total.0) * 10_000 >= i128::from(b.min.0) * i128::from(out_of.0);
        self.bands.iter().find(reached).map(|b| b.label.as_str())
    }

    /// True when the set applies to `year` (no years listed = any year).
    pub fn applies_to(&self, year: i32) -> bool {
        self.years.is_empty() || self.years.contains(&year)
    }
}

fn over_cap(node: &Node, cap: Points, findings: &mut Vec<Finding>) {
    findings.push(
        Finding::new(FindingCode::CriteriaPointsOverMax, node_place(&node.code))
            .with("value", &node.code)
            .with("points", node.max.vn())
            .with("cap", cap.vn()),
    );
}

fn part_field(part: Part) -> &'static str {
    match part {
        Part::Appraised => "appraised_share",
        Part::Survey => "survey_share",
        Part::BonusPenalty => "bonus_cap",
    }
}

/// Where a node's finding is: "Tiêu chí 1.2".
pub fn node_place(code: &str) -> Place {
    Place::record(format!("Tiêu chí {code}"))
}

/// "1,5" / "1.5" / "3" / "-0,25" → hundredths.
fn parse_hundredths(input: &str) -> Option<i64> {
    let text = input.trim().replace(' ', "");
    let (negative, digits) = match text.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.to_string()),
        None => (false, text),
    };
    let (whole, fraction) = match digits.split_once([',', '.']) {
        Some((w, f)) => (w, f),
        None => (digits.as_str(), ""),
    };
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    if !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) || fraction.len() > 2
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
    let value = whole.checked_mul(100)?.checked_add(fraction)?;
    Some(if negative { -value } else { value })
}

/// Hundredths in Vietnamese: 150 → "1,5", 25 → "0,25", 300 → "3", 205100 → "2.051".
fn hundredths_vn(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let abs = value.unsigned_abs();
    let whole = text::group_int((abs / 100) as i64);
    let fraction = abs % 100;
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{fraction:02}");
        format!("{sign}{whole},{}", digits.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_read_and_print_the_vietnamese_way() {
        assert_eq!(Points::parse("1,5"), Some(Points(150)));
        assert_eq!(Points::parse("0.25"), Some(Points(25)));
        assert_eq!(Points::parse("3"), Some(Points(300)));
        assert_eq!(Points::parse("0,125"), None);
        assert_eq!(Points::parse("abc"), None);
        assert_eq!(Points(150).vn(), "1,5");
        assert_eq!(Points(25).vn(), "0,25");
        assert_eq!(Points(205_100).vn(), "2.051");
        assert_eq!(Points::from_f64(0.75), Some(Points(75)));
        assert_eq!(Points::from_f64(0.755), None);
        assert_eq!(serde_json::to_string(&Points(150)).unwrap(), "1.5");
        assert_eq!(serde_json::to_string(&Points(300)).unwrap(), "3");
    }

    #[test]
    fn quarter_points_add_up_exactly() {
        let total: Points = std::iter::repeat_n(Points(25), 400).sum();
        assert_eq!(total, Points::whole(100));
    }
}
