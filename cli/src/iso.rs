//! `iso`: the ISO 9001 quality system (hệ thống quản lý chất lượng): version, announcements, internal audits,
//! nonconformities, management reviews, actions, legal changes, yearly reports and the status of a year.

use crate::Ctx;
use crate::format;
use crate::messages;
use crate::output::{CmdResult, Done};
use cchc::model::{
    AnnouncementInput, AnnouncementKind, AuditInput, IsoReport, IsoVersion, LegalChangeInput, NonconformityInput,
    ReviewInput, Saved,
};
use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum IsoCommand {
    #[command(about = "Đặt phiên bản tiêu chuẩn áp dụng (2008 hoặc 2015)")]
    SetVersion(VersionArgs),
    #[command(about = "Ghi quyết định công bố (hoặc công bố lại) và phạm vi các thủ tục")]
    Announce(AnnounceArgs),
    #[command(subcommand, about = "Đánh giá nội bộ")]
    Audit(AuditCommand),
    #[command(subcommand, about = "Điểm không phù hợp và hành động khắc phục")]
    Nonconformity(NonconformityCommand),
    #[command(subcommand, about = "Xem xét của lãnh đạo")]
    Review(ReviewCommand),
    #[command(subcommand, about = "Hành động khắc phục, hành động sau xem xét của lãnh đạo")]
    Action(ActionCommand),
    #[command(subcommand, about = "Cập nhật văn bản pháp luật mới vào hệ thống (hạn 3 tháng từ ngày có hiệu lực)")]
    LegalChange(LegalChangeCommand),
    #[command(subcommand, about = "Báo cáo hằng năm về hệ thống")]
    Report(ReportCommand),
    #[command(about = "Tình trạng hệ thống trong một năm: công bố, phạm vi, đánh giá nội bộ, xem xét, việc quá hạn")]
    Status(StatusArgs),
}

#[derive(Args, Debug)]
pub struct VersionArgs {
    #[arg(value_name = "PHIÊN_BẢN", value_parser = parse_version, help = "2008 hoặc 2015")]
    version: IsoVersion,
}

#[derive(Args, Debug)]
pub struct AnnounceArgs {
    #[arg(long, value_name = "SỐ", help = "Số, ký hiệu quyết định, ví dụ “36/QĐ-UBND”")]
    number: String,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày ký (dd/mm/yyyy)")]
    date: NaiveDate,
    #[arg(long, help = "Công bố lại (điều chỉnh, mở rộng, thu hẹp phạm vi)")]
    re: bool,
    #[arg(long, value_name = "PHIÊN_BẢN", value_parser = parse_version, help = "Phiên bản (mặc định phiên bản đã đặt, hoặc 2015)")]
    version: Option<IsoVersion>,
    #[arg(
        long,
        value_name = "MÃ,MÃ",
        value_delimiter = ',',
        conflicts_with = "all_in_scope",
        required_unless_present = "all_in_scope",
        help = "Mã các thủ tục thuộc phạm vi"
    )]
    procedures: Vec<String>,
    #[arg(long, help = "Mọi thủ tục đang áp dụng được đánh dấu thuộc phạm vi ISO")]
    all_in_scope: bool,
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    #[command(about = "Ghi một cuộc đánh giá nội bộ")]
    Add(AuditArgs),
    #[command(about = "Liệt kê các cuộc đánh giá nội bộ")]
    List,
}

