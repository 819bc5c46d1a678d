//! The fuzz targets' one harness: an `App` on a temporary copy of the demo ward made once per process, each fuzzed
//! file handed to the public surface as the window hands it (bytes with a name) or as a file in that temporary
//! folder, and what must hold afterwards: no panic, a refusal is an `Error` with one of the codes a hostile file may
//! meet, and a dry run or a check writes nothing.
//!
//! Everything is written under one temporary folder per process (`$TMPDIR/cchc-fuzz-<pid>`); folders left by
//! earlier processes that are gone are removed when the next starts.
//!
//! Adding a target for a new kind of file (say a work copy read by `App::open_work_copy(&Path)`):
//! 1. here, a function like [`package`]: `start()`, the bytes written with [`input_file`] (or handed as
//!    `Source::Bytes`), the `App` method called on [`app`], its result passed through [`refused_with`] with the codes
//!    such a file may be refused with, and what must hold after (a preview writes nothing: [`last_change`]);
//! 2. `fuzz_targets/work_copy.rs`: a `//!` line, `#![no_main]`, and
//!    `libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::work_copy(data));`;
//! 3. a `[[bin]]` of that name in `fuzz/Cargo.toml`;
//! 4. `seeds/work_copy/` with one or two small valid files the app writes itself;
//! 5. its name in the `fuzz/fuzz_targets/` row of ARCHITECTURE.md's codemap.
//!
//! `scripts/fuzz.sh` (and so `scripts/test.sh`) then runs it with the others: it lists the targets itself.

use cchc::api::{SheetKind, Source, no_progress};
use cchc::{App, Assets, Clock, Error, ErrorCode};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

/// The sheets read from .xlsx or .csv: the five register tables, the superior's expected units, a criteria set.
#[derive(Debug, Clone, Copy)]
pub enum Sheet {
    Procedures,
    Stats,
    Quotas,
    People,
    Tasks,
    Units,
    Criteria,
}

/// A sheet import's dry run (`App::import_*`, or `import_criteria` — which also reads `.json`), on `data` named
/// `file.<ext>`, the way the window sends a picked file. A hostile file is refused as unreadable or not UTF-8; any
/// other file is read, checked row by row, and (when it has no error) tried against the register in a transaction
/// that is rolled back.
pub fn sheet(kind: Sheet, ext: &str, data: &[u8]) {
    start();
    let name = format!("file.{ext}");
    let source = Source::Bytes { name: &name, bytes: data };
    let mut app = app();
    let before = last_change(&app);
    let result = match kind {
        Sheet::Procedures => app.import_procedures(source, true, &no_progress),
        Sheet::Stats => app.import_stats(source, true, &no_progress),
        Sheet::Quotas => app.import_quotas(source, true, &no_progress),
        Sheet::People => app.import_people(source, true, &no_progress),
        Sheet::Tasks => app.import_tasks(source, true, &no_progress),
        Sheet::Units => app.import_expected_units(source, true, &no_progress),
        Sheet::Criteria => {
            let import = refused_with(app.import_criteria(source, true), &[ErrorCode::FileUnreadable, ErrorCode::NotUtf8]);
            if let Some(import) = import {
                assert!(import.dry_run && !import.stored, "a dry run stored a criteria set");
                let errors = import.findings.iter().any(|f| f.is_error());
                assert!(errors || import.summary.is_some(), "a set with no error but nothing read");
            }
            assert_eq!(before, last_change(&app), "the criteria dry run wrote to the register");
            return;
        }
    };
    if let Some(report) = refused_with(result, &[ErrorCode::FileUnreadable, ErrorCode::NotUtf8]) {
        assert!(report.dry_run);
        let counts = report.counts.added + report.counts.updated + report.counts.unchanged;
        if report.has_errors() {
            assert_eq!(counts, 0, "rows counted although the file has errors: {report:?}");
        } else {
            assert_eq!(counts, report.rows, "every row is added, updated or unchanged: {report:?}");
        }
    }
    assert_eq!(before, last_change(&app), "the {kind:?} dry run wrote to the register");
}

/// A report file (`.cchcbc`) as the superior receives it: `import_packages` in a dry run (read, every defence,
/// classified against what was received), and `inspect_package` when the file is accepted, which must agree.
pub fn package(data: &[u8]) {
    start();
    let mut app = app();
    let file = input_file("unit.cchcbc", data);
    let before = (last_change(&app), archived(&app));
    let report = app.import_packages(std::slice::from_ref(&file), true, &no_progress);
    let report = report.unwrap_or_else(|e| panic!("a report file's dry run failed instead of refusing the file: {e:?}"));
    assert_eq!((report.files.len(), report.written), (1, 0), "{report:?}");
    let outcome = &report.files[0];
    let inspected = app.inspect_package(&file);
    if outcome.class == cchc::api::FileClass::Refused {
        assert!(!outcome.findings.is_empty(), "refused without a reason");
    } else {
        inspected.unwrap_or_else(|e| panic!("the import accepted a file that inspecting refuses: {e:?}"));
    }
    assert_eq!(before, (last_change(&app), archived(&app)), "the report file's dry run wrote or archived");
}

