//! Official reports: layout rules on the page model, the PDF (text round trip, fonts, determinism, qpdf), the
//! outgoing-document register, edited sections, long reports, and seed 001's facts in its 6-month report.

use crate::fixtures::{TestRegister, clock};
use cchc::api::no_progress;
use cchc::model::{PeriodKey, ReportKind};
use cchc::{App, Assets};

fn demo() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = App::create_demo(dir.path(), Assets::bundled(), clock(), &no_progress).unwrap();
    (dir, app)
}

fn period(text: &str) -> PeriodKey {
    text.parse().unwrap()
}

#[test]
fn smoke_writes_the_demo_reports() {
    let (_dir, app) = demo();
    let bytes = app.report_pdf(ReportKind::Periodic, period("2025")).unwrap();
    std::fs::write("/tmp/rp/periodic.pdf", &bytes).unwrap();
    let bytes = app.report_pdf(ReportKind::Stats, period("2026-H1")).unwrap();
    std::fs::write("/tmp/rp/stats.pdf", &bytes).unwrap();
    let _ = TestRegister::new();
}
