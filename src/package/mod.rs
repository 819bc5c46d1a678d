//! Report files that leave the machine (`.cchc`, a ZIP archive): writing one, and reading one from an untrusted
//! source with every defence of `docs/package-format.md`. The only module that imports the `zip` crate.
//!
//! Reading never extracts anything to disk: entries are streamed into memory through a counter that stops at the
//! declared size, the entry limit and the compression-ratio limit, so a lying header or a zip bomb cannot exhaust
//! memory. Every refusal is a `Finding` with a stable `PACKAGE_*` code.

pub mod copies;
pub mod data;

use crate::model::{Finding, FindingCode, PeriodKey, Place, UnitKind};
use data::ReportData;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{Cursor, Read, Write};

/// The layout version of the file this program writes; a reader refuses a higher one.
pub const FORMAT_VERSION: u32 = 1;
/// The `format` marker of the manifest.
pub const FORMAT_NAME: &str = "cchc-report";
/// The program version written into manifests.
pub const PROGRAM_VERSION: &str = env!("CARGO_PKG_VERSION");
pub const MANIFEST: &str = "manifest.json";
pub const DATA: &str = "data.json";
/// Evidence files of the assessment inside, each named by the SHA-256 of its bytes.
pub const EVIDENCE_DIR: &str = "evidence/";
/// The printed reports of the period that were issued: `reports/<kind>.pdf`.
pub const REPORTS_DIR: &str = "reports/";

