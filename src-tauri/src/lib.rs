//! `cchc-app`: the desktop window around the `cchc` register — a thin shell whose commands call `cchc::App`.
//!
//! Map: [`paths`] chooses where registers live; [`state`] holds the open register; [`commands`] is the contract
//! with the front end (docs/desktop-commands.md), [`assessment_commands`] its self-assessment part,
//! [`package_commands`] its part for report files to and from the superior level, [`report_commands`] the
//! official reports; [`error`] is what a failing command rejects with; [`webview2`] stops the app, with a
//! Vietnamese message, on a Windows PC without the WebView2 runtime.

pub mod assessment_commands;
pub mod commands;
pub mod copy_commands;
pub mod error;
pub mod files;
pub mod package_commands;
pub mod paths;
pub mod report_commands;
pub mod state;
pub mod upload;
pub mod webview2;

use cchc::api::BackupReason;
use paths::Paths;
use state::AppState;
use tauri::{Emitter, Manager};

/// Builds and runs the app until its window closes.
pub fn run() {
    #[cfg(target_os = "linux")]
    paint_on_cpu();
    // Windows without the WebView2 runtime: a Vietnamese message and a clean stop, never Tauri's English dialog.
    #[cfg(windows)]
    if !webview2::available_or_explain() {
        return;
    }
    let builder = tauri::Builder::default();
    // One window per Windows user: starting the app again (the Start menu, a shortcut) brings the open window to the
    // front instead of opening a second one on the same register. Registered first, as the plugin requires.
    #[cfg(windows)]
    let builder = builder.plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
        // A report file double-clicked while the window is open: the window takes it into its import.
        if app.state::<files::Incoming>().add(args, std::path::Path::new(&cwd)) {
            let _ = app.emit("files-opened", ());
        }
        focus_main_window(app)
    }));
    builder
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let paths = Paths::from_env(|| app.path().data_dir())?;
            app.manage(AppState::start(paths));
            let incoming = files::Incoming::default();
            incoming.add(std::env::args(), &std::env::current_dir().unwrap_or_default());
            app.manage(incoming);
            start_periodic_backups(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::session_status,
            commands::create_register,
            commands::open_live,
            commands::open_demo,
            commands::recover_live,
            commands::backups_list,
            commands::backup_now,
            commands::backups_verify,
            commands::backup_to,
            commands::restore_preview,
            commands::restore,
            commands::unit_get,
            commands::unit_set,
            commands::period_current,
            commands::period_get,
            commands::period_set,
            commands::change_log,
            commands::change_log_facets,
            commands::catalog_list,
            commands::catalog_save,
            commands::catalog_remove,
            commands::actor_get,
            commands::actor_set,
            commands::fields_list,
            commands::procedures_list,
            commands::procedure_get,
            commands::procedure_add,
            commands::procedure_edit,
            commands::procedure_retire,
            commands::procedure_delete,
            commands::procedures_import,
            commands::procedures_export,
            commands::sheet_columns,
            commands::template_save,
            commands::stats_get,
            commands::stats_periods,
            commands::stats_set,
            commands::stats_import,
            commands::stats_export,
            commands::check,
            report_commands::report_sections,
            report_commands::report_section_set,
            report_commands::report_pages,
            report_commands::chart,
            report_commands::report_save_pdf,
            files::report_print,
            files::open_file,
            files::open_folder,
            files::opened_files,
            report_commands::report_issue,
            report_commands::outgoing_documents,
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
            copy_commands::work_copy_take,
            copy_commands::work_copy_open,
            copy_commands::work_copy_pending,
            copy_commands::work_copy_send,
            copy_commands::merge_preview,
            copy_commands::merge_apply,
            package_commands::package_export,
            package_commands::packages_sent,
            package_commands::expected_units,
            package_commands::expected_units_import,
            package_commands::expected_units_export,
            package_commands::packages_import,
            package_commands::received_list,
            package_commands::received_get,
            package_commands::received_entries,
            package_commands::received_entry_save,
            package_commands::received_accept,
            package_commands::rollup_get,
            package_commands::rollup_export,
            assessment_commands::criteria_sets,
            assessment_commands::criteria_import,
            assessment_commands::assessments_list,
            assessment_commands::assessment_new,
            assessment_commands::assessment_get,
            assessment_commands::assessment_score,
            assessment_commands::assessment_na,
            assessment_commands::assessment_explain,
            assessment_commands::assessment_appraise,
            assessment_commands::assessment_suggest,
            assessment_commands::assessment_lock,
            assessment_commands::assessment_advance,
            assessment_commands::assessment_unlock,
            assessment_commands::assessment_compare,
            assessment_commands::evidence_list,
            assessment_commands::evidence_add,
            assessment_commands::evidence_link,
            assessment_commands::evidence_unlink,
        ])
        .build(tauri::generate_context!())
        .expect("the desktop window could not start")
        .run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                // A last copy when the window closes, if anything changed since the newest one.
                if let Err(error) = handle.state::<AppState>().backup_live_if_changed(BackupReason::Exit) {
                    eprintln!("backup at exit failed: {}", error.message);
                }
            }
        });
}

/// Every 15 minutes, a verified copy of the user's own register if something changed. A failed copy is reported
/// to the window (`backup-failed`), which tells the user; the register itself is untouched by a failed copy.
fn start_periodic_backups(handle: tauri::AppHandle) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(BACKUP_INTERVAL);
            if let Err(error) = handle.state::<AppState>().backup_live_if_changed(BackupReason::Auto) {
                let _ = handle.emit("backup-failed", error);
            }
        }
    });
}

/// How often the running app copies the register when it changed (issue: "every 15 minutes when something changed").
const BACKUP_INTERVAL: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Shows the open window in front of the others (a second start of the app on Windows lands here).
#[cfg(windows)]
fn focus_main_window(app: &tauri::AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// WebKitGTK composites the page through OpenGL; on a PC with no GPU (Mesa's software OpenGL) that makes every paint
/// two to three times slower than drawing on the CPU (BENCHMARKS.md: the Biểu 06 grid 204 → 68 ms, the procedure list
/// 142 → 41 ms). The window has no composited effects to lose, so it paints on the CPU unless the user set WebKit's
/// variable or `CCHC_GPU_COMPOSITING` asks for the GPU. Runs first in `run`, before any thread is started.
#[cfg(target_os = "linux")]
fn paint_on_cpu() {
    const VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(VARIABLE).is_none() && std::env::var_os("CCHC_GPU_COMPOSITING").is_none() {
        // SAFETY: the process has one thread here (nothing reads the environment concurrently).
        unsafe { std::env::set_var(VARIABLE, "1") };
    }
}
