//! The demo ward: its profile, its bundled register of procedures, and generated case statistics (Biểu 06) and
//! procedures for demos and benchmarks. Everything here is deterministic for a given seed.
//!
//! The ward is phường Hải Dương of thành phố Hải Phòng (after the July 2025 merger of Hải Dương into Hải Phòng);
//! the people named are fictional. Statistics are invented but every row is internally consistent: the columns
//! add up, windows are cumulative from 15/12 of the year before (Q1 ⊂ H1 ⊂ Q3 ⊂ Year), and each year carries
//! over the dossiers still in progress at the end of the previous year.

use crate::assets::Assets;
use crate::model::{
    AuditInput, CaseFigures, Decision, EvidenceInput, LegalChangeInput, OnlineLevel, PeriodKey, PeriodKind,
    PersonInput, PlanInput, PlanKind, Points, ProcedureCode, ProcedureInput, ProcedureStatus, ProcessingTime, Quota,
    ReviewInput, SignAuthority, Signer, StatsRow, TaskInput, TaskStatus, TimeUnit, UnitKind, UnitProfile,
};
use crate::text;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashSet};
use std::ops::RangeInclusive;

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

/// Case statistics for every field that has procedures, for each period of each year in `years` whose default
/// window has closed by `until` (`key.default_window().end <= until`). Rows are per field (`procedure: None`),
/// ordered by period, then field in Vietnamese alphabetical order.
pub fn stats(procedures: &[ProcedureInput], years: RangeInclusive<i32>, until: NaiveDate, seed: u64) -> Vec<StatsRow> {
    let fields = field_profiles(procedures);
    let (first, last) = (*years.start(), *years.end());
    let mut rows: Vec<(PeriodKey, usize, StatsRow)> = Vec::new();
    for (order, profile) in fields.iter().enumerate() {
        let mut carried = 0;
        for year in years.clone() {
            if PeriodKey::new(year, PeriodKind::Q1).default_window().end > until {
                break;
            }
            let mut rng = SplitMix64::new(seed ^ fnv1a(profile.field.as_bytes()) ^ (year as u64).wrapping_mul(GOLDEN));
            let quarters = simulate_year(profile, year, first, last, carried, &mut rng);
            for (index, kind) in PeriodKind::ALL.into_iter().enumerate() {
                let key = PeriodKey::new(year, kind);
                if key.default_window().end > until {
                    break;
                }
                let figures = cumulative(&quarters[..=index], carried);
                rows.push((
                    key,
                    order,
                    StatsRow { period: key, field: profile.field.clone(), procedure: None, figures },
                ));
            }
            carried = quarters[3].in_progress;
        }
    }
    rows.sort_by_key(|(key, order, _)| (*key, *order));
    rows.into_iter().map(|(_, _, row)| row).collect()
}

/// Per-procedure rows (Biểu 06 kept per TTHC) for the same periods as `stats`: each procedure gets its own
/// consistent flows. Used by the benchmark to load a register the way a unit keeping detailed figures would.
pub fn per_procedure_stats(
    procedures: &[ProcedureInput],
    years: RangeInclusive<i32>,
    until: NaiveDate,
    seed: u64,
) -> Vec<StatsRow> {
    // Simulate each procedure as if it were its own field, then put the real field back.
    let keyed: Vec<ProcedureInput> =
        procedures.iter().map(|p| ProcedureInput { field: p.code.clone(), ..p.clone() }).collect();
    let field_of: BTreeMap<&str, &str> = procedures.iter().map(|p| (p.code.as_str(), p.field.as_str())).collect();
    stats(&keyed, years, until, seed)
        .into_iter()
        .map(|mut row| {
            let code = std::mem::take(&mut row.field);
            row.field = field_of[code.as_str()].to_string();
            row.procedure = Some(code);
            row
        })
        .collect()
}

