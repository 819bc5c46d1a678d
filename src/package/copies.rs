//! The two files of working away from the office (`docs/package-format.md`): a **work copy** (`.cchclv`: the
//! register as it was taken, marked as the copy of a named person, with evidence files) and a **changes file**
//! (`.cchctd`: what a work copy changed since it was taken or since its previous changes file, with the evidence
//! files those changes need). Both are zip files with a `manifest.json` listing every entry's SHA-256 and size,
//! read with the same hostile-input defences as the report file.

use super::{
    EVIDENCE_DIR, EntryRecord, Limits, MANIFEST, PROGRAM_VERSION, read_entries, records, sha256_hex, verify_entries,
    zip_with_manifest,
};
use crate::model::{Finding, FindingCode, Place, RecordChange};
use serde::{Deserialize, Serialize};

pub const WORK_COPY_FORMAT: &str = "cchc-work-copy";
pub const CHANGES_FORMAT: &str = "cchc-changes";
pub const COPY_FORMAT_VERSION: u32 = 1;
/// The register inside a work copy.
pub const REGISTER_ENTRY: &str = "register.cchc";
/// The changes inside a changes file.
pub const CHANGES_ENTRY: &str = "changes.json";

/// The unit a file belongs to, as its register names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyUnit {
    pub code: String,
    pub name: String,
}

/// `manifest.json` of a work copy or a changes file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyManifest {
    pub format: String,
    pub format_version: u32,
    pub program_version: String,
    /// The office register the copy was taken from.
    pub register_id: String,
    pub unit: CopyUnit,
    pub copy_id: String,
    pub person: String,
    pub taken_at: String,
    /// A changes file's number in its copy's series (1, 2, …); 0 for a work copy.
    #[serde(default)]
    pub sequence: u32,
    /// The SHA-256 of `changes.json` of the previous changes file of the copy (none for the first).
    #[serde(default)]
    pub previous: Option<String>,
    /// When the file was written.
    pub written_at: String,
    pub entries: Vec<EntryRecord>,
}

/// A file read and verified.
#[derive(Debug, Clone)]
pub struct CopyFile {
    pub manifest: CopyManifest,
    /// `register.cchc` of a work copy; `changes.json` of a changes file (the bytes as received).
    pub main: Vec<u8>,
    /// `evidence/<sha256>` entries.
    pub evidence: Vec<(String, Vec<u8>)>,
}

impl CopyFile {
    /// The changes of a changes file.
    pub fn changes(&self) -> Result<Vec<RecordChange>, Vec<Finding>> {
        let unreadable = || vec![Finding::new(FindingCode::PackageDataUnreadable, Place::record(CHANGES_ENTRY))];
        let text = std::str::from_utf8(&self.main).map_err(|_| unreadable())?;
        let file: ChangesData = serde_json::from_str(text).map_err(|_| unreadable())?;
        Ok(file.changes)
    }

    /// The SHA-256 of the main entry (what the next changes file names as `previous`).
    pub fn main_sha256(&self) -> String {
        sha256_hex(&self.main)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct ChangesData {
    changes: Vec<RecordChange>,
}

/// `changes.json`: the changes, pretty, so a person can read them.
pub fn changes_json(changes: &[RecordChange]) -> Vec<u8> {
    serde_json::to_vec_pretty(&serde_json::json!({ "changes": changes })).expect("changes serialise")
}

/// Writes a work copy or changes file: the main entry, the evidence files, and the manifest listing them.
pub fn write(mut manifest: CopyManifest, main: Vec<u8>, evidence: &[(String, Vec<u8>)]) -> std::io::Result<Vec<u8>> {
    let main_name = if manifest.format == WORK_COPY_FORMAT { REGISTER_ENTRY } else { CHANGES_ENTRY };
    let mut entries = vec![(main_name.to_string(), main)];
    entries.extend(evidence.iter().map(|(sha, bytes)| (format!("{EVIDENCE_DIR}{sha}"), bytes.clone())));
    manifest.program_version = PROGRAM_VERSION.to_string();
    manifest.entries = records(&entries);
    let manifest_json = serde_json::to_string_pretty(&manifest).expect("manifest serialises");
    zip_with_manifest(manifest_json, entries)
}

/// Reads and verifies a work copy (`format` = `WORK_COPY_FORMAT`) or changes file (`CHANGES_FORMAT`) from outside.
/// Every refusal is findings; nothing is written.
pub fn read(bytes: &[u8], format: &str, limits: &Limits) -> Result<CopyFile, Vec<Finding>> {
    let refuse = |code: FindingCode| vec![Finding::new(code, Place::default())];
    let main_name = if format == WORK_COPY_FORMAT { REGISTER_ENTRY } else { CHANGES_ENTRY };
    let known = |name: &str| {
        name == MANIFEST
            || name == main_name
            || name
                .strip_prefix(EVIDENCE_DIR)
                .is_some_and(|hash| hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    let contents = read_entries(bytes, limits, &known)?;
    let Some((_, manifest_bytes)) = contents.iter().find(|(n, _)| n == MANIFEST) else {
        return Err(refuse(FindingCode::PackageManifestMissing));
    };
    let loose: serde_json::Value =
        serde_json::from_slice(manifest_bytes).map_err(|_| refuse(FindingCode::PackageManifestUnreadable))?;
    if let Some(v) = loose.get("format_version").and_then(serde_json::Value::as_u64)
        && v > COPY_FORMAT_VERSION as u64
    {
        return Err(vec![
            Finding::new(FindingCode::PackageFormatTooNew, Place::default())
                .with("version", v)
                .with("supported", COPY_FORMAT_VERSION)
                .with("program_version", loose.get("program_version").and_then(|v| v.as_str()).unwrap_or("mới hơn"))
                .with("this_program", PROGRAM_VERSION),
        ]);
    }
    let manifest: CopyManifest =
        serde_json::from_value(loose).map_err(|_| refuse(FindingCode::PackageManifestUnreadable))?;
    let uuid_ok = |s: &str| uuid::Uuid::parse_str(s).is_ok();
    let sequence_ok = if format == WORK_COPY_FORMAT { manifest.sequence == 0 } else { manifest.sequence >= 1 };
    if manifest.format != format
        || manifest.format_version == 0
        || !uuid_ok(&manifest.register_id)
        || !uuid_ok(&manifest.copy_id)
        || !sequence_ok
        || manifest.person.trim().is_empty()
    {
        return Err(refuse(FindingCode::PackageManifestUnreadable));
    }
    let findings = verify_entries(&contents, &manifest.entries);
    if !findings.is_empty() {
        return Err(findings);
    }
    let mut main = None;
    let mut evidence = Vec::new();
    for (name, bytes) in contents {
        if name == main_name {
            main = Some(bytes);
        } else if let Some(sha) = name.strip_prefix(EVIDENCE_DIR) {
            evidence.push((sha.to_ascii_lowercase(), bytes));
        }
    }
    let main = main.ok_or_else(|| {
        vec![Finding::new(FindingCode::PackageEntryMissing, Place::record(main_name)).with("value", main_name)]
    })?;
    Ok(CopyFile { manifest, main, evidence })
}
