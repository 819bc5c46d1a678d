//! Crash safety, proven with a real child process (tests/child/main.rs, the `cchc-test-child` binary) editing a real register: killed with
//! SIGKILL at random moments, and refused writes as on a full disk (a file-size limit makes the kernel refuse them).
//!
//! `CCHC_CRASH_RUNS` sets the number of kills (200 by default; BENCHMARKS.md records a 1,000-run session).

use crate::fixtures::{TestRegister, clock, procedure};
use cchc::model::ProcedureQuery;
use cchc::{App, Assets};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The child program (a test-support binary of this package, built by cargo before the tests run).
fn child() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_cchc-test-child"))
}

fn codes(path: &Path) -> BTreeSet<String> {
    let app = App::open(path, Assets::bundled(), clock()).expect("the register opens after the crash");
    app.procedures(&ProcedureQuery { include_retired: true, ..Default::default() })
        .unwrap()
        .into_iter()
        .map(|p| p.input.code)
        .collect()
}

/// The lines the child printed: `saved <code>` per edit it was told was saved, `error <CODE>` when refused.
fn lines(output: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(output).lines().map(str::to_string).collect()
}

/// xorshift64*: a reproducible sequence of kill delays.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

#[test]
fn killing_the_program_mid_edit_never_damages_the_register_or_loses_a_saved_edit() {
    let runs: usize = std::env::var("CCHC_CRASH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let child = child();
    let (_dir, path) = TestRegister::new().close();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut saved = BTreeSet::new();
    let mut kills_after_an_edit = 0;
    assert!(runs <= 1000, "codes 1.RRRNNN allow 1,000 runs");
    for run in 0..runs {
        let mut process = Command::new(&child)
            .args(["edits", path.to_str().unwrap(), &run.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(process.stdout.take().unwrap());
        let mut text = String::new();
        // Most kills land while edits are under way: after the child said it opened the register ("ready") and
        // reported 0–3 saved edits, plus a few random milliseconds; one in eight lands anywhere, opening included.
        let lines_before_kill = if rng.below(8) == 0 { 0 } else { 1 + rng.below(4) };
        for _ in 0..lines_before_kill {
            stdout.read_line(&mut text).unwrap();
        }
        std::thread::sleep(Duration::from_micros(rng.below(if lines_before_kill == 0 { 30_000 } else { 4_000 })));
        process.kill().unwrap(); // SIGKILL on Unix: no destructor, no flush, no checkpoint
        process.wait().unwrap();
        stdout.read_to_string(&mut text).unwrap();
        let reported: Vec<String> =
            lines(text.as_bytes()).into_iter().filter_map(|l| l.strip_prefix("saved ").map(str::to_string)).collect();
        if !reported.is_empty() {
            kills_after_an_edit += 1;
        }
        saved.extend(reported);

        let present = codes(&path);
        let lost: Vec<_> = saved.difference(&present).collect();
        assert!(lost.is_empty(), "run {run}: edits reported saved are missing: {lost:?}");
        cchc::App::check_file(&path).unwrap_or_else(|e| panic!("run {run}: integrity check failed: {e}"));
    }
    // The kills must land while edits are under way, or the test proves nothing.
    assert!(kills_after_an_edit * 2 > runs, "only {kills_after_an_edit} of {runs} kills came after an edit");
    assert!(saved.len() > runs, "{} edits in {runs} runs", saved.len());
}

/// A register with `n` procedures, closed; returns its folder guard and path.
fn register_with(n: usize) -> (tempfile::TempDir, PathBuf) {
    let mut t = TestRegister::new();
    for i in 0..n {
        let name = format!("Thủ tục số {i} {}", "chứng thực bản sao từ bản chính ".repeat(8));
        t.app.add_procedure(procedure(&format!("1.{:06}", 200_000 + i), name.trim(), "Chứng thực")).unwrap();
    }
    t.close()
}

#[test]
fn a_full_disk_during_edits_refuses_with_a_clear_code_and_keeps_every_saved_edit() {
    let (_dir, path) = register_with(20);
    let before = codes(&path);
    let limit = std::fs::metadata(&path).unwrap().len() + 96 * 1024;
    let output =
        Command::new(child()).args(["fill-edits", path.to_str().unwrap(), &limit.to_string()]).output().unwrap();
    let lines = lines(&output.stdout);
    assert_eq!(lines.last().map(String::as_str), Some("error DiskFull"), "{lines:?}");
    let saved: BTreeSet<String> = lines.iter().filter_map(|l| l.strip_prefix("saved ").map(str::to_string)).collect();
    assert!(!saved.is_empty(), "some edits fit before the disk was full");

    let after = codes(&path);
    assert!(before.is_subset(&after) && saved.is_subset(&after), "nothing saved was lost");
    assert_eq!(after.len(), before.len() + saved.len(), "the refused edit left nothing half-written");
    cchc::App::check_file(&path).unwrap();
}

#[test]
fn a_full_disk_during_a_backup_leaves_no_half_written_copy() {
    let (dir, path) = register_with(120);
    let size = std::fs::metadata(&path).unwrap().len();
    let output =
        Command::new(child()).args(["fill-backup", path.to_str().unwrap(), &(size / 2).to_string()]).output().unwrap();
    assert_eq!(lines(&output.stdout), ["error DiskFull"]);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(leftovers.is_empty(), "no copy, record or partial file counts: {leftovers:?}");
    let app = App::open(&path, Assets::bundled(), clock()).unwrap();
    assert!(app.backups().unwrap().is_empty());
    assert_eq!(codes(&path).len(), 120, "the register is intact");
    // With room again, the same backup succeeds.
    assert_eq!(app.backup_now(cchc::api::BackupReason::Manual).unwrap().facts.counts["procedure"], 120);
}

/// The names in a backups folder that are partial files (being written, or left by an interrupted copy): the
/// `.partial` file, its SQLite companions and its lock.
fn partial_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|n| n.contains(".partial"))
        .collect()
}

/// Kills, 50 times, left 2.3 MiB of `*.partial` and `*.partial-journal` files in the backups folder that no later
/// backup removed.
#[test]
fn copies_killed_midway_leave_partial_files_that_the_next_backup_removes() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = App::create_demo(dir.path(), Assets::bundled(), clock(), &cchc::api::no_progress).unwrap();
    let path = dir.path().join("demo.cchc");
    let backups = app.backup_dir();
    drop(app);
    let mut killed_midway = 0;
    for _ in 0..40 {
        let mut process = Command::new(child())
            .args(["backups", path.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut ready = String::new();
        BufReader::new(process.stdout.take().unwrap()).read_line(&mut ready).unwrap();
        // Kill as soon as a copy is being written.
        let started = std::time::Instant::now();
        while partial_files(&backups).iter().all(|n| !n.ends_with(".cchcsl.partial"))
            && started.elapsed() < Duration::from_secs(10)
        {}
        process.kill().unwrap();
        process.wait().unwrap();
        // Midway: the copy's partial file is left. On a loaded machine the kill can land after the rename, leaving
        // only the lock file; that try does not count (its lock is a leftover the next backup removes all the same).
        if partial_files(&backups).iter().any(|n| n.ends_with(".cchcsl.partial")) {
            killed_midway += 1;
            if killed_midway == 3 {
                break;
            }
        }
    }
    assert!(killed_midway >= 1, "no kill landed while a copy was being written");
    let left = partial_files(&backups);
    assert!(left.iter().any(|n| n.ends_with(".cchcsl.partial")), "{left:?}");

    let app = App::open(&path, Assets::bundled(), clock()).unwrap();
    let leftovers = app.backup_leftovers();
    assert_eq!(leftovers.files, left.len(), "backup verify counts each leftover: {left:?}");
    // A kill may land before SQLite wrote a page: count what is on the disk, whatever it is.
    let bytes: u64 = left.iter().map(|n| std::fs::metadata(backups.join(n)).map_or(0, |m| m.len())).sum();
    assert_eq!(leftovers.bytes, bytes, "backup verify counts their size");
    app.backup_now(cchc::api::BackupReason::Manual).unwrap();
    assert_eq!(partial_files(&backups), Vec::<String>::new(), "the next backup removed the leftovers");
    assert_eq!(app.backup_leftovers(), cchc::api::Leftovers::default());
    for copy in app.backups().unwrap() {
        App::verify_backup(&copy.path).unwrap();
    }
}

/// The sweeper must never take a copy another process is still writing.
#[test]
fn a_partial_file_another_process_is_writing_is_neither_removed_nor_counted_until_it_dies() {
    let t = TestRegister::new();
    let backups = t.app.backup_dir();
    std::fs::create_dir_all(&backups).unwrap();
    let target = backups.join("so-20261123-093000-import.cchc");
    let mut holder = Command::new(child())
        .args(["hold", target.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(holder.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert_eq!(line.trim(), "holding");
    let held = backups.join("so-20261123-093000-import.cchc.partial");

    assert_eq!(t.app.backup_leftovers(), cchc::api::Leftovers::default(), "a copy being written is no leftover");
    t.app.backup_now(cchc::api::BackupReason::Manual).unwrap();
    assert_eq!(std::fs::read(&held).unwrap().len(), 4096, "the other process's partial file is untouched");

    holder.kill().unwrap();
    holder.wait().unwrap();
    let leftovers = t.app.backup_leftovers();
    assert_eq!((leftovers.files, leftovers.bytes), (2, 4096), "the partial file and its lock file, once it died");
    t.app.backup_now(cchc::api::BackupReason::Manual).unwrap();
    assert!(!held.exists());
    assert_eq!(partial_files(&backups), Vec::<String>::new());
}
