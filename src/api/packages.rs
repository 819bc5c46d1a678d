//! Report files for the superior level: the ward exports a period's report (`.cchc`), the superior imports many,
//! keeps every file in `archive/`, and rolls them up against its list of expected units.
//!
//! The format is `docs/package-format.md`; reading a file from outside is `package::read`. This file decides
//! revisions (what a new export supersedes), how a received file is classified, and what the roll-up counts.

use super::{App, ImportReport, Progress};
use crate::error::{Error, Result};
use crate::model::{
    CaseFigures, Column, ExpectedUnit, Finding, FindingCode, Percent, PeriodKey, PeriodKind, PeriodWindow, Place,
    Points, ProcedureQuery, ReceivedReport, ReceivedStatus, ReceivedSummary, ReportKind, SentPackage, Stage, StatsRow,
    on_time_rate, online_rate,
};
use crate::package::data::{
    AssessmentData, CategoryData, CriteriaData, DATA_VERSION, EntryData, EvidenceData, EvidenceFileData, IsoData,
    PeriodData, PlanData, PlansData, ProcedureData, ProgressData, QuotaData, ReportData, SignerData, StaffingData,
    StatsData, TaskData, TotalsData, UnitData,
};
use crate::package::{self, CriteriaRef, EntryRecord, Limits, Manifest, ManifestUnit, Payload, ReportInfo, Verified};
use crate::partial::{self, Folder, Partial};
use crate::register::ReceivedBatch;
use crate::sheet::{self, Cell, Source, Table};
use crate::transfer;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A file read from outside: verified, or refused with its reasons.
type Checked = std::result::Result<Verified, Vec<Finding>>;

/// The folder beside the register where every sent and received file is kept, named by its SHA-256.
pub const ARCHIVE_DIR: &str = "archive";

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

/// How a file of an import is classified (the dry run shows this; applying acts on it).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileClass {
    /// The first report of its root for this unit and period.
    New,
    /// The same bytes were received before: nothing to do.
    Identical,
    /// A newer revision: it supersedes the latest one received of its root.
    Revision,
    /// Not newer than the latest revision received of its root: kept, flagged, never current.
    Stale,
    /// A second branch of a root, the same id with other bytes, or a second root for a unit and period: kept, flagged.
    Conflict,
    /// Unsafe or invalid: nothing written (its bytes are archived all the same).
    Refused,
}

/// One file of an import.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct FileOutcome {
    pub file: PathBuf,
    pub file_sha256: String,
    pub size: u64,
    pub class: FileClass,
    pub report_id: Option<String>,
    pub unit_code: Option<String>,
    pub unit_name: Option<String>,
    pub period: Option<PeriodKey>,
    pub revision: Option<u32>,
    /// Why it was refused (errors), or what is worth a look (warnings: an unexpected unit, the data's warnings).
    pub findings: Vec<Finding>,
}

/// What `import_packages` found and did (or, in a dry run, would do).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct PackageImportReport {
    pub dry_run: bool,
    pub files: Vec<FileOutcome>,
    /// Files written to the register (new, revision, stale, conflict); zero in a dry run.
    pub written: usize,
}

impl PackageImportReport {
    pub fn count(&self, class: FileClass) -> usize {
        self.files.iter().filter(|f| f.class == class).count()
    }
}

/// Whether and when a unit's report of the period arrived.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitReportStatus {
    OnTime,
    Late,
    Missing,
}

/// The key figures of one unit's current report.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitFigures {
    /// Procedures in force (TTHC).
    pub procedures: usize,
    pub total: CaseFigures,
    pub on_time_rate: Option<f64>,
    pub online_rate: Option<f64>,
    pub quota: i64,
    pub present: i64,
    pub iso_in_use: bool,
    pub iso_announced: bool,
    pub iso_audits: usize,
    pub iso_reviews: usize,
    pub plan_tasks: i64,
    pub plan_done: i64,
    pub plan_completion_rate: Option<f64>,
}

/// One line of the roll-up.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct RollupUnit {
    pub code: String,
    pub name: String,
    /// False for a unit that sent a report but is not on the expected list.
    pub expected: bool,
    pub status: UnitReportStatus,
    /// The current revision used for the figures.
    pub report_id: Option<String>,
    pub revision: Option<u32>,
    /// When the first revision of the current report's root was received (local time).
    pub received_at: Option<String>,
    /// Stale or conflicting files kept for this unit and period.
    pub flagged: usize,
    pub figures: Option<UnitFigures>,
    /// The self-assessment in the current report (year files only).
    pub assessment: Option<UnitAssessment>,
}

