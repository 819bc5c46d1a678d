//! The ISO 9001 quality system: announcements and scope, audits, reviews, actions, legal changes, the status of a
//! year, the deadlines board and `check`; bad input refused with codes and nothing written.

use crate::fixtures::{TestRegister, procedure};
use cchc::ErrorCode;
use cchc::model::{
    AnnouncementInput, AnnouncementKind, AuditInput, DeadlineKind, FindingCode, IsoReport, IsoVersion,
    LegalChangeInput, NonconformityInput, Retirement, ReviewInput,
};
use chrono::NaiveDate;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%d/%m/%Y").unwrap()
}

fn announcement(number: &str, date: &str, codes: &[&str]) -> AnnouncementInput {
    AnnouncementInput {
        number: number.into(),
        date: d(date),
        kind: AnnouncementKind::Announce,
        version: IsoVersion::V2015,
        procedures: codes.iter().map(|c| c.to_string()).collect(),
    }
}

fn in_scope(t: &mut TestRegister, code: &str) {
    let mut p = procedure(code, &format!("Thủ tục {code}"), "Hộ tịch");
    p.in_iso_scope = true;
    t.app.add_procedure(p).unwrap();
}

fn codes(t: &TestRegister, year: i32, today: &str) -> Vec<FindingCode> {
    t.app.iso_status(year, d(today)).unwrap().findings.iter().map(|f| f.code).collect()
}

fn state(t: &TestRegister) -> String {
    format!(
        "{}\n{:?}{:?}{:?}{:?}{:?}{:?}{:?}",
        t.state(),
        t.app.iso_announcements().unwrap(),
        t.app.iso_audits().unwrap(),
        t.app.iso_nonconformities().unwrap(),
        t.app.iso_reviews().unwrap(),
        t.app.iso_actions().unwrap(),
        t.app.iso_legal_changes().unwrap(),
        t.app.iso_reports().unwrap(),
    )
}

#[test]
fn seed_001_facts_give_announced() {
    // Seed 001: ISO 9001:2015 announced by Quyết định 36/QĐ-UBND of 15/10/2019.
    let mut t = TestRegister::new();
    in_scope(&mut t, "1.001193");
    t.app.set_iso_version(IsoVersion::V2015).unwrap();
    t.app.add_iso_announcement(announcement("36/QĐ-UBND", "15/10/2019", &["1.001193"])).unwrap();
    let status = t.app.iso_status(2019, d("31/12/2019")).unwrap();
    assert!(status.announced);
    assert_eq!(status.version, Some(IsoVersion::V2015));
    assert_eq!(status.announcement.unwrap().input.number, "36/QĐ-UBND");
    assert!(!codes(&t, 2019, "31/12/2019").contains(&FindingCode::IsoNotAnnounced));
    // Not announced in the years before.
    assert!(!t.app.iso_status(2018, d("31/12/2018")).unwrap().announced);
    assert!(codes(&t, 2018, "31/12/2018").contains(&FindingCode::IsoNotAnnounced));
}

