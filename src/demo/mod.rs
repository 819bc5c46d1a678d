//! The demo ward: its profile, its bundled register of procedures, and generated case statistics (Biểu 06) and
//! procedures for demos and benchmarks. Everything here is deterministic for a given seed.
//!
//! The ward is phường Hải Dương of thành phố Hải Phòng (after the July 2025 merger of Hải Dương into Hải Phòng);
//! the people named are fictional. Statistics are invented but every row is internally consistent: the columns
//! add up, windows are cumulative from 15/12 of the year before (Q1 ⊂ H1 ⊂ Q3 ⊂ Year), and each year carries
//! over the dossiers still in progress at the end of the previous year.
//!
//! `stats.rs` simulates the case statistics; `generated.rs` makes procedures for benchmarks.

mod generated;
mod stats;
#[cfg(test)]
mod tests;

pub use generated::generated_procedures;
pub use stats::{per_procedure_stats, stats};

use crate::assets::Assets;
use crate::model::{
    AuditInput, Decision, EvidenceInput, LegalChangeInput, PersonInput, PlanInput, PlanKind, Points, ProcedureInput,
    Quota, ReviewInput, SignAuthority, Signer, TaskInput, TaskStatus, UnitKind, UnitProfile,
};
use chrono::{Datelike, NaiveDate};

/// The demo ward's profile, as an official would enter it.
pub fn unit() -> UnitProfile {
    UnitProfile {
        name: "Ủy ban nhân dân phường Hải Dương".to_string(),
        kind: UnitKind::Phuong,
        province: "Hải Phòng".to_string(),
        // Five digits like the national list of administrative units (QĐ 124/2004/QĐ-TTg); illustrative.
        code: "10507".to_string(),
        superior_line: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG".to_string(),
        issuer_line: "ỦY BAN NHÂN DÂN PHƯỜNG HẢI DƯƠNG".to_string(),
        place_name: "Hải Dương".to_string(),
        signer: Signer {
            name: "Phạm Văn Hùng".to_string(),
            title: "Chủ tịch".to_string(),
            authority: SignAuthority::Tm,
        },
        recipients: vec![
            "Sở Nội vụ thành phố Hải Phòng".to_string(),
            "Văn phòng Ủy ban nhân dân thành phố Hải Phòng".to_string(),
        ],
        copies_to: vec!["Như trên;".to_string(), "Lưu: VT.".to_string()],
        user_name: "Nguyễn Thị Lan".to_string(),
    }
}

/// The demo ward's procedures, from the bundled `assets/demo/procedures.json` (built by
/// `scripts/gen_demo_procedures.py`; provenance in `assets/demo/README.md`).
pub fn procedures(assets: &Assets) -> Vec<ProcedureInput> {
    let parsed: Vec<ProcedureInput> =
        serde_json::from_str(&assets.demo_procedures_json).expect("the bundled demo procedures are valid (tested)");
    parsed.into_iter().map(ProcedureInput::cleaned).collect()
}

/// The demo ward's staffing, plans and ISO records, relative to `today` so that the screens always show a year in
/// progress: the year's quotas (10 cán bộ, 10 công chức, as in seed 001 with 18 of 20 present), the people, three
/// plans with tasks whose status follows their deadlines, and an ISO 9001:2015 system announced in 2019.
pub struct DemoRegisters {
    pub quotas: Vec<Quota>,
    pub people: Vec<PersonInput>,
    pub plans: Vec<PlanInput>,
    pub tasks: Vec<TaskInput>,
    pub iso_announced: NaiveDate,
    pub audit: Option<AuditInput>,
    pub review: Option<ReviewInput>,
    pub legal_changes: Vec<LegalChangeInput>,
    pub assessment: DemoAssessment,
}

