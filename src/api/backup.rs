//! `App` methods of the register's copies: automatic and manual backups with their rotation, the copy to a USB
//! stick, checking a copy, restore with its preview, and recovery of a register that cannot be opened.

use super::{App, stem_of};
use crate::assets::Assets;
use crate::backups::{self, BackupInfo, BackupReason};
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::partial::{self, Folder, Leftovers, Partial};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What a restore would change (`App::restore_preview`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct RestorePreview {
    pub path: PathBuf,
    /// The copy's record, when it has one (a copy from the backups folder or a USB stick does).
    pub record: Option<BackupInfo>,
    pub copy: crate::register::CopyFacts,
    pub current: crate::register::CopyFacts,
    /// Tables whose row counts differ between the register now and the copy.
    pub differences: Vec<CountChange>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct CountChange {
    pub table: String,
    pub current: i64,
    pub copy: i64,
}

/// A restore done: the copy made just before (restoring it undoes the restore) and what was restored.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct RestoreReport {
    pub undo: BackupInfo,
    pub restored: crate::register::CopyFacts,
}

impl App {
    /// The folder of this register's automatic copies.
    pub fn backup_dir(&self) -> PathBuf {
        backups::dir_of(self.register.path())
    }

    /// Makes a verified copy of the register in its backups folder, then applies the rotation. A copy that fails
    /// its check (integrity, schema, the same row counts as the register, readable back) is deleted and the error
    /// returned: only verified copies count.
    pub fn backup_now(&self, reason: BackupReason) -> Result<BackupInfo> {
        let dir = self.backup_dir();
        let info = self.copy_into(&dir, &stem_of(self.register.path()), reason)?;
        backups::prune(&dir, self.clock.local_now())?;
        Ok(info)
    }

    /// Makes a copy only when something changed since the newest one (the 15-minute and at-exit copies).
    pub fn backup_if_changed(&self, reason: BackupReason) -> Result<Option<BackupInfo>> {
        let last = self.register.last_change()?;
        let newest = backups::list(&self.backup_dir())?.into_iter().next();
        if newest.is_some_and(|b| b.facts.last_change == last) {
            return Ok(None);
        }
        self.backup_now(reason).map(Some)
    }

    /// The copies of this register, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        backups::list(&self.backup_dir())
    }

    /// The stale partial files in the backups folder, left by interrupted copies (counted by `backup verify`; the
    /// next copy removes them). A copy another process is writing is not counted.
    pub fn backup_leftovers(&self) -> Leftovers {
        backups::leftovers(&self.backup_dir())
    }

    /// Checks a copy again: its checksum against its record, then SQLite's integrity check and the row counts.
    pub fn verify_backup(path: &Path) -> Result<BackupInfo> {
        let info = backups::read_record(path).ok_or_else(|| Error::BackupInvalid {
            path: path.to_path_buf(),
            reason: "no record beside the copy".into(),
        })?;
        let invalid = |reason: String| Error::BackupInvalid { path: path.to_path_buf(), reason };
        let sha = backups::sha256_of(path)?;
        if sha != info.sha256 {
            return Err(invalid(format!("checksum {sha} differs from the recorded {}", info.sha256)));
        }
        let facts = crate::register::verify_copy(path).map_err(|e| invalid(e.to_string()))?;
        if facts != info.facts {
            return Err(invalid("row counts differ from the record".into()));
        }
        Ok(info)
    }

    /// "Sao lưu ra USB": a verified copy with the evidence files, in a new folder named with the unit and the date
    /// inside `dir`. Returns the copy's record (its path is inside that folder).
    pub fn backup_to(&self, dir: &Path) -> Result<BackupInfo> {
        let unit = self.register.unit()?.map(|u| u.name).unwrap_or_default();
        let stamp = self.clock.local_now().format("%Y-%m-%d %H%M").to_string();
        let mut folder = dir.join(backups::external_folder_name(&unit, &stamp));
        let mut n = 2;
        while folder.exists() {
            folder = dir.join(format!("{} ({n})", backups::external_folder_name(&unit, &stamp)));
            n += 1;
        }
        std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
        let info = self.copy_into(&folder, "register", BackupReason::External);
        let info = match info {
            Ok(info) => info,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&folder);
                return Err(e);
            }
        };
        let evidence = self.register.path().parent().unwrap_or(Path::new(".")).join("evidence");
        backups::copy_missing_files(&evidence, &folder.join("evidence"))?;
        Ok(info)
    }

    /// What restoring `path` would do: the copy's record (when it has one) and facts, the register's facts now,
    /// and the tables whose row counts differ. A copy made by a newer program is refused here already.
    pub fn restore_preview(&self, path: &Path) -> Result<RestorePreview> {
        let record = backups::read_record(path);
        let copy = match crate::register::verify_copy(path) {
            Ok(facts) => facts,
            Err(Error::SchemaTooNew { found, supported }) => {
                return Err(Error::CopyTooNew {
                    program: record.map(|r| r.program_version).unwrap_or_else(|| format!("schema {found}")),
                    supported,
                });
            }
            Err(e) => return Err(e),
        };
        let current = self.register.facts()?;
        let tables: BTreeSet<&String> = copy.counts.keys().chain(current.counts.keys()).collect();
        let differences = tables
            .into_iter()
            .filter_map(|t| {
                let (now, then) =
                    (current.counts.get(t).copied().unwrap_or(0), copy.counts.get(t).copied().unwrap_or(0));
                (now != then).then(|| CountChange { table: t.clone(), current: now, copy: then })
            })
            .collect();
        Ok(RestorePreview { path: path.to_path_buf(), record, copy, current, differences })
    }

    /// Replaces the register with the copy at `path`, after saving the register as it is now as a backup: restoring
    /// that backup undoes the restore. The copy is checked first; a damaged copy or one made by a newer program is
    /// refused and nothing changes.
    pub fn restore(&mut self, path: &Path) -> Result<RestoreReport> {
        let preview = self.restore_preview(path)?;
        let undo = self.backup_now(BackupReason::Restore)?;
        self.register.restore_from(path)?;
        self.actor = self.register.unit()?.map(|u| u.user_name).unwrap_or_default();
        let stamp = self.stamp();
        let copy = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        self.register.log_restore(&stamp, &copy)?;
        Ok(RestoreReport { undo, restored: preview.copy })
    }

    /// The verified copies a damaged or unreadable register at `register` could be restored from, newest first.
    pub fn recovery_candidates(register: &Path) -> Vec<BackupInfo> {
        backups::list(&backups::dir_of(register))
            .unwrap_or_default()
            .into_iter()
            .filter(|b| App::verify_backup(&b.path).is_ok())
            .collect()
    }

    /// Puts a verified copy in place of a register that cannot be opened: the unusable file (and its journal files)
    /// is moved, untouched, into `damaged/` beside it, the copy is copied in, and the register opened.
    pub fn recover(register: &Path, copy: &Path, assets: Assets, clock: Clock) -> Result<App> {
        App::verify_backup(copy)?;
        let parent = register.parent().unwrap_or(Path::new("."));
        let aside = parent.join("damaged");
        std::fs::create_dir_all(&aside).map_err(|e| Error::io(&aside, e))?;
        let name = format!("{}-{}.cchc", stem_of(register), clock.file_stamp());
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let from = PathBuf::from(format!("{}{suffix}", register.display()));
            if from.exists() {
                let to = aside.join(format!("{name}{suffix}"));
                std::fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
            }
        }
        // The register's folder may be one the user chose: only this program's stale partial files go.
        partial::copy(copy, register, Folder::Shared)?;
        App::open(register, assets, clock)
    }

    /// Copies the register into `dir` as `<stem>-<stamp>-<reason>.cchcsl`, verifies the copy against the register,
    /// and writes its record. The copy is written as a locked partial file (`partial`), which first removes the
    /// stale partial files of interrupted copies in `dir`; on any failure the partial copy is removed.
    fn copy_into(&self, dir: &Path, stem: &str, reason: BackupReason) -> Result<BackupInfo> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        partial::sweep(dir, Folder::Own)?;
        let name = backups::new_name(dir, stem, &self.clock.file_stamp(), reason);
        let target = dir.join(&name);
        let result = (|| {
            let copy = Partial::begin_swept(&target)?;
            self.register.copy_to(copy.path())?;
            let facts = crate::register::verify_copy(copy.path())
                .map_err(|e| Error::BackupInvalid { path: target.clone(), reason: e.to_string() })?;
            if facts != self.register.facts()? {
                return Err(Error::BackupInvalid { path: target.clone(), reason: "row counts differ".into() });
            }
            copy.commit()?;
            self.record_copy(&target, reason, facts)
        })();
        if result.is_err() {
            let _ = backups::remove_copy(&target);
        }
        result
    }

    pub(super) fn record_copy(
        &self,
        copy: &Path,
        reason: BackupReason,
        facts: crate::register::CopyFacts,
    ) -> Result<BackupInfo> {
        let info = BackupInfo {
            file: copy.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
            path: copy.to_path_buf(),
            created: self.clock.local_now(),
            reason,
            size: std::fs::metadata(copy).map_err(|e| Error::io(copy, e))?.len(),
            sha256: backups::sha256_of(copy)?,
            program_version: backups::PROGRAM_VERSION.to_string(),
            unit: self.register.unit()?.map(|u| u.name).unwrap_or_default(),
            facts,
        };
        backups::write_record(&info)?;
        Ok(info)
    }
}
