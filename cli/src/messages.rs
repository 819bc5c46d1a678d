//! The command line's Vietnamese: it fills the shared vocabulary (`cchc::vocabulary`: the sentence of every error
//! and finding code, the captions of stable names) with an error's or a finding's values, and holds the words only
//! the command line uses (the options that set an input, what a change did, record kinds named in a sentence).

use crate::format;
use cchc::Error;
use cchc::model::{Finding, FindingCode, Place};
use cchc::vocabulary::{self, PLACE_PARTS};
use std::path::Path;

/// The Vietnamese sentence for an error, with its details (path, code, value).
pub fn error_message(err: &Error) -> String {
    let d = Details::of(err);
    let template = match err {
        Error::CopyTooNew { .. } => vocabulary::errors::COPY_TOO_NEW,
        _ => vocabulary::error_words(err.code()).command_line,
    };
    let remedy = match err {
        Error::WrongStage { stage, action, .. } => vocabulary::errors::wrong_stage_remedy(stage, action),
        _ => "",
    };
    let errors = err.findings().iter().filter(|f| f.is_error()).count();
    fill_text(template, |name| match name {
        "path" => Some(d.path.clone()),
        "what" => Some(d.what.clone()),
        "key" => Some(d.key.clone()),
        "detail" => Some(d.detail.clone()),
        "errors" => Some(format::count(errors)),
        "remedy" => Some(remedy.to_string()),
        _ => None,
    })
}

/// A finding as one line: its place, then the sentence ("Kỳ 2025-Q1, lĩnh vực Hộ tịch: …").
pub fn finding_line(finding: &Finding) -> String {
    let place = place_text(&finding.place);
    let sentence = finding_message(finding);
    if place.is_empty() { sentence } else { format!("{place}: {sentence}") }
}

/// The Vietnamese sentence for a finding, filled with its values (the window fills the same templates).
pub fn finding_message(finding: &Finding) -> String {
    let mut finding = finding.clone();
    // Some producers name the offending text `code` or `column` rather than `value`, the allowed choices `expected`
    // and the first row `row` (the window reads them the same way).
    let aliases: &[(&str, &str)] = match finding.code {
        FindingCode::BadChoice => &[("allowed", "expected")],
        FindingCode::DuplicateInFile => &[("first_row", "row")],
        _ => &[],
    };
    for (name, other) in [("value", "code"), ("value", "column")].iter().chain(aliases) {
        if let (None, Some(text)) = (finding.values.get(*name), finding.values.get(*other).cloned()) {
            finding.values.insert(name.to_string(), text);
        }
    }
    if matches!(finding.code, FindingCode::MissingColumn | FindingCode::UnknownColumn) {
        let column = finding.values.get("value").cloned().or_else(|| finding.place.column.clone());
        finding.values.insert("column".to_string(), column.unwrap_or_default());
    }
    let remedy = vocabulary::remedy(finding.code).map_or("", |r| r.command_line);
    fill(vocabulary::template_of(&finding), |name| match name {
        "remedy" => Some(remedy.to_string()),
        _ => finding.values.get(name).cloned(),
    })
}

/// Fills a template's `{name}` placeholders. Whole numbers print the Vietnamese way ("2051" → "2.051"), except a
/// year, a period or a code (a name ending in "year", "period" or "code": "2026", "10507"), written as it is; the
/// window's `fill` follows the same rule.
pub fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    fill_text(template, |name| {
        let text = value(name)?;
        let name = name.to_ascii_lowercase();
        let identifier = ["year", "period", "code"].iter().any(|end| name.ends_with(end));
        match text.parse::<i64>() {
            Ok(n) if !identifier => Some(format::int(n)),
            _ => Some(text),
        }
    })
}

