//! Report files (.cchc): a ward exports, the superior imports into its own register, classifies revisions, refuses
//! hostile files with their codes (writing nothing), archives every file, and rolls the period up.

use crate::fixtures::{TestRegister, clock, procedure};
use cchc::api::ChartRequest;
use cchc::api::PackageLimits as Limits;
use cchc::api::Source;
use cchc::api::{FileClass, PackageImportReport, UnitReportStatus, no_progress};
use cchc::model::{
    CaseFigures, Column, EvidenceInput, FindingCode, PeriodKey, PeriodWindow, Points, ReceivedStatus, ReportKind,
    StatsRow, UnitProfile,
};
use cchc::{App, Assets, Clock, ErrorCode};
use chrono::NaiveDate;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

const PERIOD: &str = "2026-Q3";

fn period() -> PeriodKey {
    PERIOD.parse().unwrap()
}

/// The demo ward, given a unit code so it can send reports.
fn demo_ward(dir: &Path) -> App {
    let (mut app, _) = App::create_demo(dir, Assets::bundled(), clock(), &no_progress).unwrap();
    let mut unit = app.unit().unwrap();
    unit.code = "30280".into();
    app.set_unit(unit).unwrap();
    app
}

/// A small ward: two procedures and one consistent Biểu 06 row for the period.
fn small_ward() -> TestRegister {
    let mut ward = TestRegister::new();
    ward.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    ward.app.add_procedure(procedure("2.000908", "Chứng thực bản sao từ bản chính", "Chứng thực")).unwrap();
    ward.app.set_stats(row("Hộ tịch", 10)).unwrap();
    ward
}

fn row(field: &str, online: i64) -> StatsRow {
    let figures = CaseFigures {
        received_total: online + 20,
        received_online: online,
        received_direct: 20,
        carried_over: 0,
        resolved_total: online + 15,
        resolved_early: 5,
        resolved_on_time: online + 9,
        resolved_late: 1,
        in_progress_total: 5,
        in_progress_within: 5,
        in_progress_overdue: 0,
        apology_letters: 1,
    };
    StatsRow { period: period(), field: field.into(), procedure: None, figures }
}

/// The superior level's register: its own profile, a list of three expected units, and the period's deadline moved
/// to 30/11/2026 so that files received on 23/11 are on time.
fn superior(dir: &Path) -> App {
    std::fs::create_dir_all(dir).unwrap();
    let profile = UnitProfile {
        name: "Sở Nội vụ thành phố Hải Phòng".into(),
        code: "31".into(),
        issuer_line: "SỞ NỘI VỤ THÀNH PHỐ HẢI PHÒNG".into(),
        ..crate::fixtures::profile()
    };
    let mut app = App::create(&dir.join("superior.cchc"), profile, Assets::bundled(), clock()).unwrap();
    let list = dir.join("don-vi.csv");
    std::fs::write(
        &list,
        "STT,Mã đơn vị,Tên đơn vị\n1,30280,Phường Hải Dương\n2,31190,Phường Trần Phú\n3,31200,Xã An Hưng\n",
    )
    .unwrap();
    let report = app.import_expected_units(list.as_path(), false, &no_progress).unwrap();
    assert_eq!(report.counts.added, 3, "{:?}", report.findings);
    let window = period().default_window();
    app.set_period(PeriodWindow { deadline: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(), ..window }).unwrap();
    app
}

fn import(app: &mut App, paths: &[PathBuf], dry_run: bool) -> PackageImportReport {
    app.import_packages(paths, dry_run, &no_progress).unwrap()
}

fn classes(report: &PackageImportReport) -> Vec<FileClass> {
    report.files.iter().map(|f| f.class).collect()
}

/// What a user could notice changing at the superior level: received reports and the change log's length.
fn superior_state(app: &App) -> String {
    let received = app.rollup(period()).unwrap();
    format!("{}\nlog={}", serde_json::to_string(&received.units).unwrap(), app.change_log(100_000).unwrap().len())
}

#[test]
fn a_report_exported_by_a_ward_rolls_up_with_the_same_figures_and_reimporting_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = demo_ward(&dir.path().join("ward"));
    let file = dir.path().join("out/bao-cao-30280.cchc");
    let export = ward.export_package(period(), &file, None).unwrap();
    assert!(!export.reused);
    assert_eq!(export.sent.revision, 1);
    assert_eq!(export.sent.supersedes, None);
    assert_eq!(ward.sent_packages().unwrap(), vec![export.sent.clone()]);
    let (manifest, _) = ward.inspect_package(&file).unwrap();
    assert_eq!(manifest.unit.code, "30280");
    assert_eq!(manifest.approver.as_deref(), Some("Phạm Văn Hùng"), "the signer approves by default");
    assert!(manifest.criteria.is_none(), "no assessment inside yet");

    let mut small = small_ward();
    let small_file = dir.path().join("out/bao-cao-31190.cchc");
    small.app.export_package(period(), &small_file, Some("Nguyễn Văn Hùng".into())).unwrap();

    let mut sup = superior(dir.path());
    let before = superior_state(&sup);
    let dry = import(&mut sup, &[dir.path().join("out")], true);
    assert_eq!(classes(&dry), [FileClass::New, FileClass::New]);
    assert_eq!(superior_state(&sup), before, "a dry run writes nothing");
    assert!(!sup.archive_dir().exists(), "a dry run archives nothing");

    let applied = import(&mut sup, &[dir.path().join("out")], false);
    assert_eq!(classes(&applied), [FileClass::New, FileClass::New]);
    assert_eq!(applied.written, 2);

    let rollup = sup.rollup(period()).unwrap();
    assert_eq!((rollup.counts.expected, rollup.counts.on_time, rollup.counts.missing), (3, 2, 1));
    let unit = rollup.units.iter().find(|u| u.code == "30280").unwrap();
    assert_eq!(unit.status, UnitReportStatus::OnTime);
    let figures = unit.figures.as_ref().unwrap();
    let own = ward.stats(period()).unwrap();
    assert_eq!(figures.total, own.total, "the superior sees the ward's own Biểu 06 totals");
    assert_eq!(figures.on_time_rate, own.on_time_rate);
    assert_eq!(figures.online_rate, own.online_rate);
    let in_force = ward.procedures(&Default::default()).unwrap().len();
    assert_eq!(figures.procedures, in_force);
    let staffing = ward.staffing(period().default_window().end).unwrap();
    assert_eq!((figures.quota, figures.present), (staffing.quota, staffing.present));
    let progress = ward.plan_progress(period().default_window().end).unwrap();
    assert_eq!((figures.plan_tasks, figures.plan_done), (progress.overall.tasks, progress.overall.done));
    assert!(figures.iso_in_use && figures.iso_announced);
    let missing = rollup.units.iter().find(|u| u.code == "31200").unwrap();
    assert_eq!(missing.status, UnitReportStatus::Missing);
    let mut sum = own.total;
    sum.add(&small.app.stats(period()).unwrap().total);
    assert_eq!(rollup.total, sum, "Biểu 06 summed across units");

    // The detail view has the data as received.
    let detail = sup.received_report(unit.report_id.as_deref().unwrap()).unwrap();
    assert!(detail.data_json.contains("\"data_version\": 1"));

    // Importing everything again changes nothing.
    let after = superior_state(&sup);
    let again = import(&mut sup, &[dir.path().join("out"), file.clone()], false);
    assert_eq!(classes(&again), [FileClass::Identical, FileClass::Identical]);
    assert_eq!(again.written, 0);
    assert_eq!(superior_state(&sup), after);

    // The roll-up goes to Excel: units and the summed Biểu 06.
    let xlsx = dir.path().join("tong-hop.xlsx");
    sup.export_rollup(period(), &xlsx).unwrap();
    let sheet = crate::fixtures::read_sheet(&xlsx);
    assert_eq!(sheet.sheet, "Tổng hợp đơn vị");
    assert_eq!(&sheet.headers[..3], ["Mã đơn vị", "Tên đơn vị", "Tình trạng"]);
    let statuses: Vec<String> = sheet.rows.iter().map(|r| r[2].clone()).collect();
    assert_eq!(statuses, ["Đã gửi đúng hạn", "Đã gửi đúng hạn", "Chưa gửi"]);
    // The second sheet is Biểu 06 summed over the units that sent: a row per field, then the total, in the columns
    // of the statistics sheet a unit fills in.
    let rollup = sup.rollup(period()).unwrap();
    let bieu = crate::fixtures::read_sheet_at(&xlsx, 1);
    assert_eq!(bieu.sheet, "Biểu 06 tổng hợp");
    let at = |header: &str| bieu.headers.iter().position(|h| h == header).unwrap_or_else(|| panic!("{header}"));
    let fields: Vec<&str> = bieu.rows.iter().map(|r| r[at("Lĩnh vực")].as_str()).collect();
    let mut expected: Vec<&str> = rollup.by_field.iter().map(|(f, _)| f.as_str()).collect();
    expected.push("Tổng cộng");
    assert_eq!(fields, expected);
    // The twelve figures in Biểu 06 order from "Nhận - Tổng số" to "Thư xin lỗi", as the total row shows them.
    let first = at("Nhận - Tổng số");
    assert_eq!(at("Thư xin lỗi"), first + 11);
    let total: Vec<String> = bieu.rows.last().unwrap()[first..first + 12].to_vec();
    let expected: Vec<String> = rollup.total.columns().iter().map(|(_, v)| v.to_string()).collect();
    assert_eq!(total, expected);
    assert!(rollup.total.received_total > 0, "the units sent figures");
}