/// Size limits applied while reading a file from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The whole file.
    pub file_bytes: u64,
    /// One entry, decompressed.
    pub entry_bytes: u64,
    /// All entries together, decompressed (many entries each under the limit must not add up to a bomb).
    pub total_bytes: u64,
    /// The number of entries.
    pub entries: usize,
    /// The largest decompressed / compressed ratio allowed for an entry larger than `ratio_floor_bytes`.
    pub max_ratio: u64,
    /// Small entries may compress well (a JSON of zeros); the ratio is checked only above this size.
    pub ratio_floor_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            file_bytes: 256 << 20,
            entry_bytes: 64 << 20,
            total_bytes: 512 << 20,
            entries: 10_000,
            max_ratio: 200,
            ratio_floor_bytes: 1 << 20,
        }
    }
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub program_version: String,
    /// The oldest program version that reads this file.
    pub min_program_version: String,
    pub report_id: String,
    pub root_id: String,
    pub supersedes: Option<String>,
    pub revision: u32,
    pub unit: ManifestUnit,
    pub report: ReportInfo,
    /// The criteria set of the assessment inside (the year's file), `None` when there is none.
    #[serde(default)]
    pub criteria: Option<CriteriaRef>,
    pub created_at: String,
    #[serde(default)]
    pub approved_at: Option<String>,
    #[serde(default)]
    pub approver: Option<String>,
    pub entries: Vec<EntryRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestUnit {
    pub code: String,
    pub name: String,
    pub province: String,
    pub kind: UnitKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportInfo {
    /// `periodic` in format 1; `assessment` is reserved.
    pub kind: String,
    pub period: PeriodKey,
    #[serde(default)]
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaRef {
    pub urn: String,
    pub version: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PackageEntry"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryRecord {
    pub path: String,
    pub sha256: String,
    pub size: u64,
}

/// What goes into a file besides the manifest's identity: the payload gathered by `App`.
#[derive(Debug, Clone)]
pub struct Payload {
    pub data: ReportData,
    /// Entries besides `data.json`: the printed reports (`reports/<kind>.pdf`) and evidence files
    /// (`evidence/<sha256>`), in the order they are written.
    pub extra: Vec<(String, Vec<u8>)>,
}

impl Payload {
    /// What an export compares to decide whether anything changed since the last one: the SHA-256 of `data.json`
    /// alone when there is no other entry (as every file before PDFs and evidence joined), otherwise of the list of
    /// every entry's path, SHA-256 and size.
    pub fn content_sha256(&self) -> String {
        let data = data_json(&self.data);
        if self.extra.is_empty() {
            return sha256_hex(data.as_bytes());
        }
        let mut listing = format!("{DATA} {} {}\n", sha256_hex(data.as_bytes()), data.len());
        for (path, bytes) in &self.extra {
            listing.push_str(&format!("{path} {} {}\n", sha256_hex(bytes), bytes.len()));
        }
        sha256_hex(listing.as_bytes())
    }
}

/// A file read and verified: its manifest and data as received (the raw JSON is kept byte for byte).
#[derive(Debug, Clone)]
pub struct Verified {
    pub manifest: Manifest,
    pub manifest_json: String,
    pub data: ReportData,
    pub data_json: String,
    /// The other entries (`reports/…`, `evidence/…`) with their bytes, verified against the manifest.
    pub extra: Vec<(String, Vec<u8>)>,
    /// Findings that do not refuse the file (warnings of the data checks).
    pub warnings: Vec<Finding>,
}

/// The lowercase hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// A new random report id (UUID v4).
pub fn new_report_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Serialises the data as it is stored in the file (pretty JSON, so a person can read it).
pub fn data_json(data: &ReportData) -> String {
    serde_json::to_string_pretty(data).expect("report data serialises")
}

/// Writes a file: `data.json` and the extra entries, then the manifest listing their hashes and sizes. The output
/// depends only on its inputs (fixed entry times), so the same revision gives the same bytes.
pub fn write(identity: Manifest, payload: &Payload) -> std::io::Result<Vec<u8>> {
    let mut entries: Vec<(String, Vec<u8>)> = vec![(DATA.to_string(), data_json(&payload.data).into_bytes())];
    entries.extend(payload.extra.iter().cloned());
    let mut manifest = identity;
    manifest.entries = records(&entries);
    let manifest_json = serde_json::to_string_pretty(&manifest).expect("manifest serialises");
    zip_with_manifest(manifest_json, entries)
}

/// The manifest's record of each entry: its path, SHA-256 and size.
pub fn records(entries: &[(String, Vec<u8>)]) -> Vec<EntryRecord> {
    entries
        .iter()
        .map(|(path, bytes)| EntryRecord { path: path.clone(), sha256: sha256_hex(bytes), size: bytes.len() as u64 })
        .collect()
}

/// Zips the manifest first, then the entries, deflated, with fixed entry times (the same inputs give the same bytes).
pub fn zip_with_manifest(manifest_json: String, entries: Vec<(String, Vec<u8>)>) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut all = vec![(MANIFEST.to_string(), manifest_json.into_bytes())];
    all.extend(entries);
    for (path, bytes) in &all {
        zip.start_file(path.as_str(), options).map_err(std::io::Error::other)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

/// Reads every entry of a zip file from outside with the hostile-input defences (size limits, zip bombs, unsafe or
/// duplicate names, links, entries `known` does not accept): the entries' names and bytes, or the refusal.
pub fn read_entries(
    bytes: &[u8],
    limits: &Limits,
    known: &dyn Fn(&str) -> bool,
) -> Result<Vec<(String, Vec<u8>)>, Vec<Finding>> {
    let refuse = |code: FindingCode| vec![Finding::new(code, Place::default())];
    if bytes.len() as u64 > limits.file_bytes {
        return Err(vec![
            Finding::new(FindingCode::PackageTooLarge, Place::default())
                .with("size", bytes.len())
                .with("limit", limits.file_bytes),
        ]);
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| refuse(FindingCode::PackageNotZip))?;
    check_names(bytes, &mut archive, limits)?;
    let mut contents: Vec<(String, Vec<u8>)> = Vec::new();
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|_| refuse(FindingCode::PackageNotZip))?;
        let name = String::from_utf8_lossy(entry.name_raw()).to_string();
        let at = |code: FindingCode| vec![Finding::new(code, Place::record(name.clone())).with("value", &name)];
        if !safe_name(&name) || entry.enclosed_name().is_none() {
            return Err(at(FindingCode::PackageUnsafePath));
        }
        if entry.is_symlink() || entry.is_dir() || entry.unix_mode().is_some_and(|m| m & 0o170000 == 0o120000) {
            return Err(at(FindingCode::PackageLink));
        }
        if !known(&name) {
            return Err(at(FindingCode::PackageUnknownEntry));
        }
        let declared = entry.size();
        let compressed = entry.compressed_size().max(1);
        if declared > limits.entry_bytes {
            return Err(vec![
                Finding::new(FindingCode::PackageTooLarge, Place::record(name.clone()))
                    .with("value", &name)
                    .with("size", declared)
                    .with("limit", limits.entry_bytes),
            ]);
        }
        if declared > limits.ratio_floor_bytes && declared / compressed > limits.max_ratio {
            return Err(bomb(&name, declared, compressed));
        }
        total = total.saturating_add(declared);
        if total > limits.total_bytes {
            return Err(vec![
                Finding::new(FindingCode::PackageTooLarge, Place::record(name.clone()))
                    .with("value", &name)
                    .with("size", total)
                    .with("limit", limits.total_bytes),
            ]);
        }
        // Stream through a counter: never more than the declared size plus one byte, the entry limit, or what the
        // ratio allows, whatever the headers claim.
        let cap = declared.min(limits.entry_bytes);
        let mut buffer = Vec::with_capacity(cap.min(1 << 20) as usize);
        let read = (&mut entry).take(cap + 1).read_to_end(&mut buffer);
        match read {
            Ok(n) if n as u64 > cap => return Err(bomb(&name, n as u64, compressed)),
            Ok(n) if n as u64 > limits.ratio_floor_bytes && n as u64 / compressed > limits.max_ratio => {
                return Err(bomb(&name, n as u64, compressed));
            }
            Ok(_) => {}
            // The zip reader also counts against the declared size and stops one byte past it ("larger than its
            // declared uncompressed size"): the header understates the entry, as a crafted bomb does. Any other
            // read error is a damaged file.
            Err(e) if buffer.len() as u64 >= declared || e.to_string().contains("declared") => {
                return Err(bomb(&name, declared.saturating_add(1), compressed));
            }
            Err(_) => return Err(at(FindingCode::PackageNotZip)),
        }
        contents.push((name, buffer));
    }
    Ok(contents)
}

/// Checks the entries read against a manifest's records: each listed entry present with its size and SHA-256 (an
/// evidence file's name is its hash), and nothing unlisted but the manifest.
pub fn verify_entries(contents: &[(String, Vec<u8>)], records: &[EntryRecord]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for record in records {
        let place = Place::record(record.path.clone());
        match contents.iter().find(|(n, _)| *n == record.path) {
            None => findings.push(Finding::new(FindingCode::PackageEntryMissing, place).with("value", &record.path)),
            Some((_, bytes)) if bytes.len() as u64 != record.size => findings.push(
                Finding::new(FindingCode::PackageSizeMismatch, place)
                    .with("value", &record.path)
                    .with("size", bytes.len())
                    .with("expected", record.size),
            ),
            Some((_, bytes)) if sha256_hex(bytes) != record.sha256.to_ascii_lowercase() => {
                findings.push(Finding::new(FindingCode::PackageHashMismatch, place).with("value", &record.path))
            }
            Some((name, bytes)) => {
                // An evidence file is named by its hash: the name must be the hash of the bytes too.
                if let Some(named) = name.strip_prefix(EVIDENCE_DIR)
                    && sha256_hex(bytes) != named.to_ascii_lowercase()
                {
                    findings.push(Finding::new(FindingCode::PackageHashMismatch, place).with("value", &record.path));
                }
            }
        }
    }
    for (name, _) in contents {
        if name != MANIFEST && !records.iter().any(|r| &r.path == name) {
            findings
                .push(Finding::new(FindingCode::PackageUnknownEntry, Place::record(name.clone())).with("value", name));
        }
    }
    findings
}

/// Reads and verifies a file from outside. Every refusal is returned as findings (errors); nothing is written
/// anywhere. `program_version` names this program in the "too new" finding.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Verified, Vec<Finding>> {
    let contents = read_entries(bytes, limits, &known_name)?;
    let refuse = |code: FindingCode| vec![Finding::new(code, Place::default())];
    let Some((_, manifest_bytes)) = contents.iter().find(|(n, _)| n == MANIFEST) else {
        return Err(refuse(FindingCode::PackageManifestMissing));
    };
    let manifest_json =
        String::from_utf8(manifest_bytes.clone()).map_err(|_| refuse(FindingCode::PackageManifestUnreadable))?;
    let loose: serde_json::Value =
        serde_json::from_str(&manifest_json).map_err(|_| refuse(FindingCode::PackageManifestUnreadable))?;
    let version = loose.get("format_version").and_then(serde_json::Value::as_u64);
    if let Some(v) = version
        && v > FORMAT_VERSION as u64
    {
        let needed = loose.get("min_program_version").and_then(|v| v.as_str()).unwrap_or("mới hơn").to_string();
        return Err(vec![
            Finding::new(FindingCode::PackageFormatTooNew, Place::default())
                .with("version", v)
                .with("supported", FORMAT_VERSION)
                .with("program_version", needed)
                .with("this_program", PROGRAM_VERSION),
        ]);
    }
    let manifest: Manifest =
        serde_json::from_value(loose).map_err(|_| refuse(FindingCode::PackageManifestUnreadable))?;
    if manifest.format != FORMAT_NAME || manifest.format_version == 0 || !identity_ok(&manifest) {
        return Err(refuse(FindingCode::PackageManifestUnreadable));
    }
    let findings = verify_entries(&contents, &manifest.entries);
    if !findings.is_empty() {
        return Err(findings);
    }
    let data_bytes = contents.iter().find(|(n, _)| n == DATA).map(|(_, b)| b.clone());
    let Some(data_bytes) = data_bytes else {
        return Err(vec![Finding::new(FindingCode::PackageEntryMissing, Place::record(DATA)).with("value", DATA)]);
    };
    let data_json = String::from_utf8(data_bytes).map_err(|_| refuse(FindingCode::PackageDataUnreadable))?;
    let data: ReportData = serde_json::from_str(&data_json).map_err(|_| refuse(FindingCode::PackageDataUnreadable))?;
    if data.data_version == 0 || data.data_version > data::DATA_VERSION {
        return Err(refuse(FindingCode::PackageDataUnreadable));
    }
    if data.unit.code != manifest.unit.code || data.period.key != manifest.report.period {
        return Err(vec![
            Finding::new(FindingCode::PackageDataMismatch, Place::default())
                .with("value", format!("{} {}", data.unit.code, data.period.key))
                .with("expected", format!("{} {}", manifest.unit.code, manifest.report.period)),
        ]);
    }
    let mut checks = data.validate();
    checks.extend(check_assessment_entries(&manifest, &data));
    if checks.iter().any(Finding::is_error) {
        return Err(checks);
    }
    let extra = contents.into_iter().filter(|(n, _)| n != MANIFEST && n != DATA).collect();
    Ok(Verified { manifest, manifest_json, data, data_json, extra, warnings: checks })
}