/// Fills a template's `{name}` placeholders with the values as they are (paths, codes, a year; a missing one is empty).
fn fill_text(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        out.push_str(&rest[..open]);
        out.push_str(&value(&rest[open + 1..open + close]).unwrap_or_default());
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Where a finding is, in Vietnamese: "Trang tính “Thủ tục hành chính”, dòng 7, cột “Mã TTHC”",
/// "Kỳ 2025-Q1, lĩnh vực Hộ tịch, cột “Nhận: Tổng số”", or "Mục “Mã thủ tục” (--code)" for a typed value.
pub fn place_text(place: &Place) -> String {
    let p = PLACE_PARTS;
    let part = |template: &str, value: String| fill_text(template, |_| Some(value.clone()));
    let mut parts: Vec<String> = Vec::new();
    if let Some(sheet) = &place.sheet {
        parts.push(part(p.sheet, sheet.clone()));
    }
    if let Some(row) = place.row {
        parts.push(part(p.row, format::count(row)));
    }
    if let Some(period) = &place.period {
        parts.push(part(p.period, period.clone()));
    }
    if let Some(field) = &place.field {
        parts.push(part(p.field, field.clone()));
    }
    if let Some(procedure) = &place.procedure {
        parts.push(part(p.procedure, procedure.clone()));
    }
    if let Some(record) = &place.record {
        parts.push(record.clone());
    }
    if let Some(column) = &place.column {
        if place.sheet.is_some() {
            // A file's own header, already as the person wrote it.
            parts.push(part(p.column, column.clone()));
        } else if parts.is_empty() {
            // A value typed in a command: name the item and the flag that sets it.
            let caption = entity_column_caption(place.entity.as_deref(), column);
            match flag(column) {
                Some(flag) => parts.push(fill_text(p.item_with_flag, |name| {
                    Some(if name == "flag" { flag.to_string() } else { caption.clone() })
                })),
                None => parts.push(part(p.item, caption)),
            }
        } else {
            parts.push(part(p.column, entity_column_caption(place.entity.as_deref(), column)));
        }
    }
    // A file named as it is written ("data.json", "evidence/…" inside a report file) keeps its own case.
    let first_is_path = place.sheet.is_none()
        && place.row.is_none()
        && place.period.is_none()
        && place.field.is_none()
        && place.procedure.is_none()
        && place.record.as_deref().is_some_and(is_path);
    if first_is_path { parts.join(", ") } else { capitalize(&parts.join(", ")) }
}

/// The caption of a column as its kind of record names it; names that are already captions (file headers) pass.
pub fn entity_column_caption(entity: Option<&str>, name: &str) -> String {
    vocabulary::entity_column_caption(entity, name).unwrap_or(name).to_string()
}

/// What a change-log entry is about: "Thủ tục", "Đơn vị", …; a table's own name where the log needs no shorter one.
pub fn entity_caption(entity: &str) -> String {
    vocabulary::entity_caption(entity).unwrap_or(entity).to_string()
}

/// The Vietnamese name of a register table, for the restore preview (unknown ones, from a newer program, as they are).
pub fn table_caption(table: &str) -> String {
    vocabulary::table_caption(table).unwrap_or(table).to_string()
}

/// The command-line flag that sets a stable input name, when there is one.
fn flag(name: &str) -> Option<&'static str> {
    Some(match name {
        "code" => "--code",
        "unit_code" => "cchc unit set --code",
        "name" => "--name",
        "field" => "--field",
        "processing_time" => "--time",
        "fee" => "--fee",
        "replaced_by" => "--replaced-by",
        "online_level" => "--online-level",
        "status" => "--status",
        "kind" => "--kind",
        "province" => "--province",
        "superior_line" => "--superior-line",
        "issuer_line" => "--issuer-line",
        "place_name" => "--place-name",
        "start" => "--start",
        "end" => "--end",
        "deadline" => "--deadline",
        "due" => "--due",
        "description" => "--description",
        "procedures" => "--procedures",
        "owner" => "--owner",
        "content" => "--content",
        "area" => "--area",
        "plan" => "--plan",
        "number" => "--number",
        "date" => "--date",
        "year" => "--year",
        "category" => "--category",
        "count" => "--count",
        "meeting_standard" => "--meeting-standard",
        "leader" => "--leader",
        "reason" => "--reason",
        "title" => "--title",
        "evidence_kind" => "--kind",
        "file" => "--file",
        _ => return None,
    })
}

/// What was done: "Thêm mới", "Sửa", …
pub fn action_caption(action: &str) -> String {
    vocabulary::action_caption(action).unwrap_or(action).to_string()
}

/// A change-log key as read by a person: "2025-Q1|Hộ tịch|" → "2025-Q1, Hộ tịch".
pub fn entity_key(key: &str) -> String {
    key.split('|').filter(|part| !part.is_empty()).collect::<Vec<_>>().join(", ")
}

/// The details an error carries, already as text.
struct Details {
    path: String,
    what: String,
    key: String,
    detail: String,
}

