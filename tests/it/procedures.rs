//! The procedure register: add, edit, retire, delete; search that ignores diacritics; Vietnamese order.

use crate::fixtures::{TestRegister, procedure};
use cchc::ErrorCode;
use cchc::model::{
    FindingCode, OnlineLevel, PeriodKey, ProcedureInput, ProcedureQuery, ProcedureStatus, Retirement, StatsRow,
};
use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

fn names(t: &TestRegister, query: ProcedureQuery) -> Vec<String> {
    t.app.procedures(&query).unwrap().into_iter().map(|p| p.input.name).collect()
}

fn search(t: &TestRegister, text: &str) -> Vec<String> {
    names(t, ProcedureQuery { search: Some(text.into()), ..Default::default() })
}

fn ward() -> TestRegister {
    let mut t = TestRegister::new();
    for (code, name, field) in [
        ("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch"),
        ("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch"),
        ("2.000815", "Cấp bản sao từ sổ gốc", "Chứng thực"),
        ("2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", "Chứng thực"),
        ("1.003583", "Đăng ký khai sinh lưu động", "Hộ tịch"),
        ("2.002516", "Xác nhận thông tin hộ tịch", "Hộ tịch"),
        ("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", "Bảo trợ xã hội"),
        ("3.000527.H61", "Đăng ký cai nghiện ma túy tự nguyện", "Phòng, chống ma túy"),
        ("1.004227", "Cho phép cơ sở giáo dục khác thực hiện chương trình giáo dục tiểu học", "Giáo dục và Đào tạo"),
    ] {
        t.app.add_procedure(procedure(code, name, field)).unwrap();
    }
    t
}

#[test]
fn search_ignores_case_and_diacritics_and_reads_d_stroke_as_d() {
    let t = ward();
    assert_eq!(
        search(&t, "ho tich"),
        [
            "Đăng ký khai sinh lưu động",
            "Thủ tục đăng ký kết hôn",
            "Thủ tục đăng ký khai sinh",
            "Xác nhận thông tin hộ tịch"
        ]
    );
    assert_eq!(search(&t, "dang ky khai sinh"), ["Đăng ký khai sinh lưu động", "Thủ tục đăng ký khai sinh"]);
    assert_eq!(search(&t, "ĐĂNG KÝ KẾT HÔN"), ["Thủ tục đăng ký kết hôn"]);
    assert_eq!(search(&t, "ma tuy"), ["Đăng ký cai nghiện ma túy tự nguyện"]);
    // By code, and words in any order.
    assert_eq!(search(&t, "2.000815"), ["Cấp bản sao từ sổ gốc"]);
    assert_eq!(search(&t, "goc so"), ["Cấp bản sao từ sổ gốc"]);
    assert!(search(&t, "100%_").is_empty(), "LIKE wildcards in the query are literal");
}

#[test]
fn lists_sort_in_vietnamese_alphabetical_order() {
    let t = ward();
    let all = names(&t, ProcedureQuery::default());
    assert_eq!(
        all,
        [
            "Cấp bản sao từ sổ gốc",
            "Cho phép cơ sở giáo dục khác thực hiện chương trình giáo dục tiểu học",
            "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
            "Đăng ký cai nghiện ma túy tự nguyện",
            "Đăng ký khai sinh lưu động",
            "Thủ tục đăng ký kết hôn",
            "Thủ tục đăng ký khai sinh",
            "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng",
            "Xác nhận thông tin hộ tịch",
        ]
    );
    // Fields too, in the same order.
    assert_eq!(
        t.app.fields().unwrap(),
        ["Bảo trợ xã hội", "Chứng thực", "Giáo dục và Đào tạo", "Hộ tịch", "Phòng, chống ma túy"]
    );
}

#[test]
fn filters_by_field_online_level_and_status() {
    let mut t = ward();
    let mut full = procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch");
    full.online_level = OnlineLevel::Full;
    t.app.edit_procedure("1.001193", full).unwrap();
    let chung_thuc = names(&t, ProcedureQuery { field: Some("Chứng thực".into()), ..Default::default() });
    assert_eq!(chung_thuc.len(), 2);
    let online = names(&t, ProcedureQuery { online_level: Some(OnlineLevel::Full), ..Default::default() });
    assert_eq!(online, ["Thủ tục đăng ký khai sinh"]);
    let active = names(&t, ProcedureQuery { status: Some(ProcedureStatus::Active), ..Default::default() });
    assert_eq!(active.len(), 9);
}

