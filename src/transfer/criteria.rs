//! Criteria sets ("Bộ chỉ số", one row per node; see docs/criteria-format.md): its columns, the settings rows, and
//! the sheet read into a `CriteriaSet` and back.

use super::{Cells, Column, Layout, Read, Spec, cells};
use crate::model::{
    CRITERIA_FORMAT, ClassBand, CountBand, CriteriaSet, DayOfYear, Finding, FindingCode, Node, Normalisation, Part,
    Percent, PercentBand, Place, Points, Rule, SetDecision,
};
use crate::sheet::{Cell, Table};
use crate::text;
use std::collections::BTreeMap;

/// The sheet name of a criteria set.
pub const CRITERIA_SHEET: &str = "Bộ chỉ số";

type C = Column<Node>;

/// The columns in file order; a node fills one row.
pub(super) const SPEC: Spec<Node> = Spec {
    sheet: CRITERIA_SHEET,
    columns: &[
        C::new("code", "Mã", Read::Code, |n, _| Cell::text(&n.code)).or(&["Mã tiêu chí", "Ký hiệu"]).required(),
        // Also the value of a settings row ("@key").
        C::new("text", "Nội dung", Read::Text, |n, _| Cell::text(&n.text))
            .or(&["Tiêu chí", "Nội dung tiêu chí", "Tên"])
            .required(),
        C::new("max", "Điểm tối đa", Read::Own, |n, _| Cell::Number(n.max.as_f64()))
            .or(&["Điểm chuẩn", "Thang điểm", "Điểm"])
            .required(),
        C::new("part", "Phần", Read::Own, |n, _| Cell::text(part_name(n))).or(&["Nhóm điểm"]),
        C::new("rule", "Cách chấm", Read::Own, |n, _| Cell::text(rule_cells(n).0)).or(&[
            "Quy tắc chấm",
            "Phương pháp chấm",
            "Loại",
        ]),
        C::new("bands", "Mức điểm", Read::Own, |n, _| Cell::text(&rule_cells(n).1)).or(&["Thang mức", "Ngưỡng", "Mức"]),
        C::new("metric", "Chỉ số từ sổ", Read::Text, |n, _| Cell::text(n.metric.as_deref().unwrap_or("")))
            .or(&["Chỉ số", "Số liệu từ sổ"]),
        C::new("evidence", "Tài liệu kiểm chứng", Read::Own, |n, _| Cell::text(&n.evidence.join("; ")))
            .or(&["Kiểm chứng", "Minh chứng"]),
        C::new("guidance", "Hướng dẫn", Read::Own, |n, _| Cell::text(&n.guidance)).or(&["Hướng dẫn chấm", "Ghi chú"]),
    ],
};

/// The header settings a criteria sheet gives in rows whose code starts with "@": (key, Vietnamese name).
const CRITERIA_SETTINGS: [(&str, &str); 17] = [
    ("urn", "mã bộ chỉ số"),
    ("version", "phiên bản"),
    ("name", "tên bộ chỉ số"),
    ("province", "tỉnh"),
    ("decision_number", "số quyết định"),
    ("decision_date", "ngày quyết định"),
    ("years", "năm áp dụng"),
    ("scope", "đối tượng"),
    ("note", "ghi chú"),
    ("scale", "thang điểm"),
    ("appraised_share", "điểm thẩm định"),
    ("survey_share", "điểm điều tra"),
    ("bonus_cap", "điểm thưởng tối đa"),
    ("penalty_cap", "điểm trừ tối đa"),
    ("normalisation", "cách tính"),
    ("bands", "xếp loại"),
    ("deadline", "hạn tự đánh giá"),
];

/// A criteria set read from a sheet: the set (when its rows could be read at all), the row of each node's code,
/// and every problem of the cells.
#[derive(Debug, Clone)]
pub struct ParsedCriteria {
    pub set: Option<CriteriaSet>,
    pub rows: BTreeMap<String, usize>,
    pub findings: Vec<Finding>,
}

