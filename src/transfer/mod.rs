//! The Vietnamese columns of the procedure list, Biểu 06, quotas, people, plan tasks, criteria sets and expected
//! units: tables (from `sheet`) to records and back.
//!
//! Each table has one file holding its column specification (`Spec`: the sheet name, then per column its field
//! name, Vietnamese header, accepted aliases, whether a file must have it, how its cells are read and how a record
//! fills it). Header matching, templates, exports and the header of a finding's field are all derived from it;
//! the table's file reads its rows by field name, never by a column number.
//!
//! Parsing never stops at the first problem: every cell's problem becomes a `Finding` placed at its sheet, row
//! (as the spreadsheet shows it) and column (the standard header, also when the file uses an alias), and a row
//! with any error gives no record; warnings keep it.
//!
//! Decisions worth knowing:
//! - Headers match ignoring case, diacritics and punctuation ("MA TTHC", "Mã TTHC:", "Phí lệ phí" all match), and a
//!   few aliases are accepted. A "STT"/"TT" (row number) column is expected in Vietnamese tables and ignored silently.
//! - A procedure code typed into Excel as a number loses its trailing zeros (1.001190 becomes 1.00119); a number
//!   in the code column is therefore written back with six decimals (`format!("{:.6}", n)`), which restores it
//!   (a whole number is kept as typed and reported as a bad code).
//! - Legal bases are one per line; a cell without line breaks is split on ";".
//! - Processing time "Trong ngày" (same working day) is read as 1 working day, the deadline it really sets.
//!   "Trong 5 ngày", "Không quá 5 ngày", "Tối đa 5 ngày" drop the leading words; text after the unit
//!   ("5 ngày làm việc kể từ ngày nhận đủ hồ sơ") is ignored. Several channel values (`15 Ngày (Trực tuyến);
//!   25 Ngày (Trực tiếp)`) keep the longest, comparing calendar days as 5/7 of a working day and an hour as 1/8.
//!   The unit column applies to values without their own unit; a value's own unit wins.
//! - Flags accept x, có, 1, true, đúng, ✓ (yes) and không, 0, false (no). An absent column gives its default
//!   (`Read::Flag`: "Một cửa" yes, as `ProcedureInput::new`; the others no); a column present but empty throughout
//!   reads the same; in a column marked here and there an empty cell is no. Every empty cell is reported
//!   (`FlagEmpty`, one warning per column with its rows). Exports write "có"/"không" in full.
//! - Warnings (unknown column, time varying by channel, odd fee, empty yes/no cells) keep the record.
//! - Case figures: empty is 0; "1.234" and "1,234" are thousands; fractions and text are `BadNumber`.
//!   "Thư xin lỗi" is optional (0 when absent); all other Biểu 06 figure columns are required.
//!   The period also accepts its printed label ("Quý I năm 2025", "6 tháng năm 2025", "năm 2025").
//! - Dates: date cells, text dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd (also dd-mm-yyyy, dd.mm.yyyy), and Excel serial
//!   numbers of the years 1990–2100 (a bare 2025 in a date column is a `BadDate`, not 17/07/1905).
//! - Fees are kept as written; `OddFee` warns when a money amount (a number followed by đồng, đ, VNĐ, VND or
//!   Việt Nam Đồng, possibly after nghìn/triệu) is above 0 and below 1.000 đồng.

mod cells;
mod criteria;
mod people;
mod procedures;
mod quotas;
mod stats;
mod tasks;
mod units;

#[cfg(test)]
mod tests;

pub use criteria::{criteria_table, criteria_template, parse_criteria};
pub use people::{parse_people, people_columns, people_table, people_template, person_header};
#[cfg(test)]
pub use procedures::procedure_header;
pub use procedures::{REPLACED_BY_HEADER, parse_procedures, procedure_columns, procedure_template, procedures_table};
pub use quotas::{parse_quotas, quota_columns, quota_header, quota_template, quotas_table};
pub use stats::{
    STATS_CODE_HEADER, STATS_FIELD_HEADER, parse_stats, stats_columns, stats_header, stats_table, stats_template,
};
pub use tasks::{parse_tasks, task_columns, task_header, task_template, tasks_table};
pub use units::{expected_units_table, parse_expected_units};

use crate::model::{Finding, FindingCode, Place};
use crate::sheet::{Cell, Row, Table};
use crate::text;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Records read from a table with their row numbers, and every problem found.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Parsed<T> {
    /// (row number as the spreadsheet shows it, record).
    pub records: Vec<(usize, T)>,
    pub findings: Vec<Finding>,
}

