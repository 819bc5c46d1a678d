//! The register file: creation, refusal of files it must not touch, the copy before migrating, the change log.

use crate::fixtures::{TestRegister, clock, procedure, profile};
use cchc::{App, Assets, ErrorCode};
use std::path::Path;

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_new_register_keeps_the_profile_and_uses_wal() {
    let (_dir, path) = TestRegister::new().close();
    let app = App::open(&path, Assets::bundled(), clock()).unwrap();
    assert_eq!(app.unit().unwrap(), profile());
    assert_eq!(app.journal_mode().unwrap(), "wal");
    assert_eq!(app.schema_version().unwrap(), cchc::api::SCHEMA_VERSION);
    assert!(app.migration_backup().is_none(), "a current register is not copied");
}

#[test]
fn init_refuses_to_overwrite_an_existing_file() {
    let t = TestRegister::new();
    let err = App::create(&t.path(), profile(), Assets::bundled(), clock()).err().unwrap();
    assert_eq!(err.code(), ErrorCode::RegisterExists);
}

#[test]
fn opening_a_missing_register_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let err = App::open(&dir.path().join("none.cchc"), Assets::bundled(), clock()).err().unwrap();
    assert_eq!(err.code(), ErrorCode::RegisterNotFound);
    assert!(!dir.path().join("none.cchc").exists(), "opening must not create a file");
}

#[test]
fn a_register_from_a_newer_program_is_refused_untouched() {
    let (dir, path) = TestRegister::new().close();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = bytes(&path);
    let err = App::open(&path, Assets::bundled(), clock()).err().unwrap();
    assert_eq!(err.code(), ErrorCode::SchemaTooNew);
    assert!(err.to_string().contains("99"), "the message names the version found: {err}");
    assert_eq!(bytes(&path), before, "the file's bytes must not change");
    assert!(!dir.path().join("backups").exists(), "nothing is copied for a refused file");
}

#[test]
fn a_file_that_is_not_a_register_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("bao-cao.cchc");
    std::fs::write(&text, "Báo cáo CCHC 6 tháng năm 2021").unwrap();
    let err = App::open(&text, Assets::bundled(), clock()).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotARegister);
    assert_eq!(bytes(&text), "Báo cáo CCHC 6 tháng năm 2021".as_bytes());

    // Another program's SQLite database is not ours either.
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;").unwrap();
    let before = bytes(&other);
    assert_eq!(App::open(&other, Assets::bundled(), clock()).err().unwrap().code(), ErrorCode::NotARegister);
    assert_eq!(bytes(&other), before);
}

#[test]
fn an_older_register_is_copied_aside_before_it_is_migrated() {
    // A register at schema 0: marked as ours, no tables yet (what an interrupted first start leaves).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.cchc");
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "application_id", 0x4343_4843).unwrap();
    let original = bytes(&path);

    let app = App::open(&path, Assets::bundled(), clock()).unwrap();
    let copy = app.migration_backup().expect("a copy is made before migrating").to_path_buf();
    assert!(copy.starts_with(dir.path().join("backups")), "copy lives in backups/: {copy:?}");
    assert!(copy.file_name().unwrap().to_str().unwrap().ends_with("-migration.cchcsl"), "{copy:?}");
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 0, "the copy holds the register as it was");
    assert_eq!(app.schema_version().unwrap(), cchc::api::SCHEMA_VERSION);
    assert_ne!(bytes(&path), original);
}

#[test]
fn every_change_is_logged_with_who_and_when_and_the_log_is_append_only() {
    let mut t = TestRegister::new();
    t.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    let mut edited = procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch");
    edited.fee = "Miễn phí".into();
    t.app.edit_procedure("1.001193", edited).unwrap();

    let log = t.app.change_log(10).unwrap();
    let entries: Vec<(&str, &str, &str)> =
        log.iter().map(|e| (e.entity.as_str(), e.entity_id.as_str(), e.action.as_str())).collect();
    assert_eq!(
        entries,
        [("procedure", "1.001193", "update"), ("procedure", "1.001193", "create"), ("unit", "1", "create")]
    );
    let update = &log[0];
    assert_eq!(update.actor, "Nguyễn Thị Lan");
    assert_eq!(update.at, "2026-11-23T09:30:00.000+07:00");
    assert_eq!(update.before.as_ref().unwrap()["fee"], "");
    assert_eq!(update.after.as_ref().unwrap()["fee"], "Miễn phí");

    // Saving the same thing again is not a change.
    t.app
        .edit_procedure("1.001193", {
            let mut same = procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch");
            same.fee = "Miễn phí".into();
            same
        })
        .unwrap();

    let conn = rusqlite::Connection::open(t.path()).unwrap();
    assert!(conn.execute("DELETE FROM change_log", []).is_err(), "deleting log entries must fail");
    assert!(conn.execute("UPDATE change_log SET actor = 'x'", []).is_err(), "rewriting log entries must fail");
    let count: i64 = conn.query_row("SELECT count(*) FROM change_log", [], |r| r.get(0)).unwrap();
    assert!(count >= 3);
}

