//! Findings: every problem in an input or a register, returned all at once (code, place, values), never one by one.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The data is wrong: an import refuses it, `check` exits non-zero.
    Error,
    /// Worth a look, but may be right (e.g. an unusual fee).
    Warning,
}

/// Stable codes; the UI and the command line map each to a Vietnamese sentence.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FindingCode {
    // Input cells and rows.
    MissingColumn,
    UnknownColumn,
    RequiredMissing,
    BadProcedureCode,
    BadNumber,
    BadDate,
    BadChoice,
    BadPeriod,
    EmptyRow,
    DuplicateInFile,
    TimeWithoutUnit,
    TimeVariesByChannel,
    OddFee,
    UnknownProcedure,
    UnknownReplacement,
    /// An empty cell in a yes/no column: the column's default was taken.
    FlagEmpty,
    /// The date of something that has already happened (a plan issued, an audit held) is after today.
    DateInFuture,
    // Case statistics (Biểu 06).
    Negative,
    ReceivedSumMismatch,
    ReceivedBalanceMismatch,
    ResolvedSumMismatch,
    InProgressSumMismatch,
    ApologyBelowLate,
    CarriedOverMismatch,
    FieldWithoutProcedures,
    // Staffing and reform plans.
    DatesOutOfOrder,
    OutOfRange,
    NoQuota,
    OverQuota,
    TaskBeforePlan,
    UnknownPlan,
    CategoryEnded,
    // The ISO 9001 quality system.
    IsoNotAnnounced,
    /// An announcement covering no procedure (none chosen, or none marked "in ISO scope" for `--all-in-scope`).
    IsoScopeEmpty,
    IsoScopeMissing,
    IsoScopeRetired,
    IsoScopeUnknown,
    IsoAuditMissing,
    IsoReviewMissing,
    IsoLegalChangeOverdue,
    IsoActionOverdue,
    // Criteria sets.
    CriteriaFormat,
    CriteriaShareMismatch,
    CriteriaSumMismatch,
    CriteriaDuplicateCode,
    CriteriaBandsOrder,
    CriteriaPointsOverMax,
    CriteriaRuleMissing,
    CriteriaRuleMismatch,
    CriteriaUnknownMetric,
    CriteriaNotNewer,
    // The self-assessment.
    UnknownCriterion,
    PointsNotAllowed,
    NotScored,
    EvidenceMissing,
    OverrideReasonMissing,
    BonusOverCap,
    PenaltyOverCap,
    FileTooLarge,
    // Report files (.cchc) received from outside.
    PackageNotZip,
    PackageTooLarge,
    PackageZipBomb,
    PackageUnsafePath,
    PackageLink,
    PackageUnknownEntry,
    PackageManifestMissing,
    PackageManifestUnreadable,
    PackageFormatTooNew,
    PackageEntryMissing,
    PackageSizeMismatch,
    PackageHashMismatch,
    PackageDataUnreadable,
    PackageDataMismatch,
    PackageUnitUnexpected,
    PackageFileUnreadable,
    /// Two entries of a report file with one name (or names one file system takes for the same file).
    PackageDuplicateEntry,
    /// A report id already received with other content (not the same entries re-zipped).
    PackageIdReused,
    // The self-assessment (appended).
    SurveyNotSelfScored,
    // The lists kept as data: staff categories and reform areas (appended).
    /// Another entry of the list already has that name.
    NameTaken,
    /// One of the entries every register starts with, which the reports name: it can be renamed, not removed.
    CatalogSeeded,
    /// An entry records still use (quotas, people, tasks): it cannot be removed.
    CatalogInUse,
    // Work copies and their changes files (appended).
    /// A changes file of another unit's register.
    ChangesOtherUnit,
    /// A changes file of a work copy of another register (of the same unit).
    ChangesOtherRegister,
    /// A changes file that comes after one of the same copy not merged yet.
    ChangesSkipped,
    /// A changes file whose number was merged already with other content, or which does not follow the one merged.
    ChangesChainBroken,
    /// A conflict the person has not chosen for.
    ConflictNotChosen,
    /// A merge's write that the register's rules refuse (a name taken by another record, a record it needs missing).
    MergeClash,
    /// A work copy with nothing changed since its last changes file.
    NothingToSend,
    /// A work-copy file whose register is not the work copy its description names.
    WorkCopyMismatch,
}

