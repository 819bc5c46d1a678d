//! Working away from the office (issue 19): work copies taken for named people, their changes sent back as files
//! and merged into the office register with every conflict shown — as two officials working from home during a
//! lockdown would, through `App` on real registers; and random sequences of edits on three computers merged in
//! different orders against a model of the three-way rule.

use crate::fixtures::clock;
use cchc::api::no_progress;
use cchc::model::{
    CaseFigures, ChangeAction, Choice, ConflictKind, FindingCode, MergeChoices, PeriodKey, PeriodKind, PersonInput,
    ReportKind, StatsRow,
};
use cchc::{App, Assets, ErrorCode};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The demo ward's register as the office's, in its own folder.
fn office(dir: &Path) -> App {
    App::create_demo(&dir.join("office"), Assets::bundled(), clock(), &no_progress).unwrap().0
}

/// A work copy for `person` taken at the office and opened on "another computer" (its own folder).
fn copy_for(office: &mut App, dir: &Path, person: &str) -> App {
    let file = dir.join(format!("ban-lam-viec-{person}.cchclv"));
    office.take_work_copy(&file, person, None, &no_progress).unwrap();
    App::open_work_copy(&file, &dir.join(person).join("register.cchc"), Assets::bundled(), clock()).unwrap()
}

fn send(copy: &mut App, dir: &Path, name: &str) -> PathBuf {
    let file = dir.join(name);
    copy.send_changes(&file).unwrap();
    file
}

fn person_named(app: &App, name: &str) -> cchc::model::Person {
    app.people().unwrap().into_iter().find(|p| p.input.name == name).unwrap_or_else(|| panic!("no {name}"))
}

fn new_person(name: &str) -> PersonInput {
    PersonInput {
        name: name.into(),
        position: "Công chức Văn phòng - Thống kê".into(),
        rank: "Chuyên viên".into(),
        category: "cong_chuc".into(),
        ..Default::default()
    }
}

fn figures(n: i64) -> CaseFigures {
    CaseFigures { received_total: n, received_online: n, resolved_total: n, resolved_on_time: n, ..Default::default() }
}

fn codes(err: &cchc::Error) -> Vec<FindingCode> {
    err.findings().iter().map(|f| f.code).collect()
}

/// What an official could notice of the office register: every record a merge can touch, and the log's length.
fn noticeable(app: &App) -> String {
    let people = serde_json::to_string(&app.people().unwrap()).unwrap();
    let procedures = serde_json::to_string(&app.procedures(&Default::default()).unwrap()).unwrap();
    let tasks = serde_json::to_string(&app.tasks(None).unwrap()).unwrap();
    format!("{people}\n{procedures}\n{tasks}\nlog={}", app.change_log(1_000_000).unwrap().len())
}

