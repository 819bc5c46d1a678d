//! Criteria sets and the yearly self-assessment: rules and their edges, invalid sets, the bundled set's exact totals,
//! suggestions from a seeded register with their traces, the workflow and its refusals, evidence, comparison.

use crate::fixtures::{TestRegister, procedure};
use cchc::api::Source;
use cchc::model::{
    AnnouncementInput, AnnouncementKind, AuditInput, CaseFigures, Column, CriteriaSet, DeadlineKind, EvidenceInput,
    FindingCode, IsoVersion, Measure, PeriodKey, PlanInput, PlanKind, Points, ReviewInput, Rule, Stage, StatsRow,
    TaskInput, TaskStatus, totals,
};
use cchc::{Assets, ErrorCode};
use chrono::NaiveDate;
use std::collections::BTreeMap;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%d/%m/%Y").unwrap()
}

fn p(text: &str) -> Points {
    Points::parse(text).unwrap()
}

fn bundled() -> CriteriaSet {
    CriteriaSet::from_json(&Assets::bundled().criteria_sets_json[0]).unwrap()
}

const URN: &str = "urn:cchc:criteria:mau-cap-xa";

/// Every finding code of an error, in order.
fn codes(err: &cchc::Error) -> Vec<FindingCode> {
    err.findings().iter().map(|f| f.code).collect()
}

/// A snapshot of everything the self-assessment keeps, to show that a refused change wrote nothing.
fn state(t: &TestRegister) -> String {
    let years: Vec<i32> = t.app.assessments().unwrap().iter().map(|a| a.year).collect();
    let views: Vec<String> =
        years.iter().map(|y| serde_json::to_string(&t.app.assessment(*y).unwrap().entries).unwrap()).collect();
    format!(
        "{}\n{:?}\n{:?}\n{}\n{}",
        t.state(),
        t.app.assessments().unwrap(),
        t.app.criteria_sets().unwrap().iter().map(|s| s.key.clone()).collect::<Vec<_>>(),
        views.join("\n"),
        serde_json::to_string(&t.app.evidence_list().unwrap()).unwrap()
    )
}

// ---- Rules: one table through one helper ----

/// A rule (JSON), the leaf's maximum and a measure → the points and trace, or "—" when the rule cannot score it.
fn check(rule: &str, max: &str, measure: Measure) -> String {
    let rule: Rule = serde_json::from_str(rule).unwrap();
    match rule.evaluate(p(max), measure) {
        Some(o) => format!("{} | {}", o.points.vn(), o.trace),
        None => "—".into(),
    }
}

fn ratio(part: i64, whole: i64) -> Measure {
    Measure::Ratio { part, whole }
}

