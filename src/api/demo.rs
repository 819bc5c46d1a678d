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

/// What a register for benchmarks and load tests holds: generated procedures over 15 fields and their case
/// statistics (whole fields and per procedure) for `years` years up to 31/12 of `last_year`.
#[derive(Debug, Clone, Copy)]
pub struct Generated {
    pub procedures: usize,
    pub years: i32,
    pub last_year: i32,
    pub seed: u64,
}

/// One report file of a made-up unit, written by `write_unit_variants`.
#[derive(Debug, Clone, Serialize)]
pub struct UnitVariant {
    pub code: String,
    pub name: String,
    pub path: PathBuf,
    pub bytes: u64,
}

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

    /// The demo ward's profile, as an official would enter it.
    pub fn demo_unit() -> UnitProfile {
        demo::unit()
    }

    /// Creates a register holding generated data (the benchmarks' registers). Returns it with the number of
    /// statistics rows written.
    pub fn create_generated(
        path: &Path,
        spec: Generated,
        assets: Assets,
        clock: Clock,
        progress: Progress<'_>,
    ) -> Result<(App, usize)> {
        let procedures = demo::generated_procedures(spec.procedures, spec.seed);
        let until = chrono::NaiveDate::from_ymd_opt(spec.last_year, 12, 31)
            .ok_or_else(|| Error::BadPeriod(spec.last_year.to_string()))?;
        let years = spec.last_year - spec.years + 1..=spec.last_year;
        let mut stats = demo::stats(&procedures, years.clone(), until, spec.seed);
        stats.extend(demo::per_procedure_stats(&procedures, years, until, spec.seed));
        let app = App::create_with_data(path, demo::unit(), &procedures, &stats, assets, clock, progress)?;
        Ok((app, stats.len()))
    }

    /// Writes `count` report files into `folder` made from the report file `template` as if units 00001, 00002, …
    /// ("Ủy ban nhân dân xã Thử Nghiệm 1", …) had each sent it: the same data under their code and name, each file
    /// with its own report id (benchmarks and load tests of a superior's import).
    pub fn write_unit_variants(
        &self,
        template: &Path,
        folder: &Path,
        count: usize,
        progress: Progress<'_>,
    ) -> Result<Vec<UnitVariant>> {
        let (manifest, data) = self.inspect_package(template)?;
        std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        let mut out = Vec::with_capacity(count);
        for i in 1..=count {
            let code = format!("{i:05}");
            let name = format!("Ủy ban nhân dân xã Thử Nghiệm {i}");
            let mut data = data.clone();
            data.unit.code = code.clone();
            data.unit.name = name.clone();
            let mut m = manifest.clone();
            m.unit.code = code.clone();
            m.unit.name = name.clone();
            m.report_id = crate::package::new_report_id();
            m.root_id = m.report_id.clone();
            m.supersedes = None;
            m.revision = 1;
            let path = folder.join(format!("{code}.{}", crate::model::REPORT_FILE_EXTENSION));
            let bytes = crate::package::write(m, &crate::package::Payload { data, extra: Vec::new() })
                .map_err(|e| Error::io(&path, e))?;
            std::fs::write(&path, &bytes).map_err(|e| Error::io(&path, e))?;
            out.push(UnitVariant { code, name, path, bytes: bytes.len() as u64 });
            progress(i, count);
        }
        Ok(out)
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
