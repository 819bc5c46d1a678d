//! The deadlines board: the next reports, tasks due or late, staff standard deadlines — one list by due date.

use crate::fixtures::TestRegister;
use cchc::model::{PeriodKey, PeriodWindow, PersonInput, PlanInput, PlanKind, TaskInput, TaskStatus};
use chrono::NaiveDate;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%d/%m/%Y").unwrap()
}

fn board(t: &TestRegister, today: &str) -> Vec<String> {
    t.app
        .deadlines(d(today))
        .unwrap()
        .into_iter()
        .map(|i| format!("{} {:?} {} [{}] {}", i.due.format("%d/%m/%Y"), i.kind, i.what, i.record, i.days_left))
        .collect()
}

#[test]
fn reports_only_the_next_two_periods_with_overrides() {
    let mut t = TestRegister::new();
    // The H1 window closed on 14/6 but its report is still due on 20/6.
    assert_eq!(
        board(&t, "17/06/2026"),
        [
            "20/06/2026 Report Gửi báo cáo CCHC 6 tháng năm 2026 [2026-H1] 3",
            "20/09/2026 Report Gửi báo cáo CCHC 9 tháng năm 2026 [2026-Q3] 95",
        ]
    );
    let key: PeriodKey = "2026-Q3".parse().unwrap();
    t.app
        .set_period(PeriodWindow { key, start: d("15/12/2025"), end: d("10/09/2026"), deadline: d("12/09/2026") })
        .unwrap();
    assert_eq!(board(&t, "21/06/2026")[0], "12/09/2026 Report Gửi báo cáo CCHC 9 tháng năm 2026 [2026-Q3] 83");
    assert_eq!(board(&t, "21/12/2026")[0], "20/03/2027 Report Gửi báo cáo CCHC Quý I năm 2027 [2027-Q1] 89");
}

#[test]
fn tasks_and_standard_deadlines_join_the_reports_sorted_by_due_date() {
    let mut t = TestRegister::new();
    t.app
        .add_plan(PlanInput {
            kind: PlanKind::Annual,
            number: "25/KH-UBND".into(),
            date: d("21/12/2025"),
            year: 2026,
            title: String::new(),
        })
        .unwrap();
    for (content, deadline, status) in [
        ("Trễ hạn", "01/11/2026", TaskStatus::InProgress),
        ("Trong 30 ngày", "23/12/2026", TaskStatus::NotStarted),
        ("Quá 30 ngày", "24/12/2026", TaskStatus::NotStarted),
        ("Đã xong", "01/11/2026", TaskStatus::Done),
    ] {
        t.app
            .add_task(TaskInput {
                deadline: Some(d(deadline)),
                status,
                ..TaskInput::new(2026, "25/KH-UBND", "tthc", content)
            })
            .unwrap();
    }
    for (name, deadline, met, left) in [
        ("Lê Văn Bình", "01/08/2027", false, None),
        ("Trần Thị Cúc", "01/07/2027", false, None),
        ("Đã đạt chuẩn", "01/01/2027", true, None),
        ("Đã nghỉ", "01/01/2027", false, Some(d("01/10/2026"))),
        ("Quá hạn", "01/08/2026", false, None),
    ] {
        t.app
            .add_person(PersonInput {
                standard_deadline: Some(d(deadline)),
                standard_met: met,
                left,
                ..PersonInput::new(name, "cong_chuc")
            })
            .unwrap();
    }
    assert_eq!(
        board(&t, "23/11/2026"),
        [
            "01/08/2026 StaffStandard Đạt chuẩn: Quá hạn [Quá hạn] -114",
            "01/11/2026 Task Nhiệm vụ: Trễ hạn [Kế hoạch số 25/KH-UBND (năm 2026)] -22",
            "20/12/2026 Report Gửi báo cáo CCHC năm 2026 [2026] 27",
            "23/12/2026 Task Nhiệm vụ: Trong 30 ngày [Kế hoạch số 25/KH-UBND (năm 2026)] 30",
            "20/03/2027 Report Gửi báo cáo CCHC Quý I năm 2027 [2027-Q1] 117",
        ],
        "met, left, and more than 180 days away (Trần Thị Cúc, Lê Văn Bình) do not show"
    );
}
