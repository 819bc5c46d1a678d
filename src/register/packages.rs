//! Report files: revisions this unit sent, the superior's expected units, and the reports it received.

use super::{Register, Stamp, UpsertCounts, log_change, optional, query_all, storage};
use crate::error::{Error, Result};
use crate::model::{ExpectedUnit, PeriodKey, ReceivedReport, ReceivedStatus, ReceivedSummary, SentPackage};
use crate::text;
use rusqlite::{Row, params};

const SENT_COLUMNS: &str =
    "report_id, root_id, supersedes, revision, period, data_sha256, file_sha256, size, approver, created_at";
const SUMMARY_COLUMNS: &str = "report_id, root_id, supersedes, revision, unit_code, unit_name, period, file_sha256,
    size, file_name, created_at, approved_at, approver, received_at, status";

/// Status changes of reports already received (choosing the current one after a look).
#[derive(Debug, Clone, Default)]
pub struct ReceivedBatch {
    /// (report id, new status).
    pub status_changes: Vec<(String, ReceivedStatus)>,
}

impl Register {
    /// Every revision sent, by period then revision.
    pub fn sent_packages(&self) -> Result<Vec<SentPackage>> {
        query_all(
            &self.conn,
            &format!("SELECT {SENT_COLUMNS} FROM package_sent ORDER BY period, root_id, revision"),
            [],
            sent_from_row,
        )?
        .into_iter()
        .collect()
    }

    /// The latest revision sent for a period, if any: the highest revision (never the last by the clock, which may
    /// have been set back, so that the next revision number is always free).
    pub fn latest_sent(&self, period: PeriodKey) -> Result<Option<SentPackage>> {
        let found = optional(self.conn.query_row(
            &format!(
                "SELECT {SENT_COLUMNS} FROM package_sent WHERE period = ?1 ORDER BY revision DESC, created_at DESC LIMIT 1"
            ),
            [period.to_string()],
            sent_from_row,
        ))?;
        found.transpose()
    }