impl FindingCode {
    pub fn severity(self) -> Severity {
        use FindingCode::*;
        match self {
            UnknownColumn
            | TimeVariesByChannel
            | OddFee
            | ApologyBelowLate
            | CarriedOverMismatch
            | FieldWithoutProcedures
            | NoQuota
            | IsoNotAnnounced
            | IsoScopeMissing
            | IsoAuditMissing
            | IsoReviewMissing
            | BonusOverCap
            | PenaltyOverCap
            | PackageUnitUnexpected
            | FlagEmpty
            | DateInFuture => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// Where a finding is: a cell of a file (sheet, row, column) or a place in the register (period, field, procedure).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Place {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sheet: Option<String>,
    /// 1-based row number as the spreadsheet shows it (the header is row 1).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub row: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub column: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub procedure: Option<String>,
    /// Another record of the register: a person, a plan or a task, as the official knows it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub record: Option<String>,
    /// The kind of record `column` belongs to (`task`, `plan`, `iso_audit`…), so that the column is named as that
    /// record names it: a task's `deadline` is "Thời hạn hoàn thành", a period's is "Hạn gửi báo cáo".
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub entity: Option<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Finding {
    pub code: FindingCode,
    pub severity: Severity,
    pub place: Place,
    /// The values involved, by name (e.g. `total` = "12", `sum` = "11").
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub values: BTreeMap<String, String>,
}

impl Finding {
    pub fn new(code: FindingCode, place: Place) -> Finding {
        Finding { code, severity: code.severity(), place, values: BTreeMap::new() }
    }

    /// Adds a named value (builder style).
    pub fn with(mut self, name: &str, value: impl ToString) -> Finding {
        self.values.insert(name.to_string(), value.to_string());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Names the kind of record the finding's column belongs to (kept when one is already named; a file's cell
    /// is named by its own header instead).
    pub fn of_entity(mut self, entity: &str) -> Finding {
        if self.place.entity.is_none() && self.place.sheet.is_none() {
            self.place.entity = Some(entity.to_string());
        }
        self
    }
}

impl Place {
    pub fn cell(sheet: &str, row: usize, column: &str) -> Place {
        Place { sheet: Some(sheet.to_string()), row: Some(row), column: Some(column.to_string()), ..Place::default() }
    }

    pub fn row(sheet: &str, row: usize) -> Place {
        Place { sheet: Some(sheet.to_string()), row: Some(row), ..Place::default() }
    }

    pub fn record(what: impl Into<String>) -> Place {
        Place { record: Some(what.into()), ..Place::default() }
    }

    pub fn field(name: &str) -> Place {
        Place { column: Some(name.to_string()), ..Place::default() }
    }
}

/// A record as saved, with the warnings found while checking it (errors refuse the save instead). Serialised as the
/// record's own fields plus `warnings`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Saved<T> {
    #[serde(flatten)]
    pub record: T,
    pub warnings: Vec<Finding>,
}

/// A warning when the date of something that has already happened (a plan issued, an audit held) is after `today`:
/// typing 2021 for 2020 is a common slip.
pub fn date_in_future(column: &str, date: NaiveDate, today: NaiveDate) -> Option<Finding> {
    (date > today).then(|| {
        Finding::new(FindingCode::DateInFuture, Place::field(column))
            .with("value", date.format("%d/%m/%Y"))
            .with("today", today.format("%d/%m/%Y"))
    })
}
