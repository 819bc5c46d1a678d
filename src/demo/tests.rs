//! The demo's own checks: the bundled procedures are valid and NFC, the statistics add up and are cumulative,
//! the generated procedures are unique and valid.

use super::*;
use crate::model::{
    CaseFigures, OnlineLevel, PeriodKey, PeriodKind, Place, ProcedureCode, ProcedureStatus, StatsRow, check_row,
    on_time_rate, online_rate,
};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use unicode_normalization::UnicodeNormalization;

fn bundled() -> Vec<ProcedureInput> {
    procedures(&Assets::bundled())
}

fn is_nfc(s: &str) -> bool {
    s.nfc().collect::<String>() == s
}

fn texts(p: &ProcedureInput) -> Vec<&str> {
    let mut all = vec![p.code.as_str(), p.name.as_str(), p.field.as_str(), p.fee.as_str()];
    all.extend(p.legal_bases.iter().map(String::as_str));
    all.push(&p.announcement.number);
    all.push(&p.internal_process.number);
    all.extend(p.replaced_by.as_deref());
    all
}

fn today() -> NaiveDate {
    date(2026, 7, 1)
}

/// Checks every row with the in-progress total at the end of the previous year as `previous`.
fn assert_consistent(rows: &[StatsRow]) {
    let mut year_end: BTreeMap<(String, i32), i64> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.period.kind == PeriodKind::Year) {
        year_end.insert((row.field.clone(), row.period.year), row.figures.in_progress_total);
    }
    let first = rows.iter().map(|r| r.period.year).min().unwrap();
    for row in rows {
        let previous =
            if row.period.year == first { Some(0) } else { Some(year_end[&(row.field.clone(), row.period.year - 1)]) };
        let findings = check_row(row, previous, &Place::default());
        assert!(findings.is_empty(), "{} {}: {findings:?}", row.period, row.field);
        assert!(row.procedure.is_none());
    }
}

#[test]
fn bundled_procedures_parse_and_are_well_formed() {
    let list = bundled();
    assert!((100..=140).contains(&list.len()), "{} procedures", list.len());
    let mut codes = HashSet::new();
    for p in &list {
        let canonical = ProcedureCode::parse(&p.code).unwrap_or_else(|| panic!("bad code {}", p.code));
        assert_eq!(canonical.as_str(), p.code);
        assert!(codes.insert(p.code.clone()), "duplicate {}", p.code);
        assert!(p.validate().is_empty(), "{}: {:?}", p.code, p.validate());
        for text in texts(p) {
            assert!(is_nfc(text), "{} is not NFC: {text:?}", p.code);
            assert_eq!(text, text.trim());
        }
        assert!(p.announcement.date.unwrap() > date(2025, 7, 1), "{}", p.code);
    }
    for p in &list {
        if let Some(target) = &p.replaced_by {
            assert!(codes.contains(target), "{} is replaced by unknown {target}", p.code);
        }
    }
    let fields: BTreeSet<&str> = list.iter().map(|p| p.field.as_str()).collect();
    assert!(fields.len() >= 10, "{fields:?}");
    for needed in ["Hộ tịch", "Chứng thực", "Bảo trợ xã hội", "Người có công", "Đất đai"] {
        assert!(fields.contains(needed), "missing {needed}");
    }
    let count = |status| list.iter().filter(|p| p.status == status).count();
    assert_eq!((count(ProcedureStatus::Replaced), count(ProcedureStatus::Abolished)), (1, 1));
    assert!((2..=3).contains(&count(ProcedureStatus::Amended)));
    let full = list.iter().filter(|p| p.online_level == OnlineLevel::Full).count() as f64 / list.len() as f64;
    assert!((0.3..0.5).contains(&full), "full online share {full}");
}

#[test]
fn unit_is_complete_and_nfc() {
    let unit = unit();
    assert!(unit.validate().is_empty());
    assert_eq!(unit.clone().cleaned(), unit);
    for text in [&unit.name, &unit.superior_line, &unit.issuer_line, &unit.place_name, &unit.signer.name] {
        assert!(is_nfc(text));
    }
}

