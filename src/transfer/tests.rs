//! Unit tests of the sheet columns: templates, round trips through xlsx and csv, findings and their places, the
//! cell readers, and the real portal list.

use super::cells::{odd_fee_amount, parse_time_segment};
use super::*;
use crate::model::{
    CaseFigures, Decision, OnlineLevel, ProcedureInput, ProcedureStatus, ProcessingTime, StatsRow, TimeUnit, check_row,
};
use crate::sheet::{read_table, write_table};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn codes(findings: &[Finding]) -> Vec<FindingCode> {
    findings.iter().map(|f| f.code).collect()
}

fn at(f: &Finding) -> (Option<usize>, Option<&str>) {
    (f.place.row, f.place.column.as_deref())
}

/// A table with the given headers and text rows (row 1 is the header).
fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
    let mut t = Table::new("Tệp", headers);
    for row in rows {
        t.push(row.iter().map(|s| Cell::text(s)).collect());
    }
    t
}

fn varied_procedures() -> Vec<ProcedureInput> {
    let mut a = ProcedureInput::new("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch");
    a.processing_time = Some(ProcessingTime { amount: 1.0, unit: TimeUnit::WorkingDays });
    a.fee = "Miễn phí".into();
    a.legal_bases = vec!["Luật Hộ tịch số 60/2014/QH13".into(), "Nghị định số 123/2015/NĐ-CP".into()];
    a.announcement = Decision { number: "1568/QĐ-UBND".into(), date: Some(date(2025, 8, 15)) };
    a.online_level = OnlineLevel::Full;
    a.postal = true;
    a.boundary_free = true;
    a.internal_process = Decision { number: "1702/QĐ-UBND".into(), date: Some(date(2025, 9, 1)) };
    a.in_iso_scope = true;

    let mut b = ProcedureInput::new("3.000527.H61", "Chứng thực chữ ký, \"điểm chỉ\"; văn bản", "Chứng thực");
    b.processing_time = Some(ProcessingTime { amount: 0.5, unit: TimeUnit::Days });
    b.fee = "10.000 đồng/trường hợp".into();
    b.one_stop = false;
    b.interlinked = true;
    b.online_level = OnlineLevel::Partial;
    b.status = ProcedureStatus::Amended;

    let mut c = ProcedureInput::new("2.000942", "Cấp bản sao có chứng thực", "Chứng thực");
    c.status = ProcedureStatus::Replaced;
    c.replaced_by = Some("2.001019".into());
    c.processing_time = Some(ProcessingTime { amount: 8.0, unit: TimeUnit::WorkingHours });
    c.legal_bases = vec!["Nghị định số 23/2015/NĐ-CP".into()];
    c.announcement = Decision { number: String::new(), date: Some(date(2019, 10, 15)) };

    let mut d = ProcedureInput::new("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch");
    d.status = ProcedureStatus::Abolished;
    d.processing_time = Some(ProcessingTime { amount: 2.75, unit: TimeUnit::WorkingDays });
    d.internal_process.number = "12/QĐ-UBND".into();

    vec![a, b, c, d, ProcedureInput::new("2.001019", "Chứng thực di chúc", "Chứng thực")]
}

fn varied_stats() -> Vec<StatsRow> {
    let mut f = CaseFigures::default();
    for (i, (name, _)) in CaseFigures::default().columns().iter().enumerate() {
        f.set(name, (i as i64 + 1) * 1234);
    }
    vec![
        StatsRow { period: "2025-Q1".parse().unwrap(), field: "Hộ tịch".into(), procedure: None, figures: f },
        StatsRow {
            period: "2025-Q1".parse().unwrap(),
            field: "Hộ tịch".into(),
            procedure: Some("1.001193".into()),
            figures: CaseFigures { received_total: 3, received_direct: 3, ..CaseFigures::default() },
        },
        StatsRow { period: "2025".parse().unwrap(), field: "Chứng thực".into(), procedure: None, figures: f },
        StatsRow {
            period: "2024-H1".parse().unwrap(),
            field: "Chứng thực".into(),
            procedure: Some("3.000527.H61".into()),
            figures: CaseFigures::default(),
        },
        StatsRow { period: "2026-Q3".parse().unwrap(), field: "Đất đai".into(), procedure: None, figures: f },
    ]
}