#[test]
fn two_officials_work_at_home_and_the_office_register_then_holds_both_peoples_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut office = office(dir.path());
    office.new_assessment(2026, None).unwrap();
    let leaf = office.assessment(2026).unwrap().set.leaves()[0].node.code.clone();
    let mut mai = copy_for(&mut office, dir.path(), "Trần Thị Mai");
    let mut hung = copy_for(&mut office, dir.path(), "Lê Văn Hùng");

    // Each copy says whose it is and when it was taken; printed drafts say so too, and it cannot issue or send.
    let info = mai.work_copy().unwrap().unwrap();
    assert_eq!((info.person.as_str(), info.sent), ("Trần Thị Mai", 0));
    assert_eq!(mai.actor(), "Trần Thị Mai", "the copy's change log names its holder");
    assert!(office.work_copy().unwrap().is_none());
    let period = PeriodKey::new(2026, PeriodKind::H1);
    // Every page of a draft says so at its foot.
    let pages = mai.report_pages(ReportKind::Periodic, period).unwrap();
    assert!(pages.len() > 3);
    for page in &pages {
        let text = cchc::api::printed::read(page);
        let mark = "Bản làm việc của Trần Thị Mai, lấy ngày 23/11/2026 – không phải bản chính thức";
        assert_eq!(text.lines().last(), Some(mark), "{text}");
    }
    let office_text = cchc::api::printed::read(&office.report_pages(ReportKind::Periodic, period).unwrap()[0]);
    assert!(!office_text.contains("Bản làm việc"));
    let refused = mai.issue_report(ReportKind::Periodic, period, None, None).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::WorkCopyCannot);
    let refused = mai.export_package(period, &dir.path().join("bc.cchcbc"), None).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::WorkCopyCannot);
    assert_eq!(office.send_changes(&dir.path().join("x.cchctd")).unwrap_err().code(), ErrorCode::NotAWorkCopy);

    // Mai enters Biểu 06 figures and adds a new official; Hùng updates a person and the plan.
    let field = office.procedures(&Default::default()).unwrap()[0].input.field.clone();
    let row = StatsRow { period, field: field.clone(), procedure: None, figures: figures(42) };
    mai.set_stats(row).unwrap();
    mai.add_person(new_person("Phạm Thu Hà")).unwrap();
    // …and files a piece of evidence with its scan for the year's self-assessment, with an explanation.
    let scan = b"%PDF-1.4 ke hoach cai cach hanh chinh 2026".to_vec();
    let input = cchc::model::EvidenceInput {
        kind: "KH".into(),
        number: "12/KH-UBND".into(),
        date: None,
        issuer: "UBND phường".into(),
        title: "Kế hoạch CCHC năm 2026".into(),
    };
    let evidence = mai.add_evidence(input, Some(cchc::api::Source::Bytes { name: "KH 12.pdf", bytes: &scan })).unwrap();
    mai.link_evidence(2026, &leaf, evidence.id).unwrap();
    mai.explain_leaf(2026, &leaf, "Đã ban hành kế hoạch đúng hạn").unwrap();
    let someone = hung.people().unwrap()[0].clone();
    let mut edited = someone.input.clone();
    edited.rank = "Chuyên viên chính".into();
    edited.note = "Hùng sửa ở nhà".into();
    hung.edit_person(someone.id, edited).unwrap();
    let task = hung.tasks(None).unwrap()[0].clone();
    let mut task_input = task.input.clone();
    task_input.owner = "Văn phòng - Thống kê (Hùng)".into();
    hung.edit_task(task.id, task_input).unwrap();
    // Meanwhile at the office the same person's note is changed differently: a conflict.
    let mut at_office = someone.input.clone();
    at_office.note = "Văn phòng ghi".into();
    office.edit_person(someone.id, at_office).unwrap();

    // Nothing unchanged travels: Mai's file holds her two records only.
    let pending = mai.pending_changes().unwrap();
    let kinds: BTreeSet<(&str, ChangeAction)> = pending.iter().map(|c| (c.table.as_str(), c.action())).collect();
    let expected = [
        ("assessment_score", ChangeAction::Added),
        ("case_stats", ChangeAction::Edited),
        ("evidence", ChangeAction::Added),
        ("evidence_link", ChangeAction::Added),
        ("person", ChangeAction::Added),
    ];
    assert_eq!(kinds, BTreeSet::from(expected), "{pending:#?}");
    assert!(pending.iter().all(|c| c.who == "Trần Thị Mai" && c.when.starts_with("2026-11-23T09:30")), "{pending:#?}");
    let mai_file = send(&mut mai, dir.path(), "mai-1.cchctd");
    let hung_file = send(&mut hung, dir.path(), "hung-1.cchctd");
    assert_eq!(mai.work_copy().unwrap().unwrap().sent, 1);

    // Mai's merges with no question.
    let preview = office.merge_preview(&mai_file).unwrap();
    assert_eq!((preview.person.as_str(), preview.sequence, preview.conflicts.len()), ("Trần Thị Mai", 1, 0));
    assert_eq!((preview.items.len(), preview.evidence_files), (5, 1));
    let before = noticeable(&office);
    let report = office.merge_changes(&mai_file, &MergeChoices::default(), &no_progress).unwrap();
    assert_eq!((report.applied, report.conflicts), (5, 0));
    assert!(report.backup.as_ref().is_some_and(|b| b.exists()), "a backup is made before the merge");
    assert_ne!(noticeable(&office), before);
    assert_eq!(person_named(&office, "Phạm Thu Hà").input.rank, "Chuyên viên");
    let stats = office.stats(period).unwrap();
    assert!(stats.rows.iter().any(|r| r.field == field && r.figures.received_total == 42));
    let view = office.assessment(2026).unwrap();
    let entry = view.entries.iter().find(|e| e.code == leaf).unwrap();
    assert_eq!(entry.explanation, "Đã ban hành kế hoạch đúng hạn");
    let filed = view.evidence.iter().find(|e| e.input.title == "Kế hoạch CCHC năm 2026").unwrap();
    assert_eq!(entry.evidence, [filed.id]);
    let scan_path = office.evidence_file(filed.id).unwrap().unwrap();
    assert_eq!(std::fs::read(scan_path).unwrap(), scan, "the scan arrives with its record");

    // Hùng's: the note is a conflict with both values side by side; the rank and the task owner are taken.
    let preview = office.merge_preview(&hung_file).unwrap();
    assert_eq!(preview.conflicts.len(), 1, "{:?}", preview.conflicts);
    let conflict = &preview.conflicts[0];
    assert_eq!(conflict.kind, ConflictKind::BothEdited);
    assert_eq!(conflict.field.as_deref(), Some("note"));
    assert_eq!((conflict.office.as_str(), conflict.copy.as_str()), (Some("Văn phòng ghi"), Some("Hùng sửa ở nhà")));
    let taken: BTreeSet<String> = preview.items.iter().flat_map(|i| i.fields.iter().map(|f| f.field.clone())).collect();
    assert_eq!(taken, BTreeSet::from(["owner".to_string(), "rank".to_string()]));
    // Unchosen conflicts are refused, coded, and change nothing.
    let before = noticeable(&office);
    let err = office.merge_changes(&hung_file, &MergeChoices::default(), &no_progress).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::ConflictNotChosen]);
    assert_eq!(noticeable(&office), before);
    // The person chooses the copy's note.
    let choices =
        MergeChoices { choices: BTreeMap::from([(conflict.id.clone(), Choice::Copy)]), keep_office_for_rest: false };
    let report = office.merge_changes(&hung_file, &choices, &no_progress).unwrap();
    assert_eq!((report.applied, report.conflicts, report.taken_from_copy), (2, 1, 1));
    let merged = office.people().unwrap().into_iter().find(|p| p.id == someone.id).unwrap();
    assert_eq!((merged.input.rank.as_str(), merged.input.note.as_str()), ("Chuyên viên chính", "Hùng sửa ở nhà"));
    assert_eq!(office.tasks(None).unwrap()[0].input.owner, "Văn phòng - Thống kê (Hùng)");
    // The log says where each change came from.
    let log = office.change_log(5).unwrap();
    let origin = log.iter().find(|e| e.entity == "person").and_then(|e| e.origin.clone()).unwrap();
    assert_eq!((origin.person.as_str(), origin.sequence), ("Lê Văn Hùng", 1));

    // Importing the same file again changes nothing.
    let before = noticeable(&office);
    let again = office.merge_changes(&hung_file, &MergeChoices::keep_office(), &no_progress).unwrap();
    assert!(again.already_merged);
    assert!(office.merge_preview(&hung_file).unwrap().already_merged);
    assert_eq!(noticeable(&office), before);

    // The result opens and passes the register's checks.
    let path = office.register_path().to_path_buf();
    drop(office);
    let facts = App::check_file(&path).unwrap();
    assert!(facts.counts["person"] > 0);
}

