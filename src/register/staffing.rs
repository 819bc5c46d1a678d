//! Staffing: categories (data), quotas, entered headcounts and people; every write logged in its transaction.

use super::unit::parse_date;
use super::{Register, Stamp, UpsertCounts, log_change, optional, query_all, storage};
use crate::error::{Error, Result};
use crate::model::{Decision, Headcount, Person, PersonInput, Quota, StaffCategory};
use crate::text;
use rusqlite::{Row, params};

const PERSON_COLUMNS: &str = "id, name, position, rank, category, joined, left_on, qualification_level,
    qualification_field, political_theory, state_management, standard_met, standard_deadline, note, created_at,
    updated_at";

impl Register {
    /// The staff categories in their fixed order.
    pub fn staff_categories(&self) -> Result<Vec<StaffCategory>> {
        query_all(&self.conn, "SELECT code, name, valid_until FROM staff_category ORDER BY position", [], |row| {
            let until: Option<String> = row.get(2)?;
            Ok(StaffCategory {
                code: row.get(0)?,
                name: row.get(1)?,
                valid_until: until.and_then(|t| parse_date(&t).ok()),
            })
        })
    }

    /// Quotas of one year (or all), by year and category order.
    pub fn quotas(&self, year: Option<i32>) -> Result<Vec<Quota>> {
        let sql = "SELECT q.year, q.category, q.quota, q.basis_number, q.basis_date FROM staff_quota q
                   JOIN staff_category c ON c.code = q.category
                   WHERE ?1 IS NULL OR q.year = ?1 ORDER BY q.year, c.position";
        query_all(&self.conn, sql, [year], |row| {
            let date: Option<String> = row.get(4)?;
            Ok(Quota {
                year: row.get(0)?,
                category: row.get(1)?,
                quota: row.get(2)?,
                basis: Decision { number: row.get(3)?, date: date.and_then(|t| parse_date(&t).ok()) },
            })
        })
    }

