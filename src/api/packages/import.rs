//! The superior's side: report files read from outside, each classified against what was received (new,
//! identical, revision, stale, conflict, refused) and written on its own in one transaction; the dry run and
//! `inspect_package` take the same path. The bytes read are the bytes archived.

use crate::api::{App, Progress};
use crate::error::{Error, Result};
use crate::model::{
    Finding, FindingCode, LEGACY_EXTENSION, PeriodKey, Place, REPORT_FILE_EXTENSION, ReceivedReport, ReceivedStatus,
    ReceivedSummary, has_extension,
};
use crate::package::data::ReportData;
use crate::package::{self, Limits, Manifest, Verified};
use crate::partial::Partial;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A file read from outside: verified, or refused with its reasons.
type Checked = std::result::Result<Verified, Vec<Finding>>;

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

impl App {
    /// Changes the size limits for report files read from outside (the defaults suit real reports; tests lower them).
    pub fn set_package_limits(&mut self, limits: Limits) {
        self.package_limits = limits;
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

    /// Reads and checks one report file without importing it: its manifest and data, or `PackageRefused` with
    /// every reason.
    pub fn inspect_package(&self, path: &Path) -> Result<(package::Manifest, ReportData)> {
        let (_, _, verified) = self.read_package_file(path, false)?;
        match verified {
            Ok(v) => Ok((v.manifest, v.data)),
            Err(findings) => Err(Error::PackageRefused { path: path.to_path_buf(), findings }),
        }
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

/// The report files named: files as given (whatever their name), folders walked for `.cchcbc` files and those
/// named `.cchc` before report files had their own extension (links are not followed), each file once, in name order;
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
                Ok(kind) if kind.is_file() && has_extension(&path, &[REPORT_FILE_EXTENSION, LEGACY_EXTENSION]) => {
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
