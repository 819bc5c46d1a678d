//! Every command of the desktop contract (docs/desktop-commands.md): take the arguments, call `App`, convert the
//! error. Commands are `async` so disk work runs off the main thread and the window keeps painting.

use crate::error::CommandError;
use crate::state::{AppState, Session};
use cchc::Error;
use cchc::api::ImportReport;
use cchc::sheet::Source;
use cchc::model::{
    Finding, FindingCode, PeriodKey, PeriodWindow, Place, Procedure, ProcedureInput, ProcedureQuery, Retirement,
    StatsRow, StatsTable, UnitProfile,
};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::Path;
use tauri::{AppHandle, Emitter, State};

type Result<T> = std::result::Result<T, CommandError>;

// ---- Session ----

#[tauri::command(async)]
pub fn session_status(state: State<'_, AppState>) -> Session {
    state.session()
}

#[tauri::command(async)]
pub fn create_register(state: State<'_, AppState>, profile: UnitProfile) -> Result<Session> {
    state.create_live(profile)
}

#[tauri::command(async)]
pub fn open_live(state: State<'_, AppState>) -> Result<Session> {
    state.open_live()
}

#[tauri::command(async)]
pub fn open_demo(handle: AppHandle, state: State<'_, AppState>) -> Result<Session> {
    let progress = ProgressEvents::new(&handle, "demo");
    state.open_demo(&|done, total| progress.report(done, total))
}

// ---- Unit and periods ----

#[tauri::command(async)]
pub fn unit_get(state: State<'_, AppState>) -> Result<UnitProfile> {
    Ok(state.app()?.unit()?)
}

#[tauri::command(async)]
pub fn unit_set(state: State<'_, AppState>, profile: UnitProfile) -> Result<UnitProfile> {
    Ok(state.app()?.set_unit(profile)?)
}

#[tauri::command(async)]
pub fn period_current(state: State<'_, AppState>) -> Result<PeriodWindow> {
    Ok(state.app()?.current_period()?)
}

#[tauri::command(async)]
pub fn period_get(state: State<'_, AppState>, period: String) -> Result<PeriodWindow> {
    Ok(state.app()?.period(parse_period(&period)?)?)
}

#[tauri::command(async)]
pub fn fields_list(state: State<'_, AppState>) -> Result<Vec<String>> {
    Ok(state.app()?.fields()?)
}

// ---- Procedures ----

#[tauri::command(async)]
pub fn procedures_list(state: State<'_, AppState>, query: ProcedureQuery) -> Result<Vec<Procedure>> {
    Ok(state.app()?.procedures(&query)?)
}

#[tauri::command(async)]
pub fn procedure_get(state: State<'_, AppState>, code: String) -> Result<Procedure> {
    Ok(state.app()?.procedure(&code)?)
}

#[tauri::command(async)]
pub fn procedure_add(state: State<'_, AppState>, input: ProcedureInput) -> Result<Procedure> {
    Ok(state.app()?.add_procedure(input)?)
}

#[tauri::command(async)]
pub fn procedure_edit(state: State<'_, AppState>, code: String, input: ProcedureInput) -> Result<Procedure> {
    Ok(state.app()?.edit_procedure(&code, input)?)
}

#[tauri::command(async)]
pub fn procedure_retire(
    state: State<'_, AppState>,
    code: String,
    replaced_by: Option<String>,
    on: String,
) -> Result<Procedure> {
    let retirement =
        Retirement { replaced_by: replaced_by.filter(|c| !c.trim().is_empty()), on: parse_date("on", &on)? };
    Ok(state.app()?.retire_procedure(&code, retirement)?)
}

#[tauri::command(async)]
pub fn procedure_delete(state: State<'_, AppState>, code: String) -> Result<()> {
    Ok(state.app()?.delete_procedure(&code)?)
}

#[tauri::command(async)]
pub fn procedures_import(
    handle: AppHandle,
    state: State<'_, AppState>,
    name: String,
    bytes: Vec<u8>,
    dry_run: bool,
) -> Result<ImportReport> {
    let progress = ProgressEvents::new(&handle, "import");
    Ok(state.app()?.import_procedures(Source::Bytes { name: &name, bytes: &bytes }, dry_run, &|done, total| progress.report(done, total))?)
}

