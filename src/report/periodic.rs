//! The periodic CCHC report (quý I, 6 tháng, 9 tháng, năm): a draft of every section written from the register in
//! plain administrative Vietnamese, the official's edited texts in their place, and the four appendices.

use super::{ReportData, count, dmy, labels, outline_sections, percent, tables, text_blocks};
use crate::layout::{Block, Chart, Document, HeadingLevel, Orientation, Part, Series};
use crate::model::{
    AnnouncementKind, PERIODIC_SECTIONS, PeriodKind, PlanKind, ReportSection, TaskStatus, on_time_rate, online_rate,
};
use crate::vocabulary::fill_in;
use std::collections::BTreeMap;

/// The sections of the report: heading, draft, and the official's text where they edited it.
pub fn periodic_sections(data: &ReportData, edited: &BTreeMap<String, String>) -> Vec<ReportSection> {
    outline_sections(&PERIODIC_SECTIONS, edited, |key| draft(data, key))
}

/// The report as a document: the body, then Phụ lục I–IV.
pub fn periodic_document(data: &ReportData, sections: &[ReportSection]) -> Document {
    let period = data.stats.window.key;
    let mut body = vec![
        data.header(),
        Block::Title { kind: labels::REPORT_KIND.into(), subject: subject(data) },
        Block::Recipients(data.unit.recipients.clone()),
        Block::Paragraph(opening(data)),
    ];
    for s in sections {
        if s.key == "II.1" {
            body.push(Block::Heading {
                level: HeadingLevel::Section,
                text: "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH".into(),
            });
        }
        let level = if s.key.starts_with("II.") { HeadingLevel::Clause } else { HeadingLevel::Section };
        let heading = if s.key == "IV" { next_period_heading(data) } else { s.heading.clone() };
        body.push(Block::Heading { level, text: heading });
        body.extend(text_blocks(s.text()));
        if s.key == "II.2" && period.kind == PeriodKind::Year {
            body.extend(on_time_chart(data));
        }
    }
    body.push(Block::Paragraph(format!(
        "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {} của {}./.",
        period.label(),
        data.unit.name
    )));
    body.push(data.closing(None));
    let appendix = |n: &str, name: &str, orientation: Orientation, table: Block| Part {
        orientation,
        blocks: vec![
            Block::AppendixTitle {
                label: format!("Phụ lục {n}"),
                name: name.to_string(),
                reference: data.appendix_reference(),
            },
            table,
        ],
    };
    Document {
        title: format!("Báo cáo kết quả thực hiện công tác cải cách hành chính {}", period.label()),
        parts: vec![
            Part { orientation: Orientation::Portrait, blocks: body },
            appendix("I", labels::APPENDIX_STATS, Orientation::Landscape, tables::bieu06(data)),
            appendix("II", labels::APPENDIX_PROCEDURES, Orientation::Portrait, tables::procedures(data)),
            appendix("III", labels::APPENDIX_TASKS, Orientation::Portrait, tables::tasks(data)),
            appendix("IV", labels::APPENDIX_STAFFING, Orientation::Portrait, tables::staffing(data)),
        ],
    }
}

/// The year report's chart: the on-time rate of each period of the year beside the year before's.
fn on_time_chart(data: &ReportData) -> Option<Block> {
    let year = data.stats.window.key.year;
    let this: Vec<Option<f64>> = data.rates.iter().map(|(_, this, _)| *this).collect();
    let last: Vec<Option<f64>> = data.rates.iter().map(|(_, _, last)| *last).collect();
    let title = format!("Tỷ lệ hồ sơ giải quyết đúng hạn theo kỳ báo cáo, năm {} và năm {year}", year - 1);
    on_time_by_period(title, &[(year - 1, last), (year, this)]).map(Block::Chart)
}