/// `count` procedures with valid, unique codes spread over 15 realistic fields (for benchmarks and load tests).
pub fn generated_procedures(count: usize, seed: u64) -> Vec<ProcedureInput> {
    let mut rng = SplitMix64::new(seed ^ GENERATED_SALT);
    let total_weight: u64 = GENERATED_FIELDS.iter().map(|f| f.weight).sum();
    let mut codes = HashSet::new();
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        // The first 15 procedures cover every field once; the rest follow the weights.
        let spec = match GENERATED_FIELDS.get(i) {
            Some(spec) => spec,
            None => {
                let mut pick = rng.below(total_weight);
                GENERATED_FIELDS
                    .iter()
                    .find(|f| {
                        if pick < f.weight {
                            true
                        } else {
                            pick -= f.weight;
                            false
                        }
                    })
                    .expect("weights cover the range")
            }
        };
        let code = loop {
            let head = [1, 1, 1, 2, 2, 3][rng.below(6) as usize];
            let candidate = format!("{head}.{:06}", rng.below(1_000_000));
            if ProcedureCode::parse(&candidate).is_some() && codes.insert(candidate.clone()) {
                break candidate;
            }
        };
        let base = spec.names[rng.below(spec.names.len() as u64) as usize];
        let seen = uses.entry(base).or_insert(0);
        *seen += 1;
        let name = if *seen == 1 { base.to_string() } else { format!("{base} (trường hợp {seen})") };
        let online = match rng.unit() {
            u if u < 0.40 => OnlineLevel::Full,
            u if u < 0.75 => OnlineLevel::Partial,
            _ => OnlineLevel::None,
        };
        let has_internal = rng.unit() < 0.6;
        let announced_on = date(2025, 8 + rng.below(5) as u32, 1 + rng.below(28) as u32);
        out.push(ProcedureInput {
            code,
            name,
            field: spec.field.to_string(),
            processing_time: Some(ProcessingTime { amount: spec.days as f64, unit: TimeUnit::WorkingDays }),
            fee: if rng.unit() < 0.8 { "Miễn phí".to_string() } else { "50.000 đồng/hồ sơ".to_string() },
            legal_bases: Vec::new(),
            announcement: Decision { number: format!("{}/QĐ-UBND", 2300 + rng.below(1400)), date: Some(announced_on) },
            status: if rng.unit() < 0.03 { ProcedureStatus::Amended } else { ProcedureStatus::Active },
            replaced_by: None,
            online_level: online,
            one_stop: rng.unit() < 0.95,
            interlinked: rng.unit() < 0.06,
            postal: rng.unit() < 0.35,
            boundary_free: rng.unit() < 0.12,
            internal_process: if has_internal {
                Decision { number: format!("{}/QĐ-UBND", 2300 + rng.below(1400)), date: Some(announced_on) }
            } else {
                Decision::default()
            },
            in_iso_scope: has_internal && rng.unit() < 0.9,
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics model

/// What the generator needs to know about a field.
struct FieldProfile {
    field: String,
    /// Mean new dossiers per quarter, before seasonality and growth.
    volume: f64,
    /// Per-quarter multipliers (the windows close 14/3, 14/6, 14/9, 14/12).
    season: [f64; 4],
    /// Share of new dossiers still in progress at a window's end (longer procedures keep more).
    hold: f64,
    /// How much of the field is online (0 = nothing can be filed online).
    online_capacity: f64,
}

/// One quarter's flows, and the backlog at its end.
#[derive(Debug, Clone, Copy, Default)]
struct Quarter {
    online: i64,
    direct: i64,
    early: i64,
    on_time: i64,
    late: i64,
    in_progress: i64,
    overdue: i64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;
/// Keeps the generated procedures' stream apart from the statistics' streams for the same seed.
const GENERATED_SALT: u64 = 0x0DE5_F0A2_2025_0001;

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

fn field_profiles(procedures: &[ProcedureInput]) -> Vec<FieldProfile> {
    let mut by_field: BTreeMap<Vec<u8>, (String, Vec<&ProcedureInput>)> = BTreeMap::new();
    for procedure in procedures {
        by_field
            .entry(text::sort_key(&procedure.field))
            .or_insert_with(|| (procedure.field.clone(), Vec::new()))
            .1
            .push(procedure);
    }
    by_field
        .into_values()
        .map(|(field, list)| {
            let (volume, season) = volume_of(&text::fold(&field), list.len());
            let days: Vec<f64> = list.iter().filter_map(|p| p.processing_time).map(calendar_days).collect();
            let mean_days = if days.is_empty() { 10.0 } else { days.iter().sum::<f64>() / days.len() as f64 };
            let online: f64 = list
                .iter()
                .map(|p| match p.online_level {
                    OnlineLevel::Full => 1.0,
                    OnlineLevel::Partial => 0.6,
                    OnlineLevel::None => 0.0,
                })
                .sum();
            FieldProfile {
                field,
                volume,
                season,
                hold: (mean_days / 91.0 * 0.8).clamp(0.003, 0.45),
                online_capacity: online / list.len() as f64,
            }
        })
        .collect()
}

fn calendar_days(time: ProcessingTime) -> f64 {
    match time.unit {
        TimeUnit::WorkingDays => time.amount * 1.4,
        TimeUnit::Days => time.amount,
        TimeUnit::WorkingHours => time.amount / 8.0,
    }
}

/// Typical ward volumes per quarter: certified copies dominate (about half of all dossiers), then civil status
/// and residence; land tens; some fields only a few a year.
fn volume_of(folded: &str, procedures: usize) -> (f64, [f64; 4]) {
    const FLAT: [f64; 4] = [0.92, 1.04, 1.0, 1.04];
    let table: [(&str, f64, [f64; 4]); 21] = [
        ("chung thuc", 1600.0, FLAT),
        ("ho tich", 380.0, [1.05, 0.95, 0.95, 1.05]),
        ("cu tru", 260.0, [0.9, 1.0, 1.15, 0.95]),
        ("dat dai", 45.0, FLAT),
        ("ho kinh doanh", 30.0, [1.2, 1.0, 0.9, 0.9]),
        ("xay dung", 14.0, [0.8, 1.2, 1.1, 0.9]),
        ("bao tro", 28.0, FLAT),
        ("nguoi co cong", 6.0, [0.8, 0.9, 1.5, 0.8]),
        ("giam ngheo", 6.0, [0.5, 0.5, 0.7, 6.0]),
        ("giao duc", 8.0, [0.8, 1.0, 22.0, 1.2]),
        ("van hoa", 1.5, [2.5, 0.6, 0.4, 0.5]),
        ("tiep cong dan", 12.0, FLAT),
        ("xu ly don", 8.0, FLAT),
        ("khieu nai", 1.5, FLAT),
        ("hoa giai", 2.0, FLAT),
        ("tre em", 1.0, FLAT),
        ("gia dinh", 0.5, FLAT),
        ("ton giao", 1.5, [1.6, 0.8, 0.8, 0.8]),
        ("te nan", 1.5, FLAT),
        ("nuoi con nuoi", 0.5, FLAT),
        ("the thao", 0.5, FLAT),
    ];
    table
        .iter()
        .find(|(key, _, _)| folded.contains(key))
        .map(|(_, volume, season)| (*volume, *season))
        .unwrap_or((0.8 * procedures.min(5) as f64, FLAT))
}

fn simulate_year(
    profile: &FieldProfile,
    year: i32,
    first: i32,
    last: i32,
    carried: i64,
    rng: &mut SplitMix64,
) -> [Quarter; 4] {
    let growth = 1.03_f64.powi(year - first);
    let mut backlog = carried;
    let mut quarters = [Quarter::default(); 4];
    for (q, slot) in quarters.iter_mut().enumerate() {
        let new = draw_count(profile.volume * profile.season[q] * growth, rng);
        // The online share climbs from about 30% in the first year to about 60% in the last.
        let progress = if last > first {
            (f64::from(year - first) + q as f64 / 4.0) / f64::from(last - first)
        } else {
            q as f64 / 3.0
        };
        let share = if profile.online_capacity == 0.0 {
            0.0
        } else {
            ((0.30 + 0.30 * progress.min(1.0)) * (0.6 + 0.6 * profile.online_capacity)
                + 0.03 * (2.0 * rng.unit() - 1.0))
                .clamp(0.0, 0.95)
        };
        let online = (new as f64 * share).round() as i64;
        let available = backlog + new;
        let in_progress = ((new as f64 * profile.hold * (0.7 + 0.6 * rng.unit())).round() as i64).min(available);
        let resolved = available - in_progress;
        let late_rate = 0.004 + 0.012 * profile.hold;
        let late = bernoulli_count(resolved as f64 * late_rate * (0.5 + rng.unit()), rng).min(resolved);
        let early = ((resolved - late) as f64 * (0.55 + 0.3 * rng.unit())).round() as i64;
        let overdue = if in_progress > 0 && rng.unit() < 0.12 + 0.2 * profile.hold { 1 } else { 0 };
        *slot = Quarter {
            online,
            direct: new - online,
            early,
            on_time: resolved - late - early,
            late,
            in_progress,
            overdue,
        };
        backlog = in_progress;
    }
    quarters
}

/// The figures of a cumulative window made of the given quarters.
fn cumulative(quarters: &[Quarter], carried: i64) -> CaseFigures {
    let sum = |f: fn(&Quarter) -> i64| quarters.iter().map(f).sum::<i64>();
    let end = quarters.last().copied().unwrap_or_default();
    let (online, direct) = (sum(|q| q.online), sum(|q| q.direct));
    let (early, on_time, late) = (sum(|q| q.early), sum(|q| q.on_time), sum(|q| q.late));
    CaseFigures {
        received_total: online + direct + carried,
        received_online: online,
        received_direct: direct,
        carried_over: carried,
        resolved_total: early + on_time + late,
        resolved_early: early,
        resolved_on_time: on_time,
        resolved_late: late,
        in_progress_total: end.in_progress,
        in_progress_within: end.in_progress - end.overdue,
        in_progress_overdue: end.overdue,
        // Every late dossier got its apology letter.
        apology_letters: late,
    }
}

/// A count with the given mean: Poisson for small means, ±12% around the mean for large ones.
fn draw_count(mean: f64, rng: &mut SplitMix64) -> i64 {
    if mean <= 0.0 {
        return 0;
    }
    if mean >= 30.0 {
        return (mean * (1.0 + 0.12 * (2.0 * rng.unit() - 1.0))).round() as i64;
    }
    let limit = (-mean).exp();
    let (mut count, mut product) = (0, rng.unit());
    while product > limit {
        count += 1;
        product *= rng.unit();
    }
    count
}

/// The whole part of `expected`, plus one with probability of its fractional part.
fn bernoulli_count(expected: f64, rng: &mut SplitMix64) -> i64 {
    let whole = expected.floor();
    whole as i64 + i64::from(rng.unit() < expected - whole)
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, well-mixed, deterministic generator; no crate needed.
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// FNV-1a: a stable hash of a field's name, so each field's numbers do not depend on the order of the list.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xCBF2_9CE4_8422_2325, |hash, b| (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01B3))
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("generated dates are valid")
}

// ---------------------------------------------------------------------------------------------------------------
// Generated procedures

struct GeneratedField {
    field: &'static str,
    weight: u64,
    days: u32,
    names: &'static [&'static str],
}

const GENERATED_FIELDS: [GeneratedField; 15] = [
    GeneratedField {
        field: "Hộ tịch",
        weight: 22,
        days: 3,
        names: &[
            "Thủ tục đăng ký khai sinh",
            "Thủ tục đăng ký kết hôn",
            "Thủ tục đăng ký khai tử",
            "Thủ tục đăng ký giám hộ",
        ],
    },
    GeneratedField {
        field: "Chứng thực",
        weight: 10,
        days: 1,
        names: &["Chứng thực di chúc", "Chứng thực văn bản từ chối nhận di sản", "Sửa lỗi sai sót trong giao dịch"],
    },
    GeneratedField {
        field: "Đăng ký, quản lý cư trú",
        weight: 9,
        days: 5,
        names: &["Đăng ký thường trú", "Đăng ký tạm trú", "Tách hộ", "Xác nhận thông tin về cư trú"],
    },
    GeneratedField {
        field: "Đất đai",
        weight: 9,
        days: 20,
        names: &["Hòa giải tranh chấp đất đai", "Đính chính Giấy chứng nhận đã cấp lần đầu có sai sót"],
    },
    GeneratedField {
        field: "Hoạt động xây dựng",
        weight: 5,
        days: 15,
        names: &["Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ"],
    },
    GeneratedField {
        field: "Thành lập và hoạt động của hộ kinh doanh",
        weight: 5,
        days: 3,
        names: &["Đăng ký thành lập hộ kinh doanh", "Chấm dứt hoạt động hộ kinh doanh"],
    },
    GeneratedField {
        field: "Bảo trợ xã hội",
        weight: 7,
        days: 10,
        names: &["Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "Đổi, cấp lại Giấy xác nhận khuyết tật"],
    },
    GeneratedField {
        field: "Người có công",
        weight: 5,
        days: 12,
        names: &["Cấp giấy xác nhận thân nhân của người có công", "Thăm viếng mộ liệt sĩ"],
    },
    GeneratedField {
        field: "Giáo dục và đào tạo",
        weight: 6,
        days: 20,
        names: &["Tuyển sinh trung học cơ sở", "Chuyển trường đối với học sinh tiểu học"],
    },
    GeneratedField {
        field: "Tín ngưỡng, tôn giáo",
        weight: 4,
        days: 15,
        names: &["Đăng ký hoạt động tín ngưỡng (cấp xã)", "Đăng ký sinh hoạt tôn giáo tập trung (cấp xã)"],
    },
    GeneratedField { field: "Văn hóa", weight: 3, days: 5, names: &["Thông báo tổ chức lễ hội cấp xã"] },
    GeneratedField {
        field: "Hòa giải ở cơ sở",
        weight: 4,
        days: 5,
        names: &["Thủ tục công nhận hòa giải viên (cấp xã)", "Thủ tục thanh toán thù lao cho hòa giải viên"],
    },
    GeneratedField {
        field: "Khiếu nại, tố cáo",
        weight: 3,
        days: 30,
        names: &["Thủ tục giải quyết khiếu nại lần đầu tại xã", "Giải quyết tố cáo cấp xã"],
    },
    GeneratedField {
        field: "Phòng, chống tệ nạn xã hội",
        weight: 3,
        days: 3,
        names: &["Đăng ký cai nghiện ma túy tự nguyện"],
    },
    GeneratedField {
        field: "Giảm nghèo",
        weight: 5,
        days: 15,
        names: &["Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm", "Công nhận người lao động có thu nhập thấp"],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Place, check_row, on_time_rate, online_rate};
    use std::collections::BTreeSet;
    use unicode_normalization::UnicodeNormalization;

    fn bundled() -> Vec<ProcedureInput> {
        procedures(&Assets::bundled())
    }

    fn is_nfc(s: &str) -> bool {
        s.nfc().collect::<String>() == s
    }

    fn texts(p: &ProcedureInput) -> Vec<&str> {
        let mut all = vec![p.code.as_str(), p.name.as_str(), p.field.as_str(), p.fee.as_str()];
        all.extend(p.legal_bases.iter().map(String::as_str));
        all.push(&p.announcement.number);
        all.push(&p.internal_process.number);
        all.extend(p.replaced_by.as_deref());
        all
    }

    fn today() -> NaiveDate {
        date(2026, 7, 1)
    }

    /// Checks every row with the in-progress total at the end of the previous year as `previous`.
    fn assert_consistent(rows: &[StatsRow]) {
        let mut year_end: BTreeMap<(String, i32), i64> = BTreeMap::new();
        for row in rows.iter().filter(|r| r.period.kind == PeriodKind::Year) {
            year_end.insert((row.field.clone(), row.period.year), row.figures.in_progress_total);
        }
        let first = rows.iter().map(|r| r.period.year).min().unwrap();
        for row in rows {
            let previous = if row.period.year == first {
                Some(0)
            } else {
                Some(year_end[&(row.field.clone(), row.period.year - 1)])
            };
            let findings = check_row(row, previous, &Place::default());
            assert!(findings.is_empty(), "{} {}: {findings:?}", row.period, row.field);
            assert!(row.procedure.is_none());
        }
    }

    #[test]
    fn bundled_procedures_parse_and_are_well_formed() {
        let list = bundled();
        assert!((100..=140).contains(&list.len()), "{} procedures", list.len());
        let mut codes = HashSet::new();
        for p in &list {
            let canonical = ProcedureCode::parse(&p.code).unwrap_or_else(|| panic!("bad code {}", p.code));
            assert_eq!(canonical.as_str(), p.code);
            assert!(codes.insert(p.code.clone()), "duplicate {}", p.code);
            assert!(p.validate().is_empty(), "{}: {:?}", p.code, p.validate());
            for text in texts(p) {
                assert!(is_nfc(text), "{} is not NFC: {text:?}", p.code);
                assert_eq!(text, text.trim());
            }
            assert!(p.announcement.date.unwrap() > date(2025, 7, 1), "{}", p.code);
        }
        for p in &list {
            if let Some(target) = &p.replaced_by {
                assert!(codes.contains(target), "{} is replaced by unknown {target}", p.code);
            }
        }
        let fields: BTreeSet<&str> = list.iter().map(|p| p.field.as_str()).collect();
        assert!(fields.len() >= 10, "{fields:?}");
        for needed in ["Hộ tịch", "Chứng thực", "Bảo trợ xã hội", "Người có công", "Đất đai"] {
            assert!(fields.contains(needed), "missing {needed}");
        }
        let count = |status| list.iter().filter(|p| p.status == status).count();
        assert_eq!((count(ProcedureStatus::Replaced), count(ProcedureStatus::Abolished)), (1, 1));
        assert!((2..=3).contains(&count(ProcedureStatus::Amended)));
        let full = list.iter().filter(|p| p.online_level == OnlineLevel::Full).count() as f64 / list.len() as f64;
        assert!((0.3..0.5).contains(&full), "full online share {full}");
    }

    #[test]
    fn unit_is_complete_and_nfc() {
        let unit = unit();
        assert!(unit.validate().is_empty());
        assert_eq!(unit.clone().cleaned(), unit);
        for text in [&unit.name, &unit.superior_line, &unit.issuer_line, &unit.place_name, &unit.signer.name] {
            assert!(is_nfc(text));
        }
    }

    #[test]
    fn stats_rows_are_consistent_and_cover_closed_windows() {
        let list = bundled();
        let rows = stats(&list, 2023..=2026, today(), 7);
        assert_consistent(&rows);
        let fields: BTreeSet<&str> = list.iter().map(|p| p.field.as_str()).collect();
        let periods: BTreeSet<String> = rows.iter().map(|r| r.period.to_string()).collect();
        // 2026-Q3 closes on 14/9/2026, after `today`.
        let expected: BTreeSet<String> =
            ["2023-Q1", "2023-H1", "2023-Q3", "2023", "2024-Q1", "2024-H1", "2024-Q3", "2024"]
                .into_iter()
                .chain(["2025-Q1", "2025-H1", "2025-Q3", "2025", "2026-Q1", "2026-H1"])
                .map(String::from)
                .collect();
        assert_eq!(periods, expected);
        assert_eq!(rows.len(), periods.len() * fields.len());
        assert!(rows.iter().all(|r| fields.contains(r.field.as_str())));
        assert!(rows.iter().filter(|r| r.period.year == 2023).all(|r| r.figures.carried_over == 0));
        assert!(rows.windows(2).all(|w| w[0].period <= w[1].period));
    }

    #[test]
    fn windows_are_cumulative() {
        let rows = stats(&bundled(), 2024..=2025, today(), 11);
        let mut by_field_year: BTreeMap<(String, i32), Vec<&StatsRow>> = BTreeMap::new();
        for row in &rows {
            by_field_year.entry((row.field.clone(), row.period.year)).or_default().push(row);
        }
        for ((field, year), list) in by_field_year {
            assert_eq!(list.len(), 4, "{field} {year}");
            for pair in list.windows(2) {
                let (a, b) = (&pair[0].figures, &pair[1].figures);
                for (name, value) in a.columns() {
                    let later = b.columns().into_iter().find(|(n, _)| *n == name).unwrap().1;
                    if !name.starts_with("in_progress") {
                        assert!(later >= value, "{field} {year} {name}: {value} then {later}");
                    }
                }
            }
        }
    }

    #[test]
    fn volumes_rates_and_trend_are_believable() {
        let rows = stats(&bundled(), 2021..=2025, today(), 3);
        let year = |field: &str, y: i32| {
            rows.iter().find(|r| r.field == field && r.period == PeriodKey::new(y, PeriodKind::Year)).unwrap().figures
        };
        let certified = year("Chứng thực", 2025);
        assert!((5_000..15_000).contains(&certified.received_total), "{certified:?}");
        assert!((500..3_000).contains(&year("Hộ tịch", 2025).received_total));
        assert!((50..400).contains(&year("Đất đai", 2025).received_total));
        let mut total = CaseFigures::default();
        for row in rows.iter().filter(|r| r.period == PeriodKey::new(2025, PeriodKind::Year)) {
            total.add(&row.figures);
            if let Some(rate) = on_time_rate(&row.figures) {
                assert!(rate >= 90.0, "{}: {rate}", row.field);
            }
        }
        let rate = on_time_rate(&total).unwrap();
        assert!((97.0..=100.0).contains(&rate), "on-time {rate}");
        let mut first = CaseFigures::default();
        rows.iter().filter(|r| r.period == PeriodKey::new(2021, PeriodKind::Year)).for_each(|r| first.add(&r.figures));
        let (early, late) = (online_rate(&first).unwrap(), online_rate(&total).unwrap());
        assert!(early < late && (20.0..45.0).contains(&early) && (45.0..75.0).contains(&late), "{early} -> {late}");
    }

    #[test]
    fn deterministic_for_a_seed() {
        let list = bundled();
        assert_eq!(stats(&list, 2024..=2025, today(), 42), stats(&list, 2024..=2025, today(), 42));
        assert_ne!(stats(&list, 2024..=2025, today(), 42), stats(&list, 2024..=2025, today(), 43));
        assert_eq!(generated_procedures(50, 9), generated_procedures(50, 9));
        assert_ne!(generated_procedures(50, 9), generated_procedures(50, 10));
    }

    #[test]
    fn nothing_before_the_first_window_closes() {
        assert!(stats(&bundled(), 2026..=2027, date(2026, 3, 13), 1).is_empty());
        assert!(stats(&[], 2020..=2025, today(), 1).is_empty());
    }

    #[test]
    fn generated_procedures_serve_the_benchmark() {
        let list = generated_procedures(150, 2024);
        assert_eq!(list.len(), 150);
        let codes: HashSet<&str> = list.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes.len(), 150);
        for p in &list {
            assert_eq!(ProcedureCode::parse(&p.code).unwrap().as_str(), p.code);
            assert!(p.validate().is_empty());
            assert!(texts(p).into_iter().all(is_nfc));
        }
        let fields: BTreeSet<&str> = list.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields.len(), 15);
        // Speed is measured by `cchc bench`, not asserted here.
        let rows = stats(&list, 2016..=2025, date(2026, 1, 1), 5);
        assert_eq!(rows.len(), 40 * fields.len());
        assert_consistent(&rows);
    }
}
