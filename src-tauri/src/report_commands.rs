//! Desktop commands of the official reports (issue 7): the periodic report's sections, the laid-out pages for the
//! preview, saving the PDF, issuing with a number from the outgoing-document register.

use crate::commands::{parse_date, parse_period};
use crate::error::CommandError;
use crate::state::AppState;
use cchc::Error;
use cchc::api::printed::Page;
use cchc::api::{ChartFigure, ChartRequest};
use cchc::model::{Finding, FindingCode, OutgoingDocument, Place, ReportKind, ReportSection};
use std::path::Path;
use tauri::State;

type Result<T> = std::result::Result<T, CommandError>;

fn kind(text: &str) -> Result<ReportKind> {
    ReportKind::parse(text).ok_or_else(|| {
        let finding = Finding::new(FindingCode::BadChoice, Place::field("kind")).with("value", text);
        CommandError::from(Error::Invalid(vec![finding]))
    })
}

#[tauri::command(async)]
pub fn report_sections(state: State<'_, AppState>, kind: String, period: String) -> Result<Vec<ReportSection>> {
    let (kind, key) = (self::kind(&kind)?, parse_period(&period)?);
    Ok(state.app()?.report_sections(kind, key)?)
}

/// Keeps the official's text of a section; `text` null (or empty) brings the draft back.
#[tauri::command(async)]
pub fn report_section_set(
    state: State<'_, AppState>,
    kind: String,
    period: String,
    section: String,
    text: Option<String>,
) -> Result<ReportSection> {
    let (kind, key) = (self::kind(&kind)?, parse_period(&period)?);
    Ok(state.app()?.set_report_section(kind, key, &section, text.as_deref())?)
}

/// The report laid out on pages (millimetres), for the preview.
#[tauri::command(async)]
pub fn report_pages(state: State<'_, AppState>, kind: String, period: String) -> Result<Vec<Page>> {
    let (kind, key) = (self::kind(&kind)?, parse_period(&period)?);
    Ok(state.app()?.report_pages(kind, key)?)
}

/// A chart for a screen (dashboard, self-assessment, roll-up), laid out `width_mm` wide by the code that draws the
/// reports' charts; null when the register has nothing to draw.
#[tauri::command(async)]
pub fn chart(state: State<'_, AppState>, request: ChartRequest, width_mm: f32) -> Result<Option<ChartFigure>> {
    Ok(state.app()?.chart(request, width_mm)?)
}

/// Saves the PDF at `path` (from the save dialog); returns its size in bytes.
#[tauri::command(async)]
pub fn report_save_pdf(state: State<'_, AppState>, kind: String, period: String, path: String) -> Result<u64> {
    let (kind, key) = (self::kind(&kind)?, parse_period(&period)?);
    Ok(state.app()?.write_report_pdf(kind, key, Path::new(&path))?.bytes)
}

/// Issues the report: the year's next number (or `number`), dated `date` ("YYYY-MM-DD", today when null).
#[tauri::command(async)]
pub fn report_issue(
    state: State<'_, AppState>,
    kind: String,
    period: String,
    date: Option<String>,
    number: Option<i64>,
) -> Result<OutgoingDocument> {
    let (kind, key) = (self::kind(&kind)?, parse_period(&period)?);
    let date = date.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(|d| parse_date("date", d)).transpose()?;
    Ok(state.app()?.issue_report(kind, key, date, number)?)
}

#[tauri::command(async)]
pub fn outgoing_documents(state: State<'_, AppState>, year: Option<i32>) -> Result<Vec<OutgoingDocument>> {
    Ok(state.app()?.outgoing_documents(year)?)
}
