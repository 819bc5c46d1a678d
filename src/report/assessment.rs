//! The self-assessment report (báo cáo kết quả tự đánh giá, chấm điểm Chỉ số CCHC) of a year: how the assessment
//! was carried out, the results with last year's beside them and a chart of the score by area, difficulties and
//! proposals; appendices with the score table, the items scored without evidence and their explanations, and the
//! evidence list per criterion.

use super::tables::{simple_header, simple_table};
use super::{Letterhead, dmy, labels, outline_sections, text_blocks};
use crate::layout::{
    Align, Block, Chart, Column as TableColumn, Document, HeaderCell, HeadingLevel, Orientation, Part, Row, Series,
    Table, rules,
};
use crate::model::{
    ASSESSMENT_SECTIONS, Assessment, Column, CriteriaSet, Evidence, NodeTotals, OutgoingDocument, Part as IndexPart,
    Points, ReportSection, Rule, ScoreEntry, Stage, Totals, UnitProfile, node_totals, totals,
};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One year's assessment as the report needs it.
#[derive(Debug, Clone)]
pub struct YearScores {
    pub assessment: Assessment,
    /// The set exactly as stored for this assessment.
    pub set: CriteriaSet,
    pub entries: BTreeMap<String, ScoreEntry>,
}

impl YearScores {
    fn nodes(&self) -> Vec<NodeTotals> {
        node_totals(&self.set, &self.entries)
    }

    fn totals(&self, column: Column) -> Totals {
        totals(&self.set, &self.entries, column)
    }

    /// Whether an appraiser gave points to any leaf (round 1 or 2): the appraised column is printed only then.
    fn appraised(&self) -> bool {
        self.entries.values().any(|e| e.round1.is_some() || e.round2.is_some())
    }
}

/// Everything the self-assessment report says, read from the register by `App`.
#[derive(Debug, Clone)]
pub struct AssessmentReportData {
    pub unit: UnitProfile,
    pub today: NaiveDate,
    pub issued: Option<OutgoingDocument>,
    pub current: YearScores,
    /// The latest earlier assessment, for the year-over-year columns and chart.
    pub previous: Option<YearScores>,
    /// Every evidence document linked to a leaf of this year's assessment.
    pub evidence: Vec<Evidence>,
}

impl AssessmentReportData {
    pub fn year(&self) -> i32 {
        self.current.assessment.year
    }

    fn letterhead(&self) -> Letterhead<'_> {
        Letterhead { unit: &self.unit, issued: self.issued.as_ref(), today: self.today }
    }

    fn short_name(&self) -> String {
        format!("UBND {} {}", self.unit.kind.label(), self.unit.place_name)
    }
}

/// The sections of the report: heading, draft, and the official's text where they edited it.
pub fn assessment_sections(data: &AssessmentReportData, edited: &BTreeMap<String, String>) -> Vec<ReportSection> {
    outline_sections(&ASSESSMENT_SECTIONS, edited, |key| draft(data, key))
}

/// "Kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2025".
pub fn subject(year: i32) -> String {
    format!("Kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm {year}")
}