#[test]
fn edits_are_on_disk_at_once() {
    let mut t = TestRegister::new();
    t.app.add_procedure(procedure("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch")).unwrap();
    // A second reader (another process would see the same) finds the edit without the app closing.
    let other = App::open(&t.path(), Assets::bundled(), clock()).unwrap();
    assert_eq!(other.procedure("1.000894").unwrap().input.name, "Thủ tục đăng ký kết hôn");
}

#[test]
fn the_profile_is_stored_as_nfc_and_validated() {
    use unicode_normalization::UnicodeNormalization;
    let mut t = TestRegister::new();
    let mut changed = profile();
    changed.place_name = "  Trần   Phú ".nfd().collect();
    changed.user_name = "Lê Văn Đức".nfd().collect();
    let saved = t.app.set_unit(changed).unwrap();
    assert_eq!(saved.place_name, "Trần Phú");
    assert_eq!(t.app.unit().unwrap().user_name, "Lê Văn Đức");
    assert_eq!(t.app.change_log(1).unwrap()[0].actor, "Lê Văn Đức", "edits are recorded under the new user name");

    let before = t.state();
    let mut empty = profile();
    empty.name = " ".into();
    empty.place_name = String::new();
    let err = t.app.set_unit(empty).err().unwrap();
    assert_eq!(err.code(), ErrorCode::Invalid);
    let columns: Vec<_> = err.findings().iter().map(|f| f.place.column.clone().unwrap()).collect();
    assert_eq!(columns, ["name", "place_name"]);
    assert_eq!(t.state(), before);
}

#[test]
fn periods_default_to_the_reporting_regime_and_can_be_overridden() {
    use cchc::model::{PeriodKey, PeriodWindow};
    use chrono::NaiveDate;
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut t = TestRegister::new();
    let current = t.app.current_period().unwrap();
    assert_eq!(current.key.to_string(), "2026");
    assert_eq!((current.start, current.end, current.deadline), (d(2025, 12, 15), d(2026, 12, 14), d(2026, 12, 20)));

    let key: PeriodKey = "2026-H1".parse().unwrap();
    let earlier = PeriodWindow { key, start: d(2025, 12, 15), end: d(2026, 6, 10), deadline: d(2026, 6, 12) };
    t.app.set_period(earlier).unwrap();
    assert_eq!(t.app.period(key).unwrap(), earlier);

    let backwards = PeriodWindow { key, start: d(2026, 7, 1), end: d(2026, 6, 10), deadline: d(2026, 6, 12) };
    assert_eq!(t.app.set_period(backwards).err().unwrap().code(), ErrorCode::Invalid);
    assert_eq!(t.app.period(key).unwrap(), earlier);
}

#[test]
fn a_v1_register_is_copied_aside_and_migrated_keeping_its_procedures() {
    // A register as the first release wrote it: only migration 0001 applied, with one procedure in it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.cchc");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", 0x4343_4843).unwrap();
        conn.execute_batch(include_str!("../../src/register/migrations/0001_initial.sql")).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        insert_unit(&conn);
        conn.execute(
            "INSERT INTO procedure (code, name, field, search_text, name_sort, field_sort, created_at, updated_at)
             VALUES ('1.001193', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', '1.001193 thu tuc dang ky khai sinh ho tich',
                     x'00', x'00', '2026-01-01', '2026-01-01')",
            [],
        )
        .unwrap();
    }
    let mut app = App::open(&path, Assets::bundled(), clock()).unwrap();
    let copy = app.migration_backup().expect("a copy is made before migrating").to_path_buf();
    assert!(copy.starts_with(dir.path().join("backups")), "copy lives in backups/: {copy:?}");
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 1, "the copy holds the register as it was");
    assert_eq!(app.schema_version().unwrap(), cchc::api::SCHEMA_VERSION);
    assert_eq!(app.procedure("1.001193").unwrap().input.name, "Thủ tục đăng ký khai sinh");
    // The new registers work at once, with their seeded data.
    assert_eq!(app.staff_categories().unwrap().len(), 5);
    assert_eq!(app.reform_areas().unwrap().len(), 8);
    let quota = cchc::model::Quota { year: 2026, category: "cong_chuc".into(), quota: 10, basis: Default::default() };
    app.set_quota(quota).unwrap();
    assert_eq!(app.quotas(Some(2026)).unwrap().len(), 1);
}

