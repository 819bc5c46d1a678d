//! What a commune official on Windows meets: the window and `cchc.exe` on one register in one data folder, a register
//! busy with another process's write, backup folders a FAT32 or exFAT stick accepts, CSV files Excel on a
//! Vietnamese Windows opens and saves.

use crate::cli::{cchc, init, stderr, stdout};
use crate::fixtures::{TestRegister, profile};
use cchc::api::data_folder;
use cchc::api::no_progress;
use cchc::model::ProcedureQuery;
use cchc::{App, Assets, ErrorCode};
use std::path::Path;
use std::process::Command;

/// The window keeps its register in Tauri's `app_data_dir()`, which is the OS data folder joined with the app's
/// identifier: the same folder `cchc` uses only if the identifier in tauri.conf.json is the core's.
#[test]
fn the_window_and_cchc_share_one_data_folder() {
    let conf =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../src-tauri/tauri.conf.json")).unwrap();
    let conf: serde_json::Value = serde_json::from_str(&conf).unwrap();
    assert_eq!(conf["identifier"], data_folder::APP_IDENTIFIER);

    // `CCHC_DATA_DIR` moves both (the end-to-end tests use it): `cchc` without `--register` writes there.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("Tài liệu của Lan");
    let out = cchc_in_data_folder(&[("CCHC_DATA_DIR", data.as_os_str())]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(data_folder::live_register(&data).is_file());
}

/// On Linux the OS data folder is `$XDG_DATA_HOME`: `cchc` makes the register where the window looks for it
/// (`~/.local/share/vn.cchc.desktop/register.cchc`; `%APPDATA%\vn.cchc.desktop\register.cchc` on Windows, where the
/// folder comes from `SHGetKnownFolderPath` and cannot be moved by an environment variable for a test).
#[cfg(unix)]
#[test]
fn without_register_cchc_opens_the_windows_register() {
    let dir = tempfile::tempdir().unwrap();
    let share = dir.path().join("share");
    let out = cchc_in_data_folder(&[("XDG_DATA_HOME", share.as_os_str()), ("HOME", dir.path().as_os_str())]);
    assert!(out.status.success(), "{}", stderr(&out));
    let window_register = share.join("vn.cchc.desktop").join("register.cchc");
    assert!(window_register.is_file(), "{:?}", std::fs::read_dir(&share).map(|d| d.count()));
    assert!(App::open(&window_register, Assets::bundled(), crate::fixtures::clock()).is_ok());
}

/// `cchc init` without `--register`, with `CCHC_DATA_DIR` removed unless given.
fn cchc_in_data_folder(env: &[(&str, &std::ffi::OsStr)]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cchc"));
    command.env_remove(data_folder::DATA_DIR_VAR).env("CCHC_NOW", "2026-11-23T09:30");
    for (name, value) in env {
        command.env(name, value);
    }
    command
        .args(["init", "--name", "Ủy ban nhân dân phường Trần Phú", "--kind", "phường", "--province", "Hải Phòng"])
        .args(["--issuer-line", "ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ", "--place-name", "Trần Phú"])
        .args(["--user", "Nguyễn Thị Lan"])
        .output()
        .unwrap()
}

/// While the window writes (an import, inside its transaction) `cchc` still reads, and a `cchc` write waits, then
/// is refused with a sentence saying the register is busy; the register is whole afterwards and takes the write.
#[test]
fn a_second_writer_is_told_the_register_is_busy_and_nothing_is_corrupted() {
    let mut t = TestRegister::new();
    let register = t.path();
    let file = t.file(
        "thu-tuc.csv",
        "\u{feff}Mã TTHC;Tên thủ tục hành chính;Lĩnh vực\r\n1.001193;Thủ tục đăng ký khai sinh;Hộ tịch\r\n\
         1.000894;Thủ tục đăng ký kết hôn;Hộ tịch\r\n",
    );
    let add = ["procedures", "add", "--code", "2.000815", "--name", "Cấp bản sao từ sổ gốc", "--field", "Chứng thực"];
    let during = std::cell::RefCell::new(None);
    let progress = |done: usize, _total: usize| {
        if done == 1 && during.borrow().is_none() {
            // The import's transaction holds the write lock now, as a long import in the window would.
            let list = cchc(&register, &["--json", "procedures", "list"]);
            let started = std::time::Instant::now();
            let write = cchc(&register, &add);
            *during.borrow_mut() = Some((list, write, started.elapsed()));
        }
    };
    let report = t.app.import_procedures(file.as_path(), false, &progress).unwrap();
    assert_eq!(report.counts.added, 2);
    let (list, write, waited) = during.into_inner().expect("the import reported progress");

    assert!(list.status.success(), "reading is not blocked by a write: {}", stderr(&list));
    assert_eq!(stdout(&list).trim(), "[]", "a write not yet committed is not seen");
    assert_eq!(write.status.code(), Some(1), "{}", stderr(&write));
    assert!(stderr(&write).contains("Sổ dữ liệu đang bận"), "{}", stderr(&write));
    assert!(waited.as_secs_f64() >= 4.0, "the second writer waited for the first before giving up: {waited:?}");

    let out = cchc(&register, &add);
    assert!(out.status.success(), "once the window's write is done, cchc's goes through: {}", stderr(&out));
    drop(t.app);
    let app = App::open(&register, Assets::bundled(), crate::fixtures::clock()).unwrap();
    let codes: Vec<String> =
        app.procedures(&ProcedureQuery::default()).unwrap().into_iter().map(|p| p.input.code).collect();
    assert_eq!(codes.len(), 3, "{codes:?}");
    assert_eq!(app.journal_mode().unwrap(), "wal");
}

/// The same refusal in the window's words, through `App`, when another process holds the write lock.
#[test]
fn the_window_is_told_in_vietnamese_when_cchc_holds_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let mut app = App::open(&register, Assets::bundled(), crate::fixtures::clock()).unwrap();
    let other = rusqlite::Connection::open(&register).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let err = app.set_unit(profile()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::RegisterBusy, "{err}");
    let words = cchc::vocabulary::error_words(ErrorCode::RegisterBusy);
    assert!(words.window.starts_with("Sổ dữ liệu đang bận") && words.window.contains("chưa được ghi"));
    other.execute_batch("ROLLBACK").unwrap();
    app.set_unit(profile()).unwrap();
}

