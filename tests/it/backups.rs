//! Backups: every copy verified and recorded, rotation over simulated months, restore and its undo, a damaged
//! register detected and recovered from the newest good copy, the USB copy, and copies that must be refused.

use crate::fixtures::{TestRegister, clock, procedure, profile};
use cchc::api::BackupReason;
use cchc::model::{PersonInput, ProcedureQuery};
use cchc::{App, Assets, Clock, ErrorCode};
use chrono::{Duration, NaiveDate};
use std::path::Path;

fn all_procedures(app: &App) -> Vec<String> {
    app.procedures(&ProcedureQuery { include_retired: true, ..Default::default() })
        .unwrap()
        .into_iter()
        .map(|p| format!("{} {} {}", p.input.code, p.input.name, p.input.fee))
        .collect()
}

/// What a user could see of the data (the change log aside, which a restore notes).
fn data(app: &App) -> String {
    format!("{:?}\n{:?}", all_procedures(app), app.people().unwrap().iter().map(|p| &p.input).collect::<Vec<_>>())
}

fn person(name: &str) -> PersonInput {
    PersonInput { name: name.into(), category: "cong_chuc".into(), ..PersonInput::default() }
}

#[test]
fn a_backup_is_verified_recorded_and_listed() {
    let mut t = TestRegister::new();
    t.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    t.app.add_person(person("Trần Thị Mai")).unwrap();
    let info = t.app.backup_now(BackupReason::Manual).unwrap();

    assert!(info.path.starts_with(t.dir.path().join("backups")), "{:?}", info.path);
    assert!(info.file.ends_with("-manual.cchcsl"), "a backup copy has its own extension: {}", info.file);
    assert_eq!(info.facts.counts["procedure"], 1);
    assert_eq!(info.facts.counts["person"], 1);
    assert_eq!(info.unit, profile().name);
    assert_eq!(info.size, std::fs::metadata(&info.path).unwrap().len());
    assert!(info.path.with_extension("json").exists(), "the record sits beside the copy");
    assert_eq!(App::verify_backup(&info.path).unwrap(), info);
    assert_eq!(t.app.backups().unwrap(), std::slice::from_ref(&info));
    // The copy is a register in its own right.
    let copy = App::open(&info.path, Assets::bundled(), clock()).unwrap();
    assert_eq!(data(&copy), data(&t.app));
}

#[test]
fn a_copy_is_made_again_only_when_something_changed() {
    let mut t = TestRegister::new();
    assert!(t.app.backup_if_changed(BackupReason::Auto).unwrap().is_some(), "the first copy");
    assert!(t.app.backup_if_changed(BackupReason::Auto).unwrap().is_none(), "nothing changed since");
    t.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    let copy = t.app.backup_if_changed(BackupReason::Exit).unwrap().expect("an edit since the last copy");
    assert_eq!(copy.reason, BackupReason::Exit);
    assert_eq!(t.app.backups().unwrap().len(), 2);
}

#[test]
fn a_copy_whose_bytes_changed_fails_verification() {
    let t = TestRegister::new();
    let info = t.app.backup_now(BackupReason::Manual).unwrap();
    let mut bytes = std::fs::read(&info.path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&info.path, bytes).unwrap();
    let err = App::verify_backup(&info.path).unwrap_err();
    assert_eq!(err.code(), ErrorCode::BackupInvalid);
    assert!(err.to_string().contains("checksum"), "{err}");
    assert!(App::recovery_candidates(&t.path()).is_empty(), "a changed copy is never offered");
}

#[test]
fn an_import_is_preceded_by_a_copy_of_the_register_as_it_was() {
    let mut t = TestRegister::new();
    let file = t.file(
        "danh-muc.csv",
        &format!(
            "{}\n1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,1,ngày làm việc,,Toàn trình\n",
            crate::fixtures::PROCEDURE_HEADER
        ),
    );
    t.app.import_procedures(file.as_path(), true, &|_, _| {}).unwrap();
    assert!(t.app.backups().unwrap().is_empty(), "a dry run writes nothing, not even a copy");
    t.app.import_procedures(file.as_path(), false, &|_, _| {}).unwrap();
    let copies = t.app.backups().unwrap();
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].reason, BackupReason::Import);
    assert_eq!(copies[0].facts.counts["procedure"], 0, "the copy holds the register before the import");
}