/// The report as a document: the body, then Phụ lục I–III.
pub fn assessment_document(data: &AssessmentReportData, sections: &[ReportSection]) -> Document {
    let head = data.letterhead();
    let mut body = vec![
        head.header(),
        Block::Title { kind: labels::REPORT_KIND.into(), subject: subject(data.year()) },
        Block::Recipients(data.unit.recipients.clone()),
        Block::Paragraph(opening(data)),
    ];
    for s in sections {
        if s.key == "III" {
            body.extend(results(data));
        }
        body.push(Block::Heading { level: HeadingLevel::Section, text: s.heading.clone() });
        body.extend(text_blocks(s.text()));
    }
    body.push(Block::Paragraph(format!(
        "Trên đây là báo cáo kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm {} của {}./.",
        data.year(),
        data.unit.name
    )));
    body.push(head.closing(None));
    let appendix = |n: &str, name: String, table: Block| Part {
        orientation: Orientation::Portrait,
        blocks: vec![
            Block::AppendixTitle { label: format!("Phụ lục {n}"), name, reference: head.appendix_reference() },
            table,
        ],
    };
    Document {
        title: format!("Báo cáo {}", lower_first(&subject(data.year()))),
        parts: vec![
            Part { orientation: Orientation::Portrait, blocks: body },
            appendix("I", format!("{} NĂM {}", labels::APPENDIX_SCORES, data.year()), score_table(data)),
            appendix("II", labels::APPENDIX_UNEVIDENCED.into(), unevidenced_table(data)),
            appendix("III", labels::APPENDIX_EVIDENCE.into(), evidence_table(data)),
        ],
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

fn opening(data: &AssessmentReportData) -> String {
    let set = &data.current.set;
    let mut basis = String::new();
    if !set.decision.number.is_empty() {
        basis.push_str(&format!("Quyết định số {}", set.decision.number));
        if let Some(date) = set.decision.date {
            basis.push_str(&format!(" ngày {}", dmy(date)));
        }
        basis.push_str(" ban hành ");
    }
    format!(
        "Thực hiện {basis}{}, phiên bản {}, {} báo cáo kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách hành \
         chính năm {} như sau:",
        set.name,
        set.version,
        data.unit.name,
        data.year()
    )
}

fn draft(data: &AssessmentReportData, key: &str) -> String {
    match key {
        "I" => carried_out(data),
        "III" => difficulties(data),
        _ => format!(
            "Đề nghị cơ quan thẩm định xem xét, công nhận kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm \
             {} của {}.",
            data.year(),
            data.short_name()
        ),
    }
}

fn carried_out(data: &AssessmentReportData) -> String {
    let a = &data.current.assessment;
    let mut lines = vec![format!(
        "{} đã tổ chức tự đánh giá, chấm điểm theo từng tiêu chí, tiêu chí thành phần của {}; mỗi nội dung chấm điểm \
         được đối chiếu với tài liệu kiểm chứng hoặc có giải trình kèm theo.",
        data.short_name(),
        data.current.set.name
    )];
    match a.locked_on {
        Some(day) if a.stage != Stage::Draft => {
            let by = if a.leader.is_empty() { String::new() } else { format!(" ({})", a.leader) };
            lines.push(format!("Kết quả tự đánh giá được lãnh đạo{by} phê duyệt ngày {}.", dmy(day)));
        }
        _ => lines.push("Kết quả tự đánh giá đang trong quá trình hoàn thiện, chưa được lãnh đạo phê duyệt.".into()),
    }
    lines.push(format!("Thời hạn gửi kết quả tự đánh giá: ngày {}.", dmy(a.deadline)));
    lines.join("\n")
}

/// The leaves that lost points (self points below the maximum), lowest share first: the draft of the difficulties.
fn difficulties(data: &AssessmentReportData) -> String {
    let mut lost: Vec<(&str, &str, Points, Points)> = Vec::new();
    for leaf in data.current.set.leaves() {
        if matches!(leaf.rule, Rule::Bonus | Rule::Penalty | Rule::SurveyOnly) {
            continue;
        }
        let Some(entry) = data.current.entries.get(&leaf.node.code) else { continue };
        if entry.not_applicable {
            continue;
        }
        if let Some(points) = entry.self_points
            && points < leaf.node.max
        {
            lost.push((&leaf.node.code, &leaf.node.text, points, leaf.node.max));
        }
    }
    if lost.is_empty() {
        return "Các tiêu chí đều đạt điểm tối đa theo kết quả tự đánh giá; không có khó khăn, vướng mắc lớn.".into();
    }
    let mut lines = vec![format!("Một số tiêu chí chưa đạt điểm tối đa ({} nội dung):", lost.len())];
    let last = lost.len() - 1;
    for (i, (code, text, points, max)) in lost.into_iter().enumerate() {
        lines.push(format!(
            "- {code} {}: đạt {}/{} điểm{}",
            text.trim_end_matches('.'),
            points.vn(),
            max.vn(),
            if i == last { "." } else { ";" }
        ));
    }
    lines.join("\n")
}

/// Part II: totals in words, the table by area with last year's points, the chart of the score by area.
fn results(data: &AssessmentReportData) -> Vec<Block> {
    let year = data.year();
    let own = data.current.totals(Column::SelfScore);
    let set = &data.current.set;
    let mut out = vec![Block::Heading {
        level: HeadingLevel::Section,
        text: "II. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM".into(),
    }];
    out.push(Block::Heading { level: HeadingLevel::Clause, text: "1. Tổng điểm".into() });
    out.push(Block::Paragraph(total_sentence("Tổng điểm tự đánh giá", &own)));
    let not_applicable = data.current.entries.values().filter(|e| e.not_applicable).count();
    let mut parts =
        vec![format!("Điểm các tiêu chí thẩm định đạt {}/{} điểm", own.appraised.vn(), own.appraised_max.vn())];
    if own.survey_max.0 > 0 {
        parts.push(format!("điểm điều tra xã hội học {}/{} điểm", own.survey.vn(), own.survey_max.vn()));
    } else if set.survey_share.0 > 0 {
        parts.push(format!(
            "điểm điều tra xã hội học (tối đa {} điểm) do tỉnh điều tra, công bố nên không thuộc điểm tự đánh giá",
            set.survey_share.vn()
        ));
    }
    if own.bonus.0 > 0 {
        parts.push(format!("điểm thưởng {}", own.bonus.vn()));
    }
    if own.penalty.0 > 0 {
        parts.push(format!("điểm trừ {}", own.penalty.vn()));
    }
    let mut sentence = parts.join("; ");
    if not_applicable > 0 {
        sentence.push_str(&format!(
            "; {not_applicable} nội dung không phát sinh được loại khỏi điểm tối đa (điểm tối đa áp dụng {} điểm)",
            own.applicable_max.vn()
        ));
    }
    sentence.push('.');
    out.push(Block::Paragraph(sentence));
    if data.current.appraised() {
        let appraised = data.current.totals(Column::Round2);
        out.push(Block::Paragraph(total_sentence("Sau thẩm định, tổng điểm", &appraised)));
    }
    let unevidenced = unevidenced(data);
    out.push(Block::Paragraph(if unevidenced.is_empty() {
        "Tất cả các nội dung có điểm đều có tài liệu kiểm chứng (danh mục tại Phụ lục III).".to_string()
    } else {
        format!(
            "Có {} nội dung được chấm điểm chưa có tài liệu kiểm chứng (danh sách và giải trình tại Phụ lục II); \
             danh mục tài liệu kiểm chứng tại Phụ lục III.",
            unevidenced.len()
        )
    }));
    out.push(Block::Heading { level: HeadingLevel::Clause, text: "2. Kết quả theo từng lĩnh vực".into() });
    if let Some(previous) = &data.previous {
        let before = previous.totals(Column::Round2);
        let mut sentence = format!(
            "Năm {}, tổng điểm (kết quả cuối cùng) của {} là {} điểm",
            previous.assessment.year,
            data.short_name(),
            before.total.vn()
        );
        if let Some(p) = before.percent {
            sentence.push_str(&format!(", đạt {}%", p.vn()));
        }
        if let Some(class) = &before.class {
            sentence.push_str(&format!(", xếp loại {class}"));
        }
        // Like with like: this year's self total beside last year's self total, on the same points.
        let before_own = previous.totals(Column::SelfScore);
        let change = own.total - before_own.total;
        if change.0 != 0 && before_own.out_of == own.out_of && previous.set.scale == set.scale {
            let word = if change.0 > 0 { "tăng" } else { "giảm" };
            sentence.push_str(&format!(
                "; điểm tự đánh giá năm {year} {word} {} điểm so với năm {}",
                Points(change.0.abs()).vn(),
                previous.assessment.year
            ));
        }
        sentence.push('.');
        out.push(Block::Paragraph(sentence));
    }
    out.push(area_table(data));
    if let Some(previous) = &data.previous
        && previous.set.key() != set.key()
    {
        out.push(Block::Paragraph(format!(
            "Năm {} chấm theo {} (phiên bản {}), năm {year} theo {} (phiên bản {}): chỉ so sánh các lĩnh vực cùng mã \
             và cùng điểm tối đa; lĩnh vực khác ghi “—”.",
            previous.assessment.year, previous.set.name, previous.set.version, set.name, set.version
        )));
    }
    out.extend(area_chart(data, false).map(Block::Chart));
    out
}

/// The node of last year's tree that may be set beside `node`: same depth, same code and same maximum.
fn matching<'a>(before: &'a [NodeTotals], node: &NodeTotals) -> Option<&'a NodeTotals> {
    before.iter().find(|n| n.depth == node.depth && n.code == node.code && n.max == node.max)
}

