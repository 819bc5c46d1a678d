//! The lists kept as data: staff categories and reform areas renamed, ended, added and removed, as an official
//! manages them when the province's rules change; every refusal coded and changing nothing.

use crate::fixtures::TestRegister;
use crate::plans::seed_001_plans;
use cchc::ErrorCode;
use cchc::model::{CatalogInput, CatalogKind, FindingCode, PersonInput, Quota, TaskInput, TaskStatus};
use chrono::NaiveDate;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%d/%m/%Y").unwrap()
}

fn input(kind: CatalogKind, code: Option<&str>, name: &str) -> CatalogInput {
    CatalogInput { kind, code: code.map(str::to_string), name: name.into(), valid_until: None }
}

/// The list as an official reads it: one line per entry, its name, then what the window offers.
fn listed(t: &TestRegister, kind: CatalogKind) -> Vec<String> {
    t.app
        .catalog(kind)
        .unwrap()
        .iter()
        .map(|e| {
            let until = e.valid_until.map_or(String::new(), |d| format!(" đến {}", d.format("%d/%m/%Y")));
            format!("{} {}{until}{}{}", e.code, e.name, if e.seeded { " (có sẵn)" } else { "" }, uses(e.uses))
        })
        .collect()
}

fn uses(n: i64) -> String {
    if n == 0 { String::new() } else { format!(" [{n}]") }
}

fn codes(err: &cchc::Error) -> Vec<FindingCode> {
    err.findings().iter().map(|f| f.code).collect()
}

#[test]
fn a_province_adds_its_own_reform_area_and_renames_one_and_the_plan_progress_reads_the_new_names() {
    let mut t = TestRegister::new();
    seed_001_plans(&mut t);
    let added = t
        .app
        .save_catalog_entry(input(CatalogKind::ReformArea, None, "Cải cách hành chính trong lĩnh vực đất đai"))
        .unwrap();
    assert_eq!(added.code, "cai_cach_hanh_chinh_trong_linh_vuc_dat_dai");
    assert!(!added.seeded);
    // The province words an area its own way; the code the reports use stays.
    t.app
        .save_catalog_entry(input(
            CatalogKind::ReformArea,
            Some("bo_may"),
            "Cải cách tổ chức bộ máy hành chính nhà nước",
        ))
        .unwrap();
    // A task is filed under the new area by its name, as an official types it.
    let task = TaskInput {
        deadline: Some(d("30/09/2021")),
        status: TaskStatus::Done,
        percent: 100,
        ..TaskInput::new(
            2021,
            "09/KH-UBND",
            "Cải cách hành chính trong lĩnh vực đất đai",
            "Rà soát quy trình cấp giấy chứng nhận",
        )
    };
    assert_eq!(t.app.add_task(task).unwrap().input.area, added.code);
    let list = listed(&t, CatalogKind::ReformArea);
    assert_eq!(list.len(), 9);
    assert_eq!(list[3], "bo_may Cải cách tổ chức bộ máy hành chính nhà nước (có sẵn)");
    assert_eq!(list[8], "cai_cach_hanh_chinh_trong_linh_vuc_dat_dai Cải cách hành chính trong lĩnh vực đất đai [1]");
    let progress = t.app.plan_progress(d("01/10/2021")).unwrap();
    let names: Vec<&str> = progress.areas.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"Cải cách hành chính trong lĩnh vực đất đai"), "{names:?}");
    assert!(names.contains(&"Cải cách tổ chức bộ máy hành chính nhà nước"), "{names:?}");
    // Each change is in the log under the list's name, before → after.
    let log = t.app.change_log(2).unwrap();
    assert_eq!((log[1].entity.as_str(), log[1].action.as_str()), ("reform_area", "update"));
    assert_eq!(log[1].before.as_ref().unwrap()["name"], "Cải cách tổ chức bộ máy");
}

#[test]
fn a_staff_category_is_ended_then_a_later_years_quota_for_it_is_refused_and_a_new_one_takes_its_place() {
    let mut t = TestRegister::new();
    let q = |year: i32, category: &str| Quota { year, category: category.into(), quota: 3, basis: Default::default() };
    t.app.set_quota(q(2026, "hop_dong")).unwrap();
    let mut ended = input(CatalogKind::StaffCategory, Some("hop_dong"), "Hợp đồng lao động");
    ended.valid_until = Some(d("31/12/2026"));
    t.app.save_catalog_entry(ended).unwrap();
    let refused = t.app.set_quota(q(2027, "hop_dong")).unwrap_err();
    assert_eq!(codes(&refused), [FindingCode::CategoryEnded]);
    let new = t
        .app
        .save_catalog_entry(input(CatalogKind::StaffCategory, None, "Người làm việc theo hợp đồng (Nghị định 111)"))
        .unwrap();
    t.app.set_quota(q(2027, &new.code)).unwrap();
    t.app.add_person(PersonInput::new("Lê Văn Tâm", &new.code)).unwrap();
    let list = listed(&t, CatalogKind::StaffCategory);
    assert_eq!(list[2], "hop_dong Hợp đồng lao động đến 31/12/2026 (có sẵn) [1]");
    assert_eq!(list[5], "nguoi_lam_viec_theo_hop_dong_nghi_dinh_111 Người làm việc theo hợp đồng (Nghị định 111) [2]");
    // Saving what is already there writes nothing.
    let log = t.app.change_log(100_000).unwrap().len();
    t.app.save_catalog_entry(input(CatalogKind::StaffCategory, Some("can_bo"), " Cán bộ ")).unwrap();
    assert_eq!(t.app.change_log(100_000).unwrap().len(), log);
}

