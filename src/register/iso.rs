//! The ISO 9001 quality system: version, announcements and their scope, audits, nonconformities with their
//! corrective actions, management reviews and their actions, legal changes, yearly reports; every write logged.

use super::staffing::foreign_key;
use super::unit::{enum_key, parse_date};
use super::{Register, Stamp, log_change, optional, query_all, storage};
use crate::error::{Error, Result};
use crate::model::{
    ActionInput, ActionSource, ActionStatus, Announcement, AnnouncementInput, AnnouncementKind, Audit, AuditInput,
    IsoAction, IsoReport, IsoVersion, LegalChange, LegalChangeInput, Nonconformity, NonconformityInput, Review,
    ReviewInput,
};
use chrono::NaiveDate;
use rusqlite::{Row, Transaction, params};
use serde::Serialize;

const ACTION_COLUMNS: &str =
    "id, nonconformity_id, review_id, content, owner, due, status, done_on, effectiveness_checked";

impl Register {
    pub fn iso_version(&self) -> Result<Option<IsoVersion>> {
        let text: Option<String> =
            optional(self.conn.query_row("SELECT version FROM iso_system WHERE id = 1", [], |r| r.get(0)))?;
        Ok(text.and_then(|t| IsoVersion::parse(&t)))
    }

    pub fn set_iso_version(&mut self, version: IsoVersion, stamp: &Stamp) -> Result<()> {
        let before = self.iso_version()?;
        if before == Some(version) {
            return Ok(());
        }
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO iso_system (id, version, created_at, updated_at) VALUES (1, ?1, ?2, ?2)
             ON CONFLICT (id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at",
            params![version.label(), stamp.at],
        )
        .map_err(storage)?;
        let action = if before.is_some() { "update" } else { "create" };
        log_json(&tx, stamp, "iso_system", "1", action, before.as_ref(), Some(&version))?;
        tx.commit().map_err(storage)
    }

