//! `App` methods of the official reports: drafts and edited sections, the document, its pages and PDF, issuing into
//! the outgoing-document register (kept as printed), and what each report reads from the register.

use super::App;
use crate::error::{Error, Result};
use crate::layout::{self, Metrics};
use crate::model::{
    Finding, FindingCode, IssuedCopy, OutgoingDocument, OutgoingInput, PeriodKey, PeriodKind, Place, ProcedureQuery,
    ReportKind, ReportSection, on_time_rate,
};
use crate::partial::{self, Folder};
use crate::pdf;
use crate::report;
use crate::text;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::path::Path;

/// A report written as PDF: its pages and its size.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PrintedReport {
    pub pages: usize,
    pub bytes: u64,
}

impl App {
    /// The sections of a report: each one's draft from the register and the official's text if edited (none for
    /// Biểu 06). An issued report shows the texts it was issued with.
    pub fn report_sections(&self, kind: ReportKind, period: PeriodKey) -> Result<Vec<ReportSection>> {
        let period = report_period(kind, period)?;
        let edited = self.register.report_sections(kind, period)?;
        Ok(match kind {
            ReportKind::Periodic => report::periodic_sections(&self.report_data(kind, period)?, &edited),
            ReportKind::Stats => Vec::new(),
            ReportKind::Assessment => report::assessment_sections(&self.assessment_report_data(period, None)?, &edited),
        })
    }

    /// Keeps the official's text of one section (`Some`), or drops it so the draft is printed again (`None`).
    /// The text is cleaned (NFC, trimmed lines); an empty text resets the section.
    pub fn set_report_section(
        &mut self,
        kind: ReportKind,
        period: PeriodKey,
        section: &str,
        text: Option<&str>,
    ) -> Result<ReportSection> {
        let period = report_period(kind, period)?;
        let key = kind
            .sections()
            .iter()
            .find(|(k, _)| *k == section.trim())
            .map(|(k, _)| *k)
            .ok_or_else(|| Error::NotFound { what: "report_section", key: section.to_string() })?;
        if let Some(issued) = self.register.outgoing_for_report(kind, period)? {
            return Err(Error::ReportIssued(issued.input.number_text()));
        }
        // Tabs and other spacing become plain spaces: the report font draws no control characters.
        let spaced = |line: &str| line.split_whitespace().collect::<Vec<_>>().join(" ");
        let cleaned =
            text.map(|t| t.lines().map(|l| spaced(&text::clean(l))).collect::<Vec<_>>().join("\n").trim().to_string());
        let cleaned = cleaned.filter(|t| !t.is_empty());
        let stamp = self.stamp();
        self.register.set_report_section(kind, period, key, cleaned.as_deref(), &stamp)?;
        self.report_sections(kind, period)?
            .into_iter()
            .find(|s| s.key == key)
            .ok_or_else(|| Error::NotFound { what: "report_section", key: key.to_string() })
    }

    /// The report as a document to lay out, as it prints today (an issued report prints its kept copy instead).
    pub fn report_document(&self, kind: ReportKind, period: PeriodKey) -> Result<layout::Document> {
        self.report_document_as(kind, report_period(kind, period)?, None)
    }

    /// The report as a document; `issuing` stands in for the register's entry while a report is being issued.
    fn report_document_as(
        &self,
        kind: ReportKind,
        period: PeriodKey,
        issuing: Option<&OutgoingDocument>,
    ) -> Result<layout::Document> {
        let edited = self.register.report_sections(kind, period)?;
        let document = match kind {
            ReportKind::Periodic => {
                let mut data = self.report_data(kind, period)?;
                if let Some(doc) = issuing {
                    data.issued = Some(doc.clone());
                }
                report::periodic_document(&data, &report::periodic_sections(&data, &edited))
            }
            ReportKind::Stats => {
                let mut data = self.report_data(kind, period)?;
                if let Some(doc) = issuing {
                    data.issued = Some(doc.clone());
                }
                report::stats_document(&data)
            }
            ReportKind::Assessment => {
                let data = self.assessment_report_data(period, issuing)?;
                report::assessment_document(&data, &report::assessment_sections(&data, &edited))
            }
        };
        Ok(document)
    }

    /// The report laid out on pages (positions in millimetres). Refuses text the bundled font cannot draw. An
    /// issued report gives the pages it was issued with.
    pub fn report_pages(&self, kind: ReportKind, period: PeriodKey) -> Result<Vec<layout::Page>> {
        let period = report_period(kind, period)?;
        if let Some(copy) = self.register.issued_copy(kind, period)? {
            return issued_pages(&copy);
        }
        let document = self.report_document_as(kind, period, None)?;
        self.marked(self.lay_out(&document)?)
    }

    /// A work copy's pages say so at their foot: whose copy, taken when, not the office's document.
    fn marked(&self, mut pages: Vec<layout::Page>) -> Result<Vec<layout::Page>> {
        if let Some(copy) = self.register.work_copy()? {
            let taken_on = copy.taken_at.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let taken_on = taken_on.map_or(copy.taken_at.clone(), |d| d.format("%d/%m/%Y").to_string());
            layout::mark_pages(&mut pages, &report::labels::work_copy_mark(&copy.person, &taken_on), self.fonts()?);
        }
        Ok(pages)
    }