/// Reads a criteria set from a table with one row per node (see docs/criteria-format.md): settings rows "@key"
/// with their value in "Nội dung", then nodes whose parent is their code without its last ".n" segment. Every
/// cell's problem is reported at once; the set's own rules are checked afterwards by `CriteriaSet::validate`.
pub fn parse_criteria(table: &Table) -> ParsedCriteria {
    let mut findings = Vec::new();
    let layout = Layout::new(table, &SPEC, &mut findings);
    let mut rows = BTreeMap::new();
    if !layout.is_complete() {
        return ParsedCriteria { set: None, rows, findings };
    }
    let mut set = CriteriaSet {
        format: CRITERIA_FORMAT,
        urn: String::new(),
        version: 0,
        name: String::new(),
        province: String::new(),
        decision: SetDecision::default(),
        years: Vec::new(),
        scope: Vec::new(),
        note: String::new(),
        scale: Points::ZERO,
        appraised_share: Points::ZERO,
        survey_share: Points::ZERO,
        bonus_cap: Points::ZERO,
        penalty_cap: Points::ZERO,
        normalisation: Normalisation::Raw,
        bands: Vec::new(),
        self_assessment_deadline: None,
        areas: Vec::new(),
    };
    // Nodes in file order with their parent's code; the tree is assembled at the end.
    let mut nodes: Vec<(Option<String>, Node, usize)> = Vec::new();
    for row in &table.rows {
        if row.is_empty() {
            continue;
        }
        let mut found = Cells::new(&layout, row);
        let code = found.code("code");
        if let Some(key) = code.strip_prefix('@') {
            criteria_setting(&mut set, key.trim(), &mut found);
            findings.append(&mut found.findings);
            continue;
        }
        if code.is_empty() {
            found.push(FindingCode::RequiredMissing, "code", &[]);
        }
        let max = match found.get("max").map(cells::points_of) {
            Some(Some(p)) => p,
            _ => {
                found.push(FindingCode::BadNumber, "max", &[("value", found.raw("max"))]);
                Points::ZERO
            }
        };
        let part_text = found.raw("part");
        let part = match crate::model::part_named(&part_text) {
            _ if part_text.trim().is_empty() => None,
            Some(part) => Some(part),
            None => {
                found.push(
                    FindingCode::BadChoice,
                    "part",
                    &[("value", part_text.clone()), ("allowed", crate::model::PART_NAMES_ALLOWED.into())],
                );
                None
            }
        };
        let rule = criteria_rule(&mut found);
        let metric = Some(found.text("metric")).filter(|m| !m.is_empty());
        let evidence: Vec<String> =
            found.raw("evidence").split([';', '\n']).map(text::clean).filter(|e| !e.is_empty()).collect();
        let node = Node {
            code: code.clone(),
            text: found.text("text"),
            max,
            part,
            rule,
            evidence,
            metric,
            guidance: text::clean_multiline(&found.raw("guidance")),
            children: Vec::new(),
        };
        let parent = code.rsplit_once('.').map(|(p, _)| p.to_string());
        if !code.is_empty() {
            rows.entry(code).or_insert(row.number);
        }
        findings.append(&mut found.findings);
        nodes.push((parent, node, row.number));
    }
    // Assemble children before parents: deepest codes first.
    let mut pending: Vec<(Option<String>, Node, usize)> = nodes;
    pending.sort_by_key(|(_, n, _)| std::cmp::Reverse(n.code.matches('.').count()));
    let mut by_code: BTreeMap<String, Node> = BTreeMap::new();
    let order: Vec<String> =
        table.rows.iter().filter_map(|r| layout.cell(r, "code").map(|c| cells::code_text(Some(c)))).collect();
    let position = |code: &str| order.iter().position(|c| c == code).unwrap_or(usize::MAX);
    let mut children_of: BTreeMap<String, Vec<Node>> = BTreeMap::new();
    for (parent, mut node, row) in pending {
        if let Some(mut children) = children_of.remove(&node.code) {
            children.sort_by_key(|c| position(&c.code));
            node.children = children;
        }
        match parent {
            Some(parent) if rows.contains_key(&parent) => children_of.entry(parent).or_default().push(node),
            Some(parent) => findings.push(
                Finding::new(FindingCode::UnknownCriterion, Place::cell(&table.sheet, row, layout.header("code")))
                    .with("value", parent),
            ),
            None => {
                by_code.insert(node.code.clone(), node);
            }
        }
    }
    let mut areas: Vec<Node> = by_code.into_values().collect();
    areas.sort_by_key(|a| position(&a.code));
    set.areas = areas;
    ParsedCriteria { set: Some(set), rows, findings }
}

