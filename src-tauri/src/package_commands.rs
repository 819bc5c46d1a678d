//! The commands of report files for the superior level (docs/desktop-commands.md, "Report files"): the ward exports
//! a period's file and lists what it sent; the superior keeps its list of expected units, imports files (a dry run
//! first), looks at what it received and rolls a period up. Same three steps as `commands.rs`.

use crate::commands::{ProgressEvents, import_picked, parse_period};
use crate::error::CommandError;
use crate::state::AppState;
use cchc::api::EntryRecord;
use cchc::api::{ExportReport, ImportReport, PackageImportReport, Rollup};
use cchc::model::{ExpectedUnit, ReceivedReport, ReceivedSummary, SentPackage};
use std::path::{Path, PathBuf};
use tauri::ipc::Request;
use tauri::{AppHandle, State};

type Result<T> = std::result::Result<T, CommandError>;

// ---- The ward ----

/// Writes the period's report file to `path` (from the save dialog or typed) and records it as sent.
#[tauri::command(async)]
pub fn package_export(
    state: State<'_, AppState>,
    period: String,
    path: String,
    approver: Option<String>,
) -> Result<ExportReport> {
    let period = parse_period(&period)?;
    Ok(state.app()?.export_package(period, Path::new(path.trim()), approver)?)
}

#[tauri::command(async)]
pub fn packages_sent(state: State<'_, AppState>) -> Result<Vec<SentPackage>> {
    Ok(state.app()?.sent_packages()?)
}

// ---- The superior level: expected units ----

#[tauri::command(async)]
pub fn expected_units(state: State<'_, AppState>) -> Result<Vec<ExpectedUnit>> {
    Ok(state.app()?.expected_units()?)
}

#[tauri::command(async)]
pub fn expected_units_import(
    handle: AppHandle,
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<ImportReport> {
    import_picked(&handle, &state, &request, |app, source, dry_run, progress| {
        app.import_expected_units(source, dry_run, progress)
    })
}

#[tauri::command(async)]
pub fn expected_units_export(state: State<'_, AppState>, path: String) -> Result<usize> {
    Ok(state.app()?.export_expected_units(Path::new(path.trim()))?)
}

// ---- The superior level: receiving files ----

/// Imports report files: `paths` are `.cchc` files or folders of them (picked in the open dialog or typed).
#[tauri::command(async)]
pub fn packages_import(
    handle: AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
    dry_run: bool,
) -> Result<PackageImportReport> {
    let progress = ProgressEvents::new(&handle, "package");
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).map(PathBuf::from).collect();
    Ok(state.app()?.import_packages(&paths, dry_run, &|done, total| progress.report(done, total))?)
}

#[tauri::command(async)]
pub fn received_list(state: State<'_, AppState>, period: Option<String>) -> Result<Vec<ReceivedSummary>> {
    let period = period.as_deref().map(parse_period).transpose()?;
    Ok(state.app()?.received_reports(period)?)
}

#[tauri::command(async)]
pub fn received_get(state: State<'_, AppState>, report_id: String) -> Result<ReceivedReport> {
    Ok(state.app()?.received_report(report_id.trim())?)
}

/// The entries of a received report (`data.json`, `reports/<kind>.pdf`, `evidence/<sha256>`) with hashes and sizes.
#[tauri::command(async)]
pub fn received_entries(state: State<'_, AppState>, report_id: String) -> Result<Vec<EntryRecord>> {
    Ok(state.app()?.received_entries(report_id.trim())?)
}

/// Saves one entry of a received report (e.g. its issued PDF) to `path` from the save dialog; returns its size.
#[tauri::command(async)]
pub fn received_entry_save(state: State<'_, AppState>, report_id: String, entry: String, path: String) -> Result<u64> {
    Ok(state.app()?.save_received_entry(report_id.trim(), entry.trim(), Path::new(path.trim()))?)
}

#[tauri::command(async)]
pub fn received_accept(state: State<'_, AppState>, report_id: String) -> Result<ReceivedSummary> {
    Ok(state.app()?.accept_received(report_id.trim())?)
}

// ---- The superior level: the roll-up ----

#[tauri::command(async)]
pub fn rollup_get(state: State<'_, AppState>, period: String) -> Result<Rollup> {
    Ok(state.app()?.rollup(parse_period(&period)?)?)
}

#[tauri::command(async)]
pub fn rollup_export(state: State<'_, AppState>, period: String, path: String) -> Result<Rollup> {
    let period = parse_period(&period)?;
    Ok(state.app()?.export_rollup(period, Path::new(path.trim()))?)
}
