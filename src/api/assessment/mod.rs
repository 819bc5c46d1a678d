//! `App` methods of the criteria sets and the yearly self-assessment: import and versions of sets, scoring, evidence,
//! suggestions from the registers with their traces, the workflow (lock, appraisal rounds, unlock), comparison.
//!
//! The criteria sets are in `criteria.rs`, the evidence in `evidence.rs`, the measures from the registers in
//! `metrics.rs`; this file holds the assessment itself and its workflow.

mod criteria;
pub(super) mod evidence;
mod metrics;

use criteria::{parse_stored, summary};

use super::App;
use crate::error::{Error, Result};
use crate::model::{
    Assessment, CaseFigures, Column, Comparison, CriteriaSet, DeadlineItem, DeadlineKind, Evidence, EvidenceInput,
    Finding, FindingCode, LeafRef, Measure, Metric, NodeTotals, PeriodKey, PeriodKind, Place, Points, ProcedureQuery,
    Rule, ScoreEntry, Stage, StoredFile, Suggestion, Totals, compare, node_place, node_totals, self_findings, totals,
};
use crate::register::StoredSet;
use crate::sheet::Source;
use crate::text;
use crate::transfer;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The largest evidence file copied into the store (20 MiB): scans of a decision or a report fit; videos do not.
pub const EVIDENCE_FILE_LIMIT: u64 = 20 * 1024 * 1024;

/// The folder beside the register that holds copies of evidence files, each named by its SHA-256.
pub const EVIDENCE_DIR: &str = "evidence";

/// What is known of a criteria set: stored in the register, bundled with the program, or both.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct CriteriaSummary {
    pub urn: String,
    pub version: i64,
    /// "urn@version".
    pub key: String,
    pub name: String,
    pub province: String,
    pub decision_number: String,
    pub years: Vec<i32>,
    pub note: String,
    /// "bundled", or the name of the file it was imported from.
    pub source: String,
    pub stored: bool,
    /// The years of the assessments made with this version.
    pub used_by: Vec<i32>,
    pub leaves: usize,
}

/// What an import of a criteria set found and did.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct CriteriaImport {
    pub dry_run: bool,
    /// The set as read (absent when the file could not be read as a set at all).
    pub summary: Option<CriteriaSummary>,
    pub stored: bool,
    pub findings: Vec<Finding>,
}

/// A register metric measured for a year, with the readable start of its trace.
#[derive(Debug, Clone, Serialize)]
pub struct MetricReading {
    pub metric: Metric,
    /// `None` when the registers cannot measure it; the trace says why.
    pub measure: Option<Measure>,
    pub trace: String,
}

/// One year's assessment as the screen and `cchc assess show` present it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentView {
    pub assessment: Assessment,
    pub criteria: CriteriaSummary,
    /// The whole set (rules, expected evidence, guidance) as stored for this assessment.
    pub set: CriteriaSet,
    /// Every node in tree order with its maximum and points in each column.
    pub nodes: Vec<NodeTotals>,
    /// The entry of every leaf, in tree order (a leaf never touched has an empty entry).
    pub entries: Vec<ScoreEntry>,
    /// Totals in each column (self, round 1, round 2).
    pub totals: Vec<Totals>,
    /// Findings of the self-assessment: missing evidence or explanation, leaves not scored, caps exceeded.
    pub findings: Vec<Finding>,
    /// The evidence documents linked to some leaf of this assessment.
    pub evidence: Vec<Evidence>,
}

/// A criteria set known to the app, with its JSON and where it is stored.
struct KnownSet {
    set: CriteriaSet,
    stored: Option<StoredSet>,
}

impl App {
    /// Every assessment, by year.
    pub fn assessments(&self) -> Result<Vec<Assessment>> {
        Ok(self.register.assessments()?.into_iter().map(|(a, _)| a).collect())
    }