fn criteria_setting(set: &mut CriteriaSet, key: &str, found: &mut Cells) {
    let cell = found.get("text");
    let folded = text::fold(key);
    let Some((key, _)) = CRITERIA_SETTINGS.iter().find(|(k, vn)| *k == key || text::fold(vn) == folded) else {
        let allowed: Vec<String> = CRITERIA_SETTINGS.iter().map(|(k, vn)| format!("@{k} (@{vn})")).collect();
        found.push(FindingCode::BadChoice, "code", &[("value", format!("@{key}")), ("allowed", allowed.join(", "))]);
        return;
    };
    let value = cells::text_of(cell);
    let mut bad = |found: &mut Cells| found.push(FindingCode::BadNumber, "text", &[("value", value.clone())]);
    let points = |found: &mut Cells, bad: &mut dyn FnMut(&mut Cells)| {
        cell.and_then(cells::points_of).unwrap_or_else(|| {
            bad(found);
            Points::ZERO
        })
    };
    match *key {
        "urn" => set.urn = text::clean(&value),
        "name" => set.name = text::clean(&value),
        "province" => set.province = text::clean(&value),
        "decision_number" => set.decision.number = text::clean(&value),
        "note" => set.note = text::clean(&value),
        "version" => match cell.map(cells::count) {
            Some(Some(v)) => set.version = v,
            _ => bad(found),
        },
        "decision_date" => set.decision.date = found.date_in("text"),
        "years" => {
            for part in value.split([',', ';', ' ']).filter(|p| !p.is_empty()) {
                match part.parse::<i32>() {
                    Ok(y) if (2000..=2100).contains(&y) => set.years.push(y),
                    Ok(_) => found.push(
                        FindingCode::OutOfRange,
                        "text",
                        &[("value", part.to_string()), ("min", "2000".into()), ("max", "2100".into())],
                    ),
                    Err(_) => found.push(FindingCode::BadNumber, "text", &[("value", part.to_string())]),
                }
            }
        }
        "scope" => set.scope = value.split([',', ';']).map(text::clean).filter(|s| !s.is_empty()).collect(),
        "scale" => set.scale = points(found, &mut bad),
        "appraised_share" => set.appraised_share = points(found, &mut bad),
        "survey_share" => set.survey_share = points(found, &mut bad),
        "bonus_cap" => set.bonus_cap = points(found, &mut bad),
        "penalty_cap" => set.penalty_cap = points(found, &mut bad),
        "normalisation" => match crate::model::normalisation_named(&value) {
            Some(normalisation) => set.normalisation = normalisation,
            None => found.push(
                FindingCode::BadChoice,
                "text",
                &[("value", value.clone()), ("allowed", crate::model::NORMALISATION_NAMES_ALLOWED.into())],
            ),
        },
        "bands" => {
            // "Tốt: 90; Khá: 70; Trung bình: 50; Kém: 0"
            for part in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                let parsed = part.rsplit_once([':', '≥']).and_then(|(label, min)| {
                    Percent::parse(min.trim().trim_end_matches('%').trim())
                        .map(|min| ClassBand { label: text::clean(label.trim_end_matches(['≥', ':'])), min })
                });
                match parsed {
                    Some(band) => set.bands.push(band),
                    None => found.push(FindingCode::BadNumber, "text", &[("value", part.to_string())]),
                }
            }
        }
        _ => {
            // "deadline": "05/10", or a date Excel made of it ("05/10/2026"): the day and the month.
            let mut parts = value.split(['/', '-', '.']).map(str::trim);
            let day = match (parts.next().and_then(|d| d.parse().ok()), parts.next().and_then(|m| m.parse().ok())) {
                (Some(day), Some(month)) => Some(DayOfYear { day, month }),
                _ => None,
            };
            match day {
                Some(day) if day.in_year(2001).is_some() => set.self_assessment_deadline = Some(day),
                _ => found.push(FindingCode::BadDate, "text", &[("value", value.clone()), ("format", "dd/mm".into())]),
            }
        }
    }
}

/// The rule of a row from its "Cách chấm" and "Mức điểm" cells; `None` for a parent row (no rule given).
fn criteria_rule(found: &mut Cells) -> Option<Rule> {
    let name = found.raw("rule");
    if name.is_empty() {
        return None;
    }
    let bands_text = found.raw("bands");
    // "100: 3; 80: 1,5" or "≥ 100 % → 3; ≥ 80 % → 1,5".
    let pairs = || -> Option<Vec<(String, Points)>> {
        bands_text
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|part| {
                let (min, points) = part.split_once(['→', ':', '='])?;
                let min = min.replace(['≥', '%', '>'], "").trim().to_string();
                let points = points.replace("điểm", "");
                Some((min, Points::parse(points.trim())?))
            })
            .collect()
    };
    let bad_bands = |found: &mut Cells| found.push(FindingCode::BadNumber, "bands", &[("value", bands_text.clone())]);
    match crate::model::rule_type_named(&name).unwrap_or_default() {
        "boolean" => Some(Rule::Boolean),
        "banded_percentage" => {
            let bands = pairs().and_then(|pairs| {
                pairs
                    .into_iter()
                    .map(|(min, points)| Some(PercentBand { min: Percent::parse(&min)?, points }))
                    .collect()
            });
            match bands {
                Some(bands) => Some(Rule::BandedPercentage { bands }),
                None => {
                    bad_bands(found);
                    Some(Rule::BandedPercentage { bands: Vec::new() })
                }
            }
        }
        "count_threshold" => {
            let bands = pairs().and_then(|pairs| {
                pairs.into_iter().map(|(min, points)| Some(CountBand { min: min.parse().ok()?, points })).collect()
            });
            match bands {
                Some(bands) => Some(Rule::CountThreshold { bands }),
                None => {
                    bad_bands(found);
                    Some(Rule::CountThreshold { bands: Vec::new() })
                }
            }
        }
        "manual" => {
            let step = if bands_text.is_empty() { Some(Points(25)) } else { Points::parse(&bands_text) };
            match step {
                Some(step) => Some(Rule::Manual { step }),
                None => {
                    bad_bands(found);
                    Some(Rule::Manual { step: Points(25) })
                }
            }
        }
        "survey_only" => Some(Rule::SurveyOnly),
        "bonus" => Some(Rule::Bonus),
        "penalty" => Some(Rule::Penalty),
        _ => {
            found.push(
                FindingCode::BadChoice,
                "rule",
                &[("value", name.clone()), ("allowed", crate::model::RULE_NAMES_ALLOWED.into())],
            );
            None
        }
    }
}