/// The assessment against the manifest: `criteria` names the set of the assessment inside (and is `null` without
/// one); every evidence file listed in the data is an entry of the same size, and every evidence entry is a file of
/// the data.
fn check_assessment_entries(manifest: &Manifest, data: &ReportData) -> Vec<Finding> {
    let mut findings = Vec::new();
    let named = manifest.criteria.as_ref().map(|c| format!("{}@{}", c.urn, c.version));
    let inside = data.assessment.as_ref().map(|a| format!("{}@{}", a.criteria.urn, a.criteria.version));
    if named != inside {
        findings.push(
            Finding::new(FindingCode::PackageDataMismatch, Place::record(MANIFEST))
                .with("value", inside.unwrap_or_default())
                .with("expected", named.unwrap_or_default()),
        );
    }
    let files: Vec<&data::EvidenceFileData> =
        data.assessment.iter().flat_map(|a| a.evidence.iter().filter_map(|e| e.file.as_ref())).collect();
    for file in &files {
        let path = format!("{EVIDENCE_DIR}{}", file.sha256);
        let place = Place::record(path.clone());
        match manifest.entries.iter().find(|r| r.path == path) {
            None => findings.push(Finding::new(FindingCode::PackageEntryMissing, place).with("value", &path)),
            Some(r) if r.size != file.size => findings.push(
                Finding::new(FindingCode::PackageSizeMismatch, place)
                    .with("value", &path)
                    .with("size", r.size)
                    .with("expected", file.size),
            ),
            Some(_) => {}
        }
    }
    for record in manifest.entries.iter().filter(|r| r.path.starts_with(EVIDENCE_DIR)) {
        if !files.iter().any(|f| format!("{EVIDENCE_DIR}{}", f.sha256) == record.path) {
            findings.push(
                Finding::new(FindingCode::PackageUnknownEntry, Place::record(record.path.clone()))
                    .with("value", &record.path),
            );
        }
    }
    findings
}

