//! Reports: the outgoing-document register (sổ văn bản đi) and the section texts officials edited; every write logged.

use super::unit::parse_date;
use super::{Register, Stamp, log_change, optional, query_all, storage};
use crate::error::{Error, Result};
use crate::model::{IssuedCopy, OutgoingDocument, OutgoingInput, PeriodKey, ReportKind};
use rusqlite::{Row, params};
use std::collections::BTreeMap;

const OUTGOING_COLUMNS: &str =
    "id, year, number, symbol, date, subject, signer, recipients, report_kind, report_period, created_at";

impl Register {
    /// The outgoing documents of a year (or all), by year and number.
    pub fn outgoing_documents(&self, year: Option<i32>) -> Result<Vec<OutgoingDocument>> {
        let sql = format!(
            "SELECT {OUTGOING_COLUMNS} FROM outgoing_document WHERE ?1 IS NULL OR year = ?1 ORDER BY year, number"
        );
        query_all(&self.conn, &sql, [year], read_outgoing)?.into_iter().collect()
    }

    /// The issued document of a report, if it was issued.
    pub fn outgoing_for_report(&self, kind: ReportKind, period: PeriodKey) -> Result<Option<OutgoingDocument>> {
        let sql =
            format!("SELECT {OUTGOING_COLUMNS} FROM outgoing_document WHERE report_kind = ?1 AND report_period = ?2");
        optional(self.conn.query_row(&sql, params![kind.key(), period.to_string()], read_outgoing))?.transpose()
    }

    /// The next running number of a year (numbering restarts each year).
    pub fn next_outgoing_number(&self, year: i32) -> Result<i64> {
        self.conn
            .query_row("SELECT COALESCE(MAX(number), 0) + 1 FROM outgoing_document WHERE year = ?1", [year], |r| {
                r.get(0)
            })
            .map_err(storage)
    }