/// The self-assessment columns of a roll-up line: the total of the latest column, its percentage of the scale,
/// the class, and the rank among the period's units (equal scores share a rank).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitAssessment {
    /// "urn@version" of the criteria set.
    pub criteria: String,
    pub stage: Stage,
    /// The latest column with points: round 2, else round 1, else the unit's own.
    pub column: Column,
    pub score: Points,
    pub percent: Option<Percent>,
    pub class: Option<String>,
    /// 1 for the highest score; units with equal scores share a rank and the next rank skips (1, 1, 3).
    pub rank: usize,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RollupCounts {
    pub expected: usize,
    pub on_time: usize,
    pub late: usize,
    pub missing: usize,
    /// Units that reported without being on the list.
    pub unexpected: usize,
}

/// The superior's view of a period.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Rollup {
    pub window: PeriodWindow,
    pub units: Vec<RollupUnit>,
    pub counts: RollupCounts,
    /// Biểu 06 summed across the units' current reports, by field, in Vietnamese order.
    pub by_field: Vec<(String, CaseFigures)>,
    pub total: CaseFigures,
    pub on_time_rate: Option<f64>,
    pub online_rate: Option<f64>,
}

impl App {
    // ---- The ward: exporting a period's report ----

    /// Writes the period's report file to `out` and records it as sent. The data must pass the same checks the
    /// superior will apply (errors refuse the export with `Invalid`). Exporting again with unchanged data gives the
    /// same revision and the same bytes; after an edit it makes a new revision superseding the last one.
    pub fn export_package(&mut self, period: PeriodKey, out: &Path, approver: Option<String>) -> Result<ExportReport> {
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

    // ---- The superior level: expected units ----

    /// The units the superior expects reports from, in Vietnamese order.
    pub fn expected_units(&self) -> Result<Vec<ExpectedUnit>> {
        self.register.expected_units()
    }

    /// Imports the list of expected units (columns "Mã đơn vị", "Tên đơn vị") from .xlsx or .csv; every row checked
    /// first, nothing written if any has an error; matched by code, so importing twice changes nothing.
    pub fn import_expected_units<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<ImportReport> {
        let table = source.into().read()?;
        let parsed = transfer::parse_expected_units(&table);
        let rows: Vec<ExpectedUnit> = parsed.records.into_iter().map(|(_, u)| u).collect();
        self.apply_import(rows, parsed.findings, dry_run, progress, |register, rows, stamp, commit, tick| {
            register.upsert_expected_units(rows, stamp, commit, tick)
        })
    }

    /// Writes the expected units in the import's columns. Returns the row count.
    pub fn export_expected_units(&self, path: &Path) -> Result<usize> {
        let units = self.register.expected_units()?;
        sheet::write_table(path, &transfer::expected_units_table(&units))?;
        Ok(units.len())
    }

    // ---- The superior level: importing report files ----

    /// Changes the size limits for report files read from outside (the defaults suit real reports; tests lower them).
    pub fn set_package_limits(&mut self, limits: Limits) {
        self.package_limits = limits;
    }

    /// The folder where every sent and received file is kept (`archive/` beside the register).
    pub fn archive_dir(&self) -> PathBuf {
        self.register.path().parent().unwrap_or(Path::new(".")).join(ARCHIVE_DIR)
    }

    /// Imports report files: each path is a `.cchc` file or a folder of them. Each file is accepted or refused on
    /// its own (new, identical, revision, stale, conflict, refused with its codes): one bad file never blocks the
    /// others. Every accepted file is written in one transaction, and every file that was read — refused ones
    /// too — is copied byte for byte into the archive. A dry run takes the same path, writes nothing and archives
    /// nothing, so it says exactly what the import will do. Importing the same files again changes nothing.
    pub fn import_packages(
        &mut self,
        paths: &[PathBuf],
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<PackageImportReport> {
        let (files, unlisted) = package_files(paths);
        // Reading (and archiving), then classifying and writing: one bar over both.
        let n = files.len();
        let total = 2 * n;
        let expected: BTreeSet<String> = self.register.expected_units()?.into_iter().map(|u| u.code).collect();
        let mut read: Vec<(PathBuf, String, u64, Checked)> = Vec::new();
        if !dry_run {
            // Once per batch: each file's copy then goes straight in (thousands of files, one folder listing).
            self.sweep_archive()?;
        }
        for (file, reason) in unlisted {
            read.push((file, String::new(), 0, Err(vec![unreadable(&reason)])));
        }
        for (index, file) in files.iter().enumerate() {
            // A file that cannot be read (a failing USB stick, no permission, gone since the folder was listed)
            // is refused on its own; the others go on. There are no bytes to archive. A failure to write the
            // archive is this machine's and stops the import.
            match self.read_package_file(file, !dry_run) {
                Ok((sha, size, verified)) => {
                    // The PDFs and evidence files stay in the archived copy; a batch of year files must not hold
                    // them all in memory until it is written.
                    let verified = verified.map(|v| Verified { extra: Vec::new(), ..v });
                    read.push((file.clone(), sha, size, verified));
                }
                Err(Error::Io { path, source }) if path == *file => {
                    read.push((file.clone(), String::new(), 0, Err(vec![unreadable(&source.to_string())])));
                }
                Err(other) => return Err(other),
            }
            progress(index + 1, total);
        }
        // Revisions of one root in order, so a folder holding revisions 1–3 imports cleanly; refused files keep
        // their place at the end in name order.
        read.sort_by(|a, b| match (&a.3, &b.3) {
            (Ok(x), Ok(y)) => {
                (&x.manifest.root_id, x.manifest.revision, &a.0).cmp(&(&y.manifest.root_id, y.manifest.revision, &b.0))
            }
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => a.0.cmp(&b.0),
        });
        let received_at = self.clock.timestamp();
        let stamp = self.stamp();
        let mut write = self.register.begin_received(&stamp)?;
        let mut index = write.index()?;
        let mut outcomes = Vec::new();
        let mut written = 0;
        for (done, (file, sha, size, verified)) in read.into_iter().enumerate() {
            let mut outcome = FileOutcome {
                file: file.clone(),
                file_sha256: sha.clone(),
                size,
                class: FileClass::Refused,
                report_id: None,
                unit_code: None,
                unit_name: None,
                period: None,
                revision: None,
                findings: Vec::new(),
            };
            progress(n + (done + 1).min(n), total);
            let v = match verified {
                Ok(v) => v,
                Err(findings) => {
                    outcome.findings = findings;
                    outcomes.push(outcome);
                    continue;
                }
            };
            let m = &v.manifest;
            outcome.report_id = Some(m.report_id.clone());
            outcome.unit_code = Some(m.unit.code.clone());
            outcome.unit_name = Some(m.unit.name.clone());
            outcome.period = Some(m.report.period);
            outcome.revision = Some(m.revision);
            outcome.findings = v.warnings.clone();
            if !expected.is_empty() && !expected.contains(&m.unit.code) {
                outcome.findings.push(
                    Finding::new(FindingCode::PackageUnitUnexpected, Place::default())
                        .with("value", format!("{} ({})", m.unit.name, m.unit.code)),
                );
            }
            let same_id = match index.iter().find(|r| r.report_id == m.report_id) {
                Some(_) => Some(same_manifest(write.manifest(&m.report_id)?.as_deref(), &v.manifest_json)),
                None => None,
            };
            let (class, superseded) = match classify(&index, &sha, m, same_id) {
                Ok(decided) => decided,
                Err(finding) => {
                    outcome.findings.insert(0, finding);
                    outcomes.push(outcome);
                    continue;
                }
            };
            outcome.class = class;
            if class != FileClass::Identical {
                let status = match class {
                    FileClass::New | FileClass::Revision => ReceivedStatus::Current,
                    FileClass::Stale => ReceivedStatus::Stale,
                    _ => ReceivedStatus::Conflict,
                };
                let file_name = file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
                let report = received_report(&v, &sha, size, &file_name, &received_at, status);
                let changes: Vec<(String, ReceivedStatus)> =
                    superseded.iter().map(|p| (p.clone(), ReceivedStatus::Superseded)).collect();
                match write.receive(&report, &changes) {
                    Ok(()) => {
                        written += 1;
                        for (previous, status) in &changes {
                            if let Some(p) = index.iter_mut().find(|r| r.report_id == *previous) {
                                p.status = *status;
                            }
                        }
                        index.push(report.summary);
                    }
                    // The classification above keeps the register's own refusals away; should one come all the
                    // same, it refuses this file alone, with a code, never the batch.
                    Err(Error::AlreadyExists { .. } | Error::NotFound { .. }) => {
                        outcome.class = FileClass::Refused;
                        outcome.findings.insert(
                            0,
                            Finding::new(FindingCode::PackageIdReused, Place::default()).with("value", &m.report_id),
                        );
                    }
                    Err(other) => return Err(other),
                }
            }
            outcomes.push(outcome);
        }
        if !dry_run && written > 0 {
            write.commit()?;
        }
        progress(total, total);
        Ok(PackageImportReport { dry_run, files: outcomes, written: if dry_run { 0 } else { written } })
    }

    /// The reports received (every status), by unit, root and revision; one period's, or all.
    pub fn received_reports(&self, period: Option<PeriodKey>) -> Result<Vec<ReceivedSummary>> {
        let all = self.register.received_index()?;
        Ok(all.into_iter().filter(|r| period.is_none_or(|p| r.period == p)).collect())
    }

    /// Makes a kept stale or conflicting report the current one of its unit and period, after the superior has
    /// looked at it (e.g. the ward re-installed and sent a new root). The report current until now becomes
    /// superseded; nothing is deleted.
    pub fn accept_received(&mut self, report_id: &str) -> Result<ReceivedSummary> {
        let chosen = self.received_report(report_id)?.summary;
        let mut batch = ReceivedBatch::default();
        for r in self.register.received_index()? {
            if r.unit_code == chosen.unit_code
                && r.period == chosen.period
                && r.status == ReceivedStatus::Current
                && r.report_id != chosen.report_id
            {
                batch.status_changes.push((r.report_id, ReceivedStatus::Superseded));
            }
        }
        batch.status_changes.push((chosen.report_id.clone(), ReceivedStatus::Current));
        let stamp = self.stamp();
        self.register.apply_received(&batch, &stamp)?;
        Ok(self.received_report(report_id)?.summary)
    }

    /// The entries of a received report besides its manifest (`data.json`, `reports/<kind>.pdf`,
    /// `evidence/<sha256>`), with their hashes and sizes, as its manifest lists them.
    pub fn received_entries(&self, report_id: &str) -> Result<Vec<EntryRecord>> {
        let report = self.received_report(report_id)?;
        let manifest: Manifest = serde_json::from_str(&report.manifest_json)
            .map_err(|e| Error::RegisterDamaged(format!("received manifest of {report_id}: {e}")))?;
        Ok(manifest.entries)
    }

    /// The bytes of one entry of a received report (e.g. `reports/periodic.pdf`), read from its archived copy and
    /// verified again like any file from outside.
    pub fn received_entry(&self, report_id: &str, path: &str) -> Result<Vec<u8>> {
        let report = self.received_report(report_id)?;
        let file = self.archive_path(&report.summary.file_sha256);
        let bytes = std::fs::read(&file).map_err(|e| Error::io(&file, e))?;
        let verified = package::read(&bytes, &self.package_limits)
            .map_err(|findings| Error::PackageRefused { path: file.clone(), findings })?;
        if path == package::DATA {
            return Ok(verified.data_json.into_bytes());
        }
        verified
            .extra
            .into_iter()
            .find(|(name, _)| name == path)
            .map(|(_, bytes)| bytes)
            .ok_or_else(|| Error::NotFound { what: "package_entry", key: path.to_string() })
    }

    /// Writes one entry of a received report to `out` (through a locked partial file beside it); returns its size.
    pub fn save_received_entry(&self, report_id: &str, path: &str, out: &Path) -> Result<u64> {
        let bytes = self.received_entry(report_id, path)?;
        write_file(out, &bytes)?;
        Ok(bytes.len() as u64)
    }

    /// One received report with its manifest and data as they arrived (the detail view of a unit).
    pub fn received_report(&self, report_id: &str) -> Result<ReceivedReport> {
        self.register
            .received_report(report_id)?
            .ok_or_else(|| Error::NotFound { what: "received_report", key: report_id.to_string() })
    }

    /// Reads and checks one report file without importing it: its manifest and data, or `PackageRefused` with
    /// every reason.
    pub fn inspect_package(&self, path: &Path) -> Result<(package::Manifest, ReportData)> {
        let (_, _, verified) = self.read_package_file(path, false)?;
        match verified {
            Ok(v) => Ok((v.manifest, v.data)),
            Err(findings) => Err(Error::PackageRefused { path: path.to_path_buf(), findings }),
        }
    }

    // ---- The superior level: the roll-up ----

    /// Every expected unit (and any unit that reported without being expected) with its status against the
    /// period's deadline (this register's own window for the period), its key figures from the current revision,
    /// and Biểu 06 summed across units.
    pub fn rollup(&self, period: PeriodKey) -> Result<Rollup> {
        let window = self.period(period)?;
        let received = self.register.received_for_period(period)?;
        let expected = self.register.expected_units()?;
        let mut units: Vec<RollupUnit> = expected
            .iter()
            .map(|u| RollupUnit {
                code: u.code.clone(),
                name: u.name.clone(),
                expected: true,
                status: UnitReportStatus::Missing,
                report_id: None,
                revision: None,
                received_at: None,
                flagged: 0,
                figures: None,
                assessment: None,
            })
            .collect();
        let mut by_field: BTreeMap<String, CaseFigures> = BTreeMap::new();
        let mut total = CaseFigures::default();
        for r in &received {
            let s = &r.summary;
            let slot = match units.iter().position(|u| u.code == s.unit_code) {
                Some(i) => i,
                None => {
                    units.push(RollupUnit {
                        code: s.unit_code.clone(),
                        name: s.unit_name.clone(),
                        expected: false,
                        status: UnitReportStatus::Missing,
                        report_id: None,
                        revision: None,
                        received_at: None,
                        flagged: 0,
                        figures: None,
                        assessment: None,
                    });
                    units.len() - 1
                }
            };
            let unit = &mut units[slot];
            match s.status {
                ReceivedStatus::Stale | ReceivedStatus::Conflict => unit.flagged += 1,
                ReceivedStatus::Superseded => {}
                ReceivedStatus::Current => {
                    let data: ReportData = serde_json::from_str(&r.data_json)
                        .map_err(|e| Error::RegisterDamaged(format!("received data of {}: {e}", s.report_id)))?;
                    let first = received
                        .iter()
                        .filter(|o| o.summary.root_id == s.root_id)
                        .map(|o| o.summary.received_at.as_str())
                        .min()
                        .unwrap_or(&s.received_at)
                        .to_string();
                    let on_time = local_date(&first).is_some_and(|d| d <= window.deadline);
                    unit.status = if on_time { UnitReportStatus::OnTime } else { UnitReportStatus::Late };
                    unit.report_id = Some(s.report_id.clone());
                    unit.revision = Some(s.revision);
                    unit.received_at = Some(first);
                    let unit_total = data.stats_total();
                    for (field, figures) in field_totals(&data) {
                        by_field.entry(field).or_default().add(&figures);
                    }
                    total.add(&unit_total);
                    unit.figures = Some(figures_of(&data, unit_total));
                    unit.assessment = data.assessment.as_ref().map(assessment_of);
                }
            }
        }
        rank(&mut units);
        units.sort_by(|a, b| {
            (!a.expected, crate::text::sort_key(&a.name), &a.code).cmp(&(
                !b.expected,
                crate::text::sort_key(&b.name),
                &b.code,
            ))
        });
        let counts = RollupCounts {
            expected: units.iter().filter(|u| u.expected).count(),
            on_time: units.iter().filter(|u| u.status == UnitReportStatus::OnTime).count(),
            late: units.iter().filter(|u| u.status == UnitReportStatus::Late).count(),
            missing: units.iter().filter(|u| u.status == UnitReportStatus::Missing).count(),
            unexpected: units.iter().filter(|u| !u.expected).count(),
        };
        let mut by_field: Vec<(String, CaseFigures)> = by_field.into_iter().collect();
        by_field.sort_by_key(|(field, _)| crate::text::sort_key(field));
        Ok(Rollup {
            window,
            units,
            counts,
            by_field,
            on_time_rate: on_time_rate(&total),
            online_rate: online_rate(&total),
            total,
        })
    }

    /// Writes the roll-up to .xlsx: a sheet of units with their status and key figures, and a sheet of Biểu 06
    /// summed by field. Returns the roll-up written.
    pub fn export_rollup(&self, period: PeriodKey, path: &Path) -> Result<Rollup> {
        let rollup = self.rollup(period)?;
        sheet::write_tables(path, &rollup_tables(&rollup))?;
        Ok(rollup)
    }

    // ---- helpers ----

    fn archive_path(&self, sha256: &str) -> PathBuf {
        self.archive_dir().join(format!("{sha256}.cchc"))
    }

    /// Makes the archive folder and removes the partial files an interrupted copy left there; the archive's
    /// writers below expect it done.
    fn sweep_archive(&self) -> Result<()> {
        let dir = self.archive_dir();
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        partial::sweep(&dir, Folder::Own).map(|_| ())
    }

    /// Stores bytes in the archive under their hash (once: an existing copy is the same bytes), in a swept archive.
    fn archive(&self, sha256: &str, bytes: &[u8]) -> Result<()> {
        let path = self.archive_path(sha256);
        if path.exists() {
            return Ok(());
        }
        partial::write_swept(&path, bytes)
    }

    /// Copies a file over the size limit into the archive byte for byte, streamed, hashing the bytes as they are
    /// copied (so the name is the hash of what was kept, even if the file changes meanwhile). Returns the hash.
    fn archive_streamed(&self, file: &Path) -> Result<String> {
        use sha2::Digest;
        use std::io::{Read, Write};
        let dir = self.archive_dir();
        let mut source = std::fs::File::open(file).map_err(|e| Error::io(file, e))?;
        // Named by a fresh id until the hash is known.
        let written = Partial::begin_swept(&dir.join(package::new_report_id()))?;
        let partial = written.path().to_path_buf();
        let copied = (|| -> Result<String> {
            let mut out = std::fs::File::create(&partial).map_err(|e| Error::io(&partial, e))?;
            let mut hasher = sha2::Sha256::new();
            let mut buffer = vec![0u8; 1 << 16];
            loop {
                let n = source.read(&mut buffer).map_err(|e| Error::io(file, e))?;
                if n == 0 {
                    break;
                }
                hasher.update(&buffer[..n]);
                out.write_all(&buffer[..n]).map_err(|e| Error::io(&partial, e))?;
            }
            out.sync_all().map_err(|e| Error::io(&partial, e))?;
            Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
        })();
        // On failure, or when the archive already holds these bytes, dropping `written` removes the partial file.
        let sha = copied?;
        let path = self.archive_path(&sha);
        if !path.exists() {
            written.commit_to(&path)?;
        }
        Ok(sha)
    }

    /// Reads a file, hashes it and verifies it; with `keep`, archives the very bytes that were read. A file over
    /// the size limit is hashed streaming (and archived the same way) and refused unread. An error reading the
    /// file is `Io` on `file` itself; an error writing the archive is `Io` on the archive's path.
    fn read_package_file(&self, file: &Path, keep: bool) -> Result<(String, u64, Checked)> {
        let limits = self.package_limits;
        let size = std::fs::metadata(file).map_err(|e| Error::io(file, e))?.len();
        if size > limits.file_bytes {
            let sha = if keep { self.archive_streamed(file)? } else { hash_file(file)? };
            let finding = Finding::new(FindingCode::PackageTooLarge, Place::default())
                .with("size", size)
                .with("limit", limits.file_bytes);
            return Ok((sha, size, Err(vec![finding])));
        }
        let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
        let sha = package::sha256_hex(&bytes);
        if keep {
            self.archive(&sha, &bytes)?;
        }
        Ok((sha, bytes.len() as u64, package::read(&bytes, &limits)))
    }
}

/// Decides what a verified file is against what was received (and what this batch has already taken).
/// Returns the class and, for a revision, the report it supersedes. `same_id` tells, when a report with this
/// file's id was received, whether its manifest is this file's (the same entries, zipped again): then the file is
/// identical; otherwise it is refused, since one id names one report.
fn classify(
    index: &[ReceivedSummary],
    sha: &str,
    m: &Manifest,
    same_id: Option<bool>,
) -> std::result::Result<(FileClass, Option<String>), Finding> {
    if index.iter().any(|r| r.file_sha256 == sha) {
        return Ok((FileClass::Identical, None));
    }
    match same_id {
        Some(true) => return Ok((FileClass::Identical, None)),
        Some(false) => {
            return Err(Finding::new(FindingCode::PackageIdReused, Place::default()).with("value", &m.report_id));
        }
        None => {}
    }
    let chain: Vec<&ReceivedSummary> = index.iter().filter(|r| r.root_id == m.root_id).collect();
    if let Some(latest) = chain.iter().filter(|r| r.status == ReceivedStatus::Current).max_by_key(|r| r.revision) {
        if m.supersedes.as_deref() == Some(latest.report_id.as_str()) {
            return Ok((FileClass::Revision, Some(latest.report_id.clone())));
        }
        // A second child of a revision that already has one is a branch; otherwise a revision not newer than the
        // latest is stale (it arrived after a later one).
        let branches = m.supersedes.as_ref().is_some_and(|s| {
            chain.iter().any(|r| r.report_id == *s) && chain.iter().any(|r| r.supersedes.as_ref() == Some(s))
        });
        if branches {
            return Ok((FileClass::Conflict, None));
        }
        if m.revision <= latest.revision {
            return Ok((FileClass::Stale, None));
        }
        return Ok((FileClass::Revision, Some(latest.report_id.clone())));
    }
    if !chain.is_empty() {
        // Only stale or conflicting files of this root so far.
        return Ok((FileClass::Conflict, None));
    }
    let other_root = index
        .iter()
        .any(|r| r.unit_code == m.unit.code && r.period == m.report.period && r.status == ReceivedStatus::Current);
    if other_root { Ok((FileClass::Conflict, None)) } else { Ok((FileClass::New, None)) }
}

fn received_report(
    v: &Verified,
    sha: &str,
    size: u64,
    file_name: &str,
    received_at: &str,
    status: ReceivedStatus,
) -> ReceivedReport {
    let m = &v.manifest;
    ReceivedReport {
        summary: ReceivedSummary {
            report_id: m.report_id.clone(),
            root_id: m.root_id.clone(),
            supersedes: m.supersedes.clone(),
            revision: m.revision,
            unit_code: m.unit.code.clone(),
            unit_name: m.unit.name.clone(),
            period: m.report.period,
            file_sha256: sha.to_string(),
            size,
            file_name: file_name.to_string(),
            created_at: m.created_at.clone(),
            approved_at: m.approved_at.clone(),
            approver: m.approver.clone(),
            received_at: received_at.to_string(),
            status,
        },
        province: m.unit.province.clone(),
        report_kind: m.report.kind.clone(),
        format_version: m.format_version,
        program_version: m.program_version.clone(),
        criteria_urn: m.criteria.as_ref().map(|c| c.urn.clone()),
        criteria_version: m.criteria.as_ref().map(|c| c.version.clone()),
        manifest_json: v.manifest_json.clone(),
        data_json: v.data_json.clone(),
    }
}

/// The `.cchc` files named: files as given, folders walked (links are not followed), each file once, in name order;
/// and, apart, each path given or folder met that cannot be read, with the reason (refused alone, never the batch).
fn package_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>, unreadable: &mut Vec<(PathBuf, String)>) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return unreadable.push((dir.to_path_buf(), e.to_string())),
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    unreadable.push((dir.to_path_buf(), e.to_string()));
                    continue;
                }
            };
            let path = entry.path();
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => walk(&path, out, unreadable),
                Ok(kind) if kind.is_file() && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("cchc")) => {
                    out.push(path)
                }
                Ok(_) => {}
                Err(e) => unreadable.push((path, e.to_string())),
            }
        }
    }
    let mut out = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                walk(path, &mut found, &mut unreadable);
                found.sort();
                out.extend(found);
            }
            Ok(_) => out.push(path.clone()),
            Err(e) => unreadable.push((path.clone(), e.to_string())),
        }
    }
    let mut seen = BTreeSet::new();
    out.retain(|p| seen.insert(p.clone()));
    (out, unreadable)
}

