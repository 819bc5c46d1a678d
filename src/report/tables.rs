//! The tables printed in reports (Biểu 06, procedures by field, plan tasks, staffing) and Biểu 06 on its own.

use super::{ReportData, count, dmy, labels, percent};
use crate::layout::{Align, Block, Column, Document, HeaderCell, Orientation, Part, Row, Table, rules};
use crate::model::{CaseFigures, OnlineLevel};

/// Biểu 06 on its own, on landscape pages, for any period.
pub fn stats_document(data: &ReportData) -> Document {
    let w = &data.stats.window;
    let line = |text: String, style, align| Block::Line { text, size: rules::BODY_SIZE, style, align };
    use crate::layout::Style::*;
    let blocks = vec![
        data.header(),
        Block::Space(4.0),
        Block::Line { text: labels::FORM_06.into(), size: rules::TABLE_SIZE, style: Bold, align: Align::Right },
        line(labels::FORM_06_TITLE.into(), Bold, Align::Center),
        line(
            format!("Kỳ báo cáo: {} (từ ngày {} đến ngày {})", w.key.label(), dmy(w.start), dmy(w.end)),
            Italic,
            Align::Center,
        ),
        line(format!("Đơn vị báo cáo: {}", data.unit.name), Regular, Align::Left),
        line(
            format!(
                "Đơn vị nhận báo cáo: {}",
                if data.unit.recipients.is_empty() { "…".to_string() } else { data.unit.recipients.join("; ") }
            ),
            Regular,
            Align::Left,
        ),
        Block::Line { text: labels::FORM_06_UNIT.into(), size: rules::TABLE_SIZE, style: Italic, align: Align::Right },
        bieu06(data),
        data.closing(None),
    ];
    Document {
        title: format!("{} {}", labels::FORM_06, w.key.label()),
        parts: vec![Part { orientation: Orientation::Landscape, blocks }],
    }
}

/// Biểu số 06/VPCP/KSTT: one row per field, a total row; three header rows (groups, columns, column numbers).
pub fn bieu06(data: &ReportData) -> Block {
    let mut columns = vec![Column { weight: 5.0, align: Align::Center }, Column { weight: 27.0, align: Align::Left }];
    columns.extend((0..11).map(|_| Column { weight: 7.0, align: Align::Right }));
    let cell = |text: &str, row, rows, col, cols| HeaderCell { text: text.to_string(), row, rows, col, cols };
    let mut header = vec![
        cell(labels::STT, 0, 2, 0, 1),
        cell(labels::FIELD, 0, 2, 1, 1),
        cell(labels::RECEIVED, 0, 1, 2, 4),
        cell(labels::RESOLVED, 0, 1, 6, 4),
        cell(labels::IN_PROGRESS, 0, 1, 10, 3),
    ];
    let subcolumns =
        labels::RECEIVED_COLUMNS.iter().chain(&labels::RESOLVED_COLUMNS).chain(&labels::IN_PROGRESS_COLUMNS);
    for (i, name) in subcolumns.enumerate() {
        header.push(cell(name, 1, 1, 2 + i, 1));
    }
    for i in 0..13 {
        header.push(cell(&format!("({})", i + 1), 2, 1, i, 1));
    }
    let figures = data.field_figures();
    let mut rows: Vec<Row> = figures
        .iter()
        .enumerate()
        .map(|(i, (field, f))| Row::new([(i + 1).to_string(), field.clone()].into_iter().chain(numbers(f))))
        .collect();
    if rows.is_empty() {
        rows.push(Row::spanning(labels::NOTHING.into(), 13));
    }
    let mut total_cells = vec![String::new(), labels::TOTAL.to_string()];
    total_cells.extend(numbers(&data.stats.total));
    rows.push(Row::new(total_cells).bold());
    Block::Table(Table { size: rules::TABLE_SIZE_DENSE, columns, header, header_rows: 3, rows })
}

fn numbers(f: &CaseFigures) -> Vec<String> {
    f.columns().iter().take(11).map(|(_, v)| count(*v)).collect()
}

/// A table with one header row of `names`; with no rows, one spanning row says `empty`.
pub(super) fn simple_table(columns: Vec<Column>, names: &[&str], mut rows: Vec<Row>, empty: &str) -> Block {
    if rows.is_empty() {
        rows.push(Row::spanning(empty.to_string(), columns.len()));
    }
    Block::Table(Table { size: rules::TABLE_SIZE, columns, header: simple_header(names), header_rows: 1, rows })
}

pub(super) fn simple_header(names: &[&str]) -> Vec<HeaderCell> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| HeaderCell { text: name.to_string(), row: 0, rows: 1, col: i, cols: 1 })
        .collect()
}