/// The on-time rate of each period kind (Quý I, 6 tháng, 9 tháng, Năm), one series per year that has a rate, the
/// latest year darkest; `None` when the last year has none. The year report prints two years; the dashboard three.
pub fn on_time_by_period(title: String, years: &[(i32, Vec<Option<f64>>)]) -> Option<Chart> {
    let (_, latest) = years.last()?;
    if latest.iter().all(Option::is_none) {
        return None;
    }
    let kept: Vec<&(i32, Vec<Option<f64>>)> = years
        .iter()
        .enumerate()
        .filter(|(i, (_, v))| *i + 1 == years.len() || v.iter().any(Option::is_some))
        .map(|(_, y)| y)
        .collect();
    let grays: &[f32] = match kept.len() {
        1 => &[0.25],
        2 => &[0.7, 0.25],
        _ => &[0.85, 0.6, 0.25],
    };
    let skip = kept.len().saturating_sub(grays.len());
    let series = kept[skip..]
        .iter()
        .zip(grays)
        .map(|((year, values), gray)| Series { name: format!("Năm {year}"), values: values.clone(), gray: *gray })
        .collect();
    Some(Chart {
        title,
        labels: PeriodKind::ALL.iter().map(|k| k.label().to_string()).collect(),
        series,
        max: 100.0,
        unit: "%".into(),
        horizontal: false,
    })
}

/// Trích yếu: "Kết quả thực hiện công tác cải cách hành chính 6 tháng năm 2021".
fn subject(data: &ReportData) -> String {
    format!("Kết quả thực hiện công tác cải cách hành chính {}", data.stats.window.key.label())
}

fn opening(data: &ReportData) -> String {
    let w = &data.stats.window;
    format!(
        "Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, {} báo cáo kết quả thực hiện công tác \
         cải cách hành chính {} (số liệu từ ngày {} đến ngày {}) như sau:",
        data.unit.name,
        w.key.label(),
        dmy(w.start),
        dmy(w.end)
    )
}

fn next_period_heading(data: &ReportData) -> String {
    let key = data.stats.window.key;
    let next = match key.kind {
        PeriodKind::Q1 => format!("QUÝ II NĂM {}", key.year),
        PeriodKind::H1 => format!("6 THÁNG CUỐI NĂM {}", key.year),
        PeriodKind::Q3 => format!("QUÝ IV NĂM {}", key.year),
        PeriodKind::Year => format!("NĂM {}", key.year + 1),
    };
    format!("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {next}")
}

fn draft(data: &ReportData, key: &str) -> String {
    let lines = match key {
        "I" => direction(data),
        "II.1" => area(
            data,
            "the_che",
            "thực hiện công tác xây dựng, rà soát văn bản quy phạm pháp luật và văn bản hành chính theo thẩm quyền",
        ),
        "II.2" => procedures(data),
        "II.3" => area(data, "bo_may", "thực hiện việc sắp xếp, kiện toàn tổ chức bộ máy theo quy định"),
        "II.4" => civil_service(data),
        "II.5" => area(data, "tai_chinh_cong", "quản lý, sử dụng kinh phí theo đúng quy định"),
        "II.6" => digital(data),
        "III" => assessment(data),
        "IV" => next_tasks(data),
        _ => vec!["Không có kiến nghị, đề xuất.".to_string()],
    };
    lines.join("\n")
}

/// "Kế hoạch số 25/KH-UBND ngày 21/12/2021 về cải cách hành chính năm 2021".
fn plan_reference(plan: &crate::model::Plan) -> String {
    let p = &plan.input;
    let about = if p.title.is_empty() { p.kind.label().to_string() } else { lower_first(&p.title) };
    format!("Kế hoạch số {} ngày {} về {}", p.number, dmy(p.date), about)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => {
            // Keep acronyms (CCHC, TTHC) and proper names as written: only a capital followed by a lower-case letter.
            let second_lower = text.chars().nth(1).is_some_and(char::is_lowercase);
            if second_lower { first.to_lowercase().chain(chars).collect() } else { text.to_string() }
        }
        None => String::new(),
    }
}