    /// The report as PDF bytes: the same register, report and clock give the same bytes; an issued report gives
    /// the very bytes it was issued with.
    pub fn report_pdf(&self, kind: ReportKind, period: PeriodKey) -> Result<Vec<u8>> {
        let period = report_period(kind, period)?;
        if let Some(copy) = self.register.issued_copy(kind, period)? {
            return Ok(copy.pdf);
        }
        let document = self.report_document_as(kind, period, None)?;
        Ok(self.print(&document)?.1)
    }

    /// The report's pages and PDF bytes from one drafting and one layout (what `report_pages` and `report_pdf`
    /// give one at a time).
    pub fn report_printed(&self, kind: ReportKind, period: PeriodKey) -> Result<(Vec<layout::Page>, Vec<u8>)> {
        let period = report_period(kind, period)?;
        if let Some(copy) = self.register.issued_copy(kind, period)? {
            return Ok((issued_pages(&copy)?, copy.pdf));
        }
        let document = self.report_document_as(kind, period, None)?;
        self.print(&document)
    }

    /// Lays out and writes a document: its pages and PDF bytes.
    fn print(&self, document: &layout::Document) -> Result<(Vec<layout::Page>, Vec<u8>)> {
        let pages = self.marked(self.lay_out(document)?)?;
        let info = pdf::Info {
            title: document.title.clone(),
            author: self.unit()?.name,
            subject: document.title.clone(),
            created: self.clock.now(),
        };
        let bytes = pdf::write(&pages, self.fonts()?, &info)?;
        Ok((pages, bytes))
    }

    /// Writes the report as PDF to `path` (through a locked partial file beside it, so a failed write leaves no half
    /// file); returns the number of pages and bytes written.
    pub fn write_report_pdf(&self, kind: ReportKind, period: PeriodKey, path: &Path) -> Result<PrintedReport> {
        let (pages, bytes) = self.report_printed(kind, period)?;
        partial::write(path, &bytes, Folder::Shared)?;
        Ok(PrintedReport { pages: pages.len(), bytes: bytes.len() as u64 })
    }

    /// Issues a report: registers it in the year's outgoing-document register with the next number (or `number`),
    /// dated `date` (today when `None`), and keeps the copy printed with that number and date — pages and PDF —
    /// in the same transaction. From then on the report prints as that copy.
    pub fn issue_report(
        &mut self,
        kind: ReportKind,
        period: PeriodKey,
        date: Option<NaiveDate>,
        number: Option<i64>,
    ) -> Result<OutgoingDocument> {
        self.office_only("issue")?;
        let period = report_period(kind, period)?;
        let date = date.unwrap_or_else(|| self.clock.today());
        let year = date.year();
        if let Some(n) = number.filter(|n| *n <= 0) {
            let finding = Finding::new(FindingCode::OutOfRange, Place::field("number")).with("value", n).with("min", 1);
            return Err(Error::Invalid(vec![finding]));
        }
        if let Some(issued) = self.register.outgoing_for_report(kind, period)? {
            return Err(Error::AlreadyExists { what: "outgoing_document", key: issued.input.subject });
        }
        let number = match number {
            Some(n) => n,
            None => self.register.next_outgoing_number(year)?,
        };
        let unit = self.unit()?;
        let draft = self.report_document_as(kind, period, None)?;
        let input = OutgoingInput {
            year,
            number,
            symbol: report::labels::REPORT_SYMBOL.to_string(),
            date,
            subject: draft.title,
            signer: unit.signer.name.clone(),
            recipients: unit.recipients.clone(),
            report: Some((kind, period)),
        };
        let stamp = self.stamp();
        // The copy is printed as the issued document will read: with its number and date.
        let issuing = OutgoingDocument { id: 0, input: input.clone(), created_at: stamp.at.clone() };
        let document = self.report_document_as(kind, period, Some(&issuing))?;
        let (pages, pdf) = self.print(&document)?;
        let copy = IssuedCopy { pages_json: serde_json::to_string(&pages).expect("pages serialise"), pdf };
        // The issued report keeps the words it was issued with: every section's text is stored with it.
        let sections: Vec<(String, String)> =
            self.report_sections(kind, period)?.into_iter().map(|s| (s.key.clone(), s.text().to_string())).collect();
        self.register.insert_outgoing(&input, &sections, Some(&copy), &stamp)
    }

    /// The outgoing-document register of a year (or every year), by number.
    pub fn outgoing_documents(&self, year: Option<i32>) -> Result<Vec<OutgoingDocument>> {
        self.register.outgoing_documents(year)
    }

    pub(super) fn fonts(&self) -> Result<&pdf::Fonts> {
        if let Some(fonts) = self.fonts.get() {
            return Ok(fonts);
        }
        let fonts = pdf::Fonts::load(&self.assets.fonts)?;
        Ok(self.fonts.get_or_init(|| fonts))
    }