#[test]
fn every_rule_type_and_its_edges() {
    let on_time = r#"{"type":"banded_percentage","bands":[{"min":100,"points":4},{"min":98,"points":3},{"min":95,"points":2},{"min":90,"points":1}]}"#;
    let reports = r#"{"type":"count_threshold","bands":[{"min":4,"points":2},{"min":3,"points":1}]}"#;
    let iso = r#"{"type":"count_threshold","bands":[{"min":4,"points":3},{"min":3,"points":2.25},{"min":2,"points":1.5},{"min":1,"points":0.75}]}"#;
    let half = r#"{"type":"banded_percentage","bands":[{"min":97.5,"points":"1,5"}]}"#;
    let cases: Vec<(&str, &str, Measure, &str)> = vec![
        (r#"{"type":"boolean"}"#, "2", Measure::Flag { value: true }, "2 | đạt → 2 điểm"),
        (r#"{"type":"boolean"}"#, "1,5", Measure::Flag { value: false }, "0 | không đạt → 0 điểm"),
        (on_time, "4", ratio(2051, 2051), "4 | ≥ 100 % → 4 điểm"),
        (on_time, "4", ratio(2042, 2051), "3 | ≥ 98 % → 3 điểm"),
        // Band edges: exactly 98 % reaches the band; one dossier less does not.
        (on_time, "4", ratio(98, 100), "3 | ≥ 98 % → 3 điểm"),
        (on_time, "4", ratio(4899, 5000), "2 | ≥ 95 % → 2 điểm"),
        (on_time, "4", ratio(9, 10), "1 | ≥ 90 % → 1 điểm"),
        (on_time, "4", ratio(89, 100), "0 | dưới 90 % → 0 điểm"),
        (on_time, "4", ratio(0, 0), "—"),
        (on_time, "4", Measure::Count { value: 4 }, "—"),
        (half, "1,5", ratio(39, 40), "1,5 | ≥ 97,5 % → 1,5 điểm"),
        (half, "1,5", ratio(389, 400), "0 | dưới 97,5 % → 0 điểm"),
        (reports, "2", Measure::Count { value: 4 }, "2 | ≥ 4 → 2 điểm"),
        (reports, "2", Measure::Count { value: 3 }, "1 | ≥ 3 → 1 điểm"),
        (reports, "2", Measure::Count { value: 2 }, "0 | dưới 3 → 0 điểm"),
        (iso, "3", Measure::Count { value: 3 }, "2,25 | ≥ 3 → 2,25 điểm"),
        (iso, "3", Measure::Count { value: 1 }, "0,75 | ≥ 1 → 0,75 điểm"),
        (r#"{"type":"manual"}"#, "2", ratio(1, 1), "—"),
        (r#"{"type":"survey_only"}"#, "30", Measure::Flag { value: true }, "—"),
    ];
    for (rule, max, measure, expected) in cases {
        assert_eq!(check(rule, max, measure), expected, "{rule} with {measure:?}");
    }
}

#[test]
fn a_shown_percentage_never_contradicts_its_band() {
    let rule: Rule = serde_json::from_str(r#"{"type":"banded_percentage","bands":[{"min":98,"points":3}]}"#).unwrap();
    // 97,996 % rounds to 98 %, but does not reach the band: it is shown truncated.
    let edge = ratio(24_499, 25_000);
    assert_eq!(
        check(r#"{"type":"banded_percentage","bands":[{"min":98,"points":3}]}"#, "3", edge),
        "0 | dưới 98 % → 0 điểm"
    );
    assert_eq!(rule.shown_percent(edge).unwrap().vn(), "97,99");
    // Elsewhere the percentage is rounded as usual.
    assert_eq!(rule.shown_percent(ratio(2, 3)).unwrap().vn(), "66,67");
}

#[test]
fn points_a_person_may_give_each_rule() {
    // (rule, max, points, allowed?)
    let cases = [
        (r#"{"type":"boolean"}"#, "2", "2", true),
        (r#"{"type":"boolean"}"#, "2", "0", true),
        (r#"{"type":"boolean"}"#, "2", "1", false),
        (r#"{"type":"banded_percentage","bands":[{"min":100,"points":3},{"min":80,"points":1.5}]}"#, "3", "1,5", true),
        (r#"{"type":"banded_percentage","bands":[{"min":100,"points":3},{"min":80,"points":1.5}]}"#, "3", "2", false),
        (r#"{"type":"count_threshold","bands":[{"min":4,"points":2},{"min":3,"points":1}]}"#, "2", "0", true),
        (r#"{"type":"manual"}"#, "2", "0,75", true),
        (r#"{"type":"manual"}"#, "2", "0,8", false),
        (r#"{"type":"manual"}"#, "2", "2,25", false),
        (r#"{"type":"manual","step":0.5}"#, "2", "1,5", true),
        (r#"{"type":"manual","step":0.5}"#, "2", "1,25", false),
        (r#"{"type":"bonus"}"#, "3", "2,75", true),
        (r#"{"type":"penalty"}"#, "3", "-1", false),
        (r#"{"type":"survey_only"}"#, "30", "27,5", true),
    ];
    for (rule, max, points, allowed) in cases {
        let rule: Rule = serde_json::from_str(rule).unwrap();
        assert_eq!(rule.allows(p(max), p(points)).is_ok(), allowed, "{rule:?} {points}");
    }
}

// ---- Totals on small sets ----

/// A small set: area A (appraised, 6) with A.1 (manual 2), A.2 (boolean 2), criterion A.3 of two boolean leaves of 1;
/// survey S (4); bonus and penalty items of 2 each with caps of 1; `normalisation` as given.
fn small_set(normalisation: &str) -> CriteriaSet {
    let json = format!(
        r#"{{"format":1,"urn":"urn:test:small","version":1,"name":"Nhỏ","scale":10,"appraised_share":6,"survey_share":4,
        "bonus_cap":1,"penalty_cap":1,"normalisation":"{normalisation}",
        "bands":[{{"label":"Tốt","min":90}},{{"label":"Khá","min":70}},{{"label":"Kém","min":0}}],
        "areas":[
          {{"code":"A","text":"Lĩnh vực A","max":6,"children":[
            {{"code":"A.1","text":"Chấm tay","max":2,"rule":{{"type":"manual"}}}},
            {{"code":"A.2","text":"Có không","max":2,"rule":{{"type":"boolean"}}}},
            {{"code":"A.3","text":"Hai ý","max":2,"children":[
              {{"code":"A.3.1","text":"Ý 1","max":1,"rule":{{"type":"boolean"}}}},
              {{"code":"A.3.2","text":"Ý 2","max":1,"rule":{{"type":"boolean"}}}}]}}]}},
          {{"code":"S","text":"Điều tra","max":4,"part":"survey","children":[
            {{"code":"S.1","text":"Kết quả","max":4,"rule":{{"type":"survey_only"}}}}]}},
          {{"code":"T","text":"Thưởng, trừ","max":0,"part":"bonus_penalty","children":[
            {{"code":"T.1","text":"Thưởng","max":1,"rule":{{"type":"bonus"}}}},
            {{"code":"T.2","text":"Thưởng khác","max":1,"rule":{{"type":"bonus"}}}},
            {{"code":"T.3","text":"Trừ","max":1,"rule":{{"type":"penalty"}}}}]}}]}}"#
    );
    CriteriaSet::from_json(&json).unwrap()
}

/// Entries written as "A.1=1,75 A.2=na S.1=3 T.1=1": the totals after round 1 as one readable line (the unit's
/// points, and the survey result as the appraisal enters it).
fn total_of(set: &CriteriaSet, scores: &str) -> String {
    let mut entries = BTreeMap::new();
    for item in scores.split_whitespace() {
        let (code, value) = item.split_once('=').unwrap();
        let mut entry = cchc::model::ScoreEntry::new(code);
        match value {
            "na" => entry.not_applicable = true,
            v if code.starts_with('S') => entry.round1 = Some(p(v)),
            v => entry.self_points = Some(p(v)),
        }
        entries.insert(code.to_string(), entry);
    }
    let t = totals(set, &entries, Column::Round1);
    format!(
        "{}/{} + {}/{} + {} - {} = {} ({} %, {})",
        t.appraised.vn(),
        t.appraised_max.vn(),
        t.survey.vn(),
        t.survey_max.vn(),
        t.bonus.vn(),
        t.penalty.vn(),
        t.total.vn(),
        t.percent.map_or("—".into(), |x| x.vn()),
        t.class.unwrap_or_else(|| "—".into())
    )
}

#[test]
fn totals_caps_not_applicable_and_quarter_steps() {
    let raw = small_set("raw");
    let applicable = small_set("applicable");
    let cases: Vec<(&CriteriaSet, &str, &str)> = vec![
        (&raw, "", "0/6 + 0/4 + 0 - 0 = 0 (0 %, Kém)"),
        (&raw, "A.1=2 A.2=2 A.3.1=1 A.3.2=1 S.1=4", "6/6 + 4/4 + 0 - 0 = 10 (100 %, Tốt)"),
        // 0,25 steps add up exactly: 1,75 + 2 + 1 + 0 + 3,25 = 8 → 80 %.
        (&raw, "A.1=1,75 A.2=2 A.3.1=1 A.3.2=0 S.1=3,25", "4,75/6 + 3,25/4 + 0 - 0 = 8 (80 %, Khá)"),
        // Bonus capped at 1 (1 + 0,5 given), penalty capped at 1.
        (&raw, "A.1=1 T.1=1 T.2=0,5 T.3=0,75", "1/6 + 0/4 + 1 - 0,75 = 1,25 (12,5 %, Kém)"),
        (&raw, "A.1=2 A.2=2 A.3.1=1 A.3.2=1 S.1=4 T.1=1", "6/6 + 4/4 + 1 - 0 = 11 (110 %, Tốt)"),
        // Raw: an N/A leaf still counts against the scale.
        (&raw, "A.1=2 A.2=na A.3.1=1 A.3.2=1 S.1=4", "4/4 + 4/4 + 0 - 0 = 8 (80 %, Khá)"),
        // Applicable: the same scores are 8 of 8 applicable points, scaled to 10.
        (&applicable, "A.1=2 A.2=na A.3.1=1 A.3.2=1 S.1=4", "4/4 + 4/4 + 0 - 0 = 10 (100 %, Tốt)"),
        // A whole criterion N/A (A.3): 5,75 of 8 → 7,19 of 10 (7,1875 rounded half up to hundredths).
        (&applicable, "A.1=1,75 A.2=2 A.3.1=na A.3.2=na S.1=2", "3,75/4 + 2/4 + 0 - 0 = 7,19 (71,9 %, Khá)"),
        // Class edges: 8,99 → 89,9 % is Khá; 9 → 90 % is Tốt.
        (&raw, "A.1=2 A.2=2 A.3.1=1 A.3.2=1 S.1=2,99", "6/6 + 2,99/4 + 0 - 0 = 8,99 (89,9 %, Khá)"),
        (&raw, "A.1=2 A.2=2 A.3.1=1 A.3.2=1 S.1=3", "6/6 + 3/4 + 0 - 0 = 9 (90 %, Tốt)"),
        // Penalty never takes the total below 0.
        (&raw, "T.3=1", "0/6 + 0/4 + 0 - 1 = 0 (0 %, Kém)"),
        // Everything N/A: nothing applicable, no percentage.
        (&applicable, "A.1=na A.2=na A.3.1=na A.3.2=na S.1=na", "0/0 + 0/0 + 0 - 0 = 0 (— %, —)"),
    ];
    for (set, scores, expected) in cases {
        assert_eq!(total_of(set, scores), expected, "{scores}");
    }
}

#[test]
fn an_all_not_applicable_criterion_has_no_applicable_maximum() {
    let set = small_set("applicable");
    let mut entries = BTreeMap::new();
    for code in ["A.3.1", "A.3.2"] {
        entries.insert(
            code.to_string(),
            cchc::model::ScoreEntry { not_applicable: true, ..cchc::model::ScoreEntry::new(code) },
        );
    }
    let nodes = cchc::model::node_totals(&set, &entries);
    let a3 = nodes.iter().find(|n| n.code == "A.3").unwrap();
    assert_eq!((a3.max, a3.applicable_max, a3.points[0]), (p("2"), Points::ZERO, Some(Points::ZERO)));
    let a = nodes.iter().find(|n| n.code == "A").unwrap();
    assert_eq!(a.applicable_max, p("4"));
}

// ---- Invalid criteria files ----

#[test]
fn every_problem_of_a_criteria_file_is_reported_at_once() {
    let json = r#"{"format":1,"urn":"urn:test:bad","version":1,"name":"Sai","scale":100,"appraised_share":70,"survey_share":20,
      "bonus_cap":1,"penalty_cap":1,
      "bands":[{"label":"Khá","min":70},{"label":"Tốt","min":90}],
      "areas":[
        {"code":"1","text":"Một","max":9,"children":[
          {"code":"1.1","text":"Trùng","max":1,"rule":{"type":"boolean"}},
          {"code":"1.1","text":"Trùng lần hai","max":1,"rule":{"type":"boolean"}},
          {"code":"1.2","text":"Dải sai thứ tự","max":3,"rule":{"type":"banded_percentage","bands":[{"min":80,"points":1.5},{"min":100,"points":3}]}},
          {"code":"1.3","text":"Vượt điểm","max":2,"rule":{"type":"count_threshold","bands":[{"min":4,"points":2.5}]}},
          {"code":"1.4","text":"Thiếu cách chấm","max":1},
          {"code":"1.5","text":"Chỉ số lạ","max":1,"rule":{"type":"boolean"},"metric":"tthc.khong_co"},
          {"code":"1.6","text":"Bước lẻ","max":1,"rule":{"type":"manual","step":0.3}},
          {"code":"1.7","text":"Điều tra sai phần","max":1,"rule":{"type":"survey_only"}},
          {"code":"1.8","text":"Chỉ số không hợp","max":1,"rule":{"type":"boolean"},"metric":"tthc.on_time_rate"}]},
        {"code":"2","text":"Hai","max":61,"children":[
          {"code":"2.1","text":"Thưởng vượt trần","max":61,"rule":{"type":"bonus"}}]}]}"#;
    let findings = CriteriaSet::from_json(json).unwrap_err();
    let codes: Vec<(FindingCode, String)> =
        findings.iter().map(|f| (f.code, f.place.record.clone().unwrap_or_default())).collect();
    let expected = [
        (FindingCode::CriteriaShareMismatch, "Bộ chỉ số"), // 70 + 20 ≠ 100
        (FindingCode::CriteriaShareMismatch, "Bộ chỉ số"), // survey areas 0 ≠ 20
        (FindingCode::CriteriaBandsOrder, "Bộ chỉ số"),    // classes ascending
        (FindingCode::CriteriaSumMismatch, "Tiêu chí 1"),  // children 11 ≠ 9
        (FindingCode::CriteriaDuplicateCode, "Tiêu chí 1.1"),
        (FindingCode::CriteriaBandsOrder, "Tiêu chí 1.2"),
        (FindingCode::CriteriaPointsOverMax, "Tiêu chí 1.3"),
        (FindingCode::CriteriaRuleMissing, "Tiêu chí 1.4"),
        (FindingCode::CriteriaUnknownMetric, "Tiêu chí 1.5"),
        (FindingCode::CriteriaPointsOverMax, "Tiêu chí 1.6"), // step 0,3 does not divide 1
        (FindingCode::CriteriaRuleMismatch, "Tiêu chí 1.7"),  // survey rule in the appraised part
        (FindingCode::CriteriaRuleMismatch, "Tiêu chí 1.8"),  // a percentage metric on a boolean rule
        (FindingCode::CriteriaRuleMismatch, "Tiêu chí 2.1"),  // bonus rule in the appraised part
        (FindingCode::CriteriaPointsOverMax, "Tiêu chí 2.1"), // bonus item above its cap
    ];
    for (code, record) in expected {
        assert!(codes.contains(&(code, record.to_string())), "{code:?} at {record}: {codes:?}");
    }
    assert_eq!(codes.len(), expected.len(), "{codes:?}");
}

#[test]
fn a_file_that_is_not_a_criteria_set_names_its_line_and_the_register_is_unchanged() {
    let mut t = TestRegister::new();
    let before = state(&t);
    let path = t.file("bo-chi-so.json", "{\n  \"format\": 1,\n  \"urn\": 5,\n}");
    let err = t.app.import_criteria(&path, false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert_eq!(codes(&err), [FindingCode::CriteriaFormat]);
    assert_eq!(err.findings()[0].values["line"], "4");
    // JSON of the wrong shape names each field, all at once: the urn is no text, the rest is missing.
    let path = t.file("bo-chi-so-1.json", "{\n  \"format\": 1,\n  \"urn\": 5\n}");
    let err = t.app.import_criteria(&path, false).unwrap_err();
    let fields: Vec<(FindingCode, String)> =
        err.findings().iter().map(|f| (f.code, f.place.column.clone().unwrap_or_default())).collect();
    assert_eq!(fields[0], (FindingCode::CriteriaFormat, "urn".to_string()));
    for field in ["version", "name", "scale", "appraised_share", "bands", "areas"] {
        assert!(fields.contains(&(FindingCode::RequiredMissing, field.to_string())), "{field}: {fields:?}");
    }
    // A bad set (its shares do not add up) is refused as a whole too.
    let json = cchc::model::CriteriaSet { version: 2, appraised_share: p("60"), ..bundled() }.to_json();
    let path = t.file("bo-chi-so-2.json", &json);
    let err = t.app.import_criteria(&path, false).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::CriteriaShareMismatch, FindingCode::CriteriaShareMismatch]);
    assert_eq!(state(&t), before);
    // A dry run reports the same and writes nothing.
    let report = t.app.import_criteria(&path, true).unwrap();
    assert!(!report.stored && report.findings.len() == 2);
    assert_eq!(state(&t), before);
}

// ---- Versions and import from a sheet ----

#[test]
fn only_a_newer_version_is_imported_and_old_assessments_keep_their_version() {
    let mut t = TestRegister::new();
    t.app.new_assessment(2025, None).unwrap();
    t.app.score_leaf(2025, "1.1", p("1"), None, None).unwrap();
    // Version 2 gives 1.1 two points (and takes one from 1.4).
    let mut v2 = bundled();
    v2.version = 2;
    v2.name = "Bộ chỉ số CCHC cấp xã của tỉnh".into();
    v2.areas[0].children[0].max = p("2");
    v2.areas[0].children[3].max = Points::ZERO;
    let path = t.file("tinh-v2.json", &v2.to_json());
    let report = t.app.import_criteria(&path, false).unwrap();
    assert!(report.stored, "{:?}", report.findings);
    // Importing it again, or version 1, is refused.
    let err = t.app.import_criteria(&path, false).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::CriteriaNotNewer]);
    let path = t.file("mau-v1.json", &bundled().to_json());
    assert_eq!(codes(&t.app.import_criteria(&path, false).unwrap_err()), [FindingCode::CriteriaNotNewer]);
    // The 2025 assessment still opens with version 1; a new one takes version 2.
    let old = t.app.assessment(2025).unwrap();
    assert_eq!((old.assessment.criteria_version, old.set.areas[0].children[0].max), (1, p("1")));
    let new = t.app.new_assessment(2026, None).unwrap();
    assert_eq!(new.criteria_version, 2);
    // Both versions are listed; version 1 is used by 2025.
    let sets = t.app.criteria_sets().unwrap();
    let listed: Vec<(String, Vec<i32>)> = sets.iter().map(|s| (s.key.clone(), s.used_by.clone())).collect();
    assert_eq!(listed, [(format!("{URN}@1"), vec![2025]), (format!("{URN}@2"), vec![2026])]);
    assert_eq!(t.app.criteria_set(URN).unwrap().version, 2);
    assert_eq!(t.app.criteria_set(&format!("{URN}@1")).unwrap().version, 1);
    // An explicit older version can still be chosen.
    assert_eq!(t.app.new_assessment(2024, Some(&format!("{URN}@1"))).unwrap().criteria_version, 1);
    assert_eq!(t.app.new_assessment(2023, Some("urn:khong-co@1")).unwrap_err().code(), ErrorCode::NotFound);
}

const SHEET: &str = r#"STT,Mã,Nội dung,Điểm tối đa,Phần,Cách chấm,Mức điểm,Chỉ số từ sổ,Tài liệu kiểm chứng,Hướng dẫn
,@urn,urn:cchc:criteria:tinh-mau,,,,,,,
,@version,1,,,,,,,
,@tên bộ chỉ số,Bộ chỉ số của tỉnh,,,,,,,
,@thang điểm,10,,,,,,,
,@điểm thẩm định,10,,,,,,,
,@xếp loại,Tốt: 90; Khá: 70; Kém: 0,,,,,,,
,@hạn tự đánh giá,30/09,,,,,,,
1,1,Chỉ đạo điều hành,6,thẩm định,,,,,
2,1.1,Kế hoạch CCHC,2,,đạt/không đạt,,,KH CCHC năm; Báo cáo,
3,1.2,Hoàn thành kế hoạch,4,,tỷ lệ,100: 4; 80: 2,plan.completion_rate,,Đủ 100 %: 4 điểm
4,2,Thủ tục hành chính,4,,,,,,
5,2.1,Giải quyết đúng hạn,4,,tỷ lệ,"≥ 98 % → 4; ≥ 90 % → 1,5",tthc.on_time_rate,,
"#;

#[test]
fn a_province_set_is_imported_from_a_sheet_with_one_row_per_node() {
    let mut t = TestRegister::new();
    let path = t.file("bo-chi-so.csv", SHEET);
    let report = t.app.import_criteria(&path, false).unwrap();
    assert!(report.stored && report.findings.is_empty(), "{:?}", report.findings);
    let set = t.app.criteria_set("urn:cchc:criteria:tinh-mau").unwrap();
    assert_eq!(set.name, "Bộ chỉ số của tỉnh");
    assert_eq!(set.self_assessment_deadline.unwrap().in_year(2026), Some(d("30/09/2026")));
    assert_eq!(set.bands.len(), 3);
    let leaf = set.leaf("2.1").unwrap();
    assert_eq!(
        leaf.rule,
        &serde_json::from_str::<Rule>(
            r#"{"type":"banded_percentage","bands":[{"min":98,"points":4},{"min":90,"points":1.5}]}"#
        )
        .unwrap()
    );
    assert_eq!(set.leaf("1.1").unwrap().node.evidence, ["KH CCHC năm", "Báo cáo"]);
    // The imported set becomes the default for a new assessment.
    assert_eq!(t.app.new_assessment(2026, None).unwrap().criteria_urn, "urn:cchc:criteria:tinh-mau");

    // Problems of cells and of the set are reported at their rows, all at once.
    let bad = SHEET
        .replace(",@version,1,", ",@version,2,")
        .replace("2,1.1,Kế hoạch CCHC,2,", "2,1.1,Kế hoạch CCHC,3,")
        .replace("tỷ lệ,100: 4; 80: 2", "tỷ lệ,100: bốn")
        .replace("5,2.1,", "5,3.1,");
    let path = t.file("bo-chi-so-loi.csv", &bad);
    let err = t.app.import_criteria(&path, false).unwrap_err();
    let found: Vec<(FindingCode, Option<usize>)> = err.findings().iter().map(|f| (f.code, f.place.row)).collect();
    assert!(found.contains(&(FindingCode::BadNumber, Some(11))), "{found:?}");
    assert!(found.contains(&(FindingCode::UnknownCriterion, Some(13))), "{found:?}");
    assert!(found.contains(&(FindingCode::CriteriaSumMismatch, Some(9))), "{found:?}");
}

// ---- The bundled set, scored ----

/// Scores every leaf of the bundled set for `year`: full marks unless `scores` says otherwise ("3.3=3 1.4=na").
fn score_all(t: &mut TestRegister, year: i32, scores: &str) {
    let given: BTreeMap<&str, &str> = scores.split_whitespace().map(|s| s.split_once('=').unwrap()).collect();
    let evidence = t
        .app
        .add_evidence(
            EvidenceInput {
                kind: "BC".into(),
                number: "120/BC-UBND".into(),
                date: Some(d("30/09/2025")),
                issuer: "UBND phường".into(),
                title: "Báo cáo kết quả CCHC".into(),
            },
            None,
        )
        .unwrap();
    for leaf in bundled().leaves() {
        let code = leaf.node.code.as_str();
        match (given.get(code), leaf.rule) {
            (Some(&"na"), _) => {
                t.app.set_not_applicable(year, code, true).unwrap();
                continue;
            }
            (Some(points), _) => {
                t.app.score_leaf(year, code, p(points), None, None).unwrap();
            }
            // The survey is the province's: its result comes with the appraisal.
            (None, Rule::Bonus | Rule::Penalty | Rule::SurveyOnly) => continue,
            (None, _) => {
                t.app.score_leaf(year, code, leaf.node.max, None, None).unwrap();
            }
        }
        t.app.link_evidence(year, code, evidence.id).unwrap();
    }
}

#[test]
fn exact_totals_on_the_bundled_set() {
    let mut t = TestRegister::new();
    t.app.new_assessment(2025, None).unwrap();
    score_all(&mut t, 2025, "");
    let view = t.app.assessment(2025).unwrap();
    let own = &view.totals[0];
    // The self column is the appraised part: 70 of 70 (the survey's 30 points are the province's).
    assert_eq!((own.appraised, own.survey, own.total, own.out_of), (p("70"), p("0"), p("70"), p("70")));
    assert_eq!((own.percent.unwrap().vn(), own.class.as_deref()), ("100".into(), Some("Tốt")));
    assert!(view.findings.is_empty(), "{:?}", view.findings);
    let area3 = view.nodes.iter().find(|n| n.code == "3").unwrap();
    assert_eq!(area3.points[0], Some(p("16")));

    // 3.3 at 3 of 4, ISO at 2,25, 3.8 at 1,75, 1.4 N/A, bonus 0,5, penalty 0,25:
    // appraised 70 − 1 − 0,75 − 0,25 − 1 (N/A) = 67 of 69; self: 67 / 69 × 70 = 67,97 (67,971…) + 0,5 − 0,25 =
    // 68,22 of 70 (97,45 %). With the survey's 26,5 entered at round 1: (67 + 26,5) / 99 × 100 = 94,44
    // (94,4444…); + 0,5 − 0,25 = 94,69.
    let mut t = TestRegister::new();
    t.app.new_assessment(2025, None).unwrap();
    score_all(&mut t, 2025, "3.3=3 7.3=2,25 3.8=1,75 1.4=na 10.1=0,5 10.2=0,25");
    let own = t.app.assessment(2025).unwrap().totals[0].clone();
    assert_eq!((own.appraised, own.appraised_max), (p("67"), p("69")));
    assert_eq!((own.survey, own.applicable_max), (p("0"), p("69")));
    assert_eq!((own.bonus, own.penalty, own.total), (p("0,5"), p("0,25"), p("68,22")));
    assert_eq!((own.percent.unwrap().vn(), own.class.unwrap()), ("97,45".to_string(), "Tốt".to_string()));
    t.app.lock_self_assessment(2025, "Nguyễn Văn Hùng", d("01/10/2025")).unwrap();
    t.app.advance_assessment(2025).unwrap();
    t.app.appraise_leaf(2025, "9.1", p("26,5"), None).unwrap();
    let round1 = t.app.assessment(2025).unwrap().totals[1].clone();
    assert_eq!((round1.survey, round1.applicable_max), (p("26,5"), p("99")));
    assert_eq!((round1.bonus, round1.penalty, round1.total), (p("0,5"), p("0,25"), p("94,69")));
    assert_eq!((round1.percent.unwrap().vn(), round1.class.unwrap()), ("94,69".to_string(), "Tốt".to_string()));
}

// ---- Suggestions from a seeded register ----

/// Seed 001's ward for 2025: Biểu 06 of the year, a plan with its tasks, quotas and people, an ISO system.
fn seeded() -> TestRegister {
    let mut t = TestRegister::new();
    let mut with_process = procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch");
    with_process.internal_process = cchc::model::Decision { number: "12/QĐ-UBND".into(), date: Some(d("01/02/2025")) };
    with_process.in_iso_scope = true;
    t.app.add_procedure(with_process).unwrap();
    t.app.add_procedure(procedure("1.000656", "Đăng ký kết hôn", "Hộ tịch")).unwrap();
    let figures = CaseFigures {
        received_total: 2051,
        received_online: 1400,
        received_direct: 651,
        resolved_total: 2051,
        resolved_early: 412,
        resolved_on_time: 1630,
        resolved_late: 9,
        apology_letters: 9,
        ..CaseFigures::default()
    };
    let key: PeriodKey = "2025".parse().unwrap();
    t.app.set_stats(StatsRow { period: key, field: "Hộ tịch".into(), procedure: None, figures }).unwrap();
    t.app
        .add_plan(PlanInput {
            kind: PlanKind::Annual,
            number: "25/KH-UBND".into(),
            date: d("21/12/2024"),
            year: 2025,
            title: String::new(),
        })
        .unwrap();
    for (i, status) in
        [TaskStatus::Done, TaskStatus::Done, TaskStatus::Done, TaskStatus::InProgress, TaskStatus::Cancelled]
            .into_iter()
            .enumerate()
    {
        let task = TaskInput { status, ..TaskInput::new(2025, "25/KH-UBND", "tthc", &format!("Nhiệm vụ {i}")) };
        t.app.add_task(task).unwrap();
    }
    t.app
        .set_quota(cchc::model::Quota { year: 2025, category: "cong_chuc".into(), quota: 3, basis: Default::default() })
        .unwrap();
    for (name, met) in [("Nguyễn Văn An", true), ("Trần Thị Bình", true), ("Lê Văn Cường", false)] {
        let person = cchc::model::PersonInput {
            standard_met: met,
            joined: Some(d("01/01/2020")),
            ..cchc::model::PersonInput::new(name, "cong_chuc")
        };
        t.app.add_person(person).unwrap();
    }
    t.app.set_iso_version(IsoVersion::V2015).unwrap();
    t.app
        .add_iso_announcement(AnnouncementInput {
            number: "36/QĐ-UBND".into(),
            date: d("15/10/2019"),
            kind: AnnouncementKind::Announce,
            version: IsoVersion::V2015,
            procedures: vec!["1.001193".into()],
        })
        .unwrap();
    t.app.add_iso_audit(AuditInput { date: d("10/03/2025"), scope: String::new(), findings: String::new() }).unwrap();
    t
}

#[test]
fn suggested_scores_from_the_registers_with_their_traces() {
    let mut t = seeded();
    t.app.new_assessment(2025, None).unwrap();
    let suggestions = t.app.suggest_scores(2025, false).unwrap();
    let lines: Vec<String> = suggestions
        .iter()
        .map(|s| format!("{} {} | {}", s.code, s.points.map_or("—".into(), |x| x.vn()), s.trace))
        .collect();
    assert_eq!(
        lines,
        [
            "1.2 0 | Nhiệm vụ hoàn thành: 3 / 4 = 75 % → dưới 80 % → 0 điểm",
            "1.3 — | Sổ văn bản đi chưa có báo cáo CCHC định kỳ nào của năm 2025; hãy chấm tay",
            "3.2 0 | TTHC một cửa có quy trình nội bộ: 1 / 2 = 50 % → dưới 90 % → 0 điểm",
            "3.3 3 | Số liệu năm 2025: (412 + 1.630) / 2.051 = 99,56 % → ≥ 98 % → 3 điểm",
            "3.4 1 | Số liệu năm 2025: thư xin lỗi 9, hồ sơ giải quyết quá hạn 9 → đạt → 1 điểm",
            "3.5 1 | Số liệu năm 2025: 1.400 / (1.400 + 651) = 68,26 % → ≥ 50 % → 1 điểm",
            "4.2 2 | Ngày 31/12/2025: có mặt 3 / biên chế được giao 3 → đạt → 2 điểm",
            "5.2 0 | Cán bộ, công chức đạt chuẩn: 2 / 3 = 66,67 % → dưới 80 % → 0 điểm",
            "7.3 2,25 | Đã công bố: đạt; phạm vi đủ các thủ tục: đạt; cập nhật văn bản mới trong 3 tháng: đạt; \
             đánh giá nội bộ và xem xét của lãnh đạo trong năm: không đạt (3 / 4 yêu cầu đạt) → ≥ 3 → 2,25 điểm",
        ]
    );
    // Suggestions are stored with the entries; `apply` fills leaves not yet scored.
    t.app.score_leaf(2025, "3.3", p("3"), None, None).unwrap();
    t.app.suggest_scores(2025, true).unwrap();
    let view = t.app.assessment(2025).unwrap();
    let entry = |code: &str| view.entries.iter().find(|e| e.code == code).unwrap().clone();
    assert_eq!(entry("4.2").self_points, Some(p("2")));
    assert_eq!(entry("1.3").self_points, None, "no suggestion, nothing applied");
    assert!(entry("3.3").trace.contains("99,56 %"));
    // A management review completes the ISO checks.
    t.app.add_iso_review(ReviewInput { date: d("20/11/2025"), decisions: String::new() }).unwrap();
    let iso = t.app.suggest_scores(2025, false).unwrap().into_iter().find(|s| s.code == "7.3").unwrap();
    assert_eq!(iso.points, Some(p("3")));
}

#[test]
fn an_override_keeps_its_reason() {
    let mut t = seeded();
    t.app.new_assessment(2025, None).unwrap();
    t.app.suggest_scores(2025, false).unwrap();
    let before = state(&t);
    let err = t.app.score_leaf(2025, "3.3", p("4"), None, None).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::OverrideReasonMissing]);
    assert_eq!(state(&t), before, "a refused score writes nothing");
    let entry = t
        .app
        .score_leaf(2025, "3.3", p("4"), Some("Sổ thiếu 9 hồ sơ giải quyết trước hạn ở bộ phận một cửa"), None)
        .unwrap();
    assert_eq!(entry.override_reason, "Sổ thiếu 9 hồ sơ giải quyết trước hạn ở bộ phận một cửa");
    // Changing the note keeps the reason; going back to the suggestion clears it.
    let entry = t.app.score_leaf(2025, "3.3", p("4"), None, Some("Đã đối chiếu")).unwrap();
    assert!(!entry.override_reason.is_empty());
    let entry = t.app.score_leaf(2025, "3.3", p("3"), None, None).unwrap();
    assert_eq!(entry.override_reason, "");
}

// ---- Workflow ----

#[test]
fn the_workflow_from_draft_to_final_and_its_refusals() {
    let mut t = TestRegister::new();
    let a = t.app.new_assessment(2025, None).unwrap();
    assert_eq!((a.stage, a.deadline), (Stage::Draft, d("05/10/2025")));
    assert_eq!(t.app.new_assessment(2025, None).unwrap_err().code(), ErrorCode::AlreadyExists);

    // Every change is logged with before and after; saving the same value again writes and logs nothing.
    t.app.score_leaf(2025, "1.1", p("1"), None, None).unwrap();
    let log = t.app.change_log(1).unwrap();
    assert_eq!(
        (log[0].entity.as_str(), log[0].entity_id.as_str(), log[0].action.as_str()),
        ("assessment_score", "2025|1.1", "create")
    );
    let logged = t.app.change_log(100_000).unwrap().len();
    t.app.score_leaf(2025, "1.1", p("1"), None, None).unwrap();
    assert_eq!(t.app.change_log(100_000).unwrap().len(), logged);

    // Locking reports every leaf not scored and every score without evidence or explanation, at once.
    t.app.score_leaf(2025, "1.2", p("1,5"), None, None).unwrap();
    t.app.score_leaf(2025, "1.3", p("0"), None, None).unwrap();
    let err = t.app.lock_self_assessment(2025, "", d("01/10/2025")).unwrap_err();
    let found = codes(&err);
    assert_eq!(found.iter().filter(|c| **c == FindingCode::EvidenceMissing).count(), 2, "1.1 and 1.2: {found:?}");
    assert_eq!(
        found.iter().filter(|c| **c == FindingCode::NotScored).count(),
        38 - 3 - 3,
        "all but the scored, survey, bonus, penalty"
    );
    assert_eq!(found[0], FindingCode::RequiredMissing, "the leader's name");

    // An explanation stands in for evidence.
    t.app.explain_leaf(2025, "1.1", "Kế hoạch đã ban hành nhưng bản gốc đang lưu ở Văn phòng UBND tỉnh").unwrap();
    score_all(&mut t, 2025, "1.1=1 1.2=1,5 1.3=0");
    let view = t.app.assessment(2025).unwrap();
    assert!(view.findings.is_empty(), "{:?}", view.findings);
    let locked = t.app.lock_self_assessment(2025, "Nguyễn Văn Hùng", d("01/10/2025")).unwrap();
    assert_eq!(
        (locked.stage, locked.leader.as_str(), locked.locked_on),
        (Stage::SelfLocked, "Nguyễn Văn Hùng", Some(d("01/10/2025")))
    );

    // A locked stage is read-only.
    let before = state(&t);
    for err in [
        t.app.score_leaf(2025, "1.1", p("0"), None, None).unwrap_err(),
        t.app.set_not_applicable(2025, "1.1", true).unwrap_err(),
        t.app.explain_leaf(2025, "1.1", "sửa").unwrap_err(),
        t.app.appraise_leaf(2025, "1.1", p("0"), None).unwrap_err(),
        t.app.link_evidence(2025, "1.1", 1).unwrap_err(),
        t.app.lock_self_assessment(2025, "Nguyễn Văn Hùng", d("01/10/2025")).unwrap_err(),
        t.app.suggest_scores(2025, true).unwrap_err(),
    ] {
        assert_eq!(err.code(), ErrorCode::WrongStage, "{err}");
    }
    assert_eq!(state(&t), before);
    // Round 1: the survey result published by the province comes with it; the appraiser takes a point off 3.3; the
    // unit explains; round 2 gives half back.
    assert_eq!(t.app.advance_assessment(2025).unwrap().stage, Stage::Appraisal1);
    t.app.appraise_leaf(2025, "9.1", p("27,5"), None).unwrap();
    t.app.appraise_leaf(2025, "3.3", p("3"), Some("Thiếu Biểu 06 quý IV")).unwrap();
    assert_eq!(codes(&t.app.appraise_leaf(2025, "3.3", p("3,5"), None).unwrap_err()), [FindingCode::PointsNotAllowed]);
    assert_eq!(t.app.advance_assessment(2025).unwrap().stage, Stage::Explanation);
    let entry = t.app.explain_leaf(2025, "3.3", "Đã bổ sung Biểu 06 quý IV").unwrap();
    assert_eq!(entry.reply, "Đã bổ sung Biểu 06 quý IV");
    assert!(entry.explanation.is_empty(), "the self-assessment explanation is kept apart");
    assert_eq!(t.app.advance_assessment(2025).unwrap().stage, Stage::Appraisal2);
    t.app.appraise_leaf(2025, "3.3", p("4"), Some("Chấp nhận giải trình")).unwrap();
    t.app.appraise_leaf(2025, "7.3", p("2,25"), None).unwrap();
    assert_eq!(t.app.advance_assessment(2025).unwrap().stage, Stage::Final);
    assert_eq!(t.app.advance_assessment(2025).unwrap_err().code(), ErrorCode::WrongStage);

    let view = t.app.assessment(2025).unwrap();
    let [own, round1, round2] = [&view.totals[0], &view.totals[1], &view.totals[2]];
    // Self: 70 − 1,5 (1.2) − 2 (1.3) = 66,5 of 70; the survey's 27,5 counts from round 1.
    assert_eq!((own.total, own.out_of), (p("66,5"), p("70")));
    assert_eq!(round1.total, p("93"));
    assert_eq!(round2.total, p("93,25"));

    // Unlocking needs a reason, which goes to the change log; from final back to round 2.
    let err = t.app.unlock_assessment(2025, " ").unwrap_err();
    assert_eq!(codes(&err), [FindingCode::RequiredMissing]);
    let a = t.app.unlock_assessment(2025, "Hội đồng thẩm định chấm lại tiêu chí 7.3").unwrap();
    assert_eq!(a.stage, Stage::Appraisal2);
    let log = t.app.change_log(1).unwrap();
    assert_eq!((log[0].entity.as_str(), log[0].action.as_str()), ("assessment", "update"));
    assert_eq!(log[0].after.as_ref().unwrap()["step"], "unlock");
    assert_eq!(log[0].after.as_ref().unwrap()["reason"], "Hội đồng thẩm định chấm lại tiêu chí 7.3");
    // Before the stage opened again, the register with the final scores was copied and verified.
    let copies = t.app.backups().unwrap();
    assert_eq!(copies[0].reason, cchc::api::BackupReason::Unlock);
    assert!(copies[0].facts.counts["assessment_score"] > 0);
    // Back to the draft, the leader's lock is cleared.
    for _ in 0..3 {
        t.app.unlock_assessment(2025, "Sửa lại điểm tự chấm").unwrap();
    }
    let a = t.app.unlock_assessment(2025, "Sửa lại điểm tự chấm").unwrap();
    assert_eq!((a.stage, a.locked_on), (Stage::Draft, None));
    assert_eq!(t.app.unlock_assessment(2025, "lý do").unwrap_err().code(), ErrorCode::WrongStage);
}

#[test]
fn bad_input_is_refused_with_a_code_and_nothing_is_written() {
    let mut t = TestRegister::new();
    t.app.new_assessment(2025, None).unwrap();
    let before = state(&t);
    let cases: Vec<(cchc::Error, ErrorCode, Vec<FindingCode>)> = vec![
        (
            t.app.score_leaf(2025, "1.1", p("0,5"), None, None).unwrap_err(),
            ErrorCode::Invalid,
            vec![FindingCode::PointsNotAllowed],
        ),
        (
            t.app.score_leaf(2025, "3.8", p("1,3"), None, None).unwrap_err(),
            ErrorCode::Invalid,
            vec![FindingCode::PointsNotAllowed],
        ),
        (
            t.app.score_leaf(2025, "1", p("1"), None, None).unwrap_err(),
            ErrorCode::Invalid,
            vec![FindingCode::UnknownCriterion],
        ),
        (
            t.app.score_leaf(2025, "99.9", p("1"), None, None).unwrap_err(),
            ErrorCode::Invalid,
            vec![FindingCode::UnknownCriterion],
        ),
        (t.app.score_leaf(2024, "1.1", p("1"), None, None).unwrap_err(), ErrorCode::NotFound, vec![]),
        (t.app.new_assessment(1999, None).unwrap_err(), ErrorCode::Invalid, vec![FindingCode::OutOfRange]),
        (t.app.link_evidence(2025, "1.1", 42).unwrap_err(), ErrorCode::NotFound, vec![]),
        (t.app.advance_assessment(2025).unwrap_err(), ErrorCode::WrongStage, vec![]),
        (
            t.app
                .add_evidence(
                    EvidenceInput {
                        kind: "XYZ".into(),
                        number: String::new(),
                        date: None,
                        issuer: String::new(),
                        title: " ".into(),
                    },
                    None,
                )
                .unwrap_err(),
            ErrorCode::Invalid,
            vec![FindingCode::BadChoice, FindingCode::RequiredMissing],
        ),
    ];
    for (err, code, findings) in cases {
        assert_eq!((err.code(), codes(&err)), (code, findings), "{err}");
    }
    assert_eq!(state(&t), before);
}

// ---- Evidence ----

#[test]
fn evidence_files_are_stored_by_their_hash_and_support_many_leaves() {
    let mut t = TestRegister::new();
    t.app.new_assessment(2025, None).unwrap();
    let input = EvidenceInput {
        kind: "kế hoạch".into(),
        number: "25/KH-UBND".into(),
        date: Some(d("21/12/2024")),
        issuer: "UBND phường Trần Phú".into(),
        title: "Kế hoạch CCHC năm 2025".into(),
    };
    let bytes = "bản quét kế hoạch".as_bytes();
    let evidence = t.app.add_evidence(input.clone(), Some(Source::Bytes { name: "Kế hoạch 25.PDF", bytes })).unwrap();
    assert_eq!(evidence.input.kind, "KH", "the kind is matched by its name");
    let file = evidence.file.clone().unwrap();
    assert_eq!((file.original_name.as_str(), file.size), ("Kế hoạch 25.PDF", bytes.len() as i64));
    assert_eq!(file.sha256.len(), 64);
    let stored = t.app.evidence_file(evidence.id).unwrap().unwrap();
    assert_eq!(stored, t.dir.path().join("evidence").join(format!("{}.pdf", file.sha256)));
    assert_eq!(std::fs::read(&stored).unwrap(), bytes);
    // The same content again is stored once.
    let again = t.app.add_evidence(input.clone(), Some(Source::Bytes { name: "ban-sao.pdf", bytes })).unwrap();
    assert_eq!(again.file.unwrap().sha256, file.sha256);
    assert_eq!(std::fs::read_dir(t.dir.path().join("evidence")).unwrap().count(), 1);

    // One document supports two leaves; a scored leaf with it needs no explanation.
    t.app.score_leaf(2025, "1.1", p("1"), None, None).unwrap();
    t.app.score_leaf(2025, "1.2", p("3"), None, None).unwrap();
    let missing = |t: &TestRegister| -> Vec<String> {
        t.app
            .assessment(2025)
            .unwrap()
            .findings
            .iter()
            .filter(|f| f.code == FindingCode::EvidenceMissing)
            .map(|f| f.values["value"].clone())
            .collect()
    };
    assert_eq!(missing(&t), ["1.1", "1.2"]);
    for code in ["1.1", "1.2"] {
        t.app.link_evidence(2025, code, evidence.id).unwrap();
    }
    let entry = t.app.link_evidence(2025, "1.1", evidence.id).unwrap();
    assert_eq!(entry.evidence, [evidence.id], "linking twice changes nothing");
    assert!(missing(&t).is_empty());
    assert_eq!(t.app.assessment(2025).unwrap().evidence.len(), 1);
    t.app.unlink_evidence(2025, "1.2", evidence.id).unwrap();
    assert_eq!(missing(&t), ["1.2"]);

    // A file above the limit is refused before anything is copied.
    let big = t.file("lon.pdf", "");
    std::fs::File::create(&big).unwrap().set_len(cchc::api::EVIDENCE_FILE_LIMIT + 1).unwrap();
    let before = state(&t);
    let err = t.app.add_evidence(input, Some(Source::Path(&big))).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::FileTooLarge]);
    assert_eq!(state(&t), before);
    assert_eq!(std::fs::read_dir(t.dir.path().join("evidence")).unwrap().count(), 1);
}

// ---- Deadlines and comparison ----

#[test]
fn the_self_assessment_deadline_joins_the_board_while_it_is_a_draft() {
    let mut t = TestRegister::new();
    t.app.new_assessment(2026, None).unwrap();
    let board = t.app.deadlines(d("20/09/2026")).unwrap();
    let item = board.iter().find(|i| i.kind == DeadlineKind::SelfAssessment).unwrap();
    assert_eq!(
        (item.what.as_str(), item.due, item.days_left),
        ("Gửi kết quả tự đánh giá chỉ số CCHC năm 2026", d("05/10/2026"), 15)
    );
    // The set by its name, never its internal identifier.
    assert!(!item.record.contains("urn:"), "{}", item.record);
    assert!(item.record.starts_with("Bộ chỉ số") && item.record.ends_with(", phiên bản 1"), "{}", item.record);
    score_all(&mut t, 2026, "");
    t.app.lock_self_assessment(2026, "Nguyễn Văn Hùng", d("01/10/2026")).unwrap();
    assert!(!t.app.deadlines(d("20/09/2026")).unwrap().iter().any(|i| i.kind == DeadlineKind::SelfAssessment));
}

#[test]
fn this_year_is_compared_with_last_year_leaf_by_leaf_across_versions() {
    let mut t = TestRegister::new();
    t.app.new_assessment(2025, None).unwrap();
    score_all(&mut t, 2025, "3.3=2");
    // 2026 uses version 2, which drops 1.6 into a new 1.7 of the same point.
    let mut v2 = bundled();
    v2.version = 2;
    v2.areas[0].children[5].code = "1.7".into();
    let path = t.file("v2.json", &v2.to_json());
    t.app.import_criteria(&path, false).unwrap();
    t.app.new_assessment(2026, None).unwrap();
    t.app.score_leaf(2026, "3.3", p("4"), None, None).unwrap();
    let cmp = t.app.compare_assessment(2026).unwrap();
    assert_eq!(
        (cmp.previous_year, cmp.criteria.as_str(), cmp.previous_criteria.as_str()),
        (2025, &*format!("{URN}@2"), &*format!("{URN}@1"))
    );
    let leaf = |code: &str| cmp.leaves.iter().find(|l| l.code == code).unwrap().clone();
    assert_eq!((leaf("3.3").current, leaf("3.3").previous), (Some(p("4")), Some(p("2"))));
    assert_eq!((leaf("1.7").in_previous_set, leaf("1.7").previous), (false, None));
    // 68 of the 70 appraised points; no survey result was entered.
    assert_eq!(cmp.previous.total, p("68"));
    assert_eq!(t.app.compare_assessment(2025).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn an_excel_sheet_written_from_the_template_is_imported_with_numbers_as_numbers() {
    use crate::fixtures::{Cell, read_sheet, write_sheet};
    let mut t = TestRegister::new();
    let template = t.dir.path().join("mau-bo-chi-so.xlsx");
    cchc::App::write_criteria_template(&template).unwrap();
    let table = read_sheet(&template);
    assert_eq!(table.headers[..3], ["Mã", "Nội dung", "Điểm tối đa"]);
    assert!(table.rows.is_empty(), "the template is the header row only");
    // A province fills it in Excel: numbers as numbers, 1,5 points as 1.5.
    let text = |s: &str| Cell::Text(s.to_string());
    let rows: Vec<Vec<Cell>> = vec![
        vec![text("@urn"), text("urn:cchc:criteria:excel")],
        vec![text("@version"), Cell::Number(3.0)],
        vec![text("@name"), text("Bộ chỉ số soạn bằng Excel")],
        vec![text("@scale"), Cell::Number(3.0)],
        vec![text("@appraised_share"), Cell::Number(3.0)],
        vec![text("@bands"), text("Đạt: 50; Chưa đạt: 0")],
        vec![text("1"), text("Chỉ đạo điều hành"), Cell::Number(3.0)],
        vec![text("1.1"), text("Kế hoạch"), Cell::Number(1.5), Cell::Empty, text("đạt/không đạt")],
        vec![text("1.2"), text("Tự kiểm tra"), Cell::Number(1.5), Cell::Empty, text("chấm theo mức độ"), text("0,5")],
    ];
    let filled = t.dir.path().join("bo-chi-so.xlsx");
    write_sheet(&filled, &table.sheet, &table.headers, &rows);
    let report = t.app.import_criteria(&filled, false).unwrap();
    assert!(report.stored, "{:?}", report.findings);
    let set = t.app.criteria_set("urn:cchc:criteria:excel@3").unwrap();
    assert_eq!(set.leaf("1.1").unwrap().node.max, p("1,5"));
    assert_eq!(set.leaf("1.2").unwrap().rule, &Rule::Manual { step: p("0,5") });
    // The same file from the desktop window (picked bytes) is the same set, refused now as not newer.
    let bytes = std::fs::read(&filled).unwrap();
    let err = t.app.import_criteria(Source::Bytes { name: "bo-chi-so.xlsx", bytes: &bytes }, false).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::CriteriaNotNewer]);
}

#[test]
fn a_v3_register_is_migrated_and_can_start_an_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.cchc");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", 0x4343_4843).unwrap();
        for sql in [
            include_str!("../../src/register/migrations/0001_initial.sql"),
            include_str!("../../src/register/migrations/0002_staffing_and_plans.sql"),
            include_str!("../../src/register/migrations/0003_iso.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute(
            "INSERT INTO unit (name, kind, province, issuer_line, place_name, user_name, created_at, updated_at)
             VALUES ('Ủy ban nhân dân phường Trần Phú', 'phuong', 'Hải Phòng', 'ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ',
                     'Trần Phú', 'Nguyễn Thị Lan', '2026-01-01', '2026-01-01')",
            [],
        )
        .unwrap();
    }
    let mut app = cchc::App::open(&path, Assets::bundled(), crate::fixtures::clock()).unwrap();
    assert!(app.migration_backup().is_some());
    assert_eq!(app.schema_version().unwrap(), cchc::api::SCHEMA_VERSION);
    app.new_assessment(2026, None).unwrap();
    app.score_leaf(2026, "1.1", p("1"), None, None).unwrap();
    assert_eq!(app.assessment(2026).unwrap().totals[0].appraised, p("1"));
}

#[test]
fn nfd_explanations_are_stored_as_nfc() {
    // What the user saw: an explanation typed on a Mac did not match the same words typed on Windows.
    let mut t = TestRegister::new();
    t.app.new_assessment(2025, None).unwrap();
    let nfd = "Ke\u{302}\u{301} hoa\u{323}ch lưu tại Văn phòng";
    let entry = t.app.explain_leaf(2025, "1.1", nfd).unwrap();
    assert_eq!(entry.explanation, "Kế hoạch lưu tại Văn phòng");
}

#[test]
fn the_demo_ward_gets_suggestions_from_its_own_statistics() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) =
        cchc::App::create_demo(dir.path(), Assets::bundled(), crate::fixtures::clock(), &cchc::api::no_progress)
            .unwrap();
    // The demo ward holds last year's self-assessment, started from these suggestions.
    assert_eq!(app.new_assessment(2025, None).unwrap_err().code(), ErrorCode::AlreadyExists);
    let suggestions = app.suggest_scores(2025, true).unwrap();
    let on_time = suggestions.iter().find(|s| s.code == "3.3").unwrap();
    let rate = app.year_on_time_rate(2025).unwrap().unwrap();
    assert!(on_time.trace.starts_with("Số liệu năm 2025: ("), "{}", on_time.trace);
    assert!(on_time.trace.contains(&format!("= {} %", cchc::model::Percent((rate * 100.0).round() as i64).vn())));
    assert!(on_time.points.is_some());
    // Applied: the suggestion became the self points, with nothing to explain about an override.
    let view = app.assessment(2025).unwrap();
    let entry = view.entries.iter().find(|e| e.code == "3.3").unwrap();
    assert_eq!(entry.self_points, on_time.points);
    assert!(!view.findings.iter().any(|f| f.code == FindingCode::OverrideReasonMissing));
}

#[test]
fn the_sample_set_round_trips_through_excel_and_csv_for_a_province_to_edit() {
    let mut t = TestRegister::new();
    for (name, version) in [("bo-chi-so.xlsx", 2), ("bo-chi-so.csv", 3)] {
        let path = t.dir.path().join(name);
        assert_eq!(t.app.export_criteria(URN, &path).unwrap(), 50, "10 areas, 2 criteria with sub-criteria, 38 leaves");
        // The province edits the version (row 3: the header, then "@urn") and imports it back.
        set_criteria_version(&path, version);
        let report = t.app.import_criteria(&path, false).unwrap();
        assert!(report.stored, "{name}: {:?}", report.findings);
        let back = t.app.criteria_set(&format!("{URN}@{version}")).unwrap();
        assert_eq!(CriteriaSet { version: 1, ..back }, bundled(), "{name}");
    }
}

#[test]
fn periodic_reports_sent_on_time_are_counted_from_the_outgoing_register() {
    use cchc::model::{Measure, Metric, ReportKind};
    let mut t = TestRegister::new();
    let none = t.app.metric(Metric::ReportsOnTime, 2026).unwrap();
    assert_eq!(none.measure, None);
    assert!(none.trace.contains("chưa có báo cáo CCHC định kỳ nào của năm 2026"), "{}", none.trace);

    // Quý I issued two days before its deadline (20/03), 6 tháng five days after its deadline (20/06).
    let day = |m, d| Some(NaiveDate::from_ymd_opt(2026, m, d).unwrap());
    t.app.issue_report(ReportKind::Periodic, "2026-Q1".parse().unwrap(), day(3, 18), None).unwrap();
    t.app.issue_report(ReportKind::Periodic, "2026-H1".parse().unwrap(), day(6, 25), None).unwrap();
    let reading = t.app.metric(Metric::ReportsOnTime, 2026).unwrap();
    assert_eq!(reading.measure, Some(Measure::Count { value: 1 }));
    assert!(reading.trace.contains("Quý I: số 01/BC-UBND ngày 18/03/2026, hạn 20/03/2026;"), "{}", reading.trace);
    assert!(
        reading.trace.contains("6 tháng: số 02/BC-UBND ngày 25/06/2026, hạn 20/06/2026 (muộn)"),
        "{}",
        reading.trace
    );
    assert!(reading.trace.contains("9 tháng: chưa phát hành"), "{}", reading.trace);
    assert!(reading.trace.ends_with("đúng hạn 1 báo cáo"), "{}", reading.trace);
}

// ---- A province's own set, written from docs/criteria-format.md (issue 15) ----

/// A small valid set as a province writes it in JSON, with `fields` spliced into the header and `leaf` as the only
/// leaf of area 1 (max 4).
fn province_json(fields: &str, leaf: &str) -> String {
    format!(
        r#"{{"format":1,"urn":"urn:test:tinh","version":1,"name":"Bộ của tỉnh","scale":4,"appraised_share":4,
        "bands":[{{"label":"Tốt","min":90}},{{"label":"Kém","min":0}}]{fields},
        "areas":[{{"code":"1","text":"Lĩnh vực một","max":4,"children":[{leaf}]}}]}}"#
    )
}

const LEAF: &str = r#"{"code":"1.1","text":"Tiêu chí","max":4,"rule":{"type":"boolean"}}"#;

/// The findings of importing `json` (refused, nothing stored), as (code, record, column, values).
fn refused(json: &str) -> Vec<(FindingCode, String, String, BTreeMap<String, String>)> {
    let mut t = TestRegister::new();
    let before = state(&t);
    let path = t.file("tinh.json", json);
    let err = t.app.import_criteria(&path, false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert_eq!(state(&t), before, "a refused set writes nothing");
    err.findings()
        .iter()
        .map(|f| {
            (
                f.code,
                f.place.record.clone().unwrap_or_default(),
                f.place.column.clone().unwrap_or_default(),
                f.values.clone(),
            )
        })
        .collect()
}

/// No English of the JSON reader reaches the official.
fn assert_no_reader_english(findings: &[(FindingCode, String, String, BTreeMap<String, String>)]) {
    for (_, _, _, values) in findings {
        for value in values.values() {
            for english in ["unknown variant", "expected", "invalid type", "missing field", "at line", "EOF"] {
                assert!(!value.contains(english), "{value}");
            }
        }
    }
}

#[test]
fn a_sheet_scope_written_in_vietnamese_is_stored_as_the_json_codes() {
    // The sheet said "xã, phường" and the set kept those words, while JSON sets keep xa/phuong.
    let mut t = TestRegister::new();
    let sheet =
        SHEET.replace(",@version,1,,,,,,,\n", ",@version,1,,,,,,,\n,@đối tượng,\"Xã, phường, dac khu\",,,,,,,\n");
    let path = t.file("bo-chi-so.csv", &sheet);
    let report = t.app.import_criteria(&path, false).unwrap();
    assert!(report.stored, "{:?}", report.findings);
    assert_eq!(t.app.criteria_set("urn:cchc:criteria:tinh-mau").unwrap().scope, ["xa", "phuong", "dac_khu"]);
    // JSON takes the Vietnamese words too.
    let set = CriteriaSet::from_json(&province_json(r#","scope":["Xã","đặc khu"]"#, LEAF)).unwrap();
    assert_eq!(set.scope, ["xa", "dac_khu"]);
}

#[test]
fn an_unknown_scope_is_refused_naming_the_accepted_values() {
    // "thị trấn" passed unchecked.
    let found = refused(&province_json(r#","scope":["xa","thị trấn"]"#, LEAF));
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, record, column, values) = &found[0];
    assert_eq!((code, record.as_str(), column.as_str()), (&FindingCode::BadChoice, "Bộ chỉ số", "scope"));
    assert_eq!(values["value"], "thị trấn");
    assert!(values["allowed"].contains("xã, phường, đặc khu"), "{values:?}");
    // The same in a sheet.
    let mut t = TestRegister::new();
    let sheet = SHEET.replace(",@version,1,,,,,,,\n", ",@version,1,,,,,,,\n,@đối tượng,thị trấn,,,,,,,\n");
    let path = t.file("bo-chi-so.csv", &sheet);
    let err = t.app.import_criteria(&path, false).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::BadChoice]);
}

#[test]
fn a_rule_band_above_100_percent_is_out_of_range_not_out_of_order() {
    // "Các mức phải xếp từ cao xuống thấp…" although the order was right.
    let leaf = r#"{"code":"1.1","text":"Đúng hạn","max":4,"rule":{"type":"banded_percentage",
        "bands":[{"min":120,"points":4},{"min":98,"points":3}]}}"#;
    let found = refused(&province_json("", leaf));
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, record, column, values) = &found[0];
    assert_eq!((code, record.as_str(), column.as_str()), (&FindingCode::OutOfRange, "Tiêu chí 1.1", "rule_bands"));
    assert_eq!((values["value"].as_str(), values["min"].as_str(), values["max"].as_str()), ("120 %", "0 %", "100 %"));
    // A band out of order is still reported as out of order, and only so.
    let leaf = r#"{"code":"1.1","text":"Đúng hạn","max":4,"rule":{"type":"banded_percentage",
        "bands":[{"min":90,"points":1},{"min":98,"points":4}]}}"#;
    let found: Vec<FindingCode> = refused(&province_json("", leaf)).into_iter().map(|f| f.0).collect();
    assert_eq!(found, [FindingCode::CriteriaBandsOrder]);
}

#[test]
fn every_message_of_a_set_names_its_own_problem() {
    // Negative band points were "above the maximum"; an area without criteria was told to take a rule; a bonus
    // item over its part's cap was "above the maximum" of itself; an empty band list was "out of order".
    let cases: Vec<(&str, &str, FindingCode, &str)> = vec![
        (
            "",
            r#"{"code":"1.1","text":"Âm","max":4,"rule":{"type":"count_threshold","bands":[{"min":3,"points":-1}]}}"#,
            FindingCode::Negative,
            "Tiêu chí 1.1",
        ),
        (
            "",
            r#"{"code":"1.1","text":"Ngưỡng âm","max":4,"rule":{"type":"count_threshold","bands":[{"min":-2,"points":1}]}}"#,
            FindingCode::Negative,
            "Tiêu chí 1.1",
        ),
        (
            "",
            r#"{"code":"1.1","text":"Không có mức","max":4,"rule":{"type":"banded_percentage","bands":[]}}"#,
            FindingCode::RequiredMissing,
            "Tiêu chí 1.1",
        ),
    ];
    for (fields, leaf, code, record) in cases {
        let found = refused(&province_json(fields, leaf));
        assert_eq!(found.iter().map(|f| (f.0, f.1.as_str())).collect::<Vec<_>>(), [(code, record)], "{leaf}");
    }
    // An area with no criteria.
    let json = province_json("", LEAF).replace(r#""areas":["#, r#""areas":[{"code":"2","text":"Trống","max":0},"#);
    let found = refused(&json);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0, found[0].3.get("problem").map(String::as_str)),
        (FindingCode::CriteriaRuleMissing, Some("area"))
    );
    // A bonus item worth more than the whole bonus cap names the cap.
    let json = province_json(r#","bonus_cap":1"#, LEAF).replace(
        r#"]}]}"#,
        r#"]},{"code":"9","text":"Thưởng","max":0,"part":"thưởng, trừ","children":[
            {"code":"9.1","text":"Thưởng","max":2,"rule":{"type":"điểm thưởng"}}]}]}"#,
    );
    let found = refused(&json);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0, found[0].3["cap"].as_str(), found[0].3["points"].as_str()),
        (FindingCode::CriteriaPointsOverMax, "1", "2")
    );
    // A deadline that is no day of the year says its format is dd/mm, not dd/mm/yyyy.
    let found = refused(&province_json(r#","self_assessment_deadline":{"day":31,"month":2}"#, LEAF));
    assert_eq!((found[0].0, found[0].3["format"].as_str()), (FindingCode::BadDate, "dd/mm"));
}

#[test]
fn a_json_rule_of_unknown_type_names_the_criterion_and_the_accepted_types_in_vietnamese() {
    // "unknown variant `ty_le`, expected one of …" at a line and column.
    let leaf = r#"{"code":"3.3","text":"Đúng hạn","max":4,"rule":{"type":"ty_le_phan_tram"}}"#;
    let found = refused(
        &province_json("", leaf).replace(r#""code":"1","text":"Lĩnh vực một""#, r#""code":"3","text":"Lĩnh vực ba""#),
    );
    assert_no_reader_english(&found);
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, record, column, values) = &found[0];
    assert_eq!((code, record.as_str(), column.as_str()), (&FindingCode::BadChoice, "Tiêu chí 3.3", "rule"));
    assert_eq!(values["value"], "ty_le_phan_tram");
    assert!(values["allowed"].starts_with("đạt/không đạt; tỷ lệ; số lượng"), "{values:?}");
}

#[test]
fn json_accepts_the_vietnamese_rule_names_of_the_sheet() {
    let leaves = r#"{"code":"1.1","text":"Tỷ lệ","max":2,"rule":{"type":"Tỷ lệ","bands":[{"min":98,"points":2}]}},
        {"code":"1.2","text":"Có không","max":1,"rule":"đạt/không đạt"},
        {"code":"1.3","text":"Theo mức độ","max":1,"rule":{"type":"chấm theo mức độ","step":"0,5"}}"#;
    let set = CriteriaSet::from_json(&province_json(r#","normalisation":"theo điểm có nhiệm vụ""#, leaves)).unwrap();
    assert!(matches!(set.leaf("1.1").unwrap().rule, Rule::BandedPercentage { .. }));
    assert_eq!(set.leaf("1.2").unwrap().rule, &Rule::Boolean);
    assert_eq!(set.leaf("1.3").unwrap().rule, &Rule::Manual { step: p("0,5") });
    assert_eq!(set.normalisation, cchc::model::Normalisation::Applicable);
}

#[test]
fn a_malformed_json_set_says_which_criterion_and_field_without_english() {
    // Wrong types and missing fields came as serde's English at a line and column.
    let leaf = r#"{"code":"1.1","max":true,"rule":{"type":"boolean"},"evidence":"Báo cáo"},
        {"code":1.2,"text":"Mã là số","max":"1,555","rule":{"type":"manual"}},
        {"code":"1.3","text":"Mức sai","max":4,"rule":{"type":"banded_percentage","bands":[{"min":"chín mươi"}]}}"#;
    let found = refused(&province_json(r#","scale":"mười","years":[2025,"năm sau"]"#, leaf));
    assert_no_reader_english(&found);
    let got: Vec<(FindingCode, &str, &str)> = found.iter().map(|f| (f.0, f.1.as_str(), f.2.as_str())).collect();
    for expected in [
        (FindingCode::BadNumber, "Bộ chỉ số", "scale"),
        (FindingCode::BadNumber, "Bộ chỉ số", "years"),
        (FindingCode::CriteriaFormat, "Tiêu chí 1.1", "max"),
        (FindingCode::RequiredMissing, "Tiêu chí 1.1", "text"),
        (FindingCode::CriteriaFormat, "Tiêu chí thứ 2 của lĩnh vực 1", "criterion"),
        (FindingCode::BadNumber, "Tiêu chí thứ 2 của lĩnh vực 1", "max"),
        (FindingCode::BadNumber, "Tiêu chí 1.3", "rule_bands"),
        (FindingCode::RequiredMissing, "Tiêu chí 1.3", "rule_bands"),
    ] {
        assert!(got.contains(&expected), "{expected:?} in {got:?}");
    }
    let max = found.iter().find(|f| f.1 == "Tiêu chí 1.1" && f.2 == "max").unwrap();
    assert_eq!((max.3["value"].as_str(), max.3["expected"].starts_with("một số")), ("true", true));
    // A text that is not JSON at all names its line and column, in Vietnamese.
    let found = refused("{\n  \"format\": 1,\n  \"urn\": \"x\"\n  \"version\": 2\n}");
    assert_no_reader_english(&found);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].0, found[0].3["line"].as_str(), found[0].3["problem"].as_str()),
        (FindingCode::CriteriaFormat, "4", "sai cú pháp")
    );
    assert!(!found[0].3.contains_key("detail"));
    // Not an object at all.
    let found = refused("[1, 2]");
    assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), [FindingCode::CriteriaFormat]);
}

