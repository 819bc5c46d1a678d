//! `App` methods that look across the registers: the checks (statistics and replacements, staffing and plans, ISO,
//! all at once) and the deadlines board.

use super::plans::task_before_plan;
use super::staffing::standard_due;
use super::{App, TASK_HORIZON_DAYS};
use crate::error::Result;
use crate::model::{DeadlineItem, DeadlineKind, Finding, FindingCode, PeriodKey, Place, ProcedureQuery, check_row};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeSet;

impl App {
    /// Checks the statistics of one period (or every period) and the procedures' replacements; every problem at once.
    pub fn check(&self, period: Option<PeriodKey>) -> Result<Vec<Finding>> {
        let mut findings = Vec::new();
        let procedures =
            self.register.list_procedures(&ProcedureQuery { include_retired: true, ..Default::default() })?;
        let codes: BTreeSet<&str> = procedures.iter().map(|p| p.input.code.as_str()).collect();
        for p in &procedures {
            if let Some(target) = &p.input.replaced_by
                && !codes.contains(target.as_str())
            {
                let place = Place {
                    procedure: Some(p.input.code.clone()),
                    column: Some("replaced_by".into()),
                    ..Place::default()
                };
                findings.push(Finding::new(FindingCode::UnknownReplacement, place).with("value", target));
            }
        }
        let fields: BTreeSet<String> = self.fields()?.into_iter().collect();
        let periods = match period {
            Some(p) => vec![p],
            None => self.register.stats_periods()?,
        };
        for key in periods {
            let window = self.period(key)?;
            let previous = self.previous_in_progress(&window)?;
            for row in self.register.stats_rows(Some(key))? {
                let place = Place {
                    period: Some(key.to_string()),
                    field: Some(row.field.clone()),
                    procedure: row.procedure.clone(),
                    ..Place::default()
                };
                let before =
                    previous.as_ref().map(|m| m.get(&(row.field.clone(), row.procedure.clone())).copied().unwrap_or(0));
                findings.extend(check_row(&row, before, &place));
                if !fields.contains(&row.field) {
                    findings.push(Finding::new(FindingCode::FieldWithoutProcedures, place).with("value", &row.field));
                }
            }
        }
        Ok(findings)
    }

    /// The ISO findings of this year, for `check` without a period; none while the unit keeps no ISO system.
    pub fn check_iso(&self) -> Result<Vec<Finding>> {
        if !self.iso_in_use()? {
            return Ok(Vec::new());
        }
        let today = self.clock.today();
        Ok(self.iso_status(today.year(), today)?.findings)
    }

    /// Everything due, computed from the registers for `today`, sorted by due date: the next two periodic reports
    /// (windows with the unit's overrides), open tasks due within 30 days or late, and present people's deadlines to
    /// meet the standard within 180 days or past.
    pub fn deadlines(&self, today: NaiveDate) -> Result<Vec<DeadlineItem>> {
        let mut items = Vec::new();
        let days = |due: NaiveDate| (due - today).num_days();
        let mut reports = Vec::new();
        for year in today.year() - 1..=today.year() + 1 {
            for kind in crate::model::PeriodKind::ALL {
                let window = self.period(PeriodKey::new(year, kind))?;
                if window.deadline >= today {
                    reports.push(window);
                }
            }
        }
        reports.sort_by_key(|w| (w.deadline, w.key));
        for window in reports.into_iter().take(2) {
            items.push(DeadlineItem {
                kind: DeadlineKind::Report,
                what: format!("Gửi báo cáo CCHC {}", window.key.label()),
                record: window.key.to_string(),
                due: window.deadline,
                days_left: days(window.deadline),
            });
        }
        for task in self.register.tasks(None)? {
            let Some(due) = task.input.deadline else { continue };
            if task.input.status.is_closed() || days(due) > TASK_HORIZON_DAYS {
                continue;
            }
            items.push(DeadlineItem {
                kind: DeadlineKind::Task,
                what: format!("Nhiệm vụ: {}", task.input.content),
                record: format!("Kế hoạch số {} (năm {})", task.input.plan_number, task.input.plan_year),
                due,
                days_left: days(due),
            });
        }
        let people = self.register.people()?;
        for due in standard_due(&people, today) {
            items.push(DeadlineItem {
                kind: DeadlineKind::StaffStandard,
                what: format!("Đạt chuẩn: {}", due.person),
                record: due.person.clone(),
                due: due.deadline,
                days_left: due.days_left,
            });
        }
        if self.iso_in_use()? {
            items.extend(self.iso_deadlines(today)?);
        }
        items.extend(self.assessment_deadlines(today)?);
        items.sort_by(|a, b| (a.due, a.kind, &a.what).cmp(&(b.due, b.kind, &b.what)));
        Ok(items)
    }

    /// The checks of every register besides procedures and statistics (staffing, plans, ISO), all at once: what
    /// `check` adds when it looks at the whole register, and what the dashboard lists beside a period's problems.
    pub fn check_registers(&self) -> Result<Vec<Finding>> {
        let mut findings = self.check_staffing_and_plans()?;
        findings.extend(self.check_iso()?);
        Ok(findings)
    }

    /// Checks staffing and plans, every problem at once: a category with people but no quota, present above quota
    /// (for every year with quotas, on 31/12 or today for the current year), a quota for a category that had ended,
    /// a person who left before joining, a task due before its plan was issued.
    pub fn check_staffing_and_plans(&self) -> Result<Vec<Finding>> {
        let today = self.clock.today();
        let mut findings = Vec::new();
        let mut years: BTreeSet<i32> = self.register.quotas(None)?.iter().map(|q| q.year).collect();
        years.insert(today.year());
        for year in years.into_iter().filter(|y| *y <= today.year()) {
            let day = if year == today.year() { today } else { NaiveDate::from_ymd_opt(year, 12, 31).expect("valid") };
            findings.extend(self.staffing(day)?.findings);
        }
        for quota in self.register.quotas(None)? {
            findings.extend(
                self.category_findings(&quota.category, Some(quota.year), None, "category")?.into_iter().map(
                    |mut f| {
                        f.place.record = Some(format!("Biên chế năm {}", quota.year));
                        f
                    },
                ),
            );
        }
        for person in self.register.people()? {
            findings.extend(person.input.validate().into_iter().map(|mut f| {
                f.place.record = Some(person.input.name.clone());
                f
            }));
        }
        let plans = self.register.plans(None)?;
        for task in self.register.tasks(None)? {
            if let Some(f) = task_before_plan(&task.input, &plans) {
                let mut f = f.of_entity("task");
                f.place.record = Some(format!("Kế hoạch số {}: {}", task.input.plan_number, task.input.content));
                findings.push(f);
            }
        }
        Ok(findings)
    }
}
