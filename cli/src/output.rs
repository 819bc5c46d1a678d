//! What the command line prints: JSON or Vietnamese text on stdout, errors and findings, tables, the progress bar.

use crate::messages;
use cchc::clock::Stopwatch;
use cchc::model::Finding;
use cchc::{Error, ErrorCode};
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use serde_json::{Value, json};
use std::cell::RefCell;
use std::io::{IsTerminal, Write};

/// How a command ended when it did not fail: cleanly, or with problems worth exit code 1 (e.g. `check` found
/// errors, a dry-run import would be refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Clean,
    WithErrors,
}

/// A refusal or error, ready to print: stable code, Vietnamese sentence, findings, exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: String,
    pub message: String,
    pub findings: Vec<Finding>,
    pub exit: u8,
}

impl Failure {
    /// A refusal decided by the command line itself (not by `App`).
    pub fn refused(code: &str, message: impl Into<String>) -> Failure {
        Failure { code: code.to_string(), message: message.into(), findings: Vec::new(), exit: 1 }
    }

    /// Invalid input found by the command line, reported like `App`'s own `Invalid` error.
    pub fn invalid(findings: Vec<Finding>) -> Failure {
        Failure::from(Error::Invalid(findings))
    }
}

impl From<Error> for Failure {
    fn from(err: Error) -> Failure {
        Failure {
            code: code_name(err.code()),
            message: messages::error_message(&err),
            findings: err.findings().to_vec(),
            exit: 1,
        }
    }
}

fn code_name(code: ErrorCode) -> String {
    match serde_json::to_value(code) {
        Ok(Value::String(name)) => name,
        _ => format!("{code:?}"),
    }
}

pub type CmdResult = Result<Done, Failure>;

/// Where output goes and in which form.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints a value as pretty JSON on stdout.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) {
        let text = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        let mut out = std::io::stdout().lock();
        // A closed pipe (`cchc … | head`) is not an error worth reporting.
        let _ = writeln!(out, "{text}");
    }

    /// Prints a line of text on stdout.
    pub fn line(&self, text: impl AsRef<str>) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{}", text.as_ref());
    }

    /// A note for the person at the terminal (stderr, so that stdout stays clean for JSON).
    pub fn note(&self, text: impl AsRef<str>) {
        eprintln!("{}", text.as_ref());
    }

    pub fn table(&self, table: &Table) {
        self.line(table.to_string());
    }

    /// Prints a failure: JSON on stdout, or the Vietnamese sentence and its findings on stderr.
    pub fn failure(&self, failure: &Failure) {
        if self.json {
            self.json(&json!({
                "error": {
                    "code": failure.code,
                    "message": failure.message,
                    "findings": findings_json(&failure.findings),
                }
            }));
        } else {
            eprintln!("Lỗi: {}", failure.message);
            for finding in sorted(&failure.findings) {
                eprintln!("  - {}{}", severity_prefix(finding), messages::finding_line(finding));
            }
        }
    }

    /// Prints findings grouped, errors first (text mode), under "Lỗi (n):" and "Cảnh báo (n):".
    pub fn findings_grouped(&self, findings: &[Finding]) {
        let sorted = sorted(findings);
        let (errors, warnings): (Vec<&Finding>, Vec<&Finding>) = sorted.into_iter().partition(|f| f.is_error());
        for (title, group) in [("Lỗi", errors), ("Cảnh báo", warnings)] {
            if group.is_empty() {
                continue;
            }
            self.line(format!("{title} ({}):", crate::format::count(group.len())));
            for finding in group {
                self.line(format!("  - {}", messages::finding_line(finding)));
            }
        }
    }
}

/// "2 lỗi, 1 cảnh báo" or "Không phát hiện vấn đề nào."
pub fn findings_summary(findings: &[Finding]) -> String {
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let warnings = findings.len() - errors;
    if findings.is_empty() {
        "Không phát hiện vấn đề nào.".to_string()
    } else {
        format!("{} lỗi, {} cảnh báo", crate::format::count(errors), crate::format::count(warnings))
    }
}

/// Findings as JSON: each as `App` returns it, plus its Vietnamese `message` (place and sentence).
pub fn findings_json(findings: &[Finding]) -> Value {
    Value::Array(
        findings
            .iter()
            .map(|finding| {
                let mut value = serde_json::to_value(finding).unwrap_or(Value::Null);
                if let Value::Object(map) = &mut value {
                    map.insert("message".into(), Value::String(messages::finding_line(finding)));
                }
                value
            })
            .collect(),
    )
}

/// Serialises a value and replaces its `findings` member with `findings_json` (for reports that carry findings).
pub fn with_finding_messages<T: Serialize>(value: &T, findings: &[Finding]) -> Value {
    let mut value = serde_json::to_value(value).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("findings".into(), findings_json(findings));
    }
    value
}

fn sorted(findings: &[Finding]) -> Vec<&Finding> {
    let mut v: Vec<&Finding> = findings.iter().collect();
    // Stable: errors first, otherwise in the order `App` gives (by row, or by period and field).
    v.sort_by_key(|f| f.severity);
    v
}

fn severity_prefix(finding: &Finding) -> &'static str {
    if finding.is_error() { "" } else { "(cảnh báo) " }
}

/// A table in the house style: box lines, wrapped to the terminal's width when there is one.
pub fn new_table(headers: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    if std::io::stdout().is_terminal() {
        table.set_content_arrangement(ContentArrangement::Dynamic);
    }
    table.set_header(headers.iter().map(Cell::new).collect::<Vec<_>>());
    table
}

/// Right-aligns the given columns (numbers).
pub fn align_right(table: &mut Table, columns: impl IntoIterator<Item = usize>) {
    for index in columns {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// A progress bar on stderr, drawn only at a terminal, not in JSON mode, and only once the work has lasted
/// about a second (short imports stay quiet).
pub struct Bar {
    enabled: bool,
    label: &'static str,
    watch: Stopwatch,
    bar: RefCell<Option<ProgressBar>>,
}

impl Bar {
    pub fn new(out: Output, label: &'static str) -> Bar {
        Bar {
            enabled: !out.json && std::io::stderr().is_terminal(),
            label,
            watch: Stopwatch::start(),
            bar: RefCell::new(None),
        }
    }

    /// The progress callback: `&|done, total| bar.tick(done, total)`.
    pub fn tick(&self, done: usize, total: usize) {
        if !self.enabled {
            return;
        }
        let mut slot = self.bar.borrow_mut();
        if slot.is_none() {
            if done >= total || self.watch.elapsed_ms() < 1000.0 {
                return;
            }
            let bar = ProgressBar::new(total as u64);
            let style = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len}")
                .map(|s| s.progress_chars("=> "))
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message(self.label);
            *slot = Some(bar);
        }
        if let Some(bar) = slot.as_ref() {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        if let Some(bar) = self.bar.get_mut().take() {
            bar.finish_and_clear();
        }
    }
}