/// The demo ward's self-assessment of last year (`App` applies the register's suggestions first): the points
/// of the leaves no metric suggests where they are not the maximum, the leaves explained instead of evidenced, and
/// the evidence documents (without files).
pub struct DemoAssessment {
    pub year: i32,
    pub scores: Vec<(&'static str, Points)>,
    pub explained: Vec<(&'static str, &'static str)>,
    pub evidence: Vec<EvidenceInput>,
}

fn assessment(today: NaiveDate) -> DemoAssessment {
    let year = today.year() - 1;
    let document = |kind: &str, number: &str, date: NaiveDate, title: String| EvidenceInput {
        kind: kind.to_string(),
        number: number.to_string(),
        date: Some(date),
        issuer: "UBND phường Hải Dương".to_string(),
        title,
    };
    DemoAssessment {
        year,
        scores: vec![
            ("3.6", Points(100)),
            ("3.8", Points(150)),
            ("5.3", Points(100)),
            ("7.1", Points(200)),
            ("8.1", Points(200)),
            ("10.1", Points(50)),
        ],
        explained: vec![("6.2", "Quy chế chi tiêu nội bộ niêm yết tại trụ sở; bản ký số đang chờ Kho bạc xác nhận.")],
        evidence: vec![
            document("KH", "01/KH-UBND", date(year, 1, 6), format!("Kế hoạch cải cách hành chính năm {year}")),
            document(
                "BC",
                "118/BC-UBND",
                date(year, 9, 25),
                format!("Báo cáo kết quả thực hiện công tác cải cách hành chính 9 tháng năm {year}"),
            ),
            document(
                "QĐ",
                "36/QĐ-UBND",
                NaiveDate::from_ymd_opt(2019, 10, 15).expect("a real day"),
                "Quyết định công bố Hệ thống quản lý chất lượng phù hợp tiêu chuẩn TCVN ISO 9001:2015".to_string(),
            ),
        ],
    }
}

pub fn registers(today: NaiveDate) -> DemoRegisters {
    let year = today.year();
    let quotas = [year - 1, year]
        .into_iter()
        .flat_map(|y| {
            [("can_bo", "12/QĐ-UBND"), ("cong_chuc", "13/QĐ-UBND")].map(|(category, number)| Quota {
                year: y,
                category: category.to_string(),
                quota: 10,
                basis: Decision { number: number.to_string(), date: Some(date(y, 1, 8)) },
            })
        })
        .collect();
    let deadline_2028 = date(2028, 8, 1);
    let person = |name: &str, position: &str, category: &str, joined: (i32, u32, u32), met: bool| PersonInput {
        name: name.to_string(),
        position: position.to_string(),
        rank: if category == "cong_chuc" { "Chuyên viên".to_string() } else { String::new() },
        category: category.to_string(),
        joined: Some(date(joined.0, joined.1, joined.2)),
        left: None,
        qualification_level: "Đại học".to_string(),
        qualification_field: String::new(),
        political_theory: if category == "can_bo" { "Trung cấp".to_string() } else { "Sơ cấp".to_string() },
        state_management: "Chuyên viên".to_string(),
        standard_met: met,
        standard_deadline: (!met).then_some(deadline_2028),
        note: String::new(),
    };
    let people = vec![
        person("Phạm Văn Hùng", "Chủ tịch Ủy ban nhân dân", "can_bo", (2020, 7, 1), true),
        person("Đỗ Thị Thu Hà", "Phó Chủ tịch Ủy ban nhân dân", "can_bo", (2021, 6, 15), true),
        person("Nguyễn Đức Thắng", "Bí thư Đảng ủy", "can_bo", (2019, 3, 1), true),
        person("Vũ Thị Hồng", "Phó Bí thư Thường trực Đảng ủy", "can_bo", (2020, 9, 1), true),
        person("Trần Quang Huy", "Chủ tịch Hội đồng nhân dân", "can_bo", (2021, 6, 15), true),
        person("Lê Thị Minh Nguyệt", "Chủ tịch Ủy ban Mặt trận Tổ quốc", "can_bo", (2019, 11, 1), true),
        person("Bùi Văn Toàn", "Bí thư Đoàn Thanh niên", "can_bo", (2022, 4, 1), false),
        person("Hoàng Thị Lan Anh", "Chủ tịch Hội Liên hiệp Phụ nữ", "can_bo", (2018, 5, 1), true),
        person("Đặng Văn Khải", "Chủ tịch Hội Cựu chiến binh", "can_bo", (2017, 2, 1), false),
        person("Nguyễn Thị Lan", "Văn phòng - thống kê", "cong_chuc", (2015, 8, 1), true),
        person("Phạm Minh Tuấn", "Văn phòng - thống kê", "cong_chuc", (2019, 1, 2), true),
        person("Trịnh Thị Thảo", "Tư pháp - hộ tịch", "cong_chuc", (2016, 10, 1), true),
        person("Ngô Văn Long", "Tư pháp - hộ tịch", "cong_chuc", (2023, 3, 1), true),
        person("Lương Thị Hạnh", "Tài chính - kế toán", "cong_chuc", (2014, 6, 1), true),
        person("Đinh Công Sơn", "Địa chính - xây dựng - đô thị và môi trường", "cong_chuc", (2018, 7, 1), true),
        person("Mai Xuân Trường", "Địa chính - xây dựng - đô thị và môi trường", "cong_chuc", (2024, 2, 1), false),
        person("Tạ Thị Ngọc Ánh", "Văn hóa - xã hội", "cong_chuc", (2020, 1, 6), true),
        person("Phùng Văn Hải", "Văn hóa - xã hội", "cong_chuc", (2021, 9, 1), true),
    ];
    let plan = |kind: PlanKind, number: &str, month: u32, day: u32, title: &str| PlanInput {
        kind,
        number: number.to_string(),
        date: date(year, month, day),
        year,
        title: title.to_string(),
    };
    let plans = vec![
        plan(PlanKind::Annual, "01/KH-UBND", 1, 6, &format!("Kế hoạch cải cách hành chính năm {year}")),
        plan(
            PlanKind::Propaganda,
            "09/KH-UBND",
            1,
            20,
            &format!("Kế hoạch tuyên truyền cải cách hành chính năm {year}"),
        ),
        plan(PlanKind::TthcControl, "14/KH-UBND", 2, 3, &format!("Kế hoạch kiểm soát thủ tục hành chính năm {year}")),
    ];
    let tasks = [
        (
            "01/KH-UBND",
            "chi_dao_dieu_hanh",
            "Ban hành kế hoạch kiểm tra công tác cải cách hành chính",
            3,
            31,
            "Văn phòng",
        ),
        ("01/KH-UBND", "the_che", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của phường", 6, 30, "Tư pháp"),
        ("14/KH-UBND", "tthc", "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa", 2, 28, "Văn phòng"),
        ("14/KH-UBND", "tthc", "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền", 9, 30, "Tư pháp"),
        ("01/KH-UBND", "bo_may", "Sắp xếp, kiện toàn các bộ phận chuyên môn sau hợp nhất", 4, 30, "Văn phòng"),
        ("01/KH-UBND", "cong_vu", "Cử công chức tham gia bồi dưỡng chuyên môn, nghiệp vụ", 10, 31, "Văn phòng"),
        ("01/KH-UBND", "tai_chinh_cong", "Công khai dự toán và quyết toán ngân sách phường", 12, 31, "Tài chính"),
        ("01/KH-UBND", "chinh_quyen_so", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 11, 30, "Văn phòng"),
        (
            "09/KH-UBND",
            "chi_dao_dieu_hanh",
            "Tuyên truyền cải cách hành chính trên hệ thống loa truyền thanh",
            12,
            15,
            "Văn hóa",
        ),
        ("01/KH-UBND", "tac_dong", "Khảo sát sự hài lòng của người dân", 8, 31, "Văn phòng"),
    ];
    let tasks = tasks
        .into_iter()
        .enumerate()
        .map(|(i, (plan_number, area, content, month, day, owner))| {
            let deadline = date(year, month, day);
            // Work already due is done, except one late task; work due within a month is under way.
            let (status, percent) = if deadline < today {
                if i == 3 { (TaskStatus::InProgress, 70) } else { (TaskStatus::Done, 100) }
            } else if deadline < today + chrono::Duration::days(30) {
                (TaskStatus::InProgress, 50)
            } else {
                (TaskStatus::NotStarted, 0)
            };
            TaskInput {
                plan_year: year,
                plan_number: plan_number.to_string(),
                area: area.to_string(),
                content: content.to_string(),
                owner: owner.to_string(),
                deadline: Some(deadline),
                expected_output: String::new(),
                status,
                percent,
                evidence: if status == TaskStatus::Done {
                    format!("Báo cáo kết quả ({plan_number})")
                } else {
                    String::new()
                },
            }
        })
        .collect();
    let audit_day = date(year, 6, 20);
    let review_day = date(year, 7, 10);
    DemoRegisters {
        assessment: assessment(today),
        quotas,
        people,
        plans,
        tasks,
        iso_announced: date(2019, 10, 15),
        audit: (audit_day <= today).then(|| AuditInput {
            date: audit_day,
            scope: "Các thủ tục hành chính trong phạm vi áp dụng".to_string(),
            findings: "Hồ sơ lưu chưa đầy đủ phiếu theo dõi quá trình xử lý ở lĩnh vực Chứng thực.".to_string(),
        }),
        review: (review_day <= today).then(|| ReviewInput {
            date: review_day,
            decisions: "Duy trì hệ thống; cập nhật quy trình nội bộ theo các thủ tục mới công bố.".to_string(),
        }),
        legal_changes: vec![LegalChangeInput {
            text: "Nghị định số 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông"
                .to_string(),
            effective: date(2025, 7, 1),
        }],
    }
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("generated dates are valid")
}
