//! Reads a criteria set from JSON text as a province official writes it from docs/criteria-format.md: every problem
//! of the file at once, each naming the criterion and the field in Vietnamese (never the JSON reader's English), and
//! the Vietnamese names of rule types, parts and normalisation accepted as the sheet accepts them.

use super::finding::{Finding, FindingCode, Place};
use super::{
    CRITERIA_FORMAT, ClassBand, CountBand, CriteriaSet, DayOfYear, NORMALISATION_NAMES_ALLOWED, Node,
    PART_NAMES_ALLOWED, Part, Percent, PercentBand, Points, RULE_NAMES_ALLOWED, Rule, SetDecision, node_place,
    normalisation_named, part_named, rule_type_named,
};
use serde_json::{Map, Value};

const TEXT: &str = "chữ trong dấu ngoặc kép";
const NUMBER: &str = "một số, tối đa hai chữ số thập phân (ví dụ 1.5 hoặc \"1,5\")";
const INTEGER: &str = "một số nguyên";
const LIST: &str = "một danh sách trong dấu [ ]";
const GROUP: &str = "một nhóm giá trị trong dấu { }";
const CODE: &str = "mã trong dấu ngoặc kép (ví dụ \"3.3\")";

/// The set as written, before `CriteriaSet::cleaned` and `validate`; or every problem of its shape.
pub(super) fn read(json: &str) -> Result<CriteriaSet, Vec<Finding>> {
    let value: Value = serde_json::from_str(json).map_err(|e| {
        let problem = match e.classify() {
            serde_json::error::Category::Eof => "tệp kết thúc giữa chừng",
            serde_json::error::Category::Syntax => "sai cú pháp",
            _ => "không đọc được",
        };
        vec![
            Finding::new(FindingCode::CriteriaFormat, Place::default())
                .with("problem", problem)
                .with("line", e.line())
                .with("column", e.column()),
        ]
    })?;
    let mut r = Reader { findings: Vec::new() };
    let header = |field: &str| Place { record: Some("Bộ chỉ số".into()), ..Place::field(field) };
    let Some(object) = value.as_object() else {
        r.wrong(Place::record("Bộ chỉ số"), &value, GROUP);
        return Err(r.findings);
    };
    let o = Fields { map: object, place: &header };
    let format = r.integer(&o, "format", true).unwrap_or(i64::from(CRITERIA_FORMAT));
    let mut decision = SetDecision::default();
    if let Some(group) = r.group(&o, "decision") {
        let d = Fields { map: group, place: &|f: &str| header(&format!("decision_{f}")) };
        decision.number = r.text(&d, "number", false);
        decision.date = r.date(&d, "date");
    }
    let set = CriteriaSet {
        format: u32::try_from(format).unwrap_or(0),
        urn: r.text(&o, "urn", true),
        version: r.integer(&o, "version", true).unwrap_or(0),
        name: r.text(&o, "name", true),
        province: r.text(&o, "province", false),
        decision,
        years: r.list(&o, "years").iter().filter_map(|v| r.item_integer(&o, "years", v)).map(|y| y as i32).collect(),
        scope: r.texts(&o, "scope"),
        note: r.text(&o, "note", false),
        scale: r.points(&o, "scale", true),
        appraised_share: r.points(&o, "appraised_share", true),
        survey_share: r.points(&o, "survey_share", false),
        bonus_cap: r.points(&o, "bonus_cap", false),
        penalty_cap: r.points(&o, "penalty_cap", false),
        normalisation: r
            .named(&o, "normalisation", normalisation_named, NORMALISATION_NAMES_ALLOWED)
            .unwrap_or_default(),
        bands: r.class_bands(&o),
        self_assessment_deadline: r.day_of_year(&o),
        areas: {
            let areas = r.list(&o, "areas");
            if o.map.get("areas").is_none() {
                r.findings.push(Finding::new(FindingCode::RequiredMissing, header("areas")));
            }
            areas.iter().enumerate().map(|(i, v)| r.node(v, &format!("Lĩnh vực thứ {}", i + 1), true)).collect()
        },
    };
    if r.findings.is_empty() { Ok(set) } else { Err(r.findings) }
}

