//! The ward's side: the period's report file made from the register (its data, the year's self-assessment with
//! its evidence files, the issued PDFs), frozen as a revision, archived and recorded as sent.

use super::write_file;
use crate::api::App;
use crate::error::{Error, Result};
use crate::model::{Finding, FindingCode, PeriodKey, PeriodKind, Place, ProcedureQuery, ReportKind, SentPackage};
use crate::package::data::{
    AssessmentData, CategoryData, CriteriaData, DATA_VERSION, EntryData, EvidenceData, EvidenceFileData, IsoData,
    PeriodData, PlanData, PlansData, ProcedureData, ProgressData, QuotaData, ReportData, SignerData, StaffingData,
    StatsData, TaskData, TotalsData, UnitData,
};
use crate::package::{self, CriteriaRef, Manifest, ManifestUnit, Payload, ReportInfo};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The reports whose printed PDF goes into the file once issued (`reports/<kind>.pdf`), in this order. A new kind
/// of report joins with one line.
pub const PACKAGED_REPORTS: &[ReportKind] = &[ReportKind::Periodic, ReportKind::Stats, ReportKind::Assessment];

/// What `export_package` did.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ExportPackageReport"))]
#[derive(Debug, Clone, Serialize)]
pub struct ExportReport {
    pub path: PathBuf,
    pub sent: SentPackage,
    /// True when the data had not changed since the last export of the period: the same revision, the same bytes.
    pub reused: bool,
    /// Warnings of the data checks (errors refuse the export).
    pub findings: Vec<Finding>,
}

impl App {
    /// Writes the period's report file to `out` and records it as sent. The data must pass the same checks the
    /// superior will apply (errors refuse the export with `Invalid`). Exporting again with unchanged data gives the
    /// same revision and the same bytes; after an edit it makes a new revision superseding the last one.
    pub fn export_package(&mut self, period: PeriodKey, out: &Path, approver: Option<String>) -> Result<ExportReport> {
        self.office_only("send_report")?;
        let unit = self.unit()?;
        if unit.code.trim().is_empty() {
            return Err(Error::Invalid(vec![Finding::new(FindingCode::RequiredMissing, Place::field("unit_code"))]));
        }
        let payload = self.package_payload(period)?;
        let findings = payload.data.validate();
        if findings.iter().any(Finding::is_error) {
            return Err(Error::Invalid(findings));
        }
        let approver = approver.map(|a| crate::text::clean(&a)).filter(|a| !a.is_empty());
        let approver = approver.or_else(|| Some(unit.signer.name.clone()).filter(|n| !n.is_empty()));
        // Every entry counts: the same data with a newly issued PDF or another evidence file is a new revision.
        let data_sha256 = payload.content_sha256();
        let latest = self.register.latest_sent(period)?;
        if let Some(last) = &latest
            && last.data_sha256 == data_sha256
            && last.approver == approver
            && let Ok(bytes) = std::fs::read(self.archive_path(&last.file_sha256))
            && package::sha256_hex(&bytes) == last.file_sha256
        {
            write_file(out, &bytes)?;
            return Ok(ExportReport { path: out.to_path_buf(), sent: last.clone(), reused: true, findings });
        }
        let report_id = package::new_report_id();
        let (root_id, supersedes, revision) = match &latest {
            Some(last) => (last.root_id.clone(), Some(last.report_id.clone()), last.revision + 1),
            None => (report_id.clone(), None, 1),
        };
        let created_at = self.clock.timestamp();
        let manifest = Manifest {
            format: package::FORMAT_NAME.to_string(),
            format_version: package::FORMAT_VERSION,
            program_version: package::PROGRAM_VERSION.to_string(),
            min_program_version: package::PROGRAM_VERSION.to_string(),
            report_id: report_id.clone(),
            root_id: root_id.clone(),
            supersedes: supersedes.clone(),
            revision,
            unit: ManifestUnit {
                code: unit.code.clone(),
                name: unit.name.clone(),
                province: unit.province.clone(),
                kind: unit.kind,
            },
            report: ReportInfo { kind: "periodic".to_string(), period, label: period.label() },
            criteria: payload
                .data
                .assessment
                .as_ref()
                .map(|a| CriteriaRef { urn: a.criteria.urn.clone(), version: a.criteria.version.to_string() }),
            created_at: created_at.clone(),
            approved_at: approver.as_ref().map(|_| created_at.clone()),
            approver: approver.clone(),
            entries: Vec::new(),
        };
        let bytes = package::write(manifest, &payload).map_err(|e| Error::io(out, e))?;
        let file_sha256 = package::sha256_hex(&bytes);
        self.sweep_archive()?;
        self.archive(&file_sha256, &bytes)?;
        write_file(out, &bytes)?;
        let sent = SentPackage {
            report_id,
            root_id,
            supersedes,
            revision,
            period,
            data_sha256,
            file_sha256,
            size: bytes.len() as u64,
            approver,
            created_at,
        };
        let stamp = self.stamp();
        self.register.record_sent(&sent, &stamp)?;
        Ok(ExportReport { path: out.to_path_buf(), sent, reused: false, findings })
    }