#[test]
fn templates_have_exactly_the_headers() {
    let p = procedure_template();
    assert_eq!(p.sheet, "Thủ tục hành chính");
    assert!(p.rows.is_empty());
    assert_eq!(
        p.headers,
        [
            "Mã TTHC",
            "Tên thủ tục hành chính",
            "Lĩnh vực",
            "Thời hạn giải quyết",
            "Đơn vị thời hạn",
            "Phí, lệ phí",
            "Căn cứ pháp lý",
            "Số QĐ công bố",
            "Ngày QĐ công bố",
            "Tình trạng",
            "Thay thế bởi",
            "Mức độ DVC trực tuyến",
            "Một cửa",
            "Một cửa liên thông",
            "Bưu chính",
            "Không phụ thuộc địa giới",
            "Số QĐ quy trình nội bộ",
            "Ngày QĐ quy trình nội bộ",
            "Thuộc phạm vi ISO",
        ]
    );
    let s = stats_template();
    assert_eq!(s.sheet, "Biểu 06");
    assert!(s.rows.is_empty());
    assert_eq!(
        s.headers,
        [
            "Kỳ báo cáo",
            "Lĩnh vực",
            "Mã TTHC",
            "Nhận - Tổng số",
            "Nhận - Trực tuyến",
            "Nhận - Trực tiếp, bưu chính",
            "Nhận - Kỳ trước chuyển sang",
            "Đã giải quyết - Tổng số",
            "Đã giải quyết - Trước hạn",
            "Đã giải quyết - Đúng hạn",
            "Đã giải quyết - Quá hạn",
            "Đang giải quyết - Tổng số",
            "Đang giải quyết - Trong hạn",
            "Đang giải quyết - Quá hạn",
            "Thư xin lỗi",
        ]
    );
    for header in p.headers.iter().chain(&s.headers) {
        assert_eq!(*header, header.nfc().collect::<String>());
    }
    // A template parses to nothing and no findings.
    assert_eq!(parse_procedures(&p), Parsed { records: vec![], findings: vec![] });
    assert_eq!(parse_stats(&s), Parsed { records: vec![], findings: vec![] });
}

#[test]
fn header_helpers_name_the_standard_columns() {
    assert_eq!(REPLACED_BY_HEADER, "Thay thế bởi");
    assert_eq!(STATS_CODE_HEADER, "Mã TTHC");
    assert_eq!(STATS_FIELD_HEADER, "Lĩnh vực");
    assert_eq!(stats_header("received_total"), "Nhận - Tổng số");
    assert_eq!(stats_header("apology_letters"), "Thư xin lỗi");
    assert_eq!(stats_header("in_progress_overdue"), "Đang giải quyết - Quá hạn");
    assert_eq!(stats_header("something"), "something");
    assert_eq!(procedure_header("processing_time"), "Thời hạn giải quyết");
    assert_eq!(procedure_header("replaced_by"), "Thay thế bởi");
    // check_row findings land on the Biểu 06 headers.
    let row = StatsRow {
        period: "2025-Q1".parse().unwrap(),
        field: "Hộ tịch".into(),
        procedure: None,
        figures: CaseFigures { received_total: 2, ..CaseFigures::default() },
    };
    let findings = check_row(&row, None, &Place::row("Biểu 06", 2));
    let columns: Vec<&str> = findings.iter().map(|f| stats_header(f.place.column.as_deref().unwrap())).collect();
    assert_eq!(columns, ["Nhận - Tổng số", "Nhận - Tổng số"]);
}

#[test]
fn procedures_round_trip_through_xlsx_and_csv() {
    let list = varied_procedures();
    let dir = tempfile::tempdir().unwrap();
    for name in ["thu-tuc.xlsx", "thu-tuc.csv"] {
        let path = dir.path().join(name);
        write_table(&path, &procedures_table(&list)).unwrap();
        let parsed = parse_procedures(&read_table(&path).unwrap());
        assert_eq!(parsed.findings, vec![], "{name}");
        let back: Vec<ProcedureInput> = parsed.records.iter().map(|(_, p)| p.clone()).collect();
        assert_eq!(back, list, "{name}");
        let rows: Vec<usize> = parsed.records.iter().map(|(n, _)| *n).collect();
        assert_eq!(rows, [2, 3, 4, 5, 6]);
    }
}

