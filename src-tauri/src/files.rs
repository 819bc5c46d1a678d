//! Files in and out of the window: opening what the app saved, in one click (a file with the system's program for
//! its kind, or the folder that holds it); printing a report through its PDF in the system's viewer, so the pages
//! print at their real size (A4, the decree's margins, landscape pages landscape) and not as a web page; and the
//! report files the program was started with (a double click on a `.cchcbc`), which the window opens in its import.

use crate::commands::parse_period;
use crate::error::CommandError;
use crate::state::AppState;
use cchc::model::ReportKind;
use cchc::model::{REPORT_FILE_EXTENSION, has_extension};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::State;

type Result<T> = std::result::Result<T, CommandError>;

/// The kinds of file the app saves and hands to the system to open: never a program or a script.
const OPENABLE: [&str; 7] = ["pdf", "xlsx", "csv", "docx", "png", "jpg", "jpeg"];

/// The folder in the data folder that holds the PDFs handed to the viewer to print (one per report and period,
/// replaced when printed again).
const PRINT_DIR: &str = "ban-in";

/// Opens a saved file with the system's program for its kind.
#[tauri::command(async)]
pub fn open_file(path: String) -> Result<()> {
    open(Path::new(&path))
}

/// Shows the folder holding a saved file (the file selected where the system allows it), or a saved folder.
#[tauri::command(async)]
pub fn open_folder(path: String) -> Result<()> {
    let path = PathBuf::from(path);
    if !path.exists() {
        return Err(CommandError::cannot_open(&path, "it no longer exists"));
    }
    if path.is_file() && tauri_plugin_opener::reveal_item_in_dir(&path).is_ok() {
        return Ok(());
    }
    // No file manager answered (or a folder was given): open the folder itself.
    let folder = if path.is_dir() { path.clone() } else { path.parent().map(Path::to_path_buf).unwrap_or_default() };
    tauri_plugin_opener::open_path(&folder, None::<&str>).map_err(|e| CommandError::cannot_open(&folder, e))
}

/// Writes the report's PDF into the data folder's print folder and opens it in the system's PDF viewer to print;
/// returns where it is.
#[tauri::command(async)]
pub fn report_print(state: State<'_, AppState>, kind: String, period: String) -> Result<String> {
    let kind = ReportKind::parse(&kind).ok_or_else(|| CommandError::cannot_open(Path::new(&kind), "no such report"))?;
    let key = parse_period(&period)?;
    let folder = state.paths().data().join(PRINT_DIR);
    std::fs::create_dir_all(&folder).map_err(|e| CommandError::from(cchc::Error::io(&folder, e)))?;
    let path = folder.join(format!("{}-{key}.pdf", kind.key()));
    state.app()?.write_report_pdf(kind, key, &path)?;
    open(&path)?;
    Ok(path.to_string_lossy().into_owned())
}

/// Report files handed to the program (a double click on a `.cchcbc`, at start or while it runs), waiting for the
/// window to take them into its import.
#[derive(Debug, Default)]
pub struct Incoming(Mutex<Vec<String>>);

impl Incoming {
    /// Keeps the report files among a command line's arguments (the first is the program); relative paths are taken
    /// from `cwd`. Returns whether any was kept.
    pub fn add(&self, args: impl IntoIterator<Item = String>, cwd: &Path) -> bool {
        let files: Vec<String> = args
            .into_iter()
            .skip(1)
            .map(|arg| cwd.join(arg))
            .filter(|path| has_extension(path, &[REPORT_FILE_EXTENSION]) && path.is_file())
            .map(|path| path.to_string_lossy().into_owned())
            .collect();
        let mut waiting = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let added = !files.is_empty();
        for file in files {
            if !waiting.contains(&file) {
                waiting.push(file);
            }
        }
        added
    }

    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// The report files the program was handed and the window has not taken yet (each is given once).
#[tauri::command]
pub fn opened_files(incoming: State<'_, Incoming>) -> Vec<String> {
    incoming.take()
}

fn open(path: &Path) -> Result<()> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_lowercase();
    if !OPENABLE.contains(&extension.as_str()) {
        return Err(CommandError::cannot_open(path, "not a kind of file the app saves"));
    }
    if !path.is_file() {
        return Err(CommandError::cannot_open(path, "it no longer exists"));
    }
    tauri_plugin_opener::open_path(path, None::<&str>).map_err(|e| CommandError::cannot_open(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_report_files_that_exist_are_taken_from_the_command_line_and_each_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bao-cao-q3.cchcbc"), "zip").unwrap();
        std::fs::write(dir.path().join("register.cchc"), "sqlite").unwrap();
        let incoming = Incoming::default();
        let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // The program itself, a register, a missing report file: none is a report file to import.
        assert!(!incoming.add(args(&["bao-cao-q3.cchcbc", "register.cchc", "khong-co.cchcbc"]), dir.path()));
        assert!(incoming.add(args(&["cchc-app.exe", "bao-cao-q3.cchcbc", "bao-cao-q3.cchcbc"]), dir.path()));
        let file = dir.path().join("bao-cao-q3.cchcbc").to_string_lossy().into_owned();
        assert_eq!(incoming.take(), [file]);
        assert!(incoming.take().is_empty(), "given to the window once");
    }

    #[test]
    fn a_program_or_a_missing_file_is_never_handed_to_the_system() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("chay.bat");
        std::fs::write(&script, "echo").unwrap();
        for path in [script, dir.path().join("khong-co.pdf"), dir.path().join("bao-cao")] {
            let error = open(&path).unwrap_err();
            assert_eq!(serde_json::to_value(&error).unwrap()["code"], "CANNOT_OPEN", "{}", path.display());
        }
    }
}
