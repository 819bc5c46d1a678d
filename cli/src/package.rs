//! `package`, `units` and `rollup`: the report file sent to the superior level, and the superior's inbox, unit list
//! and roll-up.

use crate::format;
use crate::output::{self, Bar, CmdResult, Done, findings_json};
use crate::procedures::{exported, print_import};
use crate::staffing::{FileArg, ImportArgs};
use crate::{Ctx, messages, shell_quote};
use cchc::api::{FileClass, PackageImportReport, Rollup, UnitReportStatus};
use cchc::model::{PeriodKey, PeriodKind, ReceivedStatus};
use clap::{Args, Subcommand};
use serde_json::json;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum PackageCommand {
    #[command(about = "Xuất tệp báo cáo (.cchcbc) của một kỳ để gửi cấp trên")]
    Export(ExportArgs),
    #[command(about = "Nhận tệp báo cáo của các đơn vị (một tệp hoặc cả thư mục); chạy thử trước bằng --dry-run")]
    Import(PackageImportArgs),
    #[command(about = "Liệt kê các tệp báo cáo đơn vị đã xuất gửi cấp trên")]
    Sent,
    #[command(about = "Liệt kê các báo cáo đã nhận của các đơn vị (cấp trên)")]
    Received(ReceivedArgs),
    #[command(about = "Chọn một báo cáo cũ hơn hoặc xung đột làm báo cáo được dùng của đơn vị trong kỳ (cấp trên)")]
    Accept(AcceptArgs),
    #[command(
        about = "Liệt kê các tệp trong một báo cáo đã nhận (văn bản PDF, tài liệu kiểm chứng); lưu một tệp bằng --save"
    )]
    Files(FilesArgs),
}

#[derive(Args, Debug)]
pub struct FilesArgs {
    #[arg(value_name = "MÃ_BÁO_CÁO", help = "Mã báo cáo (xem bằng `cchc package received --json`)")]
    report_id: String,
    #[arg(long, value_name = "TỆP_TRONG_BÁO_CÁO", requires = "out", help = "Tệp cần lưu, ví dụ reports/periodic.pdf")]
    save: Option<String>,
    #[arg(long, value_name = "TỆP", requires = "save", help = "Nơi lưu tệp")]
    out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct AcceptArgs {
    #[arg(value_name = "MÃ_BÁO_CÁO", help = "Mã báo cáo (xem bằng `cchc package received --json`)")]
    report_id: String,
}

#[derive(Args, Debug)]
pub struct ReceivedArgs {
    #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Chỉ kỳ này (mặc định: mọi kỳ)")]
    period: Option<PeriodKey>,
}

#[derive(Subcommand, Debug)]
pub enum UnitsCommand {
    #[command(
        about = "Nhập danh sách đơn vị thuộc phạm vi tổng hợp từ tệp .xlsx hoặc .csv (cột Mã đơn vị, Tên đơn vị)"
    )]
    Import(ImportArgs),
    #[command(about = "Liệt kê các đơn vị thuộc phạm vi tổng hợp")]
    List,
    #[command(about = "Xuất danh sách đơn vị ra tệp .xlsx hoặc .csv")]
    Export(FileArg),
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Kỳ báo cáo: 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025")]
    period: PeriodKey,
    #[arg(long, value_name = "TỆP", help = "Tệp báo cáo .cchcbc sẽ ghi ra (ví dụ trên USB)")]
    out: PathBuf,
    #[arg(long, value_name = "HỌ_TÊN", help = "Người phê duyệt (mặc định: người ký trong thông tin đơn vị)")]
    approver: Option<String>,
}

#[derive(Args, Debug)]
pub struct PackageImportArgs {
    #[arg(
        value_name = "TỆP_HOẶC_THƯ_MỤC",
        required = true,
        help = "Tệp báo cáo (.cchcbc, hoặc .cchc của bản cũ) hoặc thư mục chứa các tệp đó"
    )]
    paths: Vec<PathBuf>,
    #[arg(long, help = "Chạy thử: chỉ kiểm tra và phân loại từng tệp, không ghi gì")]
    dry_run: bool,
}

#[derive(Args, Debug)]
pub struct RollupArgs {
    #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Kỳ báo cáo: 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025")]
    period: PeriodKey,
    #[arg(long, value_name = "TỆP", help = "Xuất bảng tổng hợp ra tệp .xlsx")]
    xlsx: Option<PathBuf>,
}

