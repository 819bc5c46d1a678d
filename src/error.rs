//! `Error`: every failure a user can meet, each with a stable `ErrorCode` the UI and scripts switch on.
//!
//! Messages from `Display` are for developers and logs (English); the Vietnamese sentence for each code lives
//! in the front end's strings file and in `cli::messages` for the command line.

use crate::model::Finding;
use serde::Serialize;
use std::path::PathBuf;

/// Stable, serialisable codes. Never renumber or rename one: the UI and scripts depend on them.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    RegisterNotFound,
    RegisterExists,
    NotARegister,
    SchemaTooNew,
    RegisterDamaged,
    Invalid,
    NotFound,
    AlreadyExists,
    ProcedureHasHistory,
    FileUnreadable,
    FileFormat,
    BadPeriod,
    Io,
    Storage,
    MissingGlyphs,
    ReportIssued,
    WrongStage,
    /// The disk refused a write (full, or the file may not grow); nothing was half-written.
    DiskFull,
    /// A backup copy failed its check (integrity, schema, counts, checksum) and does not count.
    BackupInvalid,
    PackageRefused,
    /// Another process (the window, or a `cchc` command) is writing to the register; nothing was written.
    RegisterBusy,
    /// A CSV file that is not UTF-8 (Excel's "CSV (Comma delimited)", in the Windows code page); nothing was read.
    NotUtf8,
    /// The register open is a work copy: it cannot issue numbered documents, send report files, give work copies or
    /// merge changes (the office register does).
    WorkCopyCannot,
    /// Sending changes needs a work copy; the register open is the office's own.
    NotAWorkCopy,
    /// A work copy or changes file refused (unsafe, damaged, tampered, or not for this register); nothing written.
    FileRefused,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no register at {0}")]
    RegisterNotFound(PathBuf),
    #[error("a file already exists at {0}; refusing to overwrite it")]
    RegisterExists(PathBuf),
    #[error("{0} is not a cchc register")]
    NotARegister(PathBuf),
    #[error("register schema version {found} is newer than this program supports ({supported}); update the program")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("register is damaged: {0}")]
    RegisterDamaged(String),
    #[error("input has {} problem(s)", .0.iter().filter(|f| f.is_error()).count())]
    Invalid(Vec<Finding>),
    #[error("{what} not found: {key}")]
    NotFound { what: &'static str, key: String },
    #[error("{what} already exists: {key}")]
    AlreadyExists { what: &'static str, key: String },
    #[error("procedure {0} has case statistics; retire it instead of deleting it")]
    ProcedureHasHistory(String),
    #[error("cannot read {path}: {reason}")]
    FileUnreadable { path: PathBuf, reason: String },
    #[error("unsupported file type for {0}: use .xlsx or .csv")]
    FileFormat(PathBuf),
    #[error("bad period {0:?}: use 2025-Q1, 2025-H1, 2025-Q3 or 2025")]
    BadPeriod(String),
    #[error("file system error on {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("storage error: {0}")]
    Storage(String),
    #[error("the report font has no glyph for: {0}")]
    MissingGlyphs(String),
    #[error("report {0} is issued; its text can no longer change")]
    ReportIssued(String),
    /// The assessment of `year` is at a stage where this change is not allowed (a locked stage is read-only).
    #[error("the {year} assessment is at stage {stage}; {action} is not allowed there")]
    WrongStage { year: i32, stage: &'static str, action: &'static str },
    #[error("the copy was made by program {program}, whose register is newer than this program supports ({supported})")]
    CopyTooNew { program: String, supported: i64 },
    #[error("the disk refused a write (full, or the file may not grow): {0}")]
    DiskFull(String),
    #[error("backup {path} failed its check: {reason}")]
    BackupInvalid { path: PathBuf, reason: String },
    #[error("report file {path} refused: {} problem(s)", .findings.len())]
    PackageRefused { path: PathBuf, findings: Vec<Finding> },
    #[error("the register is busy: another process is writing to it: {0}")]
    RegisterBusy(String),
    #[error("{0} is not UTF-8 text; save it from Excel as \"CSV UTF-8\"")]
    NotUtf8(PathBuf),
    #[error("this register is a work copy and cannot {action}")]
    WorkCopyCannot { action: &'static str },
    #[error("this register is not a work copy")]
    NotAWorkCopy,
    #[error("{path} refused: {} finding(s)", findings.len())]
    FileRefused { path: PathBuf, findings: Vec<Finding> },
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::RegisterNotFound(_) => ErrorCode::RegisterNotFound,
            Error::RegisterExists(_) => ErrorCode::RegisterExists,
            Error::NotARegister(_) => ErrorCode::NotARegister,
            Error::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            Error::RegisterDamaged(_) => ErrorCode::RegisterDamaged,
            Error::Invalid(_) => ErrorCode::Invalid,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::AlreadyExists { .. } => ErrorCode::AlreadyExists,
            Error::ProcedureHasHistory(_) => ErrorCode::ProcedureHasHistory,
            Error::FileUnreadable { .. } => ErrorCode::FileUnreadable,
            Error::FileFormat(_) => ErrorCode::FileFormat,
            Error::BadPeriod(_) => ErrorCode::BadPeriod,
            Error::Io { .. } => ErrorCode::Io,
            Error::Storage(_) => ErrorCode::Storage,
            Error::MissingGlyphs(_) => ErrorCode::MissingGlyphs,
            Error::ReportIssued(_) => ErrorCode::ReportIssued,
            Error::WrongStage { .. } => ErrorCode::WrongStage,
            Error::DiskFull(_) => ErrorCode::DiskFull,
            Error::CopyTooNew { .. } => ErrorCode::SchemaTooNew,
            Error::BackupInvalid { .. } => ErrorCode::BackupInvalid,
            Error::PackageRefused { .. } => ErrorCode::PackageRefused,
            Error::RegisterBusy(_) => ErrorCode::RegisterBusy,
            Error::NotUtf8(_) => ErrorCode::NotUtf8,
            Error::WorkCopyCannot { .. } => ErrorCode::WorkCopyCannot,
            Error::NotAWorkCopy => ErrorCode::NotAWorkCopy,
            Error::FileRefused { .. } => ErrorCode::FileRefused,
        }
    }

    /// The findings carried by an `Invalid` or `PackageRefused` error (empty for other errors).
    pub fn findings(&self) -> &[Finding] {
        match self {
            Error::Invalid(findings) | Error::PackageRefused { findings, .. } | Error::FileRefused { findings, .. } => {
                findings
            }
            _ => &[],
        }
    }

    /// A file-system error on `path`; a full disk or a file that may not grow is `DiskFull`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        let path = path.into();
        if matches!(source.kind(), std::io::ErrorKind::StorageFull | std::io::ErrorKind::FileTooLarge) {
            return Error::DiskFull(format!("{}: {source}", path.display()));
        }
        Error::Io { path, source }
    }
}

impl From<crate::model::BadPeriod> for Error {
    fn from(bad: crate::model::BadPeriod) -> Error {
        Error::BadPeriod(bad.0)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