#[test]
fn a_survey_leaf_refuses_a_self_score_and_does_not_count_in_the_self_total() {
    // The document said survey leaves are not self-scored, yet 9.1 took 26,5 self points that counted.
    let mut t = TestRegister::new();
    t.app.new_assessment(2025, None).unwrap();
    let before = state(&t);
    let err = t.app.score_leaf(2025, "9.1", p("26,5"), None, None).unwrap_err();
    assert_eq!((err.code(), codes(&err)), (ErrorCode::Invalid, vec![FindingCode::SurveyNotSelfScored]));
    assert_eq!(err.findings()[0].values["value"], "9.1");
    assert_eq!(state(&t), before);
    // Full marks on every appraised leaf: the self total is 70 of the 70 appraised points (the survey's 30 are
    // the province's), 100 %.
    score_all(&mut t, 2025, "");
    let own = t.app.assessment(2025).unwrap().totals[0].clone();
    assert_eq!((own.appraised, own.survey, own.survey_max), (p("70"), Points::ZERO, Points::ZERO));
    assert_eq!((own.total, own.out_of, own.percent.unwrap().vn()), (p("70"), p("70"), "100".to_string()));
    let survey_area = t.app.assessment(2025).unwrap().nodes.into_iter().find(|n| n.code == "9").unwrap();
    assert_eq!(survey_area.points[0], None);
}

