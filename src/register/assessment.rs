//! Criteria sets (every version kept, JSON verbatim), yearly assessments and their stage, the score of each leaf in
//! every round, evidence documents and their links to leaves; every write in one transaction with its log entry.

use super::staffing::foreign_key;
use super::unit::parse_date;
use super::{Register, Stamp, log_change, optional, query_all, storage};
use crate::error::{Error, Result};
use crate::model::{Assessment, CriteriaSet, Evidence, EvidenceInput, Points, ScoreEntry, Stage, StoredFile};
use chrono::NaiveDate;
use rusqlite::{Row, Transaction, params};
use serde::Serialize;
use std::collections::BTreeMap;

/// A criteria set as stored: its row, where it came from and its JSON text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredSet {
    pub id: i64,
    pub urn: String,
    pub version: i64,
    pub name: String,
    pub source: String,
    #[serde(skip)]
    pub json: String,
}

const ASSESSMENT_COLUMNS: &str =
    "a.id, a.year, c.urn, c.version, a.stage, a.leader, a.locked_on, a.deadline, a.criteria_set_id";
const SCORE_COLUMNS: &str = "code, self_points, not_applicable, note, explanation, suggested, trace, override_reason, \
     round1, round1_note, reply, round2, round2_note";

impl Register {
    /// Every stored criteria set, by urn then version.
    pub fn criteria_sets(&self) -> Result<Vec<StoredSet>> {
        query_all(
            &self.conn,
            "SELECT id, urn, version, name, source, json FROM criteria_set ORDER BY urn, version",
            [],
            read_set,
        )
    }

    pub fn criteria_set_by_id(&self, id: i64) -> Result<Option<StoredSet>> {
        optional(self.conn.query_row(
            "SELECT id, urn, version, name, source, json FROM criteria_set WHERE id = ?1",
            [id],
            read_set,
        ))
    }

