//! Excel and CSV: import with every problem reported before anything is written, export, and round trips.

use crate::fixtures::{PROCEDURE_HEADER, STATS_HEADER, TestRegister, real_list_mapped};
use cchc::api::Source;
use cchc::api::no_progress;
use cchc::model::{FindingCode, OnlineLevel, ProcedureQuery, Severity, TimeUnit};
use cchc::{App, ErrorCode};

const GOOD_PROCEDURES: &str = "\
1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,1,ngày làm việc,Miễn phí,Toàn trình
1.000894,Thủ tục đăng ký kết hôn,Hộ tịch,5 ngày làm việc,,Miễn phí,Một phần
2.000815,Cấp bản sao từ sổ gốc,Chứng thực,2,ngày làm việc,8.000 đồng/bản,Không
3.000527.H61,Đăng ký cai nghiện ma túy tự nguyện,\"Phòng, chống ma túy\",3,ngày làm việc,,Không
";

fn good_procedures(t: &TestRegister) -> std::path::PathBuf {
    t.file("thu-tuc.csv", &format!("{PROCEDURE_HEADER}\n{GOOD_PROCEDURES}"))
}

fn codes(findings: &[cchc::model::Finding]) -> Vec<(FindingCode, Option<usize>, Option<String>)> {
    findings.iter().map(|f| (f.code, f.place.row, f.place.column.clone())).collect()
}

#[test]
fn importing_procedures_then_importing_again_changes_nothing() {
    let mut t = TestRegister::new();
    let file = good_procedures(&t);
    let report = t.app.import_procedures(&file, false, &no_progress).unwrap();
    assert_eq!((report.counts.added, report.counts.updated, report.counts.unchanged), (4, 0, 0));
    let birth = t.app.procedure("1.001193").unwrap();
    assert_eq!(birth.input.online_level, OnlineLevel::Full);
    assert_eq!(birth.input.processing_time.unwrap().unit, TimeUnit::WorkingDays);
    assert_eq!(t.app.procedure("1.000894").unwrap().input.processing_time.unwrap().amount, 5.0);
    assert_eq!(t.app.procedure("3.000527.h61").unwrap().input.field, "Phòng, chống ma túy");

    let before = t.state();
    let again = t.app.import_procedures(&file, false, &no_progress).unwrap();
    assert_eq!((again.counts.added, again.counts.updated, again.counts.unchanged), (0, 0, 4));
    assert_eq!(t.state(), before, "re-importing the same file is a no-op, change log included");
}

#[test]
fn a_dry_run_reports_what_would_change_and_writes_nothing() {
    let mut t = TestRegister::new();
    let before = t.state();
    let report = t.app.import_procedures(&good_procedures(&t), true, &no_progress).unwrap();
    assert!(report.dry_run);
    assert_eq!(report.counts.added, 4);
    assert_eq!(t.state(), before);
}

#[test]
fn export_then_import_round_trips_through_xlsx_and_csv() {
    let mut t = TestRegister::new();
    t.app.import_procedures(&good_procedures(&t), false, &no_progress).unwrap();
    let stats = t.file("bieu-06.csv", &format!("{STATS_HEADER}\n2026-Q1,Hộ tịch,,120,50,60,10,100,20,78,2,20,18,2,2\n2026-Q1,Chứng thực,,2051,1000,1051,0,2051,412,1630,9,0,0,0,9\n"));
    t.app.import_stats(&stats, false, &no_progress).unwrap();
    let before = t.state();
    for ext in ["xlsx", "csv"] {
        let procedures = t.dir.path().join(format!("xuat-thu-tuc.{ext}"));
        assert_eq!(t.app.export_procedures(&procedures).unwrap(), 4);
        let report = t.app.import_procedures(&procedures, false, &no_progress).unwrap();
        assert_eq!((report.counts.added, report.counts.updated, report.counts.unchanged), (0, 0, 4), "{ext}");
        assert!(report.findings.is_empty(), "{ext}: {:?}", report.findings);

        let rows = t.dir.path().join(format!("xuat-bieu-06.{ext}"));
        assert_eq!(t.app.export_stats(&rows, None).unwrap(), 2);
        let report = t.app.import_stats(&rows, false, &no_progress).unwrap();
        assert_eq!(report.counts.unchanged, 2, "{ext}");
    }
    assert_eq!(t.state(), before);

    // The export imports into a fresh register with the same content.
    let mut other = TestRegister::new();
    let xlsx = t.dir.path().join("xuat-thu-tuc.xlsx");
    other.app.import_procedures(&xlsx, false, &no_progress).unwrap();
    let all = ProcedureQuery { include_retired: true, ..Default::default() };
    let inputs = |app: &App| app.procedures(&all).unwrap().into_iter().map(|p| p.input).collect::<Vec<_>>();
    assert_eq!(inputs(&other.app), inputs(&t.app));
}

