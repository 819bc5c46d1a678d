//! The self-assessment report (issue 7): what it states from the scores, last year beside this year, the items
//! without evidence with their explanations, the evidence per criterion, the edited sections, issuing and the kept
//! copy, the PDF read back by poppler.

use crate::fixtures::TestRegister;
use crate::report::{Tools, assert_inside_margins, flat};
use cchc::ErrorCode;
use cchc::api::printed::{self as layout, Block};
use cchc::model::{EvidenceInput, PeriodKey, Points, ReportKind, Rule};
use chrono::NaiveDate;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%d/%m/%Y").unwrap()
}

fn p(text: &str) -> Points {
    Points::parse(text).unwrap()
}

fn year(y: i32) -> PeriodKey {
    PeriodKey::new(y, cchc::model::PeriodKind::Year)
}

/// Scores every leaf of the bundled set: the given points, "na" for không phát sinh, the maximum otherwise
/// (bonus and penalty only when given); each scored leaf is linked to `evidence`.
fn score(t: &mut TestRegister, y: i32, scores: &str, evidence: i64) {
    let given: Vec<(&str, &str)> = scores.split_whitespace().map(|s| s.split_once('=').unwrap()).collect();
    let set = t.app.assessment(y).unwrap().set;
    for leaf in set.leaves() {
        let code = leaf.node.code.as_str();
        match (given.iter().find(|(c, _)| *c == code).map(|(_, v)| *v), leaf.rule) {
            (Some("na"), _) => {
                t.app.set_not_applicable(y, code, true).unwrap();
                continue;
            }
            (Some(points), _) => {
                t.app.score_leaf(y, code, p(points), None, None).unwrap();
            }
            // The survey is the province's: its result comes with the appraisal.
            (None, Rule::Bonus | Rule::Penalty | Rule::SurveyOnly) => continue,
            (None, _) => {
                t.app.score_leaf(y, code, leaf.node.max, None, None).unwrap();
            }
        }
        t.app.link_evidence(y, code, evidence).unwrap();
    }
}

/// The ward's yearly CCHC report (120/BC-UBND of 30/09/2025) as an evidence document.
fn ward_report(t: &mut TestRegister, title: &str) -> cchc::model::Evidence {
    let input = EvidenceInput {
        kind: "BC".into(),
        number: "120/BC-UBND".into(),
        date: Some(d("30/09/2025")),
        issuer: "UBND phường Trần Phú".into(),
        title: title.into(),
    };
    t.app.add_evidence(input, None).unwrap()
}

/// 2024 scored in full; 2025 with points lost, one N/A leaf, bonus and penalty, two leaves without evidence (one
/// explained), and a plan as evidence.
fn ward() -> TestRegister {
    let mut t = TestRegister::new();
    let report = ward_report(&mut t, "Báo cáo kết quả CCHC năm 2025");
    t.app.new_assessment(2024, None).unwrap();
    score(&mut t, 2024, "3.3=2", report.id);
    t.app.new_assessment(2025, None).unwrap();
    score(&mut t, 2025, "3.3=3 7.3=2,25 3.8=1,75 1.4=na 10.1=0,5 10.2=0,25", report.id);
    let plan = t
        .app
        .add_evidence(
            EvidenceInput {
                kind: "KH".into(),
                number: "25/KH-UBND".into(),
                date: Some(d("21/12/2024")),
                issuer: "UBND phường Trần Phú".into(),
                title: "Kế hoạch cải cách hành chính năm 2025".into(),
            },
            None,
        )
        .unwrap();
    t.app.link_evidence(2025, "1.1", plan.id).unwrap();
    t.app.link_evidence(2025, "1.2", plan.id).unwrap();
    for code in ["5.3", "6.2"] {
        t.app.unlink_evidence(2025, code, report.id).unwrap();
    }
    t.app.explain_leaf(2025, "5.3", "Hồ sơ đào tạo đang lưu tại Phòng Nội vụ, sẽ bổ sung.").unwrap();
    t
}