fn direction(data: &ReportData) -> Vec<String> {
    let mut out = Vec::new();
    let year = data.stats.window.key.year;
    let end = data.stats.window.end;
    // Every plan of the year is named, even one dated after the window closed (seed 001 names such a plan).
    let plans: Vec<_> = data.plans.iter().collect();
    if plans.is_empty() {
        out.push(fill_in(&format!(
            "kế hoạch cải cách hành chính năm {year} của {} (nhập tại màn hình Kế hoạch CCHC, hoặc viết vào mục này)",
            data.short_name()
        )));
    } else {
        let annual: Vec<_> = plans.iter().filter(|p| p.input.kind == PlanKind::Annual).collect();
        let others: Vec<_> = plans.iter().filter(|p| p.input.kind != PlanKind::Annual).collect();
        for plan in annual {
            out.push(format!(
                "{} ban hành {} và tổ chức triển khai thực hiện đến các bộ phận chuyên môn, cán bộ, công chức.",
                data.short_name(),
                plan_reference(plan)
            ));
        }
        if !others.is_empty() {
            out.push(format!(
                "Để cụ thể hóa các nhiệm vụ cải cách hành chính năm {year}, {} đã ban hành:",
                data.short_name()
            ));
            let last = others.len() - 1;
            for (i, plan) in others.into_iter().enumerate() {
                out.push(format!("- {}{}", plan_reference(plan), if i == last { "." } else { ";" }));
            }
        }
    }
    let o = &data.progress.overall;
    if o.tasks > 0 {
        let mut sentence = format!(
            "Tính đến ngày {}, các kế hoạch năm {year} có {} nhiệm vụ; đã hoàn thành {} nhiệm vụ",
            dmy(end),
            count(o.tasks),
            count(o.done)
        );
        if let Some(rate) = o.completion_rate {
            sentence.push_str(&format!(", đạt {}%", percent(rate)));
        }
        let overdue = data.progress.overdue.len();
        if overdue > 0 {
            sentence.push_str(&format!("; {} nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành", count(overdue as i64)));
        }
        sentence.push('.');
        out.push(sentence);
    }
    out
}

/// Tasks of one reform area, with their status; a general sentence when the plan has none.
fn area(data: &ReportData, code: &str, general: &str) -> Vec<String> {
    let tasks: Vec<_> = data.tasks.iter().filter(|t| t.input.area == code).collect();
    if tasks.is_empty() {
        return vec![format!("Trong kỳ, {} tiếp tục {general}.", data.short_name())];
    }
    let mut out = vec![format!("Trong kỳ, {} thực hiện các nhiệm vụ sau:", data.short_name())];
    let last = tasks.len() - 1;
    for (i, task) in tasks.into_iter().enumerate() {
        out.push(format!("- {}: {}{}", task.input.content, task_state(&task.input), if i == last { "." } else { ";" }));
    }
    out
}

fn task_state(task: &crate::model::TaskInput) -> String {
    match task.status {
        TaskStatus::InProgress if task.percent > 0 => {
            format!("{} (đạt {}%)", TaskStatus::InProgress.label().to_lowercase(), task.percent)
        }
        status => status.label().to_lowercase(),
    }
}