/// A total in a table whose maximum column shows the scale: "68,22/70" when it is counted on other points (the
/// self column leaves the survey out), else "94,69".
fn total_cell(t: &Totals, scale: Points) -> String {
    if t.out_of == scale { t.total.vn() } else { format!("{}/{}", t.total.vn(), t.out_of.vn()) }
}

/// "Tổng điểm tự đánh giá: 83,5/100 điểm, đạt 83,5%, xếp loại Khá."
fn total_sentence(what: &str, t: &Totals) -> String {
    let mut sentence = format!("{what}: {}/{} điểm", t.total.vn(), t.out_of.vn());
    if let Some(p) = t.percent {
        sentence.push_str(&format!(", đạt {}%", p.vn()));
    }
    match &t.class {
        Some(class) => sentence.push_str(&format!(", xếp loại {class}.")),
        None => sentence.push('.'),
    }
    sentence
}

/// The areas (depth 0) with their maximum, last year's final points (matched by code), this year's self and
/// appraised points.
fn area_table(data: &AssessmentReportData) -> Block {
    let appraised = data.current.appraised();
    let previous = data.previous.as_ref().map(|p| (p.assessment.year, p.nodes()));
    let mut names = vec![labels::STT.to_string(), labels::AREA.to_string(), labels::MAX_POINTS.to_string()];
    if let Some((year, _)) = &previous {
        names.push(format!("Năm {year}"));
    }
    names.push(format!("Tự đánh giá năm {}", data.year()));
    if appraised {
        names.push(labels::APPRAISED_POINTS.into());
    }
    let mut columns =
        vec![TableColumn { weight: 12.0, align: Align::Center }, TableColumn { weight: 70.0, align: Align::Left }];
    columns.extend((2..names.len()).map(|_| TableColumn { weight: 21.0, align: Align::Right }));
    let mut rows = Vec::new();
    let nodes = data.current.nodes();
    // Bonus and penalty are no area of points: the sentence above and Phụ lục I state them.
    for (i, area) in nodes.iter().filter(|n| n.depth == 0 && n.part != IndexPart::BonusPenalty).enumerate() {
        let mut cells = vec![(i + 1).to_string(), area.text.clone(), area.max.vn()];
        if let Some((_, before)) = &previous {
            let old = matching(before, area).and_then(|n| n.points[2]);
            cells.push(old.map(Points::vn).unwrap_or_else(|| "—".into()));
        }
        cells.push(area.points[0].map(Points::vn).unwrap_or_default());
        if appraised {
            cells.push(area.points[2].map(Points::vn).unwrap_or_default());
        }
        rows.push(Row::new(cells));
    }
    let own = data.current.totals(Column::SelfScore);
    let mut total = vec![String::new(), labels::TOTAL_SCORE.to_string(), data.current.set.scale.vn()];
    if let Some(previous) = &data.previous {
        let same_scale = previous.set.scale == data.current.set.scale;
        total.push(if same_scale { previous.totals(Column::Round2).total.vn() } else { "—".into() });
    }
    total.push(total_cell(&own, data.current.set.scale));
    if appraised {
        total.push(total_cell(&data.current.totals(Column::Round2), data.current.set.scale));
    }
    rows.push(Row::new(total).bold());
    let header = names
        .iter()
        .enumerate()
        .map(|(i, n)| HeaderCell { text: n.clone(), row: 0, rows: 1, col: i, cols: 1 })
        .collect();
    Block::Table(Table { size: rules::TABLE_SIZE, columns, header, header_rows: 1, rows })
}