#[test]
fn a_v2_register_is_migrated_to_v3_keeping_its_staffing_and_plans() {
    // A register as the staffing-and-plans release wrote it: migrations 0001 and 0002, with a quota and a plan.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.cchc");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", 0x4343_4843).unwrap();
        conn.execute_batch(include_str!("../../src/register/migrations/0001_initial.sql")).unwrap();
        conn.execute_batch(include_str!("../../src/register/migrations/0002_staffing_and_plans.sql")).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        insert_unit(&conn);
        conn.execute(
            "INSERT INTO staff_quota (year, category, quota, created_at, updated_at)
             VALUES (2026, 'cong_chuc', 9, '2026-01-01', '2026-01-01')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO plan (kind, number, date, year, created_at, updated_at)
             VALUES ('annual', '25/KH-UBND', '2025-12-21', 2026, '2026-01-01', '2026-01-01')",
            [],
        )
        .unwrap();
    }
    let mut app = App::open(&path, Assets::bundled(), clock()).unwrap();
    let copy = app.migration_backup().expect("a copy is made before migrating").to_path_buf();
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 2, "the copy holds the register as it was");
    assert_eq!(app.schema_version().unwrap(), cchc::api::SCHEMA_VERSION);
    assert_eq!(app.quotas(Some(2026)).unwrap()[0].quota, 9);
    assert_eq!(app.plans(Some(2026)).unwrap()[0].input.number, "25/KH-UBND");
    // The ISO register works at once.
    app.set_iso_version(cchc::model::IsoVersion::V2015).unwrap();
    assert_eq!(app.iso_version().unwrap(), Some(cchc::model::IsoVersion::V2015));
}

#[test]
fn two_people_sharing_a_computer_are_told_apart_in_the_log_and_the_log_filters_by_kind_person_and_day() {
    let mut t = TestRegister::new();
    t.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    // The second official says who she is; her edits are hers from then on.
    assert_eq!(t.app.set_actor("  Trần Thị Bình ").unwrap(), "Trần Thị Bình");
    assert_eq!(t.app.actor(), "Trần Thị Bình");
    let window = cchc::model::PeriodKey::new(2026, cchc::model::PeriodKind::Q1).default_window();
    let deadline = chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap();
    t.app.set_period(cchc::model::PeriodWindow { deadline, ..window }).unwrap();

    let mine = cchc::api::ChangeLogQuery { actor: Some("Trần Thị Bình".into()), limit: 100, ..Default::default() };
    let entries = t.app.change_log_query(&mine).unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].entity, "period_setting");
    assert_eq!(entries[0].after.as_ref().unwrap()["deadline"], "2026-03-18");
    let procedures = cchc::api::ChangeLogQuery { entity: Some("procedure".into()), limit: 100, ..Default::default() };
    let entries = t.app.change_log_query(&procedures).unwrap();
    assert_eq!(entries.iter().map(|e| e.actor.as_str()).collect::<Vec<_>>(), [profile().user_name.as_str()]);
    // The clock of the tests is 23/11/2026: nothing before, everything on that day.
    let day = |d: u32| Some(chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap());
    let before = cchc::api::ChangeLogQuery { to: day(22), limit: 100, ..Default::default() };
    assert!(t.app.change_log_query(&before).unwrap().is_empty());
    let that_day = cchc::api::ChangeLogQuery { from: day(23), to: day(23), limit: 100, ..Default::default() };
    assert_eq!(t.app.change_log_query(&that_day).unwrap().len(), t.app.change_log(1000).unwrap().len());
    let facets = t.app.change_log_facets().unwrap();
    assert!(facets.actors.contains(&"Trần Thị Bình".to_string()) && facets.actors.contains(&profile().user_name));
    assert!(facets.entities.contains(&"procedure".to_string()) && facets.entities.contains(&"period_setting".into()));

    // No name is no one: refused, and the log keeps naming her.
    let refused = t.app.set_actor("   ").unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Invalid);
    assert_eq!(t.app.actor(), "Trần Thị Bình");
}

