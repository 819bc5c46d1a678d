//! The desktop commands of criteria sets and the yearly self-assessment (docs/desktop-commands.md, "Self-assessment"):
//! take the arguments, call `App`, convert the error. Points and dates arrive as text and are parsed here, so a bad
//! one rejects with an `INVALID` finding like every other mistake.

use crate::commands::{ImportArgs, parse_date};
use crate::error::CommandError;
use crate::state::AppState;
use crate::upload::Upload;
use cchc::Error;
use cchc::api::Source;
use cchc::api::{AssessmentView, CriteriaImport, CriteriaSummary};
use cchc::model::{
    Assessment, Comparison, Evidence, EvidenceInput, Finding, FindingCode, Points, ScoreEntry, Suggestion, node_place,
};
use serde::Deserialize;
use tauri::State;
use tauri::ipc::Request;

type Result<T> = std::result::Result<T, CommandError>;

// ---- Criteria sets ----

/// Every criteria set known: stored in the register (every version) and bundled with the program.
#[tauri::command(async)]
pub fn criteria_sets(state: State<'_, AppState>) -> Result<Vec<CriteriaSummary>> {
    Ok(state.app()?.criteria_sets()?)
}

/// Reads a province's set from a .json, .xlsx or .csv file's content (the request's raw body; `name` and `dryRun` in
/// its header); with `dry_run` only checks it.
#[tauri::command(async)]
pub fn criteria_import(state: State<'_, AppState>, request: Request<'_>) -> Result<CriteriaImport> {
    let Upload { args: ImportArgs { name, dry_run }, bytes } = Upload::from_request(&request)?;
    Ok(state.app()?.import_criteria(Source::Bytes { name: &name, bytes: &bytes }, dry_run)?)
}

// ---- Assessments ----

#[tauri::command(async)]
pub fn assessments_list(state: State<'_, AppState>) -> Result<Vec<Assessment>> {
    Ok(state.app()?.assessments()?)
}

/// Starts the assessment of `year` with a set ("urn@version"), or with the default set when `criteria` is null.
#[tauri::command(async)]
pub fn assessment_new(state: State<'_, AppState>, year: i32, criteria: Option<String>) -> Result<Assessment> {
    let criteria = criteria.filter(|c| !c.trim().is_empty());
    Ok(state.app()?.new_assessment(year, criteria.as_deref())?)
}

#[tauri::command(async)]
pub fn assessment_get(state: State<'_, AppState>, year: i32) -> Result<AssessmentView> {
    Ok(state.app()?.assessment(year)?)
}

/// The unit's points of a leaf, typed as text ("1,5", "0.25", "3"); `reason` when they differ from the suggestion.
#[tauri::command(async)]
pub fn assessment_score(
    state: State<'_, AppState>,
    year: i32,
    code: String,
    points: String,
    reason: Option<String>,
) -> Result<ScoreEntry> {
    let points = parse_points(&code, &points)?;
    Ok(state.app()?.score_leaf(year, &code, points, reason.as_deref(), None)?)
}

#[tauri::command(async)]
pub fn assessment_na(state: State<'_, AppState>, year: i32, code: String, not_applicable: bool) -> Result<ScoreEntry> {
    Ok(state.app()?.set_not_applicable(year, &code, not_applicable)?)
}

/// The explanation of a leaf (draft) or the reply to the appraiser (explanation stage); empty text clears it.
#[tauri::command(async)]
pub fn assessment_explain(state: State<'_, AppState>, year: i32, code: String, text: String) -> Result<ScoreEntry> {
    Ok(state.app()?.explain_leaf(year, &code, &text)?)
}

/// The appraiser's points (and note) of a leaf as received, in the current appraisal round.
#[tauri::command(async)]
pub fn assessment_appraise(
    state: State<'_, AppState>,
    year: i32,
    code: String,
    points: String,
    note: Option<String>,
) -> Result<ScoreEntry> {
    let points = parse_points(&code, &points)?;
    Ok(state.app()?.appraise_leaf(year, &code, points, note.as_deref())?)
}

