//! People ("Cán bộ, công chức"): its columns, and the rows read into `PersonInput`s and back. Categories are the
//! register's data; a person is keyed by (name, date joined).

use super::{Choices, Column, Layout, Parsed, Read, Spec, choice_name, date_cell, parse_with, yes};
use crate::model::PersonInput;
use crate::sheet::{Cell, Table};

/// The sheet name of people tables.
pub const PEOPLE_SHEET: &str = "Cán bộ, công chức";

type C = Column<PersonInput>;

/// The columns in file order; field names are `PersonInput`'s.
pub(super) const SPEC: Spec<PersonInput> = Spec {
    sheet: PEOPLE_SHEET,
    columns: &[
        C::new("name", "Họ và tên", Read::Text, |p, _| Cell::text(&p.name)).or(&["Họ tên", "Tên"]).required(),
        C::new("position", "Chức danh, vị trí việc làm", Read::Text, |p, _| Cell::text(&p.position)).or(&[
            "Chức danh",
            "Chức vụ",
            "Vị trí việc làm",
        ]),
        C::new("rank", "Ngạch", Read::Text, |p, _| Cell::text(&p.rank)).or(&["Ngạch công chức"]),
        C::new("category", "Loại", Read::Own, |p, w| Cell::text(choice_name(&p.category, w.choices)))
            .or(&["Loại cán bộ, công chức", "Đối tượng"])
            .required(),
        C::new("joined", "Ngày vào", Read::Date, |p, _| date_cell(p.joined)).or(&["Ngày tuyển dụng", "Ngày bắt đầu"]),
        C::new("left", "Ngày thôi", Read::Date, |p, _| date_cell(p.left)).or(&["Ngày nghỉ", "Ngày thôi việc"]),
        C::new("qualification_level", "Trình độ chuyên môn", Read::Text, |p, _| {
            Cell::text(&p.qualification_level)
        })
        .or(&["Trình độ"]),
        C::new("qualification_field", "Chuyên ngành", Read::Text, |p, _| Cell::text(&p.qualification_field))
            .or(&["Ngành đào tạo"]),
        C::new("political_theory", "Lý luận chính trị", Read::Text, |p, _| Cell::text(&p.political_theory))
            .or(&["Trình độ lý luận chính trị"]),
        C::new("state_management", "Quản lý nhà nước", Read::Text, |p, _| Cell::text(&p.state_management))
            .or(&["Bồi dưỡng quản lý nhà nước"]),
        // A yes/no column like the procedures' (no by default).
        C::new("standard_met", "Đạt chuẩn", Read::Flag(false), |p, _| yes(p.standard_met)).or(&["Đạt tiêu chuẩn"]),
        C::new("standard_deadline", "Hạn đạt chuẩn", Read::Date, |p, _| date_cell(p.standard_deadline))
            .or(&["Thời hạn đạt chuẩn"]),
        C::new("note", "Ghi chú", Read::Text, |p, _| Cell::text(&p.note)),
    ],
};

/// The people header of a field name of `PersonInput` findings.
pub fn person_header(name: &str) -> &str {
    SPEC.header(name)
}

/// Reads people; `categories` are the register's (code, name) pairs.
pub fn parse_people(table: &Table, categories: &Choices) -> Parsed<PersonInput> {
    let mut parsed = parse_with(table, &SPEC, "name", |found| {
        let category = found.choice("category", categories);
        let standard_met = found.flag("standard_met");
        let input = PersonInput {
            name: found.text("name"),
            position: found.text("position"),
            rank: found.text("rank"),
            category,
            joined: found.date("joined"),
            left: found.date("left"),
            qualification_level: found.text("qualification_level"),
            qualification_field: found.text("qualification_field"),
            political_theory: found.text("political_theory"),
            state_management: found.text("state_management"),
            standard_met,
            standard_deadline: found.date("standard_deadline"),
            note: found.text("note"),
        }
        .cleaned();
        let joined = input.joined.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
        let key = format!("{} {joined}", input.name).trim_end().to_string();
        let validation =
            input.validate().into_iter().filter(|f| f.place.column.as_deref() != Some("category")).collect();
        (key, input, validation)
    });
    // The blanks of "Đạt chuẩn" are reported after the rows' findings.
    let layout = Layout::new(table, &SPEC, &mut Vec::new());
    if layout.is_complete() {
        parsed.findings.extend(layout.empty_flags());
    }
    parsed
}

/// People as a table, in the columns `parse_people` reads.
pub fn people_table(people: &[PersonInput], categories: &Choices) -> Table {
    SPEC.table(people, categories)
}

/// An empty people table: the headers only.
pub fn people_template() -> Table {
    SPEC.template()
}

/// The columns, for the import dialog.
pub fn people_columns() -> Vec<super::ColumnInfo> {
    SPEC.info()
}