#[test]
fn every_derived_check_table() {
    // (what is entered, year, today, expected ISO finding codes)
    type Setup = fn(&mut TestRegister);
    let cases: Vec<(&str, Setup, i32, &str, Vec<FindingCode>)> = vec![
        (
            "nothing",
            |_| {},
            2026,
            "01/06/2026",
            vec![FindingCode::IsoNotAnnounced, FindingCode::IsoAuditMissing, FindingCode::IsoReviewMissing],
        ),
        (
            "all held",
            |t| {
                in_scope(t, "1.000001");
                t.app.add_iso_announcement(announcement("36/QĐ-UBND", "15/10/2019", &["1.000001"])).unwrap();
                t.app
                    .add_iso_audit(AuditInput {
                        date: d("10/03/2026"),
                        scope: "Toàn bộ".into(),
                        findings: String::new(),
                    })
                    .unwrap();
                t.app.add_iso_review(ReviewInput { date: d("20/04/2026"), decisions: String::new() }).unwrap();
            },
            2026,
            "01/06/2026",
            vec![],
        ),
        (
            "audit and review of last year do not count",
            |t| {
                t.app.add_iso_announcement(announcement("36/QĐ-UBND", "15/10/2019", &[])).ok();
                t.app
                    .add_iso_audit(AuditInput { date: d("10/03/2025"), scope: String::new(), findings: String::new() })
                    .unwrap();
                t.app.add_iso_review(ReviewInput { date: d("20/04/2025"), decisions: String::new() }).unwrap();
            },
            2026,
            "01/06/2026",
            vec![FindingCode::IsoNotAnnounced, FindingCode::IsoAuditMissing, FindingCode::IsoReviewMissing],
        ),
        (
            "a procedure in scope not covered",
            |t| {
                in_scope(t, "1.000001");
                in_scope(t, "1.000002");
                t.app.add_iso_announcement(announcement("36/QĐ-UBND", "15/10/2019", &["1.000001"])).unwrap();
            },
            2019,
            "31/12/2019",
            vec![FindingCode::IsoScopeMissing, FindingCode::IsoAuditMissing, FindingCode::IsoReviewMissing],
        ),
        (
            "the latest announcement counts",
            |t| {
                in_scope(t, "1.000001");
                in_scope(t, "1.000002");
                t.app.add_iso_announcement(announcement("36/QĐ-UBND", "15/10/2019", &["1.000001"])).unwrap();
                let mut re = announcement("12/QĐ-UBND", "01/02/2024", &["1.000001", "1.000002"]);
                re.kind = AnnouncementKind::ReAnnounce;
                t.app.add_iso_announcement(re).unwrap();
                t.app
                    .add_iso_audit(AuditInput { date: d("10/03/2024"), scope: String::new(), findings: String::new() })
                    .unwrap();
                t.app.add_iso_review(ReviewInput { date: d("20/04/2024"), decisions: String::new() }).unwrap();
            },
            2024,
            "31/12/2024",
            vec![],
        ),
        (
            "a legal change overdue, one done, one not yet due",
            |t| {
                t.app
                    .add_iso_audit(AuditInput { date: d("10/03/2026"), scope: String::new(), findings: String::new() })
                    .unwrap();
                t.app.add_iso_review(ReviewInput { date: d("20/04/2026"), decisions: String::new() }).unwrap();
                t.app
                    .add_iso_legal_change(LegalChangeInput {
                        text: "Nghị định A".into(), effective: d("01/01/2026")
                    })
                    .unwrap();
                let done = t
                    .app
                    .add_iso_legal_change(LegalChangeInput {
                        text: "Nghị định B".into(), effective: d("01/01/2026")
                    })
                    .unwrap();
                t.app.complete_iso_legal_change(done.id, d("15/03/2026")).unwrap();
                t.app
                    .add_iso_legal_change(LegalChangeInput {
                        text: "Nghị định C".into(), effective: d("01/04/2026")
                    })
                    .unwrap();
            },
            2026,
            "02/04/2026",
            vec![FindingCode::IsoNotAnnounced, FindingCode::IsoLegalChangeOverdue],
        ),
        (
            "corrective and review actions overdue unless done",
            |t| {
                let audit = t
                    .app
                    .add_iso_audit(AuditInput { date: d("10/03/2026"), scope: String::new(), findings: String::new() })
                    .unwrap()
                    .record;
                let review = t
                    .app
                    .add_iso_review(ReviewInput { date: d("20/04/2026"), decisions: "Sửa quy trình".into() })
                    .unwrap()
                    .record;
                t.app
                    .add_iso_nonconformity(NonconformityInput {
                        audit_id: audit.id,
                        description: "Thiếu phiếu theo dõi".into(),
                        action: String::new(),
                        owner: "Nguyễn Thị Lan".into(),
                        due: Some(d("01/05/2026")),
                    })
                    .unwrap();
                let nc = t
                    .app
                    .add_iso_nonconformity(NonconformityInput {
                        audit_id: audit.id,
                        description: "Sổ chưa cập nhật".into(),
                        action: "Cập nhật sổ".into(),
                        owner: "Trần Văn Nam".into(),
                        due: Some(d("01/05/2026")),
                    })
                    .unwrap();
                t.app.complete_iso_action(nc.action_id, d("30/04/2026"), Some(d("15/05/2026"))).unwrap();
                t.app
                    .add_iso_review_action(review.id, "Sửa quy trình hộ tịch", "Lê Văn Hùng", Some(d("01/07/2026")))
                    .unwrap();
            },
            2026,
            "02/05/2026",
            vec![FindingCode::IsoNotAnnounced, FindingCode::IsoActionOverdue],
        ),
    ];
    for (what, setup, year, today, expected) in cases {
        let mut t = TestRegister::new();
        setup(&mut t);
        let mut got = codes(&t, year, today);
        got.sort();
        let mut expected = expected;
        expected.sort();
        assert_eq!(got, expected, "{what}");
    }
}