pub fn run_package(ctx: &Ctx, command: PackageCommand) -> CmdResult {
    match command {
        PackageCommand::Export(args) => {
            let mut app = ctx.open()?;
            let report = app.export_package(args.period, &args.out, args.approver)?;
            if ctx.out.json {
                ctx.out.json(&output::with_finding_messages(&report, &report.findings));
                return Ok(Done::Clean);
            }
            let s = &report.sent;
            if report.reused {
                ctx.out.line(format!(
                    "Số liệu kỳ {} chưa thay đổi từ lần xuất trước: đã ghi lại đúng tệp lần gửi thứ {} ra {}.",
                    s.period,
                    s.revision,
                    report.path.display()
                ));
            } else if s.revision == 1 {
                ctx.out.line(format!("Đã xuất báo cáo kỳ {} ra tệp {}.", s.period, report.path.display()));
            } else {
                ctx.out.line(format!(
                    "Đã xuất báo cáo kỳ {} lần gửi thứ {} (thay cho lần gửi trước) ra tệp {}.",
                    s.period,
                    s.revision,
                    report.path.display()
                ));
            }
            ctx.out.line(format!("Mã báo cáo: {}; mã kiểm tra SHA-256: {}.", s.report_id, s.file_sha256));
            ctx.out.findings_grouped(&report.findings);
            Ok(Done::Clean)
        }
        PackageCommand::Import(args) => {
            let mut app = ctx.open()?;
            let bar = Bar::new(ctx.out, "Đang nhận tệp báo cáo");
            let report = app.import_packages(&args.paths, args.dry_run, &|done, total| bar.tick(done, total))?;
            drop(bar);
            Ok(print_package_import(ctx, &report, &args.paths))
        }
        PackageCommand::Received(args) => received(ctx, args),
        PackageCommand::Files(args) => files(ctx, args),
        PackageCommand::Accept(args) => {
            let mut app = ctx.open()?;
            let accepted = app.accept_received(args.report_id.trim())?;
            if ctx.out.json {
                ctx.out.json(&accepted);
            } else {
                ctx.out.line(format!(
                    "Đã chọn báo cáo lần gửi thứ {} của {} ({}) kỳ {} làm báo cáo được dùng khi tổng hợp.",
                    accepted.revision, accepted.unit_name, accepted.unit_code, accepted.period
                ));
            }
            Ok(Done::Clean)
        }
        PackageCommand::Sent => {
            let app = ctx.open()?;
            let sent = app.sent_packages()?;
            if ctx.out.json {
                ctx.out.json(&sent);
                return Ok(Done::Clean);
            }
            if sent.is_empty() {
                ctx.out.line("Đơn vị chưa xuất tệp báo cáo nào.");
                return Ok(Done::Clean);
            }
            let h = cchc::vocabulary::HEADERS;
            let mut table = output::new_table(&[
                h.period,
                h.revision,
                h.exported_at,
                h.approver,
                "Mã báo cáo",
                "Dung lượng (byte)",
            ]);
            for s in &sent {
                table.add_row(vec![
                    s.period.to_string(),
                    s.revision.to_string(),
                    format::timestamp(&s.created_at),
                    s.approver.clone().unwrap_or_default(),
                    s.report_id.clone(),
                    format::int(s.size as i64),
                ]);
            }
            output::align_right(&mut table, [1, 5]);
            ctx.out.table(&table);
            Ok(Done::Clean)
        }
    }
}

fn received(ctx: &Ctx, args: ReceivedArgs) -> CmdResult {
    let app = ctx.open()?;
    let list = app.received_reports(args.period)?;
    if ctx.out.json {
        ctx.out.json(&list);
        return Ok(Done::Clean);
    }
    if list.is_empty() {
        ctx.out.line("Chưa nhận báo cáo nào.");
        return Ok(Done::Clean);
    }
    let h = cchc::vocabulary::HEADERS;
    let mut table = output::new_table(&[h.unit, h.period, h.revision, h.received_at, h.status, h.file_name]);
    for r in &list {
        let status = match r.status {
            ReceivedStatus::Current => "Đang dùng",
            ReceivedStatus::Superseded => "Đã có bản sửa đổi",
            ReceivedStatus::Stale => "Bản cũ (cần xem lại)",
            ReceivedStatus::Conflict => "Xung đột (cần xem lại)",
        };
        table.add_row(vec![
            format!("{} ({})", r.unit_name, r.unit_code),
            r.period.to_string(),
            r.revision.to_string(),
            format::timestamp(&r.received_at),
            status.to_string(),
            r.file_name.clone(),
        ]);
    }
    ctx.out.table(&table);
    ctx.out.line(format!("{} báo cáo.", format::count(list.len())));
    Ok(Done::Clean)
}