#[test]
fn rotation_over_simulated_months_keeps_three_today_one_a_day_and_one_a_month() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.cchc");
    let start = NaiveDate::from_ymd_opt(2026, 9, 25).unwrap();
    drop(App::create(&path, profile(), Assets::bundled(), Clock::fixed_local(start, 7, 0)).unwrap());
    let days = 60; // 25/9 → 23/11/2026: two copies a day, four on the last day
    for day in 0..days {
        let date = start + Duration::days(day);
        let hours: &[u32] = if day == days - 1 { &[8, 11, 14, 17] } else { &[9, 17] };
        for (n, &hour) in hours.iter().enumerate() {
            let mut app = App::open(&path, Assets::bundled(), Clock::fixed_local(date, hour, 0)).unwrap();
            app.add_person(person(&format!("Người {day}-{n}"))).unwrap();
            app.backup_if_changed(BackupReason::Auto).unwrap().expect("something changed");
        }
    }
    let app = App::open(&path, Assets::bundled(), Clock::fixed_local(start + Duration::days(days - 1), 18, 0)).unwrap();
    let copies = app.backups().unwrap();
    let dates: Vec<String> = copies.iter().map(|c| c.created.format("%d/%m %H").to_string()).collect();
    // Today (23/11): 17, 14, 11 h; 22/11 … 10/11: one each (the 17 h copy); then one per earlier month: 09/11 is
    // November's (already kept), so October and September keep their last copy.
    let mut expected = vec!["23/11 17".to_string(), "23/11 14".into(), "23/11 11".into()];
    expected.extend((10..=22).rev().map(|d| format!("{d:02}/11 17")));
    expected.extend(["31/10 17".to_string(), "30/09 17".into()]);
    assert_eq!(dates, expected);
    for copy in &copies {
        App::verify_backup(&copy.path).unwrap();
    }
    let files = std::fs::read_dir(app.backup_dir()).unwrap().count();
    assert_eq!(files, copies.len() * 2, "deleted copies leave neither file nor record behind");
}

#[test]
fn restore_then_undo_gives_back_the_exact_rows() {
    let mut t = TestRegister::new();
    t.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    t.app.add_person(person("Trần Thị Mai")).unwrap();
    let before = data(&t.app);
    let copy = t.app.backup_now(BackupReason::Manual).unwrap();

    let mut edited = procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch");
    edited.fee = "Miễn phí".into();
    t.app.edit_procedure("1.001193", edited).unwrap();
    t.app.add_procedure(procedure("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch")).unwrap();
    t.app.add_person(person("Lê Văn Nam")).unwrap();
    let after = data(&t.app);

    let preview = t.app.restore_preview(&copy.path).unwrap();
    let changed: Vec<(&str, i64, i64)> = preview
        .differences
        .iter()
        .map(|d| (d.table.as_str(), d.current, d.copy))
        .filter(|d| d.0 != "change_log")
        .collect();
    assert_eq!(changed, [("person", 2, 1), ("procedure", 2, 1)]);
    assert_eq!(preview.record.as_ref().unwrap().created, copy.created);

    let report = t.app.restore(&copy.path).unwrap();
    assert_eq!(data(&t.app), before, "the copy's rows are back");
    assert_eq!(report.undo.reason, BackupReason::Restore);
    let log = t.app.change_log(1).unwrap();
    assert_eq!((log[0].entity.as_str(), log[0].entity_id.as_str()), ("register", copy.file.as_str()));
    assert_eq!(log[0].after.as_ref().unwrap()["restored_from"], copy.file.as_str());

    t.app.restore(&report.undo.path).unwrap();
    assert_eq!(data(&t.app), after, "undoing the restore gives back every row as it was");
}

