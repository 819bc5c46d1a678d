//! The register: one SQLite file holding everything the unit keeps. The only module that imports rusqlite.
//!
//! Opening never modifies a file it cannot use: a file that is not a register, is damaged, or has a newer schema is
//! refused with its bytes unchanged. An older register is copied aside (`VACUUM INTO`) before it is migrated.
//! Every write runs in one transaction together with its change-log entry, and is committed at once.

mod assessment;
mod backup;
mod catalogs;
mod iso;
mod packages;
mod plans;
mod procedures;
mod reports;
mod staffing;
mod stats;
pub mod sync;
mod unit;

pub use assessment::StoredSet;
pub use backup::{CopyFacts, verify as verify_copy};
pub use packages::ReceivedBatch;
pub use procedures::UpsertCounts;

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Marks a SQLite file as a cchc register (`PRAGMA application_id`; "CCHC" in ASCII).
const APPLICATION_ID: i64 = 0x4343_4843;

/// How long a statement waits for another process's write to finish before the register is reported busy.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// The migrations, in order; the schema version of a register is the number of migrations applied.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_initial.sql", include_str!("migrations/0001_initial.sql")),
    ("0002_staffing_and_plans.sql", include_str!("migrations/0002_staffing_and_plans.sql")),
    ("0003_iso.sql", include_str!("migrations/0003_iso.sql")),
    ("0004_assessment.sql", include_str!("migrations/0004_assessment.sql")),
    ("0005_packages.sql", include_str!("migrations/0005_packages.sql")),
    ("0006_reports.sql", include_str!("migrations/0006_reports.sql")),
    (
        "0007_assessment_report_and_issued_copies.sql",
        include_str!("migrations/0007_assessment_report_and_issued_copies.sql"),
    ),
    ("0008_headcount_meeting_standard.sql", include_str!("migrations/0008_headcount_meeting_standard.sql")),
    ("0009_superior_unit_kind.sql", include_str!("migrations/0009_superior_unit_kind.sql")),
    ("0010_stable_identities.sql", include_str!("migrations/0010_stable_identities.sql")),
    ("0011_work_copies.sql", include_str!("migrations/0011_work_copies.sql")),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The names of the embedded migrations (checked against the folder by the tidy test).
pub fn migration_names() -> Vec<&'static str> {
    MIGRATIONS.iter().map(|(name, _)| *name).collect()
}

/// Who made a change and when, stamped on every write and on its change-log entry.
#[derive(Debug, Clone)]
pub struct Stamp {
    pub at: String,
    pub actor: String,
}

/// One entry of the change log.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ChangeEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown> | null"))]
    pub before: Option<serde_json::Value>,
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown> | null"))]
    pub after: Option<serde_json::Value>,
    /// Where a change merged from a work copy came from (`ChangeOrigin`); `None` for a change made here.
    pub origin: Option<crate::model::ChangeOrigin>,
}

/// Which change-log entries to read: each filter left `None` takes all.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, Serialize)]
pub struct ChangeLogQuery {
    /// The kind of record (`procedure`, `case_stats`, …).
    pub entity: Option<String>,
    /// Who made the change, as the log names them.
    pub actor: Option<String>,
    /// From this day, and up to this day, inclusive (the change's local date).
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    /// At most this many, newest first.
    pub limit: usize,
}

pub struct Register {
    conn: Connection,
    path: PathBuf,
}