    /// Starts the assessment of `year` with a set ("urn@version" or "urn"), or with the default: the latest version
    /// of the most recently imported set that applies to the year, else the bundled set. The set's version is
    /// fixed for the assessment (stored in the register if it was only bundled).
    pub fn new_assessment(&mut self, year: i32, criteria: Option<&str>) -> Result<Assessment> {
        if !(2000..=2100).contains(&year) {
            return Err(Error::Invalid(vec![
                Finding::new(FindingCode::OutOfRange, Place::field("year"))
                    .with("value", year)
                    .with("min", 2000)
                    .with("max", 2100),
            ]));
        }
        if self.register.assessment(year)?.is_some() {
            return Err(Error::AlreadyExists { what: "assessment", key: year.to_string() });
        }
        let known = match criteria {
            Some(key) => self.find_set(key)?,
            None => self.default_set(year)?,
        };
        let deadline = known
            .set
            .self_assessment_deadline
            .and_then(|d| d.in_year(year))
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 10, 5).expect("valid"));
        let stamp = self.stamp();
        let set_id = match known.stored {
            Some(s) => s.id,
            None => self.register.insert_criteria_set(&known.set, &known.set.to_json(), "bundled", &stamp)?.id,
        };
        self.register.insert_assessment(year, set_id, deadline, &stamp)
    }

    /// The assessment of `year`: its set as stored, the tree with points in every column, totals, findings and
    /// the evidence linked.
    pub fn assessment(&self, year: i32) -> Result<AssessmentView> {
        let (assessment, set, stored) = self.open_assessment(year)?;
        let entries = self.register.score_entries(assessment.id)?;
        let nodes = node_totals(&set, &entries);
        let ordered: Vec<ScoreEntry> = set
            .leaves()
            .iter()
            .map(|l| entries.get(&l.node.code).cloned().unwrap_or_else(|| ScoreEntry::new(&l.node.code)))
            .collect();
        let linked: std::collections::BTreeSet<i64> =
            entries.values().flat_map(|e| e.evidence.iter().copied()).collect();
        let evidence = self.register.evidence_list()?.into_iter().filter(|e| linked.contains(&e.id)).collect();
        let years: Vec<i32> =
            self.register.assessments()?.into_iter().filter(|(_, id)| *id == stored.id).map(|(a, _)| a.year).collect();
        Ok(AssessmentView {
            criteria: summary(&set, &stored.source, true, years),
            totals: Column::ALL.iter().map(|c| totals(&set, &entries, *c)).collect(),
            findings: self_findings(&set, &entries),
            nodes,
            entries: ordered,
            evidence,
            set,
            assessment,
        })
    }

    /// Sets the unit's points of a leaf (draft only). The points must be an outcome of the leaf's rule; a survey
    /// leaf is not self-scored (its published result is entered with `appraise_leaf`). Points other than the stored suggestion need a
    /// reason, which is kept.
    pub fn score_leaf(
        &mut self,
        year: i32,
        code: &str,
        points: Points,
        reason: Option<&str>,
        note: Option<&str>,
    ) -> Result<ScoreEntry> {
        let (assessment, set, _) = self.open_assessment(year)?;
        let leaf = leaf_of(&set, code)?;
        // The survey is the province's (docs/criteria-format.md): its result comes with the appraisal.
        if matches!(leaf.rule, Rule::SurveyOnly) {
            return Err(Error::Invalid(vec![
                Finding::new(FindingCode::SurveyNotSelfScored, node_place(&leaf.node.code))
                    .with("value", &leaf.node.code),
            ]));
        }
        if assessment.stage != Stage::Draft {
            return Err(wrong_stage(&assessment, "score"));
        }
        check_points(&leaf, points)?;
        let before = self.entry(&assessment, &leaf.node.code)?;
        let mut after = before.clone();
        after.self_points = Some(points);
        after.not_applicable = false;
        if let Some(note) = note {
            after.note = text::clean(note);
        }
        let reason = reason.map(text::clean).filter(|r| !r.is_empty());
        match after.suggested {
            Some(suggested) if suggested != points => {
                if let Some(reason) = reason {
                    after.override_reason = reason;
                }
                if after.override_reason.is_empty() {
                    return Err(Error::Invalid(vec![
                        Finding::new(FindingCode::OverrideReasonMissing, node_place(&leaf.node.code))
                            .with("value", points.vn())
                            .with("suggested", suggested.vn()),
                    ]));
                }
            }
            _ => after.override_reason.clear(),
        }
        self.save_entry(&assessment, before, after)
    }

    /// Marks a leaf not applicable (không phát sinh), or applicable again; draft only.
    pub fn set_not_applicable(&mut self, year: i32, code: &str, not_applicable: bool) -> Result<ScoreEntry> {
        let (assessment, set, _) = self.open_assessment(year)?;
        let leaf = leaf_of(&set, code)?;
        if assessment.stage != Stage::Draft {
            return Err(wrong_stage(&assessment, "not_applicable"));
        }
        let before = self.entry(&assessment, &leaf.node.code)?;
        let after = ScoreEntry { not_applicable, ..before.clone() };
        self.save_entry(&assessment, before, after)
    }

    /// Writes the unit's explanation (giải trình) of a leaf: while a draft, why a score has no evidence; at the
    /// explanation stage, the reply to the appraiser. Empty text clears it.
    pub fn explain_leaf(&mut self, year: i32, code: &str, explanation: &str) -> Result<ScoreEntry> {
        let (assessment, set, _) = self.open_assessment(year)?;
        let leaf = leaf_of(&set, code)?;
        let before = self.entry(&assessment, &leaf.node.code)?;
        let mut after = before.clone();
        let explanation = text::clean_multiline(explanation);
        match assessment.stage {
            Stage::Draft => after.explanation = explanation,
            Stage::Explanation => after.reply = explanation,
            _ => return Err(wrong_stage(&assessment, "explain")),
        }
        self.save_entry(&assessment, before, after)
    }

    /// Records the appraiser's points and note of a leaf as received: round 1 at the first appraisal stage,
    /// round 2 at the second. The survey result published by the province is entered here too.
    pub fn appraise_leaf(&mut self, year: i32, code: &str, points: Points, note: Option<&str>) -> Result<ScoreEntry> {
        let (assessment, set, _) = self.open_assessment(year)?;
        let leaf = leaf_of(&set, code)?;
        if !matches!(assessment.stage, Stage::Appraisal1 | Stage::Appraisal2) {
            return Err(wrong_stage(&assessment, "appraise"));
        }
        check_points(&leaf, points)?;
        let before = self.entry(&assessment, &leaf.node.code)?;
        let mut after = before.clone();
        let note = note.map(text::clean_multiline);
        if assessment.stage == Stage::Appraisal1 {
            after.round1 = Some(points);
            if let Some(note) = note {
                after.round1_note = note;
            }
        } else {
            after.round2 = Some(points);
            if let Some(note) = note {
                after.round2_note = note;
            }
        }
        self.save_entry(&assessment, before, after)
    }

    /// Computes the suggested points of every leaf linked to a register metric, with its trace. While a draft,
    /// the suggestions are stored with the entries and, with `apply`, become the points of leaves not yet scored.
    pub fn suggest_scores(&mut self, year: i32, apply: bool) -> Result<Vec<Suggestion>> {
        let (assessment, set, _) = self.open_assessment(year)?;
        if apply && assessment.stage != Stage::Draft {
            return Err(wrong_stage(&assessment, "score"));
        }
        let mut suggestions = Vec::new();
        for leaf in set.leaves() {
            let Some(metric) = leaf.node.metric.as_deref().and_then(Metric::parse) else { continue };
            let reading = self.measure(metric, year, Some(leaf.rule))?;
            let outcome = reading.measure.and_then(|m| leaf.rule.evaluate(leaf.node.max, m));
            let trace = match &outcome {
                Some(o) => format!("{} → {}", reading.trace, o.trace),
                None => reading.trace.clone(),
            };
            suggestions.push(Suggestion {
                code: leaf.node.code.clone(),
                metric: metric.key().to_string(),
                points: outcome.map(|o| o.points),
                trace,
            });
        }
        if assessment.stage == Stage::Draft {
            let entries = self.register.score_entries(assessment.id)?;
            let mut changes = Vec::new();
            for s in &suggestions {
                let before = entries.get(&s.code).cloned().unwrap_or_else(|| ScoreEntry::new(&s.code));
                let mut after = before.clone();
                after.suggested = s.points;
                after.trace = s.trace.clone();
                if apply && after.self_points.is_none() && !after.not_applicable {
                    after.self_points = s.points;
                }
                if after.self_points == after.suggested {
                    after.override_reason.clear();
                }
                changes.push((before, after));
            }
            let stamp = self.stamp();
            self.register.save_scores(&assessment, &changes, &stamp)?;
        }
        Ok(suggestions)
    }

    /// Locks the self-assessment (chốt điểm tự chấm) in the leader's name on `on`. Refused, with every problem at
    /// once, while a leaf is not scored, a score above zero has neither evidence nor explanation, or a score differs
    /// from its suggestion without a reason.
    pub fn lock_self_assessment(&mut self, year: i32, leader: &str, on: NaiveDate) -> Result<Assessment> {
        let (assessment, set, _) = self.open_assessment(year)?;
        if assessment.stage != Stage::Draft {
            return Err(wrong_stage(&assessment, "lock"));
        }
        let leader = text::clean(leader);
        let mut findings: Vec<Finding> = Vec::new();
        if leader.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("leader")));
        }
        let entries = self.register.score_entries(assessment.id)?;
        findings.extend(self_findings(&set, &entries).into_iter().filter(Finding::is_error));
        if !findings.is_empty() {
            return Err(Error::Invalid(findings));
        }
        let after = Assessment { stage: Stage::SelfLocked, leader, locked_on: Some(on), ..assessment.clone() };
        let stamp = self.stamp();
        self.register.update_assessment(&assessment, &after, "lock", None, &stamp)?;
        Ok(after)
    }

    /// Moves a locked assessment to its next stage: appraisal round 1, explanation, round 2, final.
    pub fn advance_assessment(&mut self, year: i32) -> Result<Assessment> {
        let (assessment, _, _) = self.open_assessment(year)?;
        let next = match assessment.stage {
            Stage::Draft | Stage::Final => None,
            stage => stage.next(),
        };
        let Some(next) = next else { return Err(wrong_stage(&assessment, "advance")) };
        let after = Assessment { stage: next, ..assessment.clone() };
        let stamp = self.stamp();
        self.register.update_assessment(&assessment, &after, "advance", None, &stamp)?;
        Ok(after)
    }

    /// Goes back one stage so that the stage before can be edited again; the reason goes to the change log.
    pub fn unlock_assessment(&mut self, year: i32, reason: &str) -> Result<Assessment> {
        let (assessment, _, _) = self.open_assessment(year)?;
        let reason = text::clean(reason);
        if reason.is_empty() {
            return Err(Error::Invalid(vec![Finding::new(FindingCode::RequiredMissing, Place::field("reason"))]));
        }
        let Some(previous) = assessment.stage.previous() else { return Err(wrong_stage(&assessment, "unlock")) };
        let mut after = Assessment { stage: previous, ..assessment.clone() };
        if previous == Stage::Draft {
            after.leader.clear();
            after.locked_on = None;
        }
        // The locked scores as they were are kept in a verified copy before the stage opens again.
        self.backup_now(crate::backups::BackupReason::Unlock)?;
        let stamp = self.stamp();
        self.register.update_assessment(&assessment, &after, "unlock", Some(&reason), &stamp)?;
        Ok(after)
    }

    /// This year's assessment against the latest earlier one, leaf by leaf where codes match (also across versions
    /// or sets), and their totals.
    pub fn compare_assessment(&self, year: i32) -> Result<Comparison> {
        let (current, set, _) = self.open_assessment(year)?;
        let previous = self
            .register
            .assessments()?
            .into_iter()
            .map(|(a, _)| a)
            .filter(|a| a.year < year)
            .max_by_key(|a| a.year)
            .ok_or(Error::NotFound { what: "assessment", key: (year - 1).to_string() })?;
        let (prev, prev_set, _) = self.open_assessment(previous.year)?;
        Ok(compare(
            year,
            &set,
            &self.register.score_entries(current.id)?,
            prev.year,
            &prev_set,
            &self.register.score_entries(prev.id)?,
        ))
    }

    /// The self-assessments still in draft, on the deadlines board.
    pub(super) fn assessment_deadlines(&self, today: NaiveDate) -> Result<Vec<DeadlineItem>> {
        let mut items = Vec::new();
        for (a, set_id) in self.register.assessments()?.into_iter().filter(|(a, _)| a.stage == Stage::Draft) {
            // The criteria set by the name its publisher gave it, never its internal identifier (urn:…).
            let set = self.register.criteria_set_by_id(set_id)?;
            let name = set.map_or_else(|| "Bộ chỉ số CCHC".to_string(), |s| s.name);
            items.push(DeadlineItem {
                kind: DeadlineKind::SelfAssessment,
                what: format!("Gửi kết quả tự đánh giá chỉ số CCHC năm {}", a.year),
                record: format!("{name}, phiên bản {}", a.criteria_version),
                due: a.deadline,
                days_left: (a.deadline - today).num_days(),
            });
        }
        Ok(items)
    }

    pub(crate) fn open_assessment(&self, year: i32) -> Result<(Assessment, CriteriaSet, StoredSet)> {
        let (assessment, set_id) =
            self.register.assessment(year)?.ok_or(Error::NotFound { what: "assessment", key: year.to_string() })?;
        let stored = self
            .register
            .criteria_set_by_id(set_id)?
            .ok_or_else(|| Error::RegisterDamaged(format!("criteria set {set_id} missing")))?;
        let set = parse_stored(&stored)?;
        Ok((assessment, set, stored))
    }

    fn entry(&self, assessment: &Assessment, code: &str) -> Result<ScoreEntry> {
        Ok(self.register.score_entries(assessment.id)?.remove(code).unwrap_or_else(|| ScoreEntry::new(code)))
    }

    fn save_entry(&mut self, assessment: &Assessment, before: ScoreEntry, after: ScoreEntry) -> Result<ScoreEntry> {
        let stamp = self.stamp();
        let code = after.code.clone();
        self.register.save_scores(assessment, &[(before, after)], &stamp)?;
        self.entry(assessment, &code)
    }
}

