//! `copy`: working away from the office — a work copy taken for a named person, opened on another computer, its
//! changes sent back as a file, and that file merged into the office register (a dry run first: every change and
//! every conflict; then applied with the person's choices).

use crate::output::{Bar, CmdResult, Done, Failure};
use crate::{Ctx, format, messages};
use cchc::model::{Choice, ConflictKind, MergeChoices};
use cchc::{App, Assets};
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum CopyCommand {
    #[command(about = "Lấy một bản làm việc của sổ cho một người mang đi làm ở máy khác (tệp .cchclv)")]
    Take {
        #[arg(value_name = "TỆP", help = "Tệp bản làm việc sẽ ghi ra (ví dụ: E:\\ban-lam-viec-Mai.cchclv)")]
        file: PathBuf,
        #[arg(long, value_name = "HỌ_TÊN", help = "Họ và tên người giữ bản làm việc")]
        person: String,
        #[arg(long, conflicts_with = "evidence", help = "Không kèm tệp tài liệu kiểm chứng (bản làm việc nhỏ hơn)")]
        no_evidence: bool,
        #[arg(
            long,
            value_name = "SỐ",
            value_delimiter = ',',
            help = "Chỉ kèm tệp của các tài liệu kiểm chứng có số này (xem `cchc assess evidence list`), ví dụ 3,5"
        )]
        evidence: Vec<i64>,
    },
    #[command(
        about = "Mở một bản làm việc trên máy này: ghi sổ của bản làm việc vào --register (hoặc sổ của người dùng)"
    )]
    Open {
        #[arg(value_name = "TỆP", help = "Tệp bản làm việc (.cchclv) nhận từ cơ quan")]
        file: PathBuf,
    },
    #[command(about = "Xem sổ đang dùng có phải bản làm việc không, của ai, lấy ngày nào và các thay đổi chưa gửi")]
    Status,
    #[command(about = "Ghi các thay đổi của bản làm việc kể từ lần gửi trước ra tệp thay đổi (.cchctd) để gửi về")]
    Send {
        #[arg(value_name = "TỆP", help = "Tệp thay đổi sẽ ghi ra")]
        file: PathBuf,
    },
    #[command(
        about = "Nhập tệp thay đổi từ bản làm việc vào sổ của cơ quan: mặc định chỉ xem trước, ghi khi có --apply"
    )]
    Merge {
        #[arg(value_name = "TỆP", help = "Tệp thay đổi (.cchctd)")]
        file: PathBuf,
        #[arg(long, help = "Ghi vào sổ (sau khi đã xem trước); tự sao lưu sổ trước khi ghi")]
        apply: bool,
        #[arg(
            long = "take-copy",
            value_name = "SỐ",
            value_delimiter = ',',
            help = "Số thứ tự các chỗ khác nhau lấy theo bản làm việc (ví dụ: 1,3)"
        )]
        take_copy: Vec<usize>,
        #[arg(
            long = "keep-office",
            value_name = "SỐ",
            value_delimiter = ',',
            help = "Số thứ tự các chỗ khác nhau giữ theo sổ của cơ quan"
        )]
        keep_office: Vec<usize>,
        #[arg(long, help = "Các chỗ khác nhau chưa chọn đều giữ theo sổ của cơ quan")]
        keep_office_rest: bool,
    },
}

