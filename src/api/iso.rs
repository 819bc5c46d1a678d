//! `App` methods of the ISO 9001 quality system: version, announcements, audits, nonconformities, reviews and their
//! actions, legal changes, yearly reports, the year's status and the ISO lines of the deadlines board.

use super::{App, TASK_HORIZON_DAYS, refused};
use crate::error::{Error, Result};
use crate::model::{
    ActionInput, ActionSource, ActionStatus, Announcement, AnnouncementInput, Audit, AuditInput, DeadlineItem,
    DeadlineKind, Finding, FindingCode, IsoAction, IsoReport, IsoStatus, IsoVersion, LegalChange, LegalChangeInput,
    Nonconformity, NonconformityInput, Place, ProcedureQuery, Review, ReviewInput, Saved, dates_in_order,
};
use crate::text;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeSet;

impl App {
    pub fn iso_version(&self) -> Result<Option<IsoVersion>> {
        self.register.iso_version()
    }

    pub fn set_iso_version(&mut self, version: IsoVersion) -> Result<IsoVersion> {
        let stamp = self.stamp();
        self.register.set_iso_version(version, &stamp)?;
        Ok(version)
    }

    /// Announcements (công bố, công bố lại) by date, each with the procedure codes it covers.
    pub fn iso_announcements(&self) -> Result<Vec<Announcement>> {
        self.register.iso_announcements()
    }

    /// Records an announcement; every code must name a procedure of the register that is not retired. A date after
    /// today is saved with a warning.
    pub fn add_iso_announcement(&mut self, input: AnnouncementInput) -> Result<Saved<Announcement>> {
        let input = input.cleaned();
        let mut findings = input.validate();
        let procedures =
            self.register.list_procedures(&ProcedureQuery { include_retired: true, ..Default::default() })?;
        for code in &input.procedures {
            match procedures.iter().find(|p| &p.input.code == code) {
                None => findings
                    .push(Finding::new(FindingCode::UnknownProcedure, Place::field("procedures")).with("value", code)),
                Some(p) if p.input.status.is_retired() => findings
                    .push(Finding::new(FindingCode::IsoScopeRetired, Place::field("procedures")).with("value", code)),
                Some(_) => {}
            }
        }
        if !findings.is_empty() {
            return Err(refused("iso_announcement", findings));
        }
        let stamp = self.stamp();
        let announcement = self.register.insert_iso_announcement(&input, &stamp)?;
        Ok(self.with_date_warning(announcement, "iso_announcement", input.date))
    }

    /// The codes of the procedures in force flagged "in ISO scope", for `--all-in-scope`.
    pub fn iso_scope_codes(&self) -> Result<Vec<String>> {
        let procedures = self.register.list_procedures(&ProcedureQuery::default())?;
        Ok(procedures.into_iter().filter(|p| p.input.in_iso_scope).map(|p| p.input.code).collect())
    }

    pub fn iso_audits(&self) -> Result<Vec<Audit>> {
        self.register.iso_audits()
    }

    /// Records an internal audit; a date after today is saved with a warning.
    pub fn add_iso_audit(&mut self, input: AuditInput) -> Result<Saved<Audit>> {
        let input = AuditInput { scope: text::clean(&input.scope), findings: text::clean(&input.findings), ..input };
        let stamp = self.stamp();
        let audit = self.register.insert_iso_audit(&input, &stamp)?;
        Ok(self.with_date_warning(audit, "iso_audit", input.date))
    }

    pub fn iso_nonconformities(&self) -> Result<Vec<Nonconformity>> {
        self.register.iso_nonconformities()
    }