/// A copy of a register (a backup on a USB stick, or any file chosen to restore from): `App::check_file`, then
/// the restore preview, which must agree. A file that is not one of ours, damaged or too new is refused as such.
pub fn backup(data: &[u8]) {
    start();
    let file = input_file("copy.cchcsl", data);
    const REFUSALS: &[ErrorCode] = &[ErrorCode::NotARegister, ErrorCode::RegisterDamaged, ErrorCode::SchemaTooNew];
    let facts = refused_with(App::check_file(&file), REFUSALS);
    let app = app();
    let preview = refused_with(app.restore_preview(&file), REFUSALS);
    assert_eq!(facts.is_some(), preview.is_some(), "check_file and the restore preview disagree");
    if let (Some(facts), Some(preview)) = (facts, preview) {
        assert_eq!(facts, preview.copy);
    }
}

/// A changes file (`.cchctd`) as the office receives it from a work copy: the merge's dry run, which writes nothing.
/// A file that is damaged, unsafe, of another register or out of order is refused as such.
pub fn changes(data: &[u8]) {
    start();
    let app = app();
    let file = input_file("thay-doi.cchctd", data);
    let before = last_change(&app);
    refused_with(app.merge_preview(&file), &[ErrorCode::FileRefused]);
    assert_eq!(before, last_change(&app), "a merge's dry run wrote to the register");
}

/// The content of a changes file (`changes.json`) in an envelope this register accepts: the bytes are put into a
/// changes file of a real work copy of the register, its manifest's hash and size made to match (as a person who
/// edits the file by hand would), so that the merge's planning reads them: every change is looked up by its table
/// and key and weighed against the office's record. The dry run writes nothing, and every refusal is coded.
pub fn changes_json(data: &[u8]) {
    start();
    let envelope = changes_envelope(data);
    let app = app();
    let file = input_file("thay-doi-noi-dung.cchctd", &envelope);
    let before = last_change(&app);
    if let Some(preview) = refused_with(app.merge_preview(&file), &[ErrorCode::FileRefused]) {
        assert!(!preview.already_merged, "a file never merged is reported merged");
        for conflict in &preview.conflicts {
            assert!(conflict.office != conflict.copy, "a conflict with the same value on both sides: {conflict:?}");
        }
    }
    assert_eq!(before, last_change(&app), "a merge's dry run wrote to the register");
}

/// A work copy (`.cchclv`) opened on another computer: its register written as a new register and opened. A refused
/// file leaves no register behind.
pub fn work_copy(data: &[u8]) {
    start();
    let file = input_file("ban-lam-viec.cchclv", data);
    let home = work_dir().join("home");
    let _ = std::fs::remove_dir_all(&home);
    let target = home.join("register.cchc");
    const REFUSALS: &[ErrorCode] =
        &[ErrorCode::FileRefused, ErrorCode::NotARegister, ErrorCode::RegisterDamaged, ErrorCode::SchemaTooNew];
    match refused_with(App::open_work_copy(&file, &target, Assets::bundled(), clock()), REFUSALS) {
        Some(opened) => assert!(opened.work_copy().expect("the work copy's row").is_some(), "opened, not a work copy"),
        None => assert!(!target.exists(), "a refused work copy left a register behind"),
    }
}

/// A changes file of a real work copy of this process's register (one person added in it), made once: the
/// envelope `changes_json` puts its input into.
fn changes_template() -> &'static [u8] {
    static TEMPLATE: OnceLock<Vec<u8>> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = work_dir().join("template");
        let copy = dir.join("ban-lam-viec.cchclv");
        app().take_work_copy(&copy, "Người thử", Some(&[]), &no_progress).expect("a work copy");
        let mut home = App::open_work_copy(&copy, &dir.join("home.cchc"), Assets::bundled(), clock()).expect("opened");
        let person = cchc::model::PersonInput {
            name: "Người thử".into(),
            category: "cong_chuc".into(),
            ..Default::default()
        };
        home.add_person(person).expect("a person");
        let file = dir.join("thay-doi.cchctd");
        home.send_changes(&file).expect("a changes file");
        std::fs::read(file).expect("the changes file")
    })
}

