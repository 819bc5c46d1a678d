//! `App`: one method per use case. The command line, the desktop shell and the tests call this and nothing else;
//! it is the only module that combines the register, the model checks, files and the clock.

use crate::assets::Assets;
use crate::clock::Clock;
use crate::demo;
use crate::error::{Error, Result};
use crate::model::{
    CaseFigures, Finding, FindingCode, PeriodKey, PeriodWindow, Place, Procedure, ProcedureInput, ProcedureQuery,
    ProcedureStatus, Retirement, StatsRow, StatsTable, UnitProfile, check_row, on_time_rate, online_rate,
};
use crate::register::{ChangeEntry, Register, Stamp, UpsertCounts};
use crate::sheet;
use crate::text;
use crate::transfer;
use chrono::{Datelike, Duration};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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

pub struct App {
    register: Register,
    clock: Clock,
    assets: Assets,
    actor: String,
    migration_backup: Option<PathBuf>,
}

impl App {
    /// Creates a new register at `path` with the unit's profile. Refuses an existing file.
    pub fn create(path: &Path, profile: UnitProfile, assets: Assets, clock: Clock) -> Result<App> {
        let profile = profile.cleaned();
        let findings = profile.validate();
        if !findings.is_empty() {
            return Err(Error::Invalid(findings));
        }
        let register = Register::create(path)?;
        let mut app = App { register, clock, assets, actor: profile.user_name.clone(), migration_backup: None };
        let stamp = app.stamp();
        app.register.save_unit(&profile, &stamp)?;
        Ok(app)
    }

    /// Opens an existing register. A file that is not a register, is damaged or is newer than this program is
    /// refused untouched; an older one is copied into `backups/` beside it and migrated.
    pub fn open(path: &Path, assets: Assets, clock: Clock) -> Result<App> {
        let backup_dir = path.parent().unwrap_or(Path::new(".")).join("backups");
        let (register, migration_backup) = Register::open(path, &backup_dir, &clock.file_stamp())?;
        let actor = register.unit()?.map(|u| u.user_name).unwrap_or_default();
        Ok(App { register, clock, assets, actor, migration_backup })
    }

    /// Makes a separate demo register `demo.cchc` in `dir`: a realistic ward with its procedures and two years of
    /// statistics. Never touches the user's own register.
    pub fn create_demo(dir: &Path, assets: Assets, clock: Clock, progress: Progress<'_>) -> Result<(App, DemoSummary)> {
        let procedures = demo::procedures(&assets);
        let today = clock.today();
        let stats = demo::stats(&procedures, today.year() - 2..=today.year(), today, 2026);
        let path = dir.join("demo.cchc");
        let app = App::create_with_data(&path, demo::unit(), &procedures, &stats, assets, clock, progress)?;
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

    pub fn unit(&self) -> Result<UnitProfile> {
        self.register.unit()?.ok_or_else(|| Error::RegisterDamaged("the register has no unit profile".into()))
    }

    pub fn set_unit(&mut self, profile: UnitProfile) -> Result<UnitProfile> {
        let profile = profile.cleaned();
        let findings = profile.validate();
        if !findings.is_empty() {
            return Err(Error::Invalid(findings));
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
            return Err(Error::Invalid(vec![finding]));
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
    pub fn import_procedures(&mut self, path: &Path, dry_run: bool, progress: Progress<'_>) -> Result<ImportReport> {
        self.import_procedures_table(sheet::read_table(path)?, dry_run, progress)
    }

    /// Imports procedures from the content of a file the user picked (the desktop app); `name` gives its type.
    pub fn import_procedures_bytes(
        &mut self,
        name: &str,
        bytes: &[u8],
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<ImportReport> {
        self.import_procedures_table(sheet::read_table_bytes(Path::new(name), bytes)?, dry_run, progress)
    }

    fn import_procedures_table(
        &mut self,
        table: sheet::Table,
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<ImportReport> {
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
    pub fn import_stats(&mut self, path: &Path, dry_run: bool, progress: Progress<'_>) -> Result<ImportReport> {
        self.import_stats_table(sheet::read_table(path)?, dry_run, progress)
    }

    /// Imports statistics from the content of a file the user picked (the desktop app); `name` gives its type.
    pub fn import_stats_bytes(
        &mut self,
        name: &str,
        bytes: &[u8],
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<ImportReport> {
        self.import_stats_table(sheet::read_table_bytes(Path::new(name), bytes)?, dry_run, progress)
    }

    fn import_stats_table(
        &mut self,
        table: sheet::Table,
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<ImportReport> {
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
        let mut total = CaseFigures::default();
        for (_, whole_field, per_procedure) in self.register.stats_sums(period)? {
            total.add(if whole_field != CaseFigures::default() { &whole_field } else { &per_procedure });
        }
        Ok(total)
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