#[test]
fn a_later_changes_file_carries_on_from_the_one_before_and_one_skipped_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut office = office(dir.path());
    let mut mai = copy_for(&mut office, dir.path(), "Trần Thị Mai");
    assert_eq!(codes(&mai.send_changes(&dir.path().join("none.cchctd")).unwrap_err()), [FindingCode::NothingToSend]);
    mai.add_person(new_person("Người Thứ Nhất")).unwrap();
    let first = send(&mut mai, dir.path(), "1.cchctd");
    mai.add_person(new_person("Người Thứ Hai")).unwrap();
    let second = send(&mut mai, dir.path(), "2.cchctd");
    // The second file holds only what came after the first.
    let before = noticeable(&office);
    let err = office.merge_preview(&second).unwrap_err();
    assert_eq!((err.code(), codes(&err)), (ErrorCode::FileRefused, vec![FindingCode::ChangesSkipped]));
    let err = office.merge_changes(&second, &MergeChoices::keep_office(), &no_progress).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::ChangesSkipped]);
    assert_eq!(noticeable(&office), before);
    office.merge_changes(&first, &MergeChoices::keep_office(), &no_progress).unwrap();
    let preview = office.merge_preview(&second).unwrap();
    assert_eq!((preview.sequence, preview.items.len()), (2, 1));
    assert_eq!(preview.items[0].label, "Người Thứ Hai — Công chức Văn phòng - Thống kê");
    office.merge_changes(&second, &MergeChoices::keep_office(), &no_progress).unwrap();
    let names: Vec<String> = office.people().unwrap().into_iter().map(|p| p.input.name).collect();
    assert_eq!(names.iter().filter(|n| n.starts_with("Người Thứ")).count(), 2);
}

#[test]
fn deleted_at_the_office_but_edited_at_home_is_a_conflict_not_a_silent_loss() {
    let dir = tempfile::tempdir().unwrap();
    let mut office = office(dir.path());
    office.add_procedure(crate::fixtures::procedure("1.999001", "Thủ tục thử nghiệm", "Hộ tịch")).unwrap();
    let mut mai = copy_for(&mut office, dir.path(), "Trần Thị Mai");
    let mut input = mai.procedure("1.999001").unwrap().input;
    input.name = "Thủ tục thử nghiệm (đã sửa ở nhà)".into();
    mai.edit_procedure("1.999001", input).unwrap();
    office.delete_procedure("1.999001").unwrap();
    let file = send(&mut mai, dir.path(), "1.cchctd");
    let preview = office.merge_preview(&file).unwrap();
    assert_eq!(preview.conflicts.len(), 1);
    assert_eq!(preview.conflicts[0].kind, ConflictKind::DeletedHere);
    assert_eq!(preview.conflicts[0].label, "1.999001 — Thủ tục thử nghiệm (đã sửa ở nhà)");
    // Taking the copy's brings the procedure back with the edit; the search finds it by its new name.
    let choices = MergeChoices {
        choices: BTreeMap::from([(preview.conflicts[0].id.clone(), Choice::Copy)]),
        keep_office_for_rest: false,
    };
    office.merge_changes(&file, &choices, &no_progress).unwrap();
    assert_eq!(office.procedure("1.999001").unwrap().input.name, "Thủ tục thử nghiệm (đã sửa ở nhà)");
    let query = cchc::model::ProcedureQuery { search: Some("da sua o nha".into()), ..Default::default() };
    assert_eq!(office.procedures(&query).unwrap().len(), 1);
}