    /// Announcements by date (then id), each with its scope.
    pub fn iso_announcements(&self) -> Result<Vec<Announcement>> {
        let sql = "SELECT id, number, date, kind, version FROM iso_announcement ORDER BY date, id";
        let rows: Vec<(i64, String, String, String, String)> = query_all(&self.conn, sql, [], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
        })?;
        let scope = "SELECT procedure_code FROM iso_scope WHERE announcement_id = ?1 ORDER BY procedure_code";
        let mut out = Vec::new();
        for (id, number, date, kind, version) in rows {
            let procedures: Vec<String> = query_all(&self.conn, scope, [id], |r| r.get(0))?;
            let kind = if kind == "re_announce" { AnnouncementKind::ReAnnounce } else { AnnouncementKind::Announce };
            let version = IsoVersion::parse(&version)
                .ok_or_else(|| Error::RegisterDamaged(format!("bad ISO version {version:?}")))?;
            out.push(Announcement {
                id,
                input: AnnouncementInput { number, date: parse_date(&date)?, kind, version, procedures },
            });
        }
        Ok(out)
    }

    pub fn insert_iso_announcement(&mut self, input: &AnnouncementInput, stamp: &Stamp) -> Result<Announcement> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO iso_announcement (number, date, kind, version, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![input.number, input.date.to_string(), enum_key(&input.kind), input.version.label(), stamp.at],
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                Error::AlreadyExists { what: "iso_announcement", key: input.record() }
            }
            other => storage(other),
        })?;
        let id = tx.last_insert_rowid();
        for code in &input.procedures {
            tx.execute("INSERT INTO iso_scope (announcement_id, procedure_code) VALUES (?1, ?2)", params![id, code])
                .map_err(storage)?;
        }
        let announcement = Announcement { id, input: input.clone() };
        log_json(&tx, stamp, "iso_announcement", &id.to_string(), "create", None::<&()>, Some(&announcement))?;
        tx.commit().map_err(storage)?;
        Ok(announcement)
    }

    pub fn iso_audits(&self) -> Result<Vec<Audit>> {
        query_all(&self.conn, "SELECT id, date, scope, findings FROM iso_audit ORDER BY date, id", [], read_audit)
    }

    pub fn iso_audit(&self, id: i64) -> Result<Option<Audit>> {
        optional(self.conn.query_row("SELECT id, date, scope, findings FROM iso_audit WHERE id = ?1", [id], read_audit))
    }

    pub fn insert_iso_audit(&mut self, input: &AuditInput, stamp: &Stamp) -> Result<Audit> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO iso_audit (date, scope, findings, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![input.date.to_string(), input.scope, input.findings, stamp.at],
        )
        .map_err(storage)?;
        let audit = Audit { id: tx.last_insert_rowid(), input: input.clone() };
        log_json(&tx, stamp, "iso_audit", &audit.id.to_string(), "create", None::<&()>, Some(&audit))?;
        tx.commit().map_err(storage)?;
        Ok(audit)
    }

    pub fn iso_nonconformities(&self) -> Result<Vec<Nonconformity>> {
        query_all(
            &self.conn,
            "SELECT n.id, n.audit_id, n.description, a.id FROM iso_nonconformity n
                 JOIN iso_action a ON a.nonconformity_id = n.id ORDER BY n.id",
            [],
            |r| Ok(Nonconformity { id: r.get(0)?, audit_id: r.get(1)?, description: r.get(2)?, action_id: r.get(3)? }),
        )
    }

    /// Adds a nonconformity and its corrective action in one transaction (`input` already validated).
    pub fn insert_iso_nonconformity(
        &mut self,
        input: &NonconformityInput,
        action: &ActionInput,
        stamp: &Stamp,
    ) -> Result<Nonconformity> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO iso_nonconformity (audit_id, description, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![input.audit_id, input.description, stamp.at],
        )
        .map_err(foreign_key("iso_audit", &input.audit_id.to_string()))?;
        let id = tx.last_insert_rowid();
        let action = ActionInput { source: ActionSource::Nonconformity(id), ..action.clone() };
        let action_id = insert_action(&tx, &action, stamp)?;
        let nc = Nonconformity { id, audit_id: input.audit_id, description: input.description.clone(), action_id };
        log_json(&tx, stamp, "iso_nonconformity", &id.to_string(), "create", None::<&()>, Some(&nc))?;
        tx.commit().map_err(storage)?;
        Ok(nc)
    }

    pub fn iso_reviews(&self) -> Result<Vec<Review>> {
        query_all(&self.conn, "SELECT id, date, decisions FROM iso_review ORDER BY date, id", [], |r| {
            let date: String = r.get(1)?;
            Ok(Review { id: r.get(0)?, input: ReviewInput { date: date_of(&date)?, decisions: r.get(2)? } })
        })
    }

    pub fn insert_iso_review(&mut self, input: &ReviewInput, stamp: &Stamp) -> Result<Review> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO iso_review (date, decisions, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![input.date.to_string(), input.decisions, stamp.at],
        )
        .map_err(storage)?;
        let review = Review { id: tx.last_insert_rowid(), input: input.clone() };
        log_json(&tx, stamp, "iso_review", &review.id.to_string(), "create", None::<&()>, Some(&review))?;
        tx.commit().map_err(storage)?;
        Ok(review)
    }

    pub fn iso_actions(&self) -> Result<Vec<IsoAction>> {
        query_all(&self.conn, &format!("SELECT {ACTION_COLUMNS} FROM iso_action ORDER BY due, id"), [], read_action)
    }

    pub fn iso_action(&self, id: i64) -> Result<Option<IsoAction>> {
        optional(self.conn.query_row(
            &format!("SELECT {ACTION_COLUMNS} FROM iso_action WHERE id = ?1"),
            [id],
            read_action,
        ))
    }

    /// Adds an action decided by a management review (or any action given its source).
    pub fn insert_iso_action(&mut self, input: &ActionInput, stamp: &Stamp) -> Result<IsoAction> {
        let tx = self.conn.transaction().map_err(storage)?;
        let id = insert_action(&tx, input, stamp)?;
        let action = tx
            .query_row(&format!("SELECT {ACTION_COLUMNS} FROM iso_action WHERE id = ?1"), [id], read_action)
            .map_err(storage)?;
        tx.commit().map_err(storage)?;
        Ok(action)
    }

    /// Marks an action done on `done_on`, with the day its effectiveness was checked if known.
    pub fn complete_iso_action(
        &mut self,
        before: &IsoAction,
        done_on: NaiveDate,
        checked: Option<NaiveDate>,
        stamp: &Stamp,
    ) -> Result<IsoAction> {
        let after = IsoAction {
            status: ActionStatus::Done,
            done_on: Some(done_on),
            effectiveness_checked: checked.or(before.effectiveness_checked),
            ..before.clone()
        };
        if after == *before {
            return Ok(after);
        }
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "UPDATE iso_action SET status = 'done', done_on = ?2, effectiveness_checked = ?3, updated_at = ?4
             WHERE id = ?1",
            params![before.id, done_on.to_string(), after.effectiveness_checked.map(|d| d.to_string()), stamp.at],
        )
        .map_err(storage)?;
        log_json(&tx, stamp, "iso_action", &before.id.to_string(), "update", Some(before), Some(&after))?;
        tx.commit().map_err(storage)?;
        Ok(after)
    }

    pub fn iso_legal_changes(&self) -> Result<Vec<LegalChange>> {
        query_all(
            &self.conn,
            "SELECT id, text, effective, done_on FROM iso_legal_change ORDER BY effective, id",
            [],
            read_legal_change,
        )
    }

    pub fn iso_legal_change(&self, id: i64) -> Result<Option<LegalChange>> {
        optional(self.conn.query_row(
            "SELECT id, text, effective, done_on FROM iso_legal_change WHERE id = ?1",
            [id],
            read_legal_change,
        ))
    }

    pub fn insert_iso_legal_change(&mut self, input: &LegalChangeInput, stamp: &Stamp) -> Result<LegalChange> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO iso_legal_change (text, effective, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![input.text, input.effective.to_string(), stamp.at],
        )
        .map_err(storage)?;
        let change = LegalChange {
            id: tx.last_insert_rowid(),
            text: input.text.clone(),
            effective: input.effective,
            due: LegalChange::due_after(input.effective),
            done_on: None,
        };
        log_json(&tx, stamp, "iso_legal_change", &change.id.to_string(), "create", None::<&()>, Some(&change))?;
        tx.commit().map_err(storage)?;
        Ok(change)
    }

    pub fn complete_iso_legal_change(
        &mut self,
        before: &LegalChange,
        done_on: NaiveDate,
        stamp: &Stamp,
    ) -> Result<LegalChange> {
        let after = LegalChange { done_on: Some(done_on), ..before.clone() };
        if after == *before {
            return Ok(after);
        }
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "UPDATE iso_legal_change SET done_on = ?2, updated_at = ?3 WHERE id = ?1",
            params![before.id, done_on.to_string(), stamp.at],
        )
        .map_err(storage)?;
        log_json(&tx, stamp, "iso_legal_change", &before.id.to_string(), "update", Some(before), Some(&after))?;
        tx.commit().map_err(storage)?;
        Ok(after)
    }

    pub fn iso_reports(&self) -> Result<Vec<IsoReport>> {
        query_all(&self.conn, "SELECT year, number, date FROM iso_report ORDER BY year", [], |r| {
            let date: String = r.get(2)?;
            Ok(IsoReport { year: r.get(0)?, number: r.get(1)?, date: date_of(&date)? })
        })
    }

    /// Records the yearly report (one per year; a second for the same year replaces the first, logged).
    pub fn set_iso_report(&mut self, report: &IsoReport, stamp: &Stamp) -> Result<()> {
        let before = self.iso_reports()?.into_iter().find(|r| r.year == report.year);
        if before.as_ref() == Some(report) {
            return Ok(());
        }
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO iso_report (year, number, date, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
             ON CONFLICT (year) DO UPDATE SET number = excluded.number, date = excluded.date,
                updated_at = excluded.updated_at",
            params![report.year, report.number, report.date.to_string(), stamp.at],
        )
        .map_err(storage)?;
        let action = if before.is_some() { "update" } else { "create" };
        log_json(&tx, stamp, "iso_report", &report.year.to_string(), action, before.as_ref(), Some(report))?;
        tx.commit().map_err(storage)
    }
}

