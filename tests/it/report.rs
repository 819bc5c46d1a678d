//! Official reports: layout rules on the page model (positions in mm), the PDF (text round trip, embedded subset
//! fonts, byte-identical output, qpdf), the outgoing-document register, edited sections, a long report, and seed
//! 001's facts in its 6-month report.

use crate::fixtures::{TestRegister, clock, procedure, profile};
use cchc::api::no_progress;
use cchc::api::printed::{self as layout, Block, Document, Item, Orientation, Page, Part, Style, TextRun, rules};
use cchc::model::{
    AnnouncementInput, AnnouncementKind, CaseFigures, Decision, IsoVersion, PeriodKey, PersonInput, PlanInput,
    PlanKind, ProcedureInput, Quota, ReportKind, StatsRow, TaskInput, TaskStatus,
};
use cchc::{App, Assets, ErrorCode};
use chrono::NaiveDate;
use std::process::Command;
use unicode_normalization::UnicodeNormalization;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%d/%m/%Y").unwrap()
}

fn period(text: &str) -> PeriodKey {
    text.parse().unwrap()
}

fn runs(page: &Page) -> Vec<&TextRun> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn run<'a>(page: &'a Page, text: &str) -> &'a TextRun {
    runs(page).into_iter().find(|r| r.text == text).unwrap_or_else(|| panic!("no run {text:?} on the page"))
}

/// Everything printed, as one line of words (for phrases that a line break may split).
pub(crate) fn flat(pages: &[Page]) -> String {
    let words: Vec<&str> = pages.iter().flat_map(runs).flat_map(|r| r.text.split_whitespace()).collect();
    words.join(" ")
}

fn close(a: f32, b: f32, tolerance: f32) -> bool {
    (a - b).abs() <= tolerance
}

/// No text outside the margins (page numbers sit in the top margin by rule) and nothing below the bottom margin.
pub(crate) fn assert_inside_margins(pages: &[Page]) {
    for (i, page) in pages.iter().enumerate() {
        let right = page.width - rules::MARGIN_RIGHT;
        for r in runs(page) {
            if r.baseline < rules::MARGIN_TOP {
                assert_eq!(Some(r.text.clone()), page.number.map(|n| n.to_string()), "page {}: only the number", i + 1);
                continue;
            }
            assert!(r.x >= rules::MARGIN_LEFT - 0.01, "page {}: {:?} starts at {} mm", i + 1, r.text, r.x);
            assert!(r.x + r.width <= right + 0.05, "page {}: {:?} ends at {} mm", i + 1, r.text, r.x + r.width);
            assert!(r.baseline <= page.height - rules::MARGIN_BOTTOM, "page {}: {:?} below the margin", i + 1, r.text);
        }
        for item in &page.items {
            if let Item::Rule(rule) = item {
                assert!(
                    rule.y1.max(rule.y2) <= page.height - rules::MARGIN_BOTTOM + 0.01,
                    "page {}: rule too low",
                    i + 1
                );
            }
        }
    }
}

// ---- Seed 001: a real ward's 6-month report ----

/// Enters the facts of seed 001 (phường Trần Phú, 6 tháng 2021): 117 procedures posted in 11 fields, quota 20 with
/// 18 present, ISO 9001:2015 announced by 36/QĐ-UBND of 15/10/2019, and the four plans by number and date.
fn seed_001() -> TestRegister {
    let dir = tempfile::tempdir().unwrap();
    let fields = [
        "Tư pháp - Hộ tịch",
        "Chứng thực",
        "Đất đai",
        "Xây dựng",
        "Bảo trợ xã hội",
        "Người có công",
        "Bảo hiểm y tế",
        "Khiếu nại, tố cáo",
        "Tôn giáo",
        "Giáo dục và đào tạo",
        "Văn phòng",
    ];
    let procedures: Vec<ProcedureInput> = (0..117)
        .map(|i| {
            let mut p = procedure(&format!("1.{:06}", 100 + i), &format!("Thủ tục số {}", i + 1), fields[i % 11]);
            p.in_iso_scope = i < 40;
            p
        })
        .collect();
    let app = App::create_with_data(
        &dir.path().join("register.cchc"),
        profile(),
        &procedures,
        &[],
        Assets::bundled(),
        clock(),
        &no_progress,
    )
    .unwrap();
    let mut t = TestRegister { dir, app };
    t.app.set_quota(Quota { year: 2021, category: "can_bo".into(), quota: 10, basis: Decision::default() }).unwrap();
    t.app.set_quota(Quota { year: 2021, category: "cong_chuc".into(), quota: 10, basis: Decision::default() }).unwrap();
    for i in 1..=9 {
        for category in ["can_bo", "cong_chuc"] {
            let name = format!("{} {i}", if category == "can_bo" { "Cán bộ" } else { "Công chức" });
            let person = PersonInput {
                name,
                category: category.into(),
                joined: Some(d("01/01/2020")),
                standard_met: true,
                ..Default::default()
            };
            t.app.add_person(person).unwrap();
        }
    }
    t.app.set_iso_version(IsoVersion::V2015).unwrap();
    let scope = t.app.iso_scope_codes().unwrap();
    t.app
        .add_iso_announcement(AnnouncementInput {
            number: "36/QĐ-UBND".into(),
            date: d("15/10/2019"),
            kind: AnnouncementKind::Announce,
            version: IsoVersion::V2015,
            procedures: scope,
        })
        .unwrap();
    for (kind, number, date, title) in [
        (PlanKind::Annual, "25/KH-UBND", "21/12/2021", "Cải cách hành chính năm 2021"),
        (PlanKind::Propaganda, "01/KH-UBND", "04/01/2021", "Tuyên truyền cải cách hành chính Nhà nước năm 2021"),
        (PlanKind::TthcControl, "09/KH-UBND", "10/03/2021", "Công tác kiểm soát thủ tục hành chính năm 2021"),
        (PlanKind::SelfInspection, "27/KH-UBND", "31/12/2020", "Tự kiểm tra thực hiện cải cách hành chính năm 2021"),
    ] {
        t.app
            .add_plan(PlanInput { kind, number: number.into(), date: d(date), year: 2021, title: title.into() })
            .unwrap();
    }
    t
}