    /// Entered headcounts of one year (or all).
    pub fn headcounts(&self, year: Option<i32>) -> Result<Vec<Headcount>> {
        query_all(&self.conn, "SELECT h.year, h.category, h.count, h.meeting_standard FROM staff_headcount h JOIN staff_category c ON c.code = h.category
                 WHERE ?1 IS NULL OR h.year = ?1 ORDER BY h.year, c.position", [year], |row| {
                Ok(Headcount {
                    year: row.get(0)?,
                    category: row.get(1)?,
                    count: row.get(2)?,
                    meeting_standard: row.get(3)?,
                })
            })
    }

    /// Sets quotas, keyed by (year, category): adds new ones, updates changed ones, leaves identical ones alone.
    /// With `commit` false nothing is written (a dry run).
    pub fn upsert_quotas(
        &mut self,
        quotas: &[Quota],
        stamp: &Stamp,
        commit: bool,
        progress: &dyn Fn(usize),
    ) -> Result<UpsertCounts> {
        let existing: Vec<Quota> = self.quotas(None)?;
        let mut counts = UpsertCounts::default();
        let tx = self.conn.transaction().map_err(storage)?;
        for (index, quota) in quotas.iter().enumerate() {
            let key = format!("{}/{}", quota.year, quota.category);
            let before = existing.iter().find(|q| q.year == quota.year && q.category == quota.category);
            match before {
                Some(b) if b == quota => counts.unchanged += 1,
                _ => {
                    tx.execute(
                        "INSERT INTO staff_quota (year, category, quota, basis_number, basis_date, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                         ON CONFLICT (year, category) DO UPDATE SET quota = excluded.quota,
                            basis_number = excluded.basis_number, basis_date = excluded.basis_date,
                            updated_at = excluded.updated_at",
                        params![
                            quota.year,
                            quota.category,
                            quota.quota,
                            quota.basis.number,
                            quota.basis.date.map(|d| d.to_string()),
                            stamp.at
                        ],
                    )
                    .map_err(storage)?;
                    let after = serde_json::to_value(quota).expect("quota serialises");
                    let before_value = before.map(|b| serde_json::to_value(b).expect("quota serialises"));
                    let action = if before.is_some() { "update" } else { "create" };
                    log_change(&tx, stamp, "staff_quota", &key, action, before_value.as_ref(), Some(&after))?;
                    if before.is_some() {
                        counts.updated += 1;
                    } else {
                        counts.added += 1;
                    }
                }
            }
            progress(index + 1);
        }
        if commit {
            tx.commit().map_err(storage)?;
        }
        Ok(counts)
    }

    /// Sets an entered headcount for (year, category); unchanged values write nothing.
    pub fn set_headcount(&mut self, headcount: &Headcount, stamp: &Stamp) -> Result<()> {
        let before = self.headcounts(Some(headcount.year))?.into_iter().find(|h| h.category == headcount.category);
        if before.as_ref() == Some(headcount) {
            return Ok(());
        }
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO staff_headcount (year, category, count, meeting_standard, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT (year, category) DO UPDATE SET count = excluded.count,
                 meeting_standard = excluded.meeting_standard, updated_at = excluded.updated_at",
            params![headcount.year, headcount.category, headcount.count, headcount.meeting_standard, stamp.at],
        )
        .map_err(storage)?;
        let key = format!("{}/{}", headcount.year, headcount.category);
        let after = serde_json::to_value(headcount).expect("headcount serialises");
        let before_value = before.as_ref().map(|b| serde_json::to_value(b).expect("headcount serialises"));
        let action = if before.is_some() { "update" } else { "create" };
        log_change(&tx, stamp, "staff_headcount", &key, action, before_value.as_ref(), Some(&after))?;
        tx.commit().map_err(storage)
    }

    /// Every person, in Vietnamese order of their names.
    pub fn people(&self) -> Result<Vec<Person>> {
        query_all(
            &self.conn,
            &format!("SELECT {PERSON_COLUMNS} FROM person ORDER BY name_sort, joined, id"),
            [],
            read_person,
        )
    }

    pub fn person(&self, id: i64) -> Result<Option<Person>> {
        optional(self.conn.query_row(&format!("SELECT {PERSON_COLUMNS} FROM person WHERE id = ?1"), [id], read_person))
    }

    pub fn insert_person(&mut self, input: &PersonInput, stamp: &Stamp) -> Result<Person> {
        let tx = self.conn.transaction().map_err(storage)?;
        let person = insert_person(&tx, input, stamp)?;
        tx.commit().map_err(storage)?;
        Ok(person)
    }

    pub fn update_person(&mut self, before: &Person, input: &PersonInput, stamp: &Stamp) -> Result<Person> {
        if before.input == *input {
            return Ok(before.clone());
        }
        let tx = self.conn.transaction().map_err(storage)?;
        let person = update_person(&tx, before, input, stamp)?;
        tx.commit().map_err(storage)?;
        Ok(person)
    }

    /// The import's upsert: a person is matched by name and date joined (two people of the same name are told
    /// apart by when they joined). With `commit` false nothing is written.
    pub fn upsert_people(
        &mut self,
        inputs: &[PersonInput],
        stamp: &Stamp,
        commit: bool,
        progress: &dyn Fn(usize),
    ) -> Result<UpsertCounts> {
        let existing = self.people()?;
        let mut counts = UpsertCounts::default();
        let tx = self.conn.transaction().map_err(storage)?;
        for (index, input) in inputs.iter().enumerate() {
            match existing.iter().find(|p| p.input.name == input.name && p.input.joined == input.joined) {
                None => {
                    insert_person(&tx, input, stamp)?;
                    counts.added += 1;
                }
                Some(before) if before.input == *input => counts.unchanged += 1,
                Some(before) => {
                    update_person(&tx, before, input, stamp)?;
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

fn insert_person(tx: &rusqlite::Transaction<'_>, p: &PersonInput, stamp: &Stamp) -> Result<Person> {
    write_person(
        tx,
        "INSERT INTO person (name, position, rank, category, joined, left_on, qualification_level, qualification_field,
            political_theory, state_management, standard_met, standard_deadline, note, name_sort, created_at, updated_at)
         VALUES (:name, :position, :rank, :category, :joined, :left_on, :qualification_level, :qualification_field,
            :political_theory, :state_management, :standard_met, :standard_deadline, :note, :name_sort, :at, :at)",
        None,
        p,
        stamp,
    )
    .map_err(foreign_key("staff_category", &p.category))?;
    let person = tx
        .query_row(&format!("SELECT {PERSON_COLUMNS} FROM person WHERE id = ?1"), [tx.last_insert_rowid()], read_person)
        .map_err(storage)?;
    let after = serde_json::to_value(&person).expect("person serialises");
    log_change(tx, stamp, "person", &person.id.to_string(), "create", None, Some(&after))?;
    Ok(person)
}

fn update_person(tx: &rusqlite::Transaction<'_>, before: &Person, p: &PersonInput, stamp: &Stamp) -> Result<Person> {
    write_person(
        tx,
        "UPDATE person SET name = :name, position = :position, rank = :rank, category = :category, joined = :joined,
            left_on = :left_on, qualification_level = :qualification_level, qualification_field = :qualification_field,
            political_theory = :political_theory, state_management = :state_management, standard_met = :standard_met,
            standard_deadline = :standard_deadline, note = :note, name_sort = :name_sort, updated_at = :at
         WHERE id = :id",
        Some(before.id),
        p,
        stamp,
    )
    .map_err(foreign_key("staff_category", &p.category))?;
    let after = tx
        .query_row(&format!("SELECT {PERSON_COLUMNS} FROM person WHERE id = ?1"), [before.id], read_person)
        .map_err(storage)?;
    let before_value = serde_json::to_value(before).expect("person serialises");
    let after_value = serde_json::to_value(&after).expect("person serialises");
    log_change(tx, stamp, "person", &after.id.to_string(), "update", Some(&before_value), Some(&after_value))?;
    Ok(after)
}

/// Runs the insert or the update of a person with its columns by name, the same list for both; `id` for the update.
fn write_person(
    tx: &rusqlite::Transaction<'_>,
    sql: &str,
    id: Option<i64>,
    p: &PersonInput,
    stamp: &Stamp,
) -> rusqlite::Result<usize> {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    let (joined, left, deadline, sort) =
        (date(p.joined), date(p.left), date(p.standard_deadline), text::sort_key(&p.name));
    let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = vec![
        (":name", &p.name),
        (":position", &p.position),
        (":rank", &p.rank),
        (":category", &p.category),
        (":joined", &joined),
        (":left_on", &left),
        (":qualification_level", &p.qualification_level),
        (":qualification_field", &p.qualification_field),
        (":political_theory", &p.political_theory),
        (":state_management", &p.state_management),
        (":standard_met", &p.standard_met),
        (":standard_deadline", &deadline),
        (":note", &p.note),
        (":name_sort", &sort),
        (":at", &stamp.at),
    ];
    if let Some(id) = &id {
        params.push((":id", id));
    }
    tx.execute(sql, params.as_slice())
}

/// Turns a foreign-key failure into "not found" for the referenced record.
pub(super) fn foreign_key(what: &'static str, key: &str) -> impl Fn(rusqlite::Error) -> Error {
    let key = key.to_string();
    move |e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
            Error::NotFound { what, key: key.clone() }
        }
        other => storage(other),
    }
}

fn read_person(row: &Row<'_>) -> rusqlite::Result<Person> {
    let date = |text: Option<String>| text.and_then(|t| parse_date(&t).ok());
    Ok(Person {
        id: row.get(0)?,
        input: PersonInput {
            name: row.get(1)?,
            position: row.get(2)?,
            rank: row.get(3)?,
            category: row.get(4)?,
            joined: date(row.get(5)?),
            left: date(row.get(6)?),
            qualification_level: row.get(7)?,
            qualification_field: row.get(8)?,
            political_theory: row.get(9)?,
            state_management: row.get(10)?,
            standard_met: row.get(11)?,
            standard_deadline: date(row.get(12)?),
            note: row.get(13)?,
        },
        created_at: row.get(14)?,
        updated_at: row.get(15)?,
    })
}