#[test]
fn a_retired_or_deleted_procedure_in_scope_is_flagged() {
    let mut t = TestRegister::new();
    in_scope(&mut t, "1.000001");
    in_scope(&mut t, "1.000002");
    t.app.add_procedure(procedure("1.000003", "Thủ tục xoá", "Hộ tịch")).unwrap();
    t.app
        .add_iso_announcement(announcement("36/QĐ-UBND", "15/10/2019", &["1.000001", "1.000002", "1.000003"]))
        .unwrap();
    t.app.retire_procedure("1.000002", Retirement { replaced_by: None, on: d("01/07/2025") }).unwrap();
    t.app.delete_procedure("1.000003").unwrap();
    let status = t.app.iso_status(2026, d("01/06/2026")).unwrap();
    let scope: Vec<(FindingCode, String)> = status
        .findings
        .iter()
        .filter(|f| matches!(f.code, FindingCode::IsoScopeRetired | FindingCode::IsoScopeUnknown))
        .map(|f| (f.code, f.values["value"].clone()))
        .collect();
    assert_eq!(
        scope,
        [(FindingCode::IsoScopeRetired, "1.000002".into()), (FindingCode::IsoScopeUnknown, "1.000003".into())]
    );
    // `check` without a period includes them (the unit keeps an ISO system).
    let checked: Vec<FindingCode> = t.app.check_iso().unwrap().iter().map(|f| f.code).collect();
    assert!(checked.contains(&FindingCode::IsoScopeRetired));
    // A new announcement naming the retired procedure is refused.
    let err = t.app.add_iso_announcement(announcement("12/QĐ-UBND", "01/02/2026", &["1.000001", "1.000002"]));
    let err = err.err().unwrap();
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert_eq!(err.findings()[0].code, FindingCode::IsoScopeRetired);
}

#[test]
fn bad_input_gives_coded_errors_and_changes_nothing() {
    let mut t = TestRegister::new();
    in_scope(&mut t, "1.000001");
    let audit = t
        .app
        .add_iso_audit(AuditInput { date: d("10/03/2026"), scope: String::new(), findings: String::new() })
        .unwrap()
        .record;
    let review = t.app.add_iso_review(ReviewInput { date: d("20/04/2026"), decisions: String::new() }).unwrap().record;
    let before = state(&t);
    let invalid = |r: Result<(), cchc::Error>| -> Vec<FindingCode> {
        let e = r.expect_err("refused");
        assert_eq!(e.code(), ErrorCode::Invalid);
        e.findings().iter().map(|f| f.code).collect()
    };
    // Unknown procedure and a missing number.
    assert_eq!(
        invalid(t.app.add_iso_announcement(announcement(" ", "15/10/2019", &["9.999999"])).map(|_| ())),
        [FindingCode::RequiredMissing, FindingCode::UnknownProcedure]
    );
    // A corrective action without owner or due date.
    assert_eq!(
        invalid(
            t.app
                .add_iso_nonconformity(NonconformityInput {
                    audit_id: audit.id,
                    description: "Thiếu".into(),
                    action: String::new(),
                    owner: " ".into(),
                    due: None,
                })
                .map(|_| ())
        ),
        [FindingCode::RequiredMissing, FindingCode::RequiredMissing]
    );
    // Due before the audit; a review action due before the review; effectiveness checked before done.
    assert_eq!(
        invalid(
            t.app
                .add_iso_nonconformity(NonconformityInput {
                    audit_id: audit.id,
                    description: "Thiếu".into(),
                    action: String::new(),
                    owner: "Lan".into(),
                    due: Some(d("01/03/2026")),
                })
                .map(|_| ())
        ),
        [FindingCode::DatesOutOfOrder]
    );
    assert_eq!(
        invalid(t.app.add_iso_review_action(review.id, "Việc", "Lan", Some(d("01/04/2026"))).map(|_| ())),
        [FindingCode::DatesOutOfOrder]
    );
    assert_eq!(
        invalid(
            t.app.add_iso_legal_change(LegalChangeInput { text: "  ".into(), effective: d("01/01/2026") }).map(|_| ())
        ),
        [FindingCode::RequiredMissing]
    );
    assert_eq!(
        invalid(
            t.app.set_iso_report(IsoReport { year: 1900, number: String::new(), date: d("01/12/2026") }).map(|_| ())
        ),
        [FindingCode::OutOfRange]
    );
    // Unknown records.
    let not_found = |r: Result<(), cchc::Error>| assert_eq!(r.err().unwrap().code(), ErrorCode::NotFound);
    not_found(
        t.app
            .add_iso_nonconformity(NonconformityInput {
                audit_id: 99,
                description: "Thiếu".into(),
                action: String::new(),
                owner: "Lan".into(),
                due: Some(d("01/05/2026")),
            })
            .map(|_| ()),
    );
    not_found(t.app.add_iso_review_action(99, "Việc", "Lan", Some(d("01/05/2026"))).map(|_| ()));
    not_found(t.app.complete_iso_action(99, d("01/05/2026"), None).map(|_| ()));
    not_found(t.app.complete_iso_legal_change(99, d("01/05/2026")).map(|_| ()));
    assert_eq!(state(&t), before, "nothing was written");
    // A duplicate announcement (same number and date) is refused once the first exists.
    t.app.add_iso_announcement(announcement("36/QĐ-UBND", "15/10/2019", &["1.000001"])).unwrap();
    let again = t.app.add_iso_announcement(announcement("36/QĐ-UBND", "15/10/2019", &["1.000001"]));
    assert_eq!(again.err().unwrap().code(), ErrorCode::AlreadyExists);
}