/// A unit whose name holds every character FAT32 and exFAT refuse, and a long official name, back up to a stick.
#[test]
fn backup_to_a_usb_stick_with_a_hostile_unit_name_makes_a_legal_folder() {
    let mut t = TestRegister::new();
    let mut unit = profile();
    unit.name = "UBND xã \"Tân Lập\": thôn 1/2 <cũ> | mới? * ".to_string()
        + &"Ủy ban nhân dân phường Nguyễn Trãi thành phố Hà Đông ".repeat(4)
        + ".";
    t.app.set_unit(unit).unwrap();
    let stick = tempfile::tempdir().unwrap();
    let info = t.app.backup_to(stick.path()).unwrap();
    let folder = info.path.parent().unwrap().file_name().unwrap().to_str().unwrap().to_string();
    assert!(folder.starts_with("Sao lưu UBND xã Tân Lập thôn 1 2 cũ mới Ủy ban"), "{folder}");
    assert!(folder.ends_with(" 2026-11-23 0930"), "{folder}");
    assert!(!folder.chars().any(|c| "<>:\"/\\|?*".contains(c)), "{folder}");
    assert!(folder.encode_utf16().count() <= 120, "{} UTF-16 units: {folder}", folder.encode_utf16().count());
    let path_len = info.path.strip_prefix(stick.path()).unwrap().to_string_lossy().encode_utf16().count();
    assert!(path_len + r"E:\".len() < 200, "the copy's path on the stick stays below Windows' 260: {path_len}");
}

/// An export opens in Excel on a Vietnamese Windows as columns (`;`, BOM, decimal comma), and imports back as is.
#[test]
fn csv_exports_are_what_excel_on_a_vietnamese_windows_reads() {
    let mut t = TestRegister::new();
    let file = t.file(
        "thu-tuc.csv",
        "Mã TTHC,Tên thủ tục hành chính,Lĩnh vực,Thời hạn giải quyết,Đơn vị thời hạn\n\
         1.001193,\"Đăng ký khai sinh; trích lục\",Hộ tịch,0.5,ngày làm việc\n",
    );
    t.app.import_procedures(file.as_path(), false, &no_progress).unwrap();
    let export = t.dir.path().join("xuat.csv");
    t.app.export_procedures(&export).unwrap();
    let bytes = std::fs::read(&export).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM, or Excel reads the Windows code page");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("Mã TTHC;Tên thủ tục hành chính;"), "{text}");
    assert!(text.contains("1.001193;\"Đăng ký khai sinh; trích lục\";Hộ tịch;0,5;"), "{text}");

    let mut other = TestRegister::new();
    other.app.import_procedures(export.as_path(), false, &no_progress).unwrap();
    let all = |app: &App| serde_json::to_string(&app.procedures(&ProcedureQuery::default()).unwrap()).unwrap();
    assert_eq!(all(&other.app), all(&t.app));
}

/// What Excel on a Vietnamese Windows saves ("CSV UTF-8": BOM, `;`, CRLF, decimal commas, a header with a comma
/// left unquoted) imports; its plain "CSV" (the Windows code page) is refused with how to save it, nothing written.
#[test]
fn csv_saved_by_a_vietnamese_excel_imports_and_an_ansi_one_is_refused_with_how_to_save_it() {
    let mut t = TestRegister::new();
    let saved = t.file(
        "excel.csv",
        "\u{feff}Mã TTHC;Tên thủ tục hành chính;Lĩnh vực;Thời hạn giải quyết;Đơn vị thời hạn;Phí, lệ phí\r\n\
         1.001193;Đăng ký khai sinh;Hộ tịch;1,5;ngày làm việc;Miễn phí\r\n\
         2.000815;\"Cấp bản sao; chứng thực\";Chứng thực;2;ngày làm việc;2.000 đồng/trang\r\n",
    );
    let report = t.app.import_procedures(saved.as_path(), false, &no_progress).unwrap();
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    let birth = t.app.procedure("1.001193").unwrap();
    assert_eq!(birth.input.processing_time.unwrap().amount, 1.5);
    assert_eq!(birth.input.fee, "Miễn phí");
    assert_eq!(t.app.procedure("2.000815").unwrap().input.name, "Cấp bản sao; chứng thực");

    let before = t.state();
    // "Mã TTHC;Tên" in Windows-1258, as Excel's plain "CSV (Comma delimited)" writes it on a Vietnamese Windows.
    let ansi = t.dir.path().join("ansi.csv");
    std::fs::write(&ansi, b"M\xe3 TTHC;T\xean th\xf2 t\xf2c\r\n1.000894;\xd0\xe3ng k\xfd\r\n").unwrap();
    let err = t.app.import_procedures(ansi.as_path(), false, &no_progress).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotUtf8);
    assert_eq!(t.state(), before, "nothing written");
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let out = cchc(&register, &["procedures", "import", ansi.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("CSV UTF-8 (Comma delimited)"), "{}", stderr(&out));
}
