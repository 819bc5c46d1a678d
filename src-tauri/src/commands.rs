//! Every command of the desktop contract (docs/desktop-commands.md): take the arguments, call `App`, convert the
//! error. Commands are `async` so disk work runs off the main thread and the window keeps painting.

use crate::error::CommandError;
use crate::state::{AppState, Session};
use crate::upload::Upload;
use cchc::App;
use cchc::Error;
use cchc::api::Leftovers;
use cchc::api::Source;
use cchc::api::{BackupInfo, BackupReason};
use cchc::api::{ChangeEntry, ChangeLogFacets, ChangeLogQuery};
use cchc::api::{ImportReport, Progress, RestorePreview, RestoreReport, SheetColumn, SheetKind};
use cchc::model::{
    Announcement, AnnouncementInput, Audit, AuditInput, CatalogEntry, CatalogInput, CatalogKind, DeadlineItem, Finding,
    FindingCode, Headcount, IsoAction, IsoReport, IsoStatus, IsoVersion, LegalChange, LegalChangeInput, Nonconformity,
    NonconformityInput, PeriodKey, PeriodWindow, Person, PersonInput, Place, Plan, PlanInput, PlanProgress, Procedure,
    ProcedureInput, ProcedureQuery, Quota, ReformArea, Retirement, Review, ReviewInput, Saved, StaffCategory,
    StaffingSummary, StatsRow, StatsTable, Task, TaskInput, UnitProfile,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;
use tauri::ipc::Request;
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

/// Restores the user's own register, which could not be opened, from the verified copy at `path`.
#[tauri::command(async)]
pub fn recover_live(state: State<'_, AppState>, path: String) -> Result<Session> {
    state.recover_live(Path::new(&path))
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

/// Sets a period's window and report deadline for this unit (provinces set their own); dates "YYYY-MM-DD".
#[tauri::command(async)]
pub fn period_set(
    state: State<'_, AppState>,
    period: String,
    start: String,
    end: String,
    deadline: String,
) -> Result<PeriodWindow> {
    let window = PeriodWindow {
        key: parse_period(&period)?,
        start: parse_date("start", &start)?,
        end: parse_date("end", &end)?,
        deadline: parse_date("deadline", &deadline)?,
    };
    Ok(state.app()?.set_period(window)?)
}

/// The change log's entries matching the filters, newest first.
#[tauri::command(async)]
pub fn change_log(state: State<'_, AppState>, query: ChangeLogQuery) -> Result<Vec<ChangeEntry>> {
    Ok(state.app()?.change_log_query(&query)?)
}

/// The kinds of record and the people the change log names (the log screen's filters).
#[tauri::command(async)]
pub fn change_log_facets(state: State<'_, AppState>) -> Result<ChangeLogFacets> {
    Ok(state.app()?.change_log_facets()?)
}

/// A list kept as data (staff categories or reform areas), each entry with whether it is seeded and its uses.
#[tauri::command(async)]
pub fn catalog_list(state: State<'_, AppState>, kind: CatalogKind) -> Result<Vec<CatalogEntry>> {
    Ok(state.app()?.catalog(kind)?)
}

/// Adds an entry (no code) or renames one (and sets a staff category's last day).
#[tauri::command(async)]
pub fn catalog_save(state: State<'_, AppState>, input: CatalogInput) -> Result<CatalogEntry> {
    Ok(state.app()?.save_catalog_entry(input)?)
}

/// Removes an added entry no record uses.
#[tauri::command(async)]
pub fn catalog_remove(state: State<'_, AppState>, kind: CatalogKind, code: String) -> Result<()> {
    Ok(state.app()?.remove_catalog_entry(kind, &code)?)
}

/// Who the change log names for the edits from now on.
#[tauri::command(async)]
pub fn actor_get(state: State<'_, AppState>) -> Result<String> {
    Ok(state.app()?.actor().to_string())
}

/// Changes who the change log names for the edits from now on (two people sharing one computer).
#[tauri::command(async)]
pub fn actor_set(state: State<'_, AppState>, name: String) -> Result<String> {
    Ok(state.app()?.set_actor(&name)?)
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
pub fn procedures_import(handle: AppHandle, state: State<'_, AppState>, request: Request<'_>) -> Result<ImportReport> {
    import_picked(&handle, &state, &request, |app, source, dry_run, progress| {
        app.import_procedures(source, dry_run, progress)
    })
}

#[tauri::command(async)]
pub fn procedures_export(state: State<'_, AppState>, path: String) -> Result<usize> {
    Ok(state.app()?.export_procedures(Path::new(&path))?)
}

// ---- Sheets: what the import dialogs explain ----

/// The columns of a sheet, for the import dialog (no register needed).
#[tauri::command]
pub fn sheet_columns(kind: SheetKind) -> Vec<SheetColumn> {
    App::sheet_columns(kind)
}

/// Writes a sheet's empty template where the user chose.
#[tauri::command(async)]
pub fn template_save(kind: SheetKind, path: String) -> Result<()> {
    Ok(App::write_template(kind, Path::new(&path))?)
}

// ---- Case statistics ----

#[tauri::command(async)]
pub fn stats_get(state: State<'_, AppState>, period: String) -> Result<StatsTable> {
    Ok(state.app()?.stats(parse_period(&period)?)?)
}

/// The periods that have statistics, oldest first.
#[tauri::command(async)]
pub fn stats_periods(state: State<'_, AppState>) -> Result<Vec<PeriodKey>> {
    Ok(state.app()?.stats_periods()?)
}

#[tauri::command(async)]
pub fn stats_set(state: State<'_, AppState>, row: StatsRow) -> Result<Vec<Finding>> {
    Ok(state.app()?.set_stats(row)?)
}

#[tauri::command(async)]
pub fn stats_import(handle: AppHandle, state: State<'_, AppState>, request: Request<'_>) -> Result<ImportReport> {
    import_picked(&handle, &state, &request, |app, source, dry_run, progress| {
        app.import_stats(source, dry_run, progress)
    })
}

#[tauri::command(async)]
pub fn stats_export(state: State<'_, AppState>, path: String, period: Option<String>) -> Result<usize> {
    let period = period.as_deref().map(parse_period).transpose()?;
    Ok(state.app()?.export_stats(Path::new(&path), period)?)
}

/// The problems of one period's statistics (or of all periods) together with those of staffing, plans and ISO.
#[tauri::command(async)]
pub fn check(state: State<'_, AppState>, period: Option<String>) -> Result<Vec<Finding>> {
    let period = period.as_deref().map(parse_period).transpose()?;
    let app = state.app()?;
    let mut findings = app.check(period)?;
    findings.extend(app.check_registers()?);
    Ok(findings)
}

/// The deadlines board for a day (`today` as YYYY-MM-DD).
#[tauri::command(async)]
pub fn deadlines(state: State<'_, AppState>, today: String) -> Result<Vec<DeadlineItem>> {
    Ok(state.app()?.deadlines(parse_date("today", &today)?)?)
}

// ---- Backups and restore ----

#[tauri::command(async)]
pub fn backups_list(state: State<'_, AppState>) -> Result<Vec<BackupInfo>> {
    Ok(state.app()?.backups()?)
}

#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    Ok(state.app()?.backup_now(BackupReason::Manual)?)
}

/// The check of every copy, and the stale partial files of interrupted copies (not copies; the next copy removes
/// them).
#[derive(Debug, Serialize)]
pub struct BackupsCheck {
    /// Per copy file: null when it is good, else the error that makes it unusable.
    copies: Vec<(String, Option<CommandError>)>,
    leftovers: Leftovers,
}

/// Checks every copy again and counts the partial files interrupted copies left.
#[tauri::command(async)]
pub fn backups_verify(state: State<'_, AppState>) -> Result<BackupsCheck> {
    let app = state.app()?;
    let copies = app.backups()?;
    let copies =
        copies.into_iter().map(|c| (c.file, App::verify_backup(&c.path).err().map(CommandError::from))).collect();
    Ok(BackupsCheck { copies, leftovers: app.backup_leftovers() })
}

/// "Sao lưu ra USB": `dir` is the folder the user picked.
#[tauri::command(async)]
pub fn backup_to(state: State<'_, AppState>, dir: String) -> Result<BackupInfo> {
    Ok(state.app()?.backup_to(Path::new(&dir))?)
}

#[tauri::command(async)]
pub fn restore_preview(state: State<'_, AppState>, path: String) -> Result<RestorePreview> {
    Ok(state.app()?.restore_preview(Path::new(&path))?)
}

#[tauri::command(async)]
pub fn restore(state: State<'_, AppState>, path: String) -> Result<RestoreReport> {
    Ok(state.app()?.restore(Path::new(&path))?)
}

// ---- Staffing ----

#[tauri::command(async)]
pub fn staff_categories(state: State<'_, AppState>) -> Result<Vec<StaffCategory>> {
    Ok(state.app()?.staff_categories()?)
}

#[tauri::command(async)]
pub fn staffing_summary(state: State<'_, AppState>, date: String) -> Result<StaffingSummary> {
    Ok(state.app()?.staffing(parse_date("date", &date)?)?)
}

#[tauri::command(async)]
pub fn quotas_list(state: State<'_, AppState>, year: Option<i32>) -> Result<Vec<Quota>> {
    Ok(state.app()?.quotas(year)?)
}

#[tauri::command(async)]
pub fn quota_set(state: State<'_, AppState>, quota: Quota) -> Result<Quota> {
    Ok(state.app()?.set_quota(quota)?)
}

#[tauri::command(async)]
pub fn headcounts_list(state: State<'_, AppState>, year: Option<i32>) -> Result<Vec<Headcount>> {
    Ok(state.app()?.headcounts(year)?)
}

#[tauri::command(async)]
pub fn headcount_set(state: State<'_, AppState>, headcount: Headcount) -> Result<Headcount> {
    Ok(state.app()?.set_headcount(headcount)?)
}

#[tauri::command(async)]
pub fn people_list(state: State<'_, AppState>) -> Result<Vec<Person>> {
    Ok(state.app()?.people()?)
}

#[tauri::command(async)]
pub fn person_add(state: State<'_, AppState>, input: PersonInput) -> Result<Person> {
    Ok(state.app()?.add_person(input)?)
}

#[tauri::command(async)]
pub fn person_edit(state: State<'_, AppState>, id: i64, input: PersonInput) -> Result<Person> {
    Ok(state.app()?.edit_person(id, input)?)
}

#[tauri::command(async)]
pub fn people_import(handle: AppHandle, state: State<'_, AppState>, request: Request<'_>) -> Result<ImportReport> {
    import_picked(&handle, &state, &request, |app, source, dry_run, progress| {
        app.import_people(source, dry_run, progress)
    })
}

#[tauri::command(async)]
pub fn people_export(state: State<'_, AppState>, path: String) -> Result<usize> {
    Ok(state.app()?.export_people(Path::new(&path))?)
}

#[tauri::command(async)]
pub fn quotas_import(handle: AppHandle, state: State<'_, AppState>, request: Request<'_>) -> Result<ImportReport> {
    import_picked(&handle, &state, &request, |app, source, dry_run, progress| {
        app.import_quotas(source, dry_run, progress)
    })
}

#[tauri::command(async)]
pub fn quotas_export(state: State<'_, AppState>, path: String) -> Result<usize> {
    Ok(state.app()?.export_quotas(Path::new(&path))?)
}

// ---- Reform plans and tasks ----

#[tauri::command(async)]
pub fn reform_areas(state: State<'_, AppState>) -> Result<Vec<ReformArea>> {
    Ok(state.app()?.reform_areas()?)
}

#[tauri::command(async)]
pub fn plans_list(state: State<'_, AppState>, year: Option<i32>) -> Result<Vec<Plan>> {
    Ok(state.app()?.plans(year)?)
}

#[tauri::command(async)]
pub fn plan_add(state: State<'_, AppState>, input: PlanInput) -> Result<Saved<Plan>> {
    Ok(state.app()?.add_plan(input)?)
}

#[tauri::command(async)]
pub fn plan_edit(state: State<'_, AppState>, year: i32, number: String, input: PlanInput) -> Result<Saved<Plan>> {
    Ok(state.app()?.edit_plan(year, &number, input)?)
}

#[tauri::command(async)]
pub fn tasks_list(state: State<'_, AppState>, year: Option<i32>) -> Result<Vec<Task>> {
    Ok(state.app()?.tasks(year)?)
}

#[tauri::command(async)]
pub fn task_add(state: State<'_, AppState>, input: TaskInput) -> Result<Task> {
    Ok(state.app()?.add_task(input)?)
}

#[tauri::command(async)]
pub fn task_edit(state: State<'_, AppState>, id: i64, input: TaskInput) -> Result<Task> {
    Ok(state.app()?.edit_task(id, input)?)
}

#[tauri::command(async)]
pub fn plan_progress(state: State<'_, AppState>, date: String) -> Result<PlanProgress> {
    Ok(state.app()?.plan_progress(parse_date("date", &date)?)?)
}

#[tauri::command(async)]
pub fn tasks_import(handle: AppHandle, state: State<'_, AppState>, request: Request<'_>) -> Result<ImportReport> {
    import_picked(&handle, &state, &request, |app, source, dry_run, progress| {
        app.import_tasks(source, dry_run, progress)
    })
}

#[tauri::command(async)]
pub fn tasks_export(state: State<'_, AppState>, path: String, year: Option<i32>) -> Result<usize> {
    Ok(state.app()?.export_tasks(Path::new(&path), year)?)
}

// ---- ISO 9001 ----

#[tauri::command(async)]
pub fn iso_status(state: State<'_, AppState>, year: i32, today: String) -> Result<IsoStatus> {
    Ok(state.app()?.iso_status(year, parse_date("today", &today)?)?)
}

#[tauri::command(async)]
pub fn iso_version_set(state: State<'_, AppState>, version: IsoVersion) -> Result<IsoVersion> {
    Ok(state.app()?.set_iso_version(version)?)
}

#[tauri::command(async)]
pub fn iso_announcements(state: State<'_, AppState>) -> Result<Vec<Announcement>> {
    Ok(state.app()?.iso_announcements()?)
}

#[tauri::command(async)]
pub fn iso_announcement_add(state: State<'_, AppState>, input: AnnouncementInput) -> Result<Saved<Announcement>> {
    Ok(state.app()?.add_iso_announcement(input)?)
}

#[tauri::command(async)]
pub fn iso_audits(state: State<'_, AppState>) -> Result<Vec<Audit>> {
    Ok(state.app()?.iso_audits()?)
}

#[tauri::command(async)]
pub fn iso_audit_add(state: State<'_, AppState>, input: AuditInput) -> Result<Saved<Audit>> {
    Ok(state.app()?.add_iso_audit(input)?)
}

#[tauri::command(async)]
pub fn iso_nonconformities(state: State<'_, AppState>) -> Result<Vec<Nonconformity>> {
    Ok(state.app()?.iso_nonconformities()?)
}

#[tauri::command(async)]
pub fn iso_nonconformity_add(state: State<'_, AppState>, input: NonconformityInput) -> Result<Nonconformity> {
    Ok(state.app()?.add_iso_nonconformity(input)?)
}

#[tauri::command(async)]
pub fn iso_reviews(state: State<'_, AppState>) -> Result<Vec<Review>> {
    Ok(state.app()?.iso_reviews()?)
}

#[tauri::command(async)]
pub fn iso_review_add(state: State<'_, AppState>, input: ReviewInput) -> Result<Saved<Review>> {
    Ok(state.app()?.add_iso_review(input)?)
}

#[tauri::command(async)]
pub fn iso_actions(state: State<'_, AppState>) -> Result<Vec<IsoAction>> {
    Ok(state.app()?.iso_actions()?)
}

#[tauri::command(async)]
pub fn iso_review_action_add(
    state: State<'_, AppState>,
    review_id: i64,
    content: String,
    owner: String,
    due: Option<String>,
) -> Result<IsoAction> {
    let due = due.as_deref().filter(|d| !d.trim().is_empty()).map(|d| parse_date("due", d)).transpose()?;
    Ok(state.app()?.add_iso_review_action(review_id, &content, &owner, due)?)
}

#[tauri::command(async)]
pub fn iso_action_complete(
    state: State<'_, AppState>,
    id: i64,
    done_on: String,
    checked: Option<String>,
) -> Result<IsoAction> {
    let done_on = parse_date("done_on", &done_on)?;
    let checked = checked
        .as_deref()
        .filter(|d| !d.trim().is_empty())
        .map(|d| parse_date("effectiveness_checked", d))
        .transpose()?;
    Ok(state.app()?.complete_iso_action(id, done_on, checked)?)
}

#[tauri::command(async)]
pub fn iso_legal_changes(state: State<'_, AppState>) -> Result<Vec<LegalChange>> {
    Ok(state.app()?.iso_legal_changes()?)
}

#[tauri::command(async)]
pub fn iso_legal_change_add(state: State<'_, AppState>, input: LegalChangeInput) -> Result<LegalChange> {
    Ok(state.app()?.add_iso_legal_change(input)?)
}

#[tauri::command(async)]
pub fn iso_legal_change_complete(state: State<'_, AppState>, id: i64, done_on: String) -> Result<LegalChange> {
    Ok(state.app()?.complete_iso_legal_change(id, parse_date("done_on", &done_on)?)?)
}

#[tauri::command(async)]
pub fn iso_report_set(state: State<'_, AppState>, report: IsoReport) -> Result<IsoReport> {
    Ok(state.app()?.set_iso_report(report)?)
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
pub(crate) struct ProgressEvents<'a> {
    handle: &'a AppHandle,
    task: &'static str,
}

impl<'a> ProgressEvents<'a> {
    pub(crate) fn new(handle: &'a AppHandle, task: &'static str) -> ProgressEvents<'a> {
        ProgressEvents { handle, task }
    }

    pub(crate) fn report(&self, done: usize, total: usize) {
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

/// The arguments beside a picked file's content in an import (`upload::Upload`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ImportArgs {
    pub name: String,
    pub dry_run: bool,
}

/// The body every import of a picked file shares: its bytes (the request's raw body) as a `Source`, `progress`
/// events, one `App` import.
pub(crate) fn import_picked(
    handle: &AppHandle,
    state: &State<'_, AppState>,
    request: &Request<'_>,
    import: impl FnOnce(&mut App, Source<'_>, bool, Progress<'_>) -> cchc::Result<ImportReport>,
) -> Result<ImportReport> {
    let Upload { args: ImportArgs { name, dry_run }, bytes } = Upload::from_request(request)?;
    let progress = ProgressEvents::new(handle, "import");
    let mut app = state.app()?;
    let source = Source::Bytes { name: &name, bytes: &bytes };
    Ok(import(&mut app, source, dry_run, &|done, total| progress.report(done, total))?)
}

/// Periods arrive as text so that a bad one rejects with `BAD_PERIOD` like every other error.
pub(crate) fn parse_period(text: &str) -> Result<PeriodKey> {
    Ok(text.parse::<PeriodKey>().map_err(cchc::Error::from)?)
}

/// Dates arrive as `YYYY-MM-DD` text; a bad one is an `INVALID` with a `BAD_DATE` finding on the field.
pub(crate) fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
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
