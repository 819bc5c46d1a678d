//! `App`: one method per use case. The command line, the desktop shell and the tests call this and nothing else;
//! it is the only module that combines the register, the model checks, files and the clock.
//! Report files for the superior level (export, import, roll-up) are in `packages.rs`.

mod packages;

pub use packages::{
    ExportReport, FileClass, FileOutcome, PACKAGED_REPORTS, PackageImportReport, Rollup, RollupCounts, RollupUnit,
    UnitAssessment, UnitFigures, UnitReportStatus,
};

use crate::assets::Assets;
use crate::backups::{self, BackupInfo, BackupReason};
use crate::clock::Clock;
use crate::demo;
use crate::error::{Error, Result};
use crate::layout::{self, Metrics};
use crate::model::{
    ActionInput, ActionSource, ActionStatus, Announcement, AnnouncementInput, AnnouncementKind, AreaProgress, Audit,
    AuditInput, CaseFigures, CategoryStaffing, DeadlineItem, DeadlineKind, Finding, FindingCode, Headcount, IsoAction,
    IsoReport, IsoStatus, IsoVersion, IssuedCopy, LegalChange, LegalChangeInput, Nonconformity, NonconformityInput,
    OutgoingDocument, OutgoingInput, PeriodKey, PeriodKind, PeriodWindow, Person, PersonInput, Place, Plan, PlanInput,
    PlanProgress, Procedure, ProcedureInput, ProcedureQuery, ProcedureStatus, Quota, ReformArea, ReportKind,
    ReportSection, Retirement, Review, ReviewInput, Saved, StaffCategory, StaffingSummary, StandardDue, StatsRow,
    StatsTable, Task, TaskInput, UnitProfile, check_row, date_in_future, dates_in_order, on_time_rate, online_rate,
};
use crate::package::Limits;
use crate::partial::{self, Folder, Leftovers, Partial};
use crate::pdf;
use crate::register::{ChangeEntry, Register, Stamp, UpsertCounts};
use crate::report;
use crate::sheet::{self, Source};
use crate::text;
use crate::transfer;
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod assessment;

pub use assessment::{
    AssessmentView, CriteriaImport, CriteriaSummary, EVIDENCE_DIR, EVIDENCE_FILE_LIMIT, MetricReading,
};

/// In-progress totals keyed by (field, procedure code or none for the whole field).
type InProgressByRow = BTreeMap<(String, Option<String>), i64>;

/// Reports progress as (done, total); the command line draws a bar, the desktop app an indicator.
pub type Progress<'a> = &'a dyn Fn(usize, usize);

/// Progress that goes nowhere.
pub fn no_progress(_: usize, _: usize) {}

/// What an import found and did (or, in a dry run, would do).
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Records read from the file.
    pub rows: usize,
    pub counts: UpsertCounts,
    /// Every problem found: errors (nothing was written) and warnings.
    pub findings: Vec<Finding>,
}

impl ImportReport {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

/// What `cchc demo` made.
#[derive(Debug, Clone, Serialize)]
pub struct DemoSummary {
    pub path: PathBuf,
    pub procedures: usize,
    pub fields: usize,
    pub stats_rows: usize,
    pub periods: Vec<PeriodKey>,
}

/// What a restore would change (`App::restore_preview`).
#[derive(Debug, Clone, Serialize)]
pub struct RestorePreview {
    pub path: PathBuf,
    /// The copy's record, when it has one (a copy from the backups folder or a USB stick does).
    pub record: Option<BackupInfo>,
    pub copy: crate::register::CopyFacts,
    pub current: crate::register::CopyFacts,
    /// Tables whose row counts differ between the register now and the copy.
    pub differences: Vec<CountChange>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountChange {
    pub table: String,
    pub current: i64,
    pub copy: i64,
}

/// A restore done: the copy made just before (restoring it undoes the restore) and what was restored.
/// A report written as PDF: its pages and its size.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PrintedReport {
    pub pages: usize,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RestoreReport {
    pub undo: BackupInfo,
    pub restored: crate::register::CopyFacts,
}

/// The file stem of a register path (`register` for `register.cchc`).
fn stem_of(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("register").to_string()
}

pub struct App {
    register: Register,
    clock: Clock,
    assets: Assets,
    actor: String,
    migration_backup: Option<PathBuf>,
    /// The report fonts, parsed on first use (printing) and kept.
    fonts: std::sync::OnceLock<crate::pdf::Fonts>,
    /// Size limits for report files read from outside (`set_package_limits`).
    package_limits: Limits,
}

impl App {
    /// Creates a new register at `path` with the unit's profile. Refuses an existing file.
    pub fn create(path: &Path, profile: UnitProfile, assets: Assets, clock: Clock) -> Result<App> {
        let profile = with_copies(profile.cleaned());
        let findings = profile.validate();
        if !findings.is_empty() {
            return Err(Error::Invalid(findings));
        }
        let register = Register::create(path)?;
        let mut app = App {
            register,
            clock,
            assets,
            actor: profile.user_name.clone(),
            migration_backup: None,
            fonts: Default::default(),
            package_limits: Limits::default(),
        };
        let stamp = app.stamp();
        app.register.save_unit(&profile, &stamp)?;
        Ok(app)
    }

    /// Opens an existing register. A file that is not a register, is damaged or is newer than this program is
    /// refused untouched; an older one is copied into `backups/` beside it and migrated.
    pub fn open(path: &Path, assets: Assets, clock: Clock) -> Result<App> {
        let dir = backups::dir_of(path);
        let stamp = clock.file_stamp();
        let (register, migration_backup) = Register::open(path, || {
            dir.join(backups::new_name(&dir, &stem_of(path), &stamp, BackupReason::Migration))
        })?;
        let actor = register.unit()?.map(|u| u.user_name).unwrap_or_default();
        let app = App {
            register,
            clock,
            assets,
            actor,
            migration_backup,
            fonts: Default::default(),
            package_limits: Limits::default(),
        };
        if let Some(copy) = &app.migration_backup {
            // The copy was made by SQLite from the file as it was; its record makes it a backup like any other.
            let facts = crate::register::verify_copy(copy)?;
            app.record_copy(copy, BackupReason::Migration, facts)?;
        }
        Ok(app)
    }

    // ---- Backups and restore ----

    /// The folder of this register's automatic copies.
    pub fn backup_dir(&self) -> PathBuf {
        backups::dir_of(self.register.path())
    }

    /// Makes a verified copy of the register in its backups folder, then applies the rotation. A copy that fails
    /// its check (integrity, schema, the same row counts as the register, readable back) is deleted and the error
    /// returned: only verified copies count.
    pub fn backup_now(&self, reason: BackupReason) -> Result<BackupInfo> {
        let dir = self.backup_dir();
        let info = self.copy_into(&dir, &stem_of(self.register.path()), reason)?;
        backups::prune(&dir, self.clock.local_now())?;
        Ok(info)
    }

    /// Makes a copy only when something changed since the newest one (the 15-minute and at-exit copies).
    pub fn backup_if_changed(&self, reason: BackupReason) -> Result<Option<BackupInfo>> {
        let last = self.register.last_change()?;
        let newest = backups::list(&self.backup_dir())?.into_iter().next();
        if newest.is_some_and(|b| b.facts.last_change == last) {
            return Ok(None);
        }
        self.backup_now(reason).map(Some)
    }

    /// The copies of this register, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        backups::list(&self.backup_dir())
    }

    /// The stale partial files in the backups folder, left by interrupted copies (counted by `backup verify`; the
    /// next copy removes them). A copy another process is writing is not counted.
    pub fn backup_leftovers(&self) -> Leftovers {
        backups::leftovers(&self.backup_dir())
    }

    /// Checks a copy again: its checksum against its record, then SQLite's integrity check and the row counts.
    pub fn verify_backup(path: &Path) -> Result<BackupInfo> {
        let info = backups::read_record(path).ok_or_else(|| Error::BackupInvalid {
            path: path.to_path_buf(),
            reason: "no record beside the copy".into(),
        })?;
        let invalid = |reason: String| Error::BackupInvalid { path: path.to_path_buf(), reason };
        let sha = backups::sha256_of(path)?;
        if sha != info.sha256 {
            return Err(invalid(format!("checksum {sha} differs from the recorded {}", info.sha256)));
        }
        let facts = crate::register::verify_copy(path).map_err(|e| invalid(e.to_string()))?;
        if facts != info.facts {
            return Err(invalid("row counts differ from the record".into()));
        }
        Ok(info)
    }

