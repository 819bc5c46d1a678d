//! Backups of a register: their names, the record kept beside each copy, which copies are kept, and copying folders
//! of evidence. The SQLite work (copying, verifying, restoring) is in `register::backup`; `App` ties the two.
//!
//! Rotation (documented in ARCHITECTURE.md): of the copies in a backups folder, keep the 3 newest of today, the newest
//! of each of the 13 days before, and the newest of each of the 24 months up to this one; a copy made just before a
//! restore (the undo point) is kept for 14 days whatever the rule says; the newest copy is always kept.

use crate::error::{Error, Result};
use crate::model::{BACKUP_EXTENSION, LEGACY_EXTENSION, has_extension};
use crate::partial::{self, Folder, Leftovers};
use crate::register::CopyFacts;
use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a copy was made.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// Every 15 minutes while the app runs, when something changed.
    Auto,
    /// When the app closes.
    Exit,
    /// Asked for by the user.
    Manual,
    /// Before the register is migrated to a newer schema.
    Migration,
    /// Before an import writes.
    Import,
    /// Before a restore replaces the register (the undo point).
    Restore,
    /// Before a locked stage is unlocked.
    Unlock,
    /// A copy written to another folder (a USB stick).
    External,
}

impl BackupReason {
    pub fn slug(self) -> &'static str {
        match self {
            BackupReason::Auto => "auto",
            BackupReason::Exit => "exit",
            BackupReason::Manual => "manual",
            BackupReason::Migration => "migration",
            BackupReason::Import => "import",
            BackupReason::Restore => "restore",
            BackupReason::Unlock => "unlock",
            BackupReason::External => "external",
        }
    }
}

/// The record kept beside each copy (`<name>.json`): what it is and how to check it has not changed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupInfo {
    /// The copy's file name (in its folder).
    pub file: String,
    #[serde(skip_deserializing)]
    pub path: PathBuf,
    /// Local time the copy was made, `YYYY-MM-DDTHH:MM:SS`.
    pub created: NaiveDateTime,
    pub reason: BackupReason,
    pub size: u64,
    pub sha256: String,
    /// The program version that made it (a newer one may hold a schema this program cannot read).
    pub program_version: String,
    pub unit: String,
    pub facts: CopyFacts,
}

/// The version of this program, written into every backup record.
pub const PROGRAM_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The folder of automatic copies beside a register.
pub fn dir_of(register: &Path) -> PathBuf {
    register.parent().unwrap_or(Path::new(".")).join("backups")
}

/// A new copy's file name: `<stem>-<YYYYmmdd-HHMMSS>-<reason>.cchcsl`, with `-2`, `-3`… when that name is taken.
pub fn new_name(dir: &Path, stem: &str, stamp: &str, reason: BackupReason) -> String {
    let base = format!("{stem}-{stamp}-{}", reason.slug());
    let mut name = format!("{base}.{BACKUP_EXTENSION}");
    let mut n = 2;
    while dir.join(&name).exists() || dir.join(format!("{name}.partial")).exists() {
        name = format!("{base}-{n}.{BACKUP_EXTENSION}");
        n += 1;
    }
    name
}

/// The record's path for a copy.
pub fn record_path(copy: &Path) -> PathBuf {
    copy.with_extension("json")
}

/// Writes the record beside a copy (through a temporary file, so a record is whole or absent).
pub fn write_record(info: &BackupInfo) -> Result<()> {
    let text = serde_json::to_string_pretty(info).map_err(|e| Error::Storage(e.to_string()))?;
    partial::write(&record_path(&info.path), text.as_bytes(), Folder::Own)
}

/// Reads the record of a copy, if it has one.
pub fn read_record(copy: &Path) -> Option<BackupInfo> {
    let text = std::fs::read_to_string(record_path(copy)).ok()?;
    let mut info: BackupInfo = serde_json::from_str(&text).ok()?;
    info.path = copy.to_path_buf();
    Some(info)
}

/// The copies in a folder that have a record, newest first (copies made before backups had their own extension,
/// `.cchc`, too). Leftover partial files are not copies.
pub fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if has_extension(&path, &[BACKUP_EXTENSION, LEGACY_EXTENSION])
            && let Some(info) = read_record(&path)
        {
            out.push(info);
        }
    }
    out.sort_by(|a, b| (b.created, &b.file).cmp(&(a.created, &a.file)));
    Ok(out)
}