fn leaf_of<'a>(set: &'a CriteriaSet, code: &str) -> Result<LeafRef<'a>> {
    let code = text::clean(code);
    set.leaf(&code).ok_or_else(|| {
        Error::Invalid(vec![
            Finding::new(FindingCode::UnknownCriterion, Place::field("criterion")).with("value", &code),
        ])
    })
}

/// Refuses points the leaf's rule does not allow (a graded leaf in steps, a pass/fail leaf all or nothing).
fn check_points(leaf: &LeafRef<'_>, points: Points) -> Result<()> {
    match leaf.rule.allows(leaf.node.max, points) {
        Ok(()) => Ok(()),
        Err(allowed) => Err(Error::Invalid(vec![
            Finding::new(FindingCode::PointsNotAllowed, node_place(&leaf.node.code))
                .with("value", points.vn())
                .with("allowed", allowed),
        ])),
    }
}

fn wrong_stage(assessment: &Assessment, action: &'static str) -> Error {
    Error::WrongStage { year: assessment.year, stage: assessment.stage.key(), action }
}

fn source_name(source: &Source<'_>) -> String {
    match source {
        Source::Path(path) => path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
        Source::Bytes { name, .. } => {
            Path::new(name).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| name.to_string())
        }
    }
}

fn source_bytes(source: &Source<'_>) -> Result<Vec<u8>> {
    match source {
        Source::Path(path) => std::fs::read(path).map_err(|e| Error::io(*path, e)),
        Source::Bytes { bytes, .. } => Ok(bytes.to_vec()),
    }
}