#[test]
fn a_copy_made_by_a_newer_program_is_refused_with_the_version_it_needs() {
    let mut t = TestRegister::new();
    t.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    let copy = t.app.backup_now(BackupReason::Manual).unwrap();
    // A copy from a future program: its schema is ahead, and its record names that program.
    rusqlite::Connection::open(&copy.path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let record = copy.path.with_extension("json");
    let text = std::fs::read_to_string(&record)
        .unwrap()
        .replace("\"program_version\": \"0.1.0\"", "\"program_version\": \"3.2.0\"");
    std::fs::write(&record, text).unwrap();
    let before = data(&t.app);

    let err = t.app.restore(&copy.path).unwrap_err();
    assert_eq!(err.code(), ErrorCode::SchemaTooNew);
    assert!(err.to_string().contains("3.2.0"), "{err}");
    assert_eq!(data(&t.app), before);
    assert_eq!(t.app.backups().unwrap().len(), 1, "a refused restore makes no undo copy either");
}

#[test]
fn restoring_a_damaged_copy_changes_nothing() {
    let mut t = TestRegister::new();
    t.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    let bad = t.file("khong-phai-so.cchc", "đây không phải sổ dữ liệu");
    let before = data(&t.app);
    assert_eq!(t.app.restore(&bad).unwrap_err().code(), ErrorCode::NotARegister);
    assert_eq!(data(&t.app), before);
}

/// Overwrites a few whole pages in the middle of a file, as a failing disk would.
fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let start = 4096 * 2;
    assert!(bytes.len() > start + 3 * 4096, "the register spans enough pages: {}", bytes.len());
    for b in &mut bytes[start..start + 3 * 4096] {
        *b = 0x55;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_register_is_refused_untouched_and_the_newest_good_copy_restores_it() {
    let mut t = TestRegister::new();
    for i in 0..40 {
        t.app
            .add_procedure(procedure(&format!("1.{:06}", 100_000 + i), "Thủ tục đăng ký khai sinh", "Hộ tịch"))
            .unwrap();
    }
    let older = t.app.backup_now(BackupReason::Auto).unwrap();
    t.app.add_person(person("Trần Thị Mai")).unwrap();
    let newest = t.app.backup_now(BackupReason::Exit).unwrap();
    let expected = data(&t.app);
    let (dir, path) = t.close();
    damage(&path);
    let damaged = std::fs::read(&path).unwrap();

    let err = App::open(&path, Assets::bundled(), clock()).err().expect("a damaged register is refused");
    assert_eq!(err.code(), ErrorCode::RegisterDamaged);
    assert_eq!(std::fs::read(&path).unwrap(), damaged, "the refused file is not modified");

    let offers = App::recovery_candidates(&path);
    assert_eq!(offers.iter().map(|o| o.file.clone()).collect::<Vec<_>>(), [newest.file.clone(), older.file.clone()]);
    let app = App::recover(&path, &offers[0].path, Assets::bundled(), clock()).unwrap();
    assert_eq!(data(&app), expected);
    let aside: Vec<_> = std::fs::read_dir(dir.path().join("damaged"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "cchc"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(std::fs::read(&aside[0]).unwrap(), damaged, "the damaged file is kept aside untouched");
}

#[test]
fn the_usb_copy_holds_the_register_and_its_evidence_and_opens_in_a_fresh_program() {
    let mut t = TestRegister::new();
    t.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    let evidence = t.dir.path().join("evidence");
    std::fs::create_dir_all(&evidence).unwrap();
    std::fs::write(evidence.join("ab12"), "bản scan quyết định").unwrap();
    let usb = tempfile::tempdir().unwrap();

    let info = t.app.backup_to(usb.path()).unwrap();
    let folder = info.path.parent().unwrap();
    assert_eq!(
        folder.file_name().unwrap().to_str().unwrap(),
        "Sao lưu Ủy ban nhân dân phường Trần Phú 2026-11-23 0930"
    );
    assert_eq!(std::fs::read_to_string(folder.join("evidence/ab12")).unwrap(), "bản scan quyết định");
    App::verify_backup(&info.path).unwrap();
    let fresh = App::open(&info.path, Assets::bundled(), clock()).unwrap();
    assert_eq!(data(&fresh), data(&t.app));
    // A second copy the same minute goes into its own folder.
    let again = t.app.backup_to(usb.path()).unwrap();
    assert_ne!(again.path.parent(), info.path.parent());
}

#[test]
fn an_older_register_is_copied_with_a_record_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.cchc");
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "application_id", 0x4343_4843).unwrap();
    let app = App::open(&path, Assets::bundled(), clock()).unwrap();
    let copies = app.backups().unwrap();
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].reason, BackupReason::Migration);
    assert_eq!(copies[0].facts.schema_version, 0);
    assert_eq!(Some(copies[0].path.as_path()), app.migration_backup());
}

