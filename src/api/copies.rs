//! Working away from the office (issue 19): a work copy taken from the office register for a named person, opened
//! on another computer, its changes sent back as changes files, and each changes file merged into the office
//! register — a dry run first that shows every change and every conflict, then the person's choices applied in one
//! transaction after a verified backup.

use super::assessment::evidence::stored_name;
use super::packages::write_file;
use super::{App, BackupReason, Progress};
use crate::assets::Assets;
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::model::{
    ChangeAction, ChangeOrigin, Conflict, FieldChange, Fields, Finding, FindingCode, MergeChoices, Op, Place,
    RecordChange, WorkCopyInfo, diff_records, resolve_change,
};
use crate::package::copies::{self, CHANGES_FORMAT, CopyManifest, CopyUnit, WORK_COPY_FORMAT};
use crate::package::sha256_hex;
use crate::register::sync::{HIDDEN, MergeRecord, MergeWrite, label, order};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A work copy written.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct WorkCopyTaken {
    pub path: PathBuf,
    pub copy: WorkCopyInfo,
    pub size: u64,
    pub evidence_files: usize,
}

/// A changes file written.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ChangesSent {
    pub path: PathBuf,
    pub sequence: u32,
    pub changes: usize,
    pub evidence_files: usize,
    pub size: u64,
}

/// One change the office takes without a question.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct MergeItem {
    pub table: String,
    pub label: String,
    pub action: ChangeAction,
    /// The fields taken: the office's value → the copy's.
    pub fields: Vec<FieldChange>,
    pub who: String,
    pub when: String,
}

/// What merging a changes file would do (or, with `already_merged`, did already).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct MergePreview {
    pub copy_id: String,
    pub person: String,
    pub taken_at: String,
    pub sequence: u32,
    pub written_at: String,
    /// This file was merged before: merging it again changes nothing.
    pub already_merged: bool,
    pub items: Vec<MergeItem>,
    pub conflicts: Vec<Conflict>,
    /// Changes the office already holds (made on both sides alike).
    pub unchanged: usize,
    /// Evidence files the changes bring.
    pub evidence_files: usize,
}

/// What a merge did.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct MergeReport {
    pub already_merged: bool,
    /// Records written.
    pub applied: usize,
    pub conflicts: usize,
    /// Conflicts settled with the copy's value.
    pub taken_from_copy: usize,
    /// The verified copy made before writing (the undo).
    pub backup: Option<PathBuf>,
}

/// A changes file read and checked against this register, with its plan.
struct Planned {
    file: copies::CopyFile,
    changes: Vec<RecordChange>,
    /// What each change writes at the office under the choices the plan was made with (`None`: nothing).
    ops: Vec<Option<Op>>,
    preview: MergePreview,
}

impl App {
    /// The work copy this register is, if it is one (every screen shows it; printed drafts say so).
    pub fn work_copy(&self) -> Result<Option<WorkCopyInfo>> {
        self.register.work_copy()
    }

    /// Refuses `action` when this register is a work copy.
    pub(super) fn office_only(&self, action: &'static str) -> Result<()> {
        match self.register.work_copy()? {
            Some(_) => Err(Error::WorkCopyCannot { action }),
            None => Ok(()),
        }
    }

    /// Writes a work copy of this (office) register for `person` to `dest`: the register as it is, its identity
    /// and where the copy starts, with the files of the evidence documents `evidence` names by id (`None`: all).
    pub fn take_work_copy(
        &mut self,
        dest: &Path,
        person: &str,
        evidence: Option<&[i64]>,
        progress: Progress<'_>,
    ) -> Result<WorkCopyTaken> {
        self.office_only("take_copy")?;
        let person = crate::text::clean(person);
        if person.is_empty() {
            return Err(Error::Invalid(vec![Finding::new(FindingCode::RequiredMissing, Place::field("person"))]));
        }
        let unit = self.unit()?;
        let copy = WorkCopyInfo {
            copy_id: uuid::Uuid::new_v4().to_string(),
            person,
            taken_at: self.clock.timestamp(),
            sent: 0,
        };
        progress(0, 3);
        let temp = self.register_path().with_file_name(format!(".ban-lam-viec-{}.tmp", copy.copy_id));
        let stamp = self.stamp();
        self.register.write_work_copy(&temp, &copy, &stamp)?;
        let register = std::fs::read(&temp).map_err(|e| Error::io(&temp, e));
        let _ = std::fs::remove_file(&temp);
        let register = register?;
        progress(1, 3);
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for document in self.evidence_list()? {
            let Some(file) = document.file.filter(|_| evidence.is_none_or(|chosen| chosen.contains(&document.id)))
            else {
                continue;
            };
            if !files.iter().any(|(s, _)| *s == file.sha256) {
                let path = self.evidence_dir().join(stored_name(&file.sha256, &file.original_name));
                let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                files.push((file.sha256, bytes));
            }
        }
        let manifest = self.copy_manifest(WORK_COPY_FORMAT, &unit.code, &unit.name, &copy, 0, None);
        let bytes = copies::write(manifest, register, &files).map_err(|e| Error::io(dest, e))?;
        progress(2, 3);
        write_file(dest, &bytes)?;
        progress(3, 3);
        Ok(WorkCopyTaken { path: dest.to_path_buf(), copy, size: bytes.len() as u64, evidence_files: files.len() })
    }