/// Every table's columns as (sheet, field, header), in file order: what the captions of the command line and the
/// window can be checked against.
#[cfg(test)]
pub fn column_headers() -> Vec<(&'static str, &'static str, &'static str)> {
    tables().into_iter().flat_map(|(sheet, heads)| heads.into_iter().map(move |h| (sheet, h.field, h.header))).collect()
}

/// Every table: its sheet name and its columns.
#[cfg(test)]
fn tables() -> [(&'static str, Vec<Head>); 7] {
    [
        (procedures::SPEC.sheet, procedures::SPEC.heads()),
        (stats::SPEC.sheet, stats::SPEC.heads()),
        (quotas::SPEC.sheet, quotas::SPEC.heads()),
        (people::SPEC.sheet, people::SPEC.heads()),
        (tasks::SPEC.sheet, tasks::SPEC.heads()),
        (criteria::SPEC.sheet, criteria::SPEC.heads()),
        (units::SPEC.sheet, units::SPEC.heads()),
    ]
}

/// How the cells of a column are read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Read {
    /// Text, cleaned (NFC, single spaces).
    Text,
    /// A procedure code: a fractional number gets back the zeros Excel dropped.
    Code,
    /// A date (see the module documentation).
    Date,
    /// Yes or no, with the value an absent column gives.
    Flag(bool),
    /// A whole number; empty is 0.
    Count,
    /// Read by the table's own code (choices, times, periods, rules).
    Own,
}

/// The (code, Vietnamese name) pairs of the register's data that some columns hold (categories, reform areas).
type Choices = [(String, String)];

/// What `Layout` and the findings need of a column.
#[derive(Debug, Clone, Copy)]
struct Head {
    /// The field name, as the record's findings name it ("code", "processing_time").
    field: &'static str,
    /// The standard header, written in templates and exports and naming the column in findings.
    header: &'static str,
    /// Other headers accepted for it.
    aliases: &'static [&'static str],
    /// A file without this column is refused (`MissingColumn`).
    required: bool,
    read: Read,
}

/// One column of a table of records `T`: its head and the cell a record gives it.
struct Column<T: 'static> {
    head: Head,
    write: fn(&T, &Writing) -> Cell,
}

/// What a column's writer may need beside the record: its own field name, and the register's choices.
struct Writing<'c> {
    field: &'static str,
    choices: &'c Choices,
}

impl<T> Column<T> {
    const fn new(field: &'static str, header: &'static str, read: Read, write: fn(&T, &Writing) -> Cell) -> Self {
        Column { head: Head { field, header, aliases: &[], required: false, read }, write }
    }

    /// Other headers accepted for the column.
    const fn or(self, aliases: &'static [&'static str]) -> Self {
        Column { head: Head { aliases, ..self.head }, write: self.write }
    }

    /// A column a file must have.
    const fn required(self) -> Self {
        Column { head: Head { required: true, ..self.head }, write: self.write }
    }
}

/// One column of a table, as a person is told about it before an import.
pub struct ColumnInfo {
    pub header: &'static str,
    pub required: bool,
    pub aliases: &'static [&'static str],
}

/// A table: its sheet name and its columns in file order.
struct Spec<T: 'static> {
    sheet: &'static str,
    columns: &'static [Column<T>],
}

impl<T> Spec<T> {
    fn heads(&self) -> Vec<Head> {
        self.columns.iter().map(|c| c.head).collect()
    }

    /// The columns as the import dialog explains them: header, whether a file must have it, other headers accepted.
    fn info(&self) -> Vec<ColumnInfo> {
        self.columns
            .iter()
            .map(|c| ColumnInfo { header: c.head.header, required: c.head.required, aliases: c.head.aliases })
            .collect()
    }

    /// An empty table: the headers only.
    fn template(&self) -> Table {
        let headers: Vec<&str> = self.columns.iter().map(|c| c.head.header).collect();
        Table::new(self.sheet, &headers)
    }

    /// A record's row.
    fn row(&self, record: &T, choices: &Choices) -> Vec<Cell> {
        self.columns.iter().map(|c| (c.write)(record, &Writing { field: c.head.field, choices })).collect()
    }

