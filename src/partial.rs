//! Files written whole or not at all: through a partial file beside the target, renamed into place when complete,
//! and the sweeper that removes the partial files a killed process left behind.
//!
//! A file `X` is written as `X.partial`; SQLite's `VACUUM INTO` adds its own `X.partial-journal` (and could add
//! `-wal`, `-shm`). Before the partial file is created, the writer creates `X.partial.lock` and holds an OS lock on it
//! (`File::lock`) until the partial file is renamed or removed; the lock dies with the process, so a partial whose
//! lock can be taken is stale. The sweeper takes the lock exactly as a writer does, without waiting: while it holds
//! it, no one can be writing that partial, so it removes the group of files and then the lock file. A partial with
//! no lock file at all was left by a program without this rule (or its lock file is gone): in the program's own
//! folders it is stale; in a folder the user chose, only the partial of the very file being written is removed.
//! Partial files are never copies: listings and copies skip every name [`is_partial`] recognises.

use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// The suffix of a file being written.
const PARTIAL: &str = ".partial";
/// What follows `X.partial` in the names of one group: the partial itself, SQLite's files, the lock.
const COMPANIONS: [&str; 5] = ["", "-journal", "-wal", "-shm", ".lock"];
const LOCK: &str = ".lock";

/// Whose folder the target is in, which decides what the sweeper may remove there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    /// A folder only this program writes (backups, the archive, evidence, a new USB folder): every stale partial
    /// file is removed.
    Own,
    /// A folder the user chose (a report saved to the desktop, the register's folder): only partial files written
    /// under this module's lock, and the target's own partial, are removed; another program's `.partial` is not ours.
    Shared,
}

/// Stale partial files: how many and how many bytes.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Leftovers {
    pub files: usize,
    pub bytes: u64,
}

/// A file being written at [`Partial::path`]; [`Partial::commit`] renames it to the target. Dropped without commit,
/// the partial files are removed. Either way the lock file goes, and then the lock.
#[derive(Debug)]
pub struct Partial {
    target: PathBuf,
    path: PathBuf,
    lock: Option<Lock>,
}

impl Partial {
    /// Starts writing `target`: sweeps the stale partial files of its folder, takes the target's lock (waiting for a
    /// writer of the same name to finish), and removes a stale partial of the same name.
    pub fn begin(target: &Path, folder: Folder) -> Result<Partial> {
        sweep(parent(target), folder)?;
        Partial::begin_swept(target)
    }

    /// [`Partial::begin`] in a folder the caller has just swept (a loop writing many files into one folder).
    pub fn begin_swept(target: &Path) -> Result<Partial> {
        let path = with_suffix(target, PARTIAL);
        let lock = Lock::acquire(&with_suffix(&path, LOCK), true).map_err(|e| Error::io(&path, e))?;
        remove_group(&path, false)?;
        Ok(Partial { target: target.to_path_buf(), path, lock })
    }

    /// Where to write.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the finished file into place (replacing the target).
    pub fn commit(self) -> Result<()> {
        let target = self.target.clone();
        self.commit_to(&target)
    }

    /// Renames the finished file to `target` instead (a name known only once written, such as its hash).
    pub fn commit_to(self, target: &Path) -> Result<()> {
        std::fs::rename(&self.path, target).map_err(|e| Error::io(target, e))
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        // After a commit only SQLite's companions can remain (it removes its journal itself); without one, all goes.
        let _ = remove_group(&self.path, false);
        if let Some(lock) = self.lock.take() {
            lock.release();
        }
    }
}

/// Writes `bytes` to `target` through a locked partial file.
pub fn write(target: &Path, bytes: &[u8], folder: Folder) -> Result<()> {
    sweep(parent(target), folder)?;
    write_swept(target, bytes)
}

/// [`write`] into a folder the caller has just swept (a loop writing many files into one folder).
pub fn write_swept(target: &Path, bytes: &[u8]) -> Result<()> {
    let partial = Partial::begin_swept(target)?;
    std::fs::write(partial.path(), bytes).map_err(|e| Error::io(partial.path(), e))?;
    partial.commit()
}

/// Copies `from` to `target` through a locked partial file; returns the bytes copied.
pub fn copy(from: &Path, target: &Path, folder: Folder) -> Result<u64> {
    sweep(parent(target), folder)?;
    copy_swept(from, target)
}

/// [`copy`] into a folder the caller has just swept.
pub fn copy_swept(from: &Path, target: &Path) -> Result<u64> {
    let partial = Partial::begin_swept(target)?;
    let n = std::fs::copy(from, partial.path()).map_err(|e| Error::io(partial.path(), e))?;
    partial.commit()?;
    Ok(n)
}

/// Whether a file name is a partial file, its SQLite companion or its lock: never a file in its own right.
pub fn is_partial(name: &OsStr) -> bool {
    group_of(&name.to_string_lossy()).is_some()
}

