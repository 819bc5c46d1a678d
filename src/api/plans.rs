//! `App` methods of the reform plans and their tasks: reform areas, plans, tasks, and the completion by area.

use super::{App, refused};
use crate::error::{Error, Result};
use crate::model::{
    AreaProgress, Finding, FindingCode, Place, Plan, PlanInput, PlanProgress, ReformArea, Saved, Task, TaskInput,
};
use crate::text;
use chrono::{Datelike, NaiveDate};

impl App {
    pub fn reform_areas(&self) -> Result<Vec<ReformArea>> {
        self.register.reform_areas()
    }

    pub fn plans(&self, year: Option<i32>) -> Result<Vec<Plan>> {
        self.register.plans(year)
    }

    pub fn plan(&self, year: i32, number: &str) -> Result<Plan> {
        let number = text::clean(number);
        self.register.plan(year, &number)?.ok_or(Error::NotFound { what: "plan", key: format!("{year} {number}") })
    }

    /// Adds a plan; a date after today is saved with a warning (a mistyped year is common).
    pub fn add_plan(&mut self, input: PlanInput) -> Result<Saved<Plan>> {
        let input = input.cleaned();
        let findings = input.validate();
        if !findings.is_empty() {
            return Err(refused("plan", findings));
        }
        let stamp = self.stamp();
        let plan = self.register.insert_plan(&input, &stamp)?;
        Ok(self.plan_saved(plan))
    }

    fn plan_saved(&self, plan: Plan) -> Saved<Plan> {
        let date = plan.input.date;
        self.with_date_warning(plan, "plan", date)
    }

    /// Changes a plan's kind, date and title; its year and number identify it and cannot change.
    pub fn edit_plan(&mut self, year: i32, number: &str, input: PlanInput) -> Result<Saved<Plan>> {
        let before = self.plan(year, number)?;
        let input = input.cleaned();
        let mut findings = input.validate();
        if input.year != before.input.year || input.number != before.input.number {
            findings.push(
                Finding::new(FindingCode::BadChoice, Place::field("number"))
                    .with("value", format!("{} {}", input.year, input.number))
                    .with("expected", format!("{} {}", before.input.year, before.input.number)),
            );
        }
        if !findings.is_empty() {
            return Err(refused("plan", findings));
        }
        let stamp = self.stamp();
        let plan = self.register.update_plan(&before, &input, &stamp)?;
        Ok(self.plan_saved(plan))
    }

    /// Tasks of the plans of one year, or of all.
    pub fn tasks(&self, year: Option<i32>) -> Result<Vec<Task>> {
        self.register.tasks(year)
    }

    pub fn task(&self, id: i64) -> Result<Task> {
        self.register.task(id)?.ok_or(Error::NotFound { what: "task", key: id.to_string() })
    }

    pub fn add_task(&mut self, input: TaskInput) -> Result<Task> {
        let input = self.validated_task(input)?;
        let stamp = self.stamp();
        self.register.insert_task(&input, &stamp)
    }

    pub fn edit_task(&mut self, id: i64, input: TaskInput) -> Result<Task> {
        let before = self.task(id)?;
        let input = self.validated_task(input)?;
        let stamp = self.stamp();
        self.register.update_task(&before, &input, &stamp)
    }

    /// Completion of the tasks of the plans of `date`'s year, by reform area and overall, and the tasks overdue on
    /// `date`. The register keeps a task's status, not its history, so the rates are those known now.
    pub fn plan_progress(&self, date: NaiveDate) -> Result<PlanProgress> {
        let tasks = self.register.tasks(Some(date.year()))?;
        let areas = self
            .register
            .reform_areas()?
            .into_iter()
            .map(|a| {
                AreaProgress::of(&a.code, &a.name, tasks.iter().filter(|t| t.input.area == a.code).map(|t| &t.input))
            })
            .collect();
        Ok(PlanProgress {
            date,
            year: date.year(),
            areas,
            overall: AreaProgress::of("", "Tổng cộng", tasks.iter().map(|t| &t.input)),
            overdue: tasks.iter().filter(|t| t.input.overdue_on(date)).cloned().collect(),
        })
    }

    pub(super) fn task_findings(&self, input: &TaskInput, plans: &[Plan], areas: &[ReformArea]) -> Vec<Finding> {
        let mut findings = input.validate();
        if !input.area.is_empty() && !areas.iter().any(|a| a.code == input.area) {
            let allowed: Vec<&str> = areas.iter().map(|a| a.code.as_str()).collect();
            findings.push(
                Finding::new(FindingCode::BadChoice, Place::field("area"))
                    .with("value", &input.area)
                    .with("allowed", allowed.join(", ")),
            );
        }
        if !input.plan_number.is_empty()
            && !plans.iter().any(|p| p.input.year == input.plan_year && p.input.number == input.plan_number)
        {
            findings.push(
                Finding::new(FindingCode::UnknownPlan, Place::field("plan"))
                    .with("value", format!("{} ({})", input.plan_number, input.plan_year)),
            );
        }
        findings.extend(task_before_plan(input, plans));
        findings
    }

    fn validated_task(&self, input: TaskInput) -> Result<TaskInput> {
        let mut input = input.cleaned();
        input.area = area_code(&input.area, &self.register.reform_areas()?);
        let findings = self.task_findings(&input, &self.register.plans(None)?, &self.register.reform_areas()?);
        if findings.iter().any(Finding::is_error) { Err(refused("task", findings)) } else { Ok(input) }
    }
}

/// A task whose deadline is before the date of its plan.
pub(super) fn task_before_plan(input: &TaskInput, plans: &[Plan]) -> Option<Finding> {
    let plan = plans.iter().find(|p| p.input.year == input.plan_year && p.input.number == input.plan_number)?;
    let deadline = input.deadline?;
    (deadline < plan.input.date).then(|| {
        Finding::new(FindingCode::TaskBeforePlan, Place::field("deadline"))
            .with("deadline", deadline.format("%d/%m/%Y"))
            .with("plan_date", plan.input.date.format("%d/%m/%Y"))
    })
}

/// Accepts an area's code or its Vietnamese name (with or without diacritics); anything else passes unchanged.
fn area_code(input: &str, areas: &[ReformArea]) -> String {
    let folded = text::fold(input);
    areas
        .iter()
        .find(|a| a.code == input || text::fold(&a.name) == folded)
        .map(|a| a.code.clone())
        .unwrap_or_else(|| input.to_string())
}
