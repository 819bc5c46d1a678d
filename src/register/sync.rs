//! Work copies in SQL: the register's identity, a work copy's own row and base, the copies the office gave out and
//! the changes files it merged; the mergeable records read generically by their stable key (`SPECS`), and a merge's
//! writes applied in one transaction with their change-log entries.
//!
//! A record is read as its compared fields: local integer ids, timestamps and derived sort keys are left out, and a
//! reference to another record (`procedure_id`, `plan_id`…) is given as that record's stable key, so the same
//! record reads the same on every computer.

use super::{Register, Stamp, optional, storage};
use crate::error::{Error, Result};
use crate::model::{ChangeOrigin, Fields, Finding, FindingCode, Op, Place, WorkCopyInfo};
use crate::text;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OpenFlags, params, params_from_iter};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A mergeable table: its stable key, its references to other tables and how a person names a record.
pub struct Spec {
    pub table: &'static str,
    /// The columns (after references are given as keys) that name a record on every computer.
    key: &'static [&'static str],
    /// Columns holding another table's local id: (column, that table).
    refs: &'static [(&'static str, &'static str)],
    /// The local integer id column, left out of the fields (`rowid` is used to find a row).
    local_id: bool,
    /// The fields that name a record for a person, joined by " — ".
    label: &'static [&'static str],
}

/// Never compared nor sent: when a row was written, and keys derived from its text (recomputed on writing).
const NOT_COMPARED: &[&str] = &["created_at", "updated_at", "search_text", "name_sort", "field_sort"];

/// The mergeable tables, parents before children (the order inserts run in; deletes run backwards). The office's
/// own records (numbered outgoing documents, report files sent and received, the change log) are not merged.
pub const SPECS: &[Spec] = &[
    Spec { table: "unit", key: &["id"], refs: &[], local_id: false, label: &["name"] },
    Spec { table: "period_setting", key: &["period"], refs: &[], local_id: false, label: &["period"] },
    Spec { table: "staff_category", key: &["code"], refs: &[], local_id: false, label: &["name"] },
    Spec { table: "reform_area", key: &["code"], refs: &[], local_id: false, label: &["name"] },
    Spec { table: "procedure", key: &["code"], refs: &[], local_id: true, label: &["code", "name"] },
    Spec {
        table: "case_stats",
        key: &["period", "field", "procedure_id"],
        refs: &[("procedure_id", "procedure")],
        local_id: true,
        label: &["period", "field", "procedure_id"],
    },
    Spec { table: "staff_quota", key: &["year", "category"], refs: &[], local_id: true, label: &["year", "category"] },
    Spec {
        table: "staff_headcount",
        key: &["year", "category"],
        refs: &[],
        local_id: true,
        label: &["year", "category"],
    },
    Spec { table: "person", key: &["uid"], refs: &[], local_id: true, label: &["name", "position"] },
    Spec { table: "plan", key: &["year", "number"], refs: &[], local_id: true, label: &["number", "title"] },
    Spec { table: "task", key: &["uid"], refs: &[("plan_id", "plan")], local_id: true, label: &["content"] },
    Spec { table: "iso_system", key: &["id"], refs: &[], local_id: false, label: &["version"] },
    Spec { table: "iso_announcement", key: &["uid"], refs: &[], local_id: true, label: &["number", "date"] },
    Spec {
        table: "iso_scope",
        key: &["announcement_id", "procedure_code"],
        refs: &[("announcement_id", "iso_announcement")],
        local_id: false,
        label: &["procedure_code"],
    },
    Spec { table: "iso_audit", key: &["uid"], refs: &[], local_id: true, label: &["date", "scope"] },
    Spec {
        table: "iso_nonconformity",
        key: &["uid"],
        refs: &[("audit_id", "iso_audit")],
        local_id: true,
        label: &["description"],
    },
    Spec { table: "iso_review", key: &["uid"], refs: &[], local_id: true, label: &["date"] },
    Spec {
        table: "iso_action",
        key: &["uid"],
        refs: &[("nonconformity_id", "iso_nonconformity"), ("review_id", "iso_review")],
        local_id: true,
        label: &["content"],
    },
    Spec { table: "iso_legal_change", key: &["uid"], refs: &[], local_id: true, label: &["text"] },
    Spec { table: "iso_report", key: &["year"], refs: &[], local_id: true, label: &["year", "number"] },
    Spec { table: "criteria_set", key: &["urn", "version"], refs: &[], local_id: true, label: &["name", "version"] },
    Spec {
        table: "assessment",
        key: &["year"],
        refs: &[("criteria_set_id", "criteria_set")],
        local_id: true,
        label: &["year"],
    },
    Spec {
        table: "assessment_score",
        key: &["assessment_id", "code"],
        refs: &[("assessment_id", "assessment")],
        local_id: false,
        label: &["assessment_id", "code"],
    },
    Spec { table: "evidence", key: &["uid"], refs: &[], local_id: true, label: &["title"] },
    Spec {
        table: "evidence_link",
        key: &["assessment_id", "code", "evidence_id"],
        refs: &[("assessment_id", "assessment"), ("evidence_id", "evidence")],
        local_id: false,
        label: &["assessment_id", "code", "evidence_id"],
    },
    Spec {
        table: "report_section",
        key: &["report_kind", "period", "section"],
        refs: &[],
        local_id: false,
        label: &["report_kind", "period", "section"],
    },
];

