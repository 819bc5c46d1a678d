//! `App` methods of the case statistics (Biểu 06): a period's table with totals and rates, saving a row, and the
//! period totals the checks, reports and assessment read.

use super::App;
use super::procedures::canonical_code;
use crate::error::{Error, Result};
use crate::model::{
    CaseFigures, Finding, FindingCode, PeriodKey, PeriodWindow, Place, StatsRow, StatsTable, on_time_rate, online_rate,
};
use crate::text;
use chrono::Duration;
use std::collections::BTreeMap;

/// In-progress totals keyed by (field, procedure code or none for the whole field).
type InProgressByRow = BTreeMap<(String, Option<String>), i64>;

impl App {
    /// A period's statistics with totals and rates. A field's figures are its whole-field row where there is one,
    /// otherwise the sum of its per-procedure rows.
    pub fn stats(&self, period: PeriodKey) -> Result<StatsTable> {
        let window = self.period(period)?;
        let rows = self.register.stats_rows(Some(period))?;
        let total = self.period_total(period)?;
        Ok(StatsTable { window, rows, on_time_rate: on_time_rate(&total), online_rate: online_rate(&total), total })
    }

    /// The periods that have statistics, oldest first (where the screens open: the latest with figures).
    pub fn stats_periods(&self) -> Result<Vec<PeriodKey>> {
        self.register.stats_periods()
    }

    /// The on-time rate of a year (its Year period), in percent; `None` when nothing was resolved.
    pub fn year_on_time_rate(&self, year: i32) -> Result<Option<f64>> {
        Ok(on_time_rate(&self.period_total(PeriodKey::new(year, crate::model::PeriodKind::Year))?))
    }

    /// Saves one row as typed (nothing typed is lost) and returns what is wrong with it.
    pub fn set_stats(&mut self, row: StatsRow) -> Result<Vec<Finding>> {
        let mut row = row;
        row.field = text::clean(&row.field);
        row.procedure = row.procedure.map(|c| canonical_code(&c)).filter(|c| !c.is_empty());
        if row.field.is_empty() {
            return Err(Error::Invalid(vec![Finding::new(FindingCode::RequiredMissing, Place::field("field"))]));
        }
        if let Some(code) = &row.procedure {
            self.procedure(code)?;
        }
        let stamp = self.stamp();
        self.register.upsert_stats(std::slice::from_ref(&row), &stamp, true, &|_| {})?;
        let period = row.period;
        Ok(self.check(Some(period))?.into_iter().filter(|f| same_row(f, &row)).collect())
    }

    pub(super) fn period_total(&self, period: PeriodKey) -> Result<CaseFigures> {
        Ok(total_of(&self.register.stats_sums(period)?))
    }

    /// The totals of every period of the years `first..=last` that has statistics (as `period_total`).
    pub(super) fn period_totals(&self, first: i32, last: i32) -> Result<BTreeMap<PeriodKey, CaseFigures>> {
        Ok(self.register.stats_sums_of_years(first, last)?.iter().map(|(key, sums)| (*key, total_of(sums))).collect())
    }

    /// In-progress totals at the end of the window just before `window`, by (field, procedure); `None` when the
    /// register has no statistics for such a period (nothing to compare with).
    pub(super) fn previous_in_progress(&self, window: &PeriodWindow) -> Result<Option<InProgressByRow>> {
        let day_before = window.start - Duration::days(1);
        for key in self.register.stats_periods()? {
            if key < window.key && self.period(key)?.end == day_before {
                let rows = self.register.stats_rows(Some(key))?;
                return Ok(Some(
                    rows.into_iter().map(|r| ((r.field, r.procedure), r.figures.in_progress_total)).collect(),
                ));
            }
        }
        Ok(None)
    }
}

fn same_row(finding: &Finding, row: &StatsRow) -> bool {
    finding.place.period.as_deref() == Some(&row.period.to_string())
        && finding.place.field.as_deref() == Some(row.field.as_str())
        && finding.place.procedure == row.procedure
}

/// A period's total: per field, the whole-field rows where the field has them, else the sum of its per-procedure
/// rows.
fn total_of(sums: &[(String, CaseFigures, CaseFigures)]) -> CaseFigures {
    let mut total = CaseFigures::default();
    for (_, whole_field, per_procedure) in sums {
        total.add(if *whole_field != CaseFigures::default() { whole_field } else { per_procedure });
    }
    total
}