#[derive(Args, Debug)]
pub struct AuditArgs {
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày đánh giá (dd/mm/yyyy)")]
    date: NaiveDate,
    #[arg(long, value_name = "PHẠM_VI", help = "Phạm vi đánh giá")]
    scope: Option<String>,
    #[arg(long, value_name = "KẾT_QUẢ", help = "Kết quả, phát hiện")]
    findings: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum NonconformityCommand {
    #[command(about = "Ghi một điểm không phù hợp cùng hành động khắc phục")]
    Add(NonconformityArgs),
}

#[derive(Args, Debug)]
pub struct NonconformityArgs {
    #[arg(long, value_name = "SỐ", help = "Số thứ tự cuộc đánh giá nội bộ (iso audit list)")]
    audit: i64,
    #[arg(long, value_name = "MÔ_TẢ", help = "Mô tả điểm không phù hợp")]
    description: String,
    #[arg(long, value_name = "NỘI_DUNG", help = "Hành động khắc phục (mặc định như mô tả)")]
    action: Option<String>,
    #[arg(long, value_name = "NGƯỜI", help = "Người thực hiện")]
    owner: Option<String>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Hạn hoàn thành (dd/mm/yyyy)")]
    due: Option<NaiveDate>,
}

#[derive(Subcommand, Debug)]
pub enum ReviewCommand {
    #[command(about = "Ghi một cuộc họp xem xét của lãnh đạo")]
    Add(ReviewArgs),
}

#[derive(Args, Debug)]
pub struct ReviewArgs {
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày họp (dd/mm/yyyy)")]
    date: NaiveDate,
    #[arg(long, value_name = "QUYẾT_ĐỊNH", help = "Các quyết định của lãnh đạo")]
    decisions: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum ActionCommand {
    #[command(about = "Thêm một hành động theo quyết định của cuộc họp xem xét")]
    Add(ActionArgs),
    #[command(about = "Đánh dấu một hành động đã hoàn thành")]
    Done(ActionDoneArgs),
    #[command(about = "Liệt kê các hành động")]
    List,
}

#[derive(Args, Debug)]
pub struct ActionArgs {
    #[arg(long, value_name = "SỐ", help = "Số thứ tự cuộc họp xem xét")]
    review: i64,
    #[arg(long, value_name = "NỘI_DUNG", help = "Nội dung hành động")]
    content: String,
    #[arg(long, value_name = "NGƯỜI", help = "Người thực hiện")]
    owner: Option<String>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Hạn hoàn thành (dd/mm/yyyy)")]
    due: Option<NaiveDate>,
}

#[derive(Args, Debug)]
pub struct ActionDoneArgs {
    #[arg(value_name = "SỐ", help = "Số thứ tự hành động (iso action list)")]
    id: i64,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày hoàn thành (mặc định hôm nay)")]
    date: Option<NaiveDate>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày kiểm tra hiệu lực")]
    checked: Option<NaiveDate>,
}

#[derive(Subcommand, Debug)]
pub enum LegalChangeCommand {
    #[command(about = "Ghi một văn bản pháp luật mới cần cập nhật")]
    Add(LegalChangeArgs),
    #[command(about = "Đánh dấu đã cập nhật")]
    Done(DoneArgs),
    #[command(about = "Liệt kê")]
    List,
}

#[derive(Args, Debug)]
pub struct LegalChangeArgs {
    #[arg(long, value_name = "VĂN_BẢN", help = "Văn bản mới hoặc được sửa đổi")]
    text: String,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày có hiệu lực (dd/mm/yyyy)")]
    effective: NaiveDate,
}

#[derive(Args, Debug)]
pub struct DoneArgs {
    #[arg(value_name = "SỐ", help = "Số thứ tự")]
    id: i64,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày hoàn thành (mặc định hôm nay)")]
    date: Option<NaiveDate>,
}

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    #[command(about = "Ghi báo cáo năm đã gửi")]
    Add(ReportArgs),
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[arg(long, value_name = "NĂM", help = "Năm báo cáo")]
    year: i32,
    #[arg(long, value_name = "SỐ", help = "Số, ký hiệu báo cáo")]
    number: Option<String>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày gửi (dd/mm/yyyy)")]
    date: NaiveDate,
}

#[derive(Args, Debug)]
pub struct StatusArgs {
    #[arg(long, value_name = "NĂM", help = "Năm (mặc định năm nay)")]
    year: Option<i32>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Tính cho ngày này (mặc định hôm nay)")]
    today: Option<NaiveDate>,
}

fn parse_version(input: &str) -> Result<IsoVersion, String> {
    IsoVersion::parse(input).ok_or_else(|| format!("“{input}” không phải phiên bản ISO 9001 (2008 hoặc 2015)"))
}

fn saved<T: serde::Serialize>(ctx: &Ctx, value: &T, line: String) -> CmdResult {
    if ctx.out.json {
        ctx.out.json(value);
    } else {
        ctx.out.line(line);
    }
    Ok(Done::Clean)
}

/// A saved record and the warnings found while checking it (a date after today).
fn saved_with_warnings<T: serde::Serialize>(ctx: &Ctx, saved: &Saved<T>, line: String) -> CmdResult {
    if !ctx.out.json {
        for warning in &saved.warnings {
            ctx.out.line(format!("(cảnh báo) {}", messages::finding_line(warning)));
        }
    }
    self::saved(ctx, saved, line)
}

pub fn run(ctx: &Ctx, command: IsoCommand) -> CmdResult {
    match command {
        IsoCommand::SetVersion(a) => {
            let mut app = ctx.open()?;
            let v = app.set_iso_version(a.version)?;
            saved(ctx, &v, format!("Đã đặt tiêu chuẩn áp dụng: {}.", v.label()))
        }
        IsoCommand::Announce(a) => {
            let mut app = ctx.open()?;
            let procedures = if a.all_in_scope { app.iso_scope_codes()? } else { a.procedures };
            let version = a.version.or(app.iso_version()?).unwrap_or(IsoVersion::V2015);
            let kind = if a.re { AnnouncementKind::ReAnnounce } else { AnnouncementKind::Announce };
            let input = AnnouncementInput { number: a.number, date: a.date, kind, version, procedures };
            let saved = app.add_iso_announcement(input)?;
            let ann = &saved.record;
            let line = format!(
                "Đã ghi quyết định {} số {} ngày {} ({}), phạm vi {} thủ tục.",
                if a.re { "công bố lại" } else { "công bố" },
                ann.input.number,
                format::date(ann.input.date),
                ann.input.version.label(),
                format::count(ann.input.procedures.len())
            );
            saved_with_warnings(ctx, &saved, line)
        }
        IsoCommand::Audit(AuditCommand::Add(a)) => {
            let mut app = ctx.open()?;
            let input = AuditInput {
                date: a.date,
                scope: a.scope.unwrap_or_default(),
                findings: a.findings.unwrap_or_default(),
            };
            let saved = app.add_iso_audit(input)?;
            let audit = &saved.record;
            let line = format!("Đã ghi cuộc đánh giá nội bộ số {} ngày {}.", audit.id, format::date(audit.input.date));
            saved_with_warnings(ctx, &saved, line)
        }
        IsoCommand::Audit(AuditCommand::List) => {
            let app = ctx.open()?;
            let audits = app.iso_audits()?;
            if ctx.out.json {
                ctx.out.json(&audits);
                return Ok(Done::Clean);
            }
            for a in &audits {
                ctx.out.line(format!(
                    "{}. Ngày {}: {} {}",
                    a.id,
                    format::date(a.input.date),
                    a.input.scope,
                    a.input.findings
                ));
            }
            ctx.out.line(format!("Tổng: {} cuộc đánh giá nội bộ", format::count(audits.len())));
            Ok(Done::Clean)
        }
        IsoCommand::Nonconformity(NonconformityCommand::Add(a)) => {
            let mut app = ctx.open()?;
            let input = NonconformityInput {
                audit_id: a.audit,
                description: a.description,
                action: a.action.unwrap_or_default(),
                owner: a.owner.unwrap_or_default(),
                due: a.due,
            };
            let nc = app.add_iso_nonconformity(input)?;
            let line = format!("Đã ghi điểm không phù hợp số {} và hành động khắc phục số {}.", nc.id, nc.action_id);
            saved(ctx, &nc, line)
        }
        IsoCommand::Review(ReviewCommand::Add(a)) => {
            let mut app = ctx.open()?;
            let saved = app.add_iso_review(ReviewInput { date: a.date, decisions: a.decisions.unwrap_or_default() })?;
            let review = &saved.record;
            let line = format!(
                "Đã ghi cuộc họp xem xét của lãnh đạo số {} ngày {}.",
                review.id,
                format::date(review.input.date)
            );
            saved_with_warnings(ctx, &saved, line)
        }
        IsoCommand::Action(ActionCommand::Add(a)) => {
            let mut app = ctx.open()?;
            let action = app.add_iso_review_action(a.review, &a.content, &a.owner.unwrap_or_default(), a.due)?;
            let line = format!("Đã thêm hành động số {} (hạn {}).", action.id, format::date(action.due));
            saved(ctx, &action, line)
        }
        IsoCommand::Action(ActionCommand::Done(a)) => {
            let mut app = ctx.open()?;
            let action = app.complete_iso_action(a.id, a.date.unwrap_or_else(|| ctx.today()), a.checked)?;
            saved(ctx, &action, format!("Đã ghi hoàn thành hành động số {}.", action.id))
        }
        IsoCommand::Action(ActionCommand::List) => {
            let app = ctx.open()?;
            let actions = app.iso_actions()?;
            if ctx.out.json {
                ctx.out.json(&actions);
                return Ok(Done::Clean);
            }
            for a in &actions {
                let state = match a.done_on {
                    Some(d) => format!("đã hoàn thành {}", format::date(d)),
                    None => "đang mở".into(),
                };
                ctx.out.line(format!("{}. {} — {}, hạn {}, {}", a.id, a.content, a.owner, format::date(a.due), state));
            }
            Ok(Done::Clean)
        }
        IsoCommand::LegalChange(LegalChangeCommand::Add(a)) => {
            let mut app = ctx.open()?;
            let change = app.add_iso_legal_change(LegalChangeInput { text: a.text, effective: a.effective })?;
            let line = format!("Đã ghi văn bản số {}; hạn cập nhật {}.", change.id, format::date(change.due));
            saved(ctx, &change, line)
        }
        IsoCommand::LegalChange(LegalChangeCommand::Done(a)) => {
            let mut app = ctx.open()?;
            let change = app.complete_iso_legal_change(a.id, a.date.unwrap_or_else(|| ctx.today()))?;
            saved(ctx, &change, format!("Đã ghi cập nhật xong văn bản số {}.", change.id))
        }
        IsoCommand::LegalChange(LegalChangeCommand::List) => {
            let app = ctx.open()?;
            let changes = app.iso_legal_changes()?;
            if ctx.out.json {
                ctx.out.json(&changes);
                return Ok(Done::Clean);
            }
            for c in &changes {
                let state =
                    c.done_on.map_or("chưa cập nhật".to_string(), |d| format!("đã cập nhật {}", format::date(d)));
                ctx.out.line(format!(
                    "{}. {} — hiệu lực {}, hạn {}, {}",
                    c.id,
                    c.text,
                    format::date(c.effective),
                    format::date(c.due),
                    state
                ));
            }
            Ok(Done::Clean)
        }
        IsoCommand::Report(ReportCommand::Add(a)) => {
            let mut app = ctx.open()?;
            let report =
                app.set_iso_report(IsoReport { year: a.year, number: a.number.unwrap_or_default(), date: a.date })?;
            let line = format!("Đã ghi báo cáo năm {} gửi ngày {}.", report.year, format::date(report.date));
            saved(ctx, &report, line)
        }
        IsoCommand::Status(a) => {
            let app = ctx.open()?;
            let today = a.today.unwrap_or_else(|| ctx.today());
            let status = app.iso_status(a.year.unwrap_or(today.year()), today)?;
            let errors = status.findings.iter().filter(|f| f.is_error()).count();
            let done = if errors > 0 { Done::WithErrors } else { Done::Clean };
            if ctx.out.json {
                ctx.out.json(&crate::output::with_finding_messages(&status, &status.findings));
                return Ok(done);
            }
            ctx.out.line(format!(
                "Hệ thống quản lý chất lượng năm {} (ngày {}): {}",
                status.year,
                format::date(status.today),
                status.version.map_or("chưa đặt tiêu chuẩn áp dụng", |v| v.label())
            ));
            match &status.announcement {
                Some(ann) => ctx.out.line(format!(
                    "Công bố: {} ({}, {} thủ tục).",
                    ann.input.record(),
                    ann.input.version.label(),
                    format::count(ann.input.procedures.len())
                )),
                None => ctx.out.line("Công bố: chưa có."),
            }
            ctx.out.line(format!("Đánh giá nội bộ trong năm: {}.", format::count(status.audits.len())));
            ctx.out.line(format!("Xem xét của lãnh đạo trong năm: {}.", format::count(status.reviews.len())));
            match &status.report {
                Some(r) => ctx.out.line(format!("Báo cáo năm: số {} ngày {}.", r.number, format::date(r.date))),
                None => ctx.out.line("Báo cáo năm: chưa gửi."),
            }
            ctx.out.findings_grouped(&status.findings);
            Ok(done)
        }
    }
}