#[test]
fn templates_have_the_vietnamese_headers_and_import_as_empty() {
    let mut t = TestRegister::new();
    for ext in ["xlsx", "csv"] {
        let path = t.dir.path().join(format!("mau.{ext}"));
        App::write_procedure_template(&path).unwrap();
        let report = t.app.import_procedures(&path, false, &no_progress).unwrap();
        assert_eq!(report.rows, 0);
        let stats = t.dir.path().join(format!("mau-bieu-06.{ext}"));
        App::write_stats_template(&stats).unwrap();
        assert_eq!(t.app.import_stats(&stats, false, &no_progress).unwrap().rows, 0);
    }
    let csv = std::fs::read_to_string(t.dir.path().join("mau.csv")).unwrap();
    assert!(csv.trim_start_matches('\u{feff}').starts_with("Mã TTHC;Tên thủ tục hành chính;Lĩnh vực"), "{csv}");
}

/// Each bad file gives a coded error listing every problem with its row and column, and changes nothing.
#[test]
fn bad_procedure_files_are_refused_whole_with_every_problem() {
    let mut t = TestRegister::new();
    t.app.import_procedures(&good_procedures(&t), false, &no_progress).unwrap();
    let before = t.state();
    let bad = t.file(
        "sai.csv",
        &format!(
            "{PROCEDURE_HEADER}\n\
             1.001193,Thủ tục đăng ký khai sinh (sửa),Hộ tịch,1,ngày làm việc,Miễn phí,Toàn trình\n\
             1.00119,Mã thiếu một chữ số,Hộ tịch,1,ngày,,\n\
             ,,,,,,\n\
             1.004837,Thủ tục đăng ký giám hộ,Hộ tịch,ba ngày,,,\n\
             1.004845,,Hộ tịch,3,ngày làm việc,,\n\
             1.004884,Thủ tục đăng ký lại khai sinh,Hộ tịch,5,ngày làm việc,,Mức độ 9\n"
        ),
    );
    let err = t.app.import_procedures(&bad, false, &no_progress).err().unwrap();
    assert_eq!(err.code(), ErrorCode::Invalid);
    let errors: Vec<_> =
        codes(err.findings()).into_iter().filter(|(c, _, _)| c.severity() == Severity::Error).collect();
    assert_eq!(
        errors,
        [
            (FindingCode::BadProcedureCode, Some(3), Some("Mã TTHC".into())),
            (FindingCode::EmptyRow, Some(4), None),
            (FindingCode::BadNumber, Some(5), Some("Thời hạn giải quyết".into())),
            (FindingCode::RequiredMissing, Some(6), Some("Tên thủ tục hành chính".into())),
            (FindingCode::BadChoice, Some(7), Some("Mức độ DVC trực tuyến".into())),
        ]
    );
    assert_eq!(t.state(), before, "the good first row was not written either");
}

#[test]
fn a_file_with_the_wrong_headers_is_refused() {
    let mut t = TestRegister::new();
    let before = t.state();
    let wrong = t.file("sai-cot.csv", "STT,Tên,Ghi chú\n1,Đăng ký khai sinh,\n");
    let err = t.app.import_procedures(&wrong, false, &no_progress).err().unwrap();
    assert_eq!(err.code(), ErrorCode::Invalid);
    let missing: Vec<_> = err.findings().iter().filter(|f| f.code == FindingCode::MissingColumn).collect();
    assert!(!missing.is_empty());
    assert!(missing.iter().any(|f| f.place.column.as_deref() == Some("Mã TTHC")), "{missing:?}");
    assert_eq!(t.state(), before);
}

#[test]
fn an_xlsx_that_is_not_a_spreadsheet_is_refused() {
    let mut t = TestRegister::new();
    let before = t.state();
    let fake = t.file("bao-cao.xlsx", "Đây không phải bảng tính");
    assert_eq!(t.app.import_procedures(&fake, false, &no_progress).err().unwrap().code(), ErrorCode::FileUnreadable);
    assert_eq!(t.app.import_stats(&fake, true, &no_progress).err().unwrap().code(), ErrorCode::FileUnreadable);
    let other = t.file("ghi-chu.txt", "x");
    assert_eq!(t.app.import_procedures(&other, false, &no_progress).err().unwrap().code(), ErrorCode::FileFormat);
    assert_eq!(t.state(), before);
}