/// SHA-256 of a file, in lower-case hex.
pub fn sha256_of(path: &Path) -> Result<String> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Which copies to keep (true) by the rotation rule, for copies made at `created` (any order) as of `now`.
pub fn keep(copies: &[(NaiveDateTime, BackupReason)], now: NaiveDateTime) -> Vec<bool> {
    let mut order: Vec<usize> = (0..copies.len()).collect();
    // Newest first; equal times keep their given order.
    order.sort_by(|&a, &b| copies[b].0.cmp(&copies[a].0).then(a.cmp(&b)));
    let today = now.date();
    let mut kept = vec![false; copies.len()];
    let mut today_count = 0;
    let mut days = BTreeSet::new();
    let mut months = BTreeSet::new();
    for (rank, &i) in order.iter().enumerate() {
        let (at, reason) = copies[i];
        let date = at.date();
        let age_days = (today - date).num_days();
        let age_months = (today.year() - date.year()) * 12 + today.month() as i32 - date.month() as i32;
        let mut keep = rank == 0;
        if date == today && today_count < 3 {
            today_count += 1;
            keep = true;
        }
        if (1..14).contains(&age_days) && days.insert(date) {
            keep = true;
        }
        if (0..24).contains(&age_months) && date != today && months.insert((date.year(), date.month())) {
            keep = true;
        }
        if reason == BackupReason::Restore && (0..14).contains(&age_days) {
            keep = true;
        }
        kept[i] = keep;
    }
    kept
}

/// Deletes the copies of a folder that the rotation does not keep; returns how many were deleted.
pub fn prune(dir: &Path, now: NaiveDateTime) -> Result<usize> {
    let copies = list(dir)?;
    let flags = keep(&copies.iter().map(|c| (c.created, c.reason)).collect::<Vec<_>>(), now);
    let mut deleted = 0;
    for (copy, keep) in copies.iter().zip(flags) {
        if !keep {
            remove_copy(&copy.path)?;
            deleted += 1;
        }
    }
    Ok(deleted)
}

/// Stale partial files in a backups folder, left by copies that were interrupted (a copy being written is not
/// counted). The next copy into that folder removes them.
pub fn leftovers(dir: &Path) -> Leftovers {
    partial::stale(dir)
}

/// Removes a copy and its record.
pub fn remove_copy(copy: &Path) -> Result<()> {
    for path in [copy.to_path_buf(), record_path(copy)] {
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    Ok(())
}

/// Copies every file of `from` into `to` that `to` does not have yet (evidence files are named by their content,
/// so an existing name is the same file). A partial file (one being written, or left by an interrupted write) is
/// not a file of the folder and is never copied. Returns how many files were copied.
pub fn copy_missing_files(from: &Path, to: &Path) -> Result<usize> {
    let Ok(entries) = std::fs::read_dir(from) else { return Ok(0) };
    std::fs::create_dir_all(to).map_err(|e| Error::io(to, e))?;
    partial::sweep(to, Folder::Own)?;
    let mut copied = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copied += copy_missing_files(&path, &target)?;
        } else if !partial::is_partial(&entry.file_name()) && !target.exists() {
            partial::copy_swept(&path, &target)?;
            copied += 1;
        }
    }
    Ok(copied)
}

/// A folder name that every file system of a USB stick accepts (FAT32, exFAT, NTFS): the unit's name and the date.
pub fn external_folder_name(unit: &str, stamp: &str) -> String {
    let unit = legal_name_part(unit, UNIT_IN_NAME_LIMIT);
    let unit = if unit.is_empty() { "cchc".to_string() } else { unit };
    format!("Sao lưu {unit} {stamp}")
}

/// How many characters of the unit's name a folder name keeps. FAT32 and exFAT allow 255 UTF-16 units in a name, and
/// Windows 260 in a whole path unless long paths are on (and SQLite opens the copy with such a path): a long official
/// name ("Ủy ban nhân dân phường … thành phố …") keeps its first words, and `E:\Sao lưu … 2026-11-23 1540\register-…
/// .cchc.partial` stays far below both.
const UNIT_IN_NAME_LIMIT: usize = 80;