/// An empty criteria sheet with the Vietnamese headers.
pub fn criteria_template() -> Table {
    SPEC.template()
}

/// A criteria set as a sheet in the columns `parse_criteria` reads (it reads back an equal set): settings rows,
/// then one row per node in tree order. A province can start from the sample set and edit it in Excel.
pub fn criteria_table(set: &CriteriaSet) -> Table {
    let mut table = criteria_template();
    let setting = |key: &str, value: Cell| vec![Cell::text(&format!("@{key}")), value];
    let number = |p: Points| Cell::Number(p.as_f64());
    let list = |items: &[String]| Cell::text(&items.join(", "));
    let years: Vec<String> = set.years.iter().map(|y| y.to_string()).collect();
    let bands: Vec<String> = set.bands.iter().map(|b| format!("{}: {}", b.label, b.min.vn())).collect();
    let normalisation = match set.normalisation {
        Normalisation::Raw => "thô",
        Normalisation::Applicable => "theo điểm có nhiệm vụ",
    };
    let mut rows = vec![
        setting("urn", Cell::text(&set.urn)),
        setting("version", Cell::Number(set.version as f64)),
        setting("name", Cell::text(&set.name)),
        setting("province", Cell::text(&set.province)),
        setting("decision_number", Cell::text(&set.decision.number)),
        setting("decision_date", set.decision.date.map_or(Cell::Empty, Cell::Date)),
        setting("years", list(&years)),
        setting("scope", list(&set.scope)),
        setting("note", Cell::text(&set.note)),
        setting("scale", number(set.scale)),
        setting("appraised_share", number(set.appraised_share)),
        setting("survey_share", number(set.survey_share)),
        setting("bonus_cap", number(set.bonus_cap)),
        setting("penalty_cap", number(set.penalty_cap)),
        setting("normalisation", Cell::text(normalisation)),
        setting("bands", Cell::text(&bands.join("; "))),
    ];
    if let Some(day) = set.self_assessment_deadline {
        rows.push(setting("deadline", Cell::text(&format!("{:02}/{:02}", day.day, day.month))));
    }
    for row in rows {
        table.push(row);
    }
    fn node_rows(node: &Node, table: &mut Table) {
        table.push(SPEC.row(node, &[]));
        for child in &node.children {
            node_rows(child, table);
        }
    }
    for area in &set.areas {
        node_rows(area, &mut table);
    }
    table
}

/// The "Phần" cell of a node.
fn part_name(node: &Node) -> &'static str {
    node.part.map_or("", |p| match p {
        Part::Appraised => "thẩm định",
        Part::Survey => "điều tra",
        Part::BonusPenalty => "thưởng, trừ",
    })
}

/// The "Cách chấm" and "Mức điểm" cells of a node.
fn rule_cells(node: &Node) -> (&'static str, String) {
    match &node.rule {
        None => ("", String::new()),
        Some(Rule::Boolean) => ("đạt/không đạt", String::new()),
        Some(Rule::BandedPercentage { bands }) => {
            ("tỷ lệ", bands.iter().map(|b| format!("{}: {}", b.min.vn(), b.points.vn())).collect::<Vec<_>>().join("; "))
        }
        Some(Rule::CountThreshold { bands }) => {
            ("số lượng", bands.iter().map(|b| format!("{}: {}", b.min, b.points.vn())).collect::<Vec<_>>().join("; "))
        }
        Some(Rule::Manual { step }) => ("chấm theo mức độ", step.vn()),
        Some(Rule::SurveyOnly) => ("điều tra", String::new()),
        Some(Rule::Bonus) => ("điểm thưởng", String::new()),
        Some(Rule::Penalty) => ("điểm trừ", String::new()),
    }
}