#[test]
fn seed_001_six_month_report_states_its_facts() {
    let t = seed_001();
    let pages = t.app.report_pages(ReportKind::Periodic, period("2021-H1")).unwrap();
    let text = flat(&pages);
    for phrase in [
        "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính 6 tháng năm 2021",
        "niêm yết công khai 117 thủ tục hành chính thuộc 11 lĩnh vực",
        "được giao là 20 biên chế",
        "có mặt là 18 người",
        "số biên chế chưa tuyển dụng được là 2 người",
        "Quyết định số 36/QĐ-UBND",
        "Ngày 15/10/2019",
        "TCVN ISO 9001:2015",
        "Kế hoạch số 25/KH-UBND ngày 21/12/2021 về cải cách hành chính năm 2021",
        "Kế hoạch số 01/KH-UBND ngày 04/01/2021",
        "Kế hoạch số 09/KH-UBND ngày 10/03/2021",
        "Kế hoạch số 27/KH-UBND ngày 31/12/2020",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2021",
        "Trần Phú, ngày tháng năm 2026",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Văn Hùng",
    ] {
        assert!(text.contains(phrase), "the report should say {phrase:?}:\n{text}");
    }
    // What a person reads at the top of page 1.
    let top: Vec<String> = layout::read(&pages[0]).lines().take(9).map(String::from).collect();
    insta::assert_snapshot!(top.join("\n"), @r"
    ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    THÀNH PHỐ HẢI PHÒNG | Độc lập - Tự do - Hạnh phúc
    ỦY BAN NHÂN DÂN
    PHƯỜNG TRẦN PHÚ
    Số:       /BC-UBND | Trần Phú, ngày      tháng      năm 2026
    BÁO CÁO
    Kết quả thực hiện công tác cải cách hành chính 6 tháng năm 2021
    Kính gửi: | Sở Nội vụ thành phố Hải Phòng.
    Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, Ủy ban
    ");
}

// ---- Layout rules of NĐ 30/2020 on the page model ----

#[test]
fn page_one_follows_the_decree_layout() {
    let t = seed_001();
    let pages = t.app.report_pages(ReportKind::Periodic, period("2021-H1")).unwrap();
    let p1 = &pages[0];
    assert_eq!((p1.width, p1.height), (210.0, 297.0), "A4 portrait");
    assert_eq!(p1.number, None, "the first page is not numbered");
    let left_centre = rules::MARGIN_LEFT + (rules::HEADER_LEFT_WIDTH - rules::COLUMN_GAP) / 2.0;
    let right_centre = (rules::MARGIN_LEFT + rules::HEADER_LEFT_WIDTH + 210.0 - rules::MARGIN_RIGHT) / 2.0;
    let text_centre = (rules::MARGIN_LEFT + 210.0 - rules::MARGIN_RIGHT) / 2.0;
    let centre = |r: &TextRun| r.x + r.width / 2.0;
    // Two columns: agency names centred on the left, motto and slogan on the right, first lines level.
    let superior = run(p1, "THÀNH PHỐ HẢI PHÒNG");
    let issuer = run(p1, "PHƯỜNG TRẦN PHÚ");
    let motto = run(p1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    let slogan = run(p1, "Độc lập - Tự do - Hạnh phúc");
    assert!(close(centre(superior), left_centre, 0.01) && close(centre(issuer), left_centre, 0.01));
    assert!(close(centre(motto), right_centre, 0.01) && close(centre(slogan), right_centre, 0.01));
    assert_eq!(
        (superior.style, issuer.style, motto.style, slogan.style),
        (Style::Regular, Style::Bold, Style::Bold, Style::Bold)
    );
    assert_eq!((issuer.size, motto.size, slogan.size), (13.0, 13.0, 13.0));
    assert!(close(runs(p1)[0].baseline, motto.baseline, 0.01), "the first agency line is level with the motto");
    // The rule under the slogan is as long as the slogan; the one under the agency 2/5 of its widest line.
    let rules_on_page: Vec<_> = p1
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Rule(r) => Some(r),
            _ => None,
        })
        .collect();
    let slogan_rule =
        rules_on_page.iter().find(|r| r.x1 > 98.0 && r.y1 < 40.0).unwrap_or_else(|| panic!("{rules_on_page:?}"));
    assert!(close(slogan_rule.x2 - slogan_rule.x1, slogan.width, 0.01));
    assert!(slogan_rule.y1 > slogan.baseline, "the rule is under the slogan");
    let agency_rule = rules_on_page.iter().find(|r| r.x2 < 98.0 && r.y1 < 60.0).unwrap();
    let widest = run(p1, "ỦY BAN NHÂN DÂN").width.max(issuer.width);
    assert!(close(agency_rule.x2 - agency_rule.x1, widest * rules::AGENCY_RULE_FRACTION, 0.01));
    assert!(close((agency_rule.x1 + agency_rule.x2) / 2.0, left_centre, 0.01));
    // "Số:" under the agency, the italic place-and-date line under the slogan, on one baseline.
    let number = runs(p1).into_iter().find(|r| r.text.starts_with("Số:")).unwrap();
    let date = runs(p1).into_iter().find(|r| r.text.starts_with("Trần Phú, ngày")).unwrap();
    assert!(close(number.baseline, date.baseline, 0.01));
    assert!(close(centre(number), left_centre, 0.01) && close(centre(date), right_centre, 0.01));
    assert_eq!((number.size, date.size, date.style), (13.0, 14.0, Style::Italic));
    // Title and subject centred, bold 14.
    let title = run(p1, "BÁO CÁO");
    assert!(close(centre(title), text_centre, 0.01));
    assert_eq!((title.size, title.style), (14.0, Style::Bold));
    let subject = run(p1, "Kết quả thực hiện công tác cải cách hành chính 6 tháng năm 2021");
    assert!(close(centre(subject), text_centre, 0.01) && subject.style == Style::Bold);
    // Body: 14 pt, first line indented 1 cm, justified lines end exactly at the right margin.
    let opening = runs(p1).into_iter().find(|r| r.text.starts_with("Thực hiện chế độ báo cáo")).unwrap();
    assert_eq!(opening.size, 14.0);
    assert!(close(opening.x, rules::MARGIN_LEFT + rules::FIRST_LINE_INDENT, 0.001));
    let justified: Vec<_> = runs(p1).into_iter().filter(|r| r.space_extra > 0.0).collect();
    assert!(justified.len() > 5);
    for r in justified {
        assert!(close(r.x + r.width, 210.0 - rules::MARGIN_RIGHT, 0.01), "{:?} ends at {}", r.text, r.x + r.width);
    }
    assert_inside_margins(&pages);
}

#[test]
fn pages_are_numbered_in_the_top_margin_from_page_two_and_appendices_restart() {
    let t = seed_001();
    let pages = t.app.report_pages(ReportKind::Periodic, period("2021-H1")).unwrap();
    assert!(pages.len() >= 7, "body, 4 appendices and the procedure list: {} pages", pages.len());
    assert_eq!(pages[1].number, Some(2));
    let number = run(&pages[1], "2");
    assert!(close(number.x + number.width / 2.0, 105.0, 0.01), "centred");
    assert!(number.baseline < rules::MARGIN_TOP && number.size == 13.0 && number.style == Style::Regular);
    // Each appendix starts a page of its own, unnumbered, with its heading and reference line.
    let starts: Vec<usize> = (0..pages.len()).filter(|&i| layout::read(&pages[i]).starts_with("Phụ lục")).collect();
    assert_eq!(starts.len(), 4, "Phụ lục I–IV");
    for &i in &starts {
        assert_eq!(pages[i].number, None);
        let text = flat(&pages[i..=i]);
        assert!(
            text.contains("(Kèm theo Báo cáo số …/BC-UBND ngày …/…/2026 của Ủy ban nhân dân phường Trần Phú)"),
            "{text}"
        );
    }
    // Phụ lục I (Biểu 06) is landscape, the others portrait.
    assert_eq!((pages[starts[0]].width, pages[starts[0]].height), (297.0, 210.0));
    assert_eq!(pages[starts[1]].width, 210.0);
    // The procedure list (117 rows) runs over pages numbered 2, 3 … of its own.
    assert_eq!(pages[starts[1] + 1].number, Some(2));
}

