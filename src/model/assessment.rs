//! The yearly self-assessment (phiếu tự đánh giá, chấm điểm chỉ số CCHC): its stages, the score of each leaf in each
//! round, evidence documents, and the pure scoring: totals per node, part, bonus and penalty, the normalised
//! percentage, the class, and the findings (a score without evidence or explanation, a leaf not scored).

use super::finding::{Finding, FindingCode, Place};
use super::{CriteriaSet, Node, Normalisation, Part, Percent, Points, Rule, node_place};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The stages, in order. Only one stage is editable at a time; the others are read-only.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The unit scores itself, attaches evidence, writes explanations.
    Draft,
    /// Self-assessment locked by the leader (chốt điểm tự chấm) and sent.
    SelfLocked,
    /// Appraisal round 1: the appraiser's scores and notes as received.
    Appraisal1,
    /// The unit explains (giải trình) the points the appraiser questioned.
    Explanation,
    /// Appraisal round 2.
    Appraisal2,
    /// The result is final.
    Final,
}

impl Stage {
    pub const ALL: [Stage; 6] =
        [Stage::Draft, Stage::SelfLocked, Stage::Appraisal1, Stage::Explanation, Stage::Appraisal2, Stage::Final];

    pub fn key(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::SelfLocked => "self_locked",
            Stage::Appraisal1 => "appraisal1",
            Stage::Explanation => "explanation",
            Stage::Appraisal2 => "appraisal2",
            Stage::Final => "final",
        }
    }

    pub fn parse(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Draft => "Đang tự chấm",
            Stage::SelfLocked => "Đã chốt điểm tự chấm",
            Stage::Appraisal1 => "Thẩm định lần 1",
            Stage::Explanation => "Giải trình",
            Stage::Appraisal2 => "Thẩm định lần 2",
            Stage::Final => "Đã có kết quả cuối cùng",
        }
    }

    pub fn next(self) -> Option<Stage> {
        Stage::ALL.iter().position(|s| *s == self).and_then(|i| Stage::ALL.get(i + 1).copied())
    }

    pub fn previous(self) -> Option<Stage> {
        Stage::ALL.iter().position(|s| *s == self).and_then(|i| i.checked_sub(1)).map(|i| Stage::ALL[i])
    }
}

/// One year's assessment against one version of a criteria set.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: i64,
    pub year: i32,
    pub criteria_urn: String,
    pub criteria_version: i64,
    pub stage: Stage,
    /// The leader who locked the self-assessment, and the day.
    pub leader: String,
    pub locked_on: Option<NaiveDate>,
    /// The self-assessment deadline (from the set, e.g. 05/10 of the year).
    pub deadline: NaiveDate,
}

/// The state of one leaf in every round. Points are `None` until given.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreEntry {
    pub code: String,
    /// Self points (for a survey leaf: the published survey result).
    pub self_points: Option<Points>,
    /// Không phát sinh: the leaf leaves the applicable maximum.
    pub not_applicable: bool,
    /// The unit's note.
    pub note: String,
    /// Giải trình: why a leaf scored above zero has no evidence.
    pub explanation: String,
    /// The suggestion computed from the registers, and its trace.
    pub suggested: Option<Points>,
    pub trace: String,
    /// Why the self points differ from the suggestion.
    pub override_reason: String,
    pub round1: Option<Points>,
    pub round1_note: String,
    /// The unit's explanation to the appraiser after round 1.
    pub reply: String,
    pub round2: Option<Points>,
    pub round2_note: String,
    /// Evidence documents linked to this leaf (ids).
    #[serde(default)]
    pub evidence: Vec<i64>,
}

impl ScoreEntry {
    pub fn new(code: &str) -> ScoreEntry {
        ScoreEntry { code: code.to_string(), ..ScoreEntry::default() }
    }
}

