//! `report`: the official reports as PDF (periodic CCHC report, Biểu 06), the official's section texts, issuing a
//! report with its number from the outgoing-document register, and the register itself.

use crate::Ctx;
use crate::format;
use crate::output::{CmdResult, Done, new_table};
use cchc::model::{PeriodKey, ReportKind};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    #[command(about = "In báo cáo kết quả thực hiện công tác cải cách hành chính của kỳ (PDF, kèm các phụ lục)")]
    Periodic(PrintArgs),
    #[command(about = "In Biểu số 06/VPCP/KSTT của kỳ (PDF, khổ ngang)")]
    Stats(PrintArgs),
    #[command(
        about = "In báo cáo kết quả tự đánh giá, chấm điểm Chỉ số CCHC của năm (PDF, kèm bảng điểm và tài liệu kiểm chứng)"
    )]
    Assessment(YearPrintArgs),
    #[command(about = "Xem các mục của báo cáo: bản nháp từ sổ hay nội dung đã sửa")]
    Sections(SectionsArgs),
    #[command(about = "Ghi nội dung đã sửa của một mục (từ tệp văn bản), hoặc trả mục về bản nháp (--reset)")]
    Section(SectionArgs),
    #[command(about = "Ban hành báo cáo: lấy số trong sổ văn bản đi của năm và in bản chính thức")]
    Issue(IssueArgs),
    #[command(about = "Xem sổ văn bản đi")]
    Register(RegisterArgs),
}

#[derive(Args, Debug)]
pub struct PrintArgs {
    #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Kỳ báo cáo: 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025")]
    period: PeriodKey,
    #[arg(long, value_name = "TỆP.pdf", help = "Tệp PDF sẽ ghi ra")]
    out: PathBuf,
}

#[derive(Args, Debug)]
pub struct YearPrintArgs {
    #[arg(long, value_name = "NĂM", help = "Năm đánh giá")]
    year: i32,
    #[arg(long, value_name = "TỆP.pdf", help = "Tệp PDF sẽ ghi ra")]
    out: PathBuf,
}

#[derive(Args, Debug)]
pub struct SectionsArgs {
    #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Kỳ báo cáo (báo cáo tự đánh giá: năm)")]
    period: PeriodKey,
    #[arg(long, value_enum, value_name = "LOẠI", default_value = "periodic", help = KIND_HELP, long_help = "Loại báo cáo")]
    kind: Kind,
}

#[derive(Args, Debug)]
pub struct SectionArgs {
    #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Kỳ báo cáo")]
    period: PeriodKey,
    #[arg(long, value_enum, value_name = "LOẠI", default_value = "periodic", help = KIND_HELP, long_help = "Loại báo cáo")]
    kind: Kind,
    #[arg(long, value_name = "MỤC", help = "Mục: I, II.1 … II.6, III, IV, V (báo cáo tự đánh giá: I, III, IV)")]
    section: String,
    #[arg(
        long,
        value_name = "TỆP",
        conflicts_with = "reset",
        required_unless_present = "reset",
        help = "Tệp văn bản (UTF-8) chứa nội dung của mục"
    )]
    file: Option<PathBuf>,
    #[arg(long, help = "Bỏ nội dung đã sửa, in lại bản nháp từ sổ")]
    reset: bool,
}

pub const KIND_HELP: &str =
    "Loại báo cáo: periodic (báo cáo định kỳ), stats (Biểu 06) hoặc assessment (báo cáo tự đánh giá Chỉ số CCHC)";

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Kind {
    /// Báo cáo định kỳ.
    Periodic,
    /// Biểu 06.
    Stats,
    /// Báo cáo tự đánh giá Chỉ số CCHC.
    Assessment,
}

impl Kind {
    fn report(self) -> ReportKind {
        match self {
            Kind::Periodic => ReportKind::Periodic,
            Kind::Stats => ReportKind::Stats,
            Kind::Assessment => ReportKind::Assessment,
        }
    }
}

