//! `bench copies`: the work copy of a generated register and of the demo ward (their sizes), a changes file of many
//! changes written in a work copy (new people and edited procedures, some of them also edited at the office: the
//! conflicts), and the time to preview and to merge it into the office register (BENCHMARKS.md).

use crate::Ctx;
use crate::format;
use crate::output::{self, Bar, CmdResult, Done, Failure};
use cchc::api::{Generated, no_progress};
use cchc::clock::Stopwatch;
use cchc::model::{MergeChoices, PersonInput};
use cchc::{App, Assets};
use clap::Args;
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct CopiesArgs {
    #[arg(long, value_name = "SỐ", default_value = "1000", value_parser = format::parse_positive, help = "Số bản ghi thay đổi trong tệp thay đổi")]
    changes: usize,
    #[arg(long, value_name = "SỐ", default_value = "10", value_parser = format::parse_positive, help = "Số năm số liệu của sổ được sinh (đến hết năm 2025)")]
    years: usize,
    #[arg(long, value_name = "SỐ", default_value = "5", value_parser = format::parse_positive, help = "Số lần đo việc nhập")]
    repeat: usize,
}

#[derive(Debug, Serialize)]
struct CopiesReport {
    years: usize,
    procedures: usize,
    register_bytes: u64,
    work_copy_bytes: u64,
    demo_work_copy_bytes: u64,
    demo_work_copy_no_evidence_bytes: u64,
    changes: usize,
    conflicts: usize,
    changes_file_bytes: u64,
    send_ms: f64,
    preview_ms: f64,
    merge_ms: Vec<f64>,
    merge_median_ms: f64,
}

const PROCEDURES: usize = 150;
/// Procedures also edited at the office: each is a conflict.
const CONFLICTS: usize = 50;