pub fn run(ctx: &Ctx, command: CopyCommand) -> CmdResult {
    match command {
        CopyCommand::Take { file, person, no_evidence, evidence } => {
            let mut app = ctx.open()?;
            let bar = Bar::new(ctx.out, "Đang lấy bản làm việc");
            let evidence = if no_evidence {
                Some(&[][..])
            } else if evidence.is_empty() {
                None
            } else {
                Some(&evidence[..])
            };
            let taken = app.take_work_copy(&file, &person, evidence, &|d, t| bar.tick(d, t))?;
            drop(bar);
            if ctx.out.json {
                ctx.out.json(&taken);
                return Ok(Done::Clean);
            }
            ctx.out.line(format!(
                "Đã ghi bản làm việc của {} ra {} ({} byte, {} tệp tài liệu kiểm chứng).",
                taken.copy.person,
                taken.path.display(),
                format::int(taken.size as i64),
                format::count(taken.evidence_files)
            ));
            ctx.out.line("Trên máy khác, mở bằng: cchc copy open <TỆP> (hoặc mở trong cửa sổ chương trình).");
            Ok(Done::Clean)
        }
        CopyCommand::Open { file } => {
            let target = ctx.register_path()?;
            let app = App::open_work_copy(&file, &target, Assets::bundled(), ctx.clock.clone())?;
            let info = app.work_copy()?.ok_or(cchc::Error::NotAWorkCopy)?;
            if ctx.out.json {
                ctx.out.json(&info);
                return Ok(Done::Clean);
            }
            ctx.out.line(format!(
                "Đã mở bản làm việc của {} lấy ngày {} tại {}.",
                info.person,
                format::timestamp(&info.taken_at),
                target.display()
            ));
            Ok(Done::Clean)
        }
        CopyCommand::Status => {
            let app = ctx.open()?;
            let info = app.work_copy()?;
            let pending = match &info {
                Some(_) => app.pending_changes()?,
                None => Vec::new(),
            };
            if ctx.out.json {
                ctx.out.json(&serde_json::json!({ "work_copy": info, "pending": pending }));
                return Ok(Done::Clean);
            }
            let Some(info) = info else {
                ctx.out.line("Sổ đang dùng là sổ của cơ quan, không phải bản làm việc.");
                return Ok(Done::Clean);
            };
            ctx.out.line(format!(
                "Bản làm việc của {}, lấy ngày {}; đã gửi {} tệp thay đổi.",
                info.person,
                format::timestamp(&info.taken_at),
                format::count(info.sent as usize)
            ));
            ctx.out.line(format!("{} bản ghi thay đổi chưa gửi:", format::count(pending.len())));
            for change in &pending {
                ctx.out.line(format!(
                    "  - {} {}: {}",
                    action(change.action()),
                    messages::table_caption(&change.table).to_lowercase(),
                    change.label
                ));
            }
            Ok(Done::Clean)
        }
        CopyCommand::Send { file } => {
            let mut app = ctx.open()?;
            let sent = app.send_changes(&file)?;
            if ctx.out.json {
                ctx.out.json(&sent);
                return Ok(Done::Clean);
            }
            ctx.out.line(format!(
                "Đã ghi tệp thay đổi số {} ({} bản ghi, {} tệp tài liệu kiểm chứng) ra {}.",
                sent.sequence,
                format::count(sent.changes),
                format::count(sent.evidence_files),
                sent.path.display()
            ));
            Ok(Done::Clean)
        }
        CopyCommand::Merge { file, apply, take_copy, keep_office, keep_office_rest } => {
            let mut app = ctx.open()?;
            let preview = app.merge_preview(&file)?;
            if preview.already_merged {
                if ctx.out.json {
                    ctx.out.json(&preview);
                } else {
                    ctx.out.line(format!(
                        "Tệp thay đổi số {} của {} đã được nhập trước đây; nhập lại không thay đổi gì.",
                        preview.sequence, preview.person
                    ));
                }
                return Ok(Done::Clean);
            }
            if !apply {
                if ctx.out.json {
                    ctx.out.json(&preview);
                    return Ok(Done::Clean);
                }
                show_preview(ctx, &preview);
                ctx.out.line("Chưa ghi gì. Để ghi, chạy lại với --apply (và chọn cho từng chỗ khác nhau).");
                return Ok(Done::Clean);
            }
            let mut choices = MergeChoices { keep_office_for_rest: keep_office_rest, ..Default::default() };
            for (numbers, choice) in [(&take_copy, Choice::Copy), (&keep_office, Choice::Office)] {
                for n in numbers {
                    let conflict = preview.conflicts.get(n.wrapping_sub(1)).ok_or_else(|| {
                        Failure::refused(
                            "NO_SUCH_CONFLICT",
                            format!("Không có chỗ khác nhau số {n} (tệp này có {} chỗ).", preview.conflicts.len()),
                        )
                    })?;
                    choices.choices.insert(conflict.id.clone(), choice);
                }
            }
            let bar = Bar::new(ctx.out, "Đang nhập thay đổi");
            let report = app.merge_changes(&file, &choices, &|d, t| bar.tick(d, t))?;
            drop(bar);
            if ctx.out.json {
                ctx.out.json(&report);
                return Ok(Done::Clean);
            }
            ctx.out.line(format!(
                "Đã nhập tệp thay đổi số {} của {}: {} bản ghi được ghi; {} chỗ khác nhau ({} lấy theo bản làm việc).",
                preview.sequence,
                preview.person,
                format::count(report.applied),
                format::count(report.conflicts),
                format::count(report.taken_from_copy)
            ));
            if let Some(backup) = &report.backup {
                ctx.out.line(format!("Bản sao lưu trước khi nhập: {}", backup.display()));
            }
            Ok(Done::Clean)
        }
    }
}

