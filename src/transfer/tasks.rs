//! Reform-plan tasks ("Nhiệm vụ CCHC"): its columns, and the rows read into `TaskInput`s and back. Reform areas
//! are the register's data; a task is keyed by (plan year, plan number, content).

use super::{Choices, Column, Parsed, Read, Spec, choice_name, date_cell, parse_with};
use crate::model::{FindingCode, TaskInput, TaskStatus};
use crate::sheet::{Cell, Table};

/// The sheet name of task tables.
pub const TASK_SHEET: &str = "Nhiệm vụ CCHC";

type C = Column<TaskInput>;

/// The columns in file order; field names are those of `TaskInput`'s findings ("plan", "area", …).
pub(super) const SPEC: Spec<TaskInput> = Spec {
    sheet: TASK_SHEET,
    columns: &[
        C::new("plan_year", "Năm kế hoạch", Read::Count, |t, _| Cell::Number(t.plan_year as f64))
            .or(&["Năm"])
            .required(),
        C::new("plan", "Số kế hoạch", Read::Text, |t, _| Cell::text(&t.plan_number))
            .or(&["Kế hoạch", "Số, ký hiệu kế hoạch"])
            .required(),
        C::new("area", "Lĩnh vực CCHC", Read::Own, |t, w| Cell::text(choice_name(&t.area, w.choices)))
            .or(&["Lĩnh vực", "Nội dung CCHC"])
            .required(),
        C::new("content", "Nội dung nhiệm vụ", Read::Text, |t, _| Cell::text(&t.content))
            .or(&["Nhiệm vụ", "Nội dung"])
            .required(),
        C::new("owner", "Chủ trì", Read::Text, |t, _| Cell::text(&t.owner)).or(&[
            "Đơn vị chủ trì",
            "Người chủ trì",
            "Người thực hiện",
        ]),
        C::new("deadline", "Thời hạn", Read::Date, |t, _| date_cell(t.deadline))
            .or(&["Thời gian hoàn thành", "Hạn hoàn thành"]),
        C::new("expected_output", "Sản phẩm", Read::Text, |t, _| Cell::text(&t.expected_output))
            .or(&["Sản phẩm dự kiến", "Kết quả dự kiến"]),
        C::new("status", "Tình trạng", Read::Own, |t, _| Cell::text(t.status.label())).or(&["Trạng thái"]),
        // "80%" is accepted as 80.
        C::new("percent", "Tỷ lệ hoàn thành (%)", Read::Own, |t, _| Cell::Number(t.percent as f64)).or(&[
            "Tỷ lệ hoàn thành",
            "Tiến độ (%)",
            "Tiến độ",
        ]),
        C::new("evidence", "Tài liệu kiểm chứng", Read::Text, |t, _| Cell::text(&t.evidence))
            .or(&["Kiểm chứng", "Minh chứng"]),
    ],
};

/// The task header of a field name of `TaskInput` findings.
pub fn task_header(name: &str) -> &str {
    SPEC.header(name)
}

/// Reads tasks; `areas` are the register's reform areas as (code, name) pairs. Plans are checked by the caller.
pub fn parse_tasks(table: &Table, areas: &Choices) -> Parsed<TaskInput> {
    parse_with(table, &SPEC, "content", |found| {
        let plan_year = found.year("plan_year");
        let area = found.choice("area", areas);
        let status = match found.get("status") {
            None | Some(Cell::Empty) => TaskStatus::NotStarted,
            Some(c) => TaskStatus::parse(&c.display()).unwrap_or_else(|| {
                let allowed: Vec<&str> = TaskStatus::ALL.iter().map(|s| s.label()).collect();
                found.push(
                    FindingCode::BadChoice,
                    "status",
                    &[("value", c.display()), ("allowed", allowed.join("; "))],
                );
                TaskStatus::NotStarted
            }),
        };
        let percent = match found.get("percent") {
            Some(Cell::Text(s)) => found.number_in(Some(&Cell::text(s.trim_end_matches('%'))), "percent"),
            other => found.number_in(other, "percent"),
        }
        .unwrap_or(0);
        let input = TaskInput {
            plan_year,
            plan_number: found.text("plan"),
            area,
            content: found.text("content"),
            owner: found.text("owner"),
            deadline: found.date("deadline"),
            expected_output: found.text("expected_output"),
            status,
            percent,
            evidence: found.text("evidence"),
        }
        .cleaned();
        let key = format!("{} {} {}", input.plan_year, input.plan_number, input.content);
        let validation = input.validate().into_iter().filter(|f| f.place.column.as_deref() != Some("area")).collect();
        (key, input, validation)
    })
}

/// Tasks as a table, in the columns `parse_tasks` reads.
pub fn tasks_table(tasks: &[TaskInput], areas: &Choices) -> Table {
    SPEC.table(tasks, areas)
}

/// An empty task table: the headers only.
pub fn task_template() -> Table {
    SPEC.template()
}

/// The columns, for the import dialog.
pub fn task_columns() -> Vec<super::ColumnInfo> {
    SPEC.info()
}
