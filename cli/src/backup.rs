//! `backup`: verified copies of the register — make one now, list them, check them again, copy to a USB stick, and
//! restore one (after a preview of what changes; the register as it was is kept as a copy, so a restore can be undone).

use crate::Ctx;
use crate::format;
use crate::output::{CmdResult, Done, Failure, align_right, new_table};
use cchc::App;
use cchc::api::{BackupInfo, BackupReason};
use clap::{Args, Subcommand};
use serde_json::json;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum BackupCommand {
    #[command(about = "Sao lưu ngay vào thư mục backups cạnh sổ dữ liệu (bản sao được kiểm tra trước khi tính)")]
    Now,
    #[command(about = "Liệt kê các bản sao lưu: thời điểm, lý do, dung lượng, số dòng")]
    List,
    #[command(
        about = "Kiểm tra lại mọi bản sao lưu: mã băm, tính toàn vẹn, số dòng; đếm tệp dở dang của lần sao lưu bị ngắt"
    )]
    Verify,
    #[command(about = "Sao lưu ra USB: một thư mục mang tên đơn vị và ngày, gồm sổ dữ liệu và tài liệu kiểm chứng")]
    To(ToArgs),
    #[command(about = "Khôi phục từ một bản sao (sổ hiện tại được sao lưu trước, có thể hoàn tác)")]
    Restore(RestoreArgs),
}

#[derive(Args, Debug)]
pub struct ToArgs {
    #[arg(value_name = "THƯ_MỤC", help = "Thư mục đích, ví dụ ổ USB")]
    dir: PathBuf,
}

#[derive(Args, Debug)]
pub struct RestoreArgs {
    #[arg(value_name = "TỆP", help = "Tệp bản sao (.cchcsl, hoặc .cchc của bản cũ)")]
    file: PathBuf,
    #[arg(long, help = "Khôi phục thật; không có cờ này chỉ xem trước những gì sẽ thay đổi")]
    yes: bool,
}

fn reason_text(reason: BackupReason) -> &'static str {
    match reason {
        BackupReason::Auto => "định kỳ",
        BackupReason::Exit => "khi đóng chương trình",
        BackupReason::Manual => "người dùng yêu cầu",
        BackupReason::Migration => "trước khi nâng cấp sổ",
        BackupReason::Import => "trước khi nhập dữ liệu",
        BackupReason::Restore => "trước khi khôi phục (để hoàn tác)",
        BackupReason::Unlock => "trước khi mở khóa",
        BackupReason::External => "sao lưu ra USB",
    }
}

fn size(bytes: u64) -> String {
    format!("{} KB", format::int(bytes.div_ceil(1024) as i64))
}

fn summary(info: &BackupInfo) -> String {
    let c = |t: &str| format::int(info.facts.counts.get(t).copied().unwrap_or(0));
    format!(
        "{} thủ tục, {} dòng số liệu, {} người, {} nhiệm vụ",
        c("procedure"),
        c("case_stats"),
        c("person"),
        c("task")
    )
}