#[test]
fn bad_statistics_files_are_refused_whole_with_every_problem() {
    let mut t = TestRegister::new();
    t.app.import_procedures(&good_procedures(&t), false, &no_progress).unwrap();
    let before = t.state();
    let bad = t.file(
        "bieu-06-sai.csv",
        &format!(
            "{STATS_HEADER}\n\
             2026-Q1,Hộ tịch,,120,50,60,10,100,20,78,2,20,18,2,2\n\
             2026-Q1,Chứng thực,,12a,5,7,0,12,2,10,0,0,0,0,0\n\
             2026-Q2,Hộ tịch,,1,1,0,0,1,1,0,0,0,0,0,0\n\
             2026-H1,Hộ tịch,9.999999,1,1,0,0,1,1,0,0,0,0,0,0\n\
             2026-H1,Chứng thực,,10,5,5,0,9,9,0,0,0,0,0,0\n\
             2026-Q3,Chứng thực,,0,0,0,0,0,0,0,0,0,0,0,-1\n"
        ),
    );
    let err = t.app.import_stats(&bad, false, &no_progress).err().unwrap();
    assert_eq!(err.code(), ErrorCode::Invalid);
    let errors: Vec<_> =
        codes(err.findings()).into_iter().filter(|(c, _, _)| c.severity() == Severity::Error).collect();
    assert_eq!(
        errors,
        [
            (FindingCode::BadNumber, Some(3), Some("Nhận - Tổng số".into())),
            (FindingCode::BadPeriod, Some(4), Some("Kỳ báo cáo".into())),
            (FindingCode::UnknownProcedure, Some(5), Some("Mã TTHC".into())),
            (FindingCode::ReceivedBalanceMismatch, Some(6), Some("Nhận - Tổng số".into())),
            (FindingCode::Negative, Some(7), Some("Thư xin lỗi".into())),
        ]
    );
    assert_eq!(t.state(), before);
}

#[test]
fn the_real_commune_list_gets_clear_findings_not_a_crash() {
    // 192 procedures from the national portal: 35 times without a unit, two odd fees (brief data README).
    let mut t = TestRegister::new();
    let before = t.state();
    let file = real_list_mapped(t.dir.path());
    let report = t.app.import_procedures(&file, true, &no_progress).unwrap();
    let count = |code| report.findings.iter().filter(|f| f.code == code).count();
    assert_eq!(count(FindingCode::TimeWithoutUnit), 35);
    let odd: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.code == FindingCode::OddFee)
        .map(|f| f.place.row.map(|_| f.values.get("value").map(String::as_str).unwrap_or("")).unwrap_or(""))
        .collect();
    assert_eq!(odd.len(), 2, "{odd:?}");
    assert!(report.findings.iter().all(|f| f.place.row.is_some() || f.code == FindingCode::UnknownColumn));
    let err = t.app.import_procedures(&file, false, &no_progress).err().unwrap();
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert_eq!(t.state(), before, "nothing is written while rows are wrong");
}

#[test]
fn a_file_picked_in_the_desktop_app_imports_from_its_bytes() {
    // The window sends the picked file's content, not a path; the same checks apply.
    let mut t = TestRegister::new();
    let bytes = format!("{PROCEDURE_HEADER}\n{GOOD_PROCEDURES}1.00119,Mã sai,Hộ tịch,1,ngày,,\n").into_bytes();
    let before = t.state();
    let preview =
        t.app.import_procedures(Source::Bytes { name: "danh-muc.csv", bytes: &bytes }, true, &no_progress).unwrap();
    assert_eq!(codes(&preview.findings), [(FindingCode::BadProcedureCode, Some(6), Some("Mã TTHC".into()))]);
    assert_eq!(
        t.app
            .import_procedures(Source::Bytes { name: "danh-muc.csv", bytes: &bytes }, false, &no_progress)
            .err()
            .unwrap()
            .code(),
        ErrorCode::Invalid
    );
    assert_eq!(t.state(), before);
    let good = format!("{PROCEDURE_HEADER}\n{GOOD_PROCEDURES}").into_bytes();
    assert_eq!(
        t.app
            .import_procedures(Source::Bytes { name: "danh-muc.csv", bytes: &good }, false, &no_progress)
            .unwrap()
            .counts
            .added,
        4
    );
    // An empty file with an .xlsx name is not a workbook.
    assert_eq!(
        t.app.import_stats(Source::Bytes { name: "bieu.xlsx", bytes: &[] }, true, &no_progress).err().unwrap().code(),
        ErrorCode::FileUnreadable
    );
}