#[test]
fn the_survey_result_is_entered_with_the_appraisal_and_counts_in_the_appraised_total() {
    let mut t = TestRegister::new();
    t.app.new_assessment(2025, None).unwrap();
    score_all(&mut t, 2025, "3.3=3");
    t.app.lock_self_assessment(2025, "Nguyễn Văn Hùng", d("01/10/2025")).unwrap();
    t.app.advance_assessment(2025).unwrap();
    t.app.appraise_leaf(2025, "9.1", p("26,5"), Some("Kết quả điều tra của tỉnh")).unwrap();
    // Still in quarter steps up to the maximum.
    let err = t.app.appraise_leaf(2025, "9.1", p("30,1"), None).unwrap_err();
    assert_eq!(codes(&err), [FindingCode::PointsNotAllowed]);
    let view = t.app.assessment(2025).unwrap();
    let [own, round1] = [&view.totals[0], &view.totals[1]];
    // Self: 69 of 70. After round 1: 69 + 26,5 = 95,5 of 100 (appraised and survey together).
    assert_eq!((own.total, own.out_of), (p("69"), p("70")));
    assert_eq!(
        (round1.appraised, round1.survey, round1.total, round1.out_of),
        (p("69"), p("26,5"), p("95,5"), p("100"))
    );
}

