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
