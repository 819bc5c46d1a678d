//! `staffing`: quotas (biên chế được giao), entered headcounts, people, and the staffing summary for a day.

use crate::format;
use crate::output::{self, Bar, CmdResult, Done, with_finding_messages};
use crate::procedures::{exported, print_import, template_written};
use crate::{Ctx, messages, usage};
use cchc::App;
use cchc::model::{Decision, Headcount, Person, PersonInput, Quota, StaffCategory};
use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum StaffingCommand {
    #[command(subcommand, about = "Biên chế được giao theo năm và loại")]
    Quota(QuotaCommand),
    #[command(about = "Nhập số người có mặt dạng tổng số (khi đơn vị không theo dõi từng người của loại đó)")]
    Headcount(HeadcountArgs),
    #[command(subcommand, about = "Danh sách cán bộ, công chức, người lao động")]
    People(PeopleCommand),
    #[command(about = "Tình hình biên chế tại một ngày: được giao, có mặt, chưa tuyển, đạt chuẩn")]
    Show(ShowArgs),
}

#[derive(Subcommand, Debug)]
pub enum QuotaCommand {
    #[command(about = "Đặt biên chế được giao của một năm và một loại")]
    Set(QuotaArgs),
    #[command(about = "Liệt kê biên chế được giao")]
    List(YearArg),
    #[command(about = "Nhập biên chế từ tệp .xlsx hoặc .csv (kiểm tra toàn bộ trước khi ghi)")]
    Import(ImportArgs),
    #[command(about = "Xuất biên chế ra tệp .xlsx hoặc .csv")]
    Export(FileArg),
    #[command(about = "Tạo tệp mẫu trống để điền biên chế")]
    Template(FileArg),
}

#[derive(Subcommand, Debug)]
pub enum PeopleCommand {
    #[command(about = "Thêm một người")]
    Add(PersonArgs),
    #[command(about = "Liệt kê mọi người trong sổ (cả người đã thôi)")]
    List,
    #[command(about = "Nhập danh sách từ tệp .xlsx hoặc .csv (kiểm tra toàn bộ trước khi ghi)")]
    Import(ImportArgs),
    #[command(about = "Xuất danh sách ra tệp .xlsx hoặc .csv")]
    Export(FileArg),
    #[command(about = "Tạo tệp mẫu trống để điền danh sách")]
    Template(FileArg),
}

#[derive(Args, Debug)]
pub struct QuotaArgs {
    #[arg(long, value_name = "NĂM", help = "Năm")]
    year: i32,
    #[arg(long, value_name = "LOẠI", help = category_help(), long_help = category_long_help())]
    category: String,
    #[arg(long, value_name = "SỐ", help = "Số biên chế được giao")]
    quota: i64,
    #[arg(long, value_name = "SỐ", help = "Số quyết định giao biên chế, ví dụ “15/QĐ-UBND”")]
    basis_number: Option<String>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày quyết định (dd/mm/yyyy)")]
    basis_date: Option<NaiveDate>,
}

#[derive(Args, Debug)]
pub struct HeadcountArgs {
    #[arg(long, value_name = "NĂM", help = "Năm")]
    year: i32,
    #[arg(long, value_name = "LOẠI", help = category_help(), long_help = category_long_help())]
    category: String,
    #[arg(long, value_name = "SỐ", help = "Số người có mặt")]
    count: i64,
    #[arg(
        long,
        value_name = "SỐ",
        help = "Trong đó số người đạt chuẩn (bỏ trống: chưa rõ, không tính vào tỷ lệ đạt chuẩn)"
    )]
    meeting_standard: Option<i64>,
}

#[derive(Args, Debug)]
pub struct PersonArgs {
    #[arg(long, value_name = "HỌ_TÊN", help = "Họ và tên")]
    name: String,
    #[arg(long, value_name = "LOẠI", help = category_help(), long_help = category_long_help())]
    category: String,
    #[arg(long, value_name = "CHỨC_DANH", help = "Chức danh hoặc vị trí việc làm")]
    position: Option<String>,
    #[arg(long, value_name = "NGẠCH", help = "Ngạch")]
    rank: Option<String>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày vào (dd/mm/yyyy)")]
    joined: Option<NaiveDate>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày thôi (dd/mm/yyyy)")]
    left: Option<NaiveDate>,
    #[arg(long, help = "Đã đạt chuẩn")]
    standard_met: bool,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Hạn phải đạt chuẩn (dd/mm/yyyy)")]
    standard_deadline: Option<NaiveDate>,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày xem (dd/mm/yyyy; mặc định hôm nay)")]
    date: Option<NaiveDate>,
    #[arg(
        long,
        value_name = "NĂM",
        conflicts_with = "date",
        help = "Xem theo năm: ngày 31/12 của năm đó (năm nay: hôm nay)"
    )]
    year: Option<i32>,
}

