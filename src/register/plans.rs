//! Reform plans and their tasks, and the reform areas (data); every write logged in its transaction.

use super::staffing::foreign_key;
use super::unit::{enum_key, parse_date};
use super::{Register, Stamp, UpsertCounts, log_change, optional, query_all, storage};
use crate::error::{Error, Result};
use crate::model::{Plan, PlanInput, ReformArea, Task, TaskInput};
use rusqlite::{Row, params};

const PLAN_COLUMNS: &str = "id, kind, number, date, year, title, created_at, updated_at";
const TASK_COLUMNS: &str = "t.id, p.year, p.number, t.area, t.content, t.owner, t.deadline, t.expected_output,
    t.status, t.percent, t.evidence, t.created_at, t.updated_at";

impl Register {
    pub fn reform_areas(&self) -> Result<Vec<ReformArea>> {
        query_all(&self.conn, "SELECT code, name FROM reform_area ORDER BY position", [], |row| {
            Ok(ReformArea { code: row.get(0)?, name: row.get(1)? })
        })
    }

    /// Plans of one year (or all), by date.
    pub fn plans(&self, year: Option<i32>) -> Result<Vec<Plan>> {
        query_all(
            &self.conn,
            &format!("SELECT {PLAN_COLUMNS} FROM plan WHERE ?1 IS NULL OR year = ?1 ORDER BY year, date, id"),
            [year],
            read_plan,
        )
    }

    pub fn plan(&self, year: i32, number: &str) -> Result<Option<Plan>> {
        optional(self.conn.query_row(
            &format!("SELECT {PLAN_COLUMNS} FROM plan WHERE year = ?1 AND number = ?2"),
            params![year, number],
            read_plan,
        ))
    }