#[test]
fn an_edit_after_export_makes_a_revision_that_supersedes_and_an_older_one_arriving_late_is_stale() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = small_ward();
    let out = |n: u32| dir.path().join(format!("r{n}.cchc"));
    let r1 = ward.app.export_package(period(), &out(1), None).unwrap();
    // Exporting again without an edit is the same revision, byte for byte.
    let again = ward.app.export_package(period(), &dir.path().join("r1-again.cchc"), None).unwrap();
    assert!(again.reused);
    assert_eq!(again.sent, r1.sent);
    assert_eq!(std::fs::read(out(1)).unwrap(), std::fs::read(dir.path().join("r1-again.cchc")).unwrap());
    ward.app.set_stats(row("Hộ tịch", 12)).unwrap();
    let r2 = ward.app.export_package(period(), &out(2), None).unwrap();
    assert_eq!((r2.sent.revision, r2.sent.supersedes.as_deref()), (2, Some(r1.sent.report_id.as_str())));
    assert_eq!(r2.sent.root_id, r1.sent.report_id);
    ward.app.set_stats(row("Hộ tịch", 14)).unwrap();
    let r3 = ward.app.export_package(period(), &out(3), None).unwrap();
    assert_eq!(ward.app.sent_packages().unwrap().len(), 3);

    let mut sup = superior(dir.path());
    assert_eq!(classes(&import(&mut sup, &[out(1)], false)), [FileClass::New]);
    assert_eq!(classes(&import(&mut sup, &[out(3)], false)), [FileClass::Revision], "newer, with a gap");
    let rollup = sup.rollup(period()).unwrap();
    let unit = rollup.units.iter().find(|u| u.code == "31190").unwrap();
    assert_eq!(unit.report_id.as_deref(), Some(r3.sent.report_id.as_str()));
    assert_eq!(unit.figures.as_ref().unwrap().total.received_online, 14);
    // Revision 2 arrives after revision 3: kept, flagged, never current.
    assert_eq!(classes(&import(&mut sup, &[out(2)], false)), [FileClass::Stale]);
    let rollup = sup.rollup(period()).unwrap();
    let unit = rollup.units.iter().find(|u| u.code == "31190").unwrap();
    assert_eq!((unit.revision, unit.flagged), (Some(3), 1));
    let statuses: Vec<(u32, ReceivedStatus)> =
        sup.received_reports(Some(period())).unwrap().iter().map(|r| (r.revision, r.status)).collect();
    assert_eq!(statuses, [(1, ReceivedStatus::Superseded), (2, ReceivedStatus::Stale), (3, ReceivedStatus::Current)]);

    // In one folder, revisions are taken in order whatever their names.
    let dir2 = tempfile::tempdir().unwrap();
    let mut sup2 = superior(dir2.path());
    let folder = dir2.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    for (name, n) in [("c.cchc", 1), ("b.cchc", 2), ("a.cchc", 3)] {
        std::fs::copy(out(n), folder.join(name)).unwrap();
    }
    let report = import(&mut sup2, std::slice::from_ref(&folder), false);
    assert_eq!(classes(&report), [FileClass::New, FileClass::Revision, FileClass::Revision]);
}

#[test]
fn the_manifest_says_who_sent_what_and_lists_every_entry_with_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = small_ward();
    let file = dir.path().join("r.cchc");
    ward.app.export_package(period(), &file, Some("Nguyễn Văn Hùng".into())).unwrap();
    let entries = entries_of(&std::fs::read(&file).unwrap());
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["manifest.json", "data.json"]);
    let mut manifest: serde_json::Value = serde_json::from_slice(&entries[0].1).unwrap();
    assert_eq!(manifest["entries"][0]["sha256"], sha256(&entries[1].1));
    assert_eq!(manifest["entries"][0]["size"], entries[1].1.len());
    assert_eq!(manifest["report_id"], manifest["root_id"]);
    for id in ["report_id", "root_id"] {
        manifest[id] = "…".into();
    }
    manifest["entries"][0]["sha256"] = "…".into();
    manifest["entries"][0]["size"] = 0.into();
    manifest["program_version"] = "…".into();
    manifest["min_program_version"] = "…".into();
    let expected = serde_json::json!({
        "format": "cchc-report",
        "format_version": 1,
        "program_version": "…",
        "min_program_version": "…",
        "report_id": "…",
        "root_id": "…",
        "supersedes": null,
        "revision": 1,
        "unit": { "code": "31190", "name": "Ủy ban nhân dân phường Trần Phú", "province": "Hải Phòng", "kind": "phuong" },
        "report": { "kind": "periodic", "period": "2026-Q3", "label": "9 tháng năm 2026" },
        "criteria": null,
        "created_at": "2026-11-23T09:30:00.000+07:00",
        "approved_at": "2026-11-23T09:30:00.000+07:00",
        "approver": "Nguyễn Văn Hùng",
        "entries": [ { "path": "data.json", "sha256": "…", "size": 0 } ]
    });
    assert_eq!(manifest, expected);
    let data: serde_json::Value = serde_json::from_slice(&entries[1].1).unwrap();
    let members: Vec<&str> = data.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        members,
        ["data_version", "iso", "period", "plans", "procedures", "staffing", "statistics", "unit"],
        "the documented members; a quarter's file carries no `assessment`"
    );
}

#[test]
fn two_edits_from_one_revision_are_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let ward = small_ward();
    let (ward_dir, path) = {
        let mut ward = ward;
        ward.app.export_package(period(), &dir.path().join("r1.cchc"), None).unwrap();
        ward.close()
    };
    // The register is copied to a second machine; both edit and send revision 2.
    let copy = ward_dir.path().join("copy.cchc");
    std::fs::copy(&path, &copy).unwrap();
    let mut first = App::open(&path, Assets::bundled(), clock()).unwrap();
    let mut second = App::open(&copy, Assets::bundled(), clock()).unwrap();
    first.set_stats(row("Hộ tịch", 12)).unwrap();
    second.set_stats(row("Hộ tịch", 13)).unwrap();
    first.export_package(period(), &dir.path().join("r2a.cchc"), None).unwrap();
    second.export_package(period(), &dir.path().join("r2b.cchc"), None).unwrap();
    let mut sup = superior(dir.path());
    let names = ["r1.cchc", "r2a.cchc", "r2b.cchc"].map(|n| dir.path().join(n));
    let mut got = Vec::new();
    for name in names {
        got.extend(classes(&import(&mut sup, &[name], false)));
    }
    assert_eq!(got, [FileClass::New, FileClass::Revision, FileClass::Conflict]);
    // The superior looks at both and takes the second machine's.
    let second_id = sup.received_reports(None).unwrap().into_iter().find(|r| r.status == ReceivedStatus::Conflict);
    let second_id = second_id.unwrap().report_id;
    let accepted = sup.accept_received(&second_id).unwrap();
    assert_eq!(accepted.status, ReceivedStatus::Current);
    let rollup = sup.rollup(period()).unwrap();
    let unit = rollup.units.iter().find(|u| u.code == "31190").unwrap();
    assert_eq!(unit.report_id.as_deref(), Some(second_id.as_str()));
    assert_eq!(unit.figures.as_ref().unwrap().total.received_online, 13);
    let current = sup.received_reports(None).unwrap().iter().filter(|r| r.status == ReceivedStatus::Current).count();
    assert_eq!(current, 1);
}