#[test]
fn a_long_report_breaks_pages_and_repeats_table_headers() {
    // 300 procedures and 100 tasks.
    let dir = tempfile::tempdir().unwrap();
    let fields = ["Hộ tịch", "Chứng thực", "Đất đai", "Bảo trợ xã hội", "Người có công", "Văn hóa"];
    let procedures: Vec<ProcedureInput> = (0..300)
        .map(|i| {
            let name = format!(
                "Thủ tục đăng ký, cấp, cấp lại giấy chứng nhận số {} theo quy định của pháp luật hiện hành",
                i + 1
            );
            procedure(&format!("2.{:06}", 1000 + i), &name, fields[i % fields.len()])
        })
        .collect();
    let stats: Vec<StatsRow> = fields
        .iter()
        .map(|f| StatsRow {
            period: period("2026"),
            field: f.to_string(),
            procedure: None,
            figures: CaseFigures {
                received_total: 120,
                received_online: 70,
                received_direct: 50,
                resolved_total: 118,
                resolved_early: 60,
                resolved_on_time: 57,
                resolved_late: 1,
                in_progress_total: 2,
                in_progress_within: 2,
                apology_letters: 1,
                ..Default::default()
            },
        })
        .collect();
    let mut app = App::create_with_data(
        &dir.path().join("r.cchc"),
        profile(),
        &procedures,
        &stats,
        Assets::bundled(),
        clock(),
        &no_progress,
    )
    .unwrap();
    app.add_plan(PlanInput {
        kind: PlanKind::Annual,
        number: "01/KH-UBND".into(),
        date: d("05/01/2026"),
        year: 2026,
        title: "Cải cách hành chính năm 2026".into(),
    })
    .unwrap();
    let areas = ["the_che", "tthc", "bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so"];
    for i in 0..100 {
        let mut task = TaskInput::new(
            2026,
            "01/KH-UBND",
            areas[i % areas.len()],
            &format!("Nhiệm vụ {} của kế hoạch: rà soát, đánh giá và báo cáo kết quả thực hiện", i + 1),
        );
        task.owner = "Văn phòng - Thống kê".into();
        task.deadline = Some(d("30/11/2026"));
        task.status = if i % 3 == 0 { TaskStatus::Done } else { TaskStatus::InProgress };
        task.percent = if i % 3 == 0 { 100 } else { 50 };
        app.add_task(task).unwrap();
    }
    let pages = app.report_pages(ReportKind::Periodic, period("2026")).unwrap();
    assert_inside_margins(&pages);
    assert!(pages.len() > 20, "{} pages", pages.len());
    // Every page of a table after the first begins with the table's header row.
    let procedure_header = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "DVC trực", "tuyến", "Một cửa"];
    let task_header = ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng", "Tiến độ"];
    let mut continued = (0, 0);
    for page in &pages {
        let text = layout::read(page);
        // What is printed above the page's first numbered row, below the page number.
        let above: Vec<&str> = text
            .lines()
            .skip(usize::from(page.number.is_some()))
            .take_while(|l| l.split(" | ").next().is_none_or(|c| c.parse::<u32>().is_err()))
            .collect();
        let above = above.join(" | ");
        let cells: Vec<&str> = above.split(" | ").collect();
        if page.number.is_some() && text.contains("Thủ tục đăng ký, cấp") {
            assert!(procedure_header.iter().all(|h| cells.contains(h)), "a continued procedure page:\n{text}");
            assert!(cells.len() <= 7, "only the header above the rows:\n{text}");
            assert!(!text.trim_end().ends_with("thủ tục)"), "a field's group row keeps with its first row:\n{text}");
            continued.0 += 1;
        }
        if page.number.is_some() && text.contains(" | Văn phòng -") {
            assert!(task_header.iter().all(|h| cells.contains(h)), "a continued task page:\n{text}");
            continued.1 += 1;
        }
    }
    assert!(continued.0 >= 5 && continued.1 >= 3, "continued pages: {continued:?}");
    // Rows are never split: each procedure's number appears in exactly one row, on one page.
    let all = flat(&pages);
    for i in [1, 150, 300] {
        assert_eq!(all.matches(&format!("2.{:06} ", 1000 + i - 1)).count(), 1);
    }
    // The PDF is written in well under a second even in a debug build.
    let bytes = app.report_pdf(ReportKind::Periodic, period("2026")).unwrap();
    let tools = Tools::new(&bytes);
    assert_eq!(tools.pages(), pages.len());
}

/// Paragraphs never leave one line alone at the foot or head of a page; a word longer than the line is cut.
#[test]
fn no_lone_lines_at_page_breaks_and_no_word_past_the_margin() {
    let printer = TestRegister::new();
    let mut blocks = Vec::new();
    for k in 0..60 {
        if k % 5 == 4 {
            blocks.push(Block::Heading { level: layout::HeadingLevel::Clause, text: format!("Mục {k}") });
        }
        let words = (k % 7 + 2) * 20;
        blocks.push(Block::Paragraph(vec![format!("p{k}"); words].join(" ")));
    }
    blocks.push(Block::Paragraph(format!("{} kết thúc", "1.000001.H61".repeat(30))));
    let doc = Document { title: "t".into(), parts: vec![Part { orientation: Orientation::Portrait, blocks }] };
    let laid = printer.app.lay_out(&doc).unwrap();
    assert_inside_margins(&laid);
    // Lines of paragraph k on each page.
    let mut split = 0;
    for k in 0..60 {
        let tag = format!("p{k} ");
        let per_page: Vec<usize> = laid
            .iter()
            .map(|p| runs(p).iter().filter(|r| format!("{} ", r.text).starts_with(&tag)).count())
            .filter(|&n| n > 0)
            .collect();
        if per_page.len() > 1 {
            split += 1;
            assert!(per_page.iter().all(|&n| n >= 2), "paragraph {k} split as {per_page:?}");
        }
    }
    assert!(split > 0, "some paragraph should cross a page");
    // A heading keeps with what follows it: never the last line of a page.
    for page in &laid {
        let last = runs(page).into_iter().max_by(|a, b| a.baseline.total_cmp(&b.baseline)).unwrap();
        assert!(!last.text.starts_with("Mục"), "{:?} ends a page", last.text);
    }
}

// ---- The PDF ----

/// The PDF tools a person would use to check a file (poppler-utils, qpdf).
pub(crate) struct Tools {
    dir: tempfile::TempDir,
}

impl Tools {
    pub(crate) fn new(bytes: &[u8]) -> Tools {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("r.pdf"), bytes).unwrap();
        Tools { dir }
    }

    pub(crate) fn run(&self, tool: &str, args: &[&str]) -> (bool, String) {
        let out = Command::new(tool)
            .args(args)
            .arg(self.dir.path().join("r.pdf"))
            .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
            .output()
            .unwrap_or_else(|e| panic!("{tool} is needed (scripts/app-deps.sh installs poppler-utils and qpdf): {e}"));
        (out.status.success(), String::from_utf8(out.stdout).unwrap())
    }

    /// pdftotext gives back every word that was laid out on `pages`, in NFC.
    pub(crate) fn assert_gives_back(&self, pages: &[Page]) {
        let (_, extracted) = self.run("pdftotext", &[]);
        assert!(extracted.nfc().eq(extracted.chars()), "extracted text is NFC");
        assert!(!extracted.contains('\u{FFFD}'));
        let mut expected: Vec<String> = flat(pages).split(' ').map(String::from).collect();
        let mut got: Vec<String> = extracted.split_whitespace().map(String::from).collect();
        expected.sort();
        got.sort();
        assert_eq!(got, expected);
    }

    pub(crate) fn pages(&self) -> usize {
        let (_, info) = self.run("pdfinfo", &[]);
        let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
        line.split_whitespace().last().unwrap().parse().unwrap()
    }
}

