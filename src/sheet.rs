//! Generic tables read from and written to Excel (.xlsx) and CSV files: cells, rows and headers, no meaning yet.
//!
//! `transfer` gives the columns their meaning. This module only knows file formats:
//! - .xlsx is read with calamine (first worksheet) and written with rust_xlsxwriter
//!   (bold filled header, frozen header row, dates as dd/mm/yyyy);
//! - .csv is read as UTF-8 with or without BOM, the delimiter (`,`, `;` as Vietnamese Excel saves it, or tab) taken
//!   from the header line; an Excel `sep=;` first line is honoured; a file in a Windows code page is refused with
//!   how to save it as UTF-8. Every CSV cell comes back as text. CSV is written for Excel on a Vietnamese Windows:
//!   UTF-8 with BOM (so Excel shows the diacritics), `;`-delimited, decimal commas, dates as dd/mm/yyyy.
//!
//! Text cells are NFC, trimmed, with inner runs of spaces collapsed; line breaks inside a cell are kept.
//! The header is the first row with at least two filled cells, so title lines above it ("DANH MỤC THỦ TỤC HÀNH
//! CHÍNH…", one merged cell each) are skipped; failing that, the first non-empty row. Trailing empty rows are
//! dropped; empty rows between the header and the last data row are kept (all cells `Empty`) so that callers can
//! report them. Row numbers are those the spreadsheet shows (blank CSV lines count, as Excel shows them).

use crate::error::{Error, Result};
use crate::partial::{self, Folder};
use crate::text;
use chrono::{Datelike, NaiveDate};
use std::path::Path;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(NaiveDate),
}

impl Cell {
    /// A text cell, NFC and trimmed; `Empty` when nothing is left.
    pub fn text(value: &str) -> Cell {
        let cleaned = text::clean_multiline(value);
        if cleaned.is_empty() { Cell::Empty } else { Cell::Text(cleaned) }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as a person reads it: numbers without a useless ".0", dates as dd/mm/yyyy, empty as "".
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => format_number(*n),
            Cell::Bool(true) => "TRUE".to_string(),
            Cell::Bool(false) => "FALSE".to_string(),
            Cell::Date(d) => format_date(*d),
        }
    }
}

/// One row of data.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based row number as the spreadsheet shows it (the header is row 1, or the header's own row).
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    /// True when every cell is empty.
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }

    /// The cell in column `index` (0-based); `Empty` past the end of the row.
    pub fn cell(&self, index: usize) -> &Cell {
        self.cells.get(index).unwrap_or(&Cell::Empty)
    }
}

/// A sheet: its name, its header texts and its data rows (the header row is not among `rows`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The worksheet name (for a CSV file: the file name without extension).
    pub sheet: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    /// An empty table with these headers.
    pub fn new(sheet: &str, headers: &[&str]) -> Table {
        Table { sheet: sheet.to_string(), headers: headers.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }

    /// Appends a row numbered after the last one (the header being row 1 of a new table).
    pub fn push(&mut self, cells: Vec<Cell>) {
        let number = self.rows.last().map_or(self.header_row() + 1, |r| r.number + 1);
        self.rows.push(Row { number, cells });
    }

    /// The row number of the header: the row just before the first data row (1 when there is no data).
    /// `read_table` keeps every row between the header and the last data row, so this is exact for files.
    pub fn header_row(&self) -> usize {
        self.rows.first().map_or(1, |r| r.number.saturating_sub(1).max(1))
    }
}

enum Kind {
    Xlsx,
    Csv,
}

fn kind_of(path: &Path) -> Result<Kind> {
    let ext = path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("xlsx") => Ok(Kind::Xlsx),
        Some("csv") => Ok(Kind::Csv),
        _ => Err(Error::FileFormat(path.to_path_buf())),
    }
}

/// Reads the first worksheet of an .xlsx file, or a .csv file; the type is chosen by the extension.
pub fn read_table(path: &Path) -> Result<Table> {
    let kind = kind_of(path)?;
    // Read the file ourselves so that a missing or locked file is an I/O error, not "not a spreadsheet".
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    read_kind(kind, path, &bytes)
}