pub fn spec(table: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.table == table)
}

/// The position of a table in `SPECS` (unknown tables last).
pub fn order(table: &str) -> usize {
    SPECS.iter().position(|s| s.table == table).unwrap_or(SPECS.len())
}

/// How a person names a record: its label fields, text without quotes, a reference as the key it points to.
pub fn label(table: &str, fields: &Fields) -> String {
    let Some(spec) = spec(table) else { return String::new() };
    let plain = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_string).unwrap_or_else(|| i.to_string()))
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    };
    spec.label
        .iter()
        .filter_map(|f| fields.get(*f).map(plain))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" — ")
}

/// Whether a change from a file names a mergeable table and a key that is JSON and is the key its fields give (a
/// file edited by hand may say anything).
pub fn well_formed(change: &crate::model::RecordChange) -> bool {
    let Some(spec) = spec(&change.table) else { return false };
    if serde_json::from_str::<serde_json::Value>(&change.key).is_err() {
        return false;
    }
    [&change.before, &change.after].into_iter().flatten().all(|fields| key_of(spec, fields) == change.key)
}

/// Every mergeable record by (table, key).
pub type Snapshot = BTreeMap<(String, String), Fields>;

/// A record's key text from its fields: the one key value, or the array of them.
fn key_of(spec: &Spec, fields: &Fields) -> String {
    let value = |c: &str| fields.get(c).cloned().unwrap_or(serde_json::Value::Null);
    let key = if spec.key.len() == 1 {
        value(spec.key[0])
    } else {
        serde_json::Value::Array(spec.key.iter().map(|c| value(c)).collect())
    };
    key.to_string()
}

fn to_json(value: ValueRef<'_>) -> serde_json::Value {
    match value {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => serde_json::json!(i),
        ValueRef::Real(f) => serde_json::json!(f),
        ValueRef::Text(t) => serde_json::Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => serde_json::Value::String(b.iter().map(|x| format!("{x:02x}")).collect()),
    }
}