#[test]
fn changes_files_from_elsewhere_or_tampered_are_refused_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut office = office(dir.path());
    let mut mai = copy_for(&mut office, dir.path(), "Trần Thị Mai");
    mai.add_person(new_person("Phạm Thu Hà")).unwrap();
    let file = send(&mut mai, dir.path(), "1.cchctd");
    let before = noticeable(&office);
    let refused = |office: &mut App, path: &Path| {
        let preview = office.merge_preview(path).unwrap_err();
        let merge = office.merge_changes(path, &MergeChoices::keep_office(), &no_progress).unwrap_err();
        assert_eq!(codes(&preview), codes(&merge));
        assert_eq!(merge.code(), ErrorCode::FileRefused);
        codes(&merge)
    };

    // Another register of the same unit (a second demo): its work copy's changes do not belong here.
    let other_dir = dir.path().join("other");
    let mut other = App::create_demo(&other_dir, Assets::bundled(), clock(), &no_progress).unwrap().0;
    let mut stranger = copy_for(&mut other, &other_dir, "Người Lạ");
    stranger.add_person(new_person("Người Lạ Thêm")).unwrap();
    let foreign = send(&mut stranger, dir.path(), "foreign.cchctd");
    assert_eq!(refused(&mut office, &foreign), [FindingCode::ChangesOtherRegister]);
    // Another unit's.
    let mut profile = other.unit().unwrap();
    profile.code = "99999".into();
    other.set_unit(profile).unwrap();
    let mut other_unit = copy_for(&mut other, &other_dir, "Đơn Vị Khác");
    other_unit.add_person(new_person("Người Đơn Vị Khác")).unwrap();
    let other_unit_file = send(&mut other_unit, dir.path(), "unit.cchctd");
    assert_eq!(refused(&mut office, &other_unit_file), [FindingCode::ChangesOtherUnit]);

    // Tampered: a name changed inside changes.json with the manifest left as it was.
    let bytes = std::fs::read(&file).unwrap();
    let tampered = rezip(&bytes, |name, content| {
        if name == "changes.json" {
            String::from_utf8(content).unwrap().replace("Phạm Thu Hà", "Phẩm Thu Hà").into_bytes()
        } else {
            content
        }
    });
    let path = dir.path().join("tampered.cchctd");
    std::fs::write(&path, tampered).unwrap();
    assert_eq!(refused(&mut office, &path), [FindingCode::PackageHashMismatch]);
    // A newer format this program does not know.
    let newer = rezip(&bytes, |name, content| {
        if name == "manifest.json" {
            String::from_utf8(content).unwrap().replace("\"format_version\": 1", "\"format_version\": 7").into_bytes()
        } else {
            content
        }
    });
    let path = dir.path().join("newer.cchctd");
    std::fs::write(&path, newer).unwrap();
    assert_eq!(refused(&mut office, &path), [FindingCode::PackageFormatTooNew]);
    // Not a zip at all; a work copy given where a changes file is expected.
    let path = dir.path().join("junk.cchctd");
    std::fs::write(&path, b"PK\x03\x04 not really").unwrap();
    assert_eq!(refused(&mut office, &path), [FindingCode::PackageNotZip]);
    let work_copy = dir.path().join("ban-lam-viec-Trần Thị Mai.cchclv");
    assert_eq!(refused(&mut office, &work_copy), [FindingCode::PackageUnknownEntry]);
    // A work copy cannot merge; the office's file still merges afterwards.
    assert_eq!(mai.merge_preview(&file).unwrap_err().code(), ErrorCode::WorkCopyCannot);
    assert_eq!(noticeable(&office), before);
    office.merge_changes(&file, &MergeChoices::keep_office(), &no_progress).unwrap();
    assert_eq!(person_named(&office, "Phạm Thu Hà").input.category, "cong_chuc");
}

