//! Generated procedures with valid, unique codes over 15 realistic fields, for benchmarks and load tests.

use super::date;
use super::stats::SplitMix64;
use crate::model::{Decision, OnlineLevel, ProcedureCode, ProcedureInput, ProcedureStatus, ProcessingTime, TimeUnit};
use std::collections::{BTreeMap, HashSet};

/// Keeps the generated procedures' stream apart from the statistics' streams for the same seed.
const GENERATED_SALT: u64 = 0x0DE5_F0A2_2025_0001;

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