fn to_sql(value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(*b as i64),
        serde_json::Value::Number(n) => {
            n.as_i64().map(Value::Integer).unwrap_or(Value::Real(n.as_f64().unwrap_or(0.0)))
        }
        serde_json::Value::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// Reads every mergeable record of one table, with its rowid; `keys` holds the keys (as JSON) of the tables read
/// before it, by local id, and is extended with this table's.
fn read_table(
    conn: &Connection,
    spec: &Spec,
    keys: &mut HashMap<&'static str, HashMap<i64, serde_json::Value>>,
) -> Result<Vec<(i64, Fields)>> {
    let mut stmt = conn.prepare(&format!("SELECT rowid, * FROM {}", spec.table)).map_err(storage)?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut rows = stmt.query([]).map_err(storage)?;
    let mut out = Vec::new();
    let mut own = HashMap::new();
    while let Some(row) = rows.next().map_err(storage)? {
        let rowid: i64 = row.get(0).map_err(storage)?;
        let fields = fields_of(spec, row, &names, 1, &mut |target, id| {
            Ok(keys.get(target).and_then(|m| m.get(&id)).cloned().unwrap_or(serde_json::Value::Null))
        })?;
        let key: serde_json::Value = serde_json::from_str(&key_of(spec, &fields)).expect("a key is JSON");
        own.insert(rowid, key);
        out.push((rowid, fields));
    }
    keys.insert(spec.table, own);
    Ok(out)
}

fn snapshot_of(conn: &Connection) -> Result<Snapshot> {
    let mut keys = HashMap::new();
    let mut out = Snapshot::new();
    for spec in SPECS {
        for (_, fields) in read_table(conn, spec, &mut keys)? {
            out.insert((spec.table.to_string(), key_of(spec, &fields)), fields);
        }
    }
    Ok(out)
}

/// Finds a record's rowid by its key (references inside the key resolved the same way, recursively).
fn find(conn: &Connection, spec: &Spec, key: &serde_json::Value) -> Result<Option<i64>> {
    let parts: Vec<serde_json::Value> = match key {
        serde_json::Value::Array(items) if spec.key.len() > 1 => items.clone(),
        other => vec![other.clone()],
    };
    if parts.len() != spec.key.len() {
        return Ok(None);
    }
    let mut values = Vec::with_capacity(parts.len());
    for (column, part) in spec.key.iter().zip(&parts) {
        match spec.refs.iter().find(|(c, _)| c == column) {
            Some((_, target)) if !part.is_null() => {
                let target = self::spec(target).expect("a reference names a spec");
                match find(conn, target, part)? {
                    Some(id) => values.push(Value::Integer(id)),
                    None => return Ok(None),
                }
            }
            _ => values.push(to_sql(part)),
        }
    }
    let condition = spec.key.iter().enumerate().map(|(i, c)| format!("{c} IS ?{}", i + 1)).collect::<Vec<_>>();
    let sql = format!("SELECT rowid FROM {} WHERE {}", spec.table, condition.join(" AND "));
    optional(conn.query_row(&sql, params_from_iter(values), |r| r.get(0)))
}

/// One record's fields, found by its key.
fn record(conn: &Connection, spec: &Spec, key: &str) -> Result<Option<(i64, Fields)>> {
    let key_value: serde_json::Value = serde_json::from_str(key).map_err(|e| Error::Storage(e.to_string()))?;
    let Some(rowid) = find(conn, spec, &key_value)? else { return Ok(None) };
    let mut stmt = conn.prepare_cached(&format!("SELECT * FROM {} WHERE rowid = ?1", spec.table)).map_err(storage)?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut rows = stmt.query([rowid]).map_err(storage)?;
    let Some(row) = rows.next().map_err(storage)? else { return Ok(None) };
    let fields =
        fields_of(spec, row, &names, 0, &mut |target, id| key_at(conn, self::spec(target).expect("spec"), id))?;
    Ok(Some((rowid, fields)))
}

/// Whether a column is one of a record's compared fields (not its local id, a timestamp or a derived key).
fn compared(spec: &Spec, column: &str) -> bool {
    !(spec.local_id && column == "id") && !NOT_COMPARED.contains(&column)
}

/// A row's compared fields from column `from` on, each reference given as the key `reference` finds for the
/// (table, local id) it names.
fn fields_of(
    spec: &Spec,
    row: &rusqlite::Row<'_>,
    names: &[String],
    from: usize,
    reference: &mut dyn FnMut(&str, i64) -> Result<serde_json::Value>,
) -> Result<Fields> {
    let mut fields = Fields::new();
    for (i, name) in names.iter().enumerate().skip(from).filter(|(_, name)| compared(spec, name)) {
        let raw = row.get_ref(i).map_err(storage)?;
        let value = match (spec.refs.iter().find(|(c, _)| c == name), raw) {
            (Some((_, target)), ValueRef::Integer(id)) => reference(target, id)?,
            _ => to_json(raw),
        };
        fields.insert(name.clone(), value);
    }
    Ok(fields)
}

/// The key (as JSON) of the row `rowid` of a table.
fn key_at(conn: &Connection, spec: &Spec, rowid: i64) -> Result<serde_json::Value> {
    let columns = spec.key.join(", ");
    let sql = format!("SELECT {columns} FROM {} WHERE rowid = ?1", spec.table);
    let values: Option<Vec<(String, Value)>> = optional(conn.query_row(&sql, [rowid], |row| {
        spec.key.iter().enumerate().map(|(i, c)| Ok((c.to_string(), row.get::<_, Value>(i)?))).collect()
    }))?;
    let Some(values) = values else { return Ok(serde_json::Value::Null) };
    let mut fields = Fields::new();
    for (column, value) in values {
        let json = match (spec.refs.iter().find(|(c, _)| *c == column), &value) {
            (Some((_, target)), Value::Integer(id)) => key_at(conn, self::spec(target).expect("spec"), *id)?,
            _ => to_json(ValueRef::from(&value)),
        };
        fields.insert(column, json);
    }
    Ok(serde_json::from_str(&key_of(spec, &fields)).expect("a key is JSON"))
}

/// The columns of a table as the register has them.
fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT name FROM pragma_table_info('{table}')")).map_err(storage)?;
    let names = stmt.query_map([], |r| r.get(0)).map_err(storage)?;
    names.collect::<rusqlite::Result<Vec<String>>>().map_err(storage)
}