    fn copy_manifest(
        &self,
        format: &str,
        code: &str,
        name: &str,
        copy: &WorkCopyInfo,
        sequence: u32,
        previous: Option<String>,
    ) -> CopyManifest {
        CopyManifest {
            format: format.to_string(),
            format_version: copies::COPY_FORMAT_VERSION,
            program_version: String::new(),
            register_id: self.register.register_uid().unwrap_or_default(),
            unit: CopyUnit { code: code.to_string(), name: name.to_string() },
            copy_id: copy.copy_id.clone(),
            person: copy.person.clone(),
            taken_at: copy.taken_at.clone(),
            sequence,
            previous,
            written_at: self.clock.timestamp(),
            entries: Vec::new(),
        }
    }

    /// Opens a work copy file on this computer: its register written to `register` (a new file) with its evidence
    /// files beside it, then opened. A damaged or tampered file is refused with nothing written.
    pub fn open_work_copy(file: &Path, register: &Path, assets: Assets, clock: Clock) -> Result<App> {
        let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
        let refused = |findings| Error::FileRefused { path: file.to_path_buf(), findings };
        let read = copies::read(&bytes, WORK_COPY_FORMAT, &crate::package::Limits::default()).map_err(refused)?;
        if register.exists() {
            return Err(Error::RegisterExists(register.to_path_buf()));
        }
        if let Some(dir) = register.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        crate::partial::write(register, &read.main, crate::partial::Folder::Own)?;
        let opened = App::open(register, assets, clock).and_then(|app| match app.work_copy()? {
            Some(info) if info.copy_id == read.manifest.copy_id => Ok(app),
            _ => Err(refused(vec![Finding::new(FindingCode::WorkCopyMismatch, Place::default())])),
        });
        let app = match opened {
            Ok(app) => app,
            Err(e) => {
                let _ = std::fs::remove_file(register);
                return Err(e);
            }
        };
        let named: Vec<Fields> =
            app.register.snapshot()?.into_iter().filter(|((t, _), _)| t == "evidence").map(|(_, f)| f).collect();
        app.store_arrived(&read.evidence, &named)?;
        Ok(app)
    }

    /// Where the file of an evidence record (its fields) is kept: its SHA-256 and path, if it has a file.
    fn evidence_path(&self, fields: &Fields) -> Option<(String, PathBuf)> {
        let sha = fields.get("file_sha256")?.as_str()?;
        let name = fields.get("file_name").and_then(|v| v.as_str()).unwrap_or_default();
        Some((sha.to_string(), self.evidence_dir().join(stored_name(sha, name))))
    }

    /// Keeps the evidence files that arrived (verified by their hash) under the names their records give them.
    fn store_arrived(&self, files: &[(String, Vec<u8>)], records: &[Fields]) -> Result<()> {
        for fields in records {
            if let Some((sha, path)) = self.evidence_path(fields)
                && let Some((_, content)) = files.iter().find(|(s, _)| *s == sha)
                && !path.exists()
            {
                write_file(&path, content)?;
            }
        }
        Ok(())
    }