    /// Records a nonconformity found by an audit together with its corrective action (owner and due date required,
    /// due not before the audit).
    pub fn add_iso_nonconformity(&mut self, input: NonconformityInput) -> Result<Nonconformity> {
        let input = NonconformityInput {
            description: text::clean(&input.description),
            action: text::clean(&input.action),
            owner: text::clean(&input.owner),
            ..input
        };
        let audit = self
            .register
            .iso_audit(input.audit_id)?
            .ok_or(Error::NotFound { what: "iso_audit", key: input.audit_id.to_string() })?;
        let content = if input.action.is_empty() { input.description.clone() } else { input.action.clone() };
        let action =
            ActionInput { source: ActionSource::Nonconformity(0), content, owner: input.owner.clone(), due: input.due };
        let mut findings = Vec::new();
        if input.description.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("description")));
        }
        findings.extend(action.validate().into_iter().filter(|f| f.place.column.as_deref() != Some("content")));
        if let Some(due) = input.due {
            findings.extend(dates_in_order(("audit", audit.input.date), ("due", due)));
        }
        if !findings.is_empty() {
            return Err(refused("iso_nonconformity", findings));
        }
        let stamp = self.stamp();
        self.register.insert_iso_nonconformity(&input, &action, &stamp)
    }

    pub fn iso_reviews(&self) -> Result<Vec<Review>> {
        self.register.iso_reviews()
    }

    /// Records a management review; a date after today is saved with a warning.
    pub fn add_iso_review(&mut self, input: ReviewInput) -> Result<Saved<Review>> {
        let input = ReviewInput { decisions: text::clean(&input.decisions), ..input };
        let stamp = self.stamp();
        let review = self.register.insert_iso_review(&input, &stamp)?;
        Ok(self.with_date_warning(review, "iso_review", input.date))
    }

    /// Corrective actions and review actions, by due date.
    pub fn iso_actions(&self) -> Result<Vec<IsoAction>> {
        self.register.iso_actions()
    }

    /// Adds an action decided by a management review (corrective actions come with their nonconformity).
    pub fn add_iso_review_action(
        &mut self,
        review_id: i64,
        content: &str,
        owner: &str,
        due: Option<NaiveDate>,
    ) -> Result<IsoAction> {
        let review = self
            .register
            .iso_reviews()?
            .into_iter()
            .find(|r| r.id == review_id)
            .ok_or(Error::NotFound { what: "iso_review", key: review_id.to_string() })?;
        let input = ActionInput {
            source: ActionSource::Review(review_id),
            content: content.to_string(),
            owner: owner.to_string(),
            due,
        }
        .cleaned();
        let mut findings = input.validate();
        if let Some(due) = due {
            findings.extend(dates_in_order(("review", review.input.date), ("due", due)));
        }
        if !findings.is_empty() {
            return Err(refused("iso_action", findings));
        }
        let stamp = self.stamp();
        self.register.insert_iso_action(&input, &stamp)
    }

    /// Marks an action done; the effectiveness check, when given, is not before the day it was done.
    pub fn complete_iso_action(
        &mut self,
        id: i64,
        done_on: NaiveDate,
        checked: Option<NaiveDate>,
    ) -> Result<IsoAction> {
        let before =
            self.register.iso_action(id)?.ok_or(Error::NotFound { what: "iso_action", key: id.to_string() })?;
        if let Some(checked) = checked
            && let Some(f) = dates_in_order(("done", done_on), ("effectiveness_checked", checked))
        {
            return Err(refused("iso_action", vec![f]));
        }
        let stamp = self.stamp();
        self.register.complete_iso_action(&before, done_on, checked, &stamp)
    }

    pub fn iso_legal_changes(&self) -> Result<Vec<LegalChange>> {
        self.register.iso_legal_changes()
    }

    /// Records a legal text to bring into the system; it is due three months after it takes effect.
    pub fn add_iso_legal_change(&mut self, input: LegalChangeInput) -> Result<LegalChange> {
        let input = LegalChangeInput { text: text::clean(&input.text), ..input };
        if input.text.is_empty() {
            return Err(refused(
                "iso_legal_change",
                vec![Finding::new(FindingCode::RequiredMissing, Place::field("text"))],
            ));
        }
        let stamp = self.stamp();
        self.register.insert_iso_legal_change(&input, &stamp)
    }

    pub fn complete_iso_legal_change(&mut self, id: i64, done_on: NaiveDate) -> Result<LegalChange> {
        let before = self
            .register
            .iso_legal_change(id)?
            .ok_or(Error::NotFound { what: "iso_legal_change", key: id.to_string() })?;
        let stamp = self.stamp();
        self.register.complete_iso_legal_change(&before, done_on, &stamp)
    }

    pub fn iso_reports(&self) -> Result<Vec<IsoReport>> {
        self.register.iso_reports()
    }

    pub fn set_iso_report(&mut self, report: IsoReport) -> Result<IsoReport> {
        let report = IsoReport { number: text::clean(&report.number), ..report };
        let mut findings = Vec::new();
        if !(2000..=2100).contains(&report.year) {
            findings.push(
                Finding::new(FindingCode::OutOfRange, Place::field("year"))
                    .with("value", report.year)
                    .with("min", 2000)
                    .with("max", 2100),
            );
        }
        if !findings.is_empty() {
            return Err(refused("iso_report", findings));
        }
        let stamp = self.stamp();
        self.register.set_iso_report(&report, &stamp)?;
        Ok(report)
    }

    /// True once the unit keeps an ISO system: a version is set or an announcement is recorded. Communes are only
    /// encouraged to apply ISO 9001 (QĐ 19/2014/QĐ-TTg), so checks and deadlines are silent until then.
    pub fn iso_in_use(&self) -> Result<bool> {
        Ok(self.register.iso_version()?.is_some() || !self.register.iso_announcements()?.is_empty())
    }

    /// The status of `year` seen on `today`: announced by the year's end; every procedure in force flagged in ISO
    /// scope covered by the latest announcement, and every covered code still in the register and not retired; an
    /// internal audit and a management review held in the year; legal changes and open actions overdue on `today`.
    pub fn iso_status(&self, year: i32, today: NaiveDate) -> Result<IsoStatus> {
        let year_end = NaiveDate::from_ymd_opt(year, 12, 31)
            .ok_or_else(|| Error::Invalid(vec![Finding::new(FindingCode::OutOfRange, Place::field("year"))]))?;
        let mut findings = Vec::new();
        let announcement = self.register.iso_announcements()?.into_iter().rfind(|a| a.input.date <= year_end);
        if announcement.is_none() {
            findings.push(Finding::new(FindingCode::IsoNotAnnounced, Place::default()).with("year", year));
        }
        if let Some(a) = &announcement {
            let procedures =
                self.register.list_procedures(&ProcedureQuery { include_retired: true, ..Default::default() })?;
            let record = a.input.record();
            let covered: BTreeSet<&str> = a.input.procedures.iter().map(String::as_str).collect();
            for p in &procedures {
                if p.input.in_iso_scope && !p.input.status.is_retired() && !covered.contains(p.input.code.as_str()) {
                    let place = Place { procedure: Some(p.input.code.clone()), ..Place::record(&record) };
                    findings.push(Finding::new(FindingCode::IsoScopeMissing, place).with("value", &p.input.code));
                }
            }
            for code in &a.input.procedures {
                let place = Place { procedure: Some(code.clone()), ..Place::record(&record) };
                match procedures.iter().find(|p| &p.input.code == code) {
                    None => findings.push(Finding::new(FindingCode::IsoScopeUnknown, place).with("value", code)),
                    Some(p) if p.input.status.is_retired() => {
                        findings.push(Finding::new(FindingCode::IsoScopeRetired, place).with("value", code))
                    }
                    Some(_) => {}
                }
            }
        }
        let audits: Vec<Audit> =
            self.register.iso_audits()?.into_iter().filter(|a| a.input.date.year() == year).collect();
        if audits.is_empty() {
            findings.push(Finding::new(FindingCode::IsoAuditMissing, Place::default()).with("year", year));
        }
        let reviews: Vec<Review> =
            self.register.iso_reviews()?.into_iter().filter(|r| r.input.date.year() == year).collect();
        if reviews.is_empty() {
            findings.push(Finding::new(FindingCode::IsoReviewMissing, Place::default()).with("year", year));
        }
        let overdue_legal_changes: Vec<LegalChange> =
            self.register.iso_legal_changes()?.into_iter().filter(|c| c.overdue_on(today)).collect();
        for c in &overdue_legal_changes {
            findings.push(
                Finding::new(FindingCode::IsoLegalChangeOverdue, Place::record(&c.text))
                    .with("value", &c.text)
                    .with("due", c.due.format("%d/%m/%Y")),
            );
        }
        let overdue_actions: Vec<IsoAction> =
            self.register.iso_actions()?.into_iter().filter(|a| a.overdue_on(today)).collect();
        for a in &overdue_actions {
            findings.push(
                Finding::new(FindingCode::IsoActionOverdue, Place::record(a.record()))
                    .with("value", &a.content)
                    .with("due", a.due.format("%d/%m/%Y"))
                    .with("owner", &a.owner),
            );
        }
        let report = self.register.iso_reports()?.into_iter().find(|r| r.year == year);
        Ok(IsoStatus {
            year,
            today,
            version: self.register.iso_version()?,
            announced: announcement.is_some(),
            announcement,
            audits,
            reviews,
            report,
            overdue_legal_changes,
            overdue_actions,
            findings,
        })
    }

    /// The ISO lines of the deadlines board: legal changes not done and open actions due within 30 days or late, and
    /// this year's internal audit and management review when not yet held (due 31/12).
    pub(super) fn iso_deadlines(&self, today: NaiveDate) -> Result<Vec<DeadlineItem>> {
        let days = |due: NaiveDate| (due - today).num_days();
        let mut items = Vec::new();
        for change in self.register.iso_legal_changes()? {
            if change.done_on.is_some() || days(change.due) > TASK_HORIZON_DAYS {
                continue;
            }
            items.push(DeadlineItem {
                kind: DeadlineKind::IsoLegalChange,
                what: format!("Cập nhật văn bản mới vào hệ thống ISO: {}", change.text),
                record: format!("Hiệu lực từ {}", change.effective.format("%d/%m/%Y")),
                due: change.due,
                days_left: days(change.due),
            });
        }
        for action in self.register.iso_actions()? {
            if action.status == ActionStatus::Done || days(action.due) > TASK_HORIZON_DAYS {
                continue;
            }
            items.push(DeadlineItem {
                kind: DeadlineKind::IsoAction,
                what: format!("Hành động khắc phục: {}", action.content),
                record: action.owner.clone(),
                due: action.due,
                days_left: days(action.due),
            });
        }
        let year_end = NaiveDate::from_ymd_opt(today.year(), 12, 31).expect("valid");
        if !self.register.iso_audits()?.iter().any(|a| a.input.date.year() == today.year()) {
            items.push(DeadlineItem {
                kind: DeadlineKind::IsoAudit,
                what: format!("Đánh giá nội bộ ISO 9001 năm {}", today.year()),
                record: today.year().to_string(),
                due: year_end,
                days_left: days(year_end),
            });
        }
        if !self.register.iso_reviews()?.iter().any(|r| r.input.date.year() == today.year()) {
            items.push(DeadlineItem {
                kind: DeadlineKind::IsoReview,
                what: format!("Xem xét của lãnh đạo về hệ thống ISO 9001 năm {}", today.year()),
                record: today.year().to_string(),
                due: year_end,
                days_left: days(year_end),
            });
        }
        Ok(items)
    }
}