#[test]
fn a_unit_without_a_code_or_with_inconsistent_figures_cannot_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = small_ward();
    let mut unit = ward.app.unit().unwrap();
    unit.code = String::new();
    ward.app.set_unit(unit.clone()).unwrap();
    let err = ward.app.export_package(period(), &dir.path().join("x.cchc"), None).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Invalid);
    unit.code = "31190".into();
    ward.app.set_unit(unit).unwrap();
    let mut bad = row("Hộ tịch", 10);
    bad.figures.received_total += 1;
    ward.app.set_stats(bad).unwrap();
    let err = ward.app.export_package(period(), &dir.path().join("x.cchc"), None).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert!(err.findings().iter().any(|f| f.code == FindingCode::ReceivedSumMismatch));
    assert!(!dir.path().join("x.cchc").exists());
    assert!(ward.app.sent_packages().unwrap().is_empty());
}

// ---- Hostile and malformed files ----

/// A ZIP of the given entries, deflated.
fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The entries of a ZIP.
fn entries_of(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().unwrap().to_string(), content)
        })
        .collect()
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A valid file changed by `edit` (manifest and data as JSON values), with the manifest's hashes recomputed when
/// `rehash` is true.
fn edited(valid: &[u8], rehash: bool, edit: impl Fn(&mut serde_json::Value, &mut serde_json::Value)) -> Vec<u8> {
    let entries = entries_of(valid);
    let get = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&entries.iter().find(|(n, _)| n == name).unwrap().1).unwrap()
    };
    let (mut manifest, mut data) = (get("manifest.json"), get("data.json"));
    edit(&mut manifest, &mut data);
    let data_bytes = serde_json::to_vec_pretty(&data).unwrap();
    if rehash {
        manifest["entries"][0]["sha256"] = sha256(&data_bytes).into();
        manifest["entries"][0]["size"] = data_bytes.len().into();
    }
    zip_of(&[("manifest.json", serde_json::to_vec_pretty(&manifest).unwrap()), ("data.json", data_bytes)])
}

/// data.json with one byte changed in place (same size, other hash) or one byte added (other size).
fn tampered(valid: &[u8], grow: bool) -> Vec<u8> {
    let mut entries = entries_of(valid);
    let data = &mut entries.iter_mut().find(|(n, _)| n == "data.json").unwrap().1;
    if grow {
        data.push(b'\n');
    } else {
        let at = data.iter().position(|b| *b == b'H').unwrap();
        data[at] = b'h';
    }
    let refs: Vec<(&str, Vec<u8>)> = entries.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    zip_of(&refs)
}

/// A valid file plus one more entry, listed or not.
fn with_entry(valid: &[u8], name: &str, bytes: Vec<u8>) -> Vec<u8> {
    let mut entries: Vec<(String, Vec<u8>)> = entries_of(valid);
    entries.push((name.to_string(), bytes));
    let refs: Vec<(&str, Vec<u8>)> = entries.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    zip_of(&refs)
}

/// A valid file whose headers declare `data.json` far smaller than it is (both the local header and the central
/// directory), as a crafted bomb would: the streaming counter must stop at the declared size.
fn lying_size(valid: &[u8]) -> Vec<u8> {
    let mut bytes = valid.to_vec();
    let name = b"data.json";
    let patch = |bytes: &mut Vec<u8>, signature: &[u8], name_at: usize, size_at: usize| {
        let mut i = 0;
        while i + name_at + name.len() <= bytes.len() {
            if &bytes[i..i + 4] == signature && &bytes[i + name_at..i + name_at + name.len()] == name {
                bytes[i + size_at..i + size_at + 4].copy_from_slice(&10u32.to_le_bytes());
            }
            i += 1;
        }
    };
    patch(&mut bytes, b"PK\x03\x04", 30, 22);
    patch(&mut bytes, b"PK\x01\x02", 46, 24);
    bytes
}

#[test]
fn hostile_and_malformed_files_are_refused_with_their_codes_and_nothing_is_written_but_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = small_ward();
    let valid_path = dir.path().join("valid.cchc");
    ward.app.export_package(period(), &valid_path, None).unwrap();
    let valid = std::fs::read(&valid_path).unwrap();
    let manifest = entries_of(&valid).into_iter().find(|(n, _)| n == "manifest.json").unwrap().1;
    let data = entries_of(&valid).into_iter().find(|(n, _)| n == "data.json").unwrap().1;

    let symlink = {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("manifest.json", options).unwrap();
        zip.write_all(&manifest).unwrap();
        zip.add_symlink("data.json", "/etc/passwd", options).unwrap();
        zip.finish().unwrap().into_inner()
    };
    let evidence = format!("evidence/{}", "a".repeat(64));
    let cases: Vec<(&str, Vec<u8>, FindingCode)> = vec![
        ("not-a-zip", b"PK\x03\x04 this is not really a zip".to_vec(), FindingCode::PackageNotZip),
        ("zip-slip", with_entry(&valid, "../x", b"x".to_vec()), FindingCode::PackageUnsafePath),
        ("absolute", with_entry(&valid, "/etc/cron.d/x", b"x".to_vec()), FindingCode::PackageUnsafePath),
        ("symlink", symlink, FindingCode::PackageLink),
        ("unknown-entry", with_entry(&valid, "run.exe", b"MZ".to_vec()), FindingCode::PackageUnknownEntry),
        ("zip-bomb", with_entry(&valid, &evidence, vec![0u8; 4 << 20]), FindingCode::PackageZipBomb),
        ("lying-size", lying_size(&valid), FindingCode::PackageZipBomb),
        ("no-manifest", zip_of(&[("data.json", data.clone())]), FindingCode::PackageManifestMissing),
        (
            "bad-json",
            zip_of(&[("manifest.json", b"{ not json".to_vec()), ("data.json", data.clone())]),
            FindingCode::PackageManifestUnreadable,
        ),
        (
            "format-2",
            edited(&valid, true, |m, _| {
                m["format_version"] = 2.into();
                m["min_program_version"] = "0.3.0".into();
            }),
            FindingCode::PackageFormatTooNew,
        ),
        ("hash", tampered(&valid, false), FindingCode::PackageHashMismatch),
        ("size", tampered(&valid, true), FindingCode::PackageSizeMismatch),
        (
            "bad-data",
            edited(&valid, true, |_, d| {
                d["statistics"][0]["received_total"] = 999.into();
            }),
            FindingCode::ReceivedSumMismatch,
        ),
        (
            "other-unit-inside",
            edited(&valid, true, |_, d| {
                d["unit"]["code"] = "99999".into();
            }),
            FindingCode::PackageDataMismatch,
        ),
    ];
    let folder = dir.path().join("hostile");
    std::fs::create_dir(&folder).unwrap();
    for (name, bytes, _) in &cases {
        std::fs::write(folder.join(format!("{name}.cchc")), bytes).unwrap();
    }
    let mut sup = superior(dir.path());
    let before = superior_state(&sup);
    let report = import(&mut sup, std::slice::from_ref(&folder), false);
    for (name, _, code) in &cases {
        let file = report.files.iter().find(|f| f.file.ends_with(format!("{name}.cchc"))).unwrap();
        assert_eq!(file.class, FileClass::Refused, "{name}");
        assert!(file.findings.iter().any(|f| f.code == *code && f.is_error()), "{name}: {:?}", file.findings);
    }
    assert_eq!(report.written, 0);
    assert_eq!(superior_state(&sup), before, "refused files write nothing to the register");
    // The unknown format names the program version needed.
    let newer = report.files.iter().find(|f| f.file.ends_with("format-2.cchc")).unwrap();
    assert_eq!(newer.findings[0].values.get("program_version").map(String::as_str), Some("0.3.0"));
    // The archive keeps every file byte for byte.
    for (name, bytes, _) in &cases {
        let kept = sup.archive_dir().join(format!("{}.cchc", sha256(bytes)));
        assert_eq!(std::fs::read(&kept).unwrap(), *bytes, "{name} is archived");
    }
    // The valid file still imports, and is archived too.
    let ok = import(&mut sup, std::slice::from_ref(&valid_path), false);
    assert_eq!(classes(&ok), [FileClass::New]);
    assert!(sup.archive_dir().join(format!("{}.cchc", sha256(&valid))).exists());
    let err = sup.inspect_package(&folder.join("zip-slip.cchc")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::PackageRefused);
}