fn procedures(data: &ReportData) -> Vec<String> {
    let mut out = Vec::new();
    out.push("2.1. Công tác kiểm soát, công khai thủ tục hành chính".to_string());
    let total = data.procedures.len();
    if total == 0 {
        out.push(fill_in(
            "danh mục thủ tục hành chính đang áp dụng (nhập tại màn hình Thủ tục hành chính, hoặc viết vào mục này)",
        ));
    } else {
        let mut fields: Vec<(String, usize)> = Vec::new();
        for p in &data.procedures {
            match fields.iter_mut().find(|(f, _)| *f == p.input.field) {
                Some((_, n)) => *n += 1,
                None => fields.push((p.input.field.clone(), 1)),
            }
        }
        let list: Vec<String> = fields.iter().map(|(f, n)| format!("{f} ({n})")).collect();
        out.push(format!(
            "Hiện nay, {} niêm yết công khai {} thủ tục hành chính thuộc {} lĩnh vực tại Bộ phận tiếp nhận và trả kết \
             quả: {}. Danh mục chi tiết tại Phụ lục II.",
            data.short_name(),
            count(total as i64),
            fields.len(),
            list.join(", ")
        ));
        let one_stop = data.procedures.iter().filter(|p| p.input.one_stop).count();
        let interlinked = data.procedures.iter().filter(|p| p.input.interlinked).count();
        let full = data.procedures.iter().filter(|p| p.input.online_level == crate::model::OnlineLevel::Full).count();
        let partial =
            data.procedures.iter().filter(|p| p.input.online_level == crate::model::OnlineLevel::Partial).count();
        let mut desks = vec![format!("{one_stop} thủ tục được tiếp nhận, giải quyết theo cơ chế một cửa")];
        if interlinked > 0 {
            desks.push(format!("{interlinked} thủ tục theo cơ chế một cửa liên thông"));
        }
        let mut online = Vec::new();
        if full > 0 {
            online.push(format!("{full} thủ tục được cung cấp dịch vụ công trực tuyến toàn trình"));
        }
        if partial > 0 {
            online.push(format!("{partial} thủ tục dịch vụ công trực tuyến một phần"));
        }
        let mut sentence = format!("Trong đó, {}", desks.join(", "));
        if !online.is_empty() {
            sentence.push_str(&format!("; {}", online.join(" và ")));
        }
        sentence.push('.');
        out.push(sentence);
    }
    out.push("2.2. Kết quả thực hiện cơ chế một cửa, một cửa liên thông".to_string());
    let t = &data.stats.total;
    let w = &data.stats.window;
    if data.stats.rows.is_empty() {
        out.push(fill_in(&format!(
            "số liệu tiếp nhận, giải quyết hồ sơ thủ tục hành chính từ ngày {} đến ngày {} (nhập tại màn hình Số liệu \
             giải quyết hồ sơ, hoặc viết vào mục này)",
            dmy(w.start),
            dmy(w.end)
        )));
        return out;
    }
    out.push(format!(
        "Từ ngày {} đến ngày {}, Bộ phận tiếp nhận và trả kết quả đã tiếp nhận {} hồ sơ (trực tuyến {}; trực tiếp \
         và qua dịch vụ bưu chính {}), từ kỳ trước chuyển sang {} hồ sơ. Đã giải quyết {} hồ sơ, trong đó trước hạn \
         {}, đúng hạn {}, quá hạn {}; đang giải quyết {} hồ sơ (trong hạn {}, quá hạn {}).",
        dmy(w.start),
        dmy(w.end),
        count(t.received_total),
        count(t.received_online),
        count(t.received_direct),
        count(t.carried_over),
        count(t.resolved_total),
        count(t.resolved_early),
        count(t.resolved_on_time),
        count(t.resolved_late),
        count(t.in_progress_total),
        count(t.in_progress_within),
        count(t.in_progress_overdue)
    ));
    if let Some(rate) = on_time_rate(t) {
        let mut sentence = format!("Tỷ lệ hồ sơ giải quyết đúng hạn đạt {}%", percent(rate));
        if t.resolved_late > 0 {
            sentence.push_str(&format!(
                "; đã gửi {} thư xin lỗi đối với {} hồ sơ giải quyết quá hạn",
                count(t.apology_letters),
                count(t.resolved_late)
            ));
        }
        sentence.push_str(". Chi tiết tại Phụ lục I.");
        out.push(sentence);
    }
    if let Some((before, p)) = &data.previous {
        let mut sentence = format!(
            "Cùng kỳ năm {}, đã tiếp nhận {} hồ sơ, giải quyết {} hồ sơ",
            before.year,
            count(p.received_total),
            count(p.resolved_total)
        );
        if let Some(rate) = on_time_rate(p) {
            sentence.push_str(&format!(", tỷ lệ đúng hạn đạt {}%", percent(rate)));
        }
        let change = t.received_total - p.received_total;
        if p.received_total > 0 && change != 0 {
            let word = if change > 0 { "tăng" } else { "giảm" };
            sentence.push_str(&format!(
                "; số hồ sơ tiếp nhận kỳ này {word} {} ({}%)",
                count(change.abs()),
                percent(change.abs() as f64 * 100.0 / p.received_total as f64)
            ));
        }
        sentence.push('.');
        out.push(sentence);
    }
    out
}