/// Which points a total is taken over.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AssessmentColumn"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// The unit's own points.
    SelfScore,
    /// After round 1: the appraiser's points where given, otherwise the unit's.
    Round1,
    /// After round 2: round 2, else round 1, else the unit's.
    Round2,
}

impl Column {
    pub const ALL: [Column; 3] = [Column::SelfScore, Column::Round1, Column::Round2];

    pub fn label(self) -> &'static str {
        match self {
            Column::SelfScore => "Tự chấm",
            Column::Round1 => "Thẩm định lần 1",
            Column::Round2 => "Thẩm định lần 2",
        }
    }

    /// The points of a leaf in this column. A survey leaf has none in the self column: the unit does not score the
    /// province's survey; its published result is entered as the appraisal's points.
    pub fn points(self, entry: &ScoreEntry, rule: &Rule) -> Option<Points> {
        match self {
            Column::SelfScore if matches!(rule, Rule::SurveyOnly) => None,
            Column::SelfScore => entry.self_points,
            // Registers written before survey leaves were refused a self score keep it here as the result.
            Column::Round1 => entry.round1.or(entry.self_points),
            Column::Round2 => entry.round2.or(entry.round1).or(entry.self_points),
        }
    }
}

/// A document type of evidence (loại văn bản).
pub const EVIDENCE_KINDS: [(&str, &str); 8] = [
    ("QĐ", "Quyết định"),
    ("KH", "Kế hoạch"),
    ("BC", "Báo cáo"),
    ("TB", "Thông báo"),
    ("CV", "Công văn"),
    ("BB", "Biên bản"),
    ("QC", "Quy chế"),
    ("KHÁC", "Tài liệu khác"),
];

/// An evidence document (tài liệu kiểm chứng) as entered.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceInput {
    /// QĐ, KH, BC, TB, CV, BB, QC or KHÁC.
    pub kind: String,
    /// Số, ký hiệu ("25/KH-UBND").
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub issuer: String,
    /// Trích yếu.
    pub title: String,
}

/// A file copied into the evidence store, named by its SHA-256.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    pub sha256: String,
    pub original_name: String,
    pub size: i64,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub id: i64,
    #[serde(flatten)]
    pub input: EvidenceInput,
    pub file: Option<StoredFile>,
}

impl EvidenceInput {
    /// NFC, trimmed; the kind in upper case and matched by code or name ("kế hoạch" → "KH").
    pub fn cleaned(mut self) -> EvidenceInput {
        let kind = crate::text::clean(&self.kind);
        let folded = crate::text::fold(&kind);
        self.kind = EVIDENCE_KINDS
            .iter()
            .find(|(code, name)| crate::text::fold(code) == folded || crate::text::fold(name) == folded)
            .map(|(code, _)| code.to_string())
            .unwrap_or(kind);
        self.number = crate::text::clean(&self.number);
        self.issuer = crate::text::clean(&self.issuer);
        self.title = crate::text::clean(&self.title);
        self
    }

    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        if !EVIDENCE_KINDS.iter().any(|(code, _)| *code == self.kind) {
            let allowed: Vec<&str> = EVIDENCE_KINDS.iter().map(|(c, _)| *c).collect();
            findings.push(
                Finding::new(FindingCode::BadChoice, Place::field("evidence_kind"))
                    .with("value", &self.kind)
                    .with("allowed", allowed.join(", ")),
            );
        }
        if self.title.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("title")));
        }
        findings
    }

    /// "KH số 25/KH-UBND ngày 21/12/2025: Kế hoạch CCHC năm 2026".
    pub fn record(&self) -> String {
        let mut out = self.kind.clone();
        if !self.number.is_empty() {
            out.push_str(&format!(" số {}", self.number));
        }
        if let Some(date) = self.date {
            out.push_str(&format!(" ngày {}", date.format("%d/%m/%Y")));
        }
        format!("{out}: {}", self.title)
    }
}