/// The suggestions from the registers with their traces; with `apply`, they become the points of leaves not scored.
#[tauri::command(async)]
pub fn assessment_suggest(state: State<'_, AppState>, year: i32, apply: bool) -> Result<Vec<Suggestion>> {
    Ok(state.app()?.suggest_scores(year, apply)?)
}

/// Locks the self-assessment in the leader's name on `on` (YYYY-MM-DD).
#[tauri::command(async)]
pub fn assessment_lock(state: State<'_, AppState>, year: i32, leader: String, on: String) -> Result<Assessment> {
    let on = parse_date("on", &on)?;
    Ok(state.app()?.lock_self_assessment(year, &leader, on)?)
}

#[tauri::command(async)]
pub fn assessment_advance(state: State<'_, AppState>, year: i32) -> Result<Assessment> {
    Ok(state.app()?.advance_assessment(year)?)
}

#[tauri::command(async)]
pub fn assessment_unlock(state: State<'_, AppState>, year: i32, reason: String) -> Result<Assessment> {
    Ok(state.app()?.unlock_assessment(year, &reason)?)
}

#[tauri::command(async)]
pub fn assessment_compare(state: State<'_, AppState>, year: i32) -> Result<Comparison> {
    Ok(state.app()?.compare_assessment(year)?)
}

// ---- Evidence ----

#[tauri::command(async)]
pub fn evidence_list(state: State<'_, AppState>) -> Result<Vec<Evidence>> {
    Ok(state.app()?.evidence_list()?)
}

/// An evidence document as the window sends it: the date as text ("YYYY-MM-DD" or empty).
#[derive(Debug, Deserialize)]
pub struct EvidenceForm {
    pub kind: String,
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub issuer: String,
    pub title: String,
}

/// Adds a document; with `fileName`, the request's raw body is the content of a file picked by the official, copied
/// into the evidence store (`input` and `fileName` are in its header).
#[tauri::command(async)]
pub fn evidence_add(state: State<'_, AppState>, request: Request<'_>) -> Result<Evidence> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Args {
        input: EvidenceForm,
        file_name: Option<String>,
    }
    let Upload { args: Args { input, file_name }, bytes } = Upload::from_request(&request)?;
    let date = input.date.as_deref().filter(|d| !d.trim().is_empty()).map(|d| parse_date("date", d)).transpose()?;
    let input =
        EvidenceInput { kind: input.kind, number: input.number, date, issuer: input.issuer, title: input.title };
    let file = file_name.as_deref().map(|name| Source::Bytes { name, bytes: &bytes });
    Ok(state.app()?.add_evidence(input, file)?)
}

#[tauri::command(async)]
pub fn evidence_link(state: State<'_, AppState>, year: i32, code: String, evidence_id: i64) -> Result<ScoreEntry> {
    Ok(state.app()?.link_evidence(year, &code, evidence_id)?)
}

#[tauri::command(async)]
pub fn evidence_unlink(state: State<'_, AppState>, year: i32, code: String, evidence_id: i64) -> Result<ScoreEntry> {
    Ok(state.app()?.unlink_evidence(year, &code, evidence_id)?)
}

// ---- helpers ----

/// Points typed by a person: "1,5", "1.5", "0,25", "3". Anything else is an `INVALID` with `BAD_NUMBER` on the leaf.
fn parse_points(code: &str, text: &str) -> Result<Points> {
    Points::parse(text.trim()).ok_or_else(|| {
        let finding = Finding::new(FindingCode::BadNumber, node_place(code.trim())).with("value", text.trim());
        CommandError::from(Error::Invalid(vec![finding]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_read_the_vietnamese_way_and_bad_text_is_a_finding_on_the_leaf() {
        assert_eq!(parse_points("1.1", "1,5").unwrap(), Points(150));
        assert_eq!(parse_points("1.1", " 0.25 ").unwrap(), Points(25));
        assert_eq!(parse_points("1.1", "3").unwrap(), Points(300));
        let value = serde_json::to_value(parse_points("3.3", "ba").unwrap_err()).unwrap();
        assert_eq!(value["code"], "INVALID");
        assert_eq!(value["findings"][0]["code"], "BAD_NUMBER");
        assert_eq!(value["findings"][0]["place"]["record"], "Tiêu chí 3.3");
        assert_eq!(value["findings"][0]["values"]["value"], "ba");
    }
}