#[test]
fn an_added_entry_no_record_uses_is_removed_and_the_log_keeps_it() {
    let mut t = TestRegister::new();
    let added = t.app.save_catalog_entry(input(CatalogKind::ReformArea, None, "Lĩnh vực gõ nhầm")).unwrap();
    t.app.remove_catalog_entry(CatalogKind::ReformArea, &added.code).unwrap();
    assert_eq!(listed(&t, CatalogKind::ReformArea).len(), 8);
    let entry = &t.app.change_log(1).unwrap()[0];
    assert_eq!((entry.entity.as_str(), entry.action.as_str()), ("reform_area", "delete"));
    assert_eq!(entry.before.as_ref().unwrap()["name"], "Lĩnh vực gõ nhầm");
}

#[test]
fn bad_list_edits_are_refused_with_a_code_and_change_nothing() {
    let mut t = TestRegister::new();
    seed_001_plans(&mut t);
    let used = t.app.save_catalog_entry(input(CatalogKind::StaffCategory, None, "Nhân viên bảo vệ")).unwrap();
    t.app.add_person(PersonInput::new("Phạm Văn Bảy", &used.code)).unwrap();
    let before = (t.state(), listed(&t, CatalogKind::StaffCategory), listed(&t, CatalogKind::ReformArea));

    // No name.
    let err = t.app.save_catalog_entry(input(CatalogKind::ReformArea, None, "   ")).unwrap_err();
    assert_eq!((err.code(), codes(&err)), (ErrorCode::Invalid, vec![FindingCode::RequiredMissing]));
    // A name the list has, written without its diacritics or in other case.
    let err = t.app.save_catalog_entry(input(CatalogKind::StaffCategory, None, "CONG CHUC")).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::NameTaken]);
    assert_eq!(err.findings()[0].values["value"], "Công chức");
    // Renaming an entry to another's name.
    let err = t
        .app
        .save_catalog_entry(input(CatalogKind::ReformArea, Some("the_che"), "Cải cách tài chính công"))
        .unwrap_err();
    assert_eq!(codes(&err), [FindingCode::NameTaken]);
    // A last day is a staff category's, not an area's.
    let mut dated = input(CatalogKind::ReformArea, Some("the_che"), "Cải cách thể chế");
    dated.valid_until = Some(d("31/12/2026"));
    assert_eq!(codes(&t.app.save_catalog_entry(dated).unwrap_err()), [FindingCode::BadChoice]);
    // A code not written the way codes are.
    let err = t.app.save_catalog_entry(input(CatalogKind::ReformArea, Some("Đất đai!"), "Đất đai")).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::BadChoice]);
    // A seeded entry the reports name, even unused.
    let err = t.app.remove_catalog_entry(CatalogKind::ReformArea, "tac_dong").unwrap_err();
    assert_eq!(codes(&err), [FindingCode::CatalogSeeded]);
    // An entry a person is filed under.
    let err = t.app.remove_catalog_entry(CatalogKind::StaffCategory, &used.code).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::CatalogInUse]);
    assert_eq!(err.findings()[0].values["count"], "1");
    // An entry that is not there.
    let err = t.app.remove_catalog_entry(CatalogKind::StaffCategory, "khong_co").unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);

    assert_eq!(before, (t.state(), listed(&t, CatalogKind::StaffCategory), listed(&t, CatalogKind::ReformArea)));
}

#[test]
fn the_command_line_adds_an_area_ends_a_category_and_says_why_a_seeded_entry_stays() {
    use crate::cli::{cchc, init, stderr, stdout};
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);
    let out = cchc(&register, &["catalog", "set", "areas", "--name", "Cải cách hành chính về đất đai"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "Đã lưu “Cải cách hành chính về đất đai” (mã cai_cach_hanh_chinh_ve_dat_dai).");
    let out = cchc(&register, &["catalog", "set", "categories", "--code", "hop_dong", "--until", "31/12/2026"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&cchc(&register, &["catalog", "list", "categories"]));
    let line = listed.lines().find(|l| l.contains("hop_dong")).unwrap();
    assert!(line.contains("Hợp đồng lao động") && line.contains("31/12/2026"), "{listed}");

    let out = cchc(&register, &["catalog", "remove", "areas", "tthc"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("“Cải cách thủ tục hành chính” là mục có sẵn mà các báo cáo sử dụng"),
        "{}",
        stderr(&out)
    );
    let out = cchc(&register, &["catalog", "remove", "areas", "cai_cach_hanh_chinh_ve_dat_dai"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&cchc(&register, &["catalog", "list", "areas"])).contains("đất đai"));
}