/// A field's value as the table stores it: a reference given as a key becomes the local id it names.
fn stored(conn: &Connection, spec: &Spec, column: &str, value: &serde_json::Value) -> Result<Value> {
    match spec.refs.iter().find(|(c, _)| *c == column) {
        Some((_, target)) if !value.is_null() => {
            let target_spec = self::spec(target).expect("spec");
            find(conn, target_spec, value)?.map(Value::Integer).ok_or_else(|| clash(&format!("{} {}", target, value)))
        }
        _ => Ok(to_sql(value)),
    }
}

fn clash(label: &str) -> Error {
    Error::Invalid(vec![Finding::new(FindingCode::MergeClash, Place::default()).with("value", label)])
}

/// The derived columns of a written row, from its text (the same as the register's own writes compute).
fn derive(conn: &Connection, table: &str, rowid: i64, at: &str) -> Result<()> {
    match table {
        "procedure" => {
            let (code, name, field): (String, String, String) = conn
                .query_row("SELECT code, name, field FROM procedure WHERE rowid = ?1", [rowid], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .map_err(storage)?;
            conn.execute(
                "UPDATE procedure SET search_text = ?2, name_sort = ?3, field_sort = ?4, updated_at = ?5 WHERE rowid = ?1",
                params![rowid, text::fold(&format!("{code} {name} {field}")), text::sort_key(&name), text::sort_key(&field), at],
            )
            .map_err(storage)?;
        }
        "person" => {
            let name: String =
                conn.query_row("SELECT name FROM person WHERE rowid = ?1", [rowid], |r| r.get(0)).map_err(storage)?;
            conn.execute("UPDATE person SET name_sort = ?2 WHERE rowid = ?1", params![rowid, text::sort_key(&name)])
                .map_err(storage)?;
        }
        _ => {}
    }
    Ok(())
}

/// One write of a merge: the record, what to do, its label and where it came from.
pub struct MergeWrite<'a> {
    pub table: &'a str,
    pub key: &'a str,
    pub op: &'a Op,
    pub origin: &'a ChangeOrigin,
}

/// What a merge records at the office.
pub struct MergeRecord<'a> {
    pub copy_id: &'a str,
    pub sequence: u32,
    pub sha256: &'a str,
    pub person: &'a str,
    pub conflicts: usize,
}

impl Register {
    /// This register's own identity (a UUID given once).
    pub fn register_uid(&self) -> Result<String> {
        self.conn.query_row("SELECT uid FROM register_identity", [], |r| r.get(0)).map_err(storage)
    }

    /// The work copy this register is, if it is one.
    pub fn work_copy(&self) -> Result<Option<WorkCopyInfo>> {
        optional(self.conn.query_row("SELECT copy_uid, person, taken_at, sent FROM work_copy", [], |r| {
            Ok(WorkCopyInfo { copy_id: r.get(0)?, person: r.get(1)?, taken_at: r.get(2)?, sent: r.get(3)? })
        }))
    }