#[test]
fn a_damaged_work_copy_is_refused_and_leaves_no_register_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut office = office(dir.path());
    let scan = cchc::api::Source::Bytes { name: "scan.pdf", bytes: b"%PDF-1.4 scan" };
    let input = cchc::model::EvidenceInput {
        kind: "QĐ".into(),
        number: "5/QĐ-UBND".into(),
        date: None,
        issuer: "UBND phường".into(),
        title: "Quyết định công bố".into(),
    };
    let first = office.add_evidence(input.clone(), Some(scan)).unwrap();
    let other = cchc::api::Source::Bytes { name: "other.pdf", bytes: b"%PDF-1.4 another scan" };
    let second =
        office.add_evidence(cchc::model::EvidenceInput { title: "Kế hoạch".into(), ..input }, Some(other)).unwrap();
    // The person chooses which documents' files travel: only the second's is in the copy.
    let chosen = dir.path().join("chosen.cchclv");
    let taken = office.take_work_copy(&chosen, "Trần Thị Mai", Some(&[second.id]), &no_progress).unwrap();
    assert_eq!(taken.evidence_files, 1);
    let chosen_home = dir.path().join("chosen-home").join("register.cchc");
    let home = App::open_work_copy(&chosen, &chosen_home, Assets::bundled(), clock()).unwrap();
    assert!(home.evidence_file(second.id).unwrap().unwrap().exists());
    assert!(!home.evidence_file(first.id).unwrap().unwrap().exists(), "a file not chosen stays at the office");
    assert_eq!(home.evidence_list().unwrap().len(), office.evidence_list().unwrap().len(), "every record travels");
    drop(home);
    let file = dir.path().join("copy.cchclv");
    let taken = office.take_work_copy(&file, "Trần Thị Mai", Some(&[]), &no_progress).unwrap();
    assert_eq!(taken.evidence_files, 0);
    let all = office.take_work_copy(&dir.path().join("all.cchclv"), "Trần Thị Mai", None, &no_progress).unwrap();
    assert!(all.evidence_files > 0, "the demo's evidence files travel with the copy");
    assert_eq!(
        codes(&office.take_work_copy(&dir.path().join("x.cchclv"), "  ", None, &no_progress).unwrap_err()),
        [FindingCode::RequiredMissing]
    );
    let bytes = std::fs::read(&file).unwrap();
    let damaged = rezip(&bytes, |name, mut content| {
        if name == "register.cchc" {
            let n = content.len() / 2;
            content[n] ^= 0xff;
        }
        content
    });
    let bad = dir.path().join("bad.cchclv");
    std::fs::write(&bad, damaged).unwrap();
    let target = dir.path().join("home").join("register.cchc");
    let err = App::open_work_copy(&bad, &target, Assets::bundled(), clock()).err().unwrap();
    assert_eq!((err.code(), codes(&err)), (ErrorCode::FileRefused, vec![FindingCode::PackageHashMismatch]));
    assert!(!target.exists());
    // The good one opens, with the copy's evidence files beside it; a second open onto it is refused.
    let home = App::open_work_copy(&dir.path().join("all.cchclv"), &target, Assets::bundled(), clock()).unwrap();
    assert_eq!(home.work_copy().unwrap().unwrap().copy_id, all.copy.copy_id);
    drop(home);
    let err = App::open_work_copy(&file, &target, Assets::bundled(), clock()).err().unwrap();
    assert_eq!(err.code(), ErrorCode::RegisterExists);
}

/// Rewrites a zip's entries through `edit`, keeping their names and order (the manifest untouched unless edited).
fn rezip(bytes: &[u8], edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&edit(&name, content)).unwrap();
    }
    out.finish().unwrap().into_inner()
}

mod model_based {
    //! Random edits on the office register and two work copies (people, procedures, tasks, Biểu 06 rows, criteria's
    //! explanations, new people and evidence with its file), then the copies' changes merged in both orders,
    //! checked against a model of the three-way rule: every change arrives once, every conflict is listed, the
    //! person's choice is what stays, and the register passes its checks.

    use super::*;

    /// A value a field can hold in the model: (record, field) → text.
    type Values = BTreeMap<(String, String), String>;

    struct Side {
        app: App,
        /// What this side set, last value per (record, field).
        set: Values,
        added: Vec<String>,
        evidence: Vec<String>,
    }