#[test]
fn nfd_input_is_stored_as_nfc() {
    // A user pasting from a PDF or a Mac gets decomposed letters; search and sort must not break.
    let mut t = TestRegister::new();
    let nfd = |s: &str| s.nfd().collect::<String>();
    let input = ProcedureInput::new(&nfd(" 1.001193 "), &nfd("  Thủ tục   đăng ký khai sinh "), &nfd("Hộ tịch"));
    let saved = t.app.add_procedure(input).unwrap();
    assert_eq!(saved.input.name, "Thủ tục đăng ký khai sinh");
    assert!(saved.input.name.nfc().eq(saved.input.name.chars()));
    assert_eq!(saved.input.field, "Hộ tịch");
    assert_eq!(t.app.fields().unwrap(), ["Hộ tịch"]);
    assert_eq!(search(&t, "khai sinh").len(), 1);
}

#[test]
fn a_bad_procedure_reports_every_problem_and_changes_nothing() {
    let mut t = ward();
    let before = t.state();
    let mut bad = ProcedureInput::new("1.00119", "", "");
    bad.status = ProcedureStatus::Replaced;
    let err = t.app.add_procedure(bad).err().unwrap();
    assert_eq!(err.code(), ErrorCode::Invalid);
    let found: Vec<(FindingCode, String)> =
        err.findings().iter().map(|f| (f.code, f.place.column.clone().unwrap())).collect();
    assert_eq!(
        found,
        [
            (FindingCode::BadProcedureCode, "code".to_string()),
            (FindingCode::RequiredMissing, "name".to_string()),
            (FindingCode::RequiredMissing, "field".to_string()),
            (FindingCode::RequiredMissing, "replaced_by".to_string()),
        ]
    );
    assert_eq!(t.state(), before);
}

#[test]
fn a_code_can_be_added_only_once_and_never_changes() {
    let mut t = ward();
    let before = t.state();
    let err = t.app.add_procedure(procedure("1.001193", "Trùng mã", "Hộ tịch")).err().unwrap();
    assert_eq!(err.code(), ErrorCode::AlreadyExists);
    let err = t.app.edit_procedure("1.001193", procedure("1.001194", "Đổi mã", "Hộ tịch")).err().unwrap();
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert_eq!(
        t.app.edit_procedure("9.999999", procedure("9.999999", "X", "Y")).err().unwrap().code(),
        ErrorCode::NotFound
    );
    assert_eq!(t.state(), before);
}

#[test]
fn a_procedure_with_history_is_retired_not_deleted() {
    let mut t = ward();
    let row = StatsRow {
        period: PeriodKey::new(2026, cchc::model::PeriodKind::Q1),
        field: "Hộ tịch".into(),
        procedure: Some("1.001193".into()),
        figures: Default::default(),
    };
    t.app.set_stats(row).unwrap();
    let before = t.state();
    assert_eq!(t.app.delete_procedure("1.001193").err().unwrap().code(), ErrorCode::ProcedureHasHistory);
    assert_eq!(t.state(), before);

    let on = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let retired = t.app.retire_procedure("1.001193", Retirement { replaced_by: Some("1.003583".into()), on }).unwrap();
    assert_eq!(retired.input.status, ProcedureStatus::Replaced);
    assert_eq!(retired.retired_on, Some(on));
    assert!(
        !search(&t, "khai sinh").contains(&"Thủ tục đăng ký khai sinh".to_string()),
        "retired procedures leave the list"
    );
    let all =
        names(&t, ProcedureQuery { search: Some("khai sinh".into()), include_retired: true, ..Default::default() });
    assert!(all.contains(&"Thủ tục đăng ký khai sinh".to_string()), "but stay in the register");
    assert_eq!(t.app.change_log(1).unwrap()[0].action, "retire");

    // A procedure entered by mistake, with no history, can be deleted.
    t.app.delete_procedure("2.002516").unwrap();
    assert_eq!(t.app.procedure("2.002516").err().unwrap().code(), ErrorCode::NotFound);
    assert_eq!(t.app.change_log(1).unwrap()[0].action, "delete");
}
