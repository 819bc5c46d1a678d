//! `cchc-app`: the desktop window around the `cchc` register — a thin shell whose commands call `cchc::App`.
//!
//! Map: [`paths`] chooses where registers live; [`state`] holds the open register; [`commands`] is the contract
//! with the front end (docs/desktop-commands.md); [`error`] is what a failing command rejects with.

pub mod commands;
pub mod error;
pub mod paths;
pub mod state;

use paths::Paths;
use state::AppState;
use tauri::Manager;

/// Builds and runs the app until its window closes.
pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let paths = Paths::from_env(|| app.path().app_data_dir())?;
            app.manage(AppState::start(paths));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::session_status,
            commands::create_register,
            commands::open_live,
            commands::open_demo,
            commands::unit_get,
            commands::unit_set,
            commands::period_current,
            commands::period_get,
            commands::fields_list,
            commands::procedures_list,
            commands::procedure_get,
            commands::procedure_add,
            commands::procedure_edit,
            commands::procedure_retire,
            commands::procedure_delete,
            commands::procedures_import,
            commands::procedures_export,
            commands::stats_get,
            commands::stats_set,
            commands::stats_import,
            commands::stats_export,
            commands::check,
            commands::deadlines,
            commands::staff_categories,
            commands::staffing_summary,
            commands::quotas_list,
            commands::quota_set,
            commands::headcounts_list,
            commands::headcount_set,
            commands::people_list,
            commands::person_add,
            commands::person_edit,
            commands::people_import,
            commands::people_export,
            commands::quotas_import,
            commands::quotas_export,
            commands::reform_areas,
            commands::plans_list,
            commands::plan_add,
            commands::plan_edit,
            commands::tasks_list,
            commands::task_add,
            commands::task_edit,
            commands::plan_progress,
            commands::tasks_import,
            commands::tasks_export,
            commands::iso_status,
            commands::iso_version_set,
            commands::iso_announcements,
            commands::iso_announcement_add,
            commands::iso_audits,
            commands::iso_audit_add,
            commands::iso_nonconformities,
            commands::iso_nonconformity_add,
            commands::iso_reviews,
            commands::iso_review_add,
            commands::iso_actions,
            commands::iso_review_action_add,
            commands::iso_action_complete,
            commands::iso_legal_changes,
            commands::iso_legal_change_add,
            commands::iso_legal_change_complete,
            commands::iso_report_set,
        ])
        .run(tauri::generate_context!())
        .expect("the desktop window could not start");
}