/// Removes the stale partial files of `dir` (never those another process is writing); returns what was removed.
pub fn sweep(dir: &Path, folder: Folder) -> Result<Leftovers> {
    let mut removed = Leftovers::default();
    for (group, files) in groups(dir) {
        let has_lock = files.iter().any(|(name, _)| name.ends_with(LOCK));
        if folder == Folder::Shared && !has_lock {
            continue;
        }
        let partial = dir.join(&group);
        // Any failure to take the lock (busy, or locks unsupported here) leaves the group alone.
        let Ok(Some(lock)) = Lock::acquire(&with_suffix(&partial, LOCK), false) else { continue };
        remove_group(&partial, true)?;
        lock.release();
        removed.files += files.len();
        removed.bytes += files.iter().map(|(_, size)| size).sum::<u64>();
    }
    Ok(removed)
}

/// Counts the stale partial files of `dir` without touching them: a group with no lock file, or whose lock can be
/// taken (it is let go at once). A group being written is not counted.
pub fn stale(dir: &Path) -> Leftovers {
    let mut found = Leftovers::default();
    for (group, files) in groups(dir) {
        let lock_path = with_suffix(&dir.join(&group), LOCK);
        let live = match File::open(&lock_path) {
            Ok(file) => !matches!(file.try_lock(), Ok(())),
            Err(_) => false,
        };
        if !live {
            found.files += files.len();
            found.bytes += files.iter().map(|(_, size)| size).sum::<u64>();
        }
    }
    found
}

/// The partial files of `dir` by group (`X.partial`), each with its files' names and sizes.
fn groups(dir: &Path) -> BTreeMap<String, Vec<(String, u64)>> {
    let mut groups: BTreeMap<String, Vec<(String, u64)>> = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return groups };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(group) = group_of(&name) else { continue };
        let Ok(meta) = entry.metadata() else { continue };
        if meta.is_file() {
            groups.entry(group.to_string()).or_default().push((name, meta.len()));
        }
    }
    groups
}

/// `X.partial` for each name of its group (`X.partial`, `X.partial-journal`, …, `X.partial.lock`).
fn group_of(name: &str) -> Option<&str> {
    COMPANIONS.iter().find_map(|suffix| {
        let group = name.strip_suffix(suffix)?;
        (group.len() > PARTIAL.len() && group.ends_with(PARTIAL)).then_some(group)
    })
}

/// Removes a partial file and its SQLite companions, and with `lock_file` its lock file too.
fn remove_group(partial: &Path, lock_file: bool) -> Result<()> {
    for suffix in COMPANIONS {
        if suffix == LOCK && !lock_file {
            continue;
        }
        let path = with_suffix(partial, suffix);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn parent(path: &Path) -> &Path {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// An OS lock held on a lock file; the lock file is removed before the lock is let go.
#[derive(Debug)]
struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Takes the lock on `path` (creating the file), waiting with `wait`, else `None` when another holds it. A file
    /// system without locks gives a writer an unlocked marker (a sweeper there gets an error and removes nothing).
    fn acquire(path: &Path, wait: bool) -> io::Result<Option<Lock>> {
        loop {
            let file = OpenOptions::new().create(true).truncate(false).write(true).open(path)?;
            let locked = if wait {
                match file.lock() {
                    Err(e) if e.kind() == io::ErrorKind::Unsupported => false,
                    other => other.map(|()| true)?,
                }
            } else {
                match file.try_lock() {
                    Ok(()) => true,
                    Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
                    Err(std::fs::TryLockError::Error(e)) => return Err(e),
                }
            };
            // The holder before us removes the lock file before letting go: if the name no longer leads to the file
            // we locked, that holder has finished with it (a sweeper removed the group), so start again.
            if !locked || same_file(&file, path) {
                return Ok(Some(Lock { file, path: path.to_path_buf() }));
            }
        }
    }

    /// Removes the lock file, then lets the lock go (when the file is closed).
    fn release(self) {
        let _ = std::fs::remove_file(&self.path);
        drop(self.file);
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    // Windows removes a file still open only once it is closed, and refuses to open it meanwhile; a name that
    // still leads somewhere is the file we hold.
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_of_a_group() {
        assert_eq!(group_of("a.cchc.partial"), Some("a.cchc.partial"));
        assert_eq!(group_of("a.cchc.partial-journal"), Some("a.cchc.partial"));
        assert_eq!(group_of("a.cchc.partial.lock"), Some("a.cchc.partial"));
        assert_eq!(group_of(".partial"), None);
        assert_eq!(group_of("a.cchc"), None);
        assert_eq!(group_of("partial.pdf"), None);
    }

    #[test]
    fn a_lock_held_here_keeps_its_partial_from_the_sweeper() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        let partial = Partial::begin(&target, Folder::Own).unwrap();
        std::fs::write(partial.path(), b"half").unwrap();
        assert_eq!(sweep(dir.path(), Folder::Own).unwrap(), Leftovers::default());
        assert_eq!(stale(dir.path()), Leftovers::default());
        assert!(partial.path().exists());
        partial.commit().unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names, ["a.pdf"]);
    }
}
