//! Report files as the registers keep them: revisions a ward sent, units a superior expects, reports it received.

use crate::model::PeriodKey;
use serde::{Deserialize, Serialize};

/// A revision this unit exported (`package_sent`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentPackage {
    pub report_id: String,
    pub root_id: String,
    pub supersedes: Option<String>,
    pub revision: u32,
    pub period: PeriodKey,
    /// SHA-256 of the content (`Payload::content_sha256`: `data.json` alone when it is the only entry, otherwise the
    /// list of every entry's path, hash and size): an export with the same content is the same revision.
    pub data_sha256: String,
    /// SHA-256 of the whole file (its copy is `archive/<file_sha256>.cchc`).
    pub file_sha256: String,
    pub size: u64,
    pub approver: Option<String>,
    pub created_at: String,
}

/// A unit the superior level expects reports from (đơn vị thuộc phạm vi tổng hợp).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedUnit {
    pub code: String,
    pub name: String,
}

/// What became of a received file that was kept.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceivedStatus {
    /// The latest revision of its root: the one the roll-up uses.
    Current,
    /// Replaced by a later revision.
    Superseded,
    /// Older than a revision already received.
    Stale,
    /// A branch of a root, the same id with other bytes, or a second root for a unit and period.
    Conflict,
}

impl ReceivedStatus {
    pub fn key(self) -> &'static str {
        match self {
            ReceivedStatus::Current => "current",
            ReceivedStatus::Superseded => "superseded",
            ReceivedStatus::Stale => "stale",
            ReceivedStatus::Conflict => "conflict",
        }
    }

    pub fn parse(key: &str) -> Option<ReceivedStatus> {
        [ReceivedStatus::Current, ReceivedStatus::Superseded, ReceivedStatus::Stale, ReceivedStatus::Conflict]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// A received report without its JSON (what classifying a new file needs).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedSummary {
    pub report_id: String,
    pub root_id: String,
    pub supersedes: Option<String>,
    pub revision: u32,
    pub unit_code: String,
    pub unit_name: String,
    pub period: PeriodKey,
    pub file_sha256: String,
    pub size: u64,
    pub file_name: String,
    pub created_at: String,
    pub approved_at: Option<String>,
    pub approver: Option<String>,
    pub received_at: String,
    pub status: ReceivedStatus,
}

/// A received report with the manifest and data JSON exactly as they arrived.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReceivedReport {
    #[serde(flatten)]
    pub summary: ReceivedSummary,
    pub province: String,
    pub report_kind: String,
    pub format_version: u32,
    pub program_version: String,
    pub criteria_urn: Option<String>,
    pub criteria_version: Option<String>,
    pub manifest_json: String,
    pub data_json: String,
}

/// The register's file (sổ dữ liệu): `register.cchc`, `demo.cchc`.
pub const REGISTER_EXTENSION: &str = "cchc";
/// A backup copy of a register (bản sao lưu), told apart from the register it copies.
pub const BACKUP_EXTENSION: &str = "cchcsl";
/// A report file to or from the superior level (tệp báo cáo); the one a double click opens in the import.
pub const REPORT_FILE_EXTENSION: &str = "cchcbc";
/// What report files and backup copies were named before the three were told apart: they still open.
pub const LEGACY_EXTENSION: &str = "cchc";

/// Whether `path` ends in one of `extensions` (any case).
pub fn has_extension(path: &std::path::Path, extensions: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}