/// The score of each area as a share of its maximum, this year (self) beside last year's final result. Printed with
/// the area codes under upright bars; `across` (the window) names each area beside its bars.
pub fn area_chart(data: &AssessmentReportData, across: bool) -> Option<Chart> {
    let nodes = data.current.nodes();
    let areas: Vec<&NodeTotals> =
        nodes.iter().filter(|n| n.depth == 0 && n.max.0 > 0 && n.part != IndexPart::BonusPenalty).collect();
    if areas.is_empty() {
        return None;
    }
    let share = |points: Option<Points>, max: Points| points.map(|p| p.0 as f64 * 100.0 / max.0 as f64);
    let mut series = Vec::new();
    if let Some(previous) = &data.previous {
        let before = previous.nodes();
        series.push(Series {
            name: format!("Năm {}", previous.assessment.year),
            values: areas.iter().map(|a| matching(&before, a).and_then(|n| share(n.points[2], n.max))).collect(),
            gray: 0.7,
        });
    }
    series.push(Series {
        name: format!("Năm {}", data.year()),
        values: areas.iter().map(|a| share(a.points[0], a.max)).collect(),
        gray: 0.25,
    });
    let (title, labels) = if across {
        (
            format!("Tỷ lệ điểm đạt được so với điểm tối đa theo lĩnh vực, năm {}", data.year()),
            areas.iter().map(|a| format!("{}. {}", a.code, a.text)).collect(),
        )
    } else {
        (
            format!("Tỷ lệ điểm đạt được so với điểm tối đa theo lĩnh vực (mã lĩnh vực), năm {}", data.year()),
            areas.iter().map(|a| a.code.clone()).collect(),
        )
    };
    Some(Chart { title, labels, series, max: 100.0, unit: "%".into(), horizontal: across })
}

