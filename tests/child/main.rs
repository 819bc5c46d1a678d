//! `cchc-test-child`: the child process of the crash-safety tests (tests/it/crash.rs); test support, not shipped.
//! It opens a register through `App` and edits it, printing `saved <code>` after each edit `App` reported as saved,
//! until it is killed or the disk refuses a write.
//!
//! Usage: `cchc-test-child edits REGISTER RUN` (print `ready` once open, then add procedures 1.RRRNNN until killed;
//! RUN is 0–999); `cchc-test-child fill-edits REGISTER LIMIT` (the process may not write past LIMIT bytes in any
//! file: edit until refused); `cchc-test-child fill-backup REGISTER LIMIT` (make a backup under that limit);
//! `cchc-test-child backups REGISTER` (print `ready`, then make copies before an import until killed);
//! `cchc-test-child hold TARGET` (start writing TARGET through its locked partial file, print `holding`, and wait until
//! killed). A refusal prints `error <CODE>` and exits 0.

use cchc::api::BackupReason;
use cchc::model::ProcedureInput;
use cchc::{App, Assets, Clock};
use std::io::Write;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = (args[1].as_str(), Path::new(&args[2]));
    if mode.starts_with("fill")
        && let Some(limit) = args.get(3)
    {
        limit_file_size(limit.parse().expect("LIMIT is a number of bytes"));
    }
    if mode == "hold" {
        // A writer as the partial-file rule describes it (ARCHITECTURE.md): the lock file first, its OS lock held
        // while `TARGET.partial` is written, both left as they are until this process is killed.
        let name = path.file_name().expect("TARGET names a file").to_string_lossy();
        let lock = std::fs::File::create(path.with_file_name(format!("{name}.partial.lock"))).expect("the lock file");
        lock.lock().expect("the lock is taken");
        std::fs::write(path.with_file_name(format!("{name}.partial")), vec![7u8; 4096])
            .expect("the partial file is written");
        println!("holding");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
    }
    let mut app = App::open(path, Assets::bundled(), Clock::System).expect("the register opens");
    let mut out = std::io::stdout().lock();
    match mode {
        "edits" | "fill-edits" => {
            let (first, last) = if mode == "edits" {
                let run: usize = args[3].parse().expect("RUN is a number");
                writeln!(out, "ready").and_then(|_| out.flush()).expect("stdout");
                (run * 1000, run * 1000 + 999)
            } else {
                let start = 900_000 + app.procedures(&Default::default()).expect("list").len();
                (start, 999_999)
            };
            for i in first..=last {
                let code = format!("1.{i:06}");
                // Long names fill pages quickly in the disk-full test.
                let name = format!("Thủ tục kiểm thử số {i} {}", "đăng ký khai sinh ".repeat(20));
                let input = ProcedureInput::new(&code, name.trim(), "Hộ tịch");
                match app.add_procedure(input) {
                    Ok(_) => writeln!(out, "saved {code}").and_then(|_| out.flush()).expect("stdout"),
                    Err(e) => {
                        writeln!(out, "error {:?}", e.code()).expect("stdout");
                        return;
                    }
                }
            }
        }
        "backups" => {
            writeln!(out, "ready").and_then(|_| out.flush()).expect("stdout");
            loop {
                app.backup_now(BackupReason::Import).expect("a copy");
            }
        }
        "fill-backup" => match app.backup_now(BackupReason::Manual) {
            Ok(info) => writeln!(out, "backup {}", info.file).expect("stdout"),
            Err(e) => writeln!(out, "error {:?}", e.code()).expect("stdout"),
        },
        other => panic!("unknown mode {other}"),
    }
}

/// Makes every write past `bytes` in any file fail with EFBIG, as a full disk would, instead of killing the process.
#[cfg(unix)]
fn limit_file_size(bytes: u64) {
    // SAFETY: plain libc calls with valid arguments, made before any other thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let limit = libc::rlimit { rlim_cur: bytes as libc::rlim_t, rlim_max: bytes as libc::rlim_t };
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0, "setrlimit");
    }
}

#[cfg(not(unix))]
fn limit_file_size(_bytes: u64) {
    panic!("the file-size limit is only available on Unix");
}
