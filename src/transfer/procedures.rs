//! The procedure list ("Thủ tục hành chính"): its columns, and the rows read into `ProcedureInput`s and back.

use super::{Cells, Column, Layout, Parsed, Read, Spec, cells, date_cell, yes};
use crate::model::{
    Finding, FindingCode, OnlineLevel, Place, ProcedureCode, ProcedureInput, ProcedureStatus, ProcessingTime, TimeUnit,
};
use crate::sheet::{Cell, Table};
use std::collections::HashMap;

/// The sheet name of procedure lists.
pub const PROCEDURE_SHEET: &str = "Thủ tục hành chính";

/// The header of the procedure column "Thay thế bởi" (for findings the App adds about replacements).
pub const REPLACED_BY_HEADER: &str = SPEC.header_of("replaced_by");

type C = Column<ProcedureInput>;

/// The columns in file order. Field names are `ProcedureInput`'s, so that its findings land on their headers.
pub(super) const SPEC: Spec<ProcedureInput> = Spec {
    sheet: PROCEDURE_SHEET,
    columns: &[
        C::new("code", "Mã TTHC", Read::Code, |p, _| Cell::text(&p.code))
            .or(&["Mã thủ tục", "Mã thủ tục hành chính", "Mã số", "Mã số TTHC", "Mã"])
            .required(),
        C::new("name", "Tên thủ tục hành chính", Read::Text, |p, _| Cell::text(&p.name))
            .or(&["Tên thủ tục", "Tên TTHC", "Tên"])
            .required(),
        C::new("field", "Lĩnh vực", Read::Text, |p, _| Cell::text(&p.field)).or(&["Tên lĩnh vực"]).required(),
        C::new("processing_time", "Thời hạn giải quyết", Read::Own, |p, _| {
            p.processing_time.map_or(Cell::Empty, |time| Cell::Number(time.amount))
        })
        .or(&["Thời gian giải quyết", "Thời hạn"]),
        C::new("time_unit", "Đơn vị thời hạn", Read::Own, |p, _| {
            p.processing_time.map_or(Cell::Empty, |time| Cell::text(time.unit.label()))
        })
        .or(&["Đơn vị thời gian", "Đơn vị tính thời hạn"]),
        C::new("fee", "Phí, lệ phí", Read::Text, |p, _| Cell::text(&p.fee)).or(&["Phí", "Lệ phí", "Phí lệ phí"]),
        C::new("legal_bases", "Căn cứ pháp lý", Read::Own, |p, _| Cell::text(&p.legal_bases.join("\n")))
            .or(&["Căn cứ"]),
        C::new("announcement", "Số QĐ công bố", Read::Text, |p, _| Cell::text(&p.announcement.number)).or(&[
            "Quyết định công bố",
            "Số quyết định công bố",
            "QĐ công bố",
        ]),
        C::new("announcement_date", "Ngày QĐ công bố", Read::Date, |p, _| date_cell(p.announcement.date))
            .or(&["Ngày quyết định công bố", "Ngày công bố"]),
        C::new("status", "Tình trạng", Read::Own, |p, _| Cell::text(p.status.label())).or(&[
            "Trạng thái",
            "Hiệu lực",
            "Tình trạng hiệu lực",
        ]),
        C::new("replaced_by", "Thay thế bởi", Read::Code, |p, _| {
            Cell::text(p.replaced_by.as_deref().unwrap_or(""))
        })
        .or(&["Được thay thế bởi", "Mã TTHC thay thế", "Thay thế"]),
        C::new("online_level", "Mức độ DVC trực tuyến", Read::Own, |p, _| Cell::text(p.online_level.label())).or(&[
            "Mức độ",
            "Mức độ DVCTT",
            "DVC trực tuyến",
            "Dịch vụ công trực tuyến",
        ]),
        // The defaults of the yes/no columns are `ProcedureInput::new`'s (a unit test holds them equal).
        C::new("one_stop", "Một cửa", Read::Flag(true), |p, _| yes(p.one_stop)).or(&["Bộ phận một cửa"]),
        C::new("interlinked", "Một cửa liên thông", Read::Flag(false), |p, _| yes(p.interlinked)).or(&["Liên thông"]),
        C::new("postal", "Bưu chính", Read::Flag(false), |p, _| yes(p.postal)).or(&[
            "Dịch vụ bưu chính",
            "Qua bưu chính",
            "Bưu chính công ích",
        ]),
        C::new("boundary_free", "Không phụ thuộc địa giới", Read::Flag(false), |p, _| yes(p.boundary_free))
            .or(&["Không phụ thuộc địa giới hành chính", "Phi địa giới"]),
        C::new("internal_process", "Số QĐ quy trình nội bộ", Read::Text, |p, _| {
            Cell::text(&p.internal_process.number)
        })
        .or(&["Quy trình nội bộ", "Số quyết định quy trình nội bộ"]),
        C::new("internal_process_date", "Ngày QĐ quy trình nội bộ", Read::Date, |p, _| {
            date_cell(p.internal_process.date)
        })
        .or(&["Ngày quy trình nội bộ", "Ngày quyết định quy trình nội bộ"]),
        C::new("in_iso_scope", "Thuộc phạm vi ISO", Read::Flag(false), |p, _| yes(p.in_iso_scope)).or(&[
            "ISO",
            "ISO 9001",
            "Phạm vi ISO",
        ]),
    ],
};