/// Leaves the unit scored above zero without evidence, in tree order.
fn unevidenced(data: &AssessmentReportData) -> Vec<(String, String, Points, String)> {
    data.current
        .set
        .leaves()
        .into_iter()
        .filter(|leaf| !matches!(leaf.rule, Rule::SurveyOnly))
        .filter_map(|leaf| {
            let entry = data.current.entries.get(&leaf.node.code)?;
            let points = entry.self_points.filter(|p| p.0 > 0)?;
            (!entry.not_applicable && entry.evidence.is_empty())
                .then(|| (leaf.node.code.clone(), leaf.node.text.clone(), points, entry.explanation.clone()))
        })
        .collect()
}

/// Phụ lục I: the whole tree with maximum, self and (when given) appraised points, then the totals.
fn score_table(data: &AssessmentReportData) -> Block {
    let appraised = data.current.appraised();
    let mut names = vec![labels::CODE, labels::CRITERION, labels::MAX_POINTS, labels::SELF_POINTS];
    if appraised {
        names.push(labels::APPRAISED_POINTS);
    }
    names.push(labels::NOTE);
    // Weights in millimetres of the 165 mm text width.
    let mut columns = vec![
        TableColumn { weight: 16.0, align: Align::Center },
        TableColumn { weight: if appraised { 64.0 } else { 81.0 }, align: Align::Left },
        TableColumn { weight: 17.0, align: Align::Right },
        TableColumn { weight: 17.0, align: Align::Right },
    ];
    if appraised {
        columns.push(TableColumn { weight: 17.0, align: Align::Right });
    }
    columns.push(TableColumn { weight: 34.0, align: Align::Left });
    let mut rows = Vec::new();
    for node in data.current.nodes() {
        let entry = data.current.entries.get(&node.code);
        let na = node.is_leaf && entry.is_some_and(|e| e.not_applicable);
        let shown = |p: Option<Points>| if na { "-".to_string() } else { p.map(Points::vn).unwrap_or_default() };
        // The bonus-and-penalty area adds nothing up: its leaves and the lines under the table say what counts.
        let group_only = !node.is_leaf && node.part == IndexPart::BonusPenalty;
        let shown = |p: Option<Points>| if group_only { String::new() } else { shown(p) };
        let max = if group_only { String::new() } else { node.max.vn() };
        let mut cells = vec![node.code.clone(), node.text.clone(), max, shown(node.points[0])];
        if appraised {
            cells.push(shown(node.points[2]));
        }
        let note = match entry {
            _ if !node.is_leaf => String::new(),
            Some(e) if e.not_applicable => labels::NOT_APPLICABLE.to_string(),
            Some(e) if e.self_points.is_some_and(|p| p.0 > 0) && e.evidence.is_empty() => {
                labels::NO_EVIDENCE.to_string()
            }
            Some(e) if !e.evidence.is_empty() => format!("{} TLKC", e.evidence.len()),
            _ => String::new(),
        };
        cells.push(note);
        let row = Row::new(cells);
        rows.push(if node.depth == 0 { row.bold() } else { row });
    }
    let width = columns.len();
    let set = &data.current.set;
    let own = data.current.totals(Column::SelfScore);
    let final_totals = appraised.then(|| data.current.totals(Column::Round2));
    let line = |label: &str, max: String, own: String, appraised: Option<String>| {
        let mut cells = vec![String::new(), label.to_string(), max, own];
        if let Some(a) = appraised {
            cells.push(a);
        }
        cells.push(String::new());
        Row::new(cells).bold()
    };
    if own.bonus_uncapped.0 > 0 || own.penalty_uncapped.0 > 0 {
        rows.push(line(labels::BONUS, set.bonus_cap.vn(), own.bonus.vn(), final_totals.as_ref().map(|t| t.bonus.vn())));
        rows.push(line(
            labels::PENALTY,
            set.penalty_cap.vn(),
            own.penalty.vn(),
            final_totals.as_ref().map(|t| t.penalty.vn()),
        ));
    }
    // The self total leaves the survey out: the label says on what points it is counted.
    let total_label = if own.out_of == set.scale {
        labels::TOTAL_SCORE.to_string()
    } else {
        format!("{} (tự đánh giá tính trên {} điểm)", labels::TOTAL_SCORE, own.out_of.vn())
    };
    rows.push(line(&total_label, set.scale.vn(), own.total.vn(), final_totals.as_ref().map(|t| t.total.vn())));
    let pct = |t: &Totals| t.percent.map(|p| format!("{}%", p.vn())).unwrap_or_default();
    rows.push(line(labels::PERCENT, String::new(), pct(&own), final_totals.as_ref().map(pct)));
    let class = |t: &Totals| t.class.clone().unwrap_or_default();
    rows.push(line(labels::CLASS, String::new(), class(&own), final_totals.as_ref().map(class)));
    debug_assert!(rows.iter().all(|r| r.cells.len() == width));
    Block::Table(Table { size: rules::TABLE_SIZE, columns, header: simple_header(&names), header_rows: 1, rows })
}

