//! Procedures (TTHC): list with search and filters, add, edit, retire, delete, and the import's upsert.

use super::unit::{enum_key, parse_date};
use super::{Register, Stamp, log_change, optional, query_all, storage};
use crate::error::{Error, Result};
use crate::model::{Decision, Procedure, ProcedureInput, ProcedureQuery, ProcessingTime};
use crate::text;
use rusqlite::{Row, ToSql};
use serde::Serialize;

const COLUMNS: &str = "id, code, name, field, time_amount, time_unit, fee, legal_bases, announcement_number,
    announcement_date, status, replaced_by, online_level, one_stop, interlinked, postal, boundary_free,
    internal_process_number, internal_process_date, in_iso_scope, retired_on, created_at, updated_at";

/// What an import did: rows added, changed, and already identical.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct UpsertCounts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl Register {
    /// Procedures matching the query, in Vietnamese alphabetical order of their names.
    pub fn list_procedures(&self, query: &ProcedureQuery) -> Result<Vec<Procedure>> {
        let mut sql = format!("SELECT {COLUMNS} FROM procedure WHERE 1 = 1");
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(search) = &query.search {
            for word in text::fold(search).split(' ').filter(|w| !w.is_empty()) {
                sql.push_str(" AND search_text LIKE ? ESCAPE '\\'");
                let escaped = word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
                args.push(Box::new(format!("%{escaped}%")));
            }
        }
        if let Some(field) = &query.field {
            sql.push_str(" AND field = ?");
            args.push(Box::new(text::clean(field)));
        }
        if let Some(level) = query.online_level {
            sql.push_str(" AND online_level = ?");
            args.push(Box::new(enum_key(&level)));
        }
        if let Some(status) = query.status {
            sql.push_str(" AND status = ?");
            args.push(Box::new(enum_key(&status)));
        } else if !query.include_retired {
            sql.push_str(" AND status NOT IN ('replaced', 'abolished')");
        }
        sql.push_str(" ORDER BY name_sort, code");
        let params: Vec<&dyn ToSql> = args.iter().map(|b| b.as_ref()).collect();
        query_all(&self.conn, &sql, params.as_slice(), read_procedure)
    }

    pub fn procedure_by_code(&self, code: &str) -> Result<Option<Procedure>> {
        optional(self.conn.query_row(
            &format!("SELECT {COLUMNS} FROM procedure WHERE code = ?1"),
            [code],
            read_procedure,
        ))
    }

    /// The distinct fields (lĩnh vực) of the procedures, in Vietnamese order.
    pub fn fields(&self) -> Result<Vec<String>> {
        query_all(&self.conn, "SELECT field FROM procedure GROUP BY field ORDER BY min(field_sort)", [], |row| {
            row.get(0)
        })
    }

    /// Adds a procedure; its code must be new.
    pub fn insert_procedure(&mut self, input: &ProcedureInput, stamp: &Stamp) -> Result<Procedure> {
        let tx = self.conn.transaction().map_err(storage)?;
        let procedure = insert(&tx, input, stamp)?;
        tx.commit().map_err(storage)?;
        Ok(procedure)
    }

    /// Replaces the fields of procedure `id`; `action` names the change in the log ("update" or "retire").
    pub fn update_procedure(
        &mut self,
        before: &Procedure,
        input: &ProcedureInput,
        retired_on: Option<chrono::NaiveDate>,
        action: &str,
        stamp: &Stamp,
    ) -> Result<Procedure> {
        let tx = self.conn.transaction().map_err(storage)?;
        let procedure = update(&tx, before, input, retired_on, action, stamp)?;
        tx.commit().map_err(storage)?;
        Ok(procedure)
    }

    /// Deletes a procedure that has no case statistics.
    pub fn delete_procedure(&mut self, before: &Procedure, stamp: &Stamp) -> Result<()> {
        let tx = self.conn.transaction().map_err(storage)?;
        let uses: i64 = tx
            .query_row("SELECT count(*) FROM case_stats WHERE procedure_id = ?1", [before.id], |r| r.get(0))
            .map_err(storage)?;
        if uses > 0 {
            return Err(Error::ProcedureHasHistory(before.input.code.clone()));
        }
        tx.execute("DELETE FROM procedure WHERE id = ?1", [before.id]).map_err(storage)?;
        let value = serde_json::to_value(before).expect("procedure serialises");
        log_change(&tx, stamp, "procedure", &before.input.code, "delete", Some(&value), None)?;
        tx.commit().map_err(storage)?;
        Ok(())
    }

    /// Adds new codes and updates changed ones in one transaction; identical rows are left alone (no log entry).
    /// With `commit` false the transaction is rolled back: a dry run that counts exactly what would change.
    pub fn upsert_procedures(
        &mut self,
        inputs: &[ProcedureInput],
        stamp: &Stamp,
        commit: bool,
        progress: &dyn Fn(usize),
    ) -> Result<UpsertCounts> {
        let mut counts = UpsertCounts::default();
        let tx = self.conn.transaction().map_err(storage)?;
        for (index, input) in inputs.iter().enumerate() {
            let existing = optional(tx.query_row(
                &format!("SELECT {COLUMNS} FROM procedure WHERE code = ?1"),
                [&input.code],
                read_procedure,
            ))?;
            match existing {
                None => {
                    insert(&tx, input, stamp)?;
                    counts.added += 1;
                }
                Some(before) if before.input == *input => counts.unchanged += 1,
                Some(before) => {
                    let retired_on = if input.status.is_retired() { before.retired_on } else { None };
                    update(&tx, &before, input, retired_on, "update", stamp)?;
                    counts.updated += 1;
                }
            }
            progress(index + 1);
        }
        if commit {
            tx.commit().map_err(storage)?;
        }
        Ok(counts)
    }
}

