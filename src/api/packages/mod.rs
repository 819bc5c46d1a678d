//! Report files for the superior level: the ward exports a period's report (`.cchc`), the superior imports many,
//! keeps every file in `archive/`, and rolls them up against its list of expected units.
//!
//! The format is `docs/package-format.md`; reading a file from outside is `package::read`. This folder decides
//! revisions (what a new export supersedes, `export.rs`), how a received file is classified (`import.rs`), what is
//! done with a received report (`received.rs`), the expected units (`units.rs`) and what the roll-up counts
//! (`rollup.rs`). This file holds the archive every side writes to.

mod export;
mod import;
mod received;
mod rollup;
mod units;

pub use export::{ExportReport, PACKAGED_REPORTS};
pub use import::{FileClass, FileOutcome, PackageImportReport};
pub use rollup::{Rollup, RollupCounts, RollupUnit, UnitAssessment, UnitFigures, UnitReportStatus};

use super::App;
use crate::error::{Error, Result};
use crate::partial::{self, Folder};
use std::path::{Path, PathBuf};

/// The folder beside the register where every sent and received file is kept, named by its SHA-256.
pub const ARCHIVE_DIR: &str = "archive";

impl App {
    /// The folder where every sent and received file is kept (`archive/` beside the register).
    pub fn archive_dir(&self) -> PathBuf {
        self.register.path().parent().unwrap_or(Path::new(".")).join(ARCHIVE_DIR)
    }

    fn archive_path(&self, sha256: &str) -> PathBuf {
        self.archive_dir().join(format!("{sha256}.cchc"))
    }

    /// Makes the archive folder and removes the partial files an interrupted copy left there; the archive's
    /// writers (`archive` here, `archive_streamed` in `import.rs`) expect it done.
    fn sweep_archive(&self) -> Result<()> {
        let dir = self.archive_dir();
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        partial::sweep(&dir, Folder::Own).map(|_| ())
    }

    /// Stores bytes in the archive under their hash (once: an existing copy is the same bytes), in a swept archive.
    fn archive(&self, sha256: &str, bytes: &[u8]) -> Result<()> {
        let path = self.archive_path(sha256);
        if path.exists() {
            return Ok(());
        }
        partial::write_swept(&path, bytes)
    }
}

/// Writes a file the user asked for, in a folder the user chose: whole or not at all (through a locked partial file).
pub(super) fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    partial::write(path, bytes, Folder::Shared)
}