impl Details {
    fn of(err: &Error) -> Details {
        let mut d = Details { path: String::new(), what: String::new(), key: String::new(), detail: String::new() };
        match err {
            Error::RegisterNotFound(path)
            | Error::RegisterExists(path)
            | Error::NotARegister(path)
            | Error::FileFormat(path)
            | Error::NotUtf8(path)
            | Error::PackageRefused { path, .. }
            | Error::FileRefused { path, .. } => d.path = show_path(path),
            Error::WorkCopyCannot { action } => d.detail = work_copy_action(action).to_string(),
            Error::NotAWorkCopy => {}
            Error::SchemaTooNew { found, supported } => d.detail = format!("{found} > {supported}"),
            Error::RegisterDamaged(detail)
            | Error::Storage(detail)
            | Error::DiskFull(detail)
            | Error::RegisterBusy(detail)
            | Error::MissingGlyphs(detail) => d.detail = detail.clone(),
            Error::CopyTooNew { program, .. } => d.key = program.clone(),
            Error::BackupInvalid { path, reason } => {
                d.path = show_path(path);
                d.detail = reason.clone();
            }
            Error::Invalid(_) => {}
            Error::NotFound { what, key } | Error::AlreadyExists { what, key } => {
                d.what = what_caption(what);
                d.key = key.clone();
            }
            Error::ProcedureHasHistory(code) => d.key = code.clone(),
            Error::FileUnreadable { path, reason } => {
                d.path = show_path(path);
                d.detail = reason.clone();
            }
            Error::BadPeriod(text) | Error::ReportIssued(text) => d.key = text.clone(),
            Error::Io { path, source } => {
                d.path = show_path(path);
                d.detail = io_reason(source);
            }
            Error::WrongStage { year, stage, action } => {
                d.key = year.to_string();
                d.what = cchc::model::Stage::parse(stage).map_or(stage.to_string(), |s| s.label().to_string());
                d.detail = action_phrase(action).to_string();
            }
        }
        d
    }
}

/// What a refused assessment action was, as a verb phrase.
fn action_phrase(action: &str) -> &'static str {
    match action {
        "score" => "chấm điểm tự đánh giá",
        "not_applicable" => "đánh dấu không phát sinh",
        "explain" => "ghi giải trình",
        "appraise" => "ghi điểm thẩm định",
        "lock" => "chốt điểm tự chấm",
        "advance" => "chuyển sang bước tiếp theo",
        "unlock" => "mở khóa",
        "link" => "gắn tài liệu kiểm chứng",
        _ => "thực hiện thao tác này",
    }
}

fn what_caption(what: &str) -> String {
    match what {
        "assessment" => "phiếu tự đánh giá năm",
        "criteria_set" => "bộ chỉ số",
        "evidence" => "tài liệu kiểm chứng số",
        "procedure" => "thủ tục",
        "unit" => "thông tin đơn vị",
        "period" => "kỳ báo cáo",
        "stats" | "case_stats" => "số liệu hồ sơ",
        "field" => "lĩnh vực",
        "received_report" => "báo cáo đã nhận",
        "package_entry" => "tệp trong báo cáo",
        "report_section" => "mục báo cáo",
        "outgoing_document" => "văn bản đi",
        "plan" => "kế hoạch",
        "task" => "nhiệm vụ",
        "person" => "cán bộ, công chức số",
        "staff_category" => "loại cán bộ, công chức",
        "reform_area" => "lĩnh vực cải cách hành chính",
        "iso_announcement" => "quyết định công bố ISO 9001",
        "iso_audit" => "cuộc đánh giá nội bộ ISO 9001 số",
        "iso_review" => "cuộc xem xét của lãnh đạo số",
        "iso_action" => "hành động khắc phục, cải tiến số",
        "iso_legal_change" => "văn bản pháp luật cần cập nhật số",
        // A name from a newer program: said as a record, never as an identifier.
        _ => "bản ghi",
    }
    .to_string()
}

fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "không có tệp hoặc thư mục này".to_string(),
        ErrorKind::PermissionDenied => "không có quyền truy cập".to_string(),
        ErrorKind::AlreadyExists => "tệp đã tồn tại".to_string(),
        ErrorKind::StorageFull => "ổ đĩa đã đầy".to_string(),
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc".to_string(),
        ErrorKind::IsADirectory => "đây là một thư mục, không phải tệp".to_string(),
        ErrorKind::NotADirectory => "đường dẫn không phải là thư mục".to_string(),
        _ => format!("lỗi hệ thống (chi tiết kỹ thuật: {err})"),
    }
}