    /// Records an exported revision (it is frozen from now on).
    pub fn record_sent(&mut self, sent: &SentPackage, stamp: &Stamp) -> Result<()> {
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO package_sent (report_id, root_id, supersedes, revision, period, data_sha256, file_sha256, size,
                approver, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                sent.report_id,
                sent.root_id,
                sent.supersedes,
                sent.revision,
                sent.period.to_string(),
                sent.data_sha256,
                sent.file_sha256,
                sent.size as i64,
                sent.approver,
                sent.created_at
            ],
        )
        .map_err(storage)?;
        let after = serde_json::to_value(sent).expect("sent package serialises");
        log_change(&tx, stamp, "package_sent", &sent.report_id, "create", None, Some(&after))?;
        tx.commit().map_err(storage)
    }

    /// The expected units in Vietnamese order of their names.
    pub fn expected_units(&self) -> Result<Vec<ExpectedUnit>> {
        query_all(&self.conn, "SELECT code, name FROM expected_unit ORDER BY sort_key, code", [], |row| {
            Ok(ExpectedUnit { code: row.get(0)?, name: row.get(1)? })
        })
    }

    /// Adds or renames expected units by code; identical ones write nothing. With `commit` false nothing is written.
    pub fn upsert_expected_units(
        &mut self,
        units: &[ExpectedUnit],
        stamp: &Stamp,
        commit: bool,
        progress: &dyn Fn(usize),
    ) -> Result<UpsertCounts> {
        let existing = self.expected_units()?;
        let mut counts = UpsertCounts::default();
        let tx = self.conn.transaction().map_err(storage)?;
        for (index, unit) in units.iter().enumerate() {
            let before = existing.iter().find(|u| u.code == unit.code);
            match before {
                Some(b) if b == unit => counts.unchanged += 1,
                _ => {
                    tx.execute(
                        "INSERT INTO expected_unit (code, name, sort_key, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
                         ON CONFLICT (code) DO UPDATE SET name = excluded.name, sort_key = excluded.sort_key,
                            updated_at = excluded.updated_at",
                        params![unit.code, unit.name, text::sort_key(&unit.name), stamp.at],
                    )
                    .map_err(storage)?;
                    let after = serde_json::to_value(unit).expect("unit serialises");
                    let before_value = before.map(|b| serde_json::to_value(b).expect("unit serialises"));
                    let action = if before.is_some() { "update" } else { "create" };
                    log_change(&tx, stamp, "expected_unit", &unit.code, action, before_value.as_ref(), Some(&after))?;
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

    /// Every received report without its JSON (for classifying new files).
    pub fn received_index(&self) -> Result<Vec<ReceivedSummary>> {
        query_all(
            &self.conn,
            &format!("SELECT {SUMMARY_COLUMNS} FROM package_received ORDER BY unit_code, root_id, revision"),
            [],
            summary_from_row,
        )?
        .into_iter()
        .collect()
    }

    /// The received reports of a period with their JSON (every status; the caller picks the current ones).
    pub fn received_for_period(&self, period: PeriodKey) -> Result<Vec<ReceivedReport>> {
        query_all(
            &self.conn,
            &format!(
                "SELECT {SUMMARY_COLUMNS}, province, report_kind, format_version, program_version, criteria_urn,
                    criteria_version, manifest, data FROM package_received WHERE period = ?1
                 ORDER BY unit_code, root_id, revision"
            ),
            [period.to_string()],
            report_from_row,
        )?
        .into_iter()
        .collect()
    }

    /// One received report by its id.
    pub fn received_report(&self, report_id: &str) -> Result<Option<ReceivedReport>> {
        let found = optional(self.conn.query_row(
            &format!(
                "SELECT {SUMMARY_COLUMNS}, province, report_kind, format_version, program_version, criteria_urn,
                    criteria_version, manifest, data FROM package_received WHERE report_id = ?1"
            ),
            [report_id],
            report_from_row,
        ))?;
        found.transpose()
    }

    /// Starts writing an import of received reports: one transaction for the whole batch, in which each file is
    /// written on its own (`ReceivedWrite::receive`). Committing writes every file received; dropping it without a
    /// commit undoes everything (the dry run takes the same path and never commits).
    pub fn begin_received(&mut self, stamp: &Stamp) -> Result<ReceivedWrite<'_>> {
        let tx = self.conn.transaction().map_err(storage)?;
        Ok(ReceivedWrite { tx, stamp: stamp.clone() })
    }

    /// Writes status changes in one transaction, each logged (choosing the current report of a unit and period).
    pub fn apply_received(&mut self, batch: &ReceivedBatch, stamp: &Stamp) -> Result<()> {
        let write = self.begin_received(stamp)?;
        for (report_id, status) in &batch.status_changes {
            set_status(&write.tx, &write.stamp, report_id, *status)?;
        }
        write.tx.commit().map_err(storage)
    }
}

/// An import of received reports being written (see `Register::begin_received`).
pub struct ReceivedWrite<'a> {
    tx: rusqlite::Transaction<'a>,
    stamp: Stamp,
}

impl ReceivedWrite<'_> {
    /// Every received report without its JSON, as this transaction sees it.
    pub fn index(&self) -> Result<Vec<ReceivedSummary>> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM package_received ORDER BY unit_code, root_id, revision");
        query_all(&self.tx, &sql, [], summary_from_row)?.into_iter().collect()
    }

    /// The manifest (as received) of a report, if it was received.
    pub fn manifest(&self, report_id: &str) -> Result<Option<String>> {
        optional(
            self.tx
                .query_row("SELECT manifest FROM package_received WHERE report_id = ?1", [report_id], |row| row.get(0)),
        )
    }

    /// Writes one received report and the status changes it brings (the revision it supersedes), all or nothing:
    /// a report the register already holds under its id or file hash is `AlreadyExists` and leaves the rest of the
    /// batch as it was.
    pub fn receive(&mut self, report: &ReceivedReport, changes: &[(String, ReceivedStatus)]) -> Result<()> {
        let stamp = self.stamp.clone();
        let savepoint = self.tx.savepoint().map_err(storage)?;
        let r = report;
        let s = &r.summary;
        savepoint
            .execute(
                "INSERT INTO package_received (report_id, root_id, supersedes, revision, unit_code, unit_name, province,
                    report_kind, period, format_version, program_version, criteria_urn, criteria_version, created_at,
                    approved_at, approver, manifest, data, file_sha256, size, file_name, received_at, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
                    ?22, ?23)",
                params![
                    s.report_id,
                    s.root_id,
                    s.supersedes,
                    s.revision,
                    s.unit_code,
                    s.unit_name,
                    r.province,
                    r.report_kind,
                    s.period.to_string(),
                    r.format_version,
                    r.program_version,
                    r.criteria_urn,
                    r.criteria_version,
                    s.created_at,
                    s.approved_at,
                    s.approver,
                    r.manifest_json,
                    r.data_json,
                    s.file_sha256,
                    s.size as i64,
                    s.file_name,
                    s.received_at,
                    s.status.key()
                ],
            )
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                    Error::AlreadyExists { what: "received_report", key: s.report_id.clone() }
                }
                other => storage(other),
            })?;
        let after = serde_json::to_value(s).expect("summary serialises");
        log_change(&savepoint, &stamp, "package_received", &s.report_id, "create", None, Some(&after))?;
        for (report_id, status) in changes {
            set_status(&savepoint, &stamp, report_id, *status)?;
        }
        // Dropping the savepoint on an error above rolls this report back alone.
        savepoint.commit().map_err(storage)
    }

    /// Writes everything received in this import.
    pub fn commit(self) -> Result<()> {
        self.tx.commit().map_err(storage)
    }
}