/// The fields of one JSON object and where a finding about one of them points.
struct Fields<'a> {
    map: &'a Map<String, Value>,
    place: &'a dyn Fn(&str) -> Place,
}

struct Reader {
    findings: Vec<Finding>,
}

impl Reader {
    fn wrong(&mut self, place: Place, value: &Value, expected: &str) {
        self.findings.push(
            Finding::new(FindingCode::CriteriaFormat, place).with("value", shown(value)).with("expected", expected),
        );
    }

    /// A field's value; `None` when absent or null (a required one is reported missing).
    fn get<'v>(&mut self, o: &Fields<'v>, key: &str, required: bool) -> Option<&'v Value> {
        match o.map.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.findings.push(Finding::new(FindingCode::RequiredMissing, (o.place)(key)));
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    fn text(&mut self, o: &Fields<'_>, key: &str, required: bool) -> String {
        match self.get(o, key, required) {
            Some(Value::String(s)) => s.clone(),
            Some(v) => {
                self.wrong((o.place)(key), v, TEXT);
                String::new()
            }
            None => String::new(),
        }
    }

    fn integer(&mut self, o: &Fields<'_>, key: &str, required: bool) -> Option<i64> {
        let v = self.get(o, key, required)?;
        self.item_integer(o, key, v)
    }

    fn item_integer(&mut self, o: &Fields<'_>, key: &str, v: &Value) -> Option<i64> {
        match v {
            Value::Number(n) if n.as_i64().is_some() => n.as_i64(),
            Value::String(s) if s.trim().parse::<i64>().is_ok() => s.trim().parse().ok(),
            Value::Number(_) | Value::String(_) => {
                self.findings.push(Finding::new(FindingCode::BadNumber, (o.place)(key)).with("value", shown(v)));
                None
            }
            _ => {
                self.wrong((o.place)(key), v, INTEGER);
                None
            }
        }
    }

    fn points(&mut self, o: &Fields<'_>, key: &str, required: bool) -> Points {
        match self.get(o, key, required) {
            Some(v) => self.item_points(o, key, v).unwrap_or_default(),
            None => Points::ZERO,
        }
    }

    fn item_points(&mut self, o: &Fields<'_>, key: &str, v: &Value) -> Option<Points> {
        let parsed = match v {
            Value::Number(n) => n.as_f64().and_then(Points::from_f64),
            Value::String(s) => Points::parse(s),
            _ => {
                self.wrong((o.place)(key), v, NUMBER);
                return None;
            }
        };
        if parsed.is_none() {
            self.findings.push(Finding::new(FindingCode::BadNumber, (o.place)(key)).with("value", shown(v)));
        }
        parsed
    }

    fn percent(&mut self, o: &Fields<'_>, key: &str) -> Option<Percent> {
        let v = self.get(o, key, true)?;
        self.item_points(o, key, v).map(|p| Percent(p.0))
    }

    fn list<'v>(&mut self, o: &Fields<'v>, key: &str) -> &'v [Value] {
        match self.get(o, key, false) {
            Some(Value::Array(items)) => items,
            Some(v) => {
                self.wrong((o.place)(key), v, LIST);
                &[]
            }
            None => &[],
        }
    }

    /// A list of texts; one text is taken as a list separated by commas or semicolons ("xã, phường").
    fn texts(&mut self, o: &Fields<'_>, key: &str) -> Vec<String> {
        match self.get(o, key, false) {
            Some(Value::String(s)) => s.split([',', ';']).map(str::to_string).collect(),
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|v| match v {
                    Value::String(s) => Some(s.clone()),
                    other => {
                        self.wrong((o.place)(key), other, TEXT);
                        None
                    }
                })
                .collect(),
            Some(v) => {
                self.wrong((o.place)(key), v, LIST);
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn group<'v>(&mut self, o: &Fields<'v>, key: &str) -> Option<&'v Map<String, Value>> {
        match self.get(o, key, false)? {
            Value::Object(map) => Some(map),
            v => {
                self.wrong((o.place)(key), v, GROUP);
                None
            }
        }
    }

    /// A choice written by its JSON name or its Vietnamese name.
    fn named<T>(&mut self, o: &Fields<'_>, key: &str, parse: fn(&str) -> Option<T>, allowed: &str) -> Option<T> {
        let text = self.text(o, key, false);
        if text.trim().is_empty() {
            return None;
        }
        let parsed = parse(&text);
        if parsed.is_none() {
            self.findings.push(
                Finding::new(FindingCode::BadChoice, (o.place)(key)).with("value", &text).with("allowed", allowed),
            );
        }
        parsed
    }

    fn date(&mut self, o: &Fields<'_>, key: &str) -> Option<chrono::NaiveDate> {
        let text = self.text(o, key, false);
        if text.trim().is_empty() {
            return None;
        }
        let date = chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        if date.is_none() {
            self.findings.push(
                Finding::new(FindingCode::BadDate, (o.place)(key)).with("value", &text).with("format", "yyyy-mm-dd"),
            );
        }
        date
    }

    /// `{ "day": 5, "month": 10 }`, or the text "05/10" as the sheet writes it.
    fn day_of_year(&mut self, o: &Fields<'_>) -> Option<DayOfYear> {
        let key = "self_assessment_deadline";
        match self.get(o, key, false)? {
            Value::String(s) => {
                let mut parts = s.split(['/', '-', '.']).map(|p| p.trim().parse::<u32>().ok());
                match (parts.next().flatten(), parts.next().flatten(), parts.next()) {
                    (Some(day), Some(month), None) => Some(DayOfYear { day, month }),
                    _ => {
                        self.findings.push(
                            Finding::new(FindingCode::BadDate, (o.place)(key)).with("value", s).with("format", "dd/mm"),
                        );
                        None
                    }
                }
            }
            Value::Object(map) => {
                let d = Fields { map, place: o.place };
                let day = self.integer(&d, "day", true);
                let month = self.integer(&d, "month", true);
                Some(DayOfYear { day: u32::try_from(day?).ok()?, month: u32::try_from(month?).ok()? })
            }
            v => {
                self.wrong((o.place)(key), v, GROUP);
                None
            }
        }
    }

    fn class_bands(&mut self, o: &Fields<'_>) -> Vec<ClassBand> {
        let items = self.list(o, "bands");
        if o.map.get("bands").is_none() {
            self.findings.push(Finding::new(FindingCode::RequiredMissing, (o.place)("bands")));
        }
        let mut bands = Vec::new();
        for item in items {
            let Value::Object(map) = item else {
                self.wrong((o.place)("bands"), item, GROUP);
                continue;
            };
            let b = Fields { map, place: &|_: &str| (o.place)("bands") };
            let label = self.text(&b, "label", true);
            if let Some(min) = self.percent(&b, "min") {
                bands.push(ClassBand { label, min });
            }
        }
        bands
    }

    /// A node and its children; `fallback` names it while it has no code ("Lĩnh vực thứ 2").
    fn node(&mut self, value: &Value, fallback: &str, is_area: bool) -> Node {
        let Value::Object(map) = value else {
            self.wrong(Place::record(fallback), value, GROUP);
            return empty_node();
        };
        let code = match map.get("code") {
            Some(Value::String(s)) => s.trim().to_string(),
            Some(Value::Null) | None => String::new(),
            Some(v) => {
                self.wrong(Place { record: Some(fallback.to_string()), ..Place::field("criterion") }, v, CODE);
                String::new()
            }
        };
        let record = if code.is_empty() { fallback.to_string() } else { node_place(&code).record.unwrap_or_default() };
        let place = |field: &str| Place { record: Some(record.clone()), ..Place::field(field) };
        let o = Fields { map, place: &place };
        if code.is_empty() && map.get("code").is_none_or(Value::is_null) {
            self.findings.push(Finding::new(FindingCode::RequiredMissing, place("criterion")));
        }
        let children: Vec<Node> = self
            .list(&o, "children")
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let under = if code.is_empty() { fallback.to_string() } else { format!("tiêu chí {code}") };
                let under = if is_area && !code.is_empty() { format!("lĩnh vực {code}") } else { under };
                self.node(v, &format!("Tiêu chí thứ {} của {under}", i + 1), false)
            })
            .collect();
        Node {
            text: self.text(&o, "text", true),
            max: self.points(&o, "max", true),
            part: self.named(&o, "part", part_named, PART_NAMES_ALLOWED),
            rule: self.rule(&o),
            evidence: self.texts(&o, "evidence"),
            metric: Some(self.text(&o, "metric", false)).filter(|m| !m.is_empty()),
            guidance: self.text(&o, "guidance", false),
            code,
            children,
        }
    }

    /// `{ "type": "tỷ lệ", "bands": [...] }`, or only the type's name ("đạt/không đạt").
    fn rule(&mut self, o: &Fields<'_>) -> Option<Rule> {
        let value = self.get(o, "rule", false)?;
        let (name, params) = match value {
            Value::String(s) => (s.clone(), None),
            Value::Object(map) => {
                let r = Fields { map, place: o.place };
                let name = match self.get(&r, "type", false) {
                    Some(Value::String(s)) => s.clone(),
                    Some(v) => {
                        self.wrong((o.place)("rule"), v, TEXT);
                        return None;
                    }
                    None => {
                        self.findings.push(Finding::new(FindingCode::RequiredMissing, (o.place)("rule")));
                        return None;
                    }
                };
                (name, Some(map))
            }
            v => {
                self.wrong((o.place)("rule"), v, GROUP);
                return None;
            }
        };
        let Some(kind) = rule_type_named(&name) else {
            self.findings.push(
                Finding::new(FindingCode::BadChoice, (o.place)("rule"))
                    .with("value", &name)
                    .with("allowed", RULE_NAMES_ALLOWED),
            );
            return None;
        };
        let empty = Map::new();
        let params = params.unwrap_or(&empty);
        let bands_place = |_: &str| (o.place)("rule_bands");
        let p = Fields { map: params, place: &bands_place };
        let band_items = |r: &mut Reader| -> Vec<&Map<String, Value>> {
            r.list(&p, "bands")
                .iter()
                .filter_map(|item| match item {
                    Value::Object(map) => Some(map),
                    other => {
                        r.wrong((o.place)("rule_bands"), other, GROUP);
                        None
                    }
                })
                .collect()
        };
        Some(match kind {
            "boolean" => Rule::Boolean,
            "banded_percentage" => Rule::BandedPercentage {
                bands: band_items(self)
                    .into_iter()
                    .filter_map(|map| {
                        let b = Fields { map, place: &bands_place };
                        let min = self.percent(&b, "min");
                        let points = self.get(&b, "points", true).and_then(|v| self.item_points(&b, "points", v));
                        Some(PercentBand { min: min?, points: points? })
                    })
                    .collect(),
            },
            "count_threshold" => Rule::CountThreshold {
                bands: band_items(self)
                    .into_iter()
                    .filter_map(|map| {
                        let b = Fields { map, place: &bands_place };
                        let min = self.integer(&b, "min", true);
                        let points = self.get(&b, "points", true).and_then(|v| self.item_points(&b, "points", v));
                        Some(CountBand { min: min?, points: points? })
                    })
                    .collect(),
            },
            "manual" => Rule::Manual {
                step: match self.get(&p, "step", false) {
                    Some(v) => self.item_points(&p, "step", v).unwrap_or(Points(25)),
                    None => Points(25),
                },
            },
            "survey_only" => Rule::SurveyOnly,
            "bonus" => Rule::Bonus,
            _ => Rule::Penalty,
        })
    }
}

fn empty_node() -> Node {
    Node {
        code: String::new(),
        text: String::new(),
        max: Points::ZERO,
        part: None::<Part>,
        rule: None,
        evidence: Vec::new(),
        metric: None,
        guidance: String::new(),
        children: Vec::new(),
    }
}

/// A value as the official wrote it, shortened: a text as it is, a number as written, a list or group by its kind.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Array(_) => "[…]".into(),
        Value::Object(_) => "{…}".into(),
    }
}