    /// Records as a table, in the columns the table's parser reads.
    fn table<'r>(&self, records: impl IntoIterator<Item = &'r T>, choices: &Choices) -> Table
    where
        T: 'r,
    {
        let mut table = self.template();
        for record in records {
            table.push(self.row(record, choices));
        }
        table
    }

    /// The header of a field name; any other name is returned unchanged (the places of a record's own findings).
    fn header<'a>(&self, field: &'a str) -> &'a str {
        self.columns.iter().find(|c| c.head.field == field).map_or(field, |c| c.head.header)
    }

    /// The header of a field name known at compile time.
    const fn header_of(&self, field: &str) -> &'static str {
        let mut i = 0;
        while i < self.columns.len() {
            if same(self.columns[i].head.field, field) {
                return self.columns[i].head.header;
            }
            i += 1;
        }
        panic!("no such field")
    }
}

/// String equality usable in constants.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Headers that are expected in Vietnamese tables and mean nothing to us (the row number column).
const IGNORED_HEADERS: [&str; 4] = ["STT", "TT", "Số TT", "Số thứ tự"];

/// The comparison key of a header: folded, punctuation as spaces ("Phí, lệ phí" → "phi le phi").
fn header_key(header: &str) -> String {
    let folded: String = text::fold(header).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where each known column is in a table, and which yes/no columns hold a value somewhere.
struct Layout<'t> {
    table: &'t Table,
    heads: Vec<Head>,
    positions: Vec<Option<usize>>,
    /// The yes/no columns that hold at least one value: there, an empty cell reads "không" (a column marked with
    /// "x" here and there). A column present but empty throughout reads as if it were absent.
    marked: Vec<&'static str>,
}

impl<'t> Layout<'t> {
    /// Maps headers to columns; reports unknown columns (warnings) and missing required ones (errors).
    fn new<T>(table: &'t Table, spec: &Spec<T>, findings: &mut Vec<Finding>) -> Layout<'t> {
        let heads = spec.heads();
        let header_row = table.header_row();
        let mut positions: Vec<Option<usize>> = vec![None; heads.len()];
        let ignored: Vec<String> = IGNORED_HEADERS.iter().map(|h| header_key(h)).collect();
        for (index, header) in table.headers.iter().enumerate() {
            let key = header_key(header);
            if key.is_empty() || ignored.contains(&key) {
                continue;
            }
            let found = heads.iter().position(|head| {
                header_key(head.header) == key || head.aliases.iter().any(|alias| header_key(alias) == key)
            });
            match found {
                Some(column) if positions[column].is_none() => positions[column] = Some(index),
                // Unknown, or a second column for the same thing: the first one is used.
                _ => findings.push(
                    Finding::new(FindingCode::UnknownColumn, Place::cell(&table.sheet, header_row, header))
                        .with("column", header),
                ),
            }
        }
        for (head, position) in heads.iter().zip(&positions) {
            if head.required && position.is_none() {
                findings.push(
                    Finding::new(FindingCode::MissingColumn, Place::cell(&table.sheet, header_row, head.header))
                        .with("column", head.header),
                );
            }
        }
        let mut layout = Layout { table, heads, positions, marked: Vec::new() };
        layout.marked = layout
            .flags()
            .map(|(field, _)| field)
            .filter(|field| table.rows.iter().any(|row| layout.cell(row, field).is_some_and(|c| !c.is_empty())))
            .collect();
        layout
    }

    fn is_complete(&self) -> bool {
        self.heads.iter().zip(&self.positions).all(|(head, position)| !head.required || position.is_some())
    }

    fn index(&self, field: &str) -> usize {
        self.heads.iter().position(|h| h.field == field).unwrap_or_else(|| panic!("no column {field}"))
    }

    fn header(&self, field: &str) -> &'static str {
        self.heads[self.index(field)].header
    }