/// The columns written from an input, as named parameters: the one list INSERT and UPDATE share.
const WRITTEN: [&str; 21] = [
    "name",
    "field",
    "time_amount",
    "time_unit",
    "fee",
    "legal_bases",
    "announcement_number",
    "announcement_date",
    "status",
    "replaced_by",
    "online_level",
    "one_stop",
    "interlinked",
    "postal",
    "boundary_free",
    "internal_process_number",
    "internal_process_date",
    "in_iso_scope",
    "search_text",
    "name_sort",
    "field_sort",
];

/// Values of `WRITTEN`, in the same order, plus the derived search text and sort keys.
fn written_values(input: &ProcedureInput) -> Vec<Box<dyn ToSql>> {
    vec![
        Box::new(input.name.clone()),
        Box::new(input.field.clone()),
        Box::new(input.processing_time.map(|t| t.amount)),
        Box::new(input.processing_time.map(|t| enum_key(&t.unit))),
        Box::new(input.fee.clone()),
        Box::new(serde_json::to_string(&input.legal_bases).expect("strings serialise")),
        Box::new(input.announcement.number.clone()),
        Box::new(input.announcement.date.map(|d| d.to_string())),
        Box::new(enum_key(&input.status)),
        Box::new(input.replaced_by.clone()),
        Box::new(enum_key(&input.online_level)),
        Box::new(input.one_stop),
        Box::new(input.interlinked),
        Box::new(input.postal),
        Box::new(input.boundary_free),
        Box::new(input.internal_process.number.clone()),
        Box::new(input.internal_process.date.map(|d| d.to_string())),
        Box::new(input.in_iso_scope),
        Box::new(search_text(input)),
        Box::new(text::sort_key(&input.name)),
        Box::new(text::sort_key(&input.field)),
    ]
}

/// Runs `sql` with the input's columns bound by name (`:name`, `:field`, …) plus the extra named values.
fn execute_with(
    tx: &rusqlite::Transaction<'_>,
    sql: &str,
    input: &ProcedureInput,
    extra: &[(&str, &dyn ToSql)],
) -> rusqlite::Result<usize> {
    let names: Vec<String> = WRITTEN.iter().map(|c| format!(":{c}")).collect();
    let values = written_values(input);
    let mut bound: Vec<(&str, &dyn ToSql)> =
        names.iter().map(String::as_str).zip(values.iter().map(|v| v.as_ref())).collect();
    bound.extend_from_slice(extra);
    tx.execute(sql, bound.as_slice())
}

