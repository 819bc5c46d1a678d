//! Case statistics (Biểu 06): its columns, and the rows read into `StatsRow`s and back.

use super::{Cells, Column, Layout, Parsed, Read, Spec, Writing, cells};
use crate::model::{CaseFigures, Finding, FindingCode, PeriodKey, PeriodKind, Place, ProcedureCode, StatsRow};
use crate::sheet::{Cell, Table};
use crate::text;
use std::collections::HashMap;

/// The sheet name of case statistics.
pub const STATS_SHEET: &str = "Biểu 06";

/// The header of the statistics column "Mã TTHC".
pub const STATS_CODE_HEADER: &str = SPEC.header_of("procedure");
/// The header of the statistics column "Lĩnh vực".
pub const STATS_FIELD_HEADER: &str = SPEC.header_of("field");

type C = Column<StatsRow>;

/// A figure cell: the `CaseFigures` column of the column's field name.
fn figure(row: &StatsRow, writing: &Writing) -> Cell {
    let value = row.figures.columns().into_iter().find(|(name, _)| *name == writing.field).map_or(0, |(_, v)| v);
    Cell::Number(value as f64)
}

/// The columns in file order. The figure columns (`Read::Count`) are named and ordered as `CaseFigures::columns()`
/// (a unit test holds them equal), so that `model::check_row` findings land on their headers.
pub(super) const SPEC: Spec<StatsRow> = Spec {
    sheet: STATS_SHEET,
    columns: &[
        C::new("period", "Kỳ báo cáo", Read::Own, |r, _| Cell::Text(r.period.to_string())).or(&["Kỳ"]).required(),
        C::new("field", "Lĩnh vực", Read::Text, |r, _| Cell::text(&r.field)).or(&["Tên lĩnh vực"]).required(),
        C::new("procedure", "Mã TTHC", Read::Code, |r, _| r.procedure.as_deref().map_or(Cell::Empty, Cell::text))
            .or(&["Mã thủ tục", "Mã thủ tục hành chính", "Mã số"]),
        C::new("received_total", "Nhận - Tổng số", Read::Count, figure).required(),
        C::new("received_online", "Nhận - Trực tuyến", Read::Count, figure).required(),
        C::new("received_direct", "Nhận - Trực tiếp, bưu chính", Read::Count, figure)
            .or(&["Nhận - Trực tiếp và bưu chính", "Nhận - Trực tiếp, dịch vụ bưu chính"])
            .required(),
        C::new("carried_over", "Nhận - Kỳ trước chuyển sang", Read::Count, figure)
            .or(&["Nhận - Kỳ trước chuyển qua", "Nhận - Từ kỳ trước chuyển sang"])
            .required(),
        C::new("resolved_total", "Đã giải quyết - Tổng số", Read::Count, figure).required(),
        C::new("resolved_early", "Đã giải quyết - Trước hạn", Read::Count, figure).required(),
        C::new("resolved_on_time", "Đã giải quyết - Đúng hạn", Read::Count, figure).required(),
        C::new("resolved_late", "Đã giải quyết - Quá hạn", Read::Count, figure).required(),
        C::new("in_progress_total", "Đang giải quyết - Tổng số", Read::Count, figure).required(),
        C::new("in_progress_within", "Đang giải quyết - Trong hạn", Read::Count, figure).required(),
        C::new("in_progress_overdue", "Đang giải quyết - Quá hạn", Read::Count, figure).required(),
        C::new("apology_letters", "Thư xin lỗi", Read::Count, figure).or(&["Số thư xin lỗi", "Thư xin lỗi đã gửi"]),
    ],
};

/// The Biểu 06 header of a `CaseFigures` column name ("received_total" → "Nhận - Tổng số"), or of "period",
/// "field", "procedure"; any other name is returned unchanged. Maps the places of `model::check_row` findings.
pub fn stats_header(name: &str) -> &str {
    SPEC.header(name)
}