    /// Every revision this unit sent, by period and revision.
    pub fn sent_packages(&self) -> Result<Vec<SentPackage>> {
        self.register.sent_packages()
    }

    /// Everything a report file carries, gathered from the register: the data, the year's self-assessment in the
    /// year's file (with its evidence files as `evidence/<sha256>`), and the PDF of every report of the period
    /// that was issued (`reports/<kind>.pdf`).
    fn package_payload(&self, period: PeriodKey) -> Result<Payload> {
        let unit = self.unit()?;
        let window = self.period(period)?;
        let day = window.end;
        let procedures =
            self.register.list_procedures(&ProcedureQuery { include_retired: true, ..ProcedureQuery::default() })?;
        let statistics = self
            .register
            .stats_rows(Some(period))?
            .into_iter()
            .map(|r| StatsData { field: r.field, procedure: r.procedure, figures: r.figures })
            .collect();
        let staffing = self.staffing(day)?;
        let quotas = self.register.quotas(Some(period.year))?;
        let iso_in_use = self.iso_in_use()?;
        let iso = if iso_in_use {
            let status = self.iso_status(period.year, day)?;
            IsoData {
                in_use: true,
                version: status.version.map(|v| v.label().to_string()),
                announced: status.announced,
                announcement_number: status.announcement.as_ref().map(|a| a.input.number.clone()),
                announcement_date: status.announcement.as_ref().map(|a| a.input.date),
                scope: status.announcement.as_ref().map(|a| a.input.procedures.clone()).unwrap_or_default(),
                audits: status.audits.iter().map(|a| a.input.date).collect(),
                reviews: status.reviews.iter().map(|r| r.input.date).collect(),
                overdue_legal_changes: status.overdue_legal_changes.len(),
                overdue_actions: status.overdue_actions.len(),
                report_number: status.report.as_ref().map(|r| r.number.clone()),
                report_date: status.report.as_ref().map(|r| r.date),
            }
        } else {
            IsoData::default()
        };
        let plans = self.plans(Some(period.year))?;
        let tasks = self.tasks(Some(period.year))?;
        let progress = self.plan_progress(day)?;
        let data = ReportData {
            data_version: DATA_VERSION,
            unit: UnitData {
                name: unit.name,
                kind: unit.kind,
                province: unit.province,
                code: unit.code,
                superior_line: unit.superior_line,
                issuer_line: unit.issuer_line,
                place_name: unit.place_name,
                signer: SignerData {
                    name: unit.signer.name,
                    title: unit.signer.title,
                    authority: unit.signer.authority,
                },
            },
            period: PeriodData { key: period, start: window.start, end: window.end, deadline: window.deadline },
            procedures: procedures.iter().map(|p| ProcedureData::from_input(&p.input)).collect(),
            statistics,
            staffing: StaffingData {
                date: staffing.date,
                year: staffing.year,
                quota: staffing.quota,
                present: staffing.present,
                vacancies: staffing.vacancies,
                standard_share: staffing.standard_share,
                categories: staffing
                    .rows
                    .iter()
                    .map(|r| CategoryData {
                        category: r.category.clone(),
                        name: r.name.clone(),
                        quota: r.quota,
                        present: r.present,
                    })
                    .collect(),
                quotas: quotas.iter().map(QuotaData::from_quota).collect(),
            },
            iso,
            plans: PlansData {
                plans: plans
                    .iter()
                    .map(|p| PlanData {
                        kind: p.input.kind,
                        number: p.input.number.clone(),
                        date: p.input.date,
                        year: p.input.year,
                        title: p.input.title.clone(),
                    })
                    .collect(),
                tasks: tasks
                    .iter()
                    .map(|t| TaskData {
                        plan_number: t.input.plan_number.clone(),
                        area: t.input.area.clone(),
                        content: t.input.content.clone(),
                        owner: t.input.owner.clone(),
                        deadline: t.input.deadline,
                        status: t.input.status,
                        percent: t.input.percent,
                    })
                    .collect(),
                progress: ProgressData {
                    tasks: progress.overall.tasks,
                    done: progress.overall.done,
                    cancelled: progress.overall.cancelled,
                    completion_rate: progress.overall.completion_rate,
                },
            },
            assessment: None,
        };
        let mut extra = Vec::new();
        for kind in PACKAGED_REPORTS {
            if self.register.outgoing_for_report(*kind, period)?.is_some() {
                extra.push((format!("{}{}.pdf", package::REPORTS_DIR, kind.key()), self.report_pdf(*kind, period)?));
            }
        }
        let assessment = self.package_assessment(period, &mut extra)?;
        Ok(Payload { data: ReportData { assessment, ..data }, extra })
    }