    /// The change-log entry a work copy's base stands at.
    pub fn work_copy_base_log(&self) -> Result<i64> {
        optional(self.conn.query_row("SELECT base_log FROM work_copy", [], |r| r.get(0))).map(Option::unwrap_or_default)
    }

    /// The SHA-256 of the last changes file this work copy wrote.
    pub fn last_sent_sha(&self) -> Result<Option<String>> {
        optional(self.conn.query_row("SELECT last_sha256 FROM work_copy", [], |r| r.get(0))).map(Option::flatten)
    }

    /// Every mergeable record as it is now.
    pub fn snapshot(&self) -> Result<Snapshot> {
        snapshot_of(&self.conn)
    }

    /// A work copy's base: its records as they were when it was taken or its last changes file was written.
    pub fn work_copy_base(&self) -> Result<Snapshot> {
        let mut stmt = self.conn.prepare("SELECT tbl, key, row FROM work_copy_base").map_err(storage)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
            .map_err(storage)?;
        let mut out = Snapshot::new();
        for row in rows {
            let (table, key, fields) = row.map_err(storage)?;
            let fields: Fields = serde_json::from_str(&fields).map_err(|e| Error::RegisterDamaged(e.to_string()))?;
            out.insert((table, key), fields);
        }
        Ok(out)
    }

    /// When each kind of record was last changed in the log after change `since` (who and when of a change).
    pub fn last_changed(&self, since: i64) -> Result<HashMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT entity, MAX(at) FROM change_log WHERE id > ?1 GROUP BY entity")
            .map_err(storage)?;
        let rows = stmt.query_map([since], |r| Ok((r.get(0)?, r.get(1)?))).map_err(storage)?;
        rows.collect::<rusqlite::Result<HashMap<String, String>>>().map_err(storage)
    }

    /// Writes a work copy of this register to `dest` (a new file): the register as it is, marked as the copy
    /// `copy_id` of `person`, with its base; and records at the office that the copy was given out.
    pub fn write_work_copy(&mut self, dest: &Path, info: &WorkCopyInfo, stamp: &Stamp) -> Result<()> {
        self.copy_to(dest)?;
        let mut copy = Connection::open_with_flags(dest, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(storage)?;
        let base = snapshot_of(&copy)?;
        let tx = copy.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO work_copy (id, copy_uid, person, taken_at, sent, base_log)
             VALUES (1, ?1, ?2, ?3, 0, (SELECT COALESCE(MAX(id), 0) FROM change_log))",
            params![info.copy_id, info.person, info.taken_at],
        )
        .map_err(storage)?;
        write_base(&tx, &base)?;
        tx.commit().map_err(storage)?;
        copy.execute_batch("VACUUM").map_err(storage)?;
        drop(copy);
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO work_copy_given (copy_uid, person, taken_at) VALUES (?1, ?2, ?3)",
            params![info.copy_id, info.person, info.taken_at],
        )
        .map_err(storage)?;
        let after = serde_json::json!({ "person": info.person, "taken_at": info.taken_at });
        super::log_change(&tx, stamp, "work_copy", &info.copy_id, "create", None, Some(&after))?;
        tx.commit().map_err(storage)
    }

    /// Notes that this work copy wrote changes file `sequence` (its SHA-256): the base becomes `now`.
    pub fn mark_sent(&mut self, sequence: u32, sha256: &str, now: &Snapshot) -> Result<()> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "UPDATE work_copy SET sent = ?1, last_sha256 = ?2, base_log = (SELECT COALESCE(MAX(id), 0) FROM change_log)",
            params![sequence, sha256],
        )
        .map_err(storage)?;
        tx.execute("DELETE FROM work_copy_base", []).map_err(storage)?;
        write_base(&tx, now)?;
        tx.commit().map_err(storage)
    }

    /// The last changes file of a copy merged here: its number and SHA-256 (0 and none before the first).
    pub fn merged_last(&self, copy_id: &str) -> Result<(u32, Option<String>)> {
        let last: Option<(u32, String)> = optional(self.conn.query_row(
            "SELECT sequence, sha256 FROM changes_merged WHERE copy_uid = ?1 ORDER BY sequence DESC LIMIT 1",
            [copy_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))?;
        Ok(last.map_or((0, None), |(n, sha)| (n, Some(sha))))
    }

    /// The SHA-256 of a copy's changes file `sequence` merged here, if it was.
    pub fn merged_sha(&self, copy_id: &str, sequence: u32) -> Result<Option<String>> {
        optional(self.conn.query_row(
            "SELECT sha256 FROM changes_merged WHERE copy_uid = ?1 AND sequence = ?2",
            params![copy_id, sequence],
            |r| r.get(0),
        ))
    }

    /// The office's record of each change's key, as it is now (`None` when it has none).
    pub fn records(&self, wanted: &[(String, String)]) -> Result<Vec<Option<Fields>>> {
        wanted
            .iter()
            .map(|(table, key)| {
                let spec = spec(table).ok_or_else(|| clash(table))?;
                Ok(record(&self.conn, spec, key)?.map(|(_, f)| f))
            })
            .collect()
    }

    /// Applies a merge in one transaction: inserts and updates parents first, deletes children first, each logged
    /// with where it came from; then records the changes file as merged. Any failure writes nothing.
    pub fn apply_merge(
        &mut self,
        writes: &[MergeWrite<'_>],
        merged: &MergeRecord<'_>,
        stamp: &Stamp,
        progress: &dyn Fn(usize, usize),
    ) -> Result<usize> {
        let tx = self.conn.transaction().map_err(storage)?;
        let mut ordered: Vec<&MergeWrite<'_>> = writes.iter().collect();
        let rank = |w: &MergeWrite<'_>| match w.op {
            Op::Delete => SPECS.len() * 2 - order(w.table),
            _ => order(w.table),
        };
        ordered.sort_by_key(|w| rank(w));
        let total = ordered.len();
        for (done, write) in ordered.into_iter().enumerate() {
            apply_one(&tx, write, stamp)?;
            if done % 50 == 0 {
                progress(done, total);
            }
        }
        tx.execute(
            "INSERT INTO changes_merged (copy_uid, sequence, sha256, person, merged_at, applied, conflicts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                merged.copy_id,
                merged.sequence,
                merged.sha256,
                merged.person,
                stamp.at,
                total as i64,
                merged.conflicts as i64
            ],
        )
        .map_err(storage)?;
        tx.commit().map_err(storage)?;
        progress(total, total);
        Ok(total)
    }
}