#[test]
fn the_pdf_gives_back_its_text_embeds_subset_fonts_and_passes_qpdf() {
    let t = seed_001();
    let key = period("2021-H1");
    let bytes = t.app.report_pdf(ReportKind::Periodic, key).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let pages = t.app.report_pages(ReportKind::Periodic, key).unwrap();
    let tools = Tools::new(&bytes);
    assert_eq!(tools.pages(), pages.len());
    let (ok, check) = tools.run("qpdf", &["--check"]);
    assert!(ok, "qpdf --check:\n{check}");
    let (_, info) = tools.run("pdfinfo", &[]);
    assert!(!info.contains("PDF/X") && info.contains("CreationDate:"), "{info}");
    // Four styles, each embedded as a subset (a six-capital-letter tag), with a Unicode map.
    let (_, fonts) = tools.run("pdffonts", &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 4, "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let name = cols[0];
        assert!(name.len() > 7 && name[..6].bytes().all(|b| b.is_ascii_uppercase()) && &name[6..7] == "+", "{row}");
        assert!(name.contains("LiberationSerif"), "{row}");
        assert_eq!(&cols[cols.len() - 5..cols.len() - 2], ["yes", "yes", "yes"], "emb sub uni: {row}");
    }
    tools.assert_gives_back(&pages);
}

#[test]
fn the_same_register_report_and_clock_give_the_same_bytes() {
    let t = seed_001();
    let key = period("2021-H1");
    let first = t.app.report_pdf(ReportKind::Periodic, key).unwrap();
    let second = t.app.report_pdf(ReportKind::Periodic, key).unwrap();
    assert!(first == second, "byte-identical within one process");
    let stats = t.app.report_pdf(ReportKind::Stats, key).unwrap();
    assert!(stats == t.app.report_pdf(ReportKind::Stats, key).unwrap());
    // Another app on the same register file, same clock: same bytes.
    let (dir, path) = t.close();
    let again = App::open(&path, Assets::bundled(), clock()).unwrap();
    assert!(again.report_pdf(ReportKind::Periodic, key).unwrap() == first);
    drop(dir);
}

#[test]
fn biểu_06_alone_is_landscape_with_three_header_rows() {
    let (_dir, app) = {
        let dir = tempfile::tempdir().unwrap();
        let (app, _) = App::create_demo(dir.path(), Assets::bundled(), clock(), &no_progress).unwrap();
        (dir, app)
    };
    let pages = app.report_pages(ReportKind::Stats, period("2026-H1")).unwrap();
    assert!(pages.iter().all(|p| (p.width, p.height) == (297.0, 210.0)));
    assert_inside_margins(&pages);
    let text = flat(&pages);
    for phrase in [
        "Biểu số 06/VPCP/KSTT",
        "Kỳ báo cáo: 6 tháng năm 2026 (từ ngày 15/12/2025 đến ngày 14/06/2026)",
        "Số hồ sơ nhận giải quyết",
        "Số hồ sơ đã giải quyết",
        "Số hồ sơ đang giải quyết",
        "(13)",
        "Tổng cộng",
    ] {
        assert!(text.contains(phrase), "{phrase:?} in {text}");
    }
    // Continued pages repeat the three header rows, above the first row of figures.
    assert!(pages.len() >= 2);
    for page in pages.iter().skip(1) {
        let read = layout::read(page);
        if !read.lines().any(|l| l.matches(" | ").count() >= 12) {
            continue; // the signature alone
        }
        let numbers = read.lines().position(|l| l.starts_with("(1) | (2) | (3)")).expect("column numbers");
        let groups = read.lines().position(|l| l.starts_with("Số hồ sơ nhận giải quyết")).expect("groups");
        assert!(groups < numbers && numbers <= 8, "{read}");
    }
    let bytes = app.report_pdf(ReportKind::Stats, period("2026-H1")).unwrap();
    assert_eq!(Tools::new(&bytes).pages(), pages.len());
}

// ---- Drafts, edits, the outgoing-document register ----