#[test]
fn an_entry_over_the_size_limit_is_refused_and_a_late_report_is_late() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = small_ward();
    let file = dir.path().join("r.cchc");
    ward.app.export_package(period(), &file, None).unwrap();
    let sup_dir = tempfile::tempdir().unwrap();
    let path = superior(sup_dir.path()).register_path().to_path_buf();
    {
        let mut sup = App::open(&path, Assets::bundled(), clock()).unwrap();
        sup.set_package_limits(Limits { entry_bytes: 512, ..Limits::default() });
        let report = import(&mut sup, std::slice::from_ref(&file), false);
        assert_eq!(report.files[0].findings[0].code, FindingCode::PackageTooLarge);
        // Entries each under the limit must not add up past the total, nor be too many.
        for limits in [Limits { total_bytes: 1024, ..Limits::default() }, Limits { entries: 1, ..Limits::default() }] {
            sup.set_package_limits(limits);
            let report = import(&mut sup, std::slice::from_ref(&file), true);
            assert_eq!(report.files[0].findings[0].code, FindingCode::PackageTooLarge, "{limits:?}");
        }
    }
    // Received on 05/12/2026, after the deadline of 30/11.
    let later = Clock::fixed_local(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(), 8, 0);
    let mut sup = App::open(&path, Assets::bundled(), later).unwrap();
    assert_eq!(classes(&import(&mut sup, &[file], false)), [FileClass::New]);
    let rollup = sup.rollup(period()).unwrap();
    let unit = rollup.units.iter().find(|u| u.code == "31190").unwrap();
    assert_eq!(unit.status, UnitReportStatus::Late);
    assert_eq!(rollup.counts.late, 1);
}

// ---- Repeated names, re-zipped files and one bad file in a batch (issue 15) ----

/// `bytes` with every `from` replaced by `to` (same length): names in both the local headers and the central
/// directory, so two entries can be given one name, which the zip crate's writer refuses to do.
fn renamed(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i + from.len() <= out.len() {
        if &out[i..i + from.len()] == from.as_bytes() {
            out[i..i + from.len()].copy_from_slice(to.as_bytes());
        }
        i += 1;
    }
    out
}

/// A valid file with `data.json` twice: a damaged copy and the real one, in the given order.
fn data_twice(valid: &[u8], damaged_first: bool) -> Vec<u8> {
    let entries = entries_of(valid);
    let manifest = entries.iter().find(|(n, _)| n == "manifest.json").unwrap().1.clone();
    let data = entries.iter().find(|(n, _)| n == "data.json").unwrap().1.clone();
    let damaged = b"{ \"damaged\": true }".to_vec();
    let (first, second) = if damaged_first { (damaged, data) } else { (data, damaged) };
    let zip = zip_of(&[("manifest.json", manifest), ("data.json", first), ("dxta.json", second)]);
    renamed(&zip, "dxta.json", "data.json")
}

/// The user saw a report file holding two `data.json` (the damaged one first) received as valid, while another
/// unzip program would read the damaged one.
#[test]
fn a_file_with_a_name_twice_is_refused_whatever_the_order_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = small_ward();
    let valid_path = dir.path().join("valid.cchc");
    ward.app.export_package(period(), &valid_path, None).unwrap();
    let valid = std::fs::read(&valid_path).unwrap();
    let nfc = "reports/h\u{1ed9}-t\u{1ecb}ch.pdf";
    let nfd = "reports/ho\u{323}\u{302}-ti\u{323}ch.pdf";
    let pdf = || b"%PDF-1.7".to_vec();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("damaged-first", data_twice(&valid, true)),
        ("damaged-last", data_twice(&valid, false)),
        ("case", with_entry(&with_entry(&valid, "reports/periodic.pdf", pdf()), "reports/PERIODIC.pdf", pdf())),
        ("normalisation", with_entry(&with_entry(&valid, nfc, pdf()), nfd, pdf())),
        ("backslash", with_entry(&with_entry(&valid, "reports/a.pdf", pdf()), "reports\\a.pdf", pdf())),
        ("trailing-dot", with_entry(&with_entry(&valid, "reports/a.pdf", pdf()), "reports./a.pdf", pdf())),
    ];
    let folder = dir.path().join("twice");
    std::fs::create_dir(&folder).unwrap();
    for (name, bytes) in &cases {
        std::fs::write(folder.join(format!("{name}.cchc")), bytes).unwrap();
    }
    let mut sup = superior(dir.path());
    let before = superior_state(&sup);
    for dry_run in [true, false] {
        let report = import(&mut sup, std::slice::from_ref(&folder), dry_run);
        for (name, _) in &cases {
            let file = report.files.iter().find(|f| f.file.ends_with(format!("{name}.cchc"))).unwrap();
            assert_eq!(file.class, FileClass::Refused, "{name}");
            assert_eq!(file.findings.len(), 1, "{name}: refused before anything else is read: {:?}", file.findings);
            assert_eq!(file.findings[0].code, FindingCode::PackageDuplicateEntry, "{name}");
        }
        assert_eq!(report.written, 0);
    }
    let twice = import(&mut sup, &[folder.join("damaged-first.cchc")], true);
    assert_eq!(twice.files[0].findings[0].values.get("value").map(String::as_str), Some("data.json"));
    assert_eq!(superior_state(&sup), before, "nothing is written");
    let err = sup.inspect_package(&folder.join("damaged-first.cchc")).unwrap_err();
    assert_eq!(err.findings()[0].code, FindingCode::PackageDuplicateEntry);
}

/// A local header that names `data.json` otherwise than the central directory: a streaming unzip would see another
/// file than the one checked.
#[test]
fn a_local_header_disagreeing_with_the_central_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = small_ward();
    let valid_path = dir.path().join("valid.cchc");
    ward.app.export_package(period(), &valid_path, None).unwrap();
    let mut bytes = std::fs::read(&valid_path).unwrap();
    let at =
        (0..bytes.len() - 39).find(|&i| &bytes[i..i + 4] == b"PK\x03\x04" && &bytes[i + 30..i + 39] == b"data.json");
    bytes[at.unwrap() + 30..at.unwrap() + 39].copy_from_slice(b"dxta.json");
    let file = dir.path().join("cloaked.cchc");
    std::fs::write(&file, &bytes).unwrap();
    let mut sup = superior(dir.path());
    let report = import(&mut sup, &[file], false);
    assert_eq!(classes(&report), [FileClass::Refused]);
    assert_eq!(report.files[0].findings[0].code, FindingCode::PackageNotZip);
}