/// Changes the status of a received report, logged; a report that is not there is `NotFound`.
fn set_status(tx: &rusqlite::Connection, stamp: &Stamp, report_id: &str, status: ReceivedStatus) -> Result<()> {
    let before: Option<String> =
        optional(
            tx.query_row("SELECT status FROM package_received WHERE report_id = ?1", [report_id], |row| row.get(0)),
        )?;
    let Some(before) = before else {
        return Err(Error::NotFound { what: "received_report", key: report_id.to_string() });
    };
    if before == status.key() {
        return Ok(());
    }
    tx.execute("UPDATE package_received SET status = ?2 WHERE report_id = ?1", params![report_id, status.key()])
        .map_err(storage)?;
    let before = serde_json::json!({ "status": before });
    let after = serde_json::json!({ "status": status.key() });
    log_change(tx, stamp, "package_received", report_id, "update", Some(&before), Some(&after))
}

fn period_of(text: &str) -> Result<PeriodKey> {
    text.parse().map_err(|_| Error::RegisterDamaged(format!("bad period {text:?} in a report file row")))
}

fn sent_from_row(row: &Row) -> rusqlite::Result<Result<SentPackage>> {
    let period: String = row.get(4)?;
    let size: i64 = row.get(7)?;
    let period = match period_of(&period) {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(SentPackage {
        report_id: row.get(0)?,
        root_id: row.get(1)?,
        supersedes: row.get(2)?,
        revision: row.get(3)?,
        period,
        data_sha256: row.get(5)?,
        file_sha256: row.get(6)?,
        size: size as u64,
        approver: row.get(8)?,
        created_at: row.get(9)?,
    }))
}

fn summary_from_row(row: &Row) -> rusqlite::Result<Result<ReceivedSummary>> {
    let period: String = row.get(6)?;
    let status: String = row.get(14)?;
    let size: i64 = row.get(8)?;
    let Some(status) = ReceivedStatus::parse(&status) else {
        return Ok(Err(Error::RegisterDamaged(format!("bad status {status:?} of a received report"))));
    };
    let period = match period_of(&period) {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(ReceivedSummary {
        report_id: row.get(0)?,
        root_id: row.get(1)?,
        supersedes: row.get(2)?,
        revision: row.get(3)?,
        unit_code: row.get(4)?,
        unit_name: row.get(5)?,
        period,
        file_sha256: row.get(7)?,
        size: size as u64,
        file_name: row.get(9)?,
        created_at: row.get(10)?,
        approved_at: row.get(11)?,
        approver: row.get(12)?,
        received_at: row.get(13)?,
        status,
    }))
}

fn report_from_row(row: &Row) -> rusqlite::Result<Result<ReceivedReport>> {
    let summary = match summary_from_row(row)? {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(ReceivedReport {
        summary,
        province: row.get(15)?,
        report_kind: row.get(16)?,
        format_version: row.get(17)?,
        program_version: row.get(18)?,
        criteria_urn: row.get(19)?,
        criteria_version: row.get(20)?,
        manifest_json: row.get(21)?,
        data_json: row.get(22)?,
    }))
}