/// Refuses, before any entry is read, a file whose entries two zip readers could see differently: more entries than
/// the limit, a name stored twice in the central directory (the `zip` crate keys entries by name and would keep only
/// the last, so a damaged first copy would pass unseen while another program reads it), two names that one file
/// system takes for the same file (case, Unicode normalisation, `\` for `/`, Windows' trailing dots and spaces), a
/// name that is not UTF-8, and local headers that disagree with the central directory or hide entries it does not
/// list.
fn check_names(
    bytes: &[u8],
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    limits: &Limits,
) -> Result<(), Vec<Finding>> {
    let refuse =
        |code: FindingCode, name: &str| vec![Finding::new(code, Place::record(name.to_string())).with("value", name)];
    let too_many = |count: usize| {
        vec![
            Finding::new(FindingCode::PackageTooLarge, Place::default())
                .with("size", count)
                .with("limit", limits.entries),
        ]
    };
    let names = central_names(bytes, archive.central_directory_start(), limits.entries)
        .ok_or_else(|| vec![Finding::new(FindingCode::PackageNotZip, Place::default())])?;
    if names.len() > limits.entries || archive.len() > limits.entries {
        return Err(too_many(names.len().max(archive.len())));
    }
    let mut seen: Vec<(String, &[u8])> = Vec::with_capacity(names.len());
    for raw in &names {
        let Ok(name) = std::str::from_utf8(raw) else {
            return Err(refuse(FindingCode::PackageUnsafePath, &String::from_utf8_lossy(raw)));
        };
        let key = same_file_key(name);
        if seen.iter().any(|(k, _)| *k == key) {
            return Err(refuse(FindingCode::PackageDuplicateEntry, name));
        }
        seen.push((key, raw));
    }
    // The zip crate's own index must list exactly the names of the central directory.
    let listed = (0..archive.len()).all(|i| {
        archive
            .name_for_index(i)
            .and_then(|n| n.ok())
            .is_some_and(|n| names.iter().any(|raw| raw.as_slice() == n.as_bytes()))
    });
    if archive.has_duplicate_names() || archive.len() != names.len() || !listed {
        return Err(vec![Finding::new(FindingCode::PackageNotZip, Place::default())]);
    }
    archive.validate_header_consistency().map_err(|_| vec![Finding::new(FindingCode::PackageNotZip, Place::default())])
}