/// Where a table comes from: a file on disk (the command line, tests) or the content of a file the user picked in the
/// window, which has no file-system access. Every import takes one, so each table has one import entry point.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    Path(&'a Path),
    /// `name` gives the type (its extension) and names the file in errors.
    Bytes {
        name: &'a str,
        bytes: &'a [u8],
    },
}

impl Source<'_> {
    pub fn read(&self) -> Result<Table> {
        match *self {
            Source::Path(path) => read_table(path),
            Source::Bytes { name, bytes } => read_table_bytes(Path::new(name), bytes),
        }
    }
}

impl<'a> From<&'a Path> for Source<'a> {
    fn from(path: &'a Path) -> Source<'a> {
        Source::Path(path)
    }
}

impl<'a> From<&'a std::path::PathBuf> for Source<'a> {
    fn from(path: &'a std::path::PathBuf) -> Source<'a> {
        Source::Path(path)
    }
}

/// Reads a table from the bytes of a file the user picked (the desktop app sends the file's content);
/// `name` gives the extension and names the file in errors.
pub fn read_table_bytes(name: &Path, bytes: &[u8]) -> Result<Table> {
    read_kind(kind_of(name)?, name, bytes)
}

fn read_kind(kind: Kind, path: &Path, bytes: &[u8]) -> Result<Table> {
    match kind {
        Kind::Xlsx => read_xlsx(path, bytes),
        Kind::Csv => read_csv(path, bytes),
    }
}

/// Writes a table as .xlsx or .csv, chosen by the extension; an existing file is replaced.
pub fn write_table(path: &Path, table: &Table) -> Result<()> {
    match kind_of(path)? {
        Kind::Xlsx => write_xlsx(path, std::slice::from_ref(table)),
        Kind::Csv => write_csv(path, table),
    }
}

/// Builds a table from raw rows (1-based row number, cells): the header is the first row with two or more filled
/// cells (title lines above it, one merged cell each, are skipped), or the first non-empty row when no row has two;
/// trailing empty rows are dropped, header texts cleaned and trailing empty headers removed.
fn assemble(sheet: String, raw: Vec<(usize, Vec<Cell>)>) -> Table {
    let filled = |cells: &Vec<Cell>| cells.iter().filter(|c| !c.is_empty()).count();
    let non_empty = |cells: &Vec<Cell>| filled(cells) > 0;
    let header_at =
        raw.iter().position(|(_, cells)| filled(cells) >= 2).or_else(|| raw.iter().position(|(_, c)| non_empty(c)));
    let Some(header_at) = header_at else {
        return Table { sheet, headers: Vec::new(), rows: Vec::new() };
    };
    let last = raw.iter().rposition(|(_, cells)| non_empty(cells)).unwrap_or(header_at);
    let mut headers: Vec<String> = raw[header_at].1.iter().map(|c| text::clean(&c.display())).collect();
    while headers.last().is_some_and(|h| h.is_empty()) {
        headers.pop();
    }
    let rows = raw[header_at + 1..=last]
        .iter()
        .map(|(number, cells)| {
            let mut cells = cells.clone();
            while cells.len() > headers.len() && cells.last().is_some_and(Cell::is_empty) {
                cells.pop();
            }
            cells.resize(cells.len().max(headers.len()), Cell::Empty);
            Row { number: *number, cells }
        })
        .collect();
    Table { sheet, headers, rows }
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

fn read_csv(path: &Path, bytes: &[u8]) -> Result<Table> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let content = std::str::from_utf8(bytes).map_err(|_| Error::NotUtf8(path.to_path_buf()))?;
    let (delimiter, body) = detect_delimiter(content);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(body.as_bytes());
    let mut raw: Vec<(usize, Vec<Cell>)> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Error::FileUnreadable { path: path.to_path_buf(), reason: e.to_string() })?;
        // The csv crate skips blank lines, and a record's position is where that skipping began; Excel shows each
        // blank line as an empty row, so put them back to keep the row numbers Excel shows.
        let from = record.position().map_or(body.len(), |p| p.byte() as usize);
        for _ in 0..blank_lines_at(body.as_bytes(), from) {
            raw.push((raw.len() + 1, Vec::new()));
        }
        raw.push((raw.len() + 1, record.iter().map(Cell::text).collect()));
    }
    Ok(assemble(file_stem(path), raw))
}