#[test]
fn writes_are_logged_and_unchanged_values_write_nothing() {
    let mut t = TestRegister::new();
    let log = |t: &TestRegister| t.app.change_log(1000).unwrap().len();
    let start = log(&t);
    t.app.set_iso_version(IsoVersion::V2008).unwrap();
    t.app.set_iso_version(IsoVersion::V2008).unwrap();
    assert_eq!(log(&t), start + 1);
    t.app.set_iso_version(IsoVersion::V2015).unwrap();
    let audit = t
        .app
        .add_iso_audit(AuditInput { date: d("10/03/2026"), scope: String::new(), findings: String::new() })
        .unwrap()
        .record;
    t.app
        .add_iso_nonconformity(NonconformityInput {
            audit_id: audit.id,
            description: "Thiếu".into(),
            action: String::new(),
            owner: "Lan".into(),
            due: Some(d("01/05/2026")),
        })
        .unwrap();
    // Version twice, audit, nonconformity with its action.
    assert_eq!(log(&t), start + 5);
    let report = IsoReport { year: 2026, number: "15/BC-UBND".into(), date: d("05/12/2026") };
    t.app.set_iso_report(report.clone()).unwrap();
    t.app.set_iso_report(report).unwrap();
    assert_eq!(log(&t), start + 6);
    assert_eq!(t.app.iso_status(2026, d("06/12/2026")).unwrap().report.unwrap().number, "15/BC-UBND");
}

#[test]
fn the_deadlines_board_shows_iso_items_only_once_the_unit_keeps_a_system() {
    let mut t = TestRegister::new();
    let iso = |t: &TestRegister, today: &str| -> Vec<String> {
        t.app
            .deadlines(d(today))
            .unwrap()
            .into_iter()
            .filter(|i| {
                matches!(
                    i.kind,
                    DeadlineKind::IsoAudit
                        | DeadlineKind::IsoReview
                        | DeadlineKind::IsoAction
                        | DeadlineKind::IsoLegalChange
                )
            })
            .map(|i| format!("{} {:?} {}", i.due.format("%d/%m/%Y"), i.kind, i.days_left))
            .collect()
    };
    t.app.add_iso_legal_change(LegalChangeInput { text: "Nghị định A".into(), effective: d("01/09/2026") }).unwrap();
    assert!(iso(&t, "01/11/2026").is_empty(), "no ISO system, no ISO lines");
    t.app.set_iso_version(IsoVersion::V2015).unwrap();
    // Legal change due 01/12/2026 (effective + 3 months), within 30 days; audit and review due 31/12.
    assert_eq!(
        iso(&t, "05/11/2026"),
        ["01/12/2026 IsoLegalChange 26", "31/12/2026 IsoAudit 56", "31/12/2026 IsoReview 56"]
    );
    t.app.add_iso_audit(AuditInput { date: d("06/11/2026"), scope: String::new(), findings: String::new() }).unwrap();
    t.app.add_iso_review(ReviewInput { date: d("07/11/2026"), decisions: String::new() }).unwrap();
    assert_eq!(iso(&t, "10/12/2026"), ["01/12/2026 IsoLegalChange -9"]);
}

/// Same slip as a plan dated a year ahead: an audit, a review or an announcement dated after today is saved with a
/// warning, so the official sees why this year's audit does not count.
#[test]
fn an_iso_record_dated_after_today_is_saved_with_a_warning() {
    let mut t = TestRegister::new();
    in_scope(&mut t, "1.000001");
    let warned = |warnings: &[cchc::model::Finding]| -> Vec<(FindingCode, String)> {
        warnings.iter().map(|f| (f.code, f.values.get("value").cloned().unwrap_or_default())).collect()
    };
    // Today is 23/11/2026.
    let audit = t
        .app
        .add_iso_audit(AuditInput { date: d("10/03/2027"), scope: String::new(), findings: String::new() })
        .unwrap();
    assert_eq!(warned(&audit.warnings), [(FindingCode::DateInFuture, "10/03/2027".to_string())]);
    assert_eq!(audit.warnings[0].place.entity.as_deref(), Some("iso_audit"));
    let review = t.app.add_iso_review(ReviewInput { date: d("20/04/2027"), decisions: String::new() }).unwrap();
    assert_eq!(warned(&review.warnings), [(FindingCode::DateInFuture, "20/04/2027".to_string())]);
    let announced = t.app.add_iso_announcement(announcement("36/QĐ-UBND", "15/10/2019", &["1.000001"])).unwrap();
    assert!(announced.warnings.is_empty(), "a date in the past is not warned about");
    assert_eq!(t.app.iso_audits().unwrap().len(), 1, "saved as typed");
}