#[test]
fn the_documented_totals_rules_hold() {
    let raw = small_set("raw");
    let applicable = small_set("applicable");
    let cases: Vec<(&CriteriaSet, &str, &str)> = vec![
        // An unscored leaf counts 0 against its maximum (A.2 and A.3 not scored).
        (&raw, "A.1=2 S.1=4", "2/6 + 4/4 + 0 - 0 = 6 (60 %, Kém)"),
        (&applicable, "A.1=2 S.1=4", "2/6 + 4/4 + 0 - 0 = 6 (60 %, Kém)"),
        // Normalisation spans the appraised and survey parts together: (3 + 2) of (4 + 4) N/A-free points → 6,25.
        (&applicable, "A.1=1 A.2=na A.3.1=1 A.3.2=1 S.1=2", "3/4 + 2/4 + 0 - 0 = 6,25 (62,5 %, Kém)"),
        // Rounded half up to hundredths once, before bonus: 5,75 of 9 → 6,3888… → 6,39; + 1 bonus = 7,39.
        (&applicable, "A.1=1,75 A.2=2 A.3.1=na A.3.2=0 S.1=2 T.1=1", "3,75/5 + 2/4 + 1 - 0 = 7,39 (73,9 %, Khá)"),
        // An exact half goes up: 0,1 of 8 → 0,125 → 0,13.
        (&applicable, "A.1=0 A.2=na A.3.1=0 A.3.2=0 S.1=0,1", "0/4 + 0,1/4 + 0 - 0 = 0,13 (1,3 %, Kém)"),
    ];
    for (set, scores, expected) in cases {
        assert_eq!(total_of(set, scores), expected, "{scores}");
    }
}

