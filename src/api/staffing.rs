//! `App` methods of staffing (biên chế): categories, quotas, entered headcounts, people, and the staffing on a day
//! against its year's quotas.

use super::{App, STANDARD_HORIZON_DAYS, refused};
use crate::error::{Error, Result};
use crate::model::{
    CategoryStaffing, Finding, FindingCode, Headcount, Person, PersonInput, Place, Quota, StaffCategory,
    StaffingSummary, StandardDue,
};
use crate::text;
use chrono::{Datelike, NaiveDate};

impl App {
    /// The staff categories (data in the register), in their fixed order.
    pub fn staff_categories(&self) -> Result<Vec<StaffCategory>> {
        self.register.staff_categories()
    }

    /// Sets the quota of one year and category (adds or replaces it). Saving the same quota writes nothing.
    pub fn set_quota(&mut self, quota: Quota) -> Result<Quota> {
        let quota = quota.cleaned();
        let mut findings = quota.validate();
        findings.extend(self.category_findings(&quota.category, Some(quota.year), None, "category")?);
        if findings.iter().any(Finding::is_error) {
            return Err(refused("staff_quota", findings));
        }
        let stamp = self.stamp();
        self.register.upsert_quotas(std::slice::from_ref(&quota), &stamp, true, &|_| {})?;
        Ok(quota)
    }

    /// Quotas of one year, or of every year.
    pub fn quotas(&self, year: Option<i32>) -> Result<Vec<Quota>> {
        self.register.quotas(year)
    }

    /// Enters a headcount as a total, for a category whose people the unit does not record one by one.
    pub fn set_headcount(&mut self, headcount: Headcount) -> Result<Headcount> {
        let mut headcount = headcount;
        headcount.category = text::clean(&headcount.category);
        let mut findings = headcount.validate();
        findings.extend(self.category_findings(&headcount.category, Some(headcount.year), None, "category")?);
        if findings.iter().any(Finding::is_error) {
            return Err(refused("staff_headcount", findings));
        }
        let stamp = self.stamp();
        self.register.set_headcount(&headcount, &stamp)?;
        Ok(headcount)
    }

    pub fn headcounts(&self, year: Option<i32>) -> Result<Vec<Headcount>> {
        self.register.headcounts(year)
    }

    /// Every person on record (present or not), in Vietnamese order of their names.
    pub fn people(&self) -> Result<Vec<Person>> {
        self.register.people()
    }

    pub fn person(&self, id: i64) -> Result<Person> {
        self.register.person(id)?.ok_or(Error::NotFound { what: "person", key: id.to_string() })
    }

    pub fn add_person(&mut self, input: PersonInput) -> Result<Person> {
        let input = self.validated_person(input)?;
        let stamp = self.stamp();
        self.register.insert_person(&input, &stamp)
    }

    pub fn edit_person(&mut self, id: i64, input: PersonInput) -> Result<Person> {
        let before = self.person(id)?;
        let input = self.validated_person(input)?;
        let stamp = self.stamp();
        self.register.update_person(&before, &input, &stamp)
    }