/// Totals of one column.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AssessmentTotals"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub column: Column,
    pub appraised: Points,
    /// The appraised maximum without the N/A leaves.
    pub appraised_max: Points,
    pub survey: Points,
    pub survey_max: Points,
    /// Bonus and penalty after their caps, and before.
    pub bonus: Points,
    pub penalty: Points,
    pub bonus_uncapped: Points,
    pub penalty_uncapped: Points,
    /// The maximum the unit had tasks for (appraised + survey, without N/A leaves).
    pub applicable_max: Points,
    /// The index in points on `out_of`: raw, or normalised to the applicable maximum, plus bonus, less penalty
    /// (never below 0).
    pub total: Points,
    /// What the total is counted on: the set's scale; in the self column, the scale without the survey's share
    /// (the unit does not score the survey).
    pub out_of: Points,
    /// total / out_of, in hundredths of a percent (truncated); `None` when nothing was applicable.
    pub percent: Option<Percent>,
    pub class: Option<String>,
}

/// A node of the tree with its totals, for display (the criteria tree with max and points in every column).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeTotals {
    pub code: String,
    pub text: String,
    /// 0 for an area, 1 for a criterion, 2 for a sub-criterion.
    pub depth: usize,
    pub is_leaf: bool,
    pub max: Points,
    /// The maximum without N/A leaves.
    pub applicable_max: Points,
    /// Points in each column, in `Column::ALL` order (a leaf's `None` = not given).
    pub points: [Option<Points>; 3],
    pub rule: Option<String>,
    pub part: Part,
}

/// Every node in tree order with its totals in each column.
pub fn node_totals(set: &CriteriaSet, entries: &BTreeMap<String, ScoreEntry>) -> Vec<NodeTotals> {
    fn walk(
        node: &Node,
        depth: usize,
        part: Part,
        entries: &BTreeMap<String, ScoreEntry>,
        out: &mut Vec<NodeTotals>,
    ) -> (Points, [Points; 3]) {
        let index = out.len();
        out.push(NodeTotals {
            code: node.code.clone(),
            text: node.text.clone(),
            depth,
            is_leaf: node.is_leaf(),
            max: node.max,
            applicable_max: node.max,
            points: [None; 3],
            rule: node.rule.as_ref().map(|r| r.label().to_string()),
            part,
        });
        let (applicable, points) = if node.is_leaf() {
            let entry = entries.get(&node.code);
            let na = entry.is_some_and(|e| e.not_applicable);
            let rule = node.rule.clone().unwrap_or(Rule::Boolean);
            let given = Column::ALL.map(|c| if na { None } else { entry.and_then(|e| c.points(e, &rule)) });
            out[index].points = given;
            (if na { Points::ZERO } else { node.max }, given.map(|p| p.unwrap_or_default()))
        } else {
            let mut applicable = Points::ZERO;
            let mut sums = [Points::ZERO; 3];
            for child in &node.children {
                let (a, p) = walk(child, depth + 1, part, entries, out);
                applicable = applicable + a;
                for i in 0..3 {
                    sums[i] = sums[i] + p[i];
                }
            }
            out[index].points = sums.map(Some);
            // The unit does not score the survey: its part has no self points.
            if part == Part::Survey {
                out[index].points[0] = None;
            }
            (applicable, sums)
        };
        out[index].applicable_max = applicable;
        (applicable, points)
    }
    let mut out = Vec::new();
    for area in &set.areas {
        walk(area, 0, area.part.unwrap_or_default(), entries, &mut out);
    }
    out
}