/// The names of the central directory's records, in order and with repeats, read from the raw bytes (the `zip`
/// crate's index hides repeats). `None` when a record runs past the end of the file; stops after `limit + 1` names.
fn central_names(bytes: &[u8], start: u64, limit: usize) -> Option<Vec<Vec<u8>>> {
    const SIGNATURE: &[u8] = b"PK\x01\x02";
    let u16_at =
        |at: usize| -> Option<usize> { Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?) as usize) };
    let mut at = usize::try_from(start).ok()?;
    let mut names = Vec::new();
    while bytes.get(at..at + 4) == Some(SIGNATURE) && names.len() <= limit {
        let (name_len, extra_len, comment_len) = (u16_at(at + 28)?, u16_at(at + 30)?, u16_at(at + 32)?);
        names.push(bytes.get(at + 46..at + 46 + name_len)?.to_vec());
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(names)
}

/// What a name becomes on a file system that folds case and Unicode normalisation, reads `\` as `/` and drops
/// trailing dots and spaces (Windows): two entries with the same key would extract to one file.
fn same_file_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = name.replace('\\', "/").to_lowercase().nfc().collect();
    folded.split('/').map(|part| part.trim_end_matches(['.', ' '])).collect::<Vec<_>>().join("/")
}

fn bomb(name: &str, size: u64, compressed: u64) -> Vec<Finding> {
    vec![
        Finding::new(FindingCode::PackageZipBomb, Place::record(name.to_string()))
            .with("value", name)
            .with("size", size)
            .with("compressed", compressed),
    ]
}

/// A relative path of plain components: no leading slash, drive letter, backslash, `..`, `.` or empty part.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && !name.contains('\0')
        && name.chars().nth(1).is_none_or(|c| c != ':')
        && name.split('/').all(|part| !part.is_empty() && part != ".." && part != ".")
}

/// The entries format 1 knows: the manifest, the data, evidence files and printed reports.
fn known_name(name: &str) -> bool {
    if name == MANIFEST || name == DATA {
        return true;
    }
    if let Some(hash) = name.strip_prefix(EVIDENCE_DIR) {
        return hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
    }
    if let Some(file) = name.strip_prefix(REPORTS_DIR) {
        return !file.contains('/') && file.to_ascii_lowercase().ends_with(".pdf");
    }
    false
}

/// Ids are UUIDs; the first revision is its own root and supersedes nothing, later ones supersede something.
fn identity_ok(m: &Manifest) -> bool {
    let uuid_ok = |s: &str| uuid::Uuid::parse_str(s).is_ok();
    let chain_ok = match &m.supersedes {
        None => m.report_id == m.root_id && m.revision == 1,
        Some(previous) => uuid_ok(previous) && previous != &m.report_id && m.revision > 1,
    };
    uuid_ok(&m.report_id) && uuid_ok(&m.root_id) && chain_ok && !m.unit.code.trim().is_empty()
}
