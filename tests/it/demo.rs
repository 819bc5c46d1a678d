//! The demo ward: a separate register of a realistic ward that passes its own checks.

use crate::fixtures::clock;
use cchc::api::no_progress;
use cchc::model::{PeriodKey, ProcedureQuery, Severity};
use cchc::{App, Assets, ErrorCode};

#[test]
fn the_demo_ward_is_realistic_and_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let (app, summary) = App::create_demo(dir.path(), Assets::bundled(), clock(), &no_progress).unwrap();
    assert_eq!(summary.path, dir.path().join("demo.cchc"));
    assert!((100..=140).contains(&summary.procedures), "about 120 procedures, got {}", summary.procedures);
    let fields = app.fields().unwrap();
    for field in ["Hộ tịch", "Chứng thực", "Bảo trợ xã hội", "Người có công"] {
        assert!(fields.iter().any(|f| f == field), "a ward has {field}: {fields:?}");
    }
    // Two years of quarterly reports up to today (23/11/2026): 2024 and 2025 whole, 2026 to the 9-month report.
    let periods: Vec<String> = summary.periods.iter().map(PeriodKey::to_string).collect();
    assert_eq!(
        periods,
        [
            "2024-Q1", "2024-H1", "2024-Q3", "2024", "2025-Q1", "2025-H1", "2025-Q3", "2025", "2026-Q1", "2026-H1",
            "2026-Q3"
        ]
    );
    let errors: Vec<_> = app.check(None).unwrap().into_iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "the demo must pass its own checks: {errors:?}");
    let year = app.stats("2025".parse().unwrap()).unwrap();
    let rate = year.on_time_rate.unwrap();
    assert!((90.0..=100.0).contains(&rate), "believable on-time rate: {rate}");
    assert!(year.total.received_total > 1000, "a ward handles thousands of dossiers a year");
    assert!(
        !app.procedures(&ProcedureQuery { search: Some("khai sinh".into()), ..Default::default() }).unwrap().is_empty()
    );
}

#[test]
fn the_demo_ward_keeps_staffing_plans_and_iso_like_seed_001() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = App::create_demo(dir.path(), Assets::bundled(), clock(), &no_progress).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    // As in the ward's report: quota 20, 18 present, 2 unfilled; 9 cán bộ and 9 công chức.
    let staffing = app.staffing(today).unwrap();
    assert_eq!((staffing.quota, staffing.present, staffing.vacancies), (20, 18, 2));
    let present: Vec<(&str, i64)> = staffing.rows.iter().map(|r| (r.category.as_str(), r.present)).collect();
    assert_eq!(present, [("can_bo", 9), ("cong_chuc", 9)]);
    assert!(!staffing.standard_due.is_empty() || staffing.standard_share.unwrap() < 100.0);

    let plans = app.plans(Some(2026)).unwrap();
    let numbers: Vec<&str> = plans.iter().map(|p| p.input.number.as_str()).collect();
    assert_eq!(numbers.len(), 3, "{numbers:?}");
    let progress = app.plan_progress(today).unwrap();
    assert_eq!(progress.overall.tasks, 10);
    assert_eq!(progress.overdue.len(), 1, "one task is late, so the board has something to show");

    let iso = app.iso_status(2026, today).unwrap();
    assert!(iso.announced);
    assert_eq!(iso.announcement.as_ref().unwrap().input.number, "36/QĐ-UBND");
    assert_eq!((iso.audits.len(), iso.reviews.len()), (1, 1));

    let errors: Vec<_> = app.check_registers().unwrap().into_iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "the demo's registers pass their own checks: {errors:?}");
    let board = app.deadlines(today).unwrap();
    assert!(board.iter().any(|d| d.kind == cchc::model::DeadlineKind::Task && d.days_left < 0), "{board:?}");
}

#[test]
fn the_demo_never_overwrites_an_existing_register() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("demo.cchc"), "dữ liệu của người dùng").unwrap();
    let err = App::create_demo(dir.path(), Assets::bundled(), clock(), &no_progress).err().unwrap();
    assert_eq!(err.code(), ErrorCode::RegisterExists);
    assert_eq!(std::fs::read_to_string(dir.path().join("demo.cchc")).unwrap(), "dữ liệu của người dùng");
}

/// The demo ward had no unit code, so "Gửi báo cáo" refused its first report file until `unit set --code` was run.
#[test]
fn the_demo_ward_sends_its_report_file_without_setting_a_code_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = App::create_demo(dir.path(), Assets::bundled(), clock(), &no_progress).unwrap();
    let code = app.unit().unwrap().code;
    assert!(code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()), "a 5-digit commune code: {code:?}");
    let out = dir.path().join("bao-cao-9-thang.cchc");
    let sent = app.export_package("2026-Q3".parse().unwrap(), &out, None).unwrap();
    assert!(out.exists());
    assert_eq!(app.sent_packages().unwrap().len(), 1, "{sent:?}");
}