/// Text made fit to be part of a file or folder name on Windows and on a FAT32 or exFAT stick: NFC, without the
/// characters they refuse (`< > : " / \ | ? *` and control characters, each becoming a space), spaces collapsed,
/// at most `limit` characters (cut after a whole word when one ends in the second half), without a trailing dot or
/// space (Windows drops them, so the name would not be the one written), and never a reserved device name (`CON`,
/// `PRN`, `AUX`, `NUL`, `COM1`…, `LPT1`…, with or without an extension), which gets a `_` after the device word.
pub fn legal_name_part(text: &str, limit: usize) -> String {
    let replaced: String = crate::text::clean(text)
        .chars()
        .map(|c| if "<>:\"/\\|?*".contains(c) || c.is_control() { ' ' } else { c })
        .collect();
    let mut name = replaced.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() > limit {
        let cut: String = name.chars().take(limit).collect();
        let at_word = cut.rfind(' ').filter(|&i| cut[..i].chars().count() >= limit / 2);
        name = at_word.map_or(cut.clone(), |i| cut[..i].to_string());
    }
    let name = name.trim_end_matches(['.', ' ']).to_string();
    let device = name.split('.').next().unwrap_or("").trim_end().to_ascii_uppercase();
    let reserved = matches!(device.as_str(), "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$")
        || (device.len() == 4
            && (device.starts_with("COM") || device.starts_with("LPT"))
            && device[3..].chars().all(|c| c.is_ascii_digit() || "¹²³".contains(c)));
    if !reserved {
        return name;
    }
    let dot = name.find('.').unwrap_or(name.len());
    format!("{}_{}", name[..dot].trim_end(), &name[dot..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn rotation_keeps_three_today_one_a_day_and_one_a_month() {
        let now = at(2026, 11, 23, 18);
        let copies = [
            (at(2026, 11, 23, 17), BackupReason::Auto),   // today, 1st newest
            (at(2026, 11, 23, 16), BackupReason::Auto),   // today, 2nd
            (at(2026, 11, 23, 15), BackupReason::Auto),   // today, 3rd
            (at(2026, 11, 23, 9), BackupReason::Auto),    // today, 4th: dropped
            (at(2026, 11, 22, 17), BackupReason::Exit),   // yesterday's newest
            (at(2026, 11, 22, 8), BackupReason::Auto),    // yesterday's older: dropped
            (at(2026, 11, 10, 8), BackupReason::Auto),    // 13 days ago: kept as its day
            (at(2026, 11, 9, 8), BackupReason::Auto),     // 14 days ago: November already kept → dropped
            (at(2026, 10, 30, 8), BackupReason::Auto),    // October's newest
            (at(2026, 10, 2, 8), BackupReason::Auto),     // October's older: dropped
            (at(2024, 12, 31, 8), BackupReason::Auto),    // 23 months ago: kept
            (at(2024, 11, 30, 8), BackupReason::Auto),    // 24 months ago: dropped
            (at(2026, 11, 12, 8), BackupReason::Restore), // an undo point 11 days old, and its day's newest
            (at(2026, 11, 12, 7), BackupReason::Restore), // an older undo point of that day: kept for 14 days
        ];
        let kept = keep(&copies, now);
        assert_eq!(
            kept,
            [true, true, true, false, true, false, true, false, true, false, true, false, true, true],
            "{copies:?}"
        );
    }

    #[test]
    fn the_newest_copy_is_always_kept() {
        let now = at(2030, 1, 1, 0);
        assert_eq!(
            keep(&[(at(2020, 1, 1, 0), BackupReason::Auto), (at(2019, 1, 1, 0), BackupReason::Auto)], now),
            [true, false]
        );
    }

    #[test]
    fn usb_folder_names_drop_what_windows_forbids() {
        assert_eq!(
            external_folder_name("UBND phường: Hải/Dương?", "2026-11-23 1540"),
            "Sao lưu UBND phường Hải Dương 2026-11-23 1540"
        );
        assert_eq!(external_folder_name("  ", "x"), "Sao lưu cchc x");
    }

    /// Every unit name a person could type gives a folder FAT32, exFAT and Windows accept under that very name.
    #[test]
    fn hostile_unit_names_give_names_legal_on_usb_sticks() {
        let long = "Ủy ban nhân dân phường Nguyễn Trãi thành phố Hà Đông tỉnh Hà Tây cũ nay thuộc thành phố Hà Nội \
                    theo Nghị quyết số 15/2008/QH12 của Quốc hội";
        let hostile = [
            "CON",
            "con",
            "NUL.txt",
            "COM1",
            "LPT9",
            "AUX ",
            "Phường 1.",
            "xã A. . .",
            "a\tb\nc",
            "A*B?C<D>E|F\"G",
            "C:\\Windows\\..",
            "..",
            ".",
            "ấp\u{0301}",
            long,
            "😀 UBND",
            "\u{0}\u{1f}",
        ];
        for unit in hostile {
            let folder = external_folder_name(unit, "2026-11-23 1540");
            assert!(legal_on_usb(&folder), "{unit:?} gave {folder:?}");
            let part = legal_name_part(unit, 40);
            assert!(part.is_empty() || legal_on_usb(&part), "{unit:?} gave the part {part:?}");
            assert!(part.chars().count() <= 40, "{part:?}");
        }
        assert_eq!(legal_name_part("CON", 40), "CON_");
        assert_eq!(legal_name_part("nul.txt", 40), "nul_.txt");
        assert_eq!(legal_name_part("COM10", 40), "COM10", "only COM0 to COM9 are devices");
        assert_eq!(legal_name_part("Phường 1. ", 40), "Phường 1");
        // NFD (as macOS or a web form may give it) becomes NFC: one name, not two that look alike.
        assert_eq!(legal_name_part("Pha\u{0300}", 40), "Phà");
        let cut = legal_name_part(long, 80);
        assert!(long.starts_with(&cut) && long[cut.len()..].starts_with(' '), "cut after a whole word: {cut:?}");
        assert!(external_folder_name(long, "2026-11-23 1540").encode_utf16().count() < 120);
    }

    /// The rules of FAT32 and exFAT long names (which Windows applies to NTFS too).
    fn legal_on_usb(name: &str) -> bool {
        let device = name.split('.').next().unwrap().trim_end().to_ascii_uppercase();
        let reserved = ["CON", "PRN", "AUX", "NUL"].contains(&device.as_str())
            || (device.len() == 4 && (device.starts_with("COM") || device.starts_with("LPT")));
        !name.is_empty()
            && name.encode_utf16().count() <= 255
            && !name.chars().any(|c| "<>:\"/\\|?*".contains(c) || c.is_control())
            && !name.ends_with(['.', ' '])
            && !reserved
    }
}