pub fn run(ctx: &Ctx, command: BackupCommand) -> CmdResult {
    match command {
        BackupCommand::Now => {
            let app = ctx.open()?;
            let info = app.backup_now(BackupReason::Manual)?;
            if ctx.out.json {
                ctx.out.json(&info);
            } else {
                ctx.out.line(format!(
                    "Đã sao lưu và kiểm tra: {} ({}; {}).",
                    info.path.display(),
                    size(info.size),
                    summary(&info)
                ));
            }
            Ok(Done::Clean)
        }
        BackupCommand::List => {
            let app = ctx.open()?;
            let copies = app.backups()?;
            if ctx.out.json {
                ctx.out.json(&copies);
                return Ok(Done::Clean);
            }
            if copies.is_empty() {
                ctx.out.line(format!("Chưa có bản sao lưu nào trong {}.", app.backup_dir().display()));
                return Ok(Done::Clean);
            }
            let mut table = new_table(&["Thời điểm", "Lý do", "Dung lượng", "Nội dung", "Tệp"]);
            for c in &copies {
                table.add_row(vec![
                    c.created.format("%d/%m/%Y %H:%M").to_string(),
                    reason_text(c.reason).to_string(),
                    size(c.size),
                    summary(c),
                    c.file.clone(),
                ]);
            }
            align_right(&mut table, [2]);
            ctx.out.table(&table);
            ctx.out.line(format!("{} bản sao trong {}.", format::count(copies.len()), app.backup_dir().display()));
            Ok(Done::Clean)
        }
        BackupCommand::Verify => {
            let app = ctx.open()?;
            let copies = app.backups()?;
            let mut results = Vec::new();
            for c in &copies {
                let result = App::verify_backup(&c.path);
                if !ctx.out.json {
                    match &result {
                        Ok(_) => ctx.out.line(format!("Tốt      {}", c.file)),
                        Err(e) => ctx.out.line(format!("HỎNG     {}: {}", c.file, crate::messages::error_message(e))),
                    }
                }
                results.push(json!({ "file": c.file, "ok": result.is_ok(), "error": result.err().map(|e| e.code()) }));
            }
            let bad = results.iter().filter(|r| r["ok"] == false).count();
            // Stale partial files of interrupted copies are not copies: counted apart, removed by the next copy.
            let leftovers = app.backup_leftovers();
            if ctx.out.json {
                ctx.out.json(&json!({ "copies": results, "bad": bad, "leftovers": leftovers }));
            } else {
                ctx.out.line(format!(
                    "{} bản sao tốt, {} bản hỏng.",
                    format::count(copies.len() - bad),
                    format::count(bad)
                ));
                if leftovers.files > 0 {
                    ctx.out.line(format!(
                        "Còn {} tệp dở dang ({}) của các lần sao lưu bị ngắt; lần sao lưu sau sẽ xóa chúng.",
                        format::count(leftovers.files),
                        size(leftovers.bytes)
                    ));
                }
            }
            Ok(if bad > 0 { Done::WithErrors } else { Done::Clean })
        }
        BackupCommand::To(args) => {
            let app = ctx.open()?;
            let info = app.backup_to(&args.dir)?;
            if ctx.out.json {
                ctx.out.json(&info);
            } else {
                let folder = info.path.parent().map(|p| p.display().to_string()).unwrap_or_default();
                ctx.out.line(format!(
                    "Đã sao lưu ra {folder} ({}; {}); bản sao đã được kiểm tra.",
                    size(info.size),
                    summary(&info)
                ));
            }
            Ok(Done::Clean)
        }
        BackupCommand::Restore(args) => {
            let mut app = ctx.open()?;
            let preview = app.restore_preview(&args.file)?;
            if !args.yes {
                if ctx.out.json {
                    ctx.out.json(&preview);
                } else {
                    if let Some(record) = &preview.record {
                        ctx.out.line(format!(
                            "Bản sao lúc {} ({}).",
                            record.created.format("%d/%m/%Y %H:%M"),
                            reason_text(record.reason)
                        ));
                    }
                    let mut table = {
                        let h = cchc::vocabulary::HEADERS;
                        new_table(&[h.content, h.current, h.after_restore])
                    };
                    for d in &preview.differences {
                        table.add_row(vec![
                            crate::messages::table_caption(&d.table),
                            format::int(d.current),
                            format::int(d.copy),
                        ]);
                    }
                    align_right(&mut table, [1, 2]);
                    if preview.differences.is_empty() {
                        ctx.out.line("Bản sao có cùng số dòng với sổ hiện tại.");
                    } else {
                        ctx.out.table(&table);
                    }
                    ctx.out
                        .line("Chưa khôi phục. Chạy lại với --yes để khôi phục (sổ hiện tại sẽ được sao lưu trước).");
                }
                return Ok(Done::Clean);
            }
            let report = app.restore(&args.file).map_err(Failure::from)?;
            if ctx.out.json {
                ctx.out.json(&report);
            } else {
                ctx.out.line(format!(
                    "Đã khôi phục từ {}. Để hoàn tác: cchc backup restore \"{}\" --yes",
                    args.file.display(),
                    report.undo.path.display()
                ));
            }
            Ok(Done::Clean)
        }
    }
}
