//! `data.json`: the transfer types of a report file (data version 1), and the checks a received one must pass.
//!
//! These are not the register's tables: each member is documented in `docs/package-format.md` and stable once
//! released. Readers ignore members they do not know, so the reserved `assessment` member can be added later
//! without a format break.

use crate::model::{
    CaseFigures, Decision, Finding, FindingCode, OnlineLevel, PeriodKey, Place, ProcedureInput, ProcedureStatus,
    ProcessingTime, Quota, SignAuthority, StatsRow, TaskInput, TaskStatus, UnitKind, check_row,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

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
    /// Reserved, filled once the assessment issue lands (criteria urn and version, scores, explanations, evidence
    /// metadata). Absent in data version 1; kept as raw JSON so a reader passes it through untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<serde_json::Value>,
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