#[test]
fn stats_round_trip_through_xlsx_and_csv() {
    let rows = varied_stats();
    let dir = tempfile::tempdir().unwrap();
    for name in ["bieu-06.xlsx", "bieu-06.csv"] {
        let path = dir.path().join(name);
        write_table(&path, &stats_table(&rows)).unwrap();
        let parsed = parse_stats(&read_table(&path).unwrap());
        assert_eq!(parsed.findings, vec![], "{name}");
        let back: Vec<StatsRow> = parsed.records.into_iter().map(|(_, r)| r).collect();
        assert_eq!(back, rows, "{name}");
    }
}

/// A "Một cửa" column present but empty marked every procedure as not one-stop, while a sheet without the column
/// marked them all one-stop, with no warning either way.
#[test]
fn an_empty_yes_no_column_reads_as_an_absent_one_and_every_blank_is_reported() {
    let headers = ["Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Một cửa", "Liên thông"];
    let rows: [&[&str]; 3] = [
        &["1.001193", "Đăng ký khai sinh", "Hộ tịch", "", "x"],
        &["1.001022", "Đăng ký kết hôn", "Hộ tịch", "", ""],
        &["2.000635", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "", "không"],
    ];
    let parsed = parse_procedures(&table(&headers, &rows));
    let absent = parse_procedures(&table(&headers[..3], &[&rows[0][..3], &rows[1][..3], &rows[2][..3]]));
    let one_stop = |p: &Parsed<ProcedureInput>| p.records.iter().map(|(_, r)| r.one_stop).collect::<Vec<_>>();
    assert_eq!(one_stop(&parsed), [true, true, true], "an empty column is read as an absent one");
    assert_eq!(one_stop(&absent), one_stop(&parsed), "the two cases agree");
    // In a column marked here and there, a blank is "không".
    let interlinked: Vec<bool> = parsed.records.iter().map(|(_, r)| r.interlinked).collect();
    assert_eq!(interlinked, [true, false, false]);
    // Every blank is reported: one warning per column, with its rows and the value it was given.
    let warnings: Vec<(FindingCode, Option<&str>, Option<&str>, Option<&str>)> = parsed
        .findings
        .iter()
        .map(|f| {
            let value = |name: &str| f.values.get(name).map(String::as_str);
            (f.code, f.place.column.as_deref(), value("rows"), value("default"))
        })
        .collect();
    assert_eq!(
        warnings,
        [
            (FindingCode::FlagEmpty, Some("Một cửa"), Some("2, 3, 4"), Some("có")),
            (FindingCode::FlagEmpty, Some("Một cửa liên thông"), Some("3"), Some("không")),
        ]
    );
    assert!(parsed.findings.iter().all(|f| !f.is_error()), "warnings: the import goes ahead");
    assert!(absent.findings.is_empty(), "{:?}", absent.findings);
}

#[test]
fn wrong_headers_give_missing_column_and_no_rows() {
    let t = table(&["Mã TTHC", "Tên", "Ghi chú"], &[&["1.001193", "Đăng ký khai sinh", ""]]);
    let parsed = parse_procedures(&t);
    assert!(parsed.records.is_empty());
    assert_eq!(codes(&parsed.findings), [FindingCode::UnknownColumn, FindingCode::MissingColumn]);
    let missing = &parsed.findings[1];
    assert_eq!(missing.place, Place::cell("Tệp", 1, "Lĩnh vực"));

    let s = table(&["Kỳ báo cáo", "Lĩnh vực", "Nhận - Tổng số"], &[&["2025-Q1", "Hộ tịch", "1"]]);
    let parsed = parse_stats(&s);
    assert!(parsed.records.is_empty());
    assert_eq!(parsed.findings.len(), 10, "{:?}", parsed.findings);
    assert!(parsed.findings.iter().all(|f| f.code == FindingCode::MissingColumn));
}