impl Register {
    /// Creates a new, empty register; refuses to touch an existing file.
    pub fn create(path: &Path) -> Result<Register> {
        if path.exists() {
            return Err(Error::RegisterExists(path.to_path_buf()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open(path).map_err(storage)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID).map_err(storage)?;
        let mut register = Register { conn, path: path.to_path_buf() };
        register.configure()?;
        register.migrate(0)?;
        Ok(register)
    }

    /// Opens an existing register, migrating it if it is older (after a copy to the path `migration_copy` gives;
    /// its folder is created). Returns the register and the path of the copy made before migrating, if one was made.
    pub fn open(path: &Path, migration_copy: impl FnOnce() -> PathBuf) -> Result<(Register, Option<PathBuf>)> {
        let version = inspect(path)?;
        let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(storage)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(storage)?;
        let mut backup = None;
        if version < SCHEMA_VERSION {
            let copy = migration_copy();
            if let Some(dir) = copy.parent() {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            // Written as a locked partial file and renamed: a copy cut short never lies there under a copy's name.
            let written = crate::partial::Partial::begin(&copy, crate::partial::Folder::Own)?;
            let copy_str = written.path().to_str().ok_or_else(|| Error::Storage("backup path is not UTF-8".into()))?;
            conn.execute("VACUUM INTO ?1", [copy_str]).map_err(storage)?;
            written.commit()?;
            backup = Some(copy);
            conn = reopen(conn, path)?;
        }
        let mut register = Register { conn, path: path.to_path_buf() };
        register.configure()?;
        register.migrate(version)?;
        Ok((register, backup))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(storage)
    }

    /// The journal mode in use ("wal" on a local disk, "delete" on a network share).
    pub fn journal_mode(&self) -> Result<String> {
        self.conn.pragma_query_value(None, "journal_mode", |row| row.get(0)).map_err(storage)
    }

    /// The change log, newest first.
    pub fn change_log(&self, limit: usize) -> Result<Vec<ChangeEntry>> {
        self.change_log_query(&ChangeLogQuery { limit, ..ChangeLogQuery::default() })
    }

    /// The change log's entries matching `query`, newest first.
    pub fn change_log_query(&self, query: &ChangeLogQuery) -> Result<Vec<ChangeEntry>> {
        let sql = "SELECT id, at, actor, entity, entity_id, action, before, after, origin FROM change_log
                   WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR actor = ?2)
                     AND (?3 IS NULL OR substr(at, 1, 10) >= ?3) AND (?4 IS NULL OR substr(at, 1, 10) <= ?4)
                   ORDER BY id DESC LIMIT ?5";
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let args = params![query.entity, query.actor, day(query.from), day(query.to), query.limit as i64];
        query_all(&self.conn, sql, args, |row| {
            let parse = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
            Ok(ChangeEntry {
                id: row.get(0)?,
                at: row.get(1)?,
                actor: row.get(2)?,
                entity: row.get(3)?,
                entity_id: row.get(4)?,
                action: row.get(5)?,
                before: parse(row.get(6)?),
                after: parse(row.get(7)?),
                origin: row.get::<_, Option<String>>(8)?.and_then(|t| serde_json::from_str(&t).ok()),
            })
        })
    }

    /// The kinds of record and the people the change log names, each once, in name order (the screen's filters).
    pub fn change_log_facets(&self) -> Result<(Vec<String>, Vec<String>)> {
        let entities =
            query_all(&self.conn, "SELECT DISTINCT entity FROM change_log ORDER BY entity", [], |r| r.get(0))?;
        let actors = query_all(&self.conn, "SELECT DISTINCT actor FROM change_log ORDER BY actor", [], |r| r.get(0))?;
        Ok((entities, actors))
    }

    fn configure(&mut self) -> Result<()> {
        self.conn.pragma_update(None, "foreign_keys", "ON").map_err(storage)?;
        // WAL is unsafe on network file systems (no shared memory); fall back to a rollback journal there.
        let mode = if is_network_path(&self.path) { "DELETE" } else { "WAL" };
        self.conn.pragma_update_and_check(None, "journal_mode", mode, |_| Ok(())).map_err(storage)?;
        // FULL: a committed edit survives a power cut, which matters more here than write speed.
        self.conn.pragma_update(None, "synchronous", "FULL").map_err(storage)?;
        Ok(())
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        for (index, (name, sql)) in MIGRATIONS.iter().enumerate().skip(from as usize) {
            let tx = self.conn.transaction().map_err(storage)?;
            tx.execute_batch(sql).map_err(|e| Error::Storage(format!("migration {name}: {e}")))?;
            tx.pragma_update(None, "user_version", index as i64 + 1).map_err(storage)?;
            tx.commit().map_err(storage)?;
        }
        Ok(())
    }
}

/// Checks a file before anything writes to it: a SQLite header, our application id, a schema we know, and
/// `quick_check`. Returns the schema version. Opens read-only, so a refused file keeps its bytes.
fn inspect(path: &Path) -> Result<i64> {
    check_header(path)?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(storage)?;
    // A rollback journal (on a share) keeps readers out while another process commits: wait for it, as writes do.
    conn.busy_timeout(BUSY_TIMEOUT).map_err(storage)?;
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(damaged)?;
    if app_id != APPLICATION_ID {
        return Err(Error::NotARegister(path.to_path_buf()));
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(damaged)?;
    if version > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew { found: version, supported: SCHEMA_VERSION });
    }
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(damaged)?;
    if check != "ok" {
        return Err(Error::RegisterDamaged(check));
    }
    Ok(version)
}

/// A file that does not start with SQLite's header is not a register (whatever its name says).
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::RegisterNotFound(path.to_path_buf()),
        _ => Error::io(path, e),
    })?;
    if file.read_exact(&mut header).is_err() || &header != b"SQLite format 3\0" {
        return Err(Error::NotARegister(path.to_path_buf()));
    }
    Ok(())
}