    /// What this work copy changed since it was taken or since its last changes file.
    pub fn pending_changes(&self) -> Result<Vec<RecordChange>> {
        let copy = self.register.work_copy()?.ok_or(Error::NotAWorkCopy)?;
        let base = self.register.work_copy_base()?;
        let now = self.register.snapshot()?;
        let when = self.register.last_changed(self.register.work_copy_base_log()?)?;
        let mut changes = diff_records(&base, &now, &order, &label);
        for change in &mut changes {
            change.who = copy.person.clone();
            change.when = when.get(&change.table).cloned().unwrap_or_else(|| self.clock.timestamp());
        }
        Ok(changes)
    }

    /// Writes this work copy's changes file to `dest`: what changed since it was taken or since the previous
    /// changes file, with the evidence files the changes name; it carries on from the previous one.
    pub fn send_changes(&mut self, dest: &Path) -> Result<ChangesSent> {
        let copy = self.register.work_copy()?.ok_or(Error::NotAWorkCopy)?;
        let changes = self.pending_changes()?;
        if changes.is_empty() {
            return Err(Error::Invalid(vec![Finding::new(FindingCode::NothingToSend, Place::default())]));
        }
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for change in changes.iter().filter(|c| c.table == "evidence") {
            if let Some((sha, path)) = change.after.as_ref().and_then(|f| self.evidence_path(f))
                && !files.iter().any(|(s, _)| *s == sha)
            {
                let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                files.push((sha, bytes));
            }
        }
        let unit = self.unit()?;
        let sequence = copy.sent + 1;
        let previous = self.register.last_sent_sha()?;
        let main = copies::changes_json(&changes);
        let main_sha = sha256_hex(&main);
        let manifest = self.copy_manifest(CHANGES_FORMAT, &unit.code, &unit.name, &copy, sequence, previous);
        let bytes = copies::write(manifest, main, &files).map_err(|e| Error::io(dest, e))?;
        write_file(dest, &bytes)?;
        let now = self.register.snapshot()?;
        self.register.mark_sent(sequence, &main_sha, &now)?;
        Ok(ChangesSent {
            path: dest.to_path_buf(),
            sequence,
            changes: changes.len(),
            evidence_files: files.len(),
            size: bytes.len() as u64,
        })
    }

    /// The dry run of merging a changes file: every change the office takes and every conflict, nothing written.
    pub fn merge_preview(&self, file: &Path) -> Result<MergePreview> {
        Ok(self.plan_merge(file, &MergeChoices::default())?.preview)
    }

    fn plan_merge(&self, file: &Path, choices: &MergeChoices) -> Result<Planned> {
        self.office_only("merge")?;
        let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
        let refused = |findings| Error::FileRefused { path: file.to_path_buf(), findings };
        let read = copies::read(&bytes, CHANGES_FORMAT, &self.package_limits).map_err(refused)?;
        let m = &read.manifest;
        let unit = self.unit()?;
        let one = |code: FindingCode| Finding::new(code, Place::default());
        if m.unit.code != unit.code {
            return Err(refused(vec![one(FindingCode::ChangesOtherUnit).with("value", &m.unit.name)]));
        }
        if m.register_id != self.register.register_uid()? {
            return Err(refused(vec![one(FindingCode::ChangesOtherRegister)]));
        }
        let sha = read.main_sha256();
        let mut preview = MergePreview {
            copy_id: m.copy_id.clone(),
            person: m.person.clone(),
            taken_at: m.taken_at.clone(),
            sequence: m.sequence,
            written_at: m.written_at.clone(),
            already_merged: false,
            items: Vec::new(),
            conflicts: Vec::new(),
            unchanged: 0,
            evidence_files: read.evidence.len(),
        };
        let chain = |code| one(code).with("value", m.sequence).with("person", &m.person);
        match self.register.merged_sha(&m.copy_id, m.sequence)? {
            Some(merged) if merged == sha => {
                preview.already_merged = true;
                return Ok(Planned { file: read, changes: Vec::new(), ops: Vec::new(), preview });
            }
            Some(_) => return Err(refused(vec![chain(FindingCode::ChangesChainBroken)])),
            None => {}
        }
        let (last, last_sha) = self.register.merged_last(&m.copy_id)?;
        if m.sequence > last + 1 {
            return Err(refused(vec![chain(FindingCode::ChangesSkipped).with("expected", last + 1)]));
        }
        if m.sequence <= last || m.previous != last_sha {
            return Err(refused(vec![chain(FindingCode::ChangesChainBroken)]));
        }
        let changes = read.changes().map_err(refused)?;
        if let Some(bad) = changes.iter().find(|c| !crate::register::sync::well_formed(c)) {
            let finding = Finding::new(FindingCode::PackageDataUnreadable, Place::record(bad.table.clone()));
            return Err(refused(vec![finding]));
        }
        let keys: Vec<(String, String)> = changes.iter().map(|c| (c.table.clone(), c.key.clone())).collect();
        let office = self.register.records(&keys)?;
        let mut ops = Vec::with_capacity(changes.len());
        for (change, here) in changes.iter().zip(&office) {
            let resolution = resolve_change(change, here.as_ref(), choices);
            ops.push(resolution.op);
            let conflicted = !resolution.conflicts.is_empty();
            preview.conflicts.extend(resolution.conflicts);
            if resolution.taken.is_empty() && ops.last().is_some_and(Option::is_none) && !conflicted {
                preview.unchanged += 1;
            } else if !resolution.taken.is_empty() {
                let blank = |v: &serde_json::Value| v.is_null() || v.as_str() == Some("");
                let shown = resolution
                    .taken
                    .into_iter()
                    .filter(|f| !HIDDEN.contains(&f.field.as_str()) && !(blank(&f.before) && blank(&f.after)))
                    .collect();
                preview.items.push(MergeItem {
                    table: change.table.clone(),
                    label: change.label.clone(),
                    action: change.action(),
                    fields: shown,
                    who: change.who.clone(),
                    when: change.when.clone(),
                });
            }
        }
        Ok(Planned { file: read, changes, ops, preview })
    }