#[test]
fn headers_match_without_diacritics_case_or_punctuation_and_aliases() {
    let t = table(
        &["STT", "MA TTHC", "ten thu tuc", "linh vuc", "Thời gian giải quyết", "Phí lệ phí", "Mức độ"],
        &[&["1", "1.001193", "Đăng ký khai sinh", "Hộ tịch", "3 ngày làm việc", "Miễn phí", "Toàn trình"]],
    );
    let parsed = parse_procedures(&t);
    assert_eq!(parsed.findings, vec![]);
    let (_, p) = &parsed.records[0];
    assert_eq!(p.processing_time, Some(ProcessingTime { amount: 3.0, unit: TimeUnit::WorkingDays }));
    assert_eq!(p.online_level, OnlineLevel::Full);
    assert!(p.one_stop, "absent Một cửa column defaults to yes");
}

#[test]
fn every_problem_of_a_row_is_reported_at_its_cell() {
    let headers = [
        "Mã TTHC",
        "Tên thủ tục hành chính",
        "Lĩnh vực",
        "Thời hạn giải quyết",
        "Ngày QĐ công bố",
        "Tình trạng",
        "Một cửa",
    ];
    let t = table(
        &headers,
        &[
            &["1.001193", "Khai sinh", "Hộ tịch", "1 ngày làm việc", "15/8/2025", "", "x"],
            &["1.00119", "", "Hộ tịch", "năm ngày", "31/02/2025", "Bị thay thế", "có lẽ"],
            &["", "", "", "", "", "", ""],
            &["1.001193", "Khai sinh lần hai", "Hộ tịch", "", "2025-08-15", "", ""],
        ],
    );
    let parsed = parse_procedures(&t);
    assert_eq!(parsed.records.len(), 1);
    assert_eq!(parsed.records[0].0, 2);
    assert_eq!(parsed.records[0].1.announcement.date, Some(date(2025, 8, 15)));
    let row3: Vec<(FindingCode, Option<&str>)> = parsed
        .findings
        .iter()
        .filter(|f| f.place.row == Some(3))
        .map(|f| (f.code, f.place.column.as_deref()))
        .collect();
    assert_eq!(
        row3,
        [
            (FindingCode::BadNumber, Some("Thời hạn giải quyết")),
            (FindingCode::BadDate, Some("Ngày QĐ công bố")),
            (FindingCode::BadChoice, Some("Một cửa")),
            (FindingCode::BadProcedureCode, Some("Mã TTHC")),
            (FindingCode::RequiredMissing, Some("Tên thủ tục hành chính")),
            (FindingCode::RequiredMissing, Some("Thay thế bởi")),
        ]
    );
    let empty = parsed.findings.iter().find(|f| f.code == FindingCode::EmptyRow).unwrap();
    assert_eq!(empty.place, Place::row("Tệp", 4));
    let dup = parsed.findings.iter().find(|f| f.code == FindingCode::DuplicateInFile).unwrap();
    assert_eq!(at(dup), (Some(5), Some("Mã TTHC")));
    assert_eq!(dup.values["first_row"], "2");
    assert_eq!(dup.values["code"], "1.001193");
    // The duplicate and the bad row give no record.
    assert!(parsed.records.iter().all(|(n, _)| *n == 2));
}