fn reopen(conn: Connection, path: &Path) -> Result<Connection> {
    conn.close().map_err(|(_, e)| storage(e))?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(storage)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(storage)?;
    Ok(conn)
}

/// True when the register lives on a network share: a UNC path or a mapped network drive (`Z:`) on Windows, or an
/// NFS/SMB mount on Linux. The facts are gathered here; the decision is [`is_network`], a pure function.
fn is_network_path(path: &Path) -> bool {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = absolute.to_string_lossy();
    let drive = drive_root(&text).map_or(DriveKind::Unknown, drive_kind);
    is_network(&text, drive, mount_fs_type(&absolute).as_deref())
}

/// What Windows says of the drive a path is on (`GetDriveTypeW`); `Unknown` elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DriveKind {
    /// `DRIVE_REMOTE`: a network drive mapped to a letter (`net use Z: \\server\share`).
    Remote,
    /// Any other answer: a fixed or removable disk, a RAM disk, a CD.
    #[cfg_attr(not(windows), allow(dead_code))]
    Local,
    Unknown,
}

/// The decision, from facts: a UNC path (`\\server\share`, `//server/share`, `\\?\UNC\server\share`), a drive
/// Windows calls remote, or a Linux mount whose file system is a network one. A verbatim local path
/// (`\\?\C:\…`, what `canonicalize` gives on Windows) is not a share.
fn is_network(path: &str, drive: DriveKind, mount_fs_type: Option<&str>) -> bool {
    let unc = if let Some(rest) = path.strip_prefix(r"\\?\").or_else(|| path.strip_prefix(r"\\.\")) {
        rest.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(r"UNC\"))
    } else {
        path.starts_with(r"\\") || path.starts_with("//")
    };
    let network_fs = matches!(mount_fs_type, Some("nfs" | "nfs4" | "cifs" | "smb3" | "smbfs" | "9p" | "fuse.sshfs"));
    unc || drive == DriveKind::Remote || network_fs
}

/// The root of the drive a Windows path starts with (`Z:\` for `Z:\Sổ\register.cchc` or `\\?\Z:\…`).
fn drive_root(path: &str) -> Option<String> {
    let rest = path.strip_prefix(r"\\?\").unwrap_or(path);
    match rest.as_bytes() {
        [letter, b':', ..] if letter.is_ascii_alphabetic() => Some(format!("{}:\\", *letter as char)),
        _ => None,
    }
}

#[cfg(windows)]
fn drive_kind(root: String) -> DriveKind {
    use std::os::windows::ffi::OsStrExt;
    use windows_sys::Win32::Storage::FileSystem::GetDriveTypeW;
    use windows_sys::Win32::System::WindowsProgramming::DRIVE_REMOTE;
    let wide: Vec<u16> = std::ffi::OsStr::new(&root).encode_wide().chain([0]).collect();
    // SAFETY: `wide` is a NUL-terminated UTF-16 string that outlives the call.
    if unsafe { GetDriveTypeW(wide.as_ptr()) } == DRIVE_REMOTE { DriveKind::Remote } else { DriveKind::Local }
}

#[cfg(not(windows))]
fn drive_kind(_root: String) -> DriveKind {
    DriveKind::Unknown
}

/// The file system type of the mount holding a path's folder (Linux's `/proc/mounts`; `None` elsewhere).
fn mount_fs_type(path: &Path) -> Option<String> {
    let absolute = std::fs::canonicalize(path.parent().unwrap_or(path)).ok()?;
    let mounts = std::fs::read_to_string("/proc/mounts").ok()?;
    let mut best: Option<(usize, String)> = None;
    for line in mounts.lines() {
        let mut parts = line.split_whitespace();
        let (Some(_), Some(mount_point), Some(fs_type)) = (parts.next(), parts.next(), parts.next()) else { continue };
        if absolute.starts_with(mount_point) && best.as_ref().is_none_or(|(len, _)| mount_point.len() > *len) {
            best = Some((mount_point.len(), fs_type.to_string()));
        }
    }
    best.map(|(_, fs_type)| fs_type)
}

/// Every row of a query, each read by `read`: the one place where a statement is prepared, run and collected.
fn query_all<T, P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    read: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql).map_err(storage)?;
    let rows = stmt.query_map(params, read).map_err(storage)?;
    rows.collect::<rusqlite::Result<Vec<_>>>().map_err(storage)
}