/// How many blank lines start at byte `from` (where the csv crate began looking for the next record). A `\n`
/// that completes the previous record's `\r\n` is not a blank line.
fn blank_lines_at(body: &[u8], from: usize) -> usize {
    let mut i = from;
    if i > 0 && body.get(i - 1) == Some(&b'\r') && body.get(i) == Some(&b'\n') {
        i += 1;
    }
    let mut lines = 0;
    while let Some(&b) = body.get(i) {
        match b {
            b'\r' if body.get(i + 1) == Some(&b'\n') => i += 2,
            b'\r' | b'\n' => i += 1,
            _ => break,
        }
        lines += 1;
    }
    lines
}

/// The delimiter of a CSV text (from an Excel `sep=` line, else the most frequent of `,` `;` tab outside quotes
/// in the first non-empty line) and the text without any `sep=` line.
fn detect_delimiter(content: &str) -> (u8, &str) {
    let first_line = content.lines().next().unwrap_or("");
    if let Some(sep) = first_line.trim().strip_prefix("sep=")
        && let [b] = sep.as_bytes()
    {
        let rest = content.split_once('\n').map_or("", |(_, rest)| rest);
        return (*b, rest);
    }
    let header = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    // On a tie prefer `;`, then tab: headers such as "Phí, lệ phí" hold commas, and Excel does not quote them
    // in a `;` file.
    let delimiters = [b';', b'\t', b','];
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(i) = delimiters.iter().position(|d| *d == b) {
            counts[i] += 1;
        }
    }
    let mut best = 2;
    for i in [1, 0] {
        if counts[i] >= counts[best] && counts[i] > 0 {
            best = i;
        }
    }
    (delimiters[best], content)
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map(|s| text::clean(&s.to_string_lossy())).unwrap_or_default()
}

/// What Excel on a Vietnamese Windows reads when the file is double-clicked: UTF-8 with a BOM (without it Excel reads
/// the Windows code page and the diacritics break), `;` between cells (the list separator of vi-VN, whose decimal
/// separator is the comma) and decimal commas. Not a `sep=;` first line: with it Excel ignores the BOM, and other
/// programs read it as a row.
pub const CSV_DELIMITER: u8 = b';';

fn write_csv(path: &Path, table: &Table) -> Result<()> {
    let mut out: Vec<u8> = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new().flexible(true).delimiter(CSV_DELIMITER).from_writer(&mut out);
        let width = table.rows.iter().map(|r| r.cells.len()).chain([table.headers.len()]).max().unwrap_or(0);
        let mut record: Vec<String> = table.headers.clone();
        record.resize(width, String::new());
        writer.write_record(&record).map_err(|e| csv_error(path, e))?;
        for row in &table.rows {
            let mut record: Vec<String> = row.cells.iter().map(csv_cell).collect();
            record.resize(width, String::new());
            writer.write_record(&record).map_err(|e| csv_error(path, e))?;
        }
        writer.flush().map_err(|e| Error::io(path, e))?;
    }
    partial::write(path, &out, Folder::Shared)
}

/// A cell as Excel on a Vietnamese Windows reads it: a fraction with a decimal comma (`0,5`), else as displayed.
fn csv_cell(cell: &Cell) -> String {
    match cell {
        Cell::Number(n) if n.fract() != 0.0 => format_number(*n).replace('.', ","),
        _ => cell.display(),
    }
}