#[test]
fn an_edited_section_survives_reprinting_and_reset_brings_the_draft_back() {
    let mut t = seed_001();
    let key = period("2021-H1");
    let before = t.app.report_sections(ReportKind::Periodic, key).unwrap();
    assert_eq!(before.len(), 10);
    assert!(before.iter().all(|s| s.edited.is_none()));
    let log = t.app.change_log(1000).unwrap().len();
    // Typed on a system that sends decomposed Vietnamese (NFD): kept and printed as NFC.
    let typed =
        "Ban hành Nghị quyết về phát triển\tkinh tế - xã hội.\n\n1. Kiểm tra văn bản\nĐã tự kiểm tra 12 văn bản."
            .nfd()
            .collect::<String>();
    let section = t.app.set_report_section(ReportKind::Periodic, key, "II.1", Some(&typed)).unwrap();
    let kept = section.edited.unwrap();
    assert!(kept.nfc().eq(kept.chars()));
    assert_eq!(t.app.change_log(1000).unwrap().len(), log + 1);
    // Saving the same text again changes nothing.
    t.app.set_report_section(ReportKind::Periodic, key, "II.1", Some(&typed)).unwrap();
    assert_eq!(t.app.change_log(1000).unwrap().len(), log + 1);
    // The register changes; the edited section stays, the drafts follow the register.
    t.app.add_procedure(procedure("1.999999", "Thủ tục mới", "Văn phòng")).unwrap();
    let text = flat(&t.app.report_pages(ReportKind::Periodic, key).unwrap());
    assert!(text.contains("Ban hành Nghị quyết về phát triển kinh tế - xã hội."));
    assert!(text.contains("1. Kiểm tra văn bản"));
    assert!(text.contains("niêm yết công khai 118 thủ tục hành chính"));
    assert!(
        !text.contains("tiếp tục thực hiện công tác xây dựng, rà soát văn bản quy phạm pháp luật"),
        "the II.1 draft is replaced"
    );
    // Reset: the draft is printed again.
    let reset = t.app.set_report_section(ReportKind::Periodic, key, "II.1", None).unwrap();
    assert!(reset.edited.is_none());
    let text = flat(&t.app.report_pages(ReportKind::Periodic, key).unwrap());
    assert!(
        !text.contains("Kiểm tra văn bản")
            && text.contains("tiếp tục thực hiện công tác xây dựng, rà soát văn bản quy phạm pháp luật")
    );
    // Unknown sections are refused.
    let err = t.app.set_report_section(ReportKind::Periodic, key, "VI", Some("x")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn issuing_takes_the_next_number_of_the_year_and_drafts_take_none() {
    let mut t = seed_001();
    let h1 = period("2021-H1");
    // Printing a draft takes no number.
    t.app.report_pdf(ReportKind::Periodic, h1).unwrap();
    assert!(t.app.outgoing_documents(None).unwrap().is_empty());
    let first = t.app.issue_report(ReportKind::Periodic, h1, Some(d("05/01/2026")), None).unwrap();
    assert_eq!((first.input.number, first.input.number_text()), (1, "01/BC-UBND".to_string()));
    let page = &t.app.report_pages(ReportKind::Periodic, h1).unwrap()[0];
    let read = layout::read(page);
    assert!(read.contains("Số: 01/BC-UBND | Trần Phú, ngày 05 tháng 01 năm 2026"), "{read}");
    let appendix = t.app.report_pages(ReportKind::Periodic, h1).unwrap();
    let text = flat(&appendix);
    assert!(text.contains("(Kèm theo Báo cáo số 01/BC-UBND ngày 05/01/2026 của Ủy ban nhân dân phường Trần Phú)"));
    // The next number of the year; a number below 10 keeps its leading zero; the symbol has no spaces.
    let second = t.app.issue_report(ReportKind::Stats, h1, Some(d("12/03/2026")), None).unwrap();
    assert_eq!(second.input.number_text(), "02/BC-UBND");
    let chosen = t.app.issue_report(ReportKind::Periodic, period("2021-Q3"), Some(d("20/03/2026")), Some(5)).unwrap();
    assert_eq!(chosen.input.number_text(), "05/BC-UBND");
    let read = layout::read(&t.app.report_pages(ReportKind::Periodic, period("2021-Q3")).unwrap()[0]);
    assert!(read.contains("Số: 05/BC-UBND | Trần Phú, ngày 20 tháng 3 năm 2026"), "months from March: no zero\n{read}");
    // Numbering restarts with the year.
    let next_year = t.app.issue_report(ReportKind::Periodic, period("2021"), Some(d("04/01/2027")), None).unwrap();
    assert_eq!(next_year.input.number_text(), "01/BC-UBND");
    // A report is issued once; a number is used once a year; numbers start at 1.
    let again = t.app.issue_report(ReportKind::Periodic, h1, Some(d("06/01/2026")), None).unwrap_err();
    assert_eq!(again.code(), ErrorCode::AlreadyExists);
    let taken = t.app.issue_report(ReportKind::Stats, period("2021"), Some(d("06/01/2026")), Some(2)).unwrap_err();
    assert_eq!(taken.code(), ErrorCode::AlreadyExists);
    let zero = t.app.issue_report(ReportKind::Stats, period("2021"), Some(d("06/01/2026")), Some(0)).unwrap_err();
    assert_eq!(zero.code(), ErrorCode::Invalid);
    // The issued report keeps its words: the register changes, its sections do not; edits are refused.
    let issued_text = flat(&t.app.report_pages(ReportKind::Periodic, h1).unwrap());
    assert!(issued_text.contains("niêm yết công khai 117 thủ tục hành chính"));
    t.app.add_procedure(procedure("1.999999", "Thủ tục mới", "Văn phòng")).unwrap();
    let reprinted = flat(&t.app.report_pages(ReportKind::Periodic, h1).unwrap());
    assert!(reprinted.contains("niêm yết công khai 117 thủ tục hành chính"), "the issued text stays");
    let edit = t.app.set_report_section(ReportKind::Periodic, h1, "V", Some("Sửa sau khi ban hành.")).unwrap_err();
    assert_eq!(edit.code(), ErrorCode::ReportIssued);
    assert!(t.app.report_sections(ReportKind::Periodic, h1).unwrap().iter().all(|s| s.edited.is_some()));
    let register: Vec<String> = t
        .app
        .outgoing_documents(Some(2026))
        .unwrap()
        .iter()
        .map(|o| format!("{} {} {}", o.input.number_text(), o.input.date.format("%d/%m/%Y"), o.input.signer))
        .collect();
    assert_eq!(
        register,
        [
            "01/BC-UBND 05/01/2026 Nguyễn Văn Hùng",
            "02/BC-UBND 12/03/2026 Nguyễn Văn Hùng",
            "05/BC-UBND 20/03/2026 Nguyễn Văn Hùng"
        ]
    );
    let log = t.app.change_log(10).unwrap();
    assert_eq!(log.iter().filter(|e| e.entity == "outgoing_document").count(), 4);
}

#[test]
fn text_the_font_cannot_draw_is_a_coded_error() {
    // The user saw empty boxes in the printed report where a pasted symbol had been.
    let mut t = TestRegister::new();
    t.app.set_report_section(ReportKind::Periodic, period("2026"), "V", Some("Đề nghị hỗ trợ kinh phí 漢 ☃.")).unwrap();
    let err = t.app.report_pdf(ReportKind::Periodic, period("2026")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::MissingGlyphs);
    assert!(err.to_string().contains('漢') && err.to_string().contains('☃'), "{err}");
}

#[test]
fn an_empty_register_still_prints_a_complete_draft() {
    let t = TestRegister::new();
    let pages = t.app.report_pages(ReportKind::Periodic, period("2026-Q1")).unwrap();
    let text = flat(&pages);
    for phrase in ["I. CÔNG TÁC CHỈ ĐẠO", "V. ĐỀ XUẤT, KIẾN NGHỊ", "(Không có số liệu)", "Phụ lục IV"]
    {
        assert!(text.contains(phrase), "{phrase}");
    }
    assert_inside_margins(&pages);
    let stats = t.app.report_pages(ReportKind::Stats, period("2026-Q1")).unwrap();
    assert!(stats.len() <= 2);
    assert_inside_margins(&stats);
}

#[test]
fn a_deputy_signs_for_the_chairman_with_kt() {
    let mut t = TestRegister::new();
    let mut unit = t.app.unit().unwrap();
    unit.signer = cchc::model::Signer {
        name: "Trần Thị Mai".into(),
        title: "Phó Chủ tịch".into(),
        authority: cchc::model::SignAuthority::Kt,
    };
    unit.copies_to = cchc::api::with_standard_copies(&["Sở Nội vụ".into(), "Đảng ủy phường".into()]);
    t.app.set_unit(unit).unwrap();
    let pages = t.app.report_pages(ReportKind::Periodic, period("2026-H1")).unwrap();
    let body_end = pages.iter().position(|p| layout::read(p).starts_with("Phụ lục")).unwrap() - 1;
    let last = &pages[body_end];
    let authority = run(last, "KT. CHỦ TỊCH");
    let title = run(last, "PHÓ CHỦ TỊCH");
    let name = run(last, "Trần Thị Mai");
    let copies = run(last, "Nơi nhận:");
    assert_eq!((authority.style, title.style, name.style), (Style::Bold, Style::Bold, Style::Bold));
    assert_eq!((copies.style, copies.size), (Style::BoldItalic, 12.0));
    assert!(close(copies.baseline, authority.baseline, 0.01), "Nơi nhận level with the authority line");
    assert!(close(copies.x, rules::MARGIN_LEFT, 0.001));
    assert!(name.baseline - title.baseline >= rules::SIGNATURE_SPACE, "room to sign and stamp");
    let centre = |r: &TextRun| r.x + r.width / 2.0;
    assert!(close(centre(name), centre(title), 0.01) && close(centre(authority), centre(title), 0.01));
    let read = layout::read(last);
    assert!(
        read.contains("- Như trên;")
            && read.contains("- Sở Nội vụ;")
            && read.contains("- Đảng ủy phường;")
            && read.contains("- Lưu: VT."),
        "{read}"
    );
}

#[test]
fn the_report_compares_with_the_same_period_of_the_year_before() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = App::create_demo(dir.path(), Assets::bundled(), clock(), &no_progress).unwrap();
    let before = app.stats(period("2024")).unwrap().total;
    let text = flat(&app.report_pages(ReportKind::Periodic, period("2025")).unwrap());
    let expected = format!("Cùng kỳ năm 2024, đã tiếp nhận {} hồ sơ", thousands(before.received_total));
    assert!(text.contains(&expected), "{expected} in {text}");
    // The year report draws the on-time rate of each period beside the year before's: 8 bars and 2 legend keys.
    let pages = app.report_pages(ReportKind::Periodic, period("2025")).unwrap();
    let page =
        pages.iter().find(|p| layout::read(p).contains("Tỷ lệ hồ sơ giải quyết đúng hạn theo kỳ báo cáo")).unwrap();
    let boxes = page.items.iter().filter(|i| matches!(i, Item::Box(_))).count();
    assert_eq!(boxes, 10);
    assert!(layout::read(page).contains("Quý I | 6 tháng | 9 tháng | Năm"));
    assert_inside_margins(&pages);
    let bytes = app.report_pdf(ReportKind::Periodic, period("2025")).unwrap();
    let (ok, check) = Tools::new(&bytes).run("qpdf", &["--check"]);
    assert!(ok, "{check}");
    let h1 = app.report_pages(ReportKind::Periodic, period("2025-H1")).unwrap();
    assert!(
        h1.iter().all(|p| p.items.iter().all(|i| !matches!(i, Item::Box(_)))),
        "only the year report has the chart"
    );
    // The first year on record has nothing to compare with.
    let text = flat(&app.report_pages(ReportKind::Periodic, period("2024")).unwrap());
    assert!(!text.contains("Cùng kỳ năm 2023"));
}

#[test]
fn the_signature_never_stands_alone_on_a_page() {
    // Whatever the length of the body, the page with the signature also has the closing paragraph.
    let printer = TestRegister::new();
    for n in 10..40 {
        let mut blocks: Vec<Block> =
            (0..n).map(|k| Block::Paragraph(vec![format!("đoạn{k}"); 12 + k % 9].join(" "))).collect();
        blocks.push(Block::Paragraph("Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính./.".into()));
        blocks.push(Block::Closing(layout::Closing {
            place_date: None,
            authority: vec!["TM. ỦY BAN NHÂN DÂN".into(), "CHỦ TỊCH".into()],
            signer: "Nguyễn Văn Hùng".into(),
            copies_label: "Nơi nhận:".into(),
            copies: vec!["- Như trên;".into(), "- Lưu: VT.".into()],
        }));
        let doc = Document { title: "t".into(), parts: vec![Part { orientation: Orientation::Portrait, blocks }] };
        let laid = printer.app.lay_out(&doc).unwrap();
        assert_inside_margins(&laid);
        let last = layout::read(laid.last().unwrap());
        assert!(last.contains("Nguyễn Văn Hùng") && last.contains("Trên đây là báo cáo"), "n={n}:\n{last}");
    }
}

#[test]
fn decomposed_text_is_laid_out_as_nfc() {
    // Text pasted from some systems arrives decomposed; the page must carry the composed letters.
    let printer = TestRegister::new();
    let nfd: String = "Ủy ban nhân dân phường Trần Phú".nfd().collect();
    let doc = Document {
        title: "t".into(),
        parts: vec![Part { orientation: Orientation::Portrait, blocks: vec![Block::Paragraph(nfd)] }],
    };
    let laid = printer.app.lay_out(&doc).unwrap();
    assert_eq!(layout::read(&laid[0]), "Ủy ban nhân dân phường Trần Phú");
}

#[test]
fn a_table_row_taller_than_a_page_continues_on_the_next_under_the_header() {
    // An explanation pasted into one cell can be longer than a page: every word is printed, inside the margins,
    // in order, with the header row on each page the row crosses.
    let printer = TestRegister::new();
    let long: Vec<String> = (0..2000).map(|k| format!("từ{k}")).collect();
    let table = layout::Table {
        size: rules::TABLE_SIZE,
        columns: vec![
            layout::Column { weight: 12.0, align: layout::Align::Center },
            layout::Column { weight: 153.0, align: layout::Align::Left },
        ],
        header: vec![header_cell("STT", 0), header_cell("Giải trình", 1)],
        header_rows: 1,
        rows: vec![
            layout::Row::new(["1".to_string(), long.join(" ")]),
            layout::Row::new(["2".to_string(), "Dòng ngắn phía sau".to_string()]),
        ],
    };
    let title =
        Block::AppendixTitle {
            label: "Phụ lục II".into(), name: "GIẢI TRÌNH".into(), reference: "(Kèm theo)".into()
        };
    let doc = Document {
        title: "t".into(),
        parts: vec![Part { orientation: Orientation::Portrait, blocks: vec![title, Block::Table(table)] }],
    };
    let laid = printer.app.lay_out(&doc).unwrap();
    assert!(laid.len() >= 3, "{} pages", laid.len());
    // The appendix title is not left alone: the tall first row starts under it.
    assert!(layout::read(&laid[0]).contains("từ0 từ1"), "{}", layout::read(&laid[0]));
    assert_inside_margins(&laid);
    let words: Vec<String> = flat(&laid).split(' ').map(String::from).collect();
    let printed: Vec<&String> = words.iter().filter(|w| w.starts_with("từ")).collect();
    assert_eq!(printed.len(), 2000, "every word once");
    assert!(printed.iter().enumerate().all(|(k, w)| **w == format!("từ{k}")), "in order");
    for page in &laid {
        assert!(layout::read(page).contains("STT | Giải trình"), "the header on every page:\n{}", layout::read(page));
    }
    assert!(flat(&laid).ends_with("2 Dòng ngắn phía sau"));
}

fn header_cell(text: &str, col: usize) -> layout::HeaderCell {
    layout::HeaderCell { text: text.to_string(), row: 0, rows: 1, col, cols: 1 }
}

// ---- Issue 15: columns that run together, rules on the letters, the Nơi nhận list ----

/// The hhea descender of the bundled bold face, in em: how far "g", "p", "y" reach below the baseline.
fn bold_descent_em() -> f32 {
    let font = &Assets::bundled().fonts.bold;
    let table = |tag: &[u8]| {
        let count = u16::from_be_bytes([font[4], font[5]]) as usize;
        (0..count)
            .map(|i| &font[12 + 16 * i..28 + 16 * i])
            .find(|record| &record[..4] == tag)
            .map(|record| u32::from_be_bytes([record[8], record[9], record[10], record[11]]) as usize)
            .unwrap()
    };
    let (head, hhea) = (table(b"head"), table(b"hhea"));
    let units_per_em = u16::from_be_bytes([font[head + 18], font[head + 19]]) as f32;
    let descender = i16::from_be_bytes([font[hhea + 6], font[hhea + 7]]) as f32;
    -descender / units_per_em
}

fn page_rules(page: &Page) -> Vec<&layout::Rule> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Rule(r) => Some(r),
            _ => None,
        })
        .collect()
}