#[test]
fn processing_times_in_their_many_forms() {
    let wd = |amount| Some((amount, Some(TimeUnit::WorkingDays)));
    let fold = |s: &str| text::fold(s);
    assert_eq!(parse_time_segment(&fold("5")), Some((5.0, None)));
    assert_eq!(parse_time_segment(&fold("5 ngày làm việc")), wd(5.0));
    assert_eq!(parse_time_segment(&fold("05 ngày")), Some((5.0, Some(TimeUnit::Days))));
    assert_eq!(parse_time_segment(&fold("0,5 ngày")), Some((0.5, Some(TimeUnit::Days))));
    assert_eq!(parse_time_segment(&fold("10 Ngày")), Some((10.0, Some(TimeUnit::Days))));
    assert_eq!(parse_time_segment(&fold("3 Ngày làm việc")), wd(3.0));
    assert_eq!(parse_time_segment(&fold("Trong ngày")), wd(1.0));
    assert_eq!(parse_time_segment(&fold("Không quá 7 ngày làm việc kể từ ngày nhận đủ hồ sơ")), wd(7.0));
    assert_eq!(parse_time_segment(&fold("1 Giờ")), Some((1.0, Some(TimeUnit::WorkingHours))));
    assert_eq!(parse_time_segment(&fold("10 ngày, kể từ ngày nhận hồ sơ")), Some((10.0, Some(TimeUnit::Days))));
    assert_eq!(parse_time_segment(&fold("Trong 3 ngày làm việc")), wd(3.0));
    assert_eq!(parse_time_segment(&fold("năm ngày")), None);
    assert_eq!(parse_time_segment(&fold("5 tuần")), None);

    let headers = ["Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Thời hạn giải quyết", "Đơn vị thời hạn"];
    let t = table(
        &headers,
        &[
            &["1.000001", "A", "X", "15 Ngày (Trực tuyến, Dịch vụ bưu chính); 25 Ngày (Trực tiếp)", ""],
            &["1.000002", "B", "X", "30 Ngày (Trực tuyến); 30 Ngày làm việc (Trực tiếp)", ""],
            &["1.000003", "C", "X", "5", ""],
            &["1.000004", "D", "X", "5", "ngày làm việc"],
            &["1.000005", "E", "X", "2 ngày", "ngày làm việc"],
            &["1.000006", "F", "X", "2", "tuần"],
            &["1.000007", "G", "X", "3 ngày (trực tiếp); 3 ngày (trực tuyến)", ""],
        ],
    );
    let parsed = parse_procedures(&t);
    let time = |row: usize| parsed.records.iter().find(|(n, _)| *n == row).and_then(|(_, p)| p.processing_time);
    assert_eq!(time(2), Some(ProcessingTime { amount: 25.0, unit: TimeUnit::Days }));
    assert_eq!(time(3), Some(ProcessingTime { amount: 30.0, unit: TimeUnit::WorkingDays }));
    assert_eq!(time(5), Some(ProcessingTime { amount: 5.0, unit: TimeUnit::WorkingDays }));
    assert_eq!(time(6), Some(ProcessingTime { amount: 2.0, unit: TimeUnit::Days }), "the value's own unit wins");
    assert_eq!(time(8), Some(ProcessingTime { amount: 3.0, unit: TimeUnit::Days }));
    let found: Vec<(FindingCode, Option<usize>)> = parsed.findings.iter().map(|f| (f.code, f.place.row)).collect();
    assert_eq!(
        found,
        [
            (FindingCode::TimeVariesByChannel, Some(2)),
            (FindingCode::TimeVariesByChannel, Some(3)),
            (FindingCode::TimeWithoutUnit, Some(4)),
            (FindingCode::BadChoice, Some(7)),
            (FindingCode::TimeWithoutUnit, Some(7)),
        ]
    );
    assert_eq!(parsed.findings[0].values["kept"], "25 ngày");
    assert_eq!(parsed.findings[2].values["value"], "5");
}

#[test]
fn odd_fees_are_money_below_one_thousand() {
    assert_eq!(odd_fee_amount("5,000 Việt Nam Đồng (Trực tuyến); 40 Việt Nam Đồng (Trực tiếp)"), Some(40));
    assert_eq!(odd_fee_amount("25 VNĐ (Trực tuyến); 50 VNĐ (Trực tiếp)"), Some(25));
    assert_eq!(odd_fee_amount("500đ/bản"), Some(500));
    for fine in [
        "Miễn phí",
        "",
        "5,000 Việt Nam Đồng",
        "8.000 đồng/bản",
        "25.000.000đ",
        "50 nghìn đồng",
        "Theo Nghị định 123/2015/NĐ-CP, 2 bản",
        "0 đồng",
        "10% giá trị tài sản",
    ] {
        assert_eq!(odd_fee_amount(fine), None, "{fine}");
    }
}