pub fn run(ctx: &Ctx, args: CopiesArgs) -> CmdResult {
    let dir = std::env::temp_dir().join(format!("cchc-bench-copies-{}", std::process::id()));
    let result = measure(ctx, &args, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    let report = result?;
    if ctx.out.json {
        ctx.out.json(&report);
        return Ok(Done::Clean);
    }
    let kb = |b: u64| format!("{} KB", format::int((b as i64 + 1023) / 1024));
    let mut table = output::new_table(&["Đo", "Kết quả"]);
    let rows = [
        (format!("Sổ được sinh ({} năm, {} thủ tục)", report.years, report.procedures), kb(report.register_bytes)),
        ("Bản làm việc của sổ đó".to_string(), kb(report.work_copy_bytes)),
        ("Bản làm việc của phường mẫu (kèm tài liệu kiểm chứng)".to_string(), kb(report.demo_work_copy_bytes)),
        ("Bản làm việc của phường mẫu (không kèm)".to_string(), kb(report.demo_work_copy_no_evidence_bytes)),
        (
            format!("Tệp thay đổi: {} bản ghi, {} chỗ khác nhau", report.changes, report.conflicts),
            kb(report.changes_file_bytes),
        ),
        ("Ghi tệp thay đổi (ms)".to_string(), format::decimal(report.send_ms, 1)),
        ("Xem trước khi nhập (ms)".to_string(), format::decimal(report.preview_ms, 1)),
        (
            format!("Nhập vào sổ, kể cả sao lưu trước (ms, trung vị của {} lần)", report.merge_ms.len()),
            format::decimal(report.merge_median_ms, 1),
        ),
    ];
    for (what, value) in rows {
        table.add_row(vec![what, value]);
    }
    output::align_right(&mut table, [1]);
    ctx.out.table(&table);
    Ok(Done::Clean)
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn measure(ctx: &Ctx, args: &CopiesArgs, dir: &Path) -> Result<CopiesReport, Failure> {
    let io = |path: &Path, e: std::io::Error| Failure::from(cchc::Error::io(path, e));
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let years = i32::try_from(args.years)
        .ok()
        .filter(|y| *y <= 100)
        .ok_or_else(|| Failure::refused("BAD_ARGUMENT", "Số năm số liệu quá lớn; hãy chọn tối đa 100 năm."))?;
    let bar = Bar::new(ctx.out, "Đang chuẩn bị sổ thử nghiệm");
    let office_path = dir.join("office").join("register.cchc");
    let spec = Generated { procedures: PROCEDURES, years, last_year: 2025, seed: 2026 };
    let (mut office, _) =
        App::create_generated(&office_path, spec, Assets::bundled(), ctx.clock.clone(), &|d, t| bar.tick(d, t))?;
    drop(bar);
    let register_bytes = size(&office_path);
    let copy_file = dir.join("copy.cchclv");
    office.take_work_copy(&copy_file, "Người đo", None, &no_progress)?;
    let (demo, _) = App::create_demo(&dir.join("demo"), Assets::bundled(), ctx.clock.clone(), &no_progress)?;
    let mut demo = demo;
    let demo_file = dir.join("demo.cchclv");
    demo.take_work_copy(&demo_file, "Người đo", None, &no_progress)?;
    let demo_bare = dir.join("demo-bare.cchclv");
    demo.take_work_copy(&demo_bare, "Người đo", Some(&[]), &no_progress)?;

    // The work copy: every procedure renamed, the rest of the changes new people.
    let mut copy =
        App::open_work_copy(&copy_file, &dir.join("home").join("register.cchc"), Assets::bundled(), ctx.clock.clone())?;
    let procedures = copy.procedures(&Default::default())?;
    let edits = procedures.len().min(args.changes);
    for p in procedures.iter().take(edits) {
        let mut input = p.input.clone();
        input.name = format!("{} (sửa ở nhà)", input.name);
        copy.edit_procedure(&p.input.code, input)?;
    }
    for i in 0..args.changes - edits {
        let person = PersonInput {
            name: format!("Người số {i}"),
            position: "Công chức".into(),
            category: "cong_chuc".into(),
            ..Default::default()
        };
        copy.add_person(person)?;
    }
    // The office edits some of the same procedures meanwhile.
    for p in procedures.iter().take(CONFLICTS.min(edits)) {
        let mut input = p.input.clone();
        input.name = format!("{} (sửa ở cơ quan)", input.name);
        office.edit_procedure(&p.input.code, input)?;
    }
    drop(office);
    let changes_file = dir.join("changes.cchctd");
    let watch = Stopwatch::start();
    let sent = copy.send_changes(&changes_file)?;
    let send_ms = watch.elapsed_ms();

    // Each merge into a fresh copy of the office register (the merge is once per file).
    let mut merge_ms = Vec::new();
    let mut preview_ms = 0.0;
    let mut conflicts = 0;
    for run in 0..args.repeat {
        let target: PathBuf = dir.join(format!("run-{run}")).join("register.cchc");
        std::fs::create_dir_all(target.parent().unwrap_or(dir)).map_err(|e| io(dir, e))?;
        std::fs::copy(&office_path, &target).map_err(|e| io(&target, e))?;
        let mut app = App::open(&target, Assets::bundled(), ctx.clock.clone())?;
        let watch = Stopwatch::start();
        let preview = app.merge_preview(&changes_file)?;
        preview_ms = watch.elapsed_ms();
        conflicts = preview.conflicts.len();
        let watch = Stopwatch::start();
        app.merge_changes(&changes_file, &MergeChoices::keep_office(), &no_progress)?;
        merge_ms.push(watch.elapsed_ms());
    }
    let mut sorted = merge_ms.clone();
    sorted.sort_by(f64::total_cmp);
    let merge_median_ms = sorted.get(sorted.len() / 2).copied().unwrap_or(0.0);
    Ok(CopiesReport {
        years: args.years,
        procedures: PROCEDURES,
        register_bytes,
        work_copy_bytes: size(&copy_file),
        demo_work_copy_bytes: size(&demo_file),
        demo_work_copy_no_evidence_bytes: size(&demo_bare),
        changes: sent.changes,
        conflicts,
        changes_file_bytes: sent.size,
        send_ms,
        preview_ms,
        merge_ms,
        merge_median_ms,
    })
}
