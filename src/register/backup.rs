//! The SQLite side of backups: a consistent copy of the open register (`VACUUM INTO`), the facts that make a copy
//! trustworthy (integrity, schema, row counts, the last change), and restoring a copy into the open register with
//! SQLite's online backup API, which swaps every page in one locked step.

use super::{APPLICATION_ID, Register, SCHEMA_VERSION, Stamp, log_change, query_all, storage};
use crate::error::{Error, Result};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// What a register file holds, read from the file itself.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyFacts {
    pub schema_version: i64,
    /// Rows per table (the change log included), so a person can see what a copy holds and what a restore changes.
    pub counts: BTreeMap<String, i64>,
    /// The newest change-log entry: a copy is up to date when it equals the register's.
    pub last_change: i64,
}

impl Register {
    /// Writes a consistent, compact copy of the register to `dest` (which must not exist).
    pub fn copy_to(&self, dest: &Path) -> Result<()> {
        let dest_str = dest.to_str().ok_or_else(|| Error::Storage("backup path is not UTF-8".into()))?;
        self.conn.execute("VACUUM INTO ?1", [dest_str]).map_err(storage)?;
        Ok(())
    }

    /// The facts of the open register, to compare with a copy.
    pub fn facts(&self) -> Result<CopyFacts> {
        facts_of(&self.conn)
    }

    /// The newest change-log id (0 when nothing was ever changed).
    pub fn last_change(&self) -> Result<i64> {
        self.conn.query_row("SELECT COALESCE(MAX(id), 0) FROM change_log", [], |r| r.get(0)).map_err(storage)
    }

    /// Replaces the whole content of the open register with the copy at `src` (already verified), in one step:
    /// either every page is replaced or, on any failure, none is. Older copies are migrated afterwards.
    pub fn restore_from(&mut self, src: &Path) -> Result<()> {
        let source = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(storage)?;
        {
            let backup = Backup::new(&source, &mut self.conn).map_err(storage)?;
            // -1: all pages in one step, under one lock.
            match backup.step(-1).map_err(storage)? {
                StepResult::Done => {}
                other => return Err(Error::Storage(format!("restore did not finish: {other:?}"))),
            }
        }
        drop(source);
        let version = self.schema_version()?;
        self.configure()?;
        self.migrate(version)?;
        Ok(())
    }

    /// Notes a restore in the (restored) change log: which copy, so the history says where the rows came from. The
    /// log as it was before the restore is kept whole in the undo copy.
    pub fn log_restore(&mut self, stamp: &Stamp, copy: &str) -> Result<()> {
        let tx = self.conn.transaction().map_err(storage)?;
        // The log's actions are a fixed set; a restore is an update of the whole register, from the named copy.
        let after = serde_json::json!({ "restored_from": copy });
        log_change(&tx, stamp, "register", copy, "update", None, Some(&after))?;
        tx.commit().map_err(storage)
    }
}

/// Checks a copy without changing it: our application id, a schema this program can read, `integrity_check`, and
/// the row counts. Any failure is `RegisterDamaged` (or `NotARegister`, `SchemaTooNew`).
pub fn verify(path: &Path) -> Result<CopyFacts> {
    super::check_header(path)?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(super::damaged)?;
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(super::damaged)?;
    if app_id != APPLICATION_ID {
        return Err(Error::NotARegister(path.to_path_buf()));
    }
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(super::damaged)?;
    if check != "ok" {
        return Err(Error::RegisterDamaged(check));
    }
    let facts = facts_of(&conn).map_err(|e| Error::RegisterDamaged(e.to_string()))?;
    if facts.schema_version > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew { found: facts.schema_version, supported: SCHEMA_VERSION });
    }
    Ok(facts)
}

fn facts_of(conn: &Connection) -> Result<CopyFacts> {
    let schema_version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(storage)?;
    let sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
    let tables: Vec<String> = query_all(conn, sql, [], |r| r.get(0))?;
    let mut counts = BTreeMap::new();
    for table in tables {
        // Table names come from sqlite_master, not from input; quoting keeps any name safe.
        let sql = format!("SELECT COUNT(*) FROM \"{}\"", table.replace('"', "\"\""));
        let n: i64 = conn.query_row(&sql, [], |r| r.get(0)).map_err(storage)?;
        counts.insert(table, n);
    }
    let last_change = if counts.contains_key("change_log") {
        conn.query_row("SELECT COALESCE(MAX(id), 0) FROM change_log", [], |r| r.get(0)).map_err(storage)?
    } else {
        0
    };
    Ok(CopyFacts { schema_version, counts, last_change })
}