/// Procedures in force grouped by field (a spanning row names each field and its count).
pub fn procedures(data: &ReportData) -> Block {
    let columns = vec![
        Column { weight: 10.0, align: Align::Center },
        Column { weight: 22.0, align: Align::Left },
        Column { weight: 70.0, align: Align::Left },
        Column { weight: 17.0, align: Align::Center },
        Column { weight: 17.0, align: Align::Center },
    ];
    let mut rows = Vec::new();
    let mut field: Option<&str> = None;
    let mut n = 0;
    for p in &data.procedures {
        if field != Some(p.input.field.as_str()) {
            field = Some(&p.input.field);
            let in_field = data.procedures.iter().filter(|q| q.input.field == p.input.field).count();
            rows.push(Row::spanning(format!("{} ({} thủ tục)", p.input.field, in_field), 5));
        }
        n += 1;
        let online = match p.input.online_level {
            OnlineLevel::None => String::new(),
            level => level.label().to_string(),
        };
        let desk = if p.input.interlinked {
            labels::INTERLINKED
        } else if p.input.one_stop {
            labels::ONE_STOP
        } else {
            ""
        };
        rows.push(Row::new([n.to_string(), p.input.code.clone(), p.input.name.clone(), online, desk.to_string()]));
    }
    if rows.is_empty() {
        rows.push(Row::spanning(labels::NOTHING.into(), 5));
    } else {
        rows.push(Row::spanning(format!("{}: {} thủ tục", labels::TOTAL, count(n)), 5));
    }
    Block::Table(Table {
        size: rules::TABLE_SIZE,
        columns,
        header: simple_header(&labels::PROCEDURE_COLUMNS),
        header_rows: 1,
        rows,
    })
}

/// The tasks of the year's plans with their status, grouped by plan.
pub fn tasks(data: &ReportData) -> Block {
    // Widths in millimetres of the 165 mm text: a date (30/11/2026) needs 25.
    let columns = vec![
        Column { weight: 11.0, align: Align::Center },
        Column { weight: 52.0, align: Align::Left },
        Column { weight: 26.0, align: Align::Left },
        Column { weight: 25.0, align: Align::Center },
        Column { weight: 30.0, align: Align::Center },
        Column { weight: 21.0, align: Align::Right },
    ];
    let mut rows = Vec::new();
    let mut n = 0;
    for plan in &data.plans {
        let tasks: Vec<_> = data
            .tasks
            .iter()
            .filter(|t| t.input.plan_year == plan.input.year && t.input.plan_number == plan.input.number)
            .collect();
        if tasks.is_empty() {
            continue;
        }
        rows.push(Row::spanning(format!("Kế hoạch số {} ngày {}", plan.input.number, dmy(plan.input.date)), 6));
        for task in tasks {
            n += 1;
            let t = &task.input;
            rows.push(Row::new([
                n.to_string(),
                t.content.clone(),
                t.owner.clone(),
                t.deadline.map(dmy).unwrap_or_default(),
                t.status.label().to_string(),
                format!("{}%", t.percent),
            ]));
        }
    }
    if rows.is_empty() {
        rows.push(Row::spanning(labels::NOTHING.into(), 6));
    } else if let Some(rate) = data.progress.overall.completion_rate {
        rows.push(Row::spanning(
            format!(
                "{}: {} nhiệm vụ, đã hoàn thành {} ({}%)",
                labels::TOTAL,
                count(data.progress.overall.tasks),
                count(data.progress.overall.done),
                percent(rate)
            ),
            6,
        ));
    }
    Block::Table(Table {
        size: rules::TABLE_SIZE,
        columns,
        header: simple_header(&labels::TASK_COLUMNS),
        header_rows: 1,
        rows,
    })
}

/// Quota, present and unfilled places by staff category on the last day of the period.
pub fn staffing(data: &ReportData) -> Block {
    let columns = vec![
        Column { weight: 10.0, align: Align::Center },
        Column { weight: 62.0, align: Align::Left },
        Column { weight: 22.0, align: Align::Right },
        Column { weight: 18.0, align: Align::Right },
        Column { weight: 22.0, align: Align::Right },
    ];
    let s = &data.staffing;
    let mut rows: Vec<Row> = s
        .rows
        .iter()
        .filter(|r| r.quota.is_some() || r.present > 0)
        .enumerate()
        .map(|(i, r)| {
            Row::new([
                (i + 1).to_string(),
                r.name.clone(),
                r.quota.map(count).unwrap_or_default(),
                count(r.present),
                r.vacancies.map(|v| count(v.max(0))).unwrap_or_default(),
            ])
        })
        .collect();
    if rows.is_empty() {
        rows.push(Row::spanning(labels::NOTHING.into(), 5));
    } else {
        rows.push(
            Row::new([String::new(), labels::TOTAL.into(), count(s.quota), count(s.present), count(s.vacancies)])
                .bold(),
        );
    }
    let mut blocks_header = simple_header(&labels::STAFFING_COLUMNS);
    blocks_header[1].text = format!("{} (đến ngày {})", labels::STAFFING_COLUMNS[1], dmy(s.date));
    Block::Table(Table { size: rules::TABLE_SIZE, columns, header: blocks_header, header_rows: 1, rows })
}