fn insert(tx: &rusqlite::Transaction<'_>, input: &ProcedureInput, stamp: &Stamp) -> Result<Procedure> {
    let columns = WRITTEN.join(", ");
    let values = WRITTEN.map(|c| format!(":{c}")).join(", ");
    let sql = format!(
        "INSERT INTO procedure (code, {columns}, created_at, updated_at) VALUES (:code, {values}, :stamp, :stamp)"
    );
    execute_with(tx, &sql, input, &[(":code", &input.code), (":stamp", &stamp.at)]).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
            Error::AlreadyExists { what: "procedure", key: input.code.clone() }
        }
        other => storage(other),
    })?;
    let procedure = tx
        .query_row(&format!("SELECT {COLUMNS} FROM procedure WHERE id = ?1"), [tx.last_insert_rowid()], read_procedure)
        .map_err(storage)?;
    let after = serde_json::to_value(&procedure).expect("procedure serialises");
    log_change(tx, stamp, "procedure", &procedure.input.code, "create", None, Some(&after))?;
    Ok(procedure)
}

fn update(
    tx: &rusqlite::Transaction<'_>,
    before: &Procedure,
    input: &ProcedureInput,
    retired_on: Option<chrono::NaiveDate>,
    action: &str,
    stamp: &Stamp,
) -> Result<Procedure> {
    let sets = WRITTEN.map(|c| format!("{c} = :{c}")).join(", ");
    let sql = format!("UPDATE procedure SET {sets}, retired_on = :retired_on, updated_at = :stamp WHERE id = :id");
    let retired_on = retired_on.map(|d| d.to_string());
    execute_with(tx, &sql, input, &[(":retired_on", &retired_on), (":stamp", &stamp.at), (":id", &before.id)])
        .map_err(storage)?;
    let after = tx
        .query_row(&format!("SELECT {COLUMNS} FROM procedure WHERE id = ?1"), [before.id], read_procedure)
        .map_err(storage)?;
    let before_value = serde_json::to_value(before).expect("procedure serialises");
    let after_value = serde_json::to_value(&after).expect("procedure serialises");
    log_change(tx, stamp, "procedure", &after.input.code, action, Some(&before_value), Some(&after_value))?;
    Ok(after)
}

/// Code, name and field folded for diacritic-insensitive search.
fn search_text(input: &ProcedureInput) -> String {
    text::fold(&format!("{} {} {}", input.code, input.name, input.field))
}

fn read_procedure(row: &Row<'_>) -> rusqlite::Result<Procedure> {
    let date = |text: Option<String>| text.and_then(|t| parse_date(&t).ok());
    let bad = |i: usize, e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    let amount: Option<f64> = row.get(4)?;
    let unit: Option<String> = row.get(5)?;
    let processing_time = match (amount, unit) {
        (Some(amount), Some(unit)) => Some(ProcessingTime { amount, unit: from_key(unit).map_err(|e| bad(5, e))? }),
        _ => None,
    };
    let legal_bases: String = row.get(7)?;
    Ok(Procedure {
        id: row.get(0)?,
        input: ProcedureInput {
            code: row.get(1)?,
            name: row.get(2)?,
            field: row.get(3)?,
            processing_time,
            fee: row.get(6)?,
            legal_bases: serde_json::from_str(&legal_bases).map_err(|e| bad(7, e))?,
            announcement: Decision { number: row.get(8)?, date: date(row.get(9)?) },
            status: from_key(row.get(10)?).map_err(|e| bad(10, e))?,
            replaced_by: row.get(11)?,
            online_level: from_key(row.get(12)?).map_err(|e| bad(12, e))?,
            one_stop: row.get(13)?,
            interlinked: row.get(14)?,
            postal: row.get(15)?,
            boundary_free: row.get(16)?,
            internal_process: Decision { number: row.get(17)?, date: date(row.get(18)?) },
            in_iso_scope: row.get(19)?,
        },
        retired_on: date(row.get(20)?),
        created_at: row.get(21)?,
        updated_at: row.get(22)?,
    })
}

/// Reads a unit-only enum from its snake_case key (the inverse of `enum_key`).
fn from_key<T: serde::de::DeserializeOwned>(key: String) -> serde_json::Result<T> {
    serde_json::from_value(serde_json::Value::String(key))
}