    /// Stores a new version of a set (the caller checked it is newer than any stored version of its urn).
    pub fn insert_criteria_set(
        &mut self,
        set: &CriteriaSet,
        json: &str,
        source: &str,
        stamp: &Stamp,
    ) -> Result<StoredSet> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO criteria_set (urn, version, name, json, source, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![set.urn, set.version, set.name, json, source, stamp.at],
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                Error::AlreadyExists { what: "criteria_set", key: set.key() }
            }
            other => storage(other),
        })?;
        let stored = StoredSet {
            id: tx.last_insert_rowid(),
            urn: set.urn.clone(),
            version: set.version,
            name: set.name.clone(),
            source: source.to_string(),
            json: json.to_string(),
        };
        log_json(&tx, stamp, "criteria_set", &set.key(), "create", None::<&()>, Some(&stored))?;
        tx.commit().map_err(storage)?;
        Ok(stored)
    }

    /// Every assessment, by year, with the id of its criteria set.
    pub fn assessments(&self) -> Result<Vec<(Assessment, i64)>> {
        query_all(
            &self.conn,
            &format!(
                "SELECT {ASSESSMENT_COLUMNS} FROM assessment a JOIN criteria_set c ON c.id = a.criteria_set_id
                 ORDER BY a.year"
            ),
            [],
            read_assessment,
        )
    }

    pub fn assessment(&self, year: i32) -> Result<Option<(Assessment, i64)>> {
        optional(self.conn.query_row(
            &format!(
                "SELECT {ASSESSMENT_COLUMNS} FROM assessment a JOIN criteria_set c ON c.id = a.criteria_set_id
                 WHERE a.year = ?1"
            ),
            [year],
            read_assessment,
        ))
    }

    pub fn insert_assessment(
        &mut self,
        year: i32,
        set_id: i64,
        deadline: NaiveDate,
        stamp: &Stamp,
    ) -> Result<Assessment> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO assessment (year, criteria_set_id, deadline, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![year, set_id, deadline.to_string(), stamp.at],
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                Error::AlreadyExists { what: "assessment", key: year.to_string() }
            }
            other => storage(other),
        })?;
        let assessment = tx
            .query_row(
                &format!(
                    "SELECT {ASSESSMENT_COLUMNS} FROM assessment a JOIN criteria_set c ON c.id = a.criteria_set_id
                     WHERE a.year = ?1"
                ),
                [year],
                read_assessment,
            )
            .map_err(storage)?
            .0;
        log_json(&tx, stamp, "assessment", &year.to_string(), "create", None::<&()>, Some(&assessment))?;
        tx.commit().map_err(storage)?;
        Ok(assessment)
    }

    /// Changes an assessment's stage, leader and lock date; the step ("lock", "advance", "unlock") and the reason
    /// of an unlock go to the change log.
    pub fn update_assessment(
        &mut self,
        before: &Assessment,
        after: &Assessment,
        action: &str,
        reason: Option<&str>,
        stamp: &Stamp,
    ) -> Result<()> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "UPDATE assessment SET stage = ?2, leader = ?3, locked_on = ?4, updated_at = ?5 WHERE id = ?1",
            params![before.id, after.stage.key(), after.leader, after.locked_on.map(|d| d.to_string()), stamp.at],
        )
        .map_err(storage)?;
        // The log's actions are fixed by its schema (create, update, retire, delete): the workflow step and the
        // reason of an unlock travel in the entry's "after" value.
        let mut logged = serde_json::to_value(after).expect("serialises");
        if let serde_json::Value::Object(map) = &mut logged {
            map.insert("step".into(), serde_json::Value::String(action.to_string()));
            if let Some(reason) = reason {
                map.insert("reason".into(), serde_json::Value::String(reason.to_string()));
            }
        }
        log_json(&tx, stamp, "assessment", &before.year.to_string(), "update", Some(before), Some(&logged))?;
        tx.commit().map_err(storage)
    }

    /// The score entries of an assessment by leaf code, each with its linked evidence ids.
    pub fn score_entries(&self, assessment_id: i64) -> Result<BTreeMap<String, ScoreEntry>> {
        let sql = format!("SELECT {SCORE_COLUMNS} FROM assessment_score WHERE assessment_id = ?1");
        let mut entries: BTreeMap<String, ScoreEntry> = query_all(&self.conn, &sql, [assessment_id], read_score)?
            .into_iter()
            .map(|e| (e.code.clone(), e))
            .collect();
        let sql = "SELECT code, evidence_id FROM evidence_link WHERE assessment_id = ?1 ORDER BY code, evidence_id";
        let rows = query_all(&self.conn, sql, [assessment_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for (code, id) in rows {
            entries.entry(code.clone()).or_insert_with(|| ScoreEntry::new(&code)).evidence.push(id);
        }
        Ok(entries)
    }

    /// Saves changed score entries of one assessment in one transaction, each logged with before and after.
    /// Unchanged entries write nothing. Evidence links are not written here (`link_evidence`).
    pub fn save_scores(
        &mut self,
        assessment: &Assessment,
        changes: &[(ScoreEntry, ScoreEntry)],
        stamp: &Stamp,
    ) -> Result<()> {
        let changes: Vec<&(ScoreEntry, ScoreEntry)> = changes.iter().filter(|(b, a)| b != a).collect();
        if changes.is_empty() {
            return Ok(());
        }
        let tx = self.conn.transaction().map_err(storage)?;
        for (before, after) in changes {
            let p = |x: Option<Points>| x.map(|p| p.0);
            let exists: bool = tx
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM assessment_score WHERE assessment_id = ?1 AND code = ?2)",
                    params![assessment.id, after.code],
                    |r| r.get(0),
                )
                .map_err(storage)?;
            tx.execute(
                "INSERT INTO assessment_score (assessment_id, code, self_points, not_applicable, note, explanation,
                    suggested, trace, override_reason, round1, round1_note, reply, round2, round2_note, created_at,
                    updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)
                 ON CONFLICT (assessment_id, code) DO UPDATE SET self_points = excluded.self_points,
                    not_applicable = excluded.not_applicable, note = excluded.note, explanation = excluded.explanation,
                    suggested = excluded.suggested, trace = excluded.trace, override_reason = excluded.override_reason,
                    round1 = excluded.round1, round1_note = excluded.round1_note, reply = excluded.reply,
                    round2 = excluded.round2, round2_note = excluded.round2_note, updated_at = excluded.updated_at",
                params![
                    assessment.id,
                    after.code,
                    p(after.self_points),
                    after.not_applicable,
                    after.note,
                    after.explanation,
                    p(after.suggested),
                    after.trace,
                    after.override_reason,
                    p(after.round1),
                    after.round1_note,
                    after.reply,
                    p(after.round2),
                    after.round2_note,
                    stamp.at
                ],
            )
            .map_err(storage)?;
            let key = format!("{}|{}", assessment.year, after.code);
            let (action, before) = if exists { ("update", Some(before)) } else { ("create", None) };
            log_json(&tx, stamp, "assessment_score", &key, action, before, Some(after))?;
        }
        tx.commit().map_err(storage)
    }

    pub fn evidence_list(&self) -> Result<Vec<Evidence>> {
        query_all(
            &self.conn,
            "SELECT id, kind, number, date, issuer, title, file_sha256, file_name, file_size FROM evidence ORDER BY id",
            [],
            read_evidence,
        )
    }

    pub fn evidence(&self, id: i64) -> Result<Option<Evidence>> {
        optional(self.conn.query_row(
            "SELECT id, kind, number, date, issuer, title, file_sha256, file_name, file_size FROM evidence WHERE id = ?1",
            [id],
            read_evidence,
        ))
    }

    /// Adds a document (its file, if any, is already in the evidence store).
    pub fn insert_evidence(
        &mut self,
        input: &EvidenceInput,
        file: Option<&StoredFile>,
        stamp: &Stamp,
    ) -> Result<Evidence> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO evidence (kind, number, date, issuer, title, file_sha256, file_name, file_size, created_at,
                updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![
                input.kind,
                input.number,
                input.date.map(|d| d.to_string()),
                input.issuer,
                input.title,
                file.map(|f| f.sha256.clone()),
                file.map(|f| f.original_name.clone()),
                file.map(|f| f.size),
                stamp.at
            ],
        )
        .map_err(storage)?;
        let evidence = Evidence { id: tx.last_insert_rowid(), input: input.clone(), file: file.cloned() };
        log_json(&tx, stamp, "evidence", &evidence.id.to_string(), "create", None::<&()>, Some(&evidence))?;
        tx.commit().map_err(storage)?;
        Ok(evidence)
    }

    /// Links a document to a leaf; linking twice changes nothing. Returns whether a link was added.
    pub fn link_evidence(
        &mut self,
        assessment: &Assessment,
        code: &str,
        evidence_id: i64,
        stamp: &Stamp,
    ) -> Result<bool> {
        let tx = self.conn.transaction().map_err(storage)?;
        let added = tx
            .execute(
                "INSERT OR IGNORE INTO evidence_link (assessment_id, code, evidence_id, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![assessment.id, code, evidence_id, stamp.at],
            )
            .map_err(foreign_key("evidence", &evidence_id.to_string()))?;
        if added > 0 {
            let key = format!("{}|{}|{}", assessment.year, code, evidence_id);
            let after = serde_json::json!({ "year": assessment.year, "code": code, "evidence": evidence_id });
            log_json(&tx, stamp, "evidence_link", &key, "create", None::<&()>, Some(&after))?;
        }
        tx.commit().map_err(storage)?;
        Ok(added > 0)
    }

    /// Removes a link; returns whether there was one.
    pub fn unlink_evidence(
        &mut self,
        assessment: &Assessment,
        code: &str,
        evidence_id: i64,
        stamp: &Stamp,
    ) -> Result<bool> {
        let tx = self.conn.transaction().map_err(storage)?;
        let removed = tx
            .execute(
                "DELETE FROM evidence_link WHERE assessment_id = ?1 AND code = ?2 AND evidence_id = ?3",
                params![assessment.id, code, evidence_id],
            )
            .map_err(storage)?;
        if removed > 0 {
            let key = format!("{}|{}|{}", assessment.year, code, evidence_id);
            let before = serde_json::json!({ "year": assessment.year, "code": code, "evidence": evidence_id });
            log_json(&tx, stamp, "evidence_link", &key, "delete", Some(&before), None::<&()>)?;
        }
        tx.commit().map_err(storage)?;
        Ok(removed > 0)
    }
}