fn files(ctx: &Ctx, args: FilesArgs) -> CmdResult {
    let app = ctx.open()?;
    let id = args.report_id.trim();
    if let (Some(entry), Some(out)) = (&args.save, &args.out) {
        let size = app.save_received_entry(id, entry.trim(), out)?;
        if ctx.out.json {
            ctx.out.json(&json!({ "entry": entry, "path": out, "size": size }));
        } else {
            ctx.out.line(format!("Đã lưu {} ({} byte) ra tệp {}.", entry, format::int(size as i64), out.display()));
        }
        return Ok(Done::Clean);
    }
    let entries = app.received_entries(id)?;
    if ctx.out.json {
        ctx.out.json(&entries);
        return Ok(Done::Clean);
    }
    let mut table = output::new_table(&["Tệp", "Nội dung", "Dung lượng (byte)", "SHA-256"]);
    for e in &entries {
        let what = if e.path == "data.json" {
            "Số liệu báo cáo"
        } else if e.path.starts_with("reports/") {
            "Văn bản đã ban hành (PDF)"
        } else {
            "Tài liệu kiểm chứng"
        };
        table.add_row(vec![e.path.clone(), what.to_string(), format::int(e.size as i64), e.sha256.clone()]);
    }
    output::align_right(&mut table, [2]);
    ctx.out.table(&table);
    Ok(Done::Clean)
}

pub fn run_units(ctx: &Ctx, command: UnitsCommand) -> CmdResult {
    match command {
        UnitsCommand::Import(args) => {
            let mut app = ctx.open()?;
            let bar = Bar::new(ctx.out, "Đang nhập danh sách đơn vị");
            let report = app.import_expected_units(&args.file, args.dry_run, &|done, total| bar.tick(done, total))?;
            drop(bar);
            Ok(print_import(ctx, &report, &args.file, "đơn vị", "units"))
        }
        UnitsCommand::List => {
            let units = ctx.open()?.expected_units()?;
            if ctx.out.json {
                ctx.out.json(&units);
                return Ok(Done::Clean);
            }
            if units.is_empty() {
                ctx.out.line("Chưa có danh sách đơn vị; hãy nhập bằng lệnh `cchc units import TỆP`.");
                return Ok(Done::Clean);
            }
            let mut table = output::new_table(&["Mã đơn vị", "Tên đơn vị"]);
            for u in &units {
                table.add_row(vec![u.code.clone(), u.name.clone()]);
            }
            ctx.out.table(&table);
            ctx.out.line(format!("{} đơn vị.", format::count(units.len())));
            Ok(Done::Clean)
        }
        UnitsCommand::Export(FileArg { file }) => {
            let rows = ctx.open()?.export_expected_units(&file)?;
            exported(ctx, &file, rows, "đơn vị")
        }
    }
}

pub fn rollup(ctx: &Ctx, args: RollupArgs) -> CmdResult {
    let app = ctx.open()?;
    let rollup = match &args.xlsx {
        Some(path) => app.export_rollup(args.period, path)?,
        None => app.rollup(args.period)?,
    };
    if ctx.out.json {
        ctx.out.json(&rollup);
        return Ok(Done::Clean);
    }
    print_rollup(ctx, &rollup);
    if let Some(path) = &args.xlsx {
        ctx.out.line(format!("Đã xuất bảng tổng hợp ra tệp {}.", path.display()));
    }
    Ok(Done::Clean)
}

fn class_caption(class: FileClass) -> &'static str {
    match class {
        FileClass::New => "Mới",
        FileClass::Identical => "Đã nhận trước đó (giống hệt)",
        FileClass::Revision => "Bản sửa đổi mới hơn",
        FileClass::Stale => "Bản cũ hơn bản đã nhận",
        FileClass::Conflict => "Xung đột với bản đã nhận",
        FileClass::Refused => "Bị từ chối",
    }
}

fn print_package_import(ctx: &Ctx, report: &PackageImportReport, paths: &[PathBuf]) -> Done {
    let refused = report.count(FileClass::Refused);
    let done = if refused > 0 { Done::WithErrors } else { Done::Clean };
    if ctx.out.json {
        let files: Vec<serde_json::Value> = report
            .files
            .iter()
            .map(|f| {
                let mut value = serde_json::to_value(f).unwrap_or_default();
                value["findings"] = findings_json(&f.findings);
                value
            })
            .collect();
        ctx.out.json(&json!({ "dry_run": report.dry_run, "written": report.written, "files": files }));
        return done;
    }
    let out = &ctx.out;
    let h = cchc::vocabulary::HEADERS;
    let mut table = output::new_table(&[h.file, h.unit, h.period, h.revision, h.check_result]);
    for f in &report.files {
        let name = f.file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let unit = match (&f.unit_code, &f.unit_name) {
            (Some(code), Some(name)) => format!("{name} ({code})"),
            _ => String::new(),
        };
        table.add_row(vec![
            name,
            unit,
            f.period.map(|p| p.to_string()).unwrap_or_default(),
            f.revision.map(|r| r.to_string()).unwrap_or_default(),
            class_caption(f.class).to_string(),
        ]);
    }
    out.table(&table);
    let counts: Vec<String> = [
        FileClass::New,
        FileClass::Revision,
        FileClass::Identical,
        FileClass::Stale,
        FileClass::Conflict,
        FileClass::Refused,
    ]
    .into_iter()
    .filter(|c| report.count(*c) > 0)
    .map(|c| format!("{}: {}", class_caption(c).to_lowercase(), format::count(report.count(c))))
    .collect();
    out.line(format!("{} tệp — {}.", format::count(report.files.len()), counts.join("; ")));
    for f in report.files.iter().filter(|f| !f.findings.is_empty()) {
        out.line(format!("{}:", f.file.display()));
        for finding in &f.findings {
            let prefix = if finding.is_error() { "" } else { "(cảnh báo) " };
            out.line(format!("  - {prefix}{}", messages::finding_line(finding)));
        }
    }
    if report.dry_run {
        let args: Vec<String> = paths.iter().map(|p| shell_quote(p)).collect();
        out.line("Chạy thử, chưa ghi gì vào sổ. Để nhận thật, chạy lại lệnh không có --dry-run:");
        out.line(format!("  cchc package import {}", args.join(" ")));
    } else {
        out.line(format!(
            "Đã ghi {} tệp vào sổ; mọi tệp nhận được đều được lưu nguyên bản trong thư mục lưu trữ.",
            format::count(report.written)
        ));
    }
    done
}