    /// Merges a changes file: the conflicts settled by `choices` (every one chosen, or the office's kept for the
    /// rest), a verified backup made first, then every write in one transaction, each logged with its origin.
    /// Merging a file again changes nothing.
    pub fn merge_changes(
        &mut self,
        file: &Path,
        choices: &MergeChoices,
        progress: Progress<'_>,
    ) -> Result<MergeReport> {
        let planned = self.plan_merge(file, choices)?;
        let preview = &planned.preview;
        if preview.already_merged {
            return Ok(MergeReport {
                already_merged: true,
                applied: 0,
                conflicts: 0,
                taken_from_copy: 0,
                backup: None,
            });
        }
        let missing: Vec<Finding> = preview
            .conflicts
            .iter()
            .filter(|c| !choices.keep_office_for_rest && !choices.choices.contains_key(&c.id))
            .map(|c| {
                let field = c.field.as_deref().map(|f| format!(" ({f})")).unwrap_or_default();
                Finding::new(FindingCode::ConflictNotChosen, Place::record(c.label.clone()))
                    .with("value", format!("{}{field}", c.label))
            })
            .collect();
        if !missing.is_empty() {
            return Err(Error::Invalid(missing));
        }
        let m = &planned.file.manifest;
        let origins: Vec<ChangeOrigin> = planned
            .changes
            .iter()
            .map(|c| ChangeOrigin {
                copy_id: m.copy_id.clone(),
                person: m.person.clone(),
                sequence: m.sequence,
                when: c.when.clone(),
            })
            .collect();
        let writes: Vec<MergeWrite<'_>> = planned
            .changes
            .iter()
            .zip(&planned.ops)
            .zip(&origins)
            .filter_map(|((c, op), origin)| {
                op.as_ref().map(|op| MergeWrite { table: &c.table, key: &c.key, op, origin })
            })
            .collect();
        let taken_from_copy = preview
            .conflicts
            .iter()
            .filter(|c| choices.choices.get(&c.id) == Some(&crate::model::Choice::Copy))
            .count();
        let backup = self.backup_now(BackupReason::Import)?;
        let named: Vec<Fields> =
            planned.changes.iter().filter(|c| c.table == "evidence").filter_map(|c| c.after.clone()).collect();
        self.store_arrived(&planned.file.evidence, &named)?;
        let sha256 = planned.file.main_sha256();
        let record = MergeRecord {
            copy_id: &m.copy_id,
            sequence: m.sequence,
            sha256: &sha256,
            person: &m.person,
            conflicts: preview.conflicts.len(),
        };
        let stamp = self.stamp();
        let applied = self.register.apply_merge(&writes, &record, &stamp, progress)?;
        Ok(MergeReport {
            already_merged: false,
            applied,
            conflicts: preview.conflicts.len(),
            taken_from_copy,
            backup: Some(backup.path),
        })
    }
}
