//! The Vietnamese columns of the procedure list, Biểu 06, quotas, people, plan tasks and criteria sets: tables (from
//! `sheet`) to records and back.
//!
//! Parsing never stops at the first problem: every cell's problem becomes a `Finding` placed at its sheet, row
//! (as the spreadsheet shows it) and column (the standard header below, also when the file uses an alias), and a
//! row with any error gives no record; warnings keep it.
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
//!   ("Một cửa" yes, as `ProcedureInput::new`; the others no); a column present but empty throughout reads the same;
//!   in a column marked here and there an empty cell is no. Every empty cell is reported (`FlagEmpty`, one warning
//!   per column with its rows). Exports write "có"/"không" in full.
//! - Warnings (unknown column, time varying by channel, odd fee, empty yes/no cells) keep the record.
//! - Case figures: empty is 0; "1.234" and "1,234" are thousands; fractions and text are `BadNumber`.
//!   "Thư xin lỗi" is optional (0 when absent); all other Biểu 06 figure columns are required.
//!   The period also accepts its printed label ("Quý I năm 2025", "6 tháng năm 2025", "năm 2025").
//! - Dates: date cells, text dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd (also dd-mm-yyyy, dd.mm.yyyy), and Excel serial
//!   numbers of the years 1990–2100 (a bare 2025 in a date column is a `BadDate`, not 17/07/1905).
//! - Fees are kept as written; `OddFee` warns when a money amount (a number followed by đồng, đ, VNĐ, VND or
//!   Việt Nam Đồng, possibly after nghìn/triệu) is above 0 and below 1.000 đồng.

use crate::model::{
    CRITERIA_FORMAT, CaseFigures, ClassBand, CountBand, CriteriaSet, DayOfYear, Decision, Finding, FindingCode, Node,
    Normalisation, OnlineLevel, Part, Percent, PercentBand, PeriodKey, PeriodKind, PersonInput, Place, Points,
    ProcedureCode, ProcedureInput, ProcedureStatus, ProcessingTime, Quota, Rule, SetDecision, StatsRow, TaskInput,
    TaskStatus, TimeUnit,
};
use crate::sheet::{Cell, Row, Table};
use crate::text;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashMap};

/// Records read from a table with their row numbers, and every problem found.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Parsed<T> {
    /// (row number as the spreadsheet shows it, record).
    pub records: Vec<(usize, T)>,
    pub findings: Vec<Finding>,
}

impl<T> Parsed<T> {
    /// True when some finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

/// The sheet name of procedure lists.
pub const PROCEDURE_SHEET: &str = "Thủ tục hành chính";
/// The sheet name of case statistics.
pub const STATS_SHEET: &str = "Biểu 06";

/// The header of the procedure column "Thay thế bởi" (for findings the App adds about replacements).
pub const REPLACED_BY_HEADER: &str = PROCEDURE_COLUMNS[P_REPLACED_BY].header;
/// The header of the statistics column "Mã TTHC".
pub const STATS_CODE_HEADER: &str = STATS_COLUMNS[S_CODE].header;
/// The header of the statistics column "Lĩnh vực".
pub const STATS_FIELD_HEADER: &str = STATS_COLUMNS[S_FIELD].header;

/// The Biểu 06 header of a `CaseFigures` column name ("received_total" → "Nhận - Tổng số"), or of "period",
/// "field", "procedure"; any other name is returned unchanged. Maps the places of `model::check_row` findings.
pub fn stats_header(name: &str) -> &str {
    let figures = CaseFigures::default().columns();
    match name {
        "period" => STATS_COLUMNS[S_PERIOD].header,
        "field" => STATS_COLUMNS[S_FIELD].header,
        "procedure" => STATS_COLUMNS[S_CODE].header,
        _ => figures.iter().position(|(n, _)| *n == name).map_or(name, |i| STATS_COLUMNS[S_FIGURES + i].header),
    }
}

/// The header of a `ProcedureInput` field name ("code" → "Mã TTHC", "processing_time" → "Thời hạn giải quyết");
/// any other name is returned unchanged. Maps the places of `ProcedureInput::validate` findings.
pub fn procedure_header(name: &str) -> &str {
    let column = match name {
        "code" => P_CODE,
        "name" => P_NAME,
        "field" => P_FIELD,
        "processing_time" => P_TIME,
        "fee" => P_FEE,
        "legal_bases" => P_LEGAL,
        "announcement" => P_ANN_NO,
        "status" => P_STATUS,
        "replaced_by" => P_REPLACED_BY,
        "online_level" => P_ONLINE,
        "one_stop" => P_ONE_STOP,
        "interlinked" => P_INTERLINKED,
        "postal" => P_POSTAL,
        "boundary_free" => P_BOUNDARY_FREE,
        "internal_process" => P_PROC_NO,
        "in_iso_scope" => P_ISO,
        _ => return name,
    };
    PROCEDURE_COLUMNS[column].header
}

/// A column: its header, other headers accepted for it, and whether a file must have it.
struct ColumnSpec {
    header: &'static str,
    aliases: &'static [&'static str],
    required: bool,
}