    /// The period whose Biểu 06 rows the sides overwrite.
    const PERIOD: (i32, PeriodKind) = (2026, PeriodKind::Q1);
    /// Each figure of a Biểu 06 row, by its name, as text.
    fn figure_values(figures: &CaseFigures) -> Vec<(String, String)> {
        let value = serde_json::to_value(figures).unwrap();
        value.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.to_string())).collect()
    }

    /// The editable (record, field) pairs: the people's note and rank, the procedures' names, the tasks' owners, a
    /// field's Biểu 06 row of the period, the explanation of three criteria of the year's self-assessment.
    fn slots(app: &App) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut fields: Vec<String> =
            app.procedures(&Default::default()).unwrap().into_iter().map(|p| p.input.field).collect();
        fields.dedup();
        for field in fields.into_iter().take(2) {
            // A row is written whole; each of its figures merges on its own.
            for (figure, _) in figure_values(&CaseFigures::default()) {
                out.push((format!("stats:{field}"), figure));
            }
        }
        for leaf in app.assessment(2026).unwrap().set.leaves().into_iter().take(3) {
            out.push((format!("score:{}", leaf.node.code), "explanation".to_string()));
        }
        for p in app.people().unwrap().into_iter().take(4) {
            out.push((format!("person:{}", p.id), "note".to_string()));
            out.push((format!("person:{}", p.id), "rank".to_string()));
        }
        for p in app.procedures(&Default::default()).unwrap().into_iter().take(3) {
            out.push((format!("procedure:{}", p.input.code), "name".to_string()));
        }
        for t in app.tasks(None).unwrap().into_iter().take(3) {
            out.push((format!("task:{}", t.id), "owner".to_string()));
        }
        out
    }

    fn read(app: &App, (record, field): &(String, String)) -> String {
        let (kind, id) = record.split_once(':').unwrap();
        match (kind, field.as_str()) {
            ("stats", figure) => {
                let rows = app.stats(PeriodKey::new(PERIOD.0, PERIOD.1)).unwrap().rows;
                let row = rows.into_iter().find(|r| r.field == id && r.procedure.is_none());
                let values = row.map(|r| figure_values(&r.figures)).unwrap_or_default();
                values.into_iter().find(|(f, _)| f == figure).map(|(_, v)| v).unwrap_or_default()
            }
            ("score", _) => {
                let view = app.assessment(2026).unwrap();
                view.entries.into_iter().find(|e| e.code == id).map_or(String::new(), |e| e.explanation)
            }
            ("person", f) => {
                let p = app.people().unwrap().into_iter().find(|p| p.id.to_string() == id).unwrap();
                if f == "note" { p.input.note } else { p.input.rank }
            }
            ("procedure", _) => app.procedure(id).unwrap().input.name,
            ("task", _) => app.tasks(None).unwrap().into_iter().find(|t| t.id.to_string() == id).unwrap().input.owner,
            _ => unreachable!(),
        }
    }

    fn write(app: &mut App, (record, field): &(String, String), value: &str) {
        let (kind, id) = record.split_once(':').unwrap();
        match kind {
            "stats" => {
                let n: i64 = value.parse().unwrap();
                let row = StatsRow {
                    period: PeriodKey::new(PERIOD.0, PERIOD.1),
                    field: id.to_string(),
                    procedure: None,
                    figures: figures(n),
                };
                app.set_stats(row).unwrap();
            }
            "score" => {
                app.explain_leaf(2026, id, value).unwrap();
            }
            "person" => {
                let p = app.people().unwrap().into_iter().find(|p| p.id.to_string() == id).unwrap();
                let mut input = p.input.clone();
                if field == "note" {
                    input.note = value.into()
                } else {
                    input.rank = value.into()
                }
                app.edit_person(p.id, input).unwrap();
            }
            "procedure" => {
                let mut input = app.procedure(id).unwrap().input;
                input.name = value.into();
                app.edit_procedure(id, input).unwrap();
            }
            "task" => {
                let t = app.tasks(None).unwrap().into_iter().find(|t| t.id.to_string() == id).unwrap();
                let mut input = t.input.clone();
                input.owner = value.into();
                app.edit_task(t.id, input).unwrap();
            }
            _ => unreachable!(),
        }
    }

    fn edit_randomly(side: &mut Side, slots: &[(String, String)], rng: &mut fastrand::Rng, tag: &str) {
        for step in 0..rng.usize(3..12) {
            let roll = rng.u8(0..10);
            if roll == 0 {
                let name = format!("Người {tag} {step}");
                side.app.add_person(new_person(&name)).unwrap();
                side.added.push(name);
            } else if roll == 1 {
                // A piece of evidence with its scan: the record and the file arrive once.
                let title = format!("Tài liệu {tag} {step}");
                let input = cchc::model::EvidenceInput {
                    kind: "KH".into(),
                    number: format!("{step}/KH-UBND"),
                    date: None,
                    issuer: "UBND phường".into(),
                    title: title.clone(),
                };
                let scan = format!("%PDF-1.4 {title}");
                let file = cchc::api::Source::Bytes { name: "scan.pdf", bytes: scan.as_bytes() };
                side.app.add_evidence(input, Some(file)).unwrap();
                side.evidence.push(title);
            } else {
                let slot = &slots[rng.usize(0..slots.len())];
                // Few values, so two sides sometimes type the same thing (no conflict then).
                if slot.0.starts_with("stats:") {
                    let n = i64::from(rng.u8(1..4));
                    write(&mut side.app, slot, &n.to_string());
                    for (figure, value) in figure_values(&figures(n)) {
                        side.set.insert((slot.0.clone(), figure), value);
                    }
                    continue;
                }
                let value = format!("{} {}", ["Giá trị", "Bản"][rng.usize(0..2)], rng.u8(0..3));
                write(&mut side.app, slot, &value);
                side.set.insert(slot.clone(), value);
            }
        }
    }

    #[test]
    fn random_edits_on_three_computers_merge_as_the_three_way_rule_says_in_either_order() {
        for seed in 0..10u64 {
            let mut rng = fastrand::Rng::with_seed(seed);
            let dir = tempfile::tempdir().unwrap();
            let mut office =
                Side { app: super::office(dir.path()), set: Values::new(), added: vec![], evidence: vec![] };
            office.app.new_assessment(2026, None).unwrap();
            let slots = slots(&office.app);
            let base: Values = slots.iter().map(|s| (s.clone(), read(&office.app, s))).collect();
            let mut a = Side {
                app: copy_for(&mut office.app, dir.path(), "Mai"),
                set: Values::new(),
                added: vec![],
                evidence: vec![],
            };
            let mut b = Side {
                app: copy_for(&mut office.app, dir.path(), "Hùng"),
                set: Values::new(),
                added: vec![],
                evidence: vec![],
            };
            edit_randomly(&mut office, &slots, &mut rng, "VP");
            edit_randomly(&mut a, &slots, &mut rng, "Mai");
            edit_randomly(&mut b, &slots, &mut rng, "Hùng");
            let files = [send(&mut a.app, dir.path(), "a.cchctd"), send(&mut b.app, dir.path(), "b.cchctd")];
            let take_copy = rng.bool();
            let order: Vec<usize> = if rng.bool() { vec![0, 1] } else { vec![1, 0] };

            // The model: the office's values now, then each copy's in turn.
            let mut model: Values = base.clone();
            model.extend(office.set.clone());
            for &i in &order {
                let side = if i == 0 { &a } else { &b };
                let mut expected_conflicts: Vec<String> = Vec::new();
                for (slot, theirs) in &side.set {
                    let (base_value, here) = (&base[slot], model[slot].clone());
                    if theirs == base_value || &here == theirs {
                        continue;
                    }
                    if &here == base_value {
                        model.insert(slot.clone(), theirs.clone());
                    } else {
                        expected_conflicts.push(slot.1.clone() + "@" + &here + "→" + theirs);
                        if take_copy {
                            model.insert(slot.clone(), theirs.clone());
                        }
                    }
                }
                let preview = office.app.merge_preview(&files[i]).unwrap();
                let mut listed: Vec<String> = preview
                    .conflicts
                    .iter()
                    .map(|c| {
                        let v = |v: &serde_json::Value| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string());
                        c.field.clone().unwrap() + "@" + &v(&c.office) + "→" + &v(&c.copy)
                    })
                    .collect();
                listed.sort();
                expected_conflicts.sort();
                assert_eq!(listed, expected_conflicts, "seed {seed}: conflicts of copy {i}");
                let choice = if take_copy { Choice::Copy } else { Choice::Office };
                let choices = MergeChoices {
                    choices: preview.conflicts.iter().map(|c| (c.id.clone(), choice)).collect(),
                    keep_office_for_rest: false,
                };
                office.app.merge_changes(&files[i], &choices, &no_progress).unwrap();
                // Merging again changes nothing.
                let again = office.app.merge_changes(&files[i], &choices, &no_progress).unwrap();
                assert!(again.already_merged);
            }
            for slot in &slots {
                assert_eq!(read(&office.app, slot), model[slot], "seed {seed}: {slot:?}");
            }
            let names: Vec<String> = office.app.people().unwrap().into_iter().map(|p| p.input.name).collect();
            for added in office.added.iter().chain(&a.added).chain(&b.added) {
                assert_eq!(names.iter().filter(|n| *n == added).count(), 1, "seed {seed}: {added} arrives once");
            }
            let evidence = office.app.evidence_list().unwrap();
            for title in office.evidence.iter().chain(&a.evidence).chain(&b.evidence) {
                let arrived: Vec<_> = evidence.iter().filter(|e| &e.input.title == title).collect();
                assert_eq!(arrived.len(), 1, "seed {seed}: {title} arrives once");
                let scan = office.app.evidence_file(arrived[0].id).unwrap().unwrap();
                assert_eq!(std::fs::read(scan).unwrap(), format!("%PDF-1.4 {title}").into_bytes());
            }
            let path = office.app.register_path().to_path_buf();
            drop(office);
            App::check_file(&path).unwrap();
        }
    }
}

