//! The official reports drafted from the register: the periodic CCHC report (brief §3.1) with its appendices, and
//! Biểu 06 on its own (brief §3.2). Pure: `App` gathers a `ReportData`, this module writes the text and arranges it
//! as a `layout::Document` in the order and styles of Nghị định 30/2020.

mod assessment;
pub mod charts;
pub mod labels;
mod periodic;
mod tables;

pub use assessment::{AssessmentReportData, YearScores, assessment_document, assessment_sections};
pub use periodic::{periodic_document, periodic_sections};
pub use tables::stats_document;

use crate::layout::{Block, Closing, Header};
use crate::model::{
    CaseFigures, IsoStatus, OutgoingDocument, PeriodKey, PeriodKind, Plan, PlanProgress, Procedure, SignAuthority,
    StaffingSummary, StatsTable, Task, UnitProfile,
};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// Everything a report says, read from the register by `App`.
#[derive(Debug, Clone)]
pub struct ReportData {
    pub unit: UnitProfile,
    pub stats: StatsTable,
    /// The same period of the year before and its totals, when the register has its figures (cùng kỳ năm trước).
    pub previous: Option<(PeriodKey, CaseFigures)>,
    /// On-time rate of each period of this year and of the year before (Q1, 6 months, 9 months, year).
    pub rates: Vec<(PeriodKind, Option<f64>, Option<f64>)>,
    /// Today, from the injected clock: the year of an unissued draft's date line.
    pub today: NaiveDate,
    /// The report's entry in the outgoing-document register, once issued.
    pub issued: Option<OutgoingDocument>,
    /// Procedures in force, sorted by field then name.
    pub procedures: Vec<Procedure>,
    /// Plans and tasks of the period's year.
    pub plans: Vec<Plan>,
    pub tasks: Vec<Task>,
    /// Plan progress on the last day of the period's window.
    pub progress: PlanProgress,
    /// Staffing on the last day of the period's window.
    pub staffing: StaffingSummary,
    /// The ISO 9001 system's status for the year, when the unit keeps one.
    pub iso: Option<IsoStatus>,
}

impl ReportData {
    /// "UBND phường Trần Phú": how the body of a report names the unit after the first mention.
    pub fn short_name(&self) -> String {
        format!("UBND {} {}", self.unit.kind.label(), self.unit.place_name)
    }

    /// Each field's figures: its whole-field row when there is one, otherwise the sum of its per-procedure rows.
    pub fn field_figures(&self) -> Vec<(String, CaseFigures)> {
        let mut whole: BTreeMap<String, Option<CaseFigures>> = BTreeMap::new();
        let mut sums: BTreeMap<String, CaseFigures> = BTreeMap::new();
        let mut order: Vec<String> = Vec::new();
        for row in &self.stats.rows {
            if !order.contains(&row.field) {
                order.push(row.field.clone());
            }
            match row.procedure {
                None => {
                    whole.insert(row.field.clone(), Some(row.figures));
                }
                Some(_) => sums.entry(row.field.clone()).or_default().add(&row.figures),
            }
        }
        order
            .into_iter()
            .map(|field| {
                let figures =
                    whole.get(&field).copied().flatten().or_else(|| sums.get(&field).copied()).unwrap_or_default();
                (field, figures)
            })
            .collect()
    }

    /// The letterhead, date line, signature and appendix references of this report.
    pub fn letterhead(&self) -> Letterhead<'_> {
        Letterhead { unit: &self.unit, issued: self.issued.as_ref(), today: self.today }
    }

    fn header(&self) -> Block {
        self.letterhead().header()
    }

    fn closing(&self, place_date: Option<String>) -> Block {
        self.letterhead().closing(place_date)
    }

    fn appendix_reference(&self) -> String {
        self.letterhead().appendix_reference()
    }
}

/// What every report of a unit prints around its body: the header with number and date, the signature block,
/// the appendix reference line. A draft (not issued) prints blanks where the văn thư writes the number and date.
#[derive(Debug, Clone, Copy)]
pub struct Letterhead<'a> {
    pub unit: &'a UnitProfile,
    pub issued: Option<&'a OutgoingDocument>,
    pub today: NaiveDate,
}

impl Letterhead<'_> {
    fn number_line(&self) -> String {
        match self.issued {
            Some(doc) => format!("Số: {}", doc.input.number_text()),
            // A draft takes no number: the văn thư writes it in when the report is issued.
            None => format!("Số:       /{}", labels::REPORT_SYMBOL),
        }
    }

    fn place_date(&self) -> String {
        match self.issued {
            Some(doc) => place_date(&self.unit.place_name, doc.input.date),
            None => format!("{}, ngày      tháng      năm {}", self.unit.place_name, self.today.year()),
        }
    }

    /// "(Kèm theo Báo cáo số 05/BC-UBND ngày 05/01/2026 của Ủy ban nhân dân phường Trần Phú)".
    pub fn appendix_reference(&self) -> String {
        match self.issued {
            Some(doc) => format!(
                "(Kèm theo Báo cáo số {} ngày {} của {})",
                doc.input.number_text(),
                dmy(doc.input.date),
                self.unit.name
            ),
            None => format!(
                "(Kèm theo Báo cáo số …/{} ngày …/…/{} của {})",
                labels::REPORT_SYMBOL,
                self.today.year(),
                self.unit.name
            ),
        }
    }

    pub fn header(&self) -> Block {
        Block::Header(Header {
            superior: agency_lines(&self.unit.superior_line),
            issuer: agency_lines(&self.unit.issuer_line),
            number_line: self.number_line(),
            motto: labels::MOTTO.into(),
            slogan: labels::SLOGAN.into(),
            place_date: self.place_date(),
        })
    }

    pub fn closing(&self, place_date: Option<String>) -> Block {
        let signer = &self.unit.signer;
        let title = if signer.title.is_empty() { labels::CHAIRMAN.to_string() } else { signer.title.to_uppercase() };
        let authority = match signer.authority {
            SignAuthority::Tm => vec![format!("TM. {}", labels::COLLECTIVE), title],
            SignAuthority::Kt => vec![format!("KT. {}", labels::CHAIRMAN), title],
            SignAuthority::Direct => vec![title],
        };
        Block::Closing(Closing {
            place_date,
            authority,
            signer: signer.name.clone(),
            copies_label: labels::COPIES_LABEL.into(),
            copies: copies(&self.unit.copies_to),
        })
    }
}