#[derive(Args, Debug)]
pub struct IssueArgs {
    #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Kỳ báo cáo")]
    period: PeriodKey,
    #[arg(long, value_enum, value_name = "LOẠI", default_value = "periodic", help = KIND_HELP, long_help = "Loại báo cáo")]
    kind: Kind,
    #[arg(long, value_name = "SỐ", help = "Số văn bản (mặc định: số tiếp theo trong sổ văn bản đi của năm)")]
    number: Option<i64>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày ban hành (dd/mm/yyyy; mặc định hôm nay)")]
    date: Option<NaiveDate>,
    #[arg(long, value_name = "TỆP.pdf", help = "Ghi bản chính thức ra tệp PDF")]
    out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct RegisterArgs {
    #[arg(long, value_name = "NĂM", help = "Chỉ xem năm này")]
    year: Option<i32>,
}

pub fn run(ctx: &Ctx, command: ReportCommand) -> CmdResult {
    match command {
        ReportCommand::Periodic(a) => print(ctx, ReportKind::Periodic, a),
        ReportCommand::Stats(a) => print(ctx, ReportKind::Stats, a),
        ReportCommand::Assessment(a) => print(
            ctx,
            ReportKind::Assessment,
            PrintArgs { period: PeriodKey::new(a.year, cchc::model::PeriodKind::Year), out: a.out },
        ),
        ReportCommand::Sections(a) => {
            let app = ctx.open()?;
            let sections = app.report_sections(a.kind.report(), a.period)?;
            if ctx.out.json {
                ctx.out.json(&sections);
            } else {
                for s in sections {
                    let state = if s.edited.is_some() { "đã sửa" } else { "bản nháp" };
                    ctx.out.line(format!("[{}] {} ({state})", s.key, s.heading));
                    ctx.out.line(s.text());
                    ctx.out.line("");
                }
            }
            Ok(Done::Clean)
        }
        ReportCommand::Section(a) => {
            let mut app = ctx.open()?;
            let text = match &a.file {
                Some(path) => Some(std::fs::read_to_string(path).map_err(|e| cchc::Error::io(path, e))?),
                None => None,
            };
            let section = app.set_report_section(a.kind.report(), a.period, &a.section, text.as_deref())?;
            if ctx.out.json {
                ctx.out.json(&section);
            } else if section.edited.is_some() {
                ctx.out.line(format!("Đã ghi nội dung mục {} của báo cáo {}.", section.key, a.period.label()));
            } else {
                ctx.out.line(format!(
                    "Mục {} của báo cáo {} được in theo bản nháp từ sổ.",
                    section.key,
                    a.period.label()
                ));
            }
            Ok(Done::Clean)
        }
        ReportCommand::Issue(a) => {
            let mut app = ctx.open()?;
            let kind = a.kind.report();
            let doc = app.issue_report(kind, a.period, a.date, a.number)?;
            if let Some(out) = &a.out {
                app.write_report_pdf(kind, a.period, out)?;
            }
            if ctx.out.json {
                ctx.out.json(&doc);
            } else {
                ctx.out.line(format!(
                    "Đã ban hành báo cáo số {} ngày {}: {}.",
                    doc.input.number_text(),
                    format::date(doc.input.date),
                    doc.input.subject
                ));
                if let Some(out) = &a.out {
                    ctx.out.line(format!("Đã ghi bản chính thức vào {}.", out.display()));
                }
            }
            Ok(Done::Clean)
        }
        ReportCommand::Register(a) => {
            let app = ctx.open()?;
            let docs = app.outgoing_documents(a.year)?;
            if ctx.out.json {
                ctx.out.json(&docs);
            } else if docs.is_empty() {
                ctx.out.line("Sổ văn bản đi chưa có văn bản nào.");
            } else {
                let mut table = new_table(&["Số, ký hiệu", "Ngày", "Trích yếu", "Người ký", "Nơi nhận"]);
                for d in &docs {
                    table.add_row(vec![
                        d.input.number_text(),
                        format::date(d.input.date),
                        d.input.subject.clone(),
                        d.input.signer.clone(),
                        d.input.recipients.join("; "),
                    ]);
                }
                ctx.out.table(&table);
            }
            Ok(Done::Clean)
        }
    }
}

fn print(ctx: &Ctx, kind: ReportKind, a: PrintArgs) -> CmdResult {
    let app = ctx.open()?;
    let written = app.write_report_pdf(kind, a.period, &a.out)?;
    let pages = written.pages;
    if ctx.out.json {
        ctx.out.json(&serde_json::json!({ "path": a.out, "bytes": written.bytes, "pages": pages }));
    } else {
        let what = match kind {
            ReportKind::Periodic => format!("báo cáo cải cách hành chính {}", a.period.label()),
            ReportKind::Stats => format!("Biểu số 06/VPCP/KSTT {}", a.period.label()),
            ReportKind::Assessment => format!("báo cáo tự đánh giá Chỉ số CCHC năm {}", a.period.year),
        };
        ctx.out.line(format!("Đã ghi {what} ({} trang) vào {}.", format::count(pages), a.out.display()));
    }
    Ok(Done::Clean)
}
