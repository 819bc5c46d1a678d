//! Case statistics (Biểu 06) rows: read by period, upsert from the grid or an import.

use super::procedures::UpsertCounts;
use super::{Register, Stamp, log_change, optional, query_all, storage};
use crate::error::{Error, Result};
use crate::model::{CaseFigures, PeriodKey, StatsRow};
use rusqlite::{Row, params};
use std::collections::BTreeMap;

const FIGURES: &str = "received_total, received_online, received_direct, carried_over, resolved_total, resolved_early,
    resolved_on_time, resolved_late, in_progress_total, in_progress_within, in_progress_overdue, apology_letters";

impl Register {
    /// Rows of one period (or all periods), by field then procedure code.
    pub fn stats_rows(&self, period: Option<PeriodKey>) -> Result<Vec<StatsRow>> {
        let sql = format!(
            "SELECT s.period, s.field, p.code, {} FROM case_stats s LEFT JOIN procedure p ON p.id = s.procedure_id
             WHERE ?1 IS NULL OR s.period = ?1 ORDER BY s.period, s.field, p.code",
            prefixed("s.")
        );
        let mut rows = query_all(&self.conn, &sql, [period.map(|p| p.to_string())], read_row)?;
        // Ordered by period, field and code in SQL; a stable sort puts the fields in Vietnamese order.
        let field_keys = crate::text::sort_keys(rows.iter().map(|r| r.field.as_str()));
        rows.sort_by(|a, b| (a.period, &field_keys[&a.field]).cmp(&(b.period, &field_keys[&b.field])));
        Ok(rows)
    }

    /// Per-field sums of one period: `(field, figures of the field rows, figures of the per-procedure rows)`.
    /// Computed in SQL so that a year's rate needs no row-by-row work.
    pub fn stats_sums(&self, period: PeriodKey) -> Result<Vec<(String, CaseFigures, CaseFigures)>> {
        let text = period.to_string();
        Ok(self.sums_by_period(&text, &text)?.remove(&period).unwrap_or_default())
    }

    /// The per-field sums of every period of the years `first..=last` (as `stats_sums`), in one query.
    pub fn stats_sums_of_years(
        &self,
        first: i32,
        last: i32,
    ) -> Result<BTreeMap<PeriodKey, Vec<(String, CaseFigures, CaseFigures)>>> {
        // As text, a year's period keys follow the year itself and come before "<year>-~":
        // "2025" < "2025-H1" < "2025-Q1" < "2025-Q3" < "2025-~" < "2026".
        self.sums_by_period(&first.to_string(), &format!("{last}-~"))
    }