    /// "Sao lưu ra USB": a verified copy with the evidence files, in a new folder named with the unit and the date
    /// inside `dir`. Returns the copy's record (its path is inside that folder).
    pub fn backup_to(&self, dir: &Path) -> Result<BackupInfo> {
        let unit = self.register.unit()?.map(|u| u.name).unwrap_or_default();
        let stamp = self.clock.local_now().format("%Y-%m-%d %H%M").to_string();
        let mut folder = dir.join(backups::external_folder_name(&unit, &stamp));
        let mut n = 2;
        while folder.exists() {
            folder = dir.join(format!("{} ({n})", backups::external_folder_name(&unit, &stamp)));
            n += 1;
        }
        std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
        let info = self.copy_into(&folder, "register", BackupReason::External);
        let info = match info {
            Ok(info) => info,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&folder);
                return Err(e);
            }
        };
        let evidence = self.register.path().parent().unwrap_or(Path::new(".")).join("evidence");
        backups::copy_missing_files(&evidence, &folder.join("evidence"))?;
        Ok(info)
    }

    /// What restoring `path` would do: the copy's record (when it has one) and facts, the register's facts now,
    /// and the tables whose row counts differ. A copy made by a newer program is refused here already.
    pub fn restore_preview(&self, path: &Path) -> Result<RestorePreview> {
        let record = backups::read_record(path);
        let copy = match crate::register::verify_copy(path) {
            Ok(facts) => facts,
            Err(Error::SchemaTooNew { found, supported }) => {
                return Err(Error::CopyTooNew {
                    program: record.map(|r| r.program_version).unwrap_or_else(|| format!("schema {found}")),
                    supported,
                });
            }
            Err(e) => return Err(e),
        };
        let current = self.register.facts()?;
        let tables: BTreeSet<&String> = copy.counts.keys().chain(current.counts.keys()).collect();
        let differences = tables
            .into_iter()
            .filter_map(|t| {
                let (now, then) =
                    (current.counts.get(t).copied().unwrap_or(0), copy.counts.get(t).copied().unwrap_or(0));
                (now != then).then(|| CountChange { table: t.clone(), current: now, copy: then })
            })
            .collect();
        Ok(RestorePreview { path: path.to_path_buf(), record, copy, current, differences })
    }

    /// Replaces the register with the copy at `path`, after saving the register as it is now as a backup: restoring
    /// that backup undoes the restore. The copy is checked first; a damaged copy or one made by a newer program is
    /// refused and nothing changes.
    pub fn restore(&mut self, path: &Path) -> Result<RestoreReport> {
        let preview = self.restore_preview(path)?;
        let undo = self.backup_now(BackupReason::Restore)?;
        self.register.restore_from(path)?;
        self.actor = self.register.unit()?.map(|u| u.user_name).unwrap_or_default();
        let stamp = self.stamp();
        let copy = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        self.register.log_restore(&stamp, &copy)?;
        Ok(RestoreReport { undo, restored: preview.copy })
    }

    /// The verified copies a damaged or unreadable register at `register` could be restored from, newest first.
    pub fn recovery_candidates(register: &Path) -> Vec<BackupInfo> {
        backups::list(&backups::dir_of(register))
            .unwrap_or_default()
            .into_iter()
            .filter(|b| App::verify_backup(&b.path).is_ok())
            .collect()
    }

    /// Puts a verified copy in place of a register that cannot be opened: the unusable file (and its journal files)
    /// is moved, untouched, into `damaged/` beside it, the copy is copied in, and the register opened.
    pub fn recover(register: &Path, copy: &Path, assets: Assets, clock: Clock) -> Result<App> {
        App::verify_backup(copy)?;
        let parent = register.parent().unwrap_or(Path::new("."));
        let aside = parent.join("damaged");
        std::fs::create_dir_all(&aside).map_err(|e| Error::io(&aside, e))?;
        let name = format!("{}-{}.cchc", stem_of(register), clock.file_stamp());
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let from = PathBuf::from(format!("{}{suffix}", register.display()));
            if from.exists() {
                let to = aside.join(format!("{name}{suffix}"));
                std::fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
            }
        }
        // The register's folder may be one the user chose: only this program's stale partial files go.
        partial::copy(copy, register, Folder::Shared)?;
        App::open(register, assets, clock)
    }

    /// Copies the register into `dir` as `<stem>-<stamp>-<reason>.cchc`, verifies the copy against the register,
    /// and writes its record. The copy is written as a locked partial file (`partial`), which first removes the
    /// stale partial files of interrupted copies in `dir`; on any failure the partial copy is removed.
    fn copy_into(&self, dir: &Path, stem: &str, reason: BackupReason) -> Result<BackupInfo> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        partial::sweep(dir, Folder::Own)?;
        let name = backups::new_name(dir, stem, &self.clock.file_stamp(), reason);
        let target = dir.join(&name);
        let result = (|| {
            let copy = Partial::begin_swept(&target)?;
            self.register.copy_to(copy.path())?;
            let facts = crate::register::verify_copy(copy.path())
                .map_err(|e| Error::BackupInvalid { path: target.clone(), reason: e.to_string() })?;
            if facts != self.register.facts()? {
                return Err(Error::BackupInvalid { path: target.clone(), reason: "row counts differ".into() });
            }
            copy.commit()?;
            self.record_copy(&target, reason, facts)
        })();
        if result.is_err() {
            let _ = backups::remove_copy(&target);
        }
        result
    }

    fn record_copy(&self, copy: &Path, reason: BackupReason, facts: crate::register::CopyFacts) -> Result<BackupInfo> {
        let info = BackupInfo {
            file: copy.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
            path: copy.to_path_buf(),
            created: self.clock.local_now(),
            reason,
            size: std::fs::metadata(copy).map_err(|e| Error::io(copy, e))?.len(),
            sha256: backups::sha256_of(copy)?,
            program_version: backups::PROGRAM_VERSION.to_string(),
            unit: self.register.unit()?.map(|u| u.name).unwrap_or_default(),
            facts,
        };
        backups::write_record(&info)?;
        Ok(info)
    }

    /// Makes a separate demo register `demo.cchc` in `dir`: a realistic ward with its procedures and two years of
    /// statistics. Never touches the user's own register.
    pub fn create_demo(dir: &Path, assets: Assets, clock: Clock, progress: Progress<'_>) -> Result<(App, DemoSummary)> {
        let procedures = demo::procedures(&assets);
        let today = clock.today();
        let stats = demo::stats(&procedures, today.year() - 2..=today.year(), today, 2026);
        let path = dir.join("demo.cchc");
        let mut app = App::create_with_data(&path, demo::unit(), &procedures, &stats, assets, clock, progress)?;
        app.add_demo_registers(demo::registers(today))?;
        let periods: BTreeSet<PeriodKey> = stats.iter().map(|r| r.period).collect();
        let summary = DemoSummary {
            path,
            procedures: procedures.len(),
            fields: app.fields()?.len(),
            stats_rows: stats.len(),
            periods: periods.into_iter().collect(),
        };
        Ok((app, summary))
    }

    /// Enters the demo ward's staffing, plans and ISO records through the same checks as an official's edits.
    fn add_demo_registers(&mut self, data: demo::DemoRegisters) -> Result<()> {
        for quota in data.quotas {
            self.set_quota(quota)?;
        }
        for person in data.people {
            self.add_person(person)?;
        }
        for plan in data.plans {
            self.add_plan(plan)?;
        }
        for task in data.tasks {
            self.add_task(task)?;
        }
        self.set_iso_version(IsoVersion::V2015)?;
        let procedures = self.iso_scope_codes()?;
        self.add_iso_announcement(AnnouncementInput {
            number: "36/QĐ-UBND".to_string(),
            date: data.iso_announced,
            kind: AnnouncementKind::Announce,
            version: IsoVersion::V2015,
            procedures,
        })?;
        if let Some(audit) = data.audit {
            self.add_iso_audit(audit)?;
        }
        if let Some(review) = data.review {
            self.add_iso_review(review)?;
        }
        for change in data.legal_changes {
            let change = self.add_iso_legal_change(change)?;
            self.complete_iso_legal_change(change.id, change.effective + Duration::days(45))?;
        }
        self.add_demo_assessment(data.assessment)
    }

    /// Last year's self-assessment of the demo ward on the bundled sample set: the suggestions from its statistics
    /// applied, the other leaves scored as the demo says, evidence documents linked, one leaf explained instead.
    fn add_demo_assessment(&mut self, demo: demo::DemoAssessment) -> Result<()> {
        let year = demo.year;
        self.new_assessment(year, None)?;
        self.suggest_scores(year, true)?;
        let mut ids = Vec::new();
        for document in demo.evidence {
            ids.push(self.add_evidence(document, None)?.id);
        }
        let (assessment, set, _) = self.open_assessment(year)?;
        let suggested = self.register.score_entries(assessment.id)?;
        for leaf in set.leaves() {
            let code = leaf.node.code.as_str();
            let entry = suggested.get(code);
            let points = match demo.scores.iter().find(|(c, _)| *c == code) {
                Some((_, points)) => Some(*points),
                None if entry.and_then(|e| e.self_points).is_some() => None,
                // The survey is the province's, entered with the appraisal; a draft has no result yet.
                None if matches!(
                    leaf.rule,
                    crate::model::Rule::Bonus | crate::model::Rule::Penalty | crate::model::Rule::SurveyOnly
                ) =>
                {
                    continue;
                }
                None => Some(leaf.node.max),
            };
            if let Some(points) = points {
                self.score_leaf(year, code, points, None, None)?;
            }
            match demo.explained.iter().find(|(c, _)| *c == code) {
                Some((_, text)) => {
                    self.explain_leaf(year, code, text)?;
                }
                None => {
                    // Each leaf cites the document its area rests on (areas 1–3 the plan, the others the report).
                    let area: usize = code.split('.').next().and_then(|a| a.parse().ok()).unwrap_or(0);
                    let document = ids[if area <= 3 { 0 } else { 1 }.min(ids.len() - 1)];
                    self.link_evidence(year, code, document)?;
                    if code.starts_with("7.") && ids.len() > 2 {
                        self.link_evidence(year, code, ids[2])?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Creates a register already holding procedures and statistics (demo and benchmark registers), written in
    /// one transaction each after the same checks as an import.
    pub fn create_with_data(
        path: &Path,
        profile: UnitProfile,
        procedures: &[ProcedureInput],
        stats: &[StatsRow],
        assets: Assets,
        clock: Clock,
        progress: Progress<'_>,
    ) -> Result<App> {
        let procedures: Vec<ProcedureInput> = procedures.iter().cloned().map(ProcedureInput::cleaned).collect();
        let findings: Vec<Finding> = procedures.iter().flat_map(ProcedureInput::validate).collect();
        if !findings.is_empty() {
            return Err(Error::Invalid(findings));
        }
        let mut app = App::create(path, profile, assets, clock)?;
        let total = procedures.len() + stats.len();
        let stamp = app.stamp();
        app.register.upsert_procedures(&procedures, &stamp, true, &|done| progress(done, total))?;
        app.register.upsert_stats(stats, &stamp, true, &|done| progress(procedures.len() + done, total))?;
        Ok(app)
    }

    /// The bundled assets this app was built with.
    pub fn assets(&self) -> &Assets {
        &self.assets
    }

    pub fn register_path(&self) -> &Path {
        self.register.path()
    }

    /// The copy made before this open migrated the register, if it did.
    pub fn migration_backup(&self) -> Option<&Path> {
        self.migration_backup.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.register.schema_version()
    }

    pub fn journal_mode(&self) -> Result<String> {
        self.register.journal_mode()
    }

    // ---- Unit profile and periods ----

    /// The unit's profile. A "Nơi nhận" list never set (empty) is given as the standard lines the reports print,
    /// so that the window shows them to add recipients between.
    pub fn unit(&self) -> Result<UnitProfile> {
        let unit = self.register.unit()?;
        Ok(with_copies(unit.ok_or_else(|| Error::RegisterDamaged("the register has no unit profile".into()))?))
    }

    /// Saves the profile as given: its "Nơi nhận" list is the one printed, so a standard line the official deleted
    /// stays deleted; an empty list is kept as the standard lines.
    pub fn set_unit(&mut self, profile: UnitProfile) -> Result<UnitProfile> {
        let profile = with_copies(profile.cleaned());
        let findings = profile.validate();
        if !findings.is_empty() {
            return Err(refused("unit", findings));
        }
        // The change is recorded under the name the profile now gives.
        self.actor = profile.user_name.clone();
        let stamp = self.stamp();
        self.register.save_unit(&profile, &stamp)?;
        Ok(profile)
    }

    /// A period's window and deadline: the unit's override, or the default.
    pub fn period(&self, key: PeriodKey) -> Result<PeriodWindow> {
        Ok(self.register.period_setting(key)?.unwrap_or_else(|| key.default_window()))
    }

    /// The period being reported on today.
    pub fn current_period(&self) -> Result<PeriodWindow> {
        self.period(PeriodKey::current(self.clock.today()))
    }

    /// Overrides a period's window and deadline for this unit.
    pub fn set_period(&mut self, window: PeriodWindow) -> Result<PeriodWindow> {
        if window.start > window.end {
            let finding = Finding::new(FindingCode::BadDate, Place::field("end"))
                .with("start", window.start.format("%d/%m/%Y"))
                .with("end", window.end.format("%d/%m/%Y"));
            return Err(refused("period", vec![finding]));
        }
        let stamp = self.stamp();
        self.register.save_period_setting(&window, &stamp)?;
        Ok(window)
    }

    // ---- Procedures ----

    pub fn procedures(&self, query: &ProcedureQuery) -> Result<Vec<Procedure>> {
        self.register.list_procedures(query)
    }

    pub fn procedure(&self, code: &str) -> Result<Procedure> {
        let code = canonical_code(code);
        self.register.procedure_by_code(&code)?.ok_or(Error::NotFound { what: "procedure", key: code })
    }

    /// The fields (lĩnh vực) in use, in Vietnamese order.
    pub fn fields(&self) -> Result<Vec<String>> {
        self.register.fields()
    }

    pub fn add_procedure(&mut self, input: ProcedureInput) -> Result<Procedure> {
        let input = self.validated(input)?;
        let stamp = self.stamp();
        self.register.insert_procedure(&input, &stamp)
    }

    /// Changes a procedure's fields. The code identifies it and cannot change (a new code is a new procedure).
    pub fn edit_procedure(&mut self, code: &str, input: ProcedureInput) -> Result<Procedure> {
        let before = self.procedure(code)?;
        let mut input = input;
        if input.code.trim().is_empty() {
            input.code = before.input.code.clone();
        }
        let input = self.validated(input)?;
        if input.code != before.input.code {
            let finding = Finding::new(FindingCode::BadProcedureCode, Place::field("code"))
                .with("value", &input.code)
                .with("expected", &before.input.code);
            return Err(Error::Invalid(vec![finding]));
        }
        let retired_on = if input.status.is_retired() { before.retired_on.or(Some(self.clock.today())) } else { None };
        let stamp = self.stamp();
        self.register.update_procedure(&before, &input, retired_on, "update", &stamp)
    }

    /// Retires a procedure: replaced by another code, or abolished. Its history stays.
    pub fn retire_procedure(&mut self, code: &str, retirement: Retirement) -> Result<Procedure> {
        let before = self.procedure(code)?;
        let mut input = before.input.clone();
        input.status =
            if retirement.replaced_by.is_some() { ProcedureStatus::Replaced } else { ProcedureStatus::Abolished };
        input.replaced_by = retirement.replaced_by;
        let input = self.validated(input)?;
        let stamp = self.stamp();
        self.register.update_procedure(&before, &input, Some(retirement.on), "retire", &stamp)
    }

    /// Deletes a procedure entered by mistake; one with case statistics must be retired instead.
    pub fn delete_procedure(&mut self, code: &str) -> Result<()> {
        let before = self.procedure(code)?;
        let stamp = self.stamp();
        self.register.delete_procedure(&before, &stamp)
    }

    /// Imports procedures from .xlsx or .csv. Every row is checked first; if any has an error nothing is written.
    /// Rows are matched by code, so importing the same file twice changes nothing.
    pub fn import_procedures<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<ImportReport> {
        let table = source.into().read()?;
        let parsed = transfer::parse_procedures(&table);
        let mut findings = parsed.findings;
        let in_file: BTreeSet<&str> = parsed.records.iter().map(|(_, p)| p.code.as_str()).collect();
        for (row, input) in &parsed.records {
            if let Some(target) = &input.replaced_by
                && !in_file.contains(target.as_str())
                && self.register.procedure_by_code(target)?.is_none()
            {
                findings.push(
                    Finding::new(
                        FindingCode::UnknownReplacement,
                        Place::cell(&table.sheet, *row, transfer::REPLACED_BY_HEADER),
                    )
                    .with("value", target),
                );
            }
        }
        let inputs: Vec<ProcedureInput> = parsed.records.into_iter().map(|(_, p)| p).collect();
        self.apply_import(inputs, findings, dry_run, progress, |register, rows, stamp, commit, tick| {
            register.upsert_procedures(rows, stamp, commit, tick)
        })
    }

    /// Exports every procedure (retired ones too) to .xlsx or .csv in the import's columns. Returns the row count.
    pub fn export_procedures(&self, path: &Path) -> Result<usize> {
        let all =
            self.register.list_procedures(&ProcedureQuery { include_retired: true, ..ProcedureQuery::default() })?;
        let inputs: Vec<ProcedureInput> = all.into_iter().map(|p| p.input).collect();
        sheet::write_table(path, &transfer::procedures_table(&inputs))?;
        Ok(inputs.len())
    }

    /// Writes an empty procedure template with the Vietnamese column headers.
    pub fn write_procedure_template(path: &Path) -> Result<()> {
        sheet::write_table(path, &transfer::procedure_template())
    }

    // ---- Case statistics (Biểu 06) ----

    /// A period's statistics with totals and rates. A field's figures are its whole-field row where there is one,
    /// otherwise the sum of its per-procedure rows.
    pub fn stats(&self, period: PeriodKey) -> Result<StatsTable> {
        let window = self.period(period)?;
        let rows = self.register.stats_rows(Some(period))?;
        let total = self.period_total(period)?;
        Ok(StatsTable { window, rows, on_time_rate: on_time_rate(&total), online_rate: online_rate(&total), total })
    }

    /// The on-time rate of a year (its Year period), in percent; `None` when nothing was resolved.
    pub fn year_on_time_rate(&self, year: i32) -> Result<Option<f64>> {
        Ok(on_time_rate(&self.period_total(PeriodKey::new(year, crate::model::PeriodKind::Year))?))
    }

    /// Saves one row as typed (nothing typed is lost) and returns what is wrong with it.
    pub fn set_stats(&mut self, row: StatsRow) -> Result<Vec<Finding>> {
        let mut row = row;
        row.field = text::clean(&row.field);
        row.procedure = row.procedure.map(|c| canonical_code(&c)).filter(|c| !c.is_empty());
        if row.field.is_empty() {
            return Err(Error::Invalid(vec![Finding::new(FindingCode::RequiredMissing, Place::field("field"))]));
        }
        if let Some(code) = &row.procedure {
            self.procedure(code)?;
        }
        let stamp = self.stamp();
        self.register.upsert_stats(std::slice::from_ref(&row), &stamp, true, &|_| {})?;
        let period = row.period;
        Ok(self.check(Some(period))?.into_iter().filter(|f| same_row(f, &row)).collect())
    }

    /// Imports statistics from .xlsx or .csv; all rows are checked first, as for procedures. Rows are matched by
    /// period, field and procedure, so importing the same file twice changes nothing.
    pub fn import_stats<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<ImportReport> {
        let table = source.into().read()?;
        let parsed = transfer::parse_stats(&table);
        let mut findings = parsed.findings;
        let fields: BTreeSet<String> = self.fields()?.into_iter().collect();
        for (row_number, row) in &parsed.records {
            let place = Place::row(&table.sheet, *row_number);
            if let Some(code) = &row.procedure
                && self.register.procedure_by_code(code)?.is_none()
            {
                findings.push(
                    Finding::new(
                        FindingCode::UnknownProcedure,
                        Place::cell(&table.sheet, *row_number, transfer::STATS_CODE_HEADER),
                    )
                    .with("value", code),
                );
            }
            if !fields.contains(&row.field) {
                findings.push(
                    Finding::new(
                        FindingCode::FieldWithoutProcedures,
                        Place::cell(&table.sheet, *row_number, transfer::STATS_FIELD_HEADER),
                    )
                    .with("value", &row.field),
                );
            }
            findings.extend(check_row(row, None, &place).into_iter().map(|mut f| {
                f.place.column = f.place.column.as_deref().map(transfer::stats_header).map(str::to_string);
                f
            }));
        }
        let rows: Vec<StatsRow> = parsed.records.into_iter().map(|(_, r)| r).collect();
        self.apply_import(rows, findings, dry_run, progress, |register, rows, stamp, commit, tick| {
            register.upsert_stats(rows, stamp, commit, tick)
        })
    }

    /// Exports statistics (one period, or all) to .xlsx or .csv in the import's columns. Returns the row count.
    pub fn export_stats(&self, path: &Path, period: Option<PeriodKey>) -> Result<usize> {
        let rows = self.register.stats_rows(period)?;
        sheet::write_table(path, &transfer::stats_table(&rows))?;
        Ok(rows.len())
    }

    pub fn write_stats_template(path: &Path) -> Result<()> {
        sheet::write_table(path, &transfer::stats_template())
    }

    /// Checks the statistics of one period (or every period) and the procedures' replacements; every problem at once.
    pub fn check(&self, period: Option<PeriodKey>) -> Result<Vec<Finding>> {
        let mut findings = Vec::new();
        let procedures =
            self.register.list_procedures(&ProcedureQuery { include_retired: true, ..Default::default() })?;
        let codes: BTreeSet<&str> = procedures.iter().map(|p| p.input.code.as_str()).collect();
        for p in &procedures {
            if let Some(target) = &p.input.replaced_by
                && !codes.contains(target.as_str())
            {
                let place = Place {
                    procedure: Some(p.input.code.clone()),
                    column: Some("replaced_by".into()),
                    ..Place::default()
                };
                findings.push(Finding::new(FindingCode::UnknownReplacement, place).with("value", target));
            }
        }
        let fields: BTreeSet<String> = self.fields()?.into_iter().collect();
        let periods = match period {
            Some(p) => vec![p],
            None => self.register.stats_periods()?,
        };
        for key in periods {
            let window = self.period(key)?;
            let previous = self.previous_in_progress(&window)?;
            for row in self.register.stats_rows(Some(key))? {
                let place = Place {
                    period: Some(key.to_string()),
                    field: Some(row.field.clone()),
                    procedure: row.procedure.clone(),
                    ..Place::default()
                };
                let before =
                    previous.as_ref().map(|m| m.get(&(row.field.clone(), row.procedure.clone())).copied().unwrap_or(0));
                findings.extend(check_row(&row, before, &place));
                if !fields.contains(&row.field) {
                    findings.push(Finding::new(FindingCode::FieldWithoutProcedures, place).with("value", &row.field));
                }
            }
        }
        Ok(findings)
    }

    /// The change log, newest first.
    pub fn change_log(&self, limit: usize) -> Result<Vec<ChangeEntry>> {
        self.register.change_log(limit)
    }

    // ---- helpers ----

    fn stamp(&self) -> Stamp {
        Stamp { at: self.clock.timestamp(), actor: self.actor.clone() }
    }

    fn validated(&self, input: ProcedureInput) -> Result<ProcedureInput> {
        let input = input.cleaned();
        let findings = input.validate();
        if findings.is_empty() { Ok(input) } else { Err(Error::Invalid(findings)) }
    }

    fn period_total(&self, period: PeriodKey) -> Result<CaseFigures> {
        Ok(total_of(&self.register.stats_sums(period)?))
    }

    /// The totals of every period of the years `first..=last` that has statistics (as `period_total`).
    fn period_totals(&self, first: i32, last: i32) -> Result<BTreeMap<PeriodKey, CaseFigures>> {
        Ok(self.register.stats_sums_of_years(first, last)?.iter().map(|(key, sums)| (*key, total_of(sums))).collect())
    }

    /// In-progress totals at the end of the window just before `window`, by (field, procedure); `None` when the
    /// register has no statistics for such a period (nothing to compare with).
    fn previous_in_progress(&self, window: &PeriodWindow) -> Result<Option<InProgressByRow>> {
        let day_before = window.start - Duration::days(1);
        for key in self.register.stats_periods()? {
            if key < window.key && self.period(key)?.end == day_before {
                let rows = self.register.stats_rows(Some(key))?;
                return Ok(Some(
                    rows.into_iter().map(|r| ((r.field, r.procedure), r.figures.in_progress_total)).collect(),
                ));
            }
        }
        Ok(None)
    }

    fn apply_import<T>(
        &mut self,
        rows: Vec<T>,
        findings: Vec<Finding>,
        dry_run: bool,
        progress: Progress<'_>,
        upsert: impl Fn(&mut Register, &[T], &Stamp, bool, &dyn Fn(usize)) -> Result<UpsertCounts>,
    ) -> Result<ImportReport> {
        let mut findings = findings;
        findings.sort_by(|a, b| (&a.place.row, &a.place.column, a.code).cmp(&(&b.place.row, &b.place.column, b.code)));
        let has_errors = findings.iter().any(Finding::is_error);
        if has_errors && !dry_run {
            return Err(Error::Invalid(findings));
        }
        let total = rows.len();
        if !dry_run && !has_errors && total > 0 {
            // The register as it was before the import is kept as a verified copy (unless the newest one holds it).
            self.backup_if_changed(BackupReason::Import)?;
        }
        let counts = if has_errors {
            UpsertCounts::default()
        } else {
            let stamp = self.stamp();
            upsert(&mut self.register, &rows, &stamp, !dry_run, &|done| progress(done, total))?
        };
        Ok(ImportReport { dry_run, rows: total, counts, findings })
    }
}

fn canonical_code(code: &str) -> String {
    crate::model::ProcedureCode::parse(code).map(String::from).unwrap_or_else(|| text::clean(code))
}

fn same_row(finding: &Finding, row: &StatsRow) -> bool {
    finding.place.period.as_deref() == Some(&row.period.to_string())
        && finding.place.field.as_deref() == Some(row.field.as_str())
        && finding.place.procedure == row.procedure
}

/// How far ahead a person's deadline to meet the standard shows (summary and deadlines board), in days.
pub const STANDARD_HORIZON_DAYS: i64 = 180;
/// How far ahead a task's deadline shows on the deadlines board, in days.
pub const TASK_HORIZON_DAYS: i64 = 30;

// ---- Staffing (biên chế), reform plans and the deadlines board ----
impl App {
    /// The staff categories (data in the register), in their fixed order.
    pub fn staff_categories(&self) -> Result<Vec<StaffCategory>> {
        self.register.staff_categories()
    }

    /// Sets the quota of one year and category (adds or replaces it). Saving the same quota writes nothing.
    pub fn set_quota(&mut self, quota: Quota) -> Result<Quota> {
        let quota = quota.cleaned();
        let mut findings = quota.validate();
        findings.extend(self.category_findings(&quota.category, Some(quota.year), None, "category")?);
        if findings.iter().any(Finding::is_error) {
            return Err(refused("staff_quota", findings));
        }
        let stamp = self.stamp();
        self.register.upsert_quotas(std::slice::from_ref(&quota), &stamp, true, &|_| {})?;
        Ok(quota)
    }

    /// Quotas of one year, or of every year.
    pub fn quotas(&self, year: Option<i32>) -> Result<Vec<Quota>> {
        self.register.quotas(year)
    }

    /// Enters a headcount as a total, for a category whose people the unit does not record one by one.
    pub fn set_headcount(&mut self, headcount: Headcount) -> Result<Headcount> {
        let mut headcount = headcount;
        headcount.category = text::clean(&headcount.category);
        let mut findings = headcount.validate();
        findings.extend(self.category_findings(&headcount.category, Some(headcount.year), None, "category")?);
        if findings.iter().any(Finding::is_error) {
            return Err(refused("staff_headcount", findings));
        }
        let stamp = self.stamp();
        self.register.set_headcount(&headcount, &stamp)?;
        Ok(headcount)
    }

    pub fn headcounts(&self, year: Option<i32>) -> Result<Vec<Headcount>> {
        self.register.headcounts(year)
    }

    /// Every person on record (present or not), in Vietnamese order of their names.
    pub fn people(&self) -> Result<Vec<Person>> {
        self.register.people()
    }

    pub fn person(&self, id: i64) -> Result<Person> {
        self.register.person(id)?.ok_or(Error::NotFound { what: "person", key: id.to_string() })
    }

    pub fn add_person(&mut self, input: PersonInput) -> Result<Person> {
        let input = self.validated_person(input)?;
        let stamp = self.stamp();
        self.register.insert_person(&input, &stamp)
    }

    pub fn edit_person(&mut self, id: i64, input: PersonInput) -> Result<Person> {
        let before = self.person(id)?;
        let input = self.validated_person(input)?;
        let stamp = self.stamp();
        self.register.update_person(&before, &input, &stamp)
    }

    /// The staffing on `date`, against the quotas of its year. A category's present headcount comes from its
    /// people when it has any record, otherwise from the entered total.
    pub fn staffing(&self, date: NaiveDate) -> Result<StaffingSummary> {
        let year = date.year();
        let quotas = self.register.quotas(Some(year))?;
        let entered = self.register.headcounts(Some(year))?;
        let people = self.register.people()?;
        let mut rows = Vec::new();
        let mut findings = Vec::new();
        let (mut known, mut unknown, mut meeting) = (0i64, 0i64, 0i64);
        for category in self.register.staff_categories()? {
            let quota = quotas.iter().find(|q| q.category == category.code).map(|q| q.quota);
            let records: Vec<&Person> = people.iter().filter(|p| p.input.category == category.code).collect();
            let present_people: Vec<&&Person> = records.iter().filter(|p| p.present_on(date)).collect();
            let entered_count = entered.iter().find(|h| h.category == category.code);
            let (present, source, meeting_standard) = if !records.is_empty() {
                let met = present_people.iter().filter(|p| p.input.standard_met).count() as i64;
                (present_people.len() as i64, "people", Some(met))
            } else if let Some(h) = entered_count {
                (h.count, "entered", h.meeting_standard)
            } else {
                (0, "none", Some(0))
            };
            match meeting_standard {
                Some(met) => {
                    known += present;
                    meeting += met;
                }
                None => unknown += present,
            }
            if quota.is_none() && present == 0 && source == "none" {
                continue;
            }
            let place = || Place::record(category.name.clone());
            match quota {
                Some(q) if present > q => findings.push(
                    Finding::new(FindingCode::OverQuota, place())
                        .with("value", &category.name)
                        .with("year", year)
                        .with("present", present)
                        .with("quota", q),
                ),
                None if present > 0 => findings.push(
                    Finding::new(FindingCode::NoQuota, place())
                        .with("value", &category.name)
                        .with("year", year)
                        .with("present", present),
                ),
                _ => {}
            }
            rows.push(CategoryStaffing {
                category: category.code.clone(),
                name: category.name.clone(),
                quota,
                present,
                source,
                vacancies: quota.map(|q| q - present),
                meeting_standard,
            });
        }
        let with_quota = rows.iter().filter(|r| r.quota.is_some());
        let quota_total = with_quota.clone().filter_map(|r| r.quota).sum();
        let present_total = with_quota.clone().map(|r| r.present).sum();
        let vacancies = with_quota.filter_map(|r| r.vacancies).filter(|v| *v > 0).sum();
        Ok(StaffingSummary {
            date,
            year,
            rows,
            quota: quota_total,
            present: present_total,
            vacancies,
            standard_share: (known > 0).then(|| meeting as f64 * 100.0 / known as f64),
            standard_known: known,
            standard_unknown: unknown,
            standard_due: standard_due(&people, date),
            findings,
        })
    }

    // ---- Reform plans and tasks ----

    pub fn reform_areas(&self) -> Result<Vec<ReformArea>> {
        self.register.reform_areas()
    }

    pub fn plans(&self, year: Option<i32>) -> Result<Vec<Plan>> {
        self.register.plans(year)
    }

    pub fn plan(&self, year: i32, number: &str) -> Result<Plan> {
        let number = text::clean(number);
        self.register.plan(year, &number)?.ok_or(Error::NotFound { what: "plan", key: format!("{year} {number}") })
    }

    /// Adds a plan; a date after today is saved with a warning (a mistyped year is common).
    pub fn add_plan(&mut self, input: PlanInput) -> Result<Saved<Plan>> {
        let input = input.cleaned();
        let findings = input.validate();
        if !findings.is_empty() {
            return Err(refused("plan", findings));
        }
        let stamp = self.stamp();
        let plan = self.register.insert_plan(&input, &stamp)?;
        Ok(self.plan_saved(plan))
    }

    fn plan_saved(&self, plan: Plan) -> Saved<Plan> {
        let date = plan.input.date;
        self.with_date_warning(plan, "plan", date)
    }

    /// Changes a plan's kind, date and title; its year and number identify it and cannot change.
    pub fn edit_plan(&mut self, year: i32, number: &str, input: PlanInput) -> Result<Saved<Plan>> {
        let before = self.plan(year, number)?;
        let input = input.cleaned();
        let mut findings = input.validate();
        if input.year != before.input.year || input.number != before.input.number {
            findings.push(
                Finding::new(FindingCode::BadChoice, Place::field("number"))
                    .with("value", format!("{} {}", input.year, input.number))
                    .with("expected", format!("{} {}", before.input.year, before.input.number)),
            );
        }
        if !findings.is_empty() {
            return Err(refused("plan", findings));
        }
        let stamp = self.stamp();
        let plan = self.register.update_plan(&before, &input, &stamp)?;
        Ok(self.plan_saved(plan))
    }

    /// Tasks of the plans of one year, or of all.
    pub fn tasks(&self, year: Option<i32>) -> Result<Vec<Task>> {
        self.register.tasks(year)
    }

    pub fn task(&self, id: i64) -> Result<Task> {
        self.register.task(id)?.ok_or(Error::NotFound { what: "task", key: id.to_string() })
    }

    pub fn add_task(&mut self, input: TaskInput) -> Result<Task> {
        let input = self.validated_task(input)?;
        let stamp = self.stamp();
        self.register.insert_task(&input, &stamp)
    }

    pub fn edit_task(&mut self, id: i64, input: TaskInput) -> Result<Task> {
        let before = self.task(id)?;
        let input = self.validated_task(input)?;
        let stamp = self.stamp();
        self.register.update_task(&before, &input, &stamp)
    }

    /// Completion of the tasks of the plans of `date`'s year, by reform area and overall, and the tasks overdue on
    /// `date`. The register keeps a task's status, not its history, so the rates are those known now.
    pub fn plan_progress(&self, date: NaiveDate) -> Result<PlanProgress> {
        let tasks = self.register.tasks(Some(date.year()))?;
        let areas = self
            .register
            .reform_areas()?
            .into_iter()
            .map(|a| {
                AreaProgress::of(&a.code, &a.name, tasks.iter().filter(|t| t.input.area == a.code).map(|t| &t.input))
            })
            .collect();
        Ok(PlanProgress {
            date,
            year: date.year(),
            areas,
            overall: AreaProgress::of("", "Tổng cộng", tasks.iter().map(|t| &t.input)),
            overdue: tasks.iter().filter(|t| t.input.overdue_on(date)).cloned().collect(),
        })
    }

    // ---- The ISO 9001 quality system ----

    pub fn iso_version(&self) -> Result<Option<IsoVersion>> {
        self.register.iso_version()
    }

    pub fn set_iso_version(&mut self, version: IsoVersion) -> Result<IsoVersion> {
        let stamp = self.stamp();
        self.register.set_iso_version(version, &stamp)?;
        Ok(version)
    }

    /// Announcements (công bố, công bố lại) by date, each with the procedure codes it covers.
    pub fn iso_announcements(&self) -> Result<Vec<Announcement>> {
        self.register.iso_announcements()
    }

    /// Records an announcement; every code must name a procedure of the register that is not retired. A date after
    /// today is saved with a warning.
    pub fn add_iso_announcement(&mut self, input: AnnouncementInput) -> Result<Saved<Announcement>> {
        let input = input.cleaned();
        let mut findings = input.validate();
        let procedures =
            self.register.list_procedures(&ProcedureQuery { include_retired: true, ..Default::default() })?;
        for code in &input.procedures {
            match procedures.iter().find(|p| &p.input.code == code) {
                None => findings
                    .push(Finding::new(FindingCode::UnknownProcedure, Place::field("procedures")).with("value", code)),
                Some(p) if p.input.status.is_retired() => findings
                    .push(Finding::new(FindingCode::IsoScopeRetired, Place::field("procedures")).with("value", code)),
                Some(_) => {}
            }
        }
        if !findings.is_empty() {
            return Err(refused("iso_announcement", findings));
        }
        let stamp = self.stamp();
        let announcement = self.register.insert_iso_announcement(&input, &stamp)?;
        Ok(self.with_date_warning(announcement, "iso_announcement", input.date))
    }

    /// A saved record with the warning its date deserves when it is after today (something that has happened).
    fn with_date_warning<T>(&self, record: T, entity: &str, date: NaiveDate) -> Saved<T> {
        let warnings =
            date_in_future("date", date, self.clock.today()).into_iter().map(|f| f.of_entity(entity)).collect();
        Saved { record, warnings }
    }

    /// The codes of the procedures in force flagged "in ISO scope", for `--all-in-scope`.
    pub fn iso_scope_codes(&self) -> Result<Vec<String>> {
        let procedures = self.register.list_procedures(&ProcedureQuery::default())?;
        Ok(procedures.into_iter().filter(|p| p.input.in_iso_scope).map(|p| p.input.code).collect())
    }

    pub fn iso_audits(&self) -> Result<Vec<Audit>> {
        self.register.iso_audits()
    }

    /// Records an internal audit; a date after today is saved with a warning.
    pub fn add_iso_audit(&mut self, input: AuditInput) -> Result<Saved<Audit>> {
        let input = AuditInput { scope: text::clean(&input.scope), findings: text::clean(&input.findings), ..input };
        let stamp = self.stamp();
        let audit = self.register.insert_iso_audit(&input, &stamp)?;
        Ok(self.with_date_warning(audit, "iso_audit", input.date))
    }

    pub fn iso_nonconformities(&self) -> Result<Vec<Nonconformity>> {
        self.register.iso_nonconformities()
    }

    /// Records a nonconformity found by an audit together with its corrective action (owner and due date required,
    /// due not before the audit).
    pub fn add_iso_nonconformity(&mut self, input: NonconformityInput) -> Result<Nonconformity> {
        let input = NonconformityInput {
            description: text::clean(&input.description),
            action: text::clean(&input.action),
            owner: text::clean(&input.owner),
            ..input
        };
        let audit = self
            .register
            .iso_audit(input.audit_id)?
            .ok_or(Error::NotFound { what: "iso_audit", key: input.audit_id.to_string() })?;
        let content = if input.action.is_empty() { input.description.clone() } else { input.action.clone() };
        let action =
            ActionInput { source: ActionSource::Nonconformity(0), content, owner: input.owner.clone(), due: input.due };
        let mut findings = Vec::new();
        if input.description.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("description")));
        }
        findings.extend(action.validate().into_iter().filter(|f| f.place.column.as_deref() != Some("content")));
        if let Some(due) = input.due {
            findings.extend(dates_in_order(("audit", audit.input.date), ("due", due)));
        }
        if !findings.is_empty() {
            return Err(refused("iso_nonconformity", findings));
        }
        let stamp = self.stamp();
        self.register.insert_iso_nonconformity(&input, &action, &stamp)
    }

    pub fn iso_reviews(&self) -> Result<Vec<Review>> {
        self.register.iso_reviews()
    }

    /// Records a management review; a date after today is saved with a warning.
    pub fn add_iso_review(&mut self, input: ReviewInput) -> Result<Saved<Review>> {
        let input = ReviewInput { decisions: text::clean(&input.decisions), ..input };
        let stamp = self.stamp();
        let review = self.register.insert_iso_review(&input, &stamp)?;
        Ok(self.with_date_warning(review, "iso_review", input.date))
    }

    /// Corrective actions and review actions, by due date.
    pub fn iso_actions(&self) -> Result<Vec<IsoAction>> {
        self.register.iso_actions()
    }

    /// Adds an action decided by a management review (corrective actions come with their nonconformity).
    pub fn add_iso_review_action(
        &mut self,
        review_id: i64,
        content: &str,
        owner: &str,
        due: Option<NaiveDate>,
    ) -> Result<IsoAction> {
        let review = self
            .register
            .iso_reviews()?
            .into_iter()
            .find(|r| r.id == review_id)
            .ok_or(Error::NotFound { what: "iso_review", key: review_id.to_string() })?;
        let input = ActionInput {
            source: ActionSource::Review(review_id),
            content: content.to_string(),
            owner: owner.to_string(),
            due,
        }
        .cleaned();
        let mut findings = input.validate();
        if let Some(due) = due {
            findings.extend(dates_in_order(("review", review.input.date), ("due", due)));
        }
        if !findings.is_empty() {
            return Err(refused("iso_action", findings));
        }
        let stamp = self.stamp();
        self.register.insert_iso_action(&input, &stamp)
    }

    /// Marks an action done; the effectiveness check, when given, is not before the day it was done.
    pub fn complete_iso_action(
        &mut self,
        id: i64,
        done_on: NaiveDate,
        checked: Option<NaiveDate>,
    ) -> Result<IsoAction> {
        let before =
            self.register.iso_action(id)?.ok_or(Error::NotFound { what: "iso_action", key: id.to_string() })?;
        if let Some(checked) = checked
            && let Some(f) = dates_in_order(("done", done_on), ("effectiveness_checked", checked))
        {
            return Err(refused("iso_action", vec![f]));
        }
        let stamp = self.stamp();
        self.register.complete_iso_action(&before, done_on, checked, &stamp)
    }

    pub fn iso_legal_changes(&self) -> Result<Vec<LegalChange>> {
        self.register.iso_legal_changes()
    }

    /// Records a legal text to bring into the system; it is due three months after it takes effect.
    pub fn add_iso_legal_change(&mut self, input: LegalChangeInput) -> Result<LegalChange> {
        let input = LegalChangeInput { text: text::clean(&input.text), ..input };
        if input.text.is_empty() {
            return Err(refused(
                "iso_legal_change",
                vec![Finding::new(FindingCode::RequiredMissing, Place::field("text"))],
            ));
        }
        let stamp = self.stamp();
        self.register.insert_iso_legal_change(&input, &stamp)
    }

    pub fn complete_iso_legal_change(&mut self, id: i64, done_on: NaiveDate) -> Result<LegalChange> {
        let before = self
            .register
            .iso_legal_change(id)?
            .ok_or(Error::NotFound { what: "iso_legal_change", key: id.to_string() })?;
        let stamp = self.stamp();
        self.register.complete_iso_legal_change(&before, done_on, &stamp)
    }

    pub fn iso_reports(&self) -> Result<Vec<IsoReport>> {
        self.register.iso_reports()
    }

    pub fn set_iso_report(&mut self, report: IsoReport) -> Result<IsoReport> {
        let report = IsoReport { number: text::clean(&report.number), ..report };
        let mut findings = Vec::new();
        if !(2000..=2100).contains(&report.year) {
            findings.push(
                Finding::new(FindingCode::OutOfRange, Place::field("year"))
                    .with("value", report.year)
                    .with("min", 2000)
                    .with("max", 2100),
            );
        }
        if !findings.is_empty() {
            return Err(refused("iso_report", findings));
        }
        let stamp = self.stamp();
        self.register.set_iso_report(&report, &stamp)?;
        Ok(report)
    }

    /// True once the unit keeps an ISO system: a version is set or an announcement is recorded. Communes are only
    /// encouraged to apply ISO 9001 (QĐ 19/2014/QĐ-TTg), so checks and deadlines are silent until then.
    pub fn iso_in_use(&self) -> Result<bool> {
        Ok(self.register.iso_version()?.is_some() || !self.register.iso_announcements()?.is_empty())
    }

    /// The status of `year` seen on `today`: announced by the year's end; every procedure in force flagged in ISO
    /// scope covered by the latest announcement, and every covered code still in the register and not retired; an
    /// internal audit and a management review held in the year; legal changes and open actions overdue on `today`.
    pub fn iso_status(&self, year: i32, today: NaiveDate) -> Result<IsoStatus> {
        let year_end = NaiveDate::from_ymd_opt(year, 12, 31)
            .ok_or_else(|| Error::Invalid(vec![Finding::new(FindingCode::OutOfRange, Place::field("year"))]))?;
        let mut findings = Vec::new();
        let announcement = self.register.iso_announcements()?.into_iter().rfind(|a| a.input.date <= year_end);
        if announcement.is_none() {
            findings.push(Finding::new(FindingCode::IsoNotAnnounced, Place::default()).with("year", year));
        }
        if let Some(a) = &announcement {
            let procedures =
                self.register.list_procedures(&ProcedureQuery { include_retired: true, ..Default::default() })?;
            let record = a.input.record();
            let covered: BTreeSet<&str> = a.input.procedures.iter().map(String::as_str).collect();
            for p in &procedures {
                if p.input.in_iso_scope && !p.input.status.is_retired() && !covered.contains(p.input.code.as_str()) {
                    let place = Place { procedure: Some(p.input.code.clone()), ..Place::record(&record) };
                    findings.push(Finding::new(FindingCode::IsoScopeMissing, place).with("value", &p.input.code));
                }
            }
            for code in &a.input.procedures {
                let place = Place { procedure: Some(code.clone()), ..Place::record(&record) };
                match procedures.iter().find(|p| &p.input.code == code) {
                    None => findings.push(Finding::new(FindingCode::IsoScopeUnknown, place).with("value", code)),
                    Some(p) if p.input.status.is_retired() => {
                        findings.push(Finding::new(FindingCode::IsoScopeRetired, place).with("value", code))
                    }
                    Some(_) => {}
                }
            }
        }
        let audits: Vec<Audit> =
            self.register.iso_audits()?.into_iter().filter(|a| a.input.date.year() == year).collect();
        if audits.is_empty() {
            findings.push(Finding::new(FindingCode::IsoAuditMissing, Place::default()).with("year", year));
        }
        let reviews: Vec<Review> =
            self.register.iso_reviews()?.into_iter().filter(|r| r.input.date.year() == year).collect();
        if reviews.is_empty() {
            findings.push(Finding::new(FindingCode::IsoReviewMissing, Place::default()).with("year", year));
        }
        let overdue_legal_changes: Vec<LegalChange> =
            self.register.iso_legal_changes()?.into_iter().filter(|c| c.overdue_on(today)).collect();
        for c in &overdue_legal_changes {
            findings.push(
                Finding::new(FindingCode::IsoLegalChangeOverdue, Place::record(&c.text))
                    .with("value", &c.text)
                    .with("due", c.due.format("%d/%m/%Y")),
            );
        }
        let overdue_actions: Vec<IsoAction> =
            self.register.iso_actions()?.into_iter().filter(|a| a.overdue_on(today)).collect();
        for a in &overdue_actions {
            findings.push(
                Finding::new(FindingCode::IsoActionOverdue, Place::record(a.record()))
                    .with("value", &a.content)
                    .with("due", a.due.format("%d/%m/%Y"))
                    .with("owner", &a.owner),
            );
        }
        let report = self.register.iso_reports()?.into_iter().find(|r| r.year == year);
        Ok(IsoStatus {
            year,
            today,
            version: self.register.iso_version()?,
            announced: announcement.is_some(),
            announcement,
            audits,
            reviews,
            report,
            overdue_legal_changes,
            overdue_actions,
            findings,
        })
    }

    /// The ISO findings of this year, for `check` without a period; none while the unit keeps no ISO system.
    pub fn check_iso(&self) -> Result<Vec<Finding>> {
        if !self.iso_in_use()? {
            return Ok(Vec::new());
        }
        let today = self.clock.today();
        Ok(self.iso_status(today.year(), today)?.findings)
    }

    /// The ISO lines of the deadlines board: legal changes not done and open actions due within 30 days or late, and
    /// this year's internal audit and management review when not yet held (due 31/12).
    fn iso_deadlines(&self, today: NaiveDate) -> Result<Vec<DeadlineItem>> {
        let days = |due: NaiveDate| (due - today).num_days();
        let mut items = Vec::new();
        for change in self.register.iso_legal_changes()? {
            if change.done_on.is_some() || days(change.due) > TASK_HORIZON_DAYS {
                continue;
            }
            items.push(DeadlineItem {
                kind: DeadlineKind::IsoLegalChange,
                what: format!("Cập nhật văn bản mới vào hệ thống ISO: {}", change.text),
                record: format!("Hiệu lực từ {}", change.effective.format("%d/%m/%Y")),
                due: change.due,
                days_left: days(change.due),
            });
        }
        for action in self.register.iso_actions()? {
            if action.status == ActionStatus::Done || days(action.due) > TASK_HORIZON_DAYS {
                continue;
            }
            items.push(DeadlineItem {
                kind: DeadlineKind::IsoAction,
                what: format!("Hành động khắc phục: {}", action.content),
                record: action.owner.clone(),
                due: action.due,
                days_left: days(action.due),
            });
        }
        let year_end = NaiveDate::from_ymd_opt(today.year(), 12, 31).expect("valid");
        if !self.register.iso_audits()?.iter().any(|a| a.input.date.year() == today.year()) {
            items.push(DeadlineItem {
                kind: DeadlineKind::IsoAudit,
                what: format!("Đánh giá nội bộ ISO 9001 năm {}", today.year()),
                record: today.year().to_string(),
                due: year_end,
                days_left: days(year_end),
            });
        }
        if !self.register.iso_reviews()?.iter().any(|r| r.input.date.year() == today.year()) {
            items.push(DeadlineItem {
                kind: DeadlineKind::IsoReview,
                what: format!("Xem xét của lãnh đạo về hệ thống ISO 9001 năm {}", today.year()),
                record: today.year().to_string(),
                due: year_end,
                days_left: days(year_end),
            });
        }
        Ok(items)
    }

    // ---- Deadlines board ----

    /// Everything due, computed from the registers for `today`, sorted by due date: the next two periodic reports
    /// (windows with the unit's overrides), open tasks due within 30 days or late, and present people's deadlines to
    /// meet the standard within 180 days or past.
    pub fn deadlines(&self, today: NaiveDate) -> Result<Vec<DeadlineItem>> {
        let mut items = Vec::new();
        let days = |due: NaiveDate| (due - today).num_days();
        let mut reports = Vec::new();
        for year in today.year() - 1..=today.year() + 1 {
            for kind in crate::model::PeriodKind::ALL {
                let window = self.period(PeriodKey::new(year, kind))?;
                if window.deadline >= today {
                    reports.push(window);
                }
            }
        }
        reports.sort_by_key(|w| (w.deadline, w.key));
        for window in reports.into_iter().take(2) {
            items.push(DeadlineItem {
                kind: DeadlineKind::Report,
                what: format!("Gửi báo cáo CCHC {}", window.key.label()),
                record: window.key.to_string(),
                due: window.deadline,
                days_left: days(window.deadline),
            });
        }
        for task in self.register.tasks(None)? {
            let Some(due) = task.input.deadline else { continue };
            if task.input.status.is_closed() || days(due) > TASK_HORIZON_DAYS {
                continue;
            }
            items.push(DeadlineItem {
                kind: DeadlineKind::Task,
                what: format!("Nhiệm vụ: {}", task.input.content),
                record: format!("Kế hoạch số {} (năm {})", task.input.plan_number, task.input.plan_year),
                due,
                days_left: days(due),
            });
        }
        let people = self.register.people()?;
        for due in standard_due(&people, today) {
            items.push(DeadlineItem {
                kind: DeadlineKind::StaffStandard,
                what: format!("Đạt chuẩn: {}", due.person),
                record: due.person.clone(),
                due: due.deadline,
                days_left: due.days_left,
            });
        }
        if self.iso_in_use()? {
            items.extend(self.iso_deadlines(today)?);
        }
        items.extend(self.assessment_deadlines(today)?);
        items.sort_by(|a, b| (a.due, a.kind, &a.what).cmp(&(b.due, b.kind, &b.what)));
        Ok(items)
    }

    /// The checks of every register besides procedures and statistics (staffing, plans, ISO), all at once: what
    /// `check` adds when it looks at the whole register, and what the dashboard lists beside a period's problems.
    pub fn check_registers(&self) -> Result<Vec<Finding>> {
        let mut findings = self.check_staffing_and_plans()?;
        findings.extend(self.check_iso()?);
        Ok(findings)
    }

    /// Checks staffing and plans, every problem at once: a category with people but no quota, present above quota
    /// (for every year with quotas, on 31/12 or today for the current year), a quota for a category that had ended,
    /// a person who left before joining, a task due before its plan was issued.
    pub fn check_staffing_and_plans(&self) -> Result<Vec<Finding>> {
        let today = self.clock.today();
        let mut findings = Vec::new();
        let mut years: BTreeSet<i32> = self.register.quotas(None)?.iter().map(|q| q.year).collect();
        years.insert(today.year());
        for year in years.into_iter().filter(|y| *y <= today.year()) {
            let day = if year == today.year() { today } else { NaiveDate::from_ymd_opt(year, 12, 31).expect("valid") };
            findings.extend(self.staffing(day)?.findings);
        }
        for quota in self.register.quotas(None)? {
            findings.extend(
                self.category_findings(&quota.category, Some(quota.year), None, "category")?.into_iter().map(
                    |mut f| {
                        f.place.record = Some(format!("Biên chế năm {}", quota.year));
                        f
                    },
                ),
            );
        }
        for person in self.register.people()? {
            findings.extend(person.input.validate().into_iter().map(|mut f| {
                f.place.record = Some(person.input.name.clone());
                f
            }));
        }
        let plans = self.register.plans(None)?;
        for task in self.register.tasks(None)? {
            if let Some(f) = task_before_plan(&task.input, &plans) {
                let mut f = f.of_entity("task");
                f.place.record = Some(format!("Kế hoạch số {}: {}", task.input.plan_number, task.input.content));
                findings.push(f);
            }
        }
        Ok(findings)
    }

    // ---- Imports and exports of quotas, people and tasks ----

    /// Imports quotas from .xlsx or .csv: every row checked first, nothing written if any has an error. Rows are
    /// matched by (year, category), so importing the same file twice changes nothing.
    pub fn import_quotas<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<ImportReport> {
        let table = source.into().read()?;
        let categories = self.category_choices()?;
        let parsed = transfer::parse_quotas(&table, &categories);
        let mut findings = parsed.findings;
        for (row, quota) in &parsed.records {
            for f in self.category_findings(&quota.category, Some(quota.year), None, "category")? {
                findings
                    .push(Finding { place: Place::cell(&table.sheet, *row, transfer::quota_header("category")), ..f });
            }
        }
        let rows: Vec<Quota> = parsed.records.into_iter().map(|(_, q)| q).collect();
        self.apply_import(rows, findings, dry_run, progress, |register, rows, stamp, commit, tick| {
            register.upsert_quotas(rows, stamp, commit, tick)
        })
    }

    /// Exports every quota in the import's columns. Returns the row count.
    pub fn export_quotas(&self, path: &Path) -> Result<usize> {
        let quotas = self.register.quotas(None)?;
        sheet::write_table(path, &transfer::quotas_table(&quotas, &self.category_choices()?))?;
        Ok(quotas.len())
    }

    pub fn write_quota_template(path: &Path) -> Result<()> {
        sheet::write_table(path, &transfer::quota_template())
    }

    /// Imports people; matched by name and date joined (two people of one name are told apart by that date).
    pub fn import_people<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<ImportReport> {
        let table = source.into().read()?;
        let categories = self.category_choices()?;
        let parsed = transfer::parse_people(&table, &categories);
        let mut findings = parsed.findings;
        for (row, person) in &parsed.records {
            for f in self.category_findings(&person.category, None, person.joined, "category")? {
                findings
                    .push(Finding { place: Place::cell(&table.sheet, *row, transfer::person_header("category")), ..f });
            }
        }
        let rows: Vec<PersonInput> = parsed.records.into_iter().map(|(_, p)| p).collect();
        self.apply_import(rows, findings, dry_run, progress, |register, rows, stamp, commit, tick| {
            register.upsert_people(rows, stamp, commit, tick)
        })
    }

    /// Exports every person (those who left too) in the import's columns. Returns the row count.
    pub fn export_people(&self, path: &Path) -> Result<usize> {
        let people: Vec<PersonInput> = self.register.people()?.into_iter().map(|p| p.input).collect();
        sheet::write_table(path, &transfer::people_table(&people, &self.category_choices()?))?;
        Ok(people.len())
    }

    pub fn write_people_template(path: &Path) -> Result<()> {
        sheet::write_table(path, &transfer::people_template())
    }

    /// Imports plan tasks; the plans must exist. Matched by plan (year, number) and content.
    pub fn import_tasks<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<ImportReport> {
        let table = source.into().read()?;
        let areas = self.register.reform_areas()?;
        let choices: Vec<(String, String)> = areas.iter().map(|a| (a.code.clone(), a.name.clone())).collect();
        let parsed = transfer::parse_tasks(&table, &choices);
        let mut findings = parsed.findings;
        let plans = self.register.plans(None)?;
        for (row, task) in &parsed.records {
            for f in self.task_findings(task, &plans, &areas) {
                let column = transfer::task_header(f.place.column.as_deref().unwrap_or(""));
                findings.push(Finding { place: Place::cell(&table.sheet, *row, column), ..f });
            }
        }
        findings.dedup();
        let rows: Vec<TaskInput> = parsed.records.into_iter().map(|(_, t)| t).collect();
        self.apply_import(rows, findings, dry_run, progress, |register, rows, stamp, commit, tick| {
            register.upsert_tasks(rows, stamp, commit, tick)
        })
    }

    /// Exports the tasks of one year's plans (or all) in the import's columns. Returns the row count.
    pub fn export_tasks(&self, path: &Path, year: Option<i32>) -> Result<usize> {
        let tasks: Vec<TaskInput> = self.register.tasks(year)?.into_iter().map(|t| t.input).collect();
        let choices: Vec<(String, String)> =
            self.register.reform_areas()?.into_iter().map(|a| (a.code, a.name)).collect();
        sheet::write_table(path, &transfer::tasks_table(&tasks, &choices))?;
        Ok(tasks.len())
    }

    pub fn write_task_template(path: &Path) -> Result<()> {
        sheet::write_table(path, &transfer::task_template())
    }

    // ---- helpers for staffing and plans ----

    /// An unknown category (BAD_CHOICE), or one that had ended before `year` or `day` (CATEGORY_ENDED).
    fn category_findings(
        &self,
        code: &str,
        year: Option<i32>,
        day: Option<NaiveDate>,
        column: &str,
    ) -> Result<Vec<Finding>> {
        let categories = self.register.staff_categories()?;
        let Some(category) = categories.iter().find(|c| c.code == code) else {
            if code.is_empty() {
                return Ok(Vec::new());
            }
            let allowed: Vec<&str> = categories.iter().map(|c| c.code.as_str()).collect();
            return Ok(vec![
                Finding::new(FindingCode::BadChoice, Place::field(column))
                    .with("value", code)
                    .with("allowed", allowed.join(", ")),
            ]);
        };
        let after_end = category
            .valid_until
            .is_some_and(|until| year.is_some_and(|y| y > until.year()) || day.is_some_and(|d| d > until));
        Ok(if after_end {
            vec![Finding::new(FindingCode::CategoryEnded, Place::field(column)).with("value", &category.name).with(
                "valid_until",
                category.valid_until.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default(),
            )]
        } else {
            Vec::new()
        })
    }

    fn category_choices(&self) -> Result<Vec<(String, String)>> {
        Ok(self.register.staff_categories()?.into_iter().map(|c| (c.code, c.name)).collect())
    }

    fn validated_person(&self, input: PersonInput) -> Result<PersonInput> {
        let input = input.cleaned();
        let mut findings = input.validate();
        findings.extend(self.category_findings(&input.category, None, input.joined, "category")?);
        if findings.iter().any(Finding::is_error) { Err(refused("person", findings)) } else { Ok(input) }
    }

    fn task_findings(&self, input: &TaskInput, plans: &[Plan], areas: &[ReformArea]) -> Vec<Finding> {
        let mut findings = input.validate();
        if !input.area.is_empty() && !areas.iter().any(|a| a.code == input.area) {
            let allowed: Vec<&str> = areas.iter().map(|a| a.code.as_str()).collect();
            findings.push(
                Finding::new(FindingCode::BadChoice, Place::field("area"))
                    .with("value", &input.area)
                    .with("allowed", allowed.join(", ")),
            );
        }
        if !input.plan_number.is_empty()
            && !plans.iter().any(|p| p.input.year == input.plan_year && p.input.number == input.plan_number)
        {
            findings.push(
                Finding::new(FindingCode::UnknownPlan, Place::field("plan"))
                    .with("value", format!("{} ({})", input.plan_number, input.plan_year)),
            );
        }
        findings.extend(task_before_plan(input, plans));
        findings
    }

    fn validated_task(&self, input: TaskInput) -> Result<TaskInput> {
        let mut input = input.cleaned();
        input.area = area_code(&input.area, &self.register.reform_areas()?);
        let findings = self.task_findings(&input, &self.register.plans(None)?, &self.register.reform_areas()?);
        if findings.iter().any(Finding::is_error) { Err(refused("task", findings)) } else { Ok(input) }
    }
}

/// Present people who do not yet meet the standard and whose deadline is within the horizon (or past).
fn standard_due(people: &[Person], day: NaiveDate) -> Vec<StandardDue> {
    let mut due: Vec<StandardDue> = people
        .iter()
        .filter(|p| p.present_on(day) && !p.input.standard_met)
        .filter_map(|p| {
            let deadline = p.input.standard_deadline?;
            let days_left = (deadline - day).num_days();
            (days_left <= STANDARD_HORIZON_DAYS).then(|| StandardDue {
                person: p.input.name.clone(),
                category: p.input.category.clone(),
                deadline,
                days_left,
            })
        })
        .collect();
    due.sort_by(|a, b| (a.deadline, &a.person).cmp(&(b.deadline, &b.person)));
    due
}

/// Refuses an input of `entity` ("task", "plan", …) with its findings, each naming that kind of record, so that
/// a column is captioned as that record's form names it.
fn refused(entity: &str, findings: Vec<Finding>) -> Error {
    Error::Invalid(findings.into_iter().map(|f| f.of_entity(entity)).collect())
}

/// A task whose deadline is before the date of its plan.
fn task_before_plan(input: &TaskInput, plans: &[Plan]) -> Option<Finding> {
    let plan = plans.iter().find(|p| p.input.year == input.plan_year && p.input.number == input.plan_number)?;
    let deadline = input.deadline?;
    (deadline < plan.input.date).then(|| {
        Finding::new(FindingCode::TaskBeforePlan, Place::field("deadline"))
            .with("deadline", deadline.format("%d/%m/%Y"))
            .with("plan_date", plan.input.date.format("%d/%m/%Y"))
    })
}

/// Accepts an area's code or its Vietnamese name (with or without diacritics); anything else passes unchanged.
fn area_code(input: &str, areas: &[ReformArea]) -> String {
    let folded = text::fold(input);
    areas
        .iter()
        .find(|a| a.code == input || text::fold(&a.name) == folded)
        .map(|a| a.code.clone())
        .unwrap_or_else(|| input.to_string())
}

// ---- Official reports: drafts, edited sections, pages, PDF, the outgoing-document register ----
impl App {
    /// The sections of a report: each one's draft from the register and the official's text if edited (none for
    /// Biểu 06). An issued report shows the texts it was issued with.
    pub fn report_sections(&self, kind: ReportKind, period: PeriodKey) -> Result<Vec<ReportSection>> {
        let period = report_period(kind, period)?;
        let edited = self.register.report_sections(kind, period)?;
        Ok(match kind {
            ReportKind::Periodic => report::periodic_sections(&self.report_data(kind, period)?, &edited),
            ReportKind::Stats => Vec::new(),
            ReportKind::Assessment => report::assessment_sections(&self.assessment_report_data(period, None)?, &edited),
        })
    }

    /// Keeps the official's text of one section (`Some`), or drops it so the draft is printed again (`None`).
    /// The text is cleaned (NFC, trimmed lines); an empty text resets the section.
    pub fn set_report_section(
        &mut self,
        kind: ReportKind,
        period: PeriodKey,
        section: &str,
        text: Option<&str>,
    ) -> Result<ReportSection> {
        let period = report_period(kind, period)?;
        let key = kind
            .sections()
            .iter()
            .find(|(k, _)| *k == section.trim())
            .map(|(k, _)| *k)
            .ok_or_else(|| Error::NotFound { what: "report_section", key: section.to_string() })?;
        if let Some(issued) = self.register.outgoing_for_report(kind, period)? {
            return Err(Error::ReportIssued(issued.input.number_text()));
        }
        // Tabs and other spacing become plain spaces: the report font draws no control characters.
        let spaced = |line: &str| line.split_whitespace().collect::<Vec<_>>().join(" ");
        let cleaned =
            text.map(|t| t.lines().map(|l| spaced(&text::clean(l))).collect::<Vec<_>>().join("\n").trim().to_string());
        let cleaned = cleaned.filter(|t| !t.is_empty());
        let stamp = self.stamp();
        self.register.set_report_section(kind, period, key, cleaned.as_deref(), &stamp)?;
        self.report_sections(kind, period)?
            .into_iter()
            .find(|s| s.key == key)
            .ok_or_else(|| Error::NotFound { what: "report_section", key: key.to_string() })
    }

    /// The report as a document to lay out, as it prints today (an issued report prints its kept copy instead).
    pub fn report_document(&self, kind: ReportKind, period: PeriodKey) -> Result<layout::Document> {
        self.report_document_as(kind, report_period(kind, period)?, None)
    }

    /// The report as a document; `issuing` stands in for the register's entry while a report is being issued.
    fn report_document_as(
        &self,
        kind: ReportKind,
        period: PeriodKey,
        issuing: Option<&OutgoingDocument>,
    ) -> Result<layout::Document> {
        let edited = self.register.report_sections(kind, period)?;
        Ok(match kind {
            ReportKind::Periodic => {
                let mut data = self.report_data(kind, period)?;
                if let Some(doc) = issuing {
                    data.issued = Some(doc.clone());
                }
                report::periodic_document(&data, &report::periodic_sections(&data, &edited))
            }
            ReportKind::Stats => {
                let mut data = self.report_data(kind, period)?;
                if let Some(doc) = issuing {
                    data.issued = Some(doc.clone());
                }
                report::stats_document(&data)
            }
            ReportKind::Assessment => {
                let data = self.assessment_report_data(period, issuing)?;
                report::assessment_document(&data, &report::assessment_sections(&data, &edited))
            }
        })
    }

    /// The report laid out on pages (positions in millimetres). Refuses text the bundled font cannot draw. An
    /// issued report gives the pages it was issued with.
    pub fn report_pages(&self, kind: ReportKind, period: PeriodKey) -> Result<Vec<layout::Page>> {
        let period = report_period(kind, period)?;
        if let Some(copy) = self.register.issued_copy(kind, period)? {
            return issued_pages(&copy);
        }
        let document = self.report_document_as(kind, period, None)?;
        self.lay_out(&document)
    }

    /// The report as PDF bytes: the same register, report and clock give the same bytes; an issued report gives
    /// the very bytes it was issued with.
    pub fn report_pdf(&self, kind: ReportKind, period: PeriodKey) -> Result<Vec<u8>> {
        let period = report_period(kind, period)?;
        if let Some(copy) = self.register.issued_copy(kind, period)? {
            return Ok(copy.pdf);
        }
        let document = self.report_document_as(kind, period, None)?;
        Ok(self.print(&document)?.1)
    }

    /// The report's pages and PDF bytes from one drafting and one layout (what `report_pages` and `report_pdf`
    /// give one at a time).
    pub fn report_printed(&self, kind: ReportKind, period: PeriodKey) -> Result<(Vec<layout::Page>, Vec<u8>)> {
        let period = report_period(kind, period)?;
        if let Some(copy) = self.register.issued_copy(kind, period)? {
            return Ok((issued_pages(&copy)?, copy.pdf));
        }
        let document = self.report_document_as(kind, period, None)?;
        self.print(&document)
    }

    /// Lays out and writes a document: its pages and PDF bytes.
    fn print(&self, document: &layout::Document) -> Result<(Vec<layout::Page>, Vec<u8>)> {
        let pages = self.lay_out(document)?;
        let info = pdf::Info {
            title: document.title.clone(),
            author: self.unit()?.name,
            subject: document.title.clone(),
            created: self.clock.now(),
        };
        let bytes = pdf::write(&pages, self.fonts()?, &info)?;
        Ok((pages, bytes))
    }

    /// Writes the report as PDF to `path` (through a locked partial file beside it, so a failed write leaves no half
    /// file); returns the number of pages and bytes written.
    pub fn write_report_pdf(&self, kind: ReportKind, period: PeriodKey, path: &Path) -> Result<PrintedReport> {
        let (pages, bytes) = self.report_printed(kind, period)?;
        partial::write(path, &bytes, Folder::Shared)?;
        Ok(PrintedReport { pages: pages.len(), bytes: bytes.len() as u64 })
    }

    /// Issues a report: registers it in the year's outgoing-document register with the next number (or `number`),
    /// dated `date` (today when `None`), and keeps the copy printed with that number and date — pages and PDF —
    /// in the same transaction. From then on the report prints as that copy.
    pub fn issue_report(
        &mut self,
        kind: ReportKind,
        period: PeriodKey,
        date: Option<NaiveDate>,
        number: Option<i64>,
    ) -> Result<OutgoingDocument> {
        let period = report_period(kind, period)?;
        let date = date.unwrap_or_else(|| self.clock.today());
        let year = date.year();
        if let Some(n) = number.filter(|n| *n <= 0) {
            let finding = Finding::new(FindingCode::OutOfRange, Place::field("number")).with("value", n).with("min", 1);
            return Err(Error::Invalid(vec![finding]));
        }
        if let Some(issued) = self.register.outgoing_for_report(kind, period)? {
            return Err(Error::AlreadyExists { what: "outgoing_document", key: issued.input.subject });
        }
        let number = match number {
            Some(n) => n,
            None => self.register.next_outgoing_number(year)?,
        };
        let unit = self.unit()?;
        let draft = self.report_document_as(kind, period, None)?;
        let input = OutgoingInput {
            year,
            number,
            symbol: report::labels::REPORT_SYMBOL.to_string(),
            date,
            subject: draft.title,
            signer: unit.signer.name.clone(),
            recipients: unit.recipients.clone(),
            report: Some((kind, period)),
        };
        let stamp = self.stamp();
        // The copy is printed as the issued document will read: with its number and date.
        let issuing = OutgoingDocument { id: 0, input: input.clone(), created_at: stamp.at.clone() };
        let document = self.report_document_as(kind, period, Some(&issuing))?;
        let (pages, pdf) = self.print(&document)?;
        let copy = IssuedCopy { pages_json: serde_json::to_string(&pages).expect("pages serialise"), pdf };
        // The issued report keeps the words it was issued with: every section's text is stored with it.
        let sections: Vec<(String, String)> =
            self.report_sections(kind, period)?.into_iter().map(|s| (s.key.clone(), s.text().to_string())).collect();
        self.register.insert_outgoing(&input, &sections, Some(&copy), &stamp)
    }

    /// The outgoing-document register of a year (or every year), by number.
    pub fn outgoing_documents(&self, year: Option<i32>) -> Result<Vec<OutgoingDocument>> {
        self.register.outgoing_documents(year)
    }

    fn fonts(&self) -> Result<&pdf::Fonts> {
        if let Some(fonts) = self.fonts.get() {
            return Ok(fonts);
        }
        let fonts = pdf::Fonts::load(&self.assets.fonts)?;
        Ok(self.fonts.get_or_init(|| fonts))
    }

    fn lay_out(&self, document: &layout::Document) -> Result<Vec<layout::Page>> {
        let fonts = self.fonts()?;
        let missing: String = layout::characters(document)
            .into_iter()
            .filter(|c| !c.is_control() && fonts.advance(layout::Style::Regular, *c).is_none())
            .map(|c| format!("“{c}” (U+{:04X})", c as u32))
            .collect::<Vec<_>>()
            .join(", ");
        if !missing.is_empty() {
            return Err(Error::MissingGlyphs(missing));
        }
        let laid = layout::layout(document, fonts);
        if !laid.missing.is_empty() {
            let list = laid.missing.iter().map(|c| format!("“{c}” (U+{:04X})", *c as u32)).collect::<Vec<_>>();
            return Err(Error::MissingGlyphs(list.join(", ")));
        }
        Ok(laid.pages)
    }

    /// What the self-assessment report says: the year's assessment, the latest earlier one, the evidence linked.
    fn assessment_report_data(
        &self,
        period: PeriodKey,
        issuing: Option<&OutgoingDocument>,
    ) -> Result<report::AssessmentReportData> {
        let year = period.year;
        let scores = |year: i32| -> Result<report::YearScores> {
            let (assessment, set, _) = self.open_assessment(year)?;
            let entries = self.register.score_entries(assessment.id)?;
            Ok(report::YearScores { assessment, set, entries })
        };
        let current = scores(year)?;
        let earlier = self.register.assessments()?.into_iter().map(|(a, _)| a.year).filter(|y| *y < year).max();
        let previous = earlier.map(scores).transpose()?;
        let linked: std::collections::BTreeSet<i64> =
            current.entries.values().filter(|e| !e.not_applicable).flat_map(|e| e.evidence.iter().copied()).collect();
        let evidence = self.register.evidence_list()?.into_iter().filter(|e| linked.contains(&e.id)).collect();
        let issued = match issuing {
            Some(doc) => Some(doc.clone()),
            None => self.register.outgoing_for_report(ReportKind::Assessment, period)?,
        };
        Ok(report::AssessmentReportData {
            unit: self.unit()?,
            today: self.clock.today(),
            issued,
            current,
            previous,
            evidence,
        })
    }

    /// What a report says, read from the register.
    fn report_data(&self, kind: ReportKind, period: PeriodKey) -> Result<report::ReportData> {
        let window = self.period(period)?;
        let end = window.end;
        // In name order from the register; a stable sort by field keeps that order within each field.
        let mut procedures = self.procedures(&ProcedureQuery::default())?;
        let field_keys = text::sort_keys(procedures.iter().map(|p| p.input.field.as_str()));
        procedures.sort_by(|a, b| field_keys[&a.input.field].cmp(&field_keys[&b.input.field]));
        let iso = if self.iso_in_use()? { Some(self.iso_status(period.year, end)?) } else { None };
        // The comparison and the chart's rates need only each period's sums, read for both years at once.
        let totals = self.period_totals(period.year - 1, period.year)?;
        Ok(report::ReportData {
            unit: self.unit()?,
            stats: self.stats(period)?,
            previous: {
                let key = PeriodKey::new(period.year - 1, period.kind);
                totals.get(&key).map(|total| (key, *total))
            },
            rates: PeriodKind::ALL
                .into_iter()
                .map(|kind| {
                    let rate = |year| totals.get(&PeriodKey::new(year, kind)).and_then(on_time_rate);
                    (kind, rate(period.year), rate(period.year - 1))
                })
                .collect(),
            today: self.clock.today(),
            issued: self.register.outgoing_for_report(kind, period)?,
            procedures,
            plans: self.plans(Some(period.year))?,
            tasks: self.tasks(Some(period.year))?,
            progress: self.plan_progress(end)?,
            staffing: self.staffing(end)?,
            iso,
        })
    }
}

/// A profile whose "Nơi nhận" list is empty takes the standard lines ("Như trên", "Lưu: VT"): the list is never
/// empty on paper, and what the window shows is what the reports print.
fn with_copies(mut profile: UnitProfile) -> UnitProfile {
    if profile.copies_to.is_empty() {
        profile.copies_to = crate::report::with_standard_copies(&[]);
    }
    profile
}

/// The pages an issued report keeps (stored as JSON with it).
fn issued_pages(copy: &IssuedCopy) -> Result<Vec<layout::Page>> {
    serde_json::from_str(&copy.pages_json).map_err(|e| Error::RegisterDamaged(format!("issued report pages: {e}")))
}

/// A period's total: per field, the whole-field rows where the field has them, else the sum of its per-procedure
/// rows.
fn total_of(sums: &[(String, CaseFigures, CaseFigures)]) -> CaseFigures {
    let mut total = CaseFigures::default();
    for (_, whole_field, per_procedure) in sums {
        total.add(if *whole_field != CaseFigures::default() { whole_field } else { per_procedure });
    }
    total
}

/// The period a report is kept under: the self-assessment report is a year's (any period of the year names it);
/// the others are the period's own.
fn report_period(kind: ReportKind, period: PeriodKey) -> Result<PeriodKey> {
    Ok(match kind {
        ReportKind::Assessment => PeriodKey::new(period.year, PeriodKind::Year),
        _ => period,
    })
}

/// The shells keep `App` behind a lock shared across threads.
#[allow(dead_code)]
fn app_is_send() {
    fn check<T: Send>() {}
    check::<App>();
}