/// The template with `changes.json` replaced by `data`, and the manifest's record of it made to match.
fn changes_envelope(data: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(changes_template())).expect("the template");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let sha: String = sha2::Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("an entry");
        let name = entry.name().expect("a name").to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("the entry");
        let content = match name.as_str() {
            "changes.json" => data.to_vec(),
            "manifest.json" => {
                let mut manifest: serde_json::Value = serde_json::from_slice(&content).expect("the manifest");
                for record in manifest["entries"].as_array_mut().expect("entries") {
                    if record["path"] == "changes.json" {
                        record["sha256"] = sha.clone().into();
                        record["size"] = data.len().into();
                    }
                }
                serde_json::to_vec(&manifest).expect("the manifest")
            }
            _ => content,
        };
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).expect("an entry");
        out.write_all(&content).expect("the entry");
    }
    out.finish().expect("the envelope").into_inner()
}

/// The fixed clock every target's registers use (23/11/2026 09:30 in Vietnam).
fn clock() -> Clock {
    Clock::fixed_local(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date"), 9, 30)
}

/// Called first by every target. libfuzzer-sys's panic hook aborts on every panic, even one the core catches on
/// purpose: `sheet.rs` reads a workbook under `catch_unwind`, so that a bug in calamine refuses the file
/// (`FILE_UNREADABLE`) instead of taking the app down. This hook only prints the panic's first line; a panic that
/// reaches the target still fails the input, since libfuzzer-sys aborts when its own `catch_unwind` sees one.
pub fn start() {
    static STARTED: OnceLock<()> = OnceLock::new();
    STARTED.get_or_init(|| {
        std::panic::set_hook(Box::new(|info| {
            let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            eprintln!("panicked at {place}: {message}");
        }));
    });
}

/// `Ok`'s value, or `None` for a refusal with one of `allowed`'s codes; any other error is a failure of the
/// program (a bug), not of the file.
pub fn refused_with<T>(result: cchc::Result<T>, allowed: &[ErrorCode]) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(e) if allowed.contains(&e.code()) => {
            check_error(&e);
            None
        }
        Err(e) => panic!("refused with {:?}, not one of {allowed:?}: {e:?}", e.code()),
    }
}

/// Writes `data` as `name` in the process's temporary folder (replacing the previous input) and returns its path.
pub fn input_file(name: &str, data: &[u8]) -> PathBuf {
    let dir = work_dir().join("input");
    std::fs::create_dir_all(&dir).expect("the temporary folder");
    let path = dir.join(name);
    std::fs::write(&path, data).expect("the input file");
    path
}

/// The one `App` of this process, on a copy of the demo ward (procedures with statistics, staffing, plans: a valid
/// row reaches the register's own checks), in the temporary folder.
pub fn app() -> MutexGuard<'static, App> {
    static APP: OnceLock<Mutex<App>> = OnceLock::new();
    let app = APP.get_or_init(|| {
        let dir = work_dir().join("register");
        std::fs::create_dir_all(&dir).expect("the register's folder");
        let (app, _) = App::create_demo(&dir, Assets::bundled(), clock(), &no_progress).expect("the demo register");
        Mutex::new(app)
    });
    // A panic caught by libFuzzer ends the process; a poisoned lock is never seen again.
    app.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The process's temporary folder, `$TMPDIR/cchc-fuzz-<pid>`; made on first use, after removing the folders of
/// earlier processes that have ended (libFuzzer ends a process without running destructors).
pub fn work_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let temp = std::env::temp_dir();
        if let Ok(entries) = std::fs::read_dir(&temp) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().to_string();
                let Some(pid) = name.strip_prefix("cchc-fuzz-").and_then(|p| p.parse::<u32>().ok()) else { continue };
                if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
        let dir = temp.join(format!("cchc-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the temporary folder");
        dir
    })
}

/// What a refusal must carry: `Invalid`, `PackageRefused` and `FileRefused` at least one finding.
fn check_error(e: &Error) {
    if matches!(e.code(), ErrorCode::Invalid | ErrorCode::PackageRefused | ErrorCode::FileRefused) {
        assert!(!e.findings().is_empty(), "{e:?} without a finding");
    }
    // The developers' message must render (it names the file and the reason).
    let _ = e.to_string();
}

/// The newest change-log entry's id: a dry run or a check leaves it as it was.
pub fn last_change(app: &App) -> Option<i64> {
    app.change_log(1).expect("the change log").first().map(|e| e.id)
}

/// How many files the archive of report files holds: a dry run archives nothing.
fn archived(app: &App) -> usize {
    std::fs::read_dir(app.archive_dir()).map_or(0, |entries| entries.count())
}

#[allow(dead_code)]
fn _sheet_kinds_are_covered(kind: SheetKind) -> Sheet {
    // Every sheet the window imports has its targets: a new `SheetKind` fails to compile here until it has one.
    match kind {
        SheetKind::Procedures => Sheet::Procedures,
        SheetKind::Stats => Sheet::Stats,
        SheetKind::Quotas => Sheet::Quotas,
        SheetKind::People => Sheet::People,
        SheetKind::Tasks => Sheet::Tasks,
    }
}