pub fn show_path(path: &Path) -> String {
    path.display().to_string()
}

/// A record that names a file: its first word holds a dot or a slash ("data.json", "evidence/ab12…").
fn is_path(record: &str) -> bool {
    record.split([' ', ':', ',']).next().is_some_and(|word| word.contains(['.', '/']))
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_sentences() {
        let cell = Place::cell("Thủ tục hành chính", 7, "Mã TTHC");
        assert_eq!(place_text(&cell), "Trang tính “Thủ tục hành chính”, dòng 7, cột “Mã TTHC”");
        let register = Place {
            period: Some("2025-Q1".into()),
            field: Some("Hộ tịch".into()),
            column: Some("received_total".into()),
            ..Place::default()
        };
        assert_eq!(place_text(&register), "Kỳ 2025-Q1, lĩnh vực Hộ tịch, cột “Nhận: Tổng số”");
        assert_eq!(place_text(&Place::field("code")), "Mục “Mã thủ tục” (--code)");
    }

    /// A task due before its plan was refused with the field called "Hạn gửi báo cáo" (the report deadline).
    #[test]
    fn a_column_is_named_as_its_record_names_it() {
        let task = Finding::new(FindingCode::TaskBeforePlan, Place::field("deadline")).of_entity("task");
        assert_eq!(place_text(&task.place), "Mục “Thời hạn hoàn thành” (--deadline)");
        let period = Finding::new(FindingCode::BadDate, Place::field("deadline")).of_entity("period");
        assert_eq!(place_text(&period.place), "Mục “Hạn gửi báo cáo” (--deadline)");
        let plan = Finding::new(FindingCode::DateInFuture, Place::field("date")).of_entity("plan");
        assert_eq!(place_text(&plan.place), "Mục “Ngày ban hành kế hoạch” (--date)");
    }

    /// Entries inside a report file were printed as "Data.json:" and "Evidence/link:".
    #[test]
    fn a_file_named_in_a_place_keeps_its_case() {
        assert_eq!(place_text(&Place::record("data.json")), "data.json");
        assert_eq!(place_text(&Place::record("evidence/link")), "evidence/link");
        assert_eq!(place_text(&Place::record("data.json: đơn vị")), "data.json: đơn vị");
        assert_eq!(place_text(&Place::record("nhiệm vụ “Rà soát”")), "Nhiệm vụ “Rà soát”");
    }

    #[test]
    fn findings_fill_in_their_values() {
        let f = Finding::new(FindingCode::ReceivedSumMismatch, Place::default()).with("total", 2051).with("sum", 11);
        assert_eq!(finding_line(&f), "Tổng số hồ sơ nhận (2.051) khác tổng trực tuyến + trực tiếp + kỳ trước (11).");
        let f = Finding::new(FindingCode::TimeWithoutUnit, Place::default()).with("value", "5");
        assert_eq!(finding_message(&f), "Thời hạn “5” thiếu đơn vị (ngày hoặc ngày làm việc).");
    }

    #[test]
    fn criteria_codes_and_points_are_not_regrouped_as_thousands() {
        let place = Place::record("Tiêu chí 3.3");
        let f = Finding::new(FindingCode::EvidenceMissing, place.clone()).with("value", "3.3").with("points", "1,5");
        assert_eq!(
            finding_line(&f),
            "Tiêu chí 3.3: Tự chấm 1,5 điểm nhưng chưa có tài liệu kiểm chứng và chưa có giải trình."
        );
        let f = Finding::new(FindingCode::CriteriaSumMismatch, place).with("sum", "1.005").with("max", "9");
        assert!(finding_message(&f).contains("(1.005)"));
        let err = Error::WrongStage { year: 2025, stage: "self_locked", action: "score" };
        assert_eq!(
            error_message(&err),
            "Phiếu tự đánh giá năm 2025 đang ở bước “Đã chốt điểm tự chấm” nên không thể chấm điểm tự đánh giá. \
             Bước này chỉ được xem; nếu cần sửa bước trước, hãy mở khóa bằng `cchc assess unlock --reason …`."
        );
    }
}

/// What a work copy cannot do, as the sentence names it.
fn work_copy_action(action: &str) -> &'static str {
    match action {
        "issue" => "ban hành văn bản có số",
        "send_report" => "gửi tệp báo cáo lên cấp trên",
        "take_copy" => "lấy bản làm việc khác",
        "merge" => "nhập thay đổi từ bản làm việc",
        _ => "làm được việc này",
    }
}