/// The refusal of a file (or folder) that could not be read.
fn unreadable(reason: &str) -> Finding {
    Finding::new(FindingCode::PackageFileUnreadable, Place::default()).with("value", reason)
}

/// Whether a received manifest is the same as a file's: both parsed, so only the bytes of the JSON may differ.
fn same_manifest(received: Option<&str>, file: &str) -> bool {
    let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
    received.and_then(parse).is_some_and(|r| Some(r) == parse(file))
}

fn hash_file(file: &Path) -> Result<String> {
    use sha2::Digest;
    use std::io::Read;
    let mut f = std::fs::File::open(file).map_err(|e| Error::io(file, e))?;
    let mut hasher = sha2::Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buffer).map_err(|e| Error::io(file, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Writes a file the user asked for, in a folder the user chose: whole or not at all (through a locked partial file).
fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    partial::write(path, bytes, Folder::Shared)
}

/// The date of a stored local timestamp ("2026-11-23T09:30:00.000+07:00" → 23/11/2026).
fn local_date(timestamp: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(timestamp.get(..10)?, "%Y-%m-%d").ok()
}

/// Each field's figures by the register's rule (whole-field row, else the sum of its per-procedure rows).
fn field_totals(data: &ReportData) -> Vec<(String, CaseFigures)> {
    let fields: BTreeSet<&str> = data.statistics.iter().map(|s| s.field.as_str()).collect();
    fields
        .into_iter()
        .map(|field| {
            let (mut whole, mut per_procedure) = (CaseFigures::default(), CaseFigures::default());
            for s in data.statistics.iter().filter(|s| s.field == field) {
                if s.procedure.is_none() { whole.add(&s.figures) } else { per_procedure.add(&s.figures) }
            }
            (field.to_string(), if whole != CaseFigures::default() { whole } else { per_procedure })
        })
        .collect()
}

fn figures_of(data: &ReportData, total: CaseFigures) -> UnitFigures {
    UnitFigures {
        procedures: data.procedures_in_force(),
        on_time_rate: on_time_rate(&total),
        online_rate: online_rate(&total),
        total,
        quota: data.staffing.quota,
        present: data.staffing.present,
        iso_in_use: data.iso.in_use,
        iso_announced: data.iso.announced,
        iso_audits: data.iso.audits.len(),
        iso_reviews: data.iso.reviews.len(),
        plan_tasks: data.plans.progress.tasks,
        plan_done: data.plans.progress.done,
        plan_completion_rate: data.plans.progress.completion_rate,
    }
}

fn assessment_of(a: &AssessmentData) -> UnitAssessment {
    let column = a.latest_column();
    let t = a.totals(column);
    UnitAssessment {
        criteria: a.set.key(),
        stage: a.stage,
        column,
        score: t.total,
        percent: t.percent,
        class: t.class,
        rank: 0,
    }
}

/// Ranks the units with an assessment by score, highest first; equal scores share a rank (1, 1, 3).
fn rank(units: &mut [RollupUnit]) {
    let scores: Vec<Points> = units.iter().filter_map(|u| u.assessment.as_ref().map(|a| a.score)).collect();
    for a in units.iter_mut().filter_map(|u| u.assessment.as_mut()) {
        a.rank = 1 + scores.iter().filter(|s| **s > a.score).count();
    }
}

/// The two sheets of the roll-up workbook.
fn rollup_tables(rollup: &Rollup) -> Vec<Table> {
    let mut units = Table::new(
        "Tổng hợp đơn vị",
        &[
            "Mã đơn vị",
            "Tên đơn vị",
            "Tình trạng",
            "Lần gửi",
            "Ngày nhận",
            "Số TTHC",
            "Tỷ lệ đúng hạn (%)",
            "Tỷ lệ trực tuyến (%)",
            "Biên chế được giao",
            "Số có mặt",
            "ISO 9001",
            "Nhiệm vụ CCHC",
            "Đã hoàn thành",
            "Tỷ lệ hoàn thành (%)",
            "Tệp cần xem lại",
        ],
    );
    // The year's roll-up also ranks the self-assessments.
    let year = rollup.window.key.kind == PeriodKind::Year;
    if year {
        units.headers.extend(["Điểm chỉ số CCHC", "Tỷ lệ điểm (%)", "Xếp loại", "Xếp hạng"].map(String::from));
    }
    let number = |n: i64| Cell::Number(n as f64);
    let rate = |r: Option<f64>| r.map_or(Cell::Empty, |r| Cell::Number((r * 10.0).round() / 10.0));
    for u in &rollup.units {
        let status = match (u.status, u.expected) {
            (UnitReportStatus::OnTime, true) => "Đã gửi đúng hạn",
            (UnitReportStatus::Late, true) => "Đã gửi quá hạn",
            (UnitReportStatus::Missing, _) => "Chưa gửi",
            (UnitReportStatus::OnTime, false) => "Đã gửi đúng hạn (ngoài danh sách)",
            (UnitReportStatus::Late, false) => "Đã gửi quá hạn (ngoài danh sách)",
        };
        let received = u.received_at.as_deref().and_then(local_date).map_or(Cell::Empty, Cell::Date);
        let mut cells = vec![
            Cell::text(&u.code),
            Cell::text(&u.name),
            Cell::text(status),
            u.revision.map_or(Cell::Empty, |r| number(r as i64)),
            received,
        ];
        match &u.figures {
            Some(f) => {
                let iso = if !f.iso_in_use {
                    "Chưa áp dụng".to_string()
                } else {
                    format!(
                        "{}; đánh giá nội bộ: {}; xem xét: {}",
                        if f.iso_announced { "Đã công bố" } else { "Chưa công bố" },
                        f.iso_audits,
                        f.iso_reviews
                    )
                };
                cells.extend([
                    number(f.procedures as i64),
                    rate(f.on_time_rate),
                    rate(f.online_rate),
                    number(f.quota),
                    number(f.present),
                    Cell::text(&iso),
                    number(f.plan_tasks),
                    number(f.plan_done),
                    rate(f.plan_completion_rate),
                ]);
            }
            None => cells.extend(std::iter::repeat_n(Cell::Empty, 9)),
        }
        cells.push(if u.flagged > 0 { number(u.flagged as i64) } else { Cell::Empty });
        if year {
            match &u.assessment {
                Some(a) => cells.extend([
                    Cell::Number(a.score.as_f64()),
                    a.percent.map_or(Cell::Empty, |p| Cell::Number(p.as_f64())),
                    a.class.as_deref().map_or(Cell::Empty, Cell::text),
                    number(a.rank as i64),
                ]),
                None => cells.extend(std::iter::repeat_n(Cell::Empty, 4)),
            }
        }
        units.push(cells);
    }
    // Biểu 06's own columns, one row per field and the total.
    let total = ("Tổng cộng".to_string(), rollup.total);
    let rows: Vec<StatsRow> = rollup
        .by_field
        .iter()
        .chain([&total])
        .map(|(field, figures)| StatsRow {
            period: rollup.window.key,
            field: field.clone(),
            procedure: None,
            figures: *figures,
        })
        .collect();
    let mut stats = transfer::stats_table(&rows);
    stats.sheet = "Biểu 06 tổng hợp".to_string();
    vec![units, stats]
}