    /// The self-assessment of the period's year, for the year's file only: a quarterly or six-month file reports
    /// work in progress, and the assessment is scored once a year. Its evidence files are added to `extra`.
    fn package_assessment(
        &self,
        period: PeriodKey,
        extra: &mut Vec<(String, Vec<u8>)>,
    ) -> Result<Option<AssessmentData>> {
        if period.kind != PeriodKind::Year || self.register.assessment(period.year)?.is_none() {
            return Ok(None);
        }
        let view = self.assessment(period.year)?;
        let mut evidence = Vec::new();
        for e in &view.evidence {
            let file = match &e.file {
                Some(stored) => {
                    let path = self
                        .evidence_file(e.id)?
                        .ok_or_else(|| Error::RegisterDamaged(format!("evidence {} has no file", e.id)))?;
                    let bytes = std::fs::read(&path).map_err(|err| Error::io(&path, err))?;
                    let sha256 = package::sha256_hex(&bytes);
                    if sha256 != stored.sha256 {
                        return Err(Error::RegisterDamaged(format!("{} does not match its hash", path.display())));
                    }
                    let entry = format!("{}{sha256}", package::EVIDENCE_DIR);
                    if !extra.iter().any(|(p, _)| *p == entry) {
                        extra.push((entry, bytes));
                    }
                    Some(EvidenceFileData {
                        sha256,
                        original_name: stored.original_name.clone(),
                        size: stored.size as u64,
                    })
                }
                None => None,
            };
            evidence.push(EvidenceData {
                id: e.id,
                kind: e.input.kind.clone(),
                number: e.input.number.clone(),
                date: e.input.date,
                issuer: e.input.issuer.clone(),
                title: e.input.title.clone(),
                file,
            });
        }
        let a = &view.assessment;
        Ok(Some(AssessmentData {
            year: a.year,
            criteria: CriteriaData {
                urn: view.set.urn.clone(),
                version: view.set.version,
                name: view.set.name.clone(),
            },
            set: view.set.clone(),
            stage: a.stage,
            leader: a.leader.clone(),
            locked_on: a.locked_on,
            entries: view.entries.iter().map(EntryData::from_entry).collect(),
            totals: view
                .totals
                .iter()
                .map(|t| TotalsData { column: t.column, total: t.total, percent: t.percent, class: t.class.clone() })
                .collect(),
            evidence,
        }))
    }
}