fn civil_service(data: &ReportData) -> Vec<String> {
    let s = &data.staffing;
    let mut out = Vec::new();
    if s.quota > 0 {
        out.push(format!(
            "Năm {}, biên chế cán bộ, công chức của {} được giao là {} biên chế; tính đến ngày {}, số cán bộ, công \
             chức có mặt là {} người; số biên chế chưa tuyển dụng được là {} người.",
            s.year,
            data.short_name(),
            count(s.quota),
            dmy(s.date),
            count(s.present),
            count(s.vacancies)
        ));
        let parts: Vec<String> = s
            .rows
            .iter()
            .filter(|r| r.quota.is_some() || r.present > 0)
            .map(|r| format!("{}: {} người", r.name, count(r.present)))
            .collect();
        if !parts.is_empty() {
            out.push(format!("Cụ thể: {}.", parts.join("; ")));
        }
        if let Some(share) = s.standard_share {
            let over = if s.standard_unknown > 0 {
                format!(" (tính trên {} người có thông tin về chuẩn)", count(s.standard_known))
            } else {
                String::new()
            };
            out.push(format!("Tỷ lệ cán bộ, công chức đạt chuẩn theo quy định là {}%{over}.", percent(share)));
        }
    } else {
        out.push(fill_in(&format!(
            "biên chế được giao năm {} (nhập tại màn hình Biên chế, đội ngũ, hoặc viết vào mục này)",
            s.year
        )));
    }
    out.extend(area(data, "cong_vu", "quản lý, sử dụng cán bộ, công chức theo vị trí việc làm"));
    out
}

fn digital(data: &ReportData) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(rate) = online_rate(&data.stats.total) {
        out.push(format!("Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến trong kỳ đạt {}%.", percent(rate)));
    }
    out.extend(area(
        data,
        "chinh_quyen_so",
        "đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động quản lý, điều hành",
    ));
    match &data.iso {
        None => out.push(format!(
            "{} chưa áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001.",
            data.short_name()
        )),
        Some(iso) => {
            if let Some(a) = &iso.announcement {
                let verb = match a.input.kind {
                    AnnouncementKind::Announce => "công bố",
                    AnnouncementKind::ReAnnounce => "công bố lại",
                };
                out.push(format!(
                    "Ngày {}, {} ban hành Quyết định số {} về việc {} Hệ thống quản lý chất lượng phù hợp tiêu chuẩn \
                     {}, áp dụng đối với {} thủ tục hành chính; hệ thống tiếp tục được duy trì, cải tiến.",
                    dmy(a.input.date),
                    data.short_name(),
                    a.input.number,
                    verb,
                    a.input.version.label(),
                    a.input.procedures.len()
                ));
            } else if let Some(v) = iso.version {
                out.push(format!(
                    "{} đang xây dựng hệ thống quản lý chất lượng theo tiêu chuẩn {}; chưa ban hành quyết định công bố.",
                    data.short_name(),
                    v.label()
                ));
            }
            let end = data.stats.window.end;
            let audits: Vec<String> =
                iso.audits.iter().filter(|a| a.input.date <= end).map(|a| dmy(a.input.date)).collect();
            let reviews: Vec<String> =
                iso.reviews.iter().filter(|r| r.input.date <= end).map(|r| dmy(r.input.date)).collect();
            let audit = if audits.is_empty() {
                "chưa tổ chức đánh giá nội bộ".to_string()
            } else {
                format!("đã tổ chức đánh giá nội bộ ngày {}", audits.join(", "))
            };
            let review = if reviews.is_empty() {
                "chưa tổ chức xem xét của lãnh đạo".to_string()
            } else {
                format!("đã tổ chức xem xét của lãnh đạo ngày {}", reviews.join(", "))
            };
            let until = if data.stats.window.key.kind == PeriodKind::Year {
                String::new()
            } else {
                format!(" (đến ngày {})", dmy(end))
            };
            out.push(format!("Trong năm {}{until}, {audit}; {review}.", iso.year));
        }
    }
    out
}