    /// The staffing on `date`, against the quotas of its year. A category's present headcount comes from its
    /// people when it has any record, otherwise from the entered total.
    pub fn staffing(&self, date: NaiveDate) -> Result<StaffingSummary> {
        let year = date.year();
        let quotas = self.register.quotas(Some(year))?;
        let entered = self.register.headcounts(Some(year))?;
        let people = self.register.people()?;
        let mut rows = Vec::new();
        let mut findings = Vec::new();
        let (mut known, mut unknown, mut meeting) = (0i64, 0i64, 0i64);
        for category in self.register.staff_categories()? {
            let quota = quotas.iter().find(|q| q.category == category.code).map(|q| q.quota);
            let records: Vec<&Person> = people.iter().filter(|p| p.input.category == category.code).collect();
            let present_people: Vec<&&Person> = records.iter().filter(|p| p.present_on(date)).collect();
            let entered_count = entered.iter().find(|h| h.category == category.code);
            let (present, source, meeting_standard) = if !records.is_empty() {
                let met = present_people.iter().filter(|p| p.input.standard_met).count() as i64;
                (present_people.len() as i64, "people", Some(met))
            } else if let Some(h) = entered_count {
                (h.count, "entered", h.meeting_standard)
            } else {
                (0, "none", Some(0))
            };
            match meeting_standard {
                Some(met) => {
                    known += present;
                    meeting += met;
                }
                None => unknown += present,
            }
            if quota.is_none() && present == 0 && source == "none" {
                continue;
            }
            let place = || Place::record(category.name.clone());
            match quota {
                Some(q) if present > q => findings.push(
                    Finding::new(FindingCode::OverQuota, place())
                        .with("value", &category.name)
                        .with("year", year)
                        .with("present", present)
                        .with("quota", q),
                ),
                None if present > 0 => findings.push(
                    Finding::new(FindingCode::NoQuota, place())
                        .with("value", &category.name)
                        .with("year", year)
                        .with("present", present),
                ),
                _ => {}
            }
            rows.push(CategoryStaffing {
                category: category.code.clone(),
                name: category.name.clone(),
                quota,
                present,
                source,
                vacancies: quota.map(|q| q - present),
                meeting_standard,
            });
        }
        let with_quota = rows.iter().filter(|r| r.quota.is_some());
        let quota_total = with_quota.clone().filter_map(|r| r.quota).sum();
        let present_total = with_quota.clone().map(|r| r.present).sum();
        let vacancies = with_quota.filter_map(|r| r.vacancies).filter(|v| *v > 0).sum();
        Ok(StaffingSummary {
            date,
            year,
            rows,
            quota: quota_total,
            present: present_total,
            vacancies,
            standard_share: (known > 0).then(|| meeting as f64 * 100.0 / known as f64),
            standard_known: known,
            standard_unknown: unknown,
            standard_due: standard_due(&people, date),
            findings,
        })
    }

    /// An unknown category (BAD_CHOICE), or one that had ended before `year` or `day` (CATEGORY_ENDED).
    pub(super) fn category_findings(
        &self,
        code: &str,
        year: Option<i32>,
        day: Option<NaiveDate>,
        column: &str,
    ) -> Result<Vec<Finding>> {
        let categories = self.register.staff_categories()?;
        let Some(category) = categories.iter().find(|c| c.code == code) else {
            if code.is_empty() {
                return Ok(Vec::new());
            }
            let allowed: Vec<&str> = categories.iter().map(|c| c.code.as_str()).collect();
            return Ok(vec![
                Finding::new(FindingCode::BadChoice, Place::field(column))
                    .with("value", code)
                    .with("allowed", allowed.join(", ")),
            ]);
        };
        let after_end = category
            .valid_until
            .is_some_and(|until| year.is_some_and(|y| y > until.year()) || day.is_some_and(|d| d > until));
        Ok(if after_end {
            vec![Finding::new(FindingCode::CategoryEnded, Place::field(column)).with("value", &category.name).with(
                "valid_until",
                category.valid_until.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default(),
            )]
        } else {
            Vec::new()
        })
    }

    fn validated_person(&self, input: PersonInput) -> Result<PersonInput> {
        let input = input.cleaned();
        let mut findings = input.validate();
        findings.extend(self.category_findings(&input.category, None, input.joined, "category")?);
        if findings.iter().any(Finding::is_error) { Err(refused("person", findings)) } else { Ok(input) }
    }
}

/// Present people who do not yet meet the standard and whose deadline is within the horizon (or past).
pub(super) fn standard_due(people: &[Person], day: NaiveDate) -> Vec<StandardDue> {
    let mut due: Vec<StandardDue> = people
        .iter()
        .filter(|p| p.present_on(day) && !p.input.standard_met)
        .filter_map(|p| {
            let deadline = p.input.standard_deadline?;
            let days_left = (deadline - day).num_days();
            (days_left <= STANDARD_HORIZON_DAYS).then(|| StandardDue {
                person: p.input.name.clone(),
                category: p.input.category.clone(),
                deadline,
                days_left,
            })
        })
        .collect();
    due.sort_by(|a, b| (a.deadline, &a.person).cmp(&(b.deadline, &b.person)));
    due
}