/// The user saw the dry run call a re-zipped copy of a received report a conflict, then the import fail with
/// "STORAGE: UNIQUE constraint failed: package_received.report_id".
#[test]
fn a_received_report_zipped_again_is_identical_in_the_dry_run_and_in_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = small_ward();
    let valid_path = dir.path().join("valid.cchc");
    ward.app.export_package(period(), &valid_path, None).unwrap();
    let valid = std::fs::read(&valid_path).unwrap();
    let mut sup = superior(dir.path());
    assert_eq!(classes(&import(&mut sup, std::slice::from_ref(&valid_path), false)), [FileClass::New]);
    let before = superior_state(&sup);

    let entries = entries_of(&valid);
    let refs: Vec<(&str, Vec<u8>)> = entries.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    let rezipped = {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        for (name, bytes) in &refs {
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    };
    assert_ne!(rezipped, valid, "other bytes");
    let rezipped_path = dir.path().join("rezipped.cchc");
    std::fs::write(&rezipped_path, &rezipped).unwrap();
    // The same report id with other content: the approver changed in the manifest.
    let other = edited(&valid, true, |m, _| m["approver"] = "Người khác".into());
    let other_path = dir.path().join("other.cchc");
    std::fs::write(&other_path, &other).unwrap();

    for (path, class, code) in [
        (&rezipped_path, FileClass::Identical, None),
        (&other_path, FileClass::Refused, Some(FindingCode::PackageIdReused)),
    ] {
        let dry = import(&mut sup, std::slice::from_ref(path), true);
        let applied = sup.import_packages(std::slice::from_ref(path), false, &no_progress);
        let applied = applied.unwrap_or_else(|e| panic!("{}: the import fails with {e}", path.display()));
        assert_eq!(classes(&dry), [class], "{}", path.display());
        assert_eq!(classes(&applied), classes(&dry), "the import does what the dry run said");
        assert_eq!(applied.files[0].findings.first().map(|f| f.code), code);
        assert_eq!(applied.written, 0);
        assert_eq!(superior_state(&sup), before, "nothing is written");
    }
    // Two files of one id in one batch, neither received: the first is new, the second refused.
    let mut fresh = superior(&dir.path().join("fresh"));
    let report = import(&mut fresh, &[valid_path.clone(), other_path.clone()], false);
    assert_eq!(classes(&report), [FileClass::New, FileClass::Refused]);
    assert_eq!(report.written, 1);
}