    pub fn insert_plan(&mut self, input: &PlanInput, stamp: &Stamp) -> Result<Plan> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO plan (kind, number, date, year, title, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![enum_key(&input.kind), input.number, input.date.to_string(), input.year, input.title, stamp.at],
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                Error::AlreadyExists { what: "plan", key: format!("{} {}", input.year, input.number) }
            }
            other => storage(other),
        })?;
        let plan = tx
            .query_row(&format!("SELECT {PLAN_COLUMNS} FROM plan WHERE id = ?1"), [tx.last_insert_rowid()], read_plan)
            .map_err(storage)?;
        let after = serde_json::to_value(&plan).expect("plan serialises");
        log_change(&tx, stamp, "plan", &plan_key(&plan.input), "create", None, Some(&after))?;
        tx.commit().map_err(storage)?;
        Ok(plan)
    }

    /// Changes a plan's kind, date and title (year and number identify it).
    pub fn update_plan(&mut self, before: &Plan, input: &PlanInput, stamp: &Stamp) -> Result<Plan> {
        if before.input == *input {
            return Ok(before.clone());
        }
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "UPDATE plan SET kind = ?2, date = ?3, title = ?4, updated_at = ?5 WHERE id = ?1",
            params![before.id, enum_key(&input.kind), input.date.to_string(), input.title, stamp.at],
        )
        .map_err(storage)?;
        let after = tx
            .query_row(&format!("SELECT {PLAN_COLUMNS} FROM plan WHERE id = ?1"), [before.id], read_plan)
            .map_err(storage)?;
        let before_value = serde_json::to_value(before).expect("plan serialises");
        let after_value = serde_json::to_value(&after).expect("plan serialises");
        log_change(&tx, stamp, "plan", &plan_key(&after.input), "update", Some(&before_value), Some(&after_value))?;
        tx.commit().map_err(storage)?;
        Ok(after)
    }

    /// Tasks of the plans of one year (or all), by plan, then deadline.
    pub fn tasks(&self, year: Option<i32>) -> Result<Vec<Task>> {
        query_all(
            &self.conn,
            &format!(
                "SELECT {TASK_COLUMNS} FROM task t JOIN plan p ON p.id = t.plan_id
                 WHERE ?1 IS NULL OR p.year = ?1 ORDER BY p.year, p.date, p.id, t.deadline IS NULL, t.deadline, t.id"
            ),
            [year],
            read_task,
        )
    }

    pub fn task(&self, id: i64) -> Result<Option<Task>> {
        optional(self.conn.query_row(
            &format!("SELECT {TASK_COLUMNS} FROM task t JOIN plan p ON p.id = t.plan_id WHERE t.id = ?1"),
            [id],
            read_task,
        ))
    }

    pub fn insert_task(&mut self, input: &TaskInput, stamp: &Stamp) -> Result<Task> {
        let tx = self.conn.transaction().map_err(storage)?;
        let task = insert_task(&tx, input, stamp)?;
        tx.commit().map_err(storage)?;
        Ok(task)
    }

    pub fn update_task(&mut self, before: &Task, input: &TaskInput, stamp: &Stamp) -> Result<Task> {
        if before.input == *input {
            return Ok(before.clone());
        }
        let tx = self.conn.transaction().map_err(storage)?;
        let task = update_task(&tx, before, input, stamp)?;
        tx.commit().map_err(storage)?;
        Ok(task)
    }

    /// The import's upsert: a task is matched by its plan (year, number) and its content.
    pub fn upsert_tasks(
        &mut self,
        inputs: &[TaskInput],
        stamp: &Stamp,
        commit: bool,
        progress: &dyn Fn(usize),
    ) -> Result<UpsertCounts> {
        let existing = self.tasks(None)?;
        let mut counts = UpsertCounts::default();
        let tx = self.conn.transaction().map_err(storage)?;
        for (index, input) in inputs.iter().enumerate() {
            let found = existing.iter().find(|t| {
                t.input.plan_year == input.plan_year
                    && t.input.plan_number == input.plan_number
                    && t.input.content == input.content
            });
            match found {
                None => {
                    insert_task(&tx, input, stamp)?;
                    counts.added += 1;
                }
                Some(before) if before.input == *input => counts.unchanged += 1,
                Some(before) => {
                    update_task(&tx, before, input, stamp)?;
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

fn plan_key(input: &PlanInput) -> String {
    format!("{} {}", input.year, input.number)
}

fn plan_id(tx: &rusqlite::Transaction<'_>, input: &TaskInput) -> Result<i64> {
    optional(tx.query_row(
        "SELECT id FROM plan WHERE year = ?1 AND number = ?2",
        params![input.plan_year, input.plan_number],
        |r| r.get(0),
    ))?
    .ok_or_else(|| Error::NotFound { what: "plan", key: format!("{} {}", input.plan_year, input.plan_number) })
}

/// A refused task write in the user's terms: a duplicate content in its plan, or an unknown reform area.
fn task_write_error(e: rusqlite::Error, t: &TaskInput) -> Error {
    match e {
        rusqlite::Error::SqliteFailure(f, Some(ref m))
            if m.contains("UNIQUE") && f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Error::AlreadyExists { what: "task", key: t.content.clone() }
        }
        other => foreign_key("reform_area", &t.area)(other),
    }
}

/// A task as just written, read back inside the same transaction.
fn task_by_id(tx: &rusqlite::Transaction<'_>, id: i64) -> Result<Task> {
    tx.query_row(
        &format!("SELECT {TASK_COLUMNS} FROM task t JOIN plan p ON p.id = t.plan_id WHERE t.id = ?1"),
        [id],
        read_task,
    )
    .map_err(storage)
}

fn insert_task(tx: &rusqlite::Transaction<'_>, t: &TaskInput, stamp: &Stamp) -> Result<Task> {
    let plan = plan_id(tx, t)?;
    tx.execute(
        "INSERT INTO task (plan_id, area, content, owner, deadline, expected_output, status, percent, evidence,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            plan,
            t.area,
            t.content,
            t.owner,
            t.deadline.map(|d| d.to_string()),
            t.expected_output,
            enum_key(&t.status),
            t.percent,
            t.evidence,
            stamp.at
        ],
    )
    .map_err(|e| task_write_error(e, t))?;
    let task = task_by_id(tx, tx.last_insert_rowid())?;
    let after = serde_json::to_value(&task).expect("task serialises");
    log_change(tx, stamp, "task", &task.id.to_string(), "create", None, Some(&after))?;
    Ok(task)
}

fn update_task(tx: &rusqlite::Transaction<'_>, before: &Task, t: &TaskInput, stamp: &Stamp) -> Result<Task> {
    let plan = plan_id(tx, t)?;
    tx.execute(
        "UPDATE task SET plan_id = ?2, area = ?3, content = ?4, owner = ?5, deadline = ?6, expected_output = ?7,
            status = ?8, percent = ?9, evidence = ?10, updated_at = ?11
         WHERE id = ?1",
        params![
            before.id,
            plan,
            t.area,
            t.content,
            t.owner,
            t.deadline.map(|d| d.to_string()),
            t.expected_output,
            enum_key(&t.status),
            t.percent,
            t.evidence,
            stamp.at
        ],
    )
    .map_err(|e| task_write_error(e, t))?;
    let after = task_by_id(tx, before.id)?;
    let before_value = serde_json::to_value(before).expect("task serialises");
    let after_value = serde_json::to_value(&after).expect("task serialises");
    log_change(tx, stamp, "task", &after.id.to_string(), "update", Some(&before_value), Some(&after_value))?;
    Ok(after)
}

fn read_plan(row: &Row<'_>) -> rusqlite::Result<Plan> {
    let date: String = row.get(3)?;
    Ok(Plan {
        id: row.get(0)?,
        input: PlanInput {
            kind: from_key(row.get(1)?).map_err(|e| bad(1, e))?,
            number: row.get(2)?,
            date: parse_date(&date).map_err(|e| bad(3, e))?,
            year: row.get(4)?,
            title: row.get(5)?,
        },
        created_at: row.get(6)?,
        updated_at: row.get(7)?,
    })
}

fn read_task(row: &Row<'_>) -> rusqlite::Result<Task> {
    let deadline: Option<String> = row.get(6)?;
    Ok(Task {
        id: row.get(0)?,
        input: TaskInput {
            plan_year: row.get(1)?,
            plan_number: row.get(2)?,
            area: row.get(3)?,
            content: row.get(4)?,
            owner: row.get(5)?,
            deadline: deadline.and_then(|t| parse_date(&t).ok()),
            expected_output: row.get(7)?,
            status: from_key(row.get(8)?).map_err(|e| bad(8, e))?,
            percent: row.get(9)?,
            evidence: row.get(10)?,
        },
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
    })
}

fn bad(index: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
}

fn from_key<T: serde::de::DeserializeOwned>(key: String) -> serde_json::Result<T> {
    serde_json::from_value(serde_json::Value::String(key))
}