#[test]
fn the_report_states_totals_last_year_gaps_and_evidence() {
    let t = ward();
    let pages = t.app.report_pages(ReportKind::Assessment, year(2025)).unwrap();
    assert_inside_margins(&pages);
    // Page 1 as a person reads it, line by line (cells and columns joined by " | ").
    insta::assert_snapshot!("assessment_report_page_1", layout::read(&pages[0]));
    let text = flat(&pages);
    for phrase in [
        "BÁO CÁO",
        "Kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2025",
        "Thực hiện Quyết định số 2204/QĐ-UBND ban hành Bộ chỉ số CCHC cấp xã (mẫu), phiên bản 1, Ủy ban nhân dân phường Trần Phú báo cáo",
        "I. TÌNH HÌNH TRIỂN KHAI TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
        "II. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
        // 67 of 69 appraised (1.4 N/A) on the 70 appraised points: 67 / 69 × 70 = 67,97; + 0,5 − 0,25. The survey is
        // the province's.
        "Tổng điểm tự đánh giá: 68,22/70 điểm, đạt 97,45%, xếp loại Tốt.",
        "Điểm các tiêu chí thẩm định đạt 67/69 điểm; điểm điều tra xã hội học (tối đa 30 điểm) do tỉnh điều tra, công \
         bố nên không thuộc điểm tự đánh giá; điểm thưởng 0,5; điểm trừ 0,25; 1 nội dung không phát sinh được loại \
         khỏi điểm tối đa (điểm tối đa áp dụng 69 điểm).",
        "Có 2 nội dung được chấm điểm chưa có tài liệu kiểm chứng (danh sách và giải trình tại Phụ lục II)",
        // Last year (2024: everything but 3.3 at 2 of 4, no survey result → 68) beside this year; the self totals
        // are compared with each other (68 and 68,22 of 70).
        "Năm 2024, tổng điểm (kết quả cuối cùng) của UBND phường Trần Phú là 68 điểm, đạt 68%, xếp loại Trung bình; \
         điểm tự đánh giá năm 2025 tăng 0,22 điểm so với năm 2024.",
        "III. KHÓ KHĂN, VƯỚNG MẮC",
        "- 3.3 Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "TM. ỦY BAN NHÂN DÂN",
        "Phụ lục I",
        "BẢNG ĐIỂM TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        "Phụ lục II",
        "Phụ lục III",
        "DANH MỤC TÀI LIỆU KIỂM CHỨNG THEO TIÊU CHÍ",
    ] {
        assert!(text.contains(phrase), "missing: {phrase}\n{text}");
    }
    // The table by area: last year's final points beside this year's, then the totals.
    let area3 = "3 Cải cách thủ tục hành chính, một cửa, một cửa liên thông 16 14 14,75";
    assert!(text.contains(area3), "{area3}\n{text}");
    assert!(text.contains("Tổng điểm 100 68 68,22/70"), "{text}");
    // The chart of the score by area, this year beside last year, drawn as boxes under its title.
    let document = t.app.report_document(ReportKind::Assessment, year(2025)).unwrap();
    let chart = document.parts[0]
        .blocks
        .iter()
        .find_map(|b| if let Block::Chart(c) = b { Some(c.clone()) } else { None })
        .expect("a chart of the score by area");
    assert_eq!(chart.labels, ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    assert_eq!(chart.series.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Năm 2024", "Năm 2025"]);
    let area3_share = chart.series[1].values[2].unwrap();
    assert!((area3_share - 14.75 / 16.0 * 100.0).abs() < 1e-9);
    assert!(text.contains("Tỷ lệ điểm đạt được so với điểm tối đa theo lĩnh vực"));

    // Phụ lục I: every leaf with maximum and self points, N/A marked, bonus, penalty, totals, class.
    let appendix: Vec<&layout::Page> = pages.iter().skip_while(|p| !layout::read(p).contains("Phụ lục I\n")).collect();
    let scores = flat(&appendix.iter().map(|p| (*p).clone()).collect::<Vec<_>>());
    for phrase in [
        "1.4 Ban hành và thực hiện kế hoạch tuyên truyền CCHC 1 - Không phát sinh",
        "3.3 Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
        "7.3 Hệ thống quản lý chất lượng ISO 9001",
        "5.3 Thực hiện kế hoạch đào tạo, bồi dưỡng 2 2 Chưa có TLKC",
        "1.1 Ban hành kế hoạch CCHC năm đúng thời hạn tỉnh quy định 1 1 2 TLKC",
        "Điểm thưởng 3 0,5",
        "Điểm trừ 3 0,25",
        "Tổng điểm (tự đánh giá tính trên 70 điểm) 100 68,22",
        "Tỷ lệ đạt được 97,45%",
        "Xếp loại Tốt",
    ] {
        assert!(scores.contains(phrase), "Phụ lục I lacks: {phrase}\n{scores}");
    }
    assert!(!scores.contains("Điểm thẩm định"), "no appraisal yet: no appraised column");
    // Phụ lục II: the two leaves without evidence, one explained, one not.
    assert!(text.contains("1 5.3 Thực hiện kế hoạch đào tạo, bồi dưỡng 2 Hồ sơ đào tạo đang lưu tại Phòng Nội vụ"));
    assert!(text.contains("2 6.2 Ban hành và thực hiện quy chế chi tiêu nội bộ 2 (Chưa giải trình)"));
    // Phụ lục III: per criterion, the documents with what they support.
    let plan = "KH số 25/KH-UBND ngày 21/12/2024 Kế hoạch cải cách hành chính năm 2025 UBND phường Trần Phú";
    for code in ["1.1", "1.2"] {
        assert!(text.contains(&format!("{plan} {code}")), "{code}\n{text}");
    }
    assert!(
        text.contains(
            "1.3 Báo cáo CCHC định kỳ (quý I, 6 tháng, 9 tháng, năm) gửi đúng hạn, đủ nội dung 5 BC số 120/BC-UBND"
        ),
        "{text}"
    );
    assert!(!text.contains("1.4 Ban hành và thực hiện kế hoạch tuyên truyền CCHC 1 BC số"), "N/A supports nothing");
}

#[test]
fn the_pdf_reads_back_in_nfc_passes_qpdf_and_is_the_same_twice() {
    let t = ward();
    let bytes = t.app.report_pdf(ReportKind::Assessment, year(2025)).unwrap();
    assert_eq!(bytes, t.app.report_pdf(ReportKind::Assessment, year(2025)).unwrap());
    let tools = Tools::new(&bytes);
    let (ok, check) = tools.run("qpdf", &["--check"]);
    assert!(ok, "{check}");
    let pages = t.app.report_pages(ReportKind::Assessment, year(2025)).unwrap();
    assert_eq!(tools.pages(), pages.len());
    tools.assert_gives_back(&pages);
}

#[test]
fn appraised_points_get_their_own_column_once_given() {
    let mut t = ward();
    t.app.explain_leaf(2025, "6.2", "Quy chế đang trình HĐND.").unwrap();
    t.app.lock_self_assessment(2025, "Nguyễn Văn Hùng", d("01/10/2025")).unwrap();
    t.app.advance_assessment(2025).unwrap();
    t.app.appraise_leaf(2025, "3.3", p("2"), Some("Thiếu số liệu quý IV")).unwrap();
    t.app.appraise_leaf(2025, "9.1", p("26,5"), Some("Kết quả điều tra xã hội học của tỉnh")).unwrap();
    let text = flat(&t.app.report_pages(ReportKind::Assessment, year(2025)).unwrap());
    assert!(text.contains("Kết quả tự đánh giá được lãnh đạo (Nguyễn Văn Hùng) phê duyệt ngày 01/10/2025."), "{text}");
    // The survey's 26,5 with the point the appraiser took from 3.3, normalised: (66 + 26,5) / 99 × 100 = 93,43
    // + 0,25.
    assert!(text.contains("Sau thẩm định, tổng điểm: 93,68/100 điểm, đạt 93,68%, xếp loại Tốt."), "{text}");
    assert!(text.contains("Điểm thẩm định"));
    assert!(text.contains("Tổng điểm 100 68 68,22/70 93,68"), "{text}");
    assert!(text.contains("Tổng điểm (tự đánh giá tính trên 70 điểm) 100 68,22 93,68"), "{text}");
}

#[test]
fn edited_sections_print_and_issuing_keeps_the_copy_whatever_changes_later() {
    let mut t = ward();
    let key = year(2025);
    let sections = t.app.report_sections(ReportKind::Assessment, key).unwrap();
    assert_eq!(sections.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(), ["I", "III", "IV"]);
    assert!(sections[1].draft.contains("Một số tiêu chí chưa đạt điểm tối đa"));
    // Any period of the year names the year's report.
    let typed = "Kinh phí cho số hóa hồ sơ còn hạn chế.\nĐường truyền internet chập chờn.";
    t.app.set_report_section(ReportKind::Assessment, "2025-Q3".parse().unwrap(), "III", Some(typed)).unwrap();
    let text = flat(&t.app.report_pages(ReportKind::Assessment, key).unwrap());
    assert!(text.contains("III. KHÓ KHĂN, VƯỚNG MẮC Kinh phí cho số hóa hồ sơ còn hạn chế. Đường truyền internet"));
    assert!(!text.contains("Một số tiêu chí chưa đạt điểm tối đa"));

    let draft_page = layout::read(&t.app.report_pages(ReportKind::Assessment, key).unwrap()[0]);
    assert!(draft_page.contains("Số:       /BC-UBND"), "{draft_page}");
    let doc = t.app.issue_report(ReportKind::Assessment, key, Some(d("02/10/2025")), None).unwrap();
    assert_eq!(doc.input.number_text(), "01/BC-UBND");
    assert_eq!(
        doc.input.subject,
        "Báo cáo kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2025"
    );
    let pages = t.app.report_pages(ReportKind::Assessment, key).unwrap();
    assert!(layout::read(&pages[0]).contains("Số: 01/BC-UBND | Trần Phú, ngày 02 tháng 10 năm 2025"));
    let issued_pdf = t.app.report_pdf(ReportKind::Assessment, key).unwrap();
    let issued_text = flat(&pages);
    assert!(
        issued_text.contains("(Kèm theo Báo cáo số 01/BC-UBND ngày 02/10/2025 của Ủy ban nhân dân phường Trần Phú)")
    );

    // The register changes after issuing: a new evidence document, a leaf re-scored. The issued report, its
    // appendices included, prints as it was issued, byte for byte.
    t.app.score_leaf(2025, "3.3", p("4"), None, None).unwrap();
    assert_eq!(t.app.report_pages(ReportKind::Assessment, key).unwrap(), pages);
    assert_eq!(t.app.report_pdf(ReportKind::Assessment, key).unwrap(), issued_pdf);
    let edit = t.app.set_report_section(ReportKind::Assessment, key, "IV", Some("Sửa sau khi ban hành.")).unwrap_err();
    assert_eq!(edit.code(), ErrorCode::ReportIssued);
}

#[test]
fn an_issued_periodic_report_keeps_its_appendices() {
    let mut t = TestRegister::new();
    t.app.add_procedure(crate::fixtures::procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch")).unwrap();
    let key: PeriodKey = "2026-Q1".parse().unwrap();
    t.app.issue_report(ReportKind::Periodic, key, Some(d("05/04/2026")), None).unwrap();
    let before = t.app.report_pdf(ReportKind::Periodic, key).unwrap();
    t.app.add_procedure(crate::fixtures::procedure("1.000656", "Đăng ký kết hôn", "Hộ tịch")).unwrap();
    let text = flat(&t.app.report_pages(ReportKind::Periodic, key).unwrap());
    assert!(text.contains("Đăng ký khai sinh") && !text.contains("Đăng ký kết hôn"), "Phụ lục II as issued");
    assert_eq!(t.app.report_pdf(ReportKind::Periodic, key).unwrap(), before);
    // A draft of another period follows the register.
    let q3 = flat(&t.app.report_pages(ReportKind::Periodic, "2026-Q3".parse().unwrap()).unwrap());
    assert!(q3.contains("Đăng ký kết hôn"));
}

#[test]
fn bad_requests_are_coded_errors_that_change_nothing() {
    let mut t = ward();
    // No assessment for the year.
    let err = t.app.report_pdf(ReportKind::Assessment, year(2023)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let log = t.app.change_log(100_000).unwrap().len();
    let err = t.app.issue_report(ReportKind::Assessment, year(2023), None, None).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    // A section the report does not have; Biểu 06 has none.
    let err = t.app.set_report_section(ReportKind::Assessment, year(2025), "II", Some("x")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let err = t.app.set_report_section(ReportKind::Stats, year(2025), "I", Some("x")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    // Text the report font cannot draw: refused when issuing, and no number is taken.
    t.app.set_report_section(ReportKind::Assessment, year(2025), "IV", Some("Đề nghị ☃.")).unwrap();
    let log = log + 1;
    let err = t.app.issue_report(ReportKind::Assessment, year(2025), None, None).unwrap_err();
    assert_eq!(err.code(), ErrorCode::MissingGlyphs);
    assert!(t.app.outgoing_documents(None).unwrap().is_empty());
    assert_eq!(t.app.change_log(100_000).unwrap().len(), log);
}

#[test]
fn last_year_on_another_set_is_compared_only_where_area_code_and_maximum_match() {
    // An area worth 5 this year showed last year's 6 points, without a word that the sets differed.
    let mut t = TestRegister::new();
    let report = ward_report(&mut t, "Báo cáo kết quả CCHC");
    t.app.new_assessment(2024, None).unwrap();
    score(&mut t, 2024, "", report.id);
    // Version 2 moves a point from area 2 (6 → 5) to area 1 (9 → 10).
    let mut v2 = t.app.criteria_set("urn:cchc:criteria:mau-cap-xa").unwrap();
    v2.version = 2;
    v2.name = "Bộ chỉ số CCHC cấp xã của tỉnh".into();
    v2.areas[0].max = p("10");
    v2.areas[0].children[0].max = p("2");
    v2.areas[1].max = p("5");
    v2.areas[1].children[1].max = p("0,5");
    let path = t.file("v2.json", &v2.to_json());
    t.app.import_criteria(&path, false).unwrap();
    t.app.new_assessment(2025, None).unwrap();
    score(&mut t, 2025, "", report.id);
    let text = flat(&t.app.report_pages(ReportKind::Assessment, year(2025)).unwrap());
    // Areas 1 and 2 changed their maximum: "—"; area 3 is the same and compared.
    assert!(text.contains("1 Công tác chỉ đạo, điều hành cải cách hành chính 10 — 10"), "{text}");
    assert!(text.contains("2 Cải cách thể chế 5 — 5"), "{text}");
    assert!(text.contains("3 Cải cách thủ tục hành chính, một cửa, một cửa liên thông 16 16 16"), "{text}");
    assert!(
        text.contains(
            "Năm 2024 chấm theo Bộ chỉ số CCHC cấp xã (mẫu) (phiên bản 1), năm 2025 theo Bộ chỉ số CCHC cấp xã của tỉnh \
             (phiên bản 2): chỉ so sánh các lĩnh vực cùng mã và cùng điểm tối đa; lĩnh vực khác ghi “—”."
        ),
        "{text}"
    );
    let document = t.app.report_document(ReportKind::Assessment, year(2025)).unwrap();
    let chart = document.parts[0]
        .blocks
        .iter()
        .find_map(|b| if let Block::Chart(c) = b { Some(c.clone()) } else { None })
        .unwrap();
    assert_eq!((chart.series[0].values[0], chart.series[0].values[1]), (None, None));
    assert!(chart.series[0].values[2].is_some());
}