#[test]
fn cells_of_other_types_are_read_sensibly() {
    let headers = [
        "Mã TTHC",
        "Tên thủ tục hành chính",
        "Lĩnh vực",
        "Thời hạn giải quyết",
        "Đơn vị thời hạn",
        "Ngày QĐ công bố",
        "Một cửa",
        "Bưu chính",
        "Căn cứ pháp lý",
    ];
    let mut t = Table::new("Trang 1", &headers);
    t.push(vec![
        Cell::Number(1.00119),
        Cell::text("Đăng ký kết hôn"),
        Cell::text("Hộ tịch"),
        Cell::Number(0.5),
        Cell::text("Ngày làm việc"),
        Cell::Number(45884.0),
        Cell::Bool(true),
        Cell::Number(0.0),
        Cell::text("Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP"),
    ]);
    t.push(vec![Cell::Number(2.0), Cell::text("X"), Cell::text("Y")]);
    t.push(vec![
        Cell::text("1.000656"),
        Cell::text("Đăng ký khai tử"),
        Cell::text("Hộ tịch"),
        Cell::Empty,
        Cell::Empty,
        Cell::Number(2025.0),
    ]);
    let parsed = parse_procedures(&t);
    let (_, p) = &parsed.records[0];
    assert_eq!(p.code, "1.001190");
    assert_eq!(p.processing_time, Some(ProcessingTime { amount: 0.5, unit: TimeUnit::WorkingDays }));
    assert_eq!(p.announcement.date, Some(date(2025, 8, 15)));
    assert!(p.one_stop && !p.postal);
    assert_eq!(p.legal_bases, ["Luật Hộ tịch 2014", "Nghị định 123/2015/NĐ-CP"]);
    // The yes/no columns left empty in some rows are reported once per column, before the rows' findings.
    let (blanks, findings): (Vec<Finding>, Vec<Finding>) =
        parsed.findings.iter().cloned().partition(|f| f.code == FindingCode::FlagEmpty);
    assert!(!blanks.is_empty() && blanks.iter().all(|f| !f.is_error()));
    assert_eq!(codes(&findings), [FindingCode::BadProcedureCode, FindingCode::BadDate]);
    assert_eq!(findings[0].values["value"], "2");
    assert_eq!(at(&findings[1]), (Some(4), Some("Ngày QĐ công bố")));
    assert_eq!(findings[1].values["value"], "2025");
}

#[test]
fn nfd_input_comes_back_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nfd.csv");
    let content = "Mã TTHC;Tên thủ tục hành chính;Lĩnh vực\n1.001193;Thủ tục đăng ký khai sinh;Hộ tịch\n";
    let nfd: String = content.nfd().collect();
    assert_ne!(nfd, content);
    std::fs::write(&path, [b"\xEF\xBB\xBF".as_slice(), nfd.as_bytes()].concat()).unwrap();
    let parsed = parse_procedures(&read_table(&path).unwrap());
    assert_eq!(parsed.findings, vec![]);
    assert_eq!(parsed.records[0].1.name, "Thủ tục đăng ký khai sinh");
    assert_eq!(parsed.records[0].1.field, "Hộ tịch");
}

#[test]
fn stats_cells_are_whole_non_negative_numbers() {
    let mut headers: Vec<&str> = stats_template().headers.iter().map(|_| "").collect();
    let template = stats_template();
    for (i, h) in template.headers.iter().enumerate() {
        headers[i] = h;
    }
    let mut t = Table::new("Biểu 06", &headers);
    let row = |period: Cell, field: &str, first: Cell, third: Cell| {
        let mut cells = vec![period, Cell::text(field), Cell::Empty, first, Cell::Empty, third];
        cells.resize(15, Cell::Empty);
        cells
    };
    t.push(row(Cell::text("2025-Q1"), "Hộ tịch", Cell::text("1.234"), Cell::Number(12.0)));
    t.push(row(Cell::text("2025-Q1"), "Chứng thực", Cell::text("12a"), Cell::Number(1.5)));
    t.push(vec![Cell::Empty; 15]);
    t.push(row(Cell::text("2025-Q2"), "Đất đai", Cell::text("-3"), Cell::text("abc")));
    t.push(row(Cell::Number(2025.0), "Hộ tịch", Cell::Empty, Cell::Empty));
    t.push(row(Cell::text("Quý I năm 2025"), "hộ tịch", Cell::Empty, Cell::Empty));
    t.push(row(Cell::text("6 tháng năm 2025"), "", Cell::Empty, Cell::Empty));
    let parsed = parse_stats(&t);
    let records: Vec<(usize, String, i64, i64)> = parsed
        .records
        .iter()
        .map(|(n, r)| (*n, r.period.to_string(), r.figures.received_total, r.figures.received_direct))
        .collect();
    assert_eq!(records, [(2, "2025-Q1".to_string(), 1234, 12), (6, "2025".to_string(), 0, 0)]);
    let found: Vec<(FindingCode, Option<usize>, Option<&str>)> =
        parsed.findings.iter().map(|f| (f.code, f.place.row, f.place.column.as_deref())).collect();
    assert_eq!(
        found,
        [
            (FindingCode::BadNumber, Some(3), Some("Nhận - Tổng số")),
            (FindingCode::BadNumber, Some(3), Some("Nhận - Trực tiếp, bưu chính")),
            (FindingCode::EmptyRow, Some(4), None),
            (FindingCode::BadPeriod, Some(5), Some("Kỳ báo cáo")),
            (FindingCode::Negative, Some(5), Some("Nhận - Tổng số")),
            (FindingCode::BadNumber, Some(5), Some("Nhận - Trực tiếp, bưu chính")),
            (FindingCode::DuplicateInFile, Some(7), Some("Lĩnh vực")),
            (FindingCode::RequiredMissing, Some(8), Some("Lĩnh vực")),
        ]
    );
    assert_eq!(parsed.findings[0].values["value"], "12a");
    assert_eq!(parsed.findings[1].values["value"], "1.5");
    assert_eq!(parsed.findings[6].values["first_row"], "2");
}