#[test]
fn a_sheet_with_the_vietnamese_setting_keys_and_dates_is_imported() {
    // docs/criteria-format.md did not say which Vietnamese keys and date formats a sheet takes.
    let mut t = TestRegister::new();
    let sheet = SHEET
        .replace(",@urn,", ",@Mã bộ chỉ số,")
        .replace(",@version,", ",@phiên bản,")
        .replace(",@hạn tự đánh giá,30/09,", ",@hạn tự đánh giá,30/09,,,,,,,\n,@ngày quyết định,20/09/2022,")
        .replace(",@thang điểm,10,", ",@thang điểm,10,,,,,,,\n,@năm áp dụng,\"2025, 2026\",")
        .replace(",@xếp loại,", ",@cách tính,theo điểm có nhiệm vụ,,,,,,,\n,@xếp loại,");
    let path = t.file("bo-chi-so.csv", &sheet);
    let report = t.app.import_criteria(&path, false).unwrap();
    assert!(report.stored, "{:?}", report.findings);
    let set = t.app.criteria_set("urn:cchc:criteria:tinh-mau").unwrap();
    assert_eq!(set.decision.date, Some(d("20/09/2022")));
    assert_eq!(set.years, [2025, 2026]);
    assert_eq!(set.normalisation, cchc::model::Normalisation::Applicable);
    assert_eq!(set.self_assessment_deadline.unwrap().in_year(2026), Some(d("30/09/2026")));
    // A deadline with a year is read as its day and month; a year outside 2000–2100 is out of range, not "not a
    // number".
    let bad = SHEET.replace(",@version,1,,,,,,,\n", ",@version,1,,,,,,,\n,@năm áp dụng,1925,,,,,,,\n");
    let mut t = TestRegister::new();
    let path = t.file("bo-chi-so-nam.csv", &bad);
    let err = t.app.import_criteria(&path, true).unwrap();
    assert_eq!(err.findings.iter().map(|f| f.code).collect::<Vec<_>>(), [FindingCode::OutOfRange]);
}

