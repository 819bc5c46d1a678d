//! `App` constructors of registers made with data: the demo ward (procedures, two years of statistics, staffing,
//! plans, ISO and a self-assessment) and the registers the benchmarks fill.

use super::{App, Progress};
use crate::assets::Assets;
use crate::clock::Clock;
use crate::demo;
use crate::error::{Error, Result};
use crate::model::{
    AnnouncementInput, AnnouncementKind, Finding, IsoVersion, PeriodKey, ProcedureInput, StatsRow, UnitProfile,
};
use chrono::{Datelike, Duration};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What `cchc demo` made.
#[derive(Debug, Clone, Serialize)]
pub struct DemoSummary {
    pub path: PathBuf,
    pub procedures: usize,
    pub fields: usize,
    pub stats_rows: usize,
    pub periods: Vec<PeriodKey>,
}

impl App {
    /// Makes a separate demo register `demo.cchc` in `dir`: a realistic ward with its procedures and two years of
    /// statistics. Never touches the user's own register.
    pub fn create_demo(dir: &Path, assets: Assets, clock: Clock, progress: Progress<'_>) -> Result<(App, DemoSummary)> {
        let procedures = demo::procedures(&assets);
        let today = clock.today();
        let stats = demo::stats(&procedures, today.year() - 2..=today.year(), today, 2026);
        let path = dir.join("demo.cchc");
        let mut app = App::create_with_data(&path, demo::unit(), &procedures, &stats, assets, clock, progress)?;
        app.add_demo_registers(demo::registers(today))?;
        let periods: BTreeSet<PeriodKey> = stats.iter().map(|r| r.period).collect();
        let summary = DemoSummary {
            path,
            procedures: procedures.len(),
            fields: app.fields()?.len(),
            stats_rows: stats.len(),
            periods: periods.into_iter().collect(),
        };
        Ok((app, summary))
    }

    /// Enters the demo ward's staffing, plans and ISO records through the same checks as an official's edits.
    fn add_demo_registers(&mut self, data: demo::DemoRegisters) -> Result<()> {
        for quota in data.quotas {
            self.set_quota(quota)?;
        }
        for person in data.people {
            self.add_person(person)?;
        }
        for plan in data.plans {
            self.add_plan(plan)?;
        }
        for task in data.tasks {
            self.add_task(task)?;
        }
        self.set_iso_version(IsoVersion::V2015)?;
        let procedures = self.iso_scope_codes()?;
        self.add_iso_announcement(AnnouncementInput {
            number: "36/QĐ-UBND".to_string(),
            date: data.iso_announced,
            kind: AnnouncementKind::Announce,
            version: IsoVersion::V2015,
            procedures,
        })?;
        if let Some(audit) = data.audit {
            self.add_iso_audit(audit)?;
        }
        if let Some(review) = data.review {
            self.add_iso_review(review)?;
        }
        for change in data.legal_changes {
            let change = self.add_iso_legal_change(change)?;
            self.complete_iso_legal_change(change.id, change.effective + Duration::days(45))?;
        }
        self.add_demo_assessment(data.assessment)
    }

    /// Last year's self-assessment of the demo ward on the bundled sample set: the suggestions from its statistics
    /// applied, the other leaves scored as the demo says, evidence documents linked, one leaf explained instead.
    fn add_demo_assessment(&mut self, demo: demo::DemoAssessment) -> Result<()> {
        let year = demo.year;
        self.new_assessment(year, None)?;
        self.suggest_scores(year, true)?;
        let mut ids = Vec::new();
        for document in demo.evidence {
            ids.push(self.add_evidence(document, None)?.id);
        }
        let (assessment, set, _) = self.open_assessment(year)?;
        let suggested = self.register.score_entries(assessment.id)?;
        for leaf in set.leaves() {
            let code = leaf.node.code.as_str();
            let entry = suggested.get(code);
            let points = match demo.scores.iter().find(|(c, _)| *c == code) {
                Some((_, points)) => Some(*points),
                None if entry.and_then(|e| e.self_points).is_some() => None,
                // The survey is the province's, entered with the appraisal; a draft has no result yet.
                None if matches!(
                    leaf.rule,
                    crate::model::Rule::Bonus | crate::model::Rule::Penalty | crate::model::Rule::SurveyOnly
                ) =>
                {
                    continue;
                }
                None => Some(leaf.node.max),
            };
            if let Some(points) = points {
                self.score_leaf(year, code, points, None, None)?;
            }
            match demo.explained.iter().find(|(c, _)| *c == code) {
                Some((_, text)) => {
                    self.explain_leaf(year, code, text)?;
                }
                None => {
                    // Each leaf cites the document its area rests on (areas 1–3 the plan, the others the report).
                    let area: usize = code.split('.').next().and_then(|a| a.parse().ok()).unwrap_or(0);
                    let document = ids[if area <= 3 { 0 } else { 1 }.min(ids.len() - 1)];
                    self.link_evidence(year, code, document)?;
                    if code.starts_with("7.") && ids.len() > 2 {
                        self.link_evidence(year, code, ids[2])?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Creates a register already holding procedures and statistics (demo and benchmark registers), written in
    /// one transaction each after the same checks as an import.
    pub fn create_with_data(
        path: &Path,
        profile: UnitProfile,
        procedures: &[ProcedureInput],
        stats: &[StatsRow],
        assets: Assets,
        clock: Clock,
        progress: Progress<'_>,
    ) -> Result<App> {
        let procedures: Vec<ProcedureInput> = procedures.iter().cloned().map(ProcedureInput::cleaned).collect();
        let findings: Vec<Finding> = procedures.iter().flat_map(ProcedureInput::validate).collect();
        if !findings.is_empty() {
            return Err(Error::Invalid(findings));
        }
        let mut app = App::create(path, profile, assets, clock)?;
        let total = procedures.len() + stats.len();
        let stamp = app.stamp();
        app.register.upsert_procedures(&procedures, &stamp, true, &|done| progress(done, total))?;
        app.register.upsert_stats(stats, &stamp, true, &|done| progress(procedures.len() + done, total))?;
        Ok(app)
    }
}