fn assessment(data: &ReportData) -> Vec<String> {
    let mut strengths = Vec::new();
    let mut weaknesses = Vec::new();
    let t = &data.stats.total;
    if let Some(rate) = on_time_rate(t) {
        if t.resolved_late == 0 {
            strengths.push(format!("toàn bộ hồ sơ thủ tục hành chính được giải quyết đúng hạn ({}%)", percent(rate)));
        } else {
            strengths.push(format!("tỷ lệ hồ sơ giải quyết đúng hạn đạt {}%", percent(rate)));
            weaknesses.push(format!("còn {} hồ sơ giải quyết quá hạn", count(t.resolved_late)));
        }
    }
    if !data.procedures.is_empty() {
        strengths.push("thủ tục hành chính được niêm yết công khai đầy đủ, kịp thời".to_string());
    }
    if let Some(rate) = data.progress.overall.completion_rate {
        strengths.push(format!("các nhiệm vụ kế hoạch đã hoàn thành {}%", percent(rate)));
    }
    if !data.progress.overdue.is_empty() {
        weaknesses
            .push(format!("còn {} nhiệm vụ quá thời hạn chưa hoàn thành", count(data.progress.overdue.len() as i64)));
    }
    if data.staffing.vacancies > 0 {
        weaknesses.push(format!("còn {} biên chế chưa tuyển dụng", count(data.staffing.vacancies)));
    }
    if t.in_progress_overdue > 0 {
        weaknesses.push(format!("còn {} hồ sơ đang giải quyết đã quá hạn", count(t.in_progress_overdue)));
    }
    let mut out = vec!["1. Ưu điểm".to_string()];
    out.push(if strengths.is_empty() {
        "Công tác cải cách hành chính được quan tâm chỉ đạo, triển khai thực hiện theo kế hoạch.".to_string()
    } else {
        format!("Công tác cải cách hành chính được quan tâm chỉ đạo, triển khai thực hiện: {}.", strengths.join("; "))
    });
    out.push("2. Hạn chế".to_string());
    out.push(if weaknesses.is_empty() {
        "Không có hạn chế lớn; một số nội dung cần tiếp tục duy trì, nâng cao chất lượng.".to_string()
    } else {
        format!("Bên cạnh kết quả đạt được, {}.", weaknesses.join("; "))
    });
    out
}

fn next_tasks(data: &ReportData) -> Vec<String> {
    let open = data.tasks.iter().filter(|t| !t.input.status.is_closed()).count();
    let annual = data.plans.iter().find(|p| p.input.kind == PlanKind::Annual);
    let mut out = vec![match annual {
        Some(plan) if open > 0 => {
            format!("Tiếp tục thực hiện {open} nhiệm vụ còn lại theo {}, bảo đảm đúng tiến độ.", plan_reference(plan))
        }
        _ => "Tiếp tục triển khai các nhiệm vụ cải cách hành chính theo kế hoạch, bảo đảm đúng tiến độ.".to_string(),
    }];
    out.push(
        "Duy trì thực hiện cơ chế một cửa, một cửa liên thông; cập nhật, niêm yết kịp thời thủ tục hành chính mới \
         được công bố."
            .into(),
    );
    out.push("Đẩy mạnh tiếp nhận, giải quyết hồ sơ trực tuyến; giảm hồ sơ giải quyết quá hạn.".into());
    if data.iso.is_some() {
        out.push("Duy trì, cải tiến hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001.".into());
    }
    out.push("Thực hiện chế độ thông tin, báo cáo công tác cải cách hành chính đúng thời gian quy định.".into());
    out.into_iter().map(|l| format!("- {l}")).collect()
}
