//! The commands of working away from the office (docs/desktop-commands.md, "Work copies"): the office takes a work
//! copy for a named person; the other computer opens it as its register and sends its changes back as a file; the
//! office looks at a changes file (a dry run: every change and conflict) and merges it with the person's choices.
//! Same three steps as `commands.rs`.

use crate::commands::ProgressEvents;
use crate::error::CommandError;
use crate::state::{AppState, Session};
use cchc::api::{ChangesSent, MergePreview, MergeReport, WorkCopyTaken};
use cchc::model::{MergeChoices, RecordChange};
use std::path::Path;
use tauri::{AppHandle, State};

type Result<T> = std::result::Result<T, CommandError>;

/// Writes a work copy for `person` to `path` (from the save dialog), with the files of the evidence documents
/// `evidence` names by id (null: all).
#[tauri::command(async)]
pub fn work_copy_take(
    handle: AppHandle,
    state: State<'_, AppState>,
    path: String,
    person: String,
    evidence: Option<Vec<i64>>,
) -> Result<WorkCopyTaken> {
    let progress = ProgressEvents::new(&handle, "work-copy");
    let chosen = evidence.as_deref();
    Ok(state.app()?.take_work_copy(Path::new(path.trim()), &person, chosen, &|d, t| progress.report(d, t))?)
}

/// Opens a work copy file on this computer as the user's register (this computer must not have one yet).
#[tauri::command(async)]
pub fn work_copy_open(state: State<'_, AppState>, path: String) -> Result<Session> {
    state.open_work_copy(Path::new(path.trim()))
}

/// What this work copy changed since it was taken or since its last changes file.
#[tauri::command(async)]
pub fn work_copy_pending(state: State<'_, AppState>) -> Result<Vec<RecordChange>> {
    Ok(state.app()?.pending_changes()?)
}

/// Writes this work copy's changes file to `path`.
#[tauri::command(async)]
pub fn work_copy_send(state: State<'_, AppState>, path: String) -> Result<ChangesSent> {
    Ok(state.app()?.send_changes(Path::new(path.trim()))?)
}

/// The dry run of merging the changes file at `path`.
#[tauri::command(async)]
pub fn merge_preview(state: State<'_, AppState>, path: String) -> Result<MergePreview> {
    Ok(state.app()?.merge_preview(Path::new(path.trim()))?)
}

/// Merges the changes file at `path` with the choices made for its conflicts.
#[tauri::command(async)]
pub fn merge_apply(
    handle: AppHandle,
    state: State<'_, AppState>,
    path: String,
    choices: MergeChoices,
) -> Result<MergeReport> {
    let progress = ProgressEvents::new(&handle, "merge");
    Ok(state.app()?.merge_changes(Path::new(path.trim()), &choices, &|d, t| progress.report(d, t))?)
}