/// The user saw one bad file of a folder make the whole import fail, so a new valid report beside it was not
/// received.
#[test]
fn one_bad_file_in_a_folder_never_blocks_a_new_report_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = small_ward();
    let first = dir.path().join("first.cchc");
    ward.app.export_package(period(), &first, None).unwrap();
    let valid = std::fs::read(&first).unwrap();
    let mut other_ward = TestRegister::new();
    let mut unit = other_ward.app.unit().unwrap();
    unit.code = "31200".into();
    other_ward.app.set_unit(unit).unwrap();
    other_ward.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    let folder = dir.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    other_ward.app.export_package(period(), &folder.join("an-hung.cchc"), None).unwrap();
    std::fs::write(folder.join("a-same-id.cchc"), edited(&valid, true, |m, _| m["approver"] = "Khác".into())).unwrap();
    std::fs::write(folder.join("b-twice.cchc"), data_twice(&valid, true)).unwrap();
    std::fs::write(folder.join("c-hong.cchc"), b"not a zip").unwrap();

    let sup_dir = dir.path().join("sup");
    std::fs::create_dir(&sup_dir).unwrap();
    let mut sup = superior(&sup_dir);
    import(&mut sup, std::slice::from_ref(&first), false);
    let missing = dir.path().join("khong-co.cchc");
    let paths = [folder.clone(), missing.clone()];
    let dry = import(&mut sup, &paths, true);
    let applied = import(&mut sup, &paths, false);
    let by_name = |report: &PackageImportReport, name: &str| {
        let f = report.files.iter().find(|f| f.file.ends_with(name)).unwrap_or_else(|| panic!("{name} listed"));
        (f.class, f.findings.iter().find(|f| f.is_error()).map(|f| f.code))
    };
    for report in [&dry, &applied] {
        assert_eq!(by_name(report, "an-hung.cchc"), (FileClass::New, None));
        assert_eq!(by_name(report, "a-same-id.cchc"), (FileClass::Refused, Some(FindingCode::PackageIdReused)));
        assert_eq!(by_name(report, "b-twice.cchc"), (FileClass::Refused, Some(FindingCode::PackageDuplicateEntry)));
        assert_eq!(by_name(report, "c-hong.cchc"), (FileClass::Refused, Some(FindingCode::PackageNotZip)));
        assert_eq!(by_name(report, "khong-co.cchc"), (FileClass::Refused, Some(FindingCode::PackageFileUnreadable)));
    }
    assert_eq!(applied.written, 1);
    let rollup = sup.rollup(period()).unwrap();
    let an_hung = rollup.units.iter().find(|u| u.code == "31200").unwrap();
    assert_eq!(an_hung.status, UnitReportStatus::OnTime, "the new report beside the bad files is received");

    // The command line lists every refusal with its code and sentence, and receives the rest.
    let cli_sup = superior(&dir.path().join("cli")).register_path().to_path_buf();
    let out = cchc(&cli_sup, &["--json", "package", "import", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["written"], 2, "both reports with a new id are received by this register");
    let codes: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["class"] == "refused")
        .map(|f| f["findings"][0]["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["PACKAGE_DUPLICATE_ENTRY", "PACKAGE_NOT_ZIP"]);
    // Now `first.cchc` carries an id received with other content.
    let args = ["package", "import", folder.to_str().unwrap(), first.to_str().unwrap(), missing.to_str().unwrap()];
    let out = cchc(&cli_sup, &args);
    let shown = text(&out);
    assert!(shown.contains("cùng mã") && shown.contains("hai thành phần cùng tên"), "{shown}");
    assert!(shown.contains("Không đọc được tệp"), "{shown}");
    assert!(!shown.contains("UNIQUE") && !shown.contains("STORAGE"), "{shown}");
}

/// The user saw a third export fail with "STORAGE: UNIQUE constraint failed" after the computer's clock, set too
/// far ahead for the first export, was put right: the next revision number was taken from the newest by the clock.
#[test]
fn an_export_after_the_clock_was_set_back_makes_the_next_revision() {
    let dir = tempfile::tempdir().unwrap();
    let (_ward_dir, path) = small_ward().close();
    let ahead = Clock::fixed_local(NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(), 9, 0);
    let mut app = App::open(&path, Assets::bundled(), ahead).unwrap();
    app.export_package(period(), &dir.path().join("r1.cchc"), None).unwrap();
    drop(app);
    let mut app = App::open(&path, Assets::bundled(), clock()).unwrap();
    app.set_stats(row("Hộ tịch", 11)).unwrap();
    let second = app.export_package(period(), &dir.path().join("r2.cchc"), None).unwrap();
    assert_eq!(second.sent.revision, 2);
    app.set_stats(row("Hộ tịch", 12)).unwrap();
    let third = app.export_package(period(), &dir.path().join("r3.cchc"), None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((third.sent.revision, third.sent.supersedes.as_deref()), (3, Some(second.sent.report_id.as_str())));
}

// ---- The command line ----

fn cchc(register: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_cchc"))
        .arg("--register")
        .arg(register)
        .args(args)
        .env("CCHC_NOW", "2026-11-23T09:30")
        .output()
        .unwrap()
}

fn text_of(out: &std::process::Output) -> String {
    text(out)
}

fn text(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[test]
fn the_command_line_exports_imports_and_rolls_up_in_vietnamese_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let (_ward_dir, ward) = small_ward().close();
    let usb = dir.path().join("usb");
    let file = usb.join("tran-phu.cchc");
    let out = cchc(&ward, &["package", "export", "--period", PERIOD, "--out", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Đã xuất báo cáo kỳ 2026-Q3"), "{}", text(&out));
    let out = cchc(&ward, &["--json", "package", "sent"]);
    let sent: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sent[0]["revision"], 1);
    std::fs::write(usb.join("hong.cchc"), b"not a zip").unwrap();

    let superior = superior(dir.path()).register_path().to_path_buf();
    let list = dir.path().join("ds.csv");
    std::fs::write(&list, "Mã đơn vị,Tên đơn vị\n31190,Phường Trần Phú\n31200,Xã An Hưng\n").unwrap();
    let out = cchc(&superior, &["units", "import", list.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let out = cchc(&superior, &["package", "import", usb.to_str().unwrap(), "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "a refused file makes the exit code 1");
    let shown = text(&out);
    assert!(shown.contains("Mới") && shown.contains("Bị từ chối") && shown.contains("Chạy thử"), "{shown}");
    let out = cchc(&superior, &["--json", "package", "import", usb.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["written"], 1);
    let refused = report["files"].as_array().unwrap().iter().find(|f| f["class"] == "refused").unwrap();
    assert_eq!(refused["findings"][0]["code"], "PACKAGE_NOT_ZIP");
    assert!(refused["findings"][0]["message"].as_str().unwrap().contains("không phải là tệp báo cáo"));
    let xlsx = dir.path().join("tong-hop.xlsx");
    let out = cchc(&superior, &["rollup", "--period", PERIOD, "--xlsx", xlsx.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let shown = text(&out);
    assert!(shown.contains("Đúng hạn") && shown.contains("Chưa gửi"), "{shown}");
    assert!(xlsx.exists());
    let out = cchc(&superior, &["package", "received", "--period", PERIOD]);
    assert!(text(&out).contains("Đang dùng"), "{}", text(&out));
    let out = cchc(&superior, &["--json", "rollup", "--period", PERIOD]);
    let rollup: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rollup["counts"]["on_time"], 1);
    assert_eq!(rollup["counts"]["missing"], 2, "31200 from the CLI list and 30280 from the test's list");
}

/// A file that cannot be read (here Linux's /proc/self/mem, which fails with EIO) is refused on its own; the rest of
/// the batch imports.
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_is_refused_alone_and_the_others_import() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = small_ward();
    let file = dir.path().join("r.cchc");
    ward.app.export_package(period(), &file, None).unwrap();
    let mut sup = superior(dir.path());
    let report = import(&mut sup, &[PathBuf::from("/proc/self/mem"), file], false);
    let refused = report.files.iter().find(|f| f.class == FileClass::Refused).unwrap();
    assert_eq!(refused.findings[0].code, FindingCode::PackageFileUnreadable);
    assert_eq!(report.written, 1);
}

// ---- The year's file: the self-assessment, its evidence and the issued reports ----

const YEAR: &str = "2026";

fn year() -> PeriodKey {
    YEAR.parse().unwrap()
}

/// The bytes of the one evidence file the wards attach.
const EVIDENCE_PDF: &[u8] = b"%PDF-1.4 Ke hoach CCHC nam 2026 (tai lieu kiem chung)";

/// A ward `code`/`name` with the year's assessment on the bundled set: `scores` ("1.1=1 1.2=3") given by hand, one
/// explanation, and one evidence document with a file linked to leaf 1.1.
fn assessed_ward(code: &str, name: &str, scores: &str) -> TestRegister {
    let mut ward = small_ward();
    let mut unit = ward.app.unit().unwrap();
    unit.code = code.into();
    unit.name = name.into();
    ward.app.set_unit(unit).unwrap();
    ward.app.new_assessment(2026, None).unwrap();
    for score in scores.split_whitespace() {
        let (leaf, points) = score.split_once('=').unwrap();
        ward.app.score_leaf(2026, leaf, Points::parse(points).unwrap(), None, None).unwrap();
    }
    ward.app.explain_leaf(2026, "1.2", "Kế hoạch đã ban hành nhưng bản scan đang chờ ký số").unwrap();
    let evidence = ward
        .app
        .add_evidence(
            EvidenceInput {
                kind: "KH".into(),
                number: "25/KH-UBND".into(),
                date: NaiveDate::from_ymd_opt(2025, 12, 21),
                issuer: "UBND phường".into(),
                title: "Kế hoạch cải cách hành chính năm 2026".into(),
            },
            Some(Source::Bytes { name: "ke-hoach-2026.pdf", bytes: EVIDENCE_PDF }),
        )
        .unwrap();
    ward.app.link_evidence(2026, "1.1", evidence.id).unwrap();
    ward
}

fn entry<'a>(entries: &'a [(String, Vec<u8>)], name: &str) -> Option<&'a Vec<u8>> {
    entries.iter().find(|(n, _)| n == name).map(|(_, b)| b)
}

#[test]
fn the_year_file_carries_the_assessment_its_evidence_and_the_issued_report_and_the_superior_ranks_the_units() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("usb");
    // Two units tie below the first: ranks 1, 2, 2.
    let mut a = assessed_ward("31190", "Phường Trần Phú", "1.1=1 1.2=3 1.3=2 2.1=3");
    let mut b = assessed_ward("31200", "Xã An Hưng", "1.1=1 1.2=1,5");
    let mut c = assessed_ward("30280", "Phường Hải Dương", "1.1=1 1.2=1,5");
    let issued = a.app.issue_report(ReportKind::Periodic, year(), NaiveDate::from_ymd_opt(2026, 11, 20), Some(1));
    assert_eq!(issued.unwrap().input.number_text(), "01/BC-UBND");
    for (ward, name) in [(&mut a, "a"), (&mut b, "b"), (&mut c, "c")] {
        ward.app.export_package(year(), &out.join(format!("{name}.cchc")), None).unwrap();
    }
    let bytes = std::fs::read(out.join("a.cchc")).unwrap();
    let entries = entries_of(&bytes);
    let sha = sha256(EVIDENCE_PDF);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    let evidence_entry = format!("evidence/{sha}");
    assert_eq!(names, ["manifest.json", "data.json", "reports/periodic.pdf", evidence_entry.as_str()]);
    assert_eq!(entry(&entries, &evidence_entry).unwrap(), EVIDENCE_PDF, "the evidence file byte for byte");
    let manifest: serde_json::Value = serde_json::from_slice(entry(&entries, "manifest.json").unwrap()).unwrap();
    assert_eq!(manifest["criteria"], serde_json::json!({ "urn": "urn:cchc:criteria:mau-cap-xa", "version": "1" }));
    let data: serde_json::Value = serde_json::from_slice(entry(&entries, "data.json").unwrap()).unwrap();
    let assessment = &data["assessment"];
    assert_eq!(assessment["criteria"]["urn"], "urn:cchc:criteria:mau-cap-xa");
    assert_eq!(assessment["stage"], "draft");
    assert!(assessment["set"]["areas"].is_array(), "the set travels with the scores");
    let e12 = assessment["entries"].as_array().unwrap().iter().find(|e| e["code"] == "1.2").unwrap();
    assert_eq!(e12["explanation"], "Kế hoạch đã ban hành nhưng bản scan đang chờ ký số");
    assert_eq!(e12["self_points"], 3);
    assert_eq!(assessment["evidence"][0]["number"], "25/KH-UBND");
    assert_eq!(assessment["evidence"][0]["file"]["sha256"], sha);
    assert_eq!(assessment["evidence"][0]["file"]["original_name"], "ke-hoach-2026.pdf");
    assert_eq!(assessment["evidence"][0]["file"]["size"], EVIDENCE_PDF.len());
    // A quarter's file carries neither the assessment nor reports not issued.
    let quarter = dir.path().join("q3.cchc");
    a.app.export_package(period(), &quarter, None).unwrap();
    let names: Vec<String> = entries_of(&std::fs::read(&quarter).unwrap()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["manifest.json", "data.json"]);

    let mut sup = superior(dir.path());
    let report = import(&mut sup, std::slice::from_ref(&out), false);
    assert_eq!(classes(&report), [FileClass::New; 3], "{:?}", report.files);
    let rollup = sup.rollup(year()).unwrap();
    let line = |code: &str| rollup.units.iter().find(|u| u.code == code).unwrap().assessment.clone().unwrap();
    for (code, ward) in [("31190", &a), ("31200", &b), ("30280", &c)] {
        let own = ward.app.assessment(2026).unwrap();
        let own = own.totals.iter().find(|t| t.column == Column::SelfScore).unwrap();
        let got = line(code);
        assert_eq!((got.score, got.percent, got.class.as_deref()), (own.total, own.percent, own.class.as_deref()));
        assert_eq!(got.column, Column::SelfScore, "no appraisal yet");
    }
    assert_eq!([line("31190").rank, line("31200").rank, line("30280").rank], [1, 2, 2]);
    // The roll-up's chart lists the units in rank order, each with its share of the scale drawn beside it.
    let figure = sup.chart(ChartRequest::RollupUnits { period: year() }, 150.0).unwrap().expect("a ranking chart");
    let first = &figure.chart.labels[0];
    assert!(first.starts_with("1. "), "the best unit first: {:?}", figure.chart.labels);
    assert_eq!(figure.chart.labels.len(), 3);
    let best = line("31190").percent.unwrap().as_f64();
    assert_eq!(figure.chart.series[0].values[0], Some(best));
    let drawn = cchc::api::printed::read(&figure.page);
    assert!(drawn.contains(&crate::charts::shown(best)), "{drawn}");

    // The roll-up workbook and the command line show the same columns.
    let xlsx = dir.path().join("tong-hop-nam.xlsx");
    sup.export_rollup(year(), &xlsx).unwrap();
    let sheet = crate::fixtures::read_sheet(&xlsx);
    let at = |header: &str| sheet.headers.iter().position(|h| h == header).unwrap();
    let row = sheet.rows.iter().find(|r| r[0] == "31190").unwrap();
    assert_eq!(row[at("Xếp hạng")], "1");
    assert_eq!(row[at("Xếp loại")], line("31190").class.unwrap());
    let shown = text(&cchc(sup.register_path(), &["rollup", "--period", YEAR]));
    assert!(shown.contains("Xếp hạng") && shown.contains(&line("31190").score.vn()), "{shown}");

    // The superior saves the issued report from the received file: its number is printed in it.
    let id = rollup.units.iter().find(|u| u.code == "31190").unwrap().report_id.clone().unwrap();
    let listed: Vec<String> = sup.received_entries(&id).unwrap().into_iter().map(|e| e.path).collect();
    assert_eq!(listed, ["data.json", "reports/periodic.pdf", evidence_entry.as_str()]);
    assert_eq!(sup.received_entry(&id, &evidence_entry).unwrap(), EVIDENCE_PDF);
    let pdf = dir.path().join("bao-cao-nam.pdf");
    sup.save_received_entry(&id, "reports/periodic.pdf", &pdf).unwrap();
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("01/BC-UBND"));
    let out = cchc(sup.register_path(), &["package", "files", &id]);
    assert!(text_of(&out).contains("reports/periodic.pdf"), "{}", text_of(&out));
    let saved = dir.path().join("kiem-chung.pdf");
    let out = cchc(
        sup.register_path(),
        &["package", "files", &id, "--save", &evidence_entry, "--out", saved.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text_of(&out));
    assert_eq!(std::fs::read(&saved).unwrap(), EVIDENCE_PDF);
    let missing = sup.received_entry(&id, "reports/stats.pdf").unwrap_err();
    assert_eq!(missing.code(), ErrorCode::NotFound);
}

#[test]
fn the_same_year_file_is_reused_until_a_report_is_issued_then_the_pdf_makes_a_revision() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = assessed_ward("31190", "Phường Trần Phú", "1.1=1");
    let first = ward.app.export_package(year(), &dir.path().join("r1.cchc"), None).unwrap();
    let again = ward.app.export_package(year(), &dir.path().join("r1-again.cchc"), None).unwrap();
    assert!(again.reused);
    assert_eq!(
        std::fs::read(dir.path().join("r1.cchc")).unwrap(),
        std::fs::read(dir.path().join("r1-again.cchc")).unwrap()
    );
    // Issuing the Biểu 06 changes no data but adds its PDF: a new revision.
    ward.app.issue_report(ReportKind::Stats, year(), NaiveDate::from_ymd_opt(2026, 11, 20), Some(2)).unwrap();
    let second = ward.app.export_package(year(), &dir.path().join("r2.cchc"), None).unwrap();
    assert!(!second.reused);
    assert_eq!(second.sent.supersedes.as_deref(), Some(first.sent.report_id.as_str()));
    let names: Vec<String> =
        entries_of(&std::fs::read(dir.path().join("r2.cchc")).unwrap()).into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"reports/stats.pdf".to_string()), "{names:?}");
    let third = ward.app.export_package(year(), &dir.path().join("r3.cchc"), None).unwrap();
    assert!(third.reused, "and then it is frozen again");
    // The self-assessment report, once issued, joins the year's file as the very copy kept when it was issued.
    ward.app.issue_report(ReportKind::Assessment, year(), NaiveDate::from_ymd_opt(2026, 11, 21), Some(3)).unwrap();
    let fourth = ward.app.export_package(year(), &dir.path().join("r4.cchc"), None).unwrap();
    assert!(!fourth.reused);
    let entries = entries_of(&std::fs::read(dir.path().join("r4.cchc")).unwrap());
    let inside = entry(&entries, "reports/assessment.pdf").expect("the issued self-assessment report");
    assert_eq!(inside, &ward.app.report_pdf(ReportKind::Assessment, year()).unwrap());
    assert_eq!(entry(&entries, "reports/stats.pdf").unwrap(), &ward.app.report_pdf(ReportKind::Stats, year()).unwrap());
    // Its scores change afterwards: the data makes a new revision, the PDF inside stays the one issued.
    ward.app.score_leaf(2026, "1.2", cchc::model::Points::whole(3), None, None).unwrap();
    ward.app.export_package(year(), &dir.path().join("r5.cchc"), None).unwrap();
    let entries = entries_of(&std::fs::read(dir.path().join("r5.cchc")).unwrap());
    assert_eq!(entry(&entries, "reports/assessment.pdf").unwrap(), inside);
}

/// A valid file rebuilt after `edit` changes its manifest, data and other entries; the data's hash and size in the
/// manifest are recomputed (a sender who knows the format, not a damaged file).
fn rebuilt(
    valid: &[u8],
    edit: impl Fn(&mut serde_json::Value, &mut serde_json::Value, &mut Vec<(String, Vec<u8>)>),
) -> Vec<u8> {
    let entries = entries_of(valid);
    let mut others: Vec<(String, Vec<u8>)> =
        entries.iter().filter(|(n, _)| n != "manifest.json" && n != "data.json").cloned().collect();
    let get = |name: &str| -> serde_json::Value { serde_json::from_slice(entry(&entries, name).unwrap()).unwrap() };
    let (mut manifest, mut data) = (get("manifest.json"), get("data.json"));
    edit(&mut manifest, &mut data, &mut others);
    let data_bytes = serde_json::to_vec_pretty(&data).unwrap();
    for record in manifest["entries"].as_array_mut().unwrap() {
        if record["path"] == "data.json" {
            record["sha256"] = sha256(&data_bytes).into();
            record["size"] = data_bytes.len().into();
        }
    }
    let mut all = vec![("manifest.json".to_string(), serde_json::to_vec_pretty(&manifest).unwrap())];
    all.push(("data.json".to_string(), data_bytes));
    all.extend(others);
    let refs: Vec<(&str, Vec<u8>)> = all.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    zip_of(&refs)
}

fn leaf_entry<'a>(data: &'a mut serde_json::Value, code: &str) -> &'a mut serde_json::Value {
    data["assessment"]["entries"].as_array_mut().unwrap().iter_mut().find(|e| e["code"] == code).unwrap()
}