/// Found by fuzzing (fuzz/, `stats_xlsx`): a cell reference with a long run of letters overflows calamine's column
/// arithmetic, a panic in a build with overflow checks (the tests', the fuzzers'). The official must see the file
/// refused as unreadable, never the program stopped; the workbook is the fuzzer's input, kept as a seed.
#[test]
fn workbook_whose_cell_reference_overflows_the_reader_is_refused_as_unreadable() {
    let mut t = TestRegister::new();
    let bytes = include_bytes!("../../fuzz/seeds/stats_xlsx/overflowing-cell-reference.xlsx");
    let result = t.app.import_stats(Source::Bytes { name: "bieu-06.xlsx", bytes }, true, &no_progress);
    assert_eq!(result.err().unwrap().code(), ErrorCode::FileUnreadable);
}

/// "31/02/2026" is written as a date, but no such day exists: the finding names the impossible part, through `App`
/// and in the command line's words, rather than asking for the format the official already used. Nothing is written.
#[test]
fn an_impossible_date_is_called_impossible_not_badly_written() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    crate::cli::init(&register);
    let file = dir.path().join("thu-tuc.csv");
    std::fs::write(
        &file,
        "Mã TTHC,Tên thủ tục hành chính,Lĩnh vực,Số QĐ công bố,Ngày QĐ công bố\n\
         1.001193,Đăng ký khai sinh,Hộ tịch,12/QĐ-UBND,31/02/2026\n\
         1.000894,Đăng ký kết hôn,Hộ tịch,12/QĐ-UBND,12/13/2026\n\
         2.000815,Cấp bản sao từ sổ gốc,Chứng thực,12/QĐ-UBND,mai\n",
    )
    .unwrap();
    let mut app = App::open(&register, cchc::Assets::bundled(), crate::fixtures::clock()).unwrap();
    let err = app.import_procedures(&file, false, &no_progress).unwrap_err();
    let values: Vec<_> = err
        .findings()
        .iter()
        .filter(|f| f.code == FindingCode::BadDate)
        .map(|f| {
            let v = |name: &str| f.values.get(name).map(String::as_str).unwrap_or("-");
            format!("{} {} {} {}", v("value"), v("day"), v("month"), v("year"))
        })
        .collect();
    assert_eq!(values, ["31/02/2026 31 2 2026", "12/13/2026 - 13 -", "mai - - -"]);
    assert!(app.procedures(&ProcedureQuery::default()).unwrap().is_empty());
    drop(app);

    let out = crate::cli::cchc(&register, &["procedures", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let said = crate::cli::stderr(&out) + &String::from_utf8_lossy(&out.stdout);
    for sentence in [
        "Ngày “31/02/2026” không có thật: tháng 2 năm 2026 không có ngày 31.",
        "Ngày “12/13/2026” không có thật: một năm chỉ có 12 tháng (đang ghi tháng 13).",
        "“mai” không phải là ngày hợp lệ; hãy viết theo dạng dd/mm/yyyy.",
    ] {
        assert!(said.contains(sentence), "{sentence} in {said}");
    }
}

/// The import dialog explains each sheet before a file is chosen: its columns in the template's order, which ones a
/// file must have, the other names read as them; and the template saved from there has exactly those headers.
#[test]
fn each_sheet_lists_its_columns_and_its_template_has_them() {
    use cchc::api::SheetKind;
    let procedures = App::sheet_columns(SheetKind::Procedures);
    let required: Vec<&str> = procedures.iter().filter(|c| c.required).map(|c| c.header.as_str()).collect();
    assert_eq!(required, ["Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực"]);
    let dir = tempfile::tempdir().unwrap();
    for kind in [SheetKind::Procedures, SheetKind::Stats, SheetKind::Quotas, SheetKind::People, SheetKind::Tasks] {
        let columns = App::sheet_columns(kind);
        assert!(columns.iter().any(|c| c.required), "{kind:?} names no required column");
        let path = dir.path().join(format!("{kind:?}.xlsx"));
        App::write_template(kind, &path).unwrap();
        let sheet = crate::fixtures::read_sheet(&path);
        let headers: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(sheet.headers, headers, "{kind:?}");
        assert!(sheet.rows.is_empty());
    }
}
