//! The `cchc` command as a user runs it: Vietnamese output, `--json` for scripts, non-zero exit on refusal.

use std::path::Path;
use std::process::{Command, Output};

pub(crate) fn cchc(register: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cchc"))
        .arg("--register")
        .arg(register)
        .args(args)
        .env("CCHC_NOW", "2026-11-23T09:30")
        .output()
        .unwrap()
}

pub(crate) fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

pub(crate) fn init(register: &Path) {
    let out = cchc(
        register,
        &[
            "init",
            "--name",
            "Ủy ban nhân dân phường Trần Phú",
            "--kind",
            "phường",
            "--province",
            "Hải Phòng",
            "--issuer-line",
            "ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ",
            "--place-name",
            "Trần Phú",
            "--user",
            "Nguyễn Thị Lan",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn an_official_creates_a_register_adds_a_procedure_and_finds_it_without_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let out = cchc(
        &register,
        &[
            "procedures",
            "add",
            "--code",
            "1.001193",
            "--name",
            "Thủ tục đăng ký khai sinh",
            "--field",
            "Hộ tịch",
            "--time",
            "1 ngày làm việc",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let out = cchc(&register, &["procedures", "list", "--search", "dang ky khai sinh"]);
    let text = stdout(&out);
    assert!(text.contains("Thủ tục đăng ký khai sinh") && text.contains("1 ngày làm việc"), "{text}");
    assert!(text.contains("Tổng: 1 thủ tục"), "{text}");

    let out = cchc(&register, &["--json", "procedures", "list"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["code"], "1.001193");
    assert_eq!(list[0]["processing_time"]["unit"], "working_days");

    let out = cchc(&register, &["log"]);
    assert!(stdout(&out).contains("Nguyễn Thị Lan"), "the change log names who edited: {}", stdout(&out));
}

#[test]
fn a_bad_import_is_refused_with_its_row_and_column_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let file = dir.path().join("danh-muc.csv");
    std::fs::write(
        &file,
        "Mã TTHC,Tên thủ tục hành chính,Lĩnh vực\n1.001193,Thủ tục đăng ký khai sinh,Hộ tịch\n1.00119,Sai mã,Hộ tịch\n",
    )
    .unwrap();
    let out = cchc(&register, &["procedures", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(text.contains("dòng 3") && text.contains("Mã TTHC") && text.contains("1.00119"), "{text}");

    let out = cchc(&register, &["--json", "procedures", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(error["error"]["code"], "INVALID");
    assert_eq!(error["error"]["findings"][0]["code"], "BAD_PROCEDURE_CODE");

    let out = cchc(&register, &["--json", "procedures", "list"]);
    assert_eq!(stdout(&out).trim(), "[]", "nothing was written");
}

#[test]
fn a_missing_register_and_a_mistyped_command_fail_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("khong-co.cchc");
    let out = cchc(&register, &["procedures", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Không tìm thấy sổ dữ liệu"), "{}", stderr(&out));
    assert!(!register.exists());

    let out = cchc(&register, &["procedures", "lsit"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("list"), "{}", stderr(&out));
}

#[test]
fn the_demo_shows_statistics_with_rates_and_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(["demo"])
        .arg(dir.path())
        .env("CCHC_NOW", "2026-11-23T09:30")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let register = dir.path().join("demo.cchc");
    let out = cchc(&register, &["stats", "show", "--period", "2025"]);
    let text = stdout(&out);
    assert!(text.contains("Từ ngày 15/12/2024 đến ngày 14/12/2025"), "{text}");
    assert!(text.contains("Tỷ lệ giải quyết đúng hạn:") && text.contains(" %"), "{text}");
    assert!(text.contains("Tổng cộng"), "{text}");
    let out = cchc(&register, &["check"]);
    assert!(out.status.success(), "the demo has no errors: {}{}", stdout(&out), stderr(&out));

    // An inconsistent row typed by hand is saved and flagged; `check` then exits non-zero.
    let out = cchc(&register, &["stats", "set", "--period", "2026-Q3", "--field", "ho tich", "--received-online", "0"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Tổng số hồ sơ nhận"), "{}", stdout(&out));
    let out = cchc(&register, &["check", "--period", "2026-Q3"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_official_enters_seed_001_staffing_and_plans_and_reads_the_deadlines() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    for category in ["can_bo", "cong_chuc"] {
        let out =
            cchc(&register, &["staffing", "quota", "set", "--year", "2021", "--category", category, "--quota", "10"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    for i in 1..=9 {
        for category in ["can_bo", "cong_chuc"] {
            let name = format!("{category} {i}");
            let out = cchc(
                &register,
                &["staffing", "people", "add", "--name", &name, "--category", category, "--joined", "01/01/2020"],
            );
            assert!(out.status.success(), "{}", stderr(&out));
        }
    }
    let out = cchc(&register, &["staffing", "show", "--date", "30/05/2021"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Tổng (các loại có biên chế)"), "{text}");
    let json = cchc(&register, &["--json", "staffing", "show", "--date", "30/05/2021"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        (value["quota"].as_i64(), value["present"].as_i64(), value["vacancies"].as_i64()),
        (Some(20), Some(18), Some(2))
    );

    let out =
        cchc(&register, &["plans", "add", "--number", "09/KH-UBND", "--date", "10/03/2021", "--kind", "tthc_control"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cchc(
        &register,
        &[
            "tasks",
            "add",
            "--plan",
            "09/KH-UBND",
            "--year",
            "2021",
            "--area",
            "tthc",
            "--content",
            "Rà soát TTHC",
            "--deadline",
            "30/11/2026",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cchc(&register, &["deadlines"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Gửi báo cáo CCHC năm 2026"), "{text}");
    assert!(text.contains("Rà soát TTHC"), "{text}");

    let out = cchc(&register, &["tasks", "edit", "1", "--status", "done", "--percent", "100"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cchc(&register, &["plans", "progress", "--date", "30/06/2021"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("100,00 %"), "{}", stdout(&out));
    let out = cchc(&register, &["deadlines"]);
    assert!(!stdout(&out).contains("Rà soát TTHC"), "a done task is no longer due");

    // A task before its plan is refused with the Vietnamese sentence, exit 1.
    let out = cchc(
        &register,
        &[
            "tasks",
            "add",
            "--plan",
            "09/KH-UBND",
            "--year",
            "2021",
            "--area",
            "tthc",
            "--content",
            "Sớm",
            "--deadline",
            "01/03/2021",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("trước ngày ban hành kế hoạch"), "{}", stderr(&out));
}

#[test]
fn iso_verbs_record_the_system_and_status_exits_non_zero_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let out = cchc(
        &register,
        &[
            "procedures",
            "add",
            "--code",
            "1.001193",
            "--name",
            "Thủ tục đăng ký khai sinh",
            "--field",
            "Hộ tịch",
            "--iso",
            "true",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cchc(&register, &["iso", "set-version", "2015"]);
    assert!(stdout(&out).contains("TCVN ISO 9001:2015"), "{}", stderr(&out));
    let out = cchc(&register, &["iso", "announce", "--number", "36/QĐ-UBND", "--date", "15/10/2019", "--all-in-scope"]);
    assert!(stdout(&out).contains("36/QĐ-UBND") && stdout(&out).contains("1 thủ tục"), "{}", stderr(&out));
    // A bad code is refused with its Vietnamese sentence and exit code 1.
    let out =
        cchc(&register, &["iso", "announce", "--number", "37/QĐ-UBND", "--date", "01/01/2026", "--procedures", "9.9"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("không có trong sổ"), "{}", stderr(&out));
    let out = cchc(&register, &["iso", "audit", "add", "--date", "10/03/2026"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cchc(&register, &["iso", "review", "add", "--date", "20/04/2026"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cchc(&register, &["iso", "status", "--year", "2026"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("Quyết định số 36/QĐ-UBND ngày 15/10/2019"), "{}", stdout(&out));
    let out = cchc(&register, &["iso", "legal-change", "add", "--text", "Nghị định mới", "--effective", "01/01/2026"]);
    assert!(stdout(&out).contains("01/04/2026"), "{}", stderr(&out));
    let out = cchc(&register, &["--json", "iso", "status"]);
    assert_eq!(out.status.code(), Some(1), "an overdue legal change is an error");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["findings"][0]["code"], "ISO_LEGAL_CHANGE_OVERDUE");
    assert_eq!(json["announced"], true);
    let out = cchc(&register, &["iso", "legal-change", "done", "1", "--date", "15/03/2026"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cchc(&register, &["check"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn report_verbs_print_a_draft_keep_an_edited_section_and_issue_with_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let pdf = dir.path().join("bao-cao.pdf");
    let out = cchc(&register, &["report", "periodic", "--period", "2026-Q3", "--out", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Đã ghi báo cáo cải cách hành chính 9 tháng năm 2026 ("), "{}", stdout(&out));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let text = dir.path().join("muc-v.txt");
    std::fs::write(&text, "Đề nghị cấp trên hỗ trợ kinh phí cho Bộ phận một cửa.\n").unwrap();
    let out = cchc(
        &register,
        &["report", "section", "--period", "2026-Q3", "--section", "V", "--file", text.to_str().unwrap()],
    );
    assert_eq!(stdout(&out), "Đã ghi nội dung mục V của báo cáo 9 tháng năm 2026.\n");
    let out = cchc(&register, &["report", "sections", "--period", "2026-Q3"]);
    assert!(stdout(&out).contains("[V] V. ĐỀ XUẤT, KIẾN NGHỊ (đã sửa)\nĐề nghị cấp trên hỗ trợ kinh phí"));
    let out = cchc(&register, &["report", "section", "--period", "2026-Q3", "--section", "VII", "--reset"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "Lỗi: Không tìm thấy mục báo cáo “VII” trong sổ.\n");
    let stats = dir.path().join("bieu-06.pdf");
    let out = cchc(&register, &["report", "stats", "--period", "2026-Q3", "--out", stats.to_str().unwrap()]);
    assert!(out.status.success() && stdout(&out).contains("Biểu số 06/VPCP/KSTT 9 tháng năm 2026"));
    let out = cchc(
        &register,
        &["report", "issue", "--period", "2026-Q3", "--date", "05/09/2026", "--out", pdf.to_str().unwrap()],
    );
    assert_eq!(
        stdout(&out).lines().next().unwrap(),
        "Đã ban hành báo cáo số 01/BC-UBND ngày 05/09/2026: Báo cáo kết quả thực hiện công tác cải cách hành chính 9 tháng năm 2026."
    );
    let out = cchc(&register, &["--json", "report", "register", "--year", "2026"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json[0]["number"], 1);
    assert_eq!(json[0]["symbol"], "BC-UBND");
    let out = cchc(&register, &["report", "issue", "--period", "2026-Q3"]);
    assert_eq!(out.status.code(), Some(1), "a report is issued once");
    // Two processes, same register and clock: the same bytes.
    let again = dir.path().join("bieu-06-lan-2.pdf");
    cchc(&register, &["report", "stats", "--period", "2026-Q3", "--out", again.to_str().unwrap()]);
    assert!(std::fs::read(&stats).unwrap() == std::fs::read(&again).unwrap());
}

#[test]
fn an_official_scores_the_year_locks_it_and_the_appraisal_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let ok = |args: &[&str]| {
        let out = cchc(&register, args);
        assert!(out.status.success(), "{args:?}: {}{}", stdout(&out), stderr(&out));
        stdout(&out)
    };
    let text = ok(&["criteria", "list"]);
    assert!(text.contains("urn:cchc:criteria:mau-cap-xa") && text.contains("Bộ mẫu kèm chương trình"), "{text}");
    let text = ok(&["criteria", "show"]);
    assert!(text.contains("Xếp loại: Tốt từ 90 %; Khá từ 70 %; Trung bình từ 50 %; Kém từ 0 %."), "{text}");
    assert!(text.contains("7.4.1") && text.contains("tthc.on_time_rate") && text.contains("minh họa"), "{text}");
    // A province's set in a sheet: checked in a dry run, then imported; it becomes the default.
    let sheet = dir.path().join("bo-chi-so.csv");
    std::fs::write(
        &sheet,
        "Mã,Nội dung,Điểm tối đa,Cách chấm\n@urn,urn:cchc:criteria:tinh,,\n@version,1,,\n@name,Bộ chỉ số của tỉnh,,\n\
         @scale,2,,\n@appraised_share,2,,\n@bands,Đạt: 50; Chưa đạt: 0,,\n1,Chỉ đạo điều hành,2,\n1.1,Kế hoạch,2,có/không\n",
    )
    .unwrap();
    let text = ok(&["criteria", "import", sheet.to_str().unwrap(), "--dry-run"]);
    assert!(text.contains("Kiểm tra bộ chỉ số “Bộ chỉ số của tỉnh”") && text.contains("chưa ghi gì"), "{text}");
    assert!(ok(&["criteria", "import", sheet.to_str().unwrap()]).contains("Đã nhập bộ chỉ số"));
    let out = cchc(&register, &["criteria", "import", sheet.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("không mới hơn phiên bản đã có"), "{}", stderr(&out));

    let text = ok(&["assess", "new", "--year", "2026", "--criteria", "urn:cchc:criteria:mau-cap-xa@1"]);
    assert!(text.contains("hạn gửi 05/10/2026"), "{text}");

    // A score that is not an outcome of its rule is refused with its code.
    let out = cchc(&register, &["--json", "assess", "score", "1.1", "0,5", "--year", "2026"]);
    assert_eq!(out.status.code(), Some(1));
    let refusal: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(refusal["error"]["findings"][0]["code"], "POINTS_NOT_ALLOWED");
    assert_eq!(
        refusal["error"]["findings"][0]["message"],
        "Tiêu chí 1.1: Số điểm 0,5 không hợp lệ cho tiêu chí này; được chấm: 0 hoặc 1."
    );

    assert!(ok(&["assess", "score", "1.1", "1", "--year", "2026"]).contains("Đã ghi tiêu chí 1.1: tự chấm 1 điểm."));
    ok(&["assess", "score", "3.8", "1,75", "--year", "2026"]);
    ok(&["assess", "na", "1.4", "--year", "2026"]);
    ok(&["assess", "explain", "3.8", "Kế hoạch kiểm soát TTHC chưa số hóa", "--year", "2026"]);
    let scan = dir.path().join("ke-hoach.pdf");
    std::fs::write(&scan, "bản quét").unwrap();
    let text = ok(&[
        "assess",
        "evidence",
        "add",
        "--kind",
        "KH",
        "--number",
        "25/KH-UBND",
        "--date",
        "21/12/2025",
        "--title",
        "Kế hoạch CCHC năm 2026",
        "--file",
        scan.to_str().unwrap(),
        "--link",
        "1.1",
        "--year",
        "2026",
    ]);
    assert!(text.contains("Đã thêm tài liệu kiểm chứng số 1") && text.contains("Đã gắn vào tiêu chí 1.1"), "{text}");
    assert_eq!(std::fs::read_dir(dir.path().join("evidence")).unwrap().count(), 1);

    let out = cchc(&register, &["--json", "assess", "show", "--year", "2026"]);
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(view["assessment"]["stage"], "draft");
    assert_eq!(view["totals"][0]["appraised"], 2.75);
    assert_eq!(view["totals"][0]["appraised_max"], 69);
    let text = ok(&["assess", "show", "--year", "2026"]);
    assert!(
        // The self column is the 70 appraised points: the survey is the province's.
        text.contains("Tự chấm: thẩm định 2,75 / 69 = 2,79 / 70 điểm (3,98 %), xếp loại Kém"),
        "{text}"
    );
    assert!(text.contains("Tiêu chí 2.1: Chưa chấm điểm."), "{text}");

    // Locking with leaves not scored is refused, every one listed.
    let out = cchc(&register, &["assess", "lock", "--leader", "Nguyễn Văn Hùng", "--year", "2026"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Tiêu chí 8.2.2: Chưa chấm điểm."), "{}", stderr(&out));

    // Suggestions read the register (empty here) and say why they cannot be computed.
    let text = ok(&["assess", "suggest", "--year", "2026"]);
    assert!(
        text.contains("3.3: chưa tính được")
            && text.contains("Sổ chưa có số liệu giải quyết hồ sơ (Biểu 06) của năm 2026"),
        "{text}"
    );

    // A locked stage is read-only; unlocking needs a reason.
    let out = cchc(&register, &["assess", "appraisal", "next", "--year", "2026"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("đang ở bước “Đang tự chấm”"), "{}", stderr(&out));
    let out = cchc(&register, &["assess", "unlock", "--year", "2026"]);
    assert_eq!(out.status.code(), Some(2), "--reason is required");
    let out = cchc(&register, &["--json", "assess", "compare", "--year", "2026"]);
    let refusal: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(refusal["error"]["code"], "NOT_FOUND");
    assert!(ok(&["deadlines"]).contains("Gửi kết quả tự đánh giá chỉ số CCHC năm 2026"));
}

/// `backup verify` said nothing of the `*.partial` files interrupted copies had left in the backups folder.
#[test]
fn backup_verify_counts_the_partial_files_of_interrupted_copies_and_the_next_backup_removes_them() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    assert!(cchc(&register, &["backup", "now"]).status.success());
    let backups = dir.path().join("backups");
    // As a killed copy (and a killed record) leave them: the copy, SQLite's journal of it, a record's partial.
    std::fs::write(backups.join("so-20261123-080000-import.cchc.partial"), vec![1u8; 3000]).unwrap();
    std::fs::write(backups.join("so-20261123-080000-import.cchc.partial-journal"), vec![2u8; 512]).unwrap();
    std::fs::write(backups.join("so-20261123-070000-auto.json.partial"), "{").unwrap();

    let verify = cchc(&register, &["backup", "verify"]);
    assert!(verify.status.success(), "leftovers are not damaged copies: {}", stderr(&verify));
    let text = stdout(&verify);
    assert!(text.contains("1 bản sao tốt, 0 bản hỏng."), "{text}");
    assert!(
        text.contains("Còn 3 tệp dở dang (4 KB) của các lần sao lưu bị ngắt; lần sao lưu sau sẽ xóa chúng."),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&cchc(&register, &["--json", "backup", "verify"]).stdout).unwrap();
    assert_eq!(json["leftovers"], serde_json::json!({ "files": 3, "bytes": 3513 }));
    assert_eq!(json["copies"].as_array().unwrap().len(), 1, "a partial file is never listed as a copy");

    assert!(cchc(&register, &["backup", "now"]).status.success());
    let names: Vec<String> =
        std::fs::read_dir(&backups).unwrap().flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect();
    assert!(names.iter().all(|n| !n.contains(".partial")), "{names:?}");
    let json: serde_json::Value =
        serde_json::from_slice(&cchc(&register, &["--json", "backup", "verify"]).stdout).unwrap();
    assert_eq!(json["leftovers"], serde_json::json!({ "files": 0, "bytes": 0 }));
    assert!(!stdout(&cchc(&register, &["backup", "verify"])).contains("dở dang"));
}

#[test]
fn backups_are_made_listed_verified_copied_to_usb_and_restored_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let out = cchc(&register, &["backup", "now"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Đã sao lưu và kiểm tra:"), "{}", stdout(&out));

    let add = ["procedures", "add", "--code", "1.001193", "--name", "Thủ tục đăng ký khai sinh", "--field", "Hộ tịch"];
    assert!(cchc(&register, &add).status.success());
    let list = stdout(&cchc(&register, &["backup", "list"]));
    assert!(list.contains("người dùng yêu cầu") && list.contains("1 bản sao"), "{list}");
    let verify = cchc(&register, &["backup", "verify"]);
    assert!(verify.status.success());
    assert!(stdout(&verify).contains("1 bản sao tốt, 0 bản hỏng."), "{}", stdout(&verify));

    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let out = cchc(&register, &["backup", "to", usb.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let folder = usb.join("Sao lưu Ủy ban nhân dân phường Trần Phú 2026-11-23 0930");
    let mut inside: Vec<String> =
        folder.read_dir().unwrap().flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect();
    inside.sort();
    assert_eq!(inside, ["register-20261123-093000-external.cchcsl", "register-20261123-093000-external.json"]);

    // Restore the copy made before the procedure was added: a preview first, then the real restore.
    let copies: serde_json::Value =
        serde_json::from_slice(&cchc(&register, &["--json", "backup", "list"]).stdout).unwrap();
    let first = copies.as_array().unwrap().last().unwrap()["path"].as_str().unwrap().to_string();
    let preview = stdout(&cchc(&register, &["backup", "restore", &first]));
    assert!(preview.contains("Thủ tục hành chính") && preview.contains("Chưa khôi phục"), "{preview}");
    assert!(stdout(&cchc(&register, &["procedures", "list"])).contains("1.001193"), "a preview changes nothing");
    let out = cchc(&register, &["backup", "restore", &first, "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Để hoàn tác"), "{}", stdout(&out));
    assert!(!stdout(&cchc(&register, &["procedures", "list"])).contains("1.001193"), "the copy's state is back");

    // A file that is not a register is refused with its code and exit 1.
    let junk = dir.path().join("junk.cchc");
    std::fs::write(&junk, "không phải sổ").unwrap();
    let out = cchc(&register, &["--json", "backup", "restore", junk.to_str().unwrap(), "--yes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("NOT_A_REGISTER"), "{}", stdout(&out));
}

#[test]
fn the_demo_wards_self_assessment_report_prints_and_is_issued_with_its_own_section_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = cchc(&dir.path().join("unused.cchc"), &["demo", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let register = dir.path().join("demo.cchc");
    let pdf = dir.path().join("tu-danh-gia.pdf");
    let out = cchc(&register, &["report", "assessment", "--year", "2025", "--out", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Đã ghi báo cáo tự đánh giá Chỉ số CCHC năm 2025 ("), "{}", stdout(&out));
    let text = dir.path().join("kien-nghi.txt");
    std::fs::write(&text, "Đề nghị Sở Nội vụ tập huấn chấm điểm cho công chức mới.\n").unwrap();
    let out = cchc(
        &register,
        &[
            "report",
            "section",
            "--kind",
            "assessment",
            "--period",
            "2025",
            "--section",
            "IV",
            "--file",
            text.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cchc(&register, &["report", "sections", "--kind", "assessment", "--period", "2025"]);
    assert!(
        stdout(&out).contains("[IV] IV. ĐỀ XUẤT, KIẾN NGHỊ (đã sửa)\nĐề nghị Sở Nội vụ tập huấn"),
        "{}",
        stdout(&out)
    );
    let out = cchc(
        &register,
        &[
            "report",
            "issue",
            "--kind",
            "assessment",
            "--period",
            "2025",
            "--date",
            "02/10/2025",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(stdout(&out).starts_with("Đã ban hành báo cáo số 01/BC-UBND ngày 02/10/2025: Báo cáo kết quả tự đánh giá"));
    let read = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let read = String::from_utf8(read.stdout).unwrap();
    assert!(read.contains("Số: 01/BC-UBND") && read.contains("Đề nghị Sở Nội vụ tập huấn"), "{read}");
    // No assessment that year: a coded error in Vietnamese, no file written.
    let none = dir.path().join("khong-co.pdf");
    let out = cchc(&register, &["report", "assessment", "--year", "2019", "--out", none.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("Lỗi: "), "{}", stderr(&out));
    assert!(!none.exists());
}

#[test]
fn a_province_json_set_with_mistakes_is_refused_with_vietnamese_messages_naming_each_problem() {
    // A band of 120 % read "Các mức phải xếp từ cao xuống thấp…"; an unknown rule type came as serde's English.
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let file = dir.path().join("bo-chi-so.json");
    std::fs::write(
        &file,
        r#"{"format":1,"urn":"urn:test:tinh","version":1,"name":"Bộ của tỉnh","scale":8,"appraised_share":8,
        "scope":["xã","thị trấn"],
        "bands":[{"label":"Tốt","min":90},{"label":"Kém","min":0}],
        "areas":[{"code":"3","text":"Thủ tục hành chính","max":8,"children":[
          {"code":"3.3","text":"Đúng hạn","max":4,"rule":{"type":"tỷ lệ","bands":[{"min":120,"points":4},{"min":98,"points":3}]}},
          {"code":"3.4","text":"Trực tuyến","max":4,"rule":{"type":"đạt/không đạt"}}]}]}"#,
    )
    .unwrap();
    let out = cchc(&register, &["criteria", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let mut text = format!("{}{}", stdout(&out), stderr(&out));
    // A file of the wrong shape is refused before its content is checked.
    let typo = std::fs::read_to_string(&file).unwrap().replace("đạt/không đạt", "ty_le_phan_tram");
    std::fs::write(&file, typo).unwrap();
    let out = cchc(&register, &["criteria", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    text.push_str(&format!("{}{}", stdout(&out), stderr(&out)));
    for line in [
        "Tiêu chí 3.3, cột “Mức điểm”: “120 %” nằm ngoài khoảng cho phép (từ 0 % đến 100 %).",
        "Tiêu chí 3.4, cột “Cách chấm”: “ty_le_phan_tram” không thuộc các lựa chọn cho phép (đạt/không đạt; tỷ lệ;",
        "Bộ chỉ số, cột “Đối tượng áp dụng”: “thị trấn” không thuộc các lựa chọn cho phép (xã, phường, đặc khu",
    ] {
        assert!(text.contains(line), "missing: {line}\n{text}");
    }
    for english in ["unknown variant", "expected one of", "Các mức phải xếp"] {
        assert!(!text.contains(english), "{english}\n{text}");
    }
    // Not JSON at all: the line and column, in Vietnamese.
    std::fs::write(&file, "{\n  \"format\": 1\n  \"urn\": \"x\"\n}").unwrap();
    let out = cchc(&register, &["criteria", "import", file.to_str().unwrap()]);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(text.contains("Tệp không phải là JSON hợp lệ (sai cú pháp ở dòng 3, cột 3)."), "{text}");
    // A survey leaf refuses a self score, saying where its result goes.
    let out = cchc(&register, &["assess", "new", "--year", "2026", "--criteria", "urn:cchc:criteria:mau-cap-xa@1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cchc(&register, &["assess", "score", "9.1", "26,5", "--year", "2026"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "Tiêu chí 9.1: Tiêu chí 9.1 là điểm điều tra xã hội học do tỉnh công bố nên đơn vị không tự chấm; kết quả \
             được nhập ở bước thẩm định (`cchc assess appraisal score`)."
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unit_set_copy_to_keeps_như_trên_and_lưu_vt() {
    // `--copy-to` replaced the whole "Nơi nhận" list: "- Như trên;" and "- Lưu: VT" disappeared without a word.
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let copies = |register: &Path| {
        let out = cchc(register, &["--json", "unit", "show"]);
        let unit: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let unit = if unit.get("unit").is_some() { unit["unit"].clone() } else { unit };
        serde_json::from_value::<Vec<String>>(unit["copies_to"].clone()).unwrap()
    };
    assert_eq!(copies(&register), ["Như trên", "Lưu: VT"], "a new register has the standard lines");
    let out = cchc(&register, &["unit", "set", "--copy-to", "Sở Nội vụ tỉnh Hải Dương", "--copy-to", "Đảng ủy phường"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(copies(&register), ["Như trên", "Sở Nội vụ tỉnh Hải Dương", "Đảng ủy phường", "Lưu: VT"]);
    // Without --copy-to the flag would remove lines no one named: refused, nothing changed.
    let out = cchc(&register, &["unit", "set", "--no-default-copies"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--copy-to"), "{}", stderr(&out));
    assert_eq!(copies(&register), ["Như trên", "Sở Nội vụ tỉnh Hải Dương", "Đảng ủy phường", "Lưu: VT"]);
    // Removed on purpose.
    let out = cchc(&register, &["unit", "set", "--no-default-copies", "--copy-to", "Sở Nội vụ tỉnh Hải Dương"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(copies(&register), ["Sở Nội vụ tỉnh Hải Dương"]);
    let help = stdout(&cchc(&register, &["unit", "set", "--help"]));
    assert!(help.contains("--no-default-copies") && help.contains("Như trên"), "{help}");
}

/// `cchc <args>` without a register (help and usage errors never open one).
fn cchc_bare(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cchc")).args(args).env("CCHC_NOW", "2026-11-23T09:30").output().unwrap()
}

/// clap's own English words a user should never read.
fn assert_no_clap_english(text: &str, what: &str) {
    for english in [
        "<YEAR>",
        "<KIND>",
        "COMMAND",
        "Possible values",
        "possible values",
        "default:",
        "Usage",
        "Options",
        "Arguments",
        "Commands",
        "invalid digit",
        "is not in",
    ] {
        assert!(!text.contains(english), "{what}: “{english}” in\n{text}");
    }
}

#[test]
fn help_shows_vietnamese_value_names_values_and_the_reform_areas() {
    // `cchc tasks add --help` showed `--year <YEAR>`, `report issue --help` `<KIND>` and "Possible values:", and the
    // task areas' codes were only listed in an error message.
    for flag in ["--help", "-h"] {
        let out = cchc_bare(&["tasks", "add", flag]);
        assert!(out.status.success(), "{}", stderr(&out));
        let help = stdout(&out);
        assert_no_clap_english(&help, "tasks add");
        assert!(help.contains("--year <NĂM>") && help.contains("--area <LĨNH_VỰC>"), "{help}");
        for (code, name) in cchc::model::ReformArea::SEEDED {
            assert!(help.contains(code) && help.contains(name), "tasks add {flag} lacks {code} {name}:\n{help}");
        }
        let help = stdout(&cchc_bare(&["tasks", "edit", flag]));
        assert!(help.contains("--area <LĨNH_VỰC>") && help.contains("Cải cách thể chế"), "{help}");

        let help = stdout(&cchc_bare(&["staffing", "quota", "set", flag]));
        assert_no_clap_english(&help, "staffing quota set");
        for (code, name) in cchc::model::StaffCategory::SEEDED {
            assert!(help.contains(code) && help.contains(name), "staffing quota set {flag} lacks {code}:\n{help}");
        }

        let help = stdout(&cchc_bare(&["report", "issue", flag]));
        assert_no_clap_english(&help, "report issue");
        assert!(help.contains("--kind <LOẠI>") && help.contains("tự đánh giá Chỉ số CCHC"), "{help}");

        let help = stdout(&cchc_bare(&["bench", flag]));
        assert_no_clap_english(&help, "bench");
        assert!(help.contains("[LỆNH]") && help.contains("Lệnh:"), "{help}");
    }
    let help = stdout(&cchc_bare(&["report", "issue", "--help"]));
    assert!(help.contains("Giá trị:") && help.contains("- periodic:") && help.contains("Báo cáo định kỳ"), "{help}");
}

#[test]
fn usage_errors_for_a_wrong_or_missing_value_stay_vietnamese() {
    // `cchc tasks add --year abc` said "không hợp lệ: invalid digit found in string"; a wrong `--kind` must list the
    // values in Vietnamese, not clap's "possible values".
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    let task = ["tasks", "add", "--plan", "09/KH-UBND", "--area", "tthc", "--content", "Rà soát TTHC"];
    for (args, expected) in [
        (
            [&task[..], &["--year", "abc"]].concat(),
            "Giá trị của --year <NĂM> không hợp lệ: “abc” không phải là số nguyên.",
        ),
        ([&task[..], &["--year", "99999999999"]].concat(), "“99999999999” nằm ngoài khoảng"),
        (task.to_vec(), "Thiếu tham số bắt buộc: --year <NĂM>."),
        (
            vec!["report", "issue", "--period", "2026", "--kind", "biểu"],
            "Giá trị “biểu” của --kind <LOẠI> không hợp lệ; hãy dùng một trong: periodic, stats, assessment.",
        ),
        (vec!["report", "issue", "--period", "2026", "--kind"], "Tùy chọn --kind <LOẠI> cần một giá trị"),
        (
            vec!["staffing", "quota", "set", "--year", "2026", "--category", "cong_chuc", "--quota", "mười"],
            "“mười” không phải là số nguyên",
        ),
    ] {
        let out = cchc(&register, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let text = stderr(&out);
        assert!(text.contains(expected), "{args:?}:\n{text}");
        assert_no_clap_english(&text, &args.join(" "));
    }
    assert!(!register.exists(), "a usage error writes nothing");
    let out = cchc(&register, &[&["--json"][..], &task[..], &["--year", "abc"]].concat());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["error"]["code"], "USAGE");
    assert_eq!(value["error"]["message"], "Giá trị của --year <NĂM> không hợp lệ: “abc” không phải là số nguyên.");
}

#[test]
fn tasks_edit_moves_a_task_to_another_reform_area() {
    // A task entered under the wrong area could not be corrected: `tasks edit` had no `--area`.
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let out = cchc(&register, &["plans", "add", "--number", "25/KH-UBND", "--date", "04/01/2026"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let add = ["tasks", "add", "--plan", "25/KH-UBND", "--year", "2026", "--area", "tthc", "--content", "Tập huấn"];
    let out = cchc(&register, &add);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cchc(&register, &["tasks", "edit", "1", "--area", "Cải cách chế độ công vụ"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cchc(&register, &["--json", "tasks", "list"]);
    let tasks: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tasks[0]["area"], "cong_vu", "{tasks}");
    // An unknown area is refused, naming the codes, and changes nothing.
    let out = cchc(&register, &["tasks", "edit", "1", "--area", "khong_co"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("tthc"), "{}", stderr(&out));
    let out = cchc(&register, &["--json", "tasks", "list"]);
    let tasks: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tasks[0]["area"], "cong_vu", "{tasks}");
}

/// `cchc bench` stopped with SURVEY_NOT_SELF_SCORED once a survey leaf refused a self score: its generated register
/// must keep passing the rules an official's register passes.
#[test]
fn the_benchmark_builds_its_register_through_the_same_rules_and_measures_every_report() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("khong-dung.cchc");
    let out = cchc(&register, &["bench", "--procedures", "10", "--years", "2", "--repeat", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Báo cáo tự đánh giá chỉ số CCHC năm 2025 ra PDF"), "{text}");
    assert!(text.contains("Báo cáo CCHC năm 2025 ra PDF"), "{text}");
}

/// `cchc stats set` stores each figure of Biểu 06 under the option that names it: every one of the twelve options
/// given a different number lands in its own column (the options and the stable names are matched by order).
#[test]
fn stats_set_stores_each_of_the_twelve_figures_where_its_option_says() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let mut args: Vec<String> =
        ["stats", "set", "--period", "2026-Q3", "--field", "Hộ tịch"].iter().map(|s| s.to_string()).collect();
    let names = cchc::model::CaseFigures::default().columns().map(|(name, _)| name);
    for (i, name) in names.iter().enumerate() {
        args.push(format!("--{}", name.replace('_', "-")));
        args.push((101 + i).to_string());
    }
    let out = cchc(&register, &args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(out.status.success(), "{}", stderr(&out));
    let app = cchc::App::open(&register, cchc::Assets::bundled(), crate::fixtures::clock()).unwrap();
    let table = app.stats("2026-Q3".parse().unwrap()).unwrap();
    let stored: Vec<(&str, i64)> = table.rows[0].figures.columns().to_vec();
    let expected: Vec<(&str, i64)> = names.iter().enumerate().map(|(i, n)| (*n, 101 + i as i64)).collect();
    assert_eq!(stored, expected);
}