    /// Per-field sums of the periods whose keys lie between `from` and `to` (as text, both included).
    fn sums_by_period(
        &self,
        from: &str,
        to: &str,
    ) -> Result<BTreeMap<PeriodKey, Vec<(String, CaseFigures, CaseFigures)>>> {
        let sums: Vec<String> = FIGURES.split(',').map(|c| format!("sum({})", c.trim())).collect();
        let sql = format!(
            "SELECT period, field, procedure_id IS NULL, {} FROM case_stats WHERE period BETWEEN ?1 AND ?2
             GROUP BY period, field, procedure_id IS NULL",
            sums.join(", ")
        );
        let mut out: BTreeMap<PeriodKey, Vec<(String, CaseFigures, CaseFigures)>> = BTreeMap::new();
        let rows = query_all(&self.conn, &sql, params![from, to], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, bool>(2)?, figures(row, 3)?))
        })?;
        for (period, field, whole_field, figures) in rows {
            let period: PeriodKey =
                period.parse().map_err(|_| Error::RegisterDamaged(format!("bad period {period:?} in register")))?;
            let fields = out.entry(period).or_default();
            let slot = match fields.iter().position(|(f, _, _)| *f == field) {
                Some(i) => i,
                None => {
                    fields.push((field, CaseFigures::default(), CaseFigures::default()));
                    fields.len() - 1
                }
            };
            if whole_field {
                fields[slot].1 = figures;
            } else {
                fields[slot].2 = figures;
            }
        }
        Ok(out)
    }

    /// The periods that have statistics.
    pub fn stats_periods(&self) -> Result<Vec<PeriodKey>> {
        let rows: Vec<String> = query_all(&self.conn, "SELECT DISTINCT period FROM case_stats", [], |row| row.get(0))?;
        let mut keys = Vec::new();
        for text in rows {
            keys.push(text.parse().map_err(|_| Error::RegisterDamaged(format!("bad period {text:?} in register")))?);
        }
        keys.sort();
        Ok(keys)
    }

    /// Adds or changes rows in one transaction; identical rows are left alone. Procedure codes must exist.
    /// With `commit` false the transaction is rolled back (a dry run).
    pub fn upsert_stats(
        &mut self,
        rows: &[StatsRow],
        stamp: &Stamp,
        commit: bool,
        progress: &dyn Fn(usize),
    ) -> Result<UpsertCounts> {
        let mut counts = UpsertCounts::default();
        let tx = self.conn.transaction().map_err(storage)?;
        for (index, row) in rows.iter().enumerate() {
            let procedure_id: Option<i64> = match &row.procedure {
                None => None,
                Some(code) => Some(
                    optional(tx.query_row("SELECT id FROM procedure WHERE code = ?1", [code], |r| r.get(0)))?
                        .ok_or_else(|| Error::NotFound { what: "procedure", key: code.clone() })?,
                ),
            };
            let key = format!("{}|{}|{}", row.period, row.field, row.procedure.as_deref().unwrap_or(""));
            let existing: Option<(i64, CaseFigures)> = optional(tx.query_row(
                &format!(
                    "SELECT id, {FIGURES} FROM case_stats WHERE period = ?1 AND field = ?2 AND ifnull(procedure_id, 0) = ifnull(?3, 0)"
                ),
                params![row.period.to_string(), row.field, procedure_id],
                |r| Ok((r.get(0)?, figures(r, 1)?)),
            ))?;
            let f = &row.figures;
            // Every figure bound by its column name (`:received_total`, …), shared by UPDATE and INSERT.
            let names: Vec<String> = f.columns().iter().map(|(name, _)| format!(":{name}")).collect();
            let values: Vec<i64> = f.columns().iter().map(|(_, value)| *value).collect();
            let period = row.period.to_string();
            let mut bound: Vec<(&str, &dyn rusqlite::ToSql)> =
                names.iter().map(String::as_str).zip(values.iter().map(|v| v as &dyn rusqlite::ToSql)).collect();
            bound.push((":stamp", &stamp.at));
            let after = serde_json::to_value(row).expect("row serialises");
            match existing {
                Some((_, before)) if before == *f => counts.unchanged += 1,
                Some((id, before)) => {
                    let sets: Vec<String> = f.columns().iter().map(|(name, _)| format!("{name} = :{name}")).collect();
                    bound.push((":id", &id));
                    let sql = format!("UPDATE case_stats SET {}, updated_at = :stamp WHERE id = :id", sets.join(", "));
                    tx.execute(&sql, bound.as_slice()).map_err(storage)?;
                    let before = StatsRow { figures: before, ..row.clone() };
                    let before = serde_json::to_value(before).expect("row serialises");
                    log_change(&tx, stamp, "case_stats", &key, "update", Some(&before), Some(&after))?;
                    counts.updated += 1;
                }
                None => {
                    bound.extend_from_slice(&[
                        (":period", &period),
                        (":field", &row.field),
                        (":procedure_id", &procedure_id),
                    ]);
                    let sql = format!(
                        "INSERT INTO case_stats ({FIGURES}, created_at, updated_at, period, field, procedure_id)
                         VALUES ({}, :stamp, :stamp, :period, :field, :procedure_id)",
                        names.join(", ")
                    );
                    tx.execute(&sql, bound.as_slice()).map_err(storage)?;
                    log_change(&tx, stamp, "case_stats", &key, "create", None, Some(&after))?;
                    counts.added += 1;
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

fn prefixed(prefix: &str) -> String {
    FIGURES.split(',').map(|c| format!("{prefix}{}", c.trim())).collect::<Vec<_>>().join(", ")
}

fn figures(row: &Row<'_>, start: usize) -> rusqlite::Result<CaseFigures> {
    let mut f = CaseFigures::default();
    for (offset, column) in FIGURES.split(',').map(str::trim).enumerate() {
        let value: Option<i64> = row.get(start + offset)?;
        f.set(column, value.unwrap_or(0));
    }
    Ok(f)
}

fn read_row(row: &Row<'_>) -> rusqlite::Result<StatsRow> {
    let period: String = row.get(0)?;
    Ok(StatsRow {
        period: period.parse().map_err(|e: crate::model::BadPeriod| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })?,
        field: row.get(1)?,
        procedure: row.get(2)?,
        figures: figures(row, 3)?,
    })
}
