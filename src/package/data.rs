//! `data.json`: the transfer types of a report file (data version 1), and the checks a received one must pass.
//!
//! These are not the register's tables: each member is documented in `docs/package-format.md` and stable once
//! released. Readers ignore members they do not know; `assessment` is an optional member of data version 1 (only
//! the year's file carries it), so a file without it reads as before and an older reader passes it through.

use crate::model::{
    CaseFigures, Column, CriteriaSet, Decision, EvidenceInput, Finding, FindingCode, OnlineLevel, Percent, PeriodKey,
    PeriodKind, Place, Points, ProcedureInput, ProcedureStatus, ProcessingTime, Quota, ScoreEntry, SignAuthority,
    Stage, StatsRow, TaskInput, TaskStatus, UnitKind, check_row, node_place, totals,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The version of `data.json` this program writes and reads.
pub const DATA_VERSION: u32 = 1;

/// The whole of `data.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportData {
    pub data_version: u32,
    pub unit: UnitData,
    pub period: PeriodData,
    pub procedures: Vec<ProcedureData>,
    pub statistics: Vec<StatsData>,
    pub staffing: StaffingData,
    pub iso: IsoData,
    pub plans: PlansData,
    /// The self-assessment of the period's year, in the year's file only (absent otherwise, and in files of
    /// programs before it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<AssessmentData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitData {
    pub name: String,
    pub kind: UnitKind,
    pub province: String,
    pub code: String,
    #[serde(default)]
    pub superior_line: String,
    #[serde(default)]
    pub issuer_line: String,
    #[serde(default)]
    pub place_name: String,
    #[serde(default)]
    pub signer: SignerData,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SignerData {
    pub name: String,
    pub title: String,
    pub authority: SignAuthority,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PeriodData {
    pub key: PeriodKey,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub deadline: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedureData {
    pub code: String,
    pub name: String,
    pub field: String,
    #[serde(default)]
    pub processing_time: Option<ProcessingTime>,
    #[serde(default)]
    pub fee: String,
    #[serde(default)]
    pub status: ProcedureStatus,
    #[serde(default)]
    pub replaced_by: Option<String>,
    #[serde(default)]
    pub online_level: OnlineLevel,
    #[serde(default)]
    pub one_stop: bool,
    #[serde(default)]
    pub interlinked: bool,
    #[serde(default)]
    pub postal: bool,
    #[serde(default)]
    pub boundary_free: bool,
    #[serde(default)]
    pub in_iso_scope: bool,
}

/// One Biểu 06 row of the period; the figures carry their stable column names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatsData {
    pub field: String,
    #[serde(default)]
    pub procedure: Option<String>,
    #[serde(flatten)]
    pub figures: CaseFigures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffingData {
    pub date: NaiveDate,
    pub year: i32,
    pub quota: i64,
    pub present: i64,
    pub vacancies: i64,
    #[serde(default)]
    pub standard_share: Option<f64>,
    #[serde(default)]
    pub categories: Vec<CategoryData>,
    #[serde(default)]
    pub quotas: Vec<QuotaData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryData {
    pub category: String,
    pub name: String,
    pub quota: Option<i64>,
    pub present: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuotaData {
    pub year: i32,
    pub category: String,
    pub quota: i64,
    #[serde(default)]
    pub basis_number: String,
    #[serde(default)]
    pub basis_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IsoData {
    pub in_use: bool,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub announced: bool,
    #[serde(default)]
    pub announcement_number: Option<String>,
    #[serde(default)]
    pub announcement_date: Option<NaiveDate>,
    #[serde(default)]
    pub scope: Vec<String>,
    #[serde(default)]
    pub audits: Vec<NaiveDate>,
    #[serde(default)]
    pub reviews: Vec<NaiveDate>,
    #[serde(default)]
    pub overdue_legal_changes: usize,
    #[serde(default)]
    pub overdue_actions: usize,
    #[serde(default)]
    pub report_number: Option<String>,
    #[serde(default)]
    pub report_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PlansData {
    #[serde(default)]
    pub plans: Vec<PlanData>,
    #[serde(default)]
    pub tasks: Vec<TaskData>,
    pub progress: ProgressData,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanData {
    pub kind: crate::model::PlanKind,
    pub number: String,
    pub date: NaiveDate,
    pub year: i32,
    #[serde(default)]
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskData {
    pub plan_number: String,
    pub area: String,
    pub content: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    #[serde(default)]
    pub status: TaskStatus,
    #[serde(default)]
    pub percent: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ProgressData {
    pub tasks: i64,
    pub done: i64,
    pub cancelled: i64,
    #[serde(default)]
    pub completion_rate: Option<f64>,
}

/// The year's self-assessment (phiếu tự đánh giá): the set it was scored against, every leaf's entry, the totals
/// of each column, and the evidence documents linked (their files travel as `evidence/<sha256>`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentData {
    pub year: i32,
    pub criteria: CriteriaData,
    /// The whole criteria set as stored for this assessment, so the superior can show the tree without having it.
    pub set: CriteriaSet,
    pub stage: Stage,
    #[serde(default)]
    pub leader: String,
    #[serde(default)]
    pub locked_on: Option<NaiveDate>,
    /// Every leaf of the set in tree order.
    pub entries: Vec<EntryData>,
    /// The totals of each column (self, round 1, round 2), as the ward computed them; the reader recomputes them.
    pub totals: Vec<TotalsData>,
    #[serde(default)]
    pub evidence: Vec<EvidenceData>,
}

/// Which criteria set an assessment was scored against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaData {
    pub urn: String,
    pub version: i64,
    pub name: String,
}

/// One leaf in every round.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EntryData {
    pub code: String,
    #[serde(default)]
    pub self_points: Option<Points>,
    #[serde(default)]
    pub not_applicable: bool,
    #[serde(default)]
    pub note: String,
    /// Giải trình: why a leaf scored above zero has no evidence.
    #[serde(default)]
    pub explanation: String,
    #[serde(default)]
    pub round1: Option<Points>,
    #[serde(default)]
    pub round1_note: String,
    /// The unit's reply to the appraiser after round 1.
    #[serde(default)]
    pub reply: String,
    #[serde(default)]
    pub round2: Option<Points>,
    #[serde(default)]
    pub round2_note: String,
    /// Ids of `evidence` documents linked to this leaf.
    #[serde(default)]
    pub evidence: Vec<i64>,
}

/// The totals of one column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TotalsData {
    pub column: Column,
    pub total: Points,
    #[serde(default)]
    pub percent: Option<Percent>,
    #[serde(default)]
    pub class: Option<String>,
}

/// An evidence document (tài liệu kiểm chứng); `id` is the ward's own number, used only by `EntryData::evidence`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceData {
    pub id: i64,
    pub kind: String,
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub issuer: String,
    pub title: String,
    /// The file, when one was attached: its bytes are the entry `evidence/<sha256>`.
    #[serde(default)]
    pub file: Option<EvidenceFileData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceFileData {
    pub sha256: String,
    pub original_name: String,
    pub size: u64,
}

impl EntryData {
    pub fn from_entry(e: &ScoreEntry) -> EntryData {
        EntryData {
            code: e.code.clone(),
            self_points: e.self_points,
            not_applicable: e.not_applicable,
            note: e.note.clone(),
            explanation: e.explanation.clone(),
            round1: e.round1,
            round1_note: e.round1_note.clone(),
            reply: e.reply.clone(),
            round2: e.round2,
            round2_note: e.round2_note.clone(),
            evidence: e.evidence.clone(),
        }
    }

    /// The entry in the register's type, for the scoring functions.
    pub fn to_entry(&self) -> ScoreEntry {
        ScoreEntry {
            code: self.code.clone(),
            self_points: self.self_points,
            not_applicable: self.not_applicable,
            note: self.note.clone(),
            explanation: self.explanation.clone(),
            round1: self.round1,
            round1_note: self.round1_note.clone(),
            reply: self.reply.clone(),
            round2: self.round2,
            round2_note: self.round2_note.clone(),
            evidence: self.evidence.clone(),
            ..ScoreEntry::default()
        }
    }
}

impl AssessmentData {
    /// The entries by code, as the scoring functions take them.
    pub fn entry_map(&self) -> BTreeMap<String, ScoreEntry> {
        self.entries.iter().map(|e| (e.code.clone(), e.to_entry())).collect()
    }

    /// The totals of a column, computed from the set and the entries (never taken from the file).
    pub fn totals(&self, column: Column) -> crate::model::Totals {
        totals(&self.set, &self.entry_map(), column)
    }

    /// The latest column that has points: round 2, else round 1, else the unit's own.
    pub fn latest_column(&self) -> Column {
        if self.entries.iter().any(|e| e.round2.is_some()) {
            Column::Round2
        } else if self.entries.iter().any(|e| e.round1.is_some()) {
            Column::Round1
        } else {
            Column::SelfScore
        }
    }

    /// The ward's own checks of an assessment, applied to a received one: the set is valid and is the one named,
    /// every entry names a leaf of the set once, every point is one its leaf's rule allows (within its maximum),
    /// linked evidence exists, each document is complete, and the totals are those the set gives.
    pub fn validate(&self, year: i32) -> Vec<Finding> {
        let mut findings = Vec::new();
        let record = |what: &str| Place::record(format!("data.json: tự đánh giá, {what}"));
        let mismatch = |what: &str, value: String, expected: String| {
            Finding::new(FindingCode::PackageDataMismatch, record(what)).with("value", value).with("expected", expected)
        };
        if self.year != year {
            findings.push(mismatch("năm", self.year.to_string(), year.to_string()));
        }
        findings.extend(self.set.validate().into_iter().filter(Finding::is_error));
        if self.set.urn != self.criteria.urn || self.set.version != self.criteria.version {
            findings.push(mismatch(
                "bộ chỉ số",
                format!("{}@{}", self.criteria.urn, self.criteria.version),
                self.set.key(),
            ));
        }
        let ids: BTreeSet<i64> = self.evidence.iter().map(|e| e.id).collect();
        let mut seen = BTreeSet::new();
        for entry in &self.entries {
            let place = || node_place(&entry.code);
            let Some(leaf) = self.set.leaf(&entry.code) else {
                findings.push(Finding::new(FindingCode::UnknownCriterion, place()).with("value", &entry.code));
                continue;
            };
            if !seen.insert(entry.code.as_str()) {
                findings.push(Finding::new(FindingCode::DuplicateInFile, place()).with("value", &entry.code));
            }
            for points in [entry.self_points, entry.round1, entry.round2].into_iter().flatten() {
                if let Err(allowed) = leaf.rule.allows(leaf.node.max, points) {
                    findings.push(
                        Finding::new(FindingCode::PointsNotAllowed, place())
                            .with("value", points.vn())
                            .with("allowed", allowed),
                    );
                }
            }
            for id in entry.evidence.iter().filter(|id| !ids.contains(id)) {
                findings.push(mismatch(&format!("tài liệu kiểm chứng {id}"), id.to_string(), "?".to_string()));
            }
        }
        let mut documents = BTreeSet::new();
        for e in &self.evidence {
            let input = EvidenceInput {
                kind: e.kind.clone(),
                number: e.number.clone(),
                date: e.date,
                issuer: e.issuer.clone(),
                title: e.title.clone(),
            };
            for f in input.validate() {
                findings.push(Finding { place: record(&format!("tài liệu kiểm chứng “{}”", e.title)), ..f });
            }
            if !documents.insert(e.id) {
                findings.push(
                    Finding::new(FindingCode::DuplicateInFile, record("tài liệu kiểm chứng")).with("value", e.id),
                );
            }
            if let Some(file) = &e.file
                && !(file.sha256.len() == 64
                    && file.sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
            {
                findings.push(
                    Finding::new(FindingCode::PackageHashMismatch, record(&file.original_name))
                        .with("value", &file.sha256),
                );
            }
        }
        if findings.iter().any(Finding::is_error) {
            return findings;
        }
        for declared in &self.totals {
            let computed = self.totals(declared.column);
            if computed.total != declared.total
                || computed.percent != declared.percent
                || computed.class != declared.class
            {
                findings.push(mismatch(
                    &format!("tổng điểm cột {}", declared.column.label()),
                    declared.total.vn(),
                    computed.total.vn(),
                ));
            }
        }
        findings
    }
}

impl ProcedureData {
    pub fn from_input(p: &ProcedureInput) -> ProcedureData {
        ProcedureData {
            code: p.code.clone(),
            name: p.name.clone(),
            field: p.field.clone(),
            processing_time: p.processing_time,
            fee: p.fee.clone(),
            status: p.status,
            replaced_by: p.replaced_by.clone(),
            online_level: p.online_level,
            one_stop: p.one_stop,
            interlinked: p.interlinked,
            postal: p.postal,
            boundary_free: p.boundary_free,
            in_iso_scope: p.in_iso_scope,
        }
    }

    /// The procedure as the register's input type, for the register's own validation.
    pub fn to_input(&self) -> ProcedureInput {
        ProcedureInput {
            code: self.code.clone(),
            name: self.name.clone(),
            field: self.field.clone(),
            processing_time: self.processing_time,
            fee: self.fee.clone(),
            legal_bases: Vec::new(),
            announcement: Decision::default(),
            status: self.status,
            replaced_by: self.replaced_by.clone(),
            online_level: self.online_level,
            one_stop: self.one_stop,
            interlinked: self.interlinked,
            postal: self.postal,
            boundary_free: self.boundary_free,
            internal_process: Decision::default(),
            in_iso_scope: self.in_iso_scope,
        }
        .cleaned()
    }
}

impl QuotaData {
    pub fn from_quota(q: &Quota) -> QuotaData {
        QuotaData {
            year: q.year,
            category: q.category.clone(),
            quota: q.quota,
            basis_number: q.basis.number.clone(),
            basis_date: q.basis.date,
        }
    }
}

impl ReportData {
    /// The period's Biểu 06 rows in the register's row type.
    pub fn stats_rows(&self) -> Vec<StatsRow> {
        self.statistics
            .iter()
            .map(|s| StatsRow {
                period: self.period.key,
                field: s.field.clone(),
                procedure: s.procedure.clone(),
                figures: s.figures,
            })
            .collect()
    }

    /// The period's totals by the register's rule: a field's whole-field row when it has one, otherwise the sum of
    /// its per-procedure rows.
    pub fn stats_total(&self) -> CaseFigures {
        let fields: BTreeSet<&str> = self.statistics.iter().map(|s| s.field.as_str()).collect();
        let mut total = CaseFigures::default();
        for field in fields {
            let (mut whole, mut per_procedure) = (CaseFigures::default(), CaseFigures::default());
            for s in self.statistics.iter().filter(|s| s.field == field) {
                if s.procedure.is_none() { whole.add(&s.figures) } else { per_procedure.add(&s.figures) }
            }
            total.add(if whole != CaseFigures::default() { &whole } else { &per_procedure });
        }
        total
    }

    /// The procedures in force (not replaced or abolished): the TTHC count of the roll-up.
    pub fn procedures_in_force(&self) -> usize {
        self.procedures.iter().filter(|p| !p.status.is_retired()).count()
    }

    /// The checks of the ward's own register, applied to received data: the unit's required fields, each
    /// procedure, each Biểu 06 row (signs and the four sums), statistics naming known procedures, quotas and tasks.
    /// Returns every problem at once; warnings (e.g. fewer apology letters than late dossiers) do not refuse a file.
    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        let unit_place = |field: &str| Place { record: Some("data.json: đơn vị".into()), ..Place::field(field) };
        for (field, value) in
            [("name", &self.unit.name), ("province", &self.unit.province), ("unit_code", &self.unit.code)]
        {
            if value.trim().is_empty() {
                findings.push(Finding::new(FindingCode::RequiredMissing, unit_place(field)));
            }
        }
        if self.period.start > self.period.end {
            findings.push(
                Finding::new(FindingCode::BadDate, unit_place("end"))
                    .with("start", self.period.start.format("%d/%m/%Y"))
                    .with("end", self.period.end.format("%d/%m/%Y")),
            );
        }
        let mut codes = BTreeSet::new();
        for p in &self.procedures {
            let input = p.to_input();
            for f in input.validate() {
                let place = Place { procedure: Some(p.code.clone()), ..f.place.clone() };
                findings.push(Finding { place, ..f });
            }
            if !codes.insert(input.code.clone()) {
                let place = Place { procedure: Some(p.code.clone()), ..Place::default() };
                findings.push(Finding::new(FindingCode::DuplicateInFile, place).with("value", &p.code));
            }
        }
        let mut rows = BTreeSet::new();
        for row in self.stats_rows() {
            let place = Place {
                period: Some(row.period.to_string()),
                field: Some(row.field.clone()),
                procedure: row.procedure.clone(),
                ..Place::default()
            };
            findings.extend(check_row(&row, None, &place));
            if let Some(code) = &row.procedure
                && !codes.contains(code)
            {
                findings.push(Finding::new(FindingCode::UnknownProcedure, place.clone()).with("value", code));
            }
            if !rows.insert((row.field.clone(), row.procedure.clone())) {
                findings.push(Finding::new(FindingCode::DuplicateInFile, place).with("value", &row.field));
            }
        }
        for q in &self.staffing.quotas {
            let quota = Quota {
                year: q.year,
                category: q.category.clone(),
                quota: q.quota,
                basis: Decision { number: q.basis_number.clone(), date: q.basis_date },
            };
            for f in quota.validate() {
                let place =
                    Place { record: Some(format!("biên chế {} năm {}", q.category, q.year)), ..f.place.clone() };
                findings.push(Finding { place, ..f });
            }
        }
        if let Some(assessment) = &self.assessment {
            if self.period.key.kind != PeriodKind::Year {
                findings.push(
                    Finding::new(FindingCode::PackageDataMismatch, Place::record("data.json: tự đánh giá"))
                        .with("value", self.period.key.to_string())
                        .with("expected", self.period.key.year.to_string()),
                );
            }
            findings.extend(assessment.validate(self.period.key.year));
        }
        for t in &self.plans.tasks {
            let input = TaskInput {
                plan_year: self.period.key.year,
                plan_number: t.plan_number.clone(),
                area: t.area.clone(),
                content: t.content.clone(),
                owner: t.owner.clone(),
                deadline: t.deadline,
                expected_output: String::new(),
                status: t.status,
                percent: t.percent,
                evidence: String::new(),
            };
            for f in input.validate() {
                let place = Place { record: Some(format!("nhiệm vụ “{}”", t.content)), ..f.place.clone() };
                findings.push(Finding { place, ..f });
            }
        }
        findings
    }
}
