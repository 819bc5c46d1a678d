//! `App`: one method per use case. The command line, the desktop shell and the tests call this and nothing else;
//! it is the only module that combines the register, the model checks, files and the clock.
//!
//! This file holds `App` itself, its constructors and the helpers every domain shares; the methods are in one file
//! per domain beside it (each one `impl App` block): `unit.rs`, `procedures.rs`, `stats.rs`, `imports.rs`,
//! `staffing.rs`, `plans.rs`, `iso.rs`, `deadlines.rs`, `reports.rs`, `assessment.rs`, `packages/` (report files
//! for the superior level, one file per side: the ward's export, the superior's import, received reports, expected
//! units, the roll-up), `backup.rs`, `demo.rs`; `data_folder.rs` (not `App`: where the user's register lives, for
//! the window and the command line alike).

mod assessment;
mod backup;
mod catalogs;
mod charts;
mod copies;
pub mod data_folder;
mod deadlines;
mod demo;
mod imports;
mod iso;
mod packages;
mod plans;
mod procedures;
mod reports;
mod staffing;
mod stats;
mod unit;

pub use assessment::{
    AssessmentView, CriteriaImport, CriteriaSummary, EVIDENCE_DIR, EVIDENCE_FILE_LIMIT, MetricReading,
};
pub use backup::{CountChange, RestorePreview, RestoreReport};
pub use charts::{ChartFigure, ChartRequest};
pub use copies::{ChangesSent, MergeItem, MergePreview, MergeReport, WorkCopyTaken};
pub use demo::{DemoSummary, Generated, UnitVariant};
pub use imports::{SheetColumn, SheetKind};
pub use packages::{
    ExportReport, FileClass, FileOutcome, PACKAGED_REPORTS, PackageImportReport, Rollup, RollupCounts, RollupUnit,
    UnitAssessment, UnitFigures, UnitReportStatus,
};
pub use reports::PrintedReport;

// The plain types App's methods take and return that are defined beside the code that makes them; the inner
// modules themselves are private to the crate.
pub use crate::backups::{BackupInfo, BackupReason};
pub use crate::package::{EntryRecord, Limits as PackageLimits, Manifest};
pub use crate::partial::Leftovers;
pub use crate::register::{ChangeEntry, ChangeLogQuery, CopyFacts, SCHEMA_VERSION, UpsertCounts, migration_names};
pub use crate::report::with_standard_copies;
pub use crate::sheet::Source;

/// A report as drafted (`report_document`) and as laid out in pages (`report_pages`, `lay_out`): plain data the
/// window draws and the tests read, with the NĐ 30/2020 measures the layout follows.
pub mod printed {
    pub use crate::layout::{
        Align, Block, Chart, Closing, Column, Document, HeaderCell, HeadingLevel, Item, Orientation, Page, Part, Row,
        Rule, Series, Style, Table, TextRun, read, rules,
    };
}

use crate::assets::Assets;
use crate::backups;
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::model::{Finding, FindingCode, Place, Saved, UnitProfile, date_in_future};
use crate::package::Limits;
use crate::register::{Register, Stamp};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Reports progress as (done, total); the command line draws a bar, the desktop app an indicator.
pub type Progress<'a> = &'a dyn Fn(usize, usize);

/// Progress that goes nowhere.
pub fn no_progress(_: usize, _: usize) {}

/// What an import found and did (or, in a dry run, would do).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Records read from the file.
    pub rows: usize,
    pub counts: UpsertCounts,
    /// Every problem found: errors (nothing was written) and warnings.
    pub findings: Vec<Finding>,
}

/// The kinds of record and the people the change log names, each once (the log screen's filters).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ChangeLogFacets {
    pub entities: Vec<String>,
    pub actors: Vec<String>,
}

impl ImportReport {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
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
        // A work copy's edits are its holder's, whoever was the office's user.
        let actor = match register.work_copy()? {
            Some(copy) => copy.person,
            None => register.unit()?.map(|u| u.user_name).unwrap_or_default(),
        };
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

    /// SQLite's integrity check of a register file, read-only, with its row counts: what a backup is checked
    /// with, for any register file (`RegisterDamaged`, `NotARegister` or `SchemaTooNew` when it fails).
    pub fn check_file(path: &Path) -> Result<CopyFacts> {
        crate::register::verify_copy(path)
    }

    /// The change log, newest first.
    pub fn change_log(&self, limit: usize) -> Result<Vec<ChangeEntry>> {
        self.register.change_log(limit)
    }

    /// The change log's entries matching `query` (a kind of record, a person, a span of days), newest first.
    pub fn change_log_query(&self, query: &ChangeLogQuery) -> Result<Vec<ChangeEntry>> {
        self.register.change_log_query(query)
    }

    /// The kinds of record and the people the change log names (the filters of the window's log).
    pub fn change_log_facets(&self) -> Result<ChangeLogFacets> {
        let (entities, actors) = self.register.change_log_facets()?;
        Ok(ChangeLogFacets { entities, actors })
    }

    /// Who the change log names for the edits from now on: two people sharing one computer are told apart. The
    /// unit's profile keeps its own user (the default at each start); this lasts while the register stays open.
    pub fn set_actor(&mut self, name: &str) -> Result<String> {
        let name = crate::text::clean(name);
        if name.is_empty() {
            return Err(Error::Invalid(vec![Finding::new(FindingCode::RequiredMissing, Place::field("user_name"))]));
        }
        self.actor = name.clone();
        Ok(name)
    }

    /// Who the change log names for the next edit.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    fn stamp(&self) -> Stamp {
        Stamp { at: self.clock.timestamp(), actor: self.actor.clone() }
    }

    /// A saved record with the warning its date deserves when it is after today (something that has happened).
    fn with_date_warning<T>(&self, record: T, entity: &str, date: NaiveDate) -> Saved<T> {
        let warnings =
            date_in_future("date", date, self.clock.today()).into_iter().map(|f| f.of_entity(entity)).collect();
        Saved { record, warnings }
    }
}

/// How far ahead a person's deadline to meet the standard shows (summary and deadlines board), in days.
pub const STANDARD_HORIZON_DAYS: i64 = 180;
/// How far ahead a task's deadline shows on the deadlines board, in days.
pub const TASK_HORIZON_DAYS: i64 = 30;

/// Refuses an input of `entity` ("task", "plan", …) with its findings, each naming that kind of record, so that
/// a column is captioned as that record's form names it.
fn refused(entity: &str, findings: Vec<Finding>) -> Error {
    Error::Invalid(findings.into_iter().map(|f| f.of_entity(entity)).collect())
}

/// A profile whose "Nơi nhận" list is empty takes the standard lines ("Như trên", "Lưu: VT"): the list is never
/// empty on paper, and what the window shows is what the reports print.
fn with_copies(mut profile: UnitProfile) -> UnitProfile {
    if profile.copies_to.is_empty() {
        profile.copies_to = crate::report::with_standard_copies(&[]);
    }
    profile
}

/// The shells keep `App` behind a lock shared across threads.
#[allow(dead_code)]
fn app_is_send() {
    fn check<T: Send>() {}
    check::<App>();
}
