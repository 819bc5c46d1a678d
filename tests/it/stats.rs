//! Case statistics (Biểu 06): the consistency checks, one table-driven test per rule, and the rates.

use crate::fixtures::{TestRegister, procedure};
use cchc::model::{CaseFigures, FindingCode, PeriodKey, PeriodKind, Severity, StatsRow};

/// A consistent row: 120 received (50 online, 60 direct, 10 carried over); 100 resolved (20 early, 78 on time,
/// 2 late, 2 apology letters); 20 in progress (18 within, 2 overdue).
fn good() -> CaseFigures {
    CaseFigures {
        received_total: 120,
        received_online: 50,
        received_direct: 60,
        carried_over: 10,
        resolved_total: 100,
        resolved_early: 20,
        resolved_on_time: 78,
        resolved_late: 2,
        in_progress_total: 20,
        in_progress_within: 18,
        in_progress_overdue: 2,
        apology_letters: 2,
    }
}

fn row(period: &str, field: &str, figures: CaseFigures) -> StatsRow {
    StatsRow { period: period.parse().unwrap(), field: field.into(), procedure: None, figures }
}

fn ward() -> TestRegister {
    let mut t = TestRegister::new();
    t.app.add_procedure(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch")).unwrap();
    t.app.add_procedure(procedure("2.000815", "Cấp bản sao từ sổ gốc", "Chứng thực")).unwrap();
    t
}

/// Saves one row of 2026-Q1 for Hộ tịch with `change` applied to a good row; returns the findings as
/// "CODE column total/sum" lines, which is what the official sees marked on the grid.
fn check(change: impl Fn(&mut CaseFigures)) -> Vec<String> {
    let mut t = ward();
    let mut figures = good();
    change(&mut figures);
    let findings = t.app.set_stats(row("2026-Q1", "Hộ tịch", figures)).unwrap();
    // What set_stats returns is what a full check of the period says about the row.
    assert_eq!(findings, t.app.check(Some("2026-Q1".parse().unwrap())).unwrap());
    // Nothing typed is lost, even when it is wrong.
    assert_eq!(t.app.stats("2026-Q1".parse().unwrap()).unwrap().rows[0].figures, figures);
    findings
        .iter()
        .map(|f| {
            let values: Vec<String> = f.values.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("{:?} {} {}", f.code, f.place.column.as_deref().unwrap_or("-"), values.join(" "))
        })
        .collect()
}

#[test]
fn a_consistent_row_has_no_findings() {
    assert!(check(|_| {}).is_empty());
}

#[test]
fn received_total_must_equal_online_plus_direct_plus_carried_over() {
    assert_eq!(check(|f| f.received_online = 49), ["ReceivedSumMismatch received_total sum=119 total=120"]);
}

#[test]
fn received_must_equal_resolved_plus_in_progress() {
    assert_eq!(
        check(|f| {
            f.in_progress_total = 21;
            f.in_progress_within = 19;
        }),
        ["ReceivedBalanceMismatch received_total sum=121 total=120"]
    );
}

#[test]
fn resolved_total_must_equal_early_plus_on_time_plus_late() {
    assert_eq!(
        check(|f| {
            f.resolved_on_time = 77;
        }),
        ["ResolvedSumMismatch resolved_total sum=99 total=100"]
    );
}

#[test]
fn in_progress_total_must_equal_within_plus_overdue() {
    assert_eq!(check(|f| f.in_progress_overdue = 3), ["InProgressSumMismatch in_progress_total sum=21 total=20"]);
}

#[test]
fn fewer_apology_letters_than_late_dossiers_is_a_warning() {
    assert_eq!(check(|f| f.apology_letters = 1), ["ApologyBelowLate apology_letters apology_letters=1 late=2"]);
}

#[test]
fn negative_numbers_are_reported_on_their_cell() {
    let found = check(|f| {
        f.in_progress_overdue = -2;
        f.in_progress_within = 22;
    });
    assert_eq!(found, ["Negative in_progress_overdue value=-2"]);
}

#[test]
fn carried_over_must_match_last_periods_in_progress() {
    let mut t = ward();
    // The 2025 year report ended with 20 dossiers in progress; 2026-Q1 opens the day after its window closed.
    t.app.set_stats(row("2025", "Hộ tịch", good())).unwrap();
    let mut q1 = good();
    q1.carried_over = 12;
    q1.received_direct = 58;
    let findings = t.app.set_stats(row("2026-Q1", "Hộ tịch", q1)).unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].code, FindingCode::CarriedOverMismatch);
    assert_eq!(findings[0].severity, Severity::Warning);
    assert_eq!(findings[0].values["previous_in_progress"], "20");

    // Matching figures clear it.
    let mut fixed = good();
    fixed.carried_over = 20;
    fixed.received_direct = 50;
    assert!(t.app.set_stats(row("2026-Q1", "Hộ tịch", fixed)).unwrap().is_empty());
}

#[test]
fn statistics_for_a_field_with_no_procedures_are_flagged() {
    let mut t = ward();
    let findings = t.app.set_stats(row("2026-Q1", "Đất đai", good())).unwrap();
    let codes: Vec<FindingCode> = findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [FindingCode::FieldWithoutProcedures]);
}

#[test]
fn rates_and_totals_over_fields() {
    let mut t = ward();
    t.app.set_stats(row("2025", "Hộ tịch", good())).unwrap();
    // The brief's example: (412 + 1 630) / 2 051 = 99,56 %.
    let chung_thuc = CaseFigures {
        received_total: 2051,
        received_online: 1000,
        received_direct: 1051,
        resolved_total: 2051,
        resolved_early: 412,
        resolved_on_time: 1630,
        resolved_late: 9,
        apology_letters: 9,
        ..CaseFigures::default()
    };
    t.app.set_stats(row("2025", "Chứng thực", chung_thuc)).unwrap();
    let table = t.app.stats(PeriodKey::new(2025, PeriodKind::Year)).unwrap();
    assert_eq!(table.total.resolved_total, 2151);
    assert_eq!(table.total.received_online, 1050);
    let fields: Vec<&str> = table.rows.iter().map(|r| r.field.as_str()).collect();
    assert_eq!(fields, ["Chứng thực", "Hộ tịch"]);
    assert_eq!(format!("{:.2}", table.on_time_rate.unwrap()), "99.49");
    assert_eq!(format!("{:.2}", table.online_rate.unwrap()), "48.59");
    assert_eq!(format!("{:.2}", t.app.year_on_time_rate(2025).unwrap().unwrap()), "99.49");

    let only = t.app.stats(PeriodKey::new(2024, PeriodKind::Year)).unwrap();
    assert_eq!(only.on_time_rate, None, "no resolved dossiers: no rate, not 0 %");
    assert_eq!(only.window.start.to_string(), "2023-12-15");
}

#[test]
fn per_procedure_rows_add_up_to_their_field_when_there_is_no_field_row() {
    let mut t = ward();
    t.app.add_procedure(procedure("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch")).unwrap();
    for code in ["1.001193", "1.000894"] {
        let mut r = row("2026-Q1", "Hộ tịch", good());
        r.procedure = Some(code.into());
        t.app.set_stats(r).unwrap();
    }
    let table = t.app.stats("2026-Q1".parse().unwrap()).unwrap();
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.total.resolved_total, 200);
}