/// An agency name in capitals, broken after "ỦY BAN NHÂN DÂN" as headers print it ("ỦY BAN NHÂN DÂN / PHƯỜNG TRẦN
/// PHÚ") rather than wherever the column ends.
fn agency_lines(name: &str) -> String {
    let upper = name.trim().to_uppercase();
    match upper.strip_prefix(labels::COLLECTIVE) {
        Some(rest) if rest.starts_with(' ') => format!("{}\n{}", labels::COLLECTIVE, rest.trim()),
        _ => upper,
    }
}

/// The "Nơi nhận" list of a unit that names recipients of its own: "Như trên" first, its own recipients, "Lưu: VT"
/// last (NĐ 30/2020, Phụ lục I). The standard lines stay unless removed on purpose: an own "Như trên" or "Lưu: …"
/// line ("Lưu: VT, VP") takes the standard line's place rather than doubling it. The command line's `--copy-to`
/// and a new register use this; the window shows the stored list, standard lines included, to edit around them.
pub fn with_standard_copies(own: &[String]) -> Vec<String> {
    let own: Vec<String> = own.iter().map(|s| bare_copy(s)).filter(|s| !s.is_empty()).collect();
    let archive = own.iter().find(|s| is_archive_copy(s)).cloned().unwrap_or_else(|| labels::ARCHIVE_COPY.into());
    let mut out = vec![labels::FIRST_COPY.to_string()];
    out.extend(own.into_iter().filter(|s| !is_first_copy(s) && !is_archive_copy(s)));
    out.push(archive);
    out
}

/// The "Nơi nhận" lines as printed (NĐ 30/2020): "- X;" per line and the last one with a full stop; the "Lưu: …"
/// line closes the list. The list is printed as the unit keeps it (without its standard lines when they were
/// removed on purpose); an empty list, which a register may hold from before the standard lines were stored,
/// prints the standard lines.
fn copies(list: &[String]) -> Vec<String> {
    let mut items: Vec<String> = list.iter().map(|s| bare_copy(s)).filter(|s| !s.is_empty()).collect();
    if items.is_empty() {
        items = with_standard_copies(&[]);
    }
    if let Some(i) = items.iter().position(|s| is_archive_copy(s)) {
        let archive = items.remove(i);
        items.push(archive);
    }
    let last = items.len() - 1;
    items.into_iter().enumerate().map(|(i, s)| format!("- {s}{}", if i == last { "." } else { ";" })).collect()
}

/// A "Nơi nhận" line without the dash and end punctuation the printed list adds.
fn bare_copy(line: &str) -> String {
    line.trim().trim_start_matches('-').trim().trim_end_matches([';', '.', ',']).trim_end().to_string()
}

fn is_first_copy(line: &str) -> bool {
    line.to_lowercase() == labels::FIRST_COPY.to_lowercase()
}

fn is_archive_copy(line: &str) -> bool {
    line.starts_with("Lưu")
}

/// "Trần Phú, ngày 05 tháng 01 năm 2026": days below 10 and months 1 and 2 with a leading zero (NĐ 30/2020).
pub fn place_date(place: &str, date: NaiveDate) -> String {
    let month = if date.month() < 3 { format!("{:02}", date.month()) } else { date.month().to_string() };
    format!("{place}, ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// dd/mm/yyyy.
pub fn dmy(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// A percentage with a decimal comma and one decimal ("98,5"); whole numbers print without decimals ("100").
pub fn percent(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}").replace('.', ",") }
}

/// Whole numbers with a dot between thousands ("1.234").
pub fn count(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if value < 0 { format!("-{out}") } else { out }
}

/// A report's editable sections in the order of its outline: each one's draft, and the official's text if edited.
fn outline_sections(
    outline: &[(&str, &str)],
    edited: &BTreeMap<String, String>,
    draft: impl Fn(&str) -> String,
) -> Vec<crate::model::ReportSection> {
    outline
        .iter()
        .map(|(key, heading)| crate::model::ReportSection {
            key: key.to_string(),
            heading: heading.to_string(),
            draft: draft(key),
            edited: edited.get(*key).cloned(),
        })
        .collect()
}

/// Turns a section's text into blocks: "1." and "1.1." lines become clause headings, "a)" lines point headings,
/// every other line a paragraph.
pub fn text_blocks(text: &str) -> Vec<Block> {
    use crate::layout::HeadingLevel;
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let numbered = line.split_once(' ').is_some_and(|(head, _)| {
                head.ends_with('.')
                    && head
                        .trim_end_matches('.')
                        .split('.')
                        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            });
            let point = line.split_once(' ').is_some_and(|(head, _)| {
                head.chars().count() == 2 && head.ends_with(')') && head.chars().next().is_some_and(char::is_alphabetic)
            });
            if numbered && line.chars().count() < 120 {
                Block::Heading { level: HeadingLevel::Clause, text: line.to_string() }
            } else if point && line.chars().count() < 120 {
                Block::Heading { level: HeadingLevel::Point, text: line.to_string() }
            } else {
                Block::Paragraph(line.to_string())
            }
        })
        .collect()
}