/// The smallest horizontal space between a run of `left` and a run of `right` whose lines share some height.
fn closest_gap(left: &[&TextRun], right: &[&TextRun]) -> f32 {
    let mut gap = f32::INFINITY;
    for l in left {
        for r in right {
            let (lh, rh) = (l.size * rules::MM_PER_PT, r.size * rules::MM_PER_PT);
            let level = l.baseline - lh < r.baseline + 0.25 * rh && r.baseline - rh < l.baseline + 0.25 * lh;
            if level {
                gap = gap.min(r.x - (l.x + l.width));
            }
        }
    }
    gap
}

/// Page 1 of the 6-month report of a unit with these header lines.
fn page_one_with(superior: &str, issuer: &str) -> Page {
    let mut t = TestRegister::new();
    let mut unit = t.app.unit().unwrap();
    unit.superior_line = superior.into();
    unit.issuer_line = issuer.into();
    t.app.set_unit(unit).unwrap();
    t.app.report_pages(ReportKind::Periodic, period("2026-H1")).unwrap().remove(0)
}

#[test]
fn a_long_superior_agency_line_keeps_clear_of_the_national_motto() {
    // "UBND THÀNH PHỐ HẢI DƯƠNG" ran to within 2.3 pt of "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": one line to the eye.
    let names = [
        ("UBND THÀNH PHỐ HẢI DƯƠNG", "UBND PHƯỜNG TRẦN PHÚ"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ THỦ DẦU MỘT", "ỦY BAN NHÂN DÂN PHƯỜNG PHÚ CƯỜNG"),
        ("UBND HUYỆN ĐẮK GLONG", "UBND XÃ QUẢNG KHÊ"),
        ("UBND THÀNH PHỐ HẢI DƯƠNG", "ỦY BAN NHÂN DÂN PHƯỜNG NGỌC CHÂU"),
    ];
    let descent = bold_descent_em();
    for (superior, issuer) in names {
        let p1 = page_one_with(superior, issuer);
        let motto = run(&p1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        let slogan = run(&p1, "Độc lập - Tự do - Hạnh phúc");
        let number = runs(&p1).into_iter().find(|r| r.text.starts_with("Số:")).unwrap();
        let date = runs(&p1).into_iter().find(|r| r.text.starts_with("Trần Phú, ngày")).unwrap();
        // The agency lines: everything above the number line but the motto and slogan.
        let agency: Vec<&TextRun> = runs(&p1)
            .into_iter()
            .filter(|r| r.baseline < number.baseline - 1.0 && r.text != motto.text && r.text != slogan.text)
            .collect();
        let printed: Vec<&str> = agency.iter().flat_map(|r| r.text.split(' ')).collect();
        let expected: Vec<&str> = superior.split(' ').chain(issuer.split(' ')).collect();
        assert_eq!(printed, expected, "every word of both lines, in order");
        let gap = closest_gap(&agency, &[motto, slogan]);
        assert!(gap >= 3.5, "{superior}: {gap:.2} mm between the agency and the motto");
        assert!(closest_gap(&[number], &[date]) >= 3.5, "{superior}: number and date lines apart");
        assert_inside_margins(std::slice::from_ref(&p1));
        // The rule under the issuing agency: under its last line, centred on it, clear of its letters.
        let last = agency.iter().max_by(|a, b| a.baseline.total_cmp(&b.baseline)).unwrap();
        let rules_on_page = page_rules(&p1);
        let rule = rules_on_page.iter().find(|r| r.x2 < motto.x && r.y1 < number.baseline).unwrap();
        let clear = rule.y1
            - rule.thickness_pt * rules::MM_PER_PT / 2.0
            - (last.baseline + descent * last.size * rules::MM_PER_PT);
        assert!(clear >= 1.2, "{issuer}: the rule {clear:.2} mm under the letters");
        assert!(rule.y1 < number.baseline - number.size * rules::MM_PER_PT, "the rule above the number line");
        assert!(close((rule.x1 + rule.x2) / 2.0, last.x + last.width / 2.0, 0.01), "{issuer}: centred");
    }
}

#[test]
fn the_rules_under_the_subject_and_the_slogan_do_not_touch_the_letters() {
    // At 200 dpi the rule under the trích yếu cut the "g" of "công".
    let t = seed_001();
    let p1 = t.app.report_pages(ReportKind::Periodic, period("2021-H1")).unwrap().remove(0);
    let descent = bold_descent_em();
    let subject = run(&p1, "Kết quả thực hiện công tác cải cách hành chính 6 tháng năm 2021");
    let slogan = run(&p1, "Độc lập - Tự do - Hạnh phúc");
    for text in [subject, slogan] {
        let rule = page_rules(&p1)
            .into_iter()
            .filter(|r| r.y1 > text.baseline && r.x1 < text.x + text.width && r.x2 > text.x)
            .min_by(|a, b| a.y1.total_cmp(&b.y1))
            .unwrap();
        let lowest = text.baseline + descent * text.size * rules::MM_PER_PT;
        let clear = rule.y1 - rule.thickness_pt * rules::MM_PER_PT / 2.0 - lowest;
        assert!(clear >= 1.2, "{:?}: the rule {clear:.2} mm under the descenders", text.text);
        // Still the rule of this line: nearer to it than a line's height.
        assert!(rule.y1 - text.baseline < rules::line_height(text.size), "{:?}", text.text);
    }
    // A subject that wraps: the rule is under its last line, centred on the page.
    let printer = TestRegister::new();
    let long = "Kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính của Ủy ban nhân dân phường Ngọc Châu năm 2025";
    let doc = Document {
        title: "t".into(),
        parts: vec![Part {
            orientation: Orientation::Portrait,
            blocks: vec![Block::Title { kind: "BÁO CÁO".into(), subject: long.into() }],
        }],
    };
    let page = printer.app.lay_out(&doc).unwrap().remove(0);
    let lines: Vec<&TextRun> = runs(&page).into_iter().filter(|r| r.text != "BÁO CÁO").collect();
    assert!(lines.len() >= 2);
    let last = lines.iter().max_by(|a, b| a.baseline.total_cmp(&b.baseline)).unwrap();
    let rule = page_rules(&page)[0];
    let clear =
        rule.y1 - rule.thickness_pt * rules::MM_PER_PT / 2.0 - (last.baseline + descent * last.size * rules::MM_PER_PT);
    assert!(clear >= 1.2, "{clear:.2} mm");
    assert!(close((rule.x1 + rule.x2) / 2.0, (rules::MARGIN_LEFT + 210.0 - rules::MARGIN_RIGHT) / 2.0, 0.01));
}

#[test]
fn the_signature_and_the_nơi_nhận_list_keep_a_clear_gap() {
    // Each column of the closing wraps inside its own width: a long recipient never runs under the signer's title.
    let mut t = TestRegister::new();
    let mut unit = t.app.unit().unwrap();
    unit.signer = cchc::model::Signer {
        name: "Nguyễn Thị Phương Thảo".into(),
        title: "Phó Chủ tịch phụ trách khối văn hóa - xã hội".into(),
        authority: cchc::model::SignAuthority::Kt,
    };
    unit.copies_to = cchc::api::with_standard_copies(&[
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố Thủ Dầu Một (để báo cáo)".into(),
        "Thường trực Đảng ủy, Hội đồng nhân dân phường Phú Cường".into(),
    ]);
    t.app.set_unit(unit).unwrap();
    let pages = t.app.report_pages(ReportKind::Periodic, period("2026-H1")).unwrap();
    let body_end = pages.iter().position(|p| layout::read(p).starts_with("Phụ lục")).unwrap() - 1;
    let last = &pages[body_end];
    let label = run(last, "Nơi nhận:");
    let all = runs(last);
    let (left, right): (Vec<&TextRun>, Vec<&TextRun>) = all
        .into_iter()
        .filter(|r| r.baseline >= label.baseline - 0.01)
        .partition(|r| r.x + r.width / 2.0 < rules::MARGIN_LEFT + rules::HEADER_LEFT_WIDTH);
    assert!(left.len() >= 4 && right.len() >= 3, "{}", layout::read(last));
    let gap = closest_gap(&left, &right);
    assert!(gap >= 3.5, "{gap:.2} mm between Nơi nhận and the signature:\n{}", layout::read(last));
    assert_inside_margins(&pages);
}

#[test]
fn chart_values_are_crossed_by_no_rule_and_never_lie_on_each_other() {
    // Eight areas side by side: the figures of two bars were wider than the bars and ran together, and a grid line
    // crossed a figure printed at its height.
    let printer = TestRegister::new();
    let labels: Vec<String> = (1..=8).map(|i| format!("LV{i}")).collect();
    let chart = layout::Chart {
        title: "Tỷ lệ điểm đạt được so với điểm tối đa theo lĩnh vực".into(),
        labels,
        series: vec![
            layout::Series {
                name: "Năm 2025".into(),
                values: vec![
                    Some(100.0),
                    Some(48.5),
                    Some(99.6),
                    Some(47.0),
                    Some(0.0),
                    Some(66.7),
                    Some(50.0),
                    Some(12.5),
                ],
                gray: 0.35,
            },
            layout::Series {
                name: "Năm 2024".into(),
                values: vec![Some(99.6), Some(49.5), Some(100.0), Some(52.0), Some(0.0), Some(70.0), Some(48.0), None],
                gray: 0.75,
            },
        ],
        max: 100.0,
        unit: "%".into(),
        horizontal: false,
    };
    let doc = Document {
        title: "t".into(),
        parts: vec![Part {
            orientation: Orientation::Portrait,
            blocks: vec![Block::Paragraph("Đoạn văn trước biểu đồ.".into()), Block::Chart(chart)],
        }],
    };
    let page = printer.app.lay_out(&doc).unwrap().remove(0);
    let digit = rules::CHART_DIGIT_EM * rules::CHART_VALUE_SIZE * rules::MM_PER_PT;
    let values: Vec<&TextRun> = runs(&page).into_iter().filter(|r| r.size == rules::CHART_VALUE_SIZE).collect();
    assert_eq!(values.len(), 15);
    let title = runs(&page).into_iter().find(|r| r.text.starts_with("Tỷ lệ")).unwrap();
    for (i, v) in values.iter().enumerate() {
        let (top, bottom) = (v.baseline - digit, v.baseline);
        for rule in page_rules(&page) {
            let crosses = rule.y1 > top - 0.3 && rule.y1 < bottom + 0.3 && rule.x1 < v.x + v.width && rule.x2 > v.x;
            assert!(!crosses, "{:?} at {:.1} crossed by the rule at {:.1}", v.text, v.baseline, rule.y1);
        }
        for item in &page.items {
            if let Item::Box(b) = item {
                let on = b.y < bottom && b.y + b.height > top && b.x < v.x + v.width && b.x + b.width > v.x;
                assert!(!on, "{:?} lies on a bar", v.text);
            }
        }
        for w in &values[i + 1..] {
            let apart = v.x + v.width + 0.5 <= w.x
                || w.x + w.width + 0.5 <= v.x
                || v.baseline + 0.5 <= w.baseline - digit
                || w.baseline + 0.5 <= v.baseline - digit;
            assert!(apart, "{:?} and {:?} run together", v.text, w.text);
        }
        assert!(top > title.baseline + 1.0, "{:?} runs into the title", v.text);
    }
}

#[test]
fn nơi_nhận_keeps_its_standard_lines_and_the_decree_punctuation() {
    // A list set without "Như trên" printed no "Như trên"; the standard lines stay unless removed on purpose.
    let dir = tempfile::tempdir().unwrap();
    let mut fresh = profile();
    fresh.copies_to = Vec::new();
    let mut app = App::create(&dir.path().join("r.cchc"), fresh, Assets::bundled(), clock()).unwrap();
    assert_eq!(app.unit().unwrap().copies_to, ["Như trên", "Lưu: VT"], "a new unit shows the standard lines");
    let closing = |app: &App| {
        let pages = app.report_pages(ReportKind::Periodic, period("2026-H1")).unwrap();
        let body_end = pages.iter().position(|p| layout::read(p).starts_with("Phụ lục")).unwrap() - 1;
        let text = layout::read(&pages[body_end]);
        text.lines()
            .skip_while(|l| !l.contains("Nơi nhận:"))
            .filter_map(|l| l.split(" | ").find(|part| part.starts_with("- ")).map(String::from))
            .collect::<Vec<_>>()
    };
    assert_eq!(closing(&app), ["- Như trên;", "- Lưu: VT."]);
    // Own recipients go between the standard lines; an own "Lưu" line takes the place of the default one.
    let mut unit = app.unit().unwrap();
    unit.copies_to = cchc::api::with_standard_copies(&["Sở Nội vụ tỉnh Hải Dương.".into(), "- Lưu: VT, VP".into()]);
    app.set_unit(unit).unwrap();
    assert_eq!(closing(&app), ["- Như trên;", "- Sở Nội vụ tỉnh Hải Dương;", "- Lưu: VT, VP."]);
    // A list kept in another order: the "Lưu" line closes it, every other line ends with ";".
    let mut unit = app.unit().unwrap();
    unit.copies_to = vec!["Lưu: VT.".into(), "Như trên".into(), "Đảng ủy phường;".into()];
    app.set_unit(unit).unwrap();
    assert_eq!(closing(&app), ["- Như trên;", "- Đảng ủy phường;", "- Lưu: VT."]);
    // Removed on purpose (the window showed them): printed as kept.
    let mut unit = app.unit().unwrap();
    unit.copies_to = vec!["Sở Nội vụ".into(), "Đảng ủy phường".into()];
    app.set_unit(unit).unwrap();
    assert_eq!(closing(&app), ["- Sở Nội vụ;", "- Đảng ủy phường."]);
    // An emptied list is never an empty "Nơi nhận": the standard lines come back.
    let mut unit = app.unit().unwrap();
    unit.copies_to = Vec::new();
    assert_eq!(app.set_unit(unit).unwrap().copies_to, ["Như trên", "Lưu: VT"]);
    assert_eq!(closing(&app), ["- Như trên;", "- Lưu: VT."]);
}

/// A count as the reports print it: dots between thousands (2.051).
fn thousands(value: i64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A new unit's report is still an official text: where the register lacks the facts, the draft marks a gap saying
/// what to enter and where ("[Cần bổ sung: …]"), never a sentence about the app ("Sổ theo dõi chưa …").
#[test]
fn a_new_units_draft_marks_what_is_missing_and_never_talks_about_the_app() {
    let t = TestRegister::new();
    let sections = t.app.report_sections(ReportKind::Periodic, period("2026-H1")).unwrap();
    let text: String = sections.iter().map(|s| s.text().to_string() + "\n").collect();
    assert!(!text.contains("Sổ theo dõi"), "{text}");
    for gap in [
        "[Cần bổ sung: kế hoạch cải cách hành chính năm 2026",
        "[Cần bổ sung: danh mục thủ tục hành chính đang áp dụng (nhập tại màn hình Thủ tục hành chính",
        "[Cần bổ sung: số liệu tiếp nhận, giải quyết hồ sơ thủ tục hành chính từ ngày",
        "[Cần bổ sung: biên chế được giao năm 2026",
    ] {
        assert!(text.contains(gap), "{gap} missing from {text}");
    }
    assert_eq!(cchc::vocabulary::fill_in("x"), "[Cần bổ sung: x]");
}

/// A section heading followed at once by a clause heading ("I. …" then "1. …") never ends a page: both go with the
/// first two lines under them, wherever the page break falls.
#[test]
fn headings_that_follow_one_another_never_end_a_page() {
    let printer = TestRegister::new();
    let mut ended = Vec::new();
    // Shift the pair down the page a line at a time, so that some shift puts it at the foot of page one.
    for filler in 30..75 {
        let blocks = vec![
            Block::Paragraph(vec!["chữ"; filler * 16].join(" ")),
            Block::Heading { level: layout::HeadingLevel::Section, text: "II. KẾT QUẢ THỰC HIỆN".into() },
            Block::Heading {
                level: layout::HeadingLevel::Clause, text: "1. Công tác chỉ đạo, điều hành".into()
            },
            Block::Paragraph(vec!["nội dung"; 200].join(" ")),
        ];
        let doc = Document { title: "t".into(), parts: vec![Part { orientation: Orientation::Portrait, blocks }] };
        let laid = printer.app.lay_out(&doc).unwrap();
        for page in &laid {
            // The page's last line, all its runs (a justified line is drawn word by word).
            let all = runs(page);
            let bottom = all.iter().map(|r| r.baseline).fold(f32::MIN, f32::max);
            let line: Vec<&str> =
                all.iter().filter(|r| (r.baseline - bottom).abs() < 0.1).map(|r| r.text.as_str()).collect();
            let line = line.join(" ");
            if line.starts_with("II.") || line.starts_with("1.") {
                ended.push((filler, line));
            }
        }
        let first = laid.iter().position(|p| runs(p).iter().any(|r| r.text.starts_with("II."))).unwrap();
        let second = laid.iter().position(|p| runs(p).iter().any(|r| r.text.starts_with("1. Công tác"))).unwrap();
        assert_eq!(first, second, "filler {filler}: the two headings were parted");
    }
    assert!(ended.is_empty(), "headings ending a page: {ended:?}");
}