/// Stale partial files elsewhere: interrupted writes of evidence, the archive and a saved report stayed forever, and
/// the USB copy copied a stale `.partial` of the evidence folder as if it were a document.
#[test]
fn every_folder_written_through_a_partial_file_loses_its_stale_partials_at_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = App::create_demo(dir.path(), Assets::bundled(), clock(), &cchc::api::no_progress).unwrap();
    let stale = |folder: &Path, name: &str| {
        std::fs::create_dir_all(folder).unwrap();
        std::fs::write(folder.join(name), "nửa tệp").unwrap();
        folder.join(name)
    };
    let evidence = dir.path().join("evidence");
    let archive = app.archive_dir();
    let desktop = dir.path().join("Desktop");
    let left = [
        stale(&evidence, &format!("{}.pdf.partial", "ab".repeat(32))),
        stale(&archive, &format!("{}.cchc.partial", "cd".repeat(32))),
        stale(&archive, "0a1b2c.partial-journal"),
        // A report saved before, cut short: its partial and lock file, the lock no longer held.
        stale(&desktop, "bao-cao.pdf.partial"),
        stale(&desktop, "bao-cao.pdf.partial.lock"),
    ];
    // Another program's file that merely ends in .partial, in the user's own folder, is not ours to remove.
    let foreign = stale(&desktop, "phim.mkv.partial");

    let input = cchc::model::EvidenceInput {
        kind: "QĐ".into(),
        number: "12/QĐ-UBND".into(),
        date: Some(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()),
        issuer: "UBND phường".into(),
        title: "Quyết định ban hành kế hoạch".into(),
    };
    let bytes = b"%PDF-1.4 quyet dinh";
    app.add_evidence(input, Some(cchc::api::Source::Bytes { name: "qd.pdf", bytes })).unwrap();
    app.export_package("2026-Q3".parse().unwrap(), &desktop.join("bao-cao-q3.cchc"), None).unwrap();
    app.write_report_pdf(cchc::model::ReportKind::Periodic, "2026".parse().unwrap(), &desktop.join("bao-cao.pdf"))
        .unwrap();
    for path in &left {
        assert!(!path.exists(), "{} was left", path.display());
    }
    assert!(foreign.exists(), "another program's .partial is kept");

    // A partial appearing in the evidence folder later is not copied to the USB stick as a document.
    stale(&evidence, &format!("{}.png.partial", "ef".repeat(32)));
    let usb = tempfile::tempdir().unwrap();
    let info = app.backup_to(usb.path()).unwrap();
    let copied: Vec<String> = std::fs::read_dir(info.path.parent().unwrap().join("evidence"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert!(!copied.is_empty() && copied.iter().all(|n| !n.contains(".partial")), "{copied:?}");
}

/// Guard (this held before the locked partial files too): a recovery cut short leaves `register.cchc.partial`, and
/// the next recovery into that folder must not leave it behind.
#[test]
fn recovering_removes_the_partial_file_an_interrupted_recovery_left() {
    let mut t = TestRegister::new();
    t.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    let copy = t.app.backup_now(BackupReason::Manual).unwrap();
    let (dir, path) = t.close();
    let mut name = path.file_name().unwrap().to_owned();
    name.push(".partial");
    let left = dir.path().join(name);
    std::fs::write(&left, "nửa bản sao").unwrap();
    let app = App::recover(&path, &copy.path, Assets::bundled(), clock()).unwrap();
    assert_eq!(all_procedures(&app).len(), 1);
    assert!(!left.exists());
}

#[test]
fn a_copy_named_by_an_older_version_is_still_listed_checked_and_restored_from() {
    // Backup copies are `.cchcsl` now; copies an older version made were `.cchc`, with the same record beside them.
    let mut t = TestRegister::new();
    t.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    let info = t.app.backup_now(BackupReason::Manual).unwrap();
    let legacy = info.path.with_extension("cchc");
    std::fs::rename(&info.path, &legacy).unwrap();
    let listed = t.app.backups().unwrap();
    assert_eq!(listed.iter().map(|b| b.path.clone()).collect::<Vec<_>>(), [legacy.clone()]);
    App::verify_backup(&legacy).unwrap();
    t.app.add_procedure(procedure("2.000908", "Chứng thực bản sao từ bản chính", "Chứng thực")).unwrap();
    t.app.restore(&legacy).unwrap();
    assert_eq!(t.app.procedures(&Default::default()).unwrap().len(), 1, "the old copy's one procedure is back");
}