fn csv_error(path: &Path, error: csv::Error) -> Error {
    Error::io(path, std::io::Error::other(error.to_string()))
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

fn read_xlsx(path: &Path, bytes: &[u8]) -> Result<Table> {
    let unreadable = |reason: String| Error::FileUnreadable { path: path.to_path_buf(), reason };
    // calamine reports damaged files as errors; the guard only makes sure a bug in a parser never takes the app down.
    let outcome = std::panic::catch_unwind(move || read_first_sheet(std::io::Cursor::new(bytes)));
    match outcome {
        Ok(Ok((sheet, raw))) => Ok(assemble(sheet, raw)),
        Ok(Err(reason)) => Err(unreadable(reason)),
        Err(_) => Err(unreadable("the workbook is damaged".to_string())),
    }
}

type RawSheet = (String, Vec<(usize, Vec<Cell>)>);

fn read_first_sheet<R: std::io::Read + std::io::Seek>(reader: R) -> std::result::Result<RawSheet, String> {
    use calamine::Reader;
    let mut workbook: calamine::Xlsx<R> =
        calamine::Xlsx::new(reader).map_err(|e| format!("not an Excel workbook (.xlsx): {e}"))?;
    let name = workbook.sheet_names().into_iter().next().ok_or("the workbook has no worksheet")?;
    let range = workbook.worksheet_range(&name).map_err(|e| format!("cannot read worksheet {name:?}: {e}"))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_col = range.start().map_or(0, |(_, col)| col as usize);
    let mut raw = Vec::new();
    // Rows above the used range are empty; number rows as Excel does (1-based, absolute).
    for i in 0..first_row {
        raw.push((i + 1, Vec::new()));
    }
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<Cell> = vec![Cell::Empty; first_col];
        cells.extend(row.iter().map(from_calamine));
        raw.push((first_row + i + 1, cells));
    }
    Ok((text::clean(&name), raw))
}

fn from_calamine(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(year.into(), month.into(), day.into()).map_or(Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Cell::text(s), Cell::Date),
        Data::DurationIso(s) => Cell::text(s),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

/// Writes several tables as the worksheets of one .xlsx file (a .csv path gets the first table only, as CSV has one
/// sheet); an existing file is replaced.
pub fn write_tables(path: &Path, tables: &[Table]) -> Result<()> {
    match kind_of(path)? {
        Kind::Xlsx => write_xlsx(path, tables),
        Kind::Csv => write_csv(path, tables.first().unwrap_or(&Table::default())),
    }
}

/// The workbook is built in memory and written whole (through a locked partial file), so an interrupted export
/// never leaves a half file under the name the user chose.
fn write_xlsx(path: &Path, tables: &[Table]) -> Result<()> {
    let bytes = build_xlsx(tables).map_err(|e| match e {
        rust_xlsxwriter::XlsxError::IoError(io) => Error::io(path, io),
        other => Error::io(path, std::io::Error::other(other.to_string())),
    })?;
    partial::write(path, &bytes, Folder::Shared)
}

fn build_xlsx(tables: &[Table]) -> std::result::Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};
    let header_format = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let date_format = Format::new().set_num_format("dd/mm/yyyy").set_align(FormatAlign::Left);
    let wrap_format = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    let mut workbook = Workbook::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&table.sheet))?;
        let mut widths: Vec<usize> = table.headers.iter().map(|h| h.chars().count()).collect();
        for (col, header) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, header, &header_format)?;
        }
        for (i, row) in table.rows.iter().enumerate() {
            let r = (i + 1) as u32;
            for (col, cell) in row.cells.iter().enumerate() {
                let c = col as u16;
                let width = match cell {
                    Cell::Empty => 0,
                    Cell::Text(s) if s.contains('\n') => {
                        sheet.write_string_with_format(r, c, s, &wrap_format)?;
                        s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
                    }
                    Cell::Text(s) => {
                        sheet.write_string(r, c, s)?;
                        s.chars().count()
                    }
                    Cell::Number(n) => {
                        sheet.write_number(r, c, *n)?;
                        format_number(*n).len()
                    }
                    Cell::Bool(b) => {
                        sheet.write_boolean(r, c, *b)?;
                        5
                    }
                    Cell::Date(d) => {
                        let excel = ExcelDateTime::from_ymd(year_u16(d.year()), d.month() as u8, d.day() as u8)?;
                        sheet.write_datetime_with_format(r, c, &excel, &date_format)?;
                        10
                    }
                };
                if widths.len() <= col {
                    widths.resize(col + 1, 0);
                }
                widths[col] = widths[col].max(width);
            }
        }
        for (col, width) in widths.iter().enumerate() {
            sheet.set_column_width(col as u16, (*width as f64 + 2.0).clamp(8.0, 60.0))?;
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    workbook.save_to_buffer()
}