fn log_json<B: Serialize + ?Sized, A: Serialize + ?Sized>(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    entity: &str,
    id: &str,
    action: &str,
    before: Option<&B>,
    after: Option<&A>,
) -> Result<()> {
    let before = before.map(|b| serde_json::to_value(b).expect("serialises"));
    let after = after.map(|a| serde_json::to_value(a).expect("serialises"));
    log_change(tx, stamp, entity, id, action, before.as_ref(), after.as_ref())
}

fn conversion(e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
}

fn read_set(row: &Row<'_>) -> rusqlite::Result<StoredSet> {
    Ok(StoredSet {
        id: row.get(0)?,
        urn: row.get(1)?,
        version: row.get(2)?,
        name: row.get(3)?,
        source: row.get(4)?,
        json: row.get(5)?,
    })
}

fn read_assessment(row: &Row<'_>) -> rusqlite::Result<(Assessment, i64)> {
    let stage: String = row.get(4)?;
    let locked_on: Option<String> = row.get(6)?;
    let deadline: String = row.get(7)?;
    let assessment = Assessment {
        id: row.get(0)?,
        year: row.get(1)?,
        criteria_urn: row.get(2)?,
        criteria_version: row.get(3)?,
        stage: Stage::parse(&stage).unwrap_or(Stage::Draft),
        leader: row.get(5)?,
        locked_on: locked_on.map(|d| parse_date(&d).map_err(conversion)).transpose()?,
        deadline: parse_date(&deadline).map_err(conversion)?,
    };
    Ok((assessment, row.get(8)?))
}