/// Phụ lục II: every item scored without evidence, with its explanation (giải trình).
fn unevidenced_table(data: &AssessmentReportData) -> Block {
    let columns = vec![
        TableColumn { weight: 12.0, align: Align::Center },
        TableColumn { weight: 16.0, align: Align::Center },
        TableColumn { weight: 58.0, align: Align::Left },
        TableColumn { weight: 18.0, align: Align::Right },
        TableColumn { weight: 61.0, align: Align::Left },
    ];
    let rows: Vec<Row> = unevidenced(data)
        .into_iter()
        .enumerate()
        .map(|(i, (code, text, points, explanation))| {
            let explanation = if explanation.is_empty() { labels::NO_EXPLANATION.to_string() } else { explanation };
            Row::new([(i + 1).to_string(), code, text, points.vn(), explanation])
        })
        .collect();
    simple_table(columns, &labels::UNEVIDENCED_COLUMNS, rows, labels::NONE)
}

/// Phụ lục III: the evidence documents of each criterion (depth 1), with the sub-criteria each one supports.
fn evidence_table(data: &AssessmentReportData) -> Block {
    let columns = vec![
        TableColumn { weight: 12.0, align: Align::Center },
        TableColumn { weight: 34.0, align: Align::Left },
        TableColumn { weight: 61.0, align: Align::Left },
        TableColumn { weight: 30.0, align: Align::Left },
        TableColumn { weight: 28.0, align: Align::Center },
    ];
    let by_id: BTreeMap<i64, &Evidence> = data.evidence.iter().map(|e| (e.id, e)).collect();
    let mut rows = Vec::new();
    let mut n = 0;
    // Walk the tree: a criterion's documents are those linked to any of its leaves (or to it, when it is a leaf).
    for area in &data.current.set.areas {
        for criterion in area.children.iter().chain(area.is_leaf().then_some(area)) {
            let mut documents: Vec<(i64, Vec<String>)> = Vec::new();
            let mut leaves = Vec::new();
            collect_leaves(criterion, &mut leaves);
            for leaf in leaves {
                let Some(entry) = data.current.entries.get(&leaf.code) else { continue };
                if entry.not_applicable {
                    continue;
                }
                for id in &entry.evidence {
                    match documents.iter_mut().find(|(d, _)| d == id) {
                        Some((_, codes)) => codes.push(leaf.code.clone()),
                        None => documents.push((*id, vec![leaf.code.clone()])),
                    }
                }
            }
            if documents.is_empty() {
                continue;
            }
            rows.push(Row::spanning(format!("{} {}", criterion.code, criterion.text), 5));
            for (id, codes) in documents {
                let Some(doc) = by_id.get(&id) else { continue };
                n += 1;
                let d = &doc.input;
                let mut reference = d.kind.clone();
                if !d.number.is_empty() {
                    reference.push_str(&format!(" số {}", d.number));
                }
                if let Some(date) = d.date {
                    reference.push_str(&format!(" ngày {}", dmy(date)));
                }
                rows.push(Row::new([n.to_string(), reference, d.title.clone(), d.issuer.clone(), codes.join(", ")]));
            }
        }
    }
    simple_table(columns, &labels::EVIDENCE_COLUMNS, rows, labels::NONE)
}

fn collect_leaves<'a>(node: &'a crate::model::Node, out: &mut Vec<&'a crate::model::Node>) {
    if node.is_leaf() {
        out.push(node);
    }
    for child in &node.children {
        collect_leaves(child, out);
    }
}