    /// Lays a document out in pages as it would print, with the bundled fonts; text the fonts cannot draw is
    /// refused as `MissingGlyphs`.
    pub fn lay_out(&self, document: &layout::Document) -> Result<Vec<layout::Page>> {
        let fonts = self.fonts()?;
        let missing: String = layout::characters(document)
            .into_iter()
            .filter(|c| !c.is_control() && fonts.advance(layout::Style::Regular, *c).is_none())
            .map(|c| format!("“{c}” (U+{:04X})", c as u32))
            .collect::<Vec<_>>()
            .join(", ");
        if !missing.is_empty() {
            return Err(Error::MissingGlyphs(missing));
        }
        let laid = layout::layout(document, fonts);
        missing_glyphs(&laid)?;
        Ok(laid.pages)
    }

    /// What the self-assessment report says: the year's assessment, the latest earlier one, the evidence linked.
    pub(super) fn assessment_report_data(
        &self,
        period: PeriodKey,
        issuing: Option<&OutgoingDocument>,
    ) -> Result<report::AssessmentReportData> {
        let year = period.year;
        let scores = |year: i32| -> Result<report::YearScores> {
            let (assessment, set, _) = self.open_assessment(year)?;
            let entries = self.register.score_entries(assessment.id)?;
            Ok(report::YearScores { assessment, set, entries })
        };
        let current = scores(year)?;
        let earlier = self.register.assessments()?.into_iter().map(|(a, _)| a.year).filter(|y| *y < year).max();
        let previous = earlier.map(scores).transpose()?;
        let linked: std::collections::BTreeSet<i64> =
            current.entries.values().filter(|e| !e.not_applicable).flat_map(|e| e.evidence.iter().copied()).collect();
        let evidence = self.register.evidence_list()?.into_iter().filter(|e| linked.contains(&e.id)).collect();
        let issued = match issuing {
            Some(doc) => Some(doc.clone()),
            None => self.register.outgoing_for_report(ReportKind::Assessment, period)?,
        };
        Ok(report::AssessmentReportData {
            unit: self.unit()?,
            today: self.clock.today(),
            issued,
            current,
            previous,
            evidence,
        })
    }

    /// What a report says, read from the register.
    fn report_data(&self, kind: ReportKind, period: PeriodKey) -> Result<report::ReportData> {
        let window = self.period(period)?;
        let end = window.end;
        // In name order from the register; a stable sort by field keeps that order within each field.
        let mut procedures = self.procedures(&ProcedureQuery::default())?;
        let field_keys = text::sort_keys(procedures.iter().map(|p| p.input.field.as_str()));
        procedures.sort_by(|a, b| field_keys[&a.input.field].cmp(&field_keys[&b.input.field]));
        let iso = if self.iso_in_use()? { Some(self.iso_status(period.year, end)?) } else { None };
        // The comparison and the chart's rates need only each period's sums, read for both years at once.
        let totals = self.period_totals(period.year - 1, period.year)?;
        Ok(report::ReportData {
            unit: self.unit()?,
            stats: self.stats(period)?,
            previous: {
                let key = PeriodKey::new(period.year - 1, period.kind);
                totals.get(&key).map(|total| (key, *total))
            },
            rates: PeriodKind::ALL
                .into_iter()
                .map(|kind| {
                    let rate = |year| totals.get(&PeriodKey::new(year, kind)).and_then(on_time_rate);
                    (kind, rate(period.year), rate(period.year - 1))
                })
                .collect(),
            today: self.clock.today(),
            issued: self.register.outgoing_for_report(kind, period)?,
            procedures,
            plans: self.plans(Some(period.year))?,
            tasks: self.tasks(Some(period.year))?,
            progress: self.plan_progress(end)?,
            staffing: self.staffing(end)?,
            iso,
        })
    }
}

/// Refuses a layout that met characters the bundled fonts cannot draw, naming them.
pub(super) fn missing_glyphs(laid: &layout::Layout) -> Result<()> {
    if laid.missing.is_empty() {
        return Ok(());
    }
    let list = laid.missing.iter().map(|c| format!("“{c}” (U+{:04X})", *c as u32)).collect::<Vec<_>>();
    Err(Error::MissingGlyphs(list.join(", ")))
}

/// The pages an issued report keeps (stored as JSON with it).
fn issued_pages(copy: &IssuedCopy) -> Result<Vec<layout::Page>> {
    serde_json::from_str(&copy.pages_json).map_err(|e| Error::RegisterDamaged(format!("issued report pages: {e}")))
}

/// The period a report is kept under: the self-assessment report is a year's (any period of the year names it);
/// the others are the period's own.
fn report_period(kind: ReportKind, period: PeriodKey) -> Result<PeriodKey> {
    Ok(match kind {
        ReportKind::Assessment => PeriodKey::new(period.year, PeriodKind::Year),
        _ => period,
    })
}