    /// Registers an outgoing document. For a report, `sections` (key, text) are kept as its text in the same
    /// transaction, so that the issued report prints the same words however the register changes afterwards.
    pub fn insert_outgoing(
        &mut self,
        input: &OutgoingInput,
        sections: &[(String, String)],
        copy: Option<&IssuedCopy>,
        stamp: &Stamp,
    ) -> Result<OutgoingDocument> {
        let tx = self.conn.transaction().map_err(storage)?;
        let (kind, period) = match &input.report {
            Some((kind, period)) => (Some(kind.key()), Some(period.to_string())),
            None => (None, None),
        };
        let recipients = serde_json::to_string(&input.recipients).expect("strings serialise");
        tx.execute(
            "INSERT INTO outgoing_document (year, number, symbol, date, subject, signer, recipients, report_kind,
                 report_period, created_at, pages_json, pdf)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                input.year,
                input.number,
                input.symbol,
                input.date.to_string(),
                input.subject,
                input.signer,
                recipients,
                kind,
                period,
                stamp.at,
                copy.map(|c| c.pages_json.as_str()),
                copy.map(|c| c.pdf.as_slice())
            ],
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                let key = match (&input.report, self_number_taken(&tx, input)) {
                    (_, true) => format!("{} ({})", input.number_text(), input.year),
                    (_, false) => input.subject.clone(),
                };
                Error::AlreadyExists { what: "outgoing_document", key }
            }
            other => storage(other),
        })?;
        let id = tx.last_insert_rowid();
        if let Some((kind, period)) = &input.report {
            for (section, text) in sections {
                tx.execute(
                    "INSERT INTO report_section (report_kind, period, section, text, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                     ON CONFLICT (report_kind, period, section)
                     DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                    params![kind.key(), period.to_string(), section, text, stamp.at],
                )
                .map_err(storage)?;
            }
        }
        let document = OutgoingDocument { id, input: input.clone(), created_at: stamp.at.clone() };
        let mut after = serde_json::to_value(&document).expect("serialises");
        if !sections.is_empty() {
            after["sections"] = serde_json::json!(sections.iter().cloned().collect::<BTreeMap<_, _>>());
        }
        log_change(&tx, stamp, "outgoing_document", &id.to_string(), "create", None, Some(&after))?;
        tx.commit().map_err(storage)?;
        Ok(document)
    }

    /// The printed copy an issued report was issued with (`None` when not issued, or issued before copies were
    /// kept).
    pub fn issued_copy(&self, kind: ReportKind, period: PeriodKey) -> Result<Option<IssuedCopy>> {
        let copy = optional(self.conn.query_row(
            "SELECT pages_json, pdf FROM outgoing_document
             WHERE report_kind = ?1 AND report_period = ?2 AND pages_json IS NOT NULL AND pdf IS NOT NULL",
            params![kind.key(), period.to_string()],
            |r| Ok(IssuedCopy { pages_json: r.get(0)?, pdf: r.get(1)? }),
        ))?;
        Ok(copy)
    }

    /// The sections of a report the official edited, by section key.
    pub fn report_sections(&self, kind: ReportKind, period: PeriodKey) -> Result<BTreeMap<String, String>> {
        let sql = "SELECT section, text FROM report_section WHERE report_kind = ?1 AND period = ?2";
        let rows = query_all(&self.conn, sql, params![kind.key(), period.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.into_iter().collect())
    }

    /// Keeps an edited section text (`Some`) or drops it so the draft is printed again (`None`). An unchanged value
    /// writes and logs nothing.
    pub fn set_report_section(
        &mut self,
        kind: ReportKind,
        period: PeriodKey,
        section: &str,
        text: Option<&str>,
        stamp: &Stamp,
    ) -> Result<()> {
        let before = self.report_sections(kind, period)?.remove(section);
        if before.as_deref() == text {
            return Ok(());
        }
        let tx = self.conn.transaction().map_err(storage)?;
        let key = params![kind.key(), period.to_string(), section];
        match text {
            Some(text) => tx
                .execute(
                    "INSERT INTO report_section (report_kind, period, section, text, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                     ON CONFLICT (report_kind, period, section)
                     DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                    params![kind.key(), period.to_string(), section, text, stamp.at],
                )
                .map_err(storage)?,
            None => tx
                .execute("DELETE FROM report_section WHERE report_kind = ?1 AND period = ?2 AND section = ?3", key)
                .map_err(storage)?,
        };
        let id = format!("{} {period} {section}", kind.key());
        let action = match (&before, text) {
            (None, _) => "create",
            (Some(_), Some(_)) => "update",
            (Some(_), None) => "delete",
        };
        let json = |t: Option<&str>| t.map(|t| serde_json::json!({ "text": t }));
        log_change(&tx, stamp, "report_section", &id, action, json(before.as_deref()).as_ref(), json(text).as_ref())?;
        tx.commit().map_err(storage)
    }
}

/// Whether the constraint that failed is the year's number (rather than the report already issued).
fn self_number_taken(tx: &rusqlite::Transaction<'_>, input: &OutgoingInput) -> bool {
    tx.query_row(
        "SELECT 1 FROM outgoing_document WHERE year = ?1 AND number = ?2",
        params![input.year, input.number],
        |_| Ok(()),
    )
    .is_ok()
}

fn read_outgoing(row: &Row<'_>) -> rusqlite::Result<Result<OutgoingDocument>> {
    let date: String = row.get(4)?;
    let recipients: String = row.get(7)?;
    let kind: Option<String> = row.get(8)?;
    let period: Option<String> = row.get(9)?;
    let id: i64 = row.get(0)?;
    let year: i32 = row.get(1)?;
    let number: i64 = row.get(2)?;
    let symbol: String = row.get(3)?;
    let subject: String = row.get(5)?;
    let signer: String = row.get(6)?;
    let created_at: String = row.get(10)?;
    Ok((|| {
        let report = match (kind, period) {
            (Some(kind), Some(period)) => Some((
                ReportKind::parse(&kind).ok_or_else(|| Error::RegisterDamaged(format!("bad report kind {kind:?}")))?,
                period.parse()?,
            )),
            _ => None,
        };
        Ok(OutgoingDocument {
            id,
            input: OutgoingInput {
                year,
                number,
                symbol,
                date: parse_date(&date)?,
                subject,
                signer,
                recipients: serde_json::from_str(&recipients).unwrap_or_default(),
                report,
            },
            created_at,
        })
    })())
}