fn read_score(row: &Row<'_>) -> rusqlite::Result<ScoreEntry> {
    let p = |i: usize| -> rusqlite::Result<Option<Points>> { Ok(row.get::<_, Option<i64>>(i)?.map(Points)) };
    Ok(ScoreEntry {
        code: row.get(0)?,
        self_points: p(1)?,
        not_applicable: row.get(2)?,
        note: row.get(3)?,
        explanation: row.get(4)?,
        suggested: p(5)?,
        trace: row.get(6)?,
        override_reason: row.get(7)?,
        round1: p(8)?,
        round1_note: row.get(9)?,
        reply: row.get(10)?,
        round2: p(11)?,
        round2_note: row.get(12)?,
        evidence: Vec::new(),
    })
}

fn read_evidence(row: &Row<'_>) -> rusqlite::Result<Evidence> {
    let date: Option<String> = row.get(3)?;
    let sha: Option<String> = row.get(6)?;
    let file = match sha {
        Some(sha256) => Some(StoredFile {
            sha256,
            original_name: row.get::<_, Option<String>>(7)?.unwrap_or_default(),
            size: row.get::<_, Option<i64>>(8)?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(Evidence {
        id: row.get(0)?,
        input: EvidenceInput {
            kind: row.get(1)?,
            number: row.get(2)?,
            date: date.map(|d| parse_date(&d).map_err(conversion)).transpose()?,
            issuer: row.get(4)?,
            title: row.get(5)?,
        },
        file,
    })
}
