//! Criteria sets (bộ chỉ số CCHC) as data: exact points, scoring rules, the area → criterion → sub-criterion tree, and
//! the validation that reports every problem of a set at once. The file format is described in docs/criteria-format.md.

use super::finding::{Finding, FindingCode, Place};
use super::points::{Percent, Points};
use super::rule::{Normalisation, Part, Rule};
use super::unit::UnitKind;
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The unit kinds a set's `scope` may name, as a finding lists them.
pub const SCOPE_ALLOWED: &str = "xã, phường, đặc khu (trong tệp JSON: xa, phuong, dac_khu)";

/// The format number a criteria file declares (`"format": 1`); a later format would need a new reader.
pub const CRITERIA_FORMAT: u32 = 1;

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