#[test]
fn a_report_deadline_before_the_period_starts_is_refused_and_nothing_changes() {
    let mut t = TestRegister::new();
    let window = cchc::model::PeriodKey::new(2026, cchc::model::PeriodKind::H1).default_window();
    let before = t.state();
    let deadline = window.start - chrono::Duration::days(1);
    let error = t.app.set_period(cchc::model::PeriodWindow { deadline, ..window }).unwrap_err();
    assert_eq!(error.code(), ErrorCode::Invalid);
    assert_eq!(error.findings()[0].place.column.as_deref(), Some("deadline"), "{:?}", error.findings());
    assert_eq!(t.state(), before);
    assert_eq!(t.app.period(window.key).unwrap(), window, "the default window stays");
}

/// The schema as migrations 0001–0009 left it, before records had identities that survive copies.
fn register_at_version_9(path: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "application_id", 0x4343_4843).unwrap();
    for sql in [
        include_str!("../../src/register/migrations/0001_initial.sql"),
        include_str!("../../src/register/migrations/0002_staffing_and_plans.sql"),
        include_str!("../../src/register/migrations/0003_iso.sql"),
        include_str!("../../src/register/migrations/0004_assessment.sql"),
        include_str!("../../src/register/migrations/0005_packages.sql"),
        include_str!("../../src/register/migrations/0006_reports.sql"),
        include_str!("../../src/register/migrations/0007_assessment_report_and_issued_copies.sql"),
        include_str!("../../src/register/migrations/0008_headcount_meeting_standard.sql"),
        include_str!("../../src/register/migrations/0009_superior_unit_kind.sql"),
    ] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", 9).unwrap();
    conn
}

fn uids(path: &std::path::Path, table: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut statement = conn.prepare(&format!("SELECT uid FROM {table} ORDER BY id")).unwrap();
    statement.query_map([], |row| row.get::<_, String>(0)).unwrap().map(Result::unwrap).collect()
}

#[test]
fn records_known_only_by_a_local_number_get_identities_that_survive_copies_and_nothing_a_user_sees_changes() {
    // Two registers at version 9 with the same person typed into each, as two offices would.
    let dir = tempfile::tempdir().unwrap();
    let paths = [dir.path().join("a.cchc"), dir.path().join("b.cchc")];
    for path in &paths {
        let conn = register_at_version_9(path);
        insert_unit(&conn);
        conn.execute(
            "INSERT INTO person (name, name_sort, category, created_at, updated_at)
             VALUES ('Nguyễn Thị Lan', x'00', 'cong_chuc', '2026-01-01', '2026-01-01')",
            [],
        )
        .unwrap();
    }
    let mut opened: Vec<App> = paths.iter().map(|p| App::open(p, Assets::bundled(), clock()).unwrap()).collect();
    // What the official sees is as it was.
    let people = opened[0].people().unwrap();
    assert_eq!((people.len(), people[0].input.name.as_str()), (1, "Nguyễn Thị Lan"));
    // Each record has an identity of its own, written as a UUID, different in the two registers.
    // A version 4 UUID: 8-4-4-4-12 lower-case hex digits, the version 4 and the variant 8, 9, a or b.
    let uuid = |text: &str| {
        let b = text.as_bytes();
        b.len() == 36
            && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
            && b[14] == b'4'
            && b"89ab".contains(&b[19])
            && text.chars().all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c))
    };
    let (a, b) = (uids(&paths[0], "person"), uids(&paths[1], "person"));
    assert!(uuid(&a[0]) && uuid(&b[0]), "{a:?} {b:?}");
    assert_ne!(a, b);
    // A record added from now on gets one too, whatever adds it.
    opened[0].add_person(cchc::model::PersonInput::new("Trần Văn Nam", "can_bo")).unwrap();
    let a = uids(&paths[0], "person");
    assert_eq!(a.len(), 2);
    assert!(uuid(&a[1]) && a[0] != a[1], "{a:?}");
    drop(opened);
}

/// The unit's profile as an older program wrote it (the columns every schema version has).
fn insert_unit(conn: &rusqlite::Connection) {
    conn.execute(
        "INSERT INTO unit (name, kind, province, issuer_line, place_name, user_name, created_at, updated_at)
         VALUES ('Ủy ban nhân dân phường Trần Phú', 'phuong', 'Hải Phòng', 'ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ',
                 'Trần Phú', 'Nguyễn Thị Lan', '2026-01-01', '2026-01-01')",
        [],
    )
    .unwrap();
}