/// The header of a `ProcedureInput` field name ("code" → "Mã TTHC", "processing_time" → "Thời hạn giải quyết");
/// any other name is returned unchanged. Maps the places of `ProcedureInput::validate` findings.
pub fn procedure_header(name: &str) -> &str {
    SPEC.header(name)
}

/// Reads a procedure list; see the module documentation of `transfer` for the rules.
pub fn parse_procedures(table: &Table) -> Parsed<ProcedureInput> {
    let mut findings = Vec::new();
    let layout = Layout::new(table, &SPEC, &mut findings);
    let mut records = Vec::new();
    if !layout.is_complete() {
        return Parsed { records, findings };
    }
    let mut first_row_of: HashMap<String, usize> = HashMap::new();
    findings.extend(layout.empty_flags());
    for row in &table.rows {
        if row.is_empty() {
            findings.push(Finding::new(FindingCode::EmptyRow, Place::row(&table.sheet, row.number)));
            continue;
        }
        let mut found = Cells::new(&layout, row);
        let input = procedure_from_row(&mut found);
        if let Some(code) = ProcedureCode::parse(&input.code) {
            match first_row_of.get(code.as_str()) {
                Some(first) => found.push(
                    FindingCode::DuplicateInFile,
                    "code",
                    &[("code", code.to_string()), ("first_row", first.to_string())],
                ),
                None => {
                    first_row_of.insert(code.to_string(), row.number);
                }
            }
        }
        let input = input.cleaned();
        for finding in input.validate() {
            let header = procedure_header(finding.place.column.as_deref().unwrap_or("code"));
            let place = Place::cell(&table.sheet, row.number, header);
            let already = found.findings.iter().any(|f| f.code == finding.code && f.place == place);
            if !already {
                found.findings.push(Finding { place, ..finding });
            }
        }
        if !found.has_errors() {
            records.push((row.number, input));
        }
        findings.append(&mut found.findings);
    }
    Parsed { records, findings }
}

/// The procedure list as a table, in the columns `parse_procedures` reads (it reads back equal inputs).
pub fn procedures_table(list: &[ProcedureInput]) -> Table {
    SPEC.table(list, &[])
}

/// An empty procedure list: the headers only.
pub fn procedure_template() -> Table {
    SPEC.template()
}

/// The columns, for the import dialog.
pub fn procedure_columns() -> Vec<super::ColumnInfo> {
    SPEC.info()
}