fn write_base(tx: &Connection, base: &Snapshot) -> Result<()> {
    let mut stmt = tx.prepare("INSERT INTO work_copy_base (tbl, key, row) VALUES (?1, ?2, ?3)").map_err(storage)?;
    for ((table, key), fields) in base {
        stmt.execute(params![table, key, serde_json::to_string(fields).expect("fields serialise")]).map_err(storage)?;
    }
    Ok(())
}

fn apply_one(tx: &Connection, write: &MergeWrite<'_>, stamp: &Stamp) -> Result<()> {
    let spec = spec(write.table).ok_or_else(|| clash(write.table))?;
    let existing = record(tx, spec, write.key)?;
    let before = existing.as_ref().map(|(_, f)| serde_json::json!(f));
    // Only the table's own compared columns are written: never a local id, a timestamp or a derived key, whatever
    // a file names (an update never moves a record to another key either).
    let writable = |name: &String, op: &Op| {
        compared(spec, name) && !(matches!(op, Op::Update(_)) && spec.key.contains(&name.as_str()))
    };
    let all = columns(tx, spec.table)?;
    let has: Vec<&String> = all.iter().filter(|c| writable(c, write.op)).collect();
    let constraint = |e: rusqlite::Error, label: &str| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => clash(label),
        other => storage(other),
    };
    let label = format!("{} {}", spec.table, write.key);
    let (action, after, rowid) = match (write.op, &existing) {
        (Op::Delete, None) => return Ok(()),
        (Op::Delete, Some((rowid, _))) => {
            tx.execute(&format!("DELETE FROM {} WHERE rowid = ?1", spec.table), [rowid])
                .map_err(|e| constraint(e, &label))?;
            ("delete", None, None)
        }
        (Op::Insert(fields), None) => {
            let mut names = Vec::new();
            let mut values = Vec::new();
            for (name, value) in fields {
                if has.contains(&name) {
                    names.push(name.clone());
                    values.push(stored(tx, spec, name, value)?);
                }
            }
            for stamp_column in ["created_at", "updated_at"] {
                if all.iter().any(|c| c == stamp_column) {
                    names.push(stamp_column.to_string());
                    values.push(Value::Text(stamp.at.clone()));
                }
            }
            for derived in ["search_text", "name_sort", "field_sort"] {
                if all.iter().any(|c| c == derived) {
                    names.push(derived.to_string());
                    values.push(if derived == "search_text" {
                        Value::Text(String::new())
                    } else {
                        Value::Blob(vec![])
                    });
                }
            }
            let marks = (1..=names.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
            let sql = format!("INSERT INTO {} ({}) VALUES ({marks})", spec.table, names.join(", "));
            tx.execute(&sql, params_from_iter(values)).map_err(|e| constraint(e, &label))?;
            ("create", Some(serde_json::json!(fields)), Some(tx.last_insert_rowid()))
        }
        (Op::Insert(fields) | Op::Update(fields), existing) => {
            let Some((rowid, current)) = existing else {
                return Err(clash(&label));
            };
            let mut sets = Vec::new();
            let mut values = Vec::new();
            for (name, value) in fields {
                if has.contains(&name) {
                    values.push(stored(tx, spec, name, value)?);
                    sets.push(format!("{name} = ?{}", values.len()));
                }
            }
            if all.iter().any(|c| c == "updated_at") {
                values.push(Value::Text(stamp.at.clone()));
                sets.push(format!("updated_at = ?{}", values.len()));
            }
            if sets.is_empty() {
                return Ok(());
            }
            values.push(Value::Integer(*rowid));
            let sql = format!("UPDATE {} SET {} WHERE rowid = ?{}", spec.table, sets.join(", "), values.len());
            tx.execute(&sql, params_from_iter(values)).map_err(|e| constraint(e, &label))?;
            let mut merged = current.clone();
            merged.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone())));
            ("update", Some(serde_json::json!(merged)), Some(*rowid))
        }
    };
    if let Some(rowid) = rowid {
        derive(tx, spec.table, rowid, &stamp.at)?;
    }
    let origin = serde_json::to_string(write.origin).expect("origin serialises");
    tx.execute(
        "INSERT INTO change_log (at, actor, entity, entity_id, action, before, after, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            stamp.at,
            write.origin.person,
            spec.table,
            key_text(write.key),
            action,
            before.map(|v| v.to_string()),
            after.map(|v| v.to_string()),
            origin
        ],
    )
    .map_err(storage)?;
    Ok(())
}