    /// The cell of a column in a row; `None` when the file has no such column.
    fn cell<'r>(&self, row: &'r Row, field: &str) -> Option<&'r Cell> {
        self.positions[self.index(field)].map(|index| row.cell(index))
    }

    /// The yes/no columns with the value an absent column gives.
    fn flags(&self) -> impl Iterator<Item = (&'static str, bool)> + '_ {
        self.heads.iter().filter_map(|h| match h.read {
            Read::Flag(default) => Some((h.field, default)),
            _ => None,
        })
    }

    /// One warning per yes/no column with empty cells, naming their rows and the value they were given, so that
    /// no blank is read silently.
    fn empty_flags(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        for (field, default) in self.flags() {
            let rows: Vec<usize> = self
                .table
                .rows
                .iter()
                .filter(|row| !row.is_empty() && self.cell(row, field).is_some_and(Cell::is_empty))
                .map(|row| row.number)
                .collect();
            if rows.is_empty() {
                continue;
            }
            let value = if self.marked.contains(&field) { false } else { default };
            let shown: Vec<String> = rows.iter().take(10).map(usize::to_string).collect();
            let more = if rows.len() > 10 { ", …" } else { "" };
            let place = Place { column: Some(self.header(field).to_string()), ..Place::default() };
            findings.push(
                Finding::new(FindingCode::FlagEmpty, Place { sheet: Some(self.table.sheet.clone()), ..place })
                    .with("default", if value { "có" } else { "không" })
                    .with("count", rows.len())
                    .with("rows", format!("{}{more}", shown.join(", "))),
            );
        }
        findings
    }
}

/// One row being read: its cells by field name, and its findings placed at those cells.
struct Cells<'a> {
    layout: &'a Layout<'a>,
    row: &'a Row,
    findings: Vec<Finding>,
}

impl<'a> Cells<'a> {
    fn new(layout: &'a Layout<'a>, row: &'a Row) -> Cells<'a> {
        Cells { layout, row, findings: Vec::new() }
    }

    /// The cell of a field; `None` when the file has no such column.
    fn get(&self, field: &str) -> Option<&'a Cell> {
        self.layout.cell(self.row, field)
    }

    /// The cell as text, as it reads (numbers without ".0", dates dd/mm/yyyy); "" for an absent column.
    fn raw(&self, field: &str) -> String {
        cells::text_of(self.get(field))
    }

    /// A `Read::Text` cell, cleaned.
    fn text(&self, field: &str) -> String {
        self.expect(field, |read| read == Read::Text);
        text::clean(&self.raw(field))
    }

    /// A `Read::Code` cell.
    fn code(&self, field: &str) -> String {
        self.expect(field, |read| read == Read::Code);
        cells::code_text(self.get(field))
    }

    /// A `Read::Date` cell: `BadDate` when it is not a date.
    fn date(&mut self, field: &str) -> Option<NaiveDate> {
        self.expect(field, |read| read == Read::Date);
        self.date_in(field)
    }

    /// A date in any column (criteria settings hold one in their text column).
    fn date_in(&mut self, field: &str) -> Option<NaiveDate> {
        let cell = self.get(field)?;
        let parsed = match cell {
            Cell::Empty => return None,
            other => cells::date(other),
        };
        if parsed.is_none() {
            let value = cell.display();
            // Written as a date, but no such day ("31/02/2026"): the finding says which part cannot be.
            let parts = match cell {
                Cell::Text(text) => cells::date_parts(text),
                _ => None,
            };
            let values = match parts {
                Some((year, month, day)) if (1..=12).contains(&month) => {
                    vec![
                        ("value", value),
                        ("day", day.to_string()),
                        ("month", month.to_string()),
                        ("year", year.to_string()),
                    ]
                }
                Some((_, month, _)) => vec![("value", value), ("month", month.to_string())],
                None => vec![("value", value)],
            };
            self.push(FindingCode::BadDate, field, &values);
        }
        parsed
    }

    /// A `Read::Flag` cell: an absent column gives its default; an empty cell gives the default too, or "không" in
    /// a column marked here and there; anything but yes or no is refused.
    fn flag(&mut self, field: &str) -> bool {
        self.expect(field, |read| matches!(read, Read::Flag(_)));
        let Read::Flag(default) = self.layout.heads[self.layout.index(field)].read else { unreachable!() };
        match self.get(field) {
            None => default,
            Some(c) if c.is_empty() => !self.layout.marked.contains(&field) && default,
            Some(c) => cells::flag(c).unwrap_or_else(|| {
                self.push(FindingCode::BadChoice, field, &[("value", c.display()), ("allowed", "x, có, không".into())]);
                default
            }),
        }
    }

    /// A whole number (`Read::Count`); `None` for an absent column, and `BadNumber` for anything else.
    fn number(&mut self, field: &str) -> Option<i64> {
        self.expect(field, |read| read == Read::Count);
        self.number_in(self.get(field), field)
    }

    /// A whole number from `cell`, reported at `field` when it is not one.
    fn number_in(&mut self, cell: Option<&Cell>, field: &str) -> Option<i64> {
        let cell = cell?;
        let value = cells::count(cell);
        if value.is_none() {
            self.push(FindingCode::BadNumber, field, &[("value", cell.display())]);
        }
        value
    }