/// The totals of one column. A leaf not scored counts 0 against its maximum; an N/A leaf leaves the maximum.
/// Normalisation "applicable" scales the appraised and survey points together to the scale over their applicable
/// maximum, rounded half up to hundredths once; then bonus (capped) is added and penalty (capped) subtracted; the
/// total never goes below 0. The self column leaves the survey out (points and maximum) and is counted on the scale
/// less the survey's share. The percentage is truncated to hundredths for display; the class compares exactly.
pub fn totals(set: &CriteriaSet, entries: &BTreeMap<String, ScoreEntry>, column: Column) -> Totals {
    let out_of = if column == Column::SelfScore { set.scale - set.survey_share } else { set.scale };
    let mut t = Totals {
        column,
        appraised: Points::ZERO,
        appraised_max: Points::ZERO,
        survey: Points::ZERO,
        survey_max: Points::ZERO,
        bonus: Points::ZERO,
        penalty: Points::ZERO,
        bonus_uncapped: Points::ZERO,
        penalty_uncapped: Points::ZERO,
        applicable_max: Points::ZERO,
        total: Points::ZERO,
        out_of,
        percent: None,
        class: None,
    };
    for leaf in set.leaves() {
        let entry = entries.get(&leaf.node.code);
        if entry.is_some_and(|e| e.not_applicable) {
            continue;
        }
        if column == Column::SelfScore && matches!(leaf.rule, Rule::SurveyOnly) {
            continue;
        }
        let points = entry.and_then(|e| column.points(e, leaf.rule)).unwrap_or_default();
        match (leaf.part, leaf.rule) {
            (_, Rule::Bonus) => t.bonus_uncapped = t.bonus_uncapped + points,
            (_, Rule::Penalty) => t.penalty_uncapped = t.penalty_uncapped + points,
            (Part::Survey, _) => {
                t.survey = t.survey + points;
                t.survey_max = t.survey_max + leaf.node.max;
            }
            _ => {
                t.appraised = t.appraised + points;
                t.appraised_max = t.appraised_max + leaf.node.max;
            }
        }
    }
    t.bonus = t.bonus_uncapped.min(set.bonus_cap);
    t.penalty = t.penalty_uncapped.min(set.penalty_cap);
    t.applicable_max = t.appraised_max + t.survey_max;
    let points = t.appraised + t.survey;
    let base = match set.normalisation {
        Normalisation::Raw => Some(points),
        Normalisation::Applicable if t.applicable_max.0 > 0 => {
            let num = i128::from(points.0) * i128::from(out_of.0) * 2 + i128::from(t.applicable_max.0);
            Some(Points((num / (2 * i128::from(t.applicable_max.0))) as i64))
        }
        Normalisation::Applicable => None,
    };
    if let Some(base) = base
        && t.applicable_max.0 > 0
        && out_of.0 > 0
    {
        t.total = (base + t.bonus - t.penalty).max(Points::ZERO);
        t.percent = Some(Percent((i128::from(t.total.0) * 10_000 / i128::from(out_of.0)) as i64));
        t.class = set.class_on(t.total, out_of).map(str::to_string);
    }
    t
}

/// The findings of the self-assessment: every leaf scored above zero with no evidence and no explanation, every
/// leaf not scored (not N/A; survey, bonus and penalty leaves need no score), a score differing from its suggestion
/// without a reason, bonus or penalty above their cap.
pub fn self_findings(set: &CriteriaSet, entries: &BTreeMap<String, ScoreEntry>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for leaf in set.leaves() {
        let code = &leaf.node.code;
        let entry = entries.get(code);
        if entry.is_some_and(|e| e.not_applicable) {
            continue;
        }
        let place = || node_place(code);
        let points = entry.and_then(|e| e.self_points);
        match (points, leaf.rule) {
            (_, Rule::SurveyOnly) => {}
            (None, Rule::Bonus | Rule::Penalty) => {}
            (None, _) => findings.push(Finding::new(FindingCode::NotScored, place()).with("value", code)),
            (Some(p), _) if p.0 > 0 => {
                let entry = entry.expect("points come from an entry");
                if entry.evidence.is_empty() && entry.explanation.is_empty() {
                    findings.push(
                        Finding::new(FindingCode::EvidenceMissing, place()).with("value", code).with("points", p.vn()),
                    );
                }
            }
            _ => {}
        }
        if let (Some(entry), Some(points)) = (entry, points)
            && let Some(suggested) = entry.suggested
            && suggested != points
            && entry.override_reason.is_empty()
        {
            findings.push(
                Finding::new(FindingCode::OverrideReasonMissing, place())
                    .with("value", points.vn())
                    .with("suggested", suggested.vn()),
            );
        }
    }
    let t = totals(set, entries, Column::SelfScore);
    if t.bonus_uncapped > set.bonus_cap {
        findings.push(
            Finding::new(FindingCode::BonusOverCap, Place::default())
                .with("value", t.bonus_uncapped.vn())
                .with("cap", set.bonus_cap.vn()),
        );
    }
    if t.penalty_uncapped > set.penalty_cap {
        findings.push(
            Finding::new(FindingCode::PenaltyOverCap, Place::default())
                .with("value", t.penalty_uncapped.vn())
                .with("cap", set.penalty_cap.vn()),
        );
    }
    findings
}