#[test]
fn a_tampered_assessment_is_refused_with_its_code_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = assessed_ward("31190", "Phường Trần Phú", "1.1=1 1.2=3");
    let valid_path = dir.path().join("valid.cchc");
    ward.app.export_package(year(), &valid_path, None).unwrap();
    let valid = std::fs::read(&valid_path).unwrap();
    let drop_evidence = |m: &mut serde_json::Value, others: &mut Vec<(String, Vec<u8>)>| {
        others.retain(|(n, _)| !n.starts_with("evidence/"));
        m["entries"].as_array_mut().unwrap().retain(|r| !r["path"].as_str().unwrap().starts_with("evidence/"));
    };
    let cases: Vec<(&str, Vec<u8>, FindingCode)> = vec![
        (
            "points-above-max",
            rebuilt(&valid, |_, d, _| leaf_entry(d, "1.1")["self_points"] = 5.into()),
            FindingCode::PointsNotAllowed,
        ),
        (
            "points-off-the-rule",
            rebuilt(&valid, |_, d, _| leaf_entry(d, "1.2")["round1"] = 2.5.into()),
            FindingCode::PointsNotAllowed,
        ),
        (
            "unknown-code",
            rebuilt(&valid, |_, d, _| leaf_entry(d, "1.3")["code"] = "99.9".into()),
            FindingCode::UnknownCriterion,
        ),
        (
            "evidence-entry-missing",
            rebuilt(&valid, |m, _, others| drop_evidence(m, others)),
            FindingCode::PackageEntryMissing,
        ),
        (
            "evidence-not-its-hash",
            rebuilt(&valid, |m, _, others| {
                let other = b"%PDF-1.4 another file".to_vec();
                for record in m["entries"].as_array_mut().unwrap() {
                    if record["path"].as_str().unwrap().starts_with("evidence/") {
                        record["sha256"] = sha256(&other).into();
                        record["size"] = other.len().into();
                    }
                }
                others.iter_mut().filter(|(n, _)| n.starts_with("evidence/")).for_each(|(_, b)| *b = other.clone());
            }),
            FindingCode::PackageHashMismatch,
        ),
        (
            "evidence-not-in-the-data",
            rebuilt(&valid, |_, d, _| {
                d["assessment"]["evidence"][0]["file"] = serde_json::Value::Null;
            }),
            FindingCode::PackageUnknownEntry,
        ),
        (
            "linked-evidence-unknown",
            rebuilt(&valid, |_, d, _| leaf_entry(d, "1.1")["evidence"] = serde_json::json!([77])),
            FindingCode::PackageDataMismatch,
        ),
        (
            "totals-inflated",
            rebuilt(&valid, |_, d, _| d["assessment"]["totals"][0]["total"] = 99.into()),
            FindingCode::PackageDataMismatch,
        ),
        (
            "manifest-names-no-criteria",
            rebuilt(&valid, |m, _, _| m["criteria"] = serde_json::Value::Null),
            FindingCode::PackageDataMismatch,
        ),
        (
            "set-broken",
            rebuilt(&valid, |_, d, _| d["assessment"]["set"]["areas"][0]["children"][0]["max"] = 50.into()),
            FindingCode::CriteriaSumMismatch,
        ),
        (
            "set-not-a-set",
            rebuilt(&valid, |_, d, _| d["assessment"]["set"] = "bộ chỉ số".into()),
            FindingCode::PackageDataUnreadable,
        ),
    ];
    let folder = dir.path().join("tampered");
    std::fs::create_dir(&folder).unwrap();
    for (name, bytes, _) in &cases {
        std::fs::write(folder.join(format!("{name}.cchc")), bytes).unwrap();
    }
    let mut sup = superior(dir.path());
    let before = superior_state(&sup);
    let report = import(&mut sup, std::slice::from_ref(&folder), false);
    for (name, _, code) in &cases {
        let file = report.files.iter().find(|f| f.file.ends_with(format!("{name}.cchc"))).unwrap();
        assert_eq!(file.class, FileClass::Refused, "{name}: {:?}", file.findings);
        assert!(file.findings.iter().any(|f| f.code == *code && f.is_error()), "{name}: {:?}", file.findings);
    }
    assert_eq!(report.written, 0);
    assert_eq!(superior_state(&sup), before, "refused files write nothing to the register");
    let ok = import(&mut sup, std::slice::from_ref(&valid_path), false);
    assert_eq!(classes(&ok), [FileClass::New], "{:?}", ok.files);
}