fn procedure_from_row(found: &mut Cells) -> ProcedureInput {
    let mut input = ProcedureInput::new(&found.code("code"), &found.raw("name"), &found.raw("field"));

    let unit = match found.get("time_unit") {
        Some(c) if !c.is_empty() => {
            let value = c.display();
            match TimeUnit::parse(&value) {
                Some(unit) => Some(unit),
                None => {
                    let allowed = TimeUnit::ALL.map(TimeUnit::label).join(", ");
                    found.push(FindingCode::BadChoice, "time_unit", &[("value", value), ("allowed", allowed)]);
                    None
                }
            }
        }
        _ => None,
    };
    input.processing_time = found.get("processing_time").and_then(|c| processing_time(c, unit, found));

    input.fee = found.text("fee");
    if let Some(amount) = cells::odd_fee_amount(&input.fee) {
        found.push(FindingCode::OddFee, "fee", &[("value", input.fee.clone()), ("amount", amount.to_string())]);
    }
    input.legal_bases = cells::legal_bases(&found.raw("legal_bases"));

    input.announcement.number = found.text("announcement");
    input.announcement.date = found.date("announcement_date");
    input.internal_process.number = found.text("internal_process");
    input.internal_process.date = found.date("internal_process_date");

    let status = found.raw("status");
    match ProcedureStatus::parse(&status) {
        Some(s) => input.status = s,
        None => {
            let allowed = ProcedureStatus::ALL.map(ProcedureStatus::label).join(", ");
            found.push(FindingCode::BadChoice, "status", &[("value", status), ("allowed", allowed)]);
        }
    }
    let replaced_by = found.code("replaced_by");
    input.replaced_by = (!replaced_by.is_empty()).then_some(replaced_by);
    let level = found.raw("online_level");
    match OnlineLevel::parse(&level) {
        Some(l) => input.online_level = l,
        None => {
            let allowed = OnlineLevel::ALL.map(OnlineLevel::label).join(", ");
            found.push(FindingCode::BadChoice, "online_level", &[("value", level), ("allowed", allowed)]);
        }
    }

    input.one_stop = found.flag("one_stop");
    input.interlinked = found.flag("interlinked");
    input.postal = found.flag("postal");
    input.boundary_free = found.flag("boundary_free");
    input.in_iso_scope = found.flag("in_iso_scope");
    input
}

/// Reads a processing time cell; `unit_column` is the unit from "Đơn vị thời hạn" when given.
fn processing_time(cell: &Cell, unit_column: Option<TimeUnit>, found: &mut Cells) -> Option<ProcessingTime> {
    let value = cell.display();
    let segments: Vec<(f64, Option<TimeUnit>)> = match cell {
        Cell::Empty => return None,
        Cell::Number(n) => vec![(*n, None)],
        Cell::Text(s) => match cells::parse_time_text(s) {
            Some(segments) => segments,
            None => {
                found.push(FindingCode::BadNumber, "processing_time", &[("value", value)]);
                return None;
            }
        },
        Cell::Bool(_) | Cell::Date(_) => {
            found.push(FindingCode::BadNumber, "processing_time", &[("value", value)]);
            return None;
        }
    };
    let mut times = Vec::new();
    for (amount, unit) in segments {
        match unit.or(unit_column) {
            Some(unit) => times.push(ProcessingTime { amount, unit }),
            None => {
                found.push(FindingCode::TimeWithoutUnit, "processing_time", &[("value", value)]);
                return None;
            }
        }
    }
    let longest = times.iter().copied().max_by(|a, b| cells::working_days(a).total_cmp(&cells::working_days(b)))?;
    if times.iter().any(|t| *t != longest) {
        let kept = format!("{} {}", crate::sheet::format_number(longest.amount), longest.unit.label());
        found.push(FindingCode::TimeVariesByChannel, "processing_time", &[("value", value), ("kept", kept)]);
    }
    Some(longest)
}