    /// A year (2000–2100) in a `Read::Count` column.
    fn year(&mut self, field: &str) -> i32 {
        self.expect(field, |read| read == Read::Count);
        match self.get(field).map(cells::count) {
            Some(Some(0)) | None => {
                self.push(FindingCode::RequiredMissing, field, &[]);
                0
            }
            Some(Some(y)) if (2000..=2100).contains(&y) => y as i32,
            Some(_) => {
                self.push(FindingCode::BadNumber, field, &[("value", self.raw(field))]);
                0
            }
        }
    }

    /// A (code, Vietnamese name) choice matched by code or folded name; `BadChoice` listing the names otherwise.
    fn choice(&mut self, field: &str, choices: &Choices) -> String {
        let value = self.raw(field);
        if value.is_empty() {
            self.push(FindingCode::RequiredMissing, field, &[]);
            return value;
        }
        let folded = text::fold(&value);
        let found = choices
            .iter()
            .find(|(code, name)| *code == value || text::fold(name) == folded || text::fold(code) == folded);
        match found {
            Some((code, _)) => code.clone(),
            None => {
                let allowed: Vec<&str> = choices.iter().map(|(_, name)| name.as_str()).collect();
                self.push(FindingCode::BadChoice, field, &[("value", value), ("allowed", allowed.join("; "))]);
                String::new()
            }
        }
    }

    /// The place of a field's cell in this row.
    fn place(&self, field: &str) -> Place {
        Place::cell(&self.layout.table.sheet, self.row.number, self.layout.header(field))
    }

    fn push(&mut self, code: FindingCode, field: &str, values: &[(&str, String)]) {
        let mut finding = Finding::new(code, self.place(field));
        for (name, value) in values {
            finding = finding.with(name, value);
        }
        self.findings.push(finding);
    }

    fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }

    /// Reading a column in a way its specification does not say is a programming error.
    fn expect(&self, field: &str, ok: impl Fn(Read) -> bool) {
        let read = self.layout.heads[self.layout.index(field)].read;
        debug_assert!(ok(read), "column {field} is read as {read:?}");
    }
}

/// The name of a choice's code, or the code when it has none.
fn choice_name<'a>(code: &'a str, choices: &'a Choices) -> &'a str {
    choices.iter().find(|(c, _)| c == code).map_or(code, |(_, name)| name.as_str())
}

/// "có" or "không" in full: an empty cell in a yes/no column is reported when the sheet comes back.
fn yes(value: bool) -> Cell {
    Cell::text(if value { "có" } else { "không" })
}

/// A date cell, or an empty one.
fn date_cell(date: Option<NaiveDate>) -> Cell {
    date.map_or(Cell::Empty, Cell::Date)
}

/// The shared loop of the register-data tables: layout, empty rows, the record's own findings placed at their
/// headers, duplicate keys (reported at `key_field`).
fn parse_with<T>(
    table: &Table,
    spec: &Spec<T>,
    key_field: &str,
    read: impl Fn(&mut Cells) -> (String, T, Vec<Finding>),
) -> Parsed<T> {
    let mut findings = Vec::new();
    let layout = Layout::new(table, spec, &mut findings);
    let mut records = Vec::new();
    if !layout.is_complete() {
        return Parsed { records, findings };
    }
    let mut first_row_of: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        if row.is_empty() {
            findings.push(Finding::new(FindingCode::EmptyRow, Place::row(&table.sheet, row.number)));
            continue;
        }
        let mut found = Cells::new(&layout, row);
        let (key, record, validation) = read(&mut found);
        for finding in validation {
            let column = spec.header(finding.place.column.as_deref().unwrap_or(""));
            let place = Place::cell(&table.sheet, row.number, column);
            if !found.findings.iter().any(|f| f.place == place && f.is_error()) {
                found.findings.push(Finding { place, ..finding });
            }
        }
        if !found.has_errors() {
            match first_row_of.get(&key) {
                Some(first) => found.push(
                    FindingCode::DuplicateInFile,
                    key_field,
                    &[("value", key.clone()), ("first_row", first.to_string())],
                ),
                None => {
                    first_row_of.insert(key, row.number);
                }
            }
        }
        if !found.has_errors() {
            records.push((row.number, record));
        }
        findings.append(&mut found.findings);
    }
    Parsed { records, findings }
}