#[test]
fn stats_rows_are_consistent_and_cover_closed_windows() {
    let list = bundled();
    let rows = stats(&list, 2023..=2026, today(), 7);
    assert_consistent(&rows);
    let fields: BTreeSet<&str> = list.iter().map(|p| p.field.as_str()).collect();
    let periods: BTreeSet<String> = rows.iter().map(|r| r.period.to_string()).collect();
    // 2026-Q3 closes on 14/9/2026, after `today`.
    let expected: BTreeSet<String> = ["2023-Q1", "2023-H1", "2023-Q3", "2023", "2024-Q1", "2024-H1", "2024-Q3", "2024"]
        .into_iter()
        .chain(["2025-Q1", "2025-H1", "2025-Q3", "2025", "2026-Q1", "2026-H1"])
        .map(String::from)
        .collect();
    assert_eq!(periods, expected);
    assert_eq!(rows.len(), periods.len() * fields.len());
    assert!(rows.iter().all(|r| fields.contains(r.field.as_str())));
    assert!(rows.iter().filter(|r| r.period.year == 2023).all(|r| r.figures.carried_over == 0));
    assert!(rows.windows(2).all(|w| w[0].period <= w[1].period));
}

#[test]
fn windows_are_cumulative() {
    let rows = stats(&bundled(), 2024..=2025, today(), 11);
    let mut by_field_year: BTreeMap<(String, i32), Vec<&StatsRow>> = BTreeMap::new();
    for row in &rows {
        by_field_year.entry((row.field.clone(), row.period.year)).or_default().push(row);
    }
    for ((field, year), list) in by_field_year {
        assert_eq!(list.len(), 4, "{field} {year}");
        for pair in list.windows(2) {
            let (a, b) = (&pair[0].figures, &pair[1].figures);
            for (name, value) in a.columns() {
                let later = b.columns().into_iter().find(|(n, _)| *n == name).unwrap().1;
                if !name.starts_with("in_progress") {
                    assert!(later >= value, "{field} {year} {name}: {value} then {later}");
                }
            }
        }
    }
}

#[test]
fn volumes_rates_and_trend_are_believable() {
    let rows = stats(&bundled(), 2021..=2025, today(), 3);
    let year = |field: &str, y: i32| {
        rows.iter().find(|r| r.field == field && r.period == PeriodKey::new(y, PeriodKind::Year)).unwrap().figures
    };
    let certified = year("Chứng thực", 2025);
    assert!((5_000..15_000).contains(&certified.received_total), "{certified:?}");
    assert!((500..3_000).contains(&year("Hộ tịch", 2025).received_total));
    assert!((50..400).contains(&year("Đất đai", 2025).received_total));
    let mut total = CaseFigures::default();
    for row in rows.iter().filter(|r| r.period == PeriodKey::new(2025, PeriodKind::Year)) {
        total.add(&row.figures);
        if let Some(rate) = on_time_rate(&row.figures) {
            assert!(rate >= 90.0, "{}: {rate}", row.field);
        }
    }
    let rate = on_time_rate(&total).unwrap();
    assert!((97.0..=100.0).contains(&rate), "on-time {rate}");
    let mut first = CaseFigures::default();
    rows.iter().filter(|r| r.period == PeriodKey::new(2021, PeriodKind::Year)).for_each(|r| first.add(&r.figures));
    let (early, late) = (online_rate(&first).unwrap(), online_rate(&total).unwrap());
    assert!(early < late && (20.0..45.0).contains(&early) && (45.0..75.0).contains(&late), "{early} -> {late}");
}

#[test]
fn deterministic_for_a_seed() {
    let list = bundled();
    assert_eq!(stats(&list, 2024..=2025, today(), 42), stats(&list, 2024..=2025, today(), 42));
    assert_ne!(stats(&list, 2024..=2025, today(), 42), stats(&list, 2024..=2025, today(), 43));
    assert_eq!(generated_procedures(50, 9), generated_procedures(50, 9));
    assert_ne!(generated_procedures(50, 9), generated_procedures(50, 10));
}

#[test]
fn nothing_before_the_first_window_closes() {
    assert!(stats(&bundled(), 2026..=2027, date(2026, 3, 13), 1).is_empty());
    assert!(stats(&[], 2020..=2025, today(), 1).is_empty());
}

#[test]
fn generated_procedures_serve_the_benchmark() {
    let list = generated_procedures(150, 2024);
    assert_eq!(list.len(), 150);
    let codes: HashSet<&str> = list.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes.len(), 150);
    for p in &list {
        assert_eq!(ProcedureCode::parse(&p.code).unwrap().as_str(), p.code);
        assert!(p.validate().is_empty());
        assert!(texts(p).into_iter().all(is_nfc));
    }
    let fields: BTreeSet<&str> = list.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields.len(), 15);
    // Speed is measured by `cchc bench`, not asserted here.
    let rows = stats(&list, 2016..=2025, date(2026, 1, 1), 5);
    assert_eq!(rows.len(), 40 * fields.len());
    assert_consistent(&rows);
}