fn print_rollup(ctx: &Ctx, rollup: &Rollup) {
    let out = &ctx.out;
    let w = &rollup.window;
    out.line(format!("Tổng hợp báo cáo {} (hạn gửi {}).", w.key.label(), format::date(w.deadline)));
    let rate = |r: Option<f64>| r.map(format::percent).unwrap_or_default();
    // The year's roll-up also ranks the self-assessments.
    let year = w.key.kind == PeriodKind::Year;
    let h = cchc::vocabulary::HEADERS;
    let mut headers =
        vec![h.code, h.unit, h.status, h.revision, h.procedures, h.on_time, h.online, h.staff, h.iso, h.plan];
    if year {
        headers.extend([h.score, h.score_percent, h.grade, h.rank]);
    }
    let mut table = output::new_table(&headers);
    for u in &rollup.units {
        let mut status = match u.status {
            UnitReportStatus::OnTime => "Đúng hạn".to_string(),
            UnitReportStatus::Late => "Quá hạn".to_string(),
            UnitReportStatus::Missing => "Chưa gửi".to_string(),
        };
        if !u.expected {
            status.push_str(" (ngoài danh sách)");
        }
        if u.flagged > 0 {
            status.push_str(&format!("; {} tệp cần xem lại", format::count(u.flagged)));
        }
        let mut row =
            vec![u.code.clone(), u.name.clone(), status, u.revision.map(|r| r.to_string()).unwrap_or_default()];
        match &u.figures {
            Some(f) => row.extend([
                format::count(f.procedures),
                rate(f.on_time_rate),
                rate(f.online_rate),
                format!("{} / {}", format::int(f.quota), format::int(f.present)),
                if !f.iso_in_use {
                    "Chưa áp dụng".to_string()
                } else if f.iso_announced {
                    format!("Đã công bố; ĐGNB {}; XX {}", f.iso_audits, f.iso_reviews)
                } else {
                    "Chưa công bố".to_string()
                },
                rate(f.plan_completion_rate),
            ]),
            None => row.extend(std::iter::repeat_n(String::new(), 6)),
        }
        if year {
            match &u.assessment {
                Some(a) => row.extend([
                    a.score.vn(),
                    a.percent.map(|p| format!("{}%", p.vn())).unwrap_or_default(),
                    a.class.clone().unwrap_or_default(),
                    a.rank.to_string(),
                ]),
                None => row.extend(std::iter::repeat_n(String::new(), 4)),
            }
        }
        table.add_row(row);
    }
    output::align_right(&mut table, [3, 4, 5, 6, 9]);
    if year {
        output::align_right(&mut table, [10, 11, 13]);
    }
    out.table(&table);
    let c = &rollup.counts;
    out.line(format!(
        "{} đơn vị trong danh sách: {} gửi đúng hạn, {} gửi quá hạn, {} chưa gửi{}.",
        format::count(c.expected),
        format::count(c.on_time),
        format::count(c.late),
        format::count(c.missing),
        if c.unexpected > 0 {
            format!("; {} đơn vị ngoài danh sách", format::count(c.unexpected))
        } else {
            String::new()
        }
    ));
    let t = &rollup.total;
    out.line(format!(
        "Biểu 06 cộng các đơn vị: nhận {} hồ sơ (trực tuyến {}), đã giải quyết {} (đúng hạn {}), đang giải quyết {}.",
        format::int(t.received_total),
        format::int(t.received_online),
        format::int(t.resolved_total),
        rate(rollup.on_time_rate),
        format::int(t.in_progress_total)
    ));
}