/// Reads case statistics; the sums are not checked here (`model::check_row` does that).
pub fn parse_stats(table: &Table) -> Parsed<StatsRow> {
    let mut findings = Vec::new();
    let layout = Layout::new(table, &SPEC, &mut findings);
    let mut records = Vec::new();
    if !layout.is_complete() {
        return Parsed { records, findings };
    }
    let figure_names: Vec<&str> =
        SPEC.columns.iter().filter(|c| c.head.read == Read::Count).map(|c| c.head.field).collect();
    let mut first_row_of: HashMap<(PeriodKey, String, Option<String>), usize> = HashMap::new();
    for row in &table.rows {
        if row.is_empty() {
            findings.push(Finding::new(FindingCode::EmptyRow, Place::row(&table.sheet, row.number)));
            continue;
        }
        let mut found = Cells::new(&layout, row);

        let period = match found.get("period") {
            Some(Cell::Empty) | None => {
                found.push(FindingCode::RequiredMissing, "period", &[]);
                None
            }
            Some(c) => {
                let period = period_cell(c);
                if period.is_none() {
                    found.push(FindingCode::BadPeriod, "period", &[("value", c.display())]);
                }
                period
            }
        };
        let field = found.text("field");
        if field.is_empty() {
            found.push(FindingCode::RequiredMissing, "field", &[]);
        }
        let code = found.code("procedure");
        let procedure = if code.is_empty() {
            None
        } else {
            match ProcedureCode::parse(&code) {
                Some(parsed) => Some(parsed.to_string()),
                None => {
                    found.push(FindingCode::BadProcedureCode, "procedure", &[("value", code.clone())]);
                    None
                }
            }
        };
        let mut figures = CaseFigures::default();
        for name in &figure_names {
            let Some(c) = found.get(name) else { continue };
            match cells::count(c) {
                Some(value) if value < 0 => found.push(FindingCode::Negative, name, &[("value", value.to_string())]),
                Some(value) => {
                    figures.set(name, value);
                }
                None => found.push(FindingCode::BadNumber, name, &[("value", c.display())]),
            }
        }
        // A row whose code is unreadable already has an error; comparing it as a whole-field row would mislead.
        let code_ok = procedure.is_some() || code.is_empty();
        if let Some(period) = period
            && !field.is_empty()
            && code_ok
        {
            let key = (period, text::fold(&field), procedure.clone());
            match first_row_of.get(&key) {
                Some(first) => {
                    let mut values = vec![("period", period.to_string()), ("field", field.clone())];
                    if let Some(code) = &procedure {
                        values.push(("procedure", code.clone()));
                    }
                    values.push(("first_row", first.to_string()));
                    let column = if procedure.is_some() { "procedure" } else { "field" };
                    found.push(FindingCode::DuplicateInFile, column, &values);
                }
                None => {
                    first_row_of.insert(key, row.number);
                }
            }
        }
        if let (false, Some(period)) = (found.has_errors(), period) {
            records.push((row.number, StatsRow { period, field, procedure, figures }));
        }
        findings.append(&mut found.findings);
    }
    Parsed { records, findings }
}

/// Case statistics as a table, in the columns `parse_stats` reads (it reads back equal rows).
pub fn stats_table(rows: &[StatsRow]) -> Table {
    SPEC.table(rows, &[])
}

/// An empty Biểu 06: the headers only.
pub fn stats_template() -> Table {
    SPEC.template()
}

/// The columns, for the import dialog.
pub fn stats_columns() -> Vec<super::ColumnInfo> {
    SPEC.info()
}

/// A period: "2025-Q1" and the other keys, a number 2025 (the year), or the printed label ("Quý I năm 2025").
fn period_cell(cell: &Cell) -> Option<PeriodKey> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 => format!("{}", *n as i64).parse().ok(),
        Cell::Text(s) => s.parse().ok().or_else(|| {
            let folded = text::fold(s);
            let year: i32 = folded.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 4)?.parse().ok()?;
            PeriodKind::ALL
                .into_iter()
                .map(|kind| PeriodKey::new(year, kind))
                .find(|key| text::fold(&key.label()) == folded)
                .filter(|key| format!("{key}").parse::<PeriodKey>().is_ok())
        }),
        _ => None,
    }
}
