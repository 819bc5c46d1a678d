//! `App` methods of the sheets (.xlsx, .csv): imports checked row by row before anything is written, exports in the
//! imports' columns, and empty templates; for procedures, statistics, quotas, people and plan tasks.

use super::{App, ImportReport, Progress};
use crate::backups::BackupReason;
use crate::error::{Error, Result};
use crate::model::{
    Finding, FindingCode, PeriodKey, PersonInput, Place, ProcedureInput, ProcedureQuery, Quota, StatsRow, TaskInput,
    check_row,
};
use crate::register::{Register, Stamp, UpsertCounts};
use crate::sheet::{self, Source};
use crate::transfer;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// A sheet the window imports, explains and offers an empty template of.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetKind {
    Procedures,
    Stats,
    Quotas,
    People,
    Tasks,
}

/// One column of a sheet, as the import dialog explains it before a file is chosen.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetColumn {
    /// The header the template writes ("Mã TTHC").
    pub header: String,
    /// A file without this column is refused.
    pub required: bool,
    /// Other headers read as this column (as the national portal's exports name them).
    pub aliases: Vec<String>,
}

impl App {
    /// The columns of a sheet, in the template's order: what the import dialog lists before a file is chosen.
    pub fn sheet_columns(kind: SheetKind) -> Vec<SheetColumn> {
        let info = match kind {
            SheetKind::Procedures => transfer::procedure_columns(),
            SheetKind::Stats => transfer::stats_columns(),
            SheetKind::Quotas => transfer::quota_columns(),
            SheetKind::People => transfer::people_columns(),
            SheetKind::Tasks => transfer::task_columns(),
        };
        info.into_iter()
            .map(|c| SheetColumn {
                header: c.header.to_string(),
                required: c.required,
                aliases: c.aliases.iter().map(|a| a.to_string()).collect(),
            })
            .collect()
    }

    /// Writes a sheet's empty template (.xlsx or .csv by the path's extension) with its Vietnamese headers.
    pub fn write_template(kind: SheetKind, path: &Path) -> Result<()> {
        match kind {
            SheetKind::Procedures => Self::write_procedure_template(path),
            SheetKind::Stats => Self::write_stats_template(path),
            SheetKind::Quotas => Self::write_quota_template(path),
            SheetKind::People => Self::write_people_template(path),
            SheetKind::Tasks => Self::write_task_template(path),
        }
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

    pub(super) fn apply_import<T>(
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

    fn category_choices(&self) -> Result<Vec<(String, String)>> {
        Ok(self.register.staff_categories()?.into_iter().map(|c| (c.code, c.name)).collect())
    }
}