const fn col(header: &'static str, aliases: &'static [&'static str], required: bool) -> ColumnSpec {
    ColumnSpec { header, aliases, required }
}

/// Headers that are expected in Vietnamese tables and mean nothing to us (the row number column).
const IGNORED_HEADERS: [&str; 4] = ["STT", "TT", "Số TT", "Số thứ tự"];

// Procedure columns, in file order.
const P_CODE: usize = 0;
const P_NAME: usize = 1;
const P_FIELD: usize = 2;
const P_TIME: usize = 3;
const P_UNIT: usize = 4;
const P_FEE: usize = 5;
const P_LEGAL: usize = 6;
const P_ANN_NO: usize = 7;
const P_ANN_DATE: usize = 8;
const P_STATUS: usize = 9;
const P_REPLACED_BY: usize = 10;
const P_ONLINE: usize = 11;
const P_ONE_STOP: usize = 12;
const P_INTERLINKED: usize = 13;
const P_POSTAL: usize = 14;
const P_BOUNDARY_FREE: usize = 15;
const P_PROC_NO: usize = 16;
const P_PROC_DATE: usize = 17;
const P_ISO: usize = 18;

const PROCEDURE_COLUMNS: [ColumnSpec; 19] = [
    col("Mã TTHC", &["Mã thủ tục", "Mã thủ tục hành chính", "Mã số", "Mã số TTHC", "Mã"], true),
    col("Tên thủ tục hành chính", &["Tên thủ tục", "Tên TTHC", "Tên"], true),
    col("Lĩnh vực", &["Tên lĩnh vực"], true),
    col("Thời hạn giải quyết", &["Thời gian giải quyết", "Thời hạn"], false),
    col("Đơn vị thời hạn", &["Đơn vị thời gian", "Đơn vị tính thời hạn"], false),
    col("Phí, lệ phí", &["Phí", "Lệ phí", "Phí lệ phí"], false),
    col("Căn cứ pháp lý", &["Căn cứ"], false),
    col("Số QĐ công bố", &["Quyết định công bố", "Số quyết định công bố", "QĐ công bố"], false),
    col("Ngày QĐ công bố", &["Ngày quyết định công bố", "Ngày công bố"], false),
    col("Tình trạng", &["Trạng thái", "Hiệu lực", "Tình trạng hiệu lực"], false),
    col("Thay thế bởi", &["Được thay thế bởi", "Mã TTHC thay thế", "Thay thế"], false),
    col("Mức độ DVC trực tuyến", &["Mức độ", "Mức độ DVCTT", "DVC trực tuyến", "Dịch vụ công trực tuyến"], false),
    col("Một cửa", &["Bộ phận một cửa"], false),
    col("Một cửa liên thông", &["Liên thông"], false),
    col("Bưu chính", &["Dịch vụ bưu chính", "Qua bưu chính", "Bưu chính công ích"], false),
    col("Không phụ thuộc địa giới", &["Không phụ thuộc địa giới hành chính", "Phi địa giới"], false),
    col("Số QĐ quy trình nội bộ", &["Quy trình nội bộ", "Số quyết định quy trình nội bộ"], false),
    col("Ngày QĐ quy trình nội bộ", &["Ngày quy trình nội bộ", "Ngày quyết định quy trình nội bộ"], false),
    col("Thuộc phạm vi ISO", &["ISO", "ISO 9001", "Phạm vi ISO"], false),
];

// Statistics columns, in file order; the 12 figure columns follow `CaseFigures::columns()`.
const S_PERIOD: usize = 0;
const S_FIELD: usize = 1;
const S_CODE: usize = 2;
const S_FIGURES: usize = 3;

const STATS_COLUMNS: [ColumnSpec; 15] = [
    col("Kỳ báo cáo", &["Kỳ"], true),
    col("Lĩnh vực", &["Tên lĩnh vực"], true),
    col("Mã TTHC", &["Mã thủ tục", "Mã thủ tục hành chính", "Mã số"], false),
    col("Nhận - Tổng số", &[], true),
    col("Nhận - Trực tuyến", &[], true),
    col("Nhận - Trực tiếp, bưu chính", &["Nhận - Trực tiếp và bưu chính", "Nhận - Trực tiếp, dịch vụ bưu chính"], true),
    col("Nhận - Kỳ trước chuyển sang", &["Nhận - Kỳ trước chuyển qua", "Nhận - Từ kỳ trước chuyển sang"], true),
    col("Đã giải quyết - Tổng số", &[], true),
    col("Đã giải quyết - Trước hạn", &[], true),
    col("Đã giải quyết - Đúng hạn", &[], true),
    col("Đã giải quyết - Quá hạn", &[], true),
    col("Đang giải quyết - Tổng số", &[], true),
    col("Đang giải quyết - Trong hạn", &[], true),
    col("Đang giải quyết - Quá hạn", &[], true),
    col("Thư xin lỗi", &["Số thư xin lỗi", "Thư xin lỗi đã gửi"], false),
];

/// The comparison key of a header: folded, punctuation as spaces ("Phí, lệ phí" → "phi le phi").
fn header_key(header: &str) -> String {
    let folded: String = text::fold(header).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where each known column is in a table, and the header text the file uses for it.
struct Layout<'t> {
    table: &'t Table,
    specs: &'static [ColumnSpec],
    positions: Vec<Option<usize>>,
}

impl<'t> Layout<'t> {
    /// Maps headers to columns; reports unknown columns (warnings) and missing required ones (errors).
    fn new(table: &'t Table, specs: &'static [ColumnSpec], findings: &mut Vec<Finding>) -> Layout<'t> {
        let header_row = table.header_row();
        let mut positions: Vec<Option<usize>> = vec![None; specs.len()];
        let ignored: Vec<String> = IGNORED_HEADERS.iter().map(|h| header_key(h)).collect();
        for (index, header) in table.headers.iter().enumerate() {
            let key = header_key(header);
            if key.is_empty() || ignored.contains(&key) {
                continue;
            }
            let found = specs.iter().position(|spec| {
                header_key(spec.header) == key || spec.aliases.iter().any(|alias| header_key(alias) == key)
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
        for (spec, position) in specs.iter().zip(&positions) {
            if spec.required && position.is_none() {
                findings.push(
                    Finding::new(FindingCode::MissingColumn, Place::cell(&table.sheet, header_row, spec.header))
                        .with("column", spec.header),
                );
            }
        }
        Layout { table, specs, positions }
    }

    fn is_complete(&self) -> bool {
        self.specs.iter().zip(&self.positions).all(|(spec, position)| !spec.required || position.is_some())
    }

    /// The cell of a column in a row; `None` when the file has no such column.
    fn cell<'r>(&self, row: &'r Row, column: usize) -> Option<&'r Cell> {
        self.positions[column].map(|index| row.cell(index))
    }

    /// The yes/no columns among `columns` that hold at least one value: there, an empty cell reads "không" (a
    /// column marked with "x" here and there). A column present but empty throughout reads as if it were absent.
    fn marked(&self, columns: &[usize]) -> Vec<usize> {
        columns
            .iter()
            .copied()
            .filter(|&column| self.table.rows.iter().any(|row| self.cell(row, column).is_some_and(|c| !c.is_empty())))
            .collect()
    }

    /// One warning per yes/no column with empty cells, naming their rows and the value they were given, so that
    /// no blank is read silently.
    fn empty_flags(&self, columns: &[(usize, bool)], marked: &[usize]) -> Vec<Finding> {
        let mut findings = Vec::new();
        for &(column, default) in columns {
            let rows: Vec<usize> = self
                .table
                .rows
                .iter()
                .filter(|row| !row.is_empty() && self.cell(row, column).is_some_and(Cell::is_empty))
                .map(|row| row.number)
                .collect();
            if rows.is_empty() {
                continue;
            }
            let value = if marked.contains(&column) { false } else { default };
            let shown: Vec<String> = rows.iter().take(10).map(usize::to_string).collect();
            let more = if rows.len() > 10 { ", …" } else { "" };
            let place = Place { column: Some(self.specs[column].header.to_string()), ..Place::default() };
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

/// A yes/no cell: an absent column gives `default`; an empty cell gives `default` too, or "không" in a column marked
/// here and there (`marked`); anything but yes or no is refused.
fn flag_cell(cell: Option<&Cell>, column: usize, default: bool, marked: &[usize], found: &mut RowFindings) -> bool {
    match cell {
        None => default,
        Some(c) if c.is_empty() => !marked.contains(&column) && default,
        Some(c) => flag(c).unwrap_or_else(|| {
            found.push(FindingCode::BadChoice, column, &[("value", c.display()), ("allowed", "x, có, không".into())]);
            default
        }),
    }
}

/// Findings of one row, placed at cells of that row.
struct RowFindings<'a> {
    layout: &'a Layout<'a>,
    row: usize,
    findings: Vec<Finding>,
}

impl<'a> RowFindings<'a> {
    fn new(layout: &'a Layout<'a>, row: usize) -> RowFindings<'a> {
        RowFindings { layout, row, findings: Vec::new() }
    }

    fn place(&self, column: usize) -> Place {
        Place::cell(&self.layout.table.sheet, self.row, self.layout.specs[column].header)
    }

    fn push(&mut self, code: FindingCode, column: usize, values: &[(&str, String)]) {
        let mut finding = Finding::new(code, self.place(column));
        for (name, value) in values {
            finding = finding.with(name, value);
        }
        self.findings.push(finding);
    }

    fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

/// The text of a cell (numbers without ".0", dates dd/mm/yyyy); "" for an absent column.
fn text_of(cell: Option<&Cell>) -> String {
    cell.map(Cell::display).unwrap_or_default()
}

/// A code cell as text: a fractional number is written with six decimals to restore the zeros Excel dropped
/// (1.00119 → "1.001190"); a whole number stays as typed ("2"), which then fails as a code rather than becoming
/// "2.000000".
fn code_text(cell: Option<&Cell>) -> String {
    match cell {
        Some(Cell::Number(n)) if n.fract() != 0.0 => format!("{n:.6}"),
        other => text::clean(&text_of(other)),
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Procedures

/// Reads a procedure list; see the module documentation for the rules.
pub fn parse_procedures(table: &Table) -> Parsed<ProcedureInput> {
    let mut findings = Vec::new();
    let layout = Layout::new(table, &PROCEDURE_COLUMNS, &mut findings);
    let mut records = Vec::new();
    if !layout.is_complete() {
        return Parsed { records, findings };
    }
    let mut first_row_of: HashMap<String, usize> = HashMap::new();
    let flag_columns = procedure_flag_columns();
    let marked = layout.marked(&flag_columns.map(|(column, _)| column));
    findings.extend(layout.empty_flags(&flag_columns, &marked));
    for row in &table.rows {
        if row.is_empty() {
            findings.push(Finding::new(FindingCode::EmptyRow, Place::row(&table.sheet, row.number)));
            continue;
        }
        let mut found = RowFindings::new(&layout, row.number);
        let input = procedure_from_row(&layout, row, &marked, &mut found);
        if let Some(code) = ProcedureCode::parse(&input.code) {
            match first_row_of.get(code.as_str()) {
                Some(first) => found.push(
                    FindingCode::DuplicateInFile,
                    P_CODE,
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

/// The yes/no columns of a procedure sheet with the value a procedure takes when the column is absent.
fn procedure_flag_columns() -> [(usize, bool); 5] {
    let default = ProcedureInput::new("", "", "");
    [
        (P_ONE_STOP, default.one_stop),
        (P_INTERLINKED, default.interlinked),
        (P_POSTAL, default.postal),
        (P_BOUNDARY_FREE, default.boundary_free),
        (P_ISO, default.in_iso_scope),
    ]
}

fn procedure_from_row(layout: &Layout, row: &Row, marked: &[usize], found: &mut RowFindings) -> ProcedureInput {
    let cell = |column: usize| layout.cell(row, column);
    let mut input = ProcedureInput::new(&code_text(cell(P_CODE)), &text_of(cell(P_NAME)), &text_of(cell(P_FIELD)));

    let unit = match cell(P_UNIT) {
        Some(c) if !c.is_empty() => {
            let value = text_of(Some(c));
            match TimeUnit::parse(&value) {
                Some(unit) => Some(unit),
                None => {
                    let allowed = TimeUnit::ALL.map(TimeUnit::label).join(", ");
                    found.push(FindingCode::BadChoice, P_UNIT, &[("value", value), ("allowed", allowed)]);
                    None
                }
            }
        }
        _ => None,
    };
    input.processing_time = cell(P_TIME).and_then(|c| processing_time(c, unit, found));

    input.fee = text::clean(&text_of(cell(P_FEE)));
    if let Some(amount) = odd_fee_amount(&input.fee) {
        found.push(FindingCode::OddFee, P_FEE, &[("value", input.fee.clone()), ("amount", amount.to_string())]);
    }
    input.legal_bases = legal_bases(&text_of(cell(P_LEGAL)));

    input.announcement.number = text::clean(&text_of(cell(P_ANN_NO)));
    input.announcement.date = date_cell(cell(P_ANN_DATE), P_ANN_DATE, found);
    input.internal_process.number = text::clean(&text_of(cell(P_PROC_NO)));
    input.internal_process.date = date_cell(cell(P_PROC_DATE), P_PROC_DATE, found);

    let status = text_of(cell(P_STATUS));
    match ProcedureStatus::parse(&status) {
        Some(s) => input.status = s,
        None => {
            let allowed = ProcedureStatus::ALL.map(ProcedureStatus::label).join(", ");
            found.push(FindingCode::BadChoice, P_STATUS, &[("value", status), ("allowed", allowed)]);
        }
    }
    let replaced_by = code_text(cell(P_REPLACED_BY));
    input.replaced_by = (!replaced_by.is_empty()).then_some(replaced_by);
    let level = text_of(cell(P_ONLINE));
    match OnlineLevel::parse(&level) {
        Some(l) => input.online_level = l,
        None => {
            let allowed = OnlineLevel::ALL.map(OnlineLevel::label).join(", ");
            found.push(FindingCode::BadChoice, P_ONLINE, &[("value", level), ("allowed", allowed)]);
        }
    }

    let [one_stop, interlinked, postal, boundary_free, iso] =
        procedure_flag_columns().map(|(column, default)| flag_cell(cell(column), column, default, marked, found));
    input.one_stop = one_stop;
    input.interlinked = interlinked;
    input.postal = postal;
    input.boundary_free = boundary_free;
    input.in_iso_scope = iso;
    input
}

/// Legal bases: one per line; a single-line cell is split on ";" instead. Separators at line ends are dropped.
fn legal_bases(cell: &str) -> Vec<String> {
    let parts: Vec<&str> = if cell.contains('\n') { cell.split('\n').collect() } else { cell.split(';').collect() };
    parts.into_iter().map(|p| text::clean(p.trim_end_matches([';', ',']))).filter(|p| !p.is_empty()).collect()
}

/// A filled yes/no cell; `None` when it is neither (an empty one is `flag_cell`'s to read).
fn flag(cell: &Cell) -> Option<bool> {
    match cell {
        Cell::Bool(b) => Some(*b),
        Cell::Number(n) if *n == 1.0 => Some(true),
        Cell::Number(n) if *n == 0.0 => Some(false),
        other => match text::fold(&other.display()).as_str() {
            "x" | "co" | "1" | "true" | "dung" | "✓" => Some(true),
            "khong" | "0" | "false" | "sai" => Some(false),
            _ => None,
        },
    }
}

/// A date cell: a date, an Excel serial number, or text dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd (also with - or . in
/// the day-first forms). Reports `BadDate` and gives `None` otherwise.
fn date_cell(cell: Option<&Cell>, column: usize, found: &mut RowFindings) -> Option<NaiveDate> {
    let cell = cell?;
    let parsed = match cell {
        Cell::Empty => return None,
        Cell::Date(d) => Some(*d),
        Cell::Number(n) => excel_serial_date(*n),
        Cell::Text(s) => parse_date_text(s),
        Cell::Bool(_) => None,
    };
    if parsed.is_none() {
        found.push(FindingCode::BadDate, column, &[("value", cell.display())]);
    }
    parsed
}

/// An Excel serial date (days since 1899-12-30) in a number cell. Only years 1990–2100 are taken as dates, so
/// that a year or a count typed in a date column (2025 would be 17/07/1905) is reported rather than misread.
fn excel_serial_date(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(n.floor() as u64))?;
    (1990..=2100).contains(&date.year()).then_some(date)
}

fn parse_date_text(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day_first = s.splitn(3, ['/', '-', '.']).collect::<Vec<_>>();
    if let [a, b, c] = day_first.as_slice() {
        let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if [a, b, c].iter().all(|p| all_digits(p)) {
            let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
            if year.len() == 4 && month.len() <= 2 && day.len() <= 2 {
                return NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
            }
        }
    }
    None
}

/// Reads a processing time cell; `unit_column` is the unit from "Đơn vị thời hạn" when given.
fn processing_time(cell: &Cell, unit_column: Option<TimeUnit>, found: &mut RowFindings) -> Option<ProcessingTime> {
    let value = cell.display();
    let segments: Vec<(f64, Option<TimeUnit>)> = match cell {
        Cell::Empty => return None,
        Cell::Number(n) => vec![(*n, None)],
        Cell::Text(s) => match parse_time_text(s) {
            Some(segments) => segments,
            None => {
                found.push(FindingCode::BadNumber, P_TIME, &[("value", value)]);
                return None;
            }
        },
        Cell::Bool(_) | Cell::Date(_) => {
            found.push(FindingCode::BadNumber, P_TIME, &[("value", value)]);
            return None;
        }
    };
    let mut times = Vec::new();
    for (amount, unit) in segments {
        match unit.or(unit_column) {
            Some(unit) => times.push(ProcessingTime { amount, unit }),
            None => {
                found.push(FindingCode::TimeWithoutUnit, P_TIME, &[("value", value)]);
                return None;
            }
        }
    }
    let longest = times.iter().copied().max_by(|a, b| working_days(a).total_cmp(&working_days(b)))?;
    if times.iter().any(|t| *t != longest) {
        let kept = format!("{} {}", crate::sheet::format_number(longest.amount), longest.unit.label());
        found.push(FindingCode::TimeVariesByChannel, P_TIME, &[("value", value), ("kept", kept)]);
    }
    Some(longest)
}

/// A time in working days, to compare channels: a calendar day is 5/7 of a working day, an hour 1/8.
fn working_days(time: &ProcessingTime) -> f64 {
    match time.unit {
        TimeUnit::WorkingDays => time.amount,
        TimeUnit::Days => time.amount * 5.0 / 7.0,
        TimeUnit::WorkingHours => time.amount / 8.0,
    }
}

/// Splits a time text into (amount, unit if written) per channel; `None` when some part is not a time.
fn parse_time_text(s: &str) -> Option<Vec<(f64, Option<TimeUnit>)>> {
    let mut segments = Vec::new();
    for part in s.split([';', '\n']) {
        let without_channels = strip_parentheses(part);
        let folded = text::fold(&without_channels);
        if folded.is_empty() {
            continue;
        }
        segments.push(parse_time_segment(&folded)?);
    }
    (!segments.is_empty()).then_some(segments)
}

fn strip_parentheses(s: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// One folded time ("5 ngay lam viec", "0,5 ngay", "trong ngay", "khong qua 10 ngay").
fn parse_time_segment(folded: &str) -> Option<(f64, Option<TimeUnit>)> {
    let mut rest = folded.trim();
    if matches!(rest, "trong ngay" | "trong ngay lam viec" | "ngay trong ngay" | "trong ngay lv") {
        return Some((1.0, Some(TimeUnit::WorkingDays)));
    }
    for prefix in ["khong qua ", "toi da ", "trong vong ", "trong "] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
            break;
        }
    }
    let number_len = rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(rest.len());
    let (number, unit_text) = rest.split_at(number_len);
    let number = number.trim_end_matches(['.', ',']);
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let amount: f64 = number.replace(',', ".").parse().ok()?;
    let unit_text = unit_text.trim().trim_start_matches(['.', ',']).trim();
    if unit_text.is_empty() {
        return Some((amount, None));
    }
    let unit = TimeUnit::parse(unit_text).or_else(|| {
        let plain: String = unit_text.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
        let words: Vec<&str> = plain.split_whitespace().collect();
        let starts = |prefix: &[&str]| words.len() >= prefix.len() && words[..prefix.len()] == *prefix;
        if starts(&["ngay", "lam", "viec"]) || starts(&["ngay", "lv"]) {
            Some(TimeUnit::WorkingDays)
        } else if starts(&["gio"]) {
            Some(TimeUnit::WorkingHours)
        } else if starts(&["ngay"]) {
            Some(TimeUnit::Days)
        } else {
            None
        }
    })?;
    Some((amount, Some(unit)))
}

/// The smallest money amount a fee mentions when it is below 1.000 đồng (e.g. "40 Việt Nam Đồng", "25 VNĐ"),
/// which is almost certainly a typing error. Numbers count as money only when a currency word follows
/// (đồng, đ, VNĐ, VND, Việt Nam Đồng, optionally after nghìn/ngàn/triệu/tỷ). "Miễn phí" and 0 are not flagged.
fn odd_fee_amount(fee: &str) -> Option<u64> {
    let folded = text::fold(fee);
    let chars: Vec<char> = folded.chars().collect();
    let mut smallest: Option<u64> = None;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',') {
            i += 1;
        }
        let number: String = chars[start..i].iter().collect::<String>().trim_end_matches(['.', ',']).to_string();
        let after: String = chars[start + number.chars().count()..].iter().collect();
        let Some(amount) = money_number(&number) else { continue };
        let Some(multiplier) = currency_after(&after) else { continue };
        let amount = amount * multiplier;
        if amount > 0.0 && amount < 1000.0 {
            let amount = amount.round() as u64;
            smallest = Some(smallest.map_or(amount, |s| s.min(amount)));
        }
    }
    smallest
}

/// "5,000" / "5.000" / "25.000.000" (thousands groups) or "40" or "1,5" (a decimal).
fn money_number(number: &str) -> Option<f64> {
    if let Some(whole) = thousands(number) {
        return Some(whole as f64);
    }
    number.replace(',', ".").parse().ok()
}

/// A whole number written with thousands separators (all `.` or all `,`, groups of three) or none at all.
fn thousands(number: &str) -> Option<u64> {
    if number.bytes().all(|b| b.is_ascii_digit()) {
        return number.parse().ok();
    }
    for separator in ['.', ','] {
        let groups: Vec<&str> = number.split(separator).collect();
        let well_formed = groups.len() > 1
            && (1..=3).contains(&groups[0].len())
            && groups.iter().all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
            && groups[1..].iter().all(|g| g.len() == 3);
        if well_formed {
            return groups.concat().parse().ok();
        }
    }
    None
}

/// When a currency word follows (after spaces), its multiplier: 1, or 1.000 for nghìn/ngàn, and so on.
fn currency_after(after: &str) -> Option<f64> {
    let mut rest = after.trim_start();
    let mut multiplier = 1.0;
    for (word, factor) in [("nghin", 1e3), ("ngan", 1e3), ("trieu", 1e6), ("ty", 1e9)] {
        if let Some(r) = rest.strip_prefix(word) {
            rest = r.trim_start();
            multiplier = factor;
            break;
        }
    }
    for currency in ["viet nam dong", "vnd", "dong", "d"] {
        if let Some(r) = rest.strip_prefix(currency)
            && !r.starts_with(|c: char| c.is_alphanumeric())
        {
            return Some(multiplier);
        }
    }
    None
}

/// The procedure list as a table, in the columns `parse_procedures` reads (it reads back equal inputs).
pub fn procedures_table(list: &[ProcedureInput]) -> Table {
    let mut table = procedure_template();
    for p in list {
        let text = |s: &str| Cell::text(s);
        // Written out in full: an empty cell in a yes/no column is reported when the sheet comes back.
        let yes = |b: bool| Cell::text(if b { "có" } else { "không" });
        let date = |d: Option<NaiveDate>| d.map_or(Cell::Empty, Cell::Date);
        let mut cells = vec![Cell::Empty; PROCEDURE_COLUMNS.len()];
        cells[P_CODE] = text(&p.code);
        cells[P_NAME] = text(&p.name);
        cells[P_FIELD] = text(&p.field);
        if let Some(time) = p.processing_time {
            cells[P_TIME] = Cell::Number(time.amount);
            cells[P_UNIT] = text(time.unit.label());
        }
        cells[P_FEE] = text(&p.fee);
        cells[P_LEGAL] = text(&p.legal_bases.join("\n"));
        cells[P_ANN_NO] = text(&p.announcement.number);
        cells[P_ANN_DATE] = date(p.announcement.date);
        cells[P_STATUS] = text(p.status.label());
        cells[P_REPLACED_BY] = text(p.replaced_by.as_deref().unwrap_or(""));
        cells[P_ONLINE] = text(p.online_level.label());
        cells[P_ONE_STOP] = yes(p.one_stop);
        cells[P_INTERLINKED] = yes(p.interlinked);
        cells[P_POSTAL] = yes(p.postal);
        cells[P_BOUNDARY_FREE] = yes(p.boundary_free);
        cells[P_PROC_NO] = text(&p.internal_process.number);
        cells[P_PROC_DATE] = date(p.internal_process.date);
        cells[P_ISO] = yes(p.in_iso_scope);
        table.push(cells);
    }
    table
}

/// An empty procedure list: the headers only.
pub fn procedure_template() -> Table {
    Table::new(PROCEDURE_SHEET, &PROCEDURE_COLUMNS.map(|c| c.header))
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics (Biểu 06)

/// Reads case statistics; the sums are not checked here (`model::check_row` does that).
pub fn parse_stats(table: &Table) -> Parsed<StatsRow> {
    let mut findings = Vec::new();
    let layout = Layout::new(table, &STATS_COLUMNS, &mut findings);
    let mut records = Vec::new();
    if !layout.is_complete() {
        return Parsed { records, findings };
    }
    let figure_names = CaseFigures::default().columns().map(|(name, _)| name);
    let mut first_row_of: HashMap<(PeriodKey, String, Option<String>), usize> = HashMap::new();
    for row in &table.rows {
        if row.is_empty() {
            findings.push(Finding::new(FindingCode::EmptyRow, Place::row(&table.sheet, row.number)));
            continue;
        }
        let mut found = RowFindings::new(&layout, row.number);
        let cell = |column: usize| layout.cell(row, column);

        let period = match cell(S_PERIOD) {
            Some(Cell::Empty) | None => {
                found.push(FindingCode::RequiredMissing, S_PERIOD, &[]);
                None
            }
            Some(c) => {
                let period = period_cell(c);
                if period.is_none() {
                    found.push(FindingCode::BadPeriod, S_PERIOD, &[("value", c.display())]);
                }
                period
            }
        };
        let field = text::clean(&text_of(cell(S_FIELD)));
        if field.is_empty() {
            found.push(FindingCode::RequiredMissing, S_FIELD, &[]);
        }
        let code = code_text(cell(S_CODE));
        let procedure = if code.is_empty() {
            None
        } else {
            match ProcedureCode::parse(&code) {
                Some(parsed) => Some(parsed.to_string()),
                None => {
                    found.push(FindingCode::BadProcedureCode, S_CODE, &[("value", code)]);
                    None
                }
            }
        };
        let mut figures = CaseFigures::default();
        for (offset, name) in figure_names.iter().enumerate() {
            let column = S_FIGURES + offset;
            let Some(c) = cell(column) else { continue };
            match count(c) {
                Some(value) if value < 0 => found.push(FindingCode::Negative, column, &[("value", value.to_string())]),
                Some(value) => {
                    figures.set(name, value);
                }
                None => found.push(FindingCode::BadNumber, column, &[("value", c.display())]),
            }
        }
        // A row whose code is unreadable already has an error; comparing it as a whole-field row would mislead.
        let code_ok = code_is_empty_or_valid(&procedure, cell(S_CODE));
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
                    let column = if procedure.is_some() { S_CODE } else { S_FIELD };
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

fn code_is_empty_or_valid(procedure: &Option<String>, cell: Option<&Cell>) -> bool {
    procedure.is_some() || code_text(cell).is_empty()
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

/// A count of dossiers: a whole number ("12", 12.0, "1.234"), possibly negative; empty is 0; `None` otherwise.
fn count(cell: &Cell) -> Option<i64> {
    match cell {
        Cell::Empty => Some(0),
        Cell::Number(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 => Some(*n as i64),
        Cell::Text(s) => {
            let s = s.trim();
            let (negative, digits) = match s.strip_prefix(['-', '−']) {
                Some(rest) => (true, rest.trim_start()),
                None => (false, s),
            };
            let value = i64::try_from(thousands(digits)?).ok()?;
            Some(if negative { -value } else { value })
        }
        _ => None,
    }
}

/// Case statistics as a table, in the columns `parse_stats` reads (it reads back equal rows).
pub fn stats_table(rows: &[StatsRow]) -> Table {
    let mut table = stats_template();
    for r in rows {
        let mut cells = vec![
            Cell::Text(r.period.to_string()),
            Cell::text(&r.field),
            r.procedure.as_deref().map_or(Cell::Empty, Cell::text),
        ];
        cells.extend(r.figures.columns().iter().map(|(_, value)| Cell::Number(*value as f64)));
        table.push(cells);
    }
    table
}

/// An empty Biểu 06: the headers only.
pub fn stats_template() -> Table {
    Table::new(STATS_SHEET, &STATS_COLUMNS.map(|c| c.header))
}

// ---------------------------------------------------------------------------------------------------------------
// Staffing (quotas, people) and reform-plan tasks
//
// Categories and reform areas are data in the register, so the parsers take them as arguments; a cell may hold
// the code (`cong_chuc`) or the Vietnamese name ("Công chức"), with or without diacritics. Upsert keys: a quota
// by (year, category); a person by (name, date joined); a task by (plan year, plan number, content).

/// The sheet name of quota tables.
pub const QUOTA_SHEET: &str = "Biên chế";
/// The sheet name of people tables.
pub const PEOPLE_SHEET: &str = "Cán bộ, công chức";
/// The sheet name of task tables.
pub const TASK_SHEET: &str = "Nhiệm vụ CCHC";

const Q_YEAR: usize = 0;
const Q_CATEGORY: usize = 1;
const Q_QUOTA: usize = 2;
const Q_BASIS_NO: usize = 3;
const Q_BASIS_DATE: usize = 4;
const QUOTA_COLUMNS: [ColumnSpec; 5] = [
    col("Năm", &[], true),
    col("Loại", &["Loại cán bộ, công chức", "Đối tượng"], true),
    col("Biên chế được giao", &["Biên chế", "Số biên chế", "Số lượng được giao"], true),
    col("Số quyết định giao", &["Căn cứ", "Quyết định giao", "Số quyết định"], false),
    col("Ngày quyết định", &["Ngày ban hành"], false),
];

const H_NAME: usize = 0;
const H_POSITION: usize = 1;
const H_RANK: usize = 2;
const H_CATEGORY: usize = 3;
const H_JOINED: usize = 4;
const H_LEFT: usize = 5;
const H_LEVEL: usize = 6;
const H_FIELD: usize = 7;
const H_POLITICAL: usize = 8;
const H_STATE: usize = 9;
const H_MET: usize = 10;
const H_DEADLINE: usize = 11;
const H_NOTE: usize = 12;
const PEOPLE_COLUMNS: [ColumnSpec; 13] = [
    col("Họ và tên", &["Họ tên", "Tên"], true),
    col("Chức danh, vị trí việc làm", &["Chức danh", "Chức vụ", "Vị trí việc làm"], false),
    col("Ngạch", &["Ngạch công chức"], false),
    col("Loại", &["Loại cán bộ, công chức", "Đối tượng"], true),
    col("Ngày vào", &["Ngày tuyển dụng", "Ngày bắt đầu"], false),
    col("Ngày thôi", &["Ngày nghỉ", "Ngày thôi việc"], false),
    col("Trình độ chuyên môn", &["Trình độ"], false),
    col("Chuyên ngành", &["Ngành đào tạo"], false),
    col("Lý luận chính trị", &["Trình độ lý luận chính trị"], false),
    col("Quản lý nhà nước", &["Bồi dưỡng quản lý nhà nước"], false),
    col("Đạt chuẩn", &["Đạt tiêu chuẩn"], false),
    col("Hạn đạt chuẩn", &["Thời hạn đạt chuẩn"], false),
    col("Ghi chú", &[], false),
];

const T_YEAR: usize = 0;
const T_PLAN: usize = 1;
const T_AREA: usize = 2;
const T_CONTENT: usize = 3;
const T_OWNER: usize = 4;
const T_DEADLINE: usize = 5;
const T_OUTPUT: usize = 6;
const T_STATUS: usize = 7;
const T_PERCENT: usize = 8;
const T_EVIDENCE: usize = 9;
const TASK_COLUMNS: [ColumnSpec; 10] = [
    col("Năm kế hoạch", &["Năm"], true),
    col("Số kế hoạch", &["Kế hoạch", "Số, ký hiệu kế hoạch"], true),
    col("Lĩnh vực CCHC", &["Lĩnh vực", "Nội dung CCHC"], true),
    col("Nội dung nhiệm vụ", &["Nhiệm vụ", "Nội dung"], true),
    col("Chủ trì", &["Đơn vị chủ trì", "Người chủ trì", "Người thực hiện"], false),
    col("Thời hạn", &["Thời gian hoàn thành", "Hạn hoàn thành"], false),
    col("Sản phẩm", &["Sản phẩm dự kiến", "Kết quả dự kiến"], false),
    col("Tình trạng", &["Trạng thái"], false),
    col("Tỷ lệ hoàn thành (%)", &["Tỷ lệ hoàn thành", "Tiến độ (%)", "Tiến độ"], false),
    col("Tài liệu kiểm chứng", &["Kiểm chứng", "Minh chứng"], false),
];

/// The quota header of a field name of `Quota` findings ("quota" → "Biên chế được giao").
pub fn quota_header(name: &str) -> &str {
    let column = match name {
        "year" => Q_YEAR,
        "category" => Q_CATEGORY,
        "quota" => Q_QUOTA,
        _ => return name,
    };
    QUOTA_COLUMNS[column].header
}

/// The people header of a field name of `PersonInput` findings.
pub fn person_header(name: &str) -> &str {
    let column = match name {
        "name" => H_NAME,
        "category" => H_CATEGORY,
        "joined" => H_JOINED,
        "left" => H_LEFT,
        _ => return name,
    };
    PEOPLE_COLUMNS[column].header
}

/// The task header of a field name of `TaskInput` findings.
pub fn task_header(name: &str) -> &str {
    let column = match name {
        "plan" => T_PLAN,
        "area" => T_AREA,
        "content" => T_CONTENT,
        "deadline" => T_DEADLINE,
        "percent" => T_PERCENT,
        _ => return name,
    };
    TASK_COLUMNS[column].header
}

/// A (code, Vietnamese name) choice matched by code or folded name; `BadChoice` listing the names otherwise.
fn choice_cell(cell: Option<&Cell>, column: usize, choices: &[(String, String)], found: &mut RowFindings) -> String {
    let value = text_of(cell);
    if value.is_empty() {
        found.push(FindingCode::RequiredMissing, column, &[]);
        return value;
    }
    let folded = text::fold(&value);
    match choices.iter().find(|(code, name)| *code == value || text::fold(name) == folded || text::fold(code) == folded)
    {
        Some((code, _)) => code.clone(),
        None => {
            let allowed: Vec<&str> = choices.iter().map(|(_, name)| name.as_str()).collect();
            found.push(FindingCode::BadChoice, column, &[("value", value), ("allowed", allowed.join("; "))]);
            String::new()
        }
    }
}

/// A year cell (2000–2100).
fn year_cell(cell: Option<&Cell>, column: usize, found: &mut RowFindings) -> i32 {
    match cell.map(count) {
        Some(Some(0)) | None => {
            found.push(FindingCode::RequiredMissing, column, &[]);
            0
        }
        Some(Some(y)) if (2000..=2100).contains(&y) => y as i32,
        Some(_) => {
            found.push(FindingCode::BadNumber, column, &[("value", text_of(cell))]);
            0
        }
    }
}

/// A whole number cell; empty gives `default`.
fn number_cell(cell: Option<&Cell>, column: usize, found: &mut RowFindings) -> Option<i64> {
    let cell = cell?;
    let value = count(cell);
    if value.is_none() {
        found.push(FindingCode::BadNumber, column, &[("value", cell.display())]);
    }
    value
}

/// The shared loop of the three tables: layout, empty rows, duplicate keys, findings mapped to headers.
fn parse_with<T>(
    table: &Table,
    specs: &'static [ColumnSpec],
    key_column: usize,
    header: fn(&str) -> &str,
    read: impl Fn(&Layout, &Row, &mut RowFindings) -> (String, T, Vec<Finding>),
) -> Parsed<T> {
    let mut findings = Vec::new();
    let layout = Layout::new(table, specs, &mut findings);
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
        let mut found = RowFindings::new(&layout, row.number);
        let (key, record, validation) = read(&layout, row, &mut found);
        for finding in validation {
            let column = header(finding.place.column.as_deref().unwrap_or(""));
            let place = Place::cell(&table.sheet, row.number, column);
            if !found.findings.iter().any(|f| f.place == place && f.is_error()) {
                found.findings.push(Finding { place, ..finding });
            }
        }
        if !found.has_errors() {
            match first_row_of.get(&key) {
                Some(first) => found.push(
                    FindingCode::DuplicateInFile,
                    key_column,
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

/// Reads quotas; `categories` are the register's (code, name) pairs.
pub fn parse_quotas(table: &Table, categories: &[(String, String)]) -> Parsed<Quota> {
    parse_with(table, &QUOTA_COLUMNS, Q_CATEGORY, quota_header, |layout, row, found| {
        let cell = |column: usize| layout.cell(row, column);
        let year = year_cell(cell(Q_YEAR), Q_YEAR, found);
        let category = choice_cell(cell(Q_CATEGORY), Q_CATEGORY, categories, found);
        let quota = match cell(Q_QUOTA) {
            Some(Cell::Empty) | None => {
                found.push(FindingCode::RequiredMissing, Q_QUOTA, &[]);
                0
            }
            other => number_cell(other, Q_QUOTA, found).unwrap_or(0),
        };
        let basis = Decision {
            number: text::clean(&text_of(cell(Q_BASIS_NO))),
            date: date_cell(cell(Q_BASIS_DATE), Q_BASIS_DATE, found),
        };
        let quota = Quota { year, category, quota, basis }.cleaned();
        let validation = if found.has_errors() { Vec::new() } else { quota.validate() };
        (format!("{year} {}", quota.category), quota, validation)
    })
}

/// Quotas as a table, in the columns `parse_quotas` reads; categories by their Vietnamese names.
pub fn quotas_table(quotas: &[Quota], categories: &[(String, String)]) -> Table {
    let mut table = quota_template();
    for q in quotas {
        table.push(vec![
            Cell::Number(q.year as f64),
            Cell::text(choice_name(&q.category, categories)),
            Cell::Number(q.quota as f64),
            Cell::text(&q.basis.number),
            q.basis.date.map_or(Cell::Empty, Cell::Date),
        ]);
    }
    table
}

pub fn quota_template() -> Table {
    Table::new(QUOTA_SHEET, &QUOTA_COLUMNS.map(|c| c.header))
}

/// Reads people; `categories` are the register's (code, name) pairs.
pub fn parse_people(table: &Table, categories: &[(String, String)]) -> Parsed<PersonInput> {
    // "Đạt chuẩn" is a yes/no column like the procedures' (no by default).
    let (marked, empty) = {
        let layout = Layout::new(table, &PEOPLE_COLUMNS, &mut Vec::new());
        let marked = layout.marked(&[H_MET]);
        let empty = if layout.is_complete() { layout.empty_flags(&[(H_MET, false)], &marked) } else { Vec::new() };
        (marked, empty)
    };
    let mut parsed = parse_with(table, &PEOPLE_COLUMNS, H_NAME, person_header, |layout, row, found| {
        let cell = |column: usize| layout.cell(row, column);
        let text = |column: usize| text::clean(&text_of(cell(column)));
        let category = choice_cell(cell(H_CATEGORY), H_CATEGORY, categories, found);
        let standard_met = flag_cell(cell(H_MET), H_MET, false, &marked, found);
        let input = PersonInput {
            name: text(H_NAME),
            position: text(H_POSITION),
            rank: text(H_RANK),
            category,
            joined: date_cell(cell(H_JOINED), H_JOINED, found),
            left: date_cell(cell(H_LEFT), H_LEFT, found),
            qualification_level: text(H_LEVEL),
            qualification_field: text(H_FIELD),
            political_theory: text(H_POLITICAL),
            state_management: text(H_STATE),
            standard_met,
            standard_deadline: date_cell(cell(H_DEADLINE), H_DEADLINE, found),
            note: text(H_NOTE),
        }
        .cleaned();
        let joined = input.joined.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
        let key = format!("{} {joined}", input.name).trim_end().to_string();
        let validation =
            input.validate().into_iter().filter(|f| f.place.column.as_deref() != Some("category")).collect();
        (key, input, validation)
    });
    parsed.findings.extend(empty);
    parsed
}

/// People as a table, in the columns `parse_people` reads.
pub fn people_table(people: &[PersonInput], categories: &[(String, String)]) -> Table {
    let mut table = people_template();
    for p in people {
        let date = |d: Option<NaiveDate>| d.map_or(Cell::Empty, Cell::Date);
        table.push(vec![
            Cell::text(&p.name),
            Cell::text(&p.position),
            Cell::text(&p.rank),
            Cell::text(choice_name(&p.category, categories)),
            date(p.joined),
            date(p.left),
            Cell::text(&p.qualification_level),
            Cell::text(&p.qualification_field),
            Cell::text(&p.political_theory),
            Cell::text(&p.state_management),
            Cell::text(if p.standard_met { "có" } else { "không" }),
            date(p.standard_deadline),
            Cell::text(&p.note),
        ]);
    }
    table
}

pub fn people_template() -> Table {
    Table::new(PEOPLE_SHEET, &PEOPLE_COLUMNS.map(|c| c.header))
}

/// Reads tasks; `areas` are the register's reform areas as (code, name) pairs. Plans are checked by the caller.
pub fn parse_tasks(table: &Table, areas: &[(String, String)]) -> Parsed<TaskInput> {
    parse_with(table, &TASK_COLUMNS, T_CONTENT, task_header, |layout, row, found| {
        let cell = |column: usize| layout.cell(row, column);
        let text = |column: usize| text::clean(&text_of(cell(column)));
        let plan_year = year_cell(cell(T_YEAR), T_YEAR, found);
        let area = choice_cell(cell(T_AREA), T_AREA, areas, found);
        let status = match cell(T_STATUS) {
            None | Some(Cell::Empty) => TaskStatus::NotStarted,
            Some(c) => TaskStatus::parse(&c.display()).unwrap_or_else(|| {
                let allowed: Vec<&str> = TaskStatus::ALL.iter().map(|s| s.label()).collect();
                found.push(
                    FindingCode::BadChoice,
                    T_STATUS,
                    &[("value", c.display()), ("allowed", allowed.join("; "))],
                );
                TaskStatus::NotStarted
            }),
        };
        let percent = match cell(T_PERCENT) {
            // "80%" is accepted as 80.
            Some(Cell::Text(s)) => number_cell(Some(&Cell::text(s.trim_end_matches('%'))), T_PERCENT, found),
            other => number_cell(other, T_PERCENT, found),
        }
        .unwrap_or(0);
        let input = TaskInput {
            plan_year,
            plan_number: text(T_PLAN),
            area,
            content: text(T_CONTENT),
            owner: text(T_OWNER),
            deadline: date_cell(cell(T_DEADLINE), T_DEADLINE, found),
            expected_output: text(T_OUTPUT),
            status,
            percent,
            evidence: text(T_EVIDENCE),
        }
        .cleaned();
        let key = format!("{} {} {}", input.plan_year, input.plan_number, input.content);
        let validation = input.validate().into_iter().filter(|f| f.place.column.as_deref() != Some("area")).collect();
        (key, input, validation)
    })
}

/// Tasks as a table, in the columns `parse_tasks` reads.
pub fn tasks_table(tasks: &[TaskInput], areas: &[(String, String)]) -> Table {
    let mut table = task_template();
    for t in tasks {
        table.push(vec![
            Cell::Number(t.plan_year as f64),
            Cell::text(&t.plan_number),
            Cell::text(choice_name(&t.area, areas)),
            Cell::text(&t.content),
            Cell::text(&t.owner),
            t.deadline.map_or(Cell::Empty, Cell::Date),
            Cell::text(&t.expected_output),
            Cell::text(t.status.label()),
            Cell::Number(t.percent as f64),
            Cell::text(&t.evidence),
        ]);
    }
    table
}

pub fn task_template() -> Table {
    Table::new(TASK_SHEET, &TASK_COLUMNS.map(|c| c.header))
}

fn choice_name<'a>(code: &'a str, choices: &'a [(String, String)]) -> &'a str {
    choices.iter().find(|(c, _)| c == code).map_or(code, |(_, name)| name.as_str())
}

// ---------------------------------------------------------------------------------------------------------------
// Criteria sets from a sheet (one row per node)

/// The sheet name of a criteria set.
pub const CRITERIA_SHEET: &str = "Bộ chỉ số";

const C_CODE: usize = 0;
const C_TEXT: usize = 1;
const C_MAX: usize = 2;
const C_PART: usize = 3;
const C_RULE: usize = 4;
const C_BANDS: usize = 5;
const C_METRIC: usize = 6;
const C_EVIDENCE: usize = 7;
const C_GUIDANCE: usize = 8;
const CRITERIA_COLUMNS: [ColumnSpec; 9] = [
    col("Mã", &["Mã tiêu chí", "Ký hiệu"], true),
    col("Nội dung", &["Tiêu chí", "Nội dung tiêu chí", "Tên"], true),
    col("Điểm tối đa", &["Điểm chuẩn", "Thang điểm", "Điểm"], true),
    col("Phần", &["Nhóm điểm"], false),
    col("Cách chấm", &["Quy tắc chấm", "Phương pháp chấm", "Loại"], false),
    col("Mức điểm", &["Thang mức", "Ngưỡng", "Mức"], false),
    col("Chỉ số từ sổ", &["Chỉ số", "Số liệu từ sổ"], false),
    col("Tài liệu kiểm chứng", &["Kiểm chứng", "Minh chứng"], false),
    col("Hướng dẫn", &["Hướng dẫn chấm", "Ghi chú"], false),
];

/// The header settings a criteria sheet gives in rows whose code starts with "@": (key, Vietnamese name).
const CRITERIA_SETTINGS: [(&str, &str); 17] = [
    ("urn", "mã bộ chỉ số"),
    ("version", "phiên bản"),
    ("name", "tên bộ chỉ số"),
    ("province", "tỉnh"),
    ("decision_number", "số quyết định"),
    ("decision_date", "ngày quyết định"),
    ("years", "năm áp dụng"),
    ("scope", "đối tượng"),
    ("note", "ghi chú"),
    ("scale", "thang điểm"),
    ("appraised_share", "điểm thẩm định"),
    ("survey_share", "điểm điều tra"),
    ("bonus_cap", "điểm thưởng tối đa"),
    ("penalty_cap", "điểm trừ tối đa"),
    ("normalisation", "cách tính"),
    ("bands", "xếp loại"),
    ("deadline", "hạn tự đánh giá"),
];

/// A criteria set read from a sheet: the set (when its rows could be read at all), the row of each node's code,
/// and every problem of the cells.
#[derive(Debug, Clone)]
pub struct ParsedCriteria {
    pub set: Option<CriteriaSet>,
    pub rows: BTreeMap<String, usize>,
    pub findings: Vec<Finding>,
}

/// Reads a criteria set from a table with one row per node (see docs/criteria-format.md): settings rows "@key"
/// with their value in "Nội dung", then nodes whose parent is their code without its last ".n" segment. Every
/// cell's problem is reported at once; the set's own rules are checked afterwards by `CriteriaSet::validate`.
pub fn parse_criteria(table: &Table) -> ParsedCriteria {
    let mut findings = Vec::new();
    let layout = Layout::new(table, &CRITERIA_COLUMNS, &mut findings);
    let mut rows = BTreeMap::new();
    if !layout.is_complete() {
        return ParsedCriteria { set: None, rows, findings };
    }
    let mut set = CriteriaSet {
        format: CRITERIA_FORMAT,
        urn: String::new(),
        version: 0,
        name: String::new(),
        province: String::new(),
        decision: SetDecision::default(),
        years: Vec::new(),
        scope: Vec::new(),
        note: String::new(),
        scale: Points::ZERO,
        appraised_share: Points::ZERO,
        survey_share: Points::ZERO,
        bonus_cap: Points::ZERO,
        penalty_cap: Points::ZERO,
        normalisation: Normalisation::Raw,
        bands: Vec::new(),
        self_assessment_deadline: None,
        areas: Vec::new(),
    };
    // Nodes in file order with their parent's code; the tree is assembled at the end.
    let mut nodes: Vec<(Option<String>, Node, usize)> = Vec::new();
    for row in &table.rows {
        if row.is_empty() {
            continue;
        }
        let mut found = RowFindings::new(&layout, row.number);
        let cell = |column: usize| layout.cell(row, column);
        let code = code_text(cell(C_CODE));
        if let Some(key) = code.strip_prefix('@') {
            criteria_setting(&mut set, key.trim(), cell(C_TEXT), &mut found);
            findings.append(&mut found.findings);
            continue;
        }
        if code.is_empty() {
            found.push(FindingCode::RequiredMissing, C_CODE, &[]);
        }
        let max = match cell(C_MAX).map(points_of) {
            Some(Some(p)) => p,
            _ => {
                found.push(FindingCode::BadNumber, C_MAX, &[("value", text_of(cell(C_MAX)))]);
                Points::ZERO
            }
        };
        let part_text = text_of(cell(C_PART));
        let part = match crate::model::part_named(&part_text) {
            _ if part_text.trim().is_empty() => None,
            Some(part) => Some(part),
            None => {
                found.push(
                    FindingCode::BadChoice,
                    C_PART,
                    &[("value", part_text.clone()), ("allowed", crate::model::PART_NAMES_ALLOWED.into())],
                );
                None
            }
        };
        let rule = criteria_rule(cell(C_RULE), cell(C_BANDS), &mut found);
        let metric = Some(text::clean(&text_of(cell(C_METRIC)))).filter(|m| !m.is_empty());
        let evidence: Vec<String> =
            text_of(cell(C_EVIDENCE)).split([';', '\n']).map(text::clean).filter(|e| !e.is_empty()).collect();
        let node = Node {
            code: code.clone(),
            text: text::clean(&text_of(cell(C_TEXT))),
            max,
            part,
            rule,
            evidence,
            metric,
            guidance: text::clean_multiline(&text_of(cell(C_GUIDANCE))),
            children: Vec::new(),
        };
        let parent = code.rsplit_once('.').map(|(p, _)| p.to_string());
        if !code.is_empty() {
            rows.entry(code).or_insert(row.number);
        }
        findings.append(&mut found.findings);
        nodes.push((parent, node, row.number));
    }
    // Assemble children before parents: deepest codes first.
    let mut pending: Vec<(Option<String>, Node, usize)> = nodes;
    pending.sort_by_key(|(_, n, _)| std::cmp::Reverse(n.code.matches('.').count()));
    let mut by_code: BTreeMap<String, Node> = BTreeMap::new();
    let order: Vec<String> =
        table.rows.iter().filter_map(|r| layout.cell(r, C_CODE).map(|c| code_text(Some(c)))).collect();
    let position = |code: &str| order.iter().position(|c| c == code).unwrap_or(usize::MAX);
    let mut children_of: BTreeMap<String, Vec<Node>> = BTreeMap::new();
    for (parent, mut node, row) in pending {
        if let Some(mut children) = children_of.remove(&node.code) {
            children.sort_by_key(|c| position(&c.code));
            node.children = children;
        }
        match parent {
            Some(parent) if rows.contains_key(&parent) => children_of.entry(parent).or_default().push(node),
            Some(parent) => findings.push(
                Finding::new(
                    FindingCode::UnknownCriterion,
                    Place::cell(&table.sheet, row, CRITERIA_COLUMNS[C_CODE].header),
                )
                .with("value", parent),
            ),
            None => {
                by_code.insert(node.code.clone(), node);
            }
        }
    }
    let mut areas: Vec<Node> = by_code.into_values().collect();
    areas.sort_by_key(|a| position(&a.code));
    set.areas = areas;
    ParsedCriteria { set: Some(set), rows, findings }
}

/// Points in a cell: a number or text "1,5" / "1.5".
fn points_of(cell: &Cell) -> Option<Points> {
    match cell {
        Cell::Number(n) => Points::from_f64(*n),
        Cell::Text(t) => Points::parse(t),
        _ => None,
    }
}

fn criteria_setting(set: &mut CriteriaSet, key: &str, cell: Option<&Cell>, found: &mut RowFindings) {
    let folded = text::fold(key);
    let Some((key, _)) = CRITERIA_SETTINGS.iter().find(|(k, vn)| *k == key || text::fold(vn) == folded) else {
        let allowed: Vec<String> = CRITERIA_SETTINGS.iter().map(|(k, vn)| format!("@{k} (@{vn})")).collect();
        found.push(FindingCode::BadChoice, C_CODE, &[("value", format!("@{key}")), ("allowed", allowed.join(", "))]);
        return;
    };
    let value = text_of(cell);
    let mut bad = |found: &mut RowFindings| found.push(FindingCode::BadNumber, C_TEXT, &[("value", value.clone())]);
    let points = |found: &mut RowFindings, bad: &mut dyn FnMut(&mut RowFindings)| {
        cell.and_then(points_of).unwrap_or_else(|| {
            bad(found);
            Points::ZERO
        })
    };
    match *key {
        "urn" => set.urn = text::clean(&value),
        "name" => set.name = text::clean(&value),
        "province" => set.province = text::clean(&value),
        "decision_number" => set.decision.number = text::clean(&value),
        "note" => set.note = text::clean(&value),
        "version" => match cell.map(count) {
            Some(Some(v)) => set.version = v,
            _ => bad(found),
        },
        "decision_date" => set.decision.date = date_cell(cell, C_TEXT, found),
        "years" => {
            for part in value.split([',', ';', ' ']).filter(|p| !p.is_empty()) {
                match part.parse::<i32>() {
                    Ok(y) if (2000..=2100).contains(&y) => set.years.push(y),
                    Ok(_) => found.push(
                        FindingCode::OutOfRange,
                        C_TEXT,
                        &[("value", part.to_string()), ("min", "2000".into()), ("max", "2100".into())],
                    ),
                    Err(_) => found.push(FindingCode::BadNumber, C_TEXT, &[("value", part.to_string())]),
                }
            }
        }
        "scope" => set.scope = value.split([',', ';']).map(text::clean).filter(|s| !s.is_empty()).collect(),
        "scale" => set.scale = points(found, &mut bad),
        "appraised_share" => set.appraised_share = points(found, &mut bad),
        "survey_share" => set.survey_share = points(found, &mut bad),
        "bonus_cap" => set.bonus_cap = points(found, &mut bad),
        "penalty_cap" => set.penalty_cap = points(found, &mut bad),
        "normalisation" => match crate::model::normalisation_named(&value) {
            Some(normalisation) => set.normalisation = normalisation,
            None => found.push(
                FindingCode::BadChoice,
                C_TEXT,
                &[("value", value.clone()), ("allowed", crate::model::NORMALISATION_NAMES_ALLOWED.into())],
            ),
        },
        "bands" => {
            // "Tốt: 90; Khá: 70; Trung bình: 50; Kém: 0"
            for part in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                let parsed = part.rsplit_once([':', '≥']).and_then(|(label, min)| {
                    Percent::parse(min.trim().trim_end_matches('%').trim())
                        .map(|min| ClassBand { label: text::clean(label.trim_end_matches(['≥', ':'])), min })
                });
                match parsed {
                    Some(band) => set.bands.push(band),
                    None => found.push(FindingCode::BadNumber, C_TEXT, &[("value", part.to_string())]),
                }
            }
        }
        _ => {
            // "deadline": "05/10", or a date Excel made of it ("05/10/2026"): the day and the month.
            let mut parts = value.split(['/', '-', '.']).map(str::trim);
            let day = match (parts.next().and_then(|d| d.parse().ok()), parts.next().and_then(|m| m.parse().ok())) {
                (Some(day), Some(month)) => Some(DayOfYear { day, month }),
                _ => None,
            };
            match day {
                Some(day) if day.in_year(2001).is_some() => set.self_assessment_deadline = Some(day),
                _ => found.push(FindingCode::BadDate, C_TEXT, &[("value", value.clone()), ("format", "dd/mm".into())]),
            }
        }
    }
}

/// The rule of a row from its "Cách chấm" and "Mức điểm" cells; `None` for a parent row (no rule given).
fn criteria_rule(rule: Option<&Cell>, bands: Option<&Cell>, found: &mut RowFindings) -> Option<Rule> {
    let name = text_of(rule);
    if name.is_empty() {
        return None;
    }
    let bands_text = text_of(bands);
    // "100: 3; 80: 1,5" or "≥ 100 % → 3; ≥ 80 % → 1,5".
    let pairs = || -> Option<Vec<(String, Points)>> {
        bands_text
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|part| {
                let (min, points) = part.split_once(['→', ':', '='])?;
                let min = min.replace(['≥', '%', '>'], "").trim().to_string();
                let points = points.replace("điểm", "");
                Some((min, Points::parse(points.trim())?))
            })
            .collect()
    };
    let bad_bands =
        |found: &mut RowFindings| found.push(FindingCode::BadNumber, C_BANDS, &[("value", bands_text.clone())]);
    match crate::model::rule_type_named(&name).unwrap_or_default() {
        "boolean" => Some(Rule::Boolean),
        "banded_percentage" => {
            let bands = pairs().and_then(|pairs| {
                pairs
                    .into_iter()
                    .map(|(min, points)| Some(PercentBand { min: Percent::parse(&min)?, points }))
                    .collect()
            });
            match bands {
                Some(bands) => Some(Rule::BandedPercentage { bands }),
                None => {
                    bad_bands(found);
                    Some(Rule::BandedPercentage { bands: Vec::new() })
                }
            }
        }
        "count_threshold" => {
            let bands = pairs().and_then(|pairs| {
                pairs.into_iter().map(|(min, points)| Some(CountBand { min: min.parse().ok()?, points })).collect()
            });
            match bands {
                Some(bands) => Some(Rule::CountThreshold { bands }),
                None => {
                    bad_bands(found);
                    Some(Rule::CountThreshold { bands: Vec::new() })
                }
            }
        }
        "manual" => {
            let step = if bands_text.is_empty() { Some(Points(25)) } else { Points::parse(&bands_text) };
            match step {
                Some(step) => Some(Rule::Manual { step }),
                None => {
                    bad_bands(found);
                    Some(Rule::Manual { step: Points(25) })
                }
            }
        }
        "survey_only" => Some(Rule::SurveyOnly),
        "bonus" => Some(Rule::Bonus),
        "penalty" => Some(Rule::Penalty),
        _ => {
            found.push(
                FindingCode::BadChoice,
                C_RULE,
                &[("value", name.clone()), ("allowed", crate::model::RULE_NAMES_ALLOWED.into())],
            );
            None
        }
    }
}

/// An empty criteria sheet with the Vietnamese headers.
pub fn criteria_template() -> Table {
    Table::new(CRITERIA_SHEET, &CRITERIA_COLUMNS.map(|c| c.header))
}

/// A criteria set as a sheet in the columns `parse_criteria` reads (it reads back an equal set): settings rows,
/// then one row per node in tree order. A province can start from the sample set and edit it in Excel.
pub fn criteria_table(set: &CriteriaSet) -> Table {
    let mut table = criteria_template();
    let setting = |key: &str, value: Cell| vec![Cell::text(&format!("@{key}")), value];
    let number = |p: Points| Cell::Number(p.as_f64());
    let list = |items: &[String]| Cell::text(&items.join(", "));
    let years: Vec<String> = set.years.iter().map(|y| y.to_string()).collect();
    let bands: Vec<String> = set.bands.iter().map(|b| format!("{}: {}", b.label, b.min.vn())).collect();
    let normalisation = match set.normalisation {
        Normalisation::Raw => "thô",
        Normalisation::Applicable => "theo điểm có nhiệm vụ",
    };
    let mut rows = vec![
        setting("urn", Cell::text(&set.urn)),
        setting("version", Cell::Number(set.version as f64)),
        setting("name", Cell::text(&set.name)),
        setting("province", Cell::text(&set.province)),
        setting("decision_number", Cell::text(&set.decision.number)),
        setting("decision_date", set.decision.date.map_or(Cell::Empty, Cell::Date)),
        setting("years", list(&years)),
        setting("scope", list(&set.scope)),
        setting("note", Cell::text(&set.note)),
        setting("scale", number(set.scale)),
        setting("appraised_share", number(set.appraised_share)),
        setting("survey_share", number(set.survey_share)),
        setting("bonus_cap", number(set.bonus_cap)),
        setting("penalty_cap", number(set.penalty_cap)),
        setting("normalisation", Cell::text(normalisation)),
        setting("bands", Cell::text(&bands.join("; "))),
    ];
    if let Some(day) = set.self_assessment_deadline {
        rows.push(setting("deadline", Cell::text(&format!("{:02}/{:02}", day.day, day.month))));
    }
    for row in rows {
        table.push(row);
    }
    fn node_rows(node: &Node, table: &mut Table) {
        let part = node.part.map_or("", |p| match p {
            Part::Appraised => "thẩm định",
            Part::Survey => "điều tra",
            Part::BonusPenalty => "thưởng, trừ",
        });
        let (rule, bands) = match &node.rule {
            None => ("", String::new()),
            Some(Rule::Boolean) => ("đạt/không đạt", String::new()),
            Some(Rule::BandedPercentage { bands }) => (
                "tỷ lệ",
                bands.iter().map(|b| format!("{}: {}", b.min.vn(), b.points.vn())).collect::<Vec<_>>().join("; "),
            ),
            Some(Rule::CountThreshold { bands }) => (
                "số lượng",
                bands.iter().map(|b| format!("{}: {}", b.min, b.points.vn())).collect::<Vec<_>>().join("; "),
            ),
            Some(Rule::Manual { step }) => ("chấm theo mức độ", step.vn()),
            Some(Rule::SurveyOnly) => ("điều tra", String::new()),
            Some(Rule::Bonus) => ("điểm thưởng", String::new()),
            Some(Rule::Penalty) => ("điểm trừ", String::new()),
        };
        table.push(vec![
            Cell::text(&node.code),
            Cell::text(&node.text),
            Cell::Number(node.max.as_f64()),
            Cell::text(part),
            Cell::text(rule),
            Cell::text(&bands),
            Cell::text(node.metric.as_deref().unwrap_or("")),
            Cell::text(&node.evidence.join("; ")),
            Cell::text(&node.guidance),
        ]);
        for child in &node.children {
            node_rows(child, table);
        }
    }
    for area in &set.areas {
        node_rows(area, &mut table);
    }
    table
}

// ---------------------------------------------------------------------------------------------------------------
// Expected units (the superior level's list of communes and wards)

/// The sheet name of unit lists.
pub const UNIT_SHEET: &str = "Đơn vị";

const U_CODE: usize = 0;
const U_NAME: usize = 1;
const UNIT_COLUMNS: [ColumnSpec; 2] = [
    col("Mã đơn vị", &["Mã", "Mã ĐVHC", "Mã đơn vị hành chính", "Mã xã", "Mã số"], true),
    col("Tên đơn vị", &["Tên", "Tên ĐVHC", "Tên đơn vị hành chính", "Tên xã, phường", "Đơn vị"], true),
];

/// The unit-list header of a field name.
pub fn unit_header(name: &str) -> &str {
    match name {
        "code" => UNIT_COLUMNS[U_CODE].header,
        "name" => UNIT_COLUMNS[U_NAME].header,
        _ => name,
    }
}

/// Reads a list of expected units. A code typed into Excel as a number lost its leading zeros; administrative unit
/// codes of communes have five digits, so a whole number is padded back to five ("4" → "00004").
pub fn parse_expected_units(table: &Table) -> Parsed<crate::model::ExpectedUnit> {
    parse_with(table, &UNIT_COLUMNS, U_CODE, unit_header, |layout, row, found| {
        let code = match layout.cell(row, U_CODE) {
            Some(Cell::Number(n)) if n.fract() == 0.0 && *n >= 0.0 => format!("{:05}", *n as i64),
            other => text::clean(&text_of(other)),
        };
        let name = text::clean(&text_of(layout.cell(row, U_NAME)));
        if code.is_empty() {
            found.push(FindingCode::RequiredMissing, U_CODE, &[]);
        }
        if name.is_empty() {
            found.push(FindingCode::RequiredMissing, U_NAME, &[]);
        }
        (code.clone(), crate::model::ExpectedUnit { code, name }, Vec::new())
    })
}

/// Expected units as a table, in the columns `parse_expected_units` reads.
pub fn expected_units_table(units: &[crate::model::ExpectedUnit]) -> Table {
    let mut table = Table::new(UNIT_SHEET, &UNIT_COLUMNS.map(|c| c.header));
    for u in units {
        table.push(vec![Cell::text(&u.code), Cell::text(&u.name)]);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decision, check_row};
    use crate::sheet::{read_table, write_table};
    use std::path::{Path, PathBuf};
    use unicode_normalization::UnicodeNormalization;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
    }

    fn codes(findings: &[Finding]) -> Vec<FindingCode> {
        findings.iter().map(|f| f.code).collect()
    }

    fn at(f: &Finding) -> (Option<usize>, Option<&str>) {
        (f.place.row, f.place.column.as_deref())
    }

    /// A table with the given headers and text rows (row 1 is the header).
    fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
        let mut t = Table::new("Tệp", headers);
        for row in rows {
            t.push(row.iter().map(|s| Cell::text(s)).collect());
        }
        t
    }

    fn varied_procedures() -> Vec<ProcedureInput> {
        let mut a = ProcedureInput::new("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch");
        a.processing_time = Some(ProcessingTime { amount: 1.0, unit: TimeUnit::WorkingDays });
        a.fee = "Miễn phí".into();
        a.legal_bases = vec!["Luật Hộ tịch số 60/2014/QH13".into(), "Nghị định số 123/2015/NĐ-CP".into()];
        a.announcement = Decision { number: "1568/QĐ-UBND".into(), date: Some(date(2025, 8, 15)) };
        a.online_level = OnlineLevel::Full;
        a.postal = true;
        a.boundary_free = true;
        a.internal_process = Decision { number: "1702/QĐ-UBND".into(), date: Some(date(2025, 9, 1)) };
        a.in_iso_scope = true;

        let mut b = ProcedureInput::new("3.000527.H61", "Chứng thực chữ ký, \"điểm chỉ\"; văn bản", "Chứng thực");
        b.processing_time = Some(ProcessingTime { amount: 0.5, unit: TimeUnit::Days });
        b.fee = "10.000 đồng/trường hợp".into();
        b.one_stop = false;
        b.interlinked = true;
        b.online_level = OnlineLevel::Partial;
        b.status = ProcedureStatus::Amended;

        let mut c = ProcedureInput::new("2.000942", "Cấp bản sao có chứng thực", "Chứng thực");
        c.status = ProcedureStatus::Replaced;
        c.replaced_by = Some("2.001019".into());
        c.processing_time = Some(ProcessingTime { amount: 8.0, unit: TimeUnit::WorkingHours });
        c.legal_bases = vec!["Nghị định số 23/2015/NĐ-CP".into()];
        c.announcement = Decision { number: String::new(), date: Some(date(2019, 10, 15)) };

        let mut d = ProcedureInput::new("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch");
        d.status = ProcedureStatus::Abolished;
        d.processing_time = Some(ProcessingTime { amount: 2.75, unit: TimeUnit::WorkingDays });
        d.internal_process.number = "12/QĐ-UBND".into();

        vec![a, b, c, d, ProcedureInput::new("2.001019", "Chứng thực di chúc", "Chứng thực")]
    }

    fn varied_stats() -> Vec<StatsRow> {
        let mut f = CaseFigures::default();
        for (i, (name, _)) in CaseFigures::default().columns().iter().enumerate() {
            f.set(name, (i as i64 + 1) * 1234);
        }
        vec![
            StatsRow { period: "2025-Q1".parse().unwrap(), field: "Hộ tịch".into(), procedure: None, figures: f },
            StatsRow {
                period: "2025-Q1".parse().unwrap(),
                field: "Hộ tịch".into(),
                procedure: Some("1.001193".into()),
                figures: CaseFigures { received_total: 3, received_direct: 3, ..CaseFigures::default() },
            },
            StatsRow { period: "2025".parse().unwrap(), field: "Chứng thực".into(), procedure: None, figures: f },
            StatsRow {
                period: "2024-H1".parse().unwrap(),
                field: "Chứng thực".into(),
                procedure: Some("3.000527.H61".into()),
                figures: CaseFigures::default(),
            },
            StatsRow { period: "2026-Q3".parse().unwrap(), field: "Đất đai".into(), procedure: None, figures: f },
        ]
    }

    #[test]
    fn templates_have_exactly_the_headers() {
        let p = procedure_template();
        assert_eq!(p.sheet, "Thủ tục hành chính");
        assert!(p.rows.is_empty());
        assert_eq!(
            p.headers,
            [
                "Mã TTHC",
                "Tên thủ tục hành chính",
                "Lĩnh vực",
                "Thời hạn giải quyết",
                "Đơn vị thời hạn",
                "Phí, lệ phí",
                "Căn cứ pháp lý",
                "Số QĐ công bố",
                "Ngày QĐ công bố",
                "Tình trạng",
                "Thay thế bởi",
                "Mức độ DVC trực tuyến",
                "Một cửa",
                "Một cửa liên thông",
                "Bưu chính",
                "Không phụ thuộc địa giới",
                "Số QĐ quy trình nội bộ",
                "Ngày QĐ quy trình nội bộ",
                "Thuộc phạm vi ISO",
            ]
        );
        let s = stats_template();
        assert_eq!(s.sheet, "Biểu 06");
        assert!(s.rows.is_empty());
        assert_eq!(
            s.headers,
            [
                "Kỳ báo cáo",
                "Lĩnh vực",
                "Mã TTHC",
                "Nhận - Tổng số",
                "Nhận - Trực tuyến",
                "Nhận - Trực tiếp, bưu chính",
                "Nhận - Kỳ trước chuyển sang",
                "Đã giải quyết - Tổng số",
                "Đã giải quyết - Trước hạn",
                "Đã giải quyết - Đúng hạn",
                "Đã giải quyết - Quá hạn",
                "Đang giải quyết - Tổng số",
                "Đang giải quyết - Trong hạn",
                "Đang giải quyết - Quá hạn",
                "Thư xin lỗi",
            ]
        );
        for header in p.headers.iter().chain(&s.headers) {
            assert_eq!(*header, header.nfc().collect::<String>());
        }
        // A template parses to nothing and no findings.
        assert_eq!(parse_procedures(&p), Parsed { records: vec![], findings: vec![] });
        assert_eq!(parse_stats(&s), Parsed { records: vec![], findings: vec![] });
    }

    #[test]
    fn header_helpers_name_the_standard_columns() {
        assert_eq!(REPLACED_BY_HEADER, "Thay thế bởi");
        assert_eq!(STATS_CODE_HEADER, "Mã TTHC");
        assert_eq!(STATS_FIELD_HEADER, "Lĩnh vực");
        assert_eq!(stats_header("received_total"), "Nhận - Tổng số");
        assert_eq!(stats_header("apology_letters"), "Thư xin lỗi");
        assert_eq!(stats_header("in_progress_overdue"), "Đang giải quyết - Quá hạn");
        assert_eq!(stats_header("something"), "something");
        assert_eq!(procedure_header("processing_time"), "Thời hạn giải quyết");
        assert_eq!(procedure_header("replaced_by"), "Thay thế bởi");
        // check_row findings land on the Biểu 06 headers.
        let row = StatsRow {
            period: "2025-Q1".parse().unwrap(),
            field: "Hộ tịch".into(),
            procedure: None,
            figures: CaseFigures { received_total: 2, ..CaseFigures::default() },
        };
        let findings = check_row(&row, None, &Place::row("Biểu 06", 2));
        let columns: Vec<&str> = findings.iter().map(|f| stats_header(f.place.column.as_deref().unwrap())).collect();
        assert_eq!(columns, ["Nhận - Tổng số", "Nhận - Tổng số"]);
    }

    #[test]
    fn procedures_round_trip_through_xlsx_and_csv() {
        let list = varied_procedures();
        let dir = tempfile::tempdir().unwrap();
        for name in ["thu-tuc.xlsx", "thu-tuc.csv"] {
            let path = dir.path().join(name);
            write_table(&path, &procedures_table(&list)).unwrap();
            let parsed = parse_procedures(&read_table(&path).unwrap());
            assert_eq!(parsed.findings, vec![], "{name}");
            let back: Vec<ProcedureInput> = parsed.records.iter().map(|(_, p)| p.clone()).collect();
            assert_eq!(back, list, "{name}");
            let rows: Vec<usize> = parsed.records.iter().map(|(n, _)| *n).collect();
            assert_eq!(rows, [2, 3, 4, 5, 6]);
        }
    }

    #[test]
    fn stats_round_trip_through_xlsx_and_csv() {
        let rows = varied_stats();
        let dir = tempfile::tempdir().unwrap();
        for name in ["bieu-06.xlsx", "bieu-06.csv"] {
            let path = dir.path().join(name);
            write_table(&path, &stats_table(&rows)).unwrap();
            let parsed = parse_stats(&read_table(&path).unwrap());
            assert_eq!(parsed.findings, vec![], "{name}");
            let back: Vec<StatsRow> = parsed.records.into_iter().map(|(_, r)| r).collect();
            assert_eq!(back, rows, "{name}");
        }
    }

    /// A "Một cửa" column present but empty marked every procedure as not one-stop, while a sheet without the column
    /// marked them all one-stop, with no warning either way.
    #[test]
    fn an_empty_yes_no_column_reads_as_an_absent_one_and_every_blank_is_reported() {
        let headers = ["Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Một cửa", "Liên thông"];
        let rows: [&[&str]; 3] = [
            &["1.001193", "Đăng ký khai sinh", "Hộ tịch", "", "x"],
            &["1.001022", "Đăng ký kết hôn", "Hộ tịch", "", ""],
            &["2.000635", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "", "không"],
        ];
        let parsed = parse_procedures(&table(&headers, &rows));
        let absent = parse_procedures(&table(&headers[..3], &[&rows[0][..3], &rows[1][..3], &rows[2][..3]]));
        let one_stop = |p: &Parsed<ProcedureInput>| p.records.iter().map(|(_, r)| r.one_stop).collect::<Vec<_>>();
        assert_eq!(one_stop(&parsed), [true, true, true], "an empty column is read as an absent one");
        assert_eq!(one_stop(&absent), one_stop(&parsed), "the two cases agree");
        // In a column marked here and there, a blank is "không".
        let interlinked: Vec<bool> = parsed.records.iter().map(|(_, r)| r.interlinked).collect();
        assert_eq!(interlinked, [true, false, false]);
        // Every blank is reported: one warning per column, with its rows and the value it was given.
        let warnings: Vec<(FindingCode, Option<&str>, Option<&str>, Option<&str>)> = parsed
            .findings
            .iter()
            .map(|f| {
                let value = |name: &str| f.values.get(name).map(String::as_str);
                (f.code, f.place.column.as_deref(), value("rows"), value("default"))
            })
            .collect();
        assert_eq!(
            warnings,
            [
                (FindingCode::FlagEmpty, Some("Một cửa"), Some("2, 3, 4"), Some("có")),
                (FindingCode::FlagEmpty, Some("Một cửa liên thông"), Some("3"), Some("không")),
            ]
        );
        assert!(parsed.findings.iter().all(|f| !f.is_error()), "warnings: the import goes ahead");
        assert!(absent.findings.is_empty(), "{:?}", absent.findings);
    }

    #[test]
    fn wrong_headers_give_missing_column_and_no_rows() {
        let t = table(&["Mã TTHC", "Tên", "Ghi chú"], &[&["1.001193", "Đăng ký khai sinh", ""]]);
        let parsed = parse_procedures(&t);
        assert!(parsed.records.is_empty());
        assert_eq!(codes(&parsed.findings), [FindingCode::UnknownColumn, FindingCode::MissingColumn]);
        let missing = &parsed.findings[1];
        assert_eq!(missing.place, Place::cell("Tệp", 1, "Lĩnh vực"));

        let s = table(&["Kỳ báo cáo", "Lĩnh vực", "Nhận - Tổng số"], &[&["2025-Q1", "Hộ tịch", "1"]]);
        let parsed = parse_stats(&s);
        assert!(parsed.records.is_empty());
        assert_eq!(parsed.findings.len(), 10, "{:?}", parsed.findings);
        assert!(parsed.findings.iter().all(|f| f.code == FindingCode::MissingColumn));
    }

    #[test]
    fn headers_match_without_diacritics_case_or_punctuation_and_aliases() {
        let t = table(
            &["STT", "MA TTHC", "ten thu tuc", "linh vuc", "Thời gian giải quyết", "Phí lệ phí", "Mức độ"],
            &[&["1", "1.001193", "Đăng ký khai sinh", "Hộ tịch", "3 ngày làm việc", "Miễn phí", "Toàn trình"]],
        );
        let parsed = parse_procedures(&t);
        assert_eq!(parsed.findings, vec![]);
        let (_, p) = &parsed.records[0];
        assert_eq!(p.processing_time, Some(ProcessingTime { amount: 3.0, unit: TimeUnit::WorkingDays }));
        assert_eq!(p.online_level, OnlineLevel::Full);
        assert!(p.one_stop, "absent Một cửa column defaults to yes");
    }

    #[test]
    fn every_problem_of_a_row_is_reported_at_its_cell() {
        let headers = [
            "Mã TTHC",
            "Tên thủ tục hành chính",
            "Lĩnh vực",
            "Thời hạn giải quyết",
            "Ngày QĐ công bố",
            "Tình trạng",
            "Một cửa",
        ];
        let t = table(
            &headers,
            &[
                &["1.001193", "Khai sinh", "Hộ tịch", "1 ngày làm việc", "15/8/2025", "", "x"],
                &["1.00119", "", "Hộ tịch", "năm ngày", "31/02/2025", "Bị thay thế", "có lẽ"],
                &["", "", "", "", "", "", ""],
                &["1.001193", "Khai sinh lần hai", "Hộ tịch", "", "2025-08-15", "", ""],
            ],
        );
        let parsed = parse_procedures(&t);
        assert_eq!(parsed.records.len(), 1);
        assert_eq!(parsed.records[0].0, 2);
        assert_eq!(parsed.records[0].1.announcement.date, Some(date(2025, 8, 15)));
        let row3: Vec<(FindingCode, Option<&str>)> = parsed
            .findings
            .iter()
            .filter(|f| f.place.row == Some(3))
            .map(|f| (f.code, f.place.column.as_deref()))
            .collect();
        assert_eq!(
            row3,
            [
                (FindingCode::BadNumber, Some("Thời hạn giải quyết")),
                (FindingCode::BadDate, Some("Ngày QĐ công bố")),
                (FindingCode::BadChoice, Some("Một cửa")),
                (FindingCode::BadProcedureCode, Some("Mã TTHC")),
                (FindingCode::RequiredMissing, Some("Tên thủ tục hành chính")),
                (FindingCode::RequiredMissing, Some("Thay thế bởi")),
            ]
        );
        let empty = parsed.findings.iter().find(|f| f.code == FindingCode::EmptyRow).unwrap();
        assert_eq!(empty.place, Place::row("Tệp", 4));
        let dup = parsed.findings.iter().find(|f| f.code == FindingCode::DuplicateInFile).unwrap();
        assert_eq!(at(dup), (Some(5), Some("Mã TTHC")));
        assert_eq!(dup.values["first_row"], "2");
        assert_eq!(dup.values["code"], "1.001193");
        // The duplicate and the bad row give no record.
        assert!(parsed.records.iter().all(|(n, _)| *n == 2));
    }

    #[test]
    fn processing_times_in_their_many_forms() {
        let wd = |amount| Some((amount, Some(TimeUnit::WorkingDays)));
        let fold = |s: &str| text::fold(s);
        assert_eq!(parse_time_segment(&fold("5")), Some((5.0, None)));
        assert_eq!(parse_time_segment(&fold("5 ngày làm việc")), wd(5.0));
        assert_eq!(parse_time_segment(&fold("05 ngày")), Some((5.0, Some(TimeUnit::Days))));
        assert_eq!(parse_time_segment(&fold("0,5 ngày")), Some((0.5, Some(TimeUnit::Days))));
        assert_eq!(parse_time_segment(&fold("10 Ngày")), Some((10.0, Some(TimeUnit::Days))));
        assert_eq!(parse_time_segment(&fold("3 Ngày làm việc")), wd(3.0));
        assert_eq!(parse_time_segment(&fold("Trong ngày")), wd(1.0));
        assert_eq!(parse_time_segment(&fold("Không quá 7 ngày làm việc kể từ ngày nhận đủ hồ sơ")), wd(7.0));
        assert_eq!(parse_time_segment(&fold("1 Giờ")), Some((1.0, Some(TimeUnit::WorkingHours))));
        assert_eq!(parse_time_segment(&fold("10 ngày, kể từ ngày nhận hồ sơ")), Some((10.0, Some(TimeUnit::Days))));
        assert_eq!(parse_time_segment(&fold("Trong 3 ngày làm việc")), wd(3.0));
        assert_eq!(parse_time_segment(&fold("năm ngày")), None);
        assert_eq!(parse_time_segment(&fold("5 tuần")), None);

        let headers = ["Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Thời hạn giải quyết", "Đơn vị thời hạn"];
        let t = table(
            &headers,
            &[
                &["1.000001", "A", "X", "15 Ngày (Trực tuyến, Dịch vụ bưu chính); 25 Ngày (Trực tiếp)", ""],
                &["1.000002", "B", "X", "30 Ngày (Trực tuyến); 30 Ngày làm việc (Trực tiếp)", ""],
                &["1.000003", "C", "X", "5", ""],
                &["1.000004", "D", "X", "5", "ngày làm việc"],
                &["1.000005", "E", "X", "2 ngày", "ngày làm việc"],
                &["1.000006", "F", "X", "2", "tuần"],
                &["1.000007", "G", "X", "3 ngày (trực tiếp); 3 ngày (trực tuyến)", ""],
            ],
        );
        let parsed = parse_procedures(&t);
        let time = |row: usize| parsed.records.iter().find(|(n, _)| *n == row).and_then(|(_, p)| p.processing_time);
        assert_eq!(time(2), Some(ProcessingTime { amount: 25.0, unit: TimeUnit::Days }));
        assert_eq!(time(3), Some(ProcessingTime { amount: 30.0, unit: TimeUnit::WorkingDays }));
        assert_eq!(time(5), Some(ProcessingTime { amount: 5.0, unit: TimeUnit::WorkingDays }));
        assert_eq!(time(6), Some(ProcessingTime { amount: 2.0, unit: TimeUnit::Days }), "the value's own unit wins");
        assert_eq!(time(8), Some(ProcessingTime { amount: 3.0, unit: TimeUnit::Days }));
        let found: Vec<(FindingCode, Option<usize>)> = parsed.findings.iter().map(|f| (f.code, f.place.row)).collect();
        assert_eq!(
            found,
            [
                (FindingCode::TimeVariesByChannel, Some(2)),
                (FindingCode::TimeVariesByChannel, Some(3)),
                (FindingCode::TimeWithoutUnit, Some(4)),
                (FindingCode::BadChoice, Some(7)),
                (FindingCode::TimeWithoutUnit, Some(7)),
            ]
        );
        assert_eq!(parsed.findings[0].values["kept"], "25 ngày");
        assert_eq!(parsed.findings[2].values["value"], "5");
    }

    #[test]
    fn odd_fees_are_money_below_one_thousand() {
        assert_eq!(odd_fee_amount("5,000 Việt Nam Đồng (Trực tuyến); 40 Việt Nam Đồng (Trực tiếp)"), Some(40));
        assert_eq!(odd_fee_amount("25 VNĐ (Trực tuyến); 50 VNĐ (Trực tiếp)"), Some(25));
        assert_eq!(odd_fee_amount("500đ/bản"), Some(500));
        for fine in [
            "Miễn phí",
            "",
            "5,000 Việt Nam Đồng",
            "8.000 đồng/bản",
            "25.000.000đ",
            "50 nghìn đồng",
            "Theo Nghị định 123/2015/NĐ-CP, 2 bản",
            "0 đồng",
            "10% giá trị tài sản",
        ] {
            assert_eq!(odd_fee_amount(fine), None, "{fine}");
        }
    }

    #[test]
    fn cells_of_other_types_are_read_sensibly() {
        let headers = [
            "Mã TTHC",
            "Tên thủ tục hành chính",
            "Lĩnh vực",
            "Thời hạn giải quyết",
            "Đơn vị thời hạn",
            "Ngày QĐ công bố",
            "Một cửa",
            "Bưu chính",
            "Căn cứ pháp lý",
        ];
        let mut t = Table::new("Trang 1", &headers);
        t.push(vec![
            Cell::Number(1.00119),
            Cell::text("Đăng ký kết hôn"),
            Cell::text("Hộ tịch"),
            Cell::Number(0.5),
            Cell::text("Ngày làm việc"),
            Cell::Number(45884.0),
            Cell::Bool(true),
            Cell::Number(0.0),
            Cell::text("Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP"),
        ]);
        t.push(vec![Cell::Number(2.0), Cell::text("X"), Cell::text("Y")]);
        t.push(vec![
            Cell::text("1.000656"),
            Cell::text("Đăng ký khai tử"),
            Cell::text("Hộ tịch"),
            Cell::Empty,
            Cell::Empty,
            Cell::Number(2025.0),
        ]);
        let parsed = parse_procedures(&t);
        let (_, p) = &parsed.records[0];
        assert_eq!(p.code, "1.001190");
        assert_eq!(p.processing_time, Some(ProcessingTime { amount: 0.5, unit: TimeUnit::WorkingDays }));
        assert_eq!(p.announcement.date, Some(date(2025, 8, 15)));
        assert!(p.one_stop && !p.postal);
        assert_eq!(p.legal_bases, ["Luật Hộ tịch 2014", "Nghị định 123/2015/NĐ-CP"]);
        // The yes/no columns left empty in some rows are reported once per column, before the rows' findings.
        let (blanks, findings): (Vec<Finding>, Vec<Finding>) =
            parsed.findings.iter().cloned().partition(|f| f.code == FindingCode::FlagEmpty);
        assert!(!blanks.is_empty() && blanks.iter().all(|f| !f.is_error()));
        assert_eq!(codes(&findings), [FindingCode::BadProcedureCode, FindingCode::BadDate]);
        assert_eq!(findings[0].values["value"], "2");
        assert_eq!(at(&findings[1]), (Some(4), Some("Ngày QĐ công bố")));
        assert_eq!(findings[1].values["value"], "2025");
    }

    #[test]
    fn nfd_input_comes_back_nfc() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nfd.csv");
        let content = "Mã TTHC;Tên thủ tục hành chính;Lĩnh vực\n1.001193;Thủ tục đăng ký khai sinh;Hộ tịch\n";
        let nfd: String = content.nfd().collect();
        assert_ne!(nfd, content);
        std::fs::write(&path, [b"\xEF\xBB\xBF".as_slice(), nfd.as_bytes()].concat()).unwrap();
        let parsed = parse_procedures(&read_table(&path).unwrap());
        assert_eq!(parsed.findings, vec![]);
        assert_eq!(parsed.records[0].1.name, "Thủ tục đăng ký khai sinh");
        assert_eq!(parsed.records[0].1.field, "Hộ tịch");
    }

    #[test]
    fn stats_cells_are_whole_non_negative_numbers() {
        let mut headers: Vec<&str> = stats_template().headers.iter().map(|_| "").collect();
        let template = stats_template();
        for (i, h) in template.headers.iter().enumerate() {
            headers[i] = h;
        }
        let mut t = Table::new("Biểu 06", &headers);
        let row = |period: Cell, field: &str, first: Cell, third: Cell| {
            let mut cells = vec![period, Cell::text(field), Cell::Empty, first, Cell::Empty, third];
            cells.resize(15, Cell::Empty);
            cells
        };
        t.push(row(Cell::text("2025-Q1"), "Hộ tịch", Cell::text("1.234"), Cell::Number(12.0)));
        t.push(row(Cell::text("2025-Q1"), "Chứng thực", Cell::text("12a"), Cell::Number(1.5)));
        t.push(vec![Cell::Empty; 15]);
        t.push(row(Cell::text("2025-Q2"), "Đất đai", Cell::text("-3"), Cell::text("abc")));
        t.push(row(Cell::Number(2025.0), "Hộ tịch", Cell::Empty, Cell::Empty));
        t.push(row(Cell::text("Quý I năm 2025"), "hộ tịch", Cell::Empty, Cell::Empty));
        t.push(row(Cell::text("6 tháng năm 2025"), "", Cell::Empty, Cell::Empty));
        let parsed = parse_stats(&t);
        let records: Vec<(usize, String, i64, i64)> = parsed
            .records
            .iter()
            .map(|(n, r)| (*n, r.period.to_string(), r.figures.received_total, r.figures.received_direct))
            .collect();
        assert_eq!(records, [(2, "2025-Q1".to_string(), 1234, 12), (6, "2025".to_string(), 0, 0)]);
        let found: Vec<(FindingCode, Option<usize>, Option<&str>)> =
            parsed.findings.iter().map(|f| (f.code, f.place.row, f.place.column.as_deref())).collect();
        assert_eq!(
            found,
            [
                (FindingCode::BadNumber, Some(3), Some("Nhận - Tổng số")),
                (FindingCode::BadNumber, Some(3), Some("Nhận - Trực tiếp, bưu chính")),
                (FindingCode::EmptyRow, Some(4), None),
                (FindingCode::BadPeriod, Some(5), Some("Kỳ báo cáo")),
                (FindingCode::Negative, Some(5), Some("Nhận - Tổng số")),
                (FindingCode::BadNumber, Some(5), Some("Nhận - Trực tiếp, bưu chính")),
                (FindingCode::DuplicateInFile, Some(7), Some("Lĩnh vực")),
                (FindingCode::RequiredMissing, Some(8), Some("Lĩnh vực")),
            ]
        );
        assert_eq!(parsed.findings[0].values["value"], "12a");
        assert_eq!(parsed.findings[1].values["value"], "1.5");
        assert_eq!(parsed.findings[6].values["first_row"], "2");
    }

    #[test]
    fn real_portal_list_is_read_with_its_messy_cells_reported() {
        let candidates = [
            fixture("commune-procedures-2026.csv"),
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/commune-procedures-2026.csv"),
            PathBuf::from("/work/shared/data/commune-procedures-2026.csv"),
        ];
        let path = candidates
            .iter()
            .find(|p| p.exists())
            .expect("commune-procedures-2026.csv in tests/fixtures or ../shared/data");
        let mut t = read_table(path).unwrap();
        // The file's own header names, mapped to ours.
        for header in &mut t.headers {
            let ours = match header.as_str() {
                "code" => "Mã TTHC",
                "name" => "Tên thủ tục hành chính",
                "field" => "Lĩnh vực",
                "processing_time" => "Thời hạn giải quyết",
                "fee" => "Phí, lệ phí",
                other => other,
            };
            *header = ours.to_string();
        }
        let parsed = parse_procedures(&t);
        let count = |code| parsed.findings.iter().filter(|f| f.code == code).count();
        assert_eq!(count(FindingCode::TimeWithoutUnit), 35);
        assert_eq!(count(FindingCode::UnknownColumn), 3, "level, online_level, source");
        let odd: Vec<&str> = parsed
            .findings
            .iter()
            .filter(|f| f.code == FindingCode::OddFee)
            .map(|f| {
                let row = f.place.row.unwrap();
                t.rows.iter().find(|r| r.number == row).unwrap().cell(0).display().leak() as &str
            })
            .collect();
        assert_eq!(odd, ["1.003133", "1.012680"]);
        assert!(count(FindingCode::TimeVariesByChannel) > 10);
        // Every other row is accepted.
        let errors = parsed.findings.iter().filter(|f| f.is_error()).count();
        assert_eq!(
            errors,
            35,
            "{:#?}",
            parsed
                .findings
                .iter()
                .filter(|f| f.is_error() && f.code != FindingCode::TimeWithoutUnit)
                .collect::<Vec<_>>()
        );
        assert_eq!(parsed.records.len(), t.rows.len() - 35);
        let one_hour =
            parsed.records.iter().find_map(|(_, p)| p.processing_time.filter(|t| t.unit == TimeUnit::WorkingHours));
        assert_eq!(one_hour, Some(ProcessingTime { amount: 1.0, unit: TimeUnit::WorkingHours }));
    }

    #[test]
    fn fixtures_read_as_the_integration_tests_expect() {
        let ok = parse_procedures(&read_table(&fixture("procedures-ok.csv")).unwrap());
        assert_eq!(ok.findings, vec![]);
        assert_eq!(ok.records.len(), 5);
        assert!(ok.records.iter().all(|(_, p)| p.field == "Hộ tịch" || p.field == "Chứng thực"));
        assert!(ok.records.iter().all(|(_, p)| p.processing_time.is_some() && p.announcement.date.is_some()));

        let bad = parse_procedures(&read_table(&fixture("procedures-bad.csv")).unwrap());
        let found: Vec<(FindingCode, Option<usize>, Option<&str>)> =
            bad.findings.iter().map(|f| (f.code, f.place.row, f.place.column.as_deref())).collect();
        assert_eq!(
            found,
            [
                (FindingCode::BadProcedureCode, Some(3), Some("Mã TTHC")),
                (FindingCode::BadNumber, Some(4), Some("Thời hạn giải quyết")),
                (FindingCode::EmptyRow, Some(5), None),
                (FindingCode::RequiredMissing, Some(6), Some("Tên thủ tục hành chính")),
            ]
        );
        assert_eq!(bad.records.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [2, 7]);

        let stats = parse_stats(&read_table(&fixture("stats-ok.csv")).unwrap());
        assert_eq!(stats.findings, vec![]);
        assert_eq!(stats.records.len(), 2);
        for (n, row) in &stats.records {
            assert_eq!(check_row(row, None, &Place::row("stats-ok", *n)), vec![]);
            assert_eq!(row.period.to_string(), "2025-Q1");
        }

        let stats = parse_stats(&read_table(&fixture("stats-bad.csv")).unwrap());
        let found: Vec<(FindingCode, Option<usize>, Option<&str>)> =
            stats.findings.iter().map(|f| (f.code, f.place.row, f.place.column.as_deref())).collect();
        assert_eq!(
            found,
            [
                (FindingCode::BadNumber, Some(2), Some("Nhận - Tổng số")),
                (FindingCode::Negative, Some(3), Some("Đang giải quyết - Tổng số")),
                (FindingCode::BadPeriod, Some(4), Some("Kỳ báo cáo")),
            ]
        );
        assert!(stats.records.is_empty());

        let err = read_table(&fixture("not-a-spreadsheet.xlsx")).unwrap_err();
        assert!(matches!(err, crate::Error::FileUnreadable { .. }), "{err:?}");
    }
}