/// A failed SQLite call. A write the disk refused (full, or the file may not grow) is `DiskFull`, so the user is told
/// to free space; SQLite does not keep the errno, so every failed write (SQLITE_FULL, SQLITE_IOERR_WRITE, _FSYNC,
/// _TRUNCATE) counts as one — the remedy is the same.
fn storage(e: rusqlite::Error) -> Error {
    use rusqlite::ffi;
    if is_busy(&e) {
        return Error::RegisterBusy(e.to_string());
    }
    if let rusqlite::Error::SqliteFailure(err, _) = &e
        && (err.code == rusqlite::ErrorCode::DiskFull
            || matches!(
                err.extended_code,
                ffi::SQLITE_IOERR_WRITE | ffi::SQLITE_IOERR_FSYNC | ffi::SQLITE_IOERR_TRUNCATE
            ))
    {
        return Error::DiskFull(e.to_string());
    }
    Error::Storage(e.to_string())
}

/// A failed read of a file being opened: damaged, unless another process holds the lock (then it is only busy).
fn damaged(e: rusqlite::Error) -> Error {
    if is_busy(&e) {
        return Error::RegisterBusy(e.to_string());
    }
    Error::RegisterDamaged(e.to_string())
}

/// Another connection holds the lock longer than `BUSY_TIMEOUT`: another process is writing to the register.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(err, _)
        if matches!(err.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// Writes one change-log entry inside the caller's transaction.
fn log_change(
    tx: &rusqlite::Connection,
    stamp: &Stamp,
    entity: &str,
    entity_id: &str,
    action: &str,
    before: Option<&serde_json::Value>,
    after: Option<&serde_json::Value>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO change_log (at, actor, entity, entity_id, action, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![stamp.at, stamp.actor, entity, entity_id, action, before.map(|v| v.to_string()), after.map(|v| v.to_string())],
    )
    .map_err(storage)?;
    Ok(())
}

/// Reads one optional row (small helper shared by the submodules).
fn optional<T>(result: rusqlite::Result<T>) -> Result<Option<T>> {
    result.optional().map_err(storage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_mapped_network_drives_use_a_rollback_journal() {
        use DriveKind::{Local, Remote, Unknown};
        let cases = [
            (r"\\server\share\Sổ CCHC\register.cchc", Unknown, None, true),
            ("//server/share/register.cchc", Unknown, None, true),
            (r"\\?\UNC\server\share\register.cchc", Unknown, None, true),
            // A letter mapped to a share (`net use Z: \\server\share`) is a share too.
            (r"Z:\Sổ CCHC\register.cchc", Remote, None, true),
            (r"\\?\Z:\Sổ CCHC\register.cchc", Remote, None, true),
            (r"C:\Users\Nguyễn Thị Lan\AppData\Roaming\vn.cchc.desktop\register.cchc", Local, None, false),
            // What `canonicalize` gives for a local file on Windows is not a UNC path.
            (r"\\?\C:\Users\Lan\register.cchc", Local, None, false),
            (r"E:\register.cchc", Local, None, false),
            ("/home/lan/.local/share/vn.cchc.desktop/register.cchc", Unknown, Some("ext4"), false),
            ("/mnt/phong/register.cchc", Unknown, Some("cifs"), true),
            ("/mnt/nfs/register.cchc", Unknown, Some("nfs4"), true),
        ];
        for (path, drive, fs_type, network) in cases {
            assert_eq!(is_network(path, drive, fs_type), network, "{path}");
        }
    }

    #[test]
    fn the_drive_asked_about_is_the_paths_own() {
        assert_eq!(drive_root(r"Z:\Sổ\register.cchc").as_deref(), Some(r"Z:\"));
        assert_eq!(drive_root(r"\\?\z:\register.cchc").as_deref(), Some(r"z:\"));
        assert_eq!(drive_root(r"\\server\share\register.cchc"), None);
        assert_eq!(drive_root("/home/lan/register.cchc"), None);
        assert_eq!(drive_root("register.cchc"), None);
    }

    /// Under Wine and on Windows: the system drive is a local disk, so a register there keeps WAL.
    #[cfg(windows)]
    #[test]
    fn the_system_drive_is_not_a_network_drive() {
        assert_eq!(drive_kind(r"C:\".to_string()), DriveKind::Local);
    }
}