fn show_preview(ctx: &Ctx, preview: &cchc::api::MergePreview) {
    ctx.out.line(format!(
        "Tệp thay đổi số {} của bản làm việc của {} (lấy ngày {}, ghi ngày {}).",
        preview.sequence,
        preview.person,
        format::timestamp(&preview.taken_at),
        format::timestamp(&preview.written_at)
    ));
    ctx.out.line(format!("{} thay đổi sẽ được ghi:", format::count(preview.items.len())));
    for item in &preview.items {
        ctx.out.line(format!(
            "  - {} {}: {}",
            action(item.action),
            messages::table_caption(&item.table).to_lowercase(),
            item.label
        ));
        for field in &item.fields {
            ctx.out.line(format!(
                "      {}: {} → {}",
                field_caption(&item.table, &field.field),
                value(&field.before),
                value(&field.after)
            ));
        }
    }
    if preview.unchanged > 0 {
        ctx.out.line(format!("{} thay đổi sổ đã có sẵn (không cần ghi).", format::count(preview.unchanged)));
    }
    if preview.conflicts.is_empty() {
        ctx.out.line("Không có chỗ nào khác nhau giữa sổ của cơ quan và bản làm việc.");
        return;
    }
    ctx.out.line(format!(
        "{} chỗ khác nhau cần chọn (--take-copy SỐ lấy theo bản làm việc, --keep-office SỐ giữ theo sổ):",
        format::count(preview.conflicts.len())
    ));
    for (i, c) in preview.conflicts.iter().enumerate() {
        let what = match (c.kind, &c.field) {
            (ConflictKind::DeletedThere, _) => "bản làm việc đã xóa, cơ quan đã sửa".to_string(),
            (ConflictKind::DeletedHere, _) => "cơ quan đã xóa, bản làm việc đã sửa".to_string(),
            (_, Some(field)) => field_caption(&c.table, field),
            (_, None) => String::new(),
        };
        ctx.out.line(format!("  {}. {}: {} — {what}", i + 1, messages::table_caption(&c.table), c.label));
        if c.field.is_some() {
            ctx.out.line(format!("      Sổ của cơ quan: {}", value(&c.office)));
            ctx.out.line(format!("      Bản làm việc:   {}", value(&c.copy)));
        }
    }
}

fn action(action: cchc::model::ChangeAction) -> &'static str {
    match action {
        cchc::model::ChangeAction::Added => "Thêm",
        cchc::model::ChangeAction::Edited => "Sửa",
        cchc::model::ChangeAction::Deleted => "Xóa",
    }
}

fn field_caption(table: &str, field: &str) -> String {
    cchc::vocabulary::entity_column_caption(Some(table), field).unwrap_or(field).to_string()
}

fn value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "(trống)".to_string(),
        serde_json::Value::String(s) if s.is_empty() => "(trống)".to_string(),
        serde_json::Value::String(s) => format!("“{s}”"),
        other => other.to_string(),
    }
}
