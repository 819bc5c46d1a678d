//! Shared set-up for the integration tests: a fixed clock, a temporary register, small files.

use cchc::model::{ProcedureInput, SignAuthority, Signer, UnitKind, UnitProfile};
use cchc::{App, Assets, Clock};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// 23/11/2026 09:30 in Vietnam: a fixed "now" so that stamps and periods are reproducible.
pub fn clock() -> Clock {
    Clock::fixed_local(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), 9, 30)
}

pub fn profile() -> UnitProfile {
    UnitProfile {
        name: "Ủy ban nhân dân phường Trần Phú".into(),
        kind: UnitKind::Phuong,
        province: "Hải Phòng".into(),
        code: "31190".into(),
        superior_line: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG".into(),
        issuer_line: "ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ".into(),
        place_name: "Trần Phú".into(),
        signer: Signer {
            name: "Nguyễn Văn Hùng".into(), title: "Chủ tịch".into(), authority: SignAuthority::Tm
        },
        recipients: vec!["Sở Nội vụ thành phố Hải Phòng".into()],
        copies_to: vec!["Như trên;".into(), "Lưu: VT.".into()],
        user_name: "Nguyễn Thị Lan".into(),
    }
}

/// A fresh register in its own temporary folder (kept alive by the returned guard).
pub struct TestRegister {
    pub dir: tempfile::TempDir,
    pub app: App,
}

impl TestRegister {
    pub fn new() -> TestRegister {
        let dir = tempfile::tempdir().unwrap();
        let app = App::create(&dir.path().join("register.cchc"), profile(), Assets::bundled(), clock()).unwrap();
        TestRegister { dir, app }
    }

    /// Closes the app, keeping the folder: for tests that reopen or inspect the file.
    pub fn close(self) -> (tempfile::TempDir, PathBuf) {
        let path = self.path();
        drop(self.app);
        (self.dir, path)
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("register.cchc")
    }

    /// Writes a file into the register's folder and returns its path.
    pub fn file(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// A snapshot of what a user could notice changing: every procedure, every statistics row, the log length.
    pub fn state(&self) -> String {
        let procedures =
            self.app.procedures(&cchc::model::ProcedureQuery { include_retired: true, ..Default::default() }).unwrap();
        let stats: Vec<_> = [2024, 2025, 2026]
            .into_iter()
            .flat_map(|year| cchc::model::PeriodKind::ALL.map(|kind| cchc::model::PeriodKey::new(year, kind)))
            .flat_map(|key| self.app.stats(key).unwrap().rows)
            .collect();
        format!(
            "{}\n{}\nlog={}",
            serde_json::to_string(&procedures).unwrap(),
            serde_json::to_string(&stats).unwrap(),
            self.app.change_log(100_000).unwrap().len()
        )
    }
}

pub fn procedure(code: &str, name: &str, field: &str) -> ProcedureInput {
    ProcedureInput::new(code, name, field)
}

/// The real commune list shipped in shared/data, with its headers mapped to the template's, as a user would.
pub fn real_list_mapped(dir: &Path) -> PathBuf {
    let source = include_str!("../fixtures/commune-procedures-2026.csv");
    let mut lines = source.lines();
    let _header = lines.next().unwrap();
    let mapped = "Mã TTHC,Tên thủ tục hành chính,Lĩnh vực,Cấp thực hiện,Thời hạn giải quyết,\"Phí, lệ phí\",Mức độ DVC trực tuyến,Nguồn";
    let body: Vec<&str> = lines.collect();
    let path = dir.join("danh-muc-tthc.csv");
    std::fs::write(&path, format!("{mapped}\n{}\n", body.join("\n"))).unwrap();
    path
}

pub const PROCEDURE_HEADER: &str = r#"Mã TTHC,Tên thủ tục hành chính,Lĩnh vực,Thời hạn giải quyết,Đơn vị thời hạn,"Phí, lệ phí",Mức độ DVC trực tuyến"#;

pub const STATS_HEADER: &str = r#"Kỳ báo cáo,Lĩnh vực,Mã TTHC,Nhận - Tổng số,Nhận - Trực tuyến,"Nhận - Trực tiếp, bưu chính",Nhận - Kỳ trước chuyển sang,Đã giải quyết - Tổng số,Đã giải quyết - Trước hạn,Đã giải quyết - Đúng hạn,Đã giải quyết - Quá hạn,Đang giải quyết - Tổng số,Đang giải quyết - Trong hạn,Đang giải quyết - Quá hạn,Thư xin lỗi"#;

/// A worksheet read back with calamine (not the app's own reader): its name, the header row and the rows below it,
/// each cell as a person sees it (whole numbers without ".0").
pub struct SheetText {
    pub sheet: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The same rows with their cells' types as stored (numbers as numbers), to write back edited.
    pub cells: Vec<Vec<Cell>>,
}

/// Reads the first worksheet of an `.xlsx` file.
pub fn read_sheet(path: &Path) -> SheetText {
    read_sheet_at(path, 0)
}

/// Reads the worksheet at `index` (0 the first) of an `.xlsx` file.
pub fn read_sheet_at(path: &Path, index: usize) -> SheetText {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sheet = book.sheet_names()[index].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let text = |d: &Data| match d {
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Empty => String::new(),
        other => other.to_string(),
    };
    let typed = |d: &Data| match d {
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Empty => Cell::Empty,
        other => Cell::Text(other.to_string()),
    };
    let mut rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(text).collect()).collect();
    let cells: Vec<Vec<Cell>> = range.rows().skip(1).map(|r| r.iter().map(typed).collect()).collect();
    let headers = if rows.is_empty() { Vec::new() } else { rows.remove(0) };
    SheetText { sheet, headers, rows, cells }
}

/// A cell of a worksheet a test writes as a person would in Excel.
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// Writes an `.xlsx` file of one worksheet with rust_xlsxwriter: the header row, then the rows.
pub fn write_sheet(path: &Path, sheet: &str, headers: &[String], rows: &[Vec<Cell>]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match cell {
                Cell::Text(s) => ws.write_string(r, c, s).map(|_| ()).unwrap(),
                Cell::Number(n) => ws.write_number(r, c, *n).map(|_| ()).unwrap(),
                Cell::Empty => {}
            }
        }
    }
    book.save(path).unwrap();
}