#[test]
fn the_roll_up_scores_an_appraised_assessment_by_its_latest_round() {
    let dir = tempfile::tempdir().unwrap();
    let mut ward = assessed_ward("31190", "Phường Trần Phú", "");
    let set = ward.app.assessment(2026).unwrap().set;
    let evidence = ward.app.evidence_list().unwrap()[0].id;
    for leaf in set.leaves() {
        // The survey is the province's: its result comes with the appraisal.
        if matches!(leaf.rule, cchc::model::Rule::Bonus | cchc::model::Rule::Penalty | cchc::model::Rule::SurveyOnly) {
            continue;
        }
        ward.app.score_leaf(2026, &leaf.node.code, leaf.node.max, None, None).unwrap();
        ward.app.link_evidence(2026, &leaf.node.code, evidence).unwrap();
    }
    ward.app.lock_self_assessment(2026, "Nguyễn Văn Hùng", NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()).unwrap();
    ward.app.advance_assessment(2026).unwrap();
    ward.app.appraise_leaf(2026, "1.2", Points::parse("1,5").unwrap(), Some("Thiếu kế hoạch kiểm tra")).unwrap();
    let file = dir.path().join("nam.cchc");
    ward.app.export_package(year(), &file, None).unwrap();
    let own = ward.app.assessment(2026).unwrap();
    let column = |c: Column| own.totals.iter().find(|t| t.column == c).unwrap().clone();
    assert!(column(Column::Round1).total < column(Column::SelfScore).total);

    let mut sup = superior(dir.path());
    assert_eq!(classes(&import(&mut sup, &[file], false)), [FileClass::New]);
    let rollup = sup.rollup(year()).unwrap();
    let got = rollup.units.iter().find(|u| u.code == "31190").unwrap().assessment.clone().unwrap();
    assert_eq!(got.column, Column::Round1, "round 1 is the latest round with points");
    assert_eq!(
        (got.score, got.percent, got.class),
        (column(Column::Round1).total, column(Column::Round1).percent, column(Column::Round1).class)
    );
    assert_eq!(got.stage, cchc::model::Stage::Appraisal1);
    assert_eq!(got.rank, 1);
}

#[test]
fn a_folder_of_report_files_is_read_for_the_new_extension_and_the_old_one_and_nothing_else() {
    // Report files are `.cchcbc` now; those an older version named `.cchc` still import. A register in the same
    // folder is not a report file: the folder's walk leaves every other name alone.
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("hop-thu");
    std::fs::create_dir_all(&inbox).unwrap();
    let mut ward = small_ward();
    let mut unit = ward.app.unit().unwrap();
    unit.code = "31190".into();
    ward.app.set_unit(unit).unwrap();
    ward.app.export_package(period(), &inbox.join("bao-cao-31190.cchcbc"), None).unwrap();
    let mut other = small_ward();
    let mut unit = other.app.unit().unwrap();
    unit.code = "31200".into();
    unit.name = "Ủy ban nhân dân xã An Hưng".into();
    other.app.set_unit(unit).unwrap();
    other.app.export_package(period(), &inbox.join("ban-cu-31200.cchc"), None).unwrap();
    std::fs::write(inbox.join("ghi-chu.txt"), "không phải tệp báo cáo").unwrap();
    std::fs::write(inbox.join("bao-cao.cchcsl"), "một bản sao lưu, không phải tệp báo cáo").unwrap();

    let mut sup = superior(&dir.path().join("so-nv"));
    let report = import(&mut sup, &[inbox.clone()], false);
    // Outcomes come in the order the import applies them (by report), so compare the names as a set.
    let mut names: Vec<String> =
        report.files.iter().map(|f| f.file.file_name().unwrap().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["ban-cu-31200.cchc", "bao-cao-31190.cchcbc"], "{:?}", report.files);
    assert_eq!(classes(&report), [FileClass::New; 2]);
    let rollup = sup.rollup(period()).unwrap();
    for code in ["31190", "31200"] {
        let unit = rollup.units.iter().find(|u| u.code == code).unwrap();
        assert_ne!(unit.status, UnitReportStatus::Missing, "{code} was imported");
    }
}