/// Excel's dates start in 1900; years outside 1900..=9999 cannot be written as dates and are clamped (rust_xlsxwriter
/// then refuses them, which surfaces as a write error rather than a wrong date).
fn year_u16(year: i32) -> u16 {
    u16::try_from(year).unwrap_or(0)
}

/// A valid worksheet name: at most 31 characters, none of `[]:*?/\`, not empty.
fn sheet_name(name: &str) -> String {
    let cleaned: String =
        text::clean(name).chars().map(|c| if "[]:*?/\\".contains(c) { '-' } else { c }).take(31).collect();
    let cleaned = cleaned.trim_matches('\'').trim().to_string();
    if cleaned.is_empty() { "Trang 1".to_string() } else { cleaned }
}

// ---------------------------------------------------------------------------------------------------------------
// Shared formatting

/// Numbers as people write them: whole numbers without ".0", others in the shortest exact form.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// dd/mm/yyyy.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn sample() -> Table {
        let mut table = Table::new("Thủ tục hành chính", &["Mã TTHC", "Tên", "Thời hạn", "Ngày", "Căn cứ", "Cờ"]);
        table.push(vec![
            Cell::Text("1.001193".into()),
            Cell::Text("Đăng ký khai sinh".into()),
            Cell::Number(1.0),
            Cell::Date(date(2025, 7, 1)),
            Cell::Text("Luật Hộ tịch 2014\nNghị định 123/2015/NĐ-CP".into()),
            Cell::Bool(true),
        ]);
        table.push(vec![Cell::Empty; 6]);
        table.push(vec![
            Cell::Text("2.000635".into()),
            Cell::Text("Cấp bản sao trích lục, \"hộ tịch\"; có dấu phẩy".into()),
            Cell::Number(0.5),
            Cell::Empty,
            Cell::Empty,
            Cell::Bool(false),
        ]);
        table
    }

    #[test]
    fn xlsx_round_trip_keeps_types_rows_and_sheet_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bang.XLSX");
        let table = sample();
        write_table(&path, &table).unwrap();
        let back = read_table(&path).unwrap();
        assert_eq!(back, table);
        assert_eq!(back.header_row(), 1);
    }

    #[test]
    fn csv_round_trip_gives_text_with_bom_and_dd_mm_yyyy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bang.csv");
        write_table(&path, &sample()).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "CSV must start with a BOM");
        let content = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(content.starts_with("Mã TTHC;Tên;"), "`;` as Excel on a Vietnamese Windows expects: {content}");
        assert!(content.contains("01/07/2025"));
        assert!(content.contains(";1;"), "whole numbers without .0: {content}");
        assert!(content.contains(";0,5;"), "a decimal comma: {content}");
        let back = read_table(&path).unwrap();
        assert_eq!(back.sheet, "bang");
        assert_eq!(back.headers, sample().headers);
        assert_eq!(back.rows.len(), 3);
        assert_eq!(back.rows[0].cells[2], Cell::Text("1".into()));
        assert_eq!(back.rows[0].cells[3], Cell::Text("01/07/2025".into()));
        assert_eq!(back.rows[0].cells[4], Cell::Text("Luật Hộ tịch 2014\nNghị định 123/2015/NĐ-CP".into()));
        assert!(back.rows[1].is_empty());
        assert_eq!(back.rows[1].number, 3);
        assert_eq!(back.rows[2].cells[1], Cell::Text("Cấp bản sao trích lục, \"hộ tịch\"; có dấu phẩy".into()));
        assert_eq!(back.rows[2].cells[2], Cell::Text("0,5".into()));
    }

    #[test]
    fn semicolon_csv_with_bom_and_nfd_text_reads_as_nfc() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("excel.csv");
        let nfd: String = "Mã TTHC;Tên thủ tục\n1.001193;  Đăng ký   khai sinh \n".nfd().collect();
        std::fs::write(&path, [b"\xEF\xBB\xBF".as_slice(), nfd.as_bytes()].concat()).unwrap();
        let table = read_table(&path).unwrap();
        assert_eq!(table.headers, ["Mã TTHC", "Tên thủ tục"]);
        assert_eq!(table.rows[0].cells, [Cell::Text("1.001193".into()), Cell::Text("Đăng ký khai sinh".into())]);
        assert_eq!(table.rows[0].number, 2);
    }

    #[test]
    fn tab_and_sep_line_csv() {
        let dir = tempfile::tempdir().unwrap();
        let tab = dir.path().join("tab.csv");
        std::fs::write(&tab, "a\tb, c\n1\t2\n").unwrap();
        assert_eq!(read_table(&tab).unwrap().headers, ["a", "b, c"]);
        let semi = dir.path().join("semi.csv");
        std::fs::write(&semi, "Mã TTHC;Phí, lệ phí\n1.001193;Miễn phí\n").unwrap();
        assert_eq!(read_table(&semi).unwrap().headers, ["Mã TTHC", "Phí, lệ phí"]);
        let comma = dir.path().join("comma.csv");
        std::fs::write(&comma, "Mã TTHC,\"Phí; lệ phí\",Tên\n").unwrap();
        assert_eq!(read_table(&comma).unwrap().headers, ["Mã TTHC", "Phí; lệ phí", "Tên"]);
        let sep = dir.path().join("sep.csv");
        std::fs::write(&sep, "sep=;\na;b\n1;2\n").unwrap();
        let table = read_table(&sep).unwrap();
        assert_eq!(table.headers, ["a", "b"]);
        assert_eq!(table.rows[0].number, 2);
    }

    #[test]
    fn blank_lines_inside_are_kept_and_trailing_ones_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gaps.csv");
        std::fs::write(&path, "\na,b\n1,\"multi\nline\"\n\n,\n3,4\n\n,\n").unwrap();
        let table = read_table(&path).unwrap();
        let crlf = dir.path().join("crlf.csv");
        std::fs::write(&crlf, "\r\na,b\r\n1,\"multi\r\nline\"\r\n\r\n,\r\n3,4\r\n\r\n,\r\n").unwrap();
        assert_eq!(read_table(&crlf).unwrap(), Table { sheet: "crlf".into(), ..table.clone() });
        assert_eq!(table.headers, ["a", "b"]);
        let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [3, 4, 5, 6]);
        assert!(table.rows[1].is_empty() && table.rows[2].is_empty());
        assert_eq!(table.rows[3].cells, [Cell::Text("3".into()), Cell::Text("4".into())]);
        assert_eq!(table.header_row(), 2);
    }

    #[test]
    fn xlsx_with_title_lines_and_offset_header_keeps_excel_row_numbers() {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("co-tieu-de.xlsx");
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Danh mục").unwrap();
        sheet.write_string(0, 0, "DANH MỤC THỦ TỤC HÀNH CHÍNH").unwrap();
        sheet.write_string(1, 0, "(Kèm theo Quyết định số 12/QĐ-UBND)").unwrap();
        sheet.write_string(3, 1, "Mã TTHC").unwrap();
        sheet.write_string(3, 2, " Tên thủ tục ").unwrap();
        sheet.write_string(3, 3, "Ngày").unwrap();
        sheet.write_number(4, 1, 1.00119).unwrap();
        sheet.write_string(4, 2, "Đăng ký kết hôn").unwrap();
        let dd = Format::new().set_num_format("dd/mm/yyyy");
        sheet.write_datetime_with_format(4, 3, ExcelDateTime::from_ymd(2025, 8, 15).unwrap(), &dd).unwrap();
        sheet.write_number(6, 1, 7).unwrap();
        sheet.write_boolean(6, 3, true).unwrap();
        sheet.write_string(8, 2, "   ").unwrap();
        workbook.save(&path).unwrap();

        let table = read_table(&path).unwrap();
        assert_eq!(table.sheet, "Danh mục");
        assert_eq!(table.headers, ["", "Mã TTHC", "Tên thủ tục", "Ngày"]);
        assert_eq!(table.header_row(), 4);
        let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [5, 6, 7]);
        assert_eq!(
            table.rows[0].cells,
            [Cell::Empty, Cell::Number(1.00119), Cell::Text("Đăng ký kết hôn".into()), Cell::Date(date(2025, 8, 15))]
        );
        assert!(table.rows[1].is_empty());
        assert_eq!(table.rows[2].cells, [Cell::Empty, Cell::Number(7.0), Cell::Empty, Cell::Bool(true)]);
    }

    #[test]
    fn unknown_extension_is_a_format_error() {
        let err = read_table(Path::new("danh-muc.xls")).unwrap_err();
        assert!(matches!(err, Error::FileFormat(_)), "{err:?}");
        let err = write_table(Path::new("danh-muc.txt"), &sample()).unwrap_err();
        assert!(matches!(err, Error::FileFormat(_)), "{err:?}");
    }

    #[test]
    fn not_a_spreadsheet_is_unreadable_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("text.xlsx");
        std::fs::write(&text, "Đây không phải là bảng tính").unwrap();
        assert!(matches!(read_table(&text), Err(Error::FileUnreadable { .. })));
        let empty = dir.path().join("empty.xlsx");
        std::fs::write(&empty, "").unwrap();
        assert!(matches!(read_table(&empty), Err(Error::FileUnreadable { .. })));
        // A valid zip that is not a workbook.
        let zip = dir.path().join("zip.xlsx");
        let mut bytes = Vec::new();
        {
            let mut w = csv::Writer::from_writer(&mut bytes);
            w.write_record(["x"]).unwrap();
        }
        std::fs::write(&zip, minimal_zip("hello.txt", &bytes)).unwrap();
        assert!(matches!(read_table(&zip), Err(Error::FileUnreadable { .. })));
        let latin1 = dir.path().join("latin1.csv");
        std::fs::write(&latin1, b"M\xe3 TTHC\n").unwrap();
        assert!(matches!(read_table(&latin1), Err(Error::NotUtf8(_))));
        let missing = dir.path().join("missing.xlsx");
        assert!(matches!(read_table(&missing), Err(Error::Io { .. })));
    }

    /// A one-entry stored (uncompressed) zip archive.
    fn minimal_zip(name: &str, data: &[u8]) -> Vec<u8> {
        let crc = crc32(data);
        let mut out = Vec::new();
        let local = |out: &mut Vec<u8>| {
            out.extend_from_slice(&0x04034b50u32.to_le_bytes());
            out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            out.extend_from_slice(&crc.to_le_bytes());
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(name.as_bytes());
        };
        local(&mut out);
        out.extend_from_slice(data);
        let central_at = out.len() as u32;
        out.extend_from_slice(&0x02014b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0; 12]);
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        let central_len = out.len() as u32 - central_at;
        out.extend_from_slice(&0x06054b50u32.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
        out.extend_from_slice(&central_len.to_le_bytes());
        out.extend_from_slice(&central_at.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= b as u32;
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    #[test]
    fn xlsx_sheet_names_are_made_valid() {
        assert_eq!(sheet_name("Biểu 06"), "Biểu 06");
        assert_eq!(sheet_name("a/b"), "a-b");
        assert_eq!(sheet_name(&"x".repeat(40)).chars().count(), 31);
        assert_eq!(sheet_name(""), "Trang 1");
    }

    #[test]
    fn numbers_display_without_trailing_zero() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(0.5), "0.5");
        assert_eq!(format_number(-3.0), "-3");
        assert_eq!(Cell::Date(date(2025, 1, 2)).display(), "02/01/2025");
    }
}