#[tauri::command(async)]
pub fn procedures_export(state: State<'_, AppState>, path: String) -> Result<usize> {
    Ok(state.app()?.export_procedures(Path::new(&path))?)
}

// ---- Case statistics ----

#[tauri::command(async)]
pub fn stats_get(state: State<'_, AppState>, period: String) -> Result<StatsTable> {
    Ok(state.app()?.stats(parse_period(&period)?)?)
}

#[tauri::command(async)]
pub fn stats_set(state: State<'_, AppState>, row: StatsRow) -> Result<Vec<Finding>> {
    Ok(state.app()?.set_stats(row)?)
}

#[tauri::command(async)]
pub fn stats_import(
    handle: AppHandle,
    state: State<'_, AppState>,
    name: String,
    bytes: Vec<u8>,
    dry_run: bool,
) -> Result<ImportReport> {
    let progress = ProgressEvents::new(&handle, "import");
    Ok(state.app()?.import_stats(Source::Bytes { name: &name, bytes: &bytes }, dry_run, &|done, total| progress.report(done, total))?)
}

#[tauri::command(async)]
pub fn stats_export(state: State<'_, AppState>, path: String, period: Option<String>) -> Result<usize> {
    let period = period.as_deref().map(parse_period).transpose()?;
    Ok(state.app()?.export_stats(Path::new(&path), period)?)
}

#[tauri::command(async)]
pub fn check(state: State<'_, AppState>, period: Option<String>) -> Result<Vec<Finding>> {
    let period = period.as_deref().map(parse_period).transpose()?;
    Ok(state.app()?.check(period)?)
}

// ---- helpers ----

/// The `progress` event's payload.
#[derive(Debug, Clone, Serialize)]
struct ProgressPayload {
    task: &'static str,
    done: usize,
    total: usize,
}

/// Sends `progress` events for one task, about once per percent: the core calls back for every row, and an event per
/// row would flood the window on a large import.
struct ProgressEvents<'a> {
    handle: &'a AppHandle,
    task: &'static str,
}

impl<'a> ProgressEvents<'a> {
    fn new(handle: &'a AppHandle, task: &'static str) -> ProgressEvents<'a> {
        ProgressEvents { handle, task }
    }

    fn report(&self, done: usize, total: usize) {
        if worth_reporting(done, total) {
            // Progress is a courtesy: a window that cannot hear it changes nothing about the work.
            let _ = self.handle.emit("progress", ProgressPayload { task: self.task, done, total });
        }
    }
}

/// The first step, every whole percent, and the last step.
fn worth_reporting(done: usize, total: usize) -> bool {
    let step = (total / 100).max(1);
    done == 0 || done >= total || done.is_multiple_of(step)
}

/// Periods arrive as text so that a bad one rejects with `BAD_PERIOD` like every other error.
fn parse_period(text: &str) -> Result<PeriodKey> {
    Ok(text.parse::<PeriodKey>()?)
}

/// Dates arrive as `YYYY-MM-DD` text; a bad one is an `INVALID` with a `BAD_DATE` finding on the field.
fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        let finding = Finding::new(FindingCode::BadDate, Place::field(field)).with("value", text);
        CommandError::from(Error::Invalid(vec![finding]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_reported_about_once_a_percent() {
        let sent = (0..=10_000).filter(|&done| worth_reporting(done, 10_000)).count();
        assert_eq!(sent, 101);
        assert!(worth_reporting(10_000, 10_000) && worth_reporting(0, 10_000));
        assert_eq!((1..=7).filter(|&done| worth_reporting(done, 7)).count(), 7, "small tasks report every step");
        assert!(worth_reporting(0, 0));
    }

    #[test]
    fn bad_periods_and_dates_reject_with_codes() {
        let period = parse_period("2026-Q2").unwrap_err();
        assert_eq!(serde_json::to_value(&period).unwrap()["code"], "BAD_PERIOD");
        assert_eq!(parse_period("2026-Q3").unwrap().to_string(), "2026-Q3");

        let date = serde_json::to_value(parse_date("on", "31/12/2026").unwrap_err()).unwrap();
        assert_eq!(date["code"], "INVALID");
        assert_eq!(date["findings"][0]["code"], "BAD_DATE");
        assert_eq!(date["findings"][0]["place"]["column"], "on");
        assert_eq!(parse_date("on", "2026-12-31").unwrap(), NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
    }
}
