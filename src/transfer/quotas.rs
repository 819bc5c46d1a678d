//! Quotas ("Biên chế"): its columns, and the rows read into `Quota`s and back. Categories are the register's data,
//! matched by code or Vietnamese name; a quota is keyed by (year, category).

use super::{Choices, Column, Parsed, Read, Spec, choice_name, date_cell, parse_with};
use crate::model::{Decision, FindingCode, Quota};
use crate::sheet::{Cell, Table};

/// The sheet name of quota tables.
pub const QUOTA_SHEET: &str = "Biên chế";

type C = Column<Quota>;

/// The columns in file order; field names are those of `Quota`'s findings.
pub(super) const SPEC: Spec<Quota> = Spec {
    sheet: QUOTA_SHEET,
    columns: &[
        C::new("year", "Năm", Read::Count, |q, _| Cell::Number(q.year as f64)).required(),
        C::new("category", "Loại", Read::Own, |q, w| Cell::text(choice_name(&q.category, w.choices)))
            .or(&["Loại cán bộ, công chức", "Đối tượng"])
            .required(),
        C::new("quota", "Biên chế được giao", Read::Count, |q, _| Cell::Number(q.quota as f64))
            .or(&["Biên chế", "Số biên chế", "Số lượng được giao"])
            .required(),
        C::new("basis", "Số quyết định giao", Read::Text, |q, _| Cell::text(&q.basis.number)).or(&[
            "Căn cứ",
            "Quyết định giao",
            "Số quyết định",
        ]),
        C::new("basis_date", "Ngày quyết định", Read::Date, |q, _| date_cell(q.basis.date)).or(&["Ngày ban hành"]),
    ],
};

/// The quota header of a field name of `Quota` findings ("quota" → "Biên chế được giao").
pub fn quota_header(name: &str) -> &str {
    SPEC.header(name)
}

/// Reads quotas; `categories` are the register's (code, name) pairs.
pub fn parse_quotas(table: &Table, categories: &Choices) -> Parsed<Quota> {
    parse_with(table, &SPEC, "category", |found| {
        let year = found.year("year");
        let category = found.choice("category", categories);
        let quota = match found.get("quota") {
            Some(Cell::Empty) | None => {
                found.push(FindingCode::RequiredMissing, "quota", &[]);
                0
            }
            Some(_) => found.number("quota").unwrap_or(0),
        };
        let basis = Decision { number: found.text("basis"), date: found.date("basis_date") };
        let quota = Quota { year, category, quota, basis }.cleaned();
        let validation = if found.has_errors() { Vec::new() } else { quota.validate() };
        (format!("{year} {}", quota.category), quota, validation)
    })
}

/// Quotas as a table, in the columns `parse_quotas` reads; categories by their Vietnamese names.
pub fn quotas_table(quotas: &[Quota], categories: &Choices) -> Table {
    SPEC.table(quotas, categories)
}

/// An empty quota table: the headers only.
pub fn quota_template() -> Table {
    SPEC.template()
}

/// The columns, for the import dialog.
pub fn quota_columns() -> Vec<super::ColumnInfo> {
    SPEC.info()
}