fn insert_action(tx: &Transaction<'_>, input: &ActionInput, stamp: &Stamp) -> Result<i64> {
    let (nc, review, what, key) = match input.source {
        ActionSource::Nonconformity(id) => (Some(id), None, "iso_nonconformity", id),
        ActionSource::Review(id) => (None, Some(id), "iso_review", id),
    };
    let due = input.due.ok_or_else(|| Error::Storage("an action without a due date".into()))?;
    tx.execute(
        "INSERT INTO iso_action (nonconformity_id, review_id, content, owner, due, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![nc, review, input.content, input.owner, due.to_string(), stamp.at],
    )
    .map_err(foreign_key(what, &key.to_string()))?;
    let id = tx.last_insert_rowid();
    let action = IsoAction {
        id,
        source: input.source,
        content: input.content.clone(),
        owner: input.owner.clone(),
        due,
        status: ActionStatus::Open,
        done_on: None,
        effectiveness_checked: None,
    };
    log_json(tx, stamp, "iso_action", &id.to_string(), "create", None::<&()>, Some(&action))?;
    Ok(id)
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

/// Reads a stored date inside a row mapper.
fn date_of(text: &str) -> rusqlite::Result<NaiveDate> {
    text.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

fn opt_date(text: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    text.map(|t| date_of(&t)).transpose()
}

fn read_audit(row: &Row<'_>) -> rusqlite::Result<Audit> {
    let date: String = row.get(1)?;
    Ok(Audit {
        id: row.get(0)?,
        input: AuditInput { date: date_of(&date)?, scope: row.get(2)?, findings: row.get(3)? },
    })
}

fn read_action(row: &Row<'_>) -> rusqlite::Result<IsoAction> {
    let nc: Option<i64> = row.get(1)?;
    let review: Option<i64> = row.get(2)?;
    let source = match (nc, review) {
        (Some(id), _) => ActionSource::Nonconformity(id),
        (None, Some(id)) => ActionSource::Review(id),
        (None, None) => ActionSource::Review(0),
    };
    let due: String = row.get(5)?;
    let status: String = row.get(6)?;
    Ok(IsoAction {
        id: row.get(0)?,
        source,
        content: row.get(3)?,
        owner: row.get(4)?,
        due: date_of(&due)?,
        status: if status == "done" { ActionStatus::Done } else { ActionStatus::Open },
        done_on: opt_date(row.get(7)?)?,
        effectiveness_checked: opt_date(row.get(8)?)?,
    })
}

fn read_legal_change(row: &Row<'_>) -> rusqlite::Result<LegalChange> {
    let effective: String = row.get(2)?;
    let effective = date_of(&effective)?;
    Ok(LegalChange {
        id: row.get(0)?,
        text: row.get(1)?,
        effective,
        due: LegalChange::due_after(effective),
        done_on: opt_date(row.get(3)?)?,
    })
}