#[derive(Args, Debug)]
pub struct YearArg {
    #[arg(long, value_name = "NĂM", help = "Chỉ năm này")]
    year: Option<i32>,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    #[arg(value_name = "TỆP", help = "Tệp .xlsx hoặc .csv")]
    pub file: PathBuf,
    #[arg(long, help = "Chạy thử: chỉ kiểm tra và cho biết sẽ thêm, sửa gì, không ghi vào sổ")]
    pub dry_run: bool,
}

#[derive(Args, Debug)]
pub struct FileArg {
    #[arg(value_name = "TỆP", help = "Tệp .xlsx hoặc .csv")]
    pub file: PathBuf,
}

/// `--category`'s help: the staff categories by code, each with its Vietnamese name.
fn category_help() -> String {
    usage::choices("Loại cán bộ, công chức (mã)", &StaffCategory::SEEDED)
}

fn category_long_help() -> String {
    usage::choices_long("Loại cán bộ, công chức (mã)", &StaffCategory::SEEDED)
}

pub fn run(ctx: &Ctx, command: StaffingCommand) -> CmdResult {
    match command {
        StaffingCommand::Quota(QuotaCommand::Set(a)) => {
            let mut app = ctx.open()?;
            let basis = Decision { number: a.basis_number.unwrap_or_default(), date: a.basis_date };
            let quota = app.set_quota(Quota { year: a.year, category: a.category, quota: a.quota, basis })?;
            if ctx.out.json {
                ctx.out.json(&quota);
            } else {
                ctx.out.line(format!(
                    "Đã đặt biên chế năm {} của loại “{}”: {}.",
                    quota.year,
                    category_name(&app, &quota.category)?,
                    format::int(quota.quota)
                ));
            }
            Ok(Done::Clean)
        }
        StaffingCommand::Quota(QuotaCommand::List(YearArg { year })) => {
            let app = ctx.open()?;
            let quotas = app.quotas(year)?;
            if ctx.out.json {
                ctx.out.json(&quotas);
                return Ok(Done::Clean);
            }
            let mut table = output::new_table(&["Năm", "Loại", "Biên chế", "Quyết định giao"]);
            for q in &quotas {
                let basis = match q.basis.date {
                    Some(d) => format!("{} ngày {}", q.basis.number, format::date(d)),
                    None => q.basis.number.clone(),
                };
                table.add_row(vec![
                    q.year.to_string(),
                    category_name(&app, &q.category)?,
                    format::int(q.quota),
                    basis.trim().to_string(),
                ]);
            }
            output::align_right(&mut table, [2]);
            ctx.out.table(&table);
            Ok(Done::Clean)
        }
        StaffingCommand::Quota(QuotaCommand::Import(args)) => {
            let mut app = ctx.open()?;
            let bar = Bar::new(ctx.out, "Đang nhập biên chế");
            let report = app.import_quotas(&args.file, args.dry_run, &|done, total| bar.tick(done, total))?;
            drop(bar);
            Ok(print_import(ctx, &report, &args.file, "dòng biên chế", "staffing quota"))
        }
        StaffingCommand::Quota(QuotaCommand::Export(FileArg { file })) => {
            let rows = ctx.open()?.export_quotas(&file)?;
            exported(ctx, &file, rows, "dòng biên chế")
        }
        StaffingCommand::Quota(QuotaCommand::Template(FileArg { file })) => {
            App::write_quota_template(&file)?;
            template_written(ctx, &file, "staffing quota")
        }
        StaffingCommand::Headcount(a) => {
            let mut app = ctx.open()?;
            let h = app.set_headcount(Headcount {
                year: a.year,
                category: a.category,
                count: a.count,
                meeting_standard: a.meeting_standard,
            })?;
            if ctx.out.json {
                ctx.out.json(&h);
            } else {
                let meeting = match h.meeting_standard {
                    Some(m) => format!(", trong đó {} người đạt chuẩn", format::int(m)),
                    None => String::new(),
                };
                ctx.out.line(format!(
                    "Đã ghi số có mặt năm {} của loại “{}”: {}{meeting}.",
                    h.year,
                    category_name(&app, &h.category)?,
                    format::int(h.count)
                ));
            }
            Ok(Done::Clean)
        }
        StaffingCommand::People(PeopleCommand::Add(a)) => {
            let mut app = ctx.open()?;
            let input = PersonInput {
                position: a.position.unwrap_or_default(),
                rank: a.rank.unwrap_or_default(),
                joined: a.joined,
                left: a.left,
                standard_met: a.standard_met,
                standard_deadline: a.standard_deadline,
                ..PersonInput::new(&a.name, &a.category)
            };
            let person = app.add_person(input)?;
            if ctx.out.json {
                ctx.out.json(&person);
            } else {
                ctx.out.line(format!("Đã thêm {} (số {}).", person.input.name, person.id));
            }
            Ok(Done::Clean)
        }
        StaffingCommand::People(PeopleCommand::List) => {
            let app = ctx.open()?;
            let people = app.people()?;
            if ctx.out.json {
                ctx.out.json(&people);
                return Ok(Done::Clean);
            }
            let mut table = output::new_table(&[
                "Số",
                "Họ và tên",
                "Chức danh",
                "Loại",
                "Ngày vào",
                "Ngày thôi",
                "Đạt chuẩn",
                "Hạn đạt chuẩn",
            ]);
            for p in &people {
                table.add_row(person_row(&app, p)?);
            }
            ctx.out.table(&table);
            ctx.out.line(format!("Tổng: {} người", format::count(people.len())));
            Ok(Done::Clean)
        }
        StaffingCommand::People(PeopleCommand::Import(args)) => {
            let mut app = ctx.open()?;
            let bar = Bar::new(ctx.out, "Đang nhập danh sách");
            let report = app.import_people(&args.file, args.dry_run, &|done, total| bar.tick(done, total))?;
            drop(bar);
            Ok(print_import(ctx, &report, &args.file, "người", "staffing people"))
        }
        StaffingCommand::People(PeopleCommand::Export(FileArg { file })) => {
            let rows = ctx.open()?.export_people(&file)?;
            exported(ctx, &file, rows, "người")
        }
        StaffingCommand::People(PeopleCommand::Template(FileArg { file })) => {
            App::write_people_template(&file)?;
            template_written(ctx, &file, "staffing people")
        }
        StaffingCommand::Show(ShowArgs { date, year }) => {
            let today = ctx.today();
            let day = match (date, year) {
                (Some(day), _) => day,
                (None, Some(y)) if y != today.year() => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(today),
                _ => today,
            };
            show(ctx, day)
        }
    }
}

