//! `App` methods of the criteria sets and the yearly self-assessment: import and versions of sets, scoring, evidence,
//! suggestions from the registers with their traces, the workflow (lock, appraisal rounds, unlock), comparison.

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
    // ---- Criteria sets ----

    /// Every criteria set known: stored in the register (every version) and bundled with the program.
    pub fn criteria_sets(&self) -> Result<Vec<CriteriaSummary>> {
        let assessments = self.register.assessments()?;
        Ok(self
            .known_sets()?
            .iter()
            .map(|k| {
                let used_by = match &k.stored {
                    Some(s) => assessments.iter().filter(|(_, id)| *id == s.id).map(|(a, _)| a.year).collect(),
                    None => Vec::new(),
                };
                summary(&k.set, k.stored.as_ref().map_or("bundled", |s| s.source.as_str()), k.stored.is_some(), used_by)
            })
            .collect())
    }

    /// A set by "urn@version", or by "urn" for its latest version.
    pub fn criteria_set(&self, key: &str) -> Result<CriteriaSet> {
        Ok(self.find_set(key)?.set)
    }

    /// Imports a province's criteria set from a .json file, or from an .xlsx/.csv sheet with one row per node
    /// (docs/criteria-format.md). Every problem is reported at once; nothing is stored if any is an error. Only a
    /// version newer than every known version of its urn is accepted; older versions stay.
    pub fn import_criteria<'a>(&mut self, source: impl Into<Source<'a>>, dry_run: bool) -> Result<CriteriaImport> {
        let source = source.into();
        let name = source_name(&source);
        let (set, mut findings) = if name.to_lowercase().ends_with(".json") {
            let bytes = source_bytes(&source)?;
            let text = String::from_utf8_lossy(&bytes).to_string();
            match CriteriaSet::read_json(&text) {
                Ok(set) => {
                    let set = set.cleaned();
                    let findings = set.validate();
                    (Some(set), findings)
                }
                Err(findings) => (None, findings),
            }
        } else {
            let table = source.read()?;
            let parsed = transfer::parse_criteria(&table);
            let mut findings = parsed.findings;
            if let Some(set) = &parsed.set {
                let set = set.clone().cleaned();
                for mut f in set.validate() {
                    let code = f.place.record.as_deref().and_then(|r| r.strip_prefix("Tiêu chí ")).map(str::to_string);
                    if let Some(row) = code.and_then(|c| parsed.rows.get(&c).copied()) {
                        f.place.sheet = Some(table.sheet.clone());
                        f.place.row = Some(row);
                    }
                    findings.push(f);
                }
            }
            (parsed.set.map(CriteriaSet::cleaned), findings)
        };
        if let Some(set) = &set
            && !set.urn.is_empty()
        {
            let latest = self.known_sets()?.iter().filter(|k| k.set.urn == set.urn).map(|k| k.set.version).max();
            if let Some(latest) = latest
                && latest >= set.version
            {
                findings.push(
                    Finding::new(FindingCode::CriteriaNotNewer, Place::record("Bộ chỉ số"))
                        .with("value", &set.urn)
                        .with("version", set.version)
                        .with("latest", latest),
                );
            }
        }
        let has_errors = findings.iter().any(Finding::is_error) || set.is_none();
        if has_errors && !dry_run {
            return Err(Error::Invalid(findings));
        }
        let mut stored = false;
        if !has_errors && !dry_run {
            let set = set.as_ref().expect("checked above");
            let stamp = self.stamp();
            self.register.insert_criteria_set(set, &set.to_json(), &name, &stamp)?;
            stored = true;
        }
        Ok(CriteriaImport {
            dry_run,
            summary: set.as_ref().map(|s| summary(s, &name, stored, Vec::new())),
            stored,
            findings,
        })
    }

    /// Writes a criteria set ("urn@version" or "urn") as a sheet (.xlsx or .csv) in the import's columns, so that a
    /// province can start from the sample set in Excel. Returns the number of nodes.
    pub fn export_criteria(&self, key: &str, path: &Path) -> Result<usize> {
        let set = self.criteria_set(key)?;
        let table = transfer::criteria_table(&set);
        crate::sheet::write_table(path, &table)?;
        Ok(crate::model::node_totals(&set, &Default::default()).len())
    }

    /// Writes an empty criteria sheet with the Vietnamese headers (docs/criteria-format.md).
    pub fn write_criteria_template(path: &Path) -> Result<()> {
        crate::sheet::write_table(path, &transfer::criteria_template())
    }

    // ---- Assessments ----

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
        if let Err(allowed) = leaf.rule.allows(leaf.node.max, points) {
            return Err(Error::Invalid(vec![
                Finding::new(FindingCode::PointsNotAllowed, node_place(&leaf.node.code))
                    .with("value", points.vn())
                    .with("allowed", allowed),
            ]));
        }
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
        if let Err(allowed) = leaf.rule.allows(leaf.node.max, points) {
            return Err(Error::Invalid(vec![
                Finding::new(FindingCode::PointsNotAllowed, node_place(&leaf.node.code))
                    .with("value", points.vn())
                    .with("allowed", allowed),
            ]));
        }
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

    // ---- Evidence ----

    /// Every evidence document of the register, by id.
    pub fn evidence_list(&self) -> Result<Vec<Evidence>> {
        self.register.evidence_list()
    }

    /// Adds an evidence document, with a copy of its file (at most `EVIDENCE_FILE_LIMIT` bytes) in the evidence
    /// store beside the register, named by its SHA-256; the original name is kept. The same file added twice is
    /// stored once.
    pub fn add_evidence<'a>(&mut self, input: EvidenceInput, file: Option<Source<'a>>) -> Result<Evidence> {
        let input = input.cleaned();
        let mut findings = input.validate();
        let mut content = None;
        if let Some(source) = &file {
            let name = source_name(source);
            let size = match source {
                Source::Path(path) => std::fs::metadata(path).map_err(|e| Error::io(*path, e))?.len(),
                Source::Bytes { bytes, .. } => bytes.len() as u64,
            };
            if size > EVIDENCE_FILE_LIMIT {
                findings.push(
                    Finding::new(FindingCode::FileTooLarge, Place::field("file"))
                        .with("value", &name)
                        .with("size", size)
                        .with("limit", EVIDENCE_FILE_LIMIT),
                );
            } else {
                content = Some((name, source_bytes(source)?));
            }
        }
        if !findings.is_empty() {
            return Err(Error::Invalid(findings));
        }
        let stored = match content {
            Some((name, bytes)) => Some(self.store_file(&name, &bytes)?),
            None => None,
        };
        let stamp = self.stamp();
        self.register.insert_evidence(&input, stored.as_ref(), &stamp)
    }

    /// Where the copy of an evidence document's file is, if it has one.
    pub fn evidence_file(&self, id: i64) -> Result<Option<PathBuf>> {
        let evidence = self.register.evidence(id)?.ok_or(Error::NotFound { what: "evidence", key: id.to_string() })?;
        Ok(evidence.file.map(|f| self.evidence_dir().join(stored_name(&f.sha256, &f.original_name))))
    }

    /// Links a document to a leaf of the assessment of `year` (while a draft or at the explanation stage).
    pub fn link_evidence(&mut self, year: i32, code: &str, evidence_id: i64) -> Result<ScoreEntry> {
        let (assessment, set, _) = self.open_assessment(year)?;
        let leaf = leaf_of(&set, code)?;
        if !matches!(assessment.stage, Stage::Draft | Stage::Explanation) {
            return Err(wrong_stage(&assessment, "link"));
        }
        self.register
            .evidence(evidence_id)?
            .ok_or(Error::NotFound { what: "evidence", key: evidence_id.to_string() })?;
        let stamp = self.stamp();
        self.register.link_evidence(&assessment, &leaf.node.code, evidence_id, &stamp)?;
        self.entry(&assessment, &leaf.node.code)
    }

    pub fn unlink_evidence(&mut self, year: i32, code: &str, evidence_id: i64) -> Result<ScoreEntry> {
        let (assessment, set, _) = self.open_assessment(year)?;
        let leaf = leaf_of(&set, code)?;
        if !matches!(assessment.stage, Stage::Draft | Stage::Explanation) {
            return Err(wrong_stage(&assessment, "link"));
        }
        let stamp = self.stamp();
        self.register.unlink_evidence(&assessment, &leaf.node.code, evidence_id, &stamp)?;
        self.entry(&assessment, &leaf.node.code)
    }

    // ---- Metrics from the registers ----

    /// Measures a metric for `year` from the registers (for a past year on 31/12, for this year today), with the
    /// start of a readable trace: "(412 + 1.630) / 2.051 = 99,56 %".
    pub fn metric(&self, metric: Metric, year: i32) -> Result<MetricReading> {
        self.measure(metric, year, None)
    }

    /// `metric`, with the percentage shown as the rule that scores it would show it (`Rule::shown_percent`).
    fn measure(&self, metric: Metric, year: i32, rule: Option<&Rule>) -> Result<MetricReading> {
        let today = self.clock.today();
        let day = if year < today.year() {
            NaiveDate::from_ymd_opt(year, 12, 31).ok_or(Error::BadPeriod(year.to_string()))?
        } else {
            today
        };
        let reading = |measure: Option<Measure>, trace: String| MetricReading { metric, measure, trace };
        let ratio = |part: i64, whole: i64, expr: String| {
            let measure = Measure::Ratio { part, whole };
            let shown = rule.and_then(|r| r.shown_percent(measure)).or(measure.percent());
            let percent = shown.map_or_else(String::new, |p| p.vn());
            reading(Some(measure), format!("{expr} = {percent} %"))
        };
        let n = text::group_int;
        Ok(match metric {
            Metric::TthcOnTimeRate | Metric::TthcApologyLetters | Metric::TthcOnlineRate => {
                let Some((label, f)) = self.year_figures(year)? else {
                    return Ok(reading(None, format!("Sổ chưa có số liệu giải quyết hồ sơ (Biểu 06) của năm {year}")));
                };
                match metric {
                    Metric::TthcOnTimeRate if f.resolved_total > 0 => ratio(
                        f.resolved_early + f.resolved_on_time,
                        f.resolved_total,
                        format!(
                            "{label}: ({} + {}) / {}",
                            n(f.resolved_early),
                            n(f.resolved_on_time),
                            n(f.resolved_total)
                        ),
                    ),
                    Metric::TthcOnTimeRate => reading(None, format!("{label}: chưa có hồ sơ đã giải quyết")),
                    Metric::TthcApologyLetters => reading(
                        Some(Measure::Flag { value: f.apology_letters >= f.resolved_late }),
                        format!(
                            "{label}: thư xin lỗi {}, hồ sơ giải quyết quá hạn {}",
                            n(f.apology_letters),
                            n(f.resolved_late)
                        ),
                    ),
                    _ if f.received_online + f.received_direct > 0 => ratio(
                        f.received_online,
                        f.received_online + f.received_direct,
                        format!(
                            "{label}: {} / ({} + {})",
                            n(f.received_online),
                            n(f.received_online),
                            n(f.received_direct)
                        ),
                    ),
                    _ => reading(None, format!("{label}: chưa có hồ sơ mới tiếp nhận")),
                }
            }
            Metric::TthcInternalProcessCoverage => {
                let procedures = self.register.list_procedures(&ProcedureQuery::default())?;
                let one_stop: Vec<_> = procedures.iter().filter(|p| p.input.one_stop).collect();
                let covered = one_stop.iter().filter(|p| !p.input.internal_process.number.is_empty()).count() as i64;
                if one_stop.is_empty() {
                    reading(None, "Sổ chưa có thủ tục một cửa đang áp dụng".to_string())
                } else {
                    ratio(
                        covered,
                        one_stop.len() as i64,
                        format!("TTHC một cửa có quy trình nội bộ: {} / {}", n(covered), n(one_stop.len() as i64)),
                    )
                }
            }
            Metric::PlanCompletionRate => {
                let progress = self.plan_progress(day)?;
                let o = &progress.overall;
                if o.tasks == 0 {
                    reading(None, format!("Sổ chưa có nhiệm vụ của kế hoạch CCHC năm {year}"))
                } else {
                    ratio(o.done, o.tasks, format!("Nhiệm vụ hoàn thành: {} / {}", n(o.done), n(o.tasks)))
                }
            }
            Metric::ReportsOnTime => {
                // A periodic report counts as sent on time when it was issued (numbered in the outgoing-document
                // register, dated the day it is signed and sent) on or before its period's deadline.
                let mut parts = Vec::new();
                let (mut issued, mut on_time) = (0, 0);
                for kind in crate::model::PeriodKind::ALL {
                    let window = self.period(crate::model::PeriodKey::new(year, kind))?;
                    let label = kind.label();
                    match self.register.outgoing_for_report(crate::model::ReportKind::Periodic, window.key)? {
                        Some(doc) => {
                            issued += 1;
                            let late = doc.input.date > window.deadline;
                            if !late {
                                on_time += 1;
                            }
                            parts.push(format!(
                                "{label}: số {} ngày {}, hạn {}{}",
                                doc.input.number_text(),
                                doc.input.date.format("%d/%m/%Y"),
                                window.deadline.format("%d/%m/%Y"),
                                if late { " (muộn)" } else { "" }
                            ));
                        }
                        None => parts.push(format!("{label}: chưa phát hành")),
                    }
                }
                if issued == 0 {
                    reading(
                        None,
                        format!("Sổ văn bản đi chưa có báo cáo CCHC định kỳ nào của năm {year}; hãy chấm tay"),
                    )
                } else {
                    reading(
                        Some(Measure::Count { value: on_time }),
                        format!(
                            "Báo cáo gửi đúng hạn năm {year}: {}; đúng hạn {} báo cáo",
                            parts.join("; "),
                            n(on_time)
                        ),
                    )
                }
            }
            Metric::StaffingWithinQuota => {
                let staffing = self.staffing(day)?;
                if staffing.quota == 0 {
                    reading(None, format!("Sổ chưa có biên chế được giao năm {year}"))
                } else {
                    let over = staffing.findings.iter().any(|f| f.code == FindingCode::OverQuota);
                    reading(
                        Some(Measure::Flag { value: !over }),
                        format!(
                            "Ngày {}: có mặt {} / biên chế được giao {}{}",
                            day.format("%d/%m/%Y"),
                            n(staffing.present),
                            n(staffing.quota),
                            if over { ", có loại vượt biên chế" } else { "" }
                        ),
                    )
                }
            }
            Metric::StaffingStandardShare => {
                // The same figures as the staffing screen: person records and totals entered with their number
                // meeting the standard.
                let staffing = self.staffing(day)?;
                if staffing.standard_known == 0 {
                    reading(
                        None,
                        format!("Sổ chưa có danh sách cán bộ, công chức có mặt ngày {}", day.format("%d/%m/%Y")),
                    )
                } else {
                    let meeting = staffing.rows.iter().filter_map(|r| r.meeting_standard).sum::<i64>();
                    let unknown = if staffing.standard_unknown > 0 {
                        format!(
                            " (chưa tính {} người nhập tổng số không ghi số đạt chuẩn)",
                            n(staffing.standard_unknown)
                        )
                    } else {
                        String::new()
                    };
                    ratio(
                        meeting,
                        staffing.standard_known,
                        format!(
                            "Cán bộ, công chức đạt chuẩn: {} / {}{unknown}",
                            n(meeting),
                            n(staffing.standard_known)
                        ),
                    )
                }
            }
            Metric::IsoAnnounced
            | Metric::IsoScopeComplete
            | Metric::IsoLegalChangesOnTime
            | Metric::IsoAuditAndReview
            | Metric::IsoChecks => {
                if !self.iso_in_use()? {
                    return Ok(reading(
                        None,
                        "Sổ chưa có hệ thống ISO 9001 (chưa đặt phiên bản, chưa có quyết định công bố); hãy chấm tay hoặc đánh dấu không phát sinh"
                            .to_string(),
                    ));
                }
                let checks = self.iso_checks(year, day)?;
                let line = |(label, ok): &(&str, bool)| format!("{label}: {}", if *ok { "đạt" } else { "không đạt" });
                let one = |index: usize| reading(Some(Measure::Flag { value: checks[index].1 }), line(&checks[index]));
                match metric {
                    Metric::IsoAnnounced => one(0),
                    Metric::IsoScopeComplete => one(1),
                    Metric::IsoLegalChangesOnTime => one(2),
                    Metric::IsoAuditAndReview => one(3),
                    _ => {
                        let passed = checks.iter().filter(|(_, ok)| *ok).count() as i64;
                        let lines: Vec<String> = checks.iter().map(line).collect();
                        reading(
                            Some(Measure::Count { value: passed }),
                            format!("{} ({} / 4 yêu cầu đạt)", lines.join("; "), passed),
                        )
                    }
                }
            }
        })
    }

    // ---- helpers ----

    /// The four ISO checks of a year: announced; scope covering every procedure in ISO scope; legal changes brought
    /// in within three months; an internal audit and a management review held in the year.
    fn iso_checks(&self, year: i32, day: NaiveDate) -> Result<[(&'static str, bool); 4]> {
        let status = self.iso_status(year, day)?;
        let scope_problem = status.findings.iter().any(|f| {
            matches!(f.code, FindingCode::IsoScopeMissing | FindingCode::IsoScopeRetired | FindingCode::IsoScopeUnknown)
        });
        let late_changes = self.register.iso_legal_changes()?.iter().any(|c| {
            c.due.year() <= year
                && match c.done_on {
                    Some(done) => done > c.due && c.due.year() == year,
                    None => c.due < day,
                }
        });
        Ok([
            ("Đã công bố", status.announced),
            ("phạm vi đủ các thủ tục", status.announced && !scope_problem),
            ("cập nhật văn bản mới trong 3 tháng", !late_changes),
            (
                "đánh giá nội bộ và xem xét của lãnh đạo trong năm",
                !status.audits.is_empty() && !status.reviews.is_empty(),
            ),
        ])
    }

    /// The case figures of a year: its year report, or else the latest period of the year with figures, named.
    fn year_figures(&self, year: i32) -> Result<Option<(String, CaseFigures)>> {
        let periods = self.register.stats_periods()?;
        let candidates = [PeriodKind::Year, PeriodKind::Q3, PeriodKind::H1, PeriodKind::Q1];
        for kind in candidates {
            let key = PeriodKey::new(year, kind);
            if periods.contains(&key) {
                return Ok(Some((format!("Số liệu {}", key.label()), self.period_total(key)?)));
            }
        }
        Ok(None)
    }

    /// The self-assessments still in draft, on the deadlines board.
    pub(super) fn assessment_deadlines(&self, today: NaiveDate) -> Result<Vec<DeadlineItem>> {
        Ok(self
            .register
            .assessments()?
            .into_iter()
            .filter(|(a, _)| a.stage == Stage::Draft)
            .map(|(a, _)| DeadlineItem {
                kind: DeadlineKind::SelfAssessment,
                what: format!("Gửi kết quả tự đánh giá chỉ số CCHC năm {}", a.year),
                record: format!("{}@{}", a.criteria_urn, a.criteria_version),
                due: a.deadline,
                days_left: (a.deadline - today).num_days(),
            })
            .collect())
    }

    fn known_sets(&self) -> Result<Vec<KnownSet>> {
        let mut known = Vec::new();
        for stored in self.register.criteria_sets()? {
            let set = parse_stored(&stored)?;
            known.push(KnownSet { set, stored: Some(stored) });
        }
        for json in &self.assets.criteria_sets_json {
            let set = CriteriaSet::from_json(json)
                .map_err(|f| Error::Storage(format!("bundled criteria set is invalid: {f:?}")))?;
            if !known.iter().any(|k| k.set.urn == set.urn && k.set.version == set.version) {
                known.push(KnownSet { set, stored: None });
            }
        }
        Ok(known)
    }

    fn find_set(&self, key: &str) -> Result<KnownSet> {
        let key = text::clean(key);
        let (urn, version) = match key.rsplit_once('@') {
            Some((urn, v)) => (urn.to_string(), Some(v.parse::<i64>().map_err(|_| not_found_set(&key))?)),
            None => (key.clone(), None),
        };
        self.known_sets()?
            .into_iter()
            .filter(|k| k.set.urn == urn && version.is_none_or(|v| v == k.set.version))
            .max_by_key(|k| k.set.version)
            .ok_or_else(|| not_found_set(&key))
    }

    fn default_set(&self, year: i32) -> Result<KnownSet> {
        let known = self.known_sets()?;
        let imported = known
            .iter()
            .filter(|k| k.stored.as_ref().is_some_and(|s| s.source != "bundled") && k.set.applies_to(year))
            .max_by_key(|k| k.stored.as_ref().map(|s| s.id))
            .map(|k| k.set.urn.clone());
        let urn = match imported {
            Some(urn) => urn,
            None => {
                let bundled = self.assets.criteria_sets_json.first().ok_or_else(|| not_found_set("bundled"))?;
                CriteriaSet::from_json(bundled).map_err(|_| not_found_set("bundled"))?.urn
            }
        };
        self.find_set(&urn)
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

    fn evidence_dir(&self) -> PathBuf {
        self.register.path().parent().unwrap_or(Path::new(".")).join(EVIDENCE_DIR)
    }

    /// Copies content into the evidence store under its SHA-256 (written through a locked partial file, then
    /// renamed, so a half-written file never carries a hash name). An existing copy is kept.
    fn store_file(&self, name: &str, bytes: &[u8]) -> Result<StoredFile> {
        let sha256: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        let dir = self.evidence_dir();
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let target = dir.join(stored_name(&sha256, name));
        if !target.exists() {
            crate::partial::write(&target, bytes, crate::partial::Folder::Own)?;
        }
        Ok(StoredFile { sha256, original_name: text::clean(name), size: bytes.len() as i64 })
    }
}

/// The name of a stored copy: the SHA-256, with the original extension so the system opens it with the right
/// program.
fn stored_name(sha256: &str, original: &str) -> String {
    match Path::new(original).extension().and_then(|e| e.to_str()) {
        Some(ext) if !ext.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric()) => {
            format!("{sha256}.{}", ext.to_ascii_lowercase())
        }
        _ => sha256.to_string(),
    }
}

fn parse_stored(stored: &StoredSet) -> Result<CriteriaSet> {
    serde_json::from_str::<CriteriaSet>(&stored.json)
        .map_err(|e| Error::RegisterDamaged(format!("criteria set {}@{}: {e}", stored.urn, stored.version)))
}

fn summary(set: &CriteriaSet, source: &str, stored: bool, used_by: Vec<i32>) -> CriteriaSummary {
    CriteriaSummary {
        urn: set.urn.clone(),
        version: set.version,
        key: set.key(),
        name: set.name.clone(),
        province: set.province.clone(),
        decision_number: set.decision.number.clone(),
        years: set.years.clone(),
        note: set.note.clone(),
        source: source.to_string(),
        stored,
        used_by,
        leaves: set.leaves().len(),
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

fn wrong_stage(assessment: &Assessment, action: &'static str) -> Error {
    Error::WrongStage { year: assessment.year, stage: assessment.stage.key(), action }
}

fn not_found_set(key: &str) -> Error {
    Error::NotFound { what: "criteria_set", key: key.to_string() }
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