#[test]
fn the_command_line_takes_a_copy_sends_its_changes_shows_the_conflict_and_merges_with_the_choice_made() {
    use crate::cli::{cchc, stderr, stdout};
    let dir = tempfile::tempdir().unwrap();
    let office = office(dir.path());
    let office_path = office.register_path().to_path_buf();
    let someone = office.people().unwrap()[0].clone();
    drop(office);
    let home = dir.path().join("home").join("register.cchc");
    let file = dir.path().join("mai.cchclv");
    let file_arg = file.to_str().unwrap();
    let out = cchc(&office_path, &["copy", "take", file_arg, "--person", "Trần Thị Mai", "--no-evidence"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Đã ghi bản làm việc của Trần Thị Mai"));
    let out = cchc(&home, &["copy", "open", file_arg]);
    assert!(stdout(&out).contains("Đã mở bản làm việc của Trần Thị Mai"), "{}", stderr(&out));
    // The same person edited on both sides: the note differs.
    for (register, note) in [(&home, "Ghi ở nhà"), (&office_path, "Ghi ở cơ quan")] {
        let mut app = App::open(register, Assets::bundled(), clock()).unwrap();
        let mut input = someone.input.clone();
        input.note = note.into();
        app.edit_person(someone.id, input).unwrap();
    }
    let out = cchc(&home, &["copy", "status"]);
    assert!(stdout(&out).contains("1 bản ghi thay đổi chưa gửi"), "{}", stdout(&out));
    let refused = cchc(&home, &["report", "issue", "--period", "2026-H1", "--kind", "periodic"]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("bản làm việc nên không ban hành văn bản có số"), "{}", stderr(&refused));
    let changes = dir.path().join("mai-1.cchctd");
    let changes_arg = changes.to_str().unwrap();
    let out = cchc(&home, &["copy", "send", changes_arg]);
    assert!(stdout(&out).contains("Đã ghi tệp thay đổi số 1"), "{}", stderr(&out));

    let out = cchc(&office_path, &["copy", "merge", changes_arg]);
    let text = stdout(&out);
    assert!(text.contains("1 chỗ khác nhau cần chọn"), "{text}");
    assert!(text.contains("Sổ của cơ quan: “Ghi ở cơ quan”") && text.contains("Bản làm việc:   “Ghi ở nhà”"), "{text}");
    assert!(text.contains("Chưa ghi gì"));
    let out = cchc(&office_path, &["copy", "merge", changes_arg, "--apply"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Chưa chọn giữ bản nào cho chỗ khác nhau"), "{}", stderr(&out));
    let out = cchc(&office_path, &["copy", "merge", changes_arg, "--apply", "--take-copy", "1"]);
    assert!(stdout(&out).contains("1 lấy theo bản làm việc"), "{}", stderr(&out));
    let app = App::open(&office_path, Assets::bundled(), clock()).unwrap();
    assert_eq!(app.people().unwrap().into_iter().find(|p| p.id == someone.id).unwrap().input.note, "Ghi ở nhà");
    drop(app);
    let out = cchc(&office_path, &["copy", "merge", changes_arg, "--apply", "--keep-office-rest"]);
    assert!(stdout(&out).contains("đã được nhập trước đây"), "{}", stdout(&out));
    let out = cchc(&office_path, &["log", "--limit", "3"]);
    assert!(stdout(&out).contains("Trần Thị Mai (bản làm việc, tệp thay đổi số 1)"), "{}", stdout(&out));
}

/// Rewrites `changes.json` of a changes file through `edit` and the manifest's hash and size to match: a file a
/// person crafted by hand, which passes the integrity checks.
fn crafted(bytes: &[u8], edit: impl Fn(&mut serde_json::Value)) -> Vec<u8> {
    use sha2::Digest;
    let edited = rezip(bytes, |name, content| {
        if name != "changes.json" {
            return content;
        }
        let mut value: serde_json::Value = serde_json::from_slice(&content).unwrap();
        edit(&mut value);
        serde_json::to_vec(&value).unwrap()
    });
    // The manifest is rewritten in a second pass, from the edited entry.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(edited.clone())).unwrap();
    let mut entry = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name("changes.json").unwrap(), &mut entry).unwrap();
    let sha: String = sha2::Sha256::digest(&entry).iter().map(|b| format!("{b:02x}")).collect();
    rezip(&edited, |name, content| {
        if name != "manifest.json" {
            return content;
        }
        let mut manifest: serde_json::Value = serde_json::from_slice(&content).unwrap();
        for e in manifest["entries"].as_array_mut().unwrap() {
            if e["path"] == "changes.json" {
                e["sha256"] = sha.clone().into();
                e["size"] = entry.len().into();
            }
        }
        serde_json::to_vec(&manifest).unwrap()
    })
}

#[test]
fn a_hand_made_changes_file_cannot_write_local_ids_timestamps_or_tables_outside_the_merge() {
    let dir = tempfile::tempdir().unwrap();
    let mut office = office(dir.path());
    let mut mai = copy_for(&mut office, dir.path(), "Trần Thị Mai");
    let someone = mai.people().unwrap()[0].clone();
    let mut input = someone.input.clone();
    input.note = "Sửa ở nhà".into();
    mai.edit_person(someone.id, input).unwrap();
    let bytes = std::fs::read(send(&mut mai, dir.path(), "1.cchctd")).unwrap();

    // A local id, a timestamp and a derived key slipped into the edit are not written; the note is.
    let sneaky = crafted(&bytes, |v| {
        let after = &mut v["changes"][0]["after"];
        after["id"] = 99_999.into();
        after["created_at"] = "1999-01-01".into();
        after["name_sort"] = "zz".into();
    });
    let path = dir.path().join("sneaky.cchctd");
    std::fs::write(&path, sneaky).unwrap();
    office.merge_changes(&path, &MergeChoices::keep_office(), &no_progress).unwrap();
    let after = office.people().unwrap().into_iter().find(|p| p.input.note == "Sửa ở nhà").unwrap();
    assert_eq!(after.id, someone.id);
    assert_ne!(after.created_at, "1999-01-01");

    // A table outside the merge (the change log, the numbered documents) is refused as unreadable data.
    let mut mai2 = copy_for(&mut office, dir.path(), "Mai lần hai");
    mai2.add_person(new_person("Người Mới")).unwrap();
    let bytes = std::fs::read(send(&mut mai2, dir.path(), "2.cchctd")).unwrap();
    let before = noticeable(&office);
    for table in ["change_log", "outgoing_document", "sqlite_master"] {
        let evil = crafted(&bytes, |v| v["changes"][0]["table"] = table.into());
        let path = dir.path().join(format!("{table}.cchctd"));
        std::fs::write(&path, evil).unwrap();
        let err = office.merge_changes(&path, &MergeChoices::keep_office(), &no_progress).unwrap_err();
        assert_eq!(codes(&err), [FindingCode::PackageDataUnreadable], "{table}");
    }
    // A key that is not JSON (found by fuzzing: it was a STORAGE error), or not the key its fields give.
    for (name, key) in [("not-json", "Người Mới"), ("other-key", "\"00000000-0000-4000-8000-000000000000\"")] {
        let evil = crafted(&bytes, |v| v["changes"][0]["key"] = key.into());
        let path = dir.path().join(format!("{name}.cchctd"));
        std::fs::write(&path, evil).unwrap();
        let err = office.merge_preview(&path).unwrap_err();
        assert_eq!(
            (err.code(), codes(&err)),
            (ErrorCode::FileRefused, vec![FindingCode::PackageDataUnreadable]),
            "{name}"
        );
    }
    assert_eq!(noticeable(&office), before);
}