/// A key as the change log writes it: the value itself, or the parts joined by `|` ("2025|10.1").
fn key_text(key: &str) -> String {
    let plain = |v: &serde_json::Value| {
        v.as_str().map(str::to_string).unwrap_or_else(|| if v.is_null() { String::new() } else { v.to_string() })
    };
    match serde_json::from_str::<serde_json::Value>(key) {
        Ok(serde_json::Value::Array(parts)) => parts.iter().map(plain).collect::<Vec<_>>().join("|"),
        Ok(value) => plain(&value),
        Err(_) => key.to_string(),
    }
}

/// Columns a person never needs to read in a merge: the stable identity itself.
pub const HIDDEN: &[&str] = &["uid"];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field a merge can show (what changed, a conflict) has a Vietnamese caption for its kind of record.
    #[test]
    fn every_mergeable_column_has_a_vietnamese_caption() {
        let dir = tempfile::tempdir().unwrap();
        let register = Register::create(&dir.path().join("r.cchc")).unwrap();
        let mut missing = Vec::new();
        for spec in SPECS {
            for column in columns(&register.conn, spec.table).unwrap() {
                if !compared(spec, &column) || HIDDEN.contains(&column.as_str()) {
                    continue;
                }
                if crate::vocabulary::entity_column_caption(Some(spec.table), &column).is_none() {
                    missing.push(format!("(\"{}\", \"{column}\", \"\"),", spec.table));
                }
            }
        }
        assert!(missing.is_empty(), "no caption:\n{}", missing.join("\n"));
    }
}