fn show(ctx: &Ctx, date: NaiveDate) -> CmdResult {
    let app = ctx.open()?;
    let s = app.staffing(date)?;
    // Showing is not checking: over-quota findings are printed, and `cchc check` exits non-zero for them.
    let done = Done::Clean;
    if ctx.out.json {
        ctx.out.json(&with_finding_messages(&s, &s.findings));
        return Ok(done);
    }
    ctx.out.line(format!("Tình hình biên chế ngày {} (biên chế được giao năm {}):", format::date(date), date.year()));
    let mut table = output::new_table(&["Loại", "Được giao", "Có mặt", "Chưa tuyển", "Đạt chuẩn"]);
    let or_dash = |v: Option<i64>| v.map_or("–".to_string(), format::int);
    for r in &s.rows {
        let present = if r.source == "entered" {
            format!("{} (nhập tổng số)", format::int(r.present))
        } else {
            format::int(r.present)
        };
        table.add_row(vec![
            r.name.clone(),
            or_dash(r.quota),
            present,
            or_dash(r.vacancies),
            or_dash(r.meeting_standard),
        ]);
    }
    table.add_row(vec![
        "Tổng (các loại có biên chế)".into(),
        format::int(s.quota),
        format::int(s.present),
        format::int(s.vacancies),
        String::new(),
    ]);
    output::align_right(&mut table, [1, 2, 3, 4]);
    ctx.out.table(&table);
    if let Some(share) = s.standard_share {
        let unknown = if s.standard_unknown > 0 {
            format!(
                " (trên {} người; {} người nhập tổng số chưa ghi số đạt chuẩn nên chưa tính)",
                format::int(s.standard_known),
                format::int(s.standard_unknown)
            )
        } else {
            String::new()
        };
        ctx.out.line(format!("Tỷ lệ đạt chuẩn: {}{unknown}.", format::percent(share)));
    }
    for due in &s.standard_due {
        let when = if due.days_left < 0 {
            format!("đã quá hạn {} ngày", format::int(-due.days_left))
        } else {
            format!("còn {} ngày", format::int(due.days_left))
        };
        ctx.out.line(format!("Hạn đạt chuẩn: {} – {} ({when}).", due.person, format::date(due.deadline)));
    }
    for f in &s.findings {
        ctx.out.line(messages::finding_line(f));
    }
    Ok(done)
}

fn person_row(app: &App, p: &Person) -> cchc::Result<Vec<String>> {
    let date = |d: Option<NaiveDate>| d.map(format::date).unwrap_or_default();
    let i = &p.input;
    Ok(vec![
        p.id.to_string(),
        i.name.clone(),
        i.position.clone(),
        category_name(app, &i.category)?,
        date(i.joined),
        date(i.left),
        format::yes_no(i.standard_met).to_string(),
        date(i.standard_deadline),
    ])
}

fn category_name(app: &App, code: &str) -> cchc::Result<String> {
    Ok(app.staff_categories()?.into_iter().find(|c| c.code == code).map_or(code.to_string(), |c| c.name))
}