/// A leaf compared with the previous year's assessment: only a leaf of the same code and the same maximum is
/// compared (a leaf worth 2 points last year and 3 now measures something else).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComparedLeaf {
    pub code: String,
    pub text: String,
    pub max: Points,
    pub current: Option<Points>,
    /// `None` when the leaf is not comparable (see `comparable`), or it was not scored last year.
    pub previous: Option<Points>,
    /// The previous set has a leaf of this code.
    pub in_previous_set: bool,
    /// That leaf's maximum, when the previous set has one.
    pub previous_max: Option<Points>,
    /// Same code and same maximum: the two years' points may be set side by side.
    pub comparable: bool,
}

/// This year against the previous assessment: the best-known points of each (round 2, else round 1, else self).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub year: i32,
    pub previous_year: i32,
    pub criteria: String,
    pub previous_criteria: String,
    pub leaves: Vec<ComparedLeaf>,
    pub current: Totals,
    pub previous: Totals,
    /// Both years were scored on the same set and version; otherwise a reader must be told.
    pub same_set: bool,
    /// Both totals are on the same scale, so their difference means something.
    pub same_scale: bool,
}

pub fn compare(
    year: i32,
    set: &CriteriaSet,
    entries: &BTreeMap<String, ScoreEntry>,
    previous_year: i32,
    previous_set: &CriteriaSet,
    previous_entries: &BTreeMap<String, ScoreEntry>,
) -> Comparison {
    let previous_max: BTreeMap<&str, Points> =
        previous_set.leaves().iter().map(|l| (l.node.code.as_str(), l.node.max)).collect();
    let leaves = set
        .leaves()
        .into_iter()
        .map(|leaf| {
            let code = leaf.node.code.clone();
            let before_max = previous_max.get(code.as_str()).copied();
            let comparable = before_max == Some(leaf.node.max);
            let points = |entries: &BTreeMap<String, ScoreEntry>, rule: &Rule| {
                entries.get(&code).filter(|e| !e.not_applicable).and_then(|e| Column::Round2.points(e, rule))
            };
            let previous = previous_set.leaf(&code).and_then(|p| points(previous_entries, p.rule));
            ComparedLeaf {
                text: leaf.node.text.clone(),
                max: leaf.node.max,
                current: points(entries, leaf.rule),
                previous: if comparable { previous } else { None },
                in_previous_set: before_max.is_some(),
                previous_max: before_max,
                comparable,
                code,
            }
        })
        .collect();
    Comparison {
        year,
        previous_year,
        criteria: set.key(),
        previous_criteria: previous_set.key(),
        leaves,
        current: totals(set, entries, Column::Round2),
        previous: totals(previous_set, previous_entries, Column::Round2),
        same_set: set.key() == previous_set.key(),
        same_scale: set.scale == previous_set.scale,
    }
}

/// A suggested score for a leaf linked to a register metric, with its readable trace.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub code: String,
    pub metric: String,
    /// `None` when the registers cannot measure it (the trace says why): the official scores by hand.
    pub points: Option<Points>,
    pub trace: String,
}