#[test]
fn a_leaf_whose_maximum_changed_is_not_compared_and_the_sets_are_said_to_differ() {
    // 1.1 was worth 1 point in 2025 and 2 in 2026, yet its points were set side by side.
    let mut t = TestRegister::new();
    t.app.new_assessment(2025, None).unwrap();
    score_all(&mut t, 2025, "");
    let mut v2 = bundled();
    v2.version = 2;
    v2.areas[0].children[0].max = p("2");
    v2.areas[0].children[3].max = Points::ZERO;
    let path = t.file("v2.json", &v2.to_json());
    t.app.import_criteria(&path, false).unwrap();
    t.app.new_assessment(2026, None).unwrap();
    t.app.score_leaf(2026, "1.1", p("2"), None, None).unwrap();
    t.app.score_leaf(2026, "1.2", p("3"), None, None).unwrap();
    let cmp = t.app.compare_assessment(2026).unwrap();
    assert!(!cmp.same_set && cmp.same_scale);
    let leaf = |code: &str| cmp.leaves.iter().find(|l| l.code == code).unwrap().clone();
    let changed = leaf("1.1");
    assert_eq!(
        (changed.comparable, changed.in_previous_set, changed.previous_max, changed.previous),
        (false, true, Some(p("1")), None)
    );
    let same = leaf("1.2");
    assert_eq!((same.comparable, same.previous, same.current), (true, Some(p("3")), Some(p("3"))));
    // The same set on both years says so.
    let mut t = TestRegister::new();
    t.app.new_assessment(2025, None).unwrap();
    t.app.new_assessment(2026, None).unwrap();
    assert!(t.app.compare_assessment(2026).unwrap().same_set);
}

/// Sets the "@version" row of an exported criteria set as a province would in Excel (a number) or in a text editor
/// (the CSV line), leaving every other cell as exported.
fn set_criteria_version(path: &std::path::Path, version: u32) {
    use crate::fixtures::{Cell, read_sheet, write_sheet};
    if path.extension().is_some_and(|e| e == "csv") {
        let text = std::fs::read_to_string(path).unwrap();
        let edited: Vec<String> = text
            .split_inclusive('\n')
            .map(|line| match line.strip_prefix("@version;") {
                Some(rest) => {
                    let after = rest.find([';', '\r', '\n']).map_or("", |i| &rest[i..]);
                    format!("@version;{version}{after}")
                }
                None => line.to_string(),
            })
            .collect();
        assert_ne!(edited.concat(), text, "the CSV has a @version row");
        std::fs::write(path, edited.concat()).unwrap();
        return;
    }
    let mut table = read_sheet(path);
    let row = table.rows.iter().position(|r| r.first().is_some_and(|c| c == "@version")).expect("a @version row");
    table.cells[row][1] = Cell::Number(f64::from(version));
    write_sheet(path, &table.sheet, &table.headers, &table.cells);
}