#[test]
fn real_portal_list_is_read_with_its_messy_cells_reported() {
    let candidates = [
        fixture("commune-procedures-2026.csv"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/commune-procedures-2026.csv"),
        PathBuf::from("/work/shared/data/commune-procedures-2026.csv"),
    ];
    let path = candidates
        .iter()
        .find(|p| p.exists())
        .expect("commune-procedures-2026.csv in tests/fixtures or ../shared/data");
    let mut t = read_table(path).unwrap();
    // The file's own header names, mapped to ours.
    for header in &mut t.headers {
        let ours = match header.as_str() {
            "code" => "Mã TTHC",
            "name" => "Tên thủ tục hành chính",
            "field" => "Lĩnh vực",
            "processing_time" => "Thời hạn giải quyết",
            "fee" => "Phí, lệ phí",
            other => other,
        };
        *header = ours.to_string();
    }
    let parsed = parse_procedures(&t);
    let count = |code| parsed.findings.iter().filter(|f| f.code == code).count();
    assert_eq!(count(FindingCode::TimeWithoutUnit), 35);
    assert_eq!(count(FindingCode::UnknownColumn), 3, "level, online_level, source");
    let odd: Vec<&str> = parsed
        .findings
        .iter()
        .filter(|f| f.code == FindingCode::OddFee)
        .map(|f| {
            let row = f.place.row.unwrap();
            t.rows.iter().find(|r| r.number == row).unwrap().cell(0).display().leak() as &str
        })
        .collect();
    assert_eq!(odd, ["1.003133", "1.012680"]);
    assert!(count(FindingCode::TimeVariesByChannel) > 10);
    // Every other row is accepted.
    let errors = parsed.findings.iter().filter(|f| f.is_error()).count();
    assert_eq!(
        errors,
        35,
        "{:#?}",
        parsed.findings.iter().filter(|f| f.is_error() && f.code != FindingCode::TimeWithoutUnit).collect::<Vec<_>>()
    );
    assert_eq!(parsed.records.len(), t.rows.len() - 35);
    let one_hour =
        parsed.records.iter().find_map(|(_, p)| p.processing_time.filter(|t| t.unit == TimeUnit::WorkingHours));
    assert_eq!(one_hour, Some(ProcessingTime { amount: 1.0, unit: TimeUnit::WorkingHours }));
}

#[test]
fn fixtures_read_as_the_integration_tests_expect() {
    let ok = parse_procedures(&read_table(&fixture("procedures-ok.csv")).unwrap());
    assert_eq!(ok.findings, vec![]);
    assert_eq!(ok.records.len(), 5);
    assert!(ok.records.iter().all(|(_, p)| p.field == "Hộ tịch" || p.field == "Chứng thực"));
    assert!(ok.records.iter().all(|(_, p)| p.processing_time.is_some() && p.announcement.date.is_some()));

    let bad = parse_procedures(&read_table(&fixture("procedures-bad.csv")).unwrap());
    let found: Vec<(FindingCode, Option<usize>, Option<&str>)> =
        bad.findings.iter().map(|f| (f.code, f.place.row, f.place.column.as_deref())).collect();
    assert_eq!(
        found,
        [
            (FindingCode::BadProcedureCode, Some(3), Some("Mã TTHC")),
            (FindingCode::BadNumber, Some(4), Some("Thời hạn giải quyết")),
            (FindingCode::EmptyRow, Some(5), None),
            (FindingCode::RequiredMissing, Some(6), Some("Tên thủ tục hành chính")),
        ]
    );
    assert_eq!(bad.records.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [2, 7]);

    let stats = parse_stats(&read_table(&fixture("stats-ok.csv")).unwrap());
    assert_eq!(stats.findings, vec![]);
    assert_eq!(stats.records.len(), 2);
    for (n, row) in &stats.records {
        assert_eq!(check_row(row, None, &Place::row("stats-ok", *n)), vec![]);
        assert_eq!(row.period.to_string(), "2025-Q1");
    }

    let stats = parse_stats(&read_table(&fixture("stats-bad.csv")).unwrap());
    let found: Vec<(FindingCode, Option<usize>, Option<&str>)> =
        stats.findings.iter().map(|f| (f.code, f.place.row, f.place.column.as_deref())).collect();
    assert_eq!(
        found,
        [
            (FindingCode::BadNumber, Some(2), Some("Nhận - Tổng số")),
            (FindingCode::Negative, Some(3), Some("Đang giải quyết - Tổng số")),
            (FindingCode::BadPeriod, Some(4), Some("Kỳ báo cáo")),
        ]
    );
    assert!(stats.records.is_empty());

    let err = read_table(&fixture("not-a-spreadsheet.xlsx")).unwrap_err();
    assert!(matches!(err, crate::Error::FileUnreadable { .. }), "{err:?}");
}

/// Every table's specification: field names and headers (with their aliases) are each one column's, so a header
/// in a file can name only one column, and every header is NFC.
#[test]
fn every_column_has_its_own_field_and_headers() {
    let tables = tables();
    assert_eq!(column_headers().len(), tables.iter().map(|(_, heads)| heads.len()).sum::<usize>());
    for (sheet, heads) in tables {
        let mut fields = std::collections::BTreeSet::new();
        let mut keys = std::collections::BTreeMap::new();
        for head in &heads {
            assert!(fields.insert(head.field), "{sheet}: field {} twice", head.field);
            for name in std::iter::once(&head.header).chain(head.aliases) {
                assert_eq!(*name, name.nfc().collect::<String>(), "{sheet}: {name} is not NFC");
                if let Some(other) = keys.insert(header_key(name), head.field) {
                    assert_eq!(other, head.field, "{sheet}: “{name}” names two columns");
                }
            }
        }
    }
}

/// The specification's yes/no defaults are those of a new procedure, so a file without the column agrees with a
/// procedure typed in the window.
#[test]
fn the_flag_defaults_are_those_of_a_new_procedure() {
    let new = ProcedureInput::new("", "", "");
    let defaults: Vec<(&str, bool)> = procedures::SPEC
        .heads()
        .iter()
        .filter_map(|h| match h.read {
            Read::Flag(default) => Some((h.field, default)),
            _ => None,
        })
        .collect();
    assert_eq!(
        defaults,
        [
            ("one_stop", new.one_stop),
            ("interlinked", new.interlinked),
            ("postal", new.postal),
            ("boundary_free", new.boundary_free),
            ("in_iso_scope", new.in_iso_scope),
        ]
    );
}

/// The Biểu 06 figure columns are `CaseFigures::columns()`, in its order: `check_row`'s findings land on them.
#[test]
fn the_figure_columns_are_the_case_figures() {
    let figures: Vec<&str> = stats::SPEC.heads().iter().filter(|h| h.read == Read::Count).map(|h| h.field).collect();
    let names: Vec<&str> = CaseFigures::default().columns().iter().map(|(name, _)| *name).collect();
    assert_eq!(figures, names);
}
